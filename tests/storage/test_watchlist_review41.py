"""Screening: session 40's review (review41) of screen40's reading of another country's legal form ("Skydio B.V."):
a person's last syllable that spells such a form ("Chan Kam Sau", "LEE JONG SE") is no legal form of a listed person's
name, nor "Sau" of a counterparty's. Pure."""

from __future__ import annotations

import pytest

from storage.records import EntityRecord
from storage.watchlist import Counterparty, Watchlist

CHAN = EntityRecord(zh="陈锦秀", en="Chan Kam Sau", country=None, key="chankamsau", type="individual")
LEE = EntityRecord(zh="李钟世", en="LEE JONG SE", country=None, key="leejongse", type="individual")
CHAN_CO = EntityRecord(zh="陈锦有限公司", en="Chan Kam Limited", country=None, key="chankam")


def one(name: str) -> Watchlist:
    return Watchlist((Counterparty(name, country=None),))


@pytest.mark.parametrize(("cell", "entity"), [
    # the listed person's name read as "Chan Kam Ltd": a company of his surname and one given syllable, or another
    # person, hit him at 100 (review41)
    ("Chan Kam Limited", CHAN), ("Chan Kam Co., Ltd.", CHAN), ("Chan Kam", CHAN), ("Lee Jong Ltd", LEE),
    ("Lee Jong", LEE),
    # a person's "Sau" read as "Ltd": Chan Kam Sau hit the company Chan Kam Limited
    ("Chan Kam Sau", CHAN_CO), ("CHAN KAM SAU", CHAN_CO),
])
def test_a_persons_syllable_is_no_legal_form(cell: str, entity: EntityRecord) -> None:
    hit = one(cell).match(entity)
    assert hit is None or hit.method not in ("exact", "normalised"), (cell, hit)


@pytest.mark.parametrize(("cell", "entity"), [("Chan Kam Sau", CHAN), ("CHAN KAM SAU", CHAN), ("Lee Jong Se", LEE),
                                              ("Chan Kam Limited", CHAN_CO)])
def test_the_persons_own_name_still_hits(cell: str, entity: EntityRecord) -> None:
    hit = one(cell).match(entity)
    assert hit is not None and hit.method in ("exact", "normalised"), (cell, hit)
