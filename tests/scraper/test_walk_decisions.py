"""The update walk's decisions, pure (scraper/discovery.py): when the daily deep walk is due, and where a walk ends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from scraper.discovery import DEEP_WALK_PAGES, _Frontier, deep_walk_due, pushed_off, walk_ends
from scraper.sources import Mode

NOW = datetime(2026, 12, 4, 0, 30, tzinfo=UTC)
ROWS = ["https://www.mofcom.gov.cn/a1.html", "https://www.mofcom.gov.cn/a2.html"]


@pytest.mark.parametrize(("last", "due"), [
    (None, True),  # none stored (a store from before revision 0014): the first cycle walks deep
    (NOW - timedelta(minutes=20), False),  # earlier the same UTC day
    (datetime(2026, 12, 3, 23, 59, tzinfo=UTC), True),  # 31 minutes ago, but yesterday: the day's first cycle
    (datetime(2026, 12, 4, 7, 0, tzinfo=timezone(timedelta(hours=8))), True),  # 23:00 UTC the day before
    (NOW - timedelta(days=3), True),  # a machine off for days
    (NOW + timedelta(minutes=5), False),  # a clock set back a little: not every cycle
])
def test_the_deep_walk_is_the_first_cycle_of_each_utc_day(last, due):
    assert deep_walk_due(last, NOW) is due


def test_a_daily_cron_at_a_fixed_hour_walks_deep_every_day():
    """A run at 06:00 each day whose last deep walk started a few seconds after 06:00 the day before (under 24 h)."""
    assert deep_walk_due(datetime(2026, 12, 3, 6, 0, 5, tzinfo=UTC), datetime(2026, 12, 4, 6, 0, 1, tzinfo=UTC))


@pytest.mark.parametrize(("mode", "n", "reached", "behind", "ends"), [
    (Mode.UPDATE, 1, True, False, True),  # page 1 answered 304, or its last row is stored
    (Mode.UPDATE, 1, False, False, False),  # new rows to its end: read on
    (Mode.DEEP, 1, True, False, False),  # pages29's st1b: page 1 unchanged, a notice dated back on page 3
    (Mode.DEEP, DEEP_WALK_PAGES - 1, True, False, False),
    (Mode.DEEP, DEEP_WALK_PAGES, True, False, True),
    (Mode.DEEP, DEEP_WALK_PAGES + 1, False, False, False),  # past its pages, read on as an update does
    (Mode.UPDATE, 3, True, True, False),  # behind the last row of a walk that stopped short: read on
    (Mode.BACKFILL, 1, True, False, False),
])
def test_where_a_walk_ends(mode, n, reached, behind, ends):
    assert walk_ends(mode, n, reached=reached, deep_pages=DEEP_WALK_PAGES, behind=behind) is ends


def test_a_walk_is_past_an_earlier_walks_last_row_from_the_page_after_it():
    """The rows an earlier walk read are stored by now: the page whose last row is that row is no end."""
    detail = "discovery may be incomplete: … (the last row read: https://www.mofcom.gov.cn/a2.html); later runs …"
    frontier = _Frontier()
    frontier.read(detail)
    assert frontier.behind(1)
    frontier.listed(1, ROWS)  # its last row
    assert frontier.behind(1) and not frontier.behind(2)
    frontier = _Frontier()
    frontier.read(detail)
    frontier.listed(4, [ROWS[1], "https://www.mofcom.gov.cn/a3.html"])  # rows past it on the same page
    assert not frontier.behind(4)
    none = _Frontier()
    none.read(None)
    none.listed(1, ROWS)
    assert not none.behind(1) and none.past is None


INDEX = "https://www.mofcom.gov.cn/xwfb/xwfyrth/index.html"
OLD = ["https://www.mofcom.gov.cn/q3.html", "https://www.mofcom.gov.cn/q2.html", "https://www.mofcom.gov.cn/q1.html"]
NEW = ["https://www.mofcom.gov.cn/q9.html", "https://www.mofcom.gov.cn/q8.html"]


@pytest.mark.parametrize(("before", "after", "gap"), [
    (OLD, NEW, True),  # every row read before pushed off the one page (cycles58 P): rows between may be unread
    (OLD, [*NEW, OLD[0]], False),  # the newest row read before still listed: every row newer than it is listed too
    (OLD, [*NEW, OLD[2]], False),  # an older one still listed (the newer ones withdrawn: the shrunk check's case)
    (OLD, [*NEW, OLD[0] + "?source=list"], False),  # the same notice, its link with a query
    ([], NEW, False),  # no last copy's links: nothing to miss
    (OLD[:2], NEW, False),  # a last copy of two rows says too little: withdrawn while new ones came in reads the same
    (OLD, [], False),  # no link at all: the crawler's zero-links problem
])
def test_an_index_lists_none_of_its_last_copys_links_only_when_rows_were_pushed_off(before, after, gap):
    detail = pushed_off(INDEX, before, after)
    assert (detail is not None) is gap
    if gap:
        assert detail is not None and OLD[0] in detail and "and 2 more" in detail and NEW[-1] in detail
