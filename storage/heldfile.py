"""Read the head of a store's file without dropping the locks SQLite holds on it in this process.

POSIX record locks (``fcntl``, SQLite's on Unix) belong to a process and an inode: closing *any* descriptor of the
file drops every one of them. ``copied_over_wal`` read the ``-shm``'s header with a plain ``open``/``close`` each time
a cycle of ``serve --schedule`` opened the store beside ``serve``'s own connections: ``serve`` lost its lock on the
``-shm`` (and its WAL read and write locks), the next ``status`` or cron ``run`` took itself for the first opener and
truncated the ``-shm`` under ``serve``'s mapping of it, and ``serve`` died of SIGBUS (ops37; session 36's mid CI).
So a file this process already has open is read through that descriptor (``pread``: nothing opened, nothing closed);
any other is opened and read, and its descriptor kept rather than closed should a connection of another thread have
opened the file meanwhile (rare; never closed, so never a lock dropped).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

FD_FOLDERS = ("/proc/self/fd", "/dev/fd")  # Linux; the BSDs and macOS
_kept: list[int] = []  # descriptors read while another one of the same file opened: held till the process ends
_kept_lock = threading.Lock()


def read_head(path: Path, size: int) -> bytes:
    """The first ``size`` bytes of ``path`` (fewer for a shorter file); ``OSError`` when it cannot be read."""
    st = os.stat(path)
    for fd in _open_here(st):
        try:
            data = os.pread(fd, size, 0)
            if _same(fd, st):  # (not closed and its number reused by another thread meanwhile)
                return data
        except OSError:
            continue
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        data = os.pread(fd, size, 0)
    except OSError:
        os.close(fd)
        raise
    if any(other != fd for other in _open_here(os.fstat(fd))):
        with _kept_lock:
            _kept.append(fd)  # a connection opened it meanwhile: closing ours would drop its locks
    else:
        os.close(fd)
    return data


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
