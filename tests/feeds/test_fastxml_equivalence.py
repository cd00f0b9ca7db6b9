"""The string templates write exactly the bytes feedgen + lxml write, or feedgen is used."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta, timezone

import feedparser
import pytest
from lxml import etree

from feeds import fastxml
from feeds.build import (
    EntryFields,
    FeedHeads,
    _templated_entry,
    build_feeds,
    entry_bytes,
    feed_generator,
    make_entry,
    set_links,
)
from feeds.catalog import FeedSpec
from feeds.identity import feed_id
from storage.records import EntityRecord, EventKind, Provenance
from tests.feeds.factory import history

BASE = "https://feeds.example.org/a&b/"
ODD = 'Tom & Jerry <"quoted"> \'apos\' ]]> 😀 ｆｕｌｌ　width'


def variants():
    base = history()
    yield from base
    ev = base[2]
    yield dataclasses.replace(ev, title=ODD, title_zh=ODD, summary=ODD + "\nsecond line")
    yield dataclasses.replace(ev, id=ev.id + "/x&y<z>", extra=(("watchlist_method", "fuzzy"), ("note", ODD)))
    yield dataclasses.replace(ev, entities=(EntityRecord(zh="甲&乙<公司>", en='A "B" & C', key="abc",
                                                         branches=("-x <y>",)),))
    yield dataclasses.replace(ev, provenance=(Provenance("K", None, None, ("http://h/p?a=1&b=<2>",), None, None),))
    yield dataclasses.replace(ev, provenance=(), list=None)
    yield dataclasses.replace(ev, occurred=datetime(2025, 1, 5, 23, 59, 59, tzinfo=timezone(timedelta(hours=-5))),
                              updated=datetime(2025, 1, 6, 4, 59, 59, tzinfo=UTC))
    # control characters: dropped (XML cannot carry them) or left to feedgen (\r, \t)
    yield dataclasses.replace(ev, title="bell\x07 and tab\tand cr\r", summary="nul\x00 vt\x0b ff\x0c esc\x1b\r\n")
    yield dataclasses.replace(ev, provenance=(Provenance("K", None, None, ("http://h/\tp",), None, None),))
    # equal instants, other offsets: nothing cached may leak one into the other
    yield dataclasses.replace(ev, provenance=(dataclasses.replace(
        ev.provenance[0], fetched_at=ev.provenance[0].fetched_at.astimezone(timezone(timedelta(hours=8)))),))


@pytest.mark.parametrize("picture", [None, "https://feeds.example.org/a&b/notice/UEL-2025-7.svg"], ids=["", "pic"])
@pytest.mark.parametrize("event", list(variants()), ids=lambda e: e.id[-30:])
def test_entry_bytes_equal_feedgen(event, picture):
    fields = EntryFields.of(event, picture)
    reference = make_entry(fields)
    atom, rss = entry_bytes(event, picture)
    assert atom == etree.tostring(reference.atom_entry(), encoding="UTF-8")
    assert rss == etree.tostring(reference.rss_entry(), encoding="UTF-8")
    assert (picture is not None) == (b"notice/UEL-2025-7.svg" in atom)


def test_the_templates_are_really_used_for_ordinary_events():
    assert all(EntryFields.of(e).templatable() for e in history())
    assert not EntryFields.of(dataclasses.replace(history()[2], summary="a\tb")).templatable()  # (CR becomes LF)
    # the shortcut straight from the event covers every plain event, and nothing else
    assert all(_templated_entry(e) is not None for e in history())
    for odd in [dict(summary="a\rb"), dict(title="bell\x07"), dict(id="x\ty"), dict(title_zh="\ud800"),
                dict(provenance=(Provenance("K", None, None, ("http://h/\np",), None, None),))]:
        assert _templated_entry(dataclasses.replace(history()[2], **odd)) is None, odd


def test_body_parts_escaped_one_by_one_equal_the_whole_body_escaped():
    from feeds.render import item_html, item_html_parts

    for event in variants():
        whole = item_html(event)
        parts = [fastxml.text_bytes(p) for p in item_html_parts(event)]
        if fastxml.plain(whole):
            assert b"\n".join(parts) == fastxml.text(whole).encode("utf-8")
        else:
            assert None in parts


def test_invalid_xml_characters_are_dropped_not_fatal():
    ev = dataclasses.replace(history()[2], summary="a\x00b\x1bc\ud800d\uffff")
    files = build_feeds([ev], base_url=BASE)
    for f in files:
        assert feedparser.parse(f.atom).bozo == 0 and feedparser.parse(f.rss).bozo == 0
        for item in json.loads(f.data("json"))["items"]:  # JSON Feed drops what the Atom item drops
            assert item["content_html"] == EntryFields.of(ev).html
    assert "abcd" in EntryFields.of(ev).html


@pytest.mark.parametrize(
    "spec",
    [
        FeedSpec("all", "MOFCOM watch: all list events", "Every change (出口管制管控名单)."),
        FeedSpec("entity/斯凯迪奥", "MOFCOM watch: 斯凯迪奥 & Co <x>", 'Quotes "here" & there'),
        FeedSpec("entity/x", "tab\there", "cr\rhere"),  # not templatable: feedgen writes it
    ],
    ids=["plain", "escapes", "fallback"],
)
@pytest.mark.parametrize("updated", [fastxml.UPDATED_PLACEHOLDER + timedelta(days=45000),
                                     datetime(2026, 11, 10, tzinfo=timezone(timedelta(hours=8)))])
def test_feed_heads_equal_feedgen(spec, updated):
    heads = FeedHeads(BASE).get(spec, updated)
    fg = feed_generator(id=feed_id(spec.name), title=spec.title, subtitle=spec.subtitle, updated=updated)
    for fmt in ("atom", "rss"):
        set_links(fg, BASE, spec.name, fmt)
        assert heads[fmt] == (fg.atom_str() if fmt == "atom" else fg.rss_str())


def test_rfc2822_matches_feedgen_for_every_weekday_and_month():
    from feedgen.util import formatRFC2822

    start = datetime(2025, 1, 1, 13, 5, 9, tzinfo=timezone(timedelta(hours=8)))
    for days in range(0, 400, 3):
        moment = start + timedelta(days=days)
        assert fastxml.rfc2822(moment) == formatRFC2822(moment)
    assert EventKind.NOTICE  # keeps the import list honest


def test_caches_keep_offsets_apart():
    from feeds.render import item_html

    ev = history()[2]
    cst = dataclasses.replace(ev, provenance=(dataclasses.replace(
        ev.provenance[0], fetched_at=ev.provenance[0].fetched_at.astimezone(timezone(timedelta(hours=8)))),))
    assert "2026-11-29T02:00:00+00:00" in item_html(ev)
    assert "2026-11-29T10:00:00+08:00" in item_html(cst)
    utc = datetime(2025, 1, 6, 4, 59, 59, tzinfo=UTC)
    est = utc.astimezone(timezone(timedelta(hours=-5)))
    assert (fastxml.iso(utc), fastxml.iso(est)) == ("2025-01-06T04:59:59+00:00", "2025-01-05T23:59:59-05:00")
    assert fastxml.rfc2822(est).endswith("23:59:59 -0500")


def test_printable_text_is_always_plain():
    """plain() says yes early for isprintable() text: no printable character may be unusual."""
    assert not [c for c in map(chr, range(0x110000)) if c.isprintable() and fastxml.UNUSUAL_RE.search(c)]
    assert fastxml.plain("a\nb 中文") and not fastxml.plain("a\rb") and not fastxml.plain("\ud800")


@pytest.mark.parametrize("picture", [None, "https://feeds.example.org/a&b/notice/UEL-2025-7.svg"], ids=["", "pic"])
@pytest.mark.parametrize("event", [*variants(), dataclasses.replace(history()[2], title='t \\u0000 ,"content_html":"x"')],
                         ids=lambda e: e.id[-30:])
def test_json_items_put_together_from_parts_equal_the_whole(event, picture):
    """The JSON Feed item built from cached parts says exactly what the Atom entry says (EntryFields)."""
    from feeds.jsonfeed import _item
    from feeds.render import item_html_parts

    f = EntryFields.of(event, picture)
    expected = {"id": f.id, **({"url": f.link} if f.link else {}), "title": f.title, "content_html": f.html,
                "date_published": f.published.isoformat(), "date_modified": f.updated.isoformat(),
                "tags": list(f.categories)}
    text = _item(event, picture, item_html_parts(event, picture))
    assert json.loads(text) == expected and list(json.loads(text)) == list(expected)
