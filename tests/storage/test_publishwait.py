"""A writer whose ``BEGIN IMMEDIATE`` gives up past the busy timeout waits for a publish in progress, and for nothing
else (storage.publishwait). The busy timeout is 0.1 s here instead of 30 s; the publish is a thread holding the write
lock and the mark as ``publish_recorded`` does. A real ``serve`` beside a ``run``: tests/faults/test_unattended_ops.py."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import OperationalError

from storage import publishwait
from storage.db import WRITE_LOCK, make_engine
from storage.publishwait import mark_path, publisher, publishing


def _writer(path):
    engine = make_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _short(dbapi_conn, _record) -> None:  # after the engine's own pragmas: a busy timeout of 0.1 s
        dbapi_conn.execute("PRAGMA busy_timeout=100")

    return engine


def _hold(path, seconds: float, *, mark: bool, ready: threading.Event, who: str = "") -> threading.Thread:
    """The write lock held for ``seconds`` by another connection, publishing (``mark``: as ``who`` says, another
    process's, this process's by default) or not."""

    def hold() -> None:
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        try:
            if mark:
                with publishing(path):
                    if who:  # another process's publish: its mark, and not one this process holds
                        mark_path(path).write_text(who)
                        publishwait._HELD.discard(str(mark_path(path)))
                    ready.set()
                    time.sleep(seconds)
            else:
                ready.set()
                time.sleep(seconds)
        finally:
            conn.execute("COMMIT")
            conn.close()

    thread = threading.Thread(target=hold)
    thread.start()
    assert ready.wait(10)
    return thread


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "store.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE t (x INTEGER)")
    conn.commit()
    conn.close()
    return path


def _write(engine) -> float:
    t0 = time.monotonic()
    with engine.connect() as conn, conn.execution_options(**WRITE_LOCK).begin():
        conn.execute(text("INSERT INTO t VALUES (1)"))
    return time.monotonic() - t0


def test_a_writer_meeting_a_publish_waits_for_it_and_says_so(store, caplog):
    engine = _writer(store)
    holder = _hold(store, 0.6, mark=True, ready=threading.Event(), who="pid 1 (mofcom-watch serve)")
    assert publisher(store) == "pid 1 (mofcom-watch serve)"
    with caplog.at_level(logging.WARNING, logger="storage.publishwait"):
        waited = _write(engine)  # was: OperationalError "database is locked" after the busy timeout
    holder.join()
    engine.dispose()
    assert 0.3 < waited < 10, waited
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 1 and "write-locked by a publish in progress (pid 1 (mofcom-watch serve))" in lines[0], lines
    assert publisher(store) is None and mark_path(store).is_file()


def test_a_thread_meeting_its_own_process_publish_waits_without_a_word(store, caplog):
    """A run's lock heartbeat (a thread) during the run's own publish: it waits; no line names the run itself."""
    engine = _writer(store)
    holder = _hold(store, 0.4, mark=True, ready=threading.Event())
    with caplog.at_level(logging.WARNING, logger="storage.publishwait"):
        waited = _write(engine)
    holder.join()
    engine.dispose()
    assert waited > 0.2 and not caplog.records, [r.getMessage() for r in caplog.records]


def test_a_writer_meeting_another_writer_gives_up_as_before(store):
    engine = _writer(store)
    holder = _hold(store, 0.5, mark=False, ready=threading.Event())
    try:
        with pytest.raises(OperationalError, match="locked"):
            _write(engine)
    finally:
        holder.join()
        engine.dispose()


def test_the_wait_for_publishes_is_bounded(store, monkeypatch):
    monkeypatch.setattr(publishwait, "PUBLISH_WAIT", 0.3)
    engine = _writer(store)
    holder = _hold(store, 1.2, mark=True, ready=threading.Event())
    try:
        t0 = time.monotonic()
        with pytest.raises(OperationalError, match="locked"):
            _write(engine)
        assert time.monotonic() - t0 < 1.0  # not until the publish ends
    finally:
        holder.join()
        engine.dispose()
