"""Screening: faults found reading session 38's screening additions line by line (review39). Pure."""

from __future__ import annotations

import pytest

from storage.records import EntityRecord
from storage.watchlist import Counterparty, Watchlist, own_parts

MOSS = EntityRecord(zh="汤姆·莫斯", en="Tom Moss", country="US", key="tommoss", type="individual")
SKYDIO = EntityRecord(zh="斯凯迪奥公司", en="Skydio Inc.", country="US", key="skydio")


@pytest.mark.parametrize("cell", ['Thomas "Tom" Moss (USA)', "Thomas 'Tom' Moss (US)", "Thomas “Tom” Moss (United States)"])
def test_a_nickname_in_quotes_before_a_country_in_brackets_hits(cell: str) -> None:
    """The cell's name was cut to 'Thomas "Tom" Moss (USA' (its closing bracket stripped as an alias's), so the name by the
    nickname, "Tom Moss (USA", kept no country and hit nothing, while 'Thomas "Tom" Moss' and "Tom Moss (USA)" hit."""
    hit = Watchlist((Counterparty(cell),)).match(MOSS)
    assert hit is not None and hit.method != "possible"
    assert hit.reason is not None and "nickname “Tom”" in hit.reason


def test_a_country_in_brackets_stays_its_own() -> None:
    """('Thomas "Tom" Moss (Japan)' is another man: the countries disagree.)"""
    assert Watchlist((Counterparty('Thomas "Tom" Moss (Japan)'),)).match(MOSS) is None


def test_an_alias_keeps_its_own_bracket() -> None:
    """"Skydio Inc (d/b/a Skydio (US))": the d/b/a name was "Skydio (US", its bracket cut half."""
    assert own_parts("Skydio Inc (d/b/a Skydio (US))")[1][0] == "Skydio (US)"
    assert own_parts("X Corp (formerly Skydio Inc.))") == (("Skydio Inc.", "by its former name “Skydio Inc.”"),)
