"""Faults parse19 found (session 19's brief and its blind probe, tests/data/corpus/parse19/), each as a string in,
actions out."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.parse import parse_document, parse_text
from storage.records import UnusablePage

QA = "来源：商务部新闻办公室 类型：原创 分类：新闻 {} 17:00\n\n商务部新闻发言人就调整{}措施答记者问\n问：请问中方有何安排？\n答：{}\n"
NOTICE = ("【发布文号】商务部公告2026年第84号\n【发文日期】{}\n\n商务部公告2026年第84号\n\n现将有关事项公告如下：\n\n{}\n\n"
          "商务部\n{}\n")
# A MOFCOM page that is neither a numbered notice nor a Q&A (no 问/答): a statement or news item under its source line.
BARE = "商务部：4月4日公告相关措施仍处于暂停状态\n2026-11-19 16:00 来源：商务部新闻办公室\n\n{}\n"
STILL = "4月4日公告（商务部公告2025年第21号）相关措施目前仍处于暂停状态，"


def _acts(text: str) -> list[tuple]:
    rec = parse_text(text)
    return [(a.action.value, [t.key for t in a.targets], a.effective, a.until and a.until.isoformat(), list(a.entities))
            for a in rec.actions] if rec else []


@pytest.mark.parametrize("said", ["中方尚未作出恢复执行上述措施的决定。", "是否恢复执行上述措施，中方将视情研究。"])
def test_a_bare_text_that_doubts_a_step_takes_none(said: str) -> None:
    """A MOFCOM page that is no Q&A saying "…尚未作出恢复执行上述措施的决定" read as a restore of No. 21: a false "back in
    force" item. Only answers had the doubt gate (NOT_NOW_RE)."""
    assert _acts(BARE.format(STILL + said)) == []


def test_a_bare_text_that_decides_still_acts() -> None:
    assert _acts(BARE.format(STILL + "中方决定自2026年12月1日起恢复执行上述措施。")) == [
        ("restore", ["MOFCOM-2025-21"], "2026-12-01", None, [])]


LATE_TITLE = "商务部 海关总署公告2026年第84号 关于恢复实施商务部 海关总署公告2025年第55号等公告的公告\n"
SIX = "商务部 海关总署公告2025年第55号至第58号、商务部公告2025年第61号和第62号"
SIX_KEYS = ["MOFCOM-2025-55", "MOFCOM-2025-56", "MOFCOM-2025-57", "MOFCOM-2025-58", "MOFCOM-2025-61", "MOFCOM-2025-62"]


def test_a_notice_published_late_acts_from_the_day_it_gives() -> None:
    """A notice of 11-20 deciding "自2026年11月11日起，恢复实施…" (more than 7 days before its day) read its clause as
    history: only its title's restore of No. 55 was left, from 11-20 (5 notices missed, a wrong date)."""
    text = LATE_TITLE + NOTICE.format("2026年11月20日", "商务部 海关总署公告2025年第70号规定的暂停期限已于2026年11月10日届满。"
                                      f"自2026年11月11日起，恢复实施{SIX}。", "2026年11月20日")
    assert _acts(text) == [("restore", SIX_KEYS, "2026-11-11", None, [])]


def test_a_notice_recounting_a_step_before_its_decision_still_recounts() -> None:
    text = NOTICE.format("2026年11月20日", f"自2025年11月10日起，暂停实施{SIX}。现决定，自2026年11月21日起，恢复实施{SIX}。",
                         "2026年11月20日")
    assert _acts(text) == [("restore", SIX_KEYS, "2026-11-21", None, [])]


def test_the_suspending_notice_ceasing_to_apply_is_no_lift() -> None:
    """"一、自…起，不再暂停实施…第46号第二款。二、…第72号自…起停止适用。" also lifted No. 72 (which lists no one), and
    warned "says 暂停实施 but names no notice it suspends"."""
    rec = parse_text(NOTICE.format("2026年11月26日", "一、自2026年11月28日起，不再暂停实施商务部公告2024年第46号第二款。\n"
                                   "二、商务部公告2025年第72号自2026年11月28日起停止适用。\n本公告自2026年11月28日起正式实施。",
                                   "2026年11月26日"))
    assert rec is not None
    assert [(a.action.value, [t.key for t in a.targets], a.effective) for a in rec.actions] == [
        ("restore", ["MOFCOM-2024-46"], "2026-11-28")]
    assert rec.warnings == ()


