"""Pages read again with the same bytes by the same parser code: what parsing them again would write, unparsed.

Parsing such bytes again can only give the record already stored, so a replay answers them from the
store and writes only what the parse would have written (``run``, too, for a short page, which it
fetches in full every cycle: ``mofcom_watch.pipeline._report_short``):

- a notice page: its notice and URL first seen no later than this fetch (:func:`seen_again`);
- a notice page stored short of (or past) its stated count (:func:`short_parses`): that too, and, as
  issue 9 wants until it parses whole, its count-mismatch issue refreshed (the same text), the page's
  validators forgotten and its unusable-page issue resolved (:func:`report_again`). Any doubt (another
  snapshot stored for the notice, no open issue naming the page) and the page is parsed as before.

The pages' fetch itself (``Page.last_*``) is recorded by ``storage.snapshots.touch_pages``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, select, update
from sqlalchemy.orm import Session

from storage.cleantext import clean_text
from storage.ingest import count_mismatch, record_issue
from storage.keys import mismatch_key, unusable_key
from storage.models import HealthIssue, Notice, NoticeUrl, Page, Snapshot
from storage.outcomes import PageOutcome
from storage.records import NoticeRecord
from storage.snapshots import CHUNK
from storage.vocabulary import HealthKind, as_utc


def mismatch_detail(record: NoticeRecord, url: str, sha256: str) -> str:
    """The count-mismatch issue's text for ``record`` read at ``url`` from the copy of SHA-256 ``sha256``: the
    source-health item names the copy read short, as every item names its page's (was the URL alone: which copy
    was short could not be told once the page changed; order30)."""
    return (f"{record.key}: parsed {len(record.entities)} entities, the notice states {record.stated_count} ({url}; "
            f"page SHA-256 {sha256})")


@dataclass(frozen=True)
class ShortParse:
    """A page's latest bytes as stored: the notice parsed from them, short of its stated count."""

    record: NoticeRecord
    revision: int


@dataclass(frozen=True)
class ShortPage:
    """A short page read again with the same bytes by the same parser, to report again."""

    url: str
    source: str
    parse: ShortParse
    fetched_at: datetime
    sha256: str  # the bytes read again: the stored copy's


def short_parses(session: Session, urls: Sequence[str]) -> dict[str, ShortParse]:
    """Of ``urls`` (pages with an open issue saying they did not parse whole), those whose latest bytes are
    what their notice is stored from, short of its count, with the open count-mismatch issue naming the page."""
    if not urls:
        return {}
    rows = session.execute(
        select(Page.url, Notice.revision, Notice.record_json, HealthIssue.key)
        .join(Snapshot, and_(Snapshot.page_id == Page.id, Snapshot.sha256 == Page.last_sha256))
        .join(Notice, Notice.snapshot_id == Snapshot.id)
        .join(NoticeUrl, and_(NoticeUrl.notice_id == Notice.id, NoticeUrl.url == Page.url))
        .join(HealthIssue, and_(HealthIssue.url == Page.url, HealthIssue.kind == HealthKind.COUNT_MISMATCH.value,
                                HealthIssue.resolved_at.is_(None)))
        .where(Page.url.in_(urls), Snapshot.outcome == PageOutcome.NOTICE.value)
    )
    found: dict[str, ShortParse] = {}
    for url, revision, record_json, issue_key in rows:
        record = NoticeRecord.from_json(json.loads(record_json))
        if count_mismatch(record) and issue_key == mismatch_key(record.key):
            found[url] = ShortParse(record=record, revision=revision)
    return found


def seen_again(session: Session, pages: Sequence[tuple[str, str]], at: datetime) -> None:
    """Notice pages, as (URL, notice key), read again at ``at``: the notice and its URL first seen no later than
    that, as ``storage.ingest.store_parse`` makes them. Nothing to write, and one read per 400 pages, when
    ``at`` is later than what is stored (the usual replay)."""
    at = as_utc(at)
    for i in range(0, len(pages), CHUNK):
        chunk = set(pages[i : i + CHUNK])
        keys = sorted({key for _, key in chunk})
        session.execute(update(Notice).where(Notice.key.in_(keys), Notice.first_seen_at > at).values(first_seen_at=at)
                        .execution_options(synchronize_session=False))
        later = session.execute(select(NoticeUrl.id, NoticeUrl.url, Notice.key)
                                .join(Notice, NoticeUrl.notice_id == Notice.id)
                                .where(Notice.key.in_(keys), NoticeUrl.first_seen_at > at))
        ids = [id_ for id_, url, key in later if (url, key) in chunk]
        if ids:
            session.execute(update(NoticeUrl).where(NoticeUrl.id.in_(ids)).values(first_seen_at=at)
                            .execution_options(synchronize_session=False))


def report_again(session: Session, pages: Sequence[ShortPage]) -> None:
    """Write what parsing each short page again would write (``mofcom_watch.pipeline._ingest``, for a parse equal
    to the stored one), a few statements for the lot; a row is rewritten only where its text would change.
    Their fetch is recorded by the caller."""
    keys = [mismatch_key(p.parse.record.key) for p in pages]
    stored: dict[str, tuple[object, ...]] = {}  # key -> (detail, url, notice key, open)
    for i in range(0, len(keys), CHUNK):
        columns = (HealthIssue.key, HealthIssue.detail, HealthIssue.url, HealthIssue.notice_key,
                   HealthIssue.resolved_at.is_(None))
        rows = session.execute(select(*columns).where(HealthIssue.key.in_(keys[i : i + CHUNK])))
        stored.update((key, tuple(rest)) for key, *rest in rows)
    by_time: dict[datetime, list[ShortPage]] = {}
    for key, page in zip(keys, pages, strict=True):
        record, at = page.parse.record, as_utc(page.fetched_at)
        detail = clean_text(mismatch_detail(record, page.url, page.sha256))
        if key not in stored:  # gone since it was read: opened again as a parse would
            record_issue(session, key=key, source=page.source, kind=HealthKind.COUNT_MISMATCH, detail=detail,
                         seen_at=at, url=page.url, notice_key=record.key)
        elif stored[key] != (detail, page.url, record.key, True):
            session.execute(update(HealthIssue).where(HealthIssue.key == key)
                            .values(detail=detail, url=page.url, notice_key=record.key, resolved_at=None,
                                    resolved_url=None, resolved_sha256=None))
        stored[key] = (detail, page.url, record.key, True)
        by_time.setdefault(at, []).append(page)
    for at, group in by_time.items():
        seen_again(session, [(p.url, p.parse.record.key) for p in group], at)
        for i in range(0, len(group), CHUNK):
            urls = [p.url for p in group[i : i + CHUNK]]
            issues = [mismatch_key(p.parse.record.key) for p in group[i : i + CHUNK]]
            unusable = [unusable_key(u) for u in urls]
            for statement in (
                update(HealthIssue).where(HealthIssue.key.in_(issues), HealthIssue.first_seen > at)
                .values(first_seen=at),
                update(HealthIssue).where(HealthIssue.key.in_(issues), HealthIssue.last_seen < at).values(last_seen=at),
                update(Page).where(Page.url.in_(urls)).values(etag=None, last_modified=None),  # fetched in full next
                update(HealthIssue).where(HealthIssue.key.in_(unusable), HealthIssue.resolved_at.is_(None))
                .values(resolved_at=at),
            ):
                session.execute(statement.execution_options(synchronize_session=False))
