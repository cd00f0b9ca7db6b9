"""A copy fetched before the page's last fetch, reading otherwise than that fetch read, turning up late: an older copy
(probe49).

One page (2025 No. 22 at one URL) saved on three days: 11-21 as published, 11-22 a line of its annex corrected, 11-23
as published again (each page with a visit counter: its own bytes; or without one: 11-23 the bytes of 11-21). Replayed
by real ``mofcom-watch replay`` processes into one real SQLite file per order. Was: 11-21, 11-23 (reading as 11-21's
copy: no copy kept, or its same bytes), then 11-22: the corrected copy, first fetched after the kept copy, read as the
ministry's correction, exit 0, nothing said, while in date order the notice reads as published (the page's text at
11-23). The page's last fetch (11-23) read as the notice, after this copy's: an older copy turning up late, said.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
from pathlib import Path

import pytest

from tests.faults.harness import cli
from tests.faults.test_corrected_both_urls import NEW_NAME, OLD_NAME
from tests.faults.test_site_changes import N22, W, fx


def folders(root: Path, counter: bool) -> None:
    for day, corrected in ((1, False), (2, True), (3, False)):
        raw = fx(W, N22).replace(OLD_NAME.encode(), NEW_NAME.encode()) if corrected else fx(W, N22)
        if counter:
            raw = raw.replace(b"</body>", f"<p>访问量：{day}</p></body>".encode())
        (root / f"f{day}" / W / N22).parent.mkdir(parents=True)
        (root / f"f{day}" / W / N22).write_bytes(raw)


@pytest.mark.parametrize("order", list(itertools.permutations((1, 2, 3))))
def test_a_page_with_a_counter_reads_the_same_in_every_order_or_says_why_not(tmp_path: Path, order) -> None:
    folders(tmp_path, counter=True)
    db_path = tmp_path / "store.sqlite"
    for day in order:
        done = cli(f"sqlite:///{db_path}", "replay", str(tmp_path / f"f{day}"), "--as-of", "2026-11-30",
                   "--fetched-at", f"2026-11-2{day}T00:00:00+00:00")
        assert "Traceback" not in done.err, done.err
    with sqlite3.connect(db_path) as con:
        record = con.execute("SELECT record_json FROM notice WHERE key = 'MOFCOM-2025-22'").fetchone()[0]
        issues = [k for (k,) in con.execute("SELECT kind FROM health_issue WHERE resolved_at IS NULL")]
    names = [e.get("zh") for e in json.loads(record)["entities"]]
    assert "诺沃特公司" in names and "诺沃特科技公司" not in names, order  # the page's text at 11-23; was: 11-22's
    # the corrected copy replayed after the later one: said; closed by a copy read as the notice fetched after it only
    # (one fetched before it, replayed last, closed it: 3-2-1 ended silent, review56)
    late = order.index(2) > order.index(3)
    assert issues == (["older-copy"] if late else []), (order, issues)
    assert done.code == (1 if late else 0), (order, done.code, done.err)


def test_the_same_bytes_again_then_an_older_copy_is_said(tmp_path: Path) -> None:
    """No counter: 11-23 the very bytes of 11-21 (stored once), then 11-22's correction: older, said."""
    folders(tmp_path, counter=False)
    db_path = tmp_path / "store.sqlite"
    for day in (1, 3, 2):
        done = cli(f"sqlite:///{db_path}", "replay", str(tmp_path / f"f{day}"), "--as-of", "2026-11-30",
                   "--fetched-at", f"2026-11-2{day}T00:00:00+00:00")
    assert done.code == 1 and "older copy: " in done.err, (done.code, done.err)  # was: exit 0, the correction taken
    assert "reads otherwise than the page read at its later fetch" in done.err, done.err
    with sqlite3.connect(db_path) as con:
        record = con.execute("SELECT record_json FROM notice WHERE key = 'MOFCOM-2025-22'").fetchone()[0]
    assert "诺沃特科技公司" not in record
