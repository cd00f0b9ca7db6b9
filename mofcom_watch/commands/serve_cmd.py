"""`mofcom-watch serve`: feeds, front page, OPML and /healthz over HTTP (optionally with the scheduler)."""

from __future__ import annotations

import contextlib
import errno
import functools
import logging
import signal
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Optional

import typer

from mofcom_watch import clock
from mofcom_watch.clock import before_today, parse_as_of, refuse_future, refuse_past
from mofcom_watch.commands.schedule_cmd import PAST_CYCLES, with_flags
from mofcom_watch.config import Settings, redact_url, stale_after
from mofcom_watch.context import app_context
from mofcom_watch.exits import (
    RESOURCE_EXIT,
    USAGE,
    Terminated,
    exit_on_missing_db_folder,
    exit_on_unknown_hosts,
    exit_on_unknown_sources,
    say,
    warn_short_stale,
)
from mofcom_watch.logs import log

LOG = logging.getLogger("mofcom_watch.serve")
REFUSED_LOG = ("the store was refused: serving the feeds folder as it is (nothing published, no cycle), /healthz 503 "
               "saying why; act on the line: serve opens the store again once it is cured (with --schedule, its "
               "schedule starts then)")
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
OWN_FOLDER_PREFIX = "mofcom-watch-feeds-"  # + "<day>-": a past day's folder (own_folder; migration 0012 knows it)
# Seconds an idle keep-alive connection is kept open (uvicorn's default: 5). Closed at 5 s, a connection a client
# reused at that moment had its request dropped: "Server disconnected without sending a response", or a reset when
# the request had come in unread (bench/server.py: 2 of 12,000 under load, 4 of 20,000 in session 39; flaky40). A
# proxy in front keeps its idle upstream connections 60 s (nginx's keepalive_timeout, a cloud load balancer's idle
# timeout) and would meet it on every reuse after 5 s idle: the server must keep them longer than its clients do.
KEEP_ALIVE_SECONDS = 75


@contextlib.contextmanager
def stopped_by_signal_exits_zero(server: Any) -> Iterator[None]:  # noqa: ANN401 - a uvicorn.Server
    """uvicorn shuts down gracefully on SIGTERM/SIGINT, then raises the signal again against the
    handlers it found: with the default ones the process dies of it (exit 143, or a KeyboardInterrupt)
    after a clean stop. These handlers take that re-raise, so a requested stop exits 0; and a stop that comes
    before uvicorn has taken the signals over (while its event loop starts) is asked of ``server`` as uvicorn's own
    handler asks it, so it stops once it has started. Was: no-op handlers, which dropped such a stop: ``serve`` ran on
    until a SIGKILL (ops49: a SIGTERM sent as "serving" was logged, 1 start in 6 at load 17; ``docker stop`` then
    waits its 10 s and kills)."""
    previous = {sig: signal.signal(sig, server.handle_exit) for sig in STOP_SIGNALS}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def open_engine(settings: Settings, *, read_only: bool = False):  # noqa: ANN201 - sqlalchemy Engine, or str
    """The store migrated to head; if that fails (server down), a plain engine so /healthz can say so.

    A store refused (a SQLite file that cannot be used: a killed writer's ``-wal`` beside a restored file, a file
    copied over it, a read-only file or mount, a disk error; ``read_only``, a plain ``serve``: a damaged file, or one
    that holds no store, as for ``status``; or a store written by a newer version, any database) is the refusal's line
    instead (said on stderr): ``serve`` then serves the feeds folder as it is, publishes nothing, runs no cycle and
    answers ``/healthz`` 503 with that line (:class:`~mofcom_watch.server.data.RefusedStore`). Was: one line and exit 3
    (2 for a newer version), which a restart policy (``restart: unless-stopped``, ``--restart=on-failure``) met with
    a new start, and the same line, for ever, while readers got no feeds at all (image33). The feeds folder is left as
    it is. A URL or driver that cannot work, or a failed migration, is one line and exit 2, as for every other
    command."""
    from storage.db import DatabaseError, NewerStore, make_engine, open_existing_store, open_store, sqlite_file
    from storage.faults import StoreUnavailable

    try:
        return (open_existing_store if read_only else open_store)(settings.database_url)
    except DatabaseError as exc:
        if isinstance(exc, NewerStore) or (isinstance(exc, StoreUnavailable)
                                           and sqlite_file(settings.database_url) is not None):
            typer.echo(f"mofcom-watch serve: {exc}", err=True)
            log(LOG, logging.ERROR, REFUSED_LOG, error=str(exc))
            return str(exc)
        if not isinstance(exc, StoreUnavailable):
            typer.echo(f"mofcom-watch serve: {exc}", err=True)
            raise typer.Exit(2) from None
        log(LOG, logging.ERROR, "database not ready; serving anyway, /healthz reports it", error=str(exc))
        return make_engine(settings.database_url)


