"""End to end: replay the saved-site fixtures, then the issue-3 "Done when" state as of 2026-11-29.

Runs the real parser and `replay` (the other helpers' work) in front of the engine,
so it asserts the whole path from page bytes to events, event by event.
"""

from __future__ import annotations

import shutil
from collections import defaultdict
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from mofcom_watch.cli import app
from storage.db import open_store
from storage.events import load_events, sync_events
from storage.lifecycle import derive
from storage.models import Event
from storage.records import EventKind, ListingState
from storage.status import derive_stored
from storage.vocabulary import TAG_PREFIX
from tests.faults.harness import cli
from tests.storage.test_lifecycle_corpus import corpus

AS_OF = date(2026, 11, 29)

# every end is its last day, counted ("90天", "1年") or written (lapse43, the lead's decision, session 42): 90 days from
# 05-14 run through 08-12, a year from 2025-11-10 through 2026-11-10; the lapse the day after, the countdowns to it
SUSPEND_EXTEND_LAPSE = [
    "imposed/{l}/2025-04-04", "suspended/{l}/2025-05-14",
    "suspension_ends_soon/{l}/2025-07-14", "suspension_ends_soon/{l}/2025-08-06",
    "suspension_extended/{l}/2025-08-12",
    "suspension_ends_soon/{l}/2025-10-12", "suspension_ends_soon/{l}/2025-11-04",
    "suspension_extended/{l}/2025-11-10",
    "suspension_ends_soon/{l}/2026-10-12", "suspension_ends_soon/{l}/2026-11-04",
    "suspension_lapsed/{l}/2026-11-11",
]
EXPECTED = {
    "MOFCOM-2025-1": ["imposed/ecl/2025-01-02"],
    "MOFCOM-2025-13": ["imposed/ecl/2025-03-04", "lifted/ecl/2025-11-10"],
    "MOFCOM-2025-21": [s.format(l="ecl") for s in SUSPEND_EXTEND_LAPSE],
    "MOFCOM-2025-22": ["imposed/ecl/2025-04-10", "suspended/ecl/2025-05-14", "suspension_ends_soon/ecl/2025-07-14",
                       "suspension_ends_soon/ecl/2025-08-06", "lifted/ecl/2025-08-12"],
    "UEL-2024-3": ["investigation/uel/2024-09-24"],
    "UEL-2025-4": ["imposed/uel/2025-02-04"],
    "UEL-2025-5": ["imposed/uel/2025-03-04", "lifted/uel/2025-11-10"],
    "UEL-2025-6": ["measure/uel/2025-03-04", "lifted/uel/2025-11-10"],
    "UEL-2025-7": [s.format(l="uel") for s in SUSPEND_EXTEND_LAPSE],
    "UEL-2025-8": ["imposed/uel/2025-04-10", "suspended/uel/2025-05-14", "lifted/uel/2025-08-12"],
    # No. 70 suspends six item-control notices of 2025-10-09 from 2025-11-10 "至2026年11月10日", that day included (the
    # lead's decision on story36's C1): lapsed 2026-11-11, the countdowns counted to it
    **{f"MOFCOM-2025-{n}": ["suspended/items/2025-11-10", "suspension_ends_soon/items/2026-10-12",
                            "suspension_ends_soon/items/2026-11-04", "suspension_lapsed/items/2026-11-11"]
       for n in (55, 56, 57, 58, 61, 62)},
    # Order No. 7 suspends Order No. 6 (Hanwha Ocean's five US subsidiaries) for 1 year: through 2026-11-10, lapsed
    # 2026-11-11 as No. 70's (lapse43)
    "MOFCOM-ORDER-2025-6": ["imposed/countermeasure/2025-10-14", "suspended/countermeasure/2025-11-10",
                            "suspension_ends_soon/countermeasure/2026-10-12",
                            "suspension_ends_soon/countermeasure/2026-11-04",
                            "suspension_lapsed/countermeasure/2026-11-11"],
    "MOFCOM-2026-11": ["imposed/ecl/2026-02-24"],
    "MOFCOM-2026-12": ["imposed/watch/2026-02-24"],  # the removal route it describes removes no one
    "MOFCOM-2026-23": ["imposed/ecl/2026-06-22"],
    "MOFCOM-ORDER-2026-2": ["imposed/countermeasure/2026-08-05"],
}
STATES = {
    "MOFCOM-2025-1": (ListingState.IN_FORCE, date(2025, 1, 2)),
    "MOFCOM-2025-13": (ListingState.LIFTED, date(2025, 11, 10)),
    "MOFCOM-2025-21": (ListingState.LAPSED, date(2026, 11, 11)),
    "MOFCOM-2025-22": (ListingState.LIFTED, date(2025, 8, 12)),
    "UEL-2024-3": (ListingState.INVESTIGATION, date(2024, 9, 24)),
    "UEL-2025-4": (ListingState.IN_FORCE, date(2025, 2, 4)),
    "UEL-2025-5": (ListingState.LIFTED, date(2025, 11, 10)),
    "UEL-2025-6": (ListingState.LIFTED, date(2025, 11, 10)),
    "UEL-2025-7": (ListingState.LAPSED, date(2026, 11, 11)),
    "UEL-2025-8": (ListingState.LIFTED, date(2025, 8, 12)),
    **{f"MOFCOM-2025-{n}": (ListingState.LAPSED, date(2026, 11, 11)) for n in (55, 56, 57, 58, 61, 62)},
    "MOFCOM-ORDER-2025-6": (ListingState.LAPSED, date(2026, 11, 11)),
    "MOFCOM-2026-11": (ListingState.IN_FORCE, date(2026, 2, 24)),
    "MOFCOM-2026-12": (ListingState.IN_FORCE, date(2026, 2, 24)),
    "MOFCOM-2026-23": (ListingState.IN_FORCE, date(2026, 6, 22)),
    "MOFCOM-ORDER-2026-2": (ListingState.IN_FORCE, date(2026, 8, 5)),
}
# Every suspension that lapsed by the demo's date (2026-11-30), and the notice that set it.
LAPSED_BY_DEMO_DAY = {
    "MOFCOM-2025-21": (date(2026, 11, 11), "QA-2025-11-05-68a81f8d"),
    "UEL-2025-7": (date(2026, 11, 11), "QA-2025-11-05-3d525cbd"),
    "MOFCOM-2024-46": (date(2026, 11, 28), "MOFCOM-2025-72"),
    **{f"MOFCOM-2025-{n}": (date(2026, 11, 11), "MOFCOM-2025-70") for n in (55, 56, 57, 58, 61, 62)},
    "MOFCOM-ORDER-2025-6": (date(2026, 11, 11), "MOFCOM-ORDER-2025-7"),
}


