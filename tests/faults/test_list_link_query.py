"""A list whose links gained, then lost, a query (health37 H63: a source failing for good on a clean site).

The jpaas list of the policy column, read as usual, answered one run with every link tagged "?source=list" (a CMS's tracking
parameter), then as before. The untagged answer listed "none of the 11 links its last copy listed": refused as another
page (wrong-page), and, not stored, the next answer was held to the same tagged copy: every run exit 1, the source's
failing problem opened, new notices listed only there unread, with no way out but a person mending the store. Links
are now held to by their address without the query. Real ``run`` processes on a real SQLite file against the local
site (``tests/site_server.py``).
"""

from __future__ import annotations

import re

from tests.faults.harness import FIXTURES
from tests.faults.test_site_changes import run, status
from tests.site_server import JPAAS_PATH, Fault, SiteServer

W = "www.mofcom.gov.cn"


def test_a_list_whose_links_lose_their_query_is_the_same_list(tmp_path):
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    told = {}
    with SiteServer(FIXTURES) as site:
        whole = site.jpaas(W, {"pageNo": ["1"], "pageSize": ["20"]}) or b""
        tagged = re.sub(rb"(art_[0-9a-f]{32}\.html)", rb"\1?source=list", whole)
        for name in ("plain", "tagged", "plain-again", "plain-once-more"):
            if name == "tagged":
                site.faults[f"{W}/{JPAAS_PATH}"] = Fault("body", body=tagged, content_type="application/json;charset=UTF-8")
            else:
                site.faults.pop(f"{W}/{JPAAS_PATH}", None)
            done, report = run(db, out, {W: site.base_url(W)}, sources=("mofcom-policy-list",))
            told[name] = (done, report, status(db))

    for name in ("plain", "tagged", "plain-again", "plain-once-more"):
        done, report, state = told[name]
        failures = [f for s in report["sources"] for f in s["failures"]]
        assert done.code == 0 and not failures and not state["health_issues"], (name, failures, state["health_issues"])
