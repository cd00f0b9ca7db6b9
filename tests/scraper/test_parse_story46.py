"""A numbered notice whose title names the notices its body's steps act on one by one (session 45, story46): the title's step
on them all, from the notice's day with no end, is no step of its own beside the body's (record._shortened asked one body
step to cover every notice the title names: "关于暂停执行商务部公告2026年第338号和第339号相关措施的公告" over "…暂停期限分别为6个月
和1年" left both suspended "until further notice" from the notice's day to the body's start, silently)."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document

Step = tuple[str, str, str | None, str | None]  # action, notice, start, end

PAGE = ("商务部公告2026年第356号 {title}\n【发布单位】安全与管制局\n【发布文号】商务部公告2026年第356号\n【发文日期】2026年11月20日\n\n"
        "商务部公告2026年第356号\n\n根据《中华人民共和国出口管制法》和《中华人民共和国两用物项出口管制条例》等法律法规有关规定，"
        "商务部决定，{body}暂停期间，出口经营者向上述实体出口两用物项的，可依照《中华人民共和国两用物项出口管制条例》向商务部提出申请。\n\n"
        "本公告自公布之日起正式实施。\n\n商务部\n2026年11月20日\n")
TWO = "关于暂停执行商务部公告2026年第338号和第339号相关措施的公告"
A, B = "MOFCOM-2026-338", "MOFCOM-2026-339"


def _steps(page: str) -> list[Step]:
    record = parse_document(page.encode("utf-8")).notice
    assert record is not None
    return [(a.action.value, t.key or "", a.effective, a.until and a.until.isoformat()) for a in record.actions
            for t in a.targets]


@pytest.mark.parametrize(("title", "body", "steps"), [
    (TWO, "自2026年12月1日起，暂停执行商务部公告2026年第338号和第339号相关措施，暂停期限分别为6个月和1年。",
     [("suspend", A, "2026-12-01", "2027-06-01"), ("suspend", B, "2026-12-01", "2027-12-01")]),
    (TWO, "暂停执行商务部公告2026年第338号和第339号相关措施，暂停期限分别为6个月和1年。",
     [("suspend", A, "2026-11-20", "2027-05-20"), ("suspend", B, "2026-11-20", "2027-11-20")]),
    (TWO, "自2026年12月1日起，暂停执行商务部公告2026年第338号和第339号相关措施，其中第339号公告相关措施暂停1年，第338号公告相关措施暂停6个月。",
     [("suspend", B, "2026-12-01", "2027-12-01"), ("suspend", A, "2026-12-01", "2027-06-01")]),
    ("关于继续暂停执行商务部公告2026年第338号和第339号相关措施的公告",
     "自2026年12月1日起，继续暂停执行商务部公告2026年第338号和第339号相关措施，暂停期限分别延长6个月和1年。",
     [("extend", A, "2026-12-01", "2027-06-01"), ("extend", B, "2026-12-01", "2027-12-01")]),
])
def test_the_title_s_step_is_said_by_the_body_s_steps_together(title: str, body: str, steps: list[Step]) -> None:
    assert _steps(PAGE.format(title=title, body=body)) == steps


def test_a_title_naming_a_notice_no_body_step_names_stays() -> None:
    """The body suspends No. 338 alone: the title's step on No. 339 is all that says it (kept, as before)."""
    got = _steps(PAGE.format(title=TWO, body="自2026年12月1日起，暂停执行商务部公告2026年第338号相关措施，暂停期限为6个月。"))
    assert ("suspend", A, "2026-12-01", "2027-06-01") in got
    assert ("suspend", B, "2026-11-20", None) in got
