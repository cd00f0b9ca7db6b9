"""`mofcom-watch run`: one fetch-parse-diff-publish cycle (``mofcom_watch.cycle.run_cycle``).

Exit 0 when the run was clean, 1 when a source had problems, a health issue is open, the engine reports a problem
(an unresolved reference, a feed not built: what makes ``status`` exit 1) or a disk of the store or the feeds is nearly
full (``status``'s DISK NEARLY FULL),
2 for bad options, an unusable database, a watchlist it cannot read (the other feeds published all the same) or
an empty store that would blank a feeds folder with items, 3 when a resource fails (disk full, read-only store,
database gone, the run lock not freed in time).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, List, Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from mofcom_watch import term
from mofcom_watch.clock import AS_OF_NOW_HELP, parse_as_of, parse_fetched_at, refuse_future, refuse_past_in_live, today
from mofcom_watch.context import app_context
from mofcom_watch.exits import exit_on_missing_db_folder, exit_on_resource_fault, exit_on_unknown_hosts, first_on_stop
from mofcom_watch.lazygroup import importing
from mofcom_watch.tables import print_fitted

if TYPE_CHECKING:
    from mofcom_watch.config import Settings
    from mofcom_watch.cycle import CycleResult

SINCE_FIRST = 1990  # --since: the first year a backfill may walk back to; the last is this year (Beijing's)


def _base_urls(values: list[str]) -> dict[str, str]:
    """``--base-url HOST=URL`` pairs, a URL checked as ``[base_urls]`` is (``config.url_problem``). Was: the scheme
    alone: ``HOST=http://127.0.0.1:abc/`` ran the cycle to an InvalidURL, exit 4 ("a bug"), and ``HOST=https://`` was
    said not to start with https:// (docs34)."""
    from mofcom_watch.config import url_problem
    from scraper.fetch.urls import BaseUrlError, parse_base_url

    out: dict[str, str] = {}
    for value in values:
        given = value.partition("=")[2].strip()
        if given and (why := url_problem(given)) is not None:
            raise typer.BadParameter(f"--base-url {value!r}: {why}", param_hint="--base-url")
        try:
            host, url = parse_base_url(value)
        except BaseUrlError as exc:
            raise typer.BadParameter(str(exc), param_hint="--base-url") from None
        if out.get(host, url) != url:  # (cli37: the last was fetched from, the first dropped without a word)
            raise typer.BadParameter(f"{host} is given twice, {out[host]} and {url}: give one URL for a host",
                                     param_hint="--base-url")
        out[host] = url
    return out


def _parsed(result: CycleResult) -> str:
    """How many pages were parsed, articles and index pages apart: one changed article can mean two parses, its
    own and that of an index that shows its title (the policy list does), never the same page twice."""
    if not result.parsed:
        return "0"
    articles, indexes = result.parsed - result.parsed_indexes, result.parsed_indexes
    return (f"{result.parsed} ({articles} article{'s' if articles != 1 else ''}, "
            f"{indexes} index page{'s' if indexes != 1 else ''})")


def run_json(result: CycleResult) -> dict[str, Any]:
    """What ``run`` prints (each source's counts and failures, the totals, the problems, the open issues), whole: no
    "+N more", no first ten only."""
    return {
        "run_id": result.run_id, "as_of": result.as_of.isoformat(), "ok": result.ok,
        "sources": [{"name": s.name, "mode": str(s.mode), "fetched": s.counts.fetched, "new": s.counts.new,
                     "changed": s.counts.changed, "unchanged": s.counts.unchanged, "failed": s.counts.failed,
                     "links": s.counts.links, "failures": [f.to_json() for f in s.failures], "notes": list(s.notes),
                     "warnings": [w.to_json() for w in s.warnings]}
                    for s in result.sources],
        "requests": result.requests, "not_modified": result.not_modified, "bodies": result.bodies,
        "body_bytes": result.body_bytes,
        "parsed": {"pages": result.parsed, "articles": result.parsed - result.parsed_indexes,
                   "index_pages": result.parsed_indexes},
        "events": {"new": result.new_events, "corrected": result.corrected_events},
        "feed_files_written": list(result.published),
        "problems": list(result.problems),
        "notes": list(result.notes),
        "open_issues": list(result.open_issues),
        "held_back": list(result.held_back), "withheld": list(result.withheld),
        "low_space": list(result.low_space),
    }


