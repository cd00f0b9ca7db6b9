"""The one publish path of ``run``, ``schedule``, ``replay`` and ``feeds``: derive, sync, gather, build, write.

The lifecycle engine runs once here per command or cycle; its states come back with the
result, so a caller that prints them does not derive again. The caller owns the transaction
(``with session.begin(): publish(...)``).
"""

from __future__ import annotations

import errno
import hashlib
import html
import json
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from feeds.folder import FolderScan, PendingScan
from feeds.formats import PICTURE_SUFFIX, SUFFIXES
from feeds.identity import feed_url, normalise_base_url
from mofcom_watch.config import Settings
from mofcom_watch.exits import Terminated
from scraper.sources import SourceConfigError, load_sources
from scraper.sources.defaults import SOURCE_DESCRIPTIONS
from scraper.sources.registry import default_sources
from storage.db import WRITE_LOCK
from storage.derived import DerivedSummary, inputs_digest, save_mark, stored_summary, synced_as_of
from storage.engines import record_engine
from storage.events import SyncResult, derive
from storage.generations import EVENTS, NOTICES, generations
from storage.health import LeftOutWait, health_events, held_sources, left_out_waits, record_held_back, record_left_out
from storage.identity import ensure_store_id, store_id
from storage.ingest import record_issue
from storage.keys import issue_key
from storage.models import Event, HealthIssue, Notice, Publication
from storage.news import news_events
from storage.publications import PublishMark, folder_targets, last_mark, record_publication
from storage.publishwait import one_publisher, publishing
from storage.records import EventKind, EventRecord, StoredNotice
from storage.runlock import fence, let_go
from storage.vocabulary import TAG_PREFIX, HealthKind

if TYPE_CHECKING:  # what only a publish that builds or derives needs is imported there (a skipped one never does)
    from feeds.build import FeedFailure
    from mofcom_watch.publisher import Published
    from storage.watchlist import Watchlist

FEED_SUFFIXES = (*SUFFIXES, f".{PICTURE_SUFFIX}")  # the feeds and their state pictures
# in every feeds folder a store publishes into: its id (storage.identity), compared before the next publish there
# (foreign_feeds); a dot file, never served (serve serves feed files only), outside the folder's digest (feeds.folder)
STORE_MARK = ".mofcom-watch-store"
STORE_MARK_MAX = 200  # bytes of a mark read: an id is 32
# in a feeds folder: the digest of each entity feed's inputs as the last publish there wrote them (JSON), that publish's
# mark holding the file's SHA-256: a feed whose inputs are the same is not built again while the folder is as that publish
# left it (a dot file, never served, outside the folder's digest: feeds.folder)
PARTS_FILE = ".mofcom-watch-parts"

# Why a folder marked with this store's own id holds items it lacks: said by foreign_feeds (their notices not held)
# and taken_back (their ids not held) alike. Was: foreign_feeds said "another store publishes into this folder" for a
# store restored from a backup older than a notice (serve's publish at start, before the cycle reads the page again:
# image33, the container), which names a cause that is not there.
OWN_FOLDER = ("though the folder is marked with its id: a copy of this store (the same id) publishes there too, or this "
              "store was restored from a backup older than those items and has not read their pages again; writing "
              "would take them back without a correction, so none was written. Check --db or MOFCOM_WATCH_DB and the "
              "volume mounted (one feeds folder per store); if this store is meant to replace what is there, publish "
              "once with `mofcom-watch feeds --take-over` (those items then leave the feeds)")

# The code that decides a feed file's bytes: a new release publishes again (see renderer_version)
RENDERER_SOURCES = (Path(__file__).resolve().parents[1] / "feeds", Path(__file__).resolve().parents[1] / "storage")
_renderer_version: list[str] = []


@dataclass(frozen=True)
class PublishTarget:
    """Where and how the feeds are written."""

    out_dir: Path
    base_url: str  # public URL of the feeds folder (self links)
    watchlist: Path | None = None
    # unattended (run, schedule, serve): a watchlist that cannot be read fails the watchlist feed only (it keeps its
    # last files, a health issue says why) and every other feed is published; otherwise (feeds) WatchlistError
    watchlist_optional: bool = False

    @classmethod
    def of(cls, settings: Settings, *, out_dir: Path | None = None, base_url: str | None = None,
           watchlist: Path | None = None, unattended: bool = False) -> PublishTarget:
        """The configured target, each part overridable from the command line."""
        return cls(out_dir or settings.feeds_path, base_url or settings.feeds_base_url,
                   watchlist or settings.watchlist, watchlist_optional=unattended)


@dataclass(frozen=True)
class PublishResult:
    notices: tuple[StoredNotice, ...]  # what the engine read; empty when nothing was derived (see derivation)
    derivation: DerivedSummary | None  # None: published what is stored, nothing derived (``serve``)
    sync: SyncResult  # what the Event table sync did (``sync.withheld``: items held back)
    written: Sequence[Path] = ()  # files whose bytes changed (or are new)
    unchanged: Sequence[Path] = ()  # files left alone: same bytes as before
    stale: tuple[Path, ...] = ()  # feed files in out_dir that no feed produces any more (kept, not deleted)
    feeds: int = 0  # feeds built (each in two formats)
    events: int = 0  # items considered (lifecycle + health + news)
    watchlist_items: int | None = None  # items in the watchlist feed; None without a watchlist
    pictures: int = 0  # state pictures (<name>.svg) built
    failed: tuple[FeedFailure, ...] = ()  # feeds that could not be built (the others were written)
    skipped_derive: bool = False  # the inputs were those of the last derive: its summary, nothing synced
    mark: PublishMark | None = None  # what this publish read and left in the folder (None: a feed failed)
    skipped_feeds: bool = False  # nothing built: the same inputs as the last publish there, its files intact
    broken_watchlist: str | None = None  # why the watchlist could not be read (target.watchlist_optional)
    refused: str | None = None  # why nothing was written: it would take items back from the folder (taken_back)
    # sources left out (``partial``) for which items were held back for more than a day (storage.health.record_left_out)
    overdue: tuple[LeftOutWait, ...] = ()

    @property
    def withheld(self) -> tuple[EventRecord, ...]:
        """Items held back while a broken source could falsify them."""
        return self.sync.withheld

    @property
    def notes(self) -> tuple[str, ...]:
        """The lifecycle engine's notes: read right, said, failing nothing (``Derivation.notes``)."""
        return self.derivation.notes if self.derivation is not None else ()

    @property
    def problems(self) -> tuple[str, ...]:
        """From the lifecycle engine (unresolved references, ...), and the feeds that could not be built."""
        derived = self.derivation.problems if self.derivation is not None else ()
        return tuple(derived) + tuple(f"feed {f.name} could not be built ({f.error}); the other feeds were "
                                      "published" for f in self.failed)


