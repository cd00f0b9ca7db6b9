"""Copies held back for a person's review, and the acceptances people record.

A newer copy of a stored notice page that reads less than the stored parse (``mofcom_watch.pipeline.held_back``)
is stored as an unusable snapshot of the page, and an open ``unusable-page`` issue names its URL and notice:
a page cut short, or the ministry republishing the notice without some of it. Only a person can tell. Accepting
it (``mofcom-watch accept``, :mod:`mofcom_watch.review`) is recorded as a health issue of kind ``review-accepted``,
closed as it is opened, so it is never a problem: who accepted (its ``source``), when (``first_seen``), which
copy (its ``url``, and its key: the notice and the copy's SHA-256), what it replaced and what went (``detail``).
The source-health feed carries it as an item; ``status`` shows the acceptances the stored notices rest on.

A page the parser refuses for a person to read (``needs-review``: a step it saw but could not read whole, a removal
pointing to a missing annex, ...) is stored as an unusable snapshot with an open ``unusable-page`` issue naming no
notice (:func:`refused_pages`). A person who read that copy says so (``mofcom-watch accept URL SHA256``): a
``review-accepted`` record keyed by the copy's SHA-256 and URL (:func:`read_page_key`), the snapshot's outcome
``read-by-person`` and the issue closed. Nothing of the page becomes a notice or a feed item: it was read by a person,
not by this parser, and ``status`` keeps showing it (:func:`read_pages`). The same bytes fetched again stay so
(:func:`read_by_person`, asked by the pipeline); other bytes at the URL are judged afresh.

A page that answers 404 or 410 where it answered before (a notice the ministry withdrew or moved) is an open
``unusable-page`` issue that no run can close while the page stays gone: ``status`` failed every run for as long
(story32 C1). A person who checked it says so (``mofcom-watch accept URL gone``): a ``review-accepted`` record keyed by
the URL (:func:`gone_page_key`) and the issue closed; runs stop asking for the URL as a retry or a re-check of recent
notices (:func:`checked_gone`) until it answers again. The listings the page held stay as read: a page gone lifts
nothing. An index listing the URL again has it read afresh.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, or_, select, update
from sqlalchemy.orm import Session, aliased

from storage.cleantext import clean_text
from storage.heldsteps import KEY_PART as HELD_STEP_PART
from storage.keys import fit_key, issue_key, older_copy_key, unusable_key
from storage.models import HealthIssue, Notice, NoticeUrl, Page, Snapshot
from storage.notices import reads_as
from storage.outcomes import PageOutcome
from storage.vocabulary import NEEDS_REVIEW, HealthKind, as_utc

BY_LEN = 64  # HealthIssue.source: who accepted
READ_PAGE = "read-page"  # the part of a review-accepted key that says a person read a page the parser refused
GONE_PAGE = "gone-page"  # the part of a review-accepted key that says a person checked that a page is gone (404, 410)
LOST_LISTED = 20  # what went, named in an acceptance's detail; the rest are counted


@dataclass(frozen=True)
class HeldCopy:
    """A page's latest copy, held back against the stored notice it reads as, with its open issue."""

    notice_key: str
    url: str
    snapshot_id: int
    sha256: str  # the held copy's bytes
    stored_sha256: str | None  # the bytes the stored notice was read from
    stored_url: str | None  # the page they came from
    first_seen: datetime  # when the held bytes were first fetched
    last_seen: datetime  # when they were last fetched (the issue's last sighting)
    detail: str  # the issue's detail
    # an older copy the page serves again (``older-copy``: first fetched before the stored one, health39 L15), not
    # one that reads less: which of the two is the notice only a person can say
    older: bool = False


