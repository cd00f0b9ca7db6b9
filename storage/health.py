"""Source health: what each run did per source, and problems said loudly.

Every run writes one ``SourceRun`` row per source (fetched, new, changed, unchanged,
failed and why). Problems become ``HealthIssue`` rows with stable keys: an index that
yields zero links (``zero-links``), an unusable answer (``unusable-page``: bot check,
404, redirect off-site, JS shell ...), a source failing three runs in a row
(``failing``); the storage layer adds ``count-mismatch`` and ``alias-conflict``. An
issue is resolved when a later run shows the problem gone. Issues become
``source_health`` items (scope ``health``) via :func:`health_events`; they never
change any listing's state.

A source's *warnings* (``HealthKind.WARNING``: an index redirected out of its column) are kept as issues of
their own kind, opened and refreshed by each run that sees the oddity and resolved by the next run of that
source that does not (its URL answered without it, or the run was clean). They are shown (``status``,
``/healthz``, the front page) apart from the issues and fail nothing: :func:`open_health_issues` leaves them
out, :func:`open_warnings` reads them, and they make no feed item (a routine redirect would cry wolf), but for an
index row naming a numbered notice that no source follows (``unfollowed-row``): a notice unread is an item's news.
"""

from __future__ import annotations

import functools
import re
import shlex
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, and_, func, literal_column, select
from sqlalchemy.orm import Session, aliased

from storage.heldsteps import PUBLISHED, decision_parts, is_decision
from storage.keys import issue_key, unfitted_key
from storage.models import HealthIssue, Notice, NoticeUrl, Page, Publication, Snapshot, SourceRun
from storage.outcomes import UNUSABLE_OUTCOMES, PageOutcome, SourceReport
from storage.records import EventKind, EventRecord, EventScope
from storage.reviews import READ_PAGE, checked_gone, is_gone_check
from storage.snapshots import touch_pages
from storage.vocabulary import (
    GAP_ANSWER_RE,
    GAP_BETWEEN_RE,
    PAGE_KEY,
    TAG_PREFIX,
    WEB_SCHEMES,
    FailureReason,
    HealthKind,
    Oddity,
    OddityReason,
    as_utc,
    naive_as_utc,
    source_label,
)

HELD_BACK_SOURCE = "publish"  # the held-back issue belongs to the publish step, not to one source
HELD_BACK_LISTED = 10  # items named in the issue's detail; the rest are counted
FAILING_RUNS = 3  # consecutive unclean runs before a source is reported as failing
# the counts in a count-mismatch issue's text (storage.readagain.mismatch_detail: "…: parsed 0 entities, the notice
# states 20 (…"), for its title (reader34 B2: the numbers were in the body only)
MISMATCH_COUNTS = re.compile(r": parsed (?P<parsed>\d+) entities, the notice states (?P<stated>\d+) \(")
# What an open issue means for a reader of the feeds, after "not a change to any listing" (which alone reads as "no
# change"): a page not read may hold a change no item tells; a notice read short names fewer entities than it lists.
NOT_READ = " While it lasts, a change published there may be missing from the feeds: no new item is no sign of no change."
MEANING = {HealthKind.ZERO_LINKS: NOT_READ, HealthKind.UNUSABLE_PAGE: NOT_READ, HealthKind.FAILING: NOT_READ,
           HealthKind.COUNT_MISMATCH: " The entities not read are in no item, entity feed or screening until the "
                                      "notice is read whole.",
           HealthKind.HELD_STEP: " The held step is in no item, entity feed or screening until a person publishes it.",
           HealthKind.DECREE_NOT_STORED: " The decree's targets are in no item, entity feed or screening until the Chinese "
                                         "decree is read.",
           HealthKind.STEP_NOT_STORED: " The step is in no item, entity feed or screening until the answer or notice "
                                       "that made it is read.",
           HealthKind.NO_NUMBER: " Its items are published under a key of no number: a later notice's step naming its "
                                 "number reaches none of them until the page is read with its number."}
# fetch failures that mean "this URL answers with something that is not content" (or, an index's gap, not all of it:
# an issue of its own at once, not "its last run could not fetch")
UNUSABLE_REASONS = frozenset({"bot-check", "not-found", "redirect-off-site", "too-large", "unusable",
                              FailureReason.WRONG_PAGE.value, FailureReason.INDEX_GAP.value})
# A page fetched whole that the parser refused or read short of its stated count: each opens an issue of its own (the
# pipeline's unusable-page, count-mismatch), kept until the page reads whole or a person has read it, maybe for days. No
# sign that the source could not be fetched: not "its last run could not fetch", nor "failed 3 runs in a row" (story33
# S5: a rename refused for review said both of a source whose every page answered).
READ_FAILURES = frozenset({FailureReason.UNUSABLE_CONTENT.value, FailureReason.INCOMPLETE.value,
                           # an index read whole whose rows before may be unread (scraper.discovery.GAP): its own
                           # problem, kept until read or accepted, and what it could falsify held back meanwhile
                           # (held_sources); not "could not fetch", nor a source "failing" 3 runs in a row
                           FailureReason.INDEX_GAP.value})
# the detail an index-gap problem is stored with (record_source_run): "{url}: index-gap: {scraper.discovery.GAP}"
GAP_MARK = f": {FailureReason.INDEX_GAP.value}: "
# what an item of an index row not followed adds (fed_warning): the notice it names is in no item until a source reads it
UNFOLLOWED_MEANING = (" The notice that row names is in no item, entity feed or screening until a source reads it; "
                      "the warning stays while the index lists the row.")
GONE_REASON = "not-found"  # a page answering 404 or 410 (scraper.fetch.client's reason; a soft 404's too)
# A page two sources list (a column's html index and its jpaas list) that fails for both is an issue of each source
# (the keys hold the source: ids unchanged); each names the other's, so a reader sees one page, not two faults
# (health35 L6/L11: two items, the same text, neither saying so)
ALSO_OPEN = " (one page: its problem is open for {sources} too)"


@dataclass(frozen=True)
class HealthChange:
    opened: tuple[str, ...] = ()
    resolved: tuple[str, ...] = ()
    extra: tuple[str, ...] = field(default=())


