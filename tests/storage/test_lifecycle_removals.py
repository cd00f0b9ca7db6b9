"""A removal is final for the entity it removes; lapses of one listing lapse as one group; a removal naming annex lines
by number removes those lines alone; a removal does not reach a listing of its own day (stories21 V02).

Found by the blind engine audit of session 12, with these texts (composed in the official wording): an entity
removed by a notice of its own was suspended again by a later suspension of the whole notice that listed it,
then "presumed back in force" (a false item); and after that removal the published lapse of the whole notice
was rewritten to name the removed entity alone."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

from storage.lifecycle import derive
from storage.records import EventKind, ListingState, StoredNotice
from tests.faults.harness import FIXTURES, cli
from tests.scraper.test_parse_mfa import MFA_REMOVAL
from tests.storage.test_lifecycle_corpus import parsed_texts, rows_with_next, stories21_pages

UEL3 = """不可靠实体清单工作机制关于将安杜里尔工业公司等3家美国实体列入不可靠实体清单的公告
【发布文号】不可靠实体清单工作机制公告〔2026〕3号
【发文日期】2026年03月02日

不可靠实体清单工作机制决定将安杜里尔工业公司等3家美国实体列入不可靠实体清单（名单见附件）。
本公告自公布之日起实施。

附件
被列入不可靠实体清单的3家美国实体
1. 安杜里尔工业公司（Anduril Industries, Inc.）
2. 蓝脊电子公司（Blue Ridge Electronics, Inc.）
3. 银松科技公司（Silver Pine Technologies LLC）
"""
UEL5 = """不可靠实体清单工作机制关于将蓝脊电子公司移出不可靠实体清单的公告
【发布文号】不可靠实体清单工作机制公告〔2026〕5号
【发文日期】2026年06月01日

根据《不可靠实体清单规定》第十三条，鉴于蓝脊电子公司（Blue Ridge Electronics, Inc.）已纠正其行为，不可靠实体清单工作机制决定将其移出不可靠实体清单，3月2日公告（不可靠实体清单工作机制公告〔2026〕3号）对其采取的相关措施同时停止执行。
本公告自公布之日起实施。
"""
QA = """商务部新闻发言人就调整不可靠实体清单措施答记者问
来源：商务部新闻办公室 类型：原创 分类：新闻 {day} 21:00