def held_copies(session: Session) -> list[HeldCopy]:
    """Every page whose latest copy is held back as reading as a stored notice (an open issue names the page and the
    notice; the copy's snapshot has the notice's key: stored unusable now, or stored as the notice once before and
    back after another copy), oldest issue first. Whether it is one to review (reads less) or a copy cut short by
    its own account is for the parser to say again (:mod:`mofcom_watch.review`)."""
    stored = aliased(Snapshot)
    stored_page = aliased(Page)
    rows = session.execute(
        select(HealthIssue.notice_key, HealthIssue.url, Snapshot.id, Snapshot.sha256, stored.sha256, stored_page.url,
               Snapshot.fetched_at, HealthIssue.last_seen, HealthIssue.detail, HealthIssue.kind)
        .join(Page, Page.url == HealthIssue.url)
        .join(Snapshot, and_(Snapshot.page_id == Page.id, Snapshot.sha256 == Page.last_sha256))
        .outerjoin(Notice, Notice.key == HealthIssue.notice_key)
        .outerjoin(stored, stored.id == Notice.snapshot_id)
        .outerjoin(stored_page, stored_page.id == stored.page_id)
        .where(HealthIssue.kind.in_((HealthKind.UNUSABLE_PAGE.value, HealthKind.OLDER_COPY.value)),
               HealthIssue.resolved_at.is_(None),
               HealthIssue.notice_key.is_not(None), Snapshot.notice_key == HealthIssue.notice_key)
        .order_by(HealthIssue.first_seen, HealthIssue.key)
    )
    return [HeldCopy(key, url, snap_id, sha, stored_sha, stored_url, as_utc(first), as_utc(last), detail,
                     kind == HealthKind.OLDER_COPY.value)
            for key, url, snap_id, sha, stored_sha, stored_url, first, last, detail, kind in rows
            if kind != HealthKind.OLDER_COPY.value or sha != stored_sha]


def review_key(notice_key: str, sha256: str) -> str:
    """The key of the record that a person accepted this copy (the bytes' SHA-256) as the notice."""
    return issue_key(HealthKind.REVIEW_ACCEPTED, notice_key, sha256)


def record_acceptance(session: Session, copy: HeldCopy, *, by: str, at: datetime, lost: tuple[str, ...],
                      note: str | None = None, taken_off: str | None = None,
                      renumbered_from: str | None = None) -> HealthIssue:
    """Record that ``by`` accepted ``copy`` at ``at`` (opened and closed at once), and close the copy's issue then.
    ``taken_off``: the copy reads as no notice, and what accepting it did to the notice (``mofcom_watch.review``).
    ``renumbered_from``: the copy is the notice renumbered in place, stored under that key before."""
    at = as_utc(at)
    shown = "、".join(lost[:LOST_LISTED]) + (f" and {len(lost) - LOST_LISTED} more" if len(lost) > LOST_LISTED else "")
    what = (f"accepted by {by} after review as the same notice renumbered in place, {renumbered_from} -> "
            f"{copy.notice_key} (its reading from the copy of SHA-256 {copy.stored_sha256 or 'none'}); no longer read"
            if renumbered_from else
            f"which reads as no notice, accepted by {by} after review: the notice taken off that page (its reading from "
            f"the copy of SHA-256 {copy.stored_sha256 or 'none'}); {taken_off}; no longer read from that page"
            if taken_off else
            f"accepted by {by} after review, replacing the stored copy (SHA-256 {copy.stored_sha256 or 'none'}); no "
            "longer read")
    detail = clean_text(
        f"{copy.notice_key}: the copy of {copy.url} first fetched {copy.first_seen:%Y-%m-%d %H:%M} UTC "
        f"(SHA-256 {copy.sha256}) {what}: {shown or 'nothing'}" + (f"; note: {note}" if note else ""))
    session.execute(update(HealthIssue)
                    .where(HealthIssue.key.in_((unusable_key(copy.url), older_copy_key(copy.url))),
                           HealthIssue.resolved_at.is_(None))
                    .values(resolved_at=at))
    key = review_key(copy.notice_key, copy.sha256)
    record = session.scalars(select(HealthIssue).where(HealthIssue.key == key)).one_or_none()
    if record is None:  # accepted once before, then another copy came and this one again: a new decision
        record = HealthIssue(key=key, kind=HealthKind.REVIEW_ACCEPTED.value)
        session.add(record)
    record.source, record.detail, record.url, record.notice_key = fit_key(by, BY_LEN), detail, copy.url, copy.notice_key
    record.run_id, record.first_seen, record.last_seen, record.resolved_at = None, at, at, at
    session.flush()
    return record


