"""Running unattended, as an operator does: real processes, a real SQLite file, the sites over real HTTP.

- SIGTERM to ``schedule`` while a cycle runs: ``tests/faults/test_cut_short_crawl.py`` (the cycle ends at its next
  page, session 32; it was waited out to its end).
- A bot-check answered for every page, then the site heals: the next clean run is clean (exit 0, no open
  issue), also for a year index that does not exist yet (404), which answered the challenge page meanwhile.
- ``run --out`` naming a file, not a folder: a resource fault (one line, exit 3), not "internal error" (exit 4).
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tests.faults.harness import (
    AS_OF,
    FIXTURES,
    HOSTS,
    cli,
    cli_env,
    command,
    lock_holder,
    read_only_mount_works,
    run_args,
    until,
    write_locked,
)
from tests.site_server import BOT_CHECK_BODY, Fault, HeldSite, SiteServer


class SwitchableSite(SiteServer):
    """The fixtures over HTTP; while ``challenge`` is set, every page answers an anti-bot challenge."""

    challenge = False

    def _take_fault(self, path: str) -> Fault | None:
        if self.challenge:
            return Fault("body", body=BOT_CHECK_BODY)
        return super()._take_fault(path)


def base_urls_env(site_url: str, **extra: str) -> dict[str, str]:
    return cli_env(MOFCOM_WATCH_BASE_URLS=",".join(f"{h}={site_url}/{h}" for h in HOSTS), **extra)


@pytest.fixture(scope="module")
def first_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """One ``run`` of the fixtures into a fresh store (``data/store.sqlite``) and feeds folder, and its exit code: the
    state several tests start from, each on its own copy (a copy costs milliseconds, a run seconds)."""
    work = tmp_path_factory.mktemp("first-run")
    (work / "data").mkdir()  # (a given store's folder is never made: session 35)
    with SiteServer(FIXTURES) as site:
        done = cli(f"sqlite:///{work / 'data' / 'store.sqlite'}", *run_args(site.url, work / "feeds"))
    assert done.code in (0, 1), done.out + done.err
    # no public_base_url: the publish says where its links point, on stderr (cli34's C3, decided in session 35)
    assert f"mofcom-watch run: warning: the feeds in {work / 'feeds'} link to http://127.0.0.1:8080/feeds/" in done.err
    return work, done.code


def copy_of(first_run: tuple[Path, int], into: Path) -> tuple[str, Path, int]:
    """``first_run``'s store and feeds copied under ``into``: its database URL, feeds folder and the run's exit code."""
    work, code = first_run
    shutil.copytree(work / "data", into / "data")
    shutil.copytree(work / "feeds", into / "feeds")
    return f"sqlite:///{into / 'data' / 'store.sqlite'}", into / "feeds", code


def test_bot_check_everywhere_then_healed_site_is_clean_again(tmp_path, first_run):
    db, feeds, first_code = copy_of(first_run, tmp_path)  # the sites answered once
    with SwitchableSite(FIXTURES) as site:
        site.challenge = True
        challenged = cli(db, *run_args(site.url, feeds))
        assert challenged.code == 1 and "unusable-page" in challenged.out, challenged.out + challenged.err
        site.challenge = False
        healed = cli(db, *run_args(site.url, feeds))
        status = cli(db, "status", "--as-of", AS_OF)
    # the year index that does not exist (404, "not published") answered the challenge page meanwhile:
    # its issue must close with the healed run, not keep every later run at exit 1
    assert "unusable-page" not in healed.out, healed.out
    assert healed.code == first_code, healed.out + healed.err
    assert "unusable-page" not in status.out, status.out


@pytest.mark.parametrize("where", ["file", "file-parent"])
def test_run_out_naming_a_file_is_refused_and_the_next_run_publishes(tmp_path, where):
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    out = blocker if where == "file" else blocker / "feeds"
    with SiteServer(FIXTURES) as site:
        done = cli(db, *run_args(site.url, out))
        assert "internal error" not in done.err and "Traceback" not in done.err, done.err
        if where == "file":  # a typo in the command line, said before any fetch (as feeds says it): exit 2
            assert done.code == 2, done.out + done.err
            assert done.first_line == f"mofcom-watch run: --out {out} exists and is not a folder", done.err
        else:  # a folder that cannot be made where it is asked: found when publishing, a resource fault
            assert done.code == 3, done.out + done.err
            assert done.first_line.startswith("mofcom-watch run: cannot write the feeds in "), done.err
            assert str(out) in done.first_line and "not a folder" in done.first_line, done.err
        blocker.unlink()  # the operator moves the file away: the next run publishes everything
        again = cli(db, *run_args(site.url, out))
    assert again.code in (0, 1), again.out + again.err
    assert (out / "all.atom").is_file()


class FailingSite(SiteServer):
    """The fixtures over HTTP; while ``down`` is set, every request answers HTTP 500."""

    down = False

    def _take_fault(self, path: str) -> Fault | None:
        if self.down:
            return Fault("500")
        return super()._take_fault(path)


def test_healthz_fails_when_cycles_finish_but_no_source_answers(tmp_path, first_run):
    """A site answering 500 to everything: each cycle still finishes, so "last cycle" stays fresh; /healthz must
    not stay green on that. The pages were last answered on 2026-11-29 (--fetched-at), the failing run is now."""
    import json

    from tests.faults.serving import serving

    db, feeds, _ = copy_of(first_run, tmp_path)  # the sites answered, on 2026-11-29
    with FailingSite(FIXTURES) as site:
        site.down = True
        args = [a for a in run_args(site.url, feeds)]
        at = args.index("--fetched-at")
        del args[at:at + 2]  # now, by the real clock
        failed = cli(db, *args)
        assert failed.code == 1 and "http-500" in failed.out, failed.out + failed.err
        with serving(db, tmp_path, env={"MOFCOM_WATCH_FEEDS_DIR": str(feeds)}) as served:
            status, _h, body = served.get("/healthz")
        report = json.loads(body)
        assert status == 503, report
        assert any(p.startswith("no source answered for ") for p in report["problems"]), report
        assert report["last_source_answer"].startswith("2026-11-29"), report
        site.down = False
        healed = cli(db, *args)
        assert healed.code in (0, 1), healed.out + healed.err
        with serving(db, tmp_path, env={"MOFCOM_WATCH_FEEDS_DIR": str(feeds)}) as served:
            status, _h, body = served.get("/healthz")
        assert status == 200, body


def test_healthz_fails_on_a_fresh_store_whose_cycles_never_got_an_answer(tmp_path):
    """Was: a first deployment whose network reaches no site (the image run as docs/deploy.md says, here with no
    DNS): its cycles finished with every fetch failed, ``status`` said LAST RUN FAILED, and /healthz answered 200
    "ok" for ``stale_after`` (3 hours) after the server started, the container's HEALTHCHECK "healthy"."""
    import json

    from tests.faults.serving import serving

    db, feeds = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    with FailingSite(FIXTURES) as site:
        site.down = True
        failed = cli(db, *run_args(site.url, feeds))
    assert failed.code == 1 and "http-500" in failed.out, failed.out + failed.err
    with serving(db, tmp_path, env={"MOFCOM_WATCH_FEEDS_DIR": str(feeds)}) as served:
        status, _h, body = served.get("/healthz")
    report = json.loads(body)
    assert status == 503, report
    assert report["last_source_answer"] is None, report
    assert any(p.startswith("no source has answered yet") for p in report["problems"]), report


