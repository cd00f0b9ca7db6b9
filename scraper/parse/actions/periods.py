"""How long a step lasts: a duration as written ("90天", "1年", "至2026年11月27日"), the day it ends, an extension's term, a
suspension's end, a date told too long ago to act."""

from __future__ import annotations

import re
from datetime import date, timedelta

from storage.periods import iso_period

from ..dates import (
    DATE_RE,
    DURATION_RE,
    HALF_YEAR_RE,
    MONTH_DAY_RE,
    UNTIL_RE,
    effective_in,
    iso_to_date,
    make_date,
    parse_cn_date,
    period_end,
    period_of,
    until_from,
)
from ..lazyre import lazy_compile
from ..textnorm import MD, YEAR
from .words import MATCH_START, MEASURES_EXTENDED_RE, sentence_end

# A clause that opens with a day ("答：2025年5月14日，工作机制暂停…", "何咏前：…8月12日起，继续暂停…") tells what
# was done that day: history when the text is later (a speaker's label may stand first). So does a table row opening
# with its day in a cell of its own ("5月14日　新闻发言人答记者问　自5月14日起暂停…": the day, then a blank; session 30,
# audit30/16: a review's rows read as three steps of the next year).
OPENING_DATE_RE = re.compile(
    rf"\s*(?:[\u4e00-\u9fff·]{{1,12}}\s*:\s*|)(?:于\s*|自\s*|从\s*|)(?:(?P<y>{YEAR})\s*年\s*|)(?P<m>{MD})\s*月\s*(?P<d>{MD})\s*日"
    r"(?:\s*(?P<since>起)\s*,|\s*,|[ \t]+)"
)
# "暂停期限将于2026年11月10日届满": the day a suspension ends, told (as UNTIL_RE's "至…").
# ("…的暂停期限于2026年12月30日结束，上述措施自同日起恢复实施": 结束/终止 end it too; session 41, a probe: the restore read from
# the notice's day, a day early)
END_DAY_RE = lazy_compile(rf"(?P<date>{YEAR}\s*年\s*{MD}\s*月\s*{MD}\s*日)\s*(?:届满|到期|期满|结束|终止)")
# A sentence whose only "自…起" lies this far before the text recounts a decision whatever its verbs say
# ("2025年11月，中方决定自2025年11月10日起继续暂停…" in an answer of 2026): no decision takes effect so long before.
HISTORY_GAP = timedelta(days=90)
# "暂停期限延长至明年11月10日": an end day whose year is told relative to the step's ("今年", "明年"; session 37, audit37/21:
# "10日" was read as ten days, the suspension lapsing a year early). Looked for only where "年" is and UNTIL_RE found none.
RELATIVE_UNTIL_RE = lazy_compile(rf"(?:至|(?<![收达得])到)\s*(?P<rel>今年|本年|明年)\s*(?P<m>{MD})\s*月\s*(?P<d>{MD})\s*日")
RELATIVE_UNTIL_YEARS = {"今年": 0, "本年": 0, "明年": 1}
# "暂停期限至2027年6月底" / "…6月末": the last day of a month whose year and month are written (session 47, probe47's B3:
# held as "no day the dates read" before). The end of a year or of its first or second half ("至2027年年底", "至2027年底",
# "至2027年上半年末": 12-31, 06-30; session 57, held57: held before), the year told relative to the text's own ("至明年年底",
# "至今年年末", "至明年6月底", "至明年上半年末": counted as RELATIVE_UNTIL_RE's, from the text's own year) read the same way.
# Other parts of a month or year ("上旬", "6月底前", "上半年结束", "至年底" with no year) stay held
# (``rules.checks.unread_vague_end``; so do the forms with no month written in a sentence naming several notices, whose
# clauses per notice read only a day or a month's end written whole). Looked for only where "底" or "末" is and no whole
# day was found.
MONTH_END_RE = lazy_compile(rf"(?:至|(?<![收达得])到)\s*(?:(?P<y>{YEAR})\s*年|(?P<yrel>今年|本年|明年))\s*"
                            rf"(?:(?P<me>{MD})\s*月\s*|(?P<half>[上下])\s*半\s*年\s*|年\s*)?(?:底|末)(?!\s*[前以之])")
FIRST_HALF_LAST_MONTH, LAST_MONTH = 6, 12  # "上半年末" ends on 06-30, "年底" and "下半年末" on 12-31
# "自1月1日起，暂停执行…相关措施，暂停期限至3月31日" (an answer of 2029-12-28): an end day with no year, in the year of the
# step's start, or the next where that day falls before it (blind57, session 57: no end read, the suspension shown "until
# further notice" past its end, silently). Looked for only where no other end or term is read, in the step's sentence.
YEARLESS_UNTIL_RE = lazy_compile(rf"(?:至|(?<![收达得])到)\s*(?P<ym>{MD})\s*月\s*(?P<yd>{MD})\s*日")
MAX_DAYS, MAX_YEARS = 3650, 10


# A duration as written ("90天", "1年", "至2026年11月27日"), with the match it was read from when
# the clean text says the same as the text matched there (else None: see ``until_day``).
Period = tuple[str, re.Match[str] | None]


