"""What the server reads from the store: read-only queries, each failing soft.

The front page must render even when one part is missing (a fresh database, a module not
installed, a backend hiccup): each part returns its rows plus a note instead of raising.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol, Sequence

from sqlalchemy import Engine, func, select, text

from mofcom_watch.watched import newest_run_sources
from storage.bands import Band, entity_bands, listing_bands
from storage.events import load_events
from storage.health import open_health_issues, open_warnings
from storage.models import Entity, HealthIssue, Snapshot, SourceRun
from storage.records import EventRecord, EventScope, Provenance, StatusRow
from storage.snapshots import snapshot_bytes
from storage.status import (
    EntityTimeline,
    derive_stored,
    derived_summary,
    entity_timeline_by_key,
    find_entities,
    listing_states,
)
from storage.vocabulary import naive_as_utc

LOG = logging.getLogger("mofcom_watch.server")
REFUSED_NOTE = "the store was refused: "  # every part of a RefusedStore begins so (a page says no retry helps)
# Close names the site's search lists (timeline's "did you mean" names 5): "Lockheed" is in 7 listed names, and the page
# said "5 companies match lockheed" without Lockheed Martin Ventures and the Javelin joint venture (reader37 B).
SEARCH_NAMES = 25


@dataclass(frozen=True)
class SourceHealth:
    """The latest run of one source."""

    source: str
    finished_at: datetime | None
    ok: bool
    fetched: int
    new: int
    failed: int
    run_id: str
    watched: bool = True  # False: the configuration no longer fetches it (mofcom_watch.watched): its last run fails nothing


@dataclass(frozen=True)
class OpenIssue:
    source: str
    kind: str
    detail: str
    url: str | None
    first_seen: datetime | None
    last_seen: datetime | None
    notice_key: str | None = None  # the notice an issue is about (a count mismatch), for its row in the state table


@dataclass(frozen=True)
class Part:
    """Rows for one section of the page, or why there are none."""

    rows: Sequence[Any]
    note: str | None = None


@dataclass(frozen=True)
class EntityView:
    """What an entity page shows: the timeline, its picture rows and the notices it rests on."""

    timeline: EntityTimeline
    bands: tuple[Band, ...]
    sources: tuple[Provenance, ...]  # every notice behind the entity's events, oldest first
    stored: frozenset[str] = frozenset()  # the sources' SHA-256s whose bytes the store holds


@dataclass(frozen=True)
class SnapshotView:
    """One stored page, raw bytes as fetched."""

    sha256: str
    url: str
    fetched_at: datetime | None
    content_type: str | None
    encoding: str | None
    body: bytes


class SiteData(Protocol):
    """The read side the server needs; tests pass stand-ins, production uses :class:`StoreData`."""

    def ping(self) -> str | None: ...  # None when the database answers, else the error
    def last_cycle(self) -> datetime | None: ...  # when the newest source run finished
    def states(self, as_of: date) -> Part: ...  # StatusRow
    def events(self, as_of: date, limit: int) -> Part: ...  # EventRecord, newest first
    def sources(self) -> Part: ...  # SourceHealth
    def issues(self) -> Part: ...  # OpenIssue
    def bands(self, as_of: date) -> Part: ...  # Band, one row per listing, oldest first
    def entity(self, key: str, as_of: date) -> Part: ...  # one EntityView, or none for an unknown key
    def search(self, query: str) -> Part: ...  # EntityHit, best first
    def snapshot(self, sha256: str) -> SnapshotView | None: ...
    def evidence(self, key: str, as_of: date) -> bytes | None: ...  # the evidence pack (zip) of one entity
    def screen(self, queries: Any, as_of: date) -> Any: ...  # storage.screening.Screened per query

    def unread_warnings(self) -> list[str]: ...  # storage.screening.unread_warnings: pages not read whole


def _aware(moment: datetime | None) -> datetime | None:
    return naive_as_utc(moment) if moment is not None else None


class StoreData:
    """:class:`SiteData` on the project database (every call opens and closes its own session)."""

    def __init__(self, engine: Engine, watched: frozenset[str] | None = None) -> None:
        """``watched``: the sources the configuration fetches (None: every source counts as watched)."""
        from storage.db import session_factory

        self.engine = engine
        self.watched = watched
        self._sessions = session_factory(engine)

    def ping(self) -> str | None:
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return None
        except Exception as exc:  # noqa: BLE001 - reported by /healthz
            return f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"

    def last_answer(self) -> datetime | None:
        """When an index page of any source last answered (200 or 304); None when none has (or unknown)."""
        from storage.health import source_checks

        try:
            with self._sessions() as session:
                return max((c.last_checked for c in source_checks(session) if c.last_checked is not None),
                           default=None)
        except Exception as exc:  # noqa: BLE001 - no table yet counts as no answer
            LOG.debug("last answer unknown: %s", exc)
            return None

    def publications(self, folder: Path | None = None) -> tuple[Any, Any]:
        """(the last publish attempt, the last successful one) into ``folder`` (the one served; None: any):
        storage.publications.PublishRecord or None."""
        from storage.publications import last_publication

        try:
            with self._sessions() as session:
                return last_publication(session, folder=folder), last_publication(session, ok=True, folder=folder)
        except Exception as exc:  # noqa: BLE001 - no table yet counts as no publish
            LOG.debug("publications unknown: %s", exc)
            return None, None

    def run_lock_stuck(self) -> str | None:
        """The run lock's holder is stopped or silent (storage.runlock.stuck); None otherwise, or when unknown."""
        from storage.runlock import stuck

        try:
            return stuck(self.engine)
        except Exception as exc:  # noqa: BLE001 - no table yet: no lock
            LOG.debug("run lock unknown: %s", exc)
            return None

    def last_run_said(self, folder: Path | None = None) -> tuple[str | None, str | None]:
        """(problem, note) on the last run, read once (storage.publications.unpublished_said): the problem when it
        logged no publish (nor was one made into ``folder`` since) and none runs now; the note when a stop signal
        ended it before it published (no problem: the feeds hold the last publish, judged by its age)."""
        from storage.publications import unpublished_said
        from storage.runlock import running

        try:
            with self._sessions() as session:
                return unpublished_said(session, folder, running=running(self.engine))
        except Exception as exc:  # noqa: BLE001 - no table yet: no run
            LOG.debug("runs unknown: %s", exc)
            return None, None

    def store_busy(self) -> bool:
        """Whether another connection holds the store's write lock now (storage.db.write_locked; False when unknown)."""
        from storage.db import write_locked

        try:
            return write_locked(self.engine.url.render_as_string(hide_password=False))
        except Exception as exc:  # noqa: BLE001 - only a note on /healthz
            LOG.debug("store lock unknown: %s", exc)
            return False

    def last_cycle(self) -> datetime | None:
        try:
            with self._sessions() as session:
                return _aware(session.scalar(select(func.max(SourceRun.finished_at))))
        except Exception as exc:  # noqa: BLE001 - no table yet counts as no cycle
            LOG.debug("last cycle unknown: %s", exc)
            return None

    def states(self, as_of: date) -> Part:
        return self._call(lambda s: listing_states(s, as_of), "current state")

    def events(self, as_of: date, limit: int) -> Part:
        part = self._call(lambda s: load_events(s, as_of), "latest events")
        # one line per notice-level change (as in the `all` feed), not one per entity
        rows = tuple(e for e in part.rows if isinstance(e, EventRecord) and e.scope != EventScope.ENTITY)
        return Part(rows[:limit], part.note)

    def sources(self) -> Part:
        def query(session: Any) -> list[SourceHealth]:
            newest = (
                select(SourceRun.source, func.max(SourceRun.id).label("id")).group_by(SourceRun.source).subquery()
            )
            runs = session.scalars(select(SourceRun).join(newest, SourceRun.id == newest.c.id)
                                   .order_by(SourceRun.source)).all()
            watched = None if self.watched is None else self.watched | newest_run_sources(session)
            return [SourceHealth(r.source, _aware(r.finished_at), bool(r.ok), r.fetched or 0, r.new or 0,
                                 r.failed or 0, r.run_id, watched is None or r.source in watched) for r in runs]

        return self._call(query, "source health")

    def problems(self, as_of: date) -> Part:
        """The lifecycle engine's problems as of ``as_of`` that no unresolved-reference item tells (those are items): a step
        it did not apply, an answer saying otherwise than the notice (story31: the front page said "No open problems."
        while `status` and `run` exited 1 on one)."""
        def query(session: Any) -> list[str]:
            d = derived_summary(session, as_of)
            told = {f"{e.source_key}:" for e in d.unresolved}
            return [p for p in d.problems if not any(p.startswith(k) for k in told)]

        return self._call(query, "problems")

    def listing_problems(self) -> Part:
        """What ``status`` exits 1 on besides the sources: the engine's problems and unresolved references (a step it
        could not apply, an answer saying otherwise than a notice: "read both"), as of the store's last sync, read from
        its derive mark and never derived here (``/healthz`` answers a probe every minute; a derive of a large store
        takes seconds). A mark that does not fit the stored notices (a page stored since, another engine) answers
        nothing, its note saying why: "unknown" until the next cycle or publish syncs. Was: none (health46): ``/healthz``
        said ``ok`` everywhere beside a problem only ``status`` and the front page told."""
        from storage.derived import inputs_digest, stored_summary, synced_as_of

        def query(session: Any) -> list[str] | str:
            day = synced_as_of(session)
            summary = stored_summary(session, day, inputs_digest(session, day)) if day is not None else None
            if summary is None:
                return ("not derived yet: the store was never synced" if day is None
                        else f"not derived yet: notices were stored after the last sync (as of {day})")
            return list(summary.problems) + [f"{e.source_key}: {e.title}" for e in summary.unresolved
                                             if not any(p.startswith(f"{e.source_key}:") for p in summary.problems)]

        part = self._call(lambda session: [query(session)], "listing problems")
        if part.note or not part.rows:
            return part
        found = part.rows[0]
        return Part((), found) if isinstance(found, str) else Part(tuple(found))

    def issues(self) -> Part:
        """The open health issues (not the warnings: :meth:`warnings`)."""
        def query(session: Any) -> list[OpenIssue]:
            return [_open_issue(r) for r in open_health_issues(session)]

        return self._call(query, "health issues")

    def warnings(self) -> Part:
        """The sources' open warnings (``HealthKind.WARNING``): shown on the front page and by /healthz, failing
        nothing."""
        return self._call(lambda session: [_open_issue(r) for r in open_warnings(session)], "warnings")

    def bands(self, as_of: date) -> Part:
        return self._call(lambda s: listing_bands(derive_stored(s, as_of)[1].events), "state pictures")

    def entity_names(self) -> Part:
        """(key, name) of every entity, its English name where it has one: the front page names the entities of each
        listing and links their pages."""
        return self._call(lambda s: [(k, en or zh or k) for k, en, zh in s.execute(select(Entity.key, Entity.en,
                                                                                          Entity.zh))],
                          "entity names")

    def entity(self, key: str, as_of: date) -> Part:
        def query(session: Any) -> list[EntityView]:
            tl = entity_timeline_by_key(session, key, as_of)
            if tl is None:
                return []
            events = [e for listing in tl.listings for e in listing.events]
            sources = _sources(events)
            shas = [s for p in sources for s in (p.sha256, *(c.sha256 for c in p.copies)) if s]  # each page's copy
            stored = frozenset(session.scalars(select(Snapshot.sha256).where(Snapshot.sha256.in_(shas)))) if shas \
                else frozenset()
            return [EntityView(tl, entity_bands(events, tl.keys), sources, stored)]

        return self._call(query, "entity")

    def search(self, query: str) -> Part:
        return self._call(lambda s: find_entities(s, query, SEARCH_NAMES), "search")

    def snapshot(self, sha256: str) -> SnapshotView | None:
        with self._sessions() as session:
            snap = session.scalars(select(Snapshot).where(Snapshot.sha256 == sha256)
                                   .order_by(Snapshot.fetched_at, Snapshot.id)).first()
            if snap is None:
                return None
            return SnapshotView(snap.sha256, snap.page.url, _aware(snap.fetched_at), snap.content_type,
                                snap.encoding, snapshot_bytes(snap))

    def evidence(self, key: str, as_of: date) -> bytes | None:
        from mofcom_watch.evidence import build_pack  # imports the parser's version: only when asked

        with self._sessions() as session:
            try:
                return build_pack(session, key, as_of, key_only=True)
            finally:
                session.rollback()

    def screen(self, queries: Any, as_of: date) -> Any:
        from storage.screening import screen

        with self._sessions() as session:
            try:
                return screen(session, queries, as_of)
            finally:
                session.rollback()

    def unread_warnings(self) -> list[str]:
        from mofcom_watch.personread import awaiting, awaiting_lines
        from storage.screening import unread_warnings

        with self._sessions() as session:
            try:  # and pages a person read that this parser has not (`serve` without --schedule reads none)
                return unread_warnings(session) + awaiting_lines(awaiting(session))
            finally:
                session.rollback()

    def _call(self, fn: Any, what: str) -> Part:
        try:
            with self._sessions() as session:
                rows = fn(session)
                session.rollback()  # read-only: never commit anything
            return Part(tuple(rows))
        except Exception as exc:  # noqa: BLE001 - one broken section must not take the page down
            LOG.warning("%s unavailable: %s", what, exc)
            return Part((), f"{what} unavailable: {type(exc).__name__}")


