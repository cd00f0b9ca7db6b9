"""The run lock between containers, with real processes: each run in its own PID namespace (PID 1, as
``docker run --rm … run`` starts it) and UTS namespace (its own host name, or a shared one as with
``--hostname``), made with ``unshare -u -p --mount-proc`` (root only: skipped elsewhere; the rules are
unit-tested with recorded namespace fields in tests/storage/test_runlock.py).

- A run killed in one container leaves its lock: the next container's run waits for the dead holder's
  heartbeat to go stale (MOFCOM_WATCH_LOCK_STALE: minutes in production, 2 s here), not 2 hours.
- Two overlapping runs in two containers with one host name, both PID 1: the second never judges the first
  dead by its pid (another namespace's pid means nothing here). It waits and gives up (exit 3), the first
  finishes and publishes. The first's fetches wait in the site longer than the stale limit: only the heartbeat
  thread keeps its lock fresh (the cycle itself writes nothing while its fetches wait).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from storage.publishwait import publisher
from tests.faults.harness import (
    FIXTURES,
    HOSTS,
    ROOT,
    Done,
    cli,
    cli_env,
    command,
    feeds_args,
    finish,
    lock_holder,
    replay_args,
    run_args,
    spawn,
    until,
    write_locked,
)
from tests.faults.test_unattended_ops import base_urls_env
from tests.site_server import HeldSite, SiteServer

FAST_LOCK = {"MOFCOM_WATCH_LOCK_HEARTBEAT": "0.2", "MOFCOM_WATCH_LOCK_STALE": "2"}


def _unshare_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    try:
        done = subprocess.run(["unshare", "-u", "-p", "--kill-child", "--mount-proc", "sh", "-c", "hostname probe"],
                              capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


pytestmark = pytest.mark.skipif(not _unshare_works(), reason="needs unshare -u -p --mount-proc (root)")


# a container's own /dev/shm, as docker gives one: libfaketime's wrapper names its semaphore by its pid, and as PID 1
# of every container it took /dev/shm/sem.faketime_sem_1 on the host: two CI runs at once failed ("faketime: sem_open:
# File exists"), and one killed there would have failed the test on that machine for good
OWN_SHM = "mount -t tmpfs -o size=16m,mode=1777 shm /dev/shm"


def in_container(hostname: str, argv: list[str]) -> list[str]:
    """``argv`` as PID 1 of new PID and UTS namespaces named ``hostname``, with a /dev/shm of its own; killed with
    its unshare parent."""
    return ["unshare", "-u", "-p", "--kill-child", "--mount-proc", "sh", "-c",
            f'{OWN_SHM} && hostname {hostname} && exec "$@"', "sh", *argv]


def test_a_container_has_a_dev_shm_of_its_own(tmp_path):
    name = f"mofcom-watch-test-{os.getpid()}-{time.monotonic_ns()}"
    done = subprocess.run(in_container("ctr-shm", ["sh", "-c", f"touch /dev/shm/{name} && ls /dev/shm"]),
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 0 and name in done.stdout, done.stdout + done.stderr
    assert not os.path.exists(f"/dev/shm/{name}")


def container_run(hostname: str, db: str, args: tuple[str, ...], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(in_container(hostname, command(db, *args)), cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_a_run_killed_in_its_container_blocks_the_next_container_only_until_its_heartbeat_is_stale(tmp_path):
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    feeds = tmp_path / "feeds"
    with HeldSite(FIXTURES, hold_after=2) as site:  # the first run's requests wait in the site after its second page
        env = base_urls_env(site.url, **FAST_LOCK)
        first = container_run("ctr-aaaa", db, run_args(site.url, feeds), env)
        assert until(lambda: lock_holder(db) is not None and site.held > 0, 60)  # mid-crawl, holding the lock
        first.kill()  # unshare --kill-child: its PID 1 (the run) dies with it, as in `docker kill`
        first.communicate()
        site.go.set()  # the next run's pages are answered at once
        held = lock_holder(db)
        assert held is not None and held.startswith("ctr-aaaa:1:"), held  # left behind: no `finally` ran
        t0 = time.monotonic()
        nxt = finish(container_run("ctr-bbbb", db, run_args(site.url, feeds),
                                   {**env, "MOFCOM_WATCH_LOCK_WAIT": "60"}), timeout=180)
        waited = time.monotonic() - t0
    assert nxt.code in (0, 1), nxt.out + nxt.err
    # it waited for the dead holder's heartbeat to go stale (or, should the kernel give its PID namespace the dead
    # one's number again, judged the holder by its pid at once: all of the dead namespace's processes are gone)
    waits = [line for line in nxt.err.splitlines() if "waiting up to 60 s for the run lock" in line]
    assert all("pid 1 on host ctr-aaaa" in line for line in waits), nxt.err
    assert waited < 45, waited  # the stale limit (2 s here), not the whole lock wait, nor 2 hours
    assert lock_holder(db) is None
    assert (feeds / "all.atom").is_file()


def test_two_containers_with_one_host_name_never_write_at_once(tmp_path):
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    feeds = tmp_path / "feeds"
    # The first run's requests wait in the site after its second page until the second run has given up: it is in its
    # crawl for as long as that takes, whatever the machine's load. Was: a site answering every page 1.2 s late, a
    # first run of most of a minute, which a loaded machine (a slow second start) saw end before the check (session 35,
    # 4 times). Its fetches may wait that long (MOFCOM_WATCH_TIMEOUT): held is slow, not failed.
    with HeldSite(FIXTURES, hold_after=2) as site:
        env = base_urls_env(site.url, **FAST_LOCK)
        first = container_run("mofcom-watch", db, run_args(site.url, feeds), {**env, "MOFCOM_WATCH_TIMEOUT": "300"})
        assert until(lambda: lock_holder(db) is not None and site.held > 0, 60)
        holder = lock_holder(db)
        assert holder is not None and holder.startswith("mofcom-watch:1:"), holder
        # The second waits 5 s, asking the lock at 0, 0.25 ... 3.3 and 5 s: past the stale limit (2 s) of the first's
        # last write, which keeps its lock by its heartbeats alone all the while (was: a sleep of 3.5 s, then a wait
        # of 3 s; the second asked as often past the stale limit, ci54b)
        second = finish(container_run("mofcom-watch", db, run_args(site.url, feeds),
                                      {**env, "MOFCOM_WATCH_LOCK_WAIT": "5"}), timeout=120)
        still_first = lock_holder(db)
        running = first.poll() is None
        site.go.set()  # the point is made: the first run may finish its crawl now
        out, err = first.communicate(timeout=300)
        done_first = Done(first.returncode, out, err)
    assert still_first == holder, (still_first, holder)  # never taken over
    assert running, "the first run ended before the second gave up (its requests are held in the site)"
    assert second.code == 3, second.out + second.err
    assert second.err.strip().splitlines()[-1].startswith("mofcom-watch run: gave up after waiting 5 s: another run "
                                                          "holds the 'cycle' lock: pid 1 on host mofcom-watch"), second.err
    assert done_first.code in (0, 1), done_first.out + done_first.err
    assert "lost the" not in done_first.err, done_first.err
    assert lock_holder(db) is None
    assert (feeds / "all.atom").is_file()
    assert len(HOSTS) >= 1


def test_a_paused_run_whose_lock_was_taken_over_writes_nothing_when_it_wakes(tmp_path):
    """`podman pause` (SIGSTOP) a run mid-crawl; past the stale limit a run in another container takes its lock over
    (and is killed: its row stays). The paused run wakes (SIGCONT) with pages in flight: its next write transaction
    reads the lock row and is refused, so it commits nothing at all (SQLite's data_version does not move) and
    stops in one line, exit 3; the feeds are left as they were."""
    import sqlite3

    path = tmp_path / "store.sqlite"
    db = f"sqlite:///{path}"
    feeds = tmp_path / "feeds"
    with SiteServer(FIXTURES, latency=0.4) as site:
        env = base_urls_env(site.url, **FAST_LOCK)
        paused = subprocess.Popen(command(db, *run_args(site.url, feeds)), cwd=ROOT, env=env, text=True,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            assert until(lambda: lock_holder(db) is not None and len(site.hits) >= 1, 60)
            for _ in range(200):  # paused between transactions, as it mostly is (it waits on the network)
                os.kill(paused.pid, signal.SIGSTOP)
                if not write_locked(path, wait=0.05):
                    break
                os.kill(paused.pid, signal.SIGCONT)
                time.sleep(0.01)
            else:
                pytest.fail("the run was never paused outside a write transaction")
            site.latency = 0.0  # (the paused run's fetches in flight are answered while it sleeps)
            taker = container_run("ctr-bbbb", db, run_args(site.url, feeds), {**env, "MOFCOM_WATCH_LOCK_WAIT": "30"})
            took = until(lambda: (lock_holder(db) or "").startswith("ctr-bbbb:1:") or taker.poll() is not None, 30)
            taker.kill()  # the taker's row stays: the lock is not the paused run's any more
            taken = taker.communicate()
            assert took and (lock_holder(db) or "").startswith("ctr-bbbb:1:"), taken
            watch = sqlite3.connect(path)
            before = watch.execute("PRAGMA data_version").fetchone()[0]
            files = {p: p.stat().st_mtime_ns for p in feeds.rglob("*")} if feeds.exists() else {}
        except BaseException:
            paused.kill()
            raise
        finally:
            os.kill(paused.pid, signal.SIGCONT)
        out, err = paused.communicate(timeout=120)
    after = watch.execute("PRAGMA data_version").fetchone()[0]
    watch.close()
    lines = [line for line in err.splitlines() if line.strip()]
    assert paused.returncode == 3, (out + err, taken)
    assert lines == ["mofcom-watch run: lost the 'cycle' lock (another run took it over after our heartbeats had "
                     "stopped): stopped before publishing; the run that took it over publishes"], err
    assert after == before, "the woken run committed a write after its lock was taken over"
    assert ({p: p.stat().st_mtime_ns for p in feeds.rglob("*")} if feeds.exists() else {}) == files
    assert (lock_holder(db) or "").startswith("ctr-bbbb:1:")  # the taker's row is left alone


def _pg_and_faketime() -> str | None:
    from tests.faults.postgres import why_not

    return why_not() or (None if shutil.which("faketime") else "no faketime (apt-get install faketime)")


@pytest.mark.skipif(_pg_and_faketime() is not None, reason=_pg_and_faketime() or "")
def test_on_postgresql_a_host_whose_clock_is_ahead_never_takes_a_live_lock(tmp_path):
    """Two hosts on one PostgreSQL, the second's clock 10 minutes ahead (libfaketime), in a container of its own (so
    it judges the first run by its heartbeat). Heartbeats are written and judged with the server's clock: the first
    run's lock is fresh, the second gives up (exit 3) and the lock stays the first's. (With each host's clock the
    second saw a 10-minute-old heartbeat and took a live lock over.) It does not wait: libfaketime 0.9.10 breaks
    Python's timed waits (EINVAL, or a hang), so the test asks once (lock_wait 0)."""
    from tests.faults.postgres import Cluster

    feeds = tmp_path / "feeds"
    with Cluster() as pg, HeldSite(FIXTURES, hold_after=2) as site:  # the first run stays in its crawl (see above)
        db = pg.create("clock")
        env = base_urls_env(site.url, **FAST_LOCK)
        first = subprocess.Popen(command(db, *run_args(site.url, feeds)), cwd=ROOT,
                                 env={**env, "MOFCOM_WATCH_TIMEOUT": "300"}, text=True,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            assert until(lambda: lock_holder(db) is not None and site.held > 0, 60)
            holder = lock_holder(db)
            ahead = finish(subprocess.Popen(
                in_container("ahead", ["faketime", "-f", "+10m", *command(db, *run_args(site.url, feeds))]),
                cwd=ROOT, env={**env, "MOFCOM_WATCH_LOCK_WAIT": "0"}, text=True, stdout=subprocess.PIPE,
                stderr=subprocess.PIPE), timeout=60)
            running, still = first.poll() is None, lock_holder(db)
        finally:
            first.kill()
            first.communicate()
    assert ahead.code == 3, ahead.out + ahead.err
    assert "gave up after waiting 0 s: another run holds the 'cycle' lock" in ahead.err, ahead.err
    assert still == holder, (still, holder)
    assert running, "the first run ended before the second asked (its requests are held in the site)"


def heartbeat(db_url: str) -> str | None:
    """The run lock's heartbeat as stored (a time to the microsecond; None: no row), a plain read like ``lock_holder``."""
    from sqlalchemy import create_engine, text

    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            value = conn.execute(text("SELECT heartbeat_at FROM run_lock")).scalar()
            return None if value is None else str(value)
    finally:
        engine.dispose()


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return [int(p) for p in fh.read().split()]
    except OSError:
        return []


def test_a_holder_whose_heartbeat_a_long_publish_locked_out_keeps_its_lock(tmp_path):
    """ops37: a publish holds the SQLite store's write lock (``serve``'s of a store 100 times the fixtures: 92 s at load
    6), so the run lock's holder cannot write its heartbeat meanwhile; past the stale limit, a run in another container
    waiting for the lock took the live holder's lock as stale the moment the publish ended, whenever its try came
    before the holder's heartbeat thread (2 of 4 trials): the holder stopped, exit 3, "lost the 'cycle' lock". Here a
    real ``feeds`` publish is stopped mid-publish (SIGSTOP) past the stale limit while the first run holds the lock in
    its crawl, and the first run is stopped too until a moment after the publish ended (its heartbeat thread not yet
    scheduled, made certain): the second run must leave it its lock, and run after it."""
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    assert cli(db, *replay_args()).code in (0, 1)  # a store whose publish takes a while
    store = tmp_path / "store.sqlite"
    with HeldSite(FIXTURES, hold_after=2) as site:
        env = base_urls_env(site.url, **FAST_LOCK, MOFCOM_WATCH_TIMEOUT="300")
        first = container_run("ctr-first", db, run_args(site.url, tmp_path / "feeds"), env)
        try:
            assert until(lambda: (lock_holder(db) or "").startswith("ctr-first:1:") and site.held > 0, 60)
            holder = lock_holder(db)
            runs = _children(first.pid)  # (unshare's child: the run, PID 1 inside)
            assert runs, "no run process under unshare"
            publish = spawn(db, *feeds_args(tmp_path / "other-feeds"), env=env)
            assert until(lambda: publisher(store) is not None, 120), "the publish did not start"
            os.kill(publish.pid, signal.SIGSTOP)  # mid-publish: SQLite's write lock held, past the stale limit
            os.kill(runs[0], signal.SIGSTOP)
            second = container_run("ctr-second", db, run_args(site.url, tmp_path / "feeds"),
                                   {**env, "MOFCOM_WATCH_LOCK_WAIT": "120"})
            time.sleep(3)  # the first run's heartbeat is 3 s old: stale (2 s) by it
            os.kill(publish.pid, signal.SIGCONT)
            published = finish(publish)
            until(lambda: lock_holder(db) != holder, 4)  # was: taken over within a second
            after_publish = lock_holder(db)
            beat = heartbeat(db)
            os.kill(runs[0], signal.SIGCONT)  # its heartbeat thread gets its beat in now
            until(lambda: heartbeat(db) != beat, 30)  # (its beat seen; was: a sleep of 1 s, ci54b)
            site.go.set()
            done_first = finish(first, timeout=300)
            done_second = finish(second, timeout=300)
        finally:
            site.go.set()
            for proc in (first,):
                if proc.poll() is None:
                    proc.kill()
    assert published.code in (0, 1), published.err
    assert after_publish == holder, (after_publish, holder)
    assert done_first.code in (0, 1) and "lost the" not in done_first.err, done_first.err
    assert done_second.code in (0, 1), done_second.err  # it waited for the first run, then ran
    assert lock_holder(db) is None


# A writer of the store in a container of its own: the engine's busy timeout cut to 0.1 s (30 s in production), so it
# meets the publish at once; it logs what storage.publishwait says (from DEBUG: the level is what is judged), then writes.
WRITER = """
import logging, sys
from sqlalchemy import event, text
from storage.db import WRITE_LOCK, make_engine
logging.basicConfig(level=logging.DEBUG, format="%(levelname)s %(name)s %(message)s", stream=sys.stderr)
engine = make_engine(sys.argv[1])
@event.listens_for(engine, "connect")
def _short(dbapi_conn, _record):
    dbapi_conn.execute("PRAGMA busy_timeout=100")
with engine.connect() as conn, conn.execution_options(**WRITE_LOCK).begin():
    conn.execute(text("CREATE TABLE IF NOT EXISTS ops39_probe (x INTEGER)"))
print("wrote")
"""


def test_a_writer_in_another_container_meeting_a_publish_says_whose_it_is(tmp_path):
    """ops39: every container's process is PID 1. A publish's mark said ``pid 1 (mofcom-watch feeds)``, and a writer
    in another container (a cron ``run`` beside ``serve``) took that pid for its own, so waited for the publish without
    a word (at DEBUG), up to 15 minutes with nothing in its log. Here a real ``feeds`` publish, PID 1 of its container,
    is stopped mid-publish (SIGSTOP: the store's write lock held) while a writer, PID 1 of another, waits for it: the
    writer says so at WARNING, naming the publisher's container, and writes once the publish ended."""
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    assert cli(db, *replay_args()).code in (0, 1)
    store = tmp_path / "store.sqlite"
    said = tmp_path / "writer.err"
    publish = subprocess.Popen(in_container("ctr-serve", command(db, *feeds_args(tmp_path / "feeds"))), cwd=ROOT,
                               env=cli_env(), text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    writer = None
    try:
        assert until(lambda: publisher(store) is not None, 120), "the publish did not start"
        inner = _children(publish.pid)
        assert inner, "no feeds process under unshare"
        os.kill(inner[0], signal.SIGSTOP)  # mid-publish, the write lock held
        with said.open("w") as err:
            writer = subprocess.Popen(in_container("ctr-cron", [sys.executable, "-c", WRITER, db]), cwd=ROOT,
                                      env=cli_env(), text=True, stdout=subprocess.PIPE, stderr=err)
        met = until(lambda: "write-locked" in said.read_text() or writer.poll() is not None, 120)
        waiting = writer.poll() is None
        os.kill(inner[0], signal.SIGCONT)
        published = finish(publish)
        out, _ = writer.communicate(timeout=120)
    finally:
        for proc in (publish, writer):
            if proc is not None and proc.poll() is None:
                proc.kill()
    err = said.read_text()
    assert published.code in (0, 1), published.err
    assert met and waiting, out + err
    assert writer.returncode == 0 and out.strip() == "wrote", out + err
    lines = [line for line in err.splitlines() if "write-locked by a publish in progress" in line]
    assert len(lines) == 1, err
    # was: "DEBUG storage.publishwait … (pid 1 (mofcom-watch feeds))": the writer's own pid, 1, taken for its own publish
    assert lines[0].startswith("WARNING storage.publishwait ") and \
        "(pid 1 on host ctr-serve (mofcom-watch feeds))" in lines[0], lines
