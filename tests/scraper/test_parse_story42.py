"""Steps of December 2026, round 3 (session 41, story42's stories; the stories are tests/mofcom_watch/test_stories_december42.py):
- "关于对商务部公告2025年第21号所列部分实体恢复实施相关措施的公告" above "…自2026年12月1日起，对…所列16家美国实体中的立方公司（…）、…等3家
  实体恢复实施相关措施", dated the same day by "本公告自2026年12月1日起正式实施": the title's step (some entities, named by none)
  took the body's place, a restore of all 16 (13 falsely, silently).
- "商务部公告2026年第290号自本公告公布之日起废止，商务部公告2025年第21号相关措施继续暂停执行至2027年11月10日": 废止's subject
  stands before it; No. 21, the next verb's subject, was read as lifted (a false 'Lifted' item), No. 290 as nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.parse import parse_document

DATA = Path(__file__).resolve().parents[1] / "data" / "stories42"


def _steps(text: str) -> list[tuple[str, tuple[str, ...], tuple[str | None, ...], str | None, str | None]]:
    notice = parse_document(text.encode("utf-8")).notice
    assert notice is not None
    return [(a.action.value, a.entities, tuple(t.key for t in a.targets), a.effective, a.until.isoformat() if a.until
             else None) for a in notice.actions]


def test_a_title_on_some_entities_leaves_the_body_its_named_ones() -> None:
    text = (DATA / "partial_restore" / "p1-mofcom-2026-289-restore-three.txt").read_text(encoding="utf-8")
    assert _steps(text) == [
        ("restore", ("cubic", "sierranevada", "cyberlux"), ("MOFCOM-2025-21",), "2026-12-01", None),
        ("extend", (), ("MOFCOM-2025-21",), "2026-12-01", None)]  # "其余实体继续暂停…": the engine keeps their end


HEAD = ("商务部公告2026年第297号 关于有关事项的公告\n【发布单位】安全与管制局\n【发布文号】商务部公告2026年第297号\n"
        "【发文日期】2026年12月15日\n\n{}\n\n商务部\n2026年12月15日\n")


@pytest.mark.parametrize("verb", ["废止", "停止执行"])
def test_a_subject_before_its_verb_is_its_object_not_the_next_clause(verb: str) -> None:
    text = HEAD.format(f"商务部决定，商务部公告2026年第290号自本公告公布之日起{verb}，商务部公告2025年第21号相关措施继续暂停执行至"
                       "2027年11月10日。")
    assert _steps(text) == [("lift", (), ("MOFCOM-2026-290",), "2026-12-15", None),
                            ("extend", (), ("MOFCOM-2025-21",), "2026-12-15", "2027-11-10")]


def test_an_object_after_its_verb_and_the_next_subject_stay_as_they_were() -> None:
    text = HEAD.format("商务部决定，停止执行商务部公告2025年第13号相关措施，商务部公告2025年第21号相关措施继续暂停执行至2027年11月10日。")
    assert _steps(text) == [("lift", (), ("MOFCOM-2025-13",), "2026-12-15", None),
                            ("extend", (), ("MOFCOM-2025-21",), "2026-12-15", "2027-11-10")]


def test_the_revoking_notice_reads_the_revocation_and_the_extension() -> None:
    text = (DATA / "lift_cancelled" / "c2-mofcom-2026-297-cancel-290.txt").read_text(encoding="utf-8")
    assert _steps(text) == [("lift", (), ("MOFCOM-2026-290",), "2026-12-15", None),
                            ("extend", (), ("MOFCOM-2025-21",), "2026-12-15", "2027-11-10")]
