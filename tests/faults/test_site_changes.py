"""A changing or failing site, run after run (fetch18's blind audit; written before running them).

A local copy of www.mofcom.gov.cn and www.mfa.gov.cn (``tests/site_server.py``) is fetched by real
``mofcom-watch run`` processes into one real SQLite file: a clean run, a run with a batch of faults,
a clean run, a second batch, a clean run, a total outage, a clean run; ``/healthz`` is read from one
real ``serve`` of the same store. Each fault strikes its own page or source, so each check below
reads only what its fault touches. A second store fetches a list endpoint whose page 2 repeats page 1,
and a third, fresh store runs once on the site as it ends: the faulted store must publish its items.

The cases, composed from domain.md b.1-b.7 (the sites' layout, the jpaas endpoint, access notes) on
the fixtures' real notices; what each must come to was decided from the README, docs/ and the
brief before any of it was run (confidence in brackets):

S1  policy index redesigned: 200, the same text, no link markup -> source problem, exit 1 [high]
S2  jpaas list endpoint answers with its fields renamed ({code, result:{content}}) -> source problem [high]
S3  jpaas pagination changed, page 2 repeats page 1 (backfill) -> the notice beyond page 1 is found, or
    the source says it could not walk the pages: never a clean "ok" that misses it [medium]
S4  a stored notice moved: old URL 404, same text under a new URL -> no new item, the new URL in the
    items' provenance, no lift [high; whether the old URL's 404 is a problem: policy]
S5  302 from an index to a same-host captcha page -> source problem, nothing read from the captcha [high]
S6  200 "访问过于频繁" WAF page for an index -> source problem, not an empty index [high]
S7  a new notice served without annex lines 6-10 (10 stated) -> count problem, no item claiming 5 [high]
S8  an empty 200 body for a stored notice -> problem, stored notice unchanged [high]
S9  gzip stream ended early for a stored notice -> fetch problem, nothing stored from it [high]
S10 charset header lies (gbk header on UTF-8 bytes; utf-8 header on GB18030 bytes, meta gb2312)
    -> names read right, no item, no problem [medium]
S11 429 with Retry-After: 1, once, retries allowed -> fetched on retry, no problem [high]
S12 one notice times out while others load -> that page's problem; the others stored [high]
S13 MFA down (503) while MOFCOM answers -> MFA source problem, MFA listings stay, /healthz 200 [high]
S14 an index drops an old notice -> no lift, no removal, no problem [high]
S15 a notice republished with a corrected annex line (Chinese name) -> correction item(s) [medium]
S16 an article transfer cut mid-body (Content-Length longer than sent) -> fetch problem [high]
S17 412 bot-check (JS cookie) page for an index -> source problem [high]
S19 (added after reading the fetcher, not blind) plain bytes labelled Content-Encoding: gzip -> that page's
    failure, the run goes on
S20, S21 (added after the blind phase) a stored Q&A answering a 200 "抱歉，您访问的页面不存在！" page; an alias of a
    stored notice redirecting to the site's home page -> each that page's failure, nothing changed
S18 every host down (connection refused) -> exit 1, feeds byte-identical but for source-health,
    /healthz unhealthy or naming the failed cycle [medium: docs say 200 within stale_after]
Batch C (fetch19's blind audit: site behaviours fetch18 did not try; written before running them, on the
store as clean4 left it; then a clean run, clean5):
S22 the jpaas list endpoint answers 200 {"success":true,"data":{"html":"<ul></ul>"}} (an empty list)
    -> mofcom-policy-list a source problem (domain.md b.2: a list that suddenly yields nothing is broken) [high]
S23 the indexes' counts drop: the policy index 3 rows -> 2, the 2025 index no longer links UEL 2025 No. 7
    -> nothing removed or lifted, no listing changed; whether it is flagged: policy [high / C]
S24 a stored Q&A served as GB18030 bytes with charset=utf-8 in the header and <meta charset="utf-8">
    -> read right or that page's failure; never a mojibake record (no U+FFFD in any feed, no listing or
    suspension changed, no new item) [medium]
S25 a stored notice (UEL 2025 No. 8) answers 200 "抱歉，您访问的页面不存在！" in the site's own layout (head,
    nav, crumbs, art-con div) -> that page's failure, its 6 entities stay [high]
S26 the MFA decision cut in the middle of its annex (line 二 of the companies), Content-Length matching the
    bytes sent -> that page's failure or a count problem; its listing unchanged, nobody removed [high]
S27 a stored notice (2025 No. 22) whose annex moved into an attachment (PDF link only, the stated 12 kept)
    -> a count problem naming it; its 12 entities stay, no removal item [high]
S28 a new notice's page answers 304 to a request without validators (a page never stored) -> that page's
    failure (nothing to reuse), not "unchanged"; the next clean run stores it [high]
S29 429 with Retry-After: 3600 for the 2024 index, every time -> that source's failure, fast: the run
    does not wait an hour (under 60 s here) [high]. (Moved to the Q&A index after the first run: update
    runs read only this year's and last year's announcement indexes, so the 2024 one was never asked.)
S30 a new notice (2025 No. 1) linked twice in one index under two URLs (zwgk and 2025nswbgg copies)
    -> one notice with its 28 entities, no item twice, no problem of its own [high]
S31 a second URL of 2026 No. 23 (a copy elsewhere on the site) serves the older text, before the S15
    correction -> no item that reverts the correction (no new item at all for No. 23); flagging the
    copies' difference would be better [medium]
Every check of every faulted / clean run above applies to faultsC / clean5 too.
What running them found (fetch19's table): S28 was read as "unchanged" (a new notice unread, silently); S31's stale
copy won on the smaller SHA-256 (a correction item back to the old name, then another); the alias-conflict issues
of S27 and S31 never closed (clean5 exit 1 for good); S29's retries each waited the 60 s cap. All fixed.
What running them found (fetch18's table): S3 was read as the end of the list (a missed notice, exit 0) and S4
left the old URL failing on every later run; both fixed. S18 follows the documented policy (no issue before a
source fails 3 runs in a row, /healthz 200 within stale_after): its test checks that policy.
After every faulted run: no item of the run before it disappears, no listing changes state, every
feed still there; after every clean run: exit 0, no open issue, no duplicate item; at the end the
store publishes what one clean run on the final site publishes (corrections aside).
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from mofcom_watch import clock
from tests.faults.harness import FIXTURES, ROOT, Done, cli, cli_env, feed_files, item_ids
from tests.faults.serving import serving
from tests.site_server import JPAAS_PATH, Fault, SiteServer

W = "www.mofcom.gov.cn"
M = "www.mfa.gov.cn"
TODAY = clock.today().isoformat()  # today in Beijing: items are dated by the real clock (a correction, a health issue);
# set again by the story (``story``) when it is told
SOURCES = ("mofcom-policy", "mofcom-policy-list", "mofcom-qa", "mofcom-announcements", "mfa-countermeasures")

POLICY_INDEX = "zwgk/zcfb/index.html"
QA_INDEX = "xwfb/xwfyrth/index.html"
ANN_2024 = "zcfb/blgg/gg/2024/index.html"
ANN_2025 = "zcfb/blgg/gg/2025/index.html"
N22 = "zwgk/zcfb/art/2025/art_c6b190344a154e6f831e0fdfc190e41e.html"
N22_ALIAS = "zcfb/blgg/gg/2025/art/2025/art_a3535a90814b4d33bf9dc2878c65c9e0.html"
UEL7 = "zwgk/zcfb/art/2025/art_e4f474d3aeba4672913db1042d845d78.html"
UEL7_MOVED = "zcfb/blgg/gg/2025/art/2025/art_5d0c2b7e9a7f4c1e8b3a6f2d1c0e9b8a.html"
UEL8 = "zwgk/zcfb/art/2025/art_c29bed8111a5406ea44f363694865ac2.html"
UEL5 = "zwgk/zcfb/art/2025/art_beb25dc3bf9447f9ba7a34b25cca8f64.html"
N23 = "zwgk/zcfb/art/2026/art_dfa9cc5c1e004d7fbb86f83d249e7986.html"
N46 = "zwgk/zcfb/art/2024/art_3d5e990b43424e60828030f58a547b60.html"
QA514 = "xwfb/xwfyrth/art/2025/art_53ec1f591dba49a39b65fd89b6d73e6f.html"
MFA_DIR = "web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/"
MFA_INDEX = MFA_DIR + "index.html"
MFA13 = MFA_DIR + "202412/t20241217_11494912.shtml"
CAPTCHA = "waf/verify.html"
# batch C (fetch19)
UEL_PVH = "zwgk/zcfb/art/2025/art_ab15d2258dda4e93b8ad1ec4776d37c3.html"
N1 = "zwgk/zcfb/art/2025/art_1ee79b1b7f21444ebf4797c0ff8500fd.html"
N1_ALIAS = "zcfb/blgg/gg/2025nswbgg/art/2025/art_9b966e20a6934cc6b4fa2cf777626854.html"
N23_COPY = "zcfb/blgg/gg/2026/art/2026/art_0f3c9a7e5d2b4c6a8e1f0d9c7b5a3e21.html"
EMPTY_LIST = json.dumps({"success": True, "data": {"html": "<ul></ul>"}}).encode()

WAF_PAGE = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>访问受限</title></head><body>"
            "<div class=\"box\"><h2>访问过于频繁，请稍后再试</h2><p>您的IP访问频率过高，已被临时限制访问。</p>"
            "<p>事件ID：a3f9c2e1b7d04e6f</p></div></body></html>").encode()
CAPTCHA_PAGE = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>安全验证</title></head><body>"
                "<form action=\"/waf/verify\" method=\"post\"><p>请输入验证码以继续访问</p>"
                "<img src=\"/waf/captcha.jpg\"><input name=\"code\"><button>提交</button></form></body></html>").encode()


SOFT_404 = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>404</title></head><body><div class=\"err\">"
            "<p>抱歉，您访问的页面不存在！</p><p><a href=\"/\">返回首页</a></p></div></body></html>").encode()
HOME_PAGE = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"SiteName\" content=\"中华人民共和国商务部\">"
             "<title>中华人民共和国商务部</title></head><body><ul class=\"nav\"><li><a href=\"/zwgk/zcfb/index.html\">政务公开"
             "</a></li><li><a href=\"/xwfb/xwfyrth/index.html\">新闻发布</a></li></ul><ul class=\"txtList_01\"><li>"
             "<a href=\"/zwgk/zcfb/art/2025/art_c6b190344a154e6f831e0fdfc190e41e.html\" title=\"商务部公告2025年第22号\">"
             "商务部公告2025年第22号</a><span>[2025-04-09]</span></li></ul></body></html>").encode()


def not_found_in_layout() -> bytes:
    """The CMS's "page does not exist" answer in the site's own layout (chrome, crumbs, art-con), status 200."""
    body = fx(W, UEL8).decode()
    body = re.sub(r'<meta name="(?:ArticleTitle|PubDate)"[^>]*>\n', "", body)
    body = re.sub(r"<title>[^<]*</title>", "<title>页面不存在</title>", body)
    body = re.sub(r"<h1>[^<]*</h1>", "<h1>页面不存在</h1>", body)
    start = body.index('<div class="art-con art-con-bottonmLine">')
    end = body.index("</div>", start)
    return (body[:start] + '<div class="art-con art-con-bottonmLine">\n<p>抱歉，您访问的页面不存在！</p>\n'
            '<p>可能原因：网址有误或页面已删除。</p>\n<p><a href="/">返回首页</a></p>\n' + body[end:]).encode()


def mfa13_cut() -> bytes:
    """The MFA decision cut mid-annex (inside company line 二), served whole as far as HTTP can tell."""
    body = fx(M, MFA13)
    at = body.rindex("（二）亨廷顿".encode()) + len("（二）亨廷".encode())
    return body[:at]


def n22_attachment_only() -> bytes:
    """2025 No. 22 with its annex moved into an attachment: the text states 12, the names only in a PDF."""
    body = fx(W, N22).decode()
    start = body.index("<p>附件：")
    end = body.index("</p>", body.index("<p>12. ")) + len("</p>")
    link = ('<p>附件：<a href="/zwgk/zcfb/art/2025/P020250409612345678901.pdf">出口管制管控名单（2025年4月9日）.pdf</a></p>'
            "\n<p>（名单详见附件）</p>")
    return (body[:start] + link + body[end:]).encode()


def fx(host: str, path: str) -> bytes:
    return (FIXTURES / host / path).read_bytes()


def index_page(column: str, items: list[tuple[str, str, str]]) -> bytes:
    """An index in the layout of the fixtures' MOFCOM index pages: (href, title, day) rows."""
    rows = "\n".join(f'      <li><a href="{href}" title="{title}" target="_blank">{title}</a><span>[{day}]</span></li>'
                     for href, title, day in items)
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="SiteName" content="中华人民共和国商务部">
<meta name="ColumnName" content="{column}">
<meta name="ColumnType" content="列表">
<title>{column}</title>
</head>
<body>
<div class="container w1200">
  <div class="listCon iListCon f-mt30">
    <ul class="txtList_01 policy-list f-mt20">
{rows}
    </ul>
  </div>
