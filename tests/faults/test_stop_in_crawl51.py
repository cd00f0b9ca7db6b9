"""``run``'s stop signal raised :class:`~mofcom_watch.exits.Terminated` in the main thread at once, between any two of
its steps, in the crawl too. Python takes a lock in one step and enters the ``with`` (or ``try``) that releases it in
the next: a signal landing between them leaves the lock held for ever. In the crawl the main thread takes the lock of
each pending fetch's future (``concurrent.futures.as_completed``'s set-up, ``Future.result``, ``cancel``, ``wait``);
the fetch's thread then waits for that lock for ever to give its answer, and the unwinding crawl waits for that answer
(``wait(futures)``): the run hung without a word, its run lock held and kept fresh by its heartbeat (so no later run
could take it) until a SIGKILL (ops51; the same class as a901c4e8's handler). Now a stop signal during the crawl only
asks the stop (the crawl ends at its next page, its fetches at once) and is raised as the crawl ends
(``scraper.stop.StopRequest.quiet``).

A real ``run`` against a site holding its answers. The signal is real, sent by the main thread to itself right after
it took a pending fetch's future's lock in ``as_completed``'s set-up: where the interpreter's check for signals lands
after a lock's ``acquire`` returned (the hook only chooses that moment; the lock, the signal and its handler are the
real ones)."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest

from tests.faults.harness import FIXTURES, ROOT, lock_holder, run_args
from tests.faults.test_unattended_ops import base_urls_env
from tests.site_server import HeldSite

PROGRAM = r'''
import os, signal, sys, threading
import concurrent.futures._base as base

fired = []


def enter(self):  # concurrent.futures._base._AcquireFutures.__enter__, and a SIGTERM once, after a pending one's lock
    for future in self.futures:
        future._condition.acquire()
        if (not fired and len(self.futures) > 2 and not future.done()
                and threading.current_thread() is threading.main_thread()):
            fired.append(True)
            os.kill(os.getpid(), int(os.environ["STOP_SIGNAL"]))


base._AcquireFutures.__enter__ = enter
sys.argv = ["mofcom-watch", *sys.argv[1:]]
from mofcom_watch.__main__ import console_main

console_main()
'''


def _as_at_a_terminal() -> None:
    """Ctrl-C as a terminal's program has it: SIGINT neither ignored nor blocked. A run started by a background job
    (``cmd &`` in a script: the CI of sessions 59-61 was one) inherits it ignored, and keeps ignoring it as it should,
    which made the SIGINT case wait 60 s on the held pages, a timeout, though nothing was wrong."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


@pytest.mark.parametrize(("signum", "code", "line"), [
    (signal.SIGTERM, 143, "mofcom-watch run: stopped by SIGTERM"),
    (signal.SIGINT, 130, "mofcom-watch run: interrupted"),  # Ctrl-C: Python's own handler hung it alike
])
def test_a_stop_signal_right_after_the_crawl_took_a_pending_fetchs_lock_ends_the_run_in_one_line(tmp_path, signum, code,
                                                                                                 line):
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    with HeldSite(FIXTURES, hold_after=3) as site:  # from the fourth request on, every answer is held
        proc = subprocess.Popen([sys.executable, "-c", PROGRAM, "--db", db, *run_args(site.url, tmp_path / "feeds")],
                                cwd=ROOT, env=base_urls_env(site.url, MOFCOM_WATCH_TIMEOUT="30", STOP_SIGNAL=str(int(signum))),
                                text=True,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=_as_at_a_terminal)  # noqa: PLW1509
        t0 = time.monotonic()
        try:
            _, err = proc.communicate(timeout=60)  # (was: no end; the heartbeat kept the lock fresh)
        finally:
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                proc.wait()
        seconds = time.monotonic() - t0
    assert proc.returncode == code, err
    assert err.strip() == line, err
    assert seconds < 30, seconds
    assert lock_holder(db) is None  # released: the next run need not wait for it


HELD = r'''
import os, signal, time
from mofcom_watch.exits import Terminated, first_on_stop
from scraper.stop import StopRequest

for second in (False, True):
    stop, said = StopRequest(), []
    try:
        with first_on_stop(stop.set, holds=stop.hold):
            with stop.quiet():
                os.kill(os.getpid(), signal.SIGTERM)
                said.append(f"asked={stop.wait(10)}")  # the stop asked (its thread), nothing raised in the block
                if second:
                    os.kill(os.getpid(), signal.SIGTERM)
                    time.sleep(10)
                said.append("block ended")
            said.append("not raised")
    except Terminated as stopped:
        said.append(f"terminated {stopped.code}")
    print(" ".join(said), flush=True)
'''


def test_a_stop_signal_in_a_quiet_block_asks_the_stop_and_is_raised_as_it_ends_a_second_one_at_once():
    done = subprocess.run([sys.executable, "-c", HELD], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["asked=True block ended terminated 143", "asked=True terminated 143"], (
        done.stdout, done.stderr)
