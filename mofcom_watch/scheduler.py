"""Cycles on a cron schedule (APScheduler 3.11), one at a time, one log line each.

Overlap is prevented three times over: the job has ``max_instances=1`` and ``coalesce``, the
:class:`CycleRunner` skips a call while a cycle is still running in this process, and the cycle
itself (``run_cycle``) takes the database run lock, which also covers other processes and hosts.
A failing cycle is logged and the next one runs as scheduled.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import STATE_STOPPED, BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger

from mofcom_watch.config import Settings, default_links_warning
from mofcom_watch.exits import failure_line
from mofcom_watch.logs import log, run_context
from scraper.stop import CrawlStopped, StopRequest
from storage.runlock import RunLockHeld, RunLockLost

if TYPE_CHECKING:
    from mofcom_watch.cycle import CycleResult  # imported when a cycle runs: the fetcher is heavy

LOG = logging.getLogger("mofcom_watch.scheduler")
JOB_ID = "cycle"
MISFIRE_GRACE_SECONDS = 300
CRON_FIELDS_WITH_SECONDS = ("second", "minute", "hour", "day", "month", "day_of_week")
# A cycle ended at its next page by a stop (SIGTERM): what it stored is kept, the source it was reading is walked
# deep by the next cycle (storage.health.crawl_cut_short), nothing was published by it
STOPPED_LINE = ("cycle stopped at its next page (the process was asked to stop): the pages it stored are kept, the "
                "next cycle reads what it left; its feeds were not published")

# a cycle: takes the run id, returns its result (None: nothing to report) or raises
CycleFn = Callable[[str], "CycleResult | None"]
# how long `schedule` and `serve --schedule` wait for a database server not answering yet, before the cycle at start
WAIT_FOR_DATABASE = 120.0
WAIT_STEP = 0.5


# crontab(5)'s nicknames (Vixie cron, cronie), each as the 5 fields it stands for; @reboot is no schedule
CRON_NICKNAMES = {"@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *", "@weekly": "0 0 * * 0",
                  "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *"}


class CronError(ValueError):
    """A cron expression APScheduler cannot read."""


class CycleFault(Exception):
    """A cycle's failure already said in one plain line (:func:`mofcom_watch.exits.failure_line`): logged as it is."""


def parse_cron(expr: str, timezone: str = "UTC") -> CronTrigger:
    """5 fields (standard crontab), a crontab nickname (``@daily``: :data:`CRON_NICKNAMES`; was refused, cli36) or 6
    fields with seconds first (``*/5 * * * * *``, for tests)."""
    if expr.strip().lower() in CRON_NICKNAMES:
        return parse_cron(CRON_NICKNAMES[expr.strip().lower()], timezone)
    fields = expr.split()
    tz = ZoneInfo(timezone)
    try:
        if len(fields) == 5:
            return CronTrigger.from_crontab(expr, timezone=tz)
        if len(fields) == 6:
            return CronTrigger(**dict(zip(CRON_FIELDS_WITH_SECONDS, fields)), timezone=tz)
    except ValueError as exc:
        raise CronError(f"bad cron expression {expr!r}: {exc}") from None
    raise CronError(f"bad cron expression {expr!r}: expected 5 fields (min hour day month weekday), 6 (seconds first) "
                    f"or one of {', '.join(CRON_NICKNAMES)}")


GAP_FIRES = 200  # fire times walked for the longest gap (a monthly schedule: 16 years)
GAP_PROBES = 24 * 8  # and hourly probes over 8 days (a dense schedule with a night or weekend off)
GAP_YEAR = timedelta(days=400)  # the clock changes looked for (each one's gaps walked: a daily schedule's 25 hours)
CHANGE_FIRES = 48  # fire times walked around each change


