"""A database run lock: two cycles on one database never interleave.

One ``RunLock`` row per lock name. Acquiring inserts the row (the primary key makes
exactly one writer win, on SQLite and PostgreSQL alike); a row whose heartbeat is
older than ``stale_after`` belongs to a crashed run and is taken over with a
compare-and-set update. Releasing deletes the row only if we still hold it.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone

from sqlalchemy import delete, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models import RunLock
from storage.vocabulary import naive_as_utc

DEFAULT_LOCK = "cycle"
DEFAULT_STALE_AFTER = timedelta(hours=2)


class RunLockHeld(RuntimeError):
    """Another run holds the lock."""

    def __init__(self, name: str, holder: str, since: datetime) -> None:
        super().__init__(f"another run holds the {name!r} lock: {holder}, since {since.isoformat()}")
        self.name, self.holder, self.since = name, holder, since


def _now() -> datetime:
    return datetime.now(timezone.utc)


def make_holder(run_id: str | None = None) -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{run_id or uuid.uuid4().hex[:12]}"


def acquire(engine: Engine, *, name: str = DEFAULT_LOCK, holder: str, stale_after: timedelta = DEFAULT_STALE_AFTER,
            now: datetime | None = None) -> None:
    """Take the lock or raise :class:`RunLockHeld`."""
    now = naive_as_utc(now or _now())
    try:
        with Session(engine) as session, session.begin():
            session.add(RunLock(name=name, holder=holder, acquired_at=now, heartbeat_at=now))
        return
    except IntegrityError:
        pass
    with Session(engine) as session, session.begin():
        row = session.get(RunLock, name)
        if row is None:  # released in between: try once more
            session.add(RunLock(name=name, holder=holder, acquired_at=now, heartbeat_at=now))
            return
        beat = naive_as_utc(row.heartbeat_at)
        if now - beat < stale_after:
            raise RunLockHeld(name, row.holder, naive_as_utc(row.acquired_at))
        taken = session.execute(
            update(RunLock)
            .where(RunLock.name == name, RunLock.holder == row.holder, RunLock.heartbeat_at == row.heartbeat_at)
            .values(holder=holder, acquired_at=now, heartbeat_at=now)
            .execution_options(synchronize_session=False)
        ).rowcount
        if taken != 1:
            raise RunLockHeld(name, row.holder, naive_as_utc(row.acquired_at))


def heartbeat(engine: Engine, *, name: str = DEFAULT_LOCK, holder: str) -> bool:
    """Refresh the heartbeat; False if the lock is no longer ours."""
    with Session(engine) as session, session.begin():
        return session.execute(
            update(RunLock).where(RunLock.name == name, RunLock.holder == holder).values(heartbeat_at=_now())
            .execution_options(synchronize_session=False)
        ).rowcount == 1


def release(engine: Engine, *, name: str = DEFAULT_LOCK, holder: str) -> None:
    with Session(engine) as session, session.begin():
        session.execute(delete(RunLock).where(RunLock.name == name, RunLock.holder == holder))


def current_holder(engine: Engine, name: str = DEFAULT_LOCK) -> str | None:
    with Session(engine) as session:
        return session.scalars(select(RunLock.holder).where(RunLock.name == name)).one_or_none()


@contextmanager
def run_lock(engine: Engine, *, name: str = DEFAULT_LOCK, holder: str | None = None,
             stale_after: timedelta = DEFAULT_STALE_AFTER) -> Iterator[str]:
    """Hold the lock for the ``with`` block; yields the holder string (for heartbeats)."""
    holder = holder or make_holder()
    acquire(engine, name=name, holder=holder, stale_after=stale_after)
    try:
        yield holder
    finally:
        release(engine, name=name, holder=holder)
