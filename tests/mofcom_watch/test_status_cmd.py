"""`mofcom-watch status` and `timeline` on a real database built from the test corpus."""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timezone

import pytest
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from mofcom_watch.cli import app
from storage.db import open_store
from storage.models import HealthIssue
from tests.storage.test_events_sync import put
from tests.storage.test_lifecycle_corpus import LISTING_NOTICES, QAS


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory):
    """The corpus stored once (SQLite); each test gets its own copy."""
    path = tmp_path_factory.mktemp("corpus") / "corpus.sqlite"
    engine = open_store(f"sqlite:///{path}")
    for rec in LISTING_NOTICES + QAS:
        put(engine, rec)
    engine.dispose()
    return path


@pytest.fixture
def db(corpus_file, tmp_path):
    copy = tmp_path / "db.sqlite"
    shutil.copy(corpus_file, copy)
    return f"sqlite:///{copy}"


def run(db: str, *args: str):
    return CliRunner().invoke(app, ["--db", db, *args])


def test_status_json_shows_the_real_state(db):
    # lapse43: each end its last day, counted or written: the lapse (and countdowns) a day later
    res = run(db, "status", "--as-of", "2026-11-29", "--json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    states = {(r["notice_key"], r["list"]): (r["state"], r["since"]) for r in data["listings"]}
    assert states[("MOFCOM-2025-1", "ecl")] == ("in_force", "2025-01-02")
    assert states[("MOFCOM-2025-13", "ecl")] == ("lifted", "2025-11-10")
    assert states[("MOFCOM-2025-21", "ecl")] == ("lapsed", "2026-11-11")
    assert states[("MOFCOM-2025-22", "ecl")] == ("lifted", "2025-08-12")
    assert states[("UEL-2025-7", "uel")] == ("lapsed", "2026-11-11")
    lapsed = next(r for r in data["listings"] if r["notice_key"] == "UEL-2025-7")
    assert lapsed["presumed"] is True and lapsed["state_label"] == "lapsed: presumed back in force, needs review"
    assert data["ok"] is True and data["unresolved_references"] == [] and data["health_issues"] == []


def test_status_table_and_days_left(db):
    res = run(db, "status", "--as-of", "2026-11-01")
    assert res.exit_code == 0, res.output
    assert "MOFCOM-2025-21" in res.stdout and "suspended" in res.stdout
    data = json.loads(run(db, "status", "--as-of", "2026-11-01", "--json").stdout)
    row = next(r for r in data["listings"] if r["notice_key"] == "MOFCOM-2025-21")
    assert (row["state"], row["until"], row["days_left"]) == ("suspended", "2026-11-10", 10)  # to its lapse, 11-11 (lapse43)
    lapsed = run(db, "status", "--as-of", "2026-11-29")
    assert "lapsed: presumed back in force, needs review" in lapsed.stdout


def test_status_exits_1_on_open_health_issue(db):
    engine = open_store(db)
    now = datetime(2026, 11, 29, tzinfo=timezone.utc)
    with Session(engine) as s, s.begin():
        s.add(HealthIssue(key="mofcom/zero-links/index", source="mofcom", kind="zero-links",
                          detail="index page gave zero links", url="https://www.mofcom.gov.cn/x/index.html",
                          first_seen=now, last_seen=now))
    engine.dispose()
    res = run(db, "status", "--as-of", "2026-11-29")
    assert res.exit_code == 1
    assert "SOURCE HEALTH" in res.stdout and "zero links" in res.stdout


def test_status_exits_1_on_unresolved_reference(db_url):
    engine = open_store(db_url)
    put(engine, QAS[1])  # the UEL Q&A without the notices it suspends
    engine.dispose()
    res = run(db_url, "status", "--as-of", "2025-06-01", "--json")
    assert res.exit_code == 1
    data = json.loads(res.stdout)
    assert len(data["unresolved_references"]) == 2 and data["ok"] is False


def test_status_exits_1_on_a_problem_of_the_engine(db_url):
    """story31 S4: an answer saying "1年" and the notice of the next day "6个月" of one extension: the engine follows the
    notice and reports a problem. `run` and `replay` exited 1 on it; `status` exited 0 and printed it as a note."""
    from tests.storage.test_lifecycle_answer_vs_notice import _story

    listing, *_, answer, notice = _story("1年", "6个月")  # no earlier answer: their references would be unresolved
    engine = open_store(db_url)
    for one in (listing, answer, notice):
        put(engine, one.record, url=f"https://www.mofcom.gov.cn/test/{one.record.key}.html")
    engine.dispose()
    res = run(db_url, "status", "--as-of", "2026-11-11")
    assert res.exit_code == 1, res.stdout
    # the other: "UEL-2026-6: extends a suspension of UEL-2025-7 that is not in place" (no earlier answer suspended it)
    assert "PROBLEMS: 2" in res.stdout and "otherwise than UEL-2026-6" in res.stdout, res.stdout  # "--json": "ok" the same


@pytest.mark.parametrize("bad", ["2026-13-01", "yesterday", "29/11/2026"])
def test_bad_as_of_is_a_usage_error(tmp_path, bad):
    db = f"sqlite:///{tmp_path / 'never-opened.sqlite'}"
    for cmd in (["status"], ["timeline", "Skydio"]):
        res = run(db, *cmd, "--as-of", bad)
        assert res.exit_code == 2
        assert "expected a date like 2026-11-29" in res.stderr
        assert "Traceback" not in res.output


@pytest.mark.parametrize("far", ["0001-01-01", "1899-12-31", "3000-01-01", "9999-12-31"])
def test_a_day_no_picture_can_count_from_is_a_usage_error(tmp_path, far):
    """cli35: ``feeds --as-of 9999-12-31`` (or 0001-01-01) wrote the feeds, then "problem: feed pictures could not be
    built (OverflowError: date value out of range)", exit 1; a day this far is a typo in the year: exit 2."""
    res = run(f"sqlite:///{tmp_path / 'never-opened.sqlite'}", "status", "--as-of", far)
    assert res.exit_code == 2 and f"{far} is not a day from 1900-01-01 to 2999-12-31" in res.stderr, res.output


@pytest.mark.parametrize("name", ["Skydio", "SKYDIO INC", "Ｓｋｙｄｉｏ, Inc.", "斯凯迪奥公司", "skydio llc"])
def test_timeline_matches_any_spelling(db, name):
    res = run(db, "timeline", name, "--as-of", "2026-11-29", "--json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["keys"] == ["skydio"]
    by_notice = {x["notice_key"]: x for x in data["listings"]}
    assert set(by_notice) == {"MOFCOM-2025-13", "UEL-2025-7"}
    assert by_notice["MOFCOM-2025-13"]["state"]["state"] == "lifted"
    assert by_notice["UEL-2025-7"]["state"]["state"] == "lapsed"
    kinds = [e["kind"] for e in by_notice["UEL-2025-7"]["events"]]
    assert kinds[0] == "imposed" and kinds[-1] == "suspension_lapsed" and kinds.count("suspension_extended") == 2


def test_timeline_table(db):
    res = run(db, "timeline", "Skydio", "--as-of", "2026-11-29")
    assert res.exit_code == 0, res.output
    assert "unreliable entity list (MOFCOM): UEL-2025-7" in res.stdout and "suspension lapsed" in res.stdout


def test_timeline_unknown_name_suggests_close_ones(db):
    """An unknown name is input that names nothing: exit 2 (was 1, 'problems reported', which cron reads as the
    store's: cli30's B, the lead's decision in session 31)."""
    res = run(db, "timeline", "Skydoi", "--as-of", "2026-11-29")
    assert res.exit_code == 2
    assert "no listed entity matches 'Skydoi'" in res.stderr and "Skydio" in res.stderr
    assert "Traceback" not in res.output


def test_timeline_suggests_nothing_unrelated(db):
    res = run(db, "timeline", "Nonexistent Corp", "--as-of", "2026-11-29")
    assert res.exit_code == 2
    assert "no listed entity matches 'Nonexistent Corp'" in res.stderr and "did you mean" not in res.stderr


def test_status_on_an_empty_store_says_so(tmp_path):
    url = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    missing = run(url, "status", "--as-of", "2026-11-29")
    assert missing.exit_code == 2 and "no database at" in missing.output  # status never creates one
    open_store(url).dispose()
    res = run(url, "status", "--as-of", "2026-11-29")
    assert res.exit_code == 1  # no all-clear: test_damaged_store.py::test_status_of_a_store_that_holds_no_notice...
    assert "No listings stored yet" in res.stdout and "NO NOTICES: the store holds no notice" in res.stdout


def test_a_persons_decisions_are_listed_under_their_headings_counted_one_line_each():
    """``status`` after ``accept``: what a person accepted, read and checked gone, each under its own heading."""
    from rich.console import Console

    from mofcom_watch.commands.status_cmd import print_decisions
    from storage.reviews import GoneCheck

    at = datetime(2026, 12, 4, 6, 30, tzinfo=timezone.utc)
    console = Console(record=True, width=200, color_system=None)
    print_decisions([], [], [GoneCheck("https://x/a.html", "UEL-2025-8", "me", at, "https://x/a.html: gone", True)],
                    console)
    said = console.export_text()
    assert said == ("CHECKED GONE BY A PERSON: 1 page(s) answering 404 or 410; what they held stays as read\n"
                    "  2026-12-04 06:30 UTC: https://x/a.html: gone\n"), said
    console = Console(record=True, width=200, color_system=None)
    print_decisions([], [], [], console)
    assert console.export_text() == ""
