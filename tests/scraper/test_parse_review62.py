"""review62 (session 52): a probe of session 52's parser changes at their edges, through the real parser.

- A term said once with 均 for steps from two starts, as a day ("自2026年12月1日起暂停实施A…，自2027年1月1日起暂停实施B…，暂停
  期限均至2027年10月31日"): A was read suspended for good (main at 097b0b45, silently), then held (blind52's 72081101). The
  day is every step's end whatever its start: both to 2027-10-31 now (``clauses._end_of_any_start``). A period ("期限均为1年")
  counted from two starts stays held.
- A step under a condition with a bare 如 and no 则 ("商务部决定：一是…；二是如X配合完成核查，将其移出关注名单", "商务部决定，如X履行
  承诺，将X移出关注名单"): the removal read as decided, from the text's day, silently (the inline item form since blind52's
  494f7de7). Held now (``checks.conditional_step``, ``_if_clause_before``); 如下, 如期, 例如, 如前所述 are no condition.
"""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage
from tests.scraper.test_parse_fix60 import NOTICE, QA, Step, _held, _steps

P21, P22 = "商务部公告2025年第21号相关措施", "商务部公告2025年第22号相关措施"
K21, K22 = "MOFCOM-2025-21", "MOFCOM-2025-22"
NCE = "北方海岸电子公司（Northern Coast Electronics）"


def test_a_day_said_with_jun_ends_steps_from_two_starts() -> None:
    a = f"中方决定，自2026年12月1日起暂停实施{P21}，自2027年1月1日起暂停实施{P22}，暂停期限均至2027年10月31日。"
    assert _steps(QA.format(a=a)) == [("suspend", [K21], "2026-12-01", "2027-10-31"),
                                      ("suspend", [K22], "2027-01-01", "2027-10-31")]


def test_a_day_said_with_jun_ends_steps_from_two_starts_in_a_notice() -> None:
    a = f"商务部决定，自2026年12月1日起暂停实施{P21}，自2027年1月1日起暂停实施{P22}，暂停期限均至2027年10月31日。"
    assert _steps(NOTICE.format(a=a)) == [("suspend", [K21], "2026-12-01", "2027-10-31"),
                                          ("suspend", [K22], "2027-01-01", "2027-10-31")]


@pytest.mark.parametrize("a", [
    f"中方决定，自2026年12月1日起暂停实施{P21}，自2027年1月1日起暂停实施{P22}，期限均为1年。",  # a period from two starts
    f"中方决定，自2027年12月1日起暂停实施{P21}，自2026年12月1日起暂停实施{P22}，暂停期限均至2027年10月31日。",  # starts after the day
    f"中方决定，暂停实施{P21}。同时，暂停实施{P22}，暂停期限均至2027年10月31日。",  # another sentence
    f"中方决定，延长{P21}的暂停期限，暂停实施{P22}，期限均为1年。",  # another kind
])
def test_a_term_said_with_jun_the_first_step_cannot_take_stays_held(a: str) -> None:
    _held(QA.format(a=a))


COND = [
    f"商务部决定：一是停止实施{P21}；二是如{NCE}履行承诺，将北方海岸电子公司移出关注名单。",
    f"商务部决定，如{NCE}履行承诺，将北方海岸电子公司移出关注名单。",
    f"商务部决定：一是停止实施{P21}；二是如{NCE}在30日内配合完成核查，将其移出出口管制关注名单。",
]


@pytest.mark.parametrize("a", COND)
def test_a_removal_under_a_bare_ru_condition_is_held_in_an_answer(a: str) -> None:
    assert "under a condition" in _held(QA.format(a=a))


def test_a_removal_under_a_bare_ru_condition_is_held_in_inline_items_of_a_notice() -> None:
    a = (f"商务部决定：一是将南方海岸电子公司（Southern Coast Electronics）列入出口管制关注名单；二是如{NCE}配合完成核查，"
         "将其移出出口管制关注名单。")
    assert "under a condition" in _held(NOTICE.format(a=a))


@pytest.mark.parametrize(("a", "steps"), [
    (f"中方决定，{P21}如期于2026年11月10日起停止实施。", [("lift", [K21], "2026-11-10", None)]),
    (f"商务部决定：一是停止实施{P21}；二是自2026年11月10日起将{NCE}移出关注名单。",
     [("lift", [K21], "2026-11-10", None), ("remove", [], "2026-11-10", None)]),
])
def test_a_ru_that_is_no_condition_keeps_the_step(a: str, steps: list[Step]) -> None:
    assert _steps(QA.format(a=a)) == steps


def test_ru_qian_suo_shu_is_no_condition_in_a_notice() -> None:
    a = f"如前所述，商务部决定，自2026年11月10日起停止实施{P21}。"
    assert _steps(NOTICE.format(a=a)) == [("lift", [K21], "2026-11-10", None)]


# --- MFA: targets of an earlier decree named after it with no 对 (8d06355e, b45d3b07, 0d617f5a's edges) ---------------------
# "…第34号所列A（a）等企业的反制措施", "…所列A（a）及其高级管理人员的…": A alone lifted, the others kept "in force", silently;
# "…所列反制措施中的冻结财产措施": a lift of a target "反制措施中"; "…第34号所列A（a）和外交部令2027年第35号所列B（b）的…": all of
# No. 34 and No. 35 lifted, silently. Held now (``mfa.checks._named_and_more``).

