"""aqygzj.mofcom.gov.cn (安全与管制局): UEL notices and MOFCOM orders under ``/flzc/gzjgfxwj/``.

The column page is a JavaScript shell, so the list comes from the jpaas endpoint
(``paramJson`` pagination) plus the home page, whose static HTML carries the recent
items. Its HTTPS handshake is reported to fail; the client falls back to plain HTTP
for this host (``FetchPolicy.http_fallback_hosts``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from scraper.sources.base import IndexPlan, Mode
from scraper.sources.jpaas import JpaasSource


@dataclass(frozen=True)
class AqygzjSource(JpaasSource):
    home_path: str = "/index.html"
    article_prefix: str = "/flzc/gzjgfxwj/"

    def plans(self, mode: Mode, as_of: date, since: int | None) -> list[IndexPlan]:
        return [IndexPlan(label="home", url=self.url(self.home_path), one_list=False), self.list_plan()]
