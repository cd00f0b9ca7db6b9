"""session 51, recount51: the steps an answer recounts (``NoticeRecord.recounted``), checked by the engine against the
stored notices (storage/lifecycle/recaps.py), on the hand-built records of the real 2025 notices (test_lifecycle_corpus).

A recap no stored notice takes is a problem; one a stored step takes (same kind, or a suspension for an extension; a
notice it names by key, or by the day and list it was published; its day) says nothing; a recap is never applied; an
answer read for its recaps alone publishes no item.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from storage.lifecycle import derive
from storage.records import ActionKind, EventKind, NoticeRecord
from tests.storage.test_lifecycle_corpus import CST, D0404, ECL, UEL, act, by_date, by_key, corpus, qa, stored

DAY = date(2026, 12, 6)


def _answer(*recaps: tuple[ActionKind, str, str | None], own: bool = False) -> NoticeRecord:
    rec = qa("QA-2026-12-05-recount1", datetime(2026, 12, 5, 18, 0, tzinfo=CST), "商务部新闻发言人就出口管制有关问题答记者问",
             (), ECL)
    told = tuple(act(kind, ECL if key.startswith("MOFCOM") else UEL, by_key(key), effective=day or "")
                 for kind, key, day in recaps)
    told = tuple(replace(a, effective=a.effective or None, text="商务部已于…发布公告，自…起，…相关措施") for a in told)
    return replace(rec, list=ECL if own else None, recounted=told)


def _problems(*extra: NoticeRecord) -> list[str]:
    return [p for p in derive([*corpus(), *(stored(r) for r in extra)], DAY).problems if "recounts" in p]


@pytest.mark.parametrize(("kind", "key", "day"), [
    (ActionKind.EXTEND, "UEL-2025-7", "2025-11-10"),  # the 11-05 answer's extension, by key
    (ActionKind.SUSPEND, "UEL-2025-7", "2025-05-14"),
    (ActionKind.EXTEND, "MOFCOM-2025-21", "2025-11-10"),  # its target named by day and list ("4月4日…16家")
    (ActionKind.LIFT, "MOFCOM-2025-22", "2025-08-12"),
    (ActionKind.LIFT, "UEL-2025-8", None),  # no day told: any lift of it
    (ActionKind.SUSPEND, "MOFCOM-2025-21", "2025-11-10"),  # told as a suspension, taken as an extension
], ids=["extend-key", "suspend-key", "extend-by-date", "lift-by-date", "lift-no-day", "suspend-for-extend"])
def test_a_recap_a_stored_notice_takes_says_nothing(kind: ActionKind, key: str, day: str | None) -> None:
    assert _problems(_answer((kind, key, day))) == []


@pytest.mark.parametrize(("kind", "key", "day", "said"), [
    (ActionKind.LIFT, "MOFCOM-2025-21", "2026-12-01", "recounts the lift of MOFCOM-2025-21 from 2026-12-01"),
    (ActionKind.RESTORE, "UEL-2025-7", "2026-11-11", "recounts the restore of UEL-2025-7 from 2026-11-11"),
    (ActionKind.EXTEND, "UEL-2025-7", "2026-11-10", "recounts an extension of the suspension of UEL-2025-7 from 2026-11-10"),
    (ActionKind.LIFT, "MOFCOM-2025-21", None, "recounts the lift of MOFCOM-2025-21: no stored notice does this"),
], ids=["lift", "restore", "extend-other-day", "lift-no-day"])
def test_a_recap_no_stored_notice_takes_is_a_problem(kind: ActionKind, key: str, day: str | None, said: str) -> None:
    got = _problems(_answer((kind, key, day)))
    assert len(got) == 1 and said in got[0] and "no stored notice does this" in got[0], got
    assert got[0].startswith("QA-2026-12-05-recount1: an answer recounts")


def test_a_recap_is_never_applied_and_an_answer_of_recaps_alone_adds_no_item() -> None:
    answer = _answer((ActionKind.LIFT, "MOFCOM-2025-21", "2026-12-01"))
    base, got = derive(corpus(), DAY), derive([*corpus(), stored(answer)], DAY)
    assert [(r.notice_key, r.state, r.since) for r in got.states] == [(r.notice_key, r.state, r.since) for r in base.states]
    assert [e.id for e in got.events] == [e.id for e in base.events]
    # an answer stored before for its list (qa17/27: "…已于…决定，自…起继续暂停…", kept as a Q&A of the UEL) keeps its item
    kept = derive([*corpus(), stored(_answer((ActionKind.LIFT, "MOFCOM-2025-21", "2026-12-01"), own=True))], DAY)
    assert [e.id for e in kept.events if e.kind is EventKind.NOTICE and e.notice_key == answer.key]


def test_a_recap_naming_the_notice_by_day_and_list() -> None:
    """"…停止实施对2025年4月4日被列入出口管制管控名单的16家美国实体采取的相关措施" (no number): the notice published that day on
    that list; the 11-05 answer's extension of it (by day too) quiets an extension, nothing a lift."""
    extended = replace(_answer((ActionKind.EXTEND, "MOFCOM-2025-21", "2025-11-10")).recounted[0],
                       targets=(by_date(D0404, ECL, 16),))
    lifted = replace(extended, action=ActionKind.LIFT, effective="2026-12-01")
    assert _problems(replace(_answer(), recounted=(extended,))) == []
    got = _problems(replace(_answer(), recounted=(lifted,)))
    assert len(got) == 1 and "the lift of 2025年4月4日被列入名单的16家美国实体 from 2026-12-01" in got[0], got


def test_the_notice_taking_it_stored_later_quiets_it() -> None:
    answer = _answer((ActionKind.LIFT, "MOFCOM-2025-21", "2026-12-01"))
    lifting = replace(qa("QA-2026-11-20-lift0001", datetime(2026, 11, 20, 18, 0, tzinfo=CST), "商务部新闻发言人就停止实施相关措施答记者问",
                         (act(ActionKind.LIFT, ECL, by_key("MOFCOM-2025-21"), effective="2026-12-01"),), ECL))
    assert _problems(answer) != []
    assert _problems(answer, lifting) == []


def test_a_recap_naming_two_notices_checks_each() -> None:
    """review61: "停止实施…第22号和第21号相关措施" from 2025-08-12, only No. 22's lift stored: No. 21 is named (was quiet: one
    notice taken was enough); both taken: quiet."""
    one = replace(_answer((ActionKind.LIFT, "MOFCOM-2025-22", "2025-08-12")).recounted[0])
    two = replace(one, targets=(by_key("MOFCOM-2025-22"), by_key("MOFCOM-2025-21")))
    got = _problems(replace(_answer(), recounted=(two,)))
    assert len(got) == 1 and "recounts the lift of MOFCOM-2025-21 from 2025-08-12" in got[0], got
    both = replace(one, action=ActionKind.EXTEND, effective="2025-11-10",
                   targets=(by_key("MOFCOM-2025-21"), by_key("UEL-2025-7")))
    assert _problems(replace(_answer(), recounted=(both,))) == []
