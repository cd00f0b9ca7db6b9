"""qa53 (session 52): three answer forms read wrong, silently (class A), through the real parser.

- "…暂停实施…相关措施，为期一个季度" (qa53/15): the term unread, a suspension with no end (for good, no lapse ever told).
  Now "个季度" is a unit of ``dates.DURATION_RE``, three months (``dates.period_of``); never a bare "季度" ("前三季度").
- "停止实施…第21号中除A（a）以外其他15家实体的相关措施；对A（a）继续暂停实施相关措施1年" (qa53/04): the lift clause's
  "除…以外" taken as the extension's exception, so A restored beside its own extension (``rules.steps.excepted_restored``).
  Now the exception is the step's whose clause holds it. (The extension still runs on from the running end, not from the
  "自即日起" at the sentence's head, as engine24/05 pins: the owner's question.)
- "继续暂停实施…至2027年2月28日，自2027年3月1日起恢复实施" (qa53/27): the extension took the restore's start, after its
  own end. Now the sentence's one start written right before the next verb is that verb's (``clauses._start_of_next_verb``).
"""

from __future__ import annotations

from datetime import date

import pytest

from scraper.parse.dates import DURATION_RE, until_from
from tests.scraper.test_parse_fix60 import K21, Step, _steps

QA = ("商务部新闻发言人就调整出口管制管控名单措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 {day} 17:00\n\n"
      "问：请问中方对商务部公告2025年第21号所列美国实体有何新的安排？\n答：{a}\n")
P21 = "商务部公告2025年第21号相关措施"
HIGH_POINT = "高点航空技术公司（High Point Aerotechnologies）"


def _on(day: str, a: str) -> list[Step]:
    return _steps(QA.format(day=day, a=a))


@pytest.mark.parametrize(("term", "until"), [("为期一个季度", "2027-06-01"), ("为期两个季度", "2027-09-01"),
                                             ("为期1个季度", "2027-06-01")])
def test_a_term_in_quarters_is_read_as_three_months_each(term: str, until: str) -> None:
    a = f"中方决定，自即日起，暂停实施{P21}，{term}。"
    assert _on("2027-03-01", a) == [("suspend", [K21], "2027-03-01", until)]


def test_a_quarter_of_trade_figures_is_no_term() -> None:
    assert DURATION_RE.search("前三季度进出口同比增长") is None
    assert DURATION_RE.search("今年一季度") is None
    assert until_from("一个季度", date(2027, 1, 31)) == date(2027, 4, 30)


def test_an_exception_in_the_lift_clause_is_not_the_extensions() -> None:
    a = (f"中方决定，自即日起，停止实施商务部公告2025年第21号中除{HIGH_POINT}以外其他15家实体的相关措施；"
         f"对{HIGH_POINT}继续暂停实施相关措施1年。")
    steps = _on("2027-01-20", a)
    # (the extension with no start of its own clause runs on from the running end, as engine24/05's: by P1Y)
    assert steps == [("lift", [K21], "2027-01-20", None), ("extend", [K21], "2027-01-20", None)]


def test_an_exception_before_the_extension_alone_still_restores_the_excepted() -> None:
    a = f"中方决定，除{HIGH_POINT}外，自即日起继续暂停实施{P21}1年。"
    kinds = [s[0] for s in _on("2027-01-20", a)]
    assert kinds == ["extend", "restore"]


def test_an_extension_with_no_start_still_runs_on_from_the_running_end() -> None:
    record = _steps(QA.format(day="2027-01-20", a=f"中方决定，继续暂停实施{P21}1年。"))
    assert record == [("extend", [K21], "2027-01-20", None)]  # (by P1Y, from the end the engine knows)


def test_the_next_verbs_start_is_not_the_extensions() -> None:
    a = f"中方决定，继续暂停实施{P21}至2027年2月28日，自2027年3月1日起恢复实施。"
    assert _on("2027-02-01", a) == [("extend", [K21], "2027-02-01", "2027-02-28"), ("restore", [K21], "2027-03-01", None)]


def test_a_start_before_the_term_stays_the_steps_own() -> None:
    a = f"中方决定，暂停实施{P21}，自2027年3月1日起为期一年，期满后恢复实施。"
    assert _on("2027-02-01", a)[0] == ("suspend", [K21], "2027-03-01", "2028-03-01")
