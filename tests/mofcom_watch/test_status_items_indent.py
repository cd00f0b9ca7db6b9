"""`status`'s SOURCE HEALTH entries on an 80-column terminal (user47's round): a wrapped entry went back to column 0
("20 (file:texts/mofcom-2026-11.txt; page SHA-256 …)" read as a line of its own). Now its lines after the first are
indented under it; into a pipe each entry stays one line. A real process on a pseudo-terminal and on a pipe."""

from __future__ import annotations

import subprocess
import sys

from rich.cells import cell_len

from tests.conftest import REPO_ROOT, copy_of
from tests.mofcom_watch.test_cli_terminal import on_terminal


def test_a_wrapped_health_entry_keeps_its_indent_and_a_pipe_keeps_it_whole(replayed, tmp_path) -> None:
    db = copy_of(replayed, tmp_path / "store.sqlite")
    shown = on_terminal("--db", db, "status", "--as-of", "2026-11-30", columns=80).splitlines()
    start = shown.index("SOURCE HEALTH: 3 open issue(s)")
    block = shown[start + 1:start + 10]
    assert all(cell_len(line) <= 80 for line in block), block
    assert [line.startswith("  replay: count-mismatch: ") for line in block] == [True, False, False] * 3, block
    assert all(line.startswith("    ") for i, line in enumerate(block) if i % 3), block
    piped = subprocess.run([sys.executable, "-m", "mofcom_watch", "--db", db, "status", "--as-of", "2026-11-30"],
                           capture_output=True, text=True, cwd=REPO_ROOT, timeout=120).stdout.splitlines()
    start = piped.index("SOURCE HEALTH: 3 open issue(s)")
    assert all(line.startswith("  replay: count-mismatch: ") and line.endswith(")") for line in piped[start + 1:start + 4])
