"""The publish log: when the feeds were last published, and whether it worked.

Bounded: per feeds folder, the newest :data:`KEEP` attempts and the newest one that worked are
kept (what ``status`` and ``/healthz`` read); older attempts are deleted as new ones are logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from storage.cleantext import clean_text
from storage.models import Publication, SourceRun, StoreIdentity
from storage.vocabulary import as_utc

ERROR_LEN = 2000
KEEP = 100  # attempts kept per feeds folder (besides its newest successful one)
# the ``store_identity`` row naming the last run a stop signal ended (``docker stop``): its run id, and when
STOPPED_ROW = "stopped-run"
RUN_ID_LEN = 40  # of the run id in that row's value (run ids are 12-22 characters), its marks after it (64 in all)


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
    # the inputs of every feed but the news and source-health feeds, and those feeds' items (of ``events``): when only
    # the health or news items moved, only those two feeds are written (None: a mark of an older version, a whole build)
    core: str | None = None
    sides: int | None = None
    # the SHA-256 of the file in the folder that holds the digests of its entity feeds' inputs (``mofcom_watch.publish``:
    # a feed whose inputs are the same is not built again); None: no such file (a mark of an older version)
    parts: str | None = None

    def to_json(self) -> dict[str, object]:
        return {"inputs": self.inputs, "files": self.files, "feeds": self.feeds, "pictures": self.pictures,
                "events": self.events, "watchlist_items": self.watchlist_items, "stale": list(self.stale),
                "core": self.core, "sides": self.sides, "parts": self.parts}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PublishMark:
        core, sides, parts = data.get("core"), data.get("sides"), data.get("parts")
        return cls(str(data["inputs"]), str(data["files"]), int(data["feeds"]), int(data["pictures"]),
                   int(data["events"]), None if data["watchlist_items"] is None else int(data["watchlist_items"]),
                   tuple(str(s) for s in data["stale"]), None if core is None else str(core),
                   None if sides is None else int(sides), None if parts is None else str(parts))


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
    one) logged after that run's newest row clears it too: ``serve`` publishes what the store holds when it changed.
    "After" is read from the publication ids (``SourceRun.publication_mark``), not the times, which are whole seconds
    for the run: the previous run's publish at 13:44:13.027 counted as after a start stored as 13:44:13 (ops35). A
    row of a run before revision 0015 has no mark: the times are compared, as before."""
    last = session.execute(select(SourceRun.run_id, SourceRun.started_at, SourceRun.finished_at,
                                  SourceRun.publication_mark).order_by(SourceRun.id.desc()).limit(1)).first()
    if last is None or not last.run_id:
        return None
    ours = Publication.run_id == last.run_id
    if folder is not None:
        since = (Publication.id > last.publication_mark if last.publication_mark is not None
                 else Publication.finished_at >= last.started_at)
        ours = ours | (Publication.target.in_(folder_targets(folder)) & since)
    logged = session.scalar(select(Publication.id).where(ours).limit(1))
    if logged is not None:
        return None
    return last.run_id, as_utc(last.finished_at) if last.finished_at else None


def record_stopped_run(session: Session, run_id: str, at: datetime) -> None:
    """Note that the run ``run_id`` was ended by a stop signal before it published (``docker stop``, ``podman stop``,
    ``systemctl stop``, Ctrl-C; of ``schedule``, ``serve --schedule`` or ``run``). One row, replaced at each such stop
    (the caller commits). A requested stop is no fault: :func:`stopped_run` lets ``status`` and ``/healthz`` say it as
    such instead of "logged no publish" (a killed run's words). Its value is the run id and the newest run row's and
    publication's ids at the stop (:data:`STOP_MARKS`): a run stopped before its first source finished has no run row,
    and :func:`stopped_early` tells from them that nothing ran or published since (never from the times, whole
    seconds: ops35)."""
    marks = [session.scalar(select(func.coalesce(func.max(column), 0))) for column in (SourceRun.id, Publication.id)]
    value = f"{run_id[:RUN_ID_LEN]} {marks[0]} {marks[1]}"
    row = session.get(StoreIdentity, STOPPED_ROW)
    if row is None:
        session.add(StoreIdentity(name=STOPPED_ROW, value=value, created_at=as_utc(at)))
    else:
        row.value, row.created_at = value, as_utc(at)


def _stop_note(session: Session) -> tuple[str, datetime, tuple[int, int] | None] | None:
    """The stop note's run id, time and marks (None for a note of a version before session 35, which wrote none)."""
    row = session.get(StoreIdentity, STOPPED_ROW)
    if row is None:
        return None
    run_id, *marks = row.value.split(" ")
    known = len(marks) == 2 and all(m.isdigit() for m in marks)
    return run_id, as_utc(row.created_at), (int(marks[0]), int(marks[1])) if known else None


def stopped_run(session: Session, run_id: str) -> datetime | None:
    """When the run ``run_id`` was ended by a stop signal (:func:`record_stopped_run`); None when it was not (killed,
    or stopped by an older version, which noted nothing)."""
    note = _stop_note(session)
    return note[1] if note is not None and note[0] == run_id[:RUN_ID_LEN] else None


def stopped_early(session: Session, folder: Path | None = None) -> tuple[str, datetime] | None:
    """The run a stop signal ended before its first source finished (its id, when), when it is the last run: it wrote
    no run row, no run wrote one since, and no publish (into ``folder`` when given) was logged since. Was: such a stop
    (a cron ``run`` stopped while its first site was slow) left no word at all; ``status`` showed the run before it
    (cli34). None otherwise."""
    note = _stop_note(session)
    if note is None or note[2] is None:
        return None
    run_id, at, (runs, published) = note
    if session.scalar(select(SourceRun.id).where(or_(SourceRun.id > runs, SourceRun.run_id == run_id)).limit(1)):
        return None
    since = Publication.id > published
    if folder is not None:
        since = since & Publication.target.in_(folder_targets(folder))
    return None if session.scalar(select(Publication.id).where(since).limit(1)) else (run_id, at)


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
    return (f"the last run ({run_id}{when}) logged no publish of the feeds: it was killed before publishing (kill -9, "
            "out of memory; a stop signal is noted as a stop unless the store could not take the note) or could not "
            "log its failure (a full disk or a quota, the database gone); the feeds hold the last publish, without "
            "what it stored; the next run publishes")


def unpublished_said(session: Session, folder: Path | None, *, running: bool) -> tuple[str | None, str | None]:
    """(problem, note) on the last run for ``status`` and ``/healthz``: a run that logged no publish is a problem
    (:func:`unpublished_line`) unless a stop signal ended it, which is said as a note (:func:`stopped_line`); neither
    while a run holds the run lock (``running``: going on, not stopped)."""
    if running:
        return None, None
    problem, stop = None, None
    run = unpublished_run(session, folder)
    if run is not None:
        at = stopped_run(session, run[0])
        if at is None:
            problem = unpublished_line(run)
        else:
            stop = run[0], at
    stop = stop or stopped_early(session, folder)  # (a run stopped before its first source: it wrote no run row)
    if stop is None:
        return problem, None
    last_ok = last_publication(session, ok=True, folder=folder)
    return problem, stopped_line(*stop, last_ok.finished_at if last_ok is not None else None)
