"""Faults parse22 found (session 22's blind probe, tests/data/corpus/parse22/), each as a text in, the parse out: a
removal naming the day its entity was listed, a prose list whose later name carries its own listing notice and country,
a prose list closed by its count without 等, a Q&A that weighs a removal, a name after 鉴于, former names in English."""

from __future__ import annotations

from functools import partial

from scraper.parse import parse_text
from tests.scraper.corpus_cases import CORPUS, names, parse_case

CASES = CORPUS / "parse22"
_parse = partial(parse_case, "parse22")


def test_a_removal_naming_the_day_its_entity_was_listed_removes_the_entity() -> None:
    """"决定将2025年9月25日列入出口管制管控名单的扁平地球管理公司（…）移出…" removed an entity "2025年9月25日"."""
    rec = _parse("18-ecl-removal-named-by-listing-date.txt")
    assert names(rec) == [("扁平地球管理公司", "Planate Management Group", "US")]
    assert [(a.action.value, a.entities) for a in rec.actions] == [("remove", ("planatemanagementgroup",))]


def test_a_later_name_with_its_own_listing_notice_is_the_name_alone_in_its_country() -> None:
    """"…、商务部公告2026年第20号所列德国实体莱茵光学系统有限公司（…）": the name kept the words, and took the first's US."""
    rec = _parse("03-ecl-removal-two-listing-notices-prose.txt")
    assert names(rec) == [("全球维度公司", "Global Dimensions LLC", "US"),
                           ("莱茵光学系统有限公司", "Rhein Optische Systeme GmbH", "DE")]


def test_a_prose_list_closed_by_its_count_without_deng_reads_the_last_name() -> None:
    """"将A（a）、B（b）2家美国实体列入": B was read as "B（b）2家美国实体" without its English."""
    rec = _parse("09-ecl-effective-0shi.txt")
    assert names(rec) == [("铂金海岸声呐公司", "Platinum Coast Sonar, Inc.", "US"),
                           ("橡树岭推进公司", "Oak Ridge Propulsion LLC", "US")]


def test_an_answer_weighing_a_removal_removes_nothing() -> None:
    """"依法作出是否将有关实体移出关注名单的决定" was a removal from the watch list (of no entity)."""
    assert _parse("17-qa-wl-removal-applications-no-decision.txt").actions == ()


def test_a_name_after_jianyu_and_a_former_english_name_are_left_out() -> None:
    """"鉴于“蓝天”航空电子公司（Blue Sky Avionics, Inc., formerly …）已…，…决定将其移出": the name kept 鉴于 and the English
    its former name, so the removal's key matched no listed entity."""
    rec = _parse("21-uel-removal-name-with-quotes-and-formerly.txt")
    assert names(rec) == [("“蓝天”航空电子公司", "Blue Sky Avionics, Inc.", "US")]
    assert {a.entities for a in rec.actions} == {("blueskyavionics",)}
    assert "Blue Sky Aerospace Electronics Corp." in rec.entities[0].aliases


def test_a_former_name_in_a_bracket_of_an_annex_english_name_is_an_alias() -> None:
    """"（Outpost Mission Systems LLC (formerly Outpost Aero Group LLC)）" kept the bracket in the English name."""
    e = _parse("06-ecl-annex-fka-formerly.txt").entities[1]
    assert (e.en, e.key) == ("Outpost Mission Systems LLC", "outpostmissionsystems")
    assert "Outpost Aero Group LLC" in e.aliases


def test_an_items_step_on_the_annexs_entities_acts_on_the_notice_its_lead_in_names() -> None:
    """"…对商务部公告2025年第21号所列16家美国实体的相关措施作如下调整：\\n一、…停止执行对高点航空技术公司等6家实体（见附件）采取的
    相关措施。\\n二、对…第21号所列其余10家实体，…继续暂停…1年。": the lift named no notice and was lost; item 二 then extended
    all 16. Now the lift is on No. 21 for the annex's 6 (the engine then extends only the 10 still suspended), and the
    notice states the annex's 6, not No. 21's 16."""
    rec = _parse("13-ecl-lift-some-extend-others-annex.txt")
    assert [(a.action.value, [t.key for t in a.targets], a.effective, len(a.entities)) for a in rec.actions] == [
        ("lift", ["MOFCOM-2025-21"], "2026-11-10", 6), ("extend", ["MOFCOM-2025-21"], "2026-11-10", 0)]
    assert rec.stated_count == 6 and len(rec.entities) == 6
    # without the annex the lift is left out with a warning, never read for the whole notice
    text = (CASES / "13-ecl-lift-some-extend-others-annex.txt").read_text(encoding="utf-8")
    cut = parse_text(text[: text.rindex("附件\n")])
    assert cut is not None and [a.action.value for a in cut.actions] == ["extend"]
    assert any("left out" in w for w in cut.warnings)


def test_a_pointer_after_names_opened_by_a_clause_counts_every_name() -> None:
    """"继续暂停…1年，但其中的立方公司（…）、内华达山脉公司（…）2家实体除外。对上述2家实体，…恢复执行相关措施": the first name,
    read with "但其中的", was dropped, the pointer counted one of 2, and the restore was left out."""
    rec = _parse("14-qa-extend-except-two-named-lifted.txt")
    assert [(a.action.value, a.entities) for a in rec.actions] == [("extend", ()), ("restore", ("cubic", "sierranevada"))]


def test_an_annex_pasted_as_a_table_with_ideographic_spaces_is_read_below_its_header_only() -> None:
    """parse21/18: "序号　中文名称　英文名称" / "1　大西洋复合材料公司　Atlantic Composites Co., Ltd." gave no entity (loud).
    Without the header row the lines are not cut (a body line or an indented name keeps its U+3000)."""
    path = CASES.parent / "parse21" / "18-ecl-annex-ideographic-space-table.txt"
    rec = parse_text(path.read_text(encoding="utf-8"))
    assert rec is not None and [(e.zh, e.en, e.n) for e in rec.entities] == [
        ("大西洋复合材料公司", "Atlantic Composites Co., Ltd.", 1), ("凤凰火控系统公司", "Phoenix Fire Control Systems, Inc.", 2),
        ("松林测绘技术公司", "Pinewood Survey Technologies, LLC", 3)]
    headless = parse_text(path.read_text(encoding="utf-8").replace("序号　中文名称　英文名称\n", ""))
    assert headless is not None and headless.entities == () and headless.warnings == ("parsed 0 entities, notice states 3",)
