"""Write every feed and state picture of a store into a folder, one at a time, in bounded memory.

The same files, bytes and order as :func:`feeds.build.build_feeds` + :func:`feeds.picture.build_pictures`
over every event, without ever holding every event or every feed: the events' narrow columns say
which feeds carry which items (:func:`feeds.catalog.route`); the payloads are read a batch at a time
(:mod:`storage.eventheads`) and each item is written into its feeds' files as it is rendered
(:class:`feeds.write.FileSink`, which leaves an unchanged file untouched). The passes:

1. per notice: its state picture, and the bands of the overview pictures (written after);
2. per entity: its feed and its state picture;
3. the notice-scope items, newest first, into ``all``, the list feeds and ``notices`` at once;
4. the news, the watchlist (from the matches kept in passes 2 and 3) and the source-health feeds.

A feed that cannot be built is reported (:class:`feeds.build.FeedFailure`) and keeps its last file;
the others are written. The source-health feed comes last: ``note_failures`` may add items to it.
"""

from __future__ import annotations

import hashlib
import io
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from pathlib import Path

from sqlalchemy.orm import Session

from feeds.build import FeedFailure, FeedHeads, FeedStream, feed_updated, render_entry, sighted
from feeds.catalog import (
    FEED_HEALTH,
    FEED_NEWS,
    FIXED_FEEDS,
    WATCHLIST_FEED,
    FeedSpec,
    Routes,
    WatchlistPicker,
    entity_spec,
    in_feed_order,
    linked_items,
    newest_first,
    route,
)
from feeds.folder import FolderPaths, Lazy
from feeds.formats import BY_NAME, FORMATS, PICTURE_SUFFIX, RenderContext
from feeds.identity import entity_feed_name, normalise_base_url, notice_picture_name
from feeds.picture import PictureFile, entity_name, entity_picture, notice_picture, overview_pictures
from feeds.write import FileSink, Staged, feed_paths, picture_path, write_if_changed
from storage.aliaslinks import AliasLinks, notice_links, stored_links
from storage.bands import Band, listing_bands
from storage.eventheads import BATCH, EventHead, event_heads, heads_by_entity, heads_by_notice, in_batches, load_records
from storage.lifecycle import EVENT_STATES, event_sort_key
from storage.notices import first_seen
from storage.records import EventRecord, EventScope, StoredNotice
from storage.watchlist import Watchlist

Item = EventHead | EventRecord
STREAMED_FIXED = tuple(s for s in FIXED_FEEDS if s.name not in (FEED_HEALTH, FEED_NEWS))  # from notice-scope items


class Produced(Lazy[str]):
    """The files a publish produced, as relative POSIX paths in the order they are listed (each feed
    in every format, then the pictures), each made when read, and which of them it wrote (their bytes
    changed, or they are new). Held as the feed and picture names and one flag per file: 100 times
    the fixtures produce 42,000 files, and as many paths would be a good part of a publish's peak memory."""

    def __init__(self, feeds: tuple[str, ...], pictures: tuple[str, ...], changed: bytes) -> None:
        self.feeds, self.pictures, self.changed = feeds, pictures, changed  # changed: per file, 1 written
        self._named = frozenset(feeds), frozenset(pictures)

    def __len__(self) -> int:
        return len(self.changed)

    def item(self, index: int) -> str:
        per_feed = len(FORMATS)
        if index < len(self.feeds) * per_feed:
            return f"{self.feeds[index // per_feed]}.{FORMATS[index % per_feed].name}"
        return f"{self.pictures[index - len(self.feeds) * per_feed]}.{PICTURE_SUFFIX}"

    def paths(self, out_dir: Path, *, written: bool) -> FolderPaths:
        """The files written (or those left alone), in order, under ``out_dir``; each Path made when read."""
        return FolderPaths(out_dir, _Picked(self, array("L", (i for i, flag in enumerate(self.changed)
                                                               if flag == written))))

    def produces(self, rel: str) -> bool:
        """Whether the file at ``rel`` (a relative POSIX path) is one of these."""
        name, dot, suffix = rel.rpartition(".")
        if not dot:
            return False
        if suffix == PICTURE_SUFFIX:
            return name in self._named[1]
        return suffix in BY_NAME and name in self._named[0]


