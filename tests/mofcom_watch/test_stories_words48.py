"""words48's parser fixes (session 48) through the engine: each story folder under ``tests/data/words48/`` replayed by real
``mofcom-watch replay`` processes into a real SQLite store, read back by ``timeline`` and ``status``.

two_named_steps  No. 337 (2026-10-09) lists 银杉电子 and 赤岩动力 on the ECL; No. 366 (12-09) "自2026年12月10日起，停止对…第337号所列
                 银杉电子公司（…）实施相关措施；暂停对…第337号所列赤岩动力公司（…）实施相关措施，暂停期限为6个月" (was held whole for a
                 person: probe47's B4).
move_one_named   No. 101 (2027-05-01) lists 北风推进, 东湖材料, 南岭光电 on the ECL; No. 120 (05-20) "将…第101号所列北风推进公司（…）等
                 2家实体由出口管制管控名单调至出口管制关注名单" (was: no name read, a watch listing of nobody; probe47's B5).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.mofcom_watch.stories import REPO, Store, cached, own_problems, per_notice

DATA = REPO / "tests" / "data" / "words48"
TODAY = "2029-01-01"
FETCHED = "2027-12-15T00:00:00+00:00"


@pytest.fixture(scope="module")
def stores() -> dict[str, Store]:
    return {}


def _get(stores: dict[str, Store], factory: pytest.TempPathFactory, name: str) -> Store:
    return cached(stores, factory, DATA / name, FETCHED, TODAY, "w48")


def _state(store: Store, name: str, day: str) -> dict[str, tuple[Any, ...]]:
    return {key: got[:3] for key, got in per_notice(store, name, day).items()}


def test_a_lift_and_a_suspension_of_named_entities_in_one_sentence(stores: dict[str, Store],
                                                                    tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "two_named_steps")
    assert _state(store, "Silver Fir Electronics Inc.", "2026-12-10") == {"MOFCOM-2026-337": ("lifted", "2026-12-10", None)}
    assert _state(store, "Red Rock Propulsion LLC", "2026-12-10") == {
        "MOFCOM-2026-337": ("suspended", "2026-12-10", "2027-06-10")}
    assert _state(store, "Red Rock Propulsion LLC", "2026-12-09") == {"MOFCOM-2026-337": ("in_force", "2026-10-09", None)}
    assert [p for p in own_problems(store, "2026-12-10") if "366" in p] == []


def test_a_move_of_one_named_among_two_moves_it_and_says_the_other(stores: dict[str, Store],
                                                                   tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "move_one_named")
    assert _state(store, "Northwind Propulsion Inc.", "2027-05-20") == {
        "MOFCOM-2027-101": ("removed", "2027-05-20", None), "MOFCOM-2027-120": ("in_force", "2027-05-20", None)}
    assert _state(store, "East Lake Materials Corp.", "2027-05-20") == {"MOFCOM-2027-101": ("in_force", "2027-05-01", None)}
    problems = own_problems(store, "2027-05-20")
    assert len(problems) == 1 and "names 1 of the 2 entities its text counts" in problems[0], problems
