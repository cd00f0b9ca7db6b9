"""Opening the database: engine with the right pragmas, then Alembic to head.

The schema only ever changes through the Alembic revisions packaged in
``storage/migrations`` so a user's database survives upgrades; ``create_all`` is
never run on a user's database.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from storage.sqlcache import share_compiled

if TYPE_CHECKING:  # Alembic is imported only when a database must be migrated (~0.3 s per start)
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest revision in storage/migrations/versions. A store already there opens without Alembic;
# tests/storage/test_db_migrations.py checks this against Alembic's own head, so a new revision
# that forgets to move it fails CI (and would only cost speed: the store is then upgraded as usual).
SCHEMA_HEAD = "0019"
log = logging.getLogger(__name__)
JOURNAL_MODE = "PRAGMA journal_mode"  # a write: not run by a read-only engine (see make_engine)
SQLITE_PRAGMAS = (
    f"{JOURNAL_MODE}=WAL",
    # WAL + NORMAL: a commit is not fsynced (a replay or run commits once per page: ~6 ms each here);
    # the file stays consistent after any crash, and a power cut can only undo the last commits,
    # whose pages the next run or replay stores again (as feeds/write.py does for feed files)
    "PRAGMA synchronous=NORMAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=30000",  # ms: a writer waits this long for another's transaction
)


class DatabaseError(Exception):
    """The database cannot be opened or migrated; the message says why, for humans."""


# Seconds a PostgreSQL connection may take to open (libpq's connect_timeout), unless the URL sets its own: without
# one, a database host that accepts the connection and never answers (or drops the packets) held every command at its
# first query, `serve` and `schedule` before they served or waited (session 28, ops28: /healthz gave no answer); a
# cron run then hung past its next start. With it the command says "unreachable", as for a refused port.
PG_CONNECT_TIMEOUT = 10
# the stores this program keeps, said where a --db URL names another kind (or a driver that is missing)
KINDS_KEPT = "mofcom-watch keeps its store in SQLite (sqlite:///FILE) or PostgreSQL (postgresql+psycopg://USER@HOST/DB)"


# Printing a URL: query keys libpq takes a secret by (postgresql://bob@host/db?password=…), hidden as the URL's own
# password is; and in a string that is no URL (bob:secret@host, a port that is no number), what stands between its
# user and its host (cli35: both were printed whole in the error line, in logs and mails)
SECRET_QUERY_KEYS = frozenset({"password", "sslpassword"})
HIDDEN = "***"
USERINFO_RE = re.compile(r"^((?:[A-Za-z][\w+.-]*://)?[^:/@?#]*):[^@]*@")


def shown_url(url: str | URL) -> str:
    """``url`` as it may be printed: no password in its user part nor in its query (:data:`SECRET_QUERY_KEYS`)."""
    try:
        parsed = make_url(url) if isinstance(url, str) else url
    except (ArgumentError, ValueError):  # (not parsed: a port that is no number raises ValueError)
        return USERINFO_RE.sub(rf"\1:{HIDDEN}@", str(url))
    secret = [key for key in parsed.query if key.lower() in SECRET_QUERY_KEYS]
    if not secret:
        return parsed.render_as_string(hide_password=True)
    marker = "0" * 8 + "HIDDEN"  # rendered as it is, then shown as HIDDEN (render_as_string would escape '*')
    text = parsed.update_query_dict(dict.fromkeys(secret, marker)).render_as_string(hide_password=True)
    return text.replace(marker, HIDDEN)


class NewerStore(DatabaseError):
    """A store at a schema revision this version does not know: a newer mofcom-watch wrote it (upgrade the program)."""


def make_engine(url: str, *, read_only: bool = False) -> Engine:
    """An engine for any SQLAlchemy URL; SQLite gets its folder and WAL/foreign-key pragmas.

    ``read_only`` (a SQLite file; the commands that only read): opened with ``mode=ro`` and no journal-mode pragma,
    so nothing this engine does can change the file. ``PRAGMA journal_mode=WAL`` on connect rewrote the header of a
    store in another journal mode (one kept in ``DELETE`` mode to be read from read-only media, or restored by a
    tool), and on a read-only mount it made ``status`` fail ("attempt to write a readonly database") where a read
    would have worked."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as exc:  # (a port that is no number: ValueError)
        raise DatabaseError(f"not a database URL: {shown_url(url)!r} ({exc})") from exc
    is_sqlite = parsed.get_backend_name() == "sqlite"
    path = sqlite_file(url)
    read_only = read_only and path is not None
    if path is not None and not read_only:
        folder = path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(f"cannot create the database folder {folder}: {exc.strerror}"
                                + _relative_hint(folder)) from exc
    options: dict[str, object] = {"creator": read_only_connect(path)} if read_only and path else {}
    if parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query:
        options["connect_args"] = {"connect_timeout": PG_CONNECT_TIMEOUT}
    try:
        engine = create_engine(parsed, **options)
    except Exception as exc:  # missing driver, bad options
        if isinstance(exc, ModuleNotFoundError):
            why = f"its driver is not installed ({exc}): {KINDS_KEPT}"
        elif isinstance(exc, NoSuchModuleError) and parsed.drivername.split("+")[0] == "postgres":
            # user39: "postgres://" (Heroku's and many a DATABASE_URL's spelling) was told "no database is called
            # 'postgres' (a typo?)" of PostgreSQL's own name
            why = f"PostgreSQL is written postgresql+psycopg://, not postgres:// (SQLAlchemy reads no other): {KINDS_KEPT}"
        elif isinstance(exc, NoSuchModuleError):  # cli32: said "Can't load plugin: sqlalchemy.dialects:postgress"
            why = f"no database is called {parsed.drivername.split('+')[0]!r} (a typo?): {KINDS_KEPT}"
        else:
            why = str(exc)
        raise DatabaseError(f"cannot use database {shown_url(parsed)}: {why}") from exc
    if is_sqlite:
        _sqlite_setup(engine, read_only=read_only)
    elif parsed.get_backend_name() == "postgresql":
        event.listen(engine, "connect", _utf8_only, insert=True)  # before the dialect's first use of the connection
    return share_compiled(engine)


