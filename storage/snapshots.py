"""Raw page snapshots: append-only, compressed, identified by the SHA-256 of the raw bytes.

The same bytes fetched again add no row; they only move the page's ``last_*``
fields (what the next conditional request and the "unchanged" check need).
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import and_, case, insert, inspect, literal, or_, select, update
from sqlalchemy.orm import Session, make_transient_to_detached

from storage.cleantext import clean_optional
from storage.models import Page, Snapshot
from storage.vocabulary import as_utc

_PAGE, _SNAPSHOT = Page.__table__, Snapshot.__table__
INSERT_PAGE = insert(_PAGE).returning(_PAGE.c.id)  # built once (storage.ingest says why)
INSERT_SNAPSHOT = insert(_SNAPSHOT).returning(_SNAPSHOT.c.id)
OUTCOMES = frozenset({"notice", "index", "other", "unusable", "error", "news", "read-by-person", "part"})
CHUNK = 400  # URLs per IN (...) statement
PAGES = Page.__table__


def sha256_hex(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def page_host(url: str) -> str:
    """Host of an http(s) URL; the scheme (``file``) for URLs without one."""
    parts = urlsplit(url)
    return (parts.hostname or parts.scheme or "").lower()


def get_page(session: Session, url: str) -> Page | None:
    return session.scalars(select(Page).where(Page.url == url)).one_or_none()


def page_ids(session: Session, urls: Iterable[str]) -> dict[str, int]:
    """The id of each of ``urls`` the store has a page row for: one query per 400 URLs (a replay asks once
    for its whole folder, so a page it stores first needs no look-up of its own)."""
    wanted = list(dict.fromkeys(urls))
    found: dict[str, int] = {}
    for i in range(0, len(wanted), CHUNK):
        rows = session.execute(select(Page.url, Page.id).where(Page.url.in_(wanted[i : i + CHUNK])))
        found.update((url, id_) for url, id_ in rows)
    return found


def get_or_create_page(session: Session, url: str, source: str | None = None) -> Page:
    page = get_page(session, url)
    if page is None:
        page = Page(url=url, host=page_host(url), source=source)
        session.add(page)  # inserted by the page's next flush, with its snapshot
    return page


def find_snapshot(session: Session, page: Page, sha256: str) -> Snapshot | None:
    if inspect(page).pending:
        return None  # a page added in this transaction has no snapshot yet
    return session.scalars(
        select(Snapshot).where(Snapshot.page_id == page.id, Snapshot.sha256 == sha256)
    ).one_or_none()


def touch_page(
    session: Session,
    *,
    url: str,
    fetched_at: datetime,
    status: int,
    source: str | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    sha256: str | None = None,
) -> Page:
    """Record a fetch of ``url`` that produced no new bytes (a 304, or the same bytes again)."""
    page = get_or_create_page(session, url, source)
    fetched_at = as_utc(fetched_at)
    if page.last_fetched_at is None or fetched_at >= page.last_fetched_at:
        page.last_fetched_at = fetched_at
        page.last_status = status
        if sha256 is not None and sha256 != page.last_sha256:
            # other bytes: their validators, or none. An older copy's kept beside them made the next request
            # conditional on that copy, and its 304 was read as "these bytes again" (health37 H30: a list endpoint's
            # one empty answer, sent without an ETag, stayed its zero-links problem for as long as the list was unchanged)
            page.etag, page.last_modified = etag, last_modified
        if sha256 is not None:
            page.last_sha256 = sha256
        if etag is not None:
            page.etag = etag
        if last_modified is not None:
            page.last_modified = last_modified
    if source and not page.source:
        page.source = source
    return page


def touch_pages(
    session: Session,
    urls: Sequence[str],
    *,
    fetched_at: datetime,
    status: int | None,
    source: str | None = None,
) -> None:
    """:func:`touch_page` for stored pages fetched at one moment with their last bytes again (a
    no-change replay; ``status`` None: a 304, whose stored bytes and their status stand): one UPDATE
    statement per 400 pages, no row loaded, no row rewritten as it is. Validators stay as they are.
    Plain SQL on the table (no page is loaded: the ORM's bulk-update path only costs time here)."""
    pages = PAGES.c
    fetched_at = as_utc(fetched_at)
    newer = or_(pages.last_fetched_at.is_(None), pages.last_fetched_at < fetched_at)
    if status is not None:  # the same moment again with another status is news too
        newer = or_(newer, and_(pages.last_fetched_at == fetched_at,
                                or_(pages.last_status.is_(None), pages.last_status != status)))
    at = literal(fetched_at, pages.last_fetched_at.type)  # (a bare value in CASE would not get the column's type)
    values: dict[str, object] = {"last_fetched_at": case((newer, at), else_=pages.last_fetched_at)}
    if status is not None:
        values["last_status"] = case((newer, status), else_=pages.last_status)
    touched = newer
    if source:  # a page stored without its source gets it
        unsourced = or_(pages.source.is_(None), pages.source == "")
        values["source"] = case((unsourced, source), else_=pages.source)
        touched = or_(newer, unsourced)
    for i in range(0, len(urls), CHUNK):
        session.execute(update(PAGES).where(pages.url.in_(urls[i : i + CHUNK]), touched).values(values))


def record_snapshot(
    session: Session,
    *,
    url: str,
    raw: bytes,
    fetched_at: datetime,
    status: int = 200,
    content_type: str | None = None,
    encoding: str | None = None,
    source: str = "replay",
    outcome: str,
    detail: str | None = None,
    notice_key: str | None = None,
    parser_version: str,
    parser_digest: str | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    new_page: bool = False,
) -> tuple[Snapshot, bool]:
    """Store the bytes of one fetch; return the snapshot and whether it is new.

    Bytes already stored for this page return the existing snapshot untouched
    (append-only: its fetched_at and outcome stay as first recorded). ``new_page``: the caller read
    (:func:`page_ids`, in this transaction or under the run lock) that the store has no page for ``url``.
    """
    if outcome not in OUTCOMES:
        raise ValueError(f"unknown snapshot outcome {outcome!r} (expected one of {sorted(OUTCOMES)})")
    digest = sha256_hex(raw)
    columns = dict(
        fetched_at=as_utc(fetched_at),
        status=status,
        sha256=digest,
        size=len(raw),
        body=zlib.compress(raw),
        content_type=content_type,
        encoding=encoding,
        parser_version=parser_version,
        parser_digest=parser_digest,
        outcome=outcome,
        detail=clean_optional(detail),  # may quote the page
        notice_key=notice_key,
    )
    if new_page:
        page_columns = dict(url=url, host=page_host(url), source=source, etag=etag, last_modified=last_modified,
                            last_status=status, last_fetched_at=columns["fetched_at"], last_sha256=digest)
        return _insert_new_page(session, page_columns, columns), True
    page = touch_page(
        session, url=url, fetched_at=fetched_at, status=status, source=source,
        etag=etag, last_modified=last_modified, sha256=digest,
    )
    existing = find_snapshot(session, page, digest)
    if existing is not None:
        return existing, False
    snapshot = Snapshot(page=page, **columns)
    session.add(snapshot)  # inserted by the next flush (the notice's, or the commit)
    return snapshot, True


def _insert_new_page(session: Session, page_columns: dict[str, Any], columns: dict[str, Any]) -> Snapshot:
    """A page row and its first snapshot as two Core INSERTs (as :func:`touch_page` and the flush would write
    them: the ORM's unit of work was most of the cost), attached to the session as if loaded from it, so the
    notice's rows can refer to them and ``snapshot.page`` needs no query."""
    page_id = session.execute(INSERT_PAGE, page_columns).scalar_one()
    snapshot_id = session.execute(INSERT_SNAPSHOT, dict(columns, page_id=page_id)).scalar_one()
    page = Page(id=page_id, **page_columns)
    snapshot = Snapshot(id=snapshot_id, page_id=page_id, **columns)
    for row in (page, snapshot):
        make_transient_to_detached(row)
        session.add(row)
    return snapshot


def snapshot_bytes(snapshot: Snapshot) -> bytes:
    """The raw bytes of a snapshot, as fetched."""
    return zlib.decompress(snapshot.body)
