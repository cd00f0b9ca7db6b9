"""A restore at the end of a suspension whose own start says "自本公告发布之日起" (review46, session 43), replayed with the real
``replay`` into a real SQLite file: the real ECL 2025 No. 21, then a notice of 2026-12-03 "…自本公告发布之日起，暂停实施…相关措施
至2027年12月9日，期满后自动恢复实施". lapse43's ``rules.steps.restored_at_lapse`` kept the restore on the end for any 之日 in
the clause: "Restored" from 2027-12-09, in force on 12-09 while the suspension's items said "until 2027-12-09 inclusive".
Now back from 12-10, the day the suspension lapses, as without the start's words."""

from __future__ import annotations

import pytest

from tests.mofcom_watch.stories import REPO, TAG, Store, replayed, row

DATA = REPO / "tests" / "data" / "stories-review46"
ECL = "MOFCOM-2025-21"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return replayed(tmp_path_factory.mktemp("published_day"), DATA / "published_day", "2026-12-04T00:00:00+00:00",
                    today="2028-01-31")


def test_a_suspension_from_its_publication_day_is_restored_the_day_after_its_last_day(store: Store) -> None:
    last = row(store, "2027-12-09", ECL)
    assert (last["state"], last["until"], last["lapses_on"]) == ("suspended", "2027-12-09", "2027-12-10")
    back = row(store, "2027-12-10", ECL)
    assert (back["state"], back["since"], back["presumed"]) == ("in_force", "2027-12-10", False)
    titles = {i["id"][len(TAG):]: i["title"] for i in store.items("2027-12-20")
              if i["id"].startswith(f"{TAG}{ECL}/") and i["id"].count("/") == 3}
    assert "until 2027-12-09 inclusive" in titles[f"{ECL}/suspended/ecl/2026-12-03"], sorted(titles)
    assert f"{ECL}/restored/ecl/2027-12-10" in titles, sorted(titles)
    assert not [i for i in titles if i.endswith("/2027-12-09")], sorted(titles)  # nothing on its last day


# --- a suspension end a correction notice corrects, with the notice's restore at that end (review46) --------------------
# No. 250 "…继续暂停实施…，暂停期限至2027年11月20日，期满后自动恢复实施" (its restore read on 11-21), then No. 256 "“暂停期限至
# 2027年11月20日”有误，现更正为“暂停期限至2028年5月20日”" (or "…2027年5月20日"). corrections._until_corrections moved the
# suspension's end and left the restore: "Restored" on 2027-11-21 inside the corrected suspension (in force from then while
# the items said "until 2028-05-20 inclusive"), or after the corrected end's lapse (a second change six months late).
NO_250 = "MOFCOM-2026-250"


@pytest.fixture(scope="module")
def later(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return replayed(tmp_path_factory.mktemp("later"), DATA / "corrected_later", "2026-11-28T00:00:00+00:00",
                    today="2028-07-01")


@pytest.fixture(scope="module")
def earlier(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return replayed(tmp_path_factory.mktemp("earlier"), DATA / "corrected_earlier", "2026-11-28T00:00:00+00:00",
                    today="2028-07-01")


def _restored(store: Store) -> list[str]:
    return sorted(i["id"].rsplit("/", 1)[1] for i in store.items("2028-06-30")
                  if i["id"].startswith(f"{TAG}{ECL}/restored/ecl/"))


def test_a_restore_at_an_end_corrected_later_moves_with_it(later: Store) -> None:
    inside = row(later, "2027-12-01", ECL)
    assert (inside["state"], inside["until"], inside["lapses_on"]) == ("suspended", "2028-05-20", "2028-05-21")
    back = row(later, "2028-05-21", ECL)
    assert (back["state"], back["since"], back["presumed"]) == ("in_force", "2028-05-21", False)
    assert _restored(later) == ["2028-05-21"]


def test_a_restore_at_an_end_corrected_earlier_moves_with_it(earlier: Store) -> None:
    back = row(earlier, "2027-05-21", ECL)
    assert (back["state"], back["since"], back["presumed"]) == ("in_force", "2027-05-21", False)
    assert row(earlier, "2027-12-01", ECL)["since"] == "2027-05-21"
    assert _restored(earlier) == ["2027-05-21"]
