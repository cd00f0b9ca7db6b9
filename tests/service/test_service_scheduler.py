"""The scheduler: one cycle at a time (in-process and via the database lock), survives failures, stops on SIGTERM.

Real APScheduler with short real timers (6-field cron with seconds); no mocks.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest

from mofcom_watch.scheduler import CronError, CycleRunner, make_scheduler, parse_cron

EVERY_SECOND = "* * * * * *"
WAIT = 30.0  # generous upper bound for polling, never asserted on


def wait_until(predicate, timeout: float = WAIT) -> bool:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


def test_parse_cron() -> None:
    assert parse_cron("*/30 * * * *") is not None
    assert parse_cron("*/2 * * * * *", "Asia/Shanghai") is not None
    for bad in ("", "* * *", "61 * * * *", "every day", "@reboot", "*/0 * * * *"):
        with pytest.raises(CronError):
            parse_cron(bad)


def test_crontab_nicknames_are_their_five_fields() -> None:
    """cli36: ``schedule --cron @daily`` was "bad cron expression '@daily': expected 5 fields", exit 2, where crontab
    takes it. Each nickname fires when the five fields it stands for do."""
    start = datetime(2026, 12, 4, 17, 0, tzinfo=timezone.utc)
    for nickname, fields in (("@hourly", "0 * * * *"), ("@daily", "0 0 * * *"), ("@Midnight", "0 0 * * *"),
                             ("@weekly", "0 0 * * 0"), ("@monthly", "0 0 1 * *"), ("@yearly", "0 0 1 1 *"),
                             ("@annually", "0 0 1 1 *")):
        fires = parse_cron(nickname, "Asia/Shanghai").get_next_fire_time(None, start)
        assert fires == parse_cron(fields, "Asia/Shanghai").get_next_fire_time(None, start), nickname


def test_failing_cycle_is_logged_and_the_next_one_runs(log_stream: io.StringIO) -> None:
    calls: list[str] = []

    def cycle(run_id: str) -> None:
        calls.append(run_id)
        if len(calls) == 1:
            raise RuntimeError("site down")

    runner = CycleRunner(cycle)
    scheduler = make_scheduler(runner, cron=EVERY_SECOND, background=True, run_at_start=True)
    scheduler.start()
    try:
        assert wait_until(lambda: len(calls) >= 2)
    finally:
        scheduler.shutdown(wait=True)
    lines = [line for line in log_stream.getvalue().splitlines() if "logger=mofcom_watch.scheduler" in line]
    failed = [line for line in lines if 'msg="cycle failed"' in line]
    done = [line for line in lines if 'msg="cycle done"' in line]
    assert len(failed) == 1 and f"run={calls[0]}" in failed[0] and "site down" in failed[0]
    assert done and f"run={calls[1]}" in done[0]
    assert calls[0] != calls[1]
    assert runner.last is not None and runner.last.ok and runner.last_success is not None


def test_scheduled_cycles_never_overlap(log_stream: io.StringIO) -> None:
    running = 0
    peak = 0
    done = 0
    guard = threading.Lock()

    def slow_cycle(_run_id: str) -> None:
        nonlocal running, peak, done
        with guard:
            running += 1
            peak = max(peak, running)
        time.sleep(1.5)  # longer than the one-second schedule
        with guard:
            running -= 1
            done += 1

    runner = CycleRunner(slow_cycle)
    scheduler = make_scheduler(runner, cron=EVERY_SECOND, background=True, run_at_start=True)
    scheduler.start()
    try:
        assert wait_until(lambda: done >= 3)
    finally:
        scheduler.shutdown(wait=True)
    assert peak == 1


def test_runner_skips_while_a_cycle_is_running(log_stream: io.StringIO) -> None:
    release = threading.Event()
    started = threading.Event()

    def cycle(_run_id: str) -> None:
        started.set()
        release.wait(WAIT)

    runner = CycleRunner(cycle)
    first = threading.Thread(target=runner)
    first.start()
    assert started.wait(WAIT)
    second = runner()
    release.set()
    first.join(WAIT)
    assert second.skipped and not second.ok
    assert runner.last is not None and runner.last.ok and not runner.last.skipped
    assert "cycle skipped" in log_stream.getvalue()


def test_database_lock_keeps_two_schedulers_apart(engine, log_stream: io.StringIO) -> None:  # noqa: ANN001
    """Two schedulers (as two instances sharing one database) never run cycles at the same time."""
    runlock = pytest.importorskip("storage.runlock")
    intervals: list[tuple[float, float]] = []
    guard = threading.Lock()

    def locked_cycle(run_id: str) -> None:
        with runlock.run_lock(engine, holder=run_id):
            start = time.monotonic()
            time.sleep(0.7)
            with guard:
                intervals.append((start, time.monotonic()))

    runners = [CycleRunner(locked_cycle), CycleRunner(locked_cycle)]
    schedulers = [make_scheduler(r, cron=EVERY_SECOND, background=True, run_at_start=True) for r in runners]
    for s in schedulers:
        s.start()
    try:
        assert wait_until(lambda: len(intervals) >= 4)
    finally:
        for s in schedulers:
            s.shutdown(wait=True)
    spans = sorted(intervals)
    for (_, end), (start, _) in zip(spans, spans[1:]):
        assert start >= end  # no two cycles overlapped
    assert "another run holds the lock" in log_stream.getvalue()


SCRIPT = """
import signal, sys, time
signal.signal(signal.SIGHUP, signal.SIG_DFL)  # (a suite started under nohup would pass it on ignored)
from mofcom_watch.logs import setup_logging
from mofcom_watch.scheduler import CycleRunner, make_scheduler, run_blocking

