"""Names in prose lists (scraper/parse/entities/prose.py prose_entities): counts closing groups, clauses before or inside
a name (对, 鉴于, 位于…的), a listing notice or country beside a name. Each a text in, entities out."""

from __future__ import annotations

from functools import partial

import pytest

from scraper.parse import parse_text
from tests.scraper.corpus_cases import acts_by_list, names, parse_case

FINE = ("不可靠实体清单工作机制公告〔2026〕3号\n\n洛克希德·马丁公司（Lockheed Martin Corporation）、雷神导弹与防务公司（Raytheon "
        "Missiles & Defense）已于2023年2月16日被列入不可靠实体清单。根据《不可靠实体清单规定》第十条等有关规定，不可靠实体清单"
        "工作机制决定对洛克希德·马丁公司处以罚款，金额为其对台军售合同金额的两倍；对雷神导弹与防务公司处以罚款，金额为其对台军售"
        "合同金额的两倍。\n本公告自公布之日起实施。\n\n不可靠实体清单工作机制\n（商务部代章）\n2026年10月22日\n")


def test_a_phrase_with_dui_inside_the_first_object_s_clause_names_no_entity() -> None:
    """"决定对甲（…）采取的…、对中国企业、其他组织或者个人采取歧视性措施的行为启动调查": one entity (real2/03)."""
    text = FINE.replace("；对雷神导弹与防务公司处以罚款", "、对中国企业、其他组织或者个人处以罚款")
    assert acts_by_list(text) == [("measure", "uel", [], ["lockheedmartin"])]


_parse_pin = partial(parse_case, "")


def test_names_in_groups_each_closed_by_its_count_take_the_groups_country() -> None:
    rec = _parse_pin("parse21/15-wl-2027-two-regions-prose.txt")
    assert [(e.zh, e.country) for e in rec.entities] == [
        ("三菱精工株式会社", "JP"), ("东和光电株式会社", "JP"), ("鼎新材料股份有限公司", "TW")]
    assert rec.warnings == ()


_parse22 = partial(parse_case, "parse22")


def test_a_later_name_with_its_own_listing_notice_is_the_name_alone_in_its_country() -> None:
    """"…、商务部公告2026年第20号所列德国实体莱茵光学系统有限公司（…）": the name kept the words, and took the first's US."""
    rec = _parse22("03-ecl-removal-two-listing-notices-prose.txt")
    assert names(rec) == [("全球维度公司", "Global Dimensions LLC", "US"),
                           ("莱茵光学系统有限公司", "Rhein Optische Systeme GmbH", "DE")]


def test_a_prose_list_closed_by_its_count_without_deng_reads_the_last_name() -> None:
    """"将A（a）、B（b）2家美国实体列入": B was read as "B（b）2家美国实体" without its English."""
    rec = _parse22("09-ecl-effective-0shi.txt")
    assert names(rec) == [("铂金海岸声呐公司", "Platinum Coast Sonar, Inc.", "US"),
                           ("橡树岭推进公司", "Oak Ridge Propulsion LLC", "US")]


def test_a_name_after_jianyu_and_a_former_english_name_are_left_out() -> None:
    """"鉴于“蓝天”航空电子公司（Blue Sky Avionics, Inc., formerly …）已…，…决定将其移出": the name kept 鉴于 and the English
    its former name, so the removal's key matched no listed entity."""
    rec = _parse22("21-uel-removal-name-with-quotes-and-formerly.txt")
    assert names(rec) == [("“蓝天”航空电子公司", "Blue Sky Avionics, Inc.", "US")]
    assert {a.entities for a in rec.actions} == {("blueskyavionics",)}
    assert "Blue Sky Aerospace Electronics Corp." in rec.entities[0].aliases


