"""A restore at the end of an extension by a duration with no start or end written (session 48, words47's open B):
"将商务部公告2025年第21号相关措施的暂停期限延长1年，期满后自动恢复实施" was held in a notice ("…but no day its measures are back"),
and in an answer read as the extension alone (its restore lost, silently: the end read as a lapse "presumed back in force,
needs review"). Now the restore carries the extension's period (``ActionRecord.extends_by``, ``clauses._extended_by``):
the engine dates it at the lapse of that extension as it counts it (tests/mofcom_watch/test_step48_restore_after_extension.py).
With a start written ("自2026年11月10日起，…") the parser dates it itself, as before (test_parse_quiet46)."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from tests.scraper.test_parse_clauses44 import HEAD, N21, N22, RELEASE, TAIL, _steps

DAY = {False: "2026-12-04", True: "2026-12-03"}  # the answer's day, the notice's


@pytest.mark.parametrize("notice", [False, True])
@pytest.mark.parametrize(("text", "period"), [
    ("商务部决定，将商务部公告2025年第21号相关措施的暂停期限延长1年，期满后自动恢复实施。", "P1Y"),
    ("商务部决定，商务部公告2025年第21号相关措施的暂停期限延长1年，期满后自动恢复实施。", "P1Y"),
    ("商务部决定，继续暂停实施商务部公告2025年第21号相关措施，暂停期限延长1年，期满后自动恢复实施。", "P1Y"),
    ("商务部决定，将商务部公告2025年第21号相关措施的暂停期限延长6个月，期满后自动恢复实施。", "P6M"),
])
def test_a_restore_after_an_undated_extension_carries_its_period(notice: bool, text: str, period: str) -> None:
    day = DAY[notice]
    assert _steps(text, notice) == [("extend", N21, day, None, period), ("restore", N21, day, None, period)]


@pytest.mark.parametrize("notice", [False, True])
def test_one_period_for_two_notices(notice: bool) -> None:
    text = "商务部决定，将商务部公告2025年第21号和第22号相关措施的暂停期限延长1年，期满后自动恢复实施。"
    page = HEAD + text + TAIL if notice else RELEASE.format(a=text)
    record = parse_document(page.encode("utf-8")).notice
    assert record is not None
    assert [(a.action.value, [t.key for t in a.targets], a.until, a.extends_by) for a in record.actions] == [
        ("extend", [N21, N22], None, "P1Y"), ("restore", [N21, N22], None, "P1Y")]


@pytest.mark.parametrize("notice", [False, True])
def test_periods_apart_each_restore_follows_its_own_notice_s(notice: bool) -> None:
    # "分别延长6个月和1年": each notice back at the lapse of its own extension (fix54; was held in a notice, and in an answer
    # the restore dropped with no word; tests/scraper/test_parse_fix54.py, tests/mofcom_watch/test_fix54_restores_apart.py)
    text = "商务部决定，将商务部公告2025年第21号和第22号相关措施的暂停期限分别延长6个月和1年，期满后自动恢复实施。"
    page = HEAD + text + TAIL if notice else RELEASE.format(a=text)
    record = parse_document(page.encode("utf-8")).notice
    assert record is not None
    assert [(a.action.value, [t.key for t in a.targets], a.until, a.extends_by) for a in record.actions] == [
        ("extend", [N21], None, "P6M"), ("extend", [N22], None, "P1Y"),
        ("restore", [N21], None, "P6M"), ("restore", [N22], None, "P1Y")]


def test_a_restore_of_its_own_day_is_not_the_extension_s() -> None:
    # a restore with its own day after an undated extension keeps that day, no period
    assert _steps("商务部决定，将商务部公告2025年第21号相关措施的暂停期限延长1年。自2027年1月1日起，恢复实施商务部公告2025年第22号"
                  "相关措施。", True) == [("extend", N21, "2026-12-03", None, "P1Y"), ("restore", N22, "2027-01-01", None, None)]
