"""The pure lifecycle engine against notices modelled on the real 2024-2025 notices."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime

import pytest

from feeds.render import item_html
from storage.lifecycle import derive
from storage.lifecycle.text import _title, named_group
from storage.records import (
    ActionKind,
    ActionRecord,
    EventKind,
    ListingState,
    NoticeKind,
    NoticeRecord,
    NoticeRef,
)
from storage.vocabulary import TAG_PREFIX
from tests.storage.test_lifecycle_corpus import (
    CST,
    ECL,
    NO13,
    NO21,
    NO22,
    QA_0514_ECL,
    QA_0514_UEL,
    QA_1105_UEL,
    QAS,
    SKYDIO,
    UEL,
    UEL4,
    UEL6,
    UEL7,
    act,
    by_date,
    by_key,
    corpus,
    ent,
    impose,
    qa,
    stored,
)

AS_OF = date(2026, 11, 29)


def notice_ids(derivation, listing_key: str) -> list[str]:
    """Notice-scope state events of one listing, as '<kind>/<list>/<date>' sorted by date then kind."""
    prefix = f"{TAG_PREFIX}{listing_key}/"
    out = [e.id[len(prefix):] for e in derivation.events
           if e.scope == "notice" and e.id.startswith(prefix) and e.kind is not EventKind.NOTICE]
    return sorted(out, key=lambda s: (s.split("/")[2], s))


def state(derivation, key: str, lst=None):
    rows = [r for r in derivation.states if r.notice_key == key and (lst is None or r.list is lst)]
    assert len(rows) == 1, rows
    return rows[0]


@pytest.fixture(scope="module")
def done() -> object:
    return derive(corpus(), AS_OF)


def test_no1_stays_in_force(done):
    assert notice_ids(done, "MOFCOM-2025-1") == ["imposed/ecl/2025-01-02"]
    row = state(done, "MOFCOM-2025-1")
    assert (row.state, row.since, row.entity_count) == (ListingState.IN_FORCE, date(2025, 1, 2), 28)


def test_no13_lifted_from_2025_11_10(done):
    assert notice_ids(done, "MOFCOM-2025-13") == ["imposed/ecl/2025-03-04", "lifted/ecl/2025-11-10"]
    row = state(done, "MOFCOM-2025-13")
    assert (row.state, row.since, row.by) == (ListingState.LIFTED, date(2025, 11, 10), "QA-2025-11-05-ecl00001")


@pytest.mark.parametrize("key,lst", [("MOFCOM-2025-21", "ecl"), ("UEL-2025-7", "uel")])
def test_no21_and_uel7_suspended_extended_twice_then_lapsed(done, key, lst):
    # every end is its last day, counted ("90天", "1年") or written (lapse43, the lead's decision): each 90 days from
    # 05-14 run through 08-12, the year from 2025-11-10 through 2026-11-10; the lapse is the day after, the countdowns
    # 30 and 7 days before it
    assert notice_ids(done, key) == [
        f"imposed/{lst}/2025-04-04",
        f"suspended/{lst}/2025-05-14",
        f"suspension_ends_soon/{lst}/2025-07-14",
        f"suspension_ends_soon/{lst}/2025-08-06",
        f"suspension_extended/{lst}/2025-08-12",
        f"suspension_ends_soon/{lst}/2025-10-12",
        f"suspension_ends_soon/{lst}/2025-11-04",
        f"suspension_extended/{lst}/2025-11-10",
        f"suspension_ends_soon/{lst}/2026-10-12",
        f"suspension_ends_soon/{lst}/2026-11-04",
        f"suspension_lapsed/{lst}/2026-11-11",
    ]
    row = state(done, key)
    assert row.state is ListingState.LAPSED and row.presumed
    assert row.since == date(2026, 11, 11)
    assert row.entity_count == (16 if lst == "ecl" else 11)
    events = {e.id: e for e in done.events}
    ext = events[f"{TAG_PREFIX}{key}/suspension_extended/{lst}/2025-11-10"]
    assert ext.until == date(2026, 11, 10)
    assert ext.occurred == datetime(2025, 11, 5, 17, 0, tzinfo=CST)  # published, not effective
    lapse = events[f"{TAG_PREFIX}{key}/suspension_lapsed/{lst}/2026-11-11"]
    assert lapse.presumed and lapse.occurred == datetime(2026, 11, 11, tzinfo=CST)
    assert "presumed" in lapse.summary and "review" in lapse.summary
    assert [p.notice_key for p in lapse.provenance] == [ext.source_key, key]


def test_titles_in_clear_english(done):
    """A group item's title names its first two entities and counts the rest (session 35: "16 US entities" alone
    told a reader's list of items nobody to act on); its summary, beside the entity table, still counts them."""
    titles = {e.id: e.title for e in done.events}
    assert titles[f"{TAG_PREFIX}MOFCOM-2025-21/suspended/ecl/2025-05-14"] == (
        "Suspended: High Point Aerotechnologies, Universal Logistics Holdings, Inc. and 14 more US entities on the "
        "export control list (MOFCOM-2025-21) from 2025-05-14 until 2025-08-12 inclusive")
    assert titles[f"{TAG_PREFIX}UEL-2025-7/suspension_lapsed/uel/2026-11-11"] == (
        "Suspension lapsed: Skydio Inc., BRINC Drones,Inc. and 9 more US entities on the unreliable entity list "
        "(UEL-2025-7) presumed back in force from 2026-11-11, needs review")  # a presumption, said in the title a reader's
    # list shows; the day named, as China counts it: a reader in UTC files the item (00:00 +08:00) under 11-09 (user40)
    assert titles[f"{TAG_PREFIX}UEL-2025-7/suspension_ends_soon/uel/2026-11-04"].startswith(
        "Suspension ends in 7 days: Skydio Inc., BRINC Drones,Inc. and 9 more US entities on the unreliable entity "
        "list (UEL-2025-7)")
    summaries = {e.id: e.summary for e in done.events}
    assert summaries[f"{TAG_PREFIX}UEL-2025-7/suspension_lapsed/uel/2026-11-11"].startswith(
        "The suspension for 11 US entities on the unreliable entity list (UEL-2025-7) ran until 2026-11-10 inclusive")


