"""Annex lines with a clause after the name: branch headings and a country in brackets."""

from scraper.parse.entities import annex_entities


def test_branch_heading_clause_ends_the_name_and_branches_follow():
    found = annex_entities([
        "13. 哈利法克斯国际安全论坛（Halifax International Security Forum）",
        "14. 技因赛斯公司（TechInsights Inc.）及其分支机构：",
        "-TechInsights Japan KK",
        "15. 某某公司（Other Corp.），包括以下分支机构：",
        "-Other Corp. Korea",
    ])
    assert [(e.n, e.zh, e.en, e.branches) for e in found] == [
        (13, "哈利法克斯国际安全论坛", "Halifax International Security Forum", ()),
        (14, "技因赛斯公司", "TechInsights Inc.", ("TechInsights Japan KK",)),
        (15, "某某公司", "Other Corp.", ("Other Corp. Korea",)),
    ]


def test_country_in_brackets_after_the_english_name():
    found = annex_entities(["1. 三菱重工业株式会社（Mitsubishi Heavy Industries, Ltd.）（日本）",
                            "2. 德罗恩公司（Dedrone by Axon）(美国)"])
    assert [(e.zh, e.en, e.country) for e in found] == [
        ("三菱重工业株式会社", "Mitsubishi Heavy Industries, Ltd.", "JP"), ("德罗恩公司", "Dedrone by Axon", "US")]


def test_branches_named_on_the_entity_line():
    found = annex_entities(["14. 技因赛斯公司（TechInsights Inc.），包括其分支机构：TechInsights Japan KK、"
                            "TechInsights Korea Ltd.、TechInsights Canada, Inc.。", "15. 另一公司（Another LLC）"])
    assert [(e.n, e.en, e.branches) for e in found] == [
        (14, "TechInsights Inc.", ("TechInsights Japan KK", "TechInsights Korea Ltd.", "TechInsights Canada, Inc.")),
        (15, "Another LLC", ())]


def test_english_name_after_a_space_without_brackets():
    found = annex_entities(["1. 高点航空技术公司 High Point Aerotechnologies", "2.\u3000S3航空防务公司\u3000S3 AeroDefense",
                            "3. 美国PVH集团"])
    assert [(e.zh, e.en) for e in found] == [("高点航空技术公司", "High Point Aerotechnologies"),
                                             ("S3航空防务公司", "S3 AeroDefense"), ("美国PVH集团", None)]
