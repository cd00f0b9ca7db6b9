"""A page that read once as another notice's disagreeing copy, then as its own notice (health44 H23).

A new MFA decision's URL (2024 No. 13) served, for one run, another decision's article (2022 No. 4) under its own
title: stored as a copy of No. 4 that disagrees with No. 4's own page (an alias-conflict issue, exit 1: loud, right).
The next run read the URL right, as No. 13. The issue stayed open for ever, every later run and ``status`` at exit 1
with no ``accept`` to close it (order43's B3 saw one too): the URL no longer claims to be No. 4. Real runs against
the local site, one real SQLite store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.faults.harness import FIXTURES, HOSTS, Done, cli
from tests.site_server import SiteServer

MFA_DIR = "www.mfa.gov.cn/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs"
INDEX = f"{MFA_DIR}/index.html"
NEW = f"{MFA_DIR}/202412/t20241217_11494912.shtml"  # 外交部令第13号 (2024)
OTHER = f"{MFA_DIR}/202212/t20221222_10993979.shtml"  # 外交部令第4号 (2022)


def _article(page: bytes) -> str:
    """The decision's article (from its body container to the footer)."""
    text = page.decode()
    start = text.rindex("<", 0, text.index('id="News_Body_Txt_A"'))
    return text[start:text.index('<div class="footer"', start)]


def _run(db: str, site: SiteServer, out: Path, when: str) -> Done:
    args = ["run", "--as-of", when[:10], "--fetched-at", when, "--out", str(out), "--no-progress",
            "--source", "mfa-countermeasures"]
    for host in HOSTS:
        args += ["--base-url", f"{host}={site.url}/{host}"]
    return cli(db, *args)


def _conflict(path: Path) -> tuple[str | None, str | None, str | None] | None:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT url, resolved_at, resolved_url FROM health_issue WHERE key = ?",
                            ("alias-conflict/MFA-ORDER-2022-4",)).fetchone()


def test_a_url_read_as_its_own_notice_closes_the_conflict_it_opened_as_another(tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite"
    db, out = f"sqlite:///{store}", tmp_path / "feeds"
    listed = (FIXTURES / INDEX).read_bytes()
    unlisted = b"\n".join(line for line in listed.splitlines() if b"t20241217_11494912" not in line)
    with SiteServer(FIXTURES) as site:
        site.pages[INDEX] = unlisted
        site.removed.add(NEW)
        first = _run(db, site, out, "2026-11-29T00:00:00+00:00")
        assert first.code == 0, first.err[-2000:]
        site.pages[INDEX] = listed
        site.removed.discard(NEW)
        own = (FIXTURES / NEW).read_bytes()
        site.pages[NEW] = own.decode().replace(_article(own), _article((FIXTURES / OTHER).read_bytes())).encode()
        mixed = _run(db, site, out, "2026-11-30T00:00:00+00:00")
        assert mixed.code == 1, mixed.err[-2000:]  # loud: No. 4's pages disagree
        url, resolved, _ = _conflict(store) or (None, "missing", None)
        assert url == f"https://{NEW}" and resolved is None
        site.pages[NEW] = own
        clean = _run(db, site, out, "2026-12-01T00:00:00+00:00")
    assert clean.code == 0, clean.err[-2000:]  # was: 1 on every run after, the issue open for ever
    url, resolved, by = _conflict(store) or (None, None, None)
    assert resolved is not None and by == f"https://{NEW}", (url, resolved, by)
    with sqlite3.connect(store) as conn:
        assert conn.execute("SELECT count(*) FROM notice WHERE key = 'MFA-ORDER-2024-13'").fetchone() == (1,)
    status = cli(db, "status", "--as-of", "2026-12-01")
    assert "alias-conflict" not in status.out, status.out[-3000:]