def build_app(settings: Settings, *, schedule: bool = False, as_of=None, preview: bool = False):  # noqa: ANN001, ANN201
    """The app for these settings; with ``schedule`` a BackgroundScheduler runs cycles in-process; ``preview``: the
    feeds folder is serve's own for a past day (:func:`own_folder`), its publishes logged as previews."""
    from mofcom_watch.server import create_app
    from mofcom_watch.server.data import StoreData
    from mofcom_watch.storewrite import fault_mark

    engine = open_engine(settings, read_only=not schedule)
    if isinstance(engine, str):  # refused: the folder's files served as they are, /healthz 503 saying why
        from mofcom_watch.server.data import RefusedStore

        # serve tries the store again (its cure done: an accepted run, the newer image's derive), serving it once it
        # opens; with --schedule its cycles start then (quiet46's open B: it had to be restarted, session 47)
        reopen = functools.partial(_reopened, settings, as_of, preview, schedule)
        return create_app(feeds_dir=settings.feeds_path, feeds_base_url=settings.feeds_base_url,
                          data=RefusedStore(engine, reopen, scheduled=schedule), stale_after=stale_after(settings)[0], as_of=as_of,
                          links_configured=bool(settings.public_base_url))
    refresher = _refresher(settings, engine, as_of, preview)
    if refresher.store_busy():  # another writer mid-transaction: the publish would wait its busy timeout (twice, as
        # the failed attempt is recorded), and serve came up a minute late: it serves the files last published now
        log(LOG, logging.WARNING, "the store is write-locked by another process: serving the feeds last published; "
            "they are published again once the lock is released", db=redact_url(settings.database_url))
        refresher.refresh_in_background(force=True)
    else:
        refresher.refresh(force=True)  # the first request already finds the store's feeds
    cycles = _cycles(settings, as_of, refresher) if schedule else None
    from mofcom_watch.watched import watched_sources

    return create_app(
        feeds_dir=settings.feeds_path,
        feeds_base_url=settings.feeds_base_url,
        data=StoreData(engine, watched_sources(settings)),
        stale_after=stale_after(settings)[0],  # as status judges the last run (mofcom_watch.config.stale_after)
        as_of=as_of,
        refresher=refresher,
        links_configured=bool(settings.public_base_url),  # else a reader by another address is said (other_host)
        fault_mark=fault_mark(settings.database_url, settings.data_dir),  # a run's store fault (mofcom_watch.storewrite)
        **(cycles.app_args() if cycles is not None else {}),
    )


@dataclass(frozen=True)
class Cycles:
    """``serve --schedule``'s in-process cycles: the scheduler (not started), its runner and its database wait."""

    scheduler: Any
    runner: Any  # scheduler.CycleRunner
    wait: Any  # scheduler.DatabaseWait

    def app_args(self) -> dict[str, Any]:
        """What ``create_app`` (and a refused store's reopen, ``server.app._reopen_refused``) takes of them."""
        runner = self.runner
        return {"scheduler": self.scheduler, "last_cycle_hint": lambda: runner.last_success,
                "last_failure": lambda: _failed(runner.last), "database_wait": self.wait}


