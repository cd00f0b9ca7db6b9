"""storage.generations: the counters the database's own triggers move on every write to the watched tables.

Real SQLite (and PostgreSQL when configured) stores migrated by ``open_store``; the writes are plain
SQL, as a hand edit or a restored dump would make them, so nothing in the program has to remember
to move a counter.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from storage.generations import EVENTS, NOTICES, generation, generations
from tests.storage.test_events_sync import T0, put, sync
from tests.storage.test_lifecycle_corpus import LISTING_NOTICES


def counters(engine) -> dict[str, int]:
    with Session(engine) as s:
        return generations(s)


def write(engine, sql: str) -> None:
    with engine.begin() as conn:
        assert conn.execute(text(sql)).rowcount > 0, sql  # the statement did touch a row


@pytest.fixture
def stored(engine):
    for rec in LISTING_NOTICES[:3]:
        put(engine, rec)
    sync(engine)
    return engine


# (the write, the counter it must move); each statement touches rows of one table only
WRITES = [
    ("UPDATE notice SET record_json = replace(record_json, '2025', '2024')", NOTICES),
    ("UPDATE notice SET title = 'edited by hand' WHERE id = (SELECT min(id) FROM notice)", NOTICES),
    ("INSERT INTO notice_url (notice_id, url, first_seen_at) SELECT min(id), 'https://x.example/alias.html', "
     "'2026-01-01 00:00:00' FROM notice", NOTICES),
    ("UPDATE notice_url SET url = url || '?moved'", NOTICES),
    ("DELETE FROM notice_url WHERE id = (SELECT max(id) FROM notice_url)", NOTICES),
    ("UPDATE snapshot SET sha256 = 'f' || substr(sha256, 2)", NOTICES),
    ("UPDATE event SET payload_sha256 = 'edited' WHERE id = (SELECT min(id) FROM event)", EVENTS),
    ("DELETE FROM event WHERE id = (SELECT max(id) FROM event)", EVENTS),
]


@pytest.mark.parametrize(("sql", "moved"), WRITES, ids=["record-json", "title", "url-added", "url-moved", "url-deleted",
                                                       "snapshot-hash", "event-edited", "event-deleted"])
def test_every_write_to_a_watched_table_moves_its_counter_and_only_it(stored, sql, moved):
    before = counters(stored)
    write(stored, sql)
    after = counters(stored)
    assert after[moved] > before[moved]
    assert {k: v for k, v in after.items() if k != moved} == {k: v for k, v in before.items() if k != moved}


def test_new_rows_move_the_counters_and_other_tables_do_not(engine):
    start = counters(engine)
    assert set(start) == {NOTICES, EVENTS}
    put(engine, LISTING_NOTICES[0])  # a notice, its URL and its snapshot
    stored = counters(engine)
    assert stored[NOTICES] > start[NOTICES] and stored[EVENTS] == start[EVENTS]
    sync(engine)
    synced = counters(engine)
    assert synced[EVENTS] > stored[EVENTS] and synced[NOTICES] == stored[NOTICES]
    sync(engine)  # a sync with nothing to change writes nothing
    assert counters(engine) == synced
    with engine.begin() as conn:  # tables no derive reads: the page list, the health issues
        conn.execute(text("UPDATE page SET etag = 'W/\"other\"'"))
        conn.execute(text("INSERT INTO health_issue (key, source, kind, detail, first_seen, last_seen) "
                          "VALUES ('k', 's', 'zero_links', 'd', '2026-01-01 00:00:00', '2026-01-01 00:00:00')"))
    assert counters(engine) == synced
    put(engine, LISTING_NOTICES[0], at=T0 + timedelta(days=1), body=b"the page again, other bytes")
    assert counters(engine) == synced  # fetched later, reading the same: the notice keeps citing its first copy (churn47)
    put(engine, LISTING_NOTICES[0], at=T0 - timedelta(days=1), body=b"the page as first fetched, found late")
    assert counters(engine)[NOTICES] > synced[NOTICES]  # the notice now points at another snapshot: the first fetched


def test_a_transaction_sees_its_own_writes_and_a_rollback_undoes_them(engine):
    put(engine, LISTING_NOTICES[0])
    before = counters(engine)
    with Session(engine) as s:
        with s.begin():
            s.execute(text("UPDATE notice SET title = 'x'"))
            assert generation(s, NOTICES) > before[NOTICES]
            s.rollback()
    assert counters(engine) == before
    with Session(engine) as s:
        assert generation(s, "no such counter") == -1


def test_truncate_moves_the_counter_on_postgresql(stored):
    if stored.dialect.name != "postgresql":
        pytest.skip("SQLite has no TRUNCATE (its DELETE without WHERE fires the row triggers)")
    before = counters(stored)
    with stored.begin() as conn:
        conn.execute(text("TRUNCATE event"))
    assert counters(stored)[EVENTS] > before[EVENTS]


def test_a_statement_that_touches_no_row_moves_nothing(stored):
    """PostgreSQL's statement triggers look at the rows touched, as SQLite's row triggers do."""
    before = counters(stored)
    with stored.begin() as conn:
        for table in ("notice", "notice_url", "snapshot", "event"):
            conn.execute(text(f"UPDATE {table} SET id = id WHERE 1 = 0"))
            conn.execute(text(f"DELETE FROM {table} WHERE 1 = 0"))
    assert counters(stored) == before
