"""Decisions on earlier decrees that mfa21's blind round (session 21) found misread: the end of a suspension read as
a new one; a term extension, an order amending an order's list, an unread second clause and one period read for
two suspensions, each of which made a false item or missed one, now read clause by clause or refused for a person to read."""

from __future__ import annotations

from datetime import date

import pytest

from scraper.parse import parse_document
from storage.records import ActionKind, NoticeRecord, UnusablePage

HEAD = "关于暂停实施有关反制措施的决定\n2026-12-15 16:00\n\n（2026年12月15日中华人民共和国外交部令第42号公布，自2026年12月15日起施行）\n\n"
TAIL = "\n\n本决定自2026年12月15日起施行。\n\n外交部\n2026年12月15日\n"
BY = "依据《中华人民共和国反外国制裁法》第十五条规定，中方决定"
ORDER13 = "2024年10月10日《关于对美国军工企业及高级管理人员采取反制措施的决定》（外交部令第13号）"
ORDER15 = "2024年12月5日《关于对美国军工企业及高级管理人员采取反制措施的决定》（外交部令第15号）"


def parsed(body: str) -> NoticeRecord:
    rec = parse_document((HEAD + BY + body + TAIL).encode()).notice
    assert rec is not None
    return rec


@pytest.mark.parametrize("body", [
    f"自2026年12月16日起提前终止对{ORDER13}所列反制措施的暂停，恢复实施上述措施。",
    f"自2026年12月16日起结束上述暂停，恢复实施{ORDER13}所列反制措施。",
])
def test_ending_a_suspension_early_is_a_restore(body: str) -> None:
    """Before the fix: a suspension (a false 'Suspended' item, the listing shown suspended with no end)."""
    (action,) = parsed(body).actions
    assert action.action is ActionKind.RESTORE and action.until is None


@pytest.mark.parametrize("body", [
    f"将{ORDER13}所列反制措施的期限延长3年，至2030年1月6日。",
])
def test_decisions_read_only_in_part_are_for_a_person(body: str) -> None:
    with pytest.raises(UnusablePage) as caught:
        parsed(body)
    assert caught.value.reason == "needs-review"


def test_two_suspensions_with_periods_of_their_own_are_two_actions() -> None:
    """Before the fix: one suspension of both decrees until 2027-12-01 (No. 13's end false by six months)."""
    rec = parsed(f"自2026年12月16日起，暂停实施{ORDER13}所列反制措施6个月，暂停实施{ORDER15}所列反制措施1年。")
    assert [(a.action, [t.key for t in a.targets], a.until) for a in rec.actions] == [
        (ActionKind.SUSPEND, ["MFA-ORDER-2024-13"], date(2027, 6, 16)),
        (ActionKind.SUSPEND, ["MFA-ORDER-2024-15"], date(2027, 12, 16))]


def test_a_second_numbered_clause_on_another_decree_is_read() -> None:
    """Before the fix: clause 二 (No. 15's asset freeze) was never read: no item."""
    rec = parsed(f"：\n一、停止实施{ORDER13}中对斯凯迪奥公司（Skydio, Inc.）采取的反制措施；\n二、停止实施{ORDER15}中的冻结财产措施，"
                 "该决定规定的其他反制措施继续实施。")
    assert [(a.action, [t.key for t in a.targets], a.entities, a.measures) for a in rec.actions] == [
        (ActionKind.LIFT, ["MFA-ORDER-2024-13"], ("skydio",), ()),
        (ActionKind.LIFT_MEASURE, ["MFA-ORDER-2024-15"], (), ("asset_freeze",))]


@pytest.mark.parametrize("body", [
    f"将{ORDER13}所列反制措施的暂停期限延长1年。",
    f"自2026年12月16日起，暂停实施{ORDER13}和{ORDER15}所列反制措施1年。",
    f"停止实施{ORDER13}中对斯凯迪奥公司（Skydio, Inc.）采取的反制措施，以及{ORDER15}中对亚当·布赖（Adam Bry）采取的反制措施。",
])
def test_whole_readings_are_not_refused(body: str) -> None:
    assert parsed(body).actions


def test_an_annex_line_of_english_only_keeps_its_legal_form() -> None:
    """Before the fix: "Red Cat Holdings" (", Inc." a note) and "Teal Drones, Inc." typed a person, so the count check
    warned "parsed 3 targets, the decision states 4"."""
    text = (HEAD.replace("关于暂停实施有关反制措施的决定", "关于对美国无人机企业采取反制措施的决定") + "依据《中华人民共和国反外国制裁法》"
            "第三条、第四条、第五条、第六条、第九条、第十五条规定，中方决定对后附《反制清单》列明的2家美国企业采取以下反制措施：\n"
            "一、冻结其在中国境内的动产、不动产和其他各类财产；\n二、禁止中国境内的组织、个人与其进行交易、合作等活动。" + TAIL
            + "\n附件：反制清单\n\n（一）Red Cat Holdings, Inc.\n（二）Teal Drones, Inc.\n")
    rec = parse_document(text.encode()).notice
    assert rec is not None
    assert [(e.en, e.type) for e in rec.entities] == [("Red Cat Holdings, Inc.", "organization"),
                                                       ("Teal Drones, Inc.", "organization")]
    assert rec.stated_count == 2 and not rec.warnings
