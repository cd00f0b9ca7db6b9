"""An older-copy issue is closed only by a copy fetched after the copy it names (review56, session 49).

2027 No. 9, its 5 entities on a linked annex page (crawl47's joined copy), saved on three days: 01-21 as published,
01-22 the annex page corrected (琥珀激光公司 -> 琥珀激光科技公司), given alone (crawl49: joined to the first page as
stored), 01-23 the first page with a visit counter beside the annex page's 01-21 bytes (a stale cache, or the ministry
taking its correction back). In date order the correction is kept and 01-23's copy is an older copy of the annex page,
said (probe49's A2, exit 1). Replayed 01-23, 01-22, 01-21: 01-22's copy is an older copy turning up late, said (probe49's
A3); then 01-21's copy, read as the notice, closed that issue though it was fetched before the copy the issue names:
exit 0, nothing said, the notice on its 01-21 text, where date order keeps the correction and says why. Now it stays
open (as a copy fetched before the page's newest closes no alias conflict, review53): that order says it too.

Real ``mofcom-watch replay``, ``feeds`` and ``status`` processes, one real SQLite file per order.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.faults.test_joined_pages import ANNEX9, AS_OF, ENV, NOTICE9, PAGES, cli, cli_env, site

OLD, NEW = "琥珀激光公司", "琥珀激光科技公司"
FIXED = PAGES[ANNEX9].replace(OLD.encode(), NEW.encode())
TICK = PAGES[NOTICE9].replace(b"</body>", "<p>访问量：1001</p></body>".encode())
DAYS = {1: {NOTICE9: PAGES[NOTICE9], ANNEX9: PAGES[ANNEX9]}, 2: {ANNEX9: FIXED}, 3: {NOTICE9: TICK, ANNEX9: PAGES[ANNEX9]}}


def replay(tmp_path: Path, order: tuple[int, ...]) -> tuple[list[int], dict, str, int]:
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    codes = []
    for day in order:
        done = cli(db, "replay", str(site(tmp_path / f"f{day}", DAYS[day], fixtures=False)), "--as-of", AS_OF,
                   "--fetched-at", f"2027-01-2{day}T00:00:00+00:00", env=cli_env(**ENV))
        assert "Traceback" not in done.err, done.err
        codes.append(done.code)
    out = tmp_path / "feeds"
    assert cli(db, "feeds", "--out", str(out), "--as-of", AS_OF, env=cli_env(**ENV)).code in (0, 1)
    state = cli(db, "status", "--json", "--as-of", AS_OF, env=cli_env(**ENV))
    return codes, json.loads(state.out), (out / "all.atom").read_text(encoding="utf-8"), state.code


@pytest.mark.parametrize("order", [(1, 2, 3), (3, 2, 1)])
def test_a_copy_fetched_before_the_older_copy_an_issue_names_leaves_it_open(tmp_path: Path, order) -> None:
    assert FIXED != PAGES[ANNEX9] and TICK != PAGES[NOTICE9]
    codes, state, items, code = replay(tmp_path, order)
    older = [i for i in state["health_issues"] if i["kind"] == "older-copy"]
    assert code == 1 and len(older) == 1, (order, codes, state["health_issues"])  # was, 3-2-1: exit 0, no issue
    if order == (1, 2, 3):  # date order: the correction kept, 01-23's annex page its older copy
        assert NEW in items and "2027-01-21" in older[0]["detail"], older[0]["detail"]
    else:  # 01-22's copy said as an older copy turning up late, the text as the page read at its later fetch
        assert NEW not in items and "reads otherwise than the page read at its later fetch" in older[0]["detail"]
    assert codes[-1] == 1, codes  # the last replay says it (was, 3-2-1: exit 0)


LINE, RENAMED = "<p>2. 诺沃特公司（Novotech, Inc.）</p>", "<p>2. 北极星雷达公司（Polaris Radar Corp.）</p>"


@pytest.mark.parametrize("order", [(1, 2, 3), (1, 3, 2), (2, 3, 1)])
def test_a_copy_fetched_before_a_held_copy_leaves_its_review_open(tmp_path: Path, order) -> None:
    """2025 No. 22 at one URL, a visit counter on each day: 11-21 and 11-22 as published, 11-23 naming 北极星雷达公司
    where it named 诺沃特公司 (held for a person: renamed). Date order ends held (exit 1). Replayed 11-21, 11-23, 11-22
    (or 11-22, 11-23, 11-21), the copy from before the held one closed its review: exit 0, nothing said."""
    from tests.faults.test_site_changes import N22, W, fx

    for day in (1, 2, 3):
        raw = fx(W, N22).decode()
        assert LINE in raw
        raw = (raw.replace(LINE, RENAMED) if day == 3 else raw).replace("</body>", f"<p>访问量：{day}</p></body>")
        (tmp_path / f"f{day}" / W / N22).parent.mkdir(parents=True)
        (tmp_path / f"f{day}" / W / N22).write_bytes(raw.encode())
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    for day in order:
        done = cli(db, "replay", str(tmp_path / f"f{day}"), "--as-of", "2026-11-30",
                   "--fetched-at", f"2026-11-2{day}T00:00:00+00:00")
        assert "Traceback" not in done.err, done.err
    state = cli(db, "status", "--json", "--as-of", "2026-11-30")
    held = [i for i in json.loads(state.out)["health_issues"] if i["kind"] == "unusable-page"]
    assert state.code == 1 and len(held) == 1 and "renamed" in held[0]["detail"], (order, held)  # was: none, exit 0
    with sqlite3.connect(tmp_path / "store.sqlite") as con:
        record = con.execute("SELECT record_json FROM notice WHERE key = 'MOFCOM-2025-22'").fetchone()[0]
    assert "北极星雷达公司" not in record, order  # the stored reading kept, the held copy for a person
