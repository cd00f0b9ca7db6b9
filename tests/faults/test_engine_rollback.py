"""An older release started on a store a newer release derived is refused (ops44: an image rolled back from main to
``fec8b693``, both at schema 0017, derived everything again, exit 0 and status clean, and published 229 corrections
back, some giving a cause the newer code had fixed). Real processes on a real SQLite file: this checkout is the
older release; a copy of its packages with one edit under ``storage/`` (a new engine digest) is the newer one.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from mofcom_watch.config import OTHER_ENV
from storage.derived import engine_version
from storage.engines import ACCEPT_ENV
from tests.conftest import REPO_ROOT
from tests.faults.harness import cli_env

PAGES = REPO_ROOT / "tests" / "data" / "stories44" / "months"
AS_OF = "2026-12-05"
ACCEPT = "MOFCOM_WATCH_ACCEPT_OLDER_ENGINE"


@pytest.fixture(scope="module")
def newer(tmp_path_factory) -> Path:  # noqa: ANN001
    """This checkout's packages, one comment added to the engine: what the next release looks like to a store."""
    root = tmp_path_factory.mktemp("newer-release")
    for package in ("scraper", "storage", "feeds", "mofcom_watch"):
        shutil.copytree(REPO_ROOT / package, root / package, ignore=shutil.ignore_patterns("__pycache__"))
    events = root / "storage" / "events.py"
    events.write_text(events.read_text() + "\n# the next release\n")
    history = root / "storage" / "engine_history.txt"  # it lists this checkout's engine, as the next release would
    history.write_text(history.read_text() + f"{engine_version()}\n")
    return root


