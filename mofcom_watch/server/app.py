"""The Starlette app: feed files with validators, the front page, OPML and ``/healthz``.

Read-only by construction: every route is GET (Starlette adds HEAD), except ``POST /api/screen``,
which only reads (a batch of names in, their list hits out); anything else is 405.
Handlers are plain functions, so Starlette runs them in its thread pool and database calls
never block the event loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import json
import logging
import os
import re
import time
from collections.abc import AsyncIterator, Callable, Hashable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import SplitResult, quote, urlsplit

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from feeds.formats import ATOM, FORMATS, PICTURE_SUFFIX, FeedFormat
from feeds.identity import entity_feed_name, feed_url
from mofcom_watch import clock
from mofcom_watch.server.data import EntityView, OpenIssue, Part, SiteData, SourceHealth, StoreData, failed_unsaid
from mofcom_watch.server.entity_pages import (
    FeedLink,
    render_entity_page,
    render_not_found,
    render_search_page,
)
from mofcom_watch.server.feedfiles import (
    SERVED_TYPES,
    ValidatorCache,
    Validators,
    folder_contents,
    list_feeds,
    make_etag,
    not_modified,
    resolve_feed_path,
    validators_for,
)
from mofcom_watch.server.guard import RequestGuard
from mofcom_watch.server.pagecache import PageCache, StoreVersion, folder_version
from mofcom_watch.server.pages import (
    AT_ROOT,
    ONE_DOWN,
    PageContext,
    entity_path,
    opml_path,
    render_front_page,
    render_opml,
    site_home,
)
from storage.health import FAILING_RUNS
from storage.names import too_short
from storage.status import EntityHit, MatchKind

LOG = logging.getLogger("mofcom_watch.server")
FEED_CACHE_CONTROL = "public, max-age=300"
PAGE_CACHE_CONTROL = "no-cache"
EVENTS_ON_FRONT_PAGE = 25
GZIP_MINIMUM = 500
MAX_QUERY = 200  # characters of a search query looked at
MAX_SCREEN_BODY = 1_000_000  # bytes of a POST /api/screen body; over it: 413, saying to run `screen FILE.csv`
MAX_SCREEN_NAME = 500  # characters of one counterparty's name over HTTP; over it the row is refused, the rest screened
SCREEN_TOO_BIG = ("request body over {limit:,} bytes: send at most that much per request, or screen a bigger file with "
                  "`mofcom-watch screen FILE.csv`")
REFUSED = ("the store was refused at start: {why}; serving the feeds last published (nothing is published, no cycle "
           "runs): act on this line, then restart serve")
# ... and a plain serve's, which tries the store again (``RefusedStore.reopen``) every REOPEN_SECONDS
REFUSED_REOPENED = ("the store was refused at start: {why}; serving the feeds last published (nothing is published{cycles}): act "
                    "on this line; serve opens the store again within {seconds} s of its cure (no restart needed{start})")
REOPEN_SECONDS = 10  # the default; MOFCOM_WATCH_REOPEN_SECONDS (mofcom_watch.config.REOPEN_ENV) sets another: see
# reopen_seconds (the fault tests' 0.5; a value it cannot use is exit 2 at start, config.check_seconds_env)
# ... where the refusal at start no longer stands but another does (the line the last try met)
REFUSED_NOW = "{why}; tried again at {at}: still refused, now: {now}"
# /healthz while the database server refuses the login (a wrong password), not "database unreachable": it answered
DATABASE_REFUSED = ("database refused the login (a wrong password, or a host it does not admit): check the user and "
                    "the password in the URL (--db, MOFCOM_WATCH_DB)")
HOSTS_SAID_MAX = 20  # other_host warns of this many hosts at most (a client may send any Host)
SHA256_RE = re.compile(r"[0-9a-f]{64}")
HTML_TYPE = "text/html; charset=utf-8"
STORE_BUSY = ("busy: another process holds the store's write lock (a run or replay mid-transaction, or a paused "
              "writer); the feeds served are the ones last published, published again once it is released (a "
              "publish that waits past the busy timeout is a problem here)")


@dataclass
class ServerState:
    """Everything a request handler needs; built once per app."""

    feeds_dir: Path
    feeds_base_url: str
    data: SiteData
    stale_after: timedelta | None  # None: stale_after_minutes = 0, no age judged (config.STALE_CHECK_OFF)
    as_of: date | None = None  # fixed date (tests, reviews); None = today in Beijing
    last_cycle_hint: Callable[[], datetime | None] | None = None  # the in-process scheduler's last success
    last_failure: Callable[[], str | None] | None = None  # the in-process scheduler's last cycle, when it failed
    next_cycle: Callable[[], datetime | None] | None = None
    started: float = field(default_factory=time.monotonic)
    validators: ValidatorCache = field(default_factory=ValidatorCache)
    store_version: Callable[[], Hashable] | None = None  # None: pages are rendered for every request
    pages: PageCache = field(default_factory=PageCache)
    refresher: Any | None = None  # the FeedRefresher publishing the store's feeds: its failures are /healthz problems
    database_wait: Any | None = None  # serve --schedule's wait for the database before its first cycle (DatabaseWait)
    links_configured: bool = True  # public_base_url set; else the links name serve's own address (see other_host)
    hosts_said: set[str] = field(default_factory=set)  # the hosts other_host has warned of (each once)
    fault_mark: Path | None = None  # where a run's store fault is left (mofcom_watch.storewrite.fault_mark)
    scheduler: Any | None = None  # serve --schedule's (started with the app, or when a refused store opens)

    def today(self) -> date:
        return self.as_of or clock.today()

    def requested_day(self, request: Request) -> date:
        """``?as_of=YYYY-MM-DD`` (or YYYYMMDD, as ``--as-of``), or today; ValueError (a 400 for the caller) on anything
        else: an ISO week date was a day without a word (cli32)."""
        raw = request.query_params.get("as_of")
        return clock.within_range(clock.calendar_day(raw)) if raw else self.today()  # (9999-12-31: a 500, cli35)

    def last_cycle(self) -> datetime | None:
        times = [t for t in (self.data.last_cycle(), self.last_cycle_hint() if self.last_cycle_hint else None) if t]
        return max(times) if times else None


def _state(request: Request) -> ServerState:
    return request.app.state.mw


def _conditional(request: Request, body: bytes, v: Validators, media_type: str, cache_control: str) -> Response:
    headers = {"ETag": v.etag, "Last-Modified": v.last_modified, "Cache-Control": cache_control}
    if not_modified(v, request.headers.get("if-none-match"), request.headers.get("if-modified-since")):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=media_type, headers=headers)


def feed(request: Request) -> Response:
    """A feed file of the folder; the folder itself leads to the front page, which lists its feeds: its URL is every
    feed's home link (Atom ``rel="alternate"``, the RSS channel's ``<link>``, JSON Feed's ``home_page_url``: the
    ``public_base_url``), which answered 404 ("no such feed"), a dead "visit website" in every reader. The way there is
    relative (``../``), as the pages' links are: behind a proxy's path prefix ``/`` led out of it."""
    if not request.path_params["path"]:
        return RedirectResponse(ONE_DOWN, status_code=303)
    st = _state(request)
    path = resolve_feed_path(st.feeds_dir, request.path_params["path"])
    if path is None:
        return Response("no such feed\n", status_code=404, media_type="text/plain")
    body, v = st.validators.read(path)
    return _conditional(request, body, v, SERVED_TYPES[path.suffix], FEED_CACHE_CONTROL)


def feeds_folder(_request: Request) -> Response:
    """``/feeds`` without its slash: the front page as ``/feeds/`` leads there, by a relative way (``./``); Starlette's
    own redirect to ``/feeds/`` named the request's host and scheme, out of a proxy's path prefix."""
    return RedirectResponse(AT_ROOT, status_code=303)


def _entity_names(st: ServerState) -> dict[str, str]:
    """Entity key -> name for the front page's listings ({} when the store cannot say: the counts stand alone)."""
    names = getattr(st.data, "entity_names", None)
    part = names() if names is not None else None
    return {} if part is None else {k: n for k, n in part.rows if isinstance(k, str)} if not part.note else {}


