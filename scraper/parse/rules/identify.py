"""Which notice a text is: its own number, whether it is a Q&A, its dateline, publication day and time, title and key."""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime, timedelta

from storage.records import NoticeKind

from ..dates import (
    DATE_RE,
    ISO_DT_RE,
    Stamp,
    make_date,
)
from ..draft import Draft, Identity, Source
from ..lazyre import lazy_compile
from ..number import UEL_NAME, OwnNumber, find_own_number, number_in_heading
from ..qa import (
    QUESTION_RE,
    SOURCE_LINE_RE,
    is_qa,
    qa_key,
    qa_title,
    reported_lead,
    reported_source,
    source_stamp,
)
from ..textnorm import MD, YEAR, fold, nfkc

QA_ISSUER = "商务部新闻办公室"
QA_TITLE_WORDS = ("答记者问", "新闻发言人", "新闻发布会")
FILING_LINE_PREFIX = "【"
TITLE_JOIN_MAX = 80
# The day a Q&A states for itself where a paper prints it (folded text; traditional script made simplified):
# its heading "…答记者问（2025年11月5日）"; the paper's words "商务部新闻发言人11月5日就…答记者问", "商务部12日晚间
# 宣布", "商务部周三 (5 日) 晚间宣布"; a news dateline "新华社北京11月5日电", "（中央社台北12日电）". Read in the
# lead and the Q&A's head before its first question, never in an answer (which tells earlier days).
QA_HEADING_DATE_RE = lazy_compile(
    r"(?:答记者问|新闻发布会|吹风会)[ \t]*\(?[ \t]*(?P<y>\d{4})[ \t]*年[ \t]*(?P<m>\d{1,2})[ \t]*月[ \t]*(?P<d>\d{1,2})[ \t]*日")
STATED_DAY_RE = lazy_compile(
    r"(?:新闻发言人|商务部|工作机制)[^\n,。:;\d]{0,12}?(?:\([ \t]*|)(?:(?P<y>\d{4})[ \t]*年[ \t]*|)(?:(?P<m>\d{1,2})[ \t]*月[ \t]*|)"
    r"(?P<d>\d{1,2})[ \t]*日[ \t]*\)?[ \t]*(?:晚间|晚上|晚|上午|下午|当天|)[ \t]*(?:表示|宣布|发布|就|答记者问|称|指出|回应|说)"
    r"|(?:\d{1,2}[ \t]*月[ \t]*|)(?P<ed>\d{1,2})[ \t]*日[ \t]*电")
# A spokesperson Q&A's title as a paper heads it, the day after it ("…答记者问（2025年11月5日）"): the title is
# MOFCOM's without it (the key hashes the title).
QA_TITLE_DAY_RE = lazy_compile(r"(?<=答记者问)[ \t]*[(（][ \t]*\d{4}[ \t]*年[ \t]*\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*日[ \t]*[)）][ \t]*$")
QA_HEAD_MAX = 2000
# A People's Daily print copy's trailer, "《 人民日报 》（ 2028年04月29日 03 版）" or "( … 版)" (domain.md d; folded: ASCII
# brackets): the day the paper printed it. A reprinted Q&A with no date of its own reads its day "本报北京4月28日电" against it,
# else takes it (blind57's B1, session 58: keyed QA-undated-…, so two reprints of one title shared a key). Gated by its word.
PAPER_TRAILER_WORD = "人民日报"
PAPER_TRAILER_RE = lazy_compile(r"《[ \t]*人民日报(?:海外版)?[ \t]*》[ \t]*\([ \t]*(?P<y>\d{4})[ \t]*年[ \t]*(?P<m>\d{1,2})[ \t]*月"
                                r"[ \t]*(?P<d>\d{1,2})[ \t]*日[ \t]*(?:第[ \t]*)?(?:\d{1,2}[ \t]*)?版[ \t]*\)")
# A 【发布文号】 value whose number lacks its 号 ("…公告〔2026〕16", "商务部公告2026年第16"): the field holds a number and
# nothing else, so the 号 is read as written off (session 32, audit32/09: keyed DOC-…, "no notice number found").
FILING_NO_WITHOUT_HAO_RE = lazy_compile(r"(?:[〕\]】)]\s*(?:第\s*)?|年\s*第\s*)\d{1,4}\s*$")
YEAR_TYPO_DAYS = 7  # a page put up this long after its signature (``year_typo``)
# The days a notice states of itself before the day it was published (``stated_days``): its 【发文日期】 line, its
# signature, the day its own step was decided ("商务部于2026年11月30日决定，自2026年12月3日起停止实施…"). At most this long
# before: a signature a year off is a typo (``publication_day``), not a day the notice was decided.
STATED_REACH = timedelta(days=31)
# The day an own step's sentence says it was decided ("于2026年11月30日决定", "2026年11月30日，商务部决定"); gated by 决定.
DECIDED_WORD = "决定"
DECIDED_DAY_RE = lazy_compile(rf"(?P<y>{YEAR})\s*年\s*(?P<m>{MD})\s*月\s*(?P<d>{MD})\s*日\s*[，,]?\s*(?:商务部\s*)?决定")
YEAR_WIDTH = 4  # YEAR's characters, all four: a match opens that many before its 年 and the blanks before it


