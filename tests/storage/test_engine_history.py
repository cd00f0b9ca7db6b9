"""Each release lists the engines before it (storage/engine_history.txt), so a release older than a store's newest
engine is refused though it never derived that store (review50's and ops45's A: the order engines first derived in a
store alone took it for a new one). The list must hold this checkout's engine, or the next release refuses every store
this one derived."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from storage.derived import engine_version
from storage.engines import HISTORY, _main_engines, superseded
from tests.conftest import REPO_ROOT


def test_this_engine_is_listed_for_the_next_release():
    assert engine_version() in superseded(), (
        f"this checkout's engine {engine_version()[:12]} is not in {HISTORY.name}: run `python3 dev.py recache` and "
        "commit storage/engine_history.txt (the next release would refuse every store this one derived)")


def test_every_engine_of_the_history_since_0018_is_listed():
    """Each commit that changed storage/ since migration 0018 is a release someone may run (an image built from main):
    the next release must list its engine, or refuse the stores it derived. Read from git (skipped without it)."""
    engines = _main_engines(REPO_ROOT)
    if not engines:
        pytest.skip("no git history here (an exported tree): the list cannot be checked against it")
    assert engines[0].startswith("b2a7efa94b32")  # fa8995c3's own, as its code computed it
    missing = [v[:12] for v in engines if v not in superseded()]
    assert not missing, f"{missing} not in {HISTORY.name}: run `python3 dev.py recache` and commit the file"


def test_the_history_ships_with_the_package():
    """The file is package data (pyproject), so an installed release (the image's `pip install .`) reads it."""
    text = (REPO_ROOT / "pyproject.toml").read_text()
    assert '"engine_history.txt"' in text
    assert HISTORY.is_file()


def _digest(release: Path) -> str:
    return subprocess.run([sys.executable, "-c", "from storage.derived import engine_version; print(engine_version())"],
                          cwd=release, env={"PYTHONPATH": str(release), "PATH": "/usr/bin:/bin"}, capture_output=True,
                          text=True, check=True).stdout.strip()


def test_the_interpreters_generated_data_is_no_part_of_the_engine(tmp_path):
    """storage/codecache_data.py is made by the interpreter that runs the code (the image's build makes it again): an
    image on another Python minor release was another engine, unknown to the next release's list (ops45)."""
    release = tmp_path / "release"
    for package in ("scraper", "storage", "feeds", "mofcom_watch"):
        shutil.copytree(REPO_ROOT / package, release / package, ignore=shutil.ignore_patterns("__pycache__"))
    data = release / "storage" / "codecache_data.py"
    data.write_text(data.read_text().replace("'cpython-311'", "'cpython-312'") + "\n# made by another interpreter\n")
    assert _digest(release) == engine_version()
    events = release / "storage" / "events.py"
    events.write_text(events.read_text() + "\n# an edit\n")
    assert _digest(release) != engine_version()  # (a module's edit is a new engine, as before)
