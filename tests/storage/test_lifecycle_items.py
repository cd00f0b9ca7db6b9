"""Item-control notices (no list, no entities) get a state of their own when a later notice suspends them."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from storage.lifecycle import clauses, derive
from storage.records import (
    ActionKind,
    ActionRecord,
    EventKind,
    ListingState,
    ListKind,
    NoticeKind,
    NoticeRecord,
)
from storage.vocabulary import TAG_PREFIX
from tests.storage.test_lifecycle_corpus import by_key, corpus, stored

AS_OF = date(2026, 11, 29)
NO72_TEXT = "自即日起至2026年11月27日，暂停实施商务部公告2024年第46号关于加强相关两用物项对美国出口管制的公告第二款"


def items_notice(key: str, number: str, published: date, title: str = "关于对相关物项实施出口管制的公告",
                 actions: tuple[ActionRecord, ...] = ()) -> NoticeRecord:
    return NoticeRecord(key=key, kind=NoticeKind.ANNOUNCEMENT, number=number, issuer="商务部", title=title,
                        published=published, effective=published.isoformat(), actions=actions)


NO46 = items_notice("MOFCOM-2024-46", "商务部公告2024年第46号", date(2024, 12, 3),
                    "关于加强相关两用物项对美国出口管制的公告")
NO72 = items_notice("MOFCOM-2025-72", "商务部公告2025年第72号", date(2025, 11, 9),
                    "关于暂停实施商务部公告2024年第46号的公告",
                    (ActionRecord(ActionKind.SUSPEND, None, targets=(by_key("MOFCOM-2024-46", "商务部公告2024年第46号"),),
                                  effective="2025-11-09", until=date(2026, 11, 27), duration="至2026年11月27日",
                                  text=NO72_TEXT),))
NO70_TARGETS = ("MOFCOM-2025-55", "MOFCOM-2025-56", "MOFCOM-2025-57", "MOFCOM-2025-58", "MOFCOM-2025-61",
                "MOFCOM-2025-62")
OCT9 = tuple(items_notice(k, f"商务部公告2025年第{k.rsplit('-', 1)[1]}号", date(2025, 10, 9)) for k in NO70_TARGETS)
NO70 = items_notice("MOFCOM-2025-70", "商务部 海关总署公告2025年第70号", date(2025, 11, 7),
                    "关于暂停实施商务部公告2025年第55号等公告的公告",
                    (ActionRecord(ActionKind.SUSPEND, None, targets=tuple(by_key(k) for k in NO70_TARGETS),
                                  effective="2025-11-10", until=date(2026, 11, 10),
                                  text="暂停实施第55号、56号、57号、58号、61号、62号公告，至2026年11月10日"),))


def item_events(d, key: str) -> list:
    return [e for e in d.events if e.notice_key == key and e.kind is not EventKind.NOTICE]


def test_no72_suspends_no46_through_2026_11_27_which_lapses_the_day_after():
    """"暂停实施…至2026年11月27日": 11-27 included (the lead's decision on story36's C1): lapsed on 11-28, the countdowns
    counted to it; "until" keeps the notice's own day, said to be included."""
    d = derive([stored(NO46), stored(NO72)], AS_OF)
    ids = sorted(e.id for e in item_events(d, "MOFCOM-2024-46"))
    assert ids == sorted(f"{TAG_PREFIX}MOFCOM-2024-46/{kind}/items/{day}" for kind, day in (
        ("suspended", "2025-11-09"), ("suspension_ends_soon", "2026-10-29"),
        ("suspension_ends_soon", "2026-11-21"), ("suspension_lapsed", "2026-11-28")))
    events = {e.kind: e for e in item_events(d, "MOFCOM-2024-46")}
    for e in item_events(d, "MOFCOM-2024-46"):
        assert e.scope == "notice" and e.entity_key is None and e.entities == ()
        assert e.list is ListKind.ITEMS and e.source_key == "MOFCOM-2025-72"
        assert [p.notice_key for p in e.provenance] == ["MOFCOM-2025-72", "MOFCOM-2024-46"]
        assert e.title_zh == NO72.title
    suspended, lapsed = events[EventKind.SUSPENDED], events[EventKind.SUSPENSION_LAPSED]
    assert suspended.until == date(2026, 11, 27)
    # named by its number, as a reader knows it, the key and clause after it (wording30: "of MOFCOM-2024-46")
    assert suspended.title == ("Suspended: item controls of 商务部公告2024年第46号 (MOFCOM-2024-46, clause 2) from 2025-11-09 "
                               "until 2026-11-27 inclusive")
    assert lapsed.title == ("Suspension lapsed: item controls of 商务部公告2024年第46号 (MOFCOM-2024-46, clause 2) presumed "
                            "back in force from 2026-11-28, needs review")
    assert lapsed.presumed and "needs review" in lapsed.summary and "商务部公告2024年第46号" in lapsed.summary
    assert sorted(e.days_left for e in d.events if e.kind is EventKind.SUSPENSION_ENDS_SOON) == [7, 30]
    (row,) = d.states
    assert (row.notice_key, row.list, row.state, row.since, row.presumed, row.by, row.entity_count) == (
        "MOFCOM-2024-46", ListKind.ITEMS, ListingState.LAPSED, date(2026, 11, 28), True, "MOFCOM-2025-72", 0)
    assert not d.problems


