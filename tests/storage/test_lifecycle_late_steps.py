"""Steps that meet a listing out of the usual order (story36, real runs against a local site):

- S1: a listing from a later day ("本公告自2027年1月1日起正式实施", published 2026-12-10), suspended by an answer of 12-20
  before that day ("暂停实施商务部公告2026年第40号相关措施，暂停期限至2027年12月31日"). On 2027-01-01 `status`, `timeline`,
  the entity pages and screening said "in force since 2027-01-01", and from 12-20 the row announced "next: in force from
  2027-01-01": the suspension, which runs to 2027-12-31, was overridden by the day the listing was to take effect.
- S2: a suspension to 2027-03-01 lapsed ("presumed back in force"), and a notice of 03-04 extended it "自原暂停期限届满之日起
  延长6个月": the lapse item stood beside the extension, and the row said "suspended since 2027-03-04", a gap of three days
  in force that never was."""

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
    for day in (date(2027, 1, 1), date(2027, 6, 1), date(2027, 12, 30), date(2027, 12, 31)):  # 12-31 its last day
        d = derive(known, day)
        assert rows(d, "MOFCOM-2026-40") == {(ListingState.SUSPENDED, date(2026, 12, 20), date(2027, 12, 31), None,
                                              None)}, day
        row = next(r for r in d.states if r.notice_key == "MOFCOM-2026-40")
        assert row.by == qa and row.entity_keys == KEYS
        assert "2027-01-01 imposed (MOFCOM-2026-40): suspended before it took effect, until 2027-12-31" in " ".join(
            row.history), row.history
        assert d.problems == ()
    after = derive(known, date(2028, 1, 1))
    # "至2027年12月31日" includes 12-31: lapsed from 2028-01-01 (the lead's decision on story36's C1)
    assert rows(after, "MOFCOM-2026-40") == {(ListingState.LAPSED, date(2028, 1, 1), None, None, None)}
    # the items: the listing as published, the suspension, its lapse; none saying it came in force on 2027-01-01
    kinds = sorted({(e.kind, e.effective) for e in after.events if e.notice_key == "MOFCOM-2026-40"
                    and e.kind not in (EventKind.SUSPENSION_ENDS_SOON, EventKind.NOTICE)})
    assert kinds == sorted({(EventKind.IMPOSED, date(2027, 1, 1)), (EventKind.SUSPENDED, date(2026, 12, 20)),
                            (EventKind.SUSPENSION_LAPSED, date(2028, 1, 1))}), kinds


def test_the_state_picture_agrees_the_listing_stays_suspended() -> None:
    """The entity page and the state pictures draw bands from the items (storage/bands.py): the Imposed item of
    2027-01-01 drew "in force on 2027-01-01" beside the rows' "suspended" (story36 S1, after the rows were mended)."""
    from storage.bands import listing_bands

    known = notices(LATER, ANSWER.format(until="2027年12月31日"))
    for day in (date(2026, 12, 20), date(2027, 1, 1), date(2027, 6, 1), date(2028, 1, 2)):
        d = derive(known, day)
        (row,) = [r for r in d.states if r.notice_key == "MOFCOM-2026-40"]
        (band,) = [b for b in listing_bands(d.events) if b.notice_key == "MOFCOM-2026-40"]
        assert band.state_on(day) is row.state, (day, band.state_on(day), row.state)
        assert [c.day for c in band.changes if c.day <= day][-1] == row.since, day


def test_a_suspension_ending_before_the_listing_takes_effect_leaves_it_to_take_effect() -> None:
    d = derive(notices(LATER, ANSWER.format(until="2026年12月31日")), date(2027, 1, 2))  # its last day the day before
    assert rows(d, "MOFCOM-2026-40") == {(ListingState.IN_FORCE, date(2027, 1, 1), None, None, None)}
    from storage.bands import listing_bands

    (band,) = [b for b in listing_bands(d.events) if b.notice_key == "MOFCOM-2026-40"]
    assert band.state_on(date(2027, 1, 2)) is ListingState.IN_FORCE


LISTED = """商务部公告2026年第42号 公布将2家美国实体列入出口管制管控名单
【发布文号】商务部公告2026年第42号
【发文日期】2026年12月05日

根据《中华人民共和国出口管制法》等法律法规有关规定，决定将西格玛雷达公司等2家美国实体列入出口管制管控名单（见附件），并采取以下措施：
一、禁止出口经营者向上述2家实体出口两用物项；正在开展的相关活动应当立即停止。
本公告自公布之日起正式实施。

附件
出口管制管控名单
1. 西格玛雷达公司（Sigma Radar, Inc.）
2. 陶精密公司（Tau Precision Corp.）
"""
SUSPENDED = """商务部新闻发言人就出口管制管控名单有关问题答记者问
来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-08 17:00

问：请问商务部对12月5日列入出口管制管控名单的2家美国实体有何新的安排？
答：经研究，中方决定自即日起暂停实施商务部公告2026年第42号相关措施，暂停期限至2027年3月1日。
"""
EXTENDED_LATE = """商务部公告2027年第8号 关于延长暂停实施商务部公告2026年第42号相关措施期限的公告
【发布文号】商务部公告2027年第8号
【发文日期】2027年03月04日

根据《中华人民共和国出口管制法》《中华人民共和国两用物项出口管制条例》有关规定，商务部决定，商务部公告2026年第42号相关措施的暂停期限自原暂停期限届满之日起延长6个月。
本公告自公布之日起施行。
"""


