"""A database run lock: two cycles on one database never interleave.

One ``RunLock`` row per lock name. Acquiring inserts the row (the primary key makes
exactly one writer win, on SQLite and PostgreSQL alike); a row whose holder is dead is
taken over with a compare-and-set update. Releasing deletes the row only if we still
hold it. :func:`run_lock` can wait for the lock, saying once who holds it, and keeps its
heartbeat fresh from a thread (every ``HEARTBEAT_EVERY`` seconds) for as long as it is held.

When is a holder dead? The holder string ``host:pid:run:ns`` records the holder's PID
namespace (``ns``: a digest of the boot id and of ``/proc/self/ns/pid``'s identity).

- A holder provably in our own PID namespace (same ``ns``) is judged by its pid alone: dead
  when the pid is gone, a zombie, or a process started after the lock was taken (a restarted
  container's PID 1); alive otherwise, however old its heartbeat (a suspended machine, a
  stopped process: it may go on writing when it wakes, so it keeps the lock).
- Any other holder (another container, host or boot; a namespace we cannot identify) is dead
  when its heartbeat is ``stale_after`` old (``DEFAULT_STALE_AFTER``, a few minutes: ten missed
  beats). A host name proves nothing: containers share them (``--hostname``, ``--network host``)
  and each has its own PID 1.
- A holder written by an older version (``host:pid:run``, no namespace; or any other string)
  beat only between fetches and counted on a 2-hour limit: it goes stale after
  ``LEGACY_STALE_AFTER``.
- A row whose heartbeat cannot be read as a time (written by another tool or version: an epoch number, a
  word; or a time more than ``stale_after`` ahead of ours, as a local time stored for UTC reads) cannot be
  judged by it: it is taken over once this process has seen it, unchanged, for ``stale_after`` (a
  warning says so when it is first seen), so a run waiting ``lock_wait_seconds`` or the scheduler's
  next cycle takes it, never no run ever again. Times are read leniently (with or without microseconds,
  ``T`` or space, ``Z`` or an offset).

A holder whose lock was taken over (its heartbeats were stale: a paused container, a suspended
machine) learns it at its next heartbeat; :meth:`HeldLock.ensure` raises :class:`RunLockLost` then,
and the cycle calls it before it publishes. Between waking and that beat it may still be mid-page: so
every write transaction on the engine, while the lock is held, is *fenced* (:func:`fence`): before it
commits, it reads the lock row in that same transaction and is refused (rolled back, :class:`RunLockFenced`,
the run stops) unless the row still names us. The check holds until the commit: on SQLite the
transaction has written, so it holds the file's write lock and no takeover can commit before it; on
PostgreSQL the row is read ``FOR SHARE``, so a takeover's update waits for our commit. A transaction that
writes files too (the publish) calls :func:`fence` first, so its files are covered as well.

Clocks: on SQLite (one host) heartbeats and staleness use the host's clock; on a shared server
(PostgreSQL) the database server's (``CURRENT_TIMESTAMP``), so hosts whose clocks disagree never judge
a live holder stale, nor a dead one fresh. ``acquired_at`` keeps the holder's own clock: it is compared
with process start times on the holder's host only.
"""

from __future__ import annotations

import _thread
import hashlib
import logging
import os
import socket
import threading
import time
import uuid
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import Delete, String, delete, event, func, insert, select, type_coerce, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.sql.elements import ColumnElement

from storage.db import WRITE_LOCK, sqlite_path
from storage.faults import StoreUnavailable
from storage.models import RunLock
from storage.publishwait import ended_within
from storage.vocabulary import naive_as_utc

log = logging.getLogger(__name__)


def _env_seconds(name: str, default: float) -> float:
    """A tuning knob from the environment (seconds > 0), the default when unset or unusable."""
    try:
        value = float(os.environ.get(name, ""))
    except ValueError:
        return default
    return value if 0 < value < 86400 else default