@dataclass(frozen=True)
class Acceptance:
    """One recorded acceptance; ``current``: the stored notice is still read from the accepted copy."""

    notice_key: str
    url: str
    sha256: str
    accepted_by: str
    accepted_at: datetime
    detail: str
    current: bool
    # the accepted copy (the stored one) reads as no notice: the ministry took it off its page, its reading withdrawn
    # (``mofcom_watch.review._take_off``, ``storage.notices.withdrawn``): no notice is read from it
    withdrawn: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"notice_key": self.notice_key, "url": self.url, "sha256": self.sha256,
                "accepted_by": self.accepted_by, "accepted_at": self.accepted_at.isoformat(),
                "detail": self.detail, "current": self.current}


def acceptances(session: Session, *, current_only: bool = False) -> list[Acceptance]:
    """The recorded acceptances, oldest first (``current_only``: those the stored notices are still read from)."""
    rows = session.execute(
        select(HealthIssue.key, HealthIssue.notice_key, HealthIssue.url, HealthIssue.source, HealthIssue.first_seen,
               HealthIssue.detail, Snapshot.sha256, Page.url, Snapshot.notice_key, Snapshot.outcome)
        .outerjoin(Notice, Notice.key == HealthIssue.notice_key)
        .outerjoin(Snapshot, Snapshot.id == Notice.snapshot_id)
        .outerjoin(Page, Page.id == Snapshot.page_id)
        .where(HealthIssue.kind == HealthKind.REVIEW_ACCEPTED.value,
               ~HealthIssue.key.startswith(f"{HealthKind.REVIEW_ACCEPTED}/{READ_PAGE}/"),
               ~HealthIssue.key.startswith(f"{HealthKind.REVIEW_ACCEPTED}/{GONE_PAGE}/"),
               ~HealthIssue.key.startswith(f"{HealthKind.REVIEW_ACCEPTED}/{HELD_STEP_PART}/"))
        .order_by(HealthIssue.first_seen, HealthIssue.key)
    )
    found = []
    for key, notice_key, url, by, at, detail, stored_sha, stored_url, read_as, outcome in rows:
        sha = key.rsplit("/", 1)[-1]
        current = stored_sha == sha and stored_url == url
        if current or not current_only:
            gone = current and not reads_as(notice_key or "", read_as, outcome)
            found.append(Acceptance(notice_key or "", url or "", sha, by, as_utc(at), detail, current, gone))
    return found


def read_page_key(url: str, sha256: str) -> str:
    """The key of the record that a person read this copy (the bytes' SHA-256) of a page the parser refused for review:
    the SHA-256 before the URL, so that a URL too long for the column still leaves it whole."""
    return issue_key(HealthKind.REVIEW_ACCEPTED, READ_PAGE, sha256, url)


def needs_review(detail: str | None) -> bool:
    """Whether a snapshot's detail is the parser's refusal for a person to read ("needs-review: why")."""
    return detail is not None and detail.partition(":")[0].strip() == NEEDS_REVIEW


def refused_why(detail: str | None) -> str:
    """The parser's reason without its tag ("needs-review: X" -> "X")."""
    tag, colon, why = (detail or "").partition(":")
    return why.strip() if colon and tag.strip() == NEEDS_REVIEW else (detail or "")


@dataclass(frozen=True)
class RefusedPage:
    """A page whose latest copy the parser refused for a person to read, with its open issue."""

    url: str
    snapshot_id: int
    sha256: str
    detail: str  # the parser's reason, "needs-review: ..."
    first_seen: datetime  # when these bytes were first fetched
    last_seen: datetime  # when they were last fetched (the issue's last sighting)
    # the notice an earlier version read these very bytes as, its reading withdrawn now (storage.notices.withdrawn)
    earlier: str | None = None

    @property
    def why(self) -> str:
        return refused_why(self.detail)

    def to_json(self) -> dict[str, Any]:
        return {"url": self.url, "sha256": self.sha256, "why": self.why, "first_seen": self.first_seen.isoformat(),
                "last_seen": self.last_seen.isoformat(), "earlier_reading": self.earlier}


