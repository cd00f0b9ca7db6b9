"""session 51, review61: an answer recounting one step on two notices, one of which a stored notice takes (real ``replay``
into a real SQLite file, in both orders; tests/data/review61).

"商务部已于2025年11月5日决定，自2025年11月10日起，停止实施商务部公告2025年第13号和第51号相关措施。" with No. 13 (the 11-05 answer
lifts it from 2025-11-10), No. 51 (in force) and that answer stored: the recap was quiet because one notice it names was
taken (No. 13), so No. 51 showed "in force" with no word: the lift of No. 51 missed, silently. Now each notice a recap names
is looked for: a problem names No. 51 (and not No. 13); the recap is still never applied (No. 51 in force).

A notice named by its day alone after the verb ("…停止实施2025年9月25日公告相关措施。"): was no target, the answer read as no
notice, No. 51 "in force" with no word when the lifting notice is not stored. Now a recap of "2025年9月25日公告" (the notice
published that day): a problem when no stored step takes it; quiet for "继续暂停实施2025年4月4日公告相关措施1年" from
2025-11-10 with No. 21 and the 11-05 answer stored.
"""

from __future__ import annotations

import pytest

from tests.mofcom_watch.stories import REPO, Store, cached, row

DATA = REPO / "tests" / "data" / "review61" / "two_named_one_stored"
DATED = REPO / "tests" / "data" / "review61"
FETCHED = "2026-12-06T02:00:00+00:00"
TODAY = "2026-12-06"


@pytest.fixture(scope="module")
def stores() -> dict[str, Store]:
    return {}


@pytest.mark.parametrize("halves", [False, True], ids=["together", "another-order"])
def test_a_recap_naming_two_notices_one_taken_names_the_other(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory, halves: bool) -> None:
    store = cached(stores, tmp_path_factory, DATA, FETCHED, TODAY, "rv61", halves=halves)
    recaps = [p for p in store.status(TODAY)["__problems__"] if "recounts" in p]
    assert len(recaps) == 1, recaps
    assert "an answer recounts the lift of MOFCOM-2025-51 from 2025-11-10: no stored notice does this" in recaps[0]
    assert "MOFCOM-2025-13," not in recaps[0]
    assert row(store, TODAY, "MOFCOM-2025-51")["state"] == "in_force"  # never applied from an answer's recap
    assert row(store, TODAY, "MOFCOM-2025-13")["state"] == "lifted"


@pytest.mark.parametrize("halves", [False, True], ids=["together", "another-order"])
def test_a_recap_naming_a_notice_by_its_day_alone(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory, halves: bool) -> None:
    missing = cached(stores, tmp_path_factory, DATED / "dated_lift_missing", FETCHED, TODAY, "rv61d", halves=halves)
    recaps = [p for p in missing.status(TODAY)["__problems__"] if "recounts" in p]
    assert len(recaps) == 1 and "recounts the lift of 2025年9月25日公告 from 2026-12-03: no stored notice" in recaps[0], recaps
    assert row(missing, TODAY, "MOFCOM-2025-51")["state"] == "in_force"
    stored = cached(stores, tmp_path_factory, DATED / "dated_extension_stored", FETCHED, TODAY, "rv61e", halves=halves)
    assert not [p for p in stored.status(TODAY)["__problems__"] if "recounts" in p]
    assert not [i for feed in ("all", "notices") for i in stored.items(TODAY, feed) if "QA-2026-12-05" in i["id"]]