</div>
</body>
</html>
""".encode()


T22 = "商务部公告2025年第22号 公布将12家美国实体列入出口管制管控名单"
T7 = "不可靠实体清单工作机制关于将11家美国实体列入不可靠实体清单的公告"
T8 = "不可靠实体清单工作机制关于将护盾人工智能公司等6家美国实体列入不可靠实体清单的公告"
T46 = "商务部公告2024年第46号 关于加强相关两用物项对美国出口管制的公告"
T_PVH = "不可靠实体清单工作机制关于将美国PVH集团和因美纳公司列入不可靠实体清单的公告"
T1 = "商务部公告2025年第1号 公布将28家美国实体列入出口管制管控名单"
T23 = "商务部公告2026年第23号 公布将10家美国实体列入出口管制管控名单"


def policy_index(uel7: str = UEL7) -> bytes:
    return index_page("政策发布", [(f"/{N22}", T22, "2025-04-09"), (f"/{UEL8}", T8, "2025-04-09"),
                                  (f"/{uel7}", T7, "2025-04-04")])


def mfa_index() -> bytes:
    body = fx(M, MFA_INDEX).decode()
    body = "\n".join(line for line in body.splitlines() if "<li><a href=\"./" not in line or "202412" in line)
    return body.encode()


def start_pages() -> dict[str, bytes]:
    return {
        f"{W}/{POLICY_INDEX}": policy_index(),
        f"{W}/{QA_INDEX}": index_page("新闻发言人谈话", [(f"/{QA514}", "商务部新闻发言人就暂停17家美国实体不可靠实体清单措施答记者问",
                                                      "2025-05-14")]),
        f"{W}/{ANN_2024}": index_page("2024年公告", [(f"/{N46}", T46, "2024-12-03")]),
        f"{W}/{ANN_2025}": index_page("2025年公告", [(f"/{N22_ALIAS}", T22, "2025-04-09")]),
        **{f"{W}/{p}": fx(W, p) for p in (N22, N22_ALIAS, UEL7, UEL8, N46, QA514)},
        f"{M}/{MFA_INDEX}": mfa_index(),
        f"{M}/{MFA13}": fx(M, MFA13),
    }


def n23_cut() -> bytes:
    """2026 No. 23 with annex lines 6-10 gone: the page otherwise whole (a CMS that lost rows)."""
    body = fx(W, N23).decode()
    return re.sub(r"<p>(?:[6-9]|10)\. [^<]*</p>\n", "", body).encode()


def n23_corrected() -> bytes:
    return fx(W, N23).decode().replace("芒廷帕斯材料公司", "芒廷帕斯矿业材料公司").encode()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens once the socket is closed


# --- running ---------------------------------------------------------------------------------


def env(**extra: str) -> dict[str, str]:
    return cli_env(MOFCOM_WATCH_TODAY=TODAY, **extra)


def run(db: str, out: Path, bases: dict[str, str], sources: tuple[str, ...] = SOURCES, **extra: str) -> tuple[Done, dict]:
    args = ["run", "--out", str(out), "--no-progress", "--json"]
    for host, url in bases.items():
        args += ["--base-url", f"{host}={url}"]
    for source in sources:
        args += ["--source", source]
    done = cli(db, *args, env=env(**extra))
    assert "Traceback" not in done.err, done.err
    try:
        report = json.loads(done.out)
    except json.JSONDecodeError:
        report = {}
    return done, report


def status(db: str) -> dict:
    """What ``status --json`` prints of the listings and issues, read in this process (a process costs a second)."""
    from mofcom_watch.commands.status_cmd import report_json
    from storage.db import open_existing_store, session_factory
    from storage.status import status_report

    engine = open_existing_store(db)
    try:
        with session_factory(engine)() as session:
            return report_json(status_report(session, clock.today()))
    finally:
        engine.dispose()


def states(report: dict) -> dict[tuple[str, str], tuple]:
    return {(r["notice_key"], r["list"]): (r["state"], r["since"], r["until"], r["entity_count"], tuple(r["entity_keys"]))
            for r in report["listings"]}


def items(folder: Path) -> Counter[str]:
    """Every item of every Atom feed but source-health, by feed and id."""
    return Counter({k: v for k, v in item_ids(folder).items() if not k.startswith("source-health")})


def mentions(blob: object, needle: str) -> bool:
    return needle in json.dumps(blob, ensure_ascii=False)


def brief(report: dict) -> dict:
    """What a run said went wrong, for assertion messages."""
    return {"failures": {s["name"]: s["failures"] for s in report.get("sources", []) if s["failures"]},
            "notes": {s["name"]: s["notes"] for s in report.get("sources", []) if s["notes"]},
            "open_issues": report.get("open_issues"), "problems": report.get("problems"),
            "held_back": report.get("held_back")}


def open_issues(report: dict) -> list:
    return list(report.get("open_issues") or []) + list(report.get("problems") or [])


def source(report: dict, name: str) -> dict:
    return next(s for s in report["sources"] if s["name"] == name)


def healthz(served) -> tuple[int, dict]:
    code, _, body = served.get("/healthz")
    return code, json.loads(body or b"{}")


# --- the sequence ------------------------------------------------------------------------------


class Story:
    """What each run left: exit code, its --json report, status --json, the feeds' items and files."""

    def __init__(self) -> None:
        self.runs: dict[str, tuple[Done, dict]] = {}
        self.status: dict[str, dict] = {}
        self.items: dict[str, Counter[str]] = {}
        self.files: dict[str, dict[str, str]] = {}
        self.health: dict[str, tuple[int, dict]] = {}
        self.hits: dict[str, list[tuple[str, int]]] = {}
        self.feeds_text: dict[str, str] = {}
        self.status_cli: dict[str, Done] = {}


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> Story:
    """The story, told again once when Beijing's day turned while it ran (16:00 UTC): its items are dated by the real
    clock and its feeds read as of TODAY, so a correction made after midnight fell after the day read, and s15 saw no
    correction (the lead's end CI of session 43 ran 15:55-16:03 UTC)."""
    global TODAY
    for _ in range(2):
        TODAY = clock.today().isoformat()
        told = _told(tmp_path_factory)
        if clock.today().isoformat() == TODAY:
            break
    return told


