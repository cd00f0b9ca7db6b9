"""pages56 (session 54): a blind round of whole pages; what the corpus pins cannot say, through the real parser.

- An answer copied on the exportcontrol mirror with no MOFCOM dateline of its own: its day is the mirror's page date,
  often a day after MOFCOM's (domain.md b.3). A step "自即日起" read from it started a day late and the copy was keyed
  apart from MOFCOM's page: beside it, a second suspension from the next day to a year and a day later, silently
  (pages56/41). Refused for a person now (``rules.checks.basics.mirror_day_start``); MOFCOM's page reads the step.
The corpus cases are in tests/data/corpus/pages56/.
"""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

MIRROR_URL = "http://exportcontrol.mofcom.gov.cn/article/gndt/202804/1502.html"
WWW_URL = "https://www.mofcom.gov.cn/xwfb/xwfyrth/art/2028/art_1f2e3d4c5b6a47988796a5b4c3d2e1f0.html"
TITLE = "商务部新闻发言人就调整出口管制管控名单措施答记者问"
JIRI = "答：为落实中美经贸会谈共识，中方决定，自即日起，暂停实施商务部公告2027年第41号相关措施1年。"
DATED = "答：为落实中美经贸会谈共识，中方决定，自2028年4月15日起，暂停实施商务部公告2027年第41号相关措施1年。"
DATELINE = "来源：商务部新闻办公室 类型：原创 分类：新闻 2028-04-10 21:00"


def _mirror(answer: str, *, dateline: str = "", site: str = "_中国出口管制信息网") -> bytes:
    """The mirror's page of an answer (its layout as pages56/41 writes it), GBK as the mirror serves it."""
    head = f"<p>{dateline}</p>" if dateline else ""
    return (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk" /><title>{TITLE}{site}</title>'
            f'</head><body><div class="artTitle"><h3>{TITLE}</h3></div><div class="artInfo">发布时间：2028-04-11　　来源：商务部</div>'
            f'<div class="artCon" id="zoom">{head}<p>有记者问：请问商务部对出口管制管控名单相关措施有何调整？</p><p>{answer}</p></div>'
            f'<div class="foot">中国出口管制信息网 版权所有</div></body></html>').encode("gbk")


def _steps(raw: bytes, url: str | None) -> list[tuple[str, str | None, str | None]]:
    doc = parse_document(raw, url=url)
    assert doc.notice is not None
    return [(a.action.value, a.effective, a.until.isoformat() if a.until else None)
            for a in doc.notice.actions]


@pytest.mark.parametrize("url, site", [(MIRROR_URL, ""), (None, "_中国出口管制信息网")])
def test_a_mirror_copy_of_an_answer_whose_step_starts_on_the_mirrors_day_is_refused(url: str | None, site: str) -> None:
    with pytest.raises(UnusablePage) as err:
        parse_document(_mirror(JIRI, site=site), url=url)
    assert err.value.reason == "needs-review"
    assert "exportcontrol mirror's date" in str(err.value)


@pytest.mark.parametrize("raw, url, want", [
    (_mirror(DATED), MIRROR_URL, [("suspend", "2028-04-15", "2029-04-15")]),  # the start written: the mirror's day no step's
    (_mirror(JIRI, dateline=DATELINE), MIRROR_URL, [("suspend", "2028-04-10", "2029-04-10")]),  # MOFCOM's dateline kept
    (_mirror(JIRI, site=""), WWW_URL, [("suspend", "2028-04-11", "2029-04-11")]),  # not the mirror: the page's own day
])
def test_a_mirror_copy_with_its_day_known_or_another_site_is_read(raw: bytes, url: str, want: list[tuple[str, str, str]]
                                                                  ) -> None:
    assert _steps(raw, url) == want


# - An annex cell holding two entries split by <br> (the CMS merged two rows, pages56/46): the row read as one entry, its
#   Chinese name both entries run together ("X（x） Y"), the second's English as its own, the first entry lost; silently
#   where no count is stated. Refused for a person now (``rules.checks.listings.two_entries_in_one``).
LISTING = ("<html><head><meta charset=\"utf-8\"><title>商务部公告2028年第17号 关于将有关美国实体列入出口管制管控名单的公告</title></head>"
           "<body><div class=\"art-con art-con-bottonmLine\"><p>商务部公告2028年第17号</p>"
           "<p>根据《中华人民共和国出口管制法》等法律法规的有关规定，商务部决定将下列美国实体列入出口管制管控名单（见附件），并采取以下措施：</p>"
           "<p>一、禁止出口经营者向上述实体出口两用物项。</p><p>本公告自公布之日起正式实施。</p><p>商务部</p><p>2028年6月8日</p>"
           "<p>附件</p><p>出口管制管控名单</p><table border=\"1\"><tr><td>序号</td><td>名称</td></tr>{rows}</table></div></body></html>")


def _listing(*cells: str) -> bytes:
    return LISTING.format(rows="".join(f"<tr><td>{i}</td><td>{c}</td></tr>" for i, c in enumerate(cells, 1))).encode()