def decided_days(text: str) -> list[re.Match[str]]:
    """``list(DECIDED_DAY_RE.finditer(text))``, each match tried only where it can open: YEAR_WIDTH characters before the
    blanks before a 年 (a year is four characters, none a blank). The pattern opens with YEAR, two alternatives neither
    opening with a literal: sre had no first characters and tried a match at every character of the step's sentence
    (perf55, session 53: ~1.8 us a page, on every text with a step decided)."""
    out: list[re.Match[str]] = []
    pos = 0
    at = text.find("年")
    while at >= 0:
        start = at
        while start > 0 and text[start - 1].isspace():
            start -= 1
        start -= YEAR_WIDTH
        if start >= pos and (m := DECIDED_DAY_RE.match(text, start)) is not None:
            out.append(m)
            pos = m.end()
        at = text.find("年", max(at + 1, pos))
    return out


def numbered(src: Source, d: Draft) -> OwnNumber | None:
    """A number of the text's own: 【发布文号】 or a title / head line opening with one."""
    if src.filing_no:  # asked alone first: when it gives the number, no head line is cut
        own = find_own_number([], [], src.text, filing_no=src.filing_no, strict=True)
        if own:
            return own
        if FILING_NO_WITHOUT_HAO_RE.search(src.filing_no):  # "【发布文号】不可靠实体清单工作机制公告〔2026〕16"
            own = find_own_number([], [], src.text, filing_no=src.filing_no.rstrip() + "号", strict=True)
            if own:
                return own
    head, folded_head = src.headings
    own = find_own_number(head, folded_head, src.text, src.title_hint, strict=True, folded_title=src.folded_title_hint)
    if own is None and src.hints.filing_no:  # only the page's info table gives it (``article._info_table_no``)
        filed = src.hints.filing_no
        if filed.startswith("〔") and UEL_NAME in src.text:  # "〔2027〕6号" on a text the UEL working mechanism signs
            filed = f"{UEL_NAME}公告{filed}"
        own = find_own_number([], [], src.text, filing_no=filed, strict=True)
        if own is not None and own.number in src.text:  # a number the text names is another notice's, never its own
            return None
    if own is None:
        own = _published_in_full(src)
    return own


# A news page's lead telling the notice it gives in full by its number, the text after it without its own header line
# ("商务部新闻办公室2月14日发布消息，商务部当日发布2027年第16号公告，全文如下：", the notice's "商务部公告2027年第16号" cut by the
# news section): session 46, blind46's probe of case 16: keyed DOC-…, "no notice number found" a warning only, health
# green, the same listing under a second key. Read only in the text's first lines, where the text has no number of its own.
PUBLISHED_LEAD_MAX = 300
PUBLISHED_IN_FULL_RE = lazy_compile(
    r"(?P<who>商务部|不可靠实体清单工作机制)[^\n,。]{0,12}?发布(?:了)?\s*(?:(?P<y>\d{4})\s*年\s*第\s*(?P<n>\d{1,4})|"
    r"〔\s*(?P<uy>\d{4})\s*〕\s*(?P<un>\d{1,4}))\s*号\s*公告[^\n。]{0,20}?(?:全文|原文)")


def _published_in_full(src: Source) -> OwnNumber | None:
    head = src.lead + src.folded[:PUBLISHED_LEAD_MAX]
    if "号公告" not in head or "发布" not in head:
        return None
    m = PUBLISHED_IN_FULL_RE.search(head)
    if m is None:
        return None
    if m.group("y"):
        filed = f"商务部公告{m.group('y')}年第{m.group('n')}号" if m.group("who") == "商务部" else None
    else:
        filed = f"{UEL_NAME}公告〔{m.group('uy')}〕{m.group('un')}号" if m.group("who") == UEL_NAME else None
    return find_own_number([], [], src.text, filing_no=filed, strict=True) if filed else None