def by_listing(events) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for e in events:
        if e.scope == "notice" and e.kind not in (EventKind.NOTICE, EventKind.CORRECTION) and e.notice_key:
            out[e.notice_key].append(e.id[len(TAG_PREFIX) + len(e.notice_key) + 1:])
    return {k: sorted(v, key=lambda s: (s.split("/")[2], s)) for k, v in out.items()}


def replay(db: str, tree) -> None:
    res = CliRunner().invoke(app, ["--db", db, "replay", str(tree), "--as-of", AS_OF.isoformat()])
    assert res.exit_code in (0, 1), res.output  # 1: the fixtures hold an unusable page on purpose


def replayed_and_derived(tree, tmp_path, as_of: date):
    """(store URL, derivation as of ``as_of``) of ``tree`` replayed into a new store."""
    db = f"sqlite:///{tmp_path / 'db.sqlite'}"
    replay(db, tree)
    engine = open_store(db)
    with Session(engine) as s:
        _, d = derive_stored(s, as_of)
    engine.dispose()
    return db, d


def live_events(db: str) -> dict[str, dict]:
    """Stored, not retracted, events by id; provenance fetch times dropped (replay stamps "now")."""
    engine = open_store(db)
    with Session(engine) as s:
        events = load_events(s)
    engine.dispose()
    out = {}
    for e in events:
        data = e.to_json()
        for p in data["provenance"]:
            p.pop("fetched_at")
            for copy in p.get("copies", ()):  # each page's copy of a notice of several URLs
                copy.pop("fetched_at")
        out[e.id] = data
    return out


