"""One convention for a suspension's last day, counted or written (session 42, lapse43: the lead's decision): every end is
the period's last day, included, and the suspension lapses the day after, "1年" from 2026-12-10 (through 2027-12-10) as
"至2027年12月9日" (through 12-09). Replayed with the real ``replay`` (one process) into a real SQLite file: the real ECL
2025 No. 21 and its 2025 answers (``tests/data/stories-lapse42``), then the pages of lapse42's open cases
(``/work/s42/lapse42-cases``).

- cross_notice (lapse42's open A): an answer of 2026-12-03 suspends No. 21 "至2027年12月9日" and announces no restore; an
  answer of 2027-11-20 says "…暂停期限将于2027年12月9日届满，届满后不再延长". Was: "Restored" from 2027-12-09, in force on
  12-09 while the suspension's items said "until 2027-12-09 inclusive". Now back from 12-10, the day the suspension lapses.
- counted_next_day (lapse42's B): "…暂停实施…1年，期满后不再延长，自届满次日起恢复实施" from 2026-12-10. Was: "Suspension
  lapsed … presumed back in force" on 2027-12-10, then "Restored" on 12-11 (the text's day). Now both say 12-11: no lapse.
- The 2025-11-05 answer's "1年" from 2025-11-10 lapses on 2026-11-11, as No. 70's "至2026年11月10日" (was 11-10)."""

from __future__ import annotations

import pytest

from tests.mofcom_watch.stories import REPO, TAG, Store, replayed, row

DATA = REPO / "tests" / "data" / "stories-lapse43"
ECL = "MOFCOM-2025-21"


@pytest.fixture(scope="module")
def cross(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return replayed(tmp_path_factory.mktemp("cross"), DATA / "cross_notice", "2027-11-21T00:00:00+00:00",
                    today="2028-01-31")


@pytest.fixture(scope="module")
def counted(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return replayed(tmp_path_factory.mktemp("counted"), DATA / "counted_next_day", "2026-12-04T00:00:00+00:00",
                    today="2028-01-31")


def _ids(store: Store, day: str) -> dict[str, str]:
    return {i["id"][len(TAG):]: i["title"] for i in store.items(day)
            if i["id"].startswith(f"{TAG}{ECL}/") and i["id"].count("/") == 3}  # the notice's items, not each entity's


def test_a_restore_told_by_another_notice_is_back_the_day_after_the_last_day(cross: Store) -> None:
    last = row(cross, "2027-12-09", ECL)
    assert (last["state"], last["until"], last["lapses_on"]) == ("suspended", "2027-12-09", "2027-12-10")
    assert (last["next_state"], last["next_from"]) == ("in_force", "2027-12-10")
    back = row(cross, "2027-12-10", ECL)
    assert (back["state"], back["since"], back["presumed"]) == ("in_force", "2027-12-10", False)
    titles = _ids(cross, "2027-12-20")
    assert "until 2027-12-09 inclusive" in titles[f"{ECL}/suspended/ecl/2026-12-10"]
    assert f"{ECL}/restored/ecl/2027-12-10" in titles, sorted(titles)
    assert not [i for i in titles if i.endswith("/2027-12-09")], sorted(titles)  # nothing on its last day
    assert not [i for i in titles if "/suspension_lapsed/ecl/2027-" in i], sorted(titles)  # restored, not presumed


def test_a_counted_year_restored_from_the_day_after_its_end_lapses_that_day_too(counted: Store) -> None:
    last = row(counted, "2027-12-10", ECL)
    assert (last["state"], last["until"], last["lapses_on"]) == ("suspended", "2027-12-10", "2027-12-11")
    back = row(counted, "2027-12-11", ECL)
    assert (back["state"], back["since"], back["presumed"]) == ("in_force", "2027-12-11", False)
    titles = _ids(counted, "2027-12-20")
    assert "until 2027-12-10 inclusive" in titles[f"{ECL}/suspended/ecl/2026-12-10"]
    assert f"{ECL}/restored/ecl/2027-12-11" in titles, sorted(titles)
    assert not [i for i in titles if "/suspension_lapsed/ecl/2027-" in i], sorted(titles)  # no presumed lapse


def test_the_answer_s_year_from_2025_11_10_lapses_on_11_11(counted: Store) -> None:
    last = row(counted, "2026-11-10", ECL)
    assert (last["state"], last["until"], last["lapses_on"]) == ("suspended", "2026-11-10", "2026-11-11")
    lapsed = row(counted, "2026-11-11", ECL)
    assert (lapsed["state"], lapsed["since"], lapsed["presumed"]) == ("lapsed", "2026-11-11", True)
    titles = _ids(counted, "2026-11-30")
    assert "from 2026-11-11" in titles[f"{ECL}/suspension_lapsed/ecl/2026-11-11"]
    assert sorted(i.rsplit("/", 1)[1] for i in titles if "/suspension_ends_soon/" in i and "/2026-" in i) == [
        "2026-10-12", "2026-11-04"]
