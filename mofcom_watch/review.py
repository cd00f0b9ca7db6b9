"""A person's review of the copies held back because they read less than the stored notice.

The pipeline keeps the stored notice when a newer copy of its page reads less (``pipeline.held_back``): a page
cut short reads so, and so does the ministry republishing the notice without an entity. Until a person says
which, every run reports it. ``review`` lists such copies (read again by today's parser: what would go, both
SHA-256s); ``accept`` stores the copy a person saw (named by its SHA-256, or a prefix of it), in one
transaction with the record of who accepted it (:mod:`storage.reviews`) and the events derived from it. A
different later copy is judged afresh. A copy cut short by its own account (short of the count it states,
naming nobody) is never one to accept: the next whole copy replaces it.

A page the parser refuses for a person to read (``needs-review``) is listed too (:func:`storage.reviews.refused_pages`),
and ``accept URL SHA256`` records that a person read that copy (:func:`accept_page`): its issue closes, the same bytes
stay so on every later run, other bytes are judged afresh, and nothing of it enters the notices or the feeds. A page
refused for another reason (a bot check, an index in an article's place, another notice) is the site's problem: the
next run that reads the page clears it, and ``accept`` refuses it. Two holds only a person can settle are listed with the
held copies: a copy of the page a notice is read from that reads as no notice (the notice taken off its page:
``accept`` withdraws that page's reading, :func:`_take_off`), and a numbered notice's one page answering a number the
store does not hold (renumbered in place: ``accept`` reads the notice under its new number, :func:`accept_renumbered`).
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from mofcom_watch.pipeline import HeldBack, PageParser, PageRouter, held_back, read_again
from mofcom_watch.reprints import Unsettled, UnsurePair, settle
from mofcom_watch.wrongnotice import REASON as ANOTHER_NOTICE
from storage.cleantext import clean_document, clean_text
from storage.health import gap_issues, gap_text, gone_issue, warning_key
from storage.heldsteps import HeldStep, decisions, held_steps, record_decision, stored_reading
from storage.ingest import load_notice, store_parse, sync_held
from storage.keys import unusable_key
from storage.models import HealthIssue, Notice, NoticeUrl, Page, Snapshot
from storage.notices import withdrawn
from storage.outcomes import PageOutcome
from storage.records import DocumentKind, NoticeRecord, UnusablePage, held_step_id
from storage.reviews import (
    HeldCopy,
    RefusedPage,
    held_copies,
    needs_review,
    read_pages,
    record_acceptance,
    record_gone,
    record_reading,
    refused_why,
)
from storage.shortread import reads_less
from storage.snapshots import snapshot_bytes
from storage.vocabulary import GAP_ANSWER_RE, NEEDS_REVIEW, HealthKind, Oddity, OddityReason, as_utc

PREFIX_MIN = 8  # hex digits of a SHA-256 an operator must give at least
HEX = frozenset("0123456789abcdef")
URL_SCHEMES = ("http://", "https://", "file:")  # ``accept``'s first argument a page's URL, not a notice key
SHOWN = 16  # hex digits of a SHA-256 in a message
GONE_WORD = "gone"  # ``accept URL gone``: a person checked that a page answering 404 or 410 is gone


class ReviewError(Exception):
    """Bad input to ``accept`` (unknown notice, wrong SHA-256, nothing to accept): one line, nothing written."""


@dataclass(frozen=True)
class PendingReview:
    """A held copy that reads less than the stored notice, as today's parser reads both."""

    copy: HeldCopy
    lost: tuple[str, ...]  # the entities, or the actions, that accepting it would take away
    detail: str
    # the copy reads as no notice at all (the notice taken off its page, or the page emptied): accepting it withdraws
    # the stored reading of that page (:func:`_take_off`)
    no_notice: bool = False
    # the page held as another notice's answers its notice under a new number (cycles59 S18): the key it would be read
    # as, as the same notice renumbered in place (:func:`accept_renumbered`)
    renumbered_as: str | None = None

    def to_json(self) -> dict[str, Any]:
        c = self.copy
        return {"notice_key": c.notice_key, "url": c.url, "sha256": c.sha256, "stored_sha256": c.stored_sha256,
                "would_go": list(self.lost), "first_seen": c.first_seen.isoformat(),
                "last_seen": c.last_seen.isoformat(), "detail": self.detail, "older_copy": c.older,
                "reads_as_no_notice": self.no_notice, "renumbered_as": self.renumbered_as}


@dataclass(frozen=True)
class _Judged:
    copy: HeldCopy
    snapshot: Snapshot
    record: NoticeRecord
    encoding: str | None
    parser: PageParser
    verdict: HeldBack | None


