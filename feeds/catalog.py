"""Which feeds exist and which events go into each.

Pure: a list of events (and an optional watchlist) in, feed selections out, in a
fixed order, each newest first with duplicates removed, whatever the input order.
"""

from __future__ import annotations

import dataclasses
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from feeds.identity import entity_feed_name
from storage.records import EntityRecord, EventKind, EventRecord, EventScope, ListKind
from storage.vocabulary import LISTS
from storage.watchlist import Match, Watchlist

FEED_ALL = "all"
FEED_NOTICES = "notices"
FEED_WATCHLIST = "watchlist"
FEED_HEALTH = "source-health"
FEED_NEWS = "news"


@dataclass(frozen=True)
class FeedSpec:
    name: str  # "all", "ecl", "entity/skydio": the file is <name>.atom / <name>.rss
    title: str
    subtitle: str


@dataclass(frozen=True)
class FeedSelection:
    spec: FeedSpec
    events: tuple[EventRecord, ...]  # newest first


FIXED_FEEDS = (
    FeedSpec(FEED_ALL, "MOFCOM watch: all list events",
             "Every change to China's MOFCOM export-control, unreliable-entity, watch and countermeasure lists "
             "and to suspended item controls."),
    # one feed per list, named by its ListKind value, worded by storage.vocabulary.LISTS
    *(FeedSpec(kind.value, f"MOFCOM watch: {LISTS[kind].en}", LISTS[kind].about) for kind in ListKind),
    FeedSpec(FEED_NOTICES, "MOFCOM watch: notices",
             "One item per MOFCOM notice, including notices that change no list."),
    FeedSpec(FEED_HEALTH, "MOFCOM watch: source health",
             "Problems fetching or parsing the official sources (bot checks, empty pages, failures)."),
    FeedSpec(FEED_NEWS, "MOFCOM watch: news reports", "Third-party reports about MOFCOM actions."),
)
WATCHLIST_FEED = FeedSpec(FEED_WATCHLIST, "MOFCOM watch: your watchlist",
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


def _order(event: EventRecord) -> tuple[float, float, str]:
    return (-event.occurred.timestamp(), -event.updated.timestamp(), event.id)


def select_feeds(events: Sequence[EventRecord], watchlist: Watchlist | None = None) -> list[FeedSelection]:
    """Every feed with its events: the fixed feeds, the watchlist feed (when given), one per entity."""
    ordered = newest_first(events)
    buckets: dict[str, list[EventRecord]] = defaultdict(list)
    entity_events: dict[str, list[EventRecord]] = defaultdict(list)
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
    selections = [FeedSelection(spec, tuple(buckets[spec.name])) for spec in FIXED_FEEDS]
    if watchlist is not None:
        selections.append(FeedSelection(WATCHLIST_FEED, watchlist_events(ordered, watchlist)))
    entity_feeds = {}
    for key, items in entity_events.items():
        name = entity_feed_name(key)
        spec = FeedSpec(name, f"MOFCOM watch: {_entity_label(key, items)}",
                        f"Every list event of one entity (key {key}), on all lists.")
        entity_feeds[name] = FeedSelection(spec, tuple(items))
    selections.extend(entity_feeds[name] for name in sorted(entity_feeds))
    return selections


def _corrects_a_notice_item(event: EventRecord, notice_items: set[str]) -> bool:
    """A correction goes where the item it corrects is: the ``notices`` feed for a notice item."""
    if event.kind != EventKind.CORRECTION or not event.corrects:
        return False
    return event.corrects in notice_items or f"/{EventKind.NOTICE.value}/" in event.corrects


def _entity_label(key: str, items: list[EventRecord]) -> str:
    for event in items:
        for entity in event.entities:
            if entity.key == key and (entity.en or entity.zh):
                return " / ".join([x for x in (entity.en, entity.zh) if x])
    return key


def watchlist_events(ordered: Sequence[EventRecord], watchlist: Watchlist) -> tuple[EventRecord, ...]:
    """Events touching a counterparty, each with the match in ``extra``.

    Entity-scope events come first-hand. A notice-scope event is added only when no
    entity-scope event already says the same thing about the matched entity (same
    kind, source notice, list and date), so a reader sees each fact once.
    """
    covered: set[tuple[EventKind, str | None, ListKind | None, date | None, str | None]] = set()
    sources: set[tuple[str | None, str]] = set()
    out: list[EventRecord] = []
    for event in ordered:
        if event.scope != EventScope.ENTITY:
            continue
        entities = [e for e in event.entities if e.key == event.entity_key] or list(event.entities)
        match = _first_match(entities, watchlist)
        if match is None:
            continue
        covered.add((event.kind, event.source_key, event.list, event.effective, event.entity_key))
        sources.add((event.source_key, event.entity_key or ""))
        out.append(_with_match(event, match))
    for event in ordered:
        if event.scope != EventScope.NOTICE:
            continue
        for entity in event.entities:
            match = watchlist.match(entity)
            if match is None:
                continue
            if event.kind == EventKind.NOTICE:
                seen = (event.notice_key, entity.key) in sources
            else:
                seen = (event.kind, event.source_key, event.list, event.effective, entity.key) in covered
            if not seen:
                out.append(_with_match(event, match))
                break
    return newest_first(out)


def _first_match(entities: Iterable[EntityRecord], watchlist: Watchlist) -> Match | None:
    for entity in entities:
        match = watchlist.match(entity)
        if match is not None:
            return match
    return None


def _with_match(event: EventRecord, match: Match) -> EventRecord:
    return dataclasses.replace(event, extra=event.extra + match.as_extra())
