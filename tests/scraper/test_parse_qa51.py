"""Session 51's blind round of answers, transcripts and news for 2027 (qa51, tests/data/corpus/qa51/): the faults it found.

qa51/27: "根据2025年11月5日发布的答记者问，上述措施的暂停期限已于2026年11月10日届满。自2026年11月11日起，商务部公告2025年第21号相关
措施已恢复实施。" A restore told as done (``targets._restore_told_done``) with no day right after its 已 took the end told (11-10)
as its day: the start its sentence names was ignored, and with none named the end itself was taken, where every restore at
a suspension's end is back the day after (the end is the period's last day, ``rules.steps.restored_at_lapse``). Replayed
(tests/mofcom_watch/test_qa51_restore_told_done.py): No. 21 in force from 11-10, a day it was still suspended, silently."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document

HEAD = ("商务部新闻发言人就出口管制有关问题答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2027-01-08 17:00\n\n"
        "问：请问商务部公告2025年第21号相关措施目前状况如何？\n答：")
N21 = "商务部公告2025年第21号"
ENDED = f"{N21}相关措施的暂停期限已于2026年11月10日届满，"


def _steps(answer: str) -> list[tuple[str, list[str | None], str | None]]:
    doc = parse_document((HEAD + answer + "\n").encode("utf-8"))
    assert doc.notice is not None
    return [(a.action.value, [t.key for t in a.targets], a.effective) for a in doc.notice.actions]


@pytest.mark.parametrize("answer", [
    # qa51/27: the start its sentence names
    f"根据2025年11月5日发布的答记者问，上述措施的暂停期限已于2026年11月10日届满。自2026年11月11日起，{N21}相关措施已恢复实施。",
    f"上述措施的暂停期限已于2026年11月10日届满。自2026年11月11日起，{N21}相关措施已经恢复实施。",
    # no day of its own: the day after the end told
    ENDED + "相关措施已恢复实施。",
    ENDED + f"{N21}相关措施已按期恢复实施。",
])
def test_a_restore_told_as_done_is_back_the_day_after_the_end(answer: str) -> None:
    assert _steps(answer) == [("restore", ["MOFCOM-2025-21"], "2026-11-11")]


def test_a_restore_told_as_done_on_a_day_it_names_keeps_that_day() -> None:
    assert _steps(ENDED + "相关措施已于2026年11月11日恢复实施。") == [("restore", ["MOFCOM-2025-21"], "2026-11-11")]
    # the day the authority names stays, whatever the end told (parse26/02's "…已于2026年11月10日按期恢复实施")
    assert _steps(ENDED + "相关措施已于2026年11月10日按期恢复实施。") == [("restore", ["MOFCOM-2025-21"], "2026-11-10")]
