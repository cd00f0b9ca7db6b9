"""One step on several notices, each notice its own start, term or end: the step split into a step per notice where the
pairing is plain (session 44, clauses44; session 43 held each form for a person, review46/47 and qa43):

- 分别 with as many starts, terms or ends as notices ("分别自即日和2027年1月1日起", "分别于D1和D2停止实施", "期限分别为6个月和1年",
  "分别至D1和D2", "分别暂停实施A和B相关措施6个月和1年");
- 其中 naming notices of the step, each in a clause of its own with its term or end ("…相关措施，其中第21号公告相关措施暂停至D1，
  第22号公告相关措施暂停至D2", "…暂停期限为6个月；其中第22号相关措施暂停期限为1年"): the others keep the step's own;
- a clause per notice with no verb of its own after the step ("暂停实施A相关措施6个月，B相关措施1年", "…，B相关措施亦同", "…，B相关措施
  亦同，但期限为6个月": B the same step with its own term).

Anything else (counts unequal, a 其中 naming a notice the step does not take, a notice named twice, a number whose notice
is not plain, a term and an end for one notice) is left as the one step, which ``rules.checks`` (``unread_ends_apart``,
``unread_elided_step``, ``unread_start``) holds for a person. Pure functions; each asked only behind a cheap find."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from storage.periods import iso_period
from storage.records import ActionKind, NoticeRef

from ..dates import DURATION_RE, HALF_YEAR_RE, effective_in, parse_cn_date, period_end, period_of
from ..lazyre import lazy_compile
from ..textnorm import MD, NUM, YEAR
from .periods import MONTH_END_RE, until_day
from .words import ActionDraft

EACH = "分别"
AMONG = "其中"
# The steps a term or an end belongs to; a start belongs to any step (a lift "分别于D1和D2停止实施…").
TERMED = (ActionKind.SUSPEND, ActionKind.EXTEND)
APART_KINDS = (ActionKind.SUSPEND, ActionKind.EXTEND, ActionKind.LIFT, ActionKind.RESTORE)

# The fragments JOIN_ALT, TERM_ALT, END_ALT and LATER_END_ALT, and ``ends_told``, are shared with ``rules.checks``
# (TERMS_THEN_ENDS_RE reads "6个月和1年，即分别至D1和D2" with the same items): public names.
JOIN_ALT = r"\s*(?:和|、|及|与|以及)\s*"
# a term as DURATION_RE reads it whole: "1年半", "1年零3个月", "半年" (probe44: "分别为半年和1年" gave both a year and
# "分别为6个月和1年零3个月" No. 22 a year, silently: the items were cut at "年")
TERM_ALT = rf"(?:{NUM}\s*(?:个月|周年|年|天|日)(?:半|\s*(?:零|又|加)?\s*{NUM}\s*(?:个月|天|日))?|半年)"
_DAY = rf"{YEAR}\s*年\s*{MD}\s*月\s*{MD}\s*日"
# an end as a clause may write it: a day whole, or a month's end with its year ("至2027年6月底", ``periods.MONTH_END_RE``: the
# month's last day; session 48, count47's open B: held in a sentence naming two notices, as No. 21 took No. 22's end)
END_ALT = rf"(?:{_DAY}|{YEAR}\s*年\s*{MD}\s*月\s*[底末](?!\s*[前以之]))"
# a start as "自…起" says it: a day written whole, or the day the text is published ("即日", "本公告发布之日")
_START = rf"(?:{_DAY}|即日|(?:本公告\s*)?(?:发布|公布)\s*之\s*日)"
TERM_ITEM_RE = lazy_compile(TERM_ALT)
DAY_ITEM_RE = lazy_compile(_DAY)
END_ITEM_RE = lazy_compile(END_ALT)
START_ITEM_RE = lazy_compile(_START)
# "分别自2026年12月10日和2027年1月1日起，…", "分别于D1和D2停止实施…", "于D1、D2分别停止实施…", "A和B分别自D1和D2起停止实施": a
# start for each notice, before the verb (searched in the text before it: ``$`` is the verb's place).
EACH_STARTS_RE = lazy_compile(
    rf"(?P<each>分别\s*)?(?:自|从|于)\s*(?P<list>{_START}(?:{JOIN_ALT}{_START})+)\s*"
    r"(?:起(?:\s*,?\s*(?:分别\s*)?对[^,;。\n]{1,80}?)?|(?=\s*,?\s*(?:分别\s*)?$))")
# "期限分别为6个月和1年", "暂停期限分别为6个月、1年", "分别为期1年和6个月": a term for each notice, after the verb.
EACH_TERMS_AFTER_RE = lazy_compile(
    rf"分别\s*(?:为期|为|是|延长\s*为?)?\s*(?P<list>{TERM_ALT}(?:{JOIN_ALT}{TERM_ALT})+)(?!\s*[\d月])")
# "分别暂停实施A和B相关措施6个月和1年": the terms right after the measures, 分别 before the verb.
EACH_TERMS_RE = lazy_compile(rf"\s*(?P<list>{TERM_ALT}(?:{JOIN_ALT}{TERM_ALT})+)(?!\s*[\d月])")
# "分别至2027年6月30日和2027年12月31日", "暂停期限分别延长至D1、D2": an end for each notice.
# A later end may leave its year to the one before ("至2027年5月31日和11月30日", session 51, resp51: held): read as that year's
# where the day is later than the one before (``ends_told``), else not read (held).
LATER_END_ALT = rf"(?:{END_ALT}|{MD}\s*月\s*{MD}\s*日)"
YEARLESS_ITEM_RE = lazy_compile(rf"(?:(?P<y>{YEAR})\s*年\s*)?(?P<m>{MD})\s*月\s*(?P<d>{MD})\s*日")
EACH_ENDS_RE = lazy_compile(rf"分别\s*(?:延长\s*)?(?:至|到)\s*(?P<list>{END_ALT}(?:{JOIN_ALT}(?:至\s*)?{LATER_END_ALT})+)")
# "…第21号和第22号相关措施分别暂停至D1和D2", "…分别暂停实施至D1、D2": an end for each notice right after the verb, 分别
# before it (session 50, review59/23: the suspensions not read, one restore of both from D1's next day; fix60)
EACH_VERB_ENDS_RE = lazy_compile(rf"\s*(?:实施|执行)?\s*(?:至|到)\s*(?P<list>{END_ALT}(?:{JOIN_ALT}(?:至\s*)?{LATER_END_ALT})+)")

# A clause after the step's object naming one notice's measures with its own term or end, or the same step, and no verb:
# "其中第21号公告相关措施暂停至2027年6月30日", "第22号相关措施1年", "商务部公告2025年第22号相关措施暂停期限为1年", "第22号相关措施亦同".
NOTICE_CLAUSE_RE = lazy_compile(
    r"(?P<among>其中\s*)?(?:对\s*)?(?P<who>(?:(?!暂停|停止|恢复|继续|延长|解除|取消|终止|实施|执行|其中)[^,;。\n]){0,30}?"
    r"(?P<n>\d{1,4})\s*号)\s*(?:公告)?\s*(?:的\s*)?相关措施\s*(?:的\s*)?(?:暂停\s*)?(?:期限\s*)?"
    rf"(?:同为|为期|为|延长至|至)?\s*(?:(?P<term>{TERM_ALT})|(?P<end>{END_ALT})|(?P<same>亦同|亦然|同样如此|也是如此|(?:亦|也)?[作做](?:相同|同样)处理|(?:亦|也)?照此(?:办理|执行|处理)))\s*")
# "…第21号相关措施1年，…7号相关措施照此办理" (qa47/44, held in session 47; the lead's decision, session 48: read where one step
# with one term or end of its own precedes it, a suspension or an extension): the same step, as "亦同"
LIKEWISE = "照此"
# A clause saying only the step's term or end ("暂停期限为6个月", "期限为1年", "为期1年", "暂停至2027年6月30日").
TERM_CLAUSE_RE = lazy_compile(
    rf"\s*(?:暂停\s*)?(?:期限\s*)?(?:为期|为|延长至|至)?\s*(?:(?P<term>{TERM_ALT})|(?P<end>{END_ALT}))\s*")
# "…，第22号相关措施亦同，但期限为6个月": the same step for the notice of the clause before, with a term or end of its own
# (session 45, probe44 #22: the clause was passed over, No. 22 given the step's year, silently).
BUT = "但"
BUT_RE = lazy_compile(r"\s*(?:但是?|只是|不过)\s*(?:其\s*)?")
# The step's own term or end right after the measures named in its clause ("…第21号相关措施6个月", "…相关措施至2027年6月30日").
OWN_TERM_RE = lazy_compile(
    rf"相关措施\s*(?:的\s*)?(?:暂停\s*)?(?:期限\s*)?(?:为期|为|延长至|至)?\s*(?:(?P<term>{TERM_ALT})|(?P<end>{END_ALT}))?\s*$")
CLAUSE_MARK_RE = lazy_compile(r"[,;](?![^()]*\))")  # a clause mark outside a bracket
AMONG_AFTER = ";其中"  # "…暂停期限为6个月；其中第22号…": one text with the clause before it (review47)
# What writes a notice whole before its number ("商务部公告2025年第22号", "…公告〔2025〕7号"): its key is its reference's.
FULL_REF_WORDS = ("公告", "令", "年", "(")
NUMBER_KEY_RE = lazy_compile(r"^(?P<prefix>.*-)(?P<n>\d+)$")

Told = tuple[str, str]  # ("term", "6个月") or ("end", "2027年6月30日")


def region_end(folded: str, next_start: int, s_end: int) -> int:
    """Where the text a step's own terms and notice clauses may stand ends: the next verb, or its clause's end, past a
    ";其中" to the next stop."""
    if next_start < s_end or not folded.startswith(AMONG_AFTER, s_end):
        return next_start
    stops = [i for i in (folded.find("。", s_end + 1), folded.find("\n", s_end + 1), folded.find(";", s_end + 1)) if i >= 0]
    return min(stops, default=len(folded))


def per_notice(folded: str, action: ActionDraft, s_start: int, at: int, v_end: int, stop: int,
               published: date | None, refs: list[tuple[int, int, NoticeRef]]) -> list[ActionDraft] | None:
    """``action`` (the verb at ``at``..``v_end``, its clause from ``s_start``, its object and terms to ``stop``) as one step
    per notice, each with its own start, term or end, where its text pairs them plainly; None else (the step as read). A
    lift or a restore splits by its starts, or takes another notice told "亦同" ("停止实施A相关措施，B相关措施亦同": B's lift
    was missed, silently)."""
    if action.action not in APART_KINDS:
        return None
    if folded.find(EACH, s_start, stop) >= 0:
        return _each(folded, action, s_start, at, v_end, stop, published)
    marks = [p for p in (folded.find(",", v_end, stop), folded.find(";", v_end, stop)) if p >= 0]
    if not marks or folded.find("号", min(marks), stop) < 0 or folded.find("相关措施", min(marks), stop) < 0:
        return None  # (nearly every step: no clause naming a notice after its object)
    mark = CLAUSE_MARK_RE.search(folded, v_end, stop)  # (a mark outside a bracket)
    return _clauses(folded, action, s_start, v_end, mark.start(), stop, refs) if mark is not None else None


def _keys(action: ActionDraft) -> list[NoticeRef] | None:
    """The step's notices, each once, in the order named; None where one has no key."""
    seen: dict[str, NoticeRef] = {}
    for t in action.targets:
        if t.key is None:
            return None
        seen.setdefault(t.key, t)
    return list(seen.values())


