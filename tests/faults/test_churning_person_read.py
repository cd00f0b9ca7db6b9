"""A page a person read (``accept URL SHA256``) whose bytes change at every fetch while its text stays.

churn47's open 4, the lead's decision in session 47 (index47): a page the parser refuses for a person to read
(``needs-review``: here a removal from the control list whose annex is only a PDF) is read by a person, who records
the copy they read. The page carries a visit counter and a script's timestamp outside its article: every later fetch
was other bytes, judged afresh, so its ``unusable-page`` issue opened again every cycle (exit 1, ``review`` asking
again) for a text the person had read. Now the person's reading holds for later bytes whose refusal (reason and
detail) and whole extracted text (the article's title, date, number and body: what the person was shown to read)
are those of the copy they read: no copy kept, the fetch a check, ``status`` naming the SHA-256 the person read. Any
difference in the text opens it again, as before.

Real ``mofcom-watch run``, ``accept``, ``review`` and ``status`` processes over real HTTP against the local fixture
site (``tests/site_server.py``); one real SQLite file.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from tests.faults.harness import cli
from tests.faults.test_site_changes import (
    N22,
    POLICY_INDEX,
    T7,
    T8,
    T22,
    UEL7,
    UEL8,
    M,
    W,
    env,
    fx,
    index_page,
    run,
    start_pages,
)
from tests.site_server import SiteServer

REFUSED = "zwgk/zcfb/art/2026/art_5d0c93aa7f1e4b2c9d3e8f6a1b2c3d4e.html"
TITLE = "商务部公告2026年第93号 关于将有关实体移出出口管制管控名单的公告"
BODY = """<p>【发布单位】安全与管制局</p>
<p>【发布文号】商务部公告2026年第93号</p>
<p>【发文日期】2026年12月02日</p>
<p><br></p>
<p>根据《中华人民共和国出口管制法》和《中华人民共和国两用物项出口管制条例》等法律法规有关规定，经审查，商务部决定将附件所列实体移出出口管制管控名单。</p>
<p><br></p>
<p>本公告自公布之日起正式实施。</p>
<p><br></p>
<p>附件：<a href="/zwgk/zcfb/art/2026/P020261202.pdf">移出出口管制管控名单的实体名单.pdf</a></p>
<p><br></p>
<p>商务部</p>
<p>2026年12月2日</p>
"""


def refused_page(body: str = BODY) -> bytes:
    """No. 93 in the ministry's article layout (No. 22's page, its head and article swapped): a removal whose annex
    is only a PDF, which the parser refuses for a person to read."""
    page = fx(W, N22).decode()
    head, rest = page.split('<div class="art-con art-con-bottonmLine">', 1)
    tail = rest.split("</div>", 1)[1]
    old_title = "商务部公告2025年第22号 公布将12家美国实体列入出口管制管控名单"
    head = head.replace(old_title, TITLE).replace("2025-04-09 18:40", "2026-12-02 17:00")
    return (head + '<div class="art-con art-con-bottonmLine">\n' + body + "</div>" + tail).encode()


class ChurningSite(SiteServer):
    """The fixture site with No. 93 listed on the policy index, its page answering other bytes at every request (a
    visit counter and a script's timestamp after the article)."""

    def __init__(self) -> None:
        pages = start_pages()
        pages[f"{W}/{POLICY_INDEX}"] = index_page("政策发布", [
            (f"/{REFUSED}", TITLE, "2026-12-02"), (f"/{N22}", T22, "2025-04-09"), (f"/{UEL8}", T8, "2025-04-09"),
            (f"/{UEL7}", T7, "2025-04-04")])
        pages[f"{W}/{REFUSED}"] = refused_page()
        super().__init__(None, pages=pages, columns={W: "zwgk/zcfb/"})  # type: ignore[arg-type]
        self.served = 0

    def read(self, path: str) -> bytes | None:
        body = super().read(path)
        if body is None or path != f"{W}/{REFUSED}":
            return body
        with self._lock:
            self.served += 1
            n = self.served
        tail = f"<script>var t='{datetime.now(UTC).timestamp()}';</script><p>访问量：{1000 + n}</p></body>"
        return body.replace(b"</body>", tail.encode(), 1)


def copies(db: Path) -> list[str]:
    with sqlite3.connect(db) as con:
        return [sha for url, sha in con.execute(
            "SELECT p.url, s.sha256 FROM snapshot s JOIN page p ON p.id = s.page_id ORDER BY s.id")
                if url.split("://", 1)[1] == f"{W}/{REFUSED}"]


def pending(db: str) -> tuple[int, list[dict]]:
    done = cli(db, "review", "--json", env=env())
    return done.code, json.loads(done.out)["needs_review"]


def status(db: str) -> tuple[int, dict]:
    done = cli(db, "status", "--json", env=env())
    return done.code, json.loads(done.out)


def test_a_page_a_person_read_whose_bytes_churn_stays_read_until_its_text_changes(tmp_path: Path) -> None:
    db_path, out = tmp_path / "store.sqlite", tmp_path / "feeds"
    db = f"sqlite:///{db_path}"
    url = f"https://{W}/{REFUSED}"
    with ChurningSite() as site:
        bases = {W: site.base_url(W), M: site.base_url(M)}
        done, _ = run(db, out, bases)
        assert done.code == 1 and "needs-review" in done.out + done.err, (done.out[-2000:], done.err[-2000:])
        code, refused = pending(db)
        assert code == 1 and [r["url"] for r in refused] == [url], refused
        read = refused[0]["sha256"]
        first = copies(db_path)  # (a refused page is asked again in the run: each answer other bytes)
        assert first[-1] == read, first
        accepted = cli(db, "accept", url, read[:16], "--by", "ops@example.org", env=env())
        assert accepted.code == 0, accepted.out + accepted.err

        for cycle in range(2):  # other bytes, the same text: the person's reading holds, no copy kept
            done, _ = run(db, out, bases)
            assert done.code == 0, (cycle, done.out[-2000:], done.err[-2000:])
            assert pending(db) == (0, []), cycle
            code, state = status(db)
            assert code == 0 and state["health_issues"] == [], state["health_issues"]
            (reading,) = state["read_by_person"]
            assert (reading["sha256"], reading["current"]) == (read, True), reading
            assert copies(db_path) == first, cycle
        assert site.served >= 3  # fetched in full every cycle

        # the text changes (the annex named in the body): judged afresh, the review open again
        site.set_page(f"{W}/{REFUSED}", refused_page(BODY.replace("正式实施", "实施")))
        done, _ = run(db, out, bases)
        assert done.code == 1, (done.out[-2000:], done.err[-2000:])
        code, refused = pending(db)
        assert code == 1 and [r["url"] for r in refused] == [url] and refused[0]["sha256"] != read, refused
        assert copies(db_path)[: len(first)] == first and refused[0]["sha256"] == copies(db_path)[-1]
