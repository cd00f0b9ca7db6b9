"""A listing's steps applied in order up to the day: states, lapses of suspensions and terms, countdowns, the
status rows, and what comes next."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta

from storage.periods import last_day_written
from storage.records import RESTATING_KINDS, EventKind, ListingState, StatusRow, StoredNotice
from storage.vocabulary import STATE_LABELS, until_words

from .builder import _Builder, _provenance, _state_events, _unresolved_event
from .model import (
    COUNTDOWN_DAYS,
    NO_ENTITY,
    OTHERS_NAMED_RE,
    OWN_KINDS,
    EntityState,
    Listing,
    Step,
    midnight,
    occurred_at,
    term_end,
)
from .targets import _listed_from
from .text import _clause_text, _measures_text, _number, added_measure, investigation_only


def _end_unknown(b: _Builder, step: Step, listing: Listing, until: date | None) -> None:
    """An extension by a duration whose running end is not stored: a problem and an unresolved-reference item
    (the source-health side of the feeds; ``status`` exits 1), with the end counted from the step's own day."""
    src, eff, period = step.source, step.effective.isoformat(), step.action.extends_by
    counted = until.isoformat() if until else "none"
    b.problem(f"{src.record.key}: extends the suspension of {listing.key} by {step.action.duration} ({period}) from the "
              f"end of the suspension in place, but no single end date of a suspension of {listing.key} is stored "
              f"before it; the end is counted from {eff} ({counted}): needs review")
    b.add(_unresolved_event(
        src, lst=listing.list, effective=step.effective, suffix=f"{listing.key}-end", until=until,
        title=f"End date not known: {src.record.key} extends the suspension of {listing.key} by "
              f"{step.action.duration} from an end that is not stored",
        facts=(("extends_by", period or ""), ("reference", listing.key)),
        summary=f"{_number(src)} extends the suspension of the measures of {listing.key} by {step.action.duration} "
                f"({period}), counted from the end of the suspension in place, but no single end date of a suspension "
                f"of {listing.key} is stored before it. The end shown, {counted}, is counted from {eff}, the day the "
                f"extension took effect; this needs review.",
        provenance=_provenance(src, listing.notice),
    ))


def _lapse_due(states: dict[str, EntityState], before: date, inclusive: bool) -> dict[date, list[str]]:
    """The suspended entities whose suspension lapses before ``before`` (or on it, ``inclusive``), by the day it lapses
    (``EntityState.lapses_on``: the day after its end, the last day, counted or written: ``Step.lapses_on``)."""
    due: dict[date, list[str]] = defaultdict(list)
    for key, st in states.items():
        day = st.lapses_on
        if st.state is ListingState.SUSPENDED and day and (day <= before if inclusive else day < before):
            due[day].append(key)
    return due


# the steps that end a lapse's presumption (the listing's state changes again from their day)
NEXT_KINDS = (EventKind.RESTORED, EventKind.LIFTED, EventKind.REMOVED, EventKind.SUSPENDED, EventKind.SUSPENSION_EXTENDED)


def _told_next(steps: Sequence[Step], day: date, key: str) -> Step | None:
    """The first step of ``steps`` (in order) reaching entity ``key`` from a day after ``day``, the day its suspension
    lapses, and told by then: "自2027年4月15日起恢复实施…" of 03-25 for a suspension to 03-31 (story45: the lapse item said
    "no later notice extending, lifting or restoring it is known" of a restore published a week before). None where none
    is (nearly every lapse). Only what was told by the lapse day: the item says the same in any store, on any later day."""
    for s in steps:
        if s.effective > day and s.known <= day and s.event_kind in NEXT_KINDS \
                and (s.subset is None and key not in s.excluded or s.subset is not None and key in s.subset):
            return s
    return None


