"""December 2026, round 5, as an officer reads it (session 43, story44's stories, /work/s43/story44-cases/): the real texts of
ECL 2025 No. 21, UEL 〔2025〕7号, MFA order No. 13, 2024 No. 46, 2025 No. 72 and the 2025 Q&As, then steps composed in the
official wording, replayed with the real ``replay`` (one real process) into a real SQLite file per folder of
tests/data/stories44/ (some fed to a live store day by day), read back with ``status``, ``timeline``, ``feeds`` and
``evidence`` on the days before, of and after each boundary. Every end is the period's last day, included; it lapses the
day after (session 42's decision, ``storage.periods.lapse_day``). ``MOFCOM_WATCH_TODAY`` 2028-06-01.

end_1231 / end_1231_continued  UEL 〔2026〕30号 "暂停期限至2026年12月31日" (lapses on New Year's day); then an answer of 12-28
                    "自2027年1月1日起，继续暂停…1年" (through 2028-01-01, lapsing 01-02).
end_0228            an answer "…继续暂停…，暂停期限至2027年2月28日" (not a leap year): lapses 03-01.
leap_counted        "至2027年2月27日", then "自2027年2月28日起，继续暂停…1年": through 2028-02-28, lapsing on the leap day.
leap_written        No. 313 "自2026年11月11日起至2028年2月29日": the leap day included, lapsing 03-01.
months              "自2026年11月30日起…暂停期限为3个月" (through 2027-02-28, February having no 30th), and again from
                    2027-11-30 (through 2028-02-29).
backdated_ecl       No. 311 (11-16) "自2026年11月11日起，继续暂停…至2027年11月10日", told after the lapse day, backdated to it.
mofcom_then_mfa     Sierra Nevada on ECL No. 21 (内华达山脉公司), then MFA order 70 (内华达山脉集团, Sierra Nevada Corp.).
two_lists_one_restored  one company on ECL 2026 No. 280 and UEL 〔2026〕20号, both suspended; the UEL restored alone.
corrected_end_later / corrected_end_earlier  No. 310's end "至2027年5月31日" corrected to 9月30日 (12-02), and "至2027年6月30日"
                    corrected to 5月31日 on 2027-05-20. A (fixed): a 30-day countdown dated 05-02 to the end told on 05-20,
                    and the step's correction blaming "a new version of the parser" instead of No. 40.
order_revoked       商务部令2026年第12号 (12-01) revokes order 2025 No. 6 (suspended by order No. 7, lapsed 11-11) from 12-10.
lapse72_late        (stories43's folder, live) the lead's decision: the lapse item stands, and is "Clarified" by the answer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.mofcom_watch.stories import (
    REPO,
    TAG,
    Store,
    cached,
    dated,
    invoke,
    item_titles,
    live,
    own_problems,
    packed_timeline,
    pooled,
    replayed,
    row,
    state,
    watchlist_items,
)

DATA = REPO / "tests" / "data" / "stories44"
TODAY = "2028-06-01"
FETCHED = "2027-01-15T00:00:00+00:00"
ECL, UEL, MFA, N46 = "MOFCOM-2025-21", "UEL-2025-7", "MFA-ORDER-2024-13", "MOFCOM-2024-46"


@pytest.fixture(scope="module")
def stores() -> dict[str, Store]:
    return {}


def _get(stores: dict[str, Store], factory: pytest.TempPathFactory, name: str, today: str = TODAY) -> Store:
    return cached(stores, factory, DATA / name, FETCHED, today, "s44")


# the lead's decision on story43's owner question (session 43)


def test_72_continued_late_the_lapse_item_stands_and_is_clarified(tmp_path: Path) -> None:
    """No. 72 lapsed 11-28 (the item went out); the answer of 12-03 "已于11月27日届满…继续暂停…暂停期限为1年" names no start:
    suspended from 12-03, the gap kept as a fact (lapsed 11-28..12-02). Before: the lapse item stood with nothing said to its
    readers (silence); now a "Clarified:" correction of it names the answer, the day it carries on from, and the gap."""
    pages = {"2026-10-01": ("b", "k1", "k2"), "2026-12-03": ("k3",)}
    days = ["2026-10-29", "2026-11-21", "2026-11-28", "2026-12-02", "2026-12-04"]
    seen, now = live(tmp_path, REPO / "tests" / "data" / "stories43" / "lapse72_late", pages, days, N46)
    lapse = f"{N46}/suspension_lapsed/items/2026-11-28"
    assert seen[lapse] == "2026-11-28" and lapse in now  # the gap stays a fact
    note = now[f"{lapse}/correction/1"]
    assert seen[f"{lapse}/correction/1"] == "2026-12-03"
    assert note["title"] == ("Clarified: Suspension lapsed: item controls of 商务部公告2024年第46号 (MOFCOM-2024-46, clause 2) "
                             "presumed back in force from 2026-11-28, needs review: the suspension carried on by "
                             "QA-2026-12-03-687a9ee6 from 2026-12-03")
    assert "2026-11-28 to 2026-12-02 stay as this item said" in note["content_html"]
    assert "until 2027-11-27 inclusive" in note["content_html"]
    assert seen[f"{N46}/suspension_extended/items/2026-12-03"] == "2026-12-03"
    assert [i for i in now if i.startswith(N46) and "/correction/" in i] == [f"{lapse}/correction/1"]


# every boundary, read on the day before, the day of and the day after: (state, since, until) of the notice's row

BOUNDARIES = {
    # "暂停期限至2026年12月31日" from 11-11: the year's last day included, lapsing on New Year's day
    "end_1231": (UEL, [("2026-11-10", ("suspended", "2025-11-10", "2026-11-10")),
                       ("2026-11-11", ("suspended", "2026-11-11", "2026-12-31")),
                       ("2026-12-31", ("suspended", "2026-11-11", "2026-12-31")),
                       ("2027-01-01", ("lapsed", "2027-01-01", None))]),
    # then "自2027年1月1日起，继续暂停…1年" (12-28): through 2028-01-01 (a counted year ends on the same day), lapsing 01-02
    "end_1231_continued": (UEL, [("2026-12-31", ("suspended", "2026-11-11", "2026-12-31")),
                                 ("2027-01-01", ("suspended", "2027-01-01", "2028-01-01")),
                                 ("2028-01-01", ("suspended", "2027-01-01", "2028-01-01")),
                                 ("2028-01-02", ("lapsed", "2028-01-02", None))]),
    # "暂停期限至2027年2月28日" (not a leap year): lapses 03-01
    "end_0228": (ECL, [("2027-02-27", ("suspended", "2026-11-11", "2027-02-28")),
                       ("2027-02-28", ("suspended", "2026-11-11", "2027-02-28")),
                       ("2027-03-01", ("lapsed", "2027-03-01", None))]),
    # "至2027年2月27日", then "自2027年2月28日起，继续暂停…1年": through 2028-02-28, lapsing on the leap day
    "leap_counted": (UEL, [("2027-02-27", ("suspended", "2026-11-11", "2027-02-27")),
                           ("2027-02-28", ("suspended", "2027-02-28", "2028-02-28")),
                           ("2028-02-28", ("suspended", "2027-02-28", "2028-02-28")),
                           ("2028-02-29", ("lapsed", "2028-02-29", None)),
                           ("2028-03-01", ("lapsed", "2028-02-29", None))]),
    # "自2026年11月11日起至2028年2月29日": the leap day included, lapsing 03-01
    "leap_written": (ECL, [("2028-02-28", ("suspended", "2026-11-11", "2028-02-29")),
                           ("2028-02-29", ("suspended", "2026-11-11", "2028-02-29")),
                           ("2028-03-01", ("lapsed", "2028-03-01", None))]),
    # "自2026年11月30日起…暂停期限为3个月": February has no 30th, its last day ends it (2027-02-28; 2028-02-29)
    "months": (UEL, [("2026-11-29", ("lapsed", "2026-11-11", None)),
                     ("2026-11-30", ("suspended", "2026-11-30", "2027-02-28")),
                     ("2027-02-28", ("suspended", "2026-11-30", "2027-02-28")),
                     ("2027-03-01", ("lapsed", "2027-03-01", None)),
                     ("2027-11-29", ("lapsed", "2027-03-01", None)),
                     ("2027-11-30", ("suspended", "2027-11-30", "2028-02-29")),
                     ("2028-02-29", ("suspended", "2027-11-30", "2028-02-29")),
                     ("2028-03-01", ("lapsed", "2028-03-01", None))]),
    # No. 311 (11-16) "自2026年11月11日起，继续暂停…至2027年11月10日": lapsed as read 11-11..11-15, then suspended from 11-11
    "backdated_ecl": (ECL, [("2026-11-10", ("suspended", "2025-11-10", "2026-11-10")),
                            ("2026-11-11", ("lapsed", "2026-11-11", None)),
                            ("2026-11-15", ("lapsed", "2026-11-11", None)),
                            ("2026-11-16", ("suspended", "2026-11-11", "2027-11-10")),
                            ("2027-11-10", ("suspended", "2026-11-11", "2027-11-10")),
                            ("2027-11-11", ("lapsed", "2027-11-11", None))]),
    # No. 310 "至2027年5月31日", corrected on 12-02 by No. 316 to 9月30日
    "corrected_end_later": (ECL, [("2026-12-01", ("suspended", "2026-11-11", "2027-05-31")),
                                  ("2026-12-02", ("suspended", "2026-11-11", "2027-09-30")),
                                  ("2027-06-01", ("suspended", "2026-11-11", "2027-09-30")),
                                  ("2027-09-30", ("suspended", "2026-11-11", "2027-09-30")),
                                  ("2027-10-01", ("lapsed", "2027-10-01", None))]),
    # No. 310 "至2027年6月30日", corrected on 2027-05-20 by 2027 No. 40 to 5月31日
    "corrected_end_earlier": (ECL, [("2027-05-19", ("suspended", "2026-11-11", "2027-06-30")),
                                    ("2027-05-20", ("suspended", "2026-11-11", "2027-05-31")),
                                    ("2027-05-31", ("suspended", "2026-11-11", "2027-05-31")),
                                    ("2027-06-01", ("lapsed", "2027-06-01", None)),
                                    ("2027-07-01", ("lapsed", "2027-06-01", None))]),
    # order 2025 No. 6 suspended by order No. 7 through 2026-11-10; order 2026 No. 12 (12-01) revokes it from 12-10
    "order_revoked": ("MOFCOM-ORDER-2025-6", [("2026-11-10", ("suspended", "2025-11-10", "2026-11-10")),
                                              ("2026-11-11", ("lapsed", "2026-11-11", None)),
                                              ("2026-12-09", ("lapsed", "2026-11-11", None)),
                                              ("2026-12-10", ("lifted", "2026-12-10", None))]),
    # one company on two lists: the UEL restored from 12-05 (UEL 〔2026〕35号, 12-01), the ECL kept suspended
    "two_lists_one_restored": ("UEL-2026-20", [("2026-10-31", ("in_force", "2026-10-09", None)),
                                               ("2026-11-01", ("suspended", "2026-11-01", "2027-11-01")),
                                               ("2026-12-04", ("suspended", "2026-11-01", "2027-11-01")),
                                               ("2026-12-05", ("in_force", "2026-12-05", None))]),
}


@pytest.mark.parametrize("folder", sorted(BOUNDARIES))
def test_every_boundary_the_day_before_of_and_after(stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory,
                                                    folder: str) -> None:
    store = _get(stores, tmp_path_factory, folder)
    key, days = BOUNDARIES[folder]
    assert [(day, state(store, day, key)) for day, _ in days] == days
    for day, (got, _, _) in days:  # a lapse is presumed, and said to need review; no other row is
        assert row(store, day, key)["presumed"] is (got == "lapsed"), (folder, day)
    assert not [p for p in own_problems(store, days[-1][0]) if key in p], folder


FEED_ITEMS = {  # the items after the 2026 steps, each with the day it is dated (= the day a reader first sees it)
    "end_1231": (UEL, "2027-01-31", {f"{UEL}/suspension_extended/uel/2026-11-11": "2026-11-06",
                                     f"{UEL}/suspension_ends_soon/uel/2026-12-02": "2026-12-02",
                                     f"{UEL}/suspension_ends_soon/uel/2026-12-25": "2026-12-25",
                                     f"{UEL}/suspension_lapsed/uel/2027-01-01": "2027-01-01"}),
    "end_1231_continued": (UEL, "2028-01-31", {f"{UEL}/suspension_extended/uel/2026-11-11": "2026-11-06",
                                               f"{UEL}/suspension_ends_soon/uel/2026-12-02": "2026-12-02",
                                               f"{UEL}/suspension_ends_soon/uel/2026-12-25": "2026-12-25",
                                               f"{UEL}/suspension_extended/uel/2027-01-01": "2026-12-28",
                                               f"{UEL}/suspension_ends_soon/uel/2027-12-03": "2027-12-03",
                                               f"{UEL}/suspension_ends_soon/uel/2027-12-26": "2027-12-26",
                                               f"{UEL}/suspension_lapsed/uel/2028-01-02": "2028-01-02"}),
    "end_0228": (ECL, "2027-03-31", {f"{ECL}/suspension_extended/ecl/2026-11-11": "2026-11-06",
                                     f"{ECL}/suspension_ends_soon/ecl/2027-01-30": "2027-01-30",
                                     f"{ECL}/suspension_ends_soon/ecl/2027-02-22": "2027-02-22",
                                     f"{ECL}/suspension_lapsed/ecl/2027-03-01": "2027-03-01"}),
    # no 7-day countdown to 2027-02-27 (due 02-21: the extension was told on 02-20)
    "leap_counted": (UEL, "2028-03-31", {f"{UEL}/suspension_extended/uel/2026-11-11": "2026-11-06",
                                         f"{UEL}/suspension_ends_soon/uel/2027-01-29": "2027-01-29",
                                         f"{UEL}/suspension_extended/uel/2027-02-28": "2027-02-20",
                                         f"{UEL}/suspension_ends_soon/uel/2028-01-30": "2028-01-30",
                                         f"{UEL}/suspension_ends_soon/uel/2028-02-22": "2028-02-22",
                                         f"{UEL}/suspension_lapsed/uel/2028-02-29": "2028-02-29"}),
    "leap_written": (ECL, "2028-03-31", {f"{ECL}/suspension_extended/ecl/2026-11-11": "2026-11-06",
                                         f"{ECL}/suspension_ends_soon/ecl/2028-01-31": "2028-01-31",
                                         f"{ECL}/suspension_ends_soon/ecl/2028-02-23": "2028-02-23",
                                         f"{ECL}/suspension_lapsed/ecl/2028-03-01": "2028-03-01"}),
    "months": (UEL, "2028-03-31", {f"{UEL}/suspension_lapsed/uel/2026-11-11": "2026-11-11",
                                   f"{UEL}/suspended/uel/2026-11-30": "2026-11-25",
                                   f"{UEL}/suspension_ends_soon/uel/2027-01-30": "2027-01-30",
                                   f"{UEL}/suspension_ends_soon/uel/2027-02-22": "2027-02-22",
                                   f"{UEL}/suspension_lapsed/uel/2027-03-01": "2027-03-01",
                                   f"{UEL}/suspended/uel/2027-11-30": "2027-11-25",
                                   f"{UEL}/suspension_ends_soon/uel/2028-01-31": "2028-01-31",
                                   f"{UEL}/suspension_ends_soon/uel/2028-02-23": "2028-02-23",
                                   f"{UEL}/suspension_lapsed/uel/2028-03-01": "2028-03-01"}),
    # the lapse of 2026-11-11 never was, read whole: the extension is dated the day it was told
    "backdated_ecl": (ECL, "2027-11-30", {f"{ECL}/suspension_extended/ecl/2026-11-11": "2026-11-16",
                                          f"{ECL}/suspension_ends_soon/ecl/2027-10-12": "2027-10-12",
                                          f"{ECL}/suspension_ends_soon/ecl/2027-11-04": "2027-11-04",
                                          f"{ECL}/suspension_lapsed/ecl/2027-11-11": "2027-11-11"}),
    "corrected_end_later": (ECL, "2027-10-31", {f"{ECL}/suspension_extended/ecl/2026-11-11": "2026-11-05",
                                                f"{ECL}/suspension_ends_soon/ecl/2027-09-01": "2027-09-01",
                                                f"{ECL}/suspension_ends_soon/ecl/2027-09-24": "2027-09-24",
                                                f"{ECL}/suspension_lapsed/ecl/2027-10-01": "2027-10-01"}),
    # A (fixed): a 30-day countdown to the corrected end dated 05-02, before the correction (05-20) told that end
    "corrected_end_earlier": (ECL, "2027-07-31", {f"{ECL}/suspension_extended/ecl/2026-11-11": "2026-11-05",
                                                  f"{ECL}/suspension_ends_soon/ecl/2027-05-25": "2027-05-25",
                                                  f"{ECL}/suspension_lapsed/ecl/2027-06-01": "2027-06-01"}),
    "order_revoked": ("MOFCOM-ORDER-2025-6", "2026-12-31", {
        "MOFCOM-ORDER-2025-6/suspension_lapsed/countermeasure/2026-11-11": "2026-11-11",
        "MOFCOM-ORDER-2025-6/lifted/countermeasure/2026-12-10": "2026-12-01"}),
}


@pytest.mark.parametrize("folder", sorted(FEED_ITEMS))
def test_each_item_once_on_its_day(stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory, folder: str) -> None:
    store = _get(stores, tmp_path_factory, folder)
    key, day, want = FEED_ITEMS[folder]
    got = {i: d for i, d in dated(store, day, key).items() if d >= "2026-11-05"}
    assert got == want
    items = store.items(day, "all")
    assert len(items) == len({i["id"] for i in items})


# read day by day by a live store: each new item dated the day it shows, nothing gone without a correction


def test_a_backdated_extension_read_day_by_day_retracts_every_lapse_item(tmp_path: Path) -> None:
    """No. 311 (11-16) continues No. 21 from 11-11, the lapse day: the lapse item went out on 11-11; on 11-16 it has a
    "Retracted: … the suspension goes on (MOFCOM-2026-311)" correction, nothing vanishes."""
    pages = {"2026-10-01": ("b",), "2026-11-16": ("n1",)}
    days = ["2026-10-12", "2026-11-04", "2026-11-10", "2026-11-11", "2026-11-15", "2026-11-17", "2027-10-12",
            "2027-11-04", "2027-11-11"]
    seen, now = live(tmp_path, DATA / "backdated_ecl", pages, days, ECL)
    lapses = [i for i in seen if i.startswith(f"{ECL}/suspension_lapsed/ecl/2026-11-11") and "/correction/" not in i]
    assert lapses == [f"{ECL}/suspension_lapsed/ecl/2026-11-11"] and seen[lapses[0]] == "2026-11-11"
    for lapse in lapses:
        assert lapse not in now and seen[f"{lapse}/correction/1"] == "2026-11-16"
        assert now[f"{lapse}/correction/1"]["title"].endswith(": the suspension goes on (MOFCOM-2026-311)")
    assert seen[f"{ECL}/suspension_extended/ecl/2026-11-11"] == "2026-11-16"
    assert (seen[f"{ECL}/suspension_ends_soon/ecl/2027-10-12"], seen[f"{ECL}/suspension_ends_soon/ecl/2027-11-04"],
            seen[f"{ECL}/suspension_lapsed/ecl/2027-11-11"]) == ("2027-10-12", "2027-11-04", "2027-11-11")


def test_an_end_corrected_earlier_read_day_by_day(tmp_path: Path) -> None:
    """A (fixed): No. 310 "至2027年6月30日", corrected on 2027-05-20 to 5月31日. The store published on 05-20 "Suspension ends
    in 30 days … until 2027-05-31" dated 05-02 (a countdown no one could have sent that day, 12 days left): now the
    extension item is corrected on 05-20 (naming No. 40, not "a new version of the parser"), the 7-day countdown comes on
    05-25 and the lapse on 06-01, nothing back-dated."""
    pages = {"2026-10-01": ("b",), "2026-11-05": ("c1",), "2027-05-20": ("c2",)}
    days = ["2026-10-12", "2026-11-04", "2026-11-11", "2027-05-01", "2027-05-02", "2027-05-19", "2027-05-21", "2027-05-25", "2027-05-31", "2027-06-01",
            "2027-06-02"]
    seen, now = live(tmp_path, DATA / "corrected_end_earlier", pages, days, ECL)
    ours = {i: d for i, d in seen.items() if i.startswith(f"{ECL}/") and i.count("/") == 3 and d >= "2026-11-05"}
    assert ours == {f"{ECL}/suspension_extended/ecl/2026-11-11": "2026-11-05",
                    f"{ECL}/suspension_ends_soon/ecl/2027-05-25": "2027-05-25",
                    f"{ECL}/suspension_lapsed/ecl/2027-06-01": "2027-06-01"}
    fixed = now[f"{ECL}/suspension_extended/ecl/2026-11-11/correction/1"]
    assert seen[f"{ECL}/suspension_extended/ecl/2026-11-11/correction/1"] == "2027-05-20"
    assert fixed["title"].endswith("until 2027-05-31 inclusive")
    # A (fixed): the correction said "a new version of the parser or of the lifecycle engine read the stored pages
    # again" and cited No. 310 and No. 21 alone; the end's items now cite No. 40, which moved it
    assert "MOFCOM-2027-40, read after it" in fixed["content_html"] and "new version" not in fixed["content_html"]
    for iid in (f"{ECL}/suspension_ends_soon/ecl/2027-05-25", f"{ECL}/suspension_lapsed/ecl/2027-06-01"):
        assert "The end is as MOFCOM-2027-40 (商务部公告2027年第40号) corrected it." in now[iid]["content_html"]


def test_a_year_end_crossed_day_by_day(tmp_path: Path) -> None:
    """UEL 〔2026〕30号 "至2026年12月31日"; the answer of 12-28 "自2027年1月1日起，继续暂停…1年": no lapse on New Year's day,
    the countdowns of 12-02 and 12-25 stand (they were true), and the next ones count to 2028-01-02."""
    pages = {"2026-10-01": ("b",), "2026-11-06": ("e1",), "2026-12-28": ("e2",)}
    days = ["2026-10-12", "2026-11-04", "2026-12-01", "2026-12-02", "2026-12-25", "2026-12-31", "2027-01-01", "2027-12-03", "2027-12-26", "2028-01-01",
            "2028-01-02"]
    seen, now = live(tmp_path, DATA / "end_1231_continued", pages, days, UEL)
    assert f"{UEL}/suspension_lapsed/uel/2027-01-01" not in seen
    assert not [i for i in now if i.startswith(UEL) and "/correction/" in i]
    assert (seen[f"{UEL}/suspension_ends_soon/uel/2026-12-25"], seen[f"{UEL}/suspension_extended/uel/2027-01-01"],
            seen[f"{UEL}/suspension_ends_soon/uel/2027-12-26"], seen[f"{UEL}/suspension_lapsed/uel/2028-01-02"]) == (
        "2026-12-25", "2026-12-28", "2027-12-26", "2028-01-02")


# one officer's view of one company


def _states(store: Store, name: str, day: str) -> dict[str, tuple[Any, ...]]:
    """Per notice, (state, since, until) of the one entity ``timeline NAME`` finds as of ``day``."""
    found = store.timeline(name, day)
    assert len(found["keys"]) == 1, found["keys"]
    return {e["notice_key"]: (e["state"]["state"], e["state"]["since"], e["state"].get("until"))
            for e in found["listings"]}


def test_listed_by_mofcom_then_by_the_mfa_under_other_names(stores: dict[str, Store],
                                                            tmp_path_factory: pytest.TempPathFactory) -> None:
    """Sierra Nevada: ECL No. 21 "内华达山脉公司（Sierra Nevada Corporation）" (lapsed 2026-11-11), then MFA order 70 (12-01)
    "内华达山脉集团（Sierra Nevada Corp.）": one entity, both listings, whichever of its four names is asked for; its feed
    holds both lists' items."""
    store = _get(stores, tmp_path_factory, "mofcom_then_mfa")
    assert _states(store, "Sierra Nevada Corporation", "2026-11-30") == {ECL: ("lapsed", "2026-11-11", None)}
    both = {ECL: ("lapsed", "2026-11-11", None), "MFA-ORDER-2026-70": ("in_force", "2026-12-01", None)}
    for name in ("Sierra Nevada Corporation", "Sierra Nevada Corp.", "内华达山脉公司", "内华达山脉集团"):
        assert _states(store, name, "2026-12-01") == both, name
    got = {i["id"][len(TAG):] for i in store.items("2026-12-05", "entity/sierranevada")}
    assert {f"{ECL}/suspension_lapsed/ecl/2026-11-11/sierranevada",
            "MFA-ORDER-2026-70/imposed/countermeasure/2026-12-01/sierranevada"} <= got


