"""pages57 (session 57): whole pages the parser read only in part or held (pages56's open B's); what the pins cannot say.

- The annex in the article's own attachment block beside the body container ("<div class="art-attach">" after
  ``.art-con``): 0 of 8 read behind a count warning (pages56/31). Its text follows the body's now; only a sibling of the
  container whose class names an attachment, holding text of its own, where the body refers to an annex
  (``article._attached_text``).
- A page with no PubDate meta and no "发布时间：" line, its date only in "<span class="detail-date">" of the article's
  header: keyed QA-undated, a problem in a store (pages56/49). The header's one date element is read now
  (``article._header_stamp``); two, or dates only in a sidebar's list, are none.
- An annex cell holding two whole entries split by "<br>" (pages56/46, /47): held since session 54. Each entry read now
  where each part is a Chinese name with its bracketed Latin name (``annex._two_entries_in_cell``); held otherwise.
- The notice in an "<iframe srcdoc>" filling the body (audit44/08), an annex numbered in mixed styles whose '四、' line
  was lost (audit44/01), an annex written as two parallel lists (audit40/36), an answer's decision split over two
  paragraphs (pages56/34): below, each with its section.
The corpus cases are in tests/data/corpus/pages56/, audit44/ and audit40/.
"""

from __future__ import annotations

import pytest

from scraper.parse import parse_document, parse_text
from storage.records import NoticeRecord, UnusablePage

from .corpus_cases import case_text

URL = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2028/art_5e6f708192a3b4c5d6e7f8091a2b3c4d.html"
QA_URL = "https://www.mofcom.gov.cn/xwfb/xwfyrth/art/2028/art_1f2e3d4c5b6a47988796a5b4c3d2e1f0.html"
TITLE = "商务部公告2028年第17号 公布将3家美国实体列入出口管制管控名单"
BODY = ("<p>【发布文号】商务部公告2028年第17号</p><p>【发文日期】2028年06月08日</p>"
        "<p>根据《中华人民共和国出口管制法》等法律法规的有关规定，商务部决定将大西洋光电公司等3家美国实体列入出口管制管控名单"
        "（见附件），并采取以下措施：</p><p>一、禁止出口经营者向上述3家实体出口两用物项；正在开展的相关活动应当立即停止。</p>"
        "<p>本公告自公布之日起正式实施。</p><p>附件：出口管制管控名单（2028年6月8日）</p><p>商务部</p><p>2028年6月8日</p>")
ANNEX = ("<p>附件</p><p>出口管制管控名单</p><p>（2028年6月8日）</p><p>1. 大西洋光电公司（Atlantic Electro-Optics, Inc.）</p>"
         "<p>2. 铁砧推进系统公司（Anvil Propulsion Systems LLC）</p><p>3. 高山雷达公司（Alpine Radar Corporation）</p>")
THREE = ["大西洋光电公司", "铁砧推进系统公司", "高山雷达公司"]


def _page(body: str, after: str = "", aside: str = "") -> bytes:
    """A www article page: the body container, what follows it in its parent, a sidebar beside that parent."""
    return (f'<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="{TITLE}"><meta name="PubDate" '
            f'content="2028-06-08 19:00"><title>{TITLE}</title></head><body><div class="header">商务部</div>'
            f'<div class="container"><div class="art-title"><h1>{TITLE}</h1></div>'
            f'<div class="art-con art-con-bottonmLine">{body}</div>{after}</div>{aside}'
            f'<div class="footer">主办单位：中华人民共和国商务部</div></body></html>').encode()


def _notice(raw: bytes, url: str = URL) -> NoticeRecord:
    doc = parse_document(raw, url=url)
    assert doc.notice is not None
    return doc.notice


def test_the_annex_in_an_attachment_block_beside_the_body_is_read() -> None:
    rec = _notice(_page(BODY, f'<div class="art-attach"><div class="attach-con">{ANNEX}</div></div>'
                              '<div class="art-share">分享到：微信</div>'))
    assert [e.zh for e in rec.entities] == THREE and not rec.warnings