def event_rows(db: str) -> dict[str, tuple]:
    engine = open_store(db)
    with Session(engine) as s:
        out = {r.id: (r.payload_sha256, r.revision, r.retracted) for r in s.scalars(select(Event))}
    engine.dispose()
    return out


@pytest.fixture
def fixtures_tree(fixtures_dir):
    if not (fixtures_dir / "www.mofcom.gov.cn").is_dir():
        pytest.skip("fixture tree not present")
    return fixtures_dir


def test_replay_fixtures_gives_the_real_state_event_by_event(fixtures_tree, tmp_path):
    db = f"sqlite:///{tmp_path / 'db.sqlite'}"
    replay(db, fixtures_tree)
    engine = open_store(db)
    with Session(engine) as s, s.begin():
        sync_events(s, AS_OF)  # replay may already have; idempotent either way
        stored = load_events(s, AS_OF)
        notices, d = derive_stored(s, AS_OF)
    engine.dispose()
    assert d.problems == ()
    got = by_listing(stored)
    for key, expected in EXPECTED.items():
        assert got.get(key) == expected, key
    for key, (state, since) in STATES.items():
        rows = [r for r in d.states if r.notice_key == key]
        assert [(r.state, r.since) for r in rows] == [(state, since)], key
        assert rows[0].presumed is (state is ListingState.LAPSED)
    # the hand-built corpus tells the same story (for the notices it holds)
    pure = by_listing(derive(corpus(), AS_OF).events)
    assert {k: pure[k] for k in EXPECTED if k in pure} == {k: got[k] for k in EXPECTED if k in pure}
    # ... about the same entities: the corpus and the fixtures hold the same official names
    pure_keys: dict[str, set[str]] = defaultdict(set)
    for row in derive(corpus(), AS_OF).states:
        pure_keys[row.notice_key].update(row.entity_keys)
    got_keys: dict[str, set[str]] = defaultdict(set)
    for row in d.states:
        got_keys[row.notice_key].update(row.entity_keys)
    assert {k: got_keys[k] for k in pure_keys} == dict(pure_keys)
    assert not [e for e in stored if e.kind is EventKind.UNRESOLVED_REFERENCE]
    # item controls: No. 72 suspended clause 2 of 2024 No. 46 "至2026年11月27日" (that day included), then nothing newer
    assert got.get("MOFCOM-2024-46") == ["suspended/items/2025-11-09", "suspension_ends_soon/items/2026-10-29",
                                         "suspension_ends_soon/items/2026-11-21", "suspension_lapsed/items/2026-11-28"]
    (items,) = [r for r in d.states if r.notice_key == "MOFCOM-2024-46"]
    assert (items.state, items.since, items.presumed, items.by) == (
        ListingState.LAPSED, date(2026, 11, 28), True, "MOFCOM-2025-72")


def test_replay_twice_and_in_another_order_gives_the_same_events(fixtures_tree, tmp_path):
    straight = f"sqlite:///{tmp_path / 'a.sqlite'}"
    replay(straight, fixtures_tree)
    first = event_rows(straight)
    replay(straight, fixtures_tree)
    assert event_rows(straight) == first
    # Q&As first (their notices unknown yet), then everything
    qas = tmp_path / "qas"
    shutil.copytree(fixtures_tree / "www.mofcom.gov.cn" / "xwfb", qas / "www.mofcom.gov.cn" / "xwfb")
    other = f"sqlite:///{tmp_path / 'b.sqlite'}"
    replay(other, qas)
    replay(other, fixtures_tree)
    # but for the "Resolved: …" items of the references the Q&As could not resolve alone (storage/events.py)
    resolved = {i: e for i, e in live_events(other).items() if "/unresolved_reference/" in i}
    assert resolved and all(e["title"].startswith("Resolved: ") for e in resolved.values()), sorted(resolved)
    assert {i: e for i, e in live_events(other).items() if i not in resolved} == live_events(straight)


