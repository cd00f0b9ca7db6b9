"""blind46 (session 46): whole MOFCOM pages in other site layouts, written blind (tests/data/corpus/blind46/); the faults
their run found, each through the real parser on the page as the site serves it."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

CASES = Path(__file__).parents[1] / "data" / "corpus" / "blind46"
STALE_META = CASES / "23-stale-meta-articletitle-other-notice.html"
URL = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2027/art_37693cfc748049e45d87b8c7d8b9aacd.html"
COPIED = "商务部公告2026年第23号 公布将10家美国实体列入出口管制管控名单"  # the meta ArticleTitle the CMS copied


def _page(meta_title: str) -> bytes:
    html = STALE_META.read_text(encoding="utf-8")
    assert f'<meta name="ArticleTitle" content="{COPIED}">' in html
    return html.replace(COPIED, meta_title).encode("utf-8")


@pytest.mark.parametrize("meta_title", [
    COPIED,  # a stored notice's title: its count (10) differed, so a count warning was all that showed
    "商务部公告2027年第22号 关于对部分两用物项实施出口管制的公告",  # an item control's title: no count, silent
    "商务部公告2027年第22号",
])
def test_a_title_copied_from_another_article_never_keys_the_text(meta_title: str) -> None:
    """The page's ArticleTitle meta names another notice; its h1 and its text's head line say 商务部公告2027年第23号.
    Was: keyed by the meta's number (MOFCOM-2026-23 or MOFCOM-2027-22), the two new entities listed under another
    notice, silently where no count disagreed. Now the text's own head line gives the number, and the page whose title
    names another notice is held for a person (``page._title_names_another``): loud, never filed under the wrong key."""
    with pytest.raises(UnusablePage) as caught:
        parse_document(_page(meta_title), url=URL)
    assert caught.value.reason == "needs-review"
    assert "MOFCOM-2027-23" in str(caught.value)


def test_a_title_that_agrees_keys_as_before() -> None:
    doc = parse_document(_page("商务部公告2027年第23号 关于将暮光防务公司等2家美国实体列入出口管制管控名单的公告"), url=URL)
    assert doc.notice is not None
    assert doc.notice.key == "MOFCOM-2027-23"
    assert [e.zh for e in doc.notice.entities] == ["暮光防务公司", "极昼光学公司"]
    assert not doc.warnings


INFO_TABLE = CASES / "19-aqygzj-number-only-in-info-table.html"
INFO_URL = "https://aqygzj.mofcom.gov.cn/flzc/gzjgfxwj/art/2027/art_1f0e3dad99908345f7439f8ffabdffc4.html"


@pytest.mark.parametrize(("cell", "key"), [
    ("<th>文号</th><td>不可靠实体清单工作机制公告〔2027〕3号</td>", "UEL-2027-3"),  # the page as blind46 wrote it
    ("<td><b>发文字号：</b></td><td>不可靠实体清单工作机制公告〔2027〕3号</td>", "UEL-2027-3"),  # gov.cn's label
    ("<th>文 号</th><td><span>不可靠实体清单工作机制公告〔2027〕3号</span></td>", "UEL-2027-3"),
])
def test_a_number_only_in_the_info_table_keys_the_notice(cell: str, key: str) -> None:
    """aqygzj's information-disclosure table states the number ("文号"); the title and the text give none. Was: keyed
    DOC-2027-02-20-…, "no notice number found" a warning only (replay and status exit 0): a later suspension of
    〔2027〕3号 could find no notice, and a copy of the page with the number made a second notice."""
    html = INFO_TABLE.read_text(encoding="utf-8")
    own = "<th>文号</th><td>不可靠实体清单工作机制公告〔2027〕3号</td>"
    assert own in html
    doc = parse_document(html.replace(own, cell).encode("utf-8"), url=INFO_URL)
    assert doc.notice is not None
    assert doc.notice.key == key
    assert doc.notice.list.value == "uel"
    assert len(doc.notice.entities) == 3
    assert "no notice number found" not in doc.warnings + doc.notice.warnings


def test_the_text_s_own_number_wins_over_the_info_table() -> None:
    """The info table is read only where the text gives no number: a text headed by its number keeps it (a CMS table
    left over from another article must not re-key it)."""
    html = INFO_TABLE.read_text(encoding="utf-8").replace(
        '<div class="TRS_Editor">', '<div class="TRS_Editor"><p>不可靠实体清单工作机制公告〔2027〕4号</p>', 1)
    doc = parse_document(html.encode("utf-8"), url=INFO_URL)
    assert doc.notice is not None
    assert doc.notice.key == "UEL-2027-4"


TABLE_19 = ('<table class="xxgk-table"><tr><th>索引号</th><td>AQYGZJ-2027-0031</td><th>发布机构</th><td>不可靠实体清单工作机制</td></tr>'
            '<tr><th>文号</th><td>不可靠实体清单工作机制公告〔2027〕3号</td><th>发布日期</th><td>2027-02-20</td></tr>'
            '<tr><th>名称</th><td colspan="3">关于将钴蓝光学公司等3家美国企业列入不可靠实体清单的公告</td></tr></table>')


def _without_table(replacement: str = "") -> str:
    html = INFO_TABLE.read_text(encoding="utf-8")
    assert TABLE_19 in html
    return html.replace(TABLE_19, replacement)


def test_an_info_list_of_labels_and_spans_keys_the_notice() -> None:
    """The same block as a list ("<li><label>文　号：</label><span>…</span></li>") beside the title."""
    block = ('<ul class="xxgk-info"><li><label>名　称：</label><span>关于将钴蓝光学公司等3家美国企业列入不可靠实体清单的公告</span></li>'
             '<li><label>文　号：</label><span>不可靠实体清单工作机制公告〔2027〕3号</span></li></ul>')
    doc = parse_document(_without_table(block).encode("utf-8"), url=INFO_URL)
    assert doc.notice is not None and doc.notice.key == "UEL-2027-3"


def test_a_sidebar_of_other_documents_numbers_never_keys_the_page() -> None:
    """A box of other documents, each with its 文号, far from this page's title: their numbers are not this page's
    (the page stays unnumbered and says so, as before)."""
    html = _without_table()
    box = ('<div class="sidebar"><h3>相关文件</h3><table>' + "".join(
        f"<tr><th>名称</th><td>关于调整出口管制措施的公告（之{i}）</td></tr><tr><th>文号</th><td>商务部公告2026年第{20 + i}号</td></tr>"
        for i in range(3)) + "</table></div>")
    html = html.replace('<div class="footer">', box + '<div class="footer">') if '<div class="footer">' in html \
        else html.replace("</body>", box + "</body>")
    doc = parse_document(html.encode("utf-8"), url=INFO_URL)
    assert doc.notice is not None
    assert doc.notice.key.startswith("DOC-")
    assert "no notice number found" in doc.warnings + doc.notice.warnings


def test_an_info_number_the_text_names_is_not_its_own() -> None:
    """The block's number is one the text itself names (another notice's): never the page's own."""
    html = INFO_TABLE.read_text(encoding="utf-8").replace("不可靠实体清单工作机制公告〔2027〕3号", "不可靠实体清单工作机制公告〔2025〕7号")
    html = html.replace("四、不批准并取消上述企业高级管理人员在中国境内工作许可、停留或者居留资格。",
                        "四、不批准并取消上述企业高级管理人员在中国境内工作许可、停留或者居留资格，参照不可靠实体清单工作机制公告〔2025〕7号执行。")
    doc = parse_document(html.encode("utf-8"), url=INFO_URL)
    assert doc.notice is not None
    assert doc.notice.key.startswith("DOC-")


