"""Entity pages, search and stored snapshots over a real store (the replayed fixtures), without JavaScript."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urljoin

import html5lib
import pytest
from starlette.testclient import TestClient

from mofcom_watch.server import create_app
from mofcom_watch.server.data import StoreData
from storage.db import open_store
from tests.conftest import copy_of
from tests.feeds.replayed import write_feeds_cli

BASE = "http://127.0.0.1:8765/feeds/"


@pytest.fixture(scope="module")
def site(tmp_path_factory, replayed):
    root = tmp_path_factory.mktemp("site")
    db_url = copy_of(replayed, root / "db.sqlite")
    result = write_feeds_cli(db_url, root / "feeds", base_url=BASE)
    assert result.exit_code in (0, 1), result.output
    engine = open_store(db_url)
    app = create_app(feeds_dir=root / "feeds", feeds_base_url=BASE, data=StoreData(engine), as_of=date(2026, 11, 29))
    yield TestClient(app)
    engine.dispose()


def strict(page: str) -> None:
    """html5lib strict parsing: any parse error raises."""
    html5lib.HTMLParser(strict=True).parse(page)


def section(page: str, anchor: str) -> str:
    start = page.index(f'id="{anchor}"')
    nxt = page.find("<h2", start)
    return page[start:nxt if nxt > 0 else None]


def test_entity_page_shows_names_lists_picture_timeline_sources_and_feeds(site: TestClient) -> None:
    r = site.get("/entity/skydio")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    page = r.text
    strict(page)
    assert "<script" not in page
    assert "Skydio, Inc." in page and "斯凯迪奥公司" in page and "Skydio Inc." in section(page, "names")
    lists = section(page, "lists")
    assert lists.count("<tr>") == 4  # header + three listings: two MOFCOM, one MFA
    assert "MOFCOM-2025-13" in lists and "lifted" in lists and "UEL-2025-7" in lists
    assert "MFA-ORDER-2024-13" in lists and "外交部令第13号" in lists
    assert lists.count("issued by MFA") == 1 and lists.count("issued by MOFCOM") == 2
    assert "lapsed: presumed back in force, needs review" in lists and "2026-11-11" in lists  # through 11-10 (lapse43)
    picture = section(page, "picture")
    assert picture.count('class="mw-row"') == 3 and f'href="{BASE}entity/skydio.svg"' in picture
    timeline = section(page, "timeline")
    for day in ("2025-03-04", "2025-04-04", "2025-05-14", "2025-08-12", "2025-11-10", "2026-11-10"):
        assert day in timeline
    sources = section(page, "sources")
    assert "https://www.mofcom.gov.cn/" in sources and "不可靠实体清单工作机制公告〔2025〕7号" in sources
    assert "https://www.mfa.gov.cn/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/202412/t20241217_11494912.shtml" in sources
    shas = re.findall(r'href="../snapshot/([0-9a-f]{64})"', sources)
    assert len(shas) >= 3  # the listing notices and the Q&As acting on them
    for sha in shas:
        snap = site.get(f"/snapshot/{sha}")
        assert snap.status_code == 200 and hashlib.sha256(snap.content).hexdigest() == sha
        assert snap.headers["content-type"].startswith("text/plain")  # never run as HTML on this site
        assert snap.headers["x-content-type-options"] == "nosniff" and snap.headers["content-security-policy"] == "sandbox"
        assert site.get(f"/snapshot/{sha}", headers={"If-None-Match": snap.headers["etag"]}).status_code == 304
        listed = f'"{"0" * 64}", {snap.headers["etag"]}'  # a cache holding two copies sends both tags (200 before)
        assert site.get(f"/snapshot/{sha}", headers={"If-None-Match": listed}).status_code == 304
    feeds = section(page, "subscribe")
    for fmt in ("atom", "rss"):
        assert f'href="{BASE}entity/skydio.{fmt}"' in feeds
        assert f'<link rel="alternate" type="application/{fmt}+xml"' in page


def test_as_of_shows_the_state_of_that_day(site: TestClient) -> None:
    page = site.get("/entity/skydio", params={"as_of": "2025-06-01"}).text
    strict(page)
    lists = section(page, "lists")
    assert "suspended" in lists and "73 days left" in lists  # suspended until 2025-08-12 inclusive (lapse43)
    assert "2026-11-10" not in section(page, "timeline")  # nothing known then beyond 2025-06-01
    assert 'value="2025-06-01"' in page
    assert site.get("/entity/skydio", params={"as_of": "June"}).status_code == 400


def test_unknown_entity_and_snapshot_are_404(site: TestClient) -> None:
    r = site.get("/entity/nosuchcompany")
    assert r.status_code == 404 and "No such company" in r.text
    strict(r.text)
    assert site.get("/snapshot/" + "0" * 64).status_code == 404
    assert site.get("/snapshot/not-a-hash").status_code == 404


@pytest.mark.parametrize("query", ["Skydio, Inc.", "SKYDIO INC", "skydio", "斯凯迪奥公司", "Ｓｋｙｄｉｏ Inc"])
def test_search_exact_or_normalised_goes_to_the_page(site: TestClient, query: str) -> None:
    r = site.get("/search", params={"q": query}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "entity/skydio"  # from /search: /entity/skydio


def test_search_fuzzy_lists_candidates(site: TestClient) -> None:
    r = site.get("/search", params={"q": "Skydoi"})
    assert r.status_code == 200
    strict(r.text)
    assert 'href="entity/skydio"' in r.text and "similar name" in r.text
    many = site.get("/search", params={"q": "Lockheed"})
    assert many.status_code == 200 and many.text.count('href="entity/lockheedmartin') >= 2
    # reader37 B: the page listed the 5 closest names and said "5 companies match": every listed Lockheed is there
    lockheeds = ("lockheedmartin", "lockheedmartinaeronautics", "lockheedmartinadvancedtechnologylaboratories",
                 "lockheedmartinmissilesystemintegrationlab", "lockheedmartinmissilesandfirecontrol",
                 "lockheedmartinventures", "raytheonlockheedmartinjavelinjointventure")
    assert all(f'href="entity/{key}"' in many.text for key in lockheeds), many.text
    assert "7 listed companies or people match" in many.text
    none = site.get("/search", params={"q": "Nonexistent Corp"})
    assert none.status_code == 404 and "No listed company or person matches" in none.text
    assert site.get("/search", params={"q": " "}, follow_redirects=False).status_code == 303


def test_search_names_a_listed_parent_inside_and_the_listed_names_holding_it(site: TestClient) -> None:
    """reader37's B6 and user38: "General Dynamics" went straight to General Dynamics, its four listed "General
    Dynamics …" subsidiaries unsaid; "Skydio Government Solutions LLC" listed five other "… LLC" first, Skydio Inc.
    sixth, all "similar name, score 85.5". Now the listed parent inside comes first, the listed names holding an exact
    hit follow it, each said so and to review (as ``screen`` offers them: possible matches)."""
    r = site.get("/search", params={"q": "General Dynamics"}, follow_redirects=False)
    assert r.status_code == 200, r.headers  # was: 303 to entity/generaldynamics
    strict(r.text)
    keys = re.findall(r'href="entity/([^"]+)"', r.text)
    assert keys[0] == "generaldynamics", keys
    assert {"generaldynamicslandsystems", "generaldynamicsmissionsystems", "generaldynamicsinformationtechnology",
            "generaldynamicsordnanceandtacticalsystems"} <= set(keys[1:]), keys
    assert r.text.count("a listed name holding the one searched for, review") == 4, r.text
    sub = site.get("/search", params={"q": "Skydio Government Solutions LLC"}, follow_redirects=False)
    assert sub.status_code == 200
    keys = re.findall(r'href="entity/([^"]+)"', sub.text)
    assert keys[0] == "skydio", keys  # was: sixth, after Clear Align LLC, IMSAR, LLC, ...
    assert "a listed name inside the one searched for, review" in sub.text
    zh = site.get("/search", params={"q": "斯凯迪奥（北京）科技有限公司"}, follow_redirects=False)
    assert zh.status_code == 200 and re.findall(r'href="entity/([^"]+)"', zh.text)[0] == "skydio", zh.text


def test_a_company_feed_s_website_link_is_its_page(site: TestClient) -> None:
    """reader37's B5 (user38): a reader's "visit website" on Skydio's feed (Atom ``rel="alternate"``, the RSS channel's
    ``<link>``, JSON Feed's ``home_page_url``) named the feeds folder, which serve leads to the front page; it names
    the company's page now, which answers. The lists' feeds keep the folder (the front page lists them)."""
    import json

    for path, home in (("entity/skydio", "http://127.0.0.1:8765/entity/skydio"), ("all", BASE)):
        atom = site.get(f"/feeds/{path}.atom").text
        rss = site.get(f"/feeds/{path}.rss").text
        js = json.loads(site.get(f"/feeds/{path}.json").text)
        assert f'<link href="{home}" rel="alternate"/>' in atom, atom[:900]
        assert f"<link>{home}</link>" in rss, rss[:900]
        assert js["home_page_url"] == home
    page = site.get("/entity/skydio")  # the link's path, as serve answers it
    assert page.status_code == 200 and "<h1>Skydio Inc." in page.text


def test_front_page_has_search_and_one_picture_row_per_listing(site: TestClient) -> None:
    page = site.get("/").text
    strict(page)
    assert '<form class="search" method="get" action="./search"' in page
    # user41: "Find a company" above a box that finds the people the MFA names too
    assert "Find a company or person" in page and "Find a company or person" in site.get("/entity/skydio").text
    person = site.get("/search", params={"q": "石平"}, follow_redirects=False)
    assert person.status_code == 303 and person.headers["location"].endswith("entity/%E7%9F%B3%E5%B9%B3")
    # user42: "1 company matches Yu Maochun" above 余茂春 (a person asked for in pinyin: a suggestion, not a match)
    pinyin = site.get("/search", params={"q": "Yu Maochun"})
    assert "1 listed company or person matches" in pinyin.text and 'href="entity/%E4%BD%99%E8%8C%82%E6%98%A5"' in pinyin.text
    picture = section(page, "picture")
    assert picture.count("<svg") == 1 and picture.count('class="mw-row"') == 26  # 23 MOFCOM, 3 MFA
    assert picture.count("<title>") > 26
    assert f'href="{BASE}all.svg"' in picture
    assert f'href="{BASE}notice/UEL-2025-7.svg"' in section(page, "state")


def test_a_person_page_shows_the_mfa_listing_and_the_role(site: TestClient) -> None:
    page = site.get("/entity/adambry").text
    strict(page)
    assert "Adam Bry" in page and "亚当·布赖" in section(page, "names")
    lists = section(page, "lists")
    assert "MFA-ORDER-2024-13" in lists and "issued by MFA" in lists
    assert "斯凯迪奥公司联合创始人、首席执行官" in lists  # the role, beside the instrument, not in the name
    # user41: a person's page said "Follow this company" above the feeds of Adam Bry and 石平
    assert "Follow this person" in page and "this company" not in page
    assert "Follow this company" in site.get("/entity/skydio").text


def test_a_day_after_today_says_it_shows_a_schedule(site: TestClient) -> None:
    """`?as_of=` a day to come showed the page as if it held then, with none of the note `timeline` prints."""
    later = site.get("/entity/skydio", params={"as_of": "2099-01-01"}).text  # after any day this test runs on
    strict(later)
    assert "A day to come" in later and "not what holds now" in later
    assert "A day to come" not in site.get("/entity/skydio", params={"as_of": "2026-11-29"}).text  # the app's day
    assert "A day to come" not in site.get("/entity/skydio").text


def test_the_front_page_shows_the_day_asked_for_or_refuses_it(site: TestClient) -> None:
    """The front page ignored `?as_of=`, even `2026-13-01`: today's states under a link that asked for another day
    (ux24, session 24). Now it shows that day, as an entity page does, says a day to come is a schedule, and a bad
    date is a 400."""
    def uel7(page: str) -> str:
        states = section(page, "state")
        return next(row for row in states.split("<tr>") if "UEL-2025-7" in row)

    today = site.get("/").text
    assert "<strong>2026-11-29</strong>" in today and "State on 2026-11-29" in today and "lapsed" in uel7(today)
    past = site.get("/", params={"as_of": "2025-06-01"})
    assert past.status_code == 200
    strict(past.text)
    assert "State on 2025-06-01" in past.text and "suspended" in uel7(past.text) and "lapsed" not in uel7(past.text)
    assert "A day to come" not in past.text and "A day to come" not in today
    assert "A day to come" in site.get("/", params={"as_of": "2099-01-01"}).text
    bad = site.get("/", params={"as_of": "2026-13-01"})
    assert bad.status_code == 400 and "as_of must be a date" in bad.text
    week = site.get("/", params={"as_of": "2026W481"})  # an ISO week date: 2026-11-23 without a word (cli32)
    assert week.status_code == 400 and "as_of must be a date" in week.text
    for far in ("9999-12-31", "0001-01-01"):  # cli35: 9999-12-31 was a 500 (the pictures' arithmetic overflowed)
        for page in ("/", "/entity/skydio"):
            answer = site.get(page, params={"as_of": far})
            assert answer.status_code == 400 and "as_of must be a date" in answer.text, (page, far)
    assert "State on 2025-06-01" in site.get("/", params={"as_of": "20250601"}).text  # as --as-of takes it


PREFIX = "https://watch.example.org/mofcom/"  # a reverse proxy's path prefix, mapped to serve's "/"
LINK_RE = re.compile(r'(?:href|action|src)="([^"]*)"')


@pytest.mark.parametrize("path", ["", "entity/skydio", "entity/%E7%9F%B3%E5%B9%B3", "search?q=Skydoi", "search?q=Skydio",
                                  "search?q=", "entity/nosuchcompany", "entity/skydio?as_of=June", "?as_of=June",
                                  "feeds/", "feeds", "entity/skydio/", "search/?q=Skydio", "healthz/"])
def test_every_link_of_the_pages_stays_under_a_proxy_path_prefix(site: TestClient, path: str) -> None:
    """Behind a proxy serving the site under /mofcom/, the pages' own links and ways on were root-relative
    (/search, /feeds.opml, /entity/<key>, /snapshot/<sha>, the home link /, the 303s to / and to /entity/<key>):
    each led to the proxy's own root, out of the site (web32; docs/deploy.md said so). Each now resolves, against
    the page's public URL, inside the prefix, and answers there."""
    r = site.get("/" + path, follow_redirects=False)
    links = [r.headers["location"]] if r.is_redirect else [unescape(u) for u in LINK_RE.findall(r.text)]
    assert links, path
    for link in links:
        if link.startswith(("#", "http://", "https://", "file:")) and not r.is_redirect:  # feeds, official pages
            continue  # (a way on naming the request's host, Starlette's /feeds to /feeds/, lost the prefix)
        public = urljoin(PREFIX + path, link)
        assert public.startswith(PREFIX), (path, link, public)
        assert site.get("/" + public.removeprefix(PREFIX)).status_code < 400, (path, link)