def refused_pages(session: Session) -> list[RefusedPage]:
    """Every page with an open ``unusable-page`` issue whose latest copy the parser refused for a person to read
    (stored unusable under no notice's key, its detail tagged ``needs-review``), oldest issue first."""
    rows = session.execute(
        select(HealthIssue.url, Snapshot.id, Snapshot.sha256, Snapshot.detail, Snapshot.fetched_at,
               HealthIssue.last_seen)
        .join(Page, Page.url == HealthIssue.url)
        .join(Snapshot, and_(Snapshot.page_id == Page.id, Snapshot.sha256 == Page.last_sha256))
        .where(HealthIssue.kind == HealthKind.UNUSABLE_PAGE.value, HealthIssue.resolved_at.is_(None),
               HealthIssue.notice_key.is_(None), Snapshot.outcome == PageOutcome.UNUSABLE.value, Snapshot.notice_key.is_(None))
        .order_by(HealthIssue.first_seen, HealthIssue.key)
    )
    pages = [RefusedPage(url, snap_id, sha, detail, as_utc(first), as_utc(last))
             for url, snap_id, sha, detail, first, last in rows if needs_review(detail)]
    if not pages:
        return pages
    earlier = {snap_id: key for snap_id, key in session.execute(
        select(Notice.snapshot_id, Notice.key).where(Notice.snapshot_id.in_([p.snapshot_id for p in pages])))}
    return [replace(p, earlier=earlier.get(p.snapshot_id)) for p in pages]


def read_by_person(session: Session, url: str, sha256: str) -> bool:
    """Whether a person recorded reading this copy of ``url`` (``mofcom-watch accept URL SHA256``)."""
    key = read_page_key(url, sha256)
    return session.scalar(select(HealthIssue.id).where(HealthIssue.key == key).limit(1)) is not None


def record_reading(session: Session, page: RefusedPage, *, why: str, by: str, at: datetime,
                   note: str | None = None) -> HealthIssue:
    """Record that ``by`` read ``page``'s copy at ``at`` in place of the parser (opened and closed at once), mark the
    snapshot ``read-by-person`` and close the page's issue then. ``why``: the parser's reason as read now."""
    at = as_utc(at)
    detail = clean_text(
        f"{page.url}: the copy first fetched {page.first_seen:%Y-%m-%d %H:%M} UTC (SHA-256 {page.sha256}), which the "
        f"parser refused for a person to read ({why}), was read by {by}: read by a person, not by this parser; "
        "nothing of it is in the store's notices or the feeds" + (f"; note: {note}" if note else ""))
    session.execute(update(Snapshot).where(Snapshot.id == page.snapshot_id)
                    .values(outcome=PageOutcome.READ_BY_PERSON.value))
    session.execute(update(HealthIssue)
                    .where(HealthIssue.key == unusable_key(page.url), HealthIssue.resolved_at.is_(None))
                    .values(resolved_at=at))
    key = read_page_key(page.url, page.sha256)
    record = session.scalars(select(HealthIssue).where(HealthIssue.key == key)).one_or_none()
    if record is None:
        record = HealthIssue(key=key, kind=HealthKind.REVIEW_ACCEPTED.value)
        session.add(record)
    record.source, record.detail, record.url, record.notice_key = fit_key(by, BY_LEN), detail, page.url, None
    record.run_id, record.first_seen, record.last_seen, record.resolved_at = None, at, at, at
    session.flush()
    return record


