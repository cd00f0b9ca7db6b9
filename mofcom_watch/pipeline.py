"""One page in, one transaction out: pick the parser, snapshot, parse, store.

``run`` (through the crawler) and ``replay`` both hand pages to a :class:`Pipeline`: its
:class:`PageRouter` picks the parser from the URL and the configured sources only, so the
same bytes at the same URL always read the same way. Everything a page causes (snapshot,
notice, health issues) is written in one transaction: if storing fails, nothing of that
page is written and the result says ``error``.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from scraper.discovery import CrawledPage
from scraper.fetch import FetchResult
from scraper.sources import Mode, Source
from storage.cleantext import clean_document, clean_text
from storage.db import WRITE_LOCK
from storage.faults import store_fault
from storage.ingest import count_mismatch, record_issue, store_notice
from storage.models import HealthIssue, NewsReport, Notice, Snapshot
from storage.outcomes import PageOutcome, PageResult
from storage.records import DocumentKind, NoticeKind, NoticeRecord, UnusablePage
from storage.snapshots import (
    find_snapshot,
    get_page,
    record_snapshot,
    sha256_hex,
    touch_page,
)
from storage.vocabulary import HealthKind, as_utc

if TYPE_CHECKING:  # the parsers load with the first page that has a body: a no-change run never imports them
    from scraper.links import ParseFn

log = logging.getLogger(__name__)

NEWS_VERSION_SUFFIX = "+news"
INDEX_YEARS = (1990, 2100)  # annual indexes recognised as indexes for these years


class PageRole(StrEnum):
    """What a URL is, which decides its parser (:class:`PageRouter`)."""

    NOTICE = "notice"  # an article page, or any page no source claims: the notice parser
    INDEX = "index"  # a source's index or list endpoint: links, never a notice
    NEWS = "news"  # a news source's article or listed page: the news parser
    NEWS_INDEX = "news-index"  # a news source's index page or feed: every link on it


@dataclass(frozen=True)
class PageParser:
    """A parse function and the version stored with every snapshot it reads."""

    parse: ParseFn
    version: str


def load_parser() -> tuple[ParseFn, str]:
    """The notice parser and its version."""
    from scraper.parse import PARSER_VERSION, parse_document

    return parse_document, PARSER_VERSION


class PageRouter:
    """Picks the parser for a URL from the configured sources alone, so ``run`` and ``replay``
    read the same bytes at the same URL the same way."""

    def __init__(self, sources: list[Source]) -> None:
        self._sources = sources
        plans = [(plan, source.news) for source in sources
                 for plan in source.plans(Mode.BACKFILL, date(INDEX_YEARS[1], 12, 31), INDEX_YEARS[0])]
        self._index_urls: dict[str, bool] = {}  # index URL -> of a news source
        for plan, news in plans:
            self._index_urls.setdefault(plan.url, news)
        self._templates = [(plan.page_template.split("{n}"), news) for plan, news in plans if plan.page_template]
        self._page_urls = {url for s in sources if s.news for url in s.direct_pages()}
        self._parsers: dict[PageRole, PageParser] | None = None  # loaded for the first page to parse

    def _index_of_news(self, url: str) -> bool | None:
        """None: not an index; else whether the index belongs to a news source."""
        if url in self._index_urls:
            return self._index_urls[url]
        for (head, *rest), news in self._templates:
            tail = rest[0] if rest else ""
            middle = url[len(head) : len(url) - len(tail)] if url.startswith(head) and url.endswith(tail) else ""
            if middle.isdigit():
                return news
        return None

    def role(self, url: str) -> PageRole:
        news_index = self._index_of_news(url)
        if news_index is not None:
            return PageRole.NEWS_INDEX if news_index else PageRole.INDEX
        if url in self._page_urls or any(s.news and s.wants(url) for s in self._sources):
            return PageRole.NEWS
        return PageRole.NOTICE

    def parser(self, url: str) -> PageParser:
        if self._parsers is None:
            self._parsers = _load_parsers()
        return self._parsers[self.role(url)]


def _load_parsers() -> dict[PageRole, PageParser]:
    from scraper.links import as_index, parse_news_index
    from scraper.news import parse_news_document

    parse, version = load_parser()
    return {
        PageRole.NOTICE: PageParser(parse, version),
        PageRole.INDEX: PageParser(as_index(parse), version),
        PageRole.NEWS: PageParser(parse_news_document, version + NEWS_VERSION_SUFFIX),
        PageRole.NEWS_INDEX: PageParser(parse_news_index, version + NEWS_VERSION_SUFFIX),
    }


def _resolve_issue(session: Session, key: str, at: datetime) -> None:
    issue = session.scalars(select(HealthIssue).where(HealthIssue.key == key)).one_or_none()
    if issue is not None and issue.resolved_at is None:
        issue.resolved_at = as_utc(at)


def _store_news(session: Session, record: NoticeRecord, snapshot: Snapshot, url: str, source: str) -> None:
    """A news report never changes an entity's state: it goes to NewsReport, not Notice."""
    report = session.scalars(select(NewsReport).where(NewsReport.url == url)).one_or_none()
    if report is None:
        report = NewsReport(url=url, source=source)
        session.add(report)
    first_action = record.actions[0] if record.actions else None
    refs = [r.key for r in record.references if r.key]
    report.title = record.title
    report.published = record.published
    report.snapshot_id = snapshot.id
    report.notice_key = report.notice_key or (refs[0] if refs else None)
    report.reported_action = first_action.action.value if first_action else None
    reported_list = (first_action.list if first_action else None) or record.list
    report.reported_list = reported_list.value if reported_list else None
    report.reported_count = record.stated_count
    report.reported_date = record.published