class _Picked(Lazy[str]):
    """Some of a sequence's items, by their indexes."""

    def __init__(self, items: Sequence[str], at: array[int]) -> None:
        self._items, self._at = items, at

    def __len__(self) -> int:
        return len(self._at)

    def item(self, index: int) -> str:
        return self._items[self._at[index]]


@dataclass
class Published:
    """What was written: the files produced and which of them changed, and what could not be built."""

    files: Produced
    feeds: int = 0
    pictures: int = 0
    events: int = 0
    watchlist_items: int | None = None
    failed: list[FeedFailure] = field(default_factory=list)
    sides: int = 0  # of ``events``: the news and source-health items (a publish of those alone: publish_sides)
    parts: dict[str, str] = field(default_factory=dict)  # entity feed name -> a digest of its inputs (_Run._noted)
    skipped: int = 0  # entity feeds whose inputs were those the folder's files were made from: not built again


class _Run:
    def __init__(self, session: Session, out_dir: Path, base_url: str, as_of: date) -> None:
        self.session, self.out_dir, self.as_of = session, Path(out_dir), as_of
        self.heads = FeedHeads(normalise_base_url(base_url))
        self.ctx = RenderContext(self.heads.base_url)
        self.feeds_ok: dict[str, int] = {}  # name -> which formats were written (a bit per format, as FORMATS)
        self.pictures_ok: dict[str, tuple[tuple[int, int, str], bool]] = {}  # name -> (its place among the
        # pictures, written)
        self.failed: dict[str, FeedFailure] = {}
        self.events = 0  # lifecycle items seen
        self.first_seen = first_seen(session)  # notice key -> first read: a feed's ``updated`` (feeds.build.sighted)
        self.stage = Staged()  # every file put in place at the end, together (feeds.write.Staged)
        # entity feed name -> a digest of its inputs: those the last publish into this folder wrote, the folder as it
        # left them (``previous``, read by mofcom_watch.publish), and this publish's (``parts``): a feed whose inputs
        # are the same is not built again (``skipped``)
        self.previous: Mapping[str, str] = {}
        self.parts: dict[str, str] = {}
        self.skipped = 0

    # -- files ----------------------------------------------------------------------------------
    def open_feed(self, spec: FeedSpec, items: Sequence[Item]) -> tuple[FeedStream, dict[str, FileSink]] | None:
        sinks = {fmt: FileSink(path, self.stage) for fmt, path in feed_paths(self.out_dir, spec.name).items()}
        try:
            return FeedStream(spec, self.updated(items), self.heads, self.ctx, sinks), sinks
        except Exception as exc:  # noqa: BLE001 - isolated: this feed keeps its last file
            self.fail(spec.name, exc, sinks)
            return None

    def updated(self, items: Sequence[Item]) -> datetime:
        """The feed's ``updated``: its newest item's, as that item's record writes it (with its offset), or the first
        sighting of a notice its items rest on when later (``feeds.build.sighted``)."""
        if not items:
            return feed_updated(())
        newest = max(items, key=lambda i: i.updated)  # the first of equal instants, as max() over records
        if isinstance(newest, EventHead):
            newest = load_records(self.session, [newest.id])[newest.id]
        return sighted(feed_updated((newest,)), items, self.first_seen)

    def close_feed(self, name: str, stream: FeedStream, sinks: dict[str, FileSink]) -> None:
        try:
            stream.finish()
        except Exception as exc:  # noqa: BLE001
            self.fail(name, exc, sinks)
            return
        try:
            self.feeds_ok[name] = _written_mask(sink.close() for sink in sinks.values())
        except BaseException:  # (a full disk: the publish fails) the formats not closed leave no temporary file
            _abort(sinks)
            raise

    def fail(self, name: str, exc: Exception, sinks: dict[str, FileSink] | None = None) -> None:
        for sink in (sinks or {}).values():
            sink.abort()
        self.failed.setdefault(name, FeedFailure(name, f"{type(exc).__name__}: {exc}"))

    def write_feed(self, spec: FeedSpec, events: Sequence[EventRecord]) -> None:
        """One feed from records in memory (newest first)."""
        opened = self.open_feed(spec, events)
        if opened is None:
            return
        stream, sinks = opened
        try:
            for event in events:
                stream.add(render_entry(event, self.ctx))
        except Exception as exc:  # noqa: BLE001
            self.fail(spec.name, exc, sinks)
            return
        self.close_feed(spec.name, stream, sinks)

    def write_picture(self, rank: tuple[int, int, str], make: Callable[[], PictureFile]) -> None:
        try:
            pic = make()
        except Exception as exc:  # noqa: BLE001 - isolated like a feed: the feeds are still written
            self.fail("pictures", exc)
            return
        self.pictures_ok[pic.name] = rank, write_if_changed(picture_path(self.out_dir, pic.name), pic.svg, self.stage)

    # -- passes ---------------------------------------------------------------------------------
    def notice_pictures(self) -> None:
        """Pass 1: a picture per notice with a listing state; then every listing's and each list's."""
        state_heads = ((key, [h for h in heads if h.kind in EVENT_STATES and h.list and h.effective])
                       for key, heads in heads_by_notice(self.session, self.as_of) if key)
        bands: list[Band] = []
        for group in _groups(((key, heads) for key, heads in state_heads if heads), self.session):
            for key, records in group:
                mine = listing_bands(sorted(records, key=event_sort_key))
                bands.extend(mine)
                if mine:
                    self.write_picture((2, 0, key), partial(notice_picture, key, mine, self.as_of))
        bands.sort(key=lambda b: (b.first, b.notice_key, b.list.value, b.entity_keys))
        try:
            overview = overview_pictures(bands, self.as_of)
        except Exception as exc:  # noqa: BLE001
            self.fail("pictures", exc)
            overview = []
        for i, pic in enumerate(overview):
            self.write_picture((0, i, ""), partial(_same, pic))

    def entity_feeds(self, picker: WatchlistPicker | None, links: AliasLinks) -> list[str]:
        """Pass 2: each entity's feed and picture, one entity at a time; the watchlist sees every
        entity-scope item. The feed of an entity linked to another (:mod:`storage.aliaslinks`, a few) is written
        once both are read, with the other's items too. Returns the entity feed names."""
        names: list[str] = []
        linked = links.keys()
        held: dict[str, list[EventRecord]] = {}
        entities = ((key or "", self._noted(key, heads)) for key, heads in heads_by_entity(self.session, self.as_of))
        for group in _groups(entities, self.session):
            for key, records in group:
                self.events += len(records)
                if picker is not None:
                    for record in records:
                        picker.add(record)
                if not key:  # an entity-scope item without an entity: in no entity feed (the watchlist sees it)
                    continue
                names.append(name := entity_feed_name(key))
                if key in linked:
                    held[key] = records
                    self.parts.pop(name, None)  # (its items are another's too: built every time)
                elif self.previous.get(name) == self.parts.get(name):
                    self.feeds_ok[name] = 0  # its files are those the same inputs made: left as they are
                    self.skipped += 1
                else:
                    self.write_feed(entity_spec(key, records), records)
                state = sorted((r for r in records if r.kind in EVENT_STATES and r.notice_key and r.list
                                and r.effective), key=event_sort_key)
                if state:
                    self.write_picture((3, 0, key), partial(_entity_picture, key, state, self.as_of))
        for key, records in held.items():
            items = linked_items(key, records, held, links)
            self.write_feed(entity_spec(key, items, links), items)
        return sorted(names)

    def _noted(self, key: str | None, heads: list[EventHead]) -> list[EventHead]:
        """``heads`` in feed order, a digest of what the entity's feed is made from noted in :attr:`parts`: the base
        URL, the entity, and each item's id, payload, dates, the first reading of the notices it rests on (the feed's
        ``updated``, ``feeds.build.sighted``) and whether its notice has a picture (the item links to it). (The code
        that renders it: the digests of another release are not used, ``mofcom_watch.publish.read_parts``.)"""
        if key:
            digest = hashlib.sha256(f"{self.heads.base_url}\0{key}\0".encode())
            pictures = self.ctx.pictures
            for h in heads:
                seen = [self.first_seen.get(k) for k in (h.notice_key, h.source_key) if k]
                pictured = h.notice_key is not None and notice_picture_name(h.notice_key) in pictures
                digest.update(f"{h.id}\0{h.sha}\0{h.occurred.isoformat()}\0{h.updated.isoformat()}\0{seen}\0"
                              f"{pictured}\n".encode())
            self.parts[entity_feed_name(key)] = digest.hexdigest()[:32]
        return in_feed_order(heads)

    def notice_feeds(self, routes: Routes[Item], picker: WatchlistPicker | None) -> None:
        """Pass 3: every notice-scope item once, newest first, into each fixed feed that carries it."""
        streams: dict[str, tuple[FeedStream, dict[str, FileSink]]] = {}
        carried: dict[str, list[str]] = defaultdict(list)
        notice_heads: dict[str, EventHead] = {}
        for spec in STREAMED_FIXED:
            opened = self.open_feed(spec, routes.fixed[spec.name])
            if opened is not None:
                streams[spec.name] = opened
            for item in routes.fixed[spec.name]:
                carried[item.id].append(spec.name)
                if isinstance(item, EventHead):
                    notice_heads[item.id] = item
        try:
            for record in in_batches(in_feed_order(notice_heads.values()), self.session):
                if picker is not None:
                    picker.add(record)
                live = [name for name in carried[record.id] if name in streams]
                try:
                    entry = render_entry(record, self.ctx)
                except Exception as exc:  # noqa: BLE001 - every feed that carries this item fails
                    for name in live:
                        self.fail(name, exc, streams.pop(name)[1])
                    continue
                for name in live:
                    streams[name][0].add(entry)
            for name, (stream, sinks) in list(streams.items()):
                self.close_feed(name, stream, sinks)
                del streams[name]
        except BaseException:  # (a full disk: the publish fails) the feeds still open leave no temporary file: on a
            for _stream, sinks in streams.values():  # disk already full they held its last space until the next
                _abort(sinks)  # publish (health34: 5 files, 470 KB of 24 MB)
            raise


