"""A notice corrected only at the URL it is read from, its other URL still serving the old text (churn47's open 3).

Real ``mofcom-watch run`` processes over real HTTP against the local fixture site (``tests/site_server.py``), one real
SQLite file. 2025 No. 22 lives at two URLs; the ministry corrects a line of its annex at the page the notice is read
from only; the other page keeps answering its old bytes (or a 304 to the validators it was asked with).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.faults.harness import next_second  # (was time.sleep(1.01): whole-second fetch times)
from tests.faults.test_corrected_both_urls import KEY, NEW_NAME, OLD_NAME, read_and_other, read_from
from tests.faults.test_site_changes import N22, N22_ALIAS, M, W, fx, run, start_pages, status
from tests.site_server import Fault, SiteServer


def conflicts(db: str) -> list[dict]:
    return [i for i in status(db)["health_issues"] if i["kind"] == "alias-conflict"]


def test_a_notice_corrected_only_where_it_is_read_from_its_other_url_still_old_is_loud(tmp_path: Path) -> None:
    """No. 22 corrected at the URL its notice is read from, its other URL still the old text, answering the same bytes
    (and 304s): the pages disagree, said (alias-conflict naming the stale page, exit 1), every run until the other
    page reads as the notice again, and then closed. Was: nothing said, exit 0, the items citing the other page's old
    copy, which names 诺沃特公司, as that page's copy of a notice that now names 诺沃特科技公司."""
    db_path, out = tmp_path / "store.sqlite", tmp_path / "feeds"
    db = f"sqlite:///{db_path}"
    with SiteServer(None, pages=start_pages(), columns={W: "zwgk/zcfb/"}) as site:
        bases = {W: site.base_url(W), M: site.base_url(M)}
        done, _ = run(db, out, bases)
        assert done.code == 0, done.out[-2000:]
        kept, other = read_and_other(db_path)
        site.set_page(kept, fx(W, kept.split("/", 1)[1]).replace(OLD_NAME.encode(), NEW_NAME.encode()))
        for _ in range(2):
            next_second()
            done, report = run(db, out, bases)
            assert done.code == 1, (done.out[-2000:], done.err[-2000:])
            found = conflicts(db)
            assert len(found) == 1 and found[0]["url"].endswith(other), found
        assert read_from(db_path).endswith(kept)  # the correction at the page read from is the notice
        assert "诺沃特科技公司" in (out / "all.atom").read_text()
        # the other page corrected too: they agree, the issue closed
        site.set_page(other, fx(W, other.split("/", 1)[1]).replace(OLD_NAME.encode(), NEW_NAME.encode()))
        next_second()
        done, report = run(db, out, bases)
        assert done.code == 0, report.get("open_issues")
        assert conflicts(db) == []


def test_a_page_serving_its_old_bytes_again_after_a_correction_at_both_urls_does_not_undo_it(tmp_path: Path) -> None:
    """No. 22 corrected at both its URLs; then the page it is not read from serves its old bytes again (a cache in
    front of it): that page's older copy, said (older-copy, exit 1), the notice still the corrected text; served the
    corrected page again, closed. Was: the old bytes, first fetched before the corrected copy the notice is read from,
    won the pages' comparison ("the copy first fetched earlier stays"): the correction undone (a correction item back to
    诺沃特公司), under an alias-conflict naming the corrected page."""
    db_path, out = tmp_path / "store.sqlite", tmp_path / "feeds"
    db = f"sqlite:///{db_path}"
    with SiteServer(None, pages=start_pages(), columns={W: "zwgk/zcfb/"}) as site:
        bases = {W: site.base_url(W), M: site.base_url(M)}
        done, _ = run(db, out, bases)
        assert done.code == 0, done.out[-2000:]
        for path in (N22, N22_ALIAS):
            site.set_page(f"{W}/{path}", fx(W, path).replace(OLD_NAME.encode(), NEW_NAME.encode()))
        next_second()
        done, _ = run(db, out, bases)
        assert done.code == 0, done.out[-2000:]
        kept, other = read_and_other(db_path)
        corrected = site.read(other)
        site.set_page(other, fx(W, other.split("/", 1)[1]))  # its old bytes again
        next_second()
        done, _ = run(db, out, bases)
        assert done.code == 1, done.out[-2000:]
        issues = status(db)["health_issues"]
        assert [(i["kind"], i["url"].split("://", 1)[1]) for i in issues] == [("older-copy", other)], issues
        with sqlite3.connect(db_path) as con:
            record = con.execute("SELECT record_json FROM notice WHERE key = ?", (KEY,)).fetchone()[0]
        names = [e.get("zh") for e in json.loads(record)["entities"]]
        assert "诺沃特科技公司" in names and "诺沃特公司" not in names, names
        assert corrected is not None
        site.set_page(other, corrected)
        next_second()
        done, report = run(db, out, bases)
        assert done.code == 0, report.get("open_issues")
        assert status(db)["health_issues"] == []


def test_a_moved_pages_note_says_its_notice_is_also_at_the_other_url(tmp_path: Path) -> None:
    """The page No. 22 is read from answers 404, its other URL answering: a note, no failure, saying where the notice
    also is. Was "its notice is read at <the other URL>", while it was read from the gone page's last copy."""
    db_path, out = tmp_path / "store.sqlite", tmp_path / "feeds"
    db = f"sqlite:///{db_path}"
    with SiteServer(None, pages=start_pages(), columns={W: "zwgk/zcfb/"}) as site:
        bases = {W: site.base_url(W), M: site.base_url(M)}
        done, _ = run(db, out, bases)
        assert done.code == 0, done.out[-2000:]
        kept, other = read_and_other(db_path)
        site.faults[kept] = Fault("404")
        next_second()
        done, report = run(db, out, bases)
        assert done.code == 0, done.out[-2000:]
    notes = [n for s in report["sources"] for n in s.get("notes", []) if "gone (HTTP 404)" in n]
    assert notes == [f"https://{kept}: gone (HTTP 404); its notice is also at https://{other}, which answers"], notes
    assert read_from(db_path).endswith(kept)  # (still read from the gone page's last copy: the two read alike)
