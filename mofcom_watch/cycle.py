"""One fetch-parse-diff-publish cycle: what ``mofcom-watch run`` and the scheduler call.

Takes the database run lock, crawls every configured source (politely, see
:mod:`scraper.fetch`), ingests each page in its own transaction, records source
health, syncs the lifecycle events and publishes the feeds. ``ok`` is False when any
source had a failure or a health issue is open: the run's exit code says so.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import sys
import time
import uuid
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from functools import partial
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from feeds.folder import PendingScan
from feeds.identity import normalise_base_url
from mofcom_watch import clock
from mofcom_watch.config import Settings
from mofcom_watch.personread import read_again, read_stale
from mofcom_watch.pipeline import PageRouter, Pipeline
from mofcom_watch.publish import (
    PublishTarget,
    blanked_by_empty_store,
    foreign_feeds,
    other_base_url,
    past_day,
    publish_preview,
    publish_recorded,
    refuse_clock_behind,
    refuse_day_passed,
    refuse_live_folder,
    start_folder_scan,
    warm_reads,
)
from scraper.discovery import Crawler, CrawlSettings, ProgressFn, deep_walk_due
from scraper.fetch import Fetcher, FetchPolicy, HostMap
from scraper.parser_identity import parser_digest
from scraper.sources import Mode, Source, load_sources
from scraper.sources.base import NOTICE_HOSTS
from scraper.stop import CrawlStopped, StopRequest
from storage.db import WRITE_LOCK
from storage.health import (
    covered_sources,
    crawl_cut_short,
    gap_issues,
    has_clean_run,
    held_sources,
    last_deep_walk,
    open_health_issues,
    record_source_run,
)
from storage.models import Notice
from storage.news import link_news
from storage.outcomes import SourceReport
from storage.pages import PageStore
from storage.publications import record_publication, record_stopped_run
from storage.runlock import DEFAULT_LOCK, RunLockHeld, make_holder, releasing, run_lock
from storage.unkeyed import say_unkeyed
from storage.vocabulary import Failure, Oddity, RunCounters

log = logging.getLogger(__name__)


class SourceMode(StrEnum):
    """How a source was crawled in a run (the crawler's ``Mode``), or that it was not."""

    BACKFILL = Mode.BACKFILL.value
    UPDATE = Mode.UPDATE.value
    DEEP = Mode.DEEP.value  # the day's first update: DEEP_WALK_PAGES pages of each index (scraper.discovery)
    SKIPPED = "skipped"  # no --base-url for its hosts: never fetched from the real site


@dataclass(frozen=True)
class SourceSummary:
    name: str
    mode: SourceMode
    counts: RunCounters = field(default_factory=RunCounters)
    notes: tuple[str, ...] = ()
    opened: tuple[str, ...] = ()  # health issues opened by this run
    resolved: tuple[str, ...] = ()
    warnings: tuple[Oddity, ...] = ()  # oddities said, failing nothing (storage.health: HealthKind.WARNING)

    @property
    def failures(self) -> tuple[Failure, ...]:
        return self.counts.failures

    @property
    def ok(self) -> bool:
        return self.mode is SourceMode.SKIPPED or self.counts.ok


@dataclass(frozen=True)
class CycleResult:
    ok: bool
    run_id: str
    as_of: date
    sources: tuple[SourceSummary, ...] = ()
    new_events: int = 0
    corrected_events: int = 0
    open_issues: tuple[str, ...] = ()
    open_issue_details: tuple[str, ...] = ()  # each open issue's detail, in open_issues' order: what it means
    published: tuple[str, ...] = ()  # feed files written (changed)
    requests: int = 0
    bodies: int = 0
    body_bytes: int = 0
    not_modified: int = 0
    parsed: int = 0  # pages handed to a parser: articles and index pages
    parsed_indexes: int = 0  # of them, index pages
    problems: tuple[str, ...] = field(default=())
    notes: tuple[str, ...] = ()  # the engine's notes (storage.lifecycle.Derivation.notes): said, failing nothing
    held_back: tuple[str, ...] = ()  # broken sources: items they could falsify were held back
    withheld: tuple[str, ...] = ()  # ids of the items held back (published once the sources are read whole)
    crawl_seconds: float = 0.0  # fetching + ingesting
    publish_seconds: float = 0.0  # lifecycle sync + feeds
    broken_watchlist: str | None = None  # the configured watchlist could not be read: every other feed was published
    refused_blank: str | None = None  # an empty store, or another store (publish.foreign_feeds), would have replaced the feeds: nothing was written
    # the disks of the store and the feeds folder nearly full after it (mofcom_watch.diskspace, as status and /healthz
    # judge them): not ok. Was: a cycle on a full disk that needed no space (304s, nothing to write) logged "cycle done"
    # ok=true, and `run` exited 0, while /healthz said 503 and status exited 1 (ops46)
    low_space: tuple[str, ...] = ()
    # (host, base URL) of each host fetched from another address (``base_urls``: a mirror, a local copy): the URL a
    # failure names is the official one (its stable key), the one tried is this base's (scheduler.what_went_wrong)
    fetched_via: tuple[tuple[str, str], ...] = ()

    def tried(self, url: str) -> str:
        """The URL fetched for the official ``url``: its host's base URL's (``fetched_via``), else itself."""
        return tried_url(url, self.fetched_via)


def tried_url(url: str, via: tuple[tuple[str, str], ...]) -> str:
    """The URL fetched for the official ``url`` where the hosts in ``via`` were fetched from another address."""
    if not via:
        return url
    from scraper.fetch.urls import HostMap

    return HostMap(dict(via)).to_transport(url)


def policy_from(settings: Settings) -> FetchPolicy:
    """The fetch policy from the service settings."""
    return FetchPolicy(
        user_agent=settings.user_agent,
        per_host=settings.per_host_concurrency,
        delay=settings.request_delay,
        total=settings.concurrency,
        timeout=settings.timeout,
        attempts=settings.retries + 1,
        max_bytes=settings.max_body_bytes,
    )


def unknown_base_url_hosts(base_urls: dict[str, str]) -> str | None:
    """Why ``base_urls`` cannot be what was meant, or None: a host no source fetches from (``www.mofcom.gov`` for
    ``www.mofcom.gov.cn``). Was: no word, exit 0 and a green ``status`` and ``/healthz`` at every run, while every
    source of the host meant, left without a base URL, was skipped (:func:`select_sources`): its notices were never
    fetched again. Every source counts (not only those chosen with ``--source`` or ``[fetch] sources``)."""
    known = set(NOTICE_HOSTS).union(*(s.hosts for s in load_sources(())))
    unknown = sorted(set(base_urls) - known)
    if not unknown:
        return None
    return (f"base_urls names {', '.join(unknown)}, which no source fetches from (the sources' hosts: "
            f"{', '.join(sorted(known))}): with base_urls set, a source whose host has no base URL is not fetched "
            "at all; correct the host (config [base_urls], MOFCOM_WATCH_BASE_URLS or --base-url)")


def not_fetched_why(source: Source) -> str:
    """Why a source :func:`select_sources` skipped was not fetched, naming its hosts and what fetches it. Was: "no
    --base-url for its host: not fetched", after "problem: NAME:" and before "clean" (exit 0): neither which host nor
    that the base URLs given (config, environment or flags) had left it out (ops49's open B)."""
    hosts = sorted(source.hosts)
    return (f"not fetched: base_urls gives no URL for its host{'s' if len(hosts) > 1 else ''} {', '.join(hosts)}, and "
            f"with base_urls set only the hosts it names are fetched; to fetch it, add {hosts[0] if hosts else 'HOST'}=URL "
            "(config [base_urls], MOFCOM_WATCH_BASE_URLS or --base-url)")


def select_sources(sources: list[Source], base_urls: dict[str, str]) -> tuple[list[Source], list[Source]]:
    """With overrides given, a source whose hosts all lack one is skipped: a run against a
    mirror or local copy never reaches out to the real sites by accident."""
    if not base_urls:
        return sources, []
    use = [s for s in sources if s.hosts and s.hosts & set(base_urls)]
    return use, [s for s in sources if s not in use]


def _progress_bar(enabled: bool | None) -> tuple[Callable[[], None], Callable[[], None], ProgressFn | None]:
    """A rich progress line on a terminal, nothing otherwise."""
    if enabled is False or (enabled is None and not sys.stderr.isatty()):
        return (lambda: None), (lambda: None), None
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} pages"),
                        TimeElapsedColumn(), console=Console(stderr=True), transient=True)
    task = progress.add_task("fetching", total=None)

    def tick(source: str, _url: str) -> None:
        progress.update(task, advance=1, description=f"fetching {source}")

    return progress.start, progress.stop, tick


