"""store50 (session 50): crawl49's open B, a page a person read, with no article container, whose changing text is a
clock line or a visit count told in running text, stays read.

crawl49 left out of the text compared only a line that is a visit counter alone ("访问量：1001"). A page with no article
container is read whole; one showing the time now on a line of its own ("当前时间：2026-12-06 08:00:01") or its visit
count inside a line ("来源：商务部 本文已被浏览1001次 【打印】") showed another text at every fetch, and its review opened
again every cycle (exit 1) for a text a person had read. Now such a clock line is left out and such a count's number
too; any other change opens the review again, as before.

Real ``run``, ``accept``, ``review`` and ``status`` processes over real HTTP against the local fixture site, one real
SQLite file.
"""

from __future__ import annotations

from pathlib import Path

from tests.faults.harness import cli
from tests.faults.test_churning_person_read import BODY, REFUSED, copies, pending, status
from tests.faults.test_churning_person_read49 import BareSite, bare
from tests.faults.test_site_changes import M, W, env, run


class ClockSite(BareSite):
    """No. 93's bare page, a clock line and a visit count in running text after it, both changing at every request."""

    def read(self, path: str) -> bytes | None:
        body = super().read(path)
        if body is None or path != f"{W}/{REFUSED}":
            return body
        n = self.served
        tail = (f"<p>当前时间：2026-12-06 08:{n // 60 % 60:02d}:{n % 60:02d} 星期日</p>"
                f"<p>来源：商务部 本文已被浏览{2000 + n}次 【打印】【关闭】</p></body>")
        return body.replace(b"</body>", tail.encode(), 1)


def test_a_page_a_person_read_stays_read_while_only_its_clock_line_and_its_count_in_running_text_change(
        tmp_path: Path) -> None:
    db_path, out = tmp_path / "store.sqlite", tmp_path / "feeds"
    db = f"sqlite:///{db_path}"
    url = f"https://{W}/{REFUSED}"
    with ClockSite() as site:
        bases = {W: site.base_url(W), M: site.base_url(M)}
        done, _ = run(db, out, bases)
        assert done.code == 1 and "needs-review" in done.out + done.err, (done.out[-2000:], done.err[-2000:])
        code, refused = pending(db)
        assert code == 1 and [r["url"] for r in refused] == [url], refused
        read = refused[0]["sha256"]
        first = copies(db_path)
        accepted = cli(db, "accept", url, read[:16], "--by", "ops@example.org", env=env())
        assert accepted.code == 0, accepted.out + accepted.err
        for cycle in range(2):  # other bytes, only the clock and the count changed: the reading holds (was: exit 1)
            done, _ = run(db, out, bases)
            assert done.code == 0, (cycle, done.out[-2000:], done.err[-2000:])
            assert pending(db) == (0, []), cycle
            code, state = status(db)
            assert code == 0 and state["health_issues"] == [], state["health_issues"]
            assert copies(db_path) == first, cycle
        site.set_page(f"{W}/{REFUSED}", bare(BODY.replace("正式实施", "实施")))  # the text changes: judged afresh
        done, _ = run(db, out, bases)
        assert done.code == 1, (done.out[-2000:], done.err[-2000:])
        code, refused = pending(db)
        assert code == 1 and [r["url"] for r in refused] == [url] and refused[0]["sha256"] != read, refused


def test_only_a_clock_line_alone_and_a_count_s_number_are_left_out():
    from mofcom_watch.pipeline import _without_counters

    assert _without_counters("正文\n当前时间：2026-12-06 08:00:01\n今天是2026年12月6日 星期日") == "正文\n\n"
    assert _without_counters("来源：商务部 本文已被浏览1001次 【打印】\n共有1001人浏览") == "来源：商务部 本文已被浏览次 【打印】\n共有人浏览"
    kept = ("发布时间：2026-12-06 08:00:01\n【发文日期】2026年12月02日\n当前时间：2026-12-06 08:00:01 附件下载\n"
            "截至当前，共1001家企业\n商务部决定将附件所列1001家实体")
    assert _without_counters(kept) == kept  # a publication date, a line saying more than the time, a count of entities
