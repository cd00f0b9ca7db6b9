"""An index row naming a numbered notice whose link is not followed (health33's C1, decided in session 34).

Real ``mofcom-watch run`` processes read a local policy column (``tests/site_server.py``) listing 2025 No. 22 and two
rows the source does not follow: 2026 No. 30 on www.gov.cn (another host: not even read as a link) and a UEL notice at
a MOFCOM address of another form (``/article/…/202612/….shtml``: read as a link, then declined). Before, both were
dropped without a word: run and ``status`` exit 0, no note, no warning. Now each run that sees them (the index's same
answer, a 304, too) says a warning naming the titles and links (``status``, ``/healthz``), which fails nothing, and the
source-health feed carries an item for it; the run after the rows left the index resolves it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from tests.faults.harness import ATOM, FIXTURES
from tests.faults.test_site_changes import N22, POLICY_INDEX, W, index_page, run, status
from tests.site_server import SiteServer

T22 = "商务部公告2025年第22号 公布将12家美国实体列入出口管制管控名单"
T30 = "商务部公告2026年第30号 公布将5家美国实体列入出口管制管控名单"
TUEL = "不可靠实体清单工作机制公告〔2026〕2号"
GOV = "https://www.gov.cn/zhengce/zhengceku/202612/content_7012345.htm"
OLD_FORM = "/article/zwgk/zcfb/202612/20261203123456.shtml"
SAID = "whose link this source does not follow"
ROWS = [(GOV, T30, "2026-12-02"), (OLD_FORM, TUEL, "2026-12-01"), (f"/{N22}", T22, "2025-04-09")]


def health_titles(out) -> list[str]:
    feed = ET.parse(out / "source-health.atom").getroot()
    return [entry.findtext(f"{ATOM}title") or "" for entry in feed.iter(f"{ATOM}entry")]


def test_a_row_whose_link_is_not_followed_is_a_warning_kept_while_listed(tmp_path):
    """(One test: a module fixture shared by several is run again on each xdist worker that takes one of them.)"""
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    pages = {f"{W}/{POLICY_INDEX}": index_page("政策发布", ROWS), f"{W}/{N22}": (FIXTURES / W / N22).read_bytes()}
    told = {}
    with SiteServer(None, pages=pages, columns={}) as site:
        for name in ("listed", "listed-again", "gone"):
            if name == "gone":
                site.set_page(f"{W}/{POLICY_INDEX}", index_page("政策发布", ROWS[2:]))
            site.reset_hits()
            done, _report = run(db, out, {W: site.base_url(W)}, sources=("mofcom-policy",))
            told[name] = (done, status(db), health_titles(out), [h.status for h in site.hits])

    done, state, titles, _statuses = told["listed"]
    assert done.code == 0, done.err  # a warning fails nothing
    warnings = [w for w in state["warnings"] if SAID in w["detail"]]
    assert len(warnings) == 1 and warnings[0]["url"].endswith(POLICY_INDEX), state["warnings"]
    detail = warnings[0]["detail"]
    assert f"'{T30}' -> {GOV}" in detail and f"'{TUEL}' -> https://{W}{OLD_FORM}" in detail, detail
    assert T22 not in detail  # followed
    assert any("an index lists a numbered notice whose link is not followed" in t for t in titles), titles

    done, state, _titles, statuses = told["listed-again"]  # the index unchanged: the warning stays
    assert 304 in statuses and done.code == 0, (statuses, done.err)
    assert [SAID in w["detail"] for w in state["warnings"]] == [True], state["warnings"]

    done, state, titles, _statuses = told["gone"]  # the rows off the index: resolved
    assert done.code == 0 and not state["warnings"], (done.err, state["warnings"])
    assert any(t.startswith("Resolved: ") and "not followed" in t for t in titles), titles