def is_answer(src: Source, d: Draft) -> bool:
    """A Q&A has no number of its own: a text with one is a notice even when it mentions or
    links a Q&A, unless its title says it is a Q&A."""
    title = src.title_hint
    if title:
        for word in QA_TITLE_WORDS:
            if word in title:
                return True
    # Without those words in the title, ``is_qa`` needs a 答 (答记者问, 答：) or a reporter (记者：) in the text.
    if d.numbered is None and (not title and _spokesperson_text(src.lines, src.folded) or _reported_answer(src, title)):
        return True
    return d.numbered is None and ("答" in src.folded or "记者" in src.folded) and is_qa(title, src.folded)


SPOKESPERSON_HEAD = 400  # a plain text's own title and MOFCOM's source line under it
SPOKESPERSON_TITLE = 60  # a title's length at most ("商务部新闻发言人就中美经贸磋商后续安排发表谈话": 23)


def _spokesperson_text(lines: list[str], folded: str) -> bool:
    """A plain text (no page title) whose first line is a spokesperson's title ("商务部新闻发言人就…发表谈话") over MOFCOM's
    own source line ("来源：商务部新闻办公室 … 2026-11-08 20:00"): the statement's copy, a Q&A as its HTML page is (the page's
    title holds 新闻发言人). Without a 答 or a reporter it was no Q&A: one read under an undated key and ignored, one read
    as no notice (session 38, qa38/13 and 30)."""
    first = next((line.strip() for line in lines[:3] if line.strip()), "")
    if "新闻发言人" not in first or len(first) > SPOKESPERSON_TITLE or "来源" in first:
        return False  # a line as long as a paragraph is no title (a text whose line breaks were lost)
    m = SOURCE_LINE_RE.search(folded, 0, SPOKESPERSON_HEAD)
    return m is not None and own_source(m.group("src")) and folded.rfind("\n", 0, m.start()) >= 0


# MOFCOM's own news item telling the spokesperson's words in the third person, with no 答 and no reporter ("商务部：继续暂停实施…
# 措施 / 来源：商务部网站 2026-12-17 18:00 / 商务部新闻发言人何亚东12月17日在例行新闻发布会上表示，…中方决定，自12月18日起，继续
# 暂停实施…第21号相关措施1年"): the answer told again, read as one (session 53, open53; qa53/25 was "no notice found", the
# step missed, silently). A statement ("…发表谈话") or a text dated by a 【发文日期】 line is no such news item (qa53's wider
# gate, on 新闻发言人 alone, lost such a statement's date). ``qa.reported_start``: where its answer starts.


def _reported_answer(src: Source, title: str | None = None) -> bool:
    """A text (a plain one, or a page titled ``title``) that is MOFCOM's own news item reporting the spokesperson's words
    (REPORTED_RE): its source line in the text, or, where the text has none before the words, the page's ContentSource
    meta (``PageHints.source``: a www page whose "来源：商务部网站 …" line stands outside the article's container was "other",
    the step missed, silently: session 53, open53/16; session 54, par54)."""
    if not src.lines or "谈话" in src.lines[0] or (title and "谈话" in title) or "发文日期" in src.folded:
        return False
    m = reported_source(src.folded)
    if m is not None:
        return own_source(m.group("src"))
    return own_source(src.hints.source) and reported_lead(src.folded) is not None


def own_number(src: Source, d: Draft) -> OwnNumber | None:
    """The notice's own number; also one written anywhere in the title or head lines."""
    if d.qa:
        return None
    # The strict search found nothing, so only its last step is left to try.
    if d.numbered:
        return d.numbered
    head, folded_head = src.headings
    return number_in_heading(head, folded_head, src.text, src.title_hint, src.folded_title_hint)


def dateline(src: Source, d: Draft) -> tuple[Stamp | None, str | None]:
    """A Q&A's source line "来源：商务部新闻办公室 … 2025-05-14 22:00": (stamp, source). A reprint may carry the
    paper's own source line too ("【来源：香港文汇报】 2025-08-13", the day it printed the Q&A): MOFCOM's line
    comes first wherever it stands."""
    if not d.qa:
        return (None, None)
    folded = src.folded
    for m in SOURCE_LINE_RE.finditer(folded, 0, 2000):
        if own_source(m.group("src")):
            return source_stamp(folded[m.start() : m.end()])
    return source_stamp(folded)


def own_source(source: str | None) -> bool:
    """Whether a source line names MOFCOM (its news office, the working mechanism): the Q&A's own."""
    return source is not None and ("商务部" in source or "工作机制" in source)


