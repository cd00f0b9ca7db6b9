"""Inputs a user types wrong, through the real program (cli37): a setting in seconds that no run can use, an empty
string or a URL given where a file or folder goes, an in-memory SQLite database."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.faults.harness import FIXTURES, cli, cli_env, run_args
from tests.site_server import SiteServer


@pytest.mark.parametrize(("name", "value", "setting"), [
    ("MOFCOM_WATCH_TIMEOUT", "inf", "fetch.timeout"),  # was: exit 4, "timestamp out of range for platform time_t"
    ("MOFCOM_WATCH_TIMEOUT", "nan", "fetch.timeout"),  # was: exit 4, "Invalid value NaN (not a number)"
    ("MOFCOM_WATCH_REQUEST_DELAY", "1e9", "fetch.request_delay"),  # was: a run asleep between two requests for years
])
def test_a_setting_in_seconds_no_run_can_use_is_exit_2_before_any_fetch(tmp_path: Path, name: str, value: str,
                                                                       setting: str) -> None:
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    with SiteServer(FIXTURES) as site:
        done = cli(db, *run_args(site.url, tmp_path / "feeds"), env=cli_env(**{name: value}), timeout=120)
        assert site.hits == []
    assert done.code == 2, done.err
    assert done.err.startswith(f"mofcom-watch: configuration: {setting} (from env {name}): "), done.err
    assert "internal error" not in done.err
    assert not (tmp_path / "store.sqlite").exists()
    said = cli(db, "config", env=cli_env(**{name: value}))  # config says so too, where it exited 0
    assert said.code == 2 and setting in said.err, said