def _incomplete_against_stored(session: Session, record: NoticeRecord, url: str) -> str | None:
    """Why a parse must not replace the stored notice, or None.

    A page cut short (a truncated answer served whole, a half-loaded annex) reads as the same
    notice with fewer entities than it states. Storing it would drop listed companies: a false
    removal. While the stored parse of the same page is complete, such a parse is held back as an
    unusable page (the next run fetches the page again); a corrected notice states its own new
    count. Alias pages that disagree are settled by ``store_notice`` (the complete parse wins).
    """
    if not count_mismatch(record):
        return None
    stored = session.scalars(select(Notice).where(Notice.key == record.key)).one_or_none()
    if stored is None or stored.snapshot is None or stored.snapshot.page.url != url:
        return None
    current = NoticeRecord.from_json(json.loads(stored.record_json))
    if count_mismatch(current) or not current.entities or len(record.entities) >= len(current.entities):
        return None
    return (f"incomplete: {record.key} parsed with {len(record.entities)} of the {record.stated_count} entities "
            f"it states; the complete stored version ({len(current.entities)} entities) is kept")


def _forget_validators(session: Session, url: str) -> None:
    """A page we could not use is fetched in full next time: a 304 must not pin a bad copy."""
    page = get_page(session, url)
    if page is not None:
        page.etag = page.last_modified = None


