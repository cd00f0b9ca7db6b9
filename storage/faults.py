"""Resource faults of the store, told apart from a bad page: one line that says what to do.

A page that cannot be stored because of its own content (an integrity error) is that page's
problem; a full disk, a read-only file, a lost PostgreSQL connection or a database locked past
the busy timeout is everybody's problem: the run stops at once with :class:`StoreUnavailable`
(instead of reporting the same SQL error for every page), and the next run, once the resource
is back, carries on where the interrupted one stopped (each page is one transaction).
"""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path

from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, OperationalError

from storage.db import DatabaseError, file_uri, shown_url
from storage.heldfile import read_head
from storage.readcopy import (
    PRIVATE_QUERY,
    SIDE_SUFFIXES,
    WAL_HEADER_OFFSET,
    WAL_VERSION,
    CopyFailed,
    makes_side_files,
    not_owners,
    reading_of,
)

# SQLite's messages (sqlite3 has no error codes before 3.11's sqlite_errorname; the text is stable).
SQLITE_FULL = ("database or disk is full", "no space left")
SQLITE_READONLY = ("readonly database", "read-only", "unable to open database file")
SQLITE_LOCKED = ("database is locked", "database table is locked")
SQLITE_IO = ("disk i/o error",)
SQLITE_CORRUPT = ("database disk image is malformed",)  # SQLITE_CORRUPT: pages of the file are damaged
SQLITE_NOTADB = ("file is not a database",)  # SQLITE_NOTADB: its header is not SQLite's (damaged, or another file)
# PostgreSQL SQLSTATE codes and classes.
PG_DISK_FULL = "53100"
PG_READ_ONLY = "25006"
PG_CONNECTION_CLASSES = ("08", "57")  # connection exception; operator intervention (shutdown)
RESTART = "then run again: the next run carries on where this one stopped"
# The -shm beside a WAL store (SQLite's wal-index, native byte order, sqlite.org/walformat.html): two copies of a
# 48-byte header (iVersion, unused, iChange, isInit, bigEndCksum, szPage, mxFrame, nPage, ...), then the checkpoint
# info: nBackfill at 96 (frames written into the file), nBackfillAttempted at 128 (set before a checkpoint writes, and
# to mxFrame by the recovery a connection runs on a -shm no live one holds).
SHM_HEADER = struct.Struct("=IIIBBHII")
SHM_HEADER_SIZE, SHM_BACKFILL_AT, SHM_ATTEMPTED_AT, SHM_VERSION = 48, 96, 128, 3007000
# The server answered and refused the login: a wrong password, user or database name in the URL, not an outage. The
# server's own words (libpq gives a connection failure no SQLSTATE); said was "unreachable …: check that the server is
# running and reachable", which it was (ops32)
PG_REFUSED = ("password authentication failed", "authentication failed for user", "no pg_hba.conf entry",
              "does not exist")
# Of those, the server's words for credentials it refused (a wrong password, a host the server does not admit): no
# server that is still starting says them, so nothing is waited for (:class:`LoginRefused`). A database or role that
# "does not exist" may still be made by a job beside it: those are waited for as a server not up yet.
PG_LOGIN_REFUSED = PG_REFUSED[:3]


def login_refused(said: str) -> bool:
    """Whether a connection failure's words (libpq's, or an error's first line) are a server refusing the login."""
    return "FATAL" in said and any(words in said for words in PG_LOGIN_REFUSED)


class StoreUnavailable(DatabaseError):
    """The store cannot be written (or reached) right now: stop the run, say what to do."""


class LoginRefused(StoreUnavailable):
    """The database server answered and refused the credentials (:data:`PG_LOGIN_REFUSED`): no outage, and no
    server still starting, so ``schedule`` and ``serve --schedule`` do not wait for it (ops34: they waited the two
    minutes meant for a PostgreSQL still initialising)."""


def where(url: URL | str | None) -> str:
    """The database as a human names it: the SQLite file path, or the URL without password."""
    if url is None:
        return "the database"
    if isinstance(url, str):
        from sqlalchemy.engine import make_url

        url = make_url(url)
    if url.get_backend_name() == "sqlite":
        return f"the SQLite file {url.database}"
    return f"the database {shown_url(url)}"


