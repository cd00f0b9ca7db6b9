"""review45 (session 42): faults found reading the session's landed parser code, each with the input that showed it."""

from __future__ import annotations

import pytest

from tests.scraper.test_parse_qa42 import _release

# --- a notice named after a relative year, beside another year's notice of that number (qa42/22's 2b85b8fd) ------------


@pytest.mark.parametrize("answer", [
    "中方决定，自2026年12月10日起，停止实施去年第21号公告相关措施。商务部公告2026年第21号所列实体不受影响。",
    "商务部今天发布2026年第21号公告。中方决定，自2026年12月10日起，停止实施去年第21号公告相关措施。",
])
def test_a_relative_year_names_its_years_notice_beside_another_years(answer: str) -> None:
    # the year the text tells ("去年" in a text of 2026) is the notice's: the other year's No. 21 the text names took it
    # (a false lift of No. 21 of 2026, the lift of 2025's lost)
    assert _release(answer, lst="出口管制管控名单") == [("lift", "MOFCOM-2025-21", "2026-12-10", None)]