def test_no46_is_suspended_with_days_left_before_the_end():
    d = derive([stored(NO46), stored(NO72)], date(2026, 11, 1))
    (row,) = d.states
    # 27 days to the day it lapses (11-28): 11-27 is its last day
    assert (row.state, row.until, row.lapses_on, row.days_left) == (
        ListingState.SUSPENDED, date(2026, 11, 27), date(2026, 11, 28), 27)
    assert not [e for e in d.events if e.kind is EventKind.SUSPENSION_LAPSED]


def test_no70_suspends_six_item_notices():
    d = derive([stored(n) for n in (*OCT9, NO70)], AS_OF)
    assert not d.problems
    assert {r.notice_key for r in d.states} == set(NO70_TARGETS)
    # through 2026-11-10 inclusive, lapsed the day after, as the real No. 70's "至2026年11月10日" (lapse43: the test's
    # action carries no duration written, a counted end that lapsed on 11-10 before)
    assert {(r.list, r.state, r.since) for r in d.states} == {(ListKind.ITEMS, ListingState.LAPSED, date(2026, 11, 11))}
    for key in NO70_TARGETS:
        assert {e.id for e in item_events(d, key)} == {f"{TAG_PREFIX}{key}/{kind}/items/{day}" for kind, day in (
            ("suspended", "2025-11-10"), ("suspension_ends_soon", "2026-10-12"),
            ("suspension_ends_soon", "2026-11-04"), ("suspension_lapsed", "2026-11-11"))}
    # the sentence names no clause, and six targets could not share one anyway
    assert all("clause" not in e.title for e in d.events)


def test_extended_then_restored_items():
    extend = items_notice("MOFCOM-2026-90", "商务部公告2026年第90号", date(2026, 11, 20), actions=(
        ActionRecord(ActionKind.EXTEND, None, targets=(by_key("MOFCOM-2024-46"),), effective="2026-11-20",
                     until=date(2027, 11, 27)),))
    d = derive([stored(NO46), stored(NO72), stored(extend)], AS_OF)
    (row,) = d.states
    assert (row.state, row.until, row.by) == (ListingState.SUSPENDED, date(2027, 11, 27), "MOFCOM-2026-90")
    kinds = {e.kind for e in item_events(d, "MOFCOM-2024-46")}
    assert EventKind.SUSPENSION_EXTENDED in kinds and EventKind.SUSPENSION_LAPSED not in kinds
    restore = replace(extend, key="MOFCOM-2026-91", actions=(
        ActionRecord(ActionKind.RESTORE, None, targets=(by_key("MOFCOM-2024-46"),), effective="2026-11-25"),))
    d = derive([stored(NO46), stored(NO72), stored(extend), stored(restore)], AS_OF)
    (row,) = d.states
    assert (row.state, row.by, row.presumed) == (ListingState.IN_FORCE, "MOFCOM-2026-91", False)
    (restored,) = [e for e in d.events if e.kind is EventKind.RESTORED]
    assert restored.id == f"{TAG_PREFIX}MOFCOM-2024-46/restored/items/2026-11-25"
    assert restored.title.startswith("Restored: item controls of 商务部公告2024年第46号 (MOFCOM-2024-46")


def test_order_independence_with_item_controls():
    notices = [*corpus(), stored(NO46), stored(NO72), *(stored(n) for n in (*OCT9, NO70))]
    base = derive(notices, AS_OF)
    assert len([r for r in base.states if r.list is ListKind.ITEMS]) == 7
    for seed in range(4):
        shuffled = list(notices)
        random.Random(seed).shuffle(shuffled)
        assert derive(shuffled, AS_OF) == base


def test_an_item_notice_nobody_suspends_has_only_its_notice_item():
    d = derive([stored(NO46)], AS_OF)
    assert [e.id for e in d.events] == [f"{TAG_PREFIX}MOFCOM-2024-46/notice"]
    assert d.states == () and d.problems == ()


def test_no_entity_level_events_for_items():
    d = derive([stored(n) for n in (NO46, NO72, *OCT9, NO70)], AS_OF)
    assert d.events and not [e for e in d.events if e.scope == "entity"]


def test_clause_numbers_are_read_from_the_action_text():
    assert clauses(NO72_TEXT) == (2,)
    assert clauses("暂停实施第一款、第十二款和第3款") == (1, 12, 3)
    assert clauses("暂停实施该公告") == ()
