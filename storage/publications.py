"""The publish log: when the feeds were last published, and whether it worked.

Bounded: per feeds folder, the newest :data:`KEEP` attempts and the newest one that worked are
kept (what ``status`` and ``/healthz`` read); older attempts are deleted as new ones are logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.cleantext import clean_text
from storage.models import Publication, SourceRun, StoreIdentity
from storage.vocabulary import as_utc

ERROR_LEN = 2000
KEEP = 100  # attempts kept per feeds folder (besides its newest successful one)
# the ``store_identity`` row naming the last run a stop signal ended (``docker stop``): its run id, and when
STOPPED_ROW = "stopped-run"


@dataclass(frozen=True)
class PublishRecord:
    target: str
    finished_at: datetime
    ok: bool
    error: str | None
    feeds: int
    written: int

    @classmethod
    def of(cls, row: Publication) -> PublishRecord:
        return cls(row.target, as_utc(row.finished_at), row.ok, row.error, row.feeds, row.written)

    def to_json(self) -> dict[str, object]:
        return {"target": self.target, "finished_at": self.finished_at.isoformat(), "ok": self.ok,
                "error": self.error, "feeds": self.feeds, "written": self.written}


@dataclass(frozen=True)
class PublishMark:
    """What a successful publish read (``inputs``: a digest of the events, health and news items,
    as-of date, base URL, watchlist and code) and left in its folder (``files``: a digest of every
    feed and picture file's name, size and mtime there), with the figures it reported: a publish
    with the same inputs into a folder with the same files has nothing to write."""

    inputs: str
    files: str
    feeds: int
    pictures: int
    events: int
    watchlist_items: int | None
    stale: tuple[str, ...]  # feed files in the folder no feed produces (relative paths)

    def to_json(self) -> dict[str, object]:
        return {"inputs": self.inputs, "files": self.files, "feeds": self.feeds, "pictures": self.pictures,
                "events": self.events, "watchlist_items": self.watchlist_items, "stale": list(self.stale)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PublishMark:
        return cls(str(data["inputs"]), str(data["files"]), int(data["feeds"]), int(data["pictures"]),
                   int(data["events"]), None if data["watchlist_items"] is None else int(data["watchlist_items"]),
                   tuple(str(s) for s in data["stale"]))


_NEWEST_FIRST = (Publication.finished_at.desc(), Publication.id.desc())


def record_publication(session: Session, *, target: str, started_at: datetime, finished_at: datetime, ok: bool,
                       error: str | None = None, feeds: int = 0, written: int = 0,
                       run_id: str | None = None, keep: int = KEEP, mark: PublishMark | None = None,
                       preview: bool = False) -> None:
    """Append one publish attempt and drop the folder's attempts beyond the newest ``keep`` (its
    newest successful one stays whatever its age). The caller owns the transaction. ``preview``: a day's view
    published into a folder of its own (``serve --as-of`` a past day, ``run --as-of … --out DIR``), not the live
    publication (:func:`last_publication`)."""
    target = target[:1024]
    session.add(Publication(run_id=run_id, target=target, started_at=as_utc(started_at),
                            finished_at=as_utc(finished_at), ok=ok, feeds=feeds, written=written,
                            error=clean_text(error)[:ERROR_LEN] if error else None,
                            mark=mark.to_json() if mark is not None and ok else None, preview=preview or None))
    session.flush()
    newest = select(Publication.id).where(Publication.target == target).order_by(*_NEWEST_FIRST)
    session.execute(delete(Publication).where(
        Publication.target == target,
        Publication.id.not_in(newest.limit(max(1, keep))),
        Publication.id.not_in(newest.where(Publication.ok.is_(True)).limit(1)),
    ).execution_options(synchronize_session=False))


def last_mark(session: Session, target: str) -> PublishMark | None:
    """The mark of the newest publish attempt into ``target``, when that attempt worked and left one."""
    row = session.scalars(select(Publication).where(Publication.target == target[:1024])
                          .order_by(*_NEWEST_FIRST).limit(1)).first()
    if row is None or not row.ok or not row.mark:
        return None
    try:
        return PublishMark.from_json(row.mark)
    except (KeyError, TypeError, ValueError):  # a mark of another shape: build, and leave a new one
        return None


def folder_targets(folder: Path) -> tuple[str, ...]:
    """The ``target`` strings a publish into ``folder`` may have logged: the path as configured, and absolute."""
    return tuple(dict.fromkeys(str(p)[:1024] for p in (folder, folder.absolute(), folder.resolve())))


def last_publication(session: Session, *, ok: bool | None = None, folder: Path | None = None,
                     preview: bool = False) -> PublishRecord | None:
    """The newest publish attempt (``ok=True``: the newest that worked). With ``folder`` (the live feeds folder,
    which readers follow), the newest into that folder: a ``feeds --out /tmp/x`` that worked after a failed publish
    to the live folder hid that failure (``status`` and ``/healthz`` green while readers got stale feeds). A store
    that never published into ``folder`` (the feeds go elsewhere through ``--out``) is judged by any folder's live
    publishes: a preview (``serve --as-of`` a past day, in a temporary folder of its own) was read as the store's
    last publish, and its age as the feeds' (``preview=True``: the newest preview instead, for a line of its own)."""
    query = select(Publication).order_by(*_NEWEST_FIRST).limit(1)
    live = Publication.target.in_(folder_targets(folder)) if folder is not None and not preview else None
    if live is not None and session.scalar(select(Publication.id).where(live).limit(1)) is not None:
        query = query.where(live)  # (the folder's own log: a preview serve judges the folder it serves)
    else:
        query = query.where(Publication.preview.is_(True) if preview else Publication.preview.is_not(True))
    if ok is not None:
        query = query.where(Publication.ok.is_(ok))
    row = session.scalars(query).first()
    return PublishRecord.of(row) if row is not None else None


