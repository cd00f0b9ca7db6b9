"""Whether a run backfills a source or updates it is asked of the store while the source's first index request
waits on the network (``scraper.discovery.ModeQuestion``), when that request is the same either way; else before
it. Real cycles against the fixture site over local HTTP, on a SQLite file."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import mofcom_watch.cycle as cycle
from mofcom_watch.config import Settings
from scraper.fetch import FetchPolicy
from scraper.sources import load_sources
from scraper.sources.base import IndexPlan, Mode
from scraper.sources.html_index import HtmlIndexSource
from tests.site_server import SiteServer

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
HOSTS = ["www.mofcom.gov.cn", "aqygzj.mofcom.gov.cn"]
AS_OF = date(2026, 11, 29)
POLICY = FetchPolicy(delay=0.0, attempts=2, backoff=0.01, max_wait=0.05, timeout=2.0, total=4)
QA_INDEX = "www.mofcom.gov.cn/xwfb/xwfyrth/index.html"
POLICY_INDEX = "www.mofcom.gov.cn/zwgk/zcfb/index.html"


@dataclass(frozen=True)
class _ModalSource(HtmlIndexSource):
    """The Q&A index on a backfill, the policy index on an update: a source whose first request depends on the mode."""

    def plans(self, mode: Mode, as_of: date, since: int | None) -> list[IndexPlan]:
        path = "/xwfb/xwfyrth/index.html" if mode is Mode.BACKFILL else "/zwgk/zcfb/index.html"
        return [IndexPlan(label=path, url=self.url(path))]


def _run(tmp: Path, site: SiteServer, sources, **kw) -> cycle.CycleResult:
    return cycle.run_cycle(Settings(data_dir=tmp), as_of=AS_OF, base_urls=site.base_urls(HOSTS), policy=POLICY,
                           out_dir=tmp / "feeds", progress=False, sources=sources, **kw)


def _spy_question(monkeypatch, site: SiteServer | None = None) -> list[tuple[float, bool]]:
    """(when, the answer) each time a cycle asks whether a source had a clean run; from then on the ``site``
    answers without delay."""
    asked: list[tuple[float, bool]] = []
    real = cycle.has_clean_run

    def spy(session, source):
        answer = real(session, source)
        asked.append((time.monotonic(), answer))
        if site is not None:
            site.latency = 0.0
        return answer

    monkeypatch.setattr(cycle, "has_clean_run", spy)
    return asked


def test_the_backfill_question_is_asked_while_the_first_request_waits(tmp_path, monkeypatch):
    """The question is a store read (CPU work in a process's first cycle): asked before the first index request,
    it delayed sending it. It is asked once that request is on its way, before its answer (the site holds it
    1 s), and still decides the crawl: a first run backfills, the next one updates."""
    from scraper.fetch.client import Fetcher

    sources = [s for s in load_sources() if s.name == "mofcom-qa"]
    out: list[float] = []  # when each request given a callback was on its way: a cycle's first, its first article
    fetch = Fetcher.fetch

    def spy_fetch(self, request, *, sent=None):
        def on_its_way() -> None:
            out.append(time.monotonic())
            sent()

        return fetch(self, request, sent=None if sent is None else on_its_way)

    monkeypatch.setattr(Fetcher, "fetch", spy_fetch)
    runs = []
    with SiteServer(FIXTURES) as site:
        asked = _spy_question(monkeypatch, site)
        for _ in range(2):
            site.reset_hits()
            site.latency = 1.0  # the first request's (a margin on a busy machine); the question's answer lifts it
            runs.append((_run(tmp_path, site, sources), min(site.spans)[1], min(out)))
            out.clear()
    first, update = (result for result, _, _ in runs)
    # every source clean (not ``ok``: the Q&As alone leave their references unresolved, which a run reports)
    assert all(s.ok for s in first.sources + update.sources) and not first.open_issues + update.open_issues
    assert [r.sources[0].mode for r in (first, update)] == ["backfill", "update"]
    assert [answer for _, answer in asked] == [False, True]
    assert all(sent < when < answered for (when, _), (_, answered, sent) in zip(asked, runs))
    assert first.sources[0].counts.links > 0 and first.new_events > 0 and update.bodies == 0


def test_a_source_whose_first_request_depends_on_the_answer_is_asked_first(tmp_path, monkeypatch):
    """A source whose first index differs between a backfill and an update: the question comes before any request,
    and each run fetches the index of its mode."""
    modal = _ModalSource(name="modal", host="www.mofcom.gov.cn", paths=("/xwfb/xwfyrth/index.html",))
    runs = []
    with SiteServer(FIXTURES, latency=0.05) as site:
        asked = _spy_question(monkeypatch)
        for _ in range(2):
            site.reset_hits()
            runs.append((_run(tmp_path, site, [modal]), site.hits[0].path, min(site.spans)[0]))
    assert [answer for _, answer in asked] == [False, True]
    assert all(when < received for (when, _), (_, _, received) in zip(asked, runs))  # nothing sent before
    assert [(r.sources[0].mode, index) for r, index, _ in runs] == [("backfill", QA_INDEX), ("update", POLICY_INDEX)]
