"""End dates and effective dates the session-17 audit (dates17) found read wrongly, in-process.

- An extension by a duration with no start or end written ("暂停期限延长1年") is recorded as a period counted from the
  running suspension's end (``extends_by``), not given an end counted from the publication day.
- "自发布之日起30日后施行" takes effect 30 days after publication, not on it.
- A filing line "【发文日期】2025-11-05" run into the body gives its own date, not the body's first Chinese date.
- The title's "关于暂停实施…的公告" beside the body's "继续暂停实施…至…" is one extension, not an open-ended
  suspension besides.
- "半年" and "一年半" are periods (6 and 18 months), not none and one year; "自2026年11月10日零时起" is a start."""

from __future__ import annotations

from datetime import date

import pytest

from scraper.parse import parse_document
from scraper.parse.dates import filing_date
from scraper.parse.textnorm import fold
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
    ("中方决定，将4月4日公告（商务部公告2025年第21号）相关措施的暂停期限延长半年。", "P6M", "半年"),
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
    ("中方决定自2026年11月10日起，继续暂停4月4日公告（商务部公告2025年第21号）相关措施半年。", date(2027, 5, 10)),
    ("中方决定自2026年11月10日起，继续暂停4月4日公告（商务部公告2025年第21号）相关措施一年半。", date(2028, 5, 10)),
    ("中方决定自2026年11月10日零时起，继续暂停4月4日公告（商务部公告2025年第21号）相关措施1年。", date(2027, 11, 10)),
])
def test_an_extension_with_a_start_or_an_end_written_keeps_its_end(answer: str, until: date) -> None:
    action = only_action(answer)
    assert (action.until, action.extends_by) == (until, None)


def test_a_start_at_an_hour_in_chinese_numerals_is_read() -> None:
    action = only_action("中方决定自2026年11月10日零时起，继续暂停4月4日公告（商务部公告2025年第21号）相关措施1年。")
    assert action.effective == "2026-11-10T00:00+08:00"


def test_periods_end_as_the_notices_count_them() -> None:
    assert end_of_iso_period(date(2026, 11, 10), "P1Y") == date(2027, 11, 10)
    assert end_of_iso_period(date(2026, 11, 10), "P90D") == date(2027, 2, 8)
    assert end_of_iso_period(date(2026, 11, 30), "P3M") == date(2027, 2, 28)
    assert end_of_iso_period(date(2028, 2, 29), "P1Y") == date(2029, 2, 28)
    assert end_of_iso_period(date(2026, 11, 10), "1年") is None
    assert period_end(date(2026, 11, 10), 2, "W") == period_end(date(2026, 11, 10), 2, "周") == date(2026, 11, 24)


NOTICE = """商务部公告2026年第44号 公布将1家美国实体列入出口管制管控名单
【发布单位】安全与管制局
【发布文号】商务部公告2026年第44号
【发文日期】2026年10月09日

根据《中华人民共和国出口管制法》等法律法规有关规定，决定将戊己科技公司（美国）列入出口管制管控名单，禁止向其出口两用物项。
{closing}

附件：出口管制管控名单
1. 戊己科技公司（Wuji Technologies, Inc.）

商务部
2026年10月9日
"""


@pytest.mark.parametrize(("closing", "effective"), [
    ("本公告自发布之日起30日后施行。", "2026-11-08"),
    ("本公告自公布之日起三个月后正式实施。", "2027-01-09"),
    ("本公告自公布之日起正式实施。", "2026-10-09"),
])
def test_a_delay_after_publication_moves_the_effective_date(closing: str, effective: str) -> None:
    rec = parse_document(NOTICE.format(closing=closing).encode()).notice
    assert (rec.published, rec.effective, [a.effective for a in rec.actions]) == (date(2026, 10, 9), effective, [effective])


def test_an_iso_filing_date_run_into_the_body_is_the_filing_date() -> None:
    assert filing_date(fold("【发文日期】2025-11-05　根据2025年4月4日公告（商务部公告2025年第21号）")) == date(2025, 11, 5)
    assert filing_date(fold("【发文日期】2025年11月05日 更新于2025-11-06")) == date(2025, 11, 5)
    assert filing_date(fold("【发文日期】2025-11-05")) == date(2025, 11, 5)


def test_a_title_suspension_beside_the_body_continuing_it_is_one_extension() -> None:
    text = """商务部公告2026年第60号 关于暂停实施商务部公告2024年第46号第二款的公告
【发布文号】商务部公告2026年第60号
【发文日期】2026年11月26日

根据有关规定，现将有关事项公告如下：
自即日起至2027年11月27日，继续暂停实施商务部公告2024年第46号第二款。
本公告自公布之日起正式实施。

商务部
2026年11月26日
"""
    rec = parse_document(text.encode()).notice
    assert [(a.action, [t.key for t in a.targets], a.effective, a.until) for a in rec.actions] == [
        (ActionKind.EXTEND, ["MOFCOM-2024-46"], "2026-11-26", date(2027, 11, 27))]
