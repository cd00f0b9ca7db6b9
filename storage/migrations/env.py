"""Alembic environment: runs on the connection handed in by ``storage.db.upgrade``.

Without one (the ``alembic`` command line, for ``revision --autogenerate``), it
connects to ``sqlalchemy.url`` from the config or ``MOFCOM_WATCH_DB``.
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import create_engine

from storage.models import Base

config = context.config
target_metadata = Base.metadata


def _configure(connection) -> None:  # noqa: ANN001
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url") or os.environ.get("MOFCOM_WATCH_DB"),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    url = config.get_main_option("sqlalchemy.url") or os.environ.get("MOFCOM_WATCH_DB")
    if not url:
        raise SystemExit("set sqlalchemy.url or MOFCOM_WATCH_DB to run alembic by hand")
    engine = create_engine(url)
    with engine.begin() as conn:
        _configure(conn)
        context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
