"""An older copy of a notice's other page that agrees with the notice closes no alias-conflict its newer copy opened
(review53, session 48).

Four saved folders of 2025 No. 22's two pages (a visit counter makes every copy other bytes): 11-01 and 11-02 the text
as first published at both; 11-03 a line of its annex corrected at the other page only (诺沃特科技公司); 11-04 that
page corrected again (诺沃特控股公司), the page the notice is read from still the first text. Whatever the order the
folders are replayed in, the pages' newest copies disagree, and that must be said: an alias-conflict naming the other
page. Was: replayed 11-03, 11-04, then 11-01 (and 11-02), the other page's 11-01 copy, reading as the notice, closed
the issue its 11-04 copy had opened: exit 0, no issue, while that page's newest copy names another company.

Real ``mofcom-watch replay`` and ``status`` processes, one real SQLite file an order.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.faults.harness import cli
from tests.faults.test_corrected_both_urls import NEW_NAME, OLD_NAME
from tests.faults.test_site_changes import N22, N22_ALIAS, W, fx

THIRD = "诺沃特控股公司（Novotech, Inc.）"
DAYS = {"f1": "2026-11-01", "f2": "2026-11-02", "f3": "2026-11-03", "f4": "2026-11-04"}


def folders(root: Path, other: str) -> None:
    for name, n in (("f1", 1), ("f2", 2), ("f3", 3), ("f4", 4)):
        for path in (N22, N22_ALIAS):
            raw = fx(W, path)
            if path == other and name in ("f3", "f4"):
                raw = raw.replace(OLD_NAME.encode(), (NEW_NAME if name == "f3" else THIRD).encode())
            dest = root / name / W / path
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(raw.replace(b"</body>", f"<p>访问量：{n}</p></body>".encode()))


def replay(db: str, root: Path, order: tuple[str, ...]) -> None:
    for name in order:
        done = cli(db, "replay", str(root / name), "--fetched-at", f"{DAYS[name]}T00:00:00+00:00",
                   "--as-of", "2026-11-30")
        assert "Traceback" not in done.err, done.err


@pytest.mark.parametrize("order", [("f1", "f2", "f3", "f4"), ("f3", "f4", "f1", "f2"), ("f4", "f3", "f1"),
                                   ("f3", "f4", "f2")])
def test_an_older_copy_of_the_other_page_agreeing_closes_no_conflict_its_newer_copy_opened(tmp_path: Path,
                                                                                          order) -> None:
    # which page the notice is read from: the one a first replay of both reads it from (the other one is corrected)
    probe = tmp_path / "probe"
    folders(probe, other="")
    replay(f"sqlite:///{probe / 'store.sqlite'}", probe, ("f1",))
    with sqlite3.connect(probe / "store.sqlite") as con:
        kept = con.execute("SELECT p.url FROM notice n JOIN snapshot s ON s.id = n.snapshot_id JOIN page p ON "
                           "p.id = s.page_id WHERE n.key = 'MOFCOM-2025-22'").fetchone()[0]
    other = N22_ALIAS if kept.endswith(N22) else N22
    root = tmp_path / "pages"
    folders(root, other)
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    replay(db, root, order)
    state = cli(db, "status", "--json", "--as-of", "2026-11-30")
    with sqlite3.connect(tmp_path / "store.sqlite") as con:
        record = con.execute("SELECT record_json FROM notice WHERE key = 'MOFCOM-2025-22'").fetchone()[0]
        issues = con.execute("SELECT kind, url FROM health_issue WHERE resolved_at IS NULL AND kind = 'alias-conflict'"
                             ).fetchall()
    names = [e.get("zh") for e in json.loads(record)["entities"] if "诺沃特" in (e.get("zh") or "")]
    assert names == ["诺沃特公司"], names  # the page read from: the first text, in every copy of it
    assert state.code == 1, (order, state.out[-1500:])  # was 0 (f3-f4-f1-f2, f4-f3-f1)
    assert [(kind, url.split("://", 1)[1]) for kind, url in issues] == [("alias-conflict", f"{W}/{other}")], issues
    assert json.loads(state.out)["health_issues"], order
