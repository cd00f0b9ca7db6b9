"""ops50's open B: ``config`` run as another user than the store's owner, who can write it, notes it and exits 0 (kept),
but the note said only that the writers (run, replay, schedule, serve, accept) would fail as this user. For a store in
WAL mode in a folder this user cannot write, every reader fails too (``status``, ``feeds``, ``timeline``: exit 3, SQLite
must make the ``-shm`` beside it); where this user can write the folder, a reader works but leaves a ``-wal``/``-shm``
of this user's, which the owner's next writer cannot write (exit 3). The note now says what fails as this user, and
each claim is checked here against the real commands run as that user (``setpriv``). Session 52 (ops52): the readers
work in both folders and leave nothing (a private copy of a store no writer has open: test_reader_files52), and
``feeds`` is one of the writers."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.conftest import REPO_ROOT
from tests.faults import test_config_owner50 as owner50
from tests.faults.test_config_owner50 import OTHER, SERVICE, _as, pytestmark  # noqa: F401 - its skip

data = owner50.data  # its fixture: the replayed store in a folder the service's user owns

NOTE = ("mofcom-watch config: note: the SQLite store {store}: this user (uid {me}) cannot write {what}; its owner "
        "(uid {owner}) can. As uid {me}, ")


def _wal(store: Path) -> bool:
    return store.read_bytes()[18] == 2


AS_THIS_USER = ("run, replay, schedule, serve, feeds and accept, which write it, would fail (exit 3); status, timeline "
                "and the other readers work, and leave nothing beside store.sqlite for uid {owner}'s runs to trip on")


def test_a_wal_store_in_a_folder_this_user_cannot_write_the_writers_fail_the_readers_work_and_the_note_says_so(
        data: Path) -> None:
    store = data / "store.sqlite"
    assert _wal(store)
    said = _as(OTHER, "--db", f"sqlite:///{store}", "config")
    assert said.returncode == 0, said.stderr
    assert (NOTE.format(store=store, me=OTHER, what=f"its folder {data} (owned by uid {SERVICE}, mode 755)",
                        owner=SERVICE)
            + AS_THIS_USER.format(owner=SERVICE) + f"; as uid {SERVICE} they work") in said.stderr, said.stderr
    assert _as(OTHER, "--db", f"sqlite:///{store}", "status").returncode in (0, 1)  # what the note says (was 3)
    assert _as(OTHER, "--db", f"sqlite:///{store}", "replay", str(REPO_ROOT / "fixtures")).returncode == 3
    assert _as(SERVICE, "--db", f"sqlite:///{store}", "status").returncode in (0, 1)


def test_a_store_in_delete_mode_the_readers_work_as_this_user_and_the_note_says_so(data: Path) -> None:
    store = data / "store.sqlite"
    with sqlite3.connect(store) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    assert not _wal(store)
    said = _as(OTHER, "--db", f"sqlite:///{store}", "config")
    assert said.returncode == 0, said.stderr
    assert ("As uid 65534, " + AS_THIS_USER.format(owner=SERVICE) + "; as uid 10001 they work") in said.stderr, \
        said.stderr
    assert _as(OTHER, "--db", f"sqlite:///{store}", "status").returncode in (0, 1)
    assert _as(OTHER, "--db", f"sqlite:///{store}", "replay", str(REPO_ROOT / "fixtures")).returncode == 3


def test_a_wal_store_in_a_folder_this_user_can_write_the_note_says_a_reader_leaves_nothing(data: Path) -> None:
    store = data / "store.sqlite"
    data.chmod(0o777)  # (a folder shared by a group of admins, say; the file is the service's, 0644)
    said = _as(OTHER, "--db", f"sqlite:///{store}", "config")
    assert said.returncode == 0 and AS_THIS_USER.format(owner=SERVICE) in said.stderr, said.stderr
    assert _as(OTHER, "--db", f"sqlite:///{store}", "status").returncode in (0, 1)  # what it says: a reader works,
    assert sorted(p.name for p in data.iterdir()) == ["store.sqlite"]  # leaves nothing (was: its -wal and -shm),
    assert _as(SERVICE, "--db", f"sqlite:///{store}", "replay", str(REPO_ROOT / "fixtures")).returncode in (0, 1)
