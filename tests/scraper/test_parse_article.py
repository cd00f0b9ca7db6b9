"""Article pages: meta tags, body container, fallback, filing block, line breaks, encodings."""

import codecs
import random
from datetime import date
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from scraper.parse import article, parse_document
from scraper.parse.article import BLOCK_TAG_RE, extract_article, html_to_text, paragraph_tags, split_block_tags

BODY = ("<p>商务部公告2025年第21号</p><p>公布将2家美国实体列入出口管制管控名单</p>"
        "<p>决定将甲公司等2家美国实体列入出口管制管控名单（见附件）。</p><p>本公告自公布之日起正式实施。</p>"
        "<p>商务部</p><p>2025年4月4日</p><p>附件</p><p>1. 甲公司（<span>Alpha</span> Inc.）</p><p>2. 乙公司（Beta LLC）</p>")


def page(body, container='<div class="art-con art-con-bottonmLine">{}</div>', charset="utf-8",
         title="商务部公告2025年第21号 公布将2家美国实体列入出口管制管控名单"):
    return (f'<html><head><meta charset="{charset}"><meta name="ArticleTitle" content="{title}">'
            '<meta name="PubDate" content="2025-04-04 20:15"><meta name="SiteName" content="中华人民共和国商务部">'
            '<script src="/x.js"></script></head><body><div class="header"><a href="/">首页</a> 导航 导航</div>'
            + container.format(body) + '<div class="footer">版权所有</div></body></html>')


def test_meta_and_container():
    doc = parse_document(page(BODY).encode(), url="https://www.mofcom.gov.cn/zcfb/blgg/art/2025/art_" + "0" * 32 + ".html")
    rec = doc.notice
    assert rec.title == "商务部公告2025年第21号 公布将2家美国实体列入出口管制管控名单"
    assert rec.published == date(2025, 4, 4)
    assert rec.published_at.isoformat() == "2025-04-04T20:15:00+08:00"
    assert [(e.zh, e.en) for e in rec.entities] == [("甲公司", "Alpha Inc."), ("乙公司", "Beta LLC")]
    assert rec.url.endswith(".html")


def test_other_container_classes_and_fallback():
    for container in ('<div class="artCon">{}</div>', '<div class="TRS_Editor">{}</div>', '<div class="main">{}</div>'):
        rec = parse_document(page(BODY, container).encode()).notice
        assert rec.key == "MOFCOM-2025-21" and len(rec.entities) == 2, container
        assert "导航" not in rec.text


def test_br_and_div_and_li_breaks_and_raw_newlines_inside_paragraphs():
    text = html_to_text("<div>a<br>b<br/>c</div><ul><li>d</li><li>e\n f</li></ul><table><tr><td>1</td><td>x</td></tr></table>")
    assert [line for line in text.split("\n") if line] == ["a", "b", "c", "d", "e f", "1\tx"]


def test_plain_newlines_are_kept_when_there_are_no_block_tags():
    assert html_to_text("第一行\n第二行<span>续</span>\n") == "第一行\n第二行续"


def test_utf8_bytes_parse_as_their_text():
    """UTF-8 bytes go to Lexbor as they are when they decoded cleanly: the same document as the text's."""
    html = page(BODY)
    assert parse_document(html.encode()) == parse_document(html)
    assert parse_document(codecs.BOM_UTF8 + html.encode()) == parse_document(html)
    broken = html.encode().replace("决定将".encode(), b"\xff" + "决定将".encode())
    assert "\ufffd" in parse_document(broken).notice.text
    assert parse_document(broken) == parse_document(broken.decode("utf-8", "replace"))


def test_filing_block_outside_the_container():
    html = ('<html><head><meta name="ArticleTitle" content="不可靠实体清单工作机制关于将甲公司列入不可靠实体清单的公告"></head><body>'
            '<ul class="art-info"><li>【发布单位】安全与管制局</li><li>【发布文号】不可靠实体清单工作机制公告〔2025〕9号</li>'
            '<li>【发文日期】2025年09月25日</li></ul><div class="art-con"><p>决定将甲公司（Alpha Inc.）列入不可靠实体清单。</p>'
            '<p>本公告自公布之日起实施。</p></div></body></html>')
    rec = parse_document(html.encode()).notice
    assert rec.key == "UEL-2025-9" and rec.published == date(2025, 9, 25)


def test_gbk_page_with_gb2312_label():
    html = page(BODY.replace("甲公司", "朱镕基公司"), charset="gb2312")
    rec = parse_document(html.encode("gb18030")).notice
    assert rec.entities[0].zh == "朱镕基公司"


def test_extract_article_reports_the_container():
    art = extract_article(LexborHTMLParser(page(BODY)))
    assert art.container == "div.art-con.art-con-bottonmLine"
    assert art.site == "中华人民共和国商务部"


def test_page_that_is_neither_notice_nor_index_is_other():
    html = page("<p>" + "商务部召开例行新闻发布会，介绍近期商务工作有关情况，并回答了记者提问。" * 3 + "</p>", title="商务部召开例行新闻发布会")
    doc = parse_document(html.encode())
    assert doc.kind == "other" and doc.notice is None