def _told(tmp_path_factory) -> Story:  # noqa: ANN001
    work = tmp_path_factory.mktemp("site-changes")
    db = f"sqlite:///{work / 'store.sqlite'}"
    out = work / "feeds"
    told = Story()
    with SiteServer(None, pages=start_pages(), columns={W: "zwgk/zcfb/"}) as site:
        bases = {W: site.base_url(W), M: site.base_url(M)}

        def step(name: str, **extra: str) -> None:
            site.reset_hits()
            told.runs[name] = run(db, out, bases, **extra)
            told.hits[name] = [(h.path, h.status) for h in site.hits]
            told.status[name] = status(db)
            told.items[name] = items(out)
            told.files[name] = feed_files(out)
            all_atom = out / "all.atom"
            told.feeds_text[name] = all_atom.read_text(encoding="utf-8") if all_atom.exists() else ""

        step("clean1")
        with serving(db, work, env={"MOFCOM_WATCH_TODAY": TODAY}) as served:
            told.health["clean1"] = healthz(served)

            # batch A
            site.faults[f"{W}/{POLICY_INDEX}"] = Fault("zero-links")  # S1
            site.faults[f"{W}/{QA_INDEX}"] = Fault("body", body=WAF_PAGE)  # S6
            site.faults[f"{M}/{MFA_INDEX}"] = Fault("503")  # S13
            site.faults[f"{M}/{MFA13}"] = Fault("503")
            site.faults[f"{W}/{UEL8}"] = Fault("body", body=b"")  # S8
            site.set_page(f"{W}/{UEL7}", fx(W, UEL7).replace(b"</body>", b"<!-- visits: 1024 -->\n</body>"))  # S10a
            site.content_types[f"{W}/{UEL7}"] = "text/html; charset=gbk"
            site.set_page(f"{W}/{N23}", n23_cut())  # S7 (listed by the jpaas endpoint)
            site.set_page(f"{W}/{UEL5}", fx(W, UEL5))  # S12 (listed by the jpaas endpoint)
            site.faults[f"{W}/{UEL5}"] = Fault("timeout", delay=3.0)
            site.faults[f"{W}/{N46}"] = Fault("gzip-lie")  # S19 (found reading the code)
            site.faults[f"{W}/{QA514}"] = Fault("body", body=SOFT_404)  # S20 (added after the blind phase)
            site.set_page(f"{W}/index.html", HOME_PAGE)  # S21 (added after the blind phase)
            site.faults[f"{W}/{N22_ALIAS}"] = Fault("redirect", location=f"{site.base_url(W)}/index.html")
            step("faultsA", MOFCOM_WATCH_TIMEOUT="1.5")
            told.health["faultsA"] = healthz(served)

            site.faults.clear()
            site.content_types.clear()
            site.set_page(f"{W}/{N23}", fx(W, N23))
            step("clean2")
            told.health["clean2"] = healthz(served)

            # batch B
            site.faults[f"{W}/{JPAAS_PATH}"] = Fault("body", body=json.dumps(  # S2
                {"code": 200, "msg": "success", "result": {"content": site.jpaas(W, {}).decode()}},
                ensure_ascii=False).encode())
            site.set_page(f"{W}/{CAPTCHA}", CAPTCHA_PAGE)  # S5
            site.faults[f"{W}/{POLICY_INDEX}"] = Fault(
                "redirect", location=f"{site.base_url(W)}/{CAPTCHA}?returnUrl=%2Fzwgk%2Fzcfb%2Findex.html")
            site.faults[f"{W}/{QA_INDEX}"] = Fault("412")  # S17
            site.set_page(f"{W}/{ANN_2025}", index_page("2025年公告", [(f"/{UEL7_MOVED}", T7, "2025-04-04")]))  # S4, S14
            site.set_page(f"{W}/{UEL7_MOVED}", fx(W, UEL7))
            site.set_page(f"{W}/{POLICY_INDEX}", policy_index(UEL7_MOVED))  # the site's own index follows the move
            site.removed.add(f"{W}/{UEL7}")
            site.faults[f"{W}/{UEL5}"] = Fault("gzip-cut")  # S9
            site.faults[f"{W}/{N22}"] = Fault("truncate")  # S16
            site.set_page(f"{W}/{N23}", n23_corrected())  # S15
            site.faults[f"{W}/{N23}"] = Fault("429", times=1, retry_after="1")  # S11
            mfa_gb = fx(M, MFA13).decode().replace('<meta charset="utf-8">', '<meta charset="gb2312">').encode("gb18030")
            site.set_page(f"{M}/{MFA13}", mfa_gb)  # S10b
            site.content_types[f"{M}/{MFA13}"] = "text/html; charset=utf-8"
            step("faultsB", MOFCOM_WATCH_RETRIES="1")

            site.faults.clear()
            site.content_types[f"{M}/{MFA13}"] = "text/html; charset=gb2312"
            step("clean3")
            told.health["clean3"] = healthz(served)

            dead = f"http://127.0.0.1:{closed_port()}"  # S18
            site.reset_hits()
            told.runs["outage"] = run(db, out, {W: f"{dead}/{W}", M: f"{dead}/{M}"})
            told.status["outage"] = status(db)
            told.items["outage"] = items(out)
            told.files["outage"] = feed_files(out)
            told.health["outage"] = healthz(served)
            told.status_cli["outage"] = cli(db, "status", "--json", env=env())

            step("clean4")
            told.health["clean4"] = healthz(served)
            told.status_cli["clean4"] = cli(db, "status", "--json", env=env())

            # batch C (fetch19, blind)
            site.faults[f"{W}/{JPAAS_PATH}"] = Fault("body", body=EMPTY_LIST, content_type="application/json;charset=UTF-8")  # S22
            site.set_page(f"{W}/{POLICY_INDEX}", index_page("政策发布", [  # S23 (3 rows -> 2), S31
                (f"/{N22}", T22, "2025-04-09"), (f"/{N23_COPY}", T23, "2026-06-22")]))
            site.set_page(f"{W}/{N23_COPY}", fx(W, N23))  # S31: the text before the S15 correction
            site.set_page(f"{W}/{ANN_2025}", index_page("2025年公告", [  # S23 (UEL 7 gone), S25, S28, S30
                (f"/{UEL8}", T8, "2025-04-09"), (f"/{UEL_PVH}", T_PVH, "2025-02-04"),
                (f"/{N1}", T1, "2025-01-02"), (f"/{N1_ALIAS}", T1, "2025-01-02")]))
            site.set_page(f"{W}/{UEL_PVH}", fx(W, UEL_PVH))
            site.faults[f"{W}/{UEL_PVH}"] = Fault("304")  # S28
            site.set_page(f"{W}/{N1}", fx(W, N1))  # S30
            site.set_page(f"{W}/{N1_ALIAS}", fx(W, N1_ALIAS))
            site.set_page(f"{W}/{QA514}", fx(W, QA514).decode().encode("gb18030"))  # S24
            site.content_types[f"{W}/{QA514}"] = "text/html; charset=utf-8"
            site.faults[f"{W}/{UEL8}"] = Fault("body", body=not_found_in_layout())  # S25
            site.set_page(f"{M}/{MFA13}", mfa13_cut())  # S26
            site.content_types[f"{M}/{MFA13}"] = "text/html; charset=utf-8"
            site.set_page(f"{W}/{N22}", n22_attachment_only())  # S27
            site.faults[f"{W}/{QA_INDEX}"] = Fault("429", retry_after="3600")  # S29
            step("faultsC", MOFCOM_WATCH_RETRIES="1")

            site.faults.clear()
            site.content_types.pop(f"{W}/{QA514}")
            site.set_page(f"{W}/{QA514}", fx(W, QA514))
            site.set_page(f"{M}/{MFA13}", mfa_gb)
            site.content_types[f"{M}/{MFA13}"] = "text/html; charset=gb2312"
            site.set_page(f"{W}/{N22}", fx(W, N22))
            site.set_page(f"{W}/{N23_COPY}", n23_corrected())  # the copy catches up
            site.set_page(f"{W}/{POLICY_INDEX}", index_page("政策发布", [
                (f"/{N22}", T22, "2025-04-09"), (f"/{UEL8}", T8, "2025-04-09"), (f"/{UEL7_MOVED}", T7, "2025-04-04"),
                (f"/{N23_COPY}", T23, "2026-06-22")]))
            site.set_page(f"{W}/{ANN_2025}", index_page("2025年公告", [
                (f"/{UEL7_MOVED}", T7, "2025-04-04"), (f"/{UEL_PVH}", T_PVH, "2025-02-04"),
                (f"/{N1}", T1, "2025-01-02"), (f"/{N1_ALIAS}", T1, "2025-01-02")]))
            step("clean5")

        fresh_db = f"sqlite:///{work / 'fresh.sqlite'}"
        fresh_out = work / "fresh-feeds"
        told.runs["fresh"] = run(fresh_db, fresh_out, bases)
        told.items["fresh"] = items(fresh_out)
    return told


