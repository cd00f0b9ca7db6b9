"""probe44 (session 44): wordings that try to break ``actions.apart``'s step per notice (clauses44). Expected steps written
before each run; each case here was silent and wrong on main before its fix."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

RELEASE = ("商务部新闻发言人就调整出口管制管控名单措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-04 18:00\n\n"
           "问：请问中方对有关措施有何新的安排？\n答：{a}\n")
HEAD = "商务部公告2026年第88号 关于暂停实施相关措施的公告\n【发布文号】商务部公告2026年第88号\n【发文日期】2026年12月03日\n\n"
TAIL = "\n\n本公告自公布之日起正式实施。\n\n商务部\n2026年12月3日\n"
TWO = "商务部公告2025年第21号和第22号相关措施"
D = "中方决定，自2026年12月10日起，"
N21, N22 = "MOFCOM-2025-21", "MOFCOM-2025-22"
Step = tuple[str, str, str | None, str | None]


def _steps(text: str, notice: bool) -> list[Step]:
    page = HEAD + text.replace("中方决定", "商务部决定") + TAIL if notice else RELEASE.format(a=text)
    record = parse_document(page.encode("utf-8")).notice
    assert record is not None
    return [(a.action.value, t.key or "", a.effective, a.until and a.until.isoformat())
            for a in record.actions for t in a.targets]


@pytest.mark.parametrize("notice", [False, True])
@pytest.mark.parametrize(("text", "steps"), [
    # 半年 was no term item: the 分别 list was not read and both got the year (No. 21 lapsed six months late)
    (f"{D}暂停实施{TWO}，期限分别为半年和1年。",
     [("suspend", N21, "2026-12-10", "2027-06-10"), ("suspend", N22, "2026-12-10", "2027-12-10")]),
    # "1年零3个月" was cut at 年: No. 22 got a year, its three months more lost
    (f"{D}暂停实施{TWO}，期限分别为6个月和1年零3个月。",
     [("suspend", N21, "2026-12-10", "2027-06-10"), ("suspend", N22, "2026-12-10", "2028-03-10")]),
    # "亦作相同处理" as 亦同: No. 21's year was lost, both suspended for good
    (f"{D}暂停实施商务部公告2025年第21号相关措施1年，对商务部公告2025年第22号相关措施亦作相同处理。",
     [("suspend", N21, "2026-12-10", "2027-12-10"), ("suspend", N22, "2026-12-10", "2027-12-10")]),
    (f"{D}停止实施商务部公告2025年第21号相关措施，商务部公告2025年第22号相关措施也作同样处理。",
     [("lift", N21, "2026-12-10", None), ("lift", N22, "2026-12-10", None)]),
    (f"{D}暂停实施{TWO}，期限分别为1年半和1年。",
     [("suspend", N21, "2026-12-10", "2028-06-10"), ("suspend", N22, "2026-12-10", "2027-12-10")]),
])
def test_each_term_is_read_whole(text: str, notice: bool, steps: list[Step]) -> None:
    assert sorted(_steps(text, notice)) == sorted(steps)


@pytest.mark.parametrize("notice", [False, True])
@pytest.mark.parametrize("text", [
    # 前者/后者: both notices read 6 months (No. 22 lapsed six months early)
    f"{D}暂停实施{TWO}，前者期限为6个月，后者期限为1年。",
    # 其中 naming an entity, not a notice: its six months read as both notices' term
    f"{D}暂停实施{TWO}，其中对美国某公司的相关措施暂停6个月。",
    f"{D}暂停实施{TWO}，期限为1年，其中第3项措施暂停6个月。",
    # an extension with no start, a clause per notice (``apart`` splits no extension by clauses): both extended a year
    "中方决定，继续暂停实施商务部公告2025年第21号相关措施6个月，不可靠实体清单工作机制公告〔2025〕7号相关措施1年。",
    # the term in the next sentence: the suspension read with no end (no lapse presumed, ever)
    f"{D}暂停实施{TWO}。暂停期限分别为6个月和1年。",
    f"{D}暂停实施商务部公告2025年第21号相关措施。暂停期限为1年。",
    # 其中 naming an entity of one notice: its six months read as the whole notice's
    f"{D}暂停实施商务部公告2025年第21号相关措施，其中对甲公司的暂停期限为6个月。",
])
def test_terms_apart_not_read_are_held(text: str, notice: bool) -> None:
    page = HEAD + text.replace("中方决定", "商务部决定") + TAIL if notice else RELEASE.format(a=text)
    with pytest.raises(UnusablePage) as refused:
        parse_document(page.encode("utf-8"))
    assert refused.value.reason == "needs-review", refused.value


@pytest.mark.parametrize("text", [
    "中方决定，自2026年12月10日起，暂停实施二〇二五年四月四日公告（商务部公告二〇二五年第21号）和商务部公告2025年第22号相关措施，暂停期限为90天。",
    "中方决定，自2026年12月10日起，暂停实施商务部公告2025 年第21号、第22号相关措施，暂停期限为1年。",
])
def test_a_year_is_no_second_term(text: str) -> None:
    assert {s[3] for s in _steps(text, False)} in ({"2027-03-10"}, {"2027-12-10"})


@pytest.mark.parametrize(("text", "steps"), [
    # 分别 between 暂停期限 and 延长: no verb was read, a notice of no step, silently
    ("商务部决定，将商务部公告2025年第22号和第21号相关措施的暂停期限分别延长6个月和1年。",
     [("extend", N22, "P6M"), ("extend", N21, "P1Y")]),
    ("商务部决定，将商务部公告2025年第21号和第22号相关措施的暂停期限分别延长至2027年6月9日和2027年12月9日。",
     [("extend", N21, "2027-06-09"), ("extend", N22, "2027-12-09")]),
])
def test_each_extended_with_each_before_the_verb(text: str, steps: list[tuple[str, str, str]]) -> None:
    record = parse_document((HEAD + text + TAIL).encode("utf-8")).notice
    assert record is not None
    assert [(a.action.value, t.key, a.extends_by or (a.until and a.until.isoformat())) for a in record.actions
            for t in a.targets] == steps
