"""Requests the routes never see: too long (414), malformed (400), or failing on the file system.

A feed name of 251+ characters used to give HTTP 500 (the file system refuses such a name) and an
error log line holding the whole path. Whatever a client sends gets a 2xx, 3xx or 4xx answer.
"""

from __future__ import annotations

import logging
from typing import Any

from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from mofcom_watch.logs import short_path

LOG = logging.getLogger("mofcom_watch.server")
MAX_PATH_BYTES = 2048  # longer request targets: 414 URI Too Long
MAX_QUERY_BYTES = 2048


class RequestGuard:
    """ASGI middleware: 414 for overlong targets, 400 for a NUL or undecodable path, and a file-system
    error while answering (a name too long, a permission) becomes 404, never a 500."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        raw = scope.get("raw_path") or scope.get("path", "").encode("utf-8", "surrogateescape")
        path = scope.get("path", "")
        if len(raw) > MAX_PATH_BYTES or len(scope.get("query_string", b"")) > MAX_QUERY_BYTES:
            await PlainTextResponse("request target too long\n", status_code=414)(scope, receive, send)
            return
        if "\x00" in path or _undecodable(path):
            await PlainTextResponse("bad request path\n", status_code=400)(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Any) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except (OSError, UnicodeError, ValueError) as exc:
            if started:
                raise
            LOG.warning("request failed on input", extra={"fields": {
                "path": short_path(path), "error": f"{type(exc).__name__}: {str(exc)[:200]}"}})
            status = 404 if isinstance(exc, OSError) else 400
            body = "no such feed\n" if status == 404 else "bad request\n"
            await PlainTextResponse(body, status_code=status)(scope, receive, tracking_send)


def _undecodable(path: str) -> bool:
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates from undecodable percent-escapes
        return True
    return False
