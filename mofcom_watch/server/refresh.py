"""`serve` serves the store it is given: its feeds are published from that store.

``replay fixtures`` then ``serve`` on the same database used to serve 404s and an empty OPML,
because ``serve`` read a feeds folder nothing had written. Now ``serve`` publishes the store's
feeds into its folder when it starts and again whenever the store changed (a cycle of its own,
a ``run`` from cron, a ``replay``), checked every ``interval`` seconds by a cheap fingerprint, or another
writer left the folder's feeds with self links under another base URL (a cron ``run`` without
``public_base_url`` writes its own port's, which nothing may serve).
It publishes what is stored (no derivation): serving never writes the lists' history.
Unchanged feeds keep their bytes and mtime, so ETags and 304s stay valid.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Engine, func, select

from mofcom_watch.clock import DayPassed, before_today, today
from mofcom_watch.logs import log
from mofcom_watch.publish import (
    PublishResult,
    PublishTarget,
    foreign_feeds,
    other_base_url,
    publish_recorded,
    refuse_clock_behind,
    taken_back,
)
from storage.db import session_factory
from storage.models import Event, HealthIssue, NewsReport, Notice

LOG = logging.getLogger("mofcom_watch.serve")
MARKER = ".store-state"  # in the feeds folder: the fingerprint of the store last published there (never served)
REFRESH_SECONDS = 30.0
GONE = (-1, -1)  # the identity of a store file no longer at its path
MARK_FAILED = "published, but could not write its mark"  # the feeds written, the marker not: said as such (ops31)


class StoreFileGone(Exception):
    """The SQLite file ``serve`` opened is no longer at its path (:meth:`FeedRefresher._follow_the_file`)."""


class ForeignFeeds(Exception):
    """The feeds folder holds another store's feeds (:func:`mofcom_watch.publish.foreign_feeds`): left as it is."""


