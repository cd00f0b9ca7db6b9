"""December 2026, round 6, as an officer reads it (session 44, story45's stories, /work/s44/story45-cases/): the real texts of
ECL 2025 No. 21, UEL 〔2025〕7号, MFA order No. 13 and the 2025 Q&As, then steps composed in the official wording, replayed with
the real ``replay`` (one real process) into a real SQLite file per folder of tests/data/stories45/ (some fed to a live store
day by day), read back with ``status``, ``timeline``, ``feeds`` and ``evidence`` on the days before, of and after every
boundary. Every end is the period's last day, included; it lapses the day after (session 42). ``MOFCOM_WATCH_TODAY``
2028-06-01.

holiday_national_day     UEL 〔2026〕40号 "…暂停期限至2027年10月1日": the end on National Day, no shift: lapses 10-02.
holiday_spring_festival  an answer "自2026年11月11日起，继续暂停…，暂停期限为90天": through 2027-02-09 (in the Spring Festival
                         holiday), lapsing 02-10.
restore_told_before_end  the ECL suspended to 2027-03-31; No. 2027-15 (03-20) "…将于2027年3月31日届满。…自2027年4月1日起，恢复
                         执行…": in force by No. 15 from 04-01, said on 03-20; no lapse item.
restore_told_before_end_later  the UEL suspended to 2027-03-31; 〔2027〕5号 (03-25) restores from 04-15: lapsed (presumed, needs
                         review) 04-01 to 04-14, in force by 5号 from 04-15.
two_lists_ends_apart     two companies on ECL No. 330 and UEL 〔2026〕41号, suspended by an answer to 2027-06-30 and by 42号 to
                         07-01: the ECL lapses 07-01, the UEL 07-02.
lifted_restored_in_a_week  No. 340 lifts No. 331 from 12-01; No. 346 (12-07) restores it from 12-08.
removed_relisted_in_a_week No. 342 removes Hemlock Optics from No. 333 on 12-01; No. 348 lists it again on 12-06.
extended_twice_same_day  an answer and UEL 〔2026〕43号 of 11-06, both "自2026年11月10日起" (1年; 至2027年11月10日): one item.
extended_twice_disagree  the same, the answer's end 2027-05-10, the notice's 2027-11-10: the notice followed, a problem.
renamed_then_lifted      No. 332 lists Polar Star Photonics; No. 341 (11-20) renames it Polar Star Optical Systems; No. 349
                         (12-10) lifts it by its new name from 12-15.
renamed_lifted_by_old_name  the same, lifted by an answer of 12-10 naming the former name.
mfa_decree_stopped       MFA order 72 (12-01) stops all of order 13 from 12-10; Skydio's UEL listing (extended a year) and
                         Edge Autonomy's ECL listing stay as they were.
gap_told_before_lapse    an answer of 11-06 "自2026年11月20日起，继续暂停…1年": lapsed 11-11 to 11-19, told in advance.

(review47's B, the "Clarified" note in a store made at once: test_story_clarified_at_once.py; story44's B, a restore naming
companies in English alone: test_stories_december43.py, ecf3c160.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.mofcom_watch.stories import (
    REPO,
    TAG,
    Store,
    cached,
    dated,
    invoke,
    live,
    own_problems,
    packed_timeline,
    per_notice,
    pooled,
    replayed,
    row,
    state,
    watchlist_items,
)

DATA = REPO / "tests" / "data" / "stories45"
TODAY = "2028-06-01"
FETCHED = "2027-01-15T00:00:00+00:00"
ECL, UEL, MFA = "MOFCOM-2025-21", "UEL-2025-7", "MFA-ORDER-2024-13"


@pytest.fixture(scope="module")
def stores() -> dict[str, Store]:
    return {}


def _get(stores: dict[str, Store], factory: pytest.TempPathFactory, name: str) -> Store:
    return cached(stores, factory, DATA / name, FETCHED, TODAY, "s45")


# every boundary, read on the day before, the day of and the day after: (state, since, until) of the notice's row

BOUNDARIES = {
    "holiday_national_day": (UEL, None, [("2026-11-10", ("suspended", "2025-11-10", "2026-11-10")),
                                         ("2026-11-11", ("suspended", "2026-11-11", "2027-10-01")),
                                         ("2027-09-30", ("suspended", "2026-11-11", "2027-10-01")),
                                         ("2027-10-01", ("suspended", "2026-11-11", "2027-10-01")),
                                         ("2027-10-02", ("lapsed", "2027-10-02", None)),
                                         ("2027-10-08", ("lapsed", "2027-10-02", None))]),
    "holiday_spring_festival": (ECL, None, [("2026-11-11", ("suspended", "2026-11-11", "2027-02-09")),
                                            ("2027-02-08", ("suspended", "2026-11-11", "2027-02-09")),
                                            ("2027-02-09", ("suspended", "2026-11-11", "2027-02-09")),
                                            ("2027-02-10", ("lapsed", "2027-02-10", None))]),
    "restore_told_before_end": (ECL, None, [("2027-03-19", ("suspended", "2026-11-11", "2027-03-31")),
                                            ("2027-03-20", ("suspended", "2026-11-11", "2027-03-31")),
                                            ("2027-03-31", ("suspended", "2026-11-11", "2027-03-31")),
                                            ("2027-04-01", ("in_force", "2027-04-01", None)),
                                            ("2027-04-02", ("in_force", "2027-04-01", None))]),
    "restore_told_before_end_later": (UEL, None, [("2027-03-24", ("suspended", "2026-11-11", "2027-03-31")),
                                                  ("2027-03-25", ("suspended", "2026-11-11", "2027-03-31")),
                                                  ("2027-03-31", ("suspended", "2026-11-11", "2027-03-31")),
                                                  ("2027-04-01", ("lapsed", "2027-04-01", None)),
                                                  ("2027-04-14", ("lapsed", "2027-04-01", None)),
                                                  ("2027-04-15", ("in_force", "2027-04-15", None))]),
    "two_lists_ends_apart": ("MOFCOM-2026-330", None, [("2026-10-31", ("in_force", "2026-10-09", None)),
                                                       ("2026-11-01", ("suspended", "2026-11-01", "2027-06-30")),
                                                       ("2027-06-30", ("suspended", "2026-11-01", "2027-06-30")),
                                                       ("2027-07-01", ("lapsed", "2027-07-01", None)),
                                                       ("2027-07-02", ("lapsed", "2027-07-01", None))]),
    "two_lists_ends_apart/uel": ("UEL-2026-41", None, [("2026-10-31", ("in_force", "2026-10-09", None)),
                                                       ("2026-11-01", ("suspended", "2026-11-01", "2027-07-01")),
                                                       ("2027-06-30", ("suspended", "2026-11-01", "2027-07-01")),
                                                       ("2027-07-01", ("suspended", "2026-11-01", "2027-07-01")),
                                                       ("2027-07-02", ("lapsed", "2027-07-02", None))]),
    "lifted_restored_in_a_week": ("MOFCOM-2026-331", None, [("2026-11-30", ("in_force", "2026-10-09", None)),
                                                            ("2026-12-01", ("lifted", "2026-12-01", None)),
                                                            ("2026-12-07", ("lifted", "2026-12-01", None)),
                                                            ("2026-12-08", ("in_force", "2026-12-08", None))]),
    "removed_relisted_in_a_week": ("MOFCOM-2026-333", "hemlockoptics", [("2026-11-30", ("in_force", "2026-10-09", None)),
                                                                         ("2026-12-01", ("removed", "2026-12-01", None)),
                                                                         ("2026-12-06", ("removed", "2026-12-01", None))]),
    "removed_relisted_in_a_week/new": ("MOFCOM-2026-348", None, [("2026-12-06", ("in_force", "2026-12-06", None)),
                                                                 ("2026-12-07", ("in_force", "2026-12-06", None))]),
    "extended_twice_same_day": (UEL, None, [("2026-11-06", ("suspended", "2025-11-10", "2026-11-10")),
                                            ("2026-11-10", ("suspended", "2026-11-10", "2027-11-10")),
                                            ("2026-11-11", ("suspended", "2026-11-10", "2027-11-10")),
                                            ("2027-11-10", ("suspended", "2026-11-10", "2027-11-10")),
                                            ("2027-11-11", ("lapsed", "2027-11-11", None))]),
    "extended_twice_disagree": (UEL, None, [("2026-11-11", ("suspended", "2026-11-11", "2027-11-10")),
                                            ("2027-05-10", ("suspended", "2026-11-11", "2027-11-10")),
                                            ("2027-05-11", ("suspended", "2026-11-11", "2027-11-10")),
                                            ("2027-11-11", ("lapsed", "2027-11-11", None))]),
    "renamed_then_lifted": ("MOFCOM-2026-332", "polarstarphotonics", [("2026-11-20", ("in_force", "2026-10-09", None)),
                                                                       ("2026-12-14", ("in_force", "2026-10-09", None)),
                                                                       ("2026-12-15", ("lifted", "2026-12-15", None))]),
    # the same lifted by an answer naming the former name (Polar Star Photonics), after the rename
    "renamed_lifted_by_old_name": ("MOFCOM-2026-332", "polarstarphotonics", [("2026-12-14", ("in_force", "2026-10-09", None)),
                                                                              ("2026-12-15", ("lifted", "2026-12-15", None))]),
    "mfa_decree_stopped": (MFA, None, [("2026-12-01", ("in_force", "2024-10-10", None)),
                                       ("2026-12-09", ("in_force", "2024-10-10", None)),
                                       ("2026-12-10", ("lifted", "2026-12-10", None))]),
    "mfa_decree_stopped/uel": (UEL, None, [("2026-12-09", ("suspended", "2026-11-11", "2027-11-11")),
                                           ("2026-12-10", ("suspended", "2026-11-11", "2027-11-11")),
                                           ("2027-11-12", ("lapsed", "2027-11-12", None))]),
    "gap_told_before_lapse": (ECL, None, [("2026-11-10", ("suspended", "2025-11-10", "2026-11-10")),
                                          ("2026-11-11", ("lapsed", "2026-11-11", None)),
                                          ("2026-11-19", ("lapsed", "2026-11-11", None)),
                                          ("2026-11-20", ("suspended", "2026-11-20", "2027-11-20"))]),
}


@pytest.mark.parametrize("case", sorted(BOUNDARIES))
def test_every_boundary_the_day_before_of_and_after(stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory,
                                                    case: str) -> None:
    store = _get(stores, tmp_path_factory, case.split("/")[0])
    key, entity, days = BOUNDARIES[case]
    assert [(day, state(store, day, key, entity)) for day, _ in days] == days
    for day, (got, _, _) in days:  # a lapse is presumed, and said to need review; no other row is
        assert row(store, day, key, entity)["presumed"] is (got == "lapsed"), (case, day)
    if case != "extended_twice_disagree":
        assert not [p for p in own_problems(store, days[-1][0]) if key in p], case


def test_a_restore_told_before_the_end_is_announced_until_its_day(stores: dict[str, Store],
                                                                   tmp_path_factory: pytest.TempPathFactory) -> None:
    """No. 15 (03-20) restores No. 21 from 04-01, the day after its suspension ends: from 03-20 the row says what comes and
    when; 2027-5号 (03-25) restores UEL 7号 from 04-15, two weeks after its end: lapsed between, presumed, the restore to come."""
    store = _get(stores, tmp_path_factory, "restore_told_before_end")
    assert row(store, "2027-03-19", ECL)["next_state"] is None
    got = row(store, "2027-03-20", ECL)
    assert (got["next_state"], got["next_from"], got["next_by"]) == ("in_force", "2027-04-01", "MOFCOM-2027-15")
    assert row(store, "2027-04-01", ECL)["by"] == "MOFCOM-2027-15"
    store = _get(stores, tmp_path_factory, "restore_told_before_end_later")
    got = row(store, "2027-04-01", UEL)
    assert (got["state"], got["presumed"], got["next_state"], got["next_from"], got["next_by"]) == (
        "lapsed", True, "in_force", "2027-04-15", "UEL-2027-5")


@pytest.mark.parametrize(("folder", "lapse", "said"), [
    ("restore_told_before_end_later", f"{UEL}/suspension_lapsed/uel/2027-04-01",
     "UEL-2027-5 (不可靠实体清单工作机制公告〔2027〕5号), told on 2027-03-25, restores the measures from 2027-04-15"),
    ("gap_told_before_lapse", f"{ECL}/suspension_lapsed/ecl/2026-11-11",
     "told on 2026-11-06, suspends the measures again from 2026-11-20"),
])
def test_a_lapse_item_names_the_step_told_before_it(stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory,
                                                    folder: str, lapse: str, said: str) -> None:
    """A (fixed): the lapse item of 04-01 said "no later notice extending, lifting or restoring it is known" and "no later
    notice was found that extends, lifts or restores it" while UEL 〔2027〕5号, published 03-25, restores the measures from
    04-15 (and of 11-11, while the answer of 11-06 suspends them again from 11-20): false, and the officer reading the
    lapse item was not told what comes. Now it names that step, in its words, its table ("Next step") and its presumed
    line; its entity items too. Only a step told by the lapse day: what the item says does not change later."""
    store = _get(stores, tmp_path_factory, folder)
    items = {i["id"][len(TAG):]: i for i in store.items("2027-04-30", "all")}
    for iid in (lapse, *[i for i in items if i.startswith(f"{lapse}/")]):
        html = items[iid]["content_html"]
        assert said in html and "no later notice" not in html, iid
        assert "a notice already told changes the measures from a later day" in html, iid
        assert "Next step" in html, iid


def test_a_lapse_item_told_nothing_by_its_day_says_so(stores: dict[str, Store],
                                                      tmp_path_factory: pytest.TempPathFactory) -> None:
    """A step told after the lapse day (No. 2027-15 of 03-20 is before 04-01: holiday_national_day's lapse of 10-02 has
    none) leaves the lapse item's words as they were: "no later notice … is known" was true on its day."""
    store = _get(stores, tmp_path_factory, "holiday_national_day")
    (item,) = [i for i in store.items("2027-10-31", "all") if i["id"] == f"{TAG}{UEL}/suspension_lapsed/uel/2027-10-02"]
    assert "no later notice extending, lifting or restoring it is known" in item["content_html"]
    assert "Next step" not in item["content_html"]


