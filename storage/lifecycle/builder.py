"""The ``_Builder`` that collects a derivation's events, rows, problems and notes, and the item ids and
provenance of state events; a step it cannot apply is an unresolved problem, said with why."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from storage.records import (
    RESTATING_KINDS,
    ActionKind,
    ActionRecord,
    EntityRecord,
    EventKind,
    EventRecord,
    EventScope,
    ListKind,
    NoticeRef,
    Provenance,
    StoredNotice,
)
from storage.vocabulary import (
    BEIJING,
    EVENT_WORDS_KEY,
    INVESTIGATION_CLOSED,
    LAPSES_ON_KEY,
    MEASURE_ONLY_LIFTED,
    NEXT_STEP_KEY,
    SHARED_LISTS,
    TAG_PREFIX,
    UNMATCHED_CAUSE,
    event_words,
    list_name,
    ministry_of,
    reprint_url,
)

from .model import Listing, Step, _action_effective, occurred_at
from .targets import NO_STORED_NOTICE, NOT_STORED
from .text import (
    _number,
    _subject,
    _summary,
    _title,
    added_measure,
    clause_numbers,
    investigation_only,
    measure_words,
    named_group,
)

QUOTE_CHARS = 40
"""A reference an unresolved item's title quotes ("商务部公告2025年第13号", "4月9日公告（不可靠实体清单工作机制〔2025〕8号）") is cut
beyond this (with "…"): the title is all a reader's list shows; the sentence it was read from goes to the body (reader35 B:
titles of ~150 Chinese characters)."""
ENTITY_VERBS = {ActionKind.LIFT: "lifts the measures on", ActionKind.SUSPEND: "suspends",
                ActionKind.EXTEND: "extends the suspension of", ActionKind.RESTORE: "restores the measures on",
                ActionKind.REMOVE: "removes", ActionKind.IMPOSE: "lists", ActionKind.MEASURE: "adds a measure on",
                ActionKind.LIFT_MEASURE: "stops some measures of"}
"""An unresolved step's verb before the entities it names or counts ("removes 2 entities of …")."""


class _Builder:
    """Collects events by id (first wins) and problems."""

    def __init__(self) -> None:
        self.events: dict[str, EventRecord] = {}
        self.problems: list[str] = []
        self.notes: list[str] = []
        # a notice whose effective date a later notice corrected (``_effective_corrections``): its key -> (the corrected
        # day, the day first written, which its items' ids keep, the correcting notice)
        self.moved: dict[str, tuple[date, date, StoredNotice]] = {}
        # a notice whose suspension end a later notice corrected (``_until_corrections``): its key -> the day the
        # correction was published, before which no countdown counts to the corrected end (``simulate._countdowns``)
        self.until_known: dict[str, date] = {}
        # the same notices: key -> (the corrected end, the correcting notice), which the items of that end cite
        self.until_fixed: dict[str, tuple[tuple[date, ...], StoredNotice]] = {}  # (the ends each step it moved)
        # a suspension, extension or measure lift naming listings whose measures had ended (``_simulate``), by its
        # notice and action: what it says of them, and whether it reached any entity anywhere (``_ended_named``)
        self.ended: dict[tuple[str, int], list[tuple[str, str, date, int]]] = {}  # (verb, listing, day, entities)
        self.reached: set[tuple[str, int]] = set()

    def add(self, event: EventRecord) -> None:
        self.events.setdefault(event.id, event)

    def problem(self, text: str) -> None:
        if text not in self.problems:
            self.problems.append(text)

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)


def _provenance(*notices: StoredNotice) -> tuple[Provenance, ...]:
    out: list[Provenance] = []
    for n in notices:
        if n.provenance not in out:
            out.append(n.provenance)
    return tuple(out)


