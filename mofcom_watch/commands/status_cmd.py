"""`mofcom-watch status [--as-of DATE] [--json]`: per notice and list, the state as of a day.

Exit 0 when all is clean; 1 when source-health issues are open or a reference
cannot be resolved (both printed loudly after the table); 2 for a bad date or a
database that cannot be opened. A source's warnings (an index redirected out of its
column) are printed too, and leave the exit code alone.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text
from sqlalchemy import func, select

from mofcom_watch import term
from mofcom_watch.clock import AS_OF_HELP, as_of_or_today, note_future
from mofcom_watch.context import app_context
from mofcom_watch.sessions import open_session
from mofcom_watch.tables import Column, TableText, print_fitted, print_table
from storage.health import LastRunFailed, SourceCheck, last_run_failures, source_checks
from storage.heldsteps import StepDecision, step_decisions
from storage.models import SourceRun
from storage.notices import count_read
from storage.publications import PublishRecord, last_publication
from storage.records import ListingState, StatusRow
from storage.reviews import Acceptance, GoneCheck, Reading, acceptances, gone_checks, read_pages
from storage.status import StatusReport, status_report
from storage.vocabulary import as_utc, by_words, list_name, ministry_of, row_label, state_json, until_words

STATE_STYLES = {ListingState.LAPSED: "bold yellow", ListingState.SUSPENDED: "cyan", ListingState.LIFTED: "green",
                ListingState.REMOVED: "green", ListingState.IN_FORCE: "red", ListingState.ANNOUNCED: "magenta"}
SOURCE_COLUMNS = (Column("source"), Column("last checked"), Column("index last changed"))
# on a terminal too narrow for the table, these columns are hidden first; what an officer needs (notice, list,
# state, since, until and the deciding notice, "by") stays: where it does not fit, one listing a block
STATUS_DROP = ("number", "entities", "issuer", "days left")




def report_json(report: StatusReport) -> dict:
    return {
        "as_of": report.as_of.isoformat(),
        "ok": report.ok,
        "listings": [state_json(r) for r in report.rows],  # one shape with timeline --json's
        "health_issues": [
            {"source": h.source, "kind": h.kind, "detail": h.detail, "url": h.url, "notice_key": h.notice_key,
             "first_seen": h.first_seen.isoformat() if h.first_seen else None,
             "last_seen": h.last_seen.isoformat() if h.last_seen else None}
            for h in report.health
        ],
        "warnings": [
            {"source": w.source, "detail": w.detail, "url": w.url,
             "first_seen": w.first_seen.isoformat() if w.first_seen else None,
             "last_seen": w.last_seen.isoformat() if w.last_seen else None}
            for w in report.warnings
        ],
        "unresolved_references": [
            {"id": e.id, "source_key": e.source_key, "title": e.title, "summary": e.summary} for e in report.unresolved
        ],
        "problems": list(report.problems),
        "notes": list(report.notes),
        # the items the last sync held back: their listings' states are derived, not published (unconfirmed)
        "held_back": {"sources": list(report.held.sources),
                      "items": [{"id": e.id, "notice_key": e.notice_key, "list": e.list.value if e.list else None,
                                 "title": e.title} for e in report.held.items]},
    }


def print_item(console: Console, line: Text) -> None:
    """One entry under a heading (SOURCE HEALTH, WARNINGS, …), indented 2: on a terminal its wrapped lines indented 4,
    under it (they went back to column 0 at 80 columns, "20 (file:texts/…; page SHA-256 …)" read as a line of its own:
    user47); into a pipe, one line as before."""
    if not console.is_terminal:
        console.print(Text("  ") + line)
        return
    for i, part in enumerate(line.wrap(console, max(console.width - 4, 20))):
        console.print(Text("    " if i else "  ") + part, overflow="ignore", crop=False, no_wrap=True)


def print_report(report: StatusReport, console: Console, *, all_clear: bool = True, notices: int = 0) -> None:
    """``all_clear``: nothing else is wrong (a failed fetch or publish, a full disk): only then the green line.
    ``notices``: how many the store holds (no row with some stored: none was in effect or announced on the day)."""
    shown = term.shown  # every string below may quote a page
    table = Table(title=f"Listings (MOFCOM, MFA) as of {report.as_of.isoformat()}", show_lines=False)
    for col in ("notice", "number", "issuer", "list", "state", "since", "until", "days left", "entities", "by"):
        table.add_column(col, justify="right" if col in ("days left", "entities") else "left")
    for r in report.rows:
        table.add_row(
            shown(r.notice_key), shown(r.number), ministry_of(r.issuer) or "", list_name(r.list), _state(report, r),
            r.since.isoformat() if r.since else "", until_words(r.until, r.lapses_on) if r.until else "",
            "" if r.days_left is None else str(r.days_left), str(r.entity_count), shown(r.by),
        )
    print_fitted(console, table, drop=STATUS_DROP, blocks=True, dense=lambda: dense_table(report))
    if not report.rows and notices:  # cli35: --as-of 1999-01-01 said "No listings stored yet" of a full store
        console.print(f"No listing in effect or announced as of {report.as_of.isoformat()} ({notices} notices "
                      "stored).")
    elif not report.rows:
        console.print("No listings stored yet: run `mofcom-watch replay DIR` or `mofcom-watch run` first.")
    lapsed = [r for r in report.rows if r.state is ListingState.LAPSED]
    if lapsed:
        console.print(f"[bold yellow]{len(lapsed)} suspension(s) lapsed with no newer notice: presumed back in "
                      "force, needs review.[/]")
    if report.held.items:  # the states so marked are derived, not published (a source may hold what changes them)
        console.print(Text(shown(report.held.line()), style="bold red"))
    if report.health:
        console.print(f"[bold red]SOURCE HEALTH: {len(report.health)} open issue(s)[/]")
        for h in report.health:
            where = f" ({h.url})" if h.url and h.url not in h.detail else ""
            print_item(console, Text(shown(f"{h.source}: {h.kind}: {h.detail}{where}"), style="red"))
    if report.warnings:
        console.print(f"[bold yellow]WARNINGS: {len(report.warnings)} (read right, failing nothing; each clears with "
                      "the next run that does not see it)[/]")
        for w in report.warnings:
            print_item(console, Text(shown(f"{w.source}: {w.detail}"), style="yellow"))
    if report.unresolved:
        console.print(f"[bold red]UNRESOLVED REFERENCES: {len(report.unresolved)}[/]")
        for e in report.unresolved:
            print_item(console, Text(shown(f"{e.summary}"), style="red"))
    others = [p for p in report.problems if not any(p.startswith(f"{e.source_key}:") for e in report.unresolved)]
    if others:
        console.print(f"[bold red]PROBLEMS: {len(others)}[/]")
        for p in others:
            console.print(Text(shown(f"  {p}"), style="red"))
    for p in report.notes:
        console.print(Text(shown(f"  note: {p}"), style="yellow"))
    if report.ok and all_clear:
        console.print("[green]No open health issues, no unresolved references.[/]")


HELD_WORDS = " (held back: unconfirmed, not published)"  # a state whose items the last sync held back


def _state(report: StatusReport, r: StatusRow) -> Text:
    """A row's state, marked where the last sync held back its items (``storage.status.HeldBack``)."""
    state = Text(row_label(r), style=STATE_STYLES.get(r.state, ""))
    if report.held.of(r.notice_key, r.list):
        state.append(HELD_WORDS, style="bold red")
    return state