@pytest.mark.parametrize("after, aside, body", [
    ("", f'<div class="sidebar"><div class="attach-list">{ANNEX}</div></div>', BODY),  # no sibling of the body: a sidebar's
    (f'<div class="related">{ANNEX}</div>', "", BODY),  # a sibling of another class (related links, a share bar)
    (f'<div class="art-attach">{ANNEX}</div>', "", BODY.replace("（见附件）", "").replace("<p>附件：出口管制管控名单（2028年6月8日）</p>", "")),
])
def test_no_other_block_is_read_as_the_annex(after: str, aside: str, body: str) -> None:
    rec = _notice(_page(body, after, aside))
    assert rec.entities == () or list(rec.entities) == []
    assert rec.warnings == ("parsed 0 entities, notice states 3",)


def test_an_attachment_block_of_download_links_adds_no_line() -> None:
    links = '<div class="art-attach">附件下载：<a href="/cms_files/2028/名单.pdf">出口管制管控名单（2028年6月8日）.pdf</a></div>'
    assert _notice(_page(BODY, links)) == _notice(_page(BODY))


QA_TITLE = "商务部新闻发言人就调整出口管制管控名单措施答记者问"
ANSWER = ("<p>有记者问：请问商务部对出口管制管控名单相关措施有何调整？</p>"
          "<p>答：为落实中美经贸会谈共识，中方决定，自即日起，暂停实施商务部公告2027年第41号相关措施1年。</p>")


def _redesigned(meta: str, aside: str = "") -> bytes:
    """A redesigned answer page (pages56/49's layout): no PubDate meta, the header's meta line given, a sidebar."""
    return (f'<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="{QA_TITLE}"><title>{QA_TITLE}</title>'
            f'</head><body><main><article class="detail-wrap"><header class="detail-hd"><h1 class="detail-title">{QA_TITLE}'
            f'</h1><div class="detail-meta">{meta}<span class="detail-src">来源：商务部新闻办公室</span></div></header>'
            f'<section class="detail-bd">{ANSWER}</section>{aside}</article></main>'
            f'<footer>主办单位：中华人民共和国商务部</footer></body></html>').encode()


@pytest.mark.parametrize("meta", ['<span class="detail-date">2028-04-10 21:00</span>',
                                  '<span class="detail-date">2028-04-10 21:00</span><span class="update-date">2028-04-12</span>'])
def test_the_date_of_the_articles_header_dates_an_undated_page(meta: str) -> None:
    rec = _notice(_redesigned(meta), QA_URL)
    assert (rec.key, str(rec.published)) == ("QA-2028-04-10-68a81f8d", "2028-04-10")
    assert [(str(a.effective), str(a.until)) for a in rec.actions] == [("2028-04-10", "2029-04-10")]


SIDEBAR = ('<aside class="detail-related"><h3>相关阅读</h3><ul><li><a href="/xwfb/art/2027/art_aa.html">商务部新闻发言人答记者问</a>'
           '<span class="date">2027-11-02</span></li></ul></aside>')


@pytest.mark.parametrize("meta, aside", [
    ('<span class="detail-date">2028-04-10 21:00</span><span class="pub-date">2028-04-12</span>', ""),  # two: which?
    ('<span class="update-date">2028-04-12</span>', ""),  # another day than the publication's
    ("", SIDEBAR),  # a sidebar's dates are no header's
    ('<span class="detail-date">2028-04-10 21:00 星期一</span>', ""),  # not a date alone
])
def test_no_date_is_taken_where_the_header_gives_none_or_two(meta: str, aside: str) -> None:
    rec = _notice(_redesigned(meta, aside), QA_URL)
    assert rec.published is None and rec.key.startswith("QA-undated-")


def test_the_pubdate_meta_comes_before_the_headers_date() -> None:
    raw = _redesigned('<span class="detail-date">2028-04-11</span>').replace(
        b"<title>", b'<meta name="PubDate" content="2028-04-10 21:00"><title>')
    assert str(_notice(raw, QA_URL).published) == "2028-04-10"


def _table(cell: str) -> bytes:
    rows = "".join(f"<tr><td>{n}</td><td>{name}</td></tr>" for n, name in (
        (1, "大西洋光电公司（Atlantic Electro-Optics, Inc.）"), (2, cell), (4, "高山雷达公司（Alpine Radar Corporation）")))
    body = BODY.replace("大西洋光电公司等3家美国实体", "下列美国实体").replace("上述3家实体", "上述实体")
    page = _page(f"{body}<p>附件</p><p>出口管制管控名单</p><table><tr><td>序号</td><td>名称</td></tr>{rows}</table>")
    return page.replace("公布将3家美国实体".encode(), "公布将美国实体".encode())  # no count stated: pages56/47's form


