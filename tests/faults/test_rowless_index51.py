"""An index page whose rows are gone, the page otherwise whole (its navigation, crumbs, pager and footer): ops50 saw
it held as "js-shell: a JavaScript shell with 9 visible characters", loud and right, but the words sent an operator
to the page's scripts. Now it says the list came with no rows, and where to look. A real ``run`` against the local
site, a real SQLite store: loud (exit 1, an issue), nothing removed, and the next clean run recovers."""

from __future__ import annotations

import re

from scraper.parse import parse_document
from storage.records import UnusablePage
from tests.faults.harness import FIXTURES, cli, run_args
from tests.faults.test_unattended_ops import base_urls_env
from tests.site_server import SiteServer

INDEX = "www.mofcom.gov.cn/zcfb/blgg/gg/2025/index.html"
WHOLE = (FIXTURES / INDEX).read_bytes()
ROWLESS = re.sub(rb"<li><a href=\"/zcfb/blgg/gg/2025[^\n]*</li>\n", b"", WHOLE).replace(
    "共5条记录".encode(), "共0条记录".encode())
NO_PAGER = ROWLESS.replace('<div class="page"><span>共0条记录 1/1页</span></div>'.encode(), b"")
SAID = "no-rows: an index page with no rows: it came with its layout ("


def _ids(feeds) -> set[str]:
    return set(re.findall(r"<id>([^<]+)</id>", (feeds / "all.atom").read_text(encoding="utf-8")))


def test_an_index_whose_rows_are_gone_says_so_and_where_to_look_never_a_javascript_shell(tmp_path):
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    feeds = tmp_path / "feeds"
    with SiteServer(FIXTURES) as site:
        env = base_urls_env(site.url)
        first = cli(db, *run_args(site.url, feeds), env=env)
        assert first.code == 0, first.err
        before = _ids(feeds)
        for page, pager in ((ROWLESS, True), (NO_PAGER, False)):
            site.set_page(INDEX, page)
            held = cli(db, *run_args(site.url, feeds), env=env)
            assert held.code == 1, held.out + held.err
            text = held.out + held.err
            assert SAID in text and "JavaScript shell" not in text, text
            assert ("(its pager counts 0 rows)" in text) is pager, text
            assert "open it in a browser" in text, text
            assert _ids(feeds) >= before  # nothing removed, lifted or retracted: no id lost
            status = cli(db, "status", "--as-of", "2026-11-29", env=env)
            assert status.code == 1, status.out + status.err
        site.set_page(INDEX, WHOLE)
        again = cli(db, *run_args(site.url, feeds), env=env)
        assert again.code == 0, again.out + again.err
        assert cli(db, "status", "--as-of", "2026-11-29", env=env).code == 0


def test_a_page_with_no_link_at_all_at_an_index_url_is_still_a_javascript_shell():
    """aqygzj's real column page: its list is fetched by a script, and the page has no link of its own."""
    shell = (FIXTURES.parent / "tests" / "data" / "aqygzj-gzjgfxwj-index-js-shell.html").read_bytes()
    try:
        parse_document(shell, url="https://aqygzj.mofcom.gov.cn/flzc/gzjgfxwj/index.html")
    except UnusablePage as refused:
        assert refused.reason == "js-shell", refused
    else:
        raise AssertionError("read as a page")
    try:  # the rowless index at an article's URL: not an index page, no index words
        parse_document(ROWLESS, url="https://www.mofcom.gov.cn/zcfb/blgg/gg/2025/art/2025/art_bc4513421bb24faaa84e44c2e4f36dc5.html")
    except UnusablePage as refused:
        assert refused.reason != "no-rows", refused
