"""A full disk and a read-only file system, under the store and under the feeds folder: one line
naming the resource and what to do, exit 3, nothing half-written, and the next run recovers to
exactly the clean store and feeds. Real tmpfs mounts: root only (skipped with the reason otherwise)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from mofcom_watch.publish import PARTS_FILE, STORE_MARK
from tests.faults.harness import AS_OF, FIXTURES, Tmpfs, can_mount, cli, cli_env, feed_files, invalid_feeds, run_args
from tests.faults.resources import disk_full_store, feeds_fault, one_line, read_only_store
from tests.faults.test_unattended_ops import base_urls_env
from tests.site_server import SiteServer

REASON = can_mount()
pytestmark = pytest.mark.skipif(REASON is not None, reason=REASON or "")


def test_disk_full_under_the_store(clean, tmp_path):
    outcome, faulted = disk_full_store(clean, tmp_path)
    assert faulted.code == 3 and one_line(faulted), faulted.err
    assert faulted.first_line.startswith("mofcom-watch replay: the disk holding the SQLite file ")
    assert " is full: " in faulted.first_line
    assert outcome.lost == 0 and outcome.false == 0 and outcome.recovered, outcome


def test_read_only_store_is_one_line_not_one_per_page(clean, tmp_path):
    outcome, faulted = read_only_store(clean, tmp_path)
    assert faulted.code == 3 and one_line(faulted), faulted.err
    assert " is read-only " in faulted.first_line and "INSERT" not in faulted.err
    assert outcome.lost == 0 and outcome.false == 0 and outcome.recovered, outcome


@pytest.mark.parametrize("full", [True, False], ids=["disk-full", "read-only"])
def test_feeds_folder_fault(clean, tmp_path, full):
    outcome, faulted = feeds_fault(clean, tmp_path, full=full)
    assert faulted.code == 3 and one_line(faulted), faulted.err
    assert faulted.first_line.startswith("mofcom-watch feeds: cannot write the feeds in ")
    assert ("disk is full" if full else "read-only file system") in faulted.first_line
    assert outcome.lost == 0 and outcome.false == 0 and outcome.recovered, outcome


def _fill(disk: Path, leave: int) -> Path:
    """A ballast file that leaves ``leave`` bytes free on ``disk``."""
    fs = os.statvfs(disk)
    ballast = disk / "ballast"
    with ballast.open("wb") as fh:
        fh.write(b"\0" * max(0, fs.f_bavail * fs.f_frsize - leave))
    return ballast


def _run_on(site_url: str, feeds: Path, day: str) -> tuple[str, ...]:
    args = list(run_args(site_url, feeds))
    args[args.index("--as-of") + 1] = day
    return tuple(args)


def test_a_disk_filling_up_while_a_run_publishes_keeps_the_last_good_feeds_whole(clean, tmp_path):
    """`run` publishes into a feeds folder (holding yesterday's feeds) whose disk fills up on the way: one line,
    exit 3; every file served is yesterday's whole file or today's whole file (no truncated, empty or temporary
    file); `status` says the publish failed and the disk is nearly full (exit 1); once space is freed the next run
    publishes everything."""
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    shutil.copyfile(clean.db_url.removeprefix("sqlite:///"), tmp_path / "store.sqlite")  # yesterday's store
    with SiteServer(FIXTURES) as site, Tmpfs(tmp_path / "disk", 64 << 20) as disk:
        feeds = disk.path / "feeds"
        shutil.copytree(clean.feeds, feeds)  # and its feeds
        env = base_urls_env(site.url, MOFCOM_WATCH_FEEDS_DIR=str(feeds), MOFCOM_WATCH_TODAY="2026-11-30")  # its today
        yesterday = feed_files(feeds)
        ballast = _fill(disk.path, 24 << 10)
        faulted = cli(db, *_run_on(site.url, feeds, "2026-11-30"), env=env)  # another day: pictures and items move
        at_fault = feed_files(feeds)
        status = cli(db, "status", "--as-of", "2026-11-30", env=env)
        ballast.unlink()
        again = cli(db, *_run_on(site.url, feeds, "2026-11-30"), env=env)
        today = feed_files(feeds)
        assert not invalid_feeds(feeds)
        leftovers = [p.name for p in feeds.rglob("*") if p.is_file() and p.name not in (STORE_MARK, PARTS_FILE)
                     and (p.name.startswith(".") or not p.stat().st_size)]  # (the store's id, the feeds' inputs)
    assert faulted.code == 3 and one_line(faulted), faulted.out + faulted.err
    assert faulted.first_line.startswith(f"mofcom-watch run: cannot write the feeds in {feeds}: the disk is full")
    assert set(at_fault) == set(yesterday)  # nothing removed
    assert all(at_fault[name] in (yesterday[name], today[name]) for name in at_fault)  # each file whole
    assert status.code == 1 and "LAST PUBLISH FAILED" in status.out and "DISK NEARLY FULL" in status.out, status.out
    said = [line for line in again.err.splitlines() if "serve's own address, as no public_base_url" not in line]
    assert again.code in (0, 1) and len(said) <= 1, again.out + again.err  # (and the warning on links: session 35)
    assert today != yesterday and not leftovers


def test_status_says_so_when_the_disk_under_the_store_is_nearly_full(clean, tmp_path):
    """Store and feeds on one disk (a container's /data): a run that fills it cannot even record that it failed, so
    `status` (and /healthz) look at the disk: nearly full is a problem (exit 1, one line) until space is freed."""
    with Tmpfs(tmp_path / "data", 32 << 20) as disk:
        path = disk.path / "store.sqlite"
        shutil.copyfile(clean.db_url.removeprefix("sqlite:///"), path)
        db = f"sqlite:///{path}"
        env = cli_env(MOFCOM_WATCH_FEEDS_DIR=str(disk.path / "feeds"))
        roomy = cli(db, "status", "--as-of", AS_OF, env=env)
        ballast = _fill(disk.path, 512 << 10)
        full = cli(db, "status", "--as-of", AS_OF, env=env)
        ballast.unlink()
    assert "DISK NEARLY FULL" not in roomy.out, roomy.out
    assert full.code == 1, full.out + full.err
    assert f"DISK NEARLY FULL: the disk holding {path} is nearly full (" in full.out, full.out
