"""An answer restoring (or lifting) two named entities of No. 21 and extending the others, the others written as the clause's
subject ("…的相关措施，其余14家实体的相关措施继续暂停实施1年。") or as "剩下的14家实体" (session 50, review59, next to qa50/27's
fix). The parser gave the extension to the two named and none to the 14: the two shown restored and extended on one day,
the 14 left to lapse with no extension item, silently. Replayed by real ``replay`` processes into a real SQLite file
holding the bundled fixtures, as of today (2026-12-06)."""

from __future__ import annotations

import json

import pytest

from tests.mofcom_watch.stories import REPO, TAG, Store, invoke, replayed, row

DATA = REPO / "tests" / "data" / "review59"
FIXTURES = REPO / "fixtures"
FETCHED = "2026-12-06T02:00:00+00:00"
TODAY = "2026-12-06"
KEY = "MOFCOM-2025-21"
NAMED = ("highpointaerotechnologies", "sierranevada")
OTHER = "universallogisticsholdings"  # one of the 14


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Store]:
    out = {}
    for case in ("restore_two_rest_subject", "lift_two_rest_leftover"):
        folder = tmp_path_factory.mktemp(f"review59-{case}")
        replayed(folder, FIXTURES, FETCHED, today=TODAY)
        out[case] = replayed(folder, DATA / case, FETCHED, today=TODAY)
    return out


@pytest.mark.parametrize("case,named_state,named_item", [
    ("restore_two_rest_subject", "in_force", "restored"),
    ("lift_two_rest_leftover", "lifted", "lifted"),
])
def test_the_named_get_their_step_and_the_others_the_extension(
        stores: dict[str, Store], case: str, named_state: str, named_item: str) -> None:
    store = stores[case]
    for entity in NAMED:
        got = row(store, TODAY, KEY, entity)
        assert (got["state"], got["since"]) == (named_state, "2026-11-11"), (case, entity)
        assert got["by"].startswith("QA-2026-11-10-"), (case, got["by"])
    got = row(store, TODAY, KEY, OTHER)
    assert (got["state"], got["since"], got["until"]) == ("suspended", "2026-11-11", "2027-11-11"), case
    assert got["by"].startswith("QA-2026-11-10-"), (case, got["by"])
    assert len(got["entity_keys"]) == 14, case
    titles = {i["id"][len(TAG):]: i["title"] for i in store.items(TODAY) if i["id"].startswith(f"{TAG}{KEY}/")}
    named = titles[f"{KEY}/{named_item}/ecl/2026-11-11"]
    extended = titles[f"{KEY}/suspension_extended/ecl/2026-11-11"]
    assert "High Point Aerotechnologies" in named and "Sierra Nevada Corporation" in named and "Universal Logistics" not in named
    assert "High Point" not in extended and "Sierra Nevada" not in extended


@pytest.fixture(scope="module")
def some_stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Store]:
    out = {}
    for case in ("lift_some_by_ge", "lift_some_uncounted"):
        folder = tmp_path_factory.mktemp(f"review59-{case}")
        replayed(folder, FIXTURES, FETCHED, today=TODAY)
        out[case] = replayed(folder, DATA / case, FETCHED, today=TODAY)
    return out


@pytest.mark.parametrize("case", ["lift_some_by_ge", "lift_some_uncounted"])
def test_a_lift_of_some_entities_of_a_notice_not_named_lifts_none(some_stores: dict[str, Store], case: str) -> None:
    """"停止实施商务部公告2025年第21号中对其他3个实体的相关措施" and "…所列部分实体的相关措施": which entities is not told; all 16
    were shown "Lifted", silently. Now the answer is held for a person: none lifted, a problem told."""
    store = some_stores[case]
    for entity in (*NAMED, OTHER):
        assert row(store, TODAY, KEY, entity)["state"] != "lifted", (case, entity)
    assert not [i for i in store.items(TODAY) if i["id"].startswith(f"{TAG}{KEY}/lifted/")], case
    said = json.loads(invoke(store.db, "status", "--json", "--as-of", TODAY).stdout)
    assert [h for h in said["health_issues"] if h["kind"] == "unusable-page" and
            "entities of the notice it does not name" in h["detail"]], (case, said["health_issues"])
