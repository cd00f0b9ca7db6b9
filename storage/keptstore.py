"""One store kept open between the cycles of a process (``schedule``, ``serve --schedule``, a CLI ``run``).

Opening the store for each cycle and closing it after costs a no-change cycle more than its own work:
closing SQLite's last connection checkpoints the write-ahead log into the file (two fsyncs, 10-20 ms
here), and a new engine compiles every SQL statement again. So the engine is kept, with its pooled
connection, for the next cycle of the same process, and closed when the process exits (``atexit``) or
another store is asked for (one at a time: a test session opening hundreds of stores holds one).

A kept SQLite store is used again only while its file is the one it opened, unchanged since the last
cycle ended (device, inode, size, mtime): a file deleted, replaced, restored or checkpointed by
another process is opened afresh, so no cycle writes to a file no longer there. Its schema is checked
each time, as :func:`storage.db.open_store` does.
"""

from __future__ import annotations

import atexit
import os
import threading
from dataclasses import dataclass

from sqlalchemy import Engine

from storage.db import SCHEMA_HEAD, open_store, sqlite_file, stored_revisions


@dataclass
class _Kept:
    url: str
    engine: Engine
    identity: tuple[int, ...] | None  # the SQLite file's (dev, inode, size, mtime) when last left; None: a server


_slot: list[_Kept] = []
_lock = threading.Lock()


def _identity(url: str) -> tuple[int, ...] | None:
    path = sqlite_file(url)
    if path is None:
        return None
    try:
        st = os.stat(path)
    except OSError:
        return (-1,)  # gone: never equal to a file's
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def kept_store(url: str) -> Engine:
    """The engine of the store at ``url``: the kept one while it still stands, else a new one (kept)."""
    with _lock:
        if _slot:
            kept = _slot[0]
            if kept.url == url and kept.identity == _identity(url) and stored_revisions(kept.engine) == (SCHEMA_HEAD,):
                return kept.engine
            _close()
        engine = open_store(url)
        _slot.append(_Kept(url, engine, _identity(url)))
        return engine


def leave_store(engine: Engine) -> None:
    """A cycle is done with ``engine``: note its file as it is now (what the next cycle expects)."""
    with _lock:
        if _slot and _slot[0].engine is engine:
            _slot[0].identity = _identity(_slot[0].url)


def close_kept_store() -> None:
    """Close the kept store's connections (at exit; a test may call it)."""
    with _lock:
        _close()


def _close() -> None:
    while _slot:
        _slot.pop().engine.dispose()


atexit.register(close_kept_store)