def test_two_answers_of_one_day_disagreeing_the_notice_is_followed_and_said(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "extended_twice_disagree")
    said = [p for p in own_problems(store, "2026-11-11") if "otherwise than UEL-2026-45" in p]
    assert said and "until 2027-05-10" in said[0] and "the notice, which is followed" in said[0]
    assert row(store, "2026-11-11", UEL)["by"] == "UEL-2026-45"


FEED_ITEMS = {  # the items of the 2026 steps, each with the day it is dated (= the day a reader first sees it)
    "holiday_national_day": (UEL, "2027-10-31", {f"{UEL}/suspension_extended/uel/2026-11-11": "2026-11-06",
                                                 f"{UEL}/suspension_ends_soon/uel/2027-09-02": "2027-09-02",
                                                 f"{UEL}/suspension_ends_soon/uel/2027-09-25": "2027-09-25",
                                                 f"{UEL}/suspension_lapsed/uel/2027-10-02": "2027-10-02"}),
    "holiday_spring_festival": (ECL, "2027-02-28", {f"{ECL}/suspension_extended/ecl/2026-11-11": "2026-11-06",
                                                    f"{ECL}/suspension_ends_soon/ecl/2027-01-11": "2027-01-11",
                                                    f"{ECL}/suspension_ends_soon/ecl/2027-02-03": "2027-02-03",
                                                    f"{ECL}/suspension_lapsed/ecl/2027-02-10": "2027-02-10"}),
    # no lapse on 04-01 (restored that day, said on 03-20), no 7-day countdown after the restore was told
    "restore_told_before_end": (ECL, "2027-04-30", {f"{ECL}/suspension_extended/ecl/2026-11-11": "2026-11-06",
                                                    f"{ECL}/suspension_ends_soon/ecl/2027-03-02": "2027-03-02",
                                                    f"{ECL}/restored/ecl/2027-04-01": "2027-03-20"}),
    "restore_told_before_end_later": (UEL, "2027-04-30", {f"{UEL}/suspension_extended/uel/2026-11-11": "2026-11-06",
                                                          f"{UEL}/suspension_ends_soon/uel/2027-03-02": "2027-03-02",
                                                          f"{UEL}/restored/uel/2027-04-15": "2027-03-25",
                                                          f"{UEL}/suspension_lapsed/uel/2027-04-01": "2027-04-01"}),
    "two_lists_ends_apart": ("MOFCOM-2026-330", "2027-07-31", {
        "MOFCOM-2026-330/imposed/ecl/2026-10-09": "2026-10-09", "MOFCOM-2026-330/suspended/ecl/2026-11-01": "2026-10-30",
        "MOFCOM-2026-330/suspension_ends_soon/ecl/2027-06-01": "2027-06-01",
        "MOFCOM-2026-330/suspension_ends_soon/ecl/2027-06-24": "2027-06-24",
        "MOFCOM-2026-330/suspension_lapsed/ecl/2027-07-01": "2027-07-01"}),
    "two_lists_ends_apart/uel": ("UEL-2026-41", "2027-07-31", {
        "UEL-2026-41/imposed/uel/2026-10-09": "2026-10-09", "UEL-2026-41/suspended/uel/2026-11-01": "2026-10-30",
        "UEL-2026-41/suspension_ends_soon/uel/2027-06-02": "2027-06-02",
        "UEL-2026-41/suspension_ends_soon/uel/2027-06-25": "2027-06-25",
        "UEL-2026-41/suspension_lapsed/uel/2027-07-02": "2027-07-02"}),
    "lifted_restored_in_a_week": ("MOFCOM-2026-331", "2026-12-31", {
        "MOFCOM-2026-331/imposed/ecl/2026-10-09": "2026-10-09", "MOFCOM-2026-331/lifted/ecl/2026-12-01": "2026-12-01",
        "MOFCOM-2026-331/restored/ecl/2026-12-08": "2026-12-07"}),
    "removed_relisted_in_a_week": ("MOFCOM-2026-333", "2026-12-31", {
        "MOFCOM-2026-333/imposed/ecl/2026-10-09": "2026-10-09", "MOFCOM-2026-333/removed/ecl/2026-12-01": "2026-12-01"}),
    "removed_relisted_in_a_week/new": ("MOFCOM-2026-348", "2026-12-31", {"MOFCOM-2026-348/imposed/ecl/2026-12-06": "2026-12-06"}),
    # one item, though two pages said it
    "extended_twice_same_day": (UEL, "2027-11-30", {f"{UEL}/suspension_extended/uel/2026-11-10": "2026-11-06",
                                                    f"{UEL}/suspension_ends_soon/uel/2027-10-12": "2027-10-12",
                                                    f"{UEL}/suspension_ends_soon/uel/2027-11-04": "2027-11-04",
                                                    f"{UEL}/suspension_lapsed/uel/2027-11-11": "2027-11-11"}),
    # the answer's end (05-10) gives no countdown and no lapse
    "extended_twice_disagree": (UEL, "2027-11-30", {f"{UEL}/suspension_extended/uel/2026-11-11": "2026-11-06",
                                                    f"{UEL}/suspension_ends_soon/uel/2027-10-12": "2027-10-12",
                                                    f"{UEL}/suspension_ends_soon/uel/2027-11-04": "2027-11-04",
                                                    f"{UEL}/suspension_lapsed/uel/2027-11-11": "2027-11-11"}),
    "renamed_then_lifted": ("MOFCOM-2026-332", "2026-12-31", {
        "MOFCOM-2026-332/imposed/ecl/2026-10-09": "2026-10-09", "MOFCOM-2026-332/renamed/ecl/2026-11-20": "2026-11-20",
        "MOFCOM-2026-332/lifted/ecl/2026-12-15": "2026-12-10"}),
    "mfa_decree_stopped": (MFA, "2026-12-31", {f"{MFA}/lifted/countermeasure/2026-12-10": "2026-12-01"}),
    "gap_told_before_lapse": (ECL, "2026-12-31", {f"{ECL}/suspension_extended/ecl/2026-11-20": "2026-11-06",
                                                  f"{ECL}/suspension_lapsed/ecl/2026-11-11": "2026-11-11"}),
}


