"""One page in, one ParsedDocument out: the orchestration of the text parsers.

``parse_document`` decodes, rejects non-content, parses HTML once with Lexbor and
routes to the article, index or plain-text path; ``notice.parse_text`` turns the
text of a notice or Q&A into a NoticeRecord.
"""

from __future__ import annotations

import codecs
import html as htmllib
import json
import re

from selectolax.lexbor import LexborHTMLParser

from scraper.charset import decode
from scraper.joined import MAGIC as JOINED
from storage.records import DocumentKind, IndexLink, NoticeRecord, ParsedDocument, UnusablePage

from . import page
from .article import extract_article, find_container, page_title, without_frame_titles, without_neighbour_links
from .draft import PageHints, read_source
from .index import (
    column_rows,
    json_fragment,
    link_text_share,
    links_from_tree,
    looks_like_article_url,
    looks_like_index_url,
    parse_index,
    script_links,
    unwrap_jsonp,
)
from .lazyre import lazy_compile
from .notice import parse_source
from .pdfcopy import unpaged

HTML_SNIFF_RE = re.compile(r"^\s*(?:<!doctype|<html|<head|<body|<meta|<div|<p\b|<table|<!--|<\?xml|<title|<script|<span|<section|<ul|<ol|<li|<a\s|<h[1-6])", re.IGNORECASE)
TAG_COUNT_RE = re.compile(r"</?(?:p|div|br|span|a|td|table|body|html|ul|li)\b", re.IGNORECASE)
INDEX_LINK_MIN = 3
# Article links: "art_<32 hex>", "/article/", ".shtml" (the literals are checked before the regex).
ART_HASH_RE = lazy_compile(r"art_[0-9a-f]{32}")
# A captured text inside an envelope ("=====BEGIN ORIGINAL TEXT…=====" … "=====END…=====").
ENVELOPE_BEGIN_RE = re.compile(r"^={3,}[^\n]*BEGIN[^\n]*={3,}[ \t]*\n", re.MULTILINE)
ENVELOPE_END_RE = re.compile(r"^={3,}[^\n]*END[^\n]*={3,}[ \t]*$", re.MULTILINE)
INDEX_SHARE_MIN = 0.4
# An article's URL answering a list (no article body, its links read): the column's index or the home page served in
# its place (a CMS or CDN mix-up). Stored as itself, a new notice's page would read as an index, known and never asked
# for again: its notice missed for good. Unusable, it is asked for in full every run until the article answers.
LIST_AT_ARTICLE = ("a page of {n} article links and no article body at an article's URL: another page (an index, the "
                   "home page) answered for the article")
ESCAPED_HREF = 'href=\\"'  # an anchor inside a JSON or JavaScript string
# the keys a list endpoint's body opens with (jpaas, exportcontrol): a body with one of them that does not parse is cut
LIST_KEYS = ('"success"', '"data"', '"pageInfo"', '"rows"')
# getColumnList rows with no url ("url": null): listed by the site, not followed, so possibly a notice missed (pages29/10)
UNFOLLOWED = "{n} row(s) listed with no URL, not followed (a notice may be missed): {titles}"
LIST_KEYS_REACH = 200
MISLABEL_MIN = 8  # replacement characters that make a header charset suspect
# A character reference left in a plain text copied from a page's source ("1.&nbsp;甲公司（Wolf &amp; Finch LLC）"): read as
# the character it stands for, as the HTML path does (session 41, audit41/12: "&nbsp;甲公司" and "&amp;" kept in the names
# and keys, so the same entity was two). The semicolon is required: "AT&T" and "R&D" stay as written.
CHAR_REF_RE = lazy_compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,9}|#[0-9]{2,7}|#[xX][0-9A-Fa-f]{2,6});")


def unreferenced(text: str) -> str:
    """``text`` with its HTML character references ("&nbsp;", "&amp;", "&#8194;") read as their characters."""
    return CHAR_REF_RE.sub(lambda m: htmllib.unescape(m[0]), text) if "&" in text and ";" in text else text


def strip_envelope(text: str) -> str:
    """The text between BEGIN/END marker lines, when a capture tool wrapped it in one."""
    if "===" not in text:  # in every ENVELOPE_BEGIN_RE match: most texts leave before the regex scans them
        return text
    begin = ENVELOPE_BEGIN_RE.search(text)
    if not begin:
        return text
    end = ENVELOPE_END_RE.search(text, begin.end())
    return text[begin.end() : end.start() if end else len(text)]


def has_article_links(text: str) -> bool:
    """Whether the page's HTML names an article URL anywhere (cheap substring checks first)."""
    if "/article/" in text or ".shtml" in text:
        return True
    return "art_" in text and ART_HASH_RE.search(text) is not None


def is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


