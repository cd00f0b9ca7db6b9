"""An index page whose bytes change at every fetch while its rows stay: one copy kept, "index last changed" unmoved.

churn47's open 1, the lead's decision in session 47 (index47): an index with a visit counter or a script's timestamp
answered other bytes every fetch and kept a copy every cycle, so ``status``'s per-source "index last changed"
(health46's staleness signal: the fetch time of the index's newest copy) moved every cycle, and a column that had
published nothing for months never looked stale. Now an index answer whose rows read as its last kept copy's (the
links, titles and dates the crawler reads, in order; the pager, the page's name, every link with its label) keeps no
copy: the fetch is recorded as a check. A new row is a new copy, "last changed" moves, and the new notice is read.
The continuity checks stay right: an index answering short of its last whole copy (``index-shrunk``) is said while
it lasts, whatever its bytes, and ends when the index is whole again.

Real ``mofcom-watch run`` and ``status --json`` processes over real HTTP against the local fixture site
(``tests/site_server.py``), whose policy and Q&A indexes gain a counter and a timestamp at every request; one real
SQLite file.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

from tests.faults.harness import cli, next_second
from tests.faults.test_churning_page import ChurningSite
from tests.faults.test_site_changes import (
    N22,
    POLICY_INDEX,
    QA_INDEX,
    T7,
    T8,
    T22,
    T_PVH,
    UEL7,
    UEL8,
    UEL_PVH,
    M,
    W,
    brief,
    env,
    fx,
    index_page,
    run,
    source,
    start_pages,
)

CHURNING = (f"{W}/{POLICY_INDEX}", f"{W}/{QA_INDEX}")


def ChurningIndexSite() -> ChurningSite:  # noqa: N802 - a site, as the class it makes
    """The fixture site, its policy and Q&A indexes answering other bytes at every request: a visit counter and a
    script's timestamp after the list, as the ministry's CMS pages carry them."""
    return ChurningSite(churning=CHURNING)


def copies(db: Path, path: str) -> list[str]:
    """The SHA-256s of the copies stored of the page at ``path``, in the order stored."""
    with sqlite3.connect(db) as con:
        return [sha for url, sha in con.execute(
            "SELECT p.url, s.sha256 FROM snapshot s JOIN page p ON p.id = s.page_id ORDER BY s.id")
                if url.split("://", 1)[1] == path]


def sources(db: str) -> dict[str, dict]:
    """``status --json``'s per-source activity (last checked, index last changed), from a real process."""
    done = cli(db, "status", "--json", env=env())
    return {s["source"]: s for s in json.loads(done.out)["sources"]}


def shrunk(report: dict) -> list[str]:
    """The policy source's ``index-shrunk`` warnings in a run's report."""
    return [w["detail"] for w in source(report, "mofcom-policy")["warnings"] if w["reason"] == "index-shrunk"]


def test_an_index_whose_bytes_change_every_fetch_keeps_one_copy_until_a_row_changes(tmp_path: Path) -> None:
    db_path, out = tmp_path / "store.sqlite", tmp_path / "feeds"
    db = f"sqlite:///{db_path}"
    with ChurningIndexSite() as site:
        bases = {W: site.base_url(W), M: site.base_url(M)}
        seen: list[dict[str, dict]] = []
        for cycle in range(3):
            if cycle:
                next_second()  # fetch times are stored to the second: each cycle's check a later one
            done, _ = run(db, out, bases)
            assert done.code == 0, (cycle, done.out[-2000:], done.err[-2000:])
            seen.append(sources(db))
        assert all(site.served[path] >= 3 for path in CHURNING), site.served  # fetched in full every cycle
        for path in CHURNING:  # the later cycles' rows read as the first: no copy kept
            assert len(copies(db_path, path)) == 1, (path, copies(db_path, path))
        for name in ("mofcom-policy", "mofcom-qa"):
            changed = [s[name]["last_changed"] for s in seen]
            checked = [s[name]["last_checked"] for s in seen]
            assert changed[0] is not None and changed == [changed[0]] * 3, (name, changed)  # unmoved
            assert checked[0] < checked[1] < checked[2], (name, checked)  # each fetch a check all the same
        assert "PVH" not in (out / "all.atom").read_text()

        # a new row: a new copy, "last changed" moves, the new notice is fetched and read
        site.set_page(f"{W}/{UEL_PVH}", fx(W, UEL_PVH))
        site.set_page(f"{W}/{POLICY_INDEX}", index_page("政策发布", [
            (f"/{UEL_PVH}", T_PVH, "2025-02-04"), (f"/{N22}", T22, "2025-04-09"), (f"/{UEL8}", T8, "2025-04-09"),
            (f"/{UEL7}", T7, "2025-04-04")]))
        next_second()
        done, _ = run(db, out, bases)
        assert done.code == 0, (done.out[-2000:], done.err[-2000:])
        after = sources(db)
        assert len(copies(db_path, f"{W}/{POLICY_INDEX}")) == 2
        assert len(copies(db_path, f"{W}/{QA_INDEX}")) == 1
        assert after["mofcom-policy"]["last_changed"] > seen[-1]["mofcom-policy"]["last_changed"]
        assert after["mofcom-qa"]["last_changed"] == seen[-1]["mofcom-qa"]["last_changed"]
        assert len(copies(db_path, f"{W}/{UEL_PVH}")) == 1 and "PVH" in (out / "all.atom").read_text()

        done, _ = run(db, out, bases)  # and the next cycle, the same rows: no copy
        assert done.code == 0, done.out[-2000:]
        assert len(copies(db_path, f"{W}/{POLICY_INDEX}")) == 2
        assert sources(db)["mofcom-policy"]["last_changed"] == after["mofcom-policy"]["last_changed"]


