"""Which engines derived this store, in the order they first did, so an older release is refused a newer one's store.

An image rolled back between two releases of one schema revision (no migration tells them apart) opened the store,
derived every event again with its own engine and replaced what the newer engine had moved by corrections saying
again what the newer code had fixed ("Retracted: … the suspension goes on"), exit 0 and ``status`` clean (ops44:
main, then ``fec8b693``, both at 0017: 229 corrections back). An engine is a digest of its code
(:func:`storage.derived.engine_version`), not a number. Each release lists the engines before it
(``engine_history.txt``, kept by ``dev.py recache``): an engine that derived the store after this one did (any, if
this one never did) and that this one does not list is a later release's, so this one is older, refused as a store
of a newer schema is (:class:`~storage.db.NewerStore`: every command, and ``serve`` serves the folder as it is). (The
order of first derivation alone took a release older than the newest, never seen on the store, for a new one:
review50, ops45.) An operator who means to go back without that backup sets :data:`ACCEPT_ENV`: the engine derives
again and the later engines are forgotten, as a backup from before them would have them, so the newer release is a
new one again when it comes back.
"""

from __future__ import annotations

import hashlib
import logging
import os
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Table, delete, insert, select
from sqlalchemy.orm import Session

from storage.db import NewerStore, shown_url
from storage.derived import engine_version
from storage.models import EngineSeen

log = logging.getLogger(__name__)
ACCEPT_ENV = "MOFCOM_WATCH_ACCEPT_OLDER_ENGINE"
# every engine a release on main had, one a line, oldest first (not a module: not part of the engine's digest);
# `python3 dev.py recache` adds this checkout's, tests/storage/test_engine_history.py checks it is there
HISTORY = Path(__file__).with_name("engine_history.txt")
_superseded: frozenset[str] | None = None
# Core statements on the table: asked at every open, before a cycle's first request, they leave the ORM's mappers
# unset (their set-up waits for the crawl's store reads: tests/storage/test_first_reads_plain.py)
SEEN: Table = EngineSeen.__table__  # type: ignore[assignment]


class OlderEngine(NewerStore):
    """A store a later release derived, opened by a release that derived it before (an image rolled back)."""


def _accepted() -> bool:
    return os.environ.get(ACCEPT_ENV, "").strip().lower() in {"1", "yes", "true"}


def superseded() -> frozenset[str]:
    """The engines of the releases before this one (:data:`HISTORY`), its own among them once ``dev.py recache`` ran."""
    global _superseded
    if _superseded is None:
        lines = HISTORY.read_text(encoding="utf-8").splitlines()
        _superseded = frozenset(line.split()[0] for line in lines if line.strip() and not line.startswith("#"))
    return _superseded


def _newer(seen: list[tuple[str, datetime]], version: str) -> list[tuple[str, datetime]]:
    """The engines that derived this store after ``version`` did (every one, if it never did) and that ``version``
    does not supersede: a later release's. Was: every engine after it in the order they first derived here, so a
    release older than the newest, never seen on the store (an upgrade past it, then a rollback to it), was taken for
    a new one: it derived and published its reading as corrections, and the newer release was refused as the older
    (review50's and ops45's open A: compose's store upgraded by 1199f11c, then ec233e62, exit 0)."""
    order = [v for v, _ in seen]
    after = seen[order.index(version) + 1:] if version in order else seen
    known = superseded()
    return [(v, at) for v, at in after if v != version and v not in known]


def _seen(conn: Connection | Session) -> list[tuple[str, datetime]]:
    rows = conn.execute(select(SEEN.c.version, SEEN.c.first_derived).order_by(SEEN.c.id)).all()
    return [(str(v), at) for v, at in rows]


