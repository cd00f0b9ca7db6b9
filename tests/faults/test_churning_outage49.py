"""crawl49 (session 49): a churning page back after a 404 or a bot check keeps no extra copy (probe48's B1).

churn47's rule: other bytes of a page reading as its last kept copy keep no copy, the fetch a check. probe48 (session
48) found the rule skipped behind a refused answer: a page whose last fetch was a 404 (an open unusable-page issue) or
a bot-check page (its latest copy an unusable one) kept one new copy when it came back reading as before, and for a
notice of two URLs its items then cited the other URL's new copy: every feed rewritten once per outage (same ids).
Now the page's last notice copy is judged behind the refusal: back and reading as it, a check; its issue resolved.

Real ``run`` processes over real HTTP against the churning fixture site (``tests/faults/test_churning_page.py``), one
real SQLite file.
"""

from __future__ import annotations

from pathlib import Path

from tests.faults.harness import next_second
from tests.faults.test_churning_page import CHURNING, ChurningSite, copies, feeds
from tests.faults.test_site_changes import N22, N22_ALIAS, UEL7, WAF_PAGE, M, W, run, status
from tests.site_server import Fault

OUT = (f"{W}/{N22}", f"{W}/{N22_ALIAS}", f"{W}/{UEL7}")


def published(out: Path) -> dict[str, bytes]:
    return {name: raw for name, raw in feeds(out).items() if "source-health" not in name and "health" not in name}


def test_a_churning_page_back_after_a_404_or_a_bot_check_keeps_no_extra_copy_and_its_feeds_stay(tmp_path: Path) -> None:
    for fault in (Fault("404"), Fault("body", body=WAF_PAGE)):
        folder = tmp_path / fault.kind
        folder.mkdir()
        db_path, out = folder / "store.sqlite", folder / "feeds"
        db = f"sqlite:///{db_path}"
        with ChurningSite() as site:
            bases = {W: site.base_url(W), M: site.base_url(M)}
            done, _ = run(db, out, bases)
            assert done.code == 0, done.out[-2000:]
            first, before = copies(db_path), published(out)
            assert all(len(shas) == 1 for shas in first.values()), first
            for path in OUT:
                site.faults[path] = fault
            next_second()
            done, _ = run(db, out, bases)
            assert done.code == 1, (fault.kind, done.out[-2000:])  # loud while refused
            site.faults.clear()
            for cycle in range(2):  # back, then once more: reading as before
                next_second()
                done, _ = run(db, out, bases)
                assert done.code == 0, (fault.kind, cycle, done.out[-2000:])
                now = copies(db_path)
                notices = {path: [sha for sha in now[path] if sha in first[path] or path not in OUT] for path in CHURNING}
                kept = {path: [sha for sha in now[path] if sha not in first[path]] for path in CHURNING}
                # no notice copy but the first (a bot-check page's own copy is stored, unusable, as before)
                assert all(len(notices[path]) == 1 for path in CHURNING), (fault.kind, cycle, now)
                assert all(len(kept[path]) == (1 if fault.kind == "body" and path in OUT else 0) for path in CHURNING), (
                    fault.kind, cycle, now)  # was: one more copy of each page back from the outage
                assert published(out) == before, (fault.kind, cycle)  # every feed byte for byte (was: rewritten once)
            state = status(db)
            assert state["health_issues"] == [] and state["problems"] == [], (fault.kind, state["health_issues"])
