"""A page whose bytes change at every fetch while its text stays: one copy kept, the feeds byte for byte the same.

health46's open 1 (probe1), the lead's decision in session 47 (churn47): a page with a script's timestamp or a visit
counter in it answered other bytes every fetch; each cycle kept a new copy and rewrote every item citing it with the
new fetch time and SHA-256 (same ids), so all its feeds changed bytes and ETag every cycle and the store grew by a
copy a cycle. Now a new copy is kept, and cited, only when it reads otherwise than the page's last kept copy; a fetch
reading the same is recorded as a check (the page's last fetch) and changes no item.

Real ``mofcom-watch run`` processes over real HTTP against the local fixture site (``tests/site_server.py``), whose
churning pages gain a counter at every request; one real SQLite file. The pages: 2025 No. 22 at both its URLs (the
copy the notice is read from, and its alias, cited page by page), UEL 2025 No. 7, the Q&A of 2025-05-14 (its text
is read too) and MFA decision No. 13 (another site, another parser path).
"""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from tests.faults.harness import next_second
from tests.faults.test_corrected_both_urls import NEW_NAME, OLD_NAME
from tests.faults.test_site_changes import MFA13, N22, N22_ALIAS, QA514, UEL7, UEL8, M, W, fx, run, start_pages, status
from tests.site_server import SiteServer

CHURNING = (f"{W}/{N22}", f"{W}/{N22_ALIAS}", f"{W}/{UEL7}", f"{W}/{QA514}", f"{M}/{MFA13}")


class ChurningSite(SiteServer):
    """The fixture site, its ``CHURNING`` pages answering other bytes at every request: a counter and a timestamp
    after the page's text, as a visit counter or an analytics script puts them (their ETag changes with them)."""

    def __init__(self, churning: tuple[str, ...] = CHURNING, **options: object) -> None:
        super().__init__(None, pages=start_pages(), columns={W: "zwgk/zcfb/"}, **options)  # type: ignore[arg-type]
        self.churning = churning
        self.served: dict[str, int] = {}

    def read(self, path: str) -> bytes | None:
        body = super().read(path)
        if body is None or path not in self.churning:
            return body
        with self._lock:
            n = self.served[path] = self.served.get(path, 0) + 1
        tail = f"<script>var t='{datetime.now(UTC).timestamp()}';</script><p>访问量：{1000 + n}</p></body>"
        return body.replace(b"</body>", tail.encode(), 1)


def copies(db: Path) -> dict[str, list[str]]:
    """Each churning page's stored copies (SHA-256s, in the order stored)."""
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT p.url, s.sha256 FROM snapshot s JOIN page p ON p.id = s.page_id ORDER BY s.id")
        found: dict[str, list[str]] = {}
        for url, sha in rows:
            found.setdefault(url.split("://", 1)[1], []).append(sha)
    return {path: found.get(path, []) for path in CHURNING}