def longest_gap(expr: str, timezone: str = "UTC", now: datetime | None = None) -> timedelta | None:
    """The longest time between two fire times of ``expr`` coming from ``now`` (its next :data:`GAP_FIRES` times,
    the times around each change of the zone's UTC offset in the coming year, and the wait for the next time from
    each hour of the coming 8 days, so that ``*/5 * * * 1-5`` has its weekend), or None for an expression that never
    fires. For the default staleness threshold (``mofcom_watch.config.stale_after``); ~40 ms.

    Gaps are real time: a daily ``0 6 * * *`` in Europe/Berlin is 25 hours across the autumn change and 23 across
    the spring one, whenever ``now`` is. Was: two fire times of one zone were subtracted as wall-clock times
    (Python ignores the offsets of two datetimes sharing a tzinfo), so every day read 24 hours, and the walk, stepping
    one second past a repeated hour's second fire time (fold lost), went back an hour and stopped there."""
    from datetime import UTC

    trigger = parse_cron(expr, timezone)
    start = now or datetime.now(UTC)
    fire = trigger.get_next_fire_time(None, start)
    if fire is None:
        return None
    longest = _walk(trigger, fire, start + GAP_YEAR, GAP_FIRES)
    for change in _offset_changes(ZoneInfo(timezone), start, start + GAP_YEAR):
        for before in (timedelta(days=2), timedelta(hours=2)):  # a gap of 2 h to 2 days (48 fires in 4 days at
            # most), one under 2 h; a longer one is the first walk's (200 fires: more than a year)
            first = trigger.get_next_fire_time(None, change - before)
            if first is not None:
                longest = max(longest, _walk(trigger, first, change + before, CHANGE_FIRES))
    for hour in range(GAP_PROBES):
        probe = start + timedelta(hours=hour)
        after = trigger.get_next_fire_time(None, probe)
        if after is not None:
            longest = max(longest, after - probe)  # (zones differ: Python subtracts the instants)
    return longest


def _walk(trigger: CronTrigger, fire: datetime, until: datetime, fires: int) -> timedelta:
    """The longest real time between two of ``trigger``'s fire times from ``fire``, ``fires`` of them at most, up to
    ``until``; each next one asked for a real second after the last (UTC: a repeated hour's second time is kept)."""
    from datetime import UTC

    longest = timedelta(0)
    for _ in range(fires):
        after = trigger.get_next_fire_time(fire, fire.astimezone(UTC) + timedelta(seconds=1))
        if after is None or after > until:
            break
        longest, fire = max(longest, after.astimezone(UTC) - fire.astimezone(UTC)), after
    return longest


def _offset_changes(zone: ZoneInfo, start: datetime, end: datetime) -> list[datetime]:
    """The instants (to the minute) between ``start`` and ``end`` at which ``zone``'s UTC offset changes."""
    changes = []
    day, offset = start, start.astimezone(zone).utcoffset()
    while day < end:
        following = day + timedelta(days=1)
        if (then := following.astimezone(zone).utcoffset()) != offset:
            low, high = day, following
            while high - low > timedelta(minutes=1):
                middle = low + (high - low) / 2
                low, high = (middle, high) if middle.astimezone(zone).utcoffset() == offset else (low, middle)
            changes.append(high)
            offset = then
        day = following
    return changes


@dataclass(frozen=True)
class CycleOutcome:
    """What the last cycle did, for the log line and ``/healthz``."""

    run_id: str
    ok: bool
    started: datetime
    seconds: float
    error: str | None = None
    skipped: bool = False
    stopped: bool = False  # ended at its next page: the process was asked to stop (not a failure)


def summarize(result: CycleResult | None) -> dict[str, Any]:
    """Small scalar fields of a cycle result (counts, flags) for the log line."""
    if result is None:
        return {}
    out: dict[str, Any] = {}
    for name, value in vars(result).items():
        if name in {"run_id", "ok", "fetched_via"}:
            continue
        if isinstance(value, (bool, int, float)) or (isinstance(value, str) and len(value) < 80):
            out[name] = value
        elif type(value) is date:  # the day the cycle derived its states for (a Beijing date)
            out[name] = value.isoformat()
        elif isinstance(value, (list, tuple)):
            out[name] = len(value)
        elif isinstance(value, dict) and all(isinstance(v, (int, float)) for v in value.values()):
            out.update({f"{name}.{k}": v for k, v in value.items()})
    return out


