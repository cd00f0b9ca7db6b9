"""load_stored_notices: parses back, sorted by key, with all URLs and the parsed-from snapshot; load_records:
the same records alone; load_lines: what a table shows of them, read off the JSON."""

from __future__ import annotations

import hashlib
import json
from datetime import date, timedelta

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from storage.derived import StateRows
from storage.ingest import count_mismatch, lists_entities
from storage.notices import NoticeLine, load_lines, load_records, load_stored_notices
from storage.records import ListingState, ListKind, NoticeRecord, StatusRow
from tests.conftest import copy_of
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


def test_notice_lines_are_what_the_records_show(replayed, tmp_path):
    """load_lines reads off the JSON what NoticeLine.of takes from the records (every fixture notice: listings,
    Q&As acting on notices by number and by date, counts short of the stated one, warnings)."""
    engine = create_engine(copy_of(replayed, tmp_path / "db.sqlite"))
    with Session(engine) as s:
        records, lines = load_records(s), load_lines(s)
    engine.dispose()
    assert lines == [NoticeLine.of(r) for r in records]
    assert [(x.lists_entities, x.count_mismatch) for x in lines] == [(lists_entities(r), count_mismatch(r))
                                                                      for r in records]
    assert any(x.count_mismatch for x in lines) and any(x.targets and not x.lists_entities for x in lines)
    assert any(x.warnings for x in lines) and any(t.key is None and t.date for x in lines for t in x.targets)


def test_a_notice_line_refuses_what_the_record_refuses():
    data = json.loads(uel7().dumps())
    for bad in ({"list": "nonsense"}, {"published": "not a date"}, {"actions": [{"action": "nonsense"}]}):
        for read in (NoticeRecord.from_json, NoticeLine.from_json):
            with pytest.raises(ValueError):
                read({**data, **bad})


def test_state_rows_keyed_states_decoded_or_not():
    rows = tuple(StatusRow(notice_key=k, number=None, title=None, list=ListKind.ECL, state=state, since=date(2025, 1, 2),
                           until=None, days_left=None, entity_count=3)
                 for k, state in (("A", ListingState.IN_FORCE), ("B", ListingState.LIFTED), ("A", ListingState.LIFTED)))
    text = json.dumps([r.to_json() for r in rows], ensure_ascii=False)
    expected = [("A", ListingState.IN_FORCE), ("B", ListingState.LIFTED), ("A", ListingState.LIFTED)]
    assert StateRows(text=text).keyed_states() == expected == StateRows(rows).keyed_states()
    undecoded = StateRows(text=text)
    assert undecoded.keyed_states() == expected and undecoded.get() == rows  # the rows still decode after it


def test_a_notice_whose_copy_is_read_otherwise_now_is_left_out_everywhere_the_notices_are_read(engine):
    """A withdrawn notice (session 39: the snapshot it was read from no longer says it, ``storage.notices.withdrawn``)
    is in no reader of the notices (the engine's, the tables', the count), and ``withdrawn_notices`` says what the
    copy reads as now; a parser error on the copy is no reading and withdraws nothing."""
    from sqlalchemy import select, update

    from storage.models import Notice, Snapshot
    from storage.notices import count_read, withdrawn_notices

    store(engine, QA, "https://www.mofcom.gov.cn/xwfb/qa.html", b"qa", at=T0 + timedelta(days=40))
    store(engine, uel7(), URL_B, b"page-b")
    with Session(engine) as s, s.begin():
        snap = s.scalar(select(Notice.snapshot_id).where(Notice.key == QA.key))
        s.execute(update(Snapshot).where(Snapshot.id == snap).values(outcome="unusable", notice_key=None,
                                                                      detail="needs-review: a doubt"))
    with Session(engine) as s:
        assert [n.record.key for n in load_stored_notices(s)] == ["UEL-2025-7"]
        assert [r.key for r in load_records(s)] == [x.key for x in load_lines(s)] == ["UEL-2025-7"]
        assert count_read(s) == 1
        gone = withdrawn_notices(s)
        assert list(gone) == [QA.key] and gone[QA.key].url == "https://www.mofcom.gov.cn/xwfb/qa.html"
        assert gone[QA.key].why == "it refuses them and holds the page for a person (needs-review: a doubt)"
    with Session(engine) as s, s.begin():
        s.execute(update(Snapshot).where(Snapshot.id == snap).values(outcome="notice", notice_key="UEL-2025-7"))
    with Session(engine) as s:
        assert withdrawn_notices(s)[QA.key].why == "it reads them as another notice, UEL-2025-7"
    with Session(engine) as s, s.begin():
        s.execute(update(Snapshot).where(Snapshot.id == snap).values(outcome="error", notice_key=None))
    with Session(engine) as s:
        assert [n.record.key for n in load_stored_notices(s)] == [QA.key, "UEL-2025-7"] and count_read(s) == 2
        assert withdrawn_notices(s) == {}
