"""`mofcom-watch review [--json]` and `mofcom-watch accept KEY SHA256`: a person's word on a held-back copy.

A newer copy of a notice page that reads less than the stored notice is held back, and every run reports it
(a page cut short, or the notice republished without some of it: only a person can tell). So is a page the parser
refuses for a person to read (needs-review: a step it saw but could not read whole), and a page answering 404
or 410 that a person should check (``accept URL gone``). ``review`` lists them: exit 0 when none is pending, 1 when some are, 2 when there is no database. ``accept`` stores the copy
named by its SHA-256 (or a prefix of at least 8 hex digits, as ``review`` shows it), derives its events and
records who accepted which copy when (``status`` shows it, the source-health feed carries it); given a refused
page's URL, it records that a person read that copy (nothing of it becomes a notice or a feed item); given a gone
page's URL and the word ``gone``, that a person checked it is gone (its listings stay as read): exit 0 done,
2 for bad input (unknown notice, another copy's SHA-256, nothing pending; nothing is written), 3 when the
store cannot be written or another writer kept the run lock past lock_wait_seconds.
"""

from __future__ import annotations

import shlex
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Optional

import typer
from rich.text import Text

from mofcom_watch import term
from mofcom_watch.clock import AS_OF_NOW_HELP, as_of_or_today, refuse_future, today
from mofcom_watch.context import app_context
from mofcom_watch.exits import USAGE, exit_on_resource_fault, say
from mofcom_watch.sessions import open_session
from mofcom_watch.tables import Column, TableText, print_table

if TYPE_CHECKING:
    from rich.console import Console
    from sqlalchemy.orm import Session

SHOWN_SHA = 16  # hex digits of a SHA-256 in the table (``--json`` gives them whole)
REVIEW_COLUMNS = (Column("notice"), Column("url", wrap=True, max_width=48, drop=4),
                  Column("would go", wrap=True, max_width=40), Column("stored SHA-256", drop=3), Column("new SHA-256"),
                  Column("first seen", drop=2), Column("last seen", drop=1))  # drop: hidden first on a narrow terminal
REFUSED_COLUMNS = (Column("url", wrap=True, max_width=48), Column("why the parser refused it", wrap=True, max_width=60),
                   Column("SHA-256"), Column("first seen", drop=2), Column("last seen", drop=1))
GONE_COLUMNS = (Column("url", wrap=True, max_width=48), Column("first seen", drop=2), Column("last seen", drop=1))
GAP_COLUMNS = (Column("index", wrap=True, max_width=48), Column("rows to read, published"), Column("SHA-256"),
               Column("first seen", drop=2), Column("last seen", drop=1))
STEP_COLUMNS = (Column("notice"), Column("step"), Column("what the page says", wrap=True, max_width=60),
                Column("url", wrap=True, max_width=48, drop=3), Column("first seen", drop=2), Column("last seen", drop=1))


def _router():  # noqa: ANN202 - a PageRouter; the sources' modules load here
    from mofcom_watch.pipeline import PageRouter
    from scraper.sources import SourceConfigError, load_sources

    try:
        return PageRouter(load_sources())
    except SourceConfigError as exc:
        say(str(exc))
        raise typer.Exit(USAGE) from None


def _when(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M} UTC"


def _read_command(url: str, sha: str) -> str:
    """The command that records a person's reading of a refused page's copy."""
    return f"mofcom-watch accept {shlex.quote(url)} {sha[:SHOWN_SHA]}"


def _step_commands(notice_key: str, step: str) -> tuple[str, str]:
    """The commands that publish a held step, and that dismiss it as no step."""
    return f"mofcom-watch accept {notice_key} {step}", f"mofcom-watch accept {notice_key} {step} --dismiss"


def _gone_command(url: str) -> str:
    """The command that records a person's check of a page gone."""
    return f"mofcom-watch accept {shlex.quote(url)} gone"


