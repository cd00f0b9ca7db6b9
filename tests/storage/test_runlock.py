"""The run lock: one holder at a time, stale locks taken over, release only by the holder."""

from __future__ import annotations

import os
import socket
import time
from datetime import datetime, timedelta, timezone

import pytest

from mofcom_watch.exits import Terminated
from storage.db import open_store
from storage.models import RunLock
from storage.runlock import (
    DEFAULT_STALE_AFTER,
    LEGACY_STALE_AFTER,
    RunLockHeld,
    RunLockLost,
    RunLockTimeout,
    acquire,
    current_holder,
    make_holder,
    pid_namespace,
    release,
    run_lock,
    wait_for,
)

NS = pid_namespace()


def test_a_wait_whose_time_is_up_at_the_first_try_still_names_the_holder(engine):
    """Session 36's mid CI (load 25): the first try took longer than the run's whole wait, so the run gave up without
    its "waiting up to N s for the run lock: <holder>" line. A wait of a nanosecond is that case every time (a wait
    of 0 is said in one line, the timeout's: tests/faults/test_concurrent_writers.py)."""
    told: list[str] = []
    with run_lock(engine, holder="a"):
        with pytest.raises(RunLockTimeout):
            wait_for(engine, holder="b", wait=1e-9, on_wait=lambda held: told.append(held.holder))
    assert told == ["a"]


def test_second_holder_is_refused_until_release(engine):
    with run_lock(engine, holder="a") as held:
        assert held == "a" and current_holder(engine) == "a"
        with pytest.raises(RunLockHeld) as info:
            acquire(engine, holder="b")
        assert info.value.holder == "a"
    assert current_holder(engine) is None
    with run_lock(engine, holder="b"):
        assert current_holder(engine) == "b"


def test_stale_lock_is_taken_over(engine):
    old = datetime.now(timezone.utc) - timedelta(hours=5)
    acquire(engine, holder="crashed", now=old)
    acquire(engine, holder="fresh", stale_after=timedelta(hours=1))
    assert current_holder(engine) == "fresh"
    release(engine, holder="crashed")  # not ours any more: no effect
    assert current_holder(engine) == "fresh"


def test_lock_released_when_the_block_raises(engine):
    with pytest.raises(ValueError):
        with run_lock(engine, holder="a"):
            raise ValueError("boom")
    assert current_holder(engine) is None


@pytest.mark.parametrize("interrupt", [KeyboardInterrupt, Terminated])
def test_an_interrupt_inside_a_write_transaction_releases_the_lock_at_once(engine, interrupt):
    """cli30: Ctrl-C (or SIGTERM, ``Terminated``) arriving inside SQLAlchemy right after the driver ran a statement of
    a write transaction (``replay`` publishing) left that SQLite connection holding the write lock, through the
    cursor its frames kept: the release waited out the busy timeout (30 s) and failed, so the command exited 3,
    "locked by another process", instead of 130 or 143 at once."""
    from sqlalchemy import event, text

    from storage.db import WRITE_LOCK, session_factory

    armed: list[bool] = []

    def stop_after_the_driver(_conn, _cursor, statement, *_args):  # noqa: ANN001, ANN002
        if armed and statement.lstrip().upper().startswith("SELECT"):
            armed.clear()
            raise interrupt

    event.listen(engine, "after_cursor_execute", stop_after_the_driver)
    started = time.monotonic()
    with pytest.raises(interrupt):
        with run_lock(engine, holder="a"):
            with session_factory(engine)() as session, session.begin():
                session.connection(execution_options=WRITE_LOCK)  # the write lock taken, as publishing takes it
                armed.append(True)
                session.execute(text("SELECT count(*) FROM notice")).all()
    assert time.monotonic() - started < 10 and not armed
    assert current_holder(engine) is None


def test_a_holder_on_this_host_that_is_gone_is_taken_over_at_once(engine):
    """kill -9 runs no ``finally``: the lock row stays, naming a process that no longer exists."""
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()  # gone (reaped): its pid names nobody now
    acquire(engine, holder=f"{socket.gethostname()}:{child.pid}:killed:{NS}")
    acquire(engine, holder="fresh")
    assert current_holder(engine) == "fresh"


