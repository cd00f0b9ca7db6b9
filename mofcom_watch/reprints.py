"""One spokesperson Q&A, one key: a paper's reprint of it under a heading of its own is MOFCOM's Q&A.

A Q&A's key hashes its title (``scraper.parse.qa.qa_key``). A paper reprinting it under its own headline
("商务部：继续暂停…", no "…答记者问" line) got a key of its own, so one Q&A could act twice, under two keys. When
a Q&A is stored, the stored Q&As of its day are compared with it by their answers
(``scraper.parse.qa.same_answer``): MOFCOM's copy (a page on www.mofcom.gov.cn) and a reprint giving the same
answer are one notice, under MOFCOM's key, whichever came first. Where the text does not show it (answers
that differ or are too short to compare, but the same changes; two reprints and no MOFCOM copy; more than one
match) nothing is merged: a health issue names both keys for a person to look at (:func:`pairs`, once the page is
stored, on the readings the store keeps, as :func:`recheck` judges them).

That issue closes by itself when its cause goes away (:func:`recheck`, at every publish: a key no longer stored,
or the two no longer read as perhaps one Q&A), or on a person's word: ``mofcom-watch review`` lists such pairs
with the SHA-256 of what was judged (both answers and changes, :func:`pair_sha256`), and ``mofcom-watch accept
KEY SHA256`` keeps them as two notices (:func:`settle`), recorded as a ``review-accepted`` record. The word holds
for those answers and changes only: should either Q&A read otherwise, the pair is judged afresh.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import zlib
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from storage.cleantext import clean_text
from storage.ingest import load_notice, record_issue, reread, sync_held
from storage.keys import issue_key
from storage.models import HealthIssue, Notice, NoticeUrl, Page, Snapshot
from storage.records import NoticeKind, NoticeRecord
from storage.vocabulary import HealthKind, as_utc, reprint_url

ISSUE_PART = "same-qa"
SPLIT_HASH = 4  # hex digits of the split hash after the key of two Q&As of one title and day (``_two_of_one_title``)
# a paper's editor line, "（责任编辑：李四）": not what a person's word on a pair is about
EDITOR_RE = re.compile(r"[（(]\s*(?:责任)?编辑\s*[:：][^）)]{0,40}[）)]")


def official(url: str | None) -> bool:
    """Whether ``url`` is a ministry's own web page (not a paper's, a mirror's or a saved file's), as items and
    their links tell them apart (:func:`storage.vocabulary.reprint_url`)."""
    return bool(url) and urlsplit(url or "").scheme in ("http", "https") and not reprint_url(url or "")


def _actions(record: NoticeRecord) -> list[tuple[str, list[str], str, str]]:
    """What a Q&A changes, however worded: each action's kind, the notices it names, its dates (not its list: under a
    paper's headline that names none, "继续暂停商务部公告2025年第21号相关措施" reads no list)."""
    return sorted((a.action.value, sorted(t.key or t.text for t in a.targets), str(a.effective or ""),
                   a.until.isoformat() if a.until else "") for a in record.actions)


@dataclasses.dataclass(frozen=True)
class _Stored:
    key: str
    record: NoticeRecord
    official: bool  # one of its URLs is MOFCOM's
    text: str  # the text its record was read from
    urls: tuple[str, ...] = ()


def _unsure(one: NoticeRecord, one_text: str, other: _Stored) -> bool | None:
    """Whether the pair may be one Q&A that was not merged: True when the answers are the same, None when the
    answers do not show it but the changes are the same; False: two Q&As (nothing to look at)."""
    from scraper.parse.qa import same_answer

    verdict = same_answer(one_text, other.text) if other.text else None
    if verdict:
        return True
    if verdict is False and _other_companies(one, other.record):
        return False
    return None if _actions(other.record) == _actions(one) else False


def _other_companies(one: NoticeRecord, other: NoticeRecord) -> bool:
    """Whether each Q&A's changes name companies and none of the other's (two answers, two companies of a notice)."""
    mine, theirs = _entities(one), _entities(other)
    return mine is not None and theirs is not None and not mine & theirs