def test_one_company_restored_on_one_list_kept_suspended_on_the_other(stores: dict[str, Store],
                                                                      tmp_path_factory: pytest.TempPathFactory) -> None:
    """Aurora Defense Systems on ECL 2026 No. 280 and UEL 〔2026〕20号, both suspended a year from 11-01; UEL 〔2026〕35号
    (12-01) restores the UEL listing from 12-05: on 12-05 in force on the UEL, still suspended on the ECL."""
    store = _get(stores, tmp_path_factory, "two_lists_one_restored")
    name = "Aurora Defense Systems, Inc."
    assert _states(store, name, "2026-12-04") == {"MOFCOM-2026-280": ("suspended", "2026-11-01", "2027-11-01"),
                                                  "UEL-2026-20": ("suspended", "2026-11-01", "2027-11-01")}
    assert _states(store, name, "2026-12-05") == {"MOFCOM-2026-280": ("suspended", "2026-11-01", "2027-11-01"),
                                                  "UEL-2026-20": ("in_force", "2026-12-05", None)}
    got = {i["id"][len(TAG):]: i["title"] for i in store.items("2026-12-05", "entity/auroradefensesystems")}
    assert got["UEL-2026-20/restored/uel/2026-12-05/auroradefensesystems"].startswith("Restored: Aurora Defense Systems")
    assert not [i for i in got if i.startswith("MOFCOM-2026-280/") and ("restored" in i or "lapsed" in i)]


