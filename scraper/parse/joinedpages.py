"""A joined copy read (``scraper.joined``: a notice's pages, its next pages and linked annex pages, in page order).

Each page's article text is taken as the page alone gives it (its container, its pager lines out), the texts are
joined in page order and read as one notice, with every check a page gets (the count check among them). A later page
that reads as a notice of its own, or is no page at all (a bot check, an error page), or names another notice in its
title, is no page of this notice: the copy is refused, loud, never read from part of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from selectolax.lexbor import LexborHTMLParser

from scraper.joined import ANNEX, PAGE, Part, next_page, split
from storage.records import DocumentKind, NoticeRecord, ParsedDocument, UnusablePage
from storage.vocabulary import NEEDS_REVIEW

from . import page
from .article import Article, extract_article, find_container

# A pager line of a page's text ("1 2 下一页 共2页", "上一页 1 2", "首页 上一页 … 尾页"): no words of the notice.
PAGER_WORDS = ("下一页", "上一页", "下页", "上页", "尾页", "末页")
PAGER_LINE_RE = re.compile(r"(?:\s|\d+|上一?页|下一?页|首页|尾页|末页|共\s*\d+\s*页|第\s*\d+\s*页|[\[\]|<>«»【】])+")
# The number a later page's title names ("附件：出口管制管控名单（商务部公告2027年第9号）"): its notice's, or another's.
TITLE_NUMBER_RE = re.compile(r"(?:(\d{4})\s*年\s*)?第\s*(\d{1,4})\s*号|〔\s*(\d{4})\s*〕\s*(\d{1,4})\s*号")
PART_READS = ("cut-short",)
PAGED_URL_RE = re.compile(r"_\d{1,2}(\.s?html?)$")  # a later page's URL: "…_2.html" -> "….html"  # what a later page alone may be refused as: the rest of a notice


def _unpaged(text: str) -> str:
    """``text`` without its pager lines."""
    if not any(word in text for word in PAGER_WORDS):
        return text
    return "\n".join(line for line in text.split("\n")
                     if not (any(w in line for w in PAGER_WORDS) and PAGER_LINE_RE.fullmatch(line.strip())))


def _article(part: Part, decode_page: Callable[[bytes, str | None], tuple[str, str, bool]]) -> tuple[Article, str, str, object]:
    """The page's article, its decoded HTML, its codec and its container node."""
    text, encoding, _replaced = decode_page(part.body, part.content_type)
    tree = LexborHTMLParser(text)
    found = find_container(tree)
    return extract_article(tree, text, found), text, encoding, found[1]


def _title_numbers(title: str) -> set[tuple[str | None, str]]:
    return {(m.group(1) or m.group(3), m.group(2) or m.group(4)) for m in TITLE_NUMBER_RE.finditer(title)}


def _another_notice(record: NoticeRecord, title: str | None) -> str | None:
    """Why a later page whose title names a notice's number is no page of ``record`` (another number), else None."""
    if not title or "号" not in title:
        return None
    named = _title_numbers(title)
    own = _title_numbers(record.number or "")
    if not named or not own:
        return None
    if any(n in {o[1] for o in own} and (y is None or y in {o[0] for o in own if o[0]}) for y, n in named):
        return None
    return f"its title names another notice (\"{title}\", not {record.number})"


ANNEX_HEAD = 300  # characters of an annex page's text that say it is one ("附件", its notice's number)


def _not_an_annex(record: NoticeRecord, title: str | None, text: str) -> str | None:
    """Why a page linked as a notice's annex does not say it is one, else None: neither its title nor its text's head
    names "附件" or the notice's number. (A page listing the whole list, "不可靠实体清单", linked as the annex of a listing
    stating no count would give the notice every entity of the list: false items.)"""
    head = f"{title or ''}\n{text[:ANNEX_HEAD]}"
    if "附件" in head or (record.number and record.number in head):
        return None
    return f"it names neither 附件 nor {record.number or 'the notice'} (\"{title or text[:40]}\")"


def article_title(part: Part) -> str | None:
    """The article title a page gives (its heading), as :func:`parse_joined` reads it."""
    from .document import decode_page

    return _article(part, decode_page)[0].title


def _names_a_numbered_entity(part: Part) -> bool:
    """Whether a next page refused alone as "empty" (fewer than ``page.TINY_PAGE`` visible characters, no notice word)
    holds a numbered entity line ("6. 海隼战术系统公司（Sea Falcon Tactical Systems LLC）", 39 characters): the last page
    of a list holding one short name is the rest of the notice, not an empty page (session 48, review53's B1: the notice
    was read from page 1 alone, a count mismatch). Asked only of a page so refused, so it costs nothing elsewhere."""
    from .document import decode_page
    from .entities.names import NUMBERED_RE, looks_like_name
    from .textnorm import fold

    for line in _unpaged(_article(part, decode_page)[0].text).split("\n"):
        if (m := NUMBERED_RE.match(fold(line))) and m.group("rest") and looks_like_name(m.group("rest")):
            return True
    return False


