"""Session 16's blind audit (audit16): two 2026 Q&As replayed through the CLI in real processes, on the saved
2025 notices and Q&As of fixtures/, and the state each leaves.

- One bracket naming an ECL and a UEL notice ("继续暂停4月4日公告（商务部公告2025年第21号、不可靠实体清单工作机制公告
  〔2025〕7号）相关措施1年") gave one action on the UEL for both: the engine found no UEL listing of
  MOFCOM-2025-21, so the ECL extension was lost ("lapsed: presumed back in force", an unresolved reference).
- "自2026年11月10日起不再暂停…〔2025〕7号…相关措施" was read as an open-ended suspension (the opposite of what it
  says): UEL-2025-7 stayed suspended instead of back in force.
The texts are tests/data/corpus/audit16/12 and 18 (composed in the official wording)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.faults.harness import FETCHED, FIXTURES, cli

CORPUS = Path(__file__).parents[1] / "data" / "corpus" / "audit16"
AS_OF = "2026-12-01"
SITE = "www.mofcom.gov.cn"
PAGES = (  # ECL No. 21, UEL 〔2025〕7号 and the 2025 Q&As that suspended and extended them
    "zcfb/blgg/art/2025/art_eba76b74d5e147c99fd86bc8a47c5b57.html",
    "zwgk/zcfb/art/2025/art_e4f474d3aeba4672913db1042d845d78.html",
    *(f"xwfb/xwfyrth/art/2025/art_{h}.html" for h in (
        "56eb3af373f62dad744f712245a46d0b", "53ec1f591dba49a39b65fd89b6d73e6f", "ac5a19ec780f2934e1e2a68fcfc8804c",
        "2d1e85ffaebf4ed9913f35f2afb5c436", "7e09fc75390f4a078466b56ac9d6503a", "3cd57285290044edb3036563bc4c7352")),
)


def replayed(tmp_path: Path, case: str) -> dict[str, dict]:
    for page in PAGES:
        dest = tmp_path / SITE / page
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(FIXTURES / SITE / page, dest)
    shutil.copyfile(CORPUS / case, tmp_path / case)
    db = f"sqlite:///{tmp_path / 'store.db'}"
    done = cli(db, "replay", str(tmp_path), "--fetched-at", FETCHED, "--as-of", AS_OF)
    assert done.code in (0, 1), done.err
    status = json.loads(cli(db, "status", "--json", "--as-of", AS_OF).out)
    # (the 2025 Q&As also name notices left out of this tree: only the 2026 one must resolve whole)
    assert [r["summary"] for r in status["unresolved_references"] if r["source_key"].startswith("QA-2026")] == []
    return {row["notice_key"]: row for row in status["listings"]}


def test_one_bracket_naming_an_ecl_and_a_uel_notice_extends_both(tmp_path: Path) -> None:
    rows = replayed(tmp_path, "12-qa-2026-both-lists-one-sentence.txt")
    for key in ("MOFCOM-2025-21", "UEL-2025-7"):
        row = rows[key]
        assert (row["state"], row["since"], row["until"], row["by"][:13]) == (
            "suspended", "2026-11-10", "2027-11-10", "QA-2026-11-09"), row["history"]


def test_no_longer_suspended_puts_the_measures_back_in_force(tmp_path: Path) -> None:
    rows = replayed(tmp_path, "18-qa-2026-buzai-zanting-restore.txt")
    row = rows["UEL-2025-7"]
    assert (row["state"], row["since"], row["until"], row["by"][:13]) == (
        "in_force", "2026-11-10", None, "QA-2026-11-10"), row["history"]