def publish(session: Session, *, as_of: date, target: PublishTarget | None, hold: tuple[str, ...] | None = None,
            run_id: str | None = None, derive_events: bool = True, full: bool = False,
            folder: PendingScan | None = None, announce: bool = True, guard: bool = False,
            partial: tuple[str, ...] | None = None, unmirrored: tuple[str, ...] = ()) -> PublishResult:
    """Derive and sync the events as of ``as_of``, then write every feed to ``target`` (None: none).

    ``hold`` names broken sources (None: those whose last run failed, from the store): while they are, a new item
    their missing pages could falsify (a lapse, a countdown, an unresolved reference, anything
    resting on a notice short of its count) is held back, and a health item says which and why;
    facts read whole from fetched notices are published. ``derive_events=False`` publishes what
    is stored (``serve``: serving never writes the lists' history). ``full=True`` ignores every
    cache and skip: derive, sync and build every feed from scratch (what the incremental path must
    equal). ``folder``: the target's folder already being read (:func:`start_folder_scan`). ``announce=False``:
    the sync makes no correction item (a view of a past day: ``storage.events.apply_derivation``). A bad
    watchlist raises WatchlistError before anything is touched, unless ``target.watchlist_optional``. ``guard``:
    nothing is written when the folder holds items this store never had (:func:`taken_back`); ``refused`` says why.
    ``partial``: sources a run did not run (``run --source``) and had no clean run covering ``as_of``
    (:func:`storage.health.covered_sources`); ``unmirrored``: those of them skipped for want of a base URL. What they
    could falsify is held back as a broken source's, but no source is broken: no held-back problem is opened for
    them (the run says so in a note) until an item has waited for one more than a day
    (:func:`storage.health.left_out_waits`): then a problem of its own (:func:`storage.health.record_left_out`,
    ``overdue``), resolved by the first cycle that holds nothing back that long. None (``feeds``, ``serve``: not a
    run of sources): that problem is left as it is.
    """
    watchlist, broken_watchlist = _load_watchlist(target)
    notices: list[StoredNotice] = []
    derivation: DerivedSummary | None = None
    sync = SyncResult()
    skipped = False
    overdue: tuple[LeftOutWait, ...] = ()
    if derive_events:
        if hold is None:
            hold = held_sources(session, news_source_names())
        from mofcom_watch.reprints import recheck  # the not-merged Q&A issues whose cause is gone close

        recheck(session, datetime.now(UTC).replace(microsecond=0))
        held = tuple(sorted({*hold, *(partial or ())}))
        derivation, notices, sync, skipped = derive_and_sync(session, as_of, held, full=full, announce=announce)
        seen = datetime.now(UTC).replace(microsecond=0)
        record_held_back(session, sources=hold, held=len(sync.withheld) if hold else 0,
                         titles=_held_titles(sync.withheld), seen=seen, run_id=run_id)
        if partial is not None:
            overdue, waiting = _overdue(session, as_of, partial, unmirrored, sync.withheld)
            record_left_out(session, waits=overdue, held=len(waiting), titles=_held_titles(waiting), seen=seen,
                            run_id=run_id)
    if target is None:
        return PublishResult(tuple(notices), derivation, sync, skipped_derive=skipped, overdue=overdue)
    if guard and (why := taken_back(session, target, folder)) is not None:
        return PublishResult(tuple(notices), derivation, sync, skipped_derive=skipped, refused=why, overdue=overdue)
    return replace(write_feeds_of_store(session, as_of=as_of, target=target, watchlist=watchlist, full=full,
                                        folder=folder, broken_watchlist=broken_watchlist, notices=notices or None),
                   notices=tuple(notices), derivation=derivation, sync=sync, skipped_derive=skipped,
                   broken_watchlist=broken_watchlist, overdue=overdue)


def _load_watchlist(target: PublishTarget | None) -> tuple[Watchlist | None, str | None]:
    """The target's watchlist, and why it could not be read when that may be said instead of raised: a watchlist
    file moved, deleted or mistyped (a bad row) must not stop every other feed of an unattended service."""
    if target is None or target.watchlist is None:
        return None, None
    from storage.watchlist import WatchlistError, load_watchlist

    try:
        return load_watchlist(target.watchlist), None
    except WatchlistError as exc:
        if not target.watchlist_optional:
            raise
        return None, f"{type(exc).__name__}: {exc}"