def part_refusal(part: Part, parse: Callable[..., ParsedDocument], first_title: str | None = None) -> str | None:
    """Why a later page is no page of the notice it is joined to (read alone: a notice of its own, a bot check, an
    error page, a shell), or None (the rest of a notice: refused alone as cut short, or no notice of its own; or a
    next page under the first page's own title that reads alone as a notice naming nobody: the notice's closing, its
    measures, effective clause and signature, page 1 holding its names; ``first_title``: the first page's article
    title)."""
    try:
        doc = parse(part.body, url=part.url, content_type=part.content_type)
    except UnusablePage as exc:
        if exc.reason in PART_READS or (exc.reason == "empty" and part.role == PAGE and _names_a_numbered_entity(part)):
            return None
        return f"{exc.reason}: {exc.detail}" if exc.detail else exc.reason
    if doc.kind is DocumentKind.NOTICE and doc.notice is not None:
        if part.role == PAGE and first_title and not doc.notice.entities:
            if article_title(part) == first_title:
                return None  # (review52: a page 2 holding the closing read as a notice of its own, joined never)
        return f"it reads as a notice of its own ({doc.notice.key})"
    if doc.kind is DocumentKind.INDEX:
        return "it reads as a list of links"
    return None


def parse_joined(raw: bytes, url: str | None, parse: Callable[..., ParsedDocument],
                 decode_page: Callable[[bytes, str | None], tuple[str, str, bool]]) -> ParsedDocument:
    """Read a joined copy as one notice (``parse``: ``parse_document``, to read each later page alone first)."""
    from .document import read_notice
    from .draft import PageHints

    try:
        parts = split(raw)
    except ValueError as exc:
        raise UnusablePage("cut-short", f"a joined copy that is not whole: {exc}") from None
    first, html, encoding, container = _article(parts[0], decode_page)
    for n, part in enumerate(parts[1:], 2):
        if (why := part_refusal(part, parse, first.title)) is not None:
            raise UnusablePage(NEEDS_REVIEW, f"page {n} of the notice ({part.role} {part.url}) is no page of it: "
                                             f"{why}; the notice is not read from part of its pages")
    texts, last_html, titles = [_unpaged(first.text)], html, []
    urls = {part.url for part in parts}
    for n, part in enumerate(parts):
        if n:
            art, last_html, _enc, _node = _article(part, decode_page)
            texts.append(_unpaged(art.text))
            titles.append((part, art.title))
        base = PAGED_URL_RE.sub(r"\1", part.url)
        nxt = next_page(last_html, part.url, parts[0].url if part.role == PAGE else base if base in urls else part.url)
        if nxt is not None and nxt not in urls:  # (more than MAX_PAGES pages, or a page added since)
            raise UnusablePage("cut-short", f"the article goes on at {nxt}, a page not read with it: cut short")
    text = "\n".join(t.strip("\n") for t in texts if t.strip())
    page.check_article(text, html, container)
    record, clean = read_notice(text, PageHints(title=first.title, pub=first.pub, url=url, filing_no=first.filing_no,
                                                source=first.source))
    if record is None:
        page.check_no_notice(f"{first.title or ''}\n{text}")
        return ParsedDocument(kind=DocumentKind.OTHER, encoding=encoding, title=first.title)
    for (part, title), body in zip(titles, texts[1:], strict=True):
        if part.role == ANNEX and (why := _another_notice(record, title) or _not_an_annex(record, title, body)):
            raise UnusablePage(NEEDS_REVIEW, f"the annex page {part.url} is no page of {record.key}: {why}")
        if part.role == PAGE and title != first.title and (why := _another_notice(record, title)):
            # a next page titled as another notice (the site serving another article's page 2 there): its names
            # are no names of this notice (review52: they were read as its own, silently)
            raise UnusablePage(NEEDS_REVIEW, f"page {part.url} is no page of {record.key}: {why}")
    page.check_ending(text)
    page.check_record(record, clean, article=True, page_title=first.title)
    cut = page.continues(record, last_html, url)
    if cut is not None:
        raise UnusablePage("cut-short", f"{cut}: cut short")
    return ParsedDocument(kind=DocumentKind.NOTICE, encoding=encoding, notice=record, title=record.title,
                          warnings=record.warnings)
