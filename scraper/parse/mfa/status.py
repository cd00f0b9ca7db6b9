"""Decisions on earlier countermeasures ("停止实施外交部令第12号相关措施", "暂停实施…1年", "恢复实施"): the
actions, the orders they name, their periods, and measures lifted one by one."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from storage.periods import iso_period
from storage.records import ActionKind, ActionRecord, ListKind, NoticeRef

from ..actions import MAX_DAYS, MAX_YEARS, sentence_end
from ..dates import (
    DATE_RE,
    DURATION_RE,
    HALF_YEAR_RE,
    UNTIL_RE,
    effective_in,
    iso_to_date,
    parse_cn_date,
    period_of,
    until_from,
)
from ..entities import COUNTRY_ALT, cached_key, clean_display
from ..lazyre import lazy_compile
from ..textnorm import NUM, fold, to_int
from .groups import STATUS_VERB_RE, _group, _guess_type
from .names import Target, _dedupe, split_target
from .reading import POINTED_RE, SET_BY_RE, Reading, _blanks, extension_period, pointed_groups
from .wording import (
    CN_DIGITS,
    EXTENDED_FIRST_RE,
    KEY_PREFIX,
    MEASURE_VERB_RE,
    MEASURE_WORDS,
    MORE_NUMBERS_RE,
    ORDER_REF_RE,
    PUBLISHED_TAIL_RE,
    QUOTED_DECISION_RE,
    STATUS_KINDS,
    STATUS_VERB,
    VERB_LAST_RE,
    by_way_of,
)

# The day a step is taken, right before its verb and told with no 起: "中方决定于2045年7月1日停止执行…", "将于…", "自…停止执行",
# "从…开始停止执行", "于…，解除…" (session 51, a probe of mfa51/15-17: each read from the decree's own day, a month early, silently).
DAY_BEFORE_VERB_RE = re.compile(rf"(?:于|自|从|在)?\s*(?P<date>{DATE_RE.pattern})\s*(?:起|开始)?\s*[,，]?\s*$")
DAY_BEFORE_MAX = 40  # 于, the day (with its time), 开始 and a comma


def _day_before(folded: str, start: int, verb: int) -> str | None:
    """The ISO day written right before the step's verb at ``verb`` (DAY_BEFORE_VERB_RE), within its sentence from ``start``."""
    if "日" not in folded[max(start, verb - DAY_BEFORE_MAX) : verb]:  # in every match
        return None
    m = DAY_BEFORE_VERB_RE.search(folded, max(start, verb - DAY_BEFORE_MAX), verb)
    day = parse_cn_date(m.group("date")) if m is not None else None
    return day.isoformat() if day is not None else None


def _status_action(reading: Reading, folded: str, text: str, own: int | None, effective: str | None,
                   published: date | None, clause: tuple[int, int] | None = None) -> ActionRecord:
    """The action of a decision on earlier countermeasures: its verb's kind on the orders it names
    (ORDER_REF_RE, not its own) and the targets it names, with the period of a suspension. ``clause``: the span of
    one clause of several (``_clause_actions``), which bounds what it reads."""
    m = reading.status
    assert m is not None
    start = max(folded.rfind("。", 0, m.start()), folded.rfind("\n", 0, m.start())) + 1
    end = _others_kept(folded, m.end(), sentence_end(folded, m.end())) if clause is None else clause[1]
    kind = _verb_kind(m, folded, end)
    refs = []
    after = m.end()  # where the period may start: after the verb and the orders it names
    for r in ORDER_REF_RE.finditer(folded, m.end(), end):
        if sets_suspension(folded, r.end(), kind):  # "提前结束…第66号规定的暂停，恢复执行…": no target (mfa53/11, /26)
            continue
        after = r.end()
        n = to_int(r.group("n"))
        if n is None or n == own or by_way_of(folded, r.start()):
            # "恢复实施…第101号中对X采取的、经…外交部令第109号暂停实施的反制措施": the decree that suspended them is no target
            # (session 39, mfa39/19: the restore named it too, a loud unresolved reference)
            continue
        refs.append(_order_ref(r, n, folded, text, start))
        if folded.startswith(MORE_NUMBERS_LEADS, after) or folded[after : after + 1].isspace():
            # "外交部令第80号、第86号": the numbers right after it, 外交部令 not repeated (after each order, not the last alone:
            # "…第80号、第86号所列…，外交部令第90号…" lost No. 86)
            more, after = _more_numbers(folded, text, after, end, own, r)
            refs.extend(more)
    if after == m.end():  # no order number: the decisions it names by their titles (and dates)
        for r in QUOTED_DECISION_RE.finditer(folded, m.end(), end):
            after = r.end()
            day = parse_cn_date(r.group("date")) if r.group("date") else None
            # a title alone names the stored decision of that title (the engine's ``_resolve_title_ref``), targets named
            # or not: read by the targets alone, a step on a person reached every decree listing him (session 45, mfa45/05)
            refs.append(NoticeRef(text=text[r.start() : r.end()].strip(), date=day, list=ListKind.COUNTERMEASURE,
                                  title=clean_display(text[r.start("title") : r.end("title")])))
    if after == m.end():  # "停止实施2024年12月27日决定中对X…", "暂停实施2025年12月26日决定规定的反制措施": by its date alone
        ref, after = _dated_ref(folded, text, m.end(), end, after)
        refs.extend(ref)
    if after == m.end() and (back := POINTED_BACK_RE.match(folded, m.end(), end)) is not None:
        one = _one_told_before(folded, text, own, m.start())  # "解除前述决定对X…": the one decree the text named before
        if one is not None:
            refs.append(one)
            after = back.end()
    when = effective_in(folded[start:end], published) or _day_before(folded, start, m.start("verb")) or effective
    measures = named_measures(folded, after, end)
    if measures and kind is ActionKind.LIFT:  # "停止实施…中对X采取的冻结财产措施": that measure alone, the listing stays
        kind = ActionKind.LIFT_MEASURE
    duration, until = None, None
    if kind is ActionKind.SUSPEND or kind is ActionKind.EXTEND:
        # after what it suspends, else before the verb ("自2025年11月10日起至2026年11月10日，暂停实施…")
        duration = _period(folded, text, after, end) or _until_before(
            folded, text, start if clause is None else clause[0], m.start("verb"))
        until = until_from(duration, iso_to_date(when) or published) if duration else None
    named = _not_kept(reading.targets, folded, _decided_from(folded, start, m.start("verb")), end) if clause is None else \
        _named_in(reading.targets, folded[clause[0] : clause[1]])
    return ActionRecord(action=kind, list=ListKind.COUNTERMEASURE, targets=tuple(refs), effective=when, until=until,
                        duration=duration, entities=tuple(cached_key(t.zh, t.en) for t in named),
                        text=reading.decision if clause is None else text[clause[0] : clause[1]].strip(),
                        measures=measures)


