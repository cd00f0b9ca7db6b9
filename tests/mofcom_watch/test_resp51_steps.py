"""resp51 (session 51): answers replayed by real ``replay`` processes into a real SQLite file holding the bundled
fixtures (tests/data/resp51), as of today (2026-12-06).

- suspend_youguan_two: "暂停实施商务部公告2025年第21号有关2个实体的相关措施1年" (which 2 of the 16 is not told) suspended all of
  No. 21 for a year, a 'Suspended' item and no problem, silently. Now held: a needs-review health issue, no item, No. 21 as
  the fixtures leave it.
"""

from __future__ import annotations

import json

import pytest

from tests.mofcom_watch.stories import REPO, TAG, Store, invoke, replayed, row

DATA = REPO / "tests" / "data" / "resp51"
FIXTURES = REPO / "fixtures"
FETCHED = "2026-12-06T02:00:00+00:00"
TODAY = "2026-12-06"
K21 = "MOFCOM-2025-21"


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Store]:
    return {}


def _store(stores: dict[str, Store], factory: pytest.TempPathFactory, case: str) -> Store:
    if case not in stores:
        folder = factory.mktemp(f"resp51-{case}")
        replayed(folder, FIXTURES, FETCHED, today=TODAY)
        stores[case] = replayed(folder, DATA / case, FETCHED, today=TODAY)
    return stores[case]


def _health(store: Store) -> list[dict[str, str]]:
    return json.loads(invoke(store.db, "status", "--json", "--as-of", TODAY, env=store.env).stdout)["health_issues"]


@pytest.mark.parametrize("case", ["suspend_youguan_two", "lift_youguan_three"])
def test_a_step_on_counted_unnamed_entities_is_held_loud(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory, case: str) -> None:
    store = _store(stores, tmp_path_factory, case)
    assert [h for h in _health(store) if h["kind"] == "unusable-page" and "needs-review" in h["detail"]
            and "entities of the notice it does not name" in h["detail"]], _health(store)
    got = row(store, TODAY, K21)
    assert (got["state"], got["since"]) == ("lapsed", "2026-11-11"), got  # (was suspended to 2027-11-11, all 16)
    assert not [i["id"] for i in store.items(TODAY) if i["id"].startswith(f"{TAG}{K21}/") and "/2026-11-11" in i["id"]
                and "/suspended/" in i["id"]]


LATER = "2027-06-15"  # after the first end, before the second
LAST = "2027-12-15"  # after both
K1 = "MOFCOM-2025-1"


