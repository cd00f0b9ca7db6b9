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
    for name in feeds:  # a report naming no notice (ART2) cites its page by title, with no empty key: was "[]"
        text = (tmp_path / "f2" / name).read_text(encoding="utf-8")
        assert "MOFCOM adds 5 US entities to unreliable entity list" in text and "[]" not in text, name


PRESS = Path(__file__).resolve().parents[1] / "data" / "news"
GT_0812 = "www.globaltimes.cn/page/202508/1340602.shtml"
# Press pages (tests/data/news, see tests/scraper/test_news_parse.py) and the notice each reports.
PRESS_PAGES = {
    # "Announcement No. 21 and No. 22 of 2025": the ECL suspension of 2025-05-14, by number (the page
    # also names the UEL, which was tried first: it was linked to the UEL Q&A of that day)
    "www.shine.cn/news/nation/2505153828/": ("21-shine-0515-html.html", "MOFCOM-2025-21"),
    # ECL extension of 2025-08-12, no number: the ECL Q&A of that day, not the UEL one the page also names
    GT_0812: ("24-globaltimes-0812.txt", ("qa", "ecl", date(2025, 8, 12))),
    # traditional script (Taiwan press): UEL 〔2025〕7號 by number; ECL Q&A by date
    "www.cna.com.tw/news/acn/202508120321.aspx": ("12-cna-quote-uel0812.txt", "UEL-2025-7"),
    "www.ettoday.net/news/20250812/3013384.htm": ("15-ettoday-report0812-ecl.txt", ("qa", "ecl", date(2025, 8, 12))),
    # the main action (ECL lift, by date) is linked, not the UEL 〔2025〕7號 another clause names
    "news.cnyes.com/news/id/6210777": ("07-cnyes-report1105-paraphrase.txt", ("qa", "ecl", date(2025, 11, 5))),
}


def test_press_reports_link_to_the_notice_they_report(tmp_path):
    """The pipeline stores each press page as a report linked to the notice it reports: the list
    read from the sentence carrying the action, the numbers of its enumerations, either script."""
    qas = [s for s in load_sources() if s.name in ("mofcom-policy", "mofcom-qa")]
    pages = {path: (PRESS / name).read_bytes() for path, (name, _) in PRESS_PAGES.items()}
    user = NewsPagesSource(name="news-pages", host="", news=True, pages=tuple(f"https://{p}" for p in pages))
    hosts = sorted({p.split("/", 1)[0] for p in pages})
    served = {p + "index.html" if p.endswith("/") else p: body for p, body in pages.items()}  # as the server maps "/"
    with SiteServer(FIXTURES, pages=served) as site:
        base = site.base_urls(["www.mofcom.gov.cn", "aqygzj.mofcom.gov.cn", *hosts])
        plain = Settings(data_dir=tmp_path / "plain")
        run_cycle(plain, as_of=AS_OF, base_urls=base, policy=POLICY, progress=False, out_dir=tmp_path / "f1",
                  sources=qas)
        settings = Settings(data_dir=tmp_path / "news")
        result = run_cycle(settings, as_of=AS_OF, base_urls=base, policy=POLICY, progress=False,
                           out_dir=tmp_path / "f2", sources=qas + [user])
    counts = {s.name: s.counts for s in result.sources}["news-pages"]
    assert (counts.failed, counts.new) == (0, len(pages)), counts.failures
    engine = open_store(settings.database_url)
    with session_factory(engine)() as session:
        links = {r.url: (r.notice_key, r.confirmed) for r in session.scalars(select(NewsReport))}
        notices = {(n.kind, n.list, n.published): n.key for n in session.scalars(select(Notice).where(Notice.kind == "qa"))}
        lifecycle = {e.id for e in load_events(session, AS_OF)}
        items = {i.extra[2][1]: i.summary for i in news_events(session)}
        # A store linked by an earlier parse that read the UEL (the Q&A of that day): on the next
        # run the link is dropped and made again.
        report = session.scalars(select(NewsReport).where(NewsReport.url == f"https://{GT_0812}")).one()
        report.notice_key = notices["qa", "uel", date(2025, 8, 12)]
        session.commit()
    engine.dispose()
    wanted = {f"https://{path}": notices[want] if isinstance(want, tuple) else want
              for path, (_, want) in PRESS_PAGES.items()}
    assert links == {url: (key, True) for url, key in wanted.items()}
    assert all(f"Official notice: {key}." in items[url] for url, key in wanted.items())
    with SiteServer(FIXTURES, pages=served) as site:
        base = site.base_urls(["www.mofcom.gov.cn", "aqygzj.mofcom.gov.cn", *hosts])
        run_cycle(settings, as_of=AS_OF, base_urls=base, policy=POLICY, progress=False, out_dir=tmp_path / "f3",
                  sources=qas + [user])
    engine = open_store(settings.database_url)
    with session_factory(engine)() as session:
        report = session.scalars(select(NewsReport).where(NewsReport.url == f"https://{GT_0812}")).one()
        assert (report.notice_key, report.confirmed) == (wanted[f"https://{GT_0812}"], True)
    engine.dispose()
    engine = open_store(plain.database_url)
    with session_factory(engine)() as session:
        assert lifecycle == {e.id for e in load_events(session, AS_OF)}  # news changed no state
    engine.dispose()
