"""A list whose links were written with another scheme or the default port for a run (health38 K80/K81).

The jpaas list of the policy column answered one run with every link absolute, "http://www.mofcom.gov.cn/zwgk/…" (the
endpoint's own scheme) or "https://www.mofcom.gov.cn:443/zwgk/…", then as before. Read as written, each notice's page
was stored again under that URL (a second address for every notice), and the next, usual answer, held to that copy,
listed "none of the 11 links its last copy listed": wrong-page, not stored, so every later run failed the same way
on a clean site. Links are now read as the store keeps URLs (https, no default port). Real ``run`` processes on a real
SQLite file against the local site (``tests/site_server.py``).
"""

from __future__ import annotations

import sqlite3

import pytest

from tests.faults.harness import FIXTURES
from tests.faults.test_site_changes import run, status
from tests.site_server import JPAAS_PATH, Fault, SiteServer

W = "www.mofcom.gov.cn"


@pytest.mark.parametrize("written", ["http://www.mofcom.gov.cn", "https://www.mofcom.gov.cn:443"])
def test_a_list_whose_links_change_scheme_or_port_is_the_same_list(tmp_path, written):
    db_file = tmp_path / "store.sqlite"
    db, out = f"sqlite:///{db_file}", tmp_path / "feeds"
    told = {}
    with SiteServer(FIXTURES) as site:
        usual = site.jpaas(W, {"pageNo": ["1"], "pageSize": ["20"]}) or b""
        other = usual.replace(b'href=\\"/zwgk/', f'href=\\"{written}/zwgk/'.encode())
        assert other != usual
        for name in ("usual", "other", "usual-again", "usual-once-more"):
            if name == "other":
                site.faults[f"{W}/{JPAAS_PATH}"] = Fault("body", body=other, content_type="application/json;charset=UTF-8")
            else:
                site.faults.pop(f"{W}/{JPAAS_PATH}", None)
            done, report = run(db, out, {W: site.base_url(W)}, sources=("mofcom-policy-list",))
            told[name] = (done, report, status(db))

    for name, (done, report, state) in told.items():
        failures = [f for s in report["sources"] for f in s["failures"]]
        assert done.code == 0 and not failures and not state["health_issues"], (name, failures, state["health_issues"])
    with sqlite3.connect(db_file) as con:
        odd = [url for (url,) in con.execute("SELECT url FROM page") if url.startswith("http://") or ":443/" in url]
    assert not odd, odd  # every page under the one address the store keeps