MFA = ("关于停止对有关企业采取反制措施的决定\n2028-02-20 10:00\n\n（2028年2月20日中华人民共和国外交部令第39号公布，自2028年3月1日起施行）\n\n"
       "依据《中华人民共和国反外国制裁法》第十五条规定，中方决定自2028年3月1日起，{a}\n\n本决定自2028年3月1日起施行。\n\n外交部\n2028年2月20日\n")
ARGOS = "阿尔戈斯传感器公司（Argos Sensors Corporation）"
POLARIS = "北极星舰船工程公司（Polaris Naval Engineering Co.）"


def _mfa(a: str) -> list[tuple[str, list[str | None], list[str], tuple[str, ...]]]:
    record = parse_document(MFA.format(a=a).encode("utf-8")).notice
    assert record is not None
    return [(x.action.value, [t.key for t in x.targets], list(x.entities), x.measures) for x in record.actions]


@pytest.mark.parametrize(("a", "why"), [
    (f"停止执行外交部令2027年第34号所列{ARGOS}等企业的反制措施。", "more it does not name"),
    (f"停止执行外交部令2027年第34号所列{ARGOS}及其高级管理人员的反制措施。", "more it does not name"),
    ("停止执行外交部令2027年第34号所列反制措施中的冻结财产措施。", "a measure's words"),
    (f"停止执行外交部令2027年第34号所列{ARGOS}和外交部令2027年第35号所列{POLARIS}的反制措施。", "reads none of them"),
])
def test_targets_named_after_a_decree_with_more_or_none_read_are_held(a: str, why: str) -> None:
    with pytest.raises(UnusablePage) as refused:
        parse_document(MFA.format(a=a).encode("utf-8"))
    assert refused.value.reason == "needs-review" and why in str(refused.value)


@pytest.mark.parametrize(("a", "steps"), [
    (f"停止执行外交部令2027年第34号所列{ARGOS}的冻结财产措施。",
     [("lift_measure", ["MFA-ORDER-2027-34"], ["argossensors"], ("asset_freeze",))]),
    (f"停止执行外交部令2027年第34号所列{ARGOS}及其子公司的反制措施。", [("lift", ["MFA-ORDER-2027-34"], ["argossensors"], ())]),
    (f"停止执行外交部令2027年第34号所列{ARGOS}、{POLARIS}的反制措施。",
     [("lift", ["MFA-ORDER-2027-34"], ["argossensors", "polarisnavalengineering"], ())]),
])
def test_targets_named_after_a_decree_alone_stay_read(a: str, steps: list[tuple[str, list[str | None], list[str], tuple[str, ...]]]) -> None:
    assert _mfa(a) == steps


# --- "…规定的暂停…的期限延长1年" (85e914b7's edge): the term of a measure the notice suspends in its own words, not of its suspension --


@pytest.mark.parametrize("a", [
    "商务部决定，商务部公告2025年第61号规定的暂停受理相关物项出口许可申请的期限延长1年。",
    "商务部决定，商务部公告2025年第61号规定的暂停实施出口许可豁免的期限延长1年。",
])
def test_the_term_of_a_measure_suspended_in_a_notices_words_is_no_extension_of_its_suspension(a: str) -> None:
    try:
        steps = _steps(NOTICE.format(a=a))
    except UnusablePage:
        return  # held: a person reads it
    assert not any(kind == "extend" for kind, *_ in steps), steps


def test_an_orders_suspension_extended_by_its_term_stays_read() -> None:
    a = "商务部令2025年第7号规定的暂停实施商务部令2025年第6号有关措施的期限延长1年，自2026年11月11日起至2027年11月10日。"
    assert _steps(NOTICE.format(a=a)) == [("extend", ["MOFCOM-ORDER-2025-6"], "2026-11-11", "2027-11-10")]


@pytest.mark.parametrize("named", [f"对{ARGOS}采取的", f"所列{ARGOS}的"])
@pytest.mark.parametrize("join", ["和", "、", "以及"])
def test_two_measures_each_with_its_cuoshi_are_both_lifted(named: str, join: str) -> None:
    # "…采取的冻结财产措施和禁止交易措施": the freeze's lift alone was read, the ban's missed, silently (as at dec78018)
    a = f"停止执行外交部令2027年第34号{named}冻结财产措施{join}禁止交易措施。"
    assert _mfa(a) == [("lift_measure", ["MFA-ORDER-2027-34"], ["argossensors"], ("asset_freeze", "transaction_ban"))]


def test_a_measure_kept_after_a_comma_is_no_second_lifted_measure() -> None:
    a = f"停止执行外交部令2027年第34号对{ARGOS}采取的冻结财产措施，禁止交易措施继续有效。"
    assert _mfa(a) == [("lift_measure", ["MFA-ORDER-2027-34"], ["argossensors"], ("asset_freeze",))]


# --- "不再恢复" of something else (2cea7f9e's unread_no_restore asked no subject: a hold of a text read right) -----------------


def test_no_longer_restored_words_of_another_thing_hold_nothing() -> None:
    a = f"中方决定，{P21}暂停至2027年5月31日。另据了解，部分航线运力短期内不再恢复。"
    assert _steps(QA.format(a=a)) == [("suspend", [K21], "2026-11-10", "2027-05-31")]


@pytest.mark.parametrize("a", [
    f"中方决定，{P21}暂停至2027年5月31日，到期后不再恢复实施。",
    f"中方决定，{P21}暂停至2027年5月31日。暂停期满后，上述措施不再恢复。",
    f"中方决定，{P21}暂停至2027年5月31日，到期后不再恢复。",
])
def test_the_measures_no_longer_restored_stay_held(a: str) -> None:
    assert "measures no longer restored" in _held(QA.format(a=a))
