"""Start-up stays cheap: ``--help`` and ``parse`` import only what they use, and the lazily
loaded sub-commands are the same commands, with their help, as before. (Speed itself is printed
by bench/startup.py, not timed here.)"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from mofcom_watch.commands import COMMANDS
from mofcom_watch.lazygroup import load_command
from tests.conftest import REPO_ROOT

# typer's "--db <str>", "file <path>", click's "--db TEXT" (a literal "DIR/<host>/<path>" in a help text is fine)
TYPE_PLACEHOLDER = re.compile(r"(?<![/\w])<(?:str|path|int|bool|float|list\[\w+\])>|\b(?:TEXT|INTEGER|FLOAT|BOOLEAN)\b"
                              # typer 0.28's required argument "{FILE}", click's range "[1990<=x<=2100]"
                              r"|\{[A-Z]+\}|\bx<=|<=x\b")
HEAVY = ("sqlalchemy", "alembic", "cn2an", "pydantic", "uvicorn", "starlette", "httpx", "apscheduler", "feedgen")


def imported_modules(*args: str) -> set[str]:
    """Top-level packages a fresh ``python -m mofcom_watch ARGS`` imports (from -X importtime)."""
    return imported_modules_of(list(args))


def imported_modules_of(args: list[str], *, full: bool = False, codes: tuple[int, ...] = (0,)) -> set[str]:
    """The modules a fresh ``python -m mofcom_watch ARGS`` imports (from -X importtime): top-level
    packages, or every dotted name with ``full``; the command must exit with one of ``codes``."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "mofcom_watch", *args], cwd=REPO_ROOT,
                          capture_output=True, text=True, check=False)
    assert proc.returncode in codes, proc.stderr[-2000:]
    names = {line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines()
             if line.startswith("import time:") and "|" in line}
    return names if full else {name.split(".")[0] for name in names}


def test_help_imports_no_command_and_no_heavy_library():
    mods = imported_modules("--help")
    assert not mods & set(HEAVY), mods & set(HEAVY)
    assert "scraper" not in mods and "feeds" not in mods
    full = imported_modules_of(["--help"], full=True)
    # the terminal's text cleaning (storage.cleantext) names the parser's records only in annotations
    assert "storage.records" not in full
    # --help runs no command and not the global options' callback: no configuration's dataclasses, no logging, no
    # text cleaning, no JSON (mofcom_watch.cli._global and mofcom_watch.term import them where used; issue 11)
    assert not full & {"mofcom_watch.config", "mofcom_watch.context", "mofcom_watch.logs", "logging",
                       "storage.cleantext", "json"}, full


def test_parse_needs_neither_the_database_nor_the_server(repo_root):
    mods = imported_modules("parse", str(repo_root / "fixtures" / "texts" / "mofcom-2025-51.txt"))
    assert "scraper" in mods
    assert not mods & {"sqlalchemy", "alembic", "uvicorn", "starlette", "apscheduler", "feedgen"}
    # a UTF-8 text needs no encoding guessed: charset-normalizer is loaded for a page that is no UTF-8 (scraper.charset)
    assert "charset_normalizer" not in mods


def test_a_mofcom_text_never_loads_the_mfa_decision_reader(repo_root):
    """Its ~100 regular expressions were a third of `parse FILE`'s start (issue 11); an MFA decision loads it."""
    fixtures = repo_root / "fixtures"
    mofcom = imported_modules_of(["parse", str(fixtures / "texts" / "mofcom-2025-51.txt")], full=True)
    loaded = {m for m in mofcom if m.startswith("scraper.parse.mfa.")}
    assert loaded == {"scraper.parse.mfa.detect", "scraper.parse.mfa.wording"}, loaded  # what tells a decision apart
    decree = repo_root / "tests" / "data" / "corpus" / "mfa" / "01-mfa-2024-5-us-firms.txt"
    assert {"scraper.parse.mfa.decision", "scraper.parse.mfa.annex"} <= imported_modules_of(["parse", str(decree)],
                                                                                             full=True)


@pytest.mark.parametrize("name", list(COMMANDS))
def test_listed_summary_is_the_commands_own_first_help_line(name):
    command = load_command(name)
    assert command.name == name
    assert (command.help or "").strip().splitlines()[0] == COMMANDS[name].summary


