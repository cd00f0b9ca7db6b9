"""Write feed files atomically, leaving unchanged files alone.

A reader polling the server never sees a half-written file (write to a temporary
file in the same folder, then rename), and an unchanged feed keeps its mtime, so
HTTP caching (Last-Modified / ETag) stays valid between runs. No fsync: a feed
lost to a power cut is rewritten on the next run (it no longer matches), and
fsyncing thousands of entity feeds per run costs seconds.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import secrets
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from feeds.build import FeedFile
from feeds.formats import FORMATS, PICTURE_SUFFIX, SUFFIXES

OUR_SUFFIXES = frozenset((*SUFFIXES, f".{PICTURE_SUFFIX}"))
log = logging.getLogger(__name__)


TEMP_SUFFIX = ".tmp"
BLOCK = 1 << 16  # bytes compared or written at a time
# Our temporary files: ".<file name>.<8 characters>.tmp" (8 hex digits; mkstemp's [a-z0-9_] before session 42) beside the file they replace.
TEMP_RE = re.compile(r"^\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp$")


def feed_paths(out_dir: Path, name: str) -> dict[str, Path]:
    """``<name>.<format>`` under ``out_dir``, by format name."""
    return {fmt.name: Path(out_dir) / f"{name}.{fmt.name}" for fmt in FORMATS}


def write_feeds(out_dir: Path, files: Sequence[FeedFile]) -> list[Path]:
    """Write every ``<name>.<format>`` under ``out_dir``; return the paths actually written."""
    written: list[Path] = []
    for feed in files:
        for fmt, path in feed_paths(out_dir, feed.name).items():
            if write_if_changed(path, feed.data(fmt)):
                written.append(path)
    return written


def picture_path(out_dir: Path, name: str) -> Path:
    return Path(out_dir) / f"{name}.{PICTURE_SUFFIX}"


def write_if_changed(path: Path, data: bytes, stage: Staged | None = None) -> bool:
    """Atomically replace ``path`` with ``data`` unless it already holds exactly that (``stage``: at its commit)."""
    sink = FileSink(path, stage)
    try:
        sink.write(data)
    except BaseException:
        sink.abort()
        raise
    return sink.close()


class FileSink:
    """One file's new bytes as they come, never all at once: compared with the file on disk block
    by block, and written (to a temporary file beside it, renamed over it at :meth:`close`) only
    from the first block that differs, after the equal part copied from the old file. A file whose
    bytes did not change is not touched (its mtime stays); a reader never sees a half-written one.
    """

    def __init__(self, path: Path, stage: Staged | None = None) -> None:
        self.path = path
        self.stage = stage  # None: renamed over the file at close; else at the stage's commit
        self._pending: list[bytes] = []
        self._size = 0
        self._matched = 0  # leading bytes equal to the old file's
        self._tmp: Path | None = None
        self._out: BinaryIO | None = None
        try:
            self._old: BinaryIO | None = open(path, "rb")  # noqa: SIM115 - closed in close/abort
        except FileNotFoundError:
            self._old = None

    def write(self, data: bytes) -> None:
        self._pending.append(data)
        self._size += len(data)
        if self._size >= BLOCK:
            self._flush()

    def _flush(self) -> None:
        chunk = b"".join(self._pending)
        self._pending, self._size = [], 0
        if self._out is None and self._old is not None and self._old.read(len(chunk)) == chunk:
            self._matched += len(chunk)
            return
        self._diverge().write(chunk)

    def _diverge(self) -> BinaryIO:
        """The temporary file, holding the old file's equal leading bytes."""
        if self._out is not None:
            return self._out
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._out = out = self._create()
        if self._old is not None:
            self._old.seek(0)
            left = self._matched
            while left:
                block = self._old.read(min(left, BLOCK))
                if not block:  # the old file shrank under us: write ours whole
                    raise OSError(f"{self.path} changed while it was compared")
                out.write(block)
                left -= len(block)
            self._old.close()
            self._old = None
        return out

    def _create(self) -> BinaryIO:
        """A new temporary file, its name held (:attr:`_tmp`) before it exists: a stop (SIGTERM, Ctrl-C) at any
        point after that is cleaned by :meth:`abort`. Was: ``tempfile.mkstemp``, whose file existed before its name
        came back, so a stop in between left one ``.tmp`` (ops39 B6, ops41 B5; removed only by the next publish)."""
        for _ in range(100):
            self._tmp = self.path.parent / f".{self.path.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}"  # as TEMP_RE
            try:
                fd = os.open(self._tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
            except FileExistsError:
                self._tmp = None
                continue
            try:
                return os.fdopen(fd, "wb")
            except BaseException:
                os.close(fd)
                raise
        raise FileExistsError(errno.EEXIST, "no free temporary file name", os.fspath(self.path.parent))

    def close(self) -> bool:
        """Finish the file; True when its bytes changed (or it is new) and it was replaced."""
        try:
            self._flush()
            if self._out is None and self._old is not None and not self._old.read(1):
                self._old.close()
                return False  # the same bytes, to the end
            out = self._diverge()
            out.close()
            assert self._tmp is not None
            os.chmod(self._tmp, 0o644)
            if self.stage is not None:
                self.stage.add(self._tmp, self.path)
            else:
                os.replace(self._tmp, self.path)
            self._tmp = None
            return True
        except BaseException:
            self.abort()
            raise

    def abort(self) -> None:
        """Leave the file as it was and remove the temporary one."""
        for fh in (self._old, self._out):
            if fh is not None:
                fh.close()
        if self._tmp is not None:
            self._tmp.unlink(missing_ok=True)
            self._tmp = None


class NothingPlaced(OSError):
    """A publish's file-system fault met before any of its files was put in place (:class:`Staged`): every file of the
    folder is the last publish's."""


PLACED = "staged_files_placed"  # set on a stop that ended a publish: whether its files were put in place


def stopped_placing(exc: BaseException) -> bool | None:
    """For a stop (a KeyboardInterrupt) that ended a publish: True when it came while the publish's files were put in
    place (:meth:`Staged.commit` placed them all first), False when before (none was put in place), None when it did
    not pass through :class:`Staged` (before its files were made, or after they were placed)."""
    placed = getattr(exc, PLACED, None)
    return placed if isinstance(placed, bool) else None


class Staged:
    """A publish's new files, each written whole beside the one it replaces, all put in place at :meth:`commit` (a
    rename each: no space needed). Was: each file renamed as it was written, so a disk filling mid-publish left this
    publish's state pictures and entity feeds beside the last publish's ``all`` and list feeds (a company's picture
    and feed saying a change ``all.atom`` did not carry; ops37's B4). Now such a fault leaves every file as the last
    publish left it (:meth:`abort`), said as :class:`NothingPlaced`. Only files whose bytes changed are staged; the
    disk holds them beside the old ones until the commit."""

    def __init__(self) -> None:
        # (temporary file, its file) as strings, ~350 bytes a file: a pair of Paths held ~1,000, and feeds --out's peak
        # memory at 100x the fixtures rose from 115 to 145 MB with the stage (perf39; issue 11 bounds it at 2x the 1x's)
        self._moves: list[tuple[str, str]] = []

    def add(self, tmp: Path, path: Path) -> None:
        self._moves.append((os.fspath(tmp), os.fspath(path)))

    def commit(self) -> None:
        """Every staged file renamed over its own, in the order written (a later copy of one file wins). One gone
        meanwhile was removed by another publish into the folder as a killed writer's (:func:`remove_stale_temps`,
        at its start: on PostgreSQL no write lock keeps serve's refresh and a cron ``run`` from publishing at once):
        that publish writes the file; the others are put in place. A stop (Ctrl-C, SIGTERM: a KeyboardInterrupt)
        that comes meanwhile puts the rest in place too, then stops (:func:`stopped_placing`): renames, needing no
        space and a fraction of a second. Was: the rest removed, the folder left part this publish's, part the last
        one's (ops39: the renames took 0.18 s of a 12 s publish at 10 times the fixtures; ``docker stop``)."""
        gone = 0
        stop: KeyboardInterrupt | None = None
        retried = -1  # the file a stop came at: tried again; not found then, its rename had been done
        done = 0
        while done < len(self._moves):
            tmp, path = self._moves[done]
            try:
                try:
                    os.replace(tmp, path)
                except FileNotFoundError:
                    if not os.path.isdir(os.path.dirname(path)):  # the folder itself gone: removed by another
                        raise  # process (a cleanup job, a person), no publish's (health46: "left to the other", exit 0)
                    if done != retried:
                        gone += 1
                done += 1
            except KeyboardInterrupt as exc:
                stop, retried = exc, done
            except BaseException:
                del self._moves[:done + 1]
                self.abort()  # (those after it: left as the last publish's, said by the error)
                raise
        self._moves.clear()
        if gone:
            log.warning("%d file(s) of this publish were removed before they were put in place, by another publish "
                        "into the same folder: that one writes them", gone)
        if stop is not None:
            setattr(stop, PLACED, True)  # noqa: B010
            raise stop

    def abort(self) -> None:
        """No staged file put in place: each removed."""
        for tmp, _ in self._moves:
            Path(tmp).unlink(missing_ok=True)
        self._moves.clear()

    @contextlib.contextmanager
    def placing(self) -> Iterator[Staged]:
        """The block writes the publish's files beside their own; at its end all are put in place (:meth:`commit`), or,
        should it raise, none is (:meth:`fault`: a file-system fault raised as :class:`NothingPlaced`)."""
        try:
            yield self
        except BaseException as exc:
            if (fault := self.fault(exc)) is exc:
                raise
            raise fault from exc
        self.commit()

    def fault(self, exc: BaseException) -> BaseException:
        """``exc`` raised before the commit, the staged files removed: a file-system fault as :class:`NothingPlaced`."""
        self.abort()
        if isinstance(exc, KeyboardInterrupt):
            setattr(exc, PLACED, False)  # noqa: B010
        if isinstance(exc, OSError) and not isinstance(exc, NothingPlaced) and exc.errno is not None:
            return NothingPlaced(exc.errno, exc.strerror, exc.filename)
        return exc


def remove_stale_temps(out_dir: Path, before: float, candidates: Iterable[Path] | None = None) -> list[Path]:
    """Delete our own temporary files (``.<name>.<8 characters>.tmp`` for a feed or picture file)
    last modified before ``before`` (a time.time()): what a writer killed mid-file left behind.
    Another writer's files in flight are newer; files of other programs do not match the name.
    ``candidates``: the hidden ``.tmp`` files under ``out_dir`` when already listed (None: look)."""
    removed: list[Path] = []
    out = Path(out_dir)
    if candidates is None:
        if not out.is_dir():
            return removed
        candidates = out.rglob(f".*{TEMP_SUFFIX}")
    for path in candidates:
        found = TEMP_RE.match(path.name)
        if found is None or Path(found["name"]).suffix not in OUR_SUFFIXES:
            continue
        try:
            if path.is_file() and not path.is_symlink() and path.stat().st_mtime < before:
                path.unlink()
                removed.append(path)
        except FileNotFoundError:
            pass
    return removed


def write_error(exc: OSError, out_dir: Path) -> str:
    """One line for a feeds folder we could not write: which folder, what is wrong, what to do.
    Nothing there is half-written: each file is replaced whole or left as it was. A publish puts its files in place
    together (:class:`Staged`): a fault before that left them all the last one's (:class:`NothingPlaced`), said so;
    any other may have come after some were this publish's (cli36): said so."""
    code = exc.errno
    if code == errno.EEXIST and exc.filename and not os.path.lexists(exc.filename):
        code = errno.ENOENT  # os.makedirs met the folder, then found it gone: removed between its two looks
    if code in (errno.ENOSPC, errno.EDQUOT):
        what = "the disk is full (or over quota): free some space"
    elif code == errno.EFBIG:
        what = "a file would pass the file size limit (ulimit -f, or the file system's): raise the limit"
    elif code == errno.EROFS:
        what = "it is on a read-only file system: remount it writable or choose another folder with --out"
    elif code in (errno.EACCES, errno.EPERM):
        what = "it is not writable by this user: fix its permissions or choose another folder with --out"
    elif code in (errno.ENOTDIR, errno.EEXIST):
        what = ("it (or a folder on its path) is a file, not a folder: move the file away or choose another "
                "folder with --out")
    elif code == errno.ENOENT:  # (health46: was "No such file or directory (…/.x.svg.tmp)", as an internal error)
        return (f"cannot write the feeds in {out_dir}: it, or a folder in it, was removed by another process while "
                "this publish wrote it (a cleanup job, a person): leave the folder to mofcom-watch, then run again (the "
                "next publish writes every file; until then what was removed is missing)")
    else:
        what = f"{exc.strerror or exc}" + (f" ({exc.filename})" if exc.filename else "")
    if isinstance(exc, NothingPlaced):
        return (f"cannot write the feeds in {out_dir}: {what}, then run again "
                "(no file of this publish was put in place: every file there is the last publish's)")
    return (f"cannot write the feeds in {out_dir}: {what}, then run again "
            "(each feed file there is whole, this publish's or the last one's: the next publish writes them all)")
