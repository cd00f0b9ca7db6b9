"""Publish the feeds: sync the lifecycle events, gather every item, build, write.

The one place where the store, the watchlist file and the feed builder meet. The
caller owns the transaction (``with session.begin(): publish(...)``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from feeds.build import FeedFile, build_feeds
from feeds.picture import PictureFile, build_pictures
from feeds.write import feed_paths, picture_path, write_feeds, write_pictures
from storage.events import load_events, sync_events
from storage.health import health_events
from storage.news import news_events
from storage.records import EventRecord
from storage.watchlist import Watchlist, load_watchlist

# Items beyond the lifecycle events: function(session) -> events.
EXTRA_ITEM_SOURCES = (health_events, news_events)
FEED_SUFFIXES = (".atom", ".rss", ".svg")  # the feeds and their state pictures


@dataclass(frozen=True)
class PublishResult:
    written: tuple[Path, ...]  # files whose bytes changed (or are new)
    unchanged: tuple[Path, ...]  # files left alone: same bytes as before
    stale: tuple[Path, ...]  # feed files in out_dir that no feed produces any more (kept, not deleted)
    feeds: int  # feeds built (each in two formats)
    events: int  # items considered (lifecycle + health + news)
    watchlist_items: int | None  # items in the watchlist feed; None without a watchlist
    sync: Any = None  # storage.events.SyncResult
    problems: tuple[str, ...] = ()  # from the lifecycle sync (unresolved references, ...)
    pictures: int = 0  # state pictures (<name>.svg) built


def gather_events(session: Session, as_of: date) -> tuple[list[EventRecord], Any]:
    """Sync and load the lifecycle events up to ``as_of``, plus the health and news items.

    Health and news items are not filtered by ``as_of``: they describe the sources as
    the store saw them when fetching (a bot check seen today), not the lists' history.
    """
    sync = sync_events(session, as_of)
    events = list(load_events(session, as_of))
    for source in EXTRA_ITEM_SOURCES:
        events.extend(source(session))
    return events, sync


def publish(session: Session, *, as_of: date, out_dir: Path, base_url: str,
            watchlist_path: Path | None) -> PublishResult:
    """Write every feed under ``out_dir``. A bad watchlist raises WatchlistError before anything is touched."""
    watchlist: Watchlist | None = load_watchlist(watchlist_path) if watchlist_path else None
    events, sync = gather_events(session, as_of)
    files, pictures = build_all(events, as_of, base_url, watchlist)
    written = write_feeds(out_dir, files) + write_pictures(out_dir, pictures)
    return _result(out_dir, files, pictures, written, events, watchlist, sync)


def build_all(events: list[EventRecord], as_of: date, base_url: str,
              watchlist: Watchlist | None) -> tuple[list[FeedFile], list[PictureFile]]:
    """The feeds and the state pictures they link to."""
    pictures = build_pictures(events, as_of)
    files = build_feeds(events, base_url=base_url, watchlist=watchlist, pictures=[p.name for p in pictures])
    return files, pictures


def _result(out_dir: Path, files: list[FeedFile], pictures: list[PictureFile], written: list[Path],
            events: list[EventRecord], watchlist: Watchlist | None, sync: Any) -> PublishResult:
    produced = [p for f in files for p in feed_paths(out_dir, f).values()] + [picture_path(out_dir, p)
                                                                              for p in pictures]
    changed = set(written)
    known = set(produced)
    stale = sorted(p for p in Path(out_dir).rglob("*") if p.suffix in FEED_SUFFIXES and p.is_file() and p not in known)
    wl_items = next((f.items for f in files if f.name == "watchlist"), None) if watchlist else None
    return PublishResult(
        written=tuple(written),
        unchanged=tuple(p for p in produced if p not in changed),
        stale=tuple(stale),
        feeds=len(files),
        events=len(events),
        watchlist_items=wl_items,
        sync=sync,
        problems=tuple(getattr(sync, "problems", ()) or ()),
        pictures=len(pictures),
    )
