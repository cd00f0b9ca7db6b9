"""A prose list whose first name follows a region and a noun after the qualifier's 的 (session 24, parse24): "…参与美国对台
军售的台湾地区企业雷霆防务科技股份有限公司（…）、长虹无人机股份有限公司（…）" read the first name as "台湾地区企业雷霆防务科技股份有限
公司" and gave neither a country. "美国企业研究所" (a name, no 的 before it) keeps its words."""

from __future__ import annotations

from scraper.parse.entities import prose_entities


def test_a_region_and_noun_before_the_first_name_give_the_country() -> None:
    got = prose_entities("与美国军工企业勾连、参与美国对台军售的台湾地区企业雷霆防务科技股份有限公司（Thunder Defense Technology Co., Ltd.）、"
                         "长虹无人机股份有限公司（Rainbow UAV Corporation）")
    assert [(e.zh, e.en, e.country) for e in got] == [
        ("雷霆防务科技股份有限公司", "Thunder Defense Technology Co., Ltd.", "TW"),
        ("长虹无人机股份有限公司", "Rainbow UAV Corporation", "TW")]


def test_a_name_opening_with_a_country_and_noun_keeps_them() -> None:
    got = prose_entities("美国企业研究所（American Enterprise Institute）")
    assert [(e.zh, e.en) for e in got] == [("美国企业研究所", "American Enterprise Institute")]


def test_a_country_opening_a_list_before_a_latin_name_gives_every_name_its_country() -> None:
    """"决定将美国PVH集团、因美纳公司（Illumina, Inc.）列入不可靠实体清单" (UEL〔2025〕4号, the fixtures): Illumina had no country,
    and its items said "1 entity" where PVH's said "US" (session 29, names29)."""
    got = prose_entities("美国PVH集团、因美纳公司（Illumina, Inc.）")
    assert [(e.zh, e.en, e.country) for e in got] == [("美国PVH集团", None, "US"), ("因美纳公司", "Illumina, Inc.", "US")]


def test_a_country_that_may_be_part_of_a_name_or_a_list_naming_another_country_gives_the_others_none() -> None:
    got = prose_entities("美国企业研究所（American Enterprise Institute）、因美纳公司（Illumina, Inc.）")
    assert [e.country for e in got] == [None, None]
    got = prose_entities("美国PVH集团、日本ABC株式会社、因美纳公司（Illumina, Inc.）")
    assert [e.country for e in got] == [None, None, None]
