"""Screening: session 41 (screen41), the tenth blind round (/work/s41/screen41-cases/) and session 40's open rows: a
name all in capitals ending in a syllable that spells a two-letter legal form ("LEE JONG SE") is no company's name; an
English name alone ("Miles Yu") is no possible match for a person the notices name only in Chinese (decided, session 40).
Pure."""

from __future__ import annotations

import pytest

from storage.records import EntityRecord
from storage.watchlist import Counterparty, Watchlist

LEE_JONG_CO = EntityRecord(zh="李钟有限公司", en="Lee Jong Co., Ltd.", country=None, key="leejong")
KIM_MIN_CO = EntityRecord(zh="金敏有限公司", en="Kim Min Ltd", country=None, key="kimmin")
SHIELD = EntityRecord(zh="盾牌人工智能公司", en="Shield AI, Inc.", country="US", key="shieldai")
SKYDIO = EntityRecord(zh="斯凯迪奥公司", en="Skydio Inc.", country="US", key="skydio")
DELIVERY = EntityRecord(zh="外卖英雄公司", en="Delivery Hero", country=None, key="deliveryhero")
YU = EntityRecord(zh="余茂春", en=None, country=None, key="余茂春", type="individual")


def one(name: str, country: str | None = None) -> Watchlist:
    return Watchlist((Counterparty(name, country=country),))


@pytest.mark.parametrize(("cell", "entity"), [
    # a Korean person in capitals, "SE" his last syllable: read "LEE JONG Ltd", he hit a company at 100 (review41's open)
    ("LEE JONG SE", LEE_JONG_CO), ("KIM MIN AS", KIM_MIN_CO), ("LEE JONG SE", EntityRecord(
        zh="李钟株式会社", en="Lee Jong KK", country=None, key="leejongkk")),
])
def test_a_syllable_in_capitals_is_no_legal_form(cell: str, entity: EntityRecord) -> None:
    hit = one(cell).match(entity)
    assert hit is None or hit.method not in ("exact", "normalised"), (cell, hit)


@pytest.mark.parametrize(("cell", "entity"), [
    # a form a case tells apart, or a name no person's syllables spell: still read as the company's form
    ("Shield AI SE", SHIELD), ("SKYDIO AB", SKYDIO), ("Skydio NV", SKYDIO),
    ("DELIVERY HERO SE", DELIVERY), ("Lee Jong Ltd", LEE_JONG_CO),
])
def test_a_companys_form_still_hits(cell: str, entity: EntityRecord) -> None:
    hit = one(cell).match(entity)
    assert hit is not None and hit.method in ("exact", "normalised"), (cell, hit)


def test_mixed_case_form_after_syllables_is_read() -> None:
    """"Lee Jong SE": the form in capitals after a name in mixed case is a company's, as "Skydio SE" is."""
    hit = one("Lee Jong SE").match(LEE_JONG_CO)
    assert hit is not None and hit.method == "normalised"


@pytest.mark.parametrize("cell", ["Miles Yu", "Miles M. Yu", "MILES YU", "Yu, Miles", "Dr. Miles Yu"])
def test_an_english_name_alone_is_no_match_for_a_chinese_name(cell: str) -> None:
    """余茂春 is named by the notices only in Chinese; "Miles Yu" would flag every "… Yu" (decided, session 40: nothing
    unless a stored notice gives that English name). The pinyin beside it ("Miles Maochun Yu") is possible (screen40)."""
    wl = one(cell)
    assert wl.match(YU) is None and wl.possible(YU) == (), cell


def test_the_pinyin_beside_an_english_name_stays_possible() -> None:
    assert one("Miles Maochun Yu").possible(YU)


S3 = EntityRecord(zh="S3航空防务公司", en="S3 AeroDefense", country="US", key="s3aerodefense")
ACT1 = EntityRecord(zh="ACT1联邦公司", en="ACT1 Federal", country="US", key="act1federal")
L3 = EntityRecord(zh="L3哈里斯公司", en="L3 Harris Technologies", country="US", key="l3harristechnologies")
TEAL = EntityRecord(zh="蒂尔无人机公司", en="Teal Drones, Inc.", country="US", key="tealdrones")
MOSS = EntityRecord(zh="汤姆·莫斯", en="Tom Moss", country="US", key="tommoss", type="individual")


@pytest.mark.parametrize(("cell", "entity"), [
    # another number is another company: fuzzy hits at 92 and 91 (screen41 rows 52, 53)
    ("S4 AeroDefense", S3), ("ACT2 Federal", ACT1), ("ACT 2 Federal", ACT1), ("L4 Harris Technologies", L3)])
def test_another_number_is_no_fuzzy_hit(cell: str, entity: EntityRecord) -> None:
    assert one(cell).match(entity) is None, cell


@pytest.mark.parametrize(("cell", "entity"), [
    ("S3 AeroDefense Inc", S3), ("S-3 AeroDefense", S3), ("ACT 1 Federal", ACT1), ("L-3 Harris Technologies", L3),
    ("S3 AeroDefence", S3)])  # the same number, a slip elsewhere: still a hit
def test_the_same_number_still_hits(cell: str, entity: EntityRecord) -> None:
    assert one(cell).match(entity) is not None, cell


@pytest.mark.parametrize("cell", ["Teal Drone Inc", "Teal Drone", "TEAL DRONE, INC."])
def test_a_generic_words_singular_is_generic(cell: str) -> None:
    """"Drone" as "Drones" is a generic word: "Teal Drone Inc" got nothing, not even a possible match (screen41)."""
    assert one(cell).match(TEAL) is not None, cell


@pytest.mark.parametrize("cell", ["Teal Racing Inc", "Teal Drone Racing Club"])
def test_another_distinctive_word_stays_clear_of_a_hit(cell: str) -> None:
    assert one(cell).match(TEAL) is None, cell


@pytest.mark.parametrize("cell", ["Gen. (Ret.) Tom Moss", "Col. (Ret) Tom Moss", "Adm. (Retired) Tom Moss",
                                  "Maj. (USMC) Tom Moss", "Gen. Tom Moss", "Lt. Gen. (Ret.) Tom Moss",
                                  "Lt. Gen. Tom Moss", "Dr. Prof. Tom Moss"])
def test_a_rank_with_retired_before_the_name(cell: str) -> None:
    """"Gen. (Ret.) Tom Moss" got nothing: the title was taken, "(Ret.)" read as part of the name; "Lt. Gen. (Ret.) Tom
    Moss" too, one title of two taken (screen41)."""
    hit = one(cell).match(MOSS)
    assert hit is not None and hit.score == 100.0, (cell, hit)


ICKES = EntityRecord(zh="詹姆斯·伊克斯", en="James William Ickes II", country="US", key="jameswilliamickesii",
                     type="individual")


@pytest.mark.parametrize("cell", ["J. W. Ickes II", "J. W. Ickes", "Ickes, J. W. II", "J. Ickes"])
def test_initials_before_a_listed_generation_are_possible(cell: str) -> None:
    """The listed "II" was read as the surname: "J. W. Ickes II" got nothing, as "S. R. Rudder" is possible (screen41)."""
    wl = one(cell)
    assert wl.match(ICKES) is None and wl.possible(ICKES), cell


@pytest.mark.parametrize("cell", ["J. W. Ickes III", "J. W. Ickes Jr.", "J. X. Ickes II", "W. J. Ickes II"])
def test_initials_with_another_generation_or_other_initials_stay_clear(cell: str) -> None:
    assert one(cell).possible(ICKES) == (), cell