def print_summary(result: CycleResult, console: Console) -> None:
    from mofcom_watch.cycle import SourceMode  # the fetcher's module loads only when a run starts

    table = Table(title=f"run {result.run_id} (as of {result.as_of})", show_lines=False)
    for column in ("source", "mode", "fetched", "new", "changed", "unchanged", "failed", "links"):
        table.add_column(column, justify="right" if column not in ("source", "mode") else "left")
    below: list[str] = []
    for s in result.sources:
        # the URL fetched, and the official page it stands for where it was a mirror's (--base-url, [base_urls]). Was:
        # the official URL alone, though the connection refused was the mirror's (ops46, ops47)
        problems = [f"{f.reason} {result.tried(f.url)}" + (f" (for {f.url})" if result.tried(f.url) != f.url else "")
                    for f in s.failures[:3]]
        if len(s.failures) > 3:
            problems.append(f"+{len(s.failures) - 3} more")
        c = s.counts
        table.add_row(term.shown(s.name), s.mode, str(c.fetched), str(c.new), str(c.changed), str(c.unchanged),
                      str(c.failed), str(c.links))
        if s.mode is SourceMode.SKIPPED:  # "skipped: NAME: not fetched: …" (was "problem: NAME: …" beside "clean")
            below.extend(f"skipped: {s.name}: {note}" for note in s.notes)
            continue
        below.extend(f"problem: {s.name}: {problem}" for problem in problems)
    print_fitted(console, table, drop=("links", "unchanged", "fetched", "mode", "changed", "new"))
    for line in below:  # each problem a line of its own, its URL whole (soft-wrapped on a terminal, copied as one). Was: a
        # "problems" cell: into a pipe (cron's mail, a log) it drew the boxed table ~480-1,440 columns wide (user43's B); on
        # an 80-column terminal it folded each URL over 18-cell lines and hid the other columns
        console.print(Text(term.shown(line)), soft_wrap=True)
    console.print(
        f"requests {result.requests} (304: {result.not_modified}), bodies {result.bodies} "
        f"({result.body_bytes} bytes), parsed {_parsed(result)}; events new {result.new_events}, "
        f"corrected {result.corrected_events}; feed files written {len(result.published)}"
    )
    for line in result.problems:
        console.print(Text(term.shown(line), style="yellow"))
    for line in result.low_space:  # as status says it (exit 1): the next run or publish may fail
        console.print(Text(term.shown(f"DISK NEARLY FULL: {line}"), style="red"))
    for line in result.notes:  # read right, failing nothing
        console.print(Text(term.shown(f"note: {line}"), style="yellow"))
    for s in result.sources:  # read right, failing nothing: status and /healthz say them until a run does not see them
        for w in s.warnings:
            console.print(Text(term.shown(f"warning: {s.name}: {w.detail}"), style="yellow"))
    if result.open_issues:
        console.print(f"[red]{len(result.open_issues)} open source-health issue(s)[/red] (mofcom-watch status)")
        details = result.open_issue_details or ("",) * len(result.open_issues)
        for key, detail in list(zip(result.open_issues, details))[:10]:  # the key alone said nothing (user42's B)
            console.print(Text(f"  {term.shown(key)}" + (f": {term.shown(detail)}" if detail else "")))
        if len(result.open_issues) > 10:
            console.print(Text(f"  +{len(result.open_issues) - 10} more"))
    skipped = [s.name for s in result.sources if s.mode is SourceMode.SKIPPED]
    not_fetched = f" ({', '.join(skipped)} not fetched: see above)" if skipped else ""  # (the exit code as before)
    console.print(f"clean{not_fetched}" if result.ok else f"[red]problems reported[/red]{not_fetched}")


