"""Index rows whose link opens the notice by script (health37 H48, H58: a missed notice, the run green).

A CMS row ``<a href="javascript:void(0)" onclick="openArt('/zwgk/…/art_….html')">`` or ``<a href="" data-href="…">``
was read as no link at all: the notice never fetched, and no warning either (the unfollowed-row check merged the row
into the page's first "javascript:void(0)" link, a "加入收藏" above it). Real ``mofcom-watch run`` processes read a
local policy column (``tests/site_server.py``) listing 2025 No. 22 as usual, 2026 No. 23 by an ``onclick`` call, UEL
2025 No. 8 by a ``data-href``, 2026 No. 24 by a script call naming no address and a UEL notice titled with no number
(as the UEL notices are) linked at www.gov.cn: the first three are read (their items published), the last two are an
unfollowed-row warning naming them (the UEL row was dropped without a word: health37 H80).
"""

from __future__ import annotations

from tests.faults.harness import FIXTURES, item_ids
from tests.faults.test_site_changes import N22, POLICY_INDEX, UEL8, W, index_page, run, status
from tests.site_server import SiteServer

N23 = "zwgk/zcfb/art/2026/art_dfa9cc5c1e004d7fbb86f83d249e7986.html"
T22 = "商务部公告2025年第22号 公布将12家美国实体列入出口管制管控名单"
T23 = "商务部公告2026年第23号 公布将10家美国实体列入出口管制管控名单"
T8 = "不可靠实体清单工作机制关于将护盾人工智能公司等6家美国实体列入不可靠实体清单的公告"
T24 = "商务部公告2026年第24号 公布将3家美国实体列入出口管制管控名单"
GOV = "https://www.gov.cn/zhengce/zhengceku/202504/content_7012345.htm"  # a UEL notice, unnumbered, linked elsewhere
TGOV = "不可靠实体清单工作机制关于将美国PVH集团和因美纳公司列入不可靠实体清单的公告"
FAVOURITE = '<a href="javascript:void(0)" onclick="addFavorite()">加入收藏</a>'  # the site's chrome, above the rows


def index() -> bytes:
    body = index_page("政策发布", [(f"/{N22}", T22, "2025-04-09")]).decode()
    rows = (f'      <li><a href="javascript:void(0)" onclick="openArt(\'/{N23}\')" title="{T23}">{T23}</a>'
            f"<span>[2026-06-22]</span></li>\n"
            f'      <li><a href="" data-href="/{UEL8}" title="{T8}">{T8}</a><span>[2025-04-09]</span></li>\n'
            f'      <li><a href="javascript:void(0)" onclick="openArt(20261203)" title="{T24}">{T24}</a>'
            f"<span>[2026-12-03]</span></li>\n"
            f'      <li><a href="{GOV}" title="{TGOV}">{TGOV}</a><span>[2025-03-04]</span></li>\n')
    body = body.replace("<body>\n", f"<body>\n{FAVOURITE}\n").replace("    </ul>", rows + "    </ul>")
    return body.encode()


def test_rows_opened_by_script_are_read_and_one_opening_no_address_is_a_warning(tmp_path):
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    pages = {f"{W}/{POLICY_INDEX}": index(), **{f"{W}/{p}": (FIXTURES / W / p).read_bytes() for p in (N22, N23, UEL8)}}
    with SiteServer(None, pages=pages, columns={}) as site:
        done, report = run(db, out, {W: site.base_url(W)}, sources=("mofcom-policy",))
        fetched = {h.path for h in site.hits}
    state = status(db)

    assert f"{W}/{N23}" in fetched and f"{W}/{UEL8}" in fetched, sorted(fetched)
    keys = {row["notice_key"] for row in state["listings"]}
    assert "MOFCOM-2026-23" in keys and "MOFCOM-2025-22" in keys and len(keys) == 3, keys
    ids = item_ids(out)
    assert any("MOFCOM-2026-23/imposed/ecl/2026-06-22" in i for i in ids), sorted(ids)[:20]
    # the row opening no address: said, naming it and nothing else (the rows read are followed)
    [warning] = [w for w in state["warnings"] if "does not follow" in w["detail"]]
    assert T24 in warning["detail"] and T23 not in warning["detail"] and T8 not in warning["detail"], warning
    # a UEL notice titled with no number (as they are) linked at another host: said too (health37 H80; was dropped)
    assert f"'{TGOV}' -> {GOV}" in warning["detail"], warning
    assert done.code == 0, (done.err, report)
