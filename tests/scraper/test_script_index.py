"""An index whose list moved into a script's JSON array (blind46/12; crawl47, session 47): its article links are read;
a script with no such array, or one that is no JSON, or rows linking no article, leave the page a JS shell (loud)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.links import extract_links
from scraper.parse import parse_document
from storage.records import DocumentKind, UnusablePage

CASE = next((Path(__file__).parents[1] / "data" / "corpus" / "blind46").glob("12-*.html")).read_text(encoding="utf-8")
INDEX = "https://www.mofcom.gov.cn/zwgk/zcfb/index.html"
ROWS = CASE[CASE.index("var listData = ") + len("var listData = "): CASE.index("];") + 1]


def test_the_rows_of_the_scripts_array_are_the_index_links_in_order_with_their_days():
    doc = parse_document(CASE.encode(), url=INDEX)
    assert doc.kind is DocumentKind.INDEX
    assert [(link.url.rsplit("/", 1)[1], str(link.date)) for link in doc.links] == [
        ("art_e9a34dc534ac1ffc6d2367c17bc69d29.html", "2027-02-10"),
        ("art_828152d112507f3ea5b7ddc171f2bb2e.html", "2027-02-05"),
        ("art_1ca0e26db8434056b5c8fb8ba22a5e96.html", "2027-02-03")]
    assert doc.links[0].title is not None and doc.links[0].title.startswith("商务部公告2027年第15号")
    assert extract_links(CASE.encode(), INDEX) == doc.links  # the crawler's reading of the index: the same


@pytest.mark.parametrize("rows", [
    ROWS.replace('"url": "/zwgk', '"url": "/zwgk/x', 1).replace("art_", "page_"),  # no article links
    ROWS.replace("}, {", "}, {,", 1),  # no JSON
    "[]",
])
def test_a_script_with_no_article_rows_leaves_the_page_a_js_shell(rows):
    page = CASE.replace(ROWS, rows)
    with pytest.raises(UnusablePage) as refused:
        parse_document(page.encode(), url=INDEX)
    assert refused.value.reason == "js-shell"


@pytest.mark.parametrize(("body", "text"), [
    ("plain", "plain"),
    (r"a\"b\'c\\d\/e\n", "a\"b'c\\d/e\n"),
    (r"\u7f8e\u56fd \x41", "美国 A"),
    (r"\ud83d\ude00", "\U0001f600"),  # a surrogate pair: one character
    (r"\u{7f8e}", None),  # ES2015's code point escape: not undone (unsure), the page stays a shell
    (r"\0", None), (r"\ud83d", None), (r"\u12", None), ("end\\", None),
])
def test_a_script_string_s_escapes_are_undone_only_where_sure(body, text):
    """crawl49: a JSON.parse string's JavaScript escapes (was: any backslash left the page a JS shell)."""
    from scraper.parse.index import js_string

    assert js_string(body) == text