def without_slash(request: Request) -> Response:
    """``/entity/skydio/``, ``/search/``, ``/healthz/`` (a typed or pasted URL): to the page without its slash, by a
    relative way (``../skydio``, the query kept); Starlette's own redirect named the request's host and scheme, out of
    a proxy's path prefix (web32)."""
    last = request.url.path.rstrip("/").rsplit("/", 1)[-1]
    query = request.url.query
    return RedirectResponse(f"../{quote(last)}" + (f"?{query}" if query else ""), status_code=303)


def other_host(st: ServerState, request: Request) -> None:
    """With no public_base_url, every link in the feeds, the OPML and the pages names serve's own address; a reader
    reaching it under another name (a reverse proxy, the machine's address or name) gets links it cannot follow.
    Said once per host in the log (cli30: an OPML fetched through feeds.example.org listed http://127.0.0.1:8080/…
    and nothing said so); the links stay as they are, one per feed, the same for every reader."""
    host = (request.headers.get("x-forwarded-host") or request.headers.get("host") or "").lower()
    own = urlsplit(st.feeds_base_url)
    if (st.links_configured or not host or host in st.hosts_said or len(st.hosts_said) >= HOSTS_SAID_MAX
            or _same_place(urlsplit(f"//{host}"), own)):
        return
    st.hosts_said.add(host)
    LOG.warning("a reader came by another address than the links name: set public_base_url (MOFCOM_WATCH_PUBLIC_URL) "
                "to the address readers use", extra={"fields": {"host": host[:100], "links": st.feeds_base_url}})


def _same_place(asked: SplitResult, own: SplitResult) -> bool:
    """Whether a request's host names the address the links name: the same, or both this machine's loopback."""
    try:
        ports = (asked.port or 80, own.port or 80)
    except ValueError:  # not a port: another place
        return False
    names = (asked.hostname or "", own.hostname or "")
    return ports[0] == ports[1] and (names[0] == names[1] or all(_loopback(n) for n in names))


def _loopback(name: str) -> bool:
    return name == "localhost" or name.startswith("127.") or name == "::1"


def opml(request: Request, fmt: FeedFormat = ATOM) -> Response:
    """Every feed once, in one format (``/feeds.opml``: Atom; ``/feeds-rss.opml``, ``/feeds-json.opml``)."""
    st = _state(request)
    other_host(st, request)
    feeds = list_feeds(st.feeds_dir)
    home = site_home(st.feeds_base_url, st.links_configured, str(request.url_for("home")))
    body = render_opml(feeds, st.feeds_base_url, home, fmt)
    mtime = int(max((f.mtime for f in feeds), default=0.0))
    v = validators_for(make_etag(body), mtime)
    return _conditional(request, body, v, "text/x-opml; charset=utf-8", FEED_CACHE_CONTROL)