def write_feeds_of_store(session: Session, *, as_of: date, target: PublishTarget, watchlist: Watchlist | None,
                         full: bool = False, folder: PendingScan | None = None,
                         broken_watchlist: str | None = None,
                         notices: Sequence[StoredNotice] | None = None) -> PublishResult:
    """Write every feed and picture of the stored events as of ``as_of`` into ``target``, one at a
    time (:mod:`mofcom_watch.publisher`); a feed that cannot be built is a health issue until it can.

    Skipped (nothing built, nothing written) when the last publish into the same folder worked, read
    the same inputs (the Event table's generation, health and news items, as-of date, base URL,
    watchlist, code) and the folder's feed and picture files are still what it left (names, sizes,
    mtimes: :mod:`feeds.folder`); ``full`` builds and compares every file all the same. Otherwise, in a folder as the
    last publish left it, an entity feed whose inputs are those it was built from (:data:`PARTS_FILE`) is not built
    again (issue 11: a cycle that read one new notice built every company's feed). ``folder``:
    the folder already being read (``run`` starts reading it before the crawl, which waits on the network).
    ``notices``: the stored notices when the caller has just read them (for the links of :mod:`storage.aliaslinks`;
    None: read again if a build needs them).
    """
    out_dir = Path(target.out_dir)
    scan = folder.result() if folder is not None and folder.out_dir == out_dir else FolderScan.of(out_dir, FEED_SUFFIXES)
    if scan.temps:  # what a writer killed mid-file left (skipped or not)
        from feeds.write import remove_stale_temps

        remove_stale_temps(out_dir, before=time.time(), candidates=scan.temps)
    core = _core_digest(session, as_of, target)
    inputs = _inputs_digest(session, core)
    ours = ensure_store_id(session)
    previous: dict[str, str] | None = None  # the entity feeds' inputs of the last publish, its files as it left them
    if not full:
        mark = last_mark(session, str(target.out_dir))
        if mark is not None and scan.digest == mark.files:
            mark_folder(out_dir, ours)  # (a folder an older version wrote gets it all the same)
            if mark.inputs == inputs:
                stale = tuple(out_dir / s for s in mark.stale)
                return PublishResult((), None, SyncResult(), unchanged=scan.paths(leave_out=frozenset(mark.stale)),
                                     stale=stale, feeds=mark.feeds, events=mark.events,
                                     watchlist_items=mark.watchlist_items, pictures=mark.pictures, mark=mark,
                                     skipped_feeds=True)
            if mark.core == core and mark.sides is not None and not _feeds_failing(session):  # only the health or
                # news items moved, and no feed is said to fail (a build of it says whether it still does); the folder
                # read again (``folder`` was read before the crawl): a file edited since is rebuilt, not taken as ours
                now = FolderScan.of(out_dir, FEED_SUFFIXES)
                if now.digest == mark.files:
                    return _write_sides(session, as_of=as_of, target=target, mark=mark, scan=now, core=core)
            # (a folder read before the crawl is read again: a file edited since is built again, not kept as ours)
            if folder is None or FolderScan.of(out_dir, FEED_SUFFIXES).digest == mark.files:
                previous = read_parts(out_dir, mark.parts)
    del scan  # its names: not held while every file is written
    # The health and news items are not filtered by the date: they describe the sources as the
    # store saw them when fetching (a bot check seen today), not the lists' history.
    done = publish_store(session, as_of=as_of, out_dir=out_dir, base_url=target.base_url,
                         watchlist=watchlist, news=news_events(session), health=lambda: health_events(session, SOURCE_DESCRIPTIONS),
                         note_failures=lambda failed: _note_feed_failures(session, failed),
                         broken_watchlist=broken_watchlist, notices=notices, previous=previous)
    mark_folder(out_dir, ours)
    parts = write_parts(out_dir, done.parts)
    after = FolderScan.of(out_dir, FEED_SUFFIXES, keep=lambda rel: not done.files.produces(rel))  # keeps the stale
    mark = PublishMark(inputs=_inputs_digest(session, core),  # the health items may have moved
                       files=after.digest, feeds=done.feeds, pictures=done.pictures,
                       events=done.events, watchlist_items=done.watchlist_items, stale=after.names,
                       core=core, sides=done.sides, parts=parts)
    return PublishResult(
        (), None, SyncResult(),
        written=done.files.paths(out_dir, written=True),
        unchanged=done.files.paths(out_dir, written=False),
        stale=tuple(after.paths()),
        feeds=done.feeds,
        events=done.events,
        watchlist_items=done.watchlist_items,
        pictures=done.pictures,
        failed=tuple(done.failed),
        mark=None if done.failed else mark,
    )


def _write_sides(session: Session, *, as_of: date, target: PublishTarget, mark: PublishMark, scan: FolderScan,
                 core: str) -> PublishResult:
    """The news and source-health feeds written (:func:`mofcom_watch.publisher.publish_sides`), every other file
    left as the last publish there left it (``mark``: the same core inputs, and ``scan``, the folder, its files):
    the same bytes a whole build writes, and a mark of its own (a feed that failed leaves none, as a build's)."""
    from mofcom_watch.publisher import publish_sides

    out_dir = Path(target.out_dir)
    stale = frozenset(mark.stale)
    pictures = frozenset(rel.removesuffix(f".{PICTURE_SUFFIX}") for rel in scan.names
                         if rel.endswith(f".{PICTURE_SUFFIX}") and rel not in stale)
    done = publish_sides(session, as_of=as_of, out_dir=out_dir, base_url=target.base_url, news=news_events(session),
                         health=lambda: health_events(session, SOURCE_DESCRIPTIONS),
                         note_failures=lambda failed: _note_feed_failures(session, failed), pictures=pictures)
    written = done.files.paths(out_dir, written=True)
    left = stale | frozenset(str(p.relative_to(out_dir).as_posix()) for p in written)
    after = FolderScan.of(out_dir, FEED_SUFFIXES, keep=lambda rel: rel in stale)
    events = mark.events - (mark.sides or 0) + done.events
    new_mark = PublishMark(inputs=_inputs_digest(session, core), files=after.digest, feeds=mark.feeds,
                           pictures=mark.pictures, events=events, watchlist_items=mark.watchlist_items,
                           stale=after.names, core=core, sides=done.events, parts=mark.parts)
    return PublishResult((), None, SyncResult(), written=written, unchanged=scan.paths(leave_out=left),
                         stale=tuple(after.paths()), feeds=mark.feeds, events=events,
                         watchlist_items=mark.watchlist_items, pictures=mark.pictures, failed=tuple(done.failed),
                         mark=None if done.failed else new_mark)


def read_parts(out_dir: Path, sha: str | None) -> dict[str, str] | None:
    """The entity feeds' input digests the folder's :data:`PARTS_FILE` holds, when its SHA-256 is ``sha`` (the last
    publish's mark) and this code rendered them (:func:`renderer_version`); None when there is none, or it is not that
    publish's (edited, replaced, unreadable), or another release's: every feed is built then."""
    if sha is None:
        return None
    try:
        data = (out_dir / PARTS_FILE).read_bytes()
        if hashlib.sha256(data).hexdigest() != sha:
            return None
        held = json.loads(data)
    except (OSError, ValueError):
        return None
    parts = held.get("parts") if isinstance(held, dict) and held.get("renderer") == renderer_version() else None
    if not isinstance(parts, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in parts.items()):
        return None
    return parts


