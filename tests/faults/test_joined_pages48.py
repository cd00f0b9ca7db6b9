"""A notice over several pages (crawl47), the fetcher's open B of session 47 (crawl48, session 48).

- A numbered pager with no 下一页 ("1 2", its "2" linking the article's ``_2.html``) was not followed, and page 1 of a
  listing stating no count was read as the whole listing of its names, silently. It is followed now, and page 1 alone
  is refused as cut short (loud).

Real ``run`` and ``replay`` processes against the local site (``tests/site_server.py``), real SQLite files.
"""

from __future__ import annotations

from pathlib import Path

from tests.faults.test_joined_pages import (
    AS_OF,
    ENV,
    NAMES8,
    PAGE1,
    PAGE2,
    cli,
    cli_env,
    listing,
    run,
    sha,
    site,
    status,
)
from tests.site_server import SiteServer

CORPUS = Path(__file__).parents[1] / "data" / "corpus" / "crawl48"
COLUMN_LINKS = (b"/zwgk/zcfb/art/2027/", b"/flzc/gzjgfxwj/art/2027/")


def case(n: str) -> bytes:
    raw = next(CORPUS.glob(f"{n}-*.html")).read_bytes()
    return raw.replace(*COLUMN_LINKS)


NUMBERED = {PAGE1: case("01"), PAGE2: case("02")}  # 2027 No. 8 stating no count, its pager "1 2" with no 下一页


def test_a_numbered_pager_without_a_next_page_link_is_followed(tmp_path):
    """Was: page 1's 3 names read as the whole listing (no count stated), exit 0, page 2 never asked: 3 entities
    missed, silently. Now page 2 is fetched and the notice read from both pages: 6 entities, each page cited."""
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    with SiteServer(site(tmp_path / "site", NUMBERED)) as served:
        code, report = run(db, out, served)
        asked = [hit.path for hit in served.hits]
    state = status(db)
    assert code == 0 and not state["health_issues"], (report["sources"], state["health_issues"])
    assert listing(state, "MOFCOM-2027-8")["entity_count"] == 6, listing(state, "MOFCOM-2027-8")
    assert asked.count(PAGE2) == 1, asked
    items = (out / "all.atom").read_text(encoding="utf-8")
    for name in NAMES8:
        assert name in items, name
    for path in (PAGE1, PAGE2):
        assert f"https://{path}" in items and sha(NUMBERED[path]) in items, path


def test_a_numbered_pager_s_page_2_not_had_leaves_page_1_loud(tmp_path):
    """Page 2 answering 404: page 1 alone is refused as cut short (no count stated), exit 1, never 3 of 3."""
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    with SiteServer(site(tmp_path / "site", {PAGE1: NUMBERED[PAGE1]})) as served:
        code, report = run(db, out, served)
    state = status(db)
    assert code == 1, report["sources"]
    assert not any(r["notice_key"] == "MOFCOM-2027-8" for r in state["listings"]), state["listings"]
    assert any(i["kind"] == "unusable-page" and PAGE1 in (i.get("url") or "") for i in state["health_issues"]), state


def test_replay_joins_a_numbered_pager_s_pages(tmp_path):
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    done = cli(db, "replay", str(site(tmp_path / "a", NUMBERED, fixtures=False)), "--as-of", AS_OF,
               "--fetched-at", "2027-01-25T00:00:00+00:00", env=cli_env(**ENV))
    assert done.code == 0, (done.out, done.err)
    assert listing(status(db), "MOFCOM-2027-8")["entity_count"] == 6
