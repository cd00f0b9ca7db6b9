"""December 2026 to 2027, round 7, as an officer lives it (session 45, story46's stories, /work/s45/story46-report.md): the
real texts of ECL 2025 No. 21, UEL 〔2025〕7号, MFA order No. 13 and the 2025 Q&As (the 2025 suspensions lapsed on 2026-11-11),
then steps composed in the official wording, replayed with the real ``replay`` (one real process) into a real SQLite file per
folder of tests/data/stories46/ (some fed to a live store day by day, every folder again in another order), read back with
``status``, ``timeline``, ``screen``, ``review``, ``feeds`` and ``evidence`` on the days before, of and after each step.
Every end is the period's last day, included; it lapses the day after (session 42). ``MOFCOM_WATCH_TODAY`` 2029-01-01.

mofcom_suspends_mfa_imposes   No. 335 (10-09) lists Northwind Avionics and Greystone Radar; No. 361 (12-07) suspends it to
                              2027-06-06; MFA order 75 (12-09) imposes countermeasures on Northwind and its CEO: one company,
                              suspended on the ECL and in force on the MFA list in one week.
mfa_suspends_mofcom_imposes   MFA order 76 (12-08) suspends all of order 13 for 1年; No. 363 (12-10) lists Skydio on the ECL:
                              Skydio suspended (MFA), in force (ECL), lapsed (UEL 7号) at once.
renamed_on_ecl_lifted_on_uel  Dawnlight Unmanned Systems on ECL No. 336 and UEL 〔2026〕48号; No. 362 (11-20) renames it on the
                              ECL; UEL 〔2026〕52号 (12-10) removes it from the UEL from 12-15 by its new name (…_old_name: by
                              its former name): one entity, removed from the UEL, in force on the ECL.
qa_lift_day_moved_by_notice   the same answer; No. 366 (12-09) "自2026年12月15日起，停止执行…": A (fixed): lifted from 12-10 by the
                              answer, five days early, nothing said.
qa_told_notice_contradicts    an answer of 12-02 "自2026年12月10日起，停止实施…第337号相关措施"; No. 366 (12-09) "自2026年12月10日
                              起，暂停执行…第337号相关措施，暂停期限为1年". A (fixed): lifted for good by the answer, the notice's
                              year and the measures' return after it lost, nothing said.
backdated_told_late_by_answer UEL 7号 lapsed 11-11; an answer of 11-20 "自2026年11月11日起，继续暂停…1年": suspended from 11-11.
apart_then_corrected          No. 356 (11-20) "自2026年12月1日起，暂停执行…第338号和第339号相关措施，暂停期限分别为6个月和1年";
                              No. 371 (12-05) corrects "分别为6个月和1年" to "分别为3个月和1年". A (fixed): the title's step on
                              both, from the notice's day with no end, stayed beside the body's per-notice steps ("suspended
                              … until further notice" 11-20 to 11-30). B (open, loud): the correction is not applied.
apart_answer_notice_contradicts_one  an answer of 11-05 "…第21号和…〔2025〕7号相关措施，暂停期限分别为6个月和1年"; UEL
                              〔2026〕47号 (11-06) gives 7号 an end of 2027-05-10: the notice followed, a problem.
mfa_decree_2027_41_one_lifted MFA order 2027 No. 41 (three companies, two people); No. 43 lists Sea Falcon again; No. 48 lifts
                              Sea Falcon from "外交部2027年第41号令" alone: its No. 43 listing and the others stay.
mfa_decree_named_after_number No. 46 lifts Adam Bry from "2027年第41号外交部令": his order 13 listing stays.
mfa_lift_by_title_alone       No. 50 stops "2027年4月1日《关于对美国海上无人系统企业采取反制措施的决定》中对深蓝声学公司…" (No. 43
                              by its title alone): Deep Blue lifted, Tidewater in force.
mfa_suspend_one_by_ling_form  No. 44 suspends Goshawk of "外交部2027年第41号令" for 1年 from 2027-09-01: lapses 2028-09-02; its
                              CEO and the others stay in force.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from tests.mofcom_watch.stories import (
    NOTICE_FEEDS,
    REPO,
    TAG,
    Store,
    cached,
    dated,
    ids,
    invoke,
    live,
    own_problems,
    packed_timeline,
    per_notice,
    replayed_in_halves,
    row,
    state,
)

DATA = REPO / "tests" / "data" / "stories46"
TODAY = "2029-01-01"
FETCHED = "2027-12-15T00:00:00+00:00"
LAST = "2028-12-31"
ECL, UEL, MFA = "MOFCOM-2025-21", "UEL-2025-7", "MFA-ORDER-2024-13"
FOLDERS = sorted(p.name for p in DATA.iterdir() if p.is_dir())


@pytest.fixture(scope="module")
def stores() -> dict[str, Store]:
    return {}


def _get(stores: dict[str, Store], factory: pytest.TempPathFactory, name: str) -> Store:
    return cached(stores, factory, DATA / name, FETCHED, TODAY, "s46")


# every step, read by its officer on the day before, the day of and the day after: per notice of the one entity the name
# finds, (state, since, until, by)

TIMELINES: dict[str, tuple[str, list[tuple[str, dict[str, tuple[Any, ...]]]]]] = {
    "mofcom_suspends_mfa_imposes": ("Northwind Avionics Inc.", [
        ("2026-12-06", {"MOFCOM-2026-335": ("in_force", "2026-10-09", None, "MOFCOM-2026-335")}),
        ("2026-12-07", {"MOFCOM-2026-335": ("suspended", "2026-12-07", "2027-06-06", "MOFCOM-2026-361")}),
        ("2026-12-08", {"MOFCOM-2026-335": ("suspended", "2026-12-07", "2027-06-06", "MOFCOM-2026-361")}),
        ("2026-12-09", {"MOFCOM-2026-335": ("suspended", "2026-12-07", "2027-06-06", "MOFCOM-2026-361"),
                        "MFA-ORDER-2026-75": ("in_force", "2026-12-09", None, "MFA-ORDER-2026-75")}),
        ("2027-06-06", {"MOFCOM-2026-335": ("suspended", "2026-12-07", "2027-06-06", "MOFCOM-2026-361"),
                        "MFA-ORDER-2026-75": ("in_force", "2026-12-09", None, "MFA-ORDER-2026-75")}),
        ("2027-06-07", {"MOFCOM-2026-335": ("lapsed", "2027-06-07", None, "MOFCOM-2026-361"),
                        "MFA-ORDER-2026-75": ("in_force", "2026-12-09", None, "MFA-ORDER-2026-75")})]),
    "mofcom_suspends_mfa_imposes/person": ("约翰·卡弗", [
        ("2026-12-08", {}),
        ("2026-12-09", {"MFA-ORDER-2026-75": ("in_force", "2026-12-09", None, "MFA-ORDER-2026-75")})]),
    "mofcom_suspends_mfa_imposes/other": ("Greystone Radar LLC", [
        ("2026-12-09", {"MOFCOM-2026-335": ("suspended", "2026-12-07", "2027-06-06", "MOFCOM-2026-361")})]),
    "mfa_suspends_mofcom_imposes": ("Skydio Inc.", [
        ("2026-12-07", {MFA: ("in_force", "2024-10-10", None, MFA), UEL: ("lapsed", "2026-11-11", None, "QA-2025-11-05-3d525cbd")}),
        ("2026-12-08", {MFA: ("suspended", "2026-12-08", "2027-12-08", "MFA-ORDER-2026-76"),
                        UEL: ("lapsed", "2026-11-11", None, "QA-2025-11-05-3d525cbd")}),
        ("2026-12-09", {MFA: ("suspended", "2026-12-08", "2027-12-08", "MFA-ORDER-2026-76"),
                        UEL: ("lapsed", "2026-11-11", None, "QA-2025-11-05-3d525cbd")}),
        ("2026-12-10", {MFA: ("suspended", "2026-12-08", "2027-12-08", "MFA-ORDER-2026-76"),
                        UEL: ("lapsed", "2026-11-11", None, "QA-2025-11-05-3d525cbd"),
                        "MOFCOM-2026-363": ("in_force", "2026-12-10", None, "MOFCOM-2026-363")}),
        ("2027-12-09", {MFA: ("lapsed", "2027-12-09", None, "MFA-ORDER-2026-76"),
                        UEL: ("lapsed", "2026-11-11", None, "QA-2025-11-05-3d525cbd"),
                        "MOFCOM-2026-363": ("in_force", "2026-12-10", None, "MOFCOM-2026-363")})]),
    "mfa_suspends_mofcom_imposes/person": ("Tom Moss", [
        ("2026-12-08", {MFA: ("suspended", "2026-12-08", "2027-12-08", "MFA-ORDER-2026-76")}),
        ("2027-12-09", {MFA: ("lapsed", "2027-12-09", None, "MFA-ORDER-2026-76")})]),
    "renamed_on_ecl_lifted_on_uel": ("Dawnlight Autonomous Systems Inc.", [
        ("2026-11-20", {"MOFCOM-2026-336": ("in_force", "2026-10-09", None, "MOFCOM-2026-336"),
                        "UEL-2026-48": ("in_force", "2026-10-09", None, "UEL-2026-48")}),
        ("2026-12-14", {"MOFCOM-2026-336": ("in_force", "2026-10-09", None, "MOFCOM-2026-336"),
                        "UEL-2026-48": ("in_force", "2026-10-09", None, "UEL-2026-48")}),
        ("2026-12-15", {"MOFCOM-2026-336": ("in_force", "2026-10-09", None, "MOFCOM-2026-336"),
                        "UEL-2026-48": ("removed", "2026-12-15", None, "UEL-2026-52")})]),
    "renamed_on_ecl_lifted_on_uel/old": ("晨光无人系统公司", [
        ("2026-12-15", {"MOFCOM-2026-336": ("in_force", "2026-10-09", None, "MOFCOM-2026-336"),
                        "UEL-2026-48": ("removed", "2026-12-15", None, "UEL-2026-52")})]),
    "renamed_on_ecl_lifted_on_uel/other": ("Maple Sonar Inc.", [
        ("2026-12-15", {"UEL-2026-48": ("in_force", "2026-10-09", None, "UEL-2026-48")})]),
    "renamed_on_ecl_lifted_on_uel_old_name": ("Dawnlight Autonomous Systems Inc.", [
        ("2026-12-14", {"MOFCOM-2026-336": ("in_force", "2026-10-09", None, "MOFCOM-2026-336"),
                        "UEL-2026-48": ("in_force", "2026-10-09", None, "UEL-2026-48")}),
        ("2026-12-15", {"MOFCOM-2026-336": ("in_force", "2026-10-09", None, "MOFCOM-2026-336"),
                        "UEL-2026-48": ("removed", "2026-12-15", None, "UEL-2026-52")})]),
    "qa_told_notice_contradicts": ("Silver Fir Electronics Inc.", [
        ("2026-12-09", {"MOFCOM-2026-337": ("in_force", "2026-10-09", None, "MOFCOM-2026-337")}),
        ("2026-12-10", {"MOFCOM-2026-337": ("suspended", "2026-12-10", "2027-12-10", "MOFCOM-2026-366")}),
        ("2027-12-10", {"MOFCOM-2026-337": ("suspended", "2026-12-10", "2027-12-10", "MOFCOM-2026-366")}),
        ("2027-12-11", {"MOFCOM-2026-337": ("lapsed", "2027-12-11", None, "MOFCOM-2026-366")})]),
    "qa_lift_day_moved_by_notice": ("Silver Fir Electronics Inc.", [
        ("2026-12-02", {"MOFCOM-2026-337": ("in_force", "2026-10-09", None, "MOFCOM-2026-337")}),
        ("2026-12-10", {"MOFCOM-2026-337": ("in_force", "2026-10-09", None, "MOFCOM-2026-337")}),
        ("2026-12-14", {"MOFCOM-2026-337": ("in_force", "2026-10-09", None, "MOFCOM-2026-337")}),
        ("2026-12-15", {"MOFCOM-2026-337": ("lifted", "2026-12-15", None, "MOFCOM-2026-366")})]),
    "backdated_told_late_by_answer": ("Skydio Inc.", [
        ("2026-11-10", {MFA: ("in_force", "2024-10-10", None, MFA), UEL: ("suspended", "2025-11-10", "2026-11-10", "QA-2025-11-05-3d525cbd")}),
        # as known on each day: lapsed until the answer is published, then suspended from the day it says
        ("2026-11-11", {MFA: ("in_force", "2024-10-10", None, MFA), UEL: ("lapsed", "2026-11-11", None, "QA-2025-11-05-3d525cbd")}),
        ("2026-11-19", {MFA: ("in_force", "2024-10-10", None, MFA), UEL: ("lapsed", "2026-11-11", None, "QA-2025-11-05-3d525cbd")}),
        ("2026-11-20", {MFA: ("in_force", "2024-10-10", None, MFA), UEL: ("suspended", "2026-11-11", "2027-11-11", "QA-2026-11-20-3d525cbd")}),
        ("2027-11-11", {MFA: ("in_force", "2024-10-10", None, MFA), UEL: ("suspended", "2026-11-11", "2027-11-11", "QA-2026-11-20-3d525cbd")}),
        ("2027-11-12", {MFA: ("in_force", "2024-10-10", None, MFA), UEL: ("lapsed", "2027-11-12", None, "QA-2026-11-20-3d525cbd")})]),
    "apart_then_corrected": ("Birch Photonics Inc.", [
        ("2026-11-19", {"MOFCOM-2026-338": ("in_force", "2026-10-09", None, "MOFCOM-2026-338")}),
        ("2026-11-20", {"MOFCOM-2026-338": ("in_force", "2026-10-09", None, "MOFCOM-2026-338")}),
        ("2026-11-30", {"MOFCOM-2026-338": ("in_force", "2026-10-09", None, "MOFCOM-2026-338")}),
        ("2026-12-01", {"MOFCOM-2026-338": ("suspended", "2026-12-01", "2027-06-01", "MOFCOM-2026-356")})]),
    "apart_then_corrected/other": ("Golden Willow Materials LLC", [
        ("2026-11-20", {"MOFCOM-2026-339": ("in_force", "2026-10-09", None, "MOFCOM-2026-339")}),
        ("2026-12-01", {"MOFCOM-2026-339": ("suspended", "2026-12-01", "2027-12-01", "MOFCOM-2026-356")}),
        ("2027-12-02", {"MOFCOM-2026-339": ("lapsed", "2027-12-02", None, "MOFCOM-2026-356")})]),
    "apart_answer_notice_contradicts_one": ("Skydio Inc.", [
        ("2026-11-11", {MFA: ("in_force", "2024-10-10", None, MFA), UEL: ("suspended", "2026-11-11", "2027-05-10", "UEL-2026-47")}),
        ("2027-05-11", {MFA: ("in_force", "2024-10-10", None, MFA), UEL: ("lapsed", "2027-05-11", None, "UEL-2026-47")})]),
    "apart_answer_notice_contradicts_one/ecl": ("Cubic Corporation", [
        ("2026-11-10", {ECL: ("suspended", "2025-11-10", "2026-11-10", "QA-2025-11-05-68a81f8d")}),
        ("2026-11-11", {ECL: ("suspended", "2026-11-11", "2027-05-11", "QA-2026-11-05-fd2fe597")}),
        ("2027-05-12", {ECL: ("lapsed", "2027-05-12", None, "QA-2026-11-05-fd2fe597")})]),
    "mfa_decree_2027_41_one_lifted": ("Sea Falcon Drones LLC", [
        ("2027-06-09", {"MFA-ORDER-2027-41": ("in_force", "2027-03-01", None, "MFA-ORDER-2027-41"),
                        "MFA-ORDER-2027-43": ("in_force", "2027-04-01", None, "MFA-ORDER-2027-43")}),
        ("2027-06-10", {"MFA-ORDER-2027-41": ("lifted", "2027-06-10", None, "MFA-ORDER-2027-48"),
                        "MFA-ORDER-2027-43": ("in_force", "2027-04-01", None, "MFA-ORDER-2027-43")})]),
    "mfa_decree_2027_41_one_lifted/other": ("Goshawk Defense Inc.", [
        ("2027-06-10", {"MFA-ORDER-2027-41": ("in_force", "2027-03-01", None, "MFA-ORDER-2027-41")})]),
    "mfa_decree_2027_41_one_lifted/person": ("Mary Stone", [
        ("2027-06-10", {"MFA-ORDER-2027-41": ("in_force", "2027-03-01", None, "MFA-ORDER-2027-41")})]),
    "mfa_decree_named_after_number": ("Adam Bry", [
        ("2027-05-19", {MFA: ("in_force", "2024-10-10", None, MFA),
                        "MFA-ORDER-2027-41": ("in_force", "2027-03-01", None, "MFA-ORDER-2027-41")}),
        ("2027-05-20", {MFA: ("in_force", "2024-10-10", None, MFA),
                        "MFA-ORDER-2027-41": ("lifted", "2027-05-20", None, "MFA-ORDER-2027-46")})]),
    "mfa_decree_named_after_number/other": ("Mary Stone", [
        ("2027-05-20", {"MFA-ORDER-2027-41": ("in_force", "2027-03-01", None, "MFA-ORDER-2027-41")})]),
    "mfa_lift_by_title_alone": ("Deep Blue Acoustics LLC", [
        ("2027-06-30", {"MFA-ORDER-2027-43": ("in_force", "2027-04-01", None, "MFA-ORDER-2027-43")}),
        ("2027-07-01", {"MFA-ORDER-2027-43": ("lifted", "2027-07-01", None, "MFA-ORDER-2027-50")})]),
    "mfa_lift_by_title_alone/other": ("Tidewater Unmanned Vessels Inc.", [
        ("2027-07-01", {"MFA-ORDER-2027-43": ("in_force", "2027-04-01", None, "MFA-ORDER-2027-43")})]),
    "mfa_suspend_one_by_ling_form": ("Goshawk Defense Inc.", [
        ("2027-08-31", {"MFA-ORDER-2027-41": ("in_force", "2027-03-01", None, "MFA-ORDER-2027-41")}),
        ("2027-09-01", {"MFA-ORDER-2027-41": ("suspended", "2027-09-01", "2028-09-01", "MFA-ORDER-2027-44")}),
        ("2028-09-01", {"MFA-ORDER-2027-41": ("suspended", "2027-09-01", "2028-09-01", "MFA-ORDER-2027-44")}),
        ("2028-09-02", {"MFA-ORDER-2027-41": ("lapsed", "2028-09-02", None, "MFA-ORDER-2027-44")})]),
    "mfa_suspend_one_by_ling_form/other": ("Sea Falcon Drones LLC", [
        ("2027-09-01", {"MFA-ORDER-2027-41": ("in_force", "2027-03-01", None, "MFA-ORDER-2027-41")}),
        ("2028-09-02", {"MFA-ORDER-2027-41": ("in_force", "2027-03-01", None, "MFA-ORDER-2027-41")})]),
    "mfa_suspend_one_by_ling_form/person": ("Mary Stone", [
        ("2027-09-01", {"MFA-ORDER-2027-41": ("in_force", "2027-03-01", None, "MFA-ORDER-2027-41")})]),
}


@pytest.mark.parametrize("case", sorted(TIMELINES))
def test_each_step_the_day_before_of_and_after(stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory,
                                               case: str) -> None:
    """``timeline NAME`` per notice, and each notice's ``status`` row of that entity saying the same state, since and until
    (a lapse presumed, needing review; no other row)."""
    store = _get(stores, tmp_path_factory, case.split("/")[0])
    name, days = TIMELINES[case]
    for day, want in days:
        if not want:
            assert not store.timeline(name, day)["listings"], (case, day)
            continue
        got = {k: v[:4] for k, v in per_notice(store, name, day).items()}
        assert got == want, (case, day)
        (key,) = store.timeline(name, day)["keys"]
        for notice, (st, since, until, by) in want.items():
            got_row = row(store, day, notice, key)
            assert (got_row["state"], got_row["since"], got_row["until"], got_row["by"]) == (st, since, until, by), (
                case, day, notice)
            assert got_row["presumed"] is (st == "lapsed"), (case, day, notice)


# what each story's officer is told beside the states

def test_an_answer_saying_lifted_a_notice_saying_suspended_the_notice_is_followed_and_said(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    """A (fixed): the answer of 12-02 lifts No. 337 from 12-10, the notice of 12-09 suspends it for a year from that day. The
    answer's lift (a restating kind, applied after the notice's step of its day) left it lifted for good, the year and the
    measures' return on 2027-12-11 lost, and nothing was said. Now the notice is followed, as for an answer's other end
    (``collect._restated``), and a problem names both; before the notice, the answer's lift is what is known."""
    store = _get(stores, tmp_path_factory, "qa_told_notice_contradicts")
    assert per_notice(store, "Silver Fir Electronics Inc.", "2026-12-02")["MOFCOM-2026-337"][4:] == ("lifted", "2026-12-10")
    assert per_notice(store, "Silver Fir Electronics Inc.", "2026-12-09")["MOFCOM-2026-337"][4:] == ("suspended", "2026-12-10")
    said = [p for p in own_problems(store, "2026-12-10") if "otherwise than MOFCOM-2026-366" in p]
    assert said == ["QA-2026-12-02-f8b39082: it says of MOFCOM-2026-337 from 2026-12-10 lifted, otherwise than MOFCOM-2026-366 "
                    "(suspended, until 2027-12-10), the notice, which is followed: read both"], said
    titles = {i["id"][len(TAG):]: i["title"] for i in store.items(LAST, "all") if i["id"].startswith(f"{TAG}MOFCOM-2026-337/")}
    assert not [i for i in titles if "/lifted/" in i], titles
    assert "MOFCOM-2026-337/suspended/ecl/2026-12-10" in titles
    assert "MOFCOM-2026-337/suspension_lapsed/ecl/2027-12-11" in titles


