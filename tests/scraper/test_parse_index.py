"""Index and list pages: absolute article links with titles and dates; lists answered as JSONP or getColumnList JSON,
JSON no reader knows (refused, never a notice), mirror pages dated by their info line."""

import json
from datetime import date

import pytest

from scraper.parse import parse_document, parse_index
from storage.records import DocumentKind, UnusablePage

HEX = "0123456789abcdef" * 2


def test_annual_index_list():
    html = ('<html><body><div class="header"><a href="/index.html">首页</a></div><ul class="txtList_01">'
            f'<li><a href="/zcfb/blgg/gg/2025/art/2025/art_{HEX}.html" title="商务部公告2025年第21号 公布将16家美国实体列入出口管制管控名单">商务部公告2025年第21号…</a><span>[2025-04-04]</span></li>'
            f'<li><a href="art/2025/art_{HEX[::-1]}.html">第二条</a> <span>2025-03-04</span></li>'
            '</ul></body></html>')
    doc = parse_document(html.encode(), url="https://www.mofcom.gov.cn/zcfb/blgg/gg/2025/index.html")
    assert doc.kind == "index"
    assert [(x.url, x.title, x.date) for x in doc.links] == [
        (f"https://www.mofcom.gov.cn/zcfb/blgg/gg/2025/art/2025/art_{HEX}.html",
         "商务部公告2025年第21号 公布将16家美国实体列入出口管制管控名单", date(2025, 4, 4)),
        (f"https://www.mofcom.gov.cn/zcfb/blgg/gg/2025/art/2025/art_{HEX[::-1]}.html", "第二条", date(2025, 3, 4)),
    ]


def test_jpaas_json_body():
    fragment = (f'<a href="/zwgk/zcfb/art/2025/art_{HEX}.html" title="甲">甲…</a><span>[2025-04-04]</span>'
                f'<a href="/zwgk/zcfb/art/2025/art_{HEX[::-1]}.html" title="乙">乙</a><span>[2025-04-09]</span>')
    body = json.dumps({"success": True, "data": {"html": fragment}}, ensure_ascii=False)
    doc = parse_document(body.encode(), url="https://www.mofcom.gov.cn/api-gateway/jpaas-publish-server/front/page/build/unit?pageNo=1")
    assert doc.kind == "index"
    assert [(x.title, x.date) for x in doc.links] == [("甲", date(2025, 4, 4)), ("乙", date(2025, 4, 9))]
    assert parse_index(body, "https://www.mofcom.gov.cn/")[0].url == f"https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_{HEX}.html"


def test_old_layout_links_and_non_article_links_are_skipped():
    html = ('<ul class="txtList_01"><li><a href="/article/ae/ai/202504/20250403456789.shtml" title="旧">旧</a>'
            '<span>2025-04-04</span></li><li><a href="/zwgk/zcfb/index.html">栏目</a></li></ul>')
    links = parse_index(html, "http://www.mofcom.gov.cn/article/ae/ai/")
    assert [(x.url, x.date) for x in links] == [("http://www.mofcom.gov.cn/article/ae/ai/202504/20250403456789.shtml", date(2025, 4, 4))]


def test_index_without_url_is_recognised_by_its_links():
    items = "".join(f'<li><a href="/xwfb/xwfyrth/art/2025/art_{HEX[i:] + HEX[:i]}.html">商务部新闻发言人就第{i}个问题答记者问</a><span>2025-05-{i + 1:02d}</span></li>'
                    for i in range(5))
    doc = parse_document(f"<html><body><ul>{items}</ul></body></html>".encode())
    assert doc.kind == "index" and len(doc.links) == 5


def test_jpaas_json_served_as_text_html_and_a_failed_answer():
    import pytest

    from storage.records import UnusablePage

    body = json.dumps({"success": True, "data": {"html": f'<a href="/zwgk/zcfb/art/2025/art_{HEX}.html">甲</a>'}})
    assert parse_document(body.encode(), url="https://www.mofcom.gov.cn/x", content_type="text/html; charset=utf-8").kind == "index"
    with pytest.raises(UnusablePage):
        parse_document(b'{"success":false,"msg":"error"}', url="https://www.mofcom.gov.cn/x")


