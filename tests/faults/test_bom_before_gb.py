"""A UTF-8 BOM before a GB18030 page is no label (health41 N40).

The MFA's new decision answered as GB18030 bytes (its meta gb2312) after a UTF-8 BOM, as a template or include saved
with a BOM puts one before a GB page. Read under the BOM alone the text was U+FFFD throughout: refused as "binary"
in every run while the site served it so, the decision unread. The bytes after a UTF-8 BOM that are no UTF-8 are
read as an unlabelled page's are (``scraper.charset``). A real ``run`` on a real SQLite file against the local site.
"""

from __future__ import annotations

from tests.faults.harness import FIXTURES
from tests.faults.test_site_changes import items, run
from tests.site_server import Fault, SiteServer

M = "www.mfa.gov.cn"
MFA13 = f"{M}/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/202412/t20241217_11494912.shtml"


def test_a_gb_decision_behind_a_utf8_bom_is_read(tmp_path):
    text = (FIXTURES / MFA13).read_text(encoding="utf-8")
    assert '<meta charset="utf-8">' in text
    body = b"\xef\xbb\xbf" + text.replace('<meta charset="utf-8">', '<meta charset="gb2312">').encode("gb18030")
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    with SiteServer(FIXTURES) as site:
        site.faults[MFA13] = Fault("body", body=body, content_type="text/html")
        done, report = run(db, out, {M: site.base_url(M)}, sources=("mfa-countermeasures",))
    failed = [f for s in report["sources"] for f in s["failures"]]
    assert done.code == 0 and not failed, failed
    read = [key for key in items(out) if key.startswith("entity/") and "MFA-ORDER-2024-13/imposed/" in key]
    assert len(read) == 13 and any(key.endswith("/2024-10-10/adambry") for key in read), sorted(read)