# A whole earlier decree acted on by the count of its targets, one of them named or none: "停止执行外交部令2040年第318号《…》对
# 银狐隐身技术公司等十二家企业采取的反制措施", "…第35号对所列全部3家企业采取的反制措施" (session 60, mfa49/33: a lift of the one named,
# with a count warning; mfa52/24: held, one kind of the decree's targets): the decree whole, its count on the reference, which
# the engine checks against the entities it stores for that decree (``storage.lifecycle.targets``: a problem when they differ,
# so a decree listing persons beside twelve companies is never lifted whole by it).
COUNTED_WHOLE_RE = lazy_compile(
    rf"\s*(?:《[^《》\n]{{1,200}}》)?\s*(?:中\s*)?(?:对\s*(?:(?P<named>[^。；;\n对]{{1,200}}?)等|(?:其\s*)?所列\s*(?:的\s*)?"
    rf"(?:全部|所有)?)|所列\s*(?:的\s*)?(?:全部|所有)?)\s*(?P<n>{NUM})\s*[家名]\s*(?:{COUNTRY_ALT})?\s*"
    r"(?:企业|公司|实体|机构|组织|人员|个人)?\s*(?:所\s*)?(?:采取|实施)?\s*的\s*(?:全部|所有|各项)?\s*(?:反制|反制裁)?\s*措施")
COUNTED_KINDS = (ActionKind.LIFT, ActionKind.RESTORE, ActionKind.SUSPEND, ActionKind.EXTEND)


def counted_whole(reading: Reading, folded: str, own: int | None) -> int | None:
    """The count of a whole earlier decree's targets a decision on earlier countermeasures acts on by it, fewer of them named
    (COUNTED_WHOLE_RE right after the one decree its sentence names), else None."""
    m = reading.status
    if m is None or m.re is EXTENDED_FIRST_RE or m.re is VERB_LAST_RE or "家" not in folded and "名" not in folded:
        return None
    end = sentence_end(folded, m.end())
    refs = [r for r in ORDER_REF_RE.finditer(folded, m.end(), end) if to_int(r.group("n")) not in (None, own)]
    if len(refs) != 1 or (w := COUNTED_WHOLE_RE.match(folded, refs[0].end(), end)) is None:
        return None
    n = to_int(w.group("n"))
    named = w.group("named") or ""
    if n is None or sum(1 for t in reading.targets if t.zh and fold(t.zh) in named) >= n:
        return None  # "对A、B等2家企业": the names are the targets
    return n


def on_the_counted(actions: tuple[ActionRecord, ...], count: int) -> tuple[ActionRecord, ...] | None:
    """The one step of a decision ``counted_whole`` reads, on the whole decree with its count (no entity); None: not so read."""
    if len(actions) != 1 or actions[0].action not in COUNTED_KINDS or actions[0].entities or actions[0].measures \
            or len(actions[0].targets) != 1 or actions[0].targets[0].key is None:
        return None
    return (replace(actions[0], targets=(replace(actions[0].targets[0], count=count),)),)


def _order_ref(r: re.Match[str], n: int, folded: str, text: str, start: int) -> NoticeRef:
    """The order an ORDER_REF_RE match ``r`` names (number ``n``): keyed by the year of its date, of the year written
    in its number, or of the date before the title quoted before it; else by its number alone."""
    written = text[r.start() : r.end()].strip()
    day = parse_cn_date(r.group("date")) if r.group("date") else None
    if day is not None:
        return NoticeRef(text=written, key=f"{KEY_PREFIX}-{day.year}-{n}", date=day, list=ListKind.COUNTERMEASURE)
    if r.group("ry"):  # "外交部令2025年第19号": the year written in the number
        return NoticeRef(text=written, key=f"{KEY_PREFIX}-{r.group('ry')}-{n}", list=ListKind.COUNTERMEASURE)
    title = _quoted_before(text, folded, r.start())
    # "2024年12月27日《关于…的决定》（外交部令第16号）": the date before the title quoted before it is the order's own day
    day = _dated_title_before(folded, start, r.start()) if title is not None else None
    if day is not None:
        return NoticeRef(text=written, key=f"{KEY_PREFIX}-{day.year}-{n}", date=day, list=ListKind.COUNTERMEASURE)
    # no year written: the number as written, no key and no year guessed (the numbers restarted in 2023, so
    # Nos. 1-4 name two orders): the engine finds the stored order it can be, helped by the title quoted before it
    return NoticeRef(text=written, list=ListKind.COUNTERMEASURE, series=KEY_PREFIX, number=n, title=title)


MORE_NUMBERS_LEADS = ("、", "和", "及", "与", "以及")  # what every MORE_NUMBERS_RE match opens with, but for blanks


def _more_numbers(folded: str, text: str, at: int, end: int, own: int | None,
                  first: re.Match[str]) -> tuple[list[NoticeRef], int]:
    """The orders numbered right after one (``first``, an ORDER_REF_RE match; MORE_NUMBERS_RE), each as its number
    alone or in ``first``'s written year, and where they end."""
    out: list[NoticeRef] = []
    year = first.group("ry")
    while (m := MORE_NUMBERS_RE.match(folded, at, end)) is not None:
        at = m.end()
        n = to_int(m.group("n"))
        if n is None or n == own:
            continue
        written = text[folded.index("第", m.start(), m.end()) : m.end()].strip()  # "第86号", its blanks kept
        if year is not None:
            out.append(NoticeRef(text=written, key=f"{KEY_PREFIX}-{year}-{n}", list=ListKind.COUNTERMEASURE))
        else:
            out.append(NoticeRef(text=written, list=ListKind.COUNTERMEASURE, series=KEY_PREFIX, number=n))
    return out, at