def write_parts(out_dir: Path, parts: dict[str, str]) -> str | None:
    """Write the entity feeds' input digests into the folder's :data:`PARTS_FILE` (atomically; nothing when it
    already holds them); return the file's SHA-256, for the publish's mark. None when it cannot be written (the disk
    filled up after the feeds were put in place): the next publish builds every feed, the feeds published all the same."""
    from feeds.write import write_if_changed

    data = json.dumps({"renderer": renderer_version(), "parts": parts}, sort_keys=True, separators=(",", ":")).encode()
    try:
        write_if_changed(out_dir / PARTS_FILE, data)
    except OSError:
        return None
    return hashlib.sha256(data).hexdigest()


def _feeds_failing(session: Session) -> bool:
    """Whether a feed is said not to build (an open feed-failed issue): only a whole build tells whether it still
    fails (a publish into another folder may have opened it)."""
    return session.scalar(select(HealthIssue.key).where(HealthIssue.key.startswith(f"{HealthKind.FEED_FAILED}/"),
                                                        HealthIssue.resolved_at.is_(None)).limit(1)) is not None


def _core_digest(session: Session, as_of: date, target: PublishTarget) -> str:
    """What every feed file but the news and source-health feeds is made from: the Event table (its generation: any
    write to it moves it), the notices (the entity and watchlist feeds join entities by the other names notices give
    them, :mod:`storage.aliaslinks`, which no event need carry), the day, the base URL, the watchlist file's bytes
    and the code that renders them."""
    counters = generations(session)
    digest = hashlib.sha256(f"{EVENTS}={counters.get(EVENTS, -1)}\0{NOTICES}={counters.get(NOTICES, -1)}\0"
                            f"{as_of.isoformat()}\0"
                            f"{normalise_base_url(target.base_url)}\0{renderer_version()}\0".encode())
    if target.watchlist is not None:
        try:
            digest.update(b"watchlist\0" + Path(target.watchlist).read_bytes())
        except OSError as exc:  # (an unattended publish goes on without it: _load_watchlist)
            digest.update(f"watchlist unreadable\0{exc}".encode())
    return digest.hexdigest()


def _inputs_digest(session: Session, core: str) -> str:
    """Everything the feed files are made from: the core inputs (:func:`_core_digest`) and the health and news
    items (those of the news and source-health feeds)."""
    digest = hashlib.sha256(f"{core}\0".encode())
    for item in (*health_events(session, SOURCE_DESCRIPTIONS), *news_events(session)):
        digest.update(json.dumps(item.to_json(), sort_keys=True, ensure_ascii=False).encode() + b"\n")
    return digest.hexdigest()


def warm_reads(session: Session, *, as_of: date, target: PublishTarget | None, hold: tuple[str, ...]) -> None:
    """The reads a skipped derive and publish make, results dropped: a fresh process's first cycle makes
    them while its fetches wait on the network, so their SQL is compiled and the code digests are read
    off the cycle's critical path (a write committed meanwhile changes nothing: nothing is kept)."""
    stored_summary(session, as_of, inputs_digest(session, as_of), hold)
    session.scalars(select(HealthIssue).where(HealthIssue.key == HealthKind.HELD_BACK)).one_or_none()
    if target is not None:
        _inputs_digest(session, _core_digest(session, as_of, target))
        last_mark(session, str(target.out_dir))


def publish_store(session: Session, **kw: Any) -> Published:
    """:func:`mofcom_watch.publisher.publish_store`, imported when a publish builds (a skipped one never does)."""
    from mofcom_watch.publisher import publish_store as build

    return build(session, **kw)


def renderer_version() -> str:
    """SHA-256 of the code that decides a feed file's bytes (``feeds``, ``storage``, ``publisher`` and
    this module), read once per process: a new release publishes again."""
    if not _renderer_version:
        digest = hashlib.sha256()
        here = Path(__file__).resolve()
        labelled = [(f"{d.name}/{p.relative_to(d).as_posix()}", p) for d in RENDERER_SOURCES for p in d.rglob("*.py")]
        for label, path in sorted([*labelled, *((p.name, p) for p in (here, here.with_name("publisher.py")))]):
            digest.update(label.encode() + b"\0" + path.read_bytes() + b"\0")  # subpackages included, by path
        _renderer_version.append(digest.hexdigest())
    return _renderer_version[0]


def start_folder_scan(target: PublishTarget | None) -> PendingScan | None:
    """Start reading the feeds folder of ``target`` in a thread (for :func:`publish_recorded`'s ``folder``)."""
    return FolderScan.start(Path(target.out_dir), FEED_SUFFIXES) if target is not None else None


def derive_and_sync(session: Session, as_of: date, hold: tuple[str, ...], *, full: bool = False,
                    announce: bool = True) -> tuple[DerivedSummary, list[StoredNotice], SyncResult, bool]:
    """Derive the events as of ``as_of`` and sync the Event table, unless the inputs are those of the
    last derive (:mod:`storage.derived`): then its summary, no notice read (an empty list), nothing
    synced, and True (skipped). ``full`` derives and syncs whatever the mark says. This engine is noted as the store's
    newest (or refused as an older one: :mod:`storage.engines`) either way, a skipped derive too."""
    record_engine(session)
    digest = inputs_digest(session, as_of)
    summary = None if full else stored_summary(session, as_of, digest, hold)
    if summary is not None:
        return summary, [], SyncResult(unchanged=summary.events, problems=summary.problems,
                                       withheld=summary.withheld), True
    from storage.events import apply_derivation, falsifiable
    from storage.ingest import count_mismatch
    from storage.notices import load_stored_notices

    notices = load_stored_notices(session)
    derivation = derive(notices, as_of)
    incomplete = frozenset(n.record.key for n in notices if count_mismatch(n.record))
    sync = apply_derivation(session, derivation, as_of, {n.record.key: n for n in notices},
                            withhold=(lambda e: falsifiable(e, incomplete)) if hold else None, announce=announce)
    summary = DerivedSummary.of(derivation, as_of, sync.withheld)
    save_mark(session, digest, hold, summary)
    return summary, notices, sync, False