DEFAULT_LOCK = "cycle"
# seconds between a held lock's heartbeats (a thread's, whatever the cycle is doing)
HEARTBEAT_EVERY = _env_seconds("MOFCOM_WATCH_LOCK_HEARTBEAT", 30.0)
# a holder not in our PID namespace is gone when its heartbeat is this old (ten missed heartbeats by default)
DEFAULT_STALE_AFTER = timedelta(seconds=max(_env_seconds("MOFCOM_WATCH_LOCK_STALE", 300.0), 3 * HEARTBEAT_EVERY))
LEGACY_STALE_AFTER = timedelta(hours=2)  # holders of older versions beat only between fetches
# after a publish of a SQLite store (which held its write lock, so no heartbeat got through), how long a holder judged
# by its heartbeat is given to beat before it counts as stale: its heartbeat thread was waiting for the same lock
PUBLISH_GRACE = max(2 * HEARTBEAT_EVERY, 10.0)
NO_NAMESPACE = "-"  # the namespace field of a holder that could not identify its PID namespace
# The lock's table, used in plain SQL: a cycle takes the lock first, and the ORM would set up every mapper for it
# (0.02 s) before the first request is sent; this way that happens while the request waits on the network.
LOCKS = RunLock.__table__
_held_here: set[str] = set()  # holders this process holds now (acquired, not released)


class RunLockHeld(RuntimeError):
    """Another run holds the lock."""

    def __init__(self, name: str, holder: str, since: datetime | None) -> None:
        when = since.isoformat(timespec="seconds") if since is not None else "a time that cannot be read"
        super().__init__(f"another run holds the {name!r} lock: {describe_holder(holder)}, since {when}")
        self.name, self.holder, self.since = name, holder, since


class RunLockTimeout(RunLockHeld):
    """We waited for the lock as long as we were told to; the holder still has it."""

    def __init__(self, held: RunLockHeld, waited: float) -> None:
        RuntimeError.__init__(self, f"gave up after waiting {waited:.0f} s: {held}")
        self.name, self.holder, self.since, self.waited = held.name, held.holder, held.since, waited


class RunLockLost(RunLockHeld):
    """Our lock was taken over while we held it (our heartbeats had gone stale): we must stop writing."""

    def __init__(self, name: str, holder: str, why: str) -> None:
        RuntimeError.__init__(self, f"lost the {name!r} lock ({why}): stopped before publishing; "
                                    "the run that took it over publishes")
        self.name, self.holder, self.since = name, holder, _now()


class RunLockFenced(RunLockLost, StoreUnavailable):
    """A write transaction found the lock taken over (:func:`fence`): it was refused, the run stops (a resource
    fault of the run: the pipeline stops at it as at a full disk)."""


class Holder:
    """A holder string's fields: ``host:pid:run:ns`` (this version), ``host:pid:run`` (older versions)."""

    __slots__ = ("host", "pid", "run", "ns")

    def __init__(self, host: str, pid: int, run: str, ns: str | None) -> None:
        self.host, self.pid, self.run, self.ns = host, pid, run, ns

    @classmethod
    def parse(cls, holder: str) -> Holder | None:
        parts = holder.split(":")
        if len(parts) < 3 or not parts[1].isdigit():
            return None
        if len(parts) >= 4 and (parts[-1] == NO_NAMESPACE or _is_digest(parts[-1])):
            return cls(parts[0], int(parts[1]), ":".join(parts[2:-1]), parts[-1])
        return cls(parts[0], int(parts[1]), ":".join(parts[2:]), None)  # an older version's: no namespace


def _is_digest(text: str) -> bool:
    return len(text) == 16 and all(c in "0123456789abcdef" for c in text)


def describe_holder(holder: str) -> str:
    """``host:pid:run[:ns]`` -> ``pid 123 on host h (run r)``; any other holder string as is."""
    parsed = Holder.parse(holder)
    if parsed is None:
        return holder
    return f"pid {parsed.pid} on host {parsed.host} (run {parsed.run})"