def test_a_group_title_names_two_entities_and_counts_the_rest():
    """Session 35 (reader34 C1, decided): a group item's title names who, two names then the rest counted as
    group_label counts (people apart); English where the notice gives it, else its Chinese; a long name cut."""
    a, b, c, d = ent("Skydio, Inc.", "斯凯迪奥公司"), ent(None, "英斯图公司"), ent("Insitu, Inc."), ent("Red Six Solutions")
    person = replace(ent("Adam Bry", "亚当·布赖"), type="individual")
    assert named_group([a]) == "Skydio, Inc."
    assert named_group([a, b]) == "Skydio, Inc. and 英斯图公司"
    assert named_group([a, b, c]) == "Skydio, Inc., 英斯图公司 and 1 more US entity"
    assert named_group([a, b, c, d]) == "Skydio, Inc., 英斯图公司 and 2 more US entities"
    assert named_group([a, b, replace(c, country="JP"), d]) == "Skydio, Inc., 英斯图公司 and 2 more entities"
    assert named_group([a, b, person, person]) == "Skydio, Inc., 英斯图公司 and 2 more US individuals"
    assert named_group([a, b, c, person]) == "Skydio, Inc., 英斯图公司 and 2 more (1 US entity and 1 US individual)"
    long = ent("Very Long Name " * 6 + "Holdings, Inc.")
    assert named_group([long]) == ("Very Long Name " * 4)[:59].rstrip(" ,") + "…"
    assert len(named_group([long, long, a])) < 160


@pytest.mark.parametrize("key,lst,count", [("MOFCOM-2025-22", "ecl", 12), ("UEL-2025-8", "uel", 6)])
def test_no22_and_uel8_suspended_then_lifted(done, key, lst, count):
    expected = [f"imposed/{lst}/2025-04-10", f"suspended/{lst}/2025-05-14", f"lifted/{lst}/2025-08-12"]
    if lst == "ecl":  # the ECL suspension had an end date, so countdowns ran; UEL 8号 had none
        expected[2:2] = [f"suspension_ends_soon/{lst}/2025-07-14", f"suspension_ends_soon/{lst}/2025-08-06"]
    assert notice_ids(done, key) == expected
    row = state(done, key)
    assert (row.state, row.since, row.entity_count) == (ListingState.LIFTED, date(2025, 8, 12), count)


@pytest.mark.parametrize("key,first", [("UEL-2025-5", "imposed"), ("UEL-2025-6", "measure")])
def test_uel5_and_uel6_lifted_from_2025_11_10(done, key, first):
    assert notice_ids(done, key) == [f"{first}/uel/2025-03-04", "lifted/uel/2025-11-10"]
    assert state(done, key).state is ListingState.LIFTED


