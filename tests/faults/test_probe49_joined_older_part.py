"""A notice over two pages corrected on one of them, then a stale cache serving that page's old bytes while the other
page's bytes change every fetch (a visit counter): that page's older copy, said, never the notice's reading (probe49).

Real ``run`` processes against the local copy of the export control bureau's site (``tests/site_server.py``), one real
SQLite file; 2027 No. 8 over two pages (blind46's 03/04, crawl47's joined copy). A page serving bytes first fetched
before its stored copy, reading otherwise, is an ``older-copy`` (session 40; probe48 for a notice's other URL). A
joined copy holding such a page's old bytes beside the other page's new bytes is bytes never fetched before: it was
read as the ministry correcting the notice back, a "Correction" item back to the old name, exit 0, nothing said, and
the next run's corrected page as another correction (only a page 1 of the very same bytes gave the joined copy stored
before, and so the older copy said).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.faults.harness import next_second  # (was time.sleep(1.01): whole-second fetch times)
from tests.faults.test_joined_pages import PAGE1, PAGE2, PAGES, run, site
from tests.faults.test_review58_probes import status
from tests.site_server import SiteServer

CASES = {  # the page corrected, then served old by the cache; the other one's bytes change every fetch
    "page 2 stale": (PAGE2, PAGE1, "海隼战术系统公司", "海隼战术科技公司"),
    "page 1 stale": (PAGE1, PAGE2, "银杉航天公司", "银杉航天科技公司"),
}


def visited(raw: bytes, n: int) -> bytes:
    return raw.replace(b"</body>", f"<p>访问量：{n}</p></body>".encode())


def corrections(out: Path) -> list[str]:
    feed = (out / "all.atom").read_text(encoding="utf-8")
    return [e for e in re.findall(r"<entry>.*?</entry>", feed, re.S)
            if "<title>Correction" in e and "MOFCOM-2027-8" in e]


@pytest.mark.parametrize("case", list(CASES))
def test_a_pages_old_bytes_beside_the_other_pages_new_ones_are_its_older_copy(tmp_path: Path, case: str) -> None:
    stale, churning, old, new = CASES[case]
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    first, fixed = PAGES[stale], PAGES[stale].replace(old.encode(), new.encode())
    with SiteServer(site(tmp_path / "site", {**PAGES, churning: visited(PAGES[churning], 1)})) as served:
        assert run(db, out, served)[0] == 0
        for visit, served_bytes, code, said in ((2, fixed, 0, False), (3, first, 1, True), (4, fixed, 0, False)):
            served.set_page(stale, served_bytes)  # corrected; a cache's old bytes; corrected again
            served.set_page(churning, visited(PAGES[churning], visit))
            next_second()
            done = run(db, out, served)
            issues = status(db)["health_issues"]
            assert done[0] == code, (visit, done[1]["sources"], issues)  # was: exit 0 on visit 3
            assert [(i["kind"], stale in i["detail"]) for i in issues] == ([("older-copy", True)] if said else []), issues
            found = corrections(out)
            # one correction, to the new name; was: a second back to the old one (visit 3), a third on visit 4
            assert len(found) == 1 and new in found[0], (visit, [e[:300] for e in found])


def test_an_annex_page_two_notices_link_served_old_beside_their_new_first_pages_is_its_older_copy(tmp_path: Path) -> None:
    """review52's shared annex page (No. 9 and No. 10 link one page; stored as a page of the smaller key's notice),
    corrected, then served old by a cache while both notices' first pages change every fetch: an older copy for both,
    not for the one owning the page alone (the other's joined copy read as a correction back)."""
    from tests.faults.test_joined_pages import ANNEX9, NOTICE9
    from tests.faults.test_joined_pages_review import N10, NOTICE10, SHARED

    old, new = "晨星导航公司（Morningstar", "晨星导航科技公司（Morningstar"
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    firsts = {NOTICE9: PAGES[NOTICE9], NOTICE10: N10}
    with SiteServer(site(tmp_path / "site", {**{u: visited(b, 1) for u, b in firsts.items()}, ANNEX9: SHARED})) as served:
        assert run(db, out, served)[0] == 0
        for visit, annex, code in ((2, SHARED.replace(old.encode(), new.encode()), 0), (3, SHARED, 1),
                                   (4, SHARED.replace(old.encode(), new.encode()), 0)):
            served.set_page(ANNEX9, annex)
            for url, raw in firsts.items():
                served.set_page(url, visited(raw, visit))
            next_second()
            done = run(db, out, served)
            issues = status(db)["health_issues"]
            assert done[0] == code, (visit, issues)  # was: exit 0 on visit 3, No. 9 corrected back
            assert sorted(i["url"].rsplit("/", 1)[1] for i in issues) == (
                sorted(u.rsplit("/", 1)[1] for u in firsts) if code else []), (visit, issues)
            feed = (out / "all.atom").read_text(encoding="utf-8")
            for key in ("MOFCOM-2027-9", "MOFCOM-2027-10"):
                found = [e for e in re.findall(r"<entry>.*?</entry>", feed, re.S)
                         if "<title>Correction" in e and re.search(rf"{key}(?!\d)", e)]
                assert len(found) == 1, (visit, key, len(found))