@pytest.mark.parametrize("case", sorted(FEED_ITEMS))
def test_each_item_once_on_its_day(stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory, case: str) -> None:
    store = _get(stores, tmp_path_factory, case.split("/")[0])
    key, day, want = FEED_ITEMS[case]
    since = "2026-11-05" if key in (ECL, UEL, MFA) else "2026-10-09"  # the 2025 suspensions' countdowns aside
    got = {i: d for i, d in dated(store, day, key).items() if d >= since}
    assert got == want
    items = store.items(day, "all")
    assert len(items) == len({i["id"] for i in items})
    assert not [i for i in items if i["id"].startswith(f"{TAG}{key}") and "/correction/" in i["id"]]


# read day by day by a live store: each new item dated the day it shows, nothing gone without a correction

OLD_COUNTDOWNS = ["2026-10-12", "2026-11-04"]  # the 2025 suspensions' (to 2026-11-10), read on their days


@pytest.mark.parametrize(("folder", "pages", "days", "key"), [
    ("restore_told_before_end", {"2026-10-01": ("b",), "2026-11-06": ("r1",), "2027-03-20": ("r2",)},
     [*OLD_COUNTDOWNS, "2026-11-11", "2027-03-01", "2027-03-02", "2027-03-19", "2027-03-24", "2027-03-25", "2027-03-31", "2027-04-01",
      "2027-04-02"], ECL),
    ("restore_told_before_end_later", {"2026-10-01": ("b",), "2026-11-06": ("q1",), "2027-03-25": ("q2",)},
     [*OLD_COUNTDOWNS, "2027-03-02", "2027-03-24", "2027-03-31", "2027-04-01", "2027-04-14", "2027-04-15"], UEL),
    ("two_lists_ends_apart", {"2026-10-01": ("b",), "2026-10-09": ("t1", "t2"), "2026-10-30": ("t3", "t4")},
     [*OLD_COUNTDOWNS, "2026-10-31", "2026-11-01", "2027-06-01", "2027-06-02", "2027-06-24", "2027-06-25", "2027-06-30", "2027-07-01",
      "2027-07-02"], "UEL-2026-41"),
    ("lifted_restored_in_a_week", {"2026-10-01": ("b",), "2026-10-09": ("w1",), "2026-12-01": ("w2",), "2026-12-07": ("w3",)},
     [*OLD_COUNTDOWNS, "2026-11-30", "2026-12-02", "2026-12-06", "2026-12-08", "2026-12-09"], "MOFCOM-2026-331"),
    ("renamed_then_lifted", {"2026-10-01": ("b",), "2026-10-09": ("n1",), "2026-11-20": ("n2",), "2026-12-10": ("n3",)},
     [*OLD_COUNTDOWNS, "2026-11-19", "2026-11-21", "2026-12-14", "2026-12-15", "2026-12-16"], "MOFCOM-2026-332"),
    ("mfa_decree_stopped", {"2026-10-01": ("b",), "2026-11-06": ("m2",), "2026-12-01": ("m1",)},
     [*OLD_COUNTDOWNS, "2026-11-10", "2026-11-11", "2026-12-09", "2026-12-10", "2026-12-11"], MFA),
])
def test_read_day_by_day(tmp_path: Path, folder: str, pages: dict[str, tuple[str, ...]], days: list[str], key: str) -> None:
    """The same story fed to one store on the days its pages come: each new item on ``key`` dated the day it first shows,
    no item gone without a correction (``stories.live``), and at the end the notice-level items a store made at once gives."""
    seen, now = live(tmp_path, DATA / folder, pages, days, key)
    case = folder if folder != "two_lists_ends_apart" else "two_lists_ends_apart/uel"
    _, _, want = FEED_ITEMS[case]
    assert {i: seen[i] for i in now if i in want} == want
    assert not [i for i in now if i.startswith(key) and "/correction/" in i]


