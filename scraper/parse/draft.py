"""What the notice rules read and what they fill in.

``Source`` holds the views of one text, each computed once (clean, folded, lines, head
lines, the page's title): no rule folds or splits the text again. The views only some texts
need (lines, head lines, the title folded) are computed when first read. ``Draft`` holds
the fields the rules of ``scraper.parse.rules`` fill in, in table order; each rule
reads the fields filled before it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from storage.frozen import quick_init
from storage.records import ActionRecord, EntityRecord, ListKind, NoticeKind, NoticeRef

from .actions import ActionDraft
from .dates import Stamp, filing_date, signature_date
from .lazyre import lazy_compile
from .number import OwnNumber, filing_number, find_own_number
from .qa import QUESTION_RE, clean_title
from .renames import NONE as NO_RENAMES
from .renames import Renames
from .textnorm import clean, clean_and_fold, close_inner_blanks, fold

BODY_LINE_MIN = 50  # a line this long with a comma or full stop is body text, not heading
HEAD_MAX = 15
# A comma of prose: one not inside an English name ("Vanguard Tactical Systems, Inc.": a company's suffix after it), or a
# full stop written "." after a Chinese character. A title naming an English company holds neither, and is still a
# heading (session 23, parse23: such a title was read as body, and the notice's number in it not found).
PROSE_COMMA_RE = lazy_compile(r"(?<![A-Za-z.]),|,(?!\s*(?:Inc|LLC|L\.L\.C|Ltd|Limited|Co\b|Corp|L\.?P\b|PLC|S\.A|GmbH|AG\b|KK\b|N\.V|B\.V|Pty))"
                            r"|[\u4e00-\u9fff]\.")
CJK_CHAR_RE = lazy_compile(r"[\u4e00-\u9fff]")


def prose_commas(s: str) -> bool:
    """Whether the commas of the long line ``s`` (with no "，" or "。") make it body text: one of them is a comma of prose
    (PROSE_COMMA_RE), or the line is English (its commas are all prose)."""
    return PROSE_COMMA_RE.search(s) is not None or CJK_CHAR_RE.search(s) is None


# A page that gives a notice or a Q&A in full after a lead of its own (a press reprint, a MOFCOM news
# page): a line of the lead promises the whole text that follows, in the words the papers use ("…公告全文
# 如下：", "原文如下：", "以下为公告原文：", "公告内容如下：", "附：商务部公告全文", traditional script made
# simplified first by ``clean``; folded: the colon is ASCII). Not "公告如下": a notice's own "现将有关事项
# 公告如下：" opens its clauses, which may name other notices first; nor "全文公布如下" (a notice giving a text
# of its own).
REPRINT_LEAD_RE = lazy_compile(
    r"(?:(?:全文|原文)(?:转载|转发|刊登|刊发|照登|)(?:如下|见下|)|(?:内容|详情|正文)(?:如下|见下)"
    r"|以下(?:为|是)[^\n,。]{0,20}?(?:全文|原文|内容)|(?:转载|转发|刊发|照登)如下)[ \t]*[:。]?[ \t]*$")
# Every REPRINT_LEAD_RE match ends its words with one of these marks, after one of its characters (全文, 原文,
# 如下, 见下, 内容): each mark is found with one ``str.find`` (a single character: memchr speed) on the whole
# text, so a lead of any length is found; an occurrence after another character is passed at once.
# "下" also asks the character two before it, so a notice's own "…公告如下：" is passed at once as well.
REPRINT_MARKS = (("文", "全原", ""), ("下", "如见", "文容情载发登"), ("容", "内", ""))
LEAD_TAIL = " \t:。"  # what may follow the promise on its line
# ("本报全文刊发如下。": a paper's editor's note, session 28, audit28/18: the notice read as an unnumbered text)

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
    filing_no: str | None = None  # the number in the page's info table (``article._info_table_no``), as written
    source: str | None = None  # the page's ContentSource meta (``Article.source``): its source line may stand outside the text


def first_line(text: str) -> str:
    """The text's first line that is not blank, without the split of the whole text that ``Source.lines`` makes."""
    start, size = 0, len(text)
    while start < size and text[start].isspace():  # (not ``lstrip``: a copy of the whole text)
        start += 1
    end = text.find("\n", start)
    return text[start : end if end >= 0 else len(text)]


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
    lead: str = ""  # a reprint's lead, cut off before ``text`` (``read_source``): what the paper says of it

    @view
    def lines(self) -> list[str]:
        return self.text.split("\n")

    @view
    def filed(self) -> date | None:
        """``dates.filing_date(folded)``: the day of a 【发文日期】 line, which the publication day, the days a text states of
        itself and a check read (perf55, session 53: asked once, not by each)."""
        return filing_date(self.folded)

    @view
    def signed(self) -> date | None:
        """``dates.signature_date(lines)``: the day of the first line that is a date alone (asked once, as ``filed``)."""
        return signature_date(self.lines)

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
                if len(s) >= BODY_LINE_MIN and ("，" in s or "。" in s or ("," in s and prose_commas(s))):
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
    # (stated count, country, the title's or decision's count as (organizations, persons): rules.named.stated_count)
    count: tuple[int | None, str | None, tuple[int, int] | None] = (None, None, None)
    entities: list[EntityRecord] = field(default_factory=list)
    actions: list[ActionRecord] = field(default_factory=list)
    references: tuple[NoticeRef, ...] = ()
    renames: Renames = NO_RENAMES  # listed entities renamed ("所列A（a）已更名为B（b）": scraper/parse/renames.py)
    # steps an answer recounts as taken before by a notice, never applied (rules/recaps.py; NoticeRecord.recounted)
    recaps: list[ActionRecord] = field(default_factory=list)
    # the days it states of itself before its publication (its signature, its decision: rules.identify.stated_days)
    stated_days: tuple[date, ...] = ()


