"""Resource faults as scenarios: a full disk and a read-only file system, under the store and under
the feeds folder. Each runs the real CLI on a real tmpfs, checks what the fault left, lets the
resource come back, runs again, and returns an :class:`Outcome` compared with a clean run."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.faults.harness import (
    Baseline,
    Done,
    Outcome,
    Tmpfs,
    cli,
    feed_files,
    feeds_args,
    folder_size,
    invalid_feeds,
    judge,
    replay_args,
    sqlite_integrity,
    store_rows,
)

ROOMY = 256 * 1024 * 1024
NEW_FEED = ("uel.atom", "uel.rss")


def one_line(done: Done) -> bool:
    return len([line for line in done.err.splitlines() if line.strip()]) == 1 and "Traceback" not in done.err


def disk_full_store(baseline: Baseline, workdir: Path) -> tuple[Outcome, Done]:
    """replay into a store on a disk too small for it; then the disk grows and replay runs again."""
    size = Path(baseline.db_url.removeprefix("sqlite:///")).stat().st_size // 3
    with Tmpfs(workdir / "disk", size) as disk:
        db = f"sqlite:///{disk.path / 'store.sqlite'}"
        faulted = cli(db, *replay_args())
        assert sqlite_integrity(disk.path / "store.sqlite") == "ok"
        at_fault = store_rows(db)
        disk.remount(f"size={ROOMY}")
        again = cli(db, *replay_args())
        assert again.code == baseline.code, again.err
        feeds = workdir / "feeds"
        cli(db, *feeds_args(feeds))
        return judge("disk full under the store (replay)", faulted, baseline, db, feeds, at_fault), faulted


def read_only_store(baseline: Baseline, workdir: Path) -> tuple[Outcome, Done]:
    """replay into a copy of the clean store on a read-only file system; then it is writable again."""
    with Tmpfs(workdir / "ro", ROOMY) as disk:
        path = disk.path / "store.sqlite"
        shutil.copyfile(baseline.db_url.removeprefix("sqlite:///"), path)
        db = f"sqlite:///{path}"
        before = store_rows(db)
        disk.remount("ro")
        faulted = cli(db, *replay_args())
        disk.remount("rw")
        assert store_rows(db) == before  # nothing written, nothing lost
        again = cli(db, *replay_args())
        assert again.code == baseline.code, again.err
        feeds = workdir / "feeds"
        cli(db, *feeds_args(feeds))
        return judge("read-only store (replay)", faulted, baseline, db, feeds, before), faulted


def feeds_fault(baseline: Baseline, workdir: Path, *, full: bool) -> tuple[Outcome, Done]:
    """feeds into a folder on a disk too small for them (or read-only, holding yesterday's feeds); then fixed."""
    size = folder_size(baseline.feeds) // 3 if full else ROOMY
    with Tmpfs(workdir / "feeds-disk", size) as disk:
        feeds = disk.path / "feeds"
        if not full:  # yesterday's feeds, without today's new feed: stay served as they were
            shutil.copytree(baseline.feeds, feeds)
            for new in NEW_FEED:
                (feeds / new).unlink()
            yesterday = feed_files(feeds)
            disk.remount("ro")
        faulted = cli(baseline.db_url, *feeds_args(feeds))
        assert not invalid_feeds(feeds)  # whatever is there is whole
        if not full:
            assert feed_files(feeds) == yesterday
        disk.remount("rw", f"size={ROOMY}")
        cli(baseline.db_url, *feeds_args(feeds))
        name = "disk full under the feeds folder" if full else "read-only feeds folder"
        return judge(f"{name} (feeds)", faulted, baseline, baseline.db_url, feeds), faulted
