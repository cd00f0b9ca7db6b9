"""One page in, one transaction out: pick the parser, snapshot, parse, store.

``run`` (through the crawler) and ``replay`` both hand pages to a :class:`Pipeline`: its
:class:`PageRouter` picks the parser from the URL and the configured sources only, so the
same bytes at the same URL always read the same way. Everything a page causes (snapshot,
notice, health issues) is written in one transaction: if storing fails, nothing of that
page is written and the result says ``error``.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, bindparam, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from mofcom_watch.wrongnotice import another_notice, not_listed_page
from scraper.answers import CrawledPage, FetchResult
from scraper.joined import MAGIC as JOINED
from scraper.sources import Mode, Source
from storage.aliasfix import settled_by
from storage.cleantext import clean_document, clean_text
from storage.db import WRITE_LOCK
from storage.faults import store_fault
from storage.ingest import (
    add_url,
    alias_detail,
    count_mismatch,
    fit,
    keeps_parse_of,
    load_notice,
    record_issue,
    store_parse,
    substance,
    sync_held,
)
from storage.keys import issue_key, mismatch_key, older_copy_key, unusable_key
from storage.lifecycle import CORRECTION_WORDS, corrects_names
from storage.models import HealthIssue, NewsReport, Notice, NoticeUrl, Page, Snapshot
from storage.notices import reads_as, stored_heads, withdrawn
from storage.outcomes import PageOutcome, PageResult
from storage.pages import StoredCopy, stored_copies
from storage.publishwait import MARK_SUFFIX
from storage.readagain import (
    ShortPage,
    ShortParse,
    mismatch_detail,
    report_again,
    seen_again,
)
from storage.records import (
    DocumentKind,
    EntityRecord,
    NoticeKind,
    NoticeRecord,
    ParsedDocument,
    UnusablePage,
)
from storage.reviews import needs_review, read_by_person
from storage.shortread import lost_entities, names_nobody, reads_less, renamed_entities
from storage.snapshots import get_page, page_ids, record_snapshot, sha256_hex, snapshot_bytes, touch_page, touch_pages
from storage.vocabulary import JOINED_TYPE, NEEDS_REVIEW, HealthKind, as_utc, official_first

if TYPE_CHECKING:  # the parsers load with the first page parsed: a no-change run or replay never imports them
    from sqlalchemy.sql.elements import ColumnElement

    from scraper.links import ParseFn

CUT_SHORT = "cut-short"  # the parser's reason for a page that is only part of a notice
REPLAY_SOURCE = "replay"  # the source of saved pages (saved_page): a stored copy read anew, not a re-check

log = logging.getLogger(__name__)

NEWS_VERSION_SUFFIX = "+news"


class _LookUp:
    """Marker: what the store holds of the page is not known yet; the page's transaction reads it."""


LOOK_UP = _LookUp()
NO_TIME = datetime.min
LOST_SHOWN = 5  # the entities or actions a held-back copy lost, named in its health problem
INDEX_YEARS = (1990, 2100)  # annual indexes recognised as indexes for these years


class PageRole(StrEnum):
    """What a URL is, which decides its parser (:class:`PageRouter`)."""

    NOTICE = "notice"  # an article page, or any page no source claims: the notice parser
    INDEX = "index"  # a source's index or list endpoint: links, never a notice
    NEWS = "news"  # a news source's article or listed page: the news parser
    NEWS_INDEX = "news-index"  # a news source's index page or feed: every link on it


@dataclass(frozen=True)
class PageParser:
    """A parse function and its identity, stored with every snapshot it reads: the version, and a digest of
    the code (``None``: unknown, so no stored parse is taken as this parser's; ``""``: the version says all)."""

    parse: ParseFn
    version: str
    digest: str | None = ""
    # a page an index lists under a notice's title, read as no notice, must hold that title (the ministries' pages,
    # which the notice parser reads: wrongnotice.not_listed_page; a news site's headline is its own)
    as_listed: bool = False

    def read(self, copy: StoredCopy | None, sha: str) -> bool:
        """Whether ``copy`` is these bytes, read whole by this very parser: nothing to parse or store again."""
        return copy is not None and copy.whole and self.made(copy, sha)

    def made(self, copy: StoredCopy, sha: str) -> bool:
        """Whether ``copy`` is these bytes as this very parser read them (whole or not)."""
        return (copy.sha256 == sha and self.digest is not None
                and copy.parser_version == self.version and copy.parser_digest == (self.digest or None))


def load_parser() -> ParseFn:
    """The notice parser (imported here: a replay or run that parses nothing never loads it)."""
    from scraper.parse import parse_document

    return parse_document


def _notice_parser() -> ParseFn:
    """The notice parser, with its "no notice" pages that are press reports of a status change read as news
    records (:mod:`scraper.news.press`): a report dropped there was carried by a configured news source only."""
    from scraper.news.press import with_press_reports

    return with_press_reports(load_parser())


def _index_parser() -> ParseFn:
    from scraper.links import as_index

    return as_index(load_parser())


def _news_parser() -> ParseFn:
    from scraper.news import parse_news_document

    return parse_news_document


def _news_index_parser() -> ParseFn:
    from scraper.links import parse_news_index

    return parse_news_index


def _on_first_call(load: Callable[[], ParseFn]) -> ParseFn:
    """The function ``load()`` returns, loaded when first called: which parser would read a page (its version
    and digest) is known without importing the parsers (~0.5 s), and a page read as before is never parsed."""
    loaded: list[ParseFn] = []

    def parse(raw: bytes, **kwargs: Any) -> ParsedDocument:
        if not loaded:
            loaded.append(load())
        return loaded[0](raw, **kwargs)

    return parse


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
        self._heads = tuple(head for (head, *_), _ in self._templates)  # a URL starting with none is no page of them
        self._page_urls = {url for s in sources if s.news for url in s.direct_pages()}
        self._parsers: dict[PageRole, PageParser] | None = None  # made for the first page (the parse loads later)

    def _index_of_news(self, url: str) -> bool | None:
        """None: not an index; else whether the index belongs to a news source."""
        if url in self._index_urls:
            return self._index_urls[url]
        if not url.startswith(self._heads):
            return None
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
    from scraper.parser_identity import PARSER_VERSION, parser_digest

    digest, news = parser_digest(), PARSER_VERSION + NEWS_VERSION_SUFFIX
    return {
        PageRole.NOTICE: PageParser(_on_first_call(_notice_parser), PARSER_VERSION, digest, as_listed=True),
        PageRole.INDEX: PageParser(_on_first_call(_index_parser), PARSER_VERSION, digest),
        PageRole.NEWS: PageParser(_on_first_call(_news_parser), news, digest),
        PageRole.NEWS_INDEX: PageParser(_on_first_call(_news_index_parser), news, digest),
    }


_ISSUE = HealthIssue.__table__
RESOLVE = update(_ISSUE).where(_ISSUE.c.key.in_(bindparam("keys", expanding=True)), _ISSUE.c.resolved_at.is_(None))


def _resolve_issues(session: Session, keys: list[str], at: datetime, url: str | None, sha: str | None) -> None:
    """The open issues with these keys resolved by the copy of ``url`` of SHA-256 ``sha`` fetched ``at`` (their
    "Resolved" items cite it: reader34 B1): one UPDATE built once (no issue loaded; record_issue has flushed any
    issue it opened)."""
    session.execute(RESOLVE, {"keys": keys, "resolved_at": as_utc(at), "resolved_url": url, "resolved_sha256": sha})


# Whether an open alias-conflict issue of another notice names this URL: asked of every notice page stored, almost
# always none. One statement built once, on the table's columns (no ORM objects, no expression built per page: the
# ORM query it gates cost 1.6 s of a profiled 100x first replay, one per notice page; perf45)
_NAMED_AS_LOSER = (select(_ISSUE.c.id).where(
    _ISSUE.c.kind == HealthKind.ALIAS_CONFLICT.value, _ISSUE.c.url == bindparam("url"),
    _ISSUE.c.resolved_at.is_(None), _ISSUE.c.notice_key != bindparam("key")).limit(1))


def read_as_another(session: Session, url: str, key: str, at: datetime, sha: str) -> None:
    """Close the open alias-conflict issue of another notice that names ``url`` as its losing copy, now that ``url``
    reads as notice ``key``: the page no longer claims to be that notice, so nothing disagrees about it. It stayed
    open for ever (health44 H23: an MFA decision's new URL served another decision's article under its own title for
    one run, stored as a disagreeing copy of that one; read right the next run as its own notice, the issue kept every
    later run and ``status`` at exit 1, no ``accept`` to close it: order43's B3 saw one too). Asked first in one
    plain statement (:data:`_NAMED_AS_LOSER`), after the flush the ORM query below would make itself (autoflush):
    the query runs only where an issue names the URL, so it answers as it always did."""
    if session.autoflush:
        session.flush()  # (as the ORM query's autoflush would; 2.1 flushes before a plain statement too, not every 2.0)
    if session.execute(_NAMED_AS_LOSER, {"url": url, "key": key}).first() is None:
        return
    for issue in session.scalars(select(HealthIssue).where(
            HealthIssue.kind == HealthKind.ALIAS_CONFLICT.value, HealthIssue.url == url,
            HealthIssue.resolved_at.is_(None), HealthIssue.notice_key != key)):
        if issue.notice_key and issue.key == issue_key(HealthKind.ALIAS_CONFLICT, issue.notice_key):  # (a Q&A pair's
            _resolve_issues(session, [issue.key], at, url, sha)                                    # is reprints')


def settle_by_correction(session: Session, keys: Iterable[str], parser: PageParser, at: datetime) -> set[str]:
    """Close the open alias-conflict issue of each of these notices whose pages disagree only as a stored correction
    notice says (:func:`storage.aliasfix.settled_by`: the kept copy is the text as first published, the other copy
    has the correction's renames made): the kept copy stays the notice, the engine applies the correction to it.
    Run when such an issue opens and when a correction notice naming the notice is stored, whichever comes last.
    The keys of the notices settled."""
    settled: set[str] = set()
    for key in dict.fromkeys(keys):
        issue = session.scalars(select(HealthIssue).where(
            HealthIssue.key == issue_key(HealthKind.ALIAS_CONFLICT, key), HealthIssue.resolved_at.is_(None))).first()
        notice = load_notice(session, key) if issue is not None and issue.url else None
        if issue is None or notice is None or issue.url is None:
            continue
        corrections = [rec for rec in (NoticeRecord.from_json(json.loads(text)) for text in session.scalars(
            select(Notice.record_json).where(or_(*(Notice.title.contains(w) for w in CORRECTION_WORDS)))))
            if corrects_names(rec) and key in {r.key for r in rec.references}]
        if not corrections:  # nothing could settle it: the other copy is not parsed again
            continue
        snap = _newest_copy(session, issue.url)
        other = read_again(snap, parser, issue.url, key) if snap is not None else None
        if other is None:
            continue
        current = NoticeRecord.from_json(json.loads(notice.record_json))
        fix = settled_by(current, other.notice, corrections)
        if fix is None:
            continue
        if len(notice.urls) > 2 and (found := _disagreeing_page(
                session, notice, parser, (issue.url,),
                lambda read, fixes=corrections, kept=current: settled_by(kept, read, fixes) is not None)) is not None:
            # another page reads otherwise, not as the correction says: the issue stays open, naming it (probe49: a
            # third page's other reading went unsaid once the page named was settled; exit 0)
            issue.url = fit(found[0], 2048)
            issue.detail = clean_text(alias_detail(key, (notice.snapshot.page.url, notice.snapshot.sha256),
                                                   (found[0], found[1].sha256)))
            continue
        issue.detail = clean_text(
            f"{issue.detail}; settled: the correction notice {fix.key} ({fix.number or fix.title}) renames what the "
            f"copy at {issue.url} reads otherwise: the ministry corrected that page; the notice stays as first "
            "published and the correction is applied to it")
        issue.resolved_at = as_utc(at)
        settled.add(key)
    session.flush()
    return settled


def loser_again(session: Session, notice: Notice, parser: PageParser, at: datetime) -> str | None:
    """The kept copy of ``notice`` read otherwise by this parser (its same bytes, a newer parser), or a new copy of the
    kept page read otherwise (the ministry corrected it, at its other URL first): the page its open
    alias-conflict issue names (the copy whose parse lost) read again by this parser too, and stored as its fetch
    would be when it reads as the kept copy reads now (``store_parse``: the issue resolved at ``at``, the copy
    preferred kept). An upgrade re-reads the pages one by one: a losing copy read first, against the kept copy's
    earlier reading, opened the issue, and nothing read it again once the kept copy read as it (order40's B5: a
    false "pages disagree", exit 1, that a store made by this version has not). Pages still reading otherwise keep
    the issue open. The page whose reading closed the issue, if it did (:func:`still_disagrees` asks the others)."""
    issue = session.scalars(select(HealthIssue).where(
        HealthIssue.key == issue_key(HealthKind.ALIAS_CONFLICT, notice.key), HealthIssue.resolved_at.is_(None))).first()
    if issue is None or issue.url is None or issue.url == notice.snapshot.page.url:
        return None
    snap = _newest_copy(session, issue.url)
    if snap is None or (other := read_again(snap, parser, issue.url, notice.key)) is None:
        return None
    if substance(other.notice) == substance(NoticeRecord.from_json(json.loads(notice.record_json))):
        if store_parse(session, notice, other.notice, snap, issue.url, at, clean=True).agreed:
            return issue.url
    return None


