"""Session 51's theoretical case (ops52): a stop signal outside ``run``'s crawl landing in the log handler's
``acquire`` while the run lock's heartbeat logs a failed beat. CPython runs a signal's handler at the end of the call
that took the handler's lock, before logging's ``try``: the lock stayed the main thread's for good, the heartbeat
waited for it holding its own mutex, and the run's unwinding waited for the heartbeat: hung, no word, the run lock
beating no more (the next run waits for it to go stale). Shown with the real handler, SIGTERM handler, run lock and
heartbeat on a real SQLite store in a process of its own (``logs_signal_demo.py``: only the moment is chosen, by a
profile hook at the first point after the lock was taken where the eval loop can run a pending handler). Now the
handler takes its lock by ``with``: the process unwinds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT

DEMO = Path(__file__).with_name("logs_signal_demo.py")


def test_sigterm_as_the_log_handler_takes_its_lock_while_the_heartbeat_logs_a_failed_beat_unwinds(tmp_path: Path):
    done = subprocess.run([sys.executable, str(DEMO), str(tmp_path / "store.sqlite")], cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert "Timeout" not in done.stderr, done.stderr[-3000:]  # was: faulthandler's dump after 8 s, exit 1: main in
    # HeldLock.stop (waiting for the heartbeat's mutex), the heartbeat in logging's Handler.acquire
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    assert lines[0].startswith("signal at "), lines  # (the moment came: the heartbeat was waiting on the log)
    assert lines[-1].startswith("exited: ") and lines[-1].endswith(" during Terminated"), lines  # SIGTERM unwound
    # the run; its release then failed on the table the demo renamed away (OperationalError during it)
    assert "run lock heartbeat failed" in done.stderr