def publication_day(src: Source, d: Draft) -> date | None:
    """A Q&A: its own dateline (MOFCOM's source line), else the day it states for itself (``stated_qa_day``:
    a paper prints it a day later under its own date), else the page's date, a source line of another, its
    signature. A notice: 【发文日期】, its signature, then the page's date."""
    stamp, pub = d.dateline[0], src.hints.pub
    if d.qa:
        if stamp and own_source(d.dateline[1]):
            return stamp.day
        best = stamp or pub
        stated = stated_qa_day(src, best.day if best else None)
        if stated:
            return stated
        if best:
            return best.day
        printed = paper_trailer_day(src.folded)
        if printed:
            return stated_qa_day(src, printed) or printed
        return src.signed or time_line_day(src.lines)
    day = src.filed or src.signed
    if day is not None and pub is not None and day.year < pub.day.year == number_year(d) and year_typo(day, pub.day):
        # "商务部公告2026年第153号" signed "2025年12月8日" on a page released 2026-12-08: the signature's year is a typo
        # (session 32, audit32/08: the listing read as in force a year before it was made; ``checks.dated_before_number``
        # says so). A notice of the new year signed on 12-31 of the old one stays as signed (audit30/11).
        return pub.day
    return day or (pub.day if pub else None)


def paper_trailer_day(folded: str) -> date | None:
    """The day of a People's Daily trailer (PAPER_TRAILER_RE) at the paper's last mention, None without one."""
    at = folded.rfind(PAPER_TRAILER_WORD)
    if at < 0:
        return None
    m = PAPER_TRAILER_RE.search(folded, max(0, folded.rfind("《", 0, at + 1)))
    return make_date(m.group("y"), m.group("m"), m.group("d")) if m else None


def stated_days(src: Source, d: Draft) -> tuple[date, ...]:
    """The days a text with steps of its own states of itself before its publication day, within ``STATED_REACH``: its
    【发文日期】 or signature where the other is its publication day, and the day its steps' sentences say they were decided.
    A recap telling that day of the notice ("商务部已于2026年11月30日决定，停止实施…第23号相关措施" of No. 90, published on
    2026-12-03 and signed on 11-30) tells this notice's step (``storage.lifecycle.recaps``; session 53, recap53: the
    engine read the days from the text, which the store does not keep: in ``replay`` and ``run`` such a recap was a false
    problem). Empty for nearly every text (omitted from its JSON): one signed and published the same day."""
    if not d.actions or d.published is None:
        return ()
    found = {src.filed, src.signed}
    for a in d.actions:
        if DECIDED_WORD in a.text:
            found.update(make_date(m.group("y"), m.group("m"), m.group("d")) for m in decided_days(a.text))
    earliest = d.published - STATED_REACH
    return tuple(sorted(day for day in found if day is not None and earliest <= day < d.published))


# A page's time line under its title, alone on its line: "2028-05-08 21:30" (the MFA site's, kept in a plain-text copy).
BARE_TIME_LINE_RE = lazy_compile(r"\s*(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*")
TIME_LINE_REACH = 3  # the lines it may stand on: the title's, and the one or two after it


def time_line_day(lines: list[str]) -> date | None:
    """The day of a time line among the first lines (BARE_TIME_LINE_RE): a plain-text answer of the MFA's, "外交部发言人就…答记者问"
    / "2028-05-08 21:30", which has no source line (session 38's open B, mfa38/07: keyed QA-undated, "no publication date")."""
    seen = 0
    for line in lines:
        if not line.strip():
            continue
        if line.lstrip()[:1].isdigit() and (m := BARE_TIME_LINE_RE.fullmatch(line)) is not None:
            return make_date(m.group("y"), m.group("m"), m.group("d"))
        seen += 1
        if seen >= TIME_LINE_REACH:
            return None
    return None


def year_typo(signed: date, page: date) -> bool:
    """Whether ``signed`` is ``page``'s day (or up to YEAR_TYPO_DAYS before it) with a year too early: the same month
    and day on the page's year."""
    same = make_date(page.year, signed.month, signed.day)
    return same is not None and 0 <= (page - same).days <= YEAR_TYPO_DAYS


def number_year(d: Draft) -> int | None:
    """The year a notice's own number states ("商务部公告2026年第153号", "〔2026〕14号": 2026), None without one."""
    if d.own is None:
        return None
    for part in d.own.key.split("-"):
        if len(part) == 4 and part.isdigit():
            return int(part)
    return None


