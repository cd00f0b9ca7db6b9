"""A PostgreSQL server that accepts the connection and never answers (a hung host, a firewall dropping packets): every
command hung at its first query, ``serve`` before it served anything (session 28, ops28). ``make_engine`` gives
PostgreSQL URLs a connect timeout (``PG_CONNECT_TIMEOUT``) unless the URL sets one, and ``open_store`` reaches the
server once before its revision probes, so the command says "unreachable" after one timeout, not four.

Real parts: psycopg against a real listening socket on loopback that never answers."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from storage import db
from storage.faults import StoreUnavailable

pytest.importorskip("psycopg")


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port whose listener never accepts: the kernel completes the TCP handshake, nothing ever answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield listener.getsockname()[1]


@pytest.mark.parametrize(("ours", "query"), [(1, ""), (100, "?connect_timeout=1")], ids=["default", "the-url-s-own"])
def test_a_server_that_never_answers_is_unreachable_after_one_timeout(silent_port: int, monkeypatch, ours: int,
                                                                       query: str) -> None:
    """One timeout: ours (PG_CONNECT_TIMEOUT, made short here), or the URL's own where it sets one."""
    monkeypatch.setattr(db, "PG_CONNECT_TIMEOUT", ours)  # (libpq waits 2 s at least)
    failed: list[BaseException] = []

    def open_it() -> None:
        try:
            db.open_store(f"postgresql+psycopg://u@127.0.0.1:{silent_port}/db{query}").dispose()
        except BaseException as exc:  # noqa: BLE001 - judged below
            failed.append(exc)

    started = time.monotonic()
    opening = threading.Thread(target=open_it, daemon=True)
    opening.start()
    opening.join(30)  # no timeout: it waits for ever (until the listener closes)
    took = time.monotonic() - started
    assert not opening.is_alive(), "still connecting after 30 s: no connect timeout"
    assert len(failed) == 1 and isinstance(failed[0], StoreUnavailable), failed
    assert "is unreachable or went away (connection timeout expired)" in str(failed[0])
    assert took < 4, f"{took:.1f} s: the probes after the first connect each waited a timeout again"
