"""feeds.folder: one pass over a real feeds folder says which feed files it holds and whether any moved.

The listing must be what ``rglob`` + ``is_file`` gave before (same files, same order), the digest
must move with every file deleted, added, renamed or written in place, and the scan run in a
thread must read the same.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from feeds.folder import FolderScan
from mofcom_watch.publish import FEED_SUFFIXES


def make_folder(root: Path) -> Path:
    out = root / "feeds"
    for rel in ("all.atom", "all.rss", "all.json", "a-b.atom", "a.atom", "entity/x.atom", "entity/x.svg",
                "entity/deeper/y.rss", "notice/n-1.svg", ".hidden.atom", "readme.txt", "entity/notes.md"):
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(rel.encode())
    (out / ".all.atom.abcd1234.tmp").write_bytes(b"half")  # a killed writer's temporary file
    (out / "entity" / ".x.atom.k9_z0000.tmp").write_bytes(b"half")
    elsewhere = root / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "z.atom").write_bytes(b"not ours")
    (out / "linked-folder").symlink_to(elsewhere, target_is_directory=True)  # not entered, as rglob
    (out / "linked.atom").symlink_to(elsewhere / "z.atom")  # a link to a file counts, as is_file()
    (out / "dangling.atom").symlink_to(root / "nothing-here")
    return out


def rglob_listing(out: Path) -> list[Path]:
    """What the publish skip listed before this module."""
    return sorted(p for p in out.rglob("*") if p.suffix in FEED_SUFFIXES and p.is_file())


def test_lists_what_rglob_listed_in_the_same_order(tmp_path):
    out = make_folder(tmp_path)
    scan = FolderScan.of(out, FEED_SUFFIXES)
    assert list(scan.paths()) == rglob_listing(out)
    assert len(scan.paths()) == len(rglob_listing(out)) == 11
    assert sorted(scan.temps) == sorted(out.rglob(".*.tmp"))
    assert list(scan.paths(leave_out={"entity/x.svg"})) == [p for p in rglob_listing(out) if p.name != "x.svg"]
    assert scan.paths()[1:3] == rglob_listing(out)[1:3]


def test_digest_moves_with_every_change_to_a_feed_file_and_only_those(tmp_path):
    out = make_folder(tmp_path)
    first = FolderScan.of(out, FEED_SUFFIXES).digest
    assert FolderScan.of(out, FEED_SUFFIXES).digest == first  # a pure read
    (out / "readme.txt").write_bytes(b"not a feed file")
    (out / ".all.atom.zzzz9999.tmp").write_bytes(b"a writer in flight")
    assert FolderScan.of(out, FEED_SUFFIXES).digest == first
    seen = {first}

    def moved() -> None:
        digest = FolderScan.of(out, FEED_SUFFIXES).digest
        assert digest not in seen
        seen.add(digest)

    deep = out / "entity" / "deeper" / "y.rss"
    with deep.open("r+b") as f:  # written in place, same size: only its mtime tells
        f.write(b"E")
    os.utime(deep, ns=(deep.stat().st_atime_ns, deep.stat().st_mtime_ns + 1_000_000))
    moved()
    with (out / "notice" / "n-1.svg").open("ab") as f:  # appended in place: size and mtime
        f.write(b"\n")
    moved()
    (out / "entity" / "x.atom").unlink()
    moved()
    (out / "entity" / "new.json").write_bytes(b"{}")
    moved()
    (out / "a.atom").rename(out / "b.atom")
    moved()


def test_a_missing_folder_holds_nothing_and_the_thread_reads_the_same(tmp_path):
    absent = FolderScan.of(tmp_path / "absent", FEED_SUFFIXES)
    assert (absent.count, absent.names, absent.temps) == (0, (), ())
    out = make_folder(tmp_path)
    pending = FolderScan.start(out, FEED_SUFFIXES)
    assert pending.out_dir == out
    threaded = pending.result()
    direct = FolderScan.of(out, FEED_SUFFIXES)
    assert (threaded.names, threaded.temps, threaded.digest) == (direct.names, direct.temps, direct.digest)


def test_the_digest_is_made_as_the_folder_is_read_and_only_the_names_asked_for_are_kept(tmp_path):
    """The digest streamed folder by folder is the one of the whole listing sorted (what the marks
    stored before hold); ``keep`` holds fewer names, never a different digest or count."""
    out = make_folder(tmp_path)
    listing = rglob_listing(out)
    text = "".join(f"{p.relative_to(out).as_posix()}\0{p.stat().st_size}\0{p.stat().st_mtime_ns}\n" for p in listing)
    every = FolderScan.of(out, FEED_SUFFIXES)
    assert every.digest == hashlib.sha256(text.encode()).hexdigest() and every.count == len(listing)
    svg = FolderScan.of(out, FEED_SUFFIXES, keep=lambda rel: rel.endswith(".svg"))
    assert svg.names == ("entity/x.svg", "notice/n-1.svg")
    assert (svg.digest, svg.count, svg.temps) == (every.digest, every.count, every.temps)
