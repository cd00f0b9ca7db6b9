"""A notice page served cut short (HTTP 200, a consistent Content-Length, the annex missing) must
not replace the complete stored notice: no false removal or correction, a health record, exit
not clean, and the next clean run reads the page again and closes the issue."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from mofcom_watch.config import Settings
from mofcom_watch.cycle import run_cycle
from scraper.fetch import FetchPolicy
from scraper.sources import load_sources
from storage.db import open_store, session_factory
from storage.events import load_events
from storage.health import open_health_issues
from storage.notices import load_stored_notices
from tests.site_server import Fault, SiteServer

AS_OF = date(2026, 11, 29)
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
WWW = "www.mofcom.gov.cn"
UEL7 = f"{WWW}/zwgk/zcfb/art/2025/art_e4f474d3aeba4672913db1042d845d78.html"
POLICY = FetchPolicy(delay=0.0, attempts=2, backoff=0.01, max_wait=0.05, timeout=2.0, total=4)


def _state(db_url: str) -> tuple[dict, dict, list[str]]:
    engine = open_store(db_url)
    try:
        with session_factory(engine)() as session:
            notices = {n.record.key: json.dumps(n.record.to_json(), sort_keys=True)
                       for n in load_stored_notices(session)}
            events = {e.id: (e.kind.value, e.updated.isoformat()) for e in load_events(session, AS_OF)}
            issues = [i.key for i in open_health_issues(session)]
    finally:
        engine.dispose()
    return notices, events, issues


def test_a_page_cut_short_keeps_the_complete_notice(tmp_path):
    sources = [s for s in load_sources() if s.name == "mofcom-policy"]
    settings = Settings(data_dir=tmp_path / "d", public_base_url="https://feeds.example.org/")

    def run(site):
        return run_cycle(settings, as_of=AS_OF, base_urls={WWW: site.base_url(WWW)}, policy=POLICY,
                         sources=sources, out_dir=tmp_path / "feeds", progress=False)

    with SiteServer(FIXTURES) as site:
        first = run(site)
        assert first.ok
        notices, events, _ = _state(settings.database_url)
        assert len(json.loads(notices["UEL-2025-7"])["entities"]) == 11

        whole = (FIXTURES / UEL7).read_bytes()
        site.faults[UEL7] = Fault("body", body=whole[: len(whole) * 6 // 10])
        site.set_page(UEL7, whole)  # a new Last-Modified: the page is fetched again, not a 304
        faulty = run(site)
        after_notices, after_events, issues = _state(settings.database_url)
        assert not faulty.ok
        assert after_notices == notices  # the 11 entities are still listed
        assert after_events == events and faulty.corrected_events == 0  # no false removal or correction
        assert any(UEL7.split("/")[-1] in key for key in issues)

        del site.faults[UEL7]
        healed = run(site)
        final_notices, final_events, final_issues = _state(settings.database_url)
    assert healed.ok and not final_issues
    assert final_notices == notices and final_events == events
