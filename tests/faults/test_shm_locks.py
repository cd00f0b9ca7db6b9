"""A process with the store open never closes a descriptor of its ``-shm`` or file of its own (ops37, the SIGBUS).

POSIX record locks belong to a process and an inode: closing *any* descriptor of the file drops every lock the
process holds on it, SQLite's included. ``storage.faults.copied_over_wal`` read the ``-shm``'s header with a plain
``open``/``close`` each time a cycle of ``serve --schedule`` opened the store, while ``serve``'s own connections held
it: ``serve`` lost its shared lock on the ``-shm``'s "dead man switch" byte (and its WAL read and write locks). The
next process to open the store (a ``status``, a cron ``run``) took that byte as the first one, truncated the ``-shm``
to 3 bytes and rebuilt it, under ``serve``'s mapping of it: ``serve`` died of SIGBUS (-7) (session 36's mid CI,
``test_health``), or read a wal-index another process was resetting, and a checkpoint beside it ignored ``serve``'s
readers. Real processes: the lock is probed from this process as another SQLite would, with ``fcntl``.
"""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from tests.faults.serving import serving
from tests.faults.test_pipe_output import cli

site_server = pytest.importorskip("tests.site_server")
WWW = "www.mofcom.gov.cn"
AS_OF = "2026-11-29"
DMS = 128  # the -shm byte every live connection holds a shared lock on (SQLite's os_unix.c: UNIX_SHM_DMS)


def dms_free(store: Path) -> bool:
    """Whether no process holds the ``-shm``'s dead man switch: the next SQLite to open the store then takes itself for
    the first one and truncates the ``-shm`` under every mapping of it. Asked as SQLite asks (an exclusive record lock,
    not waited for); released at once."""
    fd = os.open(f"{store}-shm", os.O_RDWR)
    try:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, DMS)
        except OSError:
            return False
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, DMS)
        return True
    finally:
        os.close(fd)


HOLDER = """
import sqlite3, sys, time
from pathlib import Path
from storage import faults
from storage.db import open_store
path = Path(sys.argv[1])
url = f"sqlite:///{path}"
open_store(url).dispose()  # a new store, left with its -wal
conn = sqlite3.connect(path, isolation_level=None)  # the connection of this process that holds the store
conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
faults.copied_over_wal(path)  # what open_store does before it connects
faults.check_sqlite_store(path, url)  # what serve does with a store file replaced under it
open_store(url).dispose()  # a cycle of serve --schedule opening the store beside serve's engine
print("checked", flush=True)
time.sleep(60)
"""


def test_checking_a_store_this_process_holds_keeps_its_locks(tmp_path):
    store = tmp_path / "store.sqlite"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(store)], cwd=REPO_ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONPATH=str(REPO_ROOT)))
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "checked\n", holder.communicate()[1][-2000:]
        assert Path(f"{store}-wal").exists()
        assert not dms_free(store), "the process holding the store lost its lock on the -shm"
    finally:
        holder.kill()
        holder.communicate()


def wait_for(served, predicate, what: str, timeout: float = 120.0) -> dict:
    deadline = time.monotonic() + timeout
    report: dict = {}
    while time.monotonic() < deadline:
        assert served.proc.poll() is None, f"serve exited {served.proc.returncode}"
        status, _h, body = served.get("/healthz")
        report = dict(json.loads(body), http=status)
        if predicate(report):
            return report
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}: {report}")


def test_serve_schedule_keeps_its_shm_lock_beside_other_processes(tmp_path):
    """``serve --schedule``: its cycles open the store beside the server's connections; a ``status`` and a ``run``
    beside it then find the ``-shm`` held, and ``serve`` lives on."""
    store = tmp_path / "db.sqlite"
    db = f"sqlite:///{store}"
    with site_server.SiteServer(REPO_ROOT / "fixtures") as site:
        env = {"MOFCOM_WATCH_BASE_URLS": f"{WWW}={site.base_url(WWW)}", "MOFCOM_WATCH_SOURCES": "mofcom-qa",
               "MOFCOM_WATCH_REQUEST_DELAY": "0", "MOFCOM_WATCH_RETRIES": "0", "MOFCOM_WATCH_TIMEOUT": "5",
               "PYTHONPATH": str(REPO_ROOT), "MOFCOM_WATCH_TODAY": AS_OF}
        with serving(db, tmp_path, "--schedule", "--cron", "*/3 * * * * *", "--as-of", AS_OF, env=env) as served:
            first = wait_for(served, lambda r: r.get("last_cycle") and r.get("last_publish"), "a cycle")
            second = wait_for(served, lambda r: r.get("last_cycle") != first.get("last_cycle"), "a second cycle")
            assert second["http"] == 200, second
            assert not dms_free(store), "serve lost its lock on the -shm"
            for _ in range(3):
                assert cli("--db", db, "status", "--as-of", AS_OF).returncode in (0, 1)
                status, _h, _b = served.get("/entity/skydio")
                assert status in (200, 404) and served.proc.poll() is None
            assert not dms_free(store), "serve lost its lock on the -shm"
            assert wait_for(served, lambda r: r["http"] == 200, "healthy")["status"] == "ok"
        assert "Bus error" not in served.stderr and served.proc.returncode == 0, served.stderr[-2000:]