def _utf8_only(dbapi_conn: Any, _record: Any) -> None:
    """Refuse a PostgreSQL database whose encoding is not UTF8, in words. A ``SQL_ASCII`` one (``initdb`` or
    ``createdb`` in the C locale) has psycopg return text as bytes: every command failed with "cannot use a string
    pattern on a bytes-like object" (SQLAlchemy reading the server's version); another one cannot hold the notices'
    Chinese text and would fail at the first page stored."""
    info = getattr(dbapi_conn, "info", None)  # psycopg's ConnectionInfo
    status = getattr(info, "parameter_status", None)
    encoding = status("server_encoding") if callable(status) else None
    if encoding is not None and str(encoding).upper() not in ("UTF8", "UTF-8"):
        name = getattr(info, "dbname", None) or "…"
        raise DatabaseError(
            f"the PostgreSQL database {name} is encoded {encoding}, not UTF8: mofcom-watch stores Chinese text and "
            f"needs a UTF8 database (CREATE DATABASE … ENCODING 'UTF8' TEMPLATE template0; the postgres image's "
            "default is UTF8): see docs/deploy.md"
        )


def _relative_hint(folder: Path) -> str:
    """For a folder named relative to the working folder (the default ``data_dir``, ``data``): which folder that was
    and the cure. Cron starts a command in the home folder (or ``/``, read-only to its user): ``run`` said "cannot
    create the database folder data: Permission denied", naming neither (cli31)."""
    if folder.is_absolute():
        return ""
    try:
        here = os.getcwd()
    except OSError:
        here = "(the current folder, which is gone)"
    return (f" ({folder} is relative to the folder the command started in, {here}: cron starts commands elsewhere; "
            "set data_dir (MOFCOM_WATCH_DATA_DIR) or --db to an absolute path, or cd first)")


def file_uri(path: Path) -> str:
    """``path`` as a SQLite ``file:`` URI, quoted byte for byte as ``pathname2url`` quotes a UTF-8 path (a name that is
    not UTF-8, as the file system may hold, cannot be quoted as text: every command that only reads was exit 4)."""
    return "file:" + quote(os.fsencode(path.absolute()))


