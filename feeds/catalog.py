"""Which feeds exist and which events go into each.

Pure: a list of events (and an optional watchlist) in, feed selections out, in a
fixed order, each newest first with duplicates removed, whatever the input order.
"""

from __future__ import annotations

import dataclasses
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Generic, Protocol, TypeVar

from feeds.identity import entity_feed_name, notice_item
from storage.aliaslinks import AliasLinks
from storage.namesakes import same_chinese_name
from storage.possible import POSSIBLE
from storage.records import EntityRecord, EventKind, EventRecord, EventScope, ListKind
from storage.vocabulary import LISTS
from storage.watchlist import Counterparty, Match, Possibly, Watchlist, alias_reason, with_reason

FEED_ALL = "all"
FEED_NOTICES = "notices"
FEED_WATCHLIST = "watchlist"
FEED_HEALTH = "source-health"
FEED_NEWS = "news"
POSSIBLE_TITLE = "Possible watchlist match, review"  # before the title of an item a counterparty only may be


@dataclass(frozen=True)
class FeedSpec:
    name: str  # "all", "ecl", "entity/skydio": the file is <name>.atom / <name>.rss
    title: str
    subtitle: str


@dataclass(frozen=True)
class FeedSelection:
    spec: FeedSpec
    events: tuple[EventRecord, ...]  # newest first


TITLE_PREFIX = "mofcom-watch: "
"""Every feed's title begins with the product's name, as its OPML groups and its commands call it: "MOFCOM watch:" on
the feed of a person only the MFA lists read as MOFCOM's (wording29); the items say which ministry acts."""

FIXED_FEEDS = (
    FeedSpec(FEED_ALL, f"{TITLE_PREFIX}all list events",
             "Every change to China's export-control, unreliable-entity, watch and countermeasure lists (MOFCOM's and "
             "the MFA's) and to suspended item controls."),
    # one feed per list, named by its ListKind value, worded by storage.vocabulary.LISTS
    *(FeedSpec(kind.value, f"{TITLE_PREFIX}{LISTS[kind].en}", LISTS[kind].about) for kind in ListKind),
    FeedSpec(FEED_NOTICES, f"{TITLE_PREFIX}notices",
             "One item per notice (MOFCOM's and the MFA's), including notices that change no list."),
    FeedSpec(FEED_HEALTH, f"{TITLE_PREFIX}source health",
             "Problems fetching or parsing the official sources (bot checks, empty pages, failures)."),
    FeedSpec(FEED_NEWS, f"{TITLE_PREFIX}news reports", "Third-party reports about MOFCOM actions."),
)
WATCHLIST_FEED = FeedSpec(FEED_WATCHLIST, f"{TITLE_PREFIX}your watchlist",
                          "Every event touching one of your counterparties, with how the name matched.")


def newest_first(events: Iterable[EventRecord]) -> tuple[EventRecord, ...]:
    """One event per id (the latest version), newest first; ties by id, so the order is total."""
    chosen: dict[str, EventRecord] = {}
    for event in events:
        old = chosen.get(event.id)
        if old is None or _version(event) > _version(old):
            chosen[event.id] = event
    return tuple(sorted(chosen.values(), key=_order))


def _version(event: EventRecord) -> tuple[float, str]:
    return (event.updated.timestamp(), json.dumps(event.to_json(), sort_keys=True, ensure_ascii=False))


def _order(event: Routable) -> tuple[float, float, str]:
    return (-event.occurred.timestamp(), -event.updated.timestamp(), event.id)


class Routable(Protocol):
    """What routing reads of an item: an :class:`EventRecord`, or the narrow columns of a stored one
    (:class:`storage.eventheads.EventHead`)."""

    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> EventKind: ...
    @property
    def scope(self) -> str: ...
    @property
    def list(self) -> ListKind | None: ...
    @property
    def entity_key(self) -> str | None: ...
    @property
    def corrects(self) -> str | None: ...
    @property
    def occurred(self) -> datetime: ...
    @property
    def updated(self) -> datetime: ...


R = TypeVar("R", bound=Routable)


@dataclass(frozen=True)
class Routes(Generic[R]):
    """Which items each feed carries, newest first: the fixed feeds by name, the entity feeds by
    entity key (in the order the keys are first seen)."""

    fixed: dict[str, list[R]]
    entities: dict[str, list[R]]


