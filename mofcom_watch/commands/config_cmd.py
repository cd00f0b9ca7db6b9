"""`mofcom-watch config [--json]`: print the effective configuration as TOML (or JSON), with where each value came
from."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import typer

from mofcom_watch import term
from mofcom_watch.config import db_folder_problem, read_only_url_problem, render_json, render_toml
from mofcom_watch.context import CONFIG_ERROR, app_context
from mofcom_watch.exits import USAGE, unknown_hosts, unknown_sources


def watchlist_problem(path: Path | None) -> str | None:
    """Why ``run`` would fail the configured watchlist's feed and exit 2 at every cycle (the file cannot be read or
    parsed), or None. Was: ``config`` printed such a watchlist, exit 0, ``"ok": true`` (cli34)."""
    if path is None:
        return None
    from storage.watchlist import WatchlistError, load_watchlist

    try:
        load_watchlist(path)
    except WatchlistError as exc:
        return f"{term.shown(str(exc))} (run, schedule and serve would fail the watchlist feed; run exits 2)"
    return None


def read_only_store_problem(url: str) -> str | None:
    """Why the commands that write would fail on the SQLite store ``url`` names (exit 3), or None: its folder is on a
    read-only mount, or this user cannot write the folder or the file. Was: ``config`` exited 0, ``"ok": true``,
    saying only "not looked at: … cannot be read (unable to open database file); status says why", while ``run``,
    ``replay`` and (a store in WAL mode) ``status`` exited 3 on it (ops49): the check an operator runs before a cron
    or an image change. A folder not there yet is :func:`db_folder_problem`'s (or made by the writers: data_dir)."""
    import os

    from storage.db import sqlite_file

    path = sqlite_file(url)
    if path is None or not path.parent.is_dir():
        return None
    folder = path.parent
    try:
        mount = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        mount = False
    uid = f" (uid {os.geteuid()})" if hasattr(os, "geteuid") else ""
    if mount:
        what = f"its folder {folder} is on a read-only mount"
    elif not os.access(folder, os.W_OK | os.X_OK):
        what = f"its folder {folder} cannot be written by this user{uid}"
    elif path.exists() and not os.access(path, os.W_OK):
        what = f"the file cannot be written by this user{uid}"
    else:
        return None
    return (f"the SQLite store {path}: {what}: run, replay, schedule, serve and accept would fail on it (exit 3; "
            "status and the other readers too, for a store in WAL mode, which needs its -shm beside it); make it "
            "writable, or point database_url at a writable copy")


def store_schema(url: str) -> tuple[dict[str, Any], str | None, str | None]:
    """What ``config`` says of the store's schema: the ``store`` of ``--json``, a problem (a store a newer version
    wrote: every other command refuses it, exit 2) and a note (an older one: the next command upgrades it, for good).
    A SQLite file is read on a read-only connection; a database server is not connected to, and that is said. Was:
    ``config`` exited 0 on a store of a newer schema (cli37's B), the check an operator runs before a cron or an image
    change."""
    import sqlite3

    from storage.db import SCHEMA_HEAD, file_revisions, known_revisions, newer_said, shown_url, sqlite_file
    from storage.engines import file_seen, refusal

    path = sqlite_file(url)
    if path is None:
        return {"looked": False, "revision": None, "head": SCHEMA_HEAD,
                "said": "not looked at: config connects to no database server (status does)"}, None, None
    if not path.is_file():
        return {"looked": False, "revision": None, "head": SCHEMA_HEAD,
                "said": f"no store at {path} yet: run or replay makes it"}, None, None
    try:
        revisions = file_revisions(path)
    except (sqlite3.Error, OSError) as exc:
        return {"looked": False, "revision": None, "head": SCHEMA_HEAD,
                "said": f"not looked at: {path} cannot be read ({term.shown(str(exc))}); status says why"}, None, None
    if not revisions:
        return {"looked": True, "revision": None, "head": SCHEMA_HEAD,
                "said": "no schema recorded in it (a new or empty file, or another program's)"}, None, None
    store = {"looked": True, "revision": ",".join(revisions), "head": SCHEMA_HEAD}
    if unknown := [rev for rev in revisions if rev not in known_revisions()]:
        said = newer_said(unknown, SCHEMA_HEAD)
        return dict(store, said=said), said, None
    if revisions != (SCHEMA_HEAD,):
        said = (f"the store is at schema revision {store['revision']}: the next command that opens it upgrades it to "
                f"{SCHEMA_HEAD} (an older mofcom-watch refuses it from then on: keep a backup from before to go back)")
        return dict(store, said=said), None, said
    try:
        refused = refusal(file_seen(path), shown_url(url))
    except (sqlite3.Error, OSError, ValueError) as exc:
        return dict(store, said=f"this version's schema; which releases derived it not read ({term.shown(str(exc))}): "
                                "status says"), None, None
    if refused is not None:  # every other command refuses it, exit 2 (it said "this version's schema", exit 0: ops45)
        return dict(store, said=str(refused)), str(refused), None
    return dict(store, said="this version's schema"), None, None