def home(request: Request) -> Response:
    """The states, latest items and picture as of today, or ``?as_of=`` a day (as an entity page; a bad date is a 400,
    never today's page under the day asked for). The health and feeds sections are always now's."""
    st = _state(request)
    other_host(st, request)
    try:
        as_of = st.requested_day(request)
    except ValueError:
        return _html(render_not_found("Bad date", f"as_of must be a date like 2026-11-29, not {_asked_day(request)}."), 400)
    ahead = clock.after_today(as_of)

    def render() -> tuple[bytes, int, bool]:
        feeds, pictures = folder_contents(st.feeds_dir)
        ctx = PageContext(
            as_of=as_of,
            feeds_base_url=st.feeds_base_url,
            feeds=feeds,
            pictures=pictures,
            states=st.data.states(as_of),
            events=st.data.events(as_of, EVENTS_ON_FRONT_PAGE),
            sources=st.data.sources(),
            issues=st.data.issues(),
            warnings=_warnings(st),
            problems=_problems(st, as_of),
            last_cycle=st.last_cycle(),
            next_cycle=st.next_cycle() if st.next_cycle else None,
            bands=st.data.bands(as_of),
            ahead=ahead,
            names=_entity_names(st),
        )
        return render_front_page(ctx), 200, _whole(ctx.states, ctx.events, ctx.sources, ctx.issues, ctx.warnings,
                                                   ctx.bands, ctx.problems)

    times = (st.last_cycle_hint() if st.last_cycle_hint else None, st.next_cycle() if st.next_cycle else None)
    return _page(request, ("home", as_of, ahead), times, render)


def _warnings(st: ServerState) -> Part:
    """The sources' open warnings (a stand-in store without them: none)."""
    warnings = getattr(st.data, "warnings", None)
    return warnings() if warnings is not None else Part(())


def _problems(st: ServerState, as_of: date) -> Part:
    """The engine's problems no item tells (a stand-in store without them: none)."""
    problems = getattr(st.data, "problems", None)
    return problems(as_of) if problems is not None else Part(())


def _whole(*parts: Part) -> bool:
    """Every section rendered: a page with a section missing is not kept (the next request retries)."""
    return not any(p.note for p in parts)


def _page(request: Request, key: Hashable, extra: Hashable, render: Callable[[], tuple[bytes, int, bool]]) -> Response:
    """An HTML page served like a feed file: rendered once per version of the store and the feeds
    folder (and ``extra``), then from memory, with ETag, Last-Modified and 304."""
    st = _state(request)
    try:
        version = st.store_version() if st.store_version is not None else None
    except Exception as exc:  # noqa: BLE001 - a store that does not answer: render (each section says why)
        LOG.debug("store version unknown: %s", exc)
        version = None
    if version is None:
        body, status, _ = render()
        return _html(body, status)
    page = st.pages.get(key, (version, folder_version(st.feeds_dir), extra), render)
    if page.status != 200:
        return _html(page.body, page.status)
    return _conditional(request, page.body, page.validators, HTML_TYPE, PAGE_CACHE_CONTROL)


def _html(body: bytes, status: int = 200) -> Response:
    return Response(body, status_code=status, media_type=HTML_TYPE,
                    headers={"Cache-Control": PAGE_CACHE_CONTROL})


def search(request: Request) -> Response:
    """One company found by its exact or normalised name: straight to its page; else the list of hits."""
    query = request.query_params.get("q", "").strip()[:MAX_QUERY]
    if not query:
        return RedirectResponse(AT_ROOT, status_code=303)
    part = _state(request).data.search(query)
    hits = [h for h in part.rows if isinstance(h, EntityHit)]
    if len(hits) == 1 and hits[0].match in (MatchKind.EXACT, MatchKind.NORMALISED):  # (a name holding it: a list)
        return RedirectResponse(entity_path(hits[0].key), status_code=303)
    unread: list[str] = []
    if not part.note:  # pages not read whole: their entities are in no search, so no match is no "not listed" (user43)
        try:
            unread = _state(request).data.unread_warnings()
        except Exception as exc:  # noqa: BLE001 - the answer stands; the warning could not be read
            LOG.debug("unread pages unknown: %s", exc)
    # 400 for a name too short to match closely that no listed name is (storage.names.too_short: `timeline` exits 2)
    return _html(render_search_page(query, part, unread),
                 200 if hits else 503 if part.note else 400 if too_short(query) else 404)


def _asked_day(request: Request) -> str:
    return repr(request.query_params.get("as_of"))