def route(ordered: Sequence[R]) -> Routes[R]:
    """Share out items (newest first, one per id) among the fixed feeds and the entity feeds."""
    buckets: dict[str, list[R]] = {spec.name: [] for spec in FIXED_FEEDS}
    entity_events: dict[str, list[R]] = defaultdict(list)
    notice_items = {e.id for e in ordered if e.kind == EventKind.NOTICE}
    for event in ordered:
        if event.scope == EventScope.NOTICE:
            if event.kind == EventKind.NOTICE or _corrects_a_notice_item(event, notice_items):
                buckets[FEED_NOTICES].append(event)
            else:
                buckets[FEED_ALL].append(event)
                if event.list:
                    buckets[event.list.value].append(event)
        elif event.scope == EventScope.ENTITY and event.entity_key:
            entity_events[event.entity_key].append(event)
        elif event.scope == EventScope.HEALTH:
            buckets[FEED_HEALTH].append(event)
        elif event.scope == EventScope.NEWS:
            buckets[FEED_NEWS].append(event)
    return Routes(buckets, dict(entity_events))


def in_feed_order(items: Iterable[R]) -> list[R]:
    """Items with distinct ids, newest first (the order of :func:`newest_first`)."""
    return sorted(items, key=_order)


def entity_spec(key: str, items: Sequence[EventRecord], links: AliasLinks | None = None) -> FeedSpec:
    """The feed of one entity, titled with its names as its newest item gives them; its subtitle names the
    listings of the entities a notice ties to it by another name (:mod:`storage.aliaslinks`), which it carries too."""
    also = "".join(f" With the items of {other} ({link.reason(other)})." for link in (links.of(key) if links else ())
                   for other in (link.other(key),))
    return FeedSpec(entity_feed_name(key), f"{TITLE_PREFIX}{_entity_label(key, items)}",
                    f"Every list event of one entity (key {key}), on all lists.{also}")


def linked_items(key: str, own: Sequence[R], entities: dict[str, list[R]], links: AliasLinks | None) -> list[R]:
    """An entity feed's items: its own, and those of the entities linked to it (:mod:`storage.aliaslinks`: a
    notice gives one's name as the other's former name or alias), newest first. The items keep their ids."""
    others = links.others(key) if links else []
    if not others:
        return list(own)
    return in_feed_order({i.id: i for i in (*own, *(i for o in others for i in entities.get(o, ())))}.values())


def entity_feed_names(keys: Iterable[str]) -> dict[str, str]:
    """Entity feed name -> entity key, sorted by name (the order the feeds are listed in)."""
    by_name = {entity_feed_name(key): key for key in keys}
    return {name: by_name[name] for name in sorted(by_name)}


def select_feeds(events: Sequence[EventRecord], watchlist: Watchlist | None = None,
                 links: AliasLinks | None = None) -> list[FeedSelection]:
    """Every feed with its events: the fixed feeds, the watchlist feed (when given), one per entity (with the
    items of the entities ``links`` ties to it)."""
    ordered = newest_first(events)
    routes = route(ordered)
    selections = [FeedSelection(spec, tuple(routes.fixed[spec.name])) for spec in FIXED_FEEDS]
    if watchlist is not None:
        selections.append(FeedSelection(WATCHLIST_FEED, watchlist_events(ordered, watchlist, links)))
    for key in entity_feed_names(routes.entities).values():
        items = linked_items(key, routes.entities[key], routes.entities, links)
        selections.append(FeedSelection(entity_spec(key, items, links), tuple(items)))
    return selections


def _corrects_a_notice_item(event: Routable, notice_items: set[str]) -> bool:
    """A correction goes where the item it corrects is: the ``notices`` feed for a notice item."""
    if event.kind != EventKind.CORRECTION or not event.corrects:
        return False
    # a notice item retracted or moved under another key is no longer among the items: its id tells it
    return event.corrects in notice_items or notice_item(event.corrects)


def _entity_label(key: str, items: Sequence[EventRecord]) -> str:
    for event in items:
        for entity in event.entities:
            if entity.key == key and (entity.en or entity.zh):
                return " / ".join([x for x in (entity.en, entity.zh) if x])
    return key


def watchlist_events(ordered: Sequence[EventRecord], watchlist: Watchlist,
                     links: AliasLinks | None = None) -> tuple[EventRecord, ...]:
    """Events touching a counterparty, each with the match in ``extra``.

    Entity-scope events come first-hand. A notice-scope event is added only when no
    entity-scope event already says the same thing about the matched entity (same
    kind, source notice, list and date), so a reader sees each fact once.
    """
    by_key: dict[str, list[EventRecord]] = defaultdict(list)
    for event in ordered:
        if event.entity_key:
            by_key[event.entity_key].append(event)
    picker = WatchlistPicker(watchlist, links, lambda key: by_key.get(key, ()))
    for event in sorted(ordered, key=lambda e: e.entity_key or ""):  # one entity's items together (stable: in order)
        picker.add(event)
    return picker.events()


