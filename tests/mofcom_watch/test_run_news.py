"""News pages: stored, linked to the notice they report (by number, or by date+list+count),
published as `news` items, flagged when unconfirmed, and never a state change."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from mofcom_watch.config import Settings
from mofcom_watch.cycle import run_cycle
from scraper.fetch import FetchPolicy
from scraper.news import news_facts
from scraper.sources import load_sources
from scraper.sources.news import EnglishNewsSource, NewsPagesSource
from storage.db import open_store, session_factory
from storage.events import load_events
from storage.models import NewsReport, Notice
from storage.news import news_events
from storage.records import ActionKind, ListKind
from storage.vocabulary import TAG_PREFIX
from tests.site_server import SiteServer

AS_OF = date(2026, 11, 29)
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
EN = "english.mofcom.gov.cn"
GT = "www.globaltimes.cn"
POLICY = FetchPolicy(delay=0.0, attempts=1, timeout=5, total=4)
ART1 = f"{EN}/News/PressConference/art/2025/art_{'1' * 32}.html"
ART2 = f"{EN}/News/PressConference/art/2026/art_{'2' * 32}.html"
GT_PAGE = f"{GT}/page/202504/1331999.shtml"


def page(title: str, published: str, body: str) -> bytes:
    return (f'<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="{title}">'
            f'<meta name="PubDate" content="{published}"></head><body><h1>{title}</h1>'
            f"<p>{body}</p></body></html>").encode()


NEWS_PAGES = {
    f"{EN}/News/PressConference/index.html": (
        f'<html><body><ul><li><a href="/News/PressConference/art/2025/art_{"1" * 32}.html">A</a></li>'
        f'<li><a href="/News/PressConference/art/2026/art_{"2" * 32}.html">B</a></li></ul></body></html>').encode(),
    ART1: page("MOFCOM puts 16 US entities on export control list", "2025-04-04 21:00",
               "The Ministry of Commerce (MOFCOM) issued Announcement No. 21 of 2025, adding 16 US entities "
               "to the export control control list."),
    ART2: page("MOFCOM adds 5 US entities to unreliable entity list", "2026-11-20 18:00",
               "MOFCOM said on Friday it added five US entities to the unreliable entity list."),
    GT_PAGE: page("China adds 12 US entities to export control list", "2025-04-09 22:10",
                  "Published: Apr 09, 2025 10:10 PM. China's commerce ministry on Wednesday added 12 US entities "
                  "to its export control list, effective April 10."),
}


def test_news_facts_from_english_text():
    facts = news_facts("China's Ministry of Commerce said it would continue to suspend the measures on 16 US "
                       "entities on the export control list for another 90 days. Published: Aug 12, 2025 05:21 PM")
    assert facts.list is ListKind.ECL and facts.action is ActionKind.EXTEND and facts.count == 16
    assert facts.published == date(2025, 8, 12)
    assert news_facts("The weather in Beijing was fine.") is None


def test_news_is_linked_published_and_never_changes_state(tmp_path):
    mofcom = [s for s in load_sources() if s.name in ("mofcom-policy", "mofcom-qa")]
    mofcom.append(EnglishNewsSource(name="english-news", host=EN, news=True,
                                    paths=("/News/PressConference/index.html",)))
    user = NewsPagesSource(name="news-pages", host="", news=True, pages=(f"https://{GT_PAGE}",))
    with SiteServer(FIXTURES, pages=NEWS_PAGES) as site:
        base = site.base_urls(["www.mofcom.gov.cn", "aqygzj.mofcom.gov.cn", EN, GT])
        plain = Settings(data_dir=tmp_path / "plain")
        run_cycle(plain, as_of=AS_OF, base_urls=base, policy=POLICY, progress=False, out_dir=tmp_path / "f1",
                  sources=[s for s in mofcom if not s.news])
        with_news = Settings(data_dir=tmp_path / "news")
        result = run_cycle(with_news, as_of=AS_OF, base_urls=base, policy=POLICY, progress=False,
                           out_dir=tmp_path / "f2", sources=mofcom + [user])
    by_name = {s.name: s for s in result.sources}
    assert by_name["english-news"].counts.failed == 0 and by_name["news-pages"].counts.failed == 0
    assert by_name["english-news"].counts.new == 2 and by_name["news-pages"].counts.new == 1
    engine = open_store(with_news.database_url)
    with session_factory(engine)() as session:
        reports = {r.url: r for r in session.scalars(select(NewsReport))}
        assert not session.scalars(select(Notice).where(Notice.key.like("NEWS-%"))).all()
        lifecycle = {e.id for e in load_events(session, AS_OF)}
        items = news_events(session)
    engine.dispose()
    assert reports[f"https://{ART1}"].notice_key == "MOFCOM-2025-21" and reports[f"https://{ART1}"].confirmed
    assert reports[f"https://{GT_PAGE}"].notice_key == "MOFCOM-2025-22" and reports[f"https://{GT_PAGE}"].confirmed
    assert not reports[f"https://{ART2}"].confirmed
    engine = open_store(plain.database_url)
    with session_factory(engine)() as session:
        assert lifecycle == {e.id for e in load_events(session, AS_OF)}  # news changed no state
    engine.dispose()
    assert len(items) == 3 and all(i.scope == "news" for i in items)
    assert all(i.id.startswith(f"{TAG_PREFIX}news/") for i in items)  # 2025, never the report's year
    unconfirmed = [i for i in items if "not yet confirmed" in i.title]
    assert len(unconfirmed) == 1 and unconfirmed[0].list is ListKind.UEL
    feeds = sorted(p.name for p in (tmp_path / "f2").rglob("news.*"))
    assert feeds == ["news.atom", "news.json", "news.rss"]
    assert "not yet confirmed" in (tmp_path / "f2" / "news.atom").read_text(encoding="utf-8")
