"""Where to look: one small module per source, all listed in a TOML config (see ``defaults.py``)."""

from scraper.sources.base import IndexPlan, Mode, Source
from scraper.sources.registry import SourceConfigError, default_sources, load_sources

__all__ = ["IndexPlan", "Mode", "Source", "SourceConfigError", "default_sources", "load_sources"]
