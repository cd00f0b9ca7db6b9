"""A suspension to a day written as its last day, and the restore its text announces for its end, replayed (session 42,
lapse42; session 41's open A, review42's open probe 2): the real ECL 2025 No. 21 and its 2025 answers, then an answer of
2026-12-03 "中方决定，自2026年12月10日起，暂停实施…第21号相关措施至2027年12月9日，期满后自动恢复实施", replayed with the real
``replay`` (one process) into a real SQLite file and read back with ``status``, ``timeline`` and ``feeds``.

The suspension's item says "until 2027-12-09 inclusive" (an end written "至D" is the period's last day: the lead's decision
on story36's C1), so the measures are back from 12-10. Was: "Restored" from 2027-12-09 and the listing in force on 12-09, a
day early, beside the suspension item saying that day is still suspended."""

from __future__ import annotations

from typing import Any

import pytest

from tests.mofcom_watch.stories import REPO, TAG, Store, replayed, row

DATA = REPO / "tests" / "data" / "stories-lapse42" / "to_last_day"
ECL, ANSWER = "MOFCOM-2025-21", "QA-2026-12-03-68a81f8d"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return replayed(tmp_path_factory.mktemp("lapse42"), DATA, "2026-12-04T00:00:00+00:00", today="2028-01-31")


def _cubic(store: Store, day: str) -> tuple[Any, ...]:
    found = store.timeline("Cubic Corporation", day)
    assert len(found["keys"]) == 1, found["keys"]
    (entry,) = [e for e in found["listings"] if e["notice_key"] == ECL]
    s = entry["state"]
    return s["state"], s["since"], s.get("until"), s.get("by"), s.get("next_state"), s.get("next_from")


def test_the_last_day_written_is_still_suspended_and_the_measures_are_back_the_day_after(store: Store) -> None:
    assert _cubic(store, "2027-12-09") == ("suspended", "2026-12-10", "2027-12-09", ANSWER, "in_force", "2027-12-10")
    assert _cubic(store, "2027-12-10")[:4] == ("in_force", "2027-12-10", None, ANSWER)
    on_the_day = row(store, "2027-12-09", ECL)
    assert (on_the_day["state"], on_the_day["until"]) == ("suspended", "2027-12-09")
    # the band's end (the day it lapses, where the state pictures stop drawing it) is the restore's day
    assert (on_the_day["lapses_on"], on_the_day["next_state"], on_the_day["next_from"]) == (
        "2027-12-10", "in_force", "2027-12-10")
    after = row(store, "2027-12-10", ECL)
    assert (after["state"], after["since"]) == ("in_force", "2027-12-10")


def test_one_answer_one_day_in_every_item(store: Store) -> None:
    titles = {i["id"][len(TAG):]: i["title"] for i in store.items("2027-12-20") if i["id"].startswith(f"{TAG}{ECL}/")}
    suspended = titles[f"{ECL}/suspended/ecl/2026-12-10"]
    assert "until 2027-12-09 inclusive" in suspended, suspended
    assert f"{ECL}/restored/ecl/2027-12-10" in titles, sorted(titles)
    assert not [i for i in titles if "/2027-12-09" in i], sorted(titles)  # no step on the last day of the suspension
    assert not [i for i in titles if "/suspension_lapsed/ecl/2027-" in i], sorted(titles)  # restored, not presumed
