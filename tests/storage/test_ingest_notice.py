"""store_notice: one notice per key, URLs, entities, listings only for impositions, corrections, aliases."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.ingest import store_notice, substance
from storage.models import Action, Entity, EntityName, HealthIssue, Listing, Notice, NoticeUrl, NoticeVersion
from storage.names import entity_key
from storage.records import (
    ActionKind,
    ActionRecord,
    EntityRecord,
    ListKind,
    NoticeKind,
    NoticeRecord,
    NoticeRef,
)
from storage.snapshots import record_snapshot

T0 = datetime(2025, 4, 4, 12, 0, tzinfo=timezone.utc)
URL_A = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_7.html"
URL_B = "https://aqygzj.mofcom.gov.cn/zcfb/art/2025/art_7.html"


def ent(zh, en, n=None):
    return EntityRecord(zh=zh, en=en, country="US", key=entity_key(zh, en), n=n)


ENTITIES = (
    ent("斯凯迪奥公司", "Skydio, Inc.", 1),
    ent("TCOM有限合伙公司", "TCOM, Limited Partnership", 2),
    ent("海岸线公司", "Shoreline Co.", 3),
)


def uel7(entities=ENTITIES, stated=3, title="不可靠实体清单工作机制公告〔2025〕7号", warnings=()):
    return NoticeRecord(
        key="UEL-2025-7", kind=NoticeKind.UEL_ANNOUNCEMENT, number="不可靠实体清单工作机制公告〔2025〕7号",
        issuer="不可靠实体清单工作机制", title=title, published=date(2025, 4, 4), effective="2025-04-04",
        list=ListKind.UEL, actions=(ActionRecord(ActionKind.IMPOSE, ListKind.UEL, effective="2025-04-04",
                                                 text="将以下11家美国实体列入不可靠实体清单"),),
        entities=entities, stated_count=stated, warnings=warnings,
    )


QA = NoticeRecord(
    key="QA-2025-05-14-1a2b3c4d", kind=NoticeKind.QA, number=None, issuer="商务部", title="答记者问",
    published=date(2025, 5, 14), list=ListKind.UEL,
    actions=(ActionRecord(ActionKind.SUSPEND, ListKind.UEL,
                          targets=(NoticeRef(text="〔2025〕7号", key="UEL-2025-7"),
                                   NoticeRef(text="4月4日16家", date=date(2025, 4, 4), list=ListKind.ECL, count=16)),
                          effective="2025-05-14", until=date(2025, 8, 12), duration="90天"),),
)


def store(engine, record, url, raw, at=T0):
    with Session(engine) as s, s.begin():
        snap, _ = record_snapshot(s, url=url, raw=raw, fetched_at=at, outcome="notice",
                                  notice_key=record.key, parser_version="t")
        return store_notice(s, record, snap, url, at)


def count(s, model):
    return s.scalar(select(func.count()).select_from(model))


def test_new_notice_stores_urls_entities_listings_actions(engine):
    change = store(engine, uel7(), URL_A, b"page-a")
    assert (change.new, change.changed, change.revision) == (True, True, 1)
    with Session(engine) as s:
        notice = s.scalars(select(Notice)).one()
        assert (notice.key, notice.list, notice.stated_count, notice.parsed_count) == ("UEL-2025-7", "uel", 3, 3)
        assert json.loads(notice.record_json)["url"] == URL_A
        assert [u.url for u in notice.urls] == [URL_A]
        assert {(x.entity.key, x.list, x.position) for x in notice.listings} == {
            ("skydio", "uel", 1), (entity_key(None, "TCOM, Limited Partnership"), "uel", 2), ("shoreline", "uel", 3)}
        assert [(a.seq, a.kind) for a in notice.actions] == [(1, "impose")]
        assert count(s, NoticeVersion) == 1 and count(s, Entity) == 3


def test_second_url_with_same_substance_only_adds_the_url(engine):
    store(engine, uel7(), URL_A, b"page-a")
    change = store(engine, uel7(title="不可靠实体清单工作机制公告 〔2025〕 7号", warnings=("x",)), URL_B, b"page-b",
                   at=T0 + timedelta(hours=1))
    assert (change.new, change.changed, change.revision, change.alias_conflict) == (False, False, 1, False)
    with Session(engine) as s:
        assert count(s, Notice) == 1 and count(s, NoticeVersion) == 1 and count(s, Listing) == 3
        assert sorted(s.scalars(select(NoticeUrl.url))) == sorted([URL_A, URL_B])
        assert count(s, HealthIssue) == 0


def test_same_url_new_substance_is_a_new_revision_with_rebuilt_listings(engine):
    store(engine, uel7(), URL_A, b"v1")
    more = ENTITIES + (ent("新公司", "New Corp", 4),)
    change = store(engine, uel7(entities=more, stated=4), URL_A, b"v2", at=T0 + timedelta(days=1))
    assert (change.new, change.changed, change.revision) == (False, True, 2)
    with Session(engine) as s:
        notice = s.scalars(select(Notice)).one()
        assert notice.revision == 2 and notice.parsed_count == 4 and len(notice.listings) == 4
        assert count(s, Listing) == 4 and count(s, Action) == 1
        assert [v.revision for v in s.scalars(select(NoticeVersion).order_by(NoticeVersion.revision))] == [1, 2]
    # the same bytes again change nothing
    change = store(engine, uel7(entities=more, stated=4), URL_A, b"v2", at=T0 + timedelta(days=1))
    assert (change.changed, change.revision) == (False, 2)


def test_listings_only_for_impositions(engine):
    store(engine, uel7(), URL_A, b"uel7")
    with_names = dataclasses.replace(QA, entities=(ent("斯凯迪奥公司", "Skydio Inc.", None),))
    store(engine, with_names, "https://www.mofcom.gov.cn/xwfb/qa.html", b"qa")
    with Session(engine) as s:
        qa = s.scalars(select(Notice).where(Notice.key == QA.key)).one()
        assert qa.listings == []
        (action,) = qa.actions
        assert action.kind == "suspend" and action.until == date(2025, 8, 12)
        assert action.targets[0]["key"] == "UEL-2025-7"
        assert action.targets[1] == {"text": "4月4日16家", "key": None, "date": "2025-04-04", "list": "ecl", "count": 16}
        # one entity, every spelling kept
        assert count(s, Entity) == 3
        skydio = s.scalars(select(Entity).where(Entity.key == "skydio")).one()
        assert sorted(n.name for n in skydio.names) == ["Skydio Inc.", "Skydio, Inc.", "斯凯迪奥公司"]
        assert count(s, EntityName) == 7


def test_impose_naming_some_entities_lists_only_those(engine):
    rec = uel7()
    rec = dataclasses.replace(rec, actions=(dataclasses.replace(rec.actions[0], entities=("skydio",)),))
    store(engine, rec, URL_A, b"x")
    with Session(engine) as s:
        assert [x.entity.key for x in s.scalars(select(Listing))] == ["skydio"]


def _store_state(engine):
    with Session(engine) as s:
        n = s.scalars(select(Notice)).one()
        return (
            n.record_json, n.revision, n.snapshot.sha256, n.parsed_count,
            sorted(u.url for u in n.urls),
            sorted((x.entity.key, x.list) for x in n.listings),
            sorted((v.revision, v.record_sha256) for v in s.scalars(select(NoticeVersion))),
            sorted((h.kind, h.key) for h in s.scalars(select(HealthIssue))),
        )


def test_alias_pages_that_disagree_resolve_the_same_in_any_order(engine, other_db_url):
    from storage.db import open_store

    good = (uel7(), URL_A, b"alias-a")  # 3 entities, stated 3
    short = (uel7(entities=ENTITIES[:2], stated=3), URL_B, b"alias-b")  # lost one: count mismatch
    store(engine, *short)
    change = store(engine, *good)
    assert change.alias_conflict and change.changed and change.revision == 1
    forward = _store_state(engine)

    other = open_store(other_db_url)
    store(other, *good)
    change = store(other, *short)
    assert change.alias_conflict and not change.changed
    assert _store_state(other) == forward
    assert forward[3] == 3 and forward[2] == hashlib.sha256(b"alias-a").hexdigest()  # the complete parse won
    assert forward[7] == [("alias-conflict", "alias-conflict/UEL-2025-7")]
    other.dispose()


def test_an_alias_conflict_ends_when_the_page_reads_the_same_again(engine):
    """Two URLs of a notice disagreed once (one served a copy cut short, or its annex moved to a PDF): the
    alias-conflict issue stayed open for good after the page read whole again, so every later run exited 1
    and status stayed red (fetch19's S27). It is resolved when the page it names reads as the kept parse."""
    store(engine, uel7(), URL_A, b"alias-a")
    store(engine, uel7(entities=ENTITIES[:2], stated=3), URL_B, b"alias-b-cut", at=T0 + timedelta(days=1))
    with Session(engine) as s:
        (issue,) = s.scalars(select(HealthIssue).where(HealthIssue.kind == "alias-conflict"))
        assert issue.url == URL_B and issue.resolved_at is None
    change = store(engine, uel7(), URL_B, b"alias-b-whole", at=T0 + timedelta(days=2))
    assert not change.changed and not change.alias_conflict
    with Session(engine) as s:
        (issue,) = s.scalars(select(HealthIssue).where(HealthIssue.kind == "alias-conflict"))
        assert issue.resolved_at is not None
    # another page agreeing does not end a conflict it is not part of
    store(engine, uel7(entities=ENTITIES[:2], stated=3), URL_B, b"alias-b-cut-again", at=T0 + timedelta(days=3))
    store(engine, uel7(), "https://www.mofcom.gov.cn/zcfb/blgg/art/2025/art_7.html", b"alias-c", at=T0 + timedelta(days=4))
    with Session(engine) as s:
        (issue,) = s.scalars(select(HealthIssue).where(HealthIssue.kind == "alias-conflict"))
        assert issue.resolved_at is None


def test_a_copy_turning_up_later_at_another_url_does_not_flip_a_whole_notice(engine, other_db_url):
    """Two whole copies that disagree (a copy elsewhere on the site still serving the text before a correction):
    the smaller SHA-256 won, so a stale copy turning up later replaced the stored text half the time, and the
    feeds published a correction back to the old name (fetch19's S31). Between copies alike whole, the one first
    fetched earlier stays, in any order they arrive in; the alias-conflict issue says so."""
    from storage.db import open_store

    renamed = (ent("斯凯迪奥无人机公司", "Skydio, Inc.", 1),) + ENTITIES[1:]
    kept = (uel7(), URL_A, b"copy-x", T0)
    later = (uel7(entities=renamed), URL_B, b"old-copy", T0 + timedelta(days=1))
    assert hashlib.sha256(b"old-copy").hexdigest() < hashlib.sha256(b"copy-x").hexdigest()  # the later copy won before
    store(engine, *kept[:3], at=kept[3])
    change = store(engine, *later[:3], at=later[3])
    assert change.alias_conflict and not change.changed, change
    forward = _store_state(engine)
    assert forward[2] == hashlib.sha256(b"copy-x").hexdigest()
    assert forward[7] == [("alias-conflict", "alias-conflict/UEL-2025-7")]
    other = open_store(other_db_url)
    store(other, *later[:3], at=later[3])
    store(other, *kept[:3], at=kept[3])
    assert _store_state(other)[:3] == forward[:3] and _store_state(other)[7] == forward[7]
    other.dispose()


def test_substance_ignores_url_warnings_and_whitespace():
    a = uel7()
    b = dataclasses.replace(uel7(title="x y", warnings=("w",)), url="https://elsewhere/")
    assert substance(a) == substance(b)
    assert substance(a) != substance(uel7(stated=4))


def test_count_mismatch_only_for_notices_that_name_entities():
    from storage.ingest import count_mismatch

    assert count_mismatch(uel7(entities=ENTITIES[:2], stated=3))
    assert not count_mismatch(uel7())
    # a Q&A's "28家美国实体" counts the entities it refers to, not entities it lists
    assert not count_mismatch(dataclasses.replace(QA, stated_count=28))


def test_same_bytes_read_again_by_a_newer_parser_update_the_notice(engine):
    store(engine, uel7(entities=ENTITIES[:2], stated=3), URL_A, b"same-bytes")
    change = store(engine, uel7(), URL_A, b"same-bytes")  # the fixed parser finds the third entity
    assert (change.changed, change.revision) == (True, 2)
    with Session(engine) as s:
        assert s.scalars(select(Notice)).one().parsed_count == 3 and count(s, Listing) == 3
    assert not store(engine, uel7(), URL_A, b"same-bytes").changed


def test_overlong_garbled_names_are_stored_not_fatal(engine):
    """PostgreSQL enforces VARCHAR lengths: a paragraph parsed as a name must not lose the page."""
    long_en = "Garbled " * 200
    rec = uel7(entities=ENTITIES[:2] + (ent("长" * 600, long_en, 3),))
    assert store(engine, rec, URL_A, b"long").new
    with Session(engine) as s:
        keys = [e.key for e in s.scalars(select(Entity))]
        assert len(keys) == 3 and all(len(k) <= 255 for k in keys)
        assert count(s, Listing) == 3


def _statements_storing(engine, record, url, raw, at=T0) -> int:
    from sqlalchemy import event

    seen: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        store(engine, record, url, raw, at)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return len(seen)


def _firms(n, prefix="Firm"):
    return tuple(ent(f"{prefix}公司{i}", f"{prefix} {i} Inc.", i + 1) for i in range(n))


def test_storing_a_notice_costs_the_same_statements_for_3_or_60_entities(engine):
    """One IN (...) lookup for the notice's entities and one INSERT per table: no query, flush or lazy
    load per entity, whether the entities are new or already stored (with new spellings)."""
    small = _statements_storing(engine, uel7(_firms(3), stated=3), URL_A, b"small")
    large = dataclasses.replace(uel7(_firms(60, "Big"), stated=60), key="UEL-2025-8")
    assert _statements_storing(engine, large, URL_B, b"large") == small
    # the same 60 entities again, under other spellings, in a third notice: still no per-entity statement
    renamed = tuple(dataclasses.replace(e, zh=e.zh + "（美国）") for e in _firms(60, "Big"))
    again = dataclasses.replace(uel7(renamed, stated=60), key="UEL-2025-9")
    stored_again = _statements_storing(engine, again, URL_A.replace("7", "9"), b"again")
    assert stored_again <= small + 2  # stored entities: a query for their names, an UPDATE for none
    with Session(engine) as s:
        assert count(s, Entity) == 63 and count(s, Listing) == 123
        assert count(s, EntityName) == 3 * 2 + 60 * 3