def test_our_own_pid_from_before_we_started_is_a_previous_life(engine):
    """A restarted container's PID 1 finds its previous life's lock under the same host and pid."""
    me = f"{socket.gethostname()}:{os.getpid()}"
    long_ago = datetime.now(timezone.utc) - timedelta(days=400)  # before this process started
    _insert(engine, f"{me}:previous:{NS}", long_ago, datetime.now(timezone.utc))  # fresh heartbeat: the pid tells
    acquire(engine, holder=f"{me}:now:{NS}")
    assert current_holder(engine) == f"{me}:now:{NS}"
    release(engine, holder=f"{me}:now:{NS}")
    acquire(engine, holder=f"{me}:other-thread:{NS}")  # held by this process now: alive, it is us
    with pytest.raises(RunLockHeld):
        acquire(engine, holder=f"{me}:mine:{NS}")
    release(engine, holder=f"{me}:other-thread:{NS}")


def _insert(engine, holder: str, acquired: datetime, beat: datetime) -> None:
    """A lock row as another process (or an earlier cycle of this one) left it."""
    with engine.begin() as conn:
        conn.execute(RunLock.__table__.insert().values(name="cycle", holder=holder, acquired_at=acquired,
                                                       heartbeat_at=beat))


def test_a_row_this_process_left_behind_is_taken_over_by_its_next_cycle(engine):
    """The release failed (the database was gone a moment): the next cycle of the same process (serve) is not
    blocked by its own row, although its pid is alive."""
    now = datetime.now(timezone.utc)
    _insert(engine, f"{socket.gethostname()}:{os.getpid()}:earlier-cycle:{NS}", now, now)
    acquire(engine, holder=make_holder("next"))
    assert current_holder(engine) == make_holder("next")


def test_a_live_holder_of_our_pid_namespace_keeps_the_lock_however_old_its_heartbeat(engine):
    """A stopped process or a suspended machine: the holder is alive and may write again when it wakes."""
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        long_ago = datetime.now(timezone.utc) - timedelta(days=1)
        _insert(engine, f"elsewhere:{child.pid}:sleeping:{NS}", datetime.now(timezone.utc), long_ago)
        with pytest.raises(RunLockHeld):
            acquire(engine, holder="here")
    finally:
        child.kill()
        child.wait()
    acquire(engine, holder="here")  # gone now: taken at once, whatever its host name said


def test_a_holder_of_another_pid_namespace_is_judged_by_its_heartbeat(engine):
    """Another container (same host name or not), another host or boot: its pid means nothing here, however
    much it looks like one of ours (PID 1, our own pid)."""
    now = datetime.now(timezone.utc)
    other = "0123456789abcdef" if NS != "0123456789abcdef" else "fedcba9876543210"
    _insert(engine, f"{socket.gethostname()}:{os.getpid()}:other-ns:{other}", now - timedelta(hours=1),
            now - DEFAULT_STALE_AFTER + timedelta(seconds=30))
    with pytest.raises(RunLockHeld):
        acquire(engine, holder="here")
    acquire(engine, holder="here", now=now + timedelta(seconds=31))  # its heartbeat is stale_after old now
    assert current_holder(engine) == "here"


def test_a_holder_without_a_namespace_is_judged_by_its_heartbeat(engine):
    now = datetime.now(timezone.utc)
    _insert(engine, f"{socket.gethostname()}:{os.getpid()}:no-proc:-", now, now - DEFAULT_STALE_AFTER)
    acquire(engine, holder="here")


def test_an_older_version_s_holder_keeps_the_2_hour_limit(engine):
    """``host:pid:run`` beat only between fetches, counting on 2 hours: never taken from it sooner."""
    now = datetime.now(timezone.utc)
    _insert(engine, f"{socket.gethostname()}:1:older", now - timedelta(hours=3), now - timedelta(hours=1))
    with pytest.raises(RunLockHeld):
        acquire(engine, holder="here")
    acquire(engine, holder="here", now=now - timedelta(hours=1) + LEGACY_STALE_AFTER)


def test_the_held_lock_beats_from_a_thread_and_knows_when_it_was_taken_over(engine, db_url):
    import time

    with run_lock(engine, holder=make_holder("beating"), every=0.05) as held:
        with engine.connect() as conn:
            first = conn.execute(RunLock.__table__.select()).one().heartbeat_at
        time.sleep(0.3)  # the holder does nothing meanwhile: the thread beats
        with engine.connect() as conn:
            assert conn.execute(RunLock.__table__.select()).one().heartbeat_at > first
        held.ensure()
        other = open_store(db_url)  # another process took it over (our beats had seemed stale to it)
        with other.begin() as conn:
            conn.execute(RunLock.__table__.update().values(holder="taker"))
        other.dispose()
        time.sleep(0.3)
        with pytest.raises(RunLockLost) as info:
            held.ensure()
        assert "another run took it over" in str(info.value)
    assert current_holder(engine) == "taker"  # not ours to release


