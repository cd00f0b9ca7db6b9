"""A notice restoring some of a notice's entities and continuing "the others" with no period of its own keeps the others
to the end their suspension has, whichever word says "the others" (review44, session 42: story42's fix read only a clause
opening "其余", so "对其余实体…", "其他实体…" and "该公告所列其余实体…" were each a suspension "until further notice" from
that day: the lapse at the suspension's end never told, status "suspended" with no end for good, silently)."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from scraper.parse import parse_text
from storage.lifecycle import derive
from tests.storage.test_lifecycle_corpus import stored

STORY = Path(__file__).resolve().parents[1] / "data" / "stories42" / "partial_restore"
ECL = "MOFCOM-2025-21"
SAID = "其余实体继续暂停执行相关措施"


def _high_point(others: str, day: date) -> tuple[str, date | None, date | None]:
    """High Point's state on No. 21 (one of the others) as of ``day``, No. 289 continuing the others as ``others``
    (the answer of that day, held for a person in a store, left out)."""
    known = []
    for path in sorted(STORY.iterdir()):
        if path.name.startswith("p2"):
            continue
        text = path.read_text(encoding="utf-8")
        rec = parse_text(text.replace(SAID, others) if path.name.startswith("p1") else text)
        assert rec is not None, path.name
        known.append(stored(rec, fetched=datetime.combine(rec.published, datetime.min.time(), timezone.utc)))
    rows = [r for r in derive(known, day).states if r.notice_key == ECL and "highpointaerotechnologies" in r.entity_keys]
    assert len(rows) == 1
    return rows[0].state.value, rows[0].since, rows[0].until


@pytest.mark.parametrize("others", [SAID, "对其余实体继续暂停执行相关措施", "其他实体继续暂停执行相关措施",
                                    "该公告所列其余实体继续暂停执行相关措施", "对其他13家实体，继续暂停执行相关措施"])
def test_the_others_keep_their_end_and_lapse_after_it(others: str) -> None:
    assert _high_point(others, date(2027, 11, 10)) == ("suspended", date(2026, 11, 20), date(2027, 11, 10))
    assert _high_point(others, date(2027, 11, 12))[:2] == ("lapsed", date(2027, 11, 11))
