"""Read-only commands never create a database, and `feeds` never blanks live feeds from an empty
store (issue 9 item 3). A mistyped ``--db`` used to create an empty store, exit 0, and rewrite
``all.atom`` from 44 entries to 0. Real processes, real files."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import REPO_ROOT
from tests.faults.test_pipe_output import cli

AS_OF = "2026-11-29"


@pytest.mark.parametrize("command", [("status",), ("timeline", "skydio"), ("feeds", "--out", "{out}"),
                                     ("serve", "--port", "1")])
def test_a_missing_database_is_exit_2_and_is_not_created(tmp_path, command):
    typo = tmp_path / "typo" / "demo.sqlite"
    args = [a.replace("{out}", str(tmp_path / "feeds")) for a in command]
    result = cli("--db", f"sqlite:///{typo}", *args, "--as-of", AS_OF)
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip() == f"mofcom-watch: no database at {typo}: run replay or run first"
    assert not typo.exists() and not typo.parent.exists()
    assert not (tmp_path / "feeds").exists()


def test_config_opens_no_database(tmp_path):
    typo = tmp_path / "typo" / "demo.sqlite"
    result = cli("--db", f"sqlite:///{typo}", "config")
    assert result.returncode == 0 and not typo.parent.exists()


def test_feeds_from_an_empty_store_never_replace_feeds_with_items(tmp_path):
    db = f"sqlite:///{tmp_path / 'demo.sqlite'}"
    out = tmp_path / "feeds"
    assert cli("--db", db, "replay", str(REPO_ROOT / "fixtures"), "--as-of", AS_OF).returncode in (0, 1)
    assert cli("--db", db, "feeds", "--out", str(out), "--as-of", AS_OF).returncode in (0, 1)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert b"<entry" in before[out / "all.atom"]
    # another store that exists but holds nothing (an empty database from an earlier typo)
    empty = tmp_path / "empty.sqlite"
    shutil.copy(tmp_path / "demo.sqlite", empty)
    import sqlite3
    con = sqlite3.connect(empty)
    for table in ("listing", "action", "notice_version", "notice_url", "event", "notice"):
        con.execute(f"DELETE FROM {table}")
    con.commit()
    con.close()
    refused = cli("--db", f"sqlite:///{empty}", "feeds", "--out", str(out), "--as-of", AS_OF)
    assert refused.returncode == 2
    assert "holds no notices" in refused.stderr and "--allow-empty" in refused.stderr
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    forced = cli("--db", f"sqlite:///{empty}", "feeds", "--out", str(out), "--as-of", AS_OF, "--allow-empty")
    assert forced.returncode in (0, 1), forced.stderr
    assert b"<entry" not in (out / "all.atom").read_bytes()
    # an empty store over an empty folder is simply written
    fresh = cli("--db", f"sqlite:///{empty}", "feeds", "--out", str(tmp_path / "new"), "--as-of", AS_OF)
    assert fresh.returncode in (0, 1) and (tmp_path / "new" / "all.atom").exists()
