"""Discovery and backfill: walk each source's indexes, fetch what is new, ingest every page.

First run (or ``--since``): every index page, back to the year. Later runs: the
first pages only, stopping at known links, plus a conditional re-check of the
source's most recent notices (304 when unchanged: no body, no parse) and a retry of
whatever failed last time, so nothing a fault hid is lost. Index pages that answer
304 are not parsed at all.

The crawler fetches in parallel (the :class:`Fetcher` enforces per-host limits) and
ingests in the calling thread, one transaction per page.
"""

from __future__ import annotations

import html as htmllib
import json
import re
import zlib
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from urllib.parse import urljoin

from sqlalchemy import and_, select
from sqlalchemy.orm import Session, sessionmaker

from scraper.charset import decode
from scraper.fetch import FetchRequest, FetchResult, Fetcher
from scraper.fetch.urls import host_of
from scraper.sources.base import IndexPlan, Mode, Source
from storage.health import ZERO_LINKS, Failure, SourceReport, pending_urls
from storage.models import Page, Snapshot
from storage.records import IndexLink

GOOD_OUTCOMES = ("notice", "index", "other", "news")
NOTICE_OUTCOMES = ("notice", "news")
FEED_LINK_RE = re.compile(r"<link>\s*(?:<!\[CDATA\[)?\s*(https?://[^<\s\]]+)|<link\b[^>]*\bhref=[\"']([^\"']+)[\"']",
                          re.IGNORECASE)
HREF_RE = re.compile(r"""<a\b[^>]*?href\s*=\s*["']([^"']+)["'][^>]*>(.*?)</a>""", re.IGNORECASE | re.DOTALL)
TAG_RE = re.compile(r"<[^>]+>")

IngestFn = Callable[..., object]  # mofcom_watch.pipeline.ingest_page
ProgressFn = Callable[[str, str], None]  # (source name, url) after each answer


@dataclass(frozen=True)
class CrawlSettings:
    as_of: date
    since: int | None = None
    revalidate: int = 20  # most recent notice pages of a source re-checked (conditionally) on updates
    update_pages: int = 3  # updates read at most this many pages of one index
    max_pages: int = 500  # backfill bound per index
    workers: int = 4
    fetched_at: datetime | None = None  # pin every page's fetch time (tests comparing with replay)
    only_hosts: frozenset[str] | None = None  # with --base-url overrides: never fetch any other host


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def extract_links(body: bytes, url: str, content_type: str | None = None) -> tuple[IndexLink, ...]:
    """Links of an index page or jpaas JSON body (the parser's ``parse_index``, or a plain fallback)."""
    text, _encoding = decode(body, content_type)
    try:
        from scraper.parse.index import parse_index
    except ImportError:  # the parser ships separately; keep discovery usable without it
        return _fallback_links(text, url)
    return tuple(parse_index(text, url))


def _fallback_links(text: str, base: str) -> tuple[IndexLink, ...]:
    stripped = text.lstrip()
    if stripped.startswith("{"):
        try:
            text = (json.loads(stripped).get("data") or {}).get("html") or ""
        except (ValueError, AttributeError):
            return ()
    found: dict[str, IndexLink] = {}
    if stripped.startswith("<?xml") or "<rss" in stripped[:500] or "<feed" in stripped[:500]:
        for plain, attr in FEED_LINK_RE.findall(text):  # RSS <link>URL</link>, Atom <link href=URL/>
            absolute = urljoin(base, htmllib.unescape((plain or attr).strip()))
            found.setdefault(absolute, IndexLink(absolute))
        return tuple(found.values())
    for href, label in HREF_RE.findall(text):
        absolute = urljoin(base, htmllib.unescape(href.strip()))
        found.setdefault(absolute, IndexLink(absolute, htmllib.unescape(TAG_RE.sub("", label)).strip() or None))
    return tuple(found.values())


