"""A restore after extensions split per notice, each by its own period with no day written (session 48, fix54, step48's
open B): the answer "商务部决定，将商务部公告2026年第337号和第338号相关措施的暂停期限分别延长6个月和1年，期满后自动恢复实施。" was
read as the two extensions alone, its restore dropped with no word (each end then a lapse "presumed back in force, needs
review"). Now each notice is back at the lapse of its own extension: ECL No. 337 and No. 338 (10-09), both suspended by
No. 350 (2026-10-20) for 1年 (to 2027-10-20); the answer of 2027-10-15 extends No. 337 by 6个月 (to 2028-04-20, back from
04-21) and No. 338 by 1年 (to 2028-10-20, back from 10-21). tests/data/step48/restore_at_the_lapse_of_an_answer_s_extensions_apart
replayed by a real ``replay`` process into a real SQLite file (and again in another order), read back with ``status``."""

from __future__ import annotations

import pytest

from tests.mofcom_watch.stories import REPO, Store, cached, item_ids_of, row

STORY = REPO / "tests" / "data" / "step48" / "restore_at_the_lapse_of_an_answer_s_extensions_apart"
TODAY = "2029-01-01"
FETCHED = "2028-12-15T00:00:00+00:00"
QA = "QA-2027-10-15-"
N337, N338 = "MOFCOM-2026-337", "MOFCOM-2026-338"


@pytest.fixture(scope="module")
def stores() -> dict[str, Store]:
    return {}


@pytest.mark.parametrize("halves", [False, True], ids=["together", "another-order"])
def test_each_notice_is_back_at_the_lapse_of_its_own_extension(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory, halves: bool) -> None:
    store = cached(stores, tmp_path_factory, STORY, FETCHED, TODAY, "f54r", halves=halves)
    for key, end, back in ((N337, "2028-04-20", "2028-04-21"), (N338, "2028-10-20", "2028-10-21")):
        got = row(store, "2027-11-01", key)
        assert (got["state"], got["until"]) == ("suspended", end), (key, got)
        assert (got["next_state"], got["next_from"]) == ("in_force", back), (key, got)
        assert got["by"].startswith(QA) and got["next_by"].startswith(QA), (key, got)
        assert row(store, end, key)["state"] == "suspended", key
        got = row(store, back, key)
        assert (got["state"], got["since"]) == ("in_force", back), (key, got)
        assert f"{key}/restored/ecl/{back}" in item_ids_of(store, "2028-12-31", key)
    assert not [p for p in store.status("2028-12-31")["__problems__"] if N337 in p or N338 in p]