def _cycles(settings: Settings, as_of, refresher) -> Cycles:  # noqa: ANN001 - date | None, FeedRefresher
    """The scheduler of ``serve --schedule``'s cycles, publishing through ``refresher`` when its database was waited
    for; built at start, or when a store refused at start opens (:func:`_reopened`)."""
    from mofcom_watch.scheduler import WAIT_FOR_DATABASE, CycleRunner, DatabaseWait, make_scheduler, real_cycle
    from scraper.stop import StopRequest

    stop = StopRequest()  # set by the server's stop (DatabaseWait.cancel): a running cycle ends at its next page
    runner = CycleRunner(real_cycle(settings, as_of=as_of, stop=stop), stop=stop)
    # the cycle at start waits for a database server not answering yet, as schedule's does (in the cycle thread)
    wait = DatabaseWait(settings.database_url, runner, WAIT_FOR_DATABASE if settings.run_at_start else 0.0,
                        ready=refresher.refresh, stop=stop)
    scheduler = make_scheduler(wait, cron=settings.cron, timezone=settings.timezone, background=True,
                               run_at_start=settings.run_at_start)
    return Cycles(scheduler, runner, wait)


def _refresher(settings: Settings, engine, as_of, preview: bool):  # noqa: ANN001, ANN202 - Engine, date | None
    """The FeedRefresher publishing the store's feeds for serve (:func:`build_app`)."""
    from mofcom_watch.publish import PublishTarget
    from mofcom_watch.server.refresh import FeedRefresher

    return FeedRefresher(engine, PublishTarget.of(settings, unattended=True), lambda: as_of or clock.today(),
                         live=as_of is None, preview=preview)


def _reopened(settings: Settings, as_of, preview: bool, schedule: bool = False):  # noqa: ANN001, ANN202 - date | None; (StoreData, refresher, Cycles | None) | str
    """A store ``serve`` refused at start, tried again (``RefusedStore.reopen``): its data, refresher and (``schedule``)
    the cycles' scheduler, not started, once it opens as :func:`open_engine` opens it (the same checks; with
    ``schedule`` migrated as at start); while it is refused or its database is down, why (the line ``/healthz`` says:
    the refusal at start may since be cured and another one stand, ops46)."""
    from mofcom_watch.server.data import StoreData
    from mofcom_watch.watched import watched_sources
    from storage.db import DatabaseError, open_existing_store, open_store

    try:
        engine = (open_store if schedule else open_existing_store)(settings.database_url)
    except DatabaseError as exc:
        return str(exc)
    refresher = _refresher(settings, engine, as_of, preview)
    return StoreData(engine, watched_sources(settings)), refresher, _cycles(settings, as_of, refresher) if schedule \
        else None


def host_port(host: str, port: int) -> str:
    """``host:port`` as a URL writes it: an IPv6 address in brackets (``[::1]:8080``; was ``::1:8080``, cli36)."""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def listen(host: str, port: int) -> list[socket.socket]:
    """Sockets bound to every address ``host`` names (as asyncio's server binds them), before anything is published
    or logged as served (it was found only after the store's feeds had been published and "serving" logged): a port
    in use is one line and exit 3 at once, a resource another process holds as a locked store is (it was 2, as a
    typo; cli30), an address that cannot be bound exit 2; and port 0 becomes the port the system chose, which every
    link then names (the first address's, taken by the others). An IPv6 socket beside an IPv4 one (no host: both
    wildcards) takes IPv6 only, as asyncio's does; the IPv6 wildcard alone (``--host ::``) takes IPv4 too (ops49: it
    took IPv6 only, while every link named ``localhost``, 127.0.0.1 here: the links led nowhere)."""
    try:
        infos = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        say(f"cannot serve on {host_port(host, port)}: {exc.strerror}")
        raise typer.Exit(2) from None
    sockets: list[socket.socket] = []
    v6_only = any(info[0] == socket.AF_INET for info in infos)
    try:
        for family, kind, proto, _name, address in dict.fromkeys(infos):
            sock = socket.socket(family, kind, proto)
            sockets.append(sock)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, int(v6_only))
            if sockets[0] is not sock:  # port 0: every address on the port the first one got
                address = (address[0], sockets[0].getsockname()[1], *address[2:])
            sock.bind(address)
            sock.listen(socket.SOMAXCONN)  # from now on a request waits for the server instead of being refused
            sock.set_inheritable(True)
    except OSError as exc:
        for sock in sockets:
            sock.close()
        if exc.errno == errno.EADDRINUSE:  # a resource another process holds, as a locked store is: exit 3 (was 2)
            say(f"cannot serve on {host_port(host, port)}: the port is in use by another process (another "
                "serve?): stop it, or choose another --port (--port 0 takes any free one)")
            raise typer.Exit(RESOURCE_EXIT) from None
        say(f"cannot serve on {host_port(host, port)}: {exc.strerror or exc} (choose another --host or "
            "--port; --port 0 takes any free one)")
        raise typer.Exit(USAGE) from None
    return sockets


