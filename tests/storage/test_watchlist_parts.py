"""Screening a cell of several names (session 33, screen33): which part hit, a parent the cell names, and the
blind round's misses ("和" for the notices' "与", a generation in Chinese, "L3Harris" for "L3 Harris"). Pure."""

from __future__ import annotations

import pytest

from storage.possible import POSSIBLE, latin_possible
from storage.records import EntityRecord
from storage.watchlist import Counterparty, Watchlist, parent_of

SKYDIO = EntityRecord(zh="斯凯迪奥公司", en="Skydio Inc.", country="US", key="skydio")
ANDURIL = EntityRecord(zh="安杜里尔公司", en="Anduril Industries", country="US", key="andurilindustries")
LOCKHEED = EntityRecord(zh="洛克希德·马丁公司", en="Lockheed Martin Corporation", country="US", key="lockheedmartin")
LM_AERO = EntityRecord(zh="洛克希德·马丁航空公司", en="Lockheed Martin Aeronautics", country="US",
                       key="lockheedmartinaeronautics")
BDS = EntityRecord(zh="波音防务、空间与安全集团", en="Boeing Defense, Space & Security", country="US",
                   key="boeingdefensespaceandsecurity")
STEIN = EntityRecord(zh="托德·斯坦恩", en="Todd Stein", key="toddstein", type="individual")
RMD = EntityRecord(zh="雷神导弹与防务公司", en="Raytheon Missiles & Defense", country="US",
                   key="raytheonmissilesanddefense")
ICKES = EntityRecord(zh="詹姆斯·伊克斯", en="James William Ickes II", country="US", key="jameswilliamickesii",
                     type="individual")
L3 = EntityRecord(zh="L3哈里斯公司", en="L3 Harris Technologies", country="US", key="l3harristechnologies")
IRON = EntityRecord(zh="铁山解决方案公司", en="IronMountain Solutions", country="US", key="ironmountainsolutions")


def one(name: str, country: str | None = "US") -> Watchlist:
    return Watchlist((Counterparty(name, country=country),))


@pytest.mark.parametrize(("cell", "entity", "reason"), [
    ("Foo Holdings LLC dba Skydio Inc", SKYDIO, "by its d/b/a name “Skydio Inc”"),
    ("Anduril Industries, Inc. d/b/a Anduril", ANDURIL, "by its name before “d/b/a”: “Anduril Industries, Inc.”"),
    ("Foo Inc (formerly Skydio Inc.)", SKYDIO, "by its former name “Skydio Inc.”"),
    ("Foo Inc a.k.a. Skydio Inc.", SKYDIO, "by its a.k.a. name “Skydio Inc.”"),
    ("Lockheed Martin Corp. (Missiles and Fire Control)", LOCKHEED,
     "by its name before the bracket “(Missiles and Fire Control)”: “Lockheed Martin Corp.”"),
    ("Mr. Todd Stein", STEIN, "by its name without the title: “Todd Stein”"),
    ("Skydio Inc. / 斯凯迪奥有限公司", SKYDIO, "by one of the cell's two names: “Skydio Inc.”"),
    ("Boeing Defense, Space and Security, a unit of The Boeing Company", BDS,
     "by its name before “a unit of”: “Boeing Defense, Space and Security”"),
])
def test_a_hit_by_one_part_of_a_cell_says_which_part(cell: str, entity: EntityRecord, reason: str) -> None:
    """A hit by one name of a cell said nothing of it: the officer saw "Foo Holdings LLC dba Skydio Inc" beside
    Skydio Inc., match normalised, and was not told the d/b/a name was the listed one (screen32's C, decided)."""
    match = one(cell).match(entity)
    assert match is not None and match.method != POSSIBLE and match.reason == reason, match


def test_a_hit_by_the_whole_cell_says_nothing_more() -> None:
    match = one("Skydio, Inc.").match(SKYDIO)
    assert match is not None and match.reason is None and match.part is None


