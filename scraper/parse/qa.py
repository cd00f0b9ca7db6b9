"""Spokesperson Q&As (答记者问): recognise them, find the answer, build their key.

A Q&A has no number; its key is ``QA-<published date>-<8 hex>``, the hash of its
title (NFKC, all whitespace removed), because same-day pairs exist (one for each
list) and the same title recurs on different dates.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date

from .dates import Stamp, make_date
from .lazyre import lazy_compile
from .textnorm import fold, nfkc

QUESTION_RE = lazy_compile(r"^\s*(?:有记者问|记者问|记者|问)\s*[:：]", re.MULTILINE)
ANSWER_RE = lazy_compile(r"^\s*答\s*[:：]", re.MULTILINE)
SOURCE_LINE_RE = lazy_compile(
    r"来源\s*[:：]\s*(?P<src>\S+)[^\n]*?(?P<y>\d{4})[-/.年](?P<m>\d{1,2})[-/.月](?P<d>\d{1,2})日?(?:\s+(?P<h>\d{1,2}):(?P<mi>\d{2}))?"
)
TIME_LINE_RE = lazy_compile(
    r"(?:发布时间|发布日期|发文时间|时间|日期)\s*[:：]\s*(?P<y>\d{4})[-/.年](?P<m>\d{1,2})[-/.月](?P<d>\d{1,2})日?(?:\s+(?P<h>\d{1,2}):(?P<mi>\d{2}))?"
)
# The stamp written before the source on its line ("2027-06-10 21:15  来源：商务部新闻办公室", a mobile page's info line): asked
# only where neither line above is found (blind52/16: the answer keyed "QA-undated-…", no publication day); the source one
# of the ministry's offices, not a reprint's ("中国政府网　2026-11-06 08:40　来源：商务部网站": the reprint's day, audit37/25).
STAMP_THEN_SOURCE_RE = lazy_compile(
    r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?:[^\S\n]+(?P<h>\d{1,2}):(?P<mi>\d{2}))?[^\S\n]*来源\s*[:：]\s*(?P<src>商务部(?!网站)\S*)"
)
LINE_RE = lazy_compile(r"[^\n]*\n?")
INLINE_ANSWER_RE = lazy_compile(r"(?<=[?？。!！])\s*答\s*[:：]")
# A question or an answer line as QUESTION_RE / ANSWER_RE match one (their blanks kept within the line):
# one scan finds them, the lines between are not looked at.
MARK_LINE_RE = lazy_compile(r"^[^\S\n]*(?:有记者问|记者问|记者|问|(答))[^\S\n]*[:：]", re.MULTILINE)
# A pattern that starts at a line's start ("^" in MULTILINE) is tried at every character; the same
# pattern after a "\n", run on the text with a "\n" put before it, is tried at the line breaks alone
# (sre jumps to its literal first character). A match's start there is the line's start in the text.
BREAK = "\n"
MARK_BREAK_RE = lazy_compile(BREAK + MARK_LINE_RE.pattern[1:])
ANSWER_BREAK_RE = lazy_compile(BREAK + ANSWER_RE.pattern[1:])
QUESTION_BREAK_RE = lazy_compile(BREAK + QUESTION_RE.pattern[1:])
# Every ANSWER_RE and INLINE_ANSWER_RE match ends with one (a text without it has no answer marker).
ANSWER_MARK_RE = lazy_compile(r"答\s*[:：]")
# INLINE_ANSWER_RE from the character its look-behind asks for (group 1: its match). Searched from a
# line's start, where no such character is before it, both find the same answer.
PUNCT_ANSWER_RE = lazy_compile(r"[?？。!！](" + INLINE_ANSWER_RE.pattern.split(")", 1)[1] + ")")


# A press conference transcript marks its speakers instead: "记者：…" asks, "何咏前：…" answers. A
# label is a name of a few Chinese characters (maybe after 商务部新闻发言人) at a line's start, or a reporter
# of an outlet written in Latin letters ("CNBC记者：", "NHK记者：").
# The label may stand in square brackets, no colon after it: "【新闻发言人何咏前】…", "【中国日报记者】…" (session 60, blind60/29:
# a transcript so laid out was no Q&A, undated, and its steps ignored with a problem, its recount read as steps beside them).
SPEAKER_NAME = r"[\u4e00-\u9fff·]{2,12}|[A-Za-z]{2,12}[\u4e00-\u9fff]{0,6}记者"
SPEAKER_BREAK_RE = lazy_compile(BREAK + rf"[^\S\n]*(?:【[^\S\n]*({SPEAKER_NAME})[^\S\n]*】|({SPEAKER_NAME})[^\S\n]*[:：])")
NOT_SPEAKERS = frozenset({"来源", "类型", "分类", "时间", "日期", "发布时间", "附件", "主持人", "编辑", "责任编辑", "地址",
                          "电话", "网址", "注", "备注", "关键词", "标题", "文号",
                          # the bracketed heads of reprints ("【发文字号】…", "【纠错】"), labels as a speaker's are
                          "发布单位", "发布文号", "发文字号", "发文日期", "发文机关", "成文日期", "发布日期", "主题分类", "纠错",
                          "我要纠错"})


# A table row opening with a day, a blank after it ("5月14日　…", "2025年11月5日\t…").
DATED_ROW_RE = lazy_compile(r"\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日[ \t\u3000]")


TITLE_SPLIT_RE = lazy_compile(r"\s+[-|–—]\s+|_|｜")
TITLE_SPLIT_MARKS = "-|–—_｜"  # every TITLE_SPLIT_RE match holds one


def is_qa(title: str | None, folded: str) -> bool:
    if title and ("答记者问" in title or "新闻发言人" in title):
        return True
    head = folded[:600]
    if "答记者问" in head:
        return True
    if "新闻发布会" in head[:300] and speaker_spans(folded):
        return True  # a transcript headed "商务部召开例行新闻发布会（…）" whose reporters' outlets head their lines ("彭博社记者：")
    lined = BREAK + folded  # QUESTION_RE and ANSWER_RE tried at the line breaks alone (see MARK_BREAK_RE)
    if not QUESTION_BREAK_RE.search(lined):
        return False
    return bool(ANSWER_BREAK_RE.search(lined) or speaker_spans(folded))


def source_stamp(folded: str) -> tuple[Stamp | None, str | None]:
    """The "来源：商务部新闻办公室 … 2025-05-14 22:00" line (or a "发布时间：…" line): (stamp, source)."""
    m = SOURCE_LINE_RE.search(folded[:2000])
    if not m:
        t = TIME_LINE_RE.search(folded[:2000]) or STAMP_THEN_SOURCE_RE.search(folded[:2000])
        day = make_date(t.group("y"), t.group("m"), t.group("d")) if t else None
        if t is None or day is None:
            return None, None
        return (Stamp(day, int(t.group("h")), int(t.group("mi"))) if t.group("h") else Stamp(day)), None
    day = make_date(m.group("y"), m.group("m"), m.group("d"))
    if day is None:
        return None, m.group("src")
    if m.group("h"):
        return Stamp(day, int(m.group("h")), int(m.group("mi"))), m.group("src")
    return Stamp(day), m.group("src")


def answer_spans(folded: str) -> list[tuple[int, int]]:
    """Spans of the answers ("答：…" up to the next "问："; a transcript's speakers: ``speaker_spans``).
    No answer marker: the text outside the question lines ("问：…？" then "商务部新闻发言人表示，…"), or the
    whole text when it has no question either."""
    if not ANSWER_MARK_RE.search(folded):
        return speaker_spans(folded) or _outside_questions(folded)
    lined = BREAK + folded  # lined[i] is the character before folded[i]
    if not ANSWER_BREAK_RE.search(lined) and not PUNCT_ANSWER_RE.search(folded):
        return speaker_spans(folded) or _outside_questions(folded)
    spans: list[tuple[int, int]] = []
    answering, start = False, 0
    for m in MARK_BREAK_RE.finditer(lined):
        pos = m.start()  # the line's start in folded
        if answering:
            spans.append((start, pos))
        if m.group(1):
            answering, start = True, pos
            continue
        line_end = folded.find("\n", pos)
        inline = PUNCT_ANSWER_RE.search(folded, pos, len(folded) if line_end < 0 else line_end + 1)
        answering = inline is not None  # "问：…？答：…" on one line
        if inline:
            start = inline.start(1)
    if answering:
        spans.append((start, len(folded)))
    return spans


def unanswered(text: str) -> bool:
    """A Q&A whose text ends with a question: no answer marker after its last question, nothing after
    that question's line. A copy cut before its answer; read whole, its question's history ("2025年11月，
    中方决定继续暂停…") would be taken for the answer."""
    last = None
    for m in MARK_BREAK_RE.finditer(BREAK + text):  # within its line, unlike QUESTION_BREAK_RE's \s*
        if not m.group(1):
            last = m
    if last is None or ANSWER_MARK_RE.search(text, last.start()):
        return False
    line_end = text.find("\n", last.start())
    return line_end < 0 or not text[line_end:].strip()


# A news item reporting the spokesperson's words ("来源：商务部网站 2026-12-17 18:00 / 商务部新闻发言人何亚东12月17日在例行新闻发布会
# 上表示，…"): the spokesperson opens a sentence and what he said follows (表示, 介绍, 指出, 宣布) within REPORTED_HEAD characters
# of the text, after its source line (``rules.identify.is_answer``, session 53, open53).
REPORTED_HEAD = 300
REPORTED_RE = lazy_compile(r"新闻发言人[^,。\n]{0,30}?(?:表示|介绍|指出|宣布)(?:称|)[,:]")


def reported_source(folded: str) -> re.Match[str] | None:
    """The source line (SOURCE_LINE_RE) of a text reporting the spokesperson's words (REPORTED_RE) after it."""
    m = reported_lead(folded)
    return SOURCE_LINE_RE.search(folded, 0, m.start()) if m else None


def reported_lead(folded: str) -> re.Match[str] | None:
    """The spokesperson's lead (REPORTED_RE: "商务部新闻发言人…表示，") in the text's first REPORTED_HEAD characters."""
    return REPORTED_RE.search(folded, 0, REPORTED_HEAD) if "发言人" in folded[:REPORTED_HEAD] else None


def _reported_start(folded: str) -> int:
    """Where the spokesperson's words start in a news item reporting them (after "…表示，"), 0 in any other text: the
    title, the source line and the lead ("记者5月20日从商务部获悉，商务部新闻发言人表示，": held as a clause saying more than
    who decides, blind55/17) are the outlet's words."""
    m = reported_lead(folded)
    return m.end() if m and SOURCE_LINE_RE.search(folded, 0, m.start()) else 0


def _outside_questions(folded: str) -> list[tuple[int, int]]:
    """The text between the question lines (a question is its marker's line); all of it when none, after the source line
    of a news item reporting the spokesperson's words (``reported_source``: its title, "商务部：中方决定继续暂停实施有关出口管制
    措施", is no part of what he said, and names no notice)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in MARK_BREAK_RE.finditer(BREAK + folded):  # no answer marks here: every mark is a question's
        if m.start() > start:
            spans.append((start, m.start()))
        end = folded.find("\n", m.start())
        start = len(folded) if end < 0 else end
    if start == 0:  # no question
        return [(_reported_start(folded), len(folded))]
    if start < len(folded):
        spans.append((start, len(folded)))
    return spans or [(0, len(folded))]


def speaker_spans(folded: str) -> list[tuple[int, int]]:
    """A transcript's answers: from a line its speaker opens ("何咏前：") to the next line a reporter
    ("记者：") or another label (NOT_SPEAKERS: "来源：", "主持人：") opens; lines without a label go on. The
    spokesperson's opening statement, before any question, is one ("新闻发言人何亚东：…我发布一条消息。" then "我宣布，…":
    session 39, qa39/27, a decision announced there was no notice, silently). Empty when no reporter asks or no speaker answers."""
    if "记者" not in folded and "问" not in folded:
        return []
    spans: list[tuple[int, int]] = []
    start = None
    asked = False
    for m in SPEAKER_BREAK_RE.finditer(BREAK + folded):
        label, pos = m.group(1) or m.group(2), m.start()  # pos: the line's start in folded
        answering = not (label in NOT_SPEAKERS or "记者" in label or label.endswith("问"))
        asked = asked or "记者" in label or label.endswith("问")
        if start is not None and not answering:
            spans.append((start, pos))
            start = None
        elif start is None and answering and (asked or "发言人" in label):
            start = pos  # the spokesperson's opening statement too ("新闻发言人何亚东：…首先，我发布一条消息。" / "我宣布，…")
    if start is not None:
        spans.append((start, len(folded)))
    return spans


def clean_title(title: str | None) -> str | None:
    """Drop a site-name suffix ("…答记者问_中华人民共和国商务部")."""
    if not title:
        return None
    for mark in TITLE_SPLIT_MARKS:
        if mark in title:
            break
    else:  # no separator: nothing to split (most page titles come cut already)
        return title.strip() or None
    parts = [p.strip() for p in TITLE_SPLIT_RE.split(title) if p.strip()]
    if len(parts) > 1:
        for part in parts:
            if "答记者问" in part or "公告" in part:
                return part
        return max(parts, key=len)
    return title.strip() or None


def qa_title(lines: list[str]) -> str | None:
    for line in lines[:15]:
        if "答记者问" in line and _titles(line):
            return line.strip()
    for line in lines[:15]:
        s = line.strip()
        if s and not s.startswith("来源") and not QUESTION_RE.match(s):
            return s
    return None


def _titles(line: str) -> bool:
    """Whether a line holding "答记者问" can be a Q&A's title (or a lead naming it): not a table row opening with its day in
    a cell of its own ("5月14日　新闻发言人答记者问　自5月14日起暂停…": a review's row naming an earlier answer; session 30,
    audit30/16, whose title it became, announcing a change the answer did not read: refused as cut short for good), nor a news
    item's sentence reporting the spokesperson ("2月26日，商务部新闻发言人何咏前在答记者问时介绍，…": REPORTED_RE; qa51/19)."""
    return DATED_ROW_RE.match(line) is None and REPORTED_RE.search(fold(line)) is None


def qa_key(published: date | None, title: str | None) -> str:
    digest = hashlib.sha256("".join(nfkc(title or "").split()).encode("utf-8")).hexdigest()
    day = published.isoformat() if published else "undated"
    return f"QA-{day}-{digest[:8]}"


# What two copies of one answer share, whatever the copy: letters, digits and Chinese characters (no
# punctuation, blanks, widths or brackets: a paper sets them its own way).
ANSWER_NOISE_RE = lazy_compile(r"[^0-9A-Za-z\u4e00-\u9fff]+")
SAME_ANSWER_MIN = 40  # characters of answer below which two copies are too short to tell apart


def answer_text(text: str) -> str:
    """The answers of a Q&A's (clean) text, as two copies of it share them (``ANSWER_NOISE_RE`` out, NFKC)."""
    folded = nfkc(text)
    return ANSWER_NOISE_RE.sub("", "".join(folded[a:b] for a, b in answer_spans(folded)))


def same_answer(one: str, other: str) -> bool | None:
    """Whether two Q&A texts give the same spokesperson's answer: True when the shorter one's answers (``answer_text``)
    are all found, in one piece, in the other's (a reprint adds a paper's trailer, "（编辑：…）", or repeats the
    question in its lead); False when they differ; None (unsure) when either answer is too short to tell."""
    a, b = answer_text(one), answer_text(other)
    if min(len(a), len(b)) < SAME_ANSWER_MIN:
        return None
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return shorter in longer


# A sentence of an answer that tells measures taken before, by a notice of a stated day: "…发布公告，将28家美国实体
# 列入出口管制管控名单。", "商务部于2025年4月4日和9日，将28家美国实体列入…名单", "…发布公告，对一批美国实体采取了不可靠
# 实体清单措施。", "…工作机制暂停了上述措施。": the background its decision follows. Not what a listing means now
# ("…被列入…名单的15家美国实体相关措施已于…停止实施", "…可以将其移出关注名单", "…将…采取相应处理措施").
TOLD_MEASURE_RE = lazy_compile(r"(?:发布了?公告|\d日)[^。；\n]{0,40}?将[^。；\n]{0,40}?列入[^。；\n]{0,20}?(?:名单|清单)"
                             r"|采取了[^。；\n]{0,30}?措施|暂停了")
LAST_SENTENCE_MARKS = ("。", "；", "\n")
# An answer's numbered decisions ("一、停止执行…", "二、停止…"), each opening a line: tried at the line breaks
# alone, on the text with a "\n" put before it (see MARK_BREAK_RE); FIRST_ITEM_MARKS: every first item holds one.
FIRST_ITEM_RE = lazy_compile(BREAK + r"[^\S\n]*一[、.．]")
SECOND_ITEM_RE = lazy_compile(BREAK + r"[^\S\n]*二[、.．]")
FIRST_ITEM_MARKS = ("一、", "一.", "一．")


def told_only(text: str) -> bool:
    """A Q&A that reads no action (the caller knows) and whose text stops on a sentence of its answer telling
    measures taken before: the answer's background, cut before the decision it leads to (a generic title,
    "商务部新闻发言人答记者问", announces no change to miss). A complete answer that changes nothing goes on
    after its background (what the listing means, "…无需担心。", "…适时研究作出安排。")."""
    body = text.rstrip()
    if "答" not in body:
        return False
    spans = answer_spans(body)
    if not spans:
        return False
    last = max(body.rfind(mark, 0, len(body) - 1) for mark in LAST_SENTENCE_MARKS) + 1
    return last >= spans[-1][0] and TOLD_MEASURE_RE.search(body, last) is not None


def first_item_only(text: str) -> bool:
    """An answer whose numbered decisions stop after the first ("一、停止执行…" and no "二、"): a list of one item
    is a list cut short (the combined ECL and UEL Q&A cut after its ECL decision)."""
    for mark in FIRST_ITEM_MARKS:  # most answers number nothing: a substring search each, no regex scan
        if mark in text:
            break
    else:
        return False
    lined = BREAK + text
    first = FIRST_ITEM_RE.search(lined)
    return first is not None and SECOND_ITEM_RE.search(lined, first.end()) is None
