"""A notice read over several pages (pure): its article's next pages and its linked annex pages, joined (session 47).

A notice split over pages (分页: a pager "1 2 下一页" to the same article's ``art_<hex>_2.html``, the MFA's
``t…_1.shtml``), or whose annex is a page of its own linked from the notice ("附件：<a href=…html>出口管制管控名单</a>"),
was read from its first page alone: refused as cut short, or stored short of its count (loud), the names of the other
pages never read (blind46/03, 05, 37, 38; mfa46's split annex). The crawler (and ``replay``, from the pages it is
given) now fetches those pages and hands the pipeline one *joined* copy: a header naming each page (its role, URL,
SHA-256, length, content type), then each page's bytes exactly as served, in page order. That copy is what is stored
under the first page's URL, so every later reading of it (an upgrade, ``review``, ``parse``) reads the whole notice;
each page is also stored under its own URL (``PageOutcome.PART``) and cited with its own SHA-256.

Which pages are followed (:func:`wanted`): only where the first page alone does not read whole (refused as cut short,
or short of its stated count, or naming nobody) and it links them: the article's own next pages (the same file name
with ``_N``, the same folder and host, N rising, at most :data:`MAX_PAGES`; never a list's pager such as
``index_2.html``), and annex pages whose link says "附件" and names a list (名单/清单), of the same host, ``.html``,
``.shtml`` or ``.htm`` (never a ``.doc``/``.pdf``). A page that cannot be fetched, is no page of this notice (it
reads as a notice itself) or is not a page at all (a bot check, an error page) is no part: the notice is read from
its first page alone, as loud as before (:func:`usable_part`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from storage.vocabulary import JOINED_MAGIC, JOINED_TYPE

MAGIC = JOINED_MAGIC
MAX_PAGES = 20  # an article's pages followed, the first included
MAX_ANNEXES = 5  # annex pages followed (each with its own next pages)
PAGE, ANNEX = "page", "annex"
# An article pager's link to its next page, and its words (``scraper.parse.page.continues`` reads the same link).
NEXT_WORDS = ("下一页", "下页")
NEXT_LINK = r"""<a\b[^>]*?\bhref\s*=\s*["']?([^"'\s>]+)["']?[^>]*>\s*(?:<[^>]+>\s*)*(?:下一页|下页)\s*(?:<[^>]+>\s*)*</a\s*>"""
# The bytes of "下一页" and "附件" in UTF-8 and GBK: a page with neither is never decoded here (most pages).
NEXT_GATE = tuple(word.encode(codec) for word in NEXT_WORDS for codec in ("utf-8", "gbk"))
ANNEX_GATE = ("附件".encode(), "附件".encode("gbk"))
ANNEX_REACH = 400  # bytes after "附件" a link to its page opens within ("附件：</p><p><a href=…")
NEXT_RE = re.compile(NEXT_LINK, re.IGNORECASE)
# A numbered pager's link ("1 <a href=art_<hex>_2.html>2</a> <a …_3.html>3</a>", no 下一页; session 48): a link whose text
# is a page number alone ("2", "[2]", "第2页"). Followed only to the article's own ``_N`` pages, as a 下一页 link is.
NUMBER_LINK = r"""<a\b[^>]*?\bhref\s*=\s*["']?([^"'\s>]+)["']?[^>]*>\s*(?:<[^>]+>\s*)*[\[【]?\s*第?\s*(\d{1,2})\s*页?\s*[\]】]?\s*(?:<[^>]+>\s*)*</a\s*>"""
NUMBER_RE = re.compile(NUMBER_LINK, re.IGNORECASE)
# "附件：<a href=X>…名单</a>" (tags between: "附件：</p><p><a …>"), or a link whose text opens with 附件.
ANNEX_AFTER_RE = re.compile(
    r"""附\s*件\s*\d{0,2}\s*[:：]?\s*(?:<[^>]+>\s*){0,6}?<a\b[^>]*?\bhref\s*=\s*["']?([^"'\s>]+)["']?[^>]*>([^<]{0,120})""",
    re.IGNORECASE)
ANNEX_LINK_RE = re.compile(
    r"""<a\b[^>]*?\bhref\s*=\s*["']?([^"'\s>]+)["']?[^>]*>\s*(?:<[^>]+>\s*)*(附\s*件[^<]{0,120})""", re.IGNORECASE)
LIST_WORDS = ("名单", "清单")
LINKED_ANNEX_RE = re.compile(r">\s*附\s*件")  # a link's text opening with 附件 (ANNEX_LINK_RE scans every link)
PAGE_SUFFIXES = (".html", ".shtml", ".htm")
PAGED_RE = re.compile(r"^(.+?)_(\d{1,2})$")


@dataclass(frozen=True)
class Part:
    """One page of a joined copy: ``role`` page (the article's own pages, the first one first) or annex."""

    role: str
    url: str
    body: bytes
    content_type: str | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()


def is_joined(raw: bytes | str) -> bool:
    return isinstance(raw, bytes) and raw.startswith(MAGIC)


def join(parts: Sequence[Part]) -> bytes:
    """The joined copy of ``parts`` (the first page first): a header line each, a blank line, their bytes in order."""
    head = b"".join(
        f"{p.role} {p.sha256} {len(p.body)} {''.join((p.content_type or '-').split()) or '-'} {p.url}\n".encode()
        for p in parts)
    return MAGIC + head + b"\n" + b"".join(p.body for p in parts)


def split(raw: bytes) -> tuple[Part, ...]:
    """The pages of a joined copy (ValueError: not one, or a page's bytes not those its header line names)."""
    if not raw.startswith(MAGIC):
        raise ValueError("not a joined copy")
    end = raw.index(b"\n\n", len(MAGIC) - 1)
    at = end + 2
    parts: list[Part] = []
    for line in raw[len(MAGIC):end].decode("utf-8").splitlines():
        role, sha, size, content_type, url = line.split(" ", 4)
        body = raw[at: at + int(size)]
        at += int(size)
        part = Part(role, url, body, None if content_type == "-" else content_type)
        if part.sha256 != sha:
            raise ValueError(f"the joined copy's page {url} is not the bytes its header names (SHA-256 {sha})")
        parts.append(part)
    if at != len(raw) or not parts:
        raise ValueError("the joined copy's pages are not its header's")
    return tuple(parts)


def paged_gate(url: str | None) -> bytes | None:
    """The bytes a link to one of the article's own later pages holds: its file name without its suffix and ``_``
    ("art_<hex>_" of ".../art_<hex>.html"; a numbered pager's links have no 下一页 to look for), or None."""
    stem = _stem(url) if url else None
    return f"{stem[2]}_".encode() if stem is not None and stem[2] else None


def may_continue(body: bytes, url: str | None = None) -> bool:
    """Whether a page's bytes may link a next page or an annex page (a cheap byte test, before any decoding): a "下一页"
    ("下页"), or (``url``: the page's) a link to the page's own ``_N`` page (a numbered pager), or a "附件" with a link
    opening within ``ANNEX_REACH`` bytes of it or a link's text opening with it."""
    if any(word in body for word in NEXT_GATE):
        return True
    if (own := paged_gate(url)) is not None and own in body:
        return True
    for word in ANNEX_GATE:
        at = body.find(word)
        while at >= 0:
            if b"href" in body[at: at + ANNEX_REACH]:
                return True
            lt = body.rfind(b"<", max(at - ANNEX_REACH, 0), at)
            if lt >= 0 and body[lt + 1: lt + 2] in (b"a", b"A") and body[lt + 2: lt + 3].isspace():
                return True
            at = body.find(word, at + len(word))
    return False


def _stem(url: str) -> tuple[str, str, str] | None:
    """(scheme://host, folder, file name without its suffix) of a page's URL, or None (no page suffix)."""
    parts = urlsplit(url)
    path = parts.path
    folder, _, name = path.rpartition("/")
    for suffix in PAGE_SUFFIXES:
        if name.endswith(suffix):
            return f"{parts.scheme}://{parts.netloc}".lower(), folder, name[: -len(suffix)]
    return None


def first_page(url: str) -> str | None:
    """The first page of the article whose later page ``url`` is ("…/art_<hex>_2.html" -> "…/art_<hex>.html", the MFA's
    "…/t…_1.shtml" -> "…/t….shtml"), or None (no page number in its file name, or a query string)."""
    parts = urlsplit(url)
    folder, _, name = parts.path.rpartition("/")
    for suffix in PAGE_SUFFIXES:
        if name.endswith(suffix) and not parts.query and (paged := PAGED_RE.match(name[: -len(suffix)])) is not None:
            return parts._replace(path=f"{folder}/{paged.group(1)}{suffix}", fragment="").geturl()
    return None


def next_page(html: str, url: str, first: str) -> str | None:
    """The next page of the article whose first page is ``first``, as linked "下一页" from its page ``url``: the same
    host and folder, the first page's file name with ``_N`` (N past ``url``'s own); else None."""
    worded = "下一页" in html or "下页" in html
    base, own = _stem(first), _stem(url)
    if base is None or own is None or not (worded or f"{base[2]}_" in html):
        return None
    paged = PAGED_RE.match(own[2])
    at = int(paged.group(2)) if paged is not None and paged.group(1) == base[2] else -1

    def later(href: str) -> tuple[int, str] | None:
        """(N, the URL) of a link to the article's own page ``_N`` past this one, else None."""
        target = urljoin(url, href.split("#", 1)[0])
        found = _stem(target)
        if found is None or urlsplit(target).query or found[:2] != base[:2]:
            return None
        paged = PAGED_RE.match(found[2])
        if paged is not None and paged.group(1) == base[2] and int(paged.group(2)) > at:
            return int(paged.group(2)), str(target)
        return None

    for m in NEXT_RE.finditer(html) if worded else ():
        if (hit := later(m.group(1))) is not None:
            return hit[1]
    # a numbered pager with no 下一页 link ("1 2 3"): the nearest page past this one it links by its number
    numbered = [hit for m in NUMBER_RE.finditer(html) if (hit := later(m.group(1))) is not None]
    return min(numbered)[1] if numbered else None


def annex_pages(html: str, url: str) -> list[str]:
    """The annex pages a notice's page links ("附件：…名单" as a link to an HTML page of the same host), in order."""
    if "附" not in html:
        return []
    base = _stem(url)
    if base is None:
        return []
    found: list[str] = []
    for pattern in (ANNEX_AFTER_RE, ANNEX_LINK_RE) if LINKED_ANNEX_RE.search(html) else (ANNEX_AFTER_RE,):
        for m in pattern.finditer(html):
            words = m.group(2)
            if not any(w in words for w in LIST_WORDS):
                continue
            target = urljoin(url, m.group(1).split("#", 1)[0])
            stem = _stem(target)
            if (stem is None or urlsplit(target).query or stem[0] != base[0] or stem[2].startswith("index")
                    or target == url or target in found):
                continue
            found.append(target)
    return found[:MAX_ANNEXES]


def pages_of(first_url: str, first_html: str, fetch: Callable[[str], tuple[str, Part] | None]) -> list[Part] | None:
    """The other pages of the notice whose first page is ``first_url`` (HTML ``first_html``): its next pages, then its
    annex pages (each with its own next pages), fetched by ``fetch`` (URL -> (its HTML, the part), None: not had). None
    where one it links is not had: the notice is then read from its first page alone (loud as before)."""
    parts: list[Part] = []
    seen = {first_url}

    def chain(url: str, html: str, role: str, first: str, htmls: list[str] | None = None) -> str | None:
        """Follow the next pages from ``url`` (each one's HTML added to ``htmls``, for its annex links); the last
        page's HTML, or None (one not had)."""
        count = 1
        while count < MAX_PAGES and (nxt := next_page(html, url, first)) is not None and nxt not in seen:
            seen.add(nxt)
            got = fetch(nxt)
            if got is None:
                return None
            html, part = got
            if htmls is not None:
                htmls.append(html)
            parts.append(Part(role, part.url, part.body, part.content_type))
            url, count = nxt, count + 1
        return html

    htmls = [first_html]
    if chain(first_url, first_html, PAGE, first_url, htmls) is None:
        return None
    for html in list(htmls):
        for annex in annex_pages(html, first_url):
            if annex in seen:
                continue
            seen.add(annex)
            got = fetch(annex)
            if got is None:
                return None
            parts.append(Part(ANNEX, got[1].url, got[1].body, got[1].content_type))
            if chain(annex, got[0], ANNEX, annex) is None:
                return None
    return parts


def links_on(html: str, url: str) -> bool:
    """Whether a page links a next page of its own or an annex page (what :func:`pages_of` would follow)."""
    return next_page(html, url, url) is not None or bool(annex_pages(html, url))


def reads_short(body: bytes, url: str, content_type: str | None) -> bool:
    """Whether the page alone does not read whole: refused as cut short (or held for a person: a decree's page ending
    in a pager), or a notice short of its stated count, or a listing naming nobody with no count."""
    from scraper.parse import parse_document
    from storage.records import DocumentKind, UnusablePage
    from storage.shortread import names_nobody
    from storage.vocabulary import NEEDS_REVIEW

    try:
        doc = parse_document(body, url=url, content_type=content_type)
    except UnusablePage as exc:
        return exc.reason in ("cut-short", NEEDS_REVIEW)
    except Exception:  # noqa: BLE001 - a parser error: the pipeline stores it as one, from the page alone
        return False
    record = doc.notice
    if doc.kind is not DocumentKind.NOTICE or record is None:
        return False
    return (record.stated_count is not None and record.stated_count != len(record.entities)) or names_nobody(record)


Fetch = Callable[[str], "tuple[str, Part] | None"]


def joined_copy(body: bytes, url: str, content_type: str | None, fetch: Fetch) -> tuple[bytes, list[Part]] | str | None:
    """The joined copy of the notice whose first page is ``body`` at ``url``, and its other pages, where it links
    pages of its own that it needs (:func:`reads_short`) and each of them is had (``fetch``) and is a page of it
    (:func:`scraper.parse.joinedpages.part_refusal`); else why not, where it needs one (a page not had, or no page of
    it), or None: the page is read alone either way."""
    if not may_continue(body, url):
        return None
    from scraper.charset import decode

    html = decode(body, content_type)[0]
    if not links_on(html, url) or not reads_short(body, url, content_type):
        return None
    parts = pages_of(url, html, fetch)
    if parts is None:
        return "a page it links (its next page or its annex page) was not had"
    if not parts:
        return None
    from scraper.parse import parse_document
    from scraper.parse.joinedpages import article_title, part_refusal
    from storage.records import UnusablePage

    first = Part(PAGE, url, body, content_type)
    title = article_title(first) if any(part.role == PAGE for part in parts) else None
    for part in parts:
        if (why := part_refusal(part, parse_document, title)) is not None:
            return f"the page it links at {part.url} is no page of it ({why})"
    joined = join([first, *parts])
    try:  # refused whole (an annex page not saying it is one, an article going on past MAX_PAGES): the page alone
        parse_document(joined, url=url, content_type=JOINED_TYPE)
    except UnusablePage as exc:
        return f"its pages joined are refused ({exc.reason}: {exc.detail})"
    except Exception:  # noqa: BLE001 - a parser error: the pipeline stores it as one
        pass
    return joined, parts


def fetched(url: str, body: bytes | None, content_type: str | None) -> tuple[str, Part] | None:
    """A page had for :func:`pages_of`: its HTML and itself (None: no body)."""
    if not body:
        return None
    from scraper.charset import decode

    return decode(body, content_type)[0], Part(PAGE, url, body, content_type)
