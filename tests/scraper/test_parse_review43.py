"""Session 41's review of session 41's landed parser commits (review43): inputs the commits' own tests missed."""

from __future__ import annotations

import pytest

from tests.scraper.test_parse_qa40 import ECL21, PRESSER, RELEASE, UEL7, _steps


@pytest.mark.parametrize("template", [RELEASE, PRESSER], ids=["release", "presser"])
@pytest.mark.parametrize("joined", ["并", "、", "，同时", "同时"])
def test_a_suspension_joined_after_no_longer_doing_something_else_is_a_suspension(template: str, joined: str) -> None:
    """f68ac5dd made any 暂停 after "不再对" in its clause the object of a restore ("不再对X采取任何暂停措施"): "中方决定不再
    对美国实体加征关税并暂停实施…第21号相关措施90天" (a second verb joined by 并) was read as a restore of No. 21 from the
    answer's day, the suspension lost: a false 'back in force' item where the measures are suspended, silently."""
    answer = f"中方决定，自2026年12月1日起，不再对美国实体加征关税{joined}暂停实施{ECL21}相关措施90天。"
    assert _steps(template, answer) == [("suspend", "MOFCOM-2025-21", "2026-12-01", "2027-03-01")]


def test_a_restore_by_no_longer_suspending_keeps_the_suspension_joined_after_it() -> None:
    """Both in one clause: "不再对{7号}相关措施采取暂停措施并暂停实施{21号}相关措施90天": 7号 back, 21号 suspended."""
    answer = f"中方决定，自2026年12月1日起，不再对{UEL7}相关措施采取暂停措施并暂停实施{ECL21}相关措施90天。"
    assert _steps(RELEASE, answer) == [("restore", "UEL-2025-7", "2026-12-01", None),
                                       ("suspend", "MOFCOM-2025-21", "2026-12-01", "2027-03-01")]
