"""The commands that only read a SQLite store, run where reading it would leave files behind: they read a private copy.

SQLite reads a store in WAL mode through two files beside it, ``-wal`` and ``-shm``, and makes them when they are not
there, even for a connection opened ``mode=ro``; one that cannot write its database file cannot remove them at its
close either. Made by another user than the store's owner, they keep that user's uid (SQLite copies only the store's
mode bits; root alone gives them the store's owner): ``status`` run by an admin in a folder the admin may write left
``store.sqlite-wal``/``-shm`` that the service's next ``run`` could not write, and every run exited 3 until someone
removed them (ops51's open B). In a folder this user cannot write (a read-only mount, a folder of the service's), SQLite
cannot make them at all, and every reader exited 3 (ops50).

Where neither file is there (the store's writers have all closed: the last one's close writes the log into the file
and removes both), the file alone holds the whole store, and a copy of it read with ``immutable=1`` makes nothing
beside the store. Not the store itself with ``immutable=1``: SQLite then takes no lock and trusts the file never to
change, and a writer starting meanwhile and writing its log into the file (its checkpoint) gives torn reads, wrong
rows or "malformed" (sqlite.org/uri.html: "might return incorrect query results and/or SQLITE_CORRUPT errors"); and
a ``-wal`` holding frames is not read at all (its commits silently missing). The copy is made before anything is read,
and kept only if the file did not change while it was copied (its size, times and inode); else it is made again, and
after :data:`COPY_TRIES` a one-line refusal (exit 3: run again). Where a ``-wal`` holding frames is there, or both files
are (a writer is at work, or was killed), nothing changes: the store is read in place, as before.
"""

from __future__ import annotations

import atexit
import itertools
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from storage.heldfile import read_at

SIDE_SUFFIXES = ("-wal", "-shm")  # what SQLite makes beside a store in WAL mode to read it
WAL_HEADER_OFFSET, WAL_VERSION = 18, 2  # the file header's read/write version bytes: 2 = WAL (sqlite.org/fileformat)
COPY_TRIES = 3  # copies made of a file that changes while copied, before the reader gives up (a writer at work)
CHUNK = 1 << 20  # bytes copied at a time
PRIVATE_QUERY = "&immutable=1"  # a private copy's URI query beside mode=ro: no lock, no file made beside it
COPY_PREFIX = "mofcom-watch-read-"  # the private folder of this process's copies (0700, removed at its exit)


@dataclass(frozen=True)
class Signature:
    """What changes when a file is written: a copy made while it did not change is the file as it was."""

    device: int
    inode: int
    size: int
    modified_ns: int
    changed_ns: int
    owner: int

    @classmethod
    def of(cls, path: Path) -> Signature:
        st = os.stat(path)
        return cls(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_uid)


class CopyFailed(OSError):
    """No private copy of the store could be made: ``why`` (it kept changing, no room for it), ``owner`` its uid."""

    def __init__(self, why: str, owner: int) -> None:
        super().__init__(why)
        self.why, self.owner = why, owner


def side_files(path: Path) -> tuple[Path, ...]:
    """The ``-wal`` and ``-shm`` SQLite keeps beside the store ``path``."""
    return tuple(Path(f"{path}{side}") for side in SIDE_SUFFIXES)


def makes_side_files(path: Path) -> bool:
    """Whether opening the SQLite file ``path`` makes a file beside it: a store in WAL mode with a side file missing,
    and nothing beside it that only the store in place holds (a ``-wal`` with frames in it)."""
    log, index = side_files(path)
    try:
        wal = read_at(path, 1, WAL_HEADER_OFFSET) == bytes((WAL_VERSION,))
        return wal and not (log.exists() and (index.exists() or log.stat().st_size))
    except OSError:
        return False


def not_owners(path: Path) -> bool:
    """Whether a file SQLite makes beside ``path`` in this process is not the store's owner's: made by another user
    (root gives SQLite's files to the store's owner)."""
    try:
        return os.geteuid() not in (0, os.stat(path).st_uid)
    except OSError:
        return False


def leaves_files(path: Path) -> bool:
    """Whether reading the SQLite file ``path`` in place would make a file beside it that its owner could not write
    (:func:`makes_side_files` as another user), or cannot make it (this user cannot write the folder)."""
    return makes_side_files(path) and (not_owners(path) or not os.access(path.parent, os.W_OK | os.X_OK))


_copies: dict[Path, tuple[Signature, Path]] = {}  # this process's copies: the store's signature when copied, the copy
_copies_lock = threading.Lock()
_folder: list[Path] = []  # the private folder, made at the first copy
_numbers = itertools.count()  # each copy a name of its own (one replaced may still be read by a connection)


def reading_of(path: Path) -> tuple[Path, bool]:
    """The file a reader of the store ``path`` opens, and whether it is a private copy (opened ``immutable=1``): the
    store itself, unless reading it in place would leave files behind (:func:`leaves_files`). One copy per process
    while the store does not change (every connection of a command reads the same). :class:`CopyFailed` when none
    can be made."""
    with _copies_lock:
        kept = _copies.get(path)
        if kept is not None and kept[0] == Signature.of(path):
            return kept[1], True  # (a writer started since has changed nothing in the file: the copy is as fresh)
        if not leaves_files(path):
            return path, False
        copy, signature = _fresh_copy(path)
        if kept is not None:
            kept[1].unlink(missing_ok=True)  # (a connection still reading it keeps it open)
        _copies[path] = (signature, copy)
        return copy, True


def _fresh_copy(path: Path) -> tuple[Path, Signature]:
    """A copy of ``path`` made while it did not change, with its signature then; :class:`CopyFailed` after
    :data:`COPY_TRIES` copies it changed during, or when none can be written."""
    before = Signature.of(path)
    try:
        target = _private_folder() / f"{next(_numbers)}-{path.name}"
    except OSError as exc:  # (no temporary folder this user may write: a read-only root without a /tmp tmpfs)
        raise CopyFailed(f"no folder for it could be made ({exc.strerror or exc}): set TMPDIR to a folder this user "
                         "can write", before.owner) from exc
    for _ in range(COPY_TRIES):
        before = Signature.of(path)
        try:
            _copy(path, target, before.size)
        except OSError as exc:
            target.unlink(missing_ok=True)
            raise CopyFailed(f"no copy of it could be made in {target.parent} ({exc.strerror or exc}: TMPDIR names "
                             "the folder)", before.owner) from exc
        if Signature.of(path) == before:
            return target, before
    target.unlink(missing_ok=True)
    raise CopyFailed(f"it changed each of the {COPY_TRIES} times it was copied (a run writing it)", before.owner)


def _copy(path: Path, target: Path, size: int) -> None:
    """``size`` bytes of ``path`` into ``target`` (0600), read as :mod:`storage.heldfile` reads: no descriptor of the
    store closed (closing one drops the locks SQLite holds on it in this process)."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0), 0o600)
    with os.fdopen(fd, "wb") as out:
        done = 0
        while done < size and (chunk := read_at(path, min(CHUNK, size - done), done)):
            out.write(chunk)
            done += len(chunk)


def _private_folder() -> Path:
    """This process's folder of copies (0700 in the temporary folder, ``TMPDIR``), removed at its exit."""
    if not _folder:
        made = Path(tempfile.mkdtemp(prefix=COPY_PREFIX))
        atexit.register(shutil.rmtree, made, True)
        _folder.append(made)
    return _folder[0]
