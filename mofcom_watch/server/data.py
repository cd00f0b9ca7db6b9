"""What the server reads from the store: read-only queries, each failing soft.

The front page must render even when one part is missing (a fresh database, a module not
installed, a backend hiccup): each part returns its rows plus a note instead of raising.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Protocol, Sequence

from sqlalchemy import Engine, func, select, text

from storage.models import HealthIssue, SourceRun
from storage.records import EventRecord, StatusRow

LOG = logging.getLogger("mofcom_watch.server")


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


@dataclass(frozen=True)
class OpenIssue:
    source: str
    kind: str
    detail: str
    url: str | None
    first_seen: datetime | None
    last_seen: datetime | None


@dataclass(frozen=True)
class Part:
    """Rows for one section of the page, or why there are none."""

    rows: Sequence[Any]
    note: str | None = None


class SiteData(Protocol):
    """The read side the server needs; tests pass stand-ins, production uses :class:`StoreData`."""

    def ping(self) -> str | None: ...  # None when the database answers, else the error
    def last_cycle(self) -> datetime | None: ...  # when the newest source run finished
    def states(self, as_of: date) -> Part: ...  # StatusRow
    def events(self, as_of: date, limit: int) -> Part: ...  # EventRecord, newest first
    def sources(self) -> Part: ...  # SourceHealth
    def issues(self) -> Part: ...  # OpenIssue


def _aware(moment: datetime | None) -> datetime | None:
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


class StoreData:
    """:class:`SiteData` on the project database (every call opens and closes its own session)."""

    def __init__(self, engine: Engine) -> None:
        from storage.db import session_factory

        self.engine = engine
        self._sessions = session_factory(engine)

    def ping(self) -> str | None:
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return None
        except Exception as exc:  # noqa: BLE001 - reported by /healthz
            return f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"

    def last_cycle(self) -> datetime | None:
        try:
            with self._sessions() as session:
                return _aware(session.scalar(select(func.max(SourceRun.finished_at))))
        except Exception as exc:  # noqa: BLE001 - no table yet counts as no cycle
            LOG.debug("last cycle unknown: %s", exc)
            return None

    def states(self, as_of: date) -> Part:
        try:
            from storage.status import listing_states
        except ImportError:
            return Part((), "the status module is not installed yet")
        return self._call(lambda s: listing_states(s, as_of), "current state")

    def events(self, as_of: date, limit: int) -> Part:
        try:
            from storage.events import load_events
        except ImportError:
            return Part((), "the events module is not installed yet")
        part = self._call(lambda s: load_events(s, as_of), "latest events")
        # one line per notice-level change (as in the `all` feed), not one per entity
        rows = tuple(e for e in part.rows if getattr(e, "scope", None) != "entity")
        return Part(rows[:limit], part.note)

    def sources(self) -> Part:
        def query(session: Any) -> list[SourceHealth]:
            newest = (
                select(SourceRun.source, func.max(SourceRun.id).label("id")).group_by(SourceRun.source).subquery()
            )
            runs = session.scalars(select(SourceRun).join(newest, SourceRun.id == newest.c.id)
                                   .order_by(SourceRun.source)).all()
            return [SourceHealth(r.source, _aware(r.finished_at), bool(r.ok), r.fetched or 0, r.new or 0,
                                 r.failed or 0, r.run_id) for r in runs]

        return self._call(query, "source health")

    def issues(self) -> Part:
        def query(session: Any) -> list[OpenIssue]:
            rows = session.scalars(select(HealthIssue).where(HealthIssue.resolved_at.is_(None))
                                   .order_by(HealthIssue.source, HealthIssue.key)).all()
            return [OpenIssue(r.source, r.kind, r.detail, r.url, _aware(r.first_seen), _aware(r.last_seen))
                    for r in rows]

        return self._call(query, "health issues")

    def _call(self, fn: Any, what: str) -> Part:
        try:
            with self._sessions() as session:
                rows = fn(session)
                session.rollback()  # read-only: never commit anything
            return Part(tuple(rows))
        except Exception as exc:  # noqa: BLE001 - one broken section must not take the page down
            LOG.warning("%s unavailable: %s", what, exc)
            return Part((), f"{what} unavailable: {type(exc).__name__}")


def typed_rows(part: Part, kind: type) -> list[Any]:
    return [r for r in part.rows if isinstance(r, kind)]


__all__ = ["EventRecord", "OpenIssue", "Part", "SiteData", "SourceHealth", "StatusRow", "StoreData", "typed_rows"]