def test_a_holder_on_another_host_waits_for_its_heartbeat_to_go_stale(engine):
    acquire(engine, holder="elsewhere:1:abc")
    with pytest.raises(RunLockHeld) as info:
        acquire(engine, holder="here")
    assert "pid 1 on host elsewhere (run abc)" in str(info.value)


def _pages(engine) -> list[str]:
    from storage.models import Page

    with engine.connect() as conn:
        return sorted(conn.execute(Page.__table__.select().with_only_columns(Page.__table__.c.url)).scalars())


def test_a_write_after_the_lock_was_taken_over_is_refused_in_its_own_transaction(engine, db_url):
    """A paused holder woken after a takeover is mid-page: its next write transaction reads the lock row before it
    commits and is rolled back (RunLockFenced: a store fault, the run stops). Reads go on; the lock's own rows are
    left to the taker; once the block is left, the engine writes unfenced again."""
    from sqlalchemy.orm import Session

    from storage.db import WRITE_LOCK
    from storage.faults import StoreUnavailable, store_fault
    from storage.models import Page
    from storage.runlock import RunLockFenced, fence

    with run_lock(engine, holder=make_holder("paused"), every=60) as held:
        with Session(engine) as session, session.begin():
            session.add(Page(url="https://a.example/1", host="a.example"))
        other = open_store(db_url)  # another process's takeover
        with other.begin() as conn:
            conn.execute(RunLock.__table__.update().values(holder="taker:1:t:-"))
        other.dispose()
        with Session(engine) as session, session.begin():  # a read commits as before
            assert len(_pages(engine)) == 1
        with pytest.raises(RunLockFenced) as info, Session(engine) as session, session.begin():
            session.connection(execution_options=WRITE_LOCK)
            session.add(Page(url="https://a.example/2", host="a.example"))
        assert store_fault(info.value) is info.value and isinstance(info.value, StoreUnavailable)
        assert "another run took it over" in str(info.value) and held.lost is not None
        with pytest.raises(RunLockFenced), engine.begin() as conn:  # a Core write too, and a fenced publish
            conn.execute(Page.__table__.insert().values(url="https://a.example/3", host="a.example"))
        with pytest.raises(RunLockFenced), engine.connect() as conn, conn.execution_options(**WRITE_LOCK).begin():
            fence(conn)
        with pytest.raises(RunLockLost):
            held.ensure()
    assert _pages(engine) == ["https://a.example/1"]
    assert current_holder(engine) == "taker:1:t:-"
    with engine.begin() as conn:  # no lock held here: nothing to fence
        conn.execute(Page.__table__.insert().values(url="https://a.example/4", host="a.example"))
    assert len(_pages(engine)) == 2


def test_heartbeats_are_on_the_database_server_s_clock_on_a_shared_server(engine, monkeypatch):
    """Two hosts an hour apart on one PostgreSQL: the heartbeat is written and judged with the server's clock, so a
    holder whose clock is behind is not judged stale by one whose clock is ahead (SQLite: one host, its clock)."""
    import storage.runlock as runlock

    real = runlock._now
    holder = f"behind:7:run:{'0123456789abcdef' if NS != '0123456789abcdef' else 'fedcba9876543210'}"
    monkeypatch.setattr(runlock, "_now", lambda: real() - timedelta(hours=1))  # the holder's host is an hour behind
    acquire(engine, holder=holder)
    assert runlock.heartbeat(engine, holder=holder)
    with engine.connect() as conn:
        beat = conn.execute(RunLock.__table__.select()).one().heartbeat_at
    monkeypatch.setattr(runlock, "_now", lambda: real() + timedelta(hours=1))  # the next host is an hour ahead
    if engine.dialect.name == "sqlite":
        assert abs(beat - (real() - timedelta(hours=1))) < timedelta(minutes=1)
        acquire(engine, holder="ahead")  # one host, one clock: a clock moved by an hour sees an hour-old beat
        return
    assert abs(beat - real()) < timedelta(minutes=1)  # the server's clock, not the holder's
    with pytest.raises(RunLockHeld):
        acquire(engine, holder="ahead")
    assert current_holder(engine) == holder


