"""www.mofcom.gov.cn 部令公告 annual announcement index: ``/zcfb/blgg/gg/{year}/index.html``.

Backfill walks every year from ``as_of`` back to ``since``; an update reads the
current and the previous year (the new year's index may be missing or thin for a
while; a conditional request for last year's page costs a 304). A year whose index
is missing (404) is simply not published yet; every year missing is a broken source.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from scraper.sources.base import IndexPlan, Mode, Source

DEFAULT_PATH = "/zcfb/blgg/gg/{year}/index.html"


@dataclass(frozen=True)
class AnnualIndexSource(Source):
    path: str = DEFAULT_PATH
    since: int = 2024
    page_pattern: str | None = None  # e.g. "index_{n}.html" if the site paginates

    def plans(self, mode: Mode, as_of: date, since: int | None) -> list[IndexPlan]:
        if mode is Mode.BACKFILL:
            years = range(as_of.year, min(since or self.since, as_of.year) - 1, -1)
        else:
            years = [as_of.year, as_of.year - 1]
        plans = []
        for year in years:
            url = self.url(self.path.format(year=year))
            template = url.rsplit("/", 1)[0] + "/" + self.page_pattern if self.page_pattern else None
            plans.append(IndexPlan(label=str(year), url=url, optional=True, page_template=template, year=year))
        return plans
