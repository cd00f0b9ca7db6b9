"""What comes after the 2026-11-10 lapse (engine24's blind stories, session 24): replayed with the real ``replay`` (one
real process) into a real SQLite file from tests/data/stories24/after_lapse/, read back with ``status``, ``timeline``
and ``feeds``. Expectations were written before the engine was read (/work/s24/engine24-cases/EXPECTED.md); each
difference is judged in /work/s24/engine24-table.md. The base chains are the real texts of No. 21's and UEL 7号's
suspensions (or the corpus's pages of the real steps); the rest is composed with fictional US companies.
``MOFCOM_WATCH_TODAY`` is pinned to 2028-01-31.

X01 a numbered notice (No. 210, 2026-11-24) restores (恢复执行) the measures of No. 88 from 12-01 after its lapse.
X02 a Q&A of 2026-11-13 continues No. 21's suspension "自2026年11月10日起…1年", backdated to the lapse: lapsed as known
    until 11-12, then suspended from 11-10 (a build from scratch has no lapse item for 2026-11-10).
X03 a Q&A of 2026-11-16 extends UEL 〔2025〕15号's suspension "至2027年11月10日" with no start: the gap stays lapsed.
X04 a Q&A saying No. 89's suspension "不再延长": No. 89 back in force from its end day, not presumed (before parse24 the
    Q&A was refused as cut-short, an unusable-page health issue, and No. 89 showed lapsed, presumed).
X05 Skydio removed from the ECL (No. 40) on the day its UEL 7号 suspension lapses: removed on the one, lapsed on the other.
X06 the 2024 No. 46 clause-2 suspension lapses on 2026-11-27.
P7  "暂停期限延长1年" published after the lapse: from its day to the old end + 1 year.
P10 one of No. 121's two removed after the lapse, then the suspension continued backdated to the lapse day.
P11 a Q&A restoring 2 named entities of UEL 〔2025〕16号's 3 and continuing the third's suspension 1 year: the 2 restored,
    the third suspended to the old end + 1 year (before parse24 the names were not read and the continuation not at all:
    held as unresolved by storage/lifecycle/counted.py, and before that all 3 restored).
"""

from __future__ import annotations

import pytest

from tests.mofcom_watch.stories import REPO, TAG, Store, ids, item_ids_of, replayed, row, state

PAGES = REPO / "tests" / "data" / "stories24" / "after_lapse"
TODAY = "2026-12-03"
FINAL = "2027-12-31"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return replayed(tmp_path_factory.mktemp("after_lapse"), PAGES, "2028-01-15T00:00:00+00:00", today="2028-01-31")


def test_x01_a_numbered_notice_restores_a_lapsed_notice_from_a_later_day(store: Store) -> None:
    key = "MOFCOM-2025-88"
    assert state(store, "2026-11-11", key) == ("lapsed", "2026-11-11", None)
    got = row(store, "2026-11-24", key)
    assert (got["state"], got["presumed"], got["next_state"], got["next_from"]) == ("lapsed", True, "in_force", "2026-12-01")
    assert state(store, TODAY, key) == ("in_force", "2026-12-01", None) and row(store, TODAY, key)["presumed"] is False
    assert {f"{key}/suspension_lapsed/ecl/2026-11-11", f"{key}/restored/ecl/2026-12-01"} <= item_ids_of(store, TODAY, key)


def test_x02_a_continuation_backdated_to_the_lapse_day(store: Store) -> None:
    key = "MOFCOM-2025-21"
    assert state(store, "2026-11-12", key) == ("lapsed", "2026-11-11", None)
    assert f"{key}/suspension_lapsed/ecl/2026-11-11" in item_ids_of(store, "2026-11-11", key)
    assert state(store, "2026-11-13", key) == ("suspended", "2026-11-10", "2027-11-10")
    now = item_ids_of(store, TODAY, key)
    assert f"{key}/suspension_extended/ecl/2026-11-10" in now and f"{key}/suspension_lapsed/ecl/2026-11-11" not in now
    assert state(store, FINAL, key) == ("lapsed", "2027-11-11", None)  # through 2027-11-10 (lapse43)


