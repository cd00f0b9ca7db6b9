"""Session 37's blind round on Q&As and press conferences (qa37, tests/data/corpus/qa37/): a warning after the answer's
own decision ("如美方违背共识，…中方将自动恢复实施…", 22) and a denial ("中方并未决定恢复实施…", 23) were each read as a
restore of the notice; "如美方…，则…" stays a condition refused for review (audit34/11)."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

ANSWER = "商务部新闻发言人就调整不可靠实体清单措施答记者问\n\n来源：商务部新闻办公室　类型：原创　分类：新闻　2026-11-07 17:00\n\n问：{q}\n\n答：{a}\n"
QUESTION = "请问中方对不可靠实体清单相关措施有何考虑？"
NOTICE = "4月4日公告（不可靠实体清单工作机制公告〔2025〕7号）"
EXTEND = f"为继续落实中美经贸磋商共识，中方决定自2026年11月10日起，继续暂停{NOTICE}相关措施1年。"


def _steps(text: str) -> list[tuple[str, str | None]]:
    notice = parse_document(text.encode("utf-8")).notice
    assert notice is not None
    return [(a.action.value, a.effective) for a in notice.actions]


@pytest.mark.parametrize("warning", [
    f"需要指出的是，如美方违背双方共识，对中国企业采取新的歧视性措施，中方将自动恢复实施{NOTICE}相关措施。",
    f"如外方采取损害中方利益的行为，中方将依法恢复实施{NOTICE}相关措施。",
    f"如对方违背共识，中方将停止暂停{NOTICE}相关措施。",
])
def test_a_warning_after_the_decision_is_no_step(warning: str) -> None:
    assert _steps(ANSWER.format(q=QUESTION, a=EXTEND + warning)) == [("extend", "2026-11-10")]


@pytest.mark.parametrize("denial", [
    f"中方并未决定恢复实施{NOTICE}相关措施。有关报道不实。",
    f"目前，中方并未恢复实施{NOTICE}相关措施。",
])
def test_a_denial_with_bingwei_is_no_step(denial: str) -> None:
    text = ANSWER.format(q="有报道称中方已决定恢复实施有关措施，是否属实？", a=denial).replace("调整", "")  # a title announcing
    notice = parse_document(text.encode("utf-8")).notice  # a change the answer does not read is refused (loud) anyway
    assert notice is None or not notice.actions


def test_a_decision_under_ru_meifang_ze_is_still_refused() -> None:
    answer = f"中方决定：如美方于2026年12月31日前撤销其有关措施，则自2027年1月1日起停止{NOTICE}相关措施。"
    with pytest.raises(UnusablePage) as refused:
        parse_document(ANSWER.format(q=QUESTION, a=answer).encode("utf-8"))
    assert refused.value.reason == "needs-review"


def test_a_decision_after_a_denial_in_its_own_clause_stands() -> None:
    answer = f"中方并未撤销此前的决定，决定自2026年11月10日起继续暂停{NOTICE}相关措施1年。"
    assert _steps(ANSWER.format(q=QUESTION, a=answer)) == [("extend", "2026-11-10")]


PRESSER = "商务部例行新闻发布会（2026年11月26日）\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-26 16:00\n\n路透社记者：{q}\n何亚东：{a}\n"
ECL21 = "4月4日公告（商务部公告2025年第21号）"


@pytest.mark.parametrize("answer", [
    # 28: a condition on the other side, "…的前提下"
    f"在美方撤销对中国企业的有关出口限制措施的前提下，中方将自2026年12月1日起停止{ECL21}相关措施。",
    # 29: the other side's demand
    f"美方要求中方自2026年12月1日起停止{ECL21}相关措施，中方对此不予评论。",
    "美方一再敦促中方自2026年12月1日起停止" + ECL21 + "相关措施。",
    # 30: a right kept
    f"中方保留自2026年12月1日起恢复实施{ECL21}相关措施的权利。",
])
def test_a_condition_a_demand_or_a_right_kept_is_no_step(answer: str) -> None:
    notice = parse_document(PRESSER.format(q="中方是否会调整对美国实体的出口管制措施？", a=answer).encode("utf-8")).notice
    assert notice is None or not notice.actions


def test_a_decision_in_the_clause_after_a_demand_stands() -> None:
    answer = f"美方要求中方停止{ECL21}相关措施，中方决定自2026年11月27日起继续暂停{ECL21}相关措施1年。"
    notice = parse_document(PRESSER.format(q="中方如何回应？", a=answer).encode("utf-8")).notice
    assert notice is not None
    assert [(a.action.value, a.effective) for a in notice.actions] == [("extend", "2026-11-27")]


QA = "商务部新闻发言人就出口管制管控名单有关措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-08 18:00\n\n问：{q}\n答：{a}\n"


@pytest.mark.parametrize("exception", [
    "，但不包括该公告所列的高点航空技术公司（High Point Aerotechnologies）。",  # 31: all 16 extended, silently
    "。上述安排不包括该公告所列的高点航空技术公司（High Point Aerotechnologies）。",
])
def test_a_step_not_including_a_named_entity_is_refused(exception: str) -> None:
    answer = f"中方决定自2026年11月10日起继续暂停{ECL21}相关措施1年" + exception
    with pytest.raises(UnusablePage) as refused:
        parse_document(QA.format(q="请问中方有何安排？", a=answer).encode("utf-8"))
    assert refused.value.reason == "needs-review"


# session 54 (par54): blind54's 7c7dc7b6 held these (an exception of contracts or licences, no entity), strict xfail in
# 81c239c7; an exception naming a company, an item or a count beside the contracts is still held (below).
@pytest.mark.parametrize("exception", ["，但不包括此前已经签订的合同", "，不含此前已获批准的许可", "，但不包括已经签订的合同和已经发放的许可"])
def test_not_including_licences_is_no_exception(exception: str) -> None:
    answer = f"中方决定自2026年11月10日起继续暂停{ECL21}相关措施1年{exception}。"
    notice = parse_document(QA.format(q="请问中方有何安排？", a=answer).encode("utf-8")).notice
    assert notice is not None and [a.action.value for a in notice.actions] == ["extend"]


@pytest.mark.parametrize("exception", ["，但不包括立方公司已经签订的合同", "，但不包括第4项所列实体的合同",
                                       "，但不包括2家实体此前已经签订的合同", "，但不包括该公告所列第4项的许可"])
def test_not_including_the_contracts_of_named_entities_is_still_refused(exception: str) -> None:
    answer = f"中方决定自2026年11月10日起继续暂停{ECL21}相关措施1年{exception}。"
    with pytest.raises(UnusablePage) as refused:
        parse_document(QA.format(q="请问中方有何安排？", a=answer).encode("utf-8"))
    assert refused.value.reason == "needs-review"


def test_an_arrangements_term_told_is_no_extension() -> None:
    # 32: the term of the arrangement was read as an extension beside the restore
    answer = (f"中方此前决定的继续暂停{ECL21}相关措施1年的安排将于2026年11月10日到期。经研究，中方决定届时不再延长，"
              "自2026年11月10日起恢复实施上述措施。")
    notice = parse_document(QA.format(q="请问中方有何安排？", a=answer).encode("utf-8")).notice
    assert notice is not None
    assert [(a.action.value, a.effective) for a in notice.actions] == [("restore", "2026-11-10")]


@pytest.mark.parametrize("answer", [
    f"这并不意味着中方将自2026年12月1日起停止{ECL21}相关措施。",  # 33
    f"关于自2026年12月1日起恢复实施{ECL21}相关措施的决定尚未作出。",  # 34
    f"自2026年12月1日起停止{ECL21}相关措施的可能性不大。",  # 35
    f"现在谈自2026年12月1日起恢复实施{ECL21}相关措施还为时尚早。",  # 36
    f"外界猜测中方将自2026年12月1日起恢复实施{ECL21}相关措施，这是没有根据的。",  # 37
])
def test_a_step_said_unlikely_undecided_or_guessed_is_no_step(answer: str) -> None:
    notice = parse_document(PRESSER.format(q="中方是否会调整对美国实体的出口管制措施？", a=answer).encode("utf-8")).notice
    assert notice is None or not notice.actions


def test_a_decision_not_to_restore_now_and_to_continue_keeps_the_continuation() -> None:
    # 38: 暂不 held the whole sentence: the extension was lost with the page, silently
    answer = f"中方决定暂不恢复实施{ECL21}相关措施，继续暂停上述措施至2027年5月10日。"
    notice = parse_document(PRESSER.format(q="中方如何安排？", a=answer).encode("utf-8")).notice
    assert notice is not None
    assert [(a.action.value, a.until.isoformat() if a.until else None) for a in notice.actions] == [("extend", "2027-05-10")]


def test_a_doubt_after_its_decision_word_still_holds_its_own_clause() -> None:
    answer = f"中方将在评估后决定是否自2026年12月1日起恢复实施{ECL21}相关措施。"
    notice = parse_document(PRESSER.format(q="中方如何安排？", a=answer).encode("utf-8")).notice
    assert notice is None or not notice.actions


@pytest.mark.parametrize("answer", [
    f"有分析认为中方将自2026年12月1日起停止{ECL21}相关措施，对此我不作评论。",  # 39
    f"网传中方将自2026年12月1日起恢复实施{ECL21}相关措施，请以官方发布为准。",  # 40
    f"一些美国企业呼吁中方自2026年12月1日起停止{ECL21}相关措施。",  # 41
    f"中方有可能自2026年12月1日起恢复实施{ECL21}相关措施。",  # 42
    f"中方或将自2026年12月1日起停止{ECL21}相关措施。",  # 43
    f"中方希望在双方共同努力下，自2026年12月1日起停止{ECL21}相关措施。",  # 44
    f"美国商会建议中方自2026年12月1日起停止{ECL21}相关措施。",  # 45
    f"据悉中方将自2026年12月1日起停止{ECL21}相关措施。",  # 46
    f"中方自2026年12月1日起恢复实施{ECL21}相关措施的条件尚不具备。",  # 47
    f"中方决定自2026年12月1日起恢复实施{ECL21}相关措施？这是误读。",  # 48
])
def test_an_opinion_a_rumour_a_call_or_a_possibility_is_no_step(answer: str) -> None:
    notice = parse_document(PRESSER.format(q="中方是否会调整对美国实体的出口管制措施？", a=answer).encode("utf-8")).notice
    assert notice is None or not notice.actions


def test_a_decision_after_a_view_in_its_own_clause_stands() -> None:
    answer = f"中方认为双方磋商取得积极进展，决定自2026年11月27日起继续暂停{ECL21}相关措施1年。"
    notice = parse_document(PRESSER.format(q="中方如何安排？", a=answer).encode("utf-8")).notice
    assert notice is not None
    assert [(a.action.value, a.effective) for a in notice.actions] == [("extend", "2026-11-27")]


# The general fault behind 22-48 (rule37): in a press conference's answer, a step is read only when its sentence says it
# is decided (决定, 宣布, 为落实…共识, 现将, 同意); a doubt, supposition or report no word list knows is held for a person.
@pytest.mark.parametrize(("answer", "shown"), [
    (f"中方会否自2026年12月1日起恢复实施{ECL21}相关措施，取决于美方的态度。", "中方会否自2026年12月1日起恢复实施"),
    # (qa38: "中方可能自…" is a doubt word now, NOT_NOW_RE: no step to hold; a report's forecast no list knows instead)
    (f"有外媒预计中方自2026年12月1日起恢复实施{ECL21}相关措施。", "有外媒预计中方自2026年12月1日起恢复实施"),
    (f"关于自2026年12月1日起停止{ECL21}相关措施的问题，双方工作团队正在保持沟通。", "关于自2026年12月1日起停止"),
    (f"有美国议员提议中方自2026年12月1日起停止{ECL21}相关措施。", "有美国议员提议中方自2026年12月1日起停止"),
], ids=["huifou", "yuji", "guanyu-wenti", "tiyi"])
def test_a_presser_step_without_a_decision_word_is_held(answer: str, shown: str) -> None:
    text = PRESSER.format(q="中方是否会调整对美国实体的出口管制措施？", a=answer)
    with pytest.raises(UnusablePage) as refused:
        parse_document(text.encode("utf-8"))
    assert refused.value.reason == "needs-review"
    assert f"no decision word in its sentence (\"{shown}" in str(refused.value)


@pytest.mark.parametrize("answer", [
    f"中方决定，自2026年11月27日起，继续暂停{ECL21}相关措施1年。",
    f"为落实中美经贸磋商共识，自2026年11月27日起，继续暂停{ECL21}相关措施1年。",
], ids=["jueding", "luoshi-gongshi"])
def test_a_presser_step_with_a_decision_word_is_read(answer: str) -> None:
    notice = parse_document(PRESSER.format(q="中方如何回应？", a=answer).encode("utf-8")).notice
    assert notice is not None
    assert [(a.action.value, a.effective) for a in notice.actions] == [("extend", "2026-11-27")]