def _judge(session: Session, copy: HeldCopy, router: PageRouter) -> _Judged | None:
    """The held bytes read again by today's parser and held against the stored notice (None: they no longer read
    as that notice)."""
    snap = session.get(Snapshot, copy.snapshot_id)
    parser = router.parser(copy.url)
    again = read_again(snap, parser, copy.url, copy.notice_key) if snap is not None else None
    if snap is None or again is None:
        return None
    verdict = held_back(load_notice(session, copy.notice_key), again.notice, copy.url, copy.sha256, parser)
    return _Judged(copy, snap, again.notice, again.encoding, parser, verdict)


@dataclass(frozen=True)
class _Empty:
    """A held copy today's parser reads as no notice at all, and what the stored reading says that it does not."""

    snapshot: Snapshot
    parser: PageParser
    encoding: str | None
    lost: tuple[str, ...]


def _no_notice(session: Session, copy: HeldCopy, router: PageRouter) -> _Empty | None:
    """The held copy as today's parser reads it, where it reads as no notice (a page that is neither a notice nor an
    index: ``mofcom_watch.pipeline._read_as_nothing`` held it, the notice taken off its page or the page emptied), with
    everything the stored notice's reading says (the entities it names, else its steps): what accepting it takes off
    that page. None: it reads as a notice, an index, or is refused or fails now."""
    snap = session.get(Snapshot, copy.snapshot_id)
    notice = load_notice(session, copy.notice_key)
    if snap is None or notice is None:
        return None
    parser = router.parser(copy.url)
    try:
        doc = parser.parse(snapshot_bytes(snap), url=copy.url, content_type=snap.content_type)
    except Exception:  # noqa: BLE001 - refused (another problem) or a parser error: nothing read as no notice
        return None
    if doc.kind != DocumentKind.OTHER:
        return None
    current = NoticeRecord.from_json(json.loads(notice.record_json))
    lost = reads_less(replace(current, entities=(), actions=()), current)
    return _Empty(snap, parser, doc.encoding, tuple(lost))


def pending_reviews(session: Session, router: PageRouter) -> list[PendingReview]:
    """The held copies a person may accept, oldest first."""
    found = []
    for copy in held_copies(session):
        judged = _judge(session, copy, router)
        if judged is not None and judged.verdict is not None and judged.verdict.review:
            found.append(PendingReview(copy, judged.verdict.lost, judged.verdict.detail))
        elif judged is not None and copy.older:  # the page serves again a copy read before the stored one
            found.append(PendingReview(copy, judged.verdict.lost if judged.verdict else (), copy.detail))
        elif judged is None and (empty := _no_notice(session, copy, router)) is not None:
            # the page reads as no notice now (cycles59 S14b): held every run, and listed nowhere, so never settled
            found.append(PendingReview(copy, empty.lost, copy.detail, no_notice=True))
    for url in _another_notice_pages(session):  # (few or none)
        renumbered = _renumbering(session, router, url)
        if isinstance(renumbered, _Renumbered):
            found.append(PendingReview(renumbered.copy, (), renumbered.copy.detail,
                                       renumbered_as=renumbered.record.key))
    return found


@dataclass(frozen=True)
class _Renumbered:
    """A page held as another notice's (``another-notice``) that answers its own notice under a new number."""

    copy: HeldCopy  # under the key the page held (the stored notice), its issue's detail
    snapshot: Snapshot
    parser: PageParser
    record: NoticeRecord  # as today's parser reads the copy, cleaned: the new number's key
    encoding: str | None


def _another_notice_pages(session: Session) -> list[str]:
    """The URLs with an open ``another-notice`` problem naming no notice (``mofcom_watch.wrongnotice``)."""
    return list(session.scalars(
        select(HealthIssue.url).where(HealthIssue.kind == HealthKind.UNUSABLE_PAGE.value,
                                      HealthIssue.resolved_at.is_(None), HealthIssue.notice_key.is_(None),
                                      HealthIssue.detail.contains(f"({ANOTHER_NOTICE}: ", autoescape=True))
        .order_by(HealthIssue.first_seen, HealthIssue.key)))


