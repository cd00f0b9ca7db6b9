"""The feed formats: the one list of them.

Every feed is written once per format as ``<name>.<format>``; the files, their URLs, the
``Content-Type`` the server sends, the links and ``<link rel="alternate">`` on the web pages and
the OPML outline all come from :data:`FORMATS`. A new format is one :class:`FeedFormat` entry
here plus its :class:`ItemFormat` in a module of its own (pure functions: the feed's head, one
item, the tail), so a feed is written item by item and never held whole.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from feeds import jsonfeed
from feeds.identity import feed_url, notice_picture_name

if TYPE_CHECKING:
    from feeds.catalog import FeedSpec
    from storage.records import EventRecord

PICTURE_SUFFIX = "svg"  # state pictures: <name>.svg beside <name>.atom


@dataclass(frozen=True)
class RenderContext:
    """What a feed's bytes depend on besides its events: the public URL and the pictures beside the feeds."""

    base_url: str  # ends with "/"
    pictures: frozenset[str] = frozenset()  # names of the state pictures written (``notice/<key>``)

    def picture(self, event: EventRecord) -> str | None:
        """URL of the state picture of the event's notice, when there is one (the item links to it)."""
        if not event.notice_key or not self.pictures:
            return None
        name = notice_picture_name(event.notice_key)
        return feed_url(self.base_url, name, PICTURE_SUFFIX) if name in self.pictures else None


@dataclass(frozen=True)
class ItemFormat:
    """A format written item by item: ``head``, then the items with ``separator`` between them, then
    ``tail`` (given the number of items). Each part a pure function of its arguments; an item is
    made from the body's parts (:func:`feeds.render.item_html_parts`) the XML formats were made from."""

    head: Callable[[FeedSpec, RenderContext], bytes]
    item: Callable[[EventRecord, str | None, Sequence[str]], bytes]  # (event, its picture's URL, its body's parts)
    separator: bytes
    tail: Callable[[int], bytes]


@dataclass(frozen=True)
class FeedFormat:
    name: str  # file suffix: <feed>.<name>
    media_type: str  # Content-Type (the server adds "; charset=utf-8")
    label: str  # link text on the web pages
    opml_label: str  # the OPML group of this format's feeds
    opml_version: str  # the OPML outline's version attribute
    render: ItemFormat | None = None  # None: Atom and RSS, built together by feeds.build (they share entry bytes)


ATOM = FeedFormat("atom", "application/atom+xml", "Atom", "Atom", "ATOM")
RSS = FeedFormat("rss", "application/rss+xml", "RSS", "RSS 2.0", "RSS2")
JSON = FeedFormat("json", jsonfeed.MEDIA_TYPE, "JSON Feed", "JSON Feed 1.1", "JSONFEED",
                  ItemFormat(jsonfeed.head, jsonfeed.item, jsonfeed.ITEM_SEPARATOR, jsonfeed.tail))
FORMATS: tuple[FeedFormat, ...] = (ATOM, RSS, JSON)
BY_NAME = {f.name: f for f in FORMATS}
SUFFIXES = tuple(f".{f.name}" for f in FORMATS)
