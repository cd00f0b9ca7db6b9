"""review53 (session 48): a joined copy's other pages asked again behind a 304 on page 1 (crawl48's ``2fbd7fdb``).

An annex page two notices link (No. 9 and No. 10, review52's shared annex), corrected: the first notice whose page 1
answered 304 asked it conditionally, read the correction, and stored the page's new bytes with their validators. The
other notice then asked it on those validators: a 304, taken to stand for the old bytes its own joined copy holds.
Its correction was never read, run after run exit 0, no issue, its items naming the old name and citing the old
page's SHA-256 as the page's copy. Now a page is asked conditionally only where its latest stored copy is the bytes
the joined copy holds (else whole): both notices read the correction.

Real ``run`` processes against the local site (``tests/site_server.py``), real SQLite files.
"""

from __future__ import annotations

import re

from tests.faults.test_joined_pages import ANNEX9, NOTICE9, PAGES, listing, run, sha, site, status
from tests.faults.test_joined_pages_review import N10, NOTICE10, SHARED
from tests.site_server import SiteServer

OLD, NEW = "晨星导航公司（Morningstar".encode(), "晨星导航科技公司（Morningstar".encode()
FIXED = SHARED.replace(OLD, NEW)


def entries(text: str, key: str) -> list[str]:
    return [e for e in re.findall(r"<entry>.*?</entry>", text, re.S) if re.search(rf"{key}(?!\d)", e)]


def test_an_annex_page_two_notices_link_corrected_is_read_for_both(tmp_path):
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    pages = {NOTICE9: PAGES[NOTICE9], NOTICE10: N10, ANNEX9: SHARED}
    with SiteServer(site(tmp_path / "site", pages)) as served:
        assert run(db, out, served)[0] == 0
        served.set_page(ANNEX9, FIXED)
        for _ in range(2):  # the run that sees the correction, and the next (pages 1 and the annex page: 304s)
            code, report = run(db, out, served)
            assert code == 0, report["sources"]
    state = status(db)
    assert not state["health_issues"], state["health_issues"]
    feed = (out / "all.atom").read_text(encoding="utf-8")
    for key in ("MOFCOM-2027-9", "MOFCOM-2027-10"):
        assert listing(state, key)["entity_count"] == 5, key
        found = entries(feed, key)
        assert any("<title>Correction" in e for e in found), (key, "no correction item")  # was: none for No. 10
        current = [e for e in found if "<title>Imposed" in e]
        assert current and all("晨星导航科技公司" in e and sha(FIXED) in e for e in current), (key, current)