def test_one_extension_by_an_answer_then_by_its_notice_a_day_later(tmp_path: Path) -> None:
    """The answer of 11-06 (1年 from 11-10) fetched on 11-06, UEL 〔2026〕43号 of the same day (至2027年11月10日) fetched on 11-07:
    one item, dated 11-06, no correction (the notice says what the answer said)."""
    pages = {"2026-10-01": ("b",), "2026-11-06": ("e1",), "2026-11-07": ("e2",)}
    seen, now = live(tmp_path, DATA / "extended_twice_same_day", pages, [*OLD_COUNTDOWNS, "2026-11-08", "2026-11-11"], UEL)
    assert seen[f"{UEL}/suspension_extended/uel/2026-11-10"] == "2026-11-06"
    assert not [i for i in now if i.startswith(UEL) and "/correction/" in i]
    assert "UEL-2026-43" in now[f"{UEL}/suspension_extended/uel/2026-11-10"]["content_html"]


def test_an_answer_then_a_notice_saying_a_later_end(tmp_path: Path) -> None:
    """The answer (至2027年5月10日) fetched on 11-06, the notice of that day (至2027年11月10日) on 11-07: the item of 11-06 said
    "until 2027-05-10"; it is corrected on 11-07 to the notice's end, its id kept, nothing vanishes."""
    pages = {"2026-10-01": ("b",), "2026-11-06": ("d1",), "2026-11-07": ("d2",)}
    seen, now = live(tmp_path, DATA / "extended_twice_disagree", pages,
                     [*OLD_COUNTDOWNS, "2026-11-08", "2026-11-11", "2027-04-10", "2027-10-12"], UEL)
    step = f"{UEL}/suspension_extended/uel/2026-11-11"
    assert seen[step] == "2026-11-06" and now[step]["title"].endswith("until 2027-11-10 inclusive")
    assert seen[f"{step}/correction/1"] == "2026-11-07"
    assert f"{UEL}/suspension_ends_soon/uel/2027-04-10" not in seen  # the answer's end: no countdown to it