def _items(pattern: re.Pattern[str], text: str) -> list[str]:
    return ["".join(m[0].split()) for m in pattern.finditer(text)]


def ends_told(told: str) -> list[str]:
    """The ends of an EACH_ENDS_RE list, each with its year: a day without one takes the year of the day before where it
    is later than that day ("2027年5月31日和11月30日": 2027-11-30); where it is not ("2027年11月30日和5月31日": 2027 or 2028?),
    the ends stop there (fewer than the notices: not read, held)."""
    if all(m["y"] for m in YEARLESS_ITEM_RE.finditer(told)):
        return _items(END_ITEM_RE, told)  # (every end with its year: nearly every list)
    out: list[str] = []
    year: str | None = None
    last: date | None = None
    for m in YEARLESS_ITEM_RE.finditer(told):
        year = m["y"] or year
        day = parse_cn_date(f"{year}年{m['m']}月{m['d']}日") if year else None
        if day is None or last is not None and not m["y"] and day <= last:
            break
        out.append(f"{year}年{m['m']}月{m['d']}日")
        last = day
    return out


def _each(folded: str, action: ActionDraft, s_start: int, at: int, v_end: int, stop: int,
          published: date | None) -> list[ActionDraft] | None:
    """分别: as many starts (before the verb), terms or ends (after it) as notices, paired in the order named."""
    targets = _keys(action)
    if targets is None or len(targets) < 2:
        return None
    n = len(targets)
    starts: list[str | None] = [action.effective] * n
    found = False
    s = EACH_STARTS_RE.search(folded, s_start, at)
    if s is not None and (s["each"] or folded.find(EACH, s.end(), at) >= 0):
        days = _items(START_ITEM_RE, s["list"])
        if len(days) != n:
            return None
        starts = [effective_in(f"自{day}起", published) for day in days]
        if None in starts:
            return None
        found = True
    told: list[Told | None] = [None] * n
    if action.action in TERMED:
        lists = _told_lists(folded, at, v_end, stop)
        if len(lists) > 1 or lists and len(lists[0]) != n:
            return None  # a term and an end for each, or counts unequal: not read
        if lists:
            told, found = list(lists[0]), True
        elif found and _told_twice(folded, v_end, stop):
            return None  # "分别自D1和D2起，…，期限为1年和6个月", "…至D1和D2": starts paired, the terms or ends not (each took the first)
    if not found:
        return None
    if action.extends_by is not None:
        # "延长…的暂停期限，分别延长6个月和1年": each extended by its own term from its own suspension's end (was one of 6
        # months for both, No. 22's lapse six months early, silently)
        if any(own is None or own[0] != "term" for own in told) or starts != [action.effective] * n:
            return None
        extended = []
        for t, own in zip(targets, told, strict=True):
            period = _period(own[1]) if own is not None else None
            if own is None or period is None:
                return None
            extended.append(replace(action, targets=(t,), list=t.list or action.list, duration=own[1],
                                    extends_by=iso_period(*period)))
        return extended
    steps = []
    for target, start, own in zip(targets, starts, told, strict=True):
        step = _step(action, target, start, own)
        if step is None:
            return None
        steps.append(step)
    return steps