SAID_CHARS = 300  # a page's URL is 90 to 300 characters: the first failure and problem are said whole, past that cut


def what_went_wrong(result: CycleResult | None) -> dict[str, Any]:
    """What a cycle "done with problems" met, for its one log line: the sources whose fetches failed, the first failed
    fetch and the first problem, as ``run`` prints them (``status`` lists every one). Was: counts alone, so a cycle
    that reached no site at all (every fetch refused) logged ``problems=0`` or a listing's count, ``sources=7``, and
    nothing saying a site was down (ops41)."""
    if result is None:
        return {}
    failing = [s for s in getattr(result, "sources", ()) if s.failures]  # (a stand-in result has none)
    first = failing[0].failures[0] if failing else None
    from mofcom_watch.cycle import tried_url

    tried = tried_url(first.url, getattr(result, "fetched_via", ())) if first is not None else None
    why = not_ok_because(result)
    return {
        # what made it not ok, counted (user44's B, session 45: "problems=0" stood beside "ok=false" where fetches
        # failed or health issues were open, the count of the derivation's problems alone): never 0 here
        **({"problems": sum(n for n, _ in why)} if why else {}),
        "why": "; ".join(words for _, words in why) or "not ok, for no reason this line knows: see mofcom-watch status",
        "failed_sources": ",".join(s.name for s in failing) or None,
        "failed_fetches": sum(len(s.failures) for s in failing) or None,
        "first_failure": _cut(f"{first.reason} {tried}" + (f": {first.detail}" if first.detail else ""))
        if first is not None else None,
        # the official page it stands for, where the URL tried was a mirror's (ops46: with base_urls set the line
        # named https://www.mofcom.gov.cn/… though the connection refused was the mirror's)
        "first_failure_for": _cut(first.url) if first is not None and tried != first.url else None,
        "first_problem": _cut(result.problems[0]) if getattr(result, "problems", ()) else None,
    }


def not_fetched(result: CycleResult | None) -> dict[str, Any]:
    """The sources a cycle did not fetch (with base_urls set, a source whose host has none), for its log line:
    ``not_fetched=english-news``. Was: ``cycle done ok=true`` alone, nothing saying a source was left out (ops49)."""
    from mofcom_watch.cycle import SourceMode

    names = [s.name for s in getattr(result, "sources", ()) if s.mode is SourceMode.SKIPPED]
    return {"not_fetched": ",".join(names)} if names else {}


def not_ok_because(result: CycleResult) -> list[tuple[int, str]]:
    """Why a cycle is not ok, as ``CycleResult.ok`` judges it, each reason counted and said: fetches failed (per source,
    as ``status`` says "LAST RUN FAILED" for each), the source-health issues open after it, the problems it met (an
    unresolved reference, a feed not built, feeds refused; ``run`` prints each). Empty for a clean cycle."""
    out: list[tuple[int, str]] = []
    for s in getattr(result, "sources", ()):
        if not s.ok:
            n = len(s.failures)
            out.append((max(n, 1), f"{s.name}: {n} failed fetch{'es' if n != 1 else ''}" if n else f"{s.name}: not clean"))
    if issues := len(getattr(result, "open_issues", ())):
        out.append((issues, f"{issues} open source-health issue{'s' if issues != 1 else ''}"))
    if problems := len(getattr(result, "problems", ())):
        out.append((problems, f"{problems} problem{'s' if problems != 1 else ''} of the cycle"))
    out += [(1, f"disk nearly full: {line}") for line in getattr(result, "low_space", ())]  # (status: DISK NEARLY FULL)
    return out


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SAID_CHARS else text[:SAID_CHARS - 1] + "…"