def pid_namespace() -> str:
    """This process's PID namespace on this boot, as a 16-digit digest, or ``NO_NAMESPACE`` when it cannot be
    told (no /proc, or a /proc that is not our namespace's: its ``self`` is not our pid, so its pids are not
    ours either). Two processes with the same digest see the same pids: one judges the other's pid."""
    try:
        if os.readlink("/proc/self") != str(os.getpid()):
            return NO_NAMESPACE
        ns = os.stat("/proc/self/ns/pid")
        with open("/proc/sys/kernel/random/boot_id", "rb") as fh:
            boot = fh.read().strip()
    except OSError:
        return NO_NAMESPACE
    if not boot:
        return NO_NAMESPACE
    return hashlib.sha256(b"%s/%d/%d" % (boot, ns.st_dev, ns.st_ino)).hexdigest()[:16]


def _same_namespace(parsed: Holder | None) -> bool:
    """The holder is provably a process of our own PID namespace on this boot: its pid is one we can judge."""
    return parsed is not None and parsed.ns not in (None, NO_NAMESPACE) and parsed.ns == pid_namespace()


def _pid_is_dead(holder: str, pid: int, acquired_at: datetime) -> bool:
    """A holder of our own PID namespace is gone, a zombie, or its pid now belongs to a process started after the
    lock was taken (a restarted container's PID 1 included)."""
    if pid == os.getpid():  # ours: held now by this process (another thread), or left by an earlier cycle of it
        return holder not in _held_here
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


STOPPED = (b"T", b"t")  # /proc/PID/stat states: stopped by a signal (SIGSTOP, SIGTSTP, a frozen cgroup), traced


def _stopped(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0] in STOPPED
    except (OSError, IndexError):
        return False


def stuck(engine: Engine, *, name: str = DEFAULT_LOCK, stale_after: timedelta = DEFAULT_STALE_AFTER) -> str | None:
    """A line for ``status`` and ``/healthz`` when the run lock's holder is stopped (in our PID namespace: SIGSTOP, a
    paused container) or has not beaten for ``stale_after``; None when nobody holds it, its holder beats, or it is a
    dead process of our namespace (the next run takes it over at once). Was: nothing said so: every cron ``run``
    waited for a stopped holder and exited 3 while ``status`` listed a clean store."""
    with engine.connect() as conn:
        row, server_now = _read(conn, name, server_clock(engine))
    if row is None:
        return None
    now = server_now or _now()
    parsed = Holder.parse(row.holder)
    ours, pid = _same_namespace(parsed), parsed.pid if parsed is not None else 0
    if ours and row.acquired_at is not None and _pid_is_dead(row.holder, pid, row.acquired_at):
        return None
    silent = row.heartbeat_at is not None and now - row.heartbeat_at >= stale_after
    why = []
    if ours and _stopped(pid):
        why.append(f"its process is stopped (SIGSTOP, a paused container: kill -CONT {pid} lets it go on)")
    if silent:
        assert row.heartbeat_at is not None
        why.append(f"no heartbeat for {int((now - row.heartbeat_at).total_seconds() // 60)} min")
    if not why:
        return None
    since = f" since {row.acquired_at:%Y-%m-%d %H:%M} UTC" if row.acquired_at is not None else ""
    then = ("each run waits for it and exits 3" if ours else
            "the next run takes it over, unless the holder is paused inside a write to a SQLite store: then every "
            "writer stops after busy_timeout, exit 3")
    return f"the run lock is held by {describe_holder(row.holder)}{since}: {'; '.join(why)}; {then}"


def make_holder(run_id: str | None = None) -> str:
    """``host:pid:run:ns``: who we are, and the PID namespace our pid means something in."""
    return f"{socket.gethostname()}:{os.getpid()}:{run_id or uuid.uuid4().hex[:12]}:{pid_namespace()}"


LOCK_OPTION = "mofcom_watch_run_lock"  # execution option of the lock's own statements: never fenced
PG_LOCK_NOT_AVAILABLE = "55P03"  # a takeover's NOWAIT read found the row locked: its holder is mid-write


