"""Entities joined through the other names notices give them (storage.aliaslinks): pure, entities in, links out."""

from __future__ import annotations

import itertools

from storage.aliaslinks import alias_links, generic_alias
from storage.names import entity_key, other_names
from storage.records import EntityRecord

ECL149 = "商务部公告2026年第149号"
UEL43 = "不可靠实体清单工作机制公告〔2026〕43号"


def ent(zh: str | None, en: str | None, note: str | None = None, **kw: object) -> EntityRecord:
    return EntityRecord(zh=zh, en=en, key=entity_key(zh, en), note=note, aliases=other_names(en, note), **kw)  # type: ignore[arg-type]


POLARIS = ent("北极星防务系统公司", "Polaris Defense Systems LLC", "曾用名Lynx Avionics Inc.", country="US")
URSA = ent("大熊星座电子公司", "Ursa Major Electronics Inc.", country="US")
LYNX = ent("林克斯航电公司", "Lynx Avionics Inc.", country="US")
AURIGA = ent("御夫软件公司", "Auriga Software Inc.", country="US")
U08 = [(ECL149, POLARIS), (ECL149, URSA), (UEL43, LYNX), (UEL43, AURIGA)]


def test_a_former_name_joins_the_listing_under_it_and_says_so() -> None:
    links = alias_links(U08)
    assert links.others("polarisdefensesystems") == ["lynxavionics"]
    assert links.others("lynxavionics") == ["polarisdefensesystems"]
    assert links.others("ursamajorelectronics") == [] and links.others("aurigasoftware") == []
    (link,) = links.links
    assert link.reason("lynxavionics") == (
        "listed as Lynx Avionics Inc., named by 商务部公告2026年第149号 as the former name of Polaris Defense Systems LLC")
    assert link.reason("polarisdefensesystems") == (
        "listed as Polaris Defense Systems LLC, named by 商务部公告2026年第149号 with the former name Lynx Avionics Inc.")


def test_the_same_links_whatever_order_the_notices_come_in() -> None:
    first = alias_links(U08)
    for order in itertools.permutations(U08):
        assert alias_links(order) == first
    alone = alias_links([(ECL149, POLARIS), (ECL149, URSA)])  # the named entity not stored yet: no link, no error
    assert alone.links == ()


def test_an_also_known_as_name_in_chinese_joins_too() -> None:
    giver = ent("赫尔墨斯航空公司", "Hermes Aero Inc.", "又称西格玛飞控公司")
    named = ent("西格玛飞控公司", None)
    links = alias_links([("A", giver), ("B", named)])
    assert links.others(giver.key) == [named.key]
    assert "other name" in links.links[0].reason(named.key)


def test_no_chain_and_no_shared_alias_joins_two_listings() -> None:
    # A formerly B, B formerly C: A-B and B-C, never A-C (no notice ties those two)
    a = ent("甲航电公司", "Alpha Avionics Corp.", "曾用名Beta Avionics Corp.")
    b = ent("乙航电公司", "Beta Avionics Corp.", "曾用名Gamma Avionics Corp.")
    c = ent("丙航电公司", "Gamma Avionics Corp.")
    links = alias_links([("N1", a), ("N2", b), ("N3", c)])
    assert links.others(a.key) == [b.key] and links.others(c.key) == [b.key]
    # two entities given the same other name: each is hit by that name, neither joins the other
    d = ent("丁公司", "Delta Sensors Inc.", "also known as Orion Optics")
    e = ent("戊公司", "Epsilon Sensors Inc.", "also known as Orion Optics")
    assert alias_links([("N4", d), ("N5", e)]).links == ()


