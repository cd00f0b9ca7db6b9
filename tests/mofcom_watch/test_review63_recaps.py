"""session 52, review63: a recap's term against a stored extension counted from the running end ("暂停期限延长1年"), and a recap
of an extension named by the notice that set the suspension (order52's pass-through; below), on real
``replay``s into real SQLite files (tests/data/review63; texts composed, facts invented for 2026-2028).

Each story holds 2026 No. 23 (10 US entities), No. 70 suspending it from 2026-12-01 to 2027-02-28, No. 9 of 2027-02-20
"商务部决定，商务部公告2026年第23号相关措施的暂停期限延长1年。" (no start, no end: the engine moves the running end on by
``extends_by`` P1Y, to 2028-02-28), and an answer of 2027-03-05 recounting No. 9 under a neutral title:
"商务部已于2027年2月20日发布公告，暂停实施商务部公告2026年第23号相关措施6个月。"

recap52 made a recap of another term than the stored step's a problem (two official texts disagreeing, one of them read
wrong), where both tell one; a step by a period has no ``until`` of its own, so its term was never compared: the answer's
6 months against the notice's 1 year was quiet, exit 0, the store suspended to 2028 (class A where the notice is the one
misread). Now compared (``recaps._same_period``); the same term ("1年") quiet; an end told ("至2028年2月28日") quiet (compared
with the end the engine counts since session 53, recap53: another end, test_recap53_recaps). Each in both orders of the pages (design: the same snapshots give the same
answer in any order).
"""

from __future__ import annotations

import pytest

from tests.mofcom_watch.stories import REPO, Store, cached, row

DATA = REPO / "tests" / "data" / "review63"
FETCHED = "2027-03-06T02:00:00+00:00"
TODAY = "2027-03-10"
ORDERS = pytest.mark.parametrize("halves", [False, True], ids=["together", "another-order"])


@pytest.fixture(scope="module")
def stores() -> dict[str, Store]:
    return {}


def _recaps(store: Store) -> list[str]:
    return [p for p in store.status(TODAY)["__problems__"] if "recounts" in p]


def _suspended_to_2028(store: Store) -> None:
    got = row(store, TODAY, "MOFCOM-2026-23")
    assert (got["state"], got["until"]) == ("suspended", "2028-02-28")  # never applied from the recap


@ORDERS
def test_a_recap_of_another_term_than_a_stored_extension_by_a_period_is_a_problem(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory, halves: bool) -> None:
    store = cached(stores, tmp_path_factory, DATA / "term_by_period", FETCHED, TODAY, "r63p", halves=halves)
    got = _recaps(store)
    assert len(got) == 1 and "recounts the suspension of MOFCOM-2026-23 from 2027-02-20 to 2027-08-20: no stored notice " \
        "does this" in got[0], got
    assert "stored: MOFCOM-2027-9 extends the suspension of it from 2027-02-20 for P1Y" in got[0], got
    _suspended_to_2028(store)


@ORDERS
@pytest.mark.parametrize("story", ["term_by_period_same", "term_by_period_to_day"])
def test_a_recap_of_the_same_term_or_an_end_told_is_quiet(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory, story: str, halves: bool) -> None:
    store = cached(stores, tmp_path_factory, DATA / story, FETCHED, TODAY, "r63s", halves=halves)
    assert _recaps(store) == []
    _suspended_to_2028(store)


# An extension named by the notice that set the suspension, "商务部决定，将商务部公告2026年第70号规定的暂停期限延长1年。" (No. 9),
# reaches No. 23 (order52, ``targets.suspended_by``); the answer recounts it on No. 23 ("…暂停实施商务部公告2026年第23号相关措施
# 1年"): its step was looked for only among steps naming No. 23, so "no stored notice does this" of a stored extension (noise;
# review63). Now No. 9's step is a step on the notices No. 70 suspends too (``recaps._reached``); another term still a problem.
@ORDERS
def test_a_recap_of_an_extension_named_by_the_notice_that_set_it_is_taken(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory, halves: bool) -> None:
    store = cached(stores, tmp_path_factory, DATA / "through_period_same", FETCHED, TODAY, "r63t", halves=halves)
    assert _recaps(store) == []
    _suspended_to_2028(store)
    other = cached(stores, tmp_path_factory, DATA / "through_period_other", FETCHED, TODAY, "r63o", halves=halves)
    got = _recaps(other)
    assert len(got) == 1 and "stored: MOFCOM-2027-9 extends the suspension of it from 2027-02-20 for P1Y" in got[0], got
    _suspended_to_2028(other)


# A restore told as a state at a suspension's end (recap52's lapse rule, parse24/16's form) opening a notice of 2027-03-05:
# "商务部公告2026年第23号相关措施已于2027年3月1日起恢复实施。…商务部决定，自2027年3月10日起至2027年9月10日，暂停实施…"; No. 70's
# suspension to 2027-02-28 was extended by No. 9's "延长1年" (a period, no end of its own), which the lapse rule did not see
# as running past it: taken as the lapse, quiet, the store suspended to 2028 against the notice's word (review63). Now a
# problem, as with an extension written with its end.
@ORDERS
def test_a_restore_told_at_the_end_of_a_suspension_extended_by_a_period_is_a_problem(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory, halves: bool) -> None:
    store = cached(stores, tmp_path_factory, DATA / "lapse_vs_period", FETCHED, "2027-03-08", "r63l", halves=halves)
    got = [p for p in store.status("2027-03-08")["__problems__"] if "recounts" in p]
    assert len(got) == 1 and got[0].startswith("MOFCOM-2027-15: a notice recounts the restore of MOFCOM-2026-23 from "
                                               "2027-03-01: no stored notice does this"), got
    assert "MOFCOM-2027-9 extends the suspension of it from 2027-02-20 for P1Y" in got[0], got


# The same restore told in an answer of 2027-03-05 ("商务部公告2026年第23号相关措施已于2027年3月1日起恢复实施。", the answer's own
# step): against No. 9's extension by a period it was applied, No. 23 in force from 03-01, exit 0 (the notice's year lost,
# nothing said); against one written "自2027年3月1日起至2028年2月29日止" (the same day) it was a problem, the notice followed
# (collect._says_otherwise). Now the same (collect._restores_into_extension; review63).
@ORDERS
def test_an_answers_restore_against_an_extension_by_a_period_follows_the_notice(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory, halves: bool) -> None:
    store = cached(stores, tmp_path_factory, DATA / "restore_vs_period", FETCHED, TODAY, "r63r", halves=halves)
    got = [p for p in store.status(TODAY)["__problems__"] if "otherwise than" in p]
    assert got == ["QA-2027-03-05-91735526: it says of MOFCOM-2026-23 from 2027-03-01 in_force, otherwise than MOFCOM-2027-9 "
                   "(suspended, for P1Y), the notice, which is followed: read both"], got
    _suspended_to_2028(store)
