"""A notice's pages joined (``scraper.joined``), the fetcher's open B of session 47 (crawl48, session 48), through the
real parser: a numbered pager with no 下一页 ("1 2", "1 2 3", the MFA's "…_1.shtml" linked by "2")."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.joined import joined_copy, may_continue, next_page
from scraper.parse import parse_document
from storage.records import UnusablePage
from tests.scraper.test_joined_pages import names, site

CORPUS = Path(__file__).parents[1] / "data" / "corpus" / "crawl48"
URL = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2027/art_e45ee7ce7e88149af8dd32b27f9512ce.html"
STEM = "art_e45ee7ce7e88149af8dd32b27f9512ce"


def test_page_1_of_a_numbered_pager_is_cut_short_and_joined_to_its_page_2():
    p1, p2 = (next(CORPUS.glob(f"{n}-*.html")).read_bytes() for n in ("01", "02"))
    assert "下一页".encode() not in p1
    with pytest.raises(UnusablePage) as cut:  # was: read as a whole listing of its 3 names, silently
        parse_document(p1, url=URL)
    assert cut.value.reason == "cut-short" and f"{STEM}_2.html" in cut.value.detail
    assert may_continue(p1, URL) and not may_continue(p1)  # (the byte gate: the page's own "<stem>_")
    found = joined_copy(p1, URL, "text/html", site((URL.replace(".html", "_2.html"), p2)))
    assert isinstance(found, tuple), found
    assert len(names(found[0], URL)) == 6


@pytest.mark.parametrize(("pager", "at", "nxt"), [
    (f'<span>1</span> <a href="{STEM}_2.html">2</a> <a href="{STEM}_3.html">3</a>', URL, "_2.html"),
    (f'<a href="{STEM}.html">1</a> <span>2</span> <a href="{STEM}_3.html">3</a>', URL.replace(".html", "_2.html"), "_3.html"),
    (f'<a href="{STEM}_3.html">[3]</a> <a href="{STEM}_2.html">[2]</a>', URL, "_2.html"),  # the nearest, in any order
    (f'<a href="{STEM}_2.html"><span>第2页</span></a>', URL, "_2.html"),
])
def test_a_numbered_pager_links_the_next_page(pager, at, nxt):
    assert next_page(f"<div>{pager}</div>", at, URL) == URL.replace(".html", nxt)


@pytest.mark.parametrize("pager", [
    f'<a href="{STEM}_2.html">更多</a>',  # a link's text no page number
    '<a href="art_00000000000000000000000000000000_2.html">2</a>',  # another article's page
    f'<a href="{STEM}_2.html?p=2">2</a>',  # a query string
    f'<a href="//elsewhere.example/zwgk/zcfb/art/2027/{STEM}_2.html">2</a>',  # another host
    '<a href="index_2.html">2</a>',  # a list's pager
])
def test_a_number_link_that_is_no_page_of_the_article_is_not_followed(pager):
    assert next_page(f"<div>{pager}</div>", URL, URL) is None


def test_an_mfa_page_numbered_from_1_is_followed():
    url = "https://www.mfa.gov.cn/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/202803/t20280310_11000049.shtml"
    html = '<div id="pages">1 <a href="t20280310_11000049_1.shtml">2</a> <a href="t20280310_11000049_2.shtml">3</a></div>'
    assert next_page(html, url, url) == url.replace(".shtml", "_1.shtml")
    assert next_page(html, url.replace(".shtml", "_1.shtml"), url) == url.replace(".shtml", "_2.shtml")