@dataclass(frozen=True)
class Reading:
    """A person's record of reading a copy the parser refused; ``current``: the page's latest copy is still those
    bytes, still unread by the parser (nothing of it in the feeds)."""

    url: str
    sha256: str
    read_by: str
    read_at: datetime
    detail: str
    current: bool

    def to_json(self) -> dict[str, Any]:
        return {"url": self.url, "sha256": self.sha256, "read_by": self.read_by, "read_at": self.read_at.isoformat(),
                "detail": self.detail, "current": self.current}


def read_pages(session: Session, *, current_only: bool = False) -> list[Reading]:
    """The recorded readings of refused pages, oldest first (``current_only``: those whose page still serves the copy
    read, which the parser still does not read: what the feeds do not contain)."""
    rows = session.execute(
        select(HealthIssue.key, HealthIssue.url, HealthIssue.source, HealthIssue.first_seen, HealthIssue.detail,
               Snapshot.sha256, Snapshot.outcome)
        .outerjoin(Page, Page.url == HealthIssue.url)
        .outerjoin(Snapshot, and_(Snapshot.page_id == Page.id, Snapshot.sha256 == Page.last_sha256))
        .where(HealthIssue.kind == HealthKind.REVIEW_ACCEPTED.value,
               HealthIssue.key.startswith(f"{HealthKind.REVIEW_ACCEPTED}/{READ_PAGE}/"))
        .order_by(HealthIssue.first_seen, HealthIssue.key)
    )
    found = []
    for key, url, by, at, detail, latest, outcome in rows:
        sha = key.split("/")[2]
        current = latest == sha and outcome == PageOutcome.READ_BY_PERSON.value
        if current or not current_only:
            found.append(Reading(url or "", sha, by, as_utc(at), detail, current))
    return found


def gone_page_key(url: str) -> str:
    """The key of the record that a person checked that the page at ``url`` is gone (withdrawn or moved)."""
    return issue_key(HealthKind.REVIEW_ACCEPTED, GONE_PAGE, url)


def is_gone_check(key: str) -> bool:
    """Whether a review-accepted record's key says a person checked that a page is gone (:func:`gone_page_key`)."""
    return key.startswith(f"{HealthKind.REVIEW_ACCEPTED}/{GONE_PAGE}/")


def record_gone(session: Session, issue: HealthIssue, *, by: str, at: datetime, note: str | None = None) -> HealthIssue:
    """Record that ``by`` checked at ``at`` that the page of ``issue`` (open, the page answering 404 or 410) is gone,
    and close the issue then. The record names the notice the page held, if any; its listings stay as read."""
    at = as_utc(at)
    url = issue.url or ""
    held = session.execute(select(Notice.key, Notice.number).join(NoticeUrl).where(NoticeUrl.url == url)
                           .limit(1)).first()
    named = "" if held is None else f", which held {held.number} ({held.key})" if held.number else f", which held {held.key}"
    detail = clean_text(
        f"{url}{named}: gone (HTTP 404 or 410 since {as_utc(issue.first_seen):%Y-%m-%d %H:%M} UTC); {by} checked "
        "that the ministry withdrew or moved it. Nothing is lifted or removed for a page gone: its listings stay as "
        "read until a notice says otherwise; runs no longer ask for it" + (f"; note: {note}" if note else ""))
    issue.resolved_at = at
    key = gone_page_key(url)
    record = session.scalars(select(HealthIssue).where(HealthIssue.key == key)).one_or_none()
    if record is None:  # checked once before, listed and gone again since: a new check
        record = HealthIssue(key=key, kind=HealthKind.REVIEW_ACCEPTED.value)
        session.add(record)
    record.source, record.detail, record.url = fit_key(by, BY_LEN), detail, url
    record.notice_key = None if held is None else held.key
    record.run_id, record.first_seen, record.last_seen, record.resolved_at = None, at, at, at
    session.flush()
    return record


