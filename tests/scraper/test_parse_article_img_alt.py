"""A notice whose number is served only as the red header's image, its alt text the number (session 24, parse24): the
number was lost, the notice keyed "DOC-2026-11-20-…" with kind "other" ("no notice number found"), so a later notice
naming No. 101 would match nothing. The alt text is now a line of the text."""

from __future__ import annotations

from scraper.parse import parse_document
from scraper.parse.article import html_to_text

PAGE = ("<html><head><title>商务部关于将1家美国实体列入出口管制管控名单的公告</title></head><body><div class=\"art-con\">"
        "<p><img src=\"/images/logo.png\" alt=\"中华人民共和国商务部\"></p>"
        "<p style=\"text-align:center\"><img src=\"/zwgk/W020261120.png\" alt=\"商务部公告2026年第101号\" width=\"600\"></p>"
        "<p>根据《中华人民共和国出口管制法》等法律法规有关规定，决定将铁杉防务系统公司（Hemlock Defense Systems, Inc.）列入出口管制管控名单，"
        "并采取以下措施：</p><p>一、禁止出口经营者向上述实体出口两用物项。</p><p>本公告自公布之日起正式实施。</p><p>商务部</p>"
        "<p>2026年11月20日</p></div></body></html>")


def test_an_image_alt_number_is_a_line() -> None:
    assert html_to_text('<p><img src="a.png" alt="商务部公告2026年第101号"></p><p>正文</p>').split("\n")[0] == "商务部公告2026年第101号"
    assert "中华人民共和国商务部" not in html_to_text('<p><img src="a.png" alt="中华人民共和国商务部"></p><p>正文</p>')


def test_a_notice_numbered_only_by_its_header_image() -> None:
    doc = parse_document(PAGE.encode("utf-8"), url="https://www.mofcom.gov.cn/zwgk/zcfb/art/2026/art_6e7f8091a2b34c5d6e7f8091a2b3c4d5.html")
    assert doc.notice is not None
    assert (doc.notice.key, doc.notice.kind.value) == ("MOFCOM-2026-101", "announcement")
    assert "no notice number found" not in doc.notice.warnings