def _failed(outcome) -> str | None:  # noqa: ANN001 - scheduler.CycleOutcome | None
    """A /healthz problem for the in-process scheduler's last cycle when it failed (not when it was skipped)."""
    if outcome is None or outcome.ok or outcome.skipped or outcome.stopped or not outcome.error:
        return None
    return f"the last cycle failed at {outcome.started:%Y-%m-%d %H:%M %Z}: {outcome.error}"


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def _serve(
        ctx: typer.Context,
        host: Optional[str] = typer.Option(None, "--host", help="Address to listen on (default: config http.host, env MOFCOM_WATCH_HOST, else 127.0.0.1)."),
        port: Optional[int] = typer.Option(None, "--port", help="Port to listen on (default: config http.port, env MOFCOM_WATCH_PORT, else 8080); "
                                           "0: any free port, which the log line 'serving url=' names."),
        schedule: bool = typer.Option(False, "--schedule", help="Also run cycles on the configured cron schedule (the cycle at "
                                      "start waits up to 2 minutes for a database server not answering yet; "
                                      "/healthz says so, 503)."),
        cron: Optional[str] = typer.Option(None, "--cron", help="Cron expression for --schedule (default: config schedule.cron, else */30 * * * *)."),
        as_of: Optional[str] = typer.Option(None, "--as-of", help="Show the state as of this date, YYYY-MM-DD, not after today (a "
                                              "later day: the pages' ?as_of=, or feeds --out; default: today in Beijing time)."),
    ) -> None:
        """Serve the feeds (ETag, 304, gzip), a front page, /feeds.opml and /healthz; --schedule runs the cycles too."""
        if cron is not None and not schedule:  # was ignored without a word: no cycle ever ran on it (cli30)
            typer.echo("mofcom-watch serve: --cron takes effect only with --schedule (serve runs no cycles without "
                       "it): add --schedule, or leave --cron out", err=True)
            raise typer.Exit(2)
        actx = app_context(ctx)
        settings = with_flags(actx.settings, http_host=host, http_port=port, cron=cron)  # 0: bound below
        day = parse_as_of(as_of)
        refuse_future("serve", day, f"serve publishes the store's feeds as of that day into its feeds folder "
                      f"{settings.feeds_path}, which readers follow; serve without --as-of and see that day on the pages "
                      f"with ?as_of={day} (/entity/KEY?as_of={day}), or write its feeds to a folder of their own with "
                      f"'mofcom-watch feeds --as-of {day} --out DIR'")
        if schedule:
            refuse_past("serve --schedule", day, PAST_CYCLES.format(live=settings.feeds_path, day=day))
            exit_on_unknown_hosts("serve --schedule", settings.base_urls)
            exit_on_unknown_sources("serve --schedule", settings.sources)
            warn_short_stale("serve --schedule", settings)
            exit_on_missing_db_folder("serve --schedule", settings)
        if not schedule:  # read-only: a mistyped --db must not create an empty store to serve
            from storage.db import MissingDatabase, require_existing

            try:
                require_existing(settings.database_url)
            except MissingDatabase as exc:
                say(str(exc))
                raise typer.Exit(2) from None
        sockets = listen(settings.http_host, settings.http_port)
        if settings.http_port == 0:  # from the flag, the file or the environment: the port the system chose, the one
            bound = sockets[0].getsockname()[1]  # every link names (its origin stays where the 0 came from)
            settings = settings.with_overrides(settings.origin("http_port"), http_port=bound)
        with contextlib.ExitStack() as cleanup:
            live = settings.feeds_path
            if before_today(day):  # that day's feeds in a folder of its own, gone when serve stops (see own_folder)
                assert day is not None
                settings = own_folder(settings, day, cleanup)
            serve_until_stopped(settings, actx.verbosity, sockets, schedule=schedule, as_of=day, live=live)