def _renumbering(session: Session, router: PageRouter, url: str) -> _Renumbered | str:
    """The page at ``url``, held as answering another notice (``wrongnotice.another_notice``), where it may be its
    own notice renumbered in place (cycles59 S18: 第23号 -> 第24号 on the same URL, the same text): its latest copy,
    as today's parser reads it, is a numbered notice the store does not hold, and the URL is the one page of the one
    numbered notice it held, whose reading rests on it. Else why not (a line for :class:`ReviewError`): a notice of
    several pages of which only this one answers the new number is another notice's page here, not a renumbering."""
    issue = session.scalars(select(HealthIssue).where(HealthIssue.key == unusable_key(url),
                                                      HealthIssue.resolved_at.is_(None))).one_or_none()
    snap = session.scalars(select(Snapshot).join(Page, and_(Snapshot.page_id == Page.id,
                                                            Snapshot.sha256 == Page.last_sha256))
                           .where(Page.url == url)).one_or_none()
    if issue is None or snap is None or snap.outcome != PageOutcome.UNUSABLE.value or snap.notice_key is not None \
            or not (snap.detail or "").startswith(f"{ANOTHER_NOTICE}:"):
        return f"{url} is not held as answering another notice ({ANOTHER_NOTICE})"
    parser = router.parser(url)
    try:
        doc = clean_document(parser.parse(snapshot_bytes(snap), url=url, content_type=snap.content_type))
    except Exception:  # noqa: BLE001 - refused or failing now: the next run says what it is
        return f"{url}: this parser no longer reads its copy as a notice; the next run says what it is"
    record = doc.notice
    if doc.kind != DocumentKind.NOTICE or record is None or record.number is None:
        return f"{url}: this parser no longer reads its copy as a numbered notice; the next run says what it is"
    if _stored(session, record.key):
        return (f"{url} answers the text of {record.key}, which the store holds at other pages: another notice's page "
                "at this URL (a CMS mix-up), not a renumbering; it stays held until it answers its own notice again")
    held = sorted({key for key, number in session.execute(
        select(Notice.key, Notice.number).join(NoticeUrl, NoticeUrl.notice_id == Notice.id)
        .where(NoticeUrl.url == url)) if number is not None})
    if len(held) != 1:
        return f"{url} held {', '.join(held) or 'no numbered notice'}: no one notice to read under {record.key}"
    notice = load_notice(session, held[0])
    assert notice is not None
    others = sorted(u.url for u in notice.urls if u.url != url)
    if others:
        return (f"{held[0]} is read from other pages too ({', '.join(others)}), which do not answer {record.key}: only "
                f"{url} does, so it is another notice's page at this URL, not {held[0]} renumbered in place; it stays "
                f"held until it answers {held[0]} again (or its other pages answer {record.key} too)")
    if notice.snapshot is None or notice.snapshot.page.url != url:
        return f"{held[0]} is not read from {url}: no renumbering of it to accept there"
    copy = HeldCopy(held[0], url, snap.id, snap.sha256, notice.snapshot.sha256, url, as_utc(snap.fetched_at),
                    as_utc(issue.last_seen), issue.detail)
    return _Renumbered(copy, snap, parser, record, doc.encoding)


@dataclass(frozen=True)
class Renumbered:
    """A notice's page renumbered in place, accepted by a person: the notice read under its new number."""

    url: str
    sha256: str
    old: str  # the key it was stored under
    new: str  # the key it is read as now
    revision: int
    by: str
    at: datetime


def accept_renumbered(session: Session, router: PageRouter, url: str, sha: str, *, by: str, at: datetime,
                      note: str | None = None) -> Renumbered:
    """A person read the page at ``url``, held as answering a numbered notice the store does not hold, and accepts its
    copy (whose SHA-256 starts with ``sha``) as the notice it held renumbered in place (cycles59 S18: the ministry
    correcting 第23号 to 第24号): the stored notice moves to the new key with its snapshots and what is said of it
    (as a Q&A re-dated in place moves: ``pipeline._rekeyed_in_place``), this copy is stored as a new version of it, and
    the acceptance is recorded (who, when, which copy, both keys). Its items continue under the new key's ids, each
    old one corrected, "Number corrected" (``storage.events``). :class:`ReviewError` (nothing written) when it is no
    renumbering (:func:`_renumbering`: another notice's page, a notice of several pages) or for another copy."""
    from mofcom_watch.reprints import rename_notice

    url = url.strip()
    found = _renumbering(session, router, url)
    if isinstance(found, str):
        raise ReviewError(found)
    snap, old, new = found.snapshot, found.copy.notice_key, found.record.key
    if not snap.sha256.startswith(sha):
        raise ReviewError(f"{url}: the copy held is SHA-256 {snap.sha256[:SHOWN]}…, not {sha}: read it (`mofcom-watch "
                          "review`) and accept the copy you read")
    rename_notice(session, old, new, at)
    session.expire_all()
    notice = load_notice(session, new)
    assert notice is not None
    snap = session.get(Snapshot, snap.id)
    assert snap is not None
    snap.outcome, snap.detail, snap.notice_key = PageOutcome.NOTICE.value, None, new
    snap.parser_version, snap.parser_digest = found.parser.version, found.parser.digest or None
    snap.encoding = found.encoding or snap.encoding
    change = store_parse(session, notice, found.record, snap, url, at, clean=True, accepted=True)
    sync_held(session, new, source=snap.page.source or "review", seen_at=at, url=url)
    record_acceptance(session, replace(found.copy, notice_key=new), by=by, at=at, lost=(), note=note,
                      renumbered_from=old)
    return Renumbered(url, snap.sha256, old, new, change.revision, by, at)


