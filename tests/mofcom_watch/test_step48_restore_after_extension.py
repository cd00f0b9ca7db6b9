"""A restore at the lapse of an extension by a duration with no day written (session 48, words47's open B): "商务部决定，将
商务部公告2026年第337号相关措施的暂停期限延长1年，期满后自动恢复实施。" was held as "…but no day its measures are back" in a
notice, and in an answer read as the extension alone (the restore lost: a lapse "presumed back in force, needs review").
The parser now passes the restore with the extension's period (``ActionRecord.extends_by``) and the engine dates it at
the lapse of that extension as counted (``collect._count_extensions``), as it does for a dated one. ECL No. 337 (10-09,
银杉电子公司 and 赤岩动力公司); No. 350 (2026-10-20) suspends it 1年 (to 2027-10-20); the extension of 2027-10-15 runs to
2028-10-20, the measures back from 2028-10-21. Each folder of tests/data/step48 replayed by a real ``replay`` process into a
real SQLite file (and again in another order), read back with ``status`` and ``feeds``.

restore_at_the_lapse_of_an_undated_extension             No. 380 (2027-10-15), the notice.
restore_at_the_lapse_of_an_answer_s_undated_extension    an answer of 2027-10-15 in the same words.
restore_at_the_lapse_of_an_undated_extension_one_lifted  No. 380, and No. 390 (2028-03-01) lifting 银杉 from 03-10: the
                                                         restore brings back 赤岩 alone (``_moot_restores``).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.mofcom_watch.stories import REPO, Store, cached, item_ids_of, row

DATA = REPO / "tests" / "data" / "step48"
TODAY = "2029-01-01"
FETCHED = "2028-12-15T00:00:00+00:00"
KEY = "MOFCOM-2026-337"
FIR, ROCK = "silverfirelectronics", "redrockpropulsion"
QA = "QA-2027-10-15-f8b39082"
RESTORED = f"{KEY}/restored/ecl/2028-10-21"

# per folder: who decided the extension; per entity (state, since, until, by) as of 2028-10-21
STORIES: dict[str, tuple[str, dict[str, tuple[Any, ...]]]] = {
    "restore_at_the_lapse_of_an_undated_extension": ("MOFCOM-2027-380", {
        FIR: ("in_force", "2028-10-21", None, "MOFCOM-2027-380"), ROCK: ("in_force", "2028-10-21", None, "MOFCOM-2027-380")}),
    "restore_at_the_lapse_of_an_answer_s_undated_extension": (QA, {
        FIR: ("in_force", "2028-10-21", None, QA), ROCK: ("in_force", "2028-10-21", None, QA)}),
    "restore_at_the_lapse_of_an_undated_extension_one_lifted": ("MOFCOM-2027-380", {
        FIR: ("lifted", "2028-03-10", None, "MOFCOM-2028-390"), ROCK: ("in_force", "2028-10-21", None, "MOFCOM-2027-380")}),
}


@pytest.fixture(scope="module")
def stores() -> dict[str, Store]:
    return {}


@pytest.mark.parametrize("halves", [False, True], ids=["together", "another-order"])
@pytest.mark.parametrize("name", sorted(STORIES))
def test_a_restore_after_an_undated_extension_is_at_its_lapse(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory, name: str, halves: bool) -> None:
    store = cached(stores, tmp_path_factory, DATA / name, FETCHED, TODAY, "s48r", halves=halves)
    by, want = STORIES[name]
    got = row(store, "2027-11-01", KEY)  # extended to 2028-10-20 inclusive, the measures back the day after, announced
    assert (got["state"], got["since"], got["until"], got["by"]) == ("suspended", "2026-10-20", "2028-10-20", by)
    assert (got["next_state"], got["next_from"], got["next_by"]) == ("in_force", "2028-10-21", by)
    for entity in (FIR, ROCK):
        got = row(store, "2028-10-20", KEY, entity)
        assert got["state"] != "in_force", got
    for entity, state in want.items():
        got = row(store, "2028-10-21", KEY, entity)
        assert (got["state"], got["since"], got["until"], got["by"]) == state, (name, entity)
    assert RESTORED in item_ids_of(store, "2028-12-31", KEY)
    assert not [p for p in store.status("2028-12-31")["__problems__"] if KEY in p]
