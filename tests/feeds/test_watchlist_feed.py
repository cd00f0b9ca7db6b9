"""The watchlist feed: every event touching a counterparty, once, with how it matched."""

from __future__ import annotations

import dataclasses
from datetime import date

import feedparser

from feeds.build import build_feeds
from feeds.catalog import select_feeds
from storage.records import EventKind
from storage.watchlist import Counterparty, Watchlist
from tests.feeds.factory import ENTITIES, history

BASE = "http://127.0.0.1/feeds/"


def watchlist(*names: str) -> Watchlist:
    return Watchlist(tuple(Counterparty(n) for n in names))


def feed(files, name):
    return next(f for f in files if f.name == name)


def test_entity_events_of_a_counterparty_land_in_the_watchlist_feed_with_the_match():
    files = build_feeds(history(), base_url=BASE, watchlist=watchlist("SKYDIO INC", "Insitu Incorporated"))
    parsed = feedparser.parse(feed(files, "watchlist").atom)
    assert parsed.bozo == 0 and feedparser.parse(feed(files, "watchlist").rss).bozo == 0
    ids = [e.id for e in parsed.entries]
    assert sorted(ids) == sorted(e.id for e in history() if e.scope == "entity" and e.entity_key in {"skydio", "insitu"})
    body = next(e for e in parsed.entries if e.id.endswith("/skydio")).content[0].value
    assert "Watchlist match" in body and "SKYDIO INC" in body and "Skydio Inc." in body
    assert "normalised" in body and "score 100.0" in body


def test_no_watchlist_no_watchlist_feed_and_no_match_empty_feed():
    assert "watchlist" not in {f.name for f in build_feeds(history(), base_url=BASE)}
    files = build_feeds(history(), base_url=BASE, watchlist=watchlist("Nobody Ltd"))
    assert feed(files, "watchlist").items == 0


def test_fuzzy_match_shows_method_and_score():
    sel = {s.spec.name: s for s in select_feeds(history(), watchlist("Skydiio Incorporated"))}
    extras = dict(sel["watchlist"].events[0].extra)
    assert extras["watchlist_method"] == "fuzzy" and 90 <= float(extras["watchlist_score"]) < 100
    assert extras["watchlist_matched_name"] == "Skydiio Incorporated"


def test_notice_scope_events_fill_in_when_no_entity_event_says_it():
    """With only notice-scope events (e.g. an unresolved reference), the notice item is used, once."""
    notice_only = [e for e in history() if e.scope == "notice"]
    sel = {s.spec.name: s for s in select_feeds(notice_only, watchlist("Skydio", "Insitu"))}
    items = sel["watchlist"].events
    assert len({e.id for e in items}) == len(items)  # one item per event even with two counterparties inside
    kinds = {e.kind for e in items}
    assert EventKind.IMPOSED in kinds and EventKind.SUSPENSION_LAPSED in kinds and EventKind.NOTICE in kinds
    # with entity-scope events present, the notice-level duplicates are left out
    full = {s.spec.name: s for s in select_feeds(history(), watchlist("Skydio"))}
    assert all(e.scope == "entity" for e in full["watchlist"].events)


def test_watchlist_items_keep_their_event_ids_and_feed_bytes_are_stable():
    w = watchlist("Skydio")
    a = feed(build_feeds(history(), base_url=BASE, watchlist=w), "watchlist")
    b = feed(build_feeds(list(reversed(history())), base_url=BASE, watchlist=w), "watchlist")
    assert a.atom == b.atom and a.rss == b.rss
    ent = dataclasses.replace(ENTITIES[0])
    assert ent.key == "skydio"


def test_a_possible_match_is_an_item_for_review_only_for_a_counterparty_that_hits_nothing():
    """"Brinc" (BRINC Drones shortened) gave an empty watchlist feed: silent. It is now an item whose title and body
    say "possible match, review" and why; "Brinc" with an alias that hits Skydio is Skydio, not BRINC."""
    files = build_feeds(history(), base_url=BASE, watchlist=watchlist("Brinc"))
    parsed = feedparser.parse(feed(files, "watchlist").atom)
    assert {e.id.rsplit("/", 1)[1] for e in parsed.entries} == {"brincdrones"}
    assert all(e.title.startswith("Possible watchlist match, review: ") for e in parsed.entries)
    body = parsed.entries[0].content[0].value
    assert "Possible watchlist match, review: <strong>Brinc</strong>" in body and "why it may be:" in body
    sel = {s.spec.name: s for s in select_feeds(history(), watchlist("Brinc"))}
    assert {dict(e.extra)["watchlist_method"] for e in sel["watchlist"].events} == {"possible"}
    notice_only = {s.spec.name: s for s in select_feeds([e for e in history() if e.scope == "notice"], watchlist("Brinc"))}
    assert notice_only["watchlist"].events and all(
        e.title.startswith("Possible watchlist match") for e in notice_only["watchlist"].events)
    hits = Watchlist((Counterparty("Brinc", aliases=("Skydio Inc.",)),))
    sel = {s.spec.name: s for s in select_feeds(history(), hits)}
    assert {e.entity_key for e in sel["watchlist"].events} == {"skydio"}
    assert {dict(e.extra)["watchlist_method"] for e in sel["watchlist"].events} == {"exact"}


