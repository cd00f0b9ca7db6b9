"""The lifecycle stories' harness (tests/data/stories18, stories19): a store replayed from a story folder by a real
``replay`` process, and cached ``status``/``timeline``/``feeds`` reads of it through the CLI."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from mofcom_watch.cli import app
from mofcom_watch.clock import TODAY_ENV
from tests import zygote

REPO = Path(__file__).resolve().parents[2]
TAG = "tag:mofcom-watch,2025:"
PAGE_ROOTS = (REPO / "tests" / "data", REPO / "fixtures")  # the story folders and the fixtures: not written while the
# suite runs, so a store replayed from them is the same store whichever worker or module replays it
SHARED = "stories-replayed"  # under the basetemp root: the stores replayed once per session, shared by the workers
STORE = "store.sqlite"
SIDECARS = ("-wal", "-journal")  # what SQLite may leave beside a store (none once the replay's process has ended)


def invoke(db: str, *args: str, env: dict[str, str] | None = None) -> Any:
    result = CliRunner().invoke(app, ["--db", db, *args], env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


class Store:
    """One replayed store and cached reads of it."""

    def __init__(self, db: str, folder: Path, env: dict[str, str] | None = None) -> None:
        self.db = db
        self.folder = folder
        self.env = env  # MOFCOM_WATCH_TODAY for a story set in years to come
        self._status: dict[str, dict[str, Any]] = {}
        self._notes: dict[str, list[str]] = {}
        self._feeds: dict[str, Path] = {}
        self._notice_feeds: dict[str, Path | None] = {}  # day: the notice feeds' folder (None: the whole publish's)
        self.feeds_said: dict[str, tuple[int, str]] = {}  # day: the feeds command's exit code and stderr

    def status(self, day: str) -> dict[str, Any]:
        if day not in self._status:
            result = invoke(self.db, "status", "--json", "--as-of", day, env=self.env)
            got = json.loads(result.stdout)
            rows: dict[str, Any] = {}
            for one in got["listings"]:  # a notice whose entities part ways has one row per state
                rows.setdefault(one["notice_key"], []).append(one)
            rows["__problems__"] = got["problems"] + [r["summary"] for r in got["unresolved_references"]]
            self._notes[day] = list(got.get("notes", []))  # read right, failing nothing (none before engine21)
            self._status[day] = rows
        return self._status[day]

    def notes(self, day: str) -> list[str]:
        """The engine's notes as of ``day`` (``status --json``'s "notes"): read right, failing nothing."""
        self.status(day)
        return self._notes[day]

    def timeline(self, name: str, day: str) -> dict[str, Any]:
        result = invoke(self.db, "timeline", name, "--json", "--as-of", day, env=self.env)
        assert result.exit_code in (0, 1), result.output
        return json.loads(result.stdout)

    def feeds(self, day: str) -> Path:
        if day not in self._feeds:
            out = self.folder / f"feeds-{day}"
            result = invoke(self.db, "feeds", "--out", str(out), "--as-of", day, env=self.env)
            assert result.exit_code in (0, 1), result.output
            self._feeds[day] = out
            self.feeds_said[day] = result.exit_code, result.stderr
        return self._feeds[day]

    def items(self, day: str, feed: str = "all") -> list[dict[str, Any]]:
        """``feed``'s items as ``feeds --out DIR --as-of day`` writes them: a notice-scope feed (``all``, a list's,
        ``notices``) from :func:`notice_feeds_as_of` when the whole publish of that day was not asked (``feeds``)."""
        if day in self._feeds or "/" in feed or feed not in NOTICE_FEEDS:
            folder = self.feeds(day)
        else:
            if day not in self._notice_feeds:
                self._notice_feeds[day] = notice_feeds_as_of(self, day, self.folder / f"notice-feeds-{day}")
            folder = self._notice_feeds[day] or self.feeds(day)
        path = folder / f"{feed}.json"
        if not path.exists():
            return []
        return list(json.loads(path.read_text(encoding="utf-8"))["items"])




def shared_root(folder: Path) -> Path | None:
    """The folder under pytest's basetemp root that every xdist worker of this session sees (``popen-gwN``'s parent,
    which the session's workers share), or None: not a worker (``-n 0``), nothing to share."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return None
    for parent in folder.resolve().parents:
        if parent.name == f"popen-{worker}":
            return parent.parent / SHARED
    return None


