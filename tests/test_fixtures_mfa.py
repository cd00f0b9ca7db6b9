"""The www.mfa.gov.cn part of the fixture tree (countermeasure channel): written by us in the
site's layout, with the official decision texts of shared/reference/mfa/ as article bodies.

Checked with plain tools (selectolax, regexes), independent of the project's parser."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from tests.test_fixtures_tree import FIXTURES, OFFICIAL_COPIES, REFERENCE

HOST = "www.mfa.gov.cn"
CHANNEL = f"{HOST}/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/"
INDEX = CHANNEL + "index.html"  # served for the channel URL ".../fzcqdcs/"
ARTICLE = re.compile(r"/fzcqdcs/(?P<month>\d{6})/t(?P<day>\d{8})_\d+\.shtml$")
BODY = "#News_Body_Txt_A .TRS_Editor"
PUBDATE = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$")


def _articles() -> list[str]:
    return sorted(p.relative_to(FIXTURES).as_posix() for p in (FIXTURES / HOST).rglob("*.shtml"))


def _tree(rel: str) -> HTMLParser:
    return HTMLParser((FIXTURES / rel).read_text(encoding="utf-8"))


def _meta(tree: HTMLParser, name: str) -> str | None:
    node = tree.css_first(f'meta[name="{name}"]')
    return node.attributes.get("content") if node is not None else None


def _lines(rel: str) -> list[str]:
    return [p.text().strip() for p in _tree(rel).css(f"{BODY} p") if p.text().strip()]


def test_the_channel_holds_the_three_official_decisions() -> None:
    assert (FIXTURES / INDEX).is_file()
    assert set(_articles()) == set(OFFICIAL_COPIES)
    for rel in _articles():
        m = ARTICLE.search(rel)
        assert m and m.group("day").startswith(m.group("month")), rel  # folder month = t-date month


def test_index_links_every_article_by_the_article_pattern_and_nothing_missing() -> None:
    base = "https://" + CHANNEL  # the URL the source fetches
    linked = set()
    for a in _tree(INDEX).css("a[href]"):
        url = urljoin(base, a.attributes["href"])
        parts = urlsplit(url)
        if parts.hostname == HOST and ARTICLE.search(parts.path):
            rel = HOST + parts.path
            assert (FIXTURES / rel).is_file(), url
            assert a.attributes.get("title") == a.text().strip()
            linked.add(rel)
    assert linked == set(_articles())


@pytest.mark.parametrize("rel", _articles())
def test_article_layout(rel: str) -> None:
    tree = _tree(rel)
    assert _meta(tree, "SiteName") == "中华人民共和国外交部"
    title = _meta(tree, "ArticleTitle")
    assert title and tree.css_first("h1").text() == title
    assert tree.css_first("title").text() == f"{title}_中华人民共和国外交部"
    assert PUBDATE.match(_meta(tree, "PubDate") or "")
    assert tree.css_first("p.time span").text() == _meta(tree, "PubDate")
    assert len(_lines(rel)) >= 8 and tree.css("script")


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="shared/reference not present")
@pytest.mark.parametrize("rel", _articles())
def test_article_body_is_the_official_text(rel: str) -> None:
    """Title and time line in the page chrome, every other line of the official text in the body, in order."""
    raw = (REFERENCE / OFFICIAL_COPIES[rel]).read_text(encoding="utf-8")
    body = re.search(r"=====BEGIN ORIGINAL TEXT[^\n]*\n(.*?)=====END ORIGINAL TEXT", raw, re.DOTALL).group(1)
    official = [line.strip() for line in body.split("\n") if line.strip()]
    tree = _tree(rel)
    assert official[0] == _meta(tree, "ArticleTitle") and official[1] == _meta(tree, "PubDate")
    assert _lines(rel) == official[2:]


def test_fixture_readme_says_the_mfa_pages_are_ours_around_official_texts() -> None:
    readme = (FIXTURES / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("www.mfa.gov.cn"):]
    assert "written by us" in section and "official" in section
    for rel in OFFICIAL_COPIES:
        assert rel.split("/fzcqdcs/")[1] in readme
