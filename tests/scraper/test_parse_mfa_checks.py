"""MFA decisions and answers read only in part are refused for a person to read (scraper/parse/mfa/checks.py), and
whole readings are not. Pure: text in, the parse or its refusal out."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import ActionKind, UnusablePage
from tests.scraper.mfa_texts import HEAD, LAW, ORDER15, TAIL, suspending_decision

LIFT = "依据《中华人民共和国反外国制裁法》第十五条规定，中方决定"
ORDER13 = "2024年10月10日《关于对美国军工企业及高级管理人员采取反制措施的决定》（外交部令第13号）"


def test_a_suspension_of_one_measure_is_for_a_person_to_read() -> None:
    text = HEAD.format(title="关于暂停实施部分反制措施的决定", day="2026-11-25", cn="2026年11月25日", n=39) + LIFT + (
        f"自2026年11月25日起，暂停实施{ORDER13}中的禁止交易、合作措施，为期一年。") + TAIL.format(cn="2026年11月25日")
    with pytest.raises(UnusablePage) as caught:
        parse_document(text.encode())
    assert caught.value.reason == "needs-review"


def test_a_lift_of_different_measures_for_different_targets_is_for_a_person_to_read() -> None:
    body = (LIFT + f"停止实施{ORDER13}中对亚当·布赖（Adam Bry）采取的冻结财产措施，以及对汤姆·莫斯（Tom Moss）采取的不予签发签证、"
            "不准入境措施。该决定规定的其他反制措施继续实施。")
    text = HEAD.format(title="关于停止实施部分反制措施的决定", day="2026-11-25", cn="2026年11月25日", n=39) + body + TAIL.format(
        cn="2026年11月25日")
    with pytest.raises(UnusablePage) as caught:
        parse_document(text.encode())
    assert caught.value.reason == "needs-review"


def test_an_answer_deciding_countermeasures_with_no_decree_is_for_a_person_to_read() -> None:
    answer = ("2026年11月18日外交部发言人主持例行记者会\n2026-11-18 20:05\n\n问：美国国会众议员埃里克·桑德斯日前窜访台湾地区。中方对此有何回应？\n\n"
              "答：依据《中华人民共和国反外国制裁法》第四条、第五条、第六条、第九条、第十五条规定，中方决定对埃里克·桑德斯（Eric Sanders）"
              "采取以下反制措施：冻结其在我国境内的动产、不动产和其他各类财产；对其本人及直系亲属不予签发签证、不准入境。\n")
    with pytest.raises(UnusablePage) as caught:
        parse_document(answer.encode())
    assert caught.value.reason == "needs-review"
    # an answer recalling countermeasures taken before decides nothing new: no review
    recalled = answer.replace("中方决定对埃里克·桑德斯（Eric Sanders）采取以下反制措施", "中方已于上月依法对埃里克·桑德斯采取反制措施")
    rec = parse_document(recalled.encode()).notice
    assert rec is not None and rec.actions == ()


def test_a_mofcom_order_suspending_one_measure_is_for_a_person_to_read() -> None:
    text = ("商务部令2026年第5号 关于暂停实施部分反制措施的决定\n【发布单位】安全与管制局\n【发布文号】商务部令2026年第5号\n"
            "【发文日期】2026年11月20日\n\n商务部令\n2026年第5号\n\n《关于暂停实施部分反制措施的决定》已经2026年11月18日商务部第20次"
            "部务会议审议通过，现予公布，自公布之日起施行。\n\n部长　王文涛\n2026年11月20日\n\n关于暂停实施部分反制措施的决定\n\n"
            "根据《中华人民共和国反外国制裁法》等法律法规的有关规定，商务部决定自2026年11月20日起，暂停实施《关于对韩华海洋株式会社美国"
            "相关子公司采取反制措施的决定》（商务部令2025年第6号）中的{what}措施，为期一年。\n\n本决定自公布之日起施行。\n")
    with pytest.raises(UnusablePage) as caught:
        parse_document(text.format(what="禁止进出口").encode())
    assert caught.value.reason == "needs-review"
    rec = parse_document(text.format(what="相关").encode()).notice
    assert rec is not None and [a.action for a in rec.actions] == [ActionKind.SUSPEND]


@pytest.mark.parametrize("body", [
    f"将{ORDER13}所列反制措施的期限延长3年，至2030年1月6日。",
    # (read as an impose naming no one and no decree, the extension lost (review40), then held: read since session 50,
    # ``test_an_extension_of_a_whole_decree_told_object_first``)
])
def test_decisions_read_only_in_part_are_for_a_person(body: str) -> None:
    with pytest.raises(UnusablePage) as caught:
        suspending_decision(body)
    assert caught.value.reason == "needs-review"


def test_an_extension_of_a_whole_decree_told_object_first() -> None:
    """"将…（外交部令第13号）所列反制措施的暂停期限延长1年" (held until session 50, mfa50): an extension of all of No. 13 by a
    year from the running suspension's end; no entity (")所列" was one for a while)."""
    rec = suspending_decision(f"将{ORDER13}所列反制措施的暂停期限延长1年。")
    assert [(a.action, [t.key for t in a.targets], a.until, a.extends_by, a.entities) for a in rec.actions] == [
        (ActionKind.EXTEND, ["MFA-ORDER-2024-13"], None, "P1Y", ())]
    assert rec.entities == ()


