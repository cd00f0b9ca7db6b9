"""What a process keeps between its fetch runs: the worker threads and the open connections.

A no-change cycle makes a score of conditional requests; starting eight threads and opening eight
connections for them, then joining the threads and closing the sockets at its end, costs it as much
as its own work (and a connection refused by a busy server's full accept queue waits a second for
the SYN to be sent again). ``schedule``, ``serve --schedule`` and the tests run many cycles in one
process: the threads and the connection pools are made once and lent to each cycle.

- :func:`worker_pool`: one thread pool per size, its threads started on first use, then kept.
- :func:`kept_transport`: the HTTP transport (its connection pools) for a TLS setting and pool
  size. Each cycle still makes its own client (its own cookies, headers and counters) over it; a
  connection idle longer than httpx's keep-alive expiry (5 s), or closed by the server, is not used
  again, so a cycle 30 minutes after the last one connects afresh as it did before.
- While no client holds a kept transport, a reaper thread looks at its idle connections every
  :data:`REAP_EVERY` seconds and closes those the server closed or that outlived the keep-alive expiry,
  until none is left: a pool only cleans up before its next request, so between two ``schedule``
  cycles (30 minutes) the sockets the servers closed stayed half-closed (CLOSE_WAIT). A connection
  that can still be used is left for the next cycle, as before.

Both are closed when the process exits.
"""

from __future__ import annotations

import atexit
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from scraper.fetch.client import _SchemeTransport

REAP_EVERY = 1.0  # seconds between two looks at the idle kept connections while no client holds them

_lock = threading.Lock()
_pools: dict[int, ThreadPoolExecutor] = {}
_transports: dict[tuple[bool, int], _Kept] = {}


def worker_pool(size: int) -> ThreadPoolExecutor:
    """The process's pool of up to ``size`` threads."""
    size = max(1, size)
    with _lock:
        pool = _pools.get(size)
        if pool is None:
            pool = _pools[size] = ThreadPoolExecutor(max_workers=size, thread_name_prefix=f"fetch{size}")
        return pool


class _Kept:
    """One kept transport, the clients holding it, and whether its reaper runs (all under ``_lock``)."""

    def __init__(self, transport: _SchemeTransport) -> None:
        self.transport = transport
        self.lent = 0
        self.reaping = False

    def give_back(self) -> None:
        """A client let it go: the last one starts the reaper."""
        with _lock:
            self.lent -= 1
            if self.lent or self.reaping:
                return
            self.reaping = True
        threading.Thread(target=self._reap, name="kept-reaper", daemon=True).start()

    def _reap(self) -> None:
        """Drop the stale idle connections until none is left or a client holds the transport again (its
        requests clean up; the reaper starts again when it is given back)."""
        while True:
            time.sleep(REAP_EVERY)
            with _lock:
                if self.lent or not self.transport.drop_stale():
                    self.reaping = False
                    return


class _Lent(httpx.BaseTransport):
    """A kept transport as one client sees it: closing the client leaves its connections open."""

    def __init__(self, kept: _Kept) -> None:
        self._kept = kept
        self._closed = False

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._kept.transport.handle_request(request)

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._kept.give_back()


def kept_transport(verify: bool, limits: httpx.Limits) -> httpx.BaseTransport:
    """The process's transport for ``verify`` and ``limits.max_connections``, lent to one client."""
    from scraper.fetch.client import scheme_transport

    key = (verify, limits.max_connections or 0)
    with _lock:
        kept = _transports.get(key)
        if kept is None:
            kept = _transports[key] = _Kept(scheme_transport(verify, limits))
        kept.lent += 1
        return _Lent(kept)


def close_kept() -> None:
    """Close the kept connections and let the kept threads go (at exit; a test may call it)."""
    with _lock:
        for kept in _transports.values():
            kept.transport.close()
        _transports.clear()
        for pool in _pools.values():
            pool.shutdown(wait=False)
        _pools.clear()


atexit.register(close_kept)
