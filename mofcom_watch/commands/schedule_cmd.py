"""`mofcom-watch schedule`: run cycles on a cron schedule until SIGTERM (`run` is the one-shot form)."""

from __future__ import annotations

import logging
from typing import Optional

import typer

from mofcom_watch.clock import parse_as_of, refuse_future, refuse_past
from mofcom_watch.config import ConfigError, Settings, port_0_problem, redact_url
from mofcom_watch.context import app_context
from mofcom_watch.exits import (
    exit_on_missing_db_folder,
    exit_on_unknown_hosts,
    exit_on_unknown_sources,
    say,
    warn_short_stale,
)
from mofcom_watch.logs import log
from mofcom_watch.scheduler import (
    WAIT_FOR_DATABASE,
    CycleRunner,
    make_scheduler,
    next_fire_time,
    real_cycle,
    run_blocking,
    wait_for_store,
)

LOG = logging.getLogger("mofcom_watch.schedule")
# a past --as-of for cycles (schedule, serve --schedule): they publish into the live folder (as run would: refused)
PAST_CYCLES = ("every cycle would publish that day's feeds into the configured feeds folder {live}, which readers "
               "follow, taking back every item published since; schedule without --as-of (for a simulation, set "
               "MOFCOM_WATCH_TODAY={day}), or write that day's feeds once with 'mofcom-watch run --as-of {day} --out DIR'")


def register(app: typer.Typer) -> None:
    @app.command("schedule")
    def _schedule(
        ctx: typer.Context,
        cron: Optional[str] = typer.Option(None, "--cron", help="Cron expression (5 fields, 6 with seconds first, or @hourly, @daily, @weekly, @monthly, @yearly; default: config schedule.cron, else */30 * * * *)."),
        run_at_start: Optional[bool] = typer.Option(None, "--run-at-start/--no-run-at-start",
                                                    help="Run one cycle at once instead of waiting for the first slot (default: config schedule.run_at_start, else on)."),
        as_of: Optional[str] = typer.Option(None, "--as-of", help="Fixed date for the cycles, YYYY-MM-DD: today only (another day: exit "
                                          "2), and a cycle once that day has passed fails, saying so (default: each "
                                          "cycle's today in Beijing time)."),
    ) -> None:
        """Run the fetch-parse-diff-publish cycle on a schedule; stops cleanly on SIGTERM."""
        actx = app_context(ctx)
        settings = with_flags(actx.settings, cron=cron, run_at_start=run_at_start)
        if (linkless := port_0_problem(settings)) is not None:
            typer.echo(f"mofcom-watch schedule: {linkless}", err=True)
            raise typer.Exit(2)
        day = parse_as_of(as_of)
        refuse_future("schedule", day, "every cycle would store and publish what it derives for that day, so readers "
                      "would get the items of a day that has not come; schedule without --as-of")
        refuse_past("schedule", day, PAST_CYCLES.format(live=settings.feeds_path, day=day))
        exit_on_unknown_hosts("schedule", settings.base_urls)
        exit_on_unknown_sources("schedule", settings.sources)
        warn_short_stale("schedule", settings)
        exit_on_missing_db_folder("schedule", settings)
        check_store(settings)
        from scraper.stop import StopRequest

        stop = StopRequest()  # set by the stop signal (run_blocking): a running cycle ends at its next page
        runner = CycleRunner(real_cycle(settings, as_of=day, stop=stop, warn_links=True), stop=stop)
        scheduler = make_scheduler(runner, cron=settings.cron, timezone=settings.timezone,
                                   run_at_start=settings.run_at_start)
        log(LOG, logging.INFO, "scheduler starting", cron=settings.cron, timezone=settings.timezone,
            first="now" if settings.run_at_start else str(next_fire_time(settings.cron, settings.timezone)),
            db=redact_url(settings.database_url))
        run_blocking(scheduler, runner)


def check_store(settings: Settings) -> None:
    """Open the store once before scheduling (creating or migrating it, as the first cycle would). A store no outage
    explains (written by a newer version: "upgrade the program"; a URL or driver that cannot work) is one line and
    exit 2, and a SQLite file that cannot be used (damaged, read-only) exit 3, as for ``run``: the scheduler used to
    start and log "cycle failed" every half hour, for ever. A database server that is down may come back: the cycles
    try it, as before; with a cycle at start (``run_at_start``), it is first waited for up to
    :data:`~mofcom_watch.scheduler.WAIT_FOR_DATABASE` seconds (:func:`~mofcom_watch.scheduler.wait_for_store`). Was: a
    scheduler started beside its database (compose without health conditions, podman-compose on podman < 4.6, a
    Kubernetes pod) ran that cycle while PostgreSQL was still initialising, failed it ("unreachable"), and left the
    store empty until the next cron time (up to 30 minutes by default), ``/healthz`` failing meanwhile. A login the
    server refuses (a wrong password) is no server starting: one line, exit 3 at once, as a SQLite file refused (ops35;
    it waited the two minutes, then scheduled cycles that each failed on it).
    """
    from mofcom_watch.exits import RESOURCE_EXIT
    from storage.db import DatabaseError, sqlite_file
    from storage.faults import LoginRefused

    try:
        failed = wait_for_store(settings.database_url, WAIT_FOR_DATABASE if settings.run_at_start else 0.0,
                                logger=LOG)
    except DatabaseError as exc:
        typer.echo(f"mofcom-watch schedule: {exc}", err=True)
        raise typer.Exit(2) from None
    if failed is None:
        return
    if sqlite_file(settings.database_url) is not None or isinstance(failed, LoginRefused):  # (nothing to wait for)
        typer.echo(f"mofcom-watch schedule: {failed}", err=True)
        raise typer.Exit(RESOURCE_EXIT) from None
    log(LOG, logging.WARNING, "database not ready; the cycles will try it", error=str(failed))


def with_flags(settings: Settings, **flags: object) -> Settings:
    """Apply command-line flags over the configuration; a bad value is a usage error (exit 2)."""
    try:
        return settings.with_overrides("flag", **flags)
    except ConfigError as exc:
        say(str(exc))
        raise typer.Exit(2) from None


