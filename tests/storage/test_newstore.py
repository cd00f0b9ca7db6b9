"""storage/newstore.py: a process's later new SQLite stores, rebuilt from its first migrated one, are the same store."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from storage import newstore
from storage.db import SCHEMA_HEAD, open_store

ROOT = Path(__file__).resolve().parents[2]


def _described(path: Path) -> tuple[object, ...]:
    """Everything a store holds: SQLite's dump, its schema objects, and the settings a store's file carries."""
    con = sqlite3.connect(path)
    try:
        return (list(con.iterdump()), sorted(con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")),
                *(con.execute(f"PRAGMA {p}").fetchall() for p in ("journal_mode", "user_version", "application_id",
                                                                   "page_size", "auto_vacuum", "encoding")))
    finally:
        con.close()


def test_a_store_rebuilt_from_the_script_is_the_store_alembic_makes(tmp_path: Path, monkeypatch):
    migrated = tmp_path / "migrated.sqlite"  # by a real process of its own, which has made no store before: Alembic
    subprocess.run([sys.executable, "-c", f"from storage.db import open_store; open_store({f'sqlite:///{migrated}'!r})"
                    ".dispose()"], cwd=ROOT, check=True)
    monkeypatch.setattr(newstore, "_SCRIPT", None)
    first, second = tmp_path / "first.sqlite", tmp_path / "second.sqlite"
    open_store(f"sqlite:///{first}").dispose()
    assert newstore._SCRIPT is not None  # kept from the first, migrated by Alembic here too
    made = []
    monkeypatch.setattr(newstore, "build", lambda conn, built=newstore.build: made.append(built(conn)) or made[-1])
    open_store(f"sqlite:///{second}").dispose()
    assert made == [True]  # the second was rebuilt from the script, not migrated
    assert _described(second) == _described(first) == _described(migrated)
    assert "store_generation" in str(_described(second)[0]) and "CREATE TRIGGER" in str(_described(second)[0])


def test_the_script_builds_only_an_empty_database(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(newstore, "_SCRIPT", None)
    engine = open_store(f"sqlite:///{tmp_path / 'one.sqlite'}")
    try:
        with engine.begin() as conn:
            assert not newstore.is_empty(conn)
            assert newstore.build(conn) is False  # a store already there is never rebuilt over
            assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == 1
    finally:
        engine.dispose()


def test_without_a_first_store_nothing_is_built(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(newstore, "_SCRIPT", None)
    con = sqlite3.connect(tmp_path / "x.sqlite")
    con.close()
    from storage.db import make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite'}")
    try:
        with engine.begin() as conn:
            assert newstore.build(conn) is False and newstore.is_empty(conn)
    finally:
        engine.dispose()


def test_new_stores_made_one_after_another_in_one_process_are_each_whole(tmp_path: Path):
    """A real process making several new stores (as the suite's workers do): each is the store the first is."""
    stores = 3
    code = (
        "import sys, sqlite3\n"
        "from storage.db import open_store\n"
        "from storage import newstore\n"
        f"for i in range({stores}):\n"
        f"    open_store(f'sqlite:///{tmp_path}/s{{i}}.sqlite').dispose()\n"
        "    print(i, newstore._SCRIPT is not None)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True, text=True).stdout
    assert out.split("\n")[:stores] == [f"{i} True" for i in range(stores)]
    described = {_described(tmp_path / f"s{i}.sqlite")[0:2] == _described(tmp_path / "s0.sqlite")[0:2] for i in range(stores)}
    assert described == {True}


def test_a_script_that_cannot_be_kept_leaves_the_new_store_made(tmp_path: Path, monkeypatch):
    """Keeping the script is the migrated store's last step inside its transaction: were it to fail, the store would be
    rolled back with it. It is dropped instead; the store stays, and the next new store is migrated again."""
    monkeypatch.setattr(newstore, "_SCRIPT", None)
    monkeypatch.setattr(newstore, "_FRAME", None)  # `line not in None`: a TypeError while dumping
    open_store(f"sqlite:///{tmp_path / 'one.sqlite'}").dispose()
    assert newstore._SCRIPT is None
    con = sqlite3.connect(tmp_path / "one.sqlite")
    assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [(SCHEMA_HEAD,)]
    con.close()
