"""Static HTML index pages on www.mofcom.gov.cn: 政策发布 ``/zwgk/zcfb/`` and the Q&As ``/xwfb/xwfyrth/``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from scraper.sources.base import IndexPlan, Mode, Source


@dataclass(frozen=True)
class HtmlIndexSource(Source):
    paths: tuple[str, ...] = ()
    page_pattern: str | None = None  # e.g. "index_{n}.html"; None: one page per index

    def plans(self, mode: Mode, as_of: date, since: int | None) -> list[IndexPlan]:
        plans = []
        for path in self.paths:
            url = self.url(path)
            template = url.rsplit("/", 1)[0] + "/" + self.page_pattern if self.page_pattern else None
            plans.append(IndexPlan(label=path, url=url, page_template=template))
        return plans
