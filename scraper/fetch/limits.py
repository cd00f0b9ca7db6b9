"""Per-host politeness: at most N requests in flight per host, a pause between request starts."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from typing import Iterator


class HostGates:
    """``clock`` and ``sleep`` are the real ones except in tests of the pause itself."""

    def __init__(self, per_host: int, delay: float, total: int, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self._clock, self._sleep = clock, sleep
        self._per_host = max(1, per_host)
        self._delay = max(0.0, delay)
        self._total = threading.BoundedSemaphore(max(1, total))
        self._lock = threading.Lock()
        self._sems: dict[str, threading.BoundedSemaphore] = {}
        self._next: dict[str, float] = {}

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        with self._lock:
            sem = self._sems.setdefault(host, threading.BoundedSemaphore(self._per_host))
        with sem, self._total:  # host first: threads queued on a busy host hold no global slot
            with self._lock:
                now = self._clock()
                start = max(now, self._next.get(host, now))
                self._next[host] = start + self._delay
            if start > now:
                self._sleep(start - now)
            yield
