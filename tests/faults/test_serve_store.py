"""`serve` serves the store it is given (issue 9 item 8).

``replay fixtures`` then ``serve`` on the same database used to answer 404 for every feed and an
OPML with no outline: ``serve`` read a feeds folder nothing had written. Real processes: replay,
then serve; every feed the front page links with ``<link rel="alternate">`` answers with an ETag,
304 on a repeat, gzip when asked, and loads in newsboat with every item once (when installed).
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import sqlite3
import subprocess
from html import unescape
from pathlib import Path

import feedparser

from tests.conftest import REPO_ROOT
from tests.faults.serving import serving
from tests.faults.test_readonly_commands import cli

AS_OF = "2026-11-29"
ALTERNATE_RE = re.compile(r'<link rel="alternate" type="application/(?:atom|rss)\+xml"[^>]*href="([^"]+)"')


def newsboat_items(workdir: Path, url: str) -> list[str]:
    workdir.mkdir(parents=True)
    (workdir / "home").mkdir()
    (workdir / "urls").write_text(url + "\n", encoding="utf-8")
    (workdir / "config").write_text("", encoding="utf-8")
    env = {**os.environ, "HOME": str(workdir / "home"), "LANG": "C.UTF-8"}
    proc = subprocess.run(["newsboat", "-u", "urls", "-c", "cache.db", "-C", "config", "-x", "reload"],
                          cwd=workdir, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and "error" not in (proc.stdout + proc.stderr).lower(), proc.stderr
    with sqlite3.connect(workdir / "cache.db") as conn:
        return [row[0] for row in conn.execute("select guid from rss_item")]


def test_replay_then_serve_serves_every_feed_of_that_store(tmp_path):
    db = f"sqlite:///{tmp_path / 'demo.sqlite'}"
    replayed = cli("--db", db, "replay", str(REPO_ROOT / "fixtures"), "--as-of", AS_OF)
    assert replayed.returncode in (0, 1), replayed.stderr
    with serving(db, tmp_path, "--as-of", AS_OF) as served:
        status, _h, page = served.get("/")
        assert status == 200
        feeds = [unescape(href) for href in ALTERNATE_RE.findall(page.decode("utf-8"))]
        assert len(feeds) >= 10 and any(f.endswith("/all.atom") for f in feeds), feeds
        status, _h, opml = served.get("/feeds.opml")
        assert status == 200 and opml.count(b"<outline") >= 10
        total = 0
        for n, url in enumerate(feeds):
            path = url.removeprefix(served.base)
            status, headers, body = served.get(path)
            assert status == 200 and headers.get("etag"), (path, status)
            parsed = feedparser.parse(body)
            assert not parsed.bozo, path
            ids = [e.id for e in parsed.entries]
            assert len(ids) == len(set(ids)), path
            total += len(ids)
            again = served.get(path, {"If-None-Match": headers["etag"]})
            assert again[0] == 304 and again[2] == b"", path
            zipped = served.get(path, {"Accept-Encoding": "gzip"})
            if len(body) >= 500:
                assert zipped[1].get("content-encoding") == "gzip", path
                assert gzip.decompress(zipped[2]) == body, path
            if shutil.which("newsboat"):
                guids = newsboat_items(tmp_path / "nb" / str(n), url)
                assert sorted(guids) == sorted(ids), path  # every item, once
        assert total > 100
        skydio = served.get("/feeds/entity/skydio.atom")
        assert skydio[0] == 200 and b"<entry" in skydio[2]
    assert "Traceback" not in served.stderr


def test_serve_on_an_empty_store_writes_no_empty_feed_over_a_full_one(tmp_path):
    """The feeds folder of a store that holds nothing is left as it is."""
    from storage.db import open_store

    db = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    open_store(db).dispose()
    feeds = tmp_path / "data" / "feeds"
    feeds.mkdir(parents=True)
    (feeds / "all.atom").write_bytes(b"<feed><entry/></feed>")
    # the fixtures' day is today: a past day is served from a folder of its own (ops19), not this one
    with serving(db, tmp_path, "--as-of", AS_OF, env={"MOFCOM_WATCH_TODAY": AS_OF}) as served:
        assert served.get("/feeds/all.atom")[2] == b"<feed><entry/></feed>"


def test_serve_reads_the_store_file_now_at_its_path(replayed, _sqlite_template, tmp_path):
    """A store restored or rebuilt and moved into place (``mv``) while ``serve`` ran: ``serve`` went on reading the
    deleted file for as long as it ran, its pages and ``/healthz`` (200, the last cycle frozen at the old file's) telling
    of a store no longer there. Now its refresher, every 30 s, sees another file at the path: an empty one is a publish
    failure saying so (``/healthz`` 503), the old file's pages still served; a store is read from then on. Real files,
    the refresher and the server's data in process."""
    from datetime import date

    from sqlalchemy import func, select

    from mofcom_watch.publish import PublishTarget
    from mofcom_watch.server.data import StoreData
    from mofcom_watch.server.refresh import FeedRefresher
    from storage.db import open_store
    from storage.models import Notice

    path = tmp_path / "store.sqlite"
    shutil.copyfile(replayed, path)
    engine = open_store(f"sqlite:///{path}")
    data = StoreData(engine)

    def notices() -> int:
        with data._sessions() as session:
            return session.scalar(select(func.count()).select_from(Notice)) or 0

    def put(source: Path | None) -> None:  # as `mv` does: another file (inode) at the path
        new = tmp_path / "new.sqlite"
        new.write_bytes(source.read_bytes() if source is not None else b"")
        for side in ("-wal", "-shm"):
            Path(f"{path}{side}").unlink(missing_ok=True)
        os.replace(new, path)

    try:
        refresher = FeedRefresher(engine, PublishTarget(tmp_path / "feeds", "http://127.0.0.1:8080/feeds/"),
                                  lambda: date.fromisoformat(AS_OF), live=True)
        held = notices()
        assert held > 0
        put(None)  # an empty file: a restore cut short
        assert refresher.refresh() is False and notices() == held  # the old file's pages, said to be failing
        assert "holds no mofcom-watch store (an empty file" in (refresher.problem() or "")
        put(_sqlite_template)  # a store moved in beside the -wal of the file before it (cli31: read with it, and
        old_wal = Path(f"{path}-wal")  # serve's stop wrote it in: the restored store damaged for good)
        old_wal.write_bytes(b"\0" * 8272)
        then = path.stat().st_ctime_ns - 10**9
        os.utime(old_wal, ns=(then, then))
        assert refresher.refresh() is False and notices() == held
        assert "store.sqlite-wal of the file before it lies beside it (8272 bytes)" in (refresher.problem() or "")
        put(_sqlite_template)  # a store (this one holds no notice yet: a rebuild just begun)
        refresher.refresh()
        assert refresher.problem() is None and notices() == 0  # read from the new file
    finally:
        engine.dispose()



def test_serve_links_an_empty_stores_feeds_to_its_new_public_url_and_says_a_mark_it_could_not_write(
        _sqlite_template, tmp_path):
    """ops31: a store with nothing in it yet (a first deployment whose cycles never got an answer), its empty feeds
    published with one base URL, then ``serve`` started with another ``public_base_url``: nothing was published (an
    empty store never is), so the feeds' self links kept the old host until the first item. Now such feeds, which
    hold no item, are published again linking to the new address; feeds holding items are never replaced by an
    empty store's.

    ops31 too: on a full disk the refresher logged "could not publish the store's feeds … No space left" every 30 s
    and ``/healthz`` said so, while the publish had worked (its log: ok); only the write of its mark of what was
    published (``.store-state``) had failed. Now the line says that. Real files, the refresher in process; the mark
    made unwritable by a folder in its place."""
    from datetime import date

    from mofcom_watch.publish import PublishTarget, publish_recorded
    from mofcom_watch.server.refresh import MARKER, FeedRefresher
    from storage.db import open_store, session_factory

    path = tmp_path / "store.sqlite"
    shutil.copyfile(_sqlite_template, path)
    engine = open_store(f"sqlite:///{path}")
    folder, day = tmp_path / "feeds", date.fromisoformat(AS_OF)
    try:
        publish_recorded(session_factory(engine), as_of=day, derive_events=False, guard=False,
                         target=PublishTarget(folder, "http://old.example/feeds/"))
        assert b'href="http://old.example/feeds/all.atom"' in (folder / "all.atom").read_bytes()
        (folder / MARKER).mkdir()  # the mark cannot be written; every feed can
        refresher = FeedRefresher(engine, PublishTarget(folder, "https://feeds.example.org/feeds/"), lambda: day,
                                  live=True)
        assert refresher.refresh() is True and refresher.last_published is not None
        atom = (folder / "all.atom").read_bytes()
        assert b'href="https://feeds.example.org/feeds/all.atom"' in atom and b"old.example" not in atom
        said = refresher.problem() or ""
        assert said.startswith(f"the store's feeds in {folder} were published, but could not write its mark "
                               f"{folder / MARKER} (IsADirectoryError"), said
        assert "could not publish" not in said and "published again at every check" in said
        (folder / MARKER).rmdir()
        assert refresher.refresh() is False and refresher.problem() is None  # its feeds link here now: as left
        full = b'<feed><link rel="self" href="http://old.example/feeds/all.atom"/><entry/></feed>'
        (folder / "all.atom").write_bytes(full)  # a folder holding items: never blanked by an empty store
        assert refresher.refresh() is False and (folder / "all.atom").read_bytes() == full
    finally:
        engine.dispose()
