"""As of today (2026-12-06), the bundled fixtures and, arriving late (fetched 12-06), the notices and answers of early
November 2026 extending the suspensions that ended on 2026-11-10 and 2026-11-27 again (session 49's probe; composed in
the official wording, tests/data/step49/extended_again_late): the UEL and ECL answers of 11-05 ("自2026年11月10日起，继续
暂停…相关措施1年"; the ECL one at two URLs), 商务部 海关总署公告2026年第80号 of 11-07 (Nos. 55-58, 61, 62 "自2026年11月11日起至
2027年11月10日", at two URLs), 商务部公告2026年第82号 of 11-09 (2024 No. 46 clause 2 "自2026年11月28日起至2027年11月27日") and
商务部令2026年第5号 of 11-09 (Order No. 6, "自2026年11月11日起…1年"). Replayed by real ``replay`` processes into a real
SQLite file, the fixtures first (the lapses derived, then retracted) or the late pages first (their references
unresolved, then resolved): every row the same, every item id the same but the retractions and resolutions each order's
own history gives."""

from __future__ import annotations

from typing import Any

import pytest

from tests.mofcom_watch.stories import REPO, TAG, Store, replayed, row

LATE = REPO / "tests" / "data" / "step49" / "extended_again_late"
FIXTURES = REPO / "fixtures"
FETCHED = "2026-12-06T02:00:00+00:00"
TODAY = "2026-12-06"
QA_ECL, QA_UEL = "QA-2026-11-05-68a81f8d", "QA-2026-11-05-3d525cbd"
# per listing, as of today: (state, since, until, lapses_on, by)
WANT: dict[str, tuple[Any, ...]] = {
    "MOFCOM-2025-21": ("suspended", "2026-11-10", "2027-11-10", "2027-11-11", QA_ECL),
    "UEL-2025-7": ("suspended", "2026-11-10", "2027-11-10", "2027-11-11", QA_UEL),
    **{f"MOFCOM-2025-{n}": ("suspended", "2026-11-11", "2027-11-10", "2027-11-11", "MOFCOM-2026-80")
       for n in (55, 56, 57, 58, 61, 62)},
    "MOFCOM-2024-46": ("suspended", "2026-11-28", "2027-11-27", "2027-11-28", "MOFCOM-2026-82"),
    "MOFCOM-ORDER-2025-6": ("suspended", "2026-11-11", "2027-11-11", "2027-11-12", "MOFCOM-ORDER-2026-5"),
}
EXTENDED = {"MOFCOM-2025-21": "ecl/2026-11-10", "UEL-2025-7": "uel/2026-11-10", "MOFCOM-2024-46": "items/2026-11-28",
            "MOFCOM-ORDER-2025-6": "countermeasure/2026-11-11",
            **{f"MOFCOM-2025-{n}": "items/2026-11-11" for n in (55, 56, 57, 58, 61, 62)}}


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Store]:
    out = {}
    for name, order in (("fixtures-first", (FIXTURES, LATE)), ("late-first", (LATE, FIXTURES))):
        folder = tmp_path_factory.mktemp(f"s49t-{name}")
        for pages in order:
            store = replayed(folder, pages, FETCHED, today=TODAY)
        out[name] = store
    return out


def _ids(store: Store) -> set[str]:
    return {i["id"][len(TAG):] for i in store.items(TODAY)}


@pytest.mark.parametrize("name", ["fixtures-first", "late-first"])
def test_today_each_suspension_extended_again_late_is_shown_so(stores: dict[str, Store], name: str) -> None:
    store = stores[name]
    for key, want in WANT.items():
        got = row(store, TODAY, key)
        assert (got["state"], got["since"], got["until"], got["lapses_on"], got["by"]) == want, (name, key)
        assert not got["presumed"], (name, key)
    ids = _ids(store)
    for key, tail in EXTENDED.items():
        assert f"{key}/suspension_extended/{tail}" in ids, (name, key)
        # a lapse item, where this store had derived one, is retracted, saying the suspension goes on
        assert not [i for i in ids if i.startswith(f"{key}/suspension_lapsed/") and "/correction/" not in i], (name, key)
    assert not [p for p in store.status(TODAY)["__problems__"] if "2026-" in p.split(":")[0]], name


def test_today_the_same_items_in_either_order(stores: dict[str, Store]) -> None:
    first, second = (_ids(stores[n]) - {i for i in _ids(stores[n]) if "/correction/" in i}
                     for n in ("fixtures-first", "late-first"))
    assert first == second


def test_before_the_end_the_next_step_is_announced(stores: dict[str, Store]) -> None:
    for name, store in stores.items():  # as of 11-06: the answers of 11-05 known, the notices of 11-07 and 11-09 not
        got = row(store, "2026-11-06", "UEL-2025-7")
        assert (got["state"], got["until"], got["next_state"], got["next_from"], got["next_by"]) == (
            "suspended", "2026-11-10", "suspended", "2026-11-10", QA_UEL), name
        got = row(store, "2026-11-06", "MOFCOM-2025-55")
        assert (got["state"], got["until"], got["next_state"]) == ("suspended", "2026-11-10", None), name
