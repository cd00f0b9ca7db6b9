"""The lifecycle engine: stored notices + a date -> events and listing states. Pure.

A *listing* is (listing notice, list): the entities a notice put on a list. An
item-control notice (no list, no entities, e.g. 商务部公告2024年第46号) that a later
notice suspends is a listing too, on ``ListKind.ITEMS`` with no entities: the same
steps, countdowns and lapse rules give its items a state, in notice-scope events
only. Its entities change state through *steps*: one action of one notice applied to one
listing (a Q&A suspending two notices makes two steps). Steps apply in
effective-date order, ties broken by acting notice key, so the order notices were
stored in never matters.

Knowledge and time are kept apart: a notice is *known* from its publication date
(its events exist from then, so an announcement effective in five days is news
today), while the state only changes on the effective date. Until then the status row says what is
coming (``next_*``: "in force; announced: lifted from 2025-11-10"), and a listing with nothing in
effect yet is ANNOUNCED ("announced: in force from 2025-04-10"). A suspension whose end
date passes with nothing newer known *lapses*: the measures are presumed back in
force, which is said plainly and flagged for review. Countdown items fire 30 and
7 days before an end date, but only if on that day the end date was still the
current one as then known.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from storage.names import clean_display, entity_key, name_key, zh_core
from storage.numerals import chinese_to_int
from storage.periods import end_of_iso_period
from storage.records import (
    RESTATING_KINDS,
    ActionKind,
    ActionRecord,
    EntityRecord,
    EventKind,
    EventRecord,
    EventScope,
    ListingState,
    ListKind,
    NoticeKind,
    NoticeRecord,
    NoticeRef,
    Provenance,
    StatusRow,
    StoredNotice,
)
from storage.vocabulary import BEIJING, STATE_LABELS, TAG_PREFIX, list_name, reprint_url
from storage.yearless import Numbered, index, pick

COUNTDOWN_DAYS = (30, 7)
CLAUSE_RE = re.compile(r"第([一二三四五六七八九十两〇零\d]+)款")  # 第二款 -> clause 2
COUNTRY_ADJECTIVES = {"US": "US", "JP": "Japanese", "TW": "Taiwan-region", "CA": "Canadian", "GB": "British",
                      "DE": "German", "FR": "French", "NL": "Dutch", "KR": "Korean", "AU": "Australian"}

# Actions that act on the notice's own entities (they create a listing) ...
OWN_ACTIONS = {
    ActionKind.IMPOSE: (EventKind.IMPOSED, ListingState.IN_FORCE),
    ActionKind.MEASURE: (EventKind.MEASURE, ListingState.IN_FORCE),
    ActionKind.INVESTIGATE: (EventKind.INVESTIGATION, ListingState.INVESTIGATION),
}
OWN_KINDS = {kind for kind, _ in OWN_ACTIONS.values()}
# ... and actions that act on earlier notices named in their targets.
TARGET_ACTIONS = {
    ActionKind.SUSPEND: (EventKind.SUSPENDED, ListingState.SUSPENDED),
    ActionKind.EXTEND: (EventKind.SUSPENSION_EXTENDED, ListingState.SUSPENDED),
    ActionKind.LIFT: (EventKind.LIFTED, ListingState.LIFTED),
    ActionKind.REMOVE: (EventKind.REMOVED, ListingState.REMOVED),
    ActionKind.RESTORE: (EventKind.RESTORED, ListingState.IN_FORCE),
}
# ... and an action that lifts some measures of an earlier listing and leaves its state ("停止实施…中对X采取的冻结财产
#措施"): an item on the entities it reaches, no state change (a lift where it names every measure the listing's
# decision spelled out: ``_measure_step``).
MEASURE_ACTIONS = {ActionKind.LIFT_MEASURE: EventKind.MEASURE_LIFTED}
MEASURE_NAMES = {"asset_freeze": "asset freeze (冻结财产)", "transaction_ban": "ban on transactions and cooperation "
                 "(禁止交易、合作)", "entry_ban": "visa and entry ban (不予签发签证、不准入境)",
                 "trade_ban": "import and export ban (禁止进出口)", "investment_ban": "investment ban (禁止投资)",
                 "residence_ban": "work permit and residence ban (工作许可、停留、居留)"}
# The state each state-changing event leaves its entities in (what the state pictures draw).
EVENT_STATES = {kind: state for kind, state in (*OWN_ACTIONS.values(), *TARGET_ACTIONS.values())} | {
    EventKind.SUSPENSION_LAPSED: ListingState.LAPSED}
# Notice kinds whose entities can be the target of a date+count reference.
LISTING_NOTICE_KINDS = {NoticeKind.ANNOUNCEMENT, NoticeKind.ORDER, NoticeKind.UEL_ANNOUNCEMENT}
# ... of one by an MFA decision ("停止实施2024年10月10日《关于对…的决定》相关措施"): the MFA's own decisions only, never a
# MOFCOM countermeasure order of the same day on the same list.
MFA_LISTING_KINDS = {NoticeKind.MFA_ORDER}
# A news report about an action is not the action: it never changes a state.
NON_ACTING_KINDS = {NoticeKind.NEWS}
NO_ENTITY = ""  # pseudo entity key for a listing whose notice names no entities
# "关于更正…附件有关内容的公告": a notice correcting another's text (a name in its annex), which no step applies
CORRECTION_WORDS = ("更正", "勘误")
# "对内华达山脉公司、立方公司等2家实体采取的相关措施": the count stated beside entities named in an action's text
NAMED_COUNT_RE = re.compile(r"等([一二三四五六七八九十两〇零\d]+)家")


@dataclass(frozen=True)
class Derivation:
    """Everything the engine derives as of one day."""

    events: tuple[EventRecord, ...]
    states: tuple[StatusRow, ...]
    problems: tuple[str, ...]
    # read right and acted on, said for a person to know, failing nothing (``status`` prints them, ``feeds``,
    # ``replay`` and ``run`` say them and exit as without them): a suspension naming, among others, a notice
    # stopped before it ("第146号至第148号" when No. 147 was stopped), which is left stopped
    notes: tuple[str, ...] = ()


# --- dates ----------------------------------------------------------------------------


def day_of(value: str | None) -> date | None:
    """The date of an ISO date or date-time string ("2025-04-10T12:01+08:00" -> 2025-04-10)."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), BEIJING)


def known_from(notice: StoredNotice) -> date | None:
    """The day a notice became public: its publication date (else its effective date)."""
    return known_from_record(notice.record)


def known_from_record(rec: NoticeRecord) -> date | None:
    """:func:`known_from` of a record read without its provenance."""
    if rec.published:
        return rec.published
    if rec.published_at:
        return _aware(rec.published_at).date()
    return day_of(rec.effective)


def occurred_at(notice: StoredNotice) -> datetime:
    rec = notice.record
    if rec.published_at:
        return _aware(rec.published_at)
    day = known_from(notice)
    assert day is not None
    return midnight(day)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=BEIJING)


# --- listings and steps -----------------------------------------------------------------


@dataclass(frozen=True)
class Listing:
    notice: StoredNotice
    list: ListKind
    entities: tuple[tuple[str, EntityRecord], ...]  # (entity key, record), annex order

    # names a later notice corrected ("关于更正…附件有关内容的公告"): (from day, entity key, record with the new names)
    renamed: tuple[tuple[date, str, EntityRecord], ...] = ()

    @property
    def key(self) -> str:
        return self.notice.record.key

    def entity_keys(self) -> tuple[str, ...]:
        return tuple(k for k, _ in self.entities) or (NO_ENTITY,)

    def named_on(self, day: date) -> tuple[tuple[str, EntityRecord], ...]:
        """The entities as named on ``day``: an item published before a correction keeps the names it gave."""
        if not self.renamed:
            return self.entities
        named = dict(self.entities)
        for since, key, ent in sorted(self.renamed, key=lambda r: r[0]):  # each in turn: one may rename one half
            if since <= day and key in named:
                named[key] = _renamed(named[key], ent)
        return tuple(named.items())


def _renamed(ent: EntityRecord, correction: EntityRecord) -> EntityRecord:
    """``ent`` under the names a correction gives it (its key, country, number and the rest kept)."""
    return dataclasses.replace(ent, zh=correction.zh or ent.zh, en=correction.en or ent.en)


@dataclass(frozen=True)
class Step:
    """One action of one notice applied to one listing."""

    source: StoredNotice
    action: ActionRecord
    event_kind: EventKind
    state: ListingState
    effective: date
    known: date
    order: tuple[date, str, int, int]
    subset: tuple[str, ...] | None = None  # entity keys; None = all of the listing
    # the end an extension by a duration sets (``ActionRecord.extends_by``): the running suspension's end
    # moved on by it, as ``_count_extensions`` counts it
    counted_until: date | None = None

    @property
    def until(self) -> date | None:
        """The end date this step sets: the action's own, or the one counted for an extension by a duration."""
        return self.counted_until if self.action.extends_by else self.action.until


