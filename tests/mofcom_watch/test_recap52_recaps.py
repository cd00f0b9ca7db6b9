"""session 52, recap52: what "a stored step takes a recap" means (storage/lifecycle/recaps.py), on real ``replay``s into
real SQLite files (tests/data/recap52; texts composed, facts invented for 2026).

Each story holds 2026 No. 23 (10 US entities, in force), a notice of 2026-12-01 on it (No. 90) and an answer of 2026-12-05
recounting that notice's step under a neutral title, or 2025 No. 21, the 2025-11-05 answer extending it and a recap of that.

- A recap a day off the stored step's start ("自12月2日起停止实施" of No. 90's lift "自本公告发布之日起", 12-01; of a lift "自
  2026年12月3日起") was a problem "no stored notice does this" though No. 90 was stored: noise. Now quiet (``DAY_SLACK``).
- A yearless "4月4日公告" in a 2026 answer was read as 2026-04-04 and matched no stored notice: a problem though the
  2025-11-05 answer's extension of 2025 No. 21 was stored. Now any notice published on April 4 of that year or before takes
  it; with the extension not stored it stays a problem.
- A recap's term or end was not compared: "暂停实施…相关措施1年" and "…至2027年12月2日" of No. 90's 90-day suspension were quiet
  (the two texts disagree: one of them is read wrong, silently). Now a problem naming the stored step; "1年" of a stored
  1-year suspension (counted from the day the answer tells, 12-01, the notice's from 12-03) is quiet.
- A decision day the notice does not state ("已于2026年11月30日决定" of No. 90, published and signed 12-01) stays a problem,
  which now names the stored step ("stored: MOFCOM-2026-90 lifts it from 2026-12-03").
"""

from __future__ import annotations

import pytest

from tests.mofcom_watch.stories import REPO, Store, cached, row

DATA = REPO / "tests" / "data" / "recap52"
FETCHED = "2026-12-06T02:00:00+00:00"
TODAY = "2026-12-06"


@pytest.fixture(scope="module")
def stores() -> dict[str, Store]:
    return {}


def _recaps(store: Store) -> list[str]:
    return [p for p in store.status(TODAY)["__problems__"] if "recounts" in p]


@pytest.mark.parametrize(("story", "state", "since"), [
    ("lift_next_day", "lifted", "2026-12-01"),  # "自12月2日起" of a lift from the day No. 90 was published
    ("lift_day_before_start", "lifted", "2026-12-03"),  # "自12月2日起" of a lift "自2026年12月3日起"
    ("term_same", "suspended", "2026-12-03"),  # "暂停实施…1年" told from 12-01 of a 1-year suspension from 12-03
])
def test_a_recap_the_stored_step_takes_is_quiet(stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory,
                                                story: str, state: str, since: str) -> None:
    store = cached(stores, tmp_path_factory, DATA / story, FETCHED, TODAY, "r52")
    assert _recaps(store) == []
    got = row(store, TODAY, "MOFCOM-2026-23")
    assert (got["state"], got["since"]) == (state, since)


@pytest.mark.parametrize("halves", [False, True], ids=["together", "another-order"])
def test_a_yearless_day_takes_the_notice_of_an_earlier_year(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory, halves: bool) -> None:
    stored = cached(stores, tmp_path_factory, DATA / "yearless_stored", FETCHED, TODAY, "r52y", halves=halves)
    assert _recaps(stored) == []
    missing = cached(stores, tmp_path_factory, DATA / "yearless_missing", FETCHED, TODAY, "r52n", halves=halves)
    got = _recaps(missing)
    assert len(got) == 1 and "recounts an extension of the suspension of 4月4日公告 from 2025-11-10" in got[0], got
    assert "no stored notice does this (the notice that took it not fetched or not read?)" in got[0]


