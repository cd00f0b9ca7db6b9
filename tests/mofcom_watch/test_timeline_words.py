"""What `timeline` prints for an entity, in a pure function: an EntityTimeline in, the text out."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

from rich.console import Console

from mofcom_watch.commands.timeline_cmd import print_timeline
from storage.records import EventKind, EventRecord, EventScope, ListKind
from storage.status import EntityListing, EntityTimeline


def test_a_day_before_its_first_notice_says_not_on_any_list() -> None:
    """`timeline skydio --as-of 2024-01-01` printed the name and its spellings and nothing more: a bare header
    that reads as a blank answer, where the entity was on no list yet (MFA Order No. 13 came on 2024-10-10)."""
    out = io.StringIO()
    tl = EntityTimeline(keys=("skydio",), zh="斯凯迪奥公司", en="Skydio Inc.", names=("Skydio Inc.",), listings=())
    print_timeline(tl, "2024-01-01", Console(file=out, width=1000, no_color=True))
    assert "not on any list as of 2024-01-01" in out.getvalue()


def test_a_lapse_row_shows_no_until_beside_it() -> None:
    """A lapse's end date is the day the suspension ended (its date column), never a day the measures apply until:
    "suspension lapsed … 2026-11-10" in the until column read as in force until then (wording29). A suspension's row
    keeps its until."""
    at = datetime(2026, 11, 10, tzinfo=UTC)

    def event(kind: EventKind, effective: date, until: date) -> EventRecord:
        return EventRecord(id=f"x/{kind.value}", kind=kind, scope=EventScope.ENTITY, list=ListKind.ECL,
                           notice_key="MOFCOM-2025-21", source_key="QA-2025-11-05-x", entity_key="skydio",
                           effective=effective, until=until, occurred=at, updated=at, title="t")

    listing = EntityListing(notice_key="MOFCOM-2025-21", number="商务部公告2025年第21号", list=ListKind.ECL, state=None,
                            events=(event(EventKind.SUSPENSION_EXTENDED, date(2025, 11, 10), date(2026, 11, 10)),
                                    event(EventKind.SUSPENSION_LAPSED, date(2026, 11, 10), date(2026, 11, 10))))
    tl = EntityTimeline(keys=("skydio",), zh=None, en="Skydio Inc.", names=("Skydio Inc.",), listings=(listing,))
    out = io.StringIO()
    print_timeline(tl, "2026-11-30", Console(file=out, width=1000, no_color=True))
    rows = {line.split("│")[2].strip(): line.split("│")[3].strip() for line in out.getvalue().splitlines()
            if line.count("│") >= 5}
    assert rows == {"suspension extended": "2026-11-10", "suspension lapsed": ""}, out.getvalue()


def test_a_key_only_a_step_wrote_is_not_headed_beside_the_listed_one() -> None:
    """story35 S2 (carried B): No. 5 removed "北极星光电公司（Polaris Optoelectronics, Inc.）" by the name No. 4's correction
    gave, key polarisoptoelectronics; the listing's entity is polarisoptronics. `timeline "Polaris Optoelectronics"`
    headed it "(key polarisoptoelectronics, polarisoptronics, …)": two keys for one company. A key no listing of the
    timeline reaches is left out when another is reached (and kept when none is)."""
    from storage.status import _shown_keys

    at = datetime(2027, 2, 9, tzinfo=UTC)
    removed = EventRecord(id="x/removed", kind=EventKind.REMOVED, scope=EventScope.ENTITY, list=ListKind.ECL,
                          notice_key="MOFCOM-2027-3", source_key="MOFCOM-2027-5", entity_key="polarisoptronics",
                          effective=date(2027, 2, 9), until=None, occurred=at, updated=at, title="t")
    listing = EntityListing(notice_key="MOFCOM-2027-3", number="商务部公告2027年第3号", list=ListKind.ECL, state=None,
                            events=(removed,))
    assert _shown_keys(["polarisoptoelectronics", "polarisoptronics"], [listing]) == ("polarisoptronics",)
    assert _shown_keys(["polarisoptoelectronics"], []) == ("polarisoptoelectronics",)
    assert _shown_keys(["a", "b"], [EntityListing("K", None, ListKind.ECL, None, ())]) == ("a", "b")
