"""A cycle on a disk nearly full says so, as ``status`` and ``/healthz`` do (ops46's open B, session 47).

Was: with the store's and the feeds folder's disk (a container's ``/data``) 0 bytes free, each cycle that needed no
space (the pages unchanged, nothing to write) logged ``msg="cycle done" ok=true``, and ``run`` printed "clean", exit
0, while ``/healthz`` answered 503 ``low_space`` and ``status`` exited 1: a monitor reading the log lines (or cron's
exit code) heard of it only once a publish failed. Now the cycle is not ok: ``run`` prints ``DISK NEARLY FULL: …``
and exits 1, a cycle of ``schedule`` logs ``cycle done with problems ok=false … why="disk nearly full: …"``. Real
processes, a real tmpfs (root only), a real SQLite store, the local site server."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.faults.harness import Tmpfs, can_mount, spawn_logged, until
from tests.faults.test_deep_walk import SOURCE, column_store
from tests.faults.test_resource_faults import _fill
from tests.faults.test_site_changes import W, env, run
from tests.site_server import SiteServer

REASON = can_mount()
pytestmark = pytest.mark.skipif(REASON is not None, reason=REASON or "")


def test_a_cycle_on_a_disk_nearly_full_is_not_ok_and_says_it(tmp_path: Path) -> None:
    _, _, extra, pages = column_store(tmp_path)
    with SiteServer(None, pages=pages, columns={W: "zwgk/zcfb/"}) as site, \
            Tmpfs(tmp_path / "data", 32 << 20) as disk:
        db, out = f"sqlite:///{disk.path / 'store.sqlite'}", disk.path / "feeds"
        bases = {W: site.base_url(W)}
        roomy, _ = run(db, out, bases, sources=(SOURCE,), MOFCOM_WATCH_FEEDS_DIR=str(out), **extra)
        ballast = _fill(disk.path, 1 << 20)  # 1 MB left of 32: under 5%, and room for what a cycle writes
        full, report = run(db, out, bases, sources=(SOURCE,), MOFCOM_WATCH_FEEDS_DIR=str(out), **extra)
        logged = spawn_logged(db, "schedule", "--cron", "0 0 1 1 *", "--run-at-start", log=tmp_path / "schedule.log",
                              env=env(MOFCOM_WATCH_FEEDS_DIR=str(out), MOFCOM_WATCH_SOURCES=SOURCE,
                                      MOFCOM_WATCH_BASE_URLS=f"{W}={site.base_url(W)}", **extra))
        with logged.reaped():
            assert until(lambda: logged.said('msg="cycle done'), 120), logged.log.read_text()
            stopped = logged.stop(timeout=60)
        ballast.unlink()
        again = spawn_logged(db, "schedule", "--cron", "0 0 1 1 *", "--run-at-start", log=tmp_path / "again.log",
                             env=env(MOFCOM_WATCH_FEEDS_DIR=str(out), MOFCOM_WATCH_SOURCES=SOURCE,
                                     MOFCOM_WATCH_BASE_URLS=f"{W}={site.base_url(W)}", **extra))
        with again.reaped():
            assert until(lambda: again.said('msg="cycle done'), 120), again.log.read_text()
            roomy_again = again.stop(timeout=60)
    assert roomy.code == 0, roomy.err
    assert full.code == 1, (full.out, full.err)
    assert report["ok"] is False and report["low_space"], report
    assert report["low_space"][0].startswith(f"the disk holding {disk.path / 'store.sqlite'} is nearly full ("), report
    assert all(s["failed"] == 0 for s in report["sources"]) and not report["problems"], report  # nothing else wrong
    line = next(x for x in stopped.err.splitlines() if 'msg="cycle done' in x)
    assert 'msg="cycle done with problems" ok=false' in line, line
    assert f'why="disk nearly full: the disk holding {disk.path / "store.sqlite"} is nearly full (' in line, line
    assert " problems=1 " in line, line
    clean = next(x for x in roomy_again.err.splitlines() if 'msg="cycle done' in x)  # space freed: clean again
    assert 'msg="cycle done" ok=true' in clean and "disk nearly full" not in clean, clean


def test_run_prints_the_disk_nearly_full_line(tmp_path: Path) -> None:
    """``run``'s table output (cron's mail) says the line as ``status`` does, and exits 1."""
    from tests.faults.harness import cli

    _, _, extra, pages = column_store(tmp_path)
    with SiteServer(None, pages=pages, columns={W: "zwgk/zcfb/"}) as site, \
            Tmpfs(tmp_path / "data", 32 << 20) as disk:
        db, out = f"sqlite:///{disk.path / 'store.sqlite'}", disk.path / "feeds"
        args = ("run", "--no-progress", "--source", SOURCE, "--base-url", f"{W}={site.base_url(W)}")
        first = cli(db, *args, env=env(MOFCOM_WATCH_FEEDS_DIR=str(out), **extra))
        ballast = _fill(disk.path, 1 << 20)
        full = cli(db, *args, env=env(MOFCOM_WATCH_FEEDS_DIR=str(out), **extra))
        ballast.unlink()
    assert first.code == 0 and "DISK NEARLY FULL" not in first.out, first.out + first.err
    assert full.code == 1, full.out + full.err
    assert f"DISK NEARLY FULL: the disk holding {disk.path / 'store.sqlite'} is nearly full (" in full.out, full.out
    assert "problems reported" in full.out, full.out
