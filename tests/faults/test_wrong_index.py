"""An index URL answering 200 with another page's content, no redirect (fetch20; written before the fix).

Real ``mofcom-watch run`` processes fetch a local copy of www.mofcom.gov.cn (the fixtures' index pages, 5-11
rows each, ``tests/site_server.py``) into one real SQLite file, run after run; ``status`` and ``/healthz`` are
asked of the same store. Only the three HTML index sources run (mofcom-policy, mofcom-qa, mofcom-announcements):
the jpaas list would also find the new notices, hiding what the HTML index's answer did. In each faulted run a new
notice is on the real index, which the site does not serve:

X1 the policy index answers the site's home page (its layout, a few of the column's newest links among others);
X2 the Q&A index answers the policy column's index; X4 the 2025 announcement index answers a stale copy (its two
newest rows missing, the older ones there) -> each a source-health problem (``wrong-page``): run and status exit 1,
/healthz says so; the same faults again (wrongA2) are as loud (the refused page never becomes the index's copy);
X3 the policy index answers a notice page; X5 the Q&A index a "page moved" meta-refresh page; X6 the 2025 index a
JavaScript redirect shell -> each a source problem;
X8 a new notice pushes the oldest row off the policy index, X9 the Q&A index shows fewer rows (6 -> 4) -> no problem (a note
at most), exit 0.
Before the fix X1, X2 and X4 ran clean (exit 0, nothing open): the new notice went unread, silently.
"""

from __future__ import annotations

import hashlib
import re

import pytest

from tests.faults.harness import FIXTURES, cli
from tests.faults.serving import serving
from tests.faults.test_site_changes import (
    ANN_2025,
    POLICY_INDEX,
    QA_INDEX,
    TODAY,
    Story,
    W,
    brief,
    env,
    feed_files,
    healthz,
    items,
    open_issues,
    run,
    source,
    states,
    status,
)
from tests.site_server import Fault, SiteServer

SOURCES = ("mofcom-policy", "mofcom-qa", "mofcom-announcements")
ROW_RE = re.compile(r'^      <li><a href="[^"]*/art/[^\n]*\n', re.MULTILINE)
N55 = "zwgk/zcfb/art/2025/art_949f47563b834dad95b0010f375a892c.html"
N23 = "zwgk/zcfb/art/2026/art_dfa9cc5c1e004d7fbb86f83d249e7986.html"
N22 = "zwgk/zcfb/art/2025/art_c6b190344a154e6f831e0fdfc190e41e.html"


def fixture(path: str) -> str:
    return (FIXTURES / W / path).read_text(encoding="utf-8")


def rows_of(path: str) -> list[str]:
    return ROW_RE.findall(fixture(path))


def with_rows(path: str, rows: list[str]) -> bytes:
    """The fixture index ``path`` listing ``rows`` (its own rows, some of them, in the order given)."""
    text = fixture(path)
    found = ROW_RE.findall(text)
    first = text.index(found[0])
    last = text.index(found[-1]) + len(found[-1])
    return (text[:first] + "".join(rows) + text[last:]).encode()


POLICY_ROWS = rows_of(POLICY_INDEX)  # 11: 2026 No. 23, 2025 No. 55, No. 22, ...
ANN_ROWS = rows_of(ANN_2025)  # 5
QA_ROWS = rows_of(QA_INDEX)

HOME = ("""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="SiteName" content="中华人民共和国商务部">
<title>中华人民共和国商务部</title></head><body><ul class="nav w1200"><li><a href="/zwgk/zcfb/index.html">政务公开</a></li>
<li><a href="/xwfb/xwfyrth/index.html">新闻发布</a></li></ul><div class="m-news"><ul class="txtList_01">"""
        + "".join(QA_ROWS[:2]) + "".join(POLICY_ROWS[1:3]) + "</ul></div></body></html>").encode()
MOVED = ("""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh"
content="0;url=/xwfb/xwfyrthnew/index.html"><title>页面已迁移</title></head><body><ul class="nav w1200">
<li><a href="/zwgk/zcfb/index.html">政务公开</a></li><li><a href="/xwfb/xwfyrth/index.html">新闻发布</a></li></ul>
<p>本栏目已迁移，页面将自动跳转。如未跳转，请<a href="/xwfb/xwfyrthnew/index.html">点击这里</a>。</p></body></html>""").encode()
JS_SHELL = ("""<!DOCTYPE html><html><head><meta charset="utf-8"><title>2025年公告</title>
<script>window.location.href='/zcfb/blgg/gg/2025/index.html?v=20261202';</script></head><body></body></html>""").encode()

