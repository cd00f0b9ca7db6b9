"""ops50: a run that failed because PostgreSQL went away (stopped, or restarted under it), with the data folder not there
(the feeds written elsewhere, ``--out`` or ``feeds_dir``: with a database server nothing else makes that folder).
ops42's line for the readers is left in the data folder; it could not be written there, unsaid, and ``status``
(another process) exited 0, all clear, once the server was back, until the next run. Now the folder is made for the
line: ``status`` says "LAST RUN COULD NOT WRITE THE STORE", exit 1, until a run finishes. A throwaway cluster of the
test's own; real ``run`` and ``status`` processes."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests import zygote
from tests.conftest import REPO_ROOT
from tests.faults.harness import FIXTURES, cli_env, run_args
from tests.faults.postgres import Cluster, why_not
from tests.site_server import SiteServer

REASON = why_not()
SAID = "LAST RUN COULD NOT WRITE THE STORE: the last run, at "


@pytest.mark.skipif(REASON is not None, reason=REASON or "")
def test_a_run_that_lost_postgresql_is_said_by_status_though_the_data_folder_was_not_there(tmp_path):
    data = tmp_path / "data"  # (not made: the feeds go to tmp_path / "feeds")
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
        assert not data.exists()  # what the case is: nothing made it
        code0, before = status(db)
        assert before["run_store_fault"] is None
        pg.stop()
        down = cli(db, *run_args(site.url, tmp_path / "feeds"))
        assert down.returncode == 3 and "unreachable" in down.stderr, down.stderr[-2000:]
        pg.start()
        code, report = status(db)
        assert code == 1 and report["ok"] is False, report
        assert "unreachable" in (report["run_store_fault"] or ""), report["run_store_fault"]
        assert any(p.startswith(SAID) for p in report["problems"]), report["problems"]
        again = cli(db, *run_args(site.url, tmp_path / "feeds"))
        assert again.returncode in (0, 1), again.stderr[-2000:]
        code, report = status(db)
        assert code == code0 and report["run_store_fault"] is None, report