def run_cycle(
    settings: Settings,
    *,
    as_of: date | None = None,
    since: int | None = None,
    base_urls: dict[str, str] | None = None,
    run_id: str | None = None,
    backfill: bool = False,
    out_dir: Path | None = None,
    sources: list[Source] | None = None,
    policy: FetchPolicy | None = None,
    progress: bool | None = None,
    publish_feeds: bool = True,
    fetched_at: datetime | None = None,
    lock_wait: float | None = None,
    on_lock_wait: Callable[[RunLockHeld], None] | None = None,
    stop: StopRequest | None = None,
    fixed_day: bool = False,
    not_run: tuple[str, ...] = (),
) -> CycleResult:
    """Fetch, ingest, sync events, publish. ``backfill`` (CLI ``--since``) walks every index page
    of every source back to ``since``; otherwise only a source's first run does. ``fetched_at``
    pins the recorded fetch time of every page, like ``replay --fetched-at``. ``lock_wait``: seconds
    to wait for another writer's run lock (None: refuse at once, RunLockHeld). ``stop`` (SIGTERM to ``schedule``
    or ``serve``): once asked, the crawl ends at its next page and :class:`~scraper.stop.CrawlStopped` is
    raised, the run lock released: the pages stored are kept, the source being crawled gets no run row (so the next
    cycle walks it deep: ``crawl_cut_short``), nothing is published (the feeds stay as the last publish left them).
    ``fixed_day``: ``as_of`` is the day a process of cycles was started with (``schedule --as-of``, today then): once
    it has passed, a cycle into the configured feeds folder refuses it (:class:`~mofcom_watch.clock.DayPassed`).
    ``not_run``: the configured sources this run leaves out (``run --source``): a new item they could falsify (a
    lapse, a countdown, an unresolved reference) is held back, as a broken source's, and a note says so (cycles58's
    B1: a lapse published by ``run --source mofcom-policy``, the extension in mofcom-qa, retracted by the next full
    run), unless the source had a clean run that covers ``as_of`` (read as of that day or a later one:
    :func:`storage.health.covered_sources`), so the last of a day's split runs (a cron of one ``run --source`` per
    entry) publishes. An item held so for more than a day (of a day a run read on while the source had no clean run
    covering it: :func:`storage.health.left_out_waits`) is a problem, a health issue naming the source (not ok): a
    true lapse held for good with a note and exit 0 was silent (split60). A source skipped for want of a base URL
    (``base_urls`` naming none of its hosts: :func:`select_sources`) is left out the same way, the note naming it (was:
    not held, the lapse published on its day though the skipped source may hold the extension; hold59's pin), its
    problem saying to configure only the sources mirrored."""
    from storage.db import session_factory
    from storage.keptstore import kept_store, leave_store

    run_id = run_id or uuid.uuid4().hex[:12]
    confirmed = as_of is not None  # --as-of given: the day is the caller's word, not the clock's (ClockBehind)
    as_of = as_of or clock.today()
    overrides = {**settings.base_urls, **(base_urls or {})}
    all_sources = sources if sources is not None else load_sources(settings.sources)
    active, skipped = select_sources(all_sources, overrides)
    since = since if since is not None else settings.since
    news_names = {s.name for s in all_sources if s.news}

    summaries: list[SourceSummary] = [
        SourceSummary(s.name, SourceMode.SKIPPED, notes=(not_fetched_why(s),)) for s in skipped
    ]
    policy = policy or policy_from(settings)
    allowed = set(NOTICE_HOSTS).union(*(s.hosts for s in all_sources))
    collector = _CollectorHold.first_cycle()
    try:
        engine = kept_store(settings.database_url)  # kept open for this process's next cycle (storage.keptstore)
        sf = session_factory(engine)
    except BaseException:
        collector.release()
        raise

    def lock_waits(held: RunLockHeld) -> None:
        collector.release()  # another writer's cycle first: no request of ours goes out soon
        if on_lock_wait is not None:
            on_lock_wait(held)

    locked = False
    try:
        with run_lock(engine, holder=make_holder(run_id), wait=lock_wait, on_wait=lock_waits) as holder:
            locked = True
            target = PublishTarget.of(settings, out_dir=out_dir, unattended=True) if publish_feeds else None
            if (fixed_day and target is not None and clock.before_today(as_of)
                    and clock.in_folder(target.out_dir, settings.feeds_path)):
                refuse_day_passed(sf, as_of=as_of, target=target, run_id=run_id)  # schedule --as-of, a day later
            fetcher = Fetcher(policy, host_map=HostMap(overrides), allowed_hosts=allowed, keep=True, stop=stop)
            show_bar, hide_bar, tick = _progress_bar(progress)  # (the lock's heartbeat is a thread's: storage.runlock)
            warm = None
            if engine not in _warmed:
                _warmed.add(engine)
                warm = partial(_warm_up, sf, as_of, target, frozenset(news_names), run_id,
                               active[0].name if active else None)
            scans: list[PendingScan | None] = []  # the publish skip's check, read while the crawl waits on the network

            def scan_folder() -> None:
                collector.release()
                scans.append(start_folder_scan(target))

            router = PageRouter(all_sources)
            read_again(sf, router)  # pages a person read in the parser's place, judged by another parser
            crawler = Crawler(fetcher, PageStore(sf, parser_digest()), Pipeline(sf, router),
                              CrawlSettings(as_of=as_of, since=since, workers=policy.total,
                                            fetched_at=fetched_at,
                                            only_hosts=frozenset(overrides) if overrides else None), progress=tick,
                              aside=warm, on_wire=scan_folder, stop=stop)
            t0 = time.perf_counter()
            show_bar()
            try:  # (a stop signal in `run`: the crawl ends at its next page, then it is raised: StopRequest.quiet)
                with stop.quiet() if stop is not None else contextlib.nullcontext():
                    for source in active:
                        report = crawler.crawl(source, Mode.BACKFILL if backfill else partial(_crawl_mode, sf,
                                                                                               source.name))
                        with sf() as session, session.begin():
                            session.connection(execution_options=WRITE_LOCK)  # it reads first (storage.db.WRITE_LOCK)
                            change = record_source_run(session, run_id, report, as_of)
                        mode = (SourceMode.BACKFILL if report.backfill else SourceMode.DEEP if report.deep
                                else SourceMode.UPDATE)
                        summaries.append(SourceSummary(source.name, mode, report.counts, report.notes, change.opened,
                                                       change.resolved, report.warnings))
            except CrawlStopped:
                _note_stop(sf, run_id)  # (the lock still held: no other run's rows come between)
                raise
            finally:
                hide_bar()
                fetcher.close()
            read_stale(sf, router, parser_digest(), fetched_at)  # stored notices no page asked again, by another parser
            crawl_seconds = time.perf_counter() - t0
            holder.ensure()  # taken over while we crawled (suspended, paused): the new holder publishes, not us
            folder = scans[0] if scans else start_folder_scan(target)  # (no request was sent)
            other_base = other_base_url(target)  # read before this publish rewrites the files
            t0 = time.perf_counter()
            with sf() as session, session.begin():
                session.connection(execution_options=WRITE_LOCK)  # (it reads first: storage.db.WRITE_LOCK)
                link_news(session)  # reports name notices that may only now be stored
                say_unkeyed(session)  # notices read with no number of their own that make items: a problem each
                held = held_sources(session, frozenset(news_names))  # (it reads no news row)
                gaps = {issue.source for issue in gap_issues(session)} if held else set()
                # (a source skipped for want of a base URL is left out as one not run: skip59, hold59's pin), but
                # for a source whose clean run covers the day: the last of a day's split runs publishes (split60)
                left_out = tuple(n for n in (*not_run, *(s.name for s in skipped)) if n not in news_names
                                 and n not in held and n not in {s.name for s in active})
                left_out = tuple(n for n in left_out if n not in covered_sources(session, left_out, as_of))
            unmirrored = tuple(n for n in left_out if n in {s.name for s in skipped})
            not_asked = tuple(n for n in left_out if n not in unmirrored)
            refused_blank = (_would_blank(sf, target, settings.database_url, run_id)
                             or foreign_feeds(sf, target, settings.database_url, run_id, folder=folder))
            if target is not None and refused_blank is None and not confirmed:  # the clock's day, into any folder:
                # a cron `run --out DIR` behind the clock wrote that earlier day's view there as a preview, exit 0
                # and status green (health34 K5); a view of a past day is asked for with --as-of
                refuse_clock_behind(sf, as_of=as_of, target=target, run_id=run_id)  # (its pages are stored)
            if past_day(sf, as_of):  # (--out DIR: the live folder refuses it) a view of that day, not kept: kept,
                # it moved the Event table back (a late Q&A's retraction undone), and the next live feeds said
                # "Reinstated" and "Retracted" again; its pages are stored all the same
                if target is not None and refused_blank is None:
                    refused_blank = refuse_live_folder(sf, target, as_of, run_id)
                outcome = publish_preview(sf, as_of=as_of, target=None if refused_blank else target, past=True,
                                          hold=held, run_id=run_id, folder=folder, partial=left_out,
                                          unmirrored=unmirrored)
            else:
                outcome = publish_recorded(sf, as_of=as_of, target=None if refused_blank else target, hold=held,
                                           run_id=run_id, folder=folder, partial=left_out, unmirrored=unmirrored)
            refused_blank = refused_blank or outcome.refused  # (judged after the sync: publish.taken_back)
            published = tuple(str(p) for p in outcome.written)
            withheld = tuple(e.id for e in outcome.withheld)
            sync = outcome.sync
            new_events, corrected = sync.new, sync.corrected
            derived_problems = bool(outcome.problems)  # unresolved references, a feed not built: status exits 1 on them
            problems = outcome.problems + ((refused_blank,) if refused_blank else ())
            notes = outcome.notes
            if held and outcome.withheld:  # (nothing held back: nothing to say)
                gapped = [g for g in held if g in gaps]
                problems += ((f"{len(outcome.withheld)} item(s) held back (lapses, countdowns, unresolved "
                              f"references) while pages of {', '.join(held)} could not be fetched or read whole; "
                              "facts from whole notices published; the next run retries the pages"
                              + (f"; an index gap of {', '.join(gapped)} waits for a person (`mofcom-watch review`)"
                                 if gapped else "")),)
            if outcome.overdue:  # held for more than a day for a source no run covers: a problem (its issue open)
                problems += ((f"items held back for more than a day (since {min(w.since for w in outcome.overdue)} or "
                              f"before) for {', '.join(w.source for w in outcome.overdue)}: "
                              f"{'; '.join(w.why() for w in outcome.overdue)}"),)
            elif left_out and outcome.withheld and not held:  # (a note: nothing is wrong yet, the day is not over)
                why = [f"the sources not run ({', '.join(not_asked)})"] if not_asked else []
                why += [f"the sources skipped for want of a base URL ({', '.join(unmirrored)})"] if unmirrored else []
                notes += ((f"{len(outcome.withheld)} item(s) held back (lapses, countdowns, unresolved references): "
                           f"this run read {', '.join(s.name for s in active) or 'no source'} only, and "
                           f"{' and '.join(why)} could extend, lift or resolve them; a clean run of each on this day "
                           "(or a run of every source) publishes them, and they are a problem if still held the next "
                           "day" + ("; a deployment that mirrors some hosts only configures the sources it fetches "
                                    "([fetch] sources, MOFCOM_WATCH_SOURCES)" if unmirrored else "")),)
            if other_base is not None and target is not None:
                problems += ((f"the feeds in {target.out_dir} had self links under {other_base}, this run wrote "
                              f"them under {normalise_base_url(target.base_url)}: when run and serve (or two "
                              "configurations) share a feeds folder, set public_base_url in both, or each rewrites "
                              "every feed the other wrote (docs/deploy.md)"),)
            with sf() as session:
                open_rows = open_health_issues(session)
                issues = tuple(i.key for i in open_rows)
                issue_details = tuple(i.detail for i in open_rows)
            publish_seconds = time.perf_counter() - t0
    except KeyboardInterrupt:  # Ctrl-C, or a stop signal raising Terminated in `run` (exits.first_on_stop)
        if locked:  # noted once the lock is released: run_lock let go of what the unwound frames held (let_go),
            _note_stop(sf, run_id)  # so the note waits for no SQLite write lock of theirs (ops34)
        raise
    finally:
        collector.release()
        leave_store(engine)
    # not ok while the engine reports a problem (an unresolved reference): `run` exits 1 as `status` and `replay` do,
    # so cron sees it; the line on another base URL is a warning (problems, failing nothing)
    low = _low_space(settings, out_dir if publish_feeds else None)
    ok = all(s.ok for s in summaries) and not issues and not derived_problems and refused_blank is None and not low
    counters = fetcher.counters
    return CycleResult(
        ok=ok, run_id=run_id, as_of=as_of, sources=tuple(summaries), new_events=new_events,
        corrected_events=corrected, open_issues=issues, open_issue_details=issue_details, published=published,
        requests=counters.requests,
        bodies=counters.bodies, body_bytes=counters.body_bytes, not_modified=counters.not_modified,
        parsed=crawler.parsed, parsed_indexes=crawler.parsed_indexes, problems=problems, notes=notes, held_back=held, withheld=withheld,
        crawl_seconds=round(crawl_seconds, 3), publish_seconds=round(publish_seconds, 3),
        broken_watchlist=outcome.broken_watchlist, refused_blank=refused_blank, low_space=low,
        fetched_via=tuple(sorted(overrides.items())),
    )


