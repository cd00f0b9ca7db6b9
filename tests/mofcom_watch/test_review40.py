"""Session 40's review of session 39's lifecycle code (review40), with the stories' harness (real ``replay`` into a real
SQLite file, read back with ``status``)."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.mofcom_watch.stories import REPO, replayed, row

CORRECTED_STEP = REPO / "tests" / "data" / "stories40" / "corrected_step"
ECL = "MOFCOM-2025-21"
STOPPED = "停止执行商务部公告2025年第21号中对立方公司（Cubic Corporation）、内华达山脉公司（Sierra Nevada Corporation）的相关措施。"


def test_a_corrected_start_moves_the_end_of_a_term_counted_from_it(tmp_path: Path) -> None:
    # lapse43: each end its last day, counted or written: the lapse (and countdowns) a day later
    """story40's corrected_step with No. 252 suspending the two for 1 year from 11-25 ("暂停期限为1年"), No. 266 correcting
    its start to 12-15: the term ran to 2027-11-25 still, and the two were shown lapsed (presumed back in force) 20 days
    early."""
    pages = tmp_path / "pages"
    shutil.copytree(CORRECTED_STEP, pages)
    d1 = next(pages.glob("d1-*.txt"))
    text = d1.read_text(encoding="utf-8")
    assert STOPPED in text
    d1.write_text(text.replace(STOPPED, STOPPED.replace("停止执行", "暂停执行")[:-1] + "，暂停期限为1年。")
                  .replace("关于停止执行", "关于暂停执行"), encoding="utf-8")
    (tmp_path / "db").mkdir()
    store = replayed(tmp_path / "db", pages, "2027-01-15T00:00:00+00:00", today="2027-01-31")
    got = row(store, "2026-11-26", ECL, "cubic")
    assert (got["state"], got["since"], got["until"]) == ("suspended", "2026-11-25", "2027-11-25")  # as first written
    got = row(store, "2026-12-16", ECL, "cubic")
    assert (got["state"], got["since"], got["until"]) == ("suspended", "2026-12-15", "2027-12-15")
    assert row(store, "2027-11-26", ECL, "cubic")["state"] == "suspended"
    got = row(store, "2027-12-16", ECL, "sierranevada")
    assert (got["state"], got["since"]) == ("lapsed", "2027-12-16")