def stale_alias(session: Session, notice: Notice, parser: PageParser, at: datetime, source: str) -> bool:
    """A new copy of the page ``notice`` is read from reads otherwise (the ministry corrected it there): whether
    another of its pages, whose newest copy read as it still reads as it did (the old text), now disagrees with it,
    said as its pages disagreeing are (alias-conflict, naming that page, until it reads as the notice again:
    ``storage.ingest``'s ``_agrees_again``). That page answering its same bytes, or a 304, is never read again, and
    its old copy was cited by every item as that page's copy, saying nothing (churn47's open 3, probe48): a copy that
    does not say what the item says. Asked only on such a correction; none where an alias conflict is open already."""
    key = notice.key
    if session.scalars(select(HealthIssue.id).where(HealthIssue.key == issue_key(HealthKind.ALIAS_CONFLICT, key),
                                                    HealthIssue.resolved_at.is_(None)).limit(1)).first() is not None:
        return False
    found = _disagreeing_page(session, notice, parser, ())
    if found is None:
        return False
    url, snap = found
    record_issue(session, key=issue_key(HealthKind.ALIAS_CONFLICT, key), source=source,
                 kind=HealthKind.ALIAS_CONFLICT,
                 detail=alias_detail(key, (notice.snapshot.page.url, notice.snapshot.sha256), (url, snap.sha256),
                                     (", corrected there", ", still the text before")),
                 seen_at=at, url=url, notice_key=key)
    return True


def _disagreeing_page(session: Session, notice: Notice, parser: PageParser, skip: Iterable[str],
                      explained: Callable[[NoticeRecord], bool] | None = None) -> tuple[str, Snapshot] | None:
    """The first of ``notice``'s other pages (not the one it is read from, none of ``skip``) whose newest copy read as
    the notice reads otherwise than the notice now (and not as ``explained`` allows: a stored correction's renames),
    with that copy; else None. Each such copy is parsed again."""
    key, read_url, passed = notice.key, notice.snapshot.page.url, set(skip)
    now = substance(NoticeRecord.from_json(json.loads(notice.record_json)))
    for url in official_first(u.url for u in notice.urls):
        if url == read_url or url in passed:
            continue
        snap = _newest_copy(session, url, Snapshot.notice_key == key, Snapshot.outcome == PageOutcome.NOTICE.value)
        other = read_again(snap, parser, url, key) if snap is not None else None
        if snap is None or other is None or substance(other.notice) == now or (explained and explained(other.notice)):
            continue
        return url, snap
    return None


_ISSUE_OPEN_AGAIN = (update(_ISSUE).where(_ISSUE.c.key == bindparam("issue_key"))
                     .values(resolved_at=None, resolved_url=None, resolved_sha256=None))


def still_disagrees(session: Session, notice: Notice, parser: PageParser, at: datetime, agreeing: str) -> bool:
    """The alias-conflict issue of ``notice`` was closed just now, page ``agreeing`` (the one it named) reading as the
    notice again: whether another of its pages still reads otherwise, the issue then kept open naming that one (probe49:
    the issue names one page; a notice at three URLs, corrected at the page it is read from, its issue named one of the
    other two, and the correction there closed it while the third still said the text before: exit 0, nothing said, its
    old copy cited by every item; the same where two pages disagreed and the one named agreed again). Kept open, not
    reopened: nobody saw it closed (one transaction), and a reopening is a new problem in the source-health feed.
    Asked only where such an issue closed, of a notice at more than two URLs."""
    if len(notice.urls) < 3:
        return False
    found = _disagreeing_page(session, notice, parser, (agreeing,))
    if found is None:
        return False
    url, snap = found
    kept = notice.snapshot
    session.execute(_ISSUE_OPEN_AGAIN.values(
        url=fit(url, 2048), last_seen=as_utc(at),
        detail=clean_text(alias_detail(notice.key, (kept.page.url, kept.sha256), (url, snap.sha256)))),
        {"issue_key": issue_key(HealthKind.ALIAS_CONFLICT, notice.key)})
    return True


def _store_parts(session: Session, raw: bytes, key: str, page: CrawledPage, parser: PageParser) -> None:
    """The later pages and annex pages of a notice read from a joined copy (``scraper.joined``): each stored under its
    own URL with its own bytes (outcome ``part``, the notice's key) and made one of the notice's URLs, so every item
    cites each page read, with its SHA-256."""
    from scraper.joined import split

    fetch = page.result
    notice = load_notice(session, key)
    answers = {answer.url: answer for answer in page.parts if answer.ok}
    for part in split(raw)[1:]:
        answer = answers.get(part.url)  # its validators: asked conditionally when the first page answers unchanged
        snap, new = record_snapshot(session, url=part.url, raw=part.body, fetched_at=fetch.fetched_at,
                                    status=fetch.status, content_type=part.content_type, source=page.source,
                                    parser_version=parser.version, parser_digest=parser.digest or None,
                                    outcome=PageOutcome.PART, notice_key=key,
                                    etag=answer.etag if answer else None,
                                    last_modified=answer.last_modified if answer else None)
        if not new and snap.outcome == PageOutcome.PART.value and snap.notice_key not in (None, key):
            # one annex page two notices link (a notice and one amending it): stored once, a page of the notice of the
            # smaller key whichever joined it last (crawl48: the last one's, flipping with the order the pages came
            # in; each notice's items cite the page by the bytes its own joined copy holds, review52's A1)
            snap.notice_key = min(snap.notice_key, key)
        elif not new and (snap.outcome, snap.notice_key) != (PageOutcome.PART.value, key):
            # the same bytes read alone before (an index listed the page: refused as cut short): a page of this notice
            snap.outcome, snap.notice_key, snap.detail = PageOutcome.PART.value, key, None
            snap.parser_version, snap.parser_digest = parser.version, parser.digest or None
            _resolve_issues(session, [unusable_key(part.url)], fetch.fetched_at, part.url, part.sha256)
        if notice is not None:
            add_url(session, notice, part.url, fetch.fetched_at)
    session.flush()


def _touch_parts(session: Session, page: CrawledPage, key: str | None) -> None:
    """A joined copy read again as stored (its first page and every other page answered unchanged: 304, or the same
    bytes, ``scraper.discovery.Crawler._parts_again``): each other page's fetch recorded as a check, with the
    validators it answered (the next run asks it conditionally on them), but for a page that another notice's latest
    joined copy holds as other bytes (:func:`_held_elsewhere`): its fetch is recorded without them."""
    held = _held_elsewhere(session, page, key)
    for answer in page.parts:
        if answer.ok:
            mine = answer.url not in held
            touch_page(session, url=answer.url, fetched_at=answer.fetched_at, status=200, source=page.source,
                       etag=answer.etag if mine else None, last_modified=answer.last_modified if mine else None)


def _held_elsewhere(session: Session, page: CrawledPage, key: str | None) -> set[str]:
    """The pages of ``page``'s joined copy (notice ``key``) that answered other bytes than the page's latest stored
    ones, where the latest joined copy of another notice holds the page as bytes other than these (an annex page two
    notices link). Their validators recorded by this notice's check answered the other notice a 304 for the old bytes
    its copy holds (``validators(of=…)`` lets them through: the page's latest bytes stay those): the page retitled as
    this notice's, no page of the other (read alone, loud), was never read by it, silently, whenever this notice was
    asked first (store50's B1). Such a page is asked whole while its bytes differ, and each notice reads it: a shared
    annex page changing at every fetch (a counter) costs a whole request and both notices parsed at every run. Two
    queries, only for a joined copy a page of which answered new bytes: the pages' latest stored bytes, then, for the
    pages whose bytes differ from them, the other notices' joined copies holding them."""
    new = {answer.url: sha256_hex(answer.body) for answer in page.parts
           if answer.ok and not answer.not_modified and answer.body}
    if not new:
        return set()
    from storage.models import NoticeUrl

    latest = dict(session.execute(select(Page.url, Page.last_sha256).where(Page.url.in_(new))).all())
    new = {url: sha for url, sha in new.items() if latest.get(url) != sha}
    if not new:
        return set()
    held: set[str] = set()
    for url, body in session.execute(
            select(NoticeUrl.url, Snapshot.body).join(Notice, Notice.id == NoticeUrl.notice_id)
            .join(Snapshot, Snapshot.id == Notice.snapshot_id)
            .where(NoticeUrl.url.in_(new), Notice.key != (key or ""), Snapshot.content_type == JOINED_TYPE)):
        try:
            heads = stored_heads(body)
        except ValueError:
            continue
        if any(head_url == url and sha != new[url] for _role, head_url, sha in heads):
            held.add(url)
    return held


def _stale_part(session: Session, raw: bytes, key: str, url: str) -> tuple[str, str, datetime, str, datetime] | None:
    """The page of joined copy ``raw`` (notice ``key``, first page ``url``) whose bytes are an older copy of that page:
    first fetched before other bytes of it, its newest, stored as a page of the notice; as (its URL, its SHA-256, first
    fetched, the newer bytes' SHA-256, first fetched), else None. A stale cache serving page 2's old bytes beside a
    page 1 of new bytes (a visit counter) made a joined copy never stored, so "first fetched" now: it read as the
    ministry correcting the notice back, a false "Correction" item, exit 0 (probe49; a page's own older copy is said,
    ``older-copy``). The first page's bytes are those the page's stored joined copies name; the others', the page's
    own copies. Asked only of a joined copy reading otherwise than the stored one."""
    from scraper.joined import split

    try:
        parts = split(raw)
    except ValueError:
        return None
    for part in parts:
        seen: dict[str, datetime] = {}  # SHA-256 of the page's bytes -> first fetched
        if part.url == url:
            for body, at in session.execute(select(Snapshot.body, Snapshot.fetched_at).join(
                    Page, Page.id == Snapshot.page_id).where(Page.url == url, Snapshot.notice_key == key,
                                                            Snapshot.content_type == JOINED_TYPE)):
                try:
                    heads = stored_heads(body)
                except ValueError:
                    continue
                if heads:
                    sha = heads[0][2]
                    seen[sha] = min(seen.get(sha, as_utc(at)), as_utc(at))
        else:
            for sha, at in session.execute(select(Snapshot.sha256, Snapshot.fetched_at).join(
                    Page, Page.id == Snapshot.page_id).where(
                    Page.url == part.url, or_(Snapshot.outcome == PageOutcome.PART.value,  # (a shared annex: any key)
                                              and_(Snapshot.outcome == PageOutcome.NOTICE.value,
                                                   Snapshot.notice_key == key)))):
                seen[sha] = min(seen.get(sha, as_utc(at)), as_utc(at))
        then = seen.get(part.sha256)
        if then is None:
            continue
        newest = max(seen.items(), key=lambda item: item[1])
        if newest[0] != part.sha256 and newest[1] > then:
            return part.url, part.sha256, then, newest[0], newest[1]
    return None


def _seen_since(session: Session, snap: Snapshot, fetched_at: datetime, stored: Notice,
                parser: PageParser) -> Snapshot | None:
    """The copy the page served at its last fetch, where that fetch came after this one (``fetched_at``) and read as the
    stored notice: this copy, reading otherwise, is an older copy turning up late (a folder replayed after a later
    one; a clock that went back), never the notice's reading. Else None. A later fetch reading as the kept copy keeps
    no copy (churn47: a page with a visit counter) or is the kept copy's bytes again, so the kept copy's first fetch
    cannot tell it: replayed 11-21 (A), 11-23 (A again), then 11-22 (B), the page read B, exit 0, nothing said, where
    replayed in date order it reads A, the page's text at 11-23 (probe49). Asked only of a copy of the page the notice
    is read from that reads otherwise."""
    page = snap.page
    if (page is None or page.last_fetched_at is None or as_utc(page.last_fetched_at) <= as_utc(fetched_at)
            or page.last_sha256 in (None, snap.sha256)):
        return None
    if page.last_sha256 == stored.snapshot.sha256:
        return stored.snapshot
    last = session.scalars(select(Snapshot).where(Snapshot.page_id == page.id,
                                                  Snapshot.sha256 == page.last_sha256)).first()
    again = read_again(last, parser, page.url, stored.key) if last is not None else None
    if again is None or substance(again.notice) != substance(NoticeRecord.from_json(json.loads(stored.record_json))):
        return None
    return last


def _seen_after(session: Session, key: str, url: str, fetched_at: datetime) -> bool:
    """Whether the page's open issue ``key`` (its ``older-copy`` or ``unusable-page`` issue, both seen at the fetch of
    the copy they name) was last seen after this copy was fetched: then this copy, reading as the notice, does not show
    the page serving the kept reading again, only what it served before the copy the issue names (an even older
    folder replayed after it), and leaves the issue open, as a copy fetched before the page's newest closes no alias
    conflict (``storage.ingest._agrees_again``, review53). It closed it (review56): replayed 01-23 (the text as
    published), 01-22 (an annex line corrected: said, an older copy turning up late), then 01-21 (as published),
    exit 0, nothing said, where date order keeps 01-22's correction and says 01-23's copy is an older one (a joined
    notice whose annex page served its 01-21 bytes again); and replayed 11-21, 11-23 (an entity named otherwise: held
    for a person, renamed), then 11-22 (as published), the review gone, exit 0, where date order ends held. Live
    runs fetch in time order: never so. Only where a copy of the page fetched after this one is stored: a stored copy
    read again after an upgrade (``mofcom_watch.personread``, its issue seen when it could not be read, not when it was
    fetched) is the page's newest and closes its issue. One indexed look-up per copy stored or back, none per plain
    check; a second only where an issue is open."""
    at = as_utc(fetched_at)
    return session.scalar(_OPEN_SEEN_AFTER, {"key": key, "at": at}) is not None \
        and session.scalar(_FETCHED_AFTER, {"url": url, "at": at}) is not None


# :func:`_seen_after`'s two look-ups, built once (each built and looked up in the compiled cache per call cost 12 s of a
# profiled first replay at 100x the fixtures, two a copy stored: perf58, session 58)
_OPEN_SEEN_AFTER = select(_ISSUE.c.id).where(_ISSUE.c.key == bindparam("key"), _ISSUE.c.resolved_at.is_(None),
                                             _ISSUE.c.last_seen > bindparam("at")).limit(1)
