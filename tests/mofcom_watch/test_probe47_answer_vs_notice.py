"""A spokesperson's answer published after a notice, saying another state on the notice's day (session 47, probe47, on
review51's f14c82d2/a72539cf in storage/lifecycle/collect.py): ECL No. 337 (10-09, 银杉电子公司 and 赤岩动力公司), steps
composed in the official wording, each folder of tests/data/probe47 replayed by a real ``replay`` process into a real
SQLite file (and again in another order), read back with ``status`` and ``feeds``.

Only a restore a notice set for its suspension's lapse ("期满后自动恢复实施") gives way to a later answer (review51's story
later_answer_continues_past_auto_restore). f14c82d2 let ``_says_otherwise`` pass over any answer published after the
notice; a72539cf narrowed the dropping of the notice's step, not that:

later_answer_lifts_what_notice_suspends    No. 366 (12-01) "自2026年12月10日起，暂停执行…第337号相关措施，暂停期限为1年"; an answer
                                           of 12-05 "自2026年12月10日起，停止实施…第337号相关措施". A: lifted since 12-10 by the
                                           answer, the notice's year and the measures' presumed return on 2027-12-11 gone, a
                                           "Suspended" and a "Lifted" item of one day, nothing said.
later_answer_restores_what_notice_lifts    No. 350 suspends No. 337 to 12-09; No. 366 (12-01) lifts it from 12-10; an answer of
                                           12-05 restores it from 12-10. A: in force since 12-10 by the answer, the notice's lift
                                           undone, a "Lifted" and a "Restored" item of one day, nothing said.
later_answer_continues_what_notice_restores the same No. 350; No. 366 (12-01) restores No. 337 from 12-10; an answer of 12-05
                                           continues the suspension for 1年 from 12-10. B: suspended by the answer, a "Restored"
                                           and a "Suspension extended" item of one day, "extends a suspension … not in place".
Now the notice is followed and the problem names both, as for an answer published before it.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.mofcom_watch.stories import REPO, Store, cached, item_ids_of, own_problems, row

DATA = REPO / "tests" / "data" / "probe47"
TODAY = "2029-01-01"
FETCHED = "2027-12-15T00:00:00+00:00"
KEY = "MOFCOM-2026-337"
QA = "QA-2026-12-05-f8b39082"

# per folder: per day (state, since, until, by); the items of 12-10 on No. 337; the problem's words
STATES: dict[str, dict[str, tuple[Any, ...]]] = {
    "later_answer_lifts_what_notice_suspends": {
        "2026-12-10": ("suspended", "2026-12-10", "2027-12-10", "MOFCOM-2026-366"),
        "2027-12-11": ("lapsed", "2027-12-11", None, "MOFCOM-2026-366")},
    "later_answer_restores_what_notice_lifts": {
        "2026-12-10": ("lifted", "2026-12-10", None, "MOFCOM-2026-366"),
        "2027-12-11": ("lifted", "2026-12-10", None, "MOFCOM-2026-366")},
    "later_answer_continues_what_notice_restores": {
        "2026-12-10": ("in_force", "2026-12-10", None, "MOFCOM-2026-366"),
        "2027-12-11": ("in_force", "2026-12-10", None, "MOFCOM-2026-366")},
}
ITEMS = {
    "later_answer_lifts_what_notice_suspends": {f"{KEY}/suspended/ecl/2026-12-10"},
    "later_answer_restores_what_notice_lifts": {f"{KEY}/lifted/ecl/2026-12-10"},
    "later_answer_continues_what_notice_restores": {f"{KEY}/restored/ecl/2026-12-10"},
}
PROBLEMS = {
    "later_answer_lifts_what_notice_suspends": "from 2026-12-10 lifted, otherwise than MOFCOM-2026-366 (suspended, until "
                                               "2027-12-10), the notice, which is followed",
    "later_answer_restores_what_notice_lifts": "from 2026-12-10 in_force, otherwise than MOFCOM-2026-366 (lifted), the "
                                               "notice, which is followed",
    "later_answer_continues_what_notice_restores": "from 2026-12-10 suspended, until 2027-12-10, otherwise than "
                                                   "MOFCOM-2026-366 (in_force), the notice, which is followed",
}


@pytest.fixture(scope="module")
def stores() -> dict[str, Store]:
    return {}


def _store(stores: dict[str, Store], factory: pytest.TempPathFactory, name: str, halves: bool) -> Store:
    return cached(stores, factory, DATA / name, FETCHED, TODAY, "p47", halves=halves)


@pytest.mark.parametrize("halves", [False, True], ids=["together", "another-order"])
@pytest.mark.parametrize("name", sorted(STATES))
def test_a_later_answer_saying_another_state_than_a_notice_of_that_day_is_said_not_followed(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory, name: str, halves: bool) -> None:
    store = _store(stores, tmp_path_factory, name, halves)
    for day, want in STATES[name].items():
        got = row(store, day, KEY)
        assert (got["state"], got["since"], got["until"], got["by"]) == want, (name, day)
    assert [p for p in own_problems(store, "2027-12-11") if p.startswith(f"{QA}: it says of {KEY} ") and PROBLEMS[name] in p], \
        own_problems(store, "2027-12-11")
    of_the_day = {i for i in item_ids_of(store, "2027-12-11", KEY) if i.endswith("/ecl/2026-12-10")}
    assert of_the_day == ITEMS[name], of_the_day
