"""`mofcom-watch parse FILE [--url URL]`: one page in, one JSON object out, nothing stored.

Exit 0 with the parse (warnings included) for a notice, an index or another page;
exit 2 with one line on stderr for a file that cannot be read or is not content
(empty, binary, bot check, 404 shell, ...), or is larger than fetch.max_body_bytes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import typer

from mofcom_watch import term
from mofcom_watch.context import app_context
from mofcom_watch.exits import stdin_bytes
from scraper.parse import parse_document
from storage.records import DocumentKind, ParsedDocument, UnusablePage


def document_json(doc: ParsedDocument) -> dict[str, Any]:
    """The printed shape: the notice's JSON, or {"kind": "index", "links": [...]}."""
    if doc.kind == DocumentKind.NOTICE and doc.notice is not None:
        return doc.notice.to_json()
    if doc.kind == DocumentKind.INDEX:
        return {
            "kind": "index",
            "title": doc.title,
            "links": [{"url": link.url, "title": link.title, "date": link.date.isoformat() if link.date else None}
                      for link in doc.links],
            "warnings": list(doc.warnings),
        }
    return {"kind": doc.kind, "title": doc.title, "warnings": list(doc.warnings)}


FILE_URL = "file:"  # replay's URL for a file outside DIR/<host>/ (mofcom_watch.pipeline.replay_url)


def _fail(message: str) -> None:
    typer.echo(f"mofcom-watch parse: {message}", err=True)
    raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    @app.command("parse")
    def _parse(
        ctx: typer.Context,
        file: Path = typer.Argument(..., allow_dash=True,
                                    help="A saved page: HTML, plain text or a jpaas JSON list body; - reads stdin."),
        url: Optional[str] = typer.Option(None, "--url", help="The page's URL (makes index links absolute; default: none, links kept as the page writes them)."),
    ) -> None:
        """Parse one saved page and print what it says as JSON (nothing is stored)."""
        if url is not None and not url.startswith(FILE_URL):  # (cli34: 'notaurl' made every index link relative)
            from mofcom_watch.config import url_problem

            if (why := url_problem(url)) is not None:
                _fail(f"--url {url!r} is no page's URL (an http(s) URL, or file: as replay names other files): {why}")
        cap = app_context(ctx).settings.max_body_bytes
        try:
            if str(file) == "-":
                raw = stdin_bytes(cap + 1)
            else:
                with file.open("rb") as handle:
                    raw = handle.read(cap + 1)
        except IsADirectoryError:
            _fail(f"{file} is a directory, not a file")
        except FileNotFoundError:
            _fail(f"{file}: no such file")
        except OSError as exc:
            _fail(f"cannot read {file}: {exc.strerror or exc}")
        if str(file) == "-":
            file = Path("(standard input)")  # what the messages below call it
        if len(raw) > cap:  # (cli36: a 240 MB file took 90 s and 2.5 GB of memory to be refused as cut short)
            _fail(f"{file} is larger than {cap} bytes, the fetch.max_body_bytes cap (MOFCOM_WATCH_MAX_BODY): run and "
                  "replay refuse such a page too; not parsed")
        try:
            doc = parse_document(raw, url=url)
        except UnusablePage as exc:
            _fail(f"{file} is not a usable page ({exc.reason}): {exc.detail or exc.reason}")
        except Exception as exc:  # a parser bug must not become a traceback for the user
            _fail(f"could not parse {file}: {type(exc).__name__}: {exc}")
        typer.echo(term.json_text(document_json(doc)))
