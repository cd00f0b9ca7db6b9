"""One page in, one transaction out: snapshot, parse, store.

Both the fetcher (``run``) and ``replay`` call :func:`ingest_page`. Everything a
page causes (snapshot, notice, health issues) is written in one transaction: if
storing fails, nothing of that page is written and the result says ``error``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from storage.db import WRITE_LOCK
from storage.ingest import count_mismatch, record_issue, store_notice
from storage.models import HealthIssue, NewsReport, Notice, Snapshot
from storage.records import IndexLink, NoticeKind, NoticeRecord, ParsedDocument, UnusablePage
from storage.snapshots import find_snapshot, get_page, record_snapshot, sha256_hex, touch_page, utc

log = logging.getLogger(__name__)

ParseFn = Callable[..., ParsedDocument]

UNUSABLE_PAGE = "unusable-page"
COUNT_MISMATCH = "count-mismatch"


@dataclass(frozen=True)
class PageResult:
    """What ingesting one page did."""

    url: str
    outcome: str  # notice | index | other | news | unusable | error
    notice_key: str | None
    new: bool  # a notice key not stored before
    changed: bool  # a stored notice's substance changed
    sha256: str
    detail: str | None = None
    links: tuple[IndexLink, ...] = ()
    warnings: tuple[str, ...] = ()
    skipped: bool = False  # same bytes as the page's last snapshot: not parsed again
    revision: int | None = None
    stated_count: int | None = None
    parsed_count: int | None = None


def load_parser() -> tuple[ParseFn, str]:
    """The real parser and its version (imported late: ``storage`` never imports ``scraper``)."""
    from scraper.parse import PARSER_VERSION, parse_document

    return parse_document, PARSER_VERSION


def _resolve_issue(session: Session, key: str, at: datetime) -> None:
    issue = session.scalars(select(HealthIssue).where(HealthIssue.key == key)).one_or_none()
    if issue is not None and issue.resolved_at is None:
        issue.resolved_at = utc(at)


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


def _ingest(
    session: Session, *, url: str, raw: bytes, sha: str, fetched_at: datetime, status: int,
    content_type: str | None, source: str, etag: str | None, last_modified: str | None,
    parse: ParseFn, parser_version: str,
) -> PageResult:
    page = get_page(session, url)
    existing = find_snapshot(session, page, sha) if page is not None else None
    if (existing is not None and page.last_sha256 == sha and existing.parser_version == parser_version
            and existing.outcome != "error"):
        touch_page(session, url=url, fetched_at=fetched_at, status=status, source=source, etag=etag,
                   last_modified=last_modified, sha256=sha)
        return PageResult(url=url, outcome=existing.outcome, notice_key=existing.notice_key, new=False,
                          changed=False, sha256=sha, detail=existing.detail, skipped=True)

    snap_args = dict(url=url, raw=raw, fetched_at=fetched_at, status=status, content_type=content_type,
                     source=source, parser_version=parser_version, etag=etag, last_modified=last_modified)

    def snapshot(outcome: str, *, encoding: str | None = None, detail: str | None = None,
                 notice_key: str | None = None) -> Snapshot:
        snap, new = record_snapshot(session, outcome=outcome, encoding=encoding, detail=detail,
                                    notice_key=notice_key, **snap_args)
        if not new and snap.parser_version != parser_version:
            # Same bytes, newer parser: the bytes stay, what we made of them is updated.
            snap.outcome, snap.detail, snap.notice_key = outcome, detail, notice_key
            snap.parser_version = parser_version
            snap.encoding = encoding or snap.encoding
        return snap

    try:
        doc = parse(raw, url=url, content_type=content_type)
    except UnusablePage as exc:
        detail = f"{exc.reason}: {exc.detail}" if exc.detail else exc.reason
        snapshot("unusable", detail=detail)
        record_issue(session, key=f"{UNUSABLE_PAGE}/{url}", source=source, kind=UNUSABLE_PAGE,
                     detail=f"{url} is not a usable page ({detail})", seen_at=fetched_at, url=url)
        _forget_validators(session, url)
        return PageResult(url=url, outcome="unusable", notice_key=None, new=False, changed=False,
                          sha256=sha, detail=detail)
    except Exception as exc:  # a parser bug must not lose the bytes or stop the run
        log.debug("parsing %s failed", url, exc_info=True)
        detail = f"parser error: {type(exc).__name__}: {exc}"
        snapshot("error", detail=detail)
        return PageResult(url=url, outcome="error", notice_key=None, new=False, changed=False, sha256=sha,
                          detail=detail)

    _resolve_issue(session, f"{UNUSABLE_PAGE}/{url}", fetched_at)
    warnings = tuple(dict.fromkeys(doc.warnings + (doc.notice.warnings if doc.notice else ())))
    if doc.kind == "notice" and doc.notice is not None:
        record = doc.notice
        if record.kind == NoticeKind.NEWS:
            snap = snapshot("news", encoding=doc.encoding, notice_key=None)
            _store_news(session, record, snap, url, source)
            return PageResult(url=url, outcome="news", notice_key=None, new=False, changed=False, sha256=sha,
                              warnings=warnings)
        held = _incomplete_against_stored(session, record, url)
        if held is not None:
            snapshot("unusable", encoding=doc.encoding, detail=held, notice_key=record.key)
            record_issue(session, key=f"{UNUSABLE_PAGE}/{url}", source=source, kind=UNUSABLE_PAGE,
                         detail=f"{url}: {held}", seen_at=fetched_at, url=url, notice_key=record.key)
            _forget_validators(session, url)
            return PageResult(url=url, outcome="unusable", notice_key=record.key, new=False, changed=False,
                              sha256=sha, detail=held, warnings=warnings, stated_count=record.stated_count,
                              parsed_count=len(record.entities))
        snap = snapshot("notice", encoding=doc.encoding, notice_key=record.key)
        change = store_notice(session, record, snap, url, fetched_at)
        stored = session.scalars(select(Notice).where(Notice.key == record.key)).one()
        mismatch_key = f"{COUNT_MISMATCH}/{record.key}"
        if count_mismatch(record):
            record_issue(session, key=mismatch_key, source=source, kind=COUNT_MISMATCH,
                         detail=(f"{record.key}: parsed {len(record.entities)} entities, the notice states "
                                 f"{record.stated_count} ({url})"),
                         seen_at=fetched_at, url=url, notice_key=record.key)
            _forget_validators(session, url)
        elif not count_mismatch(NoticeRecord.from_json(json.loads(stored.record_json))):
            _resolve_issue(session, mismatch_key, fetched_at)
        return PageResult(url=url, outcome="notice", notice_key=record.key, new=change.new,
                          changed=change.changed and not change.new, sha256=sha, warnings=warnings,
                          revision=change.revision, stated_count=record.stated_count,
                          parsed_count=len(record.entities),
                          detail="alias pages disagree (see health issues)" if change.alias_conflict else None)
    outcome = "index" if doc.kind == "index" else "other"
    snapshot(outcome, encoding=doc.encoding)
    return PageResult(url=url, outcome=outcome, notice_key=None, new=False, changed=False, sha256=sha,
                      links=doc.links if outcome == "index" else (), warnings=warnings)


def ingest_page(
    session_factory: sessionmaker[Session],
    *,
    url: str,
    raw: bytes,
    fetched_at: datetime,
    status: int = 200,
    content_type: str | None = None,
    source: str = "replay",
    etag: str | None = None,
    last_modified: str | None = None,
    parse: ParseFn | None = None,
    parser_version: str | None = None,
) -> PageResult:
    """Snapshot, parse and store one page in one transaction (``parse`` defaults to the real parser)."""
    if parse is None:
        default_parse, default_version = load_parser()
        parse, parser_version = default_parse, parser_version or default_version
    parser_version = parser_version or "unknown"
    sha = sha256_hex(raw)
    try:
        with session_factory() as session, session.begin():
            session.connection(execution_options=WRITE_LOCK)  # SQLite: queue behind other writers
            return _ingest(session, url=url, raw=raw, sha=sha, fetched_at=fetched_at, status=status,
                           content_type=content_type, source=source, etag=etag, last_modified=last_modified,
                           parse=parse, parser_version=parser_version)
    except Exception as exc:  # the transaction is rolled back: nothing of this page was written
        log.debug("storing %s failed", url, exc_info=True)
        return PageResult(url=url, outcome="error", notice_key=None, new=False, changed=False, sha256=sha,
                          detail=f"not stored: {type(exc).__name__}: {exc}")


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


def replay_content_type(path: Path) -> str | None:
    return CONTENT_TYPES.get(path.suffix.lower())
