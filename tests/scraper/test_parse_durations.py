"""Durations of two parts and "周年" (parse18): "1年零3个月", "为期1年零3个月", "一年又三个月", "1年3个月" end 15 months
on, "1年零15天" a year and 15 days on, "一周年" a year on (it was read as 1 year, 1 year, and a week). An extension by
such a period with no start written keeps it whole for the engine ("P15M", "P1Y15D")."""

from __future__ import annotations

from datetime import date

import pytest

from scraper.parse import parse_document
from scraper.parse.dates import until_from
from storage.periods import end_of_iso_period, iso_period
from storage.records import ActionKind, ActionRecord

QA = """来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-06 18:00

商务部新闻发言人就调整出口管制管控名单措施答记者问
问：请问中方对相关措施有何安排？
答：{answer}
"""
FROM = "中方决定自2026年11月10日起，继续暂停4月4日公告（商务部公告2025年第21号）相关措施{}。"
NO_START = "中方决定，4月4日公告（商务部公告2025年第21号）相关措施的暂停期限延长{}。"


def only_extension(answer: str) -> ActionRecord:
    (action,) = parse_document(QA.format(answer=answer).encode()).notice.actions
    assert action.action is ActionKind.EXTEND and [t.key for t in action.targets] == ["MOFCOM-2025-21"]
    return action


@pytest.mark.parametrize(("written", "until"), [
    ("1年零3个月", date(2028, 2, 10)),
    ("，为期1年零3个月", date(2028, 2, 10)),
    ("一年零三个月", date(2028, 2, 10)),
    ("一年又三个月", date(2028, 2, 10)),
    ("1年3个月", date(2028, 2, 10)),
    ("1年零15天", date(2027, 11, 25)),
    ("3个月零10天", date(2027, 2, 20)),
    ("一周年", date(2027, 11, 10)),
    ("两周年", date(2028, 11, 10)),
    # one part, as before
    ("两年", date(2028, 11, 10)),
    ("18个月", date(2028, 5, 10)),
    ("两周", date(2026, 11, 24)),
    ("1年半", date(2028, 5, 10)),
])
def test_a_period_of_two_parts_ends_after_both(written: str, until: date) -> None:
    action = only_extension(FROM.format(written))
    assert (action.until, action.duration) == (until, written.lstrip("，为期"))


@pytest.mark.parametrize(("written", "period", "end"), [
    ("1年零3个月", "P15M", date(2028, 2, 10)),
    ("一年又三个月", "P15M", date(2028, 2, 10)),
    ("1年零15天", "P1Y15D", date(2027, 11, 25)),
    ("一周年", "P1Y", date(2027, 11, 10)),
])
def test_an_extension_by_two_parts_without_a_start_keeps_both(written: str, period: str, end: date) -> None:
    action = only_extension(NO_START.format(written))
    assert (action.until, action.extends_by) == (None, period)
    assert end_of_iso_period(date(2026, 11, 10), period) == end  # the engine's count from the running end


def test_iso_periods_with_days_more() -> None:
    assert iso_period(1, "年", 15) == "P1Y15D" and iso_period(90, "天") == "P90D"
    assert end_of_iso_period(date(2028, 2, 29), "P1Y15D") == date(2029, 3, 15)
    assert end_of_iso_period(date(2026, 11, 10), "P1Y15") is None
    assert until_from("1年零3个月", date(2025, 11, 30)) == date(2027, 2, 28)


PAGE = ("【发布文号】商务部公告2026年第65号\n【发文日期】2026年11月20日\n\n商务部公告2026年第65号\n\n现将有关事项公告如下：{}\n\n"
        "商务部\n2026年11月20日\n")


@pytest.mark.parametrize("answer", [
    "中方决定，继续暂停4月4日公告（商务部公告2025年第21号）相关措施至2027年11月10日。",
    "中方决定，继续暂停4月4日公告（商务部公告2025年第21号）相关措施至2027年11月10日止。",
    "中方决定，继续暂停4月4日公告（商务部公告2025年第21号）相关措施，暂停期限截至2027年11月10日止。",
    "中方决定，继续暂停4月4日公告（商务部公告2025年第21号）相关措施，截止到2027年11月10日。",
    "中方决定，继续暂停4月4日公告（商务部公告2025年第21号）相关措施到2027年11月10日。",
    "中方决定，将4月4日公告（商务部公告2025年第21号）相关措施的暂停期限延长到2027年11月10日止。",
])
def test_an_end_written_with_zhi_zhi_jiezhi_or_dao_is_the_last_day(answer: str) -> None:
    """"至…止", "截至…", "截止到…", "到…" all give the day written as the suspension's end (its last day, as "至…" does);
    "到" was not read: an extension with no end at all."""
    action = only_extension(answer)
    assert (action.until, action.extends_by) == (date(2027, 11, 10), None)


@pytest.mark.parametrize("body", [
    "自即日起至2027年11月27日止，暂停实施商务部公告2024年第46号第二款。",
    "自即日起到2027年11月27日，暂停实施商务部公告2024年第46号第二款。",
    "商务部公告2024年第46号第二款暂停实施，截止到2027年11月27日。",
])
def test_a_notice_s_end_written_with_zhi_zhi_or_dao(body: str) -> None:
    (action,) = parse_document(PAGE.format(body).encode()).notice.actions
    assert (action.action, [t.key for t in action.targets], action.effective, action.until) == (
        ActionKind.SUSPEND, ["MOFCOM-2024-46"], "2026-11-20", date(2027, 11, 27))