def parse_as_index(raw: bytes | str, url: str | None = None, content_type: str | None = None):
    """Parse a page we fetched *as an index*: it may be an index or nothing, never a notice.

    An index whose layout changed (no links left) can read like a notice from its
    list of titles; storing that would be a false notice, so it becomes "other" and
    the crawler reports the index as yielding zero links.
    """
    import dataclasses

    from scraper.parse import parse_document

    doc = parse_document(raw, url=url, content_type=content_type)
    if doc.kind == "notice":
        return dataclasses.replace(doc, kind="other", notice=None,
                                   warnings=doc.warnings + ("an index page that reads like a notice: not stored as one",))
    return doc


def parse_news_index(raw: bytes | str, url: str | None = None, content_type: str | None = None):
    """A news site's index page or RSS/Atom feed: every link on it (the source's pattern picks)."""
    from storage.records import ParsedDocument

    text, encoding = decode(raw, content_type) if isinstance(raw, bytes) else (raw, "utf-8")
    return ParsedDocument(kind="index", encoding=encoding, links=_fallback_links(text, url or ""))


class PageStore:
    """The crawler's read-only questions to the database."""

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._sf = session_factory

    def known(self, urls: Iterable[str]) -> set[str]:
        """URLs whose latest bytes were usable content (so a link to them is not new)."""
        urls = list(dict.fromkeys(urls))
        found: set[str] = set()
        with self._sf() as session:
            for i in range(0, len(urls), 400):
                chunk = urls[i : i + 400]
                found.update(session.scalars(
                    select(Page.url)
                    .join(Snapshot, and_(Snapshot.page_id == Page.id, Snapshot.sha256 == Page.last_sha256))
                    .where(Page.url.in_(chunk), Snapshot.outcome.in_(GOOD_OUTCOMES))
                ))
        return found

    def validators(self, url: str) -> tuple[str | None, str | None]:
        """ETag / Last-Modified for a conditional request, only when the stored bytes were usable."""
        with self._sf() as session:
            row = session.execute(
                select(Page.etag, Page.last_modified)
                .join(Snapshot, and_(Snapshot.page_id == Page.id, Snapshot.sha256 == Page.last_sha256))
                .where(Page.url == url, Snapshot.outcome.in_(GOOD_OUTCOMES))
            ).first()
        return (row[0], row[1]) if row else (None, None)

    def validators_many(self, urls: list[str]) -> dict[str, tuple[str | None, str | None]]:
        """:meth:`validators` for many URLs in a few queries."""
        found: dict[str, tuple[str | None, str | None]] = {}
        with self._sf() as session:
            for i in range(0, len(urls), 400):
                rows = session.execute(
                    select(Page.url, Page.etag, Page.last_modified)
                    .join(Snapshot, and_(Snapshot.page_id == Page.id, Snapshot.sha256 == Page.last_sha256))
                    .where(Page.url.in_(urls[i : i + 400]), Snapshot.outcome.in_(GOOD_OUTCOMES))
                )
                found.update({url: (etag, modified) for url, etag, modified in rows})
        return found

    def recent_notice_pages(self, source: str, limit: int) -> list[str]:
        if limit <= 0:
            return []
        with self._sf() as session:
            return list(session.scalars(
                select(Page.url)
                .join(Snapshot, and_(Snapshot.page_id == Page.id, Snapshot.sha256 == Page.last_sha256))
                .where(Page.source == source, Snapshot.outcome.in_(NOTICE_OUTCOMES))
                .order_by(Page.id.desc()).limit(limit)
            ))

    def stored_body(self, url: str) -> tuple[bytes, str | None] | None:
        with self._sf() as session:
            row = session.execute(
                select(Snapshot.body, Snapshot.content_type)
                .join(Page, and_(Snapshot.page_id == Page.id, Snapshot.sha256 == Page.last_sha256))
                .where(Page.url == url)
            ).first()
        return (zlib.decompress(row[0]), row[1]) if row else None

    def pending(self, source: str) -> list[str]:
        with self._sf() as session:
            return pending_urls(session, source)


@dataclass
class _Tally:
    fetched: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    links: int = 0
    failures: list[Failure] = field(default_factory=list)
    good: set[str] = field(default_factory=set)
    linked: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)  # optional index pages that answered 404


