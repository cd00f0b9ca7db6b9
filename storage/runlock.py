"""A database run lock: two cycles on one database never interleave.

One ``RunLock`` row per lock name. Acquiring inserts the row (the primary key makes
exactly one writer win, on SQLite and PostgreSQL alike); a row whose heartbeat is
older than ``stale_after`` belongs to a crashed run and is taken over with a
compare-and-set update, and so is one whose holder is a process on this host that no
longer exists (killed with -9: no ``finally`` ran). Releasing deletes the row only if
we still hold it. :func:`run_lock` can wait for the lock, saying once who holds it.
"""

from __future__ import annotations

import os
import socket
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import Delete, Row, delete, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from storage.db import WRITE_LOCK
from storage.models import RunLock
from storage.vocabulary import naive_as_utc

DEFAULT_LOCK = "cycle"
DEFAULT_STALE_AFTER = timedelta(hours=2)
# The lock's table, used in plain SQL: a cycle takes the lock first, and the ORM would set up every mapper for it
# (0.02 s) before the first request is sent; this way that happens while the request waits on the network.
LOCKS = RunLock.__table__


class RunLockHeld(RuntimeError):
    """Another run holds the lock."""

    def __init__(self, name: str, holder: str, since: datetime) -> None:
        super().__init__(f"another run holds the {name!r} lock: {describe_holder(holder)}, "
                         f"since {since.isoformat(timespec='seconds')}")
        self.name, self.holder, self.since = name, holder, since


class RunLockTimeout(RunLockHeld):
    """We waited for the lock as long as we were told to; the holder still has it."""

    def __init__(self, held: RunLockHeld, waited: float) -> None:
        RuntimeError.__init__(self, f"gave up after waiting {waited:.0f} s: {held}")
        self.name, self.holder, self.since, self.waited = held.name, held.holder, held.since, waited


def describe_holder(holder: str) -> str:
    """``host:pid:run`` -> ``pid 123 on host h (run r)``; any other holder string as is."""
    parts = holder.rsplit(":", 2)
    if len(parts) == 3 and parts[1].isdigit():
        return f"pid {parts[1]} on host {parts[0]} (run {parts[2]})"
    return holder


def _holder_is_dead(holder: str, acquired_at: datetime) -> bool:
    """True only when the holder is a process on this host that is gone, a zombie, or whose pid now
    belongs to a process started after the lock was taken (a restarted container's PID 1 included)."""
    parts = holder.rsplit(":", 2)
    if len(parts) != 3 or not parts[1].isdigit() or parts[0] != socket.gethostname():
        return False
    pid = int(parts[1])
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, another user's
        pass
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
    except (OSError, IndexError):
        return False  # no /proc: trust kill(0)
    if fields[0] in (b"Z", b"X"):  # killed, not yet reaped by its parent
        return True
    started = _process_start(int(fields[19]))
    return started is not None and started > acquired_at + PID_REUSE_SLACK


PID_REUSE_SLACK = timedelta(seconds=1)  # /proc/stat's boot time has whole seconds


def _process_start(ticks: int) -> datetime | None:
    """When a process started, from its start time in clock ticks after boot (Linux)."""
    try:
        with open("/proc/stat", "rb") as fh:
            boot = next(int(line.split()[1]) for line in fh if line.startswith(b"btime "))
        return datetime.fromtimestamp(boot + ticks / os.sysconf("SC_CLK_TCK"), timezone.utc)
    except (OSError, StopIteration, ValueError):
        return None


def _now() -> datetime:
    return datetime.now(timezone.utc)


def make_holder(run_id: str | None = None) -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{run_id or uuid.uuid4().hex[:12]}"


