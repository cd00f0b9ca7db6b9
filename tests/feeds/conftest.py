"""A store with every fixture page replayed once, shared by the feed tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.feeds.replayed import replay


@pytest.fixture(scope="session")
def replayed(tmp_path_factory) -> Path:
    """Path of a SQLite file holding the replayed fixtures (tests use a copy: ``fixture_db``)."""
    root = tmp_path_factory.mktemp("store")
    replay(f"sqlite:///{root / 'db.sqlite'}")
    return root / "db.sqlite"


@pytest.fixture
def fixture_db(replayed, tmp_path) -> str:
    """URL of a private copy of the replayed store."""
    copy = tmp_path / "db.sqlite"
    shutil.copy(replayed, copy)
    return f"sqlite:///{copy}"
