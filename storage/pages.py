"""Page bookkeeping the crawler asks about: which links are known, validators, stored bodies, retries.

The crawler never opens a session; it asks a :class:`PageStore` (plain values in, plain
values out). Each method is one short read-only transaction.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, and_, case, select
from sqlalchemy.orm import Session, sessionmaker

from storage.health import GAP_MARK, gap_text, pending_urls, warning_key
from storage.models import HealthIssue, Page, Snapshot
from storage.outcomes import NOTICE_OUTCOMES, UNUSABLE_OUTCOMES, USABLE_OUTCOMES, PageOutcome
from storage.readagain import ShortParse, short_parses
from storage.reviews import checked_gone
from storage.snapshots import CHUNK, snapshot_bytes
from storage.vocabulary import JOINED_TYPE, HealthKind, Oddity, reprint_url

Validators = tuple[str | None, str | None]  # (ETag, Last-Modified)
UNFINISHED_ISSUES = (HealthKind.UNUSABLE_PAGE, HealthKind.COUNT_MISMATCH)  # open issues that say "this page did not parse whole"
BROKEN_ISSUES = (HealthKind.UNUSABLE_PAGE,)  # of them, a page that answers no notice now (404, bot check, ...)
# The tables, for the reads a no-change crawl makes: plain SQL on them never sets up the ORM's mappers (0.02 s
# of CPU in a process's first cycle, which then competes with the crawl's first requests).
PAGES, SNAPSHOTS, ISSUES = Page.__table__, Snapshot.__table__, HealthIssue.__table__


def _latest() -> ColumnElement[bool]:
    """Join condition: a page's latest snapshot. On the tables' columns, so that a query of the crawl's (plain SQL)
    can use it without setting up the ORM; ORM queries join with it all the same."""
    return and_(SNAPSHOTS.c.page_id == PAGES.c.id, SNAPSHOTS.c.sha256 == PAGES.c.last_sha256)


def _unfinished() -> tuple[ColumnElement[bool], ...]:
    """Open issues saying a page did not parse whole."""
    issues = ISSUES.c  # the table's columns: the crawl's plain-SQL reads use it too
    return (issues.kind.in_(UNFINISHED_ISSUES), issues.resolved_at.is_(None), issues.url.is_not(None))


@dataclass(frozen=True)
class StoredCopy:
    """What the store made of a page's latest bytes: enough to tell whether the same bytes need parsing again."""

    sha256: str
    parser_version: str
    parser_digest: str | None
    outcome: str
    notice_key: str | None
    detail: str | None
    whole: bool  # usable, and no open issue says the page did not parse whole
    short: ShortParse | None = None  # not whole: the notice stored from these bytes, short of its stated count


def stored_copies(session: Session, urls: Iterable[str]) -> dict[str, StoredCopy]:
    """The latest stored copy of each of ``urls`` that has one: two queries per 400 URLs, so a
    replay asks once for its whole folder instead of once per file."""
    wanted = list(dict.fromkeys(urls))
    found: dict[str, StoredCopy] = {}
    for i in range(0, len(wanted), CHUNK):
        chunk = wanted[i : i + CHUNK]
        unfinished = set(session.scalars(select(HealthIssue.url).where(HealthIssue.url.in_(chunk), *_unfinished())))
        short = short_parses(session, sorted(u for u in unfinished if u is not None))
        rows = session.execute(
            select(Page.url, Snapshot.sha256, Snapshot.parser_version, Snapshot.parser_digest, Snapshot.outcome,
                   Snapshot.notice_key, Snapshot.detail)
            .join(Snapshot, _latest()).where(Page.url.in_(chunk))
        )
        for url, sha, version, digest, outcome, notice_key, detail in rows:
            found[url] = StoredCopy(sha256=sha, parser_version=version, parser_digest=digest, outcome=outcome,
                                    notice_key=notice_key, detail=detail,
                                    whole=outcome in USABLE_OUTCOMES and url not in unfinished, short=short.get(url))
    return found


def unusable_pages(source: str) -> Select[tuple[str]]:
    """The URLs of the source's pages whose latest bytes were unusable, read from the few unusable snapshots
    (``ix_snapshot_outcome``; ``IN``, which an index serves, not ``NOT IN``), never by walking every page.
    Plain SQL on the tables, like the crawl's other reads (:meth:`PageStore.retry_urls`)."""
    pages, snapshots = PAGES.c, SNAPSHOTS.c
    return (select(pages.url).join(SNAPSHOTS, _latest())
            .where(snapshots.outcome.in_(UNUSABLE_OUTCOMES), pages.source == source))