# one officer's view of one company


def test_one_company_on_two_lists_its_ends_a_day_apart(stores: dict[str, Store],
                                                       tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "two_lists_ends_apart")
    name = "Aurora Borealis Defense Inc."
    ecl, uel = "MOFCOM-2026-330", "UEL-2026-41"
    assert {k: v[:3] for k, v in per_notice(store, name, "2027-06-30").items()} == {
        ecl: ("suspended", "2026-11-01", "2027-06-30"), uel: ("suspended", "2026-11-01", "2027-07-01")}
    assert {k: v[:3] for k, v in per_notice(store, name, "2027-07-01").items()} == {
        ecl: ("lapsed", "2027-07-01", None), uel: ("suspended", "2026-11-01", "2027-07-01")}
    assert {k: v[:3] for k, v in per_notice(store, name, "2027-07-02").items()} == {
        ecl: ("lapsed", "2027-07-01", None), uel: ("lapsed", "2027-07-02", None)}
    got = {i["id"][len(TAG):]: i["date_published"][:10] for i in store.items("2027-07-31", "entity/auroraborealisdefense")}
    assert got[f"{ecl}/suspension_lapsed/ecl/2027-07-01/auroraborealisdefense"] == "2027-07-01"
    assert got[f"{uel}/suspension_lapsed/uel/2027-07-02/auroraborealisdefense"] == "2027-07-02"


