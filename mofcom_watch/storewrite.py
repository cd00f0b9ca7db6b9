"""Whether the SQLite store can be written, and whether the last run could, for `status` and `/healthz`.

A run that cannot write the store file (made read-only, or bind-mounted read-only, its folder writable) stops with
one line (exit 3) before it can record anything: `status` and `/healthz` read the store as it was and stayed green
until the stale check, 3 hours later, while every run failed (health41 N39). They read the store without writing
it, so they ask the file system instead, as they ask it for free space (:mod:`mofcom_watch.diskspace`): the store
file, its -wal and -shm when there, and its folder (where SQLite makes them). Asked for this process's user: the
one ``status`` is run as (in the container, the runs' user); the line names it.

What the file system does not show, a run says: a run stopped by a fault of the store itself (a file size limit, a
quota, an I/O error: it could not write even its own record; health42, a run under ``ulimit -f`` exit 3 with status
green) leaves a line beside the store file (``-run-failed``, as SQLite's -wal and the ``-publishing`` mark), which
readers say until a later run finishes (and removes it). Best effort: on a disk where nothing can be written, the
free space check says it.

A run that could write the store but not checkpoint it (a file size limit or a quota just above the file: the -wal
grows, the file cannot) finished, exit 0, its items published, while SQLite ignored every checkpoint's I/O error:
the file alone was malformed, whole only with its -wal beside it, and a copy of the file (deploy.md's backup of a
stopped store) a broken store (health42 FS+20000). So ``run`` checkpoints at its end (``wal_checkpoint(TRUNCATE)``)
and says a failure: a warning on its stderr and a line beside the store (``-not-checkpointed``) that ``status`` and
``/healthz`` say (a warning: the store is whole and the feeds right) while the -wal is still there.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

SIDE_FILES = ("-wal", "-shm")
FAULT_SUFFIX = "-run-failed"  # beside the store file: the last run could not write the store (its line)
FAULT_MAX = 1000  # bytes of the line read back
CHECKPOINT_SUFFIX = "-not-checkpointed"  # beside the store file: the last run's checkpoint failed (its line)
PERMISSION = "permission denied"  # why a file is not writable, where no read-only mount is
CHECKPOINT_WAIT = 2.0  # seconds a checkpoint waits for another connection (a busy store is no failure)


def unwritable_store(path: Path | None) -> str | None:
    """The problem line when the SQLite file ``path`` (or a side file of it, or its folder) cannot be written by this
    process, nor, where this user is not the store's owner, by its owner (the service's user: an admin's ``status``
    said "every run fails" of a store the service writes, exit 1, ops52); None when it can, or when there is no such
    file (a PostgreSQL store, a missing file: said elsewhere)."""
    if path is None or not path.is_file():
        return None
    me, owner = os.geteuid(), path.stat().st_uid
    targets = [path, *(Path(f"{path}{side}") for side in SIDE_FILES), path.parent]
    for target in targets:
        if not target.exists():
            continue
        mine, why = os.access(target, os.W_OK), _why(target)
        if me in (0, owner):
            if mine:
                continue
            who = f"this user (uid {me})"
        else:  # (judged for the owner, who runs the service: a file this user left there may be this user's alone)
            if why == PERMISSION and may_write(owner, target.stat(), target == path.parent):
                continue
            who = f"the store's owner (uid {owner})" + ("" if mine else f" nor by this user (uid {me})")
        what = "folder" if target == path.parent else "file"
        return (f"the store's {what} {target} cannot be written by {who}: "
                f"{why}: every run fails (exit 3) and no change reaches the feeds; make it writable")
    return None


def may_write(uid: int, st: os.stat_result, folder: bool) -> bool:
    """Whether the user ``uid`` may write the file (or, ``folder``, make and remove files in the folder) ``st`` is of,
    from its mode bits: the owner's if ``uid`` owns it, the group's if ``uid`` is in its group (as the system's user
    database says; a user unknown here, such as a container's, is in no group), else the others'. Root may."""
    import pwd
    import stat as st_bits

    if uid == 0:
        return True
    need = (st_bits.S_IWUSR | (st_bits.S_IXUSR if folder else 0), st_bits.S_IWGRP | (st_bits.S_IXGRP if folder else 0),
            st_bits.S_IWOTH | (st_bits.S_IXOTH if folder else 0))
    if st.st_uid == uid:
        return st.st_mode & need[0] == need[0]
    try:
        user = pwd.getpwuid(uid)
        groups = set(os.getgrouplist(user.pw_name, user.pw_gid))
    except (KeyError, OSError):
        groups = set()
    if st.st_gid in groups:
        return st.st_mode & need[1] == need[1]
    return st.st_mode & need[2] == need[2]


def _why(target: Path) -> str:
    try:
        if os.statvfs(target).f_flag & os.ST_RDONLY:
            return "it is on a read-only file system (mount)"
    except OSError:
        pass
    return PERMISSION


def fault_path(store: Path) -> Path:
    return store.with_name(store.name + FAULT_SUFFIX)


def fault_mark(db_url: str, data_dir: Path) -> Path | None:
    """Where a run's store fault is left for the readers: beside a SQLite file; for a database server (PostgreSQL:
    no file beside it; ops42, a cycle failed on the database gone and ``status`` exited 0 once it was back, until the
    next cycle) in the data folder, named after the database (its URL without the password); None for a memory one."""
    from sqlalchemy.engine import make_url

    from storage.db import sqlite_file

    if (store := sqlite_file(db_url)) is not None:
        return fault_path(store)
    try:
        url = make_url(db_url)
    except Exception:  # noqa: BLE001 - (an unreadable URL: the store is refused elsewhere)
        return None
    if url.get_backend_name() == "sqlite":  # (":memory:")
        return None
    named = url.set(password=None).render_as_string(hide_password=False)
    return data_dir / f".store{FAULT_SUFFIX}-{hashlib.sha256(named.encode()).hexdigest()[:16]}"


def note_run_fault(mark: Path | None, line: str) -> None:
    """Leave ``line`` (what a run or cycle said of its store fault) at ``mark`` (:func:`fault_mark`) for the readers;
    unsaid when it cannot be written (the folder read-only or full: said by the checks of the store and the disk). A
    database server's mark goes in the data folder, made for it when it is not there yet: with PostgreSQL and the
    feeds elsewhere (``--out``, ``feeds_dir``: a cron's usual setup) nothing else makes it. Was: the mark was unsaid
    there, and ``status`` and ``/healthz`` (other processes) said all clear after a run that failed on the database
    gone, until the next run (ops50; ops42's fix needed the folder)."""
    if mark is None:
        return
    with contextlib.suppress(OSError):
        mark.parent.mkdir(parents=True, exist_ok=True)
        mark.write_text(line[:FAULT_MAX], encoding="utf-8")


def clear_run_fault(mark: Path | None) -> None:
    """A run finished: the store could be written (called after the cycle, whatever it fetched)."""
    if mark is not None:
        with contextlib.suppress(OSError):
            mark.unlink(missing_ok=True)


def run_fault_said(mark: Path | None, last_run: datetime | None) -> str | None:
    """The problem line while a run's store fault is the latest word: its ``mark`` newer than ``last_run`` (the last
    source run the store records; a mark a finished run could not remove is older than that run)."""
    if mark is None:
        return None
    try:
        at = datetime.fromtimestamp(mark.stat().st_mtime, UTC)
        said = mark.read_text(encoding="utf-8", errors="replace")[:FAULT_MAX].strip()
    except OSError:
        return None
    if last_run is not None and last_run.astimezone(UTC) >= at:
        return None
    return (f"the last run, at {at:%Y-%m-%d %H:%M} UTC, could not write the store and stopped (a run: exit 3), "
            f"recording nothing: {said or 'no reason kept'}; no run has finished since")


def checkpoint_path(store: Path) -> Path:
    return store.with_name(store.name + CHECKPOINT_SUFFIX)


def checkpoint_store(store: Path | None) -> str | None:
    """Write the SQLite file ``store``'s write-ahead log into it (``wal_checkpoint(TRUNCATE)``) after the process's
    kept connections are closed; the warning line when that fails (also left beside the file for the readers), None
    when it is done, busy (another connection reading: a later close or run writes it) or no SQLite file."""
    if store is None or not store.is_file():
        return None
    from storage.keptstore import close_kept_store

    close_kept_store()  # (their close tries a checkpoint too, its failure unsaid)
    try:
        con = sqlite3.connect(store, timeout=CHECKPOINT_WAIT)
        try:
            busy = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error as exc:
        return _not_checkpointed(store, exc, "run")
    if not busy:
        with contextlib.suppress(OSError):
            checkpoint_path(store).unlink(missing_ok=True)
    return None


def checkpoint_kept(db_url: str) -> str | None:
    """:func:`checkpoint_store` at the end of a cycle of a process that keeps the store open between its cycles
    (``schedule``, ``serve --schedule``: the kept engine, :mod:`storage.keptstore`): a PASSIVE checkpoint, which waits
    for no reader (``serve``'s pages) and leaves the engine open; the mark cleared once the log is written whole."""
    from storage.db import sqlite_file
    from storage.keptstore import kept_store, leave_store

    store = sqlite_file(db_url)
    if store is None or not store.is_file():
        return None
    engine = kept_store(db_url)
    try:
        raw = engine.raw_connection()
        try:
            busy, log, done = raw.cursor().execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        finally:
            raw.close()
    except sqlite3.Error as exc:
        return _not_checkpointed(store, exc, "cycle")
    finally:
        leave_store(engine)  # (the file as the checkpoint left it: the next cycle keeps this engine)
    if not busy and log == done:
        with contextlib.suppress(OSError):
            checkpoint_path(store).unlink(missing_ok=True)
    return None


def _not_checkpointed(store: Path, exc: BaseException, what: str) -> str:
    """The warning line of a failed checkpoint of ``store`` at the end of a ``what`` (run, cycle), left beside it."""
    line = (f"the store's write-ahead log could not be written into {store} at the {what}'s end ({exc}: a file size "
            f"limit, a quota or a disk fault?): the file alone is incomplete, whole only with {store.name}-wal "
            f"beside it; copy both, never the file alone, and lift the limit (a later {what} checkpoints it)")
    with contextlib.suppress(OSError):
        checkpoint_path(store).write_text(line[:FAULT_MAX], encoding="utf-8")
    return line


def checkpoint_said(store: Path | None) -> str | None:
    """The warning line while the last run's checkpoint failure stands: its mark there and the -wal beside the file
    not empty (checkpointed since, by a close or by hand: no longer said)."""
    if store is None:
        return None
    try:
        said = checkpoint_path(store).read_text(encoding="utf-8", errors="replace")[:FAULT_MAX].strip()
        wal = Path(f"{store}-wal").stat().st_size
    except OSError:
        return None
    return said or None if wal else None
