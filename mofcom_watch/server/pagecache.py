"""Rendered HTML pages kept per version of what they show, served like feed files (ETag, 304, gzip).

A front page costs tens of milliseconds of queries and derivation: under 50 clients it served
150x fewer requests than a feed file. A page depends only on the store, the feeds folder, the
as-of date and the scheduler's times, so it is rendered once per version of those and then served
from memory. The version is read on every request, cheaply (SQLite: ``PRAGMA data_version`` on a
connection of its own, which changes with every commit by any other connection; other databases:
a few aggregates), so a page is never older than the store it is served from.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, func, select

from mofcom_watch.server.feedfiles import Validators, make_etag, validators_for
from storage.db import file_uri, session_factory, sqlite_file
from storage.models import Event, HealthIssue, NewsReport, Notice, Snapshot, SourceRun

MAX_PAGES = 1024  # entity pages per as-of date are many; the oldest rendered go first


@dataclass(frozen=True)
class CachedPage:
    body: bytes
    status: int
    validators: Validators


class StoreVersion:
    """A token that changes whenever anything is committed to the store."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = session_factory(engine)
        self._path = sqlite_file(str(engine.url.render_as_string(hide_password=False)))
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._file_id: tuple[int, int] | None = None

    def __call__(self) -> Hashable:
        if self._path is not None:
            try:
                return self._sqlite_version(self._path)
            except (OSError, sqlite3.Error):
                pass  # no file yet, or it cannot be opened read-only: the aggregates say it
        return self._aggregates()

    def _sqlite_version(self, path: Path) -> Hashable:
        stat = path.stat()
        file_id = (stat.st_dev, stat.st_ino)  # a store replaced by another file starts a new count
        with self._lock:
            if self._conn is None or self._file_id != file_id:
                if self._conn is not None:
                    self._conn.close()
                self._conn = sqlite3.connect(f"{file_uri(path)}?mode=ro", uri=True,
                                             check_same_thread=False, isolation_level=None)
                self._file_id = file_id
            (version,) = self._conn.execute("PRAGMA data_version").fetchone()
            return (file_id, version, id(self._conn))

    def close(self) -> None:
        """Close the read-only connection (at serve's stop): a SQLite store's last connection to close writes its
        write-ahead log into the file and removes it, which a read-only one cannot; left open at exit, it kept the
        ``-wal`` of a stopped ``serve --schedule`` (ops41: the file alone lacked the whole first cycle)."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
                self._file_id = None

    def _aggregates(self) -> Hashable:
        with self._sessions() as s:
            return tuple(tuple(s.execute(q).one()) for q in (
                select(func.count(), func.max(Event.updated), func.max(Event.id)),
                select(func.count(), func.max(HealthIssue.last_seen), func.count(HealthIssue.resolved_at)),
                select(func.count(), func.max(NewsReport.id)),
                select(func.count(), func.max(Notice.updated_at)),
                select(func.count(), func.max(Snapshot.id)),
                select(func.count(), func.max(SourceRun.id), func.max(SourceRun.finished_at)),
            ))


def folder_version(feeds_dir: Path) -> Hashable:
    """Changes when a feed or picture is written, added or removed: files are written by rename,
    which changes the modification time of the folder holding them (one level of sub-folders)."""
    try:
        stamps = [(".", feeds_dir.stat().st_mtime_ns)]
        with os.scandir(feeds_dir) as entries:
            stamps += [(e.name, e.stat().st_mtime_ns) for e in entries if e.is_dir(follow_symlinks=False)]
    except OSError:
        return None
    return tuple(sorted(stamps))


class PageCache:
    """Pages by (path, as-of date), each kept with the version it was rendered from."""

    def __init__(self, max_pages: int = MAX_PAGES) -> None:
        self.max_pages = max_pages
        self._pages: OrderedDict[Hashable, tuple[Hashable, CachedPage]] = OrderedDict()
        self._lock = threading.Lock()
        self._render_lock = threading.Lock()  # 50 clients on a new version wait for one render, not 50

    def get(self, key: Hashable, version: Hashable,
            render: Callable[[], tuple[bytes, int, bool]]) -> CachedPage:
        """The page for ``key`` at ``version``; ``render`` gives (body, status, cacheable): a page
        with a section that failed is served but not kept, so the next request tries again."""
        hit = self._lookup(key, version)
        if hit is not None:
            return hit
        with self._render_lock:
            hit = self._lookup(key, version)
            if hit is not None:
                return hit
            body, status, cacheable = render()
            with self._lock:
                before = self._pages.get(key)
            # Last-Modified moves on with every render, even within the same second: a client that
            # revalidates by date alone must not get a 304 for a page rendered from an older store
            mtime = max(time.time(), before[1].validators.mtime + 1) if before else time.time()
            page = CachedPage(body, status, validators_for(make_etag(body), mtime))
            if cacheable:
                with self._lock:
                    self._pages[key] = (version, page)
                    self._pages.move_to_end(key)
                    while len(self._pages) > self.max_pages:
                        self._pages.popitem(last=False)
            return page

    def _lookup(self, key: Hashable, version: Hashable) -> CachedPage | None:
        with self._lock:
            found = self._pages.get(key)
            if found is None or found[0] != version:
                return None
            self._pages.move_to_end(key)
            return found[1]
