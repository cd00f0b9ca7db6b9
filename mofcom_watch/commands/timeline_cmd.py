"""`mofcom-watch timeline NAME [--as-of DATE] [--json]`: one entity's history on every list.

The name matches in Chinese or English, ignoring case, width, punctuation and legal
suffixes. An unknown name exits 2 (input, as a typo is: 1 means problems reported, which cron reads as
the store's) with close names (rapidfuzz) as suggestions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import typer
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

from mofcom_watch import term
from mofcom_watch.clock import AS_OF_HELP, as_of_or_today, note_future
from mofcom_watch.exits import USAGE, say
from mofcom_watch.sessions import open_session
from mofcom_watch.tables import print_fitted
from storage.names import TOO_SHORT, too_short
from storage.records import ListingState
from storage.status import EntityTimeline, entity_timeline, suggest_names
from storage.vocabulary import (
    announced_label,
    day_count,
    event_words,
    list_name,
    row_label,
    row_state,
    until_cell,
    until_words,
)

# an engine problem naming the listing's notice or a notice of its events, under its heading (``EntityListing.problems``)
PROBLEM_LINE = "  problem (a person should read it; `mofcom-watch status` lists it): {problem}"
# a listing whose items the last sync held back (storage.status.HeldBack): cycles58's B3, "lapsed" shown, no word of it
HELD_LINE = ("  held back, unconfirmed: {n} item(s) of this listing not published ({titles}) while {sources} may hold a "
             "step that changes them; the state above is derived, not confirmed (`mofcom-watch status` says why)")
NO_LIST = "not on any list as of {as_of}: no stored notice naming it was public by that day (without --as-of: up to today)"


def heading_lines(head: str, now: list[str], console: Console) -> list[str]:
    """A list's heading: one line where the terminal holds it (always into a pipe, for grep); else the notice on
    its line and the state below it ("  - lapsed: …"), its parts (the state's label, " since …",
    ", until …") packed whole into indented lines. Rich's wrap broke the state inside its words at 120 columns
    ("… presumed back in force, " / "needs review since 2026-11-10", user40), a label an officer reads as one."""
    line = f"{head} - {''.join(now)}"
    if not console.is_terminal or cell_len(line) <= console.width:
        return [line]
    lines = [head]
    for part in now:
        if len(lines) > 1 and cell_len(lines[-1] + part) <= console.width:
            lines[-1] += part
        else:
            lines.append(("  - " if len(lines) == 1 else "    ") + part.lstrip(" ,;"))
    return lines


def print_timeline(tl: EntityTimeline, as_of: str, console: Console, maybe: list[dict[str, object]] | None = None) -> None:
    shown = term.shown
    name = shown(" / ".join(x for x in (tl.en, tl.zh) if x) or tl.keys[0])
    kind = f", {tl.type}" if tl.type else ""
    console.print(Text.assemble((name, "bold"), f" (key {shown(', '.join(tl.keys))}{kind}), as of {as_of}"))
    if len(tl.names) > 1:
        console.print(Text("  also written: " + shown("; ".join(tl.names))))
    for other in maybe or ():
        console.print(Text(shown(maybe_line(other))))
    if not tl.listings:  # a day before its first notice: said, not a bare header that reads as a blank answer
        console.print(Text(NO_LIST.format(as_of=as_of)))
    for lst in tl.listings:
        row = lst.state
        if row and row.state is ListingState.ANNOUNCED:  # nothing in effect yet: what is coming, and since when it is public
            now = [row_label(row)] + ([f" (published {row.since})"] if row.since else [])
        else:
            now = [row_state(row) if row else "not yet"] + ([f" since {row.since}"] if row and row.since else [])
            if row and row.until:
                now.append(f", until {until_words(row.until, row.lapses_on)}")
            if row and row.days_left is not None:
                now.append(f" ({day_count(row.days_left)} left)")
            coming = announced_label(row) if row else None
            if coming:
                now.append(f"; {coming}")
        by = f" ({lst.ministry})" if lst.ministry else ""
        role = f" [{lst.note}]" if lst.note else ""
        role += f" ({lst.linked})" if lst.linked else ""  # another key's listing, tied by a notice-given name
        # the heading a line of its own, wrapped at the terminal's width (as a table title it wrapped at the table's:
        # "…MFA-ORDER-2024-13 / 外交部令第13号 - in force …" broken after 52 columns of a 200-column terminal, user38)
        for line in heading_lines(shown(f"{list_name(lst.list)}{by}: {lst.notice_key} {lst.number or ''}{role}"),
                                  [shown(part) for part in now], console):
            console.print(Text(line))
        for problem in lst.problems:  # the engine's, on this listing: what `status` exits 1 on (review63, recap53)
            console.print(Text(shown(PROBLEM_LINE.format(problem=problem)), style="bold"))
        if lst.held_back:  # its state is derived, not published: a source not read may hold what changes it
            console.print(Text(shown(HELD_LINE.format(n=len(lst.held_back), titles="; ".join(lst.held_back),
                                                      sources=", ".join(tl.held_by))), style="bold"))
        table = Table()
        for col in ("date", "event", "until", "by"):
            table.add_column(col)
        for e in lst.events:
            table.add_row(e.effective.isoformat() if e.effective else "", event_words(e.kind, e.extra),
                          until_cell(e.kind, e.until, e.extra), shown(e.source_key or ""))
        print_fitted(console, table, blocks=True)  # every column needed: whole, else one event a block (user39)


def maybe_same(session: Session, tl: EntityTimeline) -> list[dict[str, object]]:
    """Other entities the timeline's names hit as ``screen`` hits them by a close spelling (a fuzzy hit): "Robert C. Hale",
    listed again by a later decree with a middle initial, for Robert Hale, each keyed apart. Shown for a person to review,
    never joined to the timeline (another person may be so named; mfa43/21, owner question): ``timeline "Robert Hale"``
    showed his first listings alone, not the decree naming him "Robert C. Hale", where ``screen`` hit both."""
    from storage.notices import load_stored_notices
    from storage.watchlist import FUZZY, Counterparty, Watchlist

    names = tuple(n for n in (tl.en, tl.zh) if n)
    if not names:
        return []
    wl = Watchlist((Counterparty(names[0], names[1:]),))
    found: dict[str, dict[str, object]] = {}
    for n in load_stored_notices(session):
        for e in n.record.entities:
            if not e.key or e.key in tl.keys or e.key in found:
                continue
            m = wl.match(e)
            if m is not None and m.method == FUZZY and (e.type is None or tl.type is None or e.type == tl.type):
                found[e.key] = {"key": e.key, "name": " / ".join(x for x in (e.en, e.zh) if x), "score": m.score,
                                "notice": n.record.key}
    return list(found.values())


def maybe_line(maybe: dict[str, object]) -> str:
    return (f"  possible match, another entity (for review, not joined): {maybe['name']} (key {maybe['key']}, "
            f"{maybe['notice']}): `mofcom-watch timeline {maybe['key']}`")


def _unread(session: Session) -> list[str]:
    from storage.screening import unread_pages  # loaded for a name that finds none only

    return unread_pages(session)


def unread_note(urls: list[str]) -> str | None:
    """Said beside "no listed entity matches" while pages are not read whole (``storage.screening.unread_pages``):
    an entity only such a page names is in no match. Was (user43): ``timeline "Hanwha Ocean USA International"``
    said "no listed entity matches" alone, the store holding 商务部令2025年第6号 on Hanwha Ocean's 5 US subsidiaries,
    its names unread, where ``screen`` of the same name warns that no hit is no sign of clear."""
    if not urls:
        return None
    more = f" and {len(urls) - 1} more" if len(urls) > 1 else ""
    return (f"warning: {len(urls)} page(s) not read whole are open problems ({urls[0]}{more}): an entity only such a "
            "page names is in no match until the page is read whole or a person has read it (`mofcom-watch review`, "
            "`status`); no match is no sign that the name is not listed")


def register(app: typer.Typer) -> None:
    @app.command("timeline")
    def _timeline(
        ctx: typer.Context,
        name: str = typer.Argument(..., help="Entity name in Chinese or English."),
        as_of: Optional[str] = typer.Option(None, "--as-of", help=AS_OF_HELP),
        as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables; a NAME that finds no entity prints JSON too, 'match' null with the nearest names in 'suggestions' (exit 2), where other errors print nothing on standard output."),
    ) -> None:
        """One entity's history on every list (each listing with its events)."""
        day = as_of_or_today(as_of)
        if not name.strip():
            say("NAME is empty")
            raise typer.Exit(2)
        note_future("timeline", day)
        engine, session = open_session(ctx, read_only=True)
        try:
            tl = entity_timeline(session, name, day)
            maybe = maybe_same(session, tl) if tl is not None else []
            suggestions = suggest_names(session, name) if tl is None else []
            unread = _unread(session) if tl is None else []
        finally:
            session.close()
            engine.dispose()
        if tl is None:
            msg = f"no listed entity matches {term.shown(name)!r}"
            if too_short(name):  # no close name looked for ("a" suggested five: user46), said, as screen and /search say
                msg = f"no listed entity is named {term.shown(name)!r}: " + TOO_SHORT.format(name=repr(term.shown(name)))
            if suggestions:
                msg += "; did you mean: " + term.shown(", ".join(suggestions)) + "?"
            say(msg)
            note = unread_note(unread)
            if note:
                say(note)
            if as_json:  # a machine reading stdout gets JSON here too, not an empty string
                typer.echo(term.json_text({"query": name, "as_of": day.isoformat(), "match": None,
                                           "suggestions": suggestions, "unread_pages": unread}))
            raise typer.Exit(USAGE)  # was 1, "problems reported", which cron reads as the store's (cli30)
        if as_json:
            typer.echo(term.json_text(dict(tl.to_json(), as_of=day.isoformat(), possible_matches=maybe)))
        else:
            print_timeline(tl, day.isoformat(), term.console(), maybe)
