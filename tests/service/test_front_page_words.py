"""What the front page's tables say, in pure functions: no store, no server."""

from __future__ import annotations

from datetime import date

from mofcom_watch.server.data import OpenIssue, Part
from mofcom_watch.server.pages import PageContext, _states_section
from storage.records import ListingState, ListKind, StatusRow


def _row(key: str, number: str, count: int) -> StatusRow:
    return StatusRow(key, number, f"{number} 公布将20家日本实体列入出口管制管控名单", ListKind.ECL, ListingState.IN_FORCE,
                     date(2026, 2, 24), None, None, count)


def test_a_notice_read_short_of_its_count_is_not_shown_as_a_listing_of_none() -> None:
    """"Entities: 0" beside 商务部公告2026年第11号 (which states 20, none read) read as a listing of no one (wording29)."""
    issue = OpenIssue("replay", "count-mismatch", "MOFCOM-2026-11: parsed 0 entities, the notice states 20", None,
                      None, None, "MOFCOM-2026-11")
    ctx = PageContext(as_of=date(2026, 11, 30), feeds_base_url="/feeds/", feeds=(),
                      states=Part((_row("MOFCOM-2026-11", "商务部公告2026年第11号", 0),
                                   _row("MOFCOM-2026-23", "商务部公告2026年第23号", 10))),
                      events=Part(()), sources=Part(()), issues=Part((issue,)), last_cycle=None)
    rows = _states_section(ctx).split("<tr>")
    short = next(r for r in rows if "MOFCOM-2026-11" in r)
    assert "not the count the notice states" in short and 'href="#health"' in short, short
    whole = next(r for r in rows if "MOFCOM-2026-23" in r)
    assert ">10</td>" in whole and "not the count" not in whole, whole