def _state_events(b: _Builder, kind: EventKind, listing: Listing, by: StoredNotice, keys: Sequence[str],
                  effective: date, until: date | None, occurred: datetime, *, presumed: bool = False,
                  days: int | None = None, id_day: date | None = None, measures: Sequence[str] = (),
                  withdrawn: date | None = None, stops_measures: bool = False, lapses_on: date | None = None,
                  not_yet: date | None = None, coming: Step | None = None) -> None:
    """One notice-scope item for the affected entities plus one entity-scope item each, naming them as on the day
    the item is published. ``measures``: the measures a ``measure_lifted`` item names. ``withdrawn``: the day a
    listing lifted or removed before it took effect was to apply from (its items say it was withdrawn, ids kept).
    ``stops_measures``: a removal whose notice stops the measures on the same entities that day (its items say both).
    ``lapses_on``: the day after ``until``, its last day, counted or written ("至2027年12月31日": "until 2027-12-31
    inclusive", :data:`LAPSES_ON_KEY` in ``extra``). ``not_yet``: the day a listing suspended before it took effect was to
    take effect from (its Suspended items say it does not while suspended: the lead's decision on story36's C3).
    ``coming``: for a lapse, the step told by its day that changes the listing after it (its summary names it)."""
    records = dict(listing.named_on(occurred.astimezone(BEIJING).date()))
    ents = [records[k] for k in keys if k in records]
    moved = b.moved.get(by.record.key) if by.record.key == listing.key and id_day is None else None
    fixed = moved is not None and moved[0] == effective  # the day a correction gave: the id keeps the day first written
    base = (f"{TAG_PREFIX}{listing.key}/{kind.value}/{listing.list.value}/"
            f"{(moved[1] if moved is not None and fixed else id_day or effective).isoformat()}")
    subject = _subject(ents, listing, None, by, kind)
    added = listing.key if added_measure(listing) else None
    closed = kind is EventKind.LIFTED and withdrawn is None and investigation_only(listing)
    words = measure_words(listing)
    note = (f" The effective date is as {_number(moved[2])} corrected it ({moved[1].isoformat()} before, "
            f"{effective.isoformat()} now).") if moved is not None and fixed else ""
    # an item of a suspension end a later notice corrected (its until, countdowns and lapse) cites that notice and says so
    end_fix = b.until_fixed.get(by.record.key)
    if end_fix is not None and until not in end_fix[0] and effective - timedelta(days=1) not in end_fix[0]:
        end_fix = None
    if end_fix is not None:
        note += f" The end is as {_number(end_fix[1])} corrected it."
    next_step = (coming.source, coming.event_kind, coming.effective, coming.known) if coming is not None else None
    summary = _summary(kind, subject, effective, until, by, listing, days, measures, withdrawn, stops_measures,
                       words=words, lapses_on=lapses_on, not_yet=not_yet, coming=next_step) + note
    facts = _facts(kind, listing, by, ents, measures, withdrawn, stops_measures, added, words)
    again = _listed_again(kind, listing, by, effective, [k for k in keys if k in records]) if withdrawn is None else set()
    notice_item = EventRecord(
        id=(own := _own_id(b, base, by, kind, until)), kind=kind, scope=EventScope.NOTICE, list=listing.list, notice_key=listing.key, source_key=by.record.key,
        entity_key=None, effective=id_day or effective, until=until, occurred=occurred, updated=occurred,
        title=_again_title(by, len(again), len(ents)) + _title(kind, _subject(ents, listing, None, by, kind, named=True),
                                                              effective, until, days, measures, withdrawn, added,
                                                              words=words, lapses_on=lapses_on, closed=closed)
        + _also_by(b, base, own, by),
        title_zh=by.record.title,
        summary=summary + _again_summary(by, len(again), len(ents)), entities=tuple(ents), presumed=presumed,
        days_left=days, extra=_words(kind, added, withdrawn, closed) + (((LAPSES_ON_KEY, lapses_on.isoformat()),) if lapses_on else ())
        + (((NEXT_STEP_KEY, f"{event_words(coming.event_kind)} from {coming.effective.isoformat()} "
                            f"({coming.source.record.key})"),) if coming is not None else ()),
        facts=facts + ((("relisted_by", by.record.key),) if again else ()),
        provenance=_provenance(by, listing.notice, *((moved[2],) if moved is not None and fixed else ()),
                               *((end_fix[1],) if end_fix is not None else ())))
    b.add(notice_item)
    for key, ent in zip([k for k in keys if k in records], ents):
        subject = _subject([ent], listing, ent, kind=kind)
        one = 1 if key in again else 0
        b.add(dataclasses.replace(notice_item, id=(own := _own_id(b, f"{base}/{key}", by, kind, until)), scope=EventScope.ENTITY, entity_key=key, entities=(ent,),
                                  title=_again_title(by, one, 1) + _title(kind, subject, effective, until, days,
                                                                          measures, withdrawn, added, words=words,
                                                                          lapses_on=lapses_on, closed=closed)
                                  + _also_by(b, f"{base}/{key}", own, by),
                                  summary=_summary(kind, subject, effective, until, by, listing, days, measures,
                                                   withdrawn, stops_measures, words=words, lapses_on=lapses_on,
                                                   not_yet=not_yet, coming=next_step) + note
                                  + _again_summary(by, one, 1),
                                  facts=facts + ((("relisted_by", by.record.key),) if one else ())))