def _simulate(listing: Listing, steps: Sequence[Step], apply_upto: date, lapse_upto: date | None,
              b: _Builder | None) -> dict[str, EntityState]:
    """Run the steps over the listing's entities; emit events into ``b`` when given.

    Steps effective after ``apply_upto`` only produce their (announcement) events.
    Suspensions ending on or before ``lapse_upto`` with nothing newer lapse.
    """
    keys = listing.entity_keys()
    states = {k: EntityState() for k in keys}
    by_key: dict[str, StoredNotice] = {}
    last: dict[str, Step] = {}  # the step that set each entity's state in place
    # each entity lifted or removed by a step (applied or still to come, so any day's derivation says the same), and
    # that step: a later lift of it changes nothing (``_lifted_before``)
    ended_by: dict[str, Step] = {}

    def lapse(due: dict[date, list[str]]) -> None:
        for day, affected in sorted(due.items()):
            setter = by_key[affected[0]]
            until = states[affected[0]].until or day  # the end as written: the day before ``day`` where it is included
            for k in affected:
                st = states[k]
                st.state, st.since, st.presumed = ListingState.LAPSED, day, True
                st.history.append(f"{day.isoformat()} suspension {STATE_LABELS[ListingState.LAPSED]}")
            if b is not None:
                _state_events(b, EventKind.SUSPENSION_LAPSED, listing, setter, affected, day, until,
                              midnight(day), presumed=True, lapses_on=_past(until, day),
                              coming=_told_next(steps, day, affected[0]))

    for step in steps:
        if step.subset is None:  # the whole notice: not the entities a removal or a lift of their own took off
            keys_of = [k for k in keys if k not in step.excluded] if step.excluded else keys  # nor those set apart
            affected = [k for k in keys_of if not states[k].singled_out]
            if not affected and keys_of and b is not None and (step.state is ListingState.SUSPENDED
                                                               or step.event_kind is EventKind.MEASURE_LIFTED):
                affected = list(keys_of)  # each taken off by a step of its own: said below, as any ended listing
            elif not affected:
                continue
        else:
            affected = [k for k in keys if k in step.subset]
        if step.event_kind in OWN_KINDS:
            # a listing withdrawn before the day it was to take effect ("自2027年7月1日起正式实施", then "商务部公告
            # 2027年第24号…废止" in June) never takes effect: not in force from that day, nor announced as coming
            withdrawn = [k for k in affected if states[k].state in (ListingState.LIFTED, ListingState.REMOVED)]
            affected = _set_aside(states, affected, withdrawn, lambda k: (
                f"{step.effective.isoformat()} not {_history_word(step.event_kind, None)}: withdrawn before that day "
                f"({states[k].by})"))
            if not affected:
                continue
        if step.state is ListingState.SUSPENDED or step.event_kind is EventKind.MEASURE_LIFTED:
            # a suspension or an extension naming a listing whose measures were stopped or that was removed (a Q&A
            # continuing "第146号至第148号" when No. 147 was stopped) has nothing to suspend: it must not bring the
            # listing back as suspended, to lapse "presumed back in force" later. Nor has a measure lift anything to
            # lift there ("still listed" would be false). Read right, so a note, not a problem: a problem stood as
            # long as the Q&A did and made every ``feeds`` and ``replay`` exit 1 for a range that merely spans a
            # stopped number; the row's history says it too.
            ended = [k for k in affected if states[k].state in (ListingState.LIFTED, ListingState.REMOVED)]
            action = (step.source.record.key, step.order[2])
            if b is not None and len(ended) < len(affected):
                b.reached.add(action)
            if ended:
                word = ("extends a suspension of" if step.event_kind is EventKind.SUSPENSION_EXTENDED else
                        "lifts some measures of" if step.event_kind is EventKind.MEASURE_LIFTED else "suspends")
                if b is not None:  # a note, or a problem where the action reaches nothing at all (``_ended_named``)
                    b.ended.setdefault(action, []).append((word, listing.key, step.effective, len(ended)))
                for k in ended:
                    st = states[k]
                    st.history.append(f"{step.effective.isoformat()} named by {step.source.record.key}, which {word} "
                                      f"it: not applied, {st.state.value if st.state else ''} since "
                                      f"{st.since.isoformat() if st.since else ''}")
                affected = [k for k in affected if k not in ended]
                if not affected:
                    continue
        until = step.until if step.state is ListingState.SUSPENDED else None
        ends = _past(until, step.lapses_on)  # the day it lapses, the day after ``until`` (its last day)
        same = _repeats(step, until, states, affected) if step.effective <= apply_upto else []
        if same:
            affected = _set_aside(states, affected, same, lambda k: (
                f"{step.effective.isoformat()} {_history_word(step.event_kind, until, ends)} ({step.source.record.key}): "
                "as in place, no change"))
            if not affected:
                continue
        again = _lifted_before(step, affected, ended_by)
        if again:
            if b is not None:
                _lifted_again(b, listing, step, {k: ended_by[k] for k in again})
            affected = _set_aside(states, affected, again, lambda k: (
                f"{step.effective.isoformat()} lifted again ({step.source.record.key}): "
                f"{ended_by[k].state.value} since {ended_by[k].effective.isoformat()} "
                f"({ended_by[k].source.record.key}), which stands"))
            if not affected:
                continue
        unsuspended = _not_suspended(step, states, affected)
        if unsuspended:
            if b is not None:
                b.problem(f"{step.source.record.key}: extends a suspension of {listing.key} that is not in place for "
                          f"{len(unsuspended)} of its entities ({', '.join(unsuspended)}): not applied to them, left as "
                          "they are; the step suspending them may not be stored")
            affected = _set_aside(states, affected, unsuspended, lambda k: _not_continued(step, states[k]))
        if step.event_kind is EventKind.MEASURE_LIFTED:  # an item and a line of history; the state stays
            if b is not None:
                _state_events(b, step.event_kind, listing, step.source, affected, step.effective, None,
                              occurred_at(step.source), measures=step.action.measures)
            announced = (f", announced {step.known.isoformat()}" if step.effective > apply_upto else "")
            for k in affected:
                states[k].history.append(f"{step.effective.isoformat()} {_measures_text(step.action.measures)} lifted, "
                                         f"still listed ({step.source.record.key}{announced})")
            continue
        if b is not None:
            # a lift or removal before the listing took effect, nothing of it in effect yet: a withdrawal
            starts = _listed_from(listing)
            before = starts if (step.state in (ListingState.LIFTED, ListingState.REMOVED) and step.effective < starts
                                and all(states[k].state is None for k in affected)) else None
            # a suspension before the listing took effect: its item says the listing does not take effect while
            # suspended (story36 C3: "Imposed: … from 2027-01-01" stood beside it with nothing saying so)
            pending = starts if (step.event_kind is EventKind.SUSPENDED and step.effective < starts
                                 and all(states[k].state is None for k in affected)) else None
            _state_events(b, step.event_kind, listing, step.source, affected, step.effective, until,
                          occurred_at(step.source), withdrawn=before, stops_measures=step.stops_measures, lapses_on=ends,
                          not_yet=pending)
        for k in affected:
            if step.state not in ENDED:
                ended_by.pop(k, None)
            elif k not in ended_by or ended_by[k].effective < step.effective:
                ended_by[k] = step  # (a lift the day a removal takes effect: the removal stands, ``_inside_removal``)
        if step.event_kind in OWN_KINDS:
            # suspended before it took effect ("自2027年1月1日起正式实施", then an answer of 12-20 "暂停实施…至2027年12月31日"):
            # the day it was to take effect brings nothing in force; the suspension runs on to its end (story36 S1:
            # "in force since 2027-01-01" and, before that day, "next: in force from 2027-01-01")
            held = [k for k in affected if _suspended_past(states[k], step.effective)]
            affected = _set_aside(states, affected, held, lambda k: (
                f"{step.effective.isoformat()} {_history_word(step.event_kind, None)} ({step.source.record.key}): "
                f"suspended before it took effect, until {_end_word(states[k].until, states[k].lapses_on)} "
                f"({states[k].by})"))
            if not affected:
                continue
        if step.effective > apply_upto:
            for k in affected:
                states[k].history.append(f"{step.effective.isoformat()} {_history_word(step.event_kind, until, ends)} "
                                         f"({step.source.record.key}, announced {step.known.isoformat()})")
                st = states[k]
                st.next = st.next or step
                if st.next.effective == step.effective and not (st.then and _inside_removal(step, st.then)):
                    # the last of the steps of that day is what the day leaves ("自2027年1月1日起正式实施" and an answer's
                    # "自2027年1月1日起暂停实施…1年": suspended from that day, not "next: in force", story36 probe)
                    st.then = step
            continue
        # every suspension of the listing that ended before this step lapses now, as one group: lapsing the
        # step's entities alone split a group whose events share an id (one replaced the other)
        lapse(_lapse_due(states, step.effective, inclusive=False))
        for k in affected:
            st = states[k]
            if st.state in ENDED and st.since == step.effective and st.by not in (None, step.source.record.key) \
                    and _inside_removal(step):
                st.history.append(f"{step.effective.isoformat()} lifted ({step.source.record.key}): {st.state.value} that "
                                  f"day by {st.by}, which stands")
                continue
            if _restates(step, st, last.get(k), until):
                st.history.append(f"{step.effective.isoformat()} {_history_word(step.event_kind, until, ends)} "
                                  f"({step.source.record.key}): as {st.by} set it that day, which stands")
                continue
            if b is not None and _contradicts(step, st):
                b.note(f"{listing.key}: {st.by} and {step.source.record.key} take different steps on {k} the same day "
                       f"({step.effective.isoformat()}): {st.state.value if st.state else ''} and {step.state.value}; "
                       f"{step.source.record.key}'s, the later, is followed: a person should read both")
            if step.event_kind is EventKind.SUSPENSION_EXTENDED and st.state not in (
                    ListingState.SUSPENDED, ListingState.LAPSED) and b is not None:
                b.problem(f"{step.source.record.key}: extends a suspension of {listing.key} that is not in place")
            if not _lengthens(step, st):
                st.since = step.effective
            st.state, st.until, st.by, st.presumed = step.state, until, step.source.record.key, False
            st.lapses_on = step.lapses_on if until is not None else None
            st.singled_out = step.state is ListingState.REMOVED or (
                step.subset is not None and step.state is ListingState.LIFTED)
            st.history.append(f"{step.effective.isoformat()} {_history_word(step.event_kind, until, ends)} "
                              f"({step.source.record.key})")
            by_key[k] = step.source
            last[k] = step
    if lapse_upto is not None:
        lapse(_lapse_due(states, lapse_upto, inclusive=True))
    return states