def test_text_pasted_into_a_pre_or_a_bare_div_keeps_its_lines():
    body = "商务部公告2025年第21号\n\n决定将甲公司等2家美国实体列入出口管制管控名单（见附件）。\n2025年4月4日\n附件\n1. 甲公司（Alpha Inc.）\n2. 乙公司（Beta LLC）\n"
    for wrapper in ('<div class="art-con art-con-bottonmLine"><pre>{}</pre></div>', '<div class="art-con art-con-bottonmLine">{}</div>'):
        rec = parse_document(page(body, wrapper).encode()).notice
        assert [e.en for e in rec.entities] == ["Alpha Inc.", "Beta LLC"], wrapper


def test_html_to_text_without_tags_or_entities_left_reads_as_with_them():
    """Paragraph pages with nothing to strip or unescape after the block tags take a shorter way
    (two replaces for the blanks at line ends): random fragments read the same as with an empty
    inline tag added, which takes the long way (the tag is stripped after the blanks are folded)."""
    rng = random.Random(11)
    pieces = ["<p>", "</p>", "<br>", "<div class='x'>", "</div>", "<li>", " ", "  ", "\n", "\t", "\u3000", "\xa0",
              "\u2003", "a", "文字", "b c", "\x00", "\x01", " \x00 ", "<p\n>", "<BR/>", "&amp;", "<span>", "</td>"]
    short = 0
    for _ in range(6000):
        fragment = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 40)))
        assert html_to_text(fragment) == html_to_text(fragment + "<b></b>"), repr(fragment)
        marked, blocks = BLOCK_TAG_RE.subn("", fragment)
        short += blocks > max(4, marked.count("\n") // 4) and not any(c in marked for c in "<&")
    assert short > 150  # the shorter way was taken often enough
    assert html_to_text("<div><p> 甲 </p>\n<p>\u3000乙\xa0丙 </p><p><br></p><p>丁</p><p></p></div>") == "甲\n\n乙 丙\n\n丁"


def test_html_to_text_with_amp_and_nbsp_alone_reads_as_the_long_way():
    """A folded body whose only entities are &amp; and &nbsp; is unescaped by two replaces and takes the short
    way (unless that leaves a run of blanks or one at an end): random fragments read the same as with an
    empty inline tag added, which takes the long way (html.unescape, then each line stripped)."""
    rng = random.Random(13)
    pieces = ["<p>", "</p>", "<br>", "<div>", "</div>", " ", "\n", "\u3000", "\xa0", "a", "文字", "b c", "&amp;",
              "&nbsp;", "&nbsp;", "&amp;nbsp;", "&amp;amp;", "&", "&nbsp", "&lt;", "&#160;", "\x00"]
    short = 0
    for _ in range(6000):
        fragment = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 40)))
        assert html_to_text(fragment) == html_to_text(fragment + "<b></b>"), repr(fragment)
        folded = " ".join(fragment.split())
        short += "&" in folded and article.unescaped(folded) is not None
    assert short > 150  # the short way was taken with entities often enough
    assert html_to_text("<div><p>A&amp;B</p>\n<p>&nbsp;</p>\n<p>&nbsp;C&amp;nbsp;</p></div>") == "A&B\n\nC&nbsp;"


def test_paragraph_tags_replaced_in_place_read_as_cut():
    """paragraph_tags (the tags of a body of paragraphs replaced in place) gives what split_block_tags gives
    whenever it gives anything, on Lexbor's serialisation of random bodies and on the raw markup (brackets
    out of turn, "<" in a name, other tags, a text before the first tag); and it is taken often enough."""
    rng = random.Random(12)
    pieces = ["<p>", "</p>", "<br>", "</div>", "<div>", "<p>", "</p>", "<p\n>", "<p<br>", "<br>p>", "<li>", "<span>",
              "</td>", "<!-- c -->", " ", "\n", "\u3000", "\xa0", "a", "文字", "&amp;", "&lt;p&gt;", ">", "<", "p", "/p",
              "\x00"]
    taken = 0
    for _ in range(6000):
        markup = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 30)))
        node = LexborHTMLParser(f'<div class="c x">{markup}</div>').css_first("div.c")
        for fragment in (node.html or "", markup, f"<p>{markup}", f"<p a<b>{markup}", f"x<p>{markup}"):
            replaced = paragraph_tags(fragment)
            if replaced is not None:
                assert replaced == split_block_tags(fragment), repr(fragment)
                taken += 1
    assert taken > 1500
    assert paragraph_tags('<div class="c"><p>甲</p>\n<p><br></p></div>') == ("\x00\x00甲\x00\n\x00\x00\x00\x00", 7)
    for fragment in ("<p>a>b</p>", "<p>a<b</p>", "<p><span>a</span></p>", "<p<br>a</p>", "a<p>b</p>", "<p>a</p><"):
        assert paragraph_tags(fragment) is None, fragment


