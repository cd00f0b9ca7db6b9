"""storage.derived.engine_version: an edit to any engine source, in a package under storage/ too, is a new engine.

The derive mark is keyed by it: a version that missed an edit would let a publish skip a derive the new code would make
differently (stale items, silently). Real files: a copy of storage/'s sources, edited.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import storage.derived as derived

STORAGE = Path(derived.__file__).resolve().parent


@pytest.fixture
def engine_copy(tmp_path, monkeypatch) -> Path:
    copy = tmp_path / "storage"
    shutil.copytree(STORAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(derived, "ENGINE_DIR", copy)
    return copy


def version_now(monkeypatch) -> str:
    monkeypatch.setattr(derived, "_engine_version", None)  # read once per process: read again
    return derived.engine_version()


@pytest.mark.parametrize("edited", ["lifecycle/simulate.py", "events.py"])
def test_an_edit_anywhere_in_the_engine_is_a_new_engine(engine_copy, monkeypatch, edited):
    before = version_now(monkeypatch)
    assert version_now(monkeypatch) == before  # the same sources: the same engine
    path = engine_copy / edited
    path.write_text(path.read_text() + "\n# an edit\n")
    assert version_now(monkeypatch) != before

