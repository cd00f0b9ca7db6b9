"""A run or a cycle that failed because PostgreSQL was gone, then the server back: `status` (another process) exited
0, all clear, until the next cycle ran (ops42: `/healthz` and the log said the failure; a SQLite store has the
``-run-failed`` line beside its file, a database server has no file beside it). The line is now left in the data
folder, named after the database, and said by `status` until a run or cycle finishes. A throwaway cluster of the
test's own; real `run`, `status` and cycle processes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests import zygote
from tests.conftest import REPO_ROOT
from tests.faults.harness import FIXTURES, cli_env, run_args
from tests.faults.postgres import Cluster, why_not
from tests.site_server import SiteServer

REASON = why_not()
SAID = "LAST RUN COULD NOT WRITE THE STORE: the last run, at "
CYCLE = r'''
import sys
from pathlib import Path
from mofcom_watch.config import load_settings
from mofcom_watch.scheduler import real_cycle
try:
    real_cycle(load_settings())("cycle-1")
except Exception as exc:
    print(type(exc).__name__, exc)
'''


@pytest.mark.skipif(REASON is not None, reason=REASON or "")
def test_a_run_and_a_cycle_that_lost_postgresql_are_said_by_status_once_it_is_back(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    env = cli_env(MOFCOM_WATCH_DATA_DIR=str(data))

    def cli(db: str, *args: str) -> subprocess.CompletedProcess[str]:
        # (a real process forked by the test zygote, tests/zygote.py: the imports paid once a worker; ci54b)
        return subprocess.run(zygote.command("--db", db, *args), cwd=REPO_ROOT, env=env, capture_output=True,
                              text=True, timeout=300)

    def status(db: str) -> tuple[int, dict]:
        done = cli(db, "status", "--json")
        return done.returncode, json.loads(done.stdout)

    with Cluster() as pg, SiteServer(FIXTURES) as site:
        db = pg.create("store")
        first = cli(db, *run_args(site.url, tmp_path / "feeds"))
        assert first.returncode in (0, 1), first.stderr[-2000:]
        code0, before = status(db)
        assert before["run_store_fault"] is None
        pg.stop()
        down = cli(db, *run_args(site.url, tmp_path / "feeds"))
        assert down.returncode == 3 and "unreachable" in down.stderr, down.stderr[-2000:]
        pg.start()
        code, report = status(db)
        assert code == 1 and report["ok"] is False, report
        assert "unreachable" in report["run_store_fault"], report["run_store_fault"]
        assert any(p.startswith(SAID) for p in report["problems"]), report["problems"]
        again = cli(db, *run_args(site.url, tmp_path / "feeds"))
        assert again.returncode in (0, 1), again.stderr[-2000:]
        code, report = status(db)
        assert code == code0 and report["run_store_fault"] is None, report

        pg.stop()  # a cycle of schedule / serve --schedule likewise
        cycle_env = dict(env, MOFCOM_WATCH_DB=db, MOFCOM_WATCH_SOURCES="mofcom-policy",  # the local site only
                         MOFCOM_WATCH_BASE_URLS=f"www.mofcom.gov.cn={site.url}/www.mofcom.gov.cn")
        failed = subprocess.run([sys.executable, "-c", CYCLE], cwd=REPO_ROOT, env=cycle_env, capture_output=True,
                                text=True, timeout=300)
        assert failed.stdout.startswith("CycleFault") and "unreachable" in failed.stdout, failed.stdout + failed.stderr
        pg.start()
        code, report = status(db)
        assert code == 1 and "unreachable" in (report["run_store_fault"] or ""), report
        site.reset_hits()
        done = subprocess.run([sys.executable, "-c", CYCLE], cwd=REPO_ROOT, env=cycle_env, capture_output=True,
                              text=True, timeout=300)
        assert "unreachable" not in done.stdout and site.hits, done.stdout + done.stderr  # (it fetched, locally)
        code, report = status(db)
        assert report["run_store_fault"] is None, report
