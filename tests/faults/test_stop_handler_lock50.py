"""``run``'s SIGTERM handler (``exits.first_on_stop``) asked the crawl's stop in the main thread, where the signal
lands between two steps of whatever runs there: while that thread held a lock the stop's callbacks take (the waiter
lock of ``concurrent.futures.as_completed``, taken again by ``Future.set_result`` of the crawl's stop future), the
handler waited for its own thread. The run hung without a word until a SIGKILL (session 50's final CI: a ``run`` sent
SIGTERM did not end in 120 s). A real process, a real signal, delivered while the main thread holds such a lock."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.mofcom_watch.stories import REPO

PROGRAM = textwrap.dedent("""
    import os, signal, threading, time
    from mofcom_watch.exits import Terminated, first_on_stop

    held = threading.Lock()  # as as_completed's waiter lock: not re-entrant
    asked = threading.Event()

    def ask_stop():
        with held:
            asked.set()

    try:
        with first_on_stop(ask_stop):
            with held:
                os.kill(os.getpid(), signal.SIGTERM)
                time.sleep(10)
    except Terminated as stopped:
        print("terminated", stopped.code, asked.wait(10), flush=True)
""")


def test_a_stop_signal_while_the_main_thread_holds_a_lock_the_stop_takes_ends_the_process() -> None:
    done = subprocess.run([sys.executable, "-c", PROGRAM], cwd=REPO, capture_output=True, text=True, timeout=20)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["terminated", "143", "True"], (done.stdout, done.stderr)
