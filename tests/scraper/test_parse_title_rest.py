"""A title's step on several notices beside a body that tells each its own step (probe46's A11, session 46):
"关于暂停执行商务部公告2026年第338号和第339号相关措施的公告" over "…暂停执行…第338号相关措施，暂停期限为6个月；停止执行…第339号相关措施"
kept the title's open suspension of both from the notice's day beside the body's steps: 339, which the body lifts, shown
suspended with no end. The body says what is done to each notice it names; where it names only some (the rest "继续有效"),
the page is held for a person."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

PAGE = ("商务部公告2026年第366号 关于暂停执行商务部公告2026年第338号和第339号相关措施的公告\n【发布单位】安全与管制局\n"
        "【发布文号】商务部公告2026年第366号\n【发文日期】2026年12月09日\n\n商务部公告2026年第366号\n\n"
        "根据《中华人民共和国出口管制法》和《中华人民共和国两用物项出口管制条例》等法律法规有关规定，商务部决定，自2026年12月10日起，"
        "暂停执行商务部公告2026年第338号相关措施，暂停期限为6个月；{rest}。\n\n本公告自公布之日起正式实施。\n\n商务部\n2026年12月09日\n")


def _steps(rest: str) -> list[tuple[str, tuple[str | None, ...], str | None, str | None]]:
    record = parse_document(PAGE.format(rest=rest).encode("utf-8")).notice
    assert record is not None
    return [(a.action.value, tuple(t.key for t in a.targets), a.effective, a.until and a.until.isoformat())
            for a in record.actions]


@pytest.mark.parametrize(("rest", "step"), [
    ("停止执行商务部公告2026年第339号相关措施", ("lift", ("MOFCOM-2026-339",), "2026-12-10", None)),
    ("恢复执行商务部公告2026年第339号相关措施", ("restore", ("MOFCOM-2026-339",), "2026-12-10", None)),
])
def test_the_body_tells_each_notice_its_step(rest: str, step: tuple[str, tuple[str, ...], str, None]) -> None:
    assert _steps(rest) == [("suspend", ("MOFCOM-2026-338",), "2026-12-10", "2027-06-10"), step]


@pytest.mark.parametrize("rest", ["商务部公告2026年第339号相关措施继续有效", "商务部公告2026年第339号相关措施仍按原公告执行"])
def test_a_notice_the_title_names_and_the_body_gives_no_step_is_held(rest: str) -> None:
    with pytest.raises(UnusablePage) as held:
        parse_document(PAGE.format(rest=rest).encode("utf-8"))
    assert held.value.reason == "needs-review"
    assert "MOFCOM-2026-339" in str(held.value)


def test_the_body_telling_every_notice_the_titles_step_reads_as_before() -> None:
    assert _steps("暂停执行商务部公告2026年第339号相关措施，暂停期限为1年") == [
        ("suspend", ("MOFCOM-2026-338",), "2026-12-10", "2027-06-10"),
        ("suspend", ("MOFCOM-2026-339",), "2026-12-10", "2027-12-10")]
