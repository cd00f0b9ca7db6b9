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
from scraper.parse.page import check_content, check_decoded, check_raw, check_whole
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
    # "export control measures against 28 US entities" is the ECL too (item controls name no entities);
    # "export control, unreliable entity lists" names both lists.
    (ListKind.ECL, re.compile(r"export control (?:control )?list|export control(?:,|,? and) unreliable entity lists|"
                              r"export control measures (?:against|on|targeting) [^.;,]{0,30}?\b(?:entities|companies|firms)\b|"
                              r"出口管制(?:管控)?名单|实体的?出口管制", re.IGNORECASE)),
    (ListKind.WATCH, re.compile(r"\bwatch ?list\b|关注名单", re.IGNORECASE)),
)
# Status changes, the more specific wording first at one place. "停止" lifts only with its 措施
# ("应当立即停止" in a listing stops exports); "should be stopped immediately" is a listing's wording too.
STATE_ACTION_RE = re.compile(
    r"(?P<extend>continu\w* (?:to )?suspend\w*|extend\w* (?:the )?suspension|(?:继)?续暂停)|"
    r"(?P<lift>\b(?:lift\w*|stop\w* (?:implementing|(?:the )?(?:relevant |export control )?measures)|terminat\w*|"
    r"(?:will|shall|to) be stopped(?! immediately))\b|停止(?=[^，。；]{0,60}措施))|"
    r"(?P<suspend>\bsuspend\w*|暂停)|"
    r"(?P<remove>\bremov\w* from\b|移出)", re.IGNORECASE)
IMPOSE_RE = re.compile(r"\b(?:add\w*|plac\w*|put|includ\w*|list\w*)\b[^.]{0,120}\blist\b|列入", re.IGNORECASE)
# Where one action's clause ends and the next one's begins, strongest first: a semicolon; a comma
# before "对" (Chinese puts the target first: "…；对X，停止…"); a comma, "and" or "并".
CLAUSE_BREAKS = (re.compile(r"[;；]"), re.compile(r"[，,]\s*(?:并|而|则)?\s*(?=对)"), re.compile(r"[，,]|\band\b|并"))
# Sentence ends: a line end, Chinese end marks, an English full stop before a capital ("No. 21", "Inc. and" go on).
SENTENCE_END_RE = re.compile(r"\n|(?<=[。！？!?])|(?<=\.)\s+(?=[A-Z\"“(])")
WORD_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
COUNT_RE = re.compile(
    r"\b(\d{1,3}|" + "|".join(WORD_NUMBERS) + r")\s+(?:more\s+)?(?:U\.?S\.?|American|US-based|foreign|Taiwan\w*|Japanese|European|EU)?\s*"
    r"(?:entities|companies|firms|enterprises|others)\b|(\d{1,3})\s*家", re.IGNORECASE)
# Enumerations of numbers: "No. 21 and No. 22", "Nos. 5, 6 and 7", "第21号和第22号", "5号和6号".
EN_NUMBERS = r"(\d{1,3}(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:No\.?\s*)?\d{1,3}(?!\d))*)"
ANNOUNCEMENT_RE = re.compile(
    rf"Announcements? Nos?\.?\s*{EN_NUMBERS}\s*(?:of|,)?\s*(?:the year\s*)?(\d{{4}})|"
    rf"(\d{{4}})\s+Announcements? Nos?\.?\s*{EN_NUMBERS}|"
    r"商务部公告(\d{4})年(第\d{1,3}号(?:\s*[、和及与,，]\s*第?\d{1,3}号)*)", re.IGNORECASE)
UEL_NUMBER_RE = re.compile(r"[\[〔](\d{4})[\]〕]\s*((?:Nos?\.?\s*)?\d{1,2}(?!\d)(?:\s*号)?"
                           r"(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|[、和及与])\s*(?:No\.?\s*)?\d{1,2}(?!\d)(?:\s*号)?)*)",
                           re.IGNORECASE)