class FeedRefresher:
    """Publishes the store's feeds into ``target.out_dir`` whenever the folder is older than the store."""

    def __init__(self, engine: Engine, target: PublishTarget, as_of: Callable[[], date],
                 interval: float = REFRESH_SECONDS, *, live: bool = False, preview: bool = False) -> None:
        self.engine, self.target, self.as_of, self.interval = engine, target, as_of, interval
        self.live = live  # the configured feeds folder, today's: never a day before the store's (a clock gone back)
        self.preview = preview  # a past day's feeds in a folder of their own: logged as a preview, not the live feeds
        self.started = today()  # a fixed day not yet past now (serve --as-of <today>) goes into the configured folder
        self._sessions = session_factory(engine)
        from storage.db import sqlite_file

        self._path = sqlite_file(engine.url.render_as_string(hide_password=False))  # None: a database server
        self._file = self._file_identity()  # the SQLite file the engine's connections read
        self._lock = threading.Lock()
        self.last_published: datetime | None = None  # last successful publish by this process
        self.last_error: str | None = None  # why the last attempt failed (None: it did not)
        self.failing: tuple[datetime, str] | None = None  # (since, why) while the attempts raise

    @property
    def marker(self) -> Path:
        return Path(self.target.out_dir) / MARKER

    def fingerprint(self) -> str:
        """What the feeds depend on, in one cheap read: the day, and the size and newest change of
        every table the items come from."""
        with self._sessions() as s:
            parts = [
                self.as_of().isoformat(), self.target.base_url,
                s.execute(select(func.count(), func.max(Event.updated), func.max(Event.occurred),
                                 func.min(Event.id), func.max(Event.id))).one(),
                s.execute(select(func.count(), func.max(HealthIssue.last_seen), func.max(HealthIssue.resolved_at),
                                 func.count(HealthIssue.resolved_at))).one(),
                s.execute(select(func.count(), func.max(NewsReport.id), func.max(NewsReport.snapshot_id))).one(),
                s.execute(select(func.count(), func.max(Notice.updated_at))).one(),
            ]
        return json.dumps(parts, default=str)

    def refresh(self, *, force: bool = False) -> bool:
        """Publish when the store changed since the folder was last published (or ``force``);
        True when it published. Failures are logged and kept for ``/healthz``, never raised."""
        with self._lock:
            started = datetime.now(UTC)
            result: PublishResult | None = None  # set once the feeds are published (the mark written after)
            try:
                self._follow_the_file()
                state = self.fingerprint()
                # another writer (a cron run without public_base_url) left the folder's feeds linking elsewhere:
                # published again, so that what this server serves links to where it serves
                if (not force and self.failing is None and self._marker_text() == state
                        and other_base_url(self.target) is None and self._folder_as_left()):
                    return False  # (while the last attempt failed, each check tries again: /healthz says it)
                # nothing stored yet: no empty feed replaces anything (the first cycle writes), unless it replaces
                # empty feeds linking elsewhere
                if self._empty() and not self._empty_feeds_elsewhere():
                    self.failing = None  # (a store that could be read: a file replaced by an empty one is no more)
                    return False
                if self.live:  # not logged in the store: this is tried again every interval while it lasts
                    refuse_clock_behind(self._sessions, as_of=self.as_of(), target=self.target, record=False)
                    if (foreign := foreign_feeds(self._sessions, self.target, str(self.engine.url), None,
                                                 record=False)) is not None:
                        raise ForeignFeeds(foreign)  # another store's feeds: served as they are, /healthz 503
                    with self._sessions() as session:  # (serving derives nothing: the items are those stored now)
                        if (taken := taken_back(session, self.target)) is not None:
                            raise ForeignFeeds(taken)  # a copy of this store's items, in a folder of its id
                elif not self.preview and (day := self.as_of()) >= self.started and before_today(day):
                    raise DayPassed(day, Path(self.target.out_dir))  # serve --as-of <today>, that day gone: /healthz 503
                result = publish_recorded(self._sessions, as_of=self.as_of(), target=self.target,
                                          derive_events=False, preview=self.preview, guard=False)
                self.marker.write_text(state, encoding="utf-8")
            except Exception as exc:  # noqa: BLE001 - serving goes on; /healthz and the log say so
                why = self._why(exc, publishing=result is None)
                if result is not None:  # published: only the mark of what was published could not be written
                    self.last_published = datetime.now(UTC)
                    why = (f"{MARK_FAILED} {self.marker} ({why}), so the feeds are "
                           "published again at every check until it can be written")
                self.last_error = why
                self.failing = (self.failing[0] if self.failing else started, why)
                log(LOG, logging.ERROR, "could not publish the store's feeds" if result is None else
                    "published the store's feeds, but could not write the mark of what was published", error=why,
                    feeds=str(self.target.out_dir))
                return result is not None
            self.failing = None
            self.last_error = ("; ".join(result.problems) or None) if result.failed else None
            self.last_published = datetime.now(UTC)
            # said when it wrote something, or at start; a check that found the folder as the store's last publisher
            # (its own cycle, a cron run) left it is a debug line: one line a cycle, not two (ops41)
            log(LOG, logging.INFO if force or result.written else logging.DEBUG, "published the store's feeds",
                feeds=result.feeds, written=len(result.written), folder=str(self.target.out_dir))
            return True

    def _folder_as_left(self) -> bool:
        """Whether the folder's feed and picture files are those the last publish into it left (names, sizes, mtimes:
        the publish mark, :mod:`feeds.folder`); True when no publish left a mark there (nothing to compare). Was: a
        feed file deleted by hand or by a cleaner (``systemd-tmpfiles`` on a folder under ``/tmp``, a script pruning
        old files) stayed 404 for its readers while ``/healthz`` said 200, until the store changed (the marker only
        follows the store; a deleted folder took the marker with it, and was published again). One ``stat`` a file
        every 30 s; the publish writes what is missing (the rest is compared, not rewritten)."""
        from feeds.folder import FolderScan
        from mofcom_watch.publish import FEED_SUFFIXES
        from storage.publications import last_mark

        with self._sessions() as session:
            mark = last_mark(session, str(self.target.out_dir))
        return mark is None or FolderScan.of(Path(self.target.out_dir), FEED_SUFFIXES).digest == mark.files

    def _file_identity(self) -> tuple[int, int] | None:
        if self._path is None:
            return None
        try:
            st = os.stat(self._path)
        except OSError:
            return GONE
        return (st.st_dev, st.st_ino)

    def _follow_the_file(self) -> None:
        """Read the SQLite file now at the store's path when it is another one than the engine's connections hold: a
        store restored or rebuilt and moved into place (``mv``) while ``serve`` ran. Was: ``serve`` went on reading
        the deleted file for as long as it ran, its pages and ``/healthz`` (200, ``database: ok``, the last cycle
        frozen at the old file's) telling of a store no longer there, until ``stale_after`` made ``/healthz`` fail
        for good. A file that is gone, empty, not a store or damaged is a publish failure (``/healthz`` 503, why),
        the old file's pages still served; a store is read from its next connection on (``Engine.dispose``)."""
        now = self._file_identity()
        if now == self._file:
            return
        from storage.faults import check_sqlite_store, stale_wal

        path = self._path
        assert path is not None  # (a server's identity is always None)
        if now == GONE:
            raise StoreFileGone(f"the store file {path} is gone (deleted or moved) since serve opened it: serving what "
                                "it held; put the store back, or restart serve on the right --db")
        stale = stale_wal(path)  # the old file's -wal beside the new one: read, it damages it (cli31)
        if stale is not None:
            raise stale  # the engine's connections stay on the old file; closing them at the stop clears that -wal
        check_sqlite_store(path, self.engine.url)  # StoreUnavailable: an empty file, not a store, damaged
        self.engine.dispose()  # the pool's next connections open the file now at the path
        self._file = now
        log(LOG, logging.WARNING, "the store file was replaced while serving: reading the new one", path=str(path))

    def refresh_in_background(self, *, force: bool = False) -> threading.Thread:
        """:meth:`refresh` in a thread of its own (a daemon: a stop does not wait for a publish queued behind another
        writer's lock), for ``serve`` starting on a store another process holds write-locked: the publish waits for
        the lock (the store's busy timeout), the server answers meanwhile from the files last published."""
        thread = threading.Thread(target=self.refresh, kwargs={"force": force}, name="first-publish", daemon=True)
        thread.start()
        return thread

    def store_busy(self) -> bool:
        """Whether another connection holds the store's write lock now (:func:`storage.db.write_locked`)."""
        from storage.db import write_locked

        return write_locked(self.engine.url.render_as_string(hide_password=False))

    def problem(self) -> str | None:
        """The ``/healthz`` problem while publishing fails. Was: none: a store kept write-locked by a paused writer
        (SIGSTOP mid-transaction) failed every publish ("database is locked") and left no record of it (that write
        failed too), so ``/healthz`` said 200 while the feeds folder went stale or was never written."""
        if self.failing is None:
            return None
        since, why = self.failing
        if why.startswith(MARK_FAILED):  # the feeds were published: not said as a failed publish (ops31)
            return f"the store's feeds in {self.target.out_dir} were {why} (since {since:%Y-%m-%d %H:%M} UTC)"
        return f"could not publish the store's feeds into {self.target.out_dir} since {since:%Y-%m-%d %H:%M} UTC: {why}"

    def _why(self, exc: Exception, *, publishing: bool = False) -> str:
        """The failure in a line: a store fault (locked, read-only, full) as every command says it; ``publishing``: an
        error of the file system while the feeds were written, as ``feeds`` says it (:func:`failure_text`)."""
        from mofcom_watch.publish import failure_text
        from storage.faults import store_fault

        fault = store_fault(exc, self.engine.url)
        if fault is not None:
            return str(fault)
        if publishing and isinstance(exc, OSError):
            return failure_text(exc, Path(self.target.out_dir))
        return f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"

    def _empty_feeds_elsewhere(self) -> bool:
        """Whether the folder holds feeds without an item whose links name another base URL (an empty store's
        feeds, published before ``public_base_url`` was set or changed): they are replaced by the same empty feeds
        linking here. Was: an empty store published nothing, so those links kept the old host until the first item
        (ops31). Feeds with items are never replaced by empty ones."""
        from mofcom_watch.publish import feeds_with_items

        return other_base_url(self.target) is not None and not feeds_with_items(Path(self.target.out_dir))

    def _empty(self) -> bool:
        with self._sessions() as s:
            return not s.scalar(select(func.count()).select_from(Notice)) and \
                not s.scalar(select(func.count()).select_from(Event))

    def _marker_text(self) -> str | None:
        try:
            return self.marker.read_text(encoding="utf-8")
        except OSError:
            return None