def _probe(name: str) -> tuple[bytes, str]:
    import json

    page = CASES / f"{name}.html"
    return page.read_bytes(), json.loads((CASES / f"{name}.expect.json").read_text(encoding="utf-8"))["url"]


def test_a_copied_title_over_a_spaced_uel_header_is_held() -> None:
    """Probe blind46/32: the title names 〔2027〕3号; the text's number stands only in its spaced header
    ("不 可 靠 … / 公 告 / 2027年 第4号"), read joined. Was (after the first fix): keyed UEL-2027-3, silently."""
    raw, url = _probe("32-probe-stale-meta-over-spaced-uel-header")
    with pytest.raises(UnusablePage) as caught:
        parse_document(raw, url=url)
    assert caught.value.reason == "needs-review"
    assert "UEL-2027-4" in str(caught.value)


def test_a_stray_line_above_the_text_s_own_head_keeps_the_title_s_number() -> None:
    """Probe blind46/35: a hidden line naming No. 30 opens the container; the text's own head line, like the title,
    says No. 31. Was (after the first fix): held for review, the listing not read."""
    raw, url = _probe("35-probe-hidden-previous-title-first-in-container")
    doc = parse_document(raw, url=url)
    assert doc.notice is not None
    assert doc.notice.key == "MOFCOM-2027-31"
    assert len(doc.notice.entities) == 2


