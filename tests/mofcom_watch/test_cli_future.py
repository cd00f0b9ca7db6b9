"""``--as-of`` a day after today (was: accepted without a word, by ``feeds`` writing into the live feeds folder too).

A compliance officer may ask what will hold then (a scheduled lapse): the commands that only show a day say on
stderr that it is a day to come. Publishing that day where readers follow, or storing what is derived for it (a
later run would publish it, or retract it with a correction item if the day comes otherwise), would be a false
item: those commands refuse it (exit 2), and ``feeds`` writes it only into a folder of its own, storing nothing.
Real processes on copies of the replayed fixtures; the store compared row for row before and after."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from storage.vocabulary import BEIJING
from tests import zygote
from tests.conftest import REPO_ROOT, copy_of


def beijing_today() -> date:
    """Read at each use, not once at import: a suite started before Beijing's midnight (16:00 UTC) and reaching these
    tests after it expected the day before in every note (session 35's mid-session CI: 7 failures)."""
    return datetime.now(BEIJING).date()


def day_to_come() -> str:
    return (beijing_today() + timedelta(days=400)).isoformat()  # a day to come, whenever the tests run


def after_today(day: str) -> str:
    return f"--as-of {day} is after today ({beijing_today().isoformat()} in Beijing)"


PAGES = ("www.mofcom.gov.cn/zcfb/blgg/gg/2025/index.html",
         "www.mofcom.gov.cn/zcfb/blgg/gg/2025/art/2025/art_bc4513421bb24faaa84e44c2e4f36dc5.html")


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if not k.startswith(("MOFCOM_WATCH_", "PYTHONIOENCODING", "LC_"))}
    full.update(env or {})
    return subprocess.run(zygote.command(*args), capture_output=True, cwd=REPO_ROOT,
                          env=full, timeout=120, stdin=subprocess.DEVNULL, text=True)


def rows(db: Path) -> dict[str, list[tuple]]:
    """What a derive or a publish writes: events, the derive and publish marks, the publications, health issues."""
    with sqlite3.connect(db) as conn:
        out = {table: sorted(conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)  # noqa: S608 - our names
               for table in ("event", "derive_mark", "publication", "health_issue", "snapshot")}
    conn.close()
    return out