def test_a_churning_index_short_of_its_whole_copy_is_said_while_it_lasts(tmp_path: Path) -> None:
    """The policy index drops its oldest row (UEL 2025 No. 7, stored): ``index-shrunk`` in every cycle it answers so
    (its churning short copy kept once), closed when the whole list is back (a copy again); nothing removed."""
    db_path, out = tmp_path / "store.sqlite", tmp_path / "feeds"
    db = f"sqlite:///{db_path}"
    short = index_page("政策发布", [(f"/{N22}", T22, "2025-04-09"), (f"/{UEL8}", T8, "2025-04-09")])
    whole = start_pages()[f"{W}/{POLICY_INDEX}"]
    with ChurningIndexSite() as site:
        bases = {W: site.base_url(W), M: site.base_url(M)}
        done, first = run(db, out, bases)
        assert done.code == 0, done.out[-2000:]
        atom = (out / "all.atom").read_text()
        site.set_page(f"{W}/{POLICY_INDEX}", short)
        details: list[str] = []
        for cycle in range(3):
            done, report = run(db, out, bases)
            assert done.code == 0, (cycle, done.out[-2000:], done.err[-2000:])
            assert len(copies(db_path, f"{W}/{POLICY_INDEX}")) == 2, cycle  # the short copy, kept once
            assert (out / "all.atom").read_text() == atom  # nothing removed, nothing lifted
            said = shrunk(report)
            assert len(said) == 1 and UEL7 in said[0], (cycle, brief(report))
            details.append(said[0])
        # the warning names the copy kept (the answer reads as it) in every cycle, so the command it gives is the one
        # `accept` takes, and its text does not change with the counter (the source-health item stays; the first
        # cycle holds the answer to "its last copy", the later ones to "its whole copy", as before)
        kept = copies(db_path, f"{W}/{POLICY_INDEX}")[-1]
        assert all(detail.count(kept) == 1 and f"accept https://{W}/{POLICY_INDEX} {kept[:12]})" in detail
                   for detail in details) and details[2] == details[1], details
        site.set_page(f"{W}/{POLICY_INDEX}", whole)
        done, report = run(db, out, bases)
        assert done.code == 0, done.out[-2000:]
        assert shrunk(report) == [], brief(report)
        assert len(copies(db_path, f"{W}/{POLICY_INDEX}")) == 3
        assert (out / "all.atom").read_text() == atom

        # short again, and a person accepts it as it is with the command the warning gives: closed, and the next
        # (churning) answers are held to that copy
        site.set_page(f"{W}/{POLICY_INDEX}", short)
        for _ in range(2):
            done, report = run(db, out, bases)
            assert done.code == 0 and len(shrunk(report)) == 1, brief(report)
        command = re.search(r"mofcom-watch accept (\S+) ([0-9a-f]{12})", shrunk(report)[0])
        assert command is not None, shrunk(report)
        accepted = cli(db, "accept", command.group(1), command.group(2), env=env())
        assert accepted.code == 0, accepted.out + accepted.err
        done, report = run(db, out, bases)
        assert done.code == 0 and shrunk(report) == [], brief(report)