def server_clock(engine: Engine) -> ColumnElement[datetime] | None:
    """The clock heartbeats are written and judged with: the database server's on a server several hosts share
    (``CURRENT_TIMESTAMP``), None on SQLite (one host: its own clock, :func:`_now`)."""
    return None if engine.dialect.name == "sqlite" else func.current_timestamp()


EPOCH_RANGE = (1e9, 1e10)  # seconds since 1970 that are a time of this century (2001-2286): an epoch stamp


def read_time(value: object) -> datetime | None:
    """A stored time as another tool or version may have written it, or None when it is no time: a datetime, ISO
    8601 text with or without microseconds, ``T`` or a space, ``Z`` or an offset (naive: UTC), or epoch
    seconds (a number, or digits)."""
    if isinstance(value, datetime):
        return naive_as_utc(value)
    if isinstance(value, str):
        text = value.strip()
        try:
            return naive_as_utc(datetime.fromisoformat(text))
        except ValueError:
            try:
                value = float(text)
            except ValueError:
                return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and EPOCH_RANGE[0] <= value < EPOCH_RANGE[1]:
        return datetime.fromtimestamp(value, timezone.utc)
    return None


@dataclass(frozen=True)
class LockRow:
    """The lock's row as stored, its times read leniently (None: unreadable; ``raw_heartbeat`` as stored)."""

    holder: str
    acquired_at: datetime | None
    heartbeat_at: datetime | None
    raw_heartbeat: object


def _read(conn: Connection, name: str, clock: ColumnElement[datetime] | None, *, take: bool = False
          ) -> tuple[LockRow | None, datetime | None]:
    """The lock's row (None: nobody holds it) and the server's clock now (None: the host's). ``take``: the row
    locked for a takeover (PostgreSQL: NOWAIT, a holder mid-write keeps it). The times are read as stored
    (:func:`read_time`): a row another tool wrote must not stop every run."""
    columns = [LOCKS.c.holder, type_coerce(LOCKS.c.acquired_at, String).label("acquired_at"),
               type_coerce(LOCKS.c.heartbeat_at, String).label("heartbeat_at")]
    if clock is not None:
        columns.append(clock.label("server_now"))
    query = select(*columns).where(LOCKS.c.name == name)
    if take and conn.dialect.name != "sqlite":  # (SQLite: the transaction is write-locked)
        query = query.with_for_update(nowait=True)
    found = conn.execute(query).first()
    row = None if found is None else LockRow(str(found.holder), read_time(found.acquired_at),
                                             read_time(found.heartbeat_at), found.heartbeat_at)
    if clock is None:
        return row, None
    server_now = conn.execute(select(clock)).scalar_one() if found is None else found.server_now
    return row, naive_as_utc(server_now)


def acquire(engine: Engine, *, name: str = DEFAULT_LOCK, holder: str, stale_after: timedelta = DEFAULT_STALE_AFTER,
            now: datetime | None = None) -> None:
    """Take the lock or raise :class:`RunLockHeld`. ``now`` (tests): the time on every clock, the server's too."""
    clock = server_clock(engine) if now is None else None
    now = naive_as_utc(now or _now())  # acquired_at: the holder's clock (judged against its host's processes)
    with engine.connect() as conn:  # a plain read first: a waiting run never queues for SQLite's write lock
        row, server_now = _read(conn, name, clock)
    if row is not None and not _takeable(name, row, server_now or now, stale_after, _published(engine)):
        raise RunLockHeld(name, row.holder, row.acquired_at)
    beat = now if clock is None else clock
    taking = insert(LOCKS).values(name=name, holder=holder, acquired_at=now, heartbeat_at=beat)
    try:
        with _lock_transaction(engine) as conn:
            conn.execute(taking)
        _held_here.add(holder)
        return
    except IntegrityError:
        pass
    try:
        with _lock_transaction(engine) as conn:  # read-then-update, write-locked
            row, server_now = _read(conn, name, clock, take=True)
            if row is None:  # released in between: try once more
                conn.execute(taking)
                _held_here.add(holder)
                return
            if not _takeable(name, row, server_now or now, stale_after, _published(engine)):
                raise RunLockHeld(name, row.holder, row.acquired_at)
            # the row cannot change under us (SQLite: this transaction holds the write lock; elsewhere: the row
            # is locked FOR UPDATE): matched on its holder, not on its heartbeat, whose stored text another tool
            # may have written without microseconds (a bound datetime never equals it: never taken over)
            taken = conn.execute(
                update(LOCKS).where(LOCKS.c.name == name, LOCKS.c.holder == row.holder)
                .values(holder=holder, acquired_at=now, heartbeat_at=beat)
            ).rowcount
            if taken != 1:
                raise RunLockHeld(name, row.holder, row.acquired_at)
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) != PG_LOCK_NOT_AVAILABLE:
            raise
        holding = _held(engine, name)  # its holder is mid-write (a fenced transaction): it is alive
        raise RunLockHeld(name, holding.holder if holding else "?", holding.acquired_at if holding else now) from None
    _held_here.add(holder)


