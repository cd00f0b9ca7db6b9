"""A page read as no notice that does not hold the notice title an index listed it under (health33).

:func:`mofcom_watch.wrongnotice.not_listed_page`, string in, reason out. The run through real processes is in
``tests/faults/test_listed_pages.py``.
"""

from __future__ import annotations

from mofcom_watch.wrongnotice import LISTED_REASON, not_listed_page
from tests.faults.harness import FIXTURES

N23 = FIXTURES / "www.mofcom.gov.cn/zwgk/zcfb/art/2026/art_dfa9cc5c1e004d7fbb86f83d249e7986.html"
T23 = "商务部公告2026年第23号 公布将10家美国实体列入出口管制管控名单"
UEL8 = FIXTURES / "www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_c29bed8111a5406ea44f363694865ac2.html"
T8 = "不可靠实体清单工作机制关于将护盾人工智能公司等6家美国实体列入不可靠实体清单的公告"


def chrome_around(inner: str) -> str:
    """UEL 2025 No. 8's page (head, nav, crumbs, footer) with ``inner`` where its title and article were."""
    page = UEL8.read_text(encoding="utf-8").replace(T8, "系统维护通知")
    return page[: page.index('<div class="art-title">')] + inner + page[page.index('<div class="footer">'):]


def test_the_listed_page_itself_is_what_was_listed():
    assert not_listed_page(T23, N23.read_text(encoding="utf-8")) is None
    assert not_listed_page(T8[:30] + "…", UEL8.read_text(encoding="utf-8")) is None  # an index cuts long titles


def test_a_page_in_a_wrong_encoding_is_not_what_was_listed():
    garbled = N23.read_bytes().decode("gbk", errors="replace")  # UTF-8 bytes read as GBK: "鍟嗗姟閮ㄥ叕鍛?"
    why = not_listed_page(T23, garbled)
    assert why is not None and why.startswith(f"{LISTED_REASON}: listed as '{T23}'") and "holds 0%" in why


def test_a_maintenance_page_in_the_sites_layout_is_not_what_was_listed():
    notice = ("<p>尊敬的用户：为进一步提升网站服务质量，本网站正在进行系统升级维护，维护期间部分栏目和页面暂时无法访问，"
              "由此给您带来的不便，敬请谅解。维护完成后，相关内容将恢复正常访问。</p>") * 5
    assert not_listed_page(T23, chrome_around(f"<h2>系统维护通知</h2>{notice}")) is not None


def test_a_page_that_holds_its_title_stays_not_a_notice():
    # another ministry matter: a numbered announcement on anti-dumping, its page read as no notice (a real "other")
    title = "商务部公告2025年第3号 关于对原产于美国的进口相关光纤产品反倾销调查最终裁定的公告"
    assert not_listed_page(title, chrome_around(f"<h1>{title}</h1><p>根据《中华人民共和国反倾销条例》……</p>")) is None


def test_titles_that_say_nothing_of_a_notice_are_not_held_against():
    page = chrome_around("<p>登录后可查看本页内容</p>")
    assert not_listed_page(None, page) is None
    assert not_listed_page("", page) is None
    assert not_listed_page("关于印发对外贸易发展规划的通知", page) is None  # no notice, list or decision named
    assert not_listed_page("第5号", page) is None  # too few characters to hold a page against
