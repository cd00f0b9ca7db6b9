"""Entities: annex lines, prose lists, counts, countries, branches."""

from scraper.parse import parse_text
from scraper.parse.entities import annex_entities, prose_entities, split_name
from storage.names import entity_key


def test_annex_line_variants():
    lines = [
        "附件", "出口管制管控名单", "（2025年4月4日）",
        "1. 高点航空技术公司（\u200cHigh Point Aerotechnologies）",
        "\u3000\u300010.急速飞行公司（Rapid Flight LLC）",
        "11. 立方全球防务公司(Cubic Global Defense)",
        "12. 哈利法克斯国际安全论坛 （Halifax International Security Forum）",
        "13．美国PVH集团",
        "14. 赛博勒克斯公司（Cyberlux\u2002Corporation）",
        "29.",
    ]
    found = annex_entities(lines)
    assert [(e.n, e.zh, e.en) for e in found] == [
        (1, "高点航空技术公司", "High Point Aerotechnologies"),
        (10, "急速飞行公司", "Rapid Flight LLC"),
        (11, "立方全球防务公司", "Cubic Global Defense"),
        (12, "哈利法克斯国际安全论坛", "Halifax International Security Forum"),
        (13, "美国PVH集团", None),
        (14, "赛博勒克斯公司", "Cyberlux Corporation"),
    ]
    assert found[0].key == entity_key(None, "High Point Aerotechnologies")


def test_branch_lines_belong_to_the_entity_above():
    found = annex_entities(["1. 技因塞茨公司（TechInsights Inc.）", "-TechInsights Japan KK", "－TechInsights Korea Ltd.",
                            "2. 某某公司（Other Corp.）"])
    assert found[0].branches == ("TechInsights Japan KK", "TechInsights Korea Ltd.")
    assert found[1].branches == ()


def test_english_name_with_brackets_inside():
    assert split_name("洛克希德·马丁导弹与火控公司（Lockheed Martin (Missiles and Fire Control)）") == (
        "洛克希德·马丁导弹与火控公司", "Lockheed Martin (Missiles and Fire Control)")


def test_tab_separated_table_rows():
    found = annex_entities(["序号\t中文名称\t英文名称", "1\t甲公司\tAlpha Inc.", "2\t乙公司\tBeta LLC"])
    assert [(e.n, e.zh, e.en) for e in found] == [(1, "甲公司", "Alpha Inc."), (2, "乙公司", "Beta LLC")]


def test_prose_list_with_qualifier_and_summary():
    seg = ("参与对台湾地区军售、与台湾地区开展所谓军事技术合作的特科姆公司（TCOM,Limited Partnership）、"
           "摇杆舵公司（Stick Rudder Enterprises LLC）和扁平地球管理公司（Planate Management Group）等3家美国实体")
    found = prose_entities(seg)
    assert [(e.zh, e.en) for e in found] == [
        ("特科姆公司", "TCOM,Limited Partnership"),
        ("摇杆舵公司", "Stick Rudder Enterprises LLC"),
        ("扁平地球管理公司", "Planate Management Group"),
    ]


def test_summary_of_an_annex_is_not_a_prose_list():
    assert prose_entities("高点航空技术公司等16家美国实体") == []


def test_prose_names_without_english_and_country_prefix():
    rec = parse_text("不可靠实体清单工作机制公告〔2025〕4号\n\n不可靠实体清单工作机制决定将美国PVH集团、因美纳公司（Illumina, Inc.）列入不可靠实体清单。\n2025年2月4日")
    # the country opening the list is every name's (session 29: Illumina had none)
    assert [(e.zh, e.en, e.country) for e in rec.entities] == [("美国PVH集团", None, "US"), ("因美纳公司", "Illumina, Inc.", "US")]


def test_count_and_country_from_the_decision_sentence():
    text = ("商务部公告2025年第35号\n\n决定将甲公司等2家台湾地区实体列入出口管制管控名单（见附件）。\n本公告自公布之日起正式实施。\n商务部\n2025年7月9日\n"
            "附件\n1. 甲公司\n2. 乙公司")
    rec = parse_text(text)
    assert rec.stated_count == 2
    assert [e.country for e in rec.entities] == ["TW", "TW"]
    assert rec.warnings == ()


def test_count_mismatch_is_a_warning():
    text = ("商务部公告2025年第21号\n\n决定将甲公司等3家美国实体列入出口管制管控名单（见附件）。\n本公告自公布之日起正式实施。\n商务部\n2025年4月4日\n"
            "附件\n1. 甲公司（Alpha Inc.）\n2. 乙公司（Beta LLC）")
    rec = parse_text(text)
    assert rec.stated_count == 3 and len(rec.entities) == 2
    assert "parsed 2 entities, notice states 3" in rec.warnings


def test_background_entities_are_not_listed():
    text = ("不可靠实体清单工作机制公告〔2024〕1号\n\n"
            "2023年2月16日，不可靠实体清单工作机制发布公告2023年第1号，将洛克希德·马丁公司（Lockheed Martin Corporation）列入不可靠实体清单。"
            "不可靠实体清单工作机制决定将通用原子航空系统公司（General Atomics Aeronautical Systems）、通用动力陆地系统公司（General Dynamics Land Systems）列入不可靠实体清单。\n"
            "本公告自公布之日起实施。\n2024年5月20日")
    rec = parse_text(text)
    assert [e.en for e in rec.entities] == ["General Atomics Aeronautical Systems", "General Dynamics Land Systems"]
    assert [r.key for r in rec.references] == ["UEL-2023-1"]
    assert [a.action.value for a in rec.actions] == ["impose"]


def test_prose_name_with_an_enumeration_comma_inside():
    seg = "参与对台湾地区军售的波音防务、空间与安全集团（Boeing Defense, Space & Security）"
    assert [(e.zh, e.en) for e in prose_entities(seg)] == [("波音防务、空间与安全集团", "Boeing Defense, Space & Security")]
    assert [(e.zh, e.en) for e in prose_entities("美国PVH集团、因美纳公司（Illumina, Inc.）")] == [
        ("美国PVH集团", None), ("因美纳公司", "Illumina, Inc.")]


def test_chinese_numbered_annex_lines_below_an_annex_heading():
    text = ("商务部公告2025年第90号\n\n决定将甲公司等2家美国实体列入出口管制管控名单（见附件），并采取以下措施：\n一、禁止向上述2家美国实体出口两用物项。\n"
            "本公告自公布之日起正式实施。\n商务部\n2025年12月1日\n附件\n一、甲公司（Alpha Inc.）\n二、乙公司（Beta LLC）")
    rec = parse_text(text)
    assert [(e.n, e.en) for e in rec.entities] == [(1, "Alpha Inc."), (2, "Beta LLC")] and rec.warnings == ()


def test_count_of_persons():
    rec = parse_text("商务部令2025年第9号\n\n根据《中华人民共和国反外国制裁法》，商务部决定对甲（Alpha Smith）、乙（Beta Jones）等2名个人采取反制措施。\n2025年12月1日")
    assert rec.stated_count == 2 and [e.en for e in rec.entities] == ["Alpha Smith", "Beta Jones"]