@pytest.mark.parametrize(("cell", "parent", "marker"), [
    ("Foo Ltd (a subsidiary of Skydio Inc.)", "Skydio Inc.", "a subsidiary of"),
    ("Foo Aerial, a unit of Skydio, Inc.", "Skydio, Inc.", "a unit of"),
    ("Foo Aerial LLC, a wholly-owned subsidiary of Skydio Inc", "Skydio Inc", "a wholly-owned subsidiary of"),
    ("Acme Drones, a Skydio Company", "Skydio", "a … company"),
    ("福欧无人机公司（斯凯迪奥公司的子公司）", "斯凯迪奥公司", "的子公司"),
    ("福欧无人机公司（隶属于斯凯迪奥公司）", "斯凯迪奥公司", "隶属于"),
])
def test_a_listed_parent_the_cell_names_is_a_possible_match_never_a_hit(cell: str, parent: str, marker: str) -> None:
    """"Foo Ltd (a subsidiary of Skydio Inc.)" was no hit and no possible match: the cell names a listed parent,
    which an officer must look at; Foo itself is not listed, so never a hit (screen32's C, decided)."""
    wl = one(cell, None)
    assert wl.match(SKYDIO) is None
    found = wl.possible(SKYDIO)
    assert len(found) == 1 and found[0].match.method == POSSIBLE, found
    assert found[0].match.reason == (f"the cell names “{parent}” as its parent (“{marker}”): the parent is listed, "
                                     "not the counterparty itself")
    assert ("en", "skydio") in wl.possible_keys() or ("zh", "斯凯") in wl.possible_keys()  # screen tries Skydio


def test_a_parent_in_another_country_or_not_listed_is_no_possible_match() -> None:
    assert one("Foo KK (a subsidiary of Skydio Japan KK)", "JP").possible(SKYDIO) == ()
    assert one("Foo Ltd (a subsidiary of Skydio Inc.)", "JP").possible(SKYDIO) == ()  # the listed Skydio is American
    assert one("Insitu Pacific (a subsidiary of The Boeing Company)", "AU").possible(BDS) == ()


@pytest.mark.parametrize("name", ["Coalition for a Prosperous America, Inc.", "Bank of America Corporation",
                                  "Marvin Engineering Company, Inc.", "Gibbs & Cox Company", "University of Utah",
                                  "Skydio Inc.", "中国通用技术（集团）控股有限责任公司"])
def test_a_name_naming_no_parent_is_left_whole(name: str) -> None:
    assert parent_of(name) is None


def test_abbreviations_stay_no_match() -> None:
    """"LM Aeronautics" for Lockheed Martin Aeronautics: no list of company abbreviations is kept (the owner's
    decision, session 33), so neither a hit nor a possible match."""
    wl = one("LM Aeronautics")
    assert wl.match(LM_AERO) is None and wl.possible(LM_AERO) == ()


@pytest.mark.parametrize("written", ["雷神导弹和防务公司", "雷神导弹及防务公司", "雷神导弹&防务公司"])
def test_and_written_otherwise_between_chinese_words_is_the_notices_yu(written: str) -> None:
    """"雷神导弹和防务公司", an officer's own writing of the listed 雷神导弹与防务公司, was no hit and no possible match
    (screen33's blind round, line 8), as "&" and "and" are one."""
    match = one(written, None).match(RMD)
    assert match is not None and match.method == "normalised", match


@pytest.mark.parametrize("written", ["詹姆斯·伊克斯二世", "詹姆斯伊克斯二世"])
def test_a_generation_written_in_chinese_is_the_persons(written: str) -> None:
    """"詹姆斯·伊克斯二世" (James William Ickes II, listed as 詹姆斯·伊克斯) was no hit (screen33, line 26)."""
    match = one(written, None).match(ICKES)
    assert match is not None and match.score == 100.0, match


@pytest.mark.parametrize("written", ["詹姆斯·伊克斯三世", "小詹姆斯·伊克斯"])
def test_another_generation_in_chinese_is_another_person(written: str) -> None:
    """The Chinese name gives no generation, the English one "II": "三世" (III) is another person, and so is "小…"
    (Jr.: "James Ickes Jr." is no hit either), which was a hit as one typing slip (screen33's second probe, line 13)."""
    assert one(written, None).match(ICKES) is None


def test_junior_in_chinese_is_the_persons_where_the_entity_gives_no_generation() -> None:
    bry = EntityRecord(zh="亚当·布赖", en="Adam Bry", country="US", key="adambry", type="individual")
    match = one("小亚当·布赖", None).match(bry)  # as "Adam Bry Jr." is Adam Bry
    assert match is not None and match.score == 100.0, match


@pytest.mark.parametrize(("counterparty", "listed"), [("L3Harris", "L3 Harris Technologies"),
                                                      ("Iron Mountain", "IronMountain Solutions")])
