"""The first cycle on a store in a process makes the reads that follow its crawl once, early, while its
article fetches wait on the network (mofcom_watch.cycle._warm_reads); a later cycle does not, and a
warm-up that fails changes nothing. Real cycles against the fixture site over local HTTP."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

import mofcom_watch.cycle as cycle
from mofcom_watch.config import Settings
from scraper.fetch import FetchPolicy
from tests.site_server import SiteServer

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
HOSTS = ["www.mofcom.gov.cn", "aqygzj.mofcom.gov.cn"]
AS_OF = date(2026, 11, 29)
POLICY = FetchPolicy(delay=0.0, attempts=2, backoff=0.01, max_wait=0.05, timeout=2.0, total=4)


def _run(tmp: Path, site: SiteServer) -> cycle.CycleResult:
    return cycle.run_cycle(Settings(data_dir=tmp), as_of=AS_OF, base_urls=site.base_urls(HOSTS), policy=POLICY,
                           out_dir=tmp / "feeds", progress=False)


@pytest.mark.parametrize("part", ["warm_reads", "record_publication"])
def test_a_failing_warm_up_changes_nothing(tmp_path, monkeypatch, part):
    """A warm-up that fails (its reads, or its writes half-way: after the run row) leaves nothing behind, and the
    cycle is as without it."""
    def broken(*_args, **_kwargs):
        raise RuntimeError("the warm-up broke")

    monkeypatch.setattr(cycle, part, broken)
    with SiteServer(FIXTURES) as site:
        result = _run(tmp_path, site)
    crawled = [s for s in result.sources if s.mode is not cycle.SourceMode.SKIPPED]
    assert result.ok and result.problems == () and result.new_events > 0
    assert _count(tmp_path, "source_run") == len(crawled)
    assert _count(tmp_path, "publication") == 1


def _statements(sink: list[tuple[str, int]], site: SiteServer):
    """Every SQL statement any engine runs, with the number of requests the site had answered then."""
    from sqlalchemy import Engine, event

    def seen(_conn, _cursor, statement, *_args):
        sink.append((" ".join(statement.split()[:3]), len(site.hits)))

    event.listen(Engine, "before_cursor_execute", seen)
    return lambda: event.remove(Engine, "before_cursor_execute", seen)


def _count(tmp: Path, table: str) -> int:
    import sqlite3

    with sqlite3.connect(tmp / "mofcom-watch.sqlite") as db:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_warmed_once_per_store_and_its_writes_while_the_fetches_are_out_and_nothing_kept(tmp_path, monkeypatch):
    """The first cycle warms the reads that follow its crawl once, after the indexes and before the article fetches
    were all answered; a second cycle on the same store warms nothing (``storage.keptstore``). The first cycle also
    makes the writes that follow its crawl (the run row, page touches, the publish log, the lock's release) while its
    article fetches wait, in a transaction rolled back: a run row is inserted and the lock released before the last
    answer, yet the store keeps one run row per source and run, one publish per cycle, and no lock. (One pair of
    cycles for both: the spy on the warm-up and the statements seen are read from the same two cycles.)"""
    calls: list[tuple[int, int]] = []  # (requests answered, requests in flight or queued) at the warm-up
    statements: list[tuple[str, int]] = []
    real = cycle._warm_reads
    with SiteServer(FIXTURES, latency=0.05) as site:

        def spy(*args, **kwargs):
            calls.append((len(site.hits), len(site.spans)))
            real(*args, **kwargs)

        monkeypatch.setattr(cycle, "_warm_reads", spy)
        stop = _statements(statements, site)
        try:
            first = _run(tmp_path, site)
            early = [answered for sql, answered in statements if sql == "INSERT INTO source_run"]
            released = [answered for sql, answered in statements if sql == "DELETE FROM run_lock"]
            statements.clear()
            second = _run(tmp_path, site)
        finally:
            stop()
    crawled = [s for s in first.sources if s.mode is not cycle.SourceMode.SKIPPED]
    assert first.ok and second.ok and second.bodies == 0 and crawled
    assert len(calls) == 1, "the second cycle kept the store (storage.keptstore): nothing to warm"
    answered, _ = calls[0]
    assert 0 < answered < first.requests, "warmed after the indexes, before the article fetches were all answered"
    assert early[0] < first.requests and released[0] < first.requests, "writes made while fetches were still out"
    assert len(early) == len(crawled) + 1, "the warm-up's run row, rolled back, and one per source"
    assert sum(sql == "INSERT INTO source_run" for sql, _ in statements) == len(crawled), "the second: no warm-up"
    assert _count(tmp_path, "source_run") == 2 * len(crawled)
    assert _count(tmp_path, "publication") == 2
    assert _count(tmp_path, f"page WHERE url = '{cycle.WARM_UP_NAME}'") == 0
    assert _count(tmp_path, "run_lock") == 0


def test_store_reads_folder_scan_and_warm_up_start_once_their_request_is_out(tmp_path, monkeypatch):
    """A first cycle's store reads (the ORM is set up there) and its feeds-folder scan are CPU work: started before
    the first index request went out, they competed with sending it. Each starts once it is out: after the fetch began
    (here the first fetch waits 0.2 s before it sends anything), never before. Its warm-up is CPU work too: started
    as soon as the article fetches were handed to the workers, it competed with sending the first of them. It starts
    once that request is out (here every article fetch waits 0.2 s before it sends anything), never before. (One
    cycle for both: the first fetch is an index page's, in the caller's thread, the articles' in the workers'.)"""
    import threading

    from scraper.fetch.client import Fetcher
    from storage.pages import PageStore

    moments: dict[str, list[float]] = {"fetch": [], "store": [], "folder": [], "article": [], "warm": []}
    fetch, retry_urls, scan, warm = Fetcher.fetch, PageStore.retry_urls, cycle.start_folder_scan, cycle._warm_reads

    def slow_fetch(self, request, **kwargs):
        if not moments["fetch"]:
            time.sleep(0.2)
            moments["fetch"].append(time.monotonic())
        if threading.current_thread() is not threading.main_thread():  # the index pages are fetched in the caller's
            time.sleep(0.2)
            moments["article"].append(time.monotonic())
        return fetch(self, request, **kwargs)

    def spied(name, real):
        def spy(*args, **kwargs):
            moments[name].append(time.monotonic())
            return real(*args, **kwargs)
        return spy

    monkeypatch.setattr(Fetcher, "fetch", slow_fetch)
    monkeypatch.setattr(PageStore, "retry_urls", spied("store", retry_urls))
    monkeypatch.setattr(cycle, "start_folder_scan", spied("folder", scan))
    monkeypatch.setattr(cycle, "_warm_reads", spied("warm", warm))
    with SiteServer(FIXTURES, latency=0.05) as site:
        result = _run(tmp_path, site)
    assert result.ok and result.new_events > 0
    sent = moments["fetch"][0]
    assert len(moments["folder"]) == 1 and moments["folder"][0] > sent, "the folder scan began before the first fetch"
    assert moments["store"] and min(moments["store"]) > sent, "the store reads began before the first fetch"
    assert len(moments["warm"]) == 1 and moments["article"]
    assert min(moments["article"]) < moments["warm"][0], "the warm-up began before the first article request"
