"""A countermeasure decision with a term ("采取以下反制措施，期限为5年："): its listing ends when the term does (session 18,
mfa18). Before, the term was not read and the listing stayed in force for ever. The text is the corpus case
tests/data/corpus/mfa17/12-impose-with-term.txt (composed: no real MFA decision found with a term). A term an MFA
amendment sets on what it adds ("对上述增列的企业采取的反制措施，期限为3年。") ends the added names' listing alone
(session 19, mfa19)."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

from scraper.parse import parse_text
from storage.lifecycle import derive
from storage.records import EventKind, EventRecord, ListingState
from tests.storage.test_lifecycle_corpus import stored

LIFT = """关于停止实施对伊恩·邓肯·史密斯反制措施的决定
2030-01-10 09:00

（2030年1月10日中华人民共和国外交部令第40号公布，自2030年1月10日起施行）

依据《中华人民共和国反外国制裁法》第十三条、第十五条规定，中方决定自2030年1月10日起，停止实施《关于对英国有关人员采取反制措施的决定》（外交部令第26号）中对伊恩·邓肯·史密斯（Iain Duncan Smith）采取的反制措施。

本决定自2030年1月10日起施行。

外交部
2030年1月10日
"""
TEXT = (Path(__file__).resolve().parents[1] / "data/corpus/mfa17/12-impose-with-term.txt").read_text(encoding="utf-8")


def test_a_term_ends_the_listing_on_its_last_day() -> None:
    """"期限为5年" from 2026-07-08: in force through 2031-07-08, its last day, lifted from 07-09 (lapse43: a counted end is
    included, as a written one; it was lifted on 07-08 itself)."""
    rec = parse_text(TEXT)
    assert rec is not None and rec.actions[0].until == date(2031, 7, 8)
    known = [stored(rec, fetched=datetime(2026, 7, 8, 8, 0, tzinfo=timezone.utc))]
    during = derive(known, date(2031, 7, 8))
    assert {(r.state, r.next_state, r.next_from) for r in during.states} == {
        (ListingState.IN_FORCE, ListingState.LIFTED, date(2031, 7, 9))}
    after = derive(known, date(2031, 7, 9))
    assert {(r.state, r.since, r.by) for r in after.states} == {(ListingState.LIFTED, date(2031, 7, 9), rec.key)}
    ended = [e for e in after.events if e.kind is EventKind.LIFTED and e.entity_key is None]
    assert [(e.effective, e.notice_key) for e in ended] == [(date(2031, 7, 9), rec.key)]
    assert "term" in ended[0].summary and after.problems == ()


def test_no_term_no_end() -> None:
    rec = parse_text(TEXT.replace("，期限为5年", ""))
    assert rec is not None and rec.actions[0].until is None
    d = derive([stored(rec, fetched=datetime(2026, 7, 8, 8, 0, tzinfo=timezone.utc))], date(2040, 1, 1))
    assert {r.state for r in d.states} == {ListingState.IN_FORCE}
    assert not [e for e in d.events if e.kind is EventKind.LIFTED]


def test_a_term_end_has_countdown_items_30_and_7_days_before() -> None:
    """Session 19 (engine19): suspensions had "ends in 30/7 days" items, a term's end had none. Ids carry the
    countdown day, as the suspensions' do, and stay the same whatever the day of the derive."""
    rec = parse_text(TEXT)
    assert rec is not None
    known = [stored(rec, fetched=datetime(2026, 7, 8, 8, 0, tzinfo=timezone.utc))]

    def countdowns(day: date, more: tuple = ()) -> dict[str, EventRecord]:
        d = derive([*known, *more], day)
        return {e.id.split(",2025:")[1]: e for e in d.events if e.kind is EventKind.TERM_ENDS_SOON}

    assert countdowns(date(2031, 6, 8)) == {}  # 30 days before the day it ends, 07-09 (lapse43)
    at = countdowns(date(2031, 6, 9))
    assert set(at) == {f"{rec.key}/term_ends_soon/countermeasure/2031-06-09",
                       *(f"{rec.key}/term_ends_soon/countermeasure/2031-06-09/{e.key}" for e in rec.entities)}, set(at)
    item = at[f"{rec.key}/term_ends_soon/countermeasure/2031-06-09"]
    assert item.title.startswith("Term ends in 30 days:") and item.until == date(2031, 7, 8) and item.days_left == 30
    later = countdowns(date(2032, 1, 1))
    assert set(at) < set(later) and f"{rec.key}/term_ends_soon/countermeasure/2031-07-02" in later
    assert {e.occurred.date() for e in later.values()} == {date(2031, 6, 9), date(2031, 7, 2)}
    # measures stopped for one of the two before the end: the countdown no longer names him
    lift = parse_text(LIFT)
    assert lift is not None and lift.actions
    more = (stored(lift, fetched=datetime(2030, 1, 10, 8, 0, tzinfo=timezone.utc)),)
    left = countdowns(date(2032, 1, 1), more)
    assert left and not [i for i in left if i.endswith("/iainduncansmith")], set(left)


