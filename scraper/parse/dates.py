"""Dates and times as MOFCOM writes them, and the end dates of durations.

All times are Beijing time (+08:00). Patterns run on folded text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from storage.frozen import quick_init
from storage.periods import add_months as add_months  # re-exported: callers and tests read them here
from storage.periods import add_years as add_years
from storage.periods import period_end as period_end
from storage.vocabulary import BEIJING

from .lazyre import lazy_compile
from .textnorm import DECIMALS, MD, NUM, YEAR, to_int

DATE_RE = re.compile(rf"(?P<y>{YEAR})\s*年\s*(?P<m>{MD})\s*月\s*(?P<d>{MD})\s*日")
TIME_SUFFIX_RE = lazy_compile(r"\s*(?P<h>\d{1,2})\s*[时:点]\s*(?P<mi>\d{1,2})?\s*分?")
ISO_DT_RE = re.compile(r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?:[ T]+(?P<h>\d{1,2}):(?P<mi>\d{2}))?")
STANDALONE_DATE_RE = lazy_compile(rf"^\s*{YEAR}\s*年\s*{MD}\s*月\s*{MD}\s*日\s*$")
# Each alternative opens with a literal, so sre scans for their first characters alone.
FILING_DATE_RE = re.compile(r"【\s*(?:发文|成文|发布)日期\s*】\s*([^\n【]+)|发文日期\s*:\s*([^\n]+)|成文日期\s*:\s*([^\n]+)")
# 自公布之日起 / 自即日起 -> the published date.
# "自本公告发布之日起", "自本次答问发布之日起30日后" (session 34, audit34/24: the text named before 发布 made the Q&A's lift
# take another step's day) count from the publication day as well.
FROM_PUBLICATION_RE = re.compile(r"自\s*(?:本\s*(?:次\s*)?(?:公告|答问|答记者问|决定|通知)?\s*)?(?:公布|发布|印发|公告)\s*之\s*日\s*起"
                                 r"|自\s*即\s*日\s*起")
# "自发布之次日起", "自本次发布会次日起", "自公布次日起": the day after the publication day (session 41, qa41/04, 30: read as
# the answer's own day, a lift or suspension a day early).
# "自明日起" too (session 41, qa41 probe: read as the answer's day).
NEXT_DAY_RE = lazy_compile(r"自\s*(?:本\s*(?:次\s*)?(?:公告|答问|答记者问|决定|通知|新闻发布会|发布会)?\s*)?"
                           r"(?:(?:公布|发布|印发|公告)\s*(?:之\s*)?)?(?:次|明)\s*[日天]\s*起")
NEXT_DAY_WORDS = ("次日", "明日", "明天")
# "自下周一（12月7日）起", "自本月下旬（2026年12月21日）起": a day told by words with its date in a bracket before 起 (session 41,
# qa41 probe: read as the answer's day, a lift three days early).
BRACKET_DAY_RE = lazy_compile(rf"自[^,;。()\n起]{{1,8}}?[（(]\s*(?:(?P<y>{YEAR})\s*年\s*)?(?P<m>{MD})\s*月\s*(?P<d>{MD})\s*日"
                              r"\s*(?:[,，、]?\s*(?:星期|周)[一二三四五六日天])?\s*[）)]\s*起")
# "自发布之日起30日后施行", "自公布之日起三个月后施行": a delay after the publication day, counted as the
# notices count a period (the publication day is its first day: 30日后 -> published + 30 days).
# "自公布之日起第30日起实施" counts the same way (the publication day is not counted: day 30 is published + 30 days; session
# 29, audit29/12: read as the publication day, a listing in force a month early).
AFTER_PUBLICATION_RE = lazy_compile(rf"\s*(?:满\s*|(?P<nth>第)\s*)?(?P<n>{NUM})\s*(?P<unit>天|日|个月|年|周)"
                                    r"\s*(?(nth)|(?:后|以后|之后))")
# The hour in digits, or 零 ("自2026年11月10日零时起": midnight); the minute in digits ("12时01分").
# A weekday in brackets after the day, "自2026年12月21日（星期一）起" (session 34, audit34/07: the answer's day was taken).
WEEKDAY = r"(?:\s*\((?:星期|周|礼拜)[一二三四五六日天]\))?"
# "自北京时间2026年12月10日12时01分起", "自2026年12月10日（北京时间）起": the clock named (review45: no day read, the step took the
# notice's own day, 9 days early, silently; too long for ``rules.checks.START_RE`` to hold it)
BEIJING_TIME = r"(?:\s*\(北京时间\))?"
FROM_DATE_RE = re.compile(
    rf"(?:自|从|于)\s*(?:北京时间\s*)?(?P<date>(?P<y>{YEAR})\s*年\s*(?P<m>{MD})\s*月\s*(?P<d>{MD})\s*日){WEEKDAY}"
    rf"(?P<time>\s*(?P<h>\d{{1,2}}|零)\s*[时:点]\s*(?:(?P<mi>\d{{1,2}})\s*分?)?)?{BEIJING_TIME}\s*起"
)
# "本公告2026年12月1日起正式实施", "商务部决定，2026年12月1日起停止执行…": the same with no 自 before the day (session 24,
# parse24: the publication day was taken); looked for only where FROM_DATE_RE finds nothing and a "日起" or "时起" is.
BARE_FROM_DATE_RE = lazy_compile(
    rf"(?<![\d〇○零一二三四五六七八九O])(?P<date>(?P<y>{YEAR})\s*年\s*(?P<m>{MD})\s*月\s*(?P<d>{MD})\s*日){WEEKDAY}"
    rf"(?P<time>\s*(?P<h>\d{{1,2}}|零)\s*[时:点]\s*(?:(?P<mi>\d{{1,2}})\s*分?)?)?\s*起"
)
# "自2027年3月1日原暂停期限届满之日起", "自2027年3月1日（原暂停期限届满之日）起", "自原暂停期限届满之日（2027年3月1日）起": a day
# and the end it is, one 起 after both (story36 S2b: a late notice's "继续暂停…" read from its own day, three days after the
# lapse it undoes); looked for only where "届满之日" is and no other "自…起" was read.
# The end's next day too, or 期满/到期 for 届满: "自原暂停期限届满次日（2026年11月11日）起" (session 45, a qa45 probe: the answer's own
# day, three weeks late, silently).
_END_DAY = r"(?:届满|期满|到期)\s*(?:之\s*)?(?:次\s*)?日"
FROM_END_DATE_RE = lazy_compile(
    rf"(?:自|从)\s*(?:(?P<date>(?P<y>{YEAR})\s*年\s*(?P<m>{MD})\s*月\s*(?P<d>{MD})\s*日)\s*[（(]?[^，,。；;（）()起]{{0,12}}?"
    rf"{_END_DAY}\s*[）)]?|[^，,。；;（）()起]{{0,12}}?{_END_DAY}\s*[（(]\s*(?P<date2>(?P<y2>{YEAR})\s*年\s*(?P<m2>{MD})\s*月"
    rf"\s*(?P<d2>{MD})\s*日)\s*[）)])\s*起"
)
_END_WORDS = ("届满", "期满", "到期")  # in every FROM_END_DATE_RE match: the cheap test
# "暂停期限自2025年11月10日至2026年11月10日": a period's first day, with no 起 after it.
# "暂停期限为2026年11月10日至2027年11月9日" too (session 34, audit34/05: the publication day was taken).
# "在2026年12月10日至2027年12月9日期间，暂停…", "从…至…" (qa47: read from the answer's own day, two days early, silently).
FROM_TO_RE = lazy_compile(rf"(?:自|在|从|(?:期限|期间|时间)\s*为)\s*(?P<y>{YEAR})\s*年\s*(?P<m>{MD})\s*月\s*(?P<d>{MD})\s*日"
                          rf"{WEEKDAY}\s*至")
# "2026年12月10日至2027年6月9日，暂停实施…" (no 自): a period written whole, day to day, its clause ending after it (qa47: the
# same fault). Taken only where the first day is not told long before the text (a listing's days recounted, "2025年4月4日至
# 4月9日，…先后发布公告", are no start of the step).
DAY_TO_DAY_RE = lazy_compile(rf"(?<![至到\d])(?P<y>{YEAR})\s*年\s*(?P<m>{MD})\s*月\s*(?P<d>{MD})\s*日{WEEKDAY}\s*至\s*"
                             rf"(?:{YEAR}\s*年\s*|){MD}\s*月\s*{MD}\s*日\s*(?:止\s*|)(?:期间\s*|)[,，]")
DAY_TO_DAY_REACH = timedelta(days=90)  # as actions.periods.HISTORY_GAP
# "自1月10日起", "自今年1月10日起" (a year told relative to the text's: RELATIVE_YEARS), "自明年1月1日零时起" (its hour: session
# 34, audit34/08, read as the answer's own day, a restore a day early); "自本月15日起", "自下月1日起" (a month told relative to
# the text's: RELATIVE_MONTHS; audit34/22, read as the answer's day).
FROM_MONTH_DAY_RE = lazy_compile(rf"(?:自|从)\s*(?:(?P<rel>今年|本年|去年|明年|)\s*(?P<m>{MD})\s*月|(?P<relm>本月|当月|下月|次月))"
                                 rf"\s*(?P<d>{MD})\s*日{WEEKDAY}"
                                 rf"(?:\s*(?P<h>\d{{1,2}}|零)\s*[时:点]\s*(?:(?P<mi>\d{{1,2}})\s*分?)?)?\s*起")
RELATIVE_MONTHS = {"本月": 0, "当月": 0, "下月": 1, "次月": 1}
HALF_A_YEAR = 180  # days: a month-day with no year is the one nearest the text's day (``nearest_year``)
BACK_REACH = 90  # days: ... but a year back only this far before it (as actions.periods.HISTORY_GAP)
# "自2027年元旦起", "自明年元旦起", "自元旦零时起": New Year's Day is 1月1日, read as that day written in digits would be (its year
# written or told relative to the text's; session 57, held57, qa53/01: held as "no day the dates read" before). With no
# year only in a text of December (the next one, certain); in another month which one is meant is not (a text of May
# would read the past one, as "自1月1日起" does): held. Only right before 起 (with its hour): "元旦前后", "元旦假期后" stay no
# day. Looked for only where "旦" is.
NEW_YEAR_DAY_RE = lazy_compile(r"元旦(?=\s*(?:零\s*时\s*)?起)")
NEW_YEAR_DAY = "1月1日"
NEW_YEAR_EVE_MONTH = 12  # a bare "元旦" is read in a text of this month only
# A year written relative to the text's own ("去年4月4日", "今年1月10日"): how many years from the text's year. A month-day
# after one has that year, never the one the text's day would give it (session 30, audit30/13 and /21: "去年4月4日" in
# an answer of 2026-12 named 2026-04-04, "自今年1月10日起" in one of 2027-01-08 was read as its own day).
RELATIVE_YEARS = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1}
OWN_EFFECTIVE_RE = re.compile(
    r"本(?:公告|决定|令|规定|办法|通知)?[^。\n]{0,40}?(?:实施|施行|生效|执行)"
    # "现予公布，自公布之日起施行" (orders); a clause that is only "自…起施行"
    r"|(?:^|(?<=[。\n,，;；]))\s*自[^。\n,，]{0,30}?起\s*(?:正式)?(?:实施|施行|生效)",
    re.MULTILINE,
)
MONTH_DAY_RE = lazy_compile(rf"(?<![年\d])(?P<m>{MD})\s*月\s*(?P<d>{MD})\s*日")
# "90天", "一年", "三个月", "一年半" (``period_of`` reads it as months), "一周年" (a year, not a week), "一个季度" (three
# months, ``period_of``; never a bare "季度": "前三季度", "一季度" are trade figures' quarters), and a second part after years
# or months: "1年零3个月", "一年又三个月", "1年3个月" (months), "1年零15天" (days more). This one and HALF_YEAR_RE are compiled
# at import, not on first use (lazyre): actions tells their matches by ``m.re is``.
DURATION_RE = re.compile(rf"(?:为期\s*)?(?P<n>{NUM})\s*(?P<unit>天|日|个月|个季度|周年|年|周)(?P<half>半)?"
                         rf"(?:(?<=[年月])\s*(?:零|又|加)?\s*(?P<n2>{NUM})\s*(?P<unit2>个月|天|日))?")
QUARTER = "个季度"  # DURATION_RE's unit of three months
MONTHS_A_QUARTER = 3
# "半年", with DURATION_RE's groups; looked for only where "半" is (rare: a second pattern costs less than a
# branch of DURATION_RE tried at every place).
HALF_YEAR_RE = re.compile(r"(?:为期\s*)?(?P<n>半)\s*(?P<unit>年)(?P<half>)(?P<n2>)(?P<unit2>)")
# "至2026年11月27日(止)", "截至…", "截止到…", "延长到…": the last day of a suspension (the measures apply again the day
# after). Not "收到" / "达到" / "得到" a day.
UNTIL_RE = re.compile(rf"(?:至|(?<![收达得])到)\s*(?P<date>{YEAR}\s*年\s*{MD}\s*月\s*{MD}\s*日)")


@quick_init
@dataclass(frozen=True)
class Stamp:
    """A date with an optional time of day (Beijing time)."""

    day: date
    hour: int | None = None
    minute: int | None = None

    def iso(self) -> str:
        if self.hour is None:
            return self.day.isoformat()
        return f"{self.day.isoformat()}T{self.hour:02d}:{self.minute or 0:02d}+08:00"

    def as_datetime(self) -> datetime | None:
        if self.hour is None:
            return None
        return datetime(self.day.year, self.day.month, self.day.day, self.hour, self.minute or 0, tzinfo=BEIJING)


def make_date(y: str | int | None, m: str | int | None, d: str | int | None) -> date | None:
    """The day of ``y``, ``m``, ``d`` as the date patterns capture them (digits or Chinese
    numerals, None where a part is missing) or ints; None when that is no day."""
    # Plain digits (read from DECIMALS) or ints, nearly every date; a part left a string (Chinese numerals) or None is
    # no int to ``date``: TypeError.
    try:
        return date(DECIMALS.get(y, y), DECIMALS.get(m, m), DECIMALS.get(d, d))  # type: ignore[arg-type]
    except (TypeError, ValueError):  # a part missing or in Chinese numerals, or no such day
        return _read_date(y, m, d)


def _read_date(y: str | int | None, m: str | int | None, d: str | int | None) -> date | None:
    """``make_date`` read plainly: ``to_int`` of each part that is no int, then the day if there is one."""
    yi = y if isinstance(y, int) else to_int(y or "")
    mi = m if isinstance(m, int) else to_int(m or "")
    di = d if isinstance(d, int) else to_int(d or "")
    if not (yi and mi and di):
        return None
    try:
        return date(yi, mi, di)
    except ValueError:
        return None


def parse_cn_date(text: str) -> date | None:
    """First "2025年4月4日" (or "2025-04-04") in ``text``."""
    m = DATE_RE.search(text) if "年" in text else None  # in every match
    if m:
        return make_date(*m.groups())  # y, m, d: one call for the three
    m = ISO_DT_RE.search(text)
    return make_date(*m.groups()[:3]) if m else None


def parse_stamp(text: str) -> Stamp | None:
    """A date with an optional "12时01分" / "22:00" right after it."""
    m = DATE_RE.search(text) if "年" in text else None  # in every match
    if m:
        day = make_date(*m.groups())
        if day is None:
            return None
        t = TIME_SUFFIX_RE.match(text, m.end())
        if t:
            hour, minute = t.groups()
            return Stamp(day, int(hour), int(minute or 0))
        return Stamp(day)
    m = ISO_DT_RE.search(text)
    if not m:
        return None
    y, mo, d, hour, minute = m.groups()  # one call for the five groups
    day = make_date(y, mo, d)
    if day is None:
        return None
    if hour:
        return Stamp(day, int(hour), int(minute))
    return Stamp(day)


def filing_date(folded: str) -> date | None:
    """【发文日期】2025年04月09日, 【发文日期】2025-11-05: the date the line opens with."""
    m = FILING_DATE_RE.search(folded) if "日期" in folded else None  # in every match; a cheap scan
    if not m:
        return None
    value = m.group(m.lastindex or 0)
    # an ISO date has "-", "/" or "." (a cheap test: most lines hold the Chinese date alone)
    iso = ISO_DT_RE.search(value) if "年" in value and ("-" in value or "/" in value or "." in value) else None
    if iso is not None:  # "2025-11-05 根据…2025年4月4日…" (the body run into the line): the date written first
        cn = DATE_RE.search(value, 0, iso.start())
        if cn is None:
            return make_date(*iso.groups()[:3])
    return parse_cn_date(value)


def signature_date(lines: list[str]) -> date | None:
    """The first line that is nothing but a date (the signature "2025年4月4日")."""
    for line in lines:
        if "年" in line and STANDALONE_DATE_RE.match(line):  # 年: in every match, a cheap test
            return parse_cn_date(line)
    return None


def effective_in(sentence: str, published: date | None) -> str | None:
    """ISO effective date or date-time stated in ``sentence`` ("自…起", else "自…至…")."""
    if "起" not in sentence:  # in every match of the three regexes
        return period_start(sentence, published)
    if "旦" in sentence:  # "自2027年元旦起": "自2027年1月1日起" (NEW_YEAR_DAY_RE; nearly no sentence holds 旦)
        sentence = NEW_YEAR_DAY_RE.sub(lambda m: _new_year_day(m, published), sentence)
    m = FROM_DATE_RE.search(sentence) if "年" in sentence else None
    if m is None and "年" in sentence and any(w in sentence for w in _END_WORDS) \
            and (end := FROM_END_DATE_RE.search(sentence)):
        day = make_date(*end.group("y", "m", "d")) if end.group("y") else make_date(*end.group("y2", "m2", "d2"))
        return day.isoformat() if day else None
    if m is None and ("日起" in sentence or "时起" in sentence) and "年" in sentence:
        m = BARE_FROM_DATE_RE.search(sentence)
    if m:
        _, y, mo, d, _, hour, minute = m.groups()  # one call for the groups
        day = make_date(y, mo, d)
        if day is None:
            return None
        if not hour:
            return day.isoformat()
        return Stamp(day, 0 if hour == "零" else int(hour), int(minute or 0)).iso()
    if published and any(w in sentence for w in NEXT_DAY_WORDS) and (m := NEXT_DAY_RE.search(sentence)) is not None:
        return (published + timedelta(days=1)).isoformat()
    if published and ("）起" in sentence or ")起" in sentence) and (m := BRACKET_DAY_RE.search(sentence)) is not None:
        told = make_date(m.group("y") or published.year, m.group("m"), m.group("d"))
        if told is not None and not m.group("y"):  # "（1月4日）" written in late December: the next year's
            told = nearest_year(told, published)
        if told is not None:
            return told.isoformat()
    if published and "日" in sentence:
        m = FROM_PUBLICATION_RE.search(sentence)
        if m:  # "后" is in every delay ("30日后"): most sentences need no look for one
            return (_after_publication(sentence, m.end(), published) if "后" in sentence or "第" in sentence
                    else published).isoformat()
    m = FROM_MONTH_DAY_RE.search(sentence) if published and "月" in sentence else None
    if m and published:
        rel, relm, hour = m.group("rel", "relm", "h")
        if relm:  # "本月15日", "下月1日"
            month = published.month + RELATIVE_MONTHS[relm]
            day = make_date(published.year + (month - 1) // 12, (month - 1) % 12 + 1, m.group("d"))
        else:
            day = make_date(published.year + RELATIVE_YEARS[rel] if rel else published.year, m.group("m"), m.group("d"))
            if day and not rel:  # "自1月1日起" written in late December, "自12月31日起" in early January
                day = nearest_year(day, published)
        if day is None:
            return None
        return day.isoformat() if not hour else Stamp(day, 0 if hour == "零" else int(hour), int(m.group("mi") or 0)).iso()
    return period_start(sentence, published)


def nearest_year(day: date, published: date) -> date:
    """A month-day read in the year of the text's day ``published``, a year on where that puts it more than half a year
    before the text ("自1月1日起" written in late December), a year back where it puts it more than half a year after and
    the year before's is at most BACK_REACH before ("自12月31日起" in an answer of 2030-01-03: 2029-12-31, back-dated three
    days; not in one of 2030-06-03: 2030-12-31, as before; blind57, session 57: read as
    2030-12-31, a suspension a year ahead, the listing shown in force meanwhile, silently)."""
    if (published - day).days > HALF_A_YEAR:
        return make_date(day.year + 1, day.month, day.day) or day
    if (day - published).days > HALF_A_YEAR:
        last = make_date(day.year - 1, day.month, day.day)
        return last if last is not None and (published - last).days <= BACK_REACH else day
    return day


def _new_year_day(m: re.Match[str], published: date | None) -> str:
    """NEW_YEAR_DAY_RE's "元旦" as "1月1日" where its year is written or told before it ("2027年", "明年": a 年 right before
    it), or where a text of December says it bare; else as it is (no day the dates read)."""
    told = m.string[: m.start()].rstrip().endswith("年")
    return NEW_YEAR_DAY if told or published is not None and published.month == NEW_YEAR_EVE_MONTH else m[0]


def _after_publication(sentence: str, at: int, published: date) -> date:
    """The day a "自公布之日起" ending at ``at`` names: the publication day, or the day a delay written right
    after it ends ("30日后施行": ``published`` + 30 days)."""
    m = AFTER_PUBLICATION_RE.match(sentence, at)
    n = to_int(m.group("n")) if m else None
    return published if m is None or n is None else period_end(published, n, m.group("unit"))


def period_start(sentence: str, published: date | None = None) -> str | None:
    """The first day of a period "自2025年11月10日至2026年11月10日" (FROM_TO_RE), ISO; of one written whole with no 自
    ("2026年12月10日至2027年6月9日，…", DAY_TO_DAY_RE) when the text's day ``published`` is known and the first day is not long
    before it."""
    if "至" not in sentence:
        return None
    m = FROM_TO_RE.search(sentence)
    day = make_date(*m.groups()) if m else None
    if m is None and published is not None and "年" in sentence and (b := DAY_TO_DAY_RE.search(sentence)) is not None:
        day = make_date(*b.group("y", "m", "d"))
        if day is not None and day < published - DAY_TO_DAY_REACH:
            day = None
    return day.isoformat() if day else None


def notice_effective(folded: str, published: date | None) -> str | None:
    """The notice's own effective date: "本公告自公布之日起实施", "自2025年4月10日12时01分起"."""
    for m in own_effective_matches(folded):
        found = effective_in(m.group(0), published)
        if found:
            return found
    return None


