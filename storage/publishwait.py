"""A publish in progress, said beside a SQLite store, and a writer that meets one waiting for it.

A publish holds SQLite's write lock from its first read to its record (``mofcom_watch.publish.publish_recorded``): the
feeds are made from one state of the store, and two publishers never write one folder at once. On a large store that
is long: ``serve``'s publish of a store 100 times the fixtures held it 92 s (10,009 feeds; session 36, load 6), past
the busy timeout (30 s) every other writer waits. A cron ``run`` starting then exited 3 "stayed locked by another
process". Now the publishing process holds an exclusive ``flock`` on a file beside the store (:func:`publishing`) while
it publishes, and a writer whose ``BEGIN IMMEDIATE`` gave up past the busy timeout asks that file: while a publish
holds it, it says so in the log and waits for it (at most ``PUBLISH_WAIT`` seconds in all), then asks for the lock
again. Any other holder (a paused process, a long replay) is met as before: the writer gives up, exit 3.
Other databases take no write lock (``WRITE_LOCK`` is SQLite's): on PostgreSQL a publish takes an advisory lock of
its own instead (:func:`one_publisher`), so two publishers (``serve``'s refresh and a cron ``run``, two containers)
never write the feeds at once and the later one reads what the earlier one committed.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Connection, text

log = logging.getLogger(__name__)

MARK_SUFFIX = "-publishing"  # beside the store file, as SQLite's own -wal and -shm: held while a process publishes
PUBLISH_WAIT = 900.0  # seconds a writer waits, in all, for publishes in progress (a 100x store's took 92 s)
POLL = 0.2  # seconds between two looks at the mark while waiting
MARK_MAX = 200  # bytes of the mark's text read (who publishes)
PUBLISHERS = ("serve", "run", "schedule", "feeds")  # the commands that publish feeds
PUBLISH_LOCK_KEY = 0x6D77_7075_626C  # PostgreSQL advisory lock id of "a publish in progress" ("mwpubl")
# the marks this process holds now (its own publishes): a writer of this process meeting one waits without a word.
# Was: told by the mark's pid alone, and every container's process is PID 1: a cron `run` in one container waiting
# behind `serve`'s publish in another took it for its own and logged nothing at all for up to 15 minutes (ops39)
_HELD: set[str] = set()


def mark_path(store: Path) -> Path:
    return store.with_name(store.name + MARK_SUFFIX)


@contextlib.contextmanager
def publishing(store: Path | None) -> Iterator[None]:
    """While the block runs, this process publishes from ``store`` (None: not a SQLite file: nothing to say). Called
    with the write lock held. A mark that cannot be made (a read-only folder, another user's file) is left unsaid:
    the publish goes on, and a writer meeting it gives up as before."""
    if store is None:
        yield
        return
    try:
        fd = os.open(mark_path(store), os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        yield
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            _HELD.add(str(mark_path(store)))
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"pid {os.getpid()} on host {socket.gethostname()} ({_command()})".encode()[:MARK_MAX], 0)
        except OSError:
            pass  # (held by another process while we hold the write lock: a publish of ours cannot be; left unsaid)
        yield
    finally:
        _HELD.discard(str(mark_path(store)))
        with contextlib.suppress(OSError):
            os.utime(fd)  # its end, for the run lock (:func:`ended_within`)
        os.close(fd)  # (releases the flock)


def one_publisher(conn: Connection) -> None:
    """On PostgreSQL, wait (up to ``PUBLISH_WAIT`` seconds) until no other publish of this database is in progress,
    and keep others waiting until ``conn``'s transaction ends. Was: none (ops38): nothing kept serve's refresh and a
    cron ``run`` from publishing at once, and the one that read the store first could commit its feeds last, taking
    back items the other had just published until the next publish. Called first in the publish's transaction: under
    READ COMMITTED each later statement reads what the earlier publisher committed. SQLite's write lock does this."""
    if conn.dialect.name != "postgresql":
        return
    if conn.execute(text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": PUBLISH_LOCK_KEY}).scalar():
        return
    log.warning("another publish of this database is in progress: waiting for it, up to %.0f s", PUBLISH_WAIT)
    conn.execute(text(f"SET LOCAL lock_timeout = '{int(PUBLISH_WAIT)}s'"))
    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PUBLISH_LOCK_KEY})
    conn.execute(text("SET LOCAL lock_timeout TO DEFAULT"))


def _command() -> str:
    """What publishes, for the waiting writer's line: ``mofcom-watch serve``, ``mofcom-watch run``..."""
    return "mofcom-watch " + next((a for a in sys.argv[1:] if a in PUBLISHERS), "?")


def publisher(store: Path) -> str | None:
    """Who publishes from ``store`` now (``pid N on host H (mofcom-watch serve)``: the host names the container), or
    None when no publish is in progress."""
    try:
        fd = os.open(mark_path(store), os.O_RDONLY)
    except OSError:
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return os.pread(fd, MARK_MAX, 0).decode(errors="replace").strip() or "another process"
        except OSError:
            return None
        return None
    finally:
        os.close(fd)


def ended_within(store: Path, seconds: float) -> bool:
    """Whether a publish from ``store`` is in progress or ended less than ``seconds`` ago (the mark's mtime, touched at
    its end). It held SQLite's write lock: a run lock's holder could not write its heartbeat meanwhile, however alive
    (ops37: a publish past the stale limit, and a second writer took a live holder's lock as stale the moment the
    publish ended, before the holder's heartbeat thread, waiting too, got its beat in: the first run exit 3, "lost
    the lock"). :mod:`storage.runlock` gives such a holder that long to beat before judging it by its heartbeat."""
    try:
        ended = os.stat(mark_path(store)).st_mtime
    except OSError:
        return False
    return publisher(store) is not None or time.time() - ended < seconds


def wait_for_publish(store: Path, deadline: float) -> bool:
    """Wait while a publish from ``store`` is in progress, until it ends or ``deadline`` (``time.monotonic``) passes;
    True when one was in progress and ended in time: the caller asks for the write lock again."""
    who = publisher(store)
    if who is None or time.monotonic() >= deadline:
        return False
    ours = str(mark_path(store)) in _HELD  # (this process's own publish: its run lock's heartbeat thread)
    log.log(logging.DEBUG if ours else logging.WARNING, "the store %s is write-locked by a publish in progress (%s): "
            "waiting for it, up to %.0f s more", store, who, deadline - time.monotonic())
    while time.monotonic() < deadline:
        time.sleep(POLL)
        if publisher(store) is None:
            return True
    return False
