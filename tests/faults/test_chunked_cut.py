"""A GB18030 decision page sent chunked and cut inside a character (health39 L18, L19).

The MFA's 2024 No. 13 decision, GB18030 bytes labelled so, sent ``Transfer-Encoding: chunked`` and cut in the middle
of a two-byte character of its first company's name: once with the connection closed before the last chunk (a
dropped transfer), once with the last chunk sent (a transfer that ends cleanly around a body cut short). Neither may
be read as a decision with fewer entities, nor as a page of no notice: each is a failure of the run, the decision not
stored; the next clean run reads it whole. Real ``run`` processes on a real SQLite file against the local site.
"""

from __future__ import annotations

import pytest

from tests.faults.harness import FIXTURES
from tests.faults.test_site_changes import run, status
from tests.site_server import Fault, SiteServer

M = "www.mfa.gov.cn"
DECISION = f"{M}/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/202412/t20241217_11494912.shtml"


def gb18030_page() -> bytes:
    return (FIXTURES / DECISION).read_text(encoding="utf-8").replace(
        '<meta charset="utf-8">', '<meta charset="gb18030">').encode("gb18030")


@pytest.mark.parametrize(("kind", "said"), [("chunked-cut", "truncated: connection dropped mid-answer"),
                                           ("chunked-cut-end", "cut-short: the page ends before </html>")])
def test_a_chunked_page_cut_mid_character_is_a_failure_and_read_whole_next_run(tmp_path, kind, said):
    body = gb18030_page()
    cut = body.index("斯凯迪奥".encode("gb18030")) + 1  # inside 斯's two bytes
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    with SiteServer(FIXTURES) as site:
        site.faults[DECISION] = Fault(kind, body=body, content_type="text/html; charset=gb18030", cut=cut)
        faulted, report = run(db, out, {M: site.base_url(M)}, sources=("mfa-countermeasures",))
        after_fault = status(db)
        site.faults.clear()
        clean, _ = run(db, out, {M: site.base_url(M)}, sources=("mfa-countermeasures",))
        after_clean = status(db)
    failures = [f for s in report["sources"] for f in s["failures"]]
    assert faulted.code == 1 and [f["url"].endswith(DECISION.split("/", 1)[1]) for f in failures] == [True], failures
    assert said in f"{failures[0]['reason']}: {failures[0]['detail']}", failures  # (not some later check's words)
    assert "MFA-ORDER-2024-13" not in {r["notice_key"] for r in after_fault["listings"]}
    assert clean.code == 0, clean.err[-2000:]
    rows = {r["notice_key"]: r["entity_count"] for r in after_clean["listings"]}
    assert rows["MFA-ORDER-2024-13"] == 13 and not after_clean["health_issues"], (rows, after_clean["health_issues"])
