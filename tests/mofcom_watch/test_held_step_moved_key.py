"""A held step a person published stays published when its Q&A moves to a key of its own (session 41, order41).

held41's press conference (``tests/data/held41/presser-lift-and-doubt.txt``: a lift of No. 21 read, a restore of UEL
2025 No. 7 held) and qa40's 29 (another conference of the same title and day, suspending UEL No. 7) share the key
``QA-2026-12-03-3dd96b3a`` until both are stored; then each goes under a key of its own
(``reprints._two_of_one_title``), the first moved to ``…-003c``. A person's word on a held step is recorded by the
notice's key: when the conference came first and its step was published, the move left the word under the old key,
so the step was held again under the new one, silently: its item retracted ("Resolved: Unresolved reference …"), no
issue open, where the other order publishes it. Now the word (and an open held-step issue) goes with the notice.
Real ``replay``, ``accept``, ``feeds`` and ``review --json`` processes on real SQLite files."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from tests.faults.harness import cli, cli_env

DATA = Path(__file__).resolve().parents[1] / "data"
HELD = DATA / "held41" / "presser-lift-and-doubt.txt"
OTHER = DATA / "corpus" / "qa40" / "29-presser-five-topics-yuyi-zanting-uel.txt"
AS_OF = "2028-01-31"
ENV = cli_env(MOFCOM_WATCH_TODAY=AS_OF)
TITLE_KEY = "QA-2026-12-03-3dd96b3a"
STEP = "7e91ed3d9139503e"  # the held restore of UEL-2025-7 from 2026-12-15
RESTORE = f"{TITLE_KEY}-003c/unresolved_reference/uel/2026-12-15/UEL-2025-7"  # the published step's item


def _cli(db: str, *args: str) -> str:
    done = cli(db, *args, env=ENV)
    assert done.code in (0, 1), done.err
    return done.out


def _replay(db: str, tmp: Path, page: Path, at: str) -> None:
    folder = tmp / page.stem
    folder.mkdir()
    shutil.copyfile(page, folder / page.name)
    _cli(db, "replay", str(folder), "--fetched-at", at, "--as-of", AS_OF)


def _lasting(db: str, out: Path) -> set[str]:
    """The notice items the feeds hold (no health item, no correction), ids without the scheme's prefix."""
    _cli(db, "feeds", "--out", str(out), "--as-of", AS_OF)
    return {item["id"].split(":", 2)[2] for path in out.rglob("*.json") if not path.name.startswith(".")
            for item in json.loads(path.read_text())["items"]
            if "/correction/" not in item["id"] and ":health/" not in item["id"]}


def test_a_published_held_step_stays_published_when_its_qa_moves_to_a_key_of_its_own(tmp_path: Path) -> None:
    first = tmp_path / "held-first"
    first.mkdir()
    db = f"sqlite:///{first / 'store.sqlite'}"
    _replay(db, first, HELD, "2026-11-29T00:00:00+00:00")
    _cli(db, "accept", TITLE_KEY, STEP)  # a person publishes the held restore
    assert f"{TITLE_KEY}/unresolved_reference/uel/2026-12-15/UEL-2025-7" in _lasting(db, first / "out")
    _replay(db, first, OTHER, "2026-11-29T01:00:00+00:00")  # the second conference: the first moves to …-003c
    moved = _lasting(db, first / "out")

    second = tmp_path / "other-first"
    second.mkdir()
    other_db = f"sqlite:///{second / 'store.sqlite'}"
    _replay(other_db, second, OTHER, "2026-11-29T00:00:00+00:00")
    _replay(other_db, second, HELD, "2026-11-29T01:00:00+00:00")  # split on arrival: under …-003c at once
    _cli(other_db, "accept", f"{TITLE_KEY}-003c", STEP)
    direct = _lasting(other_db, second / "out")

    assert RESTORE in direct
    assert RESTORE in moved  # the person's word went with the notice
    assert moved == direct  # the same lasting items whichever conference came first
    assert json.loads(_cli(db, "review", "--json"))["held_steps"] == []  # nothing to decide again
    decided = json.loads(_cli(db, "status", "--json", "--as-of", AS_OF))["held_step_decisions"]
    # listed once, under the key the notice holds now (review43's B2: the word under the old key was listed too)
    assert [(d["notice_key"], d["step"], d["verdict"]) for d in decided] == [(f"{TITLE_KEY}-003c", STEP, "published")]
    with sqlite3.connect(first / "store.sqlite") as conn:
        assert conn.execute("SELECT count(*) FROM health_issue WHERE kind = 'held-step' AND resolved_at IS NULL"
                            ).fetchone() == (0,)


