"""A notice read again takes back the spellings only its earlier parse gave (session 30, the lead's decision on names29's
finding: a store written before the pointer-word fix kept "商务部公告2026年第30号所列贝塔微系统公司" as "also written")."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.ingest import store_notice
from storage.models import Entity, EntityName, Listing
from storage.names import entity_key
from storage.records import ActionKind, ActionRecord, EntityRecord, ListKind, NoticeKind, NoticeRecord
from storage.snapshots import record_snapshot

T0 = datetime(2026, 12, 3, 12, 0, tzinfo=timezone.utc)
URL = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2026/art_55.html"
OTHER_URL = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2026/art_56.html"
POINTED = "商务部公告2026年第30号所列贝塔微系统公司"  # what the parser before 8c3e407 stored as the name
EN = "Beta Microsystems Corp."
KEY = entity_key("贝塔微系统公司", EN)


def removal(zh: str, key: str = "MOFCOM-2026-55") -> NoticeRecord:
    return NoticeRecord(
        key=key, kind=NoticeKind.ANNOUNCEMENT, number=f"商务部公告2026年第{key[-2:]}号", issuer="商务部", title=None,
        published=date(2026, 6, 10), effective="2026-06-10", list=ListKind.WATCH,
        actions=(ActionRecord(ActionKind.REMOVE, ListKind.WATCH, effective="2026-06-10", text="决定将其移出关注名单"),),
        entities=(EntityRecord(zh=zh, en=EN, country="US", key=entity_key(zh, EN)),),
    )


def store(engine, record: NoticeRecord, raw: bytes, url: str = URL) -> None:
    with Session(engine) as s, s.begin():
        snap, _ = record_snapshot(s, url=url, raw=raw, fetched_at=T0, outcome="notice", notice_key=record.key,
                                  parser_version="t")
        store_notice(s, record, snap, url, T0)


def names(engine) -> tuple[tuple[int, str, str | None], set[str]]:
    with Session(engine) as s:
        entity = s.scalars(select(Entity).where(Entity.key == KEY)).one()
        spelled = set(s.scalars(select(EntityName.name).where(EntityName.entity_id == entity.id)))
        return (entity.id, entity.key, entity.zh), spelled


def test_a_notice_read_again_takes_back_the_spelling_only_its_earlier_parse_gave(engine):
    assert entity_key(POINTED, EN) == KEY  # keyed by the English name: the same entity either way
    store(engine, removal(POINTED), b"page")  # the old parser's reading, stored first: the entity shown by it
    (entity_id, _, shown), spelled = names(engine)
    assert shown == POINTED and spelled == {POINTED, EN}
    store(engine, removal("贝塔微系统公司"), b"page")  # the same bytes read by the fixed parser
    (same_id, key, shown), spelled = names(engine)
    assert (same_id, key) == (entity_id, KEY)  # the entity, its key (its items' ids) unchanged
    assert shown == "贝塔微系统公司"
    assert spelled == {"贝塔微系统公司", EN}


def test_a_spelling_another_stored_notice_gives_stays(engine):
    store(engine, removal(POINTED), b"page")
    listing = dataclasses.replace(removal(POINTED, key="MOFCOM-2026-56"), actions=(
        ActionRecord(ActionKind.IMPOSE, ListKind.WATCH, effective="2026-06-10", text="列入关注名单"),))
    store(engine, listing, b"other page", OTHER_URL)
    store(engine, removal("贝塔微系统公司"), b"page")
    (_, _, shown), spelled = names(engine)
    assert spelled == {POINTED, "贝塔微系统公司", EN}  # No. 56's record still writes it so
    assert shown == POINTED
    with Session(engine) as s:
        assert len(s.scalars(select(Listing)).all()) == 1
