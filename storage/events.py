"""Storing derived events so ids, dates and feed bytes stay stable; corrections, never silent rewrites.

``sync_events`` re-derives every event from the stored notices and compares with
the ``Event`` table:

- a new id is inserted;
- an unchanged payload is left alone (same input, no change: idempotent);
- a payload whose *content* changed (a notice's text changed: a new revision) is
  replaced, its ``updated`` set to the revision's fetch time, and a correction item
  ``<id>/correction/<n>`` pointing to it is added;
- a payload whose only change is provenance (another official URL of the same
  notice, or a re-fetch of the same text) is refreshed in place, ``updated`` kept:
  what the item says did not change;
- an event dated on or before ``as_of`` that no longer follows from the notices is
  marked retracted, with a correction item saying so. An unresolved-reference item
  that disappears because the reference now resolves (a Q&A stored before the notice
  it suspends) is withdrawn without one: the state events it was waiting for now
  exist, and the feeds come out as if the notices had arrived in the other order. Events dated after ``as_of``
  are left alone (a sync with an earlier clock does not retract the future).

``payload_sha256`` hashes the payload without ``updated`` (the one field a
correction moves), so a corrected event still compares equal to its derivation.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.lifecycle import Derivation, derive, event_sort_key
from storage.models import Event
from storage.notices import load_stored_notices
from storage.records import EventKind, EventRecord, StoredNotice
from storage.vocabulary import BEIJING, in_beijing

# Event kinds this module owns in the Event table (health and news items belong to others).
DERIVED_KINDS = frozenset(k.value for k in EventKind if k not in (EventKind.SOURCE_HEALTH, EventKind.NEWS))
DERIVED_SCOPES = ("notice", "entity")
VOLATILE_FIELDS = ("updated",)  # moved by corrections, not part of the comparison
WHERE_FIELDS = ("provenance",)  # where an item's facts come from, not what it says
# Items that rest on the absence of a later notice: a page a broken source failed to give could contradict them.
ABSENCE_KINDS = frozenset({EventKind.SUSPENSION_LAPSED, EventKind.SUSPENSION_ENDS_SOON, EventKind.UNRESOLVED_REFERENCE})


@dataclass(frozen=True)
class SyncResult:
    new: int = 0
    corrected: int = 0
    retracted: int = 0
    refreshed: int = 0  # provenance-only updates
    unchanged: int = 0
    resolved: int = 0  # unresolved-reference items withdrawn because the reference now resolves
    problems: tuple[str, ...] = ()
    withheld: tuple[EventRecord, ...] = ()  # new items not stored: a broken source could falsify them

    @property
    def changed(self) -> bool:
        return bool(self.new or self.corrected or self.retracted or self.refreshed or self.resolved)


def _canonical(payload: dict[str, Any], drop: tuple[str, ...]) -> str:
    data = {k: v for k, v in payload.items() if k not in drop}
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def payload_hash(payload: dict[str, Any]) -> str:
    return hashlib.sha256(_canonical(payload, VOLATILE_FIELDS).encode()).hexdigest()


def _content(payload: dict[str, Any]) -> str:
    return _canonical(payload, VOLATILE_FIELDS + WHERE_FIELDS)


def _revision_time(event: EventRecord) -> datetime:
    """When the notice text behind an event changed: the newest fetch among its provenance."""
    times = [p.fetched_at for p in event.provenance if p.fetched_at is not None]
    return in_beijing(max(times)) if times else event.occurred


def _write(row: Event, event: EventRecord, *, revision: int, retracted: bool = False) -> None:
    payload = event.to_json()
    row.kind = event.kind.value
    row.scope = event.scope
    row.list = event.list.value if event.list else None
    row.notice_key = event.notice_key
    row.source_key = event.source_key
    row.entity_key = event.entity_key
    row.effective = event.effective
    row.until = event.until
    row.occurred = event.occurred
    row.updated = event.updated
    row.payload = payload
    row.payload_sha256 = payload_hash(payload)
    row.corrects = event.corrects
    row.revision = revision
    row.retracted = retracted


def _correction(orig: EventRecord, n: int, at: datetime, *, title: str, summary: str) -> EventRecord:
    return replace(orig, id=f"{orig.id}/correction/{n}", kind=EventKind.CORRECTION, occurred=at, updated=at,
                   title=title, summary=summary, corrects=orig.id, presumed=False, days_left=None)


def _insert(session: Session, event: EventRecord, revision: int = 1) -> Event:
    row = Event(id=event.id)
    _write(row, event, revision=revision)
    session.add(row)
    return row


def _upsert_correction(session: Session, existing: dict[str, Event], item: EventRecord) -> None:
    row = existing.get(item.id)
    if row is None:
        existing[item.id] = _insert(session, item)
    elif row.payload_sha256 != payload_hash(item.to_json()):
        _write(row, item, revision=row.revision + 1)


def falsifiable(event: EventRecord, incomplete: frozenset[str] = frozenset()) -> bool:
    """Could a page we failed to read prove this item false? A lapse or any "presumed" state (a
    missing Q&A may extend or lift the suspension), a countdown (it may move the end date), an
    unresolved reference (the missing notice may resolve it), or anything resting on a notice
    read short of its stated count. Everything else is a fact read whole from a fetched notice."""
    return (event.presumed or event.kind in ABSENCE_KINDS
            or any(p.notice_key in incomplete for p in event.provenance))


def apply_derivation(session: Session, derivation: Derivation, as_of: date,
                     notices: dict[str, StoredNotice] | None = None,
                     withhold: Callable[[EventRecord], bool] | None = None) -> SyncResult:
    """Bring the Event table in line with ``derivation`` (see the module doc). A new item for which
    ``withhold`` says yes is not stored (not published) this time; items already stored are kept."""
    rows = session.scalars(select(Event).where(Event.scope.in_(DERIVED_SCOPES))).all()
    existing = {r.id: r for r in rows if r.kind in DERIVED_KINDS}
    derived = {e.id: e for e in derivation.events}
    counts = dict(new=0, corrected=0, retracted=0, refreshed=0, unchanged=0, resolved=0)
    withheld: list[EventRecord] = []
    for event in sorted(derivation.events, key=lambda e: e.id):
        row = existing.get(event.id)
        if row is None and withhold is not None and withhold(event):
            withheld.append(event)
            continue
        if row is None:
            _insert(session, event)
            counts["new"] += 1
            continue
        payload = event.to_json()
        if row.payload_sha256 == payload_hash(payload) and not row.retracted:
            counts["unchanged"] += 1
            continue
        old = EventRecord.from_json(row.payload)
        if _content(row.payload) == _content(payload) and not row.retracted:
            _write(row, replace(event, updated=old.updated), revision=row.revision)
            counts["refreshed"] += 1
            continue
        at = _revision_time(event)
        new = replace(event, updated=at)
        n = row.revision
        if row.retracted:
            summary = (f"This item was retracted and follows again from the stored notices as of {at.isoformat()}. "
                       f"{event.summary}")
            title = f"Reinstated: {event.title}"
        else:
            summary = (f"Corrects the item \"{old.title}\": the text of a notice it rests on changed "
                       f"(revision fetched {at.isoformat()}). Now: {event.summary}")
            title = f"Correction: {event.title}"
        _write(row, new, revision=row.revision + 1)
        _upsert_correction(session, existing, _correction(new, n, at, title=title, summary=summary))
        counts["corrected"] += 1
    for row in sorted(existing.values(), key=lambda r: r.id):
        if row.id in derived or row.retracted or row.kind == EventKind.CORRECTION.value:
            continue
        old = EventRecord.from_json(row.payload)
        if old.occurred.astimezone(BEIJING).date() > as_of:
            continue  # a later clock made it; an earlier clock does not retract it
        n = row.revision
        row.retracted = True
        row.revision = row.revision + 1
        if row.kind == EventKind.UNRESOLVED_REFERENCE.value:
            counts["resolved"] += 1  # the reference now resolves: its state events say so; no retraction item
            continue
        at = _retraction_time(old, notices or {})
        _upsert_correction(session, existing, _correction(
            old, n, at, title=f"Retracted: {old.title}",
            summary=(f"The item \"{old.title}\" no longer follows from the stored notices (the text of a notice "
                     f"it rests on changed, revision fetched {at.isoformat()}); disregard it."),
        ))
        counts["retracted"] += 1
    session.flush()
    return SyncResult(problems=derivation.problems, withheld=tuple(withheld), **counts)


def _retraction_time(old: EventRecord, notices: dict[str, StoredNotice]) -> datetime:
    times = []
    for p in old.provenance:
        now = notices.get(p.notice_key)
        fetched = now.provenance.fetched_at if now else None
        if fetched is not None:
            times.append(fetched)
    if not times:
        times = [n.provenance.fetched_at for n in notices.values() if n.provenance.fetched_at is not None]
    return in_beijing(max(times)) if times else old.updated


def sync_events(session: Session, as_of: date) -> SyncResult:
    """Derive events from every stored notice as of ``as_of`` and store them (idempotent)."""
    notices = load_stored_notices(session)
    return apply_derivation(session, derive(notices, as_of), as_of, {n.record.key: n for n in notices})


def load_events(session: Session, as_of: date | None = None) -> list[EventRecord]:
    """Stored lifecycle events and corrections, newest first (occurred desc, then id); retracted ones left out."""
    rows = session.scalars(select(Event).where(Event.scope.in_(DERIVED_SCOPES), Event.retracted.is_(False))).all()
    events = [EventRecord.from_json(r.payload) for r in rows if r.kind in DERIVED_KINDS]
    if as_of is not None:
        events = [e for e in events if e.occurred.astimezone(BEIJING).date() <= as_of]
    return sorted(events, key=event_sort_key)