def _renumbered_page(session: Session, key: str) -> str | None:
    """The page of the stored notice ``key`` held as answering another number (or the page answering ``key``, the
    new number, held so): for ``accept KEY SHA256``."""
    wanted = key.strip().casefold()
    for url in _another_notice_pages(session):
        held = session.scalars(select(Notice.key).join(NoticeUrl, NoticeUrl.notice_id == Notice.id)
                               .where(NoticeUrl.url == url)).all()
        detail = session.scalar(select(HealthIssue.detail).where(HealthIssue.key == unusable_key(url))) or ""
        if wanted in {k.casefold() for k in held} or f"answers the text of {key.strip()}," in detail:
            return url
    return None


def _stored(session: Session, notice_key: str) -> bool:
    """Whether the store holds a notice with this key (in any case)."""
    wanted = notice_key.strip().casefold()
    return session.scalars(select(Notice.id).where(func.lower(Notice.key) == wanted).limit(1)).first() is not None


def operator() -> str:
    """Who runs this: ``user@host`` (the uid when the user has no name here, as in some containers)."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = f"uid {os.getuid()}"
    return f"{user}@{socket.gethostname()}"


def sha_prefix(value: str) -> str:
    """The SHA-256 (or prefix of one) an operator typed, lower case; :class:`ReviewError` if it is not one."""
    text = value.strip().lower()
    if not (PREFIX_MIN <= len(text) <= 64) or not set(text) <= HEX:
        raise ReviewError(f"{value!r} is not a SHA-256 nor a prefix of one of at least {PREFIX_MIN} hex digits "
                          "(`mofcom-watch review` shows the copy's)")
    return text


@dataclass(frozen=True)
class Accepted:
    review: PendingReview
    revision: int
    by: str
    at: datetime
    # a copy reading as no notice accepted (:func:`_take_off`): the other page the notice is read from now, or None
    # where no other page carries it (its reading withdrawn, its items retracted)
    read_from: str | None = None


@dataclass(frozen=True)
class IndexAccepted:
    """An index short of its whole copy, accepted as it is (its ``index-shrunk`` warning closed)."""

    url: str
    sha256: str  # its last answer read as the index: what the next answers are held to
    by: str
    at: datetime


def _shrunk(session: Session, url: str) -> list[HealthIssue]:
    """The open ``index-shrunk`` warnings of the index at ``url``."""
    return [issue for issue in session.scalars(select(HealthIssue).where(
        HealthIssue.kind == HealthKind.WARNING.value, HealthIssue.url == url, HealthIssue.resolved_at.is_(None)))
        if issue.key == warning_key(issue.source, Oddity(url, OddityReason.INDEX_SHRUNK))]


def accept_index(session: Session, url: str, sha: str, *, by: str, at: datetime,
                 note: str | None = None) -> IndexAccepted:
    """A person accepts an index that answers short of its whole copy (it pages differently now, or the ministry
    took notices off it) as it is: its ``index-shrunk`` warning closes, saying who and when, and its last answer
    read as the index, whose SHA-256 starts with ``sha``, is what the next answers are held to. The warning comes
    back if the index loses more."""
    sha = sha_prefix(sha)
    url = url.strip()
    shrunk = _shrunk(session, url)
    if not shrunk:
        raise ReviewError(f"no index-shrunk warning is open for {url} (`mofcom-watch status` lists the warnings)")
    last = session.scalar(select(Snapshot.sha256).join(Page, Snapshot.page_id == Page.id)
                          .where(Page.url == url, Snapshot.outcome == PageOutcome.INDEX.value)
                          .order_by(case((Snapshot.sha256 == Page.last_sha256, 0), else_=1), Snapshot.id.desc())
                          .limit(1))  # its latest bytes first: an index back to an earlier copy keeps that snapshot
    if last is None or not last.startswith(sha):
        raise ReviewError(f"{url}: its last answer read as the index is SHA-256 {(last or 'none')[:16]}…, not {sha}: "
                          "accept the answer you saw")
    for issue in shrunk:
        issue.resolved_at = at
        issue.detail = clean_text(f"{issue.detail}; accepted as it is by {by} at {at:%Y-%m-%d %H:%M} UTC (its answer "
                                  f"SHA-256 {last})" + (f"; note: {note}" if note else ""))
    session.flush()
    return IndexAccepted(url, last, by, at)


@dataclass(frozen=True)
class GapAccepted:
    """An index's gap (``index-gap``: rows pushed off its one page unread) accepted by a person who read those rows on
    the site: its problem closed, what it held back published by the next run."""

    url: str
    sha256: str  # the answer that showed the gap (scraper.discovery.GAP_ANSWER_RE)
    detail: str  # the problem's text, as it was
    by: str
    at: datetime


def accept_gap(session: Session, url: str, sha: str, *, by: str, at: datetime, note: str | None = None) -> GapAccepted:
    """A person read, on the site, the rows an index's open ``index-gap`` problem names (those published between its
    copy before the gap and the oldest row its answer listed) and accepts the gap: the problem closes, saying who,
    when and which answer (its SHA-256, or a prefix, must be the one the problem names: a gap widened since, new rows
    pushing more off, is another to read); the next run holds nothing back for it. :class:`ReviewError` otherwise."""
    sha = sha_prefix(sha)
    url = url.strip()
    issues = [issue for issue in gap_issues(session) if issue.url == url]
    if not issues:
        raise ReviewError(f"no index-gap problem is open for {url} (`mofcom-watch status` lists the problems)")
    for issue in issues:
        named = GAP_ANSWER_RE.search(gap_text(issue.url, issue.detail) or "")
        if named is None or not named.group(1).startswith(sha):
            shown = f"SHA-256 {named.group(1)[:SHOWN]}…" if named else "no answer's SHA-256"
            raise ReviewError(f"{url}: its gap names {shown}, not {sha}: the gap may have widened since you read it; "
                              "read the rows its problem names now (`mofcom-watch review`) and accept that answer")
    detail = issues[0].detail
    answer = GAP_ANSWER_RE.search(detail)
    for issue in issues:
        issue.resolved_at = at
        issue.detail = clean_text(f"{issue.detail}; accepted by {by} at {at:%Y-%m-%d %H:%M} UTC: the rows between read "
                                  "by a person" + (f"; note: {note}" if note else ""))
    session.flush()
    return GapAccepted(url, answer.group(1) if answer else sha, detail, by, at)


@dataclass(frozen=True)
class PageRead:
    """A page the parser refused for a person to read, read by one (its ``unusable-page`` issue closed)."""

    page: RefusedPage
    why: str  # the parser's reason, as today's parser gives it
    by: str
    at: datetime


def _refusal(router: PageRouter, snap: Snapshot, url: str) -> UnusablePage | None:
    """Today's parser on a stored copy: its refusal, or None when it reads the copy (or fails on it)."""
    try:
        router.parser(url).parse(snapshot_bytes(snap), url=url, content_type=snap.content_type)
    except UnusablePage as exc:
        return exc
    except Exception:  # noqa: BLE001 - a parser error: no refusal to acknowledge (the next run reports it)
        return None
    return None


