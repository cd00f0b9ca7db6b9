"""Pages the project does not fetch today but `parse`/`replay` may meet (session 18, mfa18): an exportcontrol
mirror page dated only in its info line, the mirror's getColumnList JSON, a jpaas list answered as JSONP and a
JSON body no reader knows. None may become a wrong notice or a silently lost link."""

from __future__ import annotations

import json
from datetime import date

import pytest

from scraper.parse import parse_document
from storage.records import DocumentKind, UnusablePage

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
