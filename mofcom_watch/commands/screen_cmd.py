"""`mofcom-watch screen FILE.csv [--as-of DATE] [--json|--csv]`: batch screening of counterparties.

Exit 0 when no counterparty matched and every page was read whole, 1 when one did (a hit or a possible match to
review) or pages are not read whole (the answer incomplete: not clear), 2 on bad input.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import typer
from rich.table import Table
from rich.text import Text

from mofcom_watch import term
from mofcom_watch.clock import AS_OF_HELP, as_of_or_today, note_future
from mofcom_watch.exits import say
from mofcom_watch.sessions import open_session
from mofcom_watch.tables import print_fitted
from storage.records import ListingState
from storage.vocabulary import MEASURE_ONLY_STATE, next_label, state_label

SCREEN_HELP = """Screen a CSV of counterparties against every list; exit 1 on a hit, a possible match or an incomplete answer.

FILE holds rows name[,country] (UTF-8 or GB18030, or UTF-16 with a BOM as Excel's "Unicode text"; not Shift_JIS or
Big5: exit 2; optional header row "name,country"; under a header row, each column is read by what it heads,
in any order: country, company, note (not screened), aliases (";" between names, screened with the row's name), so
a watchlist's "name,note,aliases" screens as its feed matches; a header naming none of them is a warning, its cells
not screened; under a header "Name,Company" or "姓名,单位", a list of
people, the company is screened too, as a row of its own on the same line; ";" or tab
separated when no line has a comma); the name in Chinese or English, the country an ISO 3166 code (US,
USA, GB, GBR) or a name (United States, UK, 美国); a country not read so ("Kosovo") is a warning on stderr, the
name screened without it (the CSV's note column says so). A name hits an entity exactly, after normalising (case, width, punctuation, legal
suffixes such as Inc. or 公司, traditional characters, a designator such as （美国） of its country; a name
shorter than 3 letters or 2 Chinese characters only so, a warning saying it is too short), or fuzzily: both keys at least 4 characters, the same number of distinctive words (generic words
such as Technologies or Systems aside), each distinctive word one lacks a typing slip of the other's
("Prosperous Africa" is not "Prosperous America"), and a rapidfuzz ratio of at least 90 on the whole names
and on the distinctive words. A fuzzy hit on an entity the notices place in another country than
the row's is dropped. An alias or former name a notice gives ("又称KHI", "曾用名：…", "also known as …") hits
as the entity's own name, and the hit says "alias given by notice …" (CSV and JSON: reason; table: a line
under it); so does a hit by one part of a cell ("by its d/b/a name …", "by its name before the bracket …").
A notice published after the --as-of day is no hit; it is shown as "listed later".
A row that hits nothing may have a possible match, shown apart for review, never as a hit: the listed name
shortened ("Anduril" for Anduril Industries; two distinctive words at least when one is left out, "General
Atomics"; one word written as a whole legal name, "Summit Inc", is not offered), with generic words more
("Leidos Holdings" for Leidos), a Chinese name's first 4 characters or more ("通用原子"; two words of a name
written with a middle dot, as in English: not "洛克希德" alone), a person's pinyin ("Yu Maochun" for 余茂春),
a short form of a given name or initials ("Thomas Moss" for Tom Moss, "A. Bry"), one typing slip in a short name
("Skydoi Inc"), a number written in words for digits or the reverse ("Red 6 Solutions" for Red Six
Solutions), a name cut short mid-word as a bank field cuts it at 35 characters, or a listed parent the cell
names ("Foo Ltd (a subsidiary of Skydio Inc.)"); match "possible", its score and reason.
No list of abbreviations is kept: "LM Aeronautics" is no match.
A cell of many names ("X d/b/a Y d/b/a Z ...", "X; Y; Z ...") is screened by its first 20 only, and a warning
names the row (the CSV's note, a line under the table).
The table's title counts who is under measures in force now and, apart, who was listed before and is no longer.
While pages are not read whole (a notice read short of its stated count, a copy cut mid-annex, a page held for a
person to read: `mofcom-watch status` lists them all, `review` those a person can accept), the entities they name are in no screening: a warning says so, the title
says the answer is incomplete, --json gives "complete": false, and the exit code is 1 even with no hit.
In --csv, the last column "complete" says it on every row (false: incomplete, though every row is "none"), and a
cell a spreadsheet would run as a formula (=, +, -, @) begins with a single quote.
Exit 0: no hit, no possible match, every page read whole; 1: a hit or a possible match, or pages not read whole
(not clear: look); 2: bad input.
"""

COLUMNS = ("line", "counterparty", "country", "match", "score", "entity_key", "listed_name", "entity_country",
           "instrument", "notice_key", "issuer", "list", "state", "since", "until", "note", "reason", "state_meaning",
           "complete")
"""``complete`` last, on every row: "false" while pages are not read whole (the answer incomplete, exit 1 even with every
row "none"), "true" otherwise. A script reading only the file took such a file of "none" rows as clear (session 35,
decided: a column added, none renamed)."""

COUNTRY_NOT_READ = "country not read: screened by the name alone"
# the table's title while pages are not read whole (storage.screening.unread_pages): no hit is then no "clear". It names
# `status`, which lists every such page: `review` lists only those a person can accept, none of a notice read short of
# its stated count ("Nothing held back for review", docs37)
INCOMPLETE_TITLE = ("; the answer is incomplete: {n} page(s) not read whole, whose entities are in no screening "
                    "(see the warning; `mofcom-watch status` lists them)")



def state_shown(h: Any) -> str:
    """A hit's state as the table shows it: status's words (``state_label``: a lapse is "presumed back in force"),
    never the bare code ("lapsed" reads as "no longer applies", the opposite of the presumption), and a change
    published but not yet in effect ("in force; announced: lifted from 2025-11-10")."""
    if h.state is None:
        return "not in effect"
    coming = (f"announced: {next_label(h.next_state, h.next_from, h.next_until)}"
              if h.next_state is not None and h.next_from is not None else None)
    if h.state is ListingState.ANNOUNCED:
        return coming or state_label(h.state)
    state = MEASURE_ONLY_STATE.format(state=state_label(h.state)) if getattr(h, "measure_only", False) else state_label(h.state)
    return state + (f"; {coming}" if coming else "")


def table_title(results: Any, day: str, unread: int = 0) -> str:
    """The table's first line: how many counterparties are under measures that apply on the day (in force, or
    presumed back in force after a lapse) and, apart, how many were listed before and are no longer (every hit
    lifted or removed). It said "29 of 42 counterparties listed (26 under measures …)", counting those as "listed",
    which an officer reads as listed now (screen33); ``--json`` keeps ``matched`` and adds ``under_measures`` and
    ``no_longer_listed``. With ``unread`` pages not read whole, it ends saying the answer is incomplete
    (``INCOMPLETE_TITLE``)."""
    from storage.screening import no_longer_listed, under_measures

    now = sum(1 for r in results if under_measures(r))
    gone = sum(1 for r in results if no_longer_listed(r))
    other = sum(1 for r in results if r.hits) - now - gone
    unsure = sum(1 for r in results if r.possible and not r.hits)
    others = f", {other} on a list with no measure in force now (suspended, announced, investigation)" if other else ""
    review = f", {unsure} with a possible match to review" if unsure else ""
    incomplete = INCOMPLETE_TITLE.format(n=unread) if unread else ""
    return (f"{len(results)} {'counterparty' if len(results) == 1 else 'counterparties'} as of {day}: {now} under "
            f"measures in force now or presumed back in force, {gone} listed before and no longer{others}{review}"
            f"{incomplete}")


def rows(results: Any, *, complete: bool = True) -> list[dict[str, str]]:
    """One row per hit and per possible match (match "possible", its reason); a counterparty with neither gets
    one row with match "none". Each says whether the answer is ``complete`` (every page read whole)."""
    out = []
    for r in results:
        q = r.query
        notes = ([COUNTRY_NOT_READ] if q.country_note else []) + ([q.cut_note] if q.cut_note else []) + [
            later.note for later in r.listed_later]
        head = {"line": str(q.line), "counterparty": q.name, "country": q.country or q.country_note or "",
                "note": "; ".join(notes),  # a country not read; no hit on the day: listed after it
                "complete": "true" if complete else "false"}
        if not r.hits and not r.possible:
            out.append({c: "" for c in COLUMNS} | head | {"match": "none", "reason": ""})
        for h in (*r.hits, *r.possible):
            out.append(head | {
                "match": h.match, "score": f"{h.score:.1f}", "entity_key": h.entity_key,
                "listed_name": h.matched_name, "entity_country": h.entity_country or "",
                "instrument": h.instrument or "", "notice_key": h.notice_key, "issuer": h.issuer or "",
                "list": h.list.value, "state": h.state.value if h.state else "not in effect",
                "since": h.since.isoformat() if h.since else "", "until": h.until.isoformat() if h.until else "",
                "reason": h.reason or "", "state_shown": state_shown(h), "state_meaning": state_shown(h),
                "ministry": h.ministry or h.issuer or ""})  # the table's: MOFCOM or MFA (COLUMNS: the issuer's words)
    return out


def possible_line(line: int, name: str, h: Any) -> str:
    """How the table shows a possible match, under the hits: never in the table, where a narrow terminal drops
    the match column and it would read as a hit. Its state last, in the table's words: "in force" beside a hit on a
    removed listing of the same Chinese name (story34 S3b) was in the JSON and CSV only."""
    return (f"line {line} {name}: possible match: {h.matched_name} ({h.ministry or h.issuer or '?'} {h.list.value}, "
            f"{h.instrument or h.notice_key}), "
            f"score {h.score:.1f}, review: {h.reason}; state: {state_shown(h)}")


def register(app: typer.Typer) -> None:
    @app.command("screen", help=SCREEN_HELP)
    def _screen(
        ctx: typer.Context,
        file: Path = typer.Argument(..., allow_dash=True, help="CSV FILE of counterparties: name[,country]; - reads stdin."),
        as_of: Optional[str] = typer.Option(None, "--as-of", help=AS_OF_HELP),
        as_json: bool = typer.Option(False, "--json", help="Print JSON."),
        as_csv: bool = typer.Option(False, "--csv", help="Print CSV, one row per hit."),
    ) -> None:
        """Screen a CSV of counterparties against every list; exit 1 on a hit, a possible match or an incomplete answer."""
        from mofcom_watch.exits import read_input
        from storage.screening import (
            ScreenInputError,
            cell_warnings,
            country_warnings,
            parse_queries,
            report,
            screen,
            unread_lines,
            unread_pages,
        )
        from storage.watchlist import NOT_TEXT, decode_text

        if as_json and as_csv:
            say("choose one of --json and --csv")
            raise typer.Exit(2)
        day = as_of_or_today(as_of)
        text = decode_text(read_input(file))
        try:
            if text is None:
                raise ScreenInputError(f"{file} is {NOT_TEXT}")
            headers: list[str] = []  # a header row's column this command does not read (said, never refused)
            queries = parse_queries(text, source=str(file), warnings=headers)
        except ScreenInputError as exc:
            say(term.shown(str(exc)))
            raise typer.Exit(2) from None
        warnings = headers + country_warnings(queries, source=str(file)) + cell_warnings(queries, source=str(file))
        for line in warnings:  # the row is screened all the same: said, never a refusal of the file
            typer.echo(f"mofcom-watch screen: warning: {term.shown(line)}", err=True)
        note_future("screen", day)
        from mofcom_watch.personread import awaiting, awaiting_lines

        engine, session = open_session(ctx, read_only=True)
        try:
            results = screen(session, queries, day)
            pages = unread_pages(session)
            pending = awaiting(session)  # pages a person read, not yet read by this parser: incomplete too
        finally:
            session.close()
            engine.dispose()
        unread = unread_lines(pages) + awaiting_lines(pending)
        pages += pending
        for line in unread:  # pages not read whole: their entities are in no screening (said, and exit 1 below);
            # wrapped at words on a terminal, whole into a pipe, as the lines under the table
            term.console(stderr=True).print(Text(term.shown(f"mofcom-watch screen: warning: {line}")))
        warnings += unread
        matched = sum(1 for r in results if r.hits)
        unsure = sum(1 for r in results if r.possible and not r.hits)
        if as_json:
            typer.echo(term.json_text(report(results, day, warnings, complete=not pages)))
        elif as_csv:
            from storage.csvcells import csv_text

            typer.echo(csv_text(COLUMNS, ([row[c] for c in COLUMNS] for row in rows(results, complete=not pages))),
                       nl=False)
        else:
            table = Table(title=table_title(results, day.isoformat(), len(pages)), title_justify="left")
            # the ministry that listed the hit (MOFCOM or MFA; an officer's first question, and the instrument
            # column's "外交部令第4号" says it only to a reader of Chinese: user42)
            shown_cols = ("line", "counterparty", "match", "score", "listed_name", "ministry", "instrument", "list",
                          "state_shown", "since", "until")
            for c in shown_cols:
                table.add_column("state" if c == "state_shown" else c.replace("_", " "))
            for row in rows(results):
                if row["match"] not in ("none", "possible"):
                    table.add_row(*(term.shown(row[c]) for c in shown_cols))
            out = term.console()
            print_fitted(out, table, drop=("score", "match", "listed name"), blocks=True)  # list, state, until, notice: whole
            # the lines under the table wrap at words on a terminal, as its title does, and stay whole into a pipe
            # (cli30: a possible match's line ran 148 columns wide on an 80-column terminal)
            for r in results:
                for key, h in {h.entity_key: h for h in r.hits if h.reason}.items():  # a hit on a notice's alias
                    out.print(Text(term.shown(f"line {r.query.line} {r.query.name}: "
                                              f"{h.entity_en or h.entity_zh or key}, {h.reason}")))
                for h in r.possible:
                    out.print(Text(term.shown(possible_line(r.query.line, r.query.name, h))))
                if r.query.cut_note:  # a junk cell screened by its first names: said under the table too
                    out.print(Text(term.shown(f"line {r.query.line}: {r.query.cut_note}")))
                for later in r.listed_later:  # not a hit on the day: said, so nothing is hidden
                    out.print(Text(term.shown(f"line {r.query.line} {r.query.name}: {later.entity_key} {later.note}, "
                                              f"not a hit on {day.isoformat()}")))
        # a possible match is no "clear": 1, as a hit; nor is an answer while pages are not read whole (session 34,
        # decided: a script taking 0 as "clear" proceeded on an incomplete answer)
        raise typer.Exit(1 if matched or unsure or pages else 0)