def _html_to_text_by_regex(fragment: str) -> str:
    """html_to_text with the regex passes alone (split_block_tags never used)."""
    fast = article.split_block_tags
    article.split_block_tags = lambda fragment: None
    try:
        return html_to_text(fragment)
    finally:
        article.split_block_tags = fast

def test_block_tags_cut_at_their_brackets_read_as_by_the_regex():
    """split_block_tags (a body of paragraphs cut at "<" and ">") gives what BLOCK_TAG_RE gives, and
    html_to_text what the regex passes alone give, on random markup: Lexbor's serialisation of random
    bodies (the fast way is taken) and the raw markup itself (odd tags, "<" in names, comments, scripts)."""
    rng = random.Random(9)
    pieces = ["<p>", "</p>", "<br>", "<br/>", "<div class='x'>", "</div>", "<li>", "<hr>", "<table><tr><td>", "</td>",
              "<P style='a>b'>", "<p title=\"<p>\">", "<p a<b=1>", "<p<x>", "<pre>", "</pre>", "<center>", "<h3>",
              "<p-x>", "<span>", "</span>", "<!-- c -->", "<script>a<b</script>", "<xmp>a<p>b</xmp>", " ", "  ",
              "\n", "\t", "\u3000", "\xa0", "\u2003", "a", "文字", "b c", "&amp;", "&lt;p&gt;", ">", "<", "\"",
              "br", "/p", "\x00", "\x01"]
    fast = 0
    for _ in range(5000):
        markup = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 30)))
        node = LexborHTMLParser(f"<div id=c>{markup}</div>").css_first("#c")
        for fragment in (node.html or "", markup, f"<p>{markup}"):
            split = split_block_tags(fragment)
            if split is not None:
                assert split == BLOCK_TAG_RE.subn("\x00", fragment), repr(fragment)
                fast += fragment is not markup
            assert html_to_text(fragment) == _html_to_text_by_regex(fragment), repr(fragment)
    assert fast > 1000  # the fast way was taken often enough
    assert split_block_tags('<div class="c"><p>甲</p>\n<p style="x">乙</p></div>') == ("\x00\x00甲\x00\n\x00乙\x00\x00", 6)
    # Brackets out of turn, though every cut piece reads as a block tag: "<" twice, a "<" last, ">" twice.
    for fragment in ('<p a<b="1">br</p>', "<p<x>br</p>br>", "<p>a>br<", "<p>a>br>", "<p>a</p><span>b</span>"):
        assert split_block_tags(fragment) is None, fragment
        assert html_to_text(fragment) == _html_to_text_by_regex(fragment), fragment


CORPUS = Path(__file__).parents[1] / "data" / "corpus"


# An fmprc.gov.cn page without a PubDate meta whose sidebar ("最新发布") shows other articles' "发布时间：" before its own.
SIDEBAR_PAGE = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="SiteName" content="中华人民共和国外交部">
<title>外交部发言人就对美国国会众议员采取反制措施答记者问_中华人民共和国外交部</title></head><body>
<div class="header"><h1 class="logo"><a href="/web/">中华人民共和国外交部</a></h1></div>
<div class="vw-main"><div class="side-left"><h3>最新发布</h3><ul>
<li><a href="/web/wjdt_674879/fyrbt_674889/202611/t20261127_11940001.shtml">外交部发言人就美国国会通过涉台法案答记者问</a>
<p class="time">发布时间：2026-11-27 21:10</p></li></ul></div>
<div class="news-main"><h1 id="News_Body_Title">外交部发言人就对美国国会众议员采取反制措施答记者问</h1>
<p class="time"><span>发布时间：2026-12-01 16:00</span></p>
<div id="News_Body_Txt_A"><div class="TRS_Editor"><p>问：外交部今天宣布对美国国会众议员约翰·多伊采取反制措施。发言人能否介绍有关情况？</p>
<p>答：依据《中华人民共和国反外国制裁法》，外交部决定对其采取反制措施。</p></div></div></div></div></body></html>"""


def test_an_info_line_date_is_the_articles_own_not_a_sidebars() -> None:
    article = extract_article(LexborHTMLParser(SIDEBAR_PAGE), SIDEBAR_PAGE)
    assert article.pub is not None and (article.pub.day, article.pub.hour) == (date(2026, 12, 1), 16)


def test_a_mirror_qa_with_a_sidebar_before_it_keeps_its_own_date_and_key() -> None:
    page = (CORPUS / "pages/27-exportcontrol-mirror-qa1105.html").read_text(encoding="utf-8").replace(
        '<div class="detail">', '<div class="left"><ul><li><a href="/article/gndt/202511/1190.html">商务部召开例行新闻发布会</a>'
        '<span>发布时间：2025-10-30</span></li></ul></div>\n<div class="detail">', 1)
    rec = parse_document(page.encode(), url="http://exportcontrol.mofcom.gov.cn/article/gndt/202511/1186.html").notice
    assert rec is not None and rec.published == date(2025, 11, 6) and rec.key.startswith("QA-2025-11-06-")

