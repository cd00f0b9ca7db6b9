"""A countdown dated before a notice that changes whether another's count is met is judged with the count as it stood
that day (session 49, step48's open B: ``AsKnown`` did not judge the count holds again as known on an earlier day).
ECL No. 337 (10-09, 银杉电子公司 and 赤岩动力公司); No. 355 (10-25) "暂停执行…第337号所列1家实体相关措施，暂停期限为40天" (to
12-04 inclusive): one entity stated, two listed, so held (``counted._hold_undercounted``); No. 360 (published 11-10) lifts
赤岩 from 10-20, before No. 355, so its count is met and it suspends 银杉. The 30-day countdown of 11-05, before No. 360
was published, was given with No. 355 applied to both: "Suspension ends in 30 days: Silver Fir Electronics Inc. and Red
Rock Propulsion LLC", back-dated (the feeds as of 11-06 had none: No. 355 was held that day) and false of 赤岩, never
suspended. Replayed by real ``replay`` processes into a real SQLite file, in both orders; feeds by ``feeds --as-of``."""

from __future__ import annotations

import pytest

from tests.mofcom_watch.stories import REPO, TAG, Store, cached, row

DATA = REPO / "tests" / "data" / "step49" / "countdown_before_a_count_is_met"
TODAY = "2026-12-10"
FETCHED = "2026-12-01T00:00:00+00:00"
KEY = "MOFCOM-2026-337"
SOON = f"{KEY}/suspension_ends_soon/ecl"
NAMES = {"silverfirelectronics": "Silver Fir Electronics Inc.", "redrockpropulsion": "Red Rock Propulsion LLC"}


@pytest.fixture(scope="module")
def stores() -> dict[str, Store]:
    return {}


def _countdowns(store: Store, day: str) -> dict[str, set[str]]:
    return {item["id"][len(TAG):]: {k for k, name in NAMES.items() if name in item["title"]}
            for item in store.items(day) if item["id"][len(TAG):].startswith(SOON)}


@pytest.mark.parametrize("halves", [False, True], ids=["together", "another-order"])
def test_a_countdown_judges_a_count_as_known_on_its_day(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory, halves: bool) -> None:
    store = cached(stores, tmp_path_factory, DATA, FETCHED, TODAY, "s49c", halves=halves)
    assert _countdowns(store, "2026-11-06") == {}  # No. 355 held that day
    assert _countdowns(store, "2026-12-01") == {f"{SOON}/2026-11-28": {"silverfirelectronics"}}
    got = row(store, "2026-12-01", KEY, "silverfirelectronics")
    assert (got["state"], got["since"], got["until"], got["by"]) == ("suspended", "2026-10-25", "2026-12-04", "MOFCOM-2026-355")
    got = row(store, "2026-12-01", KEY, "redrockpropulsion")
    assert (got["state"], got["since"], got["by"]) == ("lifted", "2026-10-20", "MOFCOM-2026-360")
