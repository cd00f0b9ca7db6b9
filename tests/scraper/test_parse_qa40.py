"""Session 40's blind round on Q&As after the 2026-11-10 lapse (qa40, tests/data/corpus/qa40/): a denial in a later clause
whose subject is the step as talk ("…相关措施，这一消息不准确", "…相关措施，上述报道并无其事") was read as the step (a false
lift, a false extension); and a true decision followed by a clause holding 了 ("…暂停实施…相关措施1年，这体现了中方…的诚意")
was read as a step told as done: in a press conference or a statement, no action and exit 0 (a missed suspension)."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

ECL21 = "4月4日公告（商务部公告2025年第21号）"
UEL7 = "4月4日公告（不可靠实体清单工作机制公告〔2025〕7号）"
RELEASE = "商务部新闻发言人就{topic}有关问题答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-02 18:00\n\n问：{q}\n答：{a}\n"
STATEMENT = "商务部新闻发言人就出口管制管控名单相关措施发表谈话\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-03 18:00\n\n商务部新闻发言人表示，{a}\n"
PRESSER = ("商务部例行新闻发布会（2026年12月3日）\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-03 16:30\n\n"
           "新闻发言人何亚东：各位记者朋友，下午好！下面我愿意回答大家的提问。\n\n"
           "第一财经记者：请介绍今年前11个月我国货物贸易进出口情况。\n何亚东：今年前11个月，我国货物贸易进出口总值同比增长3.1%。\n\n"
           "路透社记者：4月4日公告相关措施的暂停期限已于11月10日届满，请问中方有何安排？\n何亚东：{a}\n\n"
           "新华社记者：世贸组织第十四届部长级会议筹备进展如何？\n何亚东：中方将继续积极参与筹备工作。\n\n谢谢大家！\n")


def _steps(template: str, answer: str) -> list[tuple[str, str, str | None, str | None]]:
    text = template.format(topic="中美经贸关系", q="请问中方对有关措施有何考虑？", a=answer)
    notice = parse_document(text.encode("utf-8")).notice
    if notice is None:
        return []
    return [(a.action.value, a.targets[0].key or "", a.effective, a.until and a.until.isoformat()) for a in notice.actions]


def _no_step(answer: str) -> None:
    """No step read: the release holds no action, or is refused for a person to read."""
    try:
        assert _steps(RELEASE, answer) == []
    except UnusablePage as refused:
        assert refused.reason == "needs-review"


@pytest.mark.parametrize("answer", [
    # blind cases 18, 19: a later clause's subject is the step, as talk (tense.TALK_SUBJECT_RE)
    f"中方自2026年12月1日起停止实施{ECL21}相关措施，这一消息不准确。目前相关措施正常实施。",
    f"中方将自2026年12月1日起继续暂停实施{UEL7}相关措施，上述报道并无其事。",
    f"中方将自2026年12月1日起停止实施{ECL21}相关措施，此种说法毫无道理。",
    f"中方将自2026年12月1日起停止实施{ECL21}相关措施，该传闻并不属实。",
    # ... whatever the clause says of it (no denial word any list holds)
    f"中方将自2026年12月1日起停止实施{ECL21}相关措施，这类猜测是一厢情愿。",
    f"中方将自2026年12月1日起继续暂停实施{UEL7}相关措施，上述消息我们从未听说。",
    f"中方将自2026年12月1日起恢复实施{ECL21}相关措施，该报道完全是一面之词。",
    # the next sentence opening so: the sentence before was the talk
    f"中方将自2026年12月1日起停止实施{ECL21}相关措施。这一消息不准确。",
    # bare "这" and the ways spokespersons deny (tense.CLAIMED_AFTER_RE, widened)
    f"中方将自2026年12月1日起停止实施{ECL21}相关措施，这是无稽之谈。",
    f"中方将自2026年12月1日起停止实施{ECL21}相关措施，这完全是凭空臆测。",
    f"中方将自2026年12月1日起停止实施{ECL21}相关措施，这没有依据。",
    f"中方将自2026年12月1日起停止实施{ECL21}相关措施，这无从谈起。",
    f"中方将自2026年12月1日起停止实施{ECL21}相关措施，并非如此。",
    f"中方将自2026年12月1日起停止实施{ECL21}相关措施，这纯属捏造。",
])
def test_a_step_a_later_clause_tells_as_talk_is_none(answer: str) -> None:
    _no_step(answer)


@pytest.mark.parametrize("answer", [
    # "这/此" after a true decision, with no noun of talk: the decision stands
    f"中方决定自2026年12月10日起停止实施{ECL21}相关措施，这说明中方言而有信。",
    f"中方决定自2026年12月10日起停止实施{ECL21}相关措施，此举有利于中美经贸关系稳定发展。",
    f"中方决定自2026年12月10日起停止实施{ECL21}相关措施，这是中方落实双方共识的具体举措。",
    # talk after a decision said before the verb: the decision stands
    f"中方决定自2026年12月10日起停止实施{ECL21}相关措施，这一消息已通报美方。",
    f"中方决定自2026年12月10日起停止实施{ECL21}相关措施。这一消息已通报美方。",
    # blind case 17: 了 in a later clause ("体现了") tells nothing of the step's own verb
    f"中方决定自2026年12月10日起停止实施{ECL21}相关措施，这体现了中方维护中美经贸关系稳定的诚意。",
])
def test_a_decision_with_a_later_clause_of_its_own_is_read(answer: str) -> None:
    assert _steps(RELEASE, answer) == [("lift", "MOFCOM-2025-21", "2026-12-10", None)]


@pytest.mark.parametrize("template", [PRESSER, STATEMENT])
@pytest.mark.parametrize("after", ["，这体现了中方维护中美经贸关系稳定的诚意。", "。这一消息已通报美方。"])
def test_a_decision_then_a_comment_is_read_in_a_press_conference_and_a_statement(template: str, after: str) -> None:
    """Blind case 17's answer where no title check holds it: on main no action, exit 0, the suspension missed; and a
    comment naming the news after the decision (a silent loss too, had talk after it held the step)."""
    answer = f"为落实中美经贸磋商共识，中方决定，自2026年12月10日起，暂停实施{ECL21}相关措施1年{after}"
    assert _steps(template, answer) == [("suspend", "MOFCOM-2025-21", "2026-12-10", "2027-12-10")]


def test_le_after_the_verb_in_its_own_clause_still_tells_a_step_done() -> None:
    """"暂停实施了…相关措施" is history, as before: the 了 in the verb's own clause (the English bracket's comma no end)."""
    text = STATEMENT.format(a=f"2025年11月，中方暂停实施了{ECL21}相关措施，目前上述暂停已经届满。")
    notice = parse_document(text.encode("utf-8")).notice
    assert notice is None or all(a.action.value != "suspend" for a in notice.actions)



@pytest.mark.parametrize(("answer", "steps"), [
    # qa39/28 (B): the decision word in the sentence before, a decision to adjust naming no step of its own
    (f"经研究，中方决定对4月4日公告相关措施作出调整。自2026年12月10日起，暂停实施{ECL21}相关措施，暂停期限为1年。",
     [("suspend", "MOFCOM-2025-21", "2026-12-10", "2027-12-10")]),
    (f"中方决定对有关措施作出如下调整。自2026年12月15日起，停止实施{UEL7}相关措施。",
     [("lift", "UEL-2025-7", "2026-12-15", None)]),
])
def test_a_press_conference_step_after_a_decision_to_adjust_is_read(answer: str, steps: list[tuple[str, str, str | None, str | None]]) -> None:
    assert _steps(PRESSER, answer) == steps


@pytest.mark.parametrize("answer", [
    # the sentence before decides a step of its own, doubts, or is not the authority's: the next sentence's step is held
    f"中方将决定是否对有关措施作出调整。自2026年12月15日起，停止实施{UEL7}相关措施。",
    f"美方希望，中方决定对有关措施作出调整。自2026年12月15日起，停止实施{UEL7}相关措施。",
    f"中方决定对有关措施作出调整。有外媒报道，自2026年12月15日起，停止实施{UEL7}相关措施。",
    f"中方决定对有关措施作出调整。自2026年12月15日起，停止实施{UEL7}相关措施的前提是美方取消相关限制。",
])
def test_a_press_conference_step_after_no_decision_of_the_authority_is_held(answer: str) -> None:
    with pytest.raises(UnusablePage) as refused:
        _steps(PRESSER, answer)
    assert refused.value.reason == "needs-review"


@pytest.mark.parametrize("after", ["，暂停期满后自动恢复实施。", "，期满后恢复实施。", "，暂停期限届满后，上述措施将按期恢复实施。"])
def test_a_restore_at_the_end_of_the_suspension_its_sentence_decides_comes_at_that_end(after: str) -> None:
    """A probe after the blind round: the restore was read from the suspension's own start (12-10), so the listing showed
    "in force" from the day its one-year suspension began (status, replay as of 2026-12-20), silently."""
    answer = f"中方决定，自2026年12月10日起，暂停实施{ECL21}相关措施1年{after}"
    assert _steps(RELEASE, answer) == [("suspend", "MOFCOM-2025-21", "2026-12-10", "2027-12-10"),
                                       ("restore", "MOFCOM-2025-21", "2027-12-11", None)]  # through 12-10 (lapse43)



def test_a_press_conference_decision_said_yijing_jueding_is_read() -> None:
    """A probe after the blind round: "中方已经决定，自…起，暂停实施…1年" (a start after the day) was held for a person as
    a step with no decision word (DECIDER_RE knew 已, not 已经)."""
    answer = f"中方已经决定，自2026年12月10日起，暂停实施{ECL21}相关措施1年。具体情况，请以商务部发布的公告为准。"
    assert _steps(PRESSER, answer) == [("suspend", "MOFCOM-2025-21", "2026-12-10", "2027-12-10")]


def test_a_press_conference_decision_yijing_told_from_a_past_day_is_no_step() -> None:
    """The same words telling a decision whose start is weeks past: a recount (tense.RECOUNT_RE), no step, as with 已."""
    answer = f"中方已经决定，自2026年11月10日起，暂停实施{ECL21}相关措施1年。"
    try:
        assert _steps(PRESSER, answer) == []
    except UnusablePage as refused:
        assert refused.reason == "needs-review"


@pytest.mark.parametrize("lead", [f"关于{ECL21}相关措施，", "作为回应，", "对于美方的关切，"])
def test_a_press_conference_decision_after_a_topic_clause_is_read(lead: str) -> None:
    """Probes after the blind round: a clause naming the topic before "中方决定" held the suspension for a person."""
    answer = f"{lead}中方决定自2026年12月10日起暂停实施{ECL21}相关措施1年。"
    assert _steps(PRESSER, answer) == [("suspend", "MOFCOM-2025-21", "2026-12-10", "2027-12-10")]


@pytest.mark.parametrize("lead", [f"关于{ECL21}相关措施，美方官员表示，", "对于美方的关切，据美国媒体报道，"])
def test_a_topic_clause_then_anothers_words_still_holds(lead: str) -> None:
    """The topic clause is accepted alone: a report or another's words after it still hold the step (qa39's gate)."""
    with pytest.raises(UnusablePage) as refused:
        _steps(PRESSER, f"{lead}中方决定自2026年12月10日起暂停实施{ECL21}相关措施1年。")
    assert refused.value.reason == "needs-review"
