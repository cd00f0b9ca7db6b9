"""A pager shrunk back in the same fetch as a correction: the page it no longer joins is no longer one of the notice's
URLs (review56, session 49; crawl49's 9f8bda71 did it for a shrunk copy reading the same only).

2027 No. 8 read joined over three pages (crawl49's grown pager), then page 3 gone and page 2 whole again with 海隼战术系统公司
corrected to 海隼战术科技公司: the copy of pages 1-2 is read as the ministry's correction and cited, but page 3 stayed among
the notice's URLs, so every item listed page 3's old copy (naming the old spelling) beside "the copy read: the pages
above joined", which holds no page 3. The same replayed: the shrunk copy, then the grown one turning up late (cited,
being first: churn47), then the correction.

Real ``run`` processes against the local site (``tests/site_server.py``), real ``replay`` processes, real SQLite files.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from tests.faults.test_joined_grown49 import GROWN2, GROWN3, P2, PAGE3
from tests.faults.test_joined_pages import (
    AS_OF,
    ENV,
    PAGE1,
    PAGE2,
    PAGES,
    cli,
    cli_env,
    listing,
    run,
    sha,
    site,
    status,
)
from tests.site_server import SiteServer

OLD, NEW = "海隼战术系统公司", "海隼战术科技公司"
FIXED2 = P2.replace(OLD.encode(), NEW.encode())


def urls(db_path: Path) -> set[str]:
    with sqlite3.connect(db_path) as con:
        return {u for (u,) in con.execute("SELECT u.url FROM notice_url u JOIN notice n ON n.id = u.notice_id "
                                          "WHERE n.key = 'MOFCOM-2027-8'")}


def items(out: Path) -> list[str]:
    """No. 8's items, each as it cites its pages now (a correction's "rested on": the pages of the item it corrects)."""
    return [e.split("The item corrected rested on")[0] for e in re.findall(
        r"<entry>.*?</entry>", (out / "all.atom").read_text(encoding="utf-8"), re.S) if "MOFCOM-2027-8" in e]


def test_a_pager_shrunk_with_a_correction_lists_no_third_page(tmp_path: Path) -> None:
    assert FIXED2 != P2
    db_path = tmp_path / "store.sqlite"
    db, out = f"sqlite:///{db_path}", tmp_path / "feeds"
    with SiteServer(site(tmp_path / "site", {**PAGES, PAGE2: GROWN2, PAGE3: GROWN3})) as served:
        assert run(db, out, served)[0] == 0
        assert f"https://{PAGE3}" in urls(db_path)
        served.set_page(PAGE2, FIXED2)
        served.removed.add(PAGE3)
        code, report = run(db, out, served)
        assert code == 0, report["sources"]
    state = status(db)
    assert not state["health_issues"] and listing(state, "MOFCOM-2027-8")["entity_count"] == 6
    assert urls(db_path) == {f"https://{PAGE1}", f"https://{PAGE2}"}  # was: page 3 too
    corrected = [e for e in items(out) if "/correction/" in e]
    assert corrected and all(NEW in e and sha(FIXED2) in e and f"https://{PAGE3}" not in e for e in corrected)


def test_replayed_shrunk_then_grown_late_then_corrected_lists_no_third_page(tmp_path: Path) -> None:
    db_path = tmp_path / "store.sqlite"
    db = f"sqlite:///{db_path}"
    days = {2: {PAGE1: PAGES[PAGE1], PAGE2: P2}, 1: {PAGE1: PAGES[PAGE1], PAGE2: GROWN2, PAGE3: GROWN3},
            3: {PAGE1: PAGES[PAGE1], PAGE2: FIXED2}}
    for day, pages in days.items():
        done = cli(db, "replay", str(site(tmp_path / f"f{day}", pages, fixtures=False)), "--as-of", AS_OF,
                   "--fetched-at", f"2027-01-2{day}T00:00:00+00:00", env=cli_env(**ENV))
        assert done.code == 0 and "Traceback" not in done.err, (day, done.out, done.err)
        if day == 1:  # the grown copy, first fetched, cited (churn47): it holds page 3
            assert f"https://{PAGE3}" in urls(db_path)
    assert urls(db_path) == {f"https://{PAGE1}", f"https://{PAGE2}"}  # was: page 3 too
    out = tmp_path / "feeds"
    assert cli(db, "feeds", "--out", str(out), "--as-of", AS_OF, env=cli_env(**ENV)).code == 0
    corrected = [e for e in items(out) if "/correction/" in e]
    assert corrected and all(NEW in e and f"https://{PAGE3}" not in e for e in corrected)
