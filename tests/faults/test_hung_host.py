"""A host that accepts a request and never answers it (health33's B1; the rule decided by the lead in session 34).

A real ``mofcom-watch run`` reads the MFA's column from a local site whose three notice pages are held far past the
run's timeout (the server accepts, reads the request and says nothing), and MOFCOM's policy column (one notice) after
it. The requests of one host go one at a time, and each unanswered request waits out its retries' backoff away from
the host: the other queued requests of the host took their attempts in those gaps, so every one of them spent all its
retries and the run (its publish, the MOFCOM items after it) was held about a request's retries for each queued page:
with the defaults about 2 minutes each. Now, while one request of a host retries after an unanswered attempt, the
host's others wait for its end; after it the next is asked once (a page that is slow alone still gets its retries,
and the host is down only when two pages went unanswered), and the rest fail at once as ``host-down``, said as failures
of the source as before.
"""

from __future__ import annotations

import time

from tests.faults.harness import FIXTURES
from tests.faults.test_site_changes import N22, POLICY_INDEX, M, W, index_page, items, mentions, run, source
from tests.site_server import Fault, SiteServer

MFA_COLUMN = "web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs"
MFA_PAGES = [f"{MFA_COLUMN}/{page}" for page in
             ("202212/t20221222_10993979.shtml", "202412/t20241217_11494912.shtml", "202509/t20250908_11704050.shtml")]
T22 = "商务部公告2025年第22号 公布将12家美国实体列入出口管制管控名单"
HOLD = 60.0  # seconds the site holds each MFA notice request: past any timeout of the run
TIMEOUT = "1.5"  # seconds a request may wait for its answer
RETRIES = "1"  # one retry: attempts interleave only when there are retries to take


def test_a_hung_host_is_asked_for_one_page_s_retries_and_one_more_page_and_the_other_host_is_read(tmp_path):
    """(One test: a module fixture shared by several is run again on each xdist worker that takes one of them.)"""
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    pages = {f"{W}/{POLICY_INDEX}": index_page("政策发布", [(f"/{N22}", T22, "2025-04-09")]),
             f"{W}/{N22}": (FIXTURES / W / N22).read_bytes()}
    asked: list[str] = []  # requests for the held pages as they arrive (a held one is a hit only once answered)
    with SiteServer(FIXTURES, pages=pages, columns={}) as site:
        for page in MFA_PAGES:
            site.faults[f"{M}/{page}"] = Fault("timeout", delay=HOLD)
        take = site._take_fault
        site._take_fault = lambda path: (asked.append(path) if path in site.faults else None) or take(path)  # type: ignore[method-assign]
        started = time.monotonic()
        done, report = run(db, out, {W: site.base_url(W), M: site.base_url(M)},
                           sources=("mfa-countermeasures", "mofcom-policy"),
                           MOFCOM_WATCH_TIMEOUT=TIMEOUT, MOFCOM_WATCH_RETRIES=RETRIES)
        took = time.monotonic() - started
    # one page's two attempts, the next page once; before, all three pages' attempts in turn (six)
    assert len(asked) == 3, (asked, took)
    failures = source(report, "mfa-countermeasures")["failures"]
    assert sorted(f["reason"] for f in failures) == ["host-down", "timeout", "timeout"], failures
    assert mentions(failures, "not asked again in this run"), failures
    assert done.code == 1, done.err  # the source failed: said, as any fetch failure
    # the other host's source is read and published in the same run
    assert not source(report, "mofcom-policy")["failures"], report
    assert any("MOFCOM-2025-22" in key for key in items(out)), sorted(items(out))[:10]
