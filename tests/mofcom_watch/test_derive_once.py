"""The lifecycle engine runs once per command, and not at all when nothing changed since the last derive.

The CLI in process on the replayed fixtures (a real SQLite file); a counting wrapper around the
engine's ``derive`` (the real one runs) says how often each command derived. What the commands print
and write must not depend on whether the derive was skipped.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, delete, inspect, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

import mofcom_watch.publish
import storage.status
from mofcom_watch.cli import app
from mofcom_watch.publish import PublishTarget, publish
from storage.lifecycle import derive
from storage.models import DeriveMark, Event
from tests.feeds.replayed import AS_OF, FETCHED, REPO

BASE = "http://127.0.0.1:8765/feeds/"


@pytest.fixture
def derives(monkeypatch) -> list[str]:
    """Every derive the commands run, by as-of date."""
    calls: list[str] = []

    def counting(notices, as_of):  # noqa: ANN001, ANN202
        calls.append(as_of.isoformat())
        return derive(notices, as_of)

    monkeypatch.setattr(mofcom_watch.publish, "derive", counting)
    monkeypatch.setattr(storage.status, "derive", counting)
    return calls


def cli(db: str, *args: str):
    result = CliRunner().invoke(app, ["--db", db, *args])
    assert result.exit_code in (0, 1), result.output  # 1: the fixtures hold pages short of their count on purpose
    return result


def replay(db: str):
    return cli(db, "replay", str(REPO / "fixtures"), "--fetched-at", FETCHED, "--as-of", AS_OF)


def events(db: str) -> dict[str, tuple]:
    engine = create_engine(db)
    with Session(engine) as s:
        rows = {e.id: (e.payload, e.payload_sha256, e.content_sha256, e.revision, e.retracted, e.updated)
                for e in s.scalars(select(Event))}
    engine.dispose()
    return rows


def forget_mark(db: str) -> None:
    engine = create_engine(db)
    with Session(engine) as s, s.begin():
        s.execute(delete(DeriveMark))
    engine.dispose()


def test_replay_derives_once_then_not_at_all_and_prints_the_same(db_url, derives):
    first = replay(db_url)
    assert derives == [AS_OF]
    stored = events(db_url)
    second = replay(db_url)
    assert derives == [AS_OF]  # nothing changed: no derive, no sync
    assert events(db_url) == stored
    # the same table, states and problems; only the page counts differ (now: all unchanged)
    shown = lambda out: [line for line in out.splitlines() if " pages: " not in line]  # noqa: E731
    assert "lapsed" in first.output and "count mismatch" in first.output
    assert shown(second.output) == shown(first.output)
    cli(db_url, "replay", str(REPO / "fixtures"), "--fetched-at", FETCHED, "--as-of", "2026-12-01")
    assert derives == [AS_OF, "2026-12-01"]  # another day derives again


def test_status_and_feeds_after_replay_derive_nothing_and_match_a_fresh_derive(db_url, derives, tmp_path: Path):
    replay(db_url)
    derives.clear()
    feeds = cli(db_url, "feeds", "--out", str(tmp_path / "a"), "--as-of", AS_OF, "--base-url", BASE)
    status = cli(db_url, "status", "--json", "--as-of", AS_OF).output
    assert derives == [] and "written" in feeds.output
    forget_mark(db_url)
    assert cli(db_url, "status", "--json", "--as-of", AS_OF).output == status
    assert derives == [AS_OF]
    timeline = cli(db_url, "timeline", "skydio", "--as-of", AS_OF)
    assert "Skydio" in timeline.output and derives == [AS_OF, AS_OF]


def test_full_publish_ignores_the_mark_and_gives_the_same_store_and_feeds(db_url, derives, tmp_path: Path):
    replay(db_url)
    stored = events(db_url)
    engine = create_engine(db_url)
    day = __import__("datetime").date.fromisoformat(AS_OF)
    results = {}
    for name, full in (("incremental", False), ("full", True)):
        with Session(engine) as s, s.begin():
            results[name] = publish(s, as_of=day, target=PublishTarget(tmp_path / name, BASE), full=full)
    engine.dispose()
    assert derives == [AS_OF, AS_OF]  # the replay's, then the full one's
    assert results["incremental"].skipped_derive and not results["full"].skipped_derive
    assert results["full"].derivation == results["incremental"].derivation
    assert events(db_url) == stored
    files = lambda root: {p.relative_to(root): p.read_bytes() for p in root.rglob("*") if p.is_file()}  # noqa: E731
    assert files(tmp_path / "incremental") == files(tmp_path / "full")


def test_events_deleted_behind_the_marks_back_are_synced_again(db_url, derives, tmp_path: Path):
    """Anything but a sync touching the Event table (a hand edit, a restored backup) voids the mark."""
    replay(db_url)
    stored = events(db_url)
    engine = create_engine(db_url)
    with Session(engine) as s, s.begin():
        s.execute(delete(Event))
    engine.dispose()
    cli(db_url, "feeds", "--out", str(tmp_path / "feeds"), "--as-of", AS_OF, "--base-url", BASE)
    assert derives == [AS_OF, AS_OF]
    assert events(db_url) == stored


def test_the_notices_table_is_the_same_whether_the_derive_ran_or_was_skipped(db_url, other_db_url, derives):
    """The table is drawn from the stored notices and the mark's states; nothing printed is kept in the store."""
    shown = lambda out: [line for line in out.splitlines() if " pages: " not in line]  # noqa: E731
    first = replay(db_url).output
    again = replay(db_url).output  # nothing new: the derive is skipped, the states come from the mark
    assert derives == [AS_OF] and shown(again) == shown(first) and "lapsed: presumed back in force" in first
    later = cli(db_url, "replay", str(REPO / "fixtures"), "--fetched-at", FETCHED, "--as-of", "2027-01-01").output
    fresh = cli(other_db_url, "replay", str(REPO / "fixtures"), "--fetched-at", FETCHED, "--as-of", "2027-01-01")
    assert derives == [AS_OF, "2027-01-01", "2027-01-01"] and shown(later) == shown(fresh.output)
    engine = create_engine(db_url)
    with engine.connect() as conn:
        assert not {"printed", "printed_key"} & {c["name"] for c in inspect(conn).get_columns("derive_mark")}
    engine.dispose()


def test_a_cycle_derives_once_and_a_cycle_with_nothing_new_not_at_all(tmp_path: Path, derives):
    """``run`` against the fixtures over local HTTP: the second cycle gets 304s and derives nothing."""
    from mofcom_watch.config import Settings
    from mofcom_watch.cycle import run_cycle
    from tests.mofcom_watch.test_run_cycle import HOSTS, POLICY
    from tests.site_server import SiteServer

    settings = Settings(data_dir=tmp_path / "run", public_base_url=BASE)
    day = __import__("datetime").date.fromisoformat(AS_OF)
    with SiteServer(REPO / "fixtures") as site:
        first = run_cycle(settings, as_of=day, base_urls=site.base_urls(HOSTS), policy=POLICY,
                          out_dir=tmp_path / "feeds", progress=False)
        assert derives == [AS_OF] and first.new_events > 0
        second = run_cycle(settings, as_of=day, base_urls=site.base_urls(HOSTS), policy=POLICY,
                           out_dir=tmp_path / "feeds", progress=False)
    assert derives == [AS_OF] and second.not_modified > 10 and second.problems == first.problems