def entity(request: Request) -> Response:
    st = _state(request)
    key = request.path_params["key"]
    try:
        as_of = st.requested_day(request)
    except ValueError:
        return _html(render_not_found("Bad date", f"as_of must be a date like 2026-11-29, not {_asked_day(request)}.",
                                      ONE_DOWN), 400)
    # a day that has not come (today in Beijing, or MOFCOM_WATCH_TODAY; not serve --as-of's day, which may be past):
    # said on the page; in the cache key, as tomorrow it is today
    ahead = clock.after_today(as_of)

    def render() -> tuple[bytes, int, bool]:
        part = st.data.entity(key, as_of)
        views = [v for v in part.rows if isinstance(v, EntityView)]
        if not views:
            if part.note:
                return render_not_found("Temporarily unavailable", part.note, ONE_DOWN), 503, False
            return render_not_found("No such company or person", f"No listed company or person has the key {key!r}.", ONE_DOWN), 404, True
        name = entity_feed_name(key)
        feeds = [FeedLink(fmt.name, feed_url(st.feeds_base_url, name, fmt.name)) for fmt in FORMATS
                 if (st.feeds_dir / f"{name}.{fmt.name}").is_file()]
        has_picture = (st.feeds_dir / f"{name}.{PICTURE_SUFFIX}").is_file()
        picture = feed_url(st.feeds_base_url, name, PICTURE_SUFFIX) if has_picture else None
        return render_entity_page(views[0], as_of, feeds, picture, ahead), 200, True

    return _page(request, ("entity", key, as_of, ahead), None, render)


def evidence(request: Request) -> Response:
    """The entity's evidence pack (zip), the bytes ``mofcom-watch evidence KEY --as-of D`` writes."""
    st = _state(request)
    key = request.path_params["key"]
    try:
        as_of = st.requested_day(request)
    except ValueError:
        return Response(f"as_of must be a date like 2026-11-29, not {_asked_day(request)}\n", status_code=400,
                        media_type="text/plain")
    try:
        data = st.data.evidence(key, as_of)
    except Exception as exc:  # noqa: BLE001 - the store unreadable (refused, its database down): 503, never "no such"
        return _unreadable(exc)
    if data is None:
        return Response("no such company\n", status_code=404, media_type="text/plain")
    name = re.sub(r"[^A-Za-z0-9_-]+", "_", key)[:80] or "entity"
    return Response(data, media_type="application/zip", headers={
        "Content-Disposition": f'attachment; filename="evidence-{name}-{as_of.isoformat()}.zip"',
        "ETag": f'"{hashlib.sha256(data).hexdigest()}"', "Cache-Control": "no-cache"})


async def api_screen(request: Request) -> Response:
    """Batch screening: ``{"as_of": "2026-11-29"?, "counterparties": [{"name", "country"?}]}`` in,
    the hits as ``screen --json`` prints them out; 400 with ``{"error": …}`` for bad input."""
    from starlette.concurrency import run_in_threadpool

    from storage.screening import (
        ScreenInputError,
        cell_warnings,
        country_warnings,
        json_queries,
        long_name_warnings,
        report,
    )

    def error(status: int, message: str) -> Response:
        return Response(json.dumps({"error": message}) + "\n", status_code=status, media_type="application/json")

    st = _state(request)
    body = await request.body()
    if len(body) > MAX_SCREEN_BODY:
        return error(413, SCREEN_TOO_BIG.format(limit=MAX_SCREEN_BODY))
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return error(400, "the body is not JSON")
    raw = data.get("as_of") if isinstance(data, dict) else None
    try:
        as_of = clock.calendar_day(raw) if raw else st.today()
    except (TypeError, AttributeError, ValueError):  # (a number or a list where the date goes: no .strip)
        return error(400, "as_of must be a date like 2026-11-29")
    refused: list[int] = []  # names over MAX_SCREEN_NAME: said in warnings and not_screened, never silently
    try:
        queries = json_queries(data, max_name=MAX_SCREEN_NAME, refused=refused)
    except ScreenInputError as exc:
        return error(400, str(exc))
    try:
        results = await run_in_threadpool(st.data.screen, queries, as_of)
        unread = await run_in_threadpool(st.data.unread_warnings)  # pages not read whole: the answer incomplete
        warnings = (long_name_warnings(refused, MAX_SCREEN_NAME) + country_warnings(queries) + cell_warnings(queries)
                    + unread)  # as `screen` says them
    except Exception as exc:  # noqa: BLE001 - the store unreadable (its database restarting): 503, never a bare 500
        from storage.faults import store_fault

        if store_fault(exc) is None:
            raise
        LOG.warning("screening unavailable: %s", exc)
        if (why := getattr(st.data, "refused", None)) is not None:  # refused at start: no retry helps, a restart does
            return error(503, "no answer: " + REFUSED.format(why=why))
        return error(503, "the store could not be read just now (its database is unreachable): no answer; try again")
    return Response(json.dumps(report(results, as_of, warnings, refused, complete=not unread), ensure_ascii=False, indent=2) + "\n",
                    media_type="application/json")


def _unreadable(exc: Exception) -> Response:
    """503 for a store that cannot be read (refused at start, its database down); anything else is raised again."""
    from storage.faults import store_fault

    fault = store_fault(exc)
    if fault is None:
        raise exc
    LOG.warning("store unavailable: %s", fault)
    return Response(f"the store cannot be read now: {fault}\n", status_code=503, media_type="text/plain")


