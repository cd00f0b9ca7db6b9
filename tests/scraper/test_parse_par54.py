"""Session 54 (par54): session 53's regressions mended. A line break after a line ending a clause of its own ("…2家实体
除外", or before a line opening a new subject with a clause of its own: "对上述2家实体，…", "自2027年1月1日起，…", "经研究，…")
parts two sentences; open53's join (a break inside a sentence) is kept for the rest."""

from __future__ import annotations

import pytest

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

