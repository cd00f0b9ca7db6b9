"""A site and its CDN answering the wrong thing for notice pages (fetch20's blind round 3; cases written first).

Real ``mofcom-watch run`` processes fetch a local copy of www.mofcom.gov.cn (``tests/site_server.py``) into one
real SQLite file: a clean run (clean1) on a policy index without its five newest rows, a run (faults) where those
five are listed and every notice page below answers wrong, a clean run (clean2), and a fresh store's one run on the
final site. The HTML index sources only (the jpaas list would list the new notices too). The cases and what each
must come to were written in /work/s20/fetch20-cases.md before the code that handles them was read:

S34 a new notice's URL (2026 No. 23) answers 200 with the policy index's page -> that page's failure, nothing
    stored as its notice; read next run [high]
S35 a stored notice's URL (UEL 2025 No. 5) answers its layout with another notice's text (UEL 2025 No. 6) ->
    No. 5 and No. 6 unchanged, no item [high]; loud [medium] (fetch21: the page's another-notice problem)
S35b a new page (2025 No. 22 on the policy index, its notice stored from its alias) answers No. 13's text ->
    no item, no listing changed [high]; loud [medium] (fetch21: its title names No. 22: another-notice)
S36 a stored notice (2025 No. 13) served as text/plain -> no change, no item [medium]
S37 a stored notice (UEL 2025 No. 6) gzipped twice -> that page's failure, no change [high]
S38 a new notice (UEL 2025 No. 8) with a Content-Length half its body -> that page's failure or a cut caught;
    no notice short of its entities; read whole next run [high]
S40 the Q&A index answers a 200 Ruishu-style challenge (a token meta, obfuscated script) -> source problem [high]
S40b a stored notice (2025 No. 1) answers that challenge -> that page's failure, its 28 entities stay [high]
S41 a stored notice (UEL PVH) 302s to itself setting a cookie, then answers with it -> read, no problem [medium]
S41b a stored notice (2025 No. 21) 302s to itself for ever -> that page's failure, the run goes on [high]
S42 a new notice (2025 No. 55) answers a 404 template in a wording not tried ("您所访问的页面不存在或已被删除")
    in the site's layout -> that page's failure; read next run [high]
S43 a new notice (UEL 2025 No. 7) answers 206 Partial Content (its first half) -> that page's failure [medium]
"""

from __future__ import annotations

import re
import sqlite3

import pytest

from tests.faults.harness import FIXTURES, cli
from tests.faults.test_site_changes import (
    POLICY_INDEX,
    QA_INDEX,
    Story,
    W,
    brief,
    env,
    feed_files,
    items,
    open_issues,
    run,
    source,
    states,
    status,
)
from tests.faults.test_wrong_index import POLICY_ROWS, with_rows
from tests.site_server import Fault, SiteServer

SOURCES = ("mofcom-policy", "mofcom-qa", "mofcom-announcements")
ART = "zwgk/zcfb/art/2025/art_{}.html"
N23 = "zwgk/zcfb/art/2026/art_dfa9cc5c1e004d7fbb86f83d249e7986.html"
N55 = ART.format("949f47563b834dad95b0010f375a892c")
N22 = ART.format("c6b190344a154e6f831e0fdfc190e41e")
UEL8 = ART.format("c29bed8111a5406ea44f363694865ac2")
UEL7 = ART.format("e4f474d3aeba4672913db1042d845d78")
N21 = "zcfb/blgg/art/2025/art_eba76b74d5e147c99fd86bc8a47c5b57.html"
N13 = ART.format("e1ea9512b1f84dc6b1a17f703fa4cf56")
UEL5 = ART.format("beb25dc3bf9447f9ba7a34b25cca8f64")
UEL6 = ART.format("205cf5fddd1645a7be68d132cdb38cc3")
PVH = ART.format("ab15d2258dda4e93b8ad1ec4776d37c3")
N1 = ART.format("1ee79b1b7f21444ebf4797c0ff8500fd")

