"""Steps a stored notice's page read but held for a person (``NoticeRecord.held``), their issues, a person's word.

A press conference answers several topics; one topic's undecided step ("中方会否…恢复实施，将根据美方表现而定") no longer
holds the whole page (``scraper.parse.held``, session 41): the page's decided steps are stored and published, and each
held step is kept in the notice's stored reading (its ``held`` field, in ``record_json``: no column, no migration) and
opens a ``held-step`` issue of its own (``storage.ingest.sync_held``, keyed by the notice and the step's id,
``records.held_step_id``: from what the step says, never a URL), which fails health as any open issue does until a
person decides. ``mofcom-watch accept KEY STEP`` publishes the step: a ``review-accepted`` record (closed as it is
opened) says who and when, the issue closes, and the engine reads the step as one of the notice's actions
(:func:`with_published`, applied where the notices are loaded: ``storage.notices``), so its items carry the notice's
provenance and ids made as any step's. ``--dismiss`` records that it is no step: nothing is published. The word holds for
that step on every later copy or re-read of the page (the same id); a step read otherwise is a new one to decide.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from storage.cleantext import clean_text
from storage.keys import fit_key, issue_key
from storage.models import HealthIssue, Notice
from storage.records import ActionRecord, NoticeRecord, held_step_id
from storage.vocabulary import HealthKind, as_utc

KEY_PART = "held-step"  # the part of a review-accepted key that says a person decided on a held step
PUBLISHED = "published"
DISMISSED = "dismissed"
BY_LEN = 64  # HealthIssue.source: who decided
SAID = 80  # characters of the step's sentence an issue quotes


def held_issue_key(notice_key: str, step: str) -> str:
    """The open issue of one held step of a notice."""
    return issue_key(HealthKind.HELD_STEP, notice_key, step)


def decision_key(verdict: str, notice_key: str, step: str) -> str:
    """The record that a person published (``verdict`` PUBLISHED) or dismissed one held step."""
    return issue_key(HealthKind.REVIEW_ACCEPTED, KEY_PART, verdict, notice_key, step)


DECISION_PREFIX = f"{HealthKind.REVIEW_ACCEPTED}/{KEY_PART}/"  # what every :func:`decision_key` starts with


def is_decision(key: str) -> bool:
    """Whether a review-accepted record's key is a person's word on a held step (:func:`decision_key`)."""
    return key.startswith(DECISION_PREFIX)


def decision_parts(key: str) -> tuple[str, str, str]:
    """A :func:`decision_key`'s verdict, notice key and step id."""
    verdict, notice, step = key[len(DECISION_PREFIX):].split("/")[:3]
    return verdict, notice, step


def decisions(session: Session, notice_key: str | None = None) -> dict[tuple[str, str], str]:
    """Every recorded word on a held step (or on those of ``notice_key``): (notice key, step id) -> its verdict."""
    query = select(HealthIssue.key).where(HealthIssue.kind == HealthKind.REVIEW_ACCEPTED.value,
                                          HealthIssue.key.startswith(DECISION_PREFIX, autoescape=True))
    if notice_key is not None:
        query = query.where(HealthIssue.notice_key == notice_key)
    found = {}
    for key in session.scalars(query):
        verdict, notice, step = decision_parts(key)
        found[(notice, step)] = verdict
    return found


def with_published(record: NoticeRecord, decided: Mapping[tuple[str, str], str]) -> NoticeRecord:
    """The record as the engine reads it: its held steps a person published join its actions (after them, in the order
    the page holds them); the others stay held (in no item)."""
    if not record.held:
        return record
    published = tuple([a for a in record.held if decided.get((record.key, held_step_id(a))) == PUBLISHED])
    return replace(record, actions=record.actions + published) if published else record


def step_words(action: ActionRecord) -> str:
    """A held step as an issue and ``review`` say it: what, on which notices, from when, and its sentence."""
    targets = "、".join([t.key or t.text for t in action.targets]) or "the notice's own entities"
    when = f" from {action.effective[:10]}" if action.effective else ""
    until = f" until {action.until.isoformat()}" if action.until else ""
    said = action.text.strip()
    said = said[:SAID] + ("…" if len(said) > SAID else "")
    return f"{action.action.value} of {targets}{when}{until} (\"{said}\")"


def open_steps(session: Session, notice_key: str) -> list[HealthIssue]:
    return list(session.scalars(select(HealthIssue).where(
        HealthIssue.kind == HealthKind.HELD_STEP.value, HealthIssue.notice_key == notice_key,
        HealthIssue.resolved_at.is_(None))))


def stored_reading(session: Session, notice_key: str) -> NoticeRecord | None:
    """The stored notice's reading (its ``record_json``), or None."""
    text = session.scalar(select(Notice.record_json).where(Notice.key == notice_key))
    return None if text is None else NoticeRecord.from_json(json.loads(text))


