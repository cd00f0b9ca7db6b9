"""storage.derived: the digest of what a derive and sync read, and the mark that lets publish skip them.

Real SQLite (and PostgreSQL when configured) stores; the notices are the lifecycle corpus's.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from storage.db import open_store
from storage.derived import DerivedSummary, inputs_digest, save_mark, stored_summary
from storage.events import content_hash, payload_hash
from storage.lifecycle import derive
from storage.models import Event, NoticeUrl
from storage.notices import load_stored_notices
from storage.status import status_report
from tests.storage.test_events_sync import AS_OF, T0, put, sync
from tests.storage.test_lifecycle_corpus import LISTING_NOTICES, QA_0514_UEL, QAS


def digest(engine, as_of: date = AS_OF) -> str:
    with Session(engine) as s:
        return inputs_digest(s, as_of)


def test_digest_moves_with_every_input_the_engine_reads_and_only_with_those(engine):
    for rec in LISTING_NOTICES + QAS:
        put(engine, rec)
    first = digest(engine)
    assert digest(engine) == first  # a pure read
    sync(engine)  # events written: not an input
    assert digest(engine) == first
    assert digest(engine, AS_OF + timedelta(days=1)) != first  # another day
    with Session(engine) as s, s.begin():  # another official URL of a notice: provenance changes
        notice_id = s.scalars(select(NoticeUrl.notice_id)).first()
        s.add(NoticeUrl(notice_id=notice_id, url="https://www.mofcom.gov.cn/alias.html", first_seen_at=T0))
    with_url = digest(engine)
    assert with_url != first
    a0 = replace(QA_0514_UEL.actions[0], until=date(2025, 8, 13))  # a notice's text changes
    put(engine, replace(QA_0514_UEL, actions=(a0,) + QA_0514_UEL.actions[1:]), at=T0 + timedelta(days=1),
        body=b"revised page")
    revised = digest(engine)
    assert revised not in (first, with_url)
    with Session(engine) as s, s.begin():  # the parse edited in place (an older version's store, a hand edit)
        s.execute(text("UPDATE notice SET record_json = replace(record_json, '2025', '2024')"))
    assert digest(engine) != revised


def test_summary_round_trips_through_json(engine):
    for rec in LISTING_NOTICES + QAS:
        put(engine, rec)
    with Session(engine) as s:
        derivation = derive(load_stored_notices(s), AS_OF)
    summary = DerivedSummary.of(derivation, AS_OF)
    assert summary.states and summary.events == len(derivation.events)
    assert DerivedSummary.from_json(json.loads(json.dumps(summary.to_json()))) == summary


def test_mark_stands_only_for_its_day_digest_and_held_sources(engine):
    for rec in LISTING_NOTICES + QAS:
        put(engine, rec)
    with Session(engine) as s, s.begin():
        d = inputs_digest(s, AS_OF)
        summary = DerivedSummary.of(derive(load_stored_notices(s), AS_OF), AS_OF)
        assert stored_summary(s, AS_OF, d) is None  # nothing marked yet
        save_mark(s, d, ("mofcom-qa",), summary)
    with Session(engine) as s:
        assert stored_summary(s, AS_OF, d) == summary  # any held sources: status does not care
        assert stored_summary(s, AS_OF, d, ("mofcom-qa",)) == summary
        assert stored_summary(s, AS_OF, d, ()) is None
        assert stored_summary(s, AS_OF, "0" * 64) is None
        assert stored_summary(s, AS_OF + timedelta(days=1), d) is None


def test_status_reads_the_mark_and_says_the_same(engine):
    for rec in LISTING_NOTICES + QAS:
        put(engine, rec)
    with Session(engine) as s:
        derived = status_report(s, AS_OF)  # no mark: derived now
    with Session(engine) as s, s.begin():
        d = inputs_digest(s, AS_OF)
        save_mark(s, d, (), DerivedSummary.of(derive(load_stored_notices(s), AS_OF), AS_OF))
    with Session(engine) as s:
        assert stored_summary(s, AS_OF, d) is not None
        marked = status_report(s, AS_OF)
    assert marked.rows == derived.rows and marked.unresolved == derived.unresolved
    assert marked.problems == derived.problems


def test_sync_stores_both_hashes_and_migration_fills_the_content_hash(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    engine = open_store(url)
    for rec in LISTING_NOTICES + QAS:
        put(engine, rec)
    sync(engine)
    with Session(engine) as s:
        stored = {e.id: (e.payload_sha256, e.content_sha256, e.payload) for e in s.scalars(select(Event))}
    assert stored and all(p == payload_hash(body) and c == content_hash(body) for p, c, body in stored.values())
    # a store of the previous schema with the same rows: the upgrade computes the same content hashes
    from alembic import command

    from storage.db import alembic_config

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003")
    engine.dispose()
    engine = open_store(url)
    with engine.connect() as conn:
        after = dict(conn.execute(text("SELECT id, content_sha256 FROM event")).all())
    engine.dispose()
    assert after == {k: c for k, (_, c, _) in stored.items()}
