"""A person listed again with a fuller English name ("Robert C. Hale" by one decree after "Robert Hale" by two others: mfa43/21,
keyed apart; joining them is the owner's question): ``screen`` hits both by a close spelling, and ``timeline`` now says the
other is a possible match, for a person to review, never joined. Real processes on a real SQLite store, the real corpus pages
replayed from a folder."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from tests import zygote
from tests.conftest import REPO_ROOT

AS_OF = "2037-12-31"
CORPUS = REPO_ROOT / "tests" / "data" / "corpus" / "mfa43"
MFA = "www.mfa.gov.cn/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/"
PAGES = {"01-base-two-companies-one-executive.txt": "203701/t20370115_13000220.shtml",
         "02-second-listing-same-person.txt": "203703/t20370301_13000222.shtml",
         "21-second-listing-middle-initial-added.txt": "203710/t20371001_13000241.shtml"}


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MOFCOM_WATCH_", "PYTHONIOENCODING", "LC_"))}
    env["MOFCOM_WATCH_TODAY"] = AS_OF
    return subprocess.run(zygote.command(*args), capture_output=True, cwd=REPO_ROOT, env=env, timeout=180,
                          stdin=subprocess.DEVNULL, text=True)


def replayed(tmp_path: Path) -> str:
    for name, path in PAGES.items():
        dest = tmp_path / "pages" / MFA / path
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CORPUS / name, dest)
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    done = cli("--db", db, "replay", str(tmp_path / "pages"), "--as-of", AS_OF)
    assert done.returncode == 0, done.stderr
    return db


def test_the_person_listed_again_with_a_middle_initial_is_a_possible_match(tmp_path):
    """Was: ``timeline "Robert Hale"`` showed Nos. 220 and 222 alone, nothing of No. 241 naming "Robert C. Hale" (and the other
    way round), where ``screen`` hit both: an officer reading one timeline missed a listing in force."""
    db = replayed(tmp_path)
    for asked, other, notice in (("Robert Hale", "robertchale", "MFA-ORDER-2037-241"),
                                 ("罗伯特·C·黑尔", "roberthale", "MFA-ORDER-2037-220")):
        shown = cli("--db", db, "timeline", asked, "--as-of", AS_OF)
        assert shown.returncode == 0, shown.stderr
        lines = [line for line in shown.stdout.splitlines() if "possible match" in line]
        assert len(lines) == 1 and f"(key {other}, {notice})" in lines[0] and "not joined" in lines[0], shown.stdout
        as_json = json.loads(cli("--db", db, "timeline", asked, "--json", "--as-of", AS_OF).stdout)
        assert [(m["key"], m["notice"]) for m in as_json["possible_matches"]] == [(other, notice)]
        assert other not in as_json["keys"]  # never joined


def test_no_possible_match_for_another_name(tmp_path):
    """A company or a person of another name gets none."""
    db = replayed(tmp_path)
    for asked in ("Northstar Avionics LLC", "Megan Foster"):
        as_json = json.loads(cli("--db", db, "timeline", asked, "--json", "--as-of", AS_OF).stdout)
        assert as_json["possible_matches"] == []