def folder(path: Path) -> dict[str, str]:
    return {str(p.relative_to(path)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(path.rglob("*")) if p.is_file()}


@pytest.fixture
def store(replayed: Path, tmp_path: Path) -> tuple[Path, str]:
    db = tmp_path / "store.sqlite"
    return db, copy_of(replayed, db)


def test_a_command_that_shows_a_day_to_come_says_so_and_shows_it(store):
    day = day_to_come()
    note = after_today(day)
    db, url = store
    timeline = cli("--db", url, "timeline", "skydio", "--as-of", day, "--json")
    assert timeline.returncode == 0, timeline.stderr
    assert timeline.stderr.splitlines() == [
        f"mofcom-watch timeline: note: {note}: what is shown is what the stored notices schedule for that day, not "
        "what holds now; a notice published meanwhile can change it"]
    assert json.loads(timeline.stdout)["as_of"] == day
    status = cli("--db", url, "status", "--as-of", day)
    assert status.returncode == 1 and status.stderr.startswith(f"mofcom-watch status: note: {note}: ")  # count gaps
    today = cli("--db", url, "timeline", "skydio", "--as-of", beijing_today().isoformat())
    assert (today.returncode, today.stderr) == (0, "")  # today is not a day to come


def test_feeds_of_a_day_to_come_never_go_into_the_configured_feeds_folder(store, tmp_path):
    day = day_to_come()
    note = after_today(day)
    db, url = store
    live = tmp_path / "live"
    env = {"MOFCOM_WATCH_FEEDS_DIR": str(live)}
    assert cli("--db", url, "feeds", "--as-of", beijing_today().isoformat(), env=env).returncode == 1  # the fixtures' gaps
    live_files, before = folder(live), rows(db)
    assert "all.atom" in live_files
    for out in ([], ["--out", str(live)], ["--out", str(live / "preview")]):  # inside it: served too
        refused = cli("--db", url, "feeds", *out, "--as-of", day, env=env)
        assert refused.returncode == 2
        assert refused.stderr.splitlines() == [
            f"mofcom-watch feeds: {note}: its feeds in the configured feeds folder {live}, which readers follow, would "
            "give them the items of a day that has not come; write them to a folder of their own with --out DIR "
            "(nothing derived for that day is stored then)"]
    assert folder(live) == live_files and rows(db) == before

    preview = cli("--db", url, "feeds", "--out", str(tmp_path / "preview"), "--as-of", day, env=env)
    assert preview.returncode == 1, preview.stderr  # the fixtures' open issues, as on any day
    assert preview.stderr.startswith(f"mofcom-watch feeds: note: {note}: what is written to {tmp_path / 'preview'} is "
                                     "what the stored notices schedule for that day")
    assert "nothing derived for that day is stored" in preview.stderr.splitlines()[0]
    assert f"state over time, as of {day}" in (tmp_path / "preview" / "all.svg").read_text()  # that day's pictures
    assert rows(db) == before and folder(live) == live_files  # no event, mark or publication of that day kept


def test_feeds_of_a_past_day_never_go_into_the_configured_feeds_folder(store, tmp_path):
    """Was: ``feeds --as-of <a past day>`` without ``--out`` rewrote the live feeds folder with that day's state:
    readers polling it saw every item published since vanish (and come back, as if new, with the next run). Now
    it is refused (exit 2, saying to use --out), nothing written; today, or a past day into a folder of its own,
    is written as before (the other tests here and every ``feeds --out DIR --as-of 2026-11-29`` test). ``run
    --as-of`` a past day publishes into that folder too: refused the same way."""
    db, url = store
    live = tmp_path / "live"
    live.mkdir()
    (live / "all.atom").write_text("today's feed, which readers follow", encoding="utf-8")
    env = {"MOFCOM_WATCH_FEEDS_DIR": str(live), "MOFCOM_WATCH_TODAY": "2026-11-30"}
    before = rows(db)
    for out in ([], ["--out", str(live)], ["--out", str(live / "past")]):
        refused = cli("--db", url, "feeds", *out, "--as-of", "2026-11-29", env=env)
        assert refused.returncode == 2, refused.stderr
        assert refused.stderr.splitlines() == [
            "mofcom-watch feeds: --as-of 2026-11-29 is before today (2026-11-30, from MOFCOM_WATCH_TODAY): its feeds "
            f"in the configured feeds folder {live}, which readers follow, would take back every item published "
            "since; write that day's feeds to a folder of their own with --out DIR, or leave --as-of out"]
    run = cli("--db", url, "run", "--source", "mofcom-qa", "--as-of", "2026-11-29", "--base-url",
              "www.mofcom.gov.cn=http://127.0.0.1:9/www.mofcom.gov.cn", env=env)  # a closed port: nothing fetched
    assert run.returncode == 2 and run.stderr.startswith(
        "mofcom-watch run: --as-of 2026-11-29 is before today (2026-11-30, from MOFCOM_WATCH_TODAY): its feeds in the "
        f"configured feeds folder {live}, which readers follow"), run.stderr
    assert folder(live) == {"all.atom": hashlib.sha256(b"today's feed, which readers follow").hexdigest()}
    assert rows(db) == before


# run: a closed local port for the site, so that even a run that failed to refuse reaches no real site
@pytest.mark.parametrize("args", [["run", "--out", "{tmp}/elsewhere", "--source", "mofcom-qa", "--base-url",
                                   "www.mofcom.gov.cn=http://127.0.0.1:9/www.mofcom.gov.cn"], ["schedule"],
                                  ["serve", "--port", "0"], ["accept", "UEL-2025-7", "0123456789abcdef"]])
def test_a_command_that_stores_or_publishes_what_it_derives_refuses_a_day_to_come(store, tmp_path, args):
    day = day_to_come()
    note = after_today(day)
    db, url = store
    before = rows(db)
    env = {"MOFCOM_WATCH_DATA_DIR": str(tmp_path / "data")}
    refused = cli("--db", url, *[a.format(tmp=tmp_path) for a in args], "--as-of", day, env=env)
    assert refused.returncode == 2
    [line] = refused.stderr.splitlines()
    assert line.startswith(f"mofcom-watch {args[0]}: {note}: ")
    assert rows(db) == before and not (tmp_path / "data").exists() and not (tmp_path / "elsewhere").exists()


def test_replay_of_a_day_to_come_stores_the_pages_and_nothing_derived_for_it(tmp_path):
    day = day_to_come()
    note = after_today(day)
    pages = tmp_path / "pages"
    for page in PAGES:
        (pages / page).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO_ROOT / "fixtures" / page, pages / page)
    db = tmp_path / "store.sqlite"
    later = cli("--db", f"sqlite:///{db}", "replay", str(pages), "--as-of", day)
    # exit 1: No. 72 refers to 2024 No. 46, not among these pages; said on any day
    assert later.returncode == 1 and "which is not stored" in later.stderr, later.stderr
    assert later.stderr.splitlines()[0] == (
        f"mofcom-watch replay: note: {note}: what is shown is what the stored notices schedule for that day, not what "
        "holds now; a notice published meanwhile can change it; the pages are stored, nothing derived for that day is")
    assert "MOFCOM-2025-72" in later.stdout  # the table, as of that day
    stored = rows(db)
    assert len(stored["snapshot"]) == 2 and stored["event"] == [] and stored["derive_mark"] == []
    now = cli("--db", f"sqlite:///{db}", "replay", str(pages))
    assert now.returncode == 1 and "note" not in now.stderr and rows(db)["event"]  # today's derive is stored


