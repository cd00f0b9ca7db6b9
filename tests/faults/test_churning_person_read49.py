"""crawl49 (session 49): a page a person read, with no article container and a visit counter, stays read (index47's open).

index47 (session 47) let a person's reading of a refused page hold for later bytes showing the same text (the
article's title, date, number and body), a visit counter outside the article no part of it. A page with no article
container is read whole, its counter with it: every fetch showed another text and its review opened again every cycle
(exit 1; probe48 saw it). Now a line that is a visit counter alone ("访问量：1001") is no part of the text compared;
any other change opens the review again, as before.

Real ``run``, ``accept``, ``review`` and ``status`` processes over real HTTP against the local fixture site, one real
SQLite file.
"""

from __future__ import annotations

from pathlib import Path

from tests.faults.harness import cli
from tests.faults.test_churning_person_read import BODY, REFUSED, ChurningSite, copies, pending, refused_page, status
from tests.faults.test_site_changes import M, W, env, run

CONTAINER = '<div class="art-con art-con-bottonmLine">'


def bare(body: str = BODY) -> bytes:
    """No. 93's page with no article container the parser knows (a layout of its own): read whole."""
    page = refused_page(body)
    assert CONTAINER.encode() in page
    return page.replace(CONTAINER.encode(), b'<div class="main-text">')


class BareSite(ChurningSite):
    def __init__(self) -> None:
        super().__init__()
        self.set_page(f"{W}/{REFUSED}", bare())


def test_a_page_with_no_article_container_a_person_read_stays_read_while_only_its_counter_changes(tmp_path: Path) -> None:
    db_path, out = tmp_path / "store.sqlite", tmp_path / "feeds"
    db = f"sqlite:///{db_path}"
    url = f"https://{W}/{REFUSED}"
    with BareSite() as site:
        bases = {W: site.base_url(W), M: site.base_url(M)}
        done, _ = run(db, out, bases)
        assert done.code == 1 and "needs-review" in done.out + done.err, (done.out[-2000:], done.err[-2000:])
        code, refused = pending(db)
        assert code == 1 and [r["url"] for r in refused] == [url], refused
        read = refused[0]["sha256"]
        first = copies(db_path)
        accepted = cli(db, "accept", url, read[:16], "--by", "ops@example.org", env=env())
        assert accepted.code == 0, accepted.out + accepted.err
        for cycle in range(2):  # other bytes, only the counter line changed: the reading holds (was: exit 1 each cycle)
            done, _ = run(db, out, bases)
            assert done.code == 0, (cycle, done.out[-2000:], done.err[-2000:])
            assert pending(db) == (0, []), cycle
            code, state = status(db)
            assert code == 0 and state["health_issues"] == [], state["health_issues"]
            assert copies(db_path) == first, cycle
        assert site.served >= 3
        site.set_page(f"{W}/{REFUSED}", bare(BODY.replace("正式实施", "实施")))  # the text changes: judged afresh
        done, _ = run(db, out, bases)
        assert done.code == 1, (done.out[-2000:], done.err[-2000:])
        code, refused = pending(db)
        assert code == 1 and [r["url"] for r in refused] == [url] and refused[0]["sha256"] != read, refused


def test_only_a_line_that_is_a_counter_alone_is_left_out():
    from mofcom_watch.pipeline import _without_counters

    assert _without_counters("正文\n\n访问量：1001\n【浏览次数: 23次】\n阅读 5") == "正文\n\n\n\n"
    kept = "本公告自公布之日起实施，阅读：附件1\n点击下载附件\n访问量：1001，发布时间2026-12-02\n浏览次数：一千"
    assert _without_counters(kept) == kept  # a line saying more than a counter stays