def test_uel4_in_force_and_2024_3_an_investigation(done):
    assert notice_ids(done, "UEL-2025-4") == ["imposed/uel/2025-02-04"]
    assert state(done, "UEL-2025-4").state is ListingState.IN_FORCE
    assert notice_ids(done, "UEL-2024-3") == ["investigation/uel/2024-09-24"]
    assert state(done, "UEL-2024-3").state is ListingState.INVESTIGATION


def test_an_investigation_item_never_says_the_entity_is_on_the_list(done):
    """An officer reading "Investigation opened: PVH on the unreliable entity list" takes PVH as listed (wording28)."""
    items = [e for e in done.events if e.kind is EventKind.INVESTIGATION]
    assert {e.scope for e in items} == {"notice", "entity"}
    for e in items:
        assert e.title.startswith("Investigation opened (not a listing): "), e.title
        assert " on the " not in e.title and " on the " not in e.summary, (e.title, e.summary)
        assert "under the unreliable entity list rules (UEL-2024-3)" in e.title
        assert "Listed by" not in e.summary and "Opened by UEL-2024-3" in e.summary, e.summary


def test_a_suspension_title_says_from_when_it_starts():
    """No. 70 of 2025-11-07 suspends Nos. 55-62 from 2025-11-10: its item, published on 11-07, said "Suspended: …
    until 2026-11-10", as if suspended that day (wording28)."""
    title = _title(EventKind.SUSPENDED, "item controls of MOFCOM-2025-55", date(2025, 11, 10), date(2026, 11, 10), None)
    assert title == "Suspended: item controls of MOFCOM-2025-55 from 2025-11-10 until 2026-11-10"
    assert _title(EventKind.SUSPENDED, "6 US entities", date(2025, 5, 14), None, None) == (
        "Suspended: 6 US entities from 2025-05-14 until further notice")


def test_an_answer_without_a_number_is_named_by_its_title_not_its_key_alone(done):
    """"By QA-2025-05-14-…." named an answer only by a key with a hash in it (wording28)."""
    e = next(e for e in done.events if e.id == f"{TAG_PREFIX}MOFCOM-2025-21/suspended/ecl/2025-05-14")
    qa_notice = next(n for n in corpus() if n.record.key == e.source_key)
    assert not qa_notice.record.number and qa_notice.record.title
    assert f"By {e.source_key} ({qa_notice.record.title})." in e.summary, e.summary


def test_an_item_names_the_notice_that_listed_and_acted_once(done):
    """"By UEL-2025-6 (…). Measure added by UEL-2025-6 (…)." and "By MOFCOM-2025-21 (…). Listed by MOFCOM-2025-21 (…)."
    said one notice twice (wording29): an impose says "Listed by" alone; a step of another notice says both."""
    by_id = {e.id: e for e in done.events}
    for item_id, once in ((f"{TAG_PREFIX}MOFCOM-2025-21/imposed/ecl/2025-04-04", "Listed by MOFCOM-2025-21 ("),
                          (f"{TAG_PREFIX}UEL-2025-6/measure/uel/2025-03-04", "Measure added by UEL-2025-6 ("),
                          (f"{TAG_PREFIX}UEL-2024-3/investigation/uel/2024-09-24", "Opened by UEL-2024-3 (")):
        items = [e for e in done.events if e.id == item_id or e.id.startswith(item_id + "/")]
        assert len(items) > 1
        for e in items:
            number = once.split(" by ", 1)[1]
            assert once in e.summary and e.summary.count(number) == 1 and ". By " not in e.summary, e.summary
    e = by_id[f"{TAG_PREFIX}MOFCOM-2025-21/suspended/ecl/2025-05-14"]
    assert ". Listed by MOFCOM-2025-21 (" in e.summary and f". By {e.source_key} (" in e.summary


