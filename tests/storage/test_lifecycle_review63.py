"""session 52, review63: a day a notice's text states takes a recap (recap52: the day it was decided or signed), but not a
day one of its steps ends: "暂停期限至2027年3月3日" stated by the suspending notice, and an answer recounting "已于2027年3月3日
决定，继续暂停实施…第23号相关措施" (the extension decided as the suspension ends, with no term), was taken by the suspension
itself: quiet with the extension not stored, the listing lapsing on 03-04 (class A). The answer read by the parser and
kept as the store keeps it (session 53, recap53: ``NoticeRecord.stated_days``; built by hand with its text before, which
the store does not keep).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from storage.records import ActionKind
from tests.storage.test_lifecycle_recaps52 import _problems, _recap, stored_answer

TEXT = "商务部于2026年11月30日决定，自2026年12月3日起暂停实施商务部公告2026年第23号相关措施，暂停期限至2027年3月3日。"


def test_the_day_a_stored_suspension_ends_does_not_take_a_recap_of_its_extension() -> None:
    suspending = stored_answer(TEXT)
    assert suspending.stated_days == (date(2026, 11, 30),)  # its decision day, never the day its step ends
    got = _problems(_recap(ActionKind.EXTEND, "MOFCOM-2026-23", "2027-03-03"), suspending)
    assert len(got) == 1 and "recounts an extension of the suspension of MOFCOM-2026-23 from 2027-03-03" in got[0], got
    assert _problems(_recap(ActionKind.SUSPEND, "MOFCOM-2026-23", "2026-11-30"), suspending) == []  # decided: taken
    # a stored end day among the days stated (a record of another parse) still takes no recap of another step
    hand = replace(suspending, stated_days=(date(2026, 11, 30), date(2027, 3, 3)))
    assert len(_problems(_recap(ActionKind.EXTEND, "MOFCOM-2026-23", "2027-03-03"), hand)) == 1
