"""Shared fixtures: a fresh database per test (SQLite file; PostgreSQL too when configured).

Set ``MOFCOM_WATCH_TEST_PG`` to a server URL (``postgresql+psycopg://postgres@127.0.0.1:54329/postgres``)
and every test using ``db_url``/``engine`` also runs against a fresh PostgreSQL database
that is dropped afterwards.
"""

from __future__ import annotations

import os
import shutil
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


def _pg_database(server_url: str, template: str | None = None):
    """Create a uniquely named database on the server (empty, or a copy of ``template``); yield its URL; drop it."""
    server = make_url(server_url)
    name = f"mw_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    copied = f' TEMPLATE "{template}"' if template else ""
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"{copied}'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def replayed(tmp_path_factory) -> Path:
    """A SQLite file holding the fixtures replayed once (``tests.feeds.replayed.replay``: pinned fetch time
    and as-of date), shared by every test that needs that store: use a copy (:func:`copy_of`), never it."""
    from tests.feeds.replayed import replay

    root = tmp_path_factory.mktemp("replayed")
    replay(f"sqlite:///{root / 'db.sqlite'}")
    return root / "db.sqlite"


def copy_of(replayed: Path, target: Path) -> str:
    """The URL of a private copy of the ``replayed`` store at ``target`` (the same bytes a replay leaves)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(replayed, target)
    return f"sqlite:///{target}"


def read_whole(db_url: str) -> str:
    """``db_url`` (a SQLite copy of ``replayed``) with its open source-health issues closed: the fixtures' three
    notices read short of their stated counts on purpose make every screening incomplete (``screen`` exits 1, session
    34); a test of what a screening answers when every page was read whole closes them."""
    import sqlite3

    con = sqlite3.connect(db_url.removeprefix("sqlite:///"))
    with con:
        con.execute("UPDATE health_issue SET resolved_at = CURRENT_TIMESTAMP WHERE resolved_at IS NULL")
    con.close()
    return db_url


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory) -> Path:
    """One SQLite file migrated to head, copied for each test (migrating costs ~0.5 s a test)."""
    path = tmp_path_factory.mktemp("template") / "mofcom-watch.sqlite"
    open_store(f"sqlite:///{path}").dispose()
    return path


@pytest.fixture(scope="session")
def _pg_template():
    """One PostgreSQL database migrated to head per test process, copied for each test by ``CREATE DATABASE
    ... TEMPLATE`` (0.2 s, where migrating a new database costs 2 s: 125 tests run on PostgreSQL in CI)."""
    databases = _pg_database(os.environ[PG_ENV])
    url = next(databases)
    open_store(url).dispose()  # no connection may stay open to a template while it is copied
    yield make_url(url).database
    databases.close()  # drops it


@pytest.fixture(params=_BACKENDS)
def db_url(request, tmp_path: Path):
    """A URL to a database of its own: a new SQLite file in tmp_path, or a new PostgreSQL database.

    Either is a copy of one already migrated to head by ``open_store`` (the SQLite file at
    ``tmp_path/db/mofcom-watch.sqlite``); use ``empty_db_url`` for a file that does not exist yet.
    """
    if request.param == "sqlite":
        target = tmp_path / "db" / "mofcom-watch.sqlite"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(request.getfixturevalue("_sqlite_template"), target)
        yield f"sqlite:///{target}"
    else:
        yield from _pg_database(os.environ[PG_ENV], template=request.getfixturevalue("_pg_template"))


@pytest.fixture
def empty_db_url(tmp_path: Path) -> str:
    """A SQLite URL whose file (and folder) does not exist yet."""
    return f"sqlite:///{tmp_path / 'empty' / 'mofcom-watch.sqlite'}"


@pytest.fixture
def engine(db_url: str):
    """``open_store(db_url)``: the schema migrated to head."""
    eng = open_store(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def other_db_url(request, db_url: str, tmp_path: Path):
    """A second database on the same backend as ``db_url`` (to compare two stores)."""
    if db_url.startswith("sqlite"):
        target = tmp_path / "other" / "mofcom-watch.sqlite"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(request.getfixturevalue("_sqlite_template"), target)
        yield f"sqlite:///{target}"
    else:
        yield from _pg_database(os.environ[PG_ENV], template=request.getfixturevalue("_pg_template"))
