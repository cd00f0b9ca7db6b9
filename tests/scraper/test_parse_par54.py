"""Session 54 (par54): session 53's regressions mended. A line break after a line ending a clause of its own ("…2家实体
除外", or before a line opening a new subject with a clause of its own: "对上述2家实体，…", "自2027年1月1日起，…", "经研究，…")
parts two sentences; open53's join (a break inside a sentence) is kept for the rest."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.parse import parse_document
from scraper.parse.textnorm import clean_and_fold, close_inner_blanks

TITLE = "商务部新闻发言人答记者问\n"  # (a text's first line, its title, is never joined)


def _closed(text: str) -> str:
    return close_inner_blanks(*clean_and_fold(TITLE + text))[0].removeprefix(TITLE)


@pytest.mark.parametrize("text", [
    "停止实施相关措施，但该公告所列2家实体除外\n对上述2家实体，继续暂停实施相关措施至2027年11月10日。",
    "商务部决定，停止实施相关措施，详见附件\n自2027年1月1日起，继续暂停实施相关措施。",
    "商务部决定，停止实施相关措施，详见附件\n经研究，继续暂停实施上述措施。",
    "商务部决定，停止实施相关措施，详见附件\n对其余实体，继续暂停实施相关措施。",
])
def test_a_break_after_a_clause_of_its_own_is_kept(text: str) -> None:
    assert _closed(text) == text


@pytest.mark.parametrize(("text", "want"), [
    ("中方决定，自2026年12月11日起停止实施\n对上述实体的相关措施。", "中方决定，自2026年12月11日起停止实施对上述实体的相关措施。"),
    ("中方决定，相关措施暂停至2027年5月31日，届\n时停止实施。", "中方决定，相关措施暂停至2027年5月31日，届时停止实施。"),
    ("中方决定，自2026年12月11日起停止实施\n自有品牌的相关措施。", "中方决定，自2026年12月11日起停止实施自有品牌的相关措施。"),
])
def test_a_break_inside_a_sentence_is_still_closed(text: str, want: str) -> None:
    assert _closed(text) == want


PAGE = Path(__file__).resolve().parents[1] / "data" / "corpus" / "open53" / "16-page-news-source-outside-container.html"
NEWS_URL = "https://www.mofcom.gov.cn/xwfb/xwfbfyrth/art/2026/art_0123456789abcdef0123456789abcdef.html"
META = '<meta name="ContentSource" content="商务部网站">'


@pytest.mark.parametrize(("meta", "read"), [
    (META, [("extend", ["MOFCOM-2025-21"], "2026-12-18")]),  # open53/16: 'other', the step missed, silently
    (META.replace("商务部网站", "商务部新闻办公室"), [("extend", ["MOFCOM-2025-21"], "2026-12-18")]),
    (META.replace("商务部网站", "新华社"), None),  # another's report: no notice, as before
    ("", None),  # no word of who wrote it (open: see par54's report)
])
def test_a_news_page_whose_source_line_is_outside_its_container_is_read_by_its_meta(meta: str, read: object) -> None:
    doc = parse_document(PAGE.read_text(encoding="utf-8").replace(META, meta).encode("utf-8"), url=NEWS_URL)
    got = None if doc.notice is None else [(a.action.value, [t.key for t in a.targets], a.effective)
                                            for a in doc.notice.actions]
    assert got == read
