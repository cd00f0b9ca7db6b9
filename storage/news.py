"""News reports: linked to the notice they report, published as ``news`` items, never a state change.

A report names its notice by number (``notice_key`` from the page), or only by date,
list and count; :func:`link_news` finds the official notice either way once it is
stored. A report with no official notice yet is flagged "reported, not yet confirmed"; so is a report of a step
(suspend, extend, lift, remove, restore) naming the notice the step acts on while no step of that kind on it is stored
(:func:`_step_stored`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, time, timedelta, timezone
from urllib.parse import urlsplit

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.health import open_issue
from storage.keys import issue_key
from storage.models import Action, HealthIssue, NewsReport, Notice, Page, Snapshot
from storage.notices import held_words, refused, withdrawn_notices
from storage.outcomes import PageOutcome
from storage.records import EventKind, EventRecord, EventScope, ListKind, NoticeKind, Provenance
from storage.vocabulary import TAG_PREFIX, HealthKind, naive_as_utc

MATCH_DAYS = 3  # a report appears on the notice's day or up to this many days later
STATE_ACTIONS = ("suspend", "extend", "lift", "remove", "restore")
# A report of a step that names the notice the step acts on ("…continue suspending the relevant measures of … (MOFCOM
# Announcement No. 21 of 2025)"): confirmed by a stored notice taking a step of that family on it, published up to
# STEP_DAYS before the report (an English version a week or more after the Chinese), or MATCH_DAYS after it.
STEP_DAYS = 30
FAMILIES = {"suspend": "suspend", "extend": "suspend", "lift": "lift", "remove": "lift", "lift_measure": "lift",
            "restore": "restore"}
# what the bytes a report was read from may be taken for now and still be its reading (a parser error withdraws nothing)
STILL_NEWS = frozenset({PageOutcome.NEWS.value, PageOutcome.ERROR.value})
KEYS_PER_QUERY = 400  # notice keys per IN (...) query
# A government site's host (www.mofcom.gov.cn, its news section reposting a wire report; www.gov.cn): a report found
# there is one the official sources carry, read by the notice parser (scraper/news/press.py), and the step it tells
# is the ministry's own. A news site's report of a step stays "reported, not yet confirmed" only.
OFFICIAL_HOST_SUFFIX = ".gov.cn"


def _candidates(session: Session, report: NewsReport) -> list[str]:
    """Keys of the stored notices a report without a number may be reporting."""
    if report.reported_date is None or report.reported_list is None:
        return []
    query = select(Notice.key).where(
        Notice.list == report.reported_list,
        Notice.published >= report.reported_date - timedelta(days=MATCH_DAYS),
        Notice.published <= report.reported_date,
        Notice.kind != "news",
    )
    if report.reported_action in STATE_ACTIONS:
        query = query.where(Notice.kind == NoticeKind.QA)  # suspensions and lifts come as Q&As
    elif report.reported_count is not None:
        query = query.where(Notice.stated_count == report.reported_count)
    else:
        return []
    return list(session.scalars(query.order_by(Notice.published.desc(), Notice.key)))


def link_news(session: Session) -> int:
    """Link every report to its notice where possible; returns how many are confirmed. Runs every
    cycle: reads keys and lists only (one query for the numbered reports), writes only what changed.

    A link to a stored notice of another list than the report's is dropped and made again: it was
    made from an earlier parse of the page that read another list (a report of the ECL suspension
    linked by date to the UEL Q&A of the same day), and the page has been parsed again since."""
    reports = list(session.scalars(select(NewsReport).order_by(NewsReport.id)))
    named = sorted({r.notice_key for r in reports if r.notice_key})
    # a notice whose stored reading this version withdraws (an earlier parser read bytes this one refuses: order38)
    # confirms nothing, as in a fresh store, which has no such notice (order43: mfa42's English report of MFA Decree
    # No. 201 "News: …" in a store upgraded from fec8b693, "reported, not yet confirmed" in a fresh one)
    gone = set(withdrawn_notices(session)) if reports else set()
    stored: dict[str, str | None] = {}
    for i in range(0, len(named), KEYS_PER_QUERY):
        query = select(Notice.key, Notice.list).where(Notice.key.in_(named[i : i + KEYS_PER_QUERY]))
        stored.update((key, lst) for key, lst in session.execute(query) if key not in gone)
    confirmed = 0
    for report in reports:
        linked_list = stored.get(report.notice_key) if report.notice_key else None
        if linked_list and report.reported_list and linked_list != report.reported_list:
            report.notice_key = None
        if report.notice_key:
            found = report.notice_key in stored and _step_stored(session, report)
        else:
            keys = [key for key in _candidates(session, report) if key not in gone]
            found = len(keys) == 1
            if found:
                report.notice_key = keys[0]
        if report.confirmed != found:
            report.confirmed = found
        confirmed += found
    _decrees_reported_only(session, reports, stored)
    _steps_reported_only(session, reports)
    session.flush()
    return confirmed


def reported_only(session: Session) -> list[str]:
    """The open issues of MFA decrees known from a report alone (:func:`_decrees_reported_only`) and of steps known from a
    report on an official site alone (:func:`_steps_reported_only`), a line each, for ``replay`` to say beside its other
    problems."""
    said = [f"reported in English only: {issue.notice_key} ({issue.url}): the Chinese decree is not stored"
            for issue in session.scalars(select(HealthIssue).where(
                HealthIssue.kind == HealthKind.DECREE_NOT_STORED.value, HealthIssue.resolved_at.is_(None))
                .order_by(HealthIssue.notice_key))]
    return said + [f"reported on an official site only: {issue.detail}" for issue in session.scalars(
        select(HealthIssue).where(HealthIssue.kind == HealthKind.STEP_NOT_STORED.value,
                                  HealthIssue.resolved_at.is_(None)).order_by(HealthIssue.url))]


REPORTED_ONLY = "MFA-ORDER-"  # the decrees a report may tell of before the store holds them (scraper/parse/mfa/english.py)


def _decrees_reported_only(session: Session, reports: list[NewsReport], stored: Mapping[str, str | None]) -> None:
    """A source-health issue for each MFA decree a report names (its English version, "Decree No. 232 of the Ministry of
    Foreign Affairs…") that the store does not hold: the Chinese decree is the one read, so its targets are in no item, and
    health was green (mfa41/42's B; session 43, the lead's decision: "reported in English; the Chinese decree is not
    stored"). Opened at the report's first fetch, resolved when the decree is stored, at its first sighting (both times
    the pages', so a replay gives the same items)."""
    missing: dict[str, NewsReport] = {}
    for report in reports:
        key = report.notice_key
        if key and key.startswith(REPORTED_ONLY) and key not in stored and key not in missing:
            missing[key] = report
    for key, report in missing.items():
        snapshot = session.get(Snapshot, report.snapshot_id) if report.snapshot_id is not None else None
        seen = naive_as_utc(snapshot.fetched_at) if snapshot is not None else _occurred(session, report, None)
        open_issue(session, key=issue_key(HealthKind.DECREE_NOT_STORED, key), source=report.source,
                   kind=HealthKind.DECREE_NOT_STORED, url=report.url, notice_key=key, seen=seen,
                   detail=(f"{report.url} reports MFA decree {key} (an English version or a report of it), and the Chinese "
                           "decree is not stored: its targets are in no item, entity feed or screening until it is read. "
                           "Check the MFA source (www.mfa.gov.cn) and its index."))
    open_issues = session.scalars(select(HealthIssue).where(HealthIssue.kind == HealthKind.DECREE_NOT_STORED.value,
                                                            HealthIssue.resolved_at.is_(None)))
    for issue in open_issues:
        if issue.notice_key not in missing:  # stored now (or no report names it any more)
            first = session.scalar(select(Notice.first_seen_at).where(Notice.key == issue.notice_key))
            issue.resolved_at = naive_as_utc(first) if first is not None else issue.last_seen


def _official(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    return host.endswith(OFFICIAL_HOST_SUFFIX) or host == OFFICIAL_HOST_SUFFIX[1:]


def _steps_reported_only(session: Session, reports: list[NewsReport]) -> None:
    """A source-health issue for each report on a government site (``_official``) of a step no stored notice takes
    (blind55/62, pages56/28, session 58: a Xinhua report reposted on www.mofcom.gov.cn, "中方决定，自2027年2月1日起，继续
    暂停实施…〔2025〕7号相关措施1年", was an index or "other" page, and where the answer itself was never fetched the step
    was missed and nothing said so). The report is not read as the step: a wire report retells the answer in its own
    words (an exception or a named entity may be left out), the answer is the ministry's text and key, and a step read
    from both would be told twice. So it stays news, and this problem says what it tells until a stored notice takes
    it (``_step_stored``; a report naming no notice, by its link), in either order: a folder holding both opens none.
    Opened at the report's first fetch; resolved at the newest sighting of a notice, which took the step by then."""
    told: dict[str, NewsReport] = {}
    for report in reports:
        if report.reported_action not in STATE_ACTIONS or not _official(report.url) or report.confirmed:
            continue
        if report.notice_key and _step_stored(session, report):
            continue
        snapshot = session.get(Snapshot, report.snapshot_id) if report.snapshot_id is not None else None
        if snapshot is not None and snapshot.outcome not in STILL_NEWS:
            continue  # its page no longer reads as the report (retracted in the news feed)
        told[issue_key(HealthKind.STEP_NOT_STORED, report.url)] = report
    for key, report in told.items():
        snapshot = session.get(Snapshot, report.snapshot_id) if report.snapshot_id is not None else None
        seen = naive_as_utc(snapshot.fetched_at) if snapshot is not None else _occurred(session, report, None)
        on = f" of {report.notice_key}" if report.notice_key else ""
        day = f" (reported {report.reported_date.isoformat()})" if report.reported_date else ""
        open_issue(session, key=key, source=report.source, kind=HealthKind.STEP_NOT_STORED, url=report.url,
                   notice_key=report.notice_key, seen=seen,
                   detail=(f"{report.url} reports a step ({report.reported_action}{on}{day}: "
                           f"\"{report.title or ''}\"); no stored notice takes it: the spokesperson's answer or the "
                           "notice that made it is not stored, and a report is never read as the step. Check the "
                           "MOFCOM sources (the spokesperson's answers) and their indexes."))
    query = select(HealthIssue).where(HealthIssue.kind == HealthKind.STEP_NOT_STORED.value,
                                      HealthIssue.resolved_at.is_(None))
    for issue in session.scalars(query):
        if issue.key not in told:
            newest = session.scalar(select(func.max(Notice.first_seen_at)).where(Notice.kind != "news"))
            last = naive_as_utc(issue.last_seen)
            issue.resolved_at = max(naive_as_utc(newest), last) if newest is not None else last


def _step_stored(session: Session, report: NewsReport) -> bool:
    """Whether the step a numbered report tells is stored: any report but one of a step (STATE_ACTIONS) is confirmed
    by the notice it names; a report of a step, by that notice where it takes a step of that family itself (an English
    version of a removal notice), else by a stored notice taking such a step on it near the report's day (story40,
    session 39: an English version of the Q&A extending No. 21 was "confirmed" by No. 21, the listing of April 2025,
    with no extension stored and the listing shown lapsed)."""
    family = FAMILIES.get(report.reported_action or "")
    if report.reported_action not in STATE_ACTIONS or family is None or report.reported_date is None:
        return True
    named = session.execute(select(Action.kind, Notice.published, Notice.list).join(Notice, Notice.id == Action.notice_id)
                            .where(Notice.key == report.notice_key)).all()
    if any(FAMILIES.get(kind) == family for kind, _, _ in named):
        return True
    # a step names its notice by number, or by its day and list ("2025年4月4日…被列入出口管制管控名单的…实体")
    by_day = {(day.isoformat(), lst) for _, day, lst in named if day is not None}
    rows = session.execute(
        select(Action.kind, Action.targets).join(Notice, Notice.id == Action.notice_id).where(
            Notice.published >= report.reported_date - timedelta(days=STEP_DAYS),
            Notice.published <= report.reported_date + timedelta(days=MATCH_DAYS),
            Notice.kind != "news", Action.kind.in_([k for k, f in FAMILIES.items() if f == family])))
    return any(isinstance(t, dict) and (t.get("key") == report.notice_key
                                        or t.get("key") is None and (t.get("date"), t.get("list")) in by_day)
               for _, targets in rows for t in targets or ())


def _occurred(session: Session, report: NewsReport, snapshot: Snapshot | None) -> datetime:
    """The report's own date; undated, when its page was first fetched (its first snapshot: a later copy of
    other bytes does not move the item)."""
    if report.published is not None:
        return datetime.combine(report.published, time(0, 0), tzinfo=timezone.utc)
    if snapshot is not None:
        first = session.scalar(select(func.min(Snapshot.fetched_at)).where(Snapshot.page_id == snapshot.page_id))
        return naive_as_utc(first if first is not None else snapshot.fetched_at)
    return datetime(1970, 1, 1, tzinfo=timezone.utc)


def _retracted(session: Session, event: EventRecord, snapshot: Snapshot, url: str) -> EventRecord:
    """The report's item retracted, saying why: an earlier parser read these bytes as a news report and this version
    reads them otherwise (no notice, a notice, refused: order39, the same as a notice's withdrawn reading). The
    report's row stays; a fresh store would hold no item of it, so readers of the earlier one learn it is gone."""
    page = session.get(Page, snapshot.page_id)
    at = naive_as_utc(page.last_fetched_at) if page is not None and page.last_fetched_at else event.occurred
    now = (f"as {snapshot.notice_key}" if snapshot.notice_key
           else f"as no news report ({snapshot.outcome}{': ' + snapshot.detail if snapshot.detail else ''})")
    return replace(event, id=f"{event.id}/correction/1", kind=EventKind.CORRECTION, occurred=at, updated=at,
                   title=(f"Retracted: {event.title}: the page no longer reads as a news report "
                          f"({held_words(refused(snapshot.outcome, snapshot.notice_key))})"), corrects=event.id, corrected=event.provenance,
                   summary=(f"An earlier version of mofcom-watch read {url} (SHA-256 {snapshot.sha256}) as a news "
                            f"report; this version reads the same bytes {now}. What the item said is withdrawn: "
                            "disregard it."))


def news_events(session: Session) -> list[EventRecord]:
    """One ``news`` item per report of a list action; stable ids; newest first. A report whose bytes this version no
    longer reads as news is its retraction instead (:func:`_retracted`)."""
    events = []
    for report in session.scalars(select(NewsReport).order_by(NewsReport.url)):
        if report.reported_list is None and report.reported_action is None:
            continue  # names a list only where it reports an action on it
        snapshot = session.get(Snapshot, report.snapshot_id) if report.snapshot_id else None
        occurred = _occurred(session, report, snapshot)
        digest = hashlib.sha256(report.url.encode("utf-8")).hexdigest()[:12]
        lst = ListKind(report.reported_list) if report.reported_list else None  # None: a notice named, no list
        what = " ".join(x for x in (
            report.reported_action or "reports", f"{report.reported_count} entities" if report.reported_count else "",
            f"({lst.value.upper()})" if lst else "") if x)
        if report.confirmed and report.notice_key:
            status = f"Official notice: {report.notice_key}."
            title = f"News: {report.title or report.url}"
        else:
            status = ("Reported, not yet confirmed: no official MOFCOM notice for this is stored yet"
                      + (f" (the report names {report.notice_key})." if report.notice_key else "."))
            title = f"News (reported, not yet confirmed): {report.title or report.url}"
        undated = ""
        if report.published is None:  # dated by its first fetch, and saying so
            day = occurred.date().isoformat()
            title = title.replace("News", f"News (undated, first fetched {day})", 1)
            undated = f" The report states no date: this item is dated {day}, when its page was first fetched."
        event = EventRecord(
            id=f"{TAG_PREFIX}news/{digest}", kind=EventKind.NEWS, scope=EventScope.NEWS, list=lst,
            notice_key=report.notice_key if report.confirmed else None, source_key=None, entity_key=None,
            effective=report.reported_date, until=None, occurred=occurred, updated=occurred, title=title,
            summary=f"{report.source} {what}. {status}{undated} News never changes a listing's state by itself.",
            provenance=(Provenance(
                notice_key=report.notice_key or "", number=None, title=report.title, urls=(report.url,),
                fetched_at=snapshot.fetched_at if snapshot else None, sha256=snapshot.sha256 if snapshot else None,
            ),),
            extra=(("source", report.source), ("confirmed", "yes" if report.confirmed else "no"),
                   ("url", report.url)) + ((("dated", "first fetched"),) if report.published is None else ()),
        )
        if snapshot is not None and snapshot.outcome not in STILL_NEWS:
            event = _retracted(session, event, snapshot, report.url)
        events.append(event)
    events.sort(key=lambda e: (e.occurred, e.id), reverse=True)
    return events
