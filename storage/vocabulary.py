"""The project's words, in one place: what the CLI, the web page, the feeds and the README call things.

Everything that names a list, a state, an item id or a time zone is defined here once and imported
everywhere else, so the same thing never reads two ways. It sits beside ``ListKind``
(``storage/records.py``) and imports nothing from ``scraper``, ``feeds`` or ``mofcom_watch``.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

TAG_PREFIX = "tag:mofcom-watch,2025:"
"""Every feed item id starts with this (RFC 4151 tag URI; 2025 is the date the name was minted,
never the item's own year)."""

BEIJING = timezone(timedelta(hours=8))
"""MOFCOM publishes in Beijing time (UTC+8, no daylight saving)."""


def as_utc(moment: datetime) -> datetime:
    """A timezone-aware instant in UTC; a naive value is taken as UTC (how SQLite hands them back)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)
