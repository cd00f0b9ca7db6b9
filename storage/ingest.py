"""Storing one parsed notice: one Notice per key, every URL, entities, listings, actions.

A notice is identified by its key, never by its URL. What counts as a change is
the notice's *substance* (number, kind, list, effective, stated count, actions,
entities, references), compared without whitespace: a new URL, new warnings or a
re-spaced title are not changes.

- Same URL, newer snapshot, new substance: a correction. Revision + 1, a new
  ``NoticeVersion``, listings and actions rebuilt.
- Same URL, other bytes reading the very same (the same record; a page with a counter or a script's timestamp):
  no copy kept when they are fetched after the copy the notice is read from (``mofcom_watch.pipeline``); fetched
  before it (an older copy turning up late), the copy first fetched is the one read and cited.
- Same URL, older snapshot (bytes first fetched before the stored copy's: a stale cache, or a correction
  taken back), new substance: not stored; ``NoticeChange.older`` tells the pipeline, which says so in
  source health (``older-copy``) until the page serves the stored copy again. The same for another URL of the
  notice whose newer copy read as it is stored (probe48): a page's older copy never becomes the notice's reading.
- Another URL, same substance: the URL is added.
- Another URL, different substance (alias pages disagree): the parse whose
  entity count matches the stated count wins, then the one naming more entities
  (a copy cut short names fewer), then the ministry's page over a reprint, then the copy
  first fetched earlier (a stale copy turning up later must not flip it), then the smaller
  snapshot SHA-256, whatever the order they arrive in, and a ``HealthIssue`` (``alias-conflict``)
  says so, until the page it names reads as the kept parse again.
  Replaying in any order therefore gives the same store.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm import Session, joinedload, selectinload

from storage.cleantext import clean_notice, clean_text
from storage.heldsteps import decisions, held_issue_key, open_steps, step_words
from storage.keys import ISSUE_KEY_LEN, fit_key, issue_key
from storage.lifecycle import corrects_names
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
from storage.notices import listed_counts as notices_listed_counts
from storage.notices import withdrawn
from storage.outcomes import PageOutcome
from storage.records import ActionKind, EntityRecord, NoticeRecord, held_step_id
from storage.vocabulary import HealthKind, as_utc, reprint_url

SUBSTANCE_FIELDS = ("number", "kind", "list", "effective", "stated_count", "actions", "entities", "references")
WHITESPACE_RE = re.compile(r"\s+")
ENTITY_KEY_LEN = 255  # Entity.key
NAME_LEN = 512  # Entity.zh/en, EntityName.name/name_key, Listing.zh/en
KEYS_PER_QUERY = 400  # entity keys per IN (...) lookup
ENTITY_FIELDS = ("zh", "en", "country", "type")  # an entity's fields a later notice fills in where it lacks them

# The statements a new notice's page runs, built once: building one costs SQLAlchemy several times what
# running it costs SQLite (~100-200 µs against 20-50 µs), and a first replay runs a dozen per page.
_NOTICE, _VERSION, _URL = Notice.__table__, NoticeVersion.__table__, NoticeUrl.__table__
_ENTITY, _NAME = Entity.__table__, EntityName.__table__
NOTICE_ID = select(_NOTICE.c.id).where(_NOTICE.c.key == bindparam("key"))
INSERT_NOTICE = insert(_NOTICE).returning(_NOTICE.c.id)
INSERT_URL, INSERT_VERSION = insert(_URL), insert(_VERSION)
STORED_ENTITIES = (select(_ENTITY.c.key, _ENTITY.c.id, *(_ENTITY.c[c] for c in ENTITY_FIELDS))
                   .where(_ENTITY.c.key.in_(bindparam("keys", expanding=True))))
STORED_NAMES = select(_NAME.c.entity_id, _NAME.c.name).where(_NAME.c.entity_id.in_(bindparam("ids", expanding=True)))
INSERT_ENTITIES = insert(_ENTITY).returning(_ENTITY.c.key, _ENTITY.c.id)
_ISSUE = HealthIssue.__table__
AGREES_AGAIN = update(_ISSUE).where(_ISSUE.c.key == bindparam("issue_key"), _ISSUE.c.url == bindparam("page_url"),
                                    _ISSUE.c.resolved_at.is_(None))
# (RETURNING makes both SQLite and psycopg use multi-row VALUES, not a driver executemany: psycopg's
# pipeline for that logs a second line when the server goes away.)
INSERT_ROWS = {model: insert(model.__table__).returning(model.__table__.c.id) for model in (EntityName, Listing, Action)}


@dataclass(frozen=True)
class NoticeChange:
    """What storing one parse did to the notice."""

    new: bool  # the key was not stored before
    changed: bool  # the stored substance changed (a correction, or an alias parse that won)
    revision: int
    alias_conflict: bool = False  # this URL's parse disagrees with another URL of the notice
    whole: bool = True  # the parse stored now names as many entities as it states
    older: bool = False  # the same page's bytes first fetched before the stored copy's, reading otherwise: not taken
    newer: Snapshot | None = None  # (older) the page's newer copy read as the notice, where not the copy it is read from
    url_added: bool = False  # the page is a URL the stored notice did not have (its alias, a reprint)
    agreed: bool = False  # this page read as the notice again closed the alias-conflict issue that named it


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
    fields = SUBSTANCE_FIELDS + (("corrected_effective",) if record.corrected_effective else ()) + (
        ("corrected_until",) if record.corrected_until else ()) + (("held",) if record.held else ())
    return json.dumps(_squash({k: data.get(k) for k in fields}), ensure_ascii=False, sort_keys=True)


def lists_entities(record: NoticeRecord) -> bool:
    """Whether the notice itself names entities (a Q&A's count is of the entities it refers to)."""
    return bool(record.entities) or any(a.action == ActionKind.IMPOSE for a in record.actions)


def listed_counts(record: NoticeRecord) -> tuple[int, ...]:
    """How many entities the notice lists (``storage.notices.listed_counts``): what its stated count may count."""
    return notices_listed_counts([(a.action, bool(a.targets), a.entities) for a in record.actions], len(record.entities))


def count_mismatch(record: NoticeRecord) -> bool:
    """The notice names entities, states how many, and the parse found another number."""
    return (record.stated_count is not None and lists_entities(record)
            and record.stated_count not in listed_counts(record))


def count_matches(record: NoticeRecord) -> bool:
    return not count_mismatch(record)


def preference(record: NoticeRecord, snapshot_sha256: str, url: str) -> tuple[int, int, bool, str]:
    """Smaller wins: a parse whose entity count matches the stated count, then the one naming more entities
    (a copy cut short where no count shows it names fewer: it must not withdraw the others), then the ministry's
    own page over a reprint (the page whose time and SHA-256 an item cites beside the ministry's URL), then the
    smaller SHA-256."""
    return (0 if count_matches(record) else 1, -len(record.entities), reprint_url(url), snapshot_sha256)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _entity_key(entity: EntityRecord) -> str:
    return entity.key or entity_key(entity.zh, entity.en)


def fit(value: str | None, limit: int) -> str | None:
    """``value`` cut to a column's length (PostgreSQL enforces VARCHAR lengths; a garbled parse must not fail the page)."""
    return value if value is None or len(value) <= limit else value[: limit - 1] + "…"


# --- writing ---------------------------------------------------------------------------


def load_notice(session: Session, key: str) -> Notice | None:
    """The stored notice with this key, its URLs and the page it was parsed from (one query each, no lazy load).
    A key not stored (most pages of a first replay) costs one narrow query, not an ORM load."""
    if session.execute(NOTICE_ID, {"key": key}).first() is None:  # Core: no autoflush
        return None
    return session.scalars(
        select(Notice).where(Notice.key == key)
        .options(selectinload(Notice.urls), joinedload(Notice.snapshot).joinedload(Snapshot.page))
    ).one_or_none()


def add_url(session: Session, notice: Notice, url: str, fetched_at: datetime) -> bool:
    """Record ``url`` as a page of ``notice``; whether it was not one before."""
    for existing in notice.urls:
        if existing.url == url:
            if fetched_at < existing.first_seen_at:
                existing.first_seen_at = fetched_at
            return False
    notice.urls.append(NoticeUrl(url=url, first_seen_at=fetched_at))
    return True


@dataclass
class _NewRows:
    """Rows one parse adds (new entities, spellings, listings, actions), inserted in bulk after the flush
    that gives the notice its id. Entities are named by key: new ones get their ids from that INSERT."""

    notice: Notice | int  # the notice, or the id of one inserted without the ORM (a new notice)
    stored: dict[str, int] = dataclasses.field(default_factory=dict)  # key -> id of a stored entity
    filled: dict[int, dict[str, Any]] = dataclasses.field(default_factory=dict)  # stored entity id -> fields it lacked
    entities: dict[str, dict[str, Any]] = dataclasses.field(default_factory=dict)  # key -> new entity's columns
    names: list[tuple[str, dict[str, Any]]] = dataclasses.field(default_factory=list)
    listings: list[tuple[str, dict[str, Any]]] = dataclasses.field(default_factory=list)
    actions: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    # (entity key, spelling) the notice's earlier parse gave and this one does not: taken back where no other notice gives it
    dropped: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    spelled: dict[str, tuple[str | None, str | None]] = dataclasses.field(default_factory=dict)  # key -> this parse's zh, en

    def insert(self, session: Session) -> None:
        """One INSERT per table (new entities first, for their ids); stored entities get the fields they lacked."""
        ids = dict(self.stored)
        for id_, fields in self.filled.items():
            session.execute(update(_ENTITY).where(_ENTITY.c.id == id_).values(fields))
        if self.entities:
            ids.update((key, id_) for key, id_ in session.execute(INSERT_ENTITIES, list(self.entities.values())))
        _insert(session, EntityName, [dict(row, entity_id=ids[key]) for key, row in self.names])
        notice_id = self.notice if isinstance(self.notice, int) else self.notice.id
        _insert(session, Listing, [dict(row, entity_id=ids[key], notice_id=notice_id) for key, row in self.listings])
        _insert(session, Action, [dict(row, notice_id=notice_id) for row in self.actions])
        if self.dropped:
            _take_back(session, notice_id, self.dropped, self.spelled)
        # collections loaded in this session no longer hold every row: read them again if asked
        if isinstance(self.notice, Notice):
            session.expire(self.notice, ["listings", "actions"])


def _insert(session: Session, model: type[EntityName] | type[Listing] | type[Action], rows: list[dict[str, Any]]) -> None:
    """Rows in multi-row INSERT statements of the table (Core: plain columns, no ORM bookkeeping per row)."""
    if rows:
        session.execute(INSERT_ROWS[model], rows)


def spellings(record: NoticeRecord) -> dict[tuple[str, str], tuple[str | None, str | None]]:
    """(stored entity key, spelling) of every name the record stores as an ``entity_name`` row, each with the entity's
    zh and en as the record writes them (a correction's entities are stored as no one's: ``_record_rows``)."""
    if corrects_names(record):
        return {}
    out: dict[tuple[str, str], tuple[str | None, str | None]] = {}
    for e in record.entities:
        key = fit_key(_entity_key(e), ENTITY_KEY_LEN)
        if key:
            for name in (fit(e.zh, NAME_LEN), fit(e.en, NAME_LEN)):
                if name:
                    out.setdefault((key, name), (e.zh, e.en))
    return out


def dropped_spellings(old: NoticeRecord, new: NoticeRecord) -> list[tuple[str, str]]:
    """The (entity key, spelling) pairs the notice's earlier parse ``old`` gave and its parse ``new`` does not: a spelling
    an older parser read wrong ("商务部公告2026年第30号所列贝塔微系统公司", session 29, names29: kept by every store written
    before the fix, as "also written"), or a name the page no longer writes."""
    now = spellings(new)
    return [pair for pair in spellings(old) if pair not in now]


# The other notices whose record may give a spelling (its JSON holds it), the entity's names and display fields.
RECORDS_HOLDING = (select(_NOTICE.c.record_json)
                   .where(_NOTICE.c.id != bindparam("notice_id"), _NOTICE.c.record_json.like(bindparam("pattern"), escape="\\")))
ENTITY_ROW = select(_ENTITY.c.id, _ENTITY.c.zh, _ENTITY.c.en).where(_ENTITY.c.key == bindparam("key"))
DELETE_NAME = delete(_NAME).where(_NAME.c.entity_id == bindparam("entity_id"), _NAME.c.name == bindparam("spelling"))


def _take_back(session: Session, notice_id: int, dropped: list[tuple[str, str]],
               spelled: dict[str, tuple[str | None, str | None]]) -> None:
    """Each dropped spelling's ``entity_name`` row deleted where no other stored notice's record gives the entity that
    spelling; an entity shown by it (its zh or en) shows the spelling this parse gives it instead (the lead's decision,
    session 30: re-reading the pages cleans an old store; no migration). The entity, its key and its items stay."""
    for key, name in dropped:
        if _given_elsewhere(session, notice_id, key, name):
            continue
        row = session.execute(ENTITY_ROW, {"key": key}).first()
        if row is None:
            continue
        session.execute(DELETE_NAME, {"entity_id": row.id, "spelling": name})
        zh, en = spelled.get(key, (None, None))
        fields = {column: fit(clean_display(value), NAME_LEN)
                  for column, shown, value in (("zh", row.zh, zh), ("en", row.en, en)) if shown == name and value}
        if fields:
            session.execute(update(_ENTITY).where(_ENTITY.c.id == row.id).values(fields))


def _given_elsewhere(session: Session, notice_id: int, key: str, name: str) -> bool:
    """Whether another stored notice's record gives entity ``key`` the spelling ``name`` (the records holding its JSON
    text, found by LIKE, then read)."""
    quoted = json.dumps(name, ensure_ascii=False)[1:-1]
    pattern = "%" + quoted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    for (record_json,) in session.execute(RECORDS_HOLDING, {"notice_id": notice_id, "pattern": pattern}):
        if (key, name) in spellings(NoticeRecord.from_json(json.loads(record_json))):
            return True
    return False


def upsert_entities(session: Session, records: Sequence[EntityRecord], rows: _NewRows) -> list[str | None]:
    """The entity key of each record (None: it has none). Stored entities are filled in where they lack a
    field; new entities and every new spelling go to ``rows``, for :meth:`_NewRows.insert`.

    One ``IN (...)`` query (and one for their names, if any is stored) finds the stored ones: Core rows,
    no ORM entity loaded (nothing of theirs is read back in the page's transaction).
    """
    keys = [fit_key(_entity_key(r), ENTITY_KEY_LEN) for r in records]
    wanted = list(dict.fromkeys(k for k in keys if k))
    fields: dict[str, dict[str, Any]] = {}  # stored entity key -> its zh, en, country, type as they will be
    for i in range(0, len(wanted), KEYS_PER_QUERY):
        for row in session.execute(STORED_ENTITIES, {"keys": wanted[i : i + KEYS_PER_QUERY]}):
            rows.stored[row.key] = row.id
            fields[row.key] = {c: getattr(row, c) for c in ENTITY_FIELDS}
    known: dict[str, set[str]] = {key: set() for key in rows.stored}
    by_id = {id_: key for key, id_ in rows.stored.items()}
    ids = list(by_id)
    for i in range(0, len(ids), KEYS_PER_QUERY):
        for entity_id, name in session.execute(STORED_NAMES, {"ids": ids[i : i + KEYS_PER_QUERY]}):
            known[by_id[entity_id]].add(name)
    for key, record in zip(keys, records):
        if not key:
            continue
        zh, en = fit(clean_display(record.zh), NAME_LEN), fit(clean_display(record.en), NAME_LEN)
        values = {"zh": zh, "en": en, "country": record.country, "type": record.type}
        if key in fields:
            stored = fields[key]
            for column, value in values.items():
                if (filled := stored[column] or value) != stored[column]:
                    stored[column] = filled
                    rows.filled.setdefault(rows.stored[key], {})[column] = filled
        elif key in rows.entities:
            new = rows.entities[key]
            for column, value in values.items():
                new[column] = new[column] or value
        else:
            rows.entities[key] = {"key": key, "zh": zh, "en": en, "country": record.country, "type": record.type}
        spellings = known.setdefault(key, set())
        for name, lang in ((fit(record.zh, NAME_LEN), "zh"), (fit(record.en, NAME_LEN), "en")):
            if name and name not in spellings:
                rows.names.append((key, {"name": name, "name_key": fit_key(name_key(name), NAME_LEN), "lang": lang}))
                spellings.add(name)
    return [key or None for key in keys]


def _notice_columns(record: NoticeRecord, snapshot: Snapshot) -> dict[str, Any]:
    """The Notice columns a parse of ``snapshot`` sets (not its key, revision, snapshot or first sighting)."""
    record_json = record.dumps()
    return dict(kind=record.kind.value, number=fit(record.number, 255), issuer=fit(record.issuer, 255),
                title=record.title, published=record.published, published_at=record.published_at,
                effective=fit(record.effective, 40), list=record.list.value if record.list else None,
                stated_count=record.stated_count, parsed_count=len(record.entities), record_json=record_json,
                record_sha256=_sha(record_json), updated_at=as_utc(snapshot.fetched_at))


def _first_fetched_before(snapshot: Snapshot, other: Snapshot) -> bool:
    """Whether ``snapshot``'s bytes were first fetched before ``other``'s: by fetch time, and in the same whole second
    (times are stored to the second) by which was stored first, as one writer stores them in fetch order (session 40:
    a page served again in the second after its first fetch, as fast runs do, read as an in-place correction, not as
    ``older-copy``: test_older_copy_review failed one run in two)."""
    first, then = as_utc(snapshot.fetched_at), as_utc(other.fetched_at)
    if first != then:
        return first < then
    return snapshot.id is not None and other.id is not None and snapshot.id < other.id


def _apply_record(session: Session, notice: Notice, record: NoticeRecord, snapshot: Snapshot,
                  current: NoticeRecord | None = None) -> _NewRows:
    """Set the notice's columns from ``record``; its listings and actions are rebuilt from the rows returned.
    ``current``: the stored record this one replaces, where the caller has read it already (else read here)."""
    if current is None and notice.id is not None and notice.record_json:  # the parse this one replaces
        current = NoticeRecord.from_json(json.loads(notice.record_json))
    for name, value in _notice_columns(record, snapshot).items():
        setattr(notice, name, value)
    notice.snapshot = snapshot
    if notice.id is not None:  # a stored notice: its old listings and actions go before the new ones come in
        for model in (Listing, Action):
            session.execute(delete(model).where(model.notice_id == notice.id).execution_options(synchronize_session=False))
    rows = _record_rows(session, _NewRows(notice), record)
    if current is not None:  # the spellings only the earlier parse gave: taken back after the new rows are in
        rows.dropped = dropped_spellings(current, record)
        rows.spelled = {key: zh_en for (key, _), zh_en in spellings(record).items()} if rows.dropped else {}
    return rows


def _insert_new(session: Session, record: NoticeRecord, snapshot: Snapshot, url: str, fetched_at: datetime) -> _NewRows:
    """A notice not stored before, with its URL and first version, as three Core INSERTs after the flush that
    stores its page and snapshot (what an ORM Notice costs the unit of work was most of a first replay's flush)."""
    session.flush()  # the page and the snapshot: their ids
    columns = _notice_columns(record, snapshot)
    notice_id: int = session.execute(INSERT_NOTICE, dict(
        columns, key=record.key, revision=1, snapshot_id=snapshot.id, first_seen_at=fetched_at)).scalar_one()
    session.execute(INSERT_URL, dict(notice_id=notice_id, url=url, first_seen_at=fetched_at))
    session.execute(INSERT_VERSION, dict(
        notice_id=notice_id, revision=1, snapshot_id=snapshot.id, record_json=columns["record_json"],
        record_sha256=columns["record_sha256"], created_at=columns["updated_at"]))
    return _record_rows(session, _NewRows(notice_id), record)


def _record_rows(session: Session, rows: _NewRows, record: NoticeRecord) -> _NewRows:
    """``rows`` filled with the entities, spellings, listings and actions of ``record``."""
    entities: dict[str, tuple[str, EntityRecord]] = {}  # the parser's key, as actions name it -> (stored key, record)
    if corrects_names(record):
        # A correction's entities are another notice's entities as renamed, keyed as the parser could only guess (a
        # Chinese name alone: that half's key, where the listing keys the entity by its English name). The engine
        # matches them to the listing (storage/lifecycle/), and screening and timelines read them from there
        # (status.derive_stored): stored as entities, a guessed key was an entity with no listing (session 21).
        return rows
    for ent, stored_key in zip(record.entities, upsert_entities(session, record.entities, rows)):
        if stored_key is not None:
            entities.setdefault(_entity_key(ent), (stored_key, ent))

    seen: set[tuple[str, str]] = set()
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
            stored_key, ent = entities[key]
            if (stored_key, list_kind.value) in seen:
                continue
            seen.add((stored_key, list_kind.value))
            rows.listings.append((stored_key, {
                "list": list_kind.value, "position": ent.n, "zh": fit(clean_display(ent.zh), NAME_LEN),
                "en": fit(clean_display(ent.en), NAME_LEN), "note": fit(clean_display(ent.note), NAME_LEN)}))

    actions_json = record.to_json()["actions"]
    for seq, (action, as_json) in enumerate(zip(record.actions, actions_json), start=1):
        rows.actions.append({
            "seq": seq,
            "kind": action.action.value,
            "list": action.list.value if action.list else None,
            "targets": as_json["targets"],  # NoticeRef dicts, dates as ISO strings
            "entities": list(action.entities),
            "effective": fit(action.effective, 40),
            "until": action.until,
            "duration": fit(action.duration, 64),
            "text": action.text or None,
        })
    return rows


def _write_version(session: Session, notice: Notice, snapshot: Snapshot, *, replace: bool) -> None:
    """Append the notice's current revision to its trail (or re-point it, when an alias wins)."""
    version = None
    if replace:
        version = session.scalars(
            select(NoticeVersion).where(NoticeVersion.notice_id == notice.id, NoticeVersion.revision == notice.revision)
        ).one_or_none()
    if version is None:
        version = NoticeVersion(notice=notice, revision=notice.revision)
        session.add(version)
    version.snapshot = snapshot
    version.record_json = notice.record_json
    version.record_sha256 = notice.record_sha256
    version.created_at = as_utc(snapshot.fetched_at)


def reread(session: Session, notice: Notice, record: NoticeRecord) -> None:
    """The stored notice's own page read again as ``record`` says, its revision kept (no new revision: the page did
    not change; what it is read as did): a paper's reprint read as MOFCOM's copy of the same Q&A reads, once that
    copy arrives (:mod:`mofcom_watch.reprints`)."""
    record = clean_notice(record)
    with session.no_autoflush:
        rows = _apply_record(session, notice, record, notice.snapshot)
        _write_version(session, notice, notice.snapshot, replace=True)
    session.flush()
    rows.insert(session)


def _agrees_again(session: Session, key: str, url: str, at: datetime, snapshot: Snapshot | None = None) -> bool:
    """The page an open alias-conflict issue names (the one whose parse lost) reads as the kept parse again: the
    pages agree, the issue is over (open, it kept every later run at exit 1 after a page's passing fault).
    ``snapshot``: the copy of ``url`` that reads so; fetched before the page's newest stored copy (an older folder
    replayed late) it closes nothing: the page's newest copy still disagrees (review53: replayed 11-03, 11-04, then
    11-01, the other page's 11-01 copy closed the issue its 11-04 copy had opened, exit 0, nothing said, whatever that
    page says now). Fetched after it, the bytes of an older copy are what the page says now, and close it. Whether it
    closed the issue: the notice's other pages may disagree still (the issue names one page; the caller asks them)."""
    found = {"issue_key": issue_key(HealthKind.ALIAS_CONFLICT, key), "page_url": fit(url, 2048)}
    if snapshot is not None and session.scalar(select(_ISSUE.c.id).where(
            _ISSUE.c.key == found["issue_key"], _ISSUE.c.url == found["page_url"], _ISSUE.c.resolved_at.is_(None))
    ) is not None and (newer := _newer_copy(session, key, snapshot)) is not None and as_utc(newer.fetched_at) > as_utc(at):
        return False  # (was: compared the copies' first fetch, so a page's short copy during a fault, then its whole
        # text again, an older copy's bytes, kept "pages disagree" open for good: site_changes S27, clean5 exit 1)
    return bool(session.execute(AGREES_AGAIN, {**found, "resolved_at": as_utc(at)}).rowcount)


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
    """Open (or refresh) the health issue with this stable key, made by ``storage.keys.issue_key`` (as the
    side that resolves it makes it)."""
    if len(key) > ISSUE_KEY_LEN:
        raise ValueError(f"a health issue key of {len(key)} characters: make it with storage.keys.issue_key")
    seen_at = as_utc(seen_at)
    detail = clean_text(detail)  # often quotes a page (a title, a parser message)
    url = fit(url, 2048)
    issue = session.scalars(select(HealthIssue).where(HealthIssue.key == key)).one_or_none()
    if issue is None:
        issue = HealthIssue(key=key, source=source, kind=kind, detail=detail, url=url, notice_key=notice_key,
                            run_id=run_id, first_seen=seen_at, last_seen=seen_at)
        session.add(issue)
    else:
        issue.detail, issue.url, issue.notice_key = detail, url, notice_key
        issue.run_id = run_id or issue.run_id
        # reopened (a page broken again, other bytes of a page a person read): a new problem, a new item in the
        # source-health feed (its id holds the day first seen, and which reopening of that day: HealthIssue.reopen), as
        # storage.health opens a source's issues again
        if issue.resolved_at is not None:
            issue.reopen(seen_at)
        else:
            issue.first_seen = min(issue.first_seen, seen_at)
        issue.last_seen = max(issue.last_seen, seen_at)
    session.flush()
    return issue


def store_notice(session: Session, record: NoticeRecord, snapshot: Snapshot, url: str, fetched_at: datetime) -> NoticeChange:
    """Store one parse of a notice found at ``url`` (parsed from ``snapshot``); see the module doc."""
    return store_parse(session, load_notice(session, record.key), record, snapshot, url, fetched_at)


def store_parse(session: Session, notice: Notice | None, record: NoticeRecord, snapshot: Snapshot, url: str,
                fetched_at: datetime, *, clean: bool = False, accepted: bool = False,
                pages_moved: bool = False, older: bool = False) -> NoticeChange:
    """:func:`store_notice` given the stored notice with the record's key (:func:`load_notice`, None if new):
    every row it writes goes in one flush at the end. ``clean``: the record went through ``clean_notice``.
    ``accepted``: a person accepted this copy of the same page (``mofcom-watch accept``): it replaces the stored
    parse even when its bytes were first stored before the stored parse's (a page that went back and forth).
    ``pages_moved``: a newer joined copy of the page read from, of other pages than its last copy (a pager grown to a
    page 3: ``mofcom_watch.pipeline._pages_moved``): reading the same, it is the copy cited, not the first copy that
    read so, whose pages its items would list beside the new page, which that copy does not hold (crawl49).
    ``older``: the copy holds an older copy of one of its pages (a joined copy, ``scraper.joined``, its page 2 served
    by a stale cache beside a page 1 of new bytes: ``mofcom_watch.pipeline``): where it reads otherwise than the
    stored copy of the same page, an older copy, as one whose own bytes were first fetched before."""
    fetched_at = as_utc(fetched_at)
    if not clean:
        record = clean_notice(record)  # page text: no control, escape or bidi character is stored
    if record.url is None:
        record = dataclasses.replace(record, url=url)
    added: list[_NewRows] = []
    with session.no_autoflush:  # a new notice flushed halfway would load its (empty) collections back, row by row
        change = _store(session, notice, record, snapshot, url, fetched_at, added, accepted, pages_moved, older)
    session.flush()
    for rows in added:
        rows.insert(session)
    return change


def _store(session: Session, notice: Notice | None, record: NoticeRecord, snapshot: Snapshot, url: str,
           fetched_at: datetime, added: list[_NewRows], accepted: bool = False, pages_moved: bool = False,
           older: bool = False) -> NoticeChange:
    if notice is None:
        added.append(_insert_new(session, record, snapshot, url, fetched_at))
        return NoticeChange(new=True, changed=True, revision=1, whole=count_matches(record))

    url_added = add_url(session, notice, url, fetched_at)
    notice.first_seen_at = min(notice.first_seen_at, fetched_at)
    current = NoticeRecord.from_json(json.loads(notice.record_json))
    current_snapshot = notice.snapshot

    agreed = False

    def kept(taken: bool, *, changed: bool, conflict: bool = False, older: bool = False,
             newer: Snapshot | None = None) -> NoticeChange:
        return NoticeChange(new=False, changed=changed, revision=notice.revision, alias_conflict=conflict,
                            whole=count_matches(record if taken else current), older=older, url_added=url_added,
                            newer=newer, agreed=agreed)

    same_bytes = current_snapshot.id == snapshot.id
    if same_bytes or withdrawn(notice):
        # The same bytes parsed again (a newer parser version): take what it reads now. Or the stored reading rests on
        # a copy the current parser no longer reads as this notice (storage.notices.withdrawn): this copy's reading is
        # the notice now, as if the withdrawn one had never been stored (a fresh store's), its items back under the
        # same ids where it reads the same; a new revision where it reads otherwise.
        if same_bytes and record.dumps() == notice.record_json:
            return kept(False, changed=False)
        same = substance(current) == substance(record)
        if not same:
            notice.revision += 1
        added.append(_apply_record(session, notice, record, snapshot, current))
        _write_version(session, notice, snapshot, replace=same)
        return kept(True, changed=not same)

    if substance(current) == substance(record):
        # Same notice, same substance: keep whichever parse is preferred, order-independently.
        agreed = _agrees_again(session, record.key, url, fetched_at, snapshot)
        if current_snapshot.page.url == url and record.dumps() == notice.record_json:
            # The same page read the very same from other bytes: the copy first fetched that reads so is the one cited
            # (a later one is kept by no fetch: mofcom_watch.pipeline._reads_as_kept; one first fetched before it, as
            # an older folder replayed after a newer one, is stored and cited), whichever came first (churn47)
            new_wins = pages_moved or _first_fetched_before(snapshot, current_snapshot)
        else:
            new_wins = (preference(record, snapshot.sha256, url)
                        < preference(current, current_snapshot.sha256, current_snapshot.page.url))
        if new_wins:
            added.append(_apply_record(session, notice, record, snapshot, current))
            _write_version(session, notice, snapshot, replace=True)
            return kept(True, changed=False)
        return kept(False, changed=False)

    if current_snapshot.page.url == url:
        if not accepted and (older or _first_fetched_before(snapshot, current_snapshot)):
            return kept(False, changed=False, older=True)  # an older copy: the caller says so
        notice.revision += 1
        added.append(_apply_record(session, notice, record, snapshot, current))
        _write_version(session, notice, snapshot, replace=False)
        return kept(True, changed=True)

    if not accepted and (newer := _newer_copy(session, notice.key, snapshot)) is not None:
        # An older copy of another page of the notice, that page's newer copy stored (an older folder replayed late,
        # a cache serving a page's old bytes again): that page's older copy, said so, as for the page the notice is
        # read from; never the notice's reading. It won as "the copy first fetched earlier" below: a correction made
        # at both pages undone, silently once the other page's old copy agreed with it (probe48)
        return kept(False, changed=False, older=True, newer=newer)

    # Alias pages disagree.
    ours, theirs = (preference(record, snapshot.sha256, url),
                    preference(current, current_snapshot.sha256, current_snapshot.page.url))
    if ours[:3] == theirs[:3]:
        # Copies alike whole: which one is the newer text cannot be told (a copy elsewhere still serving the text
        # before a correction, or a correction made at one alias only). The copy first fetched earlier stays, so a
        # copy turning up later cannot flip the notice (the smaller SHA-256 let it, half the time: a correction
        # item back to the old text), whatever order they arrive in; the issue below asks a person to look.
        new_wins = ((as_utc(snapshot.fetched_at), snapshot.sha256)
                    < (as_utc(current_snapshot.fetched_at), current_snapshot.sha256))
    else:
        new_wins = ours < theirs
    winner, loser = ((url, snapshot), (current_snapshot.page.url, current_snapshot)) if new_wins else (
        (current_snapshot.page.url, current_snapshot), (url, snapshot))
    record_issue(
        session,
        key=issue_key(HealthKind.ALIAS_CONFLICT, record.key),
        source=snapshot.page.source or "replay",
        kind=HealthKind.ALIAS_CONFLICT,
        detail=alias_detail(record.key, (winner[0], winner[1].sha256), (loser[0], loser[1].sha256)),
        seen_at=fetched_at,
        url=loser[0],
        notice_key=record.key,
    )
    if new_wins:
        added.append(_apply_record(session, notice, record, snapshot, current))
        _write_version(session, notice, snapshot, replace=True)
    return kept(new_wins, changed=new_wins, conflict=True)


def alias_detail(key: str, kept: tuple[str, str], lost: tuple[str, str], why: tuple[str, str] = ("", "")) -> str:
    """The alias-conflict issue's text: the page (URL, SHA-256) whose parse is kept and the one that reads otherwise,
    each with ``why`` said after its SHA-256 (", corrected there"). :func:`keeps_parse_of` reads it back."""
    return (f"{key}: pages disagree on what the notice says; kept the parse of {kept[0]} (sha256 {kept[1][:12]}{why[0]}), "
            f"not {lost[0]} (sha256 {lost[1][:12]}{why[1]})")


def keeps_parse_of(detail: str, url: str) -> bool:
    """Whether an alias-conflict issue's text (:func:`alias_detail`) names ``url`` as the page whose parse is kept."""
    return f"kept the parse of {url} " in detail


def _newer_copy(session: Session, key: str, snapshot: Snapshot) -> Snapshot | None:
    """The newest stored copy of ``snapshot``'s page read as notice ``key``, where first fetched after ``snapshot``'s
    bytes (:func:`_first_fetched_before`); else None. Asked only where a page's copy disagrees with the notice."""
    page_id = snapshot.page_id if snapshot.page_id is not None else snapshot.page.id if snapshot.page else None
    if page_id is None:  # a page stored by this very fetch: no other copy of it
        return None
    for other in session.scalars(select(Snapshot).where(
            Snapshot.page_id == page_id, Snapshot.notice_key == key, Snapshot.outcome == PageOutcome.NOTICE.value,
            Snapshot.id != snapshot.id).order_by(Snapshot.fetched_at.desc(), Snapshot.id.desc())):
        return other if _first_fetched_before(snapshot, other) else None
    return None


def sync_held(session: Session, notice_key: str, *, source: str, seen_at: datetime, url: str | None) -> None:
    """Open (or keep) one issue per held step of the notice's stored reading that no person decided on, and close the
    open ones of steps it no longer holds (a copy or a parser that reads the step decided now, or otherwise), or all of
    them where the reading is withdrawn (``storage.notices.withdrawn``: the page no longer reads as the notice, its items
    retracted; its own problem says so)."""
    notice = load_notice(session, notice_key)
    record = None if notice is None or withdrawn(notice) else NoticeRecord.from_json(json.loads(notice.record_json))
    held = record.held if record is not None else ()
    decided = decisions(session, notice_key) if held else {}
    wanted = {held_step_id(a): a for a in held if (notice_key, held_step_id(a)) not in decided}
    for issue in open_steps(session, notice_key):
        if issue.key not in {held_issue_key(notice_key, s) for s in wanted}:
            issue.resolved_at = as_utc(seen_at)
    for step, action in wanted.items():
        record_issue(session, key=held_issue_key(notice_key, step), source=source, kind=HealthKind.HELD_STEP,
                     detail=(f"{notice_key}: a step the page reads but holds for a person, no decision taking it: "
                             f"{step_words(action)}; the page's other steps are read and published. It is in no item "
                             f"until a person reads it: `mofcom-watch accept {notice_key} {step}` publishes it, "
                             f"with --dismiss records that it is no step"),
                     seen_at=seen_at, url=url, notice_key=notice_key)
    session.flush()
