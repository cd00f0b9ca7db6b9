"""review47 (session 43): faults found reading session 43's landed code line by line, each with the input that showed it."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage
from tests.scraper.test_parse_qa43 import _release_page
from tests.scraper.test_parse_restore_after_last_day import _notice

# --- two terms for two notices after the measures, no 分别 right before the verb ------------------------------------------
# "暂停实施…第21号和第22号相关措施，期限分别为6个月和1年" was one suspension of both for 6 months (No. 22's lapse six months
# early, a false 'Restored' day, silently); with "分别自D1和D2起" (qa43's split, clauses._each_own) each notice took the first
# term from its own start. Which term is whose is not read: held for a person (rules.checks.unread_ends_apart).

TWO = "商务部公告2025年第21号和第22号相关措施"
ML = "出口管制管控名单"


# With 分别 and as many terms as notices, a step each since session 44 (clauses44: tests/scraper/test_parse_clauses44.py).
@pytest.mark.parametrize("body", [
    f"商务部决定，自2026年12月10日起，继续暂停实施{TWO}，期限为1年和90天。",
])
def test_one_step_giving_two_notices_two_terms_is_held(body: str) -> None:
    with pytest.raises(UnusablePage, match="two terms"):
        _notice(body)


@pytest.mark.parametrize("answer", [
    f"中方决定，分别自2026年12月10日和2027年1月1日起，暂停实施{TWO}，期限为1年和6个月。",
])
def test_an_answer_giving_two_notices_two_terms_is_held(answer: str) -> None:
    with pytest.raises(UnusablePage, match="needs-review"):
        parse_document(_release_page(answer, ML).encode("utf-8"))


@pytest.mark.parametrize(("answer", "steps"), [
    # one term for both, each its own start (qa43's reading): kept
    (f"中方决定，分别自2026年12月10日和2027年1月1日起，暂停实施{TWO}，期限均为1年。",
     [("suspend", ["MOFCOM-2025-21"], "2026-12-10", "2027-12-10"), ("suspend", ["MOFCOM-2025-22"], "2027-01-01", "2028-01-01")]),
    # each term right after the measures with 分别 before the verb (clauses.each_own_term): kept
    (f"中方决定，自2026年12月10日起，分别暂停实施{TWO}6个月和1年。",
     [("suspend", ["MOFCOM-2025-21"], "2026-12-10", "2027-06-10"), ("suspend", ["MOFCOM-2025-22"], "2026-12-10", "2027-12-10")]),
    # two days, one term: no two terms ("10日和2027年" is no term)
    (f"中方决定，自2026年12月10日起，暂停实施{TWO}1年。",
     [("suspend", ["MOFCOM-2025-21", "MOFCOM-2025-22"], "2026-12-10", "2027-12-10")]),
])
def test_one_term_or_each_its_own_still_reads(answer: str, steps: list[tuple[str, list[str], str, str]]) -> None:
    notice = parse_document(_release_page(answer, ML).encode("utf-8")).notice
    assert notice is not None
    assert [(a.action.value, [t.key for t in a.targets], a.effective, a.until and a.until.isoformat())
            for a in notice.actions] == steps


# --- two days for two notices the split (qa43's "分别自D1和D2起") does not take ---------------------------------------------
# "分别自即日和2027年1月1日起，停止实施…第21号和第22号相关措施" lifted both from 2027-01-01 (No. 21's lift four weeks late), and
# "分别于2026年12月10日和2027年1月1日停止实施…" (no 起) both from the answer's own day, 12-04 (No. 21 six days early, No. 22 four
# weeks early), silently: held for a person (rules.checks.unread_start, TWO_DAYS_RE).


# With 分别 and as many days as notices, a step each since session 44 (clauses44); without 分别, or a third notice, held.
@pytest.mark.parametrize("answer", [
    f"中方决定，自即日和2027年1月1日起，停止实施{TWO}。",
    f"中方决定，于2026年12月10日和2027年1月1日停止实施{TWO}。",
    "中方决定，分别于2026年12月10日和2027年1月1日停止实施商务部公告2025年第21号、第22号和第23号相关措施。",
])
def test_two_days_not_split_are_held(answer: str) -> None:
    with pytest.raises(UnusablePage, match="tells two days"):
        parse_document(_release_page(answer, ML).encode("utf-8"))


@pytest.mark.parametrize(("answer", "steps"), [
    (f"中方决定，分别自2026年12月10日和2027年1月1日起，停止实施{TWO}。",
     [("lift", ["MOFCOM-2025-21"], "2026-12-10", None), ("lift", ["MOFCOM-2025-22"], "2027-01-01", None)]),
    (f"中方决定，{TWO}分别自2026年12月10日和2027年1月1日起停止实施。",
     [("lift", ["MOFCOM-2025-21"], "2026-12-10", None), ("lift", ["MOFCOM-2025-22"], "2027-01-01", None)]),
    (f"中方决定，自2026年12月10日起，停止实施{TWO}。",
     [("lift", ["MOFCOM-2025-21", "MOFCOM-2025-22"], "2026-12-10", None)]),
])
def test_two_days_split_or_one_day_still_read(answer: str, steps: list[tuple[str, list[str], str, str | None]]) -> None:
    notice = parse_document(_release_page(answer, ML).encode("utf-8")).notice
    assert notice is not None
    assert [(a.action.value, [t.key for t in a.targets], a.effective, a.until and a.until.isoformat())
            for a in notice.actions] == steps


# --- a denied verb after the step's object: its subject is no object of the verb before it ------------------------------
# "暂停实施…第21号相关措施1年，…第22号相关措施不予暂停" was one suspension of both with no end (No. 22 a false 'Suspended', No.
# 21's year lost), silently: the denied verb's clause started at its 不, not at its comma (clauses._clause_start).


@pytest.mark.parametrize("second", ["商务部公告2025年第22号相关措施不暂停", "对商务部公告2025年第22号相关措施不予暂停",
                                    "商务部公告2025年第22号相关措施不予暂停实施"])
def test_a_notice_denied_after_the_step_is_not_its_object(second: str) -> None:
    answer = f"中方决定，自2026年12月10日起，暂停实施商务部公告2025年第21号相关措施1年，{second}。"
    notice = parse_document(_release_page(answer, ML).encode("utf-8")).notice
    assert notice is not None
    assert [(a.action.value, [t.key for t in a.targets], a.effective, a.until and a.until.isoformat())
            for a in notice.actions] == [("suspend", ["MOFCOM-2025-21"], "2026-12-10", "2027-12-10")]


# --- "…暂停期限为6个月；其中第22号相关措施暂停期限为1年": the other term after a ";" -------------------------------------------
# one suspension of both for 6 months (No. 22's lapse six months early), silently: unread_ends_apart stopped at the ";".


def test_a_term_for_one_notice_after_qizhong_is_held() -> None:
    """Read since session 44 where 其中 names a notice of the step (clauses44); a notice it does not take is held."""
    answer = ("中方决定，自2026年12月10日起，暂停实施商务部公告2025年第21号、第22号相关措施，暂停期限为6个月；"
              "其中第23号相关措施暂停期限为1年。")
    with pytest.raises(UnusablePage, match="two terms"):
        parse_document(_release_page(answer, ML).encode("utf-8"))


def test_the_same_term_after_qizhong_is_no_second_term() -> None:
    answer = ("中方决定，自2026年12月10日起，暂停实施商务部公告2025年第21号、第22号相关措施，暂停期限为1年；"
              "其中第22号相关措施暂停期限同为1年。")
    notice = parse_document(_release_page(answer, ML).encode("utf-8")).notice
    assert notice is not None and [a.until and a.until.isoformat() for a in notice.actions] == ["2027-12-10", "2027-12-10"]


# --- "暂停实施…第21号相关措施6个月，第22号相关措施1年": the second step elided, No. 22's suspension missed silently ---------------


# A clause per notice is a step each since session 44 (clauses44); a notice of the step named again, or a bare number after
# notices of two years, is held.
@pytest.mark.parametrize("second", ["第21号相关措施1年", "第21号相关措施亦同"])
def test_an_elided_second_step_is_held(second: str) -> None:
    answer = f"中方决定，自2026年12月10日起，暂停实施商务部公告2025年第21号相关措施6个月，{second}。"
    with pytest.raises(UnusablePage, match="no step"):
        parse_document(_release_page(answer, ML).encode("utf-8"))


@pytest.mark.parametrize("second", ["暂停实施商务部公告2025年第22号相关措施1年", "第22号相关措施继续实施"])
def test_a_second_step_or_no_term_still_reads(second: str) -> None:
    answer = f"中方决定，自2026年12月10日起，暂停实施商务部公告2025年第21号相关措施6个月，{second}。"
    notice = parse_document(_release_page(answer, ML).encode("utf-8")).notice
    assert notice is not None and notice.actions[0].until is not None
    assert notice.actions[0].until.isoformat() == "2027-06-10"
