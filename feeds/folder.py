"""What a feeds folder holds, read in one pass: a digest of its feed and picture files' names, sizes
and mtimes, their names (or those the caller keeps), and the temporary files a killed writer may have left.

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
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar, overload

T = TypeVar("T")
TEMP_PREFIX, TEMP_END = ".", ".tmp"  # our temporary files: ".<name>.<8 characters>.tmp" (feeds.write)


@dataclass(frozen=True)
class FolderScan:
    """The feed files under ``out_dir`` as of ``taken`` (time.time()): ``digest``, a SHA-256 of each
    file's relative POSIX path, size and mtime in ns, in the order :class:`pathlib.Path` sorts the
    paths; ``count`` files in all; the relative paths of those ``of`` was asked to keep (all, by
    default), in that order; and the temporary-file candidates.

    No object per file but its name: a scan of 9,000 files that left 9,000 tuples for the garbage
    collector to track set off, in a cycle of a long-running process, a full collection (70 ms,
    every thread stopped); and a publish of 42,000 files must not hold them all to list the stale few."""

    out_dir: Path
    digest: str
    count: int
    names: tuple[str, ...]
    temps: tuple[Path, ...]
    taken: float

    @classmethod
    def of(cls, out_dir: Path, suffixes: Collection[str], keep: Callable[[str], bool] | None = None) -> FolderScan:
        """Read ``out_dir`` now (an absent folder holds nothing). ``keep``: which relative paths to
        hold (None: every one); the digest covers every file all the same, and is made as the folder
        is read, so a folder of 42,000 files is never held whole (just the names of its largest folder)."""
        taken = time.time()
        listing = _Listing(Path(out_dir), tuple(suffixes), keep)
        try:
            fd = os.open(out_dir, os.O_RDONLY | os.O_DIRECTORY)
        except (FileNotFoundError, NotADirectoryError):
            return listing.scan(taken)
        try:
            listing.walk(fd, "")
        finally:
            os.close(fd)
        return listing.scan(taken)

    @staticmethod
    def start(out_dir: Path, suffixes: Collection[str]) -> PendingScan:
        """:meth:`of` in a thread of its own; the result is read with :meth:`PendingScan.result`."""
        return PendingScan(Path(out_dir), suffixes)

    def paths(self, leave_out: Collection[str] = ()) -> FolderPaths:
        """The kept files' paths (but those in ``leave_out``, relative), made only when read."""
        if not leave_out:
            return FolderPaths(self.out_dir, self.names)
        left = frozenset(leave_out)
        return FolderPaths(self.out_dir, tuple(rel for rel in self.names if rel not in left))


class Lazy(Sequence[T]):
    """A sequence whose items are made when read (:meth:`item`): a list of thousands of files
    without thousands of objects."""

    def __len__(self) -> int:
        raise NotImplementedError

    def item(self, index: int) -> T:
        """The item at ``index`` (0 <= index < len)."""
        raise NotImplementedError

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...

    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        positions = range(len(self))  # negative indexes, slices, and IndexError past the end
        if isinstance(index, slice):
            return [self.item(i) for i in positions[index]]
        return self.item(positions[index])


class FolderPaths(Lazy[Path]):
    """Paths under a folder from their relative names, each made when read: a skipped publish
    reports how many files it left alone without making thousands of Path objects."""

    def __init__(self, out_dir: Path, names: Sequence[str]) -> None:
        self.out_dir, self.names = out_dir, names

    def __len__(self) -> int:
        return len(self.names)

    def item(self, index: int) -> Path:
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


class _Listing:
    """A folder being read: the digest so far, the count, the names kept and the temporary files."""

    def __init__(self, root: Path, suffixes: tuple[str, ...], keep: Callable[[str], bool] | None) -> None:
        self.root, self.suffixes, self.keep = root, suffixes, keep
        self.digest = hashlib.sha256()
        self.count = 0
        self.names: list[str] = []
        self.temps: list[Path] = []

    def scan(self, taken: float) -> FolderScan:
        return FolderScan(self.root, self.digest.hexdigest(), self.count, tuple(self.names), tuple(self.temps), taken)

    def walk(self, fd: int, prefix: str) -> None:
        """Every file under the open folder ``fd`` (``prefix``: its path below the root), in name
        order with its sub-folders (which is the order of the relative paths sorted by their parts);
        sub-folders are entered, links to folders are not (as :meth:`pathlib.Path.rglob`), links to
        files are followed. Only names are held while a folder is read, not its entries. A feed file
        is a name whose extension (as :func:`os.path.splitext` finds it: not a leading dot's) is one
        of ``suffixes``."""
        folders: set[str] = set()
        names: list[str] = []
        with os.scandir(fd) as entries:
            for entry in entries:
                name = entry.name
                if entry.is_dir(follow_symlinks=False):
                    folders.add(name)
                    names.append(name)
                elif name.startswith(TEMP_PREFIX) and name.endswith(TEMP_END):
                    self.temps.append(self.root / f"{prefix}{name}")
                elif name.lstrip(".").endswith(self.suffixes):
                    names.append(name)
        names.sort()
        for name in names:
            if name in folders:
                try:
                    sub = os.open(name, os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
                except OSError:  # gone, or not readable: as rglob, nothing under it is listed
                    continue
                try:
                    self.walk(sub, f"{prefix}{name}/")
                finally:
                    os.close(sub)
                continue
            try:
                st = os.stat(name, dir_fd=fd)
            except OSError:  # removed meanwhile, or a dangling link: not a file
                continue
            if stat.S_ISREG(st.st_mode):
                rel = f"{prefix}{name}"
                self.digest.update(f"{rel}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
                self.count += 1
                if self.keep is None or self.keep(rel):
                    self.names.append(rel)
