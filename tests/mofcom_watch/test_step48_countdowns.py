"""A countdown to a suspension's end names the entities as known on its own day (session 48, probe47's B1; count47's plan,
done as ``lifecycle.collect.AsKnown``): the steps a later notice or answer set apart or dropped are whole again for a
countdown dated before that one was published. ECL No. 337 (10-09, 银杉电子公司 and 赤岩动力公司), steps composed in the
official wording; each folder of tests/data/step48 replayed by a real ``replay`` process into a real SQLite file (and again
in another order), its feeds written by ``feeds --as-of`` for a day just after the countdown's and for a day long after.

countdown_before_a_lift_told_later      No. 350 (2026-10-20) "暂停期限为1年，期满后自动恢复实施" (back on 2027-10-21); No. 360
                                        (2027-09-30) lifts 银杉 from 10-10. The countdown of 2027-09-21 named 银杉 alone,
                                        "until 2027-10-20": No. 350's restore, set apart from 银杉 for No. 360, left it
                                        suspended as known on 09-21, where that day the restore brought both back (a scheduled
                                        restore has no countdown). The feeds as of 09-25 had no such item; those as of a
                                        later day had it, dated 09-21.
countdown_before_an_answer_lifting_one  the same No. 350; an answer of 2027-10-15 lifts 银杉 from 10-21, the restore's day:
                                        the countdowns of 09-21 and of 10-14 named 银杉 alone.
countdown_after_an_answer_restoring_all No. 350 suspends to 2026-12-09; an answer of 12-02 restores all of No. 337 from 12-10;
                                        No. 366 and No. 367 (12-09) restore 银杉 and suspend 赤岩 6 months more: the countdown
                                        of 12-03 named 赤岩 alone (the answer set apart from both by the notices).
countdown_after_an_answer_restoring_one the answer of 12-02 restores 银杉 alone: the countdown of 12-03 names 赤岩 (as known
                                        that day: it was so before and stays so).
"""

from __future__ import annotations

import pytest

from tests.mofcom_watch.stories import REPO, TAG, Store, cached

DATA = REPO / "tests" / "data" / "step48"
TODAY = "2029-01-01"
FETCHED = "2027-12-15T00:00:00+00:00"
KEY = "MOFCOM-2026-337"
FIR, ROCK = "silverfirelectronics", "redrockpropulsion"
SOON = f"{KEY}/suspension_ends_soon/ecl"
NAMES = {FIR: "Silver Fir Electronics Inc.", ROCK: "Red Rock Propulsion LLC"}

# per folder: (a day just after the countdowns in question, a day long after); the countdown items on No. 337 of those
# days (id -> the entities it names)
STORIES: dict[str, tuple[tuple[str, str], dict[str, set[str]]]] = {
    "countdown_before_a_lift_told_later": (("2027-09-25", "2028-12-31"), {}),
    "countdown_before_an_answer_lifting_one": (("2027-10-14", "2028-12-31"), {}),
    "countdown_after_an_answer_restoring_all": (("2026-12-05", "2027-12-31"), {
        f"{SOON}/2026-11-10": {FIR, ROCK}}),
    "countdown_after_an_answer_restoring_one": (("2026-12-05", "2027-12-31"), {
        f"{SOON}/2026-11-10": {FIR, ROCK}, f"{SOON}/2026-12-03": {ROCK}}),
}
FIRST = {  # the first day of a story's suspension: its countdowns fall after it
    "countdown_before_a_lift_told_later": "2027-09-01", "countdown_before_an_answer_lifting_one": "2027-09-01",
    "countdown_after_an_answer_restoring_all": "2026-11-01", "countdown_after_an_answer_restoring_one": "2026-11-01"}


@pytest.fixture(scope="module")
def stores() -> dict[str, Store]:
    return {}


def _countdowns(store: Store, day: str, since: str, until: str) -> dict[str, set[str]]:
    """The countdown items on No. 337 as of ``day`` dated from ``since`` to ``until``, each with the entities its title
    names."""
    out: dict[str, set[str]] = {}
    for item in store.items(day):
        item_id = item["id"][len(TAG):]
        if item_id.startswith(SOON) and since <= item_id.split("/")[3] <= until:
            out[item_id] = {key for key, name in NAMES.items() if name in item["title"]}
    return out


@pytest.mark.parametrize("halves", [False, True], ids=["together", "another-order"])
@pytest.mark.parametrize("name", sorted(STORIES))
def test_a_countdown_names_the_entities_as_known_on_its_day(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory, name: str, halves: bool) -> None:
    store = cached(stores, tmp_path_factory, DATA / name, FETCHED, TODAY, "s48", halves=halves)
    (near, late), want = STORIES[name]
    assert _countdowns(store, near, FIRST[name], near) == want, (name, near)
    # the feeds written long after say the same of those days: no countdown back-dated with later knowledge
    assert _countdowns(store, late, FIRST[name], near) == want, (name, late)
