"""A disk filling mid-publish leaves every feed and picture as the last publish left it (ops37's B4, ops38).

Was: each file was renamed into place as it was written, state pictures first, then the entity feeds, then ``all`` and
the list feeds: a disk filling mid-publish left this publish's pictures (and some feeds) beside the last one's
``all.atom`` (exit 3, loud, but a reader saw a company's state change its ``all.atom`` did not carry). Now a publish's
files are put in place together once every one is written (``feeds.write.Staged``); a fault before leaves the folder
whole and as it was, and says so. Real processes, a real full tmpfs (root)."""

from __future__ import annotations

import os

import pytest

from tests.conftest import copy_of
from tests.faults.harness import AS_OF, Tmpfs, can_mount, cli, feed_files, folder_size

REASON = can_mount()
pytestmark = pytest.mark.skipif(REASON is not None, reason=REASON or "")
LATER = "2026-12-03"  # another day: every state picture changes (its as-of line), some feeds too


def test_a_publish_meeting_a_full_disk_leaves_the_last_publish_whole(replayed, tmp_path):
    url = copy_of(replayed, tmp_path / "store.sqlite")
    probe = tmp_path / "probe"
    assert cli(url, "feeds", "--out", str(probe), "--as-of", AS_OF).code in (0, 1)
    size = folder_size(probe)
    with Tmpfs(tmp_path / "disk", size * 3) as disk:
        feeds = disk.path / "feeds"
        first = cli(url, "feeds", "--out", str(feeds), "--as-of", AS_OF)
        assert first.code in (0, 1), first.err
        before = feed_files(feeds)
        assert any(name.endswith(".svg") for name in before) and "all.atom" in before
        free = os.statvfs(disk.path)
        filler = disk.path / "filler"
        with open(filler, "wb") as fh:  # room for a picture or two, not for all.atom
            fh.write(b"\0" * max(0, free.f_bavail * free.f_frsize - (24 << 10)))
        failed = cli(url, "feeds", "--out", str(feeds), "--as-of", LATER)
        assert failed.code == 3 and "the disk is full" in failed.err, failed.err
        assert "no file of this publish was put in place: every file there is the last publish's" in failed.err
        assert feed_files(feeds) == before  # not one picture or feed of the failed publish
        assert not [p.name for p in feeds.rglob(".*.tmp")]  # nor its temporary files
        filler.unlink()
        again = cli(url, "feeds", "--out", str(feeds), "--as-of", LATER)
        assert again.code in (0, 1), again.err
        assert feed_files(feeds) != before and feed_files(feeds) == feed_files_of(url, tmp_path / "fresh", LATER)


def feed_files_of(url: str, out, day: str) -> dict[str, str]:
    assert cli(url, "feeds", "--out", str(out), "--as-of", day).code in (0, 1)
    return feed_files(out)