_FETCHED_AFTER = select(Snapshot.id).join(Page, Page.id == Snapshot.page_id).where(
    Page.url == bindparam("url"), Snapshot.fetched_at > bindparam("at")).limit(1)


def _late_detail(key: str, url: str, served: Snapshot, fetched_at: datetime, later: Snapshot) -> str:
    """Why a copy fetched before the page's last fetch was not stored as the notice's reading (:func:`_seen_since`)."""
    return (f"{url} served a copy of {key} fetched {as_utc(fetched_at):%Y-%m-%d %H:%M} UTC (SHA-256 "
            f"{served.sha256[:12]}) that reads otherwise than the page read at its later fetch (SHA-256 "
            f"{later.sha256[:12]}, read as the notice); the later reading is kept: an older copy turning up late (a "
            "folder replayed after a later one, or a clock that went back)")


def _stale_part_detail(key: str, url: str, part_url: str, sha: str, then: datetime, newer: str, at: datetime) -> str:
    """Why a joined copy was not stored: one of its pages served bytes first fetched before that page's newest."""
    return (f"{url}: its pages joined read otherwise, and {part_url} served again a copy first fetched "
            f"{then:%Y-%m-%d %H:%M} UTC (SHA-256 {sha[:12]}), older than that page's stored copy (first fetched "
            f"{at:%Y-%m-%d %H:%M} UTC, SHA-256 {newer[:12]}); the newer copy of {key} is kept: a stale cache, or the "
            "ministry taking back its correction")


def _newest_copy(session: Session, url: str, *where: ColumnElement[bool]) -> Snapshot | None:
    """The copy of ``url`` fetched last (of those ``where`` also asks for), if any."""
    return session.scalars(select(Snapshot).join(Page, Page.id == Snapshot.page_id).where(Page.url == url, *where)
                           .order_by(Snapshot.fetched_at.desc(), Snapshot.id.desc()).limit(1)).first()


def _part_of(session: Session, url: str, sha: str) -> Snapshot | None:
    """The stored copy of ``url`` with these bytes read as a later page or annex page of a notice, if any."""
    return session.scalars(select(Snapshot).join(Page, Page.id == Snapshot.page_id).where(
        Page.url == url, Snapshot.sha256 == sha, Snapshot.outcome == PageOutcome.PART.value).limit(1)).first()


def _news_columns(report: NewsReport | None, record: NoticeRecord) -> dict[str, Any]:
    """The columns of the news report at its URL (``report``, None if not stored) that ``record`` sets: all its item
    reads of the page but the copy it cites (its linked notice, once found, stays)."""
    first_action = record.actions[0] if record.actions else None
    refs = [r.key for r in record.references if r.key]
    reported_list = (first_action.list if first_action else None) or record.list
    return dict(title=record.title, published=record.published,
                notice_key=(report.notice_key if report is not None else None) or (refs[0] if refs else None),
                reported_action=first_action.action.value if first_action else None,
                reported_list=reported_list.value if reported_list else None,
                reported_count=record.stated_count, reported_date=record.published)


def _store_news(session: Session, record: NoticeRecord, snapshot: Snapshot, url: str, source: str) -> None:
    """A news report never changes an entity's state: it goes to NewsReport, not Notice."""
    report = session.scalars(select(NewsReport).where(NewsReport.url == url)).one_or_none()
    if report is None:
        report = NewsReport(url=url, source=source)
        session.add(report)
    for name, value in _news_columns(report, record).items():
        setattr(report, name, value)
    report.snapshot_id = snapshot.id


def _index_reading(doc: ParsedDocument, raw: bytes, url: str, content_type: str | None) -> tuple[object, ...]:
    """What the crawl reads of an index page (``scraper.discovery``): the parse (its rows' links, titles and dates in
    order, its title and warnings), the pager's page count, the page's name (``scraper.continuity``) and every link of
    it with its label (``scraper.unfollowed`` reads rows the source does not follow from them). Not a visit counter or
    a script's timestamp, which are no link."""
    from scraper.charset import decode
    from scraper.continuity import page_name
    from scraper.discovery import stated_pages
    from scraper.links import plain_links
    from scraper.unfollowed import scripted_links

    text = decode(raw, content_type)[0]
    return (doc.kind, doc.links, doc.title, doc.warnings, stated_pages(raw), page_name(text), plain_links(text, url),
            scripted_links(text, url))


def _kept_copy(session: Session, url: str, sha256: str) -> Snapshot | None:
    """The stored copy of ``url`` with that SHA-256: the copy other bytes of the page are read against (churn47)."""
    return session.scalars(select(Snapshot).join(Page, Page.id == Snapshot.page_id)
                           .where(Page.url == url, Snapshot.sha256 == sha256)).first()


def _kept_before(session: Session, url: str, sha256: str, fetched_at: datetime) -> tuple[Snapshot, bytes] | None:
    """That copy and its bytes, where it was fetched before these other bytes (bytes first fetched before it: None,
    stored as before)."""
    kept = _kept_copy(session, url, sha256)
    if kept is None or as_utc(fetched_at) < as_utc(kept.fetched_at):
        return None
    return kept, snapshot_bytes(kept)


def _index_as_kept(session: Session, doc: ParsedDocument, raw: bytes, url: str, sha: str, content_type: str | None,
                   copy: StoredCopy | None, parser: PageParser, fetched_at: datetime) -> Snapshot | None:
    """The index page's last kept copy, where these other bytes of it read exactly as that copy does (the lead's
    decision, session 47, index47; churn47's rule for a notice's page, :func:`_reads_as_kept`): the same rows in the
    same order (:func:`_index_reading`), read by this very parser, the copy whole and read as an index. Then no copy
    is kept: the fetch is recorded as a check (``Page.last_fetched_at``) and the page's latest bytes stay that copy's,
    so ``status``'s "index last changed" (the copy's fetch time) moves only when the rows change, and the continuity
    checks (``scraper.continuity``: a shrunk index held to its last whole copy) compare with a copy that reads as the
    answer. An index with a visit counter or a script's timestamp kept a copy a cycle, and never looked stale.
    A bot check, a JS shell or a redesign is refused before this as before; bytes first fetched before that copy are
    stored as before. None: store the copy as before."""
    if (copy is None or copy.sha256 == sha or not copy.whole or copy.outcome != PageOutcome.INDEX.value
            or not parser.made(copy, copy.sha256)):
        return None
    if (found := _kept_before(session, url, copy.sha256, fetched_at)) is None:
        return None
    kept, before = found
    try:
        again = clean_document(parser.parse(before, url=url, content_type=kept.content_type))
    except Exception:  # noqa: BLE001 - refused or failed now: no reading to compare, the copy is stored as before
        return None
    if _index_reading(again, before, url, kept.content_type) != _index_reading(doc, raw, url, content_type):
        return None
    return kept


def _shown_text(raw: bytes, content_type: str | None) -> tuple[object, ...] | None:
    """What a person reading a page the parser refused reads of it: the article's title, date, site, number and body
    as the parser extracts them (a visit counter or a script outside the article is no part of it); a page that is
    not HTML, its whole text. None: not judged (a notice's pages joined)."""
    from selectolax.lexbor import LexborHTMLParser

    from scraper.parse.article import extract_article, find_container
    from scraper.parse.document import decode_page, is_html

    if raw.startswith(JOINED):
        return None
    text = decode_page(raw, content_type)[0]
    if not is_html(text):
        return ("text", text)
    tree = LexborHTMLParser(text)
    art = extract_article(tree, text, find_container(tree))
    return (art.title, art.pub, art.site, art.filing_no, art.container, _without_counters(art.text))


# A line of a page's text that is a visit counter alone ("访问量：1001", "浏览次数: 1234次", "阅读 56"): a page with no
# article container is read whole, its counter with it (index47's open, probe48: its person's reading reopened every
# cycle). Only such a line, the label and a number and nothing else, is left out of what a person was shown.
COUNTER_LINE = (r"(?m)^[ \t]*[【\[]?(?:访问量|访问次数|浏览量|浏览次数|阅读量|阅读次数|点击量|点击数|点击次数|阅读|浏览|点击)"
                r"[ \t]*[:：]?[ \t]*\d{1,12}[ \t]*次?[】\]]?[ \t]*$")
COUNTER_WORDS = ("访问", "浏览", "阅读", "点击")
# A visit count told in running text ("本文已被浏览1001次", "已阅读 56 次", "1001人浏览", "浏览：1001次"): its number left
# out, the words kept (crawl49's open B: a line saying more than the count reopened the person's reading every cycle).
COUNTER_PHRASE = (r"(?:(?<=已被)|(?<=已)|(?<=被)|(?<=共))(访问|浏览|阅读|点击)(了)?[ \t]*\d{1,12}[ \t]*(人次|次)"
                  r"|(?<![\d.])\d{1,12}[ \t]*(人次|人)[ \t]*(已)?(访问|浏览|阅读|点击)(过)?")
# A line that is the time now alone ("当前时间：2026-12-06 08:00:01", "今天是2026年12月6日 星期日"): a page's clock, no part
# of its text (a publication date is labelled otherwise, 发布时间/发文日期, and stays).
CLOCK_LINE = (r"(?m)^[ \t]*[【\[]?(?:当前时间|现在时间|当前日期|今天是|今天|系统时间|服务器时间)[ \t]*[:：]?[ \t]*"
              r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?[ \t]*(?:(?:星期|周)[一二三四五六日天][ \t]*)?"
              r"(?:\d{1,2}[:：]\d{2}(?:[:：]\d{2})?[ \t]*)?(?:(?:星期|周)[一二三四五六日天][ \t]*)?[】\]]?[ \t]*$")
CLOCK_WORDS = ("当前", "现在时间", "今天", "系统时间", "服务器时间")


def _without_counters(text: str) -> str:
    """``text`` without its visit-counter lines (:data:`COUNTER_LINE`), the numbers of the visit counts it tells in
    running text (:data:`COUNTER_PHRASE`) and its lines that are a clock alone (:data:`CLOCK_LINE`); a text naming none
    of their words: as it is."""
    if any(word in text for word in COUNTER_WORDS):
        text = re.sub(COUNTER_PHRASE, lambda m: "".join(g for g in m.groups() if g and not g.isdigit()),
                      re.sub(COUNTER_LINE, "", text))
    if any(word in text for word in CLOCK_WORDS):
        text = re.sub(CLOCK_LINE, "", text)
    return text


def _person_read_as_kept(session: Session, url: str, sha: str, raw: bytes, content_type: str | None,
                         refusal: UnusablePage, copy: StoredCopy | None, parser: PageParser,
                         fetched_at: datetime) -> Snapshot | None:
    """The copy of ``url`` a person read (``accept URL SHA256``, its latest copy), where these other bytes, refused
    for a person to read, are refused for the same reason (reason and detail) and show the same text
    (:func:`_shown_text`): the person's reading holds for them (the lead's decision, session 47, index47; churn47's
    open 4). A page with a visit counter or a script's timestamp outside its article was judged afresh at every fetch,
    its review opened again every cycle (exit 1) for a text a person had read. Then no copy is kept: the fetch is
    recorded as a check and the page's latest bytes stay the copy read, which ``status`` names. Any difference in
    the text, the reason, or a copy fetched before the one read: None, judged afresh as before."""
    if (copy is None or copy.sha256 == sha or copy.outcome != PageOutcome.READ_BY_PERSON.value
            or not read_by_person(session, url, copy.sha256)):
        return None
    if (found := _kept_before(session, url, copy.sha256, fetched_at)) is None:
        return None
    kept, before = found
    try:
        parser.parse(before, url=url, content_type=kept.content_type)
    except UnusablePage as then:
        if (then.reason, then.detail, then.notice) != (refusal.reason, refusal.detail, refusal.notice):
            return None
    except Exception:  # noqa: BLE001 - no refusal to compare: judged afresh
        return None
    else:
        return None  # this parser reads the copy read: not the person's reading any more
    try:
        shown = _shown_text(raw, content_type)
        return kept if shown is not None and shown == _shown_text(before, kept.content_type) else None
    except Exception:  # noqa: BLE001 - not extracted: judged afresh
        return None


def _news_as_kept(session: Session, record: NoticeRecord, url: str, sha: str, copy: StoredCopy | None,
                  parser: PageParser) -> bool:
    """Whether these new bytes of a news page read as the copy its report cites, the page's last kept copy, read
    by this very parser: every column of the report the same, so its item would change only in the copy it cites
    (:func:`_reads_as_kept` says why no copy is kept then)."""
    if copy is None or copy.sha256 == sha or not copy.whole or copy.outcome != PageOutcome.NEWS.value \
            or not parser.made(copy, copy.sha256):
        return False
    found = session.execute(select(NewsReport, Snapshot.sha256).join(Snapshot, Snapshot.id == NewsReport.snapshot_id)
                            .where(NewsReport.url == url)).first()
    if found is None or found[1] != copy.sha256:
        return False
    report = found[0]
    return all(getattr(report, name) == value for name, value in _news_columns(report, record).items())


@dataclass(frozen=True)
class ReadAgain:
    """Stored bytes read again: the notice they read as now, cleaned, and the codec they were decoded with."""

    notice: NoticeRecord
    encoding: str | None


def read_again(snapshot: Snapshot, parser: PageParser, url: str, key: str) -> ReadAgain | None:
    """The stored bytes read again by ``parser`` and cleaned, as the pipeline stores a parse (None: they read as no
    notice with this key now, or as an unusable page, or the parser failed on them). Shared by :func:`held_back`
    (the stored copy as this parser reads it) and ``review`` (a held copy as today's parser reads it)."""
    try:
        doc = clean_document(parser.parse(zlib.decompress(snapshot.body), url=url, content_type=snapshot.content_type))
    except Exception:  # noqa: BLE001 - unusable, or a parser error, now: the caller keeps what it had
        log.debug("reading the stored copy of %s again failed", url, exc_info=True)
        return None
    if doc.kind != DocumentKind.NOTICE or doc.notice is None:
        return None
    if doc.notice.key != key:
        if doc.notice.kind is not NoticeKind.QA or not key.startswith(f"{doc.notice.key}-"):
            return None
        # one of two Q&As of one day and title, stored under the title's key and a split hash
        # (mofcom_watch.reprints._two_of_one_title): the page is still that notice's
        return ReadAgain(replace(doc.notice, key=key), doc.encoding)
    return ReadAgain(doc.notice, doc.encoding)