DIGITS_RE = re.compile(r"\d+")
HEADLINE_MAX = 200  # characters: a longer first line of a plain text is a paragraph
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
class NewsAction:
    """One action a page reports, with the list and numbers its own clauses name."""

    action: ActionKind
    list: ListKind
    count: int | None
    keys: tuple[str, ...]


@dataclass(frozen=True)
class NewsFacts:
    """What a page reports; ``list``, ``action`` and ``count`` are its main action's (the headline's,
    else the first status change, else the first listing), ``keys`` every number read, the main action's first."""

    title: str | None
    published: date | None
    list: ListKind | None
    action: ActionKind | None
    count: int | None
    keys: tuple[str, ...]  # notice keys named in the text (MOFCOM-2025-21, UEL-2025-7)
    actions: tuple[NewsAction, ...] = ()


@dataclass
class _Clause:
    rank: tuple[int, int, int]  # headline first, then status changes, then page order
    action: ActionKind
    lst: ListKind | None
    count: int | None
    keys: list[str]


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


def _keys(text: str, uel_page: bool) -> list[str]:
    """Every notice number ``text`` names, each of an enumeration ("No. 21 and No. 22 of 2025")."""
    keys: list[str] = []
    for m in ANNOUNCEMENT_RE.finditer(text):
        numbers, year = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3)) if m.group(3) else (m.group(6), m.group(5))
        keys.extend(f"MOFCOM-{year}-{int(n)}" for n in DIGITS_RE.findall(numbers))
    if uel_page:  # "[2025] No. 7" is a UEL number only where the page is about the UEL
        for m in UEL_NUMBER_RE.finditer(text):
            keys.extend(f"UEL-{m.group(1)}-{int(n)}" for n in DIGITS_RE.findall(m.group(2)))
    return list(dict.fromkeys(keys))


def _lists(text: str) -> list[ListKind]:
    return [kind for kind, regex in LIST_PATTERNS if regex.search(text)]


def _sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END_RE.split(text) if s.strip()]


def _clause_spans(sentence: str) -> list[tuple[ActionKind, str]]:
    """(action, clause) for each action of the sentence. A status change outranks a listing in the
    same sentence ("suspend … 28 entities that were added to the list" is one suspension); between two
    actions the clause breaks at the strongest separator (see ``CLAUSE_BREAKS``)."""
    anchors = [(ActionKind(m.lastgroup), m.start(), m.end()) for m in STATE_ACTION_RE.finditer(sentence) if m.lastgroup]
    if not anchors:
        anchors = [(ActionKind.IMPOSE, m.start(), m.end()) for m in IMPOSE_RE.finditer(sentence)]
    bounds = [0]
    for (_, _, prev_end), (_, start, _) in zip(anchors, anchors[1:]):
        cut = start
        for breaks in CLAUSE_BREAKS:
            found = [m.start() for m in breaks.finditer(sentence, prev_end, start)]
            if found:
                cut = found[-1]
                break
        bounds.append(cut)
    bounds.append(len(sentence))
    return [(kind, sentence[bounds[i]:bounds[i + 1]]) for i, (kind, _, _) in enumerate(anchors)]


def _agree(keys: list[str], lst: ListKind) -> list[str]:
    """The keys that can be of ``lst``: UEL numbers for the UEL, MOFCOM announcements for the others."""
    return [k for k in keys if k.startswith("UEL-") == (lst is ListKind.UEL)]


