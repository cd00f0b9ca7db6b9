"""Two and three `replay` processes on one SQLite file at once: one writes, the others wait for the run
lock (saying who holds it), all exit 0, and the store equals one clean run's: nothing lost, nothing twice.

The first writer is paused (SIGSTOP) once it holds the lock, until the others have said they wait:
the overlap is certain, not a matter of timing.
"""

from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.faults.harness import (
    cli, cli_env, lock_holder, replay_args, rows_extra, rows_lost, spawn_logged, store_rows, until,
)

WAITING = "for the run lock: another run holds the 'cycle' lock: pid "


@pytest.mark.parametrize("writers", [2, 3])
def test_concurrent_replays_queue_and_lose_nothing(clean, tmp_path, writers):
    path = tmp_path / "store.sqlite"
    db = f"sqlite:///{path}"
    first = spawn_logged(db, *replay_args(), log=tmp_path / "w0.log")
    assert until(lambda: lock_holder(db) is not None or first.proc.poll() is not None)
    os.kill(first.proc.pid, signal.SIGSTOP)
    try:
        holder = lock_holder(db)
        assert holder is not None and f":{first.proc.pid}:" in holder, first.finish().err
        others = [spawn_logged(db, *replay_args(), log=tmp_path / f"w{n}.log") for n in range(1, writers)]
        assert until(lambda: all(o.said(WAITING) or o.proc.poll() is not None for o in others))
    finally:
        os.kill(first.proc.pid, signal.SIGCONT)
    results = [p.finish() for p in [first, *others]]

    for done in results:
        assert done.code == 0, done.err
        assert "Traceback" not in done.err and "locked" not in done.err
    for done in results[1:]:  # the holder named once, and again when another writer took the lock first
        lines = done.err.strip().splitlines()
        assert WAITING + str(first.proc.pid) in lines[0] and " since " in lines[0], done.err
        assert all(line.startswith("mofcom-watch replay: waiting up to 600 s " + WAITING) for line in lines), done.err
    assert lock_holder(db) is None  # released by the last one
    rows = store_rows(db)
    assert rows_lost(clean.rows, rows) == 0 and rows_extra(clean.rows, rows) == 0


def test_a_wait_that_times_out_is_one_line_and_exit_3(tmp_path, clean):
    """A writer that may not wait (lock_wait_seconds = 0) says who holds the lock, in one line."""
    path = tmp_path / "store.sqlite"
    shutil.copyfile(Path(clean.db_url.removeprefix("sqlite:///")), path)
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO run_lock (name, holder, acquired_at, heartbeat_at) "
                          "VALUES ('cycle', 'elsewhere:4242:abc', '2026-11-29 08:00:00', :now)"),
                     {"now": time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())})
    engine.dispose()

    done = cli(f"sqlite:///{path}", *replay_args(), env=cli_env(MOFCOM_WATCH_LOCK_WAIT="0"))
    assert done.code == 3
    assert done.err.strip().splitlines() == [
        "mofcom-watch replay: gave up after waiting 0 s: another run holds the 'cycle' lock: pid 4242 on host elsewhere "
        "(run abc), since 2026-11-29T08:00:00+00:00"]
    assert lock_holder(f"sqlite:///{path}") == "elsewhere:4242:abc"  # still theirs
    assert store_rows(f"sqlite:///{path}") == clean.rows  # nothing written