def snapshot(request: Request) -> Response:
    """A stored page, raw bytes as fetched, shown as text: never run as HTML on this site."""
    sha = request.path_params["sha256"]
    if not SHA256_RE.fullmatch(sha):
        return Response("no such snapshot\n", status_code=404, media_type="text/plain")
    try:
        snap = _state(request).data.snapshot(sha)
    except Exception as exc:  # noqa: BLE001 - as evidence: 503, never "no such snapshot"
        return _unreadable(exc)
    if snap is None:
        return Response("no such snapshot\n", status_code=404, media_type="text/plain")
    charset = snap.encoding or "utf-8"
    headers = {"ETag": f'"{snap.sha256}"', "Cache-Control": "public, max-age=86400, immutable",
               "X-Content-Type-Options": "nosniff", "Content-Security-Policy": "sandbox",
               "X-Snapshot-URL": quote(snap.url, safe=":/?&=%#~+,;@!$'()*[]"),
               "X-Snapshot-Fetched-At": snap.fetched_at.isoformat() if snap.fetched_at else "unknown",
               "X-Snapshot-Content-Type": snap.content_type or "unknown"}
    # the feeds' comparison (a list of tags, "*", weak): a cache sending its copies' tags got the bytes again
    if not_modified(Validators(headers["ETag"], "", 0), request.headers.get("if-none-match"), None):
        return Response(status_code=304, headers=headers)
    return Response(snap.body, media_type=f"text/plain; charset={charset}", headers=headers)


def health_report(st: ServerState, now: datetime | None = None) -> tuple[bool, dict[str, Any]]:
    """(healthy, details): unhealthy when the database does not answer or the last cycle is too old.

    Before any cycle has finished, the service counts as starting (healthy) for one
    ``stale_after`` period after it started.
    """
    now = now or datetime.now(UTC)
    stale = st.stale_after
    report: dict[str, Any] = {"stale_after_seconds": int(stale.total_seconds()) if stale is not None else None}
    if stale is None:  # said, as status says it: ages (last cycle, answer, publish) are not judged
        from mofcom_watch.config import STALE_CHECK_OFF

        report["stale_check"] = STALE_CHECK_OFF
    error = st.data.ping()
    report["database"] = "ok" if error is None else f"error: {error}"
    last = st.last_cycle() if error is None else None
    report["last_cycle"] = last.astimezone(UTC).isoformat() if last else None
    problems = []
    waiting = st.database_wait.waiting() if st.database_wait is not None else None
    refused = getattr(st.data, "refused", None)
    if refused is not None:  # refused at start (serve_cmd.open_engine): the folder served as it is, said until fixed
        report["database"] = "refused"
        if (now_refused := getattr(st.data, "refused_now", None)) is not None:
            refused = REFUSED_NOW.format(why=refused, at=f"{st.data.tried_at:%Y-%m-%d %H:%M} UTC", now=now_refused)
        scheduled = getattr(st.data, "scheduled", False)  # serve --schedule: its cycles start once the store opens
        problems.append((REFUSED_REOPENED if getattr(st.data, "reopen", None) is not None else REFUSED)
                        .format(why=refused, seconds=f"{reopen_seconds():g}",
                                cycles=", no cycle runs" if scheduled else "",
                                start="; its cycles start then" if scheduled else ""))
    elif waiting is not None:  # a starting service, said as one: its database is not up yet (not "unreachable")
        problems.append(waiting)
    elif error is not None:  # (a login refused is no outage: the credentials in the URL are to check)
        from storage.faults import login_refused

        problems.append(DATABASE_REFUSED if login_refused(error) else "database unreachable")
    elif last is None:
        uptime = time.monotonic() - st.started
        if stale is not None and uptime > stale.total_seconds():
            problems.append("no cycle has finished")
        else:
            report["note"] = "starting: no cycle has finished yet"
    else:
        age = now - last
        report["last_cycle_age_seconds"] = int(age.total_seconds())
        if stale is not None and age > stale:
            problems.append(f"last cycle finished {clock.ago(age)} ago")
        problems += _answer_problems(st, report, now)
    if error is None:
        busy = getattr(st.data, "store_busy", None)
        if busy is not None and busy():  # said, not a problem by itself: a run holds it while it writes a page
            report["store"] = STORE_BUSY
        warned = _warnings(st)  # said, never a problem: an oddity read right (an index out of its column)
        if warned.rows:
            report["warnings"] = [{"source": w.source, "detail": w.detail, "url": w.url,
                                   "first_seen": w.first_seen.isoformat() if w.first_seen else None}
                                  for w in warned.rows if isinstance(w, OpenIssue)]
        problems += _publish_problems(st, report, now)
        run_lock = getattr(st.data, "run_lock_stuck", None)
        if run_lock is not None and (stuck := run_lock()):  # cycles of a cron run, or of this process, cannot run
            problems.append(stuck)
        last_run = getattr(st.data, "last_run_said", None)
        unpublished, stopped = last_run(st.feeds_dir) if last_run is not None else (None, None)
        if unpublished:  # a run killed before it published
            problems.append(unpublished)
        if stopped:  # one a stop signal ended: said, no problem
            report["stopped"] = stopped
    problems += _process_problems(st, report)
    if error is None:
        _source_problems(st, report)
        _listing_problems(st, report)
    report["status"] = "ok" if not problems else "fail"
    if problems:
        report["problems"] = problems
    return not problems, report