def own_effective_matches(folded: str) -> list[re.Match[str]]:
    """What ``OWN_EFFECTIVE_RE.finditer(folded)`` yields, trying only where a match can
    start: at a 本, or in the blanks right before a 自 (a scan of every position costs
    more than the rest of the rule)."""
    find = folded.find
    starts = []
    pos = find("本")
    while pos >= 0:
        starts.append(pos)
        pos = find("本", pos + 1)
    pos = find("自")
    while pos >= 0:
        starts.append(pos)
        before = pos
        while before > 0 and folded[before - 1].isspace():
            before -= 1
            starts.append(before)
        pos = find("自", pos + 1)
    # No place is found twice: a 本 or 自 is no blank, and a blank run ends at one 自.
    starts.sort()
    found: list[re.Match[str]] = []
    end = 0
    match = OWN_EFFECTIVE_RE.match
    for start in starts:
        if start >= end:
            m = match(folded, start)
            if m:
                end = m.end()
                found.append(m)
    return found


def relative_year(folded: str, at: int, anchor: date | None) -> int | None:
    """The year a month-day starting at ``at`` has when "去年" / "今年" (RELATIVE_YEARS) stands right before it, counted
    from ``anchor``'s year; None when none does (or there is no anchor)."""
    if anchor is None or "年" not in folded[max(0, at - 4) : at]:
        return None
    before = folded[max(0, at - 4) : at].rstrip()
    shift = RELATIVE_YEARS.get(before[-2:])
    return None if shift is None else anchor.year + shift