def test_an_extension_published_after_the_end_it_counts_from_leaves_no_lapse() -> None:
    known = notices(LISTED, SUSPENDED)
    lapsed = derive(known, date(2027, 3, 2))  # the notice not yet published: the presumption of its day
    # "至2027年3月1日": 03-01 its last day, lapsed from 03-02 (the lead's decision on story36's C1)
    lapsed = derive(known, date(2027, 3, 3))
    assert rows(lapsed, "MOFCOM-2026-42") == {(ListingState.LAPSED, date(2027, 3, 2), None, None, None)}
    d = derive(notices(LISTED, SUSPENDED, EXTENDED_LATE), date(2027, 3, 4))
    assert rows(d, "MOFCOM-2026-42") == {(ListingState.SUSPENDED, date(2026, 12, 8), date(2027, 9, 1), None, None)}
    assert d.problems == ()
    mine = {(e.kind, e.effective, e.until) for e in d.events if e.notice_key == "MOFCOM-2026-42" and e.entity_key is None}
    assert (EventKind.SUSPENSION_EXTENDED, date(2027, 3, 1), date(2027, 9, 1)) in mine, mine
    # six months on from an end that was its last day: 09-01 is the last day too, lapsing 09-02
    (row,) = [r for r in d.states if r.notice_key == "MOFCOM-2026-42"]
    assert row.lapses_on == date(2027, 9, 2)
    assert not [m for m in mine if m[0] is EventKind.SUSPENSION_LAPSED], mine  # no "presumed back in force" 03-01
    extended = next(e for e in d.events if e.kind is EventKind.SUSPENSION_EXTENDED and e.entity_key is None)
    assert extended.occurred.date() == date(2027, 3, 4)  # dated when it was published
    later = derive(notices(LISTED, SUSPENDED, EXTENDED_LATE), date(2027, 9, 2))
    assert rows(later, "MOFCOM-2026-42") == {(ListingState.LAPSED, date(2027, 9, 2), None, None, None)}


EXTENDED_LATE_DATED = """商务部公告2027年第8号 关于延长暂停实施商务部公告2026年第42号相关措施期限的公告
【发布文号】商务部公告2027年第8号
【发文日期】2027年03月04日

根据《中华人民共和国出口管制法》《中华人民共和国两用物项出口管制条例》有关规定，商务部决定，{start}，继续暂停实施商务部公告2026年第42号相关措施，暂停期限至2027年9月1日。
本公告自公布之日起施行。
"""


def test_a_late_extension_from_the_day_the_suspension_ended_takes_effect_that_day() -> None:
    """S2b: the day written beside the end it is ("自2027年3月1日原暂停期限届满之日起") was not read: the step took the notice's
    own day, 03-04, and the lapse of 03-01 stood beside it."""
    for start in ("自2027年3月1日原暂停期限届满之日起", "自2027年3月1日（原暂停期限届满之日）起",
                  "自原暂停期限届满之日（2027年3月1日）起"):
        d = derive(notices(LISTED, SUSPENDED, EXTENDED_LATE_DATED.format(start=start)), date(2027, 3, 4))
        assert rows(d, "MOFCOM-2026-42") == {(ListingState.SUSPENDED, date(2027, 3, 1), date(2027, 9, 1), None, None)}, start
        mine = {(e.kind, e.effective) for e in d.events if e.notice_key == "MOFCOM-2026-42" and e.entity_key is None}
        assert (EventKind.SUSPENSION_EXTENDED, date(2027, 3, 1)) in mine and not [
            m for m in mine if m[0] is EventKind.SUSPENSION_LAPSED], (start, mine)


def test_a_suspension_from_the_day_the_listing_takes_effect_is_what_the_row_announces() -> None:
    """An answer of 12-20 "自2027年1月1日起暂停实施商务部公告2026年第40号相关措施1年" for a listing from 2027-01-01: the row
    announced "next: in force from 2027-01-01", the first of the two steps of that day, where the day leaves it
    suspended (story36 probe)."""
    text = ANSWER.replace("暂停实施商务部公告2026年第40号相关措施，暂停期限至{until}", "自2027年1月1日起暂停实施商务部公告2026年第40号相关措施1年")
    known = notices(LATER, text)
    d = derive(known, date(2026, 12, 20))
    assert {(r.state, r.since, r.by, r.next_state, r.next_from, r.next_until) for r in d.states
            if r.notice_key == "MOFCOM-2026-40"} == {(ListingState.ANNOUNCED, date(2026, 12, 10), "MOFCOM-2026-40",
                                                      ListingState.SUSPENDED, date(2027, 1, 1), date(2028, 1, 1))}
    assert rows(derive(known, date(2027, 1, 1)), "MOFCOM-2026-40") == {
        (ListingState.SUSPENDED, date(2027, 1, 1), date(2028, 1, 1), None, None)}
