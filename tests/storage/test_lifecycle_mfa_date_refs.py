"""An MFA decision naming an earlier one by its date and title only ("停止实施2024年10月10日《关于对…的决定》相关措施").

Session 15's blind audit (repro 23): the parser refused such a decision as cut short (no target); it now keeps the
reference (date, list, title). The engine then looked for the notice of that date among the MOFCOM kinds only
(announcements, 商务部令, UEL notices): the MFA decision was never found, and a MOFCOM countermeasure order of the
same day would have been lifted in its place, a false item. An MFA decision's date now names the MFA's decisions of
that day; two of one day are told apart by the title quoted, else none is picked (unresolved, loudly).

Order No. 13 of 2024 is the official page in fixtures/; the other decisions and the MOFCOM order's day are written
for these tests: their numbers, dates and pairings are illustrative, not facts about real decisions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from scraper.parse import parse_text
from storage.records import ListingState
from tests.storage.test_lifecycle_yearless_orders import (
    IN_FORCE_4_2022,
    IN_FORCE_4_2023,
    IN_FORCE_13,
    derived,
    lift,
    states,
    unresolved,
)

TEXTS = Path(__file__).resolve().parents[2] / "fixtures" / "texts"
TITLE_13 = "关于对美国军工企业及高级管理人员采取反制措施的决定"
STOP_DATED = "中方决定自{cn}起，停止实施2024年10月10日《" + TITLE_13 + "》相关措施。"
LIFTED_13 = ("MFA-ORDER-2024-13", ListingState.LIFTED, date(2026, 3, 2), "MFA-ORDER-2026-21", IN_FORCE_13[4])


def test_a_decision_named_by_its_date_and_title_is_lifted() -> None:
    rec = lift(STOP_DATED)
    assert [(t.date, t.title, t.key) for t in rec.actions[0].targets] == [(date(2024, 10, 10), TITLE_13, None)]
    d = derived(rec)
    assert d.problems == () and unresolved(d) == []
    assert states(d) == [IN_FORCE_4_2022, IN_FORCE_4_2023, LIFTED_13]


DECISION_1014 = """关于对美国国会众议员测试乙采取反制措施的决定
2025-10-14 18:00

（2025年10月14日中华人民共和国外交部令第18号公布，自2025年10月14日起施行）

依据《中华人民共和国反外国制裁法》第三条、第四条、第五条、第六条、第九条、第十五条规定，中方决定对美国国会众议员测试乙采取以下反制措施：

一、冻结其在我国境内的动产、不动产和其他各类财产；
二、对其本人及直系亲属不予签发签证、不准入境（包括香港、澳门）。

本决定自2025年10月14日起施行。

外交部
2025年10月14日
"""


def test_a_mofcom_countermeasure_order_of_the_same_day_is_not_what_it_names() -> None:
    """商务部令2025年第6号 (fixtures/texts, 2025-10-14) is on the countermeasure list too: before, it was the only
    notice of that day the engine looked at, and an MFA decision stopping the MFA's decision of 2025-10-14 lifted it."""
    order = parse_text((TEXTS / "mofcom-order-2025-6.txt").read_text(encoding="utf-8"))
    mfa = parse_text(DECISION_1014)
    assert order is not None and mfa is not None and (order.key, order.published, mfa.key, mfa.warnings) == (
        "MOFCOM-ORDER-2025-6", date(2025, 10, 14), "MFA-ORDER-2025-18", ())
    stop = lift("中方决定自{cn}起，停止实施2025年10月14日《关于对美国国会众议员测试乙采取反制措施的决定》相关措施。")
    d = derived(order, mfa, stop)
    assert unresolved(d) == []
    assert [s for s in states(d) if s[0].startswith(("MOFCOM", "MFA-ORDER-2025"))] == [
        ("MFA-ORDER-2025-18", ListingState.LIFTED, date(2026, 3, 2), "MFA-ORDER-2026-21", ("测试乙",)),
        ("MOFCOM-ORDER-2025-6", ListingState.IN_FORCE, date(2025, 10, 14), "MOFCOM-ORDER-2025-6", ()),
    ]


SECOND_13 = """关于对美国国会众议员测试甲采取反制措施的决定
2024-10-10 18:00

（2024年10月10日中华人民共和国外交部令第14号公布，自2024年10月10日起施行）

依据《中华人民共和国反外国制裁法》第三条、第四条、第五条、第六条、第九条、第十五条规定，中方决定对美国国会众议员测试甲采取以下反制措施：

一、冻结其在我国境内的动产、不动产和其他各类财产；
二、对其本人及直系亲属不予签发签证、不准入境（包括香港、澳门）。

本决定自2024年10月10日起施行。

外交部
2024年10月10日
"""


def test_two_decisions_of_that_day_are_told_apart_by_the_title_else_none_is_picked() -> None:
    second = parse_text(SECOND_13)
    assert second is not None and (second.key, second.warnings) == ("MFA-ORDER-2024-14", ())
    in_force_14 = ("MFA-ORDER-2024-14", ListingState.IN_FORCE, date(2024, 10, 10), "MFA-ORDER-2024-14", ("测试甲",))
    d = derived(second, lift(STOP_DATED))
    assert d.problems == () and unresolved(d) == []
    assert states(d) == [IN_FORCE_4_2022, IN_FORCE_4_2023, LIFTED_13, in_force_14]
    other = derived(second, lift(STOP_DATED.replace(TITLE_13, "关于对美国军工企业采取反制措施的决定")))
    ref = "2024年10月10日《关于对美国军工企业采取反制措施的决定》"
    assert other.problems == (f'MFA-ORDER-2026-21: "{ref}" may name any of the stored decisions of 2024-10-10: '
                              "MFA-ORDER-2024-13, MFA-ORDER-2024-14",)
    assert len(unresolved(other)) == 1
    assert states(other) == [IN_FORCE_4_2022, IN_FORCE_4_2023, IN_FORCE_13, in_force_14]