def own_folder(settings: Settings, day: date, cleanup: contextlib.ExitStack) -> Settings:
    """The settings of a plain ``serve --as-of <a past day>``: its feeds go to a temporary folder of its own, served
    from there and removed when it stops. Published into the configured feeds folder, which readers (and a cron
    ``run``) follow, that day's state took back every item published since (``feeds`` and ``run`` refuse it)."""
    import tempfile

    try:
        folder = cleanup.enter_context(tempfile.TemporaryDirectory(prefix=f"{OWN_FOLDER_PREFIX}{day}-"))
    except OSError as exc:
        typer.echo(f"mofcom-watch serve: cannot make a folder for the feeds of {day}: {exc.strerror or exc}", err=True)
        raise typer.Exit(RESOURCE_EXIT) from None
    return with_flags(settings, feeds_dir=folder)


def serve_until_stopped(settings: Settings, verbosity: int, sockets: list[socket.socket], *, schedule: bool,
                        as_of: date | None, live: Path) -> None:
    """Publish the store's feeds into ``settings.feeds_path`` and serve until SIGTERM; ``live``: the configured feeds
    folder (another one for a past day: see :func:`own_folder`)."""
    import uvicorn

    day = as_of
    try:
        settings.feeds_path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # serve anyway: each publish retries, /healthz says why it fails
        log(LOG, logging.ERROR, "cannot create the feeds folder", feeds=str(settings.feeds_path),
            error=exc.strerror or str(exc))
    try:
        application = build_app(settings, schedule=schedule, as_of=day, preview=settings.feeds_path != live)
    except KeyboardInterrupt as exc:  # a stop during the publish at start ends serve as any stop of it does: exit 0
        # (was 143, read as a crash by a supervisor; ops39 B3). The publish left the folder whole and said so.
        log(LOG, logging.INFO, "stopped before serving, during the publish at start: the next start publishes again",
            signal=exc.name if isinstance(exc, Terminated) else "SIGINT")
        return
    if settings.feeds_path != live:
        log(LOG, logging.INFO, "a past day's feeds: published into a folder of their own, served from there; the feeds folder is left as it is",
            as_of=day.isoformat() if day else None, feeds=str(settings.feeds_path), feeds_dir=str(live))
    if settings.links_name_localhost:
        log(LOG, logging.WARNING, "the links in the feeds, the OPML and the pages name localhost, which readers on "
            "other machines cannot follow: set public_base_url (MOFCOM_WATCH_PUBLIC_URL) to the address they use",
            feeds_url=settings.feeds_base_url, host=settings.http_host)
    if settings.feeds_url_outside_serve:
        log(LOG, logging.WARNING, "public_base_url (MOFCOM_WATCH_PUBLIC_URL) does not end in /feeds/, where serve "
            "serves the feeds: every feed link names that folder, which answers 404 unless a proxy maps it to "
            "serve's /feeds/ (for a proxy mapping https://example.org/mofcom/ to serve's /, set "
            "https://example.org/mofcom/feeds/)", feeds_url=settings.feeds_base_url)
    server = uvicorn.Server(uvicorn.Config(application, host=settings.http_host, port=settings.http_port,
                                           log_config=None, access_log=verbosity > 0, server_header=False,
                                           timeout_keep_alive=KEEP_ALIVE_SECONDS))
    from mofcom_watch.exits import stop_signals

    hangup = signal.SIGHUP in stop_signals()  # (not when started ignoring it: nohup)
    previous = signal.signal(signal.SIGHUP, lambda _sig, frame: server.handle_exit(signal.SIGTERM, frame)) \
        if hangup else None  # a stop as SIGTERM's (uvicorn handles SIGINT and SIGTERM only; was: died at once)
    try:
        with stopped_by_signal_exits_zero(server):  # from the line on, a stop is a clean stop (ops49: 143 or 0)
            log(LOG, logging.INFO, "serving", url=settings.serve_url,
                feeds=str(settings.feeds_path), feeds_url=settings.feeds_base_url, schedule=schedule,
                cron=settings.cron if schedule else None, db=redact_url(settings.database_url))
            server.run(sockets=sockets)
    except SystemExit as exc:  # uvicorn exits 3 when it cannot start
        if exc.code not in (None, 0):
            say(f"cannot serve on {host_port(settings.http_host, settings.http_port)} "
                "(see the error above; choose another --host/--port)")
            raise typer.Exit(2) from None
        raise
    finally:
        if hangup:
            signal.signal(signal.SIGHUP, previous)
        for sock in sockets:
            sock.close()