def _sqlite_path(url: URL | str | None) -> Path | None:
    """The file of a SQLite URL (None for another database, an in-memory one or a ``file:`` URI)."""
    if url is None:
        return None
    if isinstance(url, str):
        from sqlalchemy.engine import make_url

        url = make_url(url)
    name = url.database if url.get_backend_name() == "sqlite" else None
    return Path(name) if name and name != ":memory:" and not name.startswith("file:") else None


def damaged(db: str, detail: str, cause: str = "") -> StoreUnavailable:
    """The store's pages are damaged (a disk fault, a copy cut short, a restore gone wrong): what to do."""
    return StoreUnavailable(f"{db} is damaged ({detail}){cause}: stop writing to it and restore it from a backup, "
                            f"or save what it holds with 'sqlite3 FILE .recover | sqlite3 NEW' and point "
                            f"--db at NEW; then run again (pages missing from it are fetched again)")


def not_a_store(db: str, detail: str) -> StoreUnavailable:
    """The file holds no store of ours: an empty or cut-short file, another program's database, not SQLite at all."""
    return StoreUnavailable(f"{db} holds no mofcom-watch store ({detail}): check --db (MOFCOM_WATCH_DB), or restore "
                            "the store from a backup")


def not_copied(db: str, exc: CopyFailed) -> StoreUnavailable:
    """A reader that must read a private copy of the store (:mod:`storage.readcopy`) and could not make one."""
    import os

    why = ("which this user cannot make in its folder" if os.geteuid() == exc.owner else
           f"which its owner (uid {exc.owner}) could not write or this user{_uid()} cannot make")
    cure = "run again" if os.geteuid() == exc.owner else f"run again, or run as uid {exc.owner}"
    return StoreUnavailable(f"{db} cannot be read here: read in place it would leave its -wal and -shm beside it, "
                            f"{why}, so it is read from a private copy, and {exc.why}: {cure}")


BUSY_SECONDS = 30.0  # as the engine's busy_timeout (storage.db.SQLITE_PRAGMAS): a writer mid-commit is waited for


def check_sqlite_store(path: Path, url: URL | str) -> None:
    """Raise :class:`StoreUnavailable` unless the SQLite file ``path`` holds a store of ours whose pages are whole
    (``PRAGMA quick_check``: every page read once, ~3 ms a MB). For the commands that only read: a damaged page
    their query does not touch would otherwise give a partial answer (a screening without a hit, exit 0), and
    opening a file that holds no store would make one in it (an empty answer, exit 0). Read on a plain connection,
    before the engine's pragmas (WAL) could change a file that is not ours."""
    db = where(url)
    if path.stat().st_size == 0:
        raise not_a_store(db, "an empty file: a copy or restore cut short?")
    if (copied := copied_over_wal(path)) is not None:
        raise copied  # (before the connection below recovers the -shm that tells it)
    try:
        conn = _reader(path)
    except CopyFailed as exc:
        raise not_copied(db, exc) from exc
    except sqlite3.Error as exc:
        raise _sqlite_fault(exc, db, operational=True, path=path) or StoreUnavailable(f"{db} failed: {exc}") from exc
    try:
        tables = sorted(r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))
        if "alembic_version" not in tables:
            raise not_a_store(db, foreign_tables(tables) or "no tables: an empty file, as a first replay or run "
                              "stopped before it made the store leaves: run it again")
        problems = [str(r[0]) for r in conn.execute("PRAGMA quick_check(3)")]
    except sqlite3.Error as exc:
        raise (wal_in_read_only_folder(path, url) or _sqlite_fault(exc, db, operational=True, path=path)
               or StoreUnavailable(f"{db} failed: {exc}")) from exc
    finally:
        conn.close()
    if problems != ["ok"]:
        raise damaged(db, "PRAGMA quick_check: " + "; ".join(p.replace("\n", " ") for p in problems)[:200],
                      _wal_beside(path))


def foreign_tables(tables: list[str]) -> str | None:
    """Why a SQLite file whose tables are ``tables`` is not a store of ours though it holds some (None: it holds
    none, or ours): what :func:`check_sqlite_store` and a writing command (``storage.db``) say of it."""
    if not tables or "alembic_version" in tables:
        return None
    return f"its tables are {', '.join(tables[:5])}{' ...' if len(tables) > 5 else ''}: another program's database?"