def test_links_joined_by_hand_as_urljoin_joins_them():
    """index._joined joins plain paths without urljoin, on roots cut by hand from plain bases: the same URL as
    urljoin for real and random hrefs and bases."""
    import random
    from urllib.parse import urljoin

    import pytest

    from scraper.parse.index import _joined

    bases = ["https://www.mofcom.gov.cn/zwgk/zcfb/index.html", "http://www.mofcom.gov.cn/article/ae/ai/",
             "https://www.mfa.gov.cn/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/index.shtml", "https://x.cn",
             "https://x.cn/a//b/c.html?q=1#f", "https://x.cn/a/b;p", "http://x.cn:8080/a/./b/../c/", "https://[::1]/a/",
             "https://user@x.cn/a/b", "HTTPS://X.cn/a/b", "https://x.cn/a/b/", "https:///a/b", "https://x.cn/%7Ea/b.html"]
    hrefs = ["/zwgk/zcfb/art/2025/art_0123.html", "./202412/t20241217_11494912.shtml", "art/2025/art_1.html", "/",
             "./", "a", "a/", "/a/", "/a//b", "a//b", "./a/b/", ".", "..", "./.", "../a", "./../a", "/a/./b", "/a/../b",
             "a/.", "a/..", "/.a", ".a", "a/.b/c", "//x.cn/a", "/a?b", "/a#b", "/a;b", "a:b", "/a b", "/a\tb", "~a/%20b",
             "-a/b_c.d.e", "/a.", "a..b/c"]
    rng = random.Random(11)
    alphabet = "ab./-_~%:?#;0 \t"
    hrefs += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 12))) for _ in range(3000)]
    for base in bases:
        roots: dict[str, str] = {}
        for href in hrefs:
            assert _joined(base, href, roots) == urljoin(base, href), (base, href)
    # The roots "/" and "./" of a base are cut from it by hand when it is plain (PLAIN_BASE_RE): random bases,
    # plain and not (ports, userinfo, dot segments, "//", ";", queries, fragments, blanks urlsplit removes).
    base_alphabet = "ab./-_~%:?#;0A@[] \t\n"
    for _ in range(3000):
        base = rng.choice(["https://", "http://", "https://x.cn/", "http://x.cn:80/a/"]) + "".join(
            rng.choice(base_alphabet) for _ in range(rng.randrange(0, 14)))
        for href in ("/a/b.html", "./a/b.html", "a/b.html"):
            try:
                expected = urljoin(base, href)
            except ValueError:
                continue
            assert _joined(base, href, {}) == expected, (base, href)
    for href in ("/a/b.html", "a/b.html"):  # a base urljoin refuses is refused the same way
        with pytest.raises(ValueError, match="Invalid IPv6 URL"):
            urljoin("https://[x.cn/a/", href)
        with pytest.raises(ValueError, match="Invalid IPv6 URL"):
            _joined("https://[x.cn/a/", href, {})


def test_links_read_from_every_a_element_as_from_the_a_href_query():
    """links_from_tree and link_text_share walk tree.tags("a") and skip an <a> without an href: the
    same links, titles, dates and share as the css("a[href]") query, on random pages (SVG and MathML
    links, upper case, empty and missing hrefs, templates)."""
    import random

    from selectolax.lexbor import LexborHTMLParser, LexborNode

    from scraper.parse import index, select

    pieces = ['<a href="/zwgk/zcfb/art/2025/art_0123456789abcdef0123456789abcdef.html">甲</a>', "<a>乙</a>", "<a href>丙</a>",
              '<A HREF="art/2024/art_0123456789abcdef0123456789abcdef.html" title="丁">x</A>', "<svg>", "</svg>", "<math>",
              '<a href="./202412/t20241217_11494912.shtml">戊</a>', "<template>", "</template>", "<li>", "</li>",
              "2025-01-02", "<span>2024年3月4日</span>", '<a href="/article/ae/ai/202501/20250103.shtml">己</a>', "<p>", "文字"]

    class ByQuery:  # a tree whose tags("a") is what css("a[href]") finds
        def __init__(self, tree: LexborHTMLParser) -> None:
            self.tree = tree

        def tags(self, name: str) -> list[LexborNode]:
            return select.css(self.tree, f"{name}[href]")

    rng = random.Random(5)
    base = "https://www.mofcom.gov.cn/zwgk/zcfb/"
    for _ in range(400):
        page = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 25)))
        tree = LexborHTMLParser(page)
        query = ByQuery(tree)
        assert index.links_from_tree(tree, base) == index.links_from_tree(query, base), page  # type: ignore[arg-type]
        assert index.link_text_share(tree, 50) == index.link_text_share(query, 50), page  # type: ignore[arg-type]
    assert len(index.links_from_tree(LexborHTMLParser("".join(pieces)), base)) == 4