@dataclass(frozen=True)
class GoneChecked:
    """A page answering 404 or 410, checked gone by a person (its ``unusable-page`` issue closed)."""

    url: str
    notice_key: str | None  # the stored notice the page held, whose listings stay as read
    detail: str
    by: str
    at: datetime
    shrunk: tuple[str, ...] = ()  # indexes whose open index-shrunk warning names the page (a warning: said, not settled)


def gone_check_moment(session: Session, url: str, *, sleep: Callable[[float], None] = time.sleep) -> datetime:
    """The moment to record that a person checked ``url`` gone: now, in whole seconds as fetch times are, and a second
    after the page last answered. ``storage.reviews.answered_since`` takes an answer in the check's own second as one
    since (a run right after the check, in that second, was read as before it: the check stayed current and the
    page's next 404 was a note, health green; flaky40); a page that answered in this very second (a script checking
    it at once) is waited out here, under the run lock, so that its answer is not read as since. A page last fetched
    at a time to come (``--fetched-at``) is not waited for; a clock that does not move, at most 2 s."""
    answered = session.scalar(select(Page.last_fetched_at).where(Page.url == url.strip()))
    now = datetime.now(UTC).replace(microsecond=0)
    if answered is None or as_utc(answered) != now:
        return now
    give_up = time.monotonic() + 2
    while now <= as_utc(answered) and time.monotonic() < give_up:
        sleep(max(0.01, 1 - datetime.now(UTC).microsecond / 1e6))  # to the next second
        now = datetime.now(UTC).replace(microsecond=0)
    return max(now, as_utc(answered) + timedelta(seconds=1))


def accept_gone(session: Session, url: str, *, by: str, at: datetime, note: str | None = None) -> GoneChecked:
    """A person checked that the page at ``url``, answering 404 or 410, is gone (the ministry withdrew or moved it):
    its issue closes and runs stop asking for it; nothing it held is lifted (``storage.reviews.record_gone``).
    :class:`ReviewError` (nothing written) when no such issue is open for the URL."""
    url = url.strip()
    issue = gone_issue(session, url)
    if issue is None:
        raise ReviewError(f"{url} is not open as a page gone (HTTP 404 or 410): `mofcom-watch status` lists the pages "
                          "that are; a page refused for a person to read is accepted by its SHA-256")
    record = record_gone(session, issue, by=by, at=at, note=note)
    shrunk = session.scalars(select(HealthIssue.url).where(
        HealthIssue.kind == HealthKind.WARNING.value, HealthIssue.resolved_at.is_(None),
        HealthIssue.key.contains(f"/{OddityReason.INDEX_SHRUNK}/"), HealthIssue.detail.contains(url, autoescape=True))).all()
    return GoneChecked(url, record.notice_key, record.detail, by, at, tuple(u for u in shrunk if u))


