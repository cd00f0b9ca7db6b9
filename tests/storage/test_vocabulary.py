"""The shared words: complete, one wording per state, each defined once in the code."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

from storage.records import EventKind, ListingState, ListKind
from storage.vocabulary import (
    EVENT_LABELS,
    LISTS,
    STATE_LABELS,
    as_utc,
    in_beijing,
    list_name,
    naive_as_utc,
)

REPO = Path(__file__).resolve().parents[2]
CODE = [p for pkg in ("storage", "scraper", "feeds", "mofcom_watch") for p in (REPO / pkg).rglob("*.py")]


def test_every_list_and_state_has_its_words() -> None:
    assert set(LISTS) == set(ListKind)
    assert set(STATE_LABELS) == set(ListingState)
    assert STATE_LABELS[ListingState.LAPSED] == "lapsed: presumed back in force, needs review"
    assert list_name(ListKind.ECL) == "export control list" and list_name(None) == "list"
    assert LISTS[ListKind.UEL].bilingual == "unreliable entity list (不可靠实体清单)"
    assert set(EVENT_LABELS) == set(EventKind) and not any("_" in w for w in EVENT_LABELS.values())


def test_naive_times_are_utc_and_items_are_dated_in_beijing() -> None:
    naive = datetime(2026, 11, 10, 16, 30)
    assert as_utc(naive) == naive.replace(tzinfo=timezone.utc)
    beijing = naive.replace(tzinfo=timezone(timedelta(hours=8)))
    assert as_utc(beijing).hour == 8 and naive_as_utc(beijing) is beijing  # aware: kept as given
    assert naive_as_utc(naive) == as_utc(naive)
    assert in_beijing(naive).isoformat() == "2026-11-11T00:30:00+08:00"


def test_each_word_is_defined_once() -> None:
    """A second copy of a label, list name, tag prefix or time zone in the code is how they drifted apart."""
    patterns = {
        "tag prefix": re.compile(r"tag:mofcom-watch"),
        "lapsed label": re.compile(r"presumed (back )?in force, needs review\""),
        "Beijing offset": re.compile(r"timedelta\(hours=8\)"),
        "list names": re.compile(r"(LIST_NAMES|STATE_LABELS)\s*="),
        "naive-as-UTC helper": re.compile(r"\.replace\(tzinfo=(timezone\.utc|UTC)\)"),
    }
    for what, pattern in patterns.items():
        found = sorted(str(p.relative_to(REPO)) for p in CODE if pattern.search(p.read_text(encoding="utf-8")))
        assert found in ([], ["storage/vocabulary.py"]), f"{what} defined outside storage/vocabulary.py: {found}"


def test_the_deciding_notice_of_a_lapse_is_named_as_the_one_that_set_the_suspension() -> None:
    """"lapsed … by MOFCOM-2025-72" read as if No. 72 made it lapse (user40): a lapse names the notice that set it."""
    from datetime import date

    from storage.records import StatusRow
    from storage.vocabulary import by_words

    def row(state: ListingState, by: str | None) -> StatusRow:
        return StatusRow(notice_key="MOFCOM-2024-46", number=None, title=None, list=ListKind.ECL, state=state,
                         since=date(2025, 11, 10), until=date(2026, 11, 10), days_left=None, entity_count=1, by=by)

    assert by_words(row(ListingState.LAPSED, "MOFCOM-2025-72"), "MOFCOM-2024-46") == "suspension set by MOFCOM-2025-72"
    assert by_words(row(ListingState.SUSPENDED, "MOFCOM-2025-72"), "MOFCOM-2024-46") == "by MOFCOM-2025-72"
    assert by_words(row(ListingState.IN_FORCE, "MOFCOM-2024-46"), "MOFCOM-2024-46") is None  # its own notice
    assert by_words(row(ListingState.IN_FORCE, None), "MOFCOM-2024-46") is None