@dataclass
class EntityState:
    state: ListingState | None = None
    since: date | None = None
    until: date | None = None
    by: str | None = None
    presumed: bool = False
    history: list[str] = field(default_factory=list)
    # off the listing by a step of its own: removed, or its measures stopped for it alone ("对该实体采取的
    # 相关措施…停止执行"); a later step on the whole notice (a suspension, a restoration) leaves it
    singled_out: bool = False
    # the first step known on the day but effective after it: the change announced and still to come
    next: Step | None = None


def _entity_pairs(entities: Iterable[EntityRecord]) -> tuple[tuple[str, EntityRecord], ...]:
    seen: dict[str, EntityRecord] = {}
    for ent in entities:
        key = ent.key or entity_key(ent.zh, ent.en)
        if key and key not in seen:
            seen[key] = ent
    return tuple(seen.items())


def _action_effective(notice: StoredNotice, action: ActionRecord) -> date | None:
    return day_of(action.effective) or day_of(notice.record.effective) or known_from(notice)


# --- text -------------------------------------------------------------------------------


def entity_label(ent: EntityRecord) -> str:
    en, zh = clean_display(ent.en), clean_display(ent.zh)
    if en and zh:
        return f"{en} ({zh})"
    return en or zh or ent.key or "unnamed entity"


def group_label(entities: Sequence[EntityRecord]) -> str:
    """"16 US entities", "1 Japanese entity", "3 entities"."""
    n = len(entities)
    countries = {e.country for e in entities}
    adjective = ""
    if len(countries) == 1:
        (code,) = countries
        if code:
            adjective = COUNTRY_ADJECTIVES.get(code, code) + " "
    return f"{n} {adjective}{'entity' if n == 1 else 'entities'}"


def clauses(text: str) -> tuple[int, ...]:
    """The clause numbers an action text names: "…公告第二款" -> (2,)."""
    out: list[int] = []
    for m in CLAUSE_RE.finditer(text):
        raw = m.group(1)
        try:
            n = chinese_to_int(raw)
        except ValueError:
            continue
        if n not in out:
            out.append(n)
    return tuple(out)


def _clause_text(listing: Listing, by: StoredNotice | None) -> str:
    """" (clause 2)" when ``by`` acts on ``listing`` alone in a sentence naming clauses, else ""."""
    if by is None:
        return ""
    found: list[int] = []
    for a in by.record.actions:
        if len(a.targets) == 1 and a.targets[0].key == listing.key:
            found.extend(n for n in clauses(a.text) if n not in found)
    if not found:
        return ""
    nums = [str(n) for n in sorted(found)]
    if len(nums) == 1:
        return f" (clause {nums[0]})"
    return f" (clauses {', '.join(nums[:-1])} and {nums[-1]})"


def _unnamed(listing: Listing) -> str:
    """A listing whose stored text names none of its entities (an order naming "5家美国子公司")."""
    stated = listing.notice.record.stated_count
    if not stated:
        return "the entities"
    return f"{stated} {'entity' if stated == 1 else 'entities'} not named in the stored text"


def _subject(entities: Sequence[EntityRecord], listing: Listing, entity: EntityRecord | None,
             by: StoredNotice | None = None) -> str:
    if listing.list is ListKind.ITEMS:
        return f"item controls of {listing.key}{_clause_text(listing, by)}"
    who = entity_label(entity) if entity else (group_label(entities) if entities else _unnamed(listing))
    return f"{who} on the {list_name(listing.list)} ({listing.key})"


def _measures_text(measures: Sequence[str]) -> str:
    names = [MEASURE_NAMES.get(m, m) for m in measures] or ["some measures"]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _title(kind: EventKind, subject: str, effective: date, until: date | None, days: int | None,
           measures: Sequence[str] = (), withdrawn: date | None = None) -> str:
    until_text = f"until {until.isoformat()}" if until else "until further notice"
    if withdrawn is not None and kind in (EventKind.LIFTED, EventKind.REMOVED):
        return f"Withdrawn before it took effect: {subject}, which was to apply from {withdrawn.isoformat()}"
    match kind:
        case EventKind.IMPOSED:
            return f"Imposed: {subject} from {effective.isoformat()}"
        case EventKind.MEASURE:
            return f"Measure: {subject} from {effective.isoformat()}"
        case EventKind.INVESTIGATION:
            return f"Investigation opened: {subject} from {effective.isoformat()}"
        case EventKind.SUSPENDED:
            return f"Suspended: {subject} {until_text}"
        case EventKind.SUSPENSION_EXTENDED:
            return f"Suspension extended: {subject} {until_text}"
        case EventKind.LIFTED:
            return f"Lifted: {subject} from {effective.isoformat()}"
        case EventKind.MEASURE_LIFTED:
            return (f"Measure lifted: {_measures_text(measures)} for {subject} from {effective.isoformat()}; "
                    "still listed, the other measures stay")
        case EventKind.REMOVED:
            return f"Removed: {subject} from {effective.isoformat()}"
        case EventKind.RESTORED:
            return f"Restored: {subject} back in force from {effective.isoformat()}"
        case EventKind.SUSPENSION_LAPSED:
            return f"Suspension lapsed: {subject} presumed back in force"
        case EventKind.SUSPENSION_ENDS_SOON:
            return f"Suspension ends in {days} days: {subject}, on {until.isoformat() if until else '?'}"
        case EventKind.TERM_ENDS_SOON:
            return f"Term ends in {days} days: {subject}, on {until.isoformat() if until else '?'}"
    return f"{kind.value}: {subject}"


WHAT = {
    EventKind.IMPOSED: "The measures of this listing apply",
    EventKind.MEASURE: "An additional measure applies",
    EventKind.INVESTIGATION: "An investigation was opened (not a listing)",
    EventKind.SUSPENDED: "The measures are suspended",
    EventKind.SUSPENSION_EXTENDED: "The suspension of the measures is extended",
    EventKind.LIFTED: "The measures are stopped (lifted)",
    EventKind.MEASURE_LIFTED: "Some of the measures are stopped; the listing and its other measures stay",
    EventKind.REMOVED: "The entities are removed from the list",
    EventKind.RESTORED: "The measures are restored",
}


def _number(notice: StoredNotice) -> str:
    rec = notice.record
    return f"{rec.key} ({rec.number})" if rec.number else rec.key


def _summary(kind: EventKind, subject: str, effective: date, until: date | None, by: StoredNotice,
             listing: Listing, days: int | None, measures: Sequence[str] = (), withdrawn: date | None = None) -> str:
    listed = (f"Item controls set by {_number(listing.notice)}." if listing.list is ListKind.ITEMS
              else f"Listed by {_number(listing.notice)}.")
    if withdrawn is not None and kind in (EventKind.LIFTED, EventKind.REMOVED):
        return (f"The listing of {subject} was announced to apply from {withdrawn.isoformat()}; it is withdrawn "
                f"from {effective.isoformat()}, before that day, and never took effect. By {_number(by)}. {listed}")
    if kind is EventKind.SUSPENSION_LAPSED:
        return (f"The suspension for {subject} ended on {effective.isoformat()} and no later notice extending, "
                f"lifting or restoring it is known. The measures are presumed back in force since "
                f"{effective.isoformat()}; this is a presumption and needs review. The suspension was last set by "
                f"{_number(by)}. {listed}")
    if kind is EventKind.TERM_ENDS_SOON:
        return (f"The term of the measures for {subject} ends on {until.isoformat() if until else '?'}, in {days} days, "
                f"as {_number(by)} set it: the measures end then unless a later notice says otherwise. {listed}")
    if kind is EventKind.SUSPENSION_ENDS_SOON:
        return (f"The suspension for {subject} ends on {until.isoformat() if until else '?'}, in {days} days, "
                f"as set by {_number(by)}. Unless a new notice extends it, the measures are presumed back in force "
                f"from then. {listed}")
    if kind is EventKind.MEASURE_LIFTED:
        return (f"The {_measures_text(measures)} for {subject} is stopped from {effective.isoformat()}, as "
                f"{_number(by)} decides. This is not a lift of the listing: it stays in its state, under the other "
                f"measures of {_number(listing.notice)}. {listed}")
    text = f"{WHAT.get(kind, kind.value)} for {subject} from {effective.isoformat()}"
    if kind is EventKind.LIFTED and by.record.key == listing.notice.record.key:  # the end of a term the listing set
        text = f"The term of the measures for {subject} ends on {effective.isoformat()}, as the listing set it"
    if kind in (EventKind.SUSPENDED, EventKind.SUSPENSION_EXTENDED):
        text += f" until {until.isoformat()}" if until else ", with no end date stated"
    return f"{text}. By {_number(by)}. {listed}"


# --- the engine -------------------------------------------------------------------------