class Crawler:
    def __init__(
        self,
        fetcher: Fetcher,
        session_factory: sessionmaker[Session],
        ingest: IngestFn,
        settings: CrawlSettings,
        progress: ProgressFn | None = None,
    ) -> None:
        self.fetcher = fetcher
        self.sf = session_factory
        self.store = PageStore(session_factory)
        self.ingest = ingest
        self.settings = settings
        self.progress = progress or (lambda _source, _url: None)
        self.parsed = 0  # pages handed to the parser (ingest calls that were not skipped)

    # -- one source ---------------------------------------------------------------------

    def crawl(self, source: Source, mode: Mode) -> SourceReport:
        started = _now()
        tally = _Tally()
        queue: dict[str, str | None] = {}  # article URL -> referer
        seen: set[str] = set()
        plans = source.plans(mode, self.settings.as_of, self.settings.since)
        plan_urls = {p.url for p in plans}
        for plan in plans:
            self._walk(source, plan, mode, tally, queue, seen)
        if plans and len(tally.absent) == len(plans):  # every index 404: the site moved, not "no news"
            tally.failures.append(Failure(plans[0].url, ZERO_LINKS, "none of the source's index pages exists (404)"))
        for url in source.direct_pages():
            queue.setdefault(url, None)
        for url in self.store.pending(source.name):
            if url not in plan_urls and (source.wants(url) or url in source.direct_pages()):
                queue.setdefault(url, None)
        if mode is Mode.UPDATE:
            for url in self.store.recent_notice_pages(source.name, self.settings.revalidate):
                queue.setdefault(url, None)
        self._fetch_articles(source, queue, tally)
        return SourceReport(
            source=source.name, started_at=started, finished_at=_now(), fetched=tally.fetched, new=tally.new,
            changed=tally.changed, unchanged=tally.unchanged, links=tally.links, failures=tuple(tally.failures),
            good_urls=frozenset(tally.good), linked_indexes=frozenset(tally.linked), notes=tuple(tally.notes),
        )

    def _request(self, url: str, referer: str | None = None) -> FetchRequest:
        etag, last_modified = self.store.validators(url)
        return FetchRequest(url=url, etag=etag, last_modified=last_modified, referer=referer)

    def _walk(self, source: Source, plan: IndexPlan, mode: Mode, tally: _Tally,
              queue: dict[str, str | None], seen: set[str]) -> None:
        limit = self.settings.max_pages if mode is Mode.BACKFILL else self.settings.update_pages
        n = 1
        while n <= limit:
            url = plan.page_url(n)
            if url is None:
                return
            result = self.fetcher.fetch(self._request(url, plan.referer))
            self.progress(source.name, url)
            if not result.ok:
                if result.error == "not-found" and (n > 1 or plan.optional):
                    if n == 1:
                        tally.notes.append(f"{url}: not published (404)")
                        tally.absent.append(url)
                    return
                tally.failures.append(Failure(url, result.error or "error", result.detail))
                return
            tally.fetched += 1
            tally.good.add(url)
            if result.not_modified:
                tally.unchanged += 1
                if mode is Mode.UPDATE:
                    return  # unchanged since last run: nothing new here, nothing to parse
                stored = self.store.stored_body(url)
                links = extract_links(stored[0], url, stored[1]) if stored else ()
            else:
                outcome = self._ingest(source, result, index=True, news=source.news)
                if outcome is None or getattr(outcome, "outcome", "") in ("unusable", "error"):
                    tally.good.discard(url)
                    detail = getattr(outcome, "detail", "") or ""
                    tally.failures.append(Failure(url, "unusable-content" if outcome else "error", detail))
                    return
                if getattr(outcome, "skipped", False) and mode is Mode.UPDATE:
                    tally.unchanged += 1
                    return  # the same bytes as last time (a server without validators): nothing new
                if source.news:  # news sites and feeds: any link on the page, the source's pattern decides
                    links = _fallback_links(decode(result.body or b"", result.content_type)[0], url)
                else:
                    links = getattr(outcome, "links", ()) or extract_links(result.body or b"", url, result.content_type)
            wanted = list(dict.fromkeys(link.url for link in links if source.wants(link.url)))
            elsewhere: list[str] = []
            if self.settings.only_hosts is not None:
                elsewhere = [u for u in wanted if host_of(u) not in self.settings.only_hosts]
                if elsewhere:
                    tally.notes.append(f"{len(elsewhere)} link(s) to hosts without a --base-url not followed")
                    wanted = [u for u in wanted if u not in elsewhere]
            if not wanted:
                if elsewhere:  # the index works; its links are only out of this run's reach
                    tally.linked.add(url)
                    return
                if n == 1:
                    tally.good.discard(url)
                    tally.failures.append(Failure(url, ZERO_LINKS, f"{len(links)} links on the page, none usable"))
                return
            tally.linked.add(url)
            tally.links += len(wanted)
            fresh = [u for u in wanted if u not in seen]
            if not fresh:
                return  # the same links again: the endpoint ignores the page number
            seen.update(fresh)
            known = self.store.known(fresh)
            for u in fresh:
                if u not in known:
                    queue.setdefault(u, plan.referer)
            if mode is Mode.UPDATE and (known or len(fresh) < len(wanted)):
                return  # reached links we already have
            if plan.page_size is not None and len(wanted) < plan.page_size:
                return  # a short page is the last one
            n += 1

    def _ingest(self, source: Source, result: FetchResult, index: bool = False, news: bool = False):
        extra = {}
        if index or news:
            from scraper.news import parse_news_document
            from scraper.parse import PARSER_VERSION

            parse = (parse_news_index if news else parse_as_index) if index else parse_news_document
            extra = {"parse": parse, "parser_version": f"{PARSER_VERSION}+news" if news else PARSER_VERSION}
        outcome = self.ingest(
            url=result.url, raw=result.body or b"", fetched_at=self.settings.fetched_at or result.fetched_at,
            status=result.status,
            content_type=result.content_type, source=source.name, etag=result.etag,
            last_modified=result.last_modified, **extra,
        )
        if not getattr(outcome, "skipped", False):
            self.parsed += 1
        return outcome

    def _fetch_articles(self, source: Source, queue: dict[str, str | None], tally: _Tally) -> None:
        if self.settings.only_hosts is not None:
            queue = {u: r for u, r in queue.items() if host_of(u) in self.settings.only_hosts}
        if not queue:
            return
        stored = self.store.validators_many(list(queue))
        requests = [
            FetchRequest(url=url, etag=stored.get(url, (None, None))[0], last_modified=stored.get(url, (None, None))[1],
                         referer=referer)
            for url, referer in queue.items()
        ]
        with ThreadPoolExecutor(max_workers=max(1, self.settings.workers)) as pool:
            futures = [pool.submit(self.fetcher.fetch, request) for request in requests]
            for future in as_completed(futures):
                result = future.result()
                self.progress(source.name, result.url)
                self._article_done(source, result, tally)

    def _article_done(self, source: Source, result: FetchResult, tally: _Tally) -> None:
        if not result.ok:
            tally.failures.append(Failure(result.url, result.error or "error", result.detail))
            return
        tally.fetched += 1
        if result.not_modified:
            tally.unchanged += 1
            tally.good.add(result.url)
            return
        outcome = self._ingest(source, result, news=source.news)
        kind = getattr(outcome, "outcome", "error")
        if kind in ("unusable", "error"):
            tally.failures.append(Failure(result.url, "unusable-content" if kind == "unusable" else "store-error",
                                          getattr(outcome, "detail", "") or ""))
            return
        tally.good.add(result.url)
        if getattr(outcome, "new", False) or (kind == "news" and not getattr(outcome, "skipped", False)):
            tally.new += 1
        elif getattr(outcome, "changed", False):
            tally.changed += 1
        else:
            tally.unchanged += 1