@contextmanager
def _lock_transaction(engine: Engine, options: dict[str, Any] | None = None) -> Iterator[Connection]:
    """A transaction of the lock's own (taking, beating, releasing): never fenced; write-locked from its start, so that
    a publish in progress is waited for (:mod:`storage.publishwait`; each of them writes)."""
    with engine.connect() as conn:
        conn.execution_options(**{LOCK_OPTION: True, **WRITE_LOCK, **(options or {})})
        with conn.begin():
            yield conn


def running(engine: Engine, *, name: str = DEFAULT_LOCK, stale_after: timedelta = DEFAULT_STALE_AFTER) -> bool:
    """Whether a holder that may be alive has the lock now (a run in progress, or a stopped one: :func:`stuck`): not a
    dead process of our PID namespace, nor one elsewhere silent past ``stale_after``."""
    with engine.connect() as conn:
        row, server_now = _read(conn, name, server_clock(engine))
    if row is None:
        return False
    parsed = Holder.parse(row.holder)
    if _same_namespace(parsed) and row.acquired_at is not None:
        assert parsed is not None
        return not _pid_is_dead(row.holder, parsed.pid, row.acquired_at)
    return row.heartbeat_at is None or (server_now or _now()) - row.heartbeat_at < stale_after


def _held(engine: Engine, name: str) -> LockRow | None:
    """The lock's row, if someone holds it."""
    with engine.connect() as conn:
        return _read(conn, name, None)[0]


_unreadable_since: dict[tuple[str, str, str], float] = {}  # (lock, holder, heartbeat as stored) -> first seen


def _published(engine: Engine) -> bool:
    """Whether a publish of this SQLite store is in progress or ended within :data:`PUBLISH_GRACE`
    (:func:`storage.publishwait.ended_within`; never for other databases, whose publishes lock no heartbeat out)."""
    path = sqlite_path(engine.url)
    return path is not None and ended_within(path, PUBLISH_GRACE)


def _takeable(name: str, row: LockRow, now: datetime, stale_after: timedelta, published: bool = False) -> bool:
    """The holder is dead: judged by its pid when it is provably in our PID namespace, else by its heartbeat
    (``now``: on the clock the heartbeats are written with, :func:`server_clock`); a heartbeat that cannot be
    read (or lies ahead by more than ``stale_after``) by how long this process has seen the row unchanged.
    ``published``: a publish held the store's write lock until a moment ago (:func:`_published`), so no heartbeat
    could get through: a heartbeat gone stale is not judged until the holder had :data:`PUBLISH_GRACE` to beat."""
    parsed = Holder.parse(row.holder)
    if _same_namespace(parsed) and row.acquired_at is not None:
        assert parsed is not None
        return _pid_is_dead(row.holder, parsed.pid, row.acquired_at)
    if parsed is None or parsed.ns is None:  # an older version's holder (or a name): it beat far less often
        stale_after = max(stale_after, LEGACY_STALE_AFTER)
    if row.heartbeat_at is not None and row.heartbeat_at - now < stale_after:
        return now - row.heartbeat_at >= stale_after and not published
    key = (name, row.holder, repr(row.raw_heartbeat))
    if key not in _unreadable_since:
        _unreadable_since[key] = time.monotonic()
        log.warning("run lock %r: the heartbeat %r of its holder %s %s (written by another tool or version?): "
                    "taken over if it is still there in %.0f s", name, row.raw_heartbeat, describe_holder(row.holder),
                    "cannot be read as a time" if row.heartbeat_at is None else f"is ahead of now ({now:%Y-%m-%d %H:%M:%S} UTC)",
                    stale_after.total_seconds())
    return time.monotonic() - _unreadable_since[key] >= stale_after.total_seconds()