ORDER = ("clean1", "wrongA", "wrongA2", "clean2", "wrongB", "clean3")
WRONG = ("wrongA", "wrongA2", "wrongB")
CLEAN = ("clean1", "clean2", "clean3")


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> Story:
    work = tmp_path_factory.mktemp("wrong-index")
    db = f"sqlite:///{work / 'store.sqlite'}"
    out = work / "feeds"
    told = Story()
    told.codes: dict[str, int] = {}  # status's exit code after each run
    start = {f"{W}/{POLICY_INDEX}": with_rows(POLICY_INDEX, POLICY_ROWS[2:])}  # 2025 No. 55 and 2026 No. 23 not yet
    with SiteServer(FIXTURES, pages=start) as site:
        bases = {W: site.base_url(W)}

        def step(name: str) -> None:
            site.reset_hits()
            told.runs[name] = run(db, out, bases, sources=SOURCES)
            told.hits[name] = [(h.path, h.status) for h in site.hits]
            told.status[name] = status(db)
            told.items[name] = items(out)
            told.files[name] = feed_files(out)
            told.codes[name] = cli(db, "status", env=env()).code

        step("clean1")  # (serve needs a store)
        with serving(db, work, env={"MOFCOM_WATCH_TODAY": TODAY}) as served:
            told.health["clean1"] = healthz(served)

            site.set_page(f"{W}/{POLICY_INDEX}", with_rows(POLICY_INDEX, POLICY_ROWS[1:]))  # 2025 No. 55 published
            site.faults[f"{W}/{POLICY_INDEX}"] = Fault("body", body=HOME)  # X1
            site.faults[f"{W}/{QA_INDEX}"] = Fault("body", body=fixture(POLICY_INDEX).encode())  # X2
            site.faults[f"{W}/{ANN_2025}"] = Fault("body", body=with_rows(ANN_2025, ANN_ROWS[2:]))  # X4
            step("wrongA")
            told.health["wrongA"] = healthz(served)
            step("wrongA2")

            site.faults.clear()
            step("clean2")
            told.health["clean2"] = healthz(served)

            site.faults[f"{W}/{POLICY_INDEX}"] = Fault("body", body=(FIXTURES / W / N22).read_bytes())  # X3
            site.faults[f"{W}/{QA_INDEX}"] = Fault("body", body=MOVED)  # X5
            site.faults[f"{W}/{ANN_2025}"] = Fault("body", body=JS_SHELL)  # X6
            step("wrongB")

            site.faults.clear()
            site.set_page(f"{W}/{POLICY_INDEX}", with_rows(POLICY_INDEX, POLICY_ROWS[:-1]))  # X8: No. 23 in, the last out
            site.set_page(f"{W}/{QA_INDEX}", with_rows(QA_INDEX, QA_ROWS[:4]))  # X9: fewer rows per page
            step("clean3")
            told.health["clean3"] = healthz(served)

            # fetch21, H1-H4: an index short of its whole copy stays said until whole again or accepted (the runs
            # alone, no status): the Q&A index (short since clean3) till whole again; the 2025 announcement index
            # (its two oldest rows off in shrunk2) till a person accepts it (before the last run)
            short_qa, short_ann = with_rows(QA_INDEX, QA_ROWS[:4]), with_rows(ANN_2025, ANN_ROWS[:3])
            for name, pages in (("shrunk2", {ANN_2025: short_ann}),  # H1 the Q&A the same answer
                                ("shrunk3", {QA_INDEX: short_qa.replace(b"</body>", b"<!-- 2 -->\n</body>")}),  # H2
                                ("whole", {QA_INDEX: fixture(QA_INDEX).encode()})):  # H3 its six rows again
                for path, page in pages.items():
                    site.set_page(f"{W}/{path}", page)
                if name == "whole":  # H4
                    told.accept = cli(db, "accept", f"https://{W}/{ANN_2025}", hashlib.sha256(short_ann).hexdigest()[:12],
                                      "--by", "ops", env=env())
                told.runs[name] = run(db, out, bases, sources=SOURCES)
    return told


def fetched(story: Story, name: str, path: str) -> bool:
    return any(p == f"{W}/{path}" and code == 200 for p, code in story.hits[name])


