"""An answer telling No. 21's restore as done after the 2026-11-10 lapse (session 51, qa51/27): "根据2025年11月5日发布的答记者问，
上述措施的暂停期限已于2026年11月10日届满。自2026年11月11日起，商务部公告2025年第21号相关措施已恢复实施。" The parser took the end told
(11-10) as the restore's day, the start its sentence names ignored, and so did it for "…已于2026年11月10日届满，相关措施已恢复实施"
(no day of its own): the suspension runs through its last day, 11-10, so No. 21 was shown back in force on a day it was
still suspended, with an item id a day early (a notice dating the restore 11-11 would have given a second item), silently.
Replayed by real ``replay`` processes into a real SQLite file holding the bundled fixtures."""

from __future__ import annotations

import pytest

from tests.mofcom_watch.stories import REPO, TAG, Store, replayed, row

DATA = REPO / "tests" / "data" / "qa51"
FIXTURES = REPO / "fixtures"
FETCHED = "2027-01-09T02:00:00+00:00"
TODAY = "2027-01-10"
KEY = "MOFCOM-2025-21"


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Store]:
    out = {}
    for case in ("restore_told_from_start", "restore_told_after_end"):
        folder = tmp_path_factory.mktemp(f"qa51-{case}")
        replayed(folder, FIXTURES, FETCHED, today=TODAY)
        out[case] = replayed(folder, DATA / case, FETCHED, today=TODAY)
    return out


@pytest.mark.parametrize("case", ["restore_told_from_start", "restore_told_after_end"])
def test_a_restore_told_as_done_is_back_the_day_after_the_suspension_ends(stores: dict[str, Store], case: str) -> None:
    store = stores[case]
    got = row(store, TODAY, KEY)
    assert (got["state"], got["since"]) == ("in_force", "2026-11-11"), (case, got)
    assert got["by"].startswith("QA-2027-01-08-"), got
    assert row(store, "2026-11-10", KEY)["state"] == "suspended", case
    ids = [i["id"][len(TAG):] for i in store.items(TODAY) if i["id"].startswith(f"{TAG}{KEY}/restored/")]
    assert ids == [f"{KEY}/restored/ecl/2026-11-11"], (case, ids)