@dataclass(frozen=True)
class HeldStep:
    """A held step no person decided on yet, with its open issue."""

    notice_key: str
    step: str  # held_step_id
    action: ActionRecord
    url: str | None
    first_seen: datetime
    last_seen: datetime

    def to_json(self) -> dict[str, Any]:
        return {"notice_key": self.notice_key, "step": self.step, "says": step_words(self.action),
                "url": self.url, "first_seen": self.first_seen.isoformat(), "last_seen": self.last_seen.isoformat()}


def held_steps(session: Session, notice_key: str | None = None) -> list[HeldStep]:
    """The held steps waiting for a person (an open issue and the stored reading still holding them), oldest first."""
    query = select(HealthIssue).where(HealthIssue.kind == HealthKind.HELD_STEP.value, HealthIssue.resolved_at.is_(None))
    if notice_key is not None:
        query = query.where(HealthIssue.notice_key == notice_key)
    found = []
    readings: dict[str, NoticeRecord | None] = {}
    for issue in session.scalars(query.order_by(HealthIssue.first_seen, HealthIssue.key)):
        key = issue.notice_key or ""
        if key not in readings:
            readings[key] = stored_reading(session, key)
        record = readings[key]
        for action in record.held if record is not None else ():
            step = held_step_id(action)
            if issue.key == held_issue_key(key, step):
                found.append(HeldStep(key, step, action, issue.url, as_utc(issue.first_seen), as_utc(issue.last_seen)))
    return found


def record_decision(session: Session, step: HeldStep, *, published: bool, by: str, at: datetime,
                    note: str | None = None) -> HealthIssue:
    """Record that ``by`` published (or dismissed) ``step`` at ``at`` (opened and closed at once), close its issue, and
    move the notices' generation (the notice's row written) so the next derive reads the notice again."""
    at = as_utc(at)
    verdict = PUBLISHED if published else DISMISSED
    what = ("published: its items are derived from the notice as any step's" if published
            else "dismissed as no step: nothing of it is published")
    detail = clean_text(f"{step.notice_key}: the held step {step.step}, {step_words(step.action)}, read by {by} and "
                        f"{what}" + (f"; note: {note}" if note else ""))
    session.execute(update(HealthIssue).where(HealthIssue.key == held_issue_key(step.notice_key, step.step),
                                              HealthIssue.resolved_at.is_(None)).values(resolved_at=at))
    key = decision_key(verdict, step.notice_key, step.step)
    record = session.scalars(select(HealthIssue).where(HealthIssue.key == key)).one_or_none()
    if record is None:
        record = HealthIssue(key=key, kind=HealthKind.REVIEW_ACCEPTED.value)
        session.add(record)
    record.source, record.detail, record.url, record.notice_key = fit_key(by, BY_LEN), detail, step.url, step.notice_key
    record.run_id, record.first_seen, record.last_seen, record.resolved_at = None, at, at, at
    # the notice's row written as it is: the derive mark's generation moves (storage.generations), the step is read
    session.execute(update(Notice).where(Notice.key == step.notice_key).values(updated_at=Notice.updated_at))
    session.flush()
    return record


def published_in(session: Session, records: Iterable[NoticeRecord]) -> dict[tuple[str, str], str]:
    """The words recorded on held steps, read only when one of ``records`` holds any (nearly never)."""
    return decisions(session) if any(r.held for r in records) else {}


@dataclass(frozen=True)
class StepDecision:
    """A person's recorded word on a held step: published (its items rest on it) or dismissed."""

    notice_key: str
    step: str
    verdict: str  # PUBLISHED or DISMISSED
    by: str
    at: datetime
    detail: str

    def to_json(self) -> dict[str, Any]:
        return {"notice_key": self.notice_key, "step": self.step, "verdict": self.verdict, "by": self.by,
                "at": self.at.isoformat(), "detail": self.detail}


def step_decisions(session: Session) -> list[StepDecision]:
    """Every recorded word on a held step of a stored notice, oldest first (``status`` shows them: what the feeds carry,
    or leave out, on a person's word). A word recorded under a key no notice holds now is left out: the notice moved
    to a key of its own (``mofcom_watch.reprints._carry``) and its word is recorded under the new key too (review43's
    B2: listed twice); the old record is kept, not shown."""
    rows = session.execute(select(HealthIssue.key, HealthIssue.notice_key, HealthIssue.source, HealthIssue.first_seen,
                                  HealthIssue.detail)
                           .where(HealthIssue.kind == HealthKind.REVIEW_ACCEPTED.value,
                                  HealthIssue.key.startswith(DECISION_PREFIX, autoescape=True))
                           .order_by(HealthIssue.first_seen, HealthIssue.key))
    found = []
    for key, notice_key, by, at, detail in rows:
        verdict, notice, step = decision_parts(key)
        found.append(StepDecision(notice_key or notice, step, verdict, by, as_utc(at), detail))
    stored = set(session.scalars(select(Notice.key).where(Notice.key.in_({d.notice_key for d in found})))) if found \
        else set()
    return [d for d in found if d.notice_key in stored]
