"""Related news: english.mofcom.gov.cn press conferences / significant news, and user-listed pages.

News pages are stored and linked to the notice they report, published in the ``news``
feed, and never change an entity's state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from scraper.sources.base import IndexPlan, Mode, Source

ENGLISH_ARTICLE_RE = re.compile(r"/art/\d{4}/art_[0-9a-f]{32}\.html$|/\d{6}/\d{14,}\.shtml$")


def may_be_on(url: str, hosts: frozenset[str]) -> bool:
    """False only for a URL that cannot be on ``hosts``: its host (lower-cased) is part of the lower-cased
    URL, unless the URL holds a tab or line end (``urlsplit`` drops those). A replay asks every page's URL
    whether a news source wants it: this spares a ``urlsplit`` for nearly all of them."""
    lowered = url.lower()
    return not lowered.isprintable() or any(host in lowered for host in hosts)


@dataclass(frozen=True)
class EnglishNewsSource(Source):
    paths: tuple[str, ...] = ("/News/PressConference/index.html", "/News/SignificantNews/index.html")

    def plans(self, mode: Mode, as_of: date, since: int | None) -> list[IndexPlan]:
        return [IndexPlan(label=p, url=self.url(p)) for p in self.paths]

    def wants(self, url: str) -> bool:
        if not may_be_on(url, self.hosts):
            return False
        parts = urlsplit(url)
        return (parts.hostname or "").lower() in self.hosts and bool(ENGLISH_ARTICLE_RE.search(parts.path))


@dataclass(frozen=True)
class NewsPagesSource(Source):
    """User-listed news pages (fetched themselves) and index pages or RSS/Atom feeds (whose article
    links are followed)."""

    pages: tuple[str, ...] = ()
    indexes: tuple[str, ...] = ()
    # Global Times /page/YYYYMM/N.shtml, Shine /news/<section>/YYMMDDNNNN/, Xinhua /YYYYMMDD/<hex>/c.html,
    # People's Daily Online /n3/YYYY/MMDD/c90000-N.html; override per source for other sites
    link_pattern: str = (r"/page/\d{6}/\d+\.shtml$|/news/[a-z]+/\d{10}/?$|/\d{8}/[0-9a-f]{32}/c\.html$"
                         r"|/n3/\d{4}/\d{4}/c\d+-\d+\.html$")

    @property
    def hosts(self) -> frozenset[str]:
        return frozenset((urlsplit(u).hostname or "").lower() for u in self.pages + self.indexes)

    def plans(self, mode: Mode, as_of: date, since: int | None) -> list[IndexPlan]:
        return [IndexPlan(label=u, url=u) for u in self.indexes]

    def direct_pages(self) -> tuple[str, ...]:
        return self.pages

    def wants(self, url: str) -> bool:
        hosts = self.hosts
        if not may_be_on(url, hosts):
            return False
        parts = urlsplit(url)
        return (parts.hostname or "").lower() in hosts and bool(re.search(self.link_pattern, parts.path))
