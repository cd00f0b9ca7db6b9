"""review54 (session 48): a clause after a step that names a notice by a bare number no reference reads, with a verb of its
own. Main read the step before alone (the clause's lift missed, silently) or gave the clause's step the notice of the
clause before (a false lift of No. 21, No. 22's missed), e.g. after the newly read "…相关措施暂停至<day>" (qa48's form):
"…第21号相关措施暂停至2027年6月30日，第22号相关措施停止实施" (held by unread_bare_notice before 暂停至 was a verb; read since as
the suspension alone). Which notice the clause acts on is not read: held for a person (checks.unread_numbered_clause)."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

RELEASE = ("商务部新闻发言人就调整出口管制管控名单措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-09 17:00\n\n"
           "问：请问中方对有关措施有何新的安排？\n答：{a}\n")
N21 = "商务部公告2025年第21号"


def _steps(answer: str) -> list[tuple[str, list[str | None], str | None]]:
    notice = parse_document(RELEASE.format(a=answer).encode("utf-8")).notice
    assert notice is not None
    return [(a.action.value, [t.key for t in a.targets], a.until and a.until.isoformat()) for a in notice.actions]


@pytest.mark.parametrize("answer", [
    # the suspension alone read (the lift of No. 22 missed)
    f"中方决定，自2026年12月10日起，{N21}相关措施暂停至2027年6月30日，第22号相关措施停止实施。",
    f"中方决定，自2026年12月10日起，{N21}相关措施暂停至2027年6月30日，22号公告相关措施停止实施。",
    f"中方决定，自2026年12月10日起，{N21}相关措施暂停实施至2027年6月30日，第22号相关措施停止实施。",
    f"中方决定，自2026年12月15日起，{N21}相关措施继续暂停实施1年，第22号相关措施停止实施。",
    # No. 21 lifted (false), No. 22's lift missed
    f"中方决定，自2026年12月15日起，继续暂停实施{N21}相关措施1年，停止实施22号公告相关措施。",
    f"商务部于2025年4月4日发布{N21}（以下简称21号公告）和第22号（以下简称22号公告）。中方决定，自2026年12月15日起，"
    "继续暂停实施21号公告相关措施1年，停止实施22号公告相关措施。",
])
def test_a_clause_naming_a_notice_by_a_bare_number_with_a_step_of_its_own_is_held(answer: str) -> None:
    with pytest.raises(UnusablePage) as caught:
        _steps(answer)
    assert caught.value.reason == "needs-review"
    assert "a notice no reference reads" in str(caught.value)


@pytest.mark.parametrize(("answer", "steps"), [
    (f"中方决定，自2026年12月10日起，{N21}相关措施暂停至2027年6月30日，商务部公告2025年第22号相关措施停止实施。",
     [("suspend", ["MOFCOM-2025-21"], "2027-06-30"), ("lift", ["MOFCOM-2025-22"], None)]),
    (f"中方决定，自2026年12月15日起，继续暂停实施{N21}相关措施1年，停止实施2025年第22号公告相关措施。",
     [("extend", ["MOFCOM-2025-21"], "2027-12-15"), ("lift", ["MOFCOM-2025-22"], None)]),
    (f"商务部于2025年4月4日发布{N21}（以下简称21号公告）和商务部公告2025年第22号（以下简称22号公告）。中方决定，自2026年12月15日起，"
     "继续暂停实施21号公告相关措施1年，停止实施22号公告相关措施。",
     [("extend", ["MOFCOM-2025-21"], "2027-12-15"), ("lift", ["MOFCOM-2025-22"], None)]),
    # the other notice kept as it is: no step, nothing held
    (f"中方决定，自2026年12月10日起，暂停实施{N21}相关措施，暂停期限为1年，第22号相关措施继续实施。",
     [("suspend", ["MOFCOM-2025-21"], "2027-12-10")]),
])
def test_a_clause_naming_its_notice_whole_is_read(answer: str, steps: list[tuple[str, list[str], str | None]]) -> None:
    assert _steps(answer) == steps