def _reader(path: Path) -> sqlite3.Connection:
    """A connection that reads ``path`` and writes nothing to it: ``mode=ro``, which never checkpoints. A plain one,
    closing last, checkpoints the ``-wal`` beside the file into it: a backup copied over the file while a killed
    writer's ``-wal`` stayed became damaged for good at the first ``status`` (cli31: the restored copy lost, where
    deleting the ``-wal`` had saved it). A file ``mode=ro`` cannot open (a hot rollback journal to undo, which needs
    a writer) is opened as before."""
    target, private = reading_of(path)
    try:
        conn = sqlite3.connect(f"{file_uri(target)}?mode=ro{PRIVATE_QUERY if private else ''}", uri=True,
                               timeout=BUSY_SECONDS, isolation_level=None)
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
        return conn
    except sqlite3.Error:
        if private:  # (the copy is the file's bytes: what it cannot read, the store holds)
            raise
        return sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None)


def stale_wal(path: Path) -> StoreUnavailable | None:
    """For a SQLite file put in place of the store (``mv``) while a process had it open: the old file's ``-wal``
    left beside it, written before the new file came (its mtime not after the file's ctime, which the rename
    moves), or None. SQLite reads that ``-wal`` as part of the new file and, at a writer's close, writes it in:
    ``serve`` read a backup moved into place so and its stop damaged it for good (cli31, the routine
    docs/deploy.md gave; serve now says why, but its pool may have opened the new file already: the cure is to put
    the file in place again once every process is stopped). A ``-wal`` written after the new file came is that
    file's."""
    wal = path.with_name(path.name + "-wal")
    try:
        st, ws = path.stat(), wal.stat()
    except OSError:
        return None
    if not ws.st_size or ws.st_mtime_ns > st.st_ctime_ns:
        return None
    return StoreUnavailable(
        f"the SQLite file {path} was replaced while {wal.name} of the file before it lies beside it ({ws.st_size} bytes): "
        f"SQLite reads that as part of the new file, and a writer's close writes it in: stop every process using the "
        f"store (their stop may write it in), delete {wal.name} and {path.name}-shm, put the new file in place again, "
        f"then start them; to restore into a store in use, use sqlite3 {path.name} \".restore BACKUP\" instead")


def refuse_stale_wal(path: Path, url: URL | str) -> None:
    """For the commands that write a SQLite store (``run``, ``replay``, ``schedule``, ``feeds``, ``accept``): with a
    ``-wal`` beside the file, read every page once as the file and that ``-wal`` read together (``PRAGMA
    quick_check``, ~3 ms a MB, only then) and raise :class:`StoreUnavailable` (exit 3) when they are damaged,
    before anything is written. Was: a backup copied over the file while a killed writer's ``-wal`` stayed beside it
    was opened by ``replay`` as it was (exit 1, the pages "unchanged", no word of the damage), its frames written
    after that ``-wal``'s, and a writer's checkpoint wrote them into the restored file for good; deleting the ``-wal``
    first saves it (cli31's R1, the lead's decision in session 32). A ``-wal`` that reads whole with the file is the
    store's own (a killed writer's committed pages, a running ``serve``'s): used as SQLite would. Read on a
    ``mode=ro`` connection only: a plain one's close would checkpoint that ``-wal`` into the file."""
    wal = path.with_name(path.name + "-wal")
    try:
        if not wal.stat().st_size or not path.stat().st_size:
            return
        conn = sqlite3.connect(f"{file_uri(path)}?mode=ro", uri=True, timeout=BUSY_SECONDS, isolation_level=None)
    except (OSError, sqlite3.Error):
        return  # no -wal, no file yet, or one that cannot be read so: the engine says what is wrong
    try:
        problems = [str(r[0]) for r in conn.execute("PRAGMA quick_check(3)")]
    except sqlite3.Error as exc:
        if not any(m in str(exc).lower() for m in SQLITE_CORRUPT + SQLITE_NOTADB):
            return  # (locked past the busy timeout, read-only folder...: the engine says it as before)
        problems = [str(exc)]
    finally:
        conn.close()
    if problems != ["ok"]:
        raise damaged(where(url), "PRAGMA quick_check: " + "; ".join(p.replace("\n", " ") for p in problems)[:200],
                      _wal_beside(path))


