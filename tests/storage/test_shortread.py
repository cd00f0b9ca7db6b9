"""``storage.shortread.renamed_entities``: a newer copy of a stored notice's page naming other entities than the
stored parse, as many or more (health34 K6c, decided in session 35: held for a person, not read as a retraction of
the old name and a listing of the new one). Pure: records in, names out."""

from __future__ import annotations

from datetime import date

from storage.names import entity_key
from storage.records import EntityRecord, ListKind, NoticeKind, NoticeRecord
from storage.shortread import reads_less, renamed_entities


def _entity(zh: str, en: str | None) -> EntityRecord:
    return EntityRecord(zh=zh, en=en, key=entity_key(zh, en))


def _notice(*entities: EntityRecord) -> NoticeRecord:
    return NoticeRecord(key="MOFCOM-2026-23", kind=NoticeKind.ANNOUNCEMENT, number="商务部公告2026年第23号", issuer="商务部",
                        title="商务部公告2026年第23号", published=date(2026, 6, 22), list=ListKind.ECL,
                        entities=entities, stated_count=len(entities))


RED = _entity("红猫控股公司", "Red Cat Holdings, Inc.")
TEAL = _entity("蒂尔无人机公司", "Teal Drones, Inc.")
STORED = _notice(RED, TEAL)


def test_an_entity_named_otherwise_at_the_same_count_is_a_rename() -> None:
    renamed = _notice(RED, _entity("蒂尔无人机系统公司", "Teal Drone Systems, Inc."))
    assert reads_less(renamed, STORED) == []  # no copy that reads less: before, stored as another text
    assert renamed_entities(renamed, STORED) == (["蒂尔无人机公司"], ["蒂尔无人机系统公司"])


def test_a_rename_beside_an_added_entity_names_both_new_ones() -> None:
    more = _notice(RED, _entity("蒂尔无人机系统公司", "Teal Drone Systems, Inc."), _entity("北极光电公司", "Northlight Optics"))
    assert renamed_entities(more, STORED) == (["蒂尔无人机公司"], ["蒂尔无人机系统公司", "北极光电公司"])


def test_the_same_entities_in_other_wording_or_one_added_or_one_fewer_are_no_rename() -> None:
    wording = _notice(RED, _entity("蒂尔无人机有限公司", "Teal Drones, Inc."))  # the key is the English name's
    assert wording.entities[1].key == TEAL.key
    assert renamed_entities(wording, STORED) == ([], [])
    assert renamed_entities(_notice(RED, TEAL, _entity("北极光电公司", "Northlight Optics")), STORED) == ([], [])
    fewer = _notice(_entity("蒂尔无人机系统公司", "Teal Drone Systems, Inc."))
    assert renamed_entities(fewer, STORED) == ([], [])  # reads less: held as such (lost_entities)
    assert reads_less(fewer, STORED) == ["红猫控股公司", "蒂尔无人机公司"]
