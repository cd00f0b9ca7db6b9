"""order52 (session 52): an extension of the suspension an order set, named by that order ("将商务部令2025年第7号规定的暂停期限
延长1年", "商务部 海关总署公告2025年第70号规定的暂停期限…延长一年"), through the real parser and the engine.

The step's target is the order that set the suspension (it lists no one): the engine extended that order's own row (shown
suspended), the order it suspended lapsed at its end, and a problem said "extends a suspension of MOFCOM-ORDER-2025-7 that is
not in place". The suspension it set is extended now, on the notices it suspends (``lifecycle.targets.suspended_by``): one
step through, and not where the suspension covers some clauses only (No. 72 of No. 46's clause 2: as before).
"""

from __future__ import annotations

from datetime import date

from scraper.parse import parse_document
from storage.lifecycle import derive
from tests.storage.test_lifecycle_corpus import stored
from tests.storage.test_lifecycle_orders_watch import ORDER6, ORDER7

ORDER = ("商务部令2026年第6号 关于延长有关暂停期限的决定\n【发布单位】安全与管制局\n【发布文号】商务部令2026年第6号\n"
         "【发文日期】2026年11月07日\n\n商务部令\n2026年第6号\n\n{a}\n\n本决定自公布之日起施行。\n\n部长 王文涛\n2026年11月7日\n")


def _order(a: str):
    record = parse_document(ORDER.format(a=a).encode("utf-8")).notice
    assert record is not None
    return record


def _row(d, key: str):
    (row,) = [r for r in d.states if r.notice_key == key]
    return row


def test_an_extension_of_the_suspension_order_7_set_extends_order_6() -> None:
    ext = _order("为落实中美经贸磋商共识，商务部决定，将商务部令2025年第7号规定的暂停期限延长1年，自2026年11月11日起至2027年11月10日止。")
    assert [t.key for a in ext.actions for t in a.targets] == ["MOFCOM-ORDER-2025-7"]  # as the text names it
    d = derive([stored(ORDER6), stored(ORDER7), stored(ext)], date(2026, 12, 6))
    assert d.problems == ()
    row = _row(d, "MOFCOM-ORDER-2025-6")
    assert (row.state.value, row.until, row.by) == ("suspended", date(2027, 11, 10), "MOFCOM-ORDER-2026-6")
    assert not [r for r in d.states if r.notice_key == "MOFCOM-ORDER-2025-7"]


def test_an_extension_by_a_period_counts_from_the_end_order_7_set() -> None:
    ext = _order("商务部决定，商务部令2025年第7号规定的暂停期限延长1年。")
    d = derive([stored(ORDER6), stored(ORDER7), stored(ext)], date(2026, 12, 6))
    row = _row(d, "MOFCOM-ORDER-2025-6")
    assert (row.state.value, row.until) == ("suspended", date(2027, 11, 10))


def test_a_lift_of_the_suspending_order_is_not_followed_through() -> None:
    """"停止实施商务部令2025年第7号" ends the suspension, it does not lift No. 6: not taken through (a problem, as before)."""
    lift = _order("商务部决定，自2026年12月20日起，停止实施商务部令2025年第7号。")
    d = derive([stored(ORDER6), stored(ORDER7), stored(lift)], date(2026, 12, 30))
    assert _row(d, "MOFCOM-ORDER-2025-6").state.value != "lifted"