def test_article_link_regex_finds_what_its_plain_form_finds():
    """index.ART_LINK_RE opens with a literal (a lookbehind for its "(?:^|/)"): it finds a link in the same
    hrefs as the plain form, on random hrefs built from its pieces."""
    import random
    import re

    from scraper.parse.index import ART_LINK_RE

    plain = re.compile(r"(?:^|/)art/\d{4}/art_[0-9a-f]{32}\.html")
    link = "art/2025/art_0123456789abcdef0123456789abcdef.html"
    pieces = ["/", "a", "art/", "xart/", link, "a" + link, "/" + link, "x", "art_", ".html", "2025/", "?", "#", "Art/",
              "//", "ar", "t"]
    rng = random.Random(11)
    found = 0
    for _ in range(20000):
        href = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 6)))
        assert (ART_LINK_RE.search(href) is None) == (plain.search(href) is None), href
        found += plain.search(href) is not None
    assert found > 1000


def test_a_list_at_an_article_url_is_no_page_of_it():
    """fetch20 S34: the policy index (or the home page) served at a new notice's URL read as an index there, was
    stored as one and never asked for again: the notice missed for good. Now unusable (asked for again)."""
    from pathlib import Path

    import pytest

    from storage.records import DocumentKind, UnusablePage

    site = Path(__file__).resolve().parents[2] / "fixtures" / "www.mofcom.gov.cn"
    index = (site / "zwgk/zcfb/index.html").read_bytes()
    article = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2026/art_dfa9cc5c1e004d7fbb86f83d249e7986.html"
    with pytest.raises(UnusablePage) as raised:
        parse_document(index, url=article)
    assert raised.value.reason == "list-at-article"
    mfa = "https://www.mfa.gov.cn/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/202412/t20241217_11494912.shtml"
    with pytest.raises(UnusablePage):
        parse_document(index, url=mfa)
    assert parse_document(index, url="https://www.mofcom.gov.cn/zwgk/zcfb/index.html").kind is DocumentKind.INDEX
    notice = (site / "zwgk/zcfb/art/2026/art_dfa9cc5c1e004d7fbb86f83d249e7986.html").read_bytes()
    assert parse_document(notice, url=article).kind is DocumentKind.NOTICE


JPAAS = "http://www.mofcom.gov.cn/api-gateway/jpaas-publish-server/front/page/build/unit?pageNo=1&callback=cb_1"
ART = "/zwgk/zcfb/art/2025/art_c6b190344a154e6f831e0fdfc190e41e.html"
LIST_HTML = f'<ul><li><a href="{ART}" title="商务部公告2025年第22号">商务部公告2025年第22号</a><span>[2025-04-09]</span></li></ul>'
COLUMN = "http://exportcontrol.mofcom.gov.cn/edi_ecms_web_front/front/column/getColumnList"


@pytest.mark.parametrize("wrap", ["cb_1({})", "jQuery1124_17646({});", " cb_1( {} ) ;\n", "/**/cb_1({});",
                                  "/**/ typeof cb_1 === 'function' && cb_1({});", "try{cb_1({});}catch(e){}"])
def test_a_jsonp_list_reads_its_links_unescaped(wrap: str) -> None:
    body = wrap.replace("{}", json.dumps({"success": True, "data": {"html": LIST_HTML}}, ensure_ascii=False))
    doc = parse_document(body.encode(), url=JPAAS)
    assert doc.kind is DocumentKind.INDEX
    assert [(link.url, link.date) for link in doc.links] == [("http://www.mofcom.gov.cn" + ART, date(2025, 4, 9))]


