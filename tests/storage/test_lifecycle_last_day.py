"""Two decisions of the lead on story36's findings (session 36), pure: notices in, rows and items out.

- C1: "暂停期限至2027年12月31日" suspends through 12-31 inclusive: the lapse ("presumed back in force") is on 2028-01-01,
  the countdowns (30 and 7 days) count to it, and every place showing the end says "until 2027-12-31 inclusive"; the
  lapse and countdown items' ids carry their days. A period counted from a day ("1年" from 2026-11-10) keeps its rule:
  it ends on the day it reaches (design.md's worked example).
- C3: a listing suspended before it took effect: the Suspended item says the listing had not taken effect yet and does
  not while suspended; ids unchanged, no new item."""

from __future__ import annotations

from datetime import date

from feeds.render import item_html
from storage.lifecycle import derive
from storage.records import EventKind, ListingState
from storage.vocabulary import LAPSES_ON_KEY, TAG_PREFIX, next_label, until_words
from tests.storage.test_lifecycle_late_steps import ANSWER, LATER, LISTED, SUSPENDED
from tests.storage.test_lifecycle_removals import notices

THROUGH = SUSPENDED.replace("2027年3月1日", "2027年12月31日")  # an answer of 2026-12-08 on No. 42, in force since 12-05
FOR_A_YEAR = SUSPENDED.replace("暂停期限至2027年3月1日", "暂停期限1年")


def ecl(d, kind: EventKind) -> list:
    return [e for e in d.events if e.notice_key == "MOFCOM-2026-42" and e.kind is kind and e.entity_key is None]


def test_an_end_written_as_a_day_is_its_last_day_and_the_lapse_is_the_day_after() -> None:
    known = notices(LISTED, THROUGH)
    last = derive(known, date(2027, 12, 31))
    (row,) = [r for r in last.states if r.notice_key == "MOFCOM-2026-42"]
    assert (row.state, row.since, row.until, row.lapses_on, row.days_left) == (
        ListingState.SUSPENDED, date(2026, 12, 8), date(2027, 12, 31), date(2028, 1, 1), 1)
    assert not ecl(last, EventKind.SUSPENSION_LAPSED)
    assert any("suspended until 2027-12-31 inclusive" in line for line in row.history), row.history
    after = derive(known, date(2028, 1, 1))
    (row,) = [r for r in after.states if r.notice_key == "MOFCOM-2026-42"]
    assert (row.state, row.since, row.presumed, row.lapses_on) == (ListingState.LAPSED, date(2028, 1, 1), True, None)
    (lapse,) = ecl(after, EventKind.SUSPENSION_LAPSED)
    assert lapse.id == f"{TAG_PREFIX}MOFCOM-2026-42/suspension_lapsed/ecl/2028-01-01"
    assert (lapse.effective, lapse.until) == (date(2028, 1, 1), date(2027, 12, 31))
    assert "ran until 2027-12-31 inclusive" in lapse.summary and "since 2028-01-01" in lapse.summary, lapse.summary
    # the countdowns count to the lapse day: 30 and 7 days before 2028-01-01
    soon = sorted(ecl(after, EventKind.SUSPENSION_ENDS_SOON), key=lambda e: e.id)
    assert [(e.id.rsplit("/", 1)[1], e.days_left) for e in soon] == [("2027-12-02", 30), ("2027-12-25", 7)]
    assert soon[0].title.endswith("until 2027-12-31 inclusive"), soon[0].title
    # (user44: "…runs until 2027-12-31 inclusive and ends in 30 days, on 2028-01-01" read as suspended on 01-01 too)
    assert "until 2027-12-31 inclusive, as set by" in soon[0].summary, soon[0].summary
    assert "back in force from 2028-01-01, in 30 days" in soon[0].summary, soon[0].summary
    assert "ends in" not in soon[0].summary, soon[0].summary
    (suspended,) = ecl(after, EventKind.SUSPENDED)
    assert suspended.title.endswith("from 2026-12-08 until 2027-12-31 inclusive"), suspended.title
    assert (suspended.until, dict(suspended.extra).get(LAPSES_ON_KEY)) == (date(2027, 12, 31), "2028-01-01")
    # the item's facts table says it too
    html = item_html(suspended)
    assert "2027-12-31 inclusive" in html and "Lapses on" in html and "2028-01-01" in html, html