def dense_table(report: StatusReport) -> Table:
    """The listings in four columns, for a terminal too narrow for the table (80 columns): the deciding notice under
    the state ("lifted" / "by QA-2025-11-05-68a81f8d", left out where it is the listing's own notice), the end under
    the start ("2025-11-10" / "until 2026-11-27 inclusive"). Was: below 104 columns, one listing a block (user39)."""
    shown = term.shown
    table = Table(title=f"Listings (MOFCOM, MFA) as of {report.as_of.isoformat()}", show_lines=False)
    for col in ("notice", "list", "state, by", "since, until"):
        table.add_column(col)
    for r in report.rows:
        state = _state(report, r)
        if words := by_words(r, r.notice_key):
            state.append(f" {shown(words)}")
        since = r.since.isoformat() if r.since else ""
        until = f"\nuntil {until_words(r.until, r.lapses_on)}" if r.until else ""  # its own line, "until" on it
        table.add_row(shown(r.notice_key), list_name(r.list), state, since + until)
    return table


def print_records(heading: str, records: list[tuple[datetime, str]], console: Console) -> None:
    """A person's recorded decisions (``mofcom-watch accept``): a bold heading counting them, then one line each, when
    and what; nothing when there are none."""
    if not records:
        return
    console.print(f"[bold]{heading.format(n=len(records))}[/]")
    for moment, detail in records:
        console.print(Text(term.shown(f"  {moment:%Y-%m-%d %H:%M} UTC: {detail}")))


