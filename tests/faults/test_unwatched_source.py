"""A source the configuration no longer fetches keeps no "LAST RUN FAILED" for ever (ops39's B5).

Its last run failed (its list answered 503); then the operator drops it from ``[fetch] sources``. No run fetches it
again, so nothing could clear the line: ``status`` exited 1 and ``/healthz`` said ``failed_last_run`` for ever. Now,
once runs go on without it, it is said as no longer watched, failing nothing, while the same store read with the
source still configured fails as before; so does a process configured otherwise than the runs, until they drop it. Real processes, a real SQLite file, the sites over real HTTP (``tests/site_server.py``).
"""

from __future__ import annotations

import json

from tests.faults.harness import FIXTURES, cli, cli_env, run_args
from tests.faults.serving import serving
from tests.site_server import JPAAS_PATH, Fault, SiteServer

OTHERS = "mofcom-announcements,mofcom-policy,mofcom-qa,mofcom-policy-list,mfa-countermeasures,english-news"


def test_a_dropped_source_whose_last_run_failed_is_said_as_no_longer_watched(tmp_path):
    db, feeds = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    dropped = cli_env(MOFCOM_WATCH_SOURCES=OTHERS)
    with SiteServer(FIXTURES) as site:
        assert cli(db, *run_args(site.url, feeds)).code == 0
        site.faults[f"aqygzj.mofcom.gov.cn/{JPAAS_PATH}"] = Fault("503")
        failed = cli(db, *run_args(site.url, feeds))
        assert failed.code == 1 and "aqygzj" in failed.out + failed.err, failed.out + failed.err

        watched = cli(db, "status", "--json")  # still configured (every default source): fails as before
        shown = json.loads(watched.out)
        assert watched.code == 1 and [f["source"] for f in shown["last_run_failed"]] == ["aqygzj"], watched.out
        assert shown["no_longer_watched"] == [], shown["no_longer_watched"]
        # a shell configured otherwise than the runs (cron's sources file not in its environment): the newest run
        # fetched the source, so its failure still fails health there
        elsewhere = cli(db, "status", "--json", env=dropped)
        shown = json.loads(elsewhere.out)
        assert elsewhere.code == 1 and [f["source"] for f in shown["last_run_failed"]] == ["aqygzj"], elsewhere.out
        assert shown["no_longer_watched"] == [], shown["no_longer_watched"]
        with serving(db, tmp_path, env={"MOFCOM_WATCH_FEEDS_DIR": str(feeds), "MOFCOM_WATCH_SOURCES": OTHERS}) as served:
            report = json.loads(served.get("/healthz")[2])
        assert report["source_health"] == "problems" and report["failed_last_run"] == ["aqygzj"], report

        # the operator drops it from the configuration; the runs go on without it
        assert cli(db, *run_args(site.url, feeds), env=dropped).code == 0
    later = cli(db, "status", "--json", env=dropped)
    shown = json.loads(later.out)
    assert later.code == 0 and shown["ok"] is True and shown["last_run_failed"] == [], later.out
    assert [f["source"] for f in shown["no_longer_watched"]] == ["aqygzj"], shown["no_longer_watched"]
    table = cli(db, "status", env=dropped)
    assert table.code == 0 and "NO LONGER WATCHED: aqygzj: its last run" in table.out, table.out
    assert "LAST RUN FAILED" not in table.out, table.out

    with serving(db, tmp_path, env={"MOFCOM_WATCH_FEEDS_DIR": str(feeds), "MOFCOM_WATCH_SOURCES": OTHERS}) as served:
        _c, _h, body = served.get("/healthz")
        _c, _h, page = served.get("/")
    report = json.loads(body)
    # (the status code judges the pinned fetch time's age: a matter of its own)
    assert report["source_health"] == "ok" and "failed_last_run" not in report, report
    assert report["no_longer_watched"] == ["aqygzj"], report
    assert "no longer watched" in page.decode() and "whose last run could not fetch" not in page.decode()
    with serving(db, tmp_path, env={"MOFCOM_WATCH_FEEDS_DIR": str(feeds)}) as served:
        report = json.loads(served.get("/healthz")[2])
    assert report["source_health"] == "problems" and report["failed_last_run"] == ["aqygzj"], report