def test_a_company_renamed_then_lifted_by_its_new_name(stores: dict[str, Store],
                                                       tmp_path_factory: pytest.TempPathFactory) -> None:
    """Any of its four names finds the one listing, lifted from 12-15; the other company stays in force."""
    store = _get(stores, tmp_path_factory, "renamed_then_lifted")
    for name in ("Polar Star Optical Systems Inc.", "北辰光学系统公司", "Polar Star Photonics Inc.", "北辰光电公司"):
        assert per_notice(store, name, "2026-12-15") == {
            "MOFCOM-2026-332": ("lifted", "2026-12-15", None, "MOFCOM-2026-349", None, None)}, name
        assert per_notice(store, name, "2026-12-10")["MOFCOM-2026-332"][4:] == ("lifted", "2026-12-15"), name
    assert per_notice(store, "Redwood Remote Sensing LLC", "2026-12-15")["MOFCOM-2026-332"][0] == "in_force"
    lifted = {i["id"][len(TAG):]: i["title"] for i in store.items("2026-12-15", "entity/polarstarphotonics")}
    assert lifted["MOFCOM-2026-332/lifted/ecl/2026-12-15/polarstarphotonics"].startswith("Lifted: Polar Star Optical Systems")


def test_an_mfa_decree_stopped_whole_the_mofcom_listings_stay(stores: dict[str, Store],
                                                              tmp_path_factory: pytest.TempPathFactory) -> None:
    """MFA order 72 stops all of order 13 from 12-10: Skydio lifted there, still suspended on the UEL; Edge Autonomy lifted
    there, its ECL listing (No. 21) lapsed as before; Tom Moss, a person, lifted."""
    store = _get(stores, tmp_path_factory, "mfa_decree_stopped")
    lifted = ("lifted", "2026-12-10", None, "MFA-ORDER-2026-72", None, None)
    got = per_notice(store, "Skydio Inc.", "2026-12-10")
    assert got[MFA] == lifted and got[UEL][:3] == ("suspended", "2026-11-11", "2027-11-11")
    got = per_notice(store, "Edge Autonomy Operations LLC", "2026-12-10")
    assert got[MFA] == lifted and got[ECL][:3] == ("lapsed", "2026-11-11", None)
    assert per_notice(store, "Tom Moss", "2026-12-10")[MFA] == lifted
    assert per_notice(store, "Skydio Inc.", "2026-12-09")[MFA][4:] == ("lifted", "2026-12-10")
    ours = {i["id"][len(TAG):] for i in store.items("2026-12-31", "entity/skydio")}
    assert f"{MFA}/lifted/countermeasure/2026-12-10/skydio" in ours
    assert not [i for i in ours if i.startswith(f"{UEL}/") and ("/lifted/" in i or "/restored/" in i)]