def _is_lock_held(exc: BaseException) -> bool:
    """Another run held the lock all along (a skip); a lock taken over from this cycle (paused past the stale
    limit: :class:`RunLockLost`) is a failure of this cycle, logged as one."""
    return isinstance(exc, RunLockHeld) and not isinstance(exc, RunLockLost)


class CycleRunner:
    """Calls the cycle, never two at once in this process, logs one line, never raises. ``stop``: the
    :class:`~scraper.stop.StopRequest` the cycle ends by at its next page (:meth:`stop_cycle`)."""

    def __init__(self, cycle: CycleFn, logger: logging.Logger = LOG, stop: StopRequest | None = None) -> None:
        self._cycle = cycle
        self.stop = stop
        self._lock = threading.Lock()
        self._logger = logger
        self.last: CycleOutcome | None = None
        self.last_success: datetime | None = None  # when the newest successful cycle finished
        self.count = 0

    @property
    def busy(self) -> bool:
        return self._lock.locked()

    def stop_cycle(self) -> None:
        """The process stops: a running cycle ends at its next page (its fetches in flight at once), none starts."""
        if self.stop is not None:
            self.stop.set()

    def wait_idle(self) -> None:
        """Return once no cycle of this runner is running (at once when none is)."""
        with self._lock:
            pass

    def __call__(self) -> CycleOutcome:
        started = datetime.now().astimezone()
        with run_context() as run_id:
            if not self._lock.acquire(blocking=False):
                log(self._logger, logging.WARNING, "cycle skipped: the previous cycle is still running")
                return CycleOutcome(run_id, False, started, 0.0, skipped=True)
            t0 = time.monotonic()
            try:
                if self.stop is not None and self.stop.is_set():  # (a job that fired as the stop came)
                    raise CrawlStopped("asked to stop before it began")
                result = self._cycle(run_id)
            except Exception as exc:  # noqa: BLE001 - the scheduler must survive any failing cycle
                seconds = round(time.monotonic() - t0, 3)
                error = str(exc) if isinstance(exc, CycleFault) else f"{type(exc).__name__}: {exc}"
                if isinstance(exc, CrawlStopped):
                    outcome = CycleOutcome(run_id, False, started, seconds, error=error, stopped=True)
                    log(self._logger, logging.INFO, STOPPED_LINE, seconds=seconds)
                elif _is_lock_held(exc):  # another process is mid-cycle on this database: not a failure
                    outcome = CycleOutcome(run_id, False, started, seconds, error=error, skipped=True)
                    log(self._logger, logging.WARNING, "cycle skipped: another run holds the lock",
                        seconds=seconds, error=error)
                else:
                    outcome = CycleOutcome(run_id, False, started, seconds, error=error)
                    log(self._logger, logging.ERROR, "cycle failed", seconds=seconds, error=error)
                    self._logger.debug("cycle traceback", exc_info=True)
            else:
                seconds = round(time.monotonic() - t0, 3)
                ok = result is None or result.ok
                outcome = CycleOutcome(run_id, ok, started, seconds)
                level = logging.INFO if ok else logging.WARNING
                log(self._logger, level, "cycle done" if ok else "cycle done with problems",
                    ok=ok, seconds=seconds, **{**summarize(result), **({} if ok else what_went_wrong(result)),
                                               **not_fetched(result)})
            finally:
                self.count += 1
                self._lock.release()
            self.last = outcome
            if outcome.ok:
                self.last_success = outcome.started + timedelta(seconds=outcome.seconds)
            return outcome