def _status_actions(reading: Reading, folded: str, text: str, own: int | None, effective: str | None,
                    published: date | None) -> tuple[tuple[ActionRecord, ...], Reading]:
    """The actions of a decision on earlier countermeasures: one per clause with a verb of its own
    (``_clause_actions``), else one per order naming its own targets (``_per_order``), else one."""
    if reading.status is not None and reading.status.re is EXTENDED_FIRST_RE:
        return (_extension_first(reading, folded, text, own, effective, published),), reading
    if reading.status is not None and reading.status.re is VERB_LAST_RE:
        return (_verb_last(reading, folded, text, own, effective, published),), reading
    clauses = _clause_actions(reading, folded, text, own, effective, published)
    if clauses is not None:
        return clauses, reading
    action = _status_action(reading, folded, text, own, effective, published)
    split = _per_order(action, reading, folded, text, own) if len(action.targets) > 1 else None
    if split is None and not action.entities and not reading.targets and "鉴于" in folded:
        action, reading = _reasons_named(action, reading, folded, text)
    return split if split is not None else ((action,), reading)


def _extension_first(reading: Reading, folded: str, text: str, own: int | None, effective: str | None,
                     published: date | None) -> ActionRecord:
    """The extension of a suspension told object first (``reading.extension_first``): on the orders its object names
    (not its own, not the one the suspension was set by: "…第408号规定的暂停…"), of the targets it names (none: all the
    order's), to the end it tells ("延长至…", "…，自…起至…"), else by its period from the running end ("延长3个月":
    ``extends_by``, counted by the engine) or from the start it tells."""
    m = reading.status
    assert m is not None
    start = max(folded.rfind("。", 0, m.start()), folded.rfind("\n", 0, m.start())) + 1
    end = sentence_end(folded, m.end())
    refs = []
    for r in ORDER_REF_RE.finditer(folded, m.start("obj"), m.end("obj")):
        n = to_int(r.group("n"))
        if n is None or n == own or by_way_of(folded, r.start()) or SET_BY_RE.match(folded, r.end()) is not None:
            continue
        refs.append(_order_ref(r, n, folded, text, start))
        refs.extend(_more_numbers(folded, text, r.end(), m.end("obj"), own, r)[0])
    told = effective_in(folded[start:end], published) if "起" in folded[start:end] else None
    when = told or effective
    span = extension_period(folded, m.end(), end)
    duration = text[span[0] : span[1]].strip() if span is not None else None
    until, by = None, None
    if duration is not None and ("至" in duration or "到" in duration or told is not None):
        until = until_from(duration, iso_to_date(when) or published)
    elif duration is not None:
        d = DURATION_RE.search(duration) or HALF_YEAR_RE.search(duration)
        counted = period_of(d) if d is not None else None
        by = iso_period(*counted) if counted is not None else None
    named = _named_in(reading.targets, folded[m.start("obj") : m.end("obj")])
    return ActionRecord(action=ActionKind.EXTEND, list=ListKind.COUNTERMEASURE, targets=tuple(refs), effective=when,
                        until=until, duration=duration, entities=tuple(cached_key(t.zh, t.en) for t in named),
                        text=reading.decision, extends_by=by)


def _verb_last(reading: Reading, folded: str, text: str, own: int | None, effective: str | None,
               published: date | None) -> ActionRecord:
    """The step on an earlier decree told object first, its verb last (``reading.verb_last``): its verb's kind on the
    orders its object names (not its own; for a restore not the one that set the suspension), of the targets it names
    (none: all the order's), the measures it names, from the day it tells."""
    m = reading.status
    assert m is not None
    start = max(folded.rfind("。", 0, m.start()), folded.rfind("\n", 0, m.start())) + 1
    end = sentence_end(folded, m.end())
    kind = STATUS_KINDS[m.group("verb")]
    refs, after = [], m.start("obj")
    for r in ORDER_REF_RE.finditer(folded, m.start("obj"), m.end("obj")):
        n = to_int(r.group("n"))
        if n is None or n == own or by_way_of(folded, r.start()) or sets_suspension(folded, r.end(), kind):
            continue
        refs.append(_order_ref(r, n, folded, text, start))
        more, after = _more_numbers(folded, text, r.end(), m.end("obj"), own, r)
        refs.extend(more)
    measures = named_measures(folded, after, m.end())
    if measures and kind is ActionKind.LIFT:
        kind = ActionKind.LIFT_MEASURE
    named = _named_in(reading.targets, folded[m.start("obj") : m.end("obj")])
    return ActionRecord(action=kind, list=ListKind.COUNTERMEASURE, targets=tuple(refs),
                        effective=effective_in(folded[start:end], published) or effective,
                        entities=tuple(cached_key(t.zh, t.en) for t in named), text=reading.decision, measures=measures)


# The one the reasons name, when the step's object is 其: "鉴于X（x）已于2038年6月1日去世，中方决定自即日起解除外交部令第262号对其采取的
# 全部反制措施" (session 44, mfa44/17: no target read, so a lift of all of No. 262, a false "Lifted" for the other person it
# lists; held by checks._pronoun_object since). Read only where 鉴于 opens the step's sentence with one name, written plainly
# (its Latin spelling in brackets), the only bracket before the verb; else still held.
REASONS_ONE_RE = re.compile(r"鉴于\s*(?P<name>[^,，。；;、\s()（）]{2,40}[(（][A-Za-z][^()（）,，、]{0,80}[)）])(?![、和及与])")
QI_OBJECT_RE = re.compile(r"对\s*其(?:本人)?\s*(?:采取|实施)")


