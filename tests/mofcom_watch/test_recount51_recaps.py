"""session 51, recount51: an answer recounting a step taken by a notice (real ``replay`` into a real SQLite file, in both
orders; tests/data/recount51).

An answer of 2026-12-05 under a neutral title ("…就出口管制有关问题答记者问") tells "商务部已于2026年12月1日发布公告，自2026年12月3日
起，停止实施商务部公告2026年第23号相关措施。": a recap, no step of its own (the lead's decision on near50's question).

- lift_missing: 2026 No. 23 (in force) and the answer, the lifting notice not stored (a crawl gap). Was: the answer read
  as no notice, No. 23 "in force", no problem, exit 0: the lift missed, silently. Now: a problem "…an answer recounts the
  lift of MOFCOM-2026-23 from 2026-12-03: no stored notice does this…", ``status`` exits 1; the recap is not applied
  (No. 23 still in force: the notice is the one read) and no item is published for the answer.
- lift_stored: the same with the lifting notice (2026 No. 90) stored: No. 23 lifted from 2026-12-03, no problem, and the
  feeds are those of the two notices alone (no item of the answer's).
"""

from __future__ import annotations

import os
import subprocess

import pytest

from tests import zygote
from tests.mofcom_watch.stories import REPO, Store, cached, row

DATA = REPO / "tests" / "data" / "recount51"
FETCHED = "2026-12-06T02:00:00+00:00"
TODAY = "2026-12-06"
RECOUNTS = "an answer recounts the lift of MOFCOM-2026-23 from 2026-12-03: no stored notice does this"


@pytest.fixture(scope="module")
def stores() -> dict[str, Store]:
    return {}


def _status_exit(store: Store) -> int:
    """``status``'s exit code, by a process of its own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOFCOM_WATCH_")}
    return subprocess.run(zygote.command("--db", store.db, "status", "--as-of", TODAY), capture_output=True, text=True,
                          cwd=REPO, env={**env, **(store.env or {})}, timeout=120).returncode


def _all_ids(store: Store) -> list[str]:
    return sorted(i["id"] for feed in ("all", "notices") for i in store.items(TODAY, feed))


@pytest.mark.parametrize("halves", [False, True], ids=["together", "another-order"])
def test_a_recounted_lift_whose_notice_is_not_stored_is_a_problem(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory, halves: bool) -> None:
    store = cached(stores, tmp_path_factory, DATA / "lift_missing", FETCHED, TODAY, "r51m", halves=halves)
    problems = store.status(TODAY)["__problems__"]
    assert [p for p in problems if RECOUNTS in p and "停止实施商务部公告2026年第23号相关措施" in p], problems
    assert _status_exit(store) == 1
    assert row(store, TODAY, "MOFCOM-2026-23")["state"] == "in_force"  # never applied from an answer's recap
    assert not [i for i in _all_ids(store) if "/QA-" in i or "QA-2026-12-05" in i]


@pytest.mark.parametrize("halves", [False, True], ids=["together", "another-order"])
def test_a_recounted_lift_whose_notice_is_stored_is_quiet(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory, halves: bool) -> None:
    store = cached(stores, tmp_path_factory, DATA / "lift_stored", FETCHED, TODAY, "r51s", halves=halves)
    got = row(store, TODAY, "MOFCOM-2026-23")
    assert (got["state"], got["since"]) == ("lifted", "2026-12-03")
    assert not [p for p in store.status(TODAY)["__problems__"] if "recounts" in p]
    assert _status_exit(store) == 0
    assert not [i for i in _all_ids(store) if "QA-2026-12-05" in i]
