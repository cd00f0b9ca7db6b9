"""Session 43's blind round on Q&As and press conferences (qa43, tests/data/corpus/qa43/).

Found blind: a press conference's answer restoring "自公告之日起" with the notice's day (12月3日) only in another answer, read
silently from the transcript's own day (a day late: A); true decisions held for a person (B): a second step in the sentence
after the decision's, "同时，自同日起，对…7号所列实体继续暂停实施相关措施1年", and an extension "延长…相关措施的暂停期限至明年11月10日"."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

ECL21 = "4月4日公告（商务部公告2025年第21号）"
UEL7 = "不可靠实体清单工作机制公告〔2025〕7号"
RELEASE = ("商务部新闻发言人就调整{lst}措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 {day} 18:00\n\n"
           "问：请问中方对有关措施有何新的安排？\n答：{a}\n")
PRESSER = ("商务部例行新闻发布会（2026年12月4日）\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-04 17:30\n\n"
           "新闻发言人何咏前：各位记者朋友，下午好！下面我愿意回答大家的提问。\n\n"
           "路透社记者：昨天不可靠实体清单工作机制发布了哪些公告？\n何咏前：{first}\n\n"
           "新华社记者：请问近期稳外资工作有哪些新举措？\n何咏前：商务部将持续落实好稳外资政策措施。\n\n"
           "彭博社记者：该公告对不可靠实体清单作出了什么安排？\n何咏前：{a}\n\n谢谢大家！\n")
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


# --- "自公告之日起" in an answer: a notice's day, not the answer's (blind 03) -----------------------------------------------

@pytest.mark.parametrize("start", ["自公告之日起", "自该公告发布之日起", "自上述公告发布之日起", "自公告发布之日起", "自公告公布之日起"])
def test_a_notice_day_in_an_answer_is_held(start: str) -> None:
    answer = f"根据该公告，不可靠实体清单工作机制决定，{start}，对{UEL7}所列实体恢复实施相关措施。"
    assert "a notice's day" in _held(PRESSER.format(first="12月3日，不可靠实体清单工作机制发布了有关公告。", a=answer))
    assert "a notice's day" in _held(RELEASE.format(lst="不可靠实体清单", day="2026-12-04", a=answer))


@pytest.mark.parametrize("answer", [
    # the answer says the notice is today's: its day is the answer's
    f"不可靠实体清单工作机制今天发布公告，决定自公告发布之日起，对{UEL7}所列实体恢复实施相关措施。",
    # the answer's own day, as ever
    f"不可靠实体清单工作机制决定，自发布之日起，对{UEL7}所列实体恢复实施相关措施。",
    f"不可靠实体清单工作机制决定，自本公告发布之日起，对{UEL7}所列实体恢复实施相关措施。",
])
def test_the_answers_own_day_stays_read(answer: str) -> None:
    assert _release(answer) == [("restore", "UEL-2025-7", "2026-12-04", None)]


def test_a_notice_day_in_a_notice_stays_its_own() -> None:
    text = ("不可靠实体清单工作机制公告〔2026〕30号\n\n根据《不可靠实体清单规定》，工作机制决定，自公告之日起，对不可靠实体清单工作机制"
            "公告〔2025〕7号所列实体恢复实施相关措施。\n\n不可靠实体清单工作机制\n2026年12月3日\n")
    assert _read(text) == [("restore", "UEL-2025-7", "2026-12-03", None)]


# --- a second step after "同时" / "此外", its start "自同日起" (blind 21) -------------------------------------------------------

@pytest.mark.parametrize("second, start", [
    ("同时，自同日起，对{u}所列实体继续暂停实施相关措施1年。", "2026-12-10"),
    ("此外，自同日起，对{u}所列实体继续暂停实施相关措施1年。", "2026-12-10"),
    ("同时，对{u}所列实体继续暂停实施相关措施1年。", "2026-12-10"),
])
def test_a_second_step_after_tongshi_is_read(second: str, start: str) -> None:
    answer = f"中方决定，自2026年12月10日起，停止实施{ECL21}相关措施。" + second.format(u=UEL7)
    until = "2027-12-10"
    assert _release(answer, lst="出口管制管控名单和不可靠实体清单") == [
        ("lift", "MOFCOM-2025-21", "2026-12-10", None), ("extend", "UEL-2025-7", start, until)]


@pytest.mark.parametrize("answer", [
    f"中方决定，自2026年12月10日起，停止实施{ECL21}相关措施。美方希望，自同日起，对{UEL7}所列实体停止实施相关措施。",
    f"中方决定，自2026年12月10日起，停止实施{ECL21}相关措施。据报道，对{UEL7}所列实体将停止实施相关措施。",
    f"中方决定，自2026年12月10日起，停止实施{ECL21}相关措施。对{UEL7}所列实体是否停止实施相关措施，中方正在研究。",
])
def test_a_second_sentence_that_decides_nothing_is_held(answer: str) -> None:
    _held(RELEASE.format(lst="出口管制管控名单和不可靠实体清单", day="2026-12-04", a=answer))


# --- an extension's end "至明年11月10日" after the object (blind 29) ----------------------------------------------------------

@pytest.mark.parametrize("answer, until", [
    (f"中方决定，延长{ECL21}相关措施的暂停期限至明年11月10日。", "2027-11-10"),
    (f"中方决定，延长{ECL21}相关措施的暂停期限至今年12月31日。", "2026-12-31"),
    (f"中方决定，延长{ECL21}相关措施的暂停期限至2027年11月10日。", "2027-11-10"),
])
def test_an_extension_to_a_relative_year_is_read(answer: str, until: str) -> None:
    assert _release(answer, lst="出口管制管控名单", day="2026-11-06") == [("extend", "MOFCOM-2025-21", "2026-11-06", until)]


@pytest.mark.parametrize("answer", [
    f"中方决定，延长{ECL21}相关措施的暂停期限至明年11月10日的前提是美方落实共识。",
    f"中方决定延长{ECL21}相关措施的暂停期限至明年11月10日一事纯属谣言。",
])
def test_more_after_a_relative_end_is_held(answer: str) -> None:
    _held(RELEASE.format(lst="出口管制管控名单", day="2026-11-06", a=answer))


# --- a clause keeping its notice as it is, beside a step on another (blind 42) ---------------------------------------------

NEUTRAL = ("商务部新闻发言人就有关问题答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-04 18:00\n\n"
           "问：请问中方对有关措施有何新的安排？\n答：{a}\n")


@pytest.mark.parametrize("answer", [
    # read on main 8225527b as a lift of 7号 alone (No. 21's lift lost) or of both: a false 'Lifted' item
    f"中方决定，自2026年12月10日起，对{ECL21}所列实体停止实施相关措施，对{UEL7}所列实体则不作调整。",
    f"中方决定，自2026年12月10日起，对{ECL21}所列实体停止实施相关措施，对{UEL7}所列实体不作调整。",
    f"中方决定，自2026年12月10日起，停止实施{ECL21}相关措施，对{UEL7}相关措施不作调整。",
    f"中方决定，自2026年12月10日起，停止实施{ECL21}相关措施，{UEL7}相关措施维持不变。",
    f"中方决定，自2026年12月10日起，停止实施{ECL21}相关措施，{UEL7}相关措施保持不变。",
    f"中方决定，自2026年12月10日起，停止实施{ECL21}相关措施，对{UEL7}相关措施不予调整。",
    # the clause kept before the step: its notice is no subject of the verb after it
    f"中方决定，对{UEL7}相关措施不作调整，自2026年12月10日起停止实施{ECL21}相关措施。",
    f"中方决定，对{UEL7}所列实体不作调整，对{ECL21}所列实体自2026年12月10日起停止实施相关措施。",
])
def test_a_notice_kept_as_it_is_takes_no_step(answer: str) -> None:
    assert _targets(NEUTRAL.format(a=answer)) == [("lift", ["MOFCOM-2025-21"], "2026-12-10")]


def test_two_notices_of_one_step_stay_read() -> None:
    text = NEUTRAL.format(a=f"中方决定，自2026年12月10日起，停止实施{ECL21}和{UEL7}相关措施。")
    assert _targets(text) == [("lift", ["MOFCOM-2025-21", "UEL-2025-7"], "2026-12-10")]


def _targets(text: str) -> list[tuple[str, list[str | None], str | None]]:
    notice = parse_document(text.encode("utf-8")).notice
    assert notice is not None
    return [(a.action.value, [t.key for t in a.targets], a.effective) for a in notice.actions]


def test_a_notice_kept_is_no_subject_of_the_verb_after_it() -> None:
    """"对…7号相关措施不作调整，自…起停止实施相关措施" names no other notice: held, not a lift of 7号."""
    _held(NEUTRAL.format(a=f"中方决定，对{UEL7}相关措施不作调整，自2026年12月10日起停止实施相关措施。"))


# --- a title's change answered by keeping the list as it is (blind 42; qa42/27, qa41/22) -----------------------------------

def _release_page(answer: str, lst: str) -> str:
    return RELEASE.format(lst=lst, day="2026-12-04", a=answer)


def test_the_other_list_kept_under_a_title_naming_both_is_read() -> None:
    """Blind 42: held for a person on main (the title's UEL change unread), the lift of No. 21 with it."""
    answer = f"中方决定，自2026年12月10日起，对{ECL21}所列实体停止实施相关措施，对{UEL7}所列实体则不作调整。"
    assert _targets(_release_page(answer, "出口管制管控名单和不可靠实体清单")) == [("lift", ["MOFCOM-2025-21"], "2026-12-10")]


@pytest.mark.parametrize("answer", [
    "这一报道不实。关于出口管制管控名单和关注名单，目前没有新的调整。",
    "这一报道不实。出口管制管控名单相关措施维持不变。",
    "关于出口管制管控名单，中方暂无调整。",
])
def test_a_denial_keeping_the_titles_list_is_no_step_not_cut_short(answer: str) -> None:
    """qa42/27: refused as cut short on main, a false alarm of a truncated fetch."""
    assert _targets(_release_page(answer, "出口管制管控名单")) == []


@pytest.mark.parametrize(("answer", "lst"), [
    # the sentence keeps another list: the answer may have been cut before the title's
    ("关于不可靠实体清单，目前没有新的调整。", "出口管制管控名单和不可靠实体清单"),
    ("关于不可靠实体清单，目前没有新的调整。", "出口管制管控名单"),
    # no list named where it is kept
    ("目前没有新的调整。", "出口管制管控名单"),
    # the list named, but in a sentence keeping nothing
    ("关于出口管制管控名单，中方一贯依法办事。", "出口管制管控名单"),
    ("关于出口管制管控名单，我们会适时发布信息。对不可靠实体清单不作调整。", "出口管制管控名单"),
])
def test_an_answer_keeping_no_list_of_the_title_stays_cut_short(answer: str, lst: str) -> None:
    with pytest.raises(UnusablePage) as refused:
        _read(_release_page(answer, lst))
    assert refused.value.reason == "cut-short"


def test_a_kept_list_in_the_question_is_no_answer() -> None:
    text = _release_page("中方一贯依法办事。", "出口管制管控名单").replace(
        "问：请问中方对有关措施有何新的安排？", "问：有报道称出口管制管控名单不作调整，请问是否属实？")
    with pytest.raises(UnusablePage) as refused:
        _read(text)
    assert refused.value.reason == "cut-short"


# --- a term in the numerals of accounts, read (qa42's probe, held by checks.unread_term since session 42) ------------------

@pytest.mark.parametrize(("answer", "step"), [
    (f"中方决定，自2026年12月10日起，暂停实施{ECL21}相关措施，为期壹年。", ("suspend", "2026-12-10", "2027-12-10", None)),
    (f"中方决定，自2026年12月10日起，暂停实施{ECL21}相关措施壹年。", ("suspend", "2026-12-10", "2027-12-10", None)),
    (f"中方决定，自2026年12月10日起，暂停实施{ECL21}相关措施陆个月。", ("suspend", "2026-12-10", "2027-06-10", None)),
    (f"中方决定，自2026年12月10日起，暂停实施{ECL21}相关措施，为期壹年零叁个月。", ("suspend", "2026-12-10", "2028-03-10", None)),
    (f"中方决定，自2026年12月10日起，暂停实施{ECL21}相关措施，为期壹佰捌拾天。", ("suspend", "2026-12-10", "2027-06-08", None)),
    (f"中方决定，将{ECL21}相关措施的暂停期限延长壹年。", ("extend", "2026-12-04", None, "P1Y")),
    (f"中方决定，{ECL21}相关措施暂停期限届满后，继续暂停实施相关措施玖拾天。", ("extend", "2026-12-04", None, "P90D")),
])
def test_a_term_in_the_numerals_of_accounts_is_read(answer: str, step: tuple[str, str, str | None, str | None]) -> None:
    notice = parse_document(RELEASE.format(lst="出口管制管控名单", day="2026-12-04", a=answer).encode("utf-8")).notice
    assert notice is not None
    assert [(a.action.value, a.effective, a.until and a.until.isoformat(), a.extends_by) for a in notice.actions] == [step]



# --- "分别…6个月和1年": a term for each of two notices (qa42/20, held for a person since session 42) ---------------------------

BOTH = "出口管制管控名单和不可靠实体清单"
TWO = f"商务部公告2025年第21号和{UEL7}"


@pytest.mark.parametrize(("answer", "steps"), [
    (f"中方决定，自2026年12月10日起，分别暂停实施{TWO}相关措施6个月和1年。",
     [("suspend", ["MOFCOM-2025-21"], "2026-12-10", "2027-06-10"), ("suspend", ["UEL-2025-7"], "2026-12-10", "2027-12-10")]),
    (f"中方决定，自2026年12月10日起，分别暂停实施商务部公告2025年第21号、{UEL7}相关措施1年和6个月。",
     [("suspend", ["MOFCOM-2025-21"], "2026-12-10", "2027-12-10"), ("suspend", ["UEL-2025-7"], "2026-12-10", "2027-06-10")]),
    (f"中方决定，自2026年12月10日起，分别暂停实施{TWO}相关措施90天和六个月。",
     [("suspend", ["MOFCOM-2025-21"], "2026-12-10", "2027-03-10"), ("suspend", ["UEL-2025-7"], "2026-12-10", "2027-06-10")]),
    (f"中方决定，自2026年12月10日起，分别继续暂停实施{TWO}相关措施6个月和1年。",
     [("extend", ["MOFCOM-2025-21"], "2026-12-10", "2027-06-10"), ("extend", ["UEL-2025-7"], "2026-12-10", "2027-12-10")]),
    (f"中方决定，分别继续暂停实施{TWO}相关措施6个月和1年。",
     [("extend", ["MOFCOM-2025-21"], "2026-12-04", None), ("extend", ["UEL-2025-7"], "2026-12-04", None)]),
    # one term for both: one step
    (f"中方决定，自2026年12月10日起，分别暂停实施{TWO}相关措施1年。",
     [("suspend", ["MOFCOM-2025-21", "UEL-2025-7"], "2026-12-10", "2027-12-10")]),
])
def test_each_notice_its_own_term(answer: str, steps: list[tuple[str, list[str], str, str]]) -> None:
    notice = parse_document(_release_page(answer, BOTH).encode("utf-8")).notice
    assert notice is not None
    assert [(a.action.value, [t.key for t in a.targets], a.effective, a.until and a.until.isoformat())
            for a in notice.actions] == steps
    # each step on its own notice's list where the notice names it (a MOFCOM number names none: null, as before)
    assert all(a.list is not None and a.list.value == "uel" for a in notice.actions if a.targets[0].key == "UEL-2025-7")


@pytest.mark.parametrize("answer", [
    # two terms, no 分别: which is whose is not said
    f"中方决定，自2026年12月10日起，暂停实施{TWO}相关措施6个月和1年。",
    # three notices, two terms
    f"中方决定，自2026年12月10日起，分别暂停实施商务部公告2025年第21号、第22号和{UEL7}相关措施6个月和1年。",
    # (an extension with no start, each by its own term from its own end: read since session 44, clauses44)
])
def test_terms_not_each_a_notices_are_held(answer: str) -> None:
    _held(_release_page(answer, BOTH))


# --- "分别自D1和D2起": a start for each of two notices (blind 48: both read from the second day on main 52e4703c) ------------

N21_7 = f"{ECL21}和{UEL7}"


@pytest.mark.parametrize(("answer", "steps"), [
    (f"中方决定，分别自2026年12月10日和2027年1月1日起，停止实施{N21_7}相关措施。",
     [("lift", ["MOFCOM-2025-21"], "2026-12-10", None), ("lift", ["UEL-2025-7"], "2027-01-01", None)]),
    (f"中方决定，分别自2026年12月10日和2027年1月1日起，暂停实施{N21_7}相关措施1年。",
     [("suspend", ["MOFCOM-2025-21"], "2026-12-10", "2027-12-10"), ("suspend", ["UEL-2025-7"], "2027-01-01", "2028-01-01")]),
    (f"中方决定，分别自2026年12月10日和2027年1月1日起，暂停实施{N21_7}相关措施至2027年6月30日。",
     [("suspend", ["MOFCOM-2025-21"], "2026-12-10", "2027-06-30"), ("suspend", ["UEL-2025-7"], "2027-01-01", "2027-06-30")]),
    (f"中方决定，分别自2026年12月10日和2027年1月1日起，分别暂停实施{N21_7}相关措施6个月和1年。",
     [("suspend", ["MOFCOM-2025-21"], "2026-12-10", "2027-06-10"), ("suspend", ["UEL-2025-7"], "2027-01-01", "2028-01-01")]),
])
def test_each_notice_its_own_start(answer: str, steps: list[tuple[str, list[str], str, str | None]]) -> None:
    notice = parse_document(_release_page(answer, BOTH).encode("utf-8")).notice
    assert notice is not None
    assert [(a.action.value, [t.key for t in a.targets], a.effective, a.until and a.until.isoformat())
            for a in notice.actions] == steps


@pytest.mark.parametrize("answer", [
    # no 分别: which day is whose is not said
    f"中方决定，自2026年12月10日和2027年1月1日起，停止实施{N21_7}相关措施。",
    # three notices, two days
    f"中方决定，分别自2026年12月10日和2027年1月1日起，停止实施商务部公告2025年第21号、第22号和{UEL7}相关措施。",
    # a day without its year
    f"中方决定，分别自2026年12月10日和12月20日起，停止实施{N21_7}相关措施。",
])
def test_two_starts_not_each_a_notices_are_held(answer: str) -> None:
    _held(_release_page(answer, BOTH))


# --- a suspension told to run with another's term (blind 56: read open-ended on main 27d6d856) ----------------------------

@pytest.mark.parametrize("second", ["{u}相关措施同步暂停。", "{u}相关措施一并暂停。", "对{u}相关措施同步暂停实施。", "{u}相关措施同期暂停。"])
def test_a_suspension_sharing_anothers_term_is_held(second: str) -> None:
    answer = f"中方决定，自2026年12月10日起，暂停实施{ECL21}相关措施，期限为1年；" + second.format(u=UEL7)
    assert "another's term" in _held(_release_page(answer, BOTH))


def test_an_open_suspension_beside_a_term_stays_read() -> None:
    """The real 2025-05-14 wording: 7号 for 90 days, 8号 with no term of its own."""
    answer = (f"中方决定，自2026年12月10日起，暂停实施{UEL7}相关措施90天，"
              "暂停实施不可靠实体清单工作机制公告〔2025〕8号相关措施。")
    assert _targets(_release_page(answer, "不可靠实体清单")) == [
        ("suspend", ["UEL-2025-7"], "2026-12-10"), ("suspend", ["UEL-2025-8"], "2026-12-10")]


def test_a_suspension_sharing_an_open_term_stays_read() -> None:
    answer = f"中方决定，自2026年12月10日起，暂停实施{ECL21}相关措施；{UEL7}相关措施同步暂停。"
    assert _targets(_release_page(answer, BOTH)) == [
        ("suspend", ["MOFCOM-2025-21"], "2026-12-10"), ("suspend", ["UEL-2025-7"], "2026-12-10")]
