"""Session 17's end dates (dates17): 2026 texts replayed through the CLI in real processes on the saved 2025
notices and Q&As of fixtures/, and the state each leaves on the days around the end it sets.

- "延长…相关措施的暂停期限1年" / "…暂停期限延期一年" (no start or end written) was counted from the publication day
  (2027-11-09 for the Q&A of 2026-11-09), one day before the true end: the running suspension ends 2026-11-10,
  so the new one ends 2027-11-10. The parser now records the period (``extends_by``) and the engine counts it
  from the running end.
- The same extension of a notice with no running suspension (ECL 2025 No. 51, in force) got a silent end counted
  from the publication day: now a note and an unresolved-reference item say the end could not be counted from a
  running end (status exits 1).
- "本公告自发布之日起30日后施行" was in force on the publication day, a month early.
- The title's "关于暂停实施…第二款的公告" beside the body's "继续暂停实施…至2027年11月27日" gave an open-ended
  suspension too ("Suspended: … until further notice").
The texts are tests/data/corpus/audit16/52 and tests/data/corpus/dates17/ (composed in the official wording)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.faults.harness import FETCHED, FIXTURES, cli

CORPUS = Path(__file__).parents[1] / "data" / "corpus"
SITE = "www.mofcom.gov.cn"
PAGES = (  # ECL No. 21, UEL 〔2025〕7号, 2024 No. 46 and No. 72, and the 2025 Q&As that suspended and extended them
    "zcfb/blgg/art/2025/art_eba76b74d5e147c99fd86bc8a47c5b57.html",
    "zwgk/zcfb/art/2025/art_e4f474d3aeba4672913db1042d845d78.html",
    "zwgk/zcfb/art/2024/art_3d5e990b43424e60828030f58a547b60.html",
    "zcfb/blgg/gg/2025/art/2025/art_bc4513421bb24faaa84e44c2e4f36dc5.html",
    *(f"xwfb/xwfyrth/art/2025/art_{h}.html" for h in (
        "56eb3af373f62dad744f712245a46d0b", "53ec1f591dba49a39b65fd89b6d73e6f", "ac5a19ec780f2934e1e2a68fcfc8804c",
        "2d1e85ffaebf4ed9913f35f2afb5c436", "7e09fc75390f4a078466b56ac9d6503a", "3cd57285290044edb3036563bc4c7352")),
)
CASES = ("audit16/52-qa-2026-yanchang-verb-first.txt", "dates17/05-qa-uel-yanqi-yinian-nostart.txt",
         "dates17/23-qa-ecl-yanchang-nostart-no-running.txt", "dates17/07-ann-ecl-30ri-hou.txt",
         "dates17/08-ann-items-jiri-zhi.txt")


def test_extensions_by_a_duration_end_a_period_after_the_running_end(tmp_path: Path) -> None:
    for page in PAGES:
        dest = tmp_path / SITE / page
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(FIXTURES / SITE / page, dest)
    shutil.copyfile(FIXTURES / "texts" / "mofcom-2025-51.txt", tmp_path / "mofcom-2025-51.txt")
    for case in CASES:
        shutil.copyfile(CORPUS / case, tmp_path / Path(case).name)
    db = f"sqlite:///{tmp_path / 'store.db'}"
    done = cli(db, "replay", str(tmp_path), "--fetched-at", FETCHED, "--as-of", "2026-12-01")
    assert done.code in (0, 1), done.err

    def status(day: str) -> tuple[dict[str, dict], list[str]]:
        done = cli(db, "status", "--json", "--as-of", day)
        got = json.loads(done.out)
        unresolved = [r["summary"] for r in got["unresolved_references"]]
        assert done.code == (1 if unresolved else 0), done.err
        return {row["notice_key"]: row for row in got["listings"]}, got["problems"] + unresolved

    rows, problems = status("2027-11-09")
    for key in ("MOFCOM-2025-21", "UEL-2025-7"):  # was until 2027-11-09 / 2027-11-06
        row = rows[key]
        assert (row["state"], row["until"], row["by"][:12]) == ("suspended", "2027-11-10", "QA-2026-11-0"), row["history"]
    # said loudly: a note, and an unresolved-reference item (the source-health side; status exits 1)
    assert len([p for p in problems if "MOFCOM-2025-51" in p and "no single end date" in p and "2027-11-06" in p]) == 2
    assert not [p for p in problems if "MOFCOM-2025-21" in p or "UEL-2025-7" in p], problems
    rows, _ = status("2027-11-11")  # through 2027-11-10, its last day (lapse43)
    for key in ("MOFCOM-2025-21", "UEL-2025-7"):
        assert (rows[key]["state"], rows[key]["since"]) == ("lapsed", "2027-11-11"), rows[key]["history"]

    rows, _ = status("2026-11-07")  # announced 2026-10-09, in force 30 days on
    assert (rows["MOFCOM-2026-44"]["state"], rows["MOFCOM-2026-44"]["next_from"]) == ("announced", "2026-11-08")
    rows, _ = status("2026-11-08")
    assert (rows["MOFCOM-2026-44"]["state"], rows["MOFCOM-2026-44"]["since"]) == ("in_force", "2026-11-08")

    rows, _ = status("2027-11-26")  # No. 46 clause 2: suspended to 2027-11-27, never "no end date"
    row = rows["MOFCOM-2024-46"]
    assert (row["state"], row["until"]) == ("suspended", "2027-11-27"), row["history"]
    assert not [h for h in row["history"] if "no end date" in h], row["history"]
