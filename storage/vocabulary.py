"""The project's words, in one place: what the CLI, the web page, the feeds and the README call things.

Everything that names a list, a state, an item id or a time zone is defined here once and imported
everywhere else, so the same thing never reads two ways. It sits beside ``ListKind``
(``storage/records.py``) and imports nothing from ``scraper``, ``feeds`` or ``mofcom_watch``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime, timedelta, timezone
from enum import StrEnum

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


class FailureReason(StrEnum):
    """Failure reasons the crawler itself gives (the fetcher adds its own: timeout, http-500, ...)."""

    ZERO_LINKS = "zero-links"  # an index yielded no usable link: a broken source, not an empty list
    UNUSABLE_CONTENT = "unusable-content"  # fetched, but the parser could not use it
    STORE_ERROR = "store-error"  # fetched, but storing it failed (rolled back)


@dataclass(frozen=True)
class Failure:
    """One URL that did not give usable content in a run."""

    url: str
    reason: str  # a FailureReason, or the fetcher's tag: timeout, http-500, bot-check, truncated, ...
    detail: str = ""

    def to_json(self) -> dict[str, str]:
        return {"url": self.url, "reason": str(self.reason), "detail": self.detail}


@dataclass(frozen=True)
class RunCounters:
    """What one source did in one run: the crawler counts, the store records, the CLI prints.

    Counters add up (``a + b``), so the crawler tallies with ``counts += RunCounters(fetched=1)``.
    """

    fetched: int = 0  # answers with content or 304
    new: int = 0  # notices (or news reports) not stored before
    changed: int = 0  # stored notices whose substance changed
    unchanged: int = 0  # 304s and same-bytes answers
    links: int = 0  # usable links found on index pages
    failures: tuple[Failure, ...] = ()

    def __add__(self, other: RunCounters) -> RunCounters:
        return RunCounters(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def ok(self) -> bool:
        return not self.failures


MINISTRIES = {
    "MFA": "Ministry of Foreign Affairs (外交部)",
    "MOFCOM": "Ministry of Commerce (商务部)",
}
"""The ministries whose lists mofcom-watch reads, by the short name items and tables use."""


def ministry_of(issuer: str | None) -> str | None:
    """"外交部" -> "MFA"; "商务部", "商务部 海关总署", "不可靠实体清单工作机制（商务部代章）" and the
    spokesperson's office -> "MOFCOM" (the UEL working mechanism sits in MOFCOM); None when unknown."""
    if not issuer:
        return None
    if "外交部" in issuer:
        return "MFA"
    if "商务部" in issuer or "不可靠实体清单工作机制" in issuer:
        return "MOFCOM"
    return None
