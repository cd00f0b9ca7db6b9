"""Steps an answer recounts (``NoticeRecord.recounted``), checked against the stored notices (session 51, recount51).

An answer under a neutral title telling "商务部已于2026年11月20日发布公告，自2026年12月1日起，停止实施商务部公告2025年第21号
相关措施。" takes no step of its own (a recap, the lead's decision on near50's question): the notice it tells of is the one
read. When that notice is not stored (a crawl gap), the lift would be missed, silently. So each recounted step is looked
for among the stored notices' steps known by the day: one of the same kind (a suspension or an extension alike; a lift
or a removal alike), on each notice the recap names (by number, or by the day and list the notice was published on), from
the day the recap gives (its start, or the day the notice was published). None found: a problem ("an answer recounts the
lift of MOFCOM-2025-21 from 2026-12-01: no stored notice does this"; ``status`` exits 1). Found: nothing said. A recap is
never applied, and an answer read for recaps alone (no step, no entity, no list: it was read as no notice before) adds
no item of its own (``recap_only``): the feeds are what they were.

What "takes it" means (session 52, recap52): a stored step of the same change on the notice the recap names, on the day
the recap gives, within ``DAY_SLACK`` of the step's start ("自11月10日起" recounting "至11月10日，期满后…" read from the 11th),
or the notice's publication or effective day, or a day the notice states of itself before it (the day it was decided
or signed, ``NoticeRecord.stated_days``, which the parser reads and the store keeps: a recap with no "自…起" gives the day
told, "已于2026年11月30日决定"); a notice named by a day without its year ("4月4日公告") is
any stored notice published on that month and day of that year or before; and, where both tell one, of the same term
(``TERM_SLACK``: "暂停1年" is not a stored 90-day suspension). A restore told on the day after a stored suspension ends (the
measures apply again then, with no notice: ``_lapse``) is that end. A step of that change on that notice stored on another day
or with another term is named in the problem: the two texts disagree (one of them may be read wrong), or the recap tells
another step.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from storage.periods import end_of_iso_period, last_day_written
from storage.records import ActionKind, ActionRecord, NoticeKind, NoticeRecord, NoticeRef, StoredNotice

from .builder import _Builder
from .model import day_of, known_from
from .targets import suspended_by

# Steps that tell the same change (an extension recounted as "继续暂停" may be the notice's "暂停…至…").
SAME_CHANGE = {ActionKind.SUSPEND: "suspend", ActionKind.EXTEND: "suspend", ActionKind.LIFT: "lift",
               ActionKind.REMOVE: "lift", ActionKind.RESTORE: "restore"}
RECAP_VERBS = {ActionKind.SUSPEND: "the suspension", ActionKind.EXTEND: "an extension of the suspension",
               ActionKind.LIFT: "the lift", ActionKind.REMOVE: "the removal", ActionKind.RESTORE: "the restore"}
STEP_VERBS = {ActionKind.SUSPEND: "suspends", ActionKind.EXTEND: "extends the suspension of", ActionKind.LIFT: "lifts",
              ActionKind.REMOVE: "removes", ActionKind.RESTORE: "restores"}
# A recap's start a day off the stored step's: "自2026年11月10日起停止实施" told of "暂停至11月10日，期满后停止实施" (read from the
# 11th), or "自公布之日起" recounted as from the next day.
DAY_SLACK = timedelta(days=1)
# A term recounted from another start than the step's ("已于11月5日决定继续暂停1年": counted from the day told, the step from
# the 10th) ends as many days later, give or take a leap day and a month's length.
TERM_SLACK = timedelta(days=3)
# A recap telling the decision or the notice that took its step ("已于…决定", "已于…发布公告"; the parser's anchors)
TOLD_DECISION = ("决定", "发布")
YEAR_MARK = "年"  # a reference written with its year ("2025年4月4日公告"), not without ("4月4日公告")

Candidate = tuple[StoredNotice, ActionRecord]
# The ends the engine counted for each stored extension by a period ("暂停期限延长1年": the running end moved on), by
# (the extending notice, ``period_step``, the listing's notice): ``derive`` fills it once each listing's steps are counted
CountedEnds = Mapping[tuple[str, tuple[str | None, str | None, str], str], frozenset[date]]


def recap_only(rec: NoticeRecord) -> bool:
    """An answer read for the steps it recounts alone (no step, entity, list or held step of its own)."""
    return bool(rec.recounted) and rec.kind is NoticeKind.QA and not rec.actions and not rec.entities \
        and rec.list is None and not rec.held


def _published(key: str | None, by_key: dict[str, StoredNotice]) -> tuple[date | None, object]:
    """The day and list of the stored notice ``key``."""
    n = by_key.get(key) if key else None
    return (known_from(n), n.record.list) if n is not None else (None, None)


def _on_day(ref: NoticeRef, day: date | None) -> bool:
    """Whether ``day`` is the day ``ref`` names: that day, or, for a day written without its year ("4月4日公告", read as the
    latest such day before the text: qa50/28), that month and day of that year or one before."""
    if day is None or ref.date is None:
        return False
    if day == ref.date:
        return True
    return YEAR_MARK not in ref.text and (day.month, day.day) == (ref.date.month, ref.date.day) and day < ref.date


def _same_notice(t: NoticeRef, s: NoticeRef, by_key: dict[str, StoredNotice]) -> bool:
    """Whether two references name one notice: by key, or one's key is the notice published on the other's day and list."""
    if t.key and s.key:
        return t.key == s.key
    if t.key or s.key:
        keyed, dated = (t, s) if t.key else (s, t)
        day, lst = _published(keyed.key, by_key)
        return _on_day(dated, day) and (dated.list is None or lst is dated.list)
    return (_on_day(t, s.date) or _on_day(s, t.date)) and (t.list is None or s.list is None or t.list is s.list)


def _reached(step: ActionRecord, by_key: dict[str, StoredNotice]) -> tuple[NoticeRef, ...]:
    """The notices ``step`` acts on: its targets, and for an extension of the suspension a notice set, named by that
    notice ("将商务部公告2026年第70号规定的暂停期限延长1年"), the notices it suspends, which the engine extends
    (``targets.suspended_by``, order52): a recap names those ("继续暂停实施…第23号相关措施1年"; review63: it was "no stored
    notice does this" of a stored extension, noise)."""
    if step.action is not ActionKind.EXTEND:
        return step.targets
    through = [r for t in step.targets if t.key in by_key for r in suspended_by(by_key[t.key].record, by_key)]
    return (*step.targets, *through)


def _index(known: Sequence[StoredNotice], by_key: dict[str, StoredNotice]) -> dict[object, list[Candidate]]:
    """The stored steps that could take a recap, by each target's key and by the month and day of the notice each names
    (its own, or that of the keyed notice it names), so a recap looks only at the steps on its notices."""
    out: dict[object, list[Candidate]] = defaultdict(list)
    for n in known:
        for step in n.record.actions:
            if step.action not in SAME_CHANGE:
                continue
            for s in _reached(step, by_key):
                day = s.date or _published(s.key, by_key)[0]
                for k in (s.key, (day.month, day.day) if day else None):
                    if k is not None and (not out[k] or out[k][-1][1] is not step):
                        out[k].append((n, step))
    return out


def _candidates(a: ActionRecord, t: NoticeRef, index: dict[object, list[Candidate]],
                by_key: dict[str, StoredNotice]) -> list[Candidate]:
    """The stored steps of ``a``'s change on the notice ``t`` it names (by key, or by the day and list it was published)."""
    day = t.date or _published(t.key, by_key)[0]
    seen = {id(step): (n, step) for n, step in (*index.get(t.key, ()), *index.get((day.month, day.day) if day else None, ()))}
    change = {SAME_CHANGE[a.action], "suspend"} if a.action is ActionKind.RESTORE else {SAME_CHANGE[a.action]}
    return [(n, step) for n, step in seen.values() if SAME_CHANGE[step.action] in change
            and any(_same_notice(t, s, by_key) for s in _reached(step, by_key))]


def _lapse(a: ActionRecord, step: ActionRecord, found: list[Candidate], day: date | None, told: date | None) -> bool:
    """Whether a recounted restore is the end of the stored suspension ``step`` (its measures apply again the day after its
    end, with no notice: "商务部公告2025年第21号相关措施已于2026年11月11日起恢复实施" of a suspension to 11-10, parse24/16): on that
    day, give or take ``DAY_SLACK`` (none told: ended before the recounting text), with no suspension of that notice running
    past it (an extension); not where the recap tells a decision or a notice taking it ("商务部已于…发布公告，自…起恢复实施":
    that notice is one to store)."""
    if SAME_CHANGE[step.action] != "suspend" or step.until is None or any(w in a.text for w in TOLD_DECISION):
        return False
    again = step.until + timedelta(days=1)
    if (abs(day - again) > DAY_SLACK) if day is not None else (told is None or again > told):
        return False
    return not any(_runs_past(s, step) and (day_of(s.effective) or date.max) <= again
                   for _, s in found if SAME_CHANGE[s.action] == "suspend")


def _runs_past(s: ActionRecord, step: ActionRecord) -> bool:
    """Whether the stored suspension or extension ``s`` runs past the end of ``step``: a later end, or an extension by a
    period ("暂停期限延长1年", no end of its own: it moves the running end on) taken from ``step``'s start on (review63: "商务部公告
    2026年第23号相关措施已于2027年3月1日起恢复实施" opening a notice, with No. 70's suspension to 2027-02-28 extended so by No. 9,
    was taken as its lapse: quiet, the store suspended to 2028)."""
    if s.until is not None:
        return s.until > step.until if step.until is not None else False
    start, since = day_of(step.effective), day_of(s.effective)
    return bool(s.extends_by) and (start is None or since is None or since >= start)


def period_step(step: ActionRecord) -> tuple[str | None, str | None, str]:
    """What tells a stored extension by a period apart among its notice's steps: its start, its period and its sentence."""
    return step.effective, step.extends_by, step.text


def _counted(m: StoredNotice, step: ActionRecord, t: NoticeRef, ends: CountedEnds) -> frozenset[date]:
    """The ends the engine counted for ``m``'s extension by a period ``step`` on the listing of the notice ``t`` names
    (on every listing it reached where ``t`` has no key)."""
    if not step.extends_by:
        return frozenset()
    head = (m.record.key, period_step(step))
    if t.key:
        return ends.get((*head, t.key), frozenset())
    return frozenset(day for (k, p, _), days in ends.items() if (k, p) == head for day in days)


def _takes(a: ActionRecord, m: StoredNotice, step: ActionRecord, found: list[Candidate], told: date | None,
           counted: frozenset[date] = frozenset()) -> bool:
    """Whether stored notice ``m``'s ``step`` takes the recap ``a`` (see the module's words)."""
    day = day_of(a.effective)
    if SAME_CHANGE[step.action] != SAME_CHANGE[a.action]:
        return a.action is ActionKind.RESTORE and _lapse(a, step, found, day, told)
    return _same_day(m, step, day) and _same_term(a, step, counted)


def _stated(n: StoredNotice) -> set[date]:
    """The days notice ``n`` states of itself before it was published (decided, signed: ``NoticeRecord.stated_days``, kept
    in the stored JSON; session 53, recap53: read from its text before, which the store does not keep: in ``replay`` and
    ``run`` no such day was ever read, and "已于2026年11月30日决定，停止实施…" of a notice published 12-03 and signed 11-30
    was a false problem)."""
    return set(n.record.stated_days)


def _same_day(n: StoredNotice, step: ActionRecord, day: date | None) -> bool:
    """Whether the recap's ``day`` is the day of ``n``'s ``step`` (see the module's words)."""
    if day is None:
        return True
    start = day_of(step.effective)
    if start is not None and abs(day - start) <= DAY_SLACK:
        return True
    return day in (day_of(n.record.effective), known_from(n)) or day in _stated(n) - _ends(n)


def _ends(n: StoredNotice) -> set[date]:
    """The days ``n``'s steps end ("暂停期限至2027年3月3日"), never a day it was decided or signed; a
    recap on that day ("已于2027年3月3日决定，继续暂停实施…", the extension decided as the suspension ends) tells another step,
    which the stored suspension must not take (review63: it would have, quiet with the extension not stored)."""
    return {a.until for a in n.record.actions if a.until is not None}


def _same_term(a: ActionRecord, step: ActionRecord, counted: frozenset[date] = frozenset()) -> bool:
    """Whether the recap's term is the step's, where both tell one: the same end for an end told ("至2027年11月10日"), else
    the same length from each one's start ("1年", counted from the day the recap gives); a step counted from the running
    end ("暂停期限延长1年": no end of its own, its period in ``extends_by``), :func:`_same_period`, an end told against the
    end the engine ``counted`` for it."""
    if a.until is not None and step.until is None and step.extends_by:
        return _same_period(a, step.extends_by, counted)
    if a.until is None or step.until is None:
        return True
    if not a.duration or a.duration.lstrip().startswith(("至", "到")):
        return abs(a.until - step.until) <= DAY_SLACK
    a0, s0 = day_of(a.effective), day_of(step.effective)
    if a0 is None or s0 is None:
        return True
    return abs((a.until - a0) - (step.until - s0)) <= TERM_SLACK


def _same_period(a: ActionRecord, period: str, counted: frozenset[date] = frozenset()) -> bool:
    """Whether a recap's term is ``period``, the stored step's extension counted from the running end ("P1Y"): the same
    length from the recap's start, give or take ``TERM_SLACK``, for a term told ("6个月") (session 52, review63:
    "商务部已于2027年2月20日发布公告，暂停实施…第23号相关措施6个月" of a stored "…相关措施的暂停期限延长1年" was quiet, the
    store suspended to 2028 and the answer's term never said: the step had no ``until``, so no term was compared). An end
    told ("至2028年8月28日"), within ``DAY_SLACK`` of an end the engine ``counted`` for the step (the running end moved on,
    which its record does not hold; none counted: not compared). Session 53, recap53: an end told was never compared, so
    "…暂停实施…第23号相关措施至2028年8月28日" of a stored extension the engine counts to 2028-02-28 was quiet (the two texts
    disagreeing, one of them read wrong, silently)."""
    a0 = day_of(a.effective)
    if a.until is not None and (not a.duration or last_day_written(a.duration)):
        return not counted or any(abs(a.until - end) <= DAY_SLACK for end in counted)
    if a.until is None or a0 is None or not a.duration:
        return True
    end = end_of_iso_period(a0, period)
    return end is None or abs(a.until - end) <= TERM_SLACK


OTHERS_SAID = 3  # the stored steps of that change on that notice a problem names, nearest the recap's day first


def _told(m: StoredNotice, step: ActionRecord, counted: frozenset[date] = frozenset()) -> str:
    """A stored step as a problem names it; an extension by a period with the end the engine counted for it ("for P1Y,
    counted to 2028-02-28": session 53, recap53, the end a recap told is compared with it)."""
    since = f" from {step.effective[:10]}" if step.effective else ""
    to = " or ".join(day.isoformat() for day in sorted(counted))
    return f"{m.record.key} {STEP_VERBS.get(step.action, step.action.value)} it{since}" + \
        (f" to {step.until.isoformat()}" if step.until else f" for {step.extends_by}" if step.extends_by else "") + \
        (f", counted to {to}" if to and step.extends_by else "")


def _recap_problem(n: StoredNotice, a: ActionRecord, missing: list[NoticeRef], others: list[Candidate],
                   counted: dict[int, frozenset[date]] | None = None) -> str:
    """The problem said of a recap no stored step takes, with the stored steps of its change on that notice told on other
    days or with other terms (the two texts disagree, or the recap tells another step: it names them, nearest first)."""
    named = ", ".join(dict.fromkeys(t.key or t.text for t in missing or a.targets))
    day = day_of(a.effective)
    told = (f" from {day.isoformat()}" if day else "") + (f" to {a.until.isoformat()}" if a.until else "")
    near = sorted(others, key=lambda c: abs(((day_of(c[1].effective) or date.max) - day).days) if day else 0)
    stored = "; ".join(dict.fromkeys(_told(m, s, (counted or {}).get(id(s), frozenset())) for m, s in near[:OTHERS_SAID]))
    why = f"not fetched or not read, or read otherwise? stored: {stored}" if stored else "not fetched or not read?"
    who = "an answer" if n.record.kind is NoticeKind.QA else "a notice"
    return f"{n.record.key}: {who} recounts {RECAP_VERBS.get(a.action, a.action.value)} of {named}{told}: " \
        f"no stored notice does this (the notice that took it {why}): \u201c{a.text}\u201d"


def check_recaps(known: Sequence[StoredNotice], b: _Builder, ends: CountedEnds | None = None) -> None:
    """A problem for each recounted step no notice known by the day takes (see the module's words); ``ends``: the ends
    the engine counted for the extensions by a period (an end told is compared with them)."""
    recounting = [n for n in known if n.record.recounted]
    if not recounting:
        return
    by_key = {n.record.key: n for n in known}
    index = _index(known, by_key)
    for n in recounting:
        for a in n.record.recounted:
            # each notice it names (review61: "停止实施…第13号和第51号相关措施" with No. 13's lift stored and No. 51's not
            # was quiet, No. 51 "in force": the step on No. 51 missed, silently)
            missing, others, counted = [], [], {}
            for t in a.targets:
                found = _candidates(a, t, index, by_key) if a.action in SAME_CHANGE else []
                ends_of = {id(s): _counted(m, s, t, ends or {}) for m, s in found}
                if not any(_takes(a, m, s, found, known_from(n), ends_of[id(s)]) for m, s in found):
                    missing.append(t)
                    others.extend(found)
                    counted.update(ends_of)
            if a.targets and not missing:
                continue
            b.problem(_recap_problem(n, a, missing, others, counted))
