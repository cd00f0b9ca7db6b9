"""A private copy of the store with every fixture page replayed once (``replayed``: tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import copy_of


@pytest.fixture
def fixture_db(replayed: Path, tmp_path: Path) -> str:
    """URL of a private copy of the replayed store."""
    return copy_of(replayed, tmp_path / "db.sqlite")