@pytest.mark.parametrize(("folder", "name", "days"), [
    ("mofcom_then_mfa", "Sierra Nevada Corporation", ("2026-11-10", "2026-11-11", "2026-12-01")),
    ("two_lists_one_restored", "Blue Ridge Drones LLC", ("2026-12-04", "2026-12-05")),
    ("order_revoked", "Hanwha Philly Shipyard Inc.", ("2026-11-10", "2026-11-11", "2026-12-09", "2026-12-10")),
    ("corrected_end_earlier", "Cubic Corporation", ("2027-05-19", "2027-05-20", "2027-06-01")),
    ("leap_counted", "Skydio Inc.", ("2028-02-28", "2028-02-29")),
    ("backdated_ecl", "TCOM, Limited Partnership", ("2026-11-15", "2026-11-16")),
])
def test_evidence_agrees_with_timeline_and_status(stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory,
                                                  tmp_path: Path, folder: str, name: str, days: tuple[str, ...]) -> None:
    store = _get(stores, tmp_path_factory, folder)
    for day in days:
        pack, packed = packed_timeline(store, name, day, tmp_path)
        said = {e["notice_key"]: e["state"] for e in store.timeline(name, day)["listings"]}
        assert {e["notice_key"]: e["state"] for e in packed["listings"]} == said, (name, day)
        for key, st in said.items():  # the notice's status row says the same state and days
            assert (st["state"], st["since"]) == state(store, day, key)[:2], (name, day, key)
        assert invoke(store.db, "evidence", "--verify", str(pack), env=store.env).exit_code == 0


