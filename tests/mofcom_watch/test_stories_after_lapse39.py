"""After the 2026-11-10 lapse, as an officer reads it (session 38, story39's stories, /work/s38/story39-cases/): the real
texts of ECL 2025 No. 21 and UEL 〔2025〕7号 and their 2025 Q&As, then steps composed in the official wording, replayed with
the real ``replay`` (one real process) into a real SQLite file per folder of tests/data/stories39/, read back with
``status``, ``timeline`` and ``feeds`` on the days before, of and after each step; each folder again in another order
(the later half first) into a second store: the same items, the same ids. ``MOFCOM_WATCH_TODAY`` is 2028-01-31.

lapse      nothing said at the lapse: both lapse on 2026-11-10 (a year counted from 2025-11-10 reaches it: the ministry's
           own chaining, 05-14 + 90 days = 08-12, the day the next period began), one "lapsed" item each, dated that day;
           at midnight Beijing, not UTC. A late extension "延长暂停…至2027年11月10日" of 11-20 runs from its own day (the
           gap stays lapsed); one backdated "自2026年11月10日起" runs from the lapse day; both through 2027-11-10 inclusive.
partial    A: "停止执行商务部公告2025年第21号中对A（a）、B（b）的相关措施" lifted all 16 (14 falsely, silently): now the two.
           A: "商务部公告2025年第21号相关措施的暂停继续有效" (no date, no step read) was stored as nothing, the listing "back in
           force", status exit 0: now held for a person; so too one under a title naming no list ("就出口管制有关问题
           答记者问"), which was dropped as an answer on another topic. "继续暂停实施，在新的安排公布前，暂停继续有效": until further notice.
same_step  a notice continuing No. 21 and a Q&A telling the same step the next day: one item, the notice deciding; a
           correction of the notice's end day a week later ("“暂停期限至2027年11月20日”有误，现更正为“…至2027年5月20日”"):
           applied from its day (B: it was "not applied", said, the listing shown suspended to the wrong day).
same_end   the Q&A tells the notice's "至2027年11月20日" as "暂停期限为1年" from 11-21: the same last day, 11-20 (B: a problem
           said they differ, "until 2027-11-21 otherwise than … until 2027-11-20"): one step, no problem.
resuspend  UEL 7号 lapsed, Skydio renamed (the rename reaches its MFA listing), restored from 12-01, suspended again by a
           new notice from 2027-01-15 for 6 months (lapsing 07-15); an MFA decision lifting Skydio while saying Edge
           Autonomy's measures go on ("对X（English）采取的反制措施继续有效"). A: X was lifted too, silently: now Skydio alone.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.faketime import FAKETIME_LIB, NO_FAKETIME, faked
from tests.mofcom_watch.stories import (
    REPO,
    TAG,
    Store,
    ids,
    invoke,
    item_ids_of,
    replayed,
    replayed_in_halves,
    row,
    state,
)

DATA = REPO / "tests" / "data" / "stories39"
TODAY = "2028-01-31"
FETCHED = "2028-01-15T00:00:00+00:00"
LAST = "2027-12-31"
ECL, UEL, MFA = "MOFCOM-2025-21", "UEL-2025-7", "MFA-ORDER-2024-13"


def _store(factory: pytest.TempPathFactory, name: str) -> Store:
    return replayed(factory.mktemp(f"s39-{name}"), DATA / name, FETCHED, today=TODAY)


@pytest.fixture(scope="module")
def lapse(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return _store(tmp_path_factory, "lapse")


@pytest.fixture(scope="module")
def partial(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return _store(tmp_path_factory, "partial")


@pytest.fixture(scope="module")
def same_step(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return _store(tmp_path_factory, "same_step")


@pytest.fixture(scope="module")
def same_end(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return _store(tmp_path_factory, "same_end")


@pytest.fixture(scope="module")
def resuspend(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return _store(tmp_path_factory, "resuspend")


def _titles(store: Store, day: str, key: str) -> dict[str, str]:
    return {i["id"][len(TAG):]: i["title"] for i in store.items(day) if i["id"].startswith(f"{TAG}{key}/")}


def _status(store: Store, day: str) -> dict[str, Any]:
    return dict(json.loads(invoke(store.db, "status", "--json", "--as-of", day, env=store.env).stdout))


# lapse


def test_nothing_said_both_lapse_on_the_day_a_year_from_2025_11_10_reaches(lapse: Store) -> None:
    # "1年" from 2025-11-10 runs through 2026-11-10, its last day; both lapse the day after (lapse43, one convention)
    for key in (ECL, UEL):
        got = row(lapse, "2026-11-10", key)
        assert (got["state"], got["since"], got["until"], got["lapses_on"], got["days_left"]) == (
            "suspended", "2025-11-10", "2026-11-10", "2026-11-11", 1)
        for day in ("2026-11-11", "2026-11-12", "2026-11-19"):
            got = row(lapse, day, key)
            assert (got["state"], got["since"], got["presumed"]) == ("lapsed", "2026-11-11", True), (day, key)
    # said once, on the lapse day, to a reader who polled the days after it
    for day in ("2026-11-11", "2026-11-12", "2026-11-19"):
        lapsed = {i for i in ids(lapse.items(day)) if "/suspension_lapsed/" in i}
        assert lapsed == {f"{TAG}{ECL}/suspension_lapsed/ecl/2026-11-11", f"{TAG}{UEL}/suspension_lapsed/uel/2026-11-11"}
    assert {i for i in ids(lapse.items("2026-11-10")) if "/suspension_lapsed/" in i} == set()


@pytest.mark.skipif(FAKETIME_LIB is None, reason=NO_FAKETIME)
def test_the_lapse_day_begins_at_midnight_beijing_not_utc(lapse: Store) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOFCOM_WATCH_")}
    got = {}
    for utc in ("2026-11-10 15:59:00", "2026-11-10 16:01:00"):  # 23:59 and 00:01 in Beijing (lapse day 11-11, lapse43)
        done = subprocess.run([str(REPO / ".venv" / "bin" / "mofcom-watch"), "--db", lapse.db, "status", "--json"],
                              capture_output=True, text=True, env={**env, **faked(utc)}, cwd=REPO, timeout=120)
        assert done.returncode in (0, 1) and done.stdout.startswith("{"), (utc, done.returncode, done.stderr[-3000:])
        out = json.loads(done.stdout)
        got[utc] = (out["as_of"], {r["notice_key"]: r["state"] for r in out["listings"] if r["notice_key"] in (ECL, UEL)})
    assert got == {"2026-11-10 15:59:00": ("2026-11-10", {ECL: "suspended", UEL: "suspended"}),
                   "2026-11-10 16:01:00": ("2026-11-11", {ECL: "lapsed", UEL: "lapsed"})}


def test_a_late_extension_runs_from_its_day_a_backdated_one_from_the_lapse(lapse: Store) -> None:
    got = row(lapse, "2026-11-20", ECL)  # "延长暂停执行…相关措施至2027年11月10日", said on 11-20: the gap stays lapsed
    assert (got["state"], got["since"], got["until"], got["lapses_on"], got["by"]) == (
        "suspended", "2026-11-20", "2027-11-10", "2027-11-11", "QA-2026-11-20-68a81f8d")
    got = row(lapse, "2026-11-20", UEL)  # "自2026年11月10日起，延长暂停…至2027年11月10日"
    assert (got["state"], got["since"], got["until"], got["lapses_on"]) == ("suspended", "2026-11-10", "2027-11-10",
                                                                           "2027-11-11")
    for key in (ECL, UEL):
        assert row(lapse, "2027-11-10", key)["days_left"] == 1
        assert state(lapse, "2027-11-11", key) == ("lapsed", "2027-11-11", None)
    ecl = _titles(lapse, LAST, ECL)
    assert {k for k in ecl if k.rsplit("/", 1)[1] >= "2026-11-10"} == {
        f"{ECL}/suspension_lapsed/ecl/2026-11-11", f"{ECL}/suspension_extended/ecl/2026-11-20",
        f"{ECL}/suspension_ends_soon/ecl/2027-10-12", f"{ECL}/suspension_ends_soon/ecl/2027-11-04",
        f"{ECL}/suspension_lapsed/ecl/2027-11-11"}
    assert ecl[f"{ECL}/suspension_ends_soon/ecl/2027-11-04"].endswith("until 2027-11-10 inclusive")
    # rebuilt from scratch, the backdated step leaves no lapse of 2026-11-10 (it never lapsed, as known now)
    assert {k for k in _titles(lapse, LAST, UEL) if k.rsplit("/", 1)[1] >= "2026-11-10"} == {
        f"{UEL}/suspension_extended/uel/2026-11-10", f"{UEL}/suspension_ends_soon/uel/2027-10-12",
        f"{UEL}/suspension_ends_soon/uel/2027-11-04", f"{UEL}/suspension_lapsed/uel/2027-11-11"}


# partial


def test_a_lift_of_two_named_among_a_notice_lifts_those_two(partial: Store) -> None:
    got = row(partial, "2026-11-30", ECL, "sierranevada")
    assert (got["state"], got["next_state"], got["next_from"], sorted(got["entity_keys"])) == (
        "lapsed", "lifted", "2026-12-01", ["cubic", "sierranevada"])
    assert state(partial, "2026-12-01", ECL, "cubic") == ("lifted", "2026-12-01", None)
    got = row(partial, "2026-12-01", ECL, "highpointaerotechnologies")
    assert (got["state"], got["since"], got["presumed"], len(got["entity_keys"])) == ("lapsed", "2026-11-11", True, 14)
    items = _titles(partial, "2026-12-01", ECL)
    assert items[f"{ECL}/lifted/ecl/2026-12-01"].startswith("Lifted: Sierra Nevada Corporation and Cubic Corporation ")


def test_an_answer_saying_the_suspension_still_holds_is_held_for_a_person(partial: Store) -> None:
    got = _status(partial, "2026-11-20")
    held = sorted(i["detail"] for i in got["health_issues"] if i["kind"] == "unusable-page")
    # p4: "…第21号）相关措施的暂停继续有效，暂停期限至2027年11月10日" under "就出口管制有关问题答记者问" (no list word) was dropped
    # as an answer on another topic, silently (A, parse18/09's reading)
    assert len(held) == 2 and "p2-qa-2026-11-12" in held[0] and "p4-qa-2026-11-20" in held[1], held
    assert all("暂停继续有效" in one for one in held)
    assert got["ok"] is False
    assert state(partial, "2026-11-20", ECL) == ("lapsed", "2026-11-11", None)  # nothing of it applied


def test_continued_until_a_new_arrangement_after_the_lapse(partial: Store) -> None:
    got = row(partial, "2026-11-13", UEL)
    assert (got["state"], got["since"], got["until"], got["by"]) == ("suspended", "2026-11-13", None,
                                                                      "QA-2026-11-13-8b42ac3c")
    assert state(partial, "2026-11-12", UEL) == ("lapsed", "2026-11-11", None)  # through 11-10 (lapse43)
    assert _titles(partial, "2026-11-13", UEL)[f"{UEL}/suspension_extended/uel/2026-11-13"].endswith("until further notice")


# same_step


def test_a_notice_and_a_qa_a_day_apart_are_one_step(same_step: Store) -> None:
    got = row(same_step, "2026-11-20", ECL)
    assert (got["state"], got["next_state"], got["next_from"]) == ("lapsed", "suspended", "2026-11-21")
    got = row(same_step, "2026-11-22", ECL)
    assert (got["state"], got["since"], got["until"], got["lapses_on"], got["by"]) == (
        "suspended", "2026-11-21", "2027-11-20", "2027-11-21", "MOFCOM-2026-250")
    assert {k for k in _titles(same_step, "2026-11-26", ECL) if k.rsplit("/", 1)[1] >= "2026-11-10"} == {
        f"{ECL}/suspension_lapsed/ecl/2026-11-11", f"{ECL}/suspension_extended/ecl/2026-11-21"}
    assert not same_step.status("2026-11-26")["__problems__"] or all(
        "2025" in p.split(":")[0] for p in same_step.status("2026-11-26")["__problems__"])


def test_a_correction_of_the_end_day_is_applied_from_its_day(same_step: Store) -> None:
    # No. 256 of 11-27: "“暂停期限至2027年11月20日”有误，现更正为“暂停期限至2027年5月20日”" (B: not applied, only said)
    assert row(same_step, "2026-11-26", ECL)["until"] == "2027-11-20"
    got = row(same_step, "2026-11-27", ECL)
    assert (got["state"], got["since"], got["until"], got["lapses_on"], got["by"]) == (
        "suspended", "2026-11-21", "2027-05-20", "2027-05-21", "MOFCOM-2026-250")
    assert state(same_step, "2027-05-21", ECL) == ("lapsed", "2027-05-21", None)
    problems = same_step.status("2026-11-27")["__problems__"]
    assert not [p for p in problems if "not applied" in p], problems
    # the answer of 11-21 told the end first written: said, the notice followed
    assert [p for p in problems if p.startswith("QA-2026-11-21") and "otherwise than MOFCOM-2026-250" in p]
    items = _titles(same_step, LAST, ECL)
    assert {k for k in items if k.rsplit("/", 1)[1] >= "2026-11-10"} == {
        f"{ECL}/suspension_lapsed/ecl/2026-11-11", f"{ECL}/suspension_extended/ecl/2026-11-21",
        f"{ECL}/suspension_ends_soon/ecl/2027-04-21", f"{ECL}/suspension_ends_soon/ecl/2027-05-14",
        f"{ECL}/suspension_lapsed/ecl/2027-05-21"}
    assert "until 2027-05-20 inclusive" in items[f"{ECL}/suspension_extended/ecl/2026-11-21"]


def test_an_end_written_as_a_day_and_one_counted_to_the_same_lapse_are_one_step(same_end: Store) -> None:
    got = row(same_end, "2026-11-22", ECL)
    assert (got["state"], got["until"], got["lapses_on"], got["by"]) == ("suspended", "2027-11-20", "2027-11-21",
                                                                      "MOFCOM-2026-250")
    # lapse43 (one convention, the lead's decision): the answer's "1年" from 11-21 runs through 2027-11-21, a day past the
    # notice's "至2027年11月20日"; they are one step no more: the notice is followed and a problem says so, loudly
    assert [p for p in same_end.status("2026-11-22")["__problems__"] if "otherwise" in p] == [
        "QA-2026-11-21-030ce385: it says of MOFCOM-2025-21 from 2026-11-21 until 2027-11-21, otherwise than "
        "MOFCOM-2026-250 (until 2027-11-20), the notice, which is followed: read both"]
    assert {k for k in _titles(same_end, LAST, ECL) if k.rsplit("/", 1)[1] >= "2026-11-10"} == {
        f"{ECL}/suspension_lapsed/ecl/2026-11-11", f"{ECL}/suspension_extended/ecl/2026-11-21",
        f"{ECL}/suspension_ends_soon/ecl/2027-10-22", f"{ECL}/suspension_ends_soon/ecl/2027-11-14",
        f"{ECL}/suspension_lapsed/ecl/2027-11-21"}


# resuspend


def test_restored_then_suspended_again_by_a_new_notice(resuspend: Store) -> None:
    assert row(resuspend, "2026-11-30", UEL)["next_from"] == "2026-12-01"
    got = row(resuspend, "2026-12-01", UEL)
    assert (got["state"], got["since"], got["presumed"], got["by"]) == ("in_force", "2026-12-01", False,
                                                                        "QA-2026-11-24-3d525cbd")
    assert (row(resuspend, "2027-01-14", UEL)["next_state"], row(resuspend, "2027-01-14", UEL)["next_from"]) == (
        "suspended", "2027-01-15")
    got = row(resuspend, "2027-07-15", UEL)  # its last day (lapse43: a counted end is included, as a written one)
    assert (got["state"], got["since"], got["until"], got["lapses_on"], got["by"]) == (
        "suspended", "2027-01-15", "2027-07-15", "2027-07-16", "UEL-2027-3")
    assert state(resuspend, "2027-07-16", UEL) == ("lapsed", "2027-07-16", None)
    assert {k for k in _titles(resuspend, LAST, UEL) if k.rsplit("/", 1)[1] >= "2026-11-10"} == {
        f"{UEL}/suspension_lapsed/uel/2026-11-11", f"{UEL}/renamed/uel/2026-11-25", f"{UEL}/restored/uel/2026-12-01",
        f"{UEL}/suspended/uel/2027-01-15", f"{UEL}/suspension_ends_soon/uel/2027-06-16",
        f"{UEL}/suspension_ends_soon/uel/2027-07-09", f"{UEL}/suspension_lapsed/uel/2027-07-16"}


def test_an_mfa_lift_of_one_company_keeps_the_one_it_says_goes_on(resuspend: Store) -> None:
    assert state(resuspend, "2026-12-01", MFA, "skydio") == ("lifted", "2026-12-01", None)
    got = row(resuspend, "2026-12-01", MFA, "edgeautonomyoperations")
    assert (got["state"], got["since"], len(got["entity_keys"])) == ("in_force", "2024-10-10", 3)
    items = _titles(resuspend, "2026-12-01", MFA)
    assert items[f"{MFA}/lifted/countermeasure/2026-12-01"] == (
        "Lifted: SkyEye Technologies Inc. on the MFA countermeasure list (MFA-ORDER-2024-13) from 2026-12-01")
    assert f"{MFA}/renamed/countermeasure/2026-11-25" in items
    # the UEL listing goes its own way: restored on the same day
    assert state(resuspend, "2026-12-01", UEL) == ("in_force", "2026-12-01", None)
    assert not [p for p in resuspend.status("2026-12-01")["__problems__"] if "MFA" in p]  # (the 2025 Q&As' UEL 5, 6, 8 aside)


# every folder, another order


@pytest.mark.parametrize("name", ["lapse", "partial", "same_step", "same_end", "resuspend"])
def test_the_same_pages_in_another_order_give_the_same_items(name: str, request: pytest.FixtureRequest,
                                                             tmp_path: Path) -> None:
    store: Store = request.getfixturevalue(name)
    again = replayed_in_halves(tmp_path, DATA / name, FETCHED, today=TODAY)  # the later half of the pages first
    # "Resolved: …" items for answers stored before the notice they name: news of that order, not of the notices
    extra = {i for i in ids(again.items(LAST)) - ids(store.items(LAST)) if "/unresolved_reference/" in i}
    assert ids(again.items(LAST)) - extra == ids(store.items(LAST))
    same = {i["id"]: i["title"] for i in again.items(LAST) if i["id"] not in extra}
    assert same == {i["id"]: i["title"] for i in store.items(LAST)}
    for key in (ECL, UEL, MFA):
        assert item_ids_of(again, LAST, key) == item_ids_of(store, LAST, key)