class _Builder:
    """Collects events by id (first wins) and problems."""

    def __init__(self) -> None:
        self.events: dict[str, EventRecord] = {}
        self.problems: list[str] = []
        self.notes: list[str] = []
        # a notice whose effective date a later notice corrected (``_effective_corrections``): its key -> (the corrected
        # day, the day first written, which its items' ids keep, the correcting notice)
        self.moved: dict[str, tuple[date, date, StoredNotice]] = {}
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
                  withdrawn: date | None = None) -> None:
    """One notice-scope item for the affected entities plus one entity-scope item each, naming them as on the day
    the item is published. ``measures``: the measures a ``measure_lifted`` item names. ``withdrawn``: the day a
    listing lifted or removed before it took effect was to apply from (its items say it was withdrawn, ids kept)."""
    records = dict(listing.named_on(occurred.astimezone(BEIJING).date()))
    ents = [records[k] for k in keys if k in records]
    moved = b.moved.get(by.record.key) if by.record.key == listing.key and id_day is None else None
    fixed = moved is not None and moved[0] == effective  # the day a correction gave: the id keeps the day first written
    base = (f"{TAG_PREFIX}{listing.key}/{kind.value}/{listing.list.value}/"
            f"{(moved[1] if moved is not None and fixed else id_day or effective).isoformat()}")
    subject = _subject(ents, listing, None, by)
    note = (f" The effective date is as {_number(moved[2])} corrected it ({moved[1].isoformat()} before, "
            f"{effective.isoformat()} now).") if moved is not None and fixed else ""
    summary = _summary(kind, subject, effective, until, by, listing, days, measures, withdrawn) + note
    notice_item = EventRecord(
        id=_own_id(b, base, by, kind, until), kind=kind, scope=EventScope.NOTICE, list=listing.list, notice_key=listing.key, source_key=by.record.key,
        entity_key=None, effective=id_day or effective, until=until, occurred=occurred, updated=occurred,
        title=_title(kind, subject, effective, until, days, measures, withdrawn), title_zh=by.record.title,
        summary=summary, entities=tuple(ents), presumed=presumed, days_left=days,
        provenance=_provenance(by, listing.notice, *((moved[2],) if moved is not None and fixed else ())))
    b.add(notice_item)
    for key, ent in zip([k for k in keys if k in records], ents):
        subject = _subject([ent], listing, ent)
        b.add(dataclasses.replace(notice_item, id=_own_id(b, f"{base}/{key}", by, kind, until), scope=EventScope.ENTITY, entity_key=key, entities=(ent,),
                                  title=_title(kind, subject, effective, until, days, measures, withdrawn),
                                  summary=_summary(kind, subject, effective, until, by, listing, days, measures,
                                                   withdrawn) + note))


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


def _reprint_only(notice: StoredNotice) -> bool:
    urls = notice.provenance.urls
    return bool(urls) and all(map(reprint_url, urls))


def _unresolved(b: _Builder, source: StoredNotice, action: ActionRecord, ref: NoticeRef | None, why: str,
                effective: date, slug: str) -> None:
    lst = action.list or (ref.list if ref else None) or source.record.list
    phrase = ref.text if ref and ref.text else (ref.key if ref and ref.key else action.text)
    b.problem(f"{source.record.key}: {why}")
    b.add(EventRecord(
        id=f"{TAG_PREFIX}{source.record.key}/unresolved_reference/{lst.value if lst else 'none'}/"
           f"{effective.isoformat()}/{slug}",
        kind=EventKind.UNRESOLVED_REFERENCE, scope=EventScope.NOTICE, list=lst, notice_key=source.record.key,
        source_key=source.record.key, entity_key=None, effective=effective, until=action.until,
        occurred=occurred_at(source), updated=occurred_at(source),
        title=f"Unresolved reference: {source.record.key} {action.action.value}s \"{phrase}\", which cannot be "
              f"matched to stored notices",
        title_zh=source.record.title,
        summary=f"{_number(source)} says to {action.action.value} the measures of \"{phrase}\" from "
                f"{effective.isoformat()}, but {why}. No state was changed; this needs review.",
        provenance=_provenance(source),
    ))


def _ref_slug(ref: NoticeRef | None, i: int, j: int) -> str:
    if ref is None:
        return f"a{i}"
    if ref.key:
        return ref.key
    parts = [p for p in (ref.date.isoformat() if ref.date else None, ref.list.value if ref.list else None,
                         str(ref.count) if ref.count is not None else None,
                         f"{ref.series}-{ref.number}" if ref.number is not None else None) if p]
    return "-".join(parts) or f"a{i}t{j}"


LIST_ORDER = tuple(sorted(ListKind))  # the order of the lists in sorted listing keys (notice key, list)


def _of_list(listings: dict[tuple[str, ListKind], Listing], lst: ListKind) -> list[tuple[tuple[str, ListKind], Listing]]:
    """The listings on ``lst`` in key order (sorting only those: every listing of a 100x corpus sorted for
    each reference made the engine quadratic)."""
    return sorted(((key, listing) for key, listing in listings.items() if key[1] is lst), key=lambda item: item[0])


def _resolve_date_ref(ref: NoticeRef, lst: ListKind | None, source: StoredNotice,
                      listings: dict[tuple[str, ListKind], Listing]) -> tuple[list[Listing], str | None]:
    """Listings of ``lst`` whose notice was published (else took effect) on ``ref.date``; count checked."""
    lst = ref.list or lst or source.record.list
    if ref.date is None or lst is None:
        return [], f"reference \"{ref.text}\" names neither a notice number nor a date and list"
    mfa = source.record.kind is NoticeKind.MFA_ORDER
    kinds = MFA_LISTING_KINDS if mfa else LISTING_NOTICE_KINDS
    pool = [cand for (key, _), cand in _of_list(listings, lst)
            if key != source.record.key and cand.notice.record.kind in kinds]
    cands = [cand for cand in pool if known_from(cand.notice) == ref.date]
    if not cands:
        cands = [cand for cand in pool if day_of(cand.notice.record.effective) == ref.date]
    if not cands:
        return [], f"no stored notice on the {list_name(lst)} dated {ref.date.isoformat()} (\"{ref.text}\")"
    if mfa and len({cand.key for cand in cands}) > 1:
        # two decisions of one day: the title quoted tells them apart, else none is picked (a wrong pick lifts the
        # measures on the wrong people, as for a number without its year: storage/yearless.py)
        titled = [cand for cand in cands if ref.title and cand.notice.record.title
                  and "".join(cand.notice.record.title.split()) == "".join(ref.title.split())]
        if len({cand.key for cand in titled}) != 1:
            found = ", ".join(sorted({cand.key for cand in cands}))
            return [], f"\"{ref.text}\" may name any of the stored decisions of {ref.date.isoformat()}: {found}"
        cands = titled
    if ref.country is not None and len(cands) > 1:
        # "…的3家美国实体" among the notices of that day: those listing entities of that country alone
        cands = [cand for cand in cands if {e.country for _, e in cand.entities} - {None} == {ref.country}] or cands
    if ref.count is None:
        return cands, None
    total = sum(len(cand.entities) for cand in cands)
    if total == ref.count:
        return cands, None
    exact = [cand for cand in cands if len(cand.entities) == ref.count]
    if len(exact) == 1:
        return exact, None
    found = ", ".join(f"{cand.key} ({len(cand.entities)})" for cand in cands)
    return [], (f"count mismatch: \"{ref.text}\" says {ref.count} entities but the stored notices of "
                f"{ref.date.isoformat()} on the {list_name(lst)} hold {found}")


def _joint_count_problem(action: ActionRecord, source: StoredNotice,
                         listings: dict[tuple[str, ListKind], Listing],
                         notices: dict[str, StoredNotice]) -> str | None:
    """"2025年4月4日和4月9日被列入…的28家": dates without counts of their own share the notice's count."""
    refs, stated = action.targets, source.record.stated_count
    if stated is None or len(refs) < 2 or any(r.key or r.date is None or r.count is not None for r in refs):
        return None
    total = 0
    for ref in refs:
        found, why = _targets(ref, action, source, listings, notices)
        if why:
            return None  # each unresolvable date is reported on its own
        total += sum(len(listing.entities) for listing in found)
    if total == stated:
        return None
    dates = ", ".join(r.date.isoformat() for r in refs if r.date)
    return (f"count mismatch: the notice says {stated} entities, but the stored notices of {dates} "
            f"on the {list_name(action.list or source.record.list)} hold {total}")


def _numbered(notices: dict[str, StoredNotice], joined: dict[tuple[str, ListKind], list[Listing]] | None = None,
              ) -> dict[tuple[str, int], list[Numbered]]:
    """The stored notices a number without its year may name, by (series, number) (``storage.yearless``), each with
    its entities and those amendments added to its list (``joined``)."""
    added: dict[str, set[str]] = defaultdict(set)
    for (key, _), listings in (joined or {}).items():
        added[key].update(k for listing in listings for k, _ in listing.entities)
    return index(Numbered(key, known_from(n), n.record.title, frozenset(e.key for e in n.record.entities) | added[key])
                 for key, n in notices.items())


