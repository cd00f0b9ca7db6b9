"""A deadline for a whole answer, kept on every socket operation of the thread waiting for it.

httpx's timeouts are per operation: a server sending its status line and headers a byte at a time answers
each read in time, and h11 waits for up to 16 KiB of headers (hours at a byte a second), holding the fetch,
the run and its run lock. The client checks its answer deadline between body chunks; this bounds the reads
before that (and the TLS handshake): each read, write or handshake of a connection waits at most the time
left before the deadline that :func:`answer_deadline` set in the current thread (httpcore's public
``NetworkBackend`` interface, the pool's own backend wrapped), then fails as a timeout. A fetch made under a
:class:`~scraper.stop.StopRequest` is cut short when the stop is asked: the socket it is reading is shut down
(:func:`abort`), and every later operation of it fails at once.
"""

from __future__ import annotations

import socket
import threading
import time
import typing
from contextlib import contextmanager, suppress

import httpcore

if typing.TYPE_CHECKING:
    from scraper.stop import StopRequest

_local = threading.local()
# thread id -> the stream that thread is reading now and the stop it reads under (only reads made under a stop)
_reading: dict[int, tuple[_Stream, StopRequest]] = {}


@contextmanager
def answer_deadline(at: float, stop: StopRequest | None = None) -> typing.Iterator[None]:
    """Every socket operation of this thread until the block ends waits at most until ``at`` (time.monotonic), and
    ends (as a timeout) once ``stop`` is asked."""
    _local.at, _local.stop = at, stop
    try:
        yield
    finally:
        _local.at = _local.stop = None


def abort(stop: StopRequest) -> None:
    """Wake every read made under ``stop`` (asked already): its socket is shut down, so the read ends at once (a
    closed connection) instead of waiting for an answer a server holds. The fetcher has the stop call it."""
    for stream, under in list(_reading.values()):
        if under is stop:
            stream.shut()


def passed() -> bool:
    """Whether this thread's answer deadline has passed."""
    at = getattr(_local, "at", None)
    return at is not None and time.monotonic() >= at


def _bounded(timeout: float | None, timed_out: type[Exception]) -> float | None:
    stop = getattr(_local, "stop", None)
    if stop is not None and stop.is_set():
        raise timed_out("the process was asked to stop")
    at = getattr(_local, "at", None)
    if at is None:
        return timeout
    left = at - time.monotonic()
    if left <= 0:
        raise timed_out("the answer's deadline passed")
    return left if timeout is None else min(timeout, left)


class _Stream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        stop = getattr(_local, "stop", None)
        if stop is None:
            return self._inner.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))
        me = threading.get_ident()
        _reading[me] = (self, stop)  # (before the check in _bounded: a stop asked after it finds this read)
        try:
            return self._inner.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))
        finally:
            _reading.pop(me, None)

    def shut(self) -> None:
        """Shut the socket down (from another thread): a read waiting on it returns at once."""
        sock = self._inner.get_extra_info("socket")
        if sock is not None:
            with suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context, server_hostname: str | None = None,  # type: ignore[no-untyped-def]
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return _Stream(self._inner.start_tls(ssl_context, server_hostname, _bounded(timeout, httpcore.ConnectTimeout)))

    def get_extra_info(self, info: str) -> typing.Any:
        return self._inner.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's backend, its streams bounded by the current thread's answer deadline."""

    def __init__(self, inner: httpcore.NetworkBackend | None = None) -> None:
        self._inner = inner or httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: typing.Iterable[typing.Any] | None = None) -> httpcore.NetworkStream:
        return _Stream(self._inner.connect_tcp(host, port, _bounded(timeout, httpcore.ConnectTimeout),
                                               local_address, socket_options))

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: typing.Iterable[typing.Any] | None = None) -> httpcore.NetworkStream:
        return _Stream(self._inner.connect_unix_socket(path, _bounded(timeout, httpcore.ConnectTimeout), socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)
