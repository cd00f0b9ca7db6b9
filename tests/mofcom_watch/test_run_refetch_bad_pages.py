"""Issue 9 item 11: a page that was unusable, cut short or short of its stated count is fetched again
on every later run until it parses whole. Against the fixture site over real HTTP, a first crawl that
meets truncated, bot-check, disclaimer and JS-shell article pages, then a clean crawl, ends with the
same notices, states and feed items as one clean crawl."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from mofcom_watch.config import Settings
from mofcom_watch.cycle import run_cycle
from mofcom_watch.publish import STORE_MARK
from scraper.fetch import FetchPolicy
from storage.db import open_store, session_factory
from storage.health import open_health_issues
from storage.notices import load_stored_notices
from storage.status import listing_states
from tests.site_server import BOT_CHECK_BODY, Fault, SiteServer

AS_OF = date(2026, 11, 29)
FETCHED = datetime(2026, 11, 29, 6, 0, tzinfo=UTC)
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
HOSTS = ["www.mofcom.gov.cn", "aqygzj.mofcom.gov.cn"]
WWW = "www.mofcom.gov.cn"
ART = f"{WWW}/zwgk/zcfb/art/2025/art_"
UEL7, UEL6, UEL5 = ART + "e4f474d3aeba4672913db1042d845d78.html", ART + "205cf5fddd1645a7be68d132cdb38cc3.html", \
    ART + "beb25dc3bf9447f9ba7a34b25cca8f64.html"
UEL4, UEL8 = ART + "ab15d2258dda4e93b8ad1ec4776d37c3.html", ART + "c29bed8111a5406ea44f363694865ac2.html"
QA_UEL_0514 = f"{WWW}/xwfb/xwfyrth/art/2025/art_53ec1f591dba49a39b65fd89b6d73e6f.html"
QA_ECL_1105 = f"{WWW}/xwfb/xwfyrth/art/2025/art_7e09fc75390f4a078466b56ac9d6503a.html"
DISCLAIMER = "<html><body><p>本网站所刊登的信息仅供参考，转载请注明来源。版权所有：中国出口管制信息网。</p></body></html>"
JS_SHELL = "<html><head><script src='/app.js'></script></head><body><div id='app'></div></body></html>"
POLICY = FetchPolicy(delay=0.0, attempts=2, backoff=0.01, max_wait=0.05, timeout=1.0, total=4)
HEALTH_FEED = "source-health"


def _cut(path: str, share: float) -> bytes:
    whole = (FIXTURES / path).read_bytes()
    return whole[: int(len(whole) * share)]


def _faults() -> dict[str, Fault]:
    return {
        UEL7: Fault("body", body=_cut(UEL7, 0.6)),  # served whole-looking, short of its stated 11
        UEL6: Fault("body", body=_cut(UEL6, 0.7)),
        UEL4: Fault("truncate"),  # the connection drops before Content-Length is reached
        QA_UEL_0514: Fault("412"),  # bot check by status
        QA_ECL_1105: Fault("body", body=BOT_CHECK_BODY),  # bot check served with 200
        UEL5: Fault("body", body=DISCLAIMER.encode()),
        UEL8: Fault("body", body=JS_SHELL.encode()),
    }


def _run(data: Path, site: SiteServer, **kw):
    settings = Settings(data_dir=data, public_base_url="https://feeds.example.org/")
    result = run_cycle(settings, as_of=AS_OF, base_urls=site.base_urls(HOSTS), policy=POLICY, progress=False,
                       out_dir=data / "feeds", fetched_at=FETCHED, **kw)
    return settings, result


def _store(db_url: str) -> tuple[dict, list, list]:
    engine = open_store(db_url)
    try:
        with session_factory(engine)() as session:
            notices = {n.record.key: (json.dumps(n.record.to_json(), sort_keys=True), n.provenance.urls,
                                      n.provenance.sha256) for n in load_stored_notices(session)}
            states = sorted(json.dumps(r.to_json(), sort_keys=True, default=str) for r in listing_states(session, AS_OF))
            issues = [i.key for i in open_health_issues(session)]
    finally:
        engine.dispose()
    return notices, states, issues


def _feeds(folder: Path) -> dict[str, bytes]:
    """Every feed file but the source-health feed (which rightly remembers the faults); not the store's mark (its id)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.startswith(HEALTH_FEED) and p.name != STORE_MARK}


@pytest.fixture(scope="module")
def one_clean_crawl(tmp_path_factory):
    data = tmp_path_factory.mktemp("clean")
    with SiteServer(FIXTURES) as site:
        settings, result = _run(data, site, since=2024, backfill=True)
    assert result.ok
    return _store(settings.database_url), _feeds(data / "feeds")


@pytest.mark.parametrize("second", ["run", "run --since 2024"])
def test_a_faulty_first_crawl_then_a_clean_one_ends_like_one_clean_crawl(tmp_path, one_clean_crawl, second):
    (clean_notices, clean_states, _), clean_feeds = one_clean_crawl
    with SiteServer(FIXTURES) as site:
        site.faults.update(_faults())
        settings, faulty = _run(tmp_path, site, since=2024, backfill=True)
        assert not faulty.ok
        failed = {f.url.removeprefix("https://") for s in faulty.sources for f in s.failures}
        assert failed == set(_faults())
        site.faults.clear()
        site.reset_hits()
        kw = {"since": 2024, "backfill": True} if second.endswith("2024") else {}
        _settings, healed = _run(tmp_path, site, **kw)
        refetched = {h.path for h in site.hits if h.status == 200}
    assert set(_faults()) <= refetched  # every bad page was asked for again, in full
    assert healed.ok and [f for s in healed.sources for f in s.failures] == []
    notices, states, issues = _store(settings.database_url)
    assert notices == clean_notices
    assert states == clean_states
    assert issues == []
    assert _feeds(tmp_path / "feeds") == clean_feeds