def _lapsed(session: Session) -> list[str]:
    """The listings whose suspension lapsed with no newer notice as of today: "needs review" in status and the feeds,
    so an officer runs `review` for them, which said "Nothing held back for review." alone (user41)."""
    from storage.records import ListingState
    from storage.status import listing_states

    return sorted({r.notice_key for r in listing_states(session, today()) if r.state is ListingState.LAPSED})


def _say_lapsed(out: Console, lapsed: list[str]) -> None:
    """Said after what `review` holds, never changing its exit code: no `accept` settles a lapse; a notice does."""
    if lapsed:
        out.print(Text(term.shown(
            f"Not held here, but to review: {len(lapsed)} suspension(s) lapsed with no newer notice, presumed back in "
            f"force ({', '.join(lapsed)}): `mofcom-watch status` shows each, its items are in the feeds; check the "
            "ministry's site for a notice that extends, lifts or restores them (the next run reads it)."),
            style="bold yellow"))


def _unread(session: Session, refused: list[str]) -> list[str]:
    """The pages open problems say were not read whole, other than those ``review`` lists as refused (their table says
    them): a notice read short of its stated count. ``timeline``, ``screen`` and ``evidence`` send an officer here for
    them ("until the page is read whole or a person has read it (`mofcom-watch review`, `status`)"), and `review` said
    "Nothing held back for review." alone (user44)."""
    from storage.screening import unread_pages

    return [url for url in unread_pages(session) if url not in refused]


def _say_unread(out: Console, unread: list[str]) -> None:
    """Said after what `review` holds, never changing its exit code: no `accept` settles a page read short; a whole copy
    does (the next run reads it)."""
    if unread:
        out.print(Text(term.shown(
            f"Not held here, but to review: {len(unread)} page(s) stored but not read whole ({', '.join(unread)}): an "
            "entity only such a page names is in no screening, timeline or feed; `mofcom-watch status` shows each "
            "problem; read the page at the ministry's site for the names it lists."), style="bold yellow"))


