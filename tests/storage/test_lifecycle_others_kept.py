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


TITLE = "关于对商务部公告2025年第21号所列部分实体恢复实施相关措施的公告"


@pytest.mark.parametrize("measures", ["出口管制及其他相关措施", "出口管制措施，其他事项按原公告执行"])
def test_a_whole_notice_continued_with_other_measures_is_no_step_on_the_others(measures: str) -> None:
    """No. 289 continuing the suspension of every entity of No. 21 with no period, its measures saying "其他" (other
    measures, other matters): suspended until further notice, as without the word (review45: the word alone kept High
    Point to the old end, a false lapse on 2027-11-11 and the listing presumed back in force)."""
    known = []
    for path in sorted(STORY.iterdir()):
        if path.name.startswith("p2"):
            continue
        text = path.read_text(encoding="utf-8")
        if path.name.startswith("p1"):
            start = text.index("商务部决定，")
            end = text.index("\n", start)
            text = (text[:start] + f"商务部决定，自2026年12月1日起，对商务部公告2025年第21号所列实体继续暂停执行{measures}。"
                    + text[end:]).replace(TITLE, "关于商务部公告2025年第21号有关事项的公告")
        rec = parse_text(text)
        assert rec is not None, path.name
        known.append(stored(rec, fetched=datetime.combine(rec.published, datetime.min.time(), timezone.utc)))
    rows = [r for r in derive(known, date(2027, 11, 12)).states
            if r.notice_key == ECL and "highpointaerotechnologies" in r.entity_keys]
    assert [(r.state.value, r.since, r.until) for r in rows] == [("suspended", date(2026, 12, 1), None)]
