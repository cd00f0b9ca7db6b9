"""`mofcom-watch config`: print the effective configuration as TOML, with where each value came from."""

from __future__ import annotations

import typer

from mofcom_watch.config import render_toml
from mofcom_watch.context import app_context


def register(app: typer.Typer) -> None:
    @app.command("config")
    def _config(ctx: typer.Context) -> None:
        """Print the effective configuration (defaults < --config file < environment < flags)."""
        typer.echo(render_toml(app_context(ctx).settings), nl=False)
