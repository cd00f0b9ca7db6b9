"""Session 41 (held41, qa39's B 29): a press conference's one undecided topic held apart, its decided topics read.

A 例行新闻发布会 transcript answers several topics. One topic's doubt ("中方会否自…起恢复实施，将根据美方表现而定": no
decision takes it, ``rules.checks.undecided_transcript_step``) refused the whole page for a person, so another topic's
decided lift ("中方决定，自2026年12月15日起，停止…") waited for that person: an item missed until someone acted. Now the
undecided step is held in the record's ``held`` (never applied until a person accepts it) and the decided one is read.
Where nothing decided is left, or another step is left out for a reason of its own, the page is refused whole as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.parse import parse_document, parse_text
from scraper.parse.held import HELD, TRANSCRIPT_UNDECIDED
from scraper.parse.rules.checks.common import LEFT_OUT
from storage.records import NoticeRecord, UnusablePage, held_step_id

DATA = Path(__file__).resolve().parents[1] / "data" / "held41"
PRESSER = (DATA / "presser-lift-and-doubt.txt").read_text(encoding="utf-8")  # lift in topic 2, doubt in topic 4
DOUBT_ONLY = (DATA / "presser-doubt-only.txt").read_text(encoding="utf-8")  # topic 2 decides nothing
LIFT = "为落实中美经贸磋商共识，中方决定，自2026年12月15日起，停止4月4日公告（商务部公告2025年第21号）相关措施。"
DOUBT = "中方会否自2026年12月15日起恢复实施，将根据美方表现而定。"


def _read(text: str) -> NoticeRecord:
    doc = parse_document(text.encode("utf-8"), url="file:texts/presser.txt", content_type="text/plain")
    assert doc.notice is not None
    return doc.notice


def _steps(actions: tuple) -> list[tuple[str, str | None, str | None]]:
    return [(a.action.value, a.targets[0].key if a.targets else None, a.effective) for a in actions]


def test_the_decided_topic_is_read_and_the_doubt_held_apart() -> None:
    record = _read(PRESSER)
    assert _steps(record.actions) == [("lift", "MOFCOM-2025-21", "2026-12-15")]
    assert _steps(record.held) == [("restore", "UEL-2025-7", "2026-12-15")]
    assert "会否" in record.held[0].text
    (warning,) = record.warnings  # said, and no longer a refusal (page.left_out asks for LEFT_OUT)
    assert warning.startswith(TRANSCRIPT_UNDECIDED) and warning.endswith(HELD) and not warning.endswith(LEFT_OUT)


def test_the_held_step_survives_storage_json_and_keeps_its_id() -> None:
    record = _read(PRESSER)
    back = NoticeRecord.from_json(record.to_json())
    assert back.held == record.held and back.actions == record.actions
    assert held_step_id(back.held[0]) == held_step_id(record.held[0])
    assert "held" not in _read(PRESSER.replace(DOUBT, "中方愿与美方继续保持沟通。")).to_json()  # none: no field written


def test_a_page_whose_only_step_is_held_is_refused_as_before() -> None:
    with pytest.raises(UnusablePage) as refused:
        _read(DOUBT_ONLY)
    assert refused.value.reason == "needs-review"
    assert TRANSCRIPT_UNDECIDED in refused.value.detail and "会否" in refused.value.detail


def test_two_undecided_topics_are_two_held_steps() -> None:
    second = ("\n\n日本经济新闻记者：对于4月9日公告（不可靠实体清单工作机制公告〔2025〕8号）相关措施，中方有何考虑？\n"
              "何咏前：对于4月9日公告（不可靠实体清单工作机制公告〔2025〕8号）相关措施，有外媒报道，中方将自2026年12月20日起"
              "停止实施上述措施。")
    record = _read(PRESSER.replace("\n\n谢谢大家！", second + "\n\n谢谢大家！"))
    assert _steps(record.actions) == [("lift", "MOFCOM-2025-21", "2026-12-15")]
    assert sorted(_steps(record.held)) == [("lift", "UEL-2025-8", "2026-12-20"), ("restore", "UEL-2025-7", "2026-12-15")]
    assert len({held_step_id(a) for a in record.held}) == 2


def test_another_step_left_out_for_its_own_reason_still_refuses_the_page() -> None:
    conditional = LIFT.replace("为落实中美经贸磋商共识，中方决定，", "如美方于2026年12月10日前撤销有关措施，则中方")
    with pytest.raises(UnusablePage) as refused:
        _read(PRESSER.replace(LIFT, conditional + LIFT))
    assert refused.value.reason == "needs-review"


def test_the_hold_runs_only_where_the_transcript_warning_is() -> None:
    """The formal release (答记者问) is not split: its own gate refuses the page whole, as before."""
    release = PRESSER.replace("商务部例行新闻发布会（2026年12月3日）", "商务部新闻发言人就中美经贸有关问题答记者问")
    record = parse_text(release)
    assert record is not None and not record.held
