"""Output into a pipe is plain, unwrapped lines (issue 9 item 9).

rich and typer wrap at 80 columns whenever stdout is not a terminal: a long path in an
error message came out on three lines and broke every ``grep`` (and a test) in a deep
temporary folder. Real processes, real pipes, real files.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT

BOX_CHARS = set("╭╮╰╯│─")


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, COLUMNS="80")  # what a CI shell or cron gives
    env.pop("TERMINAL_WIDTH", None)
    return subprocess.run([sys.executable, "-m", "mofcom_watch", *args], capture_output=True, text=True,
                          cwd=cwd or REPO_ROOT, env=env, timeout=300, stdin=subprocess.DEVNULL)


def deep_folder(root: Path) -> Path:
    folder = root.joinpath(*(["a-rather-long-folder-name-like-ci-makes"] * 4))
    folder.mkdir(parents=True)
    return folder


def test_an_error_naming_a_long_path_is_one_line(tmp_path):
    folder = deep_folder(tmp_path)
    missing = folder / "no-such-site"
    result = cli("--db", f"sqlite:///{folder / 'db.sqlite'}", "replay", str(missing))
    assert result.returncode == 2
    assert len(str(missing)) > 160
    assert f"{missing} is not a readable directory" in result.stderr.splitlines()[0]


def test_a_usage_error_is_plain_lines_not_a_box(tmp_path):
    folder = deep_folder(tmp_path)
    result = cli("--db", f"sqlite:///{folder / 'db.sqlite'}", "replay", str(folder), "--fetched-at",
                 "yesterday-" + "x" * 100)
    assert result.returncode == 2
    assert not BOX_CHARS & set(result.stderr)
    assert any("not an ISO 8601 date-time: 'yesterday-" + "x" * 100 + "'" in line for line in result.stderr.splitlines())


def test_tables_and_problems_into_a_pipe_are_never_wrapped(tmp_path):
    folder = deep_folder(tmp_path)
    site = folder / "site"
    page = site / "www.mofcom.gov.cn" / ("p" * 120) / "art_bot.html"
    page.parent.mkdir(parents=True)
    page.write_bytes(b"<html><body>Please enable JavaScript</body></html>")
    db = f"sqlite:///{folder / 'db.sqlite'}"
    replayed = cli("--db", db, "replay", str(site), "--as-of", "2026-11-29")
    assert replayed.returncode == 1, replayed.stderr
    url = "https://www.mofcom.gov.cn/" + "p" * 120 + "/art_bot.html"
    assert any(line.startswith("unusable page: " + url) for line in replayed.stderr.splitlines()), replayed.stderr
    status = cli("--db", db, "status", "--as-of", "2026-11-29")
    issue = [line for line in status.stdout.splitlines() if url in line]
    assert issue and "unusable-page" in issue[0], status.stdout