def register(app: typer.Typer) -> None:
    @app.command("review")
    def _review(
        ctx: typer.Context,
        as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
    ) -> None:
        """List what waits for a person: held-back copies, held steps, pages the parser refused, pages gone, index gaps.

        A held-back copy reads less than the stored notice (a page cut short, or the notice republished without some
        of it): it enters the feeds once a person accepts it (`accept`). A held step is one topic of a page whose
        other steps are read (a press conference's doubt): `accept KEY STEP` publishes it, `--dismiss` says it is no
        step. A refused page is one the parser saw but could not read whole (needs-review): nothing of it ever enters
        them; `accept` records that a person read it. A page gone answers 404 or 410: `accept URL gone` records that a
        person checked it. An index gap: a one-page index whose rows were all pushed off by new ones between two runs
        (an outage); `accept URL SHA256` records that a person read the rows published between on the site, and what
        they could falsify (held back until then) is published. After them, in the table only, the suspensions lapsed as of today with no newer notice
        (presumed back in force: `status --as-of D` shows them for another day), and the pages stored but not read
        whole (a notice short of its stated count: its names in no screening)."""
        from mofcom_watch.reprints import unsure_pairs
        from mofcom_watch.review import pending_reviews
        from storage.health import gap_pages, gone_pages
        from storage.heldsteps import held_steps
        from storage.reviews import refused_pages

        engine, session = open_session(ctx, read_only=True)  # a listing: never a write to the store
        try:
            pending = pending_reviews(session, _router())
            pairs = unsure_pairs(session)
            refused = refused_pages(session)
            gone = gone_pages(session)
            gaps = gap_pages(session)
            steps = held_steps(session)
            lapsed = [] if as_json else _lapsed(session)
            unread = [] if as_json else _unread(session, [r.url for r in refused] + [g.url for g in gaps]
                                                + [p.copy.url for p in pending])  # (their tables say them)
        except Exception as exc:  # noqa: BLE001 - a resource fault is one line; anything else goes on up
            exit_on_resource_fault("mofcom-watch review", exc, db_url=app_context(ctx).settings.database_url)
        finally:
            session.close()
            engine.dispose()
        if as_json:
            typer.echo(term.json_text({"pending": [p.to_json() for p in pending],
                                       "unsure_qas": [p.to_json() for p in pairs],
                                       "needs_review": [dict(r.to_json(), command=_read_command(r.url, r.sha256))
                                                        for r in refused],
                                       "gone": [dict(g.to_json(), command=_gone_command(g.url)) for g in gone],
                                       "gaps": [g.to_json() for g in gaps],
                                       "held_steps": [dict(h.to_json(), **dict(zip(("command", "dismiss_command"),
                                                                                   _step_commands(h.notice_key, h.step))))
                                                      for h in steps]}))
            raise typer.Exit(1 if pending or pairs or refused or gone or gaps or steps else 0)
        out = term.console()
        for pair in pairs:  # two Q&As that may be one, not merged: a person's word keeps them as two
            out.print(Text(term.shown(f"Not merged: {pair.detail}. If they are two Q&As, or one you accept as "
                                      f"stored twice: mofcom-watch accept {pair.keys[1]} {pair.sha256[:SHOWN_SHA]}")))
        if refused:  # pages the parser would not read: a person reads them, and says so
            rows = [tuple(map(term.shown, (r.url, r.why, r.sha256[:SHOWN_SHA], _when(r.first_seen),
                                            _when(r.last_seen)))) for r in refused]
            print_table(out, TableText("Held for a person to read: the parser refused the page (needs-review)",
                                       REFUSED_COLUMNS, rows))
            for r in refused:
                if r.earlier:  # what an earlier version read these bytes as: withdrawn now, kept for this reading
                    out.print(term.shown(f"An earlier version of this program read {r.url} as {r.earlier}: that reading "
                                         f"is withdrawn from the feeds (its items retracted) and kept in the store."))
            out.print("Nothing of these pages is in the notices or the feeds. Read each page; once you have (and done "
                      "what it asks), record that you read that copy (--note says what you did):")
            for r in refused:
                term.print_command(out, f"  {_read_command(r.url, r.sha256)}")
        if steps:  # one topic of a page held, its other steps read: a person reads that step and says what it is
            from storage.heldsteps import step_words

            rows = [tuple(map(term.shown, (h.notice_key, h.step, step_words(h.action), h.url or "", _when(h.first_seen),
                                            _when(h.last_seen)))) for h in steps]
            print_table(out, TableText("Held steps: the page's other steps are read; these wait for a person",
                                       STEP_COLUMNS, rows))
            out.print("Each is in no item until you decide. Read the page; if the authority decided the step, publish "
                      "it; if not (a doubt, a plan, a report), dismiss it (--note says why):")
            for h in steps:
                for command in _step_commands(h.notice_key, h.step):
                    term.print_command(out, f"  {command}")
        if gone:  # pages answering 404 or 410: a person checks the ministry's site, and says so
            rows = [tuple(map(term.shown, (g.url, _when(g.first_seen), _when(g.last_seen)))) for g in gone]
            print_table(out, TableText("Gone: the page answers 404 or 410 (withdrawn or moved?)", GONE_COLUMNS, rows))
            out.print("The listings of a notice such a page held stay as read. Check the ministry's site; once you "
                      "have, record it (--note says what you found):")
            for g in gone:
                term.print_command(out, f"  {_gone_command(g.url)}")
        if gaps:  # an index of one page whose rows were pushed off unread: a person reads them on the site
            rows = [tuple(map(term.shown, (g.url, f"between {g.since} and {g.until}", (g.sha256 or "?")[:SHOWN_SHA],
                                            _when(g.first_seen), _when(g.last_seen)))) for g in gaps]
            print_table(out, TableText("Index gaps: rows pushed off a one-page index unread (index-gap)", GAP_COLUMNS,
                                       rows))
            out.print("What those rows could falsify (lapses, countdowns) is held back, every run, until they are read. "
                      "Read the column's rows published between those days on the site (replay a saved page that acts "
                      "on a listed notice); once you have, accept the gap (--note says what you found):")
            for g in gaps:
                term.print_command(out, f"  {g.command}")
        if not pending:
            if not refused and not gone and not gaps and not steps:
                out.print("Nothing held back for review." if not pairs else "No copy held back for review.")
            _say_lapsed(out, lapsed)
            _say_unread(out, unread)
            raise typer.Exit(1 if pairs or refused or gone or gaps or steps else 0)
        rows = [tuple(map(term.shown, (p.copy.notice_key, p.copy.url, "、".join(p.lost),
                                        (p.copy.stored_sha256 or "")[:SHOWN_SHA], p.copy.sha256[:SHOWN_SHA],
                                        _when(p.copy.first_seen), _when(p.copy.last_seen)))) for p in pending]
        print_table(out, TableText("Held back for review: a newer copy reads less than the stored notice, or names others",
                                   REVIEW_COLUMNS,
                                   rows))
        out.print("Each is a page cut short, or the notice republished without what would go (or naming it otherwise: its "
                  "problem in `mofcom-watch status` says how). Read the page; if "
                  "the ministry did republish it, accept the copy you read:")
        for p in pending:
            term.print_command(out, f"  mofcom-watch accept {p.copy.notice_key} {p.copy.sha256[:SHOWN_SHA]}")
        for p in pending:
            if p.copy.older:  # (older-copy) not one that reads less: which copy is the notice is the person's word
                out.print(term.shown(f"{p.copy.notice_key}: {p.copy.url} serves again a copy first fetched before the "
                                     f"stored one (older-copy); if it is the ministry's text now, accept it as above."))
            if p.renumbered_as:  # a numbered notice's page answering a new number (cycles59 S18)
                out.print(term.shown(f"{p.copy.notice_key}: {p.copy.url} answers it under another number now, "
                                     f"{p.renumbered_as} (SHA-256 {p.copy.sha256[:SHOWN_SHA]}…): if the ministry "
                                     f"corrected its number, accept it as above: {p.copy.notice_key} is read as "
                                     f"{p.renumbered_as}, its items continuing under the new number (each old one "
                                     "corrected); if it is another notice's page, leave it held."))
            if p.no_notice:  # the notice taken off its page, or the page emptied: accepting it withdraws that reading
                out.print(term.shown(f"{p.copy.notice_key}: {p.copy.url} reads as no notice now (SHA-256 "
                                     f"{p.copy.sha256[:SHOWN_SHA]}…): if the ministry took the notice off the page, "
                                     "accept it as above: the page's reading is withdrawn (its items retracted, unless "
                                     "another of its pages still carries it)."))
        _say_lapsed(out, lapsed)
        _say_unread(out, unread)
        raise typer.Exit(1)

    @app.command("accept")
    def _accept(
        ctx: typer.Context,
        notice_key: str = typer.Argument(..., metavar="KEY", help="The notice, as `review` names it; or the URL of a "
                                         "page `review` lists as held for a person to read, to record that you read "
                                         "it; or an index's URL whose index-shrunk warning `status` shows, to accept "
                                         "the index as it is; or an index's URL whose index-gap problem `review` "
                                         "lists, once you read the rows published in the gap."),
        sha256: str = typer.Argument(..., metavar="SHA256",
                                     help="The copy's SHA-256, or its first 8 or more hex digits, as `review` shows it; "
                                     "or a held step's id, after its notice's key, to publish it; "
                                     "or the word gone, after a page's URL that answers 404 or 410, to record that "
                                     "you checked it is gone (withdrawn or moved)."),
        dismiss: bool = typer.Option(False, "--dismiss", help="For a held step: record that it is no step (a doubt, a "
                                     "plan, a report); nothing of it is published."),
        by: Optional[str] = typer.Option(None, "--by", metavar="WHO", help="Who accepts it (default: user@host)."),
        note: Optional[str] = typer.Option(None, "--note", metavar="WHY", help="Why, or what was done about the page, kept with the record (default: none)."),
        as_of: Optional[str] = typer.Option(None, "--as-of", help=AS_OF_NOW_HELP),
    ) -> None:
        """Accept a held-back copy or a held step after review, record that you read a refused page, or that one is gone.

        A held-back copy is stored, its events derived, and who accepted which copy recorded. A held step is
        published as one of its notice's steps (or, with --dismiss, recorded as no step). A refused page stays
        out of the notices and the feeds: the record says who read which copy, and its problem closes for those
        bytes. A page answering 404 or 410 (`accept URL gone`): its problem closes and runs stop asking for it; the
        listings of a notice it held stay as read."""
        from mofcom_watch.publish import publish
        from mofcom_watch.review import (
            GONE_WORD,
            Accepted,
            GapAccepted,
            GoneChecked,
            IndexAccepted,
            PageRead,
            Renumbered,
            ReviewError,
            StepDecided,
            accept,
            gone_check_moment,
            operator,
        )
        from storage.db import WRITE_LOCK, session_factory
        from storage.runlock import make_holder, run_lock

        day = as_of_or_today(as_of)
        refuse_future("accept", day, "accept stores the events it derives for that day, which the next run or feeds "
                      "would publish (or retract) to readers; accept without --as-of")
        settings = app_context(ctx).settings
        router = _router()
        engine, probe = open_session(ctx)  # an existing store only: a mistyped --db is exit 2, never a new file
        probe.close()
        factory = session_factory(engine)
        waiting = f"mofcom-watch accept: waiting up to {settings.lock_wait_seconds:.0f} s for the run lock: "
        at = datetime.now(timezone.utc).replace(microsecond=0)
        who = (by or "").strip() or operator()
        try:
            with run_lock(engine, holder=make_holder(), wait=settings.lock_wait_seconds,
                          on_wait=lambda held: typer.echo(f"{waiting}{held}", err=True)) as lock:
                lock.ensure()  # taken over while it waited (a paused process): the new holder writes, not this one
                if sha256.strip().casefold() == GONE_WORD:  # after any run that held the lock: see gone_check_moment
                    with factory() as session:
                        at = gone_check_moment(session, notice_key)
                with factory() as session, session.begin():
                    session.connection(execution_options=WRITE_LOCK)
                    done = accept(session, router, notice_key, sha256, by=who, at=at, note=note, dismiss=dismiss)
                    publish(session, as_of=day, target=None)  # its events, in the same transaction
        except ReviewError as exc:
            typer.echo(f"mofcom-watch accept: {exc}", err=True)
            raise typer.Exit(USAGE) from None
        except Exception as exc:  # noqa: BLE001 - a resource fault is one line; anything else goes on up
            exit_on_resource_fault("mofcom-watch accept", exc, db_url=settings.database_url)
        finally:
            engine.dispose()
        out = term.console()
        if isinstance(done, StepDecided):
            from storage.heldsteps import step_words

            h = done.step
            out.print(Text(term.shown(
                f"{'published' if done.published else 'dismissed'}: {h.notice_key}'s held step {h.step}, "
                f"{step_words(h.action)}, by {done.by} at {_when(done.at)}; its problem is closed")))
            out.print("It is read as one of the notice's steps: the next run or feeds publishes its items."
                      if done.published else "It is recorded as no step: nothing of it is published.")
            return
        if isinstance(done, GoneChecked):
            out.print(Text(term.shown(f"recorded: {done.url} checked gone by {who} at {_when(at)}; its problem is "
                                      "closed and runs no longer ask for it (an index listing it again is read afresh)")))
            out.print(Text(term.shown(
                f"Nothing is lifted or removed for a page gone: {done.notice_key}'s listings stay as read until a notice "
                "says otherwise." if done.notice_key else "It held no stored notice.")))
            for index in done.shrunk:  # a warning, failing nothing: said so that the person settles both at once
                out.print(Text(term.shown(f"The index {index} still warns that it dropped the page (index-shrunk): "
                                          "if it did so for good, accept the index as it is too (mofcom-watch status "
                                          "gives the command).")))
            return
        if isinstance(done, GapAccepted):
            out.print(Text(term.shown(f"accepted: the gap of {done.url} (the answer that showed it, SHA-256 "
                                      f"{done.sha256}): the rows pushed off it read by {done.by} at {_when(done.at)}; "
                                      "its problem is closed")))
            out.print("What it held back (lapses, countdowns) is published by the next run, unless another problem "
                      "holds it.")
            return
        if isinstance(done, IndexAccepted):
            out.print(Text(term.shown(f"accepted: {done.url} as it answers now (SHA-256 {done.sha256}): its "
                                      f"index-shrunk warning closed, by {who} at {_when(at)}; its next answers are held "
                                      "to this one")))
            return
        if isinstance(done, Renumbered):
            out.print(Text(term.shown(
                f"accepted: {done.old} renumbered in place: read as {done.new} from the copy of {done.url} (SHA-256 "
                f"{done.sha256}), revision {done.revision}; its items continue under {done.new}, each old one "
                f"corrected (\"Number corrected\")")))
            out.print(Text(term.shown(f"recorded: accepted by {done.by} at {_when(done.at)} (mofcom-watch status shows "
                                      "it; the next run or feeds publishes its items)")))
            return
        if isinstance(done, PageRead):
            r = done.page
            out.print(Text(term.shown(
                f"recorded: {r.url}, the copy first fetched {_when(r.first_seen)} (SHA-256 {r.sha256}), read by "
                f"{done.by} at {_when(done.at)}; the parser refused it: {done.why}; its problem is closed for this copy "
                "(other bytes at the URL are judged afresh)")))
            out.print("Read by a person, not by this parser: nothing of it is in the notices or the feeds "
                      "(mofcom-watch status lists it).")
            return
        if not isinstance(done, Accepted):  # an unsure pair of Q&As, kept as two notices
            out.print(Text(term.shown(f"accepted: {' and '.join(done.keys)} stay two notices, not merged (their "
                                      f"answers and changes as read now, SHA-256 {done.sha256}); recorded: by {who} "
                                      f"at {_when(at)}")))
            return
        c = done.review.copy
        if done.review.no_notice:  # a copy reading as no notice: the notice taken off its page
            out.print(Text(term.shown(
                f"accepted: {c.url} no longer carries {c.notice_key} (its copy first fetched {_when(c.first_seen)}, "
                f"SHA-256 {c.sha256}, reads as no notice); "
                + (f"{c.notice_key} is read from {done.read_from} now, which still carries it" if done.read_from else
                   f"{c.notice_key}'s reading is withdrawn: its items are retracted, saying so; no longer read: "
                   f"{'、'.join(done.review.lost)}"))))
            out.print(Text(term.shown(f"recorded: accepted by {done.by} at {_when(done.at)} (mofcom-watch status shows "
                                      "it; a copy of the page read as the notice again brings its items back)")))
            return
        out.print(Text(term.shown(
            f"accepted: {c.notice_key} is now read from the copy of {c.url} first fetched {_when(c.first_seen)} "
            f"(SHA-256 {c.sha256}), revision {done.revision}; no longer read: {'、'.join(done.review.lost)}")))
        out.print(Text(term.shown(f"recorded: accepted by {done.by} at {_when(done.at)} (mofcom-watch status shows "
                                  "it; the next run or feeds publishes its items)")))
