"""Session 47's blind round on spokesperson answers (qa47, tests/data/corpus/qa47/).

Found blind (A, each silent before):
- A range of notice numbers written with a dash, "商务部 海关总署公告2025年第55号—第58号", "〔2025〕4号—7号" (qa47/36, 37): the
  first number alone read, the others (56-58; 5-7) missed, silently (a replay: No. 55 suspended to 2027-11-10, Nos. 56-58
  left "lapsed"). "至" was the only range word. Read as 至 is now.
- A period written whole with no 自…起, "在2026年12月10日至2027年12月9日期间，暂停实施…" and "2026年12月10日至2027年6月9日，暂停实施…"
  (qa47/38, 39): read from the answer's own day (12-08), suspended two days early, silently.
- A term told before the verb as the span it lasts, "自2026年12月10日起的一年内，暂停实施…" (qa47/40): read with no end, suspended
  for good (a replay: still "suspended" in 2028, never lapsed), silently."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

E21 = "4月4日公告（商务部公告2025年第21号）"
RELEASE = ("商务部新闻发言人就调整{lst}措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-08 17:00\n\n"
           "问：请问中方对有关措施有何新的安排？\n答：{a}\n")


def _notice(answer: str, lst: str = "出口管制管控名单"):  # type: ignore[no-untyped-def]
    notice = parse_document(RELEASE.format(lst=lst, a=answer).encode("utf-8")).notice
    assert notice is not None
    return notice


def _steps(answer: str, lst: str = "出口管制管控名单") -> list[tuple[str, list[str | None], str | None, str | None]]:
    return [(a.action.value, [t.key for t in a.targets], a.effective, a.until and a.until.isoformat())
            for a in _notice(answer, lst).actions]


ITEMS = ["MOFCOM-2025-55", "MOFCOM-2025-56", "MOFCOM-2025-57", "MOFCOM-2025-58"]


# --- a range written with a dash (qa47/36, 37) ---------------------------------------------------------------------------------

@pytest.mark.parametrize("numbers", [
    "第55号—第58号", "第55号——第58号", "第55号-第58号", "第55号－第58号", "第55号~第58号", "第55号～第58号", "第55号–第58号",
    "第55号—58号",
    "第55号至第58号",  # (read before)
])
def test_a_range_of_numbers_with_a_dash_names_every_notice_in_it(numbers: str) -> None:
    answer = f"中方决定，自2026年12月10日起，继续暂停实施商务部 海关总署公告2025年{numbers}相关措施，暂停期限至2027年11月10日。"
    assert _steps(answer) == [("extend", ITEMS, "2026-12-10", "2027-11-10")]


def test_a_uel_range_with_a_dash_names_every_notice_in_it() -> None:
    answer = "中方决定，自2027年1月1日起，停止实施不可靠实体清单工作机制公告〔2025〕4号—7号相关措施。"
    assert _steps(answer, "不可靠实体清单") == [
        ("lift", ["UEL-2025-4", "UEL-2025-5", "UEL-2025-6", "UEL-2025-7"], "2027-01-01", None)]


def test_two_numbers_joined_otherwise_stay_two() -> None:
    answer = "中方决定，自2026年12月10日起，继续暂停实施商务部 海关总署公告2025年第55号、第58号相关措施，暂停期限至2027年11月10日。"
    assert _steps(answer) == [("extend", ["MOFCOM-2025-55", "MOFCOM-2025-58"], "2026-12-10", "2027-11-10")]


# --- a period written whole with no 自…起 (qa47/38, 39) --------------------------------------------------------------------------

@pytest.mark.parametrize(("when", "until"), [
    ("在2026年12月10日至2027年12月9日期间，", "2027-12-09"),
    ("2026年12月10日至2027年6月9日，", "2027-06-09"),
    ("2026年12月10日至2027年6月9日期间，", "2027-06-09"),
    ("从2026年12月10日至2027年6月9日，", "2027-06-09"),
    ("自2026年12月10日至2027年6月9日，", "2027-06-09"),  # (read before)
])
def test_a_period_written_whole_starts_on_its_first_day(when: str, until: str) -> None:
    notice = _notice(f"中方决定，{when}暂停实施{E21}相关措施。")
    assert [(a.action.value, a.effective, a.until and a.until.isoformat()) for a in notice.actions] == [
        ("suspend", "2026-12-10", until)]
    assert notice.effective == "2026-12-10"


def test_a_period_told_long_before_is_no_start() -> None:
    """The listing days recounted as a period ("2025年4月4日至4月9日，…") are no start of a step: the step's own 自…起 is."""
    notice = _notice(f"2025年4月4日至4月9日，商务部先后将28家美国实体列入出口管制管控名单。中方决定，自2026年12月10日起，暂停实施{E21}相关措施1年。")
    assert [(a.action.value, a.effective, a.until and a.until.isoformat()) for a in notice.actions] == [
        ("suspend", "2026-12-10", "2027-12-10")]