def publish_preview(sessions: sessionmaker[Session], *, as_of: date, target: PublishTarget | None,
                    past: bool = False, hold: tuple[str, ...] | None = None, run_id: str | None = None,
                    folder: PendingScan | None = None, partial: tuple[str, ...] | None = None,
                    unmirrored: tuple[str, ...] = ()) -> PublishResult:
    """:func:`publish` for a day to come, or a ``past`` one, into a folder that is not the live one, whose store
    writes are rolled back: its events, their marks and the publication are not kept, so no later run publishes a
    future day's items (or retracts them, with a correction item, if the day comes otherwise), nor announces again
    what a past day's view undid (a lapse a late Q&A retracted: "Reinstated" as of the day before it, then
    "Retracted" again), and ``status`` does not count the preview as the last publish.

    A past day (before the day the store's events were last synced as of: :func:`past_day`) gives the feeds of the
    end of that day as the store knows it now: the items that follow from the notices published by then, and the
    corrections the store made by then; none of those its own sync against the later table would make
    (``announce=False``: they would undo later news as if it were that day's).

    A run's preview (``run_id``: ``run --as-of <past day> --out DIR``) is logged in the publish log under its own
    folder, in a transaction of its own after the rollback, without a mark: the run published what it was asked to.
    Was: nothing was logged, so ``status`` and ``/healthz`` said LAST RUN DID NOT PUBLISH
    (:func:`storage.publications.unpublished_run`) until the next run, a false alarm about the live deployment.
    The live folder's health is judged by the live folder's publishes, which the preview leaves alone."""
    started = datetime.now(UTC)
    try:
        if target is not None:  # kept, though the rest is rolled back: the folder is marked with it
            keep_store_id(sessions)
        with sessions() as session, session.begin():
            fence(session.connection(execution_options=WRITE_LOCK))
            one_publisher(session.connection())
            with publishing(store_file(session)):
                result = publish(session, as_of=as_of, target=target, announce=not past, hold=hold, run_id=run_id,
                                 folder=folder, partial=partial, unmirrored=unmirrored)
            session.rollback()
    except Exception as exc:
        if target is not None and run_id is not None:
            _record_failure(sessions, target, started, f"{type(exc).__name__}: {exc}", run_id, preview=True)
        raise
    if target is not None and run_id is not None:
        failed = "; ".join(f"feed {f.name} could not be built ({f.error})" for f in result.failed)
        with sessions() as session, session.begin():
            record_publication(session, target=str(target.out_dir), started_at=started, finished_at=datetime.now(UTC),
                               ok=not result.failed, error=failed or None, feeds=result.feeds,
                               written=len(result.written), run_id=run_id, preview=True)
    return result


def published_live(session: Session, folder: Path) -> bool:
    """Whether a run of this store published its live feeds (not a preview) into ``folder``: a folder readers may
    follow though it is not the configured one (``run --out /srv/feeds`` from cron). A ``feeds --out DIR`` is no run:
    a folder of its own, which a later ``feeds --as-of`` may write again (the README's demo: ``feeds --out
    out/feeds``)."""
    with session.begin():
        return session.scalar(select(Publication.id).where(Publication.target.in_(folder_targets(folder)),
                                                            Publication.run_id.is_not(None), Publication.ok.is_(True),
                                                            Publication.preview.is_not(True))
                              .limit(1)) is not None


def refuse_live_folder(sessions: sessionmaker[Session], target: PublishTarget, as_of: date,
                       run_id: str) -> str | None:
    """Why a run's view of a past day must not be written into ``target`` (its pages are stored), or None: the folder
    holds this store's live feeds (:func:`published_live`), and that day's would take back from its readers every item
    published since. The attempt is logged as a failed preview, which leaves the live folder's health alone (cli37:
    ``run --as-of <past day> --out /srv/feeds``, the folder cron's ``run --out`` publishes into, wrote it)."""
    out_dir = Path(target.out_dir)
    with sessions() as session:
        if not published_live(session, out_dir):
            return None
    why = (f"--as-of {as_of}: {out_dir} holds this store's live feeds, published there by a run (run --out), "
           "which readers may follow: that day's feeds would take back every item published since (the store is "
           "synced as of a later day), so none was written (the pages are stored); write them to a folder of their "
           "own, or leave --as-of out")
    _record_failure(sessions, target, datetime.now(UTC), why, run_id, preview=True)
    return why


def past_day(sessions: sessionmaker[Session], day: date) -> bool:
    """Whether ``day`` is before the day the store's events were last synced as of (``run`` its ``--as-of`` or today,
    ``replay`` or ``feeds`` their ``--as-of``): publishing it would move the Event table back (a later day's retractions
    undone, with correction items the next live feeds would carry)."""
    with sessions() as session, session.begin():
        synced = synced_as_of(session)
    return synced is not None and day < synced


def refuse_clock_behind(sessions: sessionmaker[Session], *, as_of: date, target: PublishTarget,
                        run_id: str | None = None, record: bool = True) -> None:
    """Raise :class:`~mofcom_watch.clock.ClockBehind` when ``as_of``, today, is before the day the store was last
    synced as of, for a publish into the configured feeds folder (``run``, ``schedule``, ``feeds`` and ``serve``
    without ``--as-of``). Was: the feeds of that earlier day were written there, exit 0 and ``status`` and
    ``/healthz`` green: an item published since (a lapse) vanished from every feed until the clock was right again.
    ``record``: the attempt is logged as a failed publish first (``status``, ``/healthz``)."""
    from mofcom_watch.clock import ClockBehind

    with sessions() as session, session.begin():
        synced = synced_as_of(session)
    if synced is None or as_of >= synced:
        return
    refused = ClockBehind(as_of, synced, Path(target.out_dir))
    if record:
        _record_failure(sessions, target, datetime.now(UTC), str(refused), run_id)
    raise refused


def refuse_day_passed(sessions: sessionmaker[Session], *, as_of: date, target: PublishTarget,
                      run_id: str | None = None) -> None:
    """Raise :class:`~mofcom_watch.clock.DayPassed` for a cycle whose fixed ``--as-of`` (``schedule``, ``serve
    --schedule``: today when they started) is now a past day and whose feeds go to the configured feeds folder; the
    attempt is logged as a failed publish first (``status``, ``/healthz``)."""
    from mofcom_watch.clock import DayPassed

    refused = DayPassed(as_of, Path(target.out_dir))
    _record_failure(sessions, target, datetime.now(UTC), str(refused), run_id)
    raise refused

def keep_store_id(sessions: sessionmaker[Session]) -> None:
    """Make the store's id, if it has none, in a transaction of its own, committed before any publish marks a folder
    with it: a first publish killed (kill -9, an OOM kill) once it had marked the folder left the id there and none in
    its store, and every later publish refused the folder as another store's (session 32). Made under the write lock
    from the start: a read turned into a write fails at once on SQLite when another connection wrote in between (the
    run lock's heartbeat: session 32's CI, a run exiting 3 "stayed locked")."""
    with sessions() as session:
        if store_id(session) is not None:
            return
    with sessions() as session, session.begin():
        session.connection(execution_options=WRITE_LOCK)
        ensure_store_id(session)