def unpublished_run(session: Session, folder: Path | None = None) -> tuple[str, datetime | None] | None:
    """The newest run (its id and when it last recorded a source's run) when it logged no publish attempt at all, not
    even a failed one: it was stopped before it published (``kill -9``, the out-of-memory killer, SIGTERM) or could
    not write its failure (a full disk, a quota); None otherwise. Was: ``status`` and ``/healthz`` judged only the
    last *logged* publish, so such a run left both green while the feeds missed what it stored. (A run still going
    on holds the run lock: the caller leaves it out, ``storage.runlock.running``.) A publish into ``folder`` (the live
    one) since that run began clears it too: ``serve`` publishes what the store holds when it changed."""
    last = session.execute(select(SourceRun.run_id, SourceRun.started_at, SourceRun.finished_at)
                           .order_by(SourceRun.id.desc()).limit(1)).first()
    if last is None or not last.run_id:
        return None
    ours = Publication.run_id == last.run_id
    if folder is not None:
        ours = ours | Publication.target.in_(folder_targets(folder))
    logged = session.scalar(select(Publication.id).where(Publication.finished_at >= last.started_at, ours).limit(1))
    if logged is not None:
        return None
    return last.run_id, as_utc(last.finished_at) if last.finished_at else None


def record_stopped_run(session: Session, run_id: str, at: datetime) -> None:
    """Note that the run ``run_id`` was ended by a stop signal before it published (``docker stop``, ``podman stop``,
    ``systemctl stop`` of ``schedule`` or ``serve --schedule``: its cycle ends at its next page). One row, replaced at
    each such stop (the caller commits). A requested stop is no fault: :func:`stopped_run` lets ``status`` and
    ``/healthz`` say it as such instead of "logged no publish" (a killed run's words)."""
    row = session.get(StoreIdentity, STOPPED_ROW)
    if row is None:
        session.add(StoreIdentity(name=STOPPED_ROW, value=run_id[:64], created_at=as_utc(at)))
    else:
        row.value, row.created_at = run_id[:64], as_utc(at)


def stopped_run(session: Session, run_id: str) -> datetime | None:
    """When the run ``run_id`` was ended by a stop signal (:func:`record_stopped_run`); None when it was not (killed,
    or stopped by an older version, which noted nothing)."""
    row = session.get(StoreIdentity, STOPPED_ROW)
    return as_utc(row.created_at) if row is not None and row.value == run_id[:64] else None


def stopped_line(run_id: str, at: datetime, last_ok: datetime | None) -> str:
    """``status``'s and ``/healthz``'s words for a last run that a stop signal ended before it published: no problem
    (the feeds hold the last publish, whose age is judged as always); what it stored reaches the feeds with the next
    cycle."""
    published = f"{last_ok:%Y-%m-%d %H:%M} UTC" if last_ok is not None else "never"
    return (f"stopped by request: the last run ({run_id}) was stopped at {at:%Y-%m-%d %H:%M} UTC before it published "
            f"(a stop signal: docker stop, podman stop); last publish at {published}; the next cycle reads what it "
            "left and publishes")


def unpublished_line(run: tuple[str, datetime | None]) -> str:
    """``status``'s and ``/healthz``'s line for :func:`unpublished_run`."""
    run_id, at = run
    when = f" (its last source at {at:%Y-%m-%d %H:%M} UTC)" if at else ""
    return (f"the last run ({run_id}{when}) logged no publish of the feeds: it was stopped before publishing (kill -9, "
            "out of memory, SIGTERM) or could not log its failure (a full disk or a quota); the feeds hold the last "
            "publish, without what it stored; the next run publishes")


def unpublished_said(session: Session, folder: Path | None, *, running: bool) -> tuple[str | None, str | None]:
    """(problem, note) on the last run for ``status`` and ``/healthz``: a run that logged no publish is a problem
    (:func:`unpublished_line`) unless a stop signal ended it, which is said as a note (:func:`stopped_line`); neither
    while a run holds the run lock (``running``: going on, not stopped)."""
    run = unpublished_run(session, folder)
    if run is None or running:
        return None, None
    at = stopped_run(session, run[0])
    if at is None:
        return unpublished_line(run), None
    last_ok = last_publication(session, ok=True, folder=folder)
    return None, stopped_line(run[0], at, last_ok.finished_at if last_ok is not None else None)