def _same(pic: PictureFile) -> PictureFile:
    return pic


def _entity_picture(key: str, state: list[EventRecord], as_of: date) -> PictureFile:
    return entity_picture(key, entity_name(state, key), listing_bands(state), as_of)


def _entity_records(session: Session, as_of: date, key: str) -> list[EventRecord]:
    """One entity's items, read again (the watchlist's possible match on a namesake, rare: one pass over the heads)."""
    heads = [h for h in event_heads(session, as_of, (EventScope.ENTITY.value,)) if h.entity_key == key]
    return list(in_batches(in_feed_order(heads), session))


def _groups(keyed: Iterable[tuple[str, list[EventHead]]], session: Session
            ) -> Iterator[list[tuple[str, list[EventRecord]]]]:
    """Keyed lists of heads, as keyed lists of records, reading about :data:`BATCH` payloads at a time."""
    batch: list[tuple[str, list[EventHead]]] = []
    size = 0

    def load() -> list[tuple[str, list[EventRecord]]]:
        records = load_records(session, [h.id for _, heads in batch for h in heads])
        return [(key, [records[h.id] for h in heads]) for key, heads in batch]

    for key, heads in keyed:
        batch.append((key, heads))
        size += len(heads)
        if size >= BATCH:
            yield load()
            batch, size = [], 0
    if batch:
        yield load()