def _lifted_before(step: Step, affected: list[str], ended_by: dict[str, Step]) -> list[str]:
    """The entities of ``affected`` that ``step``, a lift, finds lifted or removed already by another notice's step of an
    earlier day, nothing since bringing them back: a decree lifting X, then a later decree lifting all of the first
    order's persons, X named among them (mfa44). A person lifted once stays lifted since the first lift: the later
    step gives no second "Lifted" item and does not move the row's "since" (it did both, silently); its notice is
    cited by the first item (``_lifted_again``). Two notices lifting the same day stay two items (``builder._own_id``)."""
    if step.event_kind is not EventKind.LIFTED or not ended_by:
        return []
    key = step.source.record.key
    return [k for k in affected if (first := ended_by.get(k)) is not None and first.effective < step.effective
            and first.source.record.key != key]


def _lifted_again(b: _Builder, listing: Listing, step: Step, first: dict[str, Step]) -> None:
    """A lift of entities lifted (or removed) before, ``first`` each's step: the first step's entity item cites the later
    notice too (its provenance; what it says is the same, so a stored item is refreshed in place, never corrected), and
    a note says it (read right: failing nothing)."""
    key = step.source.record.key
    for k, ended in first.items():
        for item_id, item in list(b.events.items()):
            if item.entity_key == k and item.notice_key == listing.key and item.source_key == ended.source.record.key \
                    and item.kind is ended.event_kind and item.effective == ended.effective \
                    and step.source.provenance not in item.provenance:
                b.events[item_id] = replace(item, provenance=(*item.provenance, step.source.provenance))
        b.note(f"{key}: lifts {k} on {listing.key} from {step.effective.isoformat()}, {ended.state.value} since "
               f"{ended.effective.isoformat()} by {ended.source.record.key}: it stays so since then (no second item; "
               f"that item cites {key} too)")


