"""A real local HTTP server that serves a saved-site tree in the real URL layout, with faults.

``fixtures/<host>/<path>`` is served at ``http://127.0.0.1:<port>/<host>/<path>``, so
``--base-url <host>=http://127.0.0.1:<port>/<host>`` points a run at it. It also
emulates the jpaas JSON list endpoint (``/api-gateway/jpaas-publish-server/front/page/build/unit``)
from the article files under a column folder, paginated by ``pageNo``/``pageSize``
(or ``paramJson``). ETag / Last-Modified and 304 answers are supported.

Faults are set per path (``host/path``, no leading slash) and can be limited to the
first N requests, so a test can make a page fail once and then heal.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import re
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

JPAAS_PATH = "api-gateway/jpaas-publish-server/front/page/build/unit"
ART_RE = re.compile(r"/art/\d{4}/art_[0-9a-f]{32}\.html$")
PUBDATE_RE = re.compile(rb'<meta\s+name="PubDate"\s+content="(\d{4}-\d{2}-\d{2})')
TITLE_RE = re.compile(rb'<meta\s+name="ArticleTitle"\s+content="([^"]*)"')
DEFAULT_COLUMNS = {"www.mofcom.gov.cn": "zwgk/zcfb/", "aqygzj.mofcom.gov.cn": "flzc/gzjgfxwj/"}
BOT_CHECK_BODY = (
    b"<html><head><script>document.cookie='__jsl_clearance=1';location.reload();</script></head>"
    b"<body></body></html>"
)
FIXED_MTIME = 1735689600.0  # 2025-01-01: stable Last-Modified for fixture files


@dataclass
class Fault:
    """``kind``: timeout | 500 | 503 | 429 | 412 | 521 | 404 | truncate | gzip-cut | gbk | redirect | zero-links |
    body (HTTP 200 with ``body``: a "404 Error" page, the disclaimer, a JS shell ...). ``gzip-cut``: the page
    gzipped, ``Content-Encoding: gzip``, only the first half of the stream sent (its length declared: the
    transfer ends cleanly, the stream does not); ``trickle``: the body 8 bytes at a time, ``delay`` seconds apart; ``trickle-head``: the status line and
    headers one byte at a time, ``delay`` seconds apart, then the body; ``gzip-lie``: the page's plain bytes labelled
    ``Content-Encoding: gzip`` (a misconfigured server or proxy: the body cannot be decoded); ``304``: a 304 "not
    modified" to every request, conditional or not (a broken cache in front of the site); ``gzip-twice``,
    ``short-length`` (Content-Length half the body sent), ``206`` (the first half, to a request without Range),
    ``self-redirect`` (302 to itself for ever), ``cookie-redirect`` (302 to itself with a cookie, then the page), ``reset``
    (half the body, then a TCP reset: a connection dropped mid-body), ``reset-early`` (a TCP reset before any byte of
    the answer). ``chunked-cut``: the body (``body``, else the page) sent ``Transfer-Encoding: chunked`` up to byte ``cut``
    (which may fall inside a character), then the connection closed with no last chunk; ``chunked-cut-end``: the same,
    then the last chunk (a clean end of a cut body). ``status``: the status ``body`` and ``redirect`` answer with (a 202
    or 521 challenge, a 301)."""

    kind: str
    times: int | None = None  # None: every request; N: only the first N requests
    retry_after: str = "0"
    delay: float = 2.0  # timeout: how long to stall
    location: str = "http://elsewhere.example.net/trap.html"
    body: bytes = b""
    content_type: str = "text/html"  # body: the Content-Type it is served with
    headers: dict[str, str] = field(default_factory=dict)  # body: more headers (a Content-Encoding, ...)
    status: int | None = None  # body: 200, redirect: 302 when None
    cut: int | None = None  # chunked-cut(-end): how many bytes of the body are sent (None: half)
    linger: float = 0.0  # short-length: seconds before the connection is closed (a server thread slow to close it)


@dataclass
class Hit:
    path: str
    status: int
    body_bytes: int
    conditional: bool
    headers: dict[str, str] = field(default_factory=dict)


class SiteServer:
    def __init__(
        self,
        root: Path | None = None,
        *,
        latency: float = 0.0,
        pages: dict[str, bytes] | None = None,
        columns: dict[str, str] | None = None,
        validators: bool = True,
        idle_timeout: float | None = None,
    ) -> None:
        self.root = root
        self.idle_timeout = idle_timeout  # seconds: close a keep-alive connection idle this long (None: never)
        self.validators = validators  # False: no ETag/Last-Modified, never 304 (like many old servers)
        self.bare: set[str] = set()  # "host/path" answered as with validators=False (one page of a site without them)
        self.latency = latency
        self.pages: dict[str, bytes] = dict(pages or {})  # overlay: "host/path" -> bytes
        self.removed: set[str] = set()
        self.columns = dict(DEFAULT_COLUMNS if columns is None else columns)
        self.faults: dict[str, Fault] = {}
        self.content_types: dict[str, str] = {}  # "host/path" -> the Content-Type header to answer with
        # "host/path" -> the ETag answered (and matched against If-None-Match) whatever the body: a server or CDN
        # keeping a page's ETag while the page changed, each conditional request answered a false 304
        self.etags: dict[str, str] = {}
        self.hits: list[Hit] = []
        # (start, end) of each answer, time.monotonic() (one clock for every process): from the request
        # read to the answer's first byte going out, so the next request on a one-at-a-time host starts after it
        self.spans: list[tuple[float, float]] = []
        self.connections = 0  # connections accepted (a client that keeps its connections open opens few)
        self._lock = threading.Lock()
        self._mtimes: dict[str, float] = {}
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -----------------------------------------------------------------
    def __enter__(self) -> "SiteServer":
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        handler = _make_handler(self)
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._httpd:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    @property
    def url(self) -> str:
        assert self._httpd is not None
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def base_url(self, host: str) -> str:
        return f"{self.url}/{host}"

    def base_urls(self, hosts: list[str] | None = None) -> dict[str, str]:
        return {h: self.base_url(h) for h in (hosts or self.hosts())}

    def hosts(self) -> list[str]:
        found = {p.split("/", 1)[0] for p in self.pages}
        if self.root:
            found |= {d.name for d in self.root.iterdir() if d.is_dir() and "." in d.name}
        return sorted(found)

    # -- content ----------------------------------------------------------------------
    def set_page(self, path: str, body: bytes) -> None:
        with self._lock:
            self.pages[path] = body
            self._mtimes[path] = time.time()
            self.removed.discard(path)

    def reset_hits(self) -> None:
        with self._lock:
            self.hits.clear()
            self.spans.clear()

    def read(self, path: str) -> bytes | None:
        if path in self.removed:
            return None
        if path in self.pages:
            return self.pages[path]
        if self.root is None:
            return None
        file = (self.root / path).resolve()
        if self.root.resolve() not in file.parents:
            return None
        if file.is_dir():
            file = file / "index.html"
        return file.read_bytes() if file.is_file() else None

    def mtime(self, path: str) -> float:
        return self._mtimes.get(path, FIXED_MTIME)

    def all_paths(self) -> list[str]:
        paths = set(self.pages)
        if self.root:
            for file in self.root.rglob("*"):
                if file.is_file():
                    paths.add(file.relative_to(self.root).as_posix())
        return sorted(paths - self.removed)

    def jpaas(self, host: str, query: dict[str, list[str]]) -> bytes | None:
        column = self.columns.get(host)
        if column is None:
            return None
        page_no, page_size = 1, 20
        if "paramJson" in query:
            params = json.loads(query["paramJson"][0])
            page_no, page_size = int(params.get("pageNo", 1)), int(params.get("pageSize", 20))
        page_no = int(query.get("pageNo", [page_no])[0])
        page_size = int(query.get("pageSize", [page_size])[0])
        items = []
        prefix = f"{host}/{column}"
        for path in self.all_paths():
            if path.startswith(prefix) and ART_RE.search(path):
                body = self.read(path) or b""
                day = PUBDATE_RE.search(body)
                title = TITLE_RE.search(body)
                items.append(
                    (day.group(1).decode() if day else "", path, title.group(1).decode("utf-8", "replace") if title else "")
                )
        items.sort(key=lambda item: (item[0], item[1]), reverse=True)
        chunk = items[(page_no - 1) * page_size : page_no * page_size]
        rows = "".join(
            f'<li><a href="/{path.split("/", 1)[1]}" title="{html.escape(title)}">{html.escape(title)}</a>'
            f"<span>[{day}]</span></li>"
            for day, path, title in chunk
        )
        return json.dumps({"success": True, "data": {"html": f"<ul>{rows}</ul>"}}, ensure_ascii=False).encode()

    def _take_fault(self, path: str) -> Fault | None:
        with self._lock:
            fault = self.faults.get(path)
            if fault is None:
                return None
            if fault.times is not None:
                if fault.times <= 0:
                    return None
                fault.times -= 1
            return fault

    def _record(self, hit: Hit) -> None:
        with self._lock:
            self.hits.append(hit)

    # -- stats --------------------------------------------------------------------------
    def body_bytes(self) -> int:
        return sum(h.body_bytes for h in self.hits)

    def statuses(self) -> list[int]:
        return [h.status for h in self.hits]


def sources_of(hosts: list[str]) -> tuple[str, ...]:
    """The names of the sources fetched from ``hosts``, and the news sources: a deployment mirroring these hosts only
    configures these (``Settings(sources=…)``, ``MOFCOM_WATCH_SOURCES``). A configured source none of whose hosts has a
    base URL is skipped, and what it could falsify (a lapse, a countdown, an unresolved reference) is held back
    (skip59); a news source skipped holds nothing back (its reports make no step), so it stays, skipped, as before."""
    from scraper.sources.registry import load_sources

    return tuple(s.name for s in load_sources() if s.news or s.hosts & set(hosts))


class HeldSite(SiteServer):
    """A site that, once ``hold_after`` answers were given, holds each request (unanswered, in the server) until
    ``go`` is set: a client provably in its crawl for as long as a test needs it (to signal, kill, pause or overtake
    it), with no per-page latency to wait out before or after."""

    def __init__(self, root: Path | None = None, *, hold_after: int, **options: Any) -> None:
        super().__init__(root, **options)
        self.hold_after = hold_after
        self.go = threading.Event()
        self.held = 0  # requests that waited (or wait now) for ``go``

    def _take_fault(self, path: str) -> Fault | None:
        with self._lock:
            hold = not self.go.is_set() and len(self.hits) >= self.hold_after
            self.held += hold
        if hold:
            self.go.wait(120)
        return super()._take_fault(path)

    def stop(self) -> None:
        self.go.set()  # (a test that failed while holding: no request left waiting for the server's threads)
        super().stop()


def _mangle_links(body: bytes) -> bytes:
    """An index whose layout changed: the same text, but no link markup a parser knows."""
    return re.sub(rb"<a\s[^>]*>", b"<em>", body).replace(b"</a>", b"</em>")


def _make_handler(site: SiteServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        timeout = site.idle_timeout  # an idle connection's next request not begun in time: closed

        def log_message(self, *args: object) -> None:  # keep test output clean
            pass

        def setup(self) -> None:
            super().setup()
            with site._lock:
                site.connections += 1

        def handle(self) -> None:
            try:
                super().handle()
            except (BrokenPipeError, ConnectionResetError):
                pass

        def do_GET(self) -> None:  # noqa: N802
            start = time.monotonic()
            self._answered: float | None = None
            try:
                self._serve()
            except (BrokenPipeError, ConnectionResetError):
                pass
            with site._lock:  # ends when the answer starts going out: the client cannot have it whole before
                site.spans.append((start, self._answered or time.monotonic()))

        def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None, conditional=False) -> None:
            site._record(Hit(self._path, status, len(body), conditional, dict(self.headers.items())))
            self.send_response(status)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self._answered = time.monotonic()
            self.end_headers()
            if body:
                self.wfile.write(body)

        def _serve(self) -> None:
            parts = urlsplit(self.path)
            self._path = parts.path.lstrip("/")
            path = self._path
            if path.endswith("/") or path == "":
                path += "index.html"
                self._path = path
            if site.latency:
                time.sleep(site.latency)
            fault = site._take_fault(path)
            if fault is not None and self._apply(fault, path):
                return
            host, _, rest = path.partition("/")
            if rest == JPAAS_PATH:
                body = site.jpaas(host, parse_qs(parts.query))
                content_type = "application/json;charset=UTF-8"
            else:
                body = site.read(path)
                content_type = "text/plain; charset=utf-8" if path.endswith(".txt") else "text/html"
                content_type = site.content_types.get(path, content_type)
            if body is None:
                self._send(404, b"<html><body>404 Error</body></html>", {"Content-Type": "text/html"})
                return
            if fault is not None and fault.kind == "zero-links":
                body = _mangle_links(body)
            if fault is not None and fault.kind == "gbk":
                body = body.decode("utf-8").replace('charset="utf-8"', 'charset="gb2312"').replace(
                    "charset=utf-8", "charset=gb2312").encode("gb18030")
                content_type = "text/html"
            etag = site.etags.get(path) or '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
            last_modified = formatdate(site.mtime(path), usegmt=True)
            headers = {"Content-Type": content_type, "ETag": etag, "Last-Modified": last_modified}
            if not site.validators or path in site.bare:
                self._send(200, body, {"Content-Type": content_type})
                return
            inm = self.headers.get("If-None-Match")
            ims = self.headers.get("If-Modified-Since")
            conditional = bool(inm or ims)
            if (inm and inm == etag) or (not inm and ims and ims == last_modified):
                self._send(304, b"", {"ETag": etag, "Last-Modified": last_modified}, conditional)
                return
            self._send(200, body, headers, conditional)

        def _apply(self, fault: Fault, path: str) -> bool:
            """Serve the fault; False when the fault only alters a normal answer (gbk, zero-links)."""
            kind = fault.kind
            if kind == "timeout":
                time.sleep(fault.delay)
                body = site.read(path) or b""
                self._send(200, body, {"Content-Type": "text/html"})
                return True
            if kind in ("500", "503", "404"):
                self._send(int(kind), f"<html><body>error {kind}</body></html>".encode(), {"Content-Type": "text/html"})
                return True
            if kind == "429":
                self._send(429, b"slow down", {"Retry-After": fault.retry_after, "Content-Type": "text/plain"})
                return True
            if kind in ("412", "521"):
                self._send(int(kind), BOT_CHECK_BODY, {"Content-Type": "text/html"})
                return True
            if kind == "body":
                self._send(fault.status or 200, fault.body, {"Content-Type": fault.content_type, **fault.headers})
                return True
            if kind == "304":
                self._send(304, b"", {"ETag": '"cached"'}, bool(self.headers.get("If-None-Match")))
                return True
            if kind == "redirect":
                self._send(fault.status or 302, b"", {"Location": fault.location})
                return True
            if kind == "gzip-cut":
                packed = gzip.compress(site.read(path) or b"")
                self._send(200, packed[: len(packed) // 2],
                           {"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"})
                return True
            if kind == "gzip-lie":
                self._send(200, site.read(path) or b"",
                           {"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"})
                return True
            if kind == "trickle":  # the whole body, ``delay`` seconds between each 8 bytes: every read in time
                body = site.read(path) or b""
                site._record(Hit(path, 200, len(body), False))
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                for i in range(0, len(body), 8):
                    self.wfile.write(body[i : i + 8])
                    self.wfile.flush()
                    time.sleep(fault.delay)
                return True
            if kind == "trickle-head":  # the status line and headers one byte at a time, ``delay`` seconds apart
                body = site.read(path) or b""
                site._record(Hit(path, 200, len(body), False))
                head = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                        f"Content-Length: {len(body)}\r\n\r\n").encode()
                for i in range(len(head)):
                    self.wfile.write(head[i : i + 1])
                    self.wfile.flush()
                    time.sleep(fault.delay)
                self.wfile.write(body)
                return True
            if kind == "gzip-twice":  # gzipped twice, labelled once (a proxy compressing a compressed page)
                self._send(200, gzip.compress(gzip.compress(site.read(path) or b"")),
                           {"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"})
                return True
            if kind == "short-length":  # Content-Length half the body, the whole body sent (the rest left on the wire)
                body = site.read(path) or b""
                site._record(Hit(path, 200, len(body), False))
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body) // 2))
                # said before it closes: unsaid, the client kept the connection for its next request (the rest of the
                # body in its buffer), which the close then dropped whenever this thread was slow to close it
                # ("Server disconnected without sending a response" for another page: flaky40)
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(body)
                self.wfile.flush()
                time.sleep(fault.linger)
                self.close_connection = True
                return True
            if kind == "206":  # Partial Content to a request without Range: the first half
                body = site.read(path) or b""
                half = len(body) // 2
                self._send(206, body[:half], {"Content-Type": "text/html; charset=utf-8",
                                              "Content-Range": f"bytes 0-{half - 1}/{len(body)}"})
                return True
            if kind == "self-redirect":  # 302 to itself, for ever
                self._send(302, b"", {"Location": self.path, "Set-Cookie": "acw_tc=1; Path=/"})
                return True
            if kind == "cookie-redirect":  # 302 to itself setting a cookie, then the page to a request carrying it
                if "acw_tc=" not in (self.headers.get("Cookie") or ""):
                    self._send(302, b"", {"Location": self.path, "Set-Cookie": "acw_tc=7f3a9c; Path=/"})
                    return True
                return False
            if kind == "reset":  # the headers and half the body, then a TCP reset (SO_LINGER 0): no clean end
                body = site.read(path) or b"x" * 100
                site._record(Hit(path, 200, len(body) // 2, False))
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.connection.close()  # RST now, before the server's own shutdown could send a FIN
                self.close_connection = True
                return True
            if kind == "reset-early":  # a TCP reset before any byte of the answer (a firewall dropping the request)
                site._record(Hit(path, 0, 0, False))
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.connection.close()
                self.close_connection = True
                return True
            if kind in ("chunked-cut", "chunked-cut-end"):
                body = fault.body or site.read(path) or b""
                cut = len(body) // 2 if fault.cut is None else fault.cut
                site._record(Hit(path, 200, cut, False))
                self.send_response(200)
                self.send_header("Content-Type", fault.content_type)
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                for at in range(0, cut, 512):
                    chunk = body[at : min(at + 512, cut)]
                    self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                if kind == "chunked-cut-end":
                    self.wfile.write(b"0\r\n\r\n")
                self.wfile.flush()
                self.close_connection = True
                return True
            if kind == "truncate":
                body = site.read(path) or b"x" * 100
                site._record(Hit(path, 200, len(body) // 2, False))
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                self.close_connection = True
                return True
            return False

    return Handler
