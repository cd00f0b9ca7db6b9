"""The publish log stays bounded: per feeds folder the newest attempts and the newest good one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import Publication
from storage.publications import last_publication, record_publication

T0 = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


def log(engine, n: int, *, ok: bool, target: str = "/data/feeds", keep: int = 5, error: str | None = None) -> None:
    t = T0 + timedelta(minutes=n)
    with Session(engine) as s, s.begin():
        record_publication(s, target=target, started_at=t, finished_at=t + timedelta(seconds=2), ok=ok,
                           error=error, feeds=3, written=1 if ok else 0, keep=keep)


def rows(engine, target: str = "/data/feeds") -> list[tuple[int, bool]]:
    """(minute, ok) of the kept attempts, oldest first."""
    with Session(engine) as s:
        return [(int((r.finished_at.replace(tzinfo=UTC) - T0).total_seconds() // 60), r.ok) for r in s.scalars(
            select(Publication).where(Publication.target == target).order_by(Publication.finished_at))]


def test_old_attempts_go_the_newest_good_one_stays(engine):
    log(engine, 0, ok=True)
    for n in range(1, 9):  # a long outage: every publish fails
        log(engine, n, ok=False, error="disk full")
    log(engine, 9, ok=True, target="/srv/other")  # another folder keeps its own log
    assert rows(engine) == [(0, True), (4, False), (5, False), (6, False), (7, False), (8, False)]
    with Session(engine) as s:
        last, good = last_publication(s), last_publication(s, ok=True)
    assert last is not None and good is not None
    assert (last.target, last.ok, last.error) == ("/srv/other", True, None)
    log(engine, 10, ok=False, error="disk full")
    with Session(engine) as s:
        assert last_publication(s).ok is False  # what /healthz and status read: the newest attempt failed
        assert last_publication(s, ok=True).target == "/srv/other"
    assert rows(engine, "/srv/other") == [(9, True)]


def test_a_good_attempt_ends_the_kept_failure(engine):
    log(engine, 0, ok=True)
    for n in range(1, 12):
        log(engine, n, ok=n % 2 == 0)
    assert rows(engine) == [(7, False), (8, True), (9, False), (10, True), (11, False)]
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(Publication)) == 5
        good = last_publication(s, ok=True)
    assert good is not None and good.finished_at == T0 + timedelta(minutes=10, seconds=2)


def test_the_live_folder_is_judged_not_the_newest_folder(engine, tmp_path):
    """Was: the newest attempt into any folder: a ``feeds --out /tmp/x`` that worked after a failed publish to the
    live folder made ``status`` and ``/healthz`` green while readers got stale feeds (ops19)."""
    from pathlib import Path

    live = tmp_path / "feeds"
    log(engine, 0, ok=True, target=str(live))
    log(engine, 1, ok=False, target=str(live), error="disk full")
    log(engine, 2, ok=True, target="/tmp/x")
    with Session(engine) as s:
        last, good = last_publication(s, folder=live), last_publication(s, ok=True, folder=live)
        # the same folder named as configured, relative to the working folder
        relative = last_publication(s, folder=Path(__import__("os").path.relpath(live)))
        elsewhere = last_publication(s, folder=Path("/srv/never-published"))
    assert last is not None and (last.target, last.ok, last.error) == (str(live), False, "disk full")
    assert good is not None and good.finished_at == T0 + timedelta(seconds=2)
    assert relative == last
    # a store whose feeds only ever went elsewhere (run --out DIR) is judged by those
    assert elsewhere is not None and elsewhere.target == "/tmp/x"


def test_a_preview_is_no_live_publish(engine, tmp_path):
    """Was: ``serve --as-of`` a past day logs its publish into its own temporary folder; a store that never published
    into the live folder read that preview as its last successful publish (``status``: "last successful publish: …
    to /tmp/mofcom-watch-feeds-<day>-…") and judged the feeds' age by it. Now a preview is read only as one."""
    from pathlib import Path

    live, own = tmp_path / "feeds", "/tmp/mofcom-watch-feeds-2026-06-01-abcd1234"
    log(engine, 0, ok=True, target="/tmp/x")  # feeds written elsewhere (run --out DIR): the store's live publishes
    with Session(engine) as s, s.begin():
        t = T0 + timedelta(minutes=5)
        record_publication(s, target=own, started_at=t, finished_at=t, ok=True, preview=True)
        record_publication(s, target=own, started_at=t, finished_at=t + timedelta(minutes=1), ok=False,
                           error="disk full", preview=True)
    with Session(engine) as s:
        last, good = last_publication(s, folder=live), last_publication(s, ok=True, folder=live)
        preview = last_publication(s, preview=True)
        served = last_publication(s, folder=Path(own))  # the preview serve's own /healthz judges its own folder
    assert last is not None and good is not None and (last.target, good.target, last.ok) == ("/tmp/x", "/tmp/x", True)
    assert preview is not None and (preview.target, preview.ok) == (own, False)
    assert served == preview


def test_the_migration_marks_serves_own_folders_as_previews():
    """0012 marks the logged publishes of an older ``serve --as-of`` by their folder's name: the pattern must match
    the folder ``serve_cmd.own_folder`` makes, and no folder of a user's."""
    import importlib.util
    import sqlite3
    import tempfile

    from mofcom_watch.commands.serve_cmd import OWN_FOLDER_PREFIX
    from storage.db import MIGRATIONS_DIR

    spec = importlib.util.spec_from_file_location("m0012", MIGRATIONS_DIR / "versions" / "0012_publication_preview.py")
    assert spec is not None and spec.loader is not None
    m0012 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m0012)
    with tempfile.TemporaryDirectory(prefix=f"{OWN_FOLDER_PREFIX}2026-06-01-") as own:  # as own_folder makes it
        con = sqlite3.connect(":memory:")
        like = [con.execute("SELECT ? LIKE ?", (target, m0012.SERVE_PREVIEW_TARGET)).fetchone()[0]
                for target in (own, "/data/feeds", "/srv/mofcom-watch-feeds", "/tmp/preview")]
        con.close()
    assert like == [1, 0, 0, 0]