def copy_store(source: Path, folder: Path) -> None:
    """The SQLite store file in ``source`` (and any file SQLite left beside it) copied into ``folder``."""
    for suffix in ("", *SIDECARS):
        if (source / f"{STORE}{suffix}").exists():
            shutil.copy(source / f"{STORE}{suffix}", folder / f"{STORE}{suffix}")


COPIED: dict[Path, tuple[str, str]] = {}  # a store this process copied from the shared folder: (its key, its SHA-256)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _made_from(folder: Path) -> str | None:
    """What the store in ``folder`` is: "" none yet, the key of the shared store it is a copy of when unchanged since
    (the same bytes, nothing beside it), or None (a store of its own: a test wrote to it)."""
    store = folder / STORE
    if not store.exists():
        return ""
    known = COPIED.get(store.resolve())
    if known is None or any((folder / f"{STORE}{suffix}").exists() for suffix in SIDECARS) or _digest(store) != known[1]:
        return None
    return known[0]


def once_per_session(folder: Path, pages: Path, fetched: str, today: str | None, how: str,
                     replay: Callable[[Path], None]) -> None:
    """``replay`` (a real ``replay`` process or two) into ``folder``, made once per test session for the same story
    folder or fixtures, fetched-at, today and way (``how``), into a new store or one such a replay made (the fixtures,
    then a story): the first worker to ask replays into the shared folder (:func:`shared_root`) under a lock of that
    store's own, and every asker gets a copy of it in ``folder`` (its reads and ``feeds`` runs write to its copy alone,
    as they did to a store of its own). A store a test wrote to, or pages a test made: replayed in ``folder``, as before.

    Was: each module replayed its folders in each xdist worker that ran one of its tests (a folder twice a module), and
    the same folder again in each module reading it (ci54s, session 54)."""
    root = shared_root(folder)
    start = _made_from(folder)
    if root is None or start is None or not any(pages.resolve().is_relative_to(r) for r in PAGE_ROOTS):
        replay(folder)
        return
    key = hashlib.sha256(f"{start}\0{pages.resolve()}\0{fetched}\0{today}\0{how}".encode()).hexdigest()[:24]
    made = root / key
    root.mkdir(parents=True, exist_ok=True)
    with open(root / f"{key}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed (or the process ends)
        if not (made / "done").exists():
            shutil.rmtree(made, ignore_errors=True)  # a replay a failed test left half made
            made.mkdir()
            if start:
                copy_store(root / start, made)
            replay(made)
            (made / "done").write_text(f"{start}\n{pages}\n{fetched}\n{today}\n{how}\n", encoding="utf-8")
    copy_store(made, folder)
    COPIED[(folder / STORE).resolve()] = key, _digest(folder / STORE)


def replay_process(folder: Path, pages: Path, fetched: str, today: str | None = None) -> None:
    """``pages`` replayed into the store in ``folder`` by a process of its own (no MOFCOM_WATCH_ variable but
    ``MOFCOM_WATCH_TODAY`` = ``today`` when given)."""
    db = f"sqlite:///{folder / STORE}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOFCOM_WATCH_")}
    pinned = {TODAY_ENV: today} if today else {}
    done = subprocess.run(zygote.command("--db", db, "replay", str(pages), "--fetched-at", fetched), capture_output=True, text=True, cwd=REPO,
                          env={**env, **pinned}, timeout=120)
    assert done.returncode in (0, 1), done.stderr