def failures(report: dict, name: str) -> dict[str, str]:
    return {f["url"]: f["reason"] for f in source(report, name)["failures"]}


@pytest.mark.parametrize("name", CLEAN)
def test_clean_runs_are_clean(story, name):
    done, report = story.runs[name]
    assert done.code == 0, brief(report) if report else done.out + done.err
    assert not open_issues(report), brief(report)
    assert story.codes[name] == 0


@pytest.mark.parametrize("name", WRONG)
def test_wrong_pages_are_loud(story, name):
    done, report = story.runs[name]
    assert done.code == 1, brief(report) if report else done.out + done.err
    assert open_issues(report), brief(report)
    assert story.codes[name] != 0  # status says so too
    for each in SOURCES:
        assert source(report, each)["failed"], (each, brief(report))


@pytest.mark.parametrize("name", ["wrongA", "wrongA2"])
def test_another_page_for_an_index_is_a_wrong_page(story, name):
    """X1 (home page), X2 (another column's index), X4 (a stale copy): the crawler's own finding, each run."""
    _, report = story.runs[name]
    for each, path in (("mofcom-policy", POLICY_INDEX), ("mofcom-qa", QA_INDEX), ("mofcom-announcements", ANN_2025)):
        reasons = failures(report, each)
        assert [r for u, r in reasons.items() if u.endswith(path)] == ["wrong-page"], (each, brief(report))


def test_healthz_says_so(story):
    """In its body: a source's problem is no reason to restart the service (200, docs/deploy.md)."""
    code, body = story.health["wrongA"]
    assert code == 200, body
    wrong = {(i["source"], (i["url"] or "").rsplit(W + "/", 1)[-1]) for i in body["open_issue_list"]}  # (a run-wide problem: no URL)
    assert {("mofcom-policy", POLICY_INDEX), ("mofcom-qa", QA_INDEX), ("mofcom-announcements", ANN_2025)} <= wrong, body
    assert story.health["clean2"][0] == 200 and story.health["clean2"][1]["open_issues"] == 0


def test_the_new_notice_is_read_once_the_index_answers(story):
    assert not fetched(story, "wrongA", N55) and not fetched(story, "wrongA2", N55)
    assert fetched(story, "clean2", N55), story.hits["clean2"]
    assert fetched(story, "clean3", N23), story.hits["clean3"]


@pytest.mark.parametrize("pair", list(zip(ORDER, ORDER[1:])))
def test_nothing_disappears_nothing_changes(story, pair):
    before, now = pair
    assert set(story.items[before]) <= set(story.items[now])
    if now in WRONG:
        assert set(story.items[now]) == set(story.items[before])
        old, new = states(story.status[before]), states(story.status[now])
        assert new == old


def test_paging_differently_is_a_warning(story):
    _, report = story.runs["clean3"]
    warnings = source(report, "mofcom-qa")["warnings"]  # (ops20: a warning status and /healthz show, failing nothing)
    assert [w["reason"] for w in warnings] == ["index-shrunk"], brief(report)
    assert "pages differently" in warnings[0]["detail"], brief(report)


@pytest.mark.parametrize(("name", "qa", "ann"), [("shrunk2", True, True), ("shrunk3", True, True),
                                                 ("whole", False, False)])
def test_a_shrunk_index_is_said_until_whole_again_or_accepted(story, name, qa, ann):
    """H1-H4 (fetch21): the warning was said for one run only (ops20's question), the next run holding the index to
    its short copy; now it stays while the index answers short of its whole copy, the same answer (H1: the Q&A index
    in shrunk2, the announcement index in shrunk3) or new bytes (H2: the Q&A index in shrunk3), and ends when it
    lists that copy's rows again (H3: the Q&A index in whole) or a person accepts the index as it is (H4: ``accept
    URL SHA``, the announcement index before whole). Break-check: at 495d67e no index-shrunk warning in any of them
    (after one run none at all), and accept refused a URL (no notice of that key)."""
    if name == "whole":
        assert story.accept.code == 0 and "index-shrunk warning closed, by ops" in story.accept.out, story.accept
    done, report = story.runs[name]
    assert done.code == 0, brief(report) if report else done.out + done.err
    for each, said in (("mofcom-qa", qa), ("mofcom-announcements", ann)):
        warnings = [w["reason"] for w in source(report, each)["warnings"]]
        assert warnings == (["index-shrunk"] if said else []), (name, each, brief(report))
