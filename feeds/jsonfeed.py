"""JSON Feed 1.1 (https://jsonfeed.org/version/1.1): the same feeds, items, ids and content as Atom and RSS.

An item's ``id`` is the Atom id (the ``tag:`` URI), ``content_html`` is the Atom content,
``url`` the first official URL, ``tags`` the Atom categories, dates as Atom's (RFC 3339).
Deterministic like the XML: the feed has no clock time and keys keep a fixed order. Written
item by item (:data:`feeds.formats.JSON`): the head, the items, the tail.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from feeds import fastxml
from feeds.identity import feed_home, feed_url, item_id
from feeds.render import entry_categories, entry_link, item_html_parts, item_title
from storage.records import EventRecord
from storage.vocabulary import naive_as_utc

if TYPE_CHECKING:
    from feeds.catalog import FeedSelection, FeedSpec
    from feeds.formats import RenderContext

VERSION = "https://jsonfeed.org/version/1.1"
MEDIA_TYPE = "application/feed+json"
SUFFIX = "json"
ITEM_SEPARATOR = b",\n"
HTML_PLACEHOLDER = "\x00"  # stands for the body while the item is dumped; a plain item holds no NUL


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def head(spec: FeedSpec, ctx: RenderContext) -> bytes:
    """The feed up to its first item: the Atom feed's title, subtitle, links and author."""
    from feeds.build import AUTHOR  # here, not above: feeds.build imports this module through feeds.formats

    fields = {"version": VERSION, "title": spec.title, "home_page_url": feed_home(ctx.base_url, spec.name),
              "feed_url": feed_url(ctx.base_url, spec.name, SUFFIX), "description": spec.subtitle,
              "authors": [{"name": AUTHOR}], "language": "en"}
    return (_dumps(fields)[:-1] + ',"items":[\n').encode("utf-8")


def item(event: EventRecord, picture: str | None, parts: Sequence[str]) -> bytes:
    """One item: the Atom entry's id, title, link, tags, dates and content (``parts``: the body's, as
    :func:`feeds.render.item_html_parts` makes them for the event and its ``picture``)."""
    return _item(event, picture, parts).encode("utf-8")


def tail(items: int) -> bytes:
    return b"\n]}\n" if items else b"]}\n"


def render(selection: FeedSelection, ctx: RenderContext) -> bytes:
    """One whole feed as JSON Feed 1.1 (the items newest first, as selected)."""
    items = []
    for event in selection.events:
        picture = ctx.picture(event)
        items.append(item(event, picture, item_html_parts(event, picture)))
    return head(selection.spec, ctx) + ITEM_SEPARATOR.join(items) + tail(len(items))


def _item(event: EventRecord, picture: str | None, parts: Sequence[str]) -> str:
    """One item: exactly what its Atom entry says, made safe the same way (characters XML cannot
    carry are dropped). The usual case, plain text, is put together from the body's parts, each
    JSON-escaped once (parts repeat across items, as for Atom); anything else goes through
    :class:`feeds.build.EntryFields`, which is what the Atom entry is made from."""
    from feeds.build import EntryFields

    id_, title, link, tags = item_id(event.id), item_title(event), entry_link(event), entry_categories(event)
    if all(fastxml.text_bytes(p) is not None for p in parts) and fastxml.plain("\n".join((id_, title, link or "", *tags))):
        html = "\\n".join(_json_text(p) for p in parts)  # the parts joined by a newline, as item_html joins them
        published, updated = naive_as_utc(event.occurred), naive_as_utc(event.updated)
    else:
        f = EntryFields.of(event, picture)
        id_, title, link, tags, published, updated = f.id, f.title, f.link, f.categories, f.published, f.updated
        html = _json_text(f.html)
    item: dict[str, Any] = {"id": id_}
    if link:
        item["url"] = link
    item |= {"title": title, "content_html": HTML_PLACEHOLDER, "date_published": published.isoformat(),
             "date_modified": updated.isoformat(), "tags": list(tags)}
    # ',"' only occurs between members (inside a string a quote is always escaped), so this is the body's slot
    slot = f',"content_html":"{_json_text(HTML_PLACEHOLDER)}"'
    return _dumps(item).replace(slot, f',"content_html":"{html}"', 1)


@lru_cache(maxsize=512)
def _json_text(text: str) -> str:
    """``text`` as the inside of a JSON string (no quotes)."""
    return _dumps(text)[1:-1]
