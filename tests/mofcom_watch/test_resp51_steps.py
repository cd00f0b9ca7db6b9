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

