"""A process asked to stop (SIGTERM: ``docker stop``, systemd): its crawl ends at its next page, its fetches at once.

``schedule`` and ``serve --schedule`` run their cycle in a thread of their own, which no signal reaches: the
thread that takes the signal sets a :class:`StopRequest`, and the cycle's crawler (``scraper.discovery``) ends at
its next page (:class:`CrawlStopped`), its pages stored so far kept, no run row written for the source it was in
(the next cycle walks that source deep: ``storage.health.crawl_cut_short``). A fetch waiting for an answer is woken
too (:func:`scraper.fetch.deadline.abort`: its socket shut down), none is sent or retried after it, and no polite
pause is waited out: a held or slow page (a read may wait 30 s, a whole answer ten times that) no longer holds the
stop past a container's 10 s. ``run`` sets it from its SIGTERM handler as well, so its fetches in flight end with it.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterator

STOPPED = "stopped"  # a fetch's error when the process was asked to stop: never tallied (the crawl ends first)


class CrawlStopped(Exception):
    """The crawl ended at a page boundary because the process was asked to stop (:class:`StopRequest`)."""


class StopRequest:
    """Set once, from any thread (a signal handler too); read by the crawler, the fetcher and the socket reads."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.RLock()  # (set from a signal handler of the thread that may hold it: on_set)
        self._calls: list[Callable[[], None]] = []
        self._quiet = 0  # the main thread is in a :meth:`quiet` block (nested: its depth)
        self._held: int | None = None  # a stop signal held by :meth:`hold`, raised again as the block ends

    def is_set(self) -> bool:
        return self._event.is_set()

    def wait(self, seconds: float | None = None) -> bool:
        """Sleep up to ``seconds``, waking when the stop is asked; True if it was."""
        return self._event.wait(seconds)

    def sleep(self, seconds: float) -> None:
        """``time.sleep`` cut short by the stop (the fetcher's polite pauses and retry waits)."""
        self._event.wait(seconds)

    def set(self) -> None:
        """Ask for the stop: whatever waits is woken (each callback once, in the calling thread)."""
        with self._lock:
            if self._event.is_set():
                return
            self._event.set()
            calls, self._calls = self._calls, []
        for call in calls:
            call()

    def on_set(self, call: Callable[[], None]) -> Callable[[], None]:
        """Call ``call`` when the stop is asked (at once if it was); returns a function that forgets it."""
        with self._lock:
            if not self._event.is_set():
                self._calls.append(call)
                return lambda: self._forget(call)
        call()
        return lambda: None

    def _forget(self, call: Callable[[], None]) -> None:
        with self._lock:
            if call in self._calls:
                self._calls.remove(call)

    @contextlib.contextmanager
    def quiet(self) -> Iterator[None]:
        """While the block runs in the main thread (``run``'s crawl), a stop signal only asks this stop (its handler:
        :func:`mofcom_watch.exits.first_on_stop`, with :meth:`hold`): the block ends at its next page
        (:class:`CrawlStopped`), its fetches at once, and the signal is raised again as it ends, where the handler
        raises its :class:`~mofcom_watch.exits.Terminated`. Was: raised at once, between any two steps of the main
        thread, in the crawl too: right after it took a pending fetch's future's lock (``as_completed`` takes each
        one's, ``Future.result``, ``cancel`` and ``wait`` too), before anything would release it (a lock is taken in
        one step and the ``with`` that releases it begins in the next). The fetch's thread then waited for that lock
        for ever to give its answer, and the unwinding crawl for that answer: the run hung without a word, its run
        lock held and kept fresh by its heartbeat, until a SIGKILL (ops51). A second signal in the block is raised at
        once, as before."""
        if threading.current_thread() is not threading.main_thread():  # (no signal handler runs in another thread)
            yield
            return
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1
            if not self._quiet and (held := self._held) is not None:
                self._held = None
                signal.raise_signal(held)  # (its handler raises here: the block's locks are all let go)

    def hold(self, signum: int) -> bool:
        """A stop signal's handler asks: True when the main thread is in a :meth:`quiet` block (the signal is held
        and raised again as the block ends; the handler only asks the stop), False when it should raise now (out of
        such a block, or a second signal)."""
        if not self._quiet:
            return False
        if self._held is not None:  # a second one: raised now, and not again as the block ends
            self._held = None
            return False
        self._held = signum
        return True

    def check(self) -> None:
        """Raise :class:`CrawlStopped` once the stop was asked (the crawler's page boundaries)."""
        if self._event.is_set():
            raise CrawlStopped("asked to stop")