def pair_sha256(one: tuple[str, NoticeRecord, str], other: tuple[str, NoticeRecord, str]) -> str:
    """What a person's word on a pair (key, record, text) rests on: both keys, answers (a paper's editor line aside)
    and changes, in key order."""
    from scraper.parse.qa import answer_text

    parts = [json.dumps([key, answer_text(EDITOR_RE.sub("", text)), _actions(record)], ensure_ascii=False)
             for key, record, text in sorted((one, other), key=lambda p: p[0])]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _settled_key(keys: tuple[str, str], sha: str) -> str:
    return issue_key(HealthKind.REVIEW_ACCEPTED, ISSUE_PART, *keys, sha)


def _settled(session: Session, keys: tuple[str, str], sha: str) -> bool:
    """Whether a person kept these two, read as they are now, as two notices (:func:`settle`)."""
    return session.scalars(select(HealthIssue.id).where(HealthIssue.key == _settled_key(keys, sha))).first() is not None


def _text(session: Session, snapshot_id: int | None) -> str:
    """The text a stored notice was read from (records are stored without it): its snapshot parsed again, once a
    session (a snapshot's bytes never change; a page's Q&A is compared before and after it is stored)."""
    texts: dict[int | None, str] = session.info.setdefault("reprints.texts", {})
    if snapshot_id not in texts:
        texts[snapshot_id] = _parsed_text(session, snapshot_id)
    return texts[snapshot_id]


def _parsed_text(session: Session, snapshot_id: int | None) -> str:
    row = session.execute(select(Snapshot.body, Snapshot.content_type, Page.url).join(Page, Snapshot.page_id == Page.id)
                          .where(Snapshot.id == snapshot_id)).first()
    if row is None:
        return ""
    from scraper.parse import parse_document  # here: a publish that only rechecks issues never loads the parser

    try:
        doc = parse_document(zlib.decompress(row.body), url=row.url, content_type=row.content_type)
    except Exception:  # unusable now, or a parser error: no text to compare, so nothing is merged
        return ""
    return doc.notice.text if doc.notice is not None else ""


def _same_day(session: Session, record: NoticeRecord) -> list[_Stored]:
    """The other Q&As stored for the record's day, each with its text and whether MOFCOM published it."""
    return _stored(session, Notice.published == record.published, Notice.key != record.key)


def _stored(session: Session, *where: Any) -> list[_Stored]:
    """The stored Q&As that ``where`` selects, each with its text, its URLs and whether MOFCOM published it."""
    rows = session.execute(
        select(Notice.id, Notice.key, Notice.record_json, Notice.snapshot_id)
        .where(Notice.kind == NoticeKind.QA.value, *where).order_by(Notice.key)).all()
    if not rows:
        return []
    urls: dict[int, list[str]] = {}
    for notice_id, url in session.execute(select(NoticeUrl.notice_id, NoticeUrl.url)
                                          .where(NoticeUrl.notice_id.in_([r[0] for r in rows]))):
        urls.setdefault(notice_id, []).append(url)
    return [_Stored(key, NoticeRecord.from_json(json.loads(text)), any(official(u) for u in urls.get(nid, ())),
                    _text(session, snapshot_id), tuple(sorted(urls.get(nid, ()))))
            for nid, key, text, snapshot_id in rows]


def _rekey(session: Session, reprint: _Stored, mofcom: NoticeRecord, at: datetime) -> None:
    """The stored notice of ``reprint`` renamed to MOFCOM's key and title, its snapshots with it, and read as
    MOFCOM's copy ``mofcom`` reads (the reprint's URL, text and warnings kept): when MOFCOM's copy is stored next it
    says the same, as when it came first; its parse is kept, not the reprint's (a headline naming no list reads less)."""
    old, new = reprint.key, mofcom.key
    session.execute(update(Notice).where(Notice.key == old).values(key=new, title=mofcom.title))
    session.execute(update(Snapshot).where(Snapshot.notice_key == old).values(notice_key=new))
    notice = load_notice(session, new)
    assert notice is not None
    reread(session, notice, dataclasses.replace(mofcom, url=reprint.record.url, text=reprint.text,
                                                warnings=reprint.record.warnings))
    _carry(session, old, new, at)


