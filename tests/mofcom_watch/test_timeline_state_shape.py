"""``timeline --json``'s per-listing ``state`` and ``status --json``'s rows: one shape (user46's B, session 47).

Was: a timeline listing's ``state`` was the sparse row (``StatusRow.to_json``): no ``state_label``, ``ministry``,
``next_label``, and ``scope``, ``next_*``, ``lapses_on``, ``measure_only`` only where they applied, where ``status
--json`` gives every key on every row (null or false where it does not apply). A script reading
``listing["state"]["next_from"]`` failed with a KeyError on every listing without an announced change. Now both come
from one function (``storage.vocabulary.state_json``). Real processes on a real replayed store."""

from __future__ import annotations

import json

from tests.conftest import copy_of
from tests.mofcom_watch.test_cli_json import cli


def _both(url: str, name: str, day: str) -> tuple[list[dict], dict[tuple[str, str, str], dict]]:
    tl = cli("--db", url, "timeline", name, "--as-of", day, "--json")
    st = cli("--db", url, "status", "--as-of", day, "--json")
    assert tl.returncode == 0, tl.stderr
    assert st.stdout, st.stderr
    rows = {(r["notice_key"], r["list"], r["state"]): r for r in json.loads(st.stdout)["listings"]}
    return [x["state"] for x in json.loads(tl.stdout)["listings"]], rows


def test_a_timeline_listing_state_has_every_key_status_gives(replayed, tmp_path):
    url = copy_of(replayed, tmp_path / "store.sqlite")
    # 2025-11-06: No. 13's lifting announced (next_*), UEL 7 suspended from 11-10 announced; 2026-11-30: lapsed
    for day, name in (("2025-11-06", "skydio"), ("2026-11-30", "skydio"), ("2026-11-30", "Illumina")):
        states, rows = _both(url, name, day)
        assert states, (day, name)
        for state in states:
            row = rows[(state["notice_key"], state["list"], state["state"])]
            assert list(state) == list(row), (day, name, state["notice_key"])  # same keys, same order
            assert {k: v for k, v in state.items() if k not in ("entity_keys", "entity_count")} == \
                {k: v for k, v in row.items() if k not in ("entity_keys", "entity_count")}
            assert state["state_label"] and state["ministry"] in ("MFA", "MOFCOM")
    states, _ = _both(url, "skydio", "2025-11-06")
    ecl13 = next(s for s in states if s["notice_key"] == "MOFCOM-2025-13")
    assert (ecl13["state_label"], ecl13["next_label"], ecl13["lapses_on"]) == ("in force", "lifted from 2025-11-10", None)
    states, _ = _both(url, "skydio", "2026-11-30")
    uel7 = next(s for s in states if s["notice_key"] == "UEL-2025-7")
    assert (uel7["state"], uel7["next_state"], uel7["scope"], uel7["measure_only"]) == ("lapsed", None, None, False)
    illumina, _ = _both(url, "Illumina", "2026-11-30")
    uel6 = next(s for s in illumina if s["notice_key"] == "UEL-2025-6")
    assert (uel6["measure_only"], uel6["state_label"]) == (True, "measure lifted (not a listing)")