def replayed(folder: Path, pages: Path, fetched: str, today: str | None = None) -> Store:
    """A store in ``folder`` holding ``pages``, replayed by a process of its own (no MOFCOM_WATCH_ variable but
    ``MOFCOM_WATCH_TODAY`` = ``today`` when given: a story set after the real today), read back with that today. A new
    store from a story folder is replayed once per session and copied (:func:`once_per_session`)."""
    once_per_session(folder, pages, fetched, today, "whole", lambda into: replay_process(into, pages, fetched, today))
    return Store(f"sqlite:///{folder / STORE}", folder, {TODAY_ENV: today} if today else None)


def replayed_in_halves(folder: Path, pages: Path, fetched: str, today: str | None = None) -> Store:
    """``pages`` replayed into one store in ``folder`` in another order: the later half of its pages (by name) first, then
    the earlier half (each by a process of its own, as :func:`replayed`); the store after both (made once per session
    from a story folder, as :func:`replayed`'s)."""
    once_per_session(folder, pages, fetched, today, "halves", lambda into: _in_halves(into, pages, fetched, today))
    return Store(f"sqlite:///{folder / STORE}", folder, {TODAY_ENV: today} if today else None)


def _in_halves(folder: Path, pages: Path, fetched: str, today: str | None) -> None:
    names = sorted(pages.iterdir())
    later, earlier = folder / "later", folder / "earlier"
    for part_folder, part in ((later, names[len(names) // 2:]), (earlier, names[: len(names) // 2])):
        part_folder.mkdir()
        for page in part:
            (shutil.copytree if page.is_dir() else shutil.copy)(page, part_folder / page.name)
    replay_process(folder, later, fetched, today=today)
    replay_process(folder, earlier, fetched, today=today)


def cached(stores: dict[str, Store], factory: Any, data: Path, fetched: str, today: str, prefix: str, *,
           halves: bool = False) -> Store:
    """The story folder ``data`` replayed once per test module (its ``stores`` fixture holds them by folder name; the
    first test to ask pays the replay), in a folder ``factory`` (pytest's tmp_path_factory) makes; ``halves``: in
    another order (:func:`replayed_in_halves`), held apart."""
    key = f"{data.name}-halves" if halves else data.name
    if key not in stores:
        replay = replayed_in_halves if halves else replayed
        stores[key] = replay(factory.mktemp(f"{prefix}-{key}"), data, fetched, today=today)
    return stores[key]


def item_titles(store: Store, day: str, key: str, feed: str = "all") -> dict[str, str]:
    """The titles of ``feed``'s items on notice ``key`` as of ``day``, by item id (tag prefix dropped)."""
    return {i["id"][len(TAG):]: i["title"] for i in store.items(day, feed) if i["id"].startswith(f"{TAG}{key}/")}


def own_problems(store: Store, day: str) -> list[str]:
    """The problems as of ``day`` but the 2025 answers' (story folders hold answers naming notices they do not hold:
    No. 13, No. 22, 5-8号)."""
    return [p for p in store.status(day)["__problems__"] if "QA-2025-" not in p]


def per_notice(store: Store, name: str, day: str) -> dict[str, tuple[Any, ...]]:
    """Per notice, (state, since, until, by, next state, next from) of the one entity ``timeline NAME`` finds as of
    ``day``."""
    found = store.timeline(name, day)
    assert len(found["keys"]) == 1, found["keys"]
    return {e["notice_key"]: (e["state"]["state"], e["state"]["since"], e["state"].get("until"), e["state"].get("by"),
                              e["state"].get("next_state"), e["state"].get("next_from")) for e in found["listings"]}


def row(store: Store, day: str, key: str, entity: str | None = None) -> dict[str, Any]:
    """The status row of notice KEY (of ENTITY's group, when the notice's entities part ways)."""
    rows = store.status(day)
    assert key in rows, (day, key, sorted(rows))
    found = [one for one in rows[key] if entity is None or entity in one["entity_keys"]]
    assert len(found) == 1, (day, key, entity, found)
    return dict(found[0])


def state(store: Store, day: str, key: str, entity: str | None = None) -> tuple[Any, ...]:
    got = row(store, day, key, entity)
    return got["state"], got["since"], got["until"]


def listing(timeline: dict[str, Any], key: str) -> dict[str, Any]:
    found = [entry for entry in timeline["listings"] if entry["notice_key"] == key]
    assert len(found) == 1, (key, [entry["notice_key"] for entry in timeline["listings"]])
    return found[0]


def ids(items: list[dict[str, Any]]) -> set[str]:
    return {item["id"] for item in items}


def item_ids_of(store: Store, day: str, key: str, feed: str = "all") -> set[str]:
    """The ids (tag prefix dropped) of ``feed``'s items as of ``day`` on the listing of notice ``key``."""
    return {i[len(TAG):] for i in ids(store.items(day, feed)) if i.startswith(f"{TAG}{key}/")}


def dated(store: Store, day: str, key: str) -> dict[str, str]:
    """The notice-level items on ``key``'s listing as of ``day`` (entity items aside), id -> day published."""
    return {i["id"][len(TAG):]: i["date_published"][:10] for i in store.items(day, "all")
            if i["id"].startswith(f"{TAG}{key}/") and i["id"][len(TAG):].count("/") == 3}


def packed_timeline(store: Store, name: str, day: str, folder: Path) -> tuple[Path, dict[str, Any]]:
    """An ``evidence`` pack of ``name`` as of ``day`` written into ``folder``, and the timeline it holds (to compare with
    ``timeline``'s own)."""
    pack = folder / f"{day}.zip"
    done = invoke(store.db, "evidence", name, "--out", str(pack), "--as-of", day, env=store.env)
    assert done.exit_code in (0, 1), done.output
    with zipfile.ZipFile(pack) as z:
        (member,) = [m for m in z.namelist() if m.endswith("timeline.json")]
        return pack, dict(json.loads(z.read(member)))


def pooled(into: Path, data: Path, folders: tuple[str, ...]) -> Path:
    """The pages of several story folders of ``data`` in one folder (a page two of them share, once): one store for
    a watchlist across stories whose pages do not cross."""
    pages = into / "pages"
    pages.mkdir()
    for folder in folders:
        for page in (data / folder).iterdir():
            if not (pages / page.name).exists():
                shutil.copy(page, pages / page.name)
    return pages


def watchlist_items(store: Store, names: tuple[str, ...], day: str, folder: Path) -> list[dict[str, Any]]:
    """The items of the watchlist feed that ``feeds --watchlist`` writes as of ``day`` for a CSV of ``names`` (a
    compliance team's counterparties), by a real ``feeds`` run into ``folder``."""
    watch = folder / "watch.csv"
    watch.write_text("name\n" + "".join(f"{name}\n" for name in names), encoding="utf-8")
    out = folder / "out"
    done = invoke(store.db, "feeds", "--out", str(out), "--as-of", day, "--watchlist", str(watch), env=store.env)
    assert done.exit_code in (0, 1), done.output
    return list(json.loads((out / "watchlist.json").read_text(encoding="utf-8"))["items"])


def assert_unique_with_provenance(items: list[dict[str, Any]]) -> None:
    """Every item once, and every one but source health's with a URL and the page's SHA-256 (the guide's provenance)."""
    assert len(items) == len(ids(items))
    for item in items:
        if "source-health" in item["id"]:
            continue
        assert item.get("url"), item["id"]
        assert "sha-256" in item["content_html"].lower() or "sha256" in item["content_html"].lower(), item["id"]


def listings(store: Store, name: str, day: str) -> dict[str, tuple[str, str]]:
    """Per notice, the state and since of the one entity ``timeline NAME`` finds as of ``day``."""
    found = store.timeline(name, day)
    assert len(found["keys"]) == 1, found["keys"]
    return {e["notice_key"]: (e["state"]["state"], e["state"]["since"]) for e in found["listings"]}


NOTICE_FEEDS = ("all", "ecl", "uel", "watch", "countermeasure", "items", "notices")  # pass 3's (checked: _notice_passes)


def notice_feeds_as_of(store: Store, day: str, out: Path) -> Path | None:
    """What ``feeds --out OUT --as-of DAY`` writes of the notice-scope feeds (``all``, each list's, ``notices``) when
    ``day`` is past (before the day the store's events were synced as of) or to come (after ``MOFCOM_WATCH_TODAY``),
    by the product's own code, in-process: the store's id kept (``keep_store_id``, the one write such a command keeps),
    then in one transaction rolled back, as ``publish_preview``'s: the events derived and synced as of ``day`` (no
    correction item for a past day), the publisher's pass 1 (the notice pictures, which the items link to) and pass 3
    (those feeds); not its pass 2 (a feed and a picture per entity: most of a publish's time), nor the news, watchlist
    and source-health feeds. None: ``day`` is the store's own (a recorded publish): ask ``feeds``. ``all.json``: the
    same bytes as the command's (``test_stories_december46``'s
    ``test_the_same_pages_in_another_order_give_the_same_items``, every file of a folder with corrections).

    Was: the whole ``feeds --out --as-of`` for every day a test read ``all`` of (ci54s, session 54)."""
    from datetime import date

    from mofcom_watch.clock import today
    from mofcom_watch.publish import keep_store_id, past_day, publish, store_file
    from storage.db import WRITE_LOCK
    from storage.publishwait import one_publisher, publishing
    from storage.runlock import fence

    as_of = date.fromisoformat(day)
    with pinned_today((store.env or {}).get(TODAY_ENV)):
        engine, sessions, base_url = _opened(store.db, out)
        try:
            preview = as_of > today()
            past = not preview and past_day(sessions, as_of)
            if not (preview or past):
                return None
            keep_store_id(sessions)
            with sessions() as session, session.begin():
                fence(session.connection(execution_options=WRITE_LOCK))
                one_publisher(session.connection())
                with publishing(store_file(session)):
                    publish(session, as_of=as_of, target=None, announce=not past)
                    _notice_passes(session, as_of, out, base_url)
                session.rollback()
        finally:
            engine.dispose()
    return out


@contextlib.contextmanager
def pinned_today(day: str | None) -> Iterator[None]:
    """``MOFCOM_WATCH_TODAY`` = ``day`` (None: unset) while the block runs, as a command's environment."""
    before = os.environ.get(TODAY_ENV)
    if day is None:
        os.environ.pop(TODAY_ENV, None)
    else:
        os.environ[TODAY_ENV] = day
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(TODAY_ENV, None)
        else:
            os.environ[TODAY_ENV] = before


def _opened(db: str, out: Path) -> tuple[Any, Any, str]:
    """The store's engine and sessions, and the base URL ``feeds --out OUT`` links to (the configured one)."""
    from mofcom_watch.config import load_settings
    from mofcom_watch.publish import PublishTarget
    from storage.db import open_existing_store, session_factory

    engine = open_existing_store(db)
    return engine, session_factory(engine), PublishTarget.of(load_settings(db_url=db), out_dir=out).base_url


def _notice_passes(session: Any, as_of: Any, out: Path, base_url: str) -> None:
    """The publisher's passes 1 and 3 (``mofcom_watch.publisher._publish_store``) into ``out``: the notice pictures,
    then ``all``, each list's feed and ``notices`` (the news and health items route to none of them)."""
    from feeds.catalog import in_feed_order, route
    from feeds.formats import RenderContext
    from mofcom_watch.publisher import STREAMED_FIXED, _Run
    from storage.eventheads import event_heads
    from storage.records import EventScope

    assert tuple(s.name for s in STREAMED_FIXED) == NOTICE_FEEDS, STREAMED_FIXED
    run = _Run(session, out, base_url, as_of)
    with run.stage.placing():
        routes = route(in_feed_order(event_heads(session, as_of, (EventScope.NOTICE.value,))))
        run.notice_pictures()
        run.ctx = RenderContext(run.ctx.base_url, frozenset(run.pictures_ok))
        run.notice_feeds(routes, None)
    assert not run.failed, run.failed


def live_notice_feeds(db: str, day: str, out: Path) -> Path:
    """What the live ``feeds --out OUT`` of ``day`` (``MOFCOM_WATCH_TODAY`` = ``day``, no ``--as-of``) writes of the
    notice-scope feeds (``all``, each list's, ``notices``), by the product's own code, in-process: ``publish_recorded``
    with no target (the events derived and synced as of ``day`` in a transaction of its own, under the write lock, the
    held-back sources noted, as the command's publish does), then the publisher's pass 1 (the notice pictures, which
    the items link to) and pass 3 (those feeds) of ``mofcom_watch.publisher._publish_store``; not its pass 2 (a feed and a
    picture per entity: most of a publish's time), the news, watchlist and source-health feeds, nor the publication's
    record (which no later sync reads). ``all.json``: the same bytes as the command's (``test_story_review47``, on every
    day of a whole story). Returns ``out``.

    Was: the whole ``feeds --out`` on every day of every story read day by day, ~0.4 s a day, ``all.json`` alone read
    (ci54s, session 54)."""
    from datetime import date

    from mofcom_watch.publish import publish_recorded

    as_of = date.fromisoformat(day)
    with pinned_today(day):  # as the command's environment (CliRunner's env)
        engine, sessions, base_url = _opened(db, out)
        try:
            publish_recorded(sessions, as_of=as_of, target=None)
            with sessions() as session, session.begin():
                _notice_passes(session, as_of, out, base_url)
        finally:
            engine.dispose()
    return out


def live(tmp_path: Path, data: Path, pages: dict[str, tuple[str, ...]], days: list[str], key: str | None, *,
         against_feeds: bool = False) -> tuple[dict[str, str], dict[str, dict[str, Any]]]:
    """The pages of folder ``data`` fed to one store on the days ``pages`` gives (by file-name prefix), its live
    ``all`` feed on each of ``days`` and each page day (story43's harness, any folder): each new item on ``key`` (but
    corrections) is dated the day it first shows, and an item once in ``all`` stays there or has a correction there.
    The first day each item showed, and the last feed's items (tag prefix dropped). Each day but the last, the notice
    feeds :func:`live_notice_feeds` writes; the last, a real ``feeds --out`` (its whole publish). ``against_feeds``:
    on every day, ``feeds --out`` too (into a folder of its own), its ``all.json`` the same bytes as the cheap one's."""
    db = f"sqlite:///{tmp_path / STORE}"
    seen: dict[str, str] = {}
    held: set[str] = set()
    now: dict[str, dict[str, Any]] = {}
    every = sorted(set(days) | set(pages))
    for iso in every:
        if iso in pages:
            part = tmp_path / f"pages-{iso}"
            shutil.copytree(data, part, ignore=lambda _d, names: [
                n for n in names if not n.startswith(pages[iso]) and not n.endswith(".gov.cn")])
            replayed(tmp_path, part, f"{iso}T10:00:00+00:00", today=iso)
        if iso != every[-1]:
            out = live_notice_feeds(db, iso, tmp_path / "days")
        if iso == every[-1] or against_feeds:
            done = invoke(db, "feeds", "--out", str(tmp_path / "out"), env={TODAY_ENV: iso})
            assert done.exit_code in (0, 1), done.output
            if iso != every[-1]:
                assert (out / "all.json").read_bytes() == (tmp_path / "out" / "all.json").read_bytes(), iso
            out = tmp_path / "out"
        items = json.loads((out / "all.json").read_text(encoding="utf-8"))["items"]
        now = {i["id"][len(TAG):]: i for i in items}
        for iid, item in now.items():
            if iid not in seen:
                seen[iid] = iso
                if iso > min(pages) and key is not None and iid.startswith(key) and "/correction/" not in iid:
                    assert item["date_published"][:10] == iso, (iid, item["date_published"], iso)
        gone = held - set(now)
        assert not [g for g in gone if not any(k.startswith(f"{g}/correction/") for k in now)], gone
        held = set(now)
    return seen, now