@dataclass(frozen=True)
class HeldBack:
    """Why a parse must not replace the stored notice. ``review``: it reads less than the stored parse of the same
    page and states nothing that shows it cut (no count short of): a page cut short, or the ministry republishing
    the notice without ``lost``; a person may accept it (``mofcom-watch accept``, :mod:`mofcom_watch.review`).
    Otherwise the copy is cut short by its own account and never accepted."""

    detail: str
    review: bool = False
    lost: tuple[str, ...] = ()


REVIEW_HINT = "(review: `mofcom-watch review` lists it, `mofcom-watch accept` takes it)"


def held_back(stored: Notice | None, record: NoticeRecord, url: str, sha: str, parser: PageParser) -> HeldBack | None:
    """Why a parse must not replace the stored notice, or None.

    A page cut short (a truncated answer served whole, a half-loaded annex) reads as the same
    notice with fewer entities than it states. Storing it would drop listed companies: a false
    removal. While the stored parse of the same page is complete, such a parse is held back as an
    unusable page (the next run fetches the page again); a corrected notice states its own new
    count. Alias pages that disagree are settled by ``store_notice`` (the complete parse wins, then
    the one naming more entities). A parse that read no entity at all where the stored parse of the
    same page read some is held back too, count or none.

    A page cut where none of the parser's checks sees it states no count to hold it against, and reads as
    less. A listing that names nobody and states no count (``storage.shortread.names_nobody``) is held back on any fetch,
    stored copy or none. A newer copy of the same page that reads less than the stored parse
    (``storage.shortread.reads_less``:
    fewer entities, some gone, as an MFA annex cut after a whole executive line reads, its companies' count
    still right; or fewer of its actions' targets, as a copy of 2025 No. 70 that lost its action line reads) is
    held back too. The ministry republishing a notice without an entity reads the same and is rare: a person
    must see it either way, so the problem names what would go and asks for review, and the stored copy
    stays until the page reads whole again. The same bytes read again by other parser code are what it reads
    now (a parser that stopped reading a false entity); new bytes are compared with the stored bytes as this
    parser reads them, so new bytes and new parser code at once are not taken for a page that lost entities.
    """
    same_page = stored is not None and stored.snapshot is not None and stored.snapshot.page.url == url
    if names_nobody(record):
        kept = ""
        if same_page and stored is not None and (n := len(NoticeRecord.from_json(json.loads(stored.record_json)).entities)):
            kept = f"; the stored version of the same page ({n} entities) is kept"
        return HeldBack(f"incomplete: {record.key} lists on the {record.list or 'unnamed'} list but parsed with no "
                        f"entities and states no count, as a page cut before its decision reads{kept}")
    if not same_page or stored is None:
        return None
    short = count_mismatch(record)
    none_read = not record.entities and record.kind is not NoticeKind.QA
    if not short and not none_read and stored.snapshot.sha256 == sha:
        return None  # the same bytes read again, by other parser code: what it reads now
    current = NoticeRecord.from_json(json.loads(stored.record_json))
    if short:
        if count_mismatch(current) or not current.entities or len(record.entities) >= len(current.entities):
            return None
        return HeldBack(f"incomplete: {record.key} parsed with {len(record.entities)} of the {record.stated_count} "
                        f"entities it states; the complete stored version ({len(current.entities)} entities) is kept")
    if none_read and current.entities:  # no entity, and short of no count it states
        return HeldBack(f"incomplete: {record.key} parsed with no entities; the stored version of the same page "
                        f"({len(current.entities)} entities) is kept")
    lost = reads_less(record, current)
    if not (lost or renamed_entities(record, current)[0]) or stored.snapshot.sha256 == sha:
        return None
    snap = stored.snapshot
    if parser.digest is None or (snap.parser_version, snap.parser_digest) != (parser.version, parser.digest or None):
        again = read_again(snap, parser, url, record.key)
        current = again.notice if again is not None else current
        lost = reads_less(record, current)
    if not lost:
        return _renamed(record, current)
    shown = _names(lost)
    if lost_entities(record, current):
        return HeldBack(f"incomplete: {record.key} parsed with {len(record.entities)} entities, without {shown} that "
                        f"the stored version of the same page names ({len(current.entities)} entities); the stored "
                        f"version is kept: a page cut short, or the notice republished without them {REVIEW_HINT}",
                        review=True, lost=tuple(lost))
    return HeldBack(f"incomplete: {record.key} parsed without what the stored version of the same page reads it doing "
                    f"({shown}); the stored version is kept: a page cut short, or the notice republished without it "
                    f"{REVIEW_HINT}", review=True, lost=tuple(lost))


def _rekeyed_in_place(session: Session, record: NoticeRecord, url: str, sha: str, at: datetime
                      ) -> tuple[str, str] | None:
    """A Q&A's page re-dated or re-titled in place reads as another key (a Q&A's key is its day and title): the stored
    Q&A read from this page's other bytes is moved to that key, its snapshots with it (as ``reprints`` moves one), so
    the new bytes are read as a new version of the same notice, its items corrected, not as a second notice beside the
    first (cycles59 S17: an answer of 11-05 continuing No. 21's suspension 1年, re-dated 11-06 with 6个月: both stood,
    "until 2027-11-10" and "until 2027-05-10", the first never retracted, exit 0). Not when the new key is stored
    already, nor for a key split apart from the old one (two Q&As of one day and title: ``reprints``).

    Where the new key is stored already, at another page, and this page is the old Q&A's only one: the old Q&A's key
    and why these bytes are held (None otherwise). Read as the stored Q&A's page, the old one stood on this page's old
    bytes, its items beside the new reading's, silently once both pages agreed (settle60: the answer re-dated in place
    after the ministry posted the re-dated answer at a new URL too: "until 2027-11-10" by the first day's key and
    "until 2027-05-10" by the second's, exit 0, class A). Re-dated onto it, or another Q&A's page served here (a CMS
    mix-up): only a person can tell, so the page is held, the old Q&A kept, until it answers it again."""
    from mofcom_watch.reprints import rename_notice

    found = session.execute(
        select(Notice.key, Notice.kind, Snapshot.sha256, Snapshot.notice_key, Snapshot.outcome)
        .join(Snapshot, Snapshot.id == Notice.snapshot_id).join(Page, Page.id == Snapshot.page_id)
        .where(Page.url == url)).all()
    if len(found) != 1:
        return None
    old = found[0]
    new = record.key
    if (old.key == new or old.kind != NoticeKind.QA.value or old.sha256 == sha
            or not reads_as(old.key, old.notice_key, old.outcome)
            or new.startswith(f"{old.key}-") or old.key.startswith(f"{new}-")):
        return None
    if session.execute(select(Notice.id).where(Notice.key == new)).first() is not None:
        pages = set(session.scalars(select(NoticeUrl.url).join(Notice, Notice.id == NoticeUrl.notice_id)
                                    .where(Notice.key == old.key)))
        if pages != {url}:
            return None
        return old.key, (f"incomplete: {old.key}: this copy of its page reads as {new}, another stored Q&A, not as "
                         f"it: its page re-dated in place onto {new}, or another Q&A's page served here; {old.key} is "
                         "kept as read (its items stand) and nothing of this copy is stored: a person should read the "
                         "page")
    rename_notice(session, old.key, new, at)
    return None


def _read_as_nothing(session: Session, url: str, sha: str) -> tuple[str, str] | None:
    """The key of the stored notice read from this page's other bytes, and why these bytes, read as no notice, are
    held back (None: no notice is read from the page, or it is read from these very bytes, which another parser read:
    that reading is withdrawn, ``_withdraw``). A page emptied of its decision reads less than the stored parse, as
    :func:`held_back` holds a copy without some of it: the stored reading stays, loudly, until the page reads as the
    notice again."""
    found = session.execute(
        select(Notice.key, Notice.title, Snapshot.sha256, Snapshot.notice_key, Snapshot.outcome)
        .join(Snapshot, Snapshot.id == Notice.snapshot_id).join(Page, Page.id == Snapshot.page_id)
        .where(Page.url == url)).first()
    if found is None or found.sha256 == sha or not reads_as(found.key, found.notice_key, found.outcome):
        return None
    return found.key, (f"incomplete: {found.key} ({clean_text(found.title or '')}): this copy of its page reads as no "
                       "notice, without every step and entity the stored version of the same page reads; the stored "
                       "version is kept: a page cut short or emptied, or the decision taken off the page by the "
                       "ministry: a person should read the page")


def _reads_as_kept(session: Session, stored: Notice | None, record: NoticeRecord, url: str, sha: str,
                   copy: StoredCopy | None, parser: PageParser, fetched_at: datetime) -> Snapshot | None:
    """The page's last kept copy, where these other bytes of it read exactly as that copy does (the lead's decision,
    session 47, churn47): the same record (key, title, dates, entities, steps, the sentences items quote; a Q&A's
    text too), read by this very parser (another parser's reading is another reading), the copy whole (no issue
    open on the page; or read short of its stated count, the notice's own copy: then reported again as the same bytes
    are, ``_report_short``, its issue naming that copy) and read as the stored notice (not withdrawn; where it is not the copy the notice is read
    from, another URL's or a copy an older version kept beside it: its substance the notice's, no alias conflict
    open, and its bytes read again to compare). Then no copy is kept: the fetch is recorded as a check
    (``Page.last_fetched_at``, as the same bytes are) and the items keep citing the first copy that read so, its
    fetch time and SHA-256, which say it. A page whose bytes change at every fetch (a script's timestamp, a visit
    counter) kept a copy per cycle and had every item citing it rewritten (same ids, a new fetch time and SHA-256),
    so its feeds changed bytes and ETag every cycle and the store grew by a copy a cycle (health46, open 1). Bytes
    first fetched before that copy (an older copy turning up late): stored as before, and cited, being first
    (``storage.ingest``). None: store the copy as before."""
    if (stored is not None and copy is not None and copy.short is None
            and (not copy.whole or copy.outcome != PageOutcome.NOTICE.value)):
        copy = _behind_refusal(session, url, copy, record)  # (a 404 or a bot check between: probe48's B1)
    if (stored is None or copy is None or copy.sha256 == sha or not (copy.whole or copy.short is not None)
            or copy.outcome != PageOutcome.NOTICE.value or copy.notice_key != record.key
            or not parser.made(copy, copy.sha256) or withdrawn(stored)):
        return None
    reading = record if record.url is not None else replace(record, url=url)  # as store_parse stores it
    kept = stored.snapshot
    qa = record.kind is NoticeKind.QA
    if copy.short is not None and not (kept is not None and kept.page.url == url and kept.sha256 == copy.sha256):
        return None  # (a copy stored short of its count is the one its notice is read from)
    if kept is not None and kept.page.url == url and kept.sha256 == copy.sha256:
        if reading.dumps() != stored.record_json:
            return None
        if qa:  # its text is read too (mofcom_watch.reprints: which Q&As are one): compared on the copy read again
            again = read_again(kept, parser, url, record.key)
            if again is None or again.notice.text != record.text:
                return None
    else:
        if url not in {u.url for u in stored.urls} or session.scalars(select(HealthIssue.id).where(
                HealthIssue.key == issue_key(HealthKind.ALIAS_CONFLICT, record.key),
                HealthIssue.resolved_at.is_(None)).limit(1)).first() is not None:
            return None
        if substance(reading) != substance(NoticeRecord.from_json(json.loads(stored.record_json))):
            return None
        kept = _kept_copy(session, url, copy.sha256)
        again = read_again(kept, parser, url, record.key) if kept is not None else None
        if again is None or (again.notice if again.notice.url else replace(again.notice, url=url)).dumps() \
                != reading.dumps() or again.notice.text != record.text:
            return None
    assert kept is not None
    return kept if as_utc(fetched_at) >= as_utc(kept.fetched_at) else None


def _pages_moved(session: Session, url: str, raw: bytes, copy: StoredCopy | None) -> frozenset[str] | None:
    """Whether ``raw``, a joined copy (``scraper.joined``), has other pages than the page's latest stored copy (a pager
    grown to a page 3, or shrunk back): then it is kept once, though it reads as that copy, so that the crawler asks
    its pages as they are now (``Crawler._parts_again`` asks the latest joined copy's pages, each conditionally on its
    own stored bytes). Not kept, its new page was never stored nor its grown page 2's validators, so every run fetched
    them whole and parsed the notice again, never settling (review53's B2). The same pages with other bytes (a visit
    counter) stay a check, as any churning page's (churn47). The pages the latest copy held that ``raw`` does not (a
    pager shrunk: :func:`_drop_pages`), or None: not moved."""
    if not raw.startswith(JOINED) or copy is None:
        return None
    from scraper.joined import split

    latest = _kept_copy(session, url, copy.sha256)
    if latest is None:
        return frozenset()
    before = snapshot_bytes(latest)
    try:
        now = [(part.role, part.url) for part in split(raw)]
        was = [(part.role, part.url) for part in split(before)] if before.startswith(JOINED) else None
    except ValueError:
        return frozenset()
    if now == was:
        return None
    return frozenset(u for _role, u in (was or ())[1:]) - {u for _role, u in now}


