"""A UEL notice ending an investigation without a listing (session 25, parse25): "工作机制决定终止调查，不将该企业列入不可靠
实体清单" read as a listing of nobody (held back as incomplete, the end of the investigation unread); with the name in
the negated clause it would have listed it. "不将" now holds its verb, and the notice, which reads no step (the engine
holds no end of an investigation), is refused for a person to read instead of leaving the entity under investigation."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

HEAD = ("不可靠实体清单工作机制关于终止对美国海港物流技术公司调查的公告\n【发布文号】不可靠实体清单工作机制公告〔2026〕9号\n"
        "【发文日期】2026年07月02日\n\n")
TAIL = "\n\n本公告自公布之日起实施。\n\n不可靠实体清单工作机制\n（商务部代章）\n2026年7月2日\n"
BODY = ("2026年3月18日，不可靠实体清单工作机制发布公告（不可靠实体清单工作机制公告〔2026〕5号），决定对有关企业启动调查。调查期间，"
        "该企业主动采取措施纠正相关行为。工作机制决定终止调查，不将美国海港物流技术公司（Harbor Logistics Technologies, Inc.）"
        "列入不可靠实体清单。")


def test_an_investigation_ended_without_a_listing_is_refused_not_listed() -> None:
    with pytest.raises(UnusablePage) as raised:
        parse_document((HEAD + BODY + TAIL).encode("utf-8"))
    assert raised.value.reason == "needs-review"


def test_a_listing_after_the_investigation_still_reads() -> None:
    body = BODY.replace("工作机制决定终止调查，不将", "工作机制决定将")
    doc = parse_document((HEAD + body + TAIL).encode("utf-8"))
    assert doc.notice is not None
    assert [a.action.value for a in doc.notice.actions] == ["impose"]
    assert [e.en for e in doc.notice.entities] == ["Harbor Logistics Technologies, Inc."]
