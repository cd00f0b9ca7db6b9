"""ops51's open B (ops52): a command run as another user than the SQLite store's owner left files beside the store.

``status`` (``timeline``, ``review``, ``screen``, ``evidence``, ``config``) run by an admin in a folder the admin may
write left ``store.sqlite-wal``/``-shm`` owned by the admin: SQLite makes them to read a store in WAL mode, even
``mode=ro``, and gives them the store's mode bits but its own user. The service's next ``run`` exited 3 on them,
naming the store file ("…/store.sqlite is read-only (attempt to write a readonly database): make the file and its
folder writable"), which it could write. In a folder the admin cannot write, every reader exited 3 (ops50).

Now: a reader whose in-place read would leave such files, or cannot make them, reads a private copy of the store,
made while the file does not change (:mod:`storage.readcopy`); a reader while a writer has the store open reads it in
place (the writer's files, its latest commit); a writer run as another user who cannot write the file is refused
before it opens it; and files another user's process left are named, with what to do (remove them where they hold
nothing, else give them to the service's user). ``status`` run as another user than the store's owner judges what the
owner can write (it said "STORE NOT WRITABLE: … every run fails" of a store the service writes, exit 1). Real processes as two users (``setpriv``), real files.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from tests.faults import test_config_owner50 as owner50
from tests.faults.test_config_owner50 import OTHER, SERVICE, _as, pytestmark  # noqa: F401 - its skip

data = owner50.data  # its fixture: the replayed store in a folder the service's user owns (0755, the file 0644)
AS_OF = "2026-11-30"
FIXTURES = str(REPO_ROOT / "fixtures")


def _beside(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _as_in(temporary: str, uid: int, *args: str) -> subprocess.CompletedProcess[str]:
    """:func:`owner50._as` with ``TMPDIR`` set to ``temporary`` (where a private copy is made)."""
    from tests.faults.harness import cli_env

    return subprocess.run(["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", sys.executable, "-m",
                           "mofcom_watch", *args], cwd=REPO_ROOT, env=cli_env(HOME="/tmp", MOFCOM_WATCH_BASE_URLS="",
                                                                             TMPDIR=temporary),
                          capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL)


def _status(uid: int, store: Path) -> tuple[int, dict[str, object]]:
    done = _as(uid, "--db", f"sqlite:///{store}", "status", "--json", "--as-of", AS_OF)
    return done.returncode, (json.loads(done.stdout) if done.stdout else {"stderr": done.stderr})


def _sql_as(uid: int, script: str, *args: str, **popen: object) -> subprocess.Popen[str]:
    """A plain Python ``sqlite3`` process run as ``uid`` (an admin's shell, the service's process)."""
    return subprocess.Popen(["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", sys.executable, "-c",
                             script, *args], text=True, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, **popen)  # type: ignore[call-overload]


@pytest.fixture
def shared(data: Path) -> Iterator[Path]:
    """``data`` writable by every user (a folder shared by a group of admins, say; the store the service's, 0644)."""
    data.chmod(0o777)
    yield data


def test_readers_run_as_another_user_leave_nothing_and_the_owners_next_run_works(shared: Path) -> None:
    store = shared / "store.sqlite"
    code, theirs = _status(OTHER, store)
    assert code == 1 and theirs.get("listings"), theirs  # (the fixtures' open issues: exit 1)
    assert _beside(shared) == ["store.sqlite"]  # was: store.sqlite-shm and -wal, owned by uid 65534
    names, copies = tempfile.mkdtemp(prefix="mw-reader52-"), tempfile.mkdtemp(prefix="mw-reader52-")
    for folder in (names, copies):
        os.chmod(folder, 0o777)
    try:
        Path(names, "names.csv").write_text("name\nSkydio\n", encoding="utf-8")
        for args in (("timeline", "skydio", "--as-of", AS_OF), ("review",), ("screen", str(Path(names, "names.csv"))),
                     ("evidence", "skydio", "--out", str(Path(names, "skydio.zip")), "--as-of", AS_OF), ("config",)):
            done = _as_in(copies, OTHER, "--db", f"sqlite:///{store}", *args)
            assert done.returncode in (0, 1), (args, done.stderr)
            assert _beside(shared) == ["store.sqlite"], args
            assert os.listdir(copies) == [], args  # (its private copy removed at its exit)
        assert Path(names, "skydio.zip").stat().st_size
    finally:
        shutil.rmtree(names)
        shutil.rmtree(copies)
    replay = _as(SERVICE, "--db", f"sqlite:///{store}", "replay", FIXTURES)
    assert replay.returncode in (0, 1), replay.stderr  # was: exit 3, "…/store.sqlite is read-only"
    code, own = _status(SERVICE, store)
    assert code == 1 and own["listings"] == theirs["listings"]
    # and the admin's status says no more than the service's: was "STORE NOT WRITABLE: … cannot be written by this user
    # (uid 65534) … every run fails (exit 3)" of a store the service writes
    assert theirs["store_unwritable"] is None and theirs["problems"] == own["problems"], theirs["problems"]


def test_a_reader_in_a_folder_it_cannot_write_reads_the_store(data: Path) -> None:
    """ops50's case: the folder is the service's (0755): SQLite cannot make the -shm there; was exit 3 for every
    reader ("…is in WAL mode in a folder this process cannot write")."""
    store = data / "store.sqlite"
    code, theirs = _status(OTHER, store)
    assert code == 1 and theirs.get("listings"), theirs
    assert _beside(data) == ["store.sqlite"]
    code, own = _status(SERVICE, store)
    assert code == 1 and own["listings"] == theirs["listings"]


HOLD = """
import sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA wal_autocheckpoint=0")  # (the commit stays in the -wal while this process lives)
con.execute("UPDATE alembic_version SET version_num = '9999'")
print("held", flush=True)
sys.stdin.read()
con.execute("UPDATE alembic_version SET version_num = ?", (sys.argv[2],))
con.close()
"""


def test_a_reader_while_the_owner_has_the_store_open_reads_its_latest_commit_in_place(shared: Path) -> None:
    """Never a copy (nor ``immutable``) where the -wal holds frames: the commit in it would be missed silently. The
    service's process commits a schema revision this version does not know and keeps the store open: the reader
    sees it (a copy of the file alone would say "this version's schema", exit 0)."""
    from storage.db import SCHEMA_HEAD

    store = shared / "store.sqlite"
    holder = _sql_as(SERVICE, HOLD, str(store), SCHEMA_HEAD)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n", holder.stderr
        assert Path(f"{store}-wal").stat().st_size > 0
        said = _as(OTHER, "--db", f"sqlite:///{store}", "config")
        assert said.returncode == 2 and "schema revision 9999" in said.stderr, said.stderr
        status = _as(OTHER, "--db", f"sqlite:///{store}", "status")
        assert status.returncode == 2 and "schema revision 9999" in status.stderr, status.stderr
    finally:
        holder.communicate("", timeout=60)
    assert holder.returncode == 0, holder.stderr
    assert _beside(shared) == ["store.sqlite"]  # (its close wrote the log in and removed both: none were the reader's)
    assert _status(OTHER, store)[0] == 1


def test_a_writer_run_as_another_user_is_refused_before_it_opens_the_store(shared: Path) -> None:
    store = shared / "store.sqlite"
    out = tempfile.mkdtemp(prefix="mw-reader52-")
    os.chmod(out, 0o777)
    try:
        for args in (("replay", FIXTURES), ("feeds", "--out", str(Path(out, "feeds")), "--as-of", AS_OF)):
            done = _as(OTHER, "--db", f"sqlite:///{store}", *args)
            assert done.returncode == 3, (args, done.stderr)
            assert done.stderr.strip() == (
                f"mofcom-watch {args[0]}: the SQLite file {store} belongs to uid {SERVICE}, and this user (uid {OTHER}) "
                f"cannot write it: run this command as uid {SERVICE} (the service's user), or make the file writable "
                f"for this user; it was not opened, so nothing is left beside it for uid {SERVICE}'s next run to trip "
                "on"), done.stderr
            assert _beside(shared) == ["store.sqlite"], args  # was: -wal and -shm of uid 65534
    finally:
        shutil.rmtree(out)
    assert _as(SERVICE, "--db", f"sqlite:///{store}", "replay", FIXTURES).returncode in (0, 1)


READ = """
import sqlite3, sys
con = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
con.execute("SELECT count(*) FROM notice").fetchone()
con.close()
"""


def test_side_files_another_users_reader_left_are_named_and_removing_them_is_the_cure(shared: Path) -> None:
    store = shared / "store.sqlite"
    reader = _sql_as(OTHER, READ, str(store))  # an admin's sqlite3 shell: mode=ro, and it leaves both
    reader.communicate(timeout=60)
    assert reader.returncode == 0, reader.stderr
    assert _beside(shared) == ["store.sqlite", "store.sqlite-shm", "store.sqlite-wal"]
    for uid, who in ((OTHER, f"the store's owner (uid {SERVICE})"), (SERVICE, f"this user (uid {SERVICE})")):
        said = _status(uid, store)[1]["store_unwritable"]  # (the admin can write them; the service cannot)
        assert said == (f"the store's file {store}-wal cannot be written by {who}: permission denied: every run fails "
                        "(exit 3) and no change reaches the feeds; make it writable"), said
    done = _as(SERVICE, "--db", f"sqlite:///{store}", "replay", FIXTURES)
    assert done.returncode == 3
    wal, shm = f"{store}-wal", f"{store}-shm"
    assert done.stderr.strip() == (
        f"mofcom-watch replay: the SQLite file {store}: store.sqlite-wal and store.sqlite-shm beside it are owned by "
        f"uid {OTHER}, which this user (uid {SERVICE}) cannot write (attempt to write a readonly database); SQLite "
        "must write them to use the store: another user's process made them (a reader of the store, such as sqlite3, "
        f"run as that user). Once no process uses the store, remove them (rm {wal} {shm}): they hold nothing the file "
        "lacks; then run again: the next run carries on where this one stopped"), done.stderr  # was: "…/store.sqlite
    # is read-only (attempt to write a readonly database): make the file and its folder writable for this user"
    os.unlink(wal)
    os.unlink(shm)
    assert _as(SERVICE, "--db", f"sqlite:///{store}", "replay", FIXTURES).returncode in (0, 1)


WRITE_AND_DIE = """
import os, sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA wal_autocheckpoint=0")
con.execute("PRAGMA user_version = 52")
os._exit(0)  # (killed: its commit stays in the -wal, never written into the file)
"""


def test_a_wal_with_frames_another_user_left_is_given_back_not_removed(shared: Path) -> None:
    """Removing a -wal that holds frames loses the commits in it: the line says to give it to the service's user (a
    writer of another user killed: a group of admins may write the store)."""
    store = shared / "store.sqlite"
    os.chown(store, SERVICE, OTHER)  # (a group of admins may write it: SQLite gives its -wal the store's mode, 0664,
    store.chmod(0o664)  # and the admin's user and group, which the service's user is not in)
    writer = _sql_as(OTHER, WRITE_AND_DIE, str(store))
    writer.communicate(timeout=60)
    assert writer.returncode == 0, writer.stderr
    wal, shm = Path(f"{store}-wal"), Path(f"{store}-shm")
    assert wal.stat().st_uid == OTHER and wal.stat().st_size > 0
    done = _as(SERVICE, "--db", f"sqlite:///{store}", "replay", FIXTURES)
    assert done.returncode == 3
    assert (f"Once no process uses the store, give them to this user (chown {SERVICE} {wal} {shm}), not removing "
            f"them: store.sqlite-wal holds {wal.stat().st_size} bytes not yet written into the file; then run "
            "again") in done.stderr, done.stderr
    for side in (wal, shm):
        os.chown(side, SERVICE, SERVICE)
    assert _as(SERVICE, "--db", f"sqlite:///{store}", "replay", FIXTURES).returncode in (0, 1)
    with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as con:
        assert con.execute("PRAGMA user_version").fetchone() == (52,)  # the commit kept
    con.close()


def test_a_file_that_changes_while_it_is_copied_is_copied_again_then_refused(tmp_path: Path) -> None:
    """The copy is kept only if the file did not change while it was copied (a checkpoint writing into it gives a
    copy of torn pages). A real file, written by a real process all along, then left alone."""
    from storage import readcopy

    store = tmp_path / "store.sqlite"
    store.write_bytes(os.urandom(1 << 20) * 48)
    writer = subprocess.Popen([sys.executable, "-c", "import os, sys, time\nfd = os.open(sys.argv[1], os.O_WRONLY)\n"
                               "while True:\n    os.pwrite(fd, os.urandom(4096), 4096)\n    time.sleep(0.0005)\n",
                               str(store)])
    try:
        time.sleep(0.2)
        with pytest.raises(readcopy.CopyFailed) as refused:
            readcopy._fresh_copy(store)
    finally:
        writer.kill()
        writer.wait()
    assert refused.value.why == "it changed each of the 3 times it was copied (a run writing it)"
    copy, signature = readcopy._fresh_copy(store)  # left alone: copied once, byte for byte, for this user only
    assert copy.read_bytes() == store.read_bytes() and signature == readcopy.Signature.of(store)
    assert copy.stat().st_mode & 0o777 == 0o600 and copy.parent.stat().st_mode & 0o777 == 0o700


def test_no_folder_for_the_copy_is_one_line_and_exit_3(data: Path) -> None:
    """A read-only root with no temporary folder (``docker run --read-only`` without ``--tmpfs /tmp``, the volume
    ``:ro``): was an internal error, exit 4 ("No usable temporary directory found"), from the copy of ops52's own fix
    (its container check)."""
    from tests.faults.harness import cli_env, read_only_mount_works

    if not read_only_mount_works():
        pytest.skip("needs unshare -m and mount (root)")
    store = Path("/mnt/store.sqlite")  # (data, under /tmp, seen there: /tmp is hidden)
    shut = (f'mount --bind "{data}" /mnt && mount -t tmpfs -o ro tmpfs /tmp && mount -t tmpfs -o ro tmpfs /var/tmp && '
            'exec "$@"')
    done = subprocess.run(["unshare", "-m", "sh", "-c", shut, "sh", "setpriv", f"--reuid={OTHER}", f"--regid={OTHER}",
                           "--clear-groups", sys.executable, "-m", "mofcom_watch", "--db", f"sqlite:///{store}",
                           "status"], cwd=REPO_ROOT, env=cli_env(HOME="/nonexistent"), capture_output=True, text=True,
                          timeout=180, stdin=subprocess.DEVNULL)
    assert done.returncode == 3 and done.stdout == "", done.stderr
    assert done.stderr.startswith(f"mofcom-watch status: the SQLite file {store} cannot be read here: read in place it "
                                  f"would leave its -wal and -shm beside it, which its owner (uid {SERVICE}) could not "
                                  f"write or this user (uid {OTHER}) cannot make, so it is read from a private copy, "
                                  "and no folder for it could be made ("), done.stderr
    assert done.stderr.rstrip().endswith(f"set TMPDIR to a folder this user can write: run again, or run as uid "
                                         f"{SERVICE}") and len(done.stderr.splitlines()) == 1, done.stderr
    assert _beside(data) == ["store.sqlite"]
    # the owner itself, the volume read-only too (docker run --read-only -v …:/data:ro)
    done = subprocess.run(["unshare", "-m", "sh", "-c", shut.replace(" && exec", " && mount -o remount,bind,ro /mnt && exec"),
                           "sh", "setpriv", f"--reuid={SERVICE}", f"--regid={SERVICE}", "--clear-groups",
                           sys.executable, "-m", "mofcom_watch", "--db", f"sqlite:///{store}", "status"], cwd=REPO_ROOT,
                          env=cli_env(HOME="/nonexistent"), capture_output=True, text=True, timeout=180,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 3 and done.stderr.startswith(
        f"mofcom-watch status: the SQLite file {store} cannot be read here: read in place it would leave its -wal and "
        "-shm beside it, which this user cannot make in its folder, so it is read from a private copy, and no folder "
        "for it could be made ("), done.stderr
    assert done.stderr.rstrip().endswith("set TMPDIR to a folder this user can write: run again"), done.stderr