def test_a_run_with_nothing_held_back_says_nothing_about_holding_back(tmp_path, first_run):
    """Every page answers 500: the news sources' pages could not be fetched, but no item was held back (the
    audit saw "0 item(s) held back ..." printed as a problem): no such line then."""
    db, feeds, _ = copy_of(first_run, tmp_path)  # the sites answered once
    with FailingSite(FIXTURES) as site:
        site.down = True
        failed = cli(db, *run_args(site.url, feeds))
    assert failed.code == 1 and "http-500" in failed.out, failed.out + failed.err
    assert "0 item(s) held back" not in failed.out, failed.out
    assert "item(s) held back" not in failed.out, failed.out  # (no item was: the store had them all)


def test_status_after_a_run_that_fetched_nothing_says_so_on_its_time_line(tmp_path, first_run):
    """user41: every site down (a run with no network): status's first line after the tables said "last fetch:
    <that run's time>", as if it had fetched, the LAST RUN FAILED lines further down. That line says what the time
    is (a source's run last finished) and how many of them got nothing; after a clean run, no such words."""
    db, feeds, _ = copy_of(first_run, tmp_path)  # the sites answered once
    clean = cli(db, "status", "--as-of", AS_OF)
    line = next(x for x in clean.out.splitlines() if "last successful publish" in x)
    assert line.startswith("last run of the sources: 20") and "could not fetch" not in line, clean.out
    with FailingSite(FIXTURES) as site:
        site.down = True
        failed = cli(db, *run_args(site.url, feeds))
    assert failed.code == 1, failed.out + failed.err
    status = cli(db, "status", "--as-of", AS_OF)
    assert status.code == 1
    line = next(x for x in status.out.splitlines() if "last successful publish" in x)
    count = status.out.count("LAST RUN FAILED: ")
    assert count >= 5 and f"({count} could not fetch: LAST RUN FAILED below)" in line, status.out


