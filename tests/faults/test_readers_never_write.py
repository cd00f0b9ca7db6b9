"""The commands that only read (``status``, ``timeline``, ``screen``, ``evidence``) never change the store file
(ops19). Real processes, real files: a copy of the replayed store kept in SQLite's ``DELETE`` journal mode (how a
store is made readable from read-only media, or what a restore tool leaves).

Was: every connection ran ``PRAGMA journal_mode=WAL``: a read rewrote the file's header (WAL); with another
process holding a write transaction it waited 30 s for the lock, then exited 3 ("database is locked"); on a
read-only mount it exited 3 ("attempt to write a readonly database") where a read works."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import copy_of
from tests.faults.harness import AS_OF, ROOT, cli, cli_env, read_only_mount_works


def delete_mode_copy(replayed: Path, path: Path) -> str:
    url = copy_of(replayed, path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode=DELETE").fetchone() == ("delete",)
    conn.close()
    return url


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_readers_leave_the_file_as_it_is_beside_a_writer_holding_a_transaction(replayed, tmp_path):
    """``status``, ``evidence`` and ``review`` (``timeline`` and ``screen`` open the store the same way: checked by
    hand)."""
    store = tmp_path / "store.sqlite"
    url = delete_mode_copy(replayed, store)
    before = digest(store)
    writer = sqlite3.connect(store, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another process's write transaction, not committed yet
    writer.execute("UPDATE notice SET title = title WHERE id = (SELECT min(id) FROM notice)")
    try:
        status = cli(url, "status", "--json", "--as-of", AS_OF, timeout=20)
        evidence = cli(url, "evidence", "Skydio", "--out", str(tmp_path / "pack.zip"), "--as-of", AS_OF, timeout=20)
        review = cli(url, "review", "--json", timeout=20)
    finally:
        writer.rollback()
        writer.close()
    assert status.code == 1 and json.loads(status.out)["listings"], status.err  # 1: the fixtures' short counts
    assert evidence.code == 0 and (tmp_path / "pack.zip").is_file(), evidence.err
    assert review.code == 0 and json.loads(review.out) == {"pending": [], "unsure_qas": [], "needs_review": [], "gone": [],
                                                             "gaps": [], "held_steps": []}, review.err
    assert digest(store) == before
    with sqlite3.connect(store) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    conn.close()


def status_on_read_only_mount(folder: Path, url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["unshare", "-m", "sh", "-c", 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && '
                           'exec "$@"', str(folder), sys.executable, "-m", "mofcom_watch", "--db", url, "status",
                           "--json", "--as-of", AS_OF], cwd=ROOT, env=cli_env(MOFCOM_WATCH_FEEDS_DIR=str(folder / "f")),
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)


@pytest.mark.skipif(not read_only_mount_works(), reason="needs unshare -m and mount (root)")
def test_status_on_a_read_only_mount_reads_or_says_why_it_cannot(replayed, tmp_path):
    """A store in DELETE journal mode is read; one in WAL mode (as every store we write is) that no writer has open is
    read from a private copy (session 52, ops52: SQLite cannot make its -shm index there; was exit 3); one whose -wal
    holds frames, with no -shm, cannot be opened by SQLite without creating its -shm beside it: one line saying so and
    what to do, exit 3 (was: "is read-only (unable to open database file) … the next run carries on where this one
    stopped")."""
    data = tmp_path / "data"
    store = data / "store.sqlite"
    url = delete_mode_copy(replayed, store)
    before = digest(store)
    done = status_on_read_only_mount(data, url)
    assert done.returncode == 1 and json.loads(done.stdout)["listings"], done.stderr
    assert digest(store) == before and sorted(p.name for p in data.iterdir()) == ["store.sqlite"]

    wal = tmp_path / "wal"
    url = copy_of(replayed, wal / "store.sqlite")
    before = digest(wal / "store.sqlite")
    done = status_on_read_only_mount(wal, url)  # (session 52, ops52: read from a private copy, as no writer has it
    assert done.returncode == 1 and json.loads(done.stdout)["listings"], done.stderr  # open; was exit 3, below)
    assert digest(wal / "store.sqlite") == before and sorted(p.name for p in wal.iterdir()) == ["store.sqlite"]

    # a -wal holding frames (a writer killed) with no -shm: the store is read in place (a copy of the file alone
    # would miss the frames), and SQLite cannot make the -shm there
    killed = subprocess.run([sys.executable, "-c", "import os, sqlite3, sys\ncon = sqlite3.connect(sys.argv[1], "
                             "isolation_level=None)\ncon.execute('PRAGMA wal_autocheckpoint=0')\n"
                             "con.execute('PRAGMA user_version = 52')\nos._exit(0)\n", str(wal / "store.sqlite")],
                            capture_output=True, text=True, timeout=60)
    assert killed.returncode == 0 and (wal / "store.sqlite-wal").stat().st_size, killed.stderr
    (wal / "store.sqlite-shm").unlink()
    before = digest(wal / "store.sqlite")
    done = status_on_read_only_mount(wal, url)
    assert done.returncode == 3 and done.stdout == "", done.stderr
    assert done.stderr.splitlines() == [
        f"mofcom-watch status: the SQLite file {wal / 'store.sqlite'} is in WAL mode in a folder this process cannot "
        f"write ({wal}): SQLite must create store.sqlite-shm beside it even to read it; mount the folder read-write, "
        "or read a copy kept in DELETE journal mode (sqlite3 COPY 'PRAGMA journal_mode=DELETE'), then run again"]
    assert digest(wal / "store.sqlite") == before