def test_an_undecided_held_step_is_asked_under_its_qas_new_key(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    _replay(db, tmp_path, HELD, "2026-11-29T00:00:00+00:00")
    _replay(db, tmp_path, OTHER, "2026-11-29T01:00:00+00:00")
    steps = json.loads(_cli(db, "review", "--json"))["held_steps"]
    assert [(s["notice_key"], s["step"]) for s in steps] == [(f"{TITLE_KEY}-003c", STEP)]
    with sqlite3.connect(tmp_path / "store.sqlite") as conn:
        assert conn.execute("SELECT key FROM health_issue WHERE kind = 'held-step' AND resolved_at IS NULL"
                            ).fetchall() == [(f"held-step/{TITLE_KEY}-003c/{STEP}",)]


REPRINT = "www.chinanews.com.cn/cj/2026/12-03/10500001.txt"  # a paper's copy, under a title of its own
OFFICIAL = "www.mofcom.gov.cn/xwfb/xwfyrth/art/2026/art_aa11.txt"


def test_a_reprints_held_step_closes_when_mofcoms_copy_holds_none(tmp_path: Path) -> None:
    """review43's B3: a paper's copy of the conference (its own title, so its own key) holds the doubt; MOFCOM's copy,
    whose answers are all in the paper's, has no such topic. MOFCOM's copy re-keys the stored reprint and its reading
    replaces the reprint's (``reprints._rekey``): it holds no step, so the carried issue closes (was: left open under
    MOFCOM's key, health red for good, while ``review`` listed nothing and ``accept`` found no step)."""
    lines = HELD.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if "凤凰卫视" not in line and "中方愿同各方一道" not in line]
    reprint = ["商务部例行新闻发布会（2026年12月3日）实录", *kept[1:]]
    official = [line for line in kept if not any(w in line for w in ("路透社", "根据美方表现", "谢谢大家"))]
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    for name, path, text, at in (("reprint", REPRINT, reprint, "08:00"), ("official", OFFICIAL, official, "09:00")):
        page = tmp_path / name / path
        page.parent.mkdir(parents=True)
        page.write_text("\n".join(text) + "\n", encoding="utf-8")
        _cli(db, "replay", str(tmp_path / name), "--fetched-at", f"2026-12-03T{at}:00+00:00", "--as-of", AS_OF)
        if name == "reprint":  # the doubt held under the reprint's key, for a person
            assert [s["step"] for s in json.loads(_cli(db, "review", "--json"))["held_steps"]] == [STEP]
    with sqlite3.connect(tmp_path / "store.sqlite") as conn:
        assert conn.execute("SELECT key FROM notice WHERE key LIKE 'QA-%'").fetchall() == [(TITLE_KEY,)]
        assert conn.execute("SELECT key FROM health_issue WHERE kind = 'held-step' AND resolved_at IS NULL"
                            ).fetchall() == []
    assert json.loads(_cli(db, "review", "--json"))["held_steps"] == []
    state = json.loads(_cli(db, "status", "--json", "--as-of", AS_OF))
    assert not [i for i in state["health_issues"] if "held-step" in json.dumps(i)]
