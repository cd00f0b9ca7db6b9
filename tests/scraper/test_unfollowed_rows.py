"""Index rows naming a numbered notice whose link the source does not follow (scraper.unfollowed; health33's C1)."""

from __future__ import annotations

from scraper.sources.base import Source
from scraper.unfollowed import ROWS_SAID, unfollowed_detail, unfollowed_rows

BASE = "https://www.mofcom.gov.cn/zwgk/zcfb/index.html"
FOLLOWED = "/zwgk/zcfb/art/2025/art_c6b190344a154e6f831e0fdfc190e41e.html"


def follows(url: str) -> bool:
    """The MOFCOM sources' test (scraper.sources.base.Source.wants): an article page of a MOFCOM notice host."""
    return Source.wants(type("S", (), {"hosts": ("www.mofcom.gov.cn",)})(), url)  # type: ignore[arg-type]


def row(href: str, title: str) -> str:
    return f'<li><a href="{href}" title="{title}" target="_blank">{title}</a><span>[2026-12-02]</span></li>'


def test_rows_to_another_host_or_address_form_are_found_and_followed_rows_are_not():
    text = "<ul>" + "".join((
        row(FOLLOWED, "商务部公告2025年第22号 公布将12家美国实体列入出口管制管控名单"),
        row("https://www.gov.cn/zhengce/zhengceku/202612/content_7012345.htm", "商务部公告2026年第30号 公布将5家美国实体列入出口管制管控名单"),
        row("/article/zwgk/zcfb/202612/20261203123456.shtml", "不可靠实体清单工作机制公告〔2026〕2号"),
        row("http://www.mfa.gov.cn/web/x/202612/t20261203_1.shtml", "外交部令第20号"),
        row("https://www.gov.cn/xinwen/202612/content_1.htm", "商务部新闻发言人就有关问题答记者问"),  # no number: not ours to say
        row("/index_1.html", "下一页"),
    )) + "</ul>"
    rows = unfollowed_rows(text, BASE, follows)
    assert [url for _title, url in rows] == [
        "https://www.gov.cn/zhengce/zhengceku/202612/content_7012345.htm",
        "https://www.mofcom.gov.cn/article/zwgk/zcfb/202612/20261203123456.shtml",
        "http://www.mfa.gov.cn/web/x/202612/t20261203_1.shtml",
    ]
    detail = unfollowed_detail(rows)
    assert detail.startswith("3 row(s)") and "'商务部公告2026年第30号 公布将5家美国实体列入出口管制管控名单' -> https://www.gov.cn/" in detail


def test_an_index_whose_numbered_rows_are_all_followed_says_nothing():
    assert unfollowed_rows("<ul>" + row(FOLLOWED, "商务部令2025年第6号") + "</ul>", BASE, follows) == []
    assert unfollowed_rows("<p>没有编号</p>", BASE, follows) == []


def test_a_long_list_of_rows_is_counted_past_those_named():
    rows = [(f"商务部公告2026年第{n}号", f"https://www.gov.cn/{n}.htm") for n in range(ROWS_SAID + 2)]
    assert unfollowed_detail(rows).endswith("; and 2 more; read it there, and if it is ours, give a source its address")


def test_a_row_opened_by_script_is_followed_and_one_opening_no_address_is_said_beside_other_script_links():
    """health37 H48: a numbered row behind "javascript:void(0)" was merged into the page's first such link (the chrome's
    "加入收藏") and said nothing; one whose script names the article is the index parser's link, followed."""
    page = ('<a href="javascript:void(0)" onclick="addFavorite()">加入收藏</a><ul>'
            '<li><a href="javascript:void(0)" onclick="openArt(\'/zwgk/zcfb/art/2026/art_dfa9cc5c1e004d7fbb86f83d249e7986.html\')"'
            ' title="商务部公告2026年第23号">商务部公告2026年第23号</a></li>'
            '<li><a href="javascript:;" onclick="openArt(20261203)">商务部公告2026年第24号</a></li>'
            '<li><a href="" title="商务部公告2026年第25号">商务部公告2026年第25号</a></li></ul>')
    rows = unfollowed_rows(page, BASE, follows)
    assert rows == [("商务部公告2026年第24号", "javascript:;"), ("商务部公告2026年第25号", "(no address)")]