def test_an_annex_cell_holding_two_entries_is_refused() -> None:
    # (two whole entries, each with its Latin name, are read since session 57: test_parse_pages57; one without is held)
    raw = _listing("大西洋光电公司（Atlantic Electro-Optics, Inc.）",
                   "星链防务集成公司（Starlink Defense Integration Corp.）<br>黑曜石网络安全公司")
    with pytest.raises(UnusablePage) as err:
        parse_document(raw)
    assert err.value.reason == "needs-review"
    assert "runs two entries together" in str(err.value)


@pytest.mark.parametrize("cell, zh", [
    ("哈利法克斯国际安全论坛 （Halifax International Security Forum）", "哈利法克斯国际安全论坛"),  # a blank before the bracket
    ("星链防务集成公司<br>（Starlink Defense Integration Corp.）", "星链防务集成公司"),  # one entry over two lines
])
def test_one_entry_of_a_cell_is_read(cell: str, zh: str) -> None:
    doc = parse_document(_listing("大西洋光电公司（Atlantic Electro-Optics, Inc.）", cell))
    assert doc.notice is not None
    assert [e.zh for e in doc.notice.entities] == ["大西洋光电公司", zh]


def test_a_mirror_copy_of_a_notice_without_its_signature_is_refused() -> None:
    """The mirror's copy of a listing whose 【发文日期】 and signature were dropped (pages56/48): was in force from the
    mirror's date, a day late, silently. With its signature it reads as signed (pages56/04)."""
    body = ("<p>商务部公告2027年第41号</p><p>根据《中华人民共和国出口管制法》等法律法规的有关规定，商务部决定将北极光导航系统公司等2家美国实体"
            "列入出口管制管控名单（见附件），并采取以下措施：</p><p>一、禁止出口经营者向上述2家实体出口两用物项。</p><p>本公告自公布之日起正式实施。</p>"
            "{sig}<p>附件</p><p>出口管制管控名单</p><p>1. 北极光导航系统公司（Northern Light Navigation Systems, Inc.）</p>"
            "<p>2. 蓝岭无人机公司（Blue Ridge Drones LLC）</p>")
    page = ('<html><head><meta charset="utf-8"><title>商务部公告2027年第41号_中国出口管制信息网</title></head><body>'
            '<div class="artTitle"><h3>商务部公告2027年第41号</h3></div><div class="artInfo">发布时间：2027-03-16</div>'
            '<div class="artCon" id="zoom">{body}</div></body></html>')
    url = "http://exportcontrol.mofcom.gov.cn/article/zcfg/gnzcfg/zcfggzqd/202703/1391.html"
    with pytest.raises(UnusablePage) as err:
        parse_document(page.format(body=body.format(sig="")).encode(), url=url)
    assert "exportcontrol mirror's date" in str(err.value)
    signed = parse_document(page.format(body=body.format(sig="<p>商务部</p><p>2027年3月15日</p>")).encode(), url=url)
    assert signed.notice is not None
    assert (signed.notice.published.isoformat(), [a.effective for a in signed.notice.actions]) == ("2027-03-15", ["2027-03-15"])


# - A listing stating no count whose annex numbers skip ("1. … 2. … 3. … 5. …": a line dropped, pages56/50): the entry
#   lost, silently. Refused for a person now (``rules.checks.listings.annex_number_gap``); a count stated says it already.
def _numbered(numbers: tuple[int, ...], decision: str = "商务部决定将下列美国实体列入出口管制管控名单") -> bytes:
    names = ["北辰雷达公司（Polaris Radar Systems, Inc.）", "蓝岭微波公司（Blue Ridge Microwave LLC）",
             "铁砧推进技术公司（Anvil Propulsion Technologies）", "灰隼无人系统公司（Grey Falcon Unmanned Systems Corp.）"]
    lines = "".join(f"<p>{n}. {name}</p>" for n, name in zip(numbers, names))
    return ("<html><head><meta charset=\"utf-8\"><title>商务部公告2028年第17号</title></head><body><div class=\"art-con\">"
            f"<p>商务部公告2028年第17号</p><p>根据《中华人民共和国出口管制法》等法律法规的有关规定，{decision}（见附件），并采取以下措施：</p>"
            "<p>一、禁止出口经营者向上述实体出口两用物项。</p><p>本公告自公布之日起正式实施。</p><p>商务部</p><p>2028年6月8日</p>"
            f"<p>附件</p><p>出口管制管控名单</p>{lines}</div></body></html>").encode()


def test_an_annex_skipping_a_number_with_no_count_is_refused() -> None:
    with pytest.raises(UnusablePage) as err:
        parse_document(_numbered((1, 2, 3, 5)))
    assert "numbers skip from 3 to 5" in str(err.value)


@pytest.mark.parametrize("raw", [
    _numbered((1, 2, 3, 4)),  # no gap
    _numbered((1, 2, 4, 5), "商务部决定将北辰雷达公司等4家美国实体列入出口管制管控名单"),  # a number mistyped, the count agrees (audit40/01)
    _numbered((1, 2, 1, 2)),  # a part of its own numbered anew
])
def test_an_annex_whose_numbers_run_or_are_counted_is_read(raw: bytes) -> None:
    doc = parse_document(raw)
    assert doc.notice is not None
    assert len(doc.notice.entities) == 4


def test_an_annex_with_lines_out_of_order_is_read() -> None:
    doc = parse_document(_numbered((1, 3, 2, 4)))
    assert doc.notice is not None
    assert len(doc.notice.entities) == 4
