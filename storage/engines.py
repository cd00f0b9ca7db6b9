"""Which engines derived this store, in the order they first did, so an older release is refused a newer one's store.

An image rolled back between two releases of one schema revision (no migration tells them apart) opened the store,
derived every event again with its own engine and replaced what the newer engine had moved by corrections saying
again what the newer code had fixed ("Retracted: … the suspension goes on"), exit 0 and ``status`` clean (ops44:
main, then ``fec8b693``, both at 0017: 229 corrections back). An engine is a digest of its code
(:func:`storage.derived.engine_version`), not a number, so the order is when each first derived here: an engine
met again after a later one derived is an older release, refused as a store of a newer schema is
(:class:`~storage.db.NewerStore`: every command, and ``serve`` serves the folder as it is). One never seen is a
new release, or a restored backup's own. An operator who means to go back without that backup sets
:data:`ACCEPT_ENV`: the engine derives again and the engines seen after it are forgotten, as a backup from before
them would have them, so the newer release is a new one again when it comes back.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Table, delete, insert, select
from sqlalchemy.orm import Session

from storage.db import NewerStore, shown_url
from storage.derived import engine_version
from storage.models import EngineSeen

ACCEPT_ENV = "MOFCOM_WATCH_ACCEPT_OLDER_ENGINE"
# Core statements on the table: asked at every open, before a cycle's first request, they leave the ORM's mappers
# unset (their set-up waits for the crawl's store reads: tests/storage/test_first_reads_plain.py)
SEEN: Table = EngineSeen.__table__  # type: ignore[assignment]


class OlderEngine(NewerStore):
    """A store a later release derived, opened by a release that derived it before (an image rolled back)."""


def _accepted() -> bool:
    return os.environ.get(ACCEPT_ENV, "").strip().lower() in {"1", "yes", "true"}


def _newer_since(seen: list[tuple[str, datetime]], version: str) -> datetime | None:
    """When the first engine after ``version`` derived, if ``version`` derived here and another did after it."""
    order = [v for v, _ in seen]
    if version not in order or order[-1] == version:
        return None
    return seen[order.index(version) + 1][1]


def _seen(conn: Connection | Session) -> list[tuple[str, datetime]]:
    rows = conn.execute(select(SEEN.c.version, SEEN.c.first_derived).order_by(SEEN.c.id)).all()
    return [(str(v), at) for v, at in rows]


def _refusal(url: str, since: datetime) -> OlderEngine:
    return OlderEngine(
        f"{url} was derived by a newer mofcom-watch (since {since:%Y-%m-%d %H:%M} UTC) after this version had "
        f"derived it: an older release on a newer store (an image rolled back) would publish its own reading again "
        f"as corrections. Run the newer release, or restore the backup taken before the upgrade; to derive with this "
        f"version anyway, set {ACCEPT_ENV}=1 for one run")


def refuse_older(conn: Connection) -> None:
    """Raise :class:`OlderEngine` when a later engine derived this store after this one did (not when accepted)."""
    if (refused := refusal(_seen(conn), shown_url(conn.engine.url))) is not None:
        raise refused


def refusal(seen: list[tuple[str, datetime]], url: str) -> OlderEngine | None:
    """The refusal of a store whose engines, in the order they first derived, are ``seen`` (None: this engine may
    derive it, or the operator accepted it)."""
    if _accepted():
        return None
    since = _newer_since(seen, engine_version())
    return None if since is None else _refusal(url, since)


def file_seen(path: Path) -> list[tuple[str, datetime]]:
    """The engines a SQLite store file at the head schema records, read on a read-only connection (``config``, which
    writes nothing: it said "this version's schema", exit 0, where every other command refused the store, ops45).
    ``sqlite3.Error`` when it cannot be read."""
    from storage.db import read_only_connect  # (it imports this module)

    conn = read_only_connect(path)()
    try:
        rows = conn.execute("SELECT version, first_derived FROM engine_seen ORDER BY id").fetchall()
    finally:
        conn.close()
    return [(str(v), at if isinstance(at, datetime) else datetime.fromisoformat(str(at))) for v, at in rows]


def record_engine(session: Session) -> None:
    """Before a sync writes events: refuse an older engine, else note this one as the newest that derived (its first
    time, or again when accepted). A rolled-back sync rolls this back too."""
    version, seen = engine_version(), _seen(session)
    since = _newer_since(seen, version)
    if since is not None and not _accepted():
        raise _refusal(shown_url(session.get_bind().engine.url), since)
    if since is not None:  # accepted: the engines after this one are forgotten, as a backup from before them would
        later = [v for v, _ in seen[[v for v, _ in seen].index(version) + 1:]]  # (the newer release is new again)
        session.execute(delete(SEEN).where(SEEN.c.version.in_(later)))
    elif not seen or seen[-1][0] != version:
        session.execute(insert(SEEN).values(version=version, first_derived=datetime.now(UTC)))
