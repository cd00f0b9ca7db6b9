"""Turn events into Atom 1.0 and RSS 2.0 bytes: feedgen's format, built fast.

Deterministic: the feed's ``updated`` is its newest item's ``updated`` (a fixed
instant for an empty feed), or the store's first sighting of a notice its items rest
on when later (:func:`sighted`), never the clock, so the same store gives the same
bytes. feedgen defines every byte: an item is built with feedgen (``make_entry``)
and a feed head with feedgen (``feed_generator``); for speed, :mod:`feeds.fastxml`
reproduces that output with string templates (tests check both give the same
bytes) and feedgen itself is used whenever the templates do not apply. Each item
is serialised once and reused in every feed that carries it: its body is rendered
once, part by part, each part escaped and encoded once (parts repeat across items),
and the Atom and the RSS item share those bytes. Entries stay in pieces until they
are spliced into the feed head before its closing tag.
"""

from __future__ import annotations

import io
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Protocol

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator
from lxml import etree

from feeds import fastxml
from feeds.catalog import FeedSpec, select_feeds
from feeds.formats import BY_NAME, FORMATS, RenderContext
from feeds.identity import (
    EMPTY_FEED_UPDATED,
    feed_home,
    feed_id,
    feed_url,
    item_id,
    normalise_base_url,
)
from feeds.render import entry_categories, entry_link, item_html, item_html_parts, item_title
from storage.aliaslinks import AliasLinks
from storage.cleantext import UNSAFE_CHAR_RE
from storage.records import EventRecord
from storage.vocabulary import naive_as_utc
from storage.watchlist import Watchlist

GENERATOR = "mofcom-watch"
EntryKey = tuple[str, tuple[tuple[str, str], ...]]  # (event id, extra): one rendered entry
AUTHOR = "mofcom-watch (from official MOFCOM and MFA notices)"  # both ministries' decisions are items
XML_FORMATS = ("atom", "rss")  # the formats built here, from feedgen's bytes (they share each entry's body)
CLOSING_TAG = {"atom": b"</feed>", "rss": b"</channel>"}
ENTRY_SEPARATOR = b"\n"


@dataclass(frozen=True)
class FeedFile:
    """One feed in every format (:data:`feeds.formats.FORMATS`); written as ``<name>.<format>``."""

    name: str
    atom: bytes
    rss: bytes
    items: int = 0
    others: tuple[tuple[str, bytes], ...] = ()  # (format name, bytes) of the formats with a render function

    def data(self, fmt: str) -> bytes:
        """The bytes of one format."""
        if fmt in XML_FORMATS:
            return self.atom if fmt == "atom" else self.rss
        return dict(self.others)[fmt]


@dataclass(frozen=True)
class EntryFields:
    """What one item says, made XML-safe; the same for Atom and RSS.

    ``plain``: no string holds a control character other than newline (the usual
    case), so the strings are XML-safe as they are and the templates apply.
    """

    id: str
    title: str
    html: str
    link: str | None
    categories: tuple[str, ...]
    updated: datetime
    published: datetime
    plain: bool = False

    @classmethod
    def of(cls, event: EventRecord, picture: str | None = None) -> EntryFields:
        link, categories = entry_link(event), entry_categories(event)
        id_, title, html = item_id(event.id), item_title(event), item_html(event, picture)
        plain = all(fastxml.plain(v) for v in (id_, title, html, link) if v) and all(fastxml.plain(c) for c in categories)
        if not plain:
            id_, title, html = (fastxml.xml_safe(v) if v else v for v in (id_, title, html))
            link = fastxml.xml_safe(link) if link else link
            categories = tuple(fastxml.xml_safe(c) for c in categories)
        return cls(id=id_, title=title, html=html, link=link, categories=categories,
                   updated=naive_as_utc(event.updated), published=naive_as_utc(event.occurred), plain=plain)

    def templatable(self) -> bool:
        """True when :mod:`feeds.fastxml` writes exactly what feedgen would."""
        attrs = (self.link or "", *self.categories)
        if self.plain:
            return not any("\n" in a for a in attrs)  # a newline in an attribute becomes &#10;
        return fastxml.templatable((self.id, self.title, self.html, *attrs), attrs)