def _ingest(session: Session, page: CrawledPage, sha: str, parser: PageParser) -> PageResult:
    fetch, source = page.result, page.source
    url, raw, fetched_at = fetch.url, fetch.body or b"", fetch.fetched_at
    stored_page = get_page(session, url)
    existing = find_snapshot(session, stored_page, sha) if stored_page is not None else None
    if (existing is not None and stored_page is not None and stored_page.last_sha256 == sha
            and existing.parser_version == parser.version and existing.outcome != PageOutcome.ERROR):
        touch_page(session, url=url, fetched_at=fetched_at, status=fetch.status, source=source, etag=fetch.etag,
                   last_modified=fetch.last_modified, sha256=sha)
        return PageResult(url=url, outcome=PageOutcome(existing.outcome), notice_key=existing.notice_key,
                          sha256=sha, detail=existing.detail, skipped=True)

    def snapshot(outcome: PageOutcome, *, encoding: str | None = None, detail: str | None = None,
                 notice_key: str | None = None) -> Snapshot:
        snap, new = record_snapshot(session, url=url, raw=raw, fetched_at=fetched_at, status=fetch.status,
                                    content_type=fetch.content_type, source=source, parser_version=parser.version,
                                    etag=fetch.etag, last_modified=fetch.last_modified, outcome=outcome,
                                    encoding=encoding, detail=detail, notice_key=notice_key)
        if not new and snap.parser_version != parser.version:
            # Same bytes, newer parser: the bytes stay, what we made of them is updated.
            snap.outcome, snap.detail, snap.notice_key = outcome, detail, notice_key
            snap.parser_version = parser.version
            snap.encoding = encoding or snap.encoding
        return snap

    try:
        doc = clean_document(parser.parse(raw, url=url, content_type=fetch.content_type))  # stored clean
    except UnusablePage as exc:
        detail = clean_text(f"{exc.reason}: {exc.detail}" if exc.detail else exc.reason)
        snapshot(PageOutcome.UNUSABLE, detail=detail)
        record_issue(session, key=f"{HealthKind.UNUSABLE_PAGE}/{url}", source=source, kind=HealthKind.UNUSABLE_PAGE,
                     detail=f"{url} is not a usable page ({detail})", seen_at=fetched_at, url=url)
        _forget_validators(session, url)
        return PageResult(url=url, outcome=PageOutcome.UNUSABLE, sha256=sha, detail=detail)
    except Exception as exc:  # a parser bug must not lose the bytes or stop the run
        log.debug("parsing %s failed", url, exc_info=True)
        detail = clean_text(f"parser error: {type(exc).__name__}: {exc}")
        snapshot(PageOutcome.ERROR, detail=detail)
        return PageResult(url=url, outcome=PageOutcome.ERROR, sha256=sha, detail=detail)

    _resolve_issue(session, f"{HealthKind.UNUSABLE_PAGE}/{url}", fetched_at)
    warnings = tuple(dict.fromkeys(doc.warnings + (doc.notice.warnings if doc.notice else ())))
    if doc.kind == DocumentKind.NOTICE and doc.notice is not None:
        record = doc.notice
        if record.kind == NoticeKind.NEWS:
            snap = snapshot(PageOutcome.NEWS, encoding=doc.encoding, notice_key=None)
            _store_news(session, record, snap, url, source)
            return PageResult(url=url, outcome=PageOutcome.NEWS, sha256=sha, warnings=warnings)
        held = _incomplete_against_stored(session, record, url)
        if held is not None:
            snapshot(PageOutcome.UNUSABLE, encoding=doc.encoding, detail=held, notice_key=record.key)
            record_issue(session, key=f"{HealthKind.UNUSABLE_PAGE}/{url}", source=source, kind=HealthKind.UNUSABLE_PAGE,
                         detail=f"{url}: {held}", seen_at=fetched_at, url=url, notice_key=record.key)
            _forget_validators(session, url)
            return PageResult(url=url, outcome=PageOutcome.UNUSABLE, notice_key=record.key, sha256=sha,
                              detail=held, warnings=warnings, stated_count=record.stated_count,
                              parsed_count=len(record.entities))
        snap = snapshot(PageOutcome.NOTICE, encoding=doc.encoding, notice_key=record.key)
        change = store_notice(session, record, snap, url, fetched_at)
        stored = session.scalars(select(Notice).where(Notice.key == record.key)).one()
        mismatch_key = f"{HealthKind.COUNT_MISMATCH}/{record.key}"
        if count_mismatch(record):
            record_issue(session, key=mismatch_key, source=source, kind=HealthKind.COUNT_MISMATCH,
                         detail=(f"{record.key}: parsed {len(record.entities)} entities, the notice states "
                                 f"{record.stated_count} ({url})"),
                         seen_at=fetched_at, url=url, notice_key=record.key)
            _forget_validators(session, url)
        elif not count_mismatch(NoticeRecord.from_json(json.loads(stored.record_json))):
            _resolve_issue(session, mismatch_key, fetched_at)
        return PageResult(url=url, outcome=PageOutcome.NOTICE, notice_key=record.key, new=change.new,
                          changed=change.changed and not change.new, sha256=sha, warnings=warnings,
                          revision=change.revision, stated_count=record.stated_count,
                          parsed_count=len(record.entities), incomplete=count_mismatch(record),
                          detail="alias pages disagree (see health issues)" if change.alias_conflict else None)
    outcome = PageOutcome.INDEX if doc.kind == DocumentKind.INDEX else PageOutcome.OTHER
    snapshot(outcome, encoding=doc.encoding)
    return PageResult(url=url, outcome=outcome, sha256=sha,
                      links=doc.links if outcome is PageOutcome.INDEX else (), warnings=warnings)


