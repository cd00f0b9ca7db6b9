"""A MOFCOM notice named again without its year ("第21号公告") after the text named it with its year (session 24,
parse24): before, no ref was read, so an answer extending "第21号公告相关措施" read no step and was refused as cut short."""

from __future__ import annotations

from scraper.parse import parse_document
from scraper.parse.number import find_references
from scraper.parse.textnorm import fold

ANSWER = ("来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-06 17:00\n\n商务部新闻发言人就调整出口管制管控名单措施答记者问\n"
          "问：请问中方在出口管制管控名单方面有何调整？\n答：2025年4月4日和4月9日，商务部分别发布商务部公告2025年第21号、第22号，"
          "将28家美国实体列入出口管制管控名单。其中，第22号公告相关措施已于2025年8月12日起停止执行，此次不涉及。为落实中美经贸磋商共识，"
          "中方决定，自2026年11月10日起，继续暂停实施第21号公告相关措施1年。\n")


def _keys(text: str) -> list[str | None]:
    return [r.key for _, _, r in find_references(fold(text), text)]


def test_a_notice_named_again_without_its_year() -> None:
    assert _keys("商务部公告2025年第21号、第22号……第22号公告已停止执行，继续暂停实施第21号公告相关措施") == \
        ["MOFCOM-2025-21", "MOFCOM-2025-22", "MOFCOM-2025-22", "MOFCOM-2025-21"]
    # never a guessed year: the number named with two years, or with none
    assert _keys("商务部公告2025年第21号和商务部公告2026年第21号……第21号公告") == ["MOFCOM-2025-21", "MOFCOM-2026-21"]
    assert _keys("继续暂停实施第21号公告相关措施") == []
    # "…2025年第55号、第56号公告" is one ref of two notices, no more
    assert _keys("暂停实施商务部公告2025年第55号、第56号公告") == ["MOFCOM-2025-55", "MOFCOM-2025-56"]


def test_an_answer_extending_a_notice_named_without_its_year() -> None:
    doc = parse_document(ANSWER.encode("utf-8"))
    assert doc.notice is not None
    assert [(a.action.value, [t.key for t in a.targets], a.effective, a.until and a.until.isoformat())
            for a in doc.notice.actions] == [("extend", ["MOFCOM-2025-21"], "2026-11-10", "2027-11-10")]