def _told_lists(folded: str, at: int, v_end: int, stop: int) -> list[list[Told]]:
    """The lists of terms or ends a 分别 step (its verb at ``at``..``v_end``, its object and terms to ``stop``) tells, one per
    form found: "分别暂停实施A和B相关措施6个月和1年" (after the measures), "对A和B相关措施分别继续暂停实施1年和6个月" (right after
    the verb, its notices before it: session 52, resp52, qa51/33: held), "期限分别为6个月和1年", "分别至D1和D2", "分别暂停至D1和D2"."""
    lists: list[list[Told]] = []
    each_before = folded.endswith(EACH, max(0, at - 2), at)
    after_measures = folded.rfind("措施", v_end, stop) if each_before else -1
    if after_measures >= 0 and (m := EACH_TERMS_RE.match(folded, after_measures + 2, stop)) is not None:
        lists.append([("term", t) for t in _items(TERM_ITEM_RE, m["list"])])
    if (m := EACH_TERMS_AFTER_RE.search(folded, at, stop)) is not None:
        lists.append([("term", t) for t in _items(TERM_ITEM_RE, m["list"])])
    if (m := EACH_ENDS_RE.search(folded, at, stop)) is not None:
        lists.append([("end", t) for t in ends_told(m["list"])])
    if each_before and (m := EACH_VERB_ENDS_RE.match(folded, v_end, stop)) is not None:
        lists.append([("end", t) for t in ends_told(m["list"])])
    if not lists and each_before and after_measures < 0 and (m := EACH_TERMS_RE.match(folded, v_end, stop)) is not None \
            and folded.find("至", m.end(), stop) < 0 and folded.find("即", m.end(), stop) < 0:
        # (only where nothing else is told: "…分别暂停实施6个月和1年，即分别至D1和D2" stays the ends', checked against the
        # terms; an end it cannot read there, "即分别至2027年5月10和11月10日", keeps the step held)
        lists.append([("term", t) for t in _items(TERM_ITEM_RE, m["list"])])
    return lists


