"""Two and three `replay` processes on one SQLite file at once: one writes, the others wait for the run
lock (saying who holds it), all exit 0, and the store and feeds equal one clean run's: nothing lost,
nothing twice. The first writer is paused while it holds the lock, so the overlap is certain."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.faults.harness import WAITING, cli, cli_env, concurrent_replays, lock_holder, replay_args, store_rows


@pytest.mark.parametrize("writers", [2, 3])
def test_concurrent_replays_queue_and_lose_nothing(clean, tmp_path, writers):
    outcome, results, first_pid = concurrent_replays(clean, tmp_path, writers)
    for done in results:
        assert done.code == clean.code, done.err
        assert "Traceback" not in done.err and "locked" not in done.err
    assert results[0].err == clean.err
    for done in results[1:]:  # the holder named once, and again when another writer took the lock first
        lines = done.err.strip().splitlines()
        assert WAITING + str(first_pid) in lines[0] and " since " in lines[0], done.err
        waits = [line for line in lines if line.startswith("mofcom-watch replay: waiting up to 600 s " + WAITING)]
        assert lines[:len(waits)] == waits and "\n".join(lines[len(waits):]) == clean.err.strip(), done.err
    assert lock_holder(f"sqlite:///{tmp_path / 'store.sqlite'}") is None  # released by the last one
    assert outcome.lost == 0 and outcome.false == 0 and outcome.recovered, outcome


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
        "mofcom-watch replay: gave up after waiting 0 s: another run holds the 'cycle' lock: pid 4242 on host "
        "elsewhere (run abc), since 2026-11-29T08:00:00+00:00"]
    assert lock_holder(f"sqlite:///{path}") == "elsewhere:4242:abc"  # still theirs
    assert store_rows(f"sqlite:///{path}") == clean.rows  # nothing written