def _drop_pages(session: Session, key: str, url: str, dropped: frozenset[str]) -> None:
    """The pages a notice's first page ``url`` no longer joins (its pager shrunk: ``dropped``) are no longer the
    notice's URLs, where no stored copy of them reads as the notice and no other page's latest joined copy holds them:
    its items listed them beside the copy read, which holds them no more (crawl49)."""
    notice = load_notice(session, key) if dropped else None
    if notice is None:
        return
    held: set[str] = set()
    for body in session.scalars(select(Snapshot.body).join(Page, and_(Page.id == Snapshot.page_id,
                                                                      Snapshot.sha256 == Page.last_sha256))
                                .where(Snapshot.notice_key == key, Snapshot.outcome == PageOutcome.NOTICE.value,
                                       Snapshot.content_type == JOINED_TYPE, Page.url != url)):
        try:
            held.update(page_url for _role, page_url, _sha in stored_heads(body)[1:])
        except ValueError:
            continue
    read = set(session.scalars(select(Page.url).join(Snapshot, Snapshot.page_id == Page.id).where(
        Page.url.in_(dropped), Snapshot.notice_key == key, Snapshot.outcome == PageOutcome.NOTICE.value)))
    for row in [u for u in notice.urls if u.url in dropped and u.url not in held | read]:
        notice.urls.remove(row)
    session.flush()


def _unjoined(session: Session, notice: Notice, url: str, raw: bytes) -> frozenset[str]:
    """The notice's URLs stored as a page of a joined copy (``part``) that ``raw``, the joined copy of its first page
    ``url`` it is read from now, does not hold: a pager shrunk in the fetch that corrected the notice (review56), or a
    copy of pages 1-3 cited, replayed late, before the corrected copy of pages 1-2. :func:`_pages_moved` tells those
    of a copy reading the same only: page 3 stayed among the notice's URLs, its old copy listed by every item beside
    "the pages above joined", which hold no page 3 (:func:`_drop_pages` keeps any another first page holds or read as
    the notice)."""
    from scraper.joined import split

    try:
        held = {part.url for part in split(raw)}
    except ValueError:
        return frozenset()
    others = [u.url for u in notice.urls if u.url not in held]
    if not others:
        return frozenset()
    return frozenset(session.scalars(select(Page.url).join(Snapshot, Snapshot.page_id == Page.id).where(
        Page.url.in_(others), Snapshot.outcome == PageOutcome.PART.value).distinct()))


def _behind_refusal(session: Session, url: str, copy: StoredCopy, record: NoticeRecord) -> StoredCopy | None:
    """The page's last copy read as a notice, where its latest answer was refused since (a 404 or a failed fetch: an
    unusable-page issue open on it; a bot check or an error page: its latest copy unusable) and nothing else is open on
    it (no count mismatch), the new reading whole: :func:`_reads_as_kept` judges new bytes against that copy, as
    before the refusal. Was: against nothing, so a churning page back from an outage kept one more copy reading as
    before, and a notice of two URLs had its items cite the other URL's new copy, every feed rewritten once per outage
    (probe48's B1). None: no such copy (the new bytes are stored, as before)."""
    if copy.outcome not in (PageOutcome.NOTICE.value, PageOutcome.UNUSABLE.value) or count_mismatch(record):
        return None
    kinds = set(session.scalars(select(HealthIssue.kind).where(
        HealthIssue.url == url, HealthIssue.resolved_at.is_(None),
        HealthIssue.kind.in_((HealthKind.UNUSABLE_PAGE.value, HealthKind.COUNT_MISMATCH.value)))))
    if copy.whole and copy.outcome == PageOutcome.NOTICE.value or kinds - {HealthKind.UNUSABLE_PAGE.value}:
        return None
    snap = _newest_copy(session, url, Snapshot.outcome == PageOutcome.NOTICE.value)
    if snap is None:
        return None
    return StoredCopy(sha256=snap.sha256, parser_version=snap.parser_version, parser_digest=snap.parser_digest,
                      outcome=snap.outcome, notice_key=snap.notice_key, detail=snap.detail, whole=True)


def _names(names: list[str]) -> str:
    return f"{'、'.join(names[:LOST_SHOWN])}{' …' if len(names) > LOST_SHOWN else ''}"


def _both(entity: EntityRecord) -> str:
    """An entity's Chinese and English names, as a notice writes them ("杰亚机器人公司（Jaia Robotics, Inc.）")."""
    return f"{entity.zh}（{entity.en}）" if entity.zh and entity.en else entity.zh or entity.en or entity.key


def _renamed(record: NoticeRecord, current: NoticeRecord) -> HeldBack | None:
    """A newer copy of the same page naming other entities than the stored parse, as many or more (health34 K6c,
    decided in session 35): held for a person as a copy that reads less is, the stored reading kept, the names
    that changed said, old and new (``storage.shortread.renamed_entities``). Stored as read, the old name's items
    were retracted and the new one's imposed, exit 0: "Retracted: Imposed: Teal Drones, Inc." reads as a
    delisting of a company still listed. The same entities in other wording are no change of names: not held."""
    gone, new = renamed_entities(record, current)
    if not gone:
        return None
    if set(gone) & set(new):  # a Chinese name kept, its English one changed: both said, or the detail said
        # "no longer naming 杰亚机器人公司 … and naming 杰亚机器人公司 instead" (cycles59 S4)
        named, stored = {e.key for e in record.entities}, {e.key for e in current.entities}
        gone = [_both(e) for e in current.entities if e.key not in named]
        new = [_both(e) for e in record.entities if e.key not in stored]
    return HeldBack(f"renamed: {record.key} parsed with {len(record.entities)} entities, no longer naming "
                    f"{_names(gone)} that the stored version of the same page names ({len(current.entities)} "
                    f"entities) and naming {_names(new)} instead; the stored version is kept: a corrected name or "
                    f"another text, for a person to judge {REVIEW_HINT}",
                    review=True, lost=tuple(gone))


def _forget_validators(session: Session, url: str) -> None:
    """A page we could not use is fetched in full next time: a 304 must not pin a bad copy."""
    page = get_page(session, url)
    if page is not None:
        page.etag = page.last_modified = None


def _skipped(url: str, sha: str, copy: StoredCopy) -> PageResult:
    """The result of a page whose bytes this parser already read whole: what was made of them then."""
    return PageResult(url=url, outcome=PageOutcome(copy.outcome), notice_key=copy.notice_key, sha256=sha,
                      detail=copy.detail, skipped=True, same_bytes=True)


def _reported_again(url: str, sha: str, short: ShortParse) -> PageResult:
    """The result of a page whose bytes this parser read short of their stated count: the stored parse again
    (its warnings are the notice's; a parse would add the page's own)."""
    record = short.record
    return PageResult(url=url, outcome=PageOutcome.NOTICE, notice_key=record.key, sha256=sha, warnings=record.warnings,
                      revision=short.revision, stated_count=record.stated_count, parsed_count=len(record.entities),
                      incomplete=True, skipped=True, same_bytes=True)


def _report_short(session: Session, page: CrawledPage, sha: str, short: ShortParse) -> PageResult:
    """A page stored short of its stated count, fetched again with the same bytes for the same parser code
    (``run`` fetches such a page in full every cycle, its validators forgotten): what parsing it again would
    write, unparsed (:func:`storage.readagain.report_again`: the same issue text, the validators forgotten
    again). New bytes or new parser code parse it again."""
    fetch = page.result
    touch_page(session, url=fetch.url, fetched_at=fetch.fetched_at, status=fetch.status, source=page.source,
               sha256=sha)
    report_again(session, [ShortPage(url=fetch.url, source=page.source, parse=short, fetched_at=fetch.fetched_at,
                                     sha256=sha)])
    return _reported_again(fetch.url, sha, short)


def _report_unusable(session: Session, page: CrawledPage, sha: str, detail: str) -> PageResult:
    """A page found unusable earlier in this batch, fetched again with the same bytes and content type: what
    parsing them again would write (the fetch, the issue refreshed with the same text, the validators
    forgotten), unparsed (:class:`Pipeline`)."""
    fetch = page.result
    touch_page(session, url=fetch.url, fetched_at=fetch.fetched_at, status=fetch.status, source=page.source,
               etag=fetch.etag, last_modified=fetch.last_modified, sha256=sha)
    record_issue(session, key=unusable_key(fetch.url), source=page.source, kind=HealthKind.UNUSABLE_PAGE,
                 detail=_unusable_detail(fetch.url, detail, sha), seen_at=fetch.fetched_at, url=fetch.url)
    _forget_validators(session, fetch.url)
    return PageResult(url=fetch.url, outcome=PageOutcome.UNUSABLE, sha256=sha, detail=detail, skipped=True,
                      same_bytes=True)


def _older_detail(key: str, url: str, served: Snapshot, kept: Snapshot) -> str:
    """Why a page's copy was not stored: its bytes were first fetched before the stored copy's, and read otherwise.
    A cache serving a stale copy reads so; so does the ministry taking back a correction: a person should see it."""
    return (f"{url} served again a copy of {key} first fetched {as_utc(served.fetched_at):%Y-%m-%d %H:%M} UTC "
            f"(SHA-256 {served.sha256[:12]}), older than the stored copy (first fetched "
            f"{as_utc(kept.fetched_at):%Y-%m-%d %H:%M} UTC, SHA-256 {kept.sha256[:12]}), and it reads otherwise; the "
            "newer copy is kept: a stale cache, or the ministry taking back its correction")


def _as_text(raw: bytes, encoding: str) -> str:
    """The page's bytes as the parser decoded them (UTF-8 where its encoding has no codec here)."""
    try:
        return raw.decode(encoding, "replace")
    except LookupError:
        return raw.decode("utf-8", "replace")


def _unusable_detail(url: str, detail: str, sha: str) -> str:
    """The unusable-page issue's text: the URL and the copy refused (its SHA-256, as every item names its page's)."""
    return f"{url} is not a usable page ({detail}; page SHA-256 {sha})"


def _withdraw(session: Session, snap: Snapshot, key: str, parser: PageParser, url: str, at: datetime,
              read: bool = True) -> str:
    """The bytes of ``snap`` (at ``url``) were read as ``key`` by an earlier version and are read otherwise now
    (refused, as no notice, or as another key): what that does to the stored notice ``key``, said in the page's
    issue (empty where no notice rests on them). Where its reading rests on these bytes, it is withdrawn
    (``storage.notices.withdrawn``: its items retracted, saying why, the reading kept for a person) unless another
    stored copy of it (another URL's, an English version, a reprint, an earlier copy of this page) still reads as
    it: that copy's reading is the notice then, as a store made by this version would hold it (order38's open A,
    session 39; was: the earlier reading and its items stayed). Asked only when a copy read as a notice is read
    otherwise (``read``: as that notice, not held back under its key): no query on a page read as before."""
    notice = load_notice(session, key)
    if notice is None or (not read and notice.snapshot_id != snap.id):  # a copy held back, not read: nothing rests on it
        return ""
    conflict = session.scalars(select(HealthIssue).where(
        HealthIssue.key == issue_key(HealthKind.ALIAS_CONFLICT, key), HealthIssue.resolved_at.is_(None))).first()
    if conflict is not None and (conflict.url == url or keeps_parse_of(conflict.detail, url)):
        # its pages disagreed with this copy, which reads otherwise now: no conflict left to read (audit38/29, a local
        # bureau's forwarding page kept over the ministry's; a fresh store has none); another copy opens it again
        conflict.resolved_at, conflict.resolved_url, conflict.resolved_sha256 = as_utc(at), url, snap.sha256
    if notice.snapshot_id == snap.id:
        others = session.scalars(
            select(Snapshot).join(Page, Page.id == Snapshot.page_id)
            .where(Snapshot.notice_key == key, Snapshot.outcome == PageOutcome.NOTICE.value, Snapshot.id != snap.id)
            .order_by(Snapshot.fetched_at, Snapshot.id)).all()
        for other in others:  # as this version would have stored them, in the order they were fetched
            again = read_again(other, parser, other.page.url, key)
            if again is not None:
                store_parse(session, notice, again.notice, other, other.page.url, other.fetched_at, clean=True)
        if withdrawn(notice):
            return (f"; an earlier version of this program read these same bytes as {key}: that reading is withdrawn "
                    "from the feeds (its items retracted, saying so) and kept in the store"
                    + (" for a person to read (`mofcom-watch review`)" if needs_review(snap.detail) else ""))
    if not session.scalars(select(Snapshot.id).join(Page, Page.id == Snapshot.page_id).where(
            Page.url == url, Snapshot.notice_key == key, Snapshot.outcome == PageOutcome.NOTICE.value).limit(1)).first():
        for page_url in [u for u in notice.urls if u.url == url]:  # no longer one of its pages, as in a fresh store
            notice.urls.remove(page_url)
        session.flush()
    return (f"; an earlier version of this program read these same bytes as {key}, which is read from its copy at "
            f"{notice.snapshot.page.url} now")


