"""What every source is: a name, the hosts it reads, and the index pages to walk.

A source never fetches anything itself; it only says which index pages exist
(``plans``) and which links found there are worth following (``wants``). The
crawler in :mod:`scraper.discovery` does the walking, so every source gets the
same politeness, retries, health records and stop-at-known-links logic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from urllib.parse import urlencode, urlsplit

ARTICLE_PATH_RE = re.compile(r"/art/\d{4}/art_[0-9a-f]{32}\.html$")
# MOFCOM indexes link notices across these hosts (the www annual index lists aqygzj pages)
NOTICE_HOSTS = frozenset({"www.mofcom.gov.cn", "aqygzj.mofcom.gov.cn"})


class Mode(StrEnum):
    BACKFILL = "backfill"  # first run or --since: walk every index page back to the year
    UPDATE = "update"  # later runs: first pages only, stop at known links
    # an update that reads on past known links to scraper.discovery.DEEP_WALK_PAGES: the first cycle of each UTC day
    # (a notice listed below stored rows, published with an older date, is read within a day); plans as an update's
    DEEP = "deep"


@dataclass(frozen=True)
class IndexPlan:
    """One paginated index: page 1 is ``url``; later pages come from ``page_url``."""

    label: str
    url: str  # canonical URL of page 1
    referer: str | None = None
    optional: bool = False  # a 404 here is "not published yet", not a failure (annual index)
    page_template: str | None = None  # "{n}" is replaced by the page number (2, 3, ...) plus page_offset
    page_offset: int = 0  # TRS sites (www.mfa.gov.cn) number page 2 "index_1": offset -1
    page_size: int | None = None  # a page with fewer links is the last one
    year: int | None = None
    # one list, newest first, whose page 1 is held against its last copy (scraper.continuity); a home page, whose
    # blocks and headlines rotate, is not
    one_list: bool = True

    def page_url(self, n: int) -> str | None:
        if n == 1:
            return self.url
        if self.page_template is None:
            return None
        return self.page_template.replace("{n}", str(n + self.page_offset))


@dataclass(frozen=True)
class Source:
    """Base class; subclasses fill ``plans``. ``news`` sources feed NewsReport, not notices."""

    name: str
    host: str
    news: bool = False

    @property
    def hosts(self) -> frozenset[str]:
        return frozenset({self.host})

    def plans(self, mode: Mode, as_of: date, since: int | None) -> list[IndexPlan]:
        raise NotImplementedError

    def direct_pages(self) -> tuple[str, ...]:
        """Pages fetched on every run without an index (user-listed news pages)."""
        return ()

    def wants(self, url: str) -> bool:
        """Follow this link? By default: an article page on the source's hosts or another MOFCOM notice host."""
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        return (host in self.hosts or host in NOTICE_HOSTS) and bool(ARTICLE_PATH_RE.search(parts.path))

    def url(self, path: str, params: dict[str, str] | None = None) -> str:
        query = "?" + urlencode(params) if params else ""
        return f"https://{self.host}{path}{query}"
