"""The other names a notice gives an entity (``EntityRecord.aliases``): read from the note, matched as its own."""

from __future__ import annotations

import importlib.util

import pytest

from storage.db import MIGRATIONS_DIR
from storage.names import other_names
from storage.records import EntityRecord, NoticeRecord
from storage.watchlist import Counterparty, Watchlist

NOTES = {  # the note the parser writes -> the names it gives
    "又称Sequoia Dynamic Systems": ("Sequoia Dynamic Systems",),
    "亦称灰狼技术公司": ("灰狼技术公司",),
    "also known as Hermes Aero": ("Hermes Aero",),
    "曾用名：Polaris Research Institute": ("Polaris Research Institute",),
    "别名：黑岩防务公司": ("黑岩防务公司",),
    "又称A公司、B公司": ("A公司", "B公司"),
    "also known as Alpha, Inc., formerly Beta LLC": ("Alpha, Inc.", "Beta LLC"),
    "地址：美国加州某市，又称“猎鹰”": ("猎鹰",),
    "a.k.a. Zed Corp": ("Zed Corp",),
    # no alias: an address, a person's sex and role, a word inside an address, the notice's own short form
    "地址：美国弗吉尼亚州": (),
    "男，斯凯迪奥公司首席执行官": (),
    "地址：1 Formerly Street": (),
    "以下简称红杉": (),
}


@pytest.mark.parametrize("note", NOTES)
def test_the_names_an_alias_word_brings_in(note: str) -> None:
    assert other_names(None, note) == NOTES[note]


def test_a_dba_name_gives_both_its_names_and_stays_whole() -> None:
    assert other_names("Alpha Tactical Solutions, L.L.C. d/b/a AlphaTac", None) == (
        "Alpha Tactical Solutions, L.L.C.", "AlphaTac")


def test_the_migration_reads_a_note_as_the_parser_does() -> None:
    """0011 fills the aliases of a stored record from its note with its own frozen copy of other_names: the same."""
    spec = importlib.util.spec_from_file_location("m0011", MIGRATIONS_DIR / "versions" / "0011_entity_aliases.py")
    assert spec is not None and spec.loader is not None
    m0011 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m0011)
    for note in NOTES:
        assert m0011.other_names(None, note) == other_names(None, note), note
    dba = "Alpha Tactical Solutions, L.L.C. d/b/a AlphaTac"
    assert m0011.other_names(dba, None) == other_names(dba, None)


def test_an_alias_hit_says_so_and_the_entitys_own_name_comes_first() -> None:
    khi = EntityRecord(zh="川崎重工业株式会社", en="Kawasaki Heavy Industries, Ltd.", country="JP",
                       key="kawasakiheavyindustries", note="又称KHI", aliases=("KHI",))
    wl = Watchlist((Counterparty("K.H.I."), Counterparty("Kawasaki Heavy Industries"), Counterparty("KHI Ltd")))
    alone = Watchlist((Counterparty("khi"),))
    m = alone.match(khi)
    assert m is not None and (m.method, m.entity_name, m.alias) == ("normalised", "KHI", "KHI")
    assert m.reason == "alias given by notice: “KHI”"
    own = wl.match(khi)
    assert own is not None and own.alias is None and own.reason is None  # its own name first
    # the same names without the alias: no hit (session 18 read it into the note alone)
    bare = EntityRecord(zh=khi.zh, en=khi.en, country="JP", key=khi.key, note="又称KHI")
    assert alone.match(bare) is None


def test_aliases_round_trip_and_are_left_out_of_the_json_when_there_is_none() -> None:
    rec = NoticeRecord.from_json({"key": "K", "kind": "announcement", "entities": [
        {"zh": "甲公司", "en": "Alpha Inc.", "key": "alpha", "aliases": ["Alpha Systems"]},
        {"zh": "乙公司", "en": "Beta Inc.", "key": "beta"}]})
    assert rec.entities[0].aliases == ("Alpha Systems",) and rec.entities[1].aliases == ()
    data = rec.to_json()
    assert data["entities"][0]["aliases"] == ["Alpha Systems"] and "aliases" not in data["entities"][1]


def test_an_alias_and_a_branch_of_the_same_spelling_are_told_apart() -> None:
    """The match is cached per entity: a branch "KHI" (a branch's listing, no alias reason) is not an alias "KHI"."""
    wl = Watchlist((Counterparty("KHI"),))
    names = dict(zh="川崎重工业株式会社", en="Kawasaki Heavy Industries, Ltd.", key="kawasakiheavyindustries")
    by_branch = wl.match(EntityRecord(**names, branches=("KHI",)))
    by_alias = wl.match(EntityRecord(**names, aliases=("KHI",)))
    assert by_branch is not None and by_branch.alias is None
    assert by_alias is not None and by_alias.alias == "KHI"
