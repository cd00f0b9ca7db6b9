"""store50 (session 50): review56's B4, a notice over two pages whose entity moved between its pages, then corrected.

2027 No. 8 read joined over two pages (crawl47). One fetch moves entity 4 from page 2 to page 1: both pages change, the
notice reads the same, so the fetch is a check (churn47) and each page's new validators are recorded (page 1's by the
check, page 2's by ``pipeline._touch_parts``, crawl49); a 304 on them stands for the bytes the stored joined copy holds.
Then the ministry corrects page 2 (海隼战术系统公司 -> 海隼战术科技公司): page 1 answered 304 and its *old* bytes were
joined with page 2's new ones, a copy the site never served:

- moved from page 2 to page 1: entity 4 on neither, "parsed with 5 of the 6 entities it states", the correction held
  for a run (exit 1), read at the next run only (page 1's validators forgotten);
- moved from page 1 to page 2: entity 3 on both (read once), the correction stored, but every item citing page 1's old
  bytes, which the site no longer served.

Now, when a page of a joined notice changed, the pages that answered 304 are asked again whole: the copy read is the
pages as served. Real ``run`` processes against the local site (``tests/site_server.py``), real SQLite files.
"""

from __future__ import annotations

import re

import pytest

from tests.faults.test_joined_grown49 import FOUR, P2, copies
from tests.faults.test_joined_pages import PAGE1, PAGE2, PAGES, listing, run, sha, site
from tests.faults.test_review58_probes import status
from tests.site_server import SiteServer

P1 = PAGES[PAGE1]
THREE = "<p>3. 磐石推进技术公司（Bedrock Propulsion Technologies）</p>\n".encode()


@pytest.mark.parametrize("moved", ["page 2 to page 1", "page 1 to page 2"])
def test_an_entity_moved_between_pages_then_a_correction_on_page_2_is_read_from_the_pages_as_served(tmp_path, moved):
    assert THREE in P1 and FOUR in P2
    if moved == "page 2 to page 1":
        p1, p2 = P1.replace(THREE, THREE + FOUR), P2.replace(FOUR, b"")
    else:
        p1, p2 = P1.replace(THREE, b""), P2.replace(FOUR, THREE + FOUR)
    fixed = p2.replace("海隼战术系统公司".encode(), "海隼战术科技公司".encode())
    assert p1 != P1 and p2 != P2 and fixed != p2
    db_path = tmp_path / "store.sqlite"
    db, out = f"sqlite:///{db_path}", tmp_path / "feeds"
    with SiteServer(site(tmp_path / "site", PAGES)) as served:
        assert run(db, out, served)[0] == 0
        served.set_page(PAGE1, p1)
        served.set_page(PAGE2, p2)
        code, report = run(db, out, served)  # both pages changed, reading the same: a check
        assert code == 0, report["sources"]
        assert len(copies(db_path, PAGE1)) == 1 and len(copies(db_path, PAGE2)) == 1
        served.set_page(PAGE2, fixed)
        code, report = run(db, out, served)  # the correction on page 2, page 1 unchanged since the check
        state = status(db)
        # was (page 2 to page 1): exit 1, "MOFCOM-2027-8 parsed with 5 of the 6 entities it states", the correction held
        assert code == 0 and not state["health_issues"], (report["sources"], state["health_issues"])
        assert listing(state, "MOFCOM-2027-8")["entity_count"] == 6
        served.reset_hits()
        code, report = run(db, out, served)  # then it settles: 304s
        assert code == 0, report["sources"]
        hits = sorted((h.path, h.status) for h in served.hits if "art_e45ee7ce" in h.path)
        assert hits == sorted([(PAGE1, 304), (PAGE2, 304)]), hits
    items = [e for e in re.findall(r"<entry>.*?</entry>", (out / "all.atom").read_text(encoding="utf-8"), re.S)
             if "MOFCOM-2027-8" in e]
    corrected = [e for e in items if "海隼战术科技公司" in e]
    assert corrected, items
    # the copy read is the pages as served: page 1's new bytes (was: its old ones, joined with page 2's new ones; the
    # correction item names the copy before too)
    assert all(sha(p1) in e and sha(fixed) in e for e in corrected), corrected
    current = [e for e in corrected if "<title>Imposed:" in e]
    assert current and all(sha(P1) not in e for e in current), current
    assert not status(db)["health_issues"]
