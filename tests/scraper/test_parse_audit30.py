"""Session 30's blind round 16 (audit30, tests/data/corpus/audit30/): texts the parser read wrong, each as a short
text. A month-day after 去年/今年 has that year (13: a lift aimed at 2026-04-04 for 2025-04-04; 21: "自今年1月10日起" read
as the answer's day); a review's table rows are history (16: three steps of 2025 read again as 2026's)."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

HEAD = "{title}\n【发布单位】安全与管制局\n【发布文号】{num}\n【发文日期】2026年12月30日\n\n"
ECL = "商务部公告2026年第209号"
SIGN = "\n\n本公告自公布之日起正式实施。\n\n商务部\n2026年12月30日\n"
QA = "商务部新闻发言人就出口管制管控名单相关措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 {day} 19:30\n\n有记者问：请问商务部有何考虑？\n\n答："
PRE = "根据《中华人民共和国出口管制法》和《中华人民共和国两用物项出口管制条例》等法律法规有关规定，"


def _notice(body: str, title: str = ECL) -> tuple[list[tuple[str, str | None, list[str | None], str | None, str | None,
                                                             tuple[str, ...]]], list[tuple[str | None, str | None, str | None]],
                                                  int | None, tuple[str, ...]]:
    doc = parse_document((HEAD.format(title=title, num=ECL) + body + SIGN).encode("utf-8"))
    assert doc.notice is not None
    n = doc.notice
    steps = [(a.action.value, a.list.value if a.list else None, [t.key for t in a.targets], a.effective,
              a.until.isoformat() if a.until else None, a.entities) for a in n.actions]
    return steps, [(e.zh, e.en, e.country) for e in n.entities], n.stated_count, n.warnings


def _answer(day: str, answer: str) -> list[tuple[str, list[str | None], str | None, str | None, str | None]]:
    doc = parse_document((QA.format(day=day) + answer + "\n").encode("utf-8"))
    assert doc.notice is not None
    return [(a.action.value, [t.key or (t.date.isoformat() if t.date else None) for t in a.targets], a.effective,
             a.until.isoformat() if a.until else None, a.list.value if a.list else None) for a in doc.notice.actions]


@pytest.mark.parametrize(("word", "year"), [("去年", "2025"), ("今年", "2026")])
def test_a_listing_day_after_qunian_has_that_year(word: str, year: str) -> None:
    answer = f"商务部决定，自2026年12月20日起，停止实施对{word}4月4日被列入出口管制管控名单的16家美国实体的相关措施。"
    assert _answer("2026-12-18", answer) == [("lift", [f"{year}-04-04"], "2026-12-20", None, "ecl")]


def test_a_notice_day_after_qunian_has_that_year() -> None:
    answer = "商务部决定，自2026年12月20日起，停止实施去年4月4日公告相关措施。"
    assert _answer("2026-12-18", answer) == [("lift", ["2025-04-04"], "2026-12-20", None, "ecl")]


@pytest.mark.parametrize(("word", "start", "end"), [("今年", "2027-01-10", "2028-01-10"), ("明年", "2028-01-10", "2029-01-10")])
def test_a_start_after_jinnian_has_that_year(word: str, start: str, end: str) -> None:
    answer = f"商务部决定，自{word}1月10日起，再次暂停实施商务部公告2025年第21号相关措施，暂停期限为1年。"
    assert _answer("2027-01-08", answer) == [("suspend", ["MOFCOM-2025-21"], start, end, "ecl")]


REVIEW = """2025年商务部出口管制工作综述
来源：商务部新闻办公室 类型：原创 分类：新闻 2026-01-20 10:00

2025年，商务部依法依规开展出口管制工作。现将全年情况综述如下。

日期　文件　主要内容
4月4日　商务部公告2025年第21号　将16家美国实体列入出口管制管控名单
5月14日　新闻发言人答记者问　自5月14日起暂停实施第21号、第22号公告相关措施90天
11月5日　新闻发言人答记者问　自11月10日起停止实施第13号公告相关措施，继续暂停实施第21号公告相关措施1年

2026年，商务部将继续完善出口管制体系。
"""


def test_a_reviews_dated_table_rows_are_no_steps() -> None:
    """Refused for a person to read (the rows' terms run past the page's day), never read as steps of 2026."""
    with pytest.raises(UnusablePage) as refused:
        parse_document(REVIEW.encode("utf-8"))
    assert refused.value.reason == "needs-review"
