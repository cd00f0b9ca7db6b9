"""mofcom_watch.publisher.Produced: the files a publish produced, held as names and flags, read as
the paths the publish result lists (same order, same written/unchanged split, same stale check)."""

from __future__ import annotations

from pathlib import Path

import pytest

from feeds.folder import FolderPaths
from mofcom_watch.publisher import Produced

FEEDS = ("all", "entity/skydio")
PICTURES = ("all", "notice/UEL-2025-7")
# per file, in order: all.atom, all.rss, all.json, entity/skydio.{atom,rss,json}, all.svg, notice/UEL-2025-7.svg
CHANGED = bytes((1, 0, 1, 0, 0, 1, 1, 0))
LISTED = ["all.atom", "all.rss", "all.json", "entity/skydio.atom", "entity/skydio.rss", "entity/skydio.json",
          "all.svg", "notice/UEL-2025-7.svg"]


def test_lists_each_feed_in_every_format_then_the_pictures():
    files = Produced(FEEDS, PICTURES, CHANGED)
    assert list(files) == LISTED and len(files) == 8
    assert files[-1] == LISTED[-1] and files[2:5] == LISTED[2:5] and files[::-3] == LISTED[::-3]
    with pytest.raises(IndexError):
        files[8]


def test_written_and_left_alone_split_the_files_in_order(tmp_path):
    files = Produced(FEEDS, PICTURES, CHANGED)
    written, unchanged = files.paths(tmp_path, written=True), files.paths(tmp_path, written=False)
    assert list(written) == [tmp_path / r for r, flag in zip(LISTED, CHANGED, strict=True) if flag]
    assert list(unchanged) == [tmp_path / r for r, flag in zip(LISTED, CHANGED, strict=True) if not flag]
    assert tmp_path / "all.json" in written and tmp_path / "all.rss" not in written
    assert written[1:] == list(written)[1:] and written[-1] == tmp_path / "all.svg"
    assert isinstance(written, FolderPaths) and len(FolderPaths(Path("x"), ())) == 0


@pytest.mark.parametrize("rel, produced", [
    ("all.atom", True), ("all.json", True), ("entity/skydio.rss", True), ("all.svg", True),
    ("notice/UEL-2025-7.svg", True), ("entity/skydio.svg", False), ("notice/UEL-2025-7.atom", False),
    ("all.txt", False), ("all", False), ("entity/other.atom", False), ("ALL.atom", False),
])
def test_produces_says_which_files_a_feed_or_picture_makes(rel, produced):
    assert Produced(FEEDS, PICTURES, CHANGED).produces(rel) is produced