def test_stopping_an_added_measure_is_not_said_as_a_lift_of_the_listing(done):
    """UEL〔2025〕6号 only added a measure on Illumina (listed by 4号, still in force): its stop must not read as
    "Lifted: Illumina … on the unreliable entity list" in Illumina's feed (wording28)."""
    items = [e for e in done.events if e.kind is EventKind.LIFTED and e.notice_key == "UEL-2025-6"]
    assert {e.scope for e in items} == {"notice", "entity"}
    for e in items:
        assert e.title.startswith("Measure lifted: ") and e.title.endswith(
            "from 2025-11-10; only the measure UEL-2025-6 added, not a listing"), e.title
        assert "is not a lift of a listing" in e.summary and "Listed by" not in e.summary, e.summary
        # the facts table names the event its title names (it said "Event: Lifted": wording29); the id keeps "lifted"
        assert '<th align="left">Event</th><td>Measure lifted (not a listing)</td>' in item_html(e)
        assert "/lifted/uel/2025-11-10" in e.id
    assert state(done, "UEL-2025-4").state is ListingState.IN_FORCE
    # status, the pages and screening said 6号's row "lifted" (wording30): the measure was, not Illumina's listing
    from storage.vocabulary import row_label

    six, four = state(done, "UEL-2025-6"), state(done, "UEL-2025-4")
    assert (six.state, six.measure_only, row_label(six)) == (ListingState.LIFTED, True, "measure lifted (not a listing)")
    assert (four.measure_only, row_label(four)) == (False, "in force")
    five = [e for e in done.events if e.kind is EventKind.LIFTED and e.notice_key == "UEL-2025-5"]
    assert five and all(e.title.startswith("Lifted: ") for e in five)
    assert all('<th align="left">Event</th><td>Lifted</td>' in item_html(e) for e in five)


def test_one_notice_item_per_notice_and_no_problems(done):
    notice_items = sorted(e.id for e in done.events if e.kind is EventKind.NOTICE)
    assert notice_items == sorted(f"{TAG_PREFIX}{n.record.key}/notice" for n in corpus())
    assert done.problems == ()
    assert not [e for e in done.events if e.kind is EventKind.UNRESOLVED_REFERENCE]


def test_every_state_change_has_both_scopes(done):
    by_id = {e.id: e for e in done.events}
    e = by_id[f"{TAG_PREFIX}MOFCOM-2025-21/suspended/ecl/2025-05-14"]
    assert len(e.entities) == 16 and e.entity_key is None
    for each in e.entities:
        one = by_id[f"{e.id}/{each.key}"]
        assert one.scope == "entity" and one.entity_key == each.key and one.entities == (each,)
    assert by_id[f"{e.id}/highpointaerotechnologies"].title.startswith(
        "Suspended: High Point Aerotechnologies")


def test_skydio_has_different_fates_on_two_lists(done):
    skydio = [e for e in done.events if e.scope == "entity" and e.entity_key == SKYDIO.key]
    fates = {(e.notice_key, e.kind) for e in skydio}
    assert ("MOFCOM-2025-13", EventKind.LIFTED) in fates
    assert ("UEL-2025-7", EventKind.SUSPENSION_LAPSED) in fates
    assert ("UEL-2025-7", EventKind.LIFTED) not in fates
    rows = {r.notice_key: r.state for r in done.states if SKYDIO.key in r.entity_keys}
    assert rows == {"MOFCOM-2025-13": ListingState.LIFTED, "UEL-2025-7": ListingState.LAPSED}


def test_order_independence():
    base = derive(corpus(), AS_OF)
    for seed in range(5):
        shuffled = corpus()
        random.Random(seed).shuffle(shuffled)
        assert derive(shuffled, AS_OF) == base


def test_qa_stored_before_the_notice_it_suspends():
    only_qa = derive([stored(QA_0514_UEL)], date(2025, 6, 1))
    assert [e.kind for e in only_qa.events if e.kind is EventKind.UNRESOLVED_REFERENCE] == [
        EventKind.UNRESOLVED_REFERENCE] * 2
    both = derive([stored(QA_0514_UEL), stored(UEL7)], date(2025, 6, 1))
    again = derive([stored(UEL7), stored(QA_0514_UEL)], date(2025, 6, 1))
    assert both == again
    # the line names the columns that should list the notice, so an operator looks at the index (health34 K7)
    assert both.problems == ("QA-2025-05-14-uel00001: reference to UEL-2025-8 (\"UEL-2025-8\"), which is not stored: "
                             "the number's columns, www.mofcom.gov.cn/zwgk/zcfb/ and aqygzj.mofcom.gov.cn/, list no "
                             "such row",)
    assert state(both, "UEL-2025-7").state is ListingState.SUSPENDED