def _split_hash(record: NoticeRecord) -> str:
    """Hex digits of the hash of the notices (or dated references) a Q&A's changes name: what tells two Q&As of one
    title and day apart (``_apart``: they name none in common) and what every copy of one shares, so a Q&A's split key
    is the same whichever of its pages came first. (Until session 20 it hashed the answer of the page that came
    first, so a copy with one sentence more coming before the page gave the Q&A another key; a key stored so is kept:
    a page of it goes there by its URL or its answer.)"""
    named = "\n".join(sorted(_named(record)))
    return hashlib.sha256(named.encode("utf-8")).hexdigest()[:SPLIT_HASH]


def _named(record: NoticeRecord) -> set[str]:
    """The notices (or dated references) a Q&A's changes name."""
    return {t.key or t.text for a in record.actions for t in a.targets}


def _entities(record: NoticeRecord) -> frozenset[str] | None:
    """The entities a Q&A's changes name; None when one of its changes is about a whole notice (names none)."""
    if not record.actions or any(not a.entities for a in record.actions):
        return None
    return frozenset(e for a in record.actions for e in a.entities)


def _entity_hash(record: NoticeRecord) -> str:
    """Hex digits of the hash of the entities a Q&A's changes name: what tells apart two Q&As of one title and day
    acting on different companies of the same notice (each copy of one names the same companies)."""
    return hashlib.sha256("\n".join(sorted(_entities(record) or ())).encode("utf-8")).hexdigest()[:SPLIT_HASH]


def _split_key(key: str, record: NoticeRecord, *, by_entities: bool = False) -> str:
    """The title's key followed by the split hash, and the entity hash when two Q&As name the same notices."""
    split = f"{key}-{_split_hash(record)}"
    return f"{split}-{_entity_hash(record)}" if by_entities else split


def _apart(record: NoticeRecord, other: _Stored) -> bool:
    """Two Q&As, not two pages of one: answers that plainly differ, and changes that name no notice in common or,
    each naming companies, no company in common (one suspends Starbridge of UEL〔2027〕4号, the other Blue Whale). An
    answer too short to compare (under ``SAME_ANSWER_MIN``: "中方决定将商务部公告2029年第99号相关措施的暂停期限延长1年。")
    differs plainly when neither answer holds the other's, and is apart only by the notices it names (blind57's B3,
    session 58: the two were one key, an alias conflict, the short one's step left out)."""
    from scraper.parse.qa import same_answer

    mine, theirs = _named(record), _named(other.record)
    verdict = same_answer(record.text, other.text) if other.text else None
    if not (other.text and mine and theirs):
        return False
    if verdict is None:
        return not mine & theirs and _short_differ(record.text, other.text)
    if verdict or mine & theirs and not _other_companies(record, other.record):
        return False
    return True


SHORT_ANSWER_MIN = 12  # characters of answer (``answer_text``) below which an answer is no answer to compare


def _short_differ(one: str, other: str) -> bool:
    """Whether two answers, one too short for ``same_answer``, plainly differ: neither holds the other's."""
    from scraper.parse.qa import answer_text

    a, b = answer_text(one), answer_text(other)
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return len(shorter) >= SHORT_ANSWER_MIN and shorter not in longer


def _move(session: Session, other: _Stored, key: str, at: datetime) -> None:
    """The stored Q&A ``other`` (its snapshots with it) under ``key``, read as it reads now, and what names it carried
    over (:func:`_carry`)."""
    session.execute(update(Notice).where(Notice.key == other.key).values(key=key))
    session.execute(update(Snapshot).where(Snapshot.notice_key == other.key).values(notice_key=key))
    notice = load_notice(session, key)
    assert notice is not None
    reread(session, notice, dataclasses.replace(other.record, key=key, text=other.text))
    _carry(session, other.key, key, at)


def _renamed(detail: str, old: str, new: str) -> str:
    return f"{new}{detail[len(old):]}" if detail.startswith(f"{old}:") else detail


