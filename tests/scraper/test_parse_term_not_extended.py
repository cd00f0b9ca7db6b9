""""中方决定，自…起，不再对…相关措施的暂停期限予以延长" (session 41, review42's open probe 1): the measures are back once the
suspension's term is not extended, but the answer read no action, only the quiet warning "no action found in the
answer" (exit 0): a restore missed silently. "不再对" takes the term no longer extended as its object, as it takes "…采取暂停
措施" (words.VERB_RE). Session 42 (actions42): where the authority gives the day (or the end of the suspension it told), the
restore is read from it (tests/scraper/test_parse_actions42.py); with neither, the answer is held for a person (loud)."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

UEL7 = "4月4日公告（不可靠实体清单工作机制公告〔2025〕7号）"
RELEASE = ("商务部新闻发言人就不可靠实体清单有关问题答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-02 18:00\n\n"
           "问：中方有何安排？\n答：{a}\n")


@pytest.mark.parametrize("answer", [
    "中方决定，不再对" + UEL7 + "相关措施的暂停期限予以延长。",
    "中方决定，不再对" + UEL7 + "相关措施的暂停实施期限进行延长。",
])
def test_a_term_no_longer_extended_with_no_day_is_no_quiet_nothing(answer: str) -> None:
    with pytest.raises(UnusablePage, match="needs-review"):
        parse_document(RELEASE.format(a=answer))


def test_a_term_no_longer_extended_from_a_day_is_the_restore_from_that_day() -> None:
    notice = parse_document(RELEASE.format(a="中方决定，自2026年12月30日起，不再对" + UEL7 + "相关措施的暂停期限予以延长。")).notice
    assert notice is not None
    assert [(a.action.value, a.targets[0].key, a.effective) for a in notice.actions] == [
        ("restore", "UEL-2025-7", "2026-12-30")]


def test_a_suspension_no_longer_taken_is_still_a_restore() -> None:
    notice = parse_document(RELEASE.format(a="中方决定，自2026年12月30日起，不再对" + UEL7 + "相关措施采取暂停措施。")).notice
    assert notice is not None
    assert [(a.action.value, a.effective) for a in notice.actions] == [("restore", "2026-12-30")]