def test_a_cell_of_two_whole_entries_is_two_entities_numbered_in_turn() -> None:
    rec = _notice(_table("铁砧推进系统公司（Anvil Propulsion Systems LLC）<br>黑曜石网络安全公司（Obsidian Cyber Security, Inc.）"))
    assert [(e.n, e.zh, e.en) for e in rec.entities] == [
        (1, "大西洋光电公司", "Atlantic Electro-Optics, Inc."), (2, "铁砧推进系统公司", "Anvil Propulsion Systems LLC"),
        (3, "黑曜石网络安全公司", "Obsidian Cyber Security, Inc."), (4, "高山雷达公司", "Alpine Radar Corporation")]
    assert not rec.warnings


@pytest.mark.parametrize("cell", [
    "铁砧推进系统公司（Anvil Propulsion Systems LLC）<br>黑曜石网络安全公司",  # the second without its Latin name
    "铁砧推进系统公司（Anvil Propulsion Systems LLC）<br>又称铁砧公司（Anvil Co.）",  # an alias of the first
    "铁砧推进系统公司（Anvil Propulsion Systems LLC）<br>及其子公司（and its subsidiaries）",  # its subsidiaries
])
def test_a_cell_of_one_entry_and_more_is_held(cell: str) -> None:
    with pytest.raises(UnusablePage) as held:  # the entry run together with more, or the number the merge took skipped
        _notice(_table(cell))
    assert held.value.reason == "needs-review"


# - The notice inside an "<iframe srcdoc>" filling the body container (audit44/08): the srcdoc's tags read as text, no
#   entity behind a count warning. The framed document's article is the page's text now, where the container has no text
#   of its own (``article._framed_article``).
FRAMED = ("<p>商务部公告2028年第17号</p><p>根据《中华人民共和国出口管制法》等法律法规的有关规定，商务部决定将以下3家美国实体列入出口管制管控名单"
          "（见附件），并采取以下措施：</p><p>一、禁止出口经营者向上述3家实体出口两用物项。</p><p>本公告自公布之日起正式实施。</p>"
          f"{ANNEX}<p>商务部</p><p>2028年6月8日</p>")


def _framed(before: str = "", inner_head: str = "") -> bytes:
    inner = f'<html><head>{inner_head}</head><body><div class="art-con">{FRAMED}</div></body></html>'
    escaped = inner.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    return _page(f'{before}<iframe width="100%" srcdoc="{escaped}"></iframe>')


def test_a_body_framed_by_srcdoc_is_read_and_dated_by_its_frame_when_the_page_is_not() -> None:
    assert [e.zh for e in _notice(_framed()).entities] == THREE
    undated = _framed(inner_head='<meta name="PubDate" content="2028-06-08 19:00">').replace(
        b'<meta name="PubDate" content="2028-06-08 19:00"><title>', b"<title>", 1)
    assert str(_notice(undated).published) == "2028-06-08"


def test_a_body_with_text_of_its_own_beside_a_frame_is_its_own() -> None:
    doc = parse_document(_framed(before=BODY), url=URL)  # a notice whose body also embeds a framed page: its own text
    assert doc.notice is not None and doc.notice.warnings == ("parsed 0 entities, notice states 3",)


# - An annex numbered in mixed styles, its '四、' line lost behind a count warning (audit44/01). A Chinese-numbered line is
#   read where it is a whole entry in its place in the run, with a number the run lacks (``annex._chinese_numbered_run``).
MIXED = "audit44", "01-ecl-annex-numbering-mixed-styles.txt"
FOURTH = "四、雷霆测控公司（Thunder Telemetry Systems, Inc.）"


