"""english.mofcom's press-conference index answering www's Chinese policy index (health39 L09, K68's class).

Its links (``/zwgk/zcfb/art/…``, a page's worth, none seen before) were followed on the English host: each answered
404, and as a failed page is asked again until it answers, every later clean run exited 1 for good. Continuity let
the answer through as "a page's worth of new notices". Now a page of links never seen, none of the last copy's, under
another name than the index's (``政策发布``, not "Press Conference") is another page: not followed, not stored, the
run exits 1 naming it, and the next clean run is clean. Real ``run`` processes on a real SQLite file, local HTTP.
"""

from __future__ import annotations

from tests.faults.harness import FIXTURES
from tests.faults.test_news_page_screens import EN, INDEX, article, index
from tests.faults.test_site_changes import fx, run
from tests.site_server import SiteServer

W = "www.mofcom.gov.cn"
ARTICLES = {f"{EN}/News/PressConference/art/2026/art_{i:032x}.html": article(
    f"MOFCOM Spokesperson's remarks No. {i}", f"2026-0{i}-10 18:00",
    f"MOFCOM spokesperson answered questions on trade matters at the regular press conference No. {i}.")
    for i in range(1, 6)}


def test_the_english_index_answering_the_chinese_policy_index_is_another_page_and_leaves_no_failure_behind(tmp_path):
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    whole = index(*((url, f"Remarks {url[-8:]}") for url in ARTICLES))
    with SiteServer(FIXTURES, pages=dict(ARTICLES)) as site:
        bases = {host: site.base_url(host) for host in (W, EN)}
        site.pages[INDEX] = whole
        first, _ = run(db, out, bases, sources=("english-news",))
        assert first.code == 0, first.err

        site.pages[INDEX] = fx(W, "zwgk/zcfb/index.html")  # www's policy index at the English URL
        site.reset_hits()
        faulted, report = run(db, out, bases, sources=("english-news",))
        asked = [h.path for h in site.hits if h.path.startswith(f"{EN}/zwgk/")]
        said = [f"{f['reason']}: {f['detail']}" for s in report["sources"] for f in s["failures"]]

        site.pages[INDEX] = whole
        clean, report = run(db, out, bases, sources=("english-news",))
    assert faulted.code == 1 and any("none of the 5 links" in s for s in said), said
    assert asked == [], asked  # not followed on the English host
    assert clean.code == 0, [f for s in report["sources"] for f in s["failures"]]
