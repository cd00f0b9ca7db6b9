"""/healthz tells the truth about publishing (issue 9 item 2).

It used to report "ok" from the last fetch, recorded before the feeds were written, so a cycle
whose publish crashed still looked healthy. Real processes: ``serve --schedule`` cycling every two
seconds against a local copy of the site, with a feeds folder that cannot be created (a file stands
where it should be): 503 naming the failed publish; the file removed, the next clean cycle: 200.
"""

from __future__ import annotations

import json
import time

import pytest

from tests.conftest import REPO_ROOT
from tests.faults.serving import serving
from tests.faults.test_pipe_output import cli

site_server = pytest.importorskip("tests.site_server")
WWW = "www.mofcom.gov.cn"
AS_OF = "2026-11-29"


def wait_for(served, predicate, what: str, timeout: float = 120.0) -> dict:
    deadline = time.monotonic() + timeout
    report: dict = {}
    while time.monotonic() < deadline:
        assert served.proc.poll() is None, "serve exited"
        status, _h, body = served.get("/healthz")
        report = dict(json.loads(body), http=status)
        if predicate(report):
            return report
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}: {report}")


def test_healthz_is_503_after_a_failed_publish_and_200_after_a_clean_one(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the feeds folder's parent should be")
    db = f"sqlite:///{tmp_path / 'db.sqlite'}"
    with site_server.SiteServer(REPO_ROOT / "fixtures") as site:
        env = {"MOFCOM_WATCH_BASE_URLS": f"{WWW}={site.base_url(WWW)}", "MOFCOM_WATCH_SOURCES": "mofcom-qa",
               "MOFCOM_WATCH_REQUEST_DELAY": "0", "MOFCOM_WATCH_RETRIES": "0", "MOFCOM_WATCH_TIMEOUT": "5",
               "MOFCOM_WATCH_FEEDS_DIR": str(blocker / "feeds"), "PYTHONPATH": str(REPO_ROOT),
               "MOFCOM_WATCH_TODAY": AS_OF}  # the fixtures' day is today here: cycles of a past day are refused
        with serving(db, tmp_path, "--schedule", "--cron", "*/2 * * * * *", "--as-of", AS_OF, env=env) as served:
            failed = wait_for(served, lambda r: r["http"] == 503 and r.get("last_publish"), "a failed publish")
            assert failed["status"] == "fail" and failed["last_cycle"]  # fetching works: only publishing fails
            assert any(p.startswith("last publish failed") and "feeds" in p for p in failed["problems"]), failed
            assert failed["last_publish"]["ok"] is False
            status = cli("--db", db, "status", "--as-of", AS_OF)
            assert status.returncode == 1 and "LAST PUBLISH FAILED" in status.stdout, status.stdout
            assert "last run of the sources: 20" in status.stdout and "could not fetch" not in status.stdout

            blocker.unlink()  # the folder can be created again: the next cycle publishes
            healthy = wait_for(served, lambda r: r["http"] == 200, "a clean publish")
            assert healthy["status"] == "ok" and healthy["last_publish"]["ok"] is True
            assert healthy["last_successful_publish"]
            assert served.get("/feeds/notices.atom")[0] == 200
        status = cli("--db", db, "status", "--as-of", AS_OF, "--json")
        report = json.loads(status.stdout)
        assert report["last_publish"]["ok"] is True and report["last_fetch"]
