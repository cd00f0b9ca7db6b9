"""`mofcom-watch config`: print the effective configuration as TOML, with where each value came from."""

from __future__ import annotations

import typer

from mofcom_watch.config import render_toml
from mofcom_watch.context import app_context
from mofcom_watch.exits import exit_on_unknown_hosts, exit_on_unknown_sources


def register(app: typer.Typer) -> None:
    @app.command("config")
    def _config(ctx: typer.Context) -> None:
        """Print the effective configuration (defaults < --config file < environment < flags).

        Exit 2 after it when run would refuse it: a source name or a base_urls host that no source has (a typo)."""
        settings = app_context(ctx).settings
        typer.echo(render_toml(settings), nl=False)
        # the command an operator checks a configuration with: it printed a misspelt source, exit 0 (cli30)
        exit_on_unknown_sources("config", settings.sources)
        exit_on_unknown_hosts("config", settings.base_urls)
