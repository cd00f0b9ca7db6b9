"""Incremental = from scratch: a store built step by step through the real CLI (part of the corpus,
feeds, the rest, a changed revision of a notice, the as-of date moved past lapse dates, feeds,
no-change repeats) holds the same rows and writes the same feed bytes as a from-scratch derive
and publish (``publish_recorded(..., full=True)``) of a copy of that store for the same as-of date.

On the fixtures (1x) and on the 10x corpus of ``tests/corpus.py``, after each ``feeds --out`` (a wrong
skip that a later step happens to repair still fails). Compared:

- every feed file, byte for byte, and the set of files;
- every row of every table (events with their ids, payloads, dates, revisions and corrections;
  notices, entities, listings, actions, snapshots, health issues, ...), except the run history
  (``source_run``, ``run_lock``, ``alembic_version``) and the publish log (``publication``): the
  from-scratch publish adds one row to the log by design, and runs are told apart by their times;
- at the end, the states ``status --json`` prints for the as-of date (every listing and health
  issue), but for the last publish (which folder, when).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from mofcom_watch.publish import PublishTarget, publish_recorded
from storage.db import open_existing_store, session_factory
from tests.corpus import Copy, build_corpus, corpus_as_of
from tests.faults import harness as h

BASE_URL = "http://127.0.0.1:8765/feeds/"
BEFORE_LAPSES, AFTER_LAPSES = date(2026, 10, 1), date(2026, 11, 29)  # the fixtures' lapses: 11-10, 11-27
# Pages that suspend, extend or lift (the Q&As, No. 70, Order No. 7, No. 72): held back from the first replay.
SUSPENDERS_RE = re.compile(r"xwfyrth/art/|texts/mofcom-\d{4}-70\.txt|texts/mofcom-order-\d{4}-7\.txt|"
                           r"art_bc4513421bb24faaa84e44c2e4f36dc5")
# The Q&A that extends the suspension of ECL No. 21 by a year: its revision makes it six months.
REVISED_QA = "www.mofcom.gov.cn/xwfb/xwfyrth/art/{year}/art_7e09fc75390f4a078466b56ac9d6503a.html"
PUBLISH_LOG_KEYS = ("last_publish", "last_successful_publish")
RUN_HISTORY = ("source_run", "run_lock", "alembic_version", "publication")


def _cli(db: Path, *args: str) -> h.Done:
    day = args[args.index("--as-of") + 1]  # a corpus set in years to come: that day is its today (else a preview)
    done = h.cli(f"sqlite:///{db}", *args, env=h.cli_env(MOFCOM_WATCH_TODAY=day), timeout=600)
    assert done.code in (0, 1), done.err  # 1: the fixtures' deliberate count mismatches
    return done


def _replay(db: Path, tree: Path, day: date) -> h.Done:
    return _cli(db, "replay", str(tree), "--fetched-at", h.FETCHED, "--as-of", day.isoformat())


def _feeds(db: Path, out: Path, day: date) -> h.Done:
    return _cli(db, "feeds", "--out", str(out), "--as-of", day.isoformat(), "--base-url", BASE_URL)


def _files(out: Path) -> dict[str, str]:
    return {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*")) if p.is_file()}


def _rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table but the run history and the publish log, sorted."""
    con = sqlite3.connect(db)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                            "AND name NOT LIKE 'sqlite_%'") if r[0] not in RUN_HISTORY]
        return {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in sorted(tables)}
    finally:
        con.close()


def _states(db: Path, day: date) -> dict[str, object]:
    """``status --json`` without the publish log's entries (which folder, when)."""
    shown = json.loads(_cli(db, "status", "--json", "--as-of", day.isoformat()).out)
    return {k: v for k, v in shown.items() if k not in PUBLISH_LOG_KEYS}


def _split(corpus: Path, part: Path) -> None:
    """``part``: the corpus without the pages that suspend, extend or lift anything."""
    for path in corpus.rglob("*"):
        rel = path.relative_to(corpus).as_posix()
        if path.is_file() and not SUSPENDERS_RE.search(rel):
            (part / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, part / rel)


def _assert_as_from_scratch(db: Path, out: Path, day: date, work: Path, *, states: bool = False
                            ) -> dict[str, list[tuple[object, ...]]]:
    """Publish a copy of the store from scratch into a fresh folder: the same rows and feed bytes (and
    ``states``: the same ``status --json``)."""
    work.mkdir()
    full_db, full_out = work / "full.sqlite", work / "feeds"
    shutil.copy2(db, full_db)
    engine = open_existing_store(f"sqlite:///{full_db}")
    try:
        publish_recorded(session_factory(engine), as_of=day, target=PublishTarget(full_out, BASE_URL), full=True)
    finally:
        engine.dispose()
    incremental, scratch = _rows(db), _rows(full_db)
    for table in sorted(set(incremental) | set(scratch)):
        assert incremental.get(table) == scratch.get(table), f"table {table} differs from a from-scratch publish"
    assert _files(out) == _files(full_out), "feed files differ from a from-scratch publish"
    if states:
        assert _states(db, day) == _states(full_db, day)
    return incremental


@pytest.mark.parametrize("n", [1, pytest.param(10, marks=pytest.mark.scale)])
def test_incremental_path_equals_a_from_scratch_publish(tmp_path: Path, n: int) -> None:
    corpus, part = build_corpus(n, tmp_path / "corpus"), tmp_path / "part"
    _split(corpus, part)
    d1, d2 = corpus_as_of(n, BEFORE_LAPSES), corpus_as_of(n, AFTER_LAPSES)
    newest = Copy(n - 1)
    db, out = tmp_path / "store.sqlite", tmp_path / "feeds"

    _replay(db, part, d1)
    _feeds(db, out, d1)
    _assert_as_from_scratch(db, out, d1, tmp_path / "check1")
    _replay(db, corpus, d1)  # the rest: suspensions, extensions, lifts arrive after the listings
    revised = corpus / REVISED_QA.format(year=newest.shift_years("2025"))
    text = revised.read_text(encoding="utf-8")
    assert "相关措施1年" in text
    revised.write_text(text.replace("相关措施1年", "相关措施6个月"), encoding="utf-8")
    changed = _replay(db, corpus, d1)
    assert " 1 changed," in changed.out, changed.out
    _feeds(db, out, d2)  # no page changed since; the date moved past the lapses
    _assert_as_from_scratch(db, out, d2, tmp_path / "check2")
    _replay(db, corpus, d2)  # no-change repeats
    _feeds(db, out, d2)
    rows = _assert_as_from_scratch(db, out, d2, tmp_path / "check3", states=True)

    con = sqlite3.connect(db)
    lapses = set(con.execute("SELECT notice_key, effective FROM event WHERE kind = 'suspension_lapsed'"))
    con.close()
    assert rows["event"], "the scenario produced no events"
    # the revision (six months through 2026-05-10: lapsed 05-11) and the moved date (UEL〔2025〕7号 lapsed 2026-11-11)
    # both show (each end its last day, lapse43)
    assert (newest.shift_years("MOFCOM-2025-21"), newest.shift_years("2026-05-11")) in lapses, sorted(lapses)[-6:]
    assert (newest.shift_years("UEL-2025-7"), newest.shift_years("2026-11-11")) in lapses, sorted(lapses)[-6:]
