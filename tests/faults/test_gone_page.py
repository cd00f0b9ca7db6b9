"""A notice page the ministry took down (404, its index no longer listing it) kept ``status`` and every ``run`` at
exit 1 for as long as the page stayed gone, with no way for a person to say they had checked it (story32 C1): cron
mailed the same problem every cycle, and a new problem hid among them. ``accept URL gone`` records the check: the
issue closes, runs stop asking for the page, the notice's listings stay as read (a page gone lifts nothing).

Real ``mofcom-watch run`` and ``accept`` processes against a local jpaas column (``tests/site_server.py``), one SQLite
store, as ``test_deep_walk`` (whose column and sources file this reuses).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.faults.harness import cli
from tests.faults.test_deep_walk import SOURCE, column_store
from tests.faults.test_site_changes import UEL8, W, brief, env, run, states, status
from tests.site_server import SiteServer


def test_a_page_checked_gone_closes_its_problem_and_keeps_its_listings(tmp_path: Path):
    db, out, extra, pages = column_store(tmp_path)
    with SiteServer(None, pages=pages, columns={W: "zwgk/zcfb/"}) as site:
        bases = {W: site.base_url(W)}
        first, report = run(db, out, bases, sources=(SOURCE,), **extra)
        assert first.code == 0, (first.err, brief(report))
        listed = states(status(db))
        assert ("UEL-2025-8", "uel") in listed, sorted(listed)
        site.removed.add(f"{W}/{UEL8}")  # withdrawn: 404, and the column no longer lists it
        gone, report = run(db, out, bases, sources=(SOURCE,), **extra)
        assert gone.code == 1, (gone.err, brief(report))
        url = f"https://{W}/{UEL8}"  # as the store names it (the site stands in for it)
        problems = [i["detail"] for i in status(db)["health_issues"]]
        assert any(d.startswith(f"{url}: not-found") and f"mofcom-watch accept {url} gone" in d for d in problems), \
            problems
        waiting = cli(db, "review", "--json", env=env(**extra))  # what waits for a person lists it (docs33)
        assert waiting.code == 1, (waiting.code, waiting.err)
        assert [(g["url"], g["command"]) for g in json.loads(waiting.out)["gone"]] == [
            (url, f"mofcom-watch accept {url} gone")], waiting.out
        wrong = cli(db, "accept", f"https://{W}/zwgk/zcfb/art/2025/nothing.html", "gone", env=env(**extra))
        assert wrong.code == 2 and "not open as a page gone" in wrong.err, (wrong.code, wrong.err)
        checked = cli(db, "accept", url, "gone", "--note", "withdrawn, per the ministry", env=env(**extra))
        assert checked.code == 0, checked.err
        assert "checked gone" in checked.out and "UEL-2025-8's listings stay as read" in checked.out, checked.out
        # the column dropped it too: a warning (failing nothing), named so that the person can settle both at once
        index = re.search(r"mofcom-watch accept (\S+) [0-9a-f]{8,}", status(db)["warnings"][0]["detail"]).group(1)
        assert f"The index {index} still warns that it dropped the page" in checked.out, checked.out
        site.reset_hits()
        after, report = run(db, out, bases, sources=(SOURCE,), **extra)
        asked = [h.path for h in site.hits]
        shown = cli(db, "status", "--json", env=env(**extra))
        reviewed = cli(db, "review", env=env(**extra))
    assert after.code == 0, (after.err, brief(report))
    assert not any(UEL8 in p for p in asked), asked  # not asked for again
    assert states(status(db)) == listed  # nothing lifted or removed
    said = json.loads(shown.out)
    assert shown.code == 0 and said["health_issues"] == [], (shown.code, said["health_issues"], said["problems"])
    assert [c["url"] for c in said["checked_gone"]] == [url], said["checked_gone"]
    assert "withdrawn, per the ministry" in said["checked_gone"][0]["detail"]
    assert reviewed.code == 0 and "Nothing held back for review." in reviewed.out, (reviewed.code, reviewed.out)


def test_the_newest_notice_checked_gone_at_once_leaves_its_index_read(tmp_path: Path):
    """ops41: the column's newest notice withdrawn (404, dropped from the list), and a person following `status` at
    once (``accept URL gone`` after the first run that saw it): the page, known again once its problem closed, was the
    newest link the index's stored copy listed, so every later answer without it was "a stale or wrong copy of the
    index", the column refused at every run (`failing` after three), its new notices unread, with nothing a person
    could accept. A page checked gone is no link the store holds (storage.pages.PageStore.known)."""
    from tests.faults.test_site_changes import N22

    db, out, extra, pages = column_store(tmp_path)
    with SiteServer(None, pages=pages, columns={W: "zwgk/zcfb/"}) as site:
        bases = {W: site.base_url(W)}
        first, report = run(db, out, bases, sources=(SOURCE,), **extra)
        assert first.code == 0, (first.err, brief(report))
        listed = states(status(db))
        site.removed.add(f"{W}/{N22}")  # the newest row: 404, and the column no longer lists it
        gone, report = run(db, out, bases, sources=(SOURCE,), **extra)
        assert gone.code == 1, (gone.err, brief(report))
        url = f"https://{W}/{N22}"
        checked = cli(db, "accept", url, "gone", env=env(**extra))
        assert checked.code == 0, checked.err
        after = [run(db, out, bases, sources=(SOURCE,), **extra) for _ in range(3)]
    for done, report in after:
        assert done.code == 0, (done.err, brief(report))
    issues = status(db)["health_issues"]
    assert issues == [], [(i["kind"], i["detail"][:200]) for i in issues]
    assert states(status(db)) == listed  # nothing lifted or removed
