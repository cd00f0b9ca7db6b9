"""A notice correcting a name in another's annex is applied when it is unambiguous, else said to be unapplied.

Found by session 18's lifecycle stories (engine18, S13): "关于更正商务部公告2024年第89号附件有关内容的公告" changes a
name in No. 89's annex. At first the engine said nothing (the corrected name on no list, status exit 0); session 18
made it a problem and an unresolved item, the correction not applied (screening the corrected name found nothing).
Session 19 (engine19) applies it: the parser reads the new names keyed as first written (scraper/parse/corrections.py),
and the engine renames the listing's entity, keeping its key, dates and state, with one "Corrected" item; a correction
that does not fit the listing (a key or item number not on it) stays the loud problem."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timezone
from pathlib import Path

from scraper.parse import parse_text
from storage.lifecycle import derive
from storage.records import EventKind, ListingState, ListKind, StoredNotice
from storage.vocabulary import TAG_PREFIX
from tests.mofcom_watch.stories import REPO
from tests.storage.test_lifecycle_corpus import parsed_pages, stored
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
    # the notice corrected is the listing notice: named once, not again as "Listed by" (wording30)
    assert one.summary.count("MOFCOM-2024-89") == 1 and "which listed it" in one.summary, one.summary
    assert one.facts == (("was", "乌普西隆能源公司|Upsilon Energy LLC"),)  # the name before: a fact only its words said
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
    assert got["MOFCOM-2024-89/suspension_lapsed/ecl/2025-02-03/upsilonenergy"] == "Upsilon Power LLC"  # 90天 through 02-02
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


# --- session 20 (corr20): the corrections session 19 left unapplied, from the blind cases of tests/data/corpus/corr20/

CORR20 = Path(__file__).parents[1] / "data" / "corpus" / "corr20"


def cases(*names: str, as_of: date = date(2026, 9, 1), edit: tuple[str, str] = ("", "")):
    """Derive as of ``as_of`` from corpus corr20's texts (warnings allowed: a correction states no effective date),
    the last with ``edit`` made in it."""
    out = []
    for name in names:
        text = (CORR20 / f"{name}.txt").read_text(encoding="utf-8")
        rec = parse_text(text.replace(*edit) if edit[0] and name == names[-1] else text)
        assert rec is not None, name
        out.append(stored(rec, fetched=datetime.combine(rec.published, datetime.min.time(), timezone.utc)))
    return derive(out, as_of)


def renamed(d) -> dict[str, str]:
    """Entity-scope name_corrected items: id (after the tag) -> title."""
    return {e.id.split(",2025:")[1]: e.title for e in d.events
            if e.kind is EventKind.NAME_CORRECTED and e.scope == "entity"}


def unapplied(d) -> list[str]:
    return [p for p in d.problems if "the correction is not applied" in p]


def test_a_correction_quoting_the_chinese_name_alone_renames_that_name_only():
    """No. 34: '第2项实体中文名称“北极星导航系统公司”有误，现更正为“北极星导航公司”，英文名称不变' was a loud unapplied
    correction (the parser wanted both names on each side); the entity is keyed by its English name, which the
    correction does not give: the engine finds it by its Chinese name, keeps its key and its English name."""
    d = cases("00a-mofcom-2026-31-ecl-6-us", "02-ecl-zh-only")
    assert not unapplied(d), d.problems
    assert renamed(d) == {"MOFCOM-2026-31/name_corrected/ecl/2026-07-22/polarisnavigationsystems": (
        "Corrected: Polaris Navigation Systems, Inc. (北极星导航系统公司) is now Polaris Navigation Systems, Inc. "
        "(北极星导航公司) on the export control list (MOFCOM-2026-31) (notice MOFCOM-2026-34)")}


def test_a_correction_quoting_the_english_name_alone_with_ying_wei_renames_it():
    d = cases("00b-uel-2026-5-4-us", "03-uel-en-only")
    assert not unapplied(d), d.problems
    assert list(renamed(d)) == ["UEL-2026-5/name_corrected/uel/2026-07-21/harbordynamicsystems"]
    assert "is now Harbor Dynamics Systems (海湾动力系统公司)" in renamed(d)[
        "UEL-2026-5/name_corrected/uel/2026-07-21/harbordynamicsystems"]


def test_a_correction_of_a_correction_renames_from_the_name_the_first_gave():
    """No. 38 corrects No. 33 (itself a correction of No. 31), quoting the name No. 33 gave ("仍有误"): applied to No. 31,
    one item per correction, the second from the first's name; the key stays the name as first written."""
    d = cases("00a2-mofcom-2026-31-with-typo", "01-ecl-en-typo", "08-ecl-correction-of-correction")
    assert not unapplied(d), d.problems
    assert renamed(d) == {
        "MOFCOM-2026-31/name_corrected/ecl/2026-07-20/anvilaerostrutures": (
            "Corrected: Anvil Aerostrutures LLC (铁砧航空结构公司) is now Anvil Aerostructures LLC (铁砧航空结构公司) on the "
            "export control list (MOFCOM-2026-31) (notice MOFCOM-2026-33)"),
        "MOFCOM-2026-31/name_corrected/ecl/2026-08-03/anvilaerostrutures": (
            "Corrected: Anvil Aerostructures LLC (铁砧航空结构公司) is now Anvil Aerostructures, LLC (铁砧航空结构有限责任公司) "
            "on the export control list (MOFCOM-2026-31) (notice MOFCOM-2026-38)")}
    # as of a day between the two, the first correction's name; the listing's state untouched
    mid = cases("00a2-mofcom-2026-31-with-typo", "01-ecl-en-typo", "08-ecl-correction-of-correction",
                as_of=date(2026, 7, 25))
    assert list(renamed(mid)) == ["MOFCOM-2026-31/name_corrected/ecl/2026-07-20/anvilaerostrutures"]
    assert {(r.notice_key, r.state, r.since) for r in d.states} == {
        ("MOFCOM-2026-31", ListingState.IN_FORCE, date(2026, 7, 15))}
    # without the first correction, the second quotes a name the listing never gave: loud, not guessed
    alone = cases("00a2-mofcom-2026-31-with-typo", "08-ecl-correction-of-correction")
    assert unapplied(alone) and not renamed(alone)


