"""Faults the parse18 blind probe found (tests/data/corpus/parse18/), each as a string in, actions out."""

from __future__ import annotations

import pytest

from scraper.parse import parse_text

QA = "来源：商务部新闻办公室 类型：原创 分类：新闻 {} 17:00\n\n商务部新闻发言人就调整{}措施答记者问\n问：请问中方有何安排？\n答：{}\n"
NOTICE = ("【发布文号】商务部公告2026年第79号\n【发文日期】2026年11月20日\n\n商务部公告2026年第79号\n\n现将有关事项公告如下：\n\n{}\n\n"
          "商务部\n2026年11月20日\n")


def _acts(text: str) -> list[tuple]:
    rec = parse_text(text)
    return [(a.action.value, [t.key for t in a.targets], a.effective, a.until and a.until.isoformat(), list(a.entities))
            for a in rec.actions] if rec else []


def test_a_state_told_is_no_suspension() -> None:
    """"…相关措施目前仍处于暂停状态，中方尚未作出恢复执行…的决定" was an open-ended suspension of No. 21 from the day."""
    assert _acts(QA.format("2026-11-19", "出口管制管控名单", "4月4日公告（商务部公告2025年第21号）相关措施目前仍处于暂停状态，"
                           "中方尚未作出恢复执行上述措施的决定。")) == []


def test_the_refs_of_another_clause_are_no_targets() -> None:
    assert _acts(NOTICE.format("自2026年11月28日起，商务部公告2025年第72号不再适用，商务部公告2024年第46号第二款恢复实施。")) == [
        ("restore", ["MOFCOM-2024-46"], "2026-11-28", None, [])]


def test_a_term_extended_from_a_day_written_before_the_verb() -> None:
    assert _acts(QA.format("2027-11-05", "出口管制管控名单", "中方决定，4月4日公告（商务部公告2025年第21号）相关措施的暂停期限"
                           "自2027年11月10日起再延长一年，至2028年11月10日止。")) == [
        ("extend", ["MOFCOM-2025-21"], "2027-11-10", "2028-11-10", [])]


def test_a_term_not_extended_whose_notice_stands_before_it() -> None:
    assert _acts(QA.format("2026-11-10", "不可靠实体清单", "4月4日公告（不可靠实体清单工作机制公告〔2025〕7号）相关措施的暂停期限于今日届满。"
                           "不可靠实体清单工作机制决定，不再延长上述暂停期限，相关措施自2026年11月11日起自动恢复执行。")) == [
        ("restore", ["UEL-2025-7"], "2026-11-11", None, [])]


@pytest.mark.parametrize(("named", "keys"), [
    ("美国繁荣联盟（Coalition For A Prosperous America）", ["coalitionforaprosperousamerica"]),
    ("内华达山脉公司（Sierra Nevada Corporation）、立方公司（Cubic Corporation）等2家实体", ["sierranevada", "cubic"]),
])
def test_a_qa_lift_limited_to_named_entities(named: str, keys: list[str]) -> None:
    """A Q&A's "停止执行…对X采取的相关措施" lifted the whole notice (all 16 entities)."""
    assert _acts(QA.format("2026-11-27", "出口管制管控名单", f"中方决定，自2026年12月1日起，停止执行4月4日公告（商务部公告2025年第21号）"
                           f"对{named}采取的相关措施。")) == [("lift", ["MOFCOM-2025-21"], "2026-12-01", None, keys)]


ENDS = "商务部公告2025年第72号规定的暂停期限将于2026年11月27日届满，届满后不再延长。"


def test_the_notice_that_suspended_is_no_restore_beside_the_ones_restored() -> None:
    """"…第72号规定的暂停期限…届满后不再延长。自…起，…第46号第二款恢复实施" also restored No. 72 itself (which lists no
    one; as "…第70号规定的暂停期限…" beside Nos. 55-62, corpus parse18/11)."""
    assert _acts(NOTICE.format(ENDS + "自2026年11月28日起，商务部公告2024年第46号第二款恢复实施。")) == [
        ("restore", ["MOFCOM-2024-46"], "2026-11-28", None, [])]
    # alone, it is still read (a step, not lost)
    assert _acts(NOTICE.format(ENDS)) == [("restore", ["MOFCOM-2025-72"], "2026-11-27", None, [])]
