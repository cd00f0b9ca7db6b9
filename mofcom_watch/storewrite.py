"""Whether the SQLite store can be written, for `status` and `/healthz`.

A run that cannot write the store file (made read-only, or bind-mounted read-only, its folder writable) stops with
one line (exit 3) before it can record anything: `status` and `/healthz` read the store as it was and stayed green
until the stale check, 3 hours later, while every run failed (health41 N39). They read the store without writing
it, so they ask the file system instead, as they ask it for free space (:mod:`mofcom_watch.diskspace`): the store
file, its -wal and -shm when there, and its folder (where SQLite makes them). Asked for this process's user: the
one ``status`` is run as (in the container, the runs' user); the line names it.
"""

from __future__ import annotations

import os
from pathlib import Path

SIDE_FILES = ("-wal", "-shm")


def unwritable_store(path: Path | None) -> str | None:
    """The problem line when the SQLite file ``path`` (or a side file of it, or its folder) cannot be written by this
    process; None when it can, or when there is no such file (a PostgreSQL store, a missing file: said elsewhere)."""
    if path is None or not path.is_file():
        return None
    targets = [path, *(Path(f"{path}{side}") for side in SIDE_FILES), path.parent]
    for target in targets:
        if not target.exists() or os.access(target, os.W_OK):
            continue
        what = "folder" if target == path.parent else "file"
        return (f"the store's {what} {target} cannot be written by this user (uid {os.geteuid()}): "
                f"{_why(target)}: every run fails (exit 3) and no change reaches the feeds; make it writable")
    return None


def _why(target: Path) -> str:
    try:
        if os.statvfs(target).f_flag & os.ST_RDONLY:
            return "it is on a read-only file system (mount)"
    except OSError:
        pass
    return "permission denied"
