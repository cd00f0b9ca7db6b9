"""State bands agree with the lifecycle engine's status rows, day by day, on the replayed fixtures."""

from __future__ import annotations

from datetime import UTC, date, datetime
from itertools import pairwise

import pytest

from storage.bands import axis_for, bands_by_entity, entity_bands, listing_bands
from storage.db import open_store, session_factory
from storage.records import EventKind, EventRecord, ListingState, ListKind
from storage.status import derive_stored
from tests.conftest import copy_of

DAYS = [date(2024, 12, 1), date(2025, 4, 5), date(2025, 4, 9), date(2025, 6, 1), date(2025, 8, 12), date(2025, 11, 9),
        date(2025, 11, 10), date(2026, 6, 1), date(2026, 11, 10), date(2026, 11, 29)]


@pytest.fixture(scope="module")
def store(tmp_path_factory, replayed):
    engine = open_store(copy_of(replayed, tmp_path_factory.mktemp("bands") / "db.sqlite"))
    yield session_factory(engine)
    engine.dispose()


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_every_status_row_is_the_state_its_band_shows(store, day: date) -> None:
    with store() as session:
        _, d = derive_stored(session, day)
    bands = listing_bands(d.events)
    assert d.states, "nothing derived"
    for row in d.states:
        match = [b for b in bands if b.notice_key == row.notice_key and b.list is row.list
                 and set(b.entity_keys) == set(row.entity_keys)]
        assert len(match) == 1, (row.notice_key, row.list, [b.entity_keys for b in bands])
        if row.next_state is not None:  # a change announced, not yet in effect: the band draws it beyond the day
            coming = [c for c in match[0].changes if c.day > day][0]
            assert (coming.day, coming.state, coming.by) == (row.next_from, row.next_state, row.next_by)
        if row.state is ListingState.ANNOUNCED:  # nothing in effect yet; since: the day it was published
            assert match[0].state_on(day) is None, (row.notice_key, day)
            continue
        assert match[0].state_on(day) is row.state, (row.notice_key, day)
        if row.since:
            last = [c for c in match[0].changes if c.day <= day][-1]
            assert last.day == row.since


def test_the_lapse_and_the_extensions_are_marked(store) -> None:
    with store() as session:
        _, d = derive_stored(session, date(2026, 11, 29))
    (band,) = [b for b in listing_bands(d.events) if b.notice_key == "UEL-2025-7"]
    assert [(c.day.isoformat(), c.state.value) for c in band.changes] == [
        ("2025-04-04", "in_force"), ("2025-05-14", "suspended"), ("2025-08-12", "suspended"),
        ("2025-11-10", "suspended"), ("2026-11-11", "lapsed")]  # "1年" from 2025-11-10: through 11-10 (lapse43)
    assert band.of_entities == len(band.entity_keys) == 11
    segs = band.segments(date(2026, 12, 31))
    assert [s.state for s in segs][-1] is ListingState.LAPSED and segs[-1].end == date(2026, 12, 31)
    assert all(a.end == b.start for a, b in pairwise(segs))  # no gap: each suspension was extended in time


def test_an_entity_band_per_listing(store) -> None:
    with store() as session:
        _, d = derive_stored(session, date(2026, 11, 29))
    mine = entity_bands(d.events, ["skydio"])
    assert [(b.notice_key, b.list) for b in mine] == [
        ("MFA-ORDER-2024-13", ListKind.COUNTERMEASURE), ("MOFCOM-2025-13", ListKind.ECL), ("UEL-2025-7", ListKind.UEL)]
    assert bands_by_entity(d.events)["skydio"] == mine


def _event(kind: EventKind, day: date, entity: str, until: date | None = None) -> EventRecord:
    at = datetime(day.year, day.month, day.day, tzinfo=UTC)
    return EventRecord(id=f"tag:t,2025:N-1/{kind.value}/ecl/{day}/{entity}", kind=kind, scope="entity",
                       list=ListKind.ECL, notice_key="N-1", source_key="N-1", entity_key=entity, effective=day,
                       until=until, occurred=at, updated=at, title=f"{kind.value} {entity}")


def test_entities_that_part_ways_get_a_band_each() -> None:
    start, later = date(2025, 1, 1), date(2025, 3, 1)
    events = [_event(EventKind.IMPOSED, start, k) for k in ("a", "b", "c")] + [_event(EventKind.LIFTED, later, "b")]
    bands = listing_bands(events)
    assert sorted((b.entity_keys, b.of_entities) for b in bands) == [(("a", "c"), 3), (("b",), 3)]
    lifted = next(b for b in bands if b.entity_keys == ("b",))
    assert lifted.state_on(later) is ListingState.LIFTED and lifted.state_on(start) is ListingState.IN_FORCE
    assert lifted.state_on(date(2024, 12, 31)) is None


def test_a_suspension_without_news_stops_at_its_end_date() -> None:
    events = [_event(EventKind.IMPOSED, date(2025, 1, 1), "a"),
              _event(EventKind.SUSPENDED, date(2025, 2, 1), "a", until=date(2025, 5, 1))]
    (band,) = listing_bands(events)
    segs = band.segments(date(2025, 12, 31))
    assert segs[-1].state is ListingState.SUSPENDED and segs[-1].end == date(2025, 5, 1)
    axis = axis_for([band], date(2025, 3, 1))
    assert axis.start < date(2025, 1, 1) and axis.end > date(2025, 5, 1) and axis.as_of == date(2025, 3, 1)
