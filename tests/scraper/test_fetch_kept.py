"""scraper.fetch.kept: the connections and threads a process keeps between its cycles, against a real server.

A Fetcher made with ``keep=True`` sends over the process's kept connections, which its ``close``
leaves open for the next one; everything else of a client (cookies, counters) is its own.
"""

from __future__ import annotations

import os
import socket
import threading
import time

from scraper.fetch import Fetcher, FetchPolicy, FetchRequest, HostMap
from scraper.fetch.kept import REAP_EVERY, close_kept, worker_pool
from tests import sockets
from tests.site_server import SiteServer

HOST = "www.mofcom.gov.cn"
PAGE = f"{HOST}/zwgk/zcfb/art/2025/art_0123456789abcdef0123456789abcdef.html"
URL = f"https://{PAGE}"


def fetch_twice(site: SiteServer, *, keep: bool) -> list[int]:
    """Two Fetchers one after the other, as two cycles of one process make them; their statuses."""
    statuses = []
    for _ in range(2):
        with Fetcher(FetchPolicy(delay=0.0, per_host=1, total=1), host_map=HostMap(site.base_urls([HOST])),
                     allowed_hosts={HOST}, keep=keep) as f:
            statuses.append(f.fetch(FetchRequest(URL)).status)
            assert f.counters.requests == 1  # each client counts its own requests
    return statuses


def test_a_kept_connection_serves_the_next_fetcher():
    close_kept()
    with SiteServer(pages={PAGE: b"<html><body>x</body></html>"}) as site:
        assert fetch_twice(site, keep=True) == [200, 200]
        assert site.connections == 1
    close_kept()


def test_without_keep_each_fetcher_connects_and_closes():
    with SiteServer(pages={PAGE: b"<html><body>x</body></html>"}) as site:
        assert fetch_twice(site, keep=False) == [200, 200]
        assert site.connections == 2


class ClosingServer:
    """Answers each connection's first request (HTTP/1.1, so the client keeps the connection), then
    closes it: as a server whose keep-alive timeout is shorter than the time between two cycles."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.connections = 0
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/{HOST}"

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            with conn:
                data = b""
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(4096)
                    if not chunk:
                        break
                    data += chunk
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 2\r\n\r\nok")
                time.sleep(0.05)  # the client has put the connection back in its pool by now

    def close(self) -> None:
        self.sock.close()


def test_a_connection_the_server_closed_is_not_used_again():
    """The next cycle's first request must not go out on a socket the server has closed (which would
    fail, be retried, or count as a fault of the source): it connects afresh."""
    close_kept()
    server = ClosingServer()
    try:
        for _ in range(3):
            with Fetcher(FetchPolicy(delay=0.0, attempts=1), host_map=HostMap({HOST: server.base}),
                         keep=True) as f:
                result = f.fetch(FetchRequest(URL))
                assert result.ok and result.body == b"ok" and f.counters.retries == 0
            time.sleep(0.1)  # the server has closed its side
        assert server.connections == 3
    finally:
        server.close()
        close_kept()


def test_a_connection_the_server_closed_is_dropped_between_cycles():
    """Between two cycles (``schedule``: 30 minutes) nothing sends on the kept connections, so the pool never
    cleans up: a socket the server closed stayed half-closed (CLOSE_WAIT) until the next cycle. The reaper
    closes it while no client holds the transport; one the server keeps open stays for the next cycle."""
    close_kept()
    server = ClosingServer()
    port = server.sock.getsockname()[1]
    try:
        with Fetcher(FetchPolicy(delay=0.0, attempts=1), host_map=HostMap({HOST: server.base}), keep=True) as f:
            assert f.fetch(FetchRequest(URL)).ok
            held = sockets.states(os.getpid(), port)
        assert held in (["ESTABLISHED"], ["CLOSE_WAIT"])  # kept, whether or not the server has closed yet
        deadline = time.monotonic() + 10 * REAP_EVERY + 10
        while sockets.states(os.getpid(), port) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert sockets.states(os.getpid(), port) == []
    finally:
        server.close()
        close_kept()
    with SiteServer(pages={PAGE: b"<html><body>x</body></html>"}) as site:  # a server that keeps it open
        assert fetch_twice(site, keep=True) == [200, 200]
        time.sleep(2 * REAP_EVERY + 0.5)  # the reaper has looked at it (and left it: it can be used again)
        assert fetch_twice(site, keep=True) == [200, 200]
        assert site.connections == 1
    close_kept()


def test_cookies_are_each_fetchers_own():
    close_kept()
    with SiteServer(pages={PAGE: b"<html><body>x</body></html>"}) as site:
        policy, hosts = FetchPolicy(delay=0.0), HostMap(site.base_urls([HOST]))
        with Fetcher(policy, host_map=hosts, keep=True) as f:
            f._client.cookies.set("__jsl_clearance", "1")  # what a bot check would have set
            f.fetch(FetchRequest(URL))
        with Fetcher(policy, host_map=hosts, keep=True) as g:
            g.fetch(FetchRequest(URL))
        assert "Cookie" in site.hits[0].headers and "Cookie" not in site.hits[1].headers
    close_kept()


def test_the_worker_pool_is_kept_per_size():
    pool = worker_pool(3)
    assert worker_pool(3) is pool and worker_pool(4) is not pool
    started = time.monotonic()
    assert list(pool.map(lambda x: x * 2, range(6))) == [0, 2, 4, 6, 8, 10]
    assert time.monotonic() - started < 10
