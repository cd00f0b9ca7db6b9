"""`config` on an 80-column terminal (user47, a new officer's round): its TOML lines ran to 258 columns ("stale_after_minutes
= 180   # [default] status and /healthz fail when the last run finished longer ago …"), folded by the terminal
mid-word. Now on a terminal a wider line is its comment, wrapped at words into comment lines, then the setting; into a
pipe one line a setting as before, and both read back as the same TOML. A quoted value wider than the terminal (a long
``database_url``) is a multi-line string cut at a "/" (ops48), read back as the same value. Real processes (a
pseudo-terminal, a pipe)."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import pytest
from rich.cells import cell_len

from tests.conftest import REPO_ROOT
from tests.mofcom_watch.test_cli_terminal import on_terminal


@pytest.mark.parametrize("columns", [80, 100])
def test_config_fits_the_terminal_and_reads_as_the_piped_toml(tmp_path, columns: int) -> None:
    folder = tmp_path / ("a-long-folder-name-of-the-team-" * 3) / "and-the-stores-of-this-year"
    folder.mkdir(parents=True)
    db = f"sqlite:///{folder / 'the-store-of-the-compliance-team.sqlite'}"  # wider than 100 columns
    shown = on_terminal("--db", db, "config", columns=columns)
    piped = subprocess.run([sys.executable, "-m", "mofcom_watch", "--db", db, "config"], capture_output=True, text=True,
                           cwd=REPO_ROOT, timeout=120, stdin=subprocess.DEVNULL).stdout
    toml_lines = [line for line in shown.splitlines() if not line.startswith("mofcom-watch")]  # (stderr's notes aside)
    # wider only one word of a comment (a path) on a line of its own; a quoted value wider than the terminal is a TOML
    # multi-line string, its lines ending in a backslash (ops48: the value ran past the edge, user47's open B)
    wide = [x for x in toml_lines if cell_len(x) > columns]
    assert all(x.startswith("#") and " " not in x.lstrip("# ") for x in wide), wide
    assert 'database_url = """\\' in toml_lines, toml_lines
    assert any(line.startswith(f'database_url = "{db}"   # ') for line in piped.splitlines()), piped
    assert max(cell_len(line) for line in piped.splitlines()) > 200  # the pipe keeps one line a setting
    assert tomllib.loads("\n".join(toml_lines)) == tomllib.loads(piped)
    words = " ".join(line.lstrip("# ") for line in toml_lines if line.startswith("#"))
    assert "status and /healthz fail when the last run finished longer ago (0: never, the check is off)" in words
    assert "stale_after_minutes = 180" in toml_lines