def _row_written_by_another_tool(engine, heartbeat: object, holder: str = "otherhost:1:abc:0123456789abcdef") -> None:
    from sqlalchemy import text

    with engine.begin() as conn:
        conn.execute(text("INSERT INTO run_lock (name, holder, acquired_at, heartbeat_at) VALUES ('cycle', :h, :t, :t)"),
                     {"h": holder, "t": heartbeat})


@pytest.mark.parametrize("stamp", ["2026-12-01 10:00:00", "2026-12-01T10:00:00Z", "2026-12-01T18:00:00+08:00",
                                   "2026-12-01 10:00:00.123"])
def test_a_stale_row_another_tool_wrote_without_microseconds_is_taken_over(engine, stamp):
    """Was: a lock row whose times were stored without microseconds (another tool or version, a hand-made row) was
    judged stale but never taken over (the takeover matched its stored heartbeat text against a bound datetime,
    which has them): every later run waited, then exited 3, forever."""
    _row_written_by_another_tool(engine, stamp)
    acquire(engine, holder="fresh", now=datetime(2026, 12, 2, 10, tzinfo=timezone.utc))
    assert current_holder(engine) == "fresh"


def test_a_live_row_another_tool_wrote_without_microseconds_is_not_taken(engine):
    now = datetime(2026, 12, 2, 10, tzinfo=timezone.utc)
    _row_written_by_another_tool(engine, "2026-12-02 09:59:00")
    with pytest.raises(RunLockHeld, match="since 2026-12-02T09:59:00"):
        acquire(engine, holder="fresh", now=now)


@pytest.mark.parametrize("stamp", [1764583200, "1764583200", "yesterday", "2026-12-02 23:00:00"])  # the last: ahead
def test_a_row_whose_heartbeat_cannot_be_read_is_taken_over_after_the_stale_limit(engine, stamp, caplog):
    """Was: an epoch number was an internal error (TypeError, exit 4) on every run; a word was never taken over.
    Now an epoch number is read as one; a heartbeat that is no time, or lies ahead (a local time stored for UTC),
    is said once and taken over when this process has seen it unchanged for the stale limit."""
    if engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL stores only times in the column")
    now, stale = datetime(2026, 12, 2, 10, tzinfo=timezone.utc), timedelta(seconds=0.3)
    _row_written_by_another_tool(engine, stamp, holder=f"otherhost:1:{stamp}:0123456789abcdef")
    if stamp in (1764583200, "1764583200"):  # 2025-12-01: a year old
        acquire(engine, holder="fresh", now=now, stale_after=stale)
        assert current_holder(engine) == "fresh"
        return
    with pytest.raises(RunLockHeld):
        acquire(engine, holder="fresh", now=now, stale_after=stale)
    assert "taken over if it is still there in 0 s" in caplog.text and repr(stamp) in caplog.text
    import time

    time.sleep(0.35)
    acquire(engine, holder="fresh", now=now, stale_after=stale)
    assert current_holder(engine) == "fresh"


def test_a_stale_heartbeat_right_after_a_publish_is_given_time_to_beat(engine):
    """ops37: a publish holds a SQLite store's write lock, so no holder's heartbeat gets through while it lasts (a
    publish of a store 100 times the fixtures: 92 s at load 6, past the 300-s stale limit under more load). A holder
    judged by its heartbeat is not taken over while a publish is in progress or for PUBLISH_GRACE after it ended (the
    publish mark's mtime); then it is, as any stale one. Other databases lock no heartbeat out: nothing changes there."""
    from storage.db import sqlite_path
    from storage.publishwait import mark_path, publishing
    from storage.runlock import PUBLISH_GRACE

    now = datetime.now(timezone.utc)
    other = "0123456789abcdef" if NS != "0123456789abcdef" else "fedcba9876543210"
    _insert(engine, f"ctr:1:other-ns:{other}", now - timedelta(hours=1), now - DEFAULT_STALE_AFTER - timedelta(seconds=1))
    store = sqlite_path(engine.url)
    if store is None:
        acquire(engine, holder="here")
        assert current_holder(engine) == "here"
        return
    with publishing(store):  # a publish in progress (the mark held), then just ended (its mtime now)
        with pytest.raises(RunLockHeld):
            acquire(engine, holder="here")
    with pytest.raises(RunLockHeld):
        acquire(engine, holder="here")
    ended = time.time() - PUBLISH_GRACE - 1
    os.utime(mark_path(store), (ended, ended))  # the publish ended longer ago than the grace: judged as before
    acquire(engine, holder="here")
    assert current_holder(engine) == "here"