def _clauses(title: str | None, body: str) -> list[_Clause]:
    """Every action clause of the page with the list, count and numbers it names. A clause naming no
    list takes its sentence's only list, or, naming numbers, the list of the last clause of the same
    action ("… Announcement No. 21 and No. 22 of 2025 will be suspended" after "suspends … on its
    export control list"), or the page's only list. A clause naming two lists is nobody's: whose
    action would it be? Numbers a sentence names without an action go to the clause before it, or
    to the first clause when none is before (a reprint's "商务部公告2025年第21号" over its text)."""
    page_lists = _lists(f"{title or ''}\n{body}")
    uel_page = ListKind.UEL in page_lists
    first, _, rest = body.lstrip().partition("\n")
    if title is None and rest.strip() and len(first) <= HEADLINE_MAX:  # a plain-text page starts with its headline
        title, body = first, rest
    clauses: list[_Clause] = []
    position = 0
    pending: list[str] = []  # numbers named before any action ("商务部公告2025年第21号" over its text)
    for in_title, sentence in [(True, s) for s in _sentences(title or "")] + [(False, s) for s in _sentences(body)]:
        sentence_lists = _lists(sentence)
        spans = _clause_spans(sentence)
        if not spans:  # "The entities include …, according to MOFCOM Announcement No. 23 of 2026."
            keys = _keys(sentence, uel_page)
            if not clauses:
                pending.extend(keys)
            elif keys and clauses[-1].lst is not None:
                clauses[-1].keys.extend(k for k in _agree(keys, clauses[-1].lst) if k not in clauses[-1].keys)
            continue
        for kind, text in spans:
            position += 1
            named, keys = _lists(text), _keys(text, uel_page)
            if pending:
                keys, pending = list(dict.fromkeys(pending + keys)), []
            lst: ListKind | None = None
            if len(named) == 1:
                lst = named[0]
            elif not named:
                if any(k.startswith("UEL-") for k in keys):
                    lst = ListKind.UEL
                elif len(sentence_lists) == 1:
                    lst = sentence_lists[0]
                elif keys:
                    lst = next((c.lst for c in reversed(clauses) if c.action is kind and c.lst is not None), None)
                if lst is None and len(page_lists) == 1:
                    lst = page_lists[0]
            if lst is not None:
                keys = _agree(keys, lst)
            rank = (0 if in_title else 1, 1 if kind is ActionKind.IMPOSE else 0, position)
            clauses.append(_Clause(rank, kind, lst, _count(text), keys))
    return clauses


def news_facts(text: str, title: str | None = None, published: date | None = None) -> NewsFacts | None:
    """The facts a news text reports; None when it reports no MOFCOM list action. Traditional
    script (Taiwan/HK press) is read as simplified, like the notices (``textnorm.clean``)."""
    body, head = clean(text), clean(title) if title else None
    whole = f"{head or ''}\n{body}"
    if not MOFCOM_RE.search(whole):
        return None
    clauses = [(c, c.lst) for c in _clauses(head, body) if c.lst is not None]
    if any(c.action is not ActionKind.IMPOSE for c, _ in clauses):
        # A status-change report names listings as what it changes ("the 15 entities were added to
        # China's export control list on March 4"): only a headline's listing is news of its own.
        told = [(c, lst) for c, lst in clauses if c.action is ActionKind.IMPOSE and c.rank[0] != 0 and c.keys]
        clauses = [(c, lst) for c, lst in clauses if c.action is not ActionKind.IMPOSE or c.rank[0] == 0]
        for listing, lst in told:  # its numbers name what the report's one action on that list naming none is about
            bare = [c for c, other in clauses if other is lst and not c.keys]  # (audit36/09: "…以商务部公告2026年第23号将其列入…")
            if bare and len({c.action for c in bare}) == 1:  # one action (its headline and body clauses alike)
                for c in bare:
                    c.keys.extend(listing.keys)
    counts: dict[tuple[ActionKind, ListKind], int | None] = {}  # one action per list, in rank order
    numbers: dict[tuple[ActionKind, ListKind], list[str]] = {}
    for clause, lst in sorted(clauses, key=lambda pair: pair[0].rank):
        group = (clause.action, lst)
        if counts.get(group) is None:
            counts[group] = clause.count
        named = numbers.setdefault(group, [])
        named.extend(k for k in clause.keys if k not in named)
    actions = tuple(NewsAction(action, lst, counts[action, lst], tuple(numbers[action, lst])) for action, lst in counts)
    day = published or _parse_date(text)
    if not actions:  # a list named, no action read: a report all the same, if the page names one list only
        lists = _lists(whole)
        if not lists:
            return None
        only = lists[0] if len(lists) == 1 else None
        return NewsFacts(title=title, published=day, list=only, action=None,
                         count=_count(whole) if only else None, keys=())
    main = actions[0]
    keys = tuple(dict.fromkeys(k for a in actions for k in a.keys))
    return NewsFacts(title=title, published=day, list=main.list, action=main.action, count=main.count,
                     keys=keys, actions=actions)


