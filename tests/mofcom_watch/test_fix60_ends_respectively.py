"""session 50, fix60: an answer "商务部公告2025年第21号和第22号相关措施分别暂停至2027年5月31日和2027年11月30日，期满后恢复实施"
(review59/23), replayed by a real ``replay`` process into a real SQLite file holding the bundled fixtures (tests/data/fix60).
Was: read as one restore of both from 2027-06-01, the two suspensions not read: No. 22 shown in force from 2027-06-01
(it is suspended to 2027-11-30), no problem told. Now the answer is held for a person: a needs-review health issue, no
restore of either notice."""

from __future__ import annotations

import json

import pytest

from tests.mofcom_watch.stories import REPO, TAG, Store, invoke, replayed

DATA = REPO / "tests" / "data" / "fix60"
FIXTURES = REPO / "fixtures"
FETCHED = "2026-12-06T02:00:00+00:00"
TODAY = "2026-12-06"
LATER = "2027-06-15"  # after the first end, before the second


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    folder = tmp_path_factory.mktemp("fix60-respectively")
    replayed(folder, FIXTURES, FETCHED, today=TODAY)
    return replayed(folder, DATA / "respectively_two_ends", FETCHED, today=TODAY)


def test_two_notices_given_two_ends_respectively_are_held_loud(store: Store) -> None:
    health = json.loads(invoke(store.db, "status", "--json", "--as-of", TODAY, env=store.env).stdout)["health_issues"]
    assert [h for h in health if h["kind"] == "unusable-page" and "needs-review" in h["detail"]
            and "ends respectively" in h["detail"]], health


@pytest.mark.parametrize("day", [TODAY, LATER])
def test_neither_notice_is_restored_by_a_reading_of_one_end(store: Store, day: str) -> None:
    for key in ("MOFCOM-2025-21", "MOFCOM-2025-22"):
        restored = [i["id"] for i in store.items(day) if i["id"].startswith(f"{TAG}{key}/") and "/restored/" in i["id"]]
        assert not restored, (day, key, restored)
        rows = store.status(day)[key]
        assert not [r for r in rows if r["state"] == "in_force" and r["since"] == "2027-06-01"], (day, key, rows)
