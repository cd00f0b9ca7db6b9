"""Item-control suspensions get their own feed, next to the entity lists."""

from __future__ import annotations

from datetime import date

from feeds.catalog import select_feeds
from storage.lifecycle import derive
from tests.storage.test_lifecycle_corpus import stored
from tests.storage.test_lifecycle_items import NO46, NO72


def test_items_feed_holds_the_item_control_events():
    events = derive([stored(NO46), stored(NO72)], date(2026, 11, 29)).events
    feeds = {s.spec.name: s for s in select_feeds(events)}
    items = [e.id.split("/", 2)[1] for e in feeds["items"].events]
    assert items == ["suspension_lapsed", "suspension_ends_soon", "suspension_ends_soon", "suspended"]
    assert [e.id for e in feeds["all"].events] == [e.id for e in feeds["items"].events]
    assert feeds["ecl"].events == () and len(feeds["notices"].events) == 2
    assert not [name for name in feeds if name.startswith("entity/")]


def test_feed_titles_begin_with_the_product_name_not_a_ministry():
    """An MFA-only person's feed was titled "MOFCOM watch: Adam Bry" (wording29): every title begins "mofcom-watch:",
    the tool's name as its OPML and commands give it; the items say which ministry acts."""
    from feeds.catalog import FIXED_FEEDS, TITLE_PREFIX, WATCHLIST_FEED, entity_spec
    from storage.records import EventKind, ListKind
    from tests.feeds.factory import event

    person = event(EventKind.IMPOSED, date(2024, 10, 10), lst=ListKind.COUNTERMEASURE, title="Imposed: Adam Bry (亚当·布赖)")
    specs = (*FIXED_FEEDS, WATCHLIST_FEED, entity_spec("adambry", [person]))
    assert TITLE_PREFIX == "mofcom-watch: " and all(s.title.startswith(TITLE_PREFIX) for s in specs)
    assert not [s for s in specs if "MOFCOM watch" in s.title]
