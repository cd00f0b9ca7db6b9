"""A SQLite store whose path is not UTF-8 (``/data/caf\\xe9.sqlite``, as a file system may hold): every command that
only reads opens it read-only through a ``file:`` URI, and quoting the path as text made each of them an internal
error, exit 4 (cli30). The URI quotes the path's bytes, as ``pathname2url`` quotes a UTF-8 one."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.request import pathname2url

from sqlalchemy import text

from storage import db


def test_a_path_that_is_not_utf8_opens_read_only(tmp_path: Path) -> None:
    path = tmp_path / os.fsdecode(b"caf\xe9 store.sqlite")
    with sqlite3.connect(path) as conn:  # the file system takes the name; only the URI could not
        conn.execute("CREATE TABLE t (x)")
        conn.execute("INSERT INTO t VALUES (7)")
    conn.close()
    url = f"sqlite:///{path}"
    engine = db.make_engine(url, read_only=True)
    try:
        with engine.connect() as c:
            assert c.execute(text("SELECT x FROM t")).scalar() == 7
    finally:
        engine.dispose()
    assert db.write_locked(url) is False
    assert db.file_uri(path).endswith("/caf%E9%20store.sqlite")


def test_a_utf8_path_gets_the_uri_it_had(tmp_path: Path) -> None:
    for name in ("a b?c#d%e.sqlite", "商务部/store.sqlite", "x;y=z@w.sqlite"):
        path = tmp_path / name
        assert db.file_uri(path) == "file:" + pathname2url(str(path.absolute()))