def _answer_problems(st: ServerState, report: dict[str, Any], now: datetime) -> list[str]:
    """Cycles that finish while every fetch fails (HTTP 500, timeouts, a blocked site) still finish: the
    sites' last answer (an index page answered 200 or 304), older than ``stale_after``, says so. Called once a
    cycle has finished: a store whose cycles never got an answer (a first deployment whose network reaches no site)
    is no starting service (it was green for ``stale_after``, 3 hours, with ``status`` saying LAST RUN FAILED)."""
    last_answer = getattr(st.data, "last_answer", None)
    if last_answer is None:
        return []
    answered = last_answer()
    report["last_source_answer"] = answered.astimezone(UTC).isoformat() if answered else None
    if answered is None:  # a cycle has fetched (a source run is stored): not starting any more, however young
        return ["no source has answered yet (no index page answered 200 or 304): see `status`"]
    if st.stale_after is not None and now - answered > st.stale_after:
        return [f"no source answered for {clock.ago(now - answered)} (last at "
                f"{answered.astimezone(UTC):%Y-%m-%d %H:%M} UTC): every fetch fails; see the source-health feed "
                "or `status`"]
    return []


def _publish_problems(st: ServerState, report: dict[str, Any], now: datetime) -> list[str]:
    """The last publish, apart from the last fetch: failed, the last good one older than ``stale_after``, or the files
    it wrote gone from the folder served."""
    from mofcom_watch.diskspace import feeds_gone

    publications = getattr(st.data, "publications", None)
    failing = st.refresher.problem() if st.refresher is not None else None  # serve's own publish (ServerState)
    if publications is None:
        return [failing] if failing else []
    last, last_ok = publications(st.feeds_dir)  # the folder served: not a `feeds --out` elsewhere
    report["last_publish"] = last.to_json() if last else None
    report["last_successful_publish"] = last_ok.finished_at.astimezone(UTC).isoformat() if last_ok else None
    problems = []
    if last is not None and not last.ok:
        problems.append(f"last publish failed at {last.finished_at.astimezone(UTC):%Y-%m-%d %H:%M} UTC "
                        f"({last.target}): {last.error}")
    if last_ok is not None and st.stale_after is not None and now - last_ok.finished_at > st.stale_after:
        problems.append(f"last successful publish was {clock.ago(now - last_ok.finished_at)} ago")
    # the folder served, removed or emptied since its last publish (two stats): said at once, as status says it. Was:
    # 200 while every feed answered 404, until serve's own check wrote them again, up to 30 s later (ops47)
    if last_ok is not None and (gone := feeds_gone(last_ok, Path(st.feeds_dir))) is not None:
        report["feeds_gone"] = gone
        problems.append(f"feeds folder gone: {gone}")
    if failing and not (last is not None and not last.ok and last.finished_at >= st.refresher.failing[0]):
        problems.append(failing)  # (not when the publish log has the failure: it could record it)
    return problems


SOURCE_PROBLEMS_LISTED = 20
SOURCE_HEALTH_PROBLEMS = "problems"
SOURCE_HEALTH_UNKNOWN = "unknown"
SOURCE_HEALTH_NOTE = ("{n} open source-health issue{s}: a change may be missing from the feeds (see the source-health "
                      "feed or `status`, which exits 1 on them); the service itself is up (\"status\", HTTP 200)")
FAILED_LAST_RUN_NOTE = ("{n} source{s} whose last run could not fetch every page ({names}): an issue opens if it fails "
                        "{runs} runs in a row; `status` exits 1 on it now")


def _source_problems(st: ServerState, report: dict[str, Any]) -> None:
    """The open source-health issues (a broken index, another page answering for one, an unusable notice page),
    said in the body: ``status`` exits 1 on them, but a source's problem is no reason to restart the service
    (the status code stays as above, docs/deploy.md)."""
    issues = getattr(st.data, "issues", None)
    if issues is None:
        return
    part = issues()
    rows = [i for i in part.rows if isinstance(i, OpenIssue)]
    report["open_issues"] = len(rows)
    # a source whose last run failed before its issue opens (FAILING_RUNS in a row): `status` says "LAST RUN FAILED" and
    # exits 1, the front page lists it; "ok" here beside them was the one place to alert on that said all clear
    # (ops31, story32 S4)
    runs = st.data.sources() if hasattr(st.data, "sources") else Part(())
    failed = sorted(s.source for s in failed_unsaid(runs, rows))
    note = part.note or runs.note
    # "status": "ok" beside open issues read as all clear (wording29): the field to alert on says them, apart from the
    # service's liveness, which they leave alone (HTTP 200, the container's health check)
    report["source_health"] = SOURCE_HEALTH_UNKNOWN if note else SOURCE_HEALTH_PROBLEMS if rows or failed else "ok"
    if failed:
        report["failed_last_run"] = failed
    if gone := sorted(s.source for s in runs.rows if isinstance(s, SourceHealth) and not s.ok and not s.watched):
        report["no_longer_watched"] = gone  # said, failing nothing: no run fetches them now (mofcom_watch.watched)
    if note:
        report["source_health_note"] = f"the open issues could not be read: {note}"
    elif rows or failed:
        said = [SOURCE_HEALTH_NOTE.format(n=len(rows), s="" if len(rows) == 1 else "s")] if rows else []
        if failed:
            said.append(FAILED_LAST_RUN_NOTE.format(n=len(failed), s="" if len(failed) == 1 else "s",
                                                    names=", ".join(failed), runs=FAILING_RUNS))
        report["source_health_note"] = "; ".join(said)
    if rows:
        report["open_issue_list"] = [{"source": i.source, "kind": i.kind, "url": i.url}
                                     for i in rows[:SOURCE_PROBLEMS_LISTED]]


