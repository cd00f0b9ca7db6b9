"""What a feeds folder holds, read in one pass: its feed and picture files with their sizes and
mtimes, and the names of temporary files a killed writer may have left.

The publish skip compares this with what the last publish left: a file deleted, added, renamed,
replaced or written to (in place too: its size or mtime moves) is noticed. What it cannot notice:
bytes changed with the size kept and the mtime set back (``touch -d``), or a change within the
file system's mtime granularity after the last publish's own write. One ``stat`` per file, relative
to an open folder (no path lookups), and no :mod:`pathlib` objects but for what the caller lists.
It may run in a thread while a cycle waits on the network (:func:`FolderScan.start`).
"""

from __future__ import annotations

import _thread
import hashlib
import os
import stat
import threading
import time
from array import array
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import overload

TEMP_PREFIX, TEMP_END = ".", ".tmp"  # our temporary files: ".<name>.<8 characters>.tmp" (feeds.write)


@dataclass(frozen=True)
class FolderScan:
    """The feed files under ``out_dir`` (relative POSIX paths, sorted as :class:`pathlib.Path` sorts
    them, with size and mtime in ns) and the temporary-file candidates, as of ``taken`` (time.time()).

    Held as one tuple of names and one array of numbers, not a tuple per file: a scan of 9,000 files
    left 9,000 objects for the garbage collector to track, and in a cycle of a long-running process
    its allocations were what set off a full collection (70 ms, every thread stopped)."""

    out_dir: Path
    names: tuple[str, ...]  # the files' relative paths
    stats: array[int]  # each file's size and mtime (ns), two numbers per name
    temps: tuple[Path, ...]
    taken: float
    digest: str  # a SHA-256 of each file's path, size and mtime

    @property
    def files(self) -> tuple[tuple[str, int, int], ...]:
        """(relative path, size, mtime in ns) per file."""
        return tuple((name, self.stats[2 * i], self.stats[2 * i + 1]) for i, name in enumerate(self.names))

    @classmethod
    def of(cls, out_dir: Path, suffixes: Collection[str]) -> FolderScan:
        """Read ``out_dir`` now (an absent folder holds nothing)."""
        taken = time.time()
        names: list[str] = []
        stats: array[int] = array("q")
        lines: list[str] = []
        temps: list[Path] = []
        try:
            fd = os.open(out_dir, os.O_RDONLY | os.O_DIRECTORY)
        except (FileNotFoundError, NotADirectoryError):
            fd = -1
        if fd >= 0:
            try:
                _walk(fd, "", tuple(suffixes), _Listing(names, stats, lines), temps, Path(out_dir))
            finally:
                os.close(fd)
        digest = hashlib.sha256("".join(lines).encode()).hexdigest()
        return cls(Path(out_dir), tuple(names), stats, tuple(temps), taken, digest)

    @staticmethod
    def start(out_dir: Path, suffixes: Collection[str]) -> PendingScan:
        """:meth:`of` in a thread of its own; the result is read with :meth:`PendingScan.result`."""
        return PendingScan(Path(out_dir), suffixes)

    def paths(self, leave_out: Collection[str] = ()) -> FolderPaths:
        """The files' paths (but those in ``leave_out``, relative), made only when read."""
        if not leave_out:
            return FolderPaths(self.out_dir, self.names)
        left = frozenset(leave_out)
        return FolderPaths(self.out_dir, tuple(rel for rel in self.names if rel not in left))


class FolderPaths(Sequence[Path]):
    """Paths under a folder from their relative names, each made when read: a skipped publish
    reports how many files it left alone without making thousands of Path objects."""

    def __init__(self, out_dir: Path, names: tuple[str, ...]) -> None:
        self.out_dir, self.names = out_dir, names

    def __len__(self) -> int:
        return len(self.names)

    @overload
    def __getitem__(self, index: int) -> Path: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Path]: ...

    def __getitem__(self, index: int | slice) -> Path | Sequence[Path]:
        if isinstance(index, slice):
            return [self.out_dir / n for n in self.names[index]]
        return self.out_dir / self.names[index]


class PendingScan:
    """A :class:`FolderScan` being read in a thread (an error in it is raised by :meth:`result`).

    Started with the low-level :func:`_thread.start_new_thread`, which returns at once:
    ``threading.Thread.start`` waits until the new thread runs, which on a busy machine is
    milliseconds the caller would spend waiting instead of sending its first request."""

    def __init__(self, out_dir: Path, suffixes: Collection[str]) -> None:
        self.out_dir = out_dir
        self._scan: FolderScan | None = None
        self._error: BaseException | None = None
        self._done = threading.Event()
        _thread.start_new_thread(self._run, (out_dir, tuple(suffixes)))

    def _run(self, out_dir: Path, suffixes: tuple[str, ...]) -> None:
        try:
            self._scan = FolderScan.of(out_dir, suffixes)
        except BaseException as exc:  # noqa: BLE001 - handed to the reader
            self._error = exc
        finally:
            self._done.set()

    def result(self) -> FolderScan:
        self._done.wait()
        if self._error is not None:
            raise self._error
        assert self._scan is not None
        return self._scan


@dataclass(frozen=True)
class _Listing:
    """Where :func:`_walk` puts each feed file: its name, its size and mtime, its line of the digest."""

    names: list[str]
    stats: array[int]
    lines: list[str]


def _walk(fd: int, prefix: str, suffixes: tuple[str, ...], out: _Listing, temps: list[Path], root: Path) -> None:
    """Every file under the open folder ``fd`` (``prefix``: its path below the root), in the order of
    :class:`pathlib.Path` (each folder's entries by name, a sub-folder's files where its name sorts);
    sub-folders are entered, links to folders are not (as :meth:`pathlib.Path.rglob`), links to files
    are followed. A feed file is a name whose extension (as :func:`os.path.splitext` finds it: not a
    leading dot's) is one of ``suffixes``."""
    with os.scandir(fd) as entries:
        listed = sorted(entries, key=_name)
    for entry in listed:
        name = entry.name
        if entry.is_dir(follow_symlinks=False):
            try:
                sub = os.open(name, os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
            except OSError:  # gone, or not readable: as rglob, nothing under it is listed
                continue
            try:
                _walk(sub, f"{prefix}{name}/", suffixes, out, temps, root)
            finally:
                os.close(sub)
            continue
        if name.startswith(TEMP_PREFIX) and name.endswith(TEMP_END):
            temps.append(root / f"{prefix}{name}")
            continue
        if not name.lstrip(".").endswith(suffixes):
            continue
        try:
            st = os.stat(name, dir_fd=fd)
        except OSError:  # removed meanwhile, or a dangling link: not a file
            continue
        if stat.S_ISREG(st.st_mode):
            rel, size, mtime = f"{prefix}{name}", st.st_size, st.st_mtime_ns
            out.names.append(rel)
            out.stats.append(size)
            out.stats.append(mtime)
            out.lines.append(f"{rel}\0{size}\0{mtime}\n")


def _name(entry: os.DirEntry[str]) -> str:
    return entry.name
