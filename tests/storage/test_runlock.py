"""The run lock: one holder at a time, stale locks taken over, release only by the holder."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

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