def _targets(ref: NoticeRef, action: ActionRecord, source: StoredNotice,
             listings: dict[tuple[str, ListKind], Listing],
             notices: dict[str, StoredNotice],
             numbered: dict[tuple[str, int], list[Numbered]] | None = None) -> tuple[list[Listing], str | None]:
    if ref.key is None and ref.series is not None and ref.number is not None:
        # "外交部令第12号": the one stored order that number can name, else unresolved (storage/yearless.py)
        key, why = pick(ref, _numbered(notices) if numbered is None else numbered, source.record.key,
                        known_from(source), action.entities)
        if key is None:
            return [], why
        ref = dataclasses.replace(ref, key=key)
    if ref.key:
        if ref.key not in notices:
            return [], f"reference to {ref.key} (\"{ref.text}\"), which is not stored"
        lst = action.list or ref.list
        found = [listings[(ref.key, kind)] for kind in LIST_ORDER
                 if (lst is None or kind is lst) and (ref.key, kind) in listings]  # key order, looked up
        target = notices[ref.key].record
        if not found and lst is None and target.list is None and not target.entities:
            # an item-control notice (商务部 海关总署公告…): its items get a state, no entity's moves
            return [Listing(notices[ref.key], ListKind.ITEMS, ())], None
        if not found:
            where = f" on the {list_name(lst)}" if lst else ""
            return [], f"{ref.key} lists no entities{where} (\"{ref.text}\")"
        return found, None
    return _resolve_date_ref(ref, action.list, source, listings)


def _holding(action: ActionRecord, source: StoredNotice, listings: dict[tuple[str, ListKind], Listing],
             effective: date) -> tuple[list[tuple[Listing, tuple[str, ...]]], str | None]:
    """The listings an action naming entities but no notice acts on: every other listing on its
    list that holds them and was in force (or published) before the action's day ("决定将…移出关注名单" names the entities,
    not the notice that listed them; a later notice listing the entity again starts a listing the removal
    never touched, and so does one of the removal's own day: "移出" by one notice and "列入" again by another on
    one day leaves the entity on the list under the new one). An entity on no such stored listing is unresolved:
    it is never dropped silently."""
    lst = action.list or source.record.list
    verb = action.action.value
    if not action.entities or lst is None:
        return [], f"its {verb} action names no earlier notice"
    held = [(listing, tuple(k for k in action.entities if k in dict(listing.entities)))
            for (key, _), listing in _of_list(listings, lst)
            if key != source.record.key and _reached_by_day(listing) < effective]
    held = [(listing, subset) for listing, subset in held if subset]
    found = {k for _, subset in held for k in subset}
    missing = [k for k in action.entities if k not in found]
    if missing:
        return held, (f"its {verb} action names {', '.join(missing)}, on no stored listing of the "
                      f"{list_name(lst)}")
    return held, None


def _reached_by_day(listing: Listing) -> date:
    """The first day a removal or lift by name may reach ``listing``: the day it took effect or, if earlier, the
    day it was published (a listing announced for a later day, "自2027年7月1日起正式实施", and a removal of its
    company by name before then: the listing is withdrawn for it, not the removal unresolved)."""
    return min(_listed_from(listing), known_from(listing.notice) or date.max)


def _named_count(text: str) -> int | None:
    """The count an action's text states beside the entities it names ("…等2家实体" -> 2); None when it states none;
    -1 when it states one that cannot be read or several that differ ("等十十家"): then no count can agree."""
    counts: set[int] = set()
    for m in NAMED_COUNT_RE.finditer(text):
        try:
            counts.add(int(m.group(1)) if m.group(1).isdigit() else chinese_to_int(m.group(1)))
        except ValueError:
            return -1
    if not counts:
        return None
    return counts.pop() if len(counts) == 1 else -1


# "第3项": an annex line of the target named by its number ("…第12号附件所列第3、5、8项实体", scraper/parse/rules.py).
ANNEX_SERIAL_RE = re.compile(r"第(\d{1,3})项")


def _by_annex_serial(action: ActionRecord, together: Sequence[Listing]) -> tuple[tuple[str, ...] | None, str | None]:
    """The keys of the target's entities whose annex numbers the action names ("第3项"), each found exactly once on
    the target itself (not what amendments added), and as many as the text states ("上述5家"); else none is picked."""
    numbered: dict[int, set[str]] = defaultdict(set)
    for key, ent in together[0].entities:
        if ent.n is not None:
            numbered[ent.n].add(key)
    out: list[str] = []
    for name in action.entities:
        m = ANNEX_SERIAL_RE.fullmatch(name)
        found = numbered.get(int(m.group(1)), set()) if m else set()
        if len(found) != 1:
            return None, (f"\"{name}\" names no single annex line of {together[0].key}: none of "
                          f"{', '.join(action.entities)} is acted on")
        out.append(next(iter(found)))
    stated = _named_count(action.text)
    if len(set(out)) != len(out) or (stated is not None and stated != len(out)):
        said = "an unreadable count of" if stated == -1 else stated
        return None, (f"the text says {said} entities but its annex lines name {len(set(out))} of "
                      f"{together[0].key} ({', '.join(action.entities)})")
    return tuple(out), None


def _by_chinese_name(action: ActionRecord, together: Sequence[Listing],
                     day: date = date.max) -> tuple[tuple[str, ...] | None, str | None]:
    """The entity keys an action naming entities acts on, in ``together`` (a target listing and what joined it).

    A Q&A names the entities of a notice by Chinese short name only ("停止执行…对内华达山脉公司、立方公司等2家实体采取的
    相关措施"), so its keys ("内华达山脉") are not the listing's (English: "sierranevada"). Such a name is matched to the
    target's own Chinese names, generic suffixes (公司, 有限公司, 集团) ignored: a unique exact match only. When any name
    needed this, every name must resolve and the count stated ("等2家") must equal them, else nothing acts (the reason
    is returned). Names that are keys of the listing, or match nothing at all, are returned as they are (the caller
    reports those missing, as before). A name a correction published by ``day`` gave an entity is its name too."""
    have = {k for listing in together for k in listing.entity_keys()}
    if all(k in have for k in action.entities):
        return action.entities, None
    if any(map(ANNEX_SERIAL_RE.fullmatch, action.entities)):
        return _by_annex_serial(action, together)
    cores: dict[str, set[str]] = defaultdict(set)
    for listing in together:
        for key, ent in (*listing.entities, *listing.named_on(day)):
            core = zh_core(name_key(ent.zh))
            if core:
                cores[core].add(key)
    out: list[str] = []
    used = False
    for name in action.entities:
        found = cores.get(zh_core(name), set()) if name not in have else {name}
        if len(found) > 1:
            return None, (f"\"{name}\" matches {len(found)} entities of {together[0].key} by Chinese name "
                          f"({', '.join(sorted(found))}): none is picked")
        if name not in have and found:
            used = True
        out.append(next(iter(found)) if found else name)
    if not used:
        return action.entities, None
    missing = [name for name in out if name not in have]
    if missing:
        return None, (f"{', '.join(missing)} named by Chinese name match no entity of {together[0].key}; "
                      "the other names are not acted on either")
    stated = _named_count(action.text)
    if len(set(out)) != len(out) or (stated is not None and stated != len(set(out))):
        said = "an unreadable count of" if stated == -1 else stated
        return None, (f"the text says {said} entities but its names resolve to {len(set(out))} of "
                      f"{together[0].key} ({', '.join(dict.fromkeys(out))})")
    return tuple(dict.fromkeys(out)), None


def _listed_from(listing: Listing) -> date:
    """The day a listing took effect: its notice's first own action (impose, measure, investigation) on its list."""
    days = [_action_effective(listing.notice, a) for a in listing.notice.record.actions
            if a.action in OWN_ACTIONS and (a.list or listing.notice.record.list) is listing.list]
    return min((d for d in days if d is not None), default=None) or known_from(listing.notice) or date.min