def _ingest(session: Session, page: CrawledPage, sha: str, parser: PageParser, copy: StoredCopy | None,
            new_page: bool) -> PageResult:
    fetch, source = page.result, page.source
    url, raw, fetched_at = fetch.url, fetch.body or b"", fetch.fetched_at

    def checked(latest: str | None) -> None:
        """The fetch recorded as a check of the page, no copy kept: its latest bytes stay ``latest``'s."""
        touch_page(session, url=url, fetched_at=fetched_at, status=fetch.status, source=source, etag=fetch.etag,
                   last_modified=fetch.last_modified, sha256=latest)

    if parser.read(copy, sha):
        assert copy is not None
        checked(sha)
        _touch_parts(session, page, copy.notice_key)
        return _skipped(url, sha, copy)
    same_bytes = copy is not None and copy.sha256 == sha

    withdrawal = [""]  # what reading these bytes otherwise did to the notice an earlier version read them as

    def snapshot(outcome: PageOutcome, *, encoding: str | None = None, detail: str | None = None,
                 notice_key: str | None = None) -> Snapshot:
        snap, new = record_snapshot(session, url=url, raw=raw, fetched_at=fetched_at, status=fetch.status,
                                    content_type=fetch.content_type, source=source, parser_version=parser.version,
                                    parser_digest=parser.digest or None, etag=fetch.etag,
                                    last_modified=fetch.last_modified, outcome=outcome, encoding=encoding,
                                    detail=detail, notice_key=notice_key, new_page=new_page)
        if not new and (snap.parser_version, snap.parser_digest) != (parser.version, parser.digest or None):
            # Same bytes, another parser: the bytes stay, what we made of them is updated.
            was, read = snap.notice_key, snap.outcome == PageOutcome.NOTICE.value  # (held back: under its key too)
            snap.outcome, snap.detail, snap.notice_key = outcome, detail, notice_key
            snap.parser_version, snap.parser_digest = parser.version, parser.digest or None
            snap.encoding = encoding or snap.encoding
            if was is not None and was != notice_key and outcome is not PageOutcome.ERROR:
                withdrawal[0] = _withdraw(session, snap, was, parser, url, fetched_at, read)
                sync_held(session, was, source=source, seen_at=fetched_at, url=url)  # its held steps: withdrawn too
        return snap

    try:
        doc = clean_document(parser.parse(raw, url=url, content_type=fetch.content_type))  # stored clean
    except UnusablePage as exc:
        detail = clean_text(f"{exc.reason}: {exc.detail}" if exc.detail else exc.reason)
        if exc.notice:  # the notice the page holds, said where the page is named (reader35 B: the URL alone)
            detail = f"{detail}. The page holds {clean_text(exc.notice)}"
        if exc.reason == CUT_SHORT and (part := _part_of(session, url, sha)) is not None:
            # a later page or annex page of a notice, read alone (an index lists it; retried): the rest of that
            # notice, read joined to its first page (scraper.joined); no page cut short
            part.parser_version, part.parser_digest = parser.version, parser.digest or None
            checked(sha)
            _resolve_issues(session, [unusable_key(url)], fetched_at, url, sha)
            return PageResult(url=url, outcome=PageOutcome.PART, notice_key=part.notice_key, sha256=sha,
                              same_bytes=same_bytes)
        if exc.reason == NEEDS_REVIEW and read_by_person(session, url, sha):  # a person read these very bytes
            snap = snapshot(PageOutcome.READ_BY_PERSON, detail=detail)
            snap.outcome, snap.detail = PageOutcome.READ_BY_PERSON.value, detail  # these bytes stored before as well
            _resolve_issues(session, [unusable_key(url)], fetched_at, url, sha)
            return PageResult(url=url, outcome=PageOutcome.READ_BY_PERSON, sha256=sha, detail=detail,
                              same_bytes=same_bytes)
        if exc.reason == NEEDS_REVIEW and (read := _person_read_as_kept(
                session, url, sha, raw, fetch.content_type, exc, copy, parser, fetched_at)) is not None:
            # other bytes showing the text a person read, refused alike: read by that person, no copy kept (index47)
            checked(read.sha256)
            return PageResult(url=url, outcome=PageOutcome.READ_BY_PERSON, sha256=sha, detail=read.detail or detail,
                              same_bytes=True)
        snapshot(PageOutcome.UNUSABLE, detail=detail)
        record_issue(session, key=unusable_key(url), source=source, kind=HealthKind.UNUSABLE_PAGE,
                     detail=_unusable_detail(url, detail, sha) + withdrawal[0], seen_at=fetched_at, url=url)
        _forget_validators(session, url)
        return PageResult(url=url, outcome=PageOutcome.UNUSABLE, sha256=sha, detail=detail, same_bytes=same_bytes)
    except Exception as exc:  # a parser bug must not lose the bytes or stop the run
        log.debug("parsing %s failed", url, exc_info=True)
        detail = clean_text(f"parser error: {type(exc).__name__}: {exc}")
        snapshot(PageOutcome.ERROR, detail=detail)
        return PageResult(url=url, outcome=PageOutcome.ERROR, sha256=sha, detail=detail, same_bytes=same_bytes)

    unusable = unusable_key(url)
    warnings = tuple(dict.fromkeys(doc.warnings + (doc.notice.warnings if doc.notice else ())))

    def refuse(why: str, notice_key: str | None = None) -> PageResult:
        """The page is not what its URL or its listing says (a mix-up, a login page): its bytes kept under no
        notice's key (``notice_key``: the stored notice it is held for, kept as read), its issue opened, fetched in
        full next run."""
        snapshot(PageOutcome.UNUSABLE, encoding=doc.encoding, detail=why, notice_key=notice_key)
        record_issue(session, key=unusable, source=source, kind=HealthKind.UNUSABLE_PAGE,
                     detail=_unusable_detail(url, why, sha) + withdrawal[0], seen_at=fetched_at, url=url,
                     notice_key=notice_key)
        _forget_validators(session, url)
        return PageResult(url=url, outcome=PageOutcome.UNUSABLE, notice_key=notice_key, sha256=sha, detail=why,
                          warnings=warnings, same_bytes=same_bytes)

    if doc.kind == DocumentKind.NOTICE and doc.notice is not None:
        record = doc.notice
        if record.kind == NoticeKind.NEWS:
            if _news_as_kept(session, record, url, sha, copy, parser):  # as a notice's page above (churn47)
                checked(copy.sha256 if copy else None)
                return PageResult(url=url, outcome=PageOutcome.NEWS, sha256=sha, warnings=warnings, same_bytes=True)
            snap = snapshot(PageOutcome.NEWS, encoding=doc.encoding, notice_key=None)
            _store_news(session, record, snap, url, source)
            _resolve_issues(session, [unusable], fetched_at, url, sha)
            return PageResult(url=url, outcome=PageOutcome.NEWS, sha256=sha, warnings=warnings, same_bytes=same_bytes)
        if record.kind == NoticeKind.QA:  # a reprint of a stored Q&A under a heading of its own: one key
            from mofcom_watch.reprints import one_key  # here: the parser is loaded by now, not at start-up

            record = one_key(session, record, url, fetched_at)
            onto = _rekeyed_in_place(session, record, url, sha, fetched_at)
            if onto is not None:  # re-dated onto another stored Q&A's key: held, its stored Q&A kept (settle60)
                return refuse(onto[1], notice_key=onto[0])
        held_as = copy is not None and copy.outcome == PageOutcome.NOTICE and copy.sha256 == sha
        if (mixup := another_notice(session, record, url, page.listed_as, held_as)) is not None:
            return refuse(mixup)
        stored = load_notice(session, record.key)
        verdict = held_back(stored, record, url, sha, parser)
        if verdict is not None:
            held = verdict.detail
            snapshot(PageOutcome.UNUSABLE, encoding=doc.encoding, detail=held, notice_key=record.key)
            record_issue(session, key=unusable, source=source, kind=HealthKind.UNUSABLE_PAGE,
                         detail=f"{url}: {held}", seen_at=fetched_at, url=url, notice_key=record.key)
            _forget_validators(session, url)
            return PageResult(url=url, outcome=PageOutcome.UNUSABLE, notice_key=record.key, sha256=sha,
                              detail=held, warnings=warnings, stated_count=record.stated_count,
                              parsed_count=len(record.entities), same_bytes=same_bytes)
        kept = None if stored is None else _reads_as_kept(session, stored, record, url, sha, copy, parser, fetched_at)
        dropped = None if kept is None else _pages_moved(session, url, raw, copy)
        moved = dropped is not None
        if kept is not None and stored is not None and not moved:
            # new bytes reading as the last kept copy: a check, no copy kept, nothing changed (churn47)
            if copy is not None and copy.short is not None:  # that copy read short of its count: reported again
                return _report_short(session, page, kept.sha256, copy.short)
            checked(kept.sha256)
            if copy is not None and (not copy.whole or copy.outcome != PageOutcome.NOTICE.value) \
                    and not _seen_after(session, unusable, url, fetched_at):  # back, as before (not a copy from before it)
                _resolve_issues(session, [unusable], fetched_at, url, sha)
            # its other pages too, with the validators they answered: a page 2 changed once and reading the same was
            # asked on its old validators, fetched whole and the notice parsed again every run, never settling
            # (crawl49); a 304 on them stands for the page's bytes the stored joined copy holds, read so (churn47)
            _touch_parts(session, page, record.key)
            return PageResult(url=url, outcome=PageOutcome.NOTICE, notice_key=record.key, sha256=sha,
                              warnings=warnings, revision=stored.revision, stated_count=record.stated_count,
                              parsed_count=len(record.entities), same_bytes=True)  # (the replay's "unchanged")
        snap = snapshot(PageOutcome.NOTICE, encoding=doc.encoding, notice_key=record.key)
        kept_snapshot = stored.snapshot if stored is not None else None
        kept_json = stored.record_json if stored is not None else None
        otherwise = (stored is not None and stored.snapshot.page.url == url  # reads otherwise than the page's kept copy
                     and substance(record) != substance(NoticeRecord.from_json(json.loads(stored.record_json))))
        stale_part = _stale_part(session, raw, record.key, url) if otherwise and raw.startswith(JOINED) else None
        late = _seen_since(session, snap, fetched_at, stored, parser) if otherwise and stored is not None else None
        change = store_parse(session, stored, record, snap, url, fetched_at, clean=True,  # clean_document cleaned it
                             pages_moved=moved, older=stale_part is not None or late is not None)
        if raw.startswith(JOINED):
            _store_parts(session, raw, record.key, page, parser)
        if not dropped and raw.startswith(JOINED) and not change.older and stored is not None \
                and stored.snapshot_id == snap.id:  # the copy read now, of other pages (shrunk, reading otherwise)
            dropped = _unjoined(session, stored, url, raw)
        if dropped:  # a pager shrunk: the pages no longer joined
            _drop_pages(session, record.key, url, dropped)
        read_as_another(session, url, record.key, fetched_at, sha)
        kept_open = False  # an alias-conflict closed by this copy kept open: another page still disagrees
        if stored is not None and kept_snapshot is not None and stored.record_json != kept_json and (
                kept_snapshot.id == snap.id or (stored.snapshot_id == snap.id and kept_snapshot.page.url == url)):
            # the kept copy reads otherwise now, or the kept page's new copy does (the ministry corrected it): the loser
            # too? (a notice corrected at both its URLs, the losing one fetched first: its "pages disagree" stayed open
            # while they agreed, every later run at exit 1, until that page's bytes changed again; churn47)
            if (agreeing := loser_again(session, stored, parser, fetched_at)) is not None:
                kept_open = still_disagrees(session, stored, parser, fetched_at, agreeing)
        if change.agreed and stored is not None:  # the page its alias-conflict issue named agrees: the others too?
            kept_open = still_disagrees(session, stored, parser, fetched_at, url)
        stale = (stored is not None and kept_snapshot is not None and change.changed and not change.new
                 and stored.snapshot_id == snap.id and kept_snapshot.page.url == url and len(stored.urls) > 1
                 and stale_alias(session, stored, parser, fetched_at, source))  # its other page still the old text
        if record.held or (change.changed and not change.new):  # held steps of the reading kept, or no longer held
            sync_held(session, record.key, source=source, seen_at=fetched_at, url=url)
        if record.kind == NoticeKind.QA:  # judged on the reading kept, as the publish's recheck judges it
            from mofcom_watch.reprints import pairs

            pairs(session, record.key, source, fetched_at)
        mismatch, older = mismatch_key(record.key), older_copy_key(url)
        # a copy short of its count beside another URL's whole parse, which is kept: the notice is read whole (its
        # alias-conflict issue names both copies); no "the entities not read are in no item" (story33 S4a)
        kept_whole = change.alias_conflict and change.whole
        if count_mismatch(record) and not kept_whole:
            record_issue(session, key=mismatch, source=source, kind=HealthKind.COUNT_MISMATCH,
                         detail=mismatch_detail(record, url, sha), seen_at=fetched_at, url=url, notice_key=record.key)
            _forget_validators(session, url)
        if change.older and kept_snapshot is not None:
            record_issue(session, key=older, source=source, kind=HealthKind.OLDER_COPY,
                         detail=(_stale_part_detail(record.key, url, *stale_part) if stale_part is not None
                                 else _late_detail(record.key, url, snap, fetched_at, late) if late is not None
                                 else _older_detail(record.key, url, snap, change.newer or kept_snapshot)),
                         seen_at=fetched_at,
                         url=url,
                         notice_key=record.key)
        short = count_mismatch(record)
        _resolve_issues(session, ([] if _seen_after(session, unusable, url, fetched_at) else [unusable])
                        + ([mismatch] if change.whole and not short else [])
                        + ([] if change.older or _seen_after(session, older, url, fetched_at) else [older]),
                        fetched_at, url, sha)
        if change.whole and kept_whole and short:  # whole by another URL's copy, kept: not this copy's doing
            _resolve_issues(session, [mismatch], fetched_at, None, None)
        corrected = [r.key for r in record.references if r.key] if corrects_names(record) else []
        settled = settle_by_correction(session, ([record.key] if change.alias_conflict or stale or kept_open else [])
                                       + corrected,
                                       parser, fetched_at)
        conflict = (change.alias_conflict or stale or kept_open) and record.key not in settled
        return PageResult(url=url, outcome=PageOutcome.NOTICE, notice_key=record.key, new=change.new,
                          changed=change.changed and not change.new, sha256=sha, warnings=warnings,
                          revision=change.revision, stated_count=record.stated_count,
                          parsed_count=len(record.entities), incomplete=count_mismatch(record), same_bytes=same_bytes,
                          url_added=change.url_added,
                          detail="alias pages disagree (see health issues)" if conflict else None)
    outcome = PageOutcome.INDEX if doc.kind == DocumentKind.INDEX else PageOutcome.OTHER
    if outcome is PageOutcome.OTHER and parser.as_listed and page.listed_as and (
            unlike := not_listed_page(page.listed_as, _as_text(raw, doc.encoding))) is not None:
        return refuse(unlike)
    if (outcome is PageOutcome.OTHER and parser.as_listed and not page.listed_as and page.source != REPLAY_SOURCE
            and copy is not None
            and copy.outcome == PageOutcome.NOTICE and copy.notice_key is not None
            and (title := session.scalar(select(Notice.title).where(Notice.key == copy.notice_key))) is not None
            and (unlike := not_listed_page(title, _as_text(raw, doc.encoding), held=copy.notice_key)) is not None):
        return refuse(unlike)  # a stored notice's page re-checked, unlisted: as the listed case (health33 B3)
    if outcome is PageOutcome.OTHER and (emptied := _read_as_nothing(session, url, sha)) is not None:
        # new bytes of the page a stored notice is read from, reading as no notice at all: they read less than the
        # stored parse (every step and entity gone), held as a copy reading less is (cycles59 S14b: an answer read as
        # an extension, edited in place to decide nothing under a neutral title, was kept as "no notice", the
        # extension standing on a page that no longer says it, every run exit 0)
        key, why = emptied
        snapshot(PageOutcome.UNUSABLE, encoding=doc.encoding, detail=why, notice_key=key)
        record_issue(session, key=unusable, source=source, kind=HealthKind.UNUSABLE_PAGE, detail=f"{url}: {why}",
                     seen_at=fetched_at, url=url, notice_key=key)
        _forget_validators(session, url)
        return PageResult(url=url, outcome=PageOutcome.UNUSABLE, notice_key=key, sha256=sha, detail=why,
                          warnings=warnings, same_bytes=same_bytes)
    if outcome is PageOutcome.INDEX and (kept_index := _index_as_kept(
            session, doc, raw, url, sha, fetch.content_type, copy, parser, fetched_at)) is not None:
        # new bytes whose rows read as the last kept copy's: a check, no copy kept (index47)
        checked(kept_index.sha256)
        return PageResult(url=url, outcome=outcome, sha256=sha, same_bytes=True, links=doc.links, warnings=warnings)
    snapshot(outcome, encoding=doc.encoding)
    _resolve_issues(session, [unusable], fetched_at, url, sha)
    return PageResult(url=url, outcome=outcome, sha256=sha, same_bytes=same_bytes,
                      links=doc.links if outcome is PageOutcome.INDEX else (), warnings=warnings)


