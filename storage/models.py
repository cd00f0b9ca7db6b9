"""SQLAlchemy 2 typed models: the one schema, for SQLite and PostgreSQL alike.

Snapshots are append-only; notices, listings and actions are rebuilt from the
latest snapshot of each notice; events are derived by the lifecycle engine and
stored so ids and feed bytes stay stable. Schema changes go through Alembic
(``storage/migrations``), never ``create_all`` on a user's database.

No ``from __future__ import annotations`` here: with it every ``Mapped[...]`` annotation is a string that
SQLAlchemy evaluates again when the class is mapped, which made importing this module (every command that
opens the store) 15% slower (6 ms). A class named in an annotation before its own definition is quoted.
"""

import builtins
from datetime import date, datetime
from typing import Any, List  # `list` is also a column name: class bodies shadow the builtin

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from storage.vocabulary import HealthKind, as_utc

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware instant on every backend: stored as UTC, read back with tzinfo=UTC.

    SQLite's DATETIME silently drops the offset (10:00+08:00 would come back as a
    naive 10:00), so values are converted to UTC on the way in; naive input is
    taken as UTC.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else as_utc(value)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else as_utc(value)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Page(Base):
    """A URL ever seen, with what the next conditional request needs."""

    __tablename__ = "page"
    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(2048), unique=True)
    host: Mapped[str] = mapped_column(String(255), index=True)
    source: Mapped[str | None] = mapped_column(String(64))  # source name from config, "replay"
    etag: Mapped[str | None] = mapped_column(String(512))
    last_modified: Mapped[str | None] = mapped_column(String(128))
    last_status: Mapped[int | None] = mapped_column(Integer)
    last_fetched_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_sha256: Mapped[str | None] = mapped_column(String(64))
    snapshots: Mapped[List["Snapshot"]] = relationship(back_populates="page")


