"""One company on three lists, a restore of two named entities with the others lifted, and a removal by the names a
correction gave (session 28, story28's blind stories S2 and S3, /work/s28/story28-cases): replayed with the real
``replay`` (one real process) into a real SQLite file from tests/data/stories28/lists_and_names/, read back with
``status``, ``timeline`` and from the file's event table.

S2 Skydio on MFA Order No. 13 (2024-10-10), ECL 2025 No. 13 (lifted 2025-11-10 by the Q&A of 11-05) and UEL〔2025〕7号
   (suspended 2025-05-14, continued 08-12 and 11-10); UEL〔2026〕11号 (published 11-09): "自2026年11月10日起：一、对斯凯迪奥
   公司…、英斯图公司…恢复实施…相关措施；二、停止实施对该公告所列其余9家实体的相关措施". Read right before this session; pinned.
S3 ECL 2026 No. 70 (3 invented US entities), No. 75 corrects entry 2 to "北极星光电公司（Polaris Optical LLC）", No. 90
   renames Blue Ridge Dynamics ("名称变更为": refused for a person to read until session 36, read since), No. 120 removes "北极星光电公司（Polaris
   Optical LLC）", No. 130 "蓝岭防务公司（Blue Ridge Defense, Inc.）". Before: No. 120's entity (key polarisoptical, the
   listing's polarisoptics) was "not on MOFCOM-2026-70", Polaris left in force; the Chinese name alone found it.
"""

from __future__ import annotations

import sqlite3
from collections import Counter

import pytest

from tests.mofcom_watch.stories import REPO, Store, listings, replayed, row, state

PAGES = REPO / "tests" / "data" / "stories28" / "lists_and_names"
DAY = "2026-11-20"
RESTORED = ("insitu", "skydio")
LIFTED = ("brincdrones", "domotacticalcommunications", "firestormlabs", "havocai", "kratosunmannedaerialsystems",
          "nerostechnologies", "rapidflight", "redsixsolutions", "synexxus")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return replayed(tmp_path_factory.mktemp("lists_and_names"), PAGES, "2026-11-11T00:00:00+00:00")


def _items(store: Store, key: str, day: str) -> list[tuple[str, str | None, str]]:
    """(kind, entity key, source key) of the live state items of ``key``'s listing dated ``day``, from the store's file."""
    con = sqlite3.connect(store.db.removeprefix("sqlite:///"))
    try:
        return con.execute("SELECT kind, entity_key, source_key FROM event WHERE notice_key = ? AND effective = ? "
                           "AND NOT retracted AND corrects IS NULL AND kind != 'notice'", (key, day)).fetchall()
    finally:
        con.close()


def test_s2_skydio_has_each_list_its_own_fate(store: Store) -> None:
    assert listings(store, "Skydio", DAY) == {"MFA-ORDER-2024-13": ("in_force", "2024-10-10"),
                                              "MOFCOM-2025-13": ("lifted", "2025-11-10"),
                                              "UEL-2025-7": ("in_force", "2026-11-10")}


def test_s2_two_restored_the_other_nine_lifted_one_item_each(store: Store) -> None:
    key = "UEL-2025-7"
    for ent in RESTORED:
        assert state(store, DAY, key, ent) == ("in_force", "2026-11-10", None)
    for ent in LIFTED:
        assert state(store, DAY, key, ent) == ("lifted", "2026-11-10", None)
    assert row(store, DAY, key, "skydio")["by"] == "UEL-2026-11"
    got = _items(store, key, "2026-11-10")
    per = Counter(ent for _, ent, _ in got if ent)
    assert set(per) == {*RESTORED, *LIFTED} and set(per.values()) == {1}
    assert {(kind, ent) for kind, ent, _ in got if ent} == {("restored", e) for e in RESTORED} | {
        ("lifted", e) for e in LIFTED}
    assert {src for *_, src in got} == {"UEL-2026-11"}  # no lapse on the day the next step takes effect
    # the day before, the suspension runs and the steps to come are announced, each for its own entities
    before = {tuple(sorted(r["entity_keys"])): (r["state"], r["until"], r.get("next_state"), r.get("next_from"))
              for r in store.status("2026-11-09")[key]}
    assert before == {RESTORED: ("suspended", "2026-11-10", "in_force", "2026-11-10"),
                      LIFTED: ("suspended", "2026-11-10", "lifted", "2026-11-10")}
    assert [p for p in store.status(DAY)["__problems__"] if "UEL-2025-7" in p or "UEL-2026-11" in p] == []


def test_s3_a_removal_by_the_corrected_names_removes_the_entity(store: Store) -> None:
    key = "MOFCOM-2026-70"
    assert state(store, DAY, key, "polarisoptics") == ("removed", "2026-09-01", None)
    assert row(store, DAY, key, "polarisoptics")["by"] == "MOFCOM-2026-120"
    assert state(store, DAY, key, "harborsystems") == ("in_force", "2026-03-10", None)
    assert [(kind, ent) for kind, ent, _ in _items(store, key, "2026-09-01")] in (
        [("removed", None), ("removed", "polarisoptics")], [("removed", "polarisoptics"), ("removed", None)])
    assert [p for p in store.status(DAY)["__problems__"] if "MOFCOM-2026-120" in p] == []


def test_s3_a_removal_by_the_new_name_of_a_renamed_entity_removes_it(store: Store) -> None:
    """No. 90 renames Blue Ridge Dynamics ("名称变更为"), read since session 36 (rename36; before, refused for a person to
    read, and No. 130's "蓝岭防务公司" then no name of the listing: unresolved, loud). The entity keeps its key; No. 90's one
    "Renamed" item on its feed; No. 130 removes it by the new name."""
    assert state(store, DAY, "MOFCOM-2026-70", "blueridgedynamics") == ("removed", "2026-10-09", None)
    assert row(store, DAY, "MOFCOM-2026-70", "blueridgedynamics")["by"] == "MOFCOM-2026-130"
    assert _items(store, "MOFCOM-2026-70", "2026-06-15") in (
        [("renamed", None, "MOFCOM-2026-90"), ("renamed", "blueridgedynamics", "MOFCOM-2026-90")],
        [("renamed", "blueridgedynamics", "MOFCOM-2026-90"), ("renamed", None, "MOFCOM-2026-90")])
    assert [p for p in store.status(DAY)["__problems__"] if "MOFCOM-2026-90" in p or "MOFCOM-2026-130" in p] == []