def _reasons_named(action: ActionRecord, reading: Reading, folded: str, text: str) -> tuple[ActionRecord, Reading]:
    """``action`` and ``reading`` with the one target the reasons name (REASONS_ONE_RE) where the step's object is 其
    (QI_OBJECT_RE); unchanged otherwise."""
    m = reading.status
    assert m is not None
    start = max(folded.rfind("。", 0, m.start()), folded.rfind("\n", 0, m.start())) + 1
    if QI_OBJECT_RE.search(folded, m.end(), sentence_end(folded, m.end())) is None:
        return action, reading
    one = REASONS_ONE_RE.match(folded, start)
    if one is None or sum(folded.count(b, start, m.start()) for b in "(（") != 1:
        return action, reading
    zh, en, note, _gendered = split_target(text[one.start("name") : one.end("name")])
    if en is None:
        return action, reading
    target = Target(zh, en, None, note)
    target = Target(zh, en, _guess_type(target, (), ""), note, 1)
    return replace(action, entities=(cached_key(zh, en),)), replace(reading, targets=(target,))


def _verb_kind(m: re.Match[str], folded: str, end: int) -> ActionKind:
    """The kind of a status decision's verb; a restore where it ends a suspension ("提前终止上述暂停，恢复实施…",
    "终止对…所列反制措施的暂停": session 21, mfa21, read as a new suspension, or as a lift)."""
    said = folded[m.start("verb") : end]
    ends = ENDS_SUSPENSION_RE.search(folded, m.start(), end) if "暂停" in said or "中止" in said else None
    if ends is not None and ends.start() <= m.start("verb") <= ends.end():
        return ActionKind.RESTORE
    return STATUS_KINDS[m.group("verb")]


# A clause after the step keeping its targets' other measures: "停止执行…第62号对A（a）、B（b）采取的不予签发签证、不准入境措施，外交部令
# 2028年第62号对上述人员采取的其他反制措施继续有效" (session 53, mfa53/25: the decree named again there was read as the orders' end,
# no measure read, so a lift of the whole listing, held as one measure lifted and the others kept). The step ends at its comma.
OTHERS_KEPT_CLAUSE_RE = re.compile(r"[,，](?P<kept>[^,，。；;\n]{0,60}?其他[^,，。；;\n]{0,40}?措施[^,，。；;\n]{0,8}?继续(?:有效|执行|实施))")


def _others_kept(folded: str, at: int, end: int) -> int:
    """Where a step's sentence from ``at`` to ``end`` goes on to keep its targets' other measures (OTHERS_KEPT_CLAUSE_RE),
    else ``end``."""
    if "其他" not in folded[at:end]:
        return end
    m = OTHERS_KEPT_CLAUSE_RE.search(folded, at, end)
    return m.start() if m is not None else end


# A sentence saying its targets' measures go on: "对X（English）采取的反制措施继续有效", "…继续实施", "…不变".
KEPT_SENTENCE_RE = re.compile(r"继续(?:有效|实施|执行|适用)|保持不变|不变")


def _not_kept(targets: tuple[Target, ...], folded: str, start: int, end: int) -> tuple[Target, ...]:
    """The targets of a decision's step, less those named only in another sentence saying their measures go on
    ("停止对A（a）采取的反制措施。对B（b）采取的反制措施继续有效": A alone; session 38, story39 S9: B was lifted too, falsely,
    silently). Where the step's sentence names none, all (an annex's or the decision's description's)."""
    mine = _named_in(targets, folded[start:end])
    if not mine or len(mine) == len(targets) or KEPT_SENTENCE_RE.search(folded, end) is None:
        return targets
    out = []
    for t in targets:
        if t in mine:
            out.append(t)
            continue
        kept = False
        for name in (fold(t.zh) if t.zh else None, fold(t.en) if t.en else None):
            at = folded.find(name, end) if name else -1
            if at >= 0:
                s0 = max(folded.rfind("。", 0, at), folded.rfind("\n", 0, at)) + 1
                kept = KEPT_SENTENCE_RE.search(folded, at, sentence_end(folded, at)) is not None and s0 >= end
                break
        if not kept:
            out.append(t)
    return tuple(out)


def _decided_from(folded: str, start: int, verb: int) -> int:
    """Where a step's own words open in its sentence (``start`` to the ``verb``): at its last 决定, so that the reasons
    before it name none of its targets ("鉴于X已不再担任Y会长，…中方决定，…停止…中对X采取的反制措施。对Y采取的反制措施继续
    有效": session 40, mfa40/22, Y was lifted too, falsely, silently); the sentence's start when it has none."""
    at = folded.rfind("决定", start, verb)
    return start if at < 0 else at


def _named_in(targets: tuple[Target, ...], span: str) -> list[Target]:
    """The targets a clause (``span``, folded) names."""
    return [t for t in targets if (t.zh and fold(t.zh) in span) or (t.en and fold(t.en) in span)]


# Where a decision's next clause opens with a verb of its own: after "，" or "；" in its sentence ("暂停实施…第13号…6个月，
# 暂停实施…第15号…1年"), or a numbered line after it ("一、停止实施…第13号…；\n二、停止实施…第15号中的冻结财产措施").
CLAUSE_VERB_RE = re.compile(rf"[，,；;]\s*(?:并\s*|同时\s*[，,]?\s*)?{STATUS_VERB}")
NUMBERED_CLAUSE_RE = re.compile(rf"[ \t\u3000]*[{CN_DIGITS}]{{1,3}}\s*、\s*{STATUS_VERB}")


