"""crawl49 (session 49): a notice over pages whose pager grows (a page 3 added) settles after one run.

review53's B2 (session 48): 2027 No. 8 read joined over two pages; the ministry moves its last entity from page 2 to a
new page 3 (page 2 now links it, "1 2 3 下一页 共3页"). The notice reads the same, 6 entities, so the grown joined copy
was kept by no run (the churn rule, "reads as the kept copy"): page 3 was never stored and page 2's new bytes never
had their validators, so every later run fetched both whole and parsed the notice again, for good. Now the grown copy
is kept once (its pages are not the stored copy's); the next run's page 1, page 2 and page 3 answer 304, nothing is
parsed, no feed is written. The same pages with other bytes (a counter) stay a check, not a copy (churn47).

Real ``run`` processes against the local site (``tests/site_server.py``), real SQLite files.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from tests.faults.test_joined_pages import N8, PAGE1, PAGE2, PAGES, listing, run, sha, site, status
from tests.site_server import SiteServer

COLUMN = PAGE1.rsplit("/", 1)[0]
PAGE3 = f"{COLUMN}/{N8}_3.html"
P2 = PAGES[PAGE2]
FOUR = "<p>4. 雪原通信公司（Snowfield Communications Corp.）</p>\n".encode()
FIVE = "<p>5. 黑曜石网络安全公司（Obsidian Cyber Security, Inc.）</p>\n".encode()
SIX = "<p>6. 海隼战术系统公司（Sea Falcon Tactical Systems LLC）</p>\n".encode()
PAGER3 = f'<a href="{N8}_3.html">3</a> <a href="{N8}_3.html">下一页</a> 共3页</div>'.encode()
# page 2 without entity 6, linking page 3; page 3 with entity 6 and the closing words
GROWN2 = P2.replace(SIX, b"").replace("共2页</div>".encode(), PAGER3)
GROWN3 = (P2.replace(SIX, SIX + "<p>特此公告。</p>\n".encode()).replace(FOUR, b"").replace(FIVE, b"")
          .replace('<span class="cur">2</span> 共2页'.encode(),
                   f'<a href="{N8}_2.html">2</a> <span class="cur">3</span> 共3页'.encode()))


def copies(db_path: Path, path: str) -> list[tuple[str, str]]:
    with sqlite3.connect(db_path) as con:
        return con.execute("SELECT s.sha256, s.outcome FROM snapshot s JOIN page p ON p.id = s.page_id "
                           "WHERE p.url = ? ORDER BY s.id", (f"https://{path}",)).fetchall()


def feeds(out: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_mtime_ns, p.stat().st_ino) for p in out.rglob("*") if p.is_file()}


def test_a_pager_grown_to_a_third_page_is_kept_once_and_the_next_run_asks_every_page_conditionally(tmp_path):
    assert SIX in P2 and "共2页</div>".encode() in P2 and GROWN2 != P2 and SIX in GROWN3 and FOUR not in GROWN3
    db_path = tmp_path / "store.sqlite"
    db, out = f"sqlite:///{db_path}", tmp_path / "feeds"
    with SiteServer(site(tmp_path / "site", PAGES)) as served:
        assert run(db, out, served)[0] == 0
        served.set_page(PAGE2, GROWN2)
        served.set_page(PAGE3, GROWN3)
        served.reset_hits()
        code, report = run(db, out, served)  # the run that sees page 3: read whole, the grown copy kept once
        assert code == 0, report["sources"]
        assert [h.path for h in served.hits if N8 in h.path].count(PAGE3) == 1
        state = status(db)
        assert not state["health_issues"] and listing(state, "MOFCOM-2027-8")["entity_count"] == 6
        assert copies(db_path, PAGE3) == [(sha(GROWN3), "part")]  # was: never stored
        assert copies(db_path, PAGE2)[-1] == (sha(GROWN2), "part")
        assert len(copies(db_path, PAGE1)) == 2  # the joined copy of pages 1-3, beside that of pages 1-2
        written = feeds(out)
        for n in range(2):  # the next runs: every page asked on its validators, 304, nothing parsed or written
            served.reset_hits()
            code, report = run(db, out, served)
            assert code == 0, report["sources"]
            hits = [(h.path, h.status, h.conditional) for h in served.hits if N8 in h.path]
            assert sorted(hits) == sorted([(PAGE1, 304, True), (PAGE2, 304, True), (PAGE3, 304, True)]), (n, hits)
            # (was: page 2 answered 200 on its old validators and page 3 was fetched whole, the notice parsed again)
            assert len(copies(db_path, PAGE1)) == 2 and len(copies(db_path, PAGE3)) == 1
            assert feeds(out) == written, n  # no feed written
    state = status(db)
    assert not state["health_issues"] and listing(state, "MOFCOM-2027-8")["entity_count"] == 6
    items = [e for e in re.findall(r"<entry>.*?</entry>", (out / "all.atom").read_text(encoding="utf-8"), re.S)
             if "MOFCOM-2027-8" in e]
    # the items cite the grown copy, whose pages they list (the first copy holds no page 3)
    assert items and all(sha(GROWN2) in e and sha(GROWN3) in e and sha(P2) not in e for e in items), items[0]
    assert all(f"https://{PAGE3}" in e and "海隼战术系统公司" in e for e in items)


def test_a_page_2_changed_once_reading_the_same_settles_and_a_later_change_on_it_is_still_read(tmp_path):
    """Page 2's bytes change once (a comment), the notice reading the same: it was asked on its old validators, fetched
    whole and the notice parsed again at every run, for good. Now its fetch is a check with the validators it answered
    (as page 1's is, churn47): the next runs are 304s. A later correction on page 2 is still read."""
    db_path = tmp_path / "store.sqlite"
    db, out = f"sqlite:///{db_path}", tmp_path / "feeds"
    touched = P2.replace(b"</body>", b"<!-- 2027-01-21 -->\n</body>")
    fixed = touched.replace("海隼战术系统公司".encode(), "海隼战术系统集团公司".encode())
    assert touched != P2 and fixed != touched
    with SiteServer(site(tmp_path / "site", PAGES)) as served:
        assert run(db, out, served)[0] == 0
        served.set_page(PAGE2, touched)
        served.reset_hits()
        code, report = run(db, out, served)
        assert code == 0, report["sources"]
        assert [(h.path, h.status) for h in served.hits if h.path == PAGE2] == [(PAGE2, 200)]
        assert len(copies(db_path, PAGE1)) == 1 and len(copies(db_path, PAGE2)) == 1  # a check, no copy (churn47)
        written = feeds(out)
        for n in range(2):
            served.reset_hits()
            code, report = run(db, out, served)
            assert code == 0, report["sources"]
            hits = [(h.path, h.status, h.conditional) for h in served.hits if N8 in h.path]
            assert sorted(hits) == sorted([(PAGE1, 304, True), (PAGE2, 304, True)]), (n, hits)  # was: page 2 200
            assert feeds(out) == written, n
        served.set_page(PAGE2, fixed)  # a correction on page 2 behind page 1's 304: read
        code, report = run(db, out, served)
        assert code == 0, report["sources"]
    items = (out / "all.atom").read_text(encoding="utf-8")
    assert "海隼战术系统集团公司" in items and sha(fixed) in items
    assert not status(db)["health_issues"]


def test_a_pager_shrunk_back_to_two_pages_is_kept_once_and_its_items_list_no_third_page(tmp_path):
    """The reverse: pages 1-3 read, then page 3 gone and page 2 holding entity 6 again. The copy of pages 1-2 is kept
    once and cited; page 3 is no longer one of the notice's URLs (its items listed it beside a copy that holds no page
    3), and the next runs are 304s on pages 1 and 2."""
    db_path = tmp_path / "store.sqlite"
    db, out = f"sqlite:///{db_path}", tmp_path / "feeds"
    with SiteServer(site(tmp_path / "site", {**PAGES, PAGE2: GROWN2, PAGE3: GROWN3})) as served:
        assert run(db, out, served)[0] == 0
        served.set_page(PAGE2, P2)
        served.removed.add(PAGE3)
        code, report = run(db, out, served)
        assert code == 0, report["sources"]
        for n in range(2):
            served.reset_hits()
            code, report = run(db, out, served)
            assert code == 0, report["sources"]
            hits = [(h.path, h.status, h.conditional) for h in served.hits if N8 in h.path]
            assert sorted(hits) == sorted([(PAGE1, 304, True), (PAGE2, 304, True)]), (n, hits)
    state = status(db)
    assert not state["health_issues"] and listing(state, "MOFCOM-2027-8")["entity_count"] == 6
    items = [e for e in re.findall(r"<entry>.*?</entry>", (out / "all.atom").read_text(encoding="utf-8"), re.S)
             if "MOFCOM-2027-8" in e]
    assert items and all(sha(P2) in e and f"https://{PAGE3}" not in e for e in items), items[0]  # was: page 3 listed
