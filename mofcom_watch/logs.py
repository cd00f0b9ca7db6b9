"""Structured one-line logs with a run id.

Every line is ``ts=… level=… logger=… run=… msg="…" key=value …`` (or one JSON object per line
with ``log_format = "json"``), so a cycle can be followed with ``grep run=<id>``. The run id lives
in a context variable: :func:`run_context` sets it for everything logged inside, in any module.
"""

from __future__ import annotations

import contextlib
import contextvars
import json
import logging
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, TextIO

_run_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("mofcom_watch_run_id", default=None)
_HANDLER_MARK = "_mofcom_watch_handler"
_PLAIN = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:@+,")
# LogRecord attributes that are not user fields
_RESERVED = set(vars(logging.LogRecord("x", 0, "x", 0, "x", None, None))) | {"message", "asctime", "fields"}


LOGGED_PATH_CHARS = 120  # a request path in a log line is cut to this (a client chooses its length)


def short_path(path: str) -> str:
    """``path`` cut for a log line."""
    return path if len(path) <= LOGGED_PATH_CHARS else f"{path[:LOGGED_PATH_CHARS]}…({len(path)} chars)"


class _ShortRequestPaths(logging.Filter):
    """uvicorn's access and error lines carry the request path as given: cut it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.startswith("uvicorn") and isinstance(record.args, tuple):
            record.args = tuple(short_path(a) if isinstance(a, str) else a for a in record.args)
        return True


def new_run_id() -> str:
    """A short id, sortable by time: ``20261129T184500-1a2b3c``."""
    import secrets  # here: a command that starts no run (parse FILE, --help) need not load it (issue 11, start-up)

    return f"{datetime.now(UTC):%Y%m%dT%H%M%S}-{secrets.token_hex(3)}"


@contextlib.contextmanager
def run_context(run_id: str | None = None) -> Iterator[str]:
    """Tag every log line inside with ``run=<id>`` (a new id when none is given)."""
    rid = run_id or new_run_id()
    token = _run_id.set(rid)
    try:
        yield rid
    finally:
        _run_id.reset(token)


def _fields(record: logging.LogRecord) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    extra = getattr(record, "fields", None)
    if isinstance(extra, dict):
        fields.update(extra)
    for key, value in vars(record).items():
        if key not in _RESERVED and not key.startswith("_"):
            fields[key] = value
    return fields


def _logfmt_value(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    if text and all(c in _PLAIN for c in text):
        return text
    return json.dumps(text, ensure_ascii=False)


class LineFormatter(logging.Formatter):
    """``key=value`` lines (logfmt), or JSON objects when ``json_lines``."""

    def __init__(self, json_lines: bool = False) -> None:
        super().__init__()
        self.json_lines = json_lines

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "level": record.levelname.lower(),
            "logger": record.name,
        }
        rid = getattr(record, "run_id", None) or _run_id.get()
        if rid:
            data["run"] = rid
        data["msg"] = record.getMessage()
        for key, value in _fields(record).items():
            if key != "run_id":
                data[key] = value
        if record.exc_info:
            exc = record.exc_info[1]
            data["error"] = f"{type(exc).__name__}: {exc}"
            if record.levelno <= logging.DEBUG:  # --verbose: the traceback too, still on one line
                data["traceback"] = self.formatException(record.exc_info)
        if self.json_lines:
            return json.dumps(data, ensure_ascii=False, default=str)
        return " ".join(f"{k}={_logfmt_value(v)}" for k, v in data.items())


class _LineHandler(logging.StreamHandler):
    """Writes to ``stream``, or to whatever ``sys.stderr`` is at the time (test runners swap it)."""

    def __init__(self, stream: TextIO | None = None) -> None:
        super().__init__(stream or sys.stderr)
        self._fixed = stream

    @property  # type: ignore[override]
    def stream(self) -> TextIO:
        return self._fixed or sys.stderr

    @stream.setter
    def stream(self, value: TextIO) -> None:
        pass

    def handle(self, record: logging.LogRecord) -> bool:
        """As logging's, its lock taken by a ``with``: logging's ``acquire()`` then ``try`` leaves the lock held for
        good when a stop signal's handler raises between the two (``Terminated`` outside ``run``'s crawl: CPython
        runs it at the end of the call that took the lock), and any other thread that logs then waits for ever: the
        run lock's heartbeat logging a failed beat, which ``run``'s unwinding waits for, hung the run with no word
        (session 51's theoretical case, shown by ops52: tests/mofcom_watch/test_logs_signal52.py). A ``with`` takes
        the lock with no such point between (3.13's logging does the same)."""
        rv = self.filter(record)
        if isinstance(rv, logging.LogRecord):  # (3.12: a filter may give the record to emit)
            record = rv
        if rv:
            with self.lock:  # type: ignore[union-attr]
                self.emit(record)
        return bool(rv)

    def flush(self) -> None:
        """As logging's, its lock taken by a ``with`` (:meth:`handle`: ``emit`` flushes under the same lock)."""
        with self.lock:  # type: ignore[union-attr]
            stream = self.stream
            if stream and hasattr(stream, "flush"):
                stream.flush()


def setup_logging(verbosity: int = 0, *, log_format: str = "text", stream: TextIO | None = None) -> None:
    """Configure the root logger once: -1 errors only (``--quiet``), 0 info, 1 debug (``--verbose``).

    Third-party loggers stay at WARNING unless verbose, so one cycle is one line.
    """
    level = logging.ERROR if verbosity < 0 else logging.DEBUG if verbosity > 0 else logging.INFO
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _HANDLER_MARK, False):
            root.removeHandler(handler)
    handler = _LineHandler(stream)
    setattr(handler, _HANDLER_MARK, True)
    handler.addFilter(_ShortRequestPaths())
    handler.setFormatter(LineFormatter(json_lines=log_format == "json"))
    root.addHandler(handler)
    root.setLevel(level)
    quiet_level = logging.DEBUG if verbosity > 0 else logging.WARNING
    for name in ("apscheduler", "httpx", "uvicorn", "uvicorn.error", "alembic"):
        logging.getLogger(name).setLevel(max(quiet_level, level))
    for name in ("sqlalchemy", "httpcore", "charset_normalizer"):  # per-statement / per-byte chatter
        logging.getLogger(name).setLevel(logging.WARNING)
    # uvicorn's access log: one line per request only when verbose
    logging.getLogger("uvicorn.access").setLevel(logging.INFO if verbosity > 0 else logging.WARNING)


def log(logger: logging.Logger, level: int, msg: str, **fields: Any) -> None:
    """Log ``msg`` with structured ``fields`` (``log(logger, logging.INFO, "cycle", new=3)``)."""
    logger.log(level, msg, extra={"fields": {k: v for k, v in fields.items() if v is not None}})
