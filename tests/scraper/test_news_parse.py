"""The news parser (``scraper.news``) on press pages: Taiwan/HK reprints in traditional script.

The pages in ``tests/data/news/`` were composed for a blind audit after the real outlets' layouts and
wording (ETtoday, Wen Wei Po); the facts in them are the real ones (domain.md a.1, a.2).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from scraper.news import news_facts, parse_news_document
from storage.records import ActionKind, DocumentKind, ListKind

DATA = Path(__file__).resolve().parents[1] / "data" / "news"

# file, url, (published, list, action, stated count, keys)
CASES = {
    "06-wenweipo-qa0812-ecl-reprint.txt": ("https://paper.wenweipo.com/a/202508/13/AP689b8a1ce4b0d8e5a5e1a0b2.html", (
        date(2025, 8, 13), "ecl", "extend", 16, [])),  # the print edition's date line
    "13-ettoday-uel10-report.txt": ("https://www.ettoday.net/news/20251009/3049911.htm", (
        date(2025, 10, 9), "uel", "impose", 14, [])),  # names the working mechanism, not 商務部
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_traditional_press_page_reads_as_reported(name):
    doc = parse_news_document((DATA / name).read_bytes(), url=CASES[name][0])
    assert doc.kind is DocumentKind.NOTICE and doc.notice is not None, doc.warnings
    n = doc.notice
    (action,) = n.actions
    assert (n.published, n.list.value, action.action.value, n.stated_count, [r.key for r in n.references if r.key]) \
        == CASES[name][1]


def test_traditional_and_simplified_read_alike():
    """A-news1: ETtoday/CNA/HK01 print MOFCOM's words in traditional characters (商務部, 不可靠實體清單, 暫停)."""
    trad = "中國商務部12日晚間宣布，對2025年4月4日被列入出口管制管控名單的16家美國實體，繼續暫停實施相關措施90天。"
    simp = "中国商务部12日晚间宣布，对2025年4月4日被列入出口管制管控名单的16家美国实体，继续暂停实施相关措施90天。"
    facts = news_facts(trad, published=date(2025, 8, 12))
    assert facts == news_facts(simp, published=date(2025, 8, 12))
    assert (facts.list, facts.action, facts.count) == (ListKind.ECL, ActionKind.EXTEND, 16)


def test_a_reprinted_listing_is_no_lift():
    """"正在开展的相关出口活动应当立即停止" in a reprinted ECL listing stops exports, not the measures."""
    facts = news_facts("商務部公告2025年第21號\n決定將高點航空技術公司等16家美國實體列入出口管制管控名單，並採取以下措施：\n"
                       "一、禁止向上述16家美國實體出口兩用物項；正在開展的相關出口活動應當立即停止。")
    assert (facts.list, facts.action, facts.count, facts.keys) == (ListKind.ECL, ActionKind.IMPOSE, 16, ("MOFCOM-2025-21",))
