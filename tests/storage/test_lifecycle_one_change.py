"""A removal whose notice also stops the measures on the same entities that day ("将X…移出。…对该实体采取的相关措施…停止
执行"): one change, one item ("Removed: …", saying the measures stop too), not a "Lifted" and a "Removed" item for the
same entity on the same day (storage/lifecycle/collect._one_change, session 24). A store that published the
"Lifted" item before says once that the removal's item now says it, not "Retracted: … disregard it" (the lift was
true: storage/events._folded_into)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session

from storage.events import apply_derivation, load_events
from storage.lifecycle import derive
from storage.notices import load_stored_notices
from storage.records import ActionKind, EventKind, ListingState, NoticeRecord
from storage.vocabulary import TAG_PREFIX
from tests.storage.test_events_sync import put
from tests.storage.test_lifecycle_corpus import ECL, NO21, act, by_key, impose, stored

DAY = date(2026, 9, 10)
UNIVERSAL = "universallogisticsholdings"


def removal(*actions: tuple[ActionKind, tuple[str, ...]]) -> NoticeRecord:
    base = impose("MOFCOM-2026-40", "商务部公告2026年第40号", ECL, DAY, ())
    return replace(base, entities=(), stated_count=1, actions=tuple(
        act(kind, ECL, by_key("MOFCOM-2025-21"), effective=DAY.isoformat(), entities=keys) for kind, keys in actions))


def items(rec: NoticeRecord) -> tuple[list[tuple[str, str]], list[str]]:
    d = derive([stored(NO21), stored(rec)], date(2026, 9, 30))
    return (sorted((e.kind.value, e.entity_key or "") for e in d.events if e.source_key == "MOFCOM-2026-40"
                   and e.kind not in (EventKind.NOTICE,)), [e.summary for e in d.events
                                                           if e.source_key == "MOFCOM-2026-40" and e.kind is EventKind.REMOVED])


def test_a_removal_that_stops_the_measures_too_is_one_item_saying_both() -> None:
    got, summaries = items(removal((ActionKind.LIFT, (UNIVERSAL,)), (ActionKind.REMOVE, (UNIVERSAL,))))
    assert got == [("removed", ""), ("removed", UNIVERSAL)]
    assert all("the measures MOFCOM-2025-21 (商务部公告2025年第21号) took on them are stopped (lifted) from the same day"
               in s for s in summaries), summaries
    d = derive([stored(NO21), stored(removal((ActionKind.REMOVE, (UNIVERSAL,)), (ActionKind.LIFT, (UNIVERSAL,))))],
               date(2026, 9, 30))
    (row,) = [r for r in d.states if r.notice_key == "MOFCOM-2025-21" and UNIVERSAL in r.entity_keys]
    assert (row.state, row.since, row.entity_keys) == (ListingState.REMOVED, DAY, (UNIVERSAL,))


def test_a_removal_alone_and_a_lift_reaching_more_keep_their_items_and_words() -> None:
    got, summaries = items(removal((ActionKind.REMOVE, (UNIVERSAL,))))
    assert got == [("removed", ""), ("removed", UNIVERSAL)]
    assert not [s for s in summaries if "stopped (lifted)" in s]
    # the whole notice's measures stopped, one entity removed: the lift says something the removal does not
    got, _ = items(removal((ActionKind.LIFT, ()), (ActionKind.REMOVE, (UNIVERSAL,))))
    assert ("lifted", "") in got and ("removed", UNIVERSAL) in got and ("lifted", "sourceintelligence") in got


def test_a_store_that_published_the_lifted_item_is_told_the_removal_says_it_now(engine) -> None:
    rec = removal((ActionKind.LIFT, (UNIVERSAL,)), (ActionKind.REMOVE, (UNIVERSAL,)))
    for one in (NO21, rec):
        put(engine, one)
    as_of = date(2026, 9, 30)
    with Session(engine) as s:
        notices = {n.record.key: n for n in load_stored_notices(s)}
    now = derive(list(notices.values()), as_of)
    removed = [e for e in now.events if e.kind is EventKind.REMOVED]
    # what the code before session 24 stored: each removal item without the clause on the measures, and a
    # "Lifted" twin of it (and no ``facts``, which items carry since session 31: the words said all)
    clause = ", and the measures MOFCOM-2025-21 (商务部公告2025年第21号) took on them are stopped (lifted) from the same day"
    assert all(clause in e.summary for e in removed)
    was = [replace(e, summary=e.summary.replace(clause, ""), facts=()) for e in removed]
    before = replace(now, events=tuple(e for e in now.events if e not in removed) + tuple(was) + tuple(
        replace(e, id=e.id.replace("/removed/", "/lifted/"), kind=EventKind.LIFTED, title=e.title.replace("Removed", "Lifted"))
        for e in was))
    with Session(engine) as s, s.begin():
        apply_derivation(s, before, as_of, notices)
    with Session(engine) as s, s.begin():
        result = apply_derivation(s, now, as_of, notices)
    # each lifted item (notice and entity) is said by the removal's item now; each removal item is corrected once
    assert (result.retracted, result.corrected) == (0, 4)
    with Session(engine) as s:
        shown = {e.id: e for e in load_events(s, None)}
    lifted = f"{TAG_PREFIX}MOFCOM-2025-21/lifted/ecl/{DAY.isoformat()}/{UNIVERSAL}"
    assert lifted not in shown and f"{TAG_PREFIX}MOFCOM-2025-21/removed/ecl/{DAY.isoformat()}/{UNIVERSAL}" in shown
    said = shown[f"{lifted}/correction/1"]
    assert said.title.startswith("Said by its removal item now: Lifted:"), said.title
    assert "not withdrawn" in said.summary and "Retracted" not in said.title
    fixed = shown[f"{TAG_PREFIX}MOFCOM-2025-21/removed/ecl/{DAY.isoformat()}/{UNIVERSAL}/correction/1"]
    assert fixed.title.startswith("Correction: Removed:") and clause in fixed.summary
    assert not [e for e in shown.values() if e.title.startswith("Retracted")]
