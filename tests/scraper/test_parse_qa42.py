"""Session 42's blind round on Q&As and press conferences (qa42, tests/data/corpus/qa42/).

Found blind, each read silently: a step denied right before its verb ("对…所列实体不恢复实施相关措施，…继续暂停实施至…") read
as the step (a false restore, the extension lost); a step left to a time to come on the other side's conduct ("中方决定，视美方
落实共识的情况，适时暂停实施…") read as a suspension from the answer's day; a start told only as part of a month ("自本月中旬起",
"自本月底起") read as the answer's day; an end before the verb with a relative year ("自…起至明年6月30日，暂停…") lost; "自明日起"
in a press conference's transcript posted after midnight counted from the posting day (a day late)."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

ECL21 = "4月4日公告（商务部公告2025年第21号）"
UEL7 = "4月4日公告（不可靠实体清单工作机制公告〔2025〕7号）"
RELEASE = ("商务部新闻发言人就调整{lst}措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 {day} 18:00\n\n"
           "问：请问中方对有关措施有何新的安排？\n答：{a}\n")
PRESSER = ("商务部例行新闻发布会（{said}）\n来源：商务部新闻办公室 类型：原创 分类：新闻 {posted}\n\n"
           "新闻发言人何亚东：各位记者朋友，下午好！下面我愿意回答大家的提问。\n\n"
           "第一财经记者：请介绍今年前11个月我国服务贸易发展情况。\n何亚东：今年前11个月，我国服务进出口总额同比增长6.2%。\n\n"
           "路透社记者：请问中方对4月4日公告相关措施有何新的安排？\n何亚东：{a}\n\n"
           "新华社记者：请问近期稳外资工作有哪些新举措？\n何亚东：商务部将持续落实好稳外资政策措施。\n\n谢谢大家！\n")
Step = tuple[str, str, str | None, str | None]


def _read(text: str) -> list[Step]:
    notice = parse_document(text.encode("utf-8")).notice
    if notice is None:
        return []
    return [(a.action.value, a.targets[0].key or "" if a.targets else "", a.effective, a.until and a.until.isoformat())
            for a in notice.actions]


def _release(answer: str, lst: str = "不可靠实体清单", day: str = "2026-12-04") -> list[Step]:
    return _read(RELEASE.format(lst=lst, day=day, a=answer))


def _held(text: str) -> str:
    with pytest.raises(UnusablePage) as refused:
        _read(text)
    assert refused.value.reason == "needs-review", refused.value
    return str(refused.value)


# --- a step denied right before its verb: no step (blind 21) -----------------------------------------------------------

@pytest.mark.parametrize("answer", [
    "中方决定，对不可靠实体清单工作机制公告〔2025〕7号所列实体不恢复实施相关措施，自2026年12月10日起继续暂停实施至2027年12月10日。",
    "中方决定，对不可靠实体清单工作机制公告〔2025〕7号所列实体不予恢复实施相关措施，自2026年12月10日起继续暂停实施至2027年12月10日。",
])
def test_a_denied_restore_beside_an_extension_is_the_extension(answer: str) -> None:
    assert _release(answer) == [("extend", "UEL-2025-7", "2026-12-10", "2027-12-10")]


@pytest.mark.parametrize("answer", [
    f"中方决定，自2026年12月10日起不停止实施{UEL7}相关措施。",
    f"中方决定，自2026年12月10日起并不恢复实施{UEL7}相关措施。",
])
def test_a_denied_step_alone_is_no_step(answer: str) -> None:
    # no lift, no restore: at most held for a person (the title's change unread), never the step
    try:
        steps = _release(answer)
    except UnusablePage:
        return
    assert steps == []


@pytest.mark.parametrize("answer, steps, lst", [
    # probes: a denied verb takes no step, and its clause is no object of the verb before it, nor its subject the one before's
    (f"中方决定，自2026年12月10日起暂停实施{ECL21}相关措施1年，不停止实施{UEL7}相关措施。",
     [("suspend", "MOFCOM-2025-21", "2026-12-10", "2027-12-10")], "出口管制管控名单"),
    (f"中方决定，自2026年12月10日起停止实施{UEL7}相关措施，{ECL21}相关措施不停止实施，继续暂停至2027年12月10日。",
     [("lift", "UEL-2025-7", "2026-12-10", None), ("extend", "MOFCOM-2025-21", "2026-12-10", "2027-12-10")],
     "出口管制管控名单和不可靠实体清单"),
    # "不对X采取暂停措施": no suspension (was one, open-ended: a false item), the restore after it read
    (f"中方决定，不对{UEL7}采取暂停措施，自2026年12月10日起恢复实施相关措施。", [("restore", "UEL-2025-7", "2026-12-10", None)],
     "不可靠实体清单"),
])
def test_a_denied_verb_beside_others(answer: str, steps: list[Step], lst: str) -> None:
    assert _release(answer, lst=lst) == steps


@pytest.mark.parametrize("answer, step", [
    # the words that open with 不 are verbs of their own: still read
    (f"中方决定，自2026年12月10日起，不再暂停实施{UEL7}相关措施。", ("restore", "UEL-2025-7", "2026-12-10", None)),
    (f"中方决定，自2026年12月10日起，不再执行{UEL7}相关措施。", ("lift", "UEL-2025-7", "2026-12-10", None)),
    (f"中方决定，自2026年12月10日起，恢复实施{UEL7}相关措施。", ("restore", "UEL-2025-7", "2026-12-10", None)),
])
def test_steps_without_a_denial_still_read(answer: str, step: Step) -> None:
    assert _release(answer) == [step]


# --- a step for a time to come, on what the other side does (blind 07) -------------------------------------------------

@pytest.mark.parametrize("answer", [
    f"中方决定，视美方落实共识的情况，适时暂停实施{ECL21}相关措施。具体安排将另行发布。",
    f"中方决定视美方落实共识情况暂停实施{ECL21}相关措施。",
    f"中方将适时自2026年12月10日起暂停实施{ECL21}相关措施1年。",
])
def test_a_step_left_to_a_time_to_come_is_no_step(answer: str) -> None:
    _held(RELEASE.format(lst="出口管制管控名单", day="2026-12-03", a=answer))


@pytest.mark.parametrize("answer", [
    # a later 视情 speaks of the extension, not of the suspension decided (blind 08)
    f"中方决定，自2026年12月10日起暂停实施{ECL21}相关措施1年，到期后将视情决定是否延长。",
    f"根据美方落实共识的情况，中方决定，自2026年12月10日起暂停实施{ECL21}相关措施1年。",
])
def test_a_dated_decision_with_talk_after_it_reads(answer: str) -> None:
    assert _release(answer, lst="出口管制管控名单", day="2026-12-03") == [
        ("suspend", "MOFCOM-2025-21", "2026-12-10", "2027-12-10")]


# --- a start told only as a part of a month (blind 28, 29) ---------------------------------------------------------------

@pytest.mark.parametrize("answer", [
    f"中方决定，自本月中旬起，暂停实施{UEL7}相关措施1年，具体日期另行公布。",
    f"中方决定，自本月底起，停止实施{UEL7}相关措施。",
    f"中方决定，自下月初起，停止实施{UEL7}相关措施。",
    f"中方决定，自年底起，停止实施{UEL7}相关措施。",
    f"中方决定，自1月上旬起，停止实施{UEL7}相关措施。",
])
def test_a_start_told_as_part_of_a_month_is_held(answer: str) -> None:
    assert "no day the dates read" in _held(RELEASE.format(lst="不可靠实体清单", day="2026-12-03", a=answer))


@pytest.mark.parametrize("answer", [
    # probes after the blind round: every start the dates cannot read took the answer's own day, silently
    f"中方决定，自下周一起，停止实施{UEL7}相关措施。",
    f"中方决定，自后天起，停止实施{UEL7}相关措施。",
    # ("自元旦起" is 1月1日 since session 57: tests/scraper/test_parse_held57.py)
    f"中方决定，自元旦后首个工作日起，停止实施{UEL7}相关措施。",
    f"中方决定，自2027年初起，停止实施{UEL7}相关措施。",
    f"中方决定，自近日起，停止实施{UEL7}相关措施。",
    f"中方决定，自10日起，停止实施{UEL7}相关措施。",
    f"中方决定，自12月10号起，停止实施{UEL7}相关措施。",
    f"中方决定，自12.10起，停止实施{UEL7}相关措施。",
])
def test_a_start_the_dates_cannot_read_is_held(answer: str) -> None:
    assert "no day the dates read" in _held(RELEASE.format(lst="不可靠实体清单", day="2026-12-03", a=answer))


@pytest.mark.parametrize("answer", [
    # a day written without 自…起 before the verb, which the step did not take (it took the answer's day)
    f"中方决定，从12月10日开始，停止实施{UEL7}相关措施。",
    f"中方决定，12月10日起停止实施{UEL7}相关措施。",
    f"中方决定，于12月10日停止实施{UEL7}相关措施。",
])
def test_a_day_before_the_verb_the_step_did_not_take_is_held(answer: str) -> None:
    assert "not the day the step took" in _held(RELEASE.format(lst="不可靠实体清单", day="2026-12-03", a=answer))


@pytest.mark.parametrize("answer, step", [
    (f"中方决定，自本次答问发布之日起，停止实施{UEL7}相关措施。", ("lift", "UEL-2025-7", "2026-12-03", None)),
    (f"中方决定，自即日起至2027年1月31日，暂停实施{UEL7}相关措施。", ("suspend", "UEL-2025-7", "2026-12-03", "2027-01-31")),
    (f"{UEL7}相关措施的暂停期限将于2026年12月10日届满。中方决定，届满后不再延长，自届满之日起恢复实施上述措施。",
     ("restore", "UEL-2025-7", "2026-12-10", None)),
    (f"中方决定，自2026年12月10日起，停止实施{UEL7}相关措施，此前于11月10日起恢复实施的措施一并停止。",
     ("lift", "UEL-2025-7", "2026-12-10", None)),
])
def test_starts_the_dates_read_still_read(answer: str, step: Step) -> None:
    assert _release(answer, day="2026-12-03")[:1] == [step]


@pytest.mark.parametrize("answer, step", [
    # a day told with its part of the month in words before it is read (dates.BRACKET_DAY_RE)
    (f"中方决定，自本月下旬（2026年12月21日）起，停止实施{UEL7}相关措施。", ("lift", "UEL-2025-7", "2026-12-21", None)),
    (f"中方决定，自本月10日起，停止实施{UEL7}相关措施。", ("lift", "UEL-2025-7", "2026-12-10", None)),
])
def test_a_day_in_the_month_still_reads(answer: str, step: Step) -> None:
    assert _release(answer, day="2026-12-03") == [step]


# --- an end before the verb with a relative year (blind 25) -------------------------------------------------------------

@pytest.mark.parametrize("answer, until", [
    (f"中方决定，自2026年12月10日起至明年6月30日，暂停实施{UEL7}相关措施。", "2027-06-30"),
    (f"中方决定，自2026年12月10日起至今年12月31日，暂停实施{UEL7}相关措施。", "2026-12-31"),
    (f"中方决定，自2026年12月10日起至2027年6月30日，暂停实施{UEL7}相关措施。", "2027-06-30"),
])
def test_an_end_before_the_verb_is_read(answer: str, until: str) -> None:
    assert _release(answer) == [("suspend", "UEL-2025-7", "2026-12-10", until)]


# --- a press conference's transcript posted after its day (blind 17) ----------------------------------------------------

def test_tomorrow_counts_from_the_conference_day_not_the_posting() -> None:
    text = PRESSER.format(said="2026年12月3日", posted="2026-12-04 00:30",
                          a=f"中方决定，自明日起，暂停实施{ECL21}相关措施1年。")
    assert _read(text) == [("suspend", "MOFCOM-2025-21", "2026-12-04", "2027-12-04")]


def test_a_transcript_posted_the_same_day_counts_from_it() -> None:
    text = PRESSER.format(said="2026年12月3日", posted="2026-12-03 16:30",
                          a=f"中方决定，自明日起，暂停实施{ECL21}相关措施1年。")
    assert _read(text) == [("suspend", "MOFCOM-2025-21", "2026-12-04", "2027-12-04")]


def test_a_next_month_counts_from_the_conference_day_across_a_year() -> None:
    # the conference of 12-31 posted on 01-01: "下月1日" is 2027-01-01, not 2027-02-01
    text = PRESSER.format(said="2026年12月31日", posted="2027-01-01 00:30",
                          a=f"中方决定，自下月1日起，停止实施{ECL21}相关措施。")
    assert _read(text) == [("lift", "MOFCOM-2025-21", "2027-01-01", None)]


# --- a notice named by its number after a relative year (blind 22) -----------------------------------------------------

@pytest.mark.parametrize("answer, key", [
    ("中方决定，对去年第21号公告所列16家美国实体，自2026年12月10日起停止实施相关措施。", "MOFCOM-2025-21"),
    ("中方决定，自2026年12月10日起，停止实施商务部去年第21号公告相关措施。", "MOFCOM-2025-21"),
    ("中方决定，自2026年12月10日起，停止实施今年第21号公告相关措施。", "MOFCOM-2026-21"),
])
def test_a_number_after_a_relative_year_is_that_years(answer: str, key: str) -> None:
    assert _release(answer, lst="出口管制管控名单") == [("lift", key, "2026-12-10", None)]


@pytest.mark.parametrize("answer, lst", [
    # no year at all, or a working mechanism's text (its "第7号公告" is 〔2025〕7号 or a MOFCOM number): never a guess
    ("中方决定，自2026年12月10日起，停止实施第21号公告相关措施。", "出口管制管控名单"),
    ("中方决定，自2026年12月10日起，停止实施去年第7号公告相关措施。", "不可靠实体清单"),
])
def test_a_number_without_a_year_is_no_guess(answer: str, lst: str) -> None:
    with pytest.raises(UnusablePage):
        _release(answer, lst=lst)


# --- a term in the numerals of accounts (probe) --------------------------------------------------------------------------

# Held for a person (checks.unread_term) from session 42; read since session 43 (qa43: ``periods.FORMAL_TO_PLAIN``).
@pytest.mark.parametrize(("answer", "step"), [
    (f"中方决定，自2026年12月10日起，继续暂停实施{UEL7}相关措施，为期壹年。", ("extend", "UEL-2025-7", "2026-12-10", "2027-12-10")),
    (f"中方决定，自2026年12月10日起，暂停实施{UEL7}相关措施，为期壹年。", ("suspend", "UEL-2025-7", "2026-12-10", "2027-12-10")),
    (f"中方决定，将{UEL7}相关措施的暂停期限延长壹年。", ("extend", "UEL-2025-7", "2026-12-03", None)),
])
def test_a_term_in_the_numerals_of_accounts_is_read(answer: str, step: Step) -> None:
    assert _release(answer, day="2026-12-03") == [step]


def test_a_term_in_common_numerals_still_reads() -> None:
    assert _release(f"中方决定，自2026年12月10日起，暂停实施{UEL7}相关措施，为期一年。", day="2026-12-03") == [
        ("suspend", "UEL-2025-7", "2026-12-10", "2027-12-10")]
