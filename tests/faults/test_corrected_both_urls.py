"""A notice corrected at both its URLs: its pages agree again, whichever URL is fetched first.

Real ``mofcom-watch run`` processes over real HTTP against the local fixture site (``tests/site_server.py``), one real
SQLite file. 2025 No. 22 lives at two URLs; the ministry corrects a line of its annex at both.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.faults.test_site_changes import N22, N22_ALIAS, M, W, fx, run, start_pages, status
from tests.site_server import SiteServer

OLD_NAME, NEW_NAME = "诺沃特公司（Novotech, Inc.）", "诺沃特科技公司（Novotech, Inc.）"  # a line of No. 22's annex
KEY = "MOFCOM-2025-22"


def read_from(db_path: Path) -> str:
    """The URL of the copy No. 22 is read from."""
    with sqlite3.connect(db_path) as con:
        url: str = con.execute("SELECT p.url FROM notice n JOIN snapshot s ON s.id = n.snapshot_id JOIN page p ON "
                               "p.id = s.page_id WHERE n.key = ?", (KEY,)).fetchone()[0]
    return url


def read_and_other(db_path: Path) -> tuple[str, str]:
    """No. 22's page its notice is read from and its other page, each as ``host/path``."""
    kept = read_from(db_path).split("://", 1)[1]
    return kept, next(f"{W}/{p}" for p in (N22, N22_ALIAS) if f"{W}/{p}" != kept)


def test_a_notice_corrected_at_both_its_urls_leaves_no_pages_disagree_open(tmp_path: Path) -> None:
    """No. 22 corrected at both its URLs, on a site answering the same bytes each fetch (and 304s): the URL whose copy
    the notice is not read from (the smaller SHA-256 keeps the alias's) is fetched first and disagrees with the kept
    reading for a moment (alias-conflict opened), then the kept page's correction is stored: the two agree again.
    The issue stayed open for good (every later run exit 1, "pages disagree" naming a page that reads as the notice),
    nothing fetching that page's same bytes again read it (found by churn47, session 47)."""
    db_path, out = tmp_path / "store.sqlite", tmp_path / "feeds"
    db = f"sqlite:///{db_path}"
    with SiteServer(None, pages=start_pages(), columns={W: "zwgk/zcfb/"}) as site:
        bases = {W: site.base_url(W), M: site.base_url(M)}
        done, _ = run(db, out, bases)
        assert done.code == 0, done.out[-2000:]
        assert read_from(db_path).endswith(N22_ALIAS)  # (the fixture's bytes: the order below is the case's)
        for path in (N22, N22_ALIAS):
            site.set_page(f"{W}/{path}", fx(W, path).replace(OLD_NAME.encode(), NEW_NAME.encode()))
        for _ in range(2):
            done, report = run(db, out, bases)
            assert done.code == 0, report.get("open_issues")
            assert status(db)["health_issues"] == []
    assert "诺沃特科技公司" in (out / "all.atom").read_text()
