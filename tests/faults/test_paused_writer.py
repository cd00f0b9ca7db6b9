"""A writer paused mid-transaction (SIGSTOP) keeps the SQLite store write-locked, and a paused ``run`` keeps the run
lock: every later writer waits ``busy_timeout`` (30 s) and stops with one line, exit 3 (``run``: checked by hand).
What a reader of the health sees is checked here (ops19). Real files; real processes where the fault lives in one.

Was: a plain ``serve`` failed every publish ("database is locked"), could not record that either, and answered
``/healthz`` 200; ``status`` listed a clean store beside a run lock whose holder was stopped."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from sqlalchemy import event

from tests.conftest import copy_of
from tests.faults.harness import AS_OF, cli, cli_env


def test_healthz_fails_while_another_writer_keeps_the_store_locked(replayed, tmp_path):
    from starlette.testclient import TestClient

    from mofcom_watch.publish import PublishTarget
    from mofcom_watch.server import create_app
    from mofcom_watch.server.data import StoreData
    from mofcom_watch.server.refresh import FeedRefresher
    from storage.db import open_store

    store, live = tmp_path / "store.sqlite", tmp_path / "feeds"
    engine = open_store(copy_of(replayed, store))
    engine.dispose()

    @event.listens_for(engine, "connect")  # after the store's own pragmas: wait 0.2 s for a lock, not 30 s
    def _short_wait(dbapi_conn, _record) -> None:  # noqa: ANN001
        dbapi_conn.execute("PRAGMA busy_timeout=200")

    writer = sqlite3.connect(store, isolation_level=None)  # another process's write transaction, not ending
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE notice SET title = title WHERE id = (SELECT min(id) FROM notice)")
    refresher = FeedRefresher(engine, PublishTarget(live, "http://127.0.0.1:8080/feeds/"), lambda: date.fromisoformat(AS_OF))
    app = create_app(feeds_dir=live, feeds_base_url="http://127.0.0.1:8080/feeds/", data=StoreData(engine),
                     refresher=refresher)
    try:
        assert not refresher.refresh(force=True)
        with TestClient(app) as client:
            locked = client.get("/healthz")
            writer.rollback()
            assert refresher.refresh(force=True)
            free = client.get("/healthz")
    finally:
        writer.close()
        engine.dispose()
    problems = locked.json().get("problems", [])
    assert locked.status_code == 503, locked.json()
    assert any(p.startswith(f"could not publish the store's feeds into {live} since ") and "stayed locked by another "
               "process" in p for p in problems), problems
    assert not any(p.startswith("could not publish") for p in free.json().get("problems", [])), free.json()
    assert (live / "all.atom").is_file()  # published once the lock was gone


def test_status_names_a_run_lock_held_by_a_stopped_process(replayed, tmp_path):
    from storage.db import open_store
    from storage.runlock import acquire, pid_namespace

    url = copy_of(replayed, tmp_path / "store.sqlite")
    paused = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        os.kill(paused.pid, signal.SIGSTOP)
        deadline = time.monotonic() + 10
        while Path(f"/proc/{paused.pid}/stat").read_bytes().rsplit(b")", 1)[1].split()[0] != b"T":
            assert time.monotonic() < deadline
            time.sleep(0.01)
        engine = open_store(url)
        acquire(engine, holder=f"cron-host:{paused.pid}:4dddd38e61a9:{pid_namespace()}")  # a cron run, paused
        engine.dispose()
        done = cli(url, "status", "--json", "--as-of", AS_OF, env=cli_env(MOFCOM_WATCH_FEEDS_DIR=str(tmp_path / "f")),
                   timeout=60)
        healthz = _healthz(url, tmp_path / "f")
    finally:
        paused.kill()
        paused.wait()
    from storage.runlock import stuck

    engine = open_store(url)
    try:  # gone: a dead holder of our PID namespace is taken over at once by the next run, nothing to say
        assert stuck(engine) is None
    finally:
        engine.dispose()
    answer = json.loads(done.out)
    assert done.code == 1 and answer["ok"] is False, done.err
    stuck = answer["run_lock_stuck"]
    assert stuck.startswith(f"the run lock is held by pid {paused.pid} on host cron-host (run 4dddd38e61a9) since "), stuck
    assert f"its process is stopped (SIGSTOP, a paused container: kill -CONT {paused.pid} lets it go on)" in stuck
    assert f"RUN LOCK STUCK: {stuck}" in answer["problems"]
    assert healthz.status_code == 503 and stuck in healthz.json()["problems"], healthz.json()


def _healthz(url: str, feeds: Path):  # noqa: ANN202 - a starlette Response
    from starlette.testclient import TestClient

    from mofcom_watch.server import create_app
    from mofcom_watch.server.data import StoreData
    from storage.db import open_store

    engine = open_store(url)
    try:
        with TestClient(create_app(feeds_dir=feeds, feeds_base_url="http://127.0.0.1:8080/feeds/",
                                   data=StoreData(engine))) as client:
            return client.get("/healthz")
    finally:
        engine.dispose()
