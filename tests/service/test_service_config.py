"""Configuration precedence: defaults < TOML file < environment < flags; bad input exits 2."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mofcom_watch.cli import app
from mofcom_watch.config import DEFAULT_CRON, FIELDS, ConfigError, load_settings, render_toml


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for name in list(os.environ):
        if name.startswith("MOFCOM_WATCH_") and name != "MOFCOM_WATCH_TEST_PG":
            monkeypatch.delenv(name)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mofcom-watch.toml"
    path.write_text(text, encoding="utf-8")
    return path


FILE = """
data_dir = "/srv/mw"
public_base_url = "https://feeds.example.org/mofcom"
[schedule]
cron = "0 * * * *"
[http]
port = 9000
host = "0.0.0.0"
[fetch]
sources = ["mofcom-announcements", "aqygzj"]  # (cli30: was "mofcom-annual", no source: config now exits 2)
request_delay = 0.5
[base_urls]
"www.mofcom.gov.cn" = "http://127.0.0.1:8001"
"""


def test_defaults_work_out_of_the_box() -> None:
    s = load_settings(environ={})
    assert s.cron == DEFAULT_CRON == "*/30 * * * *"
    assert s.http_port == 8080
    assert s.database_url == "sqlite:///data/mofcom-watch.sqlite"
    assert s.feeds_path == Path("data/feeds")
    assert s.feeds_base_url == "http://127.0.0.1:8080/feeds/"  # where serve listens by default
    assert s.sources == () and s.base_urls == {}
    assert s.origin("cron") == "default"


def test_file_overrides_defaults(tmp_path: Path) -> None:
    s = load_settings(write(tmp_path, FILE), environ={})
    assert s.data_dir == Path("/srv/mw")
    assert s.database_url == "sqlite:////srv/mw/mofcom-watch.sqlite"
    assert s.feeds_path == Path("/srv/mw/feeds")
    assert s.cron == "0 * * * *" and s.http_port == 9000 and s.http_host == "0.0.0.0"
    assert s.sources == ("mofcom-announcements", "aqygzj")
    assert s.request_delay == 0.5
    assert s.base_urls == {"www.mofcom.gov.cn": "http://127.0.0.1:8001"}
    assert s.feeds_base_url == "https://feeds.example.org/mofcom/"
    assert s.origin("http_port").startswith("file ")
    assert s.origin("timezone") == "default"


def test_env_overrides_file_and_flags_override_env(tmp_path: Path) -> None:
    env = {
        "MOFCOM_WATCH_PORT": "9100",
        "MOFCOM_WATCH_CRON": "*/5 * * * *",
        "MOFCOM_WATCH_DATA_DIR": "/var/lib/mw",
        "MOFCOM_WATCH_PUBLIC_URL": "https://x.example/feeds/",
        "MOFCOM_WATCH_BASE_URLS": "www.mofcom.gov.cn=http://127.0.0.1:9,aqygzj.mofcom.gov.cn=http://127.0.0.1:10",
        "MOFCOM_WATCH_SOURCES": "aqygzj",
        "MOFCOM_WATCH_RUN_AT_START": "false",
    }
    s = load_settings(write(tmp_path, FILE), environ=env)
    assert s.http_port == 9100 and s.origin("http_port") == "env MOFCOM_WATCH_PORT"
    assert s.cron == "*/5 * * * *"
    assert s.data_dir == Path("/var/lib/mw")
    assert s.http_host == "0.0.0.0"  # still from the file
    assert s.base_urls == {"www.mofcom.gov.cn": "http://127.0.0.1:9", "aqygzj.mofcom.gov.cn": "http://127.0.0.1:10"}
    assert s.sources == ("aqygzj",)
    assert s.run_at_start is False
    flagged = s.with_overrides("flag --port", http_port=9200, cron=None)
    assert flagged.http_port == 9200 and flagged.origin("http_port") == "flag --port"
    assert flagged.cron == "*/5 * * * *"  # None means "flag not given"
    assert s.http_port == 9100  # the original is untouched


def test_db_url_flag_beats_env_and_file(tmp_path: Path) -> None:
    path = write(tmp_path, 'database_url = "sqlite:///from-file.sqlite"\n')
    assert load_settings(path, environ={}).database_url == "sqlite:///from-file.sqlite"
    env = {"MOFCOM_WATCH_DB": "sqlite:///from-env.sqlite"}
    s = load_settings(path, environ=env)
    assert s.database_url == "sqlite:///from-env.sqlite" and s.origin("db_url") == "env MOFCOM_WATCH_DB"
    s = load_settings(path, "postgresql+psycopg://u:secret@db/mw", environ=env)
    assert s.database_url == "postgresql+psycopg://u:secret@db/mw" and s.origin("db_url") == "flag --db"
    assert "secret" not in render_toml(s)


def test_config_file_from_environment(tmp_path: Path) -> None:
    path = write(tmp_path, "[http]\nport = 8123\n")
    assert load_settings(environ={"MOFCOM_WATCH_CONFIG": str(path)}).http_port == 8123


@pytest.mark.parametrize("data", [b"\xef\xbb\xbf[http]\nport = 8123\n", b"[http]\r\nport = 8123\r\n",
                                  b"\xef\xbb\xbf[http]\r\nport = 8123\r\n"])
def test_a_file_saved_by_windows_notepad_is_read(tmp_path: Path, data: bytes) -> None:
    """cli35: a byte-order mark at the start was "not valid TOML: Invalid statement (at line 1, column 1)", exit 2,
    of a file showing nothing wrong; Windows line ends were read already."""
    path = tmp_path / "mofcom-watch.toml"
    path.write_bytes(data)
    assert load_settings(path).http_port == 8123


def test_a_file_that_is_not_utf8_says_so(tmp_path: Path) -> None:
    path = tmp_path / "mofcom-watch.toml"
    path.write_bytes("[http]\nport = 8123\n".encode("utf-16"))
    with pytest.raises(ConfigError, match=r"is not UTF-8 text \(invalid start byte at byte 0\): TOML is UTF-8; save it"):
        load_settings(path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("data_dir = \"x\n", "not valid TOML"),
        ("prot = 1\n", "unknown setting 'prot' (did you mean http.port?)"),  # cli30: a typo, a key in the wrong table
        ("data_dri = \"x\"\n", "unknown setting 'data_dri' (did you mean data_dir?)"),
        ("[http]\nprot = 1\n", "unknown setting 'http.prot' (did you mean http.port?)"),
        ("[fetch]\ndelay = 1\n", "unknown setting 'fetch.delay' (known: base_urls, data_dir, database_url,"),
        ("[http]\nport = 70000\n", "http.port (from file "),  # cli30: the key as written, not http_port
        ("[http]\nport = \"eighty\"\n", "whole number"),
        ("[fetch]\nrequest_delay = \"fast\"\n", "fetch.request_delay (from file "),
        ("[schedule]\ncron = \"every hour\"\n", "bad cron expression"),
        ("[schedule]\ncron = \"0 6 31 4 *\"\n", "never fires"),  # April 31: was one cycle at start, then none
        ("[schedule]\ntimezone = \"Mars/Olympus\"\n", "unknown time zone"),
        ("public_base_url = \"feeds.example.org\"\n", "http(s) URL"),
        ("http = 3\n", "must be a table"),
        ("[base_urls]\n\"www.mofcom.gov.cn\" = \"ftp://x\"\n", "http(s) URL"),
        # cli34: each was loaded and its links published as they were (https://all.atom, http://[[::1]]:8080/feeds/)
        ("public_base_url = \"https://\"\n", "got 'https://': it names no host"),
        ("public_base_url = \"https://feeds.example.org:abc/\"\n", "Port could not be cast"),
        ("public_base_url = \"https://feeds example.org/\"\n", "holds a space"),
        ("public_base_url = \"http://[[::1]]:8080/feeds/\"\n", "http(s) URL"),
        ("[http]\nhost = \"[::1]\"\n", "http.host (from file "),
        ("[http]\nhost = \"[::1]\"\n", "'[::1]' is written in brackets, as a URL writes it: give the address alone, ::1"),
        ("[http]\nhost = \"http://feeds.example.org\"\n", "is a URL, not a host"),
        ("[http]\nhost = \"feeds..example.org\"\n", "is not a host name or an IP address"),
    ],
)
def test_bad_file_is_a_clear_error(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match="configuration") as info:
        load_settings(write(tmp_path, text), environ={})
    assert message in str(info.value)


@pytest.mark.parametrize(("text", "message"), [
    ("[fetch]\ntimeout = inf\n", "fetch.timeout (from file "),
    ("[fetch]\ntimeout = nan\n", "expected a number of seconds from 0.1 to 3600, got nan"),
    ("[fetch]\ntimeout = 1e308\n", "1e+308 is above 3600 (seconds)"),
    ("[fetch]\nrequest_delay = 1e9\n", "fetch.request_delay (from file "),
    ("[fetch]\nrequest_delay = -inf\n", "expected a number of seconds from 0 to 600, got -inf"),
    ("[schedule]\nlock_wait_seconds = inf\n", "schedule.lock_wait_seconds (from file "),
    ("[schedule]\nlock_wait_seconds = 86401\n", "86401 is above 86400 (seconds)"),
])
def test_a_number_of_seconds_no_run_can_use_is_a_clear_error(tmp_path: Path, text: str, message: str) -> None:
    """cli37: inf, nan or 1e308 loaded, `config` exited 0, and every run died as an internal error (exit 4) or slept
    for years between two requests."""
    with pytest.raises(ConfigError, match="configuration") as info:
        load_settings(write(tmp_path, text), environ={})
    assert message in str(info.value)


def test_a_backfill_year_to_come_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """cli37: ``since = 2027`` loaded (up to 2100 was taken) where ``run --since 2027`` is exit 2."""
    monkeypatch.setenv("MOFCOM_WATCH_TODAY", "2026-12-05")
    with pytest.raises(ConfigError) as info:
        load_settings(write(tmp_path, "[fetch]\nsince = 2027\n"), environ={})
    assert str(info.value).endswith("fetch.since (from file " + str(tmp_path / "mofcom-watch.toml") + "): 2027 is not "
                                    "a year from 1990 to this year, 2026 (a backfill walks back to a year that has been)")
    assert load_settings(write(tmp_path, "[fetch]\nsince = 2026\n"), environ={}).since == 2026
    monkeypatch.setenv("MOFCOM_WATCH_TODAY", "2027-01-01")
    assert load_settings(write(tmp_path, "[fetch]\nsince = 2027\n"), environ={}).since == 2027


def test_the_most_seconds_a_setting_takes_still_load(tmp_path: Path) -> None:
    text = "[fetch]\ntimeout = 3600\nrequest_delay = 600\n[schedule]\nlock_wait_seconds = 86400\n"
    settings = load_settings(write(tmp_path, text), environ={})
    assert (settings.timeout, settings.request_delay, settings.lock_wait_seconds) == (3600, 600, 86400)


def test_a_folder_given_as_the_file_is_said_in_plain_words(tmp_path: Path) -> None:
    """cli36: ``--config /tmp`` said "cannot read /tmp: [Errno 21] Is a directory: '/tmp'" (the path twice)."""
    with pytest.raises(ConfigError) as info:
        load_settings(tmp_path, environ={})
    assert str(info.value) == f"configuration: cannot read {tmp_path}: Is a directory"


def test_bad_env_value_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match="MOFCOM_WATCH_PORT"):  # 0 is valid: any free port, as --port 0
        load_settings(environ={"MOFCOM_WATCH_PORT": "-1"})


@pytest.mark.parametrize("name", ["MOFCOM_WATCH_LOCK_STALE", "MOFCOM_WATCH_LOCK_HEARTBEAT"])
def test_a_run_lock_variable_it_cannot_use_is_a_clear_error_not_the_default(name: str) -> None:
    """Was: ``MOFCOM_WATCH_LOCK_STALE=5m`` (or "abc", "0") was replaced by the default without a word (storage.runlock
    reads it), while ``MOFCOM_WATCH_LOCK_WAIT=5m`` is exit 2. Now both are a configuration error (exit 2)."""
    for bad in ("5m", "abc", "0", "-1", "86400"):
        with pytest.raises(ConfigError, match=f"{name}: expected a number of seconds above 0 and below 86400, got '{bad}'"):
            load_settings(environ={name: bad})
    assert load_settings(environ={name: "0.2"}).http_port == 8080  # a small value is a value (tests use them)


def test_cli_config_prints_effective_toml_that_loads_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, FILE)
    monkeypatch.setenv("MOFCOM_WATCH_PORT", "9100")
    result = CliRunner().invoke(app, ["--config", str(path), "config"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "port = 9100" in out and "env MOFCOM_WATCH_PORT" in out
    assert 'cron = "0 * * * *"' in out and f"file {path}" in out
    assert "[default" in out
    # the printed configuration is itself a valid configuration file with the same values
    again = tmp_path / "again.toml"
    again.write_text(out, encoding="utf-8")
    tomllib.loads(out)
    monkeypatch.delenv("MOFCOM_WATCH_PORT")
    reloaded = load_settings(again, environ={})
    original = load_settings(path, environ={"MOFCOM_WATCH_PORT": "9100"})
    for name in ("data_dir", "cron", "http_port", "http_host", "sources", "base_urls", "request_delay",
                 "public_base_url", "user_agent", "timezone"):
        assert getattr(reloaded, name) == getattr(original, name), name


def test_cli_bad_config_exits_2_without_traceback(tmp_path: Path) -> None:
    path = write(tmp_path, "[http]\nport = 70000\n")
    result = CliRunner().invoke(app, ["--config", str(path), "config"])
    assert result.exit_code == 2
    assert "70000 is outside" in result.output
    assert "Traceback" not in result.output
    missing = CliRunner().invoke(app, ["--config", str(tmp_path / "nope.toml"), "config"])
    assert missing.exit_code == 2 and "file not found" in missing.output


def test_every_bad_value_of_a_file_is_named_at_once(tmp_path: Path) -> None:
    """user41: a file with three wrong values said the first only (exit 2), the operator fixed it and met the next:
    every one is named in the one line, as unknown keys are; config --json lists them; nothing else runs."""
    import subprocess
    import sys

    path = write(tmp_path, '[fetch]\ntimeout = "x"\nretries = -1\n[http]\nport = 70000\n')
    for args in (["status"], ["config", "--json"]):
        proc = subprocess.run([sys.executable, "-m", "mofcom_watch", "--config", str(path), *args], capture_output=True,
                              text=True, timeout=60, cwd=tmp_path, env={"PATH": "/usr/bin:/bin"})
        assert proc.returncode == 2, proc.stderr
        line = proc.stderr.strip()
        assert len(line.splitlines()) == 1 and line.count("configuration:") == 1, line
        assert "fetch.timeout" in line and "fetch.retries" in line and "70000 is outside" in line, line
        assert "Traceback" not in proc.stderr
    assert not (tmp_path / "data").exists()  # no store, no folder made


def test_unknown_keys_and_bad_values_of_a_file_are_named_at_once(tmp_path: Path) -> None:
    """user46: a file with a misspelt key and a wrong value said the key only (``config --json``: one problem), the
    operator fixed it and met the value on the next try; README: every unknown key and every bad value at once."""
    import subprocess
    import sys

    path = write(tmp_path, '[http]\nprot = 9\n[fetch]\ntimeout = "x"\n')
    for args in (["status"], ["config", "--json"]):
        proc = subprocess.run([sys.executable, "-m", "mofcom_watch", "--config", str(path), *args], capture_output=True,
                              text=True, timeout=60, cwd=tmp_path, env={"PATH": "/usr/bin:/bin"})
        assert proc.returncode == 2, proc.stderr
        line = proc.stderr.strip()
        assert len(line.splitlines()) == 1 and line.count("configuration:") == 1, line
        assert "unknown setting 'http.prot' (did you mean http.port?)" in line, line
        assert "fetch.timeout (from file " in line and "expected a number, got 'x'" in line, line
    assert json.loads(proc.stdout)["ok"] is False
    assert not (tmp_path / "data").exists()


def test_example_config_is_valid(repo_root: Path) -> None:
    s = load_settings(repo_root / "mofcom-watch.example.toml", environ={})
    assert s.cron == DEFAULT_CRON


def _example_keys(text: str) -> set[tuple[str, ...]]:
    """The settings the example file names, set or commented out (``# since = 2024``), by their place in the file."""
    keys: set[tuple[str, ...]] = set()
    table: tuple[str, ...] = ()
    for line in text.splitlines():
        if header := re.match(r"\[(\w+)\]", line):
            table = (header[1],)
            keys.add(table)
        elif key := re.match(r"#? ?([a-z_]+) *=", line):
            keys.add((*table, key[1]))
    return keys


def test_example_config_and_deploy_doc_name_every_setting(repo_root: Path) -> None:
    """mofcom-watch.example.toml "lists every setting" (README, docs/deploy.md) and names none the program does not
    read; docs/deploy.md's table gives each setting's variable (docs33: nothing checked that a new setting reached
    either)."""
    named = _example_keys((repo_root / "mofcom-watch.example.toml").read_text(encoding="utf-8"))
    settings = {field.toml for field in FIELDS}
    assert settings <= named, f"settings missing from the example: {sorted(settings - named)}"
    tables = {field.toml[:1] for field in FIELDS if len(field.toml) > 1}
    assert named - tables <= settings, f"no such settings: {sorted(named - tables - settings)}"
    deploy = (repo_root / "docs" / "deploy.md").read_text(encoding="utf-8")
    unnamed = [f.env for f in FIELDS if f.env and f.env.removeprefix("MOFCOM_WATCH_") not in deploy]
    assert not unnamed, f"docs/deploy.md's settings table does not name {unnamed}"


def test_default_feeds_url_follows_the_listen_address() -> None:
    def base(**env: str) -> str:
        return load_settings(environ=env).feeds_base_url

    assert base(MOFCOM_WATCH_HOST="0.0.0.0", MOFCOM_WATCH_PORT="9000") == "http://localhost:9000/feeds/"
    assert base(MOFCOM_WATCH_HOST="::") == "http://localhost:8080/feeds/"
    assert base(MOFCOM_WATCH_HOST="::1") == "http://[::1]:8080/feeds/"
    assert base(MOFCOM_WATCH_HOST="feeds.internal") == "http://feeds.internal:8080/feeds/"
    assert base(MOFCOM_WATCH_HOST="0.0.0.0", MOFCOM_WATCH_PUBLIC_URL="https://x.example/f") == "https://x.example/f/"


def test_serve_says_when_its_links_name_localhost() -> None:
    """cli30: on every address (the image's 0.0.0.0) with no public URL, every link ``serve`` hands out names
    ``localhost``, which no reader on another machine can follow: serve logs a warning when this is true."""
    def local(**env: str) -> bool:
        return load_settings(environ=env).links_name_localhost

    assert local(MOFCOM_WATCH_HOST="0.0.0.0") and local(MOFCOM_WATCH_HOST="::")
    assert not local() and not local(MOFCOM_WATCH_HOST="::1") and not local(MOFCOM_WATCH_HOST="feeds.internal")
    assert not local(MOFCOM_WATCH_HOST="0.0.0.0", MOFCOM_WATCH_PUBLIC_URL="https://x.example/f")


def test_serve_says_when_public_base_url_names_no_feeds_folder() -> None:
    """web32: ``public_base_url`` set to the site's root under a proxy prefix (``…/mofcom/``) made every feed link
    ``…/mofcom/all.atom``, a 404 (serve serves the feeds at ``/feeds/``): serve logs a warning when this is true."""
    def outside(url: str) -> bool:
        return load_settings(environ={"MOFCOM_WATCH_PUBLIC_URL": url}).feeds_url_outside_serve

    assert outside("https://example.org/mofcom/") and outside("https://example.org") and outside("https://x.example/f")
    assert outside("https://example.org/feeds-archive/")
    assert not outside("https://example.org/mofcom/feeds/") and not outside("https://example.org/feeds")
    assert not outside("https://example.org/feeds/?via=proxy")
    assert not load_settings(environ={}).feeds_url_outside_serve


def test_the_stale_threshold_follows_the_schedule() -> None:
    """``status`` and ``/healthz`` judge the last run's age by ``stale_after_minutes``; unset, by twice the longest
    gap of a ``[schedule] cron`` that is set, plus an hour, never under 180 minutes (ops26)."""
    from datetime import UTC, datetime, timedelta

    from mofcom_watch.clock import stale_run
    from mofcom_watch.config import stale_after
    from mofcom_watch.scheduler import longest_gap

    wednesday = datetime(2026, 12, 2, 10, 7, tzinfo=UTC)
    assert longest_gap("*/30 * * * *", now=wednesday) == timedelta(minutes=30)
    assert longest_gap("0 6 * * *", now=wednesday) == timedelta(days=1)
    assert longest_gap("0 6 1 * *", now=wednesday) == timedelta(days=31)
    assert timedelta(hours=47) < longest_gap("*/5 * * * 1-5", now=wednesday) <= timedelta(hours=48, minutes=5)
    assert longest_gap("0 0 31 2 *", now=wednesday) is None
    assert stale_after(load_settings(environ={}))[0] == timedelta(minutes=180)
    assert stale_after(load_settings(environ={"MOFCOM_WATCH_CRON": "0 * * * *"}))[0] == timedelta(minutes=180)
    assert stale_after(load_settings(environ={"MOFCOM_WATCH_CRON": "0 6 * * *"}))[0] == timedelta(hours=49)
    assert stale_after(load_settings(environ={"MOFCOM_WATCH_CRON": "0 6 * * *", "MOFCOM_WATCH_STALE_AFTER": "1500"})) \
        == (timedelta(minutes=1500), "stale_after_minutes = 1500")  # the operator's word first
    assert stale_after(load_settings(environ={"MOFCOM_WATCH_CRON": "0 6 * * *", "MOFCOM_WATCH_STALE_AFTER": "90"}))[1] \
        == ("stale_after_minutes = 90, shorter than the 1440 minutes between two times of [schedule] cron '0 6 * * *': "
            "every wait between two runs reads as stale; set it above that")  # (schedule and serve warn at start)
    assert "shorter than the 1 minute between two times of [schedule] cron '* * * * *'" in stale_after(load_settings(
        environ={"MOFCOM_WATCH_CRON": "* * * * *", "MOFCOM_WATCH_STALE_AFTER": "1"}))[1]  # (was "1 minutes")
    from mofcom_watch.config import STALE_CHECK_OFF

    for env in ({"MOFCOM_WATCH_STALE_AFTER": "0"}, {"MOFCOM_WATCH_CRON": "0 6 * * *", "MOFCOM_WATCH_STALE_AFTER": "0"}):
        assert stale_after(load_settings(environ=env)) == (None, STALE_CHECK_OFF)  # 0: never stale (was: refused)
    assert "stale_after_minutes = 0   # [env MOFCOM_WATCH_STALE_AFTER]" in render_toml(
        load_settings(environ={"MOFCOM_WATCH_STALE_AFTER": "0"}))
    hour = timedelta(hours=1)
    assert stale_run(None, wednesday, hour, "x") is None  # no run yet (a replayed store)
    assert stale_run(wednesday + hour, wednesday, hour, "x") is None  # a clock gone back: not stale
    assert stale_run(wednesday - hour, wednesday, hour, "x") is None
    assert (stale_run(wednesday - 3 * timedelta(days=1), wednesday, hour, "x") or "").startswith(
        "LAST RUN 3 days ago: STALE: no run has finished since 2026-11-29 10:07 UTC, and runs count as stale after "
        "60 minutes (x)")


def test_the_stale_threshold_of_a_schedule_counts_the_hour_the_clocks_move() -> None:
    """A schedule in a zone with daylight saving: its gaps are real time. Was: ``longest_gap`` subtracted two fire
    times of one zone as wall-clock times, so a daily ``0 6 * * *`` in Europe/Berlin was 24 hours apart across the
    autumn change (25 in fact), and a ``stale_after_minutes`` between the two took no warning while ``status`` said
    STALE on the day the clocks went back; the walk also stopped at a repeated hour's second fire time."""
    from datetime import UTC, datetime, timedelta

    from mofcom_watch.clock import stale_run
    from mofcom_watch.config import TOO_SHORT, stale_after
    from mofcom_watch.scheduler import longest_gap

    berlin, spring, autumn = "Europe/Berlin", datetime(2027, 3, 1, tzinfo=UTC), datetime(2027, 10, 28, tzinfo=UTC)
    for now in (spring, autumn, datetime(2027, 6, 1, tzinfo=UTC)):  # whenever it is asked: the change is in a year
        assert longest_gap("0 6 * * *", berlin, now=now) == timedelta(hours=25), now
    assert longest_gap("30 2 * * 0", berlin, now=autumn) == timedelta(days=7, hours=1)  # a weekly one, at 02:30
    assert longest_gap("0 6 * * 1-5", "America/New_York", now=autumn) == timedelta(days=3, hours=1)
    assert longest_gap("0 6 * * *", "Asia/Shanghai", now=autumn) == timedelta(days=1)  # no change: as before
    daily = {"MOFCOM_WATCH_CRON": "0 6 * * *", "MOFCOM_WATCH_TZ": berlin}
    threshold, why = stale_after(load_settings(environ=daily))
    assert threshold == timedelta(hours=51)  # twice 25 hours, plus one
    last = datetime(2027, 10, 30, 4, 0, tzinfo=UTC)  # Saturday 06:00 CEST; Sunday's run at 06:00 CET is 25 h later
    assert stale_run(last, last + timedelta(hours=25, minutes=30), threshold, why) is None  # not stale that day
    assert TOO_SHORT in stale_after(load_settings(environ={**daily, "MOFCOM_WATCH_STALE_AFTER": "1470"}))[1]


def test_serve_cron_without_schedule_is_a_usage_error(tmp_path: Path) -> None:
    """cli30: ``serve --cron EXPR`` without ``--schedule`` served, and no cycle ever ran on EXPR, without a word."""
    result = CliRunner().invoke(app, ["--db", f"sqlite:///{tmp_path}/none.sqlite", "serve", "--cron", "0 * * * *"])
    assert result.exit_code == 2 and "--cron takes effect only with --schedule" in result.output
    assert not (tmp_path / "none.sqlite").exists()


@pytest.mark.parametrize(("text", "message"), [
    ('[fetch]\nsources = ["mofcom-qa", "mofcom-polcy"]\n', "unknown source(s) mofcom-polcy"),
    ('[base_urls]\n"www.mofcom.gov.c" = "http://127.0.0.1:8001"\n', "names www.mofcom.gov.c, which no source fetches"),
])
def test_cli_config_exits_2_on_what_run_would_refuse(tmp_path: Path, text: str, message: str) -> None:
    """cli30: ``config``, the command a configuration is checked with, printed a misspelt source and exited 0; run,
    schedule and serve --schedule refuse it (exit 2). It still prints the configuration, then says why, exit 2."""
    result = CliRunner().invoke(app, ["--config", str(write(tmp_path, text)), "config"])
    assert result.exit_code == 2 and message in result.stderr
    assert "[fetch]" in result.stdout and "user_agent" in result.stdout


def test_cli_config_json_says_each_setting_as_the_toml_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """cli30: ``config`` printed TOML only. ``--json``: each setting by its name in the file, its value, origin and
    variable, what an unset one resolves to, and the problems run would refuse (exit 2, as without --json)."""
    import json

    path = write(tmp_path, FILE)
    monkeypatch.setenv("MOFCOM_WATCH_PORT", "9100")
    monkeypatch.setenv("MOFCOM_WATCH_DB", "postgresql+psycopg://mw:s3cret@db/mw")
    result = CliRunner().invoke(app, ["--config", str(path), "config", "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    settings = out["settings"]
    assert settings["http.port"] == {"value": 9100, "origin": "env MOFCOM_WATCH_PORT", "env": "MOFCOM_WATCH_PORT"}
    assert settings["schedule.cron"] == {"value": "0 * * * *", "origin": f"file {path}", "env": "MOFCOM_WATCH_CRON"}
    assert settings["fetch.sources"]["value"] == ["mofcom-announcements", "aqygzj"]
    assert settings["fetch.timeout"] == {"value": 30.0, "origin": "default", "env": "MOFCOM_WATCH_TIMEOUT"}
    assert settings["feeds_dir"] == {"value": None, "origin": "default", "env": "MOFCOM_WATCH_FEEDS_DIR",
                                     "resolved": "/srv/mw/feeds"}
    assert "s3cret" not in result.stdout and settings["database_url"]["value"] == out["database"]
    assert out["config_file"] == str(path) and out["problems"] == [] and out["ok"] is True
    assert {"http.host", "data_dir", "base_urls", "log.format", "schedule.stale_after_minutes"} <= set(settings)
    monkeypatch.delenv("MOFCOM_WATCH_DB")
    typo = CliRunner().invoke(app, ["--config", str(write(tmp_path, '[fetch]\nsources = ["mofcom-polcy"]\n')),
                                    "config", "--json"])
    assert typo.exit_code == 2 and "unknown source(s) mofcom-polcy" in typo.stderr
    answer = json.loads(typo.stdout)
    assert answer["ok"] is False and "unknown source(s) mofcom-polcy" in answer["problems"][0]


def test_cli_config_says_where_relative_paths_are_read_from(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """cli32 (blind round): ``data_dir = "data"`` in a configuration file elsewhere is read from the working directory
    (cron's is $HOME), not the file's folder; ``config`` printed ``data_dir = "data"`` and ``sqlite:///data/…`` without
    saying from where. Now one comment line and ``relative_paths`` in ``--json`` give each as the path it is read as."""
    import json

    etc, work = tmp_path / "etc", tmp_path / "work"
    etc.mkdir()
    work.mkdir()
    path = etc / "mw.toml"
    (etc / "watch.csv").write_text("Skydio Inc.,US\n", encoding="utf-8")  # (absolute; one config can read: cli34)
    path.write_text(f'data_dir = "data"\nwatchlist = "{etc / "watch.csv"}"\n', encoding="utf-8")
    monkeypatch.chdir(work)
    for name in ("MOFCOM_WATCH_DATA_DIR", "MOFCOM_WATCH_DB", "MOFCOM_WATCH_FEEDS_DIR", "MOFCOM_WATCH_WATCHLIST"):
        monkeypatch.delenv(name, raising=False)
    text = CliRunner().invoke(app, ["--config", str(path), "config"])
    assert text.exit_code == 0, text.output
    assert (f"# relative paths are read from the working directory, {work}, not from the configuration file's folder: "
            f"data_dir -> {work / 'data'}; feeds_dir -> {work / 'data' / 'feeds'}; database_file -> "
            f"{work / 'data' / 'mofcom-watch.sqlite'}\n") in text.stdout
    answer = json.loads(CliRunner().invoke(app, ["--config", str(path), "config", "--json"]).stdout)
    assert answer["working_directory"] == str(work)
    assert answer["relative_paths"] == {"data_dir": str(work / "data"), "feeds_dir": str(work / "data" / "feeds"),
                                        "database_file": str(work / "data" / "mofcom-watch.sqlite")}
    absolute = CliRunner().invoke(app, ["--config", str(path), "--db", f"sqlite:///{tmp_path}/s.sqlite", "config",
                                        "--json"])
    assert "database_file" not in json.loads(absolute.stdout)["relative_paths"]


def test_a_misspelt_table_and_a_missing_file_named_by_the_variable_are_said_so(tmp_path: Path) -> None:
    """cli32 (blind round): ``[schedul]`` was "unknown setting 'schedul' (known: …23 names)", the table meant not
    named; a ``MOFCOM_WATCH_CONFIG`` naming no file (a stale unit file or container variable) said "file not found:
    PATH" as if it had been typed as --config."""
    with pytest.raises(ConfigError, match=r"unknown setting 'schedul' \(did you mean \[schedule\]\?\)"):
        load_settings(write(tmp_path, '[schedul]\ncron = "0 * * * *"\n'), environ={})
    with pytest.raises(ConfigError, match=r"unknown setting 'htpp' \(did you mean \[http\]\?\)"):
        load_settings(write(tmp_path, "[htpp]\nport = 8081\n"), environ={})
    gone = str(tmp_path / "gone.toml")
    with pytest.raises(ConfigError, match=r"^configuration: file not found: .*gone\.toml \(named by MOFCOM_WATCH_CONFIG\)$"):
        load_settings(Path(gone), environ={"MOFCOM_WATCH_CONFIG": gone})
    with pytest.raises(ConfigError, match=r"^configuration: file not found: .*gone\.toml$"):
        load_settings(Path(gone), environ={})


def test_hosts_and_urls_links_can_name_still_load() -> None:
    """cli34's checks refuse what no link can name, not the addresses in use: an IPv6 URL, a Docker service name
    with '_', a name of another script, a trailing dot, a user in the URL, and every listen address of the docs."""
    for url in ("http://[::1]:8080/feeds/", "http://mofcom_web:8080/feeds/", "https://例子.测试/feeds/",
                "https://feeds.example.org./f", "https://u@feeds.example.org/f/", "HTTPS://X.EXAMPLE/F"):
        assert load_settings(environ={"MOFCOM_WATCH_PUBLIC_URL": url}).feeds_base_url.startswith(url), url
    for host in ("0.0.0.0", "::", "::1", "127.0.0.1", "localhost", "feeds.internal", "mofcom_web"):
        assert load_settings(environ={"MOFCOM_WATCH_HOST": host}).http_host == host


def test_feeds_base_url_flag_that_links_nowhere_exits_2_writing_nothing(tmp_path: Path) -> None:
    """cli34: ``feeds --base-url https://`` wrote every feed with self links ``https://all.atom`` (exit 0 or 1); only
    the scheme was checked. Now one line, exit 2, before the store is opened: nothing written."""
    out = tmp_path / "out"
    for url, why in (("https://", "it names no host"), ("https://x.example:abc/", "Port could not be cast"),
                     ("http://[[::1]]:8080/feeds/", "not a URL")):
        result = CliRunner().invoke(app, ["--db", f"sqlite:///{tmp_path / 'none.sqlite'}", "feeds", "--out", str(out),
                                          "--base-url", url])
        assert result.exit_code == 2, result.output
        assert f"--base-url {url!r} is no URL its feeds can link to: " in result.output and why in result.output
        assert "Traceback" not in result.output and not out.exists()


def test_run_base_url_that_no_fetch_can_use_exits_2_before_any_fetch(tmp_path: Path) -> None:
    """docs34: ``run --base-url HOST=http://127.0.0.1:abc/`` was checked by its scheme alone and ran the cycle to an
    InvalidURL, exit 4 ("a bug"); ``HOST=https://`` was said not to start with https://. Now as ``[base_urls]``:
    one line naming why, exit 2, before the store is opened."""
    db = tmp_path / "none.sqlite"
    for url, why in (("http://127.0.0.1:abc/", "Port could not be cast"), ("https://", "it names no host"),
                     ("http://a b/", "a space")):
        result = CliRunner().invoke(app, ["--db", f"sqlite:///{db}", "run", "--base-url", f"www.mofcom.gov.cn={url}"])
        assert result.exit_code == 2, result.output
        assert why in result.output and "Traceback" not in result.output and not db.exists()


def test_config_says_a_watchlist_run_cannot_read_and_exits_2(tmp_path: Path) -> None:
    """cli34: ``watchlist = "/nonexistent.csv"`` printed, exit 0, ``"ok": true``, while every ``run`` then failed the
    watchlist feed and exited 2. Now its problem is said (stderr, ``problems``) and config exits 2; a readable one is
    no problem."""
    missing = write(tmp_path, f'watchlist = "{tmp_path / "nope.csv"}"\n')
    done = CliRunner().invoke(app, ["--config", str(missing), "config", "--json"])
    assert done.exit_code == 2, done.output
    data = json.loads(done.stdout)
    assert data["ok"] is False and len(data["problems"]) == 1 and "nope.csv" in data["problems"][0], data["problems"]
    assert "run exits 2" in done.stderr
    (tmp_path / "wl.csv").write_text("name,country\nSkydio Inc.,US\n", encoding="utf-8")
    good = tmp_path / "good.toml"
    good.write_text(f'watchlist = "{tmp_path / "wl.csv"}"\n', encoding="utf-8")
    assert CliRunner().invoke(app, ["--config", str(good), "config"]).exit_code == 0
