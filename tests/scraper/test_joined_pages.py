"""A notice's pages joined (``scraper.joined``, ``scraper.parse.joinedpages``; crawl47, session 47).

The pages read are the official layouts of blind46's cases (03/04: 2027 No. 8 over two pages, "1 2 下一页" to the
article's ``_2.html``; 05/06: No. 9, its annex a linked page; 38: No. 9 with an uncounted summary) and mfa46/16 (an MFA
decree whose 反制清单 goes on on ``…_1.shtml``), through the real parser. Which links are followed, the joined copy's
format (each page's own bytes and SHA-256), and the refusals: a later page that reads as a notice of its own, a bot
check, an annex page whose title names another notice.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from scraper.joined import (
    ANNEX,
    MAX_PAGES,
    PAGE,
    Part,
    annex_pages,
    fetched,
    join,
    joined_copy,
    next_page,
    reads_short,
    split,
)
from scraper.parse import parse_document
from storage.records import DocumentKind, UnusablePage

CORPUS = Path(__file__).parents[1] / "data" / "corpus"
BOT = b"<html><head><script>document.cookie='__jsl_clearance=1';location.reload();</script></head><body></body></html>"


def case(folder: str, n: str) -> tuple[str, bytes]:
    path = next((CORPUS / folder).glob(f"{n}-*.html"))
    expect = json.loads(path.with_name(path.name.removesuffix(".html") + ".expect.json").read_text(encoding="utf-8"))
    return expect["url"], path.read_bytes()


def names(raw: bytes, url: str) -> list[str]:
    doc = parse_document(raw, url=url)
    assert doc.kind is DocumentKind.NOTICE and doc.notice is not None
    return [e.zh or e.en or "" for e in doc.notice.entities]


def site(*pages: tuple[str, bytes]):
    given = dict(pages)

    def fetch(url: str):
        return fetched(url, given.get(url), "text/html")
    return fetch


def test_page_1_and_page_2_read_as_one_notice_of_its_6_names():
    (u1, p1), (u2, p2) = case("blind46", "03"), case("blind46", "04")
    assert next_page(p1.decode(), u1, u1) == u2
    found = joined_copy(p1, u1, "text/html", site((u2, p2)))
    assert isinstance(found, tuple)
    joined, parts = found
    assert [p.url for p in parts] == [u2] and [p.body for p in split(joined)] == [p1, p2]
    doc = parse_document(joined, url=u1, content_type="application/x-mofcom-watch-joined")
    assert doc.notice is not None and doc.notice.key == "MOFCOM-2027-8" and doc.notice.stated_count == 6
    assert names(joined, u1) == ["银杉航天公司", "远鹰光电公司", "磐石推进技术公司", "雪原通信公司", "黑曜石网络安全公司", "海隼战术系统公司"]
    assert not doc.warnings  # was: "parsed 3 entities, notice states 6"


@pytest.mark.parametrize("first", ["05", "38"])
def test_a_linked_annex_page_is_read_with_its_notice(first):
    (u1, p1), (u2, p2) = case("blind46", first), case("blind46", "06")
    assert annex_pages(p1.decode(), u1) == [u2]
    found = joined_copy(p1, u1, "text/html", site((u2, p2)))
    assert isinstance(found, tuple) and [p.role for p in split(found[0])] == [PAGE, ANNEX]
    assert names(found[0], u1) == ["峡谷材料科学公司", "晨星导航公司", "雷鸣测控公司", "琥珀激光公司", "松脊复合材料公司"]


def test_an_mfa_decree_whose_list_goes_on_on_its_1_shtml_page_is_read_whole():
    url, page1 = case("mfa46", "16")
    with pytest.raises(UnusablePage) as held:  # alone: held for a person, as session 46 left it
        parse_document(page1, url=url)
    assert held.value.reason == "needs-review"
    url2 = url.replace(".shtml", "_1.shtml")
    page2 = page1.split(b'<div id="News_Body_Txt_A"')[0] + (
        '<div id="News_Body_Txt_A" class="news-main">\n<p>　　二、高级管理人员</p>\n'
        "<p>　　（一）约翰·卡特（John Carter），铁砧导弹系统公司首席执行官</p>\n"
        "<p>　　（二）玛丽·勒布朗（Marie Leblanc），枫岭航电公司总裁</p>\n"
        "<p>　　（三）大卫·米勒（David Miller），黑水湾船舶工程公司董事长</p>\n</div>\n"
        '<div class="page" id="pages"><a href="t20280310_11000049.shtml">上一页</a> <a href="t20280310_11000049.shtml">1</a> 2</div>\n'
        "</div>\n</body></html>").encode()
    assert next_page(page1.decode(), url, url) == url2
    found = joined_copy(page1, url, "text/html", site((url2, page2)))
    assert isinstance(found, tuple), found
    read = names(found[0], url)
    assert read[:3] == ["铁砧导弹系统公司", "枫岭航电公司", "黑水湾船舶工程公司"] and len(read) == 6, read
    assert {"约翰·卡特", "玛丽·勒布朗", "大卫·米勒"} <= set(read), read


def test_page_2_not_had_a_bot_check_or_another_notice_leaves_page_1_alone():
    (u1, p1), (u2, _p2) = case("blind46", "03"), case("blind46", "04")
    other = case("blind46", "05")[1].replace(b'<a href="/zwgk/zcfb/art/2027/art_faeac4e1eef307c2ab7b0a3821e6c667.html"',
                                             b"<a")  # a notice of its own (No. 9) at page 2's URL
    assert joined_copy(p1, u1, "text/html", site()) == "a page it links (its next page or its annex page) was not had"
    for body, why in ((BOT, "bot-check"), (other, "reads as a notice of its own (MOFCOM-2027-9)")):
        found = joined_copy(p1, u1, "text/html", site((u2, body)))
        assert isinstance(found, str) and why in found and u2 in found, found
    # a stored joined copy whose page 2 now reads otherwise is refused whole, never read from part of it
    for body in (BOT, other):
        with pytest.raises(UnusablePage) as refused:
            parse_document(join([Part(PAGE, u1, p1), Part(PAGE, u2, body)]), url=u1)
        assert refused.value.reason == "needs-review" and "is no page of it" in refused.value.detail


def test_an_annex_page_whose_title_names_another_notice_is_refused():
    (u1, p1), (u2, p2) = case("blind46", "05"), case("blind46", "06")
    wrong = p2.replace("第9号".encode(), "第19号".encode())
    with pytest.raises(UnusablePage) as refused:
        parse_document(join([Part(PAGE, u1, p1), Part(ANNEX, u2, wrong)]), url=u1)
    assert refused.value.reason == "needs-review" and "names another notice" in refused.value.detail


def test_a_joined_copy_whose_bytes_are_not_its_headers_is_refused():
    (u1, p1), (u2, p2) = case("blind46", "03"), case("blind46", "04")
    joined = join([Part(PAGE, u1, p1), Part(PAGE, u2, p2)])
    assert hashlib.sha256(p2).hexdigest().encode() in joined.split(b"\n\n", 1)[0]  # each page's own SHA-256
    with pytest.raises(UnusablePage) as refused:
        parse_document(joined[:-10] + b"x" * 10, url=u1)
    assert refused.value.reason == "cut-short"


def test_which_links_are_followed():
    url = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2027/art_e45ee7ce7e88149af8dd32b27f9512ce.html"
    pager = '<div><a href="{}">下一页</a></div>'
    assert next_page(pager.format("index_2.html"), url, url) is None  # a list's pager, never an article's page
    assert next_page(pager.format("art_00000000000000000000000000000000_2.html"), url, url) is None  # another article
    assert next_page(pager.format("//elsewhere.example/zwgk/zcfb/art/2027/art_e45ee7ce7e88149af8dd32b27f9512ce_2.html"),
                     url, url) is None  # another host
    assert next_page(pager.format("art_e45ee7ce7e88149af8dd32b27f9512ce_2.html?x=1"), url, url) is None
    page2 = url.replace(".html", "_2.html")
    assert next_page(pager.format("art_e45ee7ce7e88149af8dd32b27f9512ce.html"), page2, url) is None  # back to page 1
    annex = '<p>附件：<a href="{}">出口管制管控名单</a></p>'
    assert annex_pages(annex.format("/zwgk/zcfb/art/2027/a.doc"), url) == []  # a .doc: not an HTML page
    assert annex_pages(annex.format("/zwgk/zcfb/art/2027/a.pdf"), url) == []
    assert annex_pages(annex.format("https://elsewhere.example/a.html"), url) == []
    assert annex_pages('<p>附件：<a href="/b.html">相关解读</a></p>', url) == []  # no list named: not an annex
    assert annex_pages('<p><a href="/c.shtml">附件：不可靠实体清单</a></p>', url) == ["https://www.mofcom.gov.cn/c.shtml"]


def test_at_most_max_pages_are_followed():
    url = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2027/art_e45ee7ce7e88149af8dd32b27f9512ce.html"
    (_, p1), (_, p2) = case("blind46", "03"), case("blind46", "04")
    asked: list[str] = []

    def fetch(u: str):  # page 2 of blind46/03, each page linking a next one
        asked.append(u)
        n = int(u.rsplit("_", 1)[1].split(".")[0])
        pager = f'<a href="art_e45ee7ce7e88149af8dd32b27f9512ce_{n + 1}.html">下一页</a></div>\n</div>'
        return fetched(u, p2.replace(b"</div>\n</div>", pager.encode(), 1), "text/html")

    found = joined_copy(p1, url, "text/html", fetch)
    assert len(asked) == MAX_PAGES - 1  # pages 2..20, never more
    assert isinstance(found, str) and "goes on at" in found and "_21.html" in found, found  # page 1 alone, as before
    pages = [Part(PAGE, u, got[1].body) for u in list(asked) if (got := fetch(u)) is not None]
    with pytest.raises(UnusablePage) as refused:  # a stored copy of them read again: refused too
        parse_document(join([Part(PAGE, url, p1), *pages]), url=url)
    assert refused.value.reason == "cut-short"


def test_a_page_that_reads_whole_alone_is_read_alone():
    (u1, p1) = case("blind46", "03")
    whole = p1.replace("6家".encode(), "3家".encode())  # a count its page meets
    assert not reads_short(whole, u1, "text/html")
    assert joined_copy(whole, u1, "text/html", site()) is None


def test_a_linked_page_that_does_not_say_it_is_the_annex_is_refused():
    """No. 9 stating no count (blind46/38), its "附件" linking a page titled as the whole list: its names would all be the
    notice's. Held for a person, never read."""
    (u1, p1), (u2, p2) = case("blind46", "38"), case("blind46", "06")
    whole_list = p2.replace("附件：出口管制管控名单（商务部公告2027年第9号）".encode(), "出口管制管控名单".encode())
    assert "附件".encode() not in whole_list
    with pytest.raises(UnusablePage) as refused:
        parse_document(join([Part(PAGE, u1, p1), Part(ANNEX, u2, whole_list)]), url=u1)
    assert refused.value.reason == "needs-review" and "names neither 附件 nor" in refused.value.detail
    found = joined_copy(p1, u1, "text/html", site((u2, whole_list)))  # the crawler: the notice's page alone, as before
    assert isinstance(found, str) and "its pages joined are refused (needs-review" in found, found
