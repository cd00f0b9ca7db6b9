"""A stopped `serve --schedule` leaves its SQLite store whole in the one file (ops41).

SQLite writes the write-ahead log into the file and removes it when the last connection closes. The server's
read-only connection for page versions (``PRAGMA data_version``) was never closed: after `podman stop` of a container
that had run its first cycle and served the front page, ``mofcom-watch.sqlite-wal`` (4 MB) stayed beside a file that
held none of the cycle's 557 events, so a copy of the stopped store's file, the backup any operator takes of a
stopped service, lacked them all. Real process, real SIGTERM, real files; a local copy of the site.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.service.test_service_serve_schedule import FIXTURES, WWW, free_port, get, poll

site_server = pytest.importorskip("tests.site_server")

REPO = Path(__file__).resolve().parents[2]


def test_stopped_serve_schedule_leaves_no_wal_and_the_file_holds_the_cycle(tmp_path: Path) -> None:
    data = tmp_path / "data"
    port = free_port()
    with site_server.SiteServer(FIXTURES) as site:
        env = {k: v for k, v in os.environ.items() if not k.startswith("MOFCOM_WATCH_") or k == "MOFCOM_WATCH_TEST_PG"}
        env.update({
            "MOFCOM_WATCH_DATA_DIR": str(data),
            "MOFCOM_WATCH_BASE_URLS": f"{WWW}={site.base_url(WWW)}",
            "MOFCOM_WATCH_SOURCES": "mofcom-qa",
            "MOFCOM_WATCH_REQUEST_DELAY": "0",
            "MOFCOM_WATCH_RETRIES": "0",
            "MOFCOM_WATCH_TODAY": "2026-11-29",
            "PYTHONPATH": str(REPO),
        })
        proc = subprocess.Popen(
            [sys.executable, "-m", "mofcom_watch", "serve", "--schedule", "--port", str(port),
             "--cron", "0 0 1 1 *"],  # the cycle at start only
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
        base = f"http://127.0.0.1:{port}"
        try:
            poll(lambda: get(f"{base}/feeds/notices.atom")[0] == 200, proc, "the feeds of the cycle at start")
            poll(lambda: json.loads(get(f"{base}/healthz")[2]).get("last_cycle"), proc, "the cycle's end")
            assert get(f"{base}/")[0] == 200  # the front page reads the store's version on a connection of its own
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                _out, err = proc.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                _out, err = proc.communicate()
    assert proc.returncode == 0, err[-3000:]
    store = data / "mofcom-watch.sqlite"
    # before anything opens it (SQLite's own close would write a -wal in and remove it): the files the stop left,
    # and the file alone, as an operator's `cp` of a stopped store takes it
    wal_left = store.with_name(store.name + "-wal").exists()
    alone = tmp_path / "copy.sqlite"
    shutil.copyfile(store, alone)
    with sqlite3.connect(alone) as db:
        try:
            in_file: int | None = db.execute("select count(*) from event").fetchone()[0]
        except sqlite3.OperationalError:  # not even the tables: the store was all in the -wal
            in_file = None
    with sqlite3.connect(store) as db:
        events = db.execute("select count(*) from event").fetchone()[0]
    assert events > 0
    assert (wal_left, in_file) == (False, events), "serve's stop left the write-ahead log"
