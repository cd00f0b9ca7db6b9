"""review47's B (session 43), decided by story45 (session 44): the "Clarified" note on a lapse item (``events._carried_on``,
the lead's decision of session 43) came only to a store that synced between the lapse and the extension told after it; a
store made from the same pages at once had none. Decided: both give it (it tells the lapse item's readers what came after
it, and the same pages give the same items in any order of syncs); one told by the lapse day gives it in neither. Real
pages replayed by a real ``replay`` into real SQLite files, day by day (``stories.live``) and at once."""

from __future__ import annotations

from pathlib import Path

from tests.mofcom_watch.stories import REPO, TAG, live, replayed

ECL = "MOFCOM-2025-21"
OLD_COUNTDOWNS = ["2026-10-12", "2026-11-04"]  # the 2025 suspensions' (to 2026-11-10), read on their days


LAPSE72 = REPO / "tests" / "data" / "stories43" / "lapse72_late"
N46 = "MOFCOM-2024-46"


def test_a_store_made_at_once_clarifies_the_lapse_as_a_live_one(tmp_path: Path) -> None:
    pages = {"2026-10-01": ("b", "k1", "k2"), "2026-12-03": ("k3",)}
    _, now = live(tmp_path / "live", LAPSE72, pages, ["2026-10-29", "2026-11-21", "2026-11-28", "2026-12-04"], N46)
    (tmp_path / "once").mkdir()
    store = replayed(tmp_path / "once", LAPSE72, "2026-12-03T10:00:00+00:00", today="2026-12-04")
    once = {i["id"][len(TAG):]: i for i in store.items("2026-12-04")}
    lapse = f"{N46}/suspension_lapsed/items/2026-11-28"
    assert once[f"{lapse}/correction/1"]["title"] == now[f"{lapse}/correction/1"]["title"]
    assert once[f"{lapse}/correction/1"]["title"].startswith("Clarified: ")
    assert once[f"{lapse}/correction/1"]["date_published"][:10] == "2026-12-03"
    assert {i for i in once if i.startswith(N46)} == {i for i in now if i.startswith(N46)}


def test_a_continuation_told_before_the_lapse_day_clarifies_nothing(tmp_path: Path) -> None:
    """"自2026年11月20日起，继续暂停…1年" told on 11-06: the lapse of 11-11 to 11-19 was told with it; no "Clarified", at once
    or day by day."""
    folder = REPO / "tests" / "data" / "stories45" / "gap_told_before_lapse"
    _, now = live(tmp_path / "live", folder, {"2026-10-01": ("b",), "2026-11-06": ("g1",)},
                  [*OLD_COUNTDOWNS, "2026-11-11", "2026-11-20"], ECL)
    (tmp_path / "once").mkdir()
    store = replayed(tmp_path / "once", folder, "2026-11-06T10:00:00+00:00", today="2026-11-20")
    once = {i["id"][len(TAG):] for i in store.items("2026-11-20")}
    assert f"{ECL}/suspension_lapsed/ecl/2026-11-11" in once and f"{ECL}/suspension_lapsed/ecl/2026-11-11" in now
    assert not [i for i in (*once, *now) if i.startswith(ECL) and "/correction/" in i]
