"""A listing's whole chain and the inclusive ends (session 37, story38's stories, /work/s37/story38-cases/EXPECTED.md,
written before the replay): replayed with the real ``replay`` (one real process) into a real SQLite file from
tests/data/stories38/chain/, read back with ``status``, ``timeline`` and ``feeds``; then the same pages in two batches,
the later half first, into a second store: the same items, the same ids (and a "Resolved" item for each answer
stored before its notice). ``MOFCOM_WATCH_TODAY`` is 2028-01-31.

C  ECL 2027 No. 10 (3 invented US companies): suspended "自2027年2月15日起…暂停期限至2027年5月14日" (through 05-14, lapsing 05-15),
   the end moved while running "暂停期限延长至2027年8月12日" (05-12: since stays 02-15, as an extension by a duration
   keeps it; it said 05-12, story37's carried B), continued "自2027年8月13日起…90天" (to 11-11, counted:
   lapses 11-11), lapsed, restored from 11-22 by an answer of 11-20, then one company's measures stopped from 12-15.
D  No. 12 "自2027年3月1日起至2027年6月30日" suspends No. 11: suspended on 06-30 (1 day left), lapsed on 07-01.
T  No. 40 "本公告自公布之日起实施，有效期至2027年12月31日": in force through 12-31, lifted from 2028-01-01 (the carried B of
   session 36: the term's lift was on 12-31, a day early, while "至X日" of a suspension includes X since a25c242).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.mofcom_watch.stories import REPO, TAG, Store, ids, replayed, replayed_in_halves, row, state

PAGES = REPO / "tests" / "data" / "stories38" / "chain"
TODAY = "2028-01-31"
FETCHED = "2028-01-15T00:00:00+00:00"
LAST = "2028-01-20"
C = "MOFCOM-2027-10"
ALL3 = ["anvilpropulsion", "greyhawksensing", "polestaravionics"]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return replayed(tmp_path_factory.mktemp("chain38"), PAGES, FETCHED, today=TODAY)


def _of(store: Store, key: str) -> dict[str, str]:
    return {i["id"][len(TAG):]: i["title"] for i in store.items(LAST) if i["id"].startswith(f"{TAG}{key}/")}


def test_c_suspended_to_a_day_then_moved_then_continued_by_a_duration(store: Store) -> None:
    got = row(store, "2027-05-01", C)
    assert (got["state"], got["since"], got["until"], got["lapses_on"], got["days_left"]) == (
        "suspended", "2027-02-15", "2027-05-14", "2027-05-15", 14)
    got = row(store, "2027-05-20", C)  # the end moved while the suspension ran: since stays its first day
    assert (got["state"], got["since"], got["until"], got["lapses_on"], got["by"]) == (
        "suspended", "2027-02-15", "2027-08-12", "2027-08-13", "QA-2027-05-12-6aa61a1b")
    got = row(store, "2027-11-11", C)  # "自2027年8月13日起…90天": counted from a day, its end its last day too (lapse43)
    assert (got["state"], got["since"], got["until"], got["lapses_on"], got["days_left"]) == (
        "suspended", "2027-08-13", "2027-11-11", "2027-11-12", 1)
    assert state(store, "2027-11-12", C) == ("lapsed", "2027-11-12", None)
    assert row(store, "2027-11-21", C)["presumed"] is True
    assert (row(store, "2027-11-21", C)["next_state"], row(store, "2027-11-21", C)["next_from"]) == ("in_force",
                                                                                                    "2027-11-22")
    got = row(store, "2027-11-22", C)
    assert (got["state"], got["since"], got["presumed"], got["by"]) == ("in_force", "2027-11-22", False,
                                                                        "QA-2027-11-20-a4ba600d")
    assert state(store, "2027-12-20", C, "anvilpropulsion") == ("lifted", "2027-12-15", None)
    assert state(store, "2027-12-20", C, "polestaravionics") == ("in_force", "2027-11-22", None)


def test_c_items_one_each_counting_to_each_lapse_day(store: Store) -> None:
    assert set(_of(store, C)) == {
        f"{C}/imposed/ecl/2027-01-05", f"{C}/suspended/ecl/2027-02-15",
        f"{C}/suspension_ends_soon/ecl/2027-04-15", f"{C}/suspension_ends_soon/ecl/2027-05-08",  # to 05-15
        f"{C}/suspension_extended/ecl/2027-05-12",
        f"{C}/suspension_ends_soon/ecl/2027-07-14", f"{C}/suspension_ends_soon/ecl/2027-08-06",  # to 08-13
        f"{C}/suspension_extended/ecl/2027-08-13",
        f"{C}/suspension_ends_soon/ecl/2027-10-13", f"{C}/suspension_ends_soon/ecl/2027-11-05",  # to 11-12 (lapse43)
        f"{C}/suspension_lapsed/ecl/2027-11-12", f"{C}/restored/ecl/2027-11-22", f"{C}/lifted/ecl/2027-12-15"}
    timeline = store.timeline("Anvil Propulsion", LAST)
    (entry,) = [e for e in timeline["listings"] if e["notice_key"] == C]
    assert entry["state"]["state"] == "lifted"


def test_d_a_suspension_written_to_its_last_day_runs_through_it(store: Store) -> None:
    got = row(store, "2027-06-30", "MOFCOM-2027-11")
    assert (got["state"], got["until"], got["lapses_on"], got["days_left"]) == ("suspended", "2027-06-30", "2027-07-01", 1)
    assert state(store, "2027-07-01", "MOFCOM-2027-11") == ("lapsed", "2027-07-01", None)
    assert {k.rsplit("/", 1)[1] for k in _of(store, "MOFCOM-2027-11") if "/suspension_" in k} == {
        "2027-06-01", "2027-06-24", "2027-07-01"}


def test_t_a_listing_term_written_to_its_last_day_ends_the_day_after(store: Store) -> None:
    key = "MOFCOM-2027-40"
    got = row(store, "2027-12-31", key)
    assert (got["state"], got["next_state"], got["next_from"]) == ("in_force", "lifted", "2028-01-01")
    assert state(store, "2028-01-01", key) == ("lifted", "2028-01-01", None)
    items = _of(store, key)
    assert set(items) == {f"{key}/imposed/ecl/2027-04-01", f"{key}/lifted/ecl/2028-01-01",
                          f"{key}/term_ends_soon/ecl/2027-12-02", f"{key}/term_ends_soon/ecl/2027-12-25"}
    assert items[f"{key}/term_ends_soon/ecl/2027-12-25"].endswith("until 2027-12-31 inclusive")


def test_the_same_pages_in_another_order_give_the_same_items(store: Store, tmp_path: Path) -> None:
    again = replayed_in_halves(tmp_path, PAGES, FETCHED, today=TODAY)  # the later half of the pages first
    # and "Resolved: …" items for the answers stored before the notice they name (news of that order, not of the notices)
    resolved = {i for i in ids(again.items(LAST)) - ids(store.items(LAST)) if "/unresolved_reference/" in i
                and i.endswith("/correction/1")}
    assert resolved and ids(again.items(LAST)) - resolved == ids(store.items(LAST))
    same = {i["id"]: i["title"] for i in again.items(LAST) if i["id"] not in resolved}
    assert same == {i["id"]: i["title"] for i in store.items(LAST)}