问：请问不可靠实体清单方面有何安排？
答：为落实中美经贸磋商共识，自{day_cn}起，暂停3月2日公告（不可靠实体清单工作机制公告〔2026〕3号）相关措施{n}天。
"""
BLUE_RIDGE = "blueridgeelectronics"


def notices(*texts: str) -> list[StoredNotice]:
    return parsed_texts(*texts, clean=True)


def qa(day: date, n: int) -> str:
    return QA.format(day=day.isoformat(), day_cn=f"{day.year}年{day.month}月{day.day}日", n=n)


def rows(d, key="UEL-2026-3"):
    return {(r.state, r.entity_keys, r.since) for r in d.states if r.notice_key == key}


def test_a_removed_entity_is_not_suspended_again_by_a_suspension_of_the_whole_notice():
    known = notices(UEL3, UEL5, qa(date(2026, 7, 1), 90))
    for day in (date(2026, 7, 2), date(2026, 9, 30)):
        d = derive(known, day)
        removed = {r for r in rows(d) if BLUE_RIDGE in r[1]}
        assert removed == {(ListingState.REMOVED, (BLUE_RIDGE,), date(2026, 6, 1))}, day
    d = derive(known, date(2026, 9, 30))
    # 90 days from 07-01 run through 09-29: lapsed from 09-30 (lapse43)
    assert (ListingState.LAPSED, ("andurilindustries", "silverpinetechnologies"), date(2026, 9, 30)) in rows(d)
    later = [e.id for e in d.events if e.effective and e.effective > date(2026, 6, 1)
             and (e.entity_key == BLUE_RIDGE or any(x.key == BLUE_RIDGE for x in e.entities))]
    assert later == []


def test_a_removal_after_a_lapse_leaves_the_lapse_of_the_whole_notice_as_it_was():
    # 30 days from 04-30 run through 05-30: lapsed on 05-31, the day before the removal (lapse43: from 05-01 it lapsed on
    # the removal's own day)
    before = derive(notices(UEL3, qa(date(2026, 4, 30), 30)), date(2026, 5, 31))
    after = derive(notices(UEL3, qa(date(2026, 4, 30), 30), UEL5), date(2026, 6, 1))

    def lapses(d):
        return {e.id: (tuple(x.key for x in e.entities), e.title) for e in d.events
                if e.kind is EventKind.SUSPENSION_LAPSED}

    assert len(lapses(before)) >= 1
    assert {k: v for k, v in lapses(after).items() if k in lapses(before)} == lapses(before)
    assert (ListingState.REMOVED, (BLUE_RIDGE,), date(2026, 6, 1)) in rows(after)


def test_the_removed_entity_as_the_command_line_shows_it(tmp_path):
    """The same sequence through real processes and a real store: replay three saved texts, ask status."""
    tree = tmp_path / "tree" / "texts"
    tree.mkdir(parents=True)
    for name, text in (("uel-2026-3", UEL3), ("uel-2026-5", UEL5), ("qa-2026-07-01", qa(date(2026, 7, 1), 90))):
        (tree / f"{name}.txt").write_text(text, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'store.db'}"
    assert cli(db, "replay", str(tree.parent), "--fetched-at", "2026-07-02T00:00:00+00:00", "--as-of", "2026-09-30").code in (0, 1)
    listings = json.loads(cli(db, "status", "--json", "--as-of", "2026-09-30").out)["listings"]
    mine = [(x["state"], x["since"]) for x in listings if BLUE_RIDGE in x["entity_keys"]]
    assert mine == [("removed", "2026-06-01")]


def test_an_mfa_decision_removing_a_company_takes_it_off_the_order_that_listed_it(tmp_path):
    """Real processes: the fixtures (外交部令第13号 lists Skydio) and the removal decision, replayed; status."""
    tree = tmp_path / "tree"
    shutil.copytree(FIXTURES, tree)
    (tree / "texts" / "mfa-2026-25.txt").write_text(MFA_REMOVAL, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'store.db'}"
    assert cli(db, "replay", str(tree), "--fetched-at", "2026-11-30T00:00:00+00:00", "--as-of", "2026-11-30").code in (0, 1)
    out = json.loads(cli(db, "status", "--json", "--as-of", "2026-11-30").out)
    rows = {(x["state"], x["since"]) for x in out["listings"] if x["notice_key"] == "MFA-ORDER-2024-13"
            and "skydio" in x["entity_keys"]}
    assert rows == {("removed", "2026-06-01")} and out["unresolved_references"] == []


UEL6 = """不可靠实体清单工作机制关于将蓝脊电子公司移出不可靠实体清单的公告
【发布文号】不可靠实体清单工作机制公告〔2026〕6号
【发文日期】2026年06月01日

根据《不可靠实体清单规定》第十三条有关规定，经蓝脊电子公司（Blue Ridge Electronics, Inc.）申请，不可靠实体清单工作机制经审查，认为该企业已纠正其行为并采取措施消除行为后果，决定将其移出不可靠实体清单。
本公告自公布之日起实施。
"""
UEL8 = """不可靠实体清单工作机制关于将蓝脊电子公司列入不可靠实体清单的公告
【发布文号】不可靠实体清单工作机制公告〔2026〕8号
【发文日期】2026年08月03日

不可靠实体清单工作机制决定将蓝脊电子公司等1家美国实体列入不可靠实体清单（名单见附件）。
本公告自公布之日起实施。

