"""``feeds --as-of <a past day> --out DIR``: that day's feeds, and nothing else changes (``replay --as-of`` it too).

Story S20 (tests/data/stories18): No. 84's "90天" run through 2024-08-18, its last day, and it lapses on 08-19 (lapse43:
one convention; it lapsed on 08-18 before) and the lapse is published; the story's late Q&A, here of 2024-08-20 (its
page's day moved one day with the lapse), extends the suspension from 2024-08-18, and the lapse is retracted, with a
correction. On 2024-08-20, the feeds of 2024-08-19 into a folder of their own must hold the lapse (it followed from
what was published that
day) and no correction made only by viewing the past against today's store ("Reinstated: …"); the live feeds
written after that must be what they were (no "Reinstated", no second "Retracted"). Real SQLite file, the CLI.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from mofcom_watch.cli import app
from mofcom_watch.clock import TODAY_ENV

STORIES = Path(__file__).resolve().parents[1] / "data" / "stories18"
LAPSE = "tag:mofcom-watch,2025:MOFCOM-2024-84/suspension_lapsed/ecl/2024-08-19"
TODAY = "2024-08-20"


def late(tmp_path: Path) -> Path:
    """The story's late Q&A a day later (2024-08-20), as the lapse it undoes is (lapse43)."""
    folder = tmp_path / "late"
    folder.mkdir()
    for page in (STORIES / "late").iterdir():
        text = page.read_text(encoding="utf-8").replace("2024-08-19 21:00", "2024-08-20 21:00")
        (folder / page.name.replace("2024-08-19", "2024-08-20")).write_text(text, encoding="utf-8")
    return folder


def cli(db: str, *args: str) -> None:
    result = CliRunner().invoke(app, ["--db", db, *args], env={TODAY_ENV: TODAY})
    assert result.exit_code in (0, 1), result.output


def items(folder: Path) -> list[tuple[str, str]]:
    return [(i["id"], i["title"]) for i in json.loads((folder / "all.json").read_text(encoding="utf-8"))["items"]]


def events(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute("select id, revision, retracted, payload_sha256 from event order by id").fetchall()


def test_a_past_day_feed_shows_that_day_and_leaves_the_store_and_live_feeds_alone(tmp_path: Path) -> None:
    first = tmp_path / "first"
    first.mkdir()
    for name in ("s03-mofcom-2024-84.txt", "s03-qa-2024-05-20-suspend.txt", "s03-mofcom-2024-83.txt"):
        shutil.copyfile(STORIES / "main" / name, first / name)
    path = tmp_path / "store.sqlite"
    db = f"sqlite:///{path}"
    cli(db, "replay", str(first), "--fetched-at", "2024-08-18T02:00:00+00:00", "--as-of", "2024-08-19")
    cli(db, "replay", str(late(tmp_path)), "--fetched-at", "2024-08-20T14:00:00+00:00", "--as-of", TODAY)
    cli(db, "feeds", "--out", str(tmp_path / "live"), "--as-of", TODAY)
    live, stored = items(tmp_path / "live"), events(path)
    assert f"{LAPSE}/correction/1" in dict(live) and LAPSE not in dict(live)

    cli(db, "feeds", "--out", str(tmp_path / "past"), "--as-of", "2024-08-19")
    past = items(tmp_path / "past")
    assert LAPSE in dict(past)  # published that day; the Q&A undoing it came the next day
    assert not [i for i in past if "/correction/" in i[0]], past  # no "Reinstated": nothing was undone that day

    assert events(path) == stored  # the view of a past day is not kept
    # nor is what a replay of that day derives: its pages are stored, the Event table stays as of the later day
    cli(db, "replay", str(first), "--fetched-at", "2024-08-20T15:00:00+00:00", "--as-of", "2024-08-19")
    assert events(path) == stored
    cli(db, "feeds", "--out", str(tmp_path / "live"), "--as-of", TODAY)
    assert items(tmp_path / "live") == live


def test_a_run_as_of_a_past_day_into_a_folder_of_its_own_keeps_nothing_it_derives(tmp_path: Path, monkeypatch) -> None:
    """``run --as-of <a day before the store's last sync> --out DIR``: its pages are stored, what it derives for
    that day is shown in DIR and not kept (was: the Event table moved back to that day, reinstating No. 84's lapse,
    and the next live feeds said "Reinstated" and "Retracted" again). A real run against a local copy of the site."""
    from tests.site_server import SiteServer

    for name, value in (("MOFCOM_WATCH_REQUEST_DELAY", "0"), ("MOFCOM_WATCH_RETRIES", "0"),
                        ("MOFCOM_WATCH_TIMEOUT", "5")):
        monkeypatch.setenv(name, value)
    path = tmp_path / "store.sqlite"
    db = f"sqlite:///{path}"
    first = tmp_path / "first"
    first.mkdir()
    for name in ("s03-mofcom-2024-84.txt", "s03-qa-2024-05-20-suspend.txt", "s03-mofcom-2024-83.txt"):
        shutil.copyfile(STORIES / "main" / name, first / name)
    cli(db, "replay", str(first), "--fetched-at", "2024-08-18T02:00:00+00:00", "--as-of", "2024-08-19")
    cli(db, "replay", str(late(tmp_path)), "--fetched-at", "2024-08-20T14:00:00+00:00", "--as-of", TODAY)
    cli(db, "feeds", "--out", str(tmp_path / "live"), "--as-of", TODAY)
    stored, live = events(path), items(tmp_path / "live")

    fixtures = Path(__file__).resolve().parents[2] / "fixtures"
    with SiteServer(fixtures) as site:
        host = "www.mofcom.gov.cn"
        cli(db, "run", "--as-of", "2024-08-19", "--out", str(tmp_path / "past"), "--no-progress",
            "--source", "mofcom-qa", "--base-url", f"{host}={site.base_url(host)}")
    assert LAPSE in dict(items(tmp_path / "past"))
    assert events(path) == stored  # the run's view of that day is not kept

    cli(db, "feeds", "--out", str(tmp_path / "live"), "--as-of", TODAY)
    assert not [i for i in items(tmp_path / "live") if i not in live and "/correction/" in i[0]]