class Snapshot(Base):
    """Raw bytes of one fetch (zlib-compressed), with SHA-256 of the raw bytes. Append-only."""

    __tablename__ = "snapshot"
    __table_args__ = (UniqueConstraint("page_id", "sha256"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    page_id: Mapped[int] = mapped_column(ForeignKey("page.id"), index=True)
    fetched_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[int] = mapped_column(Integer)  # HTTP status; 200 for a replayed file
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    body: Mapped[bytes] = mapped_column(LargeBinary)  # zlib.compress(raw bytes)
    content_type: Mapped[str | None] = mapped_column(String(255))
    encoding: Mapped[str | None] = mapped_column(String(32))  # the charset used to decode it
    parser_version: Mapped[str] = mapped_column(String(32))
    # which parser code read the bytes (scraper.parser_identity); None: not known (stored before 0004)
    parser_digest: Mapped[str | None] = mapped_column(String(64))
    # notice | index | unusable | error | news | other; indexed for the few unusable ones (storage.pages.unusable_pages)
    outcome: Mapped[str] = mapped_column(String(32), index=True)
    detail: Mapped[str | None] = mapped_column(Text)  # reason for unusable/error
    notice_key: Mapped[str | None] = mapped_column(String(128), index=True)
    page: Mapped[Page] = relationship(back_populates="snapshots")


class Notice(Base):
    """One notice, whatever URLs it lives under. Keyed by its number, never its URL."""

    __tablename__ = "notice"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(128), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    number: Mapped[str | None] = mapped_column(String(255))
    issuer: Mapped[str | None] = mapped_column(String(255))
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date, index=True)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    effective: Mapped[str | None] = mapped_column(String(40))
    list: Mapped[str | None] = mapped_column(String(32), index=True)
    stated_count: Mapped[int | None] = mapped_column(Integer)
    parsed_count: Mapped[int] = mapped_column(Integer, default=0)
    record_json: Mapped[str] = mapped_column(Text)  # NoticeRecord.dumps()
    record_sha256: Mapped[str] = mapped_column(String(64))  # sha256 of record_json
    revision: Mapped[int] = mapped_column(Integer, default=1)
    snapshot_id: Mapped[int] = mapped_column(ForeignKey("snapshot.id"))  # parsed from
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    urls: Mapped[List["NoticeUrl"]] = relationship(
        back_populates="notice", cascade="all, delete-orphan", order_by="NoticeUrl.url"
    )
    actions: Mapped[List["Action"]] = relationship(
        back_populates="notice", cascade="all, delete-orphan", order_by="Action.seq"
    )
    listings: Mapped[List["Listing"]] = relationship(back_populates="notice", cascade="all, delete-orphan")
    snapshot: Mapped[Snapshot] = relationship()


class NoticeVersion(Base):
    """Every distinct parse of a notice, append-only: the trail behind corrections."""

    __tablename__ = "notice_version"
    __table_args__ = (UniqueConstraint("notice_id", "revision"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notice.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    snapshot_id: Mapped[int] = mapped_column(ForeignKey("snapshot.id"))
    record_json: Mapped[str] = mapped_column(Text)
    record_sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    notice: Mapped[Notice] = relationship()  # so a version is written in the notice's own flush
    snapshot: Mapped[Snapshot] = relationship()


class NoticeUrl(Base):
    """Every URL a notice was seen under: the official URLs it is published at (a notice and its aliases, a Q&A and a
    paper's reprint), and for a notice read over several pages (``scraper.joined``) each later page and linked annex
    page it was read from, ``PageOutcome.PART`` (up to ``MAX_PAGES`` pages of its article and ``MAX_ANNEXES`` annex
    pages with their own pages: no fixed number; "up to five" no longer holds since session 47)."""

    __tablename__ = "notice_url"
    __table_args__ = (UniqueConstraint("notice_id", "url"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notice.id"), index=True)
    url: Mapped[str] = mapped_column(String(2048))
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime())
    notice: Mapped[Notice] = relationship(back_populates="urls")


class Entity(Base):
    """A company, organisation or person, keyed by :func:`storage.names.entity_key`."""

    __tablename__ = "entity"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(255), unique=True)
    zh: Mapped[str | None] = mapped_column(String(512))
    en: Mapped[str | None] = mapped_column(String(512))
    country: Mapped[str | None] = mapped_column(String(8))
    # organization | individual, where a notice says (MFA decisions name people); None: not stated
    type: Mapped[str | None] = mapped_column(String(16))
    names: Mapped[List["EntityName"]] = relationship(back_populates="entity", cascade="all, delete-orphan")


class EntityName(Base):
    """Every spelling an entity was written with, for search and timelines."""

    __tablename__ = "entity_name"
    __table_args__ = (UniqueConstraint("entity_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entity.id"), index=True)
    name: Mapped[str] = mapped_column(String(512))
    name_key: Mapped[str] = mapped_column(String(512), index=True)
    lang: Mapped[str] = mapped_column(String(8))  # zh | en
    entity: Mapped[Entity] = relationship(back_populates="names")


class Listing(Base):
    """(entity, list, notice): the unit whose state changes."""

    __tablename__ = "listing"
    __table_args__ = (UniqueConstraint("entity_id", "list", "notice_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entity.id"), index=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notice.id"), index=True)
    list: Mapped[str] = mapped_column(String(32))
    position: Mapped[int | None] = mapped_column(Integer)  # number in the annex
    zh: Mapped[str | None] = mapped_column(String(512))  # as written in this notice
    en: Mapped[str | None] = mapped_column(String(512))
    note: Mapped[str | None] = mapped_column(String(512))  # the role this notice gives ("…首席执行官")
    entity: Mapped[Entity] = relationship()
    notice: Mapped[Notice] = relationship(back_populates="listings")


class Action(Base):
    """What a notice does, including to earlier notices (targets by key or by date+count)."""

    __tablename__ = "action"
    __table_args__ = (UniqueConstraint("notice_id", "seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notice.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    list: Mapped[str | None] = mapped_column(String(32))
    targets: Mapped[List[Any]] = mapped_column(JSON, default=builtins.list)  # [NoticeRef as JSON]
    entities: Mapped[List[Any]] = mapped_column(JSON, default=builtins.list)  # entity keys, when named
    effective: Mapped[str | None] = mapped_column(String(40))
    until: Mapped[date | None] = mapped_column(Date)
    duration: Mapped[str | None] = mapped_column(String(64))
    text: Mapped[str | None] = mapped_column(Text)
    notice: Mapped[Notice] = relationship(back_populates="actions")


class Event(Base):
    """A derived, published item. Never edited by hand; rebuilt by the lifecycle engine.

    ``id`` is the item id (``<TAG_PREFIX><notice>/<kind>/<list>/<date>[/<entity>]``, see storage.vocabulary).
    ``occurred`` is the item's publication time, derived from the notices, never "now".
    ``updated`` moves only when a correction replaces the payload.
    """

    __tablename__ = "event"
    id: Mapped[str] = mapped_column(String(512), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    scope: Mapped[str] = mapped_column(String(16))  # notice | entity | health | news
    list: Mapped[str | None] = mapped_column(String(32), index=True)
    notice_key: Mapped[str | None] = mapped_column(String(128), index=True)  # the listing notice
    source_key: Mapped[str | None] = mapped_column(String(128))  # the notice that acted
    entity_key: Mapped[str | None] = mapped_column(String(255), index=True)
    effective: Mapped[date | None] = mapped_column(Date)
    until: Mapped[date | None] = mapped_column(Date)
    occurred: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    updated: Mapped[datetime] = mapped_column(UTCDateTime())
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)  # titles, body fields, provenance
    payload_sha256: Mapped[str] = mapped_column(String(64))  # storage.events.payload_hash: all but ``updated``
    # storage.events.content_hash: what the item says (no ``updated``, no provenance); with payload_sha256 it
    # lets a sync compare every stored item without reading its payload. None: not computed (read the payload).
    content_sha256: Mapped[str | None] = mapped_column(String(64))
    corrects: Mapped[str | None] = mapped_column(String(512))  # id of the item this corrects
    revision: Mapped[int] = mapped_column(Integer, default=1)
    retracted: Mapped[bool] = mapped_column(Boolean, default=False)


class DeriveMark(Base):
    """The last derive and sync of the events: for which day, from which inputs, and what it found.

    A sync from the same inputs for the same day changes nothing, so publish skips it while the
    digest of the inputs (the notices as the engine reads them, the engine's code, the held-back
    sources) is the one stored here and the Event table is as that sync left it; ``summary`` keeps what the commands print from a derivation
    (states, problems, unresolved references, held-back items), so they print the same. One row.
    """

    __tablename__ = "derive_mark"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)  # "events"
    as_of: Mapped[date] = mapped_column(Date)
    inputs_sha256: Mapped[str] = mapped_column(String(64))  # notices + engine version (storage.derived)
    held: Mapped[str] = mapped_column(Text)  # JSON list: the sources whose items were held back
    events: Mapped[str] = mapped_column(String(1100))  # storage.derived.events_fingerprint after the sync
    summary: Mapped[str] = mapped_column(Text)  # JSON of storage.derived.DerivedSummary


class EngineSeen(Base):
    """Each engine (:func:`storage.derived.engine_version`) that derived this store, in the order it first did
    (``id``): an engine met again after a later one is an older release, refused (:mod:`storage.engines`)."""

    __tablename__ = "engine_seen"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    version: Mapped[str] = mapped_column(String(64), unique=True)
    first_derived: Mapped[datetime] = mapped_column(UTCDateTime())


class StoreGeneration(Base):
    """A counter per group of tables, moved by database triggers on every write to them (migration 0009):
    ``notices`` (notice, notice_url, snapshot updates), ``events`` (event). Equal counters: no row
    of the group was written since (``storage.generations``)."""

    __tablename__ = "store_generation"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class StoreIdentity(Base):
    """The store's own identity (the row ``name`` "store"): a random id made at its first publish
    (``storage.identity``), written in every feeds folder it publishes into and compared there before the next
    publish. Two stores fed the same pages hold the same notices: the folder's items alone cannot tell them apart.
    The row "stopped-run" names the last run a stop signal ended before it published, and when
    (``storage.publications.record_stopped_run``)."""

    __tablename__ = "store_identity"
    name: Mapped[str] = mapped_column(String(16), primary_key=True)
    value: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SourceRun(Base):
    """Per source and run: what was fetched and what went wrong."""

    __tablename__ = "source_run"
    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[str] = mapped_column(String(64), index=True)
    source: Mapped[str] = mapped_column(String(64), index=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    fetched: Mapped[int] = mapped_column(Integer, default=0)
    new: Mapped[int] = mapped_column(Integer, default=0)
    changed: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    links: Mapped[int] = mapped_column(Integer, default=0)  # links found on its indexes
    ok: Mapped[bool] = mapped_column(Boolean, default=True)
    failures: Mapped[List[Any]] = mapped_column(JSON, default=list)  # [{url, reason, detail}]
    # a backfill or the daily deep walk that read every index page it asked (scraper.discovery.deep_walk_due reads
    # the last one's start); None in rows of runs before revision 0014
    deep: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    # the newest snapshot and publication ids when the row was written: which run a page or a publish came after is
    # read from them, never from the whole-second times (storage.health.crawl_cut_short,
    # storage.publications.unpublished_run); None in rows of runs before revision 0015
    snapshot_mark: Mapped[int | None] = mapped_column(Integer, nullable=True)
    publication_mark: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # the day the run read as of (``run --as-of``, else today in Beijing): a clean run covers that day and the days
    # before it for the runs that leave its source out (storage.health.covered_sources); None before revision 0019
    as_of: Mapped[date | None] = mapped_column(Date, nullable=True)


class Publication(Base):
    """One attempt to publish the feeds (a cycle, ``feeds``, ``serve``): health reads the last
    successful one apart from the last fetch, so a failed publish never looks healthy."""

    __tablename__ = "publication"
    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[str | None] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(String(1024))  # the feeds folder
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    ok: Mapped[bool] = mapped_column(Boolean)
    error: Mapped[str | None] = mapped_column(Text)  # why it failed (or which feeds could not be built)
    feeds: Mapped[int] = mapped_column(Integer, default=0)
    written: Mapped[int] = mapped_column(Integer, default=0)
    # a successful publish: the digest of what it read and of the files it left (storage.publications.PublishMark)
    mark: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    # a preview of a day into a folder of its own (``serve --as-of`` a past day, ``run --as-of … --out DIR``), not the
    # live publication: status and /healthz judge the live ones (None: a row of an older version, counted as live)
    preview: Mapped[bool | None] = mapped_column(Boolean, nullable=True)


class HealthIssue(Base):
    """A source-health problem, said loudly: zero links, count mismatch, repeated failures."""

    __tablename__ = "health_issue"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(512), unique=True)  # stable: source/kind/url-or-notice
    source: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(64))  # a storage.vocabulary.HealthKind
    detail: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(2048))
    notice_key: Mapped[str | None] = mapped_column(String(128))
    run_id: Mapped[str | None] = mapped_column(String(64))
    first_seen: Mapped[datetime] = mapped_column(UTCDateTime())
    last_seen: Mapped[datetime] = mapped_column(UTCDateTime())
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # the copy of a page that found it fixed (fetched at ``resolved_at``), cited by its "Resolved" item; NULL when no
    # page's copy resolved it (a source's run, a person's acceptance) or it was resolved before migration 0016
    resolved_url: Mapped[str | None] = mapped_column(String(2048))
    resolved_sha256: Mapped[str | None] = mapped_column(String(64))
    # times it opened again on the day it was last opened or resolved (NULL: not so), which its items' ids then end in
    # (storage.health): such a reopening took the first opening's item id again, only its time updated, and a feed
    # reader's last new word on the page was "Resolved" while it was broken (health36 M13; migration 0017)
    reopened: Mapped[int | None] = mapped_column(Integer)

    def reopen(self, seen: datetime) -> None:
        """Open this resolved issue again at ``seen``: a new problem, new items in the source-health feed. The opening
        it ends is kept as a row of its own (:meth:`keep_opening`): its items stay in the feed, under their ids."""
        assert self.resolved_at is not None
        self.keep_opening()
        days = {as_utc(self.first_seen).date(), as_utc(self.resolved_at).date()}
        self.reopened = (self.reopened or 0) + 1 if as_utc(seen).date() in days else None
        self.first_seen = seen
        self.resolved_at = self.resolved_url = self.resolved_sha256 = None


    def keep_opening(self) -> None:
        """Add this resolved opening to the session as a ``history`` row, ``<key>#<n>`` (its kind in ``run_id``), which
        :func:`storage.health.health_events` reads as the issue it was: before, a reopening rewrote the one row and the
        earlier opening's "open" and "Resolved" items vanished from the feed with no word (order43's B3). A key too long
        for ``#<n>`` keeps the old way (no issue key near 512 characters is made: storage.keys.issue_key)."""
        from sqlalchemy import func, select
        from sqlalchemy.orm import object_session

        session = object_session(self)
        if session is None:
            return
        kept = session.scalar(select(func.count()).select_from(HealthIssue).where(
            HealthIssue.key.startswith(self.key + "#", autoescape=True), HealthIssue.kind == HealthKind.HISTORY.value))
        kept = (kept or 0) + sum(1 for o in session.new if isinstance(o, HealthIssue) and o.kind == HealthKind.HISTORY
                                 and o.key.startswith(self.key + "#"))  # (not flushed yet)
        key = f"{self.key}#{kept + 1}"
        if len(key) > 512:
            return
        session.add(HealthIssue(key=key, source=self.source, kind=HealthKind.HISTORY.value, detail=self.detail, url=self.url,
                                notice_key=self.notice_key, run_id=self.kind, first_seen=self.first_seen,
                                last_seen=self.last_seen, resolved_at=self.resolved_at, resolved_url=self.resolved_url,
                                resolved_sha256=self.resolved_sha256, reopened=self.reopened))


class NewsReport(Base):
    """A news page reporting a MOFCOM action; it never changes an entity's state."""

    __tablename__ = "news_report"
    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(2048), unique=True)
    source: Mapped[str] = mapped_column(String(64))
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    snapshot_id: Mapped[int | None] = mapped_column(ForeignKey("snapshot.id"))
    notice_key: Mapped[str | None] = mapped_column(String(128), index=True)  # linked notice, once found
    reported_action: Mapped[str | None] = mapped_column(String(32))
    reported_list: Mapped[str | None] = mapped_column(String(32))
    reported_count: Mapped[int | None] = mapped_column(Integer)
    reported_date: Mapped[date | None] = mapped_column(Date)
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)


class RunLock(Base):
    """One row per lock name: two runs on one database never interleave."""

    __tablename__ = "run_lock"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    holder: Mapped[str] = mapped_column(String(128))
    acquired_at: Mapped[datetime] = mapped_column(UTCDateTime())
    heartbeat_at: Mapped[datetime] = mapped_column(UTCDateTime())
