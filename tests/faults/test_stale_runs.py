"""The last run's age: a cron-only deployment has no ``/healthz``, so ``status`` judges it too (ops26).

Was: cron that stopped firing (a crontab lost, a CronJob suspended, a quota refusing every start) left ``status`` exit 0
for ever; only ``/healthz`` judged ``stale_after_minutes``. Now ``status`` says ``LAST RUN … ago: STALE`` and exits 1,
with the same threshold as ``/healthz``: ``stale_after_minutes``, or by default one derived from ``[schedule] cron``
(``mofcom_watch.config.stale_after``)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

from starlette.testclient import TestClient

from tests.conftest import copy_of
from tests.faults.harness import AS_OF, cli, cli_env

DAILY = "0 6 * * *"  # a daily schedule: stale after 49 hours, not 3


def test_status_and_healthz_say_the_last_run_is_stale(replayed, tmp_path):
    from mofcom_watch.config import load_settings, stale_after
    from mofcom_watch.server import create_app
    from mofcom_watch.server.data import StoreData
    from storage.db import open_store, session_factory
    from storage.models import SourceRun
    from storage.publications import record_publication

    url, live = copy_of(replayed, tmp_path / "store.sqlite"), tmp_path / "feeds"
    engine = open_store(url)
    last = datetime.now(UTC) - timedelta(hours=5)  # the last cron run, 5 hours ago; none since
    with session_factory(engine)() as session, session.begin():
        session.add(SourceRun(run_id="cron", source="aqygzj", started_at=last - timedelta(minutes=1), finished_at=last))
        record_publication(session, target=str(live), started_at=last, finished_at=last, ok=True, run_id="cron")

    def status(**env: str) -> dict:
        done = cli(url, "status", "--json", "--as-of", AS_OF, env=cli_env(MOFCOM_WATCH_FEEDS_DIR=str(live), **env),
                   timeout=60)
        answer = json.loads(done.out)
        assert done.code == 1 or not answer["problems"], done.err  # (the replayed store's open issues: 1 all the same)
        return answer

    def healthz(**env: str) -> list[str]:
        threshold = stale_after(load_settings(environ=env))[0]  # as serve builds its app (serve_cmd.build_app)
        app = create_app(feeds_dir=live, feeds_base_url="http://127.0.0.1:8080/feeds/", data=StoreData(engine),
                         stale_after=threshold, as_of=date.fromisoformat(AS_OF))
        with TestClient(app) as client:
            body = client.get("/healthz").json()
        assert body["stale_after_seconds"] == (threshold.total_seconds() if threshold else None)
        return [p for p in body.get("problems", []) if p.startswith("last cycle")] + (
            [body["stale_check"]] if "stale_check" in body else [])

    try:
        answer = status()  # the default: 180 minutes
        line = answer["last_run_stale"]
        assert line.startswith(f"LAST RUN 5 hours ago: STALE: no run has finished since {last:%Y-%m-%d %H:%M} UTC"), line
        assert "after 3 hours (the default, 180 minutes)" in line and line in answer["problems"]
        assert answer["ok"] is False and healthz() == ["last cycle finished 5 hours ago"]
        daily = status(MOFCOM_WATCH_CRON=DAILY)  # a daily schedule: 5 hours is no stale run, here or in /healthz
        assert daily["last_run_stale"] is None and healthz(MOFCOM_WATCH_CRON=DAILY) == []
        # (the operator's stale_after_minutes first: tests/service/test_service_config.py)
        off = status(MOFCOM_WATCH_STALE_AFTER="0")  # the check off (an archive store): said, judged by nothing
        assert off["last_run_stale"] is None and off["stale_after_seconds"] is None, off
        assert off["stale_check"].startswith("LAST RUN not judged by its age: stale_after_minutes = 0 turns the check")
        assert not any("STALE" in p for p in off["problems"]) and healthz(MOFCOM_WATCH_STALE_AFTER="0") == [
            off["stale_check"]]
        assert answer["stale_check"] == "on" and answer["stale_after_seconds"] == 3 * 3600
    finally:
        engine.dispose()