def test_a_watchlist_of_ten_across_these_stories(tmp_path: Path) -> None:
    """One store of end_1231, mofcom_then_mfa, two_lists_one_restored and order_revoked (their pages do not cross), ten
    counterparties watched (one on no list): the watchlist feed holds items of exactly the nine listed, each list's."""
    pages = pooled(tmp_path, DATA, ("end_1231", "mofcom_then_mfa", "two_lists_one_restored", "order_revoked"))
    store = replayed(tmp_path, pages, FETCHED, today=TODAY)
    names = ("Sierra Nevada Corp.", "Northrop Grumman Systems Corporation", "Aurora Defense Systems, Inc.",
             "Blue Ridge Drones LLC", "Hanwha Philly Shipyard Inc.", "Skydio Inc.", "Insitu, Inc.", "Cubic Corporation",
             "Edge Autonomy Operations LLC", "Acme Quantum Widgets LLC")
    items = watchlist_items(store, names, "2027-01-05", tmp_path)
    assert {i["id"][len(TAG):].split("/")[4] for i in items} == {
        "sierranevada", "northropgrummansystems", "auroradefensesystems", "blueridgedrones", "hanwhaphillyshipyard",
        "skydio", "insitu", "cubic", "edgeautonomyoperations"}
    got = {i["id"][len(TAG):] for i in items}
    assert {"MFA-ORDER-2026-70/imposed/countermeasure/2026-12-01/sierranevada",
            f"{ECL}/suspension_lapsed/ecl/2026-11-11/sierranevada",
            "UEL-2026-20/restored/uel/2026-12-05/auroradefensesystems",
            "MOFCOM-2026-280/suspended/ecl/2026-11-01/blueridgedrones",
            "MOFCOM-ORDER-2025-6/lifted/countermeasure/2026-12-10/hanwhaphillyshipyard",
            f"{UEL}/suspension_lapsed/uel/2027-01-01/skydio", f"{UEL}/suspension_ends_soon/uel/2026-12-25/insitu",
            f"{MFA}/imposed/countermeasure/2024-10-10/edgeautonomyoperations"} <= got
    assert len(items) == len(got)


