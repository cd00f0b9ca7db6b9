"""Effective configuration: defaults, then a TOML file, then environment variables, then flags.

Every setting has a default that works out of the box.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DATA_DIR = "data"


@dataclass
class Settings:
    data_dir: Path = field(default_factory=lambda: Path(DEFAULT_DATA_DIR))
    db_url: str | None = None  # None: sqlite file under data_dir

    @property
    def database_url(self) -> str:
        if self.db_url:
            return self.db_url
        return f"sqlite:///{self.data_dir / 'mofcom-watch.sqlite'}"


def load_settings(config_path: Path | None = None, db_url: str | None = None) -> Settings:
    """Minimal loader; extended by the service issue (TOML file, env overrides)."""
    settings = Settings()
    if os.environ.get("MOFCOM_WATCH_DATA_DIR"):
        settings.data_dir = Path(os.environ["MOFCOM_WATCH_DATA_DIR"])
    settings.db_url = db_url or os.environ.get("MOFCOM_WATCH_DB") or None
    return settings
