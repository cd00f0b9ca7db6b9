"""The MFA countermeasure channel over real HTTP (the local site server serving fixtures/):
links are read by the article pattern, a second run fetches nothing new, and a channel page
that lost its article links is a loud source-health failure, never "nothing new"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mofcom_watch.config import Settings
from mofcom_watch.cycle import run_cycle
from scraper.fetch import FetchPolicy
from scraper.sources import load_sources
from scraper.sources.base import Mode
from storage.db import open_store, session_factory
from storage.notices import load_stored_notices
from tests.site_server import SiteServer

AS_OF = date(2026, 11, 29)
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
HOST = "www.mfa.gov.cn"
CHANNEL = f"{HOST}/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/index.html"
POLICY = FetchPolicy(delay=0.0, attempts=2, backoff=0.01, max_wait=0.05, timeout=2.0, total=4)


def _mfa():
    [source] = [s for s in load_sources() if s.name == "mfa-countermeasures"]
    return source


def test_the_source_reads_the_channel_and_wants_only_its_articles():
    source = _mfa()
    [plan] = source.plans(Mode.BACKFILL, AS_OF, None)
    assert plan.url == "https://www.mfa.gov.cn/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/"
    assert plan.page_url(2) == plan.url + "index_1.shtml" and plan.page_url(3) == plan.url + "index_2.shtml"
    base = "https://www.mfa.gov.cn/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/"
    assert source.wants(base + "202412/t20241217_11494912.shtml")
    assert not source.wants(base + "index_1.shtml")
    assert not source.wants("https://www.mfa.gov.cn/web/wjdt_674879/fyrbt_674889/202412/t20241217_11494913.shtml")
    assert not source.wants("https://evil.example.org/fzcqdcs/202412/t20241217_11494912.shtml")


def _run(settings, site):
    return run_cycle(settings, as_of=AS_OF, base_urls={HOST: site.base_url(HOST)}, policy=POLICY,
                     sources=[_mfa()], out_dir=settings.data_dir / "feeds", progress=False)


def _keys(db_url: str) -> list[str]:
    engine = open_store(db_url)
    try:
        with session_factory(engine)() as session:
            return sorted(n.record.key for n in load_stored_notices(session))
    finally:
        engine.dispose()


def test_a_cycle_stores_the_three_decisions_and_a_second_finds_nothing_new(tmp_path):
    settings = Settings(data_dir=tmp_path / "d", public_base_url="https://feeds.example.org/")
    with SiteServer(FIXTURES) as site:
        first = _run(settings, site)
        assert first.ok, first
        [summary] = first.sources
        assert (summary.mode, summary.counts.links, summary.counts.new, summary.counts.failed) == ("backfill", 3, 3, 0)
        assert _keys(settings.database_url) == ["MFA-ORDER-2022-4", "MFA-ORDER-2024-13", "MFA-ORDER-2025-17"]
        second = _run(settings, site)
        assert second.ok and second.sources[0].counts.new == 0 and second.new_events == 0


def test_a_second_channel_page_is_followed(tmp_path):
    settings = Settings(data_dir=tmp_path / "d", public_base_url="https://feeds.example.org/")
    index = (FIXTURES / CHANNEL).read_text(encoding="utf-8")
    rows = [line for line in index.splitlines() if line.startswith("<li><a href=")]
    assert len(rows) == 3
    page1 = index.replace(rows[2] + "\n", "")  # two rows on page 1 ...
    page2 = index.replace(rows[0] + "\n", "").replace(rows[1] + "\n", "")  # ... the third on page 2
    with SiteServer(FIXTURES) as site:
        site.set_page(CHANNEL, page1.encode("utf-8"))
        site.set_page(CHANNEL.replace("index.html", "index_1.shtml"), page2.encode("utf-8"))
        result = _run(settings, site)
    assert result.ok and result.sources[0].counts.new == 3
    assert _keys(settings.database_url) == ["MFA-ORDER-2022-4", "MFA-ORDER-2024-13", "MFA-ORDER-2025-17"]


def test_a_redesigned_channel_without_article_links_is_a_health_failure(tmp_path):
    settings = Settings(data_dir=tmp_path / "d", public_base_url="https://feeds.example.org/")
    with SiteServer(FIXTURES) as site:
        assert _run(settings, site).ok
        redesigned = (FIXTURES / CHANNEL).read_text(encoding="utf-8")
        # links now built by a script from an id (a data-href holding the address is the link, read since health37)
        redesigned = redesigned.replace('href="./', 'data-doc="./')
        site.set_page(CHANNEL, redesigned.encode("utf-8"))
        result = _run(settings, site)
    assert not result.ok
    [summary] = result.sources
    assert summary.counts.failed == 1 and summary.failures[0].reason == "zero-links"
    assert result.open_issues
    assert _keys(settings.database_url) == ["MFA-ORDER-2022-4", "MFA-ORDER-2024-13", "MFA-ORDER-2025-17"]


def test_a_second_channel_page_gone_while_the_first_says_it_exists_is_a_failure(tmp_path):
    """health35 L12: page 1's pager says the channel has 2 pages and page 2 answers 404 (a backfill): read as the end
    of the channel, the decisions listed there were left unread with the run clean. Now the page is a failure
    naming the pager's count; a 404 past the pages it states still ends the walk (the three-decision test above)."""
    settings = Settings(data_dir=tmp_path / "d", public_base_url="https://feeds.example.org/")
    index = (FIXTURES / CHANNEL).read_text(encoding="utf-8")
    rows = [line for line in index.splitlines() if line.startswith("<li><a href=")]
    page1 = index.replace(rows[2] + "\n", "").replace("createPageHTML(1, 0,", "createPageHTML(2, 0,")
    assert rows[2] not in page1 and "createPageHTML(2, 0," in page1
    with SiteServer(FIXTURES) as site:
        site.set_page(CHANNEL, page1.encode("utf-8"))  # index_1.shtml: none, 404
        result = _run(settings, site)
    assert not result.ok
    [summary] = result.sources
    [failure] = summary.failures
    assert failure.url.endswith("/fzcqdcs/index_1.shtml") and failure.reason == "not-found", failure
    assert "page 2 is gone, though the page before it says the index has 2 pages" in failure.detail, failure
    assert _keys(settings.database_url) == ["MFA-ORDER-2024-13", "MFA-ORDER-2025-17"]