LISTING_HEALTH_NOTE = ("{n} problem{s} in what the notices say (a step not applied, a reference not matched, two notices "
                       "saying otherwise: a person must read them; `status` exits 1 on them, the front page lists them); "
                       "the service itself is up (\"status\", HTTP 200)")


def _listing_problems(st: ServerState, report: dict[str, Any]) -> None:
    """The engine's problems and unresolved references as of the store's last sync, said in the body beside the
    sources' (``listing_health``: ``ok``, ``problems`` or ``unknown``), failing nothing: not the service's health, as
    the sources' problems are not (docs/deploy.md). Was: none (health46): a store whose ``status`` exited 1 on "it says
    … otherwise than …: read both" answered ``/healthz`` with ``ok`` in every field, and a probe reading the body heard
    nothing of it."""
    read = getattr(st.data, "listing_problems", None)
    if read is None:
        return
    part = read()
    rows = [p for p in part.rows if isinstance(p, str)]
    report["listing_health"] = SOURCE_HEALTH_UNKNOWN if part.note else SOURCE_HEALTH_PROBLEMS if rows else "ok"
    if part.note:
        report["listing_health_note"] = part.note
    elif rows:
        report["listing_problems"] = len(rows)
        report["listing_health_note"] = LISTING_HEALTH_NOTE.format(n=len(rows), s="" if len(rows) == 1 else "s")
        report["listing_problem_list"] = rows[:SOURCE_PROBLEMS_LISTED]


def _process_problems(st: ServerState, report: dict[str, Any]) -> list[str]:
    """What the store may not say: this process's last cycle failed (a full disk may have kept it from recording
    that), the disk under the feeds folder or the SQLite store is nearly full, or the SQLite store cannot be written
    (a run fails before it can record that: mofcom_watch.storewrite), or the last run stopped on a fault of the store
    and recorded nothing (its line beside the store file), or could not write its -wal into the file (the file alone
    incomplete)."""
    from mofcom_watch.diskspace import low_space
    from mofcom_watch.storewrite import checkpoint_said, fault_path, run_fault_said, unwritable_store

    failed = st.last_failure() if st.last_failure is not None else None
    engine = getattr(st.data, "engine", None)
    store = engine.url.database if engine is not None and engine.dialect.name == "sqlite" else None
    store_file = Path(store) if store and store != ":memory:" else None
    low = low_space((st.feeds_dir, store_file))
    report["low_space"] = low
    unwritable = unwritable_store(store_file)
    if unwritable is not None:
        report["store_unwritable"] = unwritable
    mark = st.fault_mark or (fault_path(store_file) if store_file is not None else None)
    stopped = run_fault_said(mark, st.last_cycle())
    if stopped is not None:
        report["run_store_fault"] = stopped
    if (unchecked := checkpoint_said(store_file)) is not None:  # a problem, as status says it (503)
        report["store_not_checkpointed"] = unchecked
    return ([failed] if failed else []) + ([unwritable] if unwritable else []) + ([stopped] if stopped else []) + low \
        + ([unchecked] if unchecked else [])


def healthz(request: Request) -> Response:
    ok, report = health_report(_state(request))
    return Response(json.dumps(report, sort_keys=True) + "\n", status_code=200 if ok else 503,
                    media_type="application/json", headers={"Cache-Control": "no-store"})


async def _keep_published(refresher: Any) -> None:
    """Publish the store's feeds again whenever the store changed (checked every few seconds)."""
    while True:
        await asyncio.sleep(refresher.interval)
        await asyncio.to_thread(refresher.refresh)


def reopen_seconds() -> float:
    """Seconds between two tries of a store refused at start: ``MOFCOM_WATCH_REOPEN_SECONDS`` when set to a usable
    number, else REOPEN_SECONDS. Read when used (the serve process's environment), so that a test waits half a second
    for a try where an operator's serve waits ten."""
    from mofcom_watch.config import LOCK_ENV_MAX, REOPEN_ENV

    try:
        value = float(os.environ.get(REOPEN_ENV, ""))
    except ValueError:
        return REOPEN_SECONDS
    return value if 0 < value < LOCK_ENV_MAX else REOPEN_SECONDS


async def _reopen_refused(state: ServerState) -> None:
    """A plain ``serve`` refused at start (``RefusedStore.reopen``): the store tried again every reopen_seconds(); once it
    opens (the cure done: an accepted run, the newer image's derive, the backup put back), its data served, its feeds
    published, and kept published as ``_keep_published`` does. Each try opens and checks the store as ``serve`` at start
    does (the same refusals), so a store still refused stays refused, said by ``/healthz`` as before."""
    reopen = getattr(state.data, "reopen", None)
    if reopen is None:
        return
    refused = state.data
    while True:
        await asyncio.sleep(reopen_seconds())
        try:
            opened = await asyncio.to_thread(reopen)
        except Exception as exc:  # noqa: BLE001 - a try that fails otherwise is one more refusal, never the task's end
            opened = f"{type(exc).__name__}: {exc}"
        if not isinstance(opened, str):
            break
        now_refused = None if opened == refused.refused else opened
        if now_refused is not None and now_refused != refused.refused_now:
            LOG.warning("the store refused at start is still refused, for another reason now: %s", now_refused)
        refused.refused_now, refused.tried_at = now_refused, datetime.now(UTC)
    data, refresher, *more = opened
    cycles = more[0] if more else None  # serve --schedule: its cycles (serve_cmd.Cycles), not started
    state.store_version = StoreVersion(data.engine) if isinstance(data, StoreData) else None
    state.pages = PageCache()
    state.refresher = refresher
    if cycles is not None:
        for name, value in cycles.app_args().items():
            setattr(state, name, value)
    state.data = data
    LOG.warning("the store refused at start opens now: serving it" + ("; its cycles start" if cycles else ""))
    if cycles is not None:  # (stopped with the app: lifespan)
        state.scheduler.start()
        LOG.info("scheduler started in the server process")
    if refresher is not None:
        await asyncio.to_thread(functools.partial(refresher.refresh, force=True))
        await _keep_published(refresher)


