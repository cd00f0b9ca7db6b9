"""Whether the last derive and sync of the events still stands, so a cycle with nothing new skips both.

A sync from the same inputs for the same day changes nothing (it is idempotent), and the Event table
is written by no one else. The inputs are the notices as the engine reads them (each parse and its
provenance: number, title, issuer, URLs, the snapshot it was read from), the engine's own code (every
module of ``storage``: a new release derives again), the day and the held-back sources. Their digest,
read from narrow columns, is kept in ``DeriveMark`` with a fingerprint of the Event table the sync left, with what the derivation found and the commands
print (states, problems, unresolved references, items held back), so ``publish`` and ``status`` read
that instead of deriving again, and print the same. ``publish(full=True)`` ignores the mark.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from storage.lifecycle import Derivation
from storage.models import DeriveMark, Event, Notice, NoticeUrl, Snapshot
from storage.records import EventKind, EventRecord, StatusRow
from storage.vocabulary import as_utc

MARK_NAME = "events"
ENGINE_DIR = Path(__file__).resolve().parent  # every module here may change what a sync makes of the notices
_engine_version: str | None = None


def engine_version() -> str:
    """SHA-256 of the source of every ``storage`` module, read once per process: any change to the
    engine, the records, the sync or the models counts as a new engine (no version number to forget)."""
    global _engine_version
    if _engine_version is None:
        digest = hashlib.sha256()
        for path in sorted(ENGINE_DIR.glob("*.py")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        _engine_version = digest.hexdigest()
    return _engine_version


def inputs_digest(session: Session, as_of: date) -> str:
    """The digest of everything a derive and sync as of ``as_of`` reads, from narrow columns only."""
    urls: dict[int, list[str]] = {}
    for notice_id, url in session.execute(select(NoticeUrl.notice_id, NoticeUrl.url)):
        urls.setdefault(notice_id, []).append(url)
    rows = session.execute(
        select(Notice.id, Notice.key, Notice.record_json, Notice.number, Notice.title, Notice.issuer,
               Snapshot.fetched_at, Snapshot.sha256)
        .outerjoin(Snapshot, Snapshot.id == Notice.snapshot_id).order_by(Notice.key))
    digest = hashlib.sha256(f"{engine_version()}\0{as_of.isoformat()}\0".encode())
    for notice_id, *fields, fetched_at, sha in rows:
        fetched = as_utc(fetched_at).isoformat() if fetched_at is not None else None
        digest.update(repr((*fields, fetched, sha, sorted(urls.get(notice_id, ())))).encode() + b"\n")
    return digest.hexdigest()


def events_fingerprint(session: Session) -> str:
    """A few aggregates of the Event table: a row deleted, added or retracted by anything but a sync
    (a restored backup, a hand edit) makes the mark stale, and the next publish syncs again."""
    row = session.execute(select(func.count(), func.sum(Event.revision), func.sum(case((Event.retracted, 1), else_=0)),
                                 func.min(Event.id), func.max(Event.id))).one()
    return repr(tuple(row))


@dataclass(frozen=True)
class DerivedSummary:
    """What one derivation as of ``as_of`` found that the commands print or report; it stands in for
    the derivation when the derive is skipped."""

    as_of: date
    states: tuple[StatusRow, ...]
    problems: tuple[str, ...]
    unresolved: tuple[EventRecord, ...]  # the unresolved-reference items (``status`` lists them)
    events: int  # items derived
    withheld: tuple[EventRecord, ...] = ()  # new items the sync held back (broken sources)

    @classmethod
    def of(cls, derivation: Derivation, as_of: date, withheld: tuple[EventRecord, ...] = ()) -> DerivedSummary:
        unresolved = tuple(e for e in derivation.events if e.kind is EventKind.UNRESOLVED_REFERENCE)
        return cls(as_of, derivation.states, derivation.problems, unresolved, len(derivation.events), withheld)

    def to_json(self) -> dict[str, Any]:
        return {"as_of": self.as_of.isoformat(), "states": [s.to_json() for s in self.states],
                "problems": list(self.problems), "unresolved": [e.to_json() for e in self.unresolved],
                "events": self.events, "withheld": [e.to_json() for e in self.withheld]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DerivedSummary:
        return cls(as_of=date.fromisoformat(data["as_of"]),
                   states=tuple(StatusRow.from_json(s) for s in data["states"]),
                   problems=tuple(data["problems"]),
                   unresolved=tuple(EventRecord.from_json(e) for e in data["unresolved"]),
                   events=data["events"],
                   withheld=tuple(EventRecord.from_json(e) for e in data["withheld"]))


def stored_summary(session: Session, as_of: date, digest: str, held: tuple[str, ...] | None = None
                   ) -> DerivedSummary | None:
    """The last derivation's summary if it was made as of ``as_of`` from inputs with this ``digest``
    (and, unless ``held`` is None, with these sources held back); else None."""
    mark = session.get(DeriveMark, MARK_NAME)
    if mark is None or mark.as_of != as_of or mark.inputs_sha256 != digest:
        return None
    if mark.events != events_fingerprint(session):
        return None
    if held is not None and tuple(json.loads(mark.held)) != tuple(held):
        return None
    return DerivedSummary.from_json(json.loads(mark.summary))


def save_mark(session: Session, digest: str, held: tuple[str, ...], summary: DerivedSummary) -> None:
    """Record the derive and sync just made (in its transaction: rolled back with it)."""
    session.flush()  # the sync's rows, then their fingerprint
    events = events_fingerprint(session)
    mark = session.get(DeriveMark, MARK_NAME)
    if mark is None:
        mark = DeriveMark(name=MARK_NAME)
        session.add(mark)
    mark.as_of = summary.as_of
    mark.inputs_sha256 = digest
    mark.held = json.dumps(list(held))
    mark.events = events
    mark.summary = json.dumps(summary.to_json(), ensure_ascii=False)