def _note_store_fault(settings: Settings, exc: BaseException) -> None:
    """A fault of the store itself (not the run lock, the clock or the feeds folder): said beside the SQLite file, or
    in the data folder for a database server, for ``status`` and ``/healthz`` (:mod:`mofcom_watch.storewrite`), as
    the store could not record it."""
    from mofcom_watch.storewrite import fault_mark, note_run_fault
    from storage.faults import store_fault

    fault = store_fault(exc, settings.database_url)  # (a StoreUnavailable itself, or a database error said as one)
    if fault is not None:
        note_run_fault(fault_mark(settings.database_url, settings.data_dir), str(fault))


def register(app: typer.Typer) -> None:
    @app.command("run")
    def run(
        ctx: typer.Context,
        since: Optional[int] = typer.Option(None, "--since", help="Walk every index page back to this YEAR, "
                                            f"from {SINCE_FIRST} to this year (backfill; default: only a source's first run walks back, to config fetch.since "
                                            "or the source's own first year)."),
        base_url: List[str] = typer.Option([], "--base-url", metavar="HOST=URL",
                                           help="Fetch HOST from URL instead (a mirror or local copy). Repeatable, beside config [base_urls] (default: those, else the live sites). "
                                                "A source none of whose hosts has a base URL is skipped, and what it could falsify (a lapse, a countdown) is held back, as a source left out by --source is."),
        as_of: Optional[str] = typer.Option(None, "--as-of", help=AS_OF_NOW_HELP + " A past day only with --out DIR; before the day the store was last "
                                              "synced as of, its pages are stored, not what it derives."),
        out: Optional[Path] = typer.Option(None, "--out", help="Feeds folder (default: the configured feeds_dir)."),
        source: List[str] = typer.Option([], "--source", help="Only these sources (names). Repeatable (default: config fetch.sources, else every source). "
                                         "What the sources left out could falsify (a lapse, a countdown: an answer there may extend the suspension) "
                                         "is held back, said in a note, unless each had a clean run today (the as-of day): the last of a day's "
                                         "split runs publishes it. Held past that day: a problem (exit 1) naming the source."),
        progress: Optional[bool] = typer.Option(None, "--progress/--no-progress",
                                                help="Progress bar (default: on a terminal)."),
        fetched_at: Optional[str] = typer.Option(None, "--fetched-at",
                                                 help="Fetch time to record for every page (ISO 8601; not more than a day after now); default now."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON (each source's counts and failures, the totals, "
                                     "the problems) instead of the table."),
    ) -> None:
        """Fetch the sites, store new or changed pages, derive events, publish the feeds."""
        with importing():
            from mofcom_watch.cycle import run_cycle
            from scraper.sources import SourceConfigError, load_sources
            from scraper.stop import StopRequest
            from storage.db import DatabaseError
            from storage.faults import StoreUnavailable
            from storage.watchlist import WatchlistError

        if since is not None and not SINCE_FIRST <= since <= today().year:  # here: click's min/max print x<=
            raise typer.BadParameter(f"{since} is not a year from {SINCE_FIRST} to this year, {today().year} (a "
                                     "backfill walks back to a year that has been)", param_hint="'--since'")
        settings = app_context(ctx).settings
        from mofcom_watch.config import default_links_warning, port_0_problem

        if (linkless := port_0_problem(settings)) is not None:
            typer.echo(f"mofcom-watch run: {linkless}", err=True)
            raise typer.Exit(2)
        day = parse_as_of(as_of)
        refuse_future("run", day, "a run stores what it derives and publishes it, so readers would get the items of a "
                      "day that has not come (and retractions if it comes otherwise); run without --as-of, and see "
                      f"that day with 'mofcom-watch status --as-of {day}' or 'mofcom-watch feeds --as-of {day} --out "
                      "DIR' (a folder of its own; nothing is stored then)")
        refuse_past_in_live("run", day, out or settings.feeds_path, settings.feeds_path)
        overrides = _base_urls(base_url)
        try:
            sources = load_sources(tuple(source) or settings.sources)
            not_run = tuple(s.name for s in load_sources(settings.sources) if s.name not in source) if source else ()
        except SourceConfigError as exc:
            typer.echo(f"mofcom-watch run: {exc}", err=True)
            raise typer.Exit(2)
        exit_on_unknown_hosts("run", {**settings.base_urls, **overrides})
        if out is not None and out.exists() and not out.is_dir():  # a typo, as feeds says it: before any fetch
            typer.echo(f"mofcom-watch run: --out {out} exists and is not a folder", err=True)
            raise typer.Exit(2)
        exit_on_missing_db_folder("run", settings)  # (after the other input's checks: the store is opened next)
        waiting = f"mofcom-watch run: waiting up to {settings.lock_wait_seconds:.0f} s for the run lock: "
        stop = StopRequest()  # a stop signal ends the fetches in flight too (exits.first_on_stop)
        try:
            with first_on_stop(stop.set, holds=stop.hold):  # (the crawl: raised as it ends, StopRequest.quiet)
                result = run_cycle(settings, as_of=day, since=since, backfill=since is not None,
                                   base_urls=overrides or None, out_dir=out, sources=sources, progress=progress,
                                   fetched_at=parse_fetched_at(fetched_at), lock_wait=settings.lock_wait_seconds,
                                   on_lock_wait=lambda held: typer.echo(f"{waiting}{held}", err=True), stop=stop,
                                   not_run=not_run)
        except (DatabaseError, WatchlistError) as exc:
            if isinstance(exc, StoreUnavailable):
                _note_store_fault(settings, exc)
                exit_on_resource_fault("mofcom-watch run", exc)
            typer.echo(f"mofcom-watch run: {exc}", err=True)
            raise typer.Exit(2)
        except Exception as exc:  # noqa: BLE001 - a resource fault is one line; anything else goes on up
            _note_store_fault(settings, exc)
            exit_on_resource_fault("mofcom-watch run", exc, db_url=settings.database_url,
                                   feeds_dir=out or settings.feeds_path)
        from mofcom_watch.storewrite import checkpoint_store, clear_run_fault, fault_mark
        from storage.db import sqlite_file

        clear_run_fault(fault_mark(settings.database_url, settings.data_dir))  # the cycle ran to its end: written
        unchecked = checkpoint_store(sqlite_file(settings.database_url))  # (a failure: said after the result)
        if as_json:
            typer.echo(term.json_text(run_json(result)))
        else:
            print_summary(result, term.console())
        if result.refused_blank is not None:  # a wrong store, most likely: exit 2, as feeds without --allow-empty
            typer.echo(f"mofcom-watch run: {result.refused_blank}", err=True)
            raise typer.Exit(2)
        unset = default_links_warning(settings, out or settings.feeds_path) if result.published else None
        if result.broken_watchlist is not None:  # input to fix: exit 2, once everything else was published
            typer.echo(f"mofcom-watch run: {result.broken_watchlist.removeprefix('WatchlistError: ')} (the other "
                       "feeds were published; the watchlist feed keeps its last files)", err=True)
        if unchecked is not None:  # the store is whole with its -wal: a warning, the exit as the run's
            typer.echo(f"mofcom-watch run: warning: {term.shown(unchecked)}", err=True)
        if unset is not None:  # on each publish with no public_base_url (after a fault's own line): cron mails it
            typer.echo(f"mofcom-watch run: warning: {term.shown(unset)}", err=True)
        raise typer.Exit(2 if result.broken_watchlist is not None else 0 if result.ok else 1)