def test_a_correction_naming_the_notice_by_day_and_title_is_applied_to_that_one():
    d = cases("00a3-mofcom-2026-31-defence", "06b-ecl-numbered-by-date-title")
    assert not unapplied(d), d.problems
    assert list(renamed(d)) == ["MOFCOM-2026-31/name_corrected/ecl/2026-07-17/blueridgedefencetechnologies"]
    alone = cases("06b-ecl-numbered-by-date-title")  # the notice it names not stored: loud, naming day and title
    assert unapplied(alone) == [
        "MOFCOM-2026-41: corrects the notice of 2026-07-15 《关于将北极星导航系统公司等6家美国实体列入出口管制管控名单的公告》; "
        "the correction is not applied to the stored listing: read both notices and review"]
    # another day, or another title, names no stored notice: loud, never the notice of a near day or title
    for edit in (("2026年7月15日发布", "2026年7月16日发布"), ("等6家美国实体列入", "等5家美国实体列入")):
        other = cases("00a3-mofcom-2026-31-defence", "06b-ecl-numbered-by-date-title", edit=edit)
        assert unapplied(other) and not renamed(other), edit


def test_corrections_of_no_name_stay_loud_and_name_nobody():
    """A wrong country and count (No. 36): nothing the engine reads as a name; it stays a loud unapplied correction.
    A corrected effective clause (No. 39) names nobody either; since session 21 (corr21) its date is applied: in force
    from 07-16 12:01, the imposed item's id kept."""
    for case, key in (("04-ecl-wrong-country", "MOFCOM-2026-36"), ("09-ecl-effective-date-correction", None)):
        d = cases("00a-mofcom-2026-31-ecl-6-us", case)
        assert [p.split(":")[0] for p in unapplied(d)] == ([key] if key else []), (case, d.problems)
        assert not renamed(d)
        assert {(r.notice_key, r.state, len(r.entity_keys)) for r in d.states} == {
            ("MOFCOM-2026-31", ListingState.IN_FORCE, 6)}
        if key is None:
            assert [r.since for r in d.states] == [date(2026, 7, 16)], d.states
            assert f"{TAG_PREFIX}MOFCOM-2026-31/imposed/ecl/2026-07-15" in {e.id for e in d.events}


