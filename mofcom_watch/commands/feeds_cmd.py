"""`mofcom-watch feeds [--out DIR] [--as-of DATE] [--watchlist FILE] [--base-url URL]`.

Syncs the lifecycle events, then writes every feed as ``<name>.atom``, ``<name>.rss`` and
``<name>.json`` (entity feeds under ``entity/``), and says which files changed.
Exit 0 when clean, 1 when problems were reported (unresolved references, open
source-health issues), 2 for bad input (date, watchlist file, database).
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from feeds.formats import FORMATS
from mofcom_watch import term
from mofcom_watch.clock import (
    ClockBehind,
    after_today,
    as_of_or_today,
    in_folder,
    note_future,
    refuse_future,
    refuse_past_in_live,
)
from mofcom_watch.config import default_links_warning, port_0_problem, redact_url, url_problem
from mofcom_watch.context import app_context
from mofcom_watch.exits import FEEDS_ERRNOS, exit_on_resource_fault, removed_mid_publish, say
from mofcom_watch.publish import (
    PublishResult,
    PublishTarget,
    blanked_by_empty_store,
    foreign_feeds,
    past_day,
    publish_preview,
    publish_recorded,
    published_live,
    refuse_clock_behind,
)
from mofcom_watch.sessions import open_session
from storage.health import open_health_issues
from storage.models import Notice
from storage.watchlist import WatchlistError

LIST_LIMIT = 40  # beyond this many written files, print a count instead of every path


def _open_health_count(session: Session) -> int:
    return len(open_health_issues(session))


def print_result(result: PublishResult, out_dir: Path, verbosity: int) -> None:
    def rel(p: Path) -> str:
        try:
            return str(p.relative_to(out_dir))
        except ValueError:
            return str(p)

    if verbosity >= 0:
        shown = result.written if verbosity > 0 or len(result.written) <= LIST_LIMIT else result.written[:LIST_LIMIT]
        for p in shown:
            typer.echo(f"wrote     {rel(p)}")
        if len(shown) < len(result.written):
            typer.echo(f"  ... and {len(result.written) - len(shown)} more (use --verbose to list all)")
    typer.echo(
        f"{result.feeds} feeds ({result.feeds * len(FORMATS)} files) and {result.pictures} state pictures (.svg) in {out_dir}: "
        f"{len(result.written)} written, "
        f"{len(result.unchanged)} unchanged; {result.events} items"
        + (f"; watchlist feed: {result.watchlist_items} items" if result.watchlist_items is not None else "")
    )
    if result.stale:
        typer.echo(f"note: {len(result.stale)} feed file(s) in {out_dir} are no longer produced (kept): "
                   + ", ".join(rel(p) for p in result.stale[:5]) + (" ..." if len(result.stale) > 5 else ""))


def _holds_notices(session: Session) -> bool:
    with session.begin():
        return bool(session.scalar(select(func.count()).select_from(Notice)))


def refuse_to_blank(session, out_dir: Path, database_url: str) -> None:  # noqa: ANN001 - a Session
    """Exit 2 rather than replace feeds that have items with the empty feeds of an empty store
    (a mistyped --db that opened another, empty store must not blank what readers follow)."""
    if _holds_notices(session):
        return
    with session.begin():
        full = blanked_by_empty_store(session, out_dir)
    if full:
        say(f"the store {redact_url(database_url)} holds no notices: writing would replace "
            f"{len(full)} feed file(s) in {out_dir} that have items (e.g. {full[0].name}) with empty ones; "
            "check --db, or pass --allow-empty to write them anyway")
        raise typer.Exit(2)


TAKE_OVER = "--take-over"


def refuse_foreign(sessions: sessionmaker[Session], target: PublishTarget, database_url: str) -> None:
    """Exit 2 rather than replace the feeds of another store (:func:`mofcom_watch.publish.foreign_feeds`: the
    folder's ``all.atom`` carries items of notices this store does not hold), as ``run`` refuses to. Was: ``feeds
    --out DIR`` (or into the configured folder) of a second store, a test store or a ``--db`` typo holding a few
    notices replaced every feed of the deployment publishing there (ops26's owner question 1). Nothing is logged
    in the store: this is a person at a terminal, told in one line, as for an empty store; ``--take-over`` is their
    word that this store is meant to replace the other."""
    why = foreign_feeds(sessions, target, database_url, None, record=False)
    if why is not None:
        typer.echo(f"mofcom-watch feeds: {term.shown(why)}", err=True)
        raise typer.Exit(2)


AS_OF_HELP = ("Day to publish as of, YYYY-MM-DD (default: today in Beijing time). Another day only into a folder of "
              "its own (--out), never the configured feeds folder; nothing derived for a later day is stored.")


def check_watchlist(path: Path) -> None:
    """Exit 2 for a ``--watchlist`` that cannot be read or parsed, before the store is opened: the publisher would
    record it as a failed publication, and ``status`` would say LAST PUBLISH FAILED (exit 1) until the next good
    one. A watchlist from the configuration still fails the publication, as a ``run`` would."""
    from storage.watchlist import load_watchlist

    try:
        load_watchlist(path)
    except WatchlistError as exc:
        say(term.shown(str(exc)))
        raise typer.Exit(2) from None


def default_link_note(url: str, *, given: bool, out_dir: Path, feeds_path: Path) -> str | None:
    """A note when the feeds written to a folder of their own (``--out``) link to ``serve``'s default address: no
    ``--base-url``, no ``public_base_url``; the folder is not the one ``serve`` serves, so a reader following an
    item's picture or a feed's self link reaches a host and port that may not serve these files. None otherwise."""
    if given or in_folder(out_dir, feeds_path):
        return None
    return (f"the feeds in {out_dir} link to {url} (the default: where serve serves its own feeds folder, not this "
            f"one): pass --base-url URL for where {out_dir} is served")


def register(app: typer.Typer) -> None:
    @app.command("feeds")
    def _feeds(
        ctx: typer.Context,
        out: Optional[Path] = typer.Option(None, "--out", help="Folder for the feed files (default: the configured feeds_dir)."),
        as_of: Optional[str] = typer.Option(None, "--as-of", help=AS_OF_HELP),
        watchlist: Optional[Path] = typer.Option(None, "--watchlist", help="CSV or TOML watchlist of your counterparties (default: config watchlist, else no watchlist feed)."),
        base_url: Optional[str] = typer.Option(None, "--base-url", help="Public URL of the feeds folder (self links; default: config public_base_url, else http://HOST:PORT/feeds/ of serve)."),
        allow_empty: bool = typer.Option(False, "--allow-empty",
                                         help="Write the feeds even from an empty store over feeds that have items."),
        take_over: bool = typer.Option(False, TAKE_OVER,
                                       help="Write the feeds even into a folder another store publishes into "
                                            "(its mark, .mofcom-watch-store, names another store, or its all.atom "
                                            "carries notices this store does not hold): this store takes the folder "
                                            "over, and run, schedule and serve publish there after."),
    ) -> None:
        """Write every feed (Atom, RSS, JSON Feed): all, per list, notices, per entity, watchlist, source-health, news."""
        app_ctx = app_context(ctx)
        settings = app_ctx.settings
        day = as_of_or_today(as_of)
        target = PublishTarget.of(settings, out_dir=out, base_url=base_url, watchlist=watchlist)
        out_dir = target.out_dir
        preview = after_today(day)
        if preview and in_folder(out_dir, settings.feeds_path):
            refuse_future("feeds", day, f"its feeds in the configured feeds folder {settings.feeds_path}, which readers "
                          "follow, would give them the items of a day that has not come; write them to a folder of "
                          "their own with --out DIR (nothing derived for that day is stored then)")
        refuse_past_in_live("feeds", day, out_dir, settings.feeds_path)
        if (bad_url := url_problem(target.base_url)) is not None:  # (was: only its scheme: cli34)
            say(f"--base-url {target.base_url!r} is no URL its feeds can link to: {bad_url}")
            raise typer.Exit(2)
        if (linkless := port_0_problem(settings, target.base_url)) is not None:
            typer.echo(f"mofcom-watch feeds: {linkless}, or pass --base-url", err=True)
            raise typer.Exit(2)
        if out_dir.exists() and not out_dir.is_dir():
            say(f"--out {out_dir} exists and is not a folder")
            raise typer.Exit(2)
        if watchlist is not None:  # a typo in the flag is a usage error, not a failed publication in the store
            check_watchlist(watchlist)
        note_future("feeds", day, f"what is written to {out_dir}", then="; nothing derived for that day is stored")
        linked = default_link_note(target.base_url, given=bool(base_url or settings.public_base_url), out_dir=out_dir,
                                   feeds_path=settings.feeds_path)
        unset = None if base_url or not in_folder(out_dir, settings.feeds_path) else default_links_warning(settings,
                                                                                                             out_dir)
        engine, session = open_session(ctx)
        try:
            if not allow_empty:
                refuse_to_blank(session, out_dir, settings.database_url)
            sessions = sessionmaker(engine, expire_on_commit=False)
            if not take_over and not (allow_empty and not _holds_notices(session)):  # (an empty store over
                # another's feeds: --allow-empty already said to replace them with empty ones)
                refuse_foreign(sessions, target, settings.database_url)
            past = not preview and past_day(sessions, day)
            if (preview or past) and published_live(session, out_dir):  # (cli37: the guard was the configured
                # folder's alone; `run --out /srv/feeds` from cron publishes the live feeds elsewhere)
                say(f"--as-of {day}: {out_dir} holds this store's live feeds, published there by a run (run --out), "
                    "which readers may follow: that day's feeds would "
                    + ("give them the items of a day that has not come" if preview else
                       "take back every item published since (the store is synced as of a later day)")
                    + "; write them to a folder of their own, or leave --as-of out")
                raise typer.Exit(2)
            if past and as_of is None:  # the clock, into any folder (an --as-of before today is refused above into
                # the configured one; one of today is the user's word for the day: see ClockBehind)
                refuse_clock_behind(sessions, as_of=day, target=target)
            if preview or past:
                result = publish_preview(sessions, as_of=day, target=target, past=past)
            else:
                result = publish_recorded(sessions, as_of=day, target=target, guard=not take_over)
                if result.refused is not None:  # (judged after the sync: publish.taken_back; logged as failed)
                    typer.echo(f"mofcom-watch feeds: {term.shown(result.refused)}", err=True)
                    raise typer.Exit(2)
            with session.begin():
                open_issues = _open_health_count(session)
        except WatchlistError as exc:
            say(str(exc))
            raise typer.Exit(2) from None
        except ClockBehind as exc:
            exit_on_resource_fault("mofcom-watch feeds", exc)
        except OSError as exc:  # the folder's fault (full, read-only, not ours): exit 3; else a bad --out: 2
            if exc.errno in FEEDS_ERRNOS or removed_mid_publish(exc, out_dir):
                exit_on_resource_fault("mofcom-watch feeds", exc, feeds_dir=out_dir)
            say(f"cannot write feeds to {out_dir}: {exc.strerror or exc}")
            raise typer.Exit(2) from None
        finally:
            session.close()
            engine.dispose()
        print_result(result, out_dir, app_ctx.verbosity)
        if linked is not None:  # once written (a command that fails says its one line, nothing else)
            typer.echo(f"mofcom-watch feeds: note: {term.shown(linked)}", err=True)
        if unset is not None:  # the configured folder: a warning on each publish, until public_base_url is set
            typer.echo(f"mofcom-watch feeds: warning: {term.shown(unset)}", err=True)
        for problem in result.problems:
            typer.echo(f"problem: {term.shown(problem)}", err=True)
        for note in result.notes:  # read right: said, and the exit code as without it
            typer.echo(f"note: {term.shown(note)}", err=True)
        if open_issues:
            typer.echo(f"SOURCE HEALTH: {open_issues} open issue(s); see the source-health feed or `status`", err=True)
        raise typer.Exit(1 if result.problems or open_issues else 0)