def _told_twice(folded: str, start: int, stop: int) -> bool:
    """Whether ``folded[start:stop]`` tells two terms or two ends (a day's parts, "2027年", "1月1日", are no term)."""
    told = {"".join(m[0].split()) for m in DURATION_RE.finditer(folded, start, stop)
            if not (len(m["n"]) == 4 and m["n"].isdigit()) and not folded[m.start() - 1 : m.start()].isdigit()
            and folded[m.start() - 1 : m.start()] != "月"}
    return len(told | set(_items(DAY_ITEM_RE, folded[start:stop]))) > 1


def _period(text: str) -> tuple[int, str, int] | None:
    """A term item whole ("6个月", "1年零3个月", "半年") as (count, unit, days more); None where it is not one."""
    m = DURATION_RE.fullmatch(text) or HALF_YEAR_RE.fullmatch(text)
    return period_of(m) if m is not None else None


def _month_end(text: str) -> date | None:
    """The last day of the month "2027年6月底" names (``periods.until_day``'s), else None."""
    m = MONTH_END_RE.match("至" + text)
    return until_day((text, m), None, None) if m is not None else None


def _step(action: ActionDraft, target: NoticeRef, start: str | None, own: Told | None) -> ActionDraft | None:
    """``action`` on ``target`` alone from ``start``, with its own term or end ``own`` (else the step's own term, counted
    again from ``start``); None where a term has no start to count from."""
    duration, until = action.duration, action.until
    if own is None and until is not None and duration and start != action.effective \
            and DURATION_RE.fullmatch(duration) is not None:
        own = ("term", duration)  # one term for each, counted from each one's start
    if own is not None:
        kind, text = own
        if kind == "end":
            duration, until = f"至{text}", parse_cn_date(text) or _month_end(text)
        else:
            period = _period(text)
            if period is None or start is None:
                return None
            duration, until = text, period_end(date.fromisoformat(start[:10]), *period)
    return replace(action, targets=(target,), list=target.list or action.list, duration=duration, until=until,
                   effective=start, extends_by=None if own is not None else action.extends_by)


