"""The packaged Alembic revisions build exactly the models' schema, on any database."""

from __future__ import annotations

import logging
import os
import sqlite3
import uuid
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from storage import newstore
from storage.db import DatabaseError, current_revision, head_revision, make_engine, open_store
from storage.models import Base
from tests.conftest import PG_ENV


def test_migrations_produce_exactly_the_models(db_url, empty_db_url, monkeypatch):
    monkeypatch.setattr(newstore, "_SCRIPT", None)  # migrated by Alembic, not rebuilt from this process's first store
    engine = open_store(empty_db_url if db_url.startswith("sqlite") else db_url)  # fresh, not the template copy
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    engine.dispose()
    assert diff == [], f"models.py and the migrations differ; add an Alembic revision: {diff}"


def test_open_store_is_at_head_and_idempotent(empty_db_url):
    db_url = empty_db_url
    assert current_revision(make_engine(db_url)) is None
    eng = open_store(db_url)
    assert current_revision(eng) == head_revision()
    tables = set(inspect(eng).get_table_names())
    eng.dispose()
    eng = open_store(db_url)  # second open: nothing to do, nothing lost
    assert set(inspect(eng).get_table_names()) == tables
    assert {"notice", "snapshot", "page", "entity", "listing", "action", "alembic_version"} <= tables
    eng.dispose()


def test_sqlite_gets_folder_and_pragmas(tmp_path: Path):
    path = tmp_path / "deep" / "er" / "x.sqlite"
    eng = open_store(f"sqlite:///{path}")
    assert path.exists()
    with eng.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 30000
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 1  # NORMAL: no fsync per page's commit
    eng.dispose()


def test_database_from_a_newer_version_is_refused_clearly(tmp_path: Path):
    path = tmp_path / "x.sqlite"
    open_store(f"sqlite:///{path}").dispose()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError, match="newer mofcom-watch"):
        open_store(f"sqlite:///{path}")


@pytest.mark.postgres
@pytest.mark.skipif(not os.environ.get(PG_ENV), reason="needs a PostgreSQL server (MOFCOM_WATCH_TEST_PG; .ci/run)")
def test_a_postgresql_database_not_in_utf8_is_refused_in_words():
    """Was: a SQL_ASCII database (initdb or createdb in the C locale) has psycopg return text as bytes, and every
    command stopped on "cannot open database …: cannot use a string pattern on a bytes-like object" (SQLAlchemy
    reading the server's version; compose's containers restarted in a loop on it)."""
    server = make_url(os.environ[PG_ENV])
    name = f"mw_test_ascii_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name} ENCODING 'SQL_ASCII' TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C'"))
    try:
        with pytest.raises(DatabaseError, match=f"database {name} is encoded SQL_ASCII, not UTF8"):
            open_store(server.set(database=name).render_as_string(hide_password=False))
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_bad_url_is_a_clear_error():
    with pytest.raises(DatabaseError, match="not a database URL"):
        make_engine("this is not a url")


def test_datetimes_come_back_as_the_same_instant_with_utc(engine):
    from datetime import datetime, timedelta, timezone

    from sqlalchemy.orm import Session

    from storage.models import Page

    beijing = datetime(2025, 5, 14, 10, 0, tzinfo=timezone(timedelta(hours=8)))
    with Session(engine) as s, s.begin():
        s.add(Page(url="https://x.example/a", host="x.example", last_fetched_at=beijing))
    with Session(engine) as s:
        got = s.query(Page).one().last_fetched_at
    assert got == beijing and got.utcoffset() == timedelta(0)


def test_sqlite_transactions_cover_ddl(tmp_path: Path):
    """A failed transaction leaves no table behind (pysqlite alone would autocommit the DDL)."""
    eng = make_engine(f"sqlite:///{tmp_path / 'x.sqlite'}")
    with pytest.raises(RuntimeError):
        with eng.begin() as conn:
            conn.execute(text("CREATE TABLE t (x INTEGER)"))
            raise RuntimeError("boom")
    assert "t" not in inspect(eng).get_table_names()
    eng.dispose()


def test_migrations_downgrade_to_base_and_up_again(empty_db_url):
    """Every revision can be undone, so a bad upgrade can be backed out."""
    from alembic import command

    from storage.db import alembic_config

    eng = open_store(empty_db_url)
    cfg = alembic_config()
    with eng.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert set(inspect(eng).get_table_names()) <= {"alembic_version"}
    eng.dispose()
    eng = open_store(empty_db_url)
    assert current_revision(eng) == head_revision() and "notice" in inspect(eng).get_table_names()
    eng.dispose()


def test_a_database_folder_that_cannot_be_created_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(DatabaseError, match="cannot create the database folder") as absolute:
        make_engine(f"sqlite:///{blocker / 'sub' / 'db.sqlite'}")
    assert "relative" not in str(absolute.value)


def test_a_relative_database_folder_that_cannot_be_created_says_where_and_the_cure(tmp_path, monkeypatch):
    """cli31: ``run`` from cron, in a folder it cannot write, with the default data_dir ``data``: "cannot create the
    database folder data: Permission denied", naming neither the folder it was relative to nor the setting."""
    (tmp_path / "file").write_text("not a folder")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DatabaseError, match=rf"cannot create the database folder file/data: .* \(file/data is relative "
                                           rf"to the folder the command started in, {tmp_path}: .* set data_dir "
                                           r"\(MOFCOM_WATCH_DATA_DIR\) or --db to an absolute path"):
        make_engine("sqlite:///file/data/mofcom-watch.sqlite")
    from storage.db import MissingDatabase, require_existing

    with pytest.raises(MissingDatabase, match=rf"no database at data/x.sqlite: run replay or run first \(data/x.sqlite "
                                              rf"is relative to the folder the command started in, {tmp_path}"):
        require_existing("sqlite:///data/x.sqlite")  # status, from cron's folder


def test_schema_head_constant_is_alembics_head():
    """open_store skips Alembic for a store at SCHEMA_HEAD: a new revision must move it."""
    from storage.db import SCHEMA_HEAD

    assert SCHEMA_HEAD == head_revision()


def test_a_store_behind_head_is_still_upgraded(empty_db_url, caplog):
    """The fast path reads the stored revision; anything but the head still goes through Alembic. The upgrade is
    one log line naming both revisions (cli31: a store of an older version was upgraded by the first command, even
    ``status``, without a word, and that version refused it from then on); a new store's making is none."""
    from alembic import command

    from storage.db import alembic_config

    with caplog.at_level(logging.INFO, logger="storage.db"):
        eng = open_store(empty_db_url)
    assert not [r for r in caplog.records if r.name == "storage.db"]  # a new store: nothing to say
    cfg = alembic_config()
    with eng.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    assert current_revision(eng) == "0001"
    eng.dispose()
    with caplog.at_level(logging.INFO, logger="storage.db"):
        eng = open_store(empty_db_url)
        again = open_store(empty_db_url)  # once: at head, nothing more
    assert current_revision(eng) == head_revision()
    eng.dispose()
    again.dispose()
    said = [r for r in caplog.records if r.name == "storage.db"]
    assert [r.getMessage() for r in said] == ["store upgraded to this version's schema"]
    fields = said[0].fields  # type: ignore[attr-defined]
    assert (fields["from_revision"], fields["to_revision"]) == ("0001", head_revision())
    assert "older mofcom-watch refuses it" in fields["note"]
