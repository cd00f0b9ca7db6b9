"""An answer deciding a step under a title that names no list (session 25, parse25): "商务部新闻发言人就出口管制许可有关问题
答记者问", the list named only in the question ("2025年4月4日被列入出口管制管控名单的16家美国实体"), the answer "中方决定，
自2026年12月20日起，停止执行对上述16家美国实体采取的出口管制措施". Its step was not read, and the Q&A was rejected as an
off-topic answer: the lift dropped without a word. Now "对上述16家…" takes the question's notice by date and count, and
an answer whose step still names no notice is kept so that its check refuses it for a person to read; a Q&A that
decides nothing stays no notice."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import DocumentKind, UnusablePage

HEAD = "来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-15 17:00\n\n商务部新闻发言人就出口管制许可有关问题答记者问\n"
Q = "问：请问中方对2025年4月4日被列入出口管制管控名单的16家美国实体有何新的考虑？\n"


def test_an_answer_deciding_a_step_it_names_no_notice_for_is_refused() -> None:
    with pytest.raises(UnusablePage) as raised:
        parse_document((HEAD + Q + "答：中方决定，自2026年12月20日起，停止执行对上述实体采取的出口管制措施。\n").encode("utf-8"))
    assert raised.value.reason == "needs-review"


def test_the_entities_the_question_counts_are_the_target() -> None:
    """"对上述16家美国实体" points to the question's "…被列入出口管制管控名单的16家美国实体": the lift is read."""
    doc = parse_document((HEAD + Q + "答：中方决定，自2026年12月20日起，停止执行对上述16家美国实体采取的出口管制措施。\n").encode("utf-8"))
    assert doc.notice is not None
    assert [(a.action.value, [(t.date and t.date.isoformat(), t.count) for t in a.targets], a.effective)
            for a in doc.notice.actions] == [("lift", [("2025-04-04", 16)], "2026-12-20")]


def test_an_answer_deciding_nothing_stays_no_notice() -> None:
    doc = parse_document((HEAD + Q + "答：出口经营者可以依法向商务部提出出口许可申请，商务部依法依规进行审查。\n").encode("utf-8"))
    assert doc.kind is DocumentKind.OTHER
