"""End dates of periods: one arithmetic for the parser (a duration written in a notice) and the engine
(an extension by a duration counted from the running suspension's end). Pure.

A period is a count and a unit: days (天, 日), weeks (周), months (个月), years (年), and days more after
them ("1年零15天": 1 year, then 15 days; years and months are counted as months, "1年零3个月" = 15 months). As an
ISO 8601 duration it is "P90D", "P2W", "P3M", "P1Y", "P1Y15D": the form an ``ActionRecord.extends_by`` is stored in.
Months and years end on the same day of the month (2025-11-10 + 1 year = 2026-11-10: the day the
suspension period ends, as the notices count it); a day the month lacks ends on its last day (2028-02-29 +
1 year = 2029-02-28; Civil Code art. 202). A period written as its last day ("至2027年12月31日") includes that day: it
ends the day after (:func:`last_day_written`, :func:`lapse_day`).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

LAST_DAY_RE = re.compile(r"[至到][^，。；]*?年[^，。；]*?月[^，。；]*?日")
"""A duration written as the period's last day, "至2027年12月31日": the day is included (the lead's decision on story36's
C1: suspended through 12-31, presumed back in force from 2028-01-01). A period counted from a day ("90天", "1年" from
2025-11-10) ends on the day it reaches (2026-11-10), which is not included: design.md's worked example."""
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
    """Whether a duration as written names the period's last day ("至2027年12月31日", "到2027年3月1日"): the day is
    included, and the period ends the day after (:func:`lapse_day`)."""
    return bool(duration) and LAST_DAY_RE.search(duration or "") is not None


def lapse_day(until: date, included: bool) -> date:
    """The first day after a period whose end is ``until``: the next day when ``until`` is included (its last day)."""
    return until + timedelta(days=1) if included else until


def iso_period(n: int, unit: str, days: int = 0) -> str:
    """"P90D" for (90, "天"), "P1Y" for (1, "年"), "P1Y15D" for (1, "年", 15)."""
    return f"P{n}{UNIT_CODES[unit]}{days}D" if days else f"P{n}{UNIT_CODES[unit]}"


def end_of_iso_period(start: date, period: str) -> date | None:
    """``start`` plus an ISO period ("P1Y", "P1Y15D"); None for a period not in that form."""
    m = ISO_PERIOD_RE.fullmatch(period)
    return period_end(start, int(m.group("n")), m.group("unit"), int(m.group("days") or 0)) if m else None
