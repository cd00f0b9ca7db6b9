"""End dates of periods: one arithmetic for the parser (a duration written in a notice) and the engine
(an extension by a duration counted from the running suspension's end). Pure.

A period is a count and a unit: days (天, 日), weeks (周), months (个月), years (年), and days more after
them ("1年零15天": 1 year, then 15 days; years and months are counted as months, "1年零3个月" = 15 months). As an
ISO 8601 duration it is "P90D", "P2W", "P3M", "P1Y", "P1Y15D": the form an ``ActionRecord.extends_by`` is stored in.
Months and years end on the same day of the month (2025-11-10 + 1 year = 2026-11-10: the period's last day, as the
notices count it); a day the month lacks ends on its last day (2028-02-29 + 1 year = 2029-02-28; Civil Code art. 202).

Every end is the period's last day, included, however it is written: counted from a day ("自2025年11月10日起…1年", "90天":
2026-11-10) or written as a day ("至2026年11月10日"); the period ends the day after (:func:`lapse_day`). The lead's
decision (session 42, lapse43): the ministry wrote the same one-year suspension both ways (the answer of 2025-11-05 "1年"
from 11-10; No. 70 "自2025年11月10日起…暂停期限至2026年11月10日"), and Civil Code art. 201-203 count a period from the day
after its start with its last day included, which makes the real texts agree (90 days from 05-14 run through 08-12, the
next period written "自8月12日起"). Before it, a counted end lapsed on that day itself: one act, two lapse days.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

LAST_DAY_RE = re.compile(r"[至到][^，。；]*?年[^，。；]*?月[^，。；]*?日")
"""A duration written as the period's last day, "至2027年12月31日", not counted ("90天", "1年"): the end the notice writes
stays where its start moves (``lifecycle.corrections``), and an extension to it from its own day lengthens the running
suspension (``lifecycle.simulate._lengthens``). Both forms' ends are included alike (:func:`lapse_day`)."""
UNIT_CODES = {"天": "D", "日": "D", "周": "W", "个月": "M", "年": "Y"}
ISO_PERIOD_RE = re.compile(r"P(?P<n>\d{1,4})(?P<unit>[DWMY])(?:(?P<days>\d{1,4})D)?")


def add_years(start: date, years: int) -> date:
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February
        return start.replace(year=start.year + years, day=28)


def add_months(start: date, months: int) -> date:
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    for day in (start.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise ValueError(start)


def period_end(start: date, n: int, unit: str, days: int = 0) -> date:
    """The day ``n`` of ``unit`` (天, 日, 周, 个月, 年, or its ISO letter D, W, M, Y), then ``days`` more, after
    ``start``."""
    if unit in ("天", "日", "D"):
        end = start + timedelta(days=n)
    elif unit in ("周", "W"):
        end = start + timedelta(weeks=n)
    elif unit in ("个月", "M"):
        end = add_months(start, n)
    else:
        end = add_years(start, n)
    return end + timedelta(days=days) if days else end


def last_day_written(duration: str | None) -> bool:
    """Whether a duration as written names the period's last day ("至2027年12月31日", "到2027年3月1日") rather than
    counting it ("1年"): its form only; both include their end (:func:`lapse_day`)."""
    return bool(duration) and LAST_DAY_RE.search(duration or "") is not None


def lapse_day(until: date) -> date:
    """The first day after a period whose end is ``until``: the day after, ``until`` being its last day whether counted
    ("1年" from 2025-11-10: through 2026-11-10, lapsing 11-11) or written ("至2026年11月10日": the same)."""
    return until + timedelta(days=1)


def iso_period(n: int, unit: str, days: int = 0) -> str:
    """"P90D" for (90, "天"), "P1Y" for (1, "年"), "P1Y15D" for (1, "年", 15)."""
    return f"P{n}{UNIT_CODES[unit]}{days}D" if days else f"P{n}{UNIT_CODES[unit]}"


def end_of_iso_period(start: date, period: str) -> date | None:
    """``start`` plus an ISO period ("P1Y", "P1Y15D"); None for a period not in that form."""
    m = ISO_PERIOD_RE.fullmatch(period)
    return period_end(start, int(m.group("n")), m.group("unit"), int(m.group("days") or 0)) if m else None