def _set_aside(states: dict[str, EntityState], affected: list[str], keys: list[str],
               line: Callable[[str], str]) -> list[str]:
    """``affected`` without ``keys``, each of which a step names but does not change: its history says why."""
    for k in keys:
        states[k].history.append(line(k))
    return [k for k in affected if k not in keys]


def _repeats(step: Step, until: date | None, states: dict[str, EntityState], affected: list[str]) -> list[str]:
    """The entities ``step`` suspends to the end the suspension they are in already has: "继续暂停…至2027年11月10日" in a
    numbered notice of 11-21 after the answer of 11-20 said it (story34 S1a). It changes nothing: no item (a second
    "Suspension extended" dated 11-21 told a change that day), and the row keeps the day the suspension began and the
    notice that set it (it said "since 2026-11-21"); a line of history names it. Not one of the suspension's own first
    day: two notices suspending a listing the same way on one day are two items (``builder._own_id``)."""
    if step.state is ListingState.SUSPENDED and until is None and _others_kept(step):
        return [k for k in affected if (st := states[k]).state is ListingState.SUSPENDED and not st.presumed
                and st.until is not None and st.by != step.source.record.key]
    if step.state is not ListingState.SUSPENDED or until is None:
        return []
    return [k for k in affected if (st := states[k]).state is ListingState.SUSPENDED and not st.presumed
            and st.until == until and st.lapses_on == step.lapses_on and st.since is not None and st.since < step.effective
            and st.by != step.source.record.key]