def test_only_events_up_to_as_of_exist():
    early = derive(corpus(), date(2025, 5, 13))
    assert all(e.occurred.date() <= date(2025, 5, 13) for e in early.events)
    assert state(early, "MOFCOM-2025-21").state is ListingState.IN_FORCE
    assert not [e for e in early.events if e.source_key and e.source_key.startswith("QA-")]


def test_announced_change_is_news_before_it_takes_effect():
    mid = derive(corpus(), date(2025, 11, 7))
    ids = {e.id for e in mid.events}
    assert f"{TAG_PREFIX}MOFCOM-2025-13/lifted/ecl/2025-11-10" in ids  # published 11-05
    row = state(mid, "MOFCOM-2025-13")
    assert row.state is ListingState.IN_FORCE  # effective only on 11-10
    assert "announced 2025-11-05" in row.history[-1]
    row21 = state(mid, "MOFCOM-2025-21")
    assert (row21.state, row21.until, row21.days_left) == (ListingState.SUSPENDED, date(2025, 11, 10), 4)


def test_suspension_ends_soon_only_while_until_is_current():
    # The 2025-11-05 Q&A moved the end date before any 2026 countdown; the 2025-11-10 countdowns
    # fired (on 10-12 and 11-04 the end date was still 2025-11-10).
    d = derive(corpus(), date(2026, 10, 10))
    soon = sorted(e.effective.isoformat() for e in d.events
                  if e.kind is EventKind.SUSPENSION_ENDS_SOON and e.scope == "notice" and e.notice_key == "UEL-2025-7")
    assert soon == ["2025-07-14", "2025-08-06", "2025-10-12", "2025-11-04"]
    # An extension published before the 7-day mark suppresses that countdown.
    early_ext = replace(QAS[5], published=date(2025, 10, 20),
                        published_at=datetime(2025, 10, 20, 17, 0, tzinfo=CST))
    notices = [stored(r) for r in (UEL7, QA_0514_UEL, QAS[3], early_ext)]
    d2 = derive(notices, date(2025, 12, 1))
    soon2 = sorted(e.effective.isoformat() for e in d2.events
                   if e.kind is EventKind.SUSPENSION_ENDS_SOON and e.scope == "notice")
    assert soon2 == ["2025-07-14", "2025-08-06", "2025-10-12"]
    cd = next(e for e in d2.events if e.scope == "notice" and e.effective == date(2025, 10, 12))
    assert (cd.days_left, cd.until, cd.occurred) == (30, date(2025, 11, 10), datetime(2025, 10, 12, tzinfo=CST))


def test_date_and_count_reference_count_mismatch_is_reported():
    wrong = qa("QA-2025-05-14-bad00001", datetime(2025, 5, 14, 22, 0, tzinfo=CST), "答记者问", (
        act(ActionKind.SUSPEND, ECL, by_date(date(2025, 4, 4), ECL, 15), effective="2025-05-14",
            until=date(2025, 8, 12)),), ECL)
    d = derive([stored(NO21), stored(wrong)], date(2025, 6, 1))
    assert state(d, "MOFCOM-2025-21").state is ListingState.IN_FORCE  # never a silent guess
    (unres,) = [e for e in d.events if e.kind is EventKind.UNRESOLVED_REFERENCE]
    assert unres.id == f"{TAG_PREFIX}QA-2025-05-14-bad00001/unresolved_reference/ecl/2025-05-14/2025-04-04-ecl-15"
    assert len(d.problems) == 1 and "count mismatch" in d.problems[0] and "MOFCOM-2025-21 (16)" in d.problems[0]


def test_date_reference_resolves_among_several_notices_of_that_day():
    # Two ECL notices on 2025-04-04: the count picks No. 21; without a match it stays unresolved.
    other = impose("MOFCOM-2025-20", "商务部公告2025年第20号", ECL, date(2025, 4, 4), NO13.entities[:3])
    d = derive([stored(NO21), stored(other), stored(QA_0514_ECL)], date(2025, 6, 1))
    assert state(d, "MOFCOM-2025-21").state is ListingState.SUSPENDED
    assert state(d, "MOFCOM-2025-20").state is ListingState.IN_FORCE
    both = qa("QA-2025-05-14-both0001", datetime(2025, 5, 14, 22, 0, tzinfo=CST), "答记者问", (
        act(ActionKind.SUSPEND, ECL, by_date(date(2025, 4, 4), ECL, 19), effective="2025-05-14"),), ECL)
    d2 = derive([stored(NO21), stored(other), stored(both)], date(2025, 6, 1))
    assert {r.notice_key: r.state for r in d2.states} == {
        "MOFCOM-2025-20": ListingState.SUSPENDED, "MOFCOM-2025-21": ListingState.SUSPENDED}
    # No. 22 was published 04-09 and took effect 04-10: a reference by either date finds it.
    d3 = derive([stored(NO22), stored(QA_0514_ECL)], date(2025, 6, 1))
    assert state(d3, "MOFCOM-2025-22").state is ListingState.SUSPENDED
    assert any("2025-04-04" in p for p in d3.problems)