def copied_over_wal(path: Path) -> StoreUnavailable | None:
    """A file copied over the store while a process that had it open left its ``-wal`` (a backup ``cp``'d in after a
    ``kill -9``, a container stopped past its timeout), or None. SQLite reads that ``-wal``'s pages over the file's and
    writes them in at a writer's close; when they fit, ``PRAGMA quick_check`` and ``integrity_check`` say ok (image33:
    the later store's page, run and publication records over a backup's notices; its publish mark then let a ``run``
    drop an item the backup lacked from the feeds, exit 0). Told by the files alone, read before any connection opens
    (the first one recovers the ``-shm``): the file written after the ``-wal``'s last frame (mtime: ``cp`` sets it,
    ``chown`` does not) while the killed writer's ``-shm`` says no checkpoint of that ``-wal`` ever began (nothing
    backfilled, nothing attempted), and a checkpoint is what writes the file in WAL mode. Not seen: ``cp -p`` (the
    backup's own mtime), or a ``-shm`` deleted or recovered (a command opened the store first): the ``quick_check``
    after it judges as before. The message says how to go on should the file have been written otherwise."""
    wal, shm = path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")
    try:
        st, ws = path.stat(), wal.stat()
        head = read_head(shm, SHM_ATTEMPTED_AT + 4)  # (never a descriptor closed: see storage.heldfile)
    except OSError:
        return None
    if not ws.st_size or st.st_mtime_ns <= ws.st_mtime_ns or len(head) < SHM_ATTEMPTED_AT + 4:
        return None
    first, second = head[:SHM_HEADER_SIZE], head[SHM_HEADER_SIZE : 2 * SHM_HEADER_SIZE]
    version, _, _, is_init, _, _, frames, _ = SHM_HEADER.unpack_from(first)
    (backfilled,), (attempted,) = struct.unpack_from("=I", head, SHM_BACKFILL_AT), struct.unpack_from("=I", head,
                                                                                                      SHM_ATTEMPTED_AT)
    if first != second or version != SHM_VERSION or not is_init or not frames or backfilled or attempted:
        return None  # (a checkpoint began, or a connection recovered the -shm since: the files cannot tell it)
    return StoreUnavailable(
        f"the SQLite file {path} was written after {wal.name} beside it ({ws.st_size} bytes), which no checkpoint "
        f"wrote into it: a file copied over the store while a process that had it open was killed; SQLite would read "
        f"that -wal's pages over the file's and write them in. If you copied a file in: stop every process using the "
        f"store, delete {wal.name} and {shm.name}, then start again. If you did not (nothing but SQLite wrote the "
        f"file): keep both, `touch {wal.name}`, then start again")


def _wal_beside(path: Path) -> str:
    """For a damaged store with a ``-wal`` beside it: the likely cause and the cure, the file being left as it was."""
    wal = path.with_name(path.name + "-wal")
    try:
        size = wal.stat().st_size
    except OSError:
        return ""
    if not size:
        return ""
    return (f"; {wal.name} lies beside it ({size} bytes), read as part of it: if a backup was copied over the file, "
            f"it is the old store's, and the file itself is left as it was: stop every process using the store, "
            f"delete {wal.name} and {path.name}-shm, and run again; else")




def wal_in_read_only_folder(path: Path, url: URL | str) -> StoreUnavailable | None:
    """Why a command that only reads cannot open ``path``, when that is SQLite's WAL mode in a folder this process
    cannot write (a container volume mounted ``:ro``): SQLite must create the ``-shm`` index beside the file even to
    read it. The general line ("make the file and its folder writable … the next run carries on") said neither."""
    import os

    try:
        header = read_head(path, WAL_HEADER_OFFSET + 1)  # (the reader beside it holds the file: storage.heldfile)
    except OSError:
        return None
    if len(header) <= WAL_HEADER_OFFSET or header[WAL_HEADER_OFFSET] != WAL_VERSION or os.access(path.parent, os.W_OK):
        return None
    return StoreUnavailable(f"{where(url)} is in WAL mode in a folder this process cannot write ({path.parent}): "
                            f"SQLite must create {path.name}-shm beside it even to read it; mount the folder "
                            "read-write, or read a copy kept in DELETE journal mode "
                            f"(sqlite3 COPY 'PRAGMA journal_mode=DELETE'), then run again")