def test_one_step_by_two_decrees_gives_two_titles(tmp_path: Path) -> None:
    """story43's B: 商务部令2026年第10号 and 商务部公告2026年第308号 (11-20) both restore order 2025 No. 6 from 12-01: two items
    (``builder._own_id``), which had one title; the second's title now names its decree and the first's."""
    store = replayed(tmp_path, REPO / "tests" / "data" / "stories43" / "two_numbers", FETCHED, today="2027-01-31")
    titles = item_titles(store, "2026-12-05", "MOFCOM-ORDER-2025-6")
    first = titles["MOFCOM-ORDER-2025-6/restored/countermeasure/2026-12-01"]
    second = titles["MOFCOM-ORDER-2025-6/restored/countermeasure/2026-12-01/by/MOFCOM-ORDER-2026-10"]
    assert second == f"{first} (MOFCOM-ORDER-2026-10, as MOFCOM-2026-308 said)"
    one = "MOFCOM-ORDER-2025-6/restored/countermeasure/2026-12-01/hanwhaphillyshipyard"
    titles = item_titles(store, "2026-12-05", "MOFCOM-ORDER-2025-6", "entity/hanwhaphillyshipyard")
    assert titles[f"{one}/by/MOFCOM-ORDER-2026-10"] == f"{titles[one]} (MOFCOM-ORDER-2026-10, as MOFCOM-2026-308 said)"
