"""State bands: a listing's (or one entity's) state over time, read from its lifecycle events. Pure.

The lifecycle engine already says what happened and when (``imposed`` on D1,
``suspended`` until D3 on D2, ``suspension_lapsed`` on D3 ...); a band is those
state-changing events in order, each with the state it leaves the entities in
(:data:`storage.lifecycle.EVENT_STATES`). No new rule is made here: the state a band
shows on a day is the state of the last change effective on or before that day,
which is what the engine's status rows say (a test checks it on the fixtures).

The entities of one listing usually share one band; when an action names only
some of them, the entities split into one band per distinct history.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from storage.lifecycle import EVENT_STATES
from storage.records import EventKind, EventRecord, EventScope, ListingState, ListKind
from storage.vocabulary import EVENT_WORDS_KEY, event_lapses_on

MIN_SPAN_DAYS = 120  # an axis never shorter than this, so a single change still reads as a band
PAD_FRACTION = 0.04  # room left of the first change and right of the last date
# a listing's own step taking effect ("自2027年1月1日起正式实施"): inside a suspension read before that day it changes
# nothing, as the engine's rows say (story36 S1: the entity page said "in force on 2027-01-01")
TAKES_EFFECT = frozenset((EventKind.IMPOSED, EventKind.MEASURE))


@dataclass(frozen=True)
class Change:
    """One state change: from ``day`` on, the entities are in ``state``."""

    day: date
    state: ListingState
    kind: EventKind
    by: str | None  # the notice whose action caused it
    until: date | None  # a suspension's scheduled end: the day it lapses (the day after an end written "至X日")
    title: str = field(default="", compare=False)  # the event's title, for tooltips (not part of the history)
    # the engine's words for the state it leaves where the state's own would name another: an investigation ended is
    # "investigation closed (not a listing)", not "lifted" (story41: the state picture said PVH "lifted", status did not)
    words: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Segment:
    """A stretch of one state: ``start`` inclusive, ``end`` exclusive."""

    start: date
    end: date
    state: ListingState
    change: Change


@dataclass(frozen=True)
class Band:
    """One row of a picture: the state history of a listing's entities (or of one entity)."""

    notice_key: str
    number: str | None  # as written: 商务部公告2025年第21号
    list: ListKind
    entity_keys: tuple[str, ...]  # () for a listing without entities (item controls)
    of_entities: int  # how many entities the listing has in all (the band may cover some)
    changes: tuple[Change, ...]  # oldest first, never empty

    @property
    def first(self) -> date:
        return self.changes[0].day

    def state_on(self, day: date) -> ListingState | None:
        """The state on ``day``: that of the last change effective on or before it."""
        change = self.change_on(day)
        return change.state if change is not None else None

    def change_on(self, day: date) -> Change | None:
        """The last change effective on or before ``day``: its state is the band's then, its words the pictures'."""
        current = None
        for change in self.changes:
            if change.day > day:
                break
            current = change
        return current

    def segments(self, end: date) -> tuple[Segment, ...]:
        """The band cut at each change, up to ``end``; a suspension stops at its scheduled end."""
        out: list[Segment] = []
        for i, change in enumerate(self.changes):
            stop = self.changes[i + 1].day if i + 1 < len(self.changes) else end
            if change.state is ListingState.SUSPENDED and change.until and change.until < stop:
                stop = change.until  # nothing known after the end date yet: drawn as a gap
            if stop > change.day:
                out.append(Segment(change.day, min(stop, end), change.state, change))
        return tuple(s for s in out if s.end > s.start)

    def dates(self) -> tuple[date, ...]:
        """Every date the band marks: the changes and the scheduled ends."""
        days = {c.day for c in self.changes} | {c.until for c in self.changes if c.until}
        return tuple(sorted(days))


@dataclass(frozen=True)
class Axis:
    """The time span shared by every row of a picture, and the day it is drawn as of."""

    start: date
    end: date
    as_of: date

    @property
    def days(self) -> int:
        return max((self.end - self.start).days, 1)


def axis_for(bands: Sequence[Band], as_of: date) -> Axis:
    """A span holding every change, every scheduled end and ``as_of``, padded a little."""
    days = [as_of, *(d for b in bands for d in b.dates())]
    lo, hi = min(days), max(days)
    span = max((hi - lo).days, MIN_SPAN_DAYS)
    pad = timedelta(days=max(int(span * PAD_FRACTION), 7))
    if (hi - lo).days < MIN_SPAN_DAYS:
        lo = hi - timedelta(days=MIN_SPAN_DAYS)
    return Axis(start=lo - pad, end=hi + pad, as_of=as_of)


