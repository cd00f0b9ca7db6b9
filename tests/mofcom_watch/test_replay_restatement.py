"""A spokesperson answer restating, two days later, the extension a numbered notice published ("根据商务部公告2026年第70号，
…自2026年11月10日起继续暂停…1年", parse18): one extension item, the notice's, and no other. The answer worded with the
notice it follows before the one it restates ("根据商务部公告2026年第70号，商务部公告2025年第21号相关措施自…起继续暂停1年")
also read No. 70 as a notice it extends: a false "Unresolved reference" item and a health problem (exit 1).

The real commands (``replay``, ``feeds``, ``status``, in-process) on a real SQLite file: a copy of the session's
``replayed`` store (the fixtures: No. 21 and its 2025 Q&As), and tests/data/restate18/ replayed into it (composed in the
official wording: No. 70 of 2026-11-07 and two answers of 2026-11-09)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from mofcom_watch.cli import app
from tests.conftest import copy_of

DATA = Path(__file__).resolve().parents[1] / "data" / "restate18"
PAGES = {  # the composed pages at MOFCOM URLs
    "www.mofcom.gov.cn/zwgk/zcfb/art/2026/art_70aa0e3f6b7d4c2a9e8f01234567abcd.html": "mofcom-2026-70-extend.txt",
    "www.mofcom.gov.cn/xwfb/xwfyrth/art/2026/art_5a1c0e3f6b7d4c2a9e8f01234567abce.html":
        "qa-2026-11-09-restate-after-ground.txt",
    "www.mofcom.gov.cn/xwfb/xwfyrth/art/2026/art_5a1c0e3f6b7d4c2a9e8f01234567abcf.html": "qa-2026-11-09-restate-subject.txt",
}
AS_OF = "2026-11-12"
EXTENDED = "tag:mofcom-watch,2025:MOFCOM-2025-21/suspension_extended/ecl/2026-11-10"


def test_a_restatement_of_a_numbered_notice_adds_no_item(replayed: Path, tmp_path: Path) -> None:
    url = copy_of(replayed, tmp_path / "store.sqlite")
    tree = tmp_path / "tree"
    for page, name in PAGES.items():
        (tree / page).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(DATA / name, tree / page)
    run = CliRunner().invoke
    done = run(app, ["--db", url, "replay", str(tree), "--fetched-at", "2026-11-29T03:00:00+00:00", "--as-of", AS_OF])
    assert done.exit_code in (0, 1), done.output  # 1: the fixtures' own problems
    assert "MOFCOM-2026-70 lists no entities" not in done.output
    out = tmp_path / "feeds"
    assert run(app, ["--db", url, "feeds", "--out", str(out), "--as-of", AS_OF]).exit_code in (0, 1)
    ids = [item["id"] for item in json.loads((out / "ecl.json").read_text(encoding="utf-8"))["items"]]
    assert [i for i in ids if "2026-11-10" in i or "2026-70" in i or "QA-2026" in i] == [EXTENDED]
    listings = json.loads(run(app, ["--db", url, "status", "--json", "--as-of", AS_OF]).output)["listings"]
    (row,) = [r for r in listings if r["notice_key"] == "MOFCOM-2025-21" and r["list"] == "ecl"]
    assert (row["state"], row["since"], row["until"]) == ("suspended", "2026-11-10", "2027-11-10")