def _low_space(settings: Settings, out_dir: Path | None) -> tuple[str, ...]:
    """The disks of the store, the configured feeds folder and ``out_dir`` (``run --out DIR``) nearly full, each said
    once (``status``'s "DISK NEARLY FULL" lines; a few ``statvfs`` calls)."""
    from mofcom_watch.diskspace import low_space
    from storage.db import sqlite_file

    return tuple(low_space((sqlite_file(settings.database_url), settings.feeds_path, out_dir)))


def _note_stop(sf: sessionmaker[Session], run_id: str) -> None:
    """Record that a stop signal ended this run before it published (``storage.publications.record_stopped_run``):
    ``status`` and ``/healthz`` then say "stopped by request" with the last publish's time, not the "logged no
    publish" of a killed run (a requested stop is no fault; the split compose's ``web`` went unhealthy over it), nor
    nothing at all for a run stopped before its first source finished (cli34). A ``run`` stopped by SIGTERM or Ctrl-C
    notes it too (a cron container's ``docker stop``). A store that cannot take the row (its server gone) leaves the
    killed run's words: the stop itself is not held up."""
    try:
        with sf() as session, session.begin():
            session.connection(execution_options=WRITE_LOCK)  # (it reads first: storage.db.WRITE_LOCK)
            record_stopped_run(session, run_id, datetime.now(UTC))
    except Exception as exc:  # noqa: BLE001 - the stop goes on; status says the run logged no publish instead
        log.warning("could not note the stop in the store: %s", exc)


