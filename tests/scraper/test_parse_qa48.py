"""Session 48's round on spokesperson answers (qa48): qa47's open B, the clear held forms the lead decided to read, and
the blind round's faults (tests/data/corpus/qa48/).

qa47's open B (each loud before: held for a person, or a false unresolved reference):
- "问：…？答：…" on one line: the question read into the answer's first sentence, its step held.
- "商务部 海关总署公告2025年第55-58号" (a range inside one 第…号): no number read, held.
- "商务部公告2025年第21号（以下简称21号公告）…21号公告相关措施": the short name read as no notice, held.
- A news headline's yearless "4月4日公告" beside the body's "4月4日公告（商务部公告2025年第21号）": a ref to an ECL notice of
  the page's own year (2026-04-04), a false unresolved reference.
- "4月4日和9日公告（…第21号、第22号）…1年": "9日" taken as a term, held as "two terms".

The lead's decision (session 48): read "…相关措施暂停至<day>" (a suspension with an end day), and "…照此办理" where exactly
one step with one term or end precedes it and the notice it applies to is named; the others stay held."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

RELEASE = ("商务部新闻发言人就调整{lst}措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-08 17:00\n\n"
           "问：请问中方对有关措施有何新的安排？\n答：{a}\n")
PRESS = ("商务部召开例行新闻发布会（2026年12月8日）\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-08 16:30\n\n"
         "商务部新闻发言人何咏前：各位记者朋友，下午好！下面开始提问。\n彭博社记者：请问中方在有关清单方面有何新的安排？\n"
         "何咏前：{a}\n本次发布会到此结束，谢谢大家！\n")

Step = tuple[str, list[str | None], str | None, str | None]


def _steps_of(text: str) -> list[Step]:
    notice = parse_document(text.encode("utf-8")).notice
    assert notice is not None
    return [(a.action.value, [t.key or (t.date and f"{t.date.isoformat()}/{t.list and t.list.value}") for t in a.targets],
             a.effective, a.until and a.until.isoformat()) for a in notice.actions]


def _steps(answer: str, lst: str = "出口管制管控名单") -> list[Step]:
    return _steps_of(RELEASE.format(lst=lst, a=answer))


def _held(text: str) -> str:
    with pytest.raises(UnusablePage) as refused:
        parse_document(text.encode("utf-8"))
    assert refused.value.reason == "needs-review"
    return str(refused.value)


ITEMS = ["MOFCOM-2025-55", "MOFCOM-2025-56", "MOFCOM-2025-57", "MOFCOM-2025-58"]


# --- qa47/02: question and answer on one line ----------------------------------------------------------------------------------

@pytest.mark.parametrize("mark", ["？", "?", "！"])
def test_an_answer_on_its_questions_line_is_a_sentence_of_its_own(mark: str) -> None:
    text = ("商务部新闻发言人就调整不可靠实体清单措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-02 17:00\n\n"
            f"问：4月4日公告相关措施暂停期满后，中方有何考虑{mark}答：为继续落实中美经贸磋商共识，不可靠实体清单工作机制决定，"
            "自2026年11月11日起，继续暂停实施4月4日公告（不可靠实体清单工作机制公告〔2025〕7号）相关措施，暂停期限至2027年11月10日。\n")
    assert _steps_of(text) == [("extend", ["UEL-2025-7"], "2026-11-11", "2027-11-10")]


def test_a_question_on_the_answers_line_still_decides_nothing() -> None:
    """The question's own words are no step: "问：中方是否会停止实施…？答：目前没有新的信息。" reads no notice."""
    text = ("商务部新闻发言人答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-02 17:00\n\n"
            "问：中方是否会自2026年12月10日起停止实施商务部公告2025年第21号相关措施？答：目前没有新的信息，我们将适时发布。\n")
    doc = parse_document(text.encode("utf-8"))
    assert doc.notice is None or not doc.notice.actions