def after(story: Story, name: str) -> set[str]:
    return set(story.items[name])


# --- every run ---------------------------------------------------------------------------------

FAULTED = ("faultsA", "faultsB", "faultsC")
CLEAN = ("clean2", "clean3", "clean4", "clean5")
ORDER = ("clean1", "faultsA", "clean2", "faultsB", "clean3", "outage", "clean4", "faultsC", "clean5")


def test_clean_start(story):
    done, report = story.runs["clean1"]
    assert done.code == 0, brief(report) if report else done.out + done.err
    assert not open_issues(report)
    keys = {k for k, _ in states(story.status["clean1"])}
    assert {"MOFCOM-2025-22", "UEL-2025-7", "UEL-2025-8", "MFA-ORDER-2024-13"} <= keys


@pytest.mark.parametrize("name", FAULTED)
def test_faulted_run_is_loud(story, name):
    done, report = story.runs[name]
    assert done.code == 1, brief(report) if report else done.out + done.err
    assert open_issues(report), brief(report)


@pytest.mark.parametrize("name", CLEAN)
def test_clean_run_after_a_fault_recovers(story, name):
    done, report = story.runs[name]
    assert done.code == 0, brief(report) if report else done.out + done.err
    assert not open_issues(report), brief(report)


@pytest.mark.parametrize("pair", list(zip(ORDER, ORDER[1:])))
def test_no_item_ever_disappears(story, pair):
    before, now = pair
    assert after(story, before) <= after(story, now), sorted(after(story, before) - after(story, now))