def test_a_pointer_after_names_opened_by_a_clause_counts_every_name() -> None:
    """"继续暂停…1年，但其中的立方公司（…）、内华达山脉公司（…）2家实体除外。对上述2家实体，…恢复执行相关措施": the first name,
    read with "但其中的", was dropped, the pointer counted one of 2, and the restore was left out."""
    rec = _parse22("14-qa-extend-except-two-named-lifted.txt")
    assert [(a.action.value, a.entities) for a in rec.actions] == [("extend", ()), ("restore", ("cubic", "sierranevada"))]


_parse23 = partial(parse_case, "parse23")


def test_names_after_weiyu_de_are_the_names_alone_in_their_country() -> None:
    """"、位于美国弗吉尼亚州的切萨皮克系统公司（…）": the second name kept the words; neither had the country."""
    rec = _parse23("19-uel-prose-located-in-prefix.txt")
    assert names(rec) == [("太平洋光学公司", "Pacific Optics, Inc.", "US"), ("切萨皮克系统公司", "Chesapeake Systems LLC", "US")]


def test_a_name_after_its_listing_notice_with_no_noun_is_the_name_alone() -> None:
    """"…第21号所列高点航空技术公司（…）、…第22号所列英斯图公司（…）": both names kept the words before them."""
    rec = _parse23("23-ecl-removal-two-notices-bare-suolie.txt")
    assert names(rec) == [("高点航空技术公司", "High Point Aerotechnologies", "US"), ("英斯图公司", "Insitu, Inc.", "US")]



def test_an_organisation_named_with_its_english_and_country_before_the_decision_takes_the_country() -> None:
    """"近期，国际反假冒联盟（International AntiCounterfeiting Coalition）（美国）以所谓…。…商务部决定对国际反假冒联盟采取以下
    反制措施": the English was taken from the first mention, the country after it was not (session 27, audit27/10)."""
    rec = parse_case("audit27", "10-afsl-order-association-members-not-targets.txt")
    assert [(e.zh, e.en, e.country) for e in rec.entities] == [
        ("国际反假冒联盟", "International AntiCounterfeiting Coalition", "US")]


WL_REMOVAL = ("商务部公告2026年第55号 关于将贝塔微系统公司移出关注名单的公告\n【发布单位】安全与管制局\n【发布文号】商务部公告2026年第55号\n"
              "【发文日期】2026年06月10日\n\n商务部公告2026年第55号\n\n根据《中华人民共和国出口管制法》和《中华人民共和国两用物项出口管制条例》"
              "等法律法规有关规定，{body}\n\n本公告自公布之日起正式实施。\n\n商务部\n2026年6月10日\n")
BETA = "贝塔微系统公司（Beta Microsystems Corp.）"


@pytest.mark.parametrize("body, country", [
    (f"商务部公告2026年第30号所列{BETA}已履行核查义务，经核实，商务部决定将其移出关注名单。", None),
    (f"上述{BETA}已履行核查义务，经核实，商务部决定将其移出关注名单。", None),
    (f"商务部公告2026年第30号附件第2项所列{BETA}已履行核查义务，经核实，商务部决定将其移出关注名单。", None),
    (f"商务部公告2026年第30号所列美国实体{BETA}已履行核查义务，经核实，商务部决定将其移出关注名单。", "US"),
    (f"商务部决定将商务部公告2026年第30号附件第2项所列{BETA}移出关注名单。", None),
], ids=["notice-then-pronoun", "shangshu-then-pronoun", "annex-line-then-pronoun", "country-then-pronoun", "annex-line-direct"])
def test_the_words_naming_where_a_name_was_listed_are_no_part_of_it(body: str, country: str | None) -> None:
    """"商务部公告2026年第30号所列贝塔微系统公司（…）已…，商务部决定将其移出关注名单": the name was stored with the words before it
    (story29 B: "also written: 商务部公告2026年第30号所列贝塔微系统公司" in timeline)."""
    rec = parse_text(WL_REMOVAL.format(body=body))
    assert rec is not None
    assert names(rec) == [("贝塔微系统公司", "Beta Microsystems Corp.", country)]
    assert [(a.action.value, a.entities) for a in rec.actions] == [("remove", ("betamicrosystems",))]
