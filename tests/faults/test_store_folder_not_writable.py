"""A SQLite store in a folder this user cannot write (user46's B, session 47): the folder is named, and why SQLite needs
it. Was: "the SQLite file …/new.sqlite is read-only (unable to open database file)" for a file that did not exist, and
"… is read-only (attempt to write a readonly database)" for a file this user can write in a folder it cannot: the file
was not to blame. A real `replay` process run as another user (uid 65534: root writes any folder), real files."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from tests.faults.harness import cli_env

NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


def _as_nobody(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*NOBODY, sys.executable, "-m", "mofcom_watch", *args], cwd=REPO_ROOT,
                          env=cli_env(HOME="/tmp"), capture_output=True, text=True, timeout=180,
                          stdin=subprocess.DEVNULL)


def _nobody_runs() -> bool:
    if shutil.which("setpriv") is None:
        return False
    try:
        probe = subprocess.run([*NOBODY, sys.executable, "-c", "import mofcom_watch"], cwd=REPO_ROOT,
                               capture_output=True, timeout=60, env=cli_env())
    except (OSError, subprocess.SubprocessError):
        return False
    return probe.returncode == 0


pytestmark = pytest.mark.skipif(not _nobody_runs(), reason="needs setpriv, root, and a checkout uid 65534 can read")


@pytest.fixture
def shut() -> Iterator[Path]:
    """A folder under the system's temporary folder (pytest's are 0700: another user cannot reach into them)."""
    folder = Path(tempfile.mkdtemp(prefix="mw-folder-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for p in (folder, *folder.rglob("*")):
            p.chmod(0o755 if p.is_dir() else 0o644)
        shutil.rmtree(folder)


def test_a_new_store_in_a_folder_this_user_cannot_write_names_the_folder(shut: Path) -> None:
    data = shut / "data"
    data.mkdir(mode=0o555)
    data.chmod(0o555)
    said = _as_nobody("--db", f"sqlite:///{data / 'new.sqlite'}", "replay", str(REPO_ROOT / "fixtures"))
    assert said.returncode == 3, said.stderr
    line = said.stderr.strip()
    assert line.startswith(f"mofcom-watch replay: the SQLite file {data / 'new.sqlite'}: its folder {data} cannot be "
                           "written by this user (uid 65534)"), line
    assert "SQLite must create the file there" in line and "make the folder writable" in line
    assert "is read-only" not in line and not (data / "new.sqlite").exists()


def test_a_writable_store_in_a_folder_this_user_cannot_write_names_the_folder(shut: Path, replayed: Path) -> None:
    data = shut / "data"
    data.mkdir()
    store = data / "store.sqlite"
    shutil.copyfile(replayed, store)
    store.chmod(0o666)
    data.chmod(0o555)
    before = store.read_bytes()
    said = _as_nobody("--db", f"sqlite:///{store}", "replay", str(REPO_ROOT / "fixtures"))
    assert said.returncode == 3, said.stderr
    line = said.stderr.strip().splitlines()[-1]
    assert f"its folder {data} cannot be written by this user (uid 65534)" in line, line
    assert "SQLite must write its journal (-wal, -shm) beside the file, however writable store.sqlite itself is" in line
    assert "is read-only" not in line and store.read_bytes() == before
    store.chmod(0o644)  # (root's): neither the file nor the folder: the line names both
    line = _as_nobody("--db", f"sqlite:///{store}", "replay", str(REPO_ROOT / "fixtures")).stderr.strip()
    assert f"is read-only, and so is its folder {data}, for this user (uid 65534)" in line, line
