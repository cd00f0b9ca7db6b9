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

Both are closed when the process exits.
"""

from __future__ import annotations

import atexit
import threading
from concurrent.futures import ThreadPoolExecutor

import httpx

_lock = threading.Lock()
_pools: dict[int, ThreadPoolExecutor] = {}
_transports: dict[tuple[bool, int], httpx.BaseTransport] = {}


def worker_pool(size: int) -> ThreadPoolExecutor:
    """The process's pool of up to ``size`` threads."""
    size = max(1, size)
    with _lock:
        pool = _pools.get(size)
        if pool is None:
            pool = _pools[size] = ThreadPoolExecutor(max_workers=size, thread_name_prefix=f"fetch{size}")
        return pool


class _Lent(httpx.BaseTransport):
    """A kept transport as one client sees it: closing the client leaves its connections open."""

    def __init__(self, transport: httpx.BaseTransport) -> None:
        self._transport = transport

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._transport.handle_request(request)

    def close(self) -> None:
        pass


def kept_transport(verify: bool, limits: httpx.Limits) -> httpx.BaseTransport:
    """The process's transport for ``verify`` and ``limits.max_connections``, lent to one client."""
    from scraper.fetch.client import scheme_transport

    key = (verify, limits.max_connections or 0)
    with _lock:
        transport = _transports.get(key)
        if transport is None:
            transport = _transports[key] = scheme_transport(verify, limits)
        return _Lent(transport)


def close_kept() -> None:
    """Close the kept connections and let the kept threads go (at exit; a test may call it)."""
    with _lock:
        for transport in _transports.values():
            transport.close()
        _transports.clear()
        for pool in _pools.values():
            pool.shutdown(wait=False)
        _pools.clear()


atexit.register(close_kept)