def acquire(engine: Engine, *, name: str = DEFAULT_LOCK, holder: str, stale_after: timedelta = DEFAULT_STALE_AFTER,
            now: datetime | None = None) -> None:
    """Take the lock or raise :class:`RunLockHeld`."""
    now = naive_as_utc(now or _now())
    row = _held(engine, name)  # a plain read first: a waiting run never queues for SQLite's write lock
    if row is not None and not _takeable(row, now, stale_after):
        raise RunLockHeld(name, row.holder, naive_as_utc(row.acquired_at))
    taking = insert(LOCKS).values(name=name, holder=holder, acquired_at=now, heartbeat_at=now)
    try:
        with engine.begin() as conn:
            conn.execute(taking)
        return
    except IntegrityError:
        pass
    with engine.connect() as conn, conn.execution_options(**WRITE_LOCK).begin():  # read-then-update, write-locked
        row = conn.execute(select(LOCKS).where(LOCKS.c.name == name)).first()
        if row is None:  # released in between: try once more
            conn.execute(taking)
            return
        if not _takeable(row, now, stale_after):
            raise RunLockHeld(name, row.holder, naive_as_utc(row.acquired_at))
        taken = conn.execute(
            update(LOCKS)
            .where(LOCKS.c.name == name, LOCKS.c.holder == row.holder, LOCKS.c.heartbeat_at == row.heartbeat_at)
            .values(holder=holder, acquired_at=now, heartbeat_at=now)
        ).rowcount
        if taken != 1:
            raise RunLockHeld(name, row.holder, naive_as_utc(row.acquired_at))


def _held(engine: Engine, name: str) -> Row[Any] | None:
    """The lock's row, if someone holds it."""
    with engine.connect() as conn:
        return conn.execute(select(LOCKS).where(LOCKS.c.name == name)).first()


def _takeable(row: Row[Any], now: datetime, stale_after: timedelta) -> bool:
    """The holder crashed: its heartbeat is stale, or it is a process of this host that is gone."""
    return (now - naive_as_utc(row.heartbeat_at) >= stale_after
            or _holder_is_dead(row.holder, naive_as_utc(row.acquired_at)))


def heartbeat(engine: Engine, *, name: str = DEFAULT_LOCK, holder: str) -> bool:
    """Refresh the heartbeat; False if the lock is no longer ours."""
    with engine.begin() as conn:
        return conn.execute(
            update(LOCKS).where(LOCKS.c.name == name, LOCKS.c.holder == holder).values(heartbeat_at=_now())
        ).rowcount == 1


def release(engine: Engine, *, name: str = DEFAULT_LOCK, holder: str) -> None:
    with engine.begin() as conn:
        conn.execute(releasing(name, holder))


def releasing(name: str, holder: str) -> Delete:
    """The statement that releases ``name`` if ``holder`` holds it (a cycle's warm-up runs it too)."""
    return delete(LOCKS).where(LOCKS.c.name == name, LOCKS.c.holder == holder)


def current_holder(engine: Engine, name: str = DEFAULT_LOCK) -> str | None:
    row = _held(engine, name)
    return None if row is None else str(row.holder)


def wait_for(engine: Engine, *, name: str = DEFAULT_LOCK, holder: str, wait: float,
             on_wait: Callable[[RunLockHeld], None] | None = None, poll: float = 0.25,
             stale_after: timedelta = DEFAULT_STALE_AFTER) -> None:
    """Take the lock, waiting up to ``wait`` seconds for its holder to finish.

    ``on_wait`` is called once, when we start waiting (to name the holder); a holder that
    changes while we wait is named again. Raises :class:`RunLockTimeout` when the time is up
    (at once with ``wait=0``).
    """
    start = time.monotonic()
    told: str | None = None
    while True:
        try:
            acquire(engine, name=name, holder=holder, stale_after=stale_after)
            return
        except RunLockHeld as held:
            waited = time.monotonic() - start
            if waited >= wait:
                raise RunLockTimeout(held, waited) from None
            if on_wait is not None and held.holder != told:
                on_wait(held)
            told = held.holder
            time.sleep(min(poll, max(0.0, wait - waited)))
            poll = min(poll * 1.5, 2.0)


@contextmanager
def run_lock(engine: Engine, *, name: str = DEFAULT_LOCK, holder: str | None = None,
             stale_after: timedelta = DEFAULT_STALE_AFTER, wait: float | None = None,
             on_wait: Callable[[RunLockHeld], None] | None = None) -> Iterator[str]:
    """Hold the lock for the ``with`` block; yields the holder string (for heartbeats).

    ``wait=None`` refuses at once with :class:`RunLockHeld`; a number waits that long
    (see :func:`wait_for`)."""
    holder = holder or make_holder()
    if wait is None:
        acquire(engine, name=name, holder=holder, stale_after=stale_after)
    else:
        wait_for(engine, name=name, holder=holder, wait=wait, on_wait=on_wait, stale_after=stale_after)
    try:
        yield holder
    finally:
        release(engine, name=name, holder=holder)