@pytest.mark.parametrize("name", ORDER)
def test_no_item_twice(story, name):
    assert all(n == 1 for n in story.items[name].values())


@pytest.mark.parametrize("pair", [("clean1", "faultsA"), ("clean2", "faultsB"), ("clean3", "outage"), ("clean4", "faultsC")])
def test_fault_changes_no_listing(story, pair):
    before, now = pair
    old, new = states(story.status[before]), states(story.status[now])
    assert {k: v for k, v in new.items() if k in old} == old


def test_end_state_equals_one_clean_run(story):
    done, report = story.runs["fresh"]
    assert done.code == 0, brief(report) if report else done.out + done.err
    ours = {k for k in after(story, "clean5") if "correct" not in k}
    assert ours == after(story, "fresh"), (sorted(ours - after(story, "fresh")), sorted(after(story, "fresh") - ours))


# --- batch A -----------------------------------------------------------------------------------


def test_s1_index_without_links_is_a_source_problem(story):
    _, report = story.runs["faultsA"]
    assert source(report, "mofcom-policy")["failed"] or mentions(open_issues(report), "mofcom-policy") or mentions(
        open_issues(report), POLICY_INDEX), brief(report)


def test_s6_waf_page_is_a_source_problem(story):
    _, report = story.runs["faultsA"]
    assert source(report, "mofcom-qa")["failed"] or mentions(open_issues(report), QA_INDEX), brief(report)


def test_s13_mfa_down_mofcom_up(story):
    _, report = story.runs["faultsA"]
    assert source(report, "mfa-countermeasures")["failed"], brief(report)
    assert mentions(open_issues(report), "mfa"), brief(report)
    assert states(story.status["faultsA"])[("MFA-ORDER-2024-13", "countermeasure")][0] == "in_force"
    assert story.health["faultsA"][0] == 200, story.health["faultsA"]


def test_s8_empty_body_keeps_the_stored_notice(story):
    _, report = story.runs["faultsA"]
    assert mentions(open_issues(report), UEL8) or mentions(report["sources"], UEL8), brief(report)
    assert states(story.status["faultsA"])[("UEL-2025-8", "uel")][3] == 6


