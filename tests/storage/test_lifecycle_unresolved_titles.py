"""What an unresolved-reference item says in its title, all a reader's list of items shows (reader35 B, order35 B1/B2,
decided by the lead in session 36): the list it is on; the reference as written, never the whole sentence it was
read from (~150 Chinese characters: stories24/counted's MOFCOM-2026-231), which its summary keeps; who a step naming
no notice names or counts; "its reference" in the summary; and a "Resolved" correction saying "the notice it names
is stored now" only where a notice it named was missing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from storage.events import _now_found
from storage.lifecycle import derive
from storage.records import ActionKind, EventKind, EventRecord, EventScope
from storage.vocabulary import TAG_PREFIX, UNMATCHED_CAUSE
from tests.storage.test_lifecycle_corpus import CST, ECL, act, by_key, ent, impose, parsed_pages, qa, stored

DATA = Path(__file__).resolve().parents[1] / "data"
COUNTED = DATA / "stories24" / "counted"
STORIES21 = DATA / "stories21" / "main"
APPLIED = "which cannot be applied as read (its text says why)"


def _unresolved(notices, day: date) -> dict[str, EventRecord]:
    return {e.id.removeprefix(TAG_PREFIX): e for e in derive(notices, day).events
            if e.kind is EventKind.UNRESOLVED_REFERENCE}


def test_a_step_held_for_its_count_names_its_count_notice_and_list_not_its_sentence() -> None:
    got = _unresolved(parsed_pages(COUNTED, "k1-mofcom-2025-21-real.txt",
                                   "k4-mofcom-2026-231-removal-count-before-number.txt"), date(2027, 1, 1))
    removal, lift = got["MOFCOM-2026-231/unresolved_reference/ecl/2026-12-01/a0-count"], \
        got["MOFCOM-2026-231/unresolved_reference/ecl/2026-12-01/a1-count"]
    assert removal.title == ('Unresolved reference: MOFCOM-2026-231 removes 2 entities of "商务部公告2025年第21号" from the '
                             f"export control list, {APPLIED}")
    assert lift.title == ('Unresolved reference: MOFCOM-2026-231 lifts the measures on 2 entities of "商务部公告2025年第21号"'
                          f" on the export control list, {APPLIED}")
    sentence = "商务部决定将高点航空技术公司等2家美国实体从出口管制管控名单中移出"
    for event in (removal, lift):
        assert sentence not in event.title and sentence in event.summary  # the sentence goes to the body
        assert dict(event.facts)["reference"].startswith("根据《中华人民共和国出口管制法》")  # a fact: unchanged


def test_a_step_naming_an_entity_on_no_listing_names_it_and_a_notice_not_stored_is_quoted() -> None:
    """stories21's No. 21 read alone (order35 B1: its title quoted No. 21's own title as the reference)."""
    got = _unresolved(parsed_pages(STORIES21, "v02-mofcom-2027-21-removal.txt"), date(2027, 6, 1))
    named = got["MOFCOM-2027-21/unresolved_reference/ecl/2027-03-15/a0"]
    assert named.title == f"Unresolved reference: MOFCOM-2027-21 removes Titan Materials Corp. from the export control list, {APPLIED}"
    missing = got["MOFCOM-2027-21/unresolved_reference/ecl/2027-03-15/MOFCOM-2026-164"]
    assert missing.title == ('Unresolved reference: MOFCOM-2027-21 lifts "商务部公告2026年第164号" on the export control '
                             f"list, {UNMATCHED_CAUSE}")
    # order35 B2: "…, but its reference to MOFCOM-2026-164 (…), which is not stored"
    assert ", but its reference to MOFCOM-2026-164 (\"商务部公告2026年第164号\"), which is not stored" in missing.summary


def test_a_step_naming_two_names_the_one_it_could_not_reach() -> None:
    """order35's tree-s36b: a decision lifting two people by name, one listed: the other's item named both, as if
    neither were lifted (the listed one's "Lifted" item says what happened to it)."""
    listed, unknown = ent("Mary Jones", "玛丽·琼斯公司"), ent("John A. Smith", "约翰·史密斯公司")
    no60 = impose("MOFCOM-2027-60", "商务部公告2027年第60号", ECL, date(2027, 1, 5), (listed,))
    stop = replace(qa("QA-2027-03-01-stop0001", datetime(2027, 3, 1, 10, 0, tzinfo=CST), "答记者问", (
        act(ActionKind.LIFT, ECL, effective="2027-03-01", entities=(unknown.key, listed.key)),), ECL),
        entities=(unknown, listed))
    d = derive([stored(no60), stored(stop)], date(2027, 3, 2))
    [event] = [e for e in d.events if e.kind is EventKind.UNRESOLVED_REFERENCE]
    assert event.title == ("Unresolved reference: QA-2027-03-01-stop0001 lifts the measures on John A. Smith on the "
                           f"export control list, {APPLIED}")
    assert any(e.kind is EventKind.LIFTED and e.entity_key == listed.key for e in d.events)


def test_a_long_reference_is_cut_in_the_title_and_kept_whole_in_the_summary() -> None:
    text = "2025年4月4日被列入出口管制管控名单的高点航空技术公司、环球物流控股公司等16家美国实体（商务部公告2025年第99号）"
    q = qa("QA-2025-05-14-long0001", datetime(2025, 5, 14, 22, 0, tzinfo=CST), "答记者问", (
        act(ActionKind.SUSPEND, ECL, by_key("MOFCOM-2025-99", text), effective="2025-05-14"),), ECL)
    [event] = _unresolved([stored(q)], date(2025, 6, 1)).values()
    assert event.title == (f'Unresolved reference: QA-2025-05-14-long0001 suspends "{text[:39]}…" on the export control '
                           f"list, {UNMATCHED_CAUSE}")
    assert f'"{text}"' in event.summary


def _was(title: str) -> EventRecord:
    return EventRecord(id="x", kind=EventKind.UNRESOLVED_REFERENCE, scope=EventScope.NOTICE, list=ECL, notice_key="K",
                       source_key="K", entity_key=None, effective=date(2027, 2, 9), until=None,
                       occurred=datetime(2027, 2, 9, tzinfo=CST), updated=datetime(2027, 2, 9, tzinfo=CST),
                       title=title, title_zh=None, facts=(), summary="", provenance=())


def test_resolved_says_the_notice_is_stored_now_only_where_one_was_missing() -> None:
    assert _now_found(_was(f'Unresolved reference: K lifts "商务部公告2026年第164号" on the export control list, '
                           f"{UNMATCHED_CAUSE}")) == "the notice it names is stored now"
    assert _now_found(_was(f"Unresolved reference: K removes Titan Materials Corp. from the export control list, "
                           f"{APPLIED}")) == "it can be applied as read now"
