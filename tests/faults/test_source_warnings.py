"""A source's routine oddities are warnings an operator sees, failing nothing (ops20).

An index redirected out of its column (``scraper.discovery.OUT_OF_COLUMN``: read as the index, said) was said only
in a run's ``--json`` notes: a container operator, who watches ``status`` and ``/healthz``, never saw it. It is now a
warning (``HealthKind.WARNING``): ``status`` (table and ``--json``), ``/healthz``'s body and the front page show it,
``status`` exits 0 and ``/healthz`` answers 200 for it, and the next run that does not see it clears it.

Real processes on a real SQLite file against the local copy of the site (``tests/site_server.py``): a clean run, a
run whose 2025 announcement index redirects to the same page in another folder (a moved column), ``status`` and
``serve``, then a run on the site as it was.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.faults.harness import FIXTURES, Done, cli, cli_env
from tests.faults.serving import serving
from tests.site_server import Fault, SiteServer

AS_OF = "2026-11-29"
W = "www.mofcom.gov.cn"
SOURCE = "mofcom-announcements"
ANN_2025 = f"{W}/zcfb/blgg/gg/2025/index.html"
MOVED = f"{W}/zcfb/blgg/gg2025/index.html"  # another column: the folder differs
ENV = {"MOFCOM_WATCH_TODAY": AS_OF}


def run(db: str, out: Path, site: SiteServer) -> tuple[Done, dict]:
    done = cli(db, "run", "--out", str(out), "--no-progress", "--json", "--source", SOURCE,
               "--base-url", f"{W}={site.base_url(W)}", env=cli_env(**ENV))
    assert "Traceback" not in done.err, done.err
    return done, json.loads(done.out)


def status(db: str, out: Path) -> tuple[Done, dict]:
    done = cli(db, "status", "--json", env=cli_env(MOFCOM_WATCH_FEEDS_DIR=str(out), **ENV))
    assert "Traceback" not in done.err, done.err
    return done, json.loads(done.out)


def test_an_index_out_of_its_column_is_a_warning_status_and_healthz_show_and_the_next_run_clears(tmp_path):
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    with SiteServer(FIXTURES) as site:
        clean, _ = run(db, out, site)
        # the column moved: its index redirects to the same page under another path (another page answering for it,
        # as a redirect to the 2024 index, is a wrong-page failure: scraper.continuity, tests/faults/test_wrong_index.py)
        site.set_page(MOVED, (FIXTURES / ANN_2025).read_bytes())
        site.faults[ANN_2025] = Fault("redirect", location=f"{site.base_url(W)}/{MOVED.split('/', 1)[1]}")
        odd, odd_json = run(db, out, site)
        said, said_json = status(db, out)
        table = cli(db, "status", env=cli_env(MOFCOM_WATCH_FEEDS_DIR=str(out), **ENV))
        with serving(db, tmp_path, env={"MOFCOM_WATCH_FEEDS_DIR": str(out), **ENV}) as served:
            health_code, _h, health_body = served.get("/healthz")
            page = served.get("/")[2].decode("utf-8")
        del site.faults[ANN_2025]
        again, _ = run(db, out, site)
        cleared, cleared_json = status(db, out)

    # the run says it, and is as clean as the run before it
    assert odd.code == clean.code, (clean.out, odd.out)
    warned = [w for s in odd_json["sources"] for w in s["warnings"]]
    assert [w["reason"] for w in warned] == ["out-of-column"] and warned[0]["url"].endswith("/gg/2025/index.html")
    # status: shown in --json and the table, failing nothing (the same exit code and "ok" as after the clean run)
    assert said.code == cleared.code and said_json["ok"] == cleared_json["ok"], (said_json, cleared_json)
    [warning] = said_json["warnings"]
    assert warning["source"] == SOURCE and warning["url"].endswith("/zcfb/blgg/gg/2025/index.html")
    assert "outside its column" in warning["detail"] and "/zcfb/blgg/gg2025/index.html" in warning["detail"]
    assert not [h for h in said_json["health_issues"] if "column" in h["detail"]]
    assert "WARNINGS: 1" in table.out and "outside its column" in table.out and table.code == said.code
    # /healthz: in its body, 200 for it
    health = json.loads(health_body)
    assert [w["source"] for w in health.get("warnings", [])] == [SOURCE], health
    assert health_code == 200 or not any("column" in p for p in health.get("problems", [])), health
    # the front page
    assert "1 warning" in page and "outside its column" in page
    # the next run that does not see it clears it
    assert cleared_json["warnings"] == [], cleared_json
    assert again.code == clean.code
