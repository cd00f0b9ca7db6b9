"""Free space under the store and the feeds folder, for `status` and `/healthz`.

A run that fills the disk stops with one line (exit 3), but when the disk holds the store too, it cannot
record that its publish failed: `status` and `/healthz` would then read the last good publish and look
green while no feed can be written. So they look at the disk itself: a disk nearly full is a problem they
report (exit 1, HTTP 503) until space is freed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

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
