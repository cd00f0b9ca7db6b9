"""Two publishers of one PostgreSQL store (``serve``'s refresh and a cron ``run``, two containers) publish one after
the other (ops38's owner question, decided): SQLite's write lock kept them apart, PostgreSQL had nothing, and the one
that read the store first could commit its feeds last, taking back items the other had just published until the
next publish. A real ``feeds`` process against a throwaway cluster of the test's own, while another session holds a
publish in progress (``storage.publishwait.one_publisher``'s advisory lock): it waits for it, then publishes."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from storage.publishwait import PUBLISH_LOCK_KEY
from tests.faults.harness import cli, feeds_args, finish, replay_args, spawn, until
from tests.faults.postgres import Cluster, why_not

REASON = why_not()

WAITING = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = :low"


@pytest.mark.skipif(REASON is not None, reason=REASON or "")
def test_a_publish_waits_for_the_one_in_progress_then_publishes(tmp_path: Path):
    with Cluster() as pg:
        db = pg.create("store")
        assert cli(db, *replay_args()).code in (0, 1)  # notices stored, nothing published (no --out)
        feeds = tmp_path / "feeds"
        holder = create_engine(db)
        try:
            with holder.connect() as other:
                other.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PUBLISH_LOCK_KEY})
                proc = spawn(db, *feeds_args(feeds))
                low = PUBLISH_LOCK_KEY & 0xFFFF_FFFF
                waited = until(lambda: proc.poll() is not None or other.execute(text(WAITING), {"low": low}).scalar()
                               > 0, seconds=300)
                assert waited and proc.poll() is None, finish(proc)  # it waits for the publish in progress...
                assert not (feeds / "all.atom").exists()
                other.rollback()  # (that publish ends)
            done = finish(proc)
        finally:
            holder.dispose()
        assert done.code in (0, 1), done.err  # ...then publishes (1: the fixtures' open source-health issues)
        assert (feeds / "all.atom").exists()
        assert "another publish of this database is in progress: waiting for it" in done.err