# --- qa47/06: a range inside one 第…号 ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("numbers", ["第55-58号", "第55—58号", "第55－58号", "第55~58号", "第55至58号", "第55 - 58号"])
def test_a_range_inside_one_number_names_every_notice_in_it(numbers: str) -> None:
    answer = f"经研究，中方决定，自2026年12月10日起，停止实施商务部 海关总署公告2025年{numbers}相关措施。"
    assert _steps(answer) == [("lift", ITEMS, "2026-12-10", None)]


def test_a_uel_range_inside_one_number_names_every_notice_in_it() -> None:
    answer = "中方决定，自2026年12月10日起，停止实施不可靠实体清单工作机制公告〔2025〕5-8号相关措施。"
    assert _steps(answer, "不可靠实体清单") == [
        ("lift", ["UEL-2025-5", "UEL-2025-6", "UEL-2025-7", "UEL-2025-8"], "2026-12-10", None)]


def test_a_range_is_no_texts_own_number() -> None:
    """"商务部 海关总署公告2025年第55-58号" alone (a heading) is no notice of its own (never No. 55's)."""
    doc = parse_document("商务部 海关总署公告2025年第55-58号".encode("utf-8"))
    assert doc.notice is None


def test_a_dash_with_no_number_after_it_is_no_range() -> None:
    """"第55-" with no number and 号 after it is no number (a date or a list of items, never a guessed range)."""
    answer = "中方决定，自2026年12月10日起，停止实施商务部 海关总署公告2025年第55号相关措施，有关事项见附件第1-3条。"
    assert _steps(answer) == [("lift", ["MOFCOM-2025-55"], "2026-12-10", None)]


# --- qa47/30: a short name given to a notice ------------------------------------------------------------------------------------

@pytest.mark.parametrize("short", ["（以下简称21号公告）", "（以下简称“21号公告”）", "（下称“21号公告”）", "（简称21号公告）"])
def test_a_short_name_given_after_a_number_names_that_notice(short: str) -> None:
    answer = (f"商务部于2025年4月4日发布商务部公告2025年第21号{short}，将16家美国实体列入出口管制管控名单。中方决定，"
              "自2026年12月10日起，继续暂停实施21号公告相关措施1年。")
    assert _steps(answer) == [("extend", ["MOFCOM-2025-21"], "2026-12-10", "2027-12-10")]


def test_a_short_name_of_two_notices_names_both() -> None:
    answer = ("商务部于2025年4月4日、9日分别发布商务部公告2025年第21号、第22号（以下简称两份公告）。中方决定，自2026年12月10日起，"
              "停止实施两份公告相关措施。")
    assert _steps(answer) == [("lift", ["MOFCOM-2025-21", "MOFCOM-2025-22"], "2026-12-10", None)]


def test_a_short_name_inside_a_longer_number_is_not_it() -> None:
    """"121号公告" holds "21号公告": the notice written whole there is its own, never No. 21."""
    answer = ("商务部于2025年4月4日发布商务部公告2025年第21号（以下简称21号公告）。中方决定，自2026年12月10日起，"
              "停止实施商务部公告2026年第121号公告相关措施。")
    assert _steps(answer) == [("lift", ["MOFCOM-2026-121"], "2026-12-10", None)]


# --- qa47/03: a yearless "4月4日公告" in a news item's headline -------------------------------------------------------------------

NEWS = ("{title}\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-22 17:00\n\n"
        "12月22日，商务部新闻发言人何咏前就近期中美经贸有关问题答记者问。\n"
        "针对有关出口管制管控名单的提问，何咏前表示，为落实中美经贸磋商共识，中方决定，自2027年1月1日起，停止实施{body}相关措施。\n")


def test_a_headlines_yearless_day_is_the_notice_its_body_gives_that_day() -> None:
    text = NEWS.format(title="商务部：中方决定停止实施4月4日公告相关措施", body="4月4日公告（商务部公告2025年第21号）")
    assert _steps_of(text) == [("lift", ["2025-04-04/ecl"], "2027-01-01", None),
                               ("lift", ["MOFCOM-2025-21"], "2027-01-01", None)]


