"""A new notice's URL answering a page that is not the notice, long enough to pass for a page (health33's blind round,
cases in /work/s33/health33-cases/cases.md, H12 and probe 2).

Real ``mofcom-watch run`` processes fetch a local policy column (``tests/site_server.py``) into one real SQLite file:
a first run where the index lists 2026 No. 23, whose URL answers a maintenance notice in the site's own layout (500
visible characters: no bot-check, 404 or empty page), and UEL 2025 No. 8, whose URL answers its page in a wrong
encoding (the UTF-8 bytes read as GBK and sent as UTF-8: "涓嶅彲闈犲疄浣撴竻鍗?", valid UTF-8 text, no replacement
character); then the site healed. Before the fix each was stored as "not a notice": run and ``status`` exit 0, and
the next run, the page known, never asked for it again: 10 and 6 listings missed for good, nothing said. Now each is
an unusable page (``not-as-listed``, exit 1), fetched again and read by the next run, which exits 0. A page listed
under a Q&A's title that holds its title (one on trade talks) stays "not a notice", quiet. A third run (health33's
B3): 2025 No. 22 off the index, its URL (a stored notice's, re-checked) answering the maintenance page, was kept as
"not a notice", exit 0, nothing said; now the same unusable page, held against No. 22's title, the notice kept.
"""

from __future__ import annotations

import sqlite3

import pytest

from mofcom_watch.wrongnotice import LISTED_REASON
from tests.faults.harness import FIXTURES
from tests.faults.test_site_changes import POLICY_INDEX, W, index_page, items, open_issues, run, status
from tests.site_server import Fault, SiteServer

N22 = "zwgk/zcfb/art/2025/art_c6b190344a154e6f831e0fdfc190e41e.html"
N23 = "zwgk/zcfb/art/2026/art_dfa9cc5c1e004d7fbb86f83d249e7986.html"
UEL8 = "zwgk/zcfb/art/2025/art_c29bed8111a5406ea44f363694865ac2.html"
QA = "zwgk/zcfb/art/2025/art_0a0d0a0d0a0d0a0d0a0d0a0d0a0d0a0d.html"  # a Q&A on trade talks: no notice of ours
T22 = "商务部公告2025年第22号 公布将12家美国实体列入出口管制管控名单"
T23 = "商务部公告2026年第23号 公布将10家美国实体列入出口管制管控名单"
T8 = "不可靠实体清单工作机制关于将护盾人工智能公司等6家美国实体列入不可靠实体清单的公告"
TQA = "商务部新闻发言人就中美经贸磋商有关问题答记者问"


def fixture(path: str) -> bytes:
    return (FIXTURES / W / path).read_bytes()


def in_layout(title: str, inner: str) -> bytes:
    """UEL 2025 No. 8's page (head, nav, crumbs, footer) with ``title`` and ``inner`` for its own."""
    page = fixture(UEL8).decode().replace(T8, title)
    return (page[: page.index('<div class="art-title">')] + f'<div class="art-title"><h1>{title}</h1></div>' + inner
            + page[page.index('<div class="footer">'):]).encode()


MAINTENANCE = in_layout("系统维护通知", '<div class="maint">' + "".join(
    f"<p>尊敬的用户：为进一步提升网站服务质量和安全防护能力，本网站正在进行第{i}阶段系统升级维护，维护期间部分栏目和页面"
    "暂时无法访问，由此给您带来的不便，敬请谅解。维护完成后，相关内容将恢复正常访问。如有疑问，请通过网站“联系我们”栏目与"
    "我们联系。感谢您的理解与支持！</p>" for i in range(1, 6)) + "</div></div>")
TALKS = in_layout(TQA, '<div class="art-con art-con-bottonmLine">' + "<p>问：请介绍一下近期中美经贸磋商的情况。</p>"
                  "<p>答：双方进行了坦诚、深入、富有建设性的交流，同意继续保持沟通。</p>" * 5 + "</div></div>")