def _close_store(state: ServerState) -> None:
    """Close the server's connections to the store at its stop, the read-only one first, so that the last one to
    close (these, or the cycles' kept store at exit) writes a SQLite store's write-ahead log into the file: left open,
    a stopped ``serve --schedule`` left its ``-wal`` beside a file lacking every write since the last checkpoint (ops41:
    the whole first cycle), which a copy of the file alone, as of any stopped store, then missed."""
    if isinstance(state.store_version, StoreVersion):
        state.store_version.close()
    if isinstance(state.data, StoreData):
        state.data.engine.dispose()


def create_app(
    *,
    feeds_dir: Path,
    feeds_base_url: str,
    data: SiteData,
    stale_after: timedelta | None = timedelta(hours=3),
    as_of: date | None = None,
    scheduler: Any | None = None,
    last_cycle_hint: Callable[[], datetime | None] | None = None,
    refresher: Any | None = None,
    last_failure: Callable[[], str | None] | None = None,
    database_wait: Any | None = None,
    links_configured: bool = True,
    fault_mark: Path | None = None,
) -> Starlette:
    """The app. ``scheduler`` (an APScheduler BackgroundScheduler, not started) runs with the app;
    ``refresher`` (a :class:`~mofcom_watch.server.refresh.FeedRefresher`) keeps the feeds folder
    published from the store while it serves; ``database_wait`` (a :class:`~mofcom_watch.scheduler.DatabaseWait`,
    the scheduler's job): ``/healthz`` says its wait, and a stop ends it."""
    from mofcom_watch.scheduler import JOB_ID

    def next_cycle() -> datetime | None:
        running = state.scheduler
        job = running.get_job(JOB_ID) if running is not None and running.running else None
        return getattr(job, "next_run_time", None) if job else None

    state = ServerState(feeds_dir=feeds_dir, feeds_base_url=feeds_base_url, data=data,
                        stale_after=stale_after, as_of=as_of, last_cycle_hint=last_cycle_hint,
                        last_failure=last_failure, refresher=refresher, database_wait=database_wait,
                        links_configured=links_configured, fault_mark=fault_mark,
                        next_cycle=next_cycle if scheduler is not None or getattr(data, "scheduled", False) else None,
                        store_version=StoreVersion(data.engine) if isinstance(data, StoreData) else None,
                        scheduler=scheduler)

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        if scheduler is not None:
            scheduler.start()
            LOG.info("scheduler started in the server process")
        watcher = asyncio.create_task(_keep_published(refresher)) if refresher is not None else \
            asyncio.create_task(_reopen_refused(state)) if getattr(data, "reopen", None) is not None else None
        try:
            yield
        finally:
            if watcher is not None:
                watcher.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await watcher
            if state.database_wait is not None:  # a wait for the database ends now: no cycle after it (no 2-minute
                state.database_wait.cancel()  # hang), and a running cycle ends at its next page (its stop is the wait's)
            if (running := state.scheduler) is not None and running.running:
                # wait for a running cycle to end at its next page (seconds): killed mid-run it would leave the run
                # lock to go stale; waited out to its end, it held the stop for minutes (a container's is 10 s)
                LOG.info("scheduler stopping; a running cycle ends at its next page")
                await asyncio.to_thread(running.shutdown, True)
                LOG.info("scheduler stopped")
            _close_store(state)

    routes = [
        Route("/", home, methods=["GET"], name="home"),
        Route("/healthz", healthz, methods=["GET"], name="healthz"),
        *(Route(opml_path(fmt), functools.partial(opml, fmt=fmt), methods=["GET"], name=f"opml-{fmt.name}")
          for fmt in FORMATS),
        Route("/feeds", feeds_folder, methods=["GET"], name="feeds-folder"),
        Route("/feeds/{path:path}", feed, methods=["GET"], name="feed"),
        Route("/search", search, methods=["GET"], name="search"),
        Route("/api/screen", api_screen, methods=["POST"], name="screen"),
        Route("/entity/{key}/evidence.zip", evidence, methods=["GET"], name="evidence"),
        Route("/entity/{key}", entity, methods=["GET"], name="entity"),
        Route("/snapshot/{sha256}", snapshot, methods=["GET"], name="snapshot"),
        Route("/{rest:path}/", without_slash, methods=["GET"], name="without-slash"),  # after /feeds/… and /
    ]
    app = Starlette(routes=routes, middleware=[Middleware(RequestGuard), Middleware(GZipMiddleware, minimum_size=GZIP_MINIMUM)],
                    lifespan=lifespan)
    app.router.redirect_slashes = False  # (its redirects named the request's host; /x/ is without_slash's, /x a 404)
    app.state.mw = state
    return app
