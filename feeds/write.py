"""Write feed files atomically, leaving unchanged files alone.

A reader polling the server never sees a half-written file (write to a temporary
file in the same folder, then rename), and an unchanged feed keeps its mtime, so
HTTP caching (Last-Modified / ETag) stays valid between runs. No fsync: a feed
lost to a power cut is rewritten on the next run (it no longer matches), and
fsyncing thousands of entity feeds per run costs seconds.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from feeds.build import FeedFile
from feeds.formats import FORMATS, PICTURE_SUFFIX
from feeds.picture import PictureFile


def feed_paths(out_dir: Path, feed: FeedFile) -> dict[str, Path]:
    return {fmt.name: Path(out_dir) / f"{feed.name}.{fmt.name}" for fmt in FORMATS}


def write_feeds(out_dir: Path, files: Sequence[FeedFile]) -> list[Path]:
    """Write every ``<name>.<format>`` under ``out_dir``; return the paths actually written."""
    written: list[Path] = []
    for feed in files:
        for fmt, path in feed_paths(out_dir, feed).items():
            data = feed.data(fmt)
            if write_if_changed(path, data):
                written.append(path)
    return written


def picture_path(out_dir: Path, picture: PictureFile) -> Path:
    return Path(out_dir) / f"{picture.name}.{PICTURE_SUFFIX}"


def write_pictures(out_dir: Path, pictures: Sequence[PictureFile]) -> list[Path]:
    """Write every ``<name>.svg`` under ``out_dir``; return the paths actually written."""
    written: list[Path] = []
    for pic in pictures:
        path = picture_path(out_dir, pic)
        if write_if_changed(path, pic.svg):
            written.append(path)
    return written


def write_if_changed(path: Path, data: bytes) -> bool:
    """Atomically replace ``path`` with ``data`` unless it already holds exactly that."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def write_error(exc: OSError, out_dir: Path) -> str:
    """One line for a feeds folder we could not write: which folder, what is wrong, what to do.
    Nothing there is half-written: each file is replaced whole or left as it was."""
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        what = "the disk is full (or over quota): free some space"
    elif code == errno.EROFS:
        what = "it is on a read-only file system: remount it writable or choose another folder with --out"
    elif code in (errno.EACCES, errno.EPERM):
        what = "it is not writable by this user: fix its permissions or choose another folder with --out"
    else:
        what = f"{exc.strerror or exc}" + (f" ({exc.filename})" if exc.filename else "")
    return (f"cannot write the feeds in {out_dir}: {what}, then run again "
            "(the feed files there are whole: each one is replaced atomically or left as it was)")