def _changes(events: Iterable[EventRecord]) -> tuple[Change, ...]:
    ordered = sorted(events, key=lambda e: (e.effective or date.min, e.occurred, e.id))
    out: list[Change] = []
    for e in ordered:
        if not e.effective:
            continue
        last = out[-1] if out else None
        if e.kind in TAKES_EFFECT and last is not None and last.state is ListingState.SUSPENDED and (
                last.until is None or last.until > e.effective):
            continue  # suspended before it took effect: the day brings nothing in force (simulate._suspended_past)
        # a suspension ends (drawn as a gap after it) the day it lapses: the day after its end, the last day
        out.append(Change(day=e.effective, state=EVENT_STATES[e.kind], kind=e.kind, by=e.source_key,
                          until=event_lapses_on(e.extra) or e.until, title=e.title,
                          words=next((v for k, v in e.extra if k == EVENT_WORDS_KEY), None)))
    return tuple(out)


def _title_key(c: Change) -> tuple[date, EventKind, str | None, date | None]:
    return (c.day, c.kind, c.by, c.until)


def _state_events(events: Iterable[EventRecord]) -> list[EventRecord]:
    return [e for e in events if e.kind in EVENT_STATES and e.notice_key and e.list and e.effective]


def _number(events: Sequence[EventRecord], notice_key: str) -> str | None:
    for e in events:
        for p in e.provenance:
            if p.notice_key == notice_key and p.number:
                return p.number
    return None


def listing_bands(events: Iterable[EventRecord]) -> tuple[Band, ...]:
    """One band per listing (per group of its entities that share a history), oldest listing first."""
    entity_events: dict[tuple[str, ListKind], dict[str, list[EventRecord]]] = defaultdict(lambda: defaultdict(list))
    notice_events: dict[tuple[str, ListKind], list[EventRecord]] = defaultdict(list)
    for e in _state_events(events):
        assert e.notice_key and e.list
        if e.scope == EventScope.ENTITY and e.entity_key:
            entity_events[(e.notice_key, e.list)][e.entity_key].append(e)
        elif e.scope == EventScope.NOTICE:
            notice_events[(e.notice_key, e.list)].append(e)
    bands: list[Band] = []
    for key in sorted(set(entity_events) | set(notice_events)):
        notice_key, lst = key
        number = _number(notice_events.get(key) or [e for v in entity_events[key].values() for e in v], notice_key)
        per_entity = entity_events.get(key)
        if not per_entity:
            changes = _changes(notice_events[key])
            if changes:
                bands.append(Band(notice_key, number, lst, (), 0, changes))
            continue
        groups: dict[tuple[Change, ...], list[str]] = {}
        for entity, evs in sorted(per_entity.items()):
            groups.setdefault(_changes(evs), []).append(entity)
        titles = {_title_key(c): c.title for c in _changes(notice_events.get(key, ()))}
        for changes, keys in groups.items():
            if changes and len(per_entity) > 1:  # the notice's own wording ("16 US entities ...") when it has one
                changes = tuple(replace(c, title=titles.get(_title_key(c), c.title)) for c in changes)
            if changes:
                bands.append(Band(notice_key, number, lst, tuple(keys), len(per_entity), changes))
    return tuple(sorted(bands, key=lambda b: (b.first, b.notice_key, b.list.value, b.entity_keys)))


def entity_bands(events: Iterable[EventRecord], entity_keys: Sequence[str]) -> tuple[Band, ...]:
    """One band per listing an entity (known under ``entity_keys``) is on, oldest first."""
    keys = set(entity_keys)
    mine = [e for e in _state_events(events) if e.scope == EventScope.ENTITY and e.entity_key in keys]
    return listing_bands(mine)


def bands_by_entity(events: Iterable[EventRecord]) -> dict[str, tuple[Band, ...]]:
    """:func:`entity_bands` for every entity at once (one pass over the events), by entity key."""
    mine: dict[str, list[EventRecord]] = defaultdict(list)
    for e in _state_events(events):
        if e.scope == EventScope.ENTITY and e.entity_key:
            mine[e.entity_key].append(e)
    return {key: listing_bands(evs) for key, evs in sorted(mine.items())}


__all__ = ["Axis", "Band", "Change", "Segment", "axis_for", "bands_by_entity", "entity_bands", "listing_bands"]
