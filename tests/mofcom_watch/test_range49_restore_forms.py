"""A restore told in its own clause after an undated extension (session 49, range49; review54's st/v2-v3 and a neighbour):
"…将商务部公告2026年第337号相关措施的暂停期限延长1年；期满后自动恢复实施。" and "…延长1年。期满后，相关措施将恢复实施。" were held
as "…but no day its measures are back" (the notice not stored: the extension lost with its restore, No. 337's suspension
by No. 350 then a lapse "presumed back in force, needs review" from 2027-10-21). They say what "…延长1年，期满后自动恢复实施"
says (tests/mofcom_watch/test_step48_restore_after_extension.py, the same story): No. 337 (2026-10-09) suspended by No. 350
to 2027-10-20, extended by No. 380 (2027-10-15) to 2028-10-20, in force again from 2028-10-21. Each folder of
tests/data/range49 replayed by a real ``replay`` process into a real SQLite file (and again in another order), read back
with ``status`` and ``feeds``."""

from __future__ import annotations

import pytest

from tests.mofcom_watch.stories import REPO, Store, cached, item_ids_of, row

DATA = REPO / "tests" / "data" / "range49"
TODAY = "2029-01-01"
FETCHED = "2028-12-15T00:00:00+00:00"
KEY = "MOFCOM-2026-337"
BY = "MOFCOM-2027-380"
RESTORED = f"{KEY}/restored/ecl/2028-10-21"
STORIES = ("after_a_semicolon", "after_a_full_stop_measures_as_subject")


@pytest.fixture(scope="module")
def stores() -> dict[str, Store]:
    return {}


@pytest.mark.parametrize("halves", [False, True], ids=["together", "another-order"])
@pytest.mark.parametrize("name", STORIES)
def test_a_restore_in_its_own_clause_is_at_the_extension_s_lapse(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory, name: str, halves: bool) -> None:
    store = cached(stores, tmp_path_factory, DATA / name, FETCHED, TODAY, "r49", halves=halves)
    got = row(store, "2027-11-01", KEY)
    assert (got["state"], got["since"], got["until"], got["by"]) == ("suspended", "2026-10-20", "2028-10-20", BY)
    assert (got["next_state"], got["next_from"], got["next_by"]) == ("in_force", "2028-10-21", BY)
    assert row(store, "2028-10-20", KEY)["state"] == "suspended"
    got = row(store, "2028-10-21", KEY)
    assert (got["state"], got["since"], got["by"]) == ("in_force", "2028-10-21", BY)
    assert RESTORED in item_ids_of(store, "2028-12-31", KEY)
    assert not [p for p in store.status("2028-12-31")["__problems__"] if KEY in p]