def _uid() -> str:
    """`` (uid N)``: which user must be able to write, where a volume's owner decides (a host folder or a tmpfs
    owned by root, mounted into the image, which runs as uid 10001: "this user" alone did not say which)."""
    import os

    geteuid = getattr(os, "geteuid", None)  # POSIX only
    return f" (uid {geteuid()})" if geteuid is not None else ""


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _folder_not_writable(path: Path | None) -> Path | None:
    """The folder of the SQLite file ``path`` when this process cannot write it (SQLite makes the file there, and its
    journal, ``-wal`` and ``-shm``, beside it, however writable the file is), else None (and on a read-only mount)."""
    import os

    if path is None:
        return None
    folder = path.parent
    try:  # a read-only mount is no one user's: the general line (make it writable), as before
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return None
    except (OSError, AttributeError):
        return None
    return folder if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK) else None


def _read_only(orig: sqlite3.Error, db: str, path: Path | None) -> StoreUnavailable:
    """SQLite's "readonly database" or "unable to open database file": the folder named where it is the folder this
    user cannot write. Was "the SQLite file …/new.sqlite is read-only (unable to open database file)" for a file that
    did not exist, or a writable file, in a folder this user cannot write (user46): the file was not to blame."""
    if (foreign := _foreign_side_files(path)) is not None:
        return _side_files_said(foreign, orig, db)
    folder = _folder_not_writable(path)
    if folder is None or path is None:
        return StoreUnavailable(f"{db} is read-only ({orig}): make the file and its folder writable "
                                f"for this user{_uid()}, or point --db at a writable copy, {RESTART}")
    import os

    if path.exists() and not os.access(path, os.W_OK):  # neither: the general line, which names both
        return StoreUnavailable(f"{db} is read-only, and so is its folder {folder}, for this user{_uid()} ({orig}): "
                                f"make the file and its folder writable for this user, or point --db at a writable "
                                f"copy, {RESTART}")
    what = ("create the file there and its journal (-wal, -shm) beside it" if not path.exists() else
            f"write its journal (-wal, -shm) beside the file, however writable {path.name} itself is")
    return StoreUnavailable(f"{db}: its folder {folder} cannot be written by this user{_uid()} ({orig}): SQLite must "
                            f"{what}; make the folder writable for this user, or point --db at a file in a folder "
                            f"this user can write, {RESTART}")


def not_this_users(path: Path, url: URL | str) -> StoreUnavailable | None:
    """A command that writes, run as another user than the SQLite store's owner, who cannot write it, where opening
    it would leave a ``-wal``/``-shm`` of this user's beside it (:func:`storage.readcopy.makes_side_files`): refused
    before SQLite opens it. Was: it failed at its first write, exit 3, and left them, so the owner's next run failed
    on them too (``run`` or ``feeds`` typed in an admin's shell; ops51's open B, for a command that writes)."""
    import os

    if not not_owners(path) or os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK | os.X_OK) \
            or not makes_side_files(path):
        return None
    owner = path.stat().st_uid
    return StoreUnavailable(f"{where(url)} belongs to uid {owner}, and this user{_uid()} cannot write it: run this "
                            f"command as uid {owner} (the service's user), or make the file writable for this user; "
                            f"it was not opened, so nothing is left beside it for uid {owner}'s next run to trip on")


def _foreign_side_files(path: Path | None) -> tuple[Path, ...] | None:
    """The ``-wal``/``-shm`` beside the SQLite file ``path`` this process cannot write, where it can write the file and
    its folder (so they are what SQLite refused), else None. Another user's process makes them so: SQLite gives a
    file it makes beside the store the store's mode bits but its own user, so a reader run as another user (an
    admin's ``sqlite3`` shell, or ``status`` before session 52) leaves them to the store's owner unwritable."""
    import os

    if path is None or not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK | os.X_OK):
        return None
    sides = tuple(p for p in (Path(f"{path}{side}") for side in SIDE_SUFFIXES) if p.exists() and not os.access(p, os.W_OK))
    return sides or None


