"""What the notice rules read and what they fill in.

``Source`` holds the views of one text, each computed once (clean, folded, lines, head
lines, the page's title): no rule folds or splits the text again. The views only some texts
need (lines, head lines, the title folded) are computed when first read. ``Draft`` holds
the fields the rules of ``scraper.parse.rules`` fill in, in table order; each rule
reads the fields filled before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from storage.frozen import quick_init
from storage.records import ActionRecord, EntityRecord, ListKind, NoticeKind, NoticeRef

from .actions import ActionDraft
from .dates import Stamp
from .number import OwnNumber, filing_number, find_own_number
from .qa import clean_title
from .textnorm import clean, clean_and_fold, fold

BODY_LINE_MIN = 50  # a line this long with a comma or full stop is body text, not heading
HEAD_MAX = 15
# A page that gives a notice in full after a lead of its own (a press reprint, a MOFCOM news page:
# "中评社北京4月9日电／据商务部网站消息，…公告全文如下：", "…以下为公告全文：", then "商务部公告2025年第22号 …"):
# the lead ends its line with this (folded: the colon is ASCII). Not "公告如下": a notice's own "现将有关
# 事项公告如下：" opens its clauses, which may name other notices first.
REPRINT_LEAD_RE = re.compile(r"全文(?:如下|)[ \t]*:?[ \t]*$", re.MULTILINE)
REPRINT_MARK = "全文"  # in every REPRINT_LEAD_RE match: most texts have none
# A lead (headline, byline, date, a paragraph) ends within these characters: one bounded scan for the
# mark costs about 4 instructions a character, on every text.
REPRINT_LEAD_SPAN = 1000


T = TypeVar("T")


class view(Generic[T]):  # noqa: N801 - used as a decorator, like cached_property
    """A view computed when first read and kept in the instance's ``__dict__``: what
    ``functools.cached_property`` does, without the lock it takes on every first read under
    CPython 3.11 (about three times the cost)."""

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__

    def __get__(self, obj: Any, owner: Any = None) -> T:
        value = obj.__dict__[self.name] = self.compute(obj)
        return value


@quick_init
@dataclass(frozen=True)
class PageHints:
    """What the page around the text says (meta tags), if any."""

    title: str | None = None
    pub: Stamp | None = None
    url: str | None = None


@quick_init
@dataclass(frozen=True)
class Source:
    """One text in the views the rules share. The cached views are cut when first read: a notice
    whose 【发布文号】 gives its number never reads its head lines (nor, with a 【发文日期】, a
    page title and no annex or listing, its lines)."""

    text: str  # clean text (invisible characters out, simplified script)
    folded: str  # ``fold(text)``: same length, so spans found in it slice ``text``
    title_hint: str | None  # the page's title, site name cut off
    filing_no: str | None  # the 【发布文号】 value, as written
    hints: PageHints

    @view
    def lines(self) -> list[str]:
        return self.text.split("\n")

    @view
    def folded_lines(self) -> list[str]:
        """``folded`` cut into lines (for the MFA parser)."""
        return self.folded.split("\n")

    @view
    def headings(self) -> tuple[list[str], list[str]]:
        """The heading lines before the body (stripped), and each folded: the non-blank lines
        before the first body line (at most HEAD_MAX)."""
        # fold keeps every character's place and folds no letter into a space or a line end, so
        # a line's folded form is the same stretch of ``folded`` (``at`` is where the line starts),
        # and the folded head lines are those stretches, stripped.
        folded = self.folded
        head: list[str] = []
        folded_head: list[str] = []
        at = 0
        for line in self.lines:
            s = line.strip()
            if s:
                if len(s) >= BODY_LINE_MIN and ("，" in s or "。" in s or "," in s):
                    break
                head.append(s)
                folded_head.append(folded[at : at + len(line)].strip())
                if len(head) >= HEAD_MAX:
                    break
            at += len(line) + 1
        return head, folded_head

    @property
    def head(self) -> list[str]:
        return self.headings[0]

    @property
    def folded_head(self) -> list[str]:
        return self.headings[1]

    @view
    def folded_title_hint(self) -> str | None:
        """``fold(title_hint)``."""
        return fold(self.title_hint) if self.title_hint else None


@quick_init
@dataclass(frozen=True)
class Identity:
    """Who the notice is: its key, kind, number as written, issuer and title."""

    key: str
    kind: NoticeKind
    number: str | None
    issuer: str | None
    title: str | None


@quick_init
@dataclass(frozen=True)
class Decision:
    """Where the operative decision is: the acting sentence's start and the 决定 sentence."""

    anchor: int
    span: tuple[int, int] | None


