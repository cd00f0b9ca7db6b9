"""The HTTP client: one GET with everything a polite, fault-proof crawler needs.

- conditional requests (If-None-Match / If-Modified-Since from the stored Page);
- retries with backoff (tenacity) on timeouts, connection errors, truncated bodies,
  429 and 5xx, honouring Retry-After (a wait asked past the cap: not retried in the run; a host answering 429 or
  503 to a request after its retries: the next asked once, after 2 in a row not asked again in the run);
- status-based non-content answers (412/521 bot checks, 404) reported, never parsed;
- redirects followed by hand, only to allowed hosts;
- a body size cap; a plain-HTTP fallback for hosts whose TLS handshake fails.

It never raises for network trouble: every outcome is a :class:`FetchResult`.
"""

from __future__ import annotations

import dataclasses
import email.utils
import functools
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable, cast
from urllib.parse import urljoin

import httpx
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
)

from scraper.answers import FetchResult
from scraper.fetch.deadline import DeadlineBackend, abort, answer_deadline
from scraper.fetch.kept import kept_transport
from scraper.fetch.limits import HostGates
from scraper.fetch.policy import FetchPolicy
from scraper.fetch.urls import HostMap, host_of, plain_http
from scraper.stop import STOPPED, StopRequest
from storage.vocabulary import naive_as_utc

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504, 507, 509, 520, 522, 523, 524})
BOT_CHECK_STATUSES = frozenset({412, 521})
NOT_FOUND_STATUSES = frozenset({404, 410})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class FetchRequest:
    """One canonical URL to GET (query included), with what makes it conditional."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    referer: str | None = None


class _Retryable(Exception):
    def __init__(self, reason: str, detail: str, status: int = 0, wait: float | None = None) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason, self.detail, self.status, self.wait = reason, detail, status, wait


@dataclass(frozen=True)
class _Streak:
    """A host's requests in a row that ended alike (STREAKS), and how the last did."""

    count: int
    reason: str
    detail: str
    status: int


class _Final(Exception):
    def __init__(self, reason: str, detail: str, status: int = 0) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason, self.detail, self.status = reason, detail, status


@dataclass
class FetchCounters:
    requests: int = 0
    not_modified: int = 0
    bodies: int = 0
    body_bytes: int = 0
    wire_bytes: int = 0
    retries: int = 0


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    when = naive_as_utc(when)
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)


def _is_tls_failure(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLError) or "SSL" in str(seen) or "handshake" in str(seen).lower():
            return True
        seen = seen.__cause__ or seen.__context__
    return False


