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
