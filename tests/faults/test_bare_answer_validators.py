"""A 200 answer without validators after one with them (health37 H30: a problem that never cleared).

The aqygzj list endpoint answered once an empty list (``{"success":true,"data":{"html":"<ul></ul>"}}``, a zero-links
problem, as domain.md b.2 wants) with no ETag. Its bytes were stored as the list's newest copy, but the page kept the
ETag of the whole list before it, so the next run asked "If-None-Match: <the whole list's ETag>", the site answered
304, and that was read as "the empty list again": the problem stayed open (run and ``status`` exit 1) for as long as the
list did not change. New bytes now bring their own validators, or none. Real ``run`` processes on a real SQLite file
against the local site (``tests/site_server.py``).
"""

from __future__ import annotations

import json

from tests.faults.harness import FIXTURES
from tests.faults.test_site_changes import run, status
from tests.site_server import JPAAS_PATH, Fault, SiteServer

A = "aqygzj.mofcom.gov.cn"
EMPTY = json.dumps({"success": True, "data": {"html": "<ul></ul>"}}).encode()


def test_a_bare_empty_list_is_a_problem_that_the_next_whole_answer_clears(tmp_path):
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    told = {}
    with SiteServer(FIXTURES) as site:
        for name in ("clean", "empty", "whole-again"):
            if name == "empty":
                site.faults[f"{A}/{JPAAS_PATH}"] = Fault("body", body=EMPTY, content_type="application/json;charset=UTF-8",
                                                         times=1)
            site.reset_hits()
            done, _report = run(db, out, {A: site.base_url(A)}, sources=("aqygzj",))
            told[name] = (done, status(db), [(h.path, h.status) for h in site.hits if JPAAS_PATH in h.path])

    done, state, _hits = told["clean"]
    assert done.code == 0 and not state["health_issues"], (done.err, state["health_issues"])
    done, state, _hits = told["empty"]
    assert done.code == 1 and [i["kind"] for i in state["health_issues"]] == ["zero-links"], state["health_issues"]
    done, state, hits = told["whole-again"]
    assert [status for _path, status in hits] == [200], hits  # asked in full: the empty copy had no validators
    assert done.code == 0 and not state["health_issues"], (done.err, state["health_issues"])
