"""A listing published the day before it takes effect, through the CLI in real processes on a real SQLite file.

The fixtures replayed, then as of 2025-04-09: 商务部公告2025年第22号 (12 US entities, ECL) and 不可靠实体清单工作机制
〔2025〕8号 (6, UEL) are published that day and in force from 2025-04-10 12:01. `status` left both out, and
`timeline` and the web pages said "not yet" of Insitu's No. 22 listing: a compliance officer checking a
counterparty that day was told nothing of a public listing taking effect the next day.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.faults.harness import FIXTURES, cli, cli_env, replay_args
from tests.faults.serving import serving

DAY = "2025-04-09"
NO22_LABEL = "announced: in force from 2025-04-10"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> tuple[str, Path]:
    if not (FIXTURES / "www.mofcom.gov.cn").is_dir():
        pytest.skip("fixture tree not present")
    where = tmp_path_factory.mktemp("announced")
    db = f"sqlite:///{where / 'db.sqlite'}"
    done = cli(db, *replay_args())
    assert done.code in (0, 1), done.err  # 1: the fixtures hold pages short of their stated count on purpose
    return db, where


def test_status_as_of_the_publication_day_shows_the_announced_listing(store) -> None:
    db, _ = store
    done = cli(db, "status", "--as-of", DAY, "--json")
    assert done.code == 1, done.err  # the fixtures' open health issues, as on any day
    rows = {r["notice_key"]: r for r in json.loads(done.out)["listings"]}
    no22 = rows["MOFCOM-2025-22"]
    assert {k: no22[k] for k in ("state", "since", "by", "entity_count", "next_state", "next_from", "next_by",
                                 "state_label", "next_label")} == {
        "state": "announced", "since": DAY, "by": "MOFCOM-2025-22", "entity_count": 12, "next_state": "in_force",
        "next_from": "2025-04-10", "next_by": "MOFCOM-2025-22", "state_label": "announced",
        "next_label": "in force from 2025-04-10"}
    assert "insitu" in no22["entity_keys"] and no22["next_until"] is None
    assert (rows["UEL-2025-8"]["state"], rows["UEL-2025-8"]["entity_count"]) == ("announced", 6)
    unchanged = rows["MOFCOM-2025-21"]  # in force since 04-04, nothing announced: the same keys, null (session 35)
    assert unchanged["state"] == "in_force" and list(unchanged) == list(no22)
    assert {k: unchanged[k] for k in ("next_state", "next_from", "next_until", "next_by", "next_label")} == dict.fromkeys(
        ("next_state", "next_from", "next_until", "next_by", "next_label"))

    table = cli(db, "status", "--as-of", DAY, env=cli_env(COLUMNS="240")).out
    lines = [line for line in table.splitlines() if "MOFCOM-2025-22" in line or "UEL-2025-8" in line]
    assert len(lines) == 2 and all(NO22_LABEL in line for line in lines), table


def test_timeline_and_pages_say_what_is_announced(store) -> None:
    db, where = store
    tl = cli(db, "timeline", "Insitu", "--as-of", DAY, env=cli_env(COLUMNS="240"))
    assert tl.code == 0, tl.err
    assert f"MOFCOM-2025-22 商务部公告2025年第22号 - {NO22_LABEL} (published {DAY})" in tl.out, tl.out
    listing = next(x for x in json.loads(cli(db, "timeline", "Insitu", "--as-of", DAY, "--json").out)["listings"]
                   if x["notice_key"] == "MOFCOM-2025-22")
    assert (listing["state"]["state"], listing["state"]["next_from"]) == ("announced", "2025-04-10")

    with serving(db, where, "--as-of", DAY) as served:
        status, _h, front = served.get("/")
        assert status == 200
        status, _h, entity = served.get("/entity/insitu")
        assert status == 200
    page = front.decode("utf-8")
    assert page.count(f'class="state-announced">{NO22_LABEL}</td>') == 2, page  # No. 22 and UEL 8号
    assert f'<span class="state-announced">{NO22_LABEL}</span>' in entity.decode("utf-8")
    assert "Traceback" not in served.stderr


def test_screening_a_counterparty_that_day_finds_the_announced_listing(store) -> None:
    """Insitu was already on UEL 〔2025〕7号, so screening it on 2025-04-09 listed that alone: No. 22 was left out."""
    db, where = store
    names = where / "counterparties.csv"
    names.write_text("name,country\nInsitu,US\n", encoding="utf-8")
    done = cli(db, "screen", str(names), "--as-of", DAY, "--json")
    assert done.code == 1, done.err  # a hit
    data = json.loads(done.out)
    hits = {h["notice_key"]: h for r in (data if isinstance(data, list) else data["results"]) for h in r["hits"]}
    assert (hits["MOFCOM-2025-22"]["state"], hits["MOFCOM-2025-22"]["next_state"],
            hits["MOFCOM-2025-22"]["next_from"]) == ("announced", "in_force", "2025-04-10")
    assert hits["UEL-2025-7"]["state"] == "in_force"
    # every next_* key is there, null where no change is announced, as status --json gives them (session 36)
    assert (hits["UEL-2025-7"]["next_state"], hits["UEL-2025-7"]["next_from"], hits["UEL-2025-7"]["next_until"]) == (
        None, None, None)