class _OwnSkipLine(logging.Filter):
    """Drops APScheduler's own WARNING for a cron time that came while the cycle before it still ran (``Execution of
    job "fetch-parse-diff-publish cycle (trigger: cron[…])" skipped: maximum number of running instances reached
    (1)``): the job's listener says it in the project's words instead (:func:`_said_skipped`). Was: that line, in no
    words of the project nor of docs/deploy.md, at the start of ``serve --schedule`` and ``schedule`` whenever the
    cycle at start (``run_at_start``) ran past the first cron time (ops46)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "maximum number of running instances reached" not in str(record.msg)


_SKIP_FILTER = _OwnSkipLine()
SKIPPED_TIME = ("cycle time skipped: the cycle before it was still running, and covers it (one cycle at a time); the "
                "next cycle runs at the next time")


def _said_skipped(event: Any) -> None:
    """A cron time skipped, as one line of the project's (an ``EVENT_JOB_MAX_INSTANCES`` event): INFO, not a fault
    (the running cycle fetches and publishes what that time would have); a cycle that skips every time takes longer
    than the schedule's interval, which the line's ``scheduled`` times show."""
    times = getattr(event, "scheduled_run_times", None) or ()
    log(LOG, logging.INFO, SKIPPED_TIME, scheduled=times[-1].isoformat() if times else None)


def make_scheduler(
    runner: Callable[[], Any],
    *,
    cron: str,
    timezone: str = "UTC",
    background: bool = False,
    run_at_start: bool = False,
) -> BaseScheduler:
    """A scheduler (not started) with the one cycle job: coalesced, one instance, one worker thread."""
    trigger = parse_cron(cron, timezone)
    cls = BackgroundScheduler if background else BlockingScheduler
    scheduler = cls(
        timezone=ZoneInfo(timezone),
        executors={"default": ThreadPoolExecutor(max_workers=1)},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": MISFIRE_GRACE_SECONDS},
    )
    extra: dict[str, Any] = {}
    if run_at_start:
        extra["next_run_time"] = datetime.now(ZoneInfo(timezone))
    scheduler.add_job(runner, trigger, id=JOB_ID, name="fetch-parse-diff-publish cycle",
                      replace_existing=True, **extra)
    from apscheduler.events import EVENT_JOB_MAX_INSTANCES

    own = logging.getLogger("apscheduler.scheduler")  # (BaseScheduler's logger: its own skip line dropped)
    if _SKIP_FILTER not in own.filters:
        own.addFilter(_SKIP_FILTER)
    scheduler.add_listener(_said_skipped, EVENT_JOB_MAX_INSTANCES)
    return scheduler


def next_fire_time(cron: str, timezone: str = "UTC") -> datetime | None:
    """When the cron expression fires next (for log lines and the front page)."""
    now = datetime.now(ZoneInfo(timezone))
    return parse_cron(cron, timezone).get_next_fire_time(None, now)


STOP_SIGNALS = frozenset({signal.SIGTERM, signal.SIGINT})  # and SIGHUP unless ignored: exits.stop_signals


def run_blocking(scheduler: BlockingScheduler, runner: CycleRunner | None = None) -> None:
    """Run until SIGTERM, SIGINT or SIGHUP; a running cycle ends at its next page (its fetches in flight at once:
    :meth:`CycleRunner.stop_cycle`) and the process waits for that, seconds, not the minutes a cycle of the real
    sites takes (a container's stop allows 10 s by default; the lead's decision, session 32).

    The signals are blocked in every thread and taken by a watcher thread with ``sigwait``, which
    then stops the scheduler. Stopping it from a Python signal handler instead can deadlock: the
    handler runs on the main thread, possibly while that thread holds the scheduler's event lock.
    """
    from mofcom_watch.exits import stop_signals

    stops = STOP_SIGNALS | set(stop_signals())
    old_mask = signal.pthread_sigmask(signal.SIG_BLOCK, stops)  # inherited by every new thread

    def watch() -> None:
        signum = signal.sigwait(stops)
        busy = runner is not None and runner.busy
        log(LOG, logging.INFO, "scheduler stopping", signal=signal.Signals(signum).name, waiting_for_cycle=busy)
        if runner is not None:
            runner.stop_cycle()
        if scheduler.state != STATE_STOPPED:
            scheduler.shutdown(wait=False)

    threading.Thread(target=watch, name="mofcom-watch-signals", daemon=True).start()
    try:
        scheduler.start()  # returns after shutdown()
    finally:
        if threading.current_thread() is threading.main_thread():  # a second SIGTERM: stop at once, as it used to
            signal.signal(signal.SIGTERM, signal.SIG_DFL)  # (not unwind into the interpreter's wait for the cycle)
        signal.pthread_sigmask(signal.SIG_SETMASK, old_mask)
    if runner is not None:
        # shutdown(wait=False) does not wait for the running cycle: were this thread to return now, the
        # interpreter's exit would shut down the thread pools the cycle still submits its fetches to, and the
        # cycle would die of "cannot schedule new futures after shutdown". A second signal still stops at once.
        runner.wait_idle()
    log(LOG, logging.INFO, "scheduler stopped")


def real_cycle(settings: Settings, *, as_of: date | None = None, stop: StopRequest | None = None,
               warn_links: bool = False) -> CycleFn:
    """The production cycle: ``mofcom_watch.cycle.run_cycle`` with the configured sources and base URLs; ``stop``:
    the runner's (:class:`CycleRunner`), which ends it at its next page. ``warn_links`` (``schedule``; ``serve`` says
    its own at start): a cycle that published with no ``public_base_url`` set logs a warning saying where its links
    point (:func:`mofcom_watch.config.default_links_warning`)."""

    def cycle(run_id: str) -> CycleResult:
        from mofcom_watch.cycle import run_cycle  # the fetcher's module; imported when a cycle runs
        from mofcom_watch.storewrite import checkpoint_kept, clear_run_fault, fault_mark, note_run_fault
        from storage.faults import store_fault

        mark = fault_mark(settings.database_url, settings.data_dir)
        try:
            result = run_cycle(settings, as_of=as_of, since=settings.since,
                               base_urls=dict(settings.base_urls) or None, run_id=run_id, stop=stop,
                               fixed_day=as_of is not None)
        except Exception as exc:
            line = None if isinstance(exc, (RunLockHeld, CrawlStopped)) else failure_line(
                exc, db_url=settings.database_url, feeds_dir=settings.feeds_path)
            if line is None:
                raise
            if (fault := store_fault(exc, settings.database_url)) is not None:  # for status, as run leaves it
                note_run_fault(mark, str(fault))  # (ops42: PostgreSQL gone for a cycle, status 0 once it was back)
            raise CycleFault(line) from exc
        clear_run_fault(mark)
        if (unchecked := checkpoint_kept(settings.database_url)) is not None:  # said: the store is whole with its -wal
            log(LOG, logging.WARNING, "store not checkpointed", detail=unchecked)
        if warn_links and result.published and (
                unset := default_links_warning(settings, settings.feeds_path)) is not None:
            log(LOG, logging.WARNING, "feeds link to serve's default address", detail=unset)
        return result

    return cycle


def wait_for_store(url: str, seconds: float, stop: threading.Event | StopRequest | None = None, logger: logging.Logger = LOG,
                   on_wait: Callable[[Exception], None] | None = None) -> Exception | None:
    """Open the store at ``url`` (creating or migrating it, as a cycle would), trying again every :data:`WAIT_STEP`
    for up to ``seconds`` while its database server does not answer (``StoreUnavailable``). None once it opened; else
    the last ``StoreUnavailable``: the time ran out, ``stop`` was set (a SIGTERM: the wait ends within a step), or the
    store is a SQLite file or the server refused the login (a wrong password: ``LoginRefused``, no server still starting
    says it; nothing to wait for). Any other ``DatabaseError`` (a store of a newer version, a URL that cannot work) is
    raised at once. The one wait of ``schedule`` (before its first cycle, in its main thread) and of
    ``serve --schedule`` (in its cycle thread, while the server answers ``/healthz``); ``on_wait``: called once, with
    the first failure, when the waiting begins."""
    from storage.db import open_store, sqlite_file
    from storage.faults import LoginRefused, StoreUnavailable

    deadline = time.monotonic() + seconds
    waited = False
    while True:
        try:
            open_store(url).dispose()
        except StoreUnavailable as exc:
            if (sqlite_file(url) is not None or isinstance(exc, LoginRefused) or time.monotonic() >= deadline
                    or (stop is not None and stop.is_set())):
                return exc
            if not waited:
                log(logger, logging.WARNING, "database not ready; waiting for it before the first cycle",
                    seconds=int(seconds), error=str(exc))
                waited = True
                if on_wait is not None:
                    on_wait(exc)
            if stop is not None:
                if stop.wait(WAIT_STEP):
                    return exc
            else:
                time.sleep(WAIT_STEP)
        else:
            if waited:
                log(logger, logging.INFO, "database ready")
            return None


class DatabaseWait:
    """``serve --schedule``'s wait for its database before the cycle at start, in the cycle thread (the job wraps
    the :class:`CycleRunner`): the server answers meanwhile, ``/healthz`` 503 saying :meth:`waiting`, and a stop
    (:meth:`cancel`, from the server's shutdown) ends it within a step, no cycle run, no run lock taken. Was: the
    cycle at start met a PostgreSQL still initialising, failed ("unreachable"), and the store stayed empty until the
    next cron time; with a plain wait, a SIGTERM then waited out the two minutes. ``ready``: called when the store
    opened after a wait, before the cycle (``serve``'s publisher tries again: its failure at start, the database
    not up, was said by ``/healthz`` until its next check, 30 s after the first cycle had published)."""

    def __init__(self, url: str, runner: Callable[[], Any], seconds: float = WAIT_FOR_DATABASE,
                 ready: Callable[[], Any] | None = None, stop: StopRequest | None = None) -> None:
        self.url, self.runner, self.seconds, self.ready = url, runner, seconds, ready
        self.stop = stop or StopRequest()  # the runner's: a stop ends the wait and a running cycle alike
        self.pending = seconds > 0  # the first call waits; later ones go straight to the cycle
        self._since: datetime | None = None  # when the wait began (the first attempt failed)
        self._error: str | None = None

    def _began(self, exc: Exception) -> None:
        self._since, self._error = datetime.now(UTC), str(exc)

    def __call__(self) -> Any:
        from storage.faults import LoginRefused

        if self.pending:
            failed: Exception | None = None
            try:
                failed = wait_for_store(self.url, self.seconds, self.stop, on_wait=self._began)
            except Exception as exc:  # noqa: BLE001 - no wait for a store no outage explains: the cycle says why
                failed = exc
                LOG.debug("database wait ended: %s", exc)
            finally:
                self.pending = False
            if self.stop.is_set():
                log(LOG, logging.INFO, "stopped while waiting for the database: no cycle run")
                return None
            if failed is None and self._since is not None and self.ready is not None:
                self.ready()
            elif isinstance(failed, LoginRefused):  # said at once: no server starting refuses a login
                log(LOG, logging.ERROR, "the database refused the login: not waiting for it; the cycles will try it",
                    error=str(failed))
            elif failed is not None and self._since is not None:
                log(LOG, logging.WARNING, "database not ready; the cycles will try it", error=str(failed))
        return self.runner()

    def waiting(self) -> str | None:
        """``/healthz``'s problem while the wait goes on (None before and after it)."""
        if not self.pending or self._since is None:
            return None
        return (f"waiting for the database before the first cycle (starting; since {self._since:%Y-%m-%d %H:%M:%S} "
                f"UTC, for up to {int(self.seconds)} s): {self._error}")

    def cancel(self) -> None:
        self.stop.set()
