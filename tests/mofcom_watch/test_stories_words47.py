"""words47's parser fixes (session 47) through the engine: each story folder under ``tests/data/words47/`` replayed by real
``mofcom-watch replay`` processes into a real SQLite store, read back by ``timeline`` and ``status``.

corrected_in_chinese_numerals  No. 356 (11-20) suspends Nos. 338 and 339 "分别为6个月和1年" from 12-01; No. 371 (12-05)
                               corrects it to "分别为三个月和一年" (Chinese numerals: was not applied, loud; quiet46's open B).
not_listed_again               No. 90 (2027-03-01) puts 南岭光电 and 索恩航空 on the watch list; No. 120 (06-01) "不再将南岭光电公司
                               （…）列入出口管制关注名单" (was a listing of nobody, the removal lost; probe46's B7).
removal_item_on_watch          No. 90 as above; No. 101 (05-01) lists 2 on the ECL and 1 on the watch list and, item 三, removes
                               索恩航空 "从出口管制关注名单中移出" (read on the ECL: probe46's B5).
clauses_in_one_sentence        No. 101 (05-01) under "商务部决定：" and a blank line: "将A（a）、B（b）列入出口管制管控名单；将C（c）列入
                               出口管制关注名单。" (no listing read: probe46's B4; with "，" before it, C lost silently).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.mofcom_watch.stories import REPO, Store, cached, own_problems, per_notice

DATA = REPO / "tests" / "data" / "words47"
TODAY = "2029-01-01"
FETCHED = "2027-12-15T00:00:00+00:00"


@pytest.fixture(scope="module")
def stores() -> dict[str, Store]:
    return {}


def _get(stores: dict[str, Store], factory: pytest.TempPathFactory, name: str) -> Store:
    return cached(stores, factory, DATA / name, FETCHED, TODAY, "w47")


def _state(store: Store, name: str, day: str) -> dict[str, tuple[Any, ...]]:
    return {key: got[:3] for key, got in per_notice(store, name, day).items()}


def test_a_correction_in_chinese_numerals_is_applied(stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "corrected_in_chinese_numerals")
    assert _state(store, "Birch Photonics Inc.", "2027-03-02")["MOFCOM-2026-338"] == ("lapsed", "2027-03-02", None)
    assert _state(store, "Golden Willow Materials LLC", "2027-03-02")["MOFCOM-2026-339"] == (
        "suspended", "2026-12-01", "2027-12-01")
    assert not [p for p in own_problems(store, "2026-12-05") if p.startswith("MOFCOM-2026-371")]


def test_not_listed_again_removes_from_the_watch_list(stores: dict[str, Store],
                                                      tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "not_listed_again")
    assert _state(store, "South Ridge Photonics LLC", "2027-05-31") == {"MOFCOM-2027-90": ("in_force", "2027-03-01", None)}
    assert _state(store, "South Ridge Photonics LLC", "2027-06-01") == {"MOFCOM-2027-90": ("removed", "2027-06-01", None)}
    assert _state(store, "Thorn Aviation Inc.", "2027-06-01") == {"MOFCOM-2027-90": ("in_force", "2027-03-01", None)}
    assert own_problems(store, "2027-06-01") == []


def test_a_removal_item_from_the_watch_list_beside_listings(stores: dict[str, Store],
                                                            tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "removal_item_on_watch")
    assert _state(store, "Thorn Aviation Inc.", "2027-05-01") == {"MOFCOM-2027-90": ("removed", "2027-05-01", None)}
    assert _state(store, "South Ridge Photonics LLC", "2027-05-01") == {
        "MOFCOM-2027-90": ("in_force", "2027-03-01", None), "MOFCOM-2027-101": ("in_force", "2027-05-01", None)}
    assert _state(store, "Blue Bay Radar Systems Corp.", "2027-05-01") == {"MOFCOM-2027-101": ("in_force", "2027-05-01", None)}
    assert own_problems(store, "2027-05-01") == []


def test_listings_in_one_sentence_each_on_their_own_list(stores: dict[str, Store],
                                                         tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "clauses_in_one_sentence")
    lists = {}
    for name in ("Northwind Propulsion Inc.", "South Ridge Photonics LLC", "Blue Bay Radar Systems Corp."):
        found = store.timeline(name, "2027-05-01")
        lists[name] = sorted((e["list"], e["state"]["state"]) for e in found["listings"])
    assert lists == {"Northwind Propulsion Inc.": [("ecl", "in_force")], "South Ridge Photonics LLC": [("ecl", "in_force")],
                     "Blue Bay Radar Systems Corp.": [("watch", "in_force")]}
    assert own_problems(store, "2027-05-01") == []
