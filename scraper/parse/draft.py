"""What the notice rules read and what they fill in.

``Source`` holds the views of one text, computed once (clean, folded, lines, head
lines, the page's title): no rule folds or splits the text again. ``Draft`` holds
the fields the rules of ``scraper.parse.rules`` fill in, in table order; each rule
reads the fields filled before it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property

from storage.frozen import quick_init
from storage.records import ActionRecord, EntityRecord, ListKind, NoticeKind, NoticeRef

from .actions import ActionDraft
from .dates import Stamp
from .number import OwnNumber, filing_number
from .qa import clean_title
from .textnorm import clean, clean_and_fold, fold

BODY_LINE_MIN = 50  # a line this long with a comma or full stop is body text, not heading
HEAD_MAX = 15


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
    """One text in the views the rules share."""

    text: str  # clean text (invisible characters out, simplified script)
    folded: str  # ``fold(text)``: same length, so spans found in it slice ``text``
    lines: list[str]
    head: list[str]  # the heading lines before the body (stripped)
    folded_head: list[str]
    title_hint: str | None  # the page's title, site name cut off
    folded_title_hint: str | None  # ``fold(title_hint)``
    filing_no: str | None  # the 【发布文号】 value, as written
    hints: PageHints

    @cached_property
    def folded_lines(self) -> list[str]:
        """``folded`` cut into lines: no rule reads them now, so they are cut when first asked for."""
        return self.folded.split("\n")


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


def read_source(text: str, hints: PageHints) -> Source:
    """Clean and fold ``text`` once and cut it into the views the rules read."""
    text, folded = clean_and_fold(text)
    lines = text.split("\n")
    # The heading lines: the non-blank lines before the first body line (at most HEAD_MAX).
    # fold keeps every character's place and folds no letter into a space or a line end, so
    # a line's folded form is the same stretch of ``folded`` (``at`` is where the line starts),
    # and the folded head lines are those stretches, stripped.
    head: list[str] = []
    folded_head: list[str] = []
    at = 0
    for line in lines:
        s = line.strip()
        if s:
            if len(s) >= BODY_LINE_MIN and ("，" in s or "。" in s or "," in s):
                break
            head.append(s)
            folded_head.append(folded[at : at + len(line)].strip())
            if len(head) >= HEAD_MAX:
                break
        at += len(line) + 1
    title = clean_title(clean(hints.title)) if hints.title else None
    return Source(
        text=text, folded=folded, lines=lines, head=head, folded_head=folded_head,
        title_hint=title, folded_title_hint=fold(title) if title else None, filing_no=filing_number(folded, text),
        hints=hints,
    )