def test_unresolved_reference_is_an_event_never_dropped():
    orphan = qa("QA-2025-05-14-orph0001", datetime(2025, 5, 14, 22, 0, tzinfo=CST), "答记者问", (
        act(ActionKind.LIFT, UEL, NoticeRef(text="某公告"), effective="2025-05-14"),
        act(ActionKind.SUSPEND, UEL, by_key("UEL-2025-99"), effective="2025-05-14"),
        act(ActionKind.LIFT, UEL, effective="2025-05-14"),
    ), UEL)
    d = derive([stored(orphan)], date(2025, 6, 1))
    unres = [e for e in d.events if e.kind is EventKind.UNRESOLVED_REFERENCE]
    assert len(unres) == 3 and len(d.problems) == 3
    assert all(e.title.startswith("Unresolved reference: QA-2025-05-14-orph0001") for e in unres)
    # the title's reason is a notice not stored only for the reference to UEL-2025-99 (order34: every such title said so)
    missing = [e.title for e in unres if e.title.endswith("which cannot be matched to stored notices")]
    assert len(missing) == 1 and "UEL-2025-99" in missing[0], [e.title for e in unres]
    assert not [e for e in d.events if e.kind in (EventKind.LIFTED, EventKind.SUSPENDED)]


def test_action_naming_some_entities_splits_the_status_row():
    skydio_only = qa("QA-2025-06-01-part0001", datetime(2025, 6, 1, 10, 0, tzinfo=CST), "答记者问", (
        act(ActionKind.LIFT, UEL, by_key("UEL-2025-7"), effective="2025-06-01", entities=("skydio",)),), UEL)
    d = derive([stored(UEL7), stored(skydio_only)], date(2025, 6, 2))
    rows = sorted((r.state, r.entity_count) for r in d.states)
    assert rows == [(ListingState.IN_FORCE, 10), (ListingState.LIFTED, 1)]
    lifted = next(e for e in d.events if e.kind is EventKind.LIFTED and e.scope == "notice")
    assert [x.key for x in lifted.entities] == ["skydio"]


def test_restore_after_lapse_and_effective_datetime_counts_by_date():
    restore = qa("QA-2026-12-01-rest0001", datetime(2026, 12, 1, 9, 0, tzinfo=CST), "答记者问", (
        act(ActionKind.RESTORE, UEL, by_key("UEL-2025-7"), effective="2026-12-02T00:00+08:00"),), UEL)
    d = derive(corpus() + [stored(restore)], date(2026, 12, 5))
    row = state(d, "UEL-2025-7")
    assert (row.state, row.since, row.presumed) == (ListingState.IN_FORCE, date(2026, 12, 2), False)
    assert "restored/uel/2026-12-02" in notice_ids(d, "UEL-2025-7")
    assert "suspension_lapsed/uel/2026-11-11" in notice_ids(d, "UEL-2025-7")


def test_news_report_never_changes_a_state():
    from storage.records import NoticeKind

    news = replace(QAS[3], key="NEWS-2025-08-12-abc", kind=NoticeKind.NEWS)  # reports the 8号 lift
    d = derive([stored(UEL7), stored(news)], date(2025, 9, 1))
    assert state(d, "UEL-2025-7").state is ListingState.IN_FORCE
    assert {e.kind for e in d.events} == {EventKind.IMPOSED, EventKind.NOTICE}
    assert not [e for e in d.events if e.source_key == "NEWS-2025-08-12-abc"]


def test_date_reference_without_list_uses_the_acting_notice_list():
    ref = replace(by_date(date(2025, 4, 4), ECL, 16), list=None)
    q = qa("QA-2025-05-14-nolist01", datetime(2025, 5, 14, 22, 0, tzinfo=CST), "答记者问", (
        replace(act(ActionKind.SUSPEND, ECL, ref, effective="2025-05-14"), list=None),), ECL)
    d = derive([stored(NO21), stored(UEL7), stored(q)], date(2025, 6, 1))
    assert state(d, "MOFCOM-2025-21").state is ListingState.SUSPENDED
    assert state(d, "UEL-2025-7").state is ListingState.IN_FORCE