def publish_store(session: Session, *, as_of: date, out_dir: Path, base_url: str,
                  watchlist: Watchlist | None, news: Sequence[EventRecord],
                  health: Callable[[], list[EventRecord]],
                  note_failures: Callable[[list[FeedFailure]], bool], broken_watchlist: str | None = None,
                  notices: Sequence[StoredNotice] | None = None, previous: Mapping[str, str] | None = None) -> Published:
    """Write every feed and picture of the store's events up to ``as_of``, the ``news`` items and the
    ``health`` items into ``out_dir``. ``note_failures`` is told which feeds could not be built
    before the source-health feed is written; when it says the health items changed, they are read
    again (the source-health feed says so in this very run). ``broken_watchlist``: why the configured
    watchlist could not be read: its feed fails (keeping its last files), the others are written. ``notices``: the
    stored notices, when the caller has them (else read here for the links, :mod:`storage.aliaslinks`). ``previous``:
    the digests of the entity feeds' inputs (``Published.parts``) of the last publish into ``out_dir``, its files as it
    left them: an entity feed whose inputs are the same is not built again (the same inputs made those bytes)."""
    run = _Run(session, out_dir, base_url, as_of)
    run.previous = previous or {}
    with run.stage.placing():
        return _publish_store(run, watchlist=watchlist, news=news, health=health, note_failures=note_failures,
                              broken_watchlist=broken_watchlist, notices=notices)