def ingest_page(session_factory: sessionmaker[Session], page: CrawledPage, parser: PageParser) -> PageResult:
    """Snapshot, parse and store one page in one transaction; a failure to store writes nothing."""
    return _ingest_page(session_factory, page, sha256_hex(page.result.body or b""), parser, LOOK_UP)


def _ingest_page(session_factory: sessionmaker[Session], page: CrawledPage, sha: str, parser: PageParser,
                 copy: StoredCopy | None | _LookUp, new_page: bool = False, unusable: str | None = None) -> PageResult:
    """``new_page``: the store holds no page for the URL (read under the run lock, :meth:`Pipeline.expecting`).
    ``unusable``: why the same bytes were found unusable earlier in the batch (reported again, not parsed)."""
    try:
        with session_factory() as session, session.begin():
            session.connection(execution_options=WRITE_LOCK)  # SQLite: queue behind other writers
            if unusable is not None:
                return _report_unusable(session, page, sha, unusable)
            if isinstance(copy, _LookUp):
                copy = stored_copies(session, [page.result.url]).get(page.result.url)
                if copy is not None and copy.short is not None and parser.made(copy, sha):
                    return _report_short(session, page, sha, copy.short)  # read in this transaction: not stale
            return _ingest(session, page, sha, parser, copy, new_page)
    except Exception as exc:  # the transaction is rolled back: nothing of this page was written
        log.debug("storing %s failed", page.result.url, exc_info=True)
        fault = store_fault(exc, getattr(session_factory.kw.get("bind"), "url", None))
        if fault is not None:  # disk full, read-only, connection lost: every later page would fail too
            raise fault from exc
        return PageResult(url=page.result.url, outcome=PageOutcome.ERROR, sha256=sha,
                          detail=f"not stored: {type(exc).__name__}: {exc}")


class Pipeline:
    """The ingest callback of ``run`` and ``replay``: the router picks the parser, then :func:`ingest_page`.

    A replay first tells it every URL it will hand over (:meth:`expecting`): what the store holds of
    them is read at once, and a page whose bytes the same parser already read is answered from that,
    without a parse or a transaction of its own; its fetch is recorded when the batch ends. A page read
    whole that way is done; one stored short of its stated count is reported again as stored
    (:mod:`storage.readagain`), in page order: before any later page is stored, and only while no page
    of this batch has stored its notice. A page it found unusable comes again with the same bytes and
    content type (a second source linking it, in the same cycle) is reported again, not parsed; the next
    batch parses it again, as one parse per batch is what retrying such a page asks.
    """

    def __init__(self, session_factory: sessionmaker[Session], router: PageRouter) -> None:
        self._sf = session_factory
        self.router = router
        self._copies: dict[str, StoredCopy | None] = {}
        self._new_pages: set[str] = set()  # expected URLs the store has no page for
        self._touched: dict[tuple[datetime, int, str], list[str]] = {}
        self._seen: dict[datetime, list[tuple[str, str]]] = {}  # notice pages answered from the store: (URL, key)
        self._short: list[ShortPage] = []  # to report again, in page order
        self._stored: set[str] = set()  # notice keys pages of this batch stored: their short copies are stale
        self._utc: tuple[datetime | None, datetime] = (None, NO_TIME)  # the last fetch time seen, as_utc of it
        # URL -> (bytes' SHA-256, content type) found unusable by this pipeline, and why: a page two sources link
        # is fetched by each (in full: an unusable page's validators are forgotten); parsed once a cycle
        self._unusable: dict[str, tuple[tuple[str, str | None], str]] = {}

    def __call__(self, page: CrawledPage) -> PageResult:
        fetch = page.result
        parser = self.router.parser(fetch.url)
        sha = sha256_hex(fetch.body or b"")
        copy = self._copies.pop(fetch.url, LOOK_UP)  # once: the page's rows may change from here on
        new_page = fetch.url in self._new_pages
        self._new_pages.discard(fetch.url)
        validators = fetch.etag is not None or fetch.last_modified is not None  # to be stored: a transaction
        if isinstance(copy, StoredCopy) and not validators and not page.parts and parser.made(copy, sha):
            if copy.whole:
                self._touch(page, copy.notice_key if copy.outcome == PageOutcome.NOTICE else None)
                return _skipped(fetch.url, sha, copy)
            if copy.short is not None and copy.short.record.key not in self._stored:
                self._touch(page)  # seen_again by report_again
                self._short.append(ShortPage(url=fetch.url, source=page.source, parse=copy.short,
                                             fetched_at=fetch.fetched_at, sha256=sha))
                return _reported_again(fetch.url, sha, copy.short)
        if self._short:
            with self._sf() as session, session.begin():
                session.connection(execution_options=WRITE_LOCK)
                report_again(session, self._short)
            self._short = []
        known = self._unusable.get(fetch.url)
        again = known[1] if known is not None and known[0] == (sha, fetch.content_type) else None
        result = _ingest_page(self._sf, page, sha, parser, copy, new_page, again)
        if result.notice_key:
            self._stored.add(result.notice_key)
        elif result.outcome is PageOutcome.UNUSABLE and result.detail is not None:  # the parse's own verdict
            self._unusable[fetch.url] = ((sha, fetch.content_type), result.detail)
        return result

    def _touch(self, page: CrawledPage, notice_key: str | None = None) -> None:
        fetch = page.result
        last, at = self._utc
        if fetch.fetched_at is not last:  # a replay's pages share one fetch time: converted once
            at = as_utc(fetch.fetched_at)
            self._utc = (fetch.fetched_at, at)
        self._touched.setdefault((at, fetch.status, page.source), []).append(fetch.url)
        if notice_key:
            self._seen.setdefault(at, []).append((fetch.url, notice_key))

    @contextmanager
    def expecting(self, urls: Iterable[str]) -> Iterator[None]:
        """Read what the store holds of ``urls`` in one go; record the pages answered from it at the end
        (one transaction). Nothing is recorded if the block fails."""
        urls = list(urls)
        with self._sf() as session:
            found = stored_copies(session, urls)
            pages = page_ids(session, [url for url in urls if url not in found])  # a stored copy has its page
        self._copies = {url: found.get(url) for url in urls}
        self._new_pages = {url for url in urls if url not in found and url not in pages}
        try:
            yield
            with self._sf() as session, session.begin():
                session.connection(execution_options=WRITE_LOCK)
                report_again(session, self._short)
                for fetched_at, seen in self._seen.items():
                    seen_again(session, seen, fetched_at)
                for (fetched_at, status, source), touched in self._touched.items():
                    touch_pages(session, touched, fetched_at=fetched_at, status=status, source=source)
        finally:
            self._copies, self._touched, self._seen, self._short, self._stored = {}, {}, {}, [], set()
            self._new_pages, self._utc = set(), (None, NO_TIME)


def saved_page(url: str, raw: bytes, fetched_at: datetime, *, content_type: str | None = None,
               source: str = REPLAY_SOURCE, status: int = 200, etag: str | None = None,
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
    """``<host>/<path>`` -> ``https://<host>/<path>``; anything else -> ``file:<relative path>``. A name that is not
    UTF-8 (``caf\\xe9.txt``, as os.scandir gives it: a lone surrogate) is quoted byte for byte (``caf%E9.txt``): it
    made the whole replay an internal error before any page was read (cli30); a folder so named is no host."""
    from urllib.parse import quote

    def quoted(parts: tuple[str, ...]) -> str:
        return quote(os.fsencode("/".join(parts)), safe=URL_SAFE)  # UTF-8 names: as quote(str) quotes them

    if len(rel_parts) > 1 and "." in rel_parts[0] and _is_utf8(rel_parts[0]):
        return "https://" + rel_parts[0].lower() + "/" + quoted(rel_parts[1:])
    return "file:" + quoted(rel_parts)


def _is_utf8(name: str) -> bool:
    """Whether a file name os.scandir gave was UTF-8 (else it holds lone surrogates, which no URL may carry)."""
    try:
        name.encode()
    except UnicodeEncodeError:
        return False
    return True


def replay_files(root: Path) -> list[tuple[Path, str]]:
    """Every page file under ``root``, sorted by path, with the URL it stands for. As ``root.rglob("*")``
    finds them (folder links are not walked into; a link to a file is a file), one ``scandir`` per folder."""
    return [(Path(path), url) for path, url in replay_paths(root)]


def replay_paths(root: Path, passed_over: list[str] | None = None,
                 store: Path | None = None) -> list[tuple[str, str]]:
    """:func:`replay_files` with each path as the string ``os.scandir`` gives (``str(Path(path))`` is the same
    string): ``replay`` reads thousands of files and makes no Path of them. What it passes over that may hold a
    page (a folder it may not list, a link to a folder, a link to nothing, a FIFO or other file that is no regular
    file) is said, one line each, in ``passed_over`` (README*, *.md and dotfiles are skipped without a word, and so
    are the files of the SQLite ``store`` replayed into, :func:`store_files`)."""
    found: list[tuple[tuple[str, ...], str]] = []
    own = store_files(store)
    own_names = {os.path.basename(path) for path in own}

    def walk(folder: str, parts: tuple[str, ...]) -> None:
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except PermissionError as exc:  # as rglob: a folder it may not list is passed over, but said
            if passed_over is not None:
                passed_over.append(f"{folder} cannot be listed ({exc.strerror}): its pages skipped")
            return
        for entry in entries:
            name = entry.name
            if name.startswith("."):  # dotfiles and everything under a dotted folder
                continue
            if entry.is_dir(follow_symlinks=False):
                walk(entry.path, (*parts, name))
            elif name.startswith(SKIP_PREFIXES) or os.path.splitext(name)[1].lower() in SKIP_SUFFIXES:
                continue
            elif name in own_names and os.path.realpath(entry.path) in own:
                continue
            elif _is_file(entry, passed_over):
                found.append(((*parts, name), entry.path))

    walk(str(root), ())
    found.sort()
    return [(path, replay_url(parts)) for parts, path in found]


# SQLite's, and the mark a publishing process holds beside the store (storage.publishwait: order37, a replay after a
# ``feeds``, ``run`` or ``serve`` read "file:store.sqlite-publishing" as an unusable page, exit 1)
SQLITE_SIDE_FILES = ("", "-wal", "-shm", "-journal", MARK_SUFFIX)


def store_files(store: Path | None) -> frozenset[str]:
    """The real paths of a SQLite store's file and the files SQLite keeps beside it. A replay of the folder the store
    lies in read them as pages (cli37: ``--db sqlite:///pages/store.sqlite replay pages`` opened a source-health
    problem "file:store.sqlite is not a usable page (binary …)", exit 1 on every replay and ``status`` after it, and
    read the store's own file while writing it)."""
    if store is None:
        return frozenset()
    return frozenset(os.path.realpath(f"{store}{suffix}") for suffix in SQLITE_SIDE_FILES)


def _is_file(entry: os.DirEntry[str], passed_over: list[str] | None) -> bool:
    """Whether ``entry`` is a file (a link to one too); what it is not is said in ``passed_over``. A link that cannot
    be followed (a loop of links: ``ELOOP``) is said and passed over, as a link to nothing is (cli36: it made the whole
    replay ``cannot read DIR: Too many levels of symbolic links``, exit 2, no page of the folder read)."""
    try:
        if entry.is_file():
            return True
    except OSError as exc:
        if passed_over is not None:
            passed_over.append(f"{entry.path} is a link that cannot be followed ({exc.strerror}): skipped")
        return False
    if passed_over is not None:
        passed_over.append(_passed_over(entry))
    return False


def _passed_over(entry: os.DirEntry[str]) -> str:
    """Why :func:`replay_paths` reads no page at ``entry`` (cli34: each was passed over without a word, exit 0: a
    page behind a link to a folder or a dangling link was missed, silently)."""
    if entry.is_symlink():
        if entry.is_dir():
            return f"{entry.path} is a link to a folder, which replay does not walk into: skipped"
        if not os.path.exists(entry.path):
            return f"{entry.path} is a link to nothing ({os.readlink(entry.path)}): skipped"
    return f"{entry.path} is no regular file (a FIFO, a socket or a device): skipped"


class SkippedFile(Exception):
    """A file under the replay folder that is not read: the message says why (one line)."""


class ReplayReader:
    """Reads the files of one replay folder: a file's bytes if it lies inside ``root`` (after following
    links) and is at most ``max_bytes`` long, the cap fetched bodies have; otherwise :class:`SkippedFile`.
    Each folder's real path is looked up once; a file that is not a link is opened without following
    links (``O_NOFOLLOW``), so it costs no system call but its open and read. Paths are taken as
    :class:`~pathlib.Path` or as the strings :func:`replay_paths` gives, and worked on as strings (the parent
    of ``str(path)`` is ``os.path.dirname``'s, ``"."`` for ``""``, as ``Path.parent`` makes it)."""

    def __init__(self, root: Path, max_bytes: int) -> None:
        self.root, self.max_bytes = root, max_bytes
        self._real_root = root.resolve()
        self._folders: dict[str, tuple[Path, bool]] = {str(root): (self._real_root, True)}  # -> real path, inside

    def _folder(self, folder: str) -> tuple[Path, bool]:
        """The folder's real path and whether it lies inside root: its parent's, and one ``lstat`` to tell
        that it is not a link (a link is resolved in full)."""
        known = self._folders.get(folder)
        if known is None:
            parent = os.path.dirname(folder) or "."
            if parent != folder and not Path(folder).is_symlink():
                real_parent, inside = self._folder(parent)
                known = (real_parent / os.path.basename(folder), inside)
            else:
                real = Path(folder).resolve()
                known = (real, real.is_relative_to(self._real_root))
            self._folders[folder] = known
        return known

    def __call__(self, path: str | os.PathLike[str]) -> bytes:
        path = os.fspath(path)
        head, name = os.path.split(path)
        folder, inside = self._folder(head or ".")
        if inside:
            try:
                return self._read(os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC), path)
            except OSError as exc:
                if exc.errno != errno.ELOOP:  # ELOOP: the file is a link, followed below
                    raise
        real = Path(path).resolve() if Path(path).is_symlink() else folder / name
        if not real.is_relative_to(self._real_root):
            raise SkippedFile(f"{path} links to {real}, outside {self.root}: skipped")
        return self._read(os.open(real, os.O_RDONLY | os.O_CLOEXEC), path)

    def _read(self, fd: int, path: str) -> bytes:
        """Up to ``max_bytes + 1`` bytes of ``fd`` (closed), in reads the size of the file: a read of the cap
        at once would allocate the cap (20 MB by default) for every file."""
        wanted = self.max_bytes + 1
        try:
            data = os.read(fd, min(os.fstat(fd).st_size + 1, wanted))
            while len(data) < wanted:  # until the end of the file: it may have grown since the fstat
                more = os.read(fd, wanted - len(data))
                if not more:
                    break
                data += more
        finally:
            os.close(fd)
        if len(data) > self.max_bytes:
            raise SkippedFile(f"{path} is larger than {self.max_bytes} bytes (the fetch.max_body_bytes cap): skipped")
        return data


