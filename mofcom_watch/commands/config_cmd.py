"""`mofcom-watch config [--json]`: print the effective configuration as TOML (or JSON), with where each value came
from."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

import typer

from mofcom_watch import term
from mofcom_watch.config import db_folder_problem, read_only_url_problem, render_json, render_toml
from mofcom_watch.context import CONFIG_ERROR, app_context
from mofcom_watch.exits import USAGE, unknown_hosts, unknown_sources
from mofcom_watch.storewrite import may_write


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
    read-only mount, or neither this user nor the store's owner can write the folder, the file or its -wal/-shm. Was:
    ``config`` exited 0, ``"ok": true``, saying only "not looked at: … cannot be read (unable to open database file);
    status says why", while ``run``, ``replay`` and (a store in WAL mode) ``status`` exited 3 on it (ops49): the check
    an operator runs before a cron or an image change. A folder not there yet is :func:`db_folder_problem`'s (or made
    by the writers: data_dir). Where only one of the two can write it: :func:`store_owner_note`."""
    said = _store_writers(url)
    return said[0] if said is not None else None


def store_owner_note(url: str) -> str | None:
    """A note, exit 0, where this user and the SQLite store's owner differ and only one of them can write it: the
    service runs as one user and ``config`` is often run as another (an admin's shell, root on the host of a container
    whose user is 10001). Was: judged for this user alone, so ``config`` run as another user than the service's said
    "cannot be written by this user", exit 2, where the service writes it, and run as root it said nothing where the
    service's user could not write a file root left there (ops49's open B)."""
    said = _store_writers(url)
    return said[1] if said is not None else None


def _store_writers(url: str) -> tuple[str | None, str | None] | None:
    """(problem, note) of :func:`read_only_store_problem` and :func:`store_owner_note`, or None for a URL naming no
    SQLite file in a folder that is there."""
    from storage.db import sqlite_file

    path = sqlite_file(url)
    if path is None or not path.parent.is_dir():
        return None
    folder = path.parent
    try:
        mount = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        mount = False
    fails = ("run, replay, schedule, serve, feeds and accept would fail on it (exit 3; status and the other readers "
             "read it, a store in WAL mode no writer has open from a private copy)")
    if mount:
        return (f"the SQLite store {path}: its folder {folder} is on a read-only mount: {fails}; make it writable, or "
                "point database_url at a writable copy"), None
    if not hasattr(os, "geteuid"):
        return None
    me = os.geteuid()
    try:  # what a writer must write: the folder (the -wal, -shm and journal are made there), the file, its -wal/-shm
        parts = [(folder, os.stat(folder), True)] + [
            (p, os.stat(p), False) for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"))
            if p.exists()]
    except OSError:
        return None
    owners = {}  # who else may be the service's user: the file's owner, then the folder's (uid -> how it is named)
    if len(parts) > 1 and parts[1][0] == path:
        owners[parts[1][1].st_uid] = "its owner"
    owners.setdefault(parts[0][1].st_uid, "its folder's owner")
    owners.pop(me, None)

    def blocked(uid: int) -> tuple[Path, os.stat_result, bool] | None:
        if uid == me:  # (this user: as the system judges it, access lists and capabilities included)
            return next((p for p in parts if not os.access(p[0], os.W_OK | (os.X_OK if p[2] else 0))), None)
        return next((p for p in parts if not may_write(uid, p[1], p[2])), None)

    def said(what: tuple[Path, os.stat_result, bool]) -> str:
        name = f"its folder {folder}" if what[0] == folder else f"the file {what[0].name}"
        return f"{name} (owned by uid {what[1].st_uid}, mode {what[1].st_mode & 0o777:o})"

    mine = blocked(me)
    theirs = {uid: blocked(uid) for uid in owners}
    if mine is not None:
        if able := [uid for uid, part in theirs.items() if part is None]:
            uid = able[0]
            return None, (f"the SQLite store {path}: this user (uid {me}) cannot write {said(mine)}; {owners[uid]} "
                          f"(uid {uid}) can. As uid {me}, {_as_this_user(path, uid)}; as uid {uid} they "
                          "work: run config as the service's user to check what it meets")
        nor = "".join(f", nor can {owners[uid]} (uid {uid})" for uid in theirs)
        return (f"the SQLite store {path}: this user (uid {me}) cannot write {said(mine)}{nor}: {fails}; make it "
                "writable, or point database_url at a writable copy"), None
    for uid, part in theirs.items():
        if part is not None:
            return None, (f"the SQLite store {path}: {owners[uid]} (uid {uid}) cannot write {said(part)}; this user "
                          f"(uid {me}) can: a service running as uid {uid} would fail on it (exit 3); give uid {uid} "
                          "that file (chown), or run the service as this user")
    return None, None