def test_a_bare_bracket_number_in_the_info_block_of_a_uel_text() -> None:
    """Probe blind46/34: the info table gives only "〔2027〕6号"; the text is signed by the UEL working mechanism
    (MOFCOM's own numbers are "商务部公告/令YYYY年第N号"). Was: keyed DOC-…, health green."""
    raw, url = _probe("34-probe-info-cell-bare-bracket-number")
    doc = parse_document(raw, url=url)
    assert doc.notice is not None
    assert doc.notice.key == "UEL-2027-6"
    assert [e.zh for e in doc.notice.entities] == ["秋枫电子公司"]


def test_page_one_of_a_paginated_listing_with_no_count_is_refused() -> None:
    """blind46/37: page 1 of 2 ("1 2 下一页" to this article's _2.html) of a listing '将下列美国实体列入…' that states no count.
    Was: read as a whole listing of page 1's 3 names, silently (page 2's 3 never read). Now refused as cut short."""
    raw, url = _probe("37-probe-paginated-notice-page1-no-count")
    with pytest.raises(UnusablePage) as caught:
        parse_document(raw, url=url)
    assert caught.value.reason == "cut-short"
    assert "next page" in str(caught.value)


def test_page_one_of_a_paginated_listing_with_its_count_keeps_the_count_warning() -> None:
    raw, url = _probe("03-paginated-notice-page1-of-2")
    doc = parse_document(raw, url=url)
    assert doc.notice is not None
    assert doc.notice.warnings == ("parsed 3 entities, notice states 6",)


def test_a_next_article_link_is_no_pager() -> None:
    """A "下一页"-worded link to another article (not this page's _N copy) leaves a notice with no count as it was."""
    raw, url = _probe("37-probe-paginated-notice-page1-no-count")
    other = raw.decode("utf-8").replace("art_e45ee7ce7e88149af8dd32b27f9512ce_2.html", "art_0123456789abcdef0123456789abcdef.html")
    doc = parse_document(other.encode("utf-8"), url=url)
    assert doc.notice is not None
    assert len(doc.notice.entities) == 3


def test_an_uncounted_summary_is_no_name() -> None:
    """blind46/38: '决定将峡谷材料科学公司等美国实体列入出口管制管控名单（见附件）', the annex a linked page, no count. Was: one entity
    named "峡谷材料科学公司等美国实体" (a false name, no warning; the annex's others missed). Now no name: a listing of nobody
    with no count, which the pipeline refuses as incomplete."""
    raw, url = _probe("38-probe-annex-linked-uncounted-summary")
    doc = parse_document(raw, url=url)
    assert doc.notice is not None
    assert doc.notice.entities == ()
    assert "no entities found for a listing" in doc.notice.warnings


def test_an_uncounted_summary_over_an_annex_reads_the_annex() -> None:
    raw, url = _probe("15-republished-original-zcfb")
    text = raw.decode("utf-8").replace("等3家美国实体", "等美国实体").replace("上述3家实体", "上述实体")
    doc = parse_document(text.encode("utf-8"), url=url)
    assert doc.notice is not None
    assert [e.zh for e in doc.notice.entities] == ["玄武装甲公司", "风暴眼传感器公司", "朱鹮精密机械公司"]


def test_a_news_lead_numbering_the_notice_given_in_full_keys_it() -> None:
    """blind46/39: the news section's copy of 2027 No. 16 without the notice's own header lines, its number only in the
    lead "商务部当日发布2027年第16号公告，全文如下：". Was: keyed DOC-2027-02-14-…, health green (a second key for one listing)."""
    raw, url = _probe("39-probe-republished-news-lead-number-header-cut")
    doc = parse_document(raw, url=url)
    assert doc.notice is not None
    assert doc.notice.key == "MOFCOM-2027-16"
    assert len(doc.notice.entities) == 3


def test_a_lead_numbering_another_notice_without_the_full_text_keys_nothing() -> None:
    """A lead telling a notice by number with no promise of its full text ("…发布2027年第16号公告。") gives no key."""
    raw, url = _probe("39-probe-republished-news-lead-number-header-cut")
    text = raw.decode("utf-8").replace("商务部当日发布2027年第16号公告，全文如下：", "商务部当日发布2027年第16号公告。")
    doc = parse_document(text.encode("utf-8"), url=url)
    assert doc.notice is not None
    assert doc.notice.key.startswith("DOC-")