def _collect(known: Sequence[StoredNotice], b: _Builder) -> tuple[dict[tuple[str, ListKind], Listing],
                                                                    dict[tuple[str, ListKind], list[Step]], set[str]]:
    """The listings (under the names corrections gave them), every step on each, and the keys of the name
    corrections applied (``_apply_corrections``)."""
    notices = {n.record.key: n for n in known}
    listings: dict[tuple[str, ListKind], Listing] = {}
    steps: dict[tuple[str, ListKind], list[Step]] = defaultdict(list)
    own: list[tuple[StoredNotice, int, ActionRecord, ListKind]] = []
    numbered: dict[tuple[str, int], list[Numbered]] | None = None  # made for the first yearless number
    for n in known:
        for i, action in enumerate(n.record.actions):
            if action.action in OWN_ACTIONS:
                lst = action.list or n.record.list
                if lst is None:
                    b.problem(f"{n.record.key}: {action.action.value} action names no list")
                    continue
                # an impose naming its entities lists those alone (an MFA amendment's additions, not the lines it deletes)
                pairs = _entity_pairs(n.record.entities)
                pairs = tuple(p for p in pairs if p[0] in action.entities) if action.entities else pairs
                listings.setdefault((n.record.key, lst), Listing(n, lst, pairs))
                own.append((n, i, action, lst))
    # the names corrections gave the listings' entities, before any step names them: a Q&A naming an entity by the
    # corrected name ("对海吉亚航电公司采取的相关措施", after "“健神星航电公司”有误，现更正为“海吉亚航电公司”") finds it
    applied = _apply_corrections(b, known, listings)
    # an MFA amendment's additions (an impose whose targets name the decision amended): their own listing, which
    # joins that decision's; a decision it cannot be matched to is unresolved, loudly (scraper/parse/mfa/)
    joined: dict[tuple[str, ListKind], list[Listing]] = defaultdict(list)
    for n, i, action, lst in own:
        eff = _action_effective(n, action)
        kind, state = OWN_ACTIONS[action.action]
        assert eff is not None
        steps[(n.record.key, lst)].append(Step(n, action, kind, state, eff, known_from(n) or eff,
                                               (eff, n.record.key, i, 0), None))
        if action.action is ActionKind.IMPOSE and action.until is not None and action.until > eff:
            # a term ("期限为5年"): the listing's measures end when it does, as the notice says (a lift of its own)
            ended = dataclasses.replace(action, action=ActionKind.LIFT)
            steps[(n.record.key, lst)].append(Step(n, ended, EventKind.LIFTED, ListingState.LIFTED, action.until,
                                                   known_from(n) or eff, (action.until, n.record.key, i, 1), None))
        for j, ref in enumerate(action.targets if n.record.kind is NoticeKind.MFA_ORDER else ()):
            numbered = _numbered(notices) if numbered is None and ref.number is not None else numbered
            found, why = _targets(ref, action, n, listings, notices, numbered)
            if why:
                _unresolved(b, n, action, ref, why, eff, _ref_slug(ref, i, j))
            for listing in found:
                joined[(listing.key, listing.list)].append(listings[(n.record.key, lst)])
    numbered = None if joined else numbered  # made again with what the amendments added
    for n in known:
        for i, action in enumerate(n.record.actions):
            if action.action not in TARGET_ACTIONS and action.action not in MEASURE_ACTIONS:
                continue
            eff = _action_effective(n, action)
            assert eff is not None
            # a measure lift changes no state: its steps carry the state only to fill the field (``_simulate``)
            kind, state = TARGET_ACTIONS.get(action.action) or (MEASURE_ACTIONS[action.action], ListingState.IN_FORCE)
            if not action.targets:
                held, why = _holding(action, n, listings, eff)
                if why:
                    _unresolved(b, n, action, None, why, eff, _ref_slug(None, i, 0))
                for j, (holder, keys) in enumerate(held):
                    steps[(holder.key, holder.list)].append(_measure_step(
                        Step(n, action, kind, state, eff, known_from(n) or eff, (eff, n.record.key, i, j), keys), holder))
                continue
            joint = _joint_count_problem(action, n, listings, notices)
            if joint:
                _unresolved(b, n, action, None, joint, eff, "joint-count")
                continue
            for j, ref in enumerate(action.targets):
                if ref.number is not None and numbered is None:
                    numbered = _numbered(notices, joined)
                found, why = _targets(ref, action, n, listings, notices, numbered)
                if why:
                    _unresolved(b, n, action, ref, why, eff, _ref_slug(ref, i, j))
                    continue
                for found_listing in found:
                    found_listing = listings.setdefault((found_listing.key, found_listing.list), found_listing)
                    # the decision's list with what amendments added to it (``joined``)
                    together = [found_listing, *joined.get((found_listing.key, found_listing.list), ())]
                    named: tuple[str, ...] = ()
                    if action.entities:
                        resolved, why = _by_chinese_name(action, together, known_from(n) or eff)
                        if resolved is None:
                            _unresolved(b, n, action, ref, why or "", eff, f"{_ref_slug(ref, i, j)}-names")
                            continue
                        named = resolved
                        have = {k for listing in together for k in listing.entity_keys()}
                        missing = [k for k in named if k not in have]
                        if missing and len(found) == 1:
                            b.problem(f"{n.record.key}: entities {', '.join(missing)} are not on {found_listing.key}")
                    for listing in together:
                        subset = None
                        if action.entities:
                            subset = tuple(k for k in named if k in set(listing.entity_keys()))
                            if not subset:
                                continue
                        steps[(listing.key, listing.list)].append(_measure_step(
                            Step(n, action, kind, state, eff, known_from(n) or eff, (eff, n.record.key, i, j), subset),
                            listing))
    # notices read from reprints alone (a paper's page of a Q&A not merged with MOFCOM's, mofcom_watch/reprints.py)
    reprinted = {n.record.key for n in known if n.provenance.urls and all(map(reprint_url, n.provenance.urls))}
    for (key, _), v in steps.items():
        v.sort(key=_step_order)
        if reprinted and any(s.source.record.key in reprinted for s in v):
            v[:] = _ministrys_own(key, v, reprinted, b)
    return listings, steps, applied


def _measure_step(step: Step, listing: Listing) -> Step:
    """A measure lift that names every measure the listing's decision spelled out (its impose's ``measures``) as a
    lift of the listing; any other step as it is."""
    if step.event_kind is not EventKind.MEASURE_LIFTED:
        return step
    spelled = {m for a in listing.notice.record.actions if a.action is ActionKind.IMPOSE for m in a.measures}
    if not spelled or not spelled <= set(step.action.measures):
        return step
    return dataclasses.replace(step, action=dataclasses.replace(step.action, action=ActionKind.LIFT),
                               event_kind=EventKind.LIFTED, state=ListingState.LIFTED)


def _change(step: Step) -> tuple[object, ...]:
    """What a step changes, whoever says it: its day, kind, state, end or duration, entities."""
    return step.effective, step.event_kind, step.state, step.action.until, step.action.extends_by, step.subset


def _ministrys_own(listing: str, steps: list[Step], reprinted: set[str], b: _Builder) -> list[Step]:
    """``steps`` without those of a reprinted notice on a day a notice on the ministry's own site acts on the same
    entities: the ministry's notice is the one the state ("by"), the history and the items follow and name, not
    whichever of the two keys' hashes sorts last (the state) or first (the items). A reprint saying otherwise than the
    ministry (a paper's six months for MOFCOM's year) is a problem, not the state."""
    own = [s for s in steps if s.source.record.key not in reprinted]
    kept = []
    for step in steps:
        same_day = [s for s in own if s.effective == step.effective and (
            s.subset is None or step.subset is None or set(s.subset) & set(step.subset))]
        if step.source.record.key not in reprinted or not same_day:
            kept.append(step)
        elif _change(step) not in {_change(s) for s in same_day}:
            b.problem(f"{step.source.record.key}: read from a reprint alone, it says of {listing} on "
                      f"{step.effective.isoformat()} otherwise than {', '.join(sorted({s.source.record.key for s in same_day}))}"
                      ", the ministry's own notice, which is followed")
    return kept


def _step_order(step: Step) -> tuple[date, str, bool, int, int]:
    """Steps by day, then notice, then the notice's own order, but a removal after the notice's other
    actions of that day: "移出…名单。…相关措施…停止执行" leaves the entity removed, not lifted."""
    eff, key, i, j = step.order
    return eff, key, step.event_kind is EventKind.REMOVED, i, j


def _count_extensions(listing: Listing, steps: list[Step], b: _Builder) -> list[Step]:
    """The steps with each extension by a duration (``extends_by``: "暂停期限延长1年", no start or end written)
    given its end: the end of the suspension in place before it (ended or not: a lapsed one is extended from its
    end) moved on by the duration. With no such end (nothing suspended, an open-ended suspension, entities with
    different ends) the end is counted from the step's own effective date, and a problem says so: never a
    silent guess."""
    if not any(s.action.extends_by for s in steps):
        return steps
    keys = listing.entity_keys()
    ends: dict[str, date | None] = {}  # entity key: the end of the last suspension set on it, None after another step
    off: set[str] = set()  # lifted or removed: a suspension does not reach them (_simulate), nor its end count
    out = []
    for step in steps:
        if step.event_kind is EventKind.MEASURE_LIFTED:  # no state change: the running end stays
            out.append(step)
            continue
        affected = keys if step.subset is None else tuple(k for k in keys if k in step.subset)
        if step.state is ListingState.SUSPENDED:
            affected = tuple(k for k in affected if k not in off)
        period = step.action.extends_by
        if period and step.state is ListingState.SUSPENDED and affected:
            running = {ends.get(k) for k in affected}
            start = running.pop() if len(running) == 1 else None
            until = end_of_iso_period(start or step.effective, period)
            if start is None or until is None:
                _end_unknown(b, step, listing, until)
            step = dataclasses.replace(step, counted_until=until)
        for k in affected:
            ends[k] = step.until if step.state is ListingState.SUSPENDED else None
            if step.state in (ListingState.LIFTED, ListingState.REMOVED):
                off.add(k)
            elif step.state is not ListingState.SUSPENDED:
                off.discard(k)
        out.append(step)
    return out


