"""A page of more markup than any notice page holds is refused before it is parsed (health40 M07b, health41).

The MFA's new decision answered its text padded with <p> markup to 18 MB, under the 20 MB body cap: it read right,
but Lexbor's tree of 3.6 million tags took 550 MB, the run 686 MB, and under a 512 MB container limit the run was
killed, no source of it published. A page past ``page.MARKUP_MAX`` tags is now an unusable page (``too-much-markup``):
its failure names it, the run exits 1, the other sources publish, and the next run, the page whole, reads it. The
memory figure is the one-off ``/work/s41/health41-cases/mem_steps.py``'s (no timed or sized assertion here).
Real ``run`` processes on a real SQLite file against the local site.
"""

from __future__ import annotations

from scraper.parse import page
from tests.faults.harness import FIXTURES
from tests.faults.test_site_changes import items, run
from tests.site_server import Fault, SiteServer

W, M = "www.mofcom.gov.cn", "www.mfa.gov.cn"
MFA13 = f"{M}/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/202412/t20241217_11494912.shtml"
N23_ITEM = "MOFCOM-2026-23/imposed/ecl/2026-06-22"
MFA13_ITEM = "MFA-ORDER-2024-13/imposed/countermeasure/2024-10-10"


def padded() -> bytes:
    """The decision, then more empty paragraphs than MARKUP_MAX tags (2 a paragraph): 1.2 MB, not 18."""
    body = (FIXTURES / MFA13).read_bytes()
    return body.replace(b"</body>", b"<p></p>" * (page.MARKUP_MAX // 2 + 1000) + b"</body>")


def test_a_page_of_too_much_markup_is_refused_loudly_and_the_other_sources_publish(tmp_path):
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    with SiteServer(FIXTURES) as site:
        bases = {host: site.base_url(host) for host in (W, M)}
        site.faults[MFA13] = Fault("body", body=padded(), content_type="text/html; charset=utf-8")
        done, report = run(db, out, bases, sources=("mofcom-policy", "mfa-countermeasures"))
        failed = {f["url"].split("//", 1)[1]: (f["reason"], f["detail"]) for s in report["sources"] for f in s["failures"]}
        assert done.code == 1, failed
        assert failed[MFA13][1].startswith("too-much-markup:"), failed
        assert f"more than the {page.MARKUP_MAX}" in failed[MFA13][1], failed
        first = items(out)
        assert any(N23_ITEM in key for key in first), "the other source published"
        assert not any(MFA13_ITEM in key for key in first)

        site.faults.clear()
        done, report = run(db, out, bases, sources=("mofcom-policy", "mfa-countermeasures"))
        assert done.code == 0, report
    assert any(MFA13_ITEM in key for key in items(out)), "the decision, whole, is read by the next run"
