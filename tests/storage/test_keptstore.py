"""storage.keptstore: the store a process's cycles share, kept open only while its file is the one it opened.

Real SQLite files: a file deleted, replaced by a restored copy or written by another process between
two cycles is opened afresh (a cycle must never write to a file that is no longer there).
"""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from sqlalchemy import text

from storage.keptstore import close_kept_store, kept_store, leave_store


@pytest.fixture(autouse=True)
def _closed():
    close_kept_store()
    yield
    close_kept_store()


def rows(engine) -> list[str]:
    with engine.connect() as conn:
        return list(conn.execute(text("SELECT holder FROM run_lock ORDER BY holder")).scalars())


def add(engine, holder: str) -> None:
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO run_lock (name, holder, acquired_at, heartbeat_at) "
                          "VALUES (:h, :h, '2026-01-01 00:00:00', '2026-01-01 00:00:00')"), {"h": holder})


def test_the_same_file_keeps_its_engine_another_store_closes_it(tmp_path):
    url = f"sqlite:///{tmp_path / 'a.sqlite'}"
    first = kept_store(url)
    add(first, "one")
    leave_store(first)
    assert kept_store(url) is first  # the next cycle: same engine, compiled SQL kept
    leave_store(first)
    other = kept_store(f"sqlite:///{tmp_path / 'b.sqlite'}")
    assert other is not first
    assert kept_store(url) is not first and rows(kept_store(url)) == ["one"]


@pytest.mark.parametrize("change", ["deleted", "restored", "written-by-another"])
def test_a_file_changed_between_cycles_is_opened_again(tmp_path, change):
    path = tmp_path / "store.sqlite"
    url = f"sqlite:///{path}"
    engine = kept_store(url)
    add(engine, "before")
    close_kept_store()  # a clean copy to restore from (its WAL checkpointed into the file)
    backup = tmp_path / "backup.sqlite"
    shutil.copyfile(path, backup)
    engine = kept_store(url)
    add(engine, "after")
    leave_store(engine)
    if change == "deleted":
        for p in tmp_path.glob("store.sqlite*"):
            p.unlink()
    elif change == "restored":
        for p in tmp_path.glob("store.sqlite-*"):
            p.unlink()
        shutil.copyfile(backup, tmp_path / "restored.sqlite")
        (tmp_path / "restored.sqlite").replace(path)
    else:
        con = sqlite3.connect(path)
        con.execute("INSERT INTO run_lock (name, holder, acquired_at, heartbeat_at) "
                    "VALUES ('x', 'other', '2026-01-01', '2026-01-01')")
        con.commit()
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # into the file: its size and mtime move
        con.close()
    again = kept_store(url)
    assert again is not engine
    expected = {"deleted": [], "restored": ["before"], "written-by-another": ["after", "before", "other"]}[change]
    assert rows(again) == expected