# A host that let this many requests in a row go unanswered (every attempt timed out or was refused) is not asked
# again in the run: with the default policy each such request takes about 2 minutes, and a host cut off (a site
# down, an overseas address blocked) would hold the run, the other hosts' sources after it and the run lock for hours.
# While one request of a host retries after an unanswered attempt, the host's other requests wait for its end (their
# attempts interleaved with its retries held the publish for every queued request's retries: health33 B1); after one
# request wholly unanswered the next is asked once, not retried: two URLs unanswered is the host, not a slow page
HOST_DOWN_AFTER = 2
UNREACHED = frozenset({"timeout", "connect"})
# A host answering "come back later" (429, 503) to every request, each after its retries' waits (a Retry-After up to
# max_wait, 60 s, three times): health39 L68, five such URLs held a run over ten minutes, a whole site's pages for
# hours. After one such request the host's next is asked once (not retried); after HOST_DOWN_AFTER in a row, its later
# requests fail at once with the same reason.
LATER = frozenset({"http-429", "http-503"})
# The two streaks a host is given up on for the run by (HOST_DOWN_AFTER requests in a row of one kind): one mechanism,
# counted apart, as a host may time out between two "come back later"s
STREAKS = {**dict.fromkeys(UNREACHED, "unreached"), **dict.fromkeys(LATER, "later")}
TURN_POLL = 0.2  # seconds between looks at a stop asked while a request waits for another's retries to end
# A page whose answer cost its whole time or size this run (an answer past its whole-answer deadline, one larger
# than max_bytes) is not asked again in the run: a page listed by two sources (a column's html index and its jpaas
# list) was asked once for each, the second wait as long as the first (health35 L10: a page trickled a byte a second
# held the run 640 s, 300 s per source). The later source's request fails at once, saying so. A request timed out
# unanswered is not one: a slow page may answer when asked again (the host-down rule counts those).
ANSWER_LATE = "the answer took more than {seconds:g}s"
SPENT = frozenset({"timeout", "too-large", "undecodable"})  # with, for "timeout", the ANSWER_LATE detail
# A body whose Content-Encoding cannot be decoded (plain bytes labelled gzip, a gzip stream corrupt) is tried once more
# (a stream cut in transit may come whole), not the policy's every attempt, and, as SPENT, not asked again in the run
# by another source: it took 4 attempts and their backoff for each source listing the page (health36's B, health37 H27)
UNDECODABLE_ATTEMPTS = 2
# Content-Encodings this build decodes (httpx's own; brotli and zstd only with their packages, which httpx then asks
# for). Another (a server sending "br" unasked) was passed through as it came, refused by the parser as "binary: the
# body contains NUL bytes", which sends an operator looking at the site's pages, not at its compression (health37 H25)
DECODED = frozenset({"identity", "gzip", "deflate"})
DECODED_WITH = (("br", "brotli"), ("br", "brotlicffi"), ("zstd", "zstandard"))


@functools.cache
def decoded() -> frozenset[str]:
    """:data:`DECODED`, and those of :data:`DECODED_WITH` whose package is installed (looked up once, when asked)."""
    import importlib.util

    return DECODED | {name for name, module in DECODED_WITH if importlib.util.find_spec(module) is not None}
SPENT_AGAIN = "{detail} (asked earlier in this run: not asked again in this run)"
# A page that went wholly unanswered this run (every attempt timed out or was refused) is asked again once by a later
# source that lists it, not retried: a slow page may answer, but its retries were spent (health36 M12c: a page
# answering after 31 s under a 30 s timeout took 4 tries and 14 s of backoff for each of the two sources listing it,
# the host's other pages answering between them: a run of 295 s). The host-down rule above counts it as ever.
# A host whose name does not resolve (the resolver's definite "no such name", not its "try again later") or whose
# certificate is refused is neither retried nor asked again in the run: every page of it would fail alike, and each
# such request took its 4 attempts and 14 s of backoff, the host's next request one more, before the host-down rule
# above (health35 L9: 61 s of a run at load 17, against 5 s). Said on the first request; the host's later requests
# fail at once naming it; the next run asks again.
NO_SUCH_NAME = frozenset(code for code in (getattr(socket, "EAI_NONAME", None), getattr(socket, "EAI_NODATA", None))
                         if code is not None)
# A request over plain HTTP to a host whose TLS handshake failed (http_fallback_hosts) that fails too says why it went
# plain: "connection dropped mid-answer: Connection reset by peer" alone hid a refused certificate (health36 M11)
PLAIN_AFTER_TLS = "{detail} (over plain HTTP, as its TLS handshake failed: {why})"
UNRESOLVED = "the name {name} does not resolve"
CERT_REFUSED = "its TLS certificate is refused"
NOT_FOR_THE_RUN = "{why}: {what}: not retried, and no page of {host} is asked again in this run; the next run asks again"
NOT_FOR_THE_RUN_AGAIN = "{host} is not asked again in this run: {what} ({why})"