def stated_qa_day(src: Source, reference: date | None) -> date | None:
    """The day a Q&A states for itself: a date in its heading, else a day the paper's lead or the Q&A's head
    (before its first question) says the spokesperson spoke or MOFCOM announced ("…11月5日表示", "12日宣布",
    "…5日电"), its month and year those of ``reference`` (the page's date, else the first full date of
    the head) or the month before when the day is later than that."""
    folded = src.folded
    question = QUESTION_RE.search(folded, 0, QA_HEAD_MAX)
    head = src.lead + folded[: question.start() if question else min(len(folded), QA_HEAD_MAX)]
    heading = QA_HEADING_DATE_RE.search(head) or (QA_HEADING_DATE_RE.search(src.title_hint) if src.title_hint else None)
    if heading:
        return make_date(heading.group("y"), heading.group("m"), heading.group("d"))
    m = STATED_DAY_RE.search(head)
    if m is None:
        return None
    if reference is None:
        full = ISO_DT_RE.search(head) or DATE_RE.search(head)
        reference = make_date(full.group("y"), full.group("m"), full.group("d")) if full else None
        if reference is None:
            return None
    day = int(m.group("d") or m.group("ed"))
    if m.group("y") and m.group("m"):
        return make_date(m.group("y"), m.group("m"), day)
    month, year = (int(m.group("m")), reference.year) if m.group("m") else (reference.month, reference.year)
    stated = make_date(year, month, day)
    if stated is not None and stated > reference:  # "30日" on a page of the 1st: the month before
        stated = make_date(year - 1, 12, day) if month == 1 else make_date(year, month - 1, day)
        if m.group("m") and stated is not None:  # a month named: the year before
            stated = make_date(year - 1, int(m.group("m")), day)
    return stated


def publication_time(src: Source, d: Draft) -> datetime | None:
    """The time of day, when the page (or a Q&A's dateline) gives one for that day."""
    pub = src.hints.pub
    if d.qa:
        best = d.dateline[0] or pub
        return best.as_datetime() if best and (best.day == d.published or d.published is None) else None
    return pub.as_datetime() if pub and pub.day == d.published else None


def identity(src: Source, d: Draft) -> Identity:
    """Key, kind, number, issuer and title: a Q&A's, a numbered notice's or an unnumbered text's."""
    if d.qa:
        return _qa_identity(src, d)
    if d.own:
        own = d.own
        title = src.title_hint or announcement_title(src.lines, own.number)
        return Identity(own.key, own.kind, own.number, own.issuer, title)
    title = src.title_hint or announcement_title(src.lines, None)
    return Identity(doc_key(d.published, title), NoticeKind.OTHER, None, None, title)


def _qa_identity(src: Source, d: Draft) -> Identity:
    hint, body_title = src.title_hint, qa_title(src.lines)
    strong_body = bool(body_title and "答记者问" in body_title)
    title = hint if hint and ("答记者问" in hint or not strong_body) else (body_title or hint)
    if title and "日" in title:
        title = QA_TITLE_DAY_RE.sub("", title)
    source = d.dateline[1]
    spokesperson = "新闻发言人" in (title or "") or source == QA_ISSUER
    # an MFA spokesperson's answer ("外交部发言人就…答记者问") is the MFA's, not MOFCOM's (session 39, mfa38/07: issuer 商务部)
    issuer = QA_ISSUER if spokesperson else (source or ("外交部" if title and title.startswith("外交部") else "商务部"))
    return Identity(qa_key(d.published, title), NoticeKind.QA, None, issuer, title)


def announcement_title(lines: list[str], number: str | None) -> str | None:
    """The first content line; "商务部公告2025年第21号" alone joins the line after it."""
    first = None
    for line in lines:
        s = line.strip()
        if not s or s.startswith(FILING_LINE_PREFIX):
            continue
        if first is not None:  # the second content line
            return f"{first} {s}" if len(s) < TITLE_JOIN_MAX and "。" not in s else first
        if not number or "".join(s.split()) != "".join(number.split()):
            return s
        first = s
    return first


def doc_key(published: date | None, title: str | None) -> str:
    """Key of an unnumbered text: its date and a hash of its title."""
    digest = hashlib.sha256("".join(nfkc(title or "").split()).encode()).hexdigest()
    return f"DOC-{published.isoformat() if published else 'undated'}-{digest[:8]}"


def folded_title(src: Source, d: Draft) -> str:
    """The title folded: the page's title is folded once, in ``read_source``; a title found in
    the text (a heading line) is the same stretch of the folded text, as fold keeps every place."""
    title = d.identity.title or ""
    if src.folded_title_hint is not None and title == src.title_hint:
        return src.folded_title_hint
    at = src.text.find(title) if title else -1
    return src.folded[at : at + len(title)] if at >= 0 else fold(title)