def test_an_entry_deleted_as_listed_in_error_is_removed_from_the_corrections_day():
    """Session 21 (corr21): No. 37 ("误将先锋遥感公司…列入，现予更正：删除该附件第6项") and corr21/15 ("第6项…系误列，现予
    删除") were loud unapplied corrections, the entity in force. Now a removal of that annex line from the correction's
    day: it was on the published list until then (not voided: no published item is taken back); the others stay."""
    for case, key, day in (("05-ecl-delete-wrongly-included", "MOFCOM-2026-37", date(2026, 7, 30)),
                           ("../corr21/15-ecl-duplicate-entry-deleted", "MOFCOM-2026-43", date(2026, 7, 23))):
        d = cases("00a-mofcom-2026-31-ecl-6-us", case)
        assert not unapplied(d) and not d.problems, (case, d.problems)
        assert [(r.since, r.by, r.entity_keys) for r in d.states if r.state is ListingState.REMOVED] == [
            (day, key, ("vanguardremotesensing",))], d.states
        assert sum(len(r.entity_keys) for r in d.states if r.state is ListingState.IN_FORCE) == 5
        assert f"{TAG_PREFIX}MOFCOM-2026-31/removed/ecl/{day.isoformat()}/vanguardremotesensing" in {e.id for e in d.events}


def test_a_correction_of_one_notice_leaves_the_same_entity_on_another_notice_alone():
    d = cases("00a-mofcom-2026-31-ecl-6-us", "00b-uel-2026-5-4-us", "10-ecl-second-entry-same-notice")
    assert not unapplied(d), d.problems
    assert list(renamed(d)) == ["MOFCOM-2026-31/name_corrected/ecl/2026-08-06/harbordynamicsystems"]
    both = cases("00a-mofcom-2026-31-ecl-6-us", "00b-uel-2026-5-4-us", "10-ecl-second-entry-same-notice",
                 "03-uel-en-only")
    assert sorted(renamed(both)) == ["MOFCOM-2026-31/name_corrected/ecl/2026-08-06/harbordynamicsystems",
                                     "UEL-2026-5/name_corrected/uel/2026-07-21/harbordynamicsystems"]


def test_a_correction_of_an_entity_on_one_of_the_lists_a_notice_put_entities_on():
    """A notice listing some entities on the ECL and others on the UEL: a correction of one on the UEL only was a loud
    unapplied correction (every listing of the notice had to hold it); it renames the entity on the list it is on."""
    listing = parse_text((CORR20 / "00a-mofcom-2026-31-ecl-6-us.txt").read_text(encoding="utf-8"))
    correction = parse_text((CORR20 / "10-ecl-second-entry-same-notice.txt").read_text(encoding="utf-8"))
    assert listing is not None and correction is not None
    ecl, = listing.actions
    keys = [e.key for e in listing.entities]
    split = dataclasses.replace(listing, actions=(
        dataclasses.replace(ecl, entities=tuple(k for k in keys if k != "harbordynamicsystems")),
        dataclasses.replace(ecl, list=ListKind.UEL, entities=("harbordynamicsystems",))))
    d = derive([stored(r, fetched=datetime.combine(r.published, datetime.min.time(), timezone.utc))
                for r in (split, correction)], date(2026, 9, 1))
    assert {(r.list, r.entity_keys) for r in d.states} == {
        (ListKind.ECL, tuple(k for k in keys if k != "harbordynamicsystems")), (ListKind.UEL, ("harbordynamicsystems",))}
    assert not unapplied(d), d.problems
    assert list(renamed(d)) == ["MOFCOM-2026-31/name_corrected/uel/2026-08-06/harbordynamicsystems"]


STORIES22 = REPO / "tests" / "data" / "stories22" / "main"


def stories22_pages(*names: str) -> list[StoredNotice]:
    return parsed_pages(STORIES22, *names)


def rows_on(notices: list[StoredNotice], day: date, key: str) -> dict[tuple[str, ...], tuple[object, ...]]:
    return {r.entity_keys: (r.state.value, r.since) for r in derive(notices, day).states if r.notice_key == key}


def test_a_stop_finds_an_entity_by_the_name_a_correction_gave_it() -> None:
    notices = stories22_pages("w03-mofcom-2027-32.txt", "w03-mofcom-2027-33-correction.txt",
                              "w03-qa-2027-04-05-ecl-stop-by-new-name.txt")
    day = date(2027, 4, 6)
    assert rows_on(notices, day, "MOFCOM-2027-32") == {("hygieaavionics",): ("lifted", day),
                                                       ("eunomiamaterials",): ("in_force", date(2027, 2, 15))}
    assert derive(notices, day).problems == ()


