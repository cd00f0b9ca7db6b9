"""A feed item's id never depends on the order pages came in, and an item a reader saw never vanishes without a word.

Pages of stories S03 (Q&As suspending, extending and restoring two ECL notices, which arrive after them here) and
S07 (two Q&As of one evening under one title: the first stored is re-keyed when the second comes) are replayed
with the real CLI into real SQLite files: (a) all at once, (b) in reverse order one page at a time with
``feeds --out`` after each, (c) all at once twice. The final item ids (corrections aside, which only (b) has a
reason to carry) and ``status --json`` agree; in (b) an item a feed once held is in that feed still, or a
correction of it is (retracted, "Same notice, now under KEY", or, for an unresolved-reference item whose notice
has come, "Resolved: …").
"""

from __future__ import annotations

import json
import re
import shutil
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from mofcom_watch.cli import app

STORIES = Path(__file__).resolve().parents[1] / "data" / "stories18" / "main"
PAGES = ("s03-mofcom-2024-83.txt", "s03-mofcom-2024-84.txt", "s03-qa-2024-05-20-suspend.txt",
         "s03-qa-2024-08-16-extend.txt", "s03-qa-2024-12-20-restore.txt", "s07-mofcom-2024-86.txt",
         "s07-mofcom-2024-87.txt", "s07-qa-2024-08-26-ecl.txt", "s07-qa-2024-08-26-uel.txt", "s07-uel-2024-15.txt")
AS_OF = "2026-11-29"
FETCHED = datetime.fromisoformat("2026-11-29T00:00:00+00:00")
PUBLISH_LOG = ("last_publish", "last_successful_publish")


def cli(db: str, *args: str) -> str:
    result = CliRunner().invoke(app, ["--db", db, *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code in (0, 1), result.output  # 1: the unresolved references while Q&As come first
    return result.stdout


def replay(db: str, folder: Path, names: tuple[str, ...], at: datetime) -> None:
    folder.mkdir()
    for name in names:
        shutil.copyfile(STORIES / name, folder / name)
    cli(db, "replay", str(folder), "--fetched-at", at.isoformat(), "--as-of", AS_OF)


def feeds(db: str, out: Path) -> dict[str, set[str]]:
    """Each item id the feeds hold, with the feeds holding it."""
    cli(db, "feeds", "--out", str(out), "--as-of", AS_OF)
    held: dict[str, set[str]] = {}
    for path in out.rglob("*.json"):
        for item in json.loads(path.read_text(encoding="utf-8"))["items"]:
            held.setdefault(item["id"], set()).add(path.relative_to(out).as_posix())
    return held


def status(db: str) -> dict[str, Any]:
    got = json.loads(cli(db, "status", "--json", "--as-of", AS_OF))
    return {k: v for k, v in got.items() if k not in PUBLISH_LOG}


def lasting(held: dict[str, set[str]]) -> dict[str, set[str]]:
    return {i: f for i, f in held.items() if "/correction/" not in i}


def test_item_ids_do_not_depend_on_page_order_and_none_vanishes_without_a_word(tmp_path: Path) -> None:
    whole = f"sqlite:///{tmp_path / 'whole.sqlite'}"
    replay(whole, tmp_path / "whole", PAGES, FETCHED)
    at_once, state = feeds(whole, tmp_path / "feeds-whole"), status(whole)
    assert not [i for i in at_once if "/correction/" in i], sorted(at_once)
    # (c) twice: nothing new, nothing corrected
    replay(whole, tmp_path / "again", PAGES, FETCHED + timedelta(hours=1))
    assert feeds(whole, tmp_path / "feeds-again") == at_once
    assert status(whole) == state
    # (b) in reverse, one page at a time, the feeds written after each
    step = f"sqlite:///{tmp_path / 'step.sqlite'}"
    seen: dict[str, set[str]] = {}
    lost = []
    ever: set[str] = set()
    for n, name in enumerate(reversed(PAGES)):
        replay(step, tmp_path / f"page-{n}", (name,), FETCHED + timedelta(minutes=n))
        held = feeds(step, tmp_path / f"feeds-{n}")
        for item, where in seen.items():
            fixes = set().union(*(f for i, f in held.items() if i.startswith(f"{item}/correction/")))
            gone = where - held.get(item, set()) - fixes
            if gone:
                lost.append((name, item, sorted(gone), sorted(fixes)))
        seen = {i: seen.get(i, set()) | f for i, f in held.items()}
        ever |= set(held)
    assert not lost, lost  # (page replayed, item, feeds it left with no correction there, feeds with one)
    assert lasting(held) == lasting(at_once), sorted(set(lasting(held)) ^ set(lasting(at_once)))
    assert status(step) == state
    # the one re-key of the story: the first Q&A's notice item, which continues under its answer's key
    moved = [i for i in held if "/correction/" in i and "/notice/" in i]
    assert moved == ["tag:mofcom-watch,2025:QA-2024-08-26-4a3b3970/notice/correction/1"], sorted(held)
    assert held[moved[0]] == {"notices.json"}
    # each unresolved reference of a Q&A that came before its notices said, once they came, that it resolves
    resolved = {i.split("/correction/")[0] for i in held if "/unresolved_reference/" in i and "/correction/" in i}
    assert resolved == {i for i in ever if "/unresolved_reference/" in i and "/correction/" not in i} != set()
    # and names the item that says now what it was waiting for, one the feeds hold (order30: it said "items of their
    # own" and left the reader to look for them)
    for item in json.loads((tmp_path / f"feeds-{n}" / "all.json").read_text(encoding="utf-8"))["items"]:
        if "/unresolved_reference/" in item["id"] and "/correction/" in item["id"]:
            named = set(re.findall(r"\((tag:mofcom-watch,2025:[^)\s]+)\)", item["content_html"])) - {item["id"]}
            assert named and named <= set(lasting(held)), (item["id"], named)