def _listed_again(kind: EventKind, listing: Listing, by: StoredNotice, effective: date, keys: Sequence[str]) -> set[str]:
    """The entities of ``keys`` that ``by``, the notice lifting or removing ``listing``, lists again itself on the same
    list from the same day: a listing notice re-issued ("…本公告自公布之日起正式实施，商务部公告2027年第40号同时废止",
    the same entities and one more in its annex, story35 S3). Their measures go on under ``by``: an item saying
    only "Lifted" told a company's feed it was free of them."""
    if kind not in (EventKind.LIFTED, EventKind.REMOVED) or by.record.key == listing.key:
        return set()
    listed: set[str] = set()
    for a in by.record.actions:
        if a.action is ActionKind.IMPOSE and not a.targets and (a.list or by.record.list) is listing.list \
                and _action_effective(by, a) == effective:
            listed.update(a.entities or (e.key for e in by.record.entities))
    return {k for k in keys if k in listed}


def _again_title(by: StoredNotice, again: int, of: int) -> str:
    """Said before the "Lifted: …" it qualifies: a reader's list cuts a long title, and "Lifted: Alder Creek Systems
    Inc. …" cut before a "; listed again …" at its end told a company still under measures it was free (reader35)."""
    if not again:
        return ""
    some = "Listed again" if again == of else f"{again} of {of} listed again"
    return f"{some} by {by.record.key} from the same day, still under its measures: "


def _again_summary(by: StoredNotice, again: int, of: int) -> str:
    if not again:
        return ""
    who = "them" if again == of else f"{again} of them"
    return (f" {_number(by)} lists {who} again from the same day: {'they stay' if again > 1 else 'it stays'} on "
            "the list, under its measures.")


def _facts(kind: EventKind, listing: Listing, by: StoredNotice, ents: Sequence[EntityRecord], measures: Sequence[str],
           withdrawn: date | None, stops_measures: bool, added_by: str | None, words: str | None
           ) -> tuple[tuple[str, str], ...]:
    """What a state item's words say that no other member of it holds, as data (``EventRecord.facts``): a new parser
    reading another measure, clause or count from the same page changes these, and its item gets a correction; a new
    wording of the same facts does not (``storage.events.FACT_FIELDS``)."""
    out: list[tuple[str, str]] = []
    if listing.list is ListKind.ITEMS and (found := clause_numbers(listing, by)):
        out.append(("clauses", ",".join(map(str, found))))
    if not ents and listing.list is not ListKind.ITEMS and listing.notice.record.stated_count:
        out.append(("stated", str(listing.notice.record.stated_count)))  # "20 entities not named in the stored text"
    if measures:
        out.append(("measures", ",".join(measures)))
    if added_by:
        out.append(("measure_of", added_by))  # a measure the notice added alone, not a listing
    if words:
        out.append(("measure_words", words))
    if withdrawn is not None and kind in (EventKind.LIFTED, EventKind.REMOVED):
        out.append(("withdrawn", withdrawn.isoformat()))
    if stops_measures and kind is EventKind.REMOVED:
        out.append(("stops_measures", listing.notice.record.key))
    return tuple(out)


