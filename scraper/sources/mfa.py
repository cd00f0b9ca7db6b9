"""www.mfa.gov.cn countermeasure channel (反制措施, government information disclosure):
``/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/``, one article per decision at
``…/fzcqdcs/YYYYMM/tYYYYMMDD_NNNNNNNN.shtml``.

We have no copy of the channel's HTML, so links are read by the article pattern alone,
wherever they sit on the page: a redesign that keeps the URLs keeps working, and one that
loses them reads as an index with zero usable links (a loud source-health problem), never
as "nothing new". The folder month and t-date are when the page was filed, not the
decision's date (the 2024-10-10 decision sits under ``202412/t20241217_…``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from scraper.sources.base import IndexPlan, Mode, Source

HOST = "www.mfa.gov.cn"
CHANNEL_PATH = "/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/"
# …/fzcqdcs/202412/t20241217_11494912.shtml (also matched relative: ./202412/t…)
ARTICLE_RE = re.compile(r"/fzcqdcs/\d{6}/t\d{8}_\d+\.s?html?$")


@dataclass(frozen=True)
class MfaCountermeasureSource(Source):
    path: str = CHANNEL_PATH
    # TRS paging (createPageHTML): page 2 is index_1.shtml, page 3 index_2.shtml; a missing page
    # ends the walk, so a one-page channel costs one 404 on a backfill.
    page_pattern: str | None = "index_{n}.shtml"
    page_offset: int = -1

    def plans(self, mode: Mode, as_of: date, since: int | None) -> list[IndexPlan]:
        url = self.url(self.path)
        template = url.rsplit("/", 1)[0] + "/" + self.page_pattern if self.page_pattern else None
        return [IndexPlan(label=self.path, url=url, page_template=template, page_offset=self.page_offset)]

    def wants(self, url: str) -> bool:
        parts = urlsplit(url)
        return (parts.hostname or "").lower() in self.hosts and bool(ARTICLE_RE.search(parts.path))