@pytest.mark.parametrize("old, new, read", [
    ("2、深蓝声呐公司", "二、深蓝声呐公司", 4),  # inside the run
    (FOURTH, "四、雷霆测控公司", 3),  # no Latin name: no whole entry
    (FOURTH, "五、雷霆测控公司（Thunder Telemetry Systems, Inc.）", 3),  # a number the run does not lack: 4 skipped
    (f"{FOURTH}\n", "", 3),  # (then put between 1 and 2, below: out of place)
])
def test_a_chinese_numbered_line_is_read_only_in_its_place_in_the_run(old: str, new: str, read: int) -> None:
    text = case_text(*MIXED).replace(old, new)
    if not new:
        text = text.replace("2、深蓝声呐公司", f"{FOURTH}\n2、深蓝声呐公司")
    rec = parse_text(text)
    assert rec is not None and len(rec.entities) == read
    assert rec.warnings == (() if read == 4 else ("parsed 3 entities, notice states 4",))


# - An annex written as two parallel lists (audit40/36): both headings and each language's names read as 8 entities apart.
#   Paired by number where both lists are numbered alike (``annex._parallel_lists``).
PARALLEL = "audit40", "36-ecl-annex-parallel-chinese-then-english-lists.txt"
ENGLISH_LIST = "二、英文名称\n1. Hawk Point Radar Inc.\n2. Deep Bay Acoustics LLC\n3. Highland Power Supplies Corp."
CHINESE_LIST = "一、中文名称\n1. 鹰角雷达公司\n2. 深湾声学公司\n3. 高原电源公司\n"


def test_parallel_lists_in_either_order_are_paired() -> None:
    text = case_text(*PARALLEL)
    swapped = text.replace(CHINESE_LIST + ENGLISH_LIST, ENGLISH_LIST.replace("二、", "一、") + "\n"
                           + CHINESE_LIST.replace("一、", "二、").rstrip("\n"))
    assert swapped != text
    for rec in (parse_text(text), parse_text(swapped)):
        assert rec is not None and not rec.warnings
        assert [(e.zh, e.en) for e in rec.entities] == [("鹰角雷达公司", "Hawk Point Radar Inc."), (
            "深湾声学公司", "Deep Bay Acoustics LLC"), ("高原电源公司", "Highland Power Supplies Corp.")]


def test_parallel_lists_numbered_apart_are_not_paired() -> None:
    rec = parse_text(case_text(*PARALLEL).replace("\n3. Highland Power Supplies Corp.", ""))
    assert rec is not None and rec.warnings and all(e.zh is None or e.en is None for e in rec.entities)


# - An answer's decision split over two paragraphs, "…中方决定，自2028年4月15日起，" / "暂停实施…1年。" (pages56/34): held
#   for a person (the title's 调整 unread). A line ending in "，" goes on in the next where that one ends the sentence and
#   opens with no label, speaker or item number (``textnorm.COMMA_BREAK_RE``).
QA_HEAD = (f"{QA_TITLE}\n来源：商务部新闻办公室 类型：原创 分类：新闻 2028-04-10 21:00\n"
           "有记者问：请问商务部对出口管制管控名单相关措施有何调整？\n")
DECIDED = "答：为落实中美经贸会谈共识，中方决定，自2028年4月15日起，"
STEP = "暂停实施商务部公告2027年第41号相关措施1年。"


@pytest.mark.parametrize("between", ["\n", "\n\n"])
def test_a_sentence_going_on_in_the_next_paragraph_is_read_whole(between: str) -> None:
    rec = parse_text(f"{QA_HEAD}{DECIDED}{between}{STEP}")
    assert rec is not None
    assert [(a.action.value, str(a.effective), str(a.until)) for a in rec.actions] == [("suspend", "2028-04-15", "2029-04-15")]


@pytest.mark.parametrize("after", [
    "二、暂停实施商务部公告2027年第41号相关措施1年。",  # an item of its own
    "何亚东：暂停实施商务部公告2027年第41号相关措施1年。",  # a speaker
    "暂停实施商务部公告2027年第41号相关措施1年",  # no sentence's end
])
def test_a_line_after_a_comma_that_opens_another_part_is_not_joined(after: str) -> None:
    from scraper.parse.textnorm import fold, inner_blanks
    text = f"{QA_HEAD}{DECIDED}\n{after}"
    assert inner_blanks(text, fold(text)) == []


def test_the_annex_numerals_are_cn2an_s() -> None:
    """``annex._chinese_numeral`` (written out: cn2an is slow to import) gives what cn2an gives for every number it is asked."""
    import cn2an

    from scraper.parse.entities.annex import _chinese_numeral

    assert [_chinese_numeral(k) for k in range(1, 100)] == [cn2an.an2cn(k) for k in range(1, 100)]