def accept_page(session: Session, router: PageRouter, url: str, sha: str, *, by: str, at: datetime,
                note: str | None = None) -> PageRead | IndexAccepted | GoneChecked | GapAccepted | Renumbered:
    """A person read the copy of ``url`` the parser refused for review (``needs-review``), whose SHA-256 starts with
    ``sha``: record who, when and which copy, close the page's issue. Nothing of the page becomes a notice. An index's
    URL with an ``index-shrunk`` warning and no such page: :func:`accept_index`; an index's URL with an open
    ``index-gap`` problem: :func:`accept_gap`; ``sha`` "gone" for a page answering 404 or 410: :func:`accept_gone`. :class:`ReviewError` (nothing written) for a URL with no open needs-review issue,
    another copy's SHA-256, a page refused for another reason or held back against a stored notice, or a copy today's
    parser reads (or refuses otherwise)."""
    if sha.strip().casefold() == GONE_WORD:
        return accept_gone(session, url, by=by, at=at, note=note)
    if any(issue.url == url.strip() for issue in gap_issues(session)):  # an index whose rows were pushed off unread
        return accept_gap(session, url, sha, by=by, at=at, note=note)
    sha = sha_prefix(sha)
    url = url.strip()
    issue = session.scalars(select(HealthIssue).where(HealthIssue.key == unusable_key(url),
                                                      HealthIssue.resolved_at.is_(None))).one_or_none()
    if issue is None:
        if _shrunk(session, url):
            return accept_index(session, url, sha, by=by, at=at, note=note)
        done = [r for r in read_pages(session) if r.url == url and r.sha256.startswith(sha)]
        if done:  # accepted before (a script run twice, a colleague first): said so, not "no page" (cli35)
            raise ReviewError(f"{url}: the copy SHA-256 {done[-1].sha256[:SHOWN]}… was already recorded as read by "
                              f"{done[-1].read_by} at {done[-1].read_at:%Y-%m-%d %H:%M} UTC; nothing to accept again "
                              "(`mofcom-watch status` lists it)")
        raise ReviewError(f"no page refused for a person to read nor an index-shrunk warning is open for {url} "
                          "(`mofcom-watch review` lists the pages held for a person to read; `mofcom-watch status` "
                          "the warnings)")
    snap = session.scalars(select(Snapshot).join(Page, and_(Snapshot.page_id == Page.id,
                                                            Snapshot.sha256 == Page.last_sha256))
                           .where(Page.url == url)).one_or_none()
    if snap is None:
        raise ReviewError(f"{url}: no copy of it is stored (its problem: {issue.detail}); nothing to accept")
    if snap.outcome == PageOutcome.UNUSABLE.value and (snap.detail or "").startswith(f"{ANOTHER_NOTICE}:"):
        return accept_renumbered(session, router, url, sha, by=by, at=at, note=note)  # (or says why it is none)
    if snap.notice_key is not None:
        raise ReviewError(f"{url}: its copy is held back against the stored notice {snap.notice_key}: accept it by "
                          f"the notice's key (`mofcom-watch review` shows the command)")
    if snap.outcome != PageOutcome.UNUSABLE.value or not needs_review(snap.detail):
        raise ReviewError(f"{url} is not refused for a person to read: {issue.detail}; the site's problem, not a "
                          "reading one: the next run that reads the page clears it")
    if not snap.sha256.startswith(sha):
        raise ReviewError(f"{url}: the copy refused for review is SHA-256 {snap.sha256[:SHOWN]}…, not {sha}: read it "
                          "(`mofcom-watch review`) and accept the copy you read")
    refusal = _refusal(router, snap, url)
    if refusal is None:
        raise ReviewError(f"{url}: this parser reads the copy (SHA-256 {snap.sha256[:SHOWN]}…) now: the next run "
                          "stores it; nothing to accept")
    if refusal.reason != NEEDS_REVIEW:
        raise ReviewError(f"{url}: this parser refuses the copy as {refusal.reason} now, not for a person to read "
                          "(the site's problem: the next run reports it); nothing to accept")
    why = clean_text(refusal.detail or refused_why(snap.detail))
    page = RefusedPage(url, snap.id, snap.sha256, clean_text(f"{NEEDS_REVIEW}: {why}"), as_utc(snap.fetched_at),
                       as_utc(issue.last_seen))
    parser = router.parser(url)
    snap.detail, snap.parser_version, snap.parser_digest = page.detail, parser.version, parser.digest or None
    record_reading(session, page, why=why, by=by, at=at, note=note)
    return PageRead(page, why, by, at)