def test_x03_p7_extensions_published_after_the_lapse_run_from_their_own_day(store: Store) -> None:
    assert state(store, "2026-11-15", "UEL-2025-15") == ("lapsed", "2026-11-11", None)
    assert state(store, TODAY, "UEL-2025-15") == ("suspended", "2026-11-16", "2027-11-10")
    assert {"UEL-2025-15/suspension_lapsed/uel/2026-11-11", "UEL-2025-15/suspension_extended/uel/2026-11-16"} <= (
        item_ids_of(store, TODAY, "UEL-2025-15"))
    assert state(store, TODAY, "MOFCOM-2025-120") == ("suspended", "2026-11-18", "2027-11-10")  # the old end + 1 year


def test_x04_buzai_yanchang_restores_from_the_end_day(store: Store) -> None:
    # "该暂停期限将于2026年11月10日届满，中方决定不再延长。自2026年11月10日起，出口经营者应当严格执行…": the answer names 11-10 as
    # the first day of the measures, kept over the lapse the day after the end (lapse43's rule; the lead's 5afd2479)
    assert state(store, TODAY, "MOFCOM-2025-89") == ("in_force", "2026-11-10", None)
    assert row(store, TODAY, "MOFCOM-2025-89")["presumed"] is False
    health = store.items(TODAY, "source-health")
    assert not any("x04-qa-2026-11-06-ecl-buzai-yanchang" in i["title"] + i.get("content_html", "") for i in health), (
        [i["title"] for i in health])


def test_x05_removed_from_one_list_the_day_its_suspension_on_the_other_lapses(store: Store) -> None:
    assert state(store, TODAY, "UEL-2025-7") == ("lapsed", "2026-11-11", None)
    assert len(row(store, TODAY, "UEL-2025-7")["entity_keys"]) == 11
    assert state(store, TODAY, "MOFCOM-2026-40", "skydio") == ("removed", "2026-11-10", None)
    assert state(store, TODAY, "MOFCOM-2026-40", "proteusaviation") == ("in_force", "2026-03-16", None)
    skydio = ids(store.items(TODAY, "entity/skydio"))
    assert {f"{TAG}MOFCOM-2026-40/removed/ecl/2026-11-10/skydio", f"{TAG}UEL-2025-7/suspension_lapsed/uel/2026-11-11/skydio"} <= skydio
    assert not [i for i in skydio if "/removed/uel/" in i or "/suspension_lapsed/ecl/" in i]
    found = store.timeline("Skydio, Inc.", TODAY)
    assert {(e["notice_key"], e["state"]["state"]) for e in found["listings"]} == {
        ("UEL-2025-7", "lapsed"), ("MOFCOM-2026-40", "removed")}


def test_x06_the_2024_46_clause_2_suspension_lapses_after_11_27(store: Store) -> None:
    """"至2026年11月27日" includes 11-27 (the lead's decision on story36's C1): suspended on it, lapsed from 11-28."""
    key = "MOFCOM-2024-46"
    assert state(store, "2026-11-27", key) == ("suspended", "2025-11-09", "2026-11-27")
    got = row(store, TODAY, key)
    assert (got["state"], got["since"], got["presumed"], got["scope"]) == ("lapsed", "2026-11-28", True, "clause 2")
    assert {f"{key}/suspension_lapsed/items/2026-11-28", f"{key}/suspension_ends_soon/items/2026-10-29",
            f"{key}/suspension_ends_soon/items/2026-11-21"} <= item_ids_of(store, TODAY, key)


def test_p10_p11_after_the_lapse_a_removal_stays_and_a_restore_of_two_named_reaches_them(store: Store) -> None:
    assert state(store, TODAY, "MOFCOM-2025-121", "nereidoptics") == ("removed", "2026-11-12", None)
    assert state(store, TODAY, "MOFCOM-2025-121", "naiaddynamics") == ("suspended", "2026-11-10", "2027-11-10")
    assert state(store, TODAY, "UEL-2025-16", "mimastechnologies") == ("in_force", "2026-11-20", None)
    assert state(store, TODAY, "UEL-2025-16", "enceladusspace") == ("in_force", "2026-11-20", None)
    assert state(store, TODAY, "UEL-2025-16", "tethysradar") == ("suspended", "2026-11-20", "2027-11-10")
    problems = store.status(TODAY)["__problems__"]
    ours = ("MOFCOM-2025-88", "MOFCOM-2025-21", "UEL-2025-15", "MOFCOM-2025-120", "MOFCOM-2025-121", "UEL-2025-7 ",
            "MOFCOM-2026-40", "MOFCOM-2024-46", "UEL-2025-16", "QA-2026-11-20")
    assert [p for p in problems if any(k in p for k in ours)] == []