def _refusal(url: str, since: datetime) -> OlderEngine:
    """The refusal's words. An engine this version does not list is a newer release's, or a development checkout's:
    a run of a checkout with uncommitted edits under ``storage/`` (or of a branch not on main) records an engine no
    release lists, and the clean checkout was then told the store was "derived by a newer mofcom-watch … a release
    this version does not know", of a store no release had touched (review51's B1, seen in its own test run). Both
    causes said, and each one's way out."""
    return OlderEngine(
        f"{url} was derived (since {since:%Y-%m-%d %H:%M} UTC) by an engine this version does not know: a newer "
        f"mofcom-watch release, or a development checkout whose storage/ code no release has (uncommitted edits, a "
        f"branch not merged). An older release on a newer store (an image rolled back) would publish its own reading "
        f"again as corrections, so it is refused. After a rollback: run the newer release, or restore the backup "
        f"taken before the upgrade. After a development run, or to derive with this version anyway: set "
        f"{ACCEPT_ENV}=1 for one run (this version's reading replaces the other's, as corrections), or replay the "
        f"saved pages into a new store")


def refuse_older(conn: Connection) -> None:
    """Raise :class:`OlderEngine` when a later engine derived this store after this one did (not when accepted)."""
    if (refused := refusal(_seen(conn), shown_url(conn.engine.url))) is not None:
        raise refused


def refusal(seen: list[tuple[str, datetime]], url: str) -> OlderEngine | None:
    """The refusal of a store whose engines, in the order they first derived, are ``seen`` (None: this engine may
    derive it, or the operator accepted it)."""
    if _accepted():
        return None
    newer = _newer(seen, engine_version())
    return _refusal(url, newer[0][1]) if newer else None


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
    newer = _newer(seen, version)
    if newer and not _accepted():
        raise _refusal(shown_url(session.get_bind().engine.url), newer[0][1])
    if newer:  # accepted: the newer engines are forgotten, as a backup from before them would have them (the newer
        session.execute(delete(SEEN).where(SEEN.c.version.in_([v for v, _ in newer])))  # release is new again)
        # said each time: a setting left on would have two releases running at once publish each other's reading back
        # as corrections, every derive, exit 0 and health green, with no word of it (review50)
        log.warning("an older mofcom-watch derives a store a newer one derived, as accepted", extra={"fields": {
            "db": shown_url(session.get_bind().engine.url), "newer_since": f"{newer[0][1]:%Y-%m-%d %H:%M} UTC",
            "forgotten_engines": len(newer),
            "note": "its reading replaces the newer one's, as corrections; unset the setting once this run is done"}})
    if version not in {v for v, _ in seen}:
        session.execute(insert(SEEN).values(version=version, first_derived=datetime.now(UTC)))


FIRST = "fa8995c3"  # migration 0018: the first release that notes its engine in a store


def _main_engines(root: Path) -> list[str]:
    """The engine of each commit of this checkout's history that changed ``storage/``, from :data:`FIRST` on, as that
    commit's own code computed it (with ``codecache_data.py`` before the commit that left it out); none without git."""
    import io
    import subprocess
    import tarfile

    def git(*args: str) -> bytes:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=True).stdout

    try:
        revisions = git("rev-list", "--reverse", f"{FIRST}^..HEAD", "--", "storage").decode().split()
    except (OSError, subprocess.CalledProcessError):
        return []
    engines = []
    for revision in revisions:
        with tarfile.open(fileobj=io.BytesIO(git("archive", revision, "storage"))) as tar:
            files = {m.name.removeprefix("storage/"): tar.extractfile(m).read()  # type: ignore[union-attr]
                     for m in tar.getmembers() if m.isfile() and m.name.endswith(".py")}
        skipped = b"GENERATED = frozenset" in files.get("derived.py", b"")
        digest = hashlib.sha256()
        for name in sorted(files):
            if not (skipped and name.rsplit("/", 1)[-1] == "codecache_data.py"):
                digest.update(name.encode() + b"\0" + files[name] + b"\0")
        engines.append(digest.hexdigest())
    return engines


def main() -> int:
    """``dev.py recache``: add to :data:`HISTORY` the engine of each commit of main that changed ``storage/`` and this
    checkout's own (the next release supersedes them), those not there yet, in order."""
    import sys

    listed = set(superseded())
    added = [v for v in dict.fromkeys([*_main_engines(HISTORY.parent.parent), engine_version()]) if v not in listed]
    if added:
        with HISTORY.open("a", encoding="utf-8") as out:
            out.writelines(f"{version}\n" for version in added)
        print(f"{HISTORY}: {len(added)} engine(s) added ({', '.join(v[:12] for v in added)})", file=sys.stderr)
    return 0