def _promises(folded: str) -> list[tuple[int, int]]:
    """(start, end) of every line that ends promising the full text after it (REPRINT_LEAD_RE), in text order."""
    found: list[tuple[int, int]] = []
    find, size = folded.find, len(folded)
    for mark, before, second in REPRINT_MARKS:
        pos = find(mark, 1)
        while pos >= 0:
            if folded[pos - 1] in before and (not second or (pos >= 2 and folded[pos - 2] in second)):
                end = find("\n", pos)
                end = size if end < 0 else end
                if not folded[pos + 1 : end].strip(LEAD_TAIL):
                    start = folded.rfind("\n", 0, pos) + 1
                    if REPRINT_LEAD_RE.search(folded, start, end):
                        found.append((start, end))
            pos = find(mark, pos + 1)
    return sorted(found) if len(found) > 1 else found


def _opens_qa(src: Source) -> bool:
    """Whether a text opens as a spokesperson Q&A does: its source line "来源：商务部新闻办公室 …", its title
    "…答记者问", or its first question, among its first lines."""
    for line in src.folded_head[:3]:
        if line.startswith("来源") and "商务部" in line:
            return True
        if "答记者问" in line and "。" not in line:
            return True
        if QUESTION_RE.match(line):
            return True
    return False


def reprint_start(text: str, folded: str) -> int:
    """Where the notice or Q&A a page gives in full starts (0: the page is no such reprint): the line after
    a lead line promising the full text (REPRINT_LEAD_RE), anywhere in the text (a paper's lead may run to
    many paragraphs), when the lines after it open with a number of the notice's own (as a notice's head
    does) and the lines before it open with none or the same one (a headline "不可靠实体清单工作机制公告〔2025〕
    2号：…"), or the lines after it open a Q&A and those before it open with no number. The lead stands where
    the notice's head would be, and may tell its decision in words of its own ("决定将参与对台湾地区军售的7家
    美国企业列入不可靠实体清单。全文如下："): the notice is read alone."""
    for at, end in _promises(folded):
        if end >= len(folded):
            return 0  # nothing after the lead
        start = end + 1
        notice = Source(text=text[start:], folded=folded[start:], title_hint=None, filing_no=None, hints=PageHints())
        own = find_own_number(*notice.headings, notice.text, strict=True)
        if own is None and not _opens_qa(notice):
            continue
        lead = Source(text=text[:at], folded=folded[:at], title_hint=None, filing_no=None, hints=PageHints())
        before = find_own_number(*lead.headings, lead.text, strict=True)
        if own is None:
            return start if before is None and not QUESTION_RE.search(folded, 0, at) else 0
        return start if before is None or before.key == own.key else 0
    return 0


# "问：…？答：…" on one line: the answer is a sentence of its own (session 48, qa47/02: the question read as the start of the
# answer's first sentence, so its step held as "a clause saying more than who takes it"). In the folded view alone (the
# parse's; the text quoted keeps the "？"), the question's mark is read as a sentence's end ("。"), same length.
ASKED_BEFORE_ANSWER_RE = lazy_compile(r"[?!](?=[^\S\n]*答[^\S\n]*:)")


def _answer_own_sentence(folded: str) -> str:
    if ASKED_BEFORE_ANSWER_RE.search(folded) is None:
        return folded
    return ASKED_BEFORE_ANSWER_RE.sub("。", folded)


def read_source(text: str, hints: PageHints) -> Source:
    """Clean and fold ``text`` once; the other views are cut from these when first read. A page
    giving a notice or Q&A in full after a lead of its own is read from the notice on (``reprint_start``);
    the lead is kept beside it (a reprinted Q&A's date may be stated there alone)."""
    text, folded = close_inner_blanks(*clean_and_fold(text))
    if "答:" in folded and "问" in folded:
        folded = _answer_own_sentence(folded)
    lead = ""
    start = reprint_start(text, folded)
    if start:
        lead, text, folded = text[:start], text[start:], folded[start:]
    title = clean_title(clean(hints.title)) if hints.title else None
    return Source(text=text, folded=folded, title_hint=title, filing_no=filing_number(folded, text), hints=hints,
                  lead=lead)