def test_a_listing_notice_ceasing_to_apply_is_still_a_lift() -> None:
    assert _acts(NOTICE.format("2026年11月26日", "商务部公告2025年第21号自2026年11月28日起停止适用。", "2026年11月26日")) == [
        ("lift", ["MOFCOM-2025-21"], "2026-11-28", None, [])]


def test_a_restore_whose_subject_points_back_to_the_notice_named_before() -> None:
    """"…7号）相关措施的暂停期限于…届满。暂停期限届满后，上述措施自2026年11月11日起恢复实施。" read no action (the answer
    stored with a warning only: a missed "back in force" item)."""
    assert _acts(QA.format("2026-11-10", "不可靠实体清单", "4月4日公告（不可靠实体清单工作机制公告〔2025〕7号）相关措施的暂停期限于"
                           "2026年11月10日届满。暂停期限届满后，上述措施自2026年11月11日起恢复实施。")) == [
        ("restore", ["UEL-2025-7"], "2026-11-11", None, [])]


def test_measures_back_automatically_when_the_term_ends() -> None:
    """"…暂停期限将于2026年11月10日期满，期满自动恢复执行" read no action (no decision word: held as undecided)."""
    assert _acts(QA.format("2026-11-09", "出口管制管控名单", "4月4日公告（商务部公告2025年第21号）相关措施的暂停期限将于2026年11月10日"
                           "期满，期满自动恢复执行，不再另行公告。")) == [("restore", ["MOFCOM-2025-21"], "2026-11-10", None, [])]


def test_a_doubted_automatic_restore_is_still_doubted() -> None:
    assert _acts(QA.format("2026-11-09", "出口管制管控名单", "关于4月4日公告（商务部公告2025年第21号）相关措施的暂停期限期满后是否自动"
                           "恢复执行，中方正在研究。")) == []


SN = "内华达山脉公司（Sierra Nevada Corporation）"


@pytest.mark.parametrize("limit", ["对该实体", "对上述实体", "对内华达山脉公司"])
def test_a_qa_limit_pointing_back_to_the_entity_named_before(limit: str) -> None:
    """A Q&A's "对该实体采取的相关措施" after the answer named the entity was left out (a warning: the lift missed); a
    Chinese name alone kept its Chinese key ("内华达山脉"), which matches no listing."""
    assert _acts(QA.format("2026-11-27", "出口管制管控名单", f"关于{SN}，中方决定，自2026年12月1日起，停止执行4月4日公告（商务部公告"
                           f"2025年第21号）{limit}采取的相关措施。")) == [
        ("lift", ["MOFCOM-2025-21"], "2026-12-01", None, ["sierranevada"])]


def test_an_extension_but_for_one_entity_restores_that_one() -> None:
    """"除X外，…继续暂停…；对X，自…起恢复执行相关措施": only the extension (of all 16) was read, X's restore missed."""
    assert _acts(QA.format("2026-11-06", "出口管制管控名单", f"中方决定，除{SN}外，自2026年11月10日起，继续暂停4月4日公告（商务部公告"
                           "2025年第21号）对其他15家美国实体采取的相关措施1年；对内华达山脉公司，自2026年11月10日起恢复执行相关措施。")) == [
        ("extend", ["MOFCOM-2025-21"], "2026-11-10", "2027-11-10", []),
        ("restore", ["MOFCOM-2025-21"], "2026-11-10", None, ["sierranevada"])]


TWO = "斯凯迪奥公司（Skydio Inc.）和英斯图公司（Insitu,Inc.）"


