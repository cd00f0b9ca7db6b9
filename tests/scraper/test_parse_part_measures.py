"""A step on one measure of a listing (session 25, parse25): "暂停实施…〔2026〕4号所列处理措施中的第二项（禁止…新增投资）…
该公告规定的其他处理措施继续实施" read as a suspension of the whole UEL notice: its entities showed suspended while the
import and export ban stays. The listing holds no state per measure, so the page is refused for a person to read."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

HEAD = ("不可靠实体清单工作机制关于暂停实施部分处理措施的公告\n【发布文号】不可靠实体清单工作机制公告〔2027〕3号\n"
        "【发文日期】2027年02月20日\n\n")
TAIL = "\n\n本公告自公布之日起实施。\n\n不可靠实体清单工作机制\n（商务部代章）\n2027年2月20日\n"
PART = ("不可靠实体清单工作机制决定，自2027年3月1日起，暂停实施不可靠实体清单工作机制公告〔2026〕4号所列处理措施中的第二项"
        "（禁止上述企业在中国境内新增投资），暂停期限为1年。该公告规定的其他处理措施继续实施。")


@pytest.mark.parametrize("body", [PART, PART.replace("所列处理措施中的第二项", "第二项处理措施")])
def test_a_suspension_of_one_measure_is_refused_for_review(body: str) -> None:
    with pytest.raises(UnusablePage) as raised:
        parse_document((HEAD + body + TAIL).encode("utf-8"))
    assert raised.value.reason == "needs-review"


def test_a_suspension_of_the_whole_notice_is_read() -> None:
    body = "不可靠实体清单工作机制决定，自2027年3月1日起，暂停实施不可靠实体清单工作机制公告〔2026〕4号相关措施，暂停期限为1年。"
    doc = parse_document((HEAD + body + TAIL).encode("utf-8"))
    assert doc.notice is not None
    assert [(a.action.value, [t.key for t in a.targets]) for a in doc.notice.actions] == [("suspend", ["UEL-2026-4"])]