def garbled(path: str) -> bytes:
    """The page's UTF-8 bytes read as GBK, sent as UTF-8 (a proxy or CMS that got the encoding wrong)."""
    return fixture(path).decode("gbk", errors="replace").encode("utf-8")


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    work = tmp_path_factory.mktemp("listed")
    db, out = f"sqlite:///{work / 'store.sqlite'}", work / "feeds"
    index = index_page("政策发布", [(f"/{N23}", T23, "2026-06-22"), (f"/{UEL8}", T8, "2025-04-09"),
                                 (f"/{N22}", T22, "2025-04-09"), (f"/{QA}", TQA, "2025-01-03")])
    pages = {f"{W}/{POLICY_INDEX}": index, f"{W}/{QA}": TALKS, **{f"{W}/{p}": fixture(p) for p in (N22, N23, UEL8)}}
    told = {}
    with SiteServer(None, pages=pages, columns={}) as site:
        site.faults[f"{W}/{N23}"] = Fault("body", body=MAINTENANCE, times=1)
        site.faults[f"{W}/{UEL8}"] = Fault("body", body=garbled(UEL8), content_type="text/html; charset=utf-8", times=1)
        for name in ("faulted", "healed", "rechecked"):
            if name == "rechecked":  # 2025 No. 22 off the index, its URL (a stored notice's, re-checked) answering the
                # maintenance page (health33 B3: kept as "not a notice", nothing said while it lasted)
                site.set_page(f"{W}/{POLICY_INDEX}", index_page("政策发布", [(f"/{N23}", T23, "2026-06-22"),
                                                                         (f"/{UEL8}", T8, "2025-04-09")]))
                site.faults[f"{W}/{N22}"] = Fault("body", body=MAINTENANCE, times=1)
            done, report = run(db, out, {W: site.base_url(W)}, sources=("mofcom-policy",))
            told[name] = (done, report, status(db), items(out))
    with sqlite3.connect(work / "store.sqlite") as conn:
        told["talks"] = conn.execute("SELECT s.outcome FROM snapshot s JOIN page p ON p.id = s.page_id WHERE p.url "
                                     "LIKE ?", (f"%{QA}",)).fetchall()
    return told


def test_a_page_that_is_not_the_listed_notice_is_refused_loudly(runs):
    done, report, state, feeds = runs["faulted"]
    assert done.code == 1, done.err
    refused = {f["url"].rsplit("/", 1)[1]: f["detail"] for s in report["sources"] for f in s["failures"]}
    assert set(refused) == {N23.rsplit("/", 1)[1], UEL8.rsplit("/", 1)[1]}, refused
    assert all(why.startswith(f"{LISTED_REASON}: listed as ") for why in refused.values()), refused
    assert not state["ok"], state["problems"]  # status exits 1
    issues = {(h["kind"], h["url"].rsplit("/", 1)[1]) for h in state["health_issues"] if h["url"]}
    assert {("unusable-page", N23.rsplit("/", 1)[1]), ("unusable-page", UEL8.rsplit("/", 1)[1])} <= issues, issues
    keys = {row["notice_key"] for row in state["listings"]}
    assert "MOFCOM-2025-22" in keys and not keys & {"MOFCOM-2026-23", "UEL-2025-8"}, keys
    assert not [i for i in feeds if "MOFCOM-2026-23" in i or "UEL-2025-8" in i]


def test_the_next_run_reads_them_and_a_page_holding_its_title_stays_quiet(runs):
    done, report, state, feeds = runs["healed"]
    assert done.code == 0, (done.err, report.get("problems"))
    assert not open_issues(report) and state["ok"] and not state["health_issues"], state["health_issues"]
    entities = {row["notice_key"]: row["entity_count"] for row in state["listings"]}
    assert entities.get("MOFCOM-2026-23") == 10 and entities.get("UEL-2025-8") == 6, entities
    assert any("MOFCOM-2026-23/imposed" in i for i in feeds) and any("UEL-2025-8/imposed" in i for i in feeds)
    assert runs["talks"] == [("other",)]  # read once, in the first run, as no notice: no issue at any time


def test_a_stored_notice_s_page_answering_no_notice_unlisted_is_said_and_the_notice_kept(runs):
    done, report, state, feeds = runs["rechecked"]
    assert done.code == 1, done.err
    refused = {f["url"].rsplit("/", 1)[1]: f["detail"] for s in report["sources"] for f in s["failures"]}
    assert list(refused) == [N22.rsplit("/", 1)[1]], refused
    assert refused[N22.rsplit("/", 1)[1]].startswith(f"{LISTED_REASON}: this URL held MOFCOM-2025-22 "), refused
    issues = {(h["kind"], h["url"].rsplit("/", 1)[1]) for h in state["health_issues"] if h["url"]}
    assert ("unusable-page", N22.rsplit("/", 1)[1]) in issues, issues
    keys = {row["notice_key"] for row in state["listings"]}
    assert "MOFCOM-2025-22" in keys and any("MOFCOM-2025-22/imposed" in i for i in feeds), keys  # kept as read

