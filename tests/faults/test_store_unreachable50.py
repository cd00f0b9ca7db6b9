"""ops50: a store under a folder this user may not enter (a container volume seen from the host by another user than
root: ``/var/lib/containers`` is 0700 root's). Every command, ``config`` included, said "internal error:
PermissionError: [Errno 13] Permission denied: '…/mofcom-watch.sqlite' (… please report it)", exit 4. Now it is one
line naming the folder this user may not enter, its owner and mode: exit 3 (a resource fault, as a read-only store),
``config`` exit 2 with the configuration printed and the line among its problems. Real processes run as uid 65534
(``setpriv``; root only), real files."""

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

OTHER = 65534


def _as_other(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["setpriv", f"--reuid={OTHER}", f"--regid={OTHER}", "--clear-groups", sys.executable, "-m",
                           "mofcom_watch", *args], cwd=REPO_ROOT, env=cli_env(HOME="/tmp", MOFCOM_WATCH_BASE_URLS=""),
                          capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL)


def _others_run() -> bool:
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        return False
    try:
        return _as_other("--version").returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


pytestmark = pytest.mark.skipif(not _others_run(), reason="needs root, setpriv, and a checkout other users can read")


@pytest.fixture
def shut(replayed: Path) -> Iterator[tuple[Path, Path]]:
    """The replayed store at ``top/volumes/v/_data/store.sqlite``, ``volumes`` 0700 root's (as podman's)."""
    top = Path(tempfile.mkdtemp(prefix="mw-unreach50-"))
    top.chmod(0o755)
    volumes = top / "volumes"
    data = volumes / "v" / "_data"
    data.mkdir(parents=True)
    shutil.copyfile(replayed, data / "store.sqlite")
    volumes.chmod(0o700)
    try:
        yield volumes, data / "store.sqlite"
    finally:
        volumes.chmod(0o755)
        shutil.rmtree(top)


def test_commands_on_a_store_this_user_cannot_reach_say_which_folder_and_exit_3(shut: tuple[Path, Path]) -> None:
    volumes, store = shut
    db = f"sqlite:///{store}"
    said = (f"cannot reach {store}: this user (uid {OTHER}) may not enter the folder {volumes} (owned by uid 0, mode "
            "700) (Permission denied): run as a user that may (for a store, the service's user), or give a path this "
            "user can reach")
    for command in (("status",), ("timeline", "skydio"), ("feeds", "--out", "/tmp/mw-unreach50-feeds"),
                    ("run", "--no-progress")):
        done = _as_other("--db", db, *command)
        assert done.returncode == 3, (command, done.stderr)
        line = done.stderr.strip()  # (run names the store's folder, where SQLite opens it: its path's first use)
        assert line in (f"mofcom-watch {command[0]}: {said}", f"mofcom-watch {command[0]}: " + said.replace(
            f"cannot reach {store}:", f"cannot reach {store.parent}:")), (command, line)
    shown = _as_other("--db", db, "config")
    assert shown.returncode == 2, shown.stderr
    assert f"mofcom-watch config: {said}" in shown.stderr and "internal error" not in shown.stderr
    assert f"# store schema: not looked at: {said}" in shown.stdout and "data_dir = " in shown.stdout
    as_json = _as_other("--db", db, "config", "--json")
    report = json.loads(as_json.stdout)
    assert as_json.returncode == 2 and report["ok"] is False and said in report["problems"], report