def test_a_name_whose_words_run_together_or_apart_is_a_possible_match(counterparty: str, listed: str) -> None:
    """"L3Harris" (L3Harris Technologies, listed as "L3 Harris Technologies") was offered nothing: its words were
    compared one by one (screen33, line 15)."""
    found = latin_possible(counterparty, listed)
    assert found is not None and found.score < 90 and "without" in found.reason, found


def test_the_watchlist_tries_a_name_whose_first_words_run_together() -> None:
    found = one("L3Harris").possible(L3)
    assert [p.match.entity_name for p in found] == ["L3 Harris Technologies"]
    assert one("Iron Mountain Incorporated").possible(IRON) == ()  # one listed word, a whole legal name: another company


def test_a_hit_by_one_part_on_a_notices_alias_says_both() -> None:
    kawasaki = EntityRecord(zh="川崎重工业株式会社", en="Kawasaki Heavy Industries, Ltd.", country="JP", key="kawasaki",
                            aliases=("KHI",))
    match = one("Foo Trading KK dba KHI", "JP").match(kawasaki)
    assert match is not None and match.reason == "by its d/b/a name “KHI”; alias given by notice: “KHI”", match


INSITU = EntityRecord(zh="英斯图公司", en="Insitu, Inc.", country="US", key="insitu")
GD = EntityRecord(zh="通用动力公司", en="General Dynamics", country="US", key="generaldynamics")


@pytest.mark.parametrize(("cell", "entity", "reason"), [
    ("Skydio Inc [USA]", SKYDIO, None),  # a designator in square brackets, as in round ones
    ("Skydio Inc [Vendor 10023]", SKYDIO, "by its name before the bracket “(Vendor 10023)”: “Skydio Inc”"),
    ("斯凯迪奥公司【北京代表处】", SKYDIO, "by its name before the bracket “(北京代表处)”: “斯凯迪奥公司”"),
    ("Anduril Industries, Inc. & Affiliates", ANDURIL, "by its name before “& Affiliates”: “Anduril Industries, Inc.”"),
    ("Anduril Industries and its subsidiaries", ANDURIL,
     "by its name before “and its subsidiaries”: “Anduril Industries”"),
    ("安杜里尔公司及其关联公司", ANDURIL, "by its name before “及其关联公司”: “安杜里尔公司”"),
    ("Anduril Industries Inc; Anduril Australia Pty Ltd", ANDURIL, "by one of the cell's names: “Anduril Industries Inc”"),
    ("Boeing Defense, Space & Security / Insitu", INSITU, "by one of the cell's names: “Insitu”"),
    ("General Dynamics Corp. - Electric Boat", GD, "by its name before “-”: “General Dynamics Corp.”"),
    ("Skydio, Inc., its affiliates", SKYDIO, "by its name before “its affiliates”: “Skydio, Inc.”"),
    ("Skydio Inc. c/o Foo Law LLP", SKYDIO, "by its name before “c/o”: “Skydio Inc.”"),
    ("斯凯迪奥公司、安杜里尔公司", ANDURIL, "by one of the cell's names: “安杜里尔公司”"),
])
def test_other_brackets_a_group_a_list_of_names_or_a_unit_after_a_dash_are_no_miss(
        cell: str, entity: EntityRecord, reason: str | None) -> None:
    """Each missed its listed company (screen33's third probe, /work/s33/screen33-cases/probe3.csv lines 15, 16, 21, 22,
    24, 25; probe4.csv lines 2, 8, 9): square brackets were no brackets, "& Affiliates" or ", its affiliates" made
    the name another, "X; Y", "X / Y" and "X、Y" were one name, a unit after a dash or an address after "c/o" was
    part of it."""
    match = one(cell, None).match(entity)
    assert match is not None and match.reason == reason, match


@pytest.mark.parametrize(("cell", "country"), [("Skydio Inc. - Japan", "JP"), ("Skydio Inc. - 日本", "JP"), ("Skydio Inc [Japan]", "JP"),
                                               ("斯凯迪奥公司【日本】", None), ("Skydio Japan KK / Tokyo", "JP")])
def test_a_country_after_a_dash_or_in_other_brackets_stays_a_designator_that_must_agree(cell: str,
                                                                                      country: str | None) -> None:
    assert one(cell, country).match(SKYDIO) is None
