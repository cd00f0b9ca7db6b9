"""A news page that is no article (health39 L34, L40, L41): a silent miss, now a loud source-health problem.

english.mofcom's press-conference index lists a new article; its URL answers a maintenance page ("System upgrade in
progress") or a bot check. A news page was parsed for a report and nothing else: the page was stored as one reporting
nothing ("other"), the run and ``status`` exited 0, and the article, stored as read, was never asked for again when
the site answered it: its news item missed for good. The same for a news-pages source's exportcontrol mirror page
answering the site's disclaimer. A news page is now screened as a notice page is (``scraper.news.parse``): refused,
an unusable-page issue, exit 1, fetched again next run; the next clean run reads the article and closes the issue.
Real ``run`` processes on a real SQLite file against the local site.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.faults.harness import FIXTURES
from tests.faults.test_site_changes import items, run, status
from tests.site_server import Fault, SiteServer

EN = "english.mofcom.gov.cn"
X = "exportcontrol.mofcom.gov.cn"
INDEX = f"{EN}/News/PressConference/index.html"
OLD = f"{EN}/News/PressConference/art/2025/art_{'1' * 32}.html"
NEW = f"{EN}/News/PressConference/art/2026/art_{'3' * 32}.html"
MIRROR = f"{X}/article/zcfg/gnzcfg/zcfggzqd/202504/1116.html"
CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus" / "pages"
FRAME = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head><body><div class="header">'
         '<a href="/">MINISTRY OF COMMERCE PEOPLE\'S REPUBLIC OF CHINA</a><ul class="nav"><li><a href="/News/index.html">News'
         '</a></li><li><a href="/Policies/index.html">Policies</a></li></ul></div><div class="container">{inner}</div>'
         '<div class="footer"><p>Copyright Ministry of Commerce of the People\'s Republic of China</p></div></body></html>')
UPGRADE = FRAME.format(title="MOFCOM", inner="<h2>System upgrade in progress</h2><p>Please check back later.</p>").encode()
BOT = b"<html><script>document.cookie='__jsl_clearance=1';location.reload();</script></html>"


def article(title: str, published: str, body: str) -> bytes:
    return FRAME.format(title=title, inner=(
        f'<meta name="ArticleTitle" content="{title}"><meta name="PubDate" content="{published}">'
        f'<div class="art-title"><h1>{title}</h1></div><div class="art-con art-con-bottonmLine"><p>{body}</p></div>')).encode()


def index(*rows: tuple[str, str]) -> bytes:
    return FRAME.format(title="Press Conference", inner="<ul>" + "".join(
        f'<li><a href="/{url.split("/", 1)[1]}">{title}</a></li>' for url, title in rows) + "</ul>").encode()


PAGES = {
    OLD: article("MOFCOM puts 16 US entities on export control list", "2025-04-04 21:00",
                 "MOFCOM issued Announcement No. 21 of 2025, adding 16 US entities to the export control control list."),
    NEW: article("MOFCOM adds 5 US entities to unreliable entity list", "2026-11-20 18:00",
                 "MOFCOM said on Friday it added five US entities to the unreliable entity list."),
    MIRROR: (CORPUS / "02-exportcontrol-mirror-ecl21.html").read_bytes(),
}


@pytest.mark.parametrize("answer", [UPGRADE, BOT], ids=["maintenance", "bot-check"])
def test_a_news_page_answering_no_article_is_loud_and_read_when_the_site_answers_it(tmp_path, answer):
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[source]]\nname = "news-pages"\nkind = "news-pages"\nhost = ""\npages = ["https://{MIRROR}"]\n')
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    names = ("english-news", "news-pages", "mofcom-policy")  # the policy column: the notices the reports confirm
    told = {}
    with SiteServer(FIXTURES, pages=PAGES) as site:
        bases = {host: site.base_url(host) for host in ("www.mofcom.gov.cn", EN, X)}
        for step in ("first", "faulted", "clean"):
            site.pages[INDEX] = index(*([(NEW, "New")] if step != "first" else []), (OLD, "Old"))
            site.faults = {NEW: Fault("body", body=answer),
                           MIRROR: Fault("body", body=(CORPUS / "19-exportcontrol-disclaimer-only.html").read_bytes())
                           } if step == "faulted" else {}
            done, report = run(db, out, bases, sources=names, MOFCOM_WATCH_SOURCES_FILE=str(sources))
            told[step] = done, report, status(db), items(out)

    def failed(step: str) -> dict[str, str]:
        return {f["url"].split("//", 1)[1]: f"{f['reason']}: {f['detail']}" for s in told[step][1]["sources"]
                for f in s["failures"]}

    assert told["first"][0].code == 0 and not failed("first"), failed("first")
    done, _, state, _ = told["faulted"]
    assert done.code == 1, failed("faulted")
    assert failed("faulted")[NEW].startswith("unusable-content: " + ("maintenance" if answer is UPGRADE else "bot-check"))
    assert "disclaimer" in failed("faulted")[MIRROR], failed("faulted")
    assert {i["kind"] for i in state["health_issues"]} == {"unusable-page"} and len(state["health_issues"]) == 2
    done, _, state, got = told["clean"]
    assert done.code == 0 and not failed("clean") and not state["health_issues"], (failed("clean"), state["health_issues"])
    news = {k for k in got - told["faulted"][3] if k.startswith("news.atom#")}
    assert len(news) == 1, got - told["faulted"][3]  # the new article's report, read once the site answers it
