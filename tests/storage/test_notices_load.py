"""load_stored_notices: parses back, sorted by key, with all URLs and the parsed-from snapshot; load_records:
the same records alone."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from sqlalchemy.orm import Session

from storage.notices import load_records, load_stored_notices
from tests.storage.test_ingest_notice import QA, T0, URL_A, URL_B, store, uel7


def test_load_stored_notices_gives_records_and_provenance(engine):
    store(engine, QA, "https://www.mofcom.gov.cn/xwfb/qa.html", b"qa", at=T0 + timedelta(days=40))
    store(engine, uel7(), URL_B, b"page-b")
    store(engine, uel7(), URL_A, b"page-a", at=T0 + timedelta(hours=2))
    with Session(engine) as s:
        notices = load_stored_notices(s)
    assert [n.record.key for n in notices] == ["QA-2025-05-14-1a2b3c4d", "UEL-2025-7"]
    qa, uel = notices
    assert qa.record.actions == QA.actions and qa.record.entities == ()
    assert uel.record.entities == uel7().entities and uel.record.stated_count == 3
    assert uel.provenance.urls == tuple(sorted([URL_A, URL_B]))
    # parsed from the preferred copy (smaller sha256 of equal parses), with its own fetch time
    best = min([(hashlib.sha256(b"page-a").hexdigest(), T0 + timedelta(hours=2)),
                (hashlib.sha256(b"page-b").hexdigest(), T0)])
    assert (uel.provenance.sha256, uel.provenance.fetched_at) == best
    assert uel.provenance.fetched_at.tzinfo is not None
    assert uel.provenance.number == uel7().number
    with Session(engine) as s:
        assert load_records(s) == [n.record for n in notices]


def test_empty_store_loads_nothing(engine):
    with Session(engine) as s:
        assert load_stored_notices(s) == [] and load_records(s) == []