def test_the_old_name_still_finds_it_and_a_name_no_correction_gave_does_not() -> None:
    listing, correction, answer = stories22_pages("w03-mofcom-2027-32.txt", "w03-mofcom-2027-33-correction.txt",
                                                  "w03-qa-2027-04-05-ecl-stop-by-new-name.txt")
    day = date(2027, 4, 6)
    old_name = dataclasses.replace(answer, record=parse_text(
        (STORIES22 / "w03-qa-2027-04-05-ecl-stop-by-new-name.txt").read_text("utf-8").replace("海吉亚航电公司", "健神星航电公司")))
    assert rows_on([listing, correction, old_name], day, "MOFCOM-2027-32")[("hygieaavionics",)] == ("lifted", day)
    # without the correction the new name is no name of the listing: loud, nothing lifted
    got = derive([listing, answer], day)
    assert [p for p in got.problems if "海吉亚航电" in p], got.problems
    assert rows_on([listing, answer], day, "MOFCOM-2027-32") == {
        ("hygieaavionics", "eunomiamaterials"): ("in_force", date(2027, 2, 15))}



def test_a_removal_naming_both_names_a_correction_gave_finds_the_entity() -> None:
    """Session 28 (story28, S3): a removal naming the corrected entity as an annex writes it, Chinese and English
    ("乌普西隆动力公司（Upsilon Power LLC）": key "upsilonpower", the listing's key "upsilonenergy") was "not on
    MOFCOM-2024-89", a loud problem, the entity left in force; the Chinese name alone found it."""
    removal = """商务部公告2024年第120号 关于将1家实体移出出口管制管控名单的公告
【发布文号】商务部公告2024年第120号
【发文日期】2024年12月02日

根据《中华人民共和国出口管制法》等法律法规有关规定，经审查，商务部决定将乌普西隆动力公司（Upsilon Power LLC）移出出口管制管控名单（商务部公告2024年第89号）。
本公告自公布之日起正式实施。
"""
    day = date(2024, 12, 3)
    d = derive(notices(LISTING, CORRECTION, removal), day)
    assert d.problems == ()
    assert {(r.state, r.since, r.entity_keys) for r in d.states} == {
        (ListingState.IN_FORCE, date(2024, 9, 9), ("tauphotonics",)),
        (ListingState.REMOVED, date(2024, 12, 2), ("upsilonenergy",))}
    assert f"{TAG_PREFIX}MOFCOM-2024-89/removed/ecl/2024-12-02/upsilonenergy" in {e.id for e in d.events}
    # before the correction is published the corrected pair names nobody on the listing: loud, nothing removed
    early = removal.replace("2024年12月02日", "2024年10月08日")
    got = derive(notices(LISTING, CORRECTION, early), date(2024, 10, 9))
    assert [p for p in got.problems if "upsilonpower" in p], got.problems
    assert {r.state for r in got.states} == {ListingState.IN_FORCE}


def test_a_removal_naming_no_notice_finds_the_entity_by_its_corrected_names() -> None:
    """Session 34 (story35, S2): a removal naming the corrected entity as an annex writes it but no notice
    ("决定将乌普西隆动力公司（Upsilon Power LLC）移出出口管制管控名单", key "upsilonpower", the listing's "upsilonenergy")
    was "on no stored listing of the export control list": the entity shown in force, its removal left for a person,
    though the correction the engine had applied names it so. It is found as the removal naming the notice finds it."""
    removal = """商务部公告2024年第120号 关于将1家实体移出出口管制管控名单的公告
【发布文号】商务部公告2024年第120号
【发文日期】2024年12月02日

根据《中华人民共和国出口管制法》等法律法规有关规定，经审查，商务部决定将乌普西隆动力公司（Upsilon Power LLC）移出出口管制管控名单。
本公告自公布之日起正式实施。
"""
    day = date(2024, 12, 3)
    d = derive(notices(LISTING, CORRECTION, removal), day)
    assert d.problems == ()
    assert not [e for e in d.events if e.kind is EventKind.UNRESOLVED_REFERENCE]
    assert {(r.state, r.since, r.entity_keys) for r in d.states} == {
        (ListingState.IN_FORCE, date(2024, 9, 9), ("tauphotonics",)),
        (ListingState.REMOVED, date(2024, 12, 2), ("upsilonenergy",))}
    # the English name alone, as corrected, finds it too
    english = removal.replace("乌普西隆动力公司（Upsilon Power LLC）", "Upsilon Power LLC")
    assert {r.state for r in derive(notices(LISTING, CORRECTION, english), day).states
            if r.entity_keys == ("upsilonenergy",)} == {ListingState.REMOVED}
    # before the correction is published the corrected pair names nobody on the listing: loud, nothing removed
    early = removal.replace("2024年12月02日", "2024年10月08日")
    got = derive(notices(LISTING, CORRECTION, early), date(2024, 10, 9))
    assert [p for p in got.problems if "upsilonpower" in p], got.problems
    assert {r.state for r in got.states} == {ListingState.IN_FORCE}
