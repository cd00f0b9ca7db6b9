"""A listed company merged into another, its measures carried to the other's name (session 40, story41's ``merged``; the
story is tests/mofcom_watch/test_stories_december41.py): "…第21号所列萨罗尼克科技公司（…）已被北方海事系统公司（…）吸收合并。…相关
措施适用于北方海事系统公司（…）" read no step and no entity ("0/1") and was stored as changing nothing, silent. It is left out
for a person to read, as a notice undone in words no step reads is."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

MERGED = Path(__file__).resolve().parents[1] / "data" / "stories41" / "merged" / "m1-mofcom-2026-281.txt"


@pytest.mark.parametrize("sentence", [
    None,  # "…已被北方海事系统公司（…）吸收合并。自2026年11月26日起，…相关措施适用于北方海事系统公司（…）。"
    "商务部公告2025年第21号所列萨罗尼克科技公司（Saronic Technologies, Inc.）已并入北方海事系统公司（Northern Maritime "
    "Systems, Inc.）。",
    "商务部公告2025年第21号对萨罗尼克科技公司（Saronic Technologies, Inc.）采取的相关措施适用于北方海事系统公司（Northern "
    "Maritime Systems, Inc.）。",
])
def test_measures_carried_to_a_merged_company_are_held_for_a_person(sentence: str | None) -> None:
    text = MERGED.read_text(encoding="utf-8")
    if sentence is not None:
        start = text.index("商务部公告2025年第21号所列")
        text = text[:start] + sentence + text[text.index("\n", start):]
    with pytest.raises(UnusablePage, match="a person must read it"):
        parse_document(text.encode("utf-8"))


def test_a_lift_naming_the_new_company_still_reads() -> None:
    text = (MERGED.parent / "m2-mofcom-2026-285.txt").read_text(encoding="utf-8")
    notice = parse_document(text.encode("utf-8")).notice
    assert notice is not None
    assert [(a.action.value, a.entities) for a in notice.actions] == [("lift", ("northernmaritimesystems",))]