class WatchlistPicker:
    """:func:`watchlist_events` fed one event at a time, in any order; keeps only the events that
    match a counterparty (a notice-scope one is decided at the end, once every entity-scope one is in).

    An event whose entities no counterparty hits but one may be (:meth:`Watchlist.possible`: a shortened name,
    pinyin) is kept as a possible match, an item for review, decided at the end too: only for a counterparty
    that hits no entity of any event, as `screen` offers possible matches only to a row without a hit.

    With ``links`` (:mod:`storage.aliaslinks`), an event of an entity a notice ties to another by another name is
    picked for a counterparty that hits that other entity, the match saying so ("listed as Lynx Avionics Inc.,
    named by 商务部公告2026年第149号 as the former name of Polaris Defense Systems LLC"), as `screen` does.

    An entity's items come together (the publisher feeds one entity at a time; :func:`watchlist_events` sorts them):
    a counterparty that hits one of them by name takes all of them, each item naming the entity as on its day
    (a name corrected by a later notice: the items before the correction name it by its old name, which a watchlist
    giving the new name alone did not hit, so its "Imposed" item was missing; reader35)."""

    def __init__(self, watchlist: Watchlist, links: AliasLinks | None = None,
                 load: Callable[[str], Sequence[EventRecord]] | None = None) -> None:
        self.watchlist = watchlist
        self.load = load  # an entity's items by its key, read again for a namesake (``_namesakes``)
        self.key_hits: dict[str, Match] = {}  # entity key -> a counterparty's hit on one of its items
        self.links = links
        self.covered: set[tuple[EventKind, str | None, ListKind | None, date | None, str | None]] = set()
        self.sources: set[tuple[str | None, str]] = set()
        self.picked: list[EventRecord] = []
        self.notice_matches: list[tuple[EventRecord, list[tuple[EntityRecord, Match]]]] = []
        self.possible: list[tuple[EventRecord, list[tuple[EntityRecord, Possibly]]]] = []  # entity-scope
        self.entities: dict[tuple[object, ...], EntityRecord] = {}  # every entity met: does a counterparty hit one?
        self._hits: dict[Counterparty, bool] = {}
        self._key: str | None = None  # the entity whose items are coming in
        self._key_match: Match | None = None  # a counterparty's hit on one of its items
        self._waiting: list[tuple[EventRecord, list[tuple[EntityRecord, Possibly]]]] = []  # its items no name hit

    def add(self, event: EventRecord) -> None:
        for e in event.entities:
            self.entities.setdefault((e.zh, e.en, e.key, e.branches, e.country, e.type), e)
        if event.scope == EventScope.ENTITY:
            if event.entity_key != self._key or not event.entity_key:
                self._next_entity(event.entity_key)
            entities = [e for e in event.entities if e.key == event.entity_key] or list(event.entities)
            match = _first_match(entities, self.watchlist) or self._linked(event.entity_key)
            if match is None:
                maybe = [(e, p) for e in entities for p in self.watchlist.possible(e)]
                if self._key_match is not None:
                    self._pick(event, _same_entity(self._key_match, entities))
                else:
                    self._waiting.append((event, maybe))
                return
            if self._key_match is None and event.entity_key and match.method != POSSIBLE:
                self._key_match = match
                self.key_hits.setdefault(event.entity_key, match)
                for earlier, _ in self._waiting:
                    self._pick(earlier, _same_entity(match, [e for e in earlier.entities if e.key == earlier.entity_key]
                                                     or list(earlier.entities)))
                self._waiting = []
            self._pick(event, match)
        elif event.scope == EventScope.NOTICE:
            matches = [(entity, m) for entity in event.entities
                       if (m := self.watchlist.match(entity) or self._linked(entity.key)) is not None]
            if matches or any(self.watchlist.possible(e) for e in event.entities):
                self.notice_matches.append((event, matches))

    def _pick(self, event: EventRecord, match: Match) -> None:
        self.covered.add((event.kind, event.source_key, event.list, event.effective, event.entity_key))
        self.sources.add((event.source_key, event.entity_key or ""))
        self.picked.append(_with_match(event, match))

    def _next_entity(self, key: str | None) -> None:
        """The items of the entity before ``key`` that no counterparty took: possible matches, if any."""
        self.possible.extend((event, maybe) for event, maybe in self._waiting if maybe)
        self._key, self._key_match, self._waiting = key, None, []

    def _namesakes(self) -> list[EventRecord]:
        """The items of an entity no counterparty hit whose Chinese name is that of one a counterparty hit, under
        another English name (北极星无人机公司 removed as "Polaris Drones, Inc." and listed again as "Polaris Drone
        Systems, Inc.": two keys): possible matches for review, as ``screen`` gives them (story34 S3b; the watchlist
        feed of "Polaris Drones Inc." ended on "Removed" while the company was under measures again: reader35)."""
        if self.load is None or not self.key_hits:
            return []
        spellings: dict[str, list[EntityRecord]] = defaultdict(list)
        for e in self.entities.values():
            if e.key:
                spellings[e.key].append(e)
        firm: dict[str, Match | None] = {k: self.key_hits.get(k) for k in spellings}
        out: list[EventRecord] = []
        for key, match in sorted(same_chinese_name(firm, spellings).items()):
            out.extend(_with_match(e, match) for e in self.load(key)
                       if e.scope == EventScope.ENTITY and e.entity_key == key)
        return out

    def events(self) -> tuple[EventRecord, ...]:
        self._next_entity(None)
        out = list(self.picked) + self._namesakes()
        covered, sources = set(self.covered), set(self.sources)
        for event, maybe in self.possible:
            usable = self._usable(maybe)
            if usable:
                covered.add((event.kind, event.source_key, event.list, event.effective, event.entity_key))
                sources.add((event.source_key, event.entity_key or ""))
                out.append(_with_match(event, usable[0][1].match))
        for event, matches in self.notice_matches:
            hit = {entity.key for entity, _ in matches}
            maybe = [(e, p) for e in event.entities if e.key not in hit for p in self.watchlist.possible(e)]
            for entity, match in [*matches, *((e, p.match) for e, p in self._usable(maybe))]:
                if event.kind == EventKind.NOTICE:
                    seen = (event.notice_key, entity.key) in sources
                else:
                    seen = (event.kind, event.source_key, event.list, event.effective, entity.key) in covered
                if not seen:
                    out.append(_with_match(event, match))
                    break
        return newest_first(out)

    def _linked(self, key: str | None) -> Match | None:
        """A counterparty's hit on an entity linked to ``key``, as a hit on ``key``'s listing saying why."""
        for link in self.links.of(key) if self.links is not None and key else ():
            other = link.other(key or "")
            record = link.record(other)
            match = self.watchlist.match(record) if record is not None else None
            if match is not None and match.alias is None and match.method != POSSIBLE:
                return with_reason(match, link.reason(key or ""), entity_name=link.name(key or ""))
        return None

    def _usable(self, maybe: list[tuple[EntityRecord, Possibly]]) -> list[tuple[EntityRecord, Possibly]]:
        """The possible matches of counterparties that hit no entity, best first."""
        ok = [(e, p) for e, p in maybe if not self._hits_somewhere(p.counterparty)]
        return sorted(ok, key=lambda ep: (-ep[1].match.score, ep[1].match.counterparty, ep[0].key))

    def _hits_somewhere(self, counterparty: Counterparty) -> bool:
        if counterparty not in self._hits:
            alone = Watchlist((counterparty,))
            self._hits[counterparty] = any(alone.match(e) is not None for e in self.entities.values())
        return self._hits[counterparty]