def fitted_toml(text: str, width: int) -> str:
    """``config``'s TOML on a terminal ``width`` columns wide: a setting's line wider than it ("stale_after_minutes =
    180   # [default] status and /healthz fail when …", 258 columns) as its comment, wrapped at words into TOML comment
    lines, then the setting alone; a comment line wider than it wrapped likewise. The terminal folded them mid-word,
    the value's comment under the next key's column (user47). Into a pipe or a file, one line a setting, as before:
    the same TOML, the same settings, read back alike."""
    import textwrap

    from rich.cells import cell_len

    def wrapped(comment: str, first: str, rest: str) -> list[str]:
        room = max(width - 1, 20)
        lines = textwrap.wrap(comment, room, initial_indent=first, subsequent_indent=rest, break_long_words=False,
                              break_on_hyphens=False)
        return [part for line in lines for part in folded_word(line, rest, room)]

    out: list[str] = []
    for line in text.splitlines():
        body, sep, comment = line.partition("   # ")
        if cell_len(line) <= width:
            out.append(line)
        elif line.startswith("#"):
            out.extend(wrapped(line.lstrip("# "), "# ", "#   "))
        elif sep and body.count('"') % 2 == 0:  # (a "   # " inside a quoted value is no comment)
            out.extend(wrapped(comment, "# ", "#   "))
            out.extend(folded_string(body, width))
        else:
            out.extend(folded_string(line, width))
    return "\n".join(out) + "\n"


def folded_word(line: str, rest: str, width: int) -> list[str]:
    """A comment line wider than the terminal ``width`` (a word longer than a line, textwrap's line of its own: a long
    path in "# database: sqlite:////…", the relative-paths note's folders) as lines of it, each cut after its last "/"
    that fits, else where the room ends, the next lines after ``rest`` ("#   "). Was: left whole, to copy, and folded
    by the terminal mid-path under the next column (ops48's open B); the setting itself keeps the value whole (one
    line into a pipe, a TOML multi-line string on a terminal)."""
    from rich.cells import cell_len

    out: list[str] = []
    while cell_len(line) > width:
        head = 0  # the longest start of ``line`` that fits, then its last "/" after the line's own indent
        while head < len(line) and cell_len(line[:head + 1]) <= width:
            head += 1
        slash = line.rfind("/", len(rest), head) + 1
        cut = slash if slash > len(rest) + 1 else max(head, len(rest) + 1)
        out.append(line[:cut])
        line = rest + line[cut:]
    return [*out, line]


STRING_SETTING_RE = re.compile(r'([A-Za-z0-9_.-]+ = )"((?:[^"\\]|\\.)*)"')
STRING_ATOM_RE = re.compile(r"\\.|.", re.S)  # an escape (``\"``, ``\\``, ``\n``) is never cut
FOLD_INDENT = "    "


