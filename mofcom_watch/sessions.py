"""A command's session on the configured store: what ``status``, ``feeds``, ``review``, ``timeline``, ``evidence``
and ``screen`` share, kept out of ``commands/status_cmd.py`` so that the others need not import the status
report, its tables and its fuzzy matcher to open the store (issue 11: each command imports what it uses)."""

from __future__ import annotations

import typer

from mofcom_watch.context import app_context
from mofcom_watch.exits import exit_on_resource_fault, say
from storage.db import DatabaseError, open_existing_store, session_factory


def open_session(ctx: typer.Context, *, read_only: bool = False):
    """A session on the configured database, which must exist (read-only commands never create
    one); exit 2 with the reason when it cannot be opened, 3 (as ``run``) when it is there but unusable now
    (a store in WAL mode no writer has open is read from a private copy where SQLite cannot make its -shm, or would
    leave it to the store's owner unwritable: :mod:`storage.readcopy`; ``immutable`` on the store itself would read
    torn pages while a writer elsewhere changes the file). ``read_only``: the commands that only read get an engine
    that cannot write the file (no journal-mode pragma, ``mode=ro``)."""
    from storage.faults import StoreUnavailable

    url = app_context(ctx).settings.database_url
    try:
        engine = open_existing_store(url, read_only=read_only)
    except DatabaseError as exc:
        if isinstance(exc, StoreUnavailable):
            exit_on_resource_fault(f"mofcom-watch {ctx.info_name or 'status'}", exc)
        say(str(exc))
        raise typer.Exit(2) from None
    return engine, session_factory(engine)()