RUISHU = ("""<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Type" content="text/html;
charset=utf-8"><meta id="9DhefwqGPrzGxEp9hPaoag" content="gMDKqxaUNdmZr0Bx7U3RkTCgfqBCQ2AqOTa.vVL4H2xgoKcM6mP4d1f
r8Jw0ZQnX2sA9bE5cY7uL3kT6hG1iO4pV.yN8mW0jRfDzCaBxS5eQ2tUoI9lK3vH7gF1dP6sA4wE8rT0yU2iO5pL9kJ3hG7fD1sA6"></head><body>
<script type="text/javascript" r="m">(function(){var _$ap=0,_$hg=[[6,0,9,3,1,2,4,5,7,8]];function _$kd(){return
_$hg[0][_$ap++];}$_ts=window['$_ts'];if(!$_ts){$_ts={};window['$_ts']=$_ts;}$_ts.nsd=29148;$_ts.cd="qkrDrrAlEaqc";
})();</script><script type="text/javascript" charset="utf-8" src="/4QbVtADbnLVIc/d.js"></script></body></html>""").encode()


def fixture(path: str) -> bytes:
    return (FIXTURES / W / path).read_bytes()


def not_found_template() -> bytes:
    """The site's layout (head, nav, crumbs, art-con), its content a 404 note in a wording not tried before."""
    body = fixture(UEL8).decode()
    body = re.sub(r'<meta name="(?:ArticleTitle|PubDate)"[^>]*>\n', "", body)
    body = re.sub(r"<title>[^<]*</title>", "<title>提示信息</title>", body)
    body = re.sub(r"<h1>[^<]*</h1>", "<h1>提示信息</h1>", body)
    start = body.index('<div class="art-con art-con-bottonmLine">')
    end = body.index("</div>", start)
    return (body[:start] + '<div class="art-con art-con-bottonmLine">\n<p>您所访问的页面不存在或已被删除。</p>\n'
            '<p>请检查网址是否正确，或<a href="/">返回首页</a>继续浏览。</p>\n' + body[end:]).encode()


ORDER = ("clean1", "faults", "clean2")


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> Story:
    work = tmp_path_factory.mktemp("round3")
    db = f"sqlite:///{work / 'store.sqlite'}"
    out = work / "feeds"
    told = Story()
    told.codes = {}
    told.db = work / "store.sqlite"
    start = {f"{W}/{POLICY_INDEX}": with_rows(POLICY_INDEX, POLICY_ROWS[5:])}  # No. 23, 55, 22, UEL 8, 7 not yet
    with SiteServer(FIXTURES, pages=start) as site:
        bases = {W: site.base_url(W)}

        def step(name: str, db: str = db, out=out, asked: bool = True) -> None:
            site.reset_hits()
            told.runs[name] = run(db, out, bases, sources=SOURCES)
            told.hits[name] = [(h.path, h.status) for h in site.hits]
            told.status[name] = status(db)
            told.items[name] = items(out)
            told.files[name] = feed_files(out)
            if asked:  # status's exit code, a process of its own: only where a test reads it
                told.codes[name] = cli(db, "status", env=env()).code

        step("clean1", asked=False)
        site.set_page(f"{W}/{POLICY_INDEX}", fixture(POLICY_INDEX))  # the five listed
        site.faults[f"{W}/{N23}"] = Fault("body", body=fixture(POLICY_INDEX))  # S34
        site.faults[f"{W}/{UEL5}"] = Fault("body", body=fixture(UEL6))  # S35
        site.faults[f"{W}/{N22}"] = Fault("body", body=fixture(N13))  # S35b
        site.set_page(f"{W}/{N13}", fixture(N13).replace(b"</body>", b"<!-- 2 -->\n</body>"))  # S36: new bytes,
        site.content_types[f"{W}/{N13}"] = "text/plain; charset=utf-8"  # served as text
        site.faults[f"{W}/{UEL6}"] = Fault("gzip-twice")  # S37
        site.faults[f"{W}/{UEL8}"] = Fault("short-length")  # S38
        site.faults[f"{W}/{QA_INDEX}"] = Fault("body", body=RUISHU)  # S40
        site.faults[f"{W}/{N1}"] = Fault("body", body=RUISHU)  # S40b
        site.faults[f"{W}/{PVH}"] = Fault("cookie-redirect")  # S41
        site.faults[f"{W}/{N21}"] = Fault("self-redirect")  # S41b
        site.faults[f"{W}/{N55}"] = Fault("body", body=not_found_template())  # S42
        site.faults[f"{W}/{UEL7}"] = Fault("206")  # S43
        step("faults")
        site.faults.clear()
        site.content_types.clear()
        step("clean2")
        step("fresh", db=f"sqlite:///{work / 'fresh.sqlite'}", out=work / "fresh-feeds")
    return told


