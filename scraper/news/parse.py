"""Read what a news page reports: title, date, list, action, count and notice numbers.

A news page is never a notice: it becomes a ``NoticeRecord`` of kind ``news`` (key
``NEWS-<8 hex of the URL>``), which the pipeline stores as a ``NewsReport``. Links to
the official notice are made later (:mod:`storage.news`), by number or by date, list
and count. Pages that do not report a MOFCOM list action are "other".
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime

from selectolax.lexbor import LexborHTMLParser

from scraper.charset import decode
from scraper.parse.select import css, css_first
from scraper.parse.textnorm import clean
from storage.records import (
    ActionKind,
    ActionRecord,
    DocumentKind,
    ListKind,
    NoticeKind,
    NoticeRecord,
    NoticeRef,
    ParsedDocument,
)

# The working mechanism is MOFCOM's (its notices are sealed 商务部代章); Taiwan/HK pages often name only it.
MOFCOM_RE = re.compile(r"\bMOFCOM\b|Ministry of Commerce|商务部|commerce ministry|不可靠实体清单工作机制|"
                       r"unreliable entity list working mechanism", re.IGNORECASE)
LIST_PATTERNS = (
    (ListKind.UEL, re.compile(r"unreliable entit(?:y|ies) list|不可靠实体清单", re.IGNORECASE)),
    (ListKind.ECL, re.compile(r"export control (?:control )?list|出口管制(?:管控)?名单|实体的?出口管制", re.IGNORECASE)),
    (ListKind.WATCH, re.compile(r"\bwatch ?list\b|关注名单", re.IGNORECASE)),
)
# First match wins: the more specific wording first. "停止" lifts only with its 措施 ("正在开展的相关出口
# 活动应当立即停止" in a listing stops exports); "续暂停" is the headlines' short "继续暂停".
ACTION_PATTERNS = (
    (ActionKind.EXTEND, re.compile(r"continu\w* (?:to )?suspend|extend\w* (?:the )?suspension|(?:继)?续暂停", re.IGNORECASE)),
    (ActionKind.LIFT, re.compile(r"\b(?:lift\w*|stop\w* (?:implementing|the (?:relevant )?measures)|terminat\w*)\b|停止(?=[^，。；]{0,60}措施)", re.IGNORECASE)),
    (ActionKind.SUSPEND, re.compile(r"\bsuspend\w*|暂停", re.IGNORECASE)),
    (ActionKind.REMOVE, re.compile(r"\bremov\w* from\b|移出", re.IGNORECASE)),
    (ActionKind.IMPOSE, re.compile(r"\b(?:add\w*|plac\w*|put|includ\w*|list\w*)\b[^.]{0,120}\b(?:list)\b|列入", re.IGNORECASE)),
)
WORD_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
COUNT_RE = re.compile(
    r"\b(\d{1,3}|" + "|".join(WORD_NUMBERS) + r")\s+(?:more\s+)?(?:U\.?S\.?|American|US-based|foreign|Taiwan\w*)?\s*"
    r"(?:entities|companies|firms|enterprises)\b|(\d{1,3})\s*家", re.IGNORECASE)
ANNOUNCEMENT_RE = re.compile(r"Announcement No\.?\s*(\d{1,3})\s*(?:of|,)?\s*(?:the year\s*)?(\d{4})|"
                             r"(\d{4})\s+Announcement No\.?\s*(\d{1,3})|商务部公告(\d{4})年第(\d{1,3})号", re.IGNORECASE)
UEL_NUMBER_RE = re.compile(r"[\[〔](\d{4})[\]〕]\s*(?:No\.?\s*)?(\d{1,2})")
DATE_PATTERNS = (
    (re.compile(r"Published:\s*([A-Z][a-z]{2}\s+\d{1,2},\s*\d{4})"), "%b %d, %Y"),
    (re.compile(r"(?:UTC\+8,?\s*)(\d{4}-\d{2}-\d{2})"), "%Y-%m-%d"),
    (re.compile(r"\d{1,2}:\d{2},\s*([A-Z][a-z]+ \d{1,2}, \d{4})"), "%B %d, %Y"),
    (re.compile(r"\b(\d{4}-\d{2}-\d{2})\b"), "%Y-%m-%d"),
    (re.compile(r"\b([A-Z][a-z]+ \d{1,2}, \d{4})\b"), "%B %d, %Y"),
    (re.compile(r"(?<!\d)(\d{4}/\d{1,2}/\d{1,2})(?!\d)"), "%Y/%m/%d"),  # Taiwan press: 2025/08/12 21:40
    (re.compile(r"(\d{4}年\d{1,2}月\d{1,2}日)\s*\d{1,2}:\d{2}"), "%Y年%m月%d日"),  # a dateline has its time
)
META_DATE_NAMES = ("PubDate", "pubdate", "publishdate", "article:published_time", "og:published_time")


@dataclass(frozen=True)
class NewsFacts:
    title: str | None
    published: date | None
    list: ListKind | None
    action: ActionKind | None
    count: int | None
    keys: tuple[str, ...]  # notice keys named in the text (MOFCOM-2025-21, UEL-2025-7)


def _meta(tree: LexborHTMLParser, *names: str) -> str | None:
    for name in names:
        node = css_first(tree, f'meta[name="{name}"]') or css_first(tree, f'meta[property="{name}"]')
        content = (node.attributes.get("content") or "").strip() if node is not None else ""
        if content:
            return content
    return None


def _parse_date(text: str) -> date | None:
    for regex, fmt in DATE_PATTERNS:
        for match in regex.finditer(text):
            try:
                return datetime.strptime(match.group(1), fmt).date()
            except ValueError:
                continue
    return None


def _count(text: str) -> int | None:
    match = COUNT_RE.search(text)
    if not match:
        return None
    raw = (match.group(1) or match.group(2)).lower()
    return int(raw) if raw.isdigit() else WORD_NUMBERS.get(raw)


def _keys(text: str, lst: ListKind | None) -> tuple[str, ...]:
    keys: list[str] = []
    for m in ANNOUNCEMENT_RE.finditer(text):
        n, year = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3)) if m.group(3) else (m.group(6), m.group(5))
        keys.append(f"MOFCOM-{year}-{int(n)}")
    if lst is ListKind.UEL or "不可靠实体清单" in text or re.search("unreliable entity", text, re.IGNORECASE):
        keys.extend(f"UEL-{m.group(1)}-{int(m.group(2))}" for m in UEL_NUMBER_RE.finditer(text))
    return tuple(dict.fromkeys(keys))


def news_facts(text: str, title: str | None = None, published: date | None = None) -> NewsFacts | None:
    """The facts a news text reports; None when it reports no MOFCOM list action. Traditional
    script (Taiwan/HK press) is read as simplified, like the notices (``textnorm.clean``)."""
    whole = clean(f"{title or ''}\n{text}")
    if not MOFCOM_RE.search(whole):
        return None
    lst = next((kind for kind, regex in LIST_PATTERNS if regex.search(whole)), None)
    if lst is None:
        return None
    action = next((kind for kind, regex in ACTION_PATTERNS if regex.search(whole)), None)
    return NewsFacts(title=title, published=published or _parse_date(text), list=lst, action=action,
                     count=_count(whole), keys=_keys(whole, lst))


def _page_text(raw: bytes | str, content_type: str | None) -> tuple[str, str | None, date | None, str]:
    text, encoding = decode(raw, content_type) if isinstance(raw, bytes) else (raw, "utf-8")
    if "<" not in text[:2000]:
        return text, None, None, encoding
    tree = LexborHTMLParser(text)
    for node in css(tree, "script, style, nav, header, footer, noscript"):
        node.decompose()
    title = _meta(tree, "ArticleTitle", "og:title")
    if title is None:
        heading = css_first(tree, "h1") or css_first(tree, ".art-title") or css_first(tree, "title")
        title = heading.text(strip=True) if heading is not None else None
    meta_day = _meta(tree, *META_DATE_NAMES)
    published = _parse_date(meta_day) if meta_day else None
    body = tree.body.text(separator="\n") if tree.body is not None else tree.text(separator="\n")
    return body, title, published, encoding


def parse_news_document(raw: bytes | str, url: str | None = None, content_type: str | None = None) -> ParsedDocument:
    """The ``parse`` function the pipeline uses for news pages (same signature as ``parse_document``)."""
    text, title, published, encoding = _page_text(raw, content_type)
    facts = news_facts(text, title, published)
    if facts is None:
        return ParsedDocument(kind=DocumentKind.OTHER, encoding=encoding, title=title,
                              warnings=("no MOFCOM list action reported",))
    digest = hashlib.sha256((url or text).encode("utf-8")).hexdigest()[:8]
    refs = tuple(NoticeRef(text=key, key=key) for key in facts.keys)
    if not refs and facts.count is not None:
        refs = (NoticeRef(text=f"{facts.count} entities", date=facts.published, list=facts.list, count=facts.count),)
    actions = (ActionRecord(action=facts.action, list=facts.list, targets=refs),) if facts.action else ()
    record = NoticeRecord(
        key=f"NEWS-{digest}", kind=NoticeKind.NEWS, number=None, issuer=None, title=facts.title,
        published=facts.published, list=facts.list, actions=actions, stated_count=facts.count,
        references=refs, url=url, text=text[:4000],
    )
    return ParsedDocument(kind=DocumentKind.NOTICE, encoding=encoding, notice=record, title=facts.title)
