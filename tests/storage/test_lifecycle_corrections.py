"""A notice correcting a name in another's annex is applied when it is unambiguous, else said to be unapplied.

Found by session 18's lifecycle stories (engine18, S13): "关于更正商务部公告2024年第89号附件有关内容的公告" changes a
name in No. 89's annex. At first the engine said nothing (the corrected name on no list, status exit 0); session 18
made it a problem and an unresolved item, the correction not applied (screening the corrected name found nothing).
Session 19 (engine19) applies it: the parser reads the new names keyed as first written (scraper/parse/corrections.py),
and the engine renames the listing's entity, keeping its key, dates and state, with one "Corrected" item; a correction
that does not fit the listing (a key or item number not on it) stays the loud problem."""

from __future__ import annotations

from datetime import date

from storage.lifecycle import derive
from storage.records import EventKind, ListingState
from tests.storage.test_lifecycle_removals import notices

LISTING = """商务部公告2024年第89号 关于将2家美国实体列入出口管制管控名单的公告
【发布文号】商务部公告2024年第89号
【发文日期】2024年09月09日

根据《中华人民共和国出口管制法》等法律法规有关规定，决定将陶光电公司等2家美国实体列入出口管制管控名单（见附件），并采取以下措施：
一、禁止向上述2家美国实体出口两用物项；正在开展的相关出口活动应当立即停止。
本公告自公布之日起正式实施。

附件
出口管制管控名单
1. 陶光电公司（Tau Photonics Inc.）
2. 乌普西隆能源公司（Upsilon Energy LLC）
"""
CORRECTION = """商务部公告2024年第93号 关于更正商务部公告2024年第89号附件有关内容的公告
【发布文号】商务部公告2024年第93号
【发文日期】2024年10月21日

经核实，商务部公告2024年第89号附件《出口管制管控名单》第2项“乌普西隆能源公司（Upsilon Energy LLC）”有误，现更正为“乌普西隆动力公司（Upsilon Power LLC）”。其他内容不变。

本公告自公布之日起正式实施。
"""


def test_a_correction_renames_the_entity_and_keeps_its_listing():
    d = derive(notices(LISTING, CORRECTION), date(2024, 11, 1))
    assert not d.problems, d.problems
    assert not [e for e in d.events if e.kind is EventKind.UNRESOLVED_REFERENCE]
    assert {(r.notice_key, r.state, r.since, r.entity_keys) for r in d.states} == {
        ("MOFCOM-2024-89", ListingState.IN_FORCE, date(2024, 9, 9), ("tauphotonics", "upsilonenergy"))}
    fixed = {e.id.split(",2025:")[1]: e for e in d.events if e.kind is EventKind.NAME_CORRECTED}
    assert set(fixed) == {"MOFCOM-2024-89/name_corrected/ecl/2024-10-21",
                          "MOFCOM-2024-89/name_corrected/ecl/2024-10-21/upsilonenergy"}
    one = fixed["MOFCOM-2024-89/name_corrected/ecl/2024-10-21/upsilonenergy"]
    assert one.title == ("Corrected: Upsilon Energy LLC (乌普西隆能源公司) is now Upsilon Power LLC (乌普西隆动力公司) on "
                         "the export control list (MOFCOM-2024-89) (notice MOFCOM-2024-93)"), one.title
    assert one.source_key == "MOFCOM-2024-93" and one.entities[0].en == "Upsilon Power LLC"
    # the listing's own item, published before the correction, keeps the name it gave: not re-announced
    imposed = [e for e in d.events if e.id.endswith("MOFCOM-2024-89/imposed/ecl/2024-09-09/upsilonenergy")]
    assert imposed[0].entities[0].en == "Upsilon Energy LLC"
    # nothing removed, nothing listed anew
    assert not [e for e in d.events if e.kind in (EventKind.REMOVED, EventKind.LIFTED)]
    assert len([e for e in d.events if e.kind is EventKind.IMPOSED]) == 3
    before = derive(notices(LISTING, CORRECTION), date(2024, 10, 20))  # not known yet: nothing to say
    assert not [e for e in before.events if e.kind is EventKind.NAME_CORRECTED] and not before.problems


def test_items_after_the_correction_give_the_new_name():
    suspend = """来源：商务部新闻办公室 类型：原创 分类：新闻 2024-11-04 20:00

商务部新闻发言人就暂停2家美国实体出口管制管控名单措施答记者问
问：请问中方如何落实磋商成果？
答：为落实双方磋商共识，自2024年11月4日起，暂停实施9月9日公告（商务部公告2024年第89号）相关措施90天。
"""
    d = derive(notices(LISTING, CORRECTION, suspend), date(2025, 3, 1))
    got = {e.id.split(",2025:")[1]: e.entities[0].en for e in d.events if e.id.endswith("/upsilonenergy")}
    assert got["MOFCOM-2024-89/suspended/ecl/2024-11-04/upsilonenergy"] == "Upsilon Power LLC"
    assert got["MOFCOM-2024-89/suspension_lapsed/ecl/2025-02-02/upsilonenergy"] == "Upsilon Power LLC"
    assert got["MOFCOM-2024-89/imposed/ecl/2024-09-09/upsilonenergy"] == "Upsilon Energy LLC"


def test_a_correction_that_does_not_fit_the_listing_is_reported_as_not_applied():
    wrong = CORRECTION.replace("第2项", "第1项")  # the annex's item 1 is Tau Photonics: which one is meant?
    d = derive(notices(LISTING, wrong), date(2024, 11, 1))
    assert [p for p in d.problems if p.startswith("MOFCOM-2024-93: corrects MOFCOM-2024-89")], d.problems
    items = [e for e in d.events if e.kind is EventKind.UNRESOLVED_REFERENCE]
    assert [e.id.split(",2025:")[1] for e in items] == [
        "MOFCOM-2024-93/unresolved_reference/ecl/2024-10-21/correction-MOFCOM-2024-89"]
    # the listing itself is left as it was: in force since 2024-09-09
    assert {(r.notice_key, r.state, r.since) for r in d.states} == {
        ("MOFCOM-2024-89", ListingState.IN_FORCE, date(2024, 9, 9))}
    before = derive(notices(LISTING, wrong), date(2024, 10, 20))  # not known yet: nothing to say
    assert not [e for e in before.events if e.kind is EventKind.UNRESOLVED_REFERENCE] and not before.problems
