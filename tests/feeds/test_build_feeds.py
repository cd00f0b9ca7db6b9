"""Feeds read back with feedparser and lxml: ids, order, dates, text, determinism."""

from __future__ import annotations

import dataclasses
import random
import re
from datetime import date, datetime, timezone

import feedparser
import pytest
from feedgen.feed import FeedGenerator
from lxml import etree

from feeds import render
from feeds.build import build_feeds, feed_generator, make_entry, set_links
from feeds.catalog import TITLE_PREFIX
from feeds.identity import EMPTY_FEED_UPDATED, feed_id, notice_item
from storage.records import EventKind, ListKind
from storage.vocabulary import TAG_PREFIX
from tests.feeds.factory import PROV, SHA, URLS, corrected, history

BASE = "https://feeds.example.org/mofcom/"


def by_name(files):
    return {f.name: f for f in files}


@pytest.fixture(scope="module")
def files():
    return by_name(build_feeds(history(), base_url=BASE))


def test_every_feed_parses_cleanly_in_both_formats(files):
    assert {"all", "ecl", "uel", "watch", "countermeasure", "notices", "source-health", "news",
            "entity/skydio", "entity/brincdrones", "entity/insitu"} <= set(files)
    for f in files.values():
        for fmt, data in (("atom", f.atom), ("rss", f.rss)):
            parsed = feedparser.parse(data)
            assert parsed.bozo == 0, (f.name, fmt, parsed.get("bozo_exception"))
            assert parsed.version == ("atom10" if fmt == "atom" else "rss20")
            assert len(parsed.entries) == f.items


def test_feed_membership(files):
    ids = {name: [e.id for e in feedparser.parse(f.atom).entries] for name, f in files.items()}
    kinds = {name: {i.split("/")[1] for i in v} for name, v in ids.items()}
    assert "notice" not in kinds["all"] and kinds["notices"] == {"notice"}
    assert kinds["all"] == {"imposed", "suspended", "suspension_extended", "suspension_ends_soon", "suspension_lapsed"}
    assert all("/uel/" in i for i in ids["uel"]) and len(ids["uel"]) == 6
    assert len(ids["ecl"]) == 1 and ids["watch"] == [] and ids["countermeasure"] == []
    assert all(i.endswith("/skydio") for i in ids["entity/skydio"]) and len(ids["entity/skydio"]) == 7
    assert {i.split("/")[2] for i in ids["entity/skydio"]} == {"uel", "ecl"}  # one entity feed, every list
    assert len(ids["source-health"]) == 1 and len(ids["news"]) == 1
    assert not any(i.endswith("/skydio") for i in ids["all"])  # entity-scope items stay in entity feeds


def test_ids_are_event_ids_and_rss_guids_are_not_permalinks(files):
    events = {e.id: e for e in history()}
    for f in files.values():
        atom = etree.fromstring(f.atom)
        ns = {"a": "http://www.w3.org/2005/Atom"}
        for entry_id in atom.xpath("/a:feed/a:entry/a:id/text()", namespaces=ns):
            assert entry_id in events and entry_id.startswith("tag:mofcom-watch,2025:")
        rss = etree.fromstring(f.rss)
        for guid in rss.xpath("/rss/channel/item/guid"):
            assert guid.get("isPermaLink") == "false"
            assert guid.text in events and not guid.text.startswith("http")


def test_entries_newest_first_whatever_the_input_order():
    events = history()
    random.Random(3).shuffle(events)
    files = by_name(build_feeds(events, base_url=BASE))
    for name in ("all", "uel"):
        for data in (files[name].atom, files[name].rss):
            published = [e.published_parsed for e in feedparser.parse(data).entries]
            assert published == sorted(published, reverse=True) and len(published) > 1
    first = feedparser.parse(files["all"].atom).entries[0]
    assert first.id.endswith("/suspension_lapsed/uel/2026-11-10")


def test_dates_published_is_occurred_updated_is_updated(files):
    entries = {e.id: e for e in feedparser.parse(files["all"].atom).entries}
    for ev in history():
        if ev.id in entries:
            assert entries[ev.id].published == ev.occurred.isoformat()
            assert entries[ev.id].updated == ev.updated.isoformat()
    rss_item = feedparser.parse(files["all"].rss).entries[0]
    assert rss_item.published == "Tue, 10 Nov 2026 00:00:00 +0800"


