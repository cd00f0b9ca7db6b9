"""order52 (session 52): MOFCOM Orders (商务部令) and the suspension of Order 2025 No. 6, through the real parser.

- "商务部令2025年第7号规定的暂停实施商务部令2025年第6号有关措施的期限延长1年，自…起至…" (blind49/15): held for a person
  ("changes the term of an earlier decision"); the same form in a numbered announcement ("商务部公告2025年第72号规定的暂停实施
  商务部公告2024年第46号第二款的期限延长1年，自2026年11月28日起至2027年11月27日") was read as the title's extension from the
  notice's own day with no end: clause 2 suspended for good, silently (A). The bare "的期限延长" before an end or a period is
  the verb now, where its clause names the suspension as a noun ("的暂停") and holds no verb before it; the order that set
  the suspension (named before "规定的暂停") is not a target (``actions.targets._not_grounds``).
"""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage
from tests.scraper.test_parse_fix60 import QA, Step, _held, _steps

ORDER = ("商务部令2026年第6号 关于延长暂停实施商务部令2025年第6号有关措施期限的决定\n【发布单位】安全与管制局\n"
         "【发布文号】商务部令2026年第6号\n【发文日期】2026年11月07日\n\n商务部令\n2026年第6号\n\n{a}\n\n本决定自公布之日起施行。\n\n"
         "部长 王文涛\n2026年11月7日\n")
NOTICE = ("商务部公告2026年第95号 关于延长暂停实施商务部公告2024年第46号第二款期限的公告\n【发布单位】安全与管制局\n"
          "【发布文号】商务部公告2026年第95号\n【发文日期】2026年11月25日\n\n{a}\n本公告自公布之日起实施。\n\n商务部\n2026年11月25日\n")
O6, O7, N46 = "MOFCOM-ORDER-2025-6", "MOFCOM-ORDER-2025-7", "MOFCOM-2024-46"
BY_SEVEN = "商务部决定，商务部令2025年第7号规定的暂停实施商务部令2025年第6号有关措施的期限"

EXTENDED_ORDERS: list[tuple[str, list[Step]]] = [
    (f"{BY_SEVEN}延长1年，自2026年11月11日起至2027年11月10日。", [("extend", [O6], "2026-11-11", "2027-11-10")]),
    (f"{BY_SEVEN}延长至2027年11月10日。", [("extend", [O6], "2026-11-07", "2027-11-10")]),
    (f"{BY_SEVEN}延长6个月，自2026年11月11日起至2027年5月10日。", [("extend", [O6], "2026-11-11", "2027-05-10")]),
]


@pytest.mark.parametrize(("a", "want"), EXTENDED_ORDERS)
def test_an_order_extending_the_suspension_another_order_set_extends_the_suspended_order(a: str, want: list[Step]) -> None:
    steps = _steps(ORDER.format(a=a))
    assert steps == want
    assert all(O7 not in targets for _, targets, _, _ in steps)  # the suspending order is no target


def test_an_announcement_extending_a_term_by_a_period_reads_the_end_not_the_title_alone() -> None:
    a = ("商务部决定，商务部公告2025年第72号规定的暂停实施商务部公告2024年第46号第二款的期限延长1年，"
         "自2026年11月28日起至2027年11月27日。")
    assert _steps(NOTICE.format(a=a)) == [("extend", [N46], "2026-11-28", "2027-11-27")]


def test_a_term_of_the_measures_lengthened_is_no_extension_of_a_suspension() -> None:
    a = "商务部决定，商务部令2027年第3号规定的反制措施的期限延长3年，自2027年8月1日起至2030年7月31日。"
    assert "changes the term of an earlier decision" in _held(ORDER.format(a=a))


def test_a_suspension_verb_before_the_term_stays_one_step() -> None:
    """"对…第21号暂停实施相关措施的期限延长至…" (qa42/03): 暂停实施 is the verb, with its end; the 延长 after it is not another."""
    a = "经研究，中方决定，自2026年11月10日起，对商务部公告2025年第21号暂停实施相关措施的期限延长至2027年11月10日。"
    assert _steps(QA.format(a=a)) == [("suspend", ["MOFCOM-2025-21"], "2026-11-10", "2027-11-10")]


def test_an_answer_recounting_the_extension_before_a_lift_reads_no_extension() -> None:
    """The extension told as history in the answer's sentence before its decision is no step of its own."""
    a = ("2026年11月25日，商务部公告2026年第95号规定，商务部公告2025年第72号规定的暂停实施商务部公告2024年第46号第二款的期限"
         "延长1年。现决定，自2027年5月1日起，恢复实施商务部公告2024年第46号第二款。")
    raw = NOTICE.replace("2026年第95号", "2027年第30号").replace("2026年11月25日", "2027年04月20日", 1).replace(
        "关于延长暂停实施商务部公告2024年第46号第二款期限的公告", "关于恢复实施商务部公告2024年第46号第二款的公告").format(a=a)
    assert [s[0] for s in _steps(raw)] == ["restore"]


def test_an_mfa_decree_s_suspension_term_is_left_to_the_mfa_reader() -> None:
    """"外交部令…第408号规定的暂停对外交部令…第401号相关措施的期限延长至…" as a bare text (the parser guard's literal of
    test_parse_mfa50): the ministry's references key "令2042年第401号" as a MOFCOM order; no step is read of it here."""
    text = "中方决定，外交部令2042年第408号规定的暂停对外交部令2042年第401号相关措施的期限延长至2043年12月31日。"
    doc = parse_document(text.encode("utf-8"))
    assert doc.notice is None or not doc.notice.actions


def test_a_period_no_step_read_beside_the_title_s_extension_is_held() -> None:
    """"商务部令2025年第7号有效期延长1年": the body read as nothing, the title's extension of No. 6 with no end, silently."""
    assert "a period no step read" in _held(ORDER.format(a="商务部决定，商务部令2025年第7号有效期延长1年。"))


def test_a_period_no_step_read_beside_an_announcement_title_s_extension_is_held() -> None:
    a = "商务部决定，商务部公告2025年第72号有效期延长1年。"
    assert "a period no step read" in _held(NOTICE.format(a=a))


OTHER_AUTHORITY_NUMBERS = [
    "中方决定，国务院关税税则委员会公告2025年第8号规定的暂停加征24%关税的期限延长1年，自2026年11月10日起。",
    "中方决定，自2026年11月10日起，国务院关税税则委员会公告2025年第8号规定的暂停加征24%关税的措施继续暂停1年。",
    "中方决定，自2026年11月10日起，继续暂停实施海关总署公告2025年第8号1年。",
]


@pytest.mark.parametrize("a", OTHER_AUTHORITY_NUMBERS)
def test_another_authority_s_notice_number_is_no_mofcom_key(a: str) -> None:
    """"国务院关税税则委员会公告2025年第8号…的期限延长1年" was read as an extension of MOFCOM-2025-8 (a tariff suspension)."""
    try:
        record = parse_document(QA.format(a=a).encode("utf-8")).notice
    except UnusablePage:
        return  # held: loud
    assert record is None or all(t.key != "MOFCOM-2025-8" for x in record.actions for t in x.targets)


def test_the_ministry_and_customs_joint_number_stays_the_ministry_s() -> None:
    a = "中方决定，自2026年11月10日起，继续暂停实施商务部 海关总署公告2025年第70号1年。"
    assert _steps(QA.format(a=a)) == [("extend", ["MOFCOM-2025-70"], "2026-11-10", "2027-11-10")]
