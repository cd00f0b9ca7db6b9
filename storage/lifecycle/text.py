"""What an item says: entity and group labels, clauses, and each event's title and summary."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from storage.names import clean_display
from storage.numerals import chinese_to_int
from storage.records import ActionKind, EntityRecord, EventKind, ListKind, StoredNotice
from storage.vocabulary import REVIEW_WORDS, SHARED_LISTS, list_name, ministry_of, until_words

from .model import CLAUSE_RE, COUNTRY_ADJECTIVES, MEASURE_NAMES, Listing

MEASURE_WORDS_RE = re.compile(r"措施[：:]\s*([^。；;]+)")
"""The words of a measure a notice takes, after its lead-in ("…采取以下处理措施：禁止其向中国出口基因测序仪。")."""
CJK_RE = re.compile(r"[\u4e00-\u9fff]")  # a name in Chinese characters (a rename's old Chinese name among its aliases)
INDIVIDUAL = "individual"
"""``EntityRecord.type`` of a person (MFA decisions name people): counted as individuals, never as entities."""
TITLE_NAMES = 2
"""How many names a group item's title gives before "and N more …": the title is all a reader's list of items shows,
so it names who (reader34 C1, decided in session 35), and stays one line."""
TITLE_NAME_CHARS = 60
"""A name longer than this is cut in a title (with "…"); the body's table gives it whole."""


def entity_label(ent: EntityRecord) -> str:
    en, zh = clean_display(ent.en), clean_display(ent.zh)
    if en and zh:
        return f"{en} ({zh})"
    return en or zh or ent.key or "unnamed entity"


def old_label(renamed: EntityRecord) -> str:
    """The name a rename's record gives as the old one (``NoticeRecord.renamed``: its aliases, the Chinese name and the
    English), as :func:`entity_label` writes a name."""
    zh = next((a for a in renamed.aliases if CJK_RE.search(a)), None)
    en = next((a for a in renamed.aliases if a != zh), None)
    return entity_label(EntityRecord(zh=zh, en=en, key=renamed.key))


def _counted(entities: Sequence[EntityRecord], one: str, many: str) -> str:
    """"16 US entities", "1 Japanese entity", "3 entities": the country's adjective where all share one."""
    n = len(entities)
    countries = {e.country for e in entities}
    adjective = ""
    if len(countries) == 1:
        (code,) = countries
        if code:
            adjective = COUNTRY_ADJECTIVES.get(code, code) + " "
    return f"{n} {adjective}{one if n == 1 else many}"


def group_label(entities: Sequence[EntityRecord]) -> str:
    """"16 US entities", "1 Japanese entity", "3 entities"; people counted apart ("3 US entities and 10 US
    individuals"): an officer screens a person and a company differently, and an MFA decision names both."""
    people = [e for e in entities if e.type == INDIVIDUAL]
    others = [e for e in entities if e.type != INDIVIDUAL]
    parts = ([_counted(others, "entity", "entities")] if others else []) + \
        ([_counted(people, "individual", "individuals")] if people else [])
    return " and ".join(parts) or "0 entities"


def _title_name(ent: EntityRecord) -> str:
    """The name a title gives: the English one where the notice gives one, else the Chinese (the notice's own)."""
    name = clean_display(ent.en) or clean_display(ent.zh) or ent.key or "unnamed entity"
    return name if len(name) <= TITLE_NAME_CHARS else name[:TITLE_NAME_CHARS - 1].rstrip(" ,") + "…"


def named_group(entities: Sequence[EntityRecord]) -> str:
    """A group item's subject in its title: "Skydio, Inc., BRINC Drones, Inc. and 14 more US entities", "Northfield
    Avionics, Inc. and Kestrel Dynamics LLC"; the rest counted as :func:`group_label` counts them (people apart:
    "… and 11 more (1 US entity and 10 US individuals)")."""
    names = [_title_name(e) for e in entities[:TITLE_NAMES]]
    rest = entities[TITLE_NAMES:]
    if not rest:
        return " and ".join(names)
    kinds = {e.type == INDIVIDUAL for e in rest}
    more = (f"{len(rest)} more {group_label(rest).split(' ', 1)[1]}" if len(kinds) == 1
            else f"{len(rest)} more ({group_label(rest)})")
    return f"{', '.join(names)} and {more}"


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


