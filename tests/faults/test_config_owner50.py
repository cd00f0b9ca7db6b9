"""ops50 (ops49's open B): ``config``'s check that the SQLite store can be written judged the user running it alone. Run
as another user than the service's (an admin's shell, uid 65534 here; the service's user owns the store, uid 10001),
it said "its folder … cannot be written by this user", exit 2, where the service writes it; run as root, it said
nothing of a store root had left in the service's folder, which the service cannot write. Now it judges this user and
the store's owner (the file's, then its folder's): only one of them able to write it is a note (exit 0) naming both
uids and which can; neither is the problem it was (exit 2). Real processes run as those users (``setpriv``), real
files, and ``replay`` run as each user to show the note says what the writers meet."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from tests.faults.harness import cli_env

SERVICE = 10001  # the image's user (Dockerfile: USER 10001:10001)
OTHER = 65534


def _as(uid: int | None, *args: str) -> subprocess.CompletedProcess[str]:
    who = [] if uid is None else ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups"]
    return subprocess.run([*who, sys.executable, "-m", "mofcom_watch", *args], cwd=REPO_ROOT,
                          env=cli_env(HOME="/tmp", MOFCOM_WATCH_BASE_URLS=""), capture_output=True, text=True,
                          timeout=180, stdin=subprocess.DEVNULL)


def _others_run() -> bool:
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        return False
    try:
        probe = _as(OTHER, "--version")
    except (OSError, subprocess.SubprocessError):
        return False
    return probe.returncode == 0


pytestmark = pytest.mark.skipif(not _others_run(), reason="needs root, setpriv, and a checkout other users can read")


@pytest.fixture
def data(replayed: Path) -> Iterator[Path]:
    """The replayed store in a folder the service's user owns (0755, the file 0644), under the system's temporary
    folder (pytest's are 0700: another user cannot reach into them)."""
    top = Path(tempfile.mkdtemp(prefix="mw-owner50-"))
    top.chmod(0o755)
    folder = top / "data"
    folder.mkdir()
    shutil.copyfile(replayed, folder / "store.sqlite")
    for p in (folder, folder / "store.sqlite"):
        os.chown(p, SERVICE, SERVICE)
    (folder / "store.sqlite").chmod(0o644)
    try:
        yield folder
    finally:
        shutil.rmtree(top)


def _config(uid: int | None, store: Path) -> tuple[subprocess.CompletedProcess[str], dict[str, object]]:
    said = _as(uid, "--db", f"sqlite:///{store}", "config")
    shown = json.loads(_as(uid, "--db", f"sqlite:///{store}", "config", "--json").stdout)
    return said, shown


def test_config_run_as_another_user_than_the_stores_owner_notes_it_and_exits_0(data: Path) -> None:
    store = data / "store.sqlite"
    said, shown = _config(OTHER, store)
    assert said.returncode == 0, said.stderr
    assert shown["ok"] is True and shown["problems"] == []
    assert (f"mofcom-watch config: note: the SQLite store {store}: this user (uid {OTHER}) cannot write its folder "
            f"{data} (owned by uid {SERVICE}, mode 755); its owner (uid {SERVICE}) can. As uid {OTHER}, ") in said.stderr, \
        said.stderr  # (what fails as this user: test_config_owner51)
    assert "cannot be written by this user" not in said.stderr
    assert [n for n in shown["notes"] if str(n).startswith(f"the SQLite store {store}: this user (uid {OTHER})")]
    # what the note says: the owner's writer works, this user's fails
    assert _as(SERVICE, "--db", f"sqlite:///{store}", "replay", str(REPO_ROOT / "fixtures")).returncode in (0, 1)
    assert _as(OTHER, "--db", f"sqlite:///{store}", "replay", str(REPO_ROOT / "fixtures")).returncode == 3
    # the service's own user: no word at all
    own = _as(SERVICE, "--db", f"sqlite:///{store}", "config")
    assert own.returncode == 0 and "note: the SQLite store" not in own.stderr, own.stderr


def test_config_run_as_root_notes_a_store_file_the_folders_owner_cannot_write(data: Path) -> None:
    store = data / "store.sqlite"
    os.chown(store, 0, 0)  # (root ran a writer on the service's folder first: the file is root's, 0644)
    said, shown = _config(None, store)
    assert said.returncode == 0 and shown["ok"] is True, said.stderr
    assert (f"mofcom-watch config: note: the SQLite store {store}: its folder's owner (uid {SERVICE}) cannot write the "
            f"file store.sqlite (owned by uid 0, mode 644); this user (uid 0) can: a service running as uid {SERVICE} "
            "would fail on it (exit 3)") in said.stderr, said.stderr
    assert _as(SERVICE, "--db", f"sqlite:///{store}", "replay", str(REPO_ROOT / "fixtures")).returncode == 3


def test_config_says_a_store_neither_this_user_nor_its_owner_can_write_is_a_problem(data: Path) -> None:
    store = data / "store.sqlite"
    data.chmod(0o555)
    try:
        said, shown = _config(OTHER, store)
    finally:
        data.chmod(0o755)
    assert said.returncode == 2, said.stderr
    line = (f"the SQLite store {store}: this user (uid {OTHER}) cannot write its folder {data} (owned by uid {SERVICE}, "
            f"mode 555), nor can its owner (uid {SERVICE}): run, replay, schedule, serve, feeds and accept would fail on "
            "it")
    assert f"mofcom-watch config: {line}" in said.stderr, said.stderr
    assert shown["ok"] is False and any(str(p).startswith(line) for p in shown["problems"])  # type: ignore[union-attr]
