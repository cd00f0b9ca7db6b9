"""Reading notices back as the lifecycle engine sees them: the parse plus its provenance."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from storage.models import Notice, Snapshot
from storage.records import ActionKind, ListKind, NoticeRecord, NoticeRef, Provenance, StoredNotice
from storage.vocabulary import as_utc, official_first


def stored_notice(notice: Notice) -> StoredNotice:
    record = NoticeRecord.from_json(json.loads(notice.record_json))
    snapshot = notice.snapshot
    return StoredNotice(
        record=record,
        provenance=Provenance(
            notice_key=notice.key,
            number=notice.number,
            title=notice.title,
            urls=official_first(u.url for u in notice.urls),  # the item links the ministry's page
            fetched_at=as_utc(snapshot.fetched_at) if snapshot is not None else None,
            sha256=snapshot.sha256 if snapshot is not None else None,
            issuer=notice.issuer,
        ),
    )


def load_stored_notices(session: Session) -> list[StoredNotice]:
    """Every stored notice, sorted by key, each with all its URLs and the snapshot it was parsed from."""
    notices = session.scalars(
        select(Notice).options(selectinload(Notice.urls),  # the snapshot's time and hash, never its body
                               selectinload(Notice.snapshot).load_only(Snapshot.fetched_at, Snapshot.sha256))
        .order_by(Notice.key)
    ).all()
    return [stored_notice(n) for n in notices]


def load_records(session: Session) -> list[NoticeRecord]:
    """Every stored notice's record, sorted by key, without its provenance: one narrow query, a third of
    :func:`load_stored_notices`' cost (what a table of notices shows)."""
    return [NoticeRecord.from_json(json.loads(text))
            for text in session.scalars(select(Notice.record_json).order_by(Notice.key))]


@dataclass(frozen=True)
class NoticeLine:
    """What a table of notices shows of one notice (``replay``'s): its record without the entities, the
    actions' details or the text, so a table of every stored notice does not build them all."""

    key: str
    list: ListKind | None
    published: date | None
    effective: str | None
    number: str | None
    title: str | None
    entity_count: int
    stated_count: int | None
    lists_entities: bool  # storage.ingest.lists_entities of the record (a test keeps the two equal)
    has_actions: bool
    targets: tuple[NoticeRef, ...]  # every action's targets, in order
    warnings: tuple[str, ...]

    @property
    def count_mismatch(self) -> bool:
        """:func:`storage.ingest.count_mismatch` of the record."""
        return (self.stated_count is not None and self.lists_entities
                and self.stated_count != self.entity_count)

    @classmethod
    def of(cls, record: NoticeRecord) -> NoticeLine:
        return cls(record.key, record.list, record.published, record.effective, record.number, record.title,
                   len(record.entities), record.stated_count,
                   bool(record.entities) or any(a.action is ActionKind.IMPOSE for a in record.actions), bool(record.actions),
                   tuple(t for a in record.actions for t in a.targets), record.warnings)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> NoticeLine:
        """The line of ``NoticeRecord.from_json(data)``, read off the JSON (the same values, the same errors
        for a value the record would refuse)."""
        actions = data.get("actions", ())
        entities = data.get("entities", ())
        kinds = [ActionKind(a["action"]) for a in actions]
        published = data.get("published")
        return cls(data["key"], ListKind(data["list"]) if data.get("list") else None,
                   date.fromisoformat(published) if published else None, data.get("effective"),
                   data.get("number"), data.get("title"), len(entities), data.get("stated_count"),
                   bool(entities) or ActionKind.IMPOSE in kinds, bool(actions),
                   tuple(NoticeRef.from_json(t) for a in actions for t in a.get("targets", ())),
                   tuple(data.get("warnings", ())))


def load_lines(session: Session) -> list[NoticeLine]:
    """:class:`NoticeLine` of every stored notice, sorted by key: one column read as Core rows, and no record
    built (a fifth of :func:`load_records`' cost)."""
    table = Notice.__table__
    rows = session.connection().execute(select(table.c.record_json).order_by(table.c.key)).scalars()
    return [NoticeLine.from_json(json.loads(text)) for text in rows]