def open_issue(session: Session, *, key: str, source: str, kind: HealthKind, detail: str, seen: datetime,
               url: str | None = None, notice_key: str | None = None, run_id: str | None = None,
               before: str | None = None) -> str | None:
    """Open or refresh an issue; its key when it was not open before. ``before``: the key it may be stored under
    instead (``storage.keys.unfitted_key``); the first stored is refreshed, under the key it has."""
    keys = [key] if before is None else [key, before]
    issue = session.scalars(select(HealthIssue).where(HealthIssue.key.in_(keys)).order_by(HealthIssue.id)).first()
    if issue is None:
        session.add(HealthIssue(key=key, source=source, kind=kind, detail=detail, url=url, notice_key=notice_key,
                                run_id=run_id, first_seen=seen, last_seen=seen))
        session.flush()
        return key
    was_open = issue.resolved_at is None
    if not was_open:  # reopened: a new item in the feed
        issue.reopen(seen)
    issue.detail, issue.url, issue.run_id, issue.last_seen = detail, url, run_id, seen
    session.flush()
    return None if was_open else issue.key


def previous_runs(session: Session, source: str, limit: int = FAILING_RUNS) -> list[SourceRun]:
    return list(session.scalars(
        select(SourceRun).where(SourceRun.source == source).order_by(SourceRun.id.desc()).limit(limit)
    ))


