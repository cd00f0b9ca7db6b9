"""crawl49 (session 49): an annex page given alone to a later ``replay`` is joined to its notice's stored first page.

crawl48's open B: a notice read with its annex page (2027 No. 9, its 5 entities on a linked page of their own), then
the annex page corrected and given alone in a later folder. Its URL names no first page (as "…_2.html" does), so it
was read alone: refused as cut short, exit 1, its correction never read. A run reads it (asked behind the first
page's 304). Now replay joins it to the first pages whose stored joined copy holds it (the notices it is a page of:
an annex two notices link is joined to both): exit 0, the correction read for each, as a run reads it.

Real ``replay`` and ``status`` processes, real SQLite files.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.faults.harness import cli, cli_env
from tests.faults.test_joined_pages import ANNEX9, AS_OF, ENV, NOTICE9, PAGES, listing, sha, site, status
from tests.faults.test_joined_pages_review import N10, NOTICE10, SHARED

OLD, NEW = "晨星导航公司（Morningstar".encode(), "晨星导航科技公司（Morningstar".encode()


def replay(db: str, folder: Path, day: int) -> tuple[int, str]:
    done = cli(db, "replay", str(folder), "--as-of", AS_OF, "--fetched-at", f"2027-01-2{day}T00:00:00+00:00",
               env=cli_env(**ENV))
    assert "Traceback" not in done.err, done.err
    return done.code, done.out + done.err


def test_an_annex_page_corrected_and_given_alone_is_joined_to_its_notices_stored_first_pages(tmp_path):
    for name, first, annex in (("one", {NOTICE9: PAGES[NOTICE9]}, PAGES[ANNEX9]),
                               ("shared", {NOTICE9: PAGES[NOTICE9], NOTICE10: N10}, SHARED)):
        fixed = annex.replace(OLD, NEW)
        assert fixed != annex
        db = f"sqlite:///{tmp_path / name / 'store.sqlite'}"
        code, said = replay(db, site(tmp_path / name / "a", {**first, ANNEX9: annex}, fixtures=False), 5)
        assert code == 0, said
        code, said = replay(db, site(tmp_path / name / "b", {ANNEX9: fixed}, fixtures=False), 6)
        assert code == 0, (name, said)  # was: exit 1, the annex page refused alone as cut short
        state = status(db)
        assert not state["health_issues"], (name, state["health_issues"])
        feeds = tmp_path / name / "feeds"
        cli(db, "feeds", "--out", str(feeds), "--as-of", AS_OF, env=cli_env(**ENV))
        text = (feeds / "all.atom").read_text(encoding="utf-8")
        for key in ("MOFCOM-2027-9", "MOFCOM-2027-10") if name == "shared" else ("MOFCOM-2027-9",):
            assert listing(state, key)["entity_count"] == 5, (name, key)
            found = [e for e in re.findall(r"<entry>.*?</entry>", text, re.S) if re.search(rf"{key}(?!\d)", e)]
            assert any("<title>Correction" in e for e in found), (name, key)  # the correction read
            assert any("晨星导航科技公司" in e and sha(fixed) in e for e in found if "<title>Imposed" in e), (name, key)
        code, said = replay(db, site(tmp_path / name / "c", {ANNEX9: fixed}, fixtures=False), 7)  # again: no change
        assert code == 0, (name, said)


def test_a_page_alone_that_was_never_part_of_a_notice_is_still_read_alone(tmp_path):
    """No stored joined copy holds the page: read alone as before (cut short: loud, exit 1)."""
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    code, said = replay(db, site(tmp_path / "a", {NOTICE10: N10}, fixtures=False), 5)  # its annex not given: loud
    code, said = replay(db, site(tmp_path / "b", {ANNEX9: PAGES[ANNEX9]}, fixtures=False), 6)
    assert code == 1, said
