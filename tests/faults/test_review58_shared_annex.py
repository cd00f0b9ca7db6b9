"""review58 (session 50): a shared annex page whose new bytes read the same for one notice is said for the other in
either order (store50's open B1, the lead's option 2).

2027 No. 9 and No. 10 link one annex page (review52's shared annex), each read joined with it. The ministry then titles
the page as No. 9's ("…（商务部公告2027年第9号）"). For No. 9 the new bytes read the same: a check. Its other pages'
validators were recorded by that check (``pipeline._touch_parts``, crawl49), the annex page's too, while the page's
latest bytes stayed the old ones No. 10's joined copy holds: No. 10, asked after No. 9, sent them and got a 304 standing
for its old copy. It never read the page, which is no page of it now ("its title names another notice": read alone,
loud): exit 0, no issue, run after run; asked before No. 9 it was loud. Which notice is asked first varied from run to
run (the fetches are concurrent).

Now a page that another notice's latest joined copy holds as other bytes gets no new validators from a check: it is
asked whole while its bytes differ, and each notice reads it. The order is made certain here by a first page failing
once (503) in the run where the other notice reads the annex page first. Real ``run`` and ``status`` processes against
the local site, real SQLite files.
"""

from __future__ import annotations

import pytest

from tests.faults.test_joined_pages import ANNEX9, NOTICE9, PAGES, listing, run, site
from tests.faults.test_joined_pages_review import N10, NOTICE10, SHARED
from tests.faults.test_review58_probes import status
from tests.site_server import Fault, SiteServer

TITLED9 = SHARED.replace("附件：出口管制管控名单".encode(), "附件：出口管制管控名单（商务部公告2027年第9号）".encode())


def loud_for_no10(state: dict) -> bool:
    return any(NOTICE10 in (issue.get("url") or "") for issue in state["health_issues"])


@pytest.mark.parametrize("first", ["No. 9", "No. 10"])
def test_a_shared_annex_page_retitled_as_one_notices_page_is_said_for_the_other_in_either_order(tmp_path, first):
    assert TITLED9 != SHARED
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    out = tmp_path / "feeds"
    late = NOTICE10 if first == "No. 9" else NOTICE9  # its first page fails once: the other reads the annex first
    with SiteServer(site(tmp_path / "site", {**PAGES, ANNEX9: SHARED, NOTICE10: N10})) as served:
        assert run(db, out, served)[0] == 0
        state = status(db)
        assert listing(state, "MOFCOM-2027-9")["entity_count"] == listing(state, "MOFCOM-2027-10")["entity_count"] == 5
        served.set_page(ANNEX9, TITLED9)
        served.faults[late] = Fault("503", times=1)
        code, report = run(db, out, served)
        assert code == 1, report["sources"]  # (the first page that failed, at least)
        for _ in range(2):  # then every page answers: No. 10 stays loud while the annex page is titled as No. 9's
            code, report = run(db, out, served)
            state = status(db)
            # was (No. 9 first): exit 0, no issue, No. 10 answered 304 for the annex page it never read
            assert code == 1 and loud_for_no10(state), (report["sources"], state["health_issues"])
        assert listing(state, "MOFCOM-2027-10")["entity_count"] == 5  # (no name lost either way)
        assert listing(state, "MOFCOM-2027-9")["entity_count"] == 5
        assert not any(NOTICE9 in (issue.get("url") or "") for issue in state["health_issues"]), state["health_issues"]
        served.set_page(ANNEX9, SHARED)  # the title put back: both read it as before, and it settles
        assert run(db, out, served)[0] == 0
        served.reset_hits()
        code, report = run(db, out, served)
        state = status(db)
        assert code == 0 and not state["health_issues"], (report["sources"], state["health_issues"])
        assert [h.status for h in served.hits if h.path == ANNEX9] == [304, 304], served.hits
