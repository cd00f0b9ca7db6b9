"""Starts and days: a step's start said apart per notice, "自同日起", from the end of the term before, in words the dates
cannot read, a day moved."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ... import actions as act
from ...actions.tense import planned
from ...dates import effective_in, parse_cn_date
from ...draft import Draft, Source
from ...lazyre import lazy_compile
from ...textnorm import any_within, holds_any, marked
from ..named import sentence_start
from ..operative import spoken_day
from . import common
from .common import ENDS_APART_STEPS, LEFT_OUT, TERM_ENDED_MARKS

# Bound here, not imported by name: CPython 3.11 compiles a method call on an imported name as an attribute load
# (a bound method made at each call), on any other global as LOAD_METHOD (as checks.py, which defined them).
WHOLE_DAY_RE = common.WHOLE_DAY_RE

# "自同日起" of a step (an extension or a suspension), the day written last before it
SAME_DAY_START_RE = lazy_compile(r"自\s*(?:同日|当日)\s*起")

SAME_DAY_MARKS = marked(("同日", "当日"))

# A suspension or extension "自原暂停期限届满之日起", "自期满次日起", "…，自上述期限届满之日起计算": from an end the text may not tell
FROM_END_START_RE = lazy_compile(r"(?:届满|期满|到期)\s*(?:之\s*)?(?:次\s*)?日\s*起")

# A start the dates cannot read: "自下周一起", "自后天起", "自元旦后首个工作日起", "自2027年初起", "自本月中旬起", "自本月底起", "自10日起", "自12月10号起"
# (session 42, qa42/28-29 and probes: each step read from the text's own day, days or weeks early, silently). What lies
# between 自 (从) and 起 is read as a start alone (``dates.effective_in``); a suspension's end ("自届满之日起", "自暂停期满之日起")
# is the steps' to read from the end told. Looked for only in a step's sentence holding 起 or 开始.
# The look behind stands after the 自 or 从 it asks about (the same matches): a pattern opening with one is tried at every
# character, one opening with 自|从 only where sre's scan for those two finds one (perf42: -3,200 instructions a page).
START_TAIL = r"(?<![来各独亲擅出源].)[^,;。:\n自从起]{1,16}?(?:起|开始)"
START_RE = lazy_compile(r"(?:自|从(?![事而严重头]))" + START_TAIL)
# START_RE in a sentence without 从: a single first character, which sre scans for several times faster than for one of
# two (perf43: its set of two cost ~45 instructions a character of every step's sentence); the same matches there.
START_ZI_RE = lazy_compile("自" + START_TAIL)
# ... nor a day the text names otherwise, its own or one it told ("自本公告实施之日起", "自本决定施行之日起", "自同日起"): read by the
# notice's own effective day and the steps' walk.
START_FROM_END = ("届满", "期满", "到期", "结束", "终止", "之日", "同日", "当日", "该日", "此日", "本公告", "本决定", "本令", "本通知")
# ... but a holiday's end is no term's: "自元旦假期结束后起", "自春节假期结束之日起" (session 57, held57's probe: passed over as a
# term's end, the step read from the text's own day, weeks early, silently): held as any start the dates cannot read.
HOLIDAY_WORDS = ("假", "节")
# A day the dates read only with 自 before it and 起 after it, written otherwise: "从12月10日开始", "12月10日起停止…" (no 自, no
# year), "决定，于12月10日停止实施…" (probes: each read from the text's own day, silently): a step of the sentence must take it.
# (Each look behind after its literal, as START_RE's: -8,500 instructions a page. The third alternative opens with a digit,
# which no branch of literals can: the pattern takes its first character from the class [从于\d] and the branch is told by
# a look behind at it, so sre scans for those characters instead of trying the pattern at each (perf43); the same matches.)
TOLD_DAY_RE = lazy_compile(r"[从于\d](?:(?<=从)(?<![来各独亲擅出源].)(?![事而严重头])\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日\s*开始"
                           r"|(?<=于)(?<![已曾经自从年\d].)\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日"
                           r"|(?<=\d)(?<![年\d自从于至到止].)\d?\s*月\s*\d{1,2}\s*日\s*起)"
                           r"(?=\s*,?\s*(?:停止|暂停|恢复|继续|解除|取消|终止|不再))")

# "自公告之日起", "自该公告发布之日起" in an answer: the day of a notice, not of the answer (session 43, qa43/03: a press
# conference named the notice's day, 12月3日, only in another answer; the restore took the transcript's day, 12-04, silently).
# The answer's own day only where its paragraph says the notice came out today ("今天发布公告，决定自公告发布之日起…").
QA_NOTICE_DAY_RE = lazy_compile(r"自\s*(?:该|上述|相关|有关|此|这一|前述)?\s*公告\s*(?:发布|公布|印发)?\s*之\s*日\s*起")
TODAY_WORDS = ("今天", "今日")

# "自2026年12月10日和2027年1月1日起": a start for each of two notices (``actions.apart.per_notice`` splits the step after "分别");
# a sentence whose steps did not take both days took the second for all (session 43, qa43/48: No. 21's lift three weeks late).
# So "自即日和2027年1月1日起" (both from 01-01) and "于2026年12月10日和2027年1月1日停止实施…" (no 起: both from the answer's own
# day, silently; review47): a day of two characters, and 于 with the step's verb (or 分别) right after the second day.
TWO_DAYS_RE = lazy_compile(r"[自于]\s*(?P<a>[^和、,;。]{1,16}?日)\s*[和、]\s*(?P<b>[^和、,;。]{1,16}?日)"
                           r"(?:\s*起|(?=\s*,?\s*(?:分别)?\s*(?:停止|暂停|恢复|继续|解除|取消|终止|不再)))")

# TWO_DAYS_RE's gate, "日和" or "日、" in the step's sentence: one scan for 日 instead of two finds (perf44: -2,000 a page).
DAY_THEN_AND_RE = re.compile("日[和、]")

# A step's day moved in its sentence: "…相关措施的停止实施时间由2027年1月1日提前至2026年12月10日", "…原定于12月10日恢复实施，
# 现推迟至2027年1月1日恢复实施" (session 44, qa44/29's probes: each read from the answer's own day, weeks early, silently).
# The day it is moved to must be a step's start (or end) in the sentence. Looked for only where a word of moving is.
MOVE_WORDS = ("提前", "推迟", "延后", "推后", "改为", "改至", "改到")
# Their first characters, one find each before the seven words' finds: nearly every text lacks all four, nearly every sentence
# with a step too (perf44: the seven finds of every step's sentence cost ~22,000 instructions a page, now ~6,700).
MOVE_FIRSTS = "提推延改"  # (each asked by a find of its own in ``unread_moved_day``: a generator costs more than the finds)
MOVED_DAY_RE = lazy_compile(r"(?:提前|推迟|延后|推后|改)\s*(?:至|到|为)\s*(?:自|从|于)?\s*"
                            r"(?P<day>(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日)")


def unread_starts_apart(src: Source, d: Draft) -> str | None:
    """A step on several notices with no term or end, said again in its sentence for one of them from another start
    ("自2026年12月10日起，暂停实施…第21号和第22号相关措施，其中第22号公告相关措施暂停1年，第21号公告相关措施自2027年1月1日起暂停
    6个月": No. 21 read suspended from 12-10 with no end beside its own step from 2027-01-01, silently; review50). Which
    start is No. 21's is not read: left out, for a person. No text is scanned (``clauses._drop_said_apart`` dropped the
    steps said whole)."""
    for x in d.drafts:
        if x.action not in ENDS_APART_STEPS or len(x.targets) < 2 or x.until is not None or x.duration is not None \
                or x.extends_by is not None or x.on_entities is not None:
            continue  # (nearly every step)
        keys = {t.key for t in x.targets if t.key is not None}
        s1 = act.sentence_end(src.folded, x.start)
        for o in d.drafts:
            if o is not x and o.action is x.action and o.until is not None and len(o.targets) == 1 \
                    and o.targets[0].key in keys and o.effective != x.effective and o.sentence == x.sentence \
                    and act.sentence_end(src.folded, o.start) == s1:
                return (f"a step on {len(x.targets)} notices from {x.effective} is given for {o.targets[0].key} again "
                        f"from {o.effective}{LEFT_OUT}")
    return None


def unread_same_day(src: Source, d: Draft) -> str | None:
    """A suspension or extension "自同日起" whose step took another day than the one written last before it in its
    paragraph: "…第21号相关措施的暂停期限将于2026年11月10日届满，中方决定不再延长，届满后相关措施恢复实施；…7号相关措施自同日起
    继续暂停实施1年" extended 7号 from the answer's own day, 11-01, to 2027-11-01 (nine days early, silently; review46). Left
    out, for a person."""
    folded = src.folded
    if not holds_any(folded, SAME_DAY_MARKS):
        return None  # (nearly every text)
    for x in d.drafts:
        if x.action not in ENDS_APART_STEPS or not x.effective:
            continue
        s0 = max(folded.rfind("\n", 0, x.start), 0)
        clause = max(folded.rfind(";", s0, x.start), folded.rfind("。", s0, x.start), folded.rfind(",", s0, x.start), s0)
        m = SAME_DAY_START_RE.search(folded, clause, min(x.start + 40, len(folded)))
        if m is None:
            continue
        days = [parse_cn_date(w.group("date")) for w in WHOLE_DAY_RE.finditer(folded, s0, m.start())]
        if days and days[-1] is not None and days[-1].isoformat() != x.effective[:10]:
            return f"its start \"{m[0]}\" names {days[-1].isoformat()}, not the day the step took ({x.effective[:10]}){LEFT_OUT}"
    return None


def unread_from_end(src: Source, d: Draft) -> str | None:
    """A suspension or extension counted from the end of the one before, no day written in those words ("中方决定，自原暂停期限
    届满之日起，继续暂停…7号相关措施1年"), whose start is the page's own day or another clause's (session 45, qa45/02: from 12-02 to
    2027-12-02, not from the lapse to 2027-11-10; "对…第21号…，自2026年12月20日起继续暂停1年；对…7号…，自原暂停期限届满之日起继续
    暂停1年": 7号 from 12-20 too; the state and the countdown weeks off, silently). Left out, for a person; not a day written in
    them ("自2027年3月1日原暂停期限届满之日起": ``dates.FROM_END_DATE_RE`` reads it), nor a term added to the running end ("延长6个月",
    ``extends_by``: the engine counts it from that end, story36 S2), nor "…，自上述暂停期限届满之日起计算" after the verb where the
    step took the end the text told (audit34/04)."""
    folded = src.folded
    if "日起" not in folded or d.published is None or not holds_any(folded, TERM_ENDED_MARKS):
        return None  # (nearly every text)
    own_day = d.published.isoformat()
    for x in d.drafts:
        if x.action not in ENDS_APART_STEPS or x.extends_by:
            continue
        s0, s1 = x.sentence if x.sentence else (sentence_start(folded, x.start), act.sentence_end(folded, x.start))
        clause = max(s0, folded.rfind(";", s0, x.start) + 1, folded.rfind("；", s0, x.start) + 1)
        stop = min([s1, *(y.start for y in d.drafts if x.start < y.start < s1)])
        m = FROM_END_START_RE.search(folded, clause, stop)
        if m is None:
            continue
        if m.start() < x.start:  # "自原暂停期限届满之日起，继续暂停…": the step's own start, unless a day is written in it
            since = max(folded.rfind("自", clause, m.start()), folded.rfind("从", clause, m.start()), clause)
            if WHOLE_DAY_RE.search(folded, since, m.end()) is not None:
                continue
        elif (x.effective or own_day)[:10] != own_day:  # (no day of its own: the page's)
            continue  # "…，为期一年，自上述暂停期限届满之日起计算": the end the text told, taken
        return f"its start \"{src.text[m.start():m.end()]}\" is the end of an earlier period, no day told{LEFT_OUT}"
    return None


def _notice_day_in_answer(folded: str, told: str, s0: int, s1: int) -> bool:
    """``told`` ("自…起" of a step in an answer) is a notice's day and the step's paragraph does not say it is today's."""
    if "公告" not in told or QA_NOTICE_DAY_RE.fullmatch(told) is None:
        return False
    p0, p1 = folded.rfind("\n", 0, s0) + 1, folded.find("\n", s1)
    paragraph = folded[p0:p1 if p1 >= 0 else len(folded)]
    return not any(w in paragraph for w in TODAY_WORDS)


def _each_day_taken(two: re.Match[str], drafts: list[act.ActionDraft], sentence: tuple[int, int] | None,
                    published: date | None) -> bool:
    """Whether the steps of ``sentence`` took both days of ``two`` (TWO_DAYS_RE), each read by the dates (a day the text
    tells from its own, "即日", from the day it was said: ``actions.apart`` splits "分别自即日和2027年1月1日起")."""
    days = {effective_in(f"自{two[g]}起", published) for g in ("a", "b")}
    taken = {y.effective[:10] for y in drafts if y.sentence == sentence and y.effective is not None}
    return None not in days and all(day is not None and day[:10] in taken for day in days)


def unread_start(src: Source, d: Draft) -> str | None:
    """A step whose sentence tells a start the dates cannot read (START_RE, ``effective_in`` finds no day in it), or a day
    right before a verb that no step of the sentence took (TOLD_DAY_RE): the step took another day; left out, for a person.
    A text with no day of its own reads no day told from it ("自即日起"): ``no_publication_date`` says so."""
    if not d.drafts or d.published is None:
        return None
    folded = src.folded
    seen: set[tuple[int, int]] = set()
    for x in d.drafts:
        s0, s1 = x.sentence or (sentence_start(folded, x.start), act.sentence_end(folded, x.start))
        if (s0, s1) in seen:
            continue
        seen.add((s0, s1))
        if DAY_THEN_AND_RE.search(folded, s0, s1) is not None \
                and (two := TWO_DAYS_RE.search(folded, s0, s1)) is not None and not _each_day_taken(two, d.drafts, x.sentence, spoken_day(d)):
            return f"its start \"{two[0]}\" tells two days: the step would take one of them for every notice{LEFT_OUT}"
        if folded.find("起", s0, s1) >= 0 or folded.find("开始", s0, s1) >= 0:  # (a sentence with a start)
            for m in (START_RE if folded.find("从", s0, s1) >= 0 else START_ZI_RE).finditer(folded, s0, s1):
                told = f"自{m[0][1:-2] if m[0].endswith('开始') else m[0][1:-1]}起"
                if d.qa and _notice_day_in_answer(folded, told, s0, s1):
                    return f"its start \"{m[0]}\" is a notice's day the answer does not tell: the step would take its own day{LEFT_OUT}"
                if any(w in told for w in START_FROM_END) and not any(w in told for w in HOLIDAY_WORDS) \
                        or effective_in(told, d.published) is not None:
                    continue
                return f"its start \"{m[0]}\" is no day the dates read: the step would take another day{LEFT_OUT}"
        if folded.find("月", s0, s1) < 0:  # (in every TOLD_DAY_RE match)
            continue
        for m in TOLD_DAY_RE.finditer(folded, s0, s1):
            day = effective_in(f"自{m[0].lstrip('自从于').removesuffix('开始').removesuffix('起').strip()}起", d.published)
            if day is None or folded.find("原", max(s0, m.start() - 8), m.start()) >= 0 and planned(folded, s0, m.end()) or any(y.effective is not None and y.effective[:10] == day[:10] for y in d.drafts
                                  if y.sentence == x.sentence):
                continue
            return f"the day \"{m[0].strip()}\" before its verb is not the day the step took{LEFT_OUT}"
    return None


def unread_moved_day(src: Source, d: Draft) -> str | None:
    """A step whose sentence moves a day to another (MOVED_DAY_RE) that no step of the sentence starts or ends on (or starts
    the day after: "…延长至2027年11月10日，恢复实施时间相应推迟至2027年11月11日"): the step took another day; left out."""
    if not d.drafts or d.published is None:
        return None
    folded = src.folded
    if "提" not in folded and "推" not in folded and "延" not in folded and "改" not in folded:  # MOVE_FIRSTS (nearly every text)
        return None
    seen: set[tuple[int, int]] = set()
    for x in d.drafts:
        s0, s1 = x.sentence or (sentence_start(folded, x.start), act.sentence_end(folded, x.start))
        if (s0, s1) in seen:
            continue
        seen.add((s0, s1))
        if (folded.find("提", s0, s1) < 0 and folded.find("推", s0, s1) < 0 and folded.find("延", s0, s1) < 0
                and folded.find("改", s0, s1) < 0) or not any_within(folded, MOVE_WORDS, s0, s1):
            continue  # (nearly every sentence: MOVE_FIRSTS first)
        for m in MOVED_DAY_RE.finditer(folded, s0, s1):
            day = effective_in(f"自{m['day']}起", d.published)
            if day is None or any(y.sentence == x.sentence and day[:10] in (
                    (y.effective or "")[:10], str(y.until), str(y.until and y.until + timedelta(days=1))) for y in d.drafts):
                continue
            return f"its day is moved (\"{m[0].strip()}\") to one no step of the sentence took{LEFT_OUT}"
    return None
