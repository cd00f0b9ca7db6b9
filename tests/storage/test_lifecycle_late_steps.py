"""Steps that meet a listing out of the usual order (story36, real runs against a local site):

- S1: a listing from a later day ("本公告自2027年1月1日起正式实施", published 2026-12-10), suspended by an answer of 12-20
  before that day ("暂停实施商务部公告2026年第40号相关措施，暂停期限至2027年12月31日"). On 2027-01-01 `status`, `timeline`,
  the entity pages and screening said "in force since 2027-01-01", and from 12-20 the row announced "next: in force from
  2027-01-01": the suspension, which runs to 2027-12-31, was overridden by the day the listing was to take effect.
"""

from __future__ import annotations

from datetime import date

from storage.lifecycle import derive
from storage.records import EventKind, ListingState
from tests.storage.test_lifecycle_removals import notices

LATER = """商务部公告2026年第40号 公布将2家美国实体列入出口管制管控名单
【发布文号】商务部公告2026年第40号
【发文日期】2026年12月10日

根据《中华人民共和国出口管制法》等法律法规有关规定，决定将阿尔法导航公司等2家美国实体列入出口管制管控名单（见附件），并采取以下措施：
一、禁止出口经营者向上述2家实体出口两用物项；正在开展的相关活动应当立即停止。
本公告自2027年1月1日起正式实施。

附件
出口管制管控名单
1. 阿尔法导航公司（Alpha Navigation, Inc.）
2. 贝塔光学公司（Beta Optics LLC）
"""
ANSWER = """商务部新闻发言人就出口管制管控名单有关问题答记者问
来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-20 17:00

问：请问商务部对12月10日公布的出口管制管控名单有何新的安排？
答：经研究，中方决定暂停实施商务部公告2026年第40号相关措施，暂停期限至{until}。
"""
KEYS = ("alphanavigation", "betaoptics")


def rows(d, key: str) -> set[tuple]:
    return {(r.state, r.since, r.until, r.next_state, r.next_from) for r in d.states if r.notice_key == key}


def test_a_listing_suspended_before_it_takes_effect_stays_suspended_on_that_day() -> None:
    known = notices(LATER, ANSWER.format(until="2027年12月31日"))
    qa = next(n.record.key for n in known if n.record.key.startswith("QA-"))
    before = derive(known, date(2026, 12, 20))
    assert rows(before, "MOFCOM-2026-40") == {(ListingState.SUSPENDED, date(2026, 12, 20), date(2027, 12, 31), None, None)}
    for day in (date(2027, 1, 1), date(2027, 6, 1), date(2027, 12, 30)):
        d = derive(known, day)
        assert rows(d, "MOFCOM-2026-40") == {(ListingState.SUSPENDED, date(2026, 12, 20), date(2027, 12, 31), None,
                                              None)}, day
        row = next(r for r in d.states if r.notice_key == "MOFCOM-2026-40")
        assert row.by == qa and row.entity_keys == KEYS
        assert "2027-01-01 imposed (MOFCOM-2026-40): suspended before it took effect, until 2027-12-31" in " ".join(
            row.history), row.history
        assert d.problems == ()
    after = derive(known, date(2028, 1, 1))
    assert rows(after, "MOFCOM-2026-40") == {(ListingState.LAPSED, date(2027, 12, 31), None, None, None)}
    # the items: the listing as published, the suspension, its lapse; none saying it came in force on 2027-01-01
    kinds = sorted({(e.kind, e.effective) for e in after.events if e.notice_key == "MOFCOM-2026-40"
                    and e.kind not in (EventKind.SUSPENSION_ENDS_SOON, EventKind.NOTICE)})
    assert kinds == sorted({(EventKind.IMPOSED, date(2027, 1, 1)), (EventKind.SUSPENDED, date(2026, 12, 20)),
                            (EventKind.SUSPENSION_LAPSED, date(2027, 12, 31))}), kinds


def test_a_suspension_ending_before_the_listing_takes_effect_leaves_it_to_take_effect() -> None:
    d = derive(notices(LATER, ANSWER.format(until="2027年1月1日")), date(2027, 1, 2))
    assert rows(d, "MOFCOM-2026-40") == {(ListingState.IN_FORCE, date(2027, 1, 1), None, None, None)}