def test_a_getcolumnlist_body_is_an_index_of_its_rows() -> None:
    rows = [{"id": 1193, "title": "商务部令2025年第7号", "url": "/article/zcfg/gnzcfg/zcfggzqd/202511/1193.html",
             "publishTimeStr": "2025-11-11", "source": "商务部"},
            {"id": 9, "title": "栏目说明", "url": "/about.html", "publishTimeStr": "2025-11-12"}]
    body = json.dumps({"pageInfo": {"total": 2, "rows": rows}}, ensure_ascii=False).encode()
    doc = parse_document(body, url=COLUMN)
    assert doc.kind is DocumentKind.INDEX and doc.notice is None
    assert [(link.url, link.title, link.date) for link in doc.links] == [
        ("http://exportcontrol.mofcom.gov.cn/article/zcfg/gnzcfg/zcfggzqd/202511/1193.html", "商务部令2025年第7号",
         date(2025, 11, 11))]


def test_an_empty_getcolumnlist_is_an_index_that_says_so() -> None:
    doc = parse_document(b'{"pageInfo": {"total": 0, "rows": []}}', url=COLUMN)
    assert doc.kind is DocumentKind.INDEX and doc.links == () and doc.warnings


@pytest.mark.parametrize("body", ['{"code": 0, "msg": "商务部公告2025年第13号 将15家美国实体列入出口管制管控名单"}',
                                  '[{"title": "商务部新闻发言人就调整出口管制管控名单措施答记者问"}]'])
def test_json_no_reader_knows_is_refused_not_read_as_a_notice(body: str) -> None:
    with pytest.raises(UnusablePage) as caught:
        parse_document(body.encode(), url=COLUMN)
    assert caught.value.reason == "unknown-json"


@pytest.mark.parametrize("body", ['{"code": 500, "msg": "系统繁忙，请稍后再试", "data": null}',
                                  '{"code":500,"message":"Internal Server Error","success":false}',
                                  '{"status": "503", "error": "Service Unavailable"}'],
                         ids=["code-500", "success-false", "status-503"])
@pytest.mark.parametrize("url", [COLUMN, "https://www.mfa.gov.cn/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/202412/"
                                         "t20241217_11494912.shtml"], ids=["list", "page"])
def test_a_json_error_is_an_error_page_saying_what_the_site_said(body: str, url: str) -> None:
    """health42 O04-O07: a 200 whose body is a JSON error, at a list's URL or a page's, was "a JSON body that is no
    list this parser knows" (or "the list endpoint answered success=false" at an article's URL): an error page now,
    its words in the refusal."""
    with pytest.raises(UnusablePage) as caught:
        parse_document(body.encode(), url=url)
    assert caught.value.reason == "error-page", caught.value
    assert str(caught.value.detail).startswith("the site answered a JSON error") and body[:30] in caught.value.detail


