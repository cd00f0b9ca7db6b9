"""A correction notice settles the page a notice's alias-conflict names; a third page reading otherwise stays said
(probe49).

Session 21's corr21 case (No. 31's item 4 corrected at one URL only, settled once the official correction No. 40 is
stored) with No. 31 at a third URL. Real ``replay`` and ``status`` processes, one real SQLite file. Was: the page the
issue named settled by No. 40, the issue closed, exit 0, while the third page read item 4 otherwise than both the
notice and the correction ("Harbor Dynamic Sistems"), its copy never read again and cited by every item.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.faults.harness import cli

CORPUS = Path(__file__).parents[1] / "data" / "corpus" / "corr20"
FIRST = "www.mofcom.gov.cn/article/31.txt"
THIRD = "www.mofcom.gov.cn/zcfb/article/31.txt"
CORRECTED = "aqygzj.mofcom.gov.cn/article/31.txt"


@pytest.mark.parametrize("third_reads", ["otherwise", "as corrected"])
def test_a_correction_settling_one_page_leaves_a_third_page_reading_otherwise_said(tmp_path: Path, third_reads) -> None:
    original = (CORPUS / "00a-mofcom-2026-31-ecl-6-us.txt").read_text(encoding="utf-8")
    fixed = original.replace("Harbor Dynamic Systems", "Harbor Dynamics Systems")
    third = original.replace("Harbor Dynamic Systems", "Harbor Dynamic Sistems") if third_reads == "otherwise" else fixed
    runs = (("2026-07-15", {FIRST: original}), ("2026-07-18", {THIRD: third}), ("2026-07-20", {CORRECTED: fixed}),
            ("2026-08-06", {"www.mofcom.gov.cn/article/40.txt":
                            (CORPUS / "10-ecl-second-entry-same-notice.txt").read_text(encoding="utf-8")}))
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    for n, (day, pages) in enumerate(runs):
        for rel, text in pages.items():
            (tmp_path / f"r{n}" / rel).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / f"r{n}" / rel).write_text(text, encoding="utf-8")
        done = cli(db, "replay", str(tmp_path / f"r{n}"), "--fetched-at", f"{day}T02:00:00+00:00", "--as-of", day)
        assert "Traceback" not in done.err, done.err
    status = cli(db, "status", "--json", "--as-of", "2026-08-06")
    issues = [(i["kind"], i["url"].split("://", 1)[1]) for i in json.loads(status.out)["health_issues"]]
    if third_reads == "otherwise":  # was: exit 0, no issue
        assert status.code == 1 and issues == [("alias-conflict", THIRD)], issues
    else:  # the third page carries the correction too: settled by it, as the page named
        assert status.code == 0 and issues == [], issues