def _not_suspended(step: Step, states: dict[str, EntityState], affected: list[str]) -> list[str]:
    """The entities of ``affected`` that ``step``, an extension of a whole notice's suspension ("自2030年5月25日起，继续暂停
    执行商务部公告2030年第71号相关措施90天"), finds neither suspended nor lapsed, where it finds others so: 2 of No. 71's 4
    were suspended by name, and a continuation continues what is suspended (blind57's B2, session 58: all 4 were
    continued, the 2 never suspended shown "suspended"). They are left as they are, and a problem says so (the step
    suspending them may be one not fetched). Where none is suspended the extension stands for a suspension, as before
    (the suspension itself may be the step not fetched), with its problem."""
    if step.event_kind is not EventKind.SUSPENSION_EXTENDED or step.subset is not None:
        return []
    out = [k for k in affected if states[k].state not in (ListingState.SUSPENDED, ListingState.LAPSED)]
    return out if len(out) < len(affected) else []


def _not_continued(step: Step, st: EntityState) -> str:
    """The line of history of an entity ``step`` does not continue (``_not_suspended``)."""
    now = st.state.value if st.state is not None else "not in force"
    return (f"{step.effective.isoformat()} named by {step.source.record.key}, which extends a suspension of the notice: "
            f"not applied, not suspended ({now})")


def _others_kept(step: Step) -> bool:
    """An extension with no period of its own on the others a notice's other step leaves: "…等3家实体恢复实施相关措施。其余实体
    继续暂停执行相关措施" keeps them as they are, to the end their suspension has (story42, session 41: read as a suspension
    "until further notice" from that day, the lapse at its end never told). Any word for "the others" anywhere in the
    clause ("对其余实体…", "其他实体…", "该公告所列其余实体…"): a clause opening "其余" alone left those silent (review44).
    The word must name entities (``OTHERS_NAMED_RE``): "继续暂停执行…出口管制及其他相关措施" continues the whole notice until
    further notice (review45: it lapsed at the old end, a false item)."""
    a = step.action
    return (step.event_kind is EventKind.SUSPENSION_EXTENDED and a.duration is None and not a.extends_by
            and OTHERS_NAMED_RE.search(a.text) is not None)


ENDED = (ListingState.LIFTED, ListingState.REMOVED)


def _inside_removal(step: Step, removal: Step | None = None) -> bool:
    """Whether ``step`` is an answer's (or a report's) lift of the day a notice removes the entity from the list or stops
    its measures (or ``removal`` is that notice's step): the answer of 11-20 "停止执行…中对立方公司的相关措施" from 12-01, No. 278 of 11-27
    "将立方公司…从出口管制管控名单中移出…相关措施…停止执行" from 12-01. A removal stops the measures too: the answer's lift,
    ordered after the notices of its day (``collect._step_order``), must not turn the row into "lifted" by the answer
    (story41 qa_then_notice: "lifted since 2026-12-01 by QA-2026-11-20-…", the numbered notice's removal lost; and a
    notice stopping the same measures: the row's "by" was the answer's). Its item stays (what the answer said, when)."""
    if step.state is not ListingState.LIFTED or step.source.record.kind not in RESTATING_KINDS:
        return False
    return removal is None or (removal.state in ENDED and removal.effective == step.effective
                               and removal.source.record.kind not in RESTATING_KINDS)


