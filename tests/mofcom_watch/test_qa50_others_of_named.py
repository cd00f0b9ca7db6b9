"""A spokesperson's answer that restores (or lifts) two named entities of No. 21 and extends "the others" (session 50, qa50/27):
"中方决定，自2026年11月11日起，恢复实施商务部公告2025年第21号中对高点航空技术公司（High Point Aerotechnologies）、内华达山脉公司
（Sierra Nevada Corporation）等2家实体的相关措施，对该公告所列其余14家实体继续暂停实施相关措施1年。" The parser read the restore on
all of No. 21 and the extension on the two; the engine parts a whole-notice step from the entities another step of the same
notice and day names, so the 14 were shown "Restored" (with 停止: "Lifted") and the two "Suspension extended", each the
other's step, silently. Replayed by real ``replay`` processes into a real SQLite file holding the bundled fixtures, as of
today (2026-12-06)."""

from __future__ import annotations

import pytest

from tests.mofcom_watch.stories import REPO, TAG, Store, replayed, row

DATA = REPO / "tests" / "data" / "qa50"
FIXTURES = REPO / "fixtures"
FETCHED = "2026-12-06T02:00:00+00:00"
TODAY = "2026-12-06"
KEY = "MOFCOM-2025-21"
QA = "QA-2026-11-10-68a81f8d"
NAMED = ("highpointaerotechnologies", "sierranevada")
OTHER = "universallogisticsholdings"  # one of the 14


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Store]:
    out = {}
    for case in ("restore_two_rest_extended", "lift_two_rest_extended"):
        folder = tmp_path_factory.mktemp(f"qa50-{case}")
        replayed(folder, FIXTURES, FETCHED, today=TODAY)
        out[case] = replayed(folder, DATA / case, FETCHED, today=TODAY)
    return out


@pytest.mark.parametrize("case,named_state,named_item", [
    ("restore_two_rest_extended", "in_force", "restored"),
    ("lift_two_rest_extended", "lifted", "lifted"),
])
def test_the_named_get_their_step_and_the_others_the_extension(
        stores: dict[str, Store], case: str, named_state: str, named_item: str) -> None:
    store = stores[case]
    for entity in NAMED:
        got = row(store, TODAY, KEY, entity)
        assert (got["state"], got["since"], got["by"]) == (named_state, "2026-11-11", QA), (case, entity)
        assert len(got["entity_keys"]) == 2, (case, got["entity_keys"])
    got = row(store, TODAY, KEY, OTHER)
    assert (got["state"], got["since"], got["until"], got["by"]) == ("suspended", "2026-11-11", "2027-11-11", QA), case
    assert len(got["entity_keys"]) == 14, case
    titles = {i["id"][len(TAG):]: i["title"] for i in store.items(TODAY) if i["id"].startswith(f"{TAG}{KEY}/")}
    named = titles[f"{KEY}/{named_item}/ecl/2026-11-11"]
    extended = titles[f"{KEY}/suspension_extended/ecl/2026-11-11"]
    assert "High Point Aerotechnologies" in named and "Sierra Nevada Corporation" in named and "Universal Logistics" not in named
    assert "High Point" not in extended and "Sierra Nevada" not in extended and "14 more" not in named
