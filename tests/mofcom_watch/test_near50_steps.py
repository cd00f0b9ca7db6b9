"""session 50, near50: session 49's near-A on MOFCOM steps, replayed (real ``replay`` into a real SQLite file, in both orders;
tests/data/near50).

- rule70_answer: No. 55 and No. 70 (which suspended Nos. 55-58, 61, 62 to 2026-11-10), then an answer of 2026-11-05 saying
  "商务部公告2025年第70号规定，暂停实施…第55号相关措施至2026年11月10日。现决定，继续暂停实施上述公告相关措施至2027年11月10日。"
  Was: "上述公告" took No. 70 too, so No. 70's row showed "suspended until 2027-11-10" (a false state) beside a problem
  "extends a suspension of MOFCOM-2025-70 that is not in place". Now No. 55 alone is extended.
- answer_published_held: 2026 No. 23 (in force), then an answer of 2026-12-05 under "…就停止实施相关措施答记者问" telling
  "商务部已于2026年12月1日发布公告，自2026年12月3日起，停止实施商务部公告2026年第23号相关措施。", the notice itself not stored.
  Was: read as no notice, No. 23 "in force", silently (the lift missed). Now held for a person: a needs-review health issue.
"""

from __future__ import annotations

import json

import pytest

from tests.mofcom_watch.stories import REPO, Store, cached, invoke, item_ids_of, row

DATA = REPO / "tests" / "data" / "near50"
FETCHED = "2026-12-06T02:00:00+00:00"
TODAY = "2026-12-06"


@pytest.fixture(scope="module")
def stores() -> dict[str, Store]:
    return {}


@pytest.mark.parametrize("halves", [False, True], ids=["together", "another-order"])
def test_continuing_the_notices_above_extends_what_the_rule_suspended_not_the_rule(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory, halves: bool) -> None:
    store = cached(stores, tmp_path_factory, DATA / "rule70_answer", FETCHED, TODAY, "n50r", halves=halves)
    got = row(store, TODAY, "MOFCOM-2025-55")
    assert (got["state"], got["until"]) == ("suspended", "2027-11-10")
    assert "MOFCOM-2025-70" not in store.status(TODAY)  # (was a row of its own, "suspended until 2027-11-10")
    assert not [i for i in item_ids_of(store, TODAY, "MOFCOM-2025-70") if "/extended/" in i or "/suspended/" in i]
    assert not [p for p in store.status(TODAY)["__problems__"] if "suspension of MOFCOM-2025-70" in p]


@pytest.mark.parametrize("halves", [False, True], ids=["together", "another-order"])
def test_an_answer_telling_a_published_notices_lift_is_held_loud(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory, halves: bool) -> None:
    store = cached(stores, tmp_path_factory, DATA / "answer_published_held", FETCHED, TODAY, "n50h", halves=halves)
    health = json.loads(invoke(store.db, "status", "--json", "--as-of", TODAY, env=store.env).stdout)["health_issues"]
    assert [h for h in health if h["kind"] == "unusable-page" and h["url"].startswith("file:q2-")
            and "needs-review" in h["detail"]], health
