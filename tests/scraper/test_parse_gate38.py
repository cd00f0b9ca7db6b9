"""Session 38 (gate38): in a formal release (答记者问, a spokesperson's statement) a step whose sentence holds no decision
word is held for a person when its clause says more before the verb than who or what takes it and from when
(``rules.checks.undecided_release_step``). A doubt wording no word list knows was a silent false item ("有外媒预计中方
自…起恢复实施…", qa38's open case); holding a true decision is loud. The real ways a decision is told stay read: the
measures, a notice or the entities as the subject, a plain lead-in, an item's number under "中方决定：", the day the
suspension ends."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

RELEASE = "商务部新闻发言人就{topic}有关问题答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-06 18:00\n\n问：{q}\n答：{a}\n"
ECL21 = "4月4日公告（商务部公告2025年第21号）"
UEL7 = "4月4日公告（不可靠实体清单工作机制公告〔2025〕7号）"
Q = "请问中方对有关措施有何考虑？"


def _text(answer: str) -> bytes:
    return RELEASE.format(topic="出口管制管控名单", q=Q, a=answer).encode("utf-8")


@pytest.mark.parametrize(("answer", "shown"), [
    (f"有外媒预计中方自2026年12月1日起恢复实施{ECL21}相关措施。", "有外媒预计中方自2026年12月1日起恢复实施"),
    (f"市场普遍预期中方自2026年12月1日起继续暂停{ECL21}相关措施1年。", "市场普遍预期中方自2026年12月1日起继续暂停"),
    (f"部分美国企业盼望中方自2026年12月1日起停止{ECL21}相关措施。", "部分美国企业盼望中方自2026年12月1日起停止"),
    (f"有智库推演中方自2026年12月1日起恢复实施{ECL21}相关措施。", "有智库推演中方自2026年12月1日起恢复实施"),
    (f"外界揣测中方自2026年12月1日起继续暂停{ECL21}相关措施1年。", "外界揣测中方自2026年12月1日起继续暂停"),
    (f"一些人炒作中方自2026年12月1日起恢复实施{ECL21}相关措施。", "一些人炒作中方自2026年12月1日起恢复实施"),
], ids=["yuji", "yuqi", "panwang", "tuiyan", "chuaice", "chaozuo"])
def test_a_release_step_told_by_others_is_held(answer: str, shown: str) -> None:
    with pytest.raises(UnusablePage) as refused:
        parse_document(_text(answer))
    assert refused.value.reason == "needs-review"
    assert f"says more than who takes it and when (\"{shown}" in str(refused.value)


@pytest.mark.parametrize(("answer", "steps"), [
    (f"{ECL21}相关措施的暂停期限于2026年11月10日届满。暂停期限届满后，上述措施自2026年11月11日起恢复实施。",
     [("restore", "2026-11-11")]),
    (f"经研究，{ECL21}相关措施的暂停期限于2026年11月10日届满后不再延长，自2026年11月11日起恢复实施。",
     [("restore", "2026-11-11")]),
    ("此外，自2026年11月11日起，商务部公告2025年第21号相关措施恢复实施。", [("restore", "2026-11-11")]),
    (f"自2026年11月10日起，继续暂停{UEL7}相关措施1年，但斯凯迪奥公司（Skydio Inc.）除外。"
     f"自2026年11月10日起，对上述1家实体恢复实施相关措施。", [("extend", "2026-11-10"), ("restore", "2026-11-10")]),
    (f"为落实中美经贸磋商共识，中方决定自2026年11月10日起：\n一、停止执行{ECL21}相关措施。\n二、继续暂停{UEL7}相关措施1年。",
     [("lift", "2026-11-10"), ("extend", "2026-11-10")]),
    (f"根据中美双方磋商共识，自2026年11月10日起，中方对{UEL7}相关措施继续暂停6个月；"
     "对3月4日公告（不可靠实体清单工作机制公告〔2025〕5号和6号）相关措施，停止执行。", None),
], ids=["shangshu-cuoshi", "jingyanjiu-jieman-hou", "ciwai-notice", "dui-shitai", "numbered", "zhongfang-dui-cuoshi"])
def test_a_release_decision_told_plainly_is_read(answer: str, steps: list[tuple[str, str]] | None) -> None:
    notice = parse_document(_text(answer)).notice
    assert notice is not None and notice.actions
    if steps is not None:
        assert [(a.action.value, a.effective) for a in notice.actions] == steps