# --- a term before the verb as the span it lasts (qa47/40) -------------------------------------------------------------------

@pytest.mark.parametrize(("when", "until"), [
    ("自2026年12月10日起的一年内，", "2027-12-10"),
    ("自2026年12月10日起一年内，", "2027-12-10"),
    ("自2026年12月10日起6个月内", "2027-06-10"),
    ("自2026年12月10日起九十天内，", "2027-03-10"),
])
def test_a_term_told_as_the_span_from_the_start_ends_the_suspension(when: str, until: str) -> None:
    assert _steps(f"中方决定，{when}暂停实施{E21}相关措施。") == [("suspend", ["MOFCOM-2025-21"], "2026-12-10", until)]


def test_a_span_in_another_sentence_is_not_the_term() -> None:
    answer = f"中方决定，自2026年12月10日起，暂停实施{E21}相关措施。国内企业可在30日内提出申请。"
    assert _steps(answer) == [("suspend", ["MOFCOM-2025-21"], "2026-12-10", None)]


# --- round 2, in a press conference (a neutral title: no title's change to hold a page reading less) -------------------------

PRESS = ("商务部召开例行新闻发布会（2026年12月10日）\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-10 16:30\n\n"
         "商务部新闻发言人何咏前：下面开始提问。\n路透社记者：请问中方对有关美国实体的措施有何新的安排？\n何咏前：{a}\n本次发布会到此结束。\n")


def _press(answer: str):  # type: ignore[no-untyped-def]
    return parse_document(PRESS.format(a=answer).encode("utf-8"))


@pytest.mark.parametrize("term", [
    "将商务部公告2025年第21号相关措施的暂停期限，由2026年11月10日延长至2027年11月10日",
    "将商务部公告2025年第21号相关措施的暂停期限由2026年11月10日延长至2027年11月10日",
    "商务部公告2025年第21号相关措施的暂停期限由原定的2026年11月10日延期至2027年11月10日",
])
def test_a_term_lengthened_from_its_end_day_to_another_is_an_extension(term: str) -> None:
    """qa47/45: '…的暂停期限由2026年11月10日延长至2027年11月10日' read as no notice, the extension missed, silently."""
    notice = _press(f"为落实中美经贸磋商共识，中方决定，{term}。").notice
    assert notice is not None
    assert [(a.action.value, [t.key for t in a.targets], a.until and a.until.isoformat()) for a in notice.actions] == [
        ("extend", ["MOFCOM-2025-21"], "2027-11-10")]


def test_both_lists_named_by_one_day_each_with_its_count() -> None:
    """qa47/41: '…被列入出口管制管控名单的16家美国实体和被列入不可靠实体清单的11家美国实体': the UEL's listing missed, silently."""
    notice = _press("中方决定，自2026年12月15日起，停止实施对2025年4月4日被列入出口管制管控名单的16家美国实体和被列入不可靠实体清单的"
                    "11家美国实体采取的相关措施。").notice
    assert notice is not None
    assert [(a.action.value, [(t.date and t.date.isoformat(), t.list and t.list.value, t.count) for t in a.targets])
            for a in notice.actions] == [("lift", [("2025-04-04", "ecl", 16), ("2025-04-04", "uel", 11)])]


@pytest.mark.parametrize(("answer", "why"), [
    # qa47/44: both read with no end (suspended for good), silently
    # (qa47/44's "…1年，…7号相关措施照此办理": read since session 48, the lead's decision: tests/scraper/test_parse_qa48.py)
    ("中方决定，自2026年12月15日起，继续暂停实施商务部公告2025年第21号相关措施1年，不可靠实体清单工作机制公告〔2025〕7号相关措施同理。",
     "its sentence names a notice's measures no step reads"),
    # qa47/43: 7号 missed, silently
    ("中方决定，自2026年12月15日起，继续暂停实施商务部公告2025年第21号相关措施1年。不可靠实体清单工作机制公告〔2025〕7号相关措施亦同。",
     "the sentence after its step names a notice told the same"),
    ("中方决定，自2026年12月15日起，继续暂停实施商务部公告2025年第21号相关措施1年。不可靠实体清单工作机制公告〔2025〕7号相关措施照此办理。",
     "the sentence after its step names a notice told the same"),
    # qa47/42: the UEL's alone read, No. 21 missed, silently
    ("中方决定，自2026年12月15日起，继续暂停实施商务部和不可靠实体清单工作机制2025年4月4日发布的公告相关措施1年。",
     "names a notice by its day after both issuers"),
])
def test_a_second_notice_told_the_same_or_two_issuers_by_one_day_is_held(answer: str, why: str) -> None:
    with pytest.raises(UnusablePage) as refused:
        _press(answer)
    assert refused.value.reason == "needs-review"
    assert why in str(refused.value)