附件
被列入不可靠实体清单的1家美国实体
1. 蓝脊电子公司（Blue Ridge Electronics, Inc.）
"""


def test_a_removal_leaves_a_later_listing_of_the_same_entity_in_force():
    """Session 18 (engine18, story S01): "移出…名单" names the entity, not the notice; it was applied to every listing
    of the entity on that list, even one made after it, so the entity listed again showed "removed" since the day
    before its new listing, with a false "Removed" item dated before it and no "Imposed" item."""
    d = derive(notices(UEL3, UEL6, UEL8), date(2026, 9, 1))  # 6号 names no notice: every listing holding the entity
    assert rows(d, "UEL-2026-8") == {(ListingState.IN_FORCE, (BLUE_RIDGE,), date(2026, 8, 3))}
    assert (ListingState.REMOVED, (BLUE_RIDGE,), date(2026, 6, 1)) in rows(d)  # the first listing stays removed
    mine = {e.id.split("/", 1)[1] for e in d.events if e.notice_key == "UEL-2026-8" and e.entity_key == BLUE_RIDGE}
    assert mine == {f"imposed/uel/2026-08-03/{BLUE_RIDGE}"}, mine
    assert not [p for p in d.problems if "UEL-2026-6" in p], d.problems


CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
WL28 = (CORPUS / "ecl" / "08-wl-2026-annex-japan.txt").read_text(encoding="utf-8")  # 4 Japanese entities, numbered 1-4
REMOVAL = (CORPUS / "parse20" / "19-wl-removal-by-annex-serials-no-names.txt").read_text(encoding="utf-8").replace(
    "2026年第12号", "2026年第28号").replace("第3、5、8、11、17项", "第2、3项").replace("5家", "2家")
DAY = date(2027, 1, 10)


def _states(d) -> set[tuple[ListingState, tuple[str, ...]]]:
    return {(r.state, r.entity_keys) for r in d.states if r.notice_key == "MOFCOM-2026-28"}


def test_only_the_numbered_lines_are_removed() -> None:
    """Before the fix the removal named no entity and removed all 4 of No. 28 (20 in the real notice: 15 false items)."""
    d = derive(parsed_texts(WL28, REMOVAL), DAY)
    assert _states(d) == {(ListingState.IN_FORCE, ("sumitomoheavyindustries", "nof")),
                          (ListingState.REMOVED, ("subaru", "tokyokeiki"))}
    removed = {e.entity_key for e in d.events if e.kind is EventKind.REMOVED and e.entity_key}
    assert removed == {"subaru", "tokyokeiki"}


def test_a_line_number_the_notice_does_not_have_changes_nothing_and_is_unresolved() -> None:
    d = derive(parsed_texts(WL28, REMOVAL.replace("第2、3项", "第2、9项")), DAY)
    assert {s for s, _ in _states(d)} == {ListingState.IN_FORCE}
    kinds = {e.kind for e in d.events if e.source_key == "MOFCOM-2027-2"}
    assert EventKind.UNRESOLVED_REFERENCE in kinds and EventKind.REMOVED not in kinds


def test_a_target_listed_in_prose_has_no_line_numbers_and_is_unresolved() -> None:
    prose = WL28.replace("（见附件）", "").split("附件：")[0] + "商务部\n2026年6月29日\n"
    prose = prose.replace("商务部无法对住友重机械工业株式会社等4家日本实体", "商务部无法对住友重机械工业株式会社（Sumitomo Heavy "
                          "Industries, Ltd.）、斯巴鲁株式会社（SUBARU Corporation）、东京计器株式会社（Tokyo Keiki Inc.）、"
                          "日油株式会社（NOF Corporation）等4家日本实体")
    d = derive(parsed_texts(prose, REMOVAL), DAY)
    assert {s for s, _ in _states(d)} == {ListingState.IN_FORCE}
    kinds = {e.kind for e in d.events if e.source_key == "MOFCOM-2027-2"}
    assert EventKind.UNRESOLVED_REFERENCE in kinds and EventKind.REMOVED not in kinds


def test_a_removal_does_not_reach_a_listing_of_its_own_day() -> None:
    notices = stories21_pages("v02-mofcom-2026-164.txt", "v02-mofcom-2027-21-removal.txt", "v02-mofcom-2027-22.txt")
    day = date(2027, 3, 15)
    assert rows_with_next(notices, day, "MOFCOM-2027-22") == {("titanmaterials", "iapetuselectronics"): ("in_force", day, None)}
    assert rows_with_next(notices, day, "MOFCOM-2026-164") == {("titanmaterials",): ("removed", day, None),
                                                               ("enceladusoptics",): ("in_force", date(2026, 6, 8), None)}
    events = {e.id for e in derive(notices, day).events if "MOFCOM-2027-22/" in e.id}
    assert not [i for i in events if "/removed/" in i], events
    assert [i for i in events if i.endswith("MOFCOM-2027-22/imposed/ecl/2027-03-15/titanmaterials")], events