def rename_notice(session: Session, old: str, new: str, at: datetime) -> None:
    """The stored notice ``old`` under the key ``new``, its snapshots and what is said of it (:func:`_carry`) with it,
    read as it was: a Q&A re-dated in place (``pipeline._rekeyed_in_place``), a notice renumbered in place and
    accepted so (``review.accept_renumbered``)."""
    session.execute(update(Notice).where(Notice.key == old).values(key=new))
    session.execute(update(Snapshot).where(Snapshot.notice_key == old).values(notice_key=new))
    _carry(session, old, new, at)
    session.flush()


def _carry(session: Session, old: str, new: str, at: datetime) -> None:
    """A stored notice renamed from ``old`` to ``new`` (:func:`_move`, :func:`_rekey`): what is said of it under its key
    goes with it. Its open alias conflict (two of its pages disagreeing, both moved with it) and the open issues of its
    held steps are closed under the old key and opened under the new one at ``at`` (order40's B6: qa40 23/25 then 24
    left ``alias-conflict/QA-2026-12-04-68a81f8d`` open under a key no longer stored, where 23/24/25 opened it under
    ``…-003c``); the items already published keep their ids. A person's word on a held step
    (``storage.heldsteps.decision_key``, by the notice's key) is recorded under the new key too, as said then: a
    published step stays one of the notice's steps (was: a press conference whose held step a person published, moved
    when a second conference of its title and day came, lost the step, its items retracted, and no issue opened)."""
    from storage.heldsteps import decision_key, decision_parts, held_issue_key, is_decision

    at = as_utc(at)
    held: tuple[str, str | None] | None = None  # a carried held-step issue's source and URL
    issues = session.scalars(select(HealthIssue).where(HealthIssue.notice_key == old, HealthIssue.kind.in_(
        (HealthKind.ALIAS_CONFLICT.value, HealthKind.HELD_STEP.value, HealthKind.REVIEW_ACCEPTED.value)))).all()
    for issue in issues:
        detail = _renamed(issue.detail, old, new)
        if issue.kind == HealthKind.REVIEW_ACCEPTED.value and is_decision(issue.key):
            verdict, _, step = decision_parts(issue.key)
            key = decision_key(verdict, new, step)
            if session.scalars(select(HealthIssue.id).where(HealthIssue.key == key)).first() is None:
                session.add(HealthIssue(key=key, kind=issue.kind, source=issue.source, detail=detail, url=issue.url,
                                        notice_key=new, run_id=None, first_seen=issue.first_seen,
                                        last_seen=issue.last_seen, resolved_at=issue.resolved_at))
            continue
        if issue.resolved_at is not None:
            continue
        if issue.kind == HealthKind.ALIAS_CONFLICT.value and issue.key == issue_key(HealthKind.ALIAS_CONFLICT, old):
            key = issue_key(HealthKind.ALIAS_CONFLICT, new)
        elif issue.kind == HealthKind.HELD_STEP.value and issue.key.startswith(f"{HealthKind.HELD_STEP.value}/{old}/"):
            key = held_issue_key(new, issue.key.rsplit("/", 1)[1])
        else:  # a pair of Q&As (same-qa): judged again by the publish's recheck
            continue
        issue.resolved_at = max(at, as_utc(issue.last_seen))
        record_issue(session, key=key, source=issue.source, kind=HealthKind(issue.kind), detail=detail, seen_at=at,
                     url=issue.url, notice_key=new, run_id=issue.run_id)
        if issue.kind == HealthKind.HELD_STEP.value:
            held = (issue.source, issue.url)
    session.flush()
    if held is not None:  # the reading under the new key (MOFCOM's, after _rekey) may hold none of the carried steps:
        # their issues closed, not left open where `review` lists nothing and `accept` finds no step (review43's B3)
        sync_held(session, new, source=held[0], seen_at=at, url=held[1])


