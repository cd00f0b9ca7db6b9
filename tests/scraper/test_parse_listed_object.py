"""A step on some of an earlier notice's entities written "对…所列甲公司等3家实体（名单见附件）的相关措施" (no 采取) is limited to
them (session 24, parse24): "恢复实施对商务部公告2025年第21号所列高点航空技术公司等3家实体（名单见附件）的相关措施" was read as a
restore of the whole of No. 21 (16 entities shown in force again for 3), with no warning; "（名单见附件）" was not known as
the annex's pointer."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

HEAD = "商务部公告2026年第91号 关于调整对部分美国实体出口管制措施的公告\n【发布文号】商务部公告2026年第91号\n【发文日期】2026年11月09日\n\n"
DECISION = ("根据《中华人民共和国出口管制法》等法律法规有关规定，商务部决定，自2026年11月11日起，恢复实施对商务部公告2025年第21号"
            "所列{obj}的相关措施。\n\n本公告自公布之日起正式实施。\n\n商务部\n2026年11月9日\n")
ANNEX = ("\n附件\n恢复实施相关措施的实体名单\n1. 高点航空技术公司（High Point Aerotechnologies）\n2. 内华达山脉公司（Sierra Nevada Corporation）\n"
         "3. 立方公司（Cubic Corporation）\n")


def _restores(obj: str, annex: str = "") -> list[tuple[str, list[str | None], tuple[str, ...]]]:
    doc = parse_document((HEAD + DECISION.format(obj=obj) + annex).encode("utf-8"))
    assert doc.notice is not None
    return [(a.action.value, [t.key for t in a.targets], a.entities) for a in doc.notice.actions]


def test_a_restore_of_an_annexs_entities_is_limited_to_them() -> None:
    assert _restores("高点航空技术公司等3家实体（名单见附件）", ANNEX) == [
        ("restore", ["MOFCOM-2025-21"], ("highpointaerotechnologies", "sierranevada", "cubic"))]


def test_a_restore_of_an_annexs_entities_with_the_annex_cut_is_refused() -> None:
    with pytest.raises(UnusablePage) as got:
        parse_document((HEAD + DECISION.format(obj="高点航空技术公司等3家实体（名单见附件）")).encode("utf-8"))
    assert got.value.reason == "needs-review"


def test_a_restore_of_a_notices_counted_entities_is_the_whole_notice() -> None:
    assert _restores("16家美国实体") == [("restore", ["MOFCOM-2025-21"], ())]


ANSWER = ("来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-20 19:20\n\n商务部新闻发言人就调整不可靠实体清单措施答记者问\n"
          "问：请问中方对有关实体有何安排？\n答：不可靠实体清单工作机制决定，自2026年11月20日起，对不可靠实体清单工作机制公告〔2025〕16号所列"
          "土卫一科技公司（Mimas Technologies Inc.）、土卫二航天公司（Enceladus Space LLC）等2家实体恢复实施相关处理措施；对土卫三雷达公司，"
          "继续暂停相关措施1年。\n")


def test_an_answer_restoring_two_named_and_extending_the_third() -> None:
    """engine24/05: the restore of the 2 named right before the verb ("所列A（a）、B（b）等2家实体恢复实施…") was read for the whole
    notice (the names lost), and "对C公司，继续暂停相关措施1年" was not read at all."""
    doc = parse_document(ANSWER.encode("utf-8"))
    assert doc.notice is not None
    assert [(a.action.value, [t.key for t in a.targets], a.effective, a.entities, a.extends_by)
            for a in doc.notice.actions] == [
        ("restore", ["UEL-2025-16"], "2026-11-20", ("mimastechnologies", "enceladusspace"), None),
        ("extend", ["UEL-2025-16"], "2026-11-20", ("土卫三雷达",), "P1Y")]