def _first_match(entities: Iterable[EntityRecord], watchlist: Watchlist) -> Match | None:
    for entity in entities:
        match = watchlist.match(entity)
        if match is not None:
            return match
    return None


def _same_entity(match: Match, entities: Sequence[EntityRecord]) -> Match:
    """``match``, made on another item of the same entity, for an item that names it otherwise (its name before a
    correction): the item's own name, and the name that was hit as the reason."""
    name = next((x for e in entities for x in (e.en, e.zh) if x), match.entity_name)
    if name == match.entity_name:
        return match
    return with_reason(match, f"the same listed entity, named {match.entity_name} in another item", entity_name=name)


def _with_match(event: EventRecord, match: Match) -> EventRecord:
    if match.alias is not None:  # a hit on another name the listing notice gives the entity: the notice says so
        notices = tuple(p.number or p.notice_key for p in event.provenance if p.notice_key == event.notice_key)
        match = with_reason(match, alias_reason(match.alias, notices or (event.notice_key or "",)))
    if match.method == POSSIBLE:  # a reader of titles alone must not take it for the counterparty's listing
        return dataclasses.replace(event, title=f"{POSSIBLE_TITLE}: {event.title}", extra=event.extra + match.as_extra())
    return dataclasses.replace(event, extra=event.extra + match.as_extra())