def failed_urls(report: dict) -> dict[str, str]:
    return {f["url"].split(W + "/", 1)[-1]: f["reason"] for s in report["sources"] for f in s["failures"]}


FAILING = {N23: "S34", N55: "S42", UEL6: "S37", UEL8: "S38", UEL7: "S43", N1: "S40b", N21: "S41b", QA_INDEX: "S40",
           UEL5: "S35", N22: "S35b"}


def test_clean_runs(story):
    for name in ("clean2", "fresh"):
        done, report = story.runs[name]
        assert done.code == 0 and not open_issues(report), (name, brief(report))
        assert story.codes[name] == 0


def test_each_wrong_answer_is_its_pages_failure(story):
    done, report = story.runs["faults"]
    assert done.code == 1 and story.codes["faults"] != 0
    failed = failed_urls(report)
    assert {url: case for url, case in FAILING.items() if url not in failed} == {}, brief(report)


def test_an_index_at_a_new_notice_url_is_no_notice_read(story):
    """S34: read as an index, 2026 No. 23's page was stored as one, known, and never asked for again: the notice
    missed for good (clean2 and every run after had no MOFCOM-2026-23; a fresh store had it)."""
    _, report = story.runs["faults"]
    assert "list-at-article" in source(report, "mofcom-policy")["failures"][0]["detail"] or any(
        "list-at-article" in f["detail"] for f in source(report, "mofcom-policy")["failures"] if f["url"].endswith(N23))
    assert ("MOFCOM-2026-23", "ecl") in states(story.status["clean2"])


def test_another_notice_at_a_url_is_its_pages_problem(story):
    """S35, S35b: a URL answering another stored notice's text was stored as that notice's page, silently: the run
    exit 0 for them, the URL recorded under the other notice for good (its items' provenance), the notice the URL
    holds unread (fetch21; break-check: both absent from the failures on main at 495d67e)."""
    _, report = story.runs["faults"]
    details = {f["url"].split(W + "/", 1)[-1]: f["detail"] for s in report["sources"] for f in s["failures"]}
    assert "another-notice" in details.get(UEL5, "") and "UEL-2025-5" in details[UEL5], details.get(UEL5)
    assert "another-notice" in details.get(N22, "") and "listed as MOFCOM-2025-22" in details[N22], details.get(N22)
    with sqlite3.connect(story.db) as db:
        keys = dict(db.execute("select u.url, group_concat(n.key) from notice_url u join notice n on n.id = u.notice_id "
                               "group by u.url").fetchall())
    held = {path: keys.get(f"https://{W}/{path}") for path in (UEL5, N22)}
    assert held == {UEL5: "UEL-2025-5", N22: "MOFCOM-2025-22"}, held


def test_cookie_redirect_and_plain_text_read_as_before(story):
    """S41: 302 to itself with a cookie, then the page; S36: the notice served as text/plain."""
    _, report = story.runs["faults"]
    failed = failed_urls(report)
    assert PVH not in failed and N13 not in failed, brief(report)


def test_faults_change_nothing(story):
    assert set(story.items["faults"]) == set(story.items["clean1"])
    assert states(story.status["faults"]) == states(story.status["clean1"])


def test_end_state_equals_one_clean_run(story):
    ours = {k for k in story.items["clean2"] if "correction" not in k}
    fresh = set(story.items["fresh"])
    assert ours == fresh, (sorted(ours - fresh)[:5], sorted(fresh - ours)[:5])
    assert states(story.status["clean2"]) == states(story.status["fresh"])
