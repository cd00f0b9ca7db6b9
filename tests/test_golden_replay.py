"""Behaviour guard: the fixtures give the same store and the same feed bytes as the committed golden file.

Replays ``fixtures/`` with the real CLI (a subprocess, a fresh SQLite file, pinned ``--fetched-at``
and ``--as-of``), writes every feed with ``feeds --out``, and compares

- the SHA-256 of every feed file, and
- a canonical, sorted dump of the store: notices (with their parsed record), URLs, entities and
  their names, listings, actions, events and health issues, by key, never by autoincrement id or
  wall-clock time,

with ``tests/data/golden/replay.json``, and what ``replay`` prints into a pipe (its notices table and
summary line) with ``tests/data/golden/replay-stdout.txt``. A refactoring must leave all three unchanged.

A deliberate change of behaviour regenerates the golden file with
``MOFCOM_WATCH_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden_replay.py`` and says so,
with the reason, in the commit message of the change (the diff of the golden file shows what moved).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from mofcom_watch.publish import PARTS_FILE, STORE_MARK
from storage.models import Action, Entity, Event, HealthIssue, Listing, Notice, Snapshot
from tests import zygote

REPO = Path(__file__).resolve().parent.parent
GOLDEN = REPO / "tests" / "data" / "golden" / "replay.json"
GOLDEN_STDOUT = GOLDEN.with_name("replay-stdout.txt")
REGEN_ENV = "MOFCOM_WATCH_REGEN_GOLDEN"
FETCHED_AT = "2026-11-29T02:00:00+00:00"
AS_OF = "2026-11-29"
BASE_URL = "http://127.0.0.1:8765/feeds/"


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOFCOM_WATCH_")}
    return subprocess.run(
        zygote.command("--db", f"sqlite:///{db}", *args),
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
    )


def _day(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _store_dump(db: Path) -> dict[str, Any]:
    engine = create_engine(f"sqlite:///{db}")
    try:
        with Session(engine) as s:
            notices = [
                {
                    "key": n.key, "kind": n.kind, "number": n.number, "list": n.list,
                    "published": _day(n.published), "published_at": _day(n.published_at),
                    "effective": n.effective, "stated_count": n.stated_count, "parsed_count": n.parsed_count,
                    "revision": n.revision, "page_sha256": n.snapshot.sha256,
                    "urls": sorted(u.url for u in n.urls), "record": json.loads(n.record_json),
                }
                for n in s.scalars(select(Notice))
            ]
            entities = [
                {"key": e.key, "zh": e.zh, "en": e.en, "country": e.country,
                 "names": sorted([x.name, x.name_key, x.lang] for x in e.names)}
                for e in s.scalars(select(Entity))
            ]
            listings = [
                [x.notice.key, x.entity.key, x.list, x.position, x.zh, x.en] for x in s.scalars(select(Listing))
            ]
            actions = [
                {"notice": a.notice.key, "seq": a.seq, "kind": a.kind, "list": a.list, "targets": a.targets,
                 "entities": a.entities, "effective": a.effective, "until": _day(a.until), "duration": a.duration}
                for a in s.scalars(select(Action))
            ]
            events = [
                {"id": e.id, "kind": e.kind, "scope": e.scope, "list": e.list, "notice": e.notice_key,
                 "source": e.source_key, "entity": e.entity_key, "effective": _day(e.effective),
                 "until": _day(e.until), "occurred": _day(e.occurred), "updated": _day(e.updated),
                 "payload_sha256": e.payload_sha256, "corrects": e.corrects, "revision": e.revision,
                 "retracted": e.retracted}
                for e in s.scalars(select(Event))
            ]
            health = [[h.key, h.kind, h.source, h.notice_key, h.url, h.resolved_at is not None]
                      for h in s.scalars(select(HealthIssue))]
            pages = [[x.page.url, x.sha256, x.outcome, x.notice_key, x.detail] for x in s.scalars(select(Snapshot))]
    finally:
        engine.dispose()
    key = lambda row: json.dumps(row, sort_keys=True, ensure_ascii=False)  # noqa: E731
    return {
        "notices": sorted(notices, key=lambda n: n["key"]),
        "entities": sorted(entities, key=lambda e: e["key"]),
        "listings": sorted(listings, key=key),
        "actions": sorted(actions, key=key),
        "events": sorted(events, key=lambda e: e["id"]),
        "health_issues": sorted(health, key=key),
        "snapshots": sorted(pages, key=key),
    }


def _feed_hashes(out: Path) -> dict[str, str]:
    return {
        p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(out.rglob("*")) if p.is_file() and p.name not in (STORE_MARK, PARTS_FILE)  # (the store's id:
        # random; the entity feeds' inputs: they name the code's digest)
    }


def test_fixture_replay_matches_the_golden_store_and_feeds(tmp_path: Path) -> None:
    db, out = tmp_path / "golden.sqlite", tmp_path / "feeds"
    replay = _cli(db, "replay", str(REPO / "fixtures"), "--fetched-at", FETCHED_AT, "--as-of", AS_OF)
    assert replay.returncode in (0, 1), replay.stderr  # 1: the fixtures hold unusable pages on purpose
    feeds = _cli(db, "feeds", "--out", str(out), "--as-of", AS_OF, "--base-url", BASE_URL)
    assert feeds.returncode in (0, 1), feeds.stderr
    actual = {"store": _store_dump(db), "feeds": _feed_hashes(out)}
    assert actual["store"]["notices"] and actual["store"]["events"] and actual["feeds"], "the replay produced nothing"
    text = json.dumps(actual, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    if os.environ.get(REGEN_ENV):
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(text, encoding="utf-8")
        GOLDEN_STDOUT.write_text(replay.stdout, encoding="utf-8")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    for section in ("notices", "entities", "listings", "actions", "events", "health_issues", "snapshots"):
        assert actual["store"][section] == expected["store"][section], (
            f"store section {section!r} differs from {GOLDEN.name}; if deliberate, regenerate with {REGEN_ENV}=1"
        )
    assert actual["feeds"] == expected["feeds"], (
        f"feed bytes differ from {GOLDEN.name}; if deliberate, regenerate with {REGEN_ENV}=1"
    )
    assert replay.stdout == GOLDEN_STDOUT.read_text(encoding="utf-8"), (
        f"replay's output differs from {GOLDEN_STDOUT.name}; if deliberate, regenerate with {REGEN_ENV}=1"
    )
