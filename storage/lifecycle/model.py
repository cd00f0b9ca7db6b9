"""The engine's vocabulary: which actions make or move a listing, the ``Listing``, ``Step`` and ``EntityState`` it
works on, the ``Derivation`` it returns, and the days a notice is known and occurs."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time

from storage.names import entity_key
from storage.periods import lapse_day
from storage.records import (
    ActionKind,
    ActionRecord,
    EntityRecord,
    EventKind,
    EventRecord,
    ListingState,
    ListKind,
    NoticeKind,
    NoticeRecord,
    StatusRow,
    StoredNotice,
)
from storage.vocabulary import BEIJING

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
THE_OTHERS = ("其余", "其他", "剩余", "其它")  # "the others" (counted, collect, simulate._others_kept; scraper's words.THE_OTHERS alike)
# ... as the entities a step acts on: the word, then entities or their count ("其余实体", "对其他13家实体", "该公告所列其余美国企业");
# "…出口管制及其他相关措施", "其他事项" are other measures or matters (review45: an open continuation of a whole notice
# saying so was kept to its suspension's old end, a false lapse told there)
OTHERS_NAMED_RE = re.compile(rf"(?:{'|'.join(THE_OTHERS)})[^，,。；;、措事]{{0,4}}?(?:实体|企业|单位|机构|公司|个人|人员|组织|[家名个](?!单))")
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


@dataclass(frozen=True)
class Listing:
    notice: StoredNotice
    list: ListKind
    entities: tuple[tuple[str, EntityRecord], ...]  # (entity key, record), annex order

    # names a later notice corrected ("关于更正…附件有关内容的公告") or the entity changed ("已更名为"): (from day, entity key,
    # record with the new names; a rename's with the entity's other names, old names included)
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
    """``ent`` under the names a correction or a rename gives it (its key, country, number and the rest kept; a
    rename's record gives its other names too, the old ones among them)."""
    return dataclasses.replace(ent, zh=correction.zh or ent.zh, en=correction.en or ent.en,
                               aliases=correction.aliases or ent.aliases)


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
    # a removal that also stops the measures on the entities it removes, as its notice says the same day
    # ("将X…移出。…对该实体采取的相关措施…停止执行"): one change, one item saying both (the lift adds no item: ``_one_change``)
    stops_measures: bool = False
    # a step on the whole notice that does not reach the entities its notice's other step of that day names ("恢复实施…第21号
    # 相关措施，但对A、B继续暂停…1年": the restore is not true of A and B): their keys (``collect._one_step_each``)
    excluded: tuple[str, ...] = ()

    @property
    def until(self) -> date | None:
        """The end date this step sets: the action's own, or the one counted for an extension by a duration."""
        return self.counted_until if self.action.extends_by else self.action.until

    @property
    def lapses_on(self) -> date | None:
        """The day the suspension this step sets lapses with nothing newer: the day after :attr:`until`, its last day
        whether counted ("1年") or written ("至2027年12月31日"; ``storage.periods.lapse_day``, session 42)."""
        return None if self.until is None else lapse_day(self.until)


@dataclass
class EntityState:
    state: ListingState | None = None
    since: date | None = None
    until: date | None = None
    by: str | None = None
    presumed: bool = False
    history: list[str] = field(default_factory=list)
    # the day the suspension in place lapses: the day after ``until``, its last day (``Step.lapses_on``)
    lapses_on: date | None = None
    # off the listing by a step of its own: removed, or its measures stopped for it alone ("对该实体采取的
    # 相关措施…停止执行"); a later step on the whole notice (a suspension, a restoration) leaves it
    singled_out: bool = False
    # the first step known on the day but effective after it: the change announced and still to come
    next: Step | None = None
    # the last step of that first day: what the day leaves, which the row's next_* says
    then: Step | None = None


def _entity_pairs(entities: Iterable[EntityRecord]) -> tuple[tuple[str, EntityRecord], ...]:
    seen: dict[str, EntityRecord] = {}
    for ent in entities:
        key = ent.key or entity_key(ent.zh, ent.en)
        if key and key not in seen:
            seen[key] = ent
    return tuple(seen.items())


def known_countries(notices: Iterable[StoredNotice]) -> dict[str, str]:
    """Each entity key's country, where the notices that name it give one and only one: a notice naming an entity
    listed elsewhere often does not repeat its country ("商务部公告2026年第30号所列贝塔微系统公司（…）…转入出口管制管控名单";
    UEL〔2025〕6号 on Illumina, listed as American by 4号), and its items would say none (session 29, names29)."""
    found: dict[str, set[str]] = {}
    for n in notices:
        for ent in n.record.entities:
            key = ent.key or entity_key(ent.zh, ent.en)
            if key and ent.country:
                found.setdefault(key, set()).add(ent.country)
    return {key: next(iter(codes)) for key, codes in found.items() if len(codes) == 1}


def with_countries(pairs: tuple[tuple[str, EntityRecord], ...],
                   countries: dict[str, str]) -> tuple[tuple[str, EntityRecord], ...]:
    """``pairs`` with the country ``countries`` knows for each entity whose own notice gives none."""
    if all(ent.country or key not in countries for key, ent in pairs):
        return pairs
    return tuple((key, ent if ent.country or key not in countries else dataclasses.replace(ent, country=countries[key]))
                 for key, ent in pairs)


def term_end(action: ActionRecord) -> date | None:
    """The day a listing's own term ends its measures (an impose with an ``until``): the day after its last day, counted
    ("期限为5年") or written ("有效期至2027年12月31日": in force through 12-31, lifted from 2028-01-01), as for suspensions
    (``storage.periods.lapse_day``)."""
    return None if action.until is None else lapse_day(action.until)


def _action_effective(notice: StoredNotice, action: ActionRecord) -> date | None:
    return day_of(action.effective) or day_of(notice.record.effective) or known_from(notice)
