"""A publish that fails on a full disk leaves no temporary file beside the feeds (health34, blind round K1).

``run`` publishing into a 24 MB tmpfs left with 700 KB free failed as it should (exit 3, one line, every feed file
whole), but five temporary files of the feeds still open (``.all.atom.<8>.tmp``, ``.ecl.rss.<8>.tmp``, …, 470 KB) stayed
in the folder until the next publish removed them: on a disk already full they held its last space. The disk is
made full here by a file sink whose close fails as a full disk's does (the CLI in process, on the replayed fixtures)."""

from __future__ import annotations

import errno

from feeds.write import FileSink
from tests.feeds.replayed import write_feeds_cli


def test_a_publish_failing_on_a_full_disk_leaves_no_temporary_file(fixture_db, tmp_path, monkeypatch):
    close = FileSink.close

    def full(self: FileSink) -> bool:
        if self.path.name == "all.atom":  # (the other fixed feeds are open beside it: streamed in one pass)
            self.abort()  # (as FileSink.close does when its write fails)
            raise OSError(errno.ENOSPC, "No space left on device")
        return close(self)

    monkeypatch.setattr(FileSink, "close", full)
    out = tmp_path / "feeds"
    result = write_feeds_cli(fixture_db, out)
    assert result.exit_code == 3 and "the disk is full" in result.output, result.output
    assert not [p.name for p in out.rglob(".*.tmp")]