def _two_of_one_title(session: Session, record: NoticeRecord, url: str, at: datetime) -> NoticeRecord:
    """``record`` under a key of its own when another Q&A of its day has its title (a heading such as "…就调整有关措施
    答记者问" over one answer for each list): the title's hash alone (``qa_key``) gives both one key, and two pages of
    one key are taken for one notice, one parse kept and the other's changes lost. When the Q&A stored under the key
    is another page whose answer plainly differs and whose changes name none of this one's notices, or the same
    notices but, each naming companies, none of this one's companies (``_apart``), both go under the key followed by
    the hash of the notices their changes name (``_split_hash``), and then by the hash of the companies when the
    notices' hashes are the same (``_entity_hash``; a third Q&A naming the notices of one split so moves that one
    too): the same keys whichever of their pages comes first. A page of a Q&A split so before goes to its key (its
    URL, the same answer, or the same notices named); one not plainly apart from it goes there too, as another page
    of it that disagrees (an alias conflict, as before the split)."""
    from scraper.parse.qa import same_answer

    split = _stored(session, Notice.key.like(f"{record.key}-%"))
    for s in split:
        if url in s.urls or (s.text and same_answer(record.text, s.text)):
            return dataclasses.replace(record, key=s.key)
    if split:  # a third page: a Q&A of its own, or another copy of one of them (an alias conflict, said as such)
        own = _split_key(record.key, record)
        own_entities = _split_key(record.key, record, by_entities=True) if _entities(record) is not None else own
        near = sorted((s.key not in (own, own_entities), s.key) for s in split if not _apart(record, s))
        if near:  # its own key first
            return dataclasses.replace(record, key=near[0][1])
        taken = [s for s in split if s.key == own]
        if own_entities != own and (taken or any(s.key.startswith(f"{own}-") for s in split)):
            # Q&As naming the same notices, each other companies: each under its notices' and companies' hashes
            for s in taken:
                if _entities(s.record) is None or _split_key(record.key, s.record, by_entities=True) == own_entities:
                    return dataclasses.replace(record, key=own)  # cannot be told apart: an alias conflict
                _move(session, s, _split_key(record.key, s.record, by_entities=True), at)
            return dataclasses.replace(record, key=own_entities)
        return dataclasses.replace(record, key=own)
    stored = _stored(session, Notice.key == record.key)
    if not stored or url in stored[0].urls or not _apart(record, stored[0]):
        return record
    other = stored[0]
    theirs, mine = _split_key(record.key, other.record), _split_key(record.key, record)
    if theirs == mine:  # the same notices: apart by the companies they name
        theirs = _split_key(record.key, other.record, by_entities=True)
        mine = _split_key(record.key, record, by_entities=True)
        if theirs == mine:
            return record
    _move(session, other, theirs, at)
    return dataclasses.replace(record, key=mine)


def one_key(session: Session, record: NoticeRecord, url: str, at: datetime) -> NoticeRecord:
    """``record`` (a Q&A about to be stored from ``url``) under the key of the stored Q&A it is a copy of: a reprint
    is another URL of MOFCOM's stored Q&A, read as MOFCOM's copy reads (its headline may name no list, so its own
    parse may read less); MOFCOM's copy takes over a reprint stored first under another key (renamed, and read as
    MOFCOM's copy reads). Unsure: the record as it is; once stored, :func:`pairs` judges it beside its day's Q&As."""
    if record.kind is not NoticeKind.QA or record.published is None or not record.text:
        return record
    from scraper.parse.qa import same_answer

    record = _two_of_one_title(session, record, url, at)

    stored = _same_day(session, record)
    same = [s for s in stored if s.text and same_answer(record.text, s.text)]
    if len(same) == 1:
        other = same[0]
        if not official(url) and other.official:  # a reprint of MOFCOM's stored Q&A: another URL of it, as MOFCOM's copy
            return dataclasses.replace(other.record, url=url, text=record.text, warnings=record.warnings)
        if official(url) and not other.official and session.execute(
                select(Notice.id).where(Notice.key == record.key)).first() is None:
            _rekey(session, other, record, at)  # MOFCOM's copy after a reprint of it
    return record