@pytest.mark.parametrize(("pointer", "keys"), [("上述2家实体", ["skydio", "insitu"]), ("上述3家实体", None)])
def test_an_extension_but_for_two_restores_those_the_pointer_counts(pointer: str, keys: list[str] | None) -> None:
    """"…继续暂停…7号…相关措施1年，但X和Y除外。自…起，对上述2家实体恢复实施相关措施。": the restore of the two was missed;
    read as "上述…实体" of a Q&A it would have restored all 11. A pointer whose count differs from the names is left out."""
    got = _acts(QA.format("2026-11-06", "不可靠实体清单", "不可靠实体清单工作机制决定，自2026年11月10日起，继续暂停4月4日公告（不可靠实体"
                          f"清单工作机制公告〔2025〕7号）相关措施1年，但{TWO}除外。自2026年11月10日起，对{pointer}恢复实施相关措施。"))
    assert got[0] == ("extend", ["UEL-2025-7"], "2026-11-10", "2027-11-10", [])
    assert got[1:] == ([("restore", ["UEL-2025-7"], "2026-11-10", None, keys)] if keys else [])


QA_PAGE = Path(__file__).parents[1] / "data" / "corpus" / "qa17" / "23-html-qa-three-changes.html"


def test_a_qa_page_cut_after_a_whole_paragraph_is_refused() -> None:
    """The page of a Q&A with three changes, cut after its answer's first paragraph and its tags closed (a browser's save
    of a cut download), read as a complete Q&A with two: the third change (商务部令2025年第6号) silently missed."""
    page = QA_PAGE.read_text(encoding="utf-8")
    assert len(parse_document(page).notice.actions) == 3  # type: ignore[union-attr]
    marker = "相关措施1年。"
    cut = page[: page.index(marker) + len(marker)] + "</p></div></div></body></html>"
    with pytest.raises(UnusablePage) as refused:
        parse_document(cut)
    assert refused.value.reason == "cut-short"


TWO_ANSWERS = Path(__file__).parents[1] / "data" / "corpus" / "parse19" / "09-qa-ecl-extend-uel-restore-two-answers.txt"


def test_a_qa_on_two_lists_cut_after_its_first_answer_is_refused() -> None:
    """A Q&A titled on both lists ("…就出口管制管控名单和不可靠实体清单有关措施答记者问", no change word), cut after its first
    answer (the ECL extension), read as a complete Q&A: the UEL restore of its second answer silently missed."""
    text = TWO_ANSWERS.read_text(encoding="utf-8")
    assert [a.list.value for a in parse_document(text).notice.actions] == ["ecl", "uel"]  # type: ignore[union-attr]
    with pytest.raises(UnusablePage) as refused:
        parse_document(text[: text.index("问：不可靠实体清单")])
    assert refused.value.reason == "cut-short"


@pytest.mark.parametrize(("answer", "lst", "target", "keys"), [
    (f"不可靠实体清单工作机制决定，自2026年11月10日起，继续暂停4月4日公告（不可靠实体清单工作机制公告〔2025〕7号）相关措施1年，但{TWO}除外。",
     "不可靠实体清单", "UEL-2025-7", ["skydio", "insitu"]),
    (f"中方决定，除{SN}外，自2026年11月10日起，继续暂停4月4日公告（商务部公告2025年第21号）相关措施1年。",
     "出口管制管控名单", "MOFCOM-2025-21", ["sierranevada"]),
])
def test_an_extension_excepting_entities_leaves_them_back_in_force(answer: str, lst: str, target: str,
                                                                  keys: list[str]) -> None:
    """"…继续暂停…1年，但X和Y除外" extended all the notice's entities, X and Y too (their items said "suspended to 2027")."""
    assert _acts(QA.format("2026-11-06", lst, answer)) == [
        ("extend", [target], "2026-11-10", "2027-11-10", []), ("restore", [target], "2026-11-10", None, keys)]


def test_no_name_excepted_is_no_restore() -> None:
    assert _acts(QA.format("2026-11-06", "出口管制管控名单", "除此之外，中方决定，自2026年11月10日起，继续暂停4月4日公告（商务部公告"
                           "2025年第21号）相关措施1年。")) == [("extend", ["MOFCOM-2025-21"], "2026-11-10", "2027-11-10", [])]