def clause_numbers(listing: Listing, by: StoredNotice | None) -> tuple[int, ...]:
    """The clauses of ``listing`` that ``by`` acts on alone, in a sentence naming them (none: the whole notice)."""
    if by is None:
        return ()
    found: list[int] = []
    for a in by.record.actions:
        if len(a.targets) == 1 and a.targets[0].key == listing.key:
            found.extend(n for n in clauses(a.text) if n not in found)
    return tuple(sorted(found))


def _clause_text(listing: Listing, by: StoredNotice | None) -> str:
    """" (clause 2)" when ``by`` acts on ``listing`` alone in a sentence naming clauses, else ""."""
    found = clause_numbers(listing, by)
    if not found:
        return ""
    nums = [str(n) for n in found]
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
             by: StoredNotice | None = None, kind: EventKind | None = None, *, named: bool = False) -> str:
    """Who an item is about. An investigation puts no one on a list, so its subject never says "on the … list".
    ``named``: a group is named (:func:`named_group`, for a title), not only counted (a summary, beside its table)."""
    if listing.list is ListKind.ITEMS:  # by its number, as a reader knows it; the key and clause after it, as others
        number = listing.notice.record.number
        if not number:
            return f"item controls of {listing.key}{_clause_text(listing, by)}"
        return f"item controls of {number} ({', '.join(filter(None, (listing.key, _clause_text(listing, by).strip(' ()'))))})"
    group = named_group if named else group_label
    who = entity_label(entity) if entity else (group(entities) if entities else _unnamed(listing))
    if kind is EventKind.INVESTIGATION or kind is EventKind.LIFTED and investigation_only(listing):
        return f"{who}, under the {list_name(listing.list)} rules ({listing.key})"
    return f"{who} on the {_whose(listing)}{list_name(listing.list)} ({listing.key})"


def _whose(listing: Listing) -> str:
    """"MFA " or "MOFCOM " before the name of a list both ministries keep (:data:`SHARED_LISTS`), else ""."""
    ministry = ministry_of(listing.notice.record.issuer) if listing.list in SHARED_LISTS else None
    return f"{ministry} " if ministry else ""


def added_measure(listing: Listing) -> bool:
    """Whether the listing's notice only adds a measure on entities (UEL〔2025〕6号 on Illumina) and lists no one:
    stopping it is not a lift of the entities' listing, which another notice holds."""
    kinds = {a.action for a in listing.notice.record.actions if not a.targets}
    return ActionKind.MEASURE in kinds and not kinds & {ActionKind.IMPOSE, ActionKind.INVESTIGATE}


def investigation_only(listing: Listing) -> bool:
    """Whether the listing's notice only opened an investigation (UEL〔2024〕3号 on PVH) and lists no one: ending it
    (废止 the notice, closing the case) is no lift of the entity's listing by another notice (〔2025〕4号), which stays
    (session 39, audit39/25: "Lifted: 美国PVH集团 on the unreliable entity list" while PVH stayed listed)."""
    kinds = {a.action for a in listing.notice.record.actions if not a.targets}
    return ActionKind.INVESTIGATE in kinds and not kinds & {ActionKind.IMPOSE, ActionKind.MEASURE}


def measure_words(listing: Listing) -> str | None:
    """The measure a notice that only adds one (:func:`added_measure`) takes, as it writes it: "禁止其向中国出口基因测序仪"
    (UEL〔2025〕6号), so its items say which measure; None where the text writes none after its lead-in."""
    if not added_measure(listing):
        return None
    found: list[str] = []
    for a in listing.notice.record.actions:
        if a.action is ActionKind.MEASURE and not a.targets:
            found.extend(w for m in MEASURE_WORDS_RE.finditer(a.text) if (w := m.group(1).strip()) not in found)
    return "；".join(found) or None


