"""Whether the last derive and sync of the events still stands, so a cycle with nothing new skips both.

A sync from the same inputs for the same day changes nothing (it is idempotent), and the Event table
is written by no one else. The inputs are the notices as the engine reads them (each parse and its
provenance: number, title, issuer, URLs, the snapshot it was read from, the copy of each of its URLs), the
engine's own code (every module of ``storage``: a new release derives again), the day and the held-back
sources. The notices are not read to tell whether they changed: the store's ``notices`` generation
(:mod:`storage.generations`, moved by database triggers on every write to ``notice``, ``notice_url`` and
``snapshot``, a hand edit of ``record_json`` too) and the number of snapshots read as a notice stand for them. ``DeriveMark`` keeps the digest of these inputs, the
``events`` generation the sync left (a restored backup or a hand edit of the Event table forces a
resync), and what the derivation found and the commands print (states, problems, unresolved
references, items held back), so ``publish`` and ``status`` read that instead of deriving again, and
print the same. The states are decoded only when read (``run`` prints none). ``publish(full=True)``
ignores the mark.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.generations import EVENTS, NOTICES, generation, generation_of, reading
from storage.models import DeriveMark, Snapshot
from storage.outcomes import PageOutcome
from storage.records import EventKind, EventRecord, ListingState, StatusRow
from storage.vocabulary import INVESTIGATION_CLOSED, MEASURE_ONLY_STATE, STATE_LABELS, row_state

if TYPE_CHECKING:  # the engine is imported where it runs: a skipped derive never loads it
    from storage.lifecycle import Derivation

MARK_NAME = "events"
ENGINE_DIR = Path(__file__).resolve().parent  # every module here may change what a sync makes of the notices
_engine_version: str | None = None
# made from the modules here by the interpreter that runs them (the image's own, `dev.py recache`): one release is one
# engine whatever Python built it (an image on another minor release was another engine, refused by the checkout's
# store and refusing it, and unknown to the next release's engine_history.txt: ops45)
GENERATED = frozenset({"codecache_data.py"})


def engine_version() -> str:
    """SHA-256 of the source of every ``storage`` module, read once per process: any change to the
    engine, the records, the sync or the models counts as a new engine (no version number to forget)."""
    global _engine_version
    if _engine_version is None:
        digest = hashlib.sha256()
        for path in sorted(ENGINE_DIR.rglob("*.py")):  # the engine's own package (``lifecycle/``) included
            if path.name in GENERATED:
                continue
            digest.update(path.relative_to(ENGINE_DIR).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
        _engine_version = digest.hexdigest()
    return _engine_version


def inputs_digest(session: Session, as_of: date) -> str:
    """The digest of everything a derive and sync as of ``as_of`` reads: the engine's code, the day, the
    ``notices`` generation and the number of copies of pages read as a notice (the copy of each of its pages a
    notice of several URLs cites, ``storage.notices.page_copies``: a new copy of a notice's other page is a
    snapshot inserted, which moves no generation). Read before the derive: a write committed meanwhile makes
    the mark stale, never a stale mark look fresh."""
    # A count, not the newest id: ids are the store's own (a PostgreSQL sequence skips the ids of a rolled-back
    # run), so a store recovered from a fault would keep another digest than one clean run's; the count moves on
    # every insert (the generation covers updates and deletes).
    copies = (select(func.count(Snapshot.id)).where(Snapshot.outcome == PageOutcome.NOTICE.value)
              .scalar_subquery())
    notices, copy = session.execute(select(generation_of(NOTICES), copies)).one()
    return hashlib.sha256(f"{engine_version()}\0{as_of.isoformat()}\0{NOTICES}={reading(notices)}\0copies={copy}"
                          .encode()).hexdigest()


def events_fingerprint(session: Session) -> str:
    """The Event table's generation: a row written by anything but a sync (a restored backup, a hand
    edit) makes the mark stale, and the next publish syncs again."""
    return _fingerprint(generation(session, EVENTS))


def _fingerprint(events: int) -> str:
    return f"{EVENTS}={events}"


class StateRows:
    """A derivation's states, decoded from the mark's JSON only when first read."""

    __slots__ = ("_rows", "_text")

    def __init__(self, rows: tuple[StatusRow, ...] | None = None, text: str | None = None) -> None:
        self._rows, self._text = rows, text

    def get(self) -> tuple[StatusRow, ...]:
        if self._rows is None:
            self._rows = tuple(StatusRow.from_json(s) for s in json.loads(self._text or "[]"))
            self._text = None
        return self._rows

    def keyed_states(self) -> list[tuple[str, ListingState]]:
        """Each row's notice key and state, in order: read off the JSON while the rows are not decoded (a
        table of states needs no more)."""
        if self._rows is not None:
            return [(row.notice_key, row.state) for row in self._rows]
        return [(s["notice_key"], ListingState(s["state"])) for s in json.loads(self._text or "[]")]

    def keyed_words(self) -> list[tuple[str, str]]:
        """Each row's notice key and its state in words (``vocabulary.row_state``: an ended investigation is "investigation
        closed (not a listing)", not "lifted", as ``status`` says; story41's B on ``replay``'s table), read off the JSON
        likewise."""
        if self._rows is not None:
            return [(row.notice_key, row_state(row)) for row in self._rows]
        out = []
        for s in json.loads(self._text or "[]"):
            label = STATE_LABELS[ListingState(s["state"])]
            out.append((s["notice_key"], INVESTIGATION_CLOSED if s.get("investigation_closed") else
                        MEASURE_ONLY_STATE.format(state=label) if s.get("measure_only") else label))
        return out

    def __eq__(self, other: object) -> bool:
        return isinstance(other, StateRows) and self.get() == other.get()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"StateRows({self.get()!r})"


@dataclass(frozen=True)
class DerivedSummary:
    """What one derivation as of ``as_of`` found that the commands print or report; it stands in for
    the derivation when the derive is skipped."""

    as_of: date
    rows: StateRows  # the states (``states``)
    problems: tuple[str, ...]
    unresolved: tuple[EventRecord, ...]  # the unresolved-reference items (``status`` lists them)
    events: int  # items derived
    withheld: tuple[EventRecord, ...] = ()  # new items the sync held back (broken sources)
    notes: tuple[str, ...] = ()  # the engine's notes (``Derivation.notes``): said, failing nothing

    @property
    def states(self) -> tuple[StatusRow, ...]:
        return self.rows.get()

    @classmethod
    def of(cls, derivation: Derivation, as_of: date, withheld: tuple[EventRecord, ...] = ()) -> DerivedSummary:
        unresolved = tuple(e for e in derivation.events if e.kind is EventKind.UNRESOLVED_REFERENCE)
        return cls(as_of, StateRows(derivation.states), derivation.problems, unresolved, len(derivation.events),
                   withheld, derivation.notes)

    def to_json(self) -> dict[str, Any]:
        return {"as_of": self.as_of.isoformat(), "states": [s.to_json() for s in self.states],
                "problems": list(self.problems), "unresolved": [e.to_json() for e in self.unresolved],
                "events": self.events, "withheld": [e.to_json() for e in self.withheld], "notes": list(self.notes)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DerivedSummary:
        return cls._of(data, StateRows(tuple(StatusRow.from_json(s) for s in data["states"])))

    @classmethod
    def _of(cls, data: dict[str, Any], rows: StateRows) -> DerivedSummary:
        return cls(as_of=date.fromisoformat(data["as_of"]), rows=rows, problems=tuple(data["problems"]),
                   unresolved=tuple(EventRecord.from_json(e) for e in data["unresolved"]),
                   events=data["events"],
                   withheld=tuple(EventRecord.from_json(e) for e in data["withheld"]),
                   notes=tuple(data.get("notes", ())))  # (a mark written before notes: none)

    def dumps(self) -> str:
        """The text kept in the mark: the JSON of all but the states, a newline, the JSON of the states
        (JSON text holds no raw newline), so reading it back decodes the states only when asked."""
        head = self.to_json()
        states = head.pop("states")
        return json.dumps(head, ensure_ascii=False) + "\n" + json.dumps(states, ensure_ascii=False)

    @classmethod
    def loads(cls, text: str) -> DerivedSummary | None:
        """What :meth:`dumps` wrote (None: text of another shape, an older mark)."""
        head, sep, states = text.partition("\n")
        if not sep:
            return None
        return cls._of(json.loads(head), StateRows(text=states))


def stored_summary(session: Session, as_of: date, digest: str, held: tuple[str, ...] | None = None
                   ) -> DerivedSummary | None:
    """The last derivation's summary if it was made as of ``as_of`` from inputs with this ``digest``
    (and, unless ``held`` is None, with these sources held back); else None."""
    mark = session.execute(select(DeriveMark.as_of, DeriveMark.inputs_sha256, DeriveMark.held, DeriveMark.events,
                                  generation_of(EVENTS), DeriveMark.summary)  # one statement: a no-change cycle's
                           .where(DeriveMark.name == MARK_NAME)).first()
    if mark is None or mark.as_of != as_of or mark.inputs_sha256 != digest:
        return None
    if mark.events != _fingerprint(reading(mark[4])):
        return None
    if held is not None and tuple(json.loads(mark.held)) != tuple(held):
        return None
    return DerivedSummary.loads(mark.summary) if mark.summary is not None else None


def synced_as_of(session: Session) -> date | None:
    """The day the Event table was last synced as of (the derive mark's), None before any sync: a publish for an
    earlier day is a view of the past against it (``feeds --as-of``), not a day the store moves back to."""
    return session.scalar(select(DeriveMark.as_of).where(DeriveMark.name == MARK_NAME))


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
    mark.summary = summary.dumps()

