"""The run lock: one holder at a time, stale locks taken over, release only by the holder."""

from __future__ import annotations

import os
import socket
from datetime import datetime, timedelta, timezone

import pytest

from storage.models import RunLock
from storage.runlock import RunLockHeld, acquire, current_holder, release, run_lock


def test_second_holder_is_refused_until_release(engine):
    with run_lock(engine, holder="a") as held:
        assert held == "a" and current_holder(engine) == "a"
        with pytest.raises(RunLockHeld) as info:
            acquire(engine, holder="b")
        assert info.value.holder == "a"
    assert current_holder(engine) is None
    with run_lock(engine, holder="b"):
        assert current_holder(engine) == "b"


def test_stale_lock_is_taken_over(engine):
    old = datetime.now(timezone.utc) - timedelta(hours=5)
    acquire(engine, holder="crashed", now=old)
    acquire(engine, holder="fresh", stale_after=timedelta(hours=1))
    assert current_holder(engine) == "fresh"
    release(engine, holder="crashed")  # not ours any more: no effect
    assert current_holder(engine) == "fresh"


def test_lock_released_when_the_block_raises(engine):
    with pytest.raises(ValueError):
        with run_lock(engine, holder="a"):
            raise ValueError("boom")
    assert current_holder(engine) is None


def test_a_holder_on_this_host_that_is_gone_is_taken_over_at_once(engine):
    """kill -9 runs no ``finally``: the lock row stays, naming a process that no longer exists."""
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()  # gone (reaped): its pid names nobody now
    acquire(engine, holder=f"{socket.gethostname()}:{child.pid}:killed")
    acquire(engine, holder="fresh")
    assert current_holder(engine) == "fresh"


def test_our_own_pid_from_before_we_started_is_a_previous_life(engine):
    """A restarted container's PID 1 finds its previous life's lock under the same host and pid."""
    me = f"{socket.gethostname()}:{os.getpid()}"
    long_ago = datetime.now(timezone.utc) - timedelta(days=400)  # before this process started
    acquire(engine, holder=f"{me}:previous", now=long_ago)
    with engine.begin() as conn:  # a fresh heartbeat: only the pid's start time tells
        conn.execute(RunLock.__table__.update().values(heartbeat_at=datetime.now(timezone.utc)))
    acquire(engine, holder=f"{me}:now")
    assert current_holder(engine) == f"{me}:now"
    release(engine, holder=f"{me}:now")
    acquire(engine, holder=f"{me}:other-thread")  # taken after we started: alive, it is us
    with pytest.raises(RunLockHeld):
        acquire(engine, holder=f"{me}:mine")


def test_a_holder_on_another_host_waits_for_its_heartbeat_to_go_stale(engine):
    acquire(engine, holder="elsewhere:1:abc")
    with pytest.raises(RunLockHeld) as info:
        acquire(engine, holder="here")
    assert "pid 1 on host elsewhere (run abc)" in str(info.value)
