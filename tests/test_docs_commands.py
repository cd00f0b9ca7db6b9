"""Every option the README and docs/ give a command is one that command has: a reader copies them as written.

docs33 read 502 command mentions against each command's options (none named a missing one); this keeps it so.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import typer.main

from mofcom_watch.cli import app
from mofcom_watch.commands import COMMANDS
from mofcom_watch.lazygroup import load_command

REPO = Path(__file__).resolve().parents[1]
DOCS = (REPO / "README.md", *sorted((REPO / "docs").glob("*.md")), REPO / "fixtures" / "README.md")
# A command as the docs write it: after "mofcom-watch" (and its own options), at the start of a table row's first
# cell, or at the start of any code span; what follows, up to the span's or cell's end, holds its options.
GLOBAL_OPTIONS = r"(?: --(?:db|config) \S+| -[vq]| --verbose| --quiet)*"
OPTION = re.compile(r"(?<![\w-])--[a-z][a-z-]*")


def _options(command: Any) -> set[str]:  # a click command: typer's or its vendored click's
    return {o for p in command.params for o in (*p.opts, *p.secondary_opts)}


def named_options(text: str, commands: list[str]) -> list[tuple[int, str, str]]:
    """(line, command, option) for each option written after a command's name in a code span or table cell."""
    mention = re.compile(rf"(?:mofcom-watch{GLOBAL_OPTIONS} |^\| `|`)({'|'.join(commands)})\b([^`|\n]*)")
    return [(n, m[1], option) for n, line in enumerate(text.splitlines(), 1)
            for m in mention.finditer(line) for option in OPTION.findall(m[2])]


def test_named_options_reads_a_row_a_span_and_a_command_line() -> None:
    text = "| `run [--since YEAR]` | x |\nsee `feeds --take-over` or `mofcom-watch --db sqlite:///x serve --port 0`"
    assert named_options(text, ["run", "feeds", "serve"]) == [(1, "run", "--since"), (2, "feeds", "--take-over"),
                                                               (2, "serve", "--port")]


def test_every_option_the_docs_give_a_command_exists() -> None:
    own = {name: _options(load_command(name)) for name in COMMANDS}
    shared = _options(typer.main.get_command(app))  # --db, --config, --verbose, --quiet
    wrong = [f"{doc.relative_to(REPO)}:{line}: {command} {option}"
             for doc in DOCS for line, command, option in named_options(doc.read_text(encoding="utf-8"), list(own))
             if option not in own[command] and option not in shared]
    assert not wrong, "options no command has: " + "; ".join(wrong)
