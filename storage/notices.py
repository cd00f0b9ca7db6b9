"""Reading notices back as the lifecycle engine sees them: the parse plus its provenance."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from storage.models import Notice, Snapshot
from storage.records import NoticeRecord, Provenance, StoredNotice
from storage.vocabulary import as_utc


def stored_notice(notice: Notice) -> StoredNotice:
    record = NoticeRecord.from_json(json.loads(notice.record_json))
    snapshot = notice.snapshot
    return StoredNotice(
        record=record,
        provenance=Provenance(
            notice_key=notice.key,
            number=notice.number,
            title=notice.title,
            urls=tuple(sorted(u.url for u in notice.urls)),
            fetched_at=as_utc(snapshot.fetched_at) if snapshot is not None else None,
            sha256=snapshot.sha256 if snapshot is not None else None,
            issuer=notice.issuer,
        ),
    )


def load_stored_notices(session: Session) -> list[StoredNotice]:
    """Every stored notice, sorted by key, each with all its URLs and the snapshot it was parsed from."""
    notices = session.scalars(
        select(Notice).options(selectinload(Notice.urls),  # the snapshot's time and hash, never its body
                               selectinload(Notice.snapshot).load_only(Snapshot.fetched_at, Snapshot.sha256))
        .order_by(Notice.key)
    ).all()
    return [stored_notice(n) for n in notices]



def load_records(session: Session) -> list[NoticeRecord]:
    """Every stored notice's record, sorted by key, without its provenance: one narrow query, a third of
    :func:`load_stored_notices`' cost (what a table of notices shows)."""
    return [NoticeRecord.from_json(json.loads(text))
            for text in session.scalars(select(Notice.record_json).order_by(Notice.key))]