def _clause_actions(reading: Reading, folded: str, text: str, own: int | None, effective: str | None,
                    published: date | None) -> tuple[ActionRecord, ...] | None:
    """A decision whose verb is followed by other clauses with verbs of their own, each naming the orders it acts
    on: one action per clause, each reading its own orders, period, measures and named targets (session 21, mfa21:
    one period, the last, was read for two suspensions, and a second numbered clause was never read); None when
    it is not so written (a clause naming no order of its own: "终止上述暂停，恢复实施…第13号…")."""
    m = reading.status
    assert m is not None
    end = sentence_end(folded, m.end())
    verbs = [c.start("verb") for c in CLAUSE_VERB_RE.finditer(folded, m.end(), end)]
    line_end = end
    while True:  # the numbered lines after the decision's own
        # (its line closed by "。" too: "一、停止实施…第6号对A、B采取的全部反制措施。\n二、解除…第6号对C采取的冻结财产措施。", session 60,
        # blind60/33: item 二 never read, C's freeze kept in force, silently; without "继续有效" after it, C read into item 一's
        # whole lift, his entry ban lifted too, a false "lifted")
        nl = line_end + 1 if folded.startswith(("。", ";"), line_end) else line_end
        if not folded.startswith("\n", nl):
            break
        while folded.startswith("\n", nl + 1):  # blank lines between the items (a page's paragraphs)
            nl += 1
        nxt = NUMBERED_CLAUSE_RE.match(folded, nl + 1)
        if nxt is None:
            break
        verbs.append(nxt.start("verb"))
        line_end = sentence_end(folded, nxt.end())
    if not verbs:
        return None
    starts = [m.start("verb"), *verbs]
    spans = []
    for i, at in enumerate(starts):
        stop = starts[i + 1] if i + 1 < len(starts) else sentence_end(folded, at)
        stop = min(stop, sentence_end(folded, at))
        spans.append((at, stop))
    # (the decree that set a suspension a clause ends is not its own: "提前终止…第66号作出的暂停，恢复实施…第62号…", mfa53 probe)
    if not all(any(to_int(r.group("n")) not in (None, own) and SETS_SUSPENSION_RE.match(folded, r.end()) is None
                   for r in ORDER_REF_RE.finditer(folded, lo, hi)) for lo, hi in spans):
        return None
    out = []
    for lo, hi in spans:
        verb = STATUS_VERB_RE.match(folded, lo)
        assert verb is not None
        out.append(_status_action(replace(reading, status=verb), folded, text, own, effective, published, (lo, hi)))
    return tuple(out)


# The measures a decision on earlier countermeasures names as its object, when it names some and not all: the words
# before the first 措施 after the orders it names ("…（外交部令第13号）中对X采取的冻结财产措施", "…中的禁止交易、合作措施",
# "…规定的不予签发签证、不准入境措施"); none for "相关措施", "反制措施", "全部反制措施", "冻结财产等反制措施" (all of them).
MEASURE_OBJECT_RE = re.compile(r"[的中]\s*(?P<what>[^的中。；;\n]{1,24}?)\s*措施")
# The measures written between "采取的" and "的反制措施" (session 37, mfa37/18: "停止…中对X采取的不予签发签证、不准入境的反制措施" read
# as a lift of X's whole listing, a false "lifted" where X keeps the other measures).
NAMED_BEFORE_RE = re.compile(r"(?:采取|实施)的\s*(?P<what>[^的对。；;\n]{2,40}?)的\s*反制措施")
# A measure written in full, its verb first, 的 inside it: "…对X采取的冻结在我国境内的动产、不动产和其他各类财产的措施" (session 47,
# mfa47/17: no measure read, so a suspension of the freeze alone read as a suspension of X's whole listing, silently).
# So too right after the decree, 的 before 措施: "停止执行外交部令2027年第34号中的冻结财产的措施" (session 52, mfa52's probe s8: a lift
# of all of No. 34, silently; "中的" alone: the decree before it is where the step starts).
VERB_OBJECT_RE = re.compile(r"(?:(?:采取|实施)的|中的)\s*(?P<what>(?:冻结|禁止|不予|不准)[^。；;\n]{1,60}?)的?\s*措施")
ALL_MEASURES_WORDS = ("反制", "相关", "全部", "所有", "各项", "一切", "等", "上述", "有关")
ALL_OF_VERB_WORDS = ("反制", "全部", "所有", "各项", "一切", "上述")  # in a measure written verb first
LIFTABLE_MEASURES = (*MEASURE_WORDS, ("entry_ban", re.compile(r"入境|签证|进入\s*(?:祖国|中国)?\s*(?:大陆|内地)")),
                     ("trade_ban", re.compile(r"进出口|进口|出口")), ("investment_ban", re.compile(r"投资")),
                     ("residence_ban", re.compile(r"工作许可|停留|居留")))
LIFTABLE_ORDER = tuple(dict.fromkeys(name for name, _ in LIFTABLE_MEASURES))


def named_measures(folded: str, start: int, end: int) -> tuple[str, ...]:
    """The measures ``folded[start:end]`` (a decision's sentence after the orders it names) names as its verb's object,
    in MEASURES_ORDER, when it names measures and not the decision's measures as a whole; () otherwise."""
    at = folded.find("措施", start, end)
    if at < 0:
        return ()
    m = None
    for m in MEASURE_OBJECT_RE.finditer(folded, start, at + 2):
        pass
    if m is not None and m.end() == at + 2:
        what = m.group("what")
        if what == "反制":  # "…中对X采取的不予签发签证、不准入境的反制措施": the measures named before 的反制措施
            before = next((b for b in NAMED_BEFORE_RE.finditer(folded, start, at + 2) if b.end() == at + 2), None)
            what = before.group("what") if before is not None else what
        if any(word in what for word in ALL_MEASURES_WORDS):
            return ()
        if named := _measures_in(what):
            return _and_more_measures(folded, at + 2, end, named)
    verb = next((v for v in VERB_OBJECT_RE.finditer(folded, start, at + 2) if v.end() == at + 2), None)
    if verb is None:
        return ()
    what = verb.group("what")  # "…采取的禁止…进行有关交易、合作等活动的措施": 有关 and 等 are the measure's own words there
    if what.endswith("等") or any(word in what for word in ALL_OF_VERB_WORDS):  # "冻结、禁止交易等反制措施"
        return ()
    return _measures_in(what)


# Another measure with its own 措施 right after the first: "…对A（a）采取的冻结财产措施和禁止交易措施" (session 52, review62/26: the
# freeze's lift alone read, the ban's missed, silently).
MORE_MEASURES_RE = re.compile(r"\s*(?:和|及|以及|、|与)\s*(?P<what>(?:冻结|禁止|不予|不准)[^的。；;\n,，]{1,30}?)\s*措施")