def test_each_notice_is_lifted_the_day_after_its_own_end(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    """lift_after_each_end: "…第1号和第21号相关措施分别暂停至2027年5月31日和2027年11月30日，期满后停止实施" (review59/25's lifts):
    the lifts were not read, each notice left to lapse at its end (presumed back in force, needs review). Now each is
    suspended to its own end and lifted the day after it."""
    store = _store(stores, tmp_path_factory, "lift_after_each_end")
    assert (row(store, TODAY, K1)["state"], row(store, TODAY, K1)["until"]) == ("suspended", "2027-05-31")
    assert (row(store, TODAY, K21)["state"], row(store, TODAY, K21)["until"]) == ("suspended", "2027-11-30")
    assert (row(store, LATER, K1)["state"], row(store, LATER, K1)["since"]) == ("lifted", "2027-06-01")
    assert row(store, LATER, K21)["state"] == "suspended"
    got = row(store, LAST, K21)
    assert (got["state"], got["since"], got["presumed"]) == ("lifted", "2027-12-01", False)
    lifted = sorted(i["id"][len(TAG):] for i in store.items(LAST) if "/lifted/" in i["id"]
                    and i["id"][len(TAG):].startswith((f"{K1}/", f"{K21}/")))
    assert lifted == [f"{K1}/lifted/ecl/2027-06-01", f"{K21}/lifted/ecl/2027-12-01"], lifted
    assert not [h for h in _health(store) if h["kind"] == "unusable-page" and "2026-11-10" in h.get("url", "")]


def test_a_lift_after_a_term_with_no_day_is_held_loud(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    """lift_after_term: "继续暂停实施…第21号相关措施1年，期满后停止实施" (no start: the year from the running end, which only the
    engine counts) read a lift from the answer's day 2026-11-10 (No. 21 shown lifted today, while it is suspended, a 'Lifted'
    item a year early, silently). Now held: no lift item, a needs-review health issue."""
    store = _store(stores, tmp_path_factory, "lift_after_term")
    assert [h for h in _health(store) if h["kind"] == "unusable-page" and "a lift at the end of a suspension" in h["detail"]]
    assert row(store, TODAY, K21)["state"] != "lifted"
    assert not [i["id"] for i in store.items(TODAY) if i["id"].startswith(f"{TAG}{K21}/lifted/")]


def test_each_notice_held_off_is_back_the_day_after_its_own_end(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    """restore_after_each_zhongzhi: "…第1号和第21号相关措施分别中止实施至2027年5月31日和2027年11月30日，期满后恢复实施": the
    restores were not read (each notice lapsed at its end, "presumed back in force, needs review"). Now each is back in
    force the day after its own end, not presumed, with a restored item."""
    store = _store(stores, tmp_path_factory, "restore_after_each_zhongzhi")
    assert (row(store, TODAY, K1)["state"], row(store, TODAY, K1)["until"]) == ("suspended", "2027-05-31")
    got = row(store, LATER, K1)
    assert (got["state"], got["since"], got["presumed"]) == ("in_force", "2027-06-01", False)
    assert row(store, LATER, K21)["state"] == "suspended"
    got = row(store, LAST, K21)
    assert (got["state"], got["since"], got["presumed"]) == ("in_force", "2027-12-01", False)
    restored = sorted(i["id"][len(TAG):] for i in store.items(LAST) if "/restored/" in i["id"]
                      and i["id"][len(TAG):].startswith((f"{K1}/", f"{K21}/")))
    assert restored == [f"{K1}/restored/ecl/2027-06-01", f"{K21}/restored/ecl/2027-12-01"], restored


def test_a_later_end_without_its_year_is_read_in_the_year_before(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    """restore_after_yearless_end: "…第1号和第21号相关措施分别暂停至2027年5月31日和11月30日，期满后恢复实施" was held (fix60's
    open B). Now No. 21's end is 2027-11-30 (the year of the day before it, the later day): each suspended to its own end and
    back the day after, no health issue for the answer."""
    store = _store(stores, tmp_path_factory, "restore_after_yearless_end")
    assert (row(store, TODAY, K1)["state"], row(store, TODAY, K1)["until"]) == ("suspended", "2027-05-31")
    assert (row(store, TODAY, K21)["state"], row(store, TODAY, K21)["until"]) == ("suspended", "2027-11-30")
    assert (row(store, LATER, K1)["state"], row(store, LATER, K1)["since"]) == ("in_force", "2027-06-01")
    got = row(store, LAST, K21)
    assert (got["state"], got["since"], got["presumed"]) == ("in_force", "2027-12-01", False)
    assert not [h for h in _health(store) if h["kind"] == "unusable-page" and "2026-11-10" in h.get("url", "")]


def test_the_suspension_of_the_measures_extended_to_a_day(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    """extend_the_suspension_to_a_day: "…第21号相关措施的暂停延长至2027年5月31日，期满后恢复实施" read the restore alone: No. 21's
    suspension (to 2026-11-10 in the fixtures) lapsed, shown "presumed back in force, needs review" from 2026-11-11 while it is
    suspended, no extension item. Now extended to 2027-05-31 and back in force the day after."""
    store = _store(stores, tmp_path_factory, "extend_the_suspension_to_a_day")
    got = row(store, TODAY, K21)
    assert (got["state"], got["until"], got["presumed"]) == ("suspended", "2027-05-31", False), got
    assert [i for i in store.items(TODAY) if i["id"] == f"{TAG}{K21}/suspension_extended/ecl/2026-11-10"]
    got = row(store, LATER, K21)
    assert (got["state"], got["since"], got["presumed"]) == ("in_force", "2027-06-01", False)


def test_a_lift_of_one_named_with_the_others_unchanged(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    """lift_named_others_unchanged (review59/10): "…所列高点航空技术公司（…）采取的出口管制措施，自2026年11月11日起予以解除，对其他
    实体的措施不变" was held (a needs-review health issue, the lift missed). Now High Point is lifted from 2026-11-11, the
    others are not."""
    store = _store(stores, tmp_path_factory, "lift_named_others_unchanged")
    got = row(store, TODAY, K21, "highpointaerotechnologies")
    assert (got["state"], got["since"]) == ("lifted", "2026-11-11"), got
    assert row(store, TODAY, K21, "universallogisticsholdings")["state"] != "lifted"
    assert not [h for h in _health(store) if h["kind"] == "unusable-page" and "2026-11-10" in h.get("url", "")]
