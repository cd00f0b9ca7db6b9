"""`serve`'s refresh says a publish in the log when it wrote something, not each time it found the folder current.

ops41: in the container, every cycle of `serve --schedule` (or a cron `run` beside a plain `serve`) was followed 30 s
later by ``msg="published the store's feeds" … written=0``: the cycle had published, the store's fingerprint had moved
(a source's run, a health issue's last sight), and the refresh published again, changing nothing. Read as a second
run, two lines a cycle where the operator looks for one. A refresh that writes nothing is said at debug level now;
the publish at start and one that writes files stay at info. A real `run` process, a real SQLite store."""

from __future__ import annotations

import logging
from datetime import date

from tests.conftest import copy_of
from tests.faults.harness import AS_OF, FETCHED, FIXTURES, cli, cli_env, run_args
from tests.service.test_service_serve_schedule import NEW_QA, QA_INDEX, QA_UEL_0514
from tests.site_server import SiteServer

LINE = "published the store's feeds"


def test_a_refresh_after_a_run_that_published_says_nothing_at_info(replayed, tmp_path, caplog):
    from mofcom_watch.publish import PublishTarget
    from mofcom_watch.server.refresh import FeedRefresher
    from storage.db import open_store

    db = copy_of(replayed, tmp_path / "store.sqlite")
    feeds = tmp_path / "feeds"
    engine = open_store(db)
    caplog.set_level(logging.DEBUG, logger="mofcom_watch.serve")
    try:
        refresher = FeedRefresher(engine, PublishTarget(feeds, "http://127.0.0.1:8080/feeds/"),
                                  lambda: date.fromisoformat(AS_OF))
        assert refresher.refresh(force=True)  # serve's publish at start: said
        assert [r.levelno for r in caplog.records if r.getMessage() == LINE] == [logging.INFO]
        caplog.clear()
        with SiteServer(FIXTURES) as site:  # a cron run (or serve's own cycle) reads a new Q&A and publishes it
            site.set_page(NEW_QA, (FIXTURES / QA_UEL_0514).read_bytes().replace(b"2025-05-14", b"2026-05-14").replace(
                "2025年5月14日".encode(), "2026年5月14日".encode()))
            index = (FIXTURES / QA_INDEX).read_text(encoding="utf-8")
            link = f'<li><a href="/{NEW_QA.split("/", 1)[1]}" title="new">new</a></li><li>'
            site.set_page(QA_INDEX, index.replace("<li>", link, 1).encode("utf-8"))
            args = [a for a in run_args(site.url, feeds) if a not in ("--fetched-at", FETCHED)]  # the clock's time,
            done = cli(db, *args, env=cli_env(MOFCOM_WATCH_TODAY=AS_OF))  # as a live run's: its sights move on
        assert done.code in (0, 1) and "events new 0," not in done.out, (done.out[-500:], done.err)
        assert refresher.refresh()  # the store moved on: published again, nothing to write
        said = [r for r in caplog.records if r.getMessage() == LINE]
        assert [getattr(r, "fields", {}).get("written") for r in said] == [0], said
        assert [r.levelno for r in said] == [logging.DEBUG]
    finally:
        engine.dispose()
