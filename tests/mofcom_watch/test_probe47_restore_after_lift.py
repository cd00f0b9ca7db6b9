"""A restore a notice set for its suspension's lapse ("期满后自动恢复实施") where another notice lifted the entities before that
suspension began (session 47, probe47, on probe46's c44837f4, ``collect._moot_restores``, which looked only at steps after
the suspension began): ECL No. 337 (10-09, 银杉电子公司 and 赤岩动力公司); No. 350 (10-20) "自2026年11月1日起，暂停执行…第337号
相关措施，暂停期限为1年，期满后自动恢复实施" (back on 2027-11-02). Each folder of tests/data/probe47 replayed by a real ``replay``
process into a real SQLite file (and again in another order), read back with ``status`` and ``feeds``.

lift_before_suspension_starts_auto_restore      No. 352 (10-22) "自2026年10月25日起，停止执行…第337号相关措施". A: lifted on
                                                10-25, then "Restored" and in force from 2027-11-02 for good (the problem
                                                said only that No. 350's suspension changes nothing).
lifted_before_suspension_published_auto_restore No. 349 (10-15) lifts it from 10-18, before No. 350 was published: the same.
one_lifted_before_suspension_starts_auto_restore No. 352 lifts 银杉 alone from 10-25: 赤岩 suspended, then restored; 银杉 lifted.
lifted_restored_then_suspended_auto_restore     No. 348 lifts it from 10-13, No. 349 restores it from 10-18: No. 350's
                                                suspension and its restore stand (in force again from 2027-11-02).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.mofcom_watch.stories import REPO, Store, cached, item_ids_of, row

DATA = REPO / "tests" / "data" / "probe47"
TODAY = "2029-01-01"
FETCHED = "2027-12-15T00:00:00+00:00"
KEY = "MOFCOM-2026-337"
FIR, ROCK = "silverfirelectronics", "redrockpropulsion"
RESTORED = f"{KEY}/restored/ecl/2027-11-02"

# per folder: per entity, (state, since, until, by) on 2027-11-02 and 2028-12-31; whether No. 350's restore is an item
STATES: dict[str, tuple[dict[str, tuple[Any, ...]], bool]] = {
    "lift_before_suspension_starts_auto_restore": (
        {FIR: ("lifted", "2026-10-25", None, "MOFCOM-2026-352"), ROCK: ("lifted", "2026-10-25", None, "MOFCOM-2026-352")},
        False),
    "lifted_before_suspension_published_auto_restore": (
        {FIR: ("lifted", "2026-10-18", None, "MOFCOM-2026-349"), ROCK: ("lifted", "2026-10-18", None, "MOFCOM-2026-349")},
        False),
    "one_lifted_before_suspension_starts_auto_restore": (
        {FIR: ("lifted", "2026-10-25", None, "MOFCOM-2026-352"), ROCK: ("in_force", "2027-11-02", None, "MOFCOM-2026-350")},
        True),
    "lifted_restored_then_suspended_auto_restore": (
        {FIR: ("in_force", "2027-11-02", None, "MOFCOM-2026-350"), ROCK: ("in_force", "2027-11-02", None, "MOFCOM-2026-350")},
        True),
}


@pytest.fixture(scope="module")
def stores() -> dict[str, Store]:
    return {}


def _store(stores: dict[str, Store], factory: pytest.TempPathFactory, name: str, halves: bool) -> Store:
    return cached(stores, factory, DATA / name, FETCHED, TODAY, "p47", halves=halves)


@pytest.mark.parametrize("halves", [False, True], ids=["together", "another-order"])
@pytest.mark.parametrize("name", sorted(STATES))
def test_a_restore_at_a_lapse_brings_back_nothing_lifted_before_its_suspension_began(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory, name: str, halves: bool) -> None:
    store = _store(stores, tmp_path_factory, name, halves)
    want, restored = STATES[name]
    for day in ("2027-11-02", "2028-12-31"):
        for entity, state in want.items():
            got = row(store, day, KEY, entity)
            assert (got["state"], got["since"], got["until"], got["by"]) == state, (name, day, entity)
    assert (RESTORED in item_ids_of(store, "2028-12-31", KEY)) is restored