def test_the_day_taken_for_today_can_be_set_for_a_corpus_set_in_years_to_come(store):
    """``MOFCOM_WATCH_TODAY`` (tests/corpus.py moves each copy 8 years on; bench/scale.py and bench/fetch.py replay,
    publish and run such corpora): that day is today, and a bad value is a usage error."""
    day = day_to_come()
    _, url = store
    pinned = cli("--db", url, "timeline", "skydio", "--as-of", day, env={"MOFCOM_WATCH_TODAY": day})
    assert (pinned.returncode, pinned.stderr) == (0, "")
    before = cli("--db", url, "timeline", "skydio", "--as-of", day, env={"MOFCOM_WATCH_TODAY": beijing_today().isoformat()})
    assert before.stderr.startswith(f"mofcom-watch timeline: note: --as-of {day} is after today ({beijing_today().isoformat()}, "
                                    "from MOFCOM_WATCH_TODAY): ")
    wrong = cli("--db", url, "status", env={"MOFCOM_WATCH_TODAY": "tomorrow"})
    assert (wrong.returncode, wrong.stderr) == (2, "mofcom-watch: MOFCOM_WATCH_TODAY: expected a date like 2026-11-29, "
                                                   "got 'tomorrow'\n")


def test_an_empty_as_of_is_a_usage_error_not_today(store):
    """Was: ``--as-of ''`` (an unset shell variable in a cron line) silently meant today."""
    db, url = store
    before = rows(db)
    empty = cli("--db", url, "feeds", "--out", str(db.parent / "feeds"), "--as-of", " ")
    assert empty.returncode == 2
    assert empty.stderr.splitlines()[-1] == ("Error: Invalid value for --as-of: expected a date like 2026-11-29, got "
                                             "' ' (leave --as-of out for today)")
    assert rows(db) == before and not (db.parent / "feeds").exists()


def test_a_day_that_does_not_exist_is_said_so() -> None:
    """cli30: ``--as-of 2026-02-30`` said "expected a date like 2026-11-29", which it looks like; now: no such day."""
    import typer

    from mofcom_watch.clock import parse_as_of

    for day in ("2026-02-30", "2026-13-01", "2025-02-29"):
        with pytest.raises(typer.BadParameter, match=f"got '{day}': no such day$"):
            parse_as_of(day)
    with pytest.raises(typer.BadParameter, match="got '2026-2-3'$"):  # not the shape: no word about the day
        parse_as_of("2026-2-3")


def test_as_of_takes_a_calendar_date_not_a_week_date() -> None:
    """cli32 (blind round): ``--as-of 2026W481`` (an ISO week date, which date.fromisoformat reads) showed the state as
    of 2026-11-23 without a word; ``20261201`` is the same calendar day written without dashes, read as it."""
    import typer

    from mofcom_watch.clock import parse_as_of

    for day in ("2026W481", "2026-W48-1", "2026-W48"):
        with pytest.raises(typer.BadParameter, match=f"expected a date like 2026-11-29, got '{day}'$"):
            parse_as_of(day)
    assert parse_as_of("20261201") == parse_as_of("2026-12-01") == date(2026, 12, 1)