def read_only_connect(path: Path) -> Callable[[], sqlite3.Connection]:
    """A connection factory for ``path`` opened read-only (a SQLite URI, ``mode=ro``); the engine keeps its URL. Where
    reading it in place would leave a ``-wal``/``-shm`` beside it its owner cannot write, or this user cannot make
    them (another user's shell, a folder of the service's): a private copy of it (:mod:`storage.readcopy`, session
    52); :class:`storage.readcopy.CopyFailed` when none can be made."""
    from storage.readcopy import PRIVATE_QUERY, reading_of

    def connect() -> sqlite3.Connection:
        target, private = reading_of(path)
        uri = f"{file_uri(target)}?mode=ro{PRIVATE_QUERY if private else ''}"
        return sqlite3.connect(uri, uri=True, check_same_thread=False)

    return connect


def _sqlite_setup(engine: Engine, *, read_only: bool = False) -> None:
    """Pragmas, and real transactions: pysqlite would otherwise run DDL outside any
    transaction, so a failed migration or page could leave half its writes behind."""
    pragmas = [p for p in SQLITE_PRAGMAS if not (read_only and p.startswith(JOURNAL_MODE))]

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # no implicit BEGINs; SQLAlchemy's "begin" below does it
        cur = dbapi_conn.cursor()
        for pragma in pragmas:
            cur.execute(pragma)
        cur.close()

    store = sqlite_path(engine.url)

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # execution option sqlite_begin="IMMEDIATE" takes the write lock up front (waiting
        # busy_timeout for it), so two writers queue instead of one failing with "locked";
        # past the busy timeout, a publish in progress is waited for (storage.publishwait)
        mode = conn.get_execution_options().get(SQLITE_BEGIN_OPTION, "")
        deadline = None
        while True:
            try:
                conn.exec_driver_sql(f"BEGIN {mode}".strip())
                return
            except OperationalError as exc:
                if mode != "IMMEDIATE" or store is None or "locked" not in str(exc):
                    raise
                from storage.publishwait import PUBLISH_WAIT, wait_for_publish

                deadline = deadline or time.monotonic() + PUBLISH_WAIT
                if not wait_for_publish(store, deadline):
                    raise


# Execution options for a writing transaction: on SQLite it takes the write lock up front, waiting the busy timeout for
# it. Every transaction that reads before it writes needs them: SQLite refuses such a first write at once, without the
# busy wait, while another connection holds the lock (the reader's snapshot would be stale once that one commits). Was:
# a cron `run` ending a source while `serve` published (a second or more under the lock) exited 3 "stayed locked by
# another process past the busy timeout" after 0 s (cycle.record_source_run's transaction; session 35's CI).
WRITE_LOCK = {"sqlite_begin": "IMMEDIATE"}
SQLITE_BEGIN_OPTION = "sqlite_begin"


def alembic_config() -> Config:
    """Alembic config pointing at the migrations shipped inside the package."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def newer_said(unknown: Sequence[str], head: str | None) -> str:
    """What every command says of a store at revisions this version does not know (:class:`NewerStore`)."""
    return (f"the database is at schema revision {', '.join(unknown)}, which this version of mofcom-watch does not know "
            f"(newest known: {head}); it was written by a newer mofcom-watch: upgrade the program, or use another database")


def known_revisions() -> frozenset[str]:
    """Every schema revision this version's migrations name."""
    from alembic.script import ScriptDirectory

    return frozenset(rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions())


def file_revisions(path: Path) -> tuple[str, ...] | None:
    """The revisions the SQLite store file ``path`` records, read on a read-only connection (nothing written, no store
    made: ``config``); None when it has no revision table (a new or empty file, another program's). ``sqlite3.Error``
    when it cannot be read."""
    conn = read_only_connect(path)()
    try:
        try:
            rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        except sqlite3.OperationalError as exc:
            if "no such table" in str(exc):
                return None
            raise
        return tuple(sorted(str(row[0]) for row in rows))
    finally:
        conn.close()


