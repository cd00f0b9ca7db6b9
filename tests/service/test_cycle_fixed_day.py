"""A cycle of ``schedule`` or ``serve --schedule`` started with ``--as-of`` today, run once that day has passed. In
process: the cycle is the real one (``real_cycle``); every host points at a closed local port, so nothing is fetched
even were the check gone."""

from __future__ import annotations

import io
import shutil
from datetime import date
from pathlib import Path

from mofcom_watch.config import Settings
from mofcom_watch.scheduler import CycleRunner, real_cycle
from scraper.sources.registry import load_sources
from storage.db import open_store, session_factory
from storage.publications import last_publication


def test_a_cycle_whose_fixed_day_has_passed_fetches_and_publishes_nothing(tmp_path: Path, monkeypatch, _sqlite_template,
                                                                          log_stream: io.StringIO) -> None:
    """docs33: ``schedule --as-of <today>`` and ``serve --schedule --as-of <today>`` (the one day they take: a past day
    is refused at start) kept that day for every cycle; a week on, each cycle published it into the configured feeds
    folder without the items published since (9 items where a cycle without ``--as-of`` published 13), its cycles
    "done". Now such a cycle fetches and writes nothing, says why in its log line, and logs a failed publish
    (``status``, ``/healthz``). Every host points at a closed local port: without the check the cycle would fetch
    from there, and publish."""
    closed = "http://127.0.0.1:9"  # discard: nothing listens
    hosts = {host for source in load_sources() for host in source.hosts}
    feeds = tmp_path / "feeds"
    shutil.copyfile(_sqlite_template, tmp_path / "mofcom-watch.sqlite")  # a store at head (migrating costs ~0.5 s)
    settings = Settings(data_dir=tmp_path, feeds_dir=feeds, base_urls=dict.fromkeys(hosts, closed), retries=0,
                        request_delay=0.0)
    monkeypatch.setenv("MOFCOM_WATCH_TODAY", "2026-12-06")
    outcome = CycleRunner(real_cycle(settings, as_of=date(2026, 11, 29)))()  # started on 11-29, a week ago
    assert not outcome.ok and outcome.error is not None
    assert outcome.error.startswith("--as-of 2026-11-29 is before today (2026-12-06, from MOFCOM_WATCH_TODAY): this "
                                    "process was started with --as-of 2026-11-29"), outcome.error
    assert "restart it without --as-of" in outcome.error
    assert not feeds.exists()
    engine = open_store(settings.database_url)
    try:
        with session_factory(engine)() as session:
            failed = last_publication(session, folder=feeds)
    finally:
        engine.dispose()
    assert failed is not None and not failed.ok and "restart it without --as-of" in (failed.error or "")
    logged = [line for line in log_stream.getvalue().splitlines() if 'msg="cycle failed"' in line]
    assert len(logged) == 1 and "this process was started with --as-of" in logged[0], logged
