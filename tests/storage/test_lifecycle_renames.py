"""A listed entity renamed by its own choice (storage/lifecycle/renames.py): the entity keeps its key, the ids of its
earlier items and its state; one "Renamed" item on each feed says it; items from the rename's day on give the new
name with the old one as another name; a rename fitting no listed entity stays loud. story36 S3 (session 35): the
rename page was refused, and once a person accepted it screening the new name missed the listed company."""

from __future__ import annotations

from datetime import date

from storage.lifecycle import corrected_keys, derive
from storage.records import EventKind, EventScope, ListingState
from tests.storage.test_lifecycle_removals import notices

LISTING = """商务部公告2026年第43号 关于将3家美国实体列入出口管制管控名单的公告
【发布文号】商务部公告2026年第43号
【发文日期】2026年12月06日

根据《中华人民共和国出口管制法》等法律法规有关规定，决定将德尔塔系统公司等3家美国实体列入出口管制管控名单（见附件），并采取以下措施：
一、禁止向上述3家美国实体出口两用物项；正在开展的相关出口活动应当立即停止。
本公告自公布之日起正式实施。

附件
出口管制管控名单
1. 德尔塔系统公司（Delta Systems, Inc.）
2. 伊普西隆航空公司（Epsilon Aviation LLC）
3. 泽塔光电公司（Zeta Photonics Corp.）
"""
RENAME = """商务部公告2027年第5号 关于出口管制管控名单所列实体更名的公告
【发布文号】商务部公告2027年第5号
【发文日期】2027年02月10日

出口管制管控名单所列{old}已更名为欧米茄防务公司（Omega Defense, Inc.）。更名后，该实体仍列入出口管制管控名单，相关管控措施继续实施。
本公告自公布之日起施行。
"""
DELTA = "德尔塔系统公司（Delta Systems, Inc.）"
LIFT = """商务部公告2027年第9号 关于将欧米茄防务公司移出出口管制管控名单的公告
【发布文号】商务部公告2027年第9号
【发文日期】2027年03月01日

根据《中华人民共和国出口管制法》有关规定，决定将商务部公告2026年第43号所列欧米茄防务公司（Omega Defense, Inc.）移出出口管制管控名单。
本公告自公布之日起正式实施。
"""
DAY = date(2027, 2, 20)


def _ids(d) -> set[str]:
    return {e.id.split(":", 2)[-1].split(",", 1)[-1] for e in d.events}


def test_a_rename_keeps_the_entity_and_its_state_with_one_item_each_feed() -> None:
    before = derive(notices(LISTING), DAY)
    d = derive(notices(LISTING, RENAME.format(old=DELTA)), DAY)
    assert not d.problems, d.problems
    assert d.states == before.states  # the state is unchanged by a rename: the same rows, since, by
    assert {(r.state, r.since) for r in d.states} == {(ListingState.IN_FORCE, date(2026, 12, 6))}
    old = {e.id: e for e in before.events}
    assert {e.id: e for e in d.events if e.id in old} == old  # the earlier items, ids and words, untouched
    new = [e for e in d.events if e.id not in old]
    assert sorted((e.kind, e.scope, e.entity_key) for e in new if e.kind is not EventKind.NOTICE) == [
        (EventKind.RENAMED, EventScope.ENTITY, "deltasystems"), (EventKind.RENAMED, EventScope.NOTICE, None)]
    one = next(e for e in new if e.kind is EventKind.RENAMED and e.scope is EventScope.ENTITY)
    assert one.id.endswith("MOFCOM-2026-43/renamed/ecl/2027-02-10/deltasystems"), one.id
    assert one.title == ("Renamed: Delta Systems, Inc. (德尔塔系统公司) is now Omega Defense, Inc. (欧米茄防务公司) on the "
                         "export control list (MOFCOM-2026-43) (notice MOFCOM-2027-5)"), one.title
    assert "Corrected" not in one.title and "not a correction" in one.summary
    assert (one.entities[0].key, one.entities[0].en, one.entities[0].aliases) == (
        "deltasystems", "Omega Defense, Inc.", ("德尔塔系统公司", "Delta Systems, Inc."))
    assert one.facts == (("was", "德尔塔系统公司|Delta Systems, Inc."),)


def test_screening_and_timelines_read_both_names_under_the_listing_key() -> None:
    stored = notices(LISTING, RENAME.format(old=DELTA))
    d = derive(stored, DAY)
    named = {(e.key, e.zh, e.en, e.aliases) for n in corrected_keys(stored, d) for e in n.record.entities}
    assert ("deltasystems", "欧米茄防务公司", "Omega Defense, Inc.", ("德尔塔系统公司", "Delta Systems, Inc.")) in named
    assert ("deltasystems", "德尔塔系统公司", "Delta Systems, Inc.", ()) in named


def test_a_later_step_naming_the_new_name_reaches_the_entity() -> None:
    d = derive(notices(LISTING, RENAME.format(old=DELTA), LIFT), date(2027, 3, 2))
    assert not d.problems, d.problems
    assert {(r.state, r.entity_keys) for r in d.states} == {
        (ListingState.REMOVED, ("deltasystems",)), (ListingState.IN_FORCE, ("epsilonaviation", "zetaphotonics"))}
    removed = [e for e in d.events if e.kind is EventKind.REMOVED and e.scope is EventScope.ENTITY]
    assert [(e.entity_key, e.entities[0].en) for e in removed] == [("deltasystems", "Omega Defense, Inc.")]


def test_a_rename_of_a_name_on_no_listing_is_loud() -> None:
    d = derive(notices(LISTING, RENAME.format(old="西格玛系统公司（Sigma Systems, Inc.）")), DAY)
    assert [p for p in d.problems if "MOFCOM-2027-5" in p and "sigmasystems" in p and "not applied" in p], d.problems
    assert [e.title for e in d.events if e.kind is EventKind.UNRESOLVED_REFERENCE] == [
        "Rename not applied: MOFCOM-2027-5 renames 西格玛系统公司 / Sigma Systems, Inc. to Omega Defense, Inc. (欧米茄防务公司)"]
    assert not [e for e in d.events if e.kind is EventKind.RENAMED]


def test_a_rename_by_the_chinese_name_alone_reaches_the_entity() -> None:
    d = derive(notices(LISTING, RENAME.format(old="德尔塔系统公司")), DAY)
    assert not d.problems, d.problems
    assert [e.entity_key for e in d.events if e.kind is EventKind.RENAMED and e.scope is EventScope.ENTITY] == [
        "deltasystems"]


def test_the_notice_item_says_what_the_notice_renames() -> None:
    d = derive(notices(LISTING, RENAME.format(old=DELTA)), DAY)
    (item,) = [e for e in d.events if e.kind is EventKind.NOTICE and e.notice_key == "MOFCOM-2027-5"]
    assert item.title == ("Notice MOFCOM-2027-5 (商务部公告2027年第5号): renames Delta Systems, Inc. (德尔塔系统公司) to Omega Defense, Inc. "
                          "(欧米茄防务公司) on the export control list"), item.title