def test_generic_short_country_and_ambiguous_names_join_nothing() -> None:
    for name in ("Global", "Dynamics Inc.", "KHI", "USA", "美国", "中航", "United States"):
        assert generic_alias(name), name
    for name in ("Lynx Avionics Inc.", "林克斯航电公司", "Skydio"):
        assert not generic_alias(name), name
    giver = ent("甲公司", "Zeta Holdings Inc.", "又称Global")
    listed = ent("环球公司", "Global Inc.")
    links = alias_links([("N1", giver), ("N2", listed)])
    assert links.links == () and links.refused == (("zetaholdings", "Global", "too generic a name to join two listings"),)
    # a name two other listed entities go by (one in both languages, one under its Chinese name only): neither
    two = ent("戊公司", "Theta Optics Inc.", "曾用名卡帕光子公司")
    k1 = ent("卡帕光子公司", "Kappa Photonics Inc.")
    k2 = ent("卡帕光子公司", None)
    got = alias_links([("N1", two), ("N2", k1), ("N3", k2)])
    assert got.refused[0][2] == "names 2 listed entities: kappaphotonics, 卡帕光子"
    # (the two are one company, the one named by its Chinese name alone: story32 S7; not the former name's giver)
    assert [(link.giver, link.named) for link in got.links] == [("卡帕光子", "kappaphotonics")]

def test_a_person_and_a_company_or_two_countries_are_not_joined() -> None:
    person = ent("约翰·林克斯", "John Lynx", "原名Lynx Avionics Inc.", type="individual")
    company = ent("林克斯航电公司", "Lynx Avionics Inc.", type="organization")
    got = alias_links([("N1", person), ("N2", company)])
    assert got.links == () and "another kind" in got.refused[0][2]
    abroad = ent("北极星英国公司", "Polaris UK Ltd", "曾用名Lynx Avionics Inc.", country="GB")
    got = alias_links([("N1", abroad), ("N2", LYNX)])
    assert got.links == () and "another country" in got.refused[0][2]


def test_a_company_named_by_its_chinese_name_alone_joins_the_one_named_so_in_english() -> None:
    """story32 S7: ECL No. 40 lists "北极星光电公司（Polaris Optical LLC）", UEL〔2026〕9号 names "北极星光电公司" alone. Its key is
    its Chinese one (``entity_key``: no English name), so the company was two entities: Polaris Optical LLC's page and
    feed missed its UEL listing (``timeline`` by the Chinese name showed both)."""
    optical = ent("北极星光电公司", "Polaris Optical LLC", country="US", type="organization")
    alone = ent("北极星光电公司", None, country="US", type="organization")
    optics = ent("北极星光学公司", "Polaris Optics Inc.", country="US", type="organization")
    pairs = [("商务部公告2026年第40号", optical), ("商务部公告2026年第40号", optics), ("不可靠实体清单工作机制公告〔2026〕9号", alone)]
    links = alias_links(pairs)
    assert links.others("polarisoptical") == ["北极星光电"] and links.others("polarisoptics") == []
    (link,) = links.links
    assert link.reason("polarisoptical") == ("listed as Polaris Optical LLC, whose Chinese name 北极星光电公司 "
                                             "不可靠实体清单工作机制公告〔2026〕9号 names alone")
    assert link.reason("北极星光电") == ("listed as 北极星光电公司 by 不可靠实体清单工作机制公告〔2026〕9号, with no English name: "
                                        "the Chinese name of Polaris Optical LLC")
    for order in itertools.permutations(pairs):
        assert alias_links(order) == links
    # not joined: a person of that name, another country, a name too short, or two companies named so in English
    assert alias_links([("A", optical), ("B", ent("北极星光电公司", None, type="individual"))]).links == ()
    assert alias_links([("A", optical), ("B", ent("北极星光电公司", None, country="GB"))]).links == ()
    assert alias_links([("A", ent("中航公司", "Zhonghang Inc.")), ("B", ent("中航公司", None))]).links == ()
    twice = alias_links([("A", optical), ("A", ent("北极星光电公司", "Polaris Photonics Inc.")), ("B", alone)])
    assert twice.links == () and "names 2 listed entities" in twice.refused[0][2]

