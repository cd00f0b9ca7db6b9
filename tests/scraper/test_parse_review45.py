"""review45 (session 42): faults found reading the session's landed parser code, each with the input that showed it."""

from __future__ import annotations

import pytest

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

