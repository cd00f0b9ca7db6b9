"""Steps an answer recounts as taken by a notice before it (session 51, recount51; near50's question, the lead's decision).

"商务部已于2026年11月20日发布公告，自2026年12月1日起，停止实施商务部公告2025年第21号相关措施。" in an answer under a neutral
title ("…就出口管制有关问题答记者问") is no step of the answer's own (a recap: ``tense.told_as_past``), and the answer was read
as no notice. Where the notice it recounts was never stored (a crawl gap), the lift was missed, silently. The answer now
records what it recounts (``NoticeRecord.recounted``: the verb, the notices it names, the day from which): the engine
checks each against the stored notices and says a problem where none of them takes that step
(``storage.lifecycle.recaps``), and says nothing where one does. A recap is never applied: the notice that took the step
is the one read, with its own page's provenance.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from storage.records import ActionKind, ActionRecord, NoticeKind, NoticeRef

from .. import actions as act
from ..dates import DATE_RE, UNTIL_RE, effective_in, make_date, resolve_month_day
from ..draft import Draft, Source
from ..lazyre import lazy_compile
from ..textnorm import MD, any_within, holds, holds_any, marked
from .named import sentence_start

# Texts whose recaps are read: answers, and numbered notices (session 52, recap52: "商务部已于2026年12月1日发布公告，自2026年
# 12月3日起，停止实施商务部公告2026年第23号相关措施。" in the preamble of No. 95, a listing, with No. 90 not stored: No. 23 "in
# force", silently). A numbered notice's own steps are read as before (a sentence a step of its own starts in is no recap).
RECOUNTING_KINDS = frozenset({NoticeKind.QA, NoticeKind.ANNOUNCEMENT, NoticeKind.UEL_ANNOUNCEMENT, NoticeKind.ORDER})
# The cheap test first (issue 11): a recap tells its decision as done ("已于…", "此前…", "已经…"), before any pattern.
RECAP_GATE = ("已于", "已经", "此前", "先前", "前期")
RECAP_GATE_MARKS = marked(RECAP_GATE)  # (their rarest characters first: ``textnorm.holds_any``)
# An answer may tell it by the day alone ("2026年12月1日，商务部发布公告，自…起，停止实施…", "商务部于…宣布…": session 52, recap52:
# read as history, no step and no recap, the answer as no notice: with the notice not stored, the lift missed silently)
QA_GATE_MARKS = marked((*RECAP_GATE, "发布", "宣布"))  # (not 决定 alone: nearly every answer; perf52)
# ... or a decision told by its day right before it in an answer deciding a step of its own ("2026年11月20日，商务部决定，自
# 2026年12月1日起停止实施…第23号相关措施。…商务部决定，自2026年12月6日起，停止实施…第24号相关措施。": session 53, recap53, recap52's
# open item: the gate asked 决定 only of answers reading no step, so No. 23's lift was neither step nor recap; folded text)
QA_DAY_DECIDED_MARKS = marked(("日,商务部决定", "日,中方决定"))
# ... then, before the decision ("决定") or the publication ("发布") it tells, in the sentence.
RECAP_MARK_RE = lazy_compile(r"已于|已经|此前|先前|前期")
ANCHORS = ("决定", "发布", "宣布", "公布")
# The step told, from the decision on (the first of these that stands there decides, in this order).
RECAP_VERBS: tuple[tuple[tuple[str, ...], ActionKind], ...] = (
    (("停止暂停", "不再暂停", "恢复实施", "恢复执行", "恢复"), ActionKind.RESTORE),
    (("继续暂停", "延长", "延期"), ActionKind.EXTEND),
    (("停止实施", "停止执行", "终止实施", "终止执行", "取消", "解除", "停止", "终止"), ActionKind.LIFT),
    (("移出",), ActionKind.REMOVE),
    (("暂停实施", "暂停执行", "中止实施", "中止执行", "暂停", "中止"), ActionKind.SUSPEND),
)
# The day the decision was taken or published ("已于2026年11月20日", "已于11月20日"): the day of a recap with no start told.
TOLD_DAY_RE = lazy_compile(rf"(?:已于|于)\s*(?:(?P<y>\d{{4}})\s*年\s*)?(?P<m>{MD})\s*月\s*(?P<d>{MD})\s*日")
YEAR_MARK = "年"  # a notice named with its year ("2025年4月4日公告"), not without ("4月4日公告")
NOT_A_RECAP = ("拟", "将视", "是否", "会否", "如果", "假如", "不符合事实", "没有", "尚未", "未作出")


def _verb(sentence: str) -> tuple[ActionKind, int] | None:
    """The step a sentence tells after its decision, and where its verb stands."""
    for words, kind in RECAP_VERBS:
        at = [p for w in words if (p := sentence.find(w)) >= 0]
        if at:
            return kind, min(at)
    return None


def _named(ref: NoticeRef) -> bool:
    """A notice a recap can name: by number, or by the day and list it was published ("…对2025年4月4日被列入出口管制管控名单的16家
    美国实体采取的相关措施"; not "2026年11月20日发布公告", the recounted notice's own day, no list)."""
    return bool(ref.key) or (ref.date is not None and ref.list is not None)


def _dated(ref: NoticeRef) -> bool:
    """A notice named by its day alone ("停止实施2025年9月25日公告相关措施", "4月4日公告"), after the verb only: not one told as
    published ("2026年12月1日发布公告", the recounting notice's own day). Was: no target, the answer read as no notice, and
    with the lifting notice not stored No. 51 "in force", silently (review61)."""
    return ref.date is not None and "发布" not in ref.text


# A day told before the decision with no 于 ("2026年12月1日，商务部发布公告"): a recap's day where it lies before the text's.
DAY_TOLD_RE = lazy_compile(rf"(?:(?P<y>\d{{4}})\s*年\s*)?(?P<m>{MD})\s*月\s*(?P<d>{MD})\s*日")
# The ground a step is told by, not its subject ("按照商务部公告2026年第90号，…第23号相关措施已于…停止实施")
GROUND_WORDS = ("根据", "按照", "依据", "依照")


def _told_before(segment: str, published: date | None) -> bool:
    """Whether ``segment`` (a sentence before its decision) tells a day before the text's own: the decision recounted."""
    day = _told_day(segment, published, DAY_TOLD_RE)
    return day is not None and published is not None and day < published.isoformat()


def _told_day(sentence: str, published: date | None, pattern: re.Pattern[str] | None = None) -> str | None:
    m = (pattern or TOLD_DAY_RE).search(sentence)
    if m is None:
        return None
    if m.group("y"):
        day = make_date(m.group("y"), m.group("m"), m.group("d"))
    else:
        day = resolve_month_day(int(m.group("m")), int(m.group("d")), None, published)
    return day.isoformat() if day else None


# An end told ("…的暂停期限已于2026年11月10日届满"): no step taken.
END_WORDS = ("届满", "期满", "到期")
STATE_VERB_SPAN = 24  # characters from "已于" to the verb in "…相关措施已于2026年12月1日停止实施"


def _told_state(src: Source, d: Draft, s0: int, s1: int) -> ActionRecord | None:
    """A step told with the notice as its subject and no decision named ("商务部公告2025年第21号相关措施已于2026年12月1日
    停止实施"): the notices named before "已于", the verb right after its day."""
    folded = src.folded
    m = RECAP_MARK_RE.search(folded, s0, s1)
    if m is None or any_within(folded, END_WORDS, s0, s1):
        return None
    told = _verb(folded[m.end() : min(s1, m.end() + STATE_VERB_SPAN)])
    if told is None:
        return None
    verb = m.end() + told[1]
    targets = tuple(dict.fromkeys(ref for a, b, ref in d.refs if s0 <= b <= m.start() and _named(ref)
                                  and not any(w in folded[max(s0, folded.rfind(",", s0, a)) : a] for w in GROUND_WORDS)))
    if not targets:
        return None
    lists = {t.list for t in targets if t.list is not None}
    return ActionRecord(action=told[0], list=lists.pop() if len(lists) == 1 else d.context_list, targets=targets,
                        effective=_told_day(folded[m.start() : verb], d.published), text=src.text[s0:s1].strip())


def _before(targets: tuple[NoticeRef, ...], day: str | None) -> tuple[NoticeRef, ...]:
    """Targets named by a day without its year ("继续暂停实施4月4日公告相关措施") as the latest such day before the step
    recounted (its day told, else its start), not before the answer: "已于2025年11月5日发布公告，…继续暂停实施4月4日公告…" in an
    answer of 2026 names 2025-04-04, read as 2026-04-04 (session 52, recap52; qa50/28)."""
    told = date.fromisoformat(day[:10]) if day else None
    out = []
    for t in targets:
        if told is not None and t.date is not None and t.date > told and YEAR_MARK not in t.text:
            t = replace(t, date=resolve_month_day(t.date.month, t.date.day, None, told) or t.date)
        out.append(t)
    return tuple(out)


def _term(src: Source, d: Draft, at: tuple[int, int, int], start: str | None) -> tuple[date | None, str | None]:
    """The end a recap's sentence tells ("至2027年11月10日"), else its term after the verb ("1年", "90天") and the end it
    gives counted from the recap's start or day told: the engine compares each with the stored step's (session 52,
    recap52: "已于…发布公告，暂停实施…相关措施1年" of a stored 90-day suspension was quiet)."""
    folded, (s0, verb, s1) = src.folded, at
    if (m := UNTIL_RE.search(folded, s0, s1)) is not None and (end := DATE_RE.search(m.group("date"))) is not None:
        return make_date(*end.group("y", "m", "d")), src.text[m.start() : m.end()].strip()
    period = act.duration_in(folded, src.text, verb, s1)
    if period is None:
        return None, None
    return act.until_day(period, date.fromisoformat(start[:10]) if start else None, d.published), period[0]


def recounted_steps(src: Source, d: Draft) -> list[ActionRecord]:
    """The steps an answer's (or a numbered notice's) sentences tell as taken before by a decision or a notice, on notices
    they name by number:
    one each, with the day it took effect from (its "自…起", else the day it was taken), none where the sentence was read
    as a step of the answer's own (a draft starts in it) or tells no step."""
    if not d.refs or not (d.qa or d.identity.kind in RECOUNTING_KINDS):
        return []
    if not holds_any(src.folded, QA_GATE_MARKS if d.qa else RECAP_GATE_MARKS) \
            and not (d.qa and not d.drafts and holds(src.folded, "决定")) \
            and not (d.qa and _names_more(d) and holds_any(src.folded, QA_DAY_DECIDED_MARKS)):  # "11月20日，商务部决定，…"
        return []
    return _recounted(src, d)


def _names_more(d: Draft) -> bool:
    """Whether an answer names a notice none of its own steps acts on (no text scanned: asked before the day-decided words,
    perf52's rule that an answer telling nothing else is asked the marks alone)."""
    own = {t.key or t.text for x in d.drafts for t in x.targets}
    return any((ref.key or ref.text) not in own for _, _, ref in d.refs)


def _clause(folded: str, s0: int, s1: int, r0: int) -> tuple[int, int]:
    """The clause between semicolons a ref stands in where it tells a decision of its own (an answer's history, "2027年1月28日，
    中方宣布自2月1日起暂停实施…第21号相关措施…；10月30日，商务部发布公告，将上述暂停期限延长至2028年4月30日。": two steps, read
    as one extension from 2028-02-01, blind52/21; recap52), else its sentence."""
    c0 = max(s0, folded.rfind(";", s0, r0) + 1)
    c1 = folded.find(";", r0, s1)
    c1 = s1 if c1 < 0 else c1
    if (c0, c1) != (s0, s1) and any_within(folded, ANCHORS, c0, c1):
        return c0, c1
    return s0, s1


# A second step told on in the same sentence, with its own day ("商务部曾于5月14日宣布，暂停…相关措施90天，并已于8月12日继续暂停
# 90天"): after a comma, 并/随后/此后/后/又, then 于 and a day (folded text: ASCII comma). Asked of a recap's sentence only.
CONTINUED_RE = lazy_compile(rf",\s*(?:并|随后|此后|后|又)\s*(?:又\s*)?(?:已\s*|再\s*)?于\s*(?:\d{{4}}\s*年\s*)?{MD}\s*月\s*{MD}\s*日")


def _told_on(folded: str, s0: int, s1: int) -> re.Match[str] | None:
    """CONTINUED_RE in ``folded[s0:s1]`` where a step's verb follows its day and no end is told ("，并于11月10日到期")."""
    m = CONTINUED_RE.search(folded, s0, s1)
    if m is None or _verb(folded[m.end() : s1]) is None or any_within(folded, END_WORDS, m.end(), s1):
        return None
    return m


def _continued(src: Source, d: Draft, at: tuple[int, int, int], targets: tuple[NoticeRef, ...]) -> ActionRecord | None:
    """The second step a recap's sentence tells on with its own day after the first's verb (CONTINUED_RE: the first's
    clause ends there, ``_recounted``), on the notices it names, else the first's (session 53, recap53: one recap a sentence, so "…暂停…90天，
    并已于8月12日继续暂停90天" checked the suspension alone, the extension never looked for: silent where its notice is not
    stored; recap52's open item). None where no step's verb follows that day."""
    folded, (s0, verb, s1) = src.folded, at
    m = _told_on(folded, verb, s1)
    told = _verb(folded[m.end() : s1]) if m is not None else None
    if m is None or told is None:
        return None
    kind, then = told[0], m.end() + told[1]
    named = tuple(dict.fromkeys(ref for _, b, ref in d.refs if then < b <= s1 and (_named(ref) or _dated(ref))))
    said = _told_day(folded[m.start() : m.end()], d.published)
    start = effective_in(folded[m.end() : then], date.fromisoformat(said) if said else d.published) or said
    until, duration = _term(src, d, (m.start(), then, s1), start)
    ours = _before(named, said or start) or targets
    lists = {t.list for t in ours if t.list is not None}
    return ActionRecord(action=kind, list=lists.pop() if len(lists) == 1 else d.context_list, targets=ours,
                        effective=start, until=until, duration=duration, text=src.text[s0:s1].strip())


def _recounted(src: Source, d: Draft) -> list[ActionRecord]:
    """``recounted_steps`` past its gate (its comprehensions' eight cells are made only here: perf52)."""
    folded = src.folded
    out: list[ActionRecord] = []
    done: set[int] = set()
    own = [x.start for x in d.drafts]
    for r0, _, _ in d.refs:
        if not any(a <= r0 < b for a, b in d.spans):
            continue
        s0, s1 = _clause(folded, sentence_start(folded, r0), act.sentence_end(folded, r0), r0)
        if s0 in done:
            continue
        done.add(s0)
        if any(s0 <= x < s1 for x in own):
            continue  # read as the answer's own step (told before its start: near50/26)
        sentence = folded[s0:s1]
        if any(w in sentence for w in NOT_A_RECAP):
            continue
        anchor = min([p for w in ANCHORS if (p := folded.find(w, s0, s1)) >= 0], default=-1)
        if anchor < 0 or (RECAP_MARK_RE.search(folded, s0, anchor) is None
                          and not _told_before(folded[s0:anchor], d.published)):
            if (told_state := _told_state(src, d, s0, s1)) is not None:
                out.append(told_state)
            continue
        on = _told_on(folded, anchor, s1)  # a second step told on with its own day: the first's clause ends there
        cut = on.start() if on is not None else s1
        told = _verb(folded[anchor:cut])
        if told is None:
            continue
        kind, verb = told[0], anchor + told[1]
        refs = [(a, b, ref) for a, b, ref in d.refs if s0 <= a < cut and (_named(ref) or _dated(ref))]
        # (a ref may open with the day it was taken: "2026年11月20日决定停止实施商务部公告2025年第22号": by its end)
        after = [ref for _, b, ref in refs if b > verb]
        # the notice that took it, in brackets after "发布公告" ("发布公告（商务部公告2026年第85号），决定…"), is no target
        before = [ref for a, b, ref in refs if anchor < a and b <= verb and folded[a - 1] not in "（(" and _named(ref)]
        targets = tuple(dict.fromkeys(after or before))
        if not targets:
            continue
        # its start as told between the decision and the verb ("…发布公告，自2026年12月1日起，停止实施…"), else the day the
        # decision was taken ("已于2026年11月20日决定"): not an end told elsewhere in the sentence ("…的安排将于2026年11月10日
        # 到期。…自2026年11月10日起恢复实施": qa37/32, the day of the restore, not of the extension recounted)
        said = _told_day(folded[s0:anchor], d.published) or _told_day(folded[s0:anchor], d.published, DAY_TOLD_RE)
        start = effective_in(folded[anchor:verb], date.fromisoformat(said) if said else d.published) or said
        targets = _before(targets, _told_day(folded[s0:anchor], d.published) or start)
        then = _continued(src, d, (s0, verb, s1), targets) if on is not None else None
        until, duration = _term(src, d, (s0, verb, cut), start)
        lists = {t.list for t in targets if t.list is not None}
        out.append(ActionRecord(action=kind, list=lists.pop() if len(lists) == 1 else d.context_list,
                                targets=targets, effective=start, until=until, duration=duration,
                                text=src.text[s0:s1].strip()))
        out.extend((then,) if then is not None else ())
    return out
