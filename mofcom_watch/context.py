"""What every command gets from the global options."""

from __future__ import annotations

from dataclasses import dataclass

import typer

from mofcom_watch.config import Settings

# ctx.meta's key for a configuration that could not be loaded, left for ``config`` to say (as JSON with --json)
CONFIG_ERROR = "mofcom_watch.config_error"

@dataclass
class AppContext:
    settings: Settings
    verbosity: int = 0  # -1 quiet, 0 normal, 1 verbose


def app_context(ctx: typer.Context) -> AppContext:
    obj = ctx.find_root().obj
    assert isinstance(obj, AppContext)
    return obj