def _read_page(text: str, encoding: str) -> tuple[str, str | None, date | None, str, bool]:
    """The page's body text, title, day and encoding, and whether it is HTML."""
    if "<" not in text[:2000]:
        return text, None, None, encoding, False
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
    return body, title, published, encoding, True


def _targets(action: NewsAction, published: date | None) -> tuple[NoticeRef, ...]:
    """The notices an action names by number, else the ones it names by count (dated by the page)."""
    if action.keys:
        return tuple(NoticeRef(text=key, key=key) for key in action.keys)
    if action.count is not None:
        return (NoticeRef(text=f"{action.count} entities", date=published, list=action.list, count=action.count),)
    return ()


def news_document(text: str, title: str | None, published: date | None, url: str | None,
                  encoding: str) -> ParsedDocument:
    """The news record of a page's text (``title``, ``published``: what the page says of itself, if anything)."""
    facts = news_facts(text, title, published)
    if facts is None:
        return ParsedDocument(kind=DocumentKind.OTHER, encoding=encoding, title=title,
                              warnings=("no MOFCOM list action reported",))
    digest = hashlib.sha256((url or text).encode("utf-8")).hexdigest()[:8]
    actions = tuple(ActionRecord(action=a.action, list=a.list, targets=_targets(a, facts.published))
                    for i, a in enumerate(facts.actions) if i == 0 or a.keys or a.count is not None)
    # The main action's targets only: the pipeline links the report to the first numbered reference,
    # and a number another action names (UEL 〔2025〕7号 in a report of an ECL lift) is not its notice.
    refs = actions[0].targets if actions else ()
    if not refs and facts.count is not None:  # a list named, no action read
        refs = (NoticeRef(text=f"{facts.count} entities", date=facts.published, list=facts.list, count=facts.count),)
    record = NoticeRecord(
        key=f"NEWS-{digest}", kind=NoticeKind.NEWS, number=None, issuer=None, title=facts.title,
        published=facts.published, list=facts.list, actions=actions, stated_count=facts.count,
        references=refs, url=url, text=text[:4000],
    )
    return ParsedDocument(kind=DocumentKind.NOTICE, encoding=encoding, notice=record, title=facts.title)


def parse_news_document(raw: bytes | str, url: str | None = None, content_type: str | None = None) -> ParsedDocument:
    """The ``parse`` function the pipeline uses for news pages (same signature as ``parse_document``). A page that
    is no article (a bot check, a 404 or maintenance page, a disclaimer, a page cut short) raises ``UnusablePage``, as
    a notice page does (health39 L34, L40, L41: stored as a page reporting nothing, exit 0, and never read again: the
    report it should have been was missed for good)."""
    if isinstance(raw, bytes):
        check_raw(raw)
    decoded, encoding = decode(raw, content_type) if isinstance(raw, bytes) else (raw, "utf-8")
    check_decoded(decoded)
    text, title, published, encoding, html = _read_page(decoded, encoding)
    if html:
        check_whole(decoded)
    document = news_document(text, title, published, url, encoding)
    if document.notice is None:  # a page reporting something is an article whatever its size
        check_content(text, decoded, html=html)
    return document