@pytest.mark.parametrize(("folder", "name", "days"), [
    ("two_lists_ends_apart", "Grey Falcon UAS LLC", ("2027-06-30", "2027-07-01", "2027-07-02")),
    ("lifted_restored_in_a_week", "Anvil Dynamics LLC", ("2026-11-30", "2026-12-01", "2026-12-07", "2026-12-08")),
    ("removed_relisted_in_a_week", "Hemlock Optics Corp.", ("2026-12-01", "2026-12-06")),
    ("renamed_then_lifted", "北辰光学系统公司", ("2026-11-20", "2026-12-15")),
    ("mfa_decree_stopped", "Skydio Inc.", ("2026-12-09", "2026-12-10")),
    ("holiday_national_day", "Insitu, Inc.", ("2027-10-01", "2027-10-02")),
    ("restore_told_before_end", "Cubic Corporation", ("2027-03-20", "2027-03-31", "2027-04-01")),
])
def test_evidence_agrees_with_timeline_and_status(stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory,
                                                  tmp_path: Path, folder: str, name: str, days: tuple[str, ...]) -> None:
    store = _get(stores, tmp_path_factory, folder)
    for day in days:
        pack, packed = packed_timeline(store, name, day, tmp_path)
        said = {e["notice_key"]: e["state"] for e in store.timeline(name, day)["listings"]}
        assert {e["notice_key"]: e["state"] for e in packed["listings"]} == said, (name, day)
        keys = store.timeline(name, day)["keys"]
        for key, st in said.items():  # the notice's status row of this entity says the same state and days
            assert (st["state"], st["since"]) == state(store, day, key, keys[0])[:2], (name, day, key)
        assert invoke(store.db, "evidence", "--verify", str(pack), env=store.env).exit_code == 0


