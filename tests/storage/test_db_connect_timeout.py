"""A PostgreSQL server that accepts the connection and never answers (a hung host, a firewall dropping packets): every
command hung at its first query, ``serve`` before it served anything (session 28, ops28). ``make_engine`` gives
PostgreSQL URLs a connect timeout (``PG_CONNECT_TIMEOUT``) unless the URL sets one, and ``open_store`` reaches the
server once before its revision probes, so the command says "unreachable" after one timeout, not four.

Real parts: psycopg against a real listening socket on loopback that never answers."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from storage import db
from storage.faults import StoreUnavailable
from tests.conftest import PG_ENV

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


def test_a_login_the_server_refuses_is_said_as_a_refusal_not_an_outage() -> None:
    """ops32: a wrong password (or user, or database name) in the URL said "… is unreachable or went away (… FATAL:
    password authentication failed …): check that the server is running and reachable", which it was. The server's
    words (libpq gives no SQLSTATE for a failed login) make it a refusal naming what to check; an outage is as before."""
    import psycopg
    from sqlalchemy.exc import OperationalError

    from storage.faults import store_fault

    def said(message: str) -> str:
        fault = store_fault(OperationalError(None, None, psycopg.OperationalError(message)),
                            "postgresql+psycopg://mofcom:secret@db:5432/mofcom")
        assert isinstance(fault, StoreUnavailable)
        return str(fault)

    at = 'connection failed: connection to server at "10.0.0.5", port 5432 failed: '
    for why in ('FATAL:  password authentication failed for user "mofcom"', 'FATAL:  database "mofcom" does not exist',
                'FATAL:  role "mofcom" does not exist', 'FATAL:  no pg_hba.conf entry for host "10.0.0.9", user '
                '"mofcom", database "mofcom", no encryption'):
        line = said(at + why)
        assert line.startswith("the database postgresql+psycopg://mofcom:***@db:5432/mofcom refused the connection ("
                               ), line
        assert why in line and "check the user, the password and the database name in the URL" in line, line
        assert "secret" not in line and "unreachable" not in line, line
    down = said(at + "Connection refused")
    assert "is unreachable or went away" in down and "check that the server is running" in down, down


@pytest.mark.postgres
@pytest.mark.skipif(not os.environ.get(PG_ENV), reason=f"needs a PostgreSQL server ({PG_ENV}; .ci/run)")
def test_a_database_missing_on_a_real_server_is_a_refusal() -> None:
    """The same with a real server's words: a URL naming a database the server does not have."""
    from sqlalchemy.engine import make_url

    url = make_url(os.environ[PG_ENV]).set(database="mw_ops32_no_such_database").render_as_string(hide_password=False)
    with pytest.raises(StoreUnavailable) as info:
        db.open_store(url).dispose()
    assert 'refused the connection (' in str(info.value) and "does not exist" in str(info.value), info.value