@dataclass(frozen=True)
class StepDecided:
    """A held step a person published or dismissed (``storage.heldsteps``)."""

    step: HeldStep
    published: bool
    by: str
    at: datetime


def decide_step(session: Session, notice_key: str, sha: str, *, dismiss: bool, by: str, at: datetime,
                note: str | None = None) -> StepDecided | None:
    """A person's word on the held step of ``notice_key`` whose id starts with ``sha``: published (its items derived
    as any step's) or, ``dismiss``, no step. None when the notice holds no step of that id (``sha`` may be a copy's
    SHA-256); :class:`ReviewError` when it held one a person decided on already, or the prefix fits two."""
    wanted = notice_key.strip().casefold()
    key = session.scalar(select(Notice.key).where(func.lower(Notice.key) == wanted).limit(1))
    if key is None:
        return None
    steps = [s for s in held_steps(session, key) if s.step.startswith(sha)]
    if len(steps) > 1:
        raise ReviewError(f"{key}: {sha} starts more than one held step's id: give more digits")
    if not steps:
        record = stored_reading(session, key)
        done = decisions(session, key)
        for action in record.held if record is not None else ():
            step = held_step_id(action)
            if step.startswith(sha) and (key, step) in done:
                raise ReviewError(f"{key}: the held step {step} was {done[(key, step)]} already by a person; nothing "
                                  "to decide again (`mofcom-watch status` lists the records)")
        return None
    record_decision(session, steps[0], published=not dismiss, by=by, at=at, note=note)
    return StepDecided(steps[0], not dismiss, by, at)


def accept(session: Session, router: PageRouter, notice_key: str, sha: str, *, by: str, at: datetime,
           note: str | None = None, dismiss: bool = False
           ) -> Accepted | UnsurePair | IndexAccepted | PageRead | GoneChecked | GapAccepted | StepDecided | Renumbered:
    """Store the held copy of ``notice_key`` whose SHA-256 starts with ``sha`` as the notice, record who accepted
    it, close its issue; or publish the held step of ``notice_key`` whose id starts with ``sha`` (``dismiss``: record
    that it is no step, :func:`decide_step`); or, when no held copy of it has that SHA-256, keep the unsure pair of
    Q&As naming it (:func:`mofcom_watch.reprints.settle`) as two notices; or, for a page's URL, :func:`accept_page` (a
    page refused for a person to read, or gone), or :func:`accept_index` (an index short of its whole copy).
    :class:`ReviewError` (nothing written) when there is no such copy nor pair."""
    if notice_key.strip().startswith(URL_SCHEMES):  # a page the parser refused for review, or an index
        if dismiss:
            raise ReviewError("--dismiss is for a step held for a person (`mofcom-watch review` lists them), not a page")
        return accept_page(session, router, notice_key, sha, by=by, at=at, note=note)
    sha = sha_prefix(sha)
    decided = decide_step(session, notice_key, sha, dismiss=dismiss, by=by, at=at, note=note)
    if decided is not None:
        return decided
    if dismiss:
        raise ReviewError(f"{notice_key.strip()} holds no step for a person with an id starting {sha} (`mofcom-watch "
                          "review` lists the held steps); --dismiss is for those only")
    copies = held_copies(session)
    mine = [c for c in copies if c.notice_key.casefold() == notice_key.strip().casefold()]
    if not [c for c in mine if c.sha256.startswith(sha)]:
        try:
            pair = settle(session, notice_key, sha, by=by, at=at, note=note)
        except Unsettled as exc:
            raise ReviewError(str(exc)) from None
        if pair is not None:
            return pair
    if not mine and (page := _renumbered_page(session, notice_key)) is not None:
        return accept_renumbered(session, router, page, sha, by=by, at=at, note=note)
    if not mine:
        if not _stored(session, notice_key):
            raise ReviewError(f"no notice {notice_key} in the store")
        raise ReviewError(f"nothing held back for review for {notice_key} (`mofcom-watch review` lists what is)")
    matching = [c for c in mine if c.sha256.startswith(sha)]
    if not matching:
        held = ", ".join(c.sha256[:16] for c in mine)
        raise ReviewError(f"{mine[0].notice_key}: the copy held back is SHA-256 {held}…, not {sha}: review it "
                          "(`mofcom-watch review`) and accept the copy you saw")
    if len(matching) > 1:
        raise ReviewError(f"{mine[0].notice_key}: {sha} starts more than one held copy's SHA-256: give more digits")
    copy = matching[0]
    judged = _judge(session, copy, router)
    if judged is not None and copy.older:  # (whatever it reads: which copy is the notice is the person's word)
        return _store_accepted(session, judged, by=by, at=at, note=note,
                               lost=judged.verdict.lost if judged.verdict else (), detail=copy.detail)
    if judged is None and (empty := _no_notice(session, copy, router)) is not None:
        return _take_off(session, router, copy, empty, by=by, at=at, note=note)
    if judged is None or judged.verdict is None:
        raise ReviewError(f"{copy.notice_key}: the held copy (SHA-256 {copy.sha256[:16]}…) no longer reads less than "
                          "the stored notice as this parser reads it: the next run stores it; nothing to accept")
    if not judged.verdict.review:
        raise ReviewError(f"{copy.notice_key}: the held copy (SHA-256 {copy.sha256[:16]}…) is cut short by its own "
                          f"account, not one to review: {judged.verdict.detail}")
    return _store_accepted(session, judged, by=by, at=at, note=note, lost=judged.verdict.lost,
                           detail=judged.verdict.detail)