MIRROR = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>商务部新闻发言人就调整出口管制管控名单措施答记者问</title></head>
<body><div class="artCon"><h1>商务部新闻发言人就调整出口管制管控名单措施答记者问</h1>
<div class="artInfo">发布时间：2025-11-06　　来源：商务部新闻办公室</div>
<div class="art-con"><p>问：请问在出口管制管控名单方面有什么考虑？</p>
<p>答：为落实中美吉隆坡经贸磋商共识，中方决定自2025年11月10日起，停止执行3月4日公告（商务部公告2025年第13号）相关措施。</p>
</div></div></body></html>"""


def test_a_mirror_page_is_dated_by_its_info_line() -> None:
    doc = parse_document(MIRROR.encode(), url="http://exportcontrol.mofcom.gov.cn/article/gndt/202511/1186.html")
    assert doc.notice is not None
    assert doc.notice.published == date(2025, 11, 6)
    assert not doc.notice.key.startswith("QA-undated")


def test_a_pubdate_meta_wins_over_the_info_line() -> None:
    page = MIRROR.replace('<meta charset="utf-8">', '<meta charset="utf-8"><meta name="PubDate" content="2025-11-05 21:00">')
    doc = parse_document(page.encode(), url="http://exportcontrol.mofcom.gov.cn/article/gndt/202511/1186.html")
    assert doc.notice is not None and doc.notice.published == date(2025, 11, 5)


def test_escaped_html_gives_no_link_rather_than_a_wrong_one() -> None:
    """A JSON string read as HTML (a wrapper no reader knows) has hrefs like '\\"/zwgk/…\\"': refused, never a wrong link."""
    body = "var list = " + json.dumps(LIST_HTML * 3, ensure_ascii=False) + ";"
    with pytest.raises(UnusablePage) as caught:
        parse_document(body.encode(), url=JPAAS)
    assert caught.value.reason == "escaped-html"
    page = f"<html><body><ul>{LIST_HTML}</ul><script>var s = {json.dumps(LIST_HTML)};</script></body></html>"
    doc = parse_document(page.encode(), url=JPAAS)  # an index whose script holds an escaped copy: its one real link
    assert [link.url for link in doc.links] == ["http://www.mofcom.gov.cn" + ART]



def test_a_link_opening_its_article_by_script_is_that_article():
    """health37 H48, H58: rows with no address of their own were no link; the article their script opens is theirs."""
    from scraper.parse.index import parse_index

    art = "/zwgk/zcfb/art/2026/art_dfa9cc5c1e004d7fbb86f83d249e7986.html"
    page = (f'<ul><li><a href="javascript:void(0)" onclick="addFavorite()">加入收藏</a></li>'
            f'<li><a href="javascript:void(0)" onclick="openArt(\'{art}\')" title="A">A</a><span>[2026-06-22]</span></li>'
            f'<li><a href="" data-href="{art.replace("dfa9", "dfa8")}">B</a></li>'
            f'<li><a href="#" onclick="window.open(&quot;{art.replace("dfa9", "dfa7")}&quot;)">C</a></li>'
            f'<li><a href="javascript:void(0)" onclick="go(\'x\') // {art}">D</a></li>'
            f'<li><a href="javascript:openWin(\'{art.replace("dfa9", "dfa6")}\')">E</a></li></ul>')
    links = parse_index(page, "https://www.mofcom.gov.cn/zwgk/zcfb/index.html")
    assert [(link.url.rsplit("/", 1)[1][:8], link.title) for link in links] == [
        ("art_dfa9", "A"), ("art_dfa8", "B"), ("art_dfa7", "C"), ("art_dfa6", "E")], links
    assert links[0].date is not None and links[0].date.isoformat() == "2026-06-22"


def test_scripted_href_asks_its_patterns_only_where_they_can_match():
    """index.scripted_href asks QUOTED_RE only of a value holding a quote, and PLAIN_URL_RE only of one without "(" (issue 11:
    "javascript:void(0)" on every index page); the answers must be those of asking both of every value."""
    from scraper.parse import index

    def asked_always(attrs):
        for name in index.SCRIPTED_ATTRS:
            value = attrs.get(name)
            if not value:
                continue
            plain = value.strip()
            for candidate in index.QUOTED_RE.findall(value) or ([plain] if index.PLAIN_URL_RE.fullmatch(plain) else []):
                if index.is_article_url(candidate):
                    return candidate
        return ""

    art = "/zwgk/zcfb/art/2026/art_dfa9cc5c1e004d7fbb86f83d249e7986.html"
    values = ["javascript:void(0)", "#", " ", art, f" {art} ", f"{art}(1)", f"openArt('{art}')", f'openArt("{art}")',
              f"go('x') // {art}", f"javascript:openWin('{art}')", f"{art};", f"<{art}>", f"'{art}", f"({art})",
              "https://www.mofcom.gov.cn" + art, f"window.open(&quot;{art}&quot;)"]
    for name in index.SCRIPTED_ATTRS:
        for value in values:
            attrs = {"href": "javascript:void(0)", name: value}
            assert index.scripted_href(attrs) == asked_always(attrs), (name, value)


def test_a_script_link_spelt_in_capitals_is_read_as_well():
    """links_from_tree slices and lowers an address only when it opens with j or J (issue 11): "JavaScript:" is one."""
    from scraper.parse.index import parse_index

    art = "/zwgk/zcfb/art/2026/art_dfa9cc5c1e004d7fbb86f83d249e7986.html"
    page = f'<ul><li><a href="JavaScript:openWin(\'{art}\')">E</a><span>[2026-06-22]</span></li></ul>'
    links = parse_index(page, "https://www.mofcom.gov.cn/zwgk/zcfb/index.html")
    assert [link.url for link in links] == ["https://www.mofcom.gov.cn" + art], links