# The numerals of accounts ("为期壹年", "延长陆个月") as the plain numerals the dates read: a term the parser read as none before
# (session 42's probe: held for a person since, ``rules.checks.unread_term``; session 43 reads it). Each maps to one character.
FORMAL_DIGITS = "壹贰叁肆伍陆柒捌玖拾佰"
FORMAL_TO_PLAIN = str.maketrans(FORMAL_DIGITS, "一二三四五六七八九十百")


def duration_in(folded: str, clean: str, start: int, end: int) -> Period | None:
    """"90天", "1年", "至2026年11月27日" written in folded[start:end] outside dates."""
    seg = folded[start:end]
    m = UNTIL_RE.search(seg)
    if m:
        return until_period(clean, m, start)
    if "年" in seg and (m := RELATIVE_UNTIL_RE.search(seg)) is not None:
        return until_period(clean, m, start)
    if ("底" in seg or "末" in seg) and (m := MONTH_END_RE.search(seg)) is not None:
        return until_period(clean, m, start)
    # Each regex only where its literals are (a date has 年 and 日, a month-day 月 and 日).
    masked = DATE_RE.sub(lambda x: " " * len(x.group(0)), seg) if "年" in seg and "日" in seg else seg
    if "月" in masked and "日" in masked:
        masked = MONTH_DAY_RE.sub(lambda x: " " * len(x.group(0)), masked)
    if any(ch in masked for ch in FORMAL_DIGITS):  # "为期壹年": read as "为期一年" (same length: every offset holds)
        masked = masked.translate(FORMAL_TO_PLAIN)
    # one of the units is in every DURATION_RE match
    units = "天" in masked or "日" in masked or "月" in masked or "年" in masked or "周" in masked or "季" in masked
    for m in DURATION_RE.finditer(masked) if units else ():
        if m.start() > 0 and masked[m.start() - 1].isdigit():
            continue
        period = period_of(m)
        if period is None:
            continue
        n, unit, more = period
        if (unit in ("天", "日") and n > MAX_DAYS) or (unit == "年" and n > MAX_YEARS) \
                or (unit == "个月" and n > 12 * MAX_YEARS) or more > MAX_DAYS:
            continue
        at = m.start("n")
        text = clean[start + at : start + m.end()].strip()
        return text, m if text.translate(FORMAL_TO_PLAIN) == masked[at : m.end()] else None
    m = HALF_YEAR_RE.search(masked) if "半" in masked else None
    if m:
        at = m.start("n")
        text = clean[start + at : start + m.end()].strip()
        return text, m if text == masked[at : m.end()] else None
    return yearless_until(folded, clean, start, end)


def yearless_until(folded: str, clean: str, start: int, end: int) -> Period | None:
    """An end day written with no year ("暂停期限至3月31日", YEARLESS_UNTIL_RE) in folded[start:end], in the sentence
    ``start`` stands in (not a later sentence's "截至3月31日，已有…"), else None."""
    if folded.find("月", start, end) < 0:  # (nearly every step: a term or an end with its year was read)
        return None
    m = YEARLESS_UNTIL_RE.search(folded, start, min(end, sentence_end(folded, start)))
    return None if m is None else until_period(clean, m)


def until_period(clean: str, m: re.Match[str], offset: int = 0) -> Period:
    """An UNTIL_RE match (found at ``offset`` of the folded text) as written in ``clean``."""
    text = clean[offset + m.start() : offset + m.end()].strip()
    return text, m if text == m[0] else None


def until_day(period: Period, since: date | None, said: date | None = None) -> date | None:
    """``until_from(duration, since)``, read from the duration's match where the text matched is
    the duration itself (the duration read again gives the same groups), else read again. A year told relative
    (RELATIVE_UNTIL_RE's "明年6月30日") counts from the year of ``said``, the text's own day, where known: a notice of
    2026-12-20 suspending "自2027年1月1日起…至明年6月30日" ends on 2027-06-30, not 2028's (session 46; the step's start
    before)."""
    duration, m = period
    if m is None:
        return until_from(duration, since)
    if m.re is UNTIL_RE:
        return parse_cn_date(m.group("date"))
    if "rel" in m.re.groupindex:  # RELATIVE_UNTIL_RE (lazy: its match names the compiled pattern)
        base = said or since
        return None if base is None else make_date(base.year + RELATIVE_UNTIL_YEARS[m.group("rel")], m.group("m"), m.group("d"))
    if "ym" in m.re.groupindex:  # YEARLESS_UNTIL_RE: in the start's year, else the next (the end never before the start)
        base = since or said
        found = None if base is None else make_date(base.year, m.group("ym"), m.group("yd"))
        return make_date(base.year + 1, m.group("ym"), m.group("yd")) if found and base and found < base else found
    if "me" in m.re.groupindex:  # MONTH_END_RE: the month's last day
        return _month_end_day(m, said or since)
    counted = period_of(m) if since is not None else None
    return None if counted is None or since is None else period_end(since, *counted)


