"""A challenge page in English is named a bot check (health41 N23, N24).

A new notice's URL (and, in N24, the www list endpoint) answered a captcha form in English ("Please verify you are
human", no script). Loud before, but misnamed: "not-as-listed" for the notice and "zero-links" for the list, which
send an operator to the parser or the site's layout, not to the site's bot defence. Now ``bot-check``, as a Chinese
challenge is. A real ``run`` on a real SQLite file against the local site; the clean run reads the notice.
"""

from __future__ import annotations

from tests.faults.harness import FIXTURES
from tests.faults.test_site_changes import items, run
from tests.site_server import JPAAS_PATH, Fault, SiteServer

W = "www.mofcom.gov.cn"
N23 = f"{W}/zwgk/zcfb/art/2026/art_dfa9cc5c1e004d7fbb86f83d249e7986.html"
CAPTCHA = (b'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Security Verification</title></head><body>'
           b'<div class="box"><h2>Please verify you are human</h2><p>Our system has detected unusual traffic from your '
           b'network. Please complete the verification below to continue.</p><form method="post" action="/verify">'
           b'<img src="/captcha.jpg" alt="captcha"><input name="code" placeholder="Enter the characters shown">'
           b'<button type="submit">Verify</button></form><p>Reference ID: 8f2a-41c7-b9de</p></div></body></html>')


def test_an_english_captcha_at_a_notice_and_a_list_is_a_bot_check(tmp_path):
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    sources = ("mofcom-policy", "mofcom-policy-list")
    with SiteServer(FIXTURES) as site:
        site.faults[N23] = Fault("body", body=CAPTCHA, content_type="text/html; charset=utf-8")
        site.faults[f"{W}/{JPAAS_PATH}"] = Fault("body", body=CAPTCHA, content_type="text/html; charset=utf-8")
        done, report = run(db, out, {W: site.base_url(W)}, sources=sources)
        failed = {(f["url"].split("//", 1)[1].split("?", 1)[0], f["detail"].split(":", 1)[0] if f["reason"] ==
                   "unusable-content" else f["reason"]) for s in report["sources"] for f in s["failures"]}
        site.faults.clear()
        clean, _ = run(db, out, {W: site.base_url(W)}, sources=sources)
    assert done.code == 1 and failed == {(N23, "bot-check"), (f"{W}/{JPAAS_PATH}", "bot-check")}, failed
    assert clean.code == 0 and any("MOFCOM-2026-23/imposed/" in key for key in items(out))
