"""A corrected start moves a term's end as the term is counted (review41, of review40's ``_moved_until``): a term of
days ("30天" from 11-25 ends 12-25, one month to the day) moves by days, not as a month. Pure."""

from __future__ import annotations

from datetime import date

import pytest

from storage.lifecycle.corrections import _moved_until
from storage.records import ActionKind, ActionRecord, ListKind


@pytest.mark.parametrize(("duration", "first", "until", "new", "moved"), [
    # 30 days from 11-25 is 12-25: read as one month, moved to 2027-01-15 (31 days) from 12-15, a day late
    ("30天", date(2026, 11, 25), date(2026, 12, 25), date(2026, 12, 15), date(2027, 1, 14)),
    ("4周", date(2027, 2, 1), date(2027, 3, 1), date(2027, 3, 1), date(2027, 3, 29)),
    ("P30D", date(2026, 11, 25), date(2026, 12, 25), date(2026, 12, 15), date(2027, 1, 14)),
    # months and years still move by the month
    ("1年", date(2026, 11, 25), date(2027, 11, 25), date(2026, 12, 15), date(2027, 12, 15)),
    ("3个月", date(2026, 11, 30), date(2027, 2, 28), date(2026, 12, 31), date(2027, 3, 31)),
    ("90天", date(2025, 5, 14), date(2025, 8, 12), date(2025, 5, 24), date(2025, 8, 22)),
])
def test_a_term_moves_in_its_own_unit(duration: str, first: date, until: date, new: date, moved: date) -> None:
    action = ActionRecord(action=ActionKind.SUSPEND, list=ListKind.UEL, until=until, duration=duration)
    assert _moved_until(action, first, new) == moved