def _clauses(folded: str, action: ActionDraft, s_start: int, v_end: int, first_mark: int, stop: int,
             refs: list[tuple[int, int, NoticeRef]]) -> list[ActionDraft] | None:
    """Notice clauses after the step's object (NOTICE_CLAUSE_RE): with 其中, notices of the step each with its own term or
    end, the others the step's own; without, notices the step's object does not name, each its own step."""
    if action.extends_by is not None or _keys(action) is None:
        return None
    # the step's own notices: those its clause names before its first mark (the verb took the notice clauses' too)
    object_refs = {r.key: r for s, _, r in refs if s_start <= s < first_mark and r.key}
    targets = [t for t in _keys(action) or () if t.key in object_refs]
    if not targets:
        return None
    read = _notice_clauses(folded, first_mark, stop, _own_term(folded, v_end, first_mark))
    if read is None:
        return None
    named, but, own = read
    if not _plainly_told(action, named, but, own):
        return None
    among = bool(named[0][0]["among"])
    each = _told_each(named, but, targets, refs, among)
    if each is None:
        return None
    told, added = each
    start = action.effective
    steps = []
    for target in [*targets, *added]:
        mine: Told | None = told.get(target.key or "")
        if mine is None or mine[0] == "same":
            if own is None and (among or action.until is not None):
                return None  # a notice of the step with no term of its own and none for the step: not plain
            mine = own
        step = _step(action, target, start, mine)
        if step is None:
            return None
        steps.append(step)
    return steps