def test_feed_updated_is_newest_item_never_now(files):
    parsed = feedparser.parse(files["all"].atom)
    assert parsed.feed.updated == "2026-11-10T00:00:00+08:00"
    empty = feedparser.parse(files["watch"].atom)
    assert empty.feed.updated == EMPTY_FEED_UPDATED.isoformat()
    assert b"<lastBuildDate>Tue, 10 Nov 2026 00:00:00 +0800</lastBuildDate>" in files["all"].rss


def test_chinese_text_and_provenance_in_every_body(files):
    for fmt in ("atom", "rss"):
        entry = next(e for e in feedparser.parse(getattr(files["uel"], fmt)).entries if "lapsed" in e.id)
        body = entry.content[0].value if fmt == "atom" else entry.description
        assert "不可靠实体清单工作机制关于将11家美国实体列入不可靠实体清单的公告" in body  # Chinese title
        assert "斯凯迪奥公司" in body and "Skydio Inc." in body  # entity table, both languages
        assert "不可靠实体清单工作机制公告〔2025〕7号" in body  # notice number
        assert all(u in body for u in URLS)  # every official URL
        assert SHA in body and PROV.fetched_at.isoformat() in body  # provenance
        assert "Presumed - needs review" in body and "2026-11-10" in body
        assert entry.link == URLS[0]
        assert entry.title.startswith("Suspension lapsed")


def test_countdown_shows_days_left_and_until(files):
    entry = next(e for e in feedparser.parse(files["uel"].atom).entries if "ends_soon" in e.id)
    body = entry.content[0].value
    assert "Days left</th><td>30<" in body and "Until</th><td>2026-11-10<" in body


def test_self_links_per_format(files):
    for name in ("all", "entity/skydio"):
        atom = feedparser.parse(files[name].atom).feed
        rss_raw = etree.fromstring(files[name].rss)
        assert {x.rel: x.href for x in atom.links}["self"] == f"{BASE}{name}.atom"
        self_rss = rss_raw.xpath("//*[local-name()='link' and @rel='self']")[0].get("href")
        assert self_rss == f"{BASE}{name}.rss"
        assert rss_raw.findtext("channel/link") == BASE
        # reader37 (carried B): the self links said no media type
        assert {x.rel: x.get("type") for x in atom.links}["self"] == "application/atom+xml"
        assert rss_raw.xpath("//*[local-name()='link' and @rel='self']")[0].get("type") == "application/rss+xml"


def test_same_events_give_identical_bytes_also_shuffled():
    a = build_feeds(history(), base_url=BASE)
    b = build_feeds(history(), base_url=BASE)
    shuffled = history() + history()[:4]  # shuffled, with duplicates
    random.Random(11).shuffle(shuffled)
    c = build_feeds(shuffled, base_url=BASE)
    assert [(f.name, f.atom, f.rss) for f in a] == [(f.name, f.atom, f.rss) for f in b]
    assert [(f.name, f.atom, f.rss) for f in a] == [(f.name, f.atom, f.rss) for f in c]


def test_updated_moves_only_on_a_correction():
    events = history()
    before = by_name(build_feeds(events, base_url=BASE))
    when = datetime(2026, 11, 28, 9, 30, tzinfo=timezone.utc)
    idx = next(i for i, e in enumerate(events) if e.kind == EventKind.SUSPENDED)
    fixed = list(events)
    fixed[idx] = corrected(events[idx], when)
    after = by_name(build_feeds(fixed + [events[idx]], base_url=BASE))  # the old version too: newest wins
    old = {e.id: e for e in feedparser.parse(before["uel"].atom).entries}
    new = {e.id: e for e in feedparser.parse(after["uel"].atom).entries}
    assert old.keys() == new.keys()
    changed = {i for i in old if old[i].updated != new[i].updated}
    assert changed == {events[idx].id}
    assert new[events[idx].id].updated == when.isoformat()
    assert new[events[idx].id].published == old[events[idx].id].published  # still the same item
    assert feedparser.parse(after["uel"].atom).feed.updated == when.isoformat()
    assert after["entity/skydio"].atom == before["entity/skydio"].atom  # untouched feeds keep their bytes


def test_correction_item_points_to_the_corrected_item():
    events = history()
    target = events[2]
    fix = events[2].__class__(**{**target.__dict__, "id": target.id + "/correction", "kind": EventKind.CORRECTION,
                                 "corrects": target.id, "title": "Correction: suspension of UEL-2025-7"})
    files = by_name(build_feeds(events + [fix], base_url=BASE))
    entry = next(e for e in feedparser.parse(files["all"].atom).entries if e.id == fix.id)
    assert target.id in entry.content[0].value and "corrects the earlier item" in entry.content[0].value