def test_the_next_sentence_with_a_step_of_its_own_is_no_sentence_told_the_same() -> None:
    """A next sentence with a step of its own is that step's (in a press conference, with no decision word of its own, held
    apart for a person, as before: not this check's)."""
    notice = _press("中方决定，自2026年12月15日起，继续暂停实施商务部公告2025年第21号相关措施1年。不可靠实体清单工作机制公告〔2025〕7号"
                    "相关措施自2026年12月15日起继续暂停实施1年。").notice
    assert notice is not None
    assert {t.key for a in notice.actions for t in a.targets} == {"MOFCOM-2025-21"}
    assert {t.key for a in notice.held for t in a.targets} == {"UEL-2025-7"}


@pytest.mark.parametrize("step", [
    "将商务部公告2025年第21号相关措施的暂停期限由1年延长至2年",
    "对商务部公告2025年第21号相关措施的暂停再延长一年",
    # ("…相关措施暂停至2027年11月10日": read since session 48, the lead's decision: tests/scraper/test_parse_qa48.py)
    "商务部公告2025年第21号相关措施延期至2027年11月10日实施",
    "商务部公告2025年第21号相关措施暂缓至2027年11月10日实施",
    "自2026年12月15日起，商务部公告2025年第21号相关措施予以撤销",
    "自2026年12月15日起，撤销商务部公告2025年第21号",
    "自2026年12月15日起，再次实施不可靠实体清单工作机制公告〔2025〕7号相关措施",  # ("重新实施" is read since held58)
])
def test_a_press_conference_deciding_on_a_notice_in_words_no_rule_reads_is_held(step: str) -> None:
    """qa47's probes: each read as no notice ('no notice found in the text', exit 0), the step lost silently."""
    with pytest.raises(UnusablePage) as refused:
        _press(f"为落实中美经贸磋商共识，中方决定，{step}。")
    assert refused.value.reason == "needs-review"
    assert "decides on a notice it names" in str(refused.value)


@pytest.mark.parametrize("answer", [
    "我们注意到有关报道。关于商务部公告2025年第21号相关措施，目前没有新的信息。",  # no decision
    "中方决定进一步扩大高水平对外开放。商务部公告2025年第21号相关措施的暂停期限已于11月10日届满。",  # 决定 in another sentence
])
def test_a_press_conference_with_no_decision_on_a_notice_stays_no_notice(answer: str) -> None:
    doc = _press(answer)
    assert doc.notice is None or not doc.notice.actions


LISTING = """不可靠实体清单工作机制关于将北风推进公司列入不可靠实体清单的公告
不可靠实体清单工作机制公告〔2027〕3号

根据《不可靠实体清单规定》第二条、第八条和第十条等有关规定，不可靠实体清单工作机制决定将北风推进公司（Northwind Propulsion Inc.）列入不可靠实体清单，并采取以下措施：
一、禁止上述企业从事与中国有关的进出口活动；
二、禁止上述企业在中国境内新增投资；
三、禁止上述企业高级管理人员入境；
四、不批准并取消上述企业高级管理人员在中国境内工作许可、停留或者居留资格，{how}。
本公告自公布之日起实施。

不可靠实体清单工作机制
2027年3月1日
"""


@pytest.mark.parametrize("how", ["参照不可靠实体清单工作机制公告〔2025〕7号执行", "按照不可靠实体清单工作机制公告〔2025〕7号的有关规定办理"])
def test_a_notice_named_as_the_procedure_a_measure_follows_is_not_lifted(how: str) -> None:
    """Found through the parser guard (blind46's composed page): '…取消…居留资格，参照…〔2025〕7号执行' read as a lift of 7号 beside
    the listing, a false 'Lifted' item, silently."""
    notice = parse_document(LISTING.format(how=how).encode("utf-8")).notice
    assert notice is not None
    assert [(a.action.value, [t.key for t in a.targets]) for a in notice.actions] == [("impose", [])]


def test_a_lift_of_measures_taken_under_a_notice_is_still_read() -> None:
    answer = "中方决定，自2026年12月10日起，停止实施按照商务部公告2025年第21号采取的相关措施。"
    assert [(s[0], s[1]) for s in _steps(answer)] == [("lift", ["MOFCOM-2025-21"])]