def test_dates_sharing_one_count_are_checked_against_the_sum():
    """"2025年4月4日和4月9日被列入…的28家美国实体": one count for two dates (16 + 12)."""
    def joint(key: str, stated: int):
        refs = tuple(NoticeRef(text="2025年4月4日和4月9日被列入出口管制管控名单的28家美国实体", date=day, list=ECL)
                     for day in (date(2025, 4, 4), date(2025, 4, 9)))
        rec = qa(key, datetime(2025, 5, 14, 22, 0, tzinfo=CST), "答记者问", (
            act(ActionKind.SUSPEND, ECL, *refs, effective="2025-05-14", until=date(2025, 8, 12)),), ECL)
        return replace(rec, stated_count=stated)

    d = derive([stored(NO21), stored(NO22), stored(joint("QA-2025-05-14-join0028", 28))], date(2025, 6, 1))
    assert not d.problems
    assert {state(d, k).state for k in ("MOFCOM-2025-21", "MOFCOM-2025-22")} == {ListingState.SUSPENDED}

    d2 = derive([stored(NO21), stored(NO22), stored(joint("QA-2025-05-14-join0027", 27))], date(2025, 6, 1))
    assert {state(d2, k).state for k in ("MOFCOM-2025-21", "MOFCOM-2025-22")} == {ListingState.IN_FORCE}
    (unres,) = [e for e in d2.events if e.kind is EventKind.UNRESOLVED_REFERENCE]
    assert unres.id.endswith("/unresolved_reference/ecl/2025-05-14/joint-count")
    assert "says 27 entities" in d2.problems[0] and "hold 28" in d2.problems[0]


def test_suspending_an_item_control_notice_is_no_unresolved_reference():
    """No. 72 suspends clause 2 of 2024 No. 46 (items, no entities): resolved to its items, no alarm."""
    no46 = NoticeRecord(key="MOFCOM-2024-46", kind=NoticeKind.ANNOUNCEMENT, number="商务部公告2024年第46号",
                        issuer="商务部", title="关于加强相关两用物项对美国出口管制的公告", published=date(2024, 12, 3),
                        effective="2024-12-03")
    no72 = NoticeRecord(key="MOFCOM-2025-72", kind=NoticeKind.ANNOUNCEMENT, number="商务部公告2025年第72号",
                        issuer="商务部", title="关于暂停实施商务部公告2024年第46号的公告", published=date(2025, 11, 9),
                        effective="2025-11-09",
                        actions=(ActionRecord(ActionKind.SUSPEND, None, targets=(by_key("MOFCOM-2024-46"),),
                                              effective="2025-11-09", until=date(2026, 11, 27)),))
    d = derive([stored(no46), stored(no72)], AS_OF)
    assert not d.problems
    assert not [e for e in d.events if e.kind is EventKind.UNRESOLVED_REFERENCE]
    assert {e.notice_key for e in d.events if e.kind is EventKind.NOTICE} == {"MOFCOM-2024-46", "MOFCOM-2025-72"}
    # a listing notice that lists nothing on the named list is still reported
    empty_ecl = replace(no46, key="MOFCOM-2025-99", list=ECL)
    lift = replace(no72, key="MOFCOM-2025-98", actions=(
        ActionRecord(ActionKind.LIFT, ECL, targets=(by_key("MOFCOM-2025-99"),), effective="2025-11-09"),))
    assert derive([stored(empty_ecl), stored(lift)], AS_OF).problems


