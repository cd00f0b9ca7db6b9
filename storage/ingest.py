"""Storing one parsed notice: one Notice per key, every URL, entities, listings, actions.

A notice is identified by its key, never by its URL. What counts as a change is
the notice's *substance* (number, kind, list, effective, stated count, actions,
entities, references), compared without whitespace: a new URL, new warnings or a
re-spaced title are not changes.

- Same URL, newer snapshot, new substance: a correction. Revision + 1, a new
  ``NoticeVersion``, listings and actions rebuilt.
- Another URL, same substance: the URL is added.
- Another URL, different substance (alias pages disagree): the parse whose
  entity count matches the stated count wins, then the smaller snapshot SHA-256,
  whatever the order they arrive in, and a ``HealthIssue`` (``alias-conflict``)
  says so. Replaying in any order therefore gives the same store.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.cleantext import clean_notice, clean_text
from storage.models import (
    Action,
    Entity,
    EntityName,
    HealthIssue,
    Listing,
    Notice,
    NoticeUrl,
    NoticeVersion,
    Snapshot,
)
from storage.names import clean_display, entity_key, name_key
from storage.records import ActionKind, EntityRecord, NoticeRecord
from storage.vocabulary import HealthKind, as_utc

SUBSTANCE_FIELDS = ("number", "kind", "list", "effective", "stated_count", "actions", "entities", "references")
WHITESPACE_RE = re.compile(r"\s+")
ENTITY_KEY_LEN = 255  # Entity.key
NAME_LEN = 512  # Entity.zh/en, EntityName.name/name_key, Listing.zh/en


@dataclass(frozen=True)
class NoticeChange:
    """What storing one parse did to the notice."""

    new: bool  # the key was not stored before
    changed: bool  # the stored substance changed (a correction, or an alias parse that won)
    revision: int
    alias_conflict: bool = False  # this URL's parse disagrees with another URL of the notice


# --- pure helpers ---------------------------------------------------------------------


def _squash(value: Any) -> Any:
    if isinstance(value, str):
        return WHITESPACE_RE.sub("", value)
    if isinstance(value, list):
        return [_squash(v) for v in value]
    if isinstance(value, dict):
        return {k: _squash(v) for k, v in value.items()}
    return value


def substance(record: NoticeRecord) -> str:
    """Canonical JSON of what the notice says (not where or how it was written)."""
    data = record.to_json()
    return json.dumps(_squash({k: data.get(k) for k in SUBSTANCE_FIELDS}), ensure_ascii=False, sort_keys=True)


def lists_entities(record: NoticeRecord) -> bool:
    """Whether the notice itself names entities (a Q&A's count is of the entities it refers to)."""
    return bool(record.entities) or any(a.action == ActionKind.IMPOSE for a in record.actions)


def count_mismatch(record: NoticeRecord) -> bool:
    """The notice names entities, states how many, and the parse found another number."""
    return (record.stated_count is not None and lists_entities(record)
            and record.stated_count != len(record.entities))


def count_matches(record: NoticeRecord) -> bool:
    return not count_mismatch(record)


def preference(record: NoticeRecord, snapshot_sha256: str) -> tuple[int, str]:
    """Smaller wins: a parse whose entity count matches the stated count, then the smaller SHA-256."""
    return (0 if count_matches(record) else 1, snapshot_sha256)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _entity_key(entity: EntityRecord) -> str:
    return entity.key or entity_key(entity.zh, entity.en)


def fit(value: str | None, limit: int) -> str | None:
    """``value`` cut to a column's length (PostgreSQL enforces VARCHAR lengths; a garbled parse must not fail the page)."""
    return value if value is None or len(value) <= limit else value[: limit - 1] + "…"


def fit_key(value: str, limit: int) -> str:
    """A key that fits its column and stays unique: long ones end in a hash of the whole."""
    if len(value) <= limit:
        return value
    return value[: limit - 17] + "#" + hashlib.sha256(value.encode("utf-8")).hexdigest()[:16]


# --- writing ---------------------------------------------------------------------------


def _get_notice(session: Session, key: str) -> Notice | None:
    return session.scalars(select(Notice).where(Notice.key == key)).one_or_none()


def _add_url(session: Session, notice: Notice, url: str, fetched_at: datetime) -> None:
    for existing in notice.urls:
        if existing.url == url:
            if fetched_at < existing.first_seen_at:
                existing.first_seen_at = fetched_at
            return
    notice.urls.append(NoticeUrl(url=url, first_seen_at=fetched_at))


def upsert_entity(session: Session, record: EntityRecord) -> Entity | None:
    """The entity with this record's key, created if new; every spelling kept in EntityName."""
    key = fit_key(_entity_key(record), ENTITY_KEY_LEN)
    if not key:
        return None
    entity = session.scalars(select(Entity).where(Entity.key == key)).one_or_none()
    zh, en = fit(clean_display(record.zh), NAME_LEN), fit(clean_display(record.en), NAME_LEN)
    if entity is None:
        entity = Entity(key=key, zh=zh, en=en, country=record.country, type=record.type)
        session.add(entity)
    else:
        entity.zh = entity.zh or zh
        entity.en = entity.en or en
        entity.country = entity.country or record.country
        entity.type = entity.type or record.type
    known = {n.name for n in entity.names}
    for name, lang in ((fit(record.zh, NAME_LEN), "zh"), (fit(record.en, NAME_LEN), "en")):
        if name and name not in known:
            entity.names.append(EntityName(name=name, name_key=fit_key(name_key(name), NAME_LEN), lang=lang))
            known.add(name)
    session.flush()
    return entity


def _apply_record(session: Session, notice: Notice, record: NoticeRecord, snapshot: Snapshot) -> None:
    """Set the notice's columns from ``record`` and rebuild its listings and actions."""
    record_json = record.dumps()
    notice.kind = record.kind.value
    notice.number = fit(record.number, 255)
    notice.issuer = fit(record.issuer, 255)
    notice.title = record.title
    notice.published = record.published
    notice.published_at = record.published_at
    notice.effective = fit(record.effective, 40)
    notice.list = record.list.value if record.list else None
    notice.stated_count = record.stated_count
    notice.parsed_count = len(record.entities)
    notice.record_json = record_json
    notice.record_sha256 = _sha(record_json)
    notice.snapshot = snapshot
    notice.updated_at = as_utc(snapshot.fetched_at)

    notice.listings.clear()
    notice.actions.clear()
    session.flush()

    entities: dict[str, tuple[Entity, EntityRecord]] = {}
    for ent in record.entities:
        row = upsert_entity(session, ent)
        if row is not None:
            entities.setdefault(_entity_key(ent), (row, ent))  # the parser's key, as actions name it

    seen: set[tuple[int, str]] = set()
    for action in record.actions:
        if action.action != ActionKind.IMPOSE:
            continue
        list_kind = action.list or record.list
        if list_kind is None:
            continue
        keys = action.entities or tuple(entities)
        for key in keys:
            if key not in entities:
                continue
            row, ent = entities[key]
            if (row.id, list_kind.value) in seen:
                continue
            seen.add((row.id, list_kind.value))
            notice.listings.append(
                Listing(entity=row, list=list_kind.value, position=ent.n,
                        zh=fit(clean_display(ent.zh), NAME_LEN), en=fit(clean_display(ent.en), NAME_LEN),
                        note=fit(clean_display(ent.note), NAME_LEN))
            )

    actions_json = record.to_json()["actions"]
    for seq, (action, as_json) in enumerate(zip(record.actions, actions_json), start=1):
        notice.actions.append(
            Action(
                seq=seq,
                kind=action.action.value,
                list=action.list.value if action.list else None,
                targets=as_json["targets"],  # NoticeRef dicts, dates as ISO strings
                entities=list(action.entities),
                effective=fit(action.effective, 40),
                until=action.until,
                duration=fit(action.duration, 64),
                text=action.text or None,
            )
        )
    session.flush()


def _write_version(session: Session, notice: Notice, snapshot: Snapshot, *, replace: bool) -> None:
    """Append the notice's current revision to its trail (or re-point it, when an alias wins)."""
    version = None
    if replace:
        version = session.scalars(
            select(NoticeVersion).where(NoticeVersion.notice_id == notice.id, NoticeVersion.revision == notice.revision)
        ).one_or_none()
    if version is None:
        version = NoticeVersion(notice_id=notice.id, revision=notice.revision)
        session.add(version)
    version.snapshot_id = snapshot.id
    version.record_json = notice.record_json
    version.record_sha256 = notice.record_sha256
    version.created_at = as_utc(snapshot.fetched_at)
    session.flush()


def record_issue(
    session: Session,
    *,
    key: str,
    source: str,
    kind: HealthKind,
    detail: str,
    seen_at: datetime,
    url: str | None = None,
    notice_key: str | None = None,
    run_id: str | None = None,
) -> HealthIssue:
    """Open (or refresh) the health issue with this stable key."""
    seen_at = as_utc(seen_at)
    detail = clean_text(detail)  # often quotes a page (a title, a parser message)
    key, url = fit_key(key, 512), fit(url, 2048)
    issue = session.scalars(select(HealthIssue).where(HealthIssue.key == key)).one_or_none()
    if issue is None:
        issue = HealthIssue(key=key, source=source, kind=kind, detail=detail, url=url, notice_key=notice_key,
                            run_id=run_id, first_seen=seen_at, last_seen=seen_at)
        session.add(issue)
    else:
        issue.detail, issue.url, issue.notice_key = detail, url, notice_key
        issue.run_id = run_id or issue.run_id
        issue.first_seen = min(issue.first_seen, seen_at)
        issue.last_seen = max(issue.last_seen, seen_at)
        issue.resolved_at = None
    session.flush()
    return issue


def store_notice(session: Session, record: NoticeRecord, snapshot: Snapshot, url: str, fetched_at: datetime) -> NoticeChange:
    """Store one parse of a notice found at ``url`` (parsed from ``snapshot``); see the module doc."""
    fetched_at = as_utc(fetched_at)
    record = clean_notice(record)  # page text: no control, escape or bidi character is stored
    if record.url is None:
        record = dataclasses.replace(record, url=url)
    notice = _get_notice(session, record.key)
    if notice is None:
        notice = Notice(key=record.key, revision=1, first_seen_at=fetched_at)
        session.add(notice)
        _apply_record(session, notice, record, snapshot)
        _add_url(session, notice, url, fetched_at)
        session.flush()
        _write_version(session, notice, snapshot, replace=False)
        return NoticeChange(new=True, changed=True, revision=1)

    _add_url(session, notice, url, fetched_at)
    notice.first_seen_at = min(notice.first_seen_at, fetched_at)
    current = NoticeRecord.from_json(json.loads(notice.record_json))
    current_snapshot = notice.snapshot
    if current_snapshot.id == snapshot.id:
        # The same bytes parsed again (a newer parser version): take what it reads now.
        if record.dumps() == notice.record_json:
            return NoticeChange(new=False, changed=False, revision=notice.revision)
        same = substance(current) == substance(record)
        if not same:
            notice.revision += 1
        _apply_record(session, notice, record, snapshot)
        _write_version(session, notice, snapshot, replace=same)
        return NoticeChange(new=False, changed=not same, revision=notice.revision)

    if substance(current) == substance(record):
        # Same notice, same substance: keep whichever parse is preferred, order-independently.
        if preference(record, snapshot.sha256) < preference(current, current_snapshot.sha256):
            _apply_record(session, notice, record, snapshot)
            _write_version(session, notice, snapshot, replace=True)
        return NoticeChange(new=False, changed=False, revision=notice.revision)

    if current_snapshot.page.url == url:
        if as_utc(snapshot.fetched_at) < as_utc(current_snapshot.fetched_at):
            return NoticeChange(new=False, changed=False, revision=notice.revision)  # an older copy
        notice.revision += 1
        _apply_record(session, notice, record, snapshot)
        _write_version(session, notice, snapshot, replace=False)
        return NoticeChange(new=False, changed=True, revision=notice.revision)

    # Alias pages disagree.
    new_wins = preference(record, snapshot.sha256) < preference(current, current_snapshot.sha256)
    winner, loser = ((url, snapshot), (current_snapshot.page.url, current_snapshot)) if new_wins else (
        (current_snapshot.page.url, current_snapshot), (url, snapshot))
    record_issue(
        session,
        key=f"{HealthKind.ALIAS_CONFLICT}/{record.key}",
        source=snapshot.page.source or "replay",
        kind=HealthKind.ALIAS_CONFLICT,
        detail=(f"{record.key}: pages disagree on what the notice says; kept the parse of {winner[0]} "
                f"(sha256 {winner[1].sha256[:12]}), not {loser[0]} (sha256 {loser[1].sha256[:12]})"),
        seen_at=fetched_at,
        url=loser[0],
        notice_key=record.key,
    )
    if new_wins:
        _apply_record(session, notice, record, snapshot)
        _write_version(session, notice, snapshot, replace=True)
    return NoticeChange(new=False, changed=new_wins, revision=notice.revision, alias_conflict=True)
