"""A given database URL whose SQLite folder does not exist is refused by the commands that write (cli34's C1, the
lead's decision in session 35). Was: ``--db sqlite:////nonexistent/dir/x.sqlite replay pages`` made every missing
folder and a new, empty store, exit 0, where the path was a typo; ``run``, ``schedule`` and ``serve --schedule``
alike. Now one line naming the folder, exit 2, nothing made; ``data_dir`` (the default store's folder) is still made.
In process: each command refuses before it opens anything (the read-only commands' refusal of a missing store has
its own process test, tests/faults/test_readonly_commands.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mofcom_watch.cli import app
from mofcom_watch.config import Settings, db_folder_problem

# every host to a port nothing listens on: were the refusal gone, `run` would fail its fetches, never reach the sites
DEAD = "http://127.0.0.1:9"
ENV = {"MOFCOM_WATCH_TODAY": "2026-11-30", "MOFCOM_WATCH_DB": "", "MOFCOM_WATCH_CONFIG": "",
       "MOFCOM_WATCH_BASE_URLS": ",".join(f"{host}={DEAD}" for host in ("aqygzj.mofcom.gov.cn", "english.mofcom.gov.cn",
                                                                          "www.mfa.gov.cn", "www.mofcom.gov.cn"))}


# (`schedule` and `serve --schedule` make the same call before they open the store; not run here: were it gone, they
# would start and wait for their cron for ever)
@pytest.mark.parametrize("args", [("replay", "{pages}"), ("run", "--no-progress")])
def test_a_writer_refuses_a_given_store_in_a_folder_that_does_not_exist(tmp_path: Path, args: tuple[str, ...]) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.txt").write_text("商务部公告", encoding="utf-8")
    typo = tmp_path / "dtaa" / "store.sqlite"
    argv = ["--db", f"sqlite:///{typo}", *(a.replace("{pages}", str(tmp_path / "pages")) for a in args)]
    done = CliRunner().invoke(app, argv, env={**ENV, "MOFCOM_WATCH_DATA_DIR": str(tmp_path / "data")})
    assert done.exit_code == 2, done.output
    assert done.stderr.strip() == (f"mofcom-watch {args[0]}: no folder {typo.parent} for the SQLite file store.sqlite "
                                   "(database_url from flag --db): check the path; if it is right, create the folder "
                                   "first (a given database URL's folder is never made: a typo would start a new, "
                                   "empty store)")
    assert not typo.parent.exists() and not (tmp_path / "data").exists()


def test_only_a_given_url_in_a_missing_folder_is_a_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The default store (in data_dir) and a folder that exists are fine; a relative path says where it was read."""
    assert db_folder_problem(Settings(data_dir=tmp_path / "new" / "data")) is None  # data_dir: made by the writers
    assert db_folder_problem(Settings(db_url=f"sqlite:///{tmp_path / 'x.sqlite'}")) is None
    assert db_folder_problem(Settings(db_url="postgresql+psycopg://bob@db/x")) is None
    monkeypatch.chdir(tmp_path)
    said = db_folder_problem(Settings(db_url="sqlite:///dtaa/x.sqlite", origins={"db_url": "env MOFCOM_WATCH_DB"}))
    assert said is not None and said.startswith(
        f"no folder dtaa for the SQLite file x.sqlite (database_url from env MOFCOM_WATCH_DB, relative to the folder "
        f"the command started in, {tmp_path}): ")


def test_config_lists_a_given_store_in_a_folder_that_does_not_exist(tmp_path: Path) -> None:
    """docs35's C2 (decided in session 36): ``config``, the command a configuration is checked with, printed such a
    URL, exit 0, ``"ok": true``, where every writer refuses it. Now it is a problem as a misspelt source is: the
    configuration printed, the line on stderr, exit 2; a missing file in a folder that exists is none."""
    typo = tmp_path / "dtaa" / "store.sqlite"
    runner = CliRunner()
    shown = runner.invoke(app, ["--db", f"sqlite:///{typo}", "config"], env=ENV)
    assert shown.exit_code == 2, shown.output
    assert "[http]" in shown.stdout  # printed first, as with its other problems
    assert shown.stderr.startswith(f"mofcom-watch config: no folder {typo.parent} for the SQLite file store.sqlite "
                                   "(database_url from flag --db): check the path;")
    as_json = runner.invoke(app, ["--db", f"sqlite:///{typo}", "config", "--json"], env=ENV)
    assert as_json.exit_code == 2
    said = json.loads(as_json.stdout)
    assert said["ok"] is False and len(said["problems"]) == 1 and said["problems"][0].startswith("no folder ")
    fine = runner.invoke(app, ["--db", f"sqlite:///{tmp_path / 'store.sqlite'}", "config", "--json"], env=ENV)
    assert fine.exit_code == 0 and json.loads(fine.stdout)["problems"] == []
    assert not typo.parent.exists() and not (tmp_path / "store.sqlite").exists()