@pytest.mark.parametrize("args", [["--help"], *[[name, "--help"] for name in COMMANDS]])
def test_help_names_values_not_python_types(args):
    out = subprocess.run([sys.executable, "-m", "mofcom_watch", *args], cwd=REPO_ROOT, capture_output=True,
                         text=True, check=True).stdout
    assert "Usage: " in out
    typed = TYPE_PLACEHOLDER.findall(out)
    assert not typed, (args, typed, out)


@pytest.mark.parametrize("name", ["", *COMMANDS])
def test_help_says_each_value_option_s_default(name):
    """user41: serve --host/--port/--cron, schedule --cron/--run-at-start, run --since/--source/--base-url, feeds
    --watchlist/--base-url, --db and --config said nothing of what they are when not given (an operator read the
    configuration file to learn serve listens on 127.0.0.1:8080). Every option that takes a value or is a switch
    pair says its default; a plain flag (--json) is off."""
    import typer

    from mofcom_watch.cli import app
    command = load_command(name) if name else typer.main.get_command(app)
    silent = [p.opts for p in command.params if getattr(p, "param_type_name", "") == "option"
              and (not p.is_flag or p.secondary_opts) and "--help" not in p.opts
              and "default" not in (p.help or "").lower()]
    assert not silent, (name, silent)


def test_unknown_command_is_a_usage_error():
    proc = subprocess.run([sys.executable, "-m", "mofcom_watch", "nosuch"], cwd=REPO_ROOT, capture_output=True,
                          text=True, check=False)
    assert proc.returncode == 2
    assert "No such command 'nosuch'" in proc.stderr


def test_commands_that_open_the_store_import_no_status_report():
    """``feeds``, ``review`` and ``evidence`` open the store through mofcom_watch.sessions: not through status_cmd,
    whose report, rich tables and fuzzy matcher cost each of their processes 0.1-0.2 s of CPU (issue 11)."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", "import mofcom_watch.commands.feeds_cmd, "
                           "mofcom_watch.commands.review_cmd, mofcom_watch.commands.evidence_cmd"],
                          cwd=REPO_ROOT, capture_output=True, text=True, check=True)
    names = {line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines()
             if line.startswith("import time:") and "|" in line}
    assert "mofcom_watch.sessions" in names
    assert not names & {"mofcom_watch.commands.status_cmd", "storage.status", "rich.table", "rapidfuzz"}, names


def test_help_says_the_exit_codes_cron_acts_on():
    """The exit codes were in the README only: ``mofcom-watch --help`` says each, with the constants' values."""
    from typer.testing import CliRunner

    from mofcom_watch import exits
    from mofcom_watch.cli import app

    out = " ".join(CliRunner().invoke(app, ["--help"]).stdout.split())
    for code, words in ((exits.CLEAN, "clean"), (exits.PROBLEMS, "problems reported"), (exits.USAGE, "usage or input"),
                        (exits.RESOURCE_EXIT, "a resource"), (exits.INTERNAL, "a bug")):
        assert f"{code} {words}" in out, (code, out)
    assert "serve's port in use" in out and "a name that finds no entity" in out


def test_version_and_h_as_command_line_tools_take_them():
    """cli34: ``--version`` was "No such option: --version (Possible options: --verbose)" and ``-h`` "No such option"
    on every command. ``--version`` prints the installed version, exit 0, before any setting is read (a bad one does
    not hide it); ``-h`` is ``--help`` everywhere."""
    from importlib.metadata import version

    from typer.testing import CliRunner

    from mofcom_watch.cli import app

    done = CliRunner().invoke(app, ["--version"], env={"MOFCOM_WATCH_PORT": "eighty"})
    assert (done.exit_code, done.stdout) == (0, f"mofcom-watch {version('mofcom-watch')}\n"), done.output
    for args in (["-h"], ["status", "-h"], ["screen", "-h"]):
        done = CliRunner().invoke(app, args)
        assert done.exit_code == 0 and done.stdout.startswith("Usage: mofcom-watch"), (args, done.output)
        assert done.stdout == CliRunner().invoke(app, [*args[:-1], "--help"]).stdout