def print_decisions(reviewed: list[Acceptance], readings: list[Reading], gone: list[GoneCheck],
                    console: Console, steps: list[StepDecision] | None = None) -> None:
    """The notices read from a copy a person accepted after review, and apart those whose accepted copy reads as no
    notice (the notice taken off its page: settle60); the pages the parser refused that a person read, still serving
    that copy (what the feeds do not contain); the pages a person checked gone that have not answered
    since (the notices they held still read from the copies stored before); the held steps a person published or
    dismissed (``storage.heldsteps``)."""
    print_records("ACCEPTED AFTER REVIEW: {n} notice(s) read from a copy a person accepted",
                  [(a.accepted_at, a.detail) for a in reviewed if not a.withdrawn], console)
    print_records("TAKEN OFF ITS PAGE, ACCEPTED AFTER REVIEW: {n} notice(s) whose accepted copy reads as no notice "
                  "(their readings withdrawn, their items retracted)",
                  [(a.accepted_at, a.detail) for a in reviewed if a.withdrawn], console)
    print_records("READ BY A PERSON, NOT BY THIS PARSER: {n} page(s) the parser refused; nothing of them is in the "
                  "feeds", [(r.read_at, r.detail) for r in readings], console)
    print_records("CHECKED GONE BY A PERSON: {n} page(s) answering 404 or 410; what they held stays as read",
                  [(c.checked_at, c.detail) for c in gone], console)
    print_records("HELD STEPS DECIDED BY A PERSON: {n} step(s) a page held, published or dismissed",
                  [(d.at, d.detail) for d in steps or ()], console)


def last_changed(source: SourceCheck) -> datetime | None:
    """When one of ``source``'s index pages last changed (its newest copy stored). A source answering every run whose
    indexes stopped changing weeks ago published nothing there, or is served from a frozen copy (a cache); no rate is
    known to judge it by (the MFA's column may rest for months), so ``status`` says it, never a problem (health46: only
    ``--json``'s per-index ``stored_at`` told it)."""
    return max((i.stored_at for i in source.indexes if i.stored_at is not None), default=None)


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


