"""``--db`` naming another program's SQLite database: the commands that only read refused it (exit 3), but a writer
(``replay``, ``run``) migrated our tables into it and turned it to WAL, exit 0 (cli30). Now every command refuses it,
the file untouched; an empty file, or one with no table (a first replay stopped early), still becomes the store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storage.db import SCHEMA_HEAD, open_store, stored_revisions
from storage.faults import StoreUnavailable


def test_another_program_s_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "contacts.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
        conn.execute("INSERT INTO contacts VALUES ('Alice')")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreUnavailable, match="its tables are contacts: another program's database"):
        open_store(f"sqlite:///{path}")
    assert path.read_bytes() == before and not Path(f"{path}-wal").exists()


def test_a_file_with_no_table_becomes_the_store(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"  # a first replay stopped before its migration committed: SQLite, no table
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    engine = open_store(f"sqlite:///{path}")
    try:
        assert stored_revisions(engine) == (SCHEMA_HEAD,)
    finally:
        engine.dispose()


def test_a_store_a_first_replay_never_made_says_run_it_again(tmp_path: Path) -> None:
    """cli30: Ctrl-C 2.5 s into a first ``replay`` left a SQLite file with no table; ``status`` then said to restore
    the store from a backup, as for a damaged one. It names the likely cause and the cure: run it again."""
    from storage.faults import check_sqlite_store

    path = tmp_path / "new.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    with pytest.raises(StoreUnavailable, match="no tables: an empty file, as a first replay or run stopped before it "
                                               "made the store leaves: run it again"):
        check_sqlite_store(path, f"sqlite:///{path}")


def test_a_database_whose_driver_is_not_installed_says_which_ones_are() -> None:
    """cli30: ``--db mysql://…`` said only "No module named 'MySQLdb'"."""
    from storage.db import DatabaseError, make_engine

    with pytest.raises(DatabaseError, match=r"its driver is not installed \(No module named 'MySQLdb'\): mofcom-watch "
                                            r"keeps its store in SQLite \(sqlite:///FILE\) or PostgreSQL"):
        make_engine("mysql://u@h/x")


def test_a_misspelt_kind_of_database_is_said_as_a_typo() -> None:
    """cli32: ``--db postgress://…`` said "Can't load plugin: sqlalchemy.dialects:postgress" (exit 2)."""
    from storage.db import DatabaseError, make_engine

    with pytest.raises(DatabaseError, match=r"cannot use database postgress://u@h/x: no database is called 'postgress' "
                                            r"\(a typo\?\): mofcom-watch keeps its store in SQLite"):
        make_engine("postgress://u@h/x")


def test_postgres_written_as_many_urls_write_it_is_told_the_scheme_to_use() -> None:
    """user39: ``--db postgres://…`` (Heroku's spelling) said "no database is called 'postgres' (a typo?)"."""
    from storage.db import DatabaseError, make_engine

    with pytest.raises(DatabaseError, match=r"cannot use database postgres://u@h/x: PostgreSQL is written "
                                            r"postgresql\+psycopg://, not postgres://"):
        make_engine("postgres://u@h/x")
