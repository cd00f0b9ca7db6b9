"""`mofcom-watch run` on the command line: summary, exit codes, the run lock, bad options."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from mofcom_watch.cli import app
from storage.db import open_store
from storage.runlock import acquire, release
from tests.site_server import SiteServer

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
HOSTS = ["www.mofcom.gov.cn", "aqygzj.mofcom.gov.cn"]


@pytest.fixture
def env(monkeypatch, tmp_path):
    monkeypatch.setenv("MOFCOM_WATCH_REQUEST_DELAY", "0")
    monkeypatch.setenv("MOFCOM_WATCH_RETRIES", "0")
    monkeypatch.setenv("MOFCOM_WATCH_TIMEOUT", "5")
    return tmp_path


def _args(db: str, site: SiteServer, out: Path, *extra: str) -> list[str]:
    args = ["--db", db, "run", "--as-of", "2026-11-29", "--out", str(out), "--no-progress",
            "--source", "mofcom-qa"]
    for host in HOSTS:
        args += ["--base-url", f"{host}={site.base_url(host)}"]
    return args + list(extra)


def test_run_prints_a_summary_and_writes_feeds(env):
    db = f"sqlite:///{env / 'db.sqlite'}"
    with SiteServer(FIXTURES) as site:
        result = CliRunner().invoke(app, _args(db, site, env / "feeds"))
    assert result.exit_code in (0, 1), result.output
    assert "mofcom-qa" in result.output and "backfill" in result.output
    assert "requests" in result.output and "parsed" in result.output
    assert "Traceback" not in result.output


def test_second_cli_run_is_an_update(env):
    db = f"sqlite:///{env / 'db.sqlite'}"
    with SiteServer(FIXTURES) as site:
        CliRunner().invoke(app, _args(db, site, env / "feeds"))
        second = CliRunner().invoke(app, _args(db, site, env / "feeds"))
    assert "update" in second.output and "bodies 0 (0 bytes), parsed 0" in second.output


def test_a_held_lock_refuses_the_run(env, monkeypatch):
    monkeypatch.setenv("MOFCOM_WATCH_LOCK_WAIT", "0.5")
    db = f"sqlite:///{env / 'db.sqlite'}"
    engine = open_store(db)
    acquire(engine, holder="other-host:1:abc")
    try:
        with SiteServer(FIXTURES) as site:
            result = CliRunner().invoke(app, _args(db, site, env / "feeds"))
    finally:
        release(engine, holder="other-host:1:abc")
        engine.dispose()
    assert result.exit_code == 3
    assert "mofcom-watch run: waiting up to 0 s for the run lock" in result.output  # said once, naming the holder
    assert "gave up after waiting" in result.output and "pid 1 on host other-host (run abc)" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("extra", [["--base-url", "nonsense"], ["--base-url", "h=ftp://x"],
                                   ["--as-of", "29/11/2026"], ["--source", "no-such-source"]])
def test_bad_options_exit_2(env, extra):
    result = CliRunner().invoke(app, ["--db", f"sqlite:///{env / 'db.sqlite'}", "run", *extra])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_a_bad_watchlist_is_a_clear_error(env, monkeypatch):
    bad = env / "watch.toml"
    bad.write_text("[[counterparty]]\nnope = 1\n[[", encoding="utf-8")
    monkeypatch.setenv("MOFCOM_WATCH_WATCHLIST", str(bad))
    # the deployment's one source (a run of it leaves none out: its Q&As' unresolved references are not held back
    # for sources not run, run_cycle(not_run=…), and all.atom carries them)
    monkeypatch.setenv("MOFCOM_WATCH_SOURCES", "mofcom-qa")
    db = f"sqlite:///{env / 'db.sqlite'}"
    with SiteServer(FIXTURES) as site:
        result = CliRunner().invoke(app, _args(db, site, env / "feeds"))
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "not valid TOML" in result.output
    assert b"<entry" in (env / "feeds" / "all.atom").read_bytes()  # the other feeds were published all the same


def test_a_no_change_run_loads_no_parser(env):
    """Every answer a 304: the second ``run`` (a real process, as cron starts it) reads no page, so
    it never imports the parsers (``scraper.parse``) nor the link readers; the first run does."""
    from tests.mofcom_watch.test_cli_startup import imported_modules_of

    db = f"sqlite:///{env / 'db.sqlite'}"
    with SiteServer(FIXTURES) as site:
        args = _args(db, site, env / "feeds")
        first = imported_modules_of(args, full=True, codes=(0, 1))
        second = imported_modules_of(args, full=True, codes=(0, 1))
        hits = site.statuses()
    assert "scraper.parse" in first and "scraper.links" in first
    assert not {"scraper.parse", "scraper.links", "scraper.news"} & second, sorted(m for m in second if "scraper" in m)
    assert hits[-1] == 304 and "scraper.fetch" in second  # it did fetch, conditionally



def _run_process(args: list[str], columns: int | None) -> tuple[int, str]:
    """``mofcom-watch ARGS`` as a real process, its stdout a pipe (``columns`` None) or a pseudo-terminal that wide
    (colours removed); the exit code and what it printed on stdout."""
    import fcntl
    import os
    import re
    import struct
    import subprocess
    import sys
    import termios

    from tests.conftest import REPO_ROOT

    env = {k: v for k, v in os.environ.items() if not k.startswith(("MOFCOM_WATCH_", "COLUMNS"))}
    env.update(MOFCOM_WATCH_REQUEST_DELAY="0", MOFCOM_WATCH_RETRIES="0", MOFCOM_WATCH_TIMEOUT="5")
    command = [sys.executable, "-m", "mofcom_watch", *args]
    if columns is None:
        done = subprocess.run(command, capture_output=True, cwd=REPO_ROOT, env=env, timeout=300, stdin=subprocess.DEVNULL)
        return done.returncode, done.stdout.decode("utf-8")
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env.update(COLUMNS=str(columns), TERM="xterm-256color")
    proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=slave, stderr=subprocess.DEVNULL, cwd=REPO_ROOT,
                            env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    code = proc.wait(timeout=300)
    text = b"".join(chunks).decode("utf-8").replace("\r\n", "\n")
    return code, re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text)


@pytest.mark.parametrize("columns", [None, 80])
def test_run_says_each_problem_on_a_line_of_its_own(env, columns):
    """user43's B: the summary's "problems" cell, up to three failures with their URLs, drew the whole boxed table
    about 480 columns wide into a pipe (cron's mail; 1,440 with the demo's seven sources against a dead mirror),
    which mail readers wrap into noise; on an 80-column terminal it folded each URL over 18-cell lines ("https://www.mofco"
    / "m.gov.cn/…") and hid four count columns. The table now has no problems column; each problem follows it as a
    plain line, ``problem: SOURCE: REASON URL``, the URL whole. A real process, its stdout a pipe or a pseudo-terminal,
    a real local site whose Q&A index answers 500. The URL is the one fetched, the mirror's (``--base-url``), the official
    page after it: ``(for https://…)`` (ops47's open B: the official URL alone, though the 500 was the mirror's)."""
    from tests.site_server import Fault

    index = "www.mofcom.gov.cn/xwfb/xwfyrth/index.html"
    with SiteServer(FIXTURES) as site:
        site.faults[index] = Fault("500")
        mirror = site.base_url("www.mofcom.gov.cn")
        code, out = _run_process(_args(f"sqlite:///{env / 'db.sqlite'}", site, env / "feeds"), columns)
    assert code == 1, out
    lines = out.splitlines()
    boxed = [line for line in lines if line.strip()[:1] in tuple("┏┃┡│└")]
    assert boxed and "problems" not in boxed[1] and len(boxed[0].strip()) < 100, boxed
    assert "unchanged" in boxed[1] and "links" in boxed[1], boxed  # at 80 columns no count hidden
    problems = [line for line in lines if line.startswith("problem: mofcom-qa: ")]
    assert problems and all(line.endswith(f" (for https://{index})") for line in problems), lines
    assert all(f" {mirror.rstrip('/')}/xwfb/xwfyrth/index.html (for " in line for line in problems), (mirror, problems)
    assert not any(index in line for line in boxed), boxed