setup_logging(0)
def cycle(run_id):
    print("cycle", run_id, flush=True)
    time.sleep(float(sys.argv[1]))
runner = CycleRunner(cycle)
scheduler = make_scheduler(runner, cron="* * * * * *", run_at_start=True)
run_blocking(scheduler, runner)
print("exited cleanly", runner.count, flush=True)
"""


@pytest.mark.parametrize(("sig", "cycle_seconds"), [(signal.SIGHUP, 0.0), (signal.SIGTERM, 1.0), (signal.SIGINT, 0.5)])
def test_sigterm_stops_the_blocking_scheduler(tmp_path: Path, sig: signal.Signals, cycle_seconds: float) -> None:
    """SIGTERM (or Ctrl-C, or SIGHUP: the terminal it was started from closed) stops scheduling; a cycle in progress
    finishes first; exit code 0. Was (SIGHUP): the process died at once, mid-cycle, without a word, its run lock
    held (ops27 P8).

    Run it under CPU load too: stopping from a signal handler used to deadlock now and then.
    """
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT, str(cycle_seconds)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    try:
        first = proc.stdout.readline()
        assert first.startswith("cycle ")
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=WAIT)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    assert "exited cleanly" in out
    assert f'msg="scheduler stopping" signal={sig.name}' in err and 'msg="scheduler stopped"' in err
    if cycle_seconds:
        assert "waiting_for_cycle=true" in err
        assert 'msg="cycle done"' in err  # the running cycle was allowed to finish


def test_schedule_command_rejects_bad_cron(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from mofcom_watch.cli import app

    result = CliRunner().invoke(app, ["--db", f"sqlite:///{tmp_path}/x.sqlite", "schedule", "--cron", "not a cron"])
    assert result.exit_code == 2 and "bad cron expression" in result.output
    assert "Traceback" not in result.output


def test_sighup_stops_a_command_as_sigterm_does_unless_it_was_ignored() -> None:
    """``run``, ``schedule`` and ``serve`` take SIGHUP as a stop (one line, the lock released, exit 129 for ``run``);
    a process started with SIGHUP ignored (``nohup``) leaves it ignored."""
    from mofcom_watch.exits import Terminated, stop_signals

    before = signal.getsignal(signal.SIGHUP)
    try:
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
        assert stop_signals() == (signal.SIGTERM,)
        signal.signal(signal.SIGHUP, signal.SIG_DFL)
        assert stop_signals() == (signal.SIGTERM, signal.SIGHUP)
    finally:
        signal.signal(signal.SIGHUP, before)
    assert (Terminated(signal.SIGHUP).name, Terminated(signal.SIGHUP).code) == ("SIGHUP", 129)
    assert (Terminated().name, Terminated().code) == ("SIGTERM", 143)
