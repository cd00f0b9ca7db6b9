"""JSON Feed 1.1 (https://jsonfeed.org/version/1.1): the same feeds, items, ids and content as Atom and RSS.

An item's ``id`` is the Atom id (the ``tag:`` URI), ``content_html`` is the Atom content,
``url`` the first official URL, ``tags`` the Atom categories, dates as Atom's (RFC 3339).
Deterministic like the XML: the feed has no clock time, keys keep a fixed order, and
each item is serialised once and reused in every feed that carries it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from feeds.identity import feed_url
from storage.records import EventRecord

if TYPE_CHECKING:
    from feeds.catalog import FeedSelection
    from feeds.formats import RenderContext

VERSION = "https://jsonfeed.org/version/1.1"
MEDIA_TYPE = "application/feed+json"
SUFFIX = "json"
ITEM_SEPARATOR = ",\n"


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def render(selection: FeedSelection, ctx: RenderContext) -> bytes:
    """One feed as JSON Feed 1.1: the Atom feed's title, subtitle, ids, titles, links, tags, dates and content."""
    from feeds.build import AUTHOR  # here, not above: feeds.build imports this module through feeds.formats

    spec = selection.spec
    items = [_item(event, ctx.picture(event)) for event in selection.events]
    head = {"version": VERSION, "title": spec.title, "home_page_url": ctx.base_url,
            "feed_url": feed_url(ctx.base_url, spec.name, SUFFIX), "description": spec.subtitle,
            "authors": [{"name": AUTHOR}], "language": "en"}
    text = _dumps(head)[:-1] + ',"items":[\n' + ITEM_SEPARATOR.join(items) + ("\n" if items else "") + "]}\n"
    return text.encode("utf-8")


@lru_cache(maxsize=65536)
def _item(event: EventRecord, picture: str | None) -> str:
    """One item (cached: an event appears in several feeds, and records are immutable): exactly
    what its Atom entry says, made safe the same way (characters XML cannot carry are dropped)."""
    from feeds.build import EntryFields

    f = EntryFields.of(event, picture)
    item: dict[str, Any] = {"id": f.id}
    if f.link:
        item["url"] = f.link
    item |= {"title": f.title, "content_html": f.html, "date_published": f.published.isoformat(),
             "date_modified": f.updated.isoformat(), "tags": list(f.categories)}
    return _dumps(item)
