"""Pages read as before cost no parse and no transaction of their own; pages that did not parse whole,
or were read by other parser code, are processed again.

Uses the stand-in parser of test_replay_pipeline (pages are JSON NoticeRecords).
"""

from __future__ import annotations

import hashlib
from contextlib import contextmanager
from datetime import timedelta

import pytest
from sqlalchemy import delete, event, select
from sqlalchemy.orm import Session

from mofcom_watch.pipeline import PageParser, Pipeline, saved_page
from storage.db import open_store, session_factory
from storage.models import HealthIssue, Page, Snapshot
from storage.snapshots import touch_page
from tests.mofcom_watch.test_replay_pipeline import CALLS, T0, URL, ingest, notice_bytes, stand_in_parse

SITE = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/"


class OneParser:
    """A router that gives every URL the same parser."""

    def __init__(self, parser: PageParser) -> None:
        self._parser = parser

    def parser(self, url: str) -> PageParser:
        return self._parser


@contextmanager
def statements(engine):
    seen: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", count)


def replay(engine, pages: dict[str, bytes], at, parser=PageParser(stand_in_parse, "v1", "d1")):
    pipeline = Pipeline(session_factory(engine), OneParser(parser))  # type: ignore[arg-type]
    with pipeline.expecting(pages):
        return [pipeline(saved_page(url, raw, at)) for url, raw in pages.items()]


def pages(n: int) -> dict[str, bytes]:
    return {f"{SITE}art_{i}.html": notice_bytes().replace(b"UEL-2025-7", f"UEL-2025-{100 + i}".encode())
            for i in range(n)}


def test_a_batch_read_as_before_is_two_reads_and_one_write_whatever_its_size(engine):
    small, large = pages(3), pages(30)
    replay(engine, large, T0)
    CALLS.clear()
    later = T0 + timedelta(days=1)
    with statements(engine) as few:
        again = replay(engine, small, later)
    with statements(engine) as many:
        replay(engine, large, later + timedelta(days=1))
    assert all(r.skipped and r.same_bytes and not r.new and not r.changed for r in again)
    assert [r.notice_key for r in again] == ["UEL-2025-100", "UEL-2025-101", "UEL-2025-102"]
    assert CALLS == []  # nothing parsed
    assert len(few) == len(many)  # not one statement per page
    with Session(engine) as s:
        fetched = {p.url: p.last_fetched_at for p in s.scalars(select(Page))}
    assert fetched[f"{SITE}art_0.html"] == later + timedelta(days=1)
    assert fetched[f"{SITE}art_29.html"] == later + timedelta(days=1)


def test_an_older_fetch_does_not_move_the_page_back(engine):
    replay(engine, pages(2), T0)
    replay(engine, pages(2), T0 - timedelta(days=3))
    with Session(engine) as s:
        assert {p.last_fetched_at for p in s.scalars(select(Page))} == {T0}


def test_new_and_changed_pages_in_a_batch_are_stored(engine):
    replay(engine, pages(2), T0)
    changed = dict(pages(2))
    changed[f"{SITE}art_1.html"] = notice_bytes(n_entities=3, stated=3).replace(b"UEL-2025-7", b"UEL-2025-101")
    changed[f"{SITE}art_9.html"] = notice_bytes().replace(b"UEL-2025-7", b"UEL-2025-109")
    CALLS.clear()
    results = replay(engine, changed, T0 + timedelta(days=1))
    assert [(r.skipped, r.new, r.changed) for r in results] == [(True, False, False), (False, False, True),
                                                                (False, True, False)]
    assert len(CALLS) == 2


def test_other_parser_code_reads_the_stored_bytes_again(engine):
    replay(engine, pages(1), T0)
    CALLS.clear()
    (result,) = replay(engine, pages(1), T0, parser=PageParser(stand_in_parse, "v1", "d2"))
    assert not result.skipped and result.same_bytes and not result.changed
    assert len(CALLS) == 1
    with Session(engine) as s:
        assert [(x.parser_version, x.parser_digest) for x in s.scalars(select(Snapshot))] == [("v1", "d2")]
    (result,) = replay(engine, pages(1), T0, parser=PageParser(stand_in_parse, "v1", "d2"))
    assert result.skipped and len(CALLS) == 1


