"""A restore published after the suspension it ends ran out, dated from the day after that end (session 49, the probe of
today, 2026-12-06): 2024 No. 46 clause 2, suspended by 2025 No. 72 to 2026-11-27 inclusive, "lapsed: presumed back in
force" from 11-28; No. 86 of 12-01, "…第72号规定的暂停期限已于2026年11月27日届满，自2026年11月28日起，恢复实施…第46号…第二款",
was read as a restore from its own day (its body's sentence taken as history, the title's step kept): the row said
"in force since 2026-12-01", the item "back in force from 2026-12-01", three days late, silently. Replayed by real
``replay`` processes into a real SQLite file, in both orders (tests/data/step49/restore_after_the_end_told)."""

from __future__ import annotations

import pytest

from tests.mofcom_watch.stories import REPO, Store, cached, item_ids_of, row

DATA = REPO / "tests" / "data" / "step49" / "restore_after_the_end_told"
FETCHED = "2026-12-06T02:00:00+00:00"
TODAY = "2026-12-06"
KEY = "MOFCOM-2024-46"


@pytest.fixture(scope="module")
def stores() -> dict[str, Store]:
    return {}


@pytest.mark.parametrize("halves", [False, True], ids=["together", "another-order"])
def test_the_restore_is_from_the_day_after_the_end(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory, halves: bool) -> None:
    store = cached(stores, tmp_path_factory, DATA, FETCHED, TODAY, "s49r", halves=halves)
    got = row(store, "2026-11-30", KEY)  # No. 86 not yet published: the lapse, presumed
    assert (got["state"], got["since"], got["presumed"]) == ("lapsed", "2026-11-28", True)
    got = row(store, TODAY, KEY)
    assert (got["state"], got["since"], got["by"], got["presumed"]) == ("in_force", "2026-11-28", "MOFCOM-2026-86", False)
    ids = item_ids_of(store, TODAY, KEY)
    assert f"{KEY}/restored/items/2026-11-28" in ids
    assert not [i for i in ids if "/restored/" in i and not i.endswith("2026-11-28")]
