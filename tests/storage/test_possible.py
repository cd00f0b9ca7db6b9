"""Possible matches (storage/possible.py): what is offered for review, and the near-misses that are not."""

from __future__ import annotations

import pytest

from storage.possible import POSSIBLE, han_possible, han_words, latin_possible, pinyin_possible
from storage.records import EntityRecord
from storage.watchlist import Counterparty, Watchlist

GA_ASI = EntityRecord(zh="通用原子航空系统公司", en="General Atomics Aeronautical Systems, Inc.", country="US",
                      key="generalatomicsaeronauticalsystems")
YU = EntityRecord(zh="余茂春", en=None, key="余茂春", type="individual")


@pytest.mark.parametrize("counterparty, listed, reason", [
    ("Anduril", "Anduril Industries", 'shortened: without "Industries"'),
    ("Neros", "Neros Technologies", 'shortened: without "Technologies"'),
    ("Huntington Ingalls Inc.", "Huntington Ingalls Industries Inc.", 'shortened: without "Industries"'),
    ("Edge Autonomy", "Edge Autonomy Operations LLC", 'shortened: without "Operations"'),  # two distinctive words
    ("General Atomics", "General Atomics Aeronautical Systems, Inc.", 'without "Aeronautical Systems"'),
    ("Leidos Holdings, Inc.", "Leidos", 'generic words more: "Holdings"'),
    ("The Red Cat Corp", "Red Cat Holdings, Inc.", 'shortened: without "Holdings"'),
])
def test_a_shortened_or_lengthened_english_name_is_a_possible_match_below_the_hit_threshold(
        counterparty: str, listed: str, reason: str) -> None:
    from storage.watchlist import plain_form

    found = latin_possible(plain_form(counterparty)[0], listed)
    assert found is not None and 40 <= found.score < 90 and reason.casefold() in found.reason.casefold(), found


@pytest.mark.parametrize("counterparty, listed", [
    ("Edge", "Edge Autonomy Operations LLC"),  # one common word of a listed name of three
    ("Boeing", "Boeing Defense, Space & Security"),
    ("Mission Systems Inc", "General Dynamics Mission Systems"),  # the tail, not the head
    ("Skydio Japan KK", "Skydio Inc."),  # a distinctive word more: a subsidiary abroad
    ("Global Technologies Inc", "Global Dimensions LLC"),  # a generic word shared, nothing else
    ("Global Inc", "Global Dimensions LLC"),
    ("MP Corp", "MP Materials Corp."),  # two letters: too little
    ("Red Cat Technologies", "Red Cat Holdings, Inc."),  # other generic words: not one name in the other
    ("Anduril Industries", "Anduril Industries"),  # equal: a hit, not a possible match
    ("Pacific Rim Systems Inc.", "Pacific Rim Defense"),
])
def test_near_misses_of_english_names_are_no_possible_match(counterparty: str, listed: str) -> None:
    assert latin_possible(counterparty, listed) is None


@pytest.mark.parametrize("counterparty, listed", [
    ("Summit Inc", "Summit Technologies Inc."),
    ("Universal Corp", "Universal Logistics Holdings, Inc."),
    ("Teal Inc", "Teal Drones, Inc."),
    ("Oshkosh Corporation", "Oshkosh Defense, LLC"),
    ("Anduril Inc", "Anduril Industries"),  # the rule's cost: no list tells a coined word from a common one
])
def test_one_word_of_a_listed_name_written_as_a_whole_legal_name_is_no_possible_match(
        counterparty: str, listed: str) -> None:
    """Session 19: "Summit Inc" was offered Summit Technologies Inc.: another company's legal name sharing one
    common word. A short name without a legal suffix ("Summit", "Anduril") still is; two words are ("The Red Cat
    Corp", "Huntington Ingalls Inc.")."""
    assert latin_possible(counterparty, listed) is None
    assert latin_possible(counterparty.rsplit(" ", 1)[0], listed) is not None


def test_a_chinese_name_shortened_by_a_distinctive_word_keeps_two_words_as_an_english_one_does() -> None:
    """Session 19: "洛克希德" was offered all six 洛克希德·马丁 companies, "Lockheed" none of them."""
    lm = EntityRecord(zh="洛克希德·马丁公司", en="Lockheed Martin Corporation", country="US", key="lockheedmartin")
    lm_aero = EntityRecord(zh="洛克希德·马丁航空公司", en="Lockheed Martin Aeronautics Company", country="US",
                           key="lockheedmartinaeronautics")
    for name in ("洛克希德", "Lockheed", "洛克希德公司"):
        assert Watchlist((Counterparty(name),)).possible(lm) == (), name
        assert Watchlist((Counterparty(name),)).possible(lm_aero) == (), name
    assert han_possible("洛克希德", "洛克希德马丁", han_words("洛克希德·马丁公司")) is None
    assert han_possible("洛克希德马丁", "洛克希德马丁导弹与火控", han_words("洛克希德·马丁导弹与火控公司")) is not None
    assert [p.match.method for p in Watchlist((Counterparty("洛克希德马丁"),)).possible(lm_aero)] == [POSSIBLE]
    # without a middle dot the words cannot be told: 4 distinctive characters, as before
    assert han_possible("通用原子", "通用原子航空系统", han_words("通用原子航空系统公司")) is not None


def test_chinese_names_by_their_first_four_distinctive_characters() -> None:
    assert han_possible("通用原子", "通用原子航空系统") is not None  # General Atomics for GA-ASI
    assert han_possible("安杜里尔控股", "安杜里尔") is not None  # a generic word more
    assert han_possible("航空系统", "航空系统研究") is None  # generic words only
    assert han_possible("通用", "通用动力") is None  # too short
    assert han_possible("通用汽车", "通用动力") is None  # another company sharing 通用
    assert han_possible("莱多斯控股", "莱多斯") is None  # the listed name's own part is under 4 characters
    assert han_possible("洛克希德马丁英国", "洛克希德马丁") is None  # a distinctive word more (英国)


def test_pinyin_of_a_person_named_only_in_chinese_either_order_every_reading() -> None:
    for written in ("Yu Maochun", "Maochun Yu", "YU Mao-chun", "Yú Màochūn"):
        assert pinyin_possible(written, "余茂春") is not None, written
    assert pinyin_possible("Zeng Guofan", "曾国藩") is not None  # 曾 read zeng as a surname, ceng elsewhere
    for other in ("Yu Maochen", "Yu Mao", "Maochun Yuan", "Yum Aochun", "Yu Maochun Trading Co"):
        assert pinyin_possible(other, "余茂春") is None, other


def test_the_watchlist_offers_possible_matches_apart_from_hits_with_country_and_reason() -> None:
    wl = Watchlist((Counterparty("General Atomics", country="US"), Counterparty("通用原子"),
                    Counterparty("General Atomics", country="GB", note="London office")))
    assert wl.match(GA_ASI) is None
    found = [(p.counterparty.name, p.counterparty.country, p.match.method) for p in wl.possible(GA_ASI)]
    assert found == [("通用原子", None, POSSIBLE), ("General Atomics", "US", POSSIBLE)]  # GB: another country
    yu = Watchlist((Counterparty("Yu Maochun"),)).possible(YU)
    assert [(p.match.matched_name, p.match.entity_name, p.match.score) for p in yu] == [("Yu Maochun", "余茂春", 100.0)]
    assert dict(yu[0].match.as_extra())["watchlist_reason"].startswith("pinyin")
    assert Watchlist((Counterparty("Yu Maochun"),)).possible(EntityRecord(zh="余茂春公司", en=None, key="x")) == ()
