"""A cycle killed after an index listed a new notice and before the notice's page was read (a container's stop
timeout, an OOM kill, a power cut) must leave the next cycle to read it: the index was stored, so it answers 304
(or the same bytes) next time, and an update ends at such a page, reading none of its links.

Real ``mofcom-watch run`` processes against a local jpaas column (``tests/site_server.py``), one SQLite store, as
``test_deep_walk`` (whose column and sources file this reuses). Before session 31 the next cycle of the same UTC day
exited 0 without the notice (only the next day's deep walk read it): a missed item for up to a day, nothing said.

A ``schedule`` stopped by SIGTERM (``docker stop``) while its cycle waits for that page ends the cycle at its next page,
within seconds, and exits 0; the next run reads the notice (session 32: the cycle used to be waited out, minutes on
the real sites, past a container's 10 s stop timeout, and then killed, as above).
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from tests.faults.harness import cli, finish, into_one_second, lock_holder, spawn, spawn_logged, until
from tests.faults.test_deep_walk import SOURCE, column_store
from tests.faults.test_site_changes import (
    N22,
    N23,
    POLICY_INDEX,
    UEL7,
    UEL8,
    W,
    brief,
    env,
    fx,
    items,
    policy_index,
    run,
    states,
    status,
)
from tests.site_server import Fault, SiteServer


class StallingSite(SiteServer):
    """A site that holds every request for ``stall`` (unanswered, in the server) until ``go`` is set (a minute at
    most), and says when the first one came (``asked``): a client provably between an index that lists the page and
    the page itself."""

    def __init__(self, *args: object, stall: str, **options: object) -> None:
        super().__init__(*args, **options)  # type: ignore[arg-type]
        self.stall, self.asked, self.go = stall, threading.Event(), threading.Event()

    def _take_fault(self, path: str) -> Fault | None:
        if path == self.stall and not self.go.is_set():
            self.asked.set()
            self.go.wait(60)
        return super()._take_fault(path)

    def stop(self) -> None:
        self.go.set()
        super().stop()


def test_a_cycle_killed_between_an_index_and_its_new_notice_leaves_the_notice_to_the_next_cycle(tmp_path: Path):
    db, out, extra, pages = column_store(tmp_path)
    with StallingSite(None, pages=pages, columns={W: "zwgk/zcfb/"}, stall=f"{W}/{N23}") as site:
        bases = {W: site.base_url(W)}
        first, report = run(db, out, bases, sources=(SOURCE,), **extra)
        assert first.code == 0 and report["sources"][0]["mode"] == "backfill", (first.err, brief(report))
        # a new notice on top of the column (MOFCOM 2026 No. 23, 2026-06-22: page 1); its page stalls, the cycle is killed
        site.set_page(f"{W}/{N23}", fx(W, N23))
        args = ["run", "--out", str(out), "--no-progress", "--json", "--base-url", f"{W}={bases[W]}", "--source", SOURCE]
        proc = spawn(db, *args, env=env(**extra))
        try:
            assert until(site.asked.is_set, 120), "the cycle never asked for the new notice's page"
        finally:
            proc.kill()
            killed = finish(proc)
        site.go.set()
        assert killed.code == -9, killed.err
        into_one_second(db)  # the killed cycle began in the second the first one finished
        again, report = run(db, out, bases, sources=(SOURCE,), **extra)
    assert again.code == 0, (again.err, brief(report))
    assert ("MOFCOM-2026-23", "ecl") in states(status(db)), (sorted(states(status(db))), brief(report))
    assert report["sources"][0]["mode"] == "deep", brief(report)  # (the next day's first cycle would have read it)


STOP_SECONDS = 10  # docker stop's default before its SIGKILL (the held page would hold a waited-out cycle 60 s)


def test_sigterm_to_schedule_stops_its_cycle_at_the_next_page_and_the_next_run_reads_what_it_left(tmp_path: Path):
    db, out, extra, pages = column_store(tmp_path)
    with StallingSite(None, pages=pages, columns={W: "zwgk/zcfb/"}, stall=f"{W}/{N23}") as site:
        bases = {W: site.base_url(W)}
        first, report = run(db, out, bases, sources=(SOURCE,), **extra)
        assert first.code == 0, (first.err, brief(report))
        before = items(out)
        site.set_page(f"{W}/{N23}", fx(W, N23))  # a new notice on top of the column; its page is held
        logged = spawn_logged(db, "schedule", "--cron", "0 0 1 1 *", "--run-at-start", log=tmp_path / "schedule.log",
                              env=env(MOFCOM_WATCH_FEEDS_DIR=str(out), MOFCOM_WATCH_BASE_URLS=f"{W}={bases[W]}",
                                      MOFCOM_WATCH_SOURCES=SOURCE, MOFCOM_WATCH_TIMEOUT="60", **extra))
        with logged.reaped():
            assert until(site.asked.is_set, 120), logged.log.read_text()
            t0 = time.monotonic()
            stopped = logged.stop(timeout=120)
            seconds = time.monotonic() - t0
        assert stopped.code == 0, stopped.err  # asked to stop: not a failure
        assert seconds < STOP_SECONDS, (seconds, stopped.err)
        assert 'msg="cycle stopped at its next page' in stopped.err and "cycle failed" not in stopped.err, stopped.err
        assert lock_holder(db) is None
        assert items(out) == before  # nothing published by the stopped cycle: the feeds whole, as they were
        site.go.set()
        into_one_second(db)
        again, report = run(db, out, bases, sources=(SOURCE,), **extra)
    assert again.code == 0, (again.err, brief(report))
    assert report["sources"][0]["mode"] == "deep", brief(report)  # (the source's run was cut short: no run row)
    assert ("MOFCOM-2026-23", "ecl") in states(status(db)), (sorted(states(status(db))), brief(report))
    after = items(out)
    assert after - before and not before - after, (before - after)  # its items added, none lost


def test_a_schedule_stopped_after_one_source_is_said_stopped_by_request_not_a_run_that_did_not_publish(tmp_path: Path):
    """``podman stop`` of the scheduler (the split compose) or of ``serve --schedule`` after a cycle's first source
    finished left that source's run row and no publish: ``status`` said LAST RUN DID NOT PUBLISH (exit 1) and the
    ``web`` container's ``/healthz`` 503 from that moment (unhealthy from its third check) until the next cycle, as for
    a run killed by the out-of-memory killer (image33, ops32). A requested stop is no fault: the feeds hold the last
    publish; both now say "stopped by request" with its time, no problem (its age is judged as always)."""
    import json

    from starlette.testclient import TestClient

    from mofcom_watch.server import create_app
    from mofcom_watch.server.data import StoreData
    from storage.db import open_existing_store

    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    sources = ("mofcom-policy", SOURCE)  # the first finishes (its run row), the stop comes in the second
    pages = {f"{W}/{POLICY_INDEX}": policy_index(), **{f"{W}/{p}": fx(W, p) for p in (N22, UEL7, UEL8)}}
    with StallingSite(None, pages=pages, columns={W: "zwgk/zcfb/"}, stall=f"{W}/{N23}") as site:
        bases = {W: site.base_url(W)}
        first, report = run(db, out, bases, sources=sources)
        assert first.code == 0, (first.err, brief(report))
        site.set_page(f"{W}/{N23}", fx(W, N23))  # a new notice on the column; its page is held
        logged = spawn_logged(db, "schedule", "--cron", "0 0 1 1 *", "--run-at-start", log=tmp_path / "schedule.log",
                              env=env(MOFCOM_WATCH_FEEDS_DIR=str(out), MOFCOM_WATCH_BASE_URLS=f"{W}={bases[W]}",
                                      MOFCOM_WATCH_SOURCES=",".join(sources), MOFCOM_WATCH_TIMEOUT="60"))
        with logged.reaped():
            assert until(site.asked.is_set, 120), logged.log.read_text()
            stopped = logged.stop(timeout=120)
        site.go.set()
    assert stopped.code == 0 and 'msg="cycle stopped at its next page' in stopped.err, stopped.err
    into_one_second(db)  # the stopped cycle began in the second the first one published
    said = cli(db, "status", "--json", env=env(MOFCOM_WATCH_FEEDS_DIR=str(out)), timeout=60)
    answer = json.loads(said.out)
    assert said.code == 0, (said.err, answer["problems"])  # no problem: docs/deploy.md says exit 0 (docs34)
    assert answer["unpublished_run"] is None, answer["unpublished_run"]  # (was: "the last run (…) logged no publish")
    assert not [p for p in answer["problems"] if "DID NOT PUBLISH" in p], answer["problems"]
    assert (answer["stopped_run"] or "").startswith("stopped by request: the last run ("), answer["stopped_run"]
    assert "last publish at 20" in answer["stopped_run"], answer["stopped_run"]
    engine = open_existing_store(db)
    try:  # what the web container answers (plain serve's /healthz: the same app, on the same store)
        app = create_app(feeds_dir=out, feeds_base_url="http://127.0.0.1:8080/feeds/", data=StoreData(engine))
        with TestClient(app) as client:
            health = client.get("/healthz")
    finally:
        engine.dispose()
    body = health.json()
    assert health.status_code == 200, body
    assert body["stopped"] == answer["stopped_run"], body


def _healthz(db: str, out: Path) -> tuple[int, dict[str, object]]:
    """What plain ``serve`` (the split compose's ``web``) answers on ``/healthz`` for the store: in-process, the same app."""
    from starlette.testclient import TestClient

    from mofcom_watch.server import create_app
    from mofcom_watch.server.data import StoreData
    from storage.db import open_existing_store

    engine = open_existing_store(db)
    try:
        app = create_app(feeds_dir=out, feeds_base_url="http://127.0.0.1:8080/feeds/", data=StoreData(engine))
        with TestClient(app) as client:
            health = client.get("/healthz")
    finally:
        engine.dispose()
    return health.status_code, health.json()


def test_a_run_stopped_by_sigterm_before_its_first_source_finished_is_said_stopped_by_request(tmp_path: Path):
    """A cron ``run`` (a CronJob's deadline, the cron container's ``docker stop``, Ctrl-C) stopped while its first
    source was still being read wrote no run row: ``status`` and ``/healthz`` showed the run before it, not a word of
    the stop (cli34; its stored pages waited for the next run unsaid). Now said as ``schedule``'s stop is: "stopped by
    request … last publish at T", ``status`` exit 0, ``/healthz`` 200. The stopped cycle starts in the second the first
    one finished (``into_one_second``): the stop is told from the run rows' order, not their times."""
    import json

    db, out, extra, pages = column_store(tmp_path)
    with StallingSite(None, pages=pages, columns={W: "zwgk/zcfb/"}, stall=f"{W}/{N23}") as site:
        bases = {W: site.base_url(W)}
        first, report = run(db, out, bases, sources=(SOURCE,), **extra)
        assert first.code == 0, (first.err, brief(report))
        before = items(out)
        site.set_page(f"{W}/{N23}", fx(W, N23))  # a new notice on the column; its page is held
        args = ["run", "--out", str(out), "--no-progress", "--base-url", f"{W}={bases[W]}", "--source", SOURCE]
        proc = spawn(db, *args, env=env(**extra))
        try:
            assert until(site.asked.is_set, 120), "the cycle never asked for the new notice's page"
            proc.terminate()
            stopped = finish(proc, timeout=60)
        finally:
            proc.kill()
        site.go.set()
    assert stopped.code == 143 and stopped.err.strip() == "mofcom-watch run: stopped by SIGTERM", stopped.err
    assert lock_holder(db) is None and items(out) == before
    into_one_second(db)
    said = cli(db, "status", "--json", env=env(MOFCOM_WATCH_FEEDS_DIR=str(out), **extra), timeout=60)
    answer = json.loads(said.out)
    assert said.code == 0, (said.err, answer["problems"])
    assert answer["unpublished_run"] is None, answer["unpublished_run"]
    assert (answer["stopped_run"] or "").startswith("stopped by request: the last run ("), answer
    assert "last publish at 20" in answer["stopped_run"], answer["stopped_run"]
    code, body = _healthz(db, out)
    assert code == 200 and body["stopped"] == answer["stopped_run"], body