def _would_blank(sf: sessionmaker[Session], target: PublishTarget | None, database_url: str, run_id: str) -> str | None:
    """Why the feeds must not be written, or None: a store holding no notice after the crawl (a mistyped --db or
    MOFCOM_WATCH_DB, a volume not mounted, while the sites were down or answered a bot check) would replace feeds
    that have items with empty ones, as ``feeds`` refuses to without --allow-empty. The attempt is logged as a failed
    publish (``status``, ``/healthz``)."""
    if target is None:
        return None
    with sf() as session:
        if session.scalars(select(Notice.id).limit(1)).first() is not None:
            return None
        full = blanked_by_empty_store(session, Path(target.out_dir))
    if not full:
        return None
    from mofcom_watch.config import redact_url

    why = (f"the store {redact_url(database_url)} holds no notices: publishing would replace {len(full)} feed "
           f"file(s) in {target.out_dir} that have items (e.g. {full[0].name}) with empty ones, so none was written; "
           "check --db or MOFCOM_WATCH_DB (or empty the folder if this store is meant to start afresh)")
    now = datetime.now(UTC)
    with sf() as session, session.begin():
        session.connection(execution_options=WRITE_LOCK)  # (it reads first: storage.db.WRITE_LOCK)
        record_publication(session, target=str(target.out_dir), started_at=now, finished_at=now, ok=False,
                           error=why, run_id=run_id)
    return why




