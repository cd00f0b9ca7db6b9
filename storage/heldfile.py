"""Read the head of a store's file without dropping the locks SQLite holds on it in this process.

POSIX record locks (``fcntl``, SQLite's on Unix) belong to a process and an inode: closing *any* descriptor of the
file drops every one of them. ``copied_over_wal`` read the ``-shm``'s header with a plain ``open``/``close`` each time
a cycle of ``serve --schedule`` opened the store beside ``serve``'s own connections: ``serve`` lost its lock on the
``-shm`` (and its WAL read and write locks), the next ``status`` or cron ``run`` took itself for the first opener and
truncated the ``-shm`` under ``serve``'s mapping of it, and ``serve`` died of SIGBUS (ops37; session 36's mid CI).
So a file this process already has open is read through that descriptor (``pread``: nothing opened, nothing closed);
any other is opened, read, and its descriptor kept open while the file exists (the next read goes through it). It was
closed when no other descriptor of the file was found, but a connection of another thread could open the file and take
its locks between that look and the close (health37, ops38): no look can close that window, so a descriptor is closed
only once its file is deleted (SQLite removes a ``-wal`` and ``-shm`` at its last close) and no other descriptor of
this process holds it: nothing can open a deleted file again by its name.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

FD_FOLDERS = ("/proc/self/fd", "/dev/fd")  # Linux; the BSDs and macOS
# descriptors read_head opened, with their file's (device, inode): closed only once it is deleted and no other one holds it
_kept: dict[int, tuple[int, int]] = {}
_kept_lock = threading.Lock()


def read_head(path: Path, size: int) -> bytes:
    """The first ``size`` bytes of ``path`` (fewer for a shorter file); ``OSError`` when it cannot be read."""
    return read_at(path, size, 0)


def read_at(path: Path, size: int, offset: int) -> bytes:
    """``size`` bytes of ``path`` from ``offset`` (fewer at its end), read as :func:`read_head` reads (``pread``
    through a descriptor of this process: none closed); ``OSError`` when it cannot be read."""
    st = os.stat(path)
    for fd in _open_here(st):
        try:
            data = os.pread(fd, size, offset)
            if _same(fd, st):  # (not closed and its number reused by another thread meanwhile)
                return data
        except OSError:
            continue
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    opened = os.fstat(fd)
    with _kept_lock:
        _close_deleted()
        _kept[fd] = (opened.st_dev, opened.st_ino)  # never closed here: another thread may have opened the file since
    return os.pread(fd, size, offset)


def _close_deleted() -> None:
    """Close the kept descriptors whose file is deleted and held by no other descriptor of this process (none can
    open it again: it has no name). Called with ``_kept_lock`` held."""
    for fd, file in list(_kept.items()):
        try:
            st = os.fstat(fd)
        except OSError:
            continue
        if st.st_nlink or (st.st_dev, st.st_ino) != file or fd not in _kept:  # (closed by another one of its inode)
            continue
        held = _open_here(st)
        if held and all(_kept.get(other) == file for other in held):  # (none listed: the system lists none: kept)
            for mine in held:
                os.close(mine)
                del _kept[mine]


def _open_here(st: os.stat_result) -> list[int]:
    """This process's descriptors of the file ``st`` describes (none where the system lists no descriptors)."""
    for folder in FD_FOLDERS:
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        return [int(name) for name in names if name.isdigit() and _same(int(name), st)]
    return []


def _same(fd: int, st: os.stat_result) -> bool:
    try:
        other = os.fstat(fd)
    except OSError:
        return False
    return (other.st_dev, other.st_ino) == (st.st_dev, st.st_ino)
