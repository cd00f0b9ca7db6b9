"""An MFA decision amending an earlier decision's list (关于修改《…》的决定: "在《反制清单》…中增加：" / "…中删除："), parsed and
derived.

Before session 16 the parser refused such a decision as cut short ("refers to an annex (反制清单) it does not hold"): the
additions were missed, and a false health alarm raised. Now it is the action it is: an impose of the lines it adds,
whose target is the decision amended (they join its list: a later suspension or lift of that decision covers them),
and a removal of the lines it deletes from that list. An amended decision the engine cannot match to a stored one
is an unresolved reference, loudly; the additions still stand under the amendment's own key.

Order No. 13 of 2024 is the official page in fixtures/; the amendments, suspensions and the persons added are written
for these tests in the MFA's wording (the session 15 audit's composed case 11): numbers, dates, names and pairings are
illustrative, not facts about real decisions."""

from __future__ import annotations

from datetime import date

from scraper.parse import parse_document, parse_text
from storage.records import ActionKind, ListingState, NoticeRecord, UnusablePage
from tests.storage.test_lifecycle_yearless_orders import (
    IN_FORCE_4_2022,
    IN_FORCE_4_2023,
    IN_FORCE_13,
    derived,
    states,
    unresolved,
)

AMEND = """关于修改《关于对美国军工企业及高级管理人员采取反制措施的决定》的决定
2025-01-06 16:00

（2025年1月6日中华人民共和国外交部令第17号公布，自2025年1月6日起施行）

依据《中华人民共和国反外国制裁法》第三条、第四条、第五条、第六条、第九条、第十五条规定，中方决定对{ref}作如下修改：

{changes}
本决定自2025年1月6日起施行。

外交部
2025年1月6日
"""
REF_13 = "2024年10月10日《关于对美国军工企业及高级管理人员采取反制措施的决定》（外交部令第13号）"
ADD = ("在《反制清单》“二、高级管理人员”中增加：\n（十一）马克·米勒（Mark Miller），男，英西图公司首席运营官\n"
       "（十二）凯瑟琳·沃德（Katherine Ward），女，海洋工程国际公司高级副总裁\n")
ADDED = ("markmiller", "katherineward")
SUSPEND = """关于暂停实施部分反制措施的决定
2025-11-10 09:00

（2025年11月10日中华人民共和国外交部令第18号公布，自2025年11月10日起施行）

中方决定自2025年11月10日起，暂停实施《关于对美国军工企业及高级管理人员采取反制措施的决定》（外交部令第13号）相关措施1年。

本决定自2025年11月10日起施行。

外交部
2025年11月10日
"""


def amendment(ref: str = REF_13, changes: str = ADD) -> NoticeRecord:
    rec = parse_document(AMEND.format(ref=ref, changes=changes).encode("utf-8")).notice
    assert rec is not None
    return rec


def test_an_amendment_adding_persons_is_read_as_an_impose_on_the_decision_it_amends() -> None:
    rec = amendment()
    assert (rec.key, rec.warnings, rec.stated_count) == ("MFA-ORDER-2025-17", (), None)
    assert [(e.n, e.zh, e.en, e.country, e.type, e.note) for e in rec.entities] == [
        (11, "马克·米勒", "Mark Miller", "US", "individual", "英西图公司首席运营官"),
        (12, "凯瑟琳·沃德", "Katherine Ward", "US", "individual", "海洋工程国际公司高级副总裁")]
    [action] = rec.actions
    assert (action.action, action.effective, [(t.key, t.date) for t in action.targets]) == (
        ActionKind.IMPOSE, "2025-01-06", [("MFA-ORDER-2024-13", date(2024, 10, 10))])


