"""What the entity page says about its day and its lists, in pure functions: no store, no server."""

from __future__ import annotations

from datetime import date

from mofcom_watch.server.entity_pages import standing_line


def test_the_page_names_both_ministries_it_shows() -> None:
    """It said "China's MOFCOM lists" above a table holding 外交部令第13号 (MFA) for Skydio."""
    line = standing_line(date(2026, 12, 3))
    assert "MOFCOM and MFA" in line and "2026-12-03" in line