def test_unknown_parser_code_never_takes_a_stored_parse_as_its_own(engine):
    unknown = PageParser(stand_in_parse, "v1", None)
    replay(engine, pages(1), T0, parser=unknown)
    CALLS.clear()
    (result,) = replay(engine, pages(1), T0, parser=unknown)
    assert not result.skipped and len(CALLS) == 1


def test_a_page_short_of_its_stated_count_stays_unfinished_and_is_parsed_again_when_bytes_or_code_change(engine):
    """Issue 9: a page that did not parse whole is not done. The same bytes read by the same parser code are
    reported again as stored (the issue refreshed, nothing parsed), one page at a time as ``run`` hands them
    over or in a replay's batch; other bytes or other code are parsed."""
    short = notice_bytes(n_entities=1, stated=2)
    first = ingest(engine, short)
    CALLS.clear()
    again = ingest(engine, short, at=T0 + timedelta(days=1))
    assert first.incomplete and again.incomplete and again.skipped and again.same_bytes
    assert (again.notice_key, again.stated_count, again.parsed_count) == ("UEL-2025-7", 2, 1) and not CALLS
    with Session(engine) as s:
        (issue,) = s.scalars(select(HealthIssue).where(HealthIssue.kind == "count-mismatch"))
        assert issue.resolved_at is None and issue.last_seen == T0 + timedelta(days=1)
        assert s.scalars(select(Page.last_fetched_at)).one() == T0 + timedelta(days=1)
    later = T0 + timedelta(days=2)
    (batch,) = replay(engine, {first.url: short}, later, parser=PageParser(stand_in_parse, "v1"))
    assert batch.incomplete and batch.skipped and not CALLS
    assert (batch.outcome, batch.notice_key, batch.stated_count, batch.parsed_count) == ("notice", "UEL-2025-7", 2, 1)
    with Session(engine) as s:
        (issue,) = s.scalars(select(HealthIssue).where(HealthIssue.kind == "count-mismatch"))
        assert issue.resolved_at is None and issue.last_seen == later
        # the text a parse gives, naming the copy read short (order30)
        assert issue.detail == (f"UEL-2025-7: parsed 1 entities, the notice states 2 ({first.url}; "
                                f"page SHA-256 {hashlib.sha256(short).hexdigest()})")
    (other_code,) = replay(engine, {first.url: short}, later, parser=PageParser(stand_in_parse, "v1", "d2"))
    assert other_code.incomplete and not other_code.skipped and len(CALLS) == 1
    whole = notice_bytes(n_entities=2, stated=2)
    (fixed,) = replay(engine, {first.url: whole}, later, parser=PageParser(stand_in_parse, "v1", "d2"))
    assert not fixed.incomplete and not fixed.skipped and len(CALLS) == 2
    with Session(engine) as s:
        assert s.scalars(select(HealthIssue.resolved_at).where(HealthIssue.kind == "count-mismatch")).one() == later


ALIAS = f"{SITE}art_alias.html"


@pytest.mark.parametrize("whole_first", [False, True])
def test_a_short_page_reported_again_keeps_its_place_among_pages_that_store_its_notice(engine, other_db_url,
                                                                                       whole_first):
    """The short page answered from the store and an alias page that completes its notice, in either order:
    the issues end as if every page had been parsed again in that order."""
    short, whole = notice_bytes(n_entities=1, stated=2), notice_bytes(n_entities=2, stated=2)
    other = open_store(other_db_url)
    try:
        for store in (engine, other):
            ingest(store, short)
        batch = {ALIAS: whole, URL: short} if whole_first else {URL: short, ALIAS: whole}
        later = T0 + timedelta(days=1)
        CALLS.clear()
        replay(engine, batch, later, parser=PageParser(stand_in_parse, "v1"))
        assert CALLS == ([ALIAS, URL] if whole_first else [ALIAS])  # after the alias stored it, URL is stale
        replay(other, batch, later, parser=PageParser(stand_in_parse, "v1", "other code"))  # every page parsed
        assert _issues(engine) == _issues(other)
        # resolved in either order: the alias's whole parse is the notice's (story33 S4a: a short copy beside the
        # whole one kept opens no count-mismatch, its alias-conflict says the pages disagree)
        assert [open_ for _, open_ in _issues(engine)] == [False]
    finally:
        other.dispose()


