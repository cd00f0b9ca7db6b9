"""One notice's steps of one day part its entities, and a restore told as done is the restore (session 27, parse27, on
blind round 10's cases, /work/s26/parse26-cases): replayed with the real ``replay`` (one real process) into a real SQLite
file from tests/data/stories27/same_day/, read back with ``status`` and from the file's event table.

H  MOFCOM Order 2025 No. 6 (5 Hanwha subsidiaries), No. 7 (suspended 1 year from 2025-11-10), Order 2026 No. 5 (parse26/05):
   "一、对韩华费城造船厂（…）恢复实施…；二、对…所列其余4家企业，继续暂停实施相关反制措施1年". Before: Philly got a
   "suspension extended" and a "restored" item on 2026-11-10, the first not true of it; and "其余4家" was read as the
   order's stated count ("parsed 1 entities, notice states 4": a count-mismatch health issue on an order read right).
E  ECL No. 21 and UEL 7号 suspended and continued by Q&As (2025), then a Q&A of 2026-11-09 (parse26's probe p8): "恢复实施…
   第21号相关措施，但对高点航空技术公司（…）、立方公司（…）继续暂停实施相关措施1年". Before: the two got a "restored" and a
   "suspension extended" item on 2026-11-10.
U  A UEL notice restores UEL 7号 from 2026-11-10; a Q&A of 11-12 tells it as done ("…已于2026年11月10日按期恢复实施").
   Before: the Q&A read no action. Read now, it restates the notice's restore: one set of items and the state by the
   notice (the Q&A's key sorts before the UEL notice's: it took the ids, the notice's items were a second set
   "…/by/UEL-2026-9", and the state was "by" the Q&A).
"""

from __future__ import annotations

import sqlite3
from collections import Counter

import pytest

from tests.mofcom_watch.stories import REPO, Store, replayed, row, state

PAGES = REPO / "tests" / "data" / "stories27" / "same_day"
DAY = "2026-11-20"
HANWHA = ("hanwhashipping", "hanwhaoceanusainternational", "hanwhashippingholdings", "hsusaholdings")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return replayed(tmp_path_factory.mktemp("same_day"), PAGES, "2026-11-15T00:00:00+00:00")


def _items(store: Store, key: str, day: str = "2026-11-10") -> list[tuple[str, str, str | None, str]]:
    """(kind, id, entity key, source key) of the live items of ``key``'s listing dated ``day``, from the store's file."""
    con = sqlite3.connect(store.db.removeprefix("sqlite:///"))
    try:
        return con.execute("SELECT kind, id, entity_key, source_key FROM event WHERE notice_key = ? AND effective = ? "
                           "AND NOT retracted AND corrects IS NULL AND kind NOT IN ('suspension_lapsed', 'notice')",
                           (key, day)).fetchall()
    finally:
        con.close()


def test_h_one_named_restored_and_the_others_extended_each_get_one_item(store: Store) -> None:
    key = "MOFCOM-ORDER-2025-6"
    assert state(store, DAY, key, "hanwhaphillyshipyard") == ("in_force", "2026-11-10", None)
    assert {state(store, DAY, key, k) for k in HANWHA} == {("suspended", "2026-11-10", "2027-11-10")}
    got = _items(store, key)
    assert {(kind, ent) for kind, _, ent, _ in got if ent} == {("restored", "hanwhaphillyshipyard")} | {
        ("suspension_extended", k) for k in HANWHA}
    assert Counter(kind for kind, _, ent, _ in got if ent is None) == {"restored": 1, "suspension_extended": 1}
    assert {src for *_, src in got} == {"MOFCOM-ORDER-2026-5"} and not [i for _, i, _, _ in got if "/by/" in i]
    problems = store.status(DAY)["__problems__"]
    assert [p for p in problems if "ORDER-2026-5" in p or "ORDER-2025-6" in p] == []


def test_e_a_restore_of_all_but_two_extended_gives_each_entity_one_item(store: Store) -> None:
    key = "MOFCOM-2025-21"
    assert state(store, DAY, key, "highpointaerotechnologies") == ("suspended", "2026-11-10", "2027-11-10")
    assert state(store, DAY, key, "cubic") == ("suspended", "2026-11-10", "2027-11-10")
    in_force = [r for r in store.status(DAY)[key] if r["state"] == "in_force"]
    assert len(in_force) == 1 and in_force[0]["since"] == "2026-11-10" and len(in_force[0]["entity_keys"]) == 14
    per = Counter(ent for _, _, ent, _ in _items(store, key) if ent)
    assert len(per) == 16 and set(per.values()) == {1}
    assert {(kind, ent) for kind, _, ent, _ in _items(store, key) if ent in ("cubic", "highpointaerotechnologies")} == {
        ("suspension_extended", "cubic"), ("suspension_extended", "highpointaerotechnologies")}


def test_u_a_restore_told_as_done_restates_the_notice_that_made_it(store: Store) -> None:
    key = "UEL-2025-7"
    got = row(store, DAY, key)
    assert (got["state"], got["since"], got["presumed"], got["by"]) == ("in_force", "2026-11-10", False, "UEL-2026-9")
    items = _items(store, key)
    assert {(kind, src) for kind, _, _, src in items} == {("restored", "UEL-2026-9")}
    assert len(items) == 12 and not [i for _, i, _, _ in items if "/by/" in i]  # the notice's item and one per entity