def test_spliced_feed_equals_what_feedgen_writes_itself(files):
    """The speed-up (entries serialised once, spliced in) changes no element."""
    events = [e for e in sorted(history(), key=lambda e: (-e.occurred.timestamp(), e.id))
              if e.scope == "notice" and e.kind != EventKind.NOTICE and e.list and e.list.value == "uel"]
    for fmt in ("atom", "rss"):
        fg: FeedGenerator = feed_generator(id=feed_id("uel"), title=f"{TITLE_PREFIX}unreliable entity list",
                                           subtitle="Events on the unreliable entity list (不可靠实体清单).",
                                           updated=max(e.updated for e in events))
        for ev in events:
            fg.add_entry(make_entry(ev), order="append")
        set_links(fg, BASE, "uel", fmt)
        reference = fg.atom_str() if fmt == "atom" else fg.rss_str()
        ours = getattr(files["uel"], fmt)
        parser = etree.XMLParser(remove_blank_text=True)
        assert etree.tostring(etree.fromstring(ours, parser)) == etree.tostring(etree.fromstring(reference, parser))


def test_unsafe_entity_keys_make_safe_file_names():
    from feeds.identity import entity_feed_name, feed_url

    assert entity_feed_name("skydio") == "entity/skydio"
    assert entity_feed_name("斯凯迪奥") == "entity/斯凯迪奥"
    long = entity_feed_name("中" * 200)
    assert long.startswith("entity/中") and len(long.encode()) < 200
    assert entity_feed_name("a/../b").startswith("entity/ab-")
    assert feed_url("http://h/x", "entity/斯凯迪奥", "atom") == "http://h/x/entity/%E6%96%AF%E5%87%AF%E8%BF%AA%E5%A5%A5.atom"


def test_a_correction_of_a_notice_item_goes_to_the_notices_feed():
    events = history()
    notice = next(e for e in events if e.kind == EventKind.NOTICE)
    fix = dataclasses.replace(notice, id=notice.id + "/correction/1", kind=EventKind.CORRECTION, corrects=notice.id,
                              updated=datetime(2026, 1, 1, tzinfo=timezone.utc))
    files = by_name(build_feeds(events + [fix], base_url=BASE))
    assert fix.id in [e.id for e in feedparser.parse(files["notices"].atom).entries]
    assert fix.id not in [e.id for e in feedparser.parse(files["all"].atom).entries]


@pytest.mark.parametrize("title", ["Retracted: ", "Same notice, now under QA-2024-08-26-4a3b3970-dbb9: "])
def test_a_correction_of_a_notice_item_no_longer_derived_goes_to_the_notices_feed(title):
    """A notice item retracted, or moved under another key (two same-titled Q&As of one day told apart, a reprint's
    Q&A under MOFCOM's key), is no longer among the items: its correction went to ``all`` and the list's feed, and
    the ``notices`` feed, where a reader saw the item, lost it without a word (identity18)."""
    events = history()
    notice = next(e for e in events if e.kind == EventKind.NOTICE)
    notice = dataclasses.replace(notice, id=f"{TAG_PREFIX}{notice.notice_key}/notice")  # as storage.lifecycle names it
    fix = dataclasses.replace(notice, id=notice.id + "/correction/1", kind=EventKind.CORRECTION, corrects=notice.id,
                              title=title + notice.title, updated=datetime(2026, 1, 1, tzinfo=timezone.utc))
    files = by_name(build_feeds([e for e in events if e.kind != EventKind.NOTICE] + [fix], base_url=BASE))
    assert fix.id in [e.id for e in feedparser.parse(files["notices"].atom).entries]
    for name in ("all", notice.list.value):
        assert fix.id not in [e.id for e in feedparser.parse(files[name].atom).entries], name
    # an entity whose key is "notice" has no notice item: its items' corrections stay with its feeds
    assert notice_item(f"{TAG_PREFIX}QA-2024-08-26-4a3b3970/notice") and notice_item(notice.id)
    assert not notice_item(f"{TAG_PREFIX}UEL-2025-7/imposed/uel/2025-04-04/notice")


def test_a_lapse_table_says_when_the_suspension_ended_not_until():
    """A presumed lapse's facts table said "Until 2026-11-10", as if the measures applied until then (wording28)."""
    def table(kind: EventKind) -> str:
        return render._facts_html(render.Facts(kind, ListKind.UEL, (PROV,), "UEL-2025-7", "QA-1", date(2026, 11, 10),
                                               date(2026, 11, 10), None, kind is EventKind.SUSPENSION_LAPSED, ()))
    lapse = table(EventKind.SUSPENSION_LAPSED)
    assert "Suspension ended</th><td>2026-11-10<" in lapse and "Until</th>" not in lapse
    assert "Until</th><td>2026-11-10<" in table(EventKind.SUSPENDED)