def publish_recorded(sessions: sessionmaker[Session], *, as_of: date, target: PublishTarget | None,
                     hold: tuple[str, ...] | None = None, derive_events: bool = True,
                     run_id: str | None = None, full: bool = False, folder: PendingScan | None = None,
                     preview: bool = False, guard: bool = True, partial: tuple[str, ...] | None = None,
                     unmirrored: tuple[str, ...] = ()) -> PublishResult:
    """:func:`publish` in a transaction of its own, and the attempt in the publish log: a failed one
    is logged in another transaction (the publish itself is rolled back), then raised again.
    ``full=True``: ignore every cache and skip (see :func:`publish`). ``preview``: logged as a preview
    (``serve --as-of`` a past day, into a folder of its own: :func:`storage.publications.last_publication`).
    ``guard``: refuse to take items back from a folder this store's id marks (:func:`taken_back`); ``feeds
    --take-over`` is the word that it may."""
    started = datetime.now(UTC)
    try:
        if target is not None:  # committed before the folder is marked with it
            keep_store_id(sessions)
        with sessions() as session, session.begin():
            # it syncs events: queue behind a writer; and it writes files, so a run whose lock was taken over
            # (paused past the stale limit) stops here, and no takeover happens until this transaction ends
            fence(session.connection(execution_options=WRITE_LOCK))
            one_publisher(session.connection())  # (PostgreSQL: SQLite's write lock keeps other publishers out)
            with publishing(store_file(session)):  # a writer meeting the lock waits for it (storage.publishwait)
                result = publish(session, as_of=as_of, target=target, hold=hold, run_id=run_id,
                                 derive_events=derive_events, full=full, folder=folder, guard=guard, partial=partial,
                                 unmirrored=unmirrored)
                if target is not None:
                    failed = result.refused or "; ".join(f"feed {f.name} could not be built ({f.error})"
                                                         for f in result.failed)
                    record_publication(session, target=str(target.out_dir), started_at=started,
                                       finished_at=datetime.now(UTC), ok=not failed, error=failed or None,
                                       feeds=result.feeds, written=len(result.written), run_id=run_id,
                                       mark=result.mark, preview=preview)
        return result
    except Exception as exc:
        if target is not None:
            _record_failure(sessions, target, started, failure_text(exc, Path(target.out_dir)), run_id, preview=preview)
        raise
    except KeyboardInterrupt as exc:  # Ctrl-C, or a stop signal (exits.Terminated)
        if target is not None and run_id is None:  # (a cycle's stop is noted as a stop: cycle._note_stop)
            let_go(exc)  # what the unwound frames hold (a SQLite write lock): the record waits for none of it
            _record_failure(sessions, target, started, stopped_text(exc, Path(target.out_dir)), run_id,
                            preview=preview)
        raise


def stopped_text(exc: KeyboardInterrupt, out_dir: Path) -> str:
    """A publish a stop signal or Ctrl-C ended, as the store records it: what the folder holds (feeds.write.Staged)."""
    from feeds.write import stopped_placing

    how = f"by {exc.name}" if isinstance(exc, Terminated) else "by Ctrl-C"
    placed = stopped_placing(exc)
    if placed is False:
        return (f"stopped {how} while it wrote the feeds: no file of this publish was put in place (every file in "
                f"{out_dir} is the last publish's); the next publish writes them")
    if placed:
        return (f"stopped {how} while it put the feeds in place: it put every file of this publish in place first "
                f"(the files in {out_dir} are this publish's, whole), but recorded nothing; the next publish records it")
    return (f"stopped {how} while it wrote the feeds: the files in {out_dir} may be part new, part the last "
            "publish's; the next publish writes them whole")


def failure_text(exc: Exception, out_dir: Path) -> str:
    """A failed publish as the store records it (``status``, ``/healthz``): an error of the file system as ``feeds``
    says it (which folder, what is wrong, what to do), the errno's name kept for a search (``[ENOSPC]``); anything
    else its type and words. Was: ``OSError: [Errno 28] No space left on device`` in ``status`` (cli36)."""
    if isinstance(exc, OSError) and exc.errno in errno.errorcode:
        from feeds.write import write_error

        return f"{write_error(exc, out_dir)} [{errno.errorcode[exc.errno]}]"
    return f"{type(exc).__name__}: {exc}"


def store_file(session: Session) -> Path | None:
    """The SQLite file ``session`` writes (None: another database)."""
    from storage.db import sqlite_path

    return sqlite_path(session.get_bind().engine.url)


def _record_failure(sessions: sessionmaker[Session], target: PublishTarget, started: datetime, error: str,
                    run_id: str | None, *, preview: bool = False) -> None:
    try:
        with sessions() as session, session.begin():
            session.connection(execution_options=WRITE_LOCK)  # it reads first (the log is bounded): queue as a writer
            record_publication(session, target=str(target.out_dir), started_at=started,
                               finished_at=datetime.now(UTC), ok=False, error=error, run_id=run_id, preview=preview)
    except Exception:  # noqa: BLE001 - the store itself is failing: the caller reports the original error
        pass


def _note_feed_failures(session: Session, failures: list[FeedFailure]) -> bool:
    """Open a health issue per feed that could not be built, resolve those built again; True when
    the set of open feed issues changed (the health items must be gathered again)."""
    now = datetime.now(UTC).replace(microsecond=0)
    prefix = f"{HealthKind.FEED_FAILED}/"
    open_issues = {i.key: i for i in session.scalars(
        select(HealthIssue).where(HealthIssue.key.startswith(prefix), HealthIssue.resolved_at.is_(None)))}
    failing = {issue_key(HealthKind.FEED_FAILED, f.name): f for f in failures}
    for key, failure in failing.items():
        if key not in open_issues:
            record_issue(session, key=key, source="feeds", kind=HealthKind.FEED_FAILED, seen_at=now,
                         detail=f"the feed {failure.name} could not be built: {failure.error}. The other feeds "
                                "were published; this one keeps its last good copy.")
    for key, issue in open_issues.items():
        if key not in failing:
            issue.resolved_at = now
    session.flush()
    return set(failing) != set(open_issues)


