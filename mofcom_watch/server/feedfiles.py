"""Feed files on disk, and HTTP validators for them (ETag, Last-Modified, 304).

The feeds are written by ``feeds.write.write_feeds`` into the feeds folder as ``<name>.atom`` and
``<name>.rss`` (``entity/<key>.atom`` in a sub-folder). Files are written atomically and only
when they change, so a file's modification time is when its content last changed.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import threading
from dataclasses import dataclass
from datetime import datetime
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path

from feeds.formats import FORMATS
from storage.vocabulary import naive_as_utc

FEED_SUFFIXES = {f".{f.name}": f"{f.media_type}; charset=utf-8" for f in FORMATS}
# Files served from the feeds folder: the feeds and the state pictures written beside them.
PICTURE_SUFFIX = ".svg"
SERVED_TYPES = FEED_SUFFIXES | {PICTURE_SUFFIX: "image/svg+xml; charset=utf-8"}
TITLE_RE = re.compile(rb"<title[^>]*>(.*?)</title>", re.S)
TITLE_SCAN_BYTES = 4096


@dataclass(frozen=True)
class FeedFile:
    """One feed name with the formats present on disk."""

    name: str  # "all", "ecl", "entity/skydio"
    title: str
    formats: tuple[str, ...]  # ("atom", "rss")
    mtime: float
    picture: bool = False  # a state picture <name>.svg lies beside it

    @property
    def is_entity(self) -> bool:
        return self.name.startswith("entity/")


@dataclass(frozen=True)
class Validators:
    etag: str
    last_modified: str
    mtime: int  # whole seconds, as Last-Modified carries them


def list_feeds(feeds_dir: Path) -> list[FeedFile]:
    """Every feed in the folder, main feeds first (``all`` leading), then entity feeds, by name."""
    return folder_contents(feeds_dir)[0]


def folder_contents(feeds_dir: Path) -> tuple[list[FeedFile], frozenset[str]]:
    """:func:`list_feeds`, and the names of the state pictures (``notice/MOFCOM-2025-21``), in one walk."""
    if not feeds_dir.is_dir():
        return [], frozenset()
    found: dict[str, dict[str, Path]] = {}
    pictures: set[str] = set()
    for path in feeds_dir.rglob("*"):
        if path.name.startswith(".") or not path.is_file():
            continue
        if path.suffix in FEED_SUFFIXES:
            name = path.relative_to(feeds_dir).with_suffix("").as_posix()
            found.setdefault(name, {})[path.suffix[1:]] = path
        elif path.suffix == PICTURE_SUFFIX:
            pictures.add(path.relative_to(feeds_dir).with_suffix("").as_posix())
    feeds = []
    for name, paths in found.items():
        formats = tuple(f.name for f in FORMATS if f.name in paths)
        first = paths[formats[0]]
        feeds.append(FeedFile(name=name, title=feed_title(first) or name, formats=formats,
                              mtime=max(p.stat().st_mtime for p in paths.values()), picture=name in pictures))
    return sorted(feeds, key=lambda f: (f.is_entity, f.name != "all", f.name)), frozenset(pictures)


def feed_title(path: Path) -> str | None:
    """The feed's own title (first ``<title>``), without parsing the whole file."""
    try:
        with path.open("rb") as fh:
            head = fh.read(TITLE_SCAN_BYTES)
    except OSError:
        return None
    match = TITLE_RE.search(head)
    if not match:
        return None
    text = match.group(1).decode("utf-8", errors="replace").strip()
    if text.startswith("<![CDATA[") and text.endswith("]]>"):
        text = text[9:-3]
    return html.unescape(text).strip() or None


def resolve_feed_path(feeds_dir: Path, rel: str) -> Path | None:
    """The file for a request path, or None: only feeds and pictures, never outside the folder."""
    if not rel or "\\" in rel or "\x00" in rel:
        return None
    candidate = Path(rel)
    if candidate.is_absolute() or ".." in candidate.parts or candidate.suffix not in SERVED_TYPES:
        return None
    if any(part.startswith(".") for part in candidate.parts):
        return None
    try:
        root = feeds_dir.resolve()
        path = (root / candidate).resolve()
        if not path.is_relative_to(root) or not path.is_file():
            return None
    except OSError:  # a name too long for the file system, a loop: no such feed
        return None
    return path


class ValidatorCache:
    """ETag (SHA-256 of the bytes) per file, recomputed only when size or mtime change."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cache: dict[Path, tuple[int, int, str]] = {}

    def read(self, path: Path) -> tuple[bytes, Validators]:
        """The bytes and the stat of one open file: a publish renaming a new file over ``path`` between a read of the
        path and a stat of it cached the old bytes' ETag under the new file's (mtime, size), and every later answer
        sent that ETag with the new bytes: a reader polling with it got 304 until the file changed again (reader34)."""
        with path.open("rb") as fh:
            stat = os.fstat(fh.fileno())
            body = fh.read()
        key = (stat.st_mtime_ns, stat.st_size)
        with self._lock:
            cached = self._cache.get(path)
        if cached and cached[:2] == key:
            etag = cached[2]
        else:
            etag = make_etag(body)
            with self._lock:
                self._cache[path] = (*key, etag)
        return body, validators_for(etag, stat.st_mtime)


def make_etag(body: bytes) -> str:
    # Weak: the same entity is also sent gzip-encoded, which a strong ETag would not allow.
    return f'W/"{hashlib.sha256(body).hexdigest()[:32]}"'


def validators_for(etag: str, mtime: float) -> Validators:
    seconds = int(mtime)
    return Validators(etag=etag, last_modified=formatdate(seconds, usegmt=True), mtime=seconds)


def _opaque(tag: str) -> str:
    tag = tag.strip()
    return tag[2:] if tag.startswith("W/") else tag


def not_modified(validators: Validators, if_none_match: str | None, if_modified_since: str | None) -> bool:
    """RFC 9110 §13: If-None-Match (weak comparison) wins; If-Modified-Since only without it."""
    if if_none_match is not None:
        tags = [t for t in (p.strip() for p in if_none_match.split(",")) if t]
        return "*" in tags or any(_opaque(t) == _opaque(validators.etag) for t in tags)
    if if_modified_since:
        try:
            since = parsedate_to_datetime(if_modified_since)
        except (TypeError, ValueError, IndexError):
            return False
        if since is None:
            return False
        return validators.mtime <= naive_as_utc(since).timestamp()
    return False


def http_date(moment: datetime) -> str:
    return formatdate(moment.timestamp(), usegmt=True)