def test_an_added_measure_says_which_measure_where_the_notice_writes_it():
    """"Measure: Illumina … (UEL-2025-6)" did not say which measure; the notice writes it after its lead-in
    (wording29). Its stop says it too; a notice whose text writes none reads as before."""
    text = "依据《不可靠实体清单规定》第十条的规定，不可靠实体清单工作机制决定对因美纳公司采取以下处理措施：禁止其向中国出口基因测序仪。"
    uel6 = replace(UEL6, actions=(replace(UEL6.actions[0], text=text),))
    d = derive([stored(r) for r in (UEL4, uel6, QA_1105_UEL)], AS_OF)
    items = [e for e in d.events if e.notice_key == "UEL-2025-6" and e.kind in (EventKind.MEASURE, EventKind.LIFTED)]
    assert {(e.kind, e.scope) for e in items} == {(k, s) for k in (EventKind.MEASURE, EventKind.LIFTED)
                                                 for s in ("notice", "entity")}
    for e in items:
        assert "禁止其向中国出口基因测序仪" in e.title and "禁止其向中国出口基因测序仪" in e.summary, (e.title, e.summary)
    assert next(e.title for e in items if e.kind is EventKind.MEASURE and e.scope == "entity") == (
        "Measure: Illumina, Inc. (因美纳公司) on the unreliable entity list (UEL-2025-6) from 2025-03-04: 禁止其向中国出口基因测序仪")
    plain = derive([stored(r) for r in (UEL4, UEL6)], AS_OF)
    assert [e.title for e in plain.events if e.kind is EventKind.MEASURE and e.scope == "notice"] == [
        "Measure: Illumina, Inc. on the unreliable entity list (UEL-2025-6) from 2025-03-04"]


def test_a_notice_item_names_a_target_by_day_in_english_once_per_day():
    """reader34: the notices feed named a Q&A's targets by the phrase as parsed, cut before its noun and one phrase for
    two days: "suspends the measures of 2025年4月4日和4月9日被列入出口管制管控名单的28家美国, 2025年4月4日和4月9日…的28家美国"."""
    from storage.lifecycle.notices import _notice_event

    both = "2025年4月4日和4月9日被列入出口管制管控名单的28家美国"
    suspend = act(ActionKind.SUSPEND, ECL, NoticeRef(text=both, date=date(2025, 4, 4), list=ECL, country="US"),
                  NoticeRef(text=both, date=date(2025, 4, 9), list=ECL, country="US"), effective="2025-05-14")
    extend = act(ActionKind.EXTEND, ECL, NoticeRef(text="2025年4月4日被列入出口管制管控名单的16家美国", date=date(2025, 4, 4),
                                                   list=ECL, count=16, country="US"), effective="2025-08-12")
    lift = act(ActionKind.LIFT, ECL, NoticeRef(text="4月9日公告（商务部公告2025年第22号）", key="MOFCOM-2025-22",
                                               date=date(2025, 4, 9)), effective="2025-08-12")
    item = _notice_event(stored(qa("QA-2025-08-12-ecl00002", datetime(2025, 8, 12, 18, 0, tzinfo=CST), "答记者问",
                                   (suspend, extend, lift), ECL)))
    assert item.title == (
        "Notice QA-2025-08-12-ecl00002 (答记者问): suspends the measures of the US entities listed on 2025-04-04, the US "
        "entities listed on 2025-04-09; extends the suspension of the 16 US entities listed on 2025-04-04; stops the "
        "measures of MOFCOM-2025-22 on the export control list")
    assert "家美国" not in item.summary


def test_a_notice_item_of_a_name_correction_says_whose_names_it_corrects():
    """reader34: "Notice MOFCOM-2024-93 (…): changes no list on the export control list", a notice correcting a listed
    entity's name ("关于更正商务部公告2024年第89号附件有关内容的公告"): to an officer, nothing to do for a listed entity."""
    from storage.lifecycle.notices import _notice_event
    from tests.storage.test_lifecycle_corpus import ent

    fix = NoticeRecord(key="MOFCOM-2024-93", kind=NoticeKind.ANNOUNCEMENT, number="商务部公告2024年第93号",
                       issuer="商务部", title="商务部公告2024年第93号 关于更正商务部公告2024年第89号附件有关内容的公告",
                       published=date(2024, 10, 21), effective="2024-10-21", list=ECL, actions=(),
                       entities=(ent("Upsilon Power LLC", "乌普西隆动力公司"),),
                       references=(NoticeRef(text="商务部公告2024年第89号", key="MOFCOM-2024-89"),))
    assert _notice_event(stored(fix)).title == (
        "Notice MOFCOM-2024-93 (商务部公告2024年第93号): corrects the names of Upsilon Power LLC listed by MOFCOM-2024-89 on "
        "the export control list")  # named, as the list feeds' titles (session 36); counted in the summary
    assert ": corrects the names of 1 US entity listed by MOFCOM-2024-89" in _notice_event(stored(fix)).summary
    plain = replace(fix, title="商务部公告2024年第93号 关于某事的公告", entities=())
    assert _notice_event(stored(plain)).title.endswith(": changes no list on the export control list")