class _Unmarked(HTMLParser):
    """The Chinese text of a page under no ``lang="zh…"`` (a picture's SVG, the <title> and <code> keys aside)."""

    VOID = frozenset({"br", "img", "meta", "link", "input", "hr", "wbr", "source", "col"})
    SKIPPED = frozenset({"svg", "title", "code", "style"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str]] = []
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.stack.append((tag, dict(attrs).get("lang") or (self.stack[-1][1] if self.stack else "")))

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if self.stack and not self.stack[-1][1].startswith("zh") and not {t for t, _ in self.stack} & self.SKIPPED:
            self.found += re.findall(r"[\u3400-\u9fff]+", data)


@pytest.mark.parametrize("path", ["/", "/entity/skydio", "/entity/%E7%9F%B3%E5%B9%B3", "/search?q=Skydoi"])
def test_chinese_names_and_titles_are_marked_as_chinese(site: TestClient, path: str) -> None:
    """A person named in Chinese only (石平) had an <h1> under the page's lang="en", as had every item title's
    "(斯凯迪奥公司)", the front page's notice numbers and titles and the search hits (web32): a screen reader read them
    as English. Each run of Chinese is marked lang="zh-CN" now."""
    page = _Unmarked()
    page.feed(site.get(path).text)
    assert page.found == [], page.found[:5]