def upgrade(engine: Engine) -> None:
    """Migrate the database to the newest revision; refuse a database from a newer version. The migration scripts are
    read once, by Alembic's upgrade (a new store, the usual case: ~0.1 s of a first command's CPU was a second reading,
    session 55); a second time only to check an existing store's revisions against them."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    from storage import newstore

    cfg = alembic_config()
    try:  # a plain read first: a store at head is not write-locked (a writer mid-page, a read-only file)
        if current_revision(engine) == SCHEMA_HEAD:
            return
    except Exception:  # noqa: BLE001 - the migration below reports what is wrong
        pass
    try:
        with engine.connect() as conn, conn.execution_options(**WRITE_LOCK).begin():
            current = MigrationContext.configure(conn).get_current_heads()
            unknown = [rev for rev in current if rev not in known_revisions()] if current else []
            if unknown:
                raise NewerStore(newer_said(unknown, SCHEMA_HEAD))
            fresh = not current and conn.dialect.name == "sqlite" and newstore.is_empty(conn)
            if not (fresh and newstore.build(conn)):  # a process's second new SQLite store: storage/newstore.py
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                if fresh:
                    newstore.keep(conn)
        if current:  # not a new store: an upgrade, which the program it came from can no longer open (cli31: unsaid)
            log.info("store upgraded to this version's schema", extra={"fields": {
                "db": shown_url(engine.url), "from_revision": ",".join(current), "to_revision": SCHEMA_HEAD,
                "note": "an older mofcom-watch refuses it from now on: keep a backup from before the upgrade to go back"}})
    except DatabaseError:
        raise
    except Exception as exc:
        try:
            if current_revision(engine) == SCHEMA_HEAD:
                return  # another process migrated it at the same moment
        except Exception:  # noqa: BLE001 - report the original problem below
            pass
        from storage.faults import store_fault  # (it imports this module)

        fault = store_fault(exc, engine.url)
        if fault is not None:
            raise fault from exc
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise DatabaseError(f"cannot open database {shown_url(engine.url)}: {first}") from exc


def write_locked(url: str) -> bool:
    """Whether another connection holds the write lock of the SQLite file ``url`` names now (a writer mid-transaction:
    a run storing a page or publishing, a replay, a paused process): asked without waiting (no busy timeout) and
    without writing (``BEGIN IMMEDIATE``, then ``ROLLBACK``). False for other databases, a missing file, and a file
    that cannot be written at all (a read-only one is not *busy*)."""
    path = sqlite_file(url)
    if path is None or not path.is_file():
        return False
    try:
        conn = sqlite3.connect(file_uri(path), uri=True, timeout=0, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as exc:
        return "locked" in str(exc) or "busy" in str(exc)
    finally:
        conn.close()


class MissingDatabase(DatabaseError):
    """A read-only command was pointed at a database that does not exist (a typo must not create one)."""


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (None for other databases, in-memory and ``file:`` URIs)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    return sqlite_path(parsed)


def sqlite_path(url: URL) -> Path | None:
    """:func:`sqlite_file` of a parsed URL (an engine's: never rendered as text, which a path that is not UTF-8
    cannot be)."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:" \
            or url.database.startswith("file:"):
        return None
    path = Path(url.database).expanduser()
    try:
        linked = path.is_symlink()
    except OSError:  # a folder on its way this user may not enter (ops50: every command's "internal error", exit 4):
        linked = False  # the path as given; each use of it says why it cannot (a resource fault, exit 3)
    if linked:  # SQLite opens the file the link names and keeps its -wal and -shm beside it: so is every
        # file of ours found (ops38: through a link, a restored store beside the old -wal was written, not refused;
        # a publish's mark beside the link was not the one a writer by the file's own path waited on)
        return Path(os.path.realpath(path))
    return path


def require_existing(url: str) -> None:
    """Raise :class:`MissingDatabase` when ``url`` names a SQLite file that does not exist.

    Read-only commands (``status``, ``timeline``, ``feeds``, ``serve``) call this first: opening
    a mistyped path would create an empty store, and ``feeds`` would then blank live feeds.
    (A server database that does not exist already fails to connect.)
    """
    path = sqlite_file(url)
    if path is not None and not path.is_file():
        refuse_directory(path)
        raise MissingDatabase(f"no database at {path}: run replay or run first" + _relative_hint(path))


def refuse_directory(path: Path | None) -> None:
    """A folder given as the SQLite file (``--db sqlite:////data``) is a usage error, said as such: SQLite reports
    it as "unable to open database file", which read as a read-only store (exit 3, a resource fault)."""
    if path is not None and path.is_dir():
        raise MissingDatabase(f"{path} is a folder, not a SQLite file: name a file in it, "
                            f"e.g. --db sqlite:///{path / 'mofcom-watch.sqlite'}")