class Fetcher:
    """Thread-safe; share one per run. Use as a context manager to close the pool."""

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        *,
        host_map: HostMap | None = None,
        allowed_hosts: set[str] | frozenset[str] = frozenset(),
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
        keep: bool = False,
        stop: StopRequest | None = None,
    ) -> None:
        """``keep``: connections over the process's kept transport (:mod:`scraper.fetch.kept`), left open for
        the next Fetcher of the process; otherwise this Fetcher's own, closed with it. ``stop``: once it is asked,
        no request is sent or retried, no pause waited out, and a read waiting for an answer ends
        (:mod:`scraper.stop`): each fetch returns at once, failed (``stopped``)."""
        self.policy = policy or FetchPolicy()
        self.host_map = host_map or HostMap()
        # with overrides (a mirror or local copy) only the overridden hosts are ever contacted: a link or
        # a redirect to another host must not reach out to the real site
        self.mirror_only = bool(self.host_map.bases)
        self.allowed_hosts = (frozenset(self.host_map.bases) if self.mirror_only
                              else frozenset(h.lower() for h in allowed_hosts))
        self._stop = stop
        self._forget_stop = stop.on_set(functools.partial(abort, stop)) if stop is not None else None
        self._sleep = stop.sleep if stop is not None and sleep is time.sleep else sleep
        self._gates = HostGates(self.policy.per_host, self.policy.delay, self.policy.total,
                                **({"sleep": stop.sleep} if stop is not None else {}))
        self._plain_hosts: dict[str, str] = {}  # host -> why its TLS handshake failed: asked over plain HTTP
        self._streaks: dict[tuple[str, str], _Streak] = {}  # (host, STREAKS kind) -> its requests in a row so ended
        self._trying: dict[str, int] = {}  # host -> the thread whose request retries after an unanswered attempt
        self._spent: dict[str, tuple[str, str, int]] = {}  # URL -> (reason, detail, status) of a SPENT failure
        self._refused: dict[str, tuple[str, str]] = {}  # host -> (what, why): NOT_FOR_THE_RUN
        self._unanswered_urls: set[str] = set()  # URLs wholly unanswered this run: asked again once, not retried
        self._lock = threading.Lock()
        self._turn = threading.Condition(self._lock)  # notified when such a request ends
        self.counters = FetchCounters()
        limits = httpx.Limits(max_connections=max(4, self.policy.total * 2))
        self._client = httpx.Client(
            follow_redirects=False,
            timeout=httpx.Timeout(self.policy.timeout),
            verify=self.policy.verify,
            transport=transport or (kept_transport(self.policy.verify, limits) if keep
                                    else scheme_transport(self.policy.verify, limits)),
            limits=limits,
            headers={
                "User-Agent": self.policy.user_agent,
                "Accept-Language": self.policy.accept_language,
                "Accept": "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8",
            },
        )

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()
        if self._forget_stop is not None:
            self._forget_stop()

    def _check_stop(self) -> None:
        if self._stop is not None and self._stop.is_set():
            raise _Final(STOPPED, "the process was asked to stop: not fetched", 0)

    # -- public ------------------------------------------------------------------

    def fetch(self, request: FetchRequest, *, sent: Callable[[], None] | None = None) -> FetchResult:
        """GET ``request``, retrying as the policy says. ``sent``: called once, in this thread, as soon as the
        request is on its way (written to the connection, its answer not yet read), or when this returns if it
        never was: a caller starts there the work that the wait for the answer can hide, and not earlier, where
        it would compete for the interpreter with sending the request."""
        host = host_of(request.url)
        with self._lock:
            given_up = next(filter(None, (self._given_up(host, kind) for kind in ("unreached", "later"))), None)
        if given_up is not None:  # not asked again this run: each request would take its retries' time
            if sent is not None:
                sent()
            return self._failure(request, *given_up, 0)
        with self._lock:
            refused = self._refused.get(host)
        if refused is not None:  # its name did not resolve or its certificate was refused once this run
            if sent is not None:
                sent()
            what, why = refused
            return self._failure(request, "host-down", NOT_FOR_THE_RUN_AGAIN.format(host=host, what=what, why=why), 0, 0)
        with self._lock:
            spent = self._spent.get(request.url)
        if spent is not None:  # its answer cost its whole time or size once this run (SPENT)
            if sent is not None:
                sent()
            reason, detail, status = spent
            return self._failure(request, reason, SPENT_AGAIN.format(detail=detail), status, 0)
        result: FetchResult | None = None
        try:
            result = self._fetch(request, sent)
            tls = self._plain_hosts.get(host)
            if tls is not None and result.error not in (None, "tls") and not result.status:  # (PLAIN_AFTER_TLS)
                result = dataclasses.replace(result, detail=PLAIN_AFTER_TLS.format(detail=result.detail, why=tls))
        finally:
            with self._turn:  # the counts, then the requests waiting on this one woken (:meth:`_take_turn`)
                if result is not None:
                    self._count(host, result)
                    if result.error in UNREACHED:
                        self._unanswered_urls.add(request.url)
                if result is not None and result.error in SPENT and (
                        result.error != "timeout" or result.detail.startswith(ANSWER_LATE.split("{", 1)[0])):
                    self._spent.setdefault(request.url, (result.error, result.detail or "", result.status))
                if self._trying.get(host) == threading.get_ident():
                    del self._trying[host]
                    self._turn.notify_all()
        return result

    def _fetch(self, request: FetchRequest, sent: Callable[[], None] | None) -> FetchResult:
        tracer = _SentTrace(sent) if sent is not None else None
        attempts = 0
        host = host_of(request.url)

        def worth_retrying(exc: BaseException) -> bool:  # an unanswered attempt after a request wholly unanswered: not
            if not isinstance(exc, _Retryable):
                return False
            if exc.reason == "undecodable":
                return attempts < UNDECODABLE_ATTEMPTS
            kind = STREAKS.get(exc.reason)
            if kind is None:
                return True
            with self._lock:  # after a request of its host so ended: asked once (and a page unanswered once this run)
                return (host, kind) not in self._streaks and (kind != "unreached" or request.url not in self._unanswered_urls)

        try:
            retrying = Retrying(
                stop=stop_after_attempt(max(1, self.policy.attempts)),
                wait=self._wait,
                retry=retry_if_exception(worth_retrying),
                sleep=self._sleep,
                reraise=True,
                before_sleep=self._count_retry,
            )
            for attempt in retrying:
                with attempt:
                    attempts += 1
                    return self._once(request, attempts, tracer)
        except _Retryable as exc:
            if self._stop is not None and self._stop.is_set():  # its read cut short by the stop (deadline.abort)
                return self._failure(request, STOPPED, "the process was asked to stop", exc.status, attempts)
            return self._failure(request, exc.reason, exc.detail, exc.status, attempts)
        except _Final as exc:
            return self._failure(request, exc.reason, exc.detail, exc.status, attempts)
        finally:
            if tracer is not None:
                tracer.done()
        raise AssertionError("unreachable")  # pragma: no cover

    # -- internals -----------------------------------------------------------------

    def _count(self, host: str, result: FetchResult) -> None:
        """The host's streaks after ``result`` (under the lock): its kind's one more; the other kind's ended by any
        answer (an error page is an answer), left as it was by a request unanswered."""
        kind = STREAKS.get(result.error or "")
        for each in ("unreached", "later"):
            if each == kind:
                before = self._streaks.get((host, each))
                self._streaks[(host, each)] = _Streak((before.count if before else 0) + 1, result.error or "",
                                                      result.detail or "", result.status)
            elif result.error is None or result.status:
                self._streaks.pop((host, each), None)

    def _given_up(self, host: str, kind: str) -> tuple[str, str, int] | None:
        """(reason, detail, status) of the failure every later request of ``host`` gets this run, when its ``kind``
        streak reached HOST_DOWN_AFTER (under the lock); else None."""
        streak = self._streaks.get((host, kind))
        if streak is None or streak.count < HOST_DOWN_AFTER:
            return None
        if kind == "unreached":
            return "host-down", _host_down(host, streak.count, f"{streak.reason}: {streak.detail}"), 0
        return streak.reason, _come_back_later(host, streak.count, streak.detail), streak.status

    def _failure(self, request: FetchRequest, reason: str, detail: str, status: int, attempts: int) -> FetchResult:
        return FetchResult(
            url=request.url, final_url=request.url, status=status, fetched_at=_now(),
            error=reason, detail=detail, attempts=attempts,
        )

    def _count_retry(self, _state: RetryCallState) -> None:
        with self._lock:
            self.counters.retries += 1

    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        cap = self.policy.max_wait
        if isinstance(exc, _Retryable) and exc.wait is not None:
            return min(exc.wait, cap)
        return min(self.policy.backoff * (2 ** (state.attempt_number - 1)), cap)

    def _transport_url(self, canonical: str) -> str:
        url = self.host_map.to_transport(canonical)
        if host_of(canonical) in self._plain_hosts:
            url = plain_http(url)
        return url

    def _headers(self, request: FetchRequest) -> dict[str, str]:
        headers: dict[str, str] = {}
        if request.etag:
            headers["If-None-Match"] = request.etag
        if request.last_modified:
            headers["If-Modified-Since"] = request.last_modified
        if request.referer:
            headers["Referer"] = request.referer
        return headers

    def _once(self, request: FetchRequest, attempts: int, tracer: _SentTrace | None = None) -> FetchResult:
        self._check_stop()  # (a retry after the stop was asked: none)
        canonical = request.url
        headers = self._headers(request)
        plain = False
        for _hop in range(self.policy.max_redirects + 1):
            response = self._get(canonical, headers, tracer, plain=plain)
            if response is not None and response[0] == "redirect":
                target = response[1]
                try:
                    mapped = self.host_map.to_canonical(target)
                except ValueError:  # "http://[::1", a port past 65535: no URL at all
                    mapped = None
                if mapped is None or host_of(mapped) not in self.allowed_hosts:
                    raise _Final("redirect-off-site", f"redirected to {target}, not an allowed host", 0)
                # the page's own https URL sends it to its http one (the site's word, over TLS): asked over plain HTTP
                # next. Canonicalised back to https, it was asked the same for ever: too-many-redirects in every run,
                # the page never read while the site served it (health43 T1)
                plain = mapped == canonical and target.startswith("http://")
                canonical = mapped
                headers = {k: v for k, v in headers.items() if k == "Referer"}  # validators belong to the first URL
                continue
            assert response is not None
            _kind, result = response
            return FetchResult(
                url=request.url, final_url=canonical, status=result.status, fetched_at=result.fetched_at,
                body=result.body, content_type=result.content_type, etag=result.etag,
                last_modified=result.last_modified, attempts=attempts, wire_bytes=result.wire_bytes,
            )
        raise _Final("too-many-redirects", f"more than {self.policy.max_redirects} redirects", 0)

    def _get(self, canonical: str, headers: dict[str, str], tracer: _SentTrace | None = None, *,
             plain: bool = False):  # -> ("redirect", url) | ("done", FetchResult)
        url = plain_http(self._transport_url(canonical)) if plain else self._transport_url(canonical)
        host = host_of(canonical)
        if self.mirror_only and host not in self.host_map.bases:
            raise _Final("no-base-url", f"{host} has no --base-url in a run with overrides: not fetched", 0)
        while True:
            self._take_turn(host)
            with self._gates.slot(host):
                if self._take_turn(host, wait=False):  # another request's retries began while this one queued
                    continue
                self._check_stop()  # (asked while this request waited for its host's turn)
                with self._lock:
                    self.counters.requests += 1
                started = time.monotonic()
                deadline = started + self.policy.answer_seconds
                answered = False  # the status line and headers came
                try:
                    with answer_deadline(deadline, self._stop), self._client.stream(
                            "GET", url, headers=headers, extensions=None if tracer is None else {"trace": tracer}) as response:
                        answered = True
                        return self._handle(canonical, url, response, started)
                except httpx.TimeoutException as exc:
                    if time.monotonic() >= deadline:  # each read in time, the whole answer not (headers trickled): not
                        # retried, as below
                        raise _Final("timeout", ANSWER_LATE.format(seconds=self.policy.answer_seconds)) from exc
                    self._unanswered(host)
                    raise _Retryable("timeout", f"{type(exc).__name__} after {self.policy.timeout:g}s") from exc
                except httpx.ConnectError as exc:
                    if (
                        url.startswith("https://")
                        and host in self.policy.http_fallback_hosts
                        and _is_tls_failure(exc)
                        and host not in self._plain_hosts
                    ):
                        with self._lock:
                            self._plain_hosts[host] = str(exc) or type(exc).__name__
                        raise _Retryable("tls", f"TLS handshake failed ({exc}); falling back to plain HTTP", wait=0.0) from exc
                    what = _for_the_run(exc, host_of(url)) or self._nor_plain(host, url)
                    if what:
                        why = str(exc) or type(exc).__name__
                        with self._lock:
                            self._refused.setdefault(host, (what, why))
                        raise _Final("connect", NOT_FOR_THE_RUN.format(why=why, what=what, host=host)) from exc
                    self._unanswered(host)
                    raise _Retryable("connect", str(exc) or type(exc).__name__) from exc
                except (httpx.RemoteProtocolError, httpx.ReadError) as exc:
                    if not answered and (what := self._nor_plain(host, url)):
                        why = f"connection dropped before an answer: {exc}"
                        with self._lock:
                            self._refused.setdefault(host, (what, why))
                        raise _Final("truncated", NOT_FOR_THE_RUN.format(why=why, what=what, host=host)) from exc
                    raise _Retryable("truncated", f"connection dropped mid-answer: {exc}") from exc
                except httpx.DecodingError as exc:  # a gzip stream cut or corrupt, or plain bytes labelled gzip
                    raise _Retryable("undecodable", f"the body's Content-Encoding could not be decoded: {exc}") from exc
                except httpx.TransportError as exc:
                    raise _Retryable("network", str(exc) or type(exc).__name__) from exc

    def _nor_plain(self, host: str, url: str) -> str:
        """NOT_FOR_THE_RUN's words for a plain-HTTP request, to a host whose TLS handshake failed this run, refused or
        dropped before any answer: it answers neither way, and retrying took 3 retries' backoff (14 s) for every page
        of it (health36's carried B, health37 H28). "" for any other request."""
        if url.startswith("http://") and host in self._plain_hosts:
            return "it answers neither over TLS (its handshake failed) nor over plain HTTP"
        return ""

    def _take_turn(self, host: str, *, wait: bool = True) -> bool:
        """Wait while another request of ``host`` retries after an unanswered attempt (``wait=False``: True if one
        does), then fail as ``host-down`` if the host has not answered enough requests in a row."""
        me = threading.get_ident()
        with self._turn:
            while self._trying.get(host, me) != me and me not in self._trying.values():  # (one whose own retries
                # wait on another host, after a redirect, waits for nobody: two such would wait on each other)
                if not wait:
                    return True
                self._turn.wait(TURN_POLL)
                self._check_stop()
            given_up = self._given_up(host, "unreached")
        if given_up is not None:
            raise _Final(*given_up)
        return False

    def _unanswered(self, host: str) -> None:
        """This request's attempt went unanswered: the host's other requests wait for its end (:meth:`_take_turn`)."""
        with self._lock:
            self._trying.setdefault(host, threading.get_ident())

    def _handle(self, canonical: str, url: str, response: httpx.Response, started: float):
        status = response.status_code
        if status in REDIRECT_STATUSES and response.headers.get("location"):
            try:
                return ("redirect", urljoin(url, response.headers["location"]))
            except ValueError:  # "http://[::1": no URL at all
                raise _Final("redirect-off-site", f"redirected to {response.headers['location']!r}, not a URL",
                             status) from None
        if status in RETRY_STATUSES:
            wait = parse_retry_after(response.headers.get("retry-after"))
            if wait is not None and wait > self.policy.max_wait:
                # asked to come back later than any wait of this run: a retry after the cap would go against the
                # site's word (and hold the run minutes per page, the site answering each retry alike); the next run asks
                raise _Final(f"http-{status}", f"HTTP {status} from {canonical}: the site asks to wait {wait:g}s, longer "
                             f"than {self.policy.max_wait:g}s; not asked again in this run", status)
            raise _Retryable(f"http-{status}", f"HTTP {status} from {canonical}", status, wait)
        if status in BOT_CHECK_STATUSES:
            raise _Final("bot-check", f"HTTP {status}: the site answered with a bot check", status)
        if status in NOT_FOUND_STATUSES:
            raise _Final("not-found", f"HTTP {status}", status)
        sent = response.request.headers
        if status == 304 and "if-none-match" not in sent and "if-modified-since" not in sent:
            # "not modified" to a request that named no copy (a broken cache in front of the site): there is no stored
            # copy to reuse, and read as "unchanged" the page (a new notice) would go unread, silently
            raise _Final("unasked-304", "HTTP 304 to a request without validators: no copy of the page to reuse", status)
        if status == 304:
            # read to its end (a 304 has no body): a response closed unread closes its connection, and a
            # no-change run, a 304 after a 304, would connect afresh for every request
            response.read()
            with self._lock:
                self.counters.not_modified += 1
            return ("done", _Answer(status, _now(), None, response))
        if not 200 <= status < 300:
            raise _Final(f"http-{status}", f"HTTP {status} from {canonical}", status)
        if (coding := response.headers.get("content-encoding")) and (
                unknown := [c for c in (part.strip().lower() for part in coding.split(",")) if c and c not in decoded()]):
            raise _Final("undecodable", f"the body is compressed as '{', '.join(unknown)}' (its Content-Encoding), "
                         "which this installation cannot decode (and did not ask for): not read", status)
        body = bytearray()
        deadline = started + self.policy.answer_seconds
        for chunk in response.iter_bytes():
            if time.monotonic() > deadline:  # a trickle: each read in time, the whole never. Not retried in the run:
                # each try would take the whole deadline again (3 retries of 300 s: the run and its lock held 20 min)
                raise _Final("timeout", ANSWER_LATE.format(seconds=self.policy.answer_seconds), status)
            body.extend(chunk)
            if len(body) > self.policy.max_bytes:
                raise _Final("too-large", f"body larger than {self.policy.max_bytes} bytes", status)
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and "content-encoding" not in response.headers and int(declared) != len(body):
            raise _Retryable("truncated", f"got {len(body)} of {declared} bytes", status)
        with self._lock:
            self.counters.bodies += 1
            self.counters.body_bytes += len(body)
            self.counters.wire_bytes += response.num_bytes_downloaded
        return ("done", _Answer(status, _now(), bytes(body), response))


