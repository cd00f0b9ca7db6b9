"""A false 304: the MFA index lists a new decision, but its server (or a CDN) keeps the old copy's ETag and answers
every conditional request "not modified" (health40 M19; M20 is a Last-Modified gone back, compared the same way).

Before: every run, the next day's deep walk too, took the index as unchanged: the decision (13 entities) went unread,
every run and ``status`` exit 0, for as long as the validators lied. Now the daily deep walk asks an index page that
answered 304 once more without validators (``scraper.discovery.FALSE_304``): read on the next UTC day's first cycle.
A cycle the same day still cannot tell (no request says the page changed): that bound is the design's.
Real ``mofcom-watch run`` processes against ``tests/site_server.py``, one SQLite store.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from tests.faults.harness import FIXTURES
from tests.faults.test_deep_walk import _age_runs
from tests.faults.test_site_changes import MFA13, MFA_INDEX, M, W, brief, fx, run, states, status
from tests.site_server import SiteServer

SOURCE = ("mfa-countermeasures",)
DECISION = ("MFA-ORDER-2024-13", "countermeasure")
N23_LISTING = ("MOFCOM-2026-23", "ecl")


def test_a_false_304_on_an_index_is_read_through_by_the_next_days_deep_walk(tmp_path: Path):
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    whole = fx(M, MFA_INDEX)
    without = "\n".join(line for line in whole.decode().splitlines() if "t20241217_11494912" not in line).encode()
    assert without != whole
    with SiteServer(FIXTURES) as site:
        bases = {M: site.base_url(M)}
        site.pages[f"{M}/{MFA_INDEX}"] = without
        site.removed.add(f"{M}/{MFA13}")
        first, report = run(db, out, bases, sources=SOURCE)
        assert first.code == 0 and DECISION not in states(status(db)), (first.err, brief(report))

        site.set_page(f"{M}/{MFA_INDEX}", whole)  # the decision published and listed
        site.removed.discard(f"{M}/{MFA13}")
        site.etags[f"{M}/{MFA_INDEX}"] = '"' + hashlib.sha256(without).hexdigest()[:20] + '"'  # the old copy's ETag
        same_day, report = run(db, out, bases, sources=SOURCE)
        assert same_day.code == 0 and report["sources"][0]["mode"] == "update", brief(report)
        assert DECISION not in states(status(db))  # the day's updates cannot tell (the design's bound)

        _age_runs(db, 25)
        site.reset_hits()
        next_day, report = run(db, out, bases, sources=SOURCE)
        asked = [(h.status, h.conditional) for h in site.hits if h.path == f"{M}/{MFA_INDEX}"]
    assert next_day.code == 0 and report["sources"][0]["mode"] == "deep", (next_day.err, brief(report))
    assert asked == [(304, True), (200, False)], asked
    got = states(status(db)).get(DECISION)
    assert got is not None and got[0] == "in_force" and got[3] == 13, got


def test_a_notice_corrected_under_its_old_etag_is_read_again_by_the_next_days_deep_walk(tmp_path: Path):
    """MOFCOM 2026 No. 23 corrected in place (its 6th entity replaced), its page answering every conditional request
    with the first copy's ETag (health40 M38): the newest notice pages are re-checked conditionally, so the store kept
    the first reading, every run exit 0. The deep walk asks them without validators: the correction is seen and held
    for a person (``renamed``: no longer naming the entity it named), loud."""
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    page = "zwgk/zcfb/art/2026/art_dfa9cc5c1e004d7fbb86f83d249e7986.html"
    first_copy = fx(W, page)
    ball = "鲍尔航空航天技术公司（Ball Aerospace &amp; Technologies Corp.）"
    assert ball in first_copy.decode()
    corrected = first_copy.decode().replace(ball, "BAE系统公司（BAE Systems, Inc.）").encode()
    with SiteServer(FIXTURES) as site:
        bases = {W: site.base_url(W)}
        first, report = run(db, out, bases, sources=("mofcom-policy",))
        assert first.code == 0 and states(status(db))[N23_LISTING][3] == 10, (first.err, brief(report))

        site.set_page(f"{W}/{page}", corrected)
        site.etags[f"{W}/{page}"] = '"' + hashlib.sha256(first_copy).hexdigest()[:20] + '"'
        same_day, report = run(db, out, bases, sources=("mofcom-policy",))
        assert same_day.code == 0, brief(report)  # the day's updates cannot tell (the design's bound)

        _age_runs(db, 25)
        site.reset_hits()
        next_day, report = run(db, out, bases, sources=("mofcom-policy",))
        asked = [(h.status, h.conditional) for h in site.hits if h.path == f"{W}/{page}"]
    assert report["sources"][0]["mode"] == "deep", brief(report)
    assert asked == [(200, False)], asked
    said = [f["detail"] for f in brief(report)["failures"].get("mofcom-policy", []) if page in f["url"]]
    assert next_day.code == 1 and said and "鲍尔航空航天技术公司" in said[0], (next_day.code, brief(report))
