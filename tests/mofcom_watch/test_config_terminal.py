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
    # no line wider: a comment's path is cut after a "/" (ops49: "# database: sqlite:////…" ran past the edge, ops48's
    # open B); a quoted value wider than the terminal is a TOML multi-line string, its lines ending in a backslash
    # (ops48: the value ran past the edge, user47's open B)
    assert [x for x in toml_lines if cell_len(x) > columns] == []
    assert 'database_url = """\\' in toml_lines, toml_lines
    assert any(line.startswith(f'database_url = "{db}"   # ') for line in piped.splitlines()), piped
    assert max(cell_len(line) for line in piped.splitlines()) > 200  # the pipe keeps one line a setting
    assert tomllib.loads("\n".join(toml_lines)) == tomllib.loads(piped)
    words = " ".join(line.lstrip("# ") for line in toml_lines if line.startswith("#"))
    assert "status and /healthz fail when the last run finished longer ago (0: never, the check is off)" in words
    assert "stale_after_minutes = 180" in toml_lines


@pytest.mark.parametrize("columns", [60, 80])
def test_config_s_comments_naming_a_long_folder_fit_the_terminal(tmp_path, columns: int) -> None:
    """ops48's open B: started in a folder ~140 columns deep, the relative-paths note named it (and data_dir's, feeds_dir's
    and the store's paths under it) as words of a comment that ran past the terminal's edge, as did "# database:" with
    a long database_url. Now each such word is cut after its last "/" that fits, the next part on a comment line of
    its own; the words read back, joined, as the pipe says them on one line."""
    folder = tmp_path.joinpath("the-compliance-team", "its-shared-volume-of-stores", "mofcom-watch-of-this-year",
                               "and-the-stores-of-its-tests", "a-folder-of-another-test")
    folder.mkdir(parents=True)
    db = f"sqlite:///{folder / 'the-store-of-the-compliance-team.sqlite'}"
    shown = on_terminal("--db", db, "config", columns=columns, cwd=folder)
    piped = subprocess.run([sys.executable, "-m", "mofcom_watch", "--db", db, "config"], capture_output=True, text=True,
                           cwd=folder, timeout=120, stdin=subprocess.DEVNULL).stdout
    toml_lines = [line for line in shown.splitlines() if not line.startswith("mofcom-watch")]
    assert [x for x in toml_lines if cell_len(x) > columns] == []
    assert tomllib.loads("\n".join(toml_lines)) == tomllib.loads(piped)
    comments, current = [], ""
    for line in toml_lines:  # a comment and its lines ("#   …") as one text, a path's parts joined after their "/"
        if line.startswith("#   "):
            current += ("" if current.endswith("/") else " ") + line[4:]
        else:
            comments.append(current)
            current = line[2:] if line.startswith("# ") else ""
    comments.append(current)
    assert f"database: {db}" in comments, comments
    note = next(line[2:] for line in piped.splitlines() if line.startswith("# relative paths are read from"))
    assert str(folder / "data" / "feeds") in note
    assert note in comments, (note, comments)