def _store_accepted(session: Session, judged: _Judged, *, by: str, at: datetime, note: str | None,
                    lost: tuple[str, ...], detail: str) -> Accepted:
    """Store the copy a person accepted as the notice, with the record of who did."""
    copy, snap, parser = judged.copy, judged.snapshot, judged.parser
    stored = load_notice(session, copy.notice_key)
    snap.outcome, snap.detail, snap.notice_key = PageOutcome.NOTICE.value, None, judged.record.key
    snap.parser_version, snap.parser_digest = parser.version, parser.digest or None
    snap.encoding = judged.encoding or snap.encoding
    change = store_parse(session, stored, judged.record, snap, copy.url, at, clean=True, accepted=True)
    notice = load_notice(session, copy.notice_key)
    if notice is None or notice.snapshot_id != snap.id:  # store_parse kept the stored copy: a bug, not bad input
        raise RuntimeError(f"{copy.notice_key}: the accepted copy was not stored")
    record_acceptance(session, copy, by=by, at=at, lost=lost, note=note)
    return Accepted(PendingReview(copy, lost, detail), change.revision, by, at)


def _take_off(session: Session, router: PageRouter, copy: HeldCopy, empty: _Empty, *, by: str, at: datetime, note: str | None) -> Accepted:
    """A person accepts a held copy that reads as no notice (cycles59 S14b: the ministry took the decision off the page,
    held every run since, exit 1, with nothing to accept): the copy is stored as what it is (no notice), and the stored
    reading of that page goes. Where another page of the notice still carries it (an alias, an English version),
    the notice is read from that page's copy as a fresh store would read it, and only its provenance moves (the page
    no longer one of its pages); where none does, its reading is withdrawn (``storage.notices.withdrawn``): its items
    retracted, saying who accepted which copy, the reading kept in the store; a copy read as the notice again brings
    them back under the same ids. Recorded as any acceptance (who, when, which copy, what went)."""
    notice = load_notice(session, copy.notice_key)
    if notice is None:
        raise ReviewError(f"no notice {copy.notice_key} in the store")
    snap, parser, key = empty.snapshot, empty.parser, notice.key
    snap.outcome, snap.detail, snap.notice_key = PageOutcome.OTHER.value, None, None
    snap.parser_version, snap.parser_digest = parser.version, parser.digest or None
    snap.encoding = empty.encoding or snap.encoding
    if notice.snapshot is not None and notice.snapshot.page.url == copy.url:
        notice.snapshot = snap  # the page's copy now, read as no notice: the reading withdrawn (storage.notices)
        session.flush()
        others = session.scalars(
            select(Snapshot).join(Page, Page.id == Snapshot.page_id)
            .where(Snapshot.notice_key == key, Snapshot.outcome == PageOutcome.NOTICE.value, Page.url != copy.url)
            .order_by(Snapshot.fetched_at, Snapshot.id)).all()
        for other in others:  # another page still carrying it: read from there, as a fresh store would
            again = read_again(other, router.parser(other.page.url), other.page.url, key)
            if again is not None:
                store_parse(session, notice, again.notice, other, other.page.url, as_utc(other.fetched_at), clean=True)
    read_from = None if withdrawn(notice) else notice.snapshot.page.url
    if read_from is not None:  # no longer one of its pages; the notice stands on the other
        for page_url in [u for u in notice.urls if u.url == copy.url]:
            notice.urls.remove(page_url)
    session.flush()
    sync_held(session, key, source=snap.page.source or "review", seen_at=at, url=copy.url)
    went = (f"it is read from {read_from} now, which still carries it; this page is no longer one of its pages"
            if read_from is not None else
            "no other page carries it: its reading is withdrawn (its items retracted) and kept in the store")
    record_acceptance(session, copy, by=by, at=at, lost=empty.lost, note=note, taken_off=went)
    detail = f"{copy.url} reads as no notice: the notice taken off its page; {went}"
    return Accepted(PendingReview(copy, empty.lost, detail, no_notice=True), notice.revision, by, at, read_from)
