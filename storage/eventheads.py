"""The published events read narrowly: their ids, kinds, routes and dates without their payloads,
streamed from the database in the order a pass needs; and the payloads of a few at a time.

Writing the feeds of a large store never holds every payload, nor every event's columns: a pass
over one entity (or one notice) at a time holds that group's events only.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import groupby
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from storage.events import DERIVED_KINDS, DERIVED_SCOPES
from storage.models import Event
from storage.records import EventKind, EventRecord, EventScope, ListKind
from storage.vocabulary import BEIJING, naive_as_utc

BATCH = 200  # payloads read per query
STREAMED_ROWS = 2000  # narrow rows fetched at a time


@dataclass(frozen=True, slots=True)
class EventHead:
    """One stored event's narrow columns: enough to order it and to say which feeds carry it.
    The columns hold what the payload says (``storage.events`` writes both)."""

    id: str
    kind: EventKind
    scope: EventScope
    list: ListKind | None
    notice_key: str | None
    entity_key: str | None
    effective: date | None
    corrects: str | None
    occurred: datetime  # aware, UTC
    updated: datetime  # aware, UTC
    source_key: str | None = None  # the notice that acted (a feed's ``updated``: ``feeds.build.sighted``)
    sha: str | None = None  # ``Event.payload_sha256``: what its payload says but ``updated`` (an entity feed's inputs)


HEAD_COLUMNS = (Event.id, Event.kind, Event.scope, Event.list, Event.notice_key, Event.entity_key, Event.effective,
                Event.corrects, Event.occurred, Event.updated, Event.source_key, Event.payload_sha256)


def _published(scopes: Sequence[str]) -> tuple[ColumnElement[bool], ...]:
    """Where a published event of these scopes is (a retracted one is not)."""
    return Event.scope.in_(scopes), Event.retracted.is_(False)


def _shown(kind: str, occurred: datetime, as_of: date) -> bool:
    """What ``load_events`` keeps: a lifecycle kind, dated on or before ``as_of`` in Beijing."""
    return kind in DERIVED_KINDS and naive_as_utc(occurred).astimezone(BEIJING).date() <= as_of


def events_digest(session: Session, as_of: date) -> tuple[str, int]:
    """A SHA-256 of what the published events as of ``as_of`` say (ids, dates, payload hashes),
    which changes whenever any of them would render differently; and how many there are."""
    digest = hashlib.sha256()
    count = 0
    query = (select(Event.id, Event.kind, Event.occurred, Event.updated, Event.payload_sha256)
             .where(*_published(DERIVED_SCOPES)).order_by(Event.id).execution_options(yield_per=STREAMED_ROWS))
    for id_, kind, occurred, updated, sha in session.execute(query):
        if _shown(kind, occurred, as_of):
            count += 1
            digest.update(f"{id_}\t{naive_as_utc(occurred).isoformat()}\t{naive_as_utc(updated).isoformat()}"
                          f"\t{sha}\n".encode())
    return digest.hexdigest(), count


def event_heads(session: Session, as_of: date, scopes: Sequence[str] = DERIVED_SCOPES,
                order: Sequence[Any] = (Event.id,)) -> Iterator[EventHead]:
    """The published events of these scopes up to ``as_of`` (what ``load_events`` loads, retracted
    ones left out), streamed in the database's ``order``."""
    shared: dict[str, str] = {}  # one string per notice or entity key, however many events name it
    query = select(*HEAD_COLUMNS).where(*_published(scopes)).order_by(*order).execution_options(yield_per=STREAMED_ROWS)
    for (id_, kind, scope, lst, notice_key, entity_key, effective, corrects, occurred, updated,
         source_key, sha) in session.execute(query):
        if not _shown(kind, occurred, as_of):
            continue
        yield EventHead(id_, EventKind(kind), EventScope(scope), ListKind(lst) if lst else None,
                        shared.setdefault(notice_key, notice_key) if notice_key else None,
                        shared.setdefault(entity_key, entity_key) if entity_key else None,
                        effective, corrects, naive_as_utc(occurred), naive_as_utc(updated),
                        shared.setdefault(source_key, source_key) if source_key else None, sha)


def heads_by_entity(session: Session, as_of: date) -> Iterator[tuple[str | None, list[EventHead]]]:
    """The entity-scope events, one entity at a time (by entity key; None: events without one)."""
    heads = event_heads(session, as_of, (EventScope.ENTITY.value,), (Event.entity_key, Event.id))
    for key, group in groupby(heads, key=lambda h: h.entity_key):
        yield key, list(group)


def heads_by_notice(session: Session, as_of: date) -> Iterator[tuple[str | None, list[EventHead]]]:
    """Every published event, one listing notice at a time (by notice key)."""
    heads = event_heads(session, as_of, DERIVED_SCOPES, (Event.notice_key, Event.id))
    for key, group in groupby(heads, key=lambda h: h.notice_key):
        yield key, list(group)


def load_records(session: Session, ids: Sequence[str]) -> dict[str, EventRecord]:
    """The full records of these events, by id (one query per :data:`BATCH` ids)."""
    out: dict[str, EventRecord] = {}
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        for id_, payload in session.execute(select(Event.id, Event.payload).where(Event.id.in_(chunk))):
            out[id_] = EventRecord.from_json(payload)
    return out


def in_batches(heads: Iterable[EventHead], session: Session) -> Iterator[EventRecord]:
    """The full record of each head, in the heads' order, reading :data:`BATCH` payloads at a time."""
    batch: list[EventHead] = []
    for head in heads:
        batch.append(head)
        if len(batch) == BATCH:
            yield from _loaded(session, batch)
            batch = []
    yield from _loaded(session, batch)


def _loaded(session: Session, batch: list[EventHead]) -> Iterator[EventRecord]:
    records = load_records(session, [h.id for h in batch])
    for head in batch:
        yield records[head.id]