def test_every_command_says_its_name_before_its_errors(tmp_path):
    """cli35: ``screen /dev/null`` said ``mofcom-watch: /dev/null: no counterparty to screen`` where ``replay`` says
    ``mofcom-watch replay: …``; ``status`` and ``timeline`` likewise. One rule (``mofcom_watch.exits.prefix``): a
    command's line begins ``mofcom-watch COMMAND:``, a line said before any command runs (the global options, the
    configuration) ``mofcom-watch:``."""
    from typer.testing import CliRunner

    from mofcom_watch.cli import app

    missing = f"sqlite:///{tmp_path / 'none.sqlite'}"
    cases = {("screen", "/dev/null"): "mofcom-watch screen: /dev/null: no counterparty to screen",
             ("evidence",): "mofcom-watch evidence: give an entity NAME or key (or --verify FILE)",
             ("--db", missing, "status"): f"mofcom-watch status: no database at {tmp_path / 'none.sqlite'}: run "
                                          "replay or run first",
             ("--verbose", "--quiet", "status"): "mofcom-watch: choose one of --verbose and --quiet"}
    for args, line in cases.items():
        done = CliRunner().invoke(app, list(args), env={"MOFCOM_WATCH_DATA_DIR": str(tmp_path)})
        assert (done.exit_code, done.stderr.splitlines()) == (2, [line]), (args, done.output)


def test_json_errors_are_a_line_on_stderr_and_nothing_on_stdout(tmp_path):
    """The rule README states (cli36): with ``--json`` an error prints nothing a JSON reader would take for an answer;
    ``timeline NAME --json`` naming no entity and ``config --json`` with a problem are the documented exceptions."""
    from typer.testing import CliRunner

    from mofcom_watch.cli import app

    missing = ["--db", f"sqlite:///{tmp_path / 'none.sqlite'}"]
    for args in ([*missing, "status", "--json"], [*missing, "review", "--json"], [*missing, "timeline", "x", "--json"],
                 ["screen", "/dev/null", "--json"], ["replay", str(tmp_path / "none"), "--json"],
                 ["run", "--source", "no-such-source", "--json"]):
        done = CliRunner().invoke(app, args, env={"MOFCOM_WATCH_DATA_DIR": str(tmp_path)})
        assert (done.exit_code, done.stdout, len(done.stderr.splitlines())) == (2, "", 1), (args, done.output)


def test_a_backfill_year_to_come_is_a_usage_error():
    """cli36: ``run --since 2100`` was taken (the range was 1990-2100) and walked back to no year at all; a year to
    come is a typo, as an ``--as-of`` after today is. Said at once, before any source is read or fetched."""
    from typer.testing import CliRunner

    from mofcom_watch.cli import app

    for year, ok in (("2027", False), ("2100", False), ("1989", False), ("2026", True), ("1990", True)):
        done = CliRunner().invoke(app, ["run", "--since", year, "--source", "no-such-source"],
                                  env={"MOFCOM_WATCH_TODAY": "2026-11-30"})
        refused = f"Invalid value for '--since': {year} is not a year from 1990 to this year, 2026"
        assert done.exit_code == 2 and (refused in done.stderr) != ok, (year, done.output)
        assert ok == ("unknown source(s) no-such-source" in done.stderr), (year, done.output)


def test_run_out_naming_a_file_is_a_usage_error_before_any_fetch(tmp_path):
    """cli36: ``run --out FILE`` fetched every source, stored the pages, then failed its publish, exit 3 (a resource),
    where ``feeds --out FILE`` says at once ``--out FILE exists and is not a folder``, exit 2."""
    from typer.testing import CliRunner

    from mofcom_watch.cli import app

    a_file = tmp_path / "feeds.txt"
    a_file.write_text("not a folder", encoding="utf-8")
    db = tmp_path / "x.sqlite"
    done = CliRunner().invoke(app, ["--db", f"sqlite:///{db}", "run", "--out", str(a_file), "--base-url",
                                    "www.mofcom.gov.cn=http://127.0.0.1:9"], env={"MOFCOM_WATCH_DATA_DIR": str(tmp_path)})
    assert (done.exit_code, done.stderr) == (2, f"mofcom-watch run: --out {a_file} exists and is not a folder\n")
    assert not db.exists() and a_file.read_text(encoding="utf-8") == "not a folder"
