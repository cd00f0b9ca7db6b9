"""Session 39's blind round on session 38's gates (qa39, tests/data/corpus/qa39/): rule37's and gate38's gates let
any sentence holding a decision word (决定, 宣布, 同意, 落实…共识) through, wherever the word stood and whoever said it, and
gate38's release gate read a step whose own clause was plain whatever the clauses before it or the words after its
object said. Each of these was read as the step (a false feed item): "关于中方决定自…起恢复实施…一事，目前尚无定论",
"中方决定自…起停止…相关措施的前提是，…", "…后，中方将决定…", "中方不同意…", "中方从没决定过…", "中方什么时候决定…",
"美国贸易代表办公室宣布，中方将…", "中美双方同意就…等问题保持沟通", "中方将在适当时机宣布…的具体安排", "…相关措施系误传",
"…一事纯系谣言", "…相关措施？没有这回事。"; and a decision the spokesperson announced in a press conference's opening
statement, before any question, was no notice (missed, exit 0)."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

RELEASE = "商务部新闻发言人就{topic}有关问题答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-20 18:00\n\n问：{q}\n答：{a}\n"
ECL21 = "4月4日公告（商务部公告2025年第21号）"
UEL7 = "4月4日公告（不可靠实体清单工作机制公告〔2025〕7号）"


def _steps(answer: str, topic: str = "中美经贸关系") -> list[tuple[str, str | None, str | None]]:
    text = RELEASE.format(topic=topic, q="请问中方对有关措施有何考虑？", a=answer)
    notice = parse_document(text.encode("utf-8")).notice
    assert notice is not None
    return [(a.action.value, a.effective, a.until and a.until.isoformat()) for a in notice.actions]


def _held(answer: str) -> str:
    with pytest.raises(UnusablePage) as refused:
        _steps(answer)
    assert refused.value.reason == "needs-review"
    return str(refused.value)


@pytest.mark.parametrize("answer", [
    # a decision word not the authority's, not said now, or asked (blind cases 01, 03, 04, 12, 14, 16, 17, 18, 19)
    f"关于中方决定自2026年12月1日起恢复实施{ECL21}相关措施一事，目前尚无定论。",
    f"美方撤销上述限制措施后，中方将决定自2026年12月1日起停止{ECL21}相关措施。",
    f"美方如能切实取消对中国企业的制裁，中方将决定自2026年12月1日起停止{ECL21}相关措施。",
    f"中方不同意自2026年12月15日起停止{ECL21}相关措施。上述措施将继续实施。",
    f"中方从没决定过自2026年12月1日起恢复实施{ECL21}相关措施。",
    f"中方什么时候决定自2026年12月1日起停止{ECL21}相关措施，取决于双方磋商的进展。",
    f"美国贸易代表办公室宣布，中方将自2026年12月1日起停止{ECL21}相关措施。中方注意到有关表态。",
    f"中美双方同意就自2026年12月1日起继续暂停{ECL21}相关措施等问题保持沟通。",
    f"中方将在适当时机宣布自2026年12月15日起恢复实施{UEL7}相关措施的具体安排。",
    # the step told as a noun or asked (02, 09, 10, 11)
    f"中方决定自2026年12月15日起停止{ECL21}相关措施的前提是，美方切实取消对中国企业的不合理限制。",
    f"中方自2026年12月1日起恢复实施{ECL21}相关措施系误传。中方有关安排没有变化。",
    f"中方将自2026年12月1日起停止{ECL21}相关措施一事纯系谣言，请以商务部发布的权威信息为准。",
    f"中方将自2026年12月1日起恢复实施{ECL21}相关措施？没有这回事。",
    # probes after reading the gates: a clause before the step's that reports it
    f"美方官员表示，中方将自2026年12月1日起停止{ECL21}相关措施。中方对此不予评论。",
    f"美方官员日前表示，自2026年12月1日起，中方将停止{ECL21}相关措施。",
    # a second probe: the decision word said after a report, a wish or advice of others
    f"据美国媒体报道，中方决定自2026年12月1日起恢复实施{ECL21}相关措施。这一报道不实。",
    f"媒体援引消息人士的话说，中方决定自2026年12月1日起恢复实施{ECL21}相关措施。对此，中方不予置评。",
    f"有美国智库建议，中方决定自2026年12月1日起停止{ECL21}相关措施。",
    f"美方希望，中方决定自2026年12月1日起停止{ECL21}相关措施。",
])
def test_a_step_no_decision_of_the_authority_takes_is_held(answer: str) -> None:
    assert "left out" in _held(answer)


@pytest.mark.parametrize("answer", [
    # a second probe: a later clause of the sentence denies the step (tense.CLAIMED_AFTER_RE)
    f"中方决定自2026年12月1日起恢复实施{ECL21}相关措施，这不是事实。",
    f"中方决定自2026年12月1日起恢复实施{ECL21}相关措施，目前看还言之过早。",
    # a probe above, "…。这一报道不实。": since session 40 the next sentence's subject (the step as talk,
    # tense.TALK_SUBJECT_RE) reads no step at all, where the gates held it
    f"有外媒报道，中方将自2026年12月1日起恢复实施{ECL21}相关措施。这一报道不实。",
])
def test_a_step_a_later_clause_denies_is_none(answer: str) -> None:
    text = RELEASE.format(topic="中美经贸关系", q="请问中方对有关措施有何考虑？", a=answer)
    notice = parse_document(text.encode("utf-8")).notice
    assert notice is None or notice.actions == ()


@pytest.mark.parametrize(("answer", "steps"), [
    # blind cases 20, 21, 22, 24, 25, 26: decisions told the ways releases tell them, after the 2026-11-10 lapse
    (f"为落实中美经贸磋商共识，中方决定自2026年12月10日起暂停实施{ECL21}相关措施至2027年12月10日。",
     [("suspend", "2026-12-10", "2027-12-10")]),
    (f"经中美双方协商一致，自2026年12月10日起，暂停实施{ECL21}相关措施，暂停期限至2027年6月10日。",
     [("suspend", "2026-12-10", "2027-06-10")]),
    (f"{ECL21}相关措施的暂停期限已于2026年11月10日届满。中方决定，自2026年12月1日起，停止上述公告相关措施。",
     [("lift", "2026-12-01", None)]),
    (f"中方希望美方珍惜来之不易的磋商成果，决定自2026年12月10日起暂停实施{ECL21}相关措施1年。",
     [("suspend", "2026-12-10", "2027-12-10")]),
    (f"鉴于美方已于2026年11月20日撤销对有关中国企业的限制措施，中方决定自2026年12月1日起停止{ECL21}相关措施。",
     [("lift", "2026-12-01", None)]),
    (f"根据双方磋商结果，中方同意自2026年12月10日起暂停实施{ECL21}相关措施6个月。",
     [("suspend", "2026-12-10", "2027-06-10")]),
    # the deciders joined, a comma inside an English name before the object's end, the term's end told first
    ("经审查，不可靠实体清单工作机制和商务部决定，自2027年1月1日起，停止实施商务部公告2025年第21号对赛博勒克斯公司"
     "（Cyberlux, Corp.）的相关措施。", [("lift", "2027-01-01", None)]),
    (f"{ECL21}相关措施的暂停期限于2026年11月10日届满后不再延长，自2026年12月1日起恢复实施。",
     [("restore", "2026-12-01", None)]),
    # the authority's own words before its decision
    (f"中方高度重视美方关切，决定自2026年12月10日起暂停实施{ECL21}相关措施1年。", [("suspend", "2026-12-10", "2027-12-10")]),
    (f"中方本着相互尊重的原则，决定自2026年12月10日起暂停实施{ECL21}相关措施1年。", [("suspend", "2026-12-10", "2027-12-10")]),
    (f"经中美双方友好协商，中方决定自2026年12月10日起暂停实施{ECL21}相关措施1年。", [("suspend", "2026-12-10", "2027-12-10")]),
])
def test_a_decision_told_plainly_is_read(answer: str, steps: list[tuple[str, str | None, str | None]]) -> None:
    assert _steps(answer, "出口管制管控名单") == steps


PRESSER = ("商务部例行新闻发布会（2026年12月3日）\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-03 16:30\n\n"
           "新闻发言人何亚东：各位记者朋友，下午好！首先，我发布一条消息。\n\n{opening}\n\n下面我愿意回答大家的提问。\n\n"
           "路透社记者：欧盟近日决定对中国电动汽车反补贴案进行复审，请问商务部有何评论？\n"
           "何亚东：中方注意到欧方有关决定。我们希望欧方同中方相向而行，通过对话协商妥善解决分歧。\n\n谢谢大家！\n")


def test_a_decision_in_a_press_conferences_opening_statement_is_read() -> None:
    """Blind case 27: announced before any question, it was no notice (exit 0), the suspension missed silently."""
    text = PRESSER.format(opening=f"我宣布，为落实中美经贸磋商共识，自2026年12月10日起，暂停实施{ECL21}相关措施1年。")
    notice = parse_document(text.encode("utf-8")).notice
    assert notice is not None
    assert [(a.action.value, a.targets[0].key, a.effective) for a in notice.actions] == \
        [("suspend", "MOFCOM-2025-21", "2026-12-10")]


def test_an_opening_statement_that_only_doubts_is_held() -> None:
    """The opening statement is judged as answers are: no decision word, held (rule37's gate)."""
    text = PRESSER.format(opening=f"近期，有外媒预计中方自2026年12月15日起恢复实施{ECL21}相关措施。中美双方经贸团队将继续保持沟通。")
    with pytest.raises(UnusablePage) as refused:
        parse_document(text.encode("utf-8"))
    assert refused.value.reason == "needs-review"