def _overdue(session: Session, as_of: date, partial: tuple[str, ...], unmirrored: tuple[str, ...],
             withheld: tuple[EventRecord, ...]) -> tuple[tuple[LeftOutWait, ...], tuple[EventRecord, ...]]:
    """The sources of ``partial`` an item of ``withheld`` has waited for more than a day, and those items: of a day a
    run read on while the source had no clean run covering it, before ``as_of`` (:func:`left_out_waits`). Not by the
    item's day alone: a store's first runs hold lapses and countdowns of years before, for a source not run yet that
    day (a split cron's first entry, a first install)."""
    waits = left_out_waits(session, partial, as_of, unmirrored) if partial and withheld else ()
    if not waits:
        return (), ()
    latest = max(w.since for w in waits)
    waiting = tuple(e for e in withheld if _held_day(e) <= latest)
    overdue = tuple(w for w in waits if any(_held_day(e) <= w.since for e in waiting))
    return overdue, tuple(e for e in waiting if any(_held_day(e) <= w.since for w in overdue))


def _held_day(event: EventRecord) -> date:
    """The day an item held back could first be derived: its effective day, else the day it occurred."""
    return event.effective or event.occurred.date()


def _held_titles(events: tuple[EventRecord, ...]) -> list[str]:
    """Titles that say what was held back: one per notice-level item (lapses first), else every one."""
    shown = [e for e in events if e.entity_key is None] or list(events)
    return [e.title for e in sorted(shown, key=lambda e: (e.kind is not EventKind.SUSPENSION_LAPSED, e.title))]


def news_source_names() -> frozenset[str]:
    """The configured news sources (their failures never hold anything back)."""
    try:
        return frozenset(s.name for s in load_sources() if s.news)
    except SourceConfigError:  # a bad sources file: the default names still tell
        return frozenset(s.name for s in default_sources() if s.news)


# the feed head's self link: with its media type since session 37, without it in a folder written before
SELF_LINK = re.compile(rb'<link href="([^"]+)" rel="self"(?: type="[^"]*")?/>')
ALL_FEED = "all"  # feeds.catalog.FEED_ALL (not imported: a cycle loads the catalog only when it builds)


