"""End dates and effective dates the session-17 audit (dates17) found read wrongly, in-process.

- An extension by a duration with no start or end written ("暂停期限延长1年") is recorded as a period counted from the
  running suspension's end (``extends_by``), not given an end counted from the publication day."""

from __future__ import annotations

from datetime import date

import pytest

from scraper.parse import parse_document
from storage.periods import end_of_iso_period, period_end
from storage.records import ActionKind, ActionRecord

QA = """来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-09 18:00

商务部新闻发言人就出口管制管控名单有关问题答记者问
问：请问中方有何安排？
答：{answer}
"""


def only_action(answer: str) -> ActionRecord:
    rec = parse_document(QA.format(answer=answer).encode()).notice
    (action,) = rec.actions
    assert action.action is ActionKind.EXTEND and [t.key for t in action.targets] == ["MOFCOM-2025-21"]
    return action


@pytest.mark.parametrize(("answer", "period", "written"), [
    ("中方决定，延长4月4日公告（商务部公告2025年第21号）相关措施的暂停期限1年。", "P1Y", "1年"),
    ("中方决定，4月4日公告（商务部公告2025年第21号）相关措施暂停期限延期一年。", "P1Y", "一年"),
    ("中方决定，将4月4日公告（商务部公告2025年第21号）相关措施的暂停期限延长九十天。", "P90D", "九十天"),
    ("中方决定，继续暂停4月4日公告（商务部公告2025年第21号）相关措施３个月。", "P3M", "３个月"),
])
def test_an_extension_by_a_duration_without_a_start_runs_from_the_running_end(answer: str, period: str,
                                                                               written: str) -> None:
    action = only_action(answer)
    assert (action.until, action.extends_by, action.duration, action.effective) == (None, period, written, "2026-11-09")


@pytest.mark.parametrize(("answer", "until"), [
    ("中方决定自2026年11月10日起，将4月4日公告（商务部公告2025年第21号）相关措施的暂停期限延长1年。", date(2027, 11, 10)),
    ("中方决定自即日起，继续暂停4月4日公告（商务部公告2025年第21号）相关措施90天。", date(2027, 2, 7)),
    ("中方决定，4月4日公告（商务部公告2025年第21号）相关措施的暂停期限延长至2027年11月10日。", date(2027, 11, 10)),
    ("中方决定自2028年2月29日起，继续暂停4月4日公告（商务部公告2025年第21号）相关措施1年。", date(2029, 2, 28)),
])
def test_an_extension_with_a_start_or_an_end_written_keeps_its_end(answer: str, until: date) -> None:
    action = only_action(answer)
    assert (action.until, action.extends_by) == (until, None)


def test_periods_end_as_the_notices_count_them() -> None:
    assert end_of_iso_period(date(2026, 11, 10), "P1Y") == date(2027, 11, 10)
    assert end_of_iso_period(date(2026, 11, 10), "P90D") == date(2027, 2, 8)
    assert end_of_iso_period(date(2026, 11, 30), "P3M") == date(2027, 2, 28)
    assert end_of_iso_period(date(2028, 2, 29), "P1Y") == date(2029, 2, 28)
    assert end_of_iso_period(date(2026, 11, 10), "1年") is None
    assert period_end(date(2026, 11, 10), 2, "W") == period_end(date(2026, 11, 10), 2, "周") == date(2026, 11, 24)
