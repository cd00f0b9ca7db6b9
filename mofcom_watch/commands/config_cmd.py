"""`mofcom-watch config [--json]`: print the effective configuration as TOML (or JSON), with where each value came
from."""

from __future__ import annotations

import typer

from mofcom_watch import term
from mofcom_watch.config import render_json, render_toml
from mofcom_watch.context import app_context
from mofcom_watch.exits import USAGE, unknown_hosts, unknown_sources


def register(app: typer.Typer) -> None:
    @app.command("config")
    def _config(
        ctx: typer.Context,
        as_json: bool = typer.Option(False, "--json", help="Print JSON: each setting by its name in the file, with its "
                                     "value, origin and variable, and the problems run would refuse it for."),
    ) -> None:
        """Print the effective configuration (defaults < --config file < environment < flags).

        Exit 2 after it when run would refuse it: a source name or a base_urls host that no source has (a typo)."""
        settings = app_context(ctx).settings
        # the command an operator checks a configuration with: it printed a misspelt source, exit 0 (cli30)
        problems = [p for p in (unknown_sources(settings.sources), unknown_hosts(settings.base_urls)) if p]
        if as_json:  # a program reading the configuration (cli30: TOML only)
            typer.echo(term.json_text(dict(render_json(settings), problems=problems, ok=not problems)))
        else:
            typer.echo(render_toml(settings), nl=False)
        for line in problems:
            typer.echo(f"mofcom-watch config: {line}", err=True)
        if problems:
            raise typer.Exit(USAGE)
