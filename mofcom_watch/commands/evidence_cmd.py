"""`mofcom-watch evidence NAME-or-KEY --out FILE.zip [--as-of DATE]` and `evidence --verify FILE.zip`.

The pack holds the entity's timeline (JSON, CSV), every stored snapshot of the notices it rests
on (raw bytes, URL, fetch time, SHA-256), the feed items about it, a one-page HTML summary and a
manifest of SHA-256s. The same store and as-of date give the same bytes.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from mofcom_watch import term
from mofcom_watch.clock import AS_OF_HELP, as_of_or_today, note_future
from mofcom_watch.context import app_context
from mofcom_watch.exits import STDIN, say
from mofcom_watch.sessions import open_session

STDOUT = STDIN  # "-": as an output file, standard output (tar -f -, curl -o -)
SQLITE_HEADER = b"SQLite format 3\x00"  # the first 16 bytes of every SQLite database file
SQLITE_COMPANIONS = ("", "-wal", "-shm", "-journal")  # a SQLite store's file and the files beside it


def database_in_the_way(out: Path, database_url: str) -> str | None:
    """What ``--out`` would destroy, or None: the store's SQLite file or a file beside it (``-wal``, ``-shm``), or any
    other SQLite database. Was: ``evidence skydio --out data/mofcom-watch.sqlite`` (a slip for ``.zip``) replaced the
    store it had just read with the pack, exit 0: every notice, page and run gone (cli34)."""
    import os

    from storage.db import sqlite_file

    if not out.exists():
        return None
    store = sqlite_file(database_url)
    for suffix in SQLITE_COMPANIONS if store is not None else ():
        companion = Path(f"{store}{suffix}")
        try:
            if companion.exists() and os.path.samefile(out, companion):
                return f"--out {out} is the store's {'file' if not suffix else suffix + ' file'} ({store})"
        except OSError:
            continue
    if not out.is_file():  # a FIFO or /dev/stdout into a pipe: opened to read, it waited forever (cli36)
        return None
    try:
        with open(out, "rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError:  # (a folder, an unreadable file: the write says so)
        return None
    return f"--out {out} is a SQLite database" if head == SQLITE_HEADER else None


def names_stdout(out: Path) -> bool:
    """Whether ``out`` is this process's standard output under another name (``/dev/stdout``, ``/proc/self/fd/1``):
    written as ``-`` is. Was: the atomic write put a temporary file beside it and renamed it over the link, so
    ``evidence X --out /dev/stdout > pack.zip`` replaced ``/dev/stdout`` (as root, in a container) and left pack.zip
    holding only the "wrote" line, exit 0 (cli36)."""
    import os

    try:
        return os.path.samestat(os.stat(out), os.fstat(sys.stdout.fileno()))
    except (OSError, ValueError, AttributeError):  # (no such file; a standard output with no descriptor)
        return False


def register(app: typer.Typer) -> None:
    @app.command("evidence")
    def _evidence(
        ctx: typer.Context,
        name: Optional[str] = typer.Argument(None, help="Entity key (as in /entity/KEY) or a name in Chinese or English."),
        out: Optional[Path] = typer.Option(None, "--out", metavar="FILE", help="Write the pack to this FILE (.zip); - writes it to standard output (no default: needed unless --verify)."),
        as_of: Optional[str] = typer.Option(None, "--as-of", help=AS_OF_HELP),
        verify: Optional[Path] = typer.Option(None, "--verify", metavar="FILE", help="Check the pack FILE against its manifest; "
                                              "exit 1 on any mismatch or damage, 2 for a file that is no zip (default: none, a pack is written)."),
    ) -> None:
        """Write a self-checking evidence pack (zip) of what the tool knew about one entity, and when."""
        if verify is not None:
            _verify(verify, name, out)
            return
        if not name or not name.strip():
            say("give an entity NAME or key (or --verify FILE)")
            raise typer.Exit(2)
        if out is None:
            say("--out FILE.zip is required")
            raise typer.Exit(2)
        to_stdout = str(out) == STDOUT or names_stdout(out)
        if to_stdout and term.on_terminal(sys.stdout):  # as gzip: binary data is not written to a terminal
            say("--out - writes the zip to standard output, which is a terminal here: redirect it (> FILE.zip) or "
                "give --out FILE.zip")
            raise typer.Exit(2)
        if not to_stdout and (in_the_way := database_in_the_way(out, app_context(ctx).settings.database_url)) is not None:
            typer.echo(f"mofcom-watch evidence: {in_the_way}: writing the pack there would replace it (nothing "
                       "written); give the pack a path of its own, FILE.zip", err=True)
            raise typer.Exit(2)
        day = as_of_or_today(as_of)
        note_future("evidence", day, "the pack")
        engine, session = open_session(ctx, read_only=True)
        from mofcom_watch.commands.timeline_cmd import unread_note
        from mofcom_watch.evidence import build_pack
        from storage.screening import unread_pages
        from storage.status import suggest_names

        try:
            data = build_pack(session, name.strip(), day)
            suggestions = suggest_names(session, name) if data is None else []
            unread = unread_pages(session) if data is None else []
        finally:
            session.close()
            engine.dispose()
        if data is None:  # as timeline says it, and exits: 2, input (1 is problems reported)
            say(f"no listed entity matches {term.shown(name)!r}"
                + ("; did you mean: " + term.shown(", ".join(suggestions)) + "?" if suggestions else ""))
            note = unread_note(unread)
            if note:
                say(note)
            raise typer.Exit(2)
        if to_stdout:  # (cli36: a file named "-" was written, where --verify - reads standard input)
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            _write_pack(out, data)
        import hashlib

        # the pack checks itself against a changed byte, not against a forger (who writes the manifest again): its
        # SHA-256, sent to the auditor by another channel, ties it to what was sent (cli31)
        typer.echo(f"wrote {'the pack to standard output' if to_stdout else out} ({len(data)} bytes, as of "
                   f"{day.isoformat()}, SHA-256 {hashlib.sha256(data).hexdigest()})", err=to_stdout)


def _write_pack(out: Path, data: bytes) -> None:
    """Write the pack atomically (a temporary file beside it, renamed over it): a full disk or a read-only
    folder leaves ``out`` as it was and no temporary file behind. Exit 3 (a resource: disk full, read-only,
    not writable) or 2 (no such folder, a folder named as the file), in one line."""
    import errno
    import os
    import tempfile

    from mofcom_watch.exits import FEEDS_ERRNOS, RESOURCE_EXIT, USAGE

    tmp: str | None = None
    try:
        if out.exists() and not out.is_file() and not out.is_dir():  # a FIFO, a device: written into, as cat > FIFO
            with open(out, "wb") as fh:
                fh.write(data)
            return
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
        tmp = None
    except OSError as exc:
        resource = exc.errno in FEEDS_ERRNOS
        what = {errno.ENOSPC: "the disk is full: free some space", errno.EDQUOT: "over quota: free some space",
                errno.EROFS: "read-only file system: write it to another folder"}.get(
            exc.errno or 0, exc.strerror or str(exc))
        kept = " (it is left as it was)" if out.exists() else ""
        typer.echo(f"mofcom-watch evidence: cannot write {out}{kept}: {what}", err=True)
        raise typer.Exit(RESOURCE_EXIT if resource else USAGE) from None
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def _verify(path: Path, name: Optional[str], out: Optional[Path]) -> None:
    from mofcom_watch.evidence import NotAZip, verify_zip
    from mofcom_watch.exits import USAGE, read_input

    if name or out:
        say("--verify takes only the pack FILE")
        raise typer.Exit(2)
    data = read_input(path)
    try:
        problems = verify_zip(data)
    except NotAZip as exc:  # the wrong file given: input (2), not a pack that fails its check (1)
        say(f"{path}: {exc}")
        raise typer.Exit(USAGE) from None
    for p in problems:
        typer.echo(f"{path}: {term.shown(p)}", err=True)
    if problems:
        raise typer.Exit(1)
    typer.echo(f"{path}: every file matches the manifest")