def checked_gone() -> Select[tuple[str]]:
    """The URLs of pages a person checked gone that have not answered since (plain SQL: the crawl asks it). Runs do
    not ask for them again as retries or re-checks; an index listing one again does (and a 404 then is a new problem).
    An answer in the check's second is one since (:func:`answered_since`)."""
    issues, pages = HealthIssue.__table__.c, Page.__table__.c
    return (select(issues.url).outerjoin(Page.__table__, pages.url == issues.url)
            .where(issues.kind == HealthKind.REVIEW_ACCEPTED.value,
                   issues.key.startswith(f"{HealthKind.REVIEW_ACCEPTED}/{GONE_PAGE}/"),
                   or_(pages.last_fetched_at.is_(None), pages.last_fetched_at < issues.first_seen)))


def answered_since(answered: datetime | None, checked: datetime) -> bool:
    """Whether a page that last answered at ``answered`` did so since a person checked it gone at ``checked``. Both
    are whole seconds (a fetch's time and the check's), so an answer in the check's own second counts as since: read
    as before it, the check stayed current and the page's next 404 was a note, health green (a run right after the
    check, in the same second: flaky40). ``accept URL gone`` records its check in a second after the page's last
    answer (``mofcom_watch.review.gone_check_moment``), and a 404 sets no page's time: no answer before it reads so."""
    return answered is not None and as_utc(answered) >= as_utc(checked)


@dataclass(frozen=True)
class GoneCheck:
    """A person's record that a page is gone; ``current``: the page has not answered since."""

    url: str
    notice_key: str | None
    checked_by: str
    checked_at: datetime
    detail: str
    current: bool

    def to_json(self) -> dict[str, Any]:
        return {"url": self.url, "notice_key": self.notice_key, "checked_by": self.checked_by,
                "checked_at": self.checked_at.isoformat(), "detail": self.detail, "current": self.current}


def gone_checks(session: Session, *, current_only: bool = False) -> list[GoneCheck]:
    """The recorded checks of pages gone, oldest first (``current_only``: those whose page has not answered since)."""
    rows = session.execute(
        select(HealthIssue.url, HealthIssue.notice_key, HealthIssue.source, HealthIssue.first_seen, HealthIssue.detail,
               Page.last_fetched_at)
        .outerjoin(Page, Page.url == HealthIssue.url)
        .where(HealthIssue.kind == HealthKind.REVIEW_ACCEPTED.value,
               HealthIssue.key.startswith(f"{HealthKind.REVIEW_ACCEPTED}/{GONE_PAGE}/"))
        .order_by(HealthIssue.first_seen, HealthIssue.key)
    )
    found = []
    for url, notice_key, by, at, detail, answered in rows:
        current = not answered_since(answered, at)
        if current or not current_only:
            found.append(GoneCheck(url or "", notice_key, by, as_utc(at), detail, current))
    return found


@dataclass(frozen=True)
class PersonRead:
    """A page whose latest copy a person read in the parser's place (``read-by-person``), as stored."""

    url: str
    snapshot_id: int
    source: str | None
    parser_version: str | None
    parser_digest: str | None


def person_read_pages(session: Session) -> list[PersonRead]:
    """The pages whose latest copy a person read in the parser's place, not checked gone, in URL order: a newer parser
    may read them (a rename, refused until session 36, read since), so ``mofcom_watch.personread`` hands them to it
    once. Few rows, read through ``ix_snapshot_outcome``. Plain SQL on the tables' columns: a cycle asks it before its
    first request, and in a fresh process an ORM query set up every mapper then (~0.09 s of CPU before the crawl, the
    first cycle's time outside HTTP 0.22 -> 0.30 in session 36), where the crawl's reads do it while a request waits."""
    pages, snapshots = Page.__table__.c, Snapshot.__table__.c
    rows = session.execute(
        select(pages.url, snapshots.id, pages.source, snapshots.parser_version, snapshots.parser_digest)
        .join(Snapshot.__table__, and_(snapshots.page_id == pages.id, snapshots.sha256 == pages.last_sha256))
        .where(snapshots.outcome == PageOutcome.READ_BY_PERSON.value, pages.url.not_in(checked_gone()))
        .order_by(pages.url))
    return [PersonRead(*row) for row in rows]
