"""What the front page's tables say, in pure functions: no store, no server."""

from __future__ import annotations

from datetime import date

from mofcom_watch.server.data import OpenIssue, Part
from mofcom_watch.server.pages import PageContext, _issue_link, _states_section
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


def test_a_problem_of_the_engine_is_shown_and_the_page_does_not_say_no_open_problems() -> None:
    """story31 S4: an answer and the notice of the next day saying otherwise of one extension: `status` and `run` exit 1
    on the engine's problem, and the front page said "No open problems." (it listed health issues only)."""
    from datetime import datetime, timezone

    from mofcom_watch.server.data import SourceHealth
    from mofcom_watch.server.pages import _health_section

    said = ("QA-2026-11-05-3d525cbd: it says of UEL-2025-7 from 2026-11-10 until 2027-11-10, otherwise than UEL-2026-6 "
            "(until 2027-05-10), the notice, which is followed: read both")
    ran = SourceHealth("mofcom-qa", datetime(2026, 11, 11, tzinfo=timezone.utc), True, 8, 0, 0, "r1")
    ctx = PageContext(as_of=date(2026, 11, 11), feeds_base_url="/feeds/", feeds=(), states=Part(()), events=Part(()),
                      sources=Part((ran,)), issues=Part(()), last_cycle=None, problems=Part((said,)))
    page = _health_section(ctx)
    assert "1 problem in what the notices say" in page and "otherwise than UEL-2026-6" in page, page
    assert "No open problems" not in page
    assert "No open problems" in _health_section(ctx.__class__(**{**ctx.__dict__, "problems": Part(())}))


def test_a_source_whose_last_run_failed_is_said_and_the_page_does_not_say_no_open_problems() -> None:
    """story32 S4: the MFA source answered 500 for its first failed run (an issue opens only after 3 in a row): `status`
    said "LAST RUN FAILED: mfa-countermeasures …" and exited 1, the table's row said "problems", and under it the page
    said "No open problems."."""
    from datetime import datetime, timezone

    from mofcom_watch.server.data import SourceHealth
    from mofcom_watch.server.pages import _health_section

    at = datetime(2026, 12, 1, 3, 49, tzinfo=timezone.utc)
    down = SourceHealth("mfa-countermeasures", at, False, 3, 0, 1, "r1")
    up = SourceHealth("mofcom-announcements", at, True, 8, 0, 0, "r1")
    ctx = PageContext(as_of=date(2026, 12, 1), feeds_base_url="/feeds/", feeds=(), states=Part(()), events=Part(()),
                      sources=Part((up, down)), issues=Part(()), last_cycle=None)
    page = _health_section(ctx)
    assert "No open problems" not in page, page
    assert ("1 source whose last run could not fetch every page (an issue opens if it fails 3 runs in a row" in page
            and "MFA countermeasure decisions (mfa-countermeasures)</strong>: 1 page(s) not fetched" in page), page
    # once its issue is open, the issue says it (not twice); a source whose runs are clean leaves "No open problems."
    issue = OpenIssue("mfa-countermeasures", "failing", "source mfa-countermeasures had failures in 3 runs in a row",
                      None, None, None, None)
    opened = _health_section(ctx.__class__(**{**ctx.__dict__, "issues": Part((issue,))}))
    assert "whose last run could not fetch" not in opened and "1 open problem:" in opened
    assert "No open problems" in _health_section(ctx.__class__(**{**ctx.__dict__, "sources": Part((up,))}))


def test_a_problem_about_a_page_links_it_only_when_a_browser_can_open_it() -> None:
    """reader35: the demo's count mismatches linked "file:texts/mofcom-2026-11.txt" (a replayed file, no page); the
    feeds give no such link (1135cc1). A web page's URL is still a link."""
    def issue(url: str | None) -> OpenIssue:
        return OpenIssue("replay", "count-mismatch", "MOFCOM-2026-11: parsed 0 entities, the notice states 20", url,
                         None, None, "MOFCOM-2026-11")
    assert _issue_link(issue("file:texts/mofcom-2026-11.txt")) == "" and _issue_link(issue(None)) == ""
    web = "https://www.mofcom.gov.cn/zcfb/blgg/art/2026/art_1.html"
    assert _issue_link(issue(web)) == f' <a href="{web}">{web}</a>'
