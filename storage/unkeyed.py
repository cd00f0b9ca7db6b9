"""Stored notices read with no number of their own that make items: published, and a health problem while they stand.

Every listing and every step MOFCOM and the MFA decide is numbered (商务部公告/令, 不可靠实体清单工作机制公告, 外交部令),
but for a spokesperson's words (a Q&A, a statement: no number to read). A page read as a notice with no number of its
own (keyed ``DOC-<day>-<digest>``, or ``MFA-ORDER-<year>-unnumbered-…``) that lists entities or takes steps is thus a
numbered notice whose number was not read: a later notice's step naming that number does not find it (a missed item),
and a copy of it read with its number is stored a second time, under its own key. blind46 (session 46) found four such
forms in one round, each keyed DOC-…, "no notice number found" a warning only, ``replay`` and ``status`` exit 0.

Its items are published (what can be published is), and each such notice is an open ``no-number`` issue (the lead's
decision, session 46): ``status``, ``run`` and ``replay`` exit 1, ``/healthz`` and the source-health feed say it, in
words a person can act on. :func:`say_unkeyed` opens and resolves them from what the store holds (as
``storage.news`` does the decrees known from a report alone), each cycle and replay: the issue stays open while the
notice stands, whatever became of its page (its page read again with a number leaves the unnumbered reading stored,
two keys for one notice: still a problem), and is resolved when the notice no longer stands (its reading withdrawn: the
page read otherwise by a newer parser, ``storage.notices.withdrawn``) or makes no item. Its times are the pages'
(first seen: the fetch of the copy the reading rests on; resolved: its page's last fetch), so a replay gives the same items.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from storage.health import open_issue
from storage.keys import issue_key
from storage.models import HealthIssue, Notice, Snapshot
from storage.notices import reads_as
from storage.records import RESTATING_KINDS, ActionKind, NoticeRecord
from storage.vocabulary import HealthKind, naive_as_utc

SPOKEN_TITLE_WORDS = ("发言人",)  # "商务部新闻发言人就…发表谈话": a statement's steps have no number (it lists no one)
# the stored kinds a notice of no number of its own may be (``scraper.parse``: an unnumbered text; an MFA decision whose
# 令 number was not read); a Q&A's and a report's (RESTATING_KINDS) have no number to read
UNNUMBERED_KINDS = ("other", "mfa_order")
RESTATING = frozenset(k.value for k in RESTATING_KINDS)


def unkeyed(record: NoticeRecord) -> str | None:
    """What a notice read with no number of its own does that makes items ("lists 14 entities", "takes 1 step
    (suspend, on MOFCOM-2025-21)"), or None: a numbered notice, a Q&A or a report, a text that makes no item, or a
    spokesperson's statement that takes steps and lists no one."""
    if record.number is not None or record.kind in RESTATING_KINDS:
        return None  # (nearly every notice)
    if any(a.action == ActionKind.IMPOSE for a in record.actions) or (record.entities and not record.actions):
        n = len(record.entities)
        return f"lists {n} entit{'y' if n == 1 else 'ies'}" if n else "lists entities (none read)"
    if record.actions:
        if any(w in (record.title or "") for w in SPOKEN_TITLE_WORDS):
            return None
        n, kinds = len(record.actions), ", ".join(dict.fromkeys(a.action.value for a in record.actions))
        on = list(dict.fromkeys(t.key for a in record.actions for t in a.targets if t.key))
        return f"takes {n} step{'s' if n != 1 else ''} ({kinds}{', on ' + ', '.join(on) if on else ''})"
    if record.renamed:
        return f"renames {len(record.renamed)} entit{'y' if len(record.renamed) == 1 else 'ies'}"
    return None


def unkeyed_detail(record: NoticeRecord, does: str, url: str, sha256: str, now_as: str | None = None) -> str:
    """The issue's text: what a person can act on, and the copy read (its SHA-256, as every item names its page's).
    ``now_as``: the notice the page's latest copy reads as, where that is another (the page numbered since)."""
    title = f" “{record.title}”" if record.title else ""
    twice = (f"the page's latest copy reads as {now_as}, stored beside it: two keys for one notice, the reading of no "
             "number standing until it is withdrawn" if now_as else
             "a copy read with its number would be stored a second time")
    return (f"{url}: no notice number read on a page that {does} (stored as {record.key}{title}): its items are "
            f"published under that key, but a later notice naming its number will not find it, and {twice}; check the "
            f"page and its number (page SHA-256 {sha256})")


def no_number_key(notice_key: str) -> str:
    return issue_key(HealthKind.NO_NUMBER, notice_key)


def say_unkeyed(session: Session) -> list[str]:
    """Open an issue for each stored notice of no number of its own that makes items (:func:`unkeyed`) and stands (not
    withdrawn), resolve the others; the open issues' details, a line each (for ``replay`` to say). One narrow query:
    the notices with no number (few), their copies loaded for them alone."""
    notices = session.scalars(
        select(Notice).where(Notice.number.is_(None), Notice.kind.in_(UNNUMBERED_KINDS))
        .options(joinedload(Notice.snapshot).joinedload(Snapshot.page))).all()
    standing: set[str] = set()
    for notice in notices:
        snap = notice.snapshot
        if snap is None or not reads_as(notice.key, snap.notice_key, snap.outcome):
            continue  # withdrawn: nothing derives from it
        record = NoticeRecord.from_json(json.loads(notice.record_json))
        does = unkeyed(record)
        if does is None:
            continue
        key = no_number_key(notice.key)
        standing.add(key)
        url = snap.page.url
        latest = session.scalar(select(Snapshot.notice_key).where(Snapshot.page_id == snap.page_id)
                                .order_by(Snapshot.fetched_at.desc(), Snapshot.id.desc()).limit(1))
        now_as = latest if latest is not None and latest != notice.key else None
        open_issue(session, key=key, source=snap.page.source or "replay", kind=HealthKind.NO_NUMBER,
                   detail=unkeyed_detail(record, does, url, snap.sha256, now_as), seen=naive_as_utc(snap.fetched_at),
                   url=url, notice_key=notice.key)
    lines = []
    for issue in session.scalars(select(HealthIssue).where(HealthIssue.kind == HealthKind.NO_NUMBER.value,
                                                           HealthIssue.resolved_at.is_(None))
                                 .order_by(HealthIssue.key)):
        if issue.key in standing:
            lines.append(issue.detail)
            continue
        page = session.scalars(select(Notice).where(Notice.key == issue.notice_key)
                               .options(joinedload(Notice.snapshot).joinedload(Snapshot.page))).first()
        fetched = page.snapshot.page.last_fetched_at if page is not None and page.snapshot is not None else None
        done = max(naive_as_utc(issue.last_seen), naive_as_utc(fetched)) if fetched is not None else issue.last_seen
        issue.resolved_at = done
        if page is not None and page.snapshot is not None:
            issue.resolved_url, issue.resolved_sha256 = page.snapshot.page.url, page.snapshot.page.last_sha256
    session.flush()
    return lines
