"""Links on index pages, JSON list answers and news feeds, and the parsers for pages fetched as indexes.

An index page is never a notice: :func:`as_index` turns a parser into one that says "other"
when an index whose layout changed reads like a notice from its list of titles.
"""

from __future__ import annotations

import dataclasses
import html as htmllib
import json
import re
from collections.abc import Callable
from urllib.parse import urljoin

from scraper.charset import decode
from scraper.parse.index import parse_index
from storage.records import DocumentKind, IndexLink, ParsedDocument

FEED_LINK_RE = re.compile(r"<link>\s*(?:<!\[CDATA\[)?\s*(https?://[^<\s\]]+)|<link\b[^>]*\bhref=[\"']([^\"']+)[\"']",
                          re.IGNORECASE)
HREF_RE = re.compile(r"""<a\b[^>]*?href\s*=\s*["']([^"']+)["'][^>]*>(.*?)</a>""", re.IGNORECASE | re.DOTALL)
TAG_RE = re.compile(r"<[^>]+>")
NOT_A_NOTICE = "an index page that reads like a notice: not stored as one"

ParseFn = Callable[..., ParsedDocument]  # (raw, url=, content_type=) -> ParsedDocument


def extract_links(body: bytes, url: str, content_type: str | None = None) -> tuple[IndexLink, ...]:
    """Links of an index page or jpaas JSON body, as the parser's ``parse_index`` reads them."""
    text, _encoding = decode(body, content_type)
    return tuple(parse_index(text, url))


def plain_links(text: str, base: str) -> tuple[IndexLink, ...]:
    """Every link of a page, a jpaas JSON answer or an RSS/Atom feed (a news source's pattern picks)."""
    stripped = text.lstrip()
    if stripped.startswith("{"):
        try:
            text = (json.loads(stripped).get("data") or {}).get("html") or ""
        except (ValueError, AttributeError):
            return ()
    found: dict[str, IndexLink] = {}
    if stripped.startswith("<?xml") or "<rss" in stripped[:500] or "<feed" in stripped[:500]:
        for plain, attr in FEED_LINK_RE.findall(text):  # RSS <link>URL</link>, Atom <link href=URL/>
            absolute = urljoin(base, htmllib.unescape((plain or attr).strip()))
            found.setdefault(absolute, IndexLink(absolute))
        return tuple(found.values())
    for href, label in HREF_RE.findall(text):
        absolute = urljoin(base, htmllib.unescape(href.strip()))
        found.setdefault(absolute, IndexLink(absolute, htmllib.unescape(TAG_RE.sub("", label)).strip() or None))
    return tuple(found.values())


def as_index(parse: ParseFn) -> ParseFn:
    """``parse`` for a page fetched as an index: an index or nothing, never a notice.

    An index whose layout changed (no links left) can read like a notice from its list of
    titles; storing that would be a false notice, so it becomes "other" and the crawler
    reports the index as yielding zero links.
    """

    def parse_index_page(raw: bytes | str, url: str | None = None, content_type: str | None = None) -> ParsedDocument:
        doc = parse(raw, url=url, content_type=content_type)
        if doc.kind == DocumentKind.NOTICE:
            return dataclasses.replace(doc, kind=DocumentKind.OTHER, notice=None, warnings=doc.warnings + (NOT_A_NOTICE,))
        return doc

    return parse_index_page


def parse_news_index(raw: bytes | str, url: str | None = None, content_type: str | None = None) -> ParsedDocument:
    """A news site's index page or RSS/Atom feed: every link on it (the source's pattern picks)."""
    text, encoding = decode(raw, content_type) if isinstance(raw, bytes) else (raw, "utf-8")
    return ParsedDocument(kind=DocumentKind.INDEX, encoding=encoding, links=plain_links(text, url or ""))