def _own_term(folded: str, v_end: int, first_mark: int) -> Told | None:
    """The step's own term or end, where its object's clause says one (OWN_TERM_RE)."""
    tail = OWN_TERM_RE.search(folded, v_end, first_mark)
    if tail is not None and tail["term"]:
        return ("term", "".join(tail["term"].split()))
    if tail is not None and tail["end"]:
        return ("end", "".join(tail["end"].split()))
    return None


def _notice_clauses(folded: str, first_mark: int, stop: int,
                    own: Told | None) -> tuple[list[tuple[re.Match[str], int]], dict[int, Told], Told | None] | None:
    """The clauses after the step's object, read: the notice clauses (each match with where it starts), a "亦同" clause's
    own term or end told after it ("…亦同，但期限为6个月", by its place among them), and the step's own term or end (``own``,
    or a clause saying only that); None where a clause is not plain (a term after a notice's own, or a second one; a
    term, an end or a "但" in another clause)."""
    named: list[tuple[re.Match[str], int]] = []
    but: dict[int, Told] = {}
    pos = first_mark
    while pos < stop:
        nxt = CLAUSE_MARK_RE.search(folded, pos + 1, stop)
        end = nxt.start() if nxt is not None else stop
        m = NOTICE_CLAUSE_RE.fullmatch(folded, pos + 1, end)
        if m is not None:
            named.append((m, pos + 1))
        elif (tc := TERM_CLAUSE_RE.fullmatch(folded, pos + 1, end)) is not None:
            if named or own is not None:
                return None  # a term after a notice's own, or a second one: whose is not plain
            own = ("term", "".join(tc["term"].split())) if tc["term"] else ("end", "".join(tc["end"].split()))
        elif folded.find(BUT, pos + 1, end) >= 0 or TERM_ITEM_RE.search(folded, pos + 1, end) is not None \
                or DAY_ITEM_RE.search(folded, pos + 1, end) is not None:
            # "…，第22号相关措施亦同，但期限为6个月": the term of the "亦同" clause right before; any other clause with a
            # term, an end or a "但" is not plain (was passed over: No. 22 the step's year, silently; probe44 #22)
            b = BUT_RE.match(folded, pos + 1, end)
            tc = TERM_CLAUSE_RE.fullmatch(folded, b.end(), end) if b is not None else None
            if tc is None or not named or not named[-1][0]["same"] or named[-1][0].end() != pos \
                    or len(named) - 1 in but:
                return None
            but[len(named) - 1] = ("term", "".join(tc["term"].split())) if tc["term"] else ("end", "".join(tc["end"].split()))
        pos = end
    return named, but, own