def test_a_period_counted_from_a_day_ends_on_its_last_day_as_one_written() -> None:
    """lapse43 (the lead's decision, session 42): "1年" from 2026-12-08 runs through 2027-12-08 inclusive and lapses on
    12-09, as "至2027年12月8日" does (it lapsed on 12-08 before: one act, two days); both forms give the same items."""
    known = notices(LISTED, FOR_A_YEAR)
    (row,) = [r for r in derive(known, date(2027, 12, 8)).states if r.notice_key == "MOFCOM-2026-42"]
    assert (row.state, row.until, row.lapses_on, row.days_left) == (
        ListingState.SUSPENDED, date(2027, 12, 8), date(2027, 12, 9), 1)
    after = derive(known, date(2027, 12, 9))
    (lapse,) = ecl(after, EventKind.SUSPENSION_LAPSED)
    assert lapse.id.endswith("/suspension_lapsed/ecl/2027-12-09") and dict(lapse.extra)[LAPSES_ON_KEY] == "2027-12-09"
    (suspended,) = ecl(after, EventKind.SUSPENDED)
    assert suspended.title.endswith("until 2027-12-08 inclusive"), suspended.title
    assert sorted(e.id.rsplit("/", 1)[1] for e in ecl(after, EventKind.SUSPENSION_ENDS_SOON)) == [
        "2027-11-09", "2027-12-02"]
    written = derive(notices(LISTED, SUSPENDED.replace("2027年3月1日", "2027年12月8日")), date(2027, 12, 9))
    assert sorted(e.id for e in written.events if e.notice_key == "MOFCOM-2026-42") == sorted(
        e.id for e in after.events if e.notice_key == "MOFCOM-2026-42")
    assert [(r.state, r.since, r.until, r.lapses_on) for r in written.states if r.notice_key == "MOFCOM-2026-42"] == [
        (r.state, r.since, r.until, r.lapses_on) for r in after.states if r.notice_key == "MOFCOM-2026-42"]


def test_the_words_of_an_end() -> None:
    assert until_words(date(2027, 12, 31), date(2028, 1, 1)) == "2027-12-31 inclusive"
    assert until_words(date(2026, 11, 10), date(2026, 11, 10)) == until_words(date(2026, 11, 10)) == "2026-11-10"
    assert next_label(ListingState.SUSPENDED, date(2027, 1, 1), date(2027, 12, 31), date(2028, 1, 1)) == (
        "suspended from 2027-01-01 until 2027-12-31 inclusive")


def test_a_suspension_before_the_listing_took_effect_says_it_does_not_take_effect() -> None:
    known = notices(LATER, ANSWER.format(until="2027年12月31日"))
    d = derive(known, date(2027, 1, 2))
    mine = [e for e in d.events if e.notice_key == "MOFCOM-2026-40" and e.kind is EventKind.SUSPENDED]
    assert len(mine) == 3  # the notice's item and one per entity, as before: no new item
    base = f"{TAG_PREFIX}MOFCOM-2026-40/suspended/ecl/2026-12-20"
    assert {e.id for e in mine} == {base, f"{base}/alphanavigation", f"{base}/betaoptics"}
    line = ("The listing of MOFCOM-2026-40 (商务部公告2026年第40号) had not taken effect yet (from 2027-01-01): it does "
            "not take effect while suspended.")
    for e in mine:
        assert line in e.summary, e.summary
        assert "not taken effect" not in e.title
    # a suspension of a listing already in force says nothing of the kind
    (in_force,) = ecl(derive(notices(LISTED, THROUGH), date(2027, 1, 2)), EventKind.SUSPENDED)
    assert "not taken effect" not in in_force.summary


CONTINUED = """商务部公告2027年第150号 关于继续暂停实施商务部公告2026年第42号相关措施的公告
【发布文号】商务部公告2027年第150号
【发文日期】2027年12月20日

根据《中华人民共和国出口管制法》《中华人民共和国两用物项出口管制条例》有关规定，商务部决定，自2028年1月1日起，继续暂停实施商务部公告2026年第42号相关措施1年。
本公告自公布之日起施行。
"""


def test_a_countdown_to_an_inclusive_end_a_later_read_step_undoes_names_it_and_the_lapse_day() -> None:
    """story37's carried B (story38): the countdown "Suspension ends in 7 days … until 2027-12-31 inclusive" (12-25), out
    before the notice of 12-20 continuing the suspension from 2028-01-01 was read, is retracted once it is. Its retraction
    looked for steps in effect on or before 12-31 (the item's ``until``), not the lapse day: the continuation of 01-01
    was not found (a plain "Retracted", naming nothing), and the words said the measures did not come back on 12-31,
    a day they were never to. Now the lapse day (``lapses_on``) is the day: the continuation named, "on 2028-01-01"."""
    from datetime import datetime, timezone

    from storage.events import _lapse_undone_by, _undone_correction

    before = notices(LISTED, THROUGH)
    (soon,) = [e for e in derive(before, date(2027, 12, 26)).events if e.kind is EventKind.SUSPENSION_ENDS_SOON
               and e.entity_key is None and e.days_left == 7]
    assert (soon.until, dict(soon.extra)[LAPSES_ON_KEY]) == (date(2027, 12, 31), "2028-01-01")
    after = derive([*before, *notices(CONTINUED)], date(2027, 12, 26)).events
    assert soon.id not in {e.id for e in after}
    (undone,) = _lapse_undone_by(soon, after)
    assert (undone.kind, undone.source_key, undone.effective) == (EventKind.SUSPENSION_EXTENDED, "MOFCOM-2027-150",
                                                                  date(2028, 1, 1))
    said = _undone_correction(soon, (undone,), 1, datetime(2027, 12, 26, tzinfo=timezone.utc))
    assert said.title.endswith(": the suspension goes on (MOFCOM-2027-150)"), said.title
    assert "the end of the suspension on 2028-01-01" in said.summary and "in force on 2028-01-01" in said.summary
    assert "2027-12-31" not in said.summary.replace(soon.title, "")