def test_demo_day_shows_every_lapsed_suspension(fixtures_tree, tmp_path):
    """As of 2026-11-30 (the demo's date) exactly the suspensions that ran out are lapsed, each presumed
    back in force, set by the notice that suspended it last."""
    _, d = replayed_and_derived(fixtures_tree, tmp_path, date(2026, 11, 30))
    lapsed = {r.notice_key: (r.since, r.by) for r in d.states if r.state is ListingState.LAPSED}
    assert lapsed == LAPSED_BY_DEMO_DAY
    assert all(r.presumed for r in d.states if r.state is ListingState.LAPSED)
    assert not [r for r in d.states if r.state is ListingState.SUSPENDED]


ECL_REMOVAL = (
    "商务部公告2026年第40号 关于将1家美国实体移出出口管制管控名单的公告\n【发布单位】安全与管制局\n【发布文号】商务部公告2026年第40号\n"
    "【发文日期】2026年09月10日\n\n商务部决定将环球世界物流公司（Universal Logistics Holdings, Inc.）移出出口管制管控名单。"
    "商务部公告2025年第21号对该实体采取的相关措施自本公告公布之日起停止执行。\n本公告自公布之日起正式实施。\n\n商务部\n2026年9月10日\n"
)


def test_removal_with_a_lift_limited_to_its_entity_moves_that_entity_alone(fixtures_tree, tmp_path):
    """"商务部公告2025年第21号对该实体采取的相关措施…停止执行": the one entity is removed and its measures
    lifted (one item saying both since session 24); the other 15 entities of No. 21 keep their own state (the suspension that lapsed). Removed is
    its state, whatever the order of the two sentences: the removal goes after a notice's other actions of
    the day (the engine audit of session 12; lifted, a later suspension of No. 21 took it up again)."""
    tree = tmp_path / "tree"
    shutil.copytree(fixtures_tree, tree)
    (tree / "texts" / "mofcom-2026-40.txt").write_text(ECL_REMOVAL, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'db.sqlite'}"
    replay(db, tree)
    engine = open_store(db)
    with Session(engine) as s, s.begin():
        sync_events(s, AS_OF)
        stored = load_events(s, AS_OF)
        _, d = derive_stored(s, AS_OF)
    engine.dispose()
    assert d.problems == () and not [e for e in stored if e.kind is EventKind.UNRESOLVED_REFERENCE]
    universal = "universallogisticsholdings"
    rows = {r.state: r for r in d.states if r.notice_key == "MOFCOM-2025-21"}
    assert set(rows) == {ListingState.LAPSED, ListingState.REMOVED}
    assert (rows[ListingState.LAPSED].entity_count, rows[ListingState.LAPSED].since) == (15, date(2026, 11, 11))
    assert universal not in rows[ListingState.LAPSED].entity_keys
    removed = rows[ListingState.REMOVED]
    assert (removed.entity_keys, removed.since, removed.by) == ((universal,), date(2026, 9, 10), "MOFCOM-2026-40")
    assert removed.history[-1] == "2026-09-10 removed (MOFCOM-2026-40)"
    # one change, one item saying both (session 24: the lift no longer adds a "Lifted" item of its own)
    moved = [e for e in stored if e.scope == "entity" and e.source_key == "MOFCOM-2026-40"]
    assert [(e.kind.value, e.entity_key) for e in moved] == [("removed", universal)]
    assert "are stopped (lifted) from the same day" in moved[0].summary


def test_a_suspension_of_one_clause_says_so_in_status(fixtures_tree, tmp_path):
    """2025 No. 72 suspends clause 2 of 2024 No. 46 only ("第一款继续实施": the ban on exports to US military users
    stays). The feed items said "(clause 2)", the status row read as if the whole of No. 46 were suspended, then
    lapsed (engine audit round 2 of session 12)."""
    db, d = replayed_and_derived(fixtures_tree, tmp_path, date(2026, 11, 20))
    (row,) = [r for r in d.states if r.notice_key == "MOFCOM-2024-46"]
    assert (row.state, row.by, row.scope) == (ListingState.SUSPENDED, "MOFCOM-2025-72", "clause 2")
    assert all(r.scope is None for r in d.states if r.notice_key != "MOFCOM-2024-46")
    table = cli(db, "status", "--as-of", "2026-11-20").out
    assert any("MOFCOM-2024-46" in line and "suspended (clause 2 only)" in line for line in table.splitlines())
