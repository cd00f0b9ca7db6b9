"""The first cycle on a store in a process makes the reads that follow its crawl once, early, while its
article fetches wait on the network (mofcom_watch.cycle._warm_reads); a later cycle does not, and a
warm-up that fails changes nothing. Real cycles against the fixture site over local HTTP."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

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


def test_warmed_once_per_store_while_the_fetches_are_out(tmp_path, monkeypatch):
    calls: list[tuple[int, int]] = []  # (requests answered, requests in flight or queued) at the warm-up
    real = cycle._warm_reads
    with SiteServer(FIXTURES, latency=0.05) as site:

        def spy(*args, **kwargs):
            calls.append((len(site.hits), len(site.spans)))
            real(*args, **kwargs)

        monkeypatch.setattr(cycle, "_warm_reads", spy)
        first = _run(tmp_path, site)
        second = _run(tmp_path, site)
    assert first.ok and second.ok and second.bodies == 0
    assert len(calls) == 1  # the second cycle kept the store (storage.keptstore): nothing to warm
    answered, _ = calls[0]
    assert 0 < answered < first.requests  # after the indexes, before the article fetches were all answered


def test_a_failing_warm_up_changes_nothing(tmp_path, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("the warm-up broke")

    monkeypatch.setattr(cycle, "warm_reads", broken)
    with SiteServer(FIXTURES) as site:
        result = _run(tmp_path, site)
    assert result.ok and result.problems == () and result.new_events > 0


def test_store_reads_and_folder_scan_start_once_the_first_request_is_out(tmp_path, monkeypatch):
    """A first cycle's store reads (the ORM is set up there) and its feeds-folder scan are CPU work: started
    before the first index request went out, they competed with sending it. Each starts once it is out: after
    the fetch began (here it waits 0.2 s before it sends anything), never before."""
    from scraper.fetch.client import Fetcher
    from storage.pages import PageStore

    moments: dict[str, list[float]] = {"fetch": [], "store": [], "folder": []}
    fetch, retry_urls, scan = Fetcher.fetch, PageStore.retry_urls, cycle.start_folder_scan

    def slow_fetch(self, request, **kwargs):
        if not moments["fetch"]:
            time.sleep(0.2)
            moments["fetch"].append(time.monotonic())
        return fetch(self, request, **kwargs)

    def spied(name, real):
        def spy(*args, **kwargs):
            moments[name].append(time.monotonic())
            return real(*args, **kwargs)
        return spy

    monkeypatch.setattr(Fetcher, "fetch", slow_fetch)
    monkeypatch.setattr(PageStore, "retry_urls", spied("store", retry_urls))
    monkeypatch.setattr(cycle, "start_folder_scan", spied("folder", scan))
    with SiteServer(FIXTURES, latency=0.05) as site:
        result = _run(tmp_path, site)
    assert result.ok and result.new_events > 0
    sent = moments["fetch"][0]
    assert len(moments["folder"]) == 1 and moments["folder"][0] > sent
    assert moments["store"] and min(moments["store"]) > sent