def pairs(session: Session, key: str, source: str, seen_at: datetime) -> None:
    """Open a health issue naming each two stored Q&As of the day of the stored Q&A ``key`` that may be one Q&A not
    merged (two reprints, two MOFCOM pages, several matches, or the same changes with answers that do not show it),
    unless a person kept the two as two notices. Judged on the readings stored (whichever copy's reading a key kept),
    as :func:`recheck` judges them at every publish: a copy that loses its key's alias conflict opens nothing its
    publish would close again (order39 B1: an issue opened from the losing copy's own reading and closed from the
    kept one, on every ingest of such a copy, its earlier items leaving the health feed). Every pair of the day, not
    only this page's: storing it may have moved another Q&A of its day to a key of its own (``_two_of_one_title``),
    whose pairs its publish closes under the old key (qa40: the first of two press conferences of one title, split
    when the second came, was in no pair issue any more in one order, and in one in the other)."""
    mine = _stored(session, Notice.key == key)
    if not mine or mine[0].record.published is None:
        return
    day = _stored(session, Notice.published == mine[0].record.published)  # in key order
    for n, a in enumerate(day):
        for b in day[n + 1:]:
            verdict = _unsure(a.record, a.text, b)
            if verdict is False or _settled(session, (a.key, b.key), _sha(a, b)):
                continue  # two Q&As; or a person kept these two, reading as they do now, as two notices
            # said of the pair in key order, each by the URL of its reading kept: the same words whichever page came last
            record_issue(
                session, key=issue_key(HealthKind.ALIAS_CONFLICT, ISSUE_PART, a.key, b.key), source=source or "replay",
                kind=HealthKind.ALIAS_CONFLICT, seen_at=seen_at, url=a.record.url, notice_key=a.key,
                detail=(f"{a.key} ({a.record.url}) and {b.key} ({b.record.url}): "
                        + (f"the same spokesperson's answer of {a.record.published} under two keys, and not as one "
                           "reprint beside one MOFCOM copy" if verdict else
                           f"the same changes on {a.record.published} under two keys, but their answers do not show "
                           "they are one Q&A")
                        + "; both are kept, not merged: check the pages (mofcom-watch review shows how to keep them as "
                           "two once checked)"))


@dataclasses.dataclass(frozen=True)
class UnsurePair:
    """Two stored Q&As that may be one, not merged (an open issue names them), as a person reviews them."""

    keys: tuple[str, str]
    urls: tuple[tuple[str, ...], tuple[str, ...]]
    sha256: str  # pair_sha256 of the two as stored now: what ``accept`` names
    detail: str
    first_seen: datetime

    def to_json(self) -> dict[str, Any]:
        return {"notice_keys": list(self.keys), "urls": [list(u) for u in self.urls], "sha256": self.sha256,
                "detail": self.detail, "first_seen": self.first_seen.isoformat()}


def _open_pairs(session: Session) -> list[tuple[HealthIssue, tuple[str, str], dict[str, _Stored]]]:
    """The open not-merged issues, each with its two keys and those of them still stored."""
    prefix = issue_key(HealthKind.ALIAS_CONFLICT, ISSUE_PART) + "/"
    issues = list(session.scalars(select(HealthIssue).where(
        HealthIssue.kind == HealthKind.ALIAS_CONFLICT.value, HealthIssue.key.startswith(prefix, autoescape=True),
        HealthIssue.resolved_at.is_(None)).order_by(HealthIssue.first_seen, HealthIssue.key)))
    found = []
    for issue in issues:
        parts = issue.key[len(prefix):].split("/")
        if len(parts) != 2:
            continue  # not one this module made
        keys = (parts[0], parts[1])
        found.append((issue, keys, {s.key: s for s in _stored(session, Notice.key.in_(keys))}))
    return found


def _sha(a: _Stored, b: _Stored) -> str:
    return pair_sha256((a.key, a.record, a.text), (b.key, b.record, b.text))


