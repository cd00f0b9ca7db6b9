"""`mofcom-watch`: one program, one sub-command per module in ``mofcom_watch.commands``.

Exit codes: 0 clean, 1 problems reported (source health), 2 usage or input error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from mofcom_watch.config import ConfigError, load_settings
from mofcom_watch.context import AppContext
from mofcom_watch.lazygroup import LazyGroup
from mofcom_watch.logs import setup_logging
from mofcom_watch.term import App

app = App(
    name="mofcom-watch",
    help="Watch the Chinese lists that name companies (MOFCOM export control, unreliable entity, watch list; MFA countermeasures); publish every change as feeds.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=LazyGroup,  # sub-commands are imported when used (mofcom_watch/commands/__init__.py)
)


@app.callback()
def _global(
    ctx: typer.Context,
    db: Optional[str] = typer.Option(None, "--db", envvar="MOFCOM_WATCH_DB", help="SQLAlchemy database URL."),
    config: Optional[Path] = typer.Option(None, "--config", envvar="MOFCOM_WATCH_CONFIG", help="TOML configuration file."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="More log output."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only errors."),
) -> None:
    try:
        settings = load_settings(config, db)
    except ConfigError as exc:
        typer.echo(f"mofcom-watch: {exc}", err=True)
        raise typer.Exit(2) from None
    ctx.obj = AppContext(settings=settings, verbosity=1 if verbose else -1 if quiet else 0)
    setup_logging(ctx.obj.verbosity, log_format=settings.log_format)


def main() -> None:
    app()
