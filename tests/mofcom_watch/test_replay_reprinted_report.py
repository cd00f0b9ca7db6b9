"""A wire report MOFCOM's site reposts, telling a step (blind55/62, pages56/28; session 58, reprint58): a Xinhua report
on www.mofcom.gov.cn ("来源：新华社", "类型：转载", a 相关新闻 list of three links) saying "中方决定，自2027年2月1日起，继续暂停
实施…〔2025〕7号相关措施1年" was read as an index (or "other"), and where the answer itself was never fetched the step
was missed and nothing said so: class A, open since session 53. Now the report is news (never a step: the answer is
the ministry's text and key, and a step read from both would be told twice), and while no stored notice takes the step
it tells, a source-health problem names the page and the step (``storage.news._steps_reported_only``). With the answer
stored too, in either order, no problem is left and the items are the same, once each.

The first replay by a real process (zygote), the others and the reads through the CLI in-process, on real SQLite files."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from mofcom_watch.clock import TODAY_ENV
from tests import zygote
from tests.conftest import REPO_ROOT
from tests.mofcom_watch.stories import invoke

TODAY = "2027-03-01"
REPORT = REPO_ROOT / "tests" / "data" / "corpus" / "blind55" / "62-page-www-news-source-xinhua.html"
REPORT_PATH = "www.mofcom.gov.cn/xwfb/xwfbfyrth/art/2027/art_7d8e9f0a1b2c43d4e5f6a7b8c9d0e162.html"
ANSWER = REPO_ROOT / "tests" / "data" / "reprint58" / "answer"  # the spokesperson's answer of 2027-01-28
LISTING = "www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_e4f474d3aeba4672913db1042d845d78.html"  # UEL〔2025〕7号
KIND = "step-not-stored"


def replayed(db: str, folder: Path) -> str:
    """``folder`` replayed in-process (the command's whole path on a real SQLite file, no process of its own); its
    stderr."""
    done = invoke(db, "replay", str(folder), env={TODAY_ENV: TODAY})
    assert done.exit_code in (0, 1), done.output
    return str(done.stderr)


def replay(db: str, folder: Path) -> subprocess.CompletedProcess[str]:
    """``folder`` replayed by a real process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MOFCOM_WATCH_", "PYTHONIOENCODING", "LC_"))}
    env[TODAY_ENV] = TODAY
    return subprocess.run(zygote.command("--db", db, "replay", str(folder)), capture_output=True, cwd=REPO_ROOT,
                          env=env, timeout=120, stdin=subprocess.DEVNULL, text=True)


def folder(root: Path, *, report: bool, answer: bool) -> Path:
    if answer:
        shutil.copytree(ANSWER, root)
        (root / LISTING).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO_ROOT / "fixtures" / LISTING, root / LISTING)
    if report:
        (root / REPORT_PATH).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPORT, root / REPORT_PATH)
    return root


def state(db: str) -> tuple[int, list[dict[str, str]], list[str]]:
    """``status``'s exit code and its open step-not-stored issues, and the stored items of UEL-2025-7 (their ids)."""
    done = invoke(db, "status", "--json", "--as-of", TODAY, env={TODAY_ENV: TODAY})
    report = json.loads(done.stdout)
    issues = [i for i in report["health_issues"] if i["kind"] == KIND]
    with sqlite3.connect(db.removeprefix("sqlite:///")) as con:
        ids = sorted(row[0] for row in con.execute("SELECT id FROM event WHERE notice_key = 'UEL-2025-7' "
                                                   "OR source_key = 'UEL-2025-7' OR id LIKE '%UEL-2025-7%'"))
    return done.exit_code, issues, ids


def test_a_reposted_report_of_a_step_is_a_problem_until_the_answer_is_stored(tmp_path):
    db = f"sqlite:///{tmp_path / 'first.sqlite'}"
    first = replay(db, folder(tmp_path / "report", report=True, answer=False))
    assert first.returncode == 1, first.stderr  # was 0: an index page, nothing said
    assert "reported on an official site only" in first.stderr and "extend of UEL-2025-7" in first.stderr
    code, issues, _ = state(db)
    assert code == 1 and [i["url"] for i in issues] == [f"https://{REPORT_PATH}"]
    assert "中方决定继续暂停实施不可靠实体清单相关措施" in issues[0]["detail"]

    second = replayed(db, folder(tmp_path / "answer", report=False, answer=True))
    assert "reported on an official site only" not in second
    code, issues, report_first = state(db)
    assert issues == []
    extended = [i for i in report_first if "/suspension_extended/uel/2027-02-01" in i]
    assert len(extended) == 12 and "/by/" not in "".join(extended), report_first  # the answer's step, once (1 + 11)
    assert len(report_first) == len(set(report_first))

    other = f"sqlite:///{tmp_path / 'other.sqlite'}"  # the answer first, then the report: never a problem
    replayed(other, folder(tmp_path / "answer2", report=False, answer=True))
    later = replayed(other, folder(tmp_path / "report2", report=True, answer=False))
    assert "reported on an official site only" not in later
    assert state(other)[1:] == ([], report_first)

    both = f"sqlite:///{tmp_path / 'both.sqlite'}"  # one folder holding both
    together = replayed(both, folder(tmp_path / "both", report=True, answer=True))
    assert "reported on an official site only" not in together
    assert state(both)[1:] == ([], report_first)


def test_a_reposted_report_read_as_other_is_a_problem_too(tmp_path):
    """pages56/28: the report with no related links was read as "other", then as news "reported, not yet confirmed",
    which failed nothing."""
    page = "www.mofcom.gov.cn/xwfb/bldhd/art/2028/art_8192a3b4c5d6e7f8091a2b3c4d5e6f70.html"
    (tmp_path / "p" / page).parent.mkdir(parents=True)
    shutil.copy(REPO_ROOT / "tests" / "data" / "corpus" / "pages56" / "28-www-xinhua-reprint-suspend-41.html",
                tmp_path / "p" / page)
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    said = replayed(db, tmp_path / "p")
    assert "reported on an official site only" in said and "suspend of MOFCOM-2027-41 (reported 2028-04-10" in said
    code, issues, _ = state(db)
    assert code == 1 and [i["notice_key"] for i in issues] == ["MOFCOM-2027-41"]
