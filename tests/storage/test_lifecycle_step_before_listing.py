"""A step dated before the listing it acts on took effect, though told after that day (blind57, session 57): held as an
unresolved reference (a problem and an item), never applied. Applied, "自2019年8月15日起，停止执行对商务部公告2029年第12号所列
星桥通信公司…" (an answer of 2029-08-10, a year's typo) showed the entity "lifted since 2019-08-15", its listing and two
suspensions gone from its timeline, the Imposed item retitled without it and a false "Withdrawn before it took effect"
item, silently (a parser warning only). A lift told before a listing's later start is a true withdrawal: applied.
Pure: notices in, rows and items out (the chain replayed into a real SQLite file: tests/mofcom_watch/test_stories_chain57.py).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from storage.lifecycle import derive
from storage.records import EventKind, ListingState
from tests.storage.test_lifecycle_corpus import parsed_texts

CHAINS = Path(__file__).resolve().parents[1] / "data" / "stories57" / "chains"
LISTED = (CHAINS / "n1-mofcom-2029-12.txt").read_text(encoding="utf-8")
TYPO = (CHAINS / "n4-qa-2029-08-10-lift-one-year-typo-2019.txt").read_text(encoding="utf-8")
KEY = "MOFCOM-2029-12"
STARBRIDGE = "starbridgecommunications"


def _rows(d) -> set:
    return {(r.state, r.entity_keys, r.since) for r in d.states if r.notice_key == KEY}


def test_a_lift_dated_years_before_its_listing_is_held_not_applied() -> None:
    d = derive(parsed_texts(LISTED, TYPO), date(2029, 8, 11))
    assert _rows(d) == {(ListingState.IN_FORCE, ("rockowloptics", "silvercreekmaterials", STARBRIDGE), date(2029, 2, 20))}
    assert not [e for e in d.events if e.notice_key == KEY and e.kind is EventKind.LIFTED]
    (imposed,) = [e for e in d.events if e.notice_key == KEY and e.kind is EventKind.IMPOSED and e.entity_key is None]
    assert "1 more US entity" in imposed.title, imposed.title  # all three, Starbridge too
    (held,) = [e for e in d.events if e.kind is EventKind.UNRESOLVED_REFERENCE]
    assert held.notice_key.startswith("QA-2029-08-10-") and "cannot be applied as read" in held.title, held.title
    assert any("2019-08-15 is before MOFCOM-2029-12 took effect (2029-02-20)" in p for p in d.problems), d.problems


def test_a_month_typo_told_after_the_listing_is_held_too() -> None:
    d = derive(parsed_texts(LISTED, TYPO.replace("2019年8月15日", "2029年2月1日")), date(2029, 8, 11))
    assert _rows(d) == {(ListingState.IN_FORCE, ("rockowloptics", "silvercreekmaterials", STARBRIDGE), date(2029, 2, 20))}
    assert any("2029-02-01 is before MOFCOM-2029-12 took effect" in p for p in d.problems), d.problems


def test_a_lift_told_before_a_later_start_is_still_a_withdrawal() -> None:
    later = LISTED.replace("本公告自公布之日起正式实施。", "本公告自2029年3月1日起正式实施。")
    told = TYPO.replace("2029-08-10", "2029-02-25").replace("2019年8月15日", "2029年2月25日")
    d = derive(parsed_texts(later, told), date(2029, 3, 2))
    assert (ListingState.LIFTED, (STARBRIDGE,), date(2029, 2, 25)) in _rows(d), _rows(d)
    lifted = [e.title for e in d.events if e.notice_key == KEY and e.kind is EventKind.LIFTED]
    assert lifted and all(t.startswith("Withdrawn before it took effect") for t in lifted), lifted
    assert not [e for e in d.events if e.kind is EventKind.UNRESOLVED_REFERENCE]