def _measures_text(measures: Sequence[str]) -> str:
    names = [MEASURE_NAMES.get(m, m) for m in measures] or ["some measures"]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _title(kind: EventKind, subject: str, effective: date, until: date | None, days: int | None,
           measures: Sequence[str] = (), withdrawn: date | None = None, added_by: str | None = None, *,
           words: str | None = None, lapses_on: date | None = None, closed: bool = False) -> str:
    """``added_by``: the key of a notice that only added a measure (:func:`added_measure`), when the item is on it;
    ``closed``: a lift of a notice that only opened an investigation (:func:`investigation_only`): the case closed;
    ``words``: that measure as the notice writes it (:func:`measure_words`); ``lapses_on``: the day after ``until``
    where the notice writes it as the last day ("until 2027-12-31 inclusive")."""
    said = f" ({words})" if words else ""
    until_text = f"until {until_words(until, lapses_on)}" if until else "until further notice"
    if withdrawn is not None and kind in (EventKind.LIFTED, EventKind.REMOVED):
        return f"Withdrawn before it took effect: {subject}, which was to apply from {withdrawn.isoformat()}"
    match kind:
        case EventKind.IMPOSED:
            return f"Imposed: {subject} from {effective.isoformat()}"
        case EventKind.MEASURE:
            return f"Measure: {subject} from {effective.isoformat()}{': ' + words if words else ''}"
        case EventKind.INVESTIGATION:
            return f"Investigation opened (not a listing): {subject} from {effective.isoformat()}"
        case EventKind.SUSPENDED:
            return f"Suspended: {subject} from {effective.isoformat()} {until_text}"  # No. 70 of 11-07: from 11-10
        case EventKind.SUSPENSION_EXTENDED:
            return f"Suspension extended: {subject} {until_text}"
        case EventKind.LIFTED if closed:
            return f"Investigation closed (not a listing): {subject} from {effective.isoformat()}"
        case EventKind.LIFTED if added_by:
            return f"Measure lifted: {subject} from {effective.isoformat()}; only the measure {added_by} added{said}, not a listing"
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
            return f"Suspension lapsed: {subject} presumed back in force from {effective.isoformat()}, {REVIEW_WORDS}"  # a presumption,
            # said so; the Beijing day named: a reader west of China files the item, dated 00:00 +08:00, the day before (user40)
        case EventKind.SUSPENSION_ENDS_SOON if until and lapses_on:
            return f"Suspension ends in {days} days: {subject}, {until_text}"
        case EventKind.SUSPENSION_ENDS_SOON:
            return f"Suspension ends in {days} days: {subject}, on {until.isoformat() if until else '?'}"
        case EventKind.TERM_ENDS_SOON if until and lapses_on:
            return f"Term ends in {days} days: {subject}, {until_text}"
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


# what the step after a lapse does (``simulate._told_next``), as a lapse item's summary says it
NEXT_WORDS = {EventKind.RESTORED: "restores the measures", EventKind.LIFTED: "stops the measures (lifted)",
              EventKind.REMOVED: "removes the entities from the list", EventKind.SUSPENDED: "suspends the measures again",
              EventKind.SUSPENSION_EXTENDED: "suspends the measures again"}


def _number(notice: StoredNotice) -> str:
    """A notice as a sentence names it: key and number, or key and title for one with no number (a spokesperson's
    answer, whose key "QA-2025-11-05-68a81f8d" alone tells an officer nothing)."""
    rec = notice.record
    if rec.number:
        return f"{rec.key} ({rec.number})"
    return f"{rec.key} ({rec.title})" if rec.title else rec.key


