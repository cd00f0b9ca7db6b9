"""A notice's URL answering a PDF (health37's H13, user38): the ministries publish annexes and, now and then, a
scanned notice as PDF. The run refused it loudly as it should, but said "the body is a binary file, not a page", in
``run --json``, ``status`` and the source-health feed's item, which reads as a broken server: the refusal now names a
PDF document and says to open the URL. Real ``mofcom-watch run`` processes against a local policy column
(``tests/site_server.py``), one real SQLite file; the next run, the page served again, reads the notice."""

from __future__ import annotations

from tests.faults.test_listed_pages import N23, T23, fixture
from tests.faults.test_site_changes import POLICY_INDEX, W, index_page, run, status
from tests.site_server import Fault, SiteServer

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n" + b"x" * 4000 + b"\n%%EOF\n"
SAID = "the body is a PDF document, not a web page"


def test_a_pdf_at_a_notice_s_url_is_named_a_pdf_everywhere_it_is_said(tmp_path):
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    pages = {f"{W}/{POLICY_INDEX}": index_page("政策发布", [(f"/{N23}", T23, "2026-06-22")]), f"{W}/{N23}": fixture(N23)}
    with SiteServer(None, pages=pages, columns={}) as site:
        site.faults[f"{W}/{N23}"] = Fault("body", body=PDF, content_type="application/pdf", times=1)
        done, report = run(db, out, {W: site.base_url(W)}, sources=("mofcom-policy",))
        assert done.code == 1, done.err
        said = [f["detail"] for s in report["sources"] for f in s["failures"]]
        assert len(said) == 1 and SAID in said[0], said  # was: "binary: the body is a binary file, not a page"
        issues = [h for h in status(db)["health_issues"] if h["url"] and h["url"].endswith(N23)]
        assert len(issues) == 1 and SAID in issues[0]["detail"], issues
        health = (out / "source-health.atom").read_text(encoding="utf-8")
        assert SAID in health and "binary file" not in health
        healed, _ = run(db, out, {W: site.base_url(W)}, sources=("mofcom-policy",))
    assert healed.code == 0, healed.err
    assert any(row["notice_key"] == "MOFCOM-2026-23" for row in status(db)["listings"])