def _words(kind: EventKind, added_by: str | None, withdrawn: date | None,
           closed: bool = False) -> tuple[tuple[str, str], ...]:
    """The event's words for a table where its kind's would name another event than its title: a lift of a measure a
    notice added alone is "measure lifted (not a listing)", not "lifted" (``storage.vocabulary.MEASURE_ONLY_LIFTED``);
    a lift of a notice that only opened an investigation is "investigation closed (not a listing)"."""
    if closed:
        return ((EVENT_WORDS_KEY, INVESTIGATION_CLOSED),)
    if kind is EventKind.LIFTED and added_by and withdrawn is None:
        return ((EVENT_WORDS_KEY, MEASURE_ONLY_LIFTED),)
    return ()


def _own_id(b: _Builder, item_id: str, by: StoredNotice, kind: EventKind, until: date | None) -> str:
    """``item_id``, or ``item_id/by/<notice key>`` where an item of another notice holds it: two notices changing
    one listing the same way on the same day (two measure lifts of one decision by two decisions, a suspension
    by two decrees) are two items, not the first notice's alone. The first in the engine's order (by day, then
    notice key) keeps the id it has always had, so no stored id moves. Adding nothing: a notice read from reprints
    alone repeating another notice's change of that day (``_ministrys_own``), and a spokesperson's answer or a
    news report restating the change another notice made (same step, same end): it restates, it decides nothing."""
    held = b.events.get(item_id)
    if held is None or held.source_key == by.record.key or _reprint_only(by):
        return item_id
    if by.record.kind in RESTATING_KINDS and (held.kind, held.until) == (kind, until):
        return item_id
    return f"{item_id}/by/{by.record.key}"


def _also_by(b: _Builder, item_id: str, own: str, by: StoredNotice) -> str:
    """Said at the end of the title of an item :func:`_own_id` gave ``/by/<key>``: the step the first item already says,
    decided by ``by`` too (story43's B: 商务部令2026年第10号 and 商务部公告2026年第308号 restoring one order the same day gave
    two items of one title; a reader saw the same news twice, the decree only in the body). Empty for the first."""
    held = b.events.get(item_id)
    if own == item_id or held is None:
        return ""
    return f" ({by.record.key}, as {held.source_key} said)"


def _reprint_only(notice: StoredNotice) -> bool:
    urls = notice.provenance.urls
    return bool(urls) and all(map(reprint_url, urls))


def _cause(ref: NoticeRef | None, why: str) -> str:
    """The title's reason: a notice the store lacks only when that is why (order34: a step naming no notice, or one
    whose count or names do not fit a stored notice, said "cannot be matched to stored notices" all the same)."""
    if ref is not None and (NOT_STORED in why or why.startswith(NO_STORED_NOTICE)):
        return UNMATCHED_CAUSE
    return "which cannot be applied as read (its text says why)"


def _verb(action: ActionKind) -> str:
    """The title's verb: "suspends", "lifts"; not the raw value, which made "lift_measures" (order35 B3)."""
    return "stops some measures of" if action is ActionKind.LIFT_MEASURE else f"{action.value}s"


def _infinitive(action: ActionKind) -> str:
    return "stop some measures of" if action is ActionKind.LIFT_MEASURE else f"{action.value} the measures of"