def _end_unknown(b: _Builder, step: Step, listing: Listing, until: date | None) -> None:
    """An extension by a duration whose running end is not stored: a problem and an unresolved-reference item
    (the source-health side of the feeds; ``status`` exits 1), with the end counted from the step's own day."""
    src, eff, period = step.source, step.effective.isoformat(), step.action.extends_by
    counted = until.isoformat() if until else "none"
    b.problem(f"{src.record.key}: extends the suspension of {listing.key} by {step.action.duration} ({period}) from the "
              f"end of the suspension in place, but no single end date of a suspension of {listing.key} is stored "
              f"before it; the end is counted from {eff} ({counted}): needs review")
    b.add(EventRecord(
        id=f"{TAG_PREFIX}{src.record.key}/unresolved_reference/{listing.list.value}/{eff}/{listing.key}-end",
        kind=EventKind.UNRESOLVED_REFERENCE, scope=EventScope.NOTICE, list=listing.list, notice_key=src.record.key,
        source_key=src.record.key, entity_key=None, effective=step.effective, until=until,
        occurred=occurred_at(src), updated=occurred_at(src),
        title=f"End date not known: {src.record.key} extends the suspension of {listing.key} by "
              f"{step.action.duration} from an end that is not stored",
        title_zh=src.record.title,
        summary=f"{_number(src)} extends the suspension of the measures of {listing.key} by {step.action.duration} "
                f"({period}), counted from the end of the suspension in place, but no single end date of a suspension "
                f"of {listing.key} is stored before it. The end shown, {counted}, is counted from {eff}, the day the "
                f"extension took effect; this needs review.",
        provenance=_provenance(src, listing.notice),
    ))


def _lapse_due(states: dict[str, EntityState], before: date, inclusive: bool) -> dict[date, list[str]]:
    due: dict[date, list[str]] = defaultdict(list)
    for key, st in states.items():
        if st.state is ListingState.SUSPENDED and st.until and (st.until <= before if inclusive else st.until < before):
            due[st.until].append(key)
    return due


def _simulate(listing: Listing, steps: Sequence[Step], apply_upto: date, lapse_upto: date | None,
              b: _Builder | None) -> dict[str, EntityState]:
    """Run the steps over the listing's entities; emit events into ``b`` when given.

    Steps effective after ``apply_upto`` only produce their (announcement) events.
    Suspensions ending on or before ``lapse_upto`` with nothing newer lapse.
    """
    keys = listing.entity_keys()
    states = {k: EntityState() for k in keys}
    by_key: dict[str, StoredNotice] = {}

    def lapse(due: dict[date, list[str]]) -> None:
        for until, affected in sorted(due.items()):
            setter = by_key[affected[0]]
            for k in affected:
                st = states[k]
                st.state, st.since, st.presumed = ListingState.LAPSED, until, True
                st.history.append(f"{until.isoformat()} suspension {STATE_LABELS[ListingState.LAPSED]}")
            if b is not None:
                _state_events(b, EventKind.SUSPENSION_LAPSED, listing, setter, affected, until, until,
                              midnight(until), presumed=True)

    for step in steps:
        if step.subset is None:  # the whole notice: not the entities a removal or a lift of their own took off
            affected = [k for k in keys if not states[k].singled_out]
            if not affected and b is not None and (step.state is ListingState.SUSPENDED
                                                   or step.event_kind is EventKind.MEASURE_LIFTED):
                affected = list(keys)  # each taken off by a step of its own: said below, as any ended listing
            elif not affected:
                continue
        else:
            affected = [k for k in keys if k in step.subset]
        if step.event_kind in OWN_KINDS:
            # a listing withdrawn before the day it was to take effect ("自2027年7月1日起正式实施", then "商务部公告
            # 2027年第24号…废止" in June) never takes effect: not in force from that day, nor announced as coming
            withdrawn = [k for k in affected if states[k].state in (ListingState.LIFTED, ListingState.REMOVED)]
            for k in withdrawn:
                states[k].history.append(f"{step.effective.isoformat()} not {_history_word(step.event_kind, None)}: "
                                         f"withdrawn before that day ({states[k].by})")
            affected = [k for k in affected if k not in withdrawn]
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
            _state_events(b, step.event_kind, listing, step.source, affected, step.effective, until,
                          occurred_at(step.source), withdrawn=before)
        if step.effective > apply_upto:
            for k in affected:
                states[k].history.append(f"{step.effective.isoformat()} {_history_word(step.event_kind, until)} "
                                         f"({step.source.record.key}, announced {step.known.isoformat()})")
                states[k].next = states[k].next or step
            continue
        # every suspension of the listing that ended before this step lapses now, as one group: lapsing the
        # step's entities alone split a group whose events share an id (one replaced the other)
        lapse(_lapse_due(states, step.effective, inclusive=False))
        for k in affected:
            st = states[k]
            if step.event_kind is EventKind.SUSPENSION_EXTENDED and st.state not in (
                    ListingState.SUSPENDED, ListingState.LAPSED) and b is not None:
                b.problem(f"{step.source.record.key}: extends a suspension of {listing.key} that is not in place")
            st.state, st.until, st.by, st.presumed = step.state, until, step.source.record.key, False
            st.since = step.effective
            st.singled_out = step.state is ListingState.REMOVED or (
                step.subset is not None and step.state is ListingState.LIFTED)
            st.history.append(f"{step.effective.isoformat()} {_history_word(step.event_kind, until)} "
                              f"({step.source.record.key})")
            by_key[k] = step.source
    if lapse_upto is not None:
        lapse(_lapse_due(states, lapse_upto, inclusive=True))
    return states


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


def _history_word(kind: EventKind, until: date | None) -> str:
    words = {
        EventKind.IMPOSED: "imposed", EventKind.MEASURE: "measure imposed", EventKind.INVESTIGATION:
        "investigation opened", EventKind.LIFTED: "lifted", EventKind.REMOVED: "removed",
        EventKind.RESTORED: "restored",
    }
    if kind in (EventKind.SUSPENDED, EventKind.SUSPENSION_EXTENDED):
        verb = "suspended" if kind is EventKind.SUSPENDED else "suspension extended"
        return f"{verb} until {until.isoformat()}" if until else f"{verb}, no end date"
    return words.get(kind, kind.value)


def _countdowns(b: _Builder, listing: Listing, steps: Sequence[Step], as_of: date) -> None:
    """Countdown items for every end date that was still current on the countdown day."""
    untils = sorted({s.until for s in steps if s.state is ListingState.SUSPENDED and s.until})
    for until in untils:
        for days in COUNTDOWN_DAYS:
            day = until - timedelta(days=days)
            if day > as_of:
                continue
            known = [s for s in steps if s.known <= day]
            states = _simulate(listing, known, date.max, None, None)
            affected = [k for k, st in states.items() if st.state is ListingState.SUSPENDED and st.until == until]
            if not affected:
                continue
            setter = next(s.source for s in reversed(known)
                          if s.state is ListingState.SUSPENDED and s.until == until)
            _state_events(b, EventKind.SUSPENSION_ENDS_SOON, listing, setter, affected, until, until,
                          midnight(day), days=days, id_day=day)


def _term_end(step: Step, listing: Listing) -> bool:
    """The step a listing's own term sets (an impose with an ``until``: "期限为5年"): a lift by its own notice."""
    return (step.event_kind is EventKind.LIFTED and step.source.record.key == listing.key and step.order[3] == 1
            and step.action.until == step.effective)


def _term_countdowns(b: _Builder, listing: Listing, steps: Sequence[Step], as_of: date) -> None:
    """Countdown items 30 and 7 days before the end of a listing's term, for the entities the end still reaches as
    known on the countdown day (not lifted or removed before it). Ids like the suspensions' (the countdown day)."""
    for end in sorted({s.effective for s in steps if _term_end(s, listing)}):
        for days in COUNTDOWN_DAYS:
            day = end - timedelta(days=days)
            if day > as_of:
                continue
            known = [s for s in steps if s.known <= day]
            ender = next((s for s in known if _term_end(s, listing) and s.effective == end), None)
            if ender is None:
                continue
            states = _simulate(listing, [s for s in known if s.effective < end], date.max, None, None)
            affected = [k for k, st in states.items() if st.state is not None and not st.singled_out
                        and st.state not in (ListingState.LIFTED, ListingState.REMOVED)]
            if affected:
                _state_events(b, EventKind.TERM_ENDS_SOON, listing, ender.source, affected, end, end,
                              midnight(day), days=days, id_day=day)