def test_the_additions_are_in_force_and_follow_the_amended_decision() -> None:
    d = derived(amendment())
    assert d.problems == () and unresolved(d) == []
    added = ("MFA-ORDER-2025-17", ListingState.IN_FORCE, date(2025, 1, 6), "MFA-ORDER-2025-17", ADDED)
    assert states(d) == [IN_FORCE_4_2022, IN_FORCE_4_2023, IN_FORCE_13, added]
    # a later suspension of Order No. 13 suspends what was added to its list too
    d = derived(amendment(), parse_text(SUSPEND), as_of=date(2026, 1, 1))
    assert d.problems == ()
    assert [(k, s, since, by) for k, s, since, by, _ in states(d)][2:] == [
        ("MFA-ORDER-2024-13", ListingState.SUSPENDED, date(2025, 11, 10), "MFA-ORDER-2025-18"),
        ("MFA-ORDER-2025-17", ListingState.SUSPENDED, date(2025, 11, 10), "MFA-ORDER-2025-18")]


def test_a_lift_naming_an_added_person_under_the_amended_decision_finds_him() -> None:
    lift = SUSPEND.replace("暂停实施", "停止实施").replace("相关措施1年", "中对马克·米勒（Mark Miller）采取的反制措施")
    d = derived(amendment(), parse_text(lift))
    assert d.problems == () and unresolved(d) == []
    assert [(r.notice_key, r.state, r.entity_keys) for r in d.states if r.notice_key == "MFA-ORDER-2025-17"] == [
        ("MFA-ORDER-2025-17", ListingState.LIFTED, ("markmiller",)),
        ("MFA-ORDER-2025-17", ListingState.IN_FORCE, ("katherineward",))]
    # the amendment naming Order No. 13 without its date too (its year found by storage/yearless.py)
    yearless = amendment(REF_13.replace("2024年10月10日", ""))
    assert [(t.key, t.number) for t in yearless.actions[0].targets] == [(None, 13)]
    d = derived(yearless, parse_text(lift))
    assert d.problems == () and unresolved(d) == []
    assert [r.state for r in d.states if r.notice_key == "MFA-ORDER-2025-17"] == [ListingState.LIFTED, ListingState.IN_FORCE]


def test_an_amended_decision_not_stored_is_unresolved_loudly_and_the_additions_stand() -> None:
    rec = amendment(REF_13.replace("第13号", "第15号"))
    assert rec.actions[0].targets[0].key == "MFA-ORDER-2024-15"
    d = derived(rec)
    why = ('reference to MFA-ORDER-2024-15 ("外交部令第15号"), which is not stored: the number\'s column, '
           "www.mfa.gov.cn/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/, lists no such row")  # where to look (K7)
    assert d.problems == (f"MFA-ORDER-2025-17: {why}",)
    assert [summary for _, summary in unresolved(d)] == [
        f'MFA-ORDER-2025-17 (外交部令第17号) says to impose the measures of "外交部令第15号" from 2025-01-06, but its {why}. '
        "No state was changed; this needs review."]
    assert states(d)[-1] == ("MFA-ORDER-2025-17", ListingState.IN_FORCE, date(2025, 1, 6), "MFA-ORDER-2025-17", ADDED)


def test_an_amendment_deleting_a_line_removes_it_from_the_amended_list() -> None:
    rec = amendment(changes="在《反制清单》“一、企业”中删除：\n（三）斯凯迪奥公司（Skydio Inc.）\n")
    [action] = rec.actions
    assert (action.action, action.entities, [t.key for t in action.targets]) == (
        ActionKind.REMOVE, ("skydio",), ["MFA-ORDER-2024-13"])
    d = derived(rec)
    assert d.problems == ()
    assert [(r.state, r.by, r.entity_keys) for r in d.states if r.notice_key == "MFA-ORDER-2024-13"] == [
        (ListingState.IN_FORCE, "MFA-ORDER-2024-13", tuple(k for k in IN_FORCE_13[4] if k != "skydio")),
        (ListingState.REMOVED, "MFA-ORDER-2025-17", ("skydio",))]


def test_an_amendment_naming_no_earlier_decision_says_so() -> None:
    rec = amendment(ref="有关决定")
    assert rec.warnings == ("the amendment names no earlier decision it amends",)
    assert [e.en for e in rec.entities] == ["Mark Miller", "Katherine Ward"]


