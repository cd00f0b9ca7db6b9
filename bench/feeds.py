"""Benchmark: build every feed for a synthetic store of 10,000 events.

    .venv/bin/python bench/feeds.py [--events N] [--write DIR] [--watchlist N]

Prints wall time and peak memory (tracemalloc, Python allocations) for building
all feeds, and optionally for writing them. Target: under one second for 10,000
events. Figures only; no test asserts a time.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import resource
import sys
import tempfile
import time
import timeit
import tracemalloc
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from feeds.build import build_feeds
from feeds.formats import FORMATS
from feeds.write import write_feeds
from storage.records import EntityRecord, EventKind, EventRecord, ListKind, Provenance
from storage.watchlist import Counterparty, Watchlist

CST = timezone(timedelta(hours=8))
ENTITIES_PER_NOTICE = 12
LIFECYCLE = (EventKind.IMPOSED, EventKind.SUSPENDED, EventKind.SUSPENSION_EXTENDED, EventKind.LIFTED)


def _tag(notice_no: int, i: int) -> str:
    """A made-up company name part; distinct names, so fuzzy matching behaves as on real ones."""
    return hashlib.sha1(f"{notice_no}-{i}".encode()).hexdigest()[:10].upper()


def synthetic_events(n: int, seed: int = 7) -> list[EventRecord]:
    """``n`` events shaped like the real ones: per notice one notice item, lifecycle
    items for the whole notice and the same per entity, plus a few health/news items."""
    rng = random.Random(seed)
    lists = [k for k in ListKind if k is not ListKind.ITEMS]  # entity lists only, as before
    out: list[EventRecord] = []
    notice_no = 0
    while len(out) < n:
        notice_no += 1
        key = f"MOFCOM-{2020 + notice_no % 6}-{notice_no}"
        lst = lists[notice_no % len(lists)]
        ents = tuple(
            EntityRecord(zh=f"测试实体{notice_no}-{i}有限公司", en=f"{_tag(notice_no, i)} Systems Inc.",
                         country="US", key=f"testentity{notice_no}x{i}", n=i + 1)
            for i in range(ENTITIES_PER_NOTICE)
        )
        prov = Provenance(key, f"商务部公告{2020 + notice_no % 6}年第{notice_no}号", f"关于将{len(ents)}家实体列入名单的公告",
                          (f"https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_{notice_no:032x}.html",),
                          datetime(2026, 11, 29, tzinfo=UTC), f"{notice_no:064x}")
        start = date(2020, 1, 1) + timedelta(days=rng.randrange(2000))
        steps = [(EventKind.NOTICE, start)] + [(k, start + timedelta(days=90 * i)) for i, k in enumerate(LIFECYCLE)]
        for kind, eff in steps:
            when = datetime(eff.year, eff.month, eff.day, tzinfo=CST)
            base = dict(kind=kind, list=lst, notice_key=key, source_key=key, effective=eff, until=None,
                        occurred=when, updated=when, title_zh=prov.title, provenance=(prov,),
                        summary=f"{kind.value} on {lst.value} from {eff}")
            out.append(EventRecord(id=f"tag:mofcom-watch,2025:{key}/{kind.value}/{lst.value}/{eff}", scope="notice",
                                   entity_key=None, title=f"{kind.value}: {len(ents)} entities ({key})",
                                   entities=ents, **base))
            if kind == EventKind.NOTICE:
                continue
            for ent in ents:
                out.append(EventRecord(id=f"tag:mofcom-watch,2025:{key}/{kind.value}/{lst.value}/{eff}/{ent.key}",
                                       scope="entity", entity_key=ent.key, title=f"{kind.value}: {ent.en} ({key})",
                                       entities=(ent,), **base))
        if notice_no % 20 == 0:
            when = datetime(2026, 1, 1, tzinfo=CST) + timedelta(hours=notice_no)
            out.append(EventRecord(id=f"tag:mofcom-watch,2025:health/{notice_no}", kind=EventKind.SOURCE_HEALTH,
                                   scope="health", list=None, notice_key=None, source_key=None, entity_key=None,
                                   effective=None, until=None, occurred=when, updated=when,
                                   title=f"Source health: bot check ({notice_no})"))
    return out[:n]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=10_000)
    ap.add_argument("--watchlist", type=int, default=50, help="synthetic counterparties (0: no watchlist feed)")
    ap.add_argument("--write", type=Path, default=None, help="also write the files here (default: a temp dir)")
    args = ap.parse_args()

    events = synthetic_events(args.events)
    random.Random(1).shuffle(events)
    def make_watchlist() -> Watchlist | None:
        # every 7th notice's 3rd entity, spelled as written (exact), so the feed is realistic in size
        names = tuple(Counterparty(f"{_tag(i * 7, 2)} Systems Inc.") for i in range(1, args.watchlist + 1))
        return Watchlist(names) if names else None

    watchlist = make_watchlist()

    def build():
        return build_feeds(events, base_url="https://feeds.example.org/", watchlist=watchlist)

    calibration = min(timeit.repeat("sum(range(1_000_000))", number=1, repeat=5))
    t0, c0 = time.perf_counter(), time.process_time()
    files = build()  # cold: the HTML fragment caches start empty
    t_build, c_build = time.perf_counter() - t0, time.process_time() - c0
    t0, c0 = time.perf_counter(), time.process_time()
    again = build()  # warm: what a long-running `serve --schedule` process sees from the second cycle on
    t_again, c_again = time.perf_counter() - t0, time.process_time() - c0
    tracemalloc.start()  # a separate run: tracing slows Python down about twofold
    build()
    _, peak_build = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    identical = [[f.data(x.name) for x in FORMATS] for f in files] == [[f.data(x.name) for x in FORMATS] for f in again]
    # The cold build includes matching every entity against the watchlist once (storage.watchlist
    # caches it per Watchlist): timed alone here, with a fresh watchlist.
    fresh, entities = make_watchlist(), {entity for event in events for entity in event.entities}
    c0 = time.process_time()
    for entity in entities if fresh else ():
        fresh.match(entity)
    c_match = time.process_time() - c0

    with tempfile.TemporaryDirectory() as tmp:
        out = args.write or Path(tmp)
        t1 = time.perf_counter()
        written = write_feeds(out, files)
        t_write = time.perf_counter() - t1
        t2 = time.perf_counter()
        rewritten = write_feeds(out, files)
        t_rewrite = time.perf_counter() - t2

    size = sum(len(f.data(x.name)) for f in files for x in FORMATS)
    items = sum(f.items for f in files)
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"events: {len(events)}  feeds: {len(files)} (x{len(FORMATS)} formats: {', '.join(x.name for x in FORMATS)})  items in feeds: {items}  "
          f"bytes: {size / 1e6:.1f} MB")
    print(f"build (cold): {t_build:.3f} s wall, {c_build:.3f} s CPU;  warm: {t_again:.3f} s wall, "
          f"{c_again:.3f} s CPU;  identical bytes: {identical}")
    if watchlist:
        print(f"  of the cold build: matching {len(entities)} entities to {len(watchlist)} counterparties "
              f"(storage.watchlist, uncached): {c_match:.3f} s CPU")
    print(f"peak traced memory: {peak_build / 1e6:.1f} MB  max RSS: {rss_kb / 1024:.0f} MB  "
          f"(machine speed: sum(range(10**6)) takes {calibration * 1000:.0f} ms)")
    print(f"write: {t_write:.3f} s ({len(written)} files)  rewrite unchanged: {t_rewrite:.3f} s "
          f"({len(rewritten)} files written)")


if __name__ == "__main__":
    main()