class _SentTrace:
    """httpcore's ``trace`` request extension (public in httpx and httpcore), calling ``sent`` once: when the
    answer's headers start to be awaited (the request is written), else at :meth:`done`."""

    ANSWER_AWAITED = "receive_response_headers.started"  # "http11." or "http2." before it

    def __init__(self, sent: Callable[[], None]) -> None:
        self._sent: Callable[[], None] | None = sent

    def __call__(self, event: str, _info: dict[str, object]) -> None:
        if self._sent is not None and event.endswith(self.ANSWER_AWAITED):
            self.done()

    def done(self) -> None:
        sent, self._sent = self._sent, None
        if sent is not None:
            sent()


_NO_TLS_CONTEXT = cast(ssl.SSLContext, None)  # the plain pool's: none (_SchemeTransport)


class _SchemeTransport(httpx.BaseTransport):
    """Plain HTTP and HTTPS in pools of their own; the HTTPS pool is made on the first https request.

    A verifying TLS context (reading the CA bundle) costs 50-100 ms to build, as much as all the rest
    of a no-change cycle: a run that only talks plain HTTP (a mirror, a local copy) never builds one,
    and a process that runs many cycles (``schedule``) builds it once. Verification is unchanged:
    every https request goes through a context made by httpx from ``verify``.

    The plain pool is given no TLS context at all (httpx hands a ``verify`` that is not a bool or a path
    to httpcore as the pool's context; None is httpcore's "not given"): building a process's first context
    sets up OpenSSL (~1.5 ms before its first request). Were an https request ever to reach that pool,
    httpcore would verify it against its default CA bundle.
    """

    def __init__(self, verify: bool, limits: httpx.Limits) -> None:
        self._verify, self._limits = verify, limits
        self._plain = _bounded(httpx.HTTPTransport(verify=_NO_TLS_CONTEXT, limits=limits))
        self._tls: httpx.HTTPTransport | None = None
        self._lock = threading.Lock()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.scheme == "http":
            return self._plain.handle_request(request)
        with self._lock:
            if self._tls is None:
                self._tls = _bounded(httpx.HTTPTransport(verify=_tls_context(self._verify), limits=self._limits))
        return self._tls.handle_request(request)

    def close(self) -> None:
        self._plain.close()
        with self._lock:
            if self._tls is not None:
                self._tls.close()

    def drop_stale(self) -> int:
        """Close the idle connections that the server has closed or that have outlived their keep-alive, as each
        pool does before its next request (httpcore's own clean-up, under its own lock), so a socket the server
        closed is not left half-closed (CLOSE_WAIT) until then. Returns the connections left open."""
        left = 0
        with self._lock:
            transports = [t for t in (self._plain, self._tls) if t is not None]
        for transport in transports:
            pool = transport._pool  # httpx keeps no public handle on its pool (a ConnectionPool: no proxy here)
            with pool._optional_thread_lock:
                closing = pool._assign_requests_to_connections()
            pool._close_connections(closing)
            left += len(pool.connections)
        return left