Ref = tuple[int, int, NoticeRef]  # (start, end, ref) in the folded text


@dataclass(slots=True)
class Draft:
    """The fields of a notice as the rules fill them in (see ``rules.RULES``)."""

    numbered: OwnNumber | None = None  # an own number found by the strict search
    qa: bool = False
    own: OwnNumber | None = None
    dateline: tuple[Stamp | None, str | None] = (None, None)  # a Q&A's "来源：… 2025-05-14 22:00"
    published: date | None = None
    published_at: datetime | None = None
    identity: Identity = Identity("", NoticeKind.OTHER, None, None, None)
    folded_title: str = ""
    annex_line: int | None = None
    articles: int | None = None  # where the first article line ("第八条　…") starts: a rule's text
    spans: list[tuple[int, int]] = field(default_factory=list)
    operative: str = ""
    context_list: ListKind | None = None
    stated_effective: str | None = None  # as the text states it (None: not stated)
    effective: str | None = None
    refs: list[Ref] = field(default_factory=list)
    drafts: list[ActionDraft] = field(default_factory=list)
    notice_list: ListKind | None = None
    decision: Decision = Decision(0, None)
    count: tuple[int | None, str | None] = (None, None)  # (stated count, country)
    entities: list[EntityRecord] = field(default_factory=list)
    actions: list[ActionRecord] = field(default_factory=list)
    references: tuple[NoticeRef, ...] = ()


def reprint_start(text: str, folded: str) -> int:
    """Where the notice a page gives in full starts (0: the page is no such reprint): the line after a
    lead line ending "…全文如下：" or "…以下为公告全文：" (REPRINT_LEAD_RE) among the first HEAD_MAX lines
    with text, when the lines after it open with a number of the notice's own (as a notice's head does) and the lines
    before it open with none or the same one (a headline "不可靠实体清单工作机制公告〔2025〕2号：…"). The
    lead stands where the notice's head would be, and may tell its decision in words of its own
    ("决定将参与对台湾地区军售的7家美国企业列入不可靠实体清单。全文如下："): the notice is read alone."""
    for m in REPRINT_LEAD_RE.finditer(folded):
        at, end = folded.rfind("\n", 0, m.start()) + 1, m.end()
        if m.start() >= REPRINT_LEAD_SPAN or end >= len(folded) \
                or len([line for line in folded[:at].split("\n") if line.strip()]) >= HEAD_MAX:
            return 0  # nothing after the lead, or no lead: the lines before it are more than a head's
        start = end + 1
        notice = Source(text=text[start:], folded=folded[start:], title_hint=None, filing_no=None, hints=PageHints())
        own = find_own_number(*notice.headings, notice.text, strict=True)
        if own is None:
            continue
        lead = Source(text=text[:at], folded=folded[:at], title_hint=None, filing_no=None, hints=PageHints())
        before = find_own_number(*lead.headings, lead.text, strict=True)
        return start if before is None or before.key == own.key else 0
    return 0


def read_source(text: str, hints: PageHints) -> Source:
    """Clean and fold ``text`` once; the other views are cut from these when first read. A page
    giving a notice in full after a lead of its own is read from the notice on (``reprint_start``)."""
    text, folded = clean_and_fold(text)
    if folded.find(REPRINT_MARK, 0, REPRINT_LEAD_SPAN) >= 0:
        start = reprint_start(text, folded)
        if start:
            text, folded = text[start:], folded[start:]
    title = clean_title(clean(hints.title)) if hints.title else None
    return Source(text=text, folded=folded, title_hint=title, filing_no=filing_number(folded, text), hints=hints)
