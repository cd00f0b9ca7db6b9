"""Screening: session 40 (mfa40). Latin letters that carry no combining accent (Polish Ł, Danish/Norwegian Ø, Croatian Đ,
Turkish ı, Icelandic Þ, æ and œ): a counterparty written without them ("Lukasz Wisniewski") got nothing against the
listed "Łukasz Wiśniewski" (MFA order No. 144 of mfa40's corpus), while "Jurgen Weiss" hit "Jürgen Weiß". Pure."""

from __future__ import annotations

import pytest

from storage.records import EntityRecord
from storage.watchlist import Counterparty, Watchlist

WIS = EntityRecord(zh="卢卡什·维希涅夫斯基", en="Łukasz Wiśniewski", country="PL", key="łukaszwiśniewski", type="individual")
ODE = EntityRecord(zh="瑟伦·厄德高", en="Søren Ødegård", country="NO", key="sørenødegård", type="individual")
DJU = EntityRecord(zh="久罗·久里奇", en="Đuro Đurić", country="HR", key="đurođurić", type="individual")


def hit(name: str, entity: EntityRecord) -> bool:
    return Watchlist((Counterparty(name),)).match(entity) is not None


@pytest.mark.parametrize(("name", "entity"), [("Lukasz Wisniewski", WIS), ("LUKASZ WISNIEWSKI", WIS), ("Soren Odegard", ODE),
                                              ("Duro Duric", DJU), ("Łukasz Wiśniewski", WIS)])
def test_a_name_written_without_a_stroked_letter_hits_the_listed_one(name: str, entity: EntityRecord) -> None:
    assert hit(name, entity)


@pytest.mark.parametrize("name", ["Lukasz Wisniewska", "Jan Wisniewski", "Soren Odegaard Hansen"])
def test_look_alikes_stay_clear(name: str) -> None:
    assert not any(hit(name, e) for e in (WIS, ODE))
