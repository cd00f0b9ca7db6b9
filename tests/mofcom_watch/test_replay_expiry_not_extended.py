"""A Q&A of 2026 saying the one-year suspension of 2025 No. 21 "届满后不再延长": from the day the suspension ends the
measures are back in force by that Q&A, not a lapse the engine only presumes and asks to review (session 17, qa17).

Real processes (``mofcom-watch replay``, ``status``) on real files: the fixture pages of No. 21 and its 2025 Q&As,
and the audit page tests/data/corpus/qa17/21-html-qa-not-extended.html served at a MOFCOM URL.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.faults.harness import FIXTURES, ROOT, cli

PAGES = (
    "www.mofcom.gov.cn/zcfb/blgg/art/2025/art_eba76b74d5e147c99fd86bc8a47c5b57.html",  # No. 21, 16 US entities
    "www.mofcom.gov.cn/xwfb/xwfyrth/art/2025/art_56eb3af373f62dad744f712245a46d0b.html",  # 2025-05-14 suspension
    "www.mofcom.gov.cn/xwfb/xwfyrth/art/2025/art_ac5a19ec780f2934e1e2a68fcfc8804c.html",  # 2025-08-12 extension
    "www.mofcom.gov.cn/xwfb/xwfyrth/art/2025/art_7e09fc75390f4a078466b56ac9d6503a.html",  # 2025-11-05: one more year
)
QA_2026 = "www.mofcom.gov.cn/xwfb/xwfyrth/art/2026/art_5a1c0e3f6b7d4c2a9e8f01234567abcd.html"


def test_a_suspension_not_extended_is_back_in_force_by_the_qa_on_the_day_it_ends(tmp_path: Path) -> None:
    tree, url = tmp_path / "tree", f"sqlite:///{tmp_path / 'store.sqlite'}"
    for page in PAGES:
        (tree / page).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(FIXTURES / page, tree / page)
    (tree / QA_2026).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "tests/data/corpus/qa17/21-html-qa-not-extended.html", tree / QA_2026)
    done = cli(url, "replay", str(tree), "--fetched-at", "2026-11-08T12:00:00+00:00", "--as-of", "2026-11-09")
    assert done.code in (0, 1), done.err  # 1: the fixtures' own warnings (No. 13 is not in this tree)

    def row(as_of: str) -> dict[str, object]:
        listings = json.loads(cli(url, "status", "--json", "--as-of", as_of).out)["listings"]
        (found,) = [r for r in listings if r["notice_key"] == "MOFCOM-2025-21" and r["list"] == "ecl"]
        return found

    before = row("2026-11-09")
    assert (before["state"], before["until"]) == ("suspended", "2026-11-10")
    after = row("2026-11-11")
    # before the fix: "lapsed" (presumed back in force, needs review) by nothing but the end of the suspension
    # back the day after the year's last day, 11-10, as its lapse (lapse43: the restore "届满后" is the lapse day)
    assert (after["state"], after["since"], after["by"]) == ("in_force", "2026-11-11", "QA-2026-11-08-adadbd0a")
    assert not after["presumed"]
