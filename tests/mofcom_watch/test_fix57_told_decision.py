"""A step a notice's body tells as decided before its day, replayed (session 49, fix57; step49's question 2): 2024 No. 46
clause 2, suspended by 2025 No. 72 to 2026-11-27 inclusive, "lapsed: presumed back in force" from 11-28; No. 86 of 12-01,
titled "关于恢复实施商务部公告2024年第46号第二款的公告", says "商务部已于2026年11月20日决定，自2026年11月28日起，恢复实施…第二款".
Was: its body's sentence taken as history and the title's restore kept, the row "in force since 2026-12-01" and the item
"back in force from 2026-12-01", three days late, silently. Now read from 11-28. Where the body recounts a notice published
before ("商务部已于2026年11月20日发布公告，…"), No. 86 is held for a person (the lapse stays presumed, a problem says so); so is
an answer telling the decision (was: read as no notice, silently). Real ``replay`` processes into a real SQLite file, in both
orders (tests/data/fix57)."""

from __future__ import annotations

import json

import pytest

from tests.mofcom_watch.stories import REPO, Store, cached, invoke, item_ids_of, row

DATA = REPO / "tests" / "data" / "fix57"
FETCHED = "2026-12-06T02:00:00+00:00"
TODAY = "2026-12-06"
KEY = "MOFCOM-2024-46"


@pytest.fixture(scope="module")
def stores() -> dict[str, Store]:
    return {}


@pytest.mark.parametrize("halves", [False, True], ids=["together", "another-order"])
def test_the_notices_own_decision_told_is_read_from_its_start(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory, halves: bool) -> None:
    store = cached(stores, tmp_path_factory, DATA / "told_decision_read", FETCHED, TODAY, "f57r", halves=halves)
    got = row(store, TODAY, KEY)
    assert (got["state"], got["since"], got["by"], got["presumed"]) == ("in_force", "2026-11-28", "MOFCOM-2026-86", False)
    ids = item_ids_of(store, TODAY, KEY)
    assert f"{KEY}/restored/items/2026-11-28" in ids
    assert not [i for i in ids if "/restored/" in i and not i.endswith("2026-11-28")]


@pytest.mark.parametrize("case", ["told_recount_held", "answer_told_held"])
@pytest.mark.parametrize("halves", [False, True], ids=["together", "another-order"])
def test_a_recount_that_could_be_anothers_is_held_loud(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory, case: str, halves: bool) -> None:
    store = cached(stores, tmp_path_factory, DATA / case, FETCHED, TODAY, "f57h", halves=halves)
    got = row(store, TODAY, KEY)
    assert (got["state"], got["since"], got["presumed"]) == ("lapsed", "2026-11-28", True)  # no step from 12-01
    assert not [i for i in item_ids_of(store, TODAY, KEY) if "/restored/" in i]
    health = json.loads(invoke(store.db, "status", "--json", "--as-of", TODAY, env=store.env).stdout)["health_issues"]
    assert [h for h in health if h["kind"] == "unusable-page" and h["url"].startswith("file:q3-")
            and "needs-review" in h["detail"]], health