def _and_more_measures(folded: str, at: int, end: int, named: tuple[str, ...]) -> tuple[str, ...]:
    """``named`` and the measures each told with its own 措施 right after it (MORE_MEASURES_RE, from ``at``), in
    LIFTABLE_ORDER."""
    found = set(named)
    while (m := MORE_MEASURES_RE.match(folded, at, end)) is not None and (more := _measures_in(m.group("what"))):
        found.update(more)
        at = m.end()
    return tuple(name for name in LIFTABLE_ORDER if name in found)


def _measures_in(what: str) -> tuple[str, ...]:
    """The measures ``what`` names (LIFTABLE_MEASURES), in LIFTABLE_ORDER."""
    named = {name for name, regex in LIFTABLE_MEASURES if regex.search(what)}
    return tuple(name for name in LIFTABLE_ORDER if name in named)


KEPT_WORDS_RE = re.compile(r"继续|仍|保持|不变")  # where a decision goes on to the measures it keeps


def mixed_measures(action: ActionRecord) -> bool:
    """Whether a ``lift_measure``'s sentence names another measure after the one read, other than it, before the
    measures it keeps ("…中对A采取的冻结财产措施，以及对B采取的不准入境措施": which target loses which measure is not held)."""
    folded = fold(action.text)
    kept = KEPT_WORDS_RE.search(folded)
    # the measures kept are named in the clause of the kept word ("，该决定规定的禁止交易、合作措施继续实施")
    stop = max(folded.rfind(mark, 0, kept.start()) for mark in "，；。") if kept else len(folded)
    at = folded.find("措施")
    while 0 <= at < stop:
        nxt = folded.find("措施", at + 2, stop)
        if nxt < 0:
            return False
        other = named_measures(folded, at + 2, nxt + 2)
        if other and other != action.measures:
            return True
        at = nxt
    return False


def measure_lift(action: ActionRecord) -> ActionRecord:
    """A MOFCOM order's lift (``rules.action_records``) as a ``lift_measure`` where its sentence names measures after
    the orders it names ("停止实施…（商务部令2025年第6号）中的禁止进出口措施"); a suspension, extension or restoration naming
    measures keeps its kind with them (``one_measure_lifted`` refuses it); else the action as it is."""
    if (action.action is not ActionKind.LIFT and action.action not in PER_MEASURE_UNREAD) or (
            action.list is not ListKind.COUNTERMEASURE or "措施" not in action.text):
        return action
    folded = fold(action.text)
    after = max((folded.find(fold(t.text)) + len(t.text) for t in action.targets if t.text and fold(t.text) in folded),
                default=0)
    measures = named_measures(folded, after, len(folded))
    if not measures:
        return action
    return replace(action, action=ActionKind.LIFT_MEASURE if action.action is ActionKind.LIFT else action.action,
                   measures=measures)


# A whole order after another's names: "停止执行…第34号对A（a）采取的反制措施和…第35号规定的全部反制措施" (session 52, probes t5, t9: one
# step on both orders limited to A, No. 35's lift lost, silently).
WHOLE_ORDER_RE = re.compile(r"\s*[)）]?\s*(?:规定|所列|采取)?\s*的\s*(?:全部|所有|各项|一切)?\s*(?:反制|反制裁)?\s*措施")


def _order_names(folded: str, text: str, r: re.Match[str], limit: int, joined: bool) -> list[Target] | None:
    """Whom one order of several a step names is acted on for (``r`` its ORDER_REF_RE match, ``limit`` where the next
    begins): the names after its 对, or after 所列/中 with no 对 (``reading.pointed_groups``); none for the whole order
    (WHOLE_ORDER_RE); None when it is not so written."""
    k = folded.find("对", r.end(), limit)
    if k < 0:
        m = POINTED_RE.match(folded, r.end() - 1, limit) if folded[r.end() - 1 : r.end()] == "号" else None
        if m is not None and (named := [t for g in pointed_groups(folded, text, m) for t in g.names]):
            return named
        return [] if WHOLE_ORDER_RE.match(folded, r.end(), limit) else None
    e = folded.find("采取", k, limit)
    if e < 0 and joined:  # "…第80号中对A（a）和…第86号中对B（b）采取的": A's names end at the joiner
        e = _joined_before(folded, k, limit)
    if e < 0 or folded[r.end() : k].strip(" \t)）中") != "":
        return None
    return [t for g in _group(text[k + 1 : e], folded[k + 1 : e], "") for t in g.names] or None


def _per_order(action: ActionRecord, reading: Reading, folded: str, text: str,
               own: int | None) -> tuple[tuple[ActionRecord, ...], Reading] | None:
    """A decision on several orders that names, after each, whom it acts on there ("停止实施…（外交部令第13号）中对A采取的
    反制措施，以及…（外交部令第16号）中对B、C采取的反制措施"): one action per order, each limited to its own names, and
    the reading with all of them; None when it is not so written (session 18, mfa18: one action on both orders limited
    to A, so B and C were never lifted)."""
    m = reading.status
    assert m is not None
    end = sentence_end(folded, m.end())
    spots = [r for r in ORDER_REF_RE.finditer(folded, m.end(), end) if to_int(r.group("n")) not in (None, own)]
    if len(spots) != len(action.targets):
        return None
    per: list[list[Target]] = []
    for i, r in enumerate(spots):
        limit = spots[i + 1].start() if i + 1 < len(spots) else end
        names = _order_names(folded, text, r, limit, i + 1 < len(spots))
        if names is None:
            return None
        per.append([t if t.type else Target(t.zh, t.en, _guess_type(t, (), ""), t.note, t.n, t.branches) for t in names])
    if not any(per):
        return None
    actions = tuple(ActionRecord(action=action.action, list=action.list, targets=(ref,), effective=action.effective,
                                 until=action.until, duration=action.duration, text=action.text,
                                 entities=tuple(cached_key(t.zh, t.en) for t in names), measures=action.measures)
                    for ref, names in zip(action.targets, per))
    targets = tuple(_dedupe([t for names in per for t in names]))
    return actions, replace(reading, targets=targets)