def _bounded(transport: httpx.HTTPTransport) -> httpx.HTTPTransport:
    """``transport`` with its connections' reads bounded by the answer deadline (:mod:`scraper.fetch.deadline`).
    httpx takes no network backend, so its pool's (an httpcore ConnectionPool, made with the default one) is
    replaced before any connection is made; the pool hands it to each new connection."""
    transport._pool._network_backend = DeadlineBackend(transport._pool._network_backend)  # type: ignore[union-attr]
    return transport


def scheme_transport(verify: bool, limits: httpx.Limits) -> _SchemeTransport:
    """Plain HTTP and HTTPS, each in its own pool (:class:`_SchemeTransport`)."""
    return _SchemeTransport(verify, limits)


@functools.cache
def _tls_context(verify: bool) -> ssl.SSLContext:
    """httpx's own context for ``verify`` (certifi's CA bundle, SSL_CERT_FILE honoured), once per process."""
    return httpx.create_ssl_context(verify=verify)


class _Answer:
    """What one finished response left behind (headers read while the stream was open)."""

    def __init__(self, status: int, fetched_at: datetime, body: bytes | None, response: httpx.Response) -> None:
        self.status = status
        self.fetched_at = fetched_at
        self.body = body
        self.content_type = response.headers.get("content-type")
        self.etag = response.headers.get("etag")
        self.last_modified = response.headers.get("last-modified")
        self.wire_bytes = response.num_bytes_downloaded


def _for_the_run(exc: BaseException, name: str) -> str:
    """What keeps every page of the host from answering this run (NOT_FOR_THE_RUN), or "": a resolver's definite answer
    that ``name`` does not exist (NO_SUCH_NAME), a certificate that does not verify."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, socket.gaierror):
            return UNRESOLVED.format(name=name) if seen.errno in NO_SUCH_NAME else ""
        if isinstance(seen, ssl.SSLCertVerificationError):
            return CERT_REFUSED
        seen = seen.__cause__ or seen.__context__
    return ""


def _come_back_later(host: str, count: int, said: str) -> str:
    return (f"{host} asked to come back later to {count} requests in a row, each after its retries ({said}): not asked "
            "again in this run; the next run retries")


def _host_down(host: str, unreached: int, why: str) -> str:
    return f"{host} did not answer {unreached} requests in a row ({why}): not asked again in this run; the next run retries"


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)