def other_base_url(target: PublishTarget | None) -> str | None:
    """The base URL the folder's feeds were last written with (the self link in the head of its all.atom), when it
    is not ``target``'s: ``run`` and ``serve --port`` on one folder without public_base_url rewrite each other's
    feeds at every turn (``run`` says so; ``serve`` publishes its own again, so that what it serves links to where it
    serves). None when they agree, or there is no such file to tell."""
    if target is None:
        return None
    try:
        with open(Path(target.out_dir) / f"{ALL_FEED}.atom", "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return None
    found = SELF_LINK.search(head)
    if found is None:
        return None
    written = html.unescape(found.group(1).decode("utf-8", "replace"))
    expected = feed_url(target.base_url, ALL_FEED, "atom")
    if written == expected or not written.endswith(f"/{ALL_FEED}.atom"):
        return None
    return written.removesuffix(f"{ALL_FEED}.atom")


def feeds_with_items(out_dir: Path) -> list[Path]:
    """The Atom feeds under ``out_dir`` that hold at least one item."""
    if not out_dir.is_dir():
        return []
    return [p for p in sorted(out_dir.rglob("*.atom")) if p.is_file() and b"<entry" in p.read_bytes()]


def blanked_by_empty_store(session: Session, out_dir: Path) -> list[Path]:
    """The feed files under ``out_dir`` that a store holding no notice would blank (``feeds`` and ``run`` refuse):
    those with items, unless the folder's mark names this store and every item there is a source-health item,
    which such a store publishes again. Was: a deployment whose first run found only failing sources or unusable
    pages published their health items, and every later ``run`` and ``feeds`` refused, exit 2, saying it "would
    replace" that feed "with an empty one" (its new health items unpublished; order38)."""
    full = feeds_with_items(out_dir)
    marked = folder_store(out_dir) if full else None
    if marked is None or marked != store_id(session):
        return full
    for path in full:
        for found in ENTRY_ID.findall(path.read_bytes()):
            item = found.decode("utf-8", "replace")
            if not item.startswith(TAG_PREFIX) or item.removeprefix(TAG_PREFIX).split("/", 1)[0] != "health":
                return full
    return []


def _as_this_store_left_it(sf: sessionmaker[Session], target: PublishTarget, folder: PendingScan) -> bool:
    """Whether the feed files of ``target`` (names, sizes, mtimes: ``folder``'s scan) are those this store's last
    publish into that folder left; a scan that failed is no answer (False: the whole check runs)."""
    if folder.out_dir != Path(target.out_dir):
        return False
    try:
        digest = folder.result().digest
    except Exception:  # noqa: BLE001 - the publish meets it where it always did
        return False
    with sf() as session:
        mark = last_mark(session, str(target.out_dir))
    return mark is not None and mark.files == digest


ENTRY_ID = re.compile(rb"<entry>\s*<id>([^<]{1,2000})</id>")
FOREIGN_CHECKED = 500  # the all feed's items looked up (it carries the newest few dozen)
NOT_NOTICES = frozenset({"feed", "health", "news", "watchlist"})  # item ids not of a notice (none is in the all feed)


def mark_folder(out_dir: Path, ours: str) -> None:
    """Write the store's id into the folder's :data:`STORE_MARK` (atomically; nothing when it already says so)."""
    from feeds.write import write_if_changed

    write_if_changed(out_dir / STORE_MARK, f"{ours}\n".encode())


def folder_store(out_dir: Path) -> str | None:
    """The id in the folder's :data:`STORE_MARK`: the store that last published there; None when there is none (a
    folder an older version wrote, a new one) or it cannot be read as one."""
    try:
        with (out_dir / STORE_MARK).open("rb") as handle:
            text = handle.read(STORE_MARK_MAX).decode("ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return text if text and len(text) <= 64 and text.isalnum() else None


def foreign_feeds(sf: sessionmaker[Session], target: PublishTarget | None, database_url: str,
                   run_id: str | None, *, record: bool = True, folder: PendingScan | None = None) -> str | None:
    """Why the feeds must not be written, or None: another store publishes into this folder. Its mark
    (:data:`STORE_MARK`, written by every publish) names another store than this one: a second deployment (a cron
    ``run`` with another volume or ``MOFCOM_WATCH_DB``, a test store) sharing the feeds volume, even one holding the
    same notices (fed the same pages), which the items cannot tell apart (was: it published there unnoticed, the two
    taking turns); or (no mark: a folder an older version wrote; this store's mark: a store of an older version may
    have published since) the folder's ``all.atom`` carries items whose notice this store does not hold and that it
    never published (neither the item's id among its events nor its notice key among its notices). Was: each run of the other store replaced every feed with its own (ops26:
    all.atom went from 48 items to 3, exit 0, ``status`` of either store green), until the first store's next run
    wrote them back; readers' feeds flapped between the two. Checked after the crawl, so a store restored from an
    older backup that fetched its notices again is no other store (a backup from before the store had an id is: its
    folder's mark names the id it made later; ``feeds --take-over`` once); before the crawl (``serve``'s publish at start) such a store in a folder of its own id is said as such (:data:`OWN_FOLDER`), not as another store. The attempt is logged as a failed publish
    (``status``, ``/healthz``) unless ``record`` is False (``serve``: its refresher tries again every 30 s and says it
    in ``/healthz``). ``folder``: the folder being read (``run``): when its files are what this store's last publish
    into it left (the mark :func:`publish_recorded` compares), no other store wrote there since, and nothing else is
    read (the check cost every no-change cycle ~4 ms of its ~40 ms outside HTTP: issue 11's figure)."""
    if target is None:
        return None
    if folder is not None and _as_this_store_left_it(sf, target, folder):
        return None
    from mofcom_watch.config import redact_url

    store = redact_url(database_url)
    marked = folder_store(Path(target.out_dir))
    ours = None
    if marked is not None:
        with sf() as session:
            ours = store_id(session)
    if marked is not None and marked != ours:
        found: str | None = (f"the feeds in {target.out_dir} were published by another store than {store} (the "
                             f"folder's {STORE_MARK} names store {marked}; this one is "
                             f"{ours or 'a store that has not published yet'})")
    else:  # no mark (an older version's folder), or this store's: the items too (an older version's store since)
        found = _foreign_items(sf, Path(target.out_dir), store)
    if found is None:
        return None
    if marked is not None and marked == ours:  # its own id: no other store, but a copy or an older backup
        why = f"{found}, {OWN_FOLDER}"
    else:
        why = (f"{found}: another store publishes into this folder, so none was written; check --db or MOFCOM_WATCH_DB "
               "and the volume mounted (one feeds folder per store), or, if this store is meant to replace the other, "
               "publish once with `mofcom-watch feeds --take-over` (with the same --out, if any): later runs publish "
               "there as before")
    if record:
        now = datetime.now(UTC)
        with sf() as session, session.begin():
            record_publication(session, target=str(target.out_dir), started_at=now, finished_at=now, ok=False,
                               error=why, run_id=run_id)
    return why


def taken_back(session: Session, target: PublishTarget, folder: PendingScan | None = None) -> str | None:
    """Why this publish must not write, or None: the folder is marked with this store's id, yet someone wrote it since
    this store's last publish there (its files are not what that publish left) and its ``all.atom`` holds items this
    store never had (no row of their ids, live or retracted; corrections aside), which writing would take back
    without a word (order30 C1: a copied store keeps its id; the copy read a Q&A the original had not, and the
    original's publish took 7 items of ``uel`` back, exit 0). Judged after this publish's sync, so a store restored
    from an older backup that read the pages again holds those items again and publishes as before; one that has
    not refuses, loud, as two live copies do. Nothing is read while the folder is as this store left it."""
    out_dir = Path(target.out_dir)
    ours = store_id(session)
    if ours is None or folder_store(out_dir) != ours:
        return None  # another store's folder, or an unmarked one: foreign_feeds judged it before the crawl
    mark = last_mark(session, str(out_dir))
    scan = folder.result() if folder is not None and folder.out_dir == out_dir else FolderScan.of(out_dir, FEED_SUFFIXES)
    if mark is not None and mark.files == scan.digest:
        return None
    ids = [i for i in _all_feed_items(out_dir) if CORRECTION_PART not in i]
    if not ids:
        return None
    held = set(session.scalars(select(Event.id).where(Event.id.in_(ids))))
    gone = sorted(set(ids) - held)
    if not gone:
        return None
    return (f"the feeds in {out_dir} carry {len(gone)} item(s) this store never had (e.g. "
            f"{gone[0].removeprefix(TAG_PREFIX)}), {OWN_FOLDER}")


CORRECTION_PART = "/correction/"  # a correction item's id: one dropped leaves what the store derives now


def _all_feed_items(out_dir: Path) -> dict[str, str]:
    """The notice items of the folder's ``all.atom`` (its first :data:`FOREIGN_CHECKED`): each id's notice key."""
    try:
        with (out_dir / "all.atom").open("rb") as handle:
            head = handle.read(8_000_000)
    except OSError:
        return {}
    ids = {m.decode("utf-8", "replace") for m in ENTRY_ID.findall(head)[:FOREIGN_CHECKED]}
    keys = {i: i.removeprefix(TAG_PREFIX).split("/", 1)[0] for i in ids if i.startswith(TAG_PREFIX)}
    return {i: k for i, k in keys.items() if k not in NOT_NOTICES}


def _foreign_items(sf: sessionmaker[Session], out_dir: Path, store: str) -> str | None:
    """What tells another store's feeds by their items (a folder with no mark, or this store's): ``all.atom``'s
    items of notices this store does not hold and never published; None when there are none (or no such file)."""
    keys = _all_feed_items(out_dir)
    if not keys:
        return None
    with sf() as session:
        held = set(session.scalars(select(Event.id).where(Event.id.in_(list(keys)))))
        held_keys = set(session.scalars(select(Notice.key).where(Notice.key.in_(set(keys.values())))))
    foreign = sorted(i for i, k in keys.items() if i not in held and k not in held_keys)
    if not foreign:
        return None
    return (f"the feeds in {out_dir} carry {len(foreign)} item(s) of notices the store {store} does not hold (e.g. "
            f"{foreign[0].removeprefix(TAG_PREFIX)})")
