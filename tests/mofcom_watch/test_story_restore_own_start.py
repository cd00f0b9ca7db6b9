"""probe45 (session 45): "中方决定自2026年12月10日起，暂停实施商务部公告2025年第21号相关措施6个月；自2027年1月1日起，暂停实施…
〔2025〕7号相关措施6个月，期满后自动恢复实施": the restore of 7号 was dated from the end counted from the sentence's first start
(No. 21's 12-10, so 2027-06-10): 7号 shown "in force" from 2027-06-11 while suspended to 2027-07-01, silently (before
9e57c260 from 2026-12-10, its suspension's first day). The real No. 21 and 7号 pages and one answer, replayed by a real
``replay`` into a real SQLite file."""

from __future__ import annotations

from pathlib import Path

from tests.mofcom_watch.stories import REPO, replayed

STORY = REPO / "tests" / "data" / "stories45" / "restore_own_start"


def _state(store, day: str, key: str) -> tuple[str, str | None]:  # noqa: ANN001
    rows = store.status(day)[key]
    assert len(rows) == 1, rows
    return rows[0]["state"], rows[0]["until"]


def test_the_restore_is_at_the_end_of_its_own_suspension(tmp_path: Path) -> None:
    store = replayed(tmp_path, STORY, "2026-12-04T10:00:00+00:00", today="2027-12-31")
    assert _state(store, "2026-12-20", "MOFCOM-2025-21") == ("suspended", "2027-06-10")
    assert _state(store, "2027-01-02", "UEL-2025-7") == ("suspended", "2027-07-01")
    assert _state(store, "2027-06-20", "UEL-2025-7") == ("suspended", "2027-07-01")  # was in force from 06-11
    assert _state(store, "2027-07-01", "UEL-2025-7") == ("suspended", "2027-07-01")
    assert _state(store, "2027-07-02", "UEL-2025-7") == ("in_force", None)  # back the day after its six months