def _publish_store(run: _Run, *, watchlist: Watchlist | None, news: Sequence[EventRecord],
                   health: Callable[[], list[EventRecord]], note_failures: Callable[[list[FeedFailure]], bool],
                   broken_watchlist: str | None, notices: Sequence[StoredNotice] | None) -> Published:
    session, as_of = run.session, run.as_of
    if broken_watchlist is not None:
        run.failed[WATCHLIST_FEED.name] = FeedFailure(WATCHLIST_FEED.name, broken_watchlist)
    notice_heads = list(event_heads(session, as_of, (EventScope.NOTICE.value,)))
    run.events = len(notice_heads)
    items: list[Item] = [*notice_heads, *newest_first([*news, *health()])]
    routes = route(in_feed_order(items))
    del items
    del notice_heads
    # one company under two keys, tied by a notice (storage.aliaslinks)
    links = notice_links(notices, as_of) if notices is not None else stored_links(session, as_of)
    picker = (WatchlistPicker(watchlist, links, partial(_entity_records, session, as_of)) if watchlist is not None
              else None)

    run.notice_pictures()
    run.ctx = RenderContext(run.ctx.base_url, frozenset(run.pictures_ok))
    entity_names = run.entity_feeds(picker, links)
    run.notice_feeds(routes, picker)
    news_spec = next(s for s in FIXED_FEEDS if s.name == FEED_NEWS)
    run.write_feed(news_spec, [e for e in routes.fixed[FEED_NEWS] if isinstance(e, EventRecord)])
    watch_items: tuple[EventRecord, ...] = ()
    if picker is not None:
        watch_items = picker.events()
        run.write_feed(WATCHLIST_FEED, watch_items)
    health_items = _health_feed(run, routes, health, note_failures)

    feed_names = [s.name for s in FIXED_FEEDS] + ([WATCHLIST_FEED.name] if picker is not None else []) + entity_names
    rank = {name: i for i, name in enumerate(feed_names)}
    feeds = tuple(name for name in feed_names if name in run.feeds_ok)
    pictures = tuple(sorted(run.pictures_ok, key=lambda n: run.pictures_ok[n][0]))
    changed = bytearray()
    for name in feeds:
        mask = run.feeds_ok[name]
        changed.extend((mask >> i) & 1 for i in range(len(FORMATS)))
    changed.extend(run.pictures_ok[name][1] for name in pictures)
    return Published(Produced(feeds, pictures, bytes(changed)), feeds=len(run.feeds_ok),
                     pictures=len(run.pictures_ok), events=run.events + len(news) + health_items,
                     watchlist_items=len(watch_items) if picker is not None else None,
                     failed=sorted(run.failed.values(), key=lambda f: rank.get(f.name, -1)),  # "pictures" first
                     sides=len(news) + health_items,
                     parts={name: d for name, d in sorted(run.parts.items()) if name in run.feeds_ok},
                     skipped=run.skipped)