PER_ORDER_JOINERS = ("以及", "和", "及", "、", "，", ",")


def _joined_before(folded: str, lo: int, at: int) -> int:
    """Where the joiner ending ``folded[lo:at]`` starts (PER_ORDER_JOINERS; blanks around it), else -1."""
    head = folded[lo:at].rstrip()
    joiner = next((j for j in PER_ORDER_JOINERS if head.endswith(j)), None)
    return -1 if joiner is None else lo + len(head) - len(joiner)


# An earlier decision named by its date alone: "停止实施2024年12月27日决定中对X、Y采取的反制措施", "暂停实施2025年12月26日决定规定的
# 反制措施", "对2025年12月26日决定所附《反制清单》作如下修改" (session 19, mfa19: a lift with no target, which the engine applies
# to every listing holding the names; a suspension and an amendment refused as cut short). Not a title's own 决定 (》 after).
# So too the measures announced that day: "停止实施中方于2031年6月1日宣布的反制措施" (session 40, mfa40/19: refused as cut short).
DATED_REF_RE = re.compile(rf"(?P<date>{DATE_RE.pattern})\s*(?:(?:(?:公布|作出|发布)\s*的?\s*)?决定(?![》\w]*》)|"
                          r"宣布\s*的\s*(?:反制|相关)?\s*措施)")


def _dated_ref(folded: str, text: str, start: int, end: int, after: int) -> tuple[tuple[NoticeRef, ...], int]:
    """The decision ``folded[start:end]`` names by its date alone (DATED_REF_RE), and where the period may start
    after it; none (and ``after``) when it names none."""
    if "决定" not in folded[start:end] and "宣布" not in folded[start:end]:
        return (), after
    r = DATED_REF_RE.search(folded, start, end)
    day = parse_cn_date(r.group("date")) if r is not None else None
    if r is None or day is None:
        return (), after
    return (NoticeRef(text=text[r.start() : r.end()].strip(), date=day, list=ListKind.COUNTERMEASURE),), r.end()


# A decree named by a word pointing back: "解除前述决定对X…", "停止实施上述决定中对X…" (checks.PRIOR_DECREE_RE holds what is not read).
POINTED_BACK_RE = re.compile(r"\s*(?:前述|上述|前次|上次|该|此前)\s*(?:决定|命令|令)")
DAY_WORDS_RE = re.compile(rf"(?:{DATE_RE.pattern})")  # every day a text's reasons tell (a decision told by its day alone)
NUMBERS_RE = re.compile(rf"第\s*{NUM}\s*号")


def _one_told_before(folded: str, text: str, own: int | None, at: int) -> NoticeRef | None:
    """The one decree the text names by its number before ``at`` (the verb of a step naming it "前述决定"), keyed as a step
    naming it would key it: "2029年6月3日，中方…以外交部令2029年第74号决定对…采取反制措施。鉴于…，中方决定…解除前述决定对X…" (session
    46, mfa46/09: held though the text named one decree). None, and so still held (checks.PRIOR_DECREE_RE), where anything
    could make it another: two decrees, a number not read as a decree ("外交部令第57号和第58号"), or more than one day told
    after the decree's own publication line (a decision told by its day alone)."""
    head = PUBLISHED_TAIL_RE.search(folded, 0, at)
    lo = folded.find("\n", head.end()) + 1 if head is not None else 0
    if lo <= 0 or len(DAY_WORDS_RE.findall(folded, lo, at)) > 1:
        return None
    found = [r for r in ORDER_REF_RE.finditer(folded, lo, at)
             if (n := to_int(r.group("n"))) is not None and n != own and not by_way_of(folded, r.start())]
    if len(found) != 1 or len(NUMBERS_RE.findall(folded, lo, at)) != 1:
        return None
    r = found[0]
    n = to_int(r.group("n"))
    assert n is not None
    return _order_ref(r, n, folded, text, lo)


# "《关于对…的决定》（外交部令第12号）": the quoted title right before the order's number (its bracket between).
TITLE_BEFORE_RE = re.compile(r"《(?P<title>[^《》]{1,200})》\s*[(（]?\s*$")
TITLE_BEFORE_REACH = 210  # the longest quoted title with its bracket


def _dated_title_before(folded: str, lo: int, at: int) -> date | None:
    """The date written before the decision's title quoted right before ``at`` ("2024年12月27日《关于…的决定》（"), else
    None: only the quoted title that ends there counts, not an earlier one of the sentence."""
    last = None
    for m in QUOTED_DECISION_RE.finditer(folded, max(lo, at - TITLE_BEFORE_REACH - 30), at):
        last = m
    if last is None or folded[last.end() : at].strip(" \t(（") or not last.group("date"):
        return None
    return parse_cn_date(last.group("date"))


def _quoted_before(text: str, folded: str, at: int) -> str | None:
    """The title quoted right before ``at`` (TITLE_BEFORE_RE), as written, else None."""
    if "》" not in folded[max(0, at - 4) : at]:
        return None
    m = TITLE_BEFORE_RE.search(folded, max(0, at - TITLE_BEFORE_REACH), at)
    return clean_display(text[m.start("title") : m.end("title")]) if m else None


def _until_before(folded: str, text: str, start: int, end: int) -> str | None:
    """"至2026年11月10日" (UNTIL_RE) in ``folded[start:end]``, as written, else None."""
    until = UNTIL_RE.search(folded, start, end) if "至" in folded[start:end] else None
    return text[until.start() : until.end()].strip() if until else None


def _period(folded: str, text: str, start: int, end: int) -> str | None:
    """"1年", "90天", "至2026年11月10日" in ``folded[start:end]`` (after what is suspended), as written;
    dates, and what a broken date leaves ("24年" of "2024年" cut), are no periods."""
    until = UNTIL_RE.search(folded, start, end)
    if until:
        return text[until.start() : until.end()].strip()
    masked = DATE_RE.sub(_blanks, folded[start:end])
    for found in DURATION_RE.finditer(masked):
        n, unit = to_int(found.group("n")), found.group("unit")
        if (found.start() and masked[found.start() - 1].isdigit()) or n is None or n > (
                MAX_YEARS if unit == "年" else MAX_DAYS):  # a broken date's year is no period
            continue
        return text[start + found.start() : start + found.end()].strip()
    return None