def test_a_watchlist_of_ten_across_these_stories(tmp_path: Path) -> None:
    """One store of two_lists_ends_apart, lifted_restored_in_a_week, removed_relisted_in_a_week, renamed_then_lifted and
    mfa_decree_stopped (their pages do not cross), ten counterparties watched (one on no list, one by its new name): the
    watchlist feed holds items of exactly the nine listed, each list's."""
    pages = pooled(tmp_path, DATA, ("two_lists_ends_apart", "lifted_restored_in_a_week", "removed_relisted_in_a_week", "renamed_then_lifted",
                   "mfa_decree_stopped"))
    store = replayed(tmp_path, pages, FETCHED, today=TODAY)
    names = ("Aurora Borealis Defense Inc.", "Grey Falcon UAS LLC", "Anvil Dynamics LLC", "Hemlock Optics Corp.",
             "Polar Star Optical Systems Inc.", "Skydio Inc.", "Edge Autonomy Operations LLC", "Tom Moss",
             "Cubic Corporation", "Acme Quantum Widgets LLC")
    items = watchlist_items(store, names, "2027-07-05", tmp_path)
    # the lift notice naming Polar Star by its new name has a notice item of its own there too
    assert {i["id"][len(TAG):] for i in items if i["id"].count("/") < 4} == {"MOFCOM-2026-349/notice"}
    assert {i["id"][len(TAG):].split("/")[4] for i in items if i["id"].count("/") >= 4} == {
        "auroraborealisdefense", "greyfalconuas", "anvildynamics", "hemlockoptics", "polarstarphotonics", "skydio",
        "edgeautonomyoperations", "tommoss", "cubic"}
    got = {i["id"][len(TAG):] for i in items}
    assert {"MOFCOM-2026-330/suspension_lapsed/ecl/2027-07-01/auroraborealisdefense",
            "UEL-2026-41/suspension_lapsed/uel/2027-07-02/greyfalconuas",
            "MOFCOM-2026-331/restored/ecl/2026-12-08/anvildynamics",
            "MOFCOM-2026-333/removed/ecl/2026-12-01/hemlockoptics", "MOFCOM-2026-348/imposed/ecl/2026-12-06/hemlockoptics",
            "MOFCOM-2026-332/lifted/ecl/2026-12-15/polarstarphotonics",
            f"{MFA}/lifted/countermeasure/2026-12-10/skydio", f"{MFA}/lifted/countermeasure/2026-12-10/tommoss",
            f"{ECL}/suspension_lapsed/ecl/2026-11-11/cubic"} <= got
    assert len(items) == len(got)
