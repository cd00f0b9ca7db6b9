"""`mofcom-watch config [--json]`: print the effective configuration as TOML (or JSON), with where each value came
from."""

from __future__ import annotations

from pathlib import Path

import typer

from mofcom_watch import term
from mofcom_watch.config import db_folder_problem, render_json, render_toml
from mofcom_watch.context import app_context
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


def register(app: typer.Typer) -> None:
    @app.command("config")
    def _config(
        ctx: typer.Context,
        as_json: bool = typer.Option(False, "--json", help="Print JSON: each setting by its name in the file, with its "
                                     "value, origin and variable, and the problems run would refuse it for."),
    ) -> None:
        """Print the effective configuration (defaults < --config file < environment < flags).

        Exit 2 after it when run would refuse it: a source name or a base_urls host that no source has (a typo), a
        given SQLite database in a folder that does not exist, or fail on it: a watchlist it cannot read."""
        settings = app_context(ctx).settings
        # the command an operator checks a configuration with: it printed a misspelt source, exit 0 (cli30)
        # a given store's missing folder: every writer refuses it (exit 2), config said nothing (docs35 C2, decided)
        problems = [p for p in (unknown_sources(settings.sources), unknown_hosts(settings.base_urls),
                                db_folder_problem(settings), watchlist_problem(settings.watchlist)) if p]
        if as_json:  # a program reading the configuration (cli30: TOML only)
            typer.echo(term.json_text(dict(render_json(settings), problems=problems, ok=not problems)))
        else:
            typer.echo(render_toml(settings), nl=False)
        for line in problems:
            typer.echo(f"mofcom-watch config: {line}", err=True)
        if problems:
            raise typer.Exit(USAGE)