def _as_this_user(path: Path, owner: int) -> str:
    """What fails run as this user, who cannot write the store its owner (uid ``owner``) writes: the writers only. The
    readers work and leave nothing beside the store (a store in WAL mode no writer has open: a private copy of it,
    :mod:`storage.readcopy`, session 52). Was: the readers failed (exit 3) in a folder this user cannot write, and
    elsewhere left a ``-wal``/``-shm`` of this user's that failed the owner's next run (ops50, ops51); ``feeds`` was
    said to be one of them, though it writes the store."""
    return (f"run, replay, schedule, serve, feeds and accept, which write it, would fail (exit 3); status, timeline "
            f"and the other readers work, and leave nothing beside {path.name} for uid {owner}'s runs to trip on")


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
    that fits, else where the room ends and marked there by a ``\\`` (as a quoted value's lines end: the word goes on,
    no space; ops49's open B: a folder name with no "/" wider than the terminal was cut bare, as a wrap at a space
    looks), the next lines after ``rest`` ("#   "). Was: left whole, to copy, and folded by the terminal mid-path under
    the next column (ops48's open B); the setting itself keeps the value whole (one line into a pipe, a TOML
    multi-line string on a terminal)."""
    from rich.cells import cell_len

    out: list[str] = []
    while cell_len(line) > width:
        head = 0  # the longest start of ``line`` that fits, then its last "/" after the line's own indent
        while head < len(line) and cell_len(line[:head + 1]) <= width:
            head += 1
        slash = line.rfind("/", len(rest), head) + 1
        if slash > len(rest) + 1:
            out.append(line[:slash])
            line = rest + line[slash:]
            continue
        cut = max(head - 1, len(rest) + 1)  # no "/" in it: cut where the room ends, the cut marked (a "\\" after it)
        out.append(line[:cut] + "\\")
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
        watchlist it cannot read, a SQLite store or its folder that neither this user nor the store's owner can write (a read-only mount; only one of them: a note). A SQLite store's schema is read without writing; a database server's is not."""
        if (unusable := ctx.meta.get(CONFIG_ERROR)) is not None:  # the file or a variable could not be loaded
            if as_json:  # (user38: stdout stayed empty, where README promises `ok` false and `problems`)
                typer.echo(term.json_text({"ok": False, "problems": [unusable]}))
            typer.echo(f"mofcom-watch: {unusable}", err=True)
            raise typer.Exit(USAGE)
        settings = app_context(ctx).settings
        # the command an operator checks a configuration with: it printed a misspelt source, exit 0 (cli30)
        # a given store's missing folder: every writer refuses it (exit 2), config said nothing (docs35 C2, decided)
        try:
            store, newer, older = store_schema(settings.database_url)
            unwritable = db_folder_problem(settings), read_only_store_problem(settings.database_url)
            owner = store_owner_note(settings.database_url)
        except PermissionError as exc:  # a folder on the store's path this user may not enter (was: exit 4, ops50)
            from mofcom_watch.exits import denied_line
            from storage.db import SCHEMA_HEAD

            newer = denied_line(exc.filename, exc.strerror or str(exc)) if exc.filename else str(exc)
            store, older, unwritable, owner = {"looked": False, "revision": None, "head": SCHEMA_HEAD,
                                               "said": f"not looked at: {newer}"}, None, (None, None), None
        problems = [p for p in (unknown_sources(settings.sources), unknown_hosts(settings.base_urls),
                                read_only_url_problem(settings), *unwritable, watchlist_problem(settings.watchlist),
                                newer) if p]
        if as_json:  # a program reading the configuration (cli30: TOML only)
            notes = [n for n in (older, owner) if n]  # (said on stderr too; was there only: ops50)
            typer.echo(term.json_text(dict(render_json(settings), store=store, problems=problems, notes=notes,
                                           ok=not problems)))
        else:
            toml = render_toml(settings) + f"# store schema: {store['said']}\n"
            if term.on_terminal(sys.stdout):  # a line wider than the terminal: its comment above it, wrapped (user47)
                toml = fitted_toml(toml, term.console().width)
            typer.echo(toml, nl=False)
        for line in problems:
            typer.echo(f"mofcom-watch config: {line}", err=True)
        if older:
            typer.echo(f"mofcom-watch config: note: {older}", err=True)
        if owner:
            typer.echo(f"mofcom-watch config: note: {term.shown(owner)}", err=True)
        if problems:
            raise typer.Exit(USAGE)
