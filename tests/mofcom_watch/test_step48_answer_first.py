"""An answer said first and a numbered notice saying the same state of one day: the notice is the state's source (session
48, probe47's B2). ECL No. 337 (10-09, 银杉电子公司 and 赤岩动力公司); No. 350 (10-20) suspends it to 2026-12-09; steps composed
in the official wording; each folder of tests/data/step48 replayed by a real ``replay`` process into a real SQLite file (and
again in another order), read back with ``status`` and ``feeds``.

countdown_after_an_answer_restoring_one an answer of 12-02 restores 银杉 from 12-10; No. 366 (12-09) restores No. 337 from
                                        12-10 but suspends 赤岩 6 months more. 银杉 was "in force since 12-10 by" the answer
                                        (applied after the notice, the day's steps in the engine's order), the item of 12-10
                                        resting on No. 366.
answer_first_extends_to_the_notice_s_end an answer of 12-02 "自2026年12月10日起，继续暂停实施…，暂停期限至2027年12月10日";
                                        No. 366 (12-09) "自2026年12月10日起，暂停执行…，暂停期限为1年" (to 2027-12-10): both
                                        "suspended since 12-10 by" the answer.
Now the row names the notice. The answer's items stay (what it said, when it said it).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.mofcom_watch.stories import REPO, Store, cached, item_ids_of, row

DATA = REPO / "tests" / "data" / "step48"
TODAY = "2029-01-01"
FETCHED = "2027-12-15T00:00:00+00:00"
KEY = "MOFCOM-2026-337"
FIR, ROCK = "silverfirelectronics", "redrockpropulsion"
QA = "QA-2026-12-02-f8b39082"

# per folder: per entity (state, since, until, by) as of 12-11, the items of 12-10 on No. 337
STORIES: dict[str, tuple[dict[str, tuple[Any, ...]], set[str]]] = {
    "countdown_after_an_answer_restoring_one": (
        {FIR: ("in_force", "2026-12-10", None, "MOFCOM-2026-366"),
         ROCK: ("suspended", "2026-12-10", "2027-06-10", "MOFCOM-2026-366")},
        {f"{KEY}/restored/ecl/2026-12-10", f"{KEY}/suspension_extended/ecl/2026-12-10"}),
    "answer_first_extends_to_the_notice_s_end": (
        {FIR: ("suspended", "2026-12-10", "2027-12-10", "MOFCOM-2026-366"),
         ROCK: ("suspended", "2026-12-10", "2027-12-10", "MOFCOM-2026-366")},
        {f"{KEY}/suspended/ecl/2026-12-10", f"{KEY}/suspension_extended/ecl/2026-12-10"}),
}


@pytest.fixture(scope="module")
def stores() -> dict[str, Store]:
    return {}


@pytest.mark.parametrize("halves", [False, True], ids=["together", "another-order"])
@pytest.mark.parametrize("name", sorted(STORIES))
def test_the_notice_is_the_source_of_the_state_an_answer_said_first(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory, name: str, halves: bool) -> None:
    store = cached(stores, tmp_path_factory, DATA / name, FETCHED, TODAY, "s48a", halves=halves)
    want, items = STORIES[name]
    for entity, state in want.items():
        got = row(store, "2026-12-11", KEY, entity)
        assert (got["state"], got["since"], got["until"], got["by"]) == state, (name, entity)
    assert any(QA in line and "which stands" in line for line in row(store, "2026-12-11", KEY, FIR)["history"])
    assert {i for i in item_ids_of(store, "2026-12-11", KEY) if i.endswith("/2026-12-10")} == items
    # before the notice, the answer is the source
    assert row(store, "2026-12-05", KEY, FIR)["next_by"] == QA