def _restates(step: Step, st: EntityState, last: Step | None, until: date | None) -> bool:
    """Whether ``step``, a spokesperson's answer's (or a report's), leaves the entity as a notice of another kind left it
    the same day (``last``): the same state, to the same end. The notice is the instrument: the row names it ("by"), as
    the items of that day do (``builder._own_id``), whichever was published first (session 48, probe47's B2: an answer of
    12-02 "自2026年12月10日起，恢复对…所列银杉电子公司实施相关措施" and No. 366 of 12-09 restoring No. 337 but 赤岩 from 12-10 left
    银杉 "in force by" the answer, applied after the notice; an answer's "继续暂停…至2027年12月10日" beside a notice's "暂停…
    暂停期限为1年" of that day alike). Its items stay: what it said, when."""
    if last is None or step.source.record.kind not in RESTATING_KINDS or last.source.record.kind in RESTATING_KINDS:
        return False
    return (last.effective == step.effective and st.state is step.state and not st.presumed and st.until == until
            and st.lapses_on == (step.lapses_on if until is not None else None))


def _contradicts(step: Step, st: EntityState) -> bool:
    """Whether ``step``, a numbered notice's, leaves the entity otherwise than another numbered notice's step of the same
    day did: No. 276 "停止执行…中对立方公司的相关措施" and No. 277 "恢复实施…中对立方公司的相关措施", both from 12-01 (story41
    same_day). The later is followed (the engine's order); nothing said it before. A removal and a lift agree."""
    if st.since != step.effective or st.by in (None, step.source.record.key) or st.state is None:
        return False
    if step.source.record.kind in RESTATING_KINDS or step.event_kind in OWN_KINDS or st.state is step.state:
        return False
    if st.presumed or st.state is ListingState.LAPSED or (st.state in ENDED and step.state in ENDED):
        return False  # (a lapse is no notice's step)
    return True


def _suspended_past(st: EntityState, day: date) -> bool:
    """Whether the entity is under a suspension read from a notice (not presumed) that runs past ``day``: a listing's own
    step taking effect that day leaves it suspended."""
    return st.state is ListingState.SUSPENDED and not st.presumed and (st.lapses_on is None or st.lapses_on > day)


def _past(until: date | None, lapses_on: date | None) -> date | None:
    """``lapses_on`` where it is after ``until`` (always, since every end is its last day: ``periods.lapse_day``), else
    None: what the words say ("until 2027-12-31 inclusive")."""
    return lapses_on if until is not None and lapses_on is not None and lapses_on > until else None


def _end_word(until: date | None, lapses_on: date | None = None) -> str:
    return until_words(until, lapses_on) if until else "no end date"


def _lengthens(step: Step, st: EntityState) -> bool:
    """Whether ``step`` lengthens the suspension the entity is in without starting a period of its own: an extension by a
    duration ("暂停期限延长6个月", no start written) moves the running end on. It takes effect on its notice's own day, a
    day on which no suspension began: the row's ``since`` stays the day the one in place did (story31 B2). So does an
    extension to a day written as its last, from its notice's own day ("暂停期限延长至2027年8月12日"), taking effect while
    that suspension runs, before it lapses (story38: the row said "suspended since" the answer's day; story37's carried
    B). A continuation from a day written ("自2026年11月10日起，继续暂停…1年", "自2027年3月1日原暂停期限届满之日起…") starts its
    period then, as design.md's worked example counts it."""
    if step.event_kind is not EventKind.SUSPENSION_EXTENDED or st.state is not ListingState.SUSPENDED or st.since is None:
        return False
    return bool(step.action.extends_by) or (last_day_written(step.action.duration) and step.effective == step.known and not st.presumed and (
        st.lapses_on is None or step.effective < st.lapses_on))


