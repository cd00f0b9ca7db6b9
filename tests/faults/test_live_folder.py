"""The live feeds folder (the configured ``feeds_dir``, what ``serve`` serves and readers follow) is the one judged,
and the one kept from another day's feeds (ops19). Real files, real processes where the fault lives in one.

Was: ``status`` and ``/healthz`` read the newest publish into *any* folder, so a ``feeds --out /tmp/x`` that worked
after a failed publish to the live folder made both green while readers got stale feeds."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from starlette.testclient import TestClient

from tests.conftest import copy_of
from tests.faults.harness import AS_OF, cli, cli_env

FAILED = "OSError: [Errno 28] No space left on device"


def failed_live_then_good_elsewhere(replayed: Path, tmp_path: Path) -> tuple[str, Path]:
    """A copy of the replayed store whose last publish into the live folder failed, and a later one elsewhere
    (``feeds --out /tmp/x``) worked."""
    from storage.db import open_store, session_factory
    from storage.publications import record_publication

    url, live = copy_of(replayed, tmp_path / "store.sqlite"), tmp_path / "feeds"
    engine = open_store(url)
    now = datetime.now(UTC)
    with session_factory(engine)() as session, session.begin():
        for target, ok, ago in ((live, True, 3), (live, False, 2), (tmp_path / "x", True, 1)):
            at = now - timedelta(minutes=ago)
            record_publication(session, target=str(target), started_at=at, finished_at=at, ok=ok,
                               error=None if ok else FAILED)
    engine.dispose()
    return url, live


def test_status_judges_the_configured_feeds_folder(replayed, tmp_path):
    url, live = failed_live_then_good_elsewhere(replayed, tmp_path)
    done = cli(url, "status", "--json", "--as-of", AS_OF, env=cli_env(MOFCOM_WATCH_FEEDS_DIR=str(live)), timeout=60)
    answer = json.loads(done.out)
    assert done.code == 1 and answer["ok"] is False, done.out
    assert answer["last_publish"]["target"] == str(live) and answer["last_publish"]["ok"] is False
    assert any(p.startswith("LAST PUBLISH FAILED") and f"({live})" in p and FAILED in p for p in answer["problems"])


def test_healthz_judges_the_folder_it_serves(replayed, tmp_path):
    from mofcom_watch.server import create_app
    from mofcom_watch.server.data import StoreData
    from storage.db import open_store

    url, live = failed_live_then_good_elsewhere(replayed, tmp_path)
    engine = open_store(url)
    try:
        app = create_app(feeds_dir=live, feeds_base_url="http://127.0.0.1:8080/feeds/", data=StoreData(engine))
        with TestClient(app) as client:
            answer = client.get("/healthz")
    finally:
        engine.dispose()
    report = answer.json()
    assert answer.status_code == 503, report
    assert report["last_publish"]["target"] == str(live)
    assert any(p.startswith("last publish failed") and FAILED in p for p in report["problems"]), report


def test_serve_as_of_a_past_day_serves_it_from_a_folder_of_its_own(replayed, tmp_path):
    """Was: ``serve --as-of <a past day>`` (the README's demo) published that day's feeds into the configured feeds
    folder, which readers and a cron ``run`` follow: every item published since vanished from them. Now they go to
    a temporary folder of its own, served from there and removed when it stops; the live folder is left as it is."""
    from tests.faults.serving import serving

    url = copy_of(replayed, tmp_path / "store.sqlite")
    live = tmp_path / "data" / "feeds"
    live.mkdir(parents=True)
    (live / "all.atom").write_bytes(b"<feed>today's feed, which readers follow</feed>")
    before = files(live)
    with serving(url, tmp_path, "--as-of", AS_OF) as served:
        status, _headers, body = served.get("/feeds/all.atom")
        health = json.loads(served.get("/healthz")[2])
    assert status == 200 and b"<entry" in body, body[:200]
    assert files(live) == before
    folder = Path(health["last_publish"]["target"])
    assert health["last_publish"]["ok"] and not in_or_is(folder, live) and not folder.exists(), health
    assert f"as_of={AS_OF}" in served.stderr and "the feeds folder is left as it is" in served.stderr
    # a preview, not the live publication: status and the live /healthz do not read it as the last publish (was:
    # "last successful publish: … to /tmp/mofcom-watch-feeds-…", the store having never published into its live folder)
    from sqlalchemy.orm import Session

    from storage.db import open_store
    from storage.publications import last_publication

    engine = open_store(url)
    try:
        with Session(engine) as session:
            live_last, preview = last_publication(session, folder=live), last_publication(session, preview=True)
    finally:
        engine.dispose()
    assert live_last is None and preview is not None and preview.target == str(folder), (live_last, preview)


def files(folder: Path) -> dict[Path, tuple[bytes, int]]:
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}


def in_or_is(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def test_cycles_as_of_a_past_day_are_refused(tmp_path):
    """``schedule --as-of <a past day>`` and ``serve --schedule --as-of <a past day>`` published that day into the
    configured feeds folder every cycle (``run`` refuses it since ops18): exit 2, nothing created."""
    env = cli_env(MOFCOM_WATCH_DATA_DIR=str(tmp_path / "data"))
    url = f"sqlite:///{tmp_path / 'data' / 'store.sqlite'}"
    for args in (("schedule", "--cron", "0 0 1 1 *"), ("serve", "--schedule", "--port", "0")):
        done = cli(url, *args, "--as-of", AS_OF, env=env, timeout=30)
        assert done.code == 2, (args, done.err)
        assert done.err.startswith(f"mofcom-watch {' '.join(args[:2]) if args[0] == 'serve' else args[0]}: --as-of "
                                   f"{AS_OF} is before today"), done.err
        assert "MOFCOM_WATCH_TODAY" in done.err and len(done.err.strip().splitlines()) == 1, done.err
    assert not (tmp_path / "data").exists()


BACK = "2026-11-20"  # a clock gone back 9 days from AS_OF, the day the replayed store was synced as of: before the
# lapse of 2024 No. 46 clause 2 (2026-11-27), so that day's feeds have one item fewer


def test_a_clock_gone_back_leaves_the_live_feeds_as_they_are(replayed, tmp_path):
    """The system clock (or ``MOFCOM_WATCH_TODAY``) behind the day the store was last synced as of (a VM restored
    from a snapshot, a container with a wrong clock): ``run`` and ``feeds`` without ``--as-of`` wrote that earlier
    day's feeds into the configured folder (as ``--as-of`` that day would, refused there), exit 0, ``status`` green:
    the lapse of 2026-11-27 vanished from every feed until the clock was right again. Now: exit 3 in one line, the
    folder left byte for byte, a failed publish that ``status`` shows. Which clock is wrong cannot be told: ``--as-of``
    that day is the user's word for it and publishes its view, as before (a store synced ahead by a clock that was)."""
    from tests.faults.harness import FIXTURES, HOSTS, feed_files
    from tests.site_server import SiteServer

    url, live = copy_of(replayed, tmp_path / "store.sqlite"), tmp_path / "feeds"
    back = cli_env(MOFCOM_WATCH_FEEDS_DIR=str(live), MOFCOM_WATCH_TODAY=BACK)
    live.mkdir()
    (live / "all.atom").write_text("the feed readers follow", encoding="utf-8")  # (a publish of AS_OF costs ~3 s)
    before = feed_files(live)
    with SiteServer(FIXTURES) as site:
        bases = [arg for host in HOSTS for arg in ("--base-url", f"{host}={site.url}/{host}")]
        elsewhere = tmp_path / "cron-feeds"  # a cron `run --out DIR` (health34 K5: written as a preview, exit 0)
        elsewhere.mkdir()
        (elsewhere / "all.atom").write_text("the feed readers follow", encoding="utf-8")
        kept = feed_files(elsewhere)
        for args in (("feeds",), ("run", "--no-progress", *bases), ("run", "--no-progress", "--out", str(elsewhere),
                                                                     *bases), ("feeds", "--out", str(elsewhere))):
            done = cli(url, *args, env=back, timeout=120)
            assert done.code == 3, (args, done.err)
            assert done.first_line.startswith(f"mofcom-watch {args[0]}: today is {BACK} (from MOFCOM_WATCH_TODAY), "
                                              f"before {AS_OF}"), done.err
            assert "the clock went back" in done.err and feed_files(live) == before, args
            assert feed_files(elsewhere) == kept, args
        status = cli(url, "status", "--json", env=back, timeout=60)
        answer = json.loads(status.out)
        assert status.code == 1 and answer["last_publish"]["ok"] is False, status.out
        assert any(p.startswith("LAST PUBLISH FAILED") and "the clock went back" in p for p in answer["problems"])
        assert f"say so with --as-of {BACK} until {AS_OF}" in done.err  # the way out when the store's day is wrong
        confirmed = cli(url, "feeds", "--as-of", BACK, env=back, timeout=120)  # its feeds for that day, as before
        assert confirmed.code in (0, 1) and feed_files(live) != before, confirmed.err
    # what was refused: that day's view, without the lapse of 2026-11-27 the store holds
    assert "MOFCOM-2024-46/suspension_lapsed/items/2026-11-27" not in (live / "all.atom").read_text(encoding="utf-8")


def test_serve_publishes_no_day_before_the_stores_into_the_live_folder(replayed, tmp_path):
    """``serve`` (no ``--as-of``) on a clock gone back published that earlier day's feeds into the folder it serves
    when it started and at every store change, and ``/healthz`` said 200; now it keeps the files and says why."""
    from datetime import date

    from mofcom_watch.publish import PublishTarget
    from mofcom_watch.server.refresh import FeedRefresher
    from storage.db import open_store

    url, live = copy_of(replayed, tmp_path / "store.sqlite"), tmp_path / "feeds"
    engine = open_store(url)
    try:
        target = PublishTarget(live, "http://127.0.0.1:8080/feeds/")
        refresher = FeedRefresher(engine, target, lambda: date.fromisoformat(BACK), live=True)
        assert refresher.refresh(force=True) is False
        assert not live.exists() or not any(live.iterdir())
        assert "the clock went back" in (refresher.problem() or "")
        pinned = FeedRefresher(engine, PublishTarget(tmp_path / "own", target.base_url),
                               lambda: date.fromisoformat(BACK))  # serve --as-of that day: a folder of its own
        assert pinned.refresh(force=True) is True
    finally:
        engine.dispose()



def test_serve_as_of_the_day_it_started_publishes_it_no_more_once_it_has_passed(replayed, tmp_path, monkeypatch):
    """docs33: ``serve --as-of <today>`` (no folder of its own: that day is not past when it starts) went on publishing
    that day into the configured feeds folder at every store change: past midnight, a cron ``run`` published the next
    day's items there and ``serve`` took them back, unguarded, logged as a good publish. Now it keeps the files and
    ``/healthz`` says why."""
    from datetime import date

    from mofcom_watch.publish import PublishTarget
    from mofcom_watch.server.refresh import FeedRefresher
    from storage.db import open_store

    url, live = copy_of(replayed, tmp_path / "store.sqlite"), tmp_path / "feeds"
    engine = open_store(url)
    try:
        monkeypatch.setenv("MOFCOM_WATCH_TODAY", AS_OF)
        started = FeedRefresher(engine, PublishTarget(live, "http://127.0.0.1:8080/feeds/"),
                                lambda: date.fromisoformat(AS_OF))  # serve --as-of AS_OF, started that day
        monkeypatch.setenv("MOFCOM_WATCH_TODAY", "2026-12-06")  # a week on, the same process
        assert started.refresh(force=True) is False
        assert not live.exists()
        assert f"this process was started with --as-of {AS_OF}" in (started.problem() or ""), started.problem()
    finally:
        engine.dispose()

def test_a_run_that_logged_no_publish_is_no_all_clear(replayed, tmp_path):
    """A run stopped between its crawl and its publish (``kill -9``, the out-of-memory killer, SIGTERM), or one that
    could not log its failure (a full disk, a quota: each cron run exit 3), left ``status`` exit 0 and ``/healthz``
    200, judged by the last publish it did log, while the feeds missed what it stored. Its source rows without a
    publish of its own (nor one into the live folder since) are now a problem in both; a run that holds the run lock
    now is still going on, not one; the next publish clears it. (The rows are written as such a run leaves them:
    where the run stops is a matter of timing, which a test must not depend on.)"""
    from mofcom_watch.server import create_app
    from mofcom_watch.server.data import StoreData
    from storage.db import open_store, session_factory
    from storage.models import SourceRun
    from storage.publications import record_publication
    from storage.runlock import acquire, make_holder, release

    url, live = copy_of(replayed, tmp_path / "store.sqlite"), tmp_path / "feeds"
    env = cli_env(MOFCOM_WATCH_FEEDS_DIR=str(live))
    engine = open_store(url)
    now = datetime.now(UTC)
    with session_factory(engine)() as session, session.begin():
        record_publication(session, target=str(live), started_at=now - timedelta(minutes=40),
                           finished_at=now - timedelta(minutes=39), ok=True, error=None, run_id="good")
        session.add(SourceRun(run_id="killed", source="mofcom-policy", started_at=now - timedelta(minutes=9),
                              finished_at=now - timedelta(minutes=8)))
    said = "the last run (killed (its last source at"

    def healthz() -> list[str]:
        app = create_app(feeds_dir=live, feeds_base_url="http://127.0.0.1:8080/feeds/", data=StoreData(engine))
        with TestClient(app) as client:
            return [p for p in client.get("/healthz").json().get("problems", []) if p.startswith(said)]

    def status() -> list[str]:
        return [p for p in json.loads(cli(url, "status", "--json", "--as-of", AS_OF, env=env, timeout=60).out)
                ["problems"] if said in p]

    try:
        shown = status()
        assert shown and shown[0].startswith("LAST RUN DID NOT PUBLISH: the last run (killed") and healthz(), shown
        holder = make_holder("killed")  # a live process holds the lock: a run going on, not one that stopped
        acquire(engine, holder=holder)
        try:
            assert healthz() == []
        finally:
            release(engine, holder=holder)
        with session_factory(engine)() as session, session.begin():  # serve, or the next run, published since
            record_publication(session, target=str(live), started_at=now, finished_at=now, ok=True, error=None)
        assert healthz() == []  # (status reads it with the same function)
    finally:
        engine.dispose()


def test_a_preview_run_is_no_run_that_did_not_publish(replayed, tmp_path):
    """``run --as-of <a past day> --out DIR`` (a view of that day: its publish rolled back, its pages stored) logged no
    publish, so ``status`` (and ``/healthz``, the same function) said LAST RUN DID NOT PUBLISH until the next run: a
    false alarm about the live deployment, which an operator learns to ignore. Now the preview is logged under its own
    folder: the live folder is judged as before, and says nothing of it. (A run that really did not publish: the
    test above.)"""
    from storage.db import open_store, session_factory
    from storage.publications import record_publication
    from tests.faults.harness import FIXTURES
    from tests.site_server import SiteServer

    url, live, preview = copy_of(replayed, tmp_path / "store.sqlite"), tmp_path / "feeds", tmp_path / "preview"
    engine = open_store(url)
    now = datetime.now(UTC)
    with session_factory(engine)() as session, session.begin():  # the live folder's last publish, by a cron run
        record_publication(session, target=str(live), started_at=now, finished_at=now, ok=True, run_id="cron")
    engine.dispose()
    env = cli_env(MOFCOM_WATCH_FEEDS_DIR=str(live))
    with SiteServer(FIXTURES) as site:  # one source: its crawl stores its pages (source rows) as any run's
        done = cli(url, "run", "--no-progress", "--source", "aqygzj", "--as-of", BACK, "--out", str(preview),
                   "--base-url", f"aqygzj.mofcom.gov.cn={site.url}/aqygzj.mofcom.gov.cn", env=env, timeout=120)
    assert done.code in (0, 1) and (preview / "all.atom").exists(), done.err
    answer = json.loads(cli(url, "status", "--json", "--as-of", AS_OF, env=env, timeout=60).out)
    assert answer["last_fetch"] is not None and answer["last_fetch"] >= now.isoformat()[:16], answer["last_fetch"]
    assert answer["unpublished_run"] is None, answer["unpublished_run"]
    assert not [p for p in answer["problems"] if "DID NOT PUBLISH" in p], answer["problems"]
    assert answer["last_publish"]["target"] == str(live), answer["last_publish"]  # the live folder, judged as before
    assert answer["last_preview"]["target"] == str(preview), answer["last_preview"]  # said apart, as a preview
