"""A spokesperson's answer and a notice acting on one listing (session 46, probe46, on session 45's b8e09a91, cc259ecd and
20496723 in storage/lifecycle/collect.py): ECL No. 337 (10-09, 银杉电子公司 and 赤岩动力公司), steps composed in the official
wording, each folder of tests/data/probe46 replayed by a real ``replay`` process into a real SQLite file (and again in
another order), read back with ``status``, ``feeds``. Every end is the period's last day, included; it lapses the day after.

restore_all_but_one_kept_suspended  No. 350 suspends No. 337 to 12-09; an answer of 12-02 restores all of it from 12-10; No. 366
                              (12-09) restores it from 12-10 "但对赤岩动力公司…继续暂停实施相关措施6个月". A: 赤岩 in force from 12-10
                              by the answer (applied after the notice's step of that day), nothing said.
lift_all_but_one_suspended    an answer of 12-02 lifts all of No. 337 from 12-10; No. 366 (12-09) suspends 赤岩 alone from 12-10
                              for 6 months. A: 赤岩 lifted by the answer, nothing said.
extension_all_but_one_shorter an answer extends all of No. 337 for 1年 from 12-10; No. 366 extends 赤岩 alone for 6个月. B: the whole
                              answer dropped, 银杉 'lapsed' (presumed back in force) against the answer, the only word on it.
extension_all_but_one_restored the same answer; No. 366 restores 银杉 alone from 12-10. A: 银杉 suspended by the answer.
extension_vs_suspension_same_day the answer "继续暂停…1年", No. 366 "暂停执行…，暂停期限为6个月", both from 12-10. A: the answer's year
                              the state, nothing said (a suspension and an extension were never compared).
early_lift_before_term_end    No. 337 "有效期二年" (its term ends 2028-10-09); an answer of 12-02 lifts it from 12-10. B (a
                              regression of cc259ecd): the answer dropped as "otherwise than" the term's end, in force two more
                              years, with a problem.
early_restore_before_its_end  No. 350 suspends No. 337 for 1年 "期满后自动恢复实施"; an answer of 2027-03-01 restores it from 03-10.
                              B (cc259ecd): the answer dropped, suspended to 2027-10-20, with a problem.
lift_told_early_two_notices_later an answer of 12-02 lifts all of No. 337 from 12-10; No. 366 (12-09) lifts 银杉 alone from 12-15,
                              No. 367 (12-12) 赤岩 alone from 12-20. A: lifted since 12-10 by the answer, five and ten days early,
                              a note alone (cc259ecd asked one notice to reach all the answer's entities).
lifted_before_its_restore     No. 350 suspends No. 337 for 1年 "期满后自动恢复实施" (back 2027-10-21); No. 360 lifts it from 10-10.
                              A: lifted on 10-10, then 'Restored' and in force from 10-21 for good, silently.
extended_at_its_restore       the same No. 350; No. 360 "自2027年10月21日起，继续暂停执行…，暂停期限为1年". B: the state right, a
                              false 'Restored' item of 10-21 and "extends a suspension … that is not in place".
restored_early_by_notice      the same No. 350; No. 360 restores No. 337 from 2027-03-10: a second 'Restored' item of 10-21,
                              "in force since 2027-10-21 by No. 350" (A, a false item).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.mofcom_watch.stories import REPO, TAG, Store, cached, item_ids_of, row

DATA = REPO / "tests" / "data" / "probe46"
TODAY = "2029-01-01"
FETCHED = "2027-12-15T00:00:00+00:00"
KEY = "MOFCOM-2026-337"
FIR, ROCK = "silverfirelectronics", "redrockpropulsion"
QA = "QA-2026-12-02-f8b39082"

# per folder: per day, per entity (state, since, until, by)
STATES: dict[str, dict[str, dict[str, tuple[Any, ...]]]] = {
    "restore_all_but_one_kept_suspended": {
        "2026-12-09": {FIR: ("suspended", "2026-10-20", "2026-12-09", "MOFCOM-2026-350"),
                       ROCK: ("suspended", "2026-10-20", "2026-12-09", "MOFCOM-2026-350")},
        # 银杉 by No. 366, which restores it that day too, not by the answer said first (session 48, probe47's B2)
        "2026-12-10": {FIR: ("in_force", "2026-12-10", None, "MOFCOM-2026-366"),
                       ROCK: ("suspended", "2026-12-10", "2027-06-10", "MOFCOM-2026-366")},
        "2027-06-11": {FIR: ("in_force", "2026-12-10", None, "MOFCOM-2026-366"),
                       ROCK: ("lapsed", "2027-06-11", None, "MOFCOM-2026-366")}},
    "lift_all_but_one_suspended": {
        "2026-12-10": {FIR: ("lifted", "2026-12-10", None, QA),
                       ROCK: ("suspended", "2026-12-10", "2027-06-10", "MOFCOM-2026-366")}},
    "extension_all_but_one_shorter": {
        "2026-12-10": {FIR: ("suspended", "2026-12-10", "2027-12-10", QA),
                       ROCK: ("suspended", "2026-12-10", "2027-06-10", "MOFCOM-2026-366")},
        "2027-06-11": {FIR: ("suspended", "2026-12-10", "2027-12-10", QA),
                       ROCK: ("lapsed", "2027-06-11", None, "MOFCOM-2026-366")}},
    "extension_all_but_one_restored": {
        "2026-12-10": {FIR: ("in_force", "2026-12-10", None, "MOFCOM-2026-366"),
                       ROCK: ("suspended", "2026-12-10", "2027-12-10", QA)}},
    "extension_vs_suspension_same_day": {
        "2026-12-10": {FIR: ("suspended", "2026-12-10", "2027-06-10", "MOFCOM-2026-366"),
                       ROCK: ("suspended", "2026-12-10", "2027-06-10", "MOFCOM-2026-366")},
        "2027-06-11": {FIR: ("lapsed", "2027-06-11", None, "MOFCOM-2026-366"),
                       ROCK: ("lapsed", "2027-06-11", None, "MOFCOM-2026-366")}},
    "early_lift_before_term_end": {
        "2026-12-09": {FIR: ("in_force", "2026-10-09", None, KEY), ROCK: ("in_force", "2026-10-09", None, KEY)},
        "2026-12-10": {FIR: ("lifted", "2026-12-10", None, QA), ROCK: ("lifted", "2026-12-10", None, QA)},
        "2028-10-10": {FIR: ("lifted", "2026-12-10", None, QA), ROCK: ("lifted", "2026-12-10", None, QA)}},
    "early_restore_before_its_end": {
        "2027-03-09": {FIR: ("suspended", "2026-10-20", "2027-10-20", "MOFCOM-2026-350"),
                       ROCK: ("suspended", "2026-10-20", "2027-10-20", "MOFCOM-2026-350")},
        "2027-03-10": {FIR: ("in_force", "2027-03-10", None, "QA-2027-03-01-f8b39082"),
                       ROCK: ("in_force", "2027-03-10", None, "QA-2027-03-01-f8b39082")}},
    "lift_told_early_two_notices_later": {
        "2026-12-14": {FIR: ("in_force", "2026-10-09", None, KEY), ROCK: ("in_force", "2026-10-09", None, KEY)},
        "2026-12-15": {FIR: ("lifted", "2026-12-15", None, "MOFCOM-2026-366"), ROCK: ("in_force", "2026-10-09", None, KEY)},
        "2026-12-20": {FIR: ("lifted", "2026-12-15", None, "MOFCOM-2026-366"),
                       ROCK: ("lifted", "2026-12-20", None, "MOFCOM-2026-367")}},
    "lifted_before_its_restore": {
        "2027-10-10": {FIR: ("lifted", "2027-10-10", None, "MOFCOM-2026-360")},
        "2027-10-21": {FIR: ("lifted", "2027-10-10", None, "MOFCOM-2026-360"),
                       ROCK: ("lifted", "2027-10-10", None, "MOFCOM-2026-360")},
        "2028-12-31": {FIR: ("lifted", "2027-10-10", None, "MOFCOM-2026-360")}},
    "extended_at_its_restore": {
        "2027-10-20": {FIR: ("suspended", "2026-10-20", "2027-10-20", "MOFCOM-2026-350")},
        "2027-10-21": {FIR: ("suspended", "2027-10-21", "2028-10-21", "MOFCOM-2026-360"),
                       ROCK: ("suspended", "2027-10-21", "2028-10-21", "MOFCOM-2026-360")}},
    "restored_early_by_notice": {
        "2027-03-10": {FIR: ("in_force", "2027-03-10", None, "MOFCOM-2026-360")},
        "2027-10-21": {FIR: ("in_force", "2027-03-10", None, "MOFCOM-2026-360"),
                       ROCK: ("in_force", "2027-03-10", None, "MOFCOM-2026-360")}},
}

# per folder: the words of the problem that says the answer and the notice differ (None: no such problem)
PROBLEMS: dict[str, tuple[str, ...] | None] = {
    "restore_all_but_one_kept_suspended": (QA, "in_force", "MOFCOM-2026-366 (suspended, until 2027-06-10) for "
                                           "redrockpropulsion"),
    "lift_all_but_one_suspended": (QA, "lifted", "MOFCOM-2026-366 (suspended, until 2027-06-10) for redrockpropulsion"),
    "extension_all_but_one_shorter": (QA, "until 2027-12-10", "MOFCOM-2026-366 (until 2027-06-10) for redrockpropulsion"),
    "extension_all_but_one_restored": (QA, "MOFCOM-2026-366 (in_force) for silverfirelectronics"),
    "extension_vs_suspension_same_day": (QA, "suspended, until 2027-12-10", "otherwise than MOFCOM-2026-366 (suspended, "
                                         "until 2027-06-10)"),
    "early_lift_before_term_end": None,
    "early_restore_before_its_end": None,
    "lift_told_early_two_notices_later": (QA, "lifted for all it names", "MOFCOM-2026-366, MOFCOM-2026-367",
                                          "redrockpropulsion, silverfirelectronics"),
    "lifted_before_its_restore": None,
    "extended_at_its_restore": None,
    "restored_early_by_notice": None,
}


@pytest.fixture(scope="module")
def stores() -> dict[str, Store]:
    return {}


def _store(stores: dict[str, Store], factory: pytest.TempPathFactory, name: str, halves: bool) -> Store:
    return cached(stores, factory, DATA / name, FETCHED, TODAY, "p46", halves=halves)


def _of(store: Store, day: str, entity: str) -> tuple[Any, ...]:
    got = row(store, day, KEY, entity)
    return got["state"], got["since"], got["until"], got["by"]


@pytest.mark.parametrize("halves", [False, True], ids=["together", "another-order"])
@pytest.mark.parametrize("name", sorted(STATES))
def test_the_notice_decides_for_what_it_names_and_the_answer_for_the_rest(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory, name: str, halves: bool) -> None:
    store = _store(stores, tmp_path_factory, name, halves)
    for day, per_entity in STATES[name].items():
        for entity, want in per_entity.items():
            assert _of(store, day, entity) == want, (name, day, entity)
    problems = [p for p in store.status("2028-12-31")["__problems__"] if "QA-" in p and "otherwise than" in p]
    words = PROBLEMS[name]
    if words is None:
        assert not problems, problems
    else:
        assert [p for p in problems if all(w in p for w in words)], problems


def test_no_item_tells_the_notice_s_excepted_entity_restored(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    """赤岩, kept suspended by No. 366, gets no "restored" item from the answer restoring all of No. 337 that day; 银杉 does."""
    store = _store(stores, tmp_path_factory, "restore_all_but_one_kept_suspended", False)
    rock = {i["id"][len(TAG):] for i in store.items("2026-12-31", f"entity/{ROCK}")}
    fir = {i["id"][len(TAG):] for i in store.items("2026-12-31", f"entity/{FIR}")}
    assert not [i for i in rock if "/restored/" in i], rock
    assert [i for i in fir if "/restored/" in i], fir
    assert item_ids_of(store, "2026-12-31", KEY)


@pytest.mark.parametrize("name", ["lifted_before_its_restore", "extended_at_its_restore", "restored_early_by_notice",
                                  "early_restore_before_its_end"])
def test_no_restore_at_a_lapse_another_step_came_before(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory, name: str) -> None:
    """No. 350's "期满后自动恢复实施" (2027-10-21) after No. 360's lift (10-10), its extension from 10-21, or an early restore
    (03-10, by No. 360 or an answer): no "Restored" item of 10-21, nothing said against the extension."""
    store = _store(stores, tmp_path_factory, name, False)
    got = item_ids_of(store, "2028-12-31", KEY)
    assert f"{KEY}/restored/ecl/2027-10-21" not in got, got
    assert not [p for p in store.status("2028-12-31")["__problems__"] if "not in place" in p]