def _ended_named(b: _Builder) -> None:
    """Say each suspension, extension or measure lift that named a listing whose measures had ended. A note where the
    action reached other entities (a range, "第146号至第148号", spanning a notice stopped before: routine wording, read
    right). A problem where it reached nothing at all, every listing it names ended before: a decision the ministry
    took that changes nothing here means a step was probably misread (this one, or the "stop" that ended them, which
    would make their "lifted" items false), and a person must look; it stands as long as those notices do, as an
    unresolved reference does."""
    for (key, _), said in b.ended.items():
        if (key, _) in b.reached:
            for word, listing, day, count in said:
                b.note(f"{key}: {word} {listing}, whose measures were lifted or that was removed before "
                       f"{day.isoformat()} ({count} of its entities): not applied to them")
            continue
        word, day = said[0][0], said[0][2]
        named = ", ".join(dict.fromkeys(listing for _, listing, _, _ in said))
        b.problem(f"{key}: {word} {named}, and every entity it names had its measures lifted or was removed before "
                  f"{day.isoformat()}: it changes nothing. Check how {key} was read, and the step that ended them "
                  "(if that was misread, its \"lifted\" or \"removed\" items are false)")


def _history_day(line: str) -> str:
    """The ISO day a history line opens with (sorting key; lines of one day keep their order)."""
    return line[:10]


def _history_word(kind: EventKind, until: date | None, lapses_on: date | None = None) -> str:
    words = {
        EventKind.IMPOSED: "imposed", EventKind.MEASURE: "measure imposed", EventKind.INVESTIGATION:
        "investigation opened", EventKind.LIFTED: "lifted", EventKind.REMOVED: "removed",
        EventKind.RESTORED: "restored",
    }
    if kind in (EventKind.SUSPENDED, EventKind.SUSPENSION_EXTENDED):
        verb = "suspended" if kind is EventKind.SUSPENDED else "suspension extended"
        return f"{verb} until {until_words(until, lapses_on)}" if until else f"{verb}, no end date"
    return words.get(kind, kind.value)


# a listing's steps as known on a day, weighed with what was known then (``collect.AsKnown.steps_on``); None: as now
KnownOn = Callable[[date], "Sequence[Step] | None"]


def _known_on(b: _Builder, steps: Sequence[Step], day: date, then: KnownOn | None, moved: bool = True) -> Sequence[Step]:
    """The steps known on ``day``: as weighed then (a step set apart, or dropped, for a notice known only later is whole
    again: session 48, probe47's B1), else those of ``steps`` known by then; ``moved``: a step whose end a correction moved
    is known with that end from the correction's day (``b.until_known``)."""
    found = then(day) if then is not None else None
    if found is not None:
        return found
    if not moved:
        return [s for s in steps if s.known <= day]
    return [s for s in steps if max(s.known, b.until_known.get(s.source.record.key, s.known)) <= day]


def _countdowns(b: _Builder, listing: Listing, steps: Sequence[Step], as_of: date, then: KnownOn | None = None) -> None:
    """Countdown items for every end date that was still current on the countdown day, counted to the day the suspension
    lapses (the day after its end, the last day, counted or written: ``Step.lapses_on``), naming the entities it still
    reached as known that day (``_known_on``); an end a correction set is current from the correction's day."""
    ends = sorted({(s.until, s.lapses_on) for s in steps if s.state is ListingState.SUSPENDED and s.until and s.lapses_on})
    for until, lapses_on in ends:
        for days in COUNTDOWN_DAYS:
            day = lapses_on - timedelta(days=days)
            if day > as_of:
                continue
            known = _known_on(b, steps, day, then)
            states = _simulate(listing, known, date.max, None, None)
            affected = [k for k, st in states.items() if st.state is ListingState.SUSPENDED and st.until == until
                        and st.lapses_on == lapses_on]
            if not affected:
                continue
            setter = next(s.source for s in reversed(known)
                          if s.state is ListingState.SUSPENDED and s.until == until and s.lapses_on == lapses_on)
            _state_events(b, EventKind.SUSPENSION_ENDS_SOON, listing, setter, affected, until, until,
                          midnight(day), days=days, id_day=day, lapses_on=_past(until, lapses_on))


def _term_end(step: Step, listing: Listing) -> bool:
    """The step a listing's own term sets (an impose with an ``until``: "期限为5年"): a lift by its own notice."""
    return (step.event_kind is EventKind.LIFTED and step.source.record.key == listing.key and step.order[3] == 1
            and term_end(step.action) == step.effective)