def test_no_term_no_countdown() -> None:
    rec = parse_text(TEXT.replace("，期限为5年", ""))
    assert rec is not None
    d = derive([stored(rec, fetched=datetime(2026, 7, 8, 8, 0, tzinfo=timezone.utc))], date(2040, 1, 1))
    assert not [e for e in d.events if e.kind is EventKind.TERM_ENDS_SOON]


LAW = "依据《中华人民共和国反外国制裁法》第三条、第四条、第五条、第六条、第九条、第十五条规定，"
DECISION = ("关于对美国军工企业采取反制措施的决定\n2024-12-27 16:00\n\n（2024年12月27日中华人民共和国外交部令第16号公布，"
            "自2024年12月27日起施行）\n\n" + LAW + "中方决定对银杉复合材料公司（Silverfir Composites LLC）采取反制措施，冻结其在我国"
            "境内的动产、不动产和其他各类财产。\n\n本决定自2024年12月27日起施行。\n\n外交部\n2024年12月27日\n")
AMENDMENT = ("关于修改《关于对美国军工企业采取反制措施的决定》的决定\n2026-10-15 16:00\n\n（2026年10月15日中华人民共和国外交部令第36号"
             "公布，自2026年10月15日起施行）\n\n" + LAW + "中方决定对2024年12月27日《关于对美国军工企业采取反制措施的决定》（外交部令第16号）"
             "作如下修改：\n\n一、在《反制清单》“一、企业”中增列：\n（二）铁杉无人系统公司（Hemlock Unmanned Systems, Inc.）\n\n"
             "对上述增列的企业采取的反制措施，期限为3年。\n\n本决定自2026年10月15日起施行。\n\n外交部\n2026年10月15日\n")


def test_an_amendments_term_ends_its_additions_only() -> None:
    decision, amendment = parse_text(DECISION), parse_text(AMENDMENT)
    assert decision is not None and amendment is not None and amendment.actions[0].until == date(2029, 10, 15)
    known = [stored(decision, fetched=datetime(2024, 12, 27, 9, 0, tzinfo=timezone.utc)),
             stored(amendment, fetched=datetime(2026, 10, 15, 9, 0, tzinfo=timezone.utc))]
    before = derive(known, date(2029, 10, 15))  # its last day (lapse43)
    assert {(r.notice_key, r.state) for r in before.states} == {
        ("MFA-ORDER-2024-16", ListingState.IN_FORCE), ("MFA-ORDER-2026-36", ListingState.IN_FORCE)}
    after = derive(known, date(2029, 10, 16))
    assert {(r.notice_key, r.state) for r in after.states} == {
        ("MFA-ORDER-2024-16", ListingState.IN_FORCE), ("MFA-ORDER-2026-36", ListingState.LIFTED)}
    assert after.problems == ()

