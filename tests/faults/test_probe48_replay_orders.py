"""Copies of a notice at its two URLs, a correction among them, replayed in other orders (probe48).

Three saved folders of 2025 No. 22's two pages, a visit counter making every copy other bytes: 11-01 and 11-02 the
text as first published, 11-03 a line of its annex corrected at both URLs. Replayed by real ``mofcom-watch replay``
processes into real SQLite files, one store per order. Whatever the order, the notice must read as its pages read
now (the 11-03 text, which both pages serve last), or say why not: an older copy of a page turning up late is that
page's older copy (``older-copy``, as for the page a notice is read from), never the notice's reading.

Was: 11-03 first, then 11-01 and 11-02: the other URL's 11-01 copy won the alias comparison (the copy first fetched
earlier stays), the correction undone, and 11-02's copy at the first URL, reading as that, closed both issues: the
notice read the text as first published, exit 0, nothing said, while both pages' newest copies said otherwise.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.faults.harness import cli
from tests.faults.test_corrected_both_urls import NEW_NAME, OLD_NAME
from tests.faults.test_site_changes import N22, N22_ALIAS, W, fx

DAYS = {"f1": "2026-11-01T00:00:00+00:00", "f2": "2026-11-02T00:00:00+00:00", "f3": "2026-11-03T00:00:00+00:00"}


def folders(root: Path) -> None:
    for name, n, corrected in (("f1", 1, False), ("f2", 2, False), ("f3", 3, True)):
        for path in (N22, N22_ALIAS):
            raw = fx(W, path)
            if corrected:
                raw = raw.replace(OLD_NAME.encode(), NEW_NAME.encode())
            dest = root / name / W / path
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(raw.replace(b"</body>", f"<p>访问量：{n}</p></body>".encode()))


@pytest.mark.parametrize("order", [("f1", "f2", "f3"), ("f2", "f1", "f3"), ("f3", "f1", "f2"), ("f3", "f2", "f1"),
                                   ("f1", "f3", "f2"), ("f2", "f3", "f1")])
def test_a_correction_at_both_urls_is_not_undone_by_older_copies_replayed_late(tmp_path: Path, order) -> None:
    folders(tmp_path)
    db_path = tmp_path / "store.sqlite"
    db = f"sqlite:///{db_path}"
    for name in order:
        done = cli(db, "replay", str(tmp_path / name), "--fetched-at", DAYS[name], "--as-of", "2026-11-30")
        assert "Traceback" not in done.err, done.err
    with sqlite3.connect(db_path) as con:
        record = con.execute("SELECT record_json FROM notice WHERE key = 'MOFCOM-2025-22'").fetchone()[0]
        issues = con.execute("SELECT kind, url FROM health_issue WHERE resolved_at IS NULL").fetchall()
    names = [e.get("zh") for e in json.loads(record)["entities"]]
    assert "诺沃特科技公司" in names and "诺沃特公司" not in names, (order, issues)  # the pages' newest text
    late = order.index("f3") < max(order.index("f1"), order.index("f2"))
    if late:  # older copies after the newest: said, page by page, and by the replay that met them as a problem
        assert {kind for kind, _ in issues} == {"older-copy"}, issues
        assert {url.split("://", 1)[1] for _, url in issues} == {f"{W}/{N22}", f"{W}/{N22_ALIAS}"}, issues
        # was: exit 0 and nothing said, while status and run exit 1 for the same open issue (probe48's question 2)
        assert done.code == 1 and done.err.count("older copy: ") == 2, (done.code, done.err)
    else:
        assert issues == [], issues
        assert done.code == 0 and "older copy" not in done.err, (done.code, done.err)