def open_existing_store(url: str, *, read_only: bool = False) -> Engine:
    """:func:`open_store` for read-only commands: never creates the database, nor one in a SQLite file that holds
    none (an empty file, another program's), and reads every page of a SQLite file first
    (:func:`storage.faults.check_sqlite_store`): a damaged store is a :class:`~storage.faults.StoreUnavailable`,
    never a partial or empty answer. ``read_only`` (``status``, ``timeline``, ``screen``, ``evidence``, ``review``): an engine that
    cannot write the file (see :func:`make_engine`); only a store of an older schema is written, to migrate it."""
    from storage.faults import check_sqlite_store

    require_existing(url)
    path = sqlite_file(url)
    if path is not None:
        check_sqlite_store(path, url)
    return open_store(url, read_only=read_only)


def open_store(url: str, *, read_only: bool = False) -> Engine:
    """Engine for ``url`` with the schema at head: what every command uses (``read_only``: see :func:`make_engine`;
    a store that is not at head is migrated through a writing engine first)."""
    refuse_directory(path := sqlite_file(url))
    if path is not None and not read_only:
        from storage.faults import copied_over_wal, not_this_users, refuse_stale_wal  # (it imports this module)

        if (copied := copied_over_wal(path)) is not None:
            raise copied  # before any connection (the one below recovers the -shm that tells it)
        if (theirs := not_this_users(path, url)) is not None:
            raise theirs  # before any connection (each would leave a -wal/-shm the owner cannot write)
        _refuse_foreign(path, url)
        refuse_stale_wal(path, url)  # a killed writer's -wal beside a restored file: refused before a write
    engine = make_engine(url, read_only=read_only)
    try:
        if engine.dialect.name != "sqlite":
            _reach(engine)
        if stored_revisions(engine) != (SCHEMA_HEAD,):
            if read_only and sqlite_file(url) is not None:
                engine.dispose()
                engine = open_store(url)  # the migration writes; then the read-only engine again
                engine.dispose()
                engine = make_engine(url, read_only=True)
            else:
                upgrade(engine)
        from storage.engines import refuse_older  # (it imports this module)

        with engine.connect() as conn:
            refuse_older(conn)
    except Exception:
        engine.dispose()
        raise
    return engine


def _refuse_foreign(path: Path, url: str) -> None:
    """A SQLite file holding tables but no store of ours (``--db`` naming another program's database) is refused as the
    commands that only read refuse it (:func:`storage.faults.check_sqlite_store`), read on a plain read-only connection
    before the engine's pragmas turn it to WAL (cli30: ``replay`` added our tables to it, exit 0). A file with no table
    (new, or a first replay stopped before it made any) becomes the store; a damaged one is for the migration to say."""
    from storage.faults import foreign_tables, not_a_store, where  # (it imports this module)

    try:
        if path.stat().st_size == 0:
            return
        conn = sqlite3.connect(f"{file_uri(path)}?mode=ro", uri=True)
    except (OSError, sqlite3.Error):
        return  # no file yet, or one that cannot be read: the engine says what is wrong
    try:
        tables = sorted(row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))
    except sqlite3.Error:
        return
    finally:
        conn.close()
    if (why := foreign_tables(tables)) is not None:
        raise not_a_store(where(url), why)


def _reach(engine: Engine) -> None:
    """Connect once (the pool keeps the connection for the reads after it): a server not reached is said now. The
    revision probes and the migration each tried again, so a host that never answered cost four connect timeouts
    (40 s) before the same "unreachable" (session 28)."""
    from storage.faults import store_fault  # (it imports this module)

    try:
        with engine.connect():
            return
    except Exception as exc:
        fault = store_fault(exc, engine.url)
        if fault is None:
            raise
        raise fault from exc


def stored_revisions(engine: Engine) -> tuple[str, ...] | None:
    """The revisions recorded in the store, read with plain SQL; None when they cannot be read
    (a new or unreachable database: :func:`upgrade` then creates it or says what is wrong)."""
    try:
        with engine.connect() as conn:
            return tuple(sorted(row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))))
    except Exception:  # noqa: BLE001 - no table yet, no server: upgrade() reports it properly
        return None


def session_factory(engine: Engine) -> sessionmaker[Session]:
    # expire_on_commit=False: records read in a transaction stay usable after it.
    return sessionmaker(engine, expire_on_commit=False)