def unsure_pairs(session: Session) -> list[UnsurePair]:
    """The pairs an open not-merged issue names, both still stored, oldest issue first (``mofcom-watch review``)."""
    pairs = []
    for issue, keys, stored in _open_pairs(session):
        if len(stored) == 2:
            a, b = stored[keys[0]], stored[keys[1]]
            pairs.append(UnsurePair(keys, (a.urls, b.urls), _sha(a, b), issue.detail, as_utc(issue.first_seen)))
    return pairs


def recheck(session: Session, at: datetime) -> list[str]:
    """Close the open not-merged issues whose cause is gone, as the store reads now (every publish runs it): a key
    no longer stored (one notice now, or renamed), the two no longer perhaps one Q&A (a page corrected: other
    changes, other answers), or a person's word on the two as they read now. Keys of the issues closed.

    Each is closed as of the latest fetch stored (the fetch that brought its cause's end; never before the issue was
    last seen), as a page's issues close as of the fetch that answers right: ``at`` (the publish's clock) only when
    the store holds no fetch time. A replay and both backends write the same resolution (order39 B2)."""
    closed = []
    fetched: list[datetime | None] = []
    for issue, keys, stored in _open_pairs(session):
        if len(stored) == 2:
            a, b = stored[keys[0]], stored[keys[1]]
            if _unsure(a.record, a.text, b) is not False and not _settled(session, keys, _sha(a, b)):
                continue
        if not fetched:
            fetched.append(session.scalar(select(func.max(Page.last_fetched_at))))
        latest = as_utc(fetched[0]) if fetched[0] is not None else as_utc(at)
        issue.resolved_at = max(latest, as_utc(issue.last_seen))
        closed.append(issue.key)
    session.flush()
    return closed


class Unsettled(ValueError):
    """A person's word that does not fit an unsure pair (another SHA-256, or a prefix of several): nothing written."""


def settle(session: Session, key: str, sha: str, *, by: str, at: datetime, note: str | None = None
           ) -> UnsurePair | None:
    """A person keeps the unsure pair naming ``key`` whose :func:`pair_sha256` starts with ``sha`` as two notices:
    recorded (a ``review-accepted`` record, opened and closed at once: who, when, which reading) and its issue
    closed. None when no open pair names ``key``; :class:`Unsettled` when the SHA-256 fits none or several."""
    wanted = key.strip().casefold()
    mine = [p for p in unsure_pairs(session) if wanted in (k.casefold() for k in p.keys)]
    if not mine:
        return None
    matching = [p for p in mine if p.sha256.startswith(sha)]
    if len(matching) != 1:
        shown = ", ".join(f"{' and '.join(p.keys)}: {p.sha256[:16]}…" for p in mine)
        raise Unsettled(f"{key}: {sha} starts " + ("no" if not matching else "more than one")
                        + f" unsure pair's SHA-256 ({shown}): review them (`mofcom-watch review`) and give the one you saw")
    pair = matching[0]
    at = as_utc(at)
    detail = clean_text(
        f"{pair.keys[0]} ({', '.join(pair.urls[0])}) and {pair.keys[1]} ({', '.join(pair.urls[1])}): kept as two "
        f"notices, not merged, by {by} after review (their answers and changes as read now, SHA-256 {pair.sha256}); "
        "should either read otherwise, they are judged again" + (f"; note: {note}" if note else ""))
    key = _settled_key(pair.keys, pair.sha256)
    record = session.scalars(select(HealthIssue).where(HealthIssue.key == key)).one_or_none()
    if record is None:  # else said once before, for the same reading: the latest word is kept
        record = HealthIssue(key=key, kind=HealthKind.REVIEW_ACCEPTED.value)
        session.add(record)
    record.source, record.detail, record.notice_key = by[:64], detail, pair.keys[0]
    record.url = pair.urls[0][0] if pair.urls[0] else None
    record.run_id, record.first_seen, record.last_seen, record.resolved_at = None, at, at, at
    session.execute(update(HealthIssue).where(
        HealthIssue.key == issue_key(HealthKind.ALIAS_CONFLICT, ISSUE_PART, *pair.keys),
        HealthIssue.resolved_at.is_(None)).values(resolved_at=at))
    session.flush()
    return pair