def heartbeat(engine: Engine, *, name: str = DEFAULT_LOCK, holder: str) -> bool:
    """Refresh the heartbeat (on the server's clock where there is one); False if the lock is no longer ours."""
    clock = server_clock(engine)
    with _lock_transaction(engine) as conn:
        return conn.execute(
            update(LOCKS).where(LOCKS.c.name == name, LOCKS.c.holder == holder)
            .values(heartbeat_at=_now() if clock is None else clock)
        ).rowcount == 1


def release(engine: Engine, *, name: str = DEFAULT_LOCK, holder: str) -> None:
    try:
        with _lock_transaction(engine) as conn:
            conn.execute(releasing(name, holder))
    finally:  # a row left behind (the database failed) is this process's to take over at its next cycle
        _held_here.discard(holder)


def let_go(exc: BaseException) -> None:
    """Drop what the frames an interrupt unwound still hold. Ctrl-C or SIGTERM (``Terminated``) inside SQLAlchemy,
    after the driver ran a statement of a write transaction, leaves its SQLite cursor in those frames: the connection,
    closed as invalid, lives on holding the write lock until they go, and :func:`run_lock`'s release waited out the
    busy timeout (30 s), then exit 3, "locked by another process" (cli30: replay interrupted, 2 times in 40)."""
    import traceback

    unwound: BaseException | None = exc
    while unwound is not None:
        traceback.clear_frames(unwound.__traceback__)  # frames still running (ours, the caller's) are skipped
        unwound = unwound.__context__ or unwound.__cause__


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

    ``on_wait`` is called once, when we meet the holder (to name it), unless ``wait`` is 0 (the timeout names it in
    one line); also when the first try took the whole ``wait``, as it can on a loaded machine. A holder that changes
    while we wait is named again. Raises :class:`RunLockTimeout` when the time is up (at once with ``wait=0``).
    """
    start = time.monotonic()
    told: str | None = None
    while True:
        try:
            acquire(engine, name=name, holder=holder, stale_after=stale_after)
            return
        except RunLockHeld as held:
            waited = time.monotonic() - start
            if on_wait is not None and held.holder != told and wait > 0:  # also when the first try took it all
                on_wait(held)
            told = held.holder
            if waited >= wait:
                raise RunLockTimeout(held, waited) from None
            time.sleep(min(poll, max(0.0, wait - waited)))
            poll = min(poll * 1.5, 2.0)


# --- fencing: while a lock is held, a write transaction on its engine commits only if the lock is still ours

_fences: dict[Engine, tuple[HeldLock, ...]] = {}  # the locks this process holds now, by engine
_hooked: weakref.WeakSet[Engine] = weakref.WeakSet()  # engines whose transactions are watched (_began, _committing)
CHANGES_AT_BEGIN = "mofcom_watch_changes_at_begin"  # SQLite: the connection's total_changes when its transaction began


def _guard(held: HeldLock) -> None:
    engine = held.engine
    if engine not in _hooked:
        event.listen(engine, "begin", _began)
        event.listen(engine, "commit", _committing)
        _hooked.add(engine)
    _fences[engine] = (*_fences.get(engine, ()), held)


def _unguard(held: HeldLock) -> None:
    left = tuple(h for h in _fences.get(held.engine, ()) if h is not held)
    if left:
        _fences[held.engine] = left
    else:
        _fences.pop(held.engine, None)


def _began(conn: Connection) -> None:
    if conn.engine in _fences and conn.engine.dialect.name == "sqlite":
        conn.info[CHANGES_AT_BEGIN] = conn.connection.dbapi_connection.total_changes  # type: ignore[union-attr]


def _committing(conn: Connection) -> None:
    """The engine's commit hook: a transaction that wrote, while we hold a lock, is checked before it commits."""
    held = _fences.get(conn.engine)
    if not held or conn.get_execution_options().get(LOCK_OPTION):
        return
    if conn.engine.dialect.name == "sqlite":
        if conn.connection.dbapi_connection.total_changes == conn.info.get(CHANGES_AT_BEGIN):  # type: ignore[union-attr]
            return  # it wrote nothing
        _check(conn, held)
    else:
        _check(conn, held, only_if_written=True)