@dataclass(frozen=True)
class Activity:
    """When the sources were last fetched and the feeds last published: two different things."""

    last_fetch: datetime | None
    last_publish: PublishRecord | None
    last_good_publish: PublishRecord | None
    sources: tuple[SourceCheck, ...] = ()  # when each fetched source last answered (200 or 304)
    low_space: tuple[str, ...] = ()  # disks of the store or the feeds folder nearly full (mofcom_watch.diskspace)
    unwritable: str | None = None  # the SQLite store cannot be written: every run fails (mofcom_watch.storewrite)
    store_fault: str | None = None  # the last run stopped on a fault of the store, recording nothing (storewrite)
    not_checkpointed: str | None = None  # the last run could not checkpoint the store (storewrite): a problem
    notices: int = 0  # notices stored: none is no all-clear (nothing fetched yet, or --db names another store)
    last_run_failed: tuple[LastRunFailed, ...] = ()  # sources whose last run could not fetch, not yet "failing"
    failing_failed: tuple[str, ...] = ()  # sources already "failing" (SOURCE HEALTH) whose last run could not fetch
    # those of them the configuration no longer fetches (mofcom_watch.watched): said, failing nothing
    unwatched: tuple[LastRunFailed, ...] = ()
    run_lock_stuck: str | None = None  # the run lock's holder is stopped or silent (storage.runlock.stuck)
    unpublished: str | None = None  # the last run logged no publish (storage.publications.unpublished_run)
    stopped: str | None = None  # the last run was ended by a stop signal before it published: said, no problem
    stale: str | None = None  # the last run finished too long ago: cron stopped (mofcom_watch.clock.stale_run)
    stale_after: timedelta | None = None  # the threshold it was judged by (None: stale_after_minutes = 0, not judged)
    stale_check_off: str | None = None  # the line saying the age check is off (config.STALE_CHECK_OFF)
    last_preview: PublishRecord | None = None  # the newest preview (serve --as-of a past day), said apart, never judged
    feeds_gone: str | None = None  # the live folder the last successful publish wrote is gone or emptied (feeds_gone)

    @classmethod
    def of(cls, session, live: Path | None = None) -> Activity:  # noqa: ANN001 - a Session
        """``live``: the configured feeds folder, which readers follow: its publishes are judged, not another's."""
        fetched = session.scalar(select(func.max(SourceRun.finished_at)))
        return cls(as_utc(fetched) if fetched else None, last_publication(session, folder=live),
                   last_publication(session, ok=True, folder=live), source_checks(session),
                   notices=count_read(session),
                   last_run_failed=last_run_failures(session), failing_failed=failing_last_failed(session),
                   last_preview=last_publication(session, preview=True))

    @property
    def newer_preview(self) -> PublishRecord | None:
        """The newest preview when it came after the last live publish: what was published last, named a preview."""
        preview, live = self.last_preview, self.last_good_publish
        return preview if preview is not None and (live is None or preview.finished_at > live.finished_at) else None

    @property
    def empty_store(self) -> str | None:
        """The line for a store that holds no notice: 'status' of it listed nothing and exited 0, an all-clear."""
        if self.notices:
            return None
        return ("NO NOTICES: the store holds no notice: nothing was fetched or replayed into it yet ('mofcom-watch "
                "run'), or --db names another store; nothing listed here is no all-clear")

    @property
    def publish_failed(self) -> bool:
        return self.last_publish is not None and not self.last_publish.ok

    @property
    def ok(self) -> bool:
        return not self.problem_lines()

    def problem_lines(self) -> list[str]:
        """What makes ``status`` exit 1 besides the listings' own problems, as the table says it (and ``--json``
        in ``problems``, with ``"ok": false``)."""
        lines = []
        if self.publish_failed and self.last_publish is not None:
            lines.append(f"LAST PUBLISH FAILED at {self.last_publish.finished_at:%Y-%m-%d %H:%M} UTC "
                         f"({self.last_publish.target}): {self.last_publish.error}")
        if self.unwritable:
            lines.append(f"STORE NOT WRITABLE: {self.unwritable}")
        if self.store_fault:
            lines.append(f"LAST RUN COULD NOT WRITE THE STORE: {self.store_fault}")
        # a problem, not a warning (health44): its cause (a size limit, a quota, a disk fault) stops the runs once the
        # -wal cannot grow, and a backup of the file alone is a broken store; a monitor reading the exit code alone
        # (cron's MAILTO, a probe of /healthz) heard nothing of either until then
        if self.not_checkpointed:
            lines.append(f"STORE NOT CHECKPOINTED: {self.not_checkpointed}")
        lines += [f"DISK NEARLY FULL: {line}" for line in self.low_space]
        if self.feeds_gone:
            lines.append(f"FEEDS FOLDER GONE: {self.feeds_gone}")
        lines += [f"LAST RUN FAILED: {failed.line}" for failed in self.last_run_failed]
        if self.run_lock_stuck:
            lines.append(f"RUN LOCK STUCK: {self.run_lock_stuck}")
        if self.unpublished:
            lines.append(f"LAST RUN DID NOT PUBLISH: {self.unpublished}")
        if self.stale:
            lines.append(self.stale)
        if self.empty_store:
            lines.append(self.empty_store)
        return lines

    def to_json(self) -> dict[str, object]:
        return {"last_fetch": self.last_fetch.isoformat() if self.last_fetch else None,
                "last_publish": self.last_publish.to_json() if self.last_publish else None,
                "last_successful_publish": self.last_good_publish.to_json() if self.last_good_publish else None,
                "sources": [{**c.to_json(), "last_changed": _iso(last_changed(c))} for c in self.sources],
                "low_space": list(self.low_space), "feeds_gone": self.feeds_gone,
                "store_unwritable": self.unwritable, "run_store_fault": self.store_fault,
                "store_not_checkpointed": self.not_checkpointed,
                "notices": self.notices, "last_run_failed": [f.to_json() for f in self.last_run_failed],
                "no_longer_watched": [f.to_json() for f in self.unwatched],
                "run_lock_stuck": self.run_lock_stuck, "unpublished_run": self.unpublished,
                "stopped_run": self.stopped,
                "last_run_stale": self.stale,
                "stale_after_seconds": int(self.stale_after.total_seconds()) if self.stale_after else None,
                "stale_check": self.stale_check_off or "on",
                "last_preview": {**self.newer_preview.to_json(), "folder_gone": bool(preview_gone(self.newer_preview))}
                if self.newer_preview else None}

    def print(self, console: Console) -> None:
        def when(moment: datetime | None) -> str:
            return f"{moment:%Y-%m-%d %H:%M} UTC" if moment else "never"

        # "last fetch: 09:03" read as a fetch done after a run that could fetch nothing (no network, user41): it is
        # when a source's run last finished, whatever it got; how many of them got nothing is said beside it
        # user42: it counted only the sources not yet failing (4 of 6 down); those are under SOURCE HEALTH, above
        failed = could_not_fetch(len(self.failing_failed), len(self.last_run_failed))
        console.print(f"last run of the sources: {when(self.last_fetch)}{failed}; last successful publish: "
                      f"{when(self.last_good_publish.finished_at if self.last_good_publish else None)}"
                      + (f" to {term.shown(self.last_good_publish.target)}" if self.last_good_publish else ""))
        if (preview := self.newer_preview) is not None:  # not the live feeds: a line of its own, judged by nothing
            console.print(f"last preview (a day's view in a folder of its own, not the live feeds): "
                          f"{when(preview.finished_at)} to {term.shown(preview.target)}{preview_gone(preview)}")
        if self.sources:  # fetched sources (a replayed store has none)
            print_table(console, TableText("Sources, last checked (an index answered 200 or 304) and when an index last "
                                           "changed", SOURCE_COLUMNS,
                                           [(term.shown(c.source), when(c.last_checked), when(last_changed(c)))
                                            for c in self.sources]))
        if self.stale_check_off:  # said, not a problem: the operator's choice (one line, not silence)
            console.print(Text(self.stale_check_off))
        if self.stopped:  # said, not a problem: a requested stop (docker stop) before the last run published
            console.print(Text(term.shown(self.stopped)))
        for gone in self.unwatched:  # said, not a problem: no run fetches it now
            console.print(Text(term.shown(unwatched_line(gone)), style="yellow"))
        for line in self.problem_lines():
            console.print(Text(term.shown(line), style="bold red"))