def _summary(kind: EventKind, subject: str, effective: date, until: date | None, by: StoredNotice,
             listing: Listing, days: int | None, measures: Sequence[str] = (), withdrawn: date | None = None,
             stops_measures: bool = False, *, words: str | None = None, lapses_on: date | None = None,
             not_yet: date | None = None, coming: tuple[StoredNotice, EventKind, date, date] | None = None) -> str:
    """``lapses_on``: as :func:`_title`'s; ``not_yet``: the day a listing suspended before it took effect was to take
    effect from (a line says it does not while suspended: the lead's decision on story36's C3); ``coming``: for a lapse,
    the notice told by its day that changes the listing after it, what it does, from when and the day it was told."""
    said = f" ({words}, as the notice writes it)" if words else ""
    end = until_words(until, lapses_on) if until else "?"
    # the notice acting, unless it is the one that listed (an impose, an added measure, an investigation, a term's end):
    # "By UEL-2025-6 (…). Measure added by UEL-2025-6 (…)." said one notice twice (wording29)
    by_text = "" if by.record.key == listing.notice.record.key else f"By {_number(by)}. "
    listed = (f"Item controls set by {_number(listing.notice)}." if listing.list is ListKind.ITEMS
              else f"Opened by {_number(listing.notice)}." if kind is EventKind.INVESTIGATION or investigation_only(listing)
              else f"Measure added by {_number(listing.notice)}." if added_measure(listing)
              else f"Listed by {_number(listing.notice)}.")
    if withdrawn is not None and kind in (EventKind.LIFTED, EventKind.REMOVED):
        return (f"The listing of {subject} was announced to apply from {withdrawn.isoformat()}; it is withdrawn "
                f"from {effective.isoformat()}, before that day, and never took effect. {by_text}{listed}")
    if kind is EventKind.SUSPENSION_LAPSED and lapses_on and until and coming is not None:
        src, then, day, told = coming
        return (f"The suspension for {subject} ran until {end}. {_number(src)}, told on {told.isoformat()}, "
                f"{NEXT_WORDS.get(then, 'changes them')} from {day.isoformat()}; no notice extending the suspension to "
                f"that day is known. The measures are presumed back in force since {effective.isoformat()} until then; "
                f"this is a presumption and needs review. The suspension was last set by {_number(by)}. {listed}")
    if kind is EventKind.SUSPENSION_LAPSED and lapses_on and until:
        return (f"The suspension for {subject} ran until {end} and no later notice extending, "
                f"lifting or restoring it is known. The measures are presumed back in force since "
                f"{effective.isoformat()}; this is a presumption and needs review. The suspension was last set by "
                f"{_number(by)}. {listed}")
    if kind is EventKind.SUSPENSION_LAPSED:
        return (f"The suspension for {subject} ended on {effective.isoformat()} and no later notice extending, "
                f"lifting or restoring it is known. The measures are presumed back in force since "
                f"{effective.isoformat()}; this is a presumption and needs review. The suspension was last set by "
                f"{_number(by)}. {listed}")
    if kind is EventKind.TERM_ENDS_SOON and lapses_on:
        return (f"The term of the measures for {subject} runs until {end}, as {_number(by)} set it: unless a later "
                f"notice says otherwise, the measures no longer apply from {lapses_on.isoformat()}, in {days} days. "
                f"{listed}")
    if kind is EventKind.TERM_ENDS_SOON:
        return (f"The term of the measures for {subject} ends on {until.isoformat() if until else '?'}, in {days} days, "
                f"as {_number(by)} set it: the measures end then unless a later notice says otherwise. {listed}")
    if kind is EventKind.SUSPENSION_ENDS_SOON and lapses_on:
        return (f"The suspension for {subject} runs until {end}, as set by {_number(by)}. Unless a new notice extends "
                f"it, the measures are presumed back in force from {lapses_on.isoformat()}, in {days} days. {listed}")
    if kind is EventKind.SUSPENSION_ENDS_SOON:
        return (f"The suspension for {subject} ends on {until.isoformat() if until else '?'}, in {days} days, "
                f"as set by {_number(by)}. Unless a new notice extends it, the measures are presumed back in force "
                f"from then. {listed}")
    if kind is EventKind.MEASURE_LIFTED:
        return (f"The {_measures_text(measures)} for {subject} is stopped from {effective.isoformat()}, as "
                f"{_number(by)} decides. This is not a lift of the listing: it stays in its state, under the other "
                f"measures of {_number(listing.notice)}. {listed}")
    text = f"{WHAT.get(kind, kind.value)} for {subject} from {effective.isoformat()}"
    if kind is EventKind.MEASURE and words:
        text += f": {words} (as the notice writes it)"
    if kind is EventKind.LIFTED and investigation_only(listing):
        text = (f"The investigation {_number(listing.notice)} opened is closed for {subject} from {effective.isoformat()}; "
                "this is not a lift of a listing: a listing of the same entities by another notice stays as it is")
    if kind is EventKind.LIFTED and added_measure(listing):
        text = (f"The measure {listing.key} added{said} is stopped (lifted) for {subject} from {effective.isoformat()}; this "
                f"is not a lift of a listing: a listing of the same entities by another notice stays as it is")
    if kind is EventKind.LIFTED and by.record.key == listing.notice.record.key:  # the end of a term the listing set
        text = f"The term of the measures for {subject} ends on {effective.isoformat()}, as the listing set it"
        last = next((a.until for a in by.record.actions if a.action is ActionKind.IMPOSE and a.until
                     and a.until < effective), None)
        if last is not None:  # its last day ("有效期至2027年12月31日", "期限为5年"): in force through it
            text = (f"The term of the measures for {subject} ran until {until_words(last, effective)}, as the listing "
                    f"set it: they end from {effective.isoformat()}")
    if kind in (EventKind.SUSPENDED, EventKind.SUSPENSION_EXTENDED):
        text += f" until {end}" if until else ", with no end date stated"
    if kind is EventKind.SUSPENDED and not_yet is not None:
        text += (f". The listing of {_number(listing.notice)} had not taken effect yet (from {not_yet.isoformat()}): "
                 "it does not take effect while suspended")
    if kind is EventKind.REMOVED and stops_measures:
        text += f", and the measures {_number(listing.notice)} took on them are stopped (lifted) from the same day"
    return f"{text}. {by_text}{listed}"