def publish_sides(session: Session, *, as_of: date, out_dir: Path, base_url: str, news: Sequence[EventRecord],
                  health: Callable[[], list[EventRecord]], note_failures: Callable[[list[FeedFailure]], bool],
                  pictures: frozenset[str]) -> Published:
    """Write the news and source-health feeds only, as :func:`publish_store` writes them: what a publish writes when
    nothing but the health or news items changed since the last publish into ``out_dir``, whose other files are as it
    left them (``mofcom_watch.publish``). No item of theirs is in any other feed (:func:`feeds.catalog.route`); their
    bytes depend besides on the base URL and the state pictures beside them (``pictures``: their names, as the last
    publish produced them). Was: a source failing or recovering rebuilt every feed and picture under the write lock
    (100 s at 100 times the fixtures: ops37). ``Published.events`` counts these two feeds' items only."""
    run = _Run(session, out_dir, base_url, as_of)
    run.ctx = RenderContext(run.ctx.base_url, pictures)
    items: list[Item] = [*newest_first([*news, *health()])]
    routes = route(in_feed_order(items))
    news_spec = next(s for s in FIXED_FEEDS if s.name == FEED_NEWS)
    with run.stage.placing():
        run.write_feed(news_spec, [e for e in routes.fixed[FEED_NEWS] if isinstance(e, EventRecord)])
        health_items = _health_feed(run, routes, health, note_failures)
    feeds = tuple(s.name for s in FIXED_FEEDS if s.name in run.feeds_ok)
    changed = bytearray()
    for name in feeds:
        changed.extend((run.feeds_ok[name] >> i) & 1 for i in range(len(FORMATS)))
    return Published(Produced(feeds, (), bytes(changed)), feeds=len(run.feeds_ok), events=len(news) + health_items,
                     failed=sorted(run.failed.values(), key=lambda f: f.name), sides=len(news) + health_items)


def _abort(sinks: dict[str, FileSink]) -> None:
    for sink in sinks.values():
        sink.abort()


def _written_mask(written: Iterable[bool]) -> int:
    """One bit per format (in the order of FORMATS): set when that file was written."""
    return sum(1 << i for i, flag in enumerate(written) if flag)


def _health_feed(run: _Run, routes: Routes[Item], health: Callable[[], list[EventRecord]],
                 note_failures: Callable[[list[FeedFailure]], bool]) -> int:
    """Build the source-health feed in memory (it is small), tell ``note_failures``, rebuild it when
    the health items changed, then write it. Returns its number of items."""
    spec = next(s for s in FIXED_FEEDS if s.name == FEED_HEALTH)
    items = [e for e in routes.fixed[FEED_HEALTH] if isinstance(e, EventRecord)]
    count = len(items)
    built, error = _in_memory(run, spec, items)
    failures = list(run.failed.values()) + ([FeedFailure(FEED_HEALTH, error)] if error else [])
    if note_failures(failures):
        fresh = health()
        count, items = len(fresh), list(newest_first(fresh))
        built, error = _in_memory(run, spec, items)
    if built is None:
        run.failed[FEED_HEALTH] = FeedFailure(FEED_HEALTH, error or "")
        return count
    run.feeds_ok[spec.name] = _written_mask(write_if_changed(path, built[fmt], run.stage)
                                            for fmt, path in feed_paths(run.out_dir, spec.name).items())
    return count


def _in_memory(run: _Run, spec: FeedSpec, events: Sequence[EventRecord]) -> tuple[dict[str, bytes] | None, str | None]:
    sinks = {f.name: io.BytesIO() for f in FORMATS}
    try:
        stream = FeedStream(spec, feed_updated(events, run.first_seen), run.heads, run.ctx, sinks)
        for event in events:
            stream.add(render_entry(event, run.ctx))
        stream.finish()
    except Exception as exc:  # noqa: BLE001
        return None, f"{type(exc).__name__}: {exc}"
    return {name: sink.getvalue() for name, sink in sinks.items()}, None
