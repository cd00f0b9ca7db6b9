"""feeds.write.FileSink: a file written as its bytes come, compared with the file on disk on the way.

An unchanged file is never touched (same inode, same mtime); a changed one is replaced whole by
a rename, whatever block the first difference is in; a writer killed mid-file leaves only a hidden
temporary file, which the next publish removes (ours only, and only those older than the run).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from feeds.write import BLOCK, FileSink, remove_stale_temps, write_if_changed
from tests.feeds.replayed import REPO, write_feeds_cli


def _stream(path: Path, data: bytes, step: int = 1000) -> bool:
    sink = FileSink(path)
    for at in range(0, len(data), step):
        sink.write(data[at:at + step])
    return sink.close()


def _old(path: Path, data: bytes) -> tuple[int, int]:
    path.write_bytes(data)
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    st = path.stat()
    return st.st_ino, st.st_mtime_ns


BIG = bytes(range(256)) * (3 * BLOCK // 256 + 7)  # more than three blocks


def test_unchanged_file_is_not_touched(tmp_path):
    path = tmp_path / "all.atom"
    ino, mtime = _old(path, BIG)
    assert _stream(path, BIG) is False
    assert (path.stat().st_ino, path.stat().st_mtime_ns) == (ino, mtime)
    assert list(tmp_path.iterdir()) == [path]


@pytest.mark.parametrize("new", [
    BIG[:-1] + b"X",  # last byte, in the last block
    BIG[:BLOCK + 5] + b"Y" + BIG[BLOCK + 6:],  # in the second block: the first is copied from the old file
    BIG + b"more",  # longer
    BIG[:2 * BLOCK],  # shorter, ends on a block boundary
    b"",  # empty
], ids=["last-byte", "second-block", "longer", "shorter", "empty"])
def test_changed_file_is_replaced_whole(tmp_path, new):
    path = tmp_path / "all.atom"
    ino, _ = _old(path, BIG)
    assert _stream(path, new) is True
    assert path.read_bytes() == new
    assert path.stat().st_ino != ino  # renamed over, never edited in place
    assert oct(path.stat().st_mode & 0o777) == oct(0o644)
    assert list(tmp_path.iterdir()) == [path]


def test_new_file_and_folder(tmp_path):
    path = tmp_path / "entity" / "x.rss"
    assert _stream(path, b"<rss/>") is True
    assert path.read_bytes() == b"<rss/>"
    assert write_if_changed(path, b"<rss/>") is False


def test_abort_keeps_the_old_file(tmp_path):
    path = tmp_path / "ecl.json"
    _old(path, BIG)
    sink = FileSink(path)
    sink.write(b"different" * BLOCK)  # a temporary file exists now
    assert any(p.name.endswith(".tmp") for p in tmp_path.iterdir())
    sink.abort()
    assert path.read_bytes() == BIG
    assert list(tmp_path.iterdir()) == [path]


KILLED_WRITER = """
import sys, time
from pathlib import Path
from feeds.write import BLOCK, FileSink
sink = FileSink(Path(sys.argv[1]))
sink.write(b"x" * (2 * BLOCK))  # past the first block: the temporary file is being written
print("writing", flush=True)
time.sleep(60)
"""


def test_a_killed_writer_leaves_a_temp_file_that_the_next_publish_removes(fixture_db, tmp_path):
    out = tmp_path / "feeds"
    first = write_feeds_cli(fixture_db, out)
    assert first.exit_code in (0, 1), first.output
    before = (out / "all.atom").read_bytes()
    writer = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(out / "all.atom")], cwd=REPO,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "writing"
    finally:
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
    left = [p for p in out.iterdir() if p.name.startswith(".all.atom.") and p.name.endswith(".tmp")]
    assert len(left) == 1 and left[0].stat().st_size >= BLOCK
    assert (out / "all.atom").read_bytes() == before  # readers still see the last whole file
    theirs = out / ".notes.tmp"  # not a name we make
    theirs.write_text("someone else's")
    os.utime(left[0], (time.time() - 60, time.time() - 60))
    in_flight = out / "entity" / ".x.atom.abcd1234.tmp"  # ours, but newer than the run: another writer's
    in_flight.write_text("in flight")
    future = time.time() + 3600
    os.utime(in_flight, (future, future))

    again = write_feeds_cli(fixture_db, out)
    assert again.exit_code == first.exit_code, again.output
    assert not left[0].exists()
    assert theirs.exists() and in_flight.exists()
    assert (out / "all.atom").read_bytes() == before


def test_remove_stale_temps_only_ours(tmp_path):
    old = time.time() - 10
    names = [".all.atom.k2j4h5g1.tmp", ".skydio.svg.a_b_c_d_.tmp", ".all.atom.tmp", ".x.html.abcdefgh.tmp",
             "all.atom.abcdefgh.tmp"]
    for name in names:
        (tmp_path / name).write_text("x")
        os.utime(tmp_path / name, (old, old))
    removed = remove_stale_temps(tmp_path, before=time.time())
    assert sorted(p.name for p in removed) == [".all.atom.k2j4h5g1.tmp", ".skydio.svg.a_b_c_d_.tmp"]
    assert remove_stale_temps(tmp_path / "missing", before=time.time()) == []


def _stop_once_a_temp_exists(folder: Path):  # type: ignore[no-untyped-def]
    """A trace raising KeyboardInterrupt (a stop's SIGTERM as serve turns it) at the first line run after a temporary
    file appeared in ``folder``: where a signal can land between the file's creation and its bookkeeping."""
    fired = []

    def trace(frame, event, arg):  # type: ignore[no-untyped-def]
        if event == "line" and not fired and any(folder.glob(".*.tmp")):
            fired.append(frame.f_code.co_name)
            raise KeyboardInterrupt
        return trace

    return trace, fired


@pytest.mark.parametrize("old", [None, b"<feed>old</feed>"])
def test_a_stop_right_after_the_temp_file_is_made_leaves_none(tmp_path, old):
    """ops39 B6 / ops41 B5: a stop landing just after the temporary file was created, before the sink knew its name
    (inside mkstemp, or on its return), left one ``.tmp`` beside the feeds until the next publish."""
    path = tmp_path / "all.atom"
    if old is not None:
        path.write_bytes(old)
    trace, fired = _stop_once_a_temp_exists(tmp_path)
    sys.settrace(trace)
    try:
        with pytest.raises(KeyboardInterrupt):
            write_if_changed(path, b"<feed>new</feed>")
    finally:
        sys.settrace(None)
    assert fired  # the stop came while the temporary file existed
    assert sorted(p.name for p in tmp_path.iterdir()) == ([] if old is None else ["all.atom"])
    if old is not None:
        assert path.read_bytes() == old
