"""Read-only commands never create a database, and `feeds` never blanks live feeds from an empty
store (issue 9 item 3). A mistyped ``--db`` used to create an empty store, exit 0, and rewrite
``all.atom`` from 44 entries to 0. Real processes, real files."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests import zygote
from tests.conftest import REPO_ROOT
from tests.faults.harness import read_only_mount_works

AS_OF = "2026-11-29"


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``tests.faults.test_pipe_output.cli`` (``mofcom-watch ARGS``, its output into pipes, 80 columns) as a real
    process forked by the test zygote (``tests/zygote.py``: the imports paid once a worker, ~1 s of CPU a process
    saved): these tests look at what a command says and writes, not at its start-up (ci54b)."""
    env = dict(os.environ, COLUMNS="80")  # what a CI shell or cron gives
    env.pop("TERMINAL_WIDTH", None)
    return subprocess.run(zygote.command(*args), capture_output=True, text=True, cwd=cwd or REPO_ROOT, env=env,
                          timeout=300, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("command", [("status",), ("timeline", "skydio"), ("feeds", "--out", "{out}"),
                                     ("serve", "--port", "1")])
def test_a_missing_database_is_exit_2_and_is_not_created(tmp_path, command):
    typo = tmp_path / "typo" / "demo.sqlite"
    args = [a.replace("{out}", str(tmp_path / "feeds")) for a in command]
    result = cli("--db", f"sqlite:///{typo}", *args, "--as-of", AS_OF)
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip() == f"mofcom-watch {command[0]}: no database at {typo}: run replay or run first"
    assert not typo.exists() and not typo.parent.exists()
    assert not (tmp_path / "feeds").exists()


def test_config_opens_no_database(tmp_path):
    """It makes nothing; a missing folder is one of its problems, exit 2, as the writers refuse it (a missing file in a
    folder that exists is none: tests/mofcom_watch/test_db_folder_missing.py)."""
    typo = tmp_path / "typo" / "demo.sqlite"
    result = cli("--db", f"sqlite:///{typo}", "config")
    assert result.returncode == 2 and f"mofcom-watch config: no folder {typo.parent} " in result.stderr
    assert not typo.parent.exists()


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




def _on_read_only(folder, db: str, *args: str):  # noqa: ANN001, ANN202
    """``mofcom-watch --db DB ARGS`` with ``folder`` bind-mounted read-only over itself (its own mount namespace)."""
    import subprocess
    import sys

    from tests.faults.harness import cli_env

    return subprocess.run(["unshare", "-m", "sh", "-c", 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && '
                           'exec "$@"', str(folder), sys.executable, "-m", "mofcom_watch", "--db", db, *args],
                          cwd=REPO_ROOT, env=cli_env(MOFCOM_WATCH_FEEDS_DIR=str(folder.parent / "served")),
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)


def _files(folder) -> dict:  # noqa: ANN001
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.skipif(not read_only_mount_works(), reason="needs unshare -m and mount (root)")
def test_feeds_serve_and_evidence_on_a_read_only_store_or_output_are_one_line_and_exit_3(tmp_path, replayed):
    """The store on a read-only mount (SQLite cannot open it to write: it must write its -shm index), then the output
    folder read-only: each command says so in one line, exits 3 (a resource), writes and blanks nothing, leaves no
    temporary file; ``evidence``, which only reads the store, reads a private copy of it (session 52). (``serve`` on
    a store refused at start serves the folder as it is, ``/healthz`` 503 saying why:
    ``test_damaged_store.test_serve_on_a_store_refused_at_start_serves_the_folder_and_says_why``.)"""
    from tests.conftest import copy_of

    data = tmp_path / "data"
    db = copy_of(replayed, data / "store.sqlite")
    out = tmp_path / "out"
    (out / "entity").mkdir(parents=True)
    for name in ("all.atom", "entity/skydio.atom", "skydio.zip"):  # what earlier runs left (any bytes will do)
        (out / name).write_bytes(f"the last good {name}".encode())
    before = _files(out)
    cases = {
        "feeds (store read-only)": (data, ("feeds", "--out", str(out), "--as-of", "2026-11-30"),
                                    "mofcom-watch feeds: the SQLite file "),
        "feeds (output read-only)": (out, ("feeds", "--out", str(out), "--as-of", "2026-11-30"),
                                     f"mofcom-watch feeds: cannot write the feeds in {out}: it is on a read-only file "
                                     "system"),
        "evidence (output read-only)": (out, ("evidence", "skydio", "--out", str(out / "skydio.zip")),
                                        f"mofcom-watch evidence: cannot write {out / 'skydio.zip'} (it is left as it "
                                        "was): read-only file system"),
    }
    for case, (folder, args, line) in cases.items():
        done = _on_read_only(folder, db, *args)
        lines = [text for text in done.stderr.splitlines() if text.strip()]
        assert done.returncode == 3, (case, done.stdout, done.stderr)
        assert len(lines) == 1 and lines[0].startswith(line) and "Traceback" not in done.stderr, (case, done.stderr)
        assert _files(out) == before, case
    assert not (tmp_path / "served").exists() or not any((tmp_path / "served").iterdir())
    # evidence only reads the store: from a private copy there (session 52, ops52; was exit 3 as feeds)
    beside = _files(data)
    done = _on_read_only(data, db, "evidence", "skydio", "--out", str(out / "skydio.zip"))
    assert done.returncode == 0 and (out / "skydio.zip").read_bytes()[:2] == b"PK", done.stderr
    assert _files(data) == beside


def test_config_says_a_store_of_a_newer_schema_and_writes_nothing(tmp_path):
    """cli37's B: ``config`` exited 0 on a store a newer mofcom-watch wrote, which every other command refuses (exit 2):
    the operator's check passed and the next cron ``run`` failed. Now it reads the store's schema revision on a
    read-only connection and says the same line, exit 2; an older schema is a note (the next command upgrades it for
    good); a database server is not connected to, and the output says so. The store file is never written."""
    import json
    import sqlite3

    from storage.db import SCHEMA_HEAD, open_store

    store = tmp_path / "store.sqlite"
    url = f"sqlite:///{store}"
    open_store(url).dispose()
    at_head = cli("--db", url, "config")
    assert at_head.returncode == 0 and at_head.stderr == "", at_head.stderr
    assert at_head.stdout.endswith("# store schema: this version's schema\n")

    def stored_at(revision: str) -> bytes:
        con = sqlite3.connect(store)
        with con:
            con.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        con.close()
        return store.read_bytes()

    before = stored_at("0042")  # a store an image rolled forward wrote, read by the image rolled back
    newer = cli("--db", url, "config")
    said = (f"the database is at schema revision 0042, which this version of mofcom-watch does not know (newest known: "
            f"{SCHEMA_HEAD}); it was written by a newer mofcom-watch: upgrade the program, or use another database")
    assert newer.returncode == 2 and newer.stderr == f"mofcom-watch config: {said}\n", newer.stderr
    assert cli("--db", url, "status").stderr.splitlines()[0] == f"mofcom-watch status: {said}"  # the same words
    as_json = cli("--db", url, "config", "--json")
    answer = json.loads(as_json.stdout)
    assert as_json.returncode == 2 and answer["ok"] is False and answer["problems"] == [said]
    assert answer["store"] == {"looked": True, "revision": "0042", "head": SCHEMA_HEAD, "said": said}
    assert store.read_bytes() == before

    before = stored_at("0015")
    older = cli("--db", url, "config")
    assert older.returncode == 0 and older.stderr.startswith(
        f"mofcom-watch config: note: the store is at schema revision 0015: the next command that opens it upgrades it "
        f"to {SCHEMA_HEAD}"), older.stderr
    assert store.read_bytes() == before  # not upgraded by config

    server = cli("--db", "postgresql+psycopg://mw@db.invalid/mw", "config", "--json")
    assert server.returncode == 0 and json.loads(server.stdout)["store"]["looked"] is False
    assert "not looked at: config connects to no database server" in json.loads(server.stdout)["store"]["said"]