# PostgreSQL: FOR SHARE, so a takeover (an UPDATE of the row) waits until this transaction ends
FENCE_SQL = {
    "sqlite": "SELECT holder FROM run_lock WHERE name = ?",
    "postgresql": "SELECT holder FROM run_lock WHERE name = %(name)s FOR SHARE",
}
# a transaction with no transaction id has written nothing (nor locked a row): nothing to fence
FENCE_IF_WRITTEN_SQL = ("SELECT CASE WHEN txid_current_if_assigned() IS NULL THEN %(holder)s ELSE "
                        "(SELECT holder FROM run_lock WHERE name = %(name)s FOR SHARE) END")


def _check(conn: Connection, held: tuple[HeldLock, ...], *, only_if_written: bool = False) -> None:
    dialect = conn.engine.dialect.name
    for lock in held:
        if dialect == "sqlite":
            found = _scalar(conn, FENCE_SQL[dialect], (lock.lock_name,))
        else:
            sql = FENCE_IF_WRITTEN_SQL if only_if_written else FENCE_SQL.get(dialect, FENCE_SQL["postgresql"])
            found = _scalar(conn, sql, {"name": lock.lock_name, "holder": str(lock)})
        if found != str(lock):
            lock.lost = "another run took it over after our heartbeats had stopped" + (
                "" if found is not None else ", and has released it since")
            raise RunLockFenced(lock.lock_name, str(lock), lock.lost)


def _scalar(conn: Connection, sql: str, params: Any) -> Any:
    """One value, read on the transaction's own DBAPI connection (a third of the cost of a SQLAlchemy execution:
    this runs before every commit that wrote); a failure is raised as SQLAlchemy's, so store faults read it."""
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    except Exception as exc:
        raise DBAPIError.instance(sql, params, exc, conn.engine.dialect.loaded_dbapi.Error) from exc
    finally:
        cursor.close()
    return None if row is None else row[0]


def fence(conn: Connection) -> None:
    """Raise :class:`RunLockFenced` unless every run lock this process holds on ``conn``'s engine is still ours,
    and keep it ours until ``conn``'s transaction ends (for a transaction that writes files as well as rows:
    the files are fenced too). On SQLite, call it in a write-locked transaction (``WRITE_LOCK``); elsewhere the
    row is read FOR SHARE. Nothing to do when no lock is held on the engine."""
    held = _fences.get(conn.engine)
    if held:
        _check(conn, held)


def _boot_clock() -> float:
    """Seconds that go on while the machine is suspended (CLOCK_BOOTTIME; the wall clock elsewhere): how old a
    heartbeat has grown, as the other writers see it."""
    try:
        return time.clock_gettime(time.CLOCK_BOOTTIME)  # type: ignore[attr-defined,unused-ignore]
    except (AttributeError, OSError):
        return time.time()