def _quoted(text: str) -> str:
    return f"\"{text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS - 1] + '…'}\""


def _what(source: StoredNotice, action: ActionRecord, ref: NoticeRef | None, count: int | None,
          keys: Sequence[str] | None = None) -> str:
    """The verb and object of an unresolved item's title: the reference as written (``lifts "商务部公告2025年第13号"``),
    else who the step names ("removes Polaris Optoelectronics, Inc."), or counts, of which notice ("removes 2 entities
    of "商务部公告2025年第21号""); never the whole sentence, which the summary quotes. ``keys``: the entities the step
    could not reach, where it reached others (those alone are named: the others' items say what happened to them)."""
    if ref is not None:
        return f"{_verb(action.action)} {_quoted(ref.text or ref.key or action.text)}"
    verb = ENTITY_VERBS.get(action.action, f"{action.action.value}s")
    of = ", ".join(_quoted(t.text or t.key or "") for t in action.targets if t.text or t.key)
    keys = action.entities if not keys else keys
    named = [e for e in source.record.entities if e.key in keys] if keys else []
    if named:
        who = named_group(named)
    elif keys:
        who = f"{len(keys)} {'entity' if len(keys) == 1 else 'entities'} it names"
    elif count is not None:
        who = f"{count} {'entity' if count == 1 else 'entities'}"
    else:
        who = "entities" if of else "the entities its text names"
    return f"{verb} {who}{' of ' + of if of else ''}"


def _unresolved_event(source: StoredNotice, *, lst: ListKind | None, effective: date, suffix: str, title: str,
                      summary: str, facts: tuple[tuple[str, str], ...], provenance: tuple[Provenance, ...],
                      until: date | None = None) -> EventRecord:
    """An unresolved-reference item of ``source`` (never a state change), as every step the engine cannot apply gives
    one: its id from the notice key, the list, the day and ``suffix`` (what was not applied)."""
    key = source.record.key
    return EventRecord(
        id=f"{TAG_PREFIX}{key}/unresolved_reference/{lst.value if lst else 'none'}/{effective.isoformat()}/{suffix}",
        kind=EventKind.UNRESOLVED_REFERENCE, scope=EventScope.NOTICE, list=lst, notice_key=key, source_key=key,
        entity_key=None, effective=effective, until=until, occurred=occurred_at(source), updated=occurred_at(source),
        title=title, title_zh=source.record.title, facts=facts, summary=summary, provenance=provenance)


def _unresolved(b: _Builder, source: StoredNotice, action: ActionRecord, ref: NoticeRef | None, why: str,
                effective: date, slug: str, count: int | None = None, named: Sequence[str] = ()) -> None:
    """An unresolved-reference item (never a state change) and its problem. ``count``: the entities the step's text
    states, where that is why it is held (``counted``); ``named``: the entity keys it could not reach, where it names
    others too (``targets._holding``)."""
    lst = action.list or (ref.list if ref else None) or source.record.list
    phrase = ref.text if ref and ref.text else (ref.key if ref and ref.key else action.text)
    whose = ministry_of(source.record.issuer) if lst in SHARED_LISTS else None
    where = f" {'from' if action.action is ActionKind.REMOVE else 'on'} the {whose + ' ' if whose else ''}{list_name(lst)}"
    b.problem(f"{source.record.key}: {why}")
    b.add(_unresolved_event(
        source, lst=lst, effective=effective, suffix=slug, until=action.until,
        title=f"Unresolved reference: {source.record.key} {_what(source, action, ref, count, named)}{where if lst else ''}, "
              f"{_cause(ref, why)}",
        facts=(("action", action.action.value), ("reference", phrase)),
        summary=f"{_number(source)} says to {_infinitive(action.action)} \"{phrase}\" from "
                f"{effective.isoformat()}, but {'its ' if why.startswith('reference ') else ''}{why}. No state was "
                "changed; this needs review.",
        provenance=_provenance(source),
    ))