def test_an_amendment_cut_after_its_instruction_is_cut_short() -> None:
    text = AMEND.format(ref=REF_13, changes=ADD)
    try:
        parse_document(text[: text.index("（十一）")].encode("utf-8"))
    except UnusablePage as err:
        assert (err.reason, err.detail) == ("cut-short", "the decision names no target: cut short")
    else:
        raise AssertionError("a cut amendment was read")


def test_an_inline_deletion_and_a_mixed_amendment() -> None:
    inline = amendment(changes="将《反制清单》“一、企业”中的“（三）斯凯迪奥公司（Skydio Inc.）”删除。\n")
    assert [(a.action, a.entities, [t.key for t in a.targets]) for a in inline.actions] == [
        (ActionKind.REMOVE, ("skydio",), ["MFA-ORDER-2024-13"])]
    mixed = amendment(changes="一、" + ADD + "二、在《反制清单》“二、高级管理人员”中删除：\n"
                      "（十）汤姆·莫斯（Tom Moss），男，斯凯迪奥公司亚太区总经理\n")
    # both parts are its entities (session 17): the impose names the additions, the listing it makes holds them alone
    assert [(a.action, a.entities) for a in mixed.actions] == [(ActionKind.IMPOSE, ADDED), (ActionKind.REMOVE, ("tommoss",))]
    assert [(e.n, e.key) for e in mixed.entities] == [(11, "markmiller"), (12, "katherineward"), (10, "tommoss")]
    d = derived(mixed)
    assert d.problems == ()
    assert [(r.notice_key, r.state, r.entity_keys) for r in d.states][-2:] == [
        ("MFA-ORDER-2024-13", ListingState.REMOVED, ("tommoss",)),
        ("MFA-ORDER-2025-17", ListingState.IN_FORCE, ADDED)]


def test_counts_the_instructions_state_are_checked_against_both_parts() -> None:
    """Session 17: an amendment's counts ("增加以下2名人员：") were not checked; the notice states none."""
    changes = ("一、在《反制清单》“二、高级管理人员”中增加以下2名人员：\n（十一）马克·米勒（Mark Miller），男，英西图公司首席运营官\n"
               "（十二）凯瑟琳·沃德（Katherine Ward），女，海洋工程国际公司高级副总裁\n"
               "二、在《反制清单》“二、高级管理人员”中删除以下1名人员：\n（十）汤姆·莫斯（Tom Moss），男，斯凯迪奥公司亚太区总经理\n")
    rec = amendment(changes=changes)
    assert (rec.stated_count, len(rec.entities), rec.warnings) == (3, 3, ())
    short = amendment(changes=changes.replace("以下1名", "以下2名"))
    assert (short.stated_count, short.warnings) == (4, ("parsed 1 targets the amendment deletes, it states 2",))


def test_each_verb_of_one_line_takes_its_own_lines_and_section() -> None:
    """Session 17: "…中删除“X”，增加“Y”" removed both (Y never on the list: a problem, and Y never listed)."""
    rec = amendment(changes="将《反制清单》“一、企业”中的“（三）斯凯迪奥公司（Skydio Inc.）”删除，在“二、高级管理人员”中增加"
                            "“（十一）马克·米勒（Mark Miller）”。\n")
    assert [(a.action, a.entities) for a in rec.actions] == [
        (ActionKind.IMPOSE, ("markmiller",)), (ActionKind.REMOVE, ("skydio",))]
    assert [(e.n, e.key, e.type) for e in rec.entities] == [(11, "markmiller", "individual"), (3, "skydio", "organization")]
    d = derived(rec)
    assert d.problems == ()
    assert [(r.notice_key, r.state, r.entity_keys) for r in d.states][-2:] == [
        ("MFA-ORDER-2024-13", ListingState.REMOVED, ("skydio",)),
        ("MFA-ORDER-2025-17", ListingState.IN_FORCE, ("markmiller",))]