def test_s10a_gbk_header_on_utf8_page_reads_right(story):
    _, report = story.runs["faultsA"]
    assert not mentions(open_issues(report), UEL7), brief(report)
    assert not mentions(report["sources"], UEL7), brief(report)
    assert states(story.status["faultsA"])[("UEL-2025-7", "uel")] == states(story.status["clean1"])[("UEL-2025-7", "uel")]


def test_s7_cut_annex_is_a_count_problem_and_no_short_item(story):
    _, report = story.runs["faultsA"]
    assert mentions(open_issues(report), "2026年第23号") or mentions(open_issues(report), "MOFCOM-2026-23") or mentions(
        open_issues(report), N23), brief(report)
    text = story.feeds_text["faultsA"]
    assert not re.search(r"5 (?:US )?entit", "\n".join(
        e for e in text.split("<entry>") if "MOFCOM-2026-23" in e)), "an item claims 5 entities"


def test_s7_whole_page_next_run_gives_all_ten(story):
    row = states(story.status["clean2"])[("MOFCOM-2026-23", "ecl")]
    assert row[3] == 10


def test_s12_timeout_on_one_notice_others_load(story):
    _, report = story.runs["faultsA"]
    assert mentions(report, UEL5), brief(report)
    assert ("MOFCOM-2026-23", "ecl") in states(story.status["faultsA"]) or mentions(open_issues(report), N23)
    assert states(story.status["clean2"])[("UEL-2025-5", "uel")][3] == 10


def test_s19_undecodable_body_fails_its_page_not_the_run(story):
    """Plain bytes labelled gzip raised out of the fetcher: the run stopped at exit 4, nothing after it fetched."""
    done, report = story.runs["faultsA"]
    assert "internal error" not in done.err, done.err
    assert any(f["url"].endswith(N46) and f["reason"] == "undecodable" for f in source(report, "mofcom-policy-list")["failures"]
               + source(report, "mofcom-announcements")["failures"]), brief(report)


def test_s20_soft_404_on_a_stored_qa_is_its_failure(story):
    _, report = story.runs["faultsA"]
    assert mentions(report["sources"], QA514) or mentions(open_issues(report), QA514), brief(report)


def test_s21_article_redirected_to_the_home_page_is_its_failure(story):
    _, report = story.runs["faultsA"]
    assert mentions(report["sources"], N22_ALIAS) or mentions(open_issues(report), N22_ALIAS), brief(report)
    assert N22_ALIAS.rsplit("/", 1)[1] in story.feeds_text["clean2"]  # still one of No. 22's URLs


# --- batch B -----------------------------------------------------------------------------------


def test_s2_renamed_json_fields_are_a_source_problem(story):
    _, report = story.runs["faultsB"]
    assert source(report, "mofcom-policy-list")["failed"] or mentions(open_issues(report), "mofcom-policy-list") or mentions(
        open_issues(report), "jpaas"), brief(report)


def test_s5_redirect_to_captcha_is_a_source_problem(story):
    _, report = story.runs["faultsB"]
    assert source(report, "mofcom-policy")["failed"] or mentions(open_issues(report), POLICY_INDEX), brief(report)
    assert not any(CAPTCHA in k for k in story.items["faultsB"])


def test_s17_bot_check_is_a_source_problem(story):
    _, report = story.runs["faultsB"]
    assert source(report, "mofcom-qa")["failed"] or mentions(open_issues(report), QA_INDEX), brief(report)


def test_s4_moved_notice_no_new_item_new_url_in_provenance(story):
    new = after(story, "faultsB") - after(story, "clean2")
    assert all("correct" in k for k in new), sorted(new)
    assert UEL7_MOVED.rsplit("/", 1)[1] in story.feeds_text["faultsB"] + story.feeds_text["clean3"]
    assert states(story.status["clean3"])[("UEL-2025-7", "uel")][0] == states(story.status["clean2"])[("UEL-2025-7", "uel")][0]


def test_s14_index_dropping_a_notice_lifts_nothing(story):
    assert states(story.status["clean3"])[("MOFCOM-2025-22", "ecl")] == states(story.status["clean2"])[("MOFCOM-2025-22", "ecl")]


def test_s9_gzip_cut_is_a_fetch_problem(story):
    _, report = story.runs["faultsB"]
    assert mentions(open_issues(report), UEL5) or mentions(report["sources"], UEL5), brief(report)
    assert states(story.status["faultsB"])[("UEL-2025-5", "uel")][3] == 10


def test_s16_truncated_transfer_is_a_fetch_problem(story):
    _, report = story.runs["faultsB"]
    assert mentions(open_issues(report), N22) or mentions(report["sources"], N22), brief(report)


def test_s11_429_retried_after_retry_after(story):
    _, report = story.runs["faultsB"]
    assert [s for p, s in story.hits["faultsB"] if p == f"{W}/{N23}"][:2] == [429, 200], story.hits["faultsB"]
    assert not mentions(report["sources"], N23), brief(report)


def test_s15_corrected_annex_gives_a_correction(story):
    new = (after(story, "clean3") - after(story, "clean2"))
    assert new and all("correct" in k for k in new), sorted(new)
    assert "芒廷帕斯矿业材料公司" in story.feeds_text["clean3"]
    corrections = [e for e in story.feeds_text["clean3"].split("<entry>") if "/correction/" in e.split("</id>")[0]]
    assert corrections and all("芒廷帕斯材料公司" in e for e in corrections)  # says what changed: the old name too


def test_s10b_utf8_header_on_gb18030_page_reads_right(story):
    _, report = story.runs["faultsB"]
    assert not mentions(report["sources"], MFA13), brief(report)
    assert not mentions(open_issues(report), "mfa"), brief(report)
    assert states(story.status["faultsB"])[("MFA-ORDER-2024-13", "countermeasure")] == states(
        story.status["clean2"])[("MFA-ORDER-2024-13", "countermeasure")]


# --- batch C (fetch19, blind) ------------------------------------------------------------------


def new_items(story: Story, before: str, now: str) -> set[str]:
    return after(story, now) - after(story, before)


def test_c_new_items_only_of_new_notices(story):
    """S23, S24, S25, S26, S27, S31: no item about a stored notice (no removal, lift, suspension or
    correction back); the only new items are those of the notices new in batch C."""
    old_keys = {k for k, _ in states(story.status["clean4"])}
    wrong = sorted(i for i in new_items(story, "clean4", "faultsC") if any(k in i for k in old_keys))
    assert not wrong, wrong