# A decision's term: "采取以下反制措施，期限为5年：", "…，为期三年：", "自本决定施行之日起2年内，…" (session 18, mfa18: never
# read, so the countermeasures never ended). Searched in the decision sentence, dates masked ("2026年内" is no term).
TERM_RE = re.compile(rf"(?:(?:期限|有效期)\s*(?:为|是)?|为期)\s*{NUM}\s*(?:年|个月|天|日)|(?<![\d{CN_DIGITS}]){NUM}\s*(?:年|个月)\s*内")


# A decision's end day told with its start: "中方决定，自2031年7月1日起至2033年6月30日止，对X采取以下反制措施" (session 40,
# mfa40/07: never read, so the countermeasures never ended).
SPAN_END_RE = re.compile(rf"起\s*至\s*(?P<end>{DATE_RE.pattern})\s*止")


def decision_term(decision: str) -> str | None:
    """The term the decision sets on its countermeasures, as written ("期限为5年", "2年内", "至2033年6月30日"), else
    None: searched from the 采取 after its 决定 (an end day from the 决定), not in reasons told in the same sentence
    ("X近日对台湾进行为期三天的窜访，…中方决定对X采取…")."""
    if "止" in decision and "至" in decision:  # the cheap gate before SPAN_END_RE
        folded, decided = fold(decision), max(decision.find("决定"), 0)
        span = SPAN_END_RE.search(folded, decided)
        # not one measure's span ("冻结…，并自…起至…止对其负责人不予签发签证": the assets stay frozen after it)
        if span is not None and not _one_measures_term(DATE_RE.sub(_blanks, folded), decided, span.start()):
            return "至" + decision[span.start("end") : span.end("end")].strip()
    if "期" not in decision and "内" not in decision:
        return None
    decided = decision.find("决定")
    acts = decision.find("采取", max(decided, 0))
    masked = DATE_RE.sub(_blanks, fold(decision))
    start = acts if acts >= 0 else max(decided, 0)
    for m in TERM_RE.finditer(masked, start):
        found = DURATION_RE.search(masked, m.start(), m.end())
        n = to_int(found.group("n")) if found else None
        if found is None or n is None or n > (MAX_YEARS if found.group("unit") == "年" else MAX_DAYS):
            continue
        if _one_measures_term(masked, start, m.start()):
            continue
        return decision[m.start() : m.end()].strip()
    return None


# A term told in a sentence of its own, after the decision: "本决定自…起施行，有效期三年。", "上述反制措施有效期至2034年5月31日。"
# (session 40, mfa40 probes: never read, so the countermeasures never ended).
VALIDITY_RE = re.compile(rf"(?:本决定|反制措施|上述措施)[^。；;\n]{{0,30}}?有效期\s*(?:为|是)?\s*"
                         rf"(?P<term>{NUM}\s*(?:年|个月|天|日)|至\s*{DATE_RE.pattern})")


def validity_term(body: str) -> str | None:
    """The term a sentence of the decision's own gives its countermeasures (VALIDITY_RE in the folded ``body``), else None."""
    m = VALIDITY_RE.search(body) if "有效期" in body else None
    return m.group("term") if m is not None else None


# A clause of the measures: "冻结…；禁止…；五年内不准其本人入境" holds three.
CLAUSE_RE = re.compile(r"[,，;；:：。]")


def _one_measures_term(masked: str, start: int, at: int) -> bool:
    """Whether the term at ``at`` is one measure's, not the decision's: its clause holds a measure ("五年内不准入境",
    "对其本人五年内不予签发签证") and another clause after ``start`` holds another ("冻结…", "禁止…交易"), which the term
    does not end (session 19, mfa19: read as the listing's term, a false 'lifted' after five years while the assets
    stay frozen). A term in a clause of its own ("期限为5年：", "自本决定施行之日起2年内，禁止…") is the decision's."""
    lo = max((c.end() for c in CLAUSE_RE.finditer(masked, start, at)), default=start)
    nxt = CLAUSE_RE.search(masked, at)
    hi = nxt.start() if nxt is not None else len(masked)
    if MEASURE_VERB_RE.search(masked, lo, hi) is None:
        return False
    return MEASURE_VERB_RE.search(masked, start, lo) is not None or MEASURE_VERB_RE.search(masked, hi) is not None


PER_MEASURE_UNREAD = (ActionKind.SUSPEND, ActionKind.EXTEND, ActionKind.RESTORE)


# A decision that ends a running suspension ("中方决定自…起提前终止上述暂停，恢复实施…"): its 暂停 is the suspension it ends.
# So too the suspension named by the decree that set it, or told 中止: "提前结束外交部令2028年第66号规定的暂停，自…起恢复执行…",
# "提前结束2029年5月1日外交部令第75号规定的中止期限，自…起恢复执行2028年12月5日《…》规定的反制措施" (session 53, mfa53/11, /26:
# each read as a lift, of the suspended measure and of No. 75, the restore lost, silently).
ENDS_SUSPENSION_RE = re.compile(r"(?:提前)?(?:终止|结束|解除|取消|停止)\s*(?:上述|该|此|对[^。；;\n]{0,120}?的|"
                                r"[^。；;\n,，对]{0,80}?号\s*(?:(?:所\s*)?(?:规定|作出|确定)\s*)?的)?\s*(?:暂停|中止)")
# The decree that set the suspension a restore ends, named before it ("…第66号规定的暂停"): no target of the restore.
SETS_SUSPENSION_RE = re.compile(r"\s*(?:(?:所\s*)?(?:规定|作出|确定)\s*的?|的)\s*(?:暂停|中止)")


def sets_suspension(folded: str, at: int, kind: ActionKind) -> bool:
    """Whether the order named right before ``at`` of a restore (``kind``) is the one that set the suspension it ends."""
    return kind is ActionKind.RESTORE and SETS_SUSPENSION_RE.match(folded, at) is not None
