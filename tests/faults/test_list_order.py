"""A list that turns oldest first (health38 K79: a new notice unread, every run green).

The jpaas list of the policy column pages 8 rows a page here (a sources file), so its 10 notices take two pages. Read
newest first, then 2026 No. 23 was published and the list answered oldest first (a CMS sort setting flipped): page 1
the 8 oldest rows, all stored, so the update stopped there, "nothing new". No. 23, on page 2, went unread, run and
status exit 0, for as long as the order lasted. The rows both answers list in reverse order now make the answer
another page (``scraper.continuity``: wrong-page, not stored), every run while it lasts; newest first again, No. 23 is
read. Real ``run`` processes on a real SQLite file against the local site.
"""

from __future__ import annotations

import json
import re
from typing import Any

from scraper.sources.defaults import DEFAULT_SOURCES_TOML
from tests.faults.harness import FIXTURES
from tests.faults.test_site_changes import run, status
from tests.site_server import SiteServer

W = "www.mofcom.gov.cn"
N23 = f"{W}/zwgk/zcfb/art/2026/art_dfa9cc5c1e004d7fbb86f83d249e7986.html"
SIZE = 'page_size = 20\n[source.params]\nparseType = "bulidstatic"\nwebId = "8f43c7ad3afc411fb56f281724b73708"'


class SortedSite(SiteServer):
    """The list endpoint newest first, or, with ``oldest_first``, the whole list reversed and then paged."""

    oldest_first = False

    def jpaas(self, host: str, query: dict[str, list[str]]) -> bytes | None:
        whole = super().jpaas(host, {"pageNo": ["1"], "pageSize": ["1000"]})
        if whole is None:
            return None
        rows = re.findall(r"<li>.*?</li>", json.loads(whole)["data"]["html"])
        if self.oldest_first:
            rows.reverse()
        n, size = int(query.get("pageNo", ["1"])[0]), int(query.get("pageSize", ["20"])[0])
        page = "".join(rows[(n - 1) * size : n * size])
        return json.dumps({"success": True, "data": {"html": f"<ul>{page}</ul>"}}, ensure_ascii=False).encode()


def test_a_list_turned_oldest_first_is_loud_and_its_new_notice_read_once_it_turns_back(tmp_path):
    assert SIZE in DEFAULT_SOURCES_TOML  # (the policy list's own entry, the first with these params)
    sources = tmp_path / "sources.toml"
    sources.write_text(DEFAULT_SOURCES_TOML.replace(SIZE, SIZE.replace("page_size = 20", "page_size = 8"), 1))
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    told: dict[str, Any] = {}
    with SortedSite(FIXTURES) as site:
        site.removed.add(N23)  # not published yet
        for name in ("newest-first", "oldest-first", "oldest-first-again", "newest-first-again"):
            if name == "oldest-first":
                site.removed.discard(N23)  # published: on page 2 of the list read oldest first
            site.oldest_first = name.startswith("oldest")
            done, report = run(db, out, {W: site.base_url(W)}, sources=("mofcom-policy-list",),
                               MOFCOM_WATCH_SOURCES_FILE=str(sources))
            told[name] = done, report, status(db)

    def failures(name: str) -> list[dict]:
        return [f for s in told[name][1]["sources"] for f in s["failures"]]

    def keys(name: str) -> set[str]:
        return {r["notice_key"] for r in told[name][2]["listings"]}

    assert told["newest-first"][0].code == 0 and not failures("newest-first"), failures("newest-first")
    assert "MOFCOM-2026-23" not in keys("newest-first")
    for name in ("oldest-first", "oldest-first-again"):  # loud while it lasts, never "nothing new"
        done, _, _ = told[name]
        wrong = [f for f in failures(name) if f["reason"] == "wrong-page"]
        assert done.code == 1 and wrong and "in reverse order" in wrong[0]["detail"], (name, failures(name))
    done, _, state = told["newest-first-again"]
    assert done.code == 0 and not failures("newest-first-again"), failures("newest-first-again")
    assert "MOFCOM-2026-23" in keys("newest-first-again") and not state["health_issues"], state["health_issues"]


M = "www.mfa.gov.cn"
MFA_INDEX = f"{M}/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/index.html"


def test_an_index_back_to_newest_first_after_a_copy_stored_oldest_first_is_read_again(tmp_path):
    """health41 N32: the MFA column (2 decisions stored) answered its 3 rows oldest first, a new decision among them:
    2 links shared with its last copy are too few to call it reversed (two swapped may be a pinned row), so it was read
    and stored. Newest first again, the answer shared 3 links with that copy in reverse order: wrong-page, not stored,
    its links not followed, exit 1 in every run for good (no accept takes a wrong page). The answer's own dates now
    say which copy ran oldest first: newest first, it is the index again (a warning for the run), and the next run is
    clean. Real ``run`` processes on a real SQLite file against the local site."""
    body = (FIXTURES / MFA_INDEX).read_text(encoding="utf-8")
    rows = re.findall(r"<li><a href=\"\./.*?</li>", body)
    assert len(rows) == 3 and "t20241217" in rows[1]
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    told: dict[str, Any] = {}
    with SiteServer(FIXTURES) as site:
        for name, listed in (("two", [rows[0], rows[2]]), ("oldest-first", rows[::-1]), ("newest-first", rows),
                             ("again", rows)):
            page = body
            for row in rows:
                page = page.replace(row, "\0")
            for row in listed:
                page = page.replace("\0", row, 1)
            site.pages[MFA_INDEX] = page.replace("\0", "").encode()
            done, report = run(db, out, {M: site.base_url(M)}, sources=("mfa-countermeasures",))
            told[name] = done, [f for s in report["sources"] for f in s["failures"]], [
                w for s in report["sources"] for w in s["warnings"]]
    for name in ("two", "oldest-first"):
        assert told[name][0].code == 0 and not told[name][1], (name, told[name][1])
    done, failed, warned = told["newest-first"]
    assert done.code == 0 and not failed, failed
    assert [w["reason"] for w in warned] == ["index-changed"] and "was read oldest first" in warned[0]["detail"], warned
    assert told["again"][0].code == 0 and not told["again"][1] and not told["again"][2], told["again"]