def _plainly_told(action: ActionDraft, named: list[tuple[re.Match[str], int]], but: dict[int, Told],
                  own: Told | None) -> bool:
    """Whether the notice clauses read say plainly what each notice takes: some, all 其中 or none, a lift's or a
    restore's only "亦同", no "亦同" after a notice given a term, no "照此办理" after a step with no term of its own."""
    if not named:
        return False
    among = bool(named[0][0]["among"])
    if not among and any(m["among"] for m, _ in named):
        return False
    if action.action not in TERMED and (among or but or not all(m["same"] for m, _ in named)):
        return False  # a lift or a restore: only "…，B相关措施亦同" (the same step) is read
    if any(m["same"] and i not in but for i, (m, _) in enumerate(named) if i):
        return False  # "…，B相关措施1年，C相关措施亦同": the same as the step, or as B? not plain
    if any(m["same"] and LIKEWISE in m["same"] for m, _ in named) \
            and (action.action not in TERMED or own is None):
        return False  # "…照此办理" after a step with no term or end of its own (a lift, "暂停实施A，B照此办理"): held
    return True


def _told_each(named: list[tuple[re.Match[str], int]], but: dict[int, Told], targets: list[NoticeRef],
               refs: list[tuple[int, int, NoticeRef]], among: bool) -> tuple[dict[str, Told], list[NoticeRef]] | None:
    """What each notice clause tells, by notice (its term, its end, or "same"), and the notices they add to the step's
    (without 其中); None where a clause's notice is not plain."""
    prefixes = {km["prefix"] if (km := NUMBER_KEY_RE.match(t.key or "")) else None for t in targets}
    by_number: dict[str, list[NoticeRef]] = {}
    for t in targets:
        if (km := NUMBER_KEY_RE.match(t.key or "")) is not None:
            by_number.setdefault(km["n"], []).append(t)
    told: dict[str, Told] = {}
    added: list[NoticeRef] = []
    for i, (m, c0) in enumerate(named):
        written = {r.key: r for s, _, r in refs if c0 <= s < m.end("who") and r.key}
        if len(written) > 1 or not written and any(w in m["who"] for w in FULL_REF_WORDS):
            return None  # two notices in one clause, or a notice written whole that no reference read
        ref = next(iter(written.values())) if written else None
        # written whole: a notice of the step's object or another; a bare number: the notice of the step it numbers
        hits = [t for t in targets if t.key == ref.key] if ref is not None else by_number.get(str(int(m["n"])), [])
        if among:
            if len(hits) != 1 or m["same"]:
                return None  # 其中 a notice the step does not take, or one it cannot tell
            ref = hits[0]
        else:
            if hits:
                return None  # a notice of the step named again
            if ref is None:
                if len(prefixes) != 1 or None in prefixes:
                    return None  # a bare number whose issuer and year are not plain
                ref = NoticeRef(text="".join(m["who"].split()), key=f"{next(iter(prefixes))}{int(m['n'])}",
                                list=targets[0].list if len({t.list for t in targets}) == 1 else None)
            added.append(ref)
        key = ref.key or ""
        if key in told:
            return None
        told[key] = but[i] if i in but else ("same", "") if m["same"] else \
            ("term", "".join(m["term"].split())) if m["term"] else ("end", "".join(m["end"].split()))
    return told, added


AT_END_STEPS = (ActionKind.RESTORE, ActionKind.LIFT)  # "期满后恢复实施", "期满后停止实施" (a lift: session 51, resp51)


def restores_apart(restore: ActionDraft, steps: dict[str, ActionDraft]) -> list[ActionDraft] | None:
    """A restore after the ends of the steps split per notice ("…期限分别为6个月、1年，期满后自动恢复实施", "…A相关措施6个月，B相关
    措施1年，期满后自动恢复实施": it named A alone, B's restore missed), as a restore of each of them at its own step's end;
    None where it is no such restore."""
    if restore.action not in AT_END_STEPS or restore.after_end is None or restore.on_entities is not None:
        return None
    targets = _keys(restore)
    if targets is None or any(t.key not in steps for t in targets) or any(x.until is None for x in steps.values()):
        return None
    if len(targets) == len(steps) and len({x.until for x in steps.values()}) < 2:
        return None  # (one end: the restore as read)
    return [replace(restore, targets=x.targets, list=x.list or restore.list, after_end=x.until,
                    duration=x.duration if restore.duration is not None else None)
            for x in steps.values()]