def resolve_month_day(month: int, day: int, context_year: int | None, anchor: date | None) -> date | None:
    """A "4月4日" without a year: the year named nearby, else the anchor's year,
    minus one when that would put it after the anchor (a Q&A only looks back)."""
    year = context_year or (anchor.year if anchor else None)
    if year is None:
        return None
    found = make_date(year, month, day)
    if found and anchor and not context_year and found > anchor:
        found = make_date(year - 1, month, day)
    return found


def until_from(duration: str, start: date | None) -> date | None:
    """End date of a duration as written: "90天" -> start + 90 days; "1年" -> same day
    next year; "至2026年11月27日" -> that date. None when it cannot be computed."""
    m = UNTIL_RE.search(duration)
    if m:
        return parse_cn_date(m.group("date"))
    m = DURATION_RE.search(duration) or (HALF_YEAR_RE.search(duration) if "半" in duration else None)
    if not m or start is None:
        return None
    period = period_of(m)
    return None if period is None else period_end(start, *period)


def period_of(m: re.Match[str]) -> tuple[int, str, int] | None:
    """A DURATION_RE or HALF_YEAR_RE match as (count, unit, days more): "90天" (90, "天", 0); "半年" (6, "个月", 0),
    "一年半" (18, "个月", 0), "一周年" (1, "年", 0), "1年零3个月" (15, "个月", 0), "1年零15天" (1, "年", 15); None for a
    count that is no number, or a second part that is none ("1年半零3个月")."""
    n_text, unit, n2_text, unit2 = m.group("n", "unit", "n2", "unit2")
    if n_text == "半":
        return 6, "个月", 0
    n = to_int(n_text)
    if n is None:
        return None
    if unit == "周年":
        unit = "年"
    if unit == QUARTER:  # "为期一个季度": three months (session 52, qa53/15: read as no term, suspended for good, silently)
        return (None if n2_text or m.group("half") else (MONTHS_A_QUARTER * n, "个月", 0))
    if unit == "年" and m.group("half"):
        return (None if n2_text else (12 * n + 6, "个月", 0))
    if not n2_text:
        return n, unit, 0
    n2 = to_int(n2_text)
    if n2 is None or unit not in ("年", "个月") or m.group("half"):
        return None
    if unit2 == "个月":
        return (12 * n + n2, "个月", 0) if unit == "年" else None
    return n, unit, n2


def iso_to_date(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None
