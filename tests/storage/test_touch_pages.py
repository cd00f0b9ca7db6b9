"""``touch_pages`` records a 304 (or the same bytes again) on many pages in one UPDATE per 400 pages: a page gets the
new fetch time only when it is newer (with a status: also the same moment with another status), and the status
then; a page stored without its source gets it; nothing else moves. Checked against the rule read plainly, on a
real SQLite file, over pages in every starting state."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from storage.db import open_store, session_factory
from storage.models import Page
from storage.snapshots import touch_pages

T0 = datetime(2026, 11, 29, 6, 0, tzinfo=UTC)
FETCHED = (None, T0 - timedelta(hours=1), T0, T0 + timedelta(hours=1))  # never, older, the same moment, newer
STATUSES = (None, 200, 304)
SOURCES = (None, "", "mofcom-qa")
Row = tuple[str, datetime | None, int | None, str | None, str | None]  # url, fetched, status, source, etag


def _rows(engine) -> list[Row]:
    with session_factory(engine)() as session:
        return [(p.url, p.last_fetched_at, p.last_status, p.source, p.etag)
                for p in session.scalars(select(Page).order_by(Page.url))]


def _expected(row: Row, at: datetime, status: int | None, source: str | None) -> Row:
    url, fetched, last_status, stored_source, etag = row
    newer = fetched is None or fetched < at or (status is not None and fetched == at and last_status != status)
    if newer:
        fetched, last_status = at, (last_status if status is None else status)
    if source and not stored_source:
        stored_source = source
    return url, fetched, last_status, stored_source, etag


@pytest.mark.parametrize("status", [None, 200])
@pytest.mark.parametrize("source", [None, "mofcom-policy"])
def test_pages_touched_by_the_rule(tmp_path, status, source):
    engine = open_store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    try:
        with session_factory(engine)() as session, session.begin():
            for n, (fetched, last, stored) in enumerate(itertools.product(FETCHED, STATUSES, SOURCES)):
                session.add(Page(url=f"https://www.mofcom.gov.cn/art/{n:03d}.html", host="www.mofcom.gov.cn",
                                 source=stored, last_fetched_at=fetched, last_status=last, etag=f'"e{n}"'))
        before = _rows(engine)
        at = T0.astimezone(timezone(timedelta(hours=8)))  # the same instant in China's time: stored as UTC
        with session_factory(engine)() as session, session.begin():
            touch_pages(session, [url for url, *_ in before], fetched_at=at, status=status, source=source)
        after = _rows(engine)
    finally:
        engine.dispose()
    assert after == [_expected(row, T0, status, source) for row in before]
    assert after != before
