"""``storage.heldfile.read_head`` never drops the POSIX locks another descriptor of this process holds on the file.

Closing *any* descriptor of a file drops every record lock the process holds on it (SQLite's among them: ops37's
SIGBUS). ``read_head`` closed the descriptor it had opened when it found no other descriptor of the file open; another
thread's connection opening the file and taking its locks between that look and the close lost them (health37's
review, ops38). Now a descriptor it opened stays open while its file exists. Real files, real locks, probed from another
process as SQLite asks (``fcntl``, not waited for).
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

from storage import heldfile

PROBE = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR)
try:
    fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, 128)
except OSError:
    sys.exit(1)
sys.exit(0)
"""


def locked_elsewhere(path: Path) -> bool:
    """Whether another process finds byte 128 of ``path`` locked (as SQLite's dead man switch of a ``-shm``)."""
    return subprocess.run([sys.executable, "-c", PROBE, str(path)]).returncode == 1


def descriptors_of(path: Path) -> list[int]:
    st = path.stat()
    return heldfile._open_here(st)


def test_a_connection_opening_the_file_as_read_head_ends_keeps_its_lock(tmp_path, monkeypatch):
    """The window made certain: the moment ``read_head`` would close its descriptor, another descriptor of the file is
    opened in this process and takes a shared lock, as a connection of serve's other thread does. Was: the close
    dropped it (another process could then take the byte: the next SQLite truncates the ``-shm`` under this one)."""
    shm = tmp_path / "store.sqlite-shm"
    shm.write_bytes(bytes(range(256)) * 4)
    other: list[int] = []
    real_close = os.close
    inode = shm.stat().st_ino

    def connection_opens_it() -> None:
        if not other:
            fd = os.open(shm, os.O_RDWR)
            fcntl.lockf(fd, fcntl.LOCK_SH, 1, 128)
            other.append(fd)

    def close(fd: int) -> None:
        try:
            ours = os.fstat(fd).st_ino == inode
        except OSError:
            ours = False
        if ours:
            connection_opens_it()  # (between read_head's look for other descriptors and its close)
        real_close(fd)

    monkeypatch.setattr(os, "close", close)
    try:
        assert heldfile.read_head(shm, 8) == bytes(range(8))
    finally:
        monkeypatch.setattr(os, "close", real_close)
    connection_opens_it()  # (read_head closed nothing: the connection opens the file just after it)
    try:
        assert locked_elsewhere(shm), "the lock of the connection that opened the file meanwhile was dropped"
    finally:
        real_close(other[0])


def test_reads_of_one_file_keep_one_descriptor_and_one_of_a_deleted_file_is_closed(tmp_path):
    wal = tmp_path / "store.sqlite-wal"
    wal.write_bytes(b"WAL header" * 10)
    for _ in range(5):
        assert heldfile.read_head(wal, 3) == b"WAL"
    assert len(descriptors_of(wal)) == 1  # the kept one, read again each time: no descriptor per read
    kept = descriptors_of(wal)[0]
    wal.unlink()  # SQLite's last connection removes its -wal
    later = tmp_path / "other.sqlite-wal"
    later.write_bytes(b"other")
    assert heldfile.read_head(later, 5) == b"other"
    assert kept not in heldfile._kept and len(descriptors_of(later)) == 1  # closed: nothing can open it again


def test_a_deleted_file_another_descriptor_holds_is_left_open(tmp_path):
    shm = tmp_path / "store.sqlite-shm"
    shm.write_bytes(bytes(256))
    assert heldfile.read_head(shm, 4) == bytes(4)
    conn = os.open(shm, os.O_RDWR)  # a connection of this process still has it
    fcntl.lockf(conn, fcntl.LOCK_SH, 1, 128)
    st = os.fstat(conn)
    shm.unlink()
    try:
        (tmp_path / "next").write_bytes(b"x")
        heldfile.read_head(tmp_path / "next", 1)
        mine = [fd for fd, file in heldfile._kept.items() if file == (st.st_dev, st.st_ino)]
        assert mine and os.fstat(mine[0]).st_ino == st.st_ino  # not closed: closing it would drop conn's lock
    finally:
        os.close(conn)
