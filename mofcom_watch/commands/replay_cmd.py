"""`mofcom-watch replay DIR`: ingest a saved-site tree, run the lifecycle engine, print what is stored.

``DIR/<host>/<path>`` becomes ``https://<host>/<path>``; any other file a
``file:<relative path>`` URL. One transaction per page; re-running adds nothing.
Exit 0 clean, 1 when a page was unusable (or failed) or a notice's entity count
differs from the count it states or two URLs of a replayed notice disagree (an open alias
conflict, which status and run report too) or a page replayed served a copy older than its stored one (an open
older-copy issue, not taken; probe48) or a notice read with no number of its own lists entities or takes steps
(a no-number issue, storage.unkeyed) or a file was skipped (a link out of DIR, larger than
fetch.max_body_bytes, a link to a folder, to nothing or in a loop, no regular file, a folder it may not list), 2 for a missing or unreadable DIR, 3 when the store cannot be written
(disk full, read-only, gone) or another writer kept the run lock past lock_wait_seconds.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Optional

import typer
from rich.text import Text
from sqlalchemy import select
from sqlalchemy.orm import Session

from mofcom_watch import term
from mofcom_watch.clock import AS_OF_HELP, after_today, as_of_or_today, note_future, parse_fetched_at
from mofcom_watch.context import app_context
from mofcom_watch.exits import exit_on_missing_db_folder, exit_on_resource_fault
from mofcom_watch.personread import read_again
from mofcom_watch.pipeline import (
    PageRole,
    PageRouter,
    Pipeline,
    ReplayReader,
    SkippedFile,
    joined_pages,
    replay_content_type,
    replay_paths,
    saved_page,
    stored_first,
    stored_owners,
    stored_part,
)
from mofcom_watch.publish import PublishResult, publish
from mofcom_watch.tables import Column, TableText, print_table
from scraper.sources import SourceConfigError, load_sources
from storage.db import WRITE_LOCK, DatabaseError, open_store, session_factory, sqlite_file
from storage.derived import synced_as_of
from storage.faults import StoreUnavailable
from storage.models import HealthIssue
from storage.news import link_news, reported_only
from storage.notices import NoticeLine, load_lines
from storage.outcomes import PageOutcome, PageResult
from storage.records import ListingState, NoticeRef
from storage.runlock import make_holder, run_lock
from storage.unkeyed import say_unkeyed
from storage.vocabulary import JOINED_TYPE, HealthKind, state_label


@dataclass(frozen=True)
class ReplaySummary:
    pages: int
    new: int  # notices not stored before
    changed: int  # stored notices whose substance changed
    unchanged: int  # pages whose bytes were already stored, read as before
    unusable: tuple[str, ...]  # URLs (unusable or failed pages)
    mismatched: tuple[str, ...]  # notice keys whose parsed count differs from the stated count
    conflicts: tuple[str, ...] = ()  # open alias conflicts of the notices replayed: what status and run report
    older: tuple[str, ...] = ()  # open older-copy issues of the pages replayed (a page's copy older than its stored one)
    # the pages none of the counts above takes (order30 B4: an alias page counted nowhere, "1 pages: 0 new, 0 changed,
    # 0 unchanged, 0 unusable"): usable, neither new nor changed, bytes not stored before
    urls_added: tuple[tuple[str, str], ...] = ()  # (notice key, URL): a page the stored notice did not have
    copies: int = 0  # a stored notice's page read anew (other bytes), the notice unchanged
    other: int = 0  # index pages, news and other pages with bytes not stored before
    joined: int = 0  # pages read as later pages or annex pages of a notice, joined to its first page (scraper.joined)

    def line(self) -> str:
        """The summary line ``replay`` prints."""
        added = sorted({key for key, _ in self.urls_added})
        extra = [f"{len(self.conflicts)} alias conflict{'s' if len(self.conflicts) != 1 else ''}"] if self.conflicts else []
        if self.older:
            extra.append(f"{len(self.older)} older cop{'ies' if len(self.older) != 1 else 'y'} of a stored page, not taken")
        if added:
            more = f", and {len(added) - URL_KEYS_LISTED} more" if len(added) > URL_KEYS_LISTED else ""
            extra.append(f"{len(self.urls_added)} added a URL to a stored notice "
                         f"({', '.join(added[:URL_KEYS_LISTED])}{more})")
        if self.copies:
            extra.append(f"{self.copies} {'copies' if self.copies != 1 else 'copy'} of a stored notice read anew, the same")
        if self.other:
            extra.append(f"{self.other} index or other page{'s' if self.other != 1 else ''}")
        if self.joined:
            extra.append(f"and {self.joined} read as a later or annex page of a notice, joined to its first page")
        return (f"{self.pages} pages: {self.new} new, {self.changed} changed, {self.unchanged} unchanged, "
                f"{len(self.unusable)} unusable" + "".join(f", {part}" for part in extra))


URL_KEYS_LISTED = 5  # notice keys the summary line names as given a URL; the rest are counted


def summarise(results: list[PageResult], records: dict[str, NoticeLine],
              conflicts: dict[str, str] | None = None) -> ReplaySummary:
    """``conflicts``: the open alias-conflict issues' details by notice key (:func:`alias_conflicts`): a notice
    whose pages disagree is reported whether this replay stored the page that disagrees or read it as before."""
    touched = {r.notice_key for r in results if r.outcome is PageOutcome.NOTICE and r.notice_key}
    mismatched = tuple(sorted(key for key in touched if key in records and records[key].count_mismatch))
    replayed = {r.notice_key for r in results if r.notice_key}
    rest = [r for r in results if r.usable and not (r.new or r.changed or r.same_bytes)]
    return ReplaySummary(
        urls_added=tuple((r.notice_key, r.url) for r in rest if r.url_added and r.notice_key),
        copies=sum(r.outcome is PageOutcome.NOTICE and not r.url_added for r in rest),
        other=sum(r.outcome is not PageOutcome.NOTICE for r in rest),
        pages=len(results),
        new=sum(r.new for r in results),
        changed=sum(r.changed for r in results),
        unchanged=sum(r.same_bytes and not r.new and not r.changed for r in results),
        unusable=tuple(f"{r.url} ({r.outcome}: {r.detail})" for r in results if not r.usable),
        mismatched=mismatched,
        conflicts=tuple(detail for key, detail in sorted((conflicts or {}).items()) if key in replayed),
    )


def _open_issues(session: Session, kind: HealthKind) -> list[tuple[str | None, str | None, str]]:
    """(notice key, URL, detail) of the open issues of one kind: one read of the few open ones."""
    issues = HealthIssue.__table__.c
    return [tuple(row) for row in session.execute(select(issues.notice_key, issues.url, issues.detail).where(
        issues.kind == kind.value, issues.resolved_at.is_(None)).order_by(issues.key))]


def alias_conflicts(session: Session, keys: set[str]) -> dict[str, str]:
    """The open alias-conflict issues of these notices (two URLs of one notice that disagree), detail by key."""
    return {key: detail for key, _, detail in _open_issues(session, HealthKind.ALIAS_CONFLICT) if key in keys}


def older_copies(session: Session, urls: set[str]) -> tuple[str, ...]:
    """The open older-copy issues of these pages: a copy replayed that is older than the page's stored one is not
    taken, and is a problem as ``run`` and ``status`` say it (probe48: replay said nothing, exit 0)."""
    return tuple(detail for _, url, detail in _open_issues(session, HealthKind.OLDER_COPY) if url in urls)


NOTICE_COLUMNS = (Column("notice"), Column("list", drop=2), Column("published", drop=3), Column("effective"),
                  Column("number / title", wrap=True, max_width=40, drop=5),
                  Column("entities", wrap=True, max_width=36, drop=4),
                  Column("state"), Column("warnings", wrap=True, drop=1))  # drop: hidden first on a narrow terminal


def _table(records: list[NoticeLine], states: dict[str, str]) -> TableText:
    rows = []
    for r in records:
        rows.append(tuple(map(term.shown, (
            r.key, r.list.value if r.list else "", r.published.isoformat() if r.published else "", r.effective,
            r.number or r.title, _entities_cell(r), states.get(r.key, ""), "; ".join(r.warnings)))))
    return TableText("Stored notices", NOTICE_COLUMNS, rows)


def _states(derived: PublishResult) -> dict[str, list[ListingState]]:
    """Per notice key, its lists' states, each once, in the engine's order."""
    states: dict[str, list[ListingState]] = {}
    for key, state in derived.derivation.rows.keyed_states() if derived.derivation is not None else ():
        if state not in states.setdefault(key, []):
            states[key].append(state)
    return states


def _state_words(derived: PublishResult) -> dict[str, list[str]]:
    """Per notice key, its lists' states in the words ``status`` says them ("investigation closed (not a listing)", not
    "lifted"), each once: the table's cell and ``--json``'s ``state_labels`` alike (story42 changed the table alone)."""
    words: dict[str, list[str]] = {}
    for key, word in derived.derivation.rows.keyed_words() if derived.derivation is not None else ():
        words.setdefault(key, []).append(word)
    return {k: list(dict.fromkeys(v)) for k, v in words.items()}


def _notice_json(r: NoticeLine, states: list[ListingState], words: list[str] | None = None) -> dict[str, Any]:
    """A row of the table as data: what each cell says, its parts apart (no "3/5", no joined states)."""
    return {"key": r.key, "list": r.list.value if r.list else None,
            "published": r.published.isoformat() if r.published else None, "effective": r.effective,
            "number": r.number, "title": r.title, "entities": r.entity_count, "stated_count": r.stated_count,
            "acts_on": list(dict.fromkeys(_ref_label(t) for t in r.targets)),
            "states": [state.value for state in states], "state_labels": words if words is not None else [state_label(state) for state in states],
            "warnings": list(r.warnings)}


def replay_json(summary: ReplaySummary, records: list[NoticeLine], states: dict[str, list[ListingState]],
                as_of: date, problems: list[str], notes: Sequence[str] = (),
                words: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """What ``replay`` prints (the summary line, the problems, the table of notices), for a program to read."""
    by_key = {r.key: r for r in records}
    return {
        "as_of": as_of.isoformat(), "ok": not problems,
        "pages": summary.pages, "new": summary.new, "changed": summary.changed, "unchanged": summary.unchanged,
        "unusable": list(summary.unusable), "alias_conflicts": list(summary.conflicts),
        "older_copies": list(summary.older), "joined_pages": summary.joined,
        "urls_added": [{"key": key, "url": url} for key, url in summary.urls_added],
        "copies_read_anew": summary.copies, "other_pages": summary.other,
        "count_mismatches": [{"key": key, "entities": by_key[key].entity_count,
                              "stated_count": by_key[key].stated_count} for key in summary.mismatched],
        "problems": problems,
        "notes": list(notes),  # read right: said, and "ok" as without them
        "notices": [_notice_json(r, states.get(r.key, []), None if words is None else words.get(r.key, []))
                    for r in records],
    }


def _ref_label(ref: NoticeRef) -> str:
    if ref.key:
        return ref.key
    if ref.date:
        return f"listed {ref.date.isoformat()}" + (f" ({ref.count})" if ref.count else "")
    return ref.text


def _entities_cell(r: NoticeLine) -> str:
    """Parsed/stated for a listing; for a Q&A, the notices it acts on (it names no entities itself)."""
    if r.list is None and not r.entity_count and not r.targets:
        return "none (not a list notice)"
    if r.lists_entities or not r.has_actions:
        return f"{r.entity_count}/{r.stated_count}" if r.stated_count is not None else str(r.entity_count)
    targets = dict.fromkeys(_ref_label(t) for t in r.targets)
    return "acts on " + ", ".join(targets) if targets else str(r.entity_count)


def register(app: typer.Typer) -> None:
    @app.command("replay")
    def _replay(
        ctx: typer.Context,
        directory: Path = typer.Argument(..., help="Saved pages: DIR/<host>/<path>, other files become file: URLs."),
        fetched_at: Optional[str] = typer.Option(None, "--fetched-at", help="Fetch time to record (ISO 8601; not more than a day after now); default now."),
        as_of: Optional[str] = typer.Option(None, "--as-of", help=AS_OF_HELP + " The pages are stored whatever the "
                                            "day; what is derived for a later day, or for one before the day the "
                                            "store was last synced as of, is not."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON (the counts, the problems, every stored notice) "
                                     "instead of the table."),
    ) -> None:
        """Ingest every saved page under DIR (one transaction per page), run the engine, print the notices."""
        out, err = term.console(), term.console(stderr=True)
        moment = parse_fetched_at(fetched_at) or datetime.now(timezone.utc).replace(microsecond=0)  # whole seconds, like run
        day = as_of_or_today(as_of)
        preview = after_today(day)
        if not directory.is_dir() or not os.access(directory, os.R_OK | os.X_OK):
            typer.echo(f"mofcom-watch replay: {directory} is not a readable directory", err=True)
            raise typer.Exit(2)
        passed_over: list[str] = []  # (said as skipped files: exit 1)
        settings = app_context(ctx).settings
        try:
            files = replay_paths(directory, passed_over, store=sqlite_file(settings.database_url))
        except OSError as exc:
            typer.echo(f"mofcom-watch replay: cannot read {directory}: {exc}", err=True)
            raise typer.Exit(2) from None
        if not files:
            for line in passed_over:
                typer.echo(f"mofcom-watch replay: {term.shown(line)}", err=True)
            typer.echo(f"mofcom-watch replay: no pages under {directory} (README*, *.md and dotfiles are skipped)", err=True)
            raise typer.Exit(2)
        try:
            router = PageRouter(load_sources())
        except SourceConfigError as exc:
            typer.echo(f"mofcom-watch replay: {exc}", err=True)
            raise typer.Exit(2) from None
        exit_on_missing_db_folder("replay", settings)
        note_future("replay", day, then="; the pages are stored, nothing derived for that day is")
        try:
            engine = open_store(settings.database_url)
        except DatabaseError as exc:
            if isinstance(exc, StoreUnavailable):
                exit_on_resource_fault("mofcom-watch replay", exc)
            typer.echo(f"mofcom-watch replay: {exc}", err=True)
            raise typer.Exit(2) from None
        factory = session_factory(engine)
        ingest = Pipeline(factory, router)
        read = ReplayReader(directory, settings.max_body_bytes)
        results: list[PageResult] = []
        parts: set[str] = set()  # the pages read joined to a notice's first page (scraper.joined)
        given = {url for _, url in files}
        problems: list[str] = list(passed_over)
        told: list[str] = []  # the decrees known from a report alone (storage.news.reported_only)
        waiting = f"mofcom-watch replay: waiting up to {settings.lock_wait_seconds:.0f} s for the run lock: "
        try:
            with run_lock(engine, holder=make_holder(), wait=settings.lock_wait_seconds,
                          on_wait=lambda held: typer.echo(f"{waiting}{held}", err=True)) as lock:
                # pages a person read, judged by another parser, read by this one first, as a cycle does: a rename one
                # gives was screened only after the next run (order36 B1)
                read_again(factory, router)
                # a notice's pages (its next pages, its linked annex pages) read joined, as a run reads them
                joined, parts = joined_pages(files, read, lambda url: router.role(url) is PageRole.NOTICE,
                                             stored_part(factory), stored_first(factory), stored_owners(factory))
                with ingest.expecting(url for _, url in files if url not in parts):  # pages read as before
                    for url in [u for u in joined if u not in given]:  # a later page given alone: joined to its first
                        # page as stored (replayed before from another folder), read as a run reads it
                        results.append(ingest(saved_page(url, joined[url], moment, content_type=JOINED_TYPE)))
                    for path, url in files:
                        if url in parts:
                            continue  # read as a page of the notice it is joined to
                        if url in joined:
                            results.append(ingest(saved_page(url, joined[url], moment, content_type=JOINED_TYPE)))
                            continue
                        try:
                            raw = read(path)
                        except SkippedFile as exc:
                            problems.append(str(exc))
                            continue
                        except OSError as exc:
                            results.append(PageResult(url=url, outcome=PageOutcome.ERROR, sha256="",
                                                      detail=f"cannot read {path}: {exc.strerror}"))
                            continue
                        results.append(ingest(saved_page(url, raw, moment, content_type=replay_content_type(path))))
                lock.ensure()  # taken over meanwhile (a paused or suspended replay): the new holder derives
                with factory() as session, session.begin():
                    session.connection(execution_options=WRITE_LOCK)
                    # reports name notices that may only now be stored (as a run's cycle links them): unlinked, an English
                    # version replayed beside its Chinese notice said "reported, not yet confirmed" (story40, session 39)
                    link_news(session)
                    told = reported_only(session)  # a decree known from its English version alone: a problem
                    # a notice read with no number of its own that makes items (storage.unkeyed): a problem each
                    told += [f"no notice number: {line}" for line in say_unkeyed(session)]
                    synced = synced_as_of(session)  # a day before the store's: a view of the past, not kept
                    past = not preview and synced is not None and day < synced
                    derived = publish(session, as_of=day, target=None,  # the engine runs once (or not: no change)
                                      announce=not past)
                    records = ([NoticeLine.of(n.record) for n in derived.notices] if not derived.skipped_derive
                               else load_lines(session))  # the table needs no provenance, nor the entities
                    conflicts = alias_conflicts(session, {r.notice_key for r in results if r.notice_key})
                    older = older_copies(session, {r.url for r in results})
                    if preview or past:  # a day to come: shown, not kept (a later run would publish or retract its
                        # items); a past one likewise (kept, it undid the later day's news: "Reinstated" in the feeds)
                        session.rollback()
        except Exception as exc:  # noqa: BLE001 - a resource fault is one line; anything else goes on up
            exit_on_resource_fault("mofcom-watch replay", exc, db_url=settings.database_url)
        finally:
            engine.dispose()
        problems.extend(derived.problems)
        problems.extend(told)
        states, words = _states(derived), _state_words(derived)
        by_key = {r.key: r for r in records}
        summary = dataclasses.replace(summarise(results, by_key, conflicts), joined=len(parts & given), older=older)
        if not as_json:
            print_table(out, _table(records, {k: ", ".join(v) for k, v in words.items()}))
            out.print(summary.line())
        for line in summary.unusable:
            problems.append(f"unusable page: {line}")
        for line in summary.conflicts:
            problems.append(f"alias conflict: {line}")
        for line in summary.older:
            problems.append(f"older copy: {line}")
        for key in summary.mismatched:
            r = by_key[key]
            problems.append(f"count mismatch: {key} parsed {r.entity_count} entities, the notice states {r.stated_count}")
        if as_json:  # the problems on stderr too: a log reads them there whichever form stdout takes
            typer.echo(term.json_text(replay_json(summary, records, states, day, problems, derived.notes, words)))
        for line in problems:
            err.print(Text(term.shown(line), style="yellow"))
        for line in derived.notes:  # read right: said, and the exit code as without them
            err.print(Text(term.shown(f"note: {line}"), style="yellow"))
        if problems:
            raise typer.Exit(1)