class RefusedStore:
    """:class:`SiteData` of a store ``serve`` refused at start (a killed writer's ``-wal`` beside a restored file, a
    newer version's schema, a damaged file: ``serve_cmd.open_engine``): every read answers that it cannot, never an
    empty answer ("no such company", no listings); the feed files are served from the folder as they are. ``refused``:
    the refusal's line, which ``/healthz`` says (503). ``reopen`` (a plain ``serve``): opens the store again, giving the
    store's data and the refresher publishing its feeds, or None while it is still refused; the app tries it every
    ``REOPEN_SECONDS`` and serves the store once it opens (session 46: a refusal cured, by an accepted run or a newer
    image's derive, stayed 503 until serve was restarted; ops45)."""

    def __init__(self, refused: str, reopen: Callable[[], tuple[Any, ...] | str] | None = None,
                 scheduled: bool = False) -> None:
        self.refused = refused
        self.reopen = reopen
        # serve --schedule's: its cycles start once the store opens (reopen gives them: serve_cmd.Cycles; before
        # session 47 it was restarted, quiet46)
        self.scheduled = scheduled
        # why the last try of ``reopen`` was refused, where that is not the refusal at start (its cure done, another
        # cause stands: a killed writer's -wal beside the backup put back, a file that holds no store); None while
        # the start's refusal stands (ops46: /healthz said the start's line for good, the cure looking undone)
        self.refused_now: str | None = None
        self.tried_at: datetime | None = None
        self._note = f"{REFUSED_NOTE}{refused}"

    def ping(self) -> str | None:
        return self.refused

    def last_cycle(self) -> datetime | None:
        return None

    def _none(self, *_args: object) -> Part:
        return Part((), self._note)

    states = events = sources = issues = bands = entity = search = problems = warnings = entity_names = _none
    listing_problems = _none

    def snapshot(self, sha256: str) -> SnapshotView | None:
        raise self._fault()

    def evidence(self, key: str, as_of: date) -> bytes | None:
        raise self._fault()

    def screen(self, queries: Any, as_of: date) -> Any:
        raise self._fault()

    def unread_warnings(self) -> list[str]:
        raise self._fault()

    def _fault(self) -> Exception:
        from storage.faults import StoreUnavailable

        return StoreUnavailable(self._note)


