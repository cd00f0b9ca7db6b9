"""session 52, review63: a day a notice's text states takes a recap (recap52: the day it was decided or signed), but not a
day one of its steps ends: "暂停期限至2027年3月3日" stated by the suspending notice, and an answer recounting "已于2027年3月3日
决定，继续暂停实施…第23号相关措施" (the extension decided as the suspension ends, with no term), was taken by the suspension
itself: quiet with the extension not stored, the listing lapsing on 03-04 (class A). Records built by hand with their
text, as test_lifecycle_recaps52 (the store keeps no notice text: through the CLI no stated day is read at all; report).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from storage.records import ActionKind, NoticeRecord
from tests.storage.test_lifecycle_corpus import CST, ECL, act, by_key, qa
from tests.storage.test_lifecycle_recaps52 import _problems, _recap

SUSPENDS_23 = act(ActionKind.SUSPEND, ECL, by_key("MOFCOM-2026-23"), effective="2026-12-03", until=date(2027, 3, 3))


def _suspending(text: str) -> NoticeRecord:
    rec = qa("QA-2026-12-01-susp0001", datetime(2026, 12, 1, 18, 0, tzinfo=CST), "商务部新闻发言人就暂停实施相关措施答记者问",
             (SUSPENDS_23,), ECL)
    return replace(rec, text=text)


def test_the_day_a_stored_suspension_ends_does_not_take_a_recap_of_its_extension() -> None:
    text = "答：商务部于2026年11月30日决定，自2026年12月3日起暂停实施商务部公告2026年第23号相关措施，暂停期限至2027年3月3日。"
    got = _problems(_recap(ActionKind.EXTEND, "MOFCOM-2026-23", "2027-03-03"), _suspending(text))
    assert len(got) == 1 and "recounts an extension of the suspension of MOFCOM-2026-23 from 2027-03-03" in got[0], got
    assert _problems(_recap(ActionKind.SUSPEND, "MOFCOM-2026-23", "2026-11-30"), _suspending(text)) == []  # decided: taken
