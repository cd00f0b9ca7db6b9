"""review45 (session 42): faults found reading the session's landed parser code, each with the input that showed it."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage
from tests.scraper.test_parse_qa42 import RELEASE, _read, _release

# --- a notice named after a relative year, beside another year's notice of that number (qa42/22's 2b85b8fd) ------------


@pytest.mark.parametrize("answer", [
    "中方决定，自2026年12月10日起，停止实施去年第21号公告相关措施。商务部公告2026年第21号所列实体不受影响。",
    "商务部今天发布2026年第21号公告。中方决定，自2026年12月10日起，停止实施去年第21号公告相关措施。",
])
def test_a_relative_year_names_its_years_notice_beside_another_years(answer: str) -> None:
    # the year the text tells ("去年" in a text of 2026) is the notice's: the other year's No. 21 the text names took it
    # (a false lift of No. 21 of 2026, the lift of 2025's lost)
    assert _release(answer, lst="出口管制管控名单") == [("lift", "MOFCOM-2025-21", "2026-12-10", None)]


# --- a word ending in 视 before a decision is no doubt (qa42's f4dae518 took "视…情况/表现/进展" as one) -------------------

ANSWER = RELEASE.replace("就调整{lst}措施", "就中美经贸有关问题")  # a title announcing no change: nothing else holds the page


@pytest.mark.parametrize("said", [
    "中方高度重视双方磋商取得的积极进展，决定自2026年12月10日起停止实施商务部公告2025年第21号相关措施。",
    "中方在认真审视美方近期表现后，决定自2026年12月10日起停止实施商务部公告2025年第21号相关措施。",
])
def test_a_word_ending_in_shi_before_the_decision_leaves_the_step(said: str) -> None:
    # 重视, 审视: no "视美方表现" (depending on); the lift was doubted away and the answer read as no notice, silently
    assert _read(ANSWER.format(lst="", day="2026-12-04", a=said)) == [("lift", "MOFCOM-2025-21", "2026-12-10", None)]


def test_depending_on_the_other_side_is_still_no_step_decided() -> None:
    said = "中方决定，视美方落实共识的情况，适时暂停实施商务部公告2025年第21号相关措施。"
    assert _read(ANSWER.format(lst="", day="2026-12-04", a=said)) == []


# --- a numbered notice's restore at a term's end it does not tell (review44's 76effe3d dropped it, held only 不再延长) ----

NOTICE = (Path(__file__).resolve().parents[1] / "data" / "stories42" / "partial_restore"
          / "p1-mofcom-2026-289-restore-three.txt").read_text(encoding="utf-8")


def _notice(body: str) -> str:
    start = NOTICE.index("商务部决定，")
    return (NOTICE[:start] + body + NOTICE[NOTICE.index("\n", start):]).replace(
        "关于对商务部公告2025年第21号所列部分实体恢复实施相关措施的公告", "关于商务部公告2025年第21号有关事项的公告")


@pytest.mark.parametrize("body", [
    "商务部决定，商务部公告2025年第21号相关措施的暂停期限届满后，相关措施自动恢复实施。",
    "商务部决定，商务部公告2025年第21号相关措施暂停期满后恢复实施。",
])
def test_a_notice_restoring_at_an_end_it_does_not_tell_is_held(body: str) -> None:
    # no day nor end told: read as no step and no word (a notice changing nothing, silently); held for a person
    with pytest.raises(UnusablePage) as refused:
        parse_document(_notice(body).encode("utf-8"))
    assert refused.value.reason == "needs-review"
    assert "no day its measures are back" in str(refused.value)


def test_a_notice_restoring_at_the_end_it_tells_is_read() -> None:
    body = "商务部决定，自2026年12月1日起，暂停实施商务部公告2025年第21号相关措施至2027年11月30日，期满后自动恢复实施。"
    notice = parse_document(_notice(body).encode("utf-8")).notice
    assert notice is not None
    assert [(a.action.value, a.effective) for a in notice.actions] == [("suspend", "2026-12-01"), ("restore", "2027-12-01")]


# --- a start naming Beijing time (the dates read no day: the step took the notice's own day) ------------------------------

@pytest.mark.parametrize("start, effective", [
    ("自北京时间2026年12月10日12时01分起", "2026-12-10T12:01+08:00"),
    ("自2026年12月10日（北京时间）起", "2026-12-10"),
    ("自2026年12月10日12时01分（北京时间）起", "2026-12-10T12:01+08:00"),
])
def test_a_start_in_beijing_time_is_that_day(start: str, effective: str) -> None:
    # the lift took the notice's "本公告自2026年12月1日起正式实施": 9 days early, silently
    notice = parse_document(_notice(f"商务部决定，{start}，停止执行商务部公告2025年第21号相关措施。").encode("utf-8")).notice
    assert notice is not None
    assert [(a.action.value, a.effective) for a in notice.actions] == [("lift", effective)]