def test_status_counts_the_sources_already_failing_among_those_that_could_not_fetch(tmp_path, first_run):
    """user42: with 6 sources down, 2 of them failing for 3 runs already, the line said "4 could not fetch": it
    counted only the sources without a ``failing`` issue. Every source down 3 runs in a row (each failing now), then
    one more source run down: the line counted none and said nothing. It counts both, saying where each is listed."""
    db, feeds, _ = copy_of(first_run, tmp_path)
    with FailingSite(FIXTURES) as site:
        site.down = True
        for _ in range(3):
            failed = cli(db, *run_args(site.url, feeds))
            assert failed.code == 1, failed.out + failed.err
    status = cli(db, "status", "--as-of", AS_OF)
    assert status.code == 1
    failing = [x for x in status.out.splitlines() if ": failing: " in x]
    line = next(x for x in status.out.splitlines() if "last successful publish" in x)
    assert len(failing) >= 5 and "LAST RUN FAILED: " not in status.out, status.out
    assert f"({len(failing)} could not fetch: SOURCE HEALTH above)" in line, status.out


def test_run_says_when_the_feeds_folder_was_written_with_another_base_url(tmp_path):
    """``serve --port P`` and a cron ``run`` on one folder without public_base_url: each rewrites every feed with
    its own self links. The run says so, once, naming both URLs and the cure; not when they agree."""
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    feeds = tmp_path / "feeds"
    with SiteServer(FIXTURES) as site:
        served = cli(db, *run_args(site.url, feeds), env=base_urls_env(site.url, MOFCOM_WATCH_PORT="18096"))
        assert served.code in (0, 1), served.out + served.err
        flipped = cli(db, *run_args(site.url, feeds), env=base_urls_env(site.url))
        again = cli(db, *run_args(site.url, feeds), env=base_urls_env(site.url))
        configured = cli(db, *run_args(site.url, feeds),
                         env=base_urls_env(site.url, MOFCOM_WATCH_PUBLIC_URL="https://feeds.example.org/mw/"))
    warning = [line for line in flipped.out.splitlines() if "had self links under" in line]
    assert len(warning) == 1, flipped.out
    assert "http://127.0.0.1:18096/feeds/" in warning[0] and "http://127.0.0.1:8080/feeds/" in warning[0], warning
    assert "set public_base_url" in warning[0], warning
    assert flipped.code == served.code, flipped.out + flipped.err  # a warning, not a failure
    assert "had self links under" not in again.out, again.out  # the folder is this configuration's now
    assert "had self links under http://127.0.0.1:8080/feeds/" in configured.out, configured.out
    assert 'href="https://feeds.example.org/mw/all.atom" rel="self"' in (feeds / "all.atom").read_text()




@pytest.mark.skipif(not read_only_mount_works(), reason="needs unshare -m and mount (root)")
@pytest.mark.parametrize("args", [("status", "--as-of", AS_OF), ("timeline", "skydio"), ("run", "--no-progress")])
def test_a_store_on_a_read_only_mount_is_a_resource_fault_for_the_writers(tmp_path, first_run, args):
    """A WAL-mode SQLite store on a read-only mount: ``run`` says so in one line and exits 3 (a resource), not 2
    (usage). The commands that only read it read a private copy of it (session 52, ops52: SQLite cannot make its -shm
    index there, and its ``immutable`` mode on the store itself would read torn pages while a writer changes the file
    elsewhere; they said so in one line, exit 3)."""
    from tests.faults.harness import ROOT

    copy_of(first_run, tmp_path)  # a WAL-mode store one run wrote, in tmp_path/data
    data = tmp_path / "data"
    beside = sorted(p.name for p in data.iterdir())
    ro = tmp_path / "ro"
    ro.mkdir()
    argv = command(f"sqlite:///{ro / 'store.sqlite'}", *args)
    if args[0] == "run":
        argv += ["--out", str(tmp_path / "feeds2")]
    done = subprocess.run(["unshare", "-m", "sh", "-c",
                           f'mount --bind "{data}" "{ro}" && mount -o remount,bind,ro "{ro}" && exec "$@"', "sh",
                           *argv], cwd=ROOT, env=cli_env(MOFCOM_WATCH_BASE_URLS=""), capture_output=True, text=True,
                          timeout=120)
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    if args[0] != "run":
        assert done.returncode in (0, 1) and ("Listings" if args[0] == "status" else "Skydio") in done.stdout, \
            done.stdout + done.stderr
        assert sorted(p.name for p in data.iterdir()) == beside
        return
    assert done.returncode == 3, done.stdout + done.stderr
    assert len(lines) == 1 and lines[0].startswith(f"mofcom-watch {args[0]}: the SQLite file "), done.stderr
    assert "is read-only" in lines[0], done.stderr


