"""Build :class:`Source` objects from TOML: the defaults, a user's file, a name filter."""

from __future__ import annotations

import os
import tomllib
from dataclasses import fields
from pathlib import Path
from typing import Any

from scraper.sources.annual_index import AnnualIndexSource
from scraper.sources.aqygzj import AqygzjSource
from scraper.sources.base import Source
from scraper.sources.defaults import DEFAULT_SOURCES_TOML
from scraper.sources.html_index import HtmlIndexSource
from scraper.sources.jpaas import JpaasSource
from scraper.sources.mfa import MfaCountermeasureSource
from scraper.sources.news import EnglishNewsSource, NewsPagesSource

SOURCES_FILE_ENV = "MOFCOM_WATCH_SOURCES_FILE"
KINDS: dict[str, type[Source]] = {
    "annual-index": AnnualIndexSource,
    "html-index": HtmlIndexSource,
    "jpaas": JpaasSource,
    "aqygzj": AqygzjSource,
    "mfa-countermeasures": MfaCountermeasureSource,
    "english-news": EnglishNewsSource,
    "news-pages": NewsPagesSource,
}
NEWS_KINDS = {"english-news", "news-pages"}


class SourceConfigError(ValueError):
    """A bad sources file or an unknown source name (CLI: exit 2)."""


def _build(table: dict[str, Any], where: str) -> Source:
    kind = table.get("kind")
    cls = KINDS.get(kind or "")
    if cls is None:
        raise SourceConfigError(f"{where}: unknown kind {kind!r} (known: {', '.join(sorted(KINDS))})")
    known = {f.name for f in fields(cls)}
    values: dict[str, Any] = {"news": kind in NEWS_KINDS}
    for key, value in table.items():
        if key in ("kind", "enabled"):
            continue
        if key not in known:
            raise SourceConfigError(f"{where}: unknown key {key!r} for kind {kind!r}")
        values[key] = tuple(value) if isinstance(value, list) else value
    if not values.get("name"):
        raise SourceConfigError(f"{where}: every source needs a name")
    values.setdefault("host", "")
    try:
        return cls(**values)
    except TypeError as exc:
        raise SourceConfigError(f"{where}: {exc}") from None


def _tables(text: str, where: str) -> list[dict[str, Any]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SourceConfigError(f"{where} is not valid TOML: {exc}") from None
    tables = data.get("source", [])
    if not isinstance(tables, list):
        raise SourceConfigError(f"{where}: use [[source]] tables")
    return tables


def default_sources() -> list[Source]:
    return [_build(t, "default sources") for t in _tables(DEFAULT_SOURCES_TOML, "default sources")]


def _is_empty(source: Source) -> bool:
    return isinstance(source, NewsPagesSource) and not (source.pages or source.indexes)


def load_sources(names: tuple[str, ...] | list[str] = (), path: Path | None = None) -> list[Source]:
    """Defaults, overridden/extended by the user's file, filtered by ``names`` (empty: all usable)."""
    tables = _tables(DEFAULT_SOURCES_TOML, "default sources")
    path = path or (Path(os.environ[SOURCES_FILE_ENV]) if os.environ.get(SOURCES_FILE_ENV) else None)
    if path is not None:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise SourceConfigError(f"cannot read sources file {path}: {exc}") from None
        by_name = {t["name"]: t for t in tables}
        for table in _tables(text, str(path)):
            name = table.get("name")
            if not name:
                raise SourceConfigError(f"{path}: every [[source]] needs a name")
            merged = {**by_name.get(name, {}), **table}
            by_name[name] = merged
        tables = list(by_name.values())
    built = [_build(t, f"source {t.get('name')!r}") for t in tables if t.get("enabled", True)]
    if names:
        known = {s.name: s for s in built}
        missing = [n for n in names if n not in known]
        if missing:
            raise SourceConfigError(f"unknown source(s) {', '.join(missing)} (known: {', '.join(sorted(known))})")
        return [known[n] for n in names]
    return [s for s in built if not _is_empty(s)]
