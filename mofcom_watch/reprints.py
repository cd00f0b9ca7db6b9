"""One spokesperson Q&A, one key: a paper's reprint of it under a heading of its own is MOFCOM's Q&A.

A Q&A's key hashes its title (``scraper.parse.qa.qa_key``). A paper reprinting it under its own headline
("商务部：继续暂停…", no "…答记者问" line) got a key of its own, so one Q&A could act twice, under two keys. When
a Q&A is stored, the stored Q&As of its day are compared with it by their answers
(``scraper.parse.qa.same_answer``): MOFCOM's copy (a page on www.mofcom.gov.cn) and a reprint giving the same
answer are one notice, under MOFCOM's key, whichever came first. Where the text does not show it (answers
that differ or are too short to compare, but the same changes; two reprints and no MOFCOM copy; more than one
match) nothing is merged: a health issue names both keys for a person to look at.
"""

from __future__ import annotations

import dataclasses
import json
import zlib
from datetime import datetime
from urllib.parse import urlsplit

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from scraper.parse import parse_document
from scraper.parse.qa import same_answer
from storage.ingest import load_notice, record_issue, reread
from storage.keys import issue_key
from storage.models import Notice, NoticeUrl, Page, Snapshot
from storage.records import NoticeKind, NoticeRecord
from storage.vocabulary import HealthKind

OFFICIAL_HOSTS = ("www.mofcom.gov.cn", "mofcom.gov.cn")  # where MOFCOM publishes its Q&As (shared/domain.md d)
ISSUE_PART = "same-qa"


def official(url: str | None) -> bool:
    """Whether ``url`` is MOFCOM's own page (not a paper's, a mirror's or a saved file's)."""
    return bool(url) and (urlsplit(url or "").hostname or "") in OFFICIAL_HOSTS


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


def _text(session: Session, snapshot_id: int | None) -> str:
    """The text a stored notice was read from (records are stored without it): its snapshot parsed again."""
    row = session.execute(select(Snapshot.body, Snapshot.content_type, Page.url).join(Page, Snapshot.page_id == Page.id)
                          .where(Snapshot.id == snapshot_id)).first()
    if row is None:
        return ""
    try:
        doc = parse_document(zlib.decompress(row.body), url=row.url, content_type=row.content_type)
    except Exception:  # unusable now, or a parser error: no text to compare, so nothing is merged
        return ""
    return doc.notice.text if doc.notice is not None else ""


def _same_day(session: Session, record: NoticeRecord) -> list[_Stored]:
    """The other Q&As stored for the record's day, each with its text and whether MOFCOM published it."""
    rows = session.execute(
        select(Notice.id, Notice.key, Notice.record_json, Notice.snapshot_id)
        .where(Notice.kind == NoticeKind.QA.value, Notice.published == record.published, Notice.key != record.key)
        .order_by(Notice.key)).all()
    if not rows:
        return []
    urls: dict[int, list[str]] = {}
    for notice_id, url in session.execute(select(NoticeUrl.notice_id, NoticeUrl.url)
                                          .where(NoticeUrl.notice_id.in_([r[0] for r in rows]))):
        urls.setdefault(notice_id, []).append(url)
    return [_Stored(key, NoticeRecord.from_json(json.loads(text)), any(official(u) for u in urls.get(nid, ())),
                    _text(session, snapshot_id))
            for nid, key, text, snapshot_id in rows]


def _rekey(session: Session, reprint: _Stored, mofcom: NoticeRecord) -> None:
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


def one_key(session: Session, record: NoticeRecord, url: str, source: str, seen_at: datetime) -> NoticeRecord:
    """``record`` (a Q&A about to be stored from ``url``) under the key of the stored Q&A it is a copy of: a reprint
    is another URL of MOFCOM's stored Q&A, read as MOFCOM's copy reads (its headline may name no list, so its own
    parse may read less); MOFCOM's copy takes over a reprint stored first under another key (renamed, and read as
    MOFCOM's copy reads). Unsure: the record as it is, and a health issue naming
    both keys."""
    if record.kind is not NoticeKind.QA or record.published is None or not record.text:
        return record
    stored = _same_day(session, record)
    if not stored:
        return record
    mine = official(url)
    verdicts = [(s, same_answer(record.text, s.text) if s.text else None) for s in stored]
    same = [s for s, verdict in verdicts if verdict]
    # the same changes on the same day, but answers that differ or are too short to tell: perhaps one Q&A
    doubt = [s for s, verdict in verdicts if not verdict and _actions(s.record) == _actions(record)]
    if len(same) == 1:
        other = same[0]
        if not mine and other.official:  # a reprint of MOFCOM's stored Q&A: another URL of it, read as MOFCOM's copy
            record = dataclasses.replace(other.record, url=url, text=record.text, warnings=record.warnings)
            same = []
        elif mine and not other.official and session.execute(
                select(Notice.id).where(Notice.key == record.key)).first() is None:
            _rekey(session, other, record)  # MOFCOM's copy after a reprint of it
            same = []
    for other in same + doubt:  # two reprints, two MOFCOM pages, several matches, or answers that do not show it
        pair = sorted((record.key, other.key))
        record_issue(
            session, key=issue_key(HealthKind.ALIAS_CONFLICT, ISSUE_PART, *pair), source=source or "replay",
            kind=HealthKind.ALIAS_CONFLICT, seen_at=seen_at, url=url, notice_key=record.key,
            detail=(f"{record.key} ({url}) and {other.key}: "
                    + (f"the same spokesperson's answer of {record.published} under two keys, and not as one reprint "
                       "beside one MOFCOM copy" if other in same else
                       f"the same changes on {record.published} under two keys, but their answers do not show they "
                       "are one Q&A")
                    + "; both are kept, not merged: check the pages"))
    return record