def make_entry(event: EventRecord | EntryFields) -> FeedEntry:
    """The feedgen entry of one item: id (also the RSS guid, isPermaLink="false"), dates, HTML body."""
    f = event if isinstance(event, EntryFields) else EntryFields.of(event)
    entry = FeedEntry()
    entry.id(f.id)
    entry.title(f.title)
    entry.updated(f.updated)
    entry.published(f.published)  # Atom <published>, RSS <pubDate>
    entry.content(f.html, type="html")  # Atom <content>, RSS <description>
    if f.link:
        entry.link({"href": f.link, "rel": "alternate"})
    entry.category([{"term": c} for c in f.categories])
    return entry


def entry_bytes(event: EventRecord, picture: str | None = None) -> tuple[bytes, bytes]:
    """``(atom <entry>, rss <item>)`` bytes of one event (``picture``: URL of its notice's state picture)."""
    atom, rss = entry_pieces(event, picture)
    return b"".join(atom), b"".join(rss)


def entry_pieces(event: EventRecord, picture: str | None = None, parts: Sequence[str] | None = None
                 ) -> tuple[fastxml.Pieces, fastxml.Pieces]:
    """:func:`entry_bytes` in pieces (the Atom and the RSS item share the body's bytes); ``parts``: the
    body's parts when already made (:func:`feeds.render.item_html_parts` of the event and picture)."""
    fast = _templated_entry(event, picture, parts)
    if fast is not None:
        return fast
    f = EntryFields.of(event, picture)
    if f.templatable():
        text = fastxml.text
        return fastxml.entry_pieces(id=text(f.id), title=text(f.title), html=text(f.html).encode("utf-8"),
                                    link=f.link, categories=f.categories, updated=f.updated, published=f.published)
    entry = make_entry(f)
    return (etree.tostring(entry.atom_entry(), encoding="UTF-8"),), (etree.tostring(entry.rss_entry(), encoding="UTF-8"),)


def _templated_entry(event: EventRecord, picture: str | None = None, parts: Sequence[str] | None = None
                     ) -> tuple[fastxml.Pieces, fastxml.Pieces] | None:
    """The usual case, straight from the event, or None when any string is not plain.

    The same result as :meth:`EntryFields.of` + the templates, without building the
    body twice: each body part is escaped and encoded once (:func:`fastxml.text_bytes`,
    cached) and the bytes are shared by the Atom and the RSS item.
    """
    if parts is None:
        parts = item_html_parts(event, picture)
    maybe = [fastxml.text_bytes(part) for part in parts]
    escaped = [part for part in maybe if part is not None]
    id_, title, link, categories = item_id(event.id), item_title(event), entry_link(event), entry_categories(event)
    attrs = "".join((link or "", *categories))
    if len(escaped) != len(maybe) or "\n" in attrs or not fastxml.plain(f"{id_}\n{title}\n{attrs}"):
        return None  # (a newline is plain in text, but becomes &#10; in an attribute)
    text = fastxml.text
    return fastxml.entry_pieces(id=text(id_), title=text(title), html=b"\n".join(escaped),  # joined as item_html joins
                                link=link, categories=categories, updated=naive_as_utc(event.updated),
                                published=naive_as_utc(event.occurred))


def feed_generator(*, id: str, title: str, subtitle: str, updated: datetime) -> FeedGenerator:
    """A feedgen generator with the feed's metadata and no entries (links set per format)."""
    fg = FeedGenerator()
    fg.id(id)
    fg.title(title)
    fg.subtitle(subtitle)
    fg.author({"name": AUTHOR})
    fg.language("en")
    fg.generator(GENERATOR)
    fg.updated(updated)
    return fg


