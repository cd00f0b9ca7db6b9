"""Session 48, fix54: open B of this session read now (texts through ``parse_document``).

1. qa48/04: "…发布2025年第70号公告，暂停实施…第55号…第62号相关措施至2026年11月10日。…继续暂停实施上述公告相关措施" took
   No. 70 (the notice that did the suspending) among the targets of "上述公告": a loud false problem "extends a suspension
   of MOFCOM-2025-70 that is not in place" and a row for No. 70. The notice "发布" names, a step told between it and the
   next notice named, is the teller of that step, not one whose measures "上述公告" names.
3. step48's open: "…第21号和第22号相关措施的暂停期限分别延长6个月和1年，期满后自动恢复实施" in an answer read the two extensions
   and dropped the restore with no word (each end a lapse "presumed back in force, needs review"); in a notice held. Now a
   restore per notice, each with its own extension's period (``ActionRecord.extends_by``; the engine dates each at its
   lapse: tests/mofcom_watch/test_fix54_restores_apart.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.parse import parse_document

SIX = ["MOFCOM-2025-55", "MOFCOM-2025-56", "MOFCOM-2025-57", "MOFCOM-2025-58", "MOFCOM-2025-61", "MOFCOM-2025-62"]
RELEASE = ("商务部新闻发言人就两用物项出口管制有关措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-09 17:00\n\n"
           "问：请问中方对有关两用物项出口管制措施有何考虑？\n答：{a}\n")
CORPUS = Path(__file__).parents[1] / "data" / "corpus"


def _steps(text: str) -> list[tuple[str, list[str | None], str | None, str | None]]:
    notice = parse_document(text.encode("utf-8")).notice
    assert notice is not None
    return [(a.action.value, [t.key for t in a.targets], a.effective, a.until and a.until.isoformat())
            for a in notice.actions]


@pytest.mark.parametrize("issued", ["发布2025年第70号公告", "发布了2025年第70号公告", "发布商务部 海关总署公告2025年第70号"])
def test_the_notice_issued_that_told_the_step_is_not_taken_by_shangshu_gonggao(issued: str) -> None:
    answer = (f"2025年11月7日，商务部 海关总署{issued}，暂停实施商务部 海关总署公告2025年第55号、第56号、第57号、第58号和"
              "商务部公告2025年第61号、第62号相关措施至2026年11月10日。为落实中美经贸磋商共识，中方决定，自2026年12月10日起，"
              "继续暂停实施上述公告相关措施，暂停期限至2027年11月10日。")
    assert _steps(RELEASE.format(a=answer)) == [("extend", SIX, "2026-12-10", "2027-11-10")]


def test_notices_each_issued_with_no_step_between_are_all_taken() -> None:
    """No. 70's own text (susp/38): "…发布…第55号、…第58号，商务部发布…第61号、第62号，对相关物项实施出口管制。…暂停实施上述公告":
    both groups were issued, neither tells a step of the other: all six are suspended."""
    text = (CORPUS / "susp" / "38-mofcom-2025-70-shangshu.txt").read_text(encoding="utf-8")
    assert _steps(text) == [("suspend", SIX, "2025-11-10", "2026-11-10")]
    assert _steps(text.replace("、第", "，第")) == [("suspend", SIX, "2025-11-10", "2026-11-10")]


ANSWER_APART = [
    ("将商务部公告2025年第21号和第22号相关措施的暂停期限分别延长6个月和1年", [("MOFCOM-2025-21", "P6M"), ("MOFCOM-2025-22", "P1Y")]),
    ("将商务部公告2025年第21号、第22号相关措施的暂停期限分别延长1年和6个月", [("MOFCOM-2025-21", "P1Y"), ("MOFCOM-2025-22", "P6M")]),
    ("继续暂停实施商务部公告2025年第21号和不可靠实体清单工作机制公告〔2025〕7号相关措施，暂停期限分别为6个月和1年",
     [("MOFCOM-2025-21", "P6M"), ("UEL-2025-7", "P1Y")]),
]


@pytest.mark.parametrize(("said", "each"), ANSWER_APART)
def test_an_answer_s_restore_after_extensions_apart_is_one_per_notice(said: str, each: list[tuple[str, str]]) -> None:
    notice = parse_document(RELEASE.format(a=f"商务部决定，{said}，期满后自动恢复实施。").encode("utf-8")).notice
    assert notice is not None
    restores = [([t.key for t in a.targets], a.extends_by, a.until) for a in notice.actions if a.action.value == "restore"]
    assert restores == [([key], by, None) for key, by in each]
    extends = [([t.key for t in a.targets], a.extends_by) for a in notice.actions if a.action.value == "extend"]
    assert extends == [([key], by) for key, by in each]