class PageStore:
    """The crawler's read-only questions to the database."""

    def __init__(self, session_factory: sessionmaker[Session], parser_digest: str | None = None) -> None:
        self._sf = session_factory
        # the running parser's digest (scraper.parser_identity): a page another parser read gets no validators, so
        # it is fetched whole and read again by this one (ops42: after an upgrade, a 304 kept every page the old
        # version had read as it read it, for good: its false items and missed entities with it)
        self._parser_digest = parser_digest

    def known(self, urls: Iterable[str]) -> set[str]:
        """URLs whose latest bytes parsed whole (so a link to them is not new).

        A page that was unusable, cut short or short of its stated count is never known:
        the crawl's "stop at the first known link" must not stop at it. Nor is a page a person checked gone
        (``accept URL gone``) that has not answered since: held as known, the index that dropped it, its newest
        link, was "a stale or wrong copy" at every run after the check, the column's new notices unread (ops41).
        """
        wanted = list(dict.fromkeys(urls))
        found: set[str] = set()
        with self._sf() as session:
            for i in range(0, len(wanted), CHUNK):
                chunk = wanted[i : i + CHUNK]
                found.update(session.scalars(
                    select(Page.url).join(Snapshot, _latest())
                    .where(Page.url.in_(chunk), Snapshot.outcome.in_(USABLE_OUTCOMES))
                ))
                found.difference_update(session.scalars(
                    select(HealthIssue.url).where(HealthIssue.url.in_(chunk), *_unfinished())
                ))
                found.difference_update(session.scalars(checked_gone().where(ISSUES.c.url.in_(chunk))))
        return found

    def validators(self, urls: Iterable[str], *, of: Mapping[str, str] | None = None) -> dict[str, Validators]:
        """ETag / Last-Modified for conditional requests, only where the stored bytes were usable and, given a parser
        digest, read by that parser (a page another one read is asked whole, to be read again). ``of``: URL -> the
        SHA-256 of the bytes a 304 is to stand for; a page whose latest copy is other bytes is left out (asked whole:
        its validators answer for its latest copy, not those). Plain SQL on the tables: a cycle's first request waits
        for this, and the ORM would first set up every mapper (0.02 s), which is better done while that request waits
        on the network."""
        pages = PAGES.c
        return {url: (etag, modified) for url, etag, modified, last
                in self._latest_usable(urls, (pages.etag, pages.last_modified, pages.last_sha256))
                if of is None or of.get(url) == last}

    def joined_copies(self, urls: Iterable[str]) -> dict[str, bytes]:
        """The joined copy (``scraper.joined``: a notice's first page with its next pages and annex pages) that is the
        latest stored copy of each of ``urls`` that has one, read whole by the running parser (as :meth:`validators`
        asks): the crawler asks its pages again when the first page answers unchanged, each conditionally on its own
        validators (session 48: a page 2 changing behind a 304 on page 1 went unseen). One query; plain SQL."""
        snapshots = SNAPSHOTS.c
        return {url: zlib.decompress(body) for url, body
                in self._latest_usable(urls, (snapshots.body,), snapshots.content_type == JOINED_TYPE)}

    def _latest_usable(self, urls: Iterable[str], columns: tuple[Any, ...], *where: Any) -> list[Row[Any]]:
        """(URL, *columns) of each of ``urls`` whose latest copy is usable and read by the running parser (when it is
        known), ``where`` asked of that copy too: a query per CHUNK URLs."""
        wanted = list(dict.fromkeys(urls))
        pages, snapshots = PAGES.c, SNAPSHOTS.c
        same_parser = () if self._parser_digest is None else (snapshots.parser_digest == self._parser_digest,)
        found: list[Row[Any]] = []
        with self._sf() as session:
            for i in range(0, len(wanted), CHUNK):
                found.extend(session.execute(
                    select(pages.url, *columns).join(SNAPSHOTS, _latest())
                    .where(pages.url.in_(wanted[i : i + CHUNK]), snapshots.outcome.in_(USABLE_OUTCOMES), *where,
                           *same_parser)))
        return found

    def recent_notice_pages(self, source: str, limit: int, since: datetime | None = None) -> list[str]:
        """The source's newest notice pages, re-checked (conditionally) on updates; not those a person checked gone.
        ``since``: and (up to ``limit``) its pages read as no notice whose bytes were first fetched then or later: a
        spokesperson's answer published before its decision was written in, read as no step, then edited in place,
        was never asked again (cycles58 M9: the extension missed for good, "Suspension lapsed" published, exit 0)."""
        if limit <= 0:
            return []
        pages, snapshots = PAGES.c, SNAPSHOTS.c
        with self._sf() as session:
            found = list(session.scalars(
                select(pages.url).join(SNAPSHOTS, _latest())
                .where(pages.source == source, snapshots.outcome.in_(NOTICE_OUTCOMES), pages.url.not_in(checked_gone()))
                .order_by(pages.id.desc()).limit(limit)
            ))
            if since is not None:
                found += session.scalars(
                    select(pages.url).join(SNAPSHOTS, _latest())
                    .where(pages.source == source, snapshots.outcome == PageOutcome.OTHER.value,
                           snapshots.fetched_at >= since)
                    .order_by(pages.id.desc()).limit(limit))
            return found

    def moved(self, url: str) -> str | None:
        """Where the notice last read from ``url`` is read now: another of the ministries' pages whose latest
        bytes are that notice, which answered after ``url`` last did and has no open issue. A page the site
        moved, its old URL answering 404, is then no loss. None when the notice is read nowhere else (a page
        gone for good is a problem; of two URLs of a notice gone at once, the one answered last is) or ``url``
        held no notice."""
        pages, snapshots, issues = PAGES.c, SNAPSHOTS.c, ISSUES.c
        with self._sf() as session:
            found = session.execute(select(snapshots.notice_key, pages.last_fetched_at).join(SNAPSHOTS, _latest())
                                    .where(pages.url == url, snapshots.outcome == PageOutcome.NOTICE.value)).first()
            if found is None or found[0] is None:
                return None
            key, last = found
            broken = select(issues.url).where(*_unfinished(), issues.kind.in_(BROKEN_ISSUES))
            query = (select(pages.url).join(SNAPSHOTS, _latest())
                     .where(snapshots.notice_key == key, snapshots.outcome == PageOutcome.NOTICE.value,
                            pages.url != url, pages.url.not_in(broken))
                     .order_by(pages.last_fetched_at.desc(), pages.id.desc()))
            if last is not None:
                query = query.where(pages.last_fetched_at > last)
            return next((u for u in session.scalars(query) if not reprint_url(u)), None)

    def stored_body(self, url: str) -> tuple[bytes, str | None] | None:
        """The latest stored bytes of ``url`` and their content type (an index that answered 304)."""
        with self._sf() as session:
            snapshot = session.scalars(select(Snapshot).join(Page, _latest()).where(Page.url == url)).first()
            return (snapshot_bytes(snapshot), snapshot.content_type) if snapshot is not None else None

    def gone_checked(self, url: str) -> bool:
        """Whether a person checked ``url`` gone (``accept URL gone``) and it has not answered since: an index the
        crawl asks for anyway (a year's annual index) that answers 404 then is that person's word, not a failure."""
        with self._sf() as session:
            return session.scalar(checked_gone().where(HealthIssue.__table__.c.url == url).limit(1)) is not None

    def stored_index(self, url: str, sha256: str | None = None) -> tuple[bytes, str | None] | None:
        """The bytes (and content type) of ``url``'s newest copy that was read as an index: what the index listed the
        last time it was taken as itself (a page refused as another page, :mod:`scraper.continuity`, is never stored).
        ``sha256``: that copy of it (an index's last whole copy, which a shrunk index is held to). Plain SQL on the
        tables: asked on every index answer that differs from its stored copy."""
        pages, snapshots = PAGES.c, SNAPSHOTS.c
        which = (snapshots.sha256 == sha256,) if sha256 is not None else ()
        with self._sf() as session:
            row = session.execute(
                select(snapshots.body, snapshots.content_type).join(PAGES, snapshots.page_id == pages.id)
                .where(pages.url == url, snapshots.outcome == PageOutcome.INDEX.value, *which)
                # its latest bytes first: an index back to an earlier copy keeps that copy's (older) snapshot
                .order_by(case((snapshots.sha256 == pages.last_sha256, 0), else_=1), snapshots.id.desc()).limit(1)
            ).first()
        return (zlib.decompress(row[0]), row[1]) if row is not None else None

    def open_warning(self, source: str, url: str, reason: str) -> str | None:
        """The detail of the source's open warning of ``reason`` about ``url`` (``HealthKind.WARNING``), or None."""
        issues = ISSUES.c
        with self._sf() as session:
            return session.scalar(select(issues.detail).where(
                issues.key == warning_key(source, Oddity(url, reason)), issues.resolved_at.is_(None)))

    def open_warnings(self, source: str, reason: str) -> dict[str, str]:
        """The source's open warnings of ``reason``, URL -> detail (one read for all its indexes)."""
        issues = ISSUES.c
        with self._sf() as session:
            rows = session.execute(select(issues.url, issues.detail, issues.key).where(
                issues.source == source, issues.kind == HealthKind.WARNING.value, issues.resolved_at.is_(None)))
            return {url: detail for url, detail, key in rows
                    if url is not None and key == warning_key(source, Oddity(url, reason))}

    def open_gaps(self, source: str) -> dict[str, str]:
        """The source's open index-gap problems, index URL -> what it says (``scraper.discovery.GAP``'s text)."""
        issues = ISSUES.c  # (plain SQL: read in the crawl's first cycle, as the other reads of _revisits)
        with self._sf() as session:
            rows = session.execute(select(issues.url, issues.detail).where(
                issues.source == source, issues.kind == HealthKind.UNUSABLE_PAGE.value, issues.resolved_at.is_(None),
                issues.url.is_not(None), issues.detail.contains(GAP_MARK, autoescape=True)))
            return {url: text for url, detail in rows if (text := gap_text(url, detail)) is not None}

    def retry_urls(self, source: str) -> list[str]:
        """URLs this run fetches again whatever the indexes say, until they parse whole: the
        last run's failures, the source's pages whose latest bytes were unusable, and every page
        with an open unusable-page or count-mismatch issue."""
        issues = ISSUES.c
        with self._sf() as session:
            urls = set(pending_urls(session, source))
            urls.update(session.scalars(unusable_pages(source)))
            urls.update(url for url in session.scalars(
                select(issues.url).where(issues.source == source, *_unfinished())) if url)
        return sorted(urls)
