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

