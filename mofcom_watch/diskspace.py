"""Free space under the store and the feeds folder, for `status` and `/healthz`.

A run that fills the disk stops with one line (exit 3), but when the disk holds the store too, it cannot
record that its publish failed: `status` and `/healthz` would then read the last good publish and look
green while no feed can be written. So they look at the disk itself: a disk nearly full is a problem they
report (exit 1, HTTP 503) until space is freed. Likewise the live feeds folder removed or emptied since its last
publish (:func:`feeds_gone`): the store says a publish worked while readers get 404.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storage.publications import PublishRecord

LOW_SPACE_BYTES = 16 << 20  # below this free (or LOW_SPACE_SHARE of a smaller disk), the next publish may fail
LOW_SPACE_SHARE = 0.05  # a small disk (a tmpfs, a small volume) is low when under 5% is left


def low_space(paths: Iterable[Path | None]) -> list[str]:
    """One line per file system holding one of ``paths`` (or the nearest folder above it that exists) whose free
    space is low; empty when every one has room (or cannot be asked)."""
    seen: set[int] = set()
    lines = []
    for path in paths:
        if path is None:
            continue
        existing = _existing(Path(path))
        if existing is None:
            continue
        try:
            dev = existing.stat().st_dev
            if dev in seen:
                continue
            seen.add(dev)
            fs = os.statvfs(existing)
        except OSError:
            continue
        size, free = fs.f_blocks * fs.f_frsize, fs.f_bavail * fs.f_frsize
        if size and free < min(LOW_SPACE_BYTES, LOW_SPACE_SHARE * size):
            lines.append(f"the disk holding {path} is nearly full ({_size(free)} free of {_size(size)}): the next "
                         "run or publish may fail; free some space")
    return lines


def _existing(path: Path) -> Path | None:
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return None


def _size(n: float) -> str:
    if n < 1024:
        return f"{n:.0f} bytes"
    for unit in ("KB", "MB", "GB", "TB"):
        n /= 1024
        if n < 1024 or unit == "TB":
            break
    return f"{n:.0f} {unit}" if n >= 10 else f"{n:.1f} {unit}"


def feeds_gone(last: PublishRecord | None, configured: Path) -> str | None:
    """Why the configured feeds folder no longer holds what the last successful publish into it wrote, or None: the
    folder removed, or emptied (its ``all.atom``, which every publish of feeds writes, gone), by a cleanup job or a
    person. Judged only where that publish's target is the configured folder, by the same path (a ``status`` on
    another machine, or from another working folder for a relative path, judges nothing). Was: ``status`` exited 0
    saying "last successful publish … to DIR" over a missing folder, while readers got 404 until the next run wrote
    it again (health46)."""
    from feeds.catalog import FEED_ALL
    from storage.publications import folder_targets

    if last is None or not last.feeds or last.target not in folder_targets(configured):
        return None
    when = f"{last.finished_at:%Y-%m-%d %H:%M} UTC"
    if not configured.is_dir():
        what = "is gone (removed, or not mounted)"
    elif not (configured / f"{FEED_ALL}.atom").is_file():
        what = f"holds no {FEED_ALL}.atom (emptied)"
    else:
        return None
    return (f"the feeds folder {configured}, where the last successful publish ({when}, {last.feeds} feeds) wrote the "
            f"live feeds, {what}: readers get nothing until the next publish writes them again (the next run or "
            "cycle; a running serve within 30 s; or now: mofcom-watch feeds)")