def test_a_run_whose_lock_was_taken_over_stops_before_publishing(tmp_path):
    """A paused container or a suspended machine: its heartbeats stopped, another run took the lock over. When the
    paused run goes on, its next heartbeat finds the lock gone: it stops before publishing (one line, exit 3) and
    leaves the feeds to the run that took over; it does not release the other's lock."""
    from sqlalchemy import create_engine, text

    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    feeds = tmp_path / "feeds"
    with HeldSite(FIXTURES, hold_after=0) as site:  # every request waits in the site until the lock is taken over
        env = base_urls_env(site.url, MOFCOM_WATCH_LOCK_HEARTBEAT="0.2", MOFCOM_WATCH_LOCK_STALE="2")
        proc = subprocess.Popen(command(db, *run_args(site.url, feeds)), env=env, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert until(lambda: lock_holder(db) is not None and site.held > 0, 60)  # the run is in its crawl
        engine = create_engine(db)
        with engine.begin() as conn:  # what a run in another container does once the heartbeat looks stale
            conn.execute(text("UPDATE run_lock SET holder = 'ctr-bbbb:1:taker:-'"))
        engine.dispose()
        site.go.set()  # the run goes on, its crawl unfinished
        out, err = proc.communicate(timeout=300)
    lines = [line for line in err.splitlines() if line.strip()]
    assert proc.returncode == 3, out + err
    assert lines == ["mofcom-watch run: lost the 'cycle' lock (another run took it over after our heartbeats had "
                     "stopped): stopped before publishing; the run that took it over publishes"], err
    assert not (feeds / "all.atom").exists()  # nothing published by the run that lost its lock
    assert lock_holder(db) == "ctr-bbbb:1:taker:-"  # the taker's lock is left alone


def test_a_run_whose_source_ends_while_serve_publishes_waits_for_the_publish(tmp_path, first_run):
    """``serve`` publishes the store's feeds under SQLite's write lock; a cron ``run`` ending a source meanwhile wrote
    its run row in a transaction that read first (deferred): SQLite refuses such a write at once while another
    connection holds the lock (no busy wait: the reader's snapshot would be stale), and the run exited 3 "stayed locked
    by another process past the busy timeout" (session 35's CI, test_site_changes at load 27). Here ``serve`` is held
    (SIGSTOP) inside its first publish while the run ends its sources: the run waits for the lock and finishes."""
    import os
    import signal
    import sys

    from tests.faults.serving import free_port

    db, feeds, _ = copy_of(first_run, tmp_path)
    store = tmp_path / "data" / "store.sqlite"
    port = free_port()
    with HeldSite(FIXTURES, hold_after=1) as site:  # the run stays in its first source until go
        run = subprocess.Popen(command(db, *run_args(site.url, feeds)), env=base_urls_env(site.url), text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        served = None
        try:
            assert until(lambda: lock_holder(db) is not None and site.held > 0, 60), run.poll()
            served = subprocess.Popen(  # its first publish writes every feed into a folder of its own
                [sys.executable, "-m", "mofcom_watch", "--db", db, "serve", "--host", "127.0.0.1", "--port", str(port)],
                env=cli_env(MOFCOM_WATCH_DATA_DIR=str(tmp_path / "serve"), MOFCOM_WATCH_TODAY=AS_OF),
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            for _ in range(100):  # stopped while it holds the write lock (its publish takes a second or more)
                assert until(lambda: write_locked(store) or served.poll() is not None, 60)
                os.kill(served.pid, signal.SIGSTOP)
                if write_locked(store):
                    break
                os.kill(served.pid, signal.SIGCONT)
            else:
                pytest.fail("serve was never stopped inside its publish")
            site.go.set()  # the run ends its sources while serve holds the lock
            hits = -1
            while run.poll() is None and hits != len(site.hits):  # until it stops asking (it waits on the lock)
                hits = len(site.hits)
                time.sleep(1.5)
            os.kill(served.pid, signal.SIGCONT)  # the publish ends: a second or two held, nothing like 30 s
            out, err = run.communicate(timeout=300)
        finally:
            if run.poll() is None:
                run.kill()
            if served is not None:
                os.kill(served.pid, signal.SIGCONT)
                served.terminate()
                served.communicate(timeout=60)
    assert run.returncode in (0, 1), out + err
    assert "locked" not in err, err
    assert lock_holder(db) is None