def _term_countdowns(b: _Builder, listing: Listing, steps: Sequence[Step], as_of: date, then: KnownOn | None = None) -> None:
    """Countdown items 30 and 7 days before the end of a listing's term, for the entities the end still reaches as
    known on the countdown day (not lifted or removed before it: ``_known_on``). Ids like the suspensions' (the
    countdown day)."""
    for end in sorted({s.effective for s in steps if _term_end(s, listing)}):
        for days in COUNTDOWN_DAYS:
            day = end - timedelta(days=days)
            if day > as_of:
                continue
            known = _known_on(b, steps, day, then, moved=False)
            ender = next((s for s in known if _term_end(s, listing) and s.effective == end), None)
            if ender is None:
                continue
            states = _simulate(listing, [s for s in known if s.effective < end], date.max, None, None)
            affected = [k for k, st in states.items() if st.state is not None and not st.singled_out
                        and st.state not in (ListingState.LIFTED, ListingState.REMOVED)]
            if affected:  # a term's last day: "until 2027-12-31 inclusive", ending on 2028-01-01 (``model.term_end``)
                last = ender.action.until if ender.action.until and ender.action.until < end else None
                _state_events(b, EventKind.TERM_ENDS_SOON, listing, ender.source, affected, end, last or end,
                              midnight(day), days=days, id_day=day, lapses_on=end if last else None)


def _next(step: Step | None) -> tuple[ListingState | None, date | None, date | None, str | None, date | None]:
    """What a step still to come sets: (state, from, until, by, the day that suspension lapses); all None for no step."""
    if step is None:
        return None, None, None, None, None
    until = step.until if step.state is ListingState.SUSPENDED else None
    return step.state, step.effective, until, step.source.record.key, step.lapses_on if until else None


def _rows(listing: Listing, states: dict[str, EntityState], as_of: date,
          notices: dict[str, StoredNotice] | None = None) -> list[StatusRow]:
    """One row per group of entities sharing a state. Entities with no state in effect yet but a step
    announced are ANNOUNCED since that step's publication, by its notice; any row carries, as its ``next_*`` fields,
    the first day with a step announced and not yet in effect and the last step of that day (what the day leaves)."""
    groups: dict[tuple[ListingState, date | None, date | None, date | None, bool, str | None, tuple[str, ...],
                       tuple[ListingState | None, date | None, date | None, str | None, date | None]], list[str]] = {}
    for key, st in states.items():
        state, since, by = st.state, st.since, st.by
        if state is None:
            if st.next is None:
                continue
            state, since, by = ListingState.ANNOUNCED, st.next.known, st.next.source.record.key
        # in date order: a step announced for a later day is told when it is known, a lapse at the end of the run,
        # so "2026-12-15 suspended … (announced 2026-12-14)" came before "2026-11-10 suspension lapsed"
        history = tuple(sorted(st.history, key=_history_day))
        groups.setdefault((state, since, st.until, st.lapses_on, st.presumed, by, history, _next(st.then or st.next)),
                          []).append(key)
    rows = []
    rec = listing.notice.record
    for (state, since, until, lapses_on, presumed, by, history, coming), keys in groups.items():
        real = tuple(k for k in keys if k != NO_ENTITY)
        setter = (notices or {}).get(by) if by and by != listing.key else None
        scope = _clause_text(listing, setter).strip(" ()") or None
        next_state, next_from, next_until, next_by, next_lapses_on = coming
        suspended = state is ListingState.SUSPENDED
        rows.append(StatusRow(
            notice_key=listing.key, number=rec.number, title=rec.title, list=listing.list, state=state,
            since=since, until=until if suspended else None,
            # to the day it lapses: "至2027年12月31日" leaves 1 day on 12-31, its last
            days_left=(lapses_on - as_of).days if lapses_on and suspended else None,
            entity_count=len(real), presumed=presumed, by=by, entity_keys=real, history=history,
            issuer=rec.issuer, scope=scope, next_state=next_state, next_from=next_from, next_until=next_until,
            next_by=next_by, measure_only=added_measure(listing),
            investigation_closed=state is ListingState.LIFTED and investigation_only(listing),
            lapses_on=lapses_on if suspended else None,
            next_lapses_on=next_lapses_on,
        ))
    return rows
