"""``/healthz`` says the problems in what the notices say, as ``status`` exits 1 on them (health46).

A store whose ``status`` exited 1 on a problem of the engine ("QA-2026-12-02-…: it says of MOFCOM-2026-337 from
2026-12-10 lifted, otherwise than MOFCOM-2026-366 (lifted from 2026-12-15), the notice, which is followed: read both")
answered ``/healthz`` 200 with ``ok`` in every field (``status``, ``source_health``): a probe reading the body, the one
place docs/deploy.md tells it to alert on, heard nothing of it, and no feed item says it either. Now the body says them
in ``listing_health`` (``ok``, ``problems``, ``unknown``), ``listing_problems`` (how many, as ``status --json`` counts
its ``problems`` and unresolved references) and ``listing_problem_list``; the HTTP code is left alone, as for the
sources' problems (the service is up: a restart cures nothing of it). Read from the last sync's mark, never derived by
the probe. Real processes: a story folder replayed by ``replay``, then ``serve`` and ``status`` on the SQLite file.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.faults.harness import Baseline, cli_env
from tests.faults.serving import serving
from tests.mofcom_watch.stories import REPO, replayed

STORY = REPO / "tests" / "data" / "stories46" / "qa_lift_day_moved_by_notice"
TODAY = "2029-01-01"
FETCHED = "2027-12-15T00:00:00+00:00"
READ_BOTH = "otherwise than MOFCOM-2026-366 (lifted from 2026-12-15), the notice, which is followed: read both"


def healthz(db: str, work: Path, **env: str) -> tuple[int, dict]:
    with serving(db, work, env=env) as served:
        code, _, body = served.get("/healthz")
    return code, json.loads(body)


def status_json(db: str, **env: str) -> tuple[int, dict]:
    done = subprocess.run([sys.executable, "-m", "mofcom_watch", "--db", db, "status", "--json"], cwd=REPO,
                          env=cli_env(**env), capture_output=True, text=True, timeout=120)
    return done.returncode, json.loads(done.stdout)


def test_a_problem_of_the_engine_is_in_the_healthz_body_as_status_exits_1_on_it(tmp_path):
    store = replayed(tmp_path, STORY, FETCHED, today=TODAY)
    code, said = status_json(store.db, MOFCOM_WATCH_TODAY=TODAY)
    assert code == 1 and any(READ_BOTH in p for p in said["problems"]), said["problems"]
    told = said["problems"] + [r["summary"] for r in said["unresolved_references"]
                               if not any(p.startswith(f"{r['source_key']}:") for p in said["problems"])]

    http, body = healthz(store.db, tmp_path, MOFCOM_WATCH_TODAY=TODAY)
    assert http == 200 and body["status"] == "ok", body  # the service is up: no restart cures a notice's wording
    assert body["source_health"] == "ok", body  # no source failed: this is no source's problem
    assert body["listing_health"] == "problems", body
    assert body["listing_problems"] == len(told), (body, told)
    assert any(READ_BOTH in line for line in body["listing_problem_list"]), body["listing_problem_list"]
    assert "a person must read them" in body["listing_health_note"]


def test_a_store_with_no_such_problem_says_ok_and_its_source_problems_apart(clean: Baseline, tmp_path):
    """The fixtures' store (the README's demo): three count mismatches, source problems; no problem of the engine."""
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    Path(tmp_path / "store.sqlite").write_bytes(Path(clean.db_url.removeprefix("sqlite:///")).read_bytes())
    http, body = healthz(db, tmp_path)
    assert http == 200 and body["status"] == "ok", body
    assert body["source_health"] == "problems" and body["listing_health"] == "ok", body
    assert "listing_problems" not in body and "listing_problem_list" not in body, body


def test_a_store_never_synced_is_unknown_not_ok(tmp_path):
    """No derive mark (a store synced by no run yet): nothing is known, and the probe is not told "ok"."""
    store = replayed(tmp_path, STORY, FETCHED, today=TODAY)
    with sqlite3.connect(store.db.removeprefix("sqlite:///")) as conn:
        conn.execute("DELETE FROM derive_mark")
    http, body = healthz(store.db, tmp_path, MOFCOM_WATCH_TODAY=TODAY)
    assert http == 200 and body["listing_health"] == "unknown", body
    assert "never synced" in body["listing_health_note"], body
