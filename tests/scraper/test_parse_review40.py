"""Session 40's review of session 39's gates (review40): faults found by reading the code, each a false feed item."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

RELEASE = "商务部新闻发言人就{topic}有关问题答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-20 18:00\n\n问：{q}\n答：{a}\n"
ECL21 = "4月4日公告（商务部公告2025年第21号）"


def _steps(answer: str) -> list[tuple[str, str | None]]:
    text = RELEASE.format(topic="中美经贸关系", q="请问中方对有关措施有何考虑？", a=answer)
    notice = parse_document(text.encode("utf-8")).notice
    assert notice is not None
    return [(a.action.value, a.effective) for a in notice.actions]


@pytest.mark.parametrize("answer", [
    # a connective as a whole clause ("对此，"), then others' words before the decision word: OWN_GROUND_RE took "对此" for
    # a ground running up to the decision, and the lift was read (qa39's "美方希望，中方决定…" is held)
    f"对此，美方希望，中方决定自2026年12月1日起停止{ECL21}相关措施。",
    f"因此，美方希望，中方决定自2026年12月1日起停止{ECL21}相关措施。",
    f"为此，有美国智库建议，中方决定自2026年12月1日起停止{ECL21}相关措施。",
    f"据此，美方希望，中方决定自2026年12月1日起停止{ECL21}相关措施。",
])
def test_a_connective_clause_does_not_make_others_words_a_ground(answer: str) -> None:
    with pytest.raises(UnusablePage) as refused:
        _steps(answer)
    assert refused.value.reason == "needs-review"


@pytest.mark.parametrize("answer", [
    f"因此，中方决定自2026年12月1日起停止{ECL21}相关措施。",
    f"为此，中方决定自2026年12月1日起停止{ECL21}相关措施。",
    f"对此，中方高度重视，决定自2026年12月1日起停止{ECL21}相关措施。",
])
def test_a_connective_before_the_authoritys_decision_stays_read(answer: str) -> None:
    assert _steps(answer) == [("lift", "2026-12-01")]


USA_RARE_EARTH = "美国稀土公司（USA Rare Earth, Inc.）"


@pytest.mark.parametrize("answer", [
    # a removal told as a noun or asked: its object is a list, not 措施, 款 or a notice, and _told_as_noun judged nothing
    f"中方决定自2026年12月1日起将{USA_RARE_EARTH}移出不可靠实体清单一事纯系谣言。",
    f"中方决定自2026年12月1日起将{USA_RARE_EARTH}移出不可靠实体清单的前提是，美方取消对中国企业的限制。",
    f"中方决定将{USA_RARE_EARTH}移出不可靠实体清单？没有这回事。",
])
def test_a_removal_told_as_a_noun_is_held(answer: str) -> None:
    with pytest.raises(UnusablePage) as refused:
        _steps(answer)
    assert refused.value.reason == "needs-review"


@pytest.mark.parametrize("answer", [
    f"中方决定自2026年12月1日起将{USA_RARE_EARTH}移出不可靠实体清单。",
    f"商务部决定自2026年12月1日起将{USA_RARE_EARTH}移出出口管制管控名单。",
])
def test_a_removal_said_is_read(answer: str) -> None:
    assert _steps(answer) == [("remove", "2026-12-01")]


@pytest.mark.parametrize("answer", [
    # the other side's step in a later clause of the decision's sentence: read as a lift of the notice the answer
    # suspends (the sentence's 决定 deciding every verb in it)
    f"中方决定自2026年12月1日起暂停实施{ECL21}相关措施，美方也将取消对中国企业的限制。",
    f"中方决定自2026年12月1日起暂停实施{ECL21}相关措施，前提是美方取消对中国企业的限制。",
    f"中方决定自2026年12月1日起暂停实施{ECL21}相关措施，美方应取消有关限制。",
])
def test_the_other_sides_step_is_not_this_sides(answer: str) -> None:
    assert _steps(answer) == [("suspend", "2026-12-01")]


def test_this_sides_step_beside_the_other_sides_words_stays_read() -> None:
    assert _steps(f"中方决定自2026年12月1日起停止{ECL21}相关措施，美方对此表示欢迎。") == [("lift", "2026-12-01")]


MFA39 = Path(__file__).parents[1] / "data" / "corpus" / "mfa39"
APPLIED = ("中方决定将2029年3月18日外交部令第101号《关于对美国红石防务系统公司等4家军工企业采取反制措施的决定》规定的反制措施，适用于"
           "红石防务系统公司新设立的子公司红石海事系统公司（Redstone Maritime Systems LLC）、红石先进传感器公司（Redstone Advanced Sensors Inc.）。")
NO101 = "2029年3月18日外交部令第101号《关于对美国红石防务系统公司等4家军工企业采取反制措施的决定》规定的反制措施"
MARITIME = "红石海事系统公司（Redstone Maritime Systems LLC）"


def _decision(sentence: str) -> bytes:
    text = (MFA39 / "07-extend-to-new-subsidiaries-of-listed-company.txt").read_text(encoding="utf-8")
    assert APPLIED in text
    return text.replace(APPLIED, sentence).encode("utf-8")


@pytest.mark.parametrize("sentence", [
    # an earlier decision's measures applied in words _applied_amendment does not read: each was read as a new listing of
    # one "organization" named "2029年3月18日外交部令第101号《…》规定" (a false item), or of 美国红石防务系统公司 for "不再适用于"
    f"中方决定将{NO101}，适用于红石防务系统公司的高级管理人员。",
    f"中方决定将{NO101}，自2029年9月1日起适用于{MARITIME}。",
    f"中方决定将{NO101}中的冻结财产措施，适用于{MARITIME}。",
    f"中方决定，{NO101}，不再适用于{MARITIME}。",
    # read as joining No. 101 for good, the term lost
    f"中方决定将{NO101}，适用于{MARITIME}，为期一年。",
])
def test_measures_applied_in_words_not_read_are_held(sentence: str) -> None:
    with pytest.raises(UnusablePage) as refused:
        parse_document(_decision(sentence))
    assert refused.value.reason == "needs-review"


def test_measures_applied_as_read_stay_read() -> None:
    notice = parse_document(_decision(APPLIED)).notice
    assert notice is not None
    assert [(a.action.value, [t.key for t in a.targets]) for a in notice.actions] == [("impose", ["MFA-ORDER-2029-101"])]


@pytest.mark.parametrize(("sentence", "names"), [
    # two names, each with its English in brackets, joined by 和/及/与: one name "X（x）和Y" with Y's English, X lost
    (f"中方决定对{MARITIME}和红石先进传感器公司（Redstone Advanced Sensors Inc.）采取反制措施。",
     [("红石海事系统公司", "Redstone Maritime Systems LLC"), ("红石先进传感器公司", "Redstone Advanced Sensors Inc.")]),
    (f"中方决定将{NO101}，适用于{MARITIME}及红石先进传感器公司（Redstone Advanced Sensors Inc.）。",
     [("红石海事系统公司", "Redstone Maritime Systems LLC"), ("红石先进传感器公司", "Redstone Advanced Sensors Inc.")]),
    # a joiner inside a name stays in it; a person's family is no name
    ("中方决定对空间与防务系统公司（Space and Defense Systems Inc.）与红石先进传感器公司（Redstone Advanced Sensors Inc.）采取反制措施。",
     [("空间与防务系统公司", "Space and Defense Systems Inc."), ("红石先进传感器公司", "Redstone Advanced Sensors Inc.")]),
    ("中方决定对约翰·史密斯（John Smith）及其直系亲属采取反制措施。", [("约翰·史密斯", "John Smith")]),
])
def test_names_joined_after_their_brackets_are_each_read(sentence: str, names: list[tuple[str, str]]) -> None:
    notice = parse_document(_decision(sentence)).notice
    assert notice is not None
    assert [(e.zh, e.en) for e in notice.entities] == names


LIFT_103 = "中方决定停止实施2029年5月6日外交部令第103号所列反制措施"
FALCON = "猎鹰电子战系统公司（Falcon Electronic Warfare Systems Inc.）"


def _lift(sentence: str) -> bytes:
    text = (MFA39 / "30-lift-whole-except-next-sentence.txt").read_text(encoding="utf-8")
    first = f"{LIFT_103}。该决定所列{FALCON}不在此列。"
    assert first in text
    return text.replace(first, sentence).encode("utf-8")


@pytest.mark.parametrize("sentence", [
    # a lift of a whole decree, one target kept in words no list holds: read as a lift of the one kept (a false "lifted"),
    # or of a name made of the clause, or of all (the one kept too)
    f"{LIFT_103}，但对{FALCON}的措施维持不变。",
    f"{LIFT_103}，对{FALCON}采取的反制措施保持不变。",
    f"{LIFT_103}。对{FALCON}采取的反制措施依然有效。",
    f"{LIFT_103}，其中{FALCON}仍在反制清单上。",
    f"{LIFT_103}，继续对{FALCON}实施反制措施。",
    f"{LIFT_103}，对{FALCON}仍然适用。",
    f"中方决定停止实施2029年5月6日外交部令第103号对{FALCON}以外的其他企业采取的反制措施。",
])
def test_a_whole_decree_lifted_with_a_target_named_after_it_is_held(sentence: str) -> None:
    with pytest.raises(UnusablePage) as refused:
        parse_document(_lift(sentence))
    assert refused.value.reason == "needs-review"


@pytest.mark.parametrize(("sentence", "entities"), [
    (f"{LIFT_103}。", ()),
    (f"中方决定停止实施2029年5月6日外交部令第103号对{FALCON}采取的反制措施。", ("falconelectronicwarfaresystems",)),
])
def test_a_lift_of_a_whole_decree_or_of_named_targets_stays_read(sentence: str, entities: tuple[str, ...]) -> None:
    notice = parse_document(_lift(sentence)).notice
    assert notice is not None
    assert [(a.action.value, [t.key for t in a.targets], a.entities) for a in notice.actions] == \
        [("lift", ["MFA-ORDER-2029-103"], entities)]


AUDIT39 = Path(__file__).parents[1] / "data" / "corpus" / "audit39"
ECL_ITEM = "三、将上述企业列入出口管制管控名单，禁止向上述企业出口两用物项。"


@pytest.mark.parametrize(("item", "lists"), [
    # the 可 of 不可靠 before the listing verb read as "may": the order's UEL listing was lost, silently
    ("三、依据《不可靠实体清单规定》，将上述企业列入不可靠实体清单。", ["countermeasure", "uel"]),
    ("三、不可靠实体清单工作机制将上述企业列入不可靠实体清单。", ["countermeasure", "uel"]),
    ("三、商务部可以依法将上述企业列入出口管制管控名单。", ["countermeasure"]),  # weighed: no listing
])
def test_an_orders_listing_item_naming_the_unreliable_entity_list_is_read(item: str, lists: list[str]) -> None:
    text = (AUDIT39 / "11-order-afsl-taiwan-arms-three-firms-also-ecl.txt").read_text(encoding="utf-8")
    assert ECL_ITEM in text
    notice = parse_document(text.replace(ECL_ITEM, item).encode("utf-8")).notice
    assert notice is not None
    assert [(a.action.value, a.list and a.list.value) for a in notice.actions] == [("impose", k) for k in lists]


@pytest.mark.parametrize("answer", [
    # the other side's condition, its subject before 如: the restore under it was read, decided by the sentence's 决定
    f"商务部决定，自2026年12月1日起，暂停实施{ECL21}相关措施1年；对方如违背共识，中方将恢复实施上述措施。",
    f"商务部决定，自2026年12月1日起，暂停实施{ECL21}相关措施1年；美方如再次对中国企业加征关税，中方将恢复实施上述措施。",
])
def test_a_step_under_the_other_sides_condition_is_not_taken(answer: str) -> None:
    assert _steps(answer) == [("suspend", "2026-12-01")]


@pytest.mark.parametrize("sentence", [
    # a removal (移除 is no status verb) or an extension, read as a new impose on the one named: a false "Imposed" item
    f"中方决定将{FALCON}从反制清单中移除。",
    f"中方决定，对{FALCON}采取的反制措施自2030年9月1日起延长一年。",
])
def test_a_decision_removing_or_extending_is_no_new_listing(sentence: str) -> None:
    with pytest.raises(UnusablePage) as refused:
        parse_document(_lift(sentence))
    assert refused.value.reason == "needs-review"


def test_a_new_listing_stays_read() -> None:
    notice = parse_document(_lift(f"中方决定对{FALCON}采取反制措施。")).notice
    assert notice is not None
    assert [a.action.value for a in notice.actions] == ["impose"]


def test_an_extension_of_a_decrees_suspension_is_no_listing_of_nobody() -> None:
    """Read as an impose naming no one once (e48148f0 held it); since mfa50's c377573d, the extension it is."""
    notice = parse_document(_lift("中方决定将2029年5月6日外交部令第103号所列反制措施的暂停期限延长1年。")).notice
    assert notice is not None
    assert [(a.action.value, [t.key for t in a.targets], a.extends_by) for a in notice.actions] == [
        ("extend", ["MFA-ORDER-2029-103"], "P1Y")]


def test_measures_applied_in_a_sentence_after_the_decision_are_held() -> None:
    """The second sentence's target was missed, silently: the decision read as a listing of the first alone."""
    sentence = (f"中方决定对{MARITIME}采取反制措施。{NO101}同样适用于红石先进传感器公司（Redstone Advanced Sensors Inc.）。")
    with pytest.raises(UnusablePage) as refused:
        parse_document(_decision(sentence))
    assert refused.value.reason == "needs-review"


def test_measures_ended_with_the_verb_last_are_no_new_listing() -> None:
    with pytest.raises(UnusablePage) as refused:
        parse_document(_lift(f"中方决定，对{FALCON}采取的反制措施自即日起终止。"))
    assert refused.value.reason == "needs-review"