def folded_string(line: str, width: int) -> list[str]:
    """A setting whose quoted value is wider than the terminal (a long ``database_url`` path, the ``user_agent``), as a
    TOML multi-line string whose lines end in ``\\`` (TOML drops that backslash, the line break and the whitespace
    that follows: the same value): cut after the line's last space, else its last "/", else between two characters, never
    before a space (it would be dropped) nor inside an escape. Was: the line ran past the terminal's edge, folded by it
    mid-path (user47). Any other line as it is."""
    from rich.cells import cell_len

    if cell_len(line) <= width or (setting := STRING_SETTING_RE.fullmatch(line)) is None:
        return [line]
    atoms = STRING_ATOM_RE.findall(setting.group(2))
    if not atoms or atoms[0] in (" ", "\t"):  # a value opening on a space: the first cut would drop it
        return [line]
    lines, current, room = [f'{setting.group(1)}"""\\'], [FOLD_INDENT], width - len(FOLD_INDENT) - 3  # (""" at the end)
    i = 0
    while i < len(atoms):
        used, end = 0, i
        while end < len(atoms) and used + cell_len(atoms[end]) <= room:
            used += cell_len(atoms[end])
            end += 1
        if end < len(atoms):  # cut after the line's last space, else its last "/", else where the room ends
            for mark in (" ", "/"):
                cuts = [j + 1 for j in range(i + 1, end) if atoms[j] == mark and atoms[j + 1] not in (" ", "\t")]
                if cuts:
                    end = cuts[-1]
                    break
            while end > i + 1 and atoms[end] in (" ", "\t"):
                end -= 1
            end = max(end, i + 1)
        current.extend(atoms[i:end])
        i = end
        lines.append("".join(current) + ('\\' if i < len(atoms) else '"""'))
        current = [FOLD_INDENT]
    return lines


def register(app: typer.Typer) -> None:
    @app.command("config")
    def _config(
        ctx: typer.Context,
        as_json: bool = typer.Option(False, "--json", help="Print JSON: each setting by its name in the file, with its "
                                     "value, origin and variable, and the problems run would refuse it for."),
    ) -> None:
        """Print the effective configuration (defaults < --config file < environment < flags).

        Exit 2 after it when run would refuse it: a source name or a base_urls host that no source has (a typo), a
        given SQLite database in a folder that does not exist, a store a newer mofcom-watch wrote, or fail on it: a
        watchlist it cannot read, a SQLite store or its folder this user cannot write (a read-only mount). A SQLite store's schema is read without writing; a database server's is not."""
        if (unusable := ctx.meta.get(CONFIG_ERROR)) is not None:  # the file or a variable could not be loaded
            if as_json:  # (user38: stdout stayed empty, where README promises `ok` false and `problems`)
                typer.echo(term.json_text({"ok": False, "problems": [unusable]}))
            typer.echo(f"mofcom-watch: {unusable}", err=True)
            raise typer.Exit(USAGE)
        settings = app_context(ctx).settings
        # the command an operator checks a configuration with: it printed a misspelt source, exit 0 (cli30)
        # a given store's missing folder: every writer refuses it (exit 2), config said nothing (docs35 C2, decided)
        store, newer, older = store_schema(settings.database_url)
        problems = [p for p in (unknown_sources(settings.sources), unknown_hosts(settings.base_urls),
                                read_only_url_problem(settings), db_folder_problem(settings),
                                read_only_store_problem(settings.database_url), watchlist_problem(settings.watchlist),
                                newer) if p]
        if as_json:  # a program reading the configuration (cli30: TOML only)
            typer.echo(term.json_text(dict(render_json(settings), store=store, problems=problems, ok=not problems)))
        else:
            toml = render_toml(settings) + f"# store schema: {store['said']}\n"
            if term.on_terminal(sys.stdout):  # a line wider than the terminal: its comment above it, wrapped (user47)
                toml = fitted_toml(toml, term.console().width)
            typer.echo(toml, nl=False)
        for line in problems:
            typer.echo(f"mofcom-watch config: {line}", err=True)
        if older:
            typer.echo(f"mofcom-watch config: note: {older}", err=True)
        if problems:
            raise typer.Exit(USAGE)
