"""Which of two copies of one page was fetched first, when times are stored to the second (session 40: a copy served
again in the second after its first fetch read as an in-place correction, not as ``older-copy``: CI failed
``test_older_copy_review`` one run in two)."""

from __future__ import annotations

from datetime import UTC, datetime

from storage.ingest import _first_fetched_before
from storage.models import Snapshot

SECOND = datetime(2026, 12, 5, 6, 40, 1, tzinfo=UTC)


def test_an_earlier_second_is_first_whatever_the_ids():
    assert _first_fetched_before(Snapshot(id=9, fetched_at=SECOND.replace(second=0)), Snapshot(id=3, fetched_at=SECOND))
    assert not _first_fetched_before(Snapshot(id=3, fetched_at=SECOND), Snapshot(id=9, fetched_at=SECOND.replace(second=0)))


def test_in_the_same_second_the_copy_stored_first_is_first():
    assert _first_fetched_before(Snapshot(id=3, fetched_at=SECOND), Snapshot(id=4, fetched_at=SECOND))
    assert not _first_fetched_before(Snapshot(id=4, fetched_at=SECOND), Snapshot(id=3, fetched_at=SECOND))
    assert not _first_fetched_before(Snapshot(id=None, fetched_at=SECOND), Snapshot(id=4, fetched_at=SECOND))