def _cli(url: str, *args: str, release: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    """One real command of ``release`` (None: this checkout), from that release's folder."""
    extra = {"PYTHONPATH": str(release)} if release is not None else {}
    return subprocess.run([sys.executable, "-m", "mofcom_watch", "--db", url, *args],
                          cwd=release or REPO_ROOT, env=cli_env(**extra, **env), capture_output=True, text=True,
                          timeout=300)


def _replay(url: str, release: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    return _cli(url, "replay", str(PAGES), "--as-of", AS_OF, release=release, **env)


def _events(db: Path) -> str:
    """The Event table's rows, as a digest: what a refused command must leave as it was."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT id, revision, retracted, content_sha256 FROM event ORDER BY id").fetchall()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def _engines(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM engine_seen").fetchone()[0])


def test_an_older_release_is_refused_a_store_a_newer_one_derived(tmp_path, newer):
    db = tmp_path / "store.sqlite"
    url = f"sqlite:///{db}"
    first = _replay(url)
    assert first.returncode in (0, 1), first.stderr
    assert _engines(db) == 1
    upgraded = _replay(url, newer)  # a release never seen is a new one: it derives
    assert upgraded.returncode in (0, 1), upgraded.stderr
    assert _engines(db) == 2
    kept = _events(db)

    for args in (("replay", str(PAGES), "--as-of", AS_OF), ("status", "--as-of", AS_OF),
                 ("feeds", "--out", str(tmp_path / "feeds"), "--as-of", AS_OF)):
        back = _cli(url, *args)  # the image rolled back: every command refused, in words, exit 2
        assert back.returncode == 2, (args, back.stdout, back.stderr)
        assert "by an engine this version does not know" in back.stderr and ACCEPT in back.stderr, back.stderr
    assert _events(db) == kept  # nothing the newer release published was replaced
    assert not (tmp_path / "feeds").exists()

    again = _replay(url, newer)  # the newer release itself goes on
    assert again.returncode in (0, 1), again.stderr
    assert _events(db) == kept


def test_config_says_an_older_release_is_refused(tmp_path, newer):
    """``config``, the check an operator runs before an image change, reads a SQLite store's engines as it reads its
    schema (without writing): exit 2 where every other command refuses the store (ops45: it said "store schema: this
    version's schema", exit 0, in the rolled-back image, where status, run and schedule exited 2)."""
    db = tmp_path / "store.sqlite"
    url = f"sqlite:///{db}"
    assert _replay(url).returncode in (0, 1)
    assert _replay(url, newer).returncode in (0, 1)
    before = db.read_bytes()
    said = _cli(url, "config")
    assert said.returncode == 2, (said.stdout, said.stderr)
    assert "by an engine this version does not know" in said.stdout and ACCEPT in said.stderr, (said.stdout, said.stderr)
    as_json = _cli(url, "config", "--json")
    assert as_json.returncode == 2 and '"ok": false' in as_json.stdout, as_json.stdout
    assert db.read_bytes() == before  # read, never written
    assert _cli(url, "config", release=newer).returncode == 0  # the newer release is told nothing
    assert _cli(url, "config", **{ACCEPT: "1"}).returncode == 0  # nor the operator who means it


def test_an_accepted_rollback_derives_and_the_newer_release_is_new_again(tmp_path, newer):
    db = tmp_path / "store.sqlite"
    url = f"sqlite:///{db}"
    assert _replay(url).returncode in (0, 1)
    assert _replay(url, newer).returncode in (0, 1)
    accepted = _replay(url, **{ACCEPT: "1"})  # the operator means it: this version derives again
    assert accepted.returncode in (0, 1), accepted.stderr
    # and is not told the variable the refusal named "is not a setting and is ignored" (order44: it was, while obeyed)
    assert ACCEPT not in accepted.stderr, accepted.stderr
    # but it is told that it replaced a newer release's reading (review50: a setting left on was silent for good)
    assert "an older mofcom-watch derives a store a newer one derived, as accepted" in accepted.stderr, accepted.stderr
    assert _engines(db) == 1  # the engines after it are forgotten, as a backup from before them would have them
    plain = _cli(url, "status", "--as-of", AS_OF)  # and from then on it needs no setting
    assert plain.returncode in (0, 1), plain.stderr
    upgraded = _replay(url, newer)  # the newer release, when it comes back, is a new release again
    assert upgraded.returncode in (0, 1), upgraded.stderr
    assert _engines(db) == 2


def test_a_store_of_the_schema_before_takes_the_table_and_goes_on(tmp_path, newer):
    """A store of schema 0017 (every store before this release) migrates and goes on: this release is seen by its first
    run though the run derives nothing new (the mark still stands), so a later release makes it an older one."""
    db = tmp_path / "store.sqlite"
    url = f"sqlite:///{db}"
    assert _replay(url).returncode in (0, 1)
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TABLE engine_seen")
        conn.execute("ALTER TABLE source_run DROP COLUMN as_of")  # (0019's, split60: the schema of 0017 has neither)
        conn.execute("UPDATE alembic_version SET version_num = '0017'")
    assert ACCEPT not in os.environ  # (the test's own environment accepts nothing)
    again = _replay(url)
    assert again.returncode in (0, 1), again.stderr
    upgraded = _replay(url, newer)
    assert upgraded.returncode in (0, 1), upgraded.stderr
    assert _engines(db) == 2
    assert _cli(url, "status", "--as-of", AS_OF).returncode == 2  # and this release is an older one from then on


def test_the_accepting_variable_is_known_to_the_settings_check():
    """config names the variable storage.engines reads (a literal there, so ``--help`` does not import storage)."""
    assert ACCEPT == ACCEPT_ENV and ACCEPT_ENV in OTHER_ENV


def test_an_older_release_the_store_never_saw_is_refused(tmp_path, newer):
    """review50's and ops45's A (was xfail): a release older than the one that made the store, never seen on it, took
    itself for a new one and derived (ops45: compose's store upgraded by 1199f11c, then ec233e62, exit 0, and 1199f11c
    refused after it). The newer release lists the engines before it (engine_history.txt), this one among them; this
    one does not list the newer one."""
    db = tmp_path / "store.sqlite"
    url = f"sqlite:///{db}"
    made = _replay(url, newer)  # the newer release makes the store (or is the first 0018 release to derive it)
    assert made.returncode in (0, 1), made.stderr
    kept = _events(db)
    back = _replay(url)  # the image rolled back to a release this store never saw
    assert back.returncode == 2, (back.stdout, back.stderr)
    assert "by an engine this version does not know" in back.stderr and ACCEPT in back.stderr, back.stderr
    assert _events(db) == kept
    again = _replay(url, newer)  # and the newer release is not told it is the older (review50, ops45: it was)
    assert again.returncode in (0, 1), again.stderr
    assert _events(db) == kept


@pytest.fixture(scope="module")
def edited(tmp_path_factory) -> Path:  # noqa: ANN001
    """This checkout with an uncommitted edit under ``storage/`` and its history file as it is: a development checkout
    between a change and its commit (review51's B1: its own test run, collect.py edited during a day-by-day replay)."""
    root = tmp_path_factory.mktemp("edited-checkout")
    for package in ("scraper", "storage", "feeds", "mofcom_watch"):
        shutil.copytree(REPO_ROOT / package, root / package, ignore=shutil.ignore_patterns("__pycache__"))
    collect = root / "storage" / "lifecycle" / "collect.py"
    collect.write_text(collect.read_text() + "\n# an edit not committed yet\n")
    return root


def test_a_store_a_development_checkout_derived_is_refused_in_words_that_say_so(tmp_path, edited):
    """review51's B1 (session 47): the clean checkout, on a store its own edited copy derived, said "was derived by a
    newer mofcom-watch …, a release this version does not know … Run the newer release, or restore the backup taken
    before the upgrade": no release was newer, and no upgrade or backup was involved. Now the refusal says an engine
    this version does not know derived it, a newer release or a development checkout (uncommitted edits), and each
    way out; the one it names for a development store, the variable for one run, works."""
    db = tmp_path / "store.sqlite"
    url = f"sqlite:///{db}"
    made = _replay(url, edited)
    assert made.returncode in (0, 1), made.stderr
    refused = _cli(url, "status", "--as-of", AS_OF)
    assert refused.returncode == 2, (refused.stdout, refused.stderr)
    said = " ".join(refused.stderr.split())
    assert "derived by a newer mofcom-watch" not in said and "a release this version does not know" not in said, said
    assert "by an engine this version does not know: a newer mofcom-watch release, or a development checkout" in said
    assert "(uncommitted edits, a branch not merged)" in said and "After a development run" in said, said
    assert f"set {ACCEPT}=1 for one run" in said and "or replay the saved pages into a new store" in said, said
    accepted = _replay(url, **{ACCEPT: "1"})  # the way out it names
    assert accepted.returncode in (0, 1), accepted.stderr
    assert _cli(url, "status", "--as-of", AS_OF).returncode in (0, 1)  # and the clean checkout goes on, no setting