def test_s22_empty_json_list_is_a_source_problem(story):
    _, report = story.runs["faultsC"]
    assert source(report, "mofcom-policy-list")["failed"] or mentions(open_issues(report), "mofcom-policy-list") or mentions(
        open_issues(report), "jpaas"), brief(report)


def test_s24_utf8_label_on_gb18030_bytes_no_mojibake(story):
    assert "\ufffd" not in story.feeds_text["faultsC"]
    assert states(story.status["faultsC"])[("UEL-2025-7", "uel")] == states(story.status["clean4"])[("UEL-2025-7", "uel")]


def test_s25_not_found_in_the_site_layout_is_its_failure(story):
    _, report = story.runs["faultsC"]
    assert mentions(report["sources"], UEL8) or mentions(open_issues(report), UEL8), brief(report)
    assert states(story.status["faultsC"])[("UEL-2025-8", "uel")][3] == 6


def test_s26_mfa_cut_mid_annex_is_a_problem(story):
    _, report = story.runs["faultsC"]
    assert mentions(report["sources"], MFA13) or mentions(open_issues(report), MFA13) or mentions(
        open_issues(report), "MFA-ORDER-2024-13"), brief(report)
    key = ("MFA-ORDER-2024-13", "countermeasure")
    assert states(story.status["faultsC"])[key] == states(story.status["clean4"])[key]


def test_s27_annex_in_an_attachment_is_a_count_problem(story):
    _, report = story.runs["faultsC"]
    assert mentions(open_issues(report), "MOFCOM-2025-22") or mentions(open_issues(report), "2025年第22号") or mentions(
        open_issues(report), N22) or mentions(report["sources"], N22), brief(report)
    assert states(story.status["faultsC"])[("MOFCOM-2025-22", "ecl")][3] == 12


def test_s28_304_for_a_page_never_stored_is_its_failure(story):
    _, report = story.runs["faultsC"]
    assert mentions(report["sources"], UEL_PVH) or mentions(open_issues(report), UEL_PVH), brief(report)
    assert "PVH" in story.feeds_text["clean5"]


def test_s29_429_with_an_hour_retry_after_fails_fast(story):
    """The run's retries (MOFCOM_WATCH_RETRIES=1) each waited the 60 s cap and asked again: now none."""
    _, report = story.runs["faultsC"]
    assert any(f["url"].endswith(QA_INDEX) and f["reason"] == "http-429" for f in source(report, "mofcom-qa")["failures"]), (
        brief(report))
    assert [s for p, s in story.hits["faultsC"] if p == f"{W}/{QA_INDEX}"] == [429], story.hits["faultsC"]


def test_s30_one_notice_under_two_urls_in_one_index(story):
    row = states(story.status["faultsC"]).get(("MOFCOM-2025-1", "ecl"))
    assert row is not None and row[3] == 28, row
    _, report = story.runs["faultsC"]
    assert not mentions(report["sources"], N1_ALIAS) and not mentions(open_issues(report), "MOFCOM-2025-1"), brief(report)


def test_s31_an_older_copy_does_not_revert_a_correction(story):
    assert not [i for i in new_items(story, "clean4", "faultsC") if "MOFCOM-2026-23" in i]
    assert not [i for i in new_items(story, "faultsC", "clean5") if "MOFCOM-2026-23" in i]


# --- S18 ---------------------------------------------------------------------------------------


def test_s18_outage_keeps_the_feeds_and_says_so(story):
    """Every host refusing connections: exit 1, every source's failures listed, the feeds byte for byte as they were
    (but source-health), no listing changed. Connection failures open no issue before a source has failed
    FAILING_RUNS runs in a row, and /healthz stays 200 for stale_after_minutes (docs/deploy.md): a policy (C);
    /healthz's last_source_answer is the run before the outage, not the outage's cycle."""
    before, now = story.files["clean3"], story.files["outage"]
    assert {k: v for k, v in now.items() if not k.startswith("source-health")} == {
        k: v for k, v in before.items() if not k.startswith("source-health")}
    done, report = story.runs["outage"]
    assert done.code == 1, brief(report)
    assert all(s["failed"] for s in report["sources"] if s["name"] in SOURCES), brief(report)
    code, body = story.health["outage"]
    # the outage answered nothing: the last answer is still clean3's (compared with it, not with the outage's cycle
    # time: both are whole seconds, and a refused run may end in the second clean3 ended in)
    assert code == 200 and body["last_source_answer"] == story.health["clean3"][1]["last_source_answer"], (code, body)
    assert story.health["clean4"][0] == 200, story.health["clean4"]


def test_s18_status_after_an_outage_is_no_all_clear(story):
    """``status`` right after the outage said "No open health issues" and exited 0 (no issue opens before
    FAILING_RUNS failing runs): now every source whose last run could not fetch is named, exit 1, ``ok`` false;
    after the next clean run, none."""
    outage = story.status_cli["outage"]
    shown = json.loads(outage.out)
    assert outage.code == 1 and shown["ok"] is False, outage.out
    assert sorted(f["source"] for f in shown["last_run_failed"]) == sorted(SOURCES), shown["last_run_failed"]
    assert all(f["failed"] and f["reasons"] for f in shown["last_run_failed"]), shown["last_run_failed"]
    assert [p for p in shown["problems"] if p.startswith("LAST RUN FAILED: ")], shown["problems"]
    assert json.loads(story.status_cli["clean4"].out)["last_run_failed"] == []


# --- S3: pagination that repeats --------------------------------------------------------------------


class RepeatingSite(SiteServer):
    """A jpaas endpoint whose every page is page 1 (a redesign that ignores pageNo)."""

    def jpaas(self, host: str, query: dict[str, list[str]]) -> bytes | None:
        query = dict(query)
        if "paramJson" in query:
            params = json.loads(query["paramJson"][0])
            params["pageNo"] = 1
            query["paramJson"] = [json.dumps(params)]
        query["pageNo"] = ["1"]
        return super().jpaas(host, query)