def _side_files_said(sides: tuple[Path, ...], orig: sqlite3.Error, db: str) -> StoreUnavailable:
    """What to do with side files of the store this user cannot write (:func:`_foreign_side_files`): remove them once
    no process uses the store where the ``-wal`` holds nothing (the ``-shm`` is an index SQLite makes again), else
    give them to this user, as removing a ``-wal`` that holds frames loses the commits in it. Was: "the SQLite file
    …/store.sqlite is read-only (attempt to write a readonly database): make the file and its folder writable", of a
    file and a folder this user could write (ops51's open B)."""
    import os

    owners = sorted({p.stat().st_uid for p in sides})
    names = " and ".join(p.name for p in sides)
    wal = next((p for p in sides if p.name.endswith("-wal")), None)
    held = wal.stat().st_size if wal is not None else 0
    quoted = " ".join(str(p) for p in sides)
    cure = (f"give them to this user (chown {os.geteuid()} {quoted}), not removing them: {wal.name if wal else ''} "
            f"holds {held} bytes not yet written into the file" if held else
            f"remove them (rm {quoted}): they hold nothing the file lacks")
    return StoreUnavailable(
        f"{db}: {names} beside it {'is' if len(sides) == 1 else 'are'} owned by uid {', '.join(map(str, owners))}, "
        f"which this user{_uid()} cannot write ({orig}); SQLite must write them to use the store: another user's "
        f"process made them (a reader of the store, such as sqlite3, run as that user). Once no process uses the "
        f"store, {cure}; {RESTART}")


def _sqlite_fault(orig: sqlite3.Error, db: str, *, operational: bool, path: Path | None = None) -> StoreUnavailable | None:
    """SQLite's error as a resource fault (``operational``: any OperationalError is one), or None; ``path``: the
    file's, to name its folder where that is what this user cannot write."""
    text = str(orig).lower()
    if any(s in text for s in SQLITE_FULL):
        return StoreUnavailable(f"the disk holding {db} is full: free some space, {RESTART}")
    if any(s in text for s in SQLITE_READONLY):
        return _read_only(orig, db, path)
    if any(s in text for s in SQLITE_LOCKED):
        return StoreUnavailable(f"{db} stayed locked by another process past the busy timeout: "
                                f"wait for it to finish, {RESTART}")
    if any(s in text for s in SQLITE_IO):
        return StoreUnavailable(f"{db}: disk I/O error: check the disk (full, removed, failing), {RESTART}")
    if any(s in text for s in SQLITE_CORRUPT):  # a bug of ours it is not: no "please report", and exit 3
        return damaged(db, str(orig))
    if any(s in text for s in SQLITE_NOTADB):
        return not_a_store(db, f"{orig}: its first bytes are damaged, or --db names some other file")
    if operational:
        return StoreUnavailable(f"{db} failed: {_first_line(orig)}")
    return None


def store_fault(exc: BaseException, url: URL | str | None = None) -> StoreUnavailable | None:
    """A :class:`StoreUnavailable` for a resource fault, or None for an error of the page itself."""
    if isinstance(exc, StoreUnavailable):
        return exc
    if not isinstance(exc, DBAPIError):
        return None
    orig = exc.orig
    db = where(url)
    if isinstance(orig, sqlite3.Error):
        return _sqlite_fault(orig, db, operational=isinstance(exc, OperationalError), path=_sqlite_path(url))
    state = getattr(orig, "sqlstate", None) or ""
    if state == PG_DISK_FULL:
        return StoreUnavailable(f"the disk of {db} is full: free some space on the server, {RESTART}")
    if state == PG_READ_ONLY:
        return StoreUnavailable(f"{db} is read-only (a standby, or default_transaction_read_only): "
                                f"point --db at the primary, {RESTART}")
    if state.startswith(PG_CONNECTION_CLASSES) or exc.connection_invalidated or isinstance(exc, OperationalError):
        said = _first_line(exc)
        if any(words in said for words in PG_REFUSED) and "FATAL" in said:
            refused = LoginRefused if login_refused(said) else StoreUnavailable
            return refused(f"{db} refused the connection ({said}): check the user, the password and the "
                           f"database name in the URL (--db, MOFCOM_WATCH_DB), {RESTART}")
        return StoreUnavailable(f"{db} is unreachable or went away ({said}): check that the server "
                                f"is running and reachable, {RESTART}")
    return None
