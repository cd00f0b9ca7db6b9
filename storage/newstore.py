"""A new SQLite store: migrated by Alembic once per process, then rebuilt from what that migration left.

Running the 19 revisions on an empty SQLite file costs ~0.1 s of CPU (~0.15 s on session 62's CI machine: a sixth of a
short command's), most of it Alembic and SQLAlchemy building and compiling DDL. A process making several new stores (the
test suite's workers and the processes its zygote forks, ~6% of the suite's CPU in session 62) paid it each time. The
first new store a process makes is migrated as always; the SQL that rebuilds what the revisions left (its tables,
indexes and triggers, and its rows: ``alembic_version``, the ``store_generation`` counters), as SQLite's own dump gives
it, is kept, and each later new store of the process runs that script inside the same write transaction instead. Only
a file holding nothing at all is built so; any other store goes through Alembic. ``tests/storage/test_newstore.py``
checks that a store made either way is the same store."""

from __future__ import annotations

import logging

from sqlalchemy import Connection, text

log = logging.getLogger(__name__)

_SCRIPT: tuple[str, ...] | None = None  # this process's first migrated new store, as SQL (None until then)
_FRAME = frozenset({"BEGIN TRANSACTION;", "COMMIT;"})  # the dump's own transaction: the caller's is used


def is_empty(conn: Connection) -> bool:
    """Whether the SQLite database holds nothing yet (no table, index, trigger or view)."""
    return bool(conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one() == 0)


def build(conn: Connection) -> bool:
    """Make the store on ``conn`` (SQLite, empty, in a write transaction) from the kept script: False when this
    process has none yet, or the database is not empty (then Alembic migrates it)."""
    if _SCRIPT is None or not is_empty(conn):
        return False
    for statement in _SCRIPT:
        conn.exec_driver_sql(statement)
    return True


def keep(conn: Connection) -> None:
    """Keep the script of the store Alembic just made on ``conn`` (a new SQLite store, still in its transaction)."""
    global _SCRIPT
    if _SCRIPT is None:
        dbapi = conn.connection.driver_connection
        try:
            _SCRIPT = tuple(line for line in dbapi.iterdump() if line not in _FRAME)  # type: ignore[union-attr]
        except Exception:  # noqa: BLE001 - a script not kept costs only time: the store just made must not fail for it
            log.debug("new store's script not kept", exc_info=True)
