"""A countermeasure decision with a term ("采取以下反制措施，期限为5年："): its listing ends when the term does (session 18,
mfa18). Before, the term was not read and the listing stayed in force for ever. The text is the corpus case
tests/data/corpus/mfa17/12-impose-with-term.txt (composed: no real MFA decision found with a term)."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

from scraper.parse import parse_text
from storage.lifecycle import derive
from storage.records import EventKind, ListingState
from tests.storage.test_lifecycle_corpus import stored

TEXT = (Path(__file__).resolve().parents[1] / "data/corpus/mfa17/12-impose-with-term.txt").read_text(encoding="utf-8")


def test_a_term_ends_the_listing_on_its_last_day() -> None:
    rec = parse_text(TEXT)
    assert rec is not None and rec.actions[0].until == date(2031, 7, 8)
    known = [stored(rec, fetched=datetime(2026, 7, 8, 8, 0, tzinfo=timezone.utc))]
    during = derive(known, date(2031, 7, 7))
    assert {(r.state, r.next_state, r.next_from) for r in during.states} == {
        (ListingState.IN_FORCE, ListingState.LIFTED, date(2031, 7, 8))}
    after = derive(known, date(2031, 7, 8))
    assert {(r.state, r.since, r.by) for r in after.states} == {(ListingState.LIFTED, date(2031, 7, 8), rec.key)}
    ended = [e for e in after.events if e.kind is EventKind.LIFTED and e.entity_key is None]
    assert [(e.effective, e.notice_key) for e in ended] == [(date(2031, 7, 8), rec.key)]
    assert "term" in ended[0].summary and after.problems == ()


def test_no_term_no_end() -> None:
    rec = parse_text(TEXT.replace("，期限为5年", ""))
    assert rec is not None and rec.actions[0].until is None
    d = derive([stored(rec, fetched=datetime(2026, 7, 8, 8, 0, tzinfo=timezone.utc))], date(2040, 1, 1))
    assert {r.state for r in d.states} == {ListingState.IN_FORCE}
    assert not [e for e in d.events if e.kind is EventKind.LIFTED]