def could_not_fetch(failing: int, fresh: int) -> str:
    """The words after the last run's time: how many sources got nothing, and where each kind is listed."""
    where = ([f"{failing} in SOURCE HEALTH above"] if failing and fresh else ["SOURCE HEALTH above"] if failing else [])
    where += [f"{fresh} LAST RUN FAILED below" if failing else "LAST RUN FAILED below"] if fresh else []
    return f" ({failing + fresh} could not fetch: {', '.join(where)})" if where else ""


def failing_last_failed(session) -> tuple[str, ...]:  # noqa: ANN001 - a Session
    """The sources with an open ``failing`` issue whose newest run could not fetch either (not in
    ``last_run_failures``, which leaves them to that issue)."""
    from storage.health import READ_FAILURES, UNUSABLE_REASONS, previous_runs
    from storage.models import HealthIssue
    from storage.vocabulary import FailureReason, HealthKind

    def fetched_nothing(run: SourceRun) -> bool:  # (as last_run_failures judges a run)
        return not run.ok and any(f.get("reason") not in UNUSABLE_REASONS | READ_FAILURES
                                  and f.get("reason") != FailureReason.ZERO_LINKS for f in run.failures or [])

    failing = session.scalars(select(HealthIssue.source).where(
        HealthIssue.kind == HealthKind.FAILING, HealthIssue.resolved_at.is_(None)).distinct())
    return tuple(sorted(name for name in failing if (runs := previous_runs(session, name, 1)) and fetched_nothing(runs[0])))


def unwatched_line(failed: LastRunFailed) -> str:
    from mofcom_watch.watched import NO_LONGER_WATCHED

    return NO_LONGER_WATCHED.format(source=failed.source, when=f" at {failed.at:%Y-%m-%d %H:%M} UTC" if failed.at else "",
                                    failed=failed.failed, reasons=", ".join(failed.reasons))


def watched_only(activity: Activity, watched: frozenset[str] | None) -> Activity:
    """``activity`` with the failed last runs of sources the configuration no longer fetches moved to ``unwatched``."""
    if watched is None:
        return activity
    return replace(activity, last_run_failed=tuple(f for f in activity.last_run_failed if f.source in watched),
                   failing_failed=tuple(name for name in activity.failing_failed if name in watched),
                   unwatched=tuple(f for f in activity.last_run_failed if f.source not in watched))


def preview_gone(preview: PublishRecord) -> str:
    """Words for a preview's folder no longer there, or "": ``serve --as-of`` a past day removes its own when it stops.
    Was: the folder named as if it held the preview (user47)."""
    folder = Path(preview.target)
    if folder.is_dir():
        return ""
    from mofcom_watch.commands.serve_cmd import OWN_FOLDER_PREFIX

    if folder.name.startswith(OWN_FOLDER_PREFIX):
        return " (removed since: a serve --as-of removes its folder when it stops)"
    return " (that folder is gone now)"