def _month_end_day(m: re.Match[str], base: date | None) -> date | None:
    """The last day of the month, half year or year a MONTH_END_RE match ``m`` names; a year told relative ("明年") counts
    from ``base``'s (None without one)."""
    written, rel, month, half = m.group("y", "yrel", "me", "half")
    year: str | int | None = written
    if rel is not None:
        if base is None:
            return None
        year = base.year + RELATIVE_UNTIL_YEARS[rel]
    first = make_date(year, month or (FIRST_HALF_LAST_MONTH if half == "上" else LAST_MONTH), 1)
    return None if first is None else (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def stale(when: str, published: date | None) -> bool:
    """Whether a "自…起" date (ISO) lies more than HISTORY_GAP before the text's own day: a decision
    recounted, not one taken now."""
    return published is not None and when[:10] < (published - HISTORY_GAP).isoformat()


def extension_term(folded: str, period: Period, s_start: int, at: int) -> str | None:
    """The ISO period ("P1Y") of an extension by a duration whose start the text does not give (the caller
    checks that no start is stated for the text but its publication day): no "自…起" before the verb in its
    sentence ("延长…相关措施的暂停期限1年", "继续暂停…90天"). Such a period runs on from the running suspension's
    end (2026-11-10 + 1年 = 2027-11-10 for a Q&A of 2026-11-09), not from the publication day. None for an end
    date ("至…") or a stated start."""
    duration, m = period
    if m is not None and m.re is UNTIL_RE or "至" in duration or "到" in duration:
        return None
    if folded.find("起", max(folded.rfind("\n", 0, at), folded.rfind("。", 0, at), s_start), at) >= 0:
        return None  # "自即日起", "自公布之日起" (the publication day, stated)
    d = m if m is not None else DURATION_RE.search(duration) or HALF_YEAR_RE.search(duration)
    if d is None or d.re is not DURATION_RE and d.re is not HALF_YEAR_RE:
        return None
    counted = period_of(d)
    return None if counted is None else iso_period(*counted)


NEAR_START_REACH = 40  # "自2027年1月1日起", "自2026年12月10日（含）起": a start's 自 this far before its 起


def suspension_end(folded: str, clean: str, at: int, published: date | None, whole: bool = False) -> date | None:
    """The day the suspension an answer told of before ``at`` (in its paragraph; ``whole``: anywhere before it) ends: the
    last "至…" or "…届满" after a "暂停" ("暂停期限至2026年11月10日", "暂停期限将于2026年11月10日届满"), else its duration from its
    "自…起" or opening day ("2025年11月10日，商务部…决定暂停实施…1年"). None when the paragraph says neither."""
    line = 0 if whole else folded.rfind("\n", 0, at) + 1
    p = _last_suspension(folded, line, at)
    while p >= 0:
        stop = min(sentence_end(folded, p), at)
        untils = list(UNTIL_RE.finditer(folded, p, stop)) + list(END_DAY_RE.finditer(folded, p, stop))
        if untils:
            return parse_cn_date(max(untils, key=MATCH_START).group("date"))
        period = duration_in(folded, clean, p, stop)
        if period is not None:
            begin = max(folded.rfind("\n", 0, p), folded.rfind("。", 0, p)) + 1
            # the start nearest before it first ("自2026年12月10日起，暂停实施A…6个月；自2027年1月1日起，暂停实施B…6个月，期满后
            # 自动恢复实施", or "，" for "；": B back on A's lapse, 2027-06-11, while suspended to 07-01, silently; probe45), else
            # its sentence's first
            since_at = folded.rfind("起", begin, p)
            near = folded.rfind("自", max(begin, since_at - NEAR_START_REACH), since_at) if since_at >= 0 else -1
            since = (effective_in(folded[near:stop], published) if near > begin else None) \
                or effective_in(folded[begin:stop], published)
            opening = OPENING_DATE_RE.match(folded, begin) if since is None else None
            start = iso_to_date(since) if since else make_date(*opening.group("y", "m", "d")) \
                if opening and opening.group("y") else None
            return until_day(period, start, published) if start else None
        p = _last_suspension(folded, line, p)
    return None


# The words of a suspension whose end a restore after it takes: "暂停", and "暂缓(实施)", "中止(实施)" ("…相关措施分别暂缓实施至D1和
# D2，期满后恢复实施": the restores dropped, each notice left to lapse at its end; session 51, resp51)
SUSPENSION_WORDS = ("暂停", "暂缓", "中止")


def _last_suspension(folded: str, start: int, end: int) -> int:
    """Where the last word of a suspension (SUSPENSION_WORDS) between ``start`` and ``end`` stands, else -1; or the
    measures' extension read as one of their suspension ("…相关措施分别延长至D1和D2，期满后恢复实施": MEASURES_EXTENDED_RE,
    session 60: the restores read no end, dropped)."""
    p = max(folded.rfind(w, start, end) for w in SUSPENSION_WORDS)
    if folded.find("措施", max(p, start), end) >= 0 and folded.find("延长", max(p, start), end) >= 0:
        for m in MEASURES_EXTENDED_RE.finditer(folded, max(p + 1, start)):  # (its lookahead reaches past ``end``)
            if m.start() >= end:
                break
            p = m.start()
    return p
