"""Current states and one entity's history, read from the stored notices (derived, never stored).

Status is a pure function of the notices and the date, so these read the notices
and run the engine rather than trusting stored events: `status --as-of` any day
gives the truth of that day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.aliaslinks import notice_links
from storage.derived import DerivedSummary, inputs_digest, stored_summary
from storage.health import open_health_issues, open_warnings
from storage.lifecycle import Derivation, corrected_keys, corrects_names, derive
from storage.models import Entity, EntityName, HealthIssue
from storage.names import clean_display, name_key, too_short
from storage.notices import load_stored_notices
from storage.records import (
    OMIT_DEFAULT,
    EventKind,
    EventRecord,
    EventScope,
    ListKind,
    StatusRow,
    StoredNotice,
    _jsonable,
)
from storage.vocabulary import ministry_of, state_json

SUGGEST_CUTOFF = 75  # rapidfuzz WRatio score below which a name is not worth suggesting
SUGGEST_LIMIT = 5

# the items that give a listed entity other names from their day on
RENAMING = frozenset({EventKind.NAME_CORRECTED, EventKind.RENAMED})


@dataclass(frozen=True)
class HeldBack:
    """The items the last sync held back (``storage.events.falsifiable``: a lapse, a countdown, an unresolved
    reference) while ``sources`` could hold a step that changes them (a source broken, an index gap, a run that left
    it out: the derive mark's ``held``): the states they tell are derived, not published, unconfirmed. ``status`` and
    ``timeline`` mark them (cycles58's B3: "lapsed" shown, exit 0, no word of the hold)."""

    sources: tuple[str, ...] = ()
    items: tuple[EventRecord, ...] = ()

    def of(self, notice_key: str, lst: ListKind, keys: Sequence[str] = ()) -> tuple[EventRecord, ...]:
        """The held items of the listing (``keys``: an entity's, for its items of that listing alone)."""
        return tuple(e for e in self.items if e.notice_key == notice_key and e.list is lst
                     and (not keys or e.entity_key is None or e.entity_key in keys))

    def line(self) -> str:
        """What a view says of them, once."""
        return (f"HELD BACK: {len(self.items)} item(s) derived but not published while {', '.join(self.sources)} may "
                "hold a step that changes them (a source not read whole, an index gap, or a run that left it out): "
                "the states marked 'held back' are unconfirmed until then (`mofcom-watch status` says why)")


def held_back(session: Session, as_of: date, derivation: Derivation | None = None,
              summary: DerivedSummary | None = None) -> HeldBack:
    """What the last sync held back, as of ``as_of``: its summary's items where it was made as of that day from the
    notices stored (``summary``, or the mark read here), else, while it held sources back, the items derived now
    (``derivation``, or derived here) that the Event table does not hold and a missing page could falsify."""
    import json

    from storage.derived import MARK_NAME
    from storage.models import DeriveMark, Event

    held = session.scalar(select(DeriveMark.held).where(DeriveMark.name == MARK_NAME))
    sources = tuple(json.loads(held)) if held else ()
    if not sources:
        return HeldBack()
    summary = summary or stored_summary(session, as_of, inputs_digest(session, as_of))
    if summary is not None:
        return HeldBack(sources, summary.withheld)
    from storage.events import falsifiable
    from storage.ingest import count_mismatch

    notices = load_stored_notices(session)  # (asked only while sources are held and the mark is of another day)
    derivation = derivation or derive(notices, as_of)
    incomplete = frozenset(n.record.key for n in notices if count_mismatch(n.record))
    stored = set(session.scalars(select(Event.id)))
    return HeldBack(sources, tuple(e for e in derivation.events if e.id not in stored and falsifiable(e, incomplete)))


@dataclass(frozen=True)
class StatusReport:
    """What `mofcom-watch status` shows."""

    as_of: date
    rows: tuple[StatusRow, ...]
    unresolved: tuple[EventRecord, ...]
    problems: tuple[str, ...]
    health: tuple[HealthIssue, ...]
    warnings: tuple[HealthIssue, ...] = ()  # HealthKind.WARNING: shown, never failing (storage.health)
    notes: tuple[str, ...] = ()  # the engine's notes (storage.lifecycle.Derivation.notes): shown, never failing
    held: HeldBack = field(default_factory=lambda: HeldBack())  # items derived but held back (its rows unconfirmed)

    @property
    def ok(self) -> bool:
        """No unresolved reference, no open health issue, no problem of the engine (a step it did not apply, two sources
        saying otherwise: story31 S4, where ``run`` and ``replay`` exited 1 and ``status`` 0, printing it as a note)."""
        return not self.unresolved and not self.health and not self.problems


@dataclass(frozen=True)
class EntityListing:
    """One entity's standing on one list under one notice, with the events that got it there."""

    notice_key: str
    number: str | None
    list: ListKind
    state: StatusRow | None  # None when nothing took effect yet
    events: tuple[EventRecord, ...]  # oldest first
    issuer: str | None = None  # 商务部, 外交部, … as the notice says
    ministry: str | None = None  # MFA | MOFCOM (storage.vocabulary.ministry_of)
    note: str | None = None  # what this notice says about the entity besides its name (a person's role)
    # the listing of another entity key that a notice ties to this one by another name (storage.aliaslinks): why
    linked: str | None = field(default=None, metadata=OMIT_DEFAULT)
    # the engine's problems naming this listing's notice or a notice of its events (a recap no stored step takes, an
    # extension of a suspension not in place): ``status`` exits 1 on them, and ``timeline`` said nothing of them on the
    # listing it showed, "suspended until 2028-02-28" with no word (session 52, review63; session 53, recap53)
    problems: tuple[str, ...] = field(default=(), metadata=OMIT_DEFAULT)
    # its items the last sync held back (:class:`HeldBack`): its state is derived, not published, unconfirmed
    held_back: tuple[str, ...] = field(default=(), metadata=OMIT_DEFAULT)  # their titles


@dataclass(frozen=True)
class EntityTimeline:
    keys: tuple[str, ...]  # entity keys matched (usually one)
    zh: str | None
    en: str | None
    names: tuple[str, ...]  # every spelling seen
    listings: tuple[EntityListing, ...]
    type: str | None = None  # organization | individual, where a notice says
    held_by: tuple[str, ...] = field(default=(), metadata=OMIT_DEFAULT)  # the sources a held listing waits for

    def to_json(self) -> dict[str, Any]:
        """``timeline --json`` and the evidence pack's ``timeline.json``: each listing's ``state`` in the one shape
        ``status --json`` gives its rows (:func:`storage.vocabulary.state_json`: every key, null where it does not
        apply, ``state_label`` and ``ministry``), null before anything took effect. Was the sparse row (user46: no
        ``state_label``, ``lapses_on`` or ``next_*`` unless set), so a script read the two commands two ways."""
        data: dict[str, Any] = _jsonable(self)
        for listing, out in zip(self.listings, data["listings"], strict=True):
            out["state"] = state_json(listing.state) if listing.state is not None else None
        return data


def derive_stored(session: Session, as_of: date) -> tuple[list[StoredNotice], Derivation]:
    return _derive_stored(session, as_of)[1:]


def _derive_stored(session: Session, as_of: date) -> tuple[set[str], list[StoredNotice], Derivation]:
    """:func:`derive_stored`, and the stray keys: the keys a correction notice's entities had as parsed that
    no notice names as derived (the engine matched them to the listing's entity). A store written before session 21
    holds an entity row under such a key (a Chinese half's, 北极星导航系统): it is no entity, never shown."""
    notices = load_stored_notices(session)
    d = derive(notices, as_of)
    fixed = corrected_keys(notices, d)
    named = {e.key for n in fixed for e in n.record.entities if e.key}
    stray = {e.key for n in notices if corrects_names(n.record) for e in n.record.entities if e.key} - named
    return stray, fixed, d


def derived_summary(session: Session, as_of: date) -> DerivedSummary:
    """What the engine finds as of ``as_of``: the last sync's summary while the store holds the notices
    it was derived from (:mod:`storage.derived`), else derived now."""
    summary = stored_summary(session, as_of, inputs_digest(session, as_of))
    return summary if summary is not None else DerivedSummary.of(derive_stored(session, as_of)[1], as_of)


def listing_states(session: Session, as_of: date) -> list[StatusRow]:
    """One row per (notice, list) and state, as of ``as_of``."""
    return list(derived_summary(session, as_of).states)


def status_report(session: Session, as_of: date) -> StatusReport:
    summary = stored_summary(session, as_of, inputs_digest(session, as_of))
    derivation = derive_stored(session, as_of)[1] if summary is None else None
    d = summary if summary is not None else DerivedSummary.of(derivation, as_of)  # type: ignore[arg-type]
    return StatusReport(as_of=as_of, rows=d.states, unresolved=d.unresolved, problems=d.problems,
                        health=tuple(open_health_issues(session)), warnings=tuple(open_warnings(session)),
                        notes=d.notes, held=held_back(session, as_of, derivation, summary))


# --- names ----------------------------------------------------------------------------------


def _matching_keys(session: Session, notices: Sequence[StoredNotice], key: str) -> list[str]:
    found: list[str] = []
    stmt = select(Entity.key).join(EntityName, EntityName.entity_id == Entity.id).where(EntityName.name_key == key)
    for ek in list(session.scalars(stmt)) + list(session.scalars(select(Entity.key).where(Entity.key == key))):
        if ek not in found:
            found.append(ek)
    for n in notices:  # the notices themselves, in case the entity tables miss a spelling; an alias a notice gives
        for e in n.record.entities:
            if (key in (e.key, name_key(e.zh), name_key(e.en)) or key in map(name_key, e.aliases)) and e.key \
                    and e.key not in found:
                found.append(e.key)
    return found


def _linked(notices: Sequence[StoredNotice], keys: list[str], as_of: date) -> tuple[list[str], dict[str, str]]:
    """``keys`` and the entities linked to them by another name a notice public on ``as_of`` gives one of them
    (:mod:`storage.aliaslinks`: "北极星防务系统公司（Polaris Defense Systems LLC，曾用名Lynx Avionics Inc.）" and the listing
    of "Lynx Avionics Inc."), one step; with why each linked key is there."""
    links = notice_links(notices, as_of)
    via: dict[str, str] = {}
    for key in keys:
        for link in links.of(key):
            other = link.other(key)
            if other not in keys and other not in via:
                via[other] = link.reason(other)
    return [*keys, *via], via


def all_names(session: Session, notices: Sequence[StoredNotice]) -> list[str]:
    names = set(session.scalars(select(EntityName.name)))
    for n in notices:
        for e in n.record.entities:
            names.update(x for x in (clean_display(e.zh), clean_display(e.en), *e.aliases) if x)
    return sorted(names)


def suggest_names(session: Session, name: str, limit: int = SUGGEST_LIMIT) -> list[str]:
    """Known names close to ``name`` (fuzzy), best first; none for a name too short to match closely
    (:func:`storage.names.too_short`: "a" suggested five names, user46)."""
    if too_short(name):
        return []
    return _suggest(all_names(session, load_stored_notices(session)), name, limit)


def _suggest(names: Sequence[str], name: str, limit: int) -> list[str]:
    """The closest names, one spelling per normalised name: "Huntington Ingalls Industries Inc." and "…, Inc."
    are one suggestion, not two of the five. A listed name inside ``name`` or holding it comes first (user38: for
    "Skydio Government Solutions LLC" five other "… LLC" were suggested and Skydio Inc. not)."""
    out: dict[str, str] = {}
    for close in _pinyin_names(names, name)[:limit]:
        out.setdefault(name_key(close) or close, close)
    for close, _kind, _score in _related_names(names, name)[:limit]:
        out.setdefault(name_key(close) or close, close)
    for close, _score, _index in _close_names(names, name, limit * 4):
        if len(out) >= limit:
            break
        out.setdefault(name_key(close) or close, close)
        if len(out) == limit:
            break
    return list(out.values())


def _pinyin_names(names: Sequence[str], name: str) -> list[str]:
    """Known Chinese names of people that ``name``, in Latin letters, may be the pinyin (or Wade-Giles) of, as
    ``screen`` offers them as possible matches ("Yu Maochun", "Miles Maochun Yu" for 余茂春): ``timeline`` said "no
    listed entity matches 'Yu Maochun'" with nothing to suggest, an officer's "not listed" for a listed person
    (user42). Tried only for a name of Latin letters (pypinyin is loaded then only)."""
    if not name.isascii() or not any(c.isalpha() for c in name):
        return []
    from storage.possible import english_given_pinyin, pinyin_possible

    found: list[tuple[float, str]] = []
    for known in names:
        known_key = name_key(known)
        if not known_key or known_key.isascii():
            continue
        p = pinyin_possible(name, known_key) or english_given_pinyin(name, known_key)
        if p is not None:
            found.append((p.score, known))
    return [known for _score, known in sorted(found, key=lambda x: (-x[0], x[1]))]


def _related_names(names: Sequence[str], name: str) -> list[tuple[str, MatchKind, float]]:
    """Known names inside ``name`` (a subsidiary's, a branch's or a project's name holding its listed parent's:
    "Skydio Government Solutions LLC" for Skydio Inc., "斯凯迪奥北京科技" for 斯凯迪奥公司), then known names holding it (the
    listed subsidiaries of "General Dynamics"), each with the score ``screen`` gives such a possible match: the rule
    of :func:`storage.possible.inside_possible` (user38: the site search and ``timeline``'s suggestions offered
    neither; ``screen`` did)."""
    from storage.possible import han_inside_possible, inside_possible

    key = name_key(name)
    inside: list[tuple[str, MatchKind, float]] = []
    holds: list[tuple[str, MatchKind, float]] = []
    for known in names:
        known_key = name_key(known)
        if not known_key or known_key == key:
            continue
        if (p := inside_possible(name, known) or han_inside_possible(key, known_key)) is not None:
            inside.append((known, MatchKind.INSIDE, p.score))
        elif (p := inside_possible(known, name) or han_inside_possible(known_key, key)) is not None:
            holds.append((known, MatchKind.HOLDS, p.score))
    return sorted(inside, key=lambda x: -x[2]) + sorted(holds, key=lambda x: (-x[2], x[0]))


def _close_names(names: Sequence[str], name: str, limit: int) -> list[tuple[str, float, int]]:
    """Known names close to ``name`` with their WRatio scores, best first (the one fuzzy rule)."""
    from rapidfuzz import fuzz, process  # here: `status` and `review` never compare names

    return process.extract(name, names, scorer=fuzz.WRatio, processor=lambda s: s.casefold(), limit=limit,
                           score_cutoff=SUGGEST_CUTOFF)


def entity_timeline(session: Session, name: str, as_of: date) -> EntityTimeline | None:
    """The entity's history on every list, matching ``name`` in Chinese or English (see ``name_key``)."""
    key = name_key(name)
    if not key:
        return None
    stray, notices, d = _derive_stored(session, as_of)
    keys = [k for k in _matching_keys(session, notices, key) if k not in stray] or _screened_keys(notices, name)
    if not keys:
        return None
    keys, via = _linked(notices, keys, as_of)
    return _timeline(session, notices, d, keys, via, held_back(session, as_of, d))


KEY_CHARS = frozenset("-_")  # besides letters and digits, what a notice key is written with ("MOFCOM-2026-23")


def names_key(text: str, key: str) -> bool:
    """Whether ``text`` names the notice ``key`` as a whole ("MOFCOM-2026-23", not within "MOFCOM-2026-230")."""
    at = text.find(key)
    while at >= 0:
        end = at + len(key)
        if (at == 0 or not _key_char(text[at - 1])) and (end == len(text) or not _key_char(text[end])):
            return True
        at = text.find(key, at + 1)
    return False


def _key_char(c: str) -> bool:
    return c.isascii() and c.isalnum() or c in KEY_CHARS


def _screened_keys(notices: Sequence[StoredNotice], name: str) -> list[str]:
    """The entities `screen` finds for a spelling no stored name has ("斯凯迪奥公司（美国）", "PVH Corp.",
    "因美纳（Illumina, Inc.）"): its exact and normalised matches only, as a lookup names an entity, never guesses."""
    from storage.watchlist import FUZZY, Counterparty, Watchlist

    wl = Watchlist((Counterparty(name),))
    found: list[str] = []
    for n in notices:
        for e in n.record.entities:
            if e.key and e.key not in found and (m := wl.match(e)) is not None and m.method != FUZZY:
                found.append(e.key)
    return found


def entity_timeline_by_key(session: Session, key: str, as_of: date) -> EntityTimeline | None:
    """:func:`entity_timeline` for one entity key exactly as stored (``/entity/<key>``); None if unknown."""
    stray, notices, d = _derive_stored(session, as_of)
    known = key not in stray and session.scalars(select(Entity.key).where(Entity.key == key)).first() is not None or any(
        e.key == key for n in notices for e in n.record.entities)
    if not (key and known):
        return None
    keys, via = _linked(notices, [key], as_of)
    return _timeline(session, notices, d, keys, via, held_back(session, as_of, d))


def _timeline(session: Session, notices: Sequence[StoredNotice], d: Derivation, keys: list[str],
              via: dict[str, str] | None = None, held: HeldBack | None = None) -> EntityTimeline:
    spellings: list[str] = []
    zh = en = kind = None
    for ek in keys:
        ent = session.scalars(select(Entity).where(Entity.key == ek)).one_or_none()
        if ent is not None:
            zh, en, kind = zh or ent.zh, en or ent.en, kind or ent.type
            spellings.extend(n.name for n in ent.names)
    # a later notice corrected the name (storage/lifecycle/, "关于更正…") or says the entity changed it ("已更名为"): the
    # newest names it now
    fixed = sorted((e for e in d.events if e.kind in RENAMING and e.scope == EventScope.ENTITY
                    and e.entity_key in keys and e.entities), key=lambda e: (e.effective or date.min, e.id))
    if fixed:
        zh, en = clean_display(fixed[-1].entities[0].zh) or zh, clean_display(fixed[-1].entities[0].en) or en
    listings: list[EntityListing] = []
    by_key = {n.record.key: n.record for n in notices}
    notes: dict[str, str] = {}
    for n in notices:
        for e in n.record.entities:
            if e.key in keys:
                zh, en, kind = zh or clean_display(e.zh), en or clean_display(e.en), kind or e.type
                spellings.extend(x for x in (clean_display(e.zh), clean_display(e.en)) if x)
                if e.note:
                    notes.setdefault(n.record.key, e.note)

    linked = via or {}

    def listing(notice_key: str, number: str | None, lst: ListKind, row: StatusRow | None,
                events: tuple[EventRecord, ...]) -> EntityListing:
        rec = by_key.get(notice_key)
        issuer = rec.issuer if rec else None
        reached = sorted({e.entity_key for e in events if e.entity_key in keys} if events
                         else set(row.entity_keys if row else ()) & set(keys))
        why = linked[reached[0]] if reached and all(k in linked for k in reached) else None
        told = {notice_key, *(e.source_key for e in events if e.source_key), *((row.by,) if row and row.by else ())}
        return EntityListing(notice_key, number, lst, row, events, issuer, ministry_of(issuer), notes.get(notice_key),
                             why, tuple(p for p in d.problems if any(names_key(p, k) for k in told)),
                             tuple(e.title for e in (held or HeldBack()).of(notice_key, lst, keys)))

    for (notice_key, lst), events in _entity_events(d, keys).items():
        row = next((r for r in d.states if r.notice_key == notice_key and r.list is lst
                    and any(k in r.entity_keys for k in keys)), None)
        rec = by_key.get(notice_key)
        listings.append(listing(notice_key, rec.number if rec else None, lst, row, tuple(events)))
    for r in d.states:  # listings whose events fell outside the window still show
        if any(k in r.entity_keys for k in keys) and not any(
                x.notice_key == r.notice_key and x.list is r.list for x in listings):
            listings.append(listing(r.notice_key, r.number, r.list, r, ()))
    listings.sort(key=lambda x: (x.events[0].effective or date.min if x.events else date.min, x.notice_key))
    return EntityTimeline(keys=_shown_keys(keys, listings), zh=zh, en=en, names=tuple(dict.fromkeys(sorted(spellings))),
                          listings=tuple(listings), type=kind,
                          held_by=held.sources if held and any(x.held_back for x in listings) else ())


def _shown_keys(keys: Sequence[str], listings: Sequence[EntityListing]) -> tuple[str, ...]:
    """The keys some listing of the timeline reaches (its row or an item of it), when any does: a key only a step's
    notice wrote for the entity, found under another by the names a correction gave it, is no second entity
    ("Polaris Optoelectronics, Inc. (key polarisoptoelectronics, polarisoptronics, …)": the removal's own key beside the
    listing's, story35 S2). Its spellings stay among the names."""
    reached = {k for x in listings for k in (*(x.state.entity_keys if x.state else ()), *(e.entity_key for e in x.events))}
    return tuple(k for k in keys if k in reached) or tuple(keys)


# --- search ---------------------------------------------------------------------------------


class MatchKind(StrEnum):
    EXACT = "exact"  # a spelling seen in a notice, character for character (or the entity key)
    NORMALISED = "normalised"  # equal after name_key: case, width, punctuation, legal suffixes
    FUZZY = "fuzzy"  # close (rapidfuzz WRatio >= SUGGEST_CUTOFF), best first
    INSIDE = "inside"  # a listed name inside the one asked for (a subsidiary's name holding its parent's)
    HOLDS = "holds"  # a listed name holding the one asked for (the listed subsidiaries of a listed parent)


@dataclass(frozen=True)
class EntityHit:
    """One entity a search found, and how."""

    key: str
    zh: str | None
    en: str | None
    match: MatchKind
    matched: str  # the known name (or key) that matched
    score: float  # 100 for exact and normalised matches


def find_entities(session: Session, query: str, limit: int = SUGGEST_LIMIT) -> list[EntityHit]:
    """Entities for a name in either language: exact and normalised matches as ``timeline`` finds
    them, then the listed names holding it (a listed parent's listed subsidiaries); else the listed names inside it
    (the parent of a subsidiary asked for) and the close names ``timeline`` suggests, each resolved to its entity
    (user38: "General Dynamics" named none of its four listed subsidiaries, "Skydio Government Solutions LLC" gave
    five other "… LLC" before Skydio Inc., all "similar name, score 85.5")."""
    text = clean_display(query) or ""
    key = name_key(text)
    if not key:
        return []
    notices = load_stored_notices(session)
    names = all_names(session, notices)
    hits: list[EntityHit] = []
    exact = text in names
    seen: set[str] = set()
    for ek in _matching_keys(session, notices, key):
        kind = MatchKind.EXACT if exact or text == ek else MatchKind.NORMALISED
        hits.append(_hit(session, notices, ek, kind, text, 100.0))
        seen.add(ek)
    if not hits:  # a spelling no stored name has, found as `timeline` finds it (user46: "斯凱迪奧", traditional, found
        for ek in _screened_keys(notices, text):  # by `timeline` and `screen`, was "no listed company matches", 404)
            hits.append(_hit(session, notices, ek, MatchKind.NORMALISED, text, 100.0))
            seen.add(ek)
    if too_short(text):  # "a": matched as written only, never closely (five "similar name, score 90" hits, user46)
        return hits
    for name, kind, score in _related_names(names, text):
        if hits and kind is MatchKind.INSIDE:
            continue  # (the name asked for is listed: the names inside it are no answer)
        for ek in _matching_keys(session, notices, name_key(name)):
            if ek not in seen and len(hits) < limit:
                seen.add(ek)
                hits.append(_hit(session, notices, ek, kind, name, score))
    if any(h.match in (MatchKind.EXACT, MatchKind.NORMALISED) for h in hits):
        return hits
    scored = [(name, 100.0, 0) for name in _pinyin_names(names, text)] + list(_close_names(names, text, limit))
    for name, score, _ in scored:
        for ek in _matching_keys(session, notices, name_key(name)):
            if ek not in seen:
                seen.add(ek)
                hits.append(_hit(session, notices, ek, MatchKind.FUZZY, name, float(score)))
    return hits


def _hit(session: Session, notices: Sequence[StoredNotice], key: str, kind: MatchKind, matched: str,
         score: float) -> EntityHit:
    ent = session.scalars(select(Entity).where(Entity.key == key)).one_or_none()
    zh, en = (ent.zh, ent.en) if ent is not None else (None, None)
    if not (zh or en):
        rec = next((e for n in notices for e in n.record.entities if e.key == key), None)
        zh, en = (clean_display(rec.zh), clean_display(rec.en)) if rec else (None, None)
    return EntityHit(key=key, zh=zh, en=en, match=kind, matched=matched, score=round(score, 1))


def _entity_events(d: Derivation, keys: Sequence[str]) -> dict[tuple[str, ListKind], list[EventRecord]]:
    out: dict[tuple[str, ListKind], list[EventRecord]] = {}
    for e in sorted(d.events, key=lambda e: (e.occurred, e.effective or date.min, e.id)):
        if e.scope == EventScope.ENTITY and e.entity_key in keys and e.notice_key and e.list:
            out.setdefault((e.notice_key, e.list), []).append(e)
    return out