def test_zh_marked_marks_each_chinese_run_with_its_numbers() -> None:
    from mofcom_watch.server.pages import zh_marked

    assert zh_marked("Imposed: Skydio Inc. (斯凯迪奥公司) on <x>") == (
        'Imposed: Skydio Inc. (<span lang="zh-CN">斯凯迪奥公司</span>) on &lt;x&gt;')
    assert zh_marked("商务部公告2025年第13号 MOFCOM") == '<span lang="zh-CN">商务部公告2025年第13号</span> MOFCOM'
    assert zh_marked("托德·斯坦恩") == '<span lang="zh-CN">托德·斯坦恩</span>'
    assert zh_marked("Skydio 2025") == "Skydio 2025"


def test_the_two_event_tables_say_what_their_dates_are(site: TestClient) -> None:
    """The front page's events are dated as their feed items (an announced lifting: the day published), an entity's
    timeline by the day each takes effect; both columns were headed "Date" alone, so one lifting read 2025-11-05 on
    one page and 2025-11-10 on the other (web32)."""
    lift = "Lifted: Skydio, Inc. (<span lang=\"zh-CN\">斯凯迪奥公司</span>) on the export control list (MOFCOM-2025-13)"
    front = site.get("/", params={"as_of": "2025-11-06"}).text
    events = section(front, "events")
    assert "<th>Dated</th>" in events and "the day the notice was published" in events
    row = next(r for r in events.split("<tr>") if "13 more US entities on the export control list (MOFCOM-2025-13)" in r)
    assert "2025-11-05" in row and "from 2025-11-10" in row
    timeline = section(site.get("/entity/skydio", params={"as_of": "2025-11-06"}).text, "timeline")
    assert "<th>Effective</th>" in timeline and "the day it takes effect" in timeline
    row = next(r for r in timeline.split("<tr>") if lift in r)
    assert '<td data-label="Effective" class="d">2025-11-10</td>' in row