JSON_HEAD = 120  # characters of a refused JSON body said in its refusal (what the site said: health42 O04-O07)
# an error's code (4xx, 5xx) or a false success among a JSON body's first keys
JSON_ERROR_RE = lazy_compile(r'"(?:code|status|errcode|errorCode)"\s*:\s*"?[45]\d\d\b|"success"\s*:\s*false')


def json_head(text: str) -> str:
    """The start of a JSON body, on one line, for a refusal's detail."""
    head = " ".join(text[:JSON_HEAD].split())
    return head + ("…" if len(text) > JSON_HEAD else "")


def is_html(text: str) -> bool:
    """Whether ``text`` is an HTML page (the article path) rather than a plain text (a saved capture)."""
    return bool(HTML_SNIFF_RE.match(text[:2000])) or len(TAG_COUNT_RE.findall(text[:5000])) >= 5


def decode_page(raw: bytes, content_type: str | None) -> tuple[str, str, bool]:
    """Decode with the header's charset, unless the body does not decode with it (a GBK page
    served as "charset=utf-8"): then the page's own meta label or a guess. Returns the text,
    its codec and whether it holds a U+FFFD (asked once here for the checks that follow)."""
    text, encoding = decode(raw, content_type)
    replaced = "\ufffd" in text
    if content_type and replaced:
        bad = text.count("\ufffd")
        if bad > MISLABEL_MIN:
            other, other_encoding = decode(raw, None)
            other_bad = other.count("\ufffd")
            if other_bad < bad // 4:
                return other, other_encoding, other_bad > 0
    return text, encoding, replaced


def json_document(text: str, url: str | None, encoding: str) -> ParsedDocument | None:
    """A list endpoint's JSON body (they answer JSON, whatever their Content-Type says) as an index: jpaas
    ``{success, data:{html}}``, the same inside a JSONP callback, exportcontrol's getColumnList rows; an error
    body or any other JSON refused (no notice is JSON: read as text, its titles would make one); None for no JSON."""
    if text.startswith("<"):  # an HTML page (unwrap_jsonp keeps a text opening with "<"): not stripped (copied) first
        return None
    stripped = unwrap_jsonp(text.strip())
    if not stripped.startswith(("{", "[")):
        if not stripped.startswith("<") and ESCAPED_HREF in stripped:  # "var list = \"<a href=\\\"/zwgk/…\\\"…\""
            raise UnusablePage("escaped-html", "HTML escaped inside a script or wrapper no reader knows: its links cannot be read")
        return None
    fragment = json_fragment(stripped)
    rows = column_rows(stripped, url or "") if fragment is None else None
    if fragment is not None or rows is not None:
        links = parse_index(stripped, url or "") if rows is None else rows[0]
        warnings: tuple[str, ...] = () if links else ("the list body holds no article links",)
        if rows is not None and rows[1]:
            warnings += (UNFOLLOWED.format(n=len(rows[1]), titles="; ".join(rows[1])),)
        return ParsedDocument(kind=DocumentKind.INDEX, encoding=encoding, links=links, warnings=warnings)
    if stripped.startswith('{"success":false') or '"success": false' in stripped[:100]:
        raise UnusablePage("error-page", f"the site answered a JSON error (success=false): {json_head(stripped)}")
    if is_json(stripped):
        if JSON_ERROR_RE.search(stripped, 0, JSON_HEAD * 4):  # {"code":500,"msg":"系统繁忙"} at a page's or a list's URL
            raise UnusablePage("error-page", f"the site answered a JSON error: {json_head(stripped)}")
        raise UnusablePage("unknown-json", f"a JSON body that is no list this parser knows: {json_head(stripped)}")
    if stripped.startswith("{") and any(key in stripped[:LIST_KEYS_REACH] for key in LIST_KEYS):
        # a list body that ends before its end (a transfer cut short): read as text it was "other", no links, and
        # a later page of a walk with no links ends the walk as the list's end, silently (pages29/08)
        raise UnusablePage("cut-short", "a JSON list body that is not whole (it does not parse): cut short")
    return None


def _listed(links: tuple[IndexLink, ...], title: str | None, encoding: str, *, at_article: bool) -> ParsedDocument:
    """A page read as a list of links; at an article's URL with no article body, no page of it (LIST_AT_ARTICLE)."""
    if at_article:
        raise UnusablePage("list-at-article", LIST_AT_ARTICLE.format(n=len(links)))
    return ParsedDocument(kind=DocumentKind.INDEX, encoding=encoding, links=links, title=title)


def read_notice(text: str, hints: PageHints) -> tuple[NoticeRecord | None, str]:
    """``parse_text`` of ``text``, and the text it read, clean (``src.lead + src.text``: cleaned once), which the page
    checks read after the parse (``page.check_record``; the end review of session 42: a second ``clean`` of the whole
    page there cost ~29,000 instructions, then a module memo in ``textnorm`` held the last text read)."""
    src = read_source(text, hints)
    return parse_source(src), src.lead + src.text


