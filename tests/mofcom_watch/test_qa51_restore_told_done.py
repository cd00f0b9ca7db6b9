"""An answer telling No. 21's restore as done after the 2026-11-10 lapse (session 51, qa51/27): "根据2025年11月5日发布的答记者问，
上述措施的暂停期限已于2026年11月10日届满。自2026年11月11日起，商务部公告2025年第21号相关措施已恢复实施。" The parser took the end told
(11-10) as the restore's day, the start its sentence names ignored, and so did it for "…已于2026年11月10日届满，相关措施已恢复实施"
(no day of its own): the suspension runs through its last day, 11-10, so No. 21 was shown back in force on a day it was
still suspended, with an item id a day early (a notice dating the restore 11-11 would have given a second item), silently.
Replayed by real ``replay`` processes into a real SQLite file holding the bundled fixtures.

qa51's probe: a press conference answering "请问中方对商务部公告2025年第1号所列28家美国实体有何安排？" with "…中方决定，自2027年3月1日起停止
实施。" (the object left out) was read as no notice at all: replayed, No. 1 stayed "in force", exit 0, no health issue: the lift
missed, silently. Now the page is held for a person: a needs-review health issue. So is "经中美双方协商一致，自2027年3月1日起，
停止实施相关措施。" (no 决定, the notice named only by the question)."""

from __future__ import annotations

import json

import pytest

from tests.mofcom_watch.stories import REPO, TAG, Store, invoke, replayed, row

DATA = REPO / "tests" / "data" / "qa51"
FIXTURES = REPO / "fixtures"
FETCHED = "2027-01-09T02:00:00+00:00"
TODAY = "2027-01-10"
KEY = "MOFCOM-2025-21"


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Store]:
    out = {}
    for case in ("restore_told_from_start", "restore_told_after_end", "lift_object_elided", "lift_from_day_no_notice"):
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


@pytest.mark.parametrize("case", ["lift_object_elided", "lift_from_day_no_notice"])
def test_a_lift_naming_no_notice_of_its_own_is_held_loud(stores: dict[str, Store], case: str) -> None:
    store = stores[case]
    health = json.loads(invoke(store.db, "status", "--json", "--as-of", TODAY, env=store.env).stdout)["health_issues"]
    held = [i for i in health if i["url"].endswith(f"{case.replace('_', '-')}.txt")]
    assert [i["kind"] for i in held] == ["unusable-page"], health
    assert "needs-review" in held[0]["detail"] and "停止实施" in held[0]["detail"]
    assert row(store, TODAY, "MOFCOM-2025-1")["state"] == "in_force"  # nothing applied unread