def _crawl_mode(sf: sessionmaker[Session], source: str) -> Mode:
    """A source is backfilled until it has had a run without failures, so an index walk cut short by a fault is
    completed later; after that, the first cycle of each UTC day walks deep (``scraper.discovery.deep_walk_due``),
    and so does the cycle after one that ended without its run row (``storage.health.crawl_cut_short``).
    The crawler asks this while the source's first index request waits on the network."""
    with sf() as session:
        if not has_clean_run(session, source):
            return Mode.BACKFILL
        due = deep_walk_due(last_deep_walk(session, source), datetime.now(UTC)) or crawl_cut_short(session, source)
        return Mode.DEEP if due else Mode.UPDATE


class _CollectorHold:
    """The garbage collector held off from the start of a process's first cycle until its first request is on its
    way: before it, the cycle imports the HTTP client and the database dialect and builds its first statements,
    objects that live as long as the process, and a dozen collector passes over them (~1.5 ms) only delayed that
    request; the collector looks at them once it is out, while it waits on the network. Nothing is held when the collector is
    off already (the CLI holds it while importing) or in a later cycle, nor while the cycle waits for another
    writer's run lock."""

    held_once = False

    def __init__(self, held: bool) -> None:
        self.held = held

    @classmethod
    def first_cycle(cls) -> _CollectorHold:
        hold = not cls.held_once and gc.isenabled()
        cls.held_once = True
        if hold:
            gc.disable()
        return cls(hold)

    def release(self) -> None:
        """The collector on again (once; later calls do nothing)."""
        if self.held:
            self.held = False
            gc.enable()


