"""Which parser code read a page: ``PARSER_VERSION`` and a digest of the parser's own sources and its
libraries' versions.

Both are stored with every snapshot, so bytes already stored are parsed again exactly when the code
that reads them changed (an edit nobody remembered to version included), and a no-change replay or
run parses nothing. The digest reads the source files (about 40 small ones) without importing them,
once per process: learning who would parse costs a few milliseconds, loading the parsers ~0.5 s.
"""

from __future__ import annotations

import hashlib
import importlib.util
from functools import cache
from pathlib import Path

PARSER_VERSION = "2"  # bump when stored parses must be redone whatever the digest says (scraper.parse exports it)
# Whole packages: every module in them is parser code.
PARSER_PACKAGES = ("scraper.parse", "scraper.news")
# Single modules the parsers (and the cleaning of what they return) import from this project.
PARSER_MODULES = (
    "scraper", "scraper.charset", "scraper.joined", "scraper.links",
    "storage", "storage.cleantext", "storage.frozen", "storage.names", "storage.countries", "storage.numerals", "storage.periods", "storage.records",
    "storage.vocabulary",
)
# Libraries whose behaviour is part of the parse.
PARSER_LIBRARIES = ("selectolax", "charset-normalizer", "cn2an")


def _files(name: str, *, whole: bool) -> list[tuple[str, Path]]:
    """(label, path) of the module's source, or of every module of the package when ``whole``."""
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise FileNotFoundError(name)
    if whole and spec.submodule_search_locations:
        return sorted((f"{name}/{p.relative_to(folder).as_posix()}", p)
                      for folder in spec.submodule_search_locations for p in Path(folder).rglob("*.py"))
    return [(name, Path(spec.origin))]


def _library_version(dist: str) -> str:
    from importlib import metadata  # here: importing the parser (parse FILE, bench/parse.py) need not load it

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "absent"


@cache
def parser_digest() -> str | None:
    """SHA-256 (hex) of the parser's sources and library versions; None when a source cannot be read
    (then nothing is taken as parsed by this code, and every page is parsed again)."""
    digest = hashlib.sha256()
    try:
        for name, whole in [(n, True) for n in PARSER_PACKAGES] + [(n, False) for n in PARSER_MODULES]:
            for label, path in _files(name, whole=whole):
                data = path.read_bytes()
                digest.update(f"{label}:{len(data)}\n".encode())
                digest.update(data)
    except (OSError, ImportError, ValueError):
        return None
    for dist in PARSER_LIBRARIES:
        digest.update(f"{dist}=={_library_version(dist)}\n".encode())
    return digest.hexdigest()