def read_replay_file(path: Path, root: Path, max_bytes: int) -> bytes:
    """One file read as :class:`ReplayReader` reads it."""
    return ReplayReader(root, max_bytes)(path)


def replay_content_type(path: str | os.PathLike[str]) -> str | None:
    """By the file's suffix, as ``Path.suffix`` takes it (no Path made)."""
    name = os.path.basename(os.fspath(path))
    dot = name.rfind(".")
    return CONTENT_TYPES.get(name[dot:].lower()) if 0 < dot < len(name) - 1 else None


def kept_as(outcome: PageOutcome) -> ColumnElement[bool]:
    """Whether a stored copy (a ``Snapshot`` row) was read as ``outcome`` (``notice``: a first page; ``part``: a later
    or annex page of one) or refused alone as cut short (given before its first page, in a folder of its own: crawl48,
    review52's open B): the one test :func:`stored_part` filters on and :func:`stored_first` asks of the newest copy
    (each said it in its own form, one in SQL, one in Python: the end review of session 48)."""
    return or_(Snapshot.outcome == outcome.value, and_(Snapshot.outcome == PageOutcome.UNUSABLE.value,
                                                       Snapshot.detail.startswith(f"{CUT_SHORT}:")))


def stored_part(session_factory: sessionmaker[Session]) -> Callable[[str], tuple[bytes, str | None] | None]:
    """The newest stored copy of a URL read as a later page or annex page of a notice (outcome ``part``), or refused
    alone as cut short (given before its first page, in a folder of its own: crawl48, review52's open B), its bytes
    and content type, or None. ``replay`` joins a first page given without its other pages to these, as a run does
    whose first page is read again and its other pages as stored (a 304): not a first page alone, held as cut short."""
    def lookup(url: str) -> tuple[bytes, str | None] | None:
        with session_factory() as session:
            row = session.execute(
                select(Snapshot.body, Snapshot.content_type).join(Page, Page.id == Snapshot.page_id)
                .where(Page.url == url, kept_as(PageOutcome.PART))
                .order_by(Snapshot.fetched_at.desc(), Snapshot.id.desc()).limit(1)).first()
        return (zlib.decompress(row[0]), row[1]) if row is not None else None
    return lookup


def stored_first(session_factory: sessionmaker[Session]) -> Callable[[str], tuple[bytes, str | None] | None]:
    """The first page of a notice as last stored at ``url`` (a later page given alone to ``replay``, its first page
    replayed before from another folder: crawl48, review52's open B): the newest copy's bytes and content type (of a
    joined copy, its first page's), where that copy was read as a notice or refused as cut short; else None."""
    def lookup(url: str) -> tuple[bytes, str | None] | None:
        from scraper.joined import split

        with session_factory() as session:
            row = session.execute(
                select(Snapshot.body, Snapshot.content_type, kept_as(PageOutcome.NOTICE))
                .join(Page, Page.id == Snapshot.page_id).where(Page.url == url)
                .order_by(Snapshot.fetched_at.desc(), Snapshot.id.desc()).limit(1)).first()
        if row is None or not row[2]:  # (the newest copy only: not an older one behind a newer refusal)
            return None
        raw = zlib.decompress(row[0])
        if raw.startswith(JOINED):
            try:
                first = split(raw)[0]
            except ValueError:
                return None
            return first.body, first.content_type
        return raw, row[1]
    return lookup


def stored_owners(session_factory: sessionmaker[Session]) -> Callable[[Iterable[str]], dict[str, list[str]]]:
    """The first pages whose stored joined copy holds each of the URLs given that has a stored copy read as a page of a
    notice (outcome ``part``): an annex page given alone to a later ``replay`` (its URL names no first page, as a
    ``…_2.html`` does) is joined to them as stored, as a run asks it behind a 304 on the first page (crawl48's open B;
    was: read alone, refused as cut short, exit 1, its correction unread). Sure: the notices it is a URL of
    (``NoticeUrl``, an annex two notices link is one of each), their pages whose latest copy is a joined copy whose
    header names it. One query per 400 URLs; the rest only for such a page (a replay of pages joined before). A page
    never stored as a part: the first pages read alone short that link it as their annex page (:func:`_short_firsts`).
    """
    def lookup(urls: Iterable[str]) -> dict[str, list[str]]:
        from scraper.joined import split
        from storage.models import NoticeUrl
        from storage.snapshots import CHUNK
        from storage.vocabulary import JOINED_TYPE

        wanted = list(dict.fromkeys(urls))
        found: dict[str, list[str]] = {}
        with session_factory() as session:
            parts: set[str] = set()
            for i in range(0, len(wanted), CHUNK):
                parts.update(session.scalars(
                    select(Page.url).join(Snapshot, Snapshot.page_id == Page.id)
                    .where(Page.url.in_(wanted[i: i + CHUNK]), Snapshot.outcome == PageOutcome.PART.value).distinct()))
            for url in sorted(parts):
                notices = select(NoticeUrl.notice_id).where(NoticeUrl.url == url)
                firsts = session.execute(
                    select(Page.url, Snapshot.body).join(Snapshot, and_(Snapshot.page_id == Page.id,
                                                                        Snapshot.sha256 == Page.last_sha256))
                    .where(Page.url.in_(select(NoticeUrl.url).where(NoticeUrl.notice_id.in_(notices))),
                           Page.url != url, Snapshot.outcome == PageOutcome.NOTICE.value,
                           Snapshot.content_type == JOINED_TYPE)
                    .order_by(Page.url)).all()
                for first, body in firsts:
                    try:
                        pages = split(zlib.decompress(body))
                    except ValueError:
                        continue
                    if any(part.url == url for part in pages[1:]) and first not in found.get(url, []):
                        found.setdefault(url, []).append(first)
            for url, firsts in _short_firsts(session, set(wanted) - parts).items():
                found.setdefault(url, []).extend(first for first in firsts if first not in found.get(url, []))
        return found
    return lookup


def _short_firsts(session: Session, given: set[str]) -> dict[str, list[str]]:
    """Of ``given`` (pages given to ``replay``, none stored as a page of a notice), those that the newest copy of a
    stored first page read alone links as its annex page (``scraper.joined.annex_pages``), where that page was read
    short (refused as cut short, or read short of its stated count: an issue open on it), each with those first pages.
    Its annex page missing when it was read (not given, not had: loud), the annex page given alone to a later replay
    was read alone too, refused as cut short, exit 1, while a run reads the two joined (crawl49's open B): it is joined
    to that first page as stored now. Only the pages with such an issue open are read (one query; the loud ones)."""
    if not given:
        return {}
    from scraper.charset import decode
    from scraper.joined import annex_pages, may_continue

    short = select(HealthIssue.url).where(HealthIssue.resolved_at.is_(None), HealthIssue.kind.in_(
        (HealthKind.UNUSABLE_PAGE.value, HealthKind.COUNT_MISMATCH.value)))
    found: dict[str, list[str]] = {}
    for url, body, content_type in session.execute(
            select(Page.url, Snapshot.body, Snapshot.content_type).join(
                Snapshot, and_(Snapshot.page_id == Page.id, Snapshot.sha256 == Page.last_sha256))
            .where(Page.url.in_(short), kept_as(PageOutcome.NOTICE),
                   or_(Snapshot.content_type.is_(None), Snapshot.content_type != JOINED_TYPE))
            .order_by(Page.url)):
        raw = zlib.decompress(body)
        if url in given or not may_continue(raw, url):
            continue
        for annex in annex_pages(decode(raw, content_type)[0], url):
            if annex in given and url not in found.get(annex, []):
                found.setdefault(annex, []).append(url)
    return found


def joined_pages(files: Iterable[tuple[Path, str]], read: Callable[[Path], bytes],
                 notice_page: Callable[[str], bool] = lambda _url: True,
                 stored: Callable[[str], tuple[bytes, str | None] | None] = lambda _url: None,
                 stored_first: Callable[[str], tuple[bytes, str | None] | None] = lambda _url: None,
                 owners: Callable[[Iterable[str]], dict[str, list[str]]] = lambda _urls: {},
                 ) -> tuple[dict[str, bytes], set[str]]:
    """The saved pages of a ``replay`` that are one notice's pages (``scraper.joined``: a first page, its next pages
    and linked annex pages, all given): the joined copy of each first page by its URL, and the URLs of the pages
    joined to one (read as parts of it, never alone), whatever order the files come in, as a run reads them.
    ``notice_page``: whether a URL is read by the notice parser (the router's role; only such pages are joined);
    ``stored``: a page not given, as the store holds it (:func:`stored_part`). The URLs joined include those.
    ``stored_first``: the first page of a later page given alone (``…_2.html``, its first page not given), as the
    store holds it (:func:`stored_first`): joined too, its copy keyed by that first page's URL, which is not given.
    ``owners``: the first pages whose stored joined copy holds a page given (:func:`stored_owners`: an annex page
    given alone, whose URL names no first page), joined to it alike."""
    from scraper.joined import fetched, first_page, joined_copy, may_continue

    given: dict[str, Path] = {}
    first: list[tuple[str, bytes, str | None]] = []
    for path, url in files:
        given[url] = path
    pages = [url for url, path in given.items() if replay_content_type(path) == "text/html" and notice_page(url)]
    owned = owners(pages)
    bases: set[str] = set()
    for url in pages:
        path = given[url]
        content_type = replay_content_type(path)
        for base in [first_page(url), *owned.get(url, ())]:
            if (base is not None and base not in given and base not in bases and notice_page(base)
                    and (kept := stored_first(base)) is not None and may_continue(kept[0], base)):
                # a later page or an annex page given alone: its first page as stored (review52's open B; crawl48's)
                bases.add(base)
                first.append((base, *kept))
        try:
            raw = read(path)
        except Exception:  # noqa: BLE001 - said when the page itself is read
            continue
        if may_continue(raw, url):
            first.append((url, raw, content_type))

    def fetch(other: str) -> tuple[str, object] | None:
        path = given.get(other)
        try:
            if path is not None:
                return fetched(other, read(path), replay_content_type(path))
        except Exception:  # noqa: BLE001 - said when the page itself is read
            return None
        kept = stored(other)
        return fetched(other, *kept) if kept is not None else None

    copies: dict[str, bytes] = {}
    parts: set[str] = set()
    for url, raw, content_type in first:
        found = joined_copy(raw, url, content_type, fetch)  # type: ignore[arg-type]
        if found is not None and not isinstance(found, str):
            copies[url] = found[0]
            parts.update(part.url for part in found[1])
    for url in parts:  # (a page both first and joined to another: read as a part)
        copies.pop(url, None)
    return copies, parts
