"""A listing notice re-issued: "…本公告自公布之日起正式实施，商务部公告2027年第40号同时废止" by a notice that lists the same
entities again, one more beside them (story35 S3, a real run against a local site). No. 40's listing ends that day and
No. 41's begins, so the rows are right; but No. 40's "Lifted" item said "The measures are stopped (lifted) for Alder Creek
Systems Inc." with no word that the same notice lists it again that day: in the company's own feed and the list's
feed, a false "no longer under measures". Its items now say the entities are listed again by the notice that ended
the listing, from the same day (ids kept); an entity the new notice leaves out gets the plain "Lifted"."""

from __future__ import annotations

from datetime import date

from storage.lifecycle import derive
from storage.records import EventKind, EventScope, ListingState
from tests.storage.test_lifecycle_removals import notices

FIRST = """商务部公告2027年第40号 公布将2家美国实体列入出口管制管控名单
【发布文号】商务部公告2027年第40号
【发文日期】2027年04月10日

根据《中华人民共和国出口管制法》等法律法规有关规定，决定将桤木溪系统公司等2家美国实体列入出口管制管控名单（见附件），并采取以下措施：
一、禁止出口经营者向上述2家实体出口两用物项；正在开展的相关活动应当立即停止。
本公告自公布之日起正式实施。

附件
出口管制管控名单
1. 桤木溪系统公司（Alder Creek Systems Inc.）
2. 梅萨维斯塔实验室公司（Mesa Vista Labs LLC）
"""
AGAIN = """商务部公告2027年第41号 公布将{n}家美国实体列入出口管制管控名单
【发布文号】商务部公告2027年第41号
【发文日期】2027年04月11日

根据《中华人民共和国出口管制法》等法律法规有关规定，决定将桤木溪系统公司等{n}家美国实体列入出口管制管控名单（见附件），并采取以下措施：
一、禁止出口经营者向上述{n}家实体出口两用物项；正在开展的相关活动应当立即停止。
本公告自公布之日起正式实施，商务部公告2027年第40号同时废止。

附件
出口管制管控名单
{lines}
"""
ALDER = "桤木溪系统公司（Alder Creek Systems Inc.）"
MESA = "梅萨维斯塔实验室公司（Mesa Vista Labs LLC）"
COBALT = "钴岭技术公司（Cobalt Ridge Technologies Corp.）"
DAY = date(2027, 4, 11)


def again(*names: str) -> str:
    return AGAIN.format(n=len(names), lines="\n".join(f"{i}. {name}" for i, name in enumerate(names, 1)))


def lifted(d) -> dict[str | None, str]:
    return {e.entity_key: e.title for e in d.events if e.kind is EventKind.LIFTED and e.notice_key == "MOFCOM-2027-40"}


def test_a_reissued_listing_says_its_entities_are_listed_again_the_same_day() -> None:
    d = derive(notices(FIRST, again(ALDER, MESA, COBALT)), DAY)
    assert d.problems == ()
    assert {(r.notice_key, r.state, r.since, r.entity_keys) for r in d.states if "2027" in r.notice_key} == {
        ("MOFCOM-2027-40", ListingState.LIFTED, DAY, ("aldercreeksystems", "mesavistalabs")),
        ("MOFCOM-2027-41", ListingState.IN_FORCE, DAY, ("aldercreeksystems", "mesavistalabs", "cobaltridgetechnologies"))}
    titles = lifted(d)
    assert set(titles) == {None, "aldercreeksystems", "mesavistalabs"}  # ids as before: the notice's and each entity's
    assert titles["aldercreeksystems"] == (  # the words that qualify "Lifted" first: a reader's list cuts the end
        "Listed again by MOFCOM-2027-41 from the same day, still under its measures: Lifted: Alder Creek Systems Inc. "
        "(桤木溪系统公司) on the export control list (MOFCOM-2027-40) from 2027-04-11"), titles
    assert titles[None] == (
        "Listed again by MOFCOM-2027-41 from the same day, still under its measures: Lifted: Alder Creek Systems Inc. "
        "and Mesa Vista Labs LLC on the export control list (MOFCOM-2027-40) from 2027-04-11"), titles[None]
    notice_item = next(e for e in d.events if e.kind is EventKind.LIFTED and e.scope is EventScope.NOTICE)
    assert "MOFCOM-2027-41 (商务部公告2027年第41号) lists them again from the same day" in notice_item.summary, notice_item.summary
    assert ("relisted_by", "MOFCOM-2027-41") in notice_item.facts


def test_an_entity_the_reissue_leaves_out_is_plainly_lifted() -> None:
    d = derive(notices(FIRST, again(ALDER, COBALT)), DAY)
    titles = lifted(d)
    assert titles["mesavistalabs"] == (
        "Lifted: Mesa Vista Labs LLC (梅萨维斯塔实验室公司) on the export control list (MOFCOM-2027-40) from 2027-04-11")
    assert titles["aldercreeksystems"].startswith(
        "Listed again by MOFCOM-2027-41 from the same day, still under its measures: Lifted: Alder Creek Systems Inc.")
    assert titles[None].startswith("1 of 2 listed again by MOFCOM-2027-41 from the same day, still under its measures: "
                                   "Lifted: Alder Creek Systems Inc. and Mesa Vista Labs LLC"), titles[None]
    mesa = next(e for e in d.events if e.kind is EventKind.LIFTED and e.entity_key == "mesavistalabs")
    assert not [f for f in mesa.facts if f[0] == "relisted_by"] and "lists" not in mesa.summary.split("Listed by")[0]
