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