def _issues(engine) -> list[tuple[str, bool]]:
    with Session(engine) as s:
        return [(i.key, i.resolved_at is None) for i in s.scalars(select(HealthIssue).order_by(HealthIssue.key))
                if i.kind == "count-mismatch"]


def test_an_unusable_page_is_processed_again(engine):
    url = "https://www.mofcom.gov.cn/x.html"
    ingest(engine, b"BOT check", url=url)
    CALLS.clear()
    again = ingest(engine, b"BOT check", url=url, at=T0 + timedelta(days=1))
    assert again.outcome == "unusable" and not again.skipped and len(CALLS) == 1


def test_a_short_page_whose_issue_went_away_meanwhile_opens_it_again(engine):
    """The issue read when the batch began is gone when the page is reported again (deleted by hand): it is
    opened again, with the text a parse would give it, not silently left out."""
    short = notice_bytes(n_entities=1, stated=2)
    ingest(engine, short)
    later = T0 + timedelta(days=1)
    pipeline = Pipeline(session_factory(engine), OneParser(PageParser(stand_in_parse, "v1")))  # type: ignore[arg-type]
    CALLS.clear()
    with pipeline.expecting([URL]):
        with Session(engine) as s, s.begin():
            s.execute(delete(HealthIssue))
        (result,) = [pipeline(saved_page(URL, short, later))]
    assert result.incomplete and result.skipped and CALLS == []
    with Session(engine) as s:
        (issue,) = s.scalars(select(HealthIssue))
        assert (issue.key, issue.resolved_at, issue.first_seen, issue.last_seen) == ("count-mismatch/UEL-2025-7", None,
                                                                                    later, later)
        assert issue.detail == (f"UEL-2025-7: parsed 1 entities, the notice states 2 ({URL}; "
                                f"page SHA-256 {hashlib.sha256(short).hexdigest()})")


def test_a_batch_fetched_at_the_same_moment_rewrites_no_page_row_but_records_another_status(engine):
    replay(engine, pages(3), T0)
    rewritten: list[int] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        if statement.startswith("UPDATE page SET") and "last_fetched_at=" in statement:
            rewritten.append(cursor.rowcount)

    event.listen(engine, "after_cursor_execute", count)
    try:
        replay(engine, pages(3), T0)  # the same moment again: nothing to write
        assert rewritten == [0]
        pipeline = Pipeline(session_factory(engine), OneParser(PageParser(stand_in_parse, "v1", "d1")))  # type: ignore[arg-type]
        with pipeline.expecting(pages(3)):
            for url, raw in pages(3).items():
                pipeline(saved_page(url, raw, T0, status=203))
        assert rewritten == [0, 3]
    finally:
        event.remove(engine, "after_cursor_execute", count)
    with Session(engine) as s:
        assert {(p.last_fetched_at, p.last_status) for p in s.scalars(select(Page))} == {(T0, 203)}


def test_a_page_row_without_stored_bytes_is_not_taken_for_a_new_page(engine):
    """A replay writes a page the store has no row for with plain INSERTs; a URL with a row but no stored
    bytes (a 304 touched it) is found by the folder's read of page ids and stored on its row."""
    url = f"{SITE}art_0.html"
    with session_factory(engine)() as session, session.begin():
        touch_page(session, url=url, fetched_at=T0, status=304, source="replay")
    results = replay(engine, pages(2), T0 + timedelta(days=1))
    assert [(r.new, r.outcome) for r in results] == [(True, "notice"), (True, "notice")]
    with Session(engine) as s:
        rows = {p.url: (p.id, p.last_status, p.last_sha256 is not None) for p in s.scalars(select(Page))}
        assert {sn.page.url for sn in s.scalars(select(Snapshot))} == set(rows)
    assert len(rows) == 2 and rows[url] == (1, 200, True)