def test_a_yearless_day_after_the_other_issuer_keeps_its_own_reading() -> None:
    """"不可靠实体清单工作机制停止3月4日公告相关措施" after "3月4日公告（商务部公告2025年第13号）": the working mechanism's notice of
    that day (as susp/06 reads it), never No. 13 nor its day on the ECL."""
    answer = ("中方决定自2025年11月10日起，停止执行3月4日公告（商务部公告2025年第13号）相关措施；"
              "不可靠实体清单工作机制停止3月4日公告相关措施。")
    text = PRESS.format(a=answer).replace("2026-12-08", "2025-11-06").replace("2026年12月8日", "2025年11月6日")
    steps = _steps_of(text)
    assert steps[0] == ("lift", ["MOFCOM-2025-13"], "2025-11-10", None)
    assert [s[1] for s in steps[1:]] == [["2025-03-04/uel"]]


# --- "4月4日和9日公告" is no term -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("days", ["4月4日和9日", "4月4日、9日", "四月四日和九日"])
def test_the_second_day_of_a_date_is_no_term(days: str) -> None:
    answer = f"中方决定，自2026年12月10日起，继续暂停实施{days}公告（商务部公告2025年第21号、第22号）相关措施1年。"
    assert _steps(answer) == [("extend", ["MOFCOM-2025-21", "MOFCOM-2025-22"], "2026-12-10", "2027-12-10")]


def test_two_terms_still_held() -> None:
    answer = "中方决定，自2026年12月10日起，继续暂停实施商务部公告2025年第21号、第22号相关措施1年和9日。"
    assert "two terms" in _held(RELEASE.format(lst="出口管制管控名单", a=answer))


# --- the lead's decision: "…相关措施暂停至<day>" -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("lead", "effective"), [("", "2026-12-08"), ("自2026年12月15日起，", "2026-12-15")])
def test_measures_suspended_to_a_day_in_a_decision_are_a_suspension(lead: str, effective: str) -> None:
    """qa47/47: "中方决定，商务部公告2025年第21号相关措施暂停至2027年11月10日" was held (session 47) and no notice before."""
    answer = f"为落实中美经贸磋商共识，中方决定，{lead}商务部公告2025年第21号相关措施暂停至2027年11月10日。"
    assert _steps_of(PRESS.format(a=answer)) == [("suspend", ["MOFCOM-2025-21"], effective, "2027-11-10")]


@pytest.mark.parametrize("verb", ["暂停至", "暂停实施至"])
def test_a_suspension_told_after_its_notice_is_restored_at_its_end(verb: str) -> None:
    """qa48/40: "…第21号相关措施暂停至2027年6月30日，期满后自动恢复实施" read the suspension, the restore no notice (main too for
    "暂停实施至"): from 07-01 "lapsed: presumed back in force, needs review" where the answer says the measures are back."""
    answer = f"中方决定，自2026年12月10日起，商务部公告2025年第21号相关措施{verb}2027年6月30日，期满后自动恢复实施。"
    assert _steps(answer) == [("suspend", ["MOFCOM-2025-21"], "2026-12-10", "2027-06-30"),
                              ("restore", ["MOFCOM-2025-21"], "2027-07-01", None)]


def test_measures_suspended_to_a_day_after_a_step_are_that_steps_clause() -> None:
    """"…第21号相关措施1年，其中第22号相关措施暂停至…" (actions.apart): no verb of its own, No. 22's end (clauses44)."""
    answer = ("中方决定，自2026年12月10日起，暂停实施商务部公告2025年第21号、第22号相关措施1年，"
              "其中第22号公告相关措施暂停至2027年6月30日。")
    assert _steps(answer) == [("suspend", ["MOFCOM-2025-21"], "2026-12-10", "2027-12-10"),
                              ("suspend", ["MOFCOM-2025-22"], "2026-12-10", "2027-06-30")]


def test_measures_of_two_notices_suspended_to_a_day() -> None:
    answer = "中方决定，商务部公告2025年第21号和不可靠实体清单工作机制公告〔2025〕7号相关措施暂停至2027年11月10日。"
    assert _steps(answer) == [("suspend", ["MOFCOM-2025-21", "UEL-2025-7"], "2026-12-08", "2027-11-10")]