def held_sources(session: Session, ignore: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Sources whose last run failed: what they failed to give could falsify a lapse or a presumed
    state, so such items wait for them. Only until a source has failed FAILING_RUNS runs in a row:
    then it is reported failing and everything is derived from what is stored. ``ignore``: news
    sources (they never change a state). A source with an open ``index-gap`` problem (:func:`gap_issues`) is held
    however many runs it lasts: its rows pushed off unread are read by no later run, and the problem closes only once
    they are listed again or a person accepts the gap (cycles58's B4: held one run, then the lapse published, exit 0)."""
    names = sorted(set(source_names(session)) - ignore)
    gapped = {issue.source for issue in gap_issues(session)}
    held = []
    for name in names:
        runs = previous_runs(session, name, FAILING_RUNS)
        if name in gapped or (runs and not runs[0].ok and not (len(runs) >= FAILING_RUNS and not any(r.ok for r in runs))):
            held.append(name)
    return tuple(held)


def gap_issues(session: Session, source: str | None = None) -> list[HealthIssue]:
    """The open ``index-gap`` problems (``scraper.discovery.GAP``: an index of one page that listed none of its last
    copy's rows), of ``source`` or of every source, oldest first."""
    mine = (HealthIssue.source == source,) if source is not None else ()
    return list(session.scalars(select(HealthIssue).where(
        HealthIssue.kind == HealthKind.UNUSABLE_PAGE.value, HealthIssue.resolved_at.is_(None),
        HealthIssue.url.is_not(None), HealthIssue.detail.contains(GAP_MARK, autoescape=True), *mine)
        .order_by(HealthIssue.first_seen, HealthIssue.key)))


@dataclass(frozen=True)
class GapPage:
    """An index whose open ``index-gap`` problem waits for a person (``review`` lists it; ``accept URL SHA``)."""

    url: str
    source: str
    since: str  # the dates between which the column's rows may be unread, as the problem gives them
    until: str
    sha256: str | None  # the answer that showed the gap: what ``accept`` takes
    detail: str
    first_seen: datetime
    last_seen: datetime

    @property
    def command(self) -> str:
        return f"mofcom-watch accept {shlex.quote(self.url)} {self.sha256 or 'SHA-256'}"

    def to_json(self) -> dict[str, Any]:
        return {"url": self.url, "source": self.source, "since": self.since, "until": self.until,
                "sha256": self.sha256, "detail": self.detail, "first_seen": self.first_seen.isoformat(),
                "last_seen": self.last_seen.isoformat(), "command": self.command}


def gap_pages(session: Session) -> list[GapPage]:
    """Every index :func:`gap_issues` finds open, oldest first, with what a person reads and the command after."""
    found = []
    for issue in gap_issues(session):
        text = gap_text(issue.url, issue.detail) or ""
        between = GAP_BETWEEN_RE.search(text)
        answer = GAP_ANSWER_RE.search(text)
        found.append(GapPage(issue.url or "", issue.source, between.group(1) if between else "?",
                             between.group(2) if between else "?", answer.group(1) if answer else None, text,
                             as_utc(issue.first_seen), as_utc(issue.last_seen)))
    return found


def gap_text(url: str | None, detail: str) -> str | None:
    """What an open index-gap problem of the index at ``url`` says (``scraper.discovery.GAP``'s text), its detail
    without the URL, the reason and :data:`ALSO_OPEN`; None for another issue's detail."""
    head = f"{url}{GAP_MARK}"
    if url is None or not detail.startswith(head):
        return None
    return detail[len(head):].split(ALSO_OPEN.split("{", 1)[0], 1)[0]


def source_names(session: Session) -> list[str]:
    """Every source with a stored run, in order. The run table grows by one row per source and run:
    this walks its source index from one name to the next (a recursive query, one index lookup per
    name) instead of reading every row as ``SELECT DISTINCT`` would, so a cycle's cost does not grow
    with the history."""
    return list(session.scalars(_source_names_query()))


@functools.cache
def _source_names_query() -> Select[tuple[str]]:
    """:func:`source_names`' query, built once per process (it has no parameters; building it costs ~0.5 ms, more
    than running it, and every cycle asks it)."""
    later = aliased(SourceRun)
    walk = select(func.min(SourceRun.source).label("name")).cte("names", recursive=True)
    walk = walk.union_all(
        select(select(func.min(later.source)).where(later.source > walk.c.name).scalar_subquery())
        .where(walk.c.name.is_not(None))
    )
    return select(walk.c.name).where(walk.c.name.is_not(None)).order_by(literal_column("name"))


def has_run(session: Session, source: str) -> bool:
    """True once a source has finished at least one run (later runs are updates, not backfills)."""
    return session.scalars(select(SourceRun.id).where(SourceRun.source == source).limit(1)).first() is not None


def has_clean_run(session: Session, source: str) -> bool:
    """True once a source has had a run without failures: until then every run is a backfill,
    so an index walk cut short by a fault is completed later. Plain SQL on the table: a cycle asks this before its
    first request, and the ORM would first set up every mapper (see :meth:`storage.pages.PageStore.validators`)."""
    runs = SourceRun.__table__.c
    if session.scalars(select(runs.id).where(runs.source == source, runs.ok.is_(True)).limit(1)).first() is not None:
        return True
    # a run whose only failures are pages read but refused or read short walked its indexes whole: it ends the
    # backfill too (story33 S6: a first deployment whose site held a page refused for a person to read walked back
    # to ``since`` every cycle until a person read it)
    return any(not fetch_failed(ok, failures) for ok, failures in session.execute(
        select(runs.ok, runs.failures).where(runs.source == source, runs.ok.is_(False))))


def covered_sources(session: Session, names: Collection[str], as_of: date) -> frozenset[str]:
    """The sources of ``names`` with a clean run (``ok``: every page it needed read, no failure) that read as of
    ``as_of`` or a later day (``SourceRun.as_of``): one begun after ``as_of`` began in Beijing, so what its pages said
    by then was read. A run that leaves such a source out holds back nothing for it: the last of a day's split runs
    (a cron of one ``run --source`` per entry) publishes the lapse. Not the run's wall-clock times: a run of a past day
    (``--as-of``) or of a pinned "today" (``MOFCOM_WATCH_TODAY``) would cover every day before the clock's, and a run
    of yesterday's as-of is no proof for today. Rows before revision 0019 (no ``as_of``) cover no day."""
    if not names:
        return frozenset()
    runs = SourceRun.__table__.c
    return frozenset(session.scalars(select(runs.source).distinct().where(
        runs.source.in_(sorted(names)), runs.ok.is_(True), runs.as_of >= as_of)))


def left_out_waits(session: Session, names: Collection[str], as_of: date,
                   unmirrored: Collection[str] = ()) -> tuple[LeftOutWait, ...]:
    """Of the sources ``names`` a run leaves out, those a run of this store read on an earlier day than ``as_of``
    without a clean run of them covering that day (:func:`covered_sources`), with the last such day (``since``): an
    item of that day or before still held back for them on ``as_of`` has waited more than a day. None for a source
    whose last clean run covers the last day a run read before ``as_of`` (a split cron's first entry of the day, the
    other entry clean yesterday), nor on a store's first day. ``unmirrored``: those skipped for want of a base URL."""
    runs = SourceRun.__table__.c
    waits = []
    for name in sorted(names):
        last_clean = session.scalar(select(func.max(runs.as_of)).where(runs.source == name, runs.ok.is_(True)))
        since = select(func.max(runs.as_of)).where(runs.as_of < as_of)
        day = session.scalar(since if last_clean is None else since.where(runs.as_of > last_clean))
        if day is not None:
            waits.append(LeftOutWait(name, day, last_clean, name in unmirrored))
    return tuple(waits)


def last_deep_walk(session: Session, source: str) -> datetime | None:
    """When the source's last deep walk started (a backfill, or the daily deeper walk, that read every index page it
    asked: ``SourceRun.deep``), or None. Plain SQL, newest first from the source's rows: at most a day's runs are read
    (:func:`has_clean_run`: asked while a crawl's first request waits)."""
    runs = SourceRun.__table__.c
    return session.scalars(select(runs.started_at).where(runs.source == source, runs.deep.is_(True))
                           .order_by(runs.id.desc()).limit(1)).first()


def write_marks(session: Session) -> dict[str, int | None]:
    """The newest snapshot and publication ids, for a run row about to be written (``SourceRun.snapshot_mark``,
    ``publication_mark``): what was stored or published after that row has a greater id. Times cannot tell it: they
    are whole seconds, and a cycle started in the second its previous run finished read as that run's (session 34's
    flaky trio, ops35). Two look-ups of a primary key's end; 0 for none yet (None is a row before revision 0015)."""
    return {"snapshot_mark": session.scalar(select(func.coalesce(func.max(Snapshot.__table__.c.id), 0))),
            "publication_mark": session.scalar(select(func.coalesce(func.max(Publication.__table__.c.id), 0)))}


def crawl_cut_short(session: Session, source: str) -> bool:
    """Whether the source's last crawl ended without its run row (killed by a container's stop timeout or the OOM
    killer, stopped, crashed): an index page of it stored after its last run row was written. The rows that index
    listed new may be unread, and it answers 304 (or the same bytes) next time, where an update stops without reading
    its links: the next crawl walks deep, reading them from the stored copy (session 31: such a notice waited for the
    next day's deep walk, nothing said). "After" is read from the snapshot ids (``SourceRun.snapshot_mark``), not the
    fetch times, which are whole seconds: an index stored by a cycle started in the second the last run finished read
    as that run's (ops35). A row of a run before revision 0015 has no mark: its finish time is compared, as before.
    Plain SQL (:func:`has_clean_run`)."""
    runs, pages, snaps = SourceRun.__table__.c, Page.__table__.c, Snapshot.__table__.c
    last = session.execute(select(runs.snapshot_mark, runs.finished_at).where(runs.source == source)
                           .order_by(runs.id.desc()).limit(1)).first()
    if last is None:
        return False
    after = (snaps.id > last.snapshot_mark if last.snapshot_mark is not None
             else snaps.fetched_at > select(func.max(runs.finished_at)).where(runs.source == source).scalar_subquery())
    return session.scalars(
        select(snaps.id).join(Page.__table__, pages.id == snaps.page_id)
        .where(pages.source == source, snaps.outcome == PageOutcome.INDEX, after).limit(1)
    ).first() is not None


def pending_urls(session: Session, source: str) -> list[str]:
    """URLs that failed in the source's last run: the next run retries them, so nothing is lost. Plain SQL on the
    table (:func:`has_clean_run`: a crawl asks this while its first request waits, best without the ORM)."""
    runs = SourceRun.__table__.c
    last = session.execute(
        select(runs.failures).where(runs.source == source).order_by(runs.id.desc()).limit(1)
    ).first()
    if last is None:
        return []
    urls = {f["url"] for f in last.failures or [] if f.get("reason") != FailureReason.ZERO_LINKS}
    if urls:  # a page a person checked gone is asked for again only by an index listing it
        urls -= set(session.scalars(checked_gone().where(HealthIssue.__table__.c.url.in_(urls))))
    return sorted(urls)


def gone_issue(session: Session, url: str) -> HealthIssue | None:
    """The open issue of the page at ``url`` answering 404 or 410 (a source's run opened it), if there is one."""
    return session.scalars(select(HealthIssue).where(
        HealthIssue.kind == HealthKind.UNUSABLE_PAGE.value, HealthIssue.url == url, HealthIssue.resolved_at.is_(None),
        HealthIssue.detail.startswith(f"{url}: {GONE_REASON}:", autoescape=True)).order_by(HealthIssue.id).limit(1)).first()


@dataclass(frozen=True)
class GonePage:
    """A page answering 404 or 410 whose open issue waits for a person's check (``accept URL gone``)."""

    url: str
    detail: str  # the issue's: the reason, and the notice the page held
    first_seen: datetime
    last_seen: datetime

    def to_json(self) -> dict[str, Any]:
        return {"url": self.url, "detail": self.detail, "first_seen": self.first_seen.isoformat(),
                "last_seen": self.last_seen.isoformat()}


def gone_pages(session: Session) -> list[GonePage]:
    """Every page :func:`gone_issue` would find open, oldest first: ``review`` lists them with what waits for a person
    (docs33: ``status`` exited 1 on such a page while ``review`` said "Nothing held back for review.", exit 0)."""
    rows = session.execute(select(HealthIssue.url, HealthIssue.detail, HealthIssue.first_seen, HealthIssue.last_seen)
                           .where(HealthIssue.kind == HealthKind.UNUSABLE_PAGE.value, HealthIssue.resolved_at.is_(None),
                                  HealthIssue.url.is_not(None))
                           .order_by(HealthIssue.first_seen, HealthIssue.key))
    return [GonePage(url, detail, as_utc(first), as_utc(last)) for url, detail, first, last in rows
            if detail.startswith(f"{url}: {GONE_REASON}:")]


def record_source_run(session: Session, run_id: str, report: SourceReport, as_of: date | None = None) -> HealthChange:
    """Store the run row, open new issues, resolve the ones this run shows fixed. ``as_of``: the day the run read as
    of (a clean run covers it for the runs that leave its source out: :func:`covered_sources`)."""
    seen = naive_as_utc(report.finished_at)
    session.add(SourceRun(
        run_id=run_id, source=report.source, started_at=naive_as_utc(report.started_at), finished_at=seen,
        fetched=report.counts.fetched, new=report.counts.new, changed=report.counts.changed,
        unchanged=report.counts.unchanged, failed=report.counts.failed, links=report.counts.links, ok=report.ok,
        failures=[f.to_json() for f in report.failures], deep=report.read_deep, as_of=as_of, **write_marks(session),
    ))
    session.flush()
    opened: list[str] = []
    for failure in report.failures:
        if failure.reason == FailureReason.ZERO_LINKS:
            parts = (report.source, HealthKind.ZERO_LINKS, failure.url)
            if key := open_issue(session, key=issue_key(*parts), before=unfitted_key(*parts), source=report.source,
                                 kind=HealthKind.ZERO_LINKS, seen=seen, url=failure.url, run_id=run_id,
                                 detail=f"index {failure.url} yielded no new links: the page layout or the list endpoint may "
                                 f"have changed (a broken source, not an empty list). {failure.detail}".strip()):
                opened.append(key)
        elif failure.reason in UNUSABLE_REASONS:
            parts = (report.source, HealthKind.UNUSABLE_PAGE, failure.url)
            gone = _gone_notice(session, failure.url) if failure.reason == GONE_REASON else ""
            also = _also_open(session, failure.url, report.source)
            if key := open_issue(session, key=issue_key(*parts), before=unfitted_key(*parts), source=report.source,
                                 kind=HealthKind.UNUSABLE_PAGE, seen=seen, url=failure.url, run_id=run_id,
                                 detail=f"{failure.url}: {failure.reason}: {failure.detail}{also}{gone}"):
                opened.append(key)
    moments: dict[datetime, list[str]] = {}  # a 304 is a check too: the page says when it last answered
    for url, at in report.not_modified:
        moments.setdefault(at, []).append(url)
    for at, urls in moments.items():
        touch_pages(session, urls, fetched_at=at, status=None, source=report.source)
    warned = {_warn(session, report.source, oddity, seen, run_id) for oddity in report.warnings}
    runs = previous_runs(session, report.source, FAILING_RUNS)
    failing_key = issue_key(report.source, HealthKind.FAILING)
    if len(runs) >= FAILING_RUNS and all(fetch_failed(r.ok, r.failures) for r in runs):
        reasons = sorted({f["reason"] for r in runs for f in (r.failures or [])})
        if open_issue(session, key=failing_key, source=report.source, kind=HealthKind.FAILING, seen=seen, run_id=run_id,
                      detail=f"source {report.source} had failures in {FAILING_RUNS} runs in a row ({', '.join(reasons)})"):
            opened.append(failing_key)
    resolved = _resolve(session, report, seen, warned)
    return HealthChange(opened=tuple(opened), resolved=tuple(resolved))


def fetch_failed(ok: bool, failures: Iterable[dict[str, Any]] | None) -> bool:
    """Whether a run failed as a source: not clean, and not only for pages read but refused or read short
    (``READ_FAILURES``)."""
    return not ok and not (failures and all(f.get("reason") in READ_FAILURES for f in failures))


def _also_open(session: Session, url: str, source: str) -> str:
    """``ALSO_OPEN`` naming the other sources with an open unusable-page issue for ``url``, or ""."""
    others = session.scalars(select(HealthIssue.source).distinct().where(
        HealthIssue.url == url, HealthIssue.kind == HealthKind.UNUSABLE_PAGE.value, HealthIssue.resolved_at.is_(None),
        HealthIssue.source != source).order_by(HealthIssue.source)).all()
    return ALSO_OPEN.format(sources=", ".join(others)) if others else ""


def _gone_notice(session: Session, url: str) -> str:
    """What an officer must know of a page that is gone (404, 410) where a stored notice was read: which notice, and
    that nothing of it was changed (story32 S5: the item named the URL alone, "not a change to any listing", while the
    ministry may have withdrawn the notice). "" for a URL that held no stored notice."""
    found = session.execute(select(Notice.key, Notice.number, Notice.first_seen_at).join(NoticeUrl)
                            .where(NoticeUrl.url == url).limit(1)).first()
    if found is None:
        return ""
    key, number, first = found
    named = f"{number} ({key})" if number else key
    return (f". This page held {named}, stored since {as_utc(first):%Y-%m-%d}: the ministry may have withdrawn or moved "
            "it. Its listings stay as read (nothing is lifted or removed for a page gone) until a notice says otherwise; "
            f"check the ministry's site, then record it: mofcom-watch accept {shlex.quote(url)} gone")  # ('&' in a URL)


def warning_key(source: str, oddity: Oddity) -> str:
    """A source's warning about one URL, one per reason: the same key while the oddity lasts."""
    return issue_key(source, HealthKind.WARNING, oddity.reason, oddity.url)


def _warn(session: Session, source: str, oddity: Oddity, seen: datetime, run_id: str) -> str:
    key = warning_key(source, oddity)
    open_issue(session, key=key, source=source, kind=HealthKind.WARNING, seen=seen, url=oddity.url, run_id=run_id,
               detail=oddity.detail or f"{oddity.url}: {oddity.reason}")
    return key


def _resolve(session: Session, report: SourceReport, seen: datetime, warned: Collection[str] = ()) -> list[str]:
    """The open issues this run shows fixed; ``warned``: the source's warnings this run raised again (kept open)."""
    resolved = []
    for issue in session.scalars(select(HealthIssue).where(HealthIssue.resolved_at.is_(None))):
        fixed = (
            (issue.kind == HealthKind.ZERO_LINKS and issue.source == report.source and issue.url in report.linked_indexes)
            or (issue.kind == HealthKind.UNUSABLE_PAGE and issue.url is not None and issue.url in report.good_urls)
            or (issue.kind == HealthKind.FAILING and issue.source == report.source
                and not fetch_failed(report.ok, [f.to_json() for f in report.failures]))
            # a warning ends with the first run of its source that does not see it, where its URL answered (or
            # the run was clean: a page the crawl no longer reaches is not kept in a warning for good)
            or (issue.kind == HealthKind.WARNING and issue.source == report.source and issue.key not in warned
                and (report.ok or issue.url in report.good_urls))
        )
        if fixed:
            issue.resolved_at = seen
            resolved.append(issue.key)
    session.flush()
    return resolved


@dataclass(frozen=True)
class IndexCheck:
    """When one index page of a source last answered (200 or 304), and when the bytes stored for it
    were fetched: checked later than stored means checked and unchanged since."""

    url: str
    checked_at: datetime | None
    stored_at: datetime | None

    def to_json(self) -> dict[str, object]:
        return {"url": self.url, "last_checked": self.checked_at.isoformat() if self.checked_at else None,
                "stored_at": self.stored_at.isoformat() if self.stored_at else None}


@dataclass(frozen=True)
class SourceCheck:
    """When a source was last checked: the newest answer of one of its index pages. A source whose
    pages all answer 304 is checked and unchanged; one not checked for a week shows its old time."""

    source: str
    indexes: tuple[IndexCheck, ...]

    @property
    def last_checked(self) -> datetime | None:
        return max((i.checked_at for i in self.indexes if i.checked_at is not None), default=None)

    def to_json(self) -> dict[str, object]:
        return {"source": self.source, "last_checked": self.last_checked.isoformat() if self.last_checked else None,
                "indexes": [i.to_json() for i in self.indexes]}


def source_checks(session: Session) -> tuple[SourceCheck, ...]:
    """Per source with a stored run (replayed pages have none), its index pages' last answers."""
    names = source_names(session)
    if not names:
        return ()
    indexes: dict[str, list[IndexCheck]] = {name: [] for name in names}
    rows = session.execute(
        select(Page.source, Page.url, Page.last_fetched_at, Snapshot.fetched_at)
        .join(Snapshot, and_(Snapshot.page_id == Page.id, Snapshot.sha256 == Page.last_sha256))
        .where(Snapshot.outcome == PageOutcome.INDEX.value, Page.source.in_(names)).order_by(Page.url))
    for source, url, checked, stored in rows:
        indexes[source or ""].append(IndexCheck(url, as_utc(checked) if checked is not None else None,
                                                as_utc(stored) if stored is not None else None))
    # an index whose latest answer was refused (a bot check, an error page: its latest copy unusable) is still one of
    # its source's indexes, as of its newest copy read as an index: when it last changed and last answered as itself
    # (probe48's B4: it dropped out, and a source of one index had no "last changed" while the bot check lasted)
    refused = session.execute(
        select(Page.source, Page.url, func.max(Snapshot.fetched_at)).join(Snapshot, Snapshot.page_id == Page.id)
        .where(Page.source.in_(names), Snapshot.outcome == PageOutcome.INDEX.value, Page.id.in_(
            select(Page.id).join(Snapshot, and_(Snapshot.page_id == Page.id, Snapshot.sha256 == Page.last_sha256))
            .where(Page.source.in_(names), Snapshot.outcome.in_(UNUSABLE_OUTCOMES))))
        .group_by(Page.id, Page.source, Page.url).order_by(Page.url))
    for source, url, stored in refused:
        at = as_utc(stored) if stored is not None else None
        indexes[source or ""].append(IndexCheck(url, at, at))
    return tuple(SourceCheck(name, tuple(sorted(found, key=lambda i: i.url))) for name, found in indexes.items())


@dataclass(frozen=True)
class LastRunFailed:
    """A source whose last run could not fetch (connection refused, timeouts, 5xx, 429): no issue opens for that
    before it fails FAILING_RUNS runs in a row, so ``status`` says it meanwhile instead of "no open health issues"
    (a whole outage read as all clear). Failures with issues of their own (unusable pages, zero links) are left out."""

    source: str
    at: datetime | None
    failed: int
    reasons: tuple[str, ...]

    @property
    def line(self) -> str:
        when = f" at {self.at:%Y-%m-%d %H:%M} UTC" if self.at else ""
        return (f"{self.source}: its last run{when} could not fetch {self.failed} page(s) ({', '.join(self.reasons)}); "
                f"an issue opens if it fails {FAILING_RUNS} runs in a row")

    def to_json(self) -> dict[str, object]:
        return {"source": self.source, "at": self.at.isoformat() if self.at else None, "failed": self.failed,
                "reasons": list(self.reasons)}


def last_run_failures(session: Session) -> tuple[LastRunFailed, ...]:
    """Per source whose newest run failed to fetch and that is not already reported failing: :class:`LastRunFailed`."""
    failing = set(session.scalars(select(HealthIssue.source).where(
        HealthIssue.kind == HealthKind.FAILING, HealthIssue.resolved_at.is_(None))))
    found = []
    for name in source_names(session):
        runs = previous_runs(session, name, 1)
        if name in failing or not runs or runs[0].ok:
            continue
        fetch = [f for f in runs[0].failures or []
                 if f.get("reason") not in UNUSABLE_REASONS | READ_FAILURES and f.get("reason") != FailureReason.ZERO_LINKS]
        if fetch:
            at = runs[0].finished_at or runs[0].started_at
            found.append(LastRunFailed(name, as_utc(at) if at else None, len(fetch),
                                       tuple(sorted({str(f.get("reason")) for f in fetch}))))
    return tuple(found)


def open_health_issues(session: Session) -> list[HealthIssue]:
    """The open issues: what fails health (``status`` exit 1, a run not clean). Warnings are not among them."""
    return list(session.scalars(
        select(HealthIssue).where(HealthIssue.resolved_at.is_(None), HealthIssue.kind != HealthKind.WARNING.value)
        .order_by(HealthIssue.source, HealthIssue.key)
    ))


def open_warnings(session: Session) -> list[HealthIssue]:
    """The open warnings (``HealthKind.WARNING``): shown by ``status``, ``/healthz`` and the front page, failing
    nothing."""
    return list(session.scalars(
        select(HealthIssue).where(HealthIssue.resolved_at.is_(None), HealthIssue.kind == HealthKind.WARNING.value)
        .order_by(HealthIssue.source, HealthIssue.key)
    ))


def _resolve_key(session: Session, key: str, seen: datetime) -> None:
    """Resolve the open issue of this key, if there is one (a held-back issue once nothing is held back)."""
    issue = session.scalars(select(HealthIssue).where(HealthIssue.key == key)).one_or_none()
    if issue is not None and issue.resolved_at is None:
        issue.resolved_at = seen
        session.flush()


def _held_titles(titles: list[str]) -> tuple[str, str]:
    """The held items a held-back issue names (the first :data:`HELD_BACK_LISTED`) and how many more it counts."""
    more = f"; and {len(titles) - HELD_BACK_LISTED} more" if len(titles) > HELD_BACK_LISTED else ""
    return "; ".join(titles[:HELD_BACK_LISTED]), more


def record_held_back(session: Session, *, sources: tuple[str, ...], held: int, titles: list[str], seen: datetime,
                     run_id: str | None = None) -> str | None:
    """Say how many items a cycle held back, naming ``titles`` (most telling first), and why; one
    issue, refreshed while it lasts, resolved once a cycle holds nothing back. Returns the issue
    key when it was opened now."""
    if not held:
        _resolve_key(session, HealthKind.HELD_BACK.value, seen)
        return None
    listed, more = _held_titles(titles)
    gapped = sorted({issue.source for issue in gap_issues(session)} & set(sources))
    retried = (f"the next run retries the pages; an index gap of {', '.join(gapped)} waits for a person (rows pushed "
               "off its one page unread: `mofcom-watch review` says which days to read, then accept it)" if gapped
               else "the next run retries the pages")
    detail = (f"{held} item(s) held back because pages of {', '.join(sources)} could not be read whole: a "
              f"missing Q&A or notice could extend, lift or resolve them (lapses, presumed states, countdowns, "
              f"unresolved references, notices short of their stated count). Facts read whole from fetched "
              f"notices are published; {retried}. Held back: {listed}{more}.")
    opened = open_issue(session, key=HealthKind.HELD_BACK, source=HELD_BACK_SOURCE, kind=HealthKind.HELD_BACK,
                        detail=detail, seen=seen, run_id=run_id)
    return HealthKind.HELD_BACK.value if opened else None


# the problem of items held back for more than a day for sources a run left out (:func:`record_left_out`): a
# held-back issue of its own, apart from a broken source's (``HealthKind.HELD_BACK``), which each publish resolves
NOT_RUN_KEY = f"{HealthKind.HELD_BACK}/not-run"


@dataclass(frozen=True)
class LeftOutWait:
    """A source runs leave out (``run --source``, or skipped for want of a base URL) with items held back for it for
    more than a day (:func:`left_out_since`)."""

    source: str
    since: date  # the last earlier day a run read while the source had no clean run covering it
    last_clean: date | None  # the day its last clean run read as of (None: never)
    unmirrored: bool  # skipped for want of a base URL (a deployment mirroring some hosts), not left out by --source

    def why(self) -> str:
        """What keeps it out and what to do, as the problem says it."""
        clean = f"its last clean run read as of {self.last_clean}" if self.last_clean else "it has had no clean run"
        if self.unmirrored:
            return (f"{self.source} is skipped for want of a base URL ({clean}): a deployment that mirrors some hosts "
                    "configures only the sources it mirrors ([fetch] sources, MOFCOM_WATCH_SOURCES), or gives a base "
                    f"URL for the hosts of {self.source}")
        return (f"{self.source} is left out of the runs ({clean}): run it at least once a day "
                f"(`mofcom-watch run --source {self.source}`), or run every source")


def record_left_out(session: Session, *, waits: tuple[LeftOutWait, ...], held: int, titles: list[str],
                    seen: datetime, run_id: str | None = None) -> str | None:
    """Say that items were held back for more than a day for sources a run leaves out, naming them (``waits``) and
    what waits (``held`` items, ``titles`` most telling first); one issue (:data:`NOT_RUN_KEY`), refreshed while it lasts, resolved
    once a cycle holds nothing back that long. A cron of one source per entry, or a deployment mirroring some hosts
    only, that never has a run covering every source held a true lapse for good, said in a note, exit 0. Returns the
    key when the issue was opened now."""
    if not waits or not held:
        _resolve_key(session, NOT_RUN_KEY, seen)
        return None
    listed, more = _held_titles(titles)
    detail = (f"{held} item(s) held back for more than a day (since {min(w.since for w in waits)} or before), "
              f"waiting for a source no clean run has covered since: {'; '.join(w.why() for w in waits)}. A clean run "
              "of each on the day publishes them (lapses, countdowns, unresolved references), as a run of every "
              f"source does; until then a true lapse is in no feed. Held back: {listed}{more}.")
    opened = open_issue(session, key=NOT_RUN_KEY, source=HELD_BACK_SOURCE, kind=HealthKind.HELD_BACK, detail=detail,
                        seen=seen, run_id=run_id)
    return NOT_RUN_KEY if opened else None


def _title(issue: HealthIssue, numbers: dict[str, str] | None = None, sources: Mapping[str, str] | None = None) -> str:
    """``numbers``: the stored notices' numbers by key, so a title names a notice as an officer knows it
    ("商务部公告2026年第11号 (MOFCOM-2026-11)"), not by the project's key alone; ``sources``: what each source holds
    (:func:`storage.vocabulary.source_label`), so it names a source so too ("MOFCOM spokesperson's answers
    (mofcom-qa)", not "mofcom-qa")."""
    number = (numbers or {}).get(issue.notice_key or "")
    notice = f"{number} ({issue.notice_key})" if number else issue.notice_key
    where = issue.url or notice or ""
    source = source_label(issue.source, sources)
    if issue.kind == HealthKind.HELD_BACK and issue.key == NOT_RUN_KEY:
        return "Source health: items held back for more than a day while a configured source is not run"
    if issue.kind == HealthKind.HELD_BACK:
        return "Source health: items held back while a source is broken"
    if issue.kind == HealthKind.ZERO_LINKS:
        return f"Source health: {source}: an index yielded no links ({where})"
    if issue.kind == HealthKind.FAILING:
        return f"Source health: {source} failed {FAILING_RUNS} runs in a row"
    if issue.kind == HealthKind.UNUSABLE_PAGE:
        if held := _held_notice(issue.detail or "", numbers or {}):  # the notice first: a reader's list cuts the end
            return f"Source health: {source}: unusable page holding {held}: {where}"
        return f"Source health: {source}: unusable page {where}"
    if issue.kind == HealthKind.REVIEW_ACCEPTED and issue.key.startswith(f"{HealthKind.REVIEW_ACCEPTED}/same-qa/"):
        return f"Reviewed: {' and '.join(issue.key.split('/')[2:4])}: two Q&As kept as two, by {issue.source}"
    if issue.kind == HealthKind.REVIEW_ACCEPTED and is_gone_check(issue.key):
        return f"Checked gone: {notice or where}: a page withdrawn or moved, checked by {issue.source}"
    if issue.kind == HealthKind.HELD_STEP:
        return f"Source health: {notice or where}: a step held for a person, the page's other steps read"
    if issue.kind == HealthKind.REVIEW_ACCEPTED and is_decision(issue.key):
        verdict = "published" if decision_parts(issue.key)[0] == PUBLISHED else "dismissed as no step"
        return f"Reviewed: {notice or where}: a held step {verdict} by {issue.source}"
    if issue.kind == HealthKind.REVIEW_ACCEPTED and _read_page(issue):
        return f"Read by a person: {where}: a page the parser refused for review, read by {issue.source}"
    if issue.kind == HealthKind.REVIEW_ACCEPTED:
        return f"Reviewed: {notice or where}: a newer copy that reads less, accepted by {issue.source}"
    if issue.kind == HealthKind.COUNT_MISMATCH:
        if counts := MISMATCH_COUNTS.search(issue.detail or ""):
            return (f"Source health: {notice or where}: parsed {counts['parsed']} of the stated {counts['stated']} "
                    "entities")
        return f"Source health: {notice or where}: parsed entity count differs from the stated count"
    if fed_warning(issue):
        return f"Source health: {source}: an index lists a numbered notice whose link is not followed ({where})"
    if issue.kind == HealthKind.DECREE_NOT_STORED:
        return f"Source health: {notice or where}: reported in English; the Chinese decree is not stored"
    if issue.kind == HealthKind.STEP_NOT_STORED:
        on = f" on {notice}" if notice else ""
        return f"Source health: {where}: a step{on} reported on an official site; no stored notice takes it"
    if issue.kind == HealthKind.NO_NUMBER:
        return f"Source health: {source}: no notice number read on a page with items ({where})"
    if issue.kind == HealthKind.OLDER_COPY:
        return f"Source health: {source}: {notice or where}: the page served an older copy again"
    return f"Source health: {source}: {issue.kind} {where}".rstrip()


# "… The page holds 商务部公告2027年第70号 关于公布…的公告 (MOFCOM-2027-70); page SHA-256 …" (mofcom_watch.pipeline)
HELD_RE = re.compile(r"The page holds (?P<named>.+?) \((?P<key>[A-Za-z][A-Za-z0-9_-]*)\)(?=;|\.|\)|$)")
HELD_NUMBER_RE = re.compile(r"\S.{0,40}?号(?=\s|$)")


def _held_notice(detail: str, numbers: Mapping[str, str]) -> str:
    """The notice a refused page holds, as the title names one ("商务部公告2027年第70号 (MOFCOM-2027-70)"), from the
    issue's text; "" when it names none (reader37, carried B: the title named the URL alone, the notice in the body)."""
    found = HELD_RE.search(detail)
    if found is None:
        return ""
    key = found["key"]
    number = numbers.get(key) or (m.group(0) if (m := HELD_NUMBER_RE.match(found["named"])) else "")
    return f"{number} ({key})" if number else key


def _sentence(text: str) -> str:
    """``text`` ending as a sentence, so the next one does not run on: "…states 20 (file:…). First seen …"."""
    text = text.rstrip()
    return text if text.endswith((".", "。", "!", "?")) else f"{text}."


def _read_page(issue: HealthIssue) -> bool:
    """Whether a review-accepted record says a person read a page the parser refused (``storage.reviews``)."""
    return issue.key.startswith(f"{HealthKind.REVIEW_ACCEPTED}/{READ_PAGE}/")


def _moment(moment: datetime) -> str:
    """A first-seen or resolved time as the items say it: "2026-12-03 09:12 UTC"."""
    return f"{as_utc(moment):%Y-%m-%d %H:%M} UTC"


def fed_warning(issue: HealthIssue) -> bool:
    """A warning that makes feed items: an index row naming a numbered notice no source follows (the notice unread)."""
    return issue.kind == HealthKind.WARNING and f"/{HealthKind.WARNING}/{OddityReason.UNFOLLOWED_ROW}/" in issue.key


def _fixed_by(issue: HealthIssue) -> str:
    """The copy that found ``issue`` fixed, as every item names a page's copy (reader34 B1: the "Resolved" item
    repeated the old detail, with the old copy's SHA-256, and named none), then what the problem was; "" for an
    issue no page's copy resolved (a source's run) or resolved before the store recorded it (migration 0016)."""
    if not issue.resolved_url or not issue.resolved_sha256 or issue.resolved_at is None:
        return ""
    return (f"{issue.resolved_url} fetched {_moment(naive_as_utc(issue.resolved_at))}, SHA-256 "
            f"{issue.resolved_sha256}. The problem was: ")


def _event_id(issue: HealthIssue, state: str, moment: datetime) -> str:
    """The item's id: the issue's key, its state and day, and for an issue opened again on the day it was last opened
    or resolved, which opening of that day (``HealthIssue.reopened``): a new item, not the first one's again."""
    again = f"/{issue.reopened + 1}" if issue.reopened else ""
    return f"{TAG_PREFIX}health/{issue.key}/{state}/{moment:%Y-%m-%d}{again}"


def _as_it_was(kept: HealthIssue) -> HealthIssue:
    """An earlier opening kept by ``HealthIssue.keep_opening`` as the issue it was (its key without ``#<n>``, its kind
    from ``run_id``): not added to the session, read for its items alone."""
    return HealthIssue(key=kept.key.rsplit("#", 1)[0], source=kept.source, kind=kept.run_id or kept.kind,
                       detail=kept.detail, url=kept.url, notice_key=kept.notice_key, first_seen=kept.first_seen,
                       last_seen=kept.last_seen, resolved_at=kept.resolved_at, resolved_url=kept.resolved_url,
                       resolved_sha256=kept.resolved_sha256, reopened=kept.reopened)


def health_events(session: Session, sources: Mapping[str, str] | None = None) -> list[EventRecord]:
    """One item per issue opening and one per resolution; stable ids; newest first. Never a state change.
    ``sources``: what each source holds, by name (``scraper.sources.defaults.SOURCE_DESCRIPTIONS``: the publish path
    hands it in), for the items' titles and facts; the names alone without it."""
    events: list[EventRecord] = []
    issues = list(session.scalars(select(HealthIssue).order_by(HealthIssue.key)))
    # a page's issue closed by a person's acceptance (storage.reviews): (URL, moment) of each acceptance
    accepted = {(i.url, naive_as_utc(i.first_seen)) for i in issues if i.kind == HealthKind.REVIEW_ACCEPTED}
    read = {(i.url, naive_as_utc(i.first_seen)) for i in issues if i.kind == HealthKind.REVIEW_ACCEPTED and _read_page(i)}
    gone = {(i.url, naive_as_utc(i.first_seen)) for i in issues if i.kind == HealthKind.REVIEW_ACCEPTED
            and is_gone_check(i.key)}
    keys = {i.notice_key for i in issues if i.notice_key}
    numbers = {k: n for k, n in session.execute(select(Notice.key, Notice.number).where(Notice.key.in_(keys))) if n} \
        if keys else {}
    for issue in (_as_it_was(i) if i.kind == HealthKind.HISTORY else i for i in issues):
        if issue.kind == HealthKind.WARNING and not fed_warning(issue):  # said by status and /healthz, no feed item:
            continue  # it fails nothing
        first = naive_as_utc(issue.first_seen)
        title = _title(issue, numbers, sources)
        # (a person's acceptance names who in ``source``: no source to describe)
        who = issue.source if issue.kind == HealthKind.REVIEW_ACCEPTED else source_label(issue.source, sources)
        extra = (("source", who), ("issue", issue.kind), ("key", issue.key)) + (
            ((PAGE_KEY, issue.url),) if issue.url and issue.url.startswith(WEB_SCHEMES) else ())
        seen = (("first_seen", _moment(first)),)  # the item's day is no listing's effective day: its facts say what it is
        if issue.kind == HealthKind.REVIEW_ACCEPTED:  # a record of a decision, never an open problem: one item
            events.append(EventRecord(
                id=_event_id(issue, "accepted", first), kind=EventKind.SOURCE_HEALTH, scope=EventScope.HEALTH,
                list=None, notice_key=issue.notice_key, source_key=None, entity_key=None, effective=first.date(),
                until=None, occurred=first, updated=first, title=title,
                summary=(f"{issue.detail}. A person read the page (mofcom-watch accept); no item of this feed "
                         "tells what it says." if _read_page(issue) else
                         f"{_sentence(issue.detail)} A person checked it (mofcom-watch accept URL gone)."
                         if is_gone_check(issue.key) else
                         f"{issue.detail}. A person reviewed the copy and accepted it (mofcom-watch accept); the "
                         "notice's own items say what changed."),
                extra=extra + (("accepted", _moment(first)), ("state", "accepted")),
            ))
            continue
        events.append(EventRecord(
            id=_event_id(issue, "open", first), kind=EventKind.SOURCE_HEALTH, scope=EventScope.HEALTH, list=None,
            notice_key=issue.notice_key, source_key=None, entity_key=None, effective=first.date(), until=None,
            occurred=first, updated=first, title=title,
            summary=f"{_sentence(issue.detail)} First seen {first:%Y-%m-%d %H:%M} UTC. This is a "
                    f"{'warning about' if fed_warning(issue) else 'problem with'} the source, not a change to any "
                    f"listing.{UNFOLLOWED_MEANING if fed_warning(issue) else MEANING.get(issue.kind, '')}",
            extra=extra + seen + (("state", "open" if issue.resolved_at is None else "resolved"),),
        ))
        if issue.resolved_at is not None:
            done = naive_as_utc(issue.resolved_at)
            by_review = (issue.url, done) in accepted
            events.append(EventRecord(
                id=_event_id(issue, "resolved", done), kind=EventKind.SOURCE_HEALTH, scope=EventScope.HEALTH, list=None,
                notice_key=issue.notice_key, source_key=None, entity_key=None, effective=done.date(), until=None,
                occurred=done, updated=done, title="Resolved: " + title,
                summary=(f"A person read this copy, which the parser refused (nothing of it is in the feeds): "
                         f"{issue.detail}" if (issue.url, done) in read
                         else f"A person checked that this page is gone (withdrawn or moved): {issue.detail}"
                         if (issue.url, done) in gone
                         else f"A person reviewed this copy and accepted it: {issue.detail}" if by_review
                         else f"A later run found this fixed: {_fixed_by(issue)}{issue.detail}"),
                extra=extra + seen + (("resolved", _moment(done)), ("state", "resolved")),
            ))
    events.sort(key=lambda e: (e.occurred, e.id), reverse=True)
    return events
