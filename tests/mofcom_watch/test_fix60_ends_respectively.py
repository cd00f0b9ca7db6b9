"""session 50, fix60: an answer "商务部公告2025年第1号和第21号相关措施分别暂停至2027年5月31日和2027年11月30日，期满后恢复实施"
(review59/23's wording on two notices the fixtures hold apart from a lift: No. 22 was lifted in 2025), replayed by a real
``replay`` process into a real SQLite file holding the bundled fixtures (tests/data/fix60).

- respectively_two_ends: was read as one restore of both from 2027-06-01, the two suspensions not read: No. 1 shown in
  force today (it is suspended), No. 21 in force from 2027-06-01 (it is suspended to 2027-11-30), no problem told. Now
  each notice is suspended to its own end and back the day after it.
- respectively_yearless_end: "…分别暂停至2027年11月30日和5月31日，…" (the second end without its year, before the first in
  that year: 2027 or 2028?; a later day, "至2027年5月31日和11月30日", is read since session 51, resp51) is held for a person: a
  needs-review health issue, no restore of either notice."""

from __future__ import annotations

import json

import pytest

from tests.mofcom_watch.stories import REPO, TAG, Store, invoke, replayed, row

DATA = REPO / "tests" / "data" / "fix60"
FIXTURES = REPO / "fixtures"
FETCHED = "2026-12-06T02:00:00+00:00"
TODAY = "2026-12-06"
LATER = "2027-06-15"  # after the first end, before the second
LAST = "2027-12-15"  # after both
K1, K21 = "MOFCOM-2025-1", "MOFCOM-2025-21"


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Store]:
    out = {}
    for case in ("respectively_two_ends", "respectively_yearless_end"):
        folder = tmp_path_factory.mktemp(f"fix60-{case}")
        replayed(folder, FIXTURES, FETCHED, today=TODAY)
        out[case] = replayed(folder, DATA / case, FETCHED, today=TODAY)
    return out


def _state(store: Store, day: str, key: str) -> tuple[str, str, str | None]:
    got = row(store, day, key)
    return got["state"], got["since"], got["until"]


def test_each_notice_is_suspended_to_its_own_end_and_back_the_day_after(stores: dict[str, Store]) -> None:
    store = stores["respectively_two_ends"]
    assert _state(store, TODAY, K1) == ("suspended", "2026-11-10", "2027-05-31")  # (was in force)
    assert _state(store, TODAY, K21) == ("suspended", "2026-11-10", "2027-11-30")
    assert _state(store, LATER, K1)[:2] == ("in_force", "2027-06-01")
    assert _state(store, LATER, K21) == ("suspended", "2026-11-10", "2027-11-30")  # (was in force from 2027-06-01)
    assert _state(store, LAST, K21)[:2] == ("in_force", "2027-12-01")
    restored = sorted(i["id"][len(TAG):] for i in store.items(LAST) if "/restored/" in i["id"]
                      and i["id"][len(TAG):].startswith((f"{K1}/", f"{K21}/")))
    assert restored == [f"{K1}/restored/ecl/2027-06-01", f"{K21}/restored/ecl/2027-12-01"], restored
    health = json.loads(invoke(store.db, "status", "--json", "--as-of", TODAY, env=store.env).stdout)["health_issues"]
    assert not [h for h in health if h["kind"] == "unusable-page" and "qa-2026-11-10" in h["url"]], health


def test_an_end_without_its_year_is_held_loud(stores: dict[str, Store]) -> None:
    store = stores["respectively_yearless_end"]
    health = json.loads(invoke(store.db, "status", "--json", "--as-of", TODAY, env=store.env).stdout)["health_issues"]
    assert [h for h in health if h["kind"] == "unusable-page" and "needs-review" in h["detail"]
            and "says 分别 but reads one end" in h["detail"]], health
    for day in (TODAY, LATER):
        for key in (K1, K21):
            restored = [i["id"] for i in store.items(day) if i["id"].startswith(f"{TAG}{key}/") and "/restored/" in i["id"]]
            assert not restored, (day, key, restored)
            assert not [r for r in store.status(day)[key] if r["state"] == "in_force" and r["since"] == "2027-06-01"]