@pytest.mark.parametrize("text", [
    # a state told before the decision: no step of its own (as "暂停实施至" told so)
    "2025年11月5日，中方宣布商务部公告2025年第21号相关措施暂停至2026年11月10日。中方决定，自2026年12月10日起，停止实施商务部公告2025年第21号相关措施。",
    "商务部公告2025年第21号相关措施暂停至2026年11月10日。中方决定，自2026年12月10日起，恢复实施商务部公告2025年第21号相关措施。",
])
def test_measures_told_suspended_to_a_day_before_a_decision_are_history(text: str) -> None:
    steps = _steps(text)
    assert len(steps) == 1 and steps[0][0] in ("lift", "restore") and steps[0][2] == "2026-12-10"


def test_suspended_until_now_is_no_step() -> None:
    """"…相关措施暂停至今" (a state up to now) names no end day: no verb."""
    doc = parse_document(PRESS.format(a="根据中美双方共识，商务部公告2025年第21号相关措施暂停至今。").encode())
    assert doc.notice is None or not doc.notice.actions


# --- the lead's decision: "…照此办理" after one step with one term ---------------------------------------------------------------

@pytest.mark.parametrize(("told", "until"), [("相关措施1年", "2027-12-10"), ("相关措施至2027年6月30日", "2027-06-30")])
@pytest.mark.parametrize("likewise", ["照此办理", "照此执行", "也照此办理"])
def test_a_notice_told_likewise_after_one_step_with_one_term_takes_that_step(told: str, until: str, likewise: str) -> None:
    """qa47/44: both read with no end (session 46, silently), held in session 47; the same step and term since session 48."""
    answer = (f"中方决定，自2026年12月10日起，继续暂停实施商务部公告2025年第21号{told}，"
              f"不可靠实体清单工作机制公告〔2025〕7号相关措施{likewise}。")
    assert _steps_of(PRESS.format(a=answer)) == [("extend", ["MOFCOM-2025-21"], "2026-12-10", until),
                                                 ("extend", ["UEL-2025-7"], "2026-12-10", until)]


@pytest.mark.parametrize("answer", [
    # no term before it (a lift; a suspension with no end): held
    "中方决定，自2026年12月10日起，停止实施商务部公告2025年第21号相关措施，不可靠实体清单工作机制公告〔2025〕7号相关措施照此办理。",
    "中方决定，自2026年12月10日起，暂停实施商务部公告2025年第21号相关措施，不可靠实体清单工作机制公告〔2025〕7号相关措施照此办理。",
    # two steps before it: which one? held
    "中方决定，自2026年12月10日起，停止实施商务部公告2025年第22号相关措施，继续暂停实施商务部公告2025年第21号相关措施1年，"
    "不可靠实体清单工作机制公告〔2025〕7号相关措施照此办理。",
    # a step before it whose notice no reference reads is a step too: held
    "中方决定，自2026年12月10日起，停止实施商务部公告025年第22号相关措施，继续暂停实施商务部公告2025年第21号相关措施1年，"
    "不可靠实体清单工作机制公告〔2025〕7号相关措施照此办理。",
    # in the next sentence: held (as "亦同" there)
    "中方决定，自2026年12月10日起，继续暂停实施商务部公告2025年第21号相关措施1年。不可靠实体清单工作机制公告〔2025〕7号相关措施照此办理。",
])
def test_a_notice_told_likewise_otherwise_stays_held(answer: str) -> None:
    _held(PRESS.format(a=answer))


@pytest.mark.parametrize("step", [
    "自2026年12月15日起，再次实施不可靠实体清单工作机制公告〔2025〕7号相关措施",
    "自2026年12月15日起，再次实施商务部公告2025年第21号相关措施",
])
def test_again_in_force_stays_held(step: str) -> None:
    """The lead's decision: "再次实施" stays held (qa47/48); "重新实施" is read as a restore since session 58 (the brief of
    held58, blind55/30 and 41: tests/scraper/test_parse_held58.py)."""
    assert "decides on a notice it names" in _held(PRESS.format(a=f"中方决定，{step}。"))
