"""session 52, recap52: what "a stored step takes a recap" means (storage/lifecycle/recaps.py), on the hand-built records
of the real 2025 notices (test_lifecycle_corpus) and a lifting answer of 2026 (facts invented): the day (the step's start
give or take ``DAY_SLACK``, the notice's publication or effective day, a day it states of itself before it), a day without its year, the
term, and the steps looked at (by key and by the day a notice was published; the real CLI stories are in
tests/mofcom_watch/test_recap52_recaps.py).
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime

import pytest

from scraper.parse.notice import parse_text
from storage.lifecycle import derive
from storage.records import ActionKind, NoticeRecord, NoticeRef
from tests.storage.test_lifecycle_corpus import CST, ECL, UEL, act, by_key, corpus, qa, stored
from tests.storage.test_lifecycle_recaps51 import _answer

DAY = date(2026, 12, 6)
LIFTS_23 = act(ActionKind.LIFT, ECL, by_key("MOFCOM-2026-23"), effective="2026-12-03")


def _lifting(step: object = LIFTS_23) -> NoticeRecord:
    return qa("QA-2026-12-01-lift0001", datetime(2026, 12, 1, 18, 0, tzinfo=CST), "商务部新闻发言人就停止实施相关措施答记者问",
              (step,), ECL)  # type: ignore[arg-type]


def _problems(*extra: NoticeRecord) -> list[str]:
    return [p for p in derive([*corpus(), *(stored(r) for r in extra)], DAY).problems if "recounts" in p]


def _recap(kind: ActionKind, key: str, day: str | None, until: date | None = None,
           duration: str | None = None) -> NoticeRecord:
    a = _answer((kind, key, day)).recounted[0]
    return replace(_answer(), recounted=(replace(a, until=until, duration=duration),))


@pytest.mark.parametrize(("day", "quiet"), [
    ("2026-12-03", True), ("2026-12-02", True), ("2026-12-04", True),  # the start, a day off it
    ("2026-12-01", True),  # the day published (a recap with no "自…起")
    ("2026-12-05", False), ("2026-11-28", False),  # another day: the texts disagree
])
def test_the_day_of_a_recap(day: str, quiet: bool) -> None:
    got = _problems(_recap(ActionKind.LIFT, "MOFCOM-2026-23", day), _lifting())
    assert (got == []) is quiet, got
    if not quiet:
        assert "stored: QA-2026-12-01-lift0001 lifts it from 2026-12-03" in got[0], got


def stored_answer(answer: str, day: str = "2026-12-01") -> NoticeRecord:
    """An answer of ``day`` read by the parser and kept as the store keeps it (its JSON, without its text: the engine reads
    what ``replay`` and ``run`` read; session 53, recap53)."""
    page = f"商务部新闻发言人就停止实施相关措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 {day} 18:00\n\n问：请问商务部对相关措施有何安排？\n答：{answer}\n"
    rec = parse_text(page)
    assert rec is not None and rec.actions, page
    return NoticeRecord.from_json(json.loads(rec.dumps()))


def test_a_day_the_notice_states_takes_it() -> None:
    """"已于2026年11月30日决定，停止实施…" (no start: the day told) of an answer published 12-01 saying its step was decided on
    11-30: quiet; the same answer not saying it: a problem naming it. The answers as stored (session 53, recap53: the text
    was passed by hand before, and the store keeps none: through the CLI the rule never ran)."""
    recap = _recap(ActionKind.LIFT, "MOFCOM-2026-23", "2026-11-30")
    decided = stored_answer("商务部于2026年11月30日决定，自2026年12月3日起停止实施商务部公告2026年第23号相关措施。")
    assert decided.stated_days == (date(2026, 11, 30),) and decided.text == ""
    assert _problems(recap, decided) == []
    got = _problems(recap, stored_answer("商务部决定，自2026年12月3日起停止实施商务部公告2026年第23号相关措施。"))
    assert len(got) == 1 and "stored: QA-2026-12-01-" in got[0] and "lifts it from 2026-12-03" in got[0], got


def test_a_day_without_its_year_takes_an_earlier_year_not_a_later() -> None:
    """"继续暂停实施4月4日公告相关措施" read as 2026-04-04 (the latest April 4 before the answer): the 2025-04-04 notices'
    extension of 2025-11-10 takes it; one written with its year ("2026年4月4日公告") is that day only, and 2024-04-04 is no
    notice of 2025."""
    told = _answer((ActionKind.EXTEND, "UEL-2025-7", "2025-11-10")).recounted[0]

    def naming(text: str, day: date) -> NoticeRecord:
        return replace(_answer(), recounted=(replace(told, targets=(NoticeRef(text=text, date=day),)),))

    assert _problems(naming("4月4日公告", date(2026, 4, 4))) == []
    assert _problems(naming("2026年4月4日公告", date(2026, 4, 4))) != []
    assert _problems(naming("4月4日公告", date(2024, 4, 4))) != []
    assert _problems(naming("4月5日公告", date(2026, 4, 5))) != []


@pytest.mark.parametrize(("until", "duration", "quiet"), [
    (date(2025, 8, 12), "90天", True),  # UEL-2025-7's 90 days from 2025-05-14
    (date(2025, 8, 13), "至2025年8月13日", True),  # an end a day off
    (date(2026, 5, 14), "1年", False),  # a year of a 90-day suspension
    (date(2025, 11, 10), "至2025年11月10日", False),  # another end told
    (None, "1年", True),  # no end counted (no start told): not compared
])
def test_the_term_of_a_recap(until: date | None, duration: str, quiet: bool) -> None:
    got = _problems(_recap(ActionKind.SUSPEND, "UEL-2025-7", "2025-05-14", until=until, duration=duration))
    assert (got == []) is quiet, got


def test_only_the_steps_on_the_named_notice_are_looked_at() -> None:
    """The index (by key and by the month and day of the notice a step names): a lift of another notice on the recap's day
    takes nothing."""
    other = act(ActionKind.LIFT, UEL, by_key("UEL-2025-7"), effective="2026-12-03")
    got = _problems(_recap(ActionKind.LIFT, "MOFCOM-2026-23", "2026-12-03"), _lifting(step=other))
    assert len(got) == 1 and "not fetched or not read?)" in got[0], got


@pytest.mark.parametrize(("day", "told", "quiet"), [
    ("2026-11-11", "上述措施已于2026年11月11日起恢复实施", True),  # the day after UEL-2025-7's suspension ended (11-10)
    ("2026-11-10", "上述措施已于2026年11月10日恢复实施", True),  # a day off
    (None, "上述措施已恢复实施", True),  # no day: ended before the answer
    ("2026-11-11", "商务部已于2026年11月10日发布公告，自2026年11月11日起恢复实施", False),  # a notice told: it is to store
    ("2025-08-13", "上述措施已于2025年8月13日起恢复实施", False),  # the first 90 days' end: extended, not restored
    ("2026-12-01", "上述措施已于2026年12月1日起恢复实施", False),  # another day
], ids=["lapse", "a-day-off", "no-day", "notice-told", "extended-end", "other-day"])
def test_a_restore_told_at_a_suspensions_end(day: str | None, told: str, quiet: bool) -> None:
    recap = replace(_answer((ActionKind.RESTORE, "UEL-2025-7", day)).recounted[0], text=told)
    got = _problems(replace(_answer(), recounted=(recap,)))
    assert (got == []) is quiet, got