_warmed: weakref.WeakSet[Engine] = weakref.WeakSet()  # engines whose cycle reads and writes were made once (_warm_up)
# Neither a URL nor a lock holder (host:pid:run): the warm-up's page touch and lock release find no row
WARM_UP_NAME = "(warm-up: no such page or holder)"


def _warm_up(sf: sessionmaker[Session], as_of: date, target: PublishTarget | None, news: frozenset[str], run_id: str,
             source: str | None) -> None:
    """The first cycle on a store in this process: its reads and writes after the crawl, made once while the
    fetches wait on the network (:func:`_warm_reads`, :func:`_warm_writes`)."""
    _warm_reads(sf, as_of, target, news)
    if source is not None:
        _warm_writes(sf, run_id, source, target)


def _warm_reads(sf: sessionmaker[Session], as_of: date, target: PublishTarget | None, news: frozenset[str]) -> None:
    """The first cycle on a store in this process: the reads that follow the crawl, made while the
    fetches wait on the network (their SQL compiled, the mappers and code digests ready), results
    dropped; a later cycle finds them compiled. Never fails the cycle: the real reads come after."""
    try:
        with sf() as session:
            held = held_sources(session, news)
            open_health_issues(session)
            warm_reads(session, as_of=as_of, target=target, hold=held)
    except Exception:  # noqa: BLE001 - only a warm-up: the cycle's own reads report any fault
        log.debug("warming the cycle's reads failed", exc_info=True)


def _warm_writes(sf: sessionmaker[Session], run_id: str, source: str, target: PublishTarget | None) -> None:
    """The writes that follow the crawl (the run row and its page touches, the news links, the publish log, the
    lock's release), made with made-up values in one transaction that is rolled back, never committed: their SQL
    is compiled and the ORM's unit of work set up (about 7 ms of a process's first cycle), nothing is kept and no
    other connection ever sees them. Never fails the cycle: the real writes come after and report any fault."""
    now = datetime.now(UTC).replace(microsecond=0)
    try:
        with sf() as session:
            session.begin()
            try:
                record_source_run(session, run_id, SourceReport(source=source, started_at=now, finished_at=now,
                                                                not_modified=((WARM_UP_NAME, now),)))
                link_news(session)
                if target is not None:
                    record_publication(session, target=str(target.out_dir), started_at=now, finished_at=now, ok=True,
                                       run_id=run_id)
                session.execute(releasing(DEFAULT_LOCK, WARM_UP_NAME))  # no holder is named so: nothing to release
            finally:
                session.rollback()
    except Exception:  # noqa: BLE001 - only a warm-up: the cycle's own writes report any fault
        log.debug("warming the cycle's writes failed", exc_info=True)