def test_a_retracted_lapse_table_says_when_the_suspension_ended_not_until():
    """reader34: the retraction of a presumed lapse showed the lapse's end as "Until 2026-11-10" (the correction's kind
    has no words of its own for its dates) beside "the suspension goes on … until 2027-11-10"."""
    def fix(kind: EventKind) -> str:
        item = next(e for e in history() if e.kind is kind and e.scope == "notice")
        return render.item_html(dataclasses.replace(item, id=f"{item.id}/correction/1", kind=EventKind.CORRECTION,
                                                    corrects=item.id, until=date(2026, 11, 10), presumed=False))
    lapse = fix(EventKind.SUSPENSION_LAPSED)
    assert "Suspension ended (of the item corrected)</th><td>2026-11-10<" in lapse and "Until" not in lapse
    assert "Until (of the item corrected)</th><td>2026-11-10<" in fix(EventKind.SUSPENDED)
    assert render.corrected_kind("urn:x:other") is None


def test_the_facts_table_names_the_event_in_words_not_its_key():
    """The "Event" row showed "suspension_lapsed", a key of ids and categories, not a word (wording29)."""
    def table(kind: EventKind) -> str:
        return render._facts_html(render.Facts(kind, ListKind.UEL, (PROV,), "UEL-2025-7", "QA-1", date(2026, 11, 10),
                                               date(2026, 11, 10), None, False, ()))
    assert "Event</th><td>Suspension lapsed</td>" in table(EventKind.SUSPENSION_LAPSED)
    assert "Event</th><td>Investigation opened (not a listing)</td>" in table(EventKind.INVESTIGATION)
    for kind in EventKind:
        assert f"<td>{kind.value}</td>" not in table(kind) or "_" not in kind.value, kind


def test_a_source_health_title_names_the_notice_by_its_number(fixture_db):
    """"Source health: MOFCOM-2026-11: parsed entity count differs…" named the notice by the project's key; an
    officer knows 商务部公告2026年第11号 (wording29). A notice not stored keeps its key."""
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from storage.health import _title, health_events
    from storage.models import HealthIssue
    from storage.readagain import mismatch_detail
    from storage.records import NoticeKind, NoticeRecord

    engine = create_engine(fixture_db)
    try:
        with Session(engine) as s:
            events = health_events(s)
    finally:
        engine.dispose()
    titles = {e.title for e in events}
    short = next(e.summary for e in events if e.notice_key == "MOFCOM-2026-11")
    assert re.search(r"\(file:texts/mofcom-2026-11\.txt; page SHA-256 [0-9a-f]{64}\)\. First seen", short), short  # ran on:
    # "….txt) First seen"; the copy read short named by its SHA-256 (order30)
    assert "The entities not read are in no item, entity feed or screening" in short, short
    # the counts in the title, not the body alone (reader34 B2)
    assert {"Source health: 商务部公告2026年第11号 (MOFCOM-2026-11): parsed 0 of the stated 20 entities",
            "Source health: 商务部令2025年第6号 (MOFCOM-ORDER-2025-6): parsed 0 of the stated 5 entities"} \
        <= titles, titles
    lone = HealthIssue(key="count-mismatch/MOFCOM-2027-1", source="replay", kind="count-mismatch",
                       notice_key="MOFCOM-2027-1", url=None, detail=mismatch_detail(
                           NoticeRecord(key="MOFCOM-2027-1", kind=NoticeKind.ANNOUNCEMENT, number=None, issuer=None,
                                        title=None, published=None, stated_count=12), "https://x.test/1", "ab" * 32))
    assert _title(lone) == "Source health: MOFCOM-2027-1: parsed 0 of the stated 12 entities"
    lone.detail = "count-mismatch written in other words by an older version"  # its numbers unknown: said generally
    assert _title(lone) == "Source health: MOFCOM-2027-1: parsed entity count differs from the stated count"


def test_the_feed_author_names_both_ministries():
    """Every feed said "from official MOFCOM notices" while carrying the MFA's decisions (外交部令第13号) (wording29)."""
    fg = feed_generator(id="tag:x", title="t", subtitle="s", updated=datetime(2026, 11, 30, tzinfo=timezone.utc))
    fg.link(href="http://127.0.0.1:8765/feeds/all.atom", rel="self")
    xml = fg.atom_str().decode()
    assert "from official MOFCOM and MFA notices" in xml, xml