def test_the_answer_s_lift_then_the_notice_read_day_by_day(tmp_path: Path) -> None:
    """The answer fetched on 12-02 announces the lift; the notice fetched on 12-09 says a suspension: the lift item of 12-02
    is corrected (its id kept, nothing vanishes), the suspension's item dated 12-09, and the lapse comes on its day."""
    pages = {"2026-10-01": ("b",), "2026-10-09": ("q1",), "2026-12-02": ("q2",), "2026-12-09": ("q3",)}
    seen, now = live(tmp_path, DATA / "qa_told_notice_contradicts", pages,
                     ["2026-12-03", "2026-12-10", "2026-12-11", "2027-12-10", "2027-12-11"], None)
    key = "MOFCOM-2026-337"
    lifted = f"{key}/lifted/ecl/2026-12-10"
    assert seen[lifted] == "2026-12-02"
    assert seen[f"{lifted}/correction/1"] == "2026-12-09"
    assert seen[f"{key}/suspended/ecl/2026-12-10"] == "2026-12-09"
    assert seen[f"{key}/suspension_lapsed/ecl/2027-12-11"] == "2027-12-11"


def test_an_answer_s_lift_day_a_notice_moves_the_notice_is_followed_and_said(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    """A (fixed): the answer of 12-02 lifts No. 337 from 12-10, No. 366 (12-09) lifts it from 12-15: lifted since 12-10 by the
    answer, five days early (the measures applied 12-10 to 12-14), the notice's lift of what was lifted changing nothing, and
    nothing said. Now the notice's day is followed (``collect._on_another_day``: a lift or restore, nothing between the two
    days) and a problem names both."""
    store = _get(stores, tmp_path_factory, "qa_lift_day_moved_by_notice")
    assert per_notice(store, "Silver Fir Electronics Inc.", "2026-12-10")["MOFCOM-2026-337"][4:] == ("lifted", "2026-12-15")
    said = [p for p in own_problems(store, "2026-12-15") if "otherwise than MOFCOM-2026-366" in p]
    assert said == ["QA-2026-12-02-f8b39082: it says of MOFCOM-2026-337 from 2026-12-10 lifted, otherwise than MOFCOM-2026-366 "
                    "(lifted from 2026-12-15), the notice, which is followed: read both"], said
    got = dated(store, LAST, "MOFCOM-2026-337")
    assert "MOFCOM-2026-337/lifted/ecl/2026-12-10" not in got and got["MOFCOM-2026-337/lifted/ecl/2026-12-15"] == "2026-12-09"


def test_a_suspension_of_two_notices_apart_has_no_step_from_the_notice_s_day(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    """A (fixed): No. 356 (11-20), titled "关于暂停执行商务部公告2026年第338号和第339号相关措施的公告", suspends them from 12-01 for 6
    months and a year (分别): beside the body's steps, read per notice, the title's step on both (the notice's day, no end)
    stayed (``record._shortened`` asked one body step to cover both), so both were "suspended … until further notice" from
    11-20 to 11-30 and an item said so. Now the title's step is dropped when the body's steps cover its notices together."""
    store = _get(stores, tmp_path_factory, "apart_then_corrected")
    for key in ("MOFCOM-2026-338", "MOFCOM-2026-339"):
        assert dated(store, LAST, key).get(f"{key}/suspended/ecl/2026-11-20") is None
        assert dated(store, LAST, key)[f"{key}/suspended/ecl/2026-12-01"] == "2026-11-20"
        got = row(store, "2026-11-25", key)
        assert (got["state"], got["next_state"], got["next_from"]) == ("in_force", "suspended", "2026-12-01")


def test_a_correction_of_one_of_two_terms_apart(stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    """B (fixed, session 46, quiet46): No. 371 (12-05) "商务部公告2026年第356号中“暂停期限分别为6个月和1年”有误，应为“暂停期限分别为3个月
    和1年”" was not applied (corrections read a date or a name, not a term pair): No. 338 suspended to 2027-06-01 with a
    problem. Now each step told apart takes its corrected term (``corrections._terms_apart``): No. 338 lapses 2027-03-02,
    No. 339 keeps its year."""
    store = _get(stores, tmp_path_factory, "apart_then_corrected")
    assert per_notice(store, "Birch Photonics Inc.", "2027-03-02")["MOFCOM-2026-338"][:3] == ("lapsed", "2027-03-02", None)
    assert per_notice(store, "Golden Willow Materials LLC", "2027-03-02")["MOFCOM-2026-339"][:3] == (
        "suspended", "2026-12-01", "2027-12-01")


def test_the_correction_applied_is_no_problem(stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    """The correction applied: no problem names it (it was "the correction is not applied", ``status`` exit 1, while the
    B above was open)."""
    store = _get(stores, tmp_path_factory, "apart_then_corrected")
    assert not [p for p in own_problems(store, "2026-12-05") if p.startswith("MOFCOM-2026-371")]


def test_an_answer_s_term_apart_against_the_notice_s_end(stores: dict[str, Store],
                                                         tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "apart_answer_notice_contradicts_one")
    said = [p for p in own_problems(store, "2026-11-11") if "otherwise than UEL-2026-47" in p]
    assert said == ["QA-2026-11-05-fd2fe597: it says of UEL-2025-7 from 2026-11-11 until 2027-11-11, otherwise than "
                    "UEL-2026-47 (until 2027-05-10), the notice, which is followed: read both"], said
    assert not [p for p in own_problems(store, "2026-11-11") if ECL in p]


def test_a_late_backdated_answer_read_day_by_day(tmp_path: Path) -> None:
    """UEL 7号 lapsed on 11-11 (the lapse item that day); the answer of 11-20 suspends it again from 11-11: the lapse item is
    corrected on 11-20 (nothing vanishes), the extension's item dated 11-20, the new lapse on 2027-11-12."""
    pages = {"2026-10-01": ("b",), "2026-11-20": ("k1",)}
    seen, now = live(tmp_path, DATA / "backdated_told_late_by_answer", pages,
                     ["2026-11-11", "2026-11-12", "2026-11-21", "2027-11-11", "2027-11-12"], None)
    lapse = f"{UEL}/suspension_lapsed/uel/2026-11-11"
    assert seen[lapse] == "2026-11-11"
    assert [i for i in now if i.startswith(f"{lapse}/correction/")], sorted(i for i in now if i.startswith(UEL))
    assert min(d for i, d in seen.items() if i.startswith(f"{lapse}/correction/")) == "2026-11-20"
    assert seen[f"{UEL}/suspension_extended/uel/2026-11-11"] == "2026-11-20"
    assert seen[f"{UEL}/suspension_lapsed/uel/2027-11-12"] == "2027-11-12"


def test_one_company_suspended_on_one_list_imposed_on_another_in_one_week(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> None:
    """Northwind's entity feed: the suspension (MOFCOM) and the countermeasure (MFA), each its ministry's and notice's, with
    provenance; ``screen`` hits both listings as of 12-09 and only the ECL as of 12-08."""
    store = _get(stores, tmp_path_factory, "mofcom_suspends_mfa_imposes")
    items = {i["id"][len(TAG):]: i for i in store.items("2026-12-31", "entity/northwindavionics")}
    suspended = items["MOFCOM-2026-335/suspended/ecl/2026-12-07/northwindavionics"]
    imposed = items["MFA-ORDER-2026-75/imposed/countermeasure/2026-12-09/northwindavionics"]
    assert "MOFCOM" in suspended["content_html"] and "MFA" in imposed["content_html"]
    for item in (suspended, imposed):
        assert item["url"] and "sha-256" in item["content_html"].lower()
    (tmp_path / "rows.csv").write_text("name\nNorthwind Avionics Inc.\n", encoding="utf-8")
    for day, want in (("2026-12-08", {"MOFCOM-2026-335"}), ("2026-12-09", {"MOFCOM-2026-335", "MFA-ORDER-2026-75"})):
        done = invoke(store.db, "screen", str(tmp_path / "rows.csv"), "--json", "--as-of", day, env=store.env)
        hits = json.loads(done.stdout)["results"][0]["hits"]
        assert {h["notice_key"] for h in hits} == want, (day, hits)


def test_renamed_on_one_list_the_other_list_s_removal_by_either_name(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> None:
    """The ECL's rename reaches the entity the UEL lists: removal by the new name and by the old one give the same states and
    the same item ids; ``screen`` by either name hits both lists, the UEL's as removed after 12-15."""
    one = _get(stores, tmp_path_factory, "renamed_on_ecl_lifted_on_uel")
    other = _get(stores, tmp_path_factory, "renamed_on_ecl_lifted_on_uel_old_name")
    assert ids(one.items(LAST, "entity/dawnlightunmannedsystems")) == ids(other.items(LAST, "entity/dawnlightunmannedsystems"))
    assert f"{TAG}UEL-2026-48/removed/uel/2026-12-15/dawnlightunmannedsystems" in ids(one.items(LAST, "entity/dawnlightunmannedsystems"))
    (tmp_path / "rows.csv").write_text("name\nDawnlight Autonomous Systems Inc.\n晨光无人系统公司\n", encoding="utf-8")
    for store in (one, other):
        done = invoke(store.db, "screen", str(tmp_path / "rows.csv"), "--json", "--as-of", "2026-12-20", env=store.env)
        for result in json.loads(done.stdout)["results"]:
            assert {h["notice_key"] for h in result["hits"]} >= {"MOFCOM-2026-336"}, result


def test_nothing_waits_for_a_person_but_what_is_said(stores: dict[str, Store],
                                                     tmp_path_factory: pytest.TempPathFactory) -> None:
    """``review``: no page refused or held in any story folder (every page read whole)."""
    for name in FOLDERS:
        store = _get(stores, tmp_path_factory, name)
        done = invoke(store.db, "review", "--json", env=store.env)
        got = json.loads(done.stdout)
        assert not [p for p in json.dumps(got, ensure_ascii=False).split('"') if "stories46" in p and "held" in p], name


@pytest.mark.parametrize(("folder", "name", "days"), [
    ("mofcom_suspends_mfa_imposes", "Northwind Avionics Inc.", ("2026-12-08", "2026-12-09", "2027-06-07")),
    ("mfa_suspends_mofcom_imposes", "Skydio Inc.", ("2026-12-08", "2026-12-10")),
    ("renamed_on_ecl_lifted_on_uel", "晨光自主系统公司", ("2026-11-20", "2026-12-15")),
    ("qa_told_notice_contradicts", "Silver Fir Electronics Inc.", ("2026-12-09", "2026-12-10")),
    ("mfa_decree_2027_41_one_lifted", "Sea Falcon Drones LLC", ("2027-06-10",)),
])
def test_evidence_agrees_with_timeline(stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory,
                                       tmp_path: Path, folder: str, name: str, days: tuple[str, ...]) -> None:
    store = _get(stores, tmp_path_factory, folder)
    for day in days:
        pack, packed = packed_timeline(store, name, day, tmp_path)
        said = {e["notice_key"]: e["state"] for e in store.timeline(name, day)["listings"]}
        assert {e["notice_key"]: e["state"] for e in packed["listings"]} == said, (name, day)
        assert invoke(store.db, "evidence", "--verify", str(pack), env=store.env).exit_code == 0


@pytest.mark.parametrize("name", FOLDERS)
def test_the_same_pages_in_another_order_give_the_same_items(name: str, stores: dict[str, Store],
                                                             tmp_path_factory: pytest.TempPathFactory,
                                                             tmp_path: Path) -> None:
    """The later half of the folder's pages first, then the earlier: the same items, ids and titles; the one store's items
    each once, with a URL and the page's SHA-256."""
    store = _get(stores, tmp_path_factory, name)
    again = replayed_in_halves(tmp_path, DATA / name, FETCHED, today=TODAY)  # the later half of the pages first
    extra = {i for i in ids(again.items(LAST)) - ids(store.items(LAST)) if "/unresolved_reference/" in i}
    assert {i["id"]: i["title"] for i in again.items(LAST) if i["id"] not in extra} == {
        i["id"]: i["title"] for i in store.items(LAST)}
    assert os.path.exists(again.db.removeprefix("sqlite:///"))
    items = store.items(LAST)
    if name == "apart_then_corrected":  # the notice feeds written in-process (a past day): every file the same bytes
        cheap = store.folder / f"notice-feeds-{LAST}"  # as ``feeds --out --as-of`` writes (stories.notice_feeds_as_of)
        made = sorted(p.relative_to(cheap) for p in cheap.rglob("*") if p.is_file())
        assert {p.name for p in made} >= {f"{feed}.json" for feed in NOTICE_FEEDS}, made
        real = store.feeds(LAST)
        assert [p for p in made if (cheap / p).read_bytes() != (real / p).read_bytes()] == [], made
    assert len(items) == len(ids(items))
    for item in items:
        if "source-health" not in item["id"]:
            assert item.get("url") and "sha-256" in item["content_html"].lower(), item["id"]
    assert state(store, LAST, ECL)[0] in ("lapsed", "suspended")