def _parse_plain(text: str, encoding: str, url: str | None) -> ParsedDocument:
    """A page of plain text (a PDF copy laid out again, a saved ``.txt``): no tree, the same checks as HTML's."""
    text = without_frame_titles(without_neighbour_links(unreferenced(unpaged(strip_envelope(text)))))  # 下一篇 lines
    page.check_content(text, text, html=False)
    record, clean = read_notice(text, PageHints(url=url))
    if record is not None or page.notice_like(None, text):
        page.check_ending(text)
    if record is None:
        page.check_no_notice(text)
        return ParsedDocument(kind=DocumentKind.OTHER, encoding=encoding, warnings=("no notice found in the text",))
    page.check_record(record, clean)
    return ParsedDocument(kind=DocumentKind.NOTICE, encoding=encoding, notice=record, title=record.title,
                          warnings=record.warnings)


def _check_article(visible: str, text: str, container: object | None, listed_here: bool) -> None:
    """:func:`page.check_article`; a refusal of a page at an index's URL with no container (``listed_here``) is said
    as an index whose rows are gone, not "a JavaScript shell" (ops50, session 51)."""
    try:
        page.check_article(visible, text, container)
    except UnusablePage as refusal:
        if not listed_here:
            raise
        raise page.rowless_index(refusal, text) from None


def parse_document(raw: bytes | str, url: str | None = None, content_type: str | None = None) -> ParsedDocument:
    """Parse one fetched or saved page. Raises UnusablePage for non-content."""
    utf8: bytes | None = None  # ``text`` as UTF-8, when ``raw`` is that already (Lexbor reads UTF-8)
    if isinstance(raw, bytes) and raw.startswith(JOINED):  # a notice's pages joined (scraper.joined)
        from .joinedpages import parse_joined

        return parse_joined(raw, url, parse_document, decode_page)
    if isinstance(raw, bytes):
        page.check_raw(raw)
        text, encoding, replaced = decode_page(raw, content_type)
        page.check_decoded(text, raw if encoding == "utf-8" else None, replaced)
        # Without a replacement character nothing was undecodable, so the bytes are the text's.
        if encoding == "utf-8" and not replaced and not raw.startswith(codecs.BOM_UTF8):
            utf8 = raw
    else:
        text, encoding = raw, "utf-8"
        page.check_decoded(text)
    listed = json_document(text, url, encoding)
    if listed is not None:
        return listed
    if not is_html(text):
        return _parse_plain(text, encoding, url)
    page.check_whole(text)
    tree = LexborHTMLParser(utf8 if utf8 is not None else text)
    found = find_container(tree)
    # Without a container, links first: the fallback text extraction removes navigation from
    # the tree. With one, links only matter if the page turns out not to be a notice.
    links = links_from_tree(tree, url, has_base="<base" in text) if found[0] is None and has_article_links(text) else ()
    article = looks_like_article_url(url)  # (its column's path may look like an index's)
    if links and looks_like_index_url(url) and not article:
        return ParsedDocument(kind=DocumentKind.INDEX, encoding=encoding, links=links, title=page_title(tree))
    if not links and found[0] is None and not article and looks_like_index_url(url) and \
            (scripted := script_links(text, url)):  # the list in a script's JSON (blind46/12): read, not a JS shell
        return ParsedDocument(kind=DocumentKind.INDEX, encoding=encoding, links=scripted, title=page_title(tree))
    art = extract_article(tree, text, found)
    if links and art.container is None and link_text_share(tree, art.visible_chars) >= INDEX_SHARE_MIN:
        return _listed(links, art.title, encoding, at_article=article)
    _check_article(art.text, text, found[1], listed_here=found[0] is None and not article and looks_like_index_url(url))
    record, clean = read_notice(art.text, PageHints(title=art.title, pub=art.pub, url=url, filing_no=art.filing_no,
                                                         source=art.source))
    if record is not None or page.notice_like(art.title, art.text):
        page.check_ending(art.text)
    if record is not None:
        # an index's URL with no article body: links gone, no article; an article's own URL there: an article (reader37)
        whole = found[0] is not None or article or not looks_like_index_url(url)
        page.check_record(record, clean, article=whole, page_title=art.title)
        cut = page.footless(record, text) or page.continues(record, text, url)
        if cut is not None:
            raise UnusablePage("cut-short", f"{cut}: cut short")
        return ParsedDocument(kind=DocumentKind.NOTICE, encoding=encoding, notice=record, title=record.title,
                              warnings=record.warnings)
    if found[0] is not None and has_article_links(text):
        links = links_from_tree(tree, url, has_base="<base" in text)
    if len(links) >= INDEX_LINK_MIN:
        return _listed(links, art.title, encoding, at_article=article and found[0] is None)
    page.check_no_notice(f"{art.title or ''}\n{art.text}")
    page.check_unsourced_report(art.title, art.text, url, art.source)
    return ParsedDocument(kind=DocumentKind.OTHER, encoding=encoding, title=art.title)