@pytest.mark.parametrize(("story", "said"), [
    ("term_years", "recounts the suspension of MOFCOM-2026-23 from 2026-12-01 to 2027-12-01: no stored notice does this"),
    ("term_to_day", "recounts the suspension of MOFCOM-2026-23 from 2026-12-03 to 2027-12-02: no stored notice does this"),
])
def test_a_recap_of_another_term_is_a_problem_naming_the_stored_step(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory, story: str, said: str) -> None:
    store = cached(stores, tmp_path_factory, DATA / story, FETCHED, TODAY, "r52t")
    got = _recaps(store)
    assert len(got) == 1 and said in got[0], got
    assert "read otherwise? stored: MOFCOM-2026-90 suspends it from 2026-12-03 to 2027-03-03" in got[0]
    row_ = row(store, TODAY, "MOFCOM-2026-23")
    assert (row_["state"], row_["until"]) == ("suspended", "2027-03-03")  # never applied from the recap


def test_a_decision_day_the_notice_does_not_state_is_a_problem_naming_the_stored_step(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    store = cached(stores, tmp_path_factory, DATA / "lift_decided_other_day", FETCHED, TODAY, "r52d")
    got = _recaps(store)
    assert len(got) == 1 and "recounts the lift of MOFCOM-2026-23 from 2026-11-30: no stored notice does this" in got[0]
    assert "stored: MOFCOM-2026-90 lifts it from 2026-12-03" in got[0], got


def test_a_numbered_notice_recounting_a_lift_not_stored_is_a_problem(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    """No. 95 (a listing of 2026-12-04) opens "商务部已于2026年12月1日发布公告，自2026年12月3日起，停止实施商务部公告2026年第23号
    相关措施。": with No. 90 not stored, No. 23 was "in force" and nothing said (recaps were read in answers only). Now a
    problem, as an answer's; with No. 90 stored, quiet; No. 95's own listing as before."""
    missing = cached(stores, tmp_path_factory, DATA / "numbered_lift_missing", FETCHED, TODAY, "r52m")
    got = _recaps(missing)
    assert len(got) == 1 and got[0].startswith("MOFCOM-2026-95: a notice recounts the lift of MOFCOM-2026-23 from "
                                               "2026-12-03: no stored notice does this"), got
    assert row(missing, TODAY, "MOFCOM-2026-23")["state"] == "in_force"  # never applied from a recap
    assert row(missing, TODAY, "MOFCOM-2026-95")["state"] == "in_force"
    stored = cached(stores, tmp_path_factory, DATA / "numbered_lift_stored", FETCHED, TODAY, "r52s")
    assert _recaps(stored) == []
    assert (row(stored, TODAY, "MOFCOM-2026-23")["state"], row(stored, TODAY, "MOFCOM-2026-95")["state"]) == \
        ("lifted", "in_force")


def test_a_restore_told_at_a_suspensions_end_is_its_lapse(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    """2026 No. 113 (parse24/16) opens "商务部公告2025年第21号相关措施已于2026年11月11日起恢复实施。" (a state told, no decision):
    with No. 21's suspension extended to 2026-11-10 stored, the measures applied again on 11-11 with no notice: no problem
    (would be "…recounts the restore of MOFCOM-2025-21 from 2026-11-11: no stored notice does this", noise)."""
    store = cached(stores, tmp_path_factory, DATA / "numbered_restore_at_lapse", FETCHED, TODAY, "r52l")
    assert _recaps(store) == []
    got = row(store, TODAY, "MOFCOM-2025-21")
    assert (got["state"], got["since"], got["until"]) == ("suspended", "2026-11-21", "2027-05-10")


def test_an_answer_telling_the_decision_by_its_day_alone_is_a_recap(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    """"2026年12月1日，商务部发布公告，自2026年12月3日起，停止实施商务部公告2026年第23号相关措施。" (the day first, no 已) in an answer
    of 12-05: read as history, no step and no recap, the answer as no notice: with No. 90 not stored, No. 23 "in force" and
    nothing said. Now a recap, checked: a problem; never applied; no item of the answer's."""
    store = cached(stores, tmp_path_factory, DATA / "day_first_lift_missing", FETCHED, TODAY, "r52f")
    got = _recaps(store)
    assert len(got) == 1 and "an answer recounts the lift of MOFCOM-2026-23 from 2026-12-03: no stored notice" in got[0], got
    assert row(store, TODAY, "MOFCOM-2026-23")["state"] == "in_force"
    assert not [i for feed in ("all", "notices") for i in store.items(TODAY, feed) if "QA-2026-12-05" in i["id"]]