def live_folder(session, last: PublishRecord | None, configured: Path) -> Path | None:  # noqa: ANN001 - a Session
    """The folder the last publish readers follow went to, for the default-links note: the configured one, or one a
    run published into (``run --out DIR`` from cron); None for none, or for a folder ``feeds --out`` wrote for the
    user, which said its own note then (cli37/docs37: after the README's ``feeds --out out/feeds`` the note named
    ``data/feeds``, a folder the store never published into, which held nothing)."""
    from storage.models import Publication
    from storage.publications import folder_targets

    if last is None:
        return None
    if last.target in folder_targets(configured):
        return configured
    folder = Path(last.target)  # a run's live publish there (mofcom_watch.publish.published_live, in this transaction)
    by_run = select(Publication.id).where(Publication.target.in_(folder_targets(folder)), Publication.ok.is_(True),
                                          Publication.run_id.is_not(None), Publication.preview.is_not(True)).limit(1)
    return folder if session.scalar(by_run) is not None else None


def register(app: typer.Typer) -> None:
    @app.command("status")
    def _status(
        ctx: typer.Context,
        as_of: Optional[str] = typer.Option(None, "--as-of", help=AS_OF_HELP),
        as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
    ) -> None:
        """Per notice and list: current state, since when, until when, days left; then health problems."""
        day = as_of_or_today(as_of)
        note_future("status", day)
        engine, session = open_session(ctx, read_only=True)
        try:
            report = status_report(session, day)
            activity = Activity.of(session, app_context(ctx).settings.feeds_path)
            from storage.publications import unpublished_said
            from storage.runlock import running, stuck

            unpublished, stopped = unpublished_said(session, app_context(ctx).settings.feeds_path,
                                                    running=running(engine))
            activity = replace(activity, run_lock_stuck=stuck(engine), unpublished=unpublished, stopped=stopped)
            reviewed = acceptances(session, current_only=True)
            readings = read_pages(session, current_only=True)
            gone = gone_checks(session, current_only=True)
            decided = step_decisions(session)
            links_folder = live_folder(session, activity.last_good_publish, app_context(ctx).settings.feeds_path)
            from mofcom_watch.watched import newest_run_sources

            ran_last = newest_run_sources(session)
        finally:
            session.close()
            engine.dispose()
        from mofcom_watch.clock import stale_run
        from mofcom_watch.config import default_links_warning, stale_after
        from mofcom_watch.diskspace import feeds_gone, low_space
        from mofcom_watch.storewrite import checkpoint_said, fault_mark, run_fault_said, unwritable_store
        from mofcom_watch.watched import watched_sources
        from storage.db import sqlite_file

        settings = app_context(ctx).settings
        configured = watched_sources(settings)
        activity = watched_only(activity, None if configured is None else configured | ran_last)
        threshold, why = stale_after(settings)
        store_file = sqlite_file(settings.database_url)
        activity = replace(activity, low_space=tuple(low_space((store_file, settings.feeds_path))),
                           feeds_gone=feeds_gone(activity.last_good_publish, settings.feeds_path),
                           unwritable=unwritable_store(store_file),
                           store_fault=run_fault_said(fault_mark(settings.database_url, settings.data_dir),
                                                      activity.last_fetch),
                           not_checkpointed=checkpoint_said(store_file),
                           stale=None if threshold is None else stale_run(activity.last_fetch, datetime.now(UTC),
                                                                          threshold, why),
                           stale_after=threshold, stale_check_off=None if threshold is not None else why)
        if as_json:
            out = dict(report_json(report), **activity.to_json(), accepted_reviews=[a.to_json() for a in reviewed],
                       read_by_person=[r.to_json() for r in readings], checked_gone=[c.to_json() for c in gone],
                       held_step_decisions=[d.to_json() for d in decided])
            if not activity.ok:  # was "ok": true beside a failed publish or a full disk (exit 1 all the same)
                out.update(ok=False, problems=[*out["problems"], *activity.problem_lines()])
            typer.echo(term.json_text(out))
        else:
            print_report(report, term.console(), all_clear=activity.ok, notices=activity.notices)
            print_decisions(reviewed, readings, gone, term.console(), decided)
            activity.print(term.console())
            if links_folder is not None and (unset := default_links_warning(settings, links_folder)) is not None:
                term.console().print(Text(term.shown(f"note: {unset}"), style="yellow"))  # not a problem: exit as is
        raise typer.Exit(0 if report.ok and activity.ok else 1)