def _next(step: Step | None) -> tuple[ListingState | None, date | None, date | None, str | None]:
    """What a step still to come sets: (state, from, until, by); all None for no step."""
    if step is None:
        return None, None, None, None
    until = step.until if step.state is ListingState.SUSPENDED else None
    return step.state, step.effective, until, step.source.record.key


def _rows(listing: Listing, states: dict[str, EntityState], as_of: date,
          notices: dict[str, StoredNotice] | None = None) -> list[StatusRow]:
    """One row per group of entities sharing a state. Entities with no state in effect yet but a step
    announced are ANNOUNCED since that step's publication, by its notice; any row carries the first step
    announced and not yet in effect as its ``next_*`` fields."""
    groups: dict[tuple[ListingState, date | None, date | None, bool, str | None, tuple[str, ...],
                       tuple[ListingState | None, date | None, date | None, str | None]], list[str]] = {}
    for key, st in states.items():
        state, since, by = st.state, st.since, st.by
        if state is None:
            if st.next is None:
                continue
            state, since, by = ListingState.ANNOUNCED, st.next.known, st.next.source.record.key
        # in date order: a step announced for a later day is told when it is known, a lapse at the end of the run,
        # so "2026-12-15 suspended … (announced 2026-12-14)" came before "2026-11-10 suspension lapsed"
        history = tuple(sorted(st.history, key=_history_day))
        groups.setdefault((state, since, st.until, st.presumed, by, history, _next(st.next)), []).append(key)
    rows = []
    rec = listing.notice.record
    for (state, since, until, presumed, by, history, coming), keys in groups.items():
        real = tuple(k for k in keys if k != NO_ENTITY)
        setter = (notices or {}).get(by) if by and by != listing.key else None
        scope = _clause_text(listing, setter).strip(" ()") or None
        next_state, next_from, next_until, next_by = coming
        rows.append(StatusRow(
            notice_key=listing.key, number=rec.number, title=rec.title, list=listing.list, state=state,
            since=since, until=until if state is ListingState.SUSPENDED else None,
            days_left=(until - as_of).days if until and state is ListingState.SUSPENDED else None,
            entity_count=len(real), presumed=presumed, by=by, entity_keys=real, history=history,
            issuer=rec.issuer, scope=scope, next_state=next_state, next_from=next_from, next_until=next_until,
            next_by=next_by,
        ))
    return rows


NOTICE_VERBS = {
    ActionKind.IMPOSE: "lists", ActionKind.MEASURE: "adds a measure on", ActionKind.INVESTIGATE:
    "opens an investigation into", ActionKind.SUSPEND: "suspends the measures of", ActionKind.EXTEND:
    "extends the suspension of", ActionKind.LIFT: "stops the measures of", ActionKind.REMOVE: "removes",
    ActionKind.LIFT_MEASURE: "stops some measures of",
    ActionKind.RESTORE: "restores the measures of",
}


def _notice_event(n: StoredNotice) -> EventRecord:
    rec = n.record
    occurred = occurred_at(n)
    parts = []
    for a in rec.actions:
        targets = ", ".join(t.key or t.text for t in a.targets)
        verb = (f"stops the {_measures_text(a.measures)} of" if a.action is ActionKind.LIFT_MEASURE
                else NOTICE_VERBS.get(a.action, a.action.value))
        if targets:
            parts.append(f"{verb} {targets}")
        else:
            parts.append(f"{verb} {group_label(rec.entities) if rec.entities else 'its entities'}")
    what = "; ".join(parts) or "changes no list"
    ents = ""
    on = f" on the {list_name(rec.list)}" if rec.list else ""
    return EventRecord(
        id=f"{TAG_PREFIX}{rec.key}/notice", kind=EventKind.NOTICE, scope=EventScope.NOTICE, list=rec.list,
        notice_key=rec.key, source_key=rec.key, entity_key=None,
        effective=day_of(rec.effective) or known_from(n), until=None, occurred=occurred, updated=occurred,
        title=f"Notice {_number(n)}: {what}{on}{ents}", title_zh=rec.title,
        summary=f"{_number(n)} published {known_from(n).isoformat()}" +  # type: ignore[union-attr]
                (f", effective {rec.effective}" if rec.effective else "") + f": {what}{on}{ents}.",
        entities=rec.entities, provenance=_provenance(n),
    )


def event_sort_key(event: EventRecord) -> tuple[float, str]:
    """Newest first, then by id: the order feeds and ``load_events`` use."""
    return (-event.occurred.timestamp(), event.id)


def corrects_names(rec: NoticeRecord) -> bool:
    """A notice correcting another's text ("关于更正…附件有关内容的公告") and acting on no listing: the entities it names
    are the corrected names of another notice's entities (scraper/parse/corrections.py), not a listing of its own."""
    return not rec.actions and bool(rec.title) and any(word in (rec.title or "") for word in CORRECTION_WORDS)


def _corrects(n: StoredNotice) -> bool:
    return corrects_names(n.record)


def _apply_corrections(b: _Builder, known: Sequence[StoredNotice],
                       listings: dict[tuple[str, ListKind], Listing]) -> set[str]:
    """Apply each correction notice that renames entities of one other notice's listing (its entities: the new
    names, keyed as first written, numbered as the item; scraper/parse/corrections.py), and only when every one of
    them is on that listing (at that item) by one entity alone: the listing keeps its key, dates and states, and its
    items published from the correction's day on name the entity anew; one item says what changed. The keys of the
    notices applied; any other correction stays unapplied, loudly (``_unapplied_corrections``).

    Corrections are applied in the order they were published, each against the names the listing gives on its day:
    a second correction of the same entry quotes the name the first one gave ("更正后的名称“…”仍有误"), and a
    correction of a correction notice ("关于更正商务部公告2026年第33号的公告", No. 33 itself a correction applied)
    corrects the listing No. 33 corrected. A correction quoting one name alone (the Chinese or the English name: a
    record with that half only) renames that half of the one entity whose name in that language it quotes."""
    applied: set[str] = set()
    corrected: dict[str, str] = {}  # an applied correction's key -> the key of the notice whose listing it corrected
    for n in sorted(known, key=lambda n: (known_from(n) or date.min, n.record.key)):
        rec = n.record
        if not _corrects(n) or not rec.entities:
            continue
        refs = {corrected.get(r.key, r.key) for r in rec.references if r.key and r.key != rec.key} or {
            lk[0] for r in rec.references if r.key is None for lk in listings if _dated_title(listings[lk].notice, r)}
        if len(refs) != 1:
            continue
        (ref,) = refs
        targets = [lk for lk in sorted(listings) if lk[0] == ref]
        day = known_from(n)
        assert day is not None
        found = [_matched(listings[lk], rec.entities, day) for lk in targets]
        # each corrected entity on one entity of a listing at least (a notice listing on the ECL and the UEL may put
        # it on one of them only), and on no listing ambiguous
        if not targets or any(one is None for one in found) or not all(
                any(e.key in keys for keys in found if keys is not None) for e in rec.entities):
            continue
        for lk, matched in zip(targets, found):
            assert matched is not None
            records = tuple(dataclasses.replace(e, key=matched[e.key]) for e in rec.entities if e.key in matched)
            if not records:
                continue
            listing = listings[lk]
            renamed = dataclasses.replace(listing, renamed=(*listing.renamed, *((day, e.key, e) for e in records)))
            _name_events(b, renamed, n, records, day, dict(listing.named_on(day)))
            listings[lk] = renamed
        applied.add(rec.key)
        corrected[rec.key] = ref
    return applied


def _effective_corrections(known: Sequence[StoredNotice], b: _Builder) -> tuple[list[StoredNotice], set[str]]:
    """``known`` with each effective date a correction notice corrects applied (``NoticeRecord.corrected_effective``,
    "…生效日期有误，现更正为2026年7月16日"): only when the correction names one stored notice that lists (its own
    actions all effective on one day): that notice's own actions then take effect on the corrected day; its items keep
    their ids (the day first written, ``_Builder.moved``) and say so. A later correction of the same date wins. The keys
    of the corrections applied; any other stays unapplied, loudly (``_unapplied_corrections``)."""
    by_key = {n.record.key: n for n in known}
    fixes: dict[str, StoredNotice] = {}
    applied: set[str] = set()
    for n in sorted(known, key=lambda n: (known_from(n) or date.min, n.record.key)):
        rec = n.record
        if not _corrects(n) or rec.entities or day_of(rec.corrected_effective) is None:
            continue
        refs = {r.key for r in rec.references if r.key and r.key != rec.key}
        target = by_key.get(next(iter(refs))) if len(refs) == 1 else None
        own = [a for a in target.record.actions if a.action in OWN_ACTIONS] if target is not None else []
        if target is None or not own or len({_action_effective(target, a) for a in own}) != 1:
            continue
        fixes[target.record.key] = n
        applied.add(rec.key)
    out: list[StoredNotice] = []
    for n in known:
        fix = fixes.get(n.record.key)
        new = day_of(fix.record.corrected_effective) if fix is not None else None
        if fix is None or new is None:
            out.append(n)
            continue
        value = fix.record.corrected_effective
        first = next(_action_effective(n, a) for a in n.record.actions if a.action in OWN_ACTIONS)
        assert first is not None
        actions = tuple(dataclasses.replace(a, effective=value) if a.action in OWN_ACTIONS else a for a in n.record.actions)
        out.append(dataclasses.replace(n, record=dataclasses.replace(n.record, effective=value, actions=actions)))
        if new != first:
            b.moved[n.record.key] = (new, first, fix)
    return out, applied


