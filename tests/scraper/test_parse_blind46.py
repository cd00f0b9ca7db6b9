"""blind46 (session 46): whole MOFCOM pages in other site layouts, written blind (tests/data/corpus/blind46/); the faults
their run found, each through the real parser on the page as the site serves it."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

CASES = Path(__file__).parents[1] / "data" / "corpus" / "blind46"
STALE_META = CASES / "23-stale-meta-articletitle-other-notice.html"
URL = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2027/art_37693cfc748049e45d87b8c7d8b9aacd.html"
COPIED = "商务部公告2026年第23号 公布将10家美国实体列入出口管制管控名单"  # the meta ArticleTitle the CMS copied


def _page(meta_title: str) -> bytes:
    html = STALE_META.read_text(encoding="utf-8")
    assert f'<meta name="ArticleTitle" content="{COPIED}">' in html
    return html.replace(COPIED, meta_title).encode("utf-8")


@pytest.mark.parametrize("meta_title", [
    COPIED,  # a stored notice's title: its count (10) differed, so a count warning was all that showed
    "商务部公告2027年第22号 关于对部分两用物项实施出口管制的公告",  # an item control's title: no count, silent
    "商务部公告2027年第22号",
])
def test_a_title_copied_from_another_article_never_keys_the_text(meta_title: str) -> None:
    """The page's ArticleTitle meta names another notice; its h1 and its text's head line say 商务部公告2027年第23号.
    Was: keyed by the meta's number (MOFCOM-2026-23 or MOFCOM-2027-22), the two new entities listed under another
    notice, silently where no count disagreed. Now the text's own head line gives the number, and the page whose title
    names another notice is held for a person (``page._title_names_another``): loud, never filed under the wrong key."""
    with pytest.raises(UnusablePage) as caught:
        parse_document(_page(meta_title), url=URL)
    assert caught.value.reason == "needs-review"
    assert "MOFCOM-2027-23" in str(caught.value)


def test_a_title_that_agrees_keys_as_before() -> None:
    doc = parse_document(_page("商务部公告2027年第23号 关于将暮光防务公司等2家美国实体列入出口管制管控名单的公告"), url=URL)
    assert doc.notice is not None
    assert doc.notice.key == "MOFCOM-2027-23"
    assert [e.zh for e in doc.notice.entities] == ["暮光防务公司", "极昼光学公司"]
    assert not doc.warnings


def _probe(name: str) -> tuple[bytes, str]:
    import json

    page = CASES / f"{name}.html"
    return page.read_bytes(), json.loads((CASES / f"{name}.expect.json").read_text(encoding="utf-8"))["url"]


def test_a_copied_title_over_a_spaced_uel_header_is_held() -> None:
    """Probe blind46/32: the title names 〔2027〕3号; the text's number stands only in its spaced header
    ("不 可 靠 … / 公 告 / 2027年 第4号"), read joined. Was (after the first fix): keyed UEL-2027-3, silently."""
    raw, url = _probe("32-probe-stale-meta-over-spaced-uel-header")
    with pytest.raises(UnusablePage) as caught:
        parse_document(raw, url=url)
    assert caught.value.reason == "needs-review"
    assert "UEL-2027-4" in str(caught.value)


def test_a_stray_line_above_the_text_s_own_head_keeps_the_title_s_number() -> None:
    """Probe blind46/35: a hidden line naming No. 30 opens the container; the text's own head line, like the title,
    says No. 31. Was (after the first fix): held for review, the listing not read."""
    raw, url = _probe("35-probe-hidden-previous-title-first-in-container")
    doc = parse_document(raw, url=url)
    assert doc.notice is not None
    assert doc.notice.key == "MOFCOM-2027-31"
    assert len(doc.notice.entities) == 2
