"""Press reports that reach the notice parser: a news record, not "no notice".

A paper's report of a status change ("中国商务部12日晚间宣布，…继续暂停实施相关措施90天") changes nothing
itself: the notice parser reads it as no notice (``rules.reported_change``). Saved or fetched outside a
configured news source (a replayed folder, a report MOFCOM's news section reposts), it was dropped there,
dated or not, though a news source would have carried it as news. ``with_press_reports`` wraps the notice
parser: a page it reads as no notice *because* it is such a report becomes the news record the news parser
makes of it (dated as the notice parser dates it: a dateline "中新网8月12日电" counts; undated, the pipeline
dates its item by the page's first fetch and says so, :mod:`storage.news`). Every other page is left as the
notice parser read it; only its "no notice" pages pay for the second look.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from selectolax.lexbor import LexborHTMLParser

from scraper.parse.article import extract_article
from scraper.parse.document import decode_page, is_html, strip_envelope
from scraper.parse.draft import Draft, PageHints, read_source
from scraper.parse.index import looks_like_article_url
from scraper.parse.notice import GENRES
from scraper.parse.qa import clean_title
from scraper.parse.rules import REJECTS, RULES
from scraper.parse.rules.rejects import STATE_CHANGES, reported_change
from storage.records import DocumentKind, NoticeKind, NoticeRecord, ParsedDocument

from .parse import news_document

ParseFn = Callable[..., ParsedDocument]


def _article(raw: bytes | str, url: str | None, content_type: str | None) -> tuple[str, PageHints, str]:
    """The text and hints the notice parser read (``document.parse_document``'s article path), and the codec."""
    text, encoding = decode_page(raw, content_type)[:2] if isinstance(raw, bytes) else (raw, "utf-8")
    if not is_html(text):
        return strip_envelope(text), PageHints(url=url), encoding
    art = extract_article(LexborHTMLParser(text), text)
    return art.text, PageHints(title=art.title, pub=art.pub, url=url), encoding


def reported(text: str, hints: PageHints) -> Draft | None:
    """The notice parser's draft of ``text`` when it reads no notice because the text reports a status change in
    a paper's words (the first rejection that holds is ``reported_change``); else None."""
    src = read_source(text, hints)
    for _name, detects, _parse in GENRES:
        if detects(src):
            return None
    d = Draft()
    for name, rule in RULES:
        setattr(d, name, rule(src, d))
    for _field, reject in REJECTS:
        if reject(src, d):
            return d if reject is reported_change else None
    return None


def press_report(raw: bytes | str, url: str | None = None, content_type: str | None = None) -> ParsedDocument | None:
    """The news record of a page the notice parser reads as no notice because it is a press report of a status
    change; None for any other page."""
    text, hints, encoding = _article(raw, url, content_type)
    d = reported(text, hints)
    if d is None:
        return None
    page_title = clean_title(hints.title)  # the site's name cut off
    doc = news_document(text, page_title, d.published, url, encoding)
    if doc.kind is DocumentKind.NOTICE:
        return doc
    # The news parser reads no list here ("继续暂停实施商务部公告2025年第21号相关措施": a number, no list's name):
    # the changes the notice parser read, each with the notices it names (their list is the named notice's).
    changes = tuple(a for a in d.actions if a.action in STATE_CHANGES)
    if not changes:
        return None
    digest = hashlib.sha256((url or text).encode("utf-8")).hexdigest()[:8]
    title = d.identity.title or page_title
    record = NoticeRecord(
        key=f"NEWS-{digest}", kind=NoticeKind.NEWS, number=None, issuer=None, title=title, published=d.published,
        list=changes[0].list, actions=changes, references=changes[0].targets, url=url, text=text[:4000])
    return ParsedDocument(kind=DocumentKind.NOTICE, encoding=encoding, notice=record, title=title)


def with_press_reports(parse: ParseFn) -> ParseFn:
    """``parse`` (the notice parser), with its "no notice" pages that are press reports read as news records. So is a
    report read as an index at an article's own URL: its article's related-news block ("相关新闻", three links and
    more) made it a list, the report's step unread and unsaid (blind55/62, session 58: a Xinhua report reprinted on
    www.mofcom.gov.cn telling "中方决定，自2027年2月1日起，继续暂停实施…〔2025〕7号相关措施1年"). An index at an index's
    URL is never asked."""

    def parse_page(raw: bytes | str, url: str | None = None, content_type: str | None = None) -> ParsedDocument:
        doc = parse(raw, url=url, content_type=content_type)
        if doc.kind is DocumentKind.OTHER or doc.kind is DocumentKind.INDEX and looks_like_article_url(url):
            return press_report(raw, url, content_type) or doc
        return doc

    return parse_page
