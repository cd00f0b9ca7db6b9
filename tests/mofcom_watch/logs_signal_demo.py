"""A ``run`` outside its crawl, stopped by SIGTERM at the first moment after its log handler's lock was taken at
which Python runs a signal handler, while the run lock's heartbeat logs a failed beat (session 51's theoretical case,
ops52). Run as a process of its own by ``test_logs_signal52.py``: prints ``exited: …`` when the process unwinds, or is
ended by ``faulthandler`` (exit 1, every thread's stack on stderr) when it hangs.

Only the moment is chosen here: a profile hook of the main thread raises the signal at the first profile event after
the handler's lock became the main thread's, which is where CPython's eval loop can first run a pending signal's
handler once the lock is taken (the end of the ``CALL`` that took it, for ``Handler.acquire``; the start of the first
call inside a ``with`` block). Everything else is the project's: its log handler, its SIGTERM handler, its run lock
and heartbeat on a real SQLite store, whose heartbeat fails for real (the lock's table renamed away)."""

from __future__ import annotations

import faulthandler
import logging
import signal
import sqlite3
import sys
import threading
import time
from pathlib import Path

HANG_AFTER = 8.0  # seconds: a run still not unwound is hung (faulthandler ends it, exit 1)


def _blocked_on_log(ident: int) -> bool:
    """Whether the thread ``ident`` waits inside the log handler (its lock is the main thread's)."""
    frame = sys._current_frames().get(ident)
    names = []
    while frame is not None:
        names.append(frame.f_code.co_name)
        frame = frame.f_back
    return "beat" in names and names[0] in ("acquire", "handle", "flush")


def main(store: Path) -> None:
    from mofcom_watch.exits import stop_on_sigterm
    from mofcom_watch.logs import setup_logging
    from storage.db import open_store
    from storage.runlock import run_lock

    setup_logging()
    stop_on_sigterm()
    handler = next(h for h in logging.getLogger().handlers if hasattr(h, "_fixed"))
    engine = open_store(f"sqlite:///{store}")
    log = logging.getLogger("mofcom_watch.cycle")
    armed = threading.Event()
    main_thread = threading.current_thread()

    def hook(frame, event, arg):  # noqa: ANN001, ANN202, ARG001
        if not armed.is_set() or threading.current_thread() is not main_thread or not handler.lock._is_owned():
            return
        armed.clear()
        beats = [i for i in sys._current_frames() if i != threading.get_ident()]
        deadline = time.monotonic() + 5
        while not any(_blocked_on_log(i) for i in beats) and time.monotonic() < deadline:
            time.sleep(0.005)
        print(f"signal at {frame.f_code.co_name} ({event})", flush=True)
        signal.raise_signal(signal.SIGTERM)  # its handler runs at the next point the eval loop checks: here

    faulthandler.dump_traceback_later(HANG_AFTER, exit=True)
    try:
        with run_lock(engine, every=0.05):
            with sqlite3.connect(store) as conn:  # the heartbeat fails from now on, for real
                conn.execute("ALTER TABLE run_lock RENAME TO run_lock_gone")
            conn.close()
            time.sleep(0.2)  # (a failed beat or two logged)
            armed.set()
            sys.setprofile(hook)
            log.info("publishing")  # what a cycle logs outside its crawl
            sys.setprofile(None)
    except BaseException as exc:  # noqa: BLE001 - what the run unwound with is the answer
        sys.setprofile(None)
        faulthandler.cancel_dump_traceback_later()
        chain, seen = [], exc
        while seen is not None:
            chain.append(type(seen).__name__)
            seen = seen.__context__
        print(f"exited: {' during '.join(chain)}", flush=True)  # (the release fails too: its table is gone)
        return
    print("exited: no signal", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