def _open_issue(row: HealthIssue) -> OpenIssue:
    return OpenIssue(row.source, row.kind, row.detail, row.url, _aware(row.first_seen), _aware(row.last_seen),
                     row.notice_key)


def _sources(events: Sequence[EventRecord]) -> tuple[Provenance, ...]:
    """Every notice the events rest on, once each, in the order they first appear (events oldest first)."""
    seen: dict[str, Provenance] = {}
    for e in events:
        for p in e.provenance:
            seen.setdefault(p.notice_key, p)
    return tuple(seen.values())


def failed_unsaid(sources: Part, issues: Sequence[OpenIssue]) -> list[SourceHealth]:
    """The sources whose last run failed and that no open issue names yet (one opens after ``FAILING_RUNS`` in a row):
    ``status`` says "LAST RUN FAILED" and exits 1 on them, so the front page and ``/healthz`` must say them too
    (story32 S4, ops31). A source the configuration no longer fetches is left out (:mod:`mofcom_watch.watched`)."""
    return [s for s in sources.rows if isinstance(s, SourceHealth) and not s.ok and s.watched
            and not any(i.source == s.source for i in issues)]


def typed_rows(part: Part, kind: type) -> list[Any]:
    return [r for r in part.rows if isinstance(r, kind)]


__all__ = ["EntityView", "EventRecord", "OpenIssue", "SnapshotView", "Part", "RefusedStore", "SiteData", "SourceHealth", "StatusRow", "StoreData", "typed_rows"]
