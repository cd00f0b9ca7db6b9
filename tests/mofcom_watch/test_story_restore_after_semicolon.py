"""review50 (session 45): "自2026年12月10日起，暂停实施商务部公告2025年第21号和…〔2025〕7号相关措施，暂停期限为6个月；其中…7号相关措施
暂停期限为1年，期满后自动恢复实施" (a restore after a "；") was read as a restore of both from 12-10, the suspension's first day:
7号 shown "in force" from 12-10 while the answer suspended it for a year, silently. The real No. 21 and 7号 pages and one
answer, replayed by a real ``replay`` into a real SQLite file."""

from __future__ import annotations

from pathlib import Path

from tests.mofcom_watch.stories import REPO, replayed

STORY = REPO / "tests" / "data" / "stories45" / "restore_after_semicolon"


def _state(store, day: str, key: str) -> tuple[str, str | None]:  # noqa: ANN001
    rows = store.status(day)[key]
    assert len(rows) == 1, rows
    return rows[0]["state"], rows[0]["until"]


def test_each_notice_is_suspended_to_its_own_end_and_back_after_it(tmp_path: Path) -> None:
    store = replayed(tmp_path, STORY, "2026-12-04T10:00:00+00:00", today="2028-01-10")
    assert _state(store, "2026-12-20", "UEL-2025-7") == ("suspended", "2027-12-10")  # was in force from 12-10
    assert _state(store, "2026-12-20", "MOFCOM-2025-21") == ("suspended", "2027-06-10")
    # No. 21's six months run out (the restore is read in 7号's clause: No. 21's lapse presumed, for review)
    assert _state(store, "2027-06-11", "MOFCOM-2025-21") == ("lapsed", None)
    assert _state(store, "2027-12-10", "UEL-2025-7") == ("suspended", "2027-12-10")
    assert _state(store, "2027-12-11", "UEL-2025-7") == ("in_force", None)  # back the day after its year, as told
