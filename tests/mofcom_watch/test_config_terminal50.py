"""ops49's open B: on a terminal, ``config`` cut a comment's word with no "/" in it that was wider than the terminal (a
folder name of ~90 characters in the relative-paths note) bare at the edge, the next part on a "#   " line: it read as
a wrap at a space, two words where the folder has one. Now such a cut ends in a ``\\`` (as a quoted value's lines do):
joined again without it, and with no space, the comment reads as the pipe's. Real processes (a pseudo-terminal, a
pipe)."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import pytest
from rich.cells import cell_len

from tests.mofcom_watch.test_cli_terminal import on_terminal


@pytest.mark.parametrize("columns", [60, 80])
def test_config_marks_a_folder_name_cut_at_the_terminals_edge(tmp_path, columns: int) -> None:
    name = "the-compliance-team-shared-volume-of-stores-for-mofcom-watch-of-this-year-and-its-tests"  # 87, no "/"
    folder = tmp_path / name
    folder.mkdir()
    db = f"sqlite:///{folder / 'store.sqlite'}"
    shown = on_terminal("--db", db, "config", columns=columns, cwd=folder)
    piped = subprocess.run([sys.executable, "-m", "mofcom_watch", "--db", db, "config"], capture_output=True, text=True,
                           cwd=folder, timeout=120, stdin=subprocess.DEVNULL).stdout
    toml_lines = [line for line in shown.splitlines() if not line.startswith("mofcom-watch")]
    assert [x for x in toml_lines if cell_len(x) > columns] == []
    assert tomllib.loads("\n".join(toml_lines)) == tomllib.loads(piped)
    cut = [line for line in toml_lines if line.startswith("#") and line.endswith("\\")]
    assert cut, toml_lines  # the folder's name was cut, and said so
    comments, current = [], ""
    for line in toml_lines:  # "/" or "\" at a line's end: the word goes on (the "\" dropped); else a space
        if line.startswith("#   "):
            current = current.removesuffix("\\") + ("" if current.endswith(("/", "\\")) else " ") + line[4:]
        else:
            comments.append(current)
            current = line[2:] if line.startswith("# ") else ""
    comments.append(current)
    note = next(line[2:] for line in piped.splitlines() if line.startswith("# relative paths are read from"))
    assert name in note and note in comments, (note, comments)
    assert f"database: {db}" in comments, comments
