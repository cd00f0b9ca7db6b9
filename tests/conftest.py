"""Shared fixtures: a fresh database per test (SQLite file; PostgreSQL too when configured).

Set ``MOFCOM_WATCH_TEST_PG`` to a server URL (``postgresql+psycopg://postgres@127.0.0.1:54329/postgres``)
and every test using ``db_url``/``engine`` also runs against a fresh PostgreSQL database
that is dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from storage.db import open_store

REPO_ROOT = Path(__file__).resolve().parent.parent
PG_ENV = "MOFCOM_WATCH_TEST_PG"

_BACKENDS = [pytest.param("sqlite", id="sqlite")]
if os.environ.get(PG_ENV):
    _BACKENDS.append(pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres))


@pytest.fixture
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture
def fixtures_dir() -> Path:
    return REPO_ROOT / "fixtures"


def _pg_database(server_url: str):
    """Create a uniquely named database on the server; yield its URL; drop it."""
    server = make_url(server_url)
    name = f"mw_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=_BACKENDS)
def db_url(request, tmp_path: Path):
    """A URL to an empty database: a new SQLite file in tmp_path, or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'db' / 'mofcom-watch.sqlite'}"
    else:
        yield from _pg_database(os.environ[PG_ENV])


@pytest.fixture
def engine(db_url: str):
    """``open_store(db_url)``: the schema migrated to head."""
    eng = open_store(db_url)
    yield eng
    eng.dispose()