def _dated_title(notice: StoredNotice, ref: NoticeRef) -> bool:
    """Whether ``notice`` is the one a correction names by day and title ("2026年7月15日发布的《关于将…的公告》"):
    published that day, its title holding the quoted title (spaces aside)."""
    title = re.sub(r"\s+", "", notice.record.title or "")
    quoted = re.sub(r"\s+", "", ref.title or "")
    return bool(ref.date and quoted and known_from(notice) == ref.date and quoted in title)


def _matched(listing: Listing, corrected: Sequence[EntityRecord], day: date) -> dict[str, str] | None:
    """Each corrected record's key -> the key of the listing's entity it corrects (the records on none of them left
    out), or None when a record fits several or two records one entity. An entity fits a record when the record's
    key is the entity's key (the name as first written), or the key of the names the listing gives it on ``day``
    (a name corrected before), or, for a record with one name alone, the key of that name of the entity; and when
    the record's item number, if any, is the entity's."""
    now = dict(listing.named_on(day))
    out: dict[str, str] = {}
    for e in corrected:
        def fits(key: str, ent: EntityRecord, first: EntityRecord) -> bool:
            if e.n is not None and first.n is not None and first.n != e.n:
                return False
            if e.zh and e.en:
                return e.key in (key, entity_key(ent.zh, ent.en))
            return e.key in ((name_key(ent.zh), name_key(first.zh)) if e.zh else (name_key(ent.en), name_key(first.en)))

        keys = [key for key, first in listing.entities if fits(key, now[key], first)]
        if len(keys) > 1:
            return None
        if keys:
            out[e.key] = keys[0]
    if len(set(out.values())) != len(out):
        return None
    return out


def _name_events(b: _Builder, listing: Listing, by: StoredNotice, corrected: Sequence[EntityRecord],
                 day: date, before: dict[str, EntityRecord]) -> None:
    """One notice-scope item and one item per renamed entity: "Corrected: X is now Y" (X: the name the listing gave
    before this correction); never a removal and a listing."""
    after = dict(listing.named_on(day))
    keys = [e.key for e in corrected]
    changes = [f"{entity_label(before[k])} is now {entity_label(after[k])}" for k in keys]
    where = f"on the {list_name(listing.list)} ({listing.key})"
    occurred = occurred_at(by)
    base = f"{TAG_PREFIX}{listing.key}/{EventKind.NAME_CORRECTED.value}/{listing.list.value}/{day.isoformat()}"

    def item(id_: str, what: list[str], ents: tuple[EntityRecord, ...], scope: EventScope, key: str | None) -> None:
        b.add(EventRecord(
            id=id_, kind=EventKind.NAME_CORRECTED, scope=scope, list=listing.list, notice_key=listing.key,
            source_key=by.record.key, entity_key=key, effective=day, until=None, occurred=occurred, updated=occurred,
            title=f"Corrected: {'; '.join(what)} {where} (notice {by.record.key})", title_zh=by.record.title,
            summary=(f"{_number(by)} corrects {_number(listing.notice)}: {'; '.join(what)}. The listing keeps its "
                     f"notice, dates and state; items from {day.isoformat()} on give the corrected name. "
                     f"Listed by {_number(listing.notice)}."),
            entities=ents, provenance=_provenance(by, listing.notice)))

    item(base, changes, tuple(after[k] for k in keys), EventScope.NOTICE, None)
    for key, change in zip(keys, changes):
        item(f"{base}/{key}", [change], (after[key],), EventScope.ENTITY, key)


def _slug(ref: str) -> str:
    """A referred notice in an item id: its key, or "the notice of <day> 《title》" as "the-notice-of-<day>" (a title
    in an id would make it long)."""
    return ref.split(" 《")[0].replace(" ", "-")


def _unapplied_corrections(b: _Builder, known: Sequence[StoredNotice], applied: Collection[str] = ()) -> None:
    """A notice whose title says it corrects another's text ("关于更正…的公告") and that does nothing the engine reads:
    the corrected name or date is not applied to the listing it corrects, so a problem and an unresolved-reference
    item say so (``status`` exits 1): a name screening would miss is never dropped silently."""
    for n in known:
        rec = n.record
        if not _corrects(n) or rec.key in applied:
            continue
        eff = known_from(n)
        assert eff is not None
        refs = [r.key for r in rec.references if r.key and r.key != rec.key] or [
            f"the notice of {r.date.isoformat()} 《{r.title}》" for r in rec.references if r.date and r.title][:1] or [
            "an earlier notice"]
        for ref in dict.fromkeys(refs):
            b.problem(f"{rec.key}: corrects {ref}; the correction is not applied to the stored listing: read both "
                      "notices and review")
            b.add(EventRecord(
                id=f"{TAG_PREFIX}{rec.key}/unresolved_reference/{rec.list.value if rec.list else 'none'}/"
                   f"{eff.isoformat()}/correction-{_slug(ref)}",
                kind=EventKind.UNRESOLVED_REFERENCE, scope=EventScope.NOTICE, list=rec.list, notice_key=rec.key,
                source_key=rec.key, entity_key=None, effective=eff, until=None, occurred=occurred_at(n),
                updated=occurred_at(n), title=f"Correction not applied: {rec.key} corrects {ref}",
                title_zh=rec.title,
                summary=f"{_number(n)} corrects the text of {ref} (a name or a date in it); the correction is not "
                        f"applied to what is stored for {ref}. No state was changed; this needs review.",
                provenance=_provenance(n)))


def corrected_keys(notices: Sequence[StoredNotice], derivation: Derivation) -> list[StoredNotice]:
    """``notices`` with each applied correction's entities as the engine matched them: the corrected listing's entity
    key and the names it has now (its ``name_corrected`` items'), not the key the parser could only guess for a
    correction quoting one name (the Chinese name's key, where the listing keys the entity by its English name).
    Screening and timelines read names from these, so the corrected name finds the listed entity."""
    fixed: dict[str, list[EntityRecord]] = {}
    for e in derivation.events:
        if e.kind is EventKind.NAME_CORRECTED and e.scope == EventScope.ENTITY and e.source_key and e.entities:
            fixed.setdefault(e.source_key, []).extend(e.entities)
    return [dataclasses.replace(n, record=dataclasses.replace(n.record, entities=tuple(fixed[n.record.key])))
            if n.record.key in fixed and corrects_names(n.record) else n for n in notices]


def derive(notices: Sequence[StoredNotice], as_of: date) -> Derivation:
    """Events, listing states and problems as of ``as_of``, from the stored notices alone."""
    b = _Builder()
    by_key: dict[str, StoredNotice] = {}
    for n in sorted(notices, key=lambda n: (n.record.key, n.record.dumps())):
        if n.record.key in by_key:
            b.problem(f"{n.record.key}: stored twice; using one of them")
            continue
        if n.record.kind in NON_ACTING_KINDS:
            continue
        if known_from(n) is None:
            b.problem(f"{n.record.key}: no publication or effective date; ignored")
            continue
        by_key[n.record.key] = n
    known = [n for n in by_key.values() if known_from(n) <= as_of]  # type: ignore[operator]
    for n in known:
        b.add(_notice_event(n))
    known, dated = _effective_corrections(known, b)
    listings, steps, applied = _collect(known, b)
    _unapplied_corrections(b, known, applied | dated)
    states: list[StatusRow] = []
    for lk in sorted(listings):
        listing = listings[lk]
        its = _count_extensions(listing, steps.get(lk, []), b)
        final = _simulate(listing, its, as_of, as_of, b)
        _countdowns(b, listing, its, as_of)
        _term_countdowns(b, listing, its, as_of)
        states.extend(_rows(listing, final, as_of, by_key))
    _ended_named(b)
    events = tuple(sorted((e for e in b.events.values() if e.occurred.astimezone(BEIJING).date() <= as_of),
                          key=event_sort_key))
    return Derivation(events=events, states=tuple(states), problems=tuple(b.problems), notes=tuple(b.notes))


__all__ = ["Derivation", "derive", "corrects_names", "corrected_keys", "EVENT_STATES", "event_sort_key", "known_from", "occurred_at", "day_of",
           "entity_label", "group_label", "clauses"]
