"""The first cycle on a store in a process makes the reads that follow its crawl once, early, while its
article fetches wait on the network (mofcom_watch.cycle._warm_reads); a later cycle does not, and a
warm-up that fails changes nothing. Real cycles against the fixture site over local HTTP."""

from __future__ import annotations

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
