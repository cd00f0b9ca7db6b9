"""The watch list (关注名单): a listing, its removal route described (no removal), and a removal."""

from __future__ import annotations

from pathlib import Path

from scraper.parse import parse_document
from storage.records import ActionKind, ListKind

FIXTURES = Path(__file__).parents[2] / "fixtures"
# Test wording in MOFCOM's style; the entity names are test data, not real listings.
REMOVAL = """【发布单位】安全与管制局
【发布文号】商务部公告2026年第99号
【发文日期】2026年10月20日

根据《中华人民共和国两用物项出口管制条例》第二十六条有关规定，商务部决定将甲乙公司（Example Alpha Co., Ltd.）、丙丁公司（Example Beta Co., Ltd.）等2家实体移出关注名单。
本公告自公布之日起正式实施。

商务部
2026年10月20日
"""


def test_the_first_watch_list_notice_lists_and_its_removal_route_removes_no_one():
    rec = parse_document((FIXTURES / "texts" / "mofcom-2026-12.txt").read_bytes()).notice
    assert (rec.key, rec.list, rec.stated_count) == ("MOFCOM-2026-12", ListKind.WATCH, 20)
    assert "可以申请移出关注名单" in rec.text
    assert [(a.action, a.list) for a in rec.actions] == [(ActionKind.IMPOSE, ListKind.WATCH)]


def test_a_removal_names_its_entities_and_no_notice():
    rec = parse_document(REMOVAL.encode()).notice
    assert (rec.key, rec.list, rec.warnings) == ("MOFCOM-2026-99", ListKind.WATCH, ())
    (action,) = rec.actions
    assert (action.action, action.list, action.targets, action.effective) == (
        ActionKind.REMOVE, ListKind.WATCH, (), "2026-10-20")
    assert action.entities == tuple(e.key for e in rec.entities) and len(rec.entities) == 2
    assert [e.en for e in rec.entities] == ["Example Alpha Co., Ltd.", "Example Beta Co., Ltd."]


def test_an_order_naming_its_targets_only_by_count_lists_no_false_entity():
    rec = parse_document((FIXTURES / "texts" / "mofcom-order-2025-6.txt").read_bytes()).notice
    assert (rec.key, rec.list, rec.entities, rec.stated_count) == (
        "MOFCOM-ORDER-2025-6", ListKind.COUNTERMEASURE, (), 5)
    assert rec.warnings == ("parsed 0 entities, notice states 5",)