def test_a_counterparty_under_a_listed_entitys_new_name_gets_its_items_saying_why():
    """A notice gives "Nova Aerial Inc." the former name "Skydio Inc." (storage.aliaslinks): the watchlist feed of
    "Nova Aerial Inc." carries Skydio's items, each saying why, and Skydio's entity feed names the link; without the
    link it carries none (the missed hit of session 20's U08)."""
    from storage.aliaslinks import alias_links
    from storage.records import EntityRecord

    nova = EntityRecord(zh="新星空中公司", en="Nova Aerial Inc.", country="US", key="novaaerial",
                        note="曾用名Skydio Inc.", aliases=("Skydio Inc.",))
    links = alias_links([("商务部公告2026年第149号", nova), ("不可靠实体清单工作机制公告〔2025〕7号", ENTITIES[0])])
    assert not {s.spec.name: s for s in select_feeds(history(), watchlist("Nova Aerial Inc."))}["watchlist"].events
    sel = {s.spec.name: s for s in select_feeds(history(), watchlist("Nova Aerial Inc."), links)}
    picked = sel["watchlist"].events
    assert picked and {e.entity_key for e in picked} == {"skydio"}, [e.id for e in picked]
    why = dict(picked[0].extra)["watchlist_reason"]
    assert why == "listed as Skydio Inc., named by 商务部公告2026年第149号 as the former name of Nova Aerial Inc.", why
    assert "novaaerial" in sel["entity/skydio"].spec.subtitle and "novaaerial" not in sel["entity/insitu"].spec.subtitle


def test_a_counterparty_named_by_a_corrected_name_gets_the_items_from_before_the_correction():
    """reader35: a listed English name corrected by a later notice (one entity, one key); the items before the
    correction name it by its old name. A watchlist giving the corrected name alone missed the "Imposed" item; each
    of the entity's items now comes, saying why, in whatever order the events arrive."""
    renamed = dataclasses.replace(ENTITIES[0], en="Skydio Aerospace, Inc.")
    events = history()
    last = max((i for i, e in enumerate(events) if e.entity_key == "skydio"), key=lambda i: events[i].effective)
    events[last] = dataclasses.replace(events[last], entities=(renamed,))
    skydio = sorted(e.id for e in events if e.scope == "entity" and e.entity_key == "skydio")
    assert len(skydio) > 1
    for order in (events, list(reversed(events))):
        picked = {s.spec.name: s for s in select_feeds(order, watchlist("Skydio Aerospace Inc"))}["watchlist"].events
        assert sorted(e.id for e in picked) == skydio, [e.id for e in picked]
        earlier = next(e for e in picked if e.id != events[last].id)
        extra = dict(earlier.extra)
        assert extra["watchlist_entity_name"] == "Skydio Inc." and extra["watchlist_method"] == "normalised"
        assert extra["watchlist_reason"] == "the same listed entity, named Skydio Aerospace, Inc. in another item"
    # the old name still takes them all, and a name of another entity none of Skydio's
    assert len({s.spec.name: s for s in select_feeds(events, watchlist("Skydio Inc."))}["watchlist"].events) == len(skydio)
    assert not [e for e in {s.spec.name: s for s in select_feeds(events, watchlist("Insitu Inc."))}["watchlist"].events
                if e.entity_key == "skydio"]


def test_a_namesake_listed_again_under_another_english_name_is_a_possible_match_beside_the_hit():
    """reader35 (story34 S3b): 北极星无人机公司 removed as "Polaris Drones, Inc." and listed again as "Polaris Drone
    Systems, Inc." (two keys). The watchlist feed of "Polaris Drones Inc." ended on "Removed" while `screen` gave the
    relisting as a possible match; the feed now gives it too, for review, saying why."""
    from storage.records import EntityRecord
    from tests.feeds.factory import event

    old = EntityRecord(zh="北极星无人机公司", en="Polaris Drones, Inc.", country="US", key="polarisdrones", n=1)
    new = EntityRecord(zh="北极星无人机公司", en="Polaris Drone Systems, Inc.", country="US", key="polarisdronesystems", n=1)
    other = EntityRecord(zh="因西图公司", en="Insitu,Inc.", country="US", key="insitu", n=2)
    events = [event(EventKind.IMPOSED, date(2026, 3, 2), scope="entity", entity=old),
              event(EventKind.REMOVED, date(2026, 9, 1), scope="entity", entity=old),
              event(EventKind.IMPOSED, date(2027, 1, 15), scope="entity", entity=new),
              event(EventKind.IMPOSED, date(2027, 1, 15), scope="entity", entity=other)]
    for order in (events, list(reversed(events))):
        picked = {s.spec.name: s for s in select_feeds(order, watchlist("Polaris Drones Inc."))}["watchlist"].events
        assert {e.entity_key for e in picked} == {"polarisdrones", "polarisdronesystems"}, [e.id for e in picked]
        relisted = next(e for e in picked if e.entity_key == "polarisdronesystems")
        assert relisted.title.startswith("Possible watchlist match, review: Imposed: Polaris Drone Systems, Inc.")
        extra = dict(relisted.extra)
        assert extra["watchlist_method"] == "possible" and "the Chinese name 北极星无人机公司" in extra["watchlist_reason"]
    # a counterparty that hits nobody gets no namesake
    assert not {s.spec.name: s for s in select_feeds(events, watchlist("Nobody Ltd"))}["watchlist"].events