def filler(n: int) -> bytes:
    day = f"2025-{5 + n // 4:02d}-{1 + n % 4 * 7:02d}"
    title = f"商务部召开例行新闻发布会（{day}）"
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="SiteName" content="中华人民共和国商务部">
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="{day} 15:00">
<title>{title}</title></head>
<body><div class="art-title"><h1>{title}</h1></div>
<div class="art-con art-con-bottonmLine">
<p>商务部新闻发言人出席发布会，介绍近期商务工作有关情况，并回答记者提问。</p>
<p>发布会实录将另行刊发。</p>
</div></body></html>
""".encode()


def test_s3_page_two_repeating_page_one_misses_nothing_silently(tmp_path):
    pages = {f"{W}/zwgk/zcfb/art/2025/art_{n:032x}.html": filler(n) for n in range(1, 25)}
    pages[f"{W}/{N22}"] = fx(W, N22)
    with RepeatingSite(None, pages=pages, columns={W: "zwgk/zcfb/"}) as site:
        done, report = run(f"sqlite:///{tmp_path / 's3.sqlite'}", tmp_path / "feeds", {W: site.base_url(W)},
                           sources=("mofcom-policy-list",))
        asked = [h.path for h in site.hits]
    found = ("MOFCOM-2025-22", "ecl") in states(status(f"sqlite:///{tmp_path / 's3.sqlite'}"))
    assert found or (done.code == 1 and open_issues(report)), (done.code, brief(report), asked)



# --- S33: a schedule process, aqygzj and the English news, the site changing between its cycles ----------------------

AQ = "aqygzj.mofcom.gov.cn"
EN = "english.mofcom.gov.cn"
EN_INDEX = "News/PressConference/index.html"
EN_ART = "News/PressConference/art/2025/art_7a1c3e5f9b2d4c6e8f0a1b3c5d7e9f21.html"
EN_TITLE = "MOFCOM: 6 US entities added to unreliable entity list"


def english_index(rows: list[tuple[str, str, str]]) -> bytes:
    items = "".join(f'<li><a href="/{href}" title="{title}">{title}</a><span>{day}</span></li>' for href, title, day in rows)
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Press Conference</title></head><body>'
            f'<div class="listCon"><ul class="txtList_01">{items}</ul></div></body></html>').encode()


ENGLISH_ARTICLE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="ArticleTitle" content="{EN_TITLE}"><meta name="PubDate" content="2025-04-09 21:10">
<title>{EN_TITLE}</title></head><body><div class="art-title"><h1>{EN_TITLE}</h1></div>
<div class="art-con art-con-bottonmLine"><p>2025-04-09 21:10</p>
<p>The unreliable entity list working mechanism on April 9 added 6 US entities, including Shield AI, Inc. and
Sierra Nevada Corporation, to the unreliable entity list (Announcement No. 8 [2025]), a MOFCOM spokesperson said.</p>
</div></body></html>""".encode()


class ChangingSite(SiteServer):
    """From its second answer on: the aqygzj list endpoint answers an empty list (its CMS ids changed on a
    redesign: domain.md b.2) and the English press-conference index lists one more article. Keyed on the answers,
    not on the test's clock, so a cycle starting early cannot see half of it."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.asked: Counter[str] = Counter()

    def jpaas(self, host: str, query: dict[str, list[str]]) -> bytes | None:
        self.asked[host] += 1
        if host == AQ and self.asked[host] > 1:
            return json.dumps({"success": True, "data": {"html": ""}}).encode()
        return super().jpaas(host, query)

    def read(self, path: str) -> bytes | None:
        if path == f"{EN}/{EN_INDEX}":
            self.asked[path] += 1
            rows = [("News/PressConference/art/2025/art_00000000000000000000000000000001.html", "Regular Press Conference", "2025-03-20")]
            if self.asked[path] > 1:
                rows.insert(0, (EN_ART, EN_TITLE, "2025-04-09"))
            return english_index(rows)
        return super().read(path)


@pytest.fixture
def one_store(tmp_path):
    """PostgreSQL when the suite has a server (``MOFCOM_WATCH_TEST_PG``: CI), else a SQLite file: S33 runs once."""
    import os

    from tests.conftest import PG_ENV, _pg_database

    if os.environ.get(PG_ENV):
        yield from _pg_database(os.environ[PG_ENV])
    else:
        yield f"sqlite:///{tmp_path / 's33.sqlite'}"


def test_s33_schedule_two_cycles_aqygzj_and_english_news(tmp_path, one_store):
    """One real ``schedule`` process, two cycles of the aqygzj and english-news sources, the site changing between
    them: the first stores aqygzj's notices (home page and list endpoint) and the English index's page; the second
    reports aqygzj's emptied list endpoint as zero links (a health issue, nothing removed) and stores the new English
    press-conference article as news. SIGTERM then stops the process cleanly (exit 0). On PostgreSQL in CI."""
    import signal
    import time

    from tests.faults.harness import command

    pages = {f"{EN}/News/PressConference/art/2025/art_00000000000000000000000000000001.html": ENGLISH_ARTICLE.replace(
        EN_TITLE.encode(), b"Regular Press Conference").replace(b"unreliable entity list", b"trade figures"),
        f"{EN}/{EN_ART}": ENGLISH_ARTICLE}
    db = one_store
    with ChangingSite(FIXTURES, pages=pages) as site:
        environ = env(MOFCOM_WATCH_BASE_URLS=f"{AQ}={site.base_url(AQ)},{EN}={site.base_url(EN)}",
                      MOFCOM_WATCH_SOURCES="aqygzj,english-news", MOFCOM_WATCH_FEEDS_DIR=str(tmp_path / "feeds"))
        log = tmp_path / "schedule.log"
        with log.open("w", encoding="utf-8") as handle:
            proc = subprocess.Popen([*command(db, "schedule", "--cron", "* * * * * *", "--run-at-start")],
                                    cwd=ROOT, env=environ, stdout=subprocess.DEVNULL, stderr=handle)
        try:
            deadline = time.monotonic() + 120
            while log.read_text(encoding="utf-8").count('msg="cycle done') < 2 and time.monotonic() < deadline:
                assert proc.poll() is None, log.read_text(encoding="utf-8")
                time.sleep(0.05)
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        said = log.read_text(encoding="utf-8")
        assert proc.returncode == 0 and "Traceback" not in said, said
        assert said.count('msg="cycle done') >= 2, said
        # no public_base_url: each cycle's publish says where its links point (cli34's C3, decided in session 35)
        assert said.count('msg="feeds link to serve\'s default address"') >= 2, said
    shown = status(db)
    keys = {k for k, _ in states(shown)}
    assert {"UEL-2025-8", "MOFCOM-ORDER-2026-2"} <= keys, sorted(keys)
    assert mentions(shown, "zero-links") and mentions(shown, "aqygzj"), shown.get("problems")
    assert EN_TITLE in (tmp_path / "feeds" / "news.atom").read_text(encoding="utf-8")
