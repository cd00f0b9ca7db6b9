"""Screening: session 42 (screen42), the eleventh blind round (/work/s42/screen42-cases/): a distinctive word swapped
for another is no fuzzy hit however long the rest ("Prosperous Africa"); a listed name run together otherwise inside a
longer one ("L3Harris … (Canada)") is possible as any listed name inside is; a number written in words for digits or
the reverse ("Red 6", "ACT One") is possible. Pure."""

from __future__ import annotations

import pytest

from storage.possible import NUMBER
from storage.records import EntityRecord
from storage.watchlist import Counterparty, Watchlist, fuzzy_score

CFPA = EntityRecord(zh="美国繁荣联盟", en="Coalition For A Prosperous America", country="US",
                    key="coalitionforaprosperousamerica")
SIERRA = EntityRecord(zh="内华达山脉公司", en="Sierra Nevada Corporation", country="US", key="sierranevada")
LOCKHEED = EntityRecord(zh="洛克希德·马丁公司", en="Lockheed Martin Corporation", country="US", key="lockheedmartin")
L3 = EntityRecord(zh="L3哈里斯公司", en="L3 Harris Technologies", country="US", key="l3harristechnologies")
L3M = EntityRecord(zh="L3哈里斯海事服务公司", en="L3Harris Maritime Services, Inc.", country="US",
                   key="l3harrismaritimeservices")
LMMFC = EntityRecord(zh="洛克希德·马丁导弹与火控公司", en="Lockheed Martin Missiles and Fire Control", country="US",
                     key="lockheedmartinmissilesandfirecontrol")
RED6 = EntityRecord(zh="红色六方案公司", en="Red Six Solutions", country="US", key="redsixsolutions")
ACT1 = EntityRecord(zh="ACT1联邦公司", en="ACT1 Federal", country="US", key="act1federal")
S3 = EntityRecord(zh="S3航空防务公司", en="S3 AeroDefense", country="US", key="s3aerodefense")


def one(name: str, country: str | None = None) -> Watchlist:
    return Watchlist((Counterparty(name, country=country),))


@pytest.mark.parametrize("cell", ["The Coalition for a Prosperous Africa", "Coalition For A Prosperous Armenia",
                                  "Coalition for a Prosperous Americas Fund"])
def test_another_distinctive_word_is_no_fuzzy_hit(cell: str) -> None:
    """"Africa" for "America": fuzzy 94.9 on the whole and the distinctive words, a hit (screen42)."""
    hit = one(cell).match(CFPA)
    assert hit is None or hit.method not in ("exact", "normalised", "fuzzy"), (cell, hit)


@pytest.mark.parametrize(("cell", "entity"), [
    ("Coalition for a Prosperous Amercia", CFPA), ("Sierra Nevda Corp", SIERRA), ("Lockhed Martn Corp", LOCKHEED),
    ("Coalition for a Prosperus Amercia", CFPA), ("Lokheed Martin Corporation", LOCKHEED),
    ("LOCKHEED MARTIN MISSILES AND FIRE C", LMMFC),  # a bank field's 35 characters: a word cut short (screen37's row)
])
def test_typing_slips_still_hit(cell: str, entity: EntityRecord) -> None:
    hit = one(cell).match(entity)
    assert hit is not None and hit.method == "fuzzy", (cell, hit)


def test_two_slips_in_a_long_word_still_score() -> None:
    assert fuzzy_score("Coalition for a Prosperous Amrica", "Coalition For A Prosperous America") >= 90


@pytest.mark.parametrize(("cell", "entity"), [
    ("L3Harris Technologies (Canada) Inc.", L3), ("L3HARRIS TECHNOLOGIES CANADA", L3),
    ("L3 Harris Maritime Services (UK) Ltd", L3M), ("Former L3Harris Technologies assets trust", L3),
])
def test_a_listed_name_run_together_otherwise_inside_is_possible(cell: str, entity: EntityRecord) -> None:
    """It got nothing, while "Leidos (UK) Limited" was possible for Leidos (screen42)."""
    wl = one(cell)
    assert wl.match(entity) is None, cell
    found = wl.possible(entity)
    assert found and "a listed name inside this one" in (found[0].match.reason or ""), (cell, found)


@pytest.mark.parametrize(("cell", "entity"), [
    ("Red 6 Solutions", RED6), ("RED 6 SOLUTIONS LLC", RED6), ("ACT One Federal", ACT1), ("ACT One Federal, LLC", ACT1),
    ("S Three AeroDefense", S3), ("S Three AeroDefense Inc.", S3),
])
def test_a_number_written_otherwise_is_possible(cell: str, entity: EntityRecord) -> None:
    """Nothing before (screen41's B left, screen42): possible, not a hit: the listed spelling is the company's."""
    wl = one(cell)
    assert wl.match(entity) is None, cell
    found = wl.possible(entity)
    assert found and found[0].match.reason == NUMBER, (cell, found)


@pytest.mark.parametrize(("cell", "entity"), [
    ("Red Sox Solutions", RED6), ("Red 7 Solutions", RED6), ("Red Seven Solutions LLC", RED6),
    ("ACT Two Federal", ACT1), ("ACT 10 Federal", ACT1), ("S Four AeroDefense", S3),
])
def test_another_number_is_no_match(cell: str, entity: EntityRecord) -> None:
    wl = one(cell)
    assert wl.match(entity) is None and wl.possible(entity) == (), cell