def ingest_page(session_factory: sessionmaker[Session], page: CrawledPage, parser: PageParser) -> PageResult:
    """Snapshot, parse and store one page in one transaction; a failure to store writes nothing."""
    raw = page.result.body or b""
    sha = sha256_hex(raw)
    try:
        with session_factory() as session, session.begin():
            session.connection(execution_options=WRITE_LOCK)  # SQLite: queue behind other writers
            return _ingest(session, page, sha, parser)
    except Exception as exc:  # the transaction is rolled back: nothing of this page was written
        log.debug("storing %s failed", page.result.url, exc_info=True)
        fault = store_fault(exc, getattr(session_factory.kw.get("bind"), "url", None))
        if fault is not None:  # disk full, read-only, connection lost: every later page would fail too
            raise fault from exc
        return PageResult(url=page.result.url, outcome=PageOutcome.ERROR, sha256=sha,
                          detail=f"not stored: {type(exc).__name__}: {exc}")


class Pipeline:
    """The ingest callback of ``run`` and ``replay``: the router picks the parser, then :func:`ingest_page`."""

    def __init__(self, session_factory: sessionmaker[Session], router: PageRouter) -> None:
        self._sf = session_factory
        self.router = router

    def __call__(self, page: CrawledPage) -> PageResult:
        return ingest_page(self._sf, page, self.router.parser(page.result.url))


def saved_page(url: str, raw: bytes, fetched_at: datetime, *, content_type: str | None = None,
               source: str = "replay", status: int = 200, etag: str | None = None,
               last_modified: str | None = None) -> CrawledPage:
    """A page read from disk (``replay``), as the crawler would have handed it over."""
    return CrawledPage(source, FetchResult(url=url, final_url=url, status=status, fetched_at=fetched_at, body=raw,
                                           content_type=content_type, etag=etag, last_modified=last_modified))


# --- replay: a saved-site tree as pages -------------------------------------------------

SKIP_PREFIXES = ("README", ".")
SKIP_SUFFIXES = (".md",)
CONTENT_TYPES = {".html": "text/html", ".htm": "text/html", ".shtml": "text/html", ".txt": "text/plain",
                 ".json": "application/json", ".xml": "text/xml"}
URL_SAFE = "/:@!$&'()*+,;=-._~%?"


def replay_url(rel_parts: tuple[str, ...]) -> str:
    """``<host>/<path>`` -> ``https://<host>/<path>``; anything else -> ``file:<relative path>``."""
    from urllib.parse import quote

    rel = "/".join(rel_parts)
    if len(rel_parts) > 1 and "." in rel_parts[0]:
        return "https://" + rel_parts[0].lower() + "/" + quote("/".join(rel_parts[1:]), safe=URL_SAFE)
    return "file:" + quote(rel, safe=URL_SAFE)


def replay_files(root: Path) -> list[tuple[Path, str]]:
    """Every page file under ``root``, sorted by path, with the URL it stands for."""
    files = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        parts = path.relative_to(root).parts
        if any(part.startswith(".") for part in parts) or parts[-1].startswith(SKIP_PREFIXES):
            continue
        if path.suffix.lower() in SKIP_SUFFIXES:
            continue
        files.append((path, replay_url(parts)))
    return files


class SkippedFile(Exception):
    """A file under the replay folder that is not read: the message says why (one line)."""


def read_replay_file(path: Path, root: Path, max_bytes: int) -> bytes:
    """The file's bytes, if it lies inside ``root`` (after following links) and is at most
    ``max_bytes`` long, the cap fetched bodies have; otherwise :class:`SkippedFile`."""
    real = path.resolve()
    if not real.is_relative_to(root.resolve()):
        raise SkippedFile(f"{path} links to {real}, outside {root}: skipped")
    with open(real, "rb") as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise SkippedFile(f"{path} is larger than {max_bytes} bytes (the fetch.max_body_bytes cap): skipped")
    return data


def replay_content_type(path: Path) -> str | None:
    return CONTENT_TYPES.get(path.suffix.lower())
