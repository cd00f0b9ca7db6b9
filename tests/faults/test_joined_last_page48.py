"""A notice's last page holding one short numbered name is a page of it, not an "empty" page (session 48, fix54;
review53's B1).

No. 8 (blind46/03-04, 6 entities over two pages) grows a page 3: page 2 loses entry 6 and links page 3, which holds
only "6. 海隼战术系统公司（Sea Falcon Tactical Systems LLC）" (39 visible characters) and its pager. Page 3 read alone was
refused as "empty" (``page.TINY_PAGE``, no notice word), so the notice was read from page 1 alone: exit 1, a count
mismatch "3 of the 6". Now a next page refused as empty that holds a numbered entity line is read as the rest of the
notice: exit 0, the 6 entities. A page 3 as short holding no numbered line stays refused (loud), as before.

Real ``run`` processes against the local site (``tests/site_server.py``), real SQLite files.
"""

from __future__ import annotations

from tests.faults.test_joined_pages import COLUMN, HOST, N8, NAMES8, PAGE2, PAGES, listing, run, site, status
from tests.site_server import SiteServer

PAGE3 = f"{HOST}/{COLUMN}/{N8}_3.html"
P2 = PAGES[PAGE2]
SIX = "<p>6. 海隼战术系统公司（Sea Falcon Tactical Systems LLC）</p>\n".encode()
FOUR = "<p>4. 雪原通信公司（Snowfield Communications Corp.）</p>\n".encode()
FIVE = "<p>5. 黑曜石网络安全公司（Obsidian Cyber Security, Inc.）</p>\n".encode()
GROWN2 = P2.replace(SIX, b"").replace("共2页</div>".encode(),
                                      f'<a href="{N8}_3.html">3</a> <a href="{N8}_3.html">下一页</a> 共3页</div>'.encode())
PAGE3_BODY = P2.replace(FOUR, b"").replace(FIVE, b"").replace(
    '<span class="cur">2</span> 共2页'.encode(), f'<a href="{N8}_2.html">2</a> <span class="cur">3</span> 共3页'.encode())


def _grown(tmp_path, page3: bytes) -> tuple[int, dict, dict]:
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    assert SIX in P2 and FOUR in P2 and FIVE in P2 and GROWN2 != P2 and page3 != P2
    with SiteServer(site(tmp_path / "site", {**PAGES, PAGE2: GROWN2, PAGE3: page3})) as served:
        code, rep = run(db, out, served)
    return code, rep, status(db)


def test_a_last_page_holding_one_short_numbered_name_is_read_as_the_rest_of_the_notice(tmp_path):
    code, rep, st = _grown(tmp_path, PAGE3_BODY)
    notes = [n for s in rep["sources"] for n in s["notes"]]
    assert code == 0, (notes, st["health_issues"])
    assert not any("no page of it" in n for n in notes), notes
    assert listing(st, "MOFCOM-2027-8")["entity_count"] == len(NAMES8) == 6
    assert not [i for i in st["health_issues"] if "MOFCOM-2027-8" in str(i)]


def test_a_last_page_as_short_holding_no_numbered_name_stays_refused_loudly(tmp_path):
    code, rep, _st = _grown(tmp_path, PAGE3_BODY.replace(SIX, "<p>海隼战术系统公司（Sea Falcon Tactical Systems LLC）</p>\n".encode()))
    notes = [n for s in rep["sources"] for n in s["notes"]]
    assert code == 1
    assert any("no page of it (empty" in n for n in notes), notes