@pytest.mark.parametrize("body", [
    f"自2026年12月16日起，暂停实施{ORDER13}和{ORDER15}所列反制措施1年。",
    f"停止实施{ORDER13}中对斯凯迪奥公司（Skydio, Inc.）采取的反制措施，以及{ORDER15}中对亚当·布赖（Adam Bry）采取的反制措施。",
])
def test_whole_readings_are_not_refused(body: str) -> None:
    assert suspending_decision(body).actions


def test_a_spokespersons_statement_deciding_sanctions_is_for_a_person() -> None:
    """Before the fix: an undated page of no kind with a list-less measure, ignored with a note (no health issue)."""
    text = ("外交部发言人宣布中方决定对菲律宾前参议员马科斯·德拉克鲁斯采取制裁措施\n2026-10-21 19:00\n\n　　外交部发言人宣布：\n\n"
            "　　菲律宾前参议员马科斯·德拉克鲁斯在涉华问题上长期采取错误言行，严重损害中国主权和利益。依据《中华人民共和国反外国制裁法》，"
            "中方决定对马科斯·德拉克鲁斯（Marcos dela Cruz）采取制裁措施，禁止其入境中国内地及香港、澳门特别行政区。\n")
    with pytest.raises(UnusablePage) as caught:
        parse_document(text.encode())
    assert caught.value.reason == "needs-review"



@pytest.mark.parametrize("clause", [
    "二、停止2027年1月8日《关于对美国洛克希德·马丁公司有关实体及高级管理人员采取反制措施的决定》中对蒂莫西·卡希尔（Timothy Cahill）采取的反制措施。",
    "（二）自2027年8月10日起，暂停2027年1月8日决定中对蒂莫西·卡希尔（Timothy Cahill）实施的反制措施，为期一年。",
], ids=["lift-by-title", "suspend-by-date"])
def test_a_decree_imposing_and_changing_an_earlier_decision_by_its_date_is_for_a_person_to_read(clause: str) -> None:
    """"一、对灰狼无人机公司（…）采取以下反制措施：…\\n二、停止2027年1月8日《…》中对蒂莫西·卡希尔（…）采取的反制措施。" (session 37,
    mfa37/17): read as the impose alone, the lift missed with no warning (no 外交部令 number named, so no check ran)."""
    body = (LAW + "中方决定：\n\n一、对灰狼无人机公司（Grey Wolf Drones, Inc.）采取以下反制措施：冻结其在我国境内的动产、不动产和其他各类财产；"
            "禁止我国境内的组织、个人与其进行有关交易、合作等活动。\n" + clause)
    text = HEAD.format(title="关于调整部分反制措施的决定", day="2027-08-05", cn="2027年8月5日", n=74) + body + TAIL.format(cn="2027年8月5日")
    with pytest.raises(UnusablePage) as caught:
        parse_document(text.encode())
    assert caught.value.reason == "needs-review"
    assert "acts on an earlier decision" in str(caught.value)