def set_links(fg: FeedGenerator, base_url: str, name: str, fmt: str, self_url: str | None = None,
              home_url: str | None = None) -> None:
    # RSS takes the channel <link> from the last link added: self first, alternate last. The self link says its media
    # type, the Content-Type serve sends (reader37: without it, the W3C validator's advice for RSS's atom:link).
    fg.link([{"href": self_url or feed_url(base_url, name, fmt), "rel": "self", "type": BY_NAME[fmt].media_type},
             {"href": home_url or feed_home(base_url, name), "rel": "alternate"}], replace=True)


def _render(fg: FeedGenerator, fmt: str) -> bytes:
    out: bytes = fg.atom_str() if fmt == "atom" else fg.rss_str()
    return out


class FeedHeads:
    """Feed documents without entries: feedgen templates per format, feedgen itself as fallback."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        ph = fastxml.PLACEHOLDERS
        fg = feed_generator(id=ph["id"], title=ph["title"], subtitle=ph["subtitle"],
                            updated=fastxml.UPDATED_PLACEHOLDER)
        self.templates = {}
        for fmt in XML_FORMATS:
            set_links(fg, base_url, "-", fmt, self_url=ph["self"], home_url=ph["home"])
            self.templates[fmt] = fastxml.HeadTemplate(_render(fg, fmt), fmt)

    def get(self, spec: FeedSpec, updated: datetime) -> dict[str, bytes]:
        if any(UNSAFE_CHAR_RE.search(v) for v in (spec.title, spec.subtitle)):  # a name stored before cleaning
            spec = FeedSpec(spec.name, fastxml.xml_safe(spec.title), fastxml.xml_safe(spec.subtitle))
        urls = {fmt: feed_url(self.base_url, spec.name, fmt) for fmt in XML_FORMATS}
        home = feed_home(self.base_url, spec.name)
        if fastxml.templatable((spec.title, spec.subtitle, feed_id(spec.name), home), (*urls.values(), home)):
            return {fmt: self.templates[fmt].render(id=feed_id(spec.name), title=spec.title, subtitle=spec.subtitle,
                                                    self_url=urls[fmt], home_url=home, updated=updated)
                    for fmt in XML_FORMATS}
        fg = feed_generator(id=feed_id(spec.name), title=spec.title, subtitle=spec.subtitle, updated=updated)
        heads = {}
        for fmt in XML_FORMATS:
            set_links(fg, self.base_url, spec.name, fmt)
            heads[fmt] = _render(fg, fmt)
        return heads


@dataclass(frozen=True)
class FeedFailure:
    """A feed that could not be built; the others are built all the same."""

    name: str
    error: str  # "ValueError: ..."


Entry = tuple[fastxml.Pieces, ...]  # one item's bytes in every format, in the order of FORMATS


def render_entry(event: EventRecord, ctx: RenderContext) -> Entry:
    """One item in every format, from one rendering of its body (the Atom and the RSS item share
    the body's bytes)."""
    picture = ctx.picture(event)
    parts = item_html_parts(event, picture)
    atom, rss = entry_pieces(event, picture, parts)
    by_name = {"atom": atom, "rss": rss}
    return tuple(by_name[f.name] if f.render is None else (f.render.item(event, picture, parts),) for f in FORMATS)


class Sink(Protocol):
    def write(self, data: bytes, /) -> object: ...


class FeedStream:
    """One feed being written, in every format at once: the head (its ``updated`` is known before
    the items: the newest item's), then each item as it comes, then the tail. Nothing is kept."""

    def __init__(self, spec: FeedSpec, updated: datetime, heads: FeedHeads, ctx: RenderContext,
                 sinks: Mapping[str, Sink]) -> None:
        self.sinks = [sinks[f.name] for f in FORMATS]
        self.items = 0
        xml = heads.get(spec, updated)
        self._tails: list[bytes] = []
        for fmt, sink in zip(FORMATS, self.sinks, strict=True):
            if fmt.render is None:
                at = xml[fmt.name].rindex(CLOSING_TAG[fmt.name])
                sink.write(xml[fmt.name][:at])
                sink.write(ENTRY_SEPARATOR)
                self._tails.append(xml[fmt.name][at:] + b"\n")
            else:
                sink.write(fmt.render.head(spec, ctx))
                self._tails.append(b"")

    def add(self, entry: Entry) -> None:
        for fmt, sink, pieces in zip(FORMATS, self.sinks, entry, strict=True):
            if fmt.render is None:
                for piece in pieces:
                    sink.write(piece)
                sink.write(ENTRY_SEPARATOR)
            else:
                if self.items:
                    sink.write(fmt.render.separator)
                for piece in pieces:
                    sink.write(piece)
        self.items += 1

    def finish(self) -> None:
        for fmt, sink, tail in zip(FORMATS, self.sinks, self._tails, strict=True):
            sink.write(tail if fmt.render is None else fmt.render.tail(self.items))


def feed_updated(events: Collection[EventRecord | HasUpdated], first_seen: Mapping[str, datetime] | None = None
                 ) -> datetime:
    """A feed's ``updated``: its newest item's (a fixed instant for an empty feed), or the first sighting of a notice its
    items rest on when that is later (:func:`sighted`)."""
    newest = max((naive_as_utc(e.updated) for e in events), default=EMPTY_FEED_UPDATED)
    return sighted(newest, events, first_seen) if first_seen and events else newest


def sighted(updated: datetime, events: Iterable[HasUpdated], first_seen: Mapping[str, datetime]) -> datetime:
    """``updated``, or the latest first sighting (``first_seen``: notice key -> when the store first read it) of a
    notice these items rest on (their listing notice, the notice that acted), whichever is later, to the second. An item
    is dated by its notice (``EventRecord.occurred``, never "now"), so the item of a notice put online days after its own
    date sorts below newer ones, and the feed's ``updated`` did not move when it appeared: a reader that skips a feed
    whose ``updated`` did not move never showed it (story31 C1; the lead's decision, session 31: it must move). No
    clock: the same store gives the same bytes."""
    seen = max((first_seen[k] for e in events for k in (e.notice_key, e.source_key) if k and k in first_seen),
               default=None)
    if seen is None:
        return updated
    seen = naive_as_utc(seen).astimezone(timezone.utc).replace(microsecond=0)
    return seen if seen > updated else updated


class HasUpdated(Protocol):
    @property
    def updated(self) -> datetime: ...

    @property
    def notice_key(self) -> str | None: ...

    @property
    def source_key(self) -> str | None: ...


def build_feeds(
    events: Sequence[EventRecord], *, base_url: str, watchlist: Watchlist | None = None,
    pictures: Collection[str] = (), links: AliasLinks | None = None, first_seen: Mapping[str, datetime] | None = None,
) -> list[FeedFile]:
    """Every feed (see :mod:`feeds.catalog`) for these events, in a fixed order, in memory; raises
    on any failure. (``publish`` writes the feeds of a store one at a time instead, see
    :mod:`mofcom_watch.publisher`; the bytes are the same.)

    ``pictures``: names of the state pictures written beside the feeds (``notice/<key>``);
    an item about a notice that has one links to it. ``links``: the entities tied by a notice-given name
    (:mod:`storage.aliaslinks`), whose entity feeds carry each other's items. ``first_seen``: when the store first
    read each notice (:func:`sighted`; ``publish`` passes the store's).
    """
    heads = FeedHeads(normalise_base_url(base_url))
    cache: dict[EntryKey, Entry] = {}
    ctx = RenderContext(heads.base_url, frozenset(pictures))
    files = []
    for selection in select_feeds(events, watchlist, links):
        sinks = {f.name: io.BytesIO() for f in FORMATS}
        stream = FeedStream(selection.spec, feed_updated(selection.events, first_seen), heads, ctx, sinks)
        for event in selection.events:  # already newest first
            key = (event.id, event.extra)
            entry = cache.get(key)
            if entry is None:
                entry = cache[key] = render_entry(event, ctx)
            stream.add(entry)
        stream.finish()
        data = {name: sink.getvalue() for name, sink in sinks.items()}
        files.append(FeedFile(name=selection.spec.name, atom=data["atom"], rss=data["rss"], items=stream.items,
                              others=tuple((f.name, data[f.name]) for f in FORMATS if f.render is not None)))
    return files
