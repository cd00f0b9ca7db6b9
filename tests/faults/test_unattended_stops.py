"""Stops and bad inputs an unattended service meets (session 17's ops audit, /work/audit17-ops17): real processes,
a real SQLite file, the sites over real HTTP.

- SIGTERM to ``run`` mid-crawl (``docker stop``, a CronJob's deadline): it used to die without a word (exit -15)
  and leave its run lock, which a run in another container waits for until the heartbeat is stale (5 minutes); and
  (session 32) to wait for each fetch in flight, a page the site held keeping it for its read timeout.
"""

from __future__ import annotations

import signal
import subprocess
import time
from datetime import date

from tests.conftest import copy_of
from tests.faults.harness import AS_OF, FIXTURES, cli, cli_env, command, feeds_args, lock_holder, run_args, until
from tests.faults.test_unattended_ops import FailingSite, base_urls_env
from tests.site_server import HeldSite, SiteServer

STOP_SECONDS = 10  # docker stop's default before its SIGKILL (each held page: a 30 s read timeout)


def test_sigterm_stops_a_run_in_one_line_and_releases_its_lock(tmp_path):
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    with HeldSite(FIXTURES, hold_after=3) as site:  # from the fourth request on, every answer is held
        args = run_args(site.url, tmp_path / "feeds")
        proc = subprocess.Popen(command(db, *args), env=base_urls_env(site.url, MOFCOM_WATCH_TIMEOUT="30"), text=True,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            assert until(lambda: lock_holder(db) is not None and site.held > 0, 60)
            proc.send_signal(signal.SIGTERM)
            t0 = time.monotonic()
            _, err = proc.communicate(timeout=120)
            seconds = time.monotonic() - t0
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        assert proc.returncode == 143, err
        assert err.strip() == "mofcom-watch run: stopped by SIGTERM", err
        assert seconds < STOP_SECONDS, seconds  # the fetches in flight ended with it (was: each waited out)
    assert lock_holder(db) is None  # released: the next run, wherever it runs, need not wait for it


def test_a_watchlist_that_cannot_be_read_fails_its_own_feed_not_every_feed(tmp_path):
    """Was: the configured watchlist file moved or mistyped: ``run`` crawled, then published nothing at all (exit 2,
    ``error: cannot read watchlist``), every run until someone noticed. Now the other feeds are published, the
    watchlist feed keeps its last files, a health issue and the run's last line say why (exit 2: input to fix)."""
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    feeds, watchlist = tmp_path / "feeds", tmp_path / "counterparties.csv"
    with SiteServer(FIXTURES) as site:
        args = (*run_args(site.url, feeds), "--source", "mofcom-qa", "--source", "mofcom-policy")  # (no reference unresolved)
        watchlist.write_text("name\nSkydio\n", encoding="utf-8")
        env = base_urls_env(site.url, MOFCOM_WATCH_WATCHLIST=str(watchlist))
        first = cli(db, *args, env=env)
        assert first.code == 0, first.err
        kept = (feeds / "watchlist.atom").read_bytes()
        watchlist.unlink()
        (feeds / "all.atom").unlink()  # this run must write it again
        broken = cli(db, *args, env=env)
    assert broken.code == 2, broken.err
    assert broken.err.startswith(f"mofcom-watch run: cannot read watchlist {watchlist}: "), broken.err
    assert f"feed watchlist could not be built (WatchlistError: cannot read watchlist {watchlist}" in broken.out
    assert b"<entry" in (feeds / "all.atom").read_bytes()
    assert (feeds / "watchlist.atom").read_bytes() == kept
    assert b"could not be built" in (feeds / "source-health.atom").read_bytes()


def test_a_damaged_sqlite_file_is_a_resource_fault_not_a_bug(replayed, tmp_path):
    """Was: a store whose pages were damaged (a disk fault, a copy cut short, a backup restored badly) made ``run``
    and ``feeds`` say ``internal error: DatabaseError: database disk image is malformed ... please report it``
    (exit 4, "a bug"), or, damaged at its start, ``cannot open database`` (exit 2, "usage"). It is the store: one
    line saying what to do, exit 3, as for a full disk."""
    db = copy_of(replayed, tmp_path / "store.sqlite")
    path = tmp_path / "store.sqlite"
    size = path.stat().st_size
    with path.open("r+b") as fh:  # the last two thirds of the file scribbled over
        fh.seek(size // 3)
        fh.write(b"\x5a" * (size - size // 3))
    for args in (("feeds", "--out", str(tmp_path / "feeds"), "--as-of", AS_OF), ("status", "--as-of", AS_OF)):
        done = cli(db, *args)
        assert done.code == 3, done.err
        assert "store.sqlite is damaged (" in done.first_line, done.err  # (read-only commands: PRAGMA quick_check)
        assert "internal error" not in done.err


def test_serve_publishes_again_when_another_writer_left_links_to_another_port(replayed, tmp_path):
    """Was: ``serve`` on port P and a cron ``run`` (default port 8080, no public_base_url) on one feeds folder: the run
    rewrote every feed with self links to :8080, where nothing listens, and ``serve`` kept serving them (its store
    had not changed, so it did not publish) until the next new item. Now serve's refresh sees the folder's feeds
    link elsewhere and publishes its own again. The other writer is a real ``feeds`` process; the refresh is serve's
    (in-process: serve checks every 30 s)."""
    from mofcom_watch.publish import PublishTarget
    from mofcom_watch.server.refresh import FeedRefresher
    from storage.db import open_store

    db = copy_of(replayed, tmp_path / "store.sqlite")
    feeds, served = tmp_path / "feeds", "http://127.0.0.1:18417/feeds/"
    engine = open_store(db)
    try:
        refresher = FeedRefresher(engine, PublishTarget(feeds, served), lambda: date.fromisoformat(AS_OF))
        assert refresher.refresh()
        other = cli(db, "feeds", "--out", str(feeds), "--base-url", "http://127.0.0.1:8080/feeds/", "--as-of", AS_OF)
        assert other.code in (0, 1), other.err
        assert b'href="http://127.0.0.1:8080/feeds/all.atom" rel="self"' in (feeds / "all.atom").read_bytes()
        assert refresher.refresh()
    finally:
        engine.dispose()
    assert f'href="{served}all.atom" rel="self"'.encode() in (feeds / "all.atom").read_bytes()
    assert not refresher.refresh()  # and no more than that: the folder is its own again
    # A feed file deleted (by hand, by a cleaner of old files): written again at the next check, the store unchanged.
    # Was: 404 for its readers, /healthz 200, until the store changed (ops27 P1).
    kept = (feeds / "all.rss").read_bytes()
    (feeds / "all.rss").unlink()
    assert refresher.refresh() and (feeds / "all.rss").read_bytes() == kept
    assert not refresher.refresh()
    (feeds / "all.rss").unlink()
    (feeds / "all.rss").mkdir()  # it cannot be written (root ignores a read-only folder): /healthz fails ...
    assert not refresher.refresh() and refresher.problem() is not None
    (feeds / "all.rss").rmdir()  # ... until the next check after it can be (was: the marker matched, no retry)
    assert refresher.refresh() and refresher.problem() is None and (feeds / "all.rss").read_bytes() == kept


def test_a_mistyped_variable_in_the_environment_is_said_not_ignored(tmp_path):
    """Was: ``MOFCOM_WATCH_FEED_DIR=/srv/feeds`` in a container or crontab was ignored without a word (a typo in the
    TOML file is exit 2), so the feeds went on into data/feeds, where no reader looked. Now every command says so
    on stderr, naming the variable meant; it goes on (a variable left from another version must not stop cron)."""
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    done = cli(db, "config", env=cli_env(MOFCOM_WATCH_FEED_DIR=str(tmp_path / "feeds"),
                                         MOFCOM_WATCH_DATABASE_URL=db))
    assert done.code == 0, done.err
    assert done.err.splitlines() == [
        "mofcom-watch: warning: MOFCOM_WATCH_DATABASE_URL is not a setting and is ignored (did you mean MOFCOM_WATCH_DB?)",
        "mofcom-watch: warning: MOFCOM_WATCH_FEED_DIR is not a setting and is ignored (did you mean "
        "MOFCOM_WATCH_FEEDS_DIR?)"]


def test_a_mistyped_host_in_base_urls_is_a_usage_error_not_a_source_never_fetched(tmp_path):
    """Was: ``aqygzj.mofcom.gov=…`` for ``aqygzj.mofcom.gov.cn`` in ``[base_urls]`` or ``MOFCOM_WATCH_BASE_URLS``: every
    ``run`` exited 0 with the unreliable entity list's source "skipped" in a table cell (a source whose host has no
    base URL is not fetched), ``status`` and ``/healthz`` green, its notices never fetched again. Now ``run``,
    ``schedule`` and ``serve --schedule`` say so in one line and exit 2 before anything is opened or fetched."""
    data = tmp_path / "data"
    env = cli_env(MOFCOM_WATCH_DATA_DIR=str(data), MOFCOM_WATCH_BASE_URLS=(
        "www.mofcom.gov.cn=http://127.0.0.1:9/a,aqygzj.mofcom.gov=http://127.0.0.1:9/b"))
    for args in (("run", "--no-progress"), ("schedule",)):  # (serve --schedule: the same check as schedule's)
        done = cli(f"sqlite:///{data / 'store.sqlite'}", *args, env=env, timeout=60)
        assert done.code == 2, (args, done.err)
        assert done.first_line.startswith(f"mofcom-watch {args[0]}: "
                                          "base_urls names aqygzj.mofcom.gov, which no source fetches from"), done.err
        assert "aqygzj.mofcom.gov.cn" in done.err and len(done.err.strip().splitlines()) == 1, done.err
    # a mistyped source name: schedule (and serve --schedule, the same check) started, and every cycle failed in the
    # log only ("cycle failed … unknown source(s)"); run already said so (ops26)
    typo = cli(f"sqlite:///{data / 'store.sqlite'}", "schedule", env=cli_env(MOFCOM_WATCH_DATA_DIR=str(data),
                                                                            MOFCOM_WATCH_SOURCES="mofcom-polcy"),
               timeout=60)
    assert typo.code == 2 and typo.first_line.startswith("mofcom-watch schedule: unknown source(s) mofcom-polcy"), typo.err
    assert not data.exists()


def test_a_file_size_limit_on_the_feeds_is_a_resource_fault(replayed, tmp_path):
    """Was: ``feeds`` under a file size limit (``ulimit -f`` in a cron wrapper, a quota as EFBIG): ``cannot write
    feeds to DIR: File too large``, exit 2 ("usage"). It is the folder's resource: exit 3, as for a full disk."""
    import resource

    db = copy_of(replayed, tmp_path / "store.sqlite")
    limit = 40 * 1024  # the store is read, never grown; some feed files are larger
    proc = subprocess.run(command(db, "feeds", "--out", str(tmp_path / "feeds"), "--as-of", AS_OF), env=cli_env(),
                          capture_output=True, text=True, timeout=300,
                          preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit)))
    assert proc.returncode == 3, proc.stderr
    assert proc.stderr.startswith(f"mofcom-watch feeds: cannot write the feeds in {tmp_path / 'feeds'}: a file would "
                                  "pass the file size limit"), proc.stderr


def test_a_run_on_an_empty_store_while_the_site_is_down_leaves_the_feeds_as_they_are(replayed, tmp_path):
    """Was: ``run`` with a mistyped ``--db`` (or a volume not mounted: a new, empty store) while the sites answered
    500: it published the empty feeds of that store over the folder readers follow (all.atom: 0 items), exit 1, as
    ``feeds`` refuses to without --allow-empty. Now nothing is written, the failed publish is logged, exit 2."""
    feeds = tmp_path / "feeds"
    made = cli(copy_of(replayed, tmp_path / "store.sqlite"), "feeds", "--out", str(feeds), "--as-of", AS_OF)
    assert made.code in (0, 1), made.err
    before = (feeds / "all.atom").read_bytes()
    typo = f"sqlite:///{tmp_path / 'typo.sqlite'}"
    with FailingSite(FIXTURES) as site:
        site.down = True
        done = cli(typo, *run_args(site.url, feeds), "--source", "mofcom-qa")
    assert done.code == 2, done.err
    assert done.err.startswith(f"mofcom-watch run: the store {typo} holds no notices: publishing would replace "), done.err
    assert (feeds / "all.atom").read_bytes() == before
    status = cli(typo, "status", "--as-of", AS_OF)
    assert status.code == 1 and "LAST PUBLISH FAILED" in status.out, status.out


def test_a_store_holding_only_health_items_publishes_them_again(tmp_path):
    """Was (order38): a store holding no notice, only source-health items (a new deployment whose first pages were
    unusable: here a spokesperson's answer a person must read, stories-mfa20/answer), published them once; then every
    later ``feeds`` and ``run`` refused, exit 2, "holds no notices: writing would replace 1 feed file(s) ... (e.g.
    source-health.atom) with empty ones" (false: the store writes its health items again), later health items
    unpublished. A folder this store marked whose items are all source-health items is no other store's to keep;
    another empty store is still refused (and the test above)."""
    db, feeds = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    tree = FIXTURES.parent / "tests" / "data" / "stories-mfa20" / "answer"
    done = cli(db, "replay", str(tree), "--fetched-at", "2026-11-29T00:00:00+00:00", "--as-of", AS_OF)
    assert done.code == 1, done.err  # the unusable page
    for _ in range(2):
        done = cli(db, "feeds", "--out", str(feeds), "--as-of", AS_OF)
        assert done.code == 1, done.err
        assert b"<entry" in (feeds / "source-health.atom").read_bytes()
    with FailingSite(FIXTURES) as site:
        site.down = True
        done = cli(db, *run_args(site.url, feeds), "--source", "mofcom-qa")
    assert done.code == 1, done.err
    assert "holds no notices" not in done.err, done.err
    assert "LAST PUBLISH FAILED" not in cli(db, "status", "--as-of", AS_OF).out
    assert b"<entry" in (feeds / "source-health.atom").read_bytes()
    other = f"sqlite:///{tmp_path / 'other.sqlite'}"  # the same health items, but another store's: refused as before
    assert cli(other, "replay", str(tree), "--fetched-at", "2026-11-29T00:00:00+00:00", "--as-of", AS_OF).code == 1
    done = cli(other, "feeds", "--out", str(feeds), "--as-of", AS_OF)
    assert done.code == 2 and "holds no notices" in done.err, done.err


def test_a_run_of_another_store_leaves_a_feeds_folder_it_did_not_write(replayed, tmp_path):
    """Was: a second store publishing into the same feeds folder (a cron ``run`` with another volume or
    ``MOFCOM_WATCH_DB``, a test store, sharing the feeds volume) replaced every feed with its own: all.atom went from
    48 items to 3, exit 0, both stores' ``status`` green, until the first store's next run wrote them back (ops26).
    Now a run whose store holds neither the notices nor the items of the folder's ``all.atom`` writes nothing: one
    line, exit 2, a failed publish for ``status``; ``serve`` leaves the folder too and ``/healthz`` says why. A store
    that holds them (the same store, or one rebuilt by a crawl) publishes as before."""
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    other = b"<feed><entry><id>tag:mofcom-watch,2025:MOFCOM-2031-99/imposed/items/2031-01-02</id></entry></feed>"
    (feeds / "all.atom").write_bytes(other)  # written by another store: a notice this one never held
    url = copy_of(replayed, tmp_path / "store.sqlite")
    done = cli(url, "run", "--no-progress", "--source", "aqygzj", "--out", str(feeds),  # (the site down: no matter)
               "--base-url", "aqygzj.mofcom.gov.cn=http://127.0.0.1:9/aqygzj.mofcom.gov.cn", timeout=120)
    assert done.code == 2 and (feeds / "all.atom").read_bytes() == other and len(list(feeds.iterdir())) == 1, done.err
    assert done.first_line.startswith(f"mofcom-watch run: the feeds in {feeds} carry 1 item(s) of notices the store "), done.err
    assert "(e.g. MOFCOM-2031-99/imposed/items/2031-01-02): another store publishes into this folder" in done.err
    from mofcom_watch.publish import PublishTarget, foreign_feeds
    from storage.db import open_store, session_factory

    engine = open_store(url)
    try:
        sf = session_factory(engine)
        target = PublishTarget(feeds, "http://127.0.0.1:8080/feeds/")
        (feeds / "all.atom").write_bytes(other.replace(b"MOFCOM-2031-99", b"MOFCOM-2024-46"))  # a notice it holds
        assert foreign_feeds(sf, target, url, "r") is None
        # A run passes the folder it reads (issue 11: the check is skipped when the files are those this store's last
        # publish left, by the publish mark): a mark of the folder as it is now answers None without reading all.atom;
        # another store's file written after that mark is seen all the same.
        from datetime import UTC, datetime

        from feeds.folder import FolderScan
        from mofcom_watch.publish import FEED_SUFFIXES
        from storage.publications import PublishMark, record_publication

        (feeds / "all.atom").write_bytes(other)
        left = FolderScan.of(feeds, FEED_SUFFIXES).digest
        with sf() as session, session.begin():
            now = datetime.now(UTC)
            record_publication(session, target=str(feeds), started_at=now, finished_at=now, ok=True,
                               mark=PublishMark("inputs", left, 1, 0, 1, None, ()))
        assert foreign_feeds(sf, target, url, "r", folder=FolderScan.start(feeds, FEED_SUFFIXES)) is None
        (feeds / "all.atom").write_bytes(other + b"\n")  # another store's publish since that mark
        assert "another store publishes into this folder" in (
            foreign_feeds(sf, target, url, "r", record=False, folder=FolderScan.start(feeds, FEED_SUFFIXES)) or "")
        from mofcom_watch import clock
        from mofcom_watch.server.refresh import FeedRefresher  # serve publishing that store: the same check

        (feeds / "all.atom").write_bytes(other)
        refresher = FeedRefresher(engine, target, clock.today, live=True)  # (the run synced the store as of today)
        assert refresher.refresh(force=True) is False and (feeds / "all.atom").read_bytes() == other
        assert "another store publishes into this folder" in (refresher.problem() or ""), refresher.problem()
    finally:
        engine.dispose()


def test_feeds_leaves_a_folder_another_store_publishes_into_unless_told_to_take_it_over(replayed, tmp_path):
    """Was: ``feeds`` of a second store (a test store, a ``--db`` mix-up holding a few notices) into a folder another
    store publishes into replaced every feed there, exit 0, while ``run`` and ``serve`` refused it (ops26's owner
    question 1). Now it refuses as ``run`` does: one line, exit 2, the folder byte for byte. ``--take-over`` is the way
    out for a store meant to replace the other; after it, the folder is this store's and a plain ``feeds`` (or
    ``run``) publishes there again with no flag."""
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    other = b"<feed><entry><id>tag:mofcom-watch,2025:MOFCOM-2031-99/imposed/items/2031-01-02</id></entry></feed>"
    (feeds / "all.atom").write_bytes(other)  # another store's: a notice this one never held
    url = copy_of(replayed, tmp_path / "store.sqlite")
    refused = cli(url, *feeds_args(feeds))
    assert refused.code == 2 and (feeds / "all.atom").read_bytes() == other and len(list(feeds.iterdir())) == 1
    assert len(refused.err.strip().splitlines()) == 1 and refused.out == "", refused.err
    assert refused.first_line.startswith(f"mofcom-watch feeds: the feeds in {feeds} carry 1 item(s) of notices "), refused.err
    assert "another store publishes into this folder" in refused.err and "`mofcom-watch feeds --take-over`" in refused.err
    taken = cli(url, *feeds_args(feeds), "--take-over")
    assert taken.code in (0, 1) and b"MOFCOM-2031-99" not in (feeds / "all.atom").read_bytes(), taken.err
    from mofcom_watch.publish import PublishTarget, foreign_feeds  # the folder is this store's now: no flag needed
    from storage.db import open_store, session_factory

    engine = open_store(url)
    try:
        for folder in (feeds, tmp_path / "empty", tmp_path / "fresh"):  # taken over; an empty folder; none yet
            (tmp_path / "empty").mkdir(exist_ok=True)
            assert foreign_feeds(session_factory(engine), PublishTarget(folder, "http://127.0.0.1:8080/feeds/"), url,
                                 None, record=False) is None, folder
    finally:
        engine.dispose()
    # A second store holding the same notices (the same fixtures replayed): its items cannot tell it apart, the
    # folder's mark (the id of the store that took it over) does. Was: it published there unnoticed.
    from mofcom_watch.publish import STORE_MARK

    twin = copy_of(replayed, tmp_path / "twin.sqlite")
    before = {p: p.read_bytes() for p in feeds.rglob("*") if p.is_file()}
    refused = cli(twin, *feeds_args(feeds))
    assert refused.code == 2 and {p: p.read_bytes() for p in feeds.rglob("*") if p.is_file()} == before, refused.err
    assert refused.first_line.startswith(f"mofcom-watch feeds: the feeds in {feeds} were published by another store "
                                         f"than {twin} (the folder's {STORE_MARK} names store "), refused.err
    assert "another store publishes into this folder" in refused.err and "--take-over" in refused.err


def test_the_folders_mark_tells_two_stores_of_the_same_notices_apart(replayed, tmp_path):
    """The mark (``publish.STORE_MARK``) names the store that last published into a folder: the same store publishes
    there, another one (here: the same fixtures replayed, the same notices) is refused; a folder with no mark (written
    by a version before the mark) is judged by its items as before, and marked by the next publish."""
    from mofcom_watch.publish import STORE_MARK, PublishTarget, foreign_feeds, mark_folder
    from storage.db import open_store, session_factory
    from storage.identity import ensure_store_id

    feeds = tmp_path / "feeds"
    feeds.mkdir()
    (feeds / "all.atom").write_bytes(  # an item of a notice both stores hold
        b"<feed><entry><id>tag:mofcom-watch,2025:MOFCOM-2024-46/imposed/items/2024-12-03</id></entry></feed>")
    target = PublishTarget(feeds, "http://127.0.0.1:8080/feeds/")
    engines = [open_store(copy_of(replayed, tmp_path / f"{name}.sqlite")) for name in ("first", "second")]
    try:
        first, second = (session_factory(e) for e in engines)
        assert foreign_feeds(first, target, "first", None, record=False) is None  # no mark: the items, as before
        assert foreign_feeds(second, target, "second", None, record=False) is None
        with first() as session, session.begin():
            ours = ensure_store_id(session)
        mark_folder(feeds, ours)  # what the first store's publish leaves
        assert (feeds / STORE_MARK).read_text() == f"{ours}\n"
        assert foreign_feeds(first, target, "first", None, record=False) is None
        why = foreign_feeds(second, target, "second", None, record=False) or ""
        assert why.startswith(f"the feeds in {feeds} were published by another store than second (the folder's "
                              f"{STORE_MARK} names store {ours}; this one is a store that has not published yet)"), why
        with second() as session, session.begin():
            theirs = ensure_store_id(session)
        assert theirs != ours and f"this one is {theirs})" in (foreign_feeds(second, target, "second", None) or "")
        (feeds / STORE_MARK).write_text("not an id!\n")  # a mark that cannot be read as one: the items judge
        assert foreign_feeds(second, target, "second", None, record=False) is None
    finally:
        for engine in engines:
            engine.dispose()



def test_a_store_restored_into_a_folder_of_its_own_id_is_not_said_to_be_another_store(replayed, tmp_path):
    """image33 (the container): a store restored from a backup older than a notice, its feeds folder marked with its
    own id and carrying that notice's items. ``serve``'s publish at start, before its cycle read the page again, said
    "another store publishes into this folder" (for 30 s, in ``/healthz`` and the log) and offered ``--take-over`` to
    replace "the other": there was none. Now the check names what a folder of its own id means (a copy of this store,
    or this store restored from an older backup); a folder of another store's id is said as before (tests above)."""
    from mofcom_watch import clock
    from mofcom_watch.publish import PublishTarget, foreign_feeds, mark_folder
    from mofcom_watch.server.refresh import FeedRefresher
    from storage.db import open_store, session_factory
    from storage.identity import ensure_store_id

    url, feeds = copy_of(replayed, tmp_path / "store.sqlite"), tmp_path / "feeds"
    feeds.mkdir()
    later = b"<entry><id>tag:mofcom-watch,2025:MOFCOM-2031-99/imposed/ecl/2031-01-02</id></entry>"  # read after the backup
    own = b"<entry><id>tag:mofcom-watch,2025:UEL-2025-7/imposed/uel/2025-04-04</id></entry>"
    (feeds / "all.atom").write_bytes(b"<feed>" + later + own + b"</feed>")
    engine = open_store(url)
    try:
        sf, target = session_factory(engine), PublishTarget(feeds, "http://127.0.0.1:8080/feeds/")
        with sf() as session, session.begin():
            mark_folder(feeds, ensure_store_id(session))  # the folder the store published into before its restore
        why = foreign_feeds(sf, target, "restored", None, record=False) or ""
        assert why.startswith(f"the feeds in {feeds} carry 1 item(s) of notices the store restored does not hold (e.g. "
                              "MOFCOM-2031-99/imposed/ecl/2031-01-02), though the folder is marked with its id: "), why
        assert "restored from a backup older than those items" in why and "--take-over" in why, why
        assert "another store" not in why, why
        before = (feeds / "all.atom").read_bytes()
        refresher = FeedRefresher(engine, target, clock.today, live=True)  # serve at start: the same words
        assert refresher.refresh(force=True) is False and (feeds / "all.atom").read_bytes() == before
        problem = refresher.problem() or ""
        assert "restored from a backup older than those items" in problem and "another store" not in problem, problem
    finally:
        engine.dispose()


def test_a_copy_of_the_store_publishing_into_its_folder_is_refused_not_taken_back(replayed, tmp_path):
    """order30 C1: a copy of a store keeps its id (``cp`` of the file, a backup restored on a second host); the copy
    read a page the original had not and published its items; the original's next publish took them back, exit 0,
    no correction, no failed publish (the folder's mark named its id, and the items' notices were ones it holds).
    Now a publish into a folder of its id that someone wrote since its own last publish there, holding items it never
    had, writes nothing (exit 2, a failed publish for ``status``); a folder holding only its items (a file deleted by
    a cleaner, a restored store that read the pages again: judged after the sync) is published as before; ``--take-over``
    is the word that it may replace them (the test above)."""
    from mofcom_watch.publish import PublishTarget, mark_folder, taken_back
    from storage.db import open_store, session_factory
    from storage.identity import ensure_store_id
    from storage.publications import last_publication

    url, feeds = copy_of(replayed, tmp_path / "store.sqlite"), tmp_path / "feeds"
    feeds.mkdir()
    own = b"<entry><id>tag:mofcom-watch,2025:UEL-2025-7/imposed/uel/2025-04-04</id></entry>"
    copy = b"<entry><id>tag:mofcom-watch,2025:UEL-2025-7/suspension_extended/uel/2031-01-02</id></entry>"
    engine = open_store(url)
    try:
        sf, target = session_factory(engine), PublishTarget(feeds, "http://127.0.0.1:8080/feeds/")
        with sf() as session, session.begin():
            mark_folder(feeds, ensure_store_id(session))  # the folder is this store's (or its copy's: the same id)
        (feeds / "all.atom").write_bytes(b"<feed>" + own + b"</feed>")  # its own items only: published as before
        with sf() as session:
            assert taken_back(session, target) is None
        (feeds / "all.atom").write_bytes(b"<feed>" + copy + own + b"</feed>")  # and an item of a notice it holds, which
        before = {p: p.read_bytes() for p in feeds.rglob("*") if p.is_file()}  # only the copy has (that Q&A read)
        refused = cli(url, *feeds_args(feeds))
        assert refused.code == 2 and {p: p.read_bytes() for p in feeds.rglob("*") if p.is_file()} == before, refused.err
        assert refused.first_line.startswith(f"mofcom-watch feeds: the feeds in {feeds} carry 1 item(s) this store "
                                             "never had (e.g. UEL-2025-7/suspension_extended/uel/2031-01-02)"), refused.err
        assert "`mofcom-watch feeds --take-over`" in refused.err
        with sf() as session:
            failed = last_publication(session, folder=feeds)
            assert failed is not None and not failed.ok and "never had" in (failed.error or "")
    finally:
        engine.dispose()