def last_checked(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as con:
        return {url.split("://", 1)[1]: at for url, at in con.execute("SELECT url, last_fetched_at FROM page")
                if url.split("://", 1)[1] in CHURNING}


def feeds(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_page_whose_bytes_change_every_fetch_keeps_one_copy_and_its_feeds_stay_byte_for_byte(tmp_path: Path) -> None:
    db_path, out = tmp_path / "store.sqlite", tmp_path / "feeds"
    db = f"sqlite:///{db_path}"
    with ChurningSite() as site:
        bases = {W: site.base_url(W), M: site.base_url(M)}
        published: list[dict[str, bytes]] = []
        checked: list[dict[str, str]] = []
        for cycle in range(3):
            if cycle:
                next_second()  # fetch times are stored to the second: each cycle's check a later one
            done, report = run(db, out, bases)
            assert done.code == 0, (cycle, done.out[-2000:], done.err[-2000:])
            published.append(feeds(out))
            checked.append(last_checked(db_path))
            if cycle == 0:
                first = copies(db_path)
                assert all(len(shas) == 1 for shas in first.values()), first  # every churning page stored
        assert all(site.served[path] >= 3 for path in CHURNING), site.served  # fetched in full every cycle
        assert copies(db_path) == first  # the later cycles' bytes read the same: no copy kept
        for before, after in zip(checked, checked[1:]):  # each fetch recorded as a check all the same
            assert all(after[path] > before[path] for path in CHURNING), (before, after)
        assert published[1] == published[0] and published[2] == published[0]  # every feed byte for byte
        atom = published[0]["all.atom"].decode()
        for path in CHURNING:  # the items cite the one copy kept
            assert first[path][0] in atom, path
        assert status(db)["health_issues"] == [] and status(db)["problems"] == []

        # the ministry corrects a line of No. 22's annex at both its URLs: a new copy of each, the correction's items
        # citing them, and the next cycles keep no more copies
        both = (f"{W}/{N22}", f"{W}/{N22_ALIAS}")
        for path in both:
            site.set_page(path, fx(W, path.split("/", 1)[1]).replace(OLD_NAME.encode(), NEW_NAME.encode()))
        done, _ = run(db, out, bases)
        assert done.code == 0, done.out[-2000:]
        corrected = copies(db_path)
        assert all(len(corrected[path]) == 2 and corrected[path][0] == first[path][0] for path in both), corrected
        assert {p: s for p, s in corrected.items() if p not in both} == {p: s for p, s in first.items() if p not in both}
        after = feeds(out)
        atom = after["all.atom"].decode()
        assert atom != published[0]["all.atom"].decode()
        assert all(corrected[path][1] in atom for path in both) and "诺沃特科技公司" in atom
        for _ in range(2):
            done, _ = run(db, out, bases)
            assert done.code == 0, done.out[-2000:]
            assert copies(db_path) == corrected
            assert feeds(out) == after
        assert status(db)["health_issues"] == [] and status(db)["problems"] == []


def test_the_copy_kept_is_the_page_as_first_read(tmp_path: Path) -> None:
    """The copy an item cites is the bytes first fetched that read so: its SHA-256 is of those bytes, which say it."""
    db_path, out = tmp_path / "store.sqlite", tmp_path / "feeds"
    with ChurningSite() as site:
        bases = {W: site.base_url(W), M: site.base_url(M)}
        for _ in range(2):
            done, _ = run(f"sqlite:///{db_path}", out, bases)
            assert done.code == 0, done.out[-2000:]
    with sqlite3.connect(db_path) as con:
        rows = con.execute("SELECT p.url, s.sha256, s.body FROM snapshot s JOIN page p ON p.id = s.page_id").fetchall()
    import zlib

    for url, sha, body in rows:
        raw = zlib.decompress(body)
        assert hashlib.sha256(raw).hexdigest() == sha
        if url.split("://", 1)[1] in CHURNING:
            assert "访问量：1001".encode() in raw, url  # the first request's bytes


def test_a_news_page_whose_bytes_change_every_fetch_keeps_one_copy(tmp_path: Path) -> None:
    """The same for a news source's article (english.mofcom's press conferences): its item cites its page's copy as a
    notice's do; the report reading the same, no copy kept, its feed byte for byte the same."""
    from tests.faults.harness import FIXTURES
    from tests.faults.test_news_page_screens import EN, INDEX, OLD, PAGES, index

    class ChurningNews(SiteServer):
        served = 0

        def read(self, path: str) -> bytes | None:
            body = super().read(path)
            if body is None or path != OLD:
                return body
            self.served += 1
            return body.replace(b"</body>", f"<!-- {datetime.now(UTC).timestamp()} {self.served} --></body>".encode())

    db_path, out = tmp_path / "store.sqlite", tmp_path / "feeds"
    published = []
    with ChurningNews(FIXTURES, pages={**PAGES, INDEX: index((OLD, "Old"))}) as site:
        bases = {host: site.base_url(host) for host in ("www.mofcom.gov.cn", EN)}
        for _ in range(3):
            done, _report = run(f"sqlite:///{db_path}", out, bases, sources=("english-news", "mofcom-policy"))
            assert done.code == 0, done.out[-2000:]
            published.append(feeds(out))
        assert site.served >= 3
    with sqlite3.connect(db_path) as con:
        shas = [sha for (sha,) in con.execute("SELECT s.sha256 FROM snapshot s JOIN page p ON p.id = s.page_id "
                                              "WHERE p.url = ?", (f"https://{OLD}",))]
    assert len(shas) == 1
    assert shas[0] in published[0]["news.atom"].decode()
    assert published[1] == published[0] and published[2] == published[0]


def test_two_copies_reading_the_same_cite_the_first_fetched_in_either_order(tmp_path: Path) -> None:
    """Two saved copies of 2025 No. 22's page, other bytes reading the same, replayed by real ``replay`` processes in
    both orders (the later copy first, then the earlier one, as an older folder replayed after a newer one): the
    items cite the copy first fetched either way, the feeds byte for byte the same. Forward, the later copy is kept by
    no fetch; backward, both are stored and the earlier one is read and cited (was: the smaller SHA-256)."""
    from tests.faults.harness import cli

    days = {"early": "2026-11-01T00:00:00+00:00", "late": "2026-11-02T00:00:00+00:00"}
    copies = sorted((fx(W, N22).replace(b"</body>", f"<p>访问量：{n}</p></body>".encode()) for n in (1001, 1002)),
                    key=lambda raw: hashlib.sha256(raw).hexdigest(), reverse=True)  # the later copy's SHA-256 smaller
    for name, raw in zip(days, copies, strict=True):
        page = tmp_path / name / W / N22
        page.parent.mkdir(parents=True)
        page.write_bytes(raw)
    early_sha = hashlib.sha256((tmp_path / "early" / W / N22).read_bytes()).hexdigest()
    published = {}
    for order in (("early", "late"), ("late", "early")):
        db = f"sqlite:///{tmp_path / ('-'.join(order) + '.sqlite')}"
        for name in order:
            done = cli(db, "replay", str(tmp_path / name), "--fetched-at", days[name], "--as-of", "2026-11-30")
            assert done.code == 0, done.err[-2000:]
        out = tmp_path / ("feeds-" + "-".join(order))
        done = cli(db, "feeds", "--out", str(out), "--as-of", "2026-11-30", "--base-url", "https://feeds.example.org/")
        assert done.code == 0, done.err[-2000:]
        published[order] = feeds(out)
        with sqlite3.connect(tmp_path / ("-".join(order) + ".sqlite")) as con:
            stored = con.execute("SELECT count(*) FROM snapshot").fetchone()[0]
        assert stored == (1 if order[0] == "early" else 2), order
        assert early_sha in published[order]["all.atom"].decode()
    mark = ".mofcom-watch-store"  # (each store's own id)
    assert {k: v for k, v in published[("early", "late")].items() if k != mark} == {
        k: v for k, v in published[("late", "early")].items() if k != mark}


def test_a_notice_over_two_pages_both_churning_keeps_its_joined_copy(tmp_path: Path) -> None:
    """A notice read from its two pages joined (crawl47: 2027 No. 8 over "1 2 下一页"), both pages answering other
    bytes each request: the joined copy reads the same, so neither it nor its pages gain a copy, and the items citing
    each page's SHA-256 stay as they were."""
    from tests.faults import test_joined_pages as joined

    churning = (joined.PAGE1, joined.PAGE2)

    class Churning(SiteServer):
        served = 0

        def read(self, path: str) -> bytes | None:
            body = super().read(path)
            if body is None or path not in churning:
                return body
            self.served += 1
            return body.replace(b"</body>", f"<p>访问量：{self.served}</p></body>".encode())

    db_path, out = tmp_path / "store.sqlite", tmp_path / "feeds"
    published, stored = [], []
    with Churning(joined.site(tmp_path / "site", joined.PAGES)) as served:
        for _ in range(3):
            code, report = joined.run(f"sqlite:///{db_path}", out, served)
            assert code == 0, report
            published.append(feeds(out))
            with sqlite3.connect(db_path) as con:
                stored.append(con.execute("SELECT count(*) FROM snapshot").fetchone()[0])
        assert served.served >= 6  # both pages fetched in full every cycle
    assert stored[2] == stored[1] == stored[0], stored
    assert published[2] == published[1] == published[0]
    assert all(name in published[0]["all.atom"].decode() for name in joined.NAMES8)


def test_a_page_read_short_of_its_count_whose_bytes_change_every_fetch_is_reported_again_as_its_kept_copy(
        tmp_path: Path) -> None:
    """UEL 2025 No. 8 served without one of its 6 entities (5 of the 6 it states: stored short, a count problem, fetched
    in full every cycle) and a counter changing its bytes at every request: it is reported again from its kept copy, as
    the same bytes are (the same issue text, naming that copy's SHA-256), no copy kept. Was: two copies a cycle (fetched
    twice a cycle) and the source-health feed rewritten every cycle, its issue naming the newest copy."""
    cut = fx(W, UEL8).replace("、哈德森技术公司（Hudson Technologies Co.）".encode(), b"")
    assert cut != fx(W, UEL8)

    class ShortChurning(SiteServer):
        served = 0

        def read(self, path: str) -> bytes | None:
            body = super().read(path)
            if body is None or path != f"{W}/{UEL8}":
                return body
            self.served += 1
            return cut.replace(b"</body>", f"<p>访问量：{self.served}</p></body>".encode())

    db_path, out = tmp_path / "store.sqlite", tmp_path / "feeds"
    db = f"sqlite:///{db_path}"
    published = []
    with ShortChurning(None, pages=start_pages(), columns={W: "zwgk/zcfb/"}) as site:
        bases = {W: site.base_url(W), M: site.base_url(M)}
        for _ in range(2):
            done, _report = run(db, out, bases)
            assert done.code == 1  # the count problem: loud, as with the same bytes
            published.append(feeds(out))
        assert site.served >= 2
    with sqlite3.connect(db_path) as con:
        shas = [sha for (sha,) in con.execute("SELECT s.sha256 FROM snapshot s JOIN page p ON p.id = s.page_id "
                                              "WHERE p.url = ?", (f"https://{W}/{UEL8}",))]
    assert len(shas) == 1, shas
    issues = [i for i in status(db)["health_issues"] if i["kind"] == "count-mismatch"]
    assert len(issues) == 1 and f"page SHA-256 {shas[0]}" in issues[0]["detail"], issues
    assert published[1] == published[0]
