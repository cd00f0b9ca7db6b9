"""What a fetch answered, and the page the crawler hands on: plain records, no HTTP.

Kept apart from the client (httpx, tenacity: ~70 ms to import) so that ``replay``, which reads pages
from disk into the same records, never loads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class FetchResult:
    url: str  # the canonical URL asked for
    final_url: str  # canonical URL after redirects
    status: int  # HTTP status; 0 when no answer came
    fetched_at: datetime
    body: bytes | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None  # reason tag: timeout, connect, truncated, http-500, bot-check, ...
    detail: str = ""
    attempts: int = 1
    wire_bytes: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def not_modified(self) -> bool:
        return self.error is None and self.status == 304


@dataclass(frozen=True)
class CrawledPage:
    """One answer with a body, handed to the ingest callback (which picks the parser and stores it)."""

    source: str  # the source's name (``replay`` for saved pages)
    result: FetchResult
    listed_as: str | None = None  # the title an index of this run listed the page under (None: none, or not listed)
    # a joined copy's (``scraper.joined``): the answers its later pages and annex pages gave this run (a 304 where
    # asked conditionally and unchanged), whose validators and fetch are recorded with each page's own row
    parts: tuple[FetchResult, ...] = ()