def test_each_listing_on_the_front_page_opens_onto_its_entities_each_linking_its_page(site: TestClient) -> None:
    """The front page linked no company's page: an officer reading "16" entities of MOFCOM 2025 No. 21 reached each by
    search alone (web32). The count opens onto their names, each linking its page (relative: under a proxy's prefix
    too); a listing of no entity (item controls) keeps its bare count."""
    page = site.get("/").text
    strict(page)
    rows = section(page, "state").split("<tr>")
    ecl21 = next(row for row in rows if "MOFCOM-2025-21" in row and "<details>" in row)
    links = re.findall(r'<a href="(\./entity/[^"]+)">([^<]+)</a>', ecl21)
    assert "<summary>16</summary>" in ecl21 and len(links) == 16, ecl21
    assert ("./entity/sierranevada", "Sierra Nevada Corporation") in links, links
    assert all(site.get("/" + link.removeprefix("./")).status_code == 200 for link, _ in links)
    items = next(row for row in rows if "MOFCOM-2025-55" in row)
    assert "<details>" not in items


def test_a_search_finding_none_while_pages_are_not_read_whole_says_so(site: TestClient) -> None:
    """user43: "No listed company or person matches Hanwha" alone, the store holding 商务部令2025年第6号 (Hanwha Ocean's
    5 US subsidiaries) read short of its stated count, names unread: an officer read "not listed". The page now says
    which pages are not read whole and that no hit is no sign of clear, as `screen` and `timeline` do."""
    r = site.get("/search", params={"q": "Hanwha"})
    assert r.status_code == 404
    strict(r.text)
    assert "No listed company or person matches" in r.text
    assert "3 page(s) not read whole are open problems" in r.text and "no hit is no sign" in r.text, r.text
