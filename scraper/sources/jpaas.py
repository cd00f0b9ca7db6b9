"""The jpaas CMS JSON list endpoint (``/api-gateway/jpaas-publish-server/front/page/build/unit``).

Answers ``{success, data: {html}}``; the HTML fragment lists ``<a href=… title=…>`` rows.
Pagination is ``pageNo`` (query parameter on www.mofcom.gov.cn, inside ``paramJson``
on aqygzj). Calls carry the column page as Referer, as the site's own front end does.
The CMS ids (webId, pageId, tplSetId) can change on a redesign: a list that suddenly
yields nothing is a broken source, which the crawler reports as a zero-links problem.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from scraper.sources.base import IndexPlan, Mode, Source

ENDPOINT = "/api-gateway/jpaas-publish-server/front/page/build/unit"
PAGE_MARK = "__PAGE__"


@dataclass(frozen=True)
class JpaasSource(Source):
    params: dict[str, str] = field(default_factory=dict)
    referer_path: str = "/"
    page_size: int = 20
    param_json: bool = False  # aqygzj style: {"pageNo": n, "pageSize": m} in paramJson
    endpoint: str = ENDPOINT

    def list_url(self, page: int | str) -> str:
        params = dict(self.params)
        if self.param_json:
            params["paramJson"] = json.dumps({"pageNo": page, "pageSize": self.page_size}, separators=(",", ":"))
        else:
            params["pageNo"] = str(page)
            params["pageSize"] = str(self.page_size)
        return self.url(self.endpoint, params)

    def list_plan(self) -> IndexPlan:
        template = self.list_url(PAGE_MARK).replace(PAGE_MARK, "{n}")
        if self.param_json:  # json.dumps quoted the marker: make the page number a bare int again
            template = self.list_url(0).replace("%22pageNo%22%3A0", "%22pageNo%22%3A{n}")
        return IndexPlan(
            label="jpaas", url=self.list_url(1), referer=self.url(self.referer_path),
            page_template=template, page_size=self.page_size,
        )

    def plans(self, mode: Mode, as_of: date, since: int | None) -> list[IndexPlan]:
        return [self.list_plan()]