class HeldLock(str):
    """The holder string of a held lock (what :func:`run_lock` yields), whose heartbeat a thread keeps fresh
    every ``every`` seconds, whatever the holder is doing (a slow fetch, a long publish), until it is released.

    :meth:`ensure` raises :class:`RunLockLost` when the lock was taken over (a heartbeat found another holder)
    or may have been (no heartbeat got through for ``stale_after``: a suspended machine, a paused container, a
    database out of reach). A cycle calls it before it publishes."""

    engine: Engine
    lock_name: str
    stale_after: timedelta
    every: float
    lost: str | None
    last_beat: float
    _mutex: threading.Lock
    _stop: threading.Event

    def __new__(cls, holder: str, engine: Engine, name: str, stale_after: timedelta,
                every: float = HEARTBEAT_EVERY) -> HeldLock:
        self = super().__new__(cls, holder)
        self.engine, self.lock_name, self.stale_after, self.every = engine, name, stale_after, every
        self.lost = None
        self.last_beat = _boot_clock()  # (the row's heartbeat was written at acquiring, a moment before)
        self._mutex = threading.Lock()
        self._stop = threading.Event()
        return self

    def start(self) -> None:
        _guard(self)  # from now on, a write transaction on the engine commits only while the lock is ours
        # the low-level start returns at once (threading.Thread.start waits until the thread runs: milliseconds
        # on a busy machine, before the cycle's first request)
        _thread.start_new_thread(self._beats, ())

    def stop(self) -> None:
        """No heartbeat after this returns (one being sent is waited for): the lock can be released."""
        self._stop.set()
        with self._mutex:
            pass
        _unguard(self)

    def _beats(self) -> None:
        while not self._stop.wait(self.every):
            self.beat()

    def beat(self) -> bool:
        """One heartbeat now; False when it did not get through (a database fault) or the lock is not ours."""
        with self._mutex:
            if self.lost is not None or self._stop.is_set():
                return False
            sent = _boot_clock()
            try:
                ours = heartbeat(self.engine, name=self.lock_name, holder=str(self))
            except Exception as exc:  # noqa: BLE001 - the next beat retries; ensure() says when it matters
                log.warning("run lock heartbeat failed (retried in %.0f s): %s", self.every, exc)
                return False
            if not ours:
                self.lost = "another run took it over after our heartbeats had stopped"
                log.debug("run lock %r lost: %s", self.lock_name, self.lost)  # ensure() raises it: one line
                return False
            self.last_beat = sent
            return True

    def ensure(self) -> None:
        """Raise :class:`RunLockLost` unless the lock is still ours (beating now if the last beat is older than
        ``every``: right after a suspend, the thread's own beat may be a while away)."""
        if self.lost is None and _boot_clock() - self.last_beat >= self.every:
            self.beat()
        if self.lost is None and _boot_clock() - self.last_beat >= self.stale_after.total_seconds():
            self.lost = f"no heartbeat got through for {self.stale_after.total_seconds():.0f} s"
        if self.lost is not None:
            raise RunLockLost(self.lock_name, str(self), self.lost)


@contextmanager
def run_lock(engine: Engine, *, name: str = DEFAULT_LOCK, holder: str | None = None,
             stale_after: timedelta = DEFAULT_STALE_AFTER, wait: float | None = None,
             on_wait: Callable[[RunLockHeld], None] | None = None,
             every: float = HEARTBEAT_EVERY) -> Iterator[HeldLock]:
    """Hold the lock for the ``with`` block; yields the holder (a :class:`HeldLock`), whose heartbeat a thread
    refreshes every ``every`` seconds meanwhile.

    ``wait=None`` refuses at once with :class:`RunLockHeld`; a number waits that long
    (see :func:`wait_for`)."""
    holder = holder or make_holder()
    if wait is None:
        acquire(engine, name=name, holder=holder, stale_after=stale_after)
    else:
        wait_for(engine, name=name, holder=holder, wait=wait, on_wait=on_wait, stale_after=stale_after)
    held = HeldLock(holder, engine, name, stale_after, every)
    try:
        held.start()
        yield held
    except BaseException as exc:
        if not isinstance(exc, Exception):
            let_go(exc)
        raise
    finally:
        held.stop()
        release(engine, name=name, holder=holder)
