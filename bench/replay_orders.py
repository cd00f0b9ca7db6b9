"""Rules 2 and 3 under other orders: the same pages replayed in several orders give the same items, ids and states.

    .venv/bin/python bench/replay_orders.py [TREE ...] [--seeds 1,2,3] [--as-of 2026-11-30] [--no-steps] [--keep DIR]

TREE defaults to ``fixtures/`` and every ``tests/data/stories*/*/`` folder (each story folder on its own store).
For each tree, each order replays the pages into a fresh SQLite store with the real CLI (in this process, as
``typer``'s runner; ``MOFCOM_WATCH_TODAY`` is the as-of day, so every step publishes and stores what a reader
would get that day):

- ``folder``: one ``replay TREE`` (sorted by path, as ``replay`` reads a folder);
- ``again``: ``folder``'s store, the tree replayed a second time (nothing may change);
- ``halves``: the second half of the pages, then the first, two replays into one store;
- ``reversed`` and ``seed-N``: one page a replay, last first or shuffled with a fixed seed, ``feeds --out``
  after each page (what a reader polling between pages gets). Skipped with ``--no-steps``.

Compared with ``folder``: the lasting item ids (those not ``…/correction/N``), each item's title, body (with
fetch times taken out: each step fetches at its own minute), ``date_published``, tags and the feeds that hold it,
and ``status --json`` (the publish log aside). In the step orders also: every item a feed once held is in it still
or has a correction there (an item never vanishes without a word), and the corrections that order made
(listed, not failed: a reader that saw a step's item is owed one when it changes). Exit 1 when anything differs.
Each replay's exit code must be 0 or 1 (the fixtures' count mismatches, a Q&A before its notice).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FETCHED = datetime.fromisoformat("2026-11-29T00:00:00+00:00")
PUBLISH_LOG = ("last_publish", "last_successful_publish", "last_preview", "unpublished_run", "last_run_stale")
FETCH_TIME_RE = re.compile(r"(?:Fetched:|fetched|First fetched:?) ?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00"
                           r"|(?:First seen|Last seen|Resolved|seen) \d{4}-\d\d-\d\d \d\d:\d\d UTC"
                           # the facts table's rows of a health item (session 30, wording30: "First seen", "Resolved")
                           r"|(?<=<td>)\d{4}-\d\d-\d\d \d\d:\d\d UTC(?=</td>)")
HEALTH = "health/"  # a source-health item is dated when its problem was first seen: each step fetches at its own minute
SEEN_KEYS = ("first_seen", "last_seen", "resolved_at", "fetched_at", "checked_at", "last_checked")
CORRECTION = "/correction/"


def _cli(db: str, *args: str) -> tuple[int, str]:
    from typer.testing import CliRunner

    from mofcom_watch.cli import app

    result = CliRunner().invoke(app, ["--db", db, *args])
    if result.exit_code not in (0, 1):
        raise SystemExit(f"{' '.join(args[:2])} exit {result.exit_code}: {result.output[-2000:]}")
    return result.exit_code, result.stdout


@contextmanager
def _today(day: str) -> Iterator[None]:
    before = os.environ.get("MOFCOM_WATCH_TODAY")
    os.environ["MOFCOM_WATCH_TODAY"] = day
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("MOFCOM_WATCH_TODAY", None)
        else:
            os.environ["MOFCOM_WATCH_TODAY"] = before


def pages(tree: Path) -> list[Path]:
    """The tree's page files relative to it, as ``replay`` finds them (sorted; no dotfiles, no README)."""
    from mofcom_watch.pipeline import replay_files

    return [path.relative_to(tree) for path, _ in replay_files(tree)]


def replay(db: str, tree: Path, rel: Sequence[Path], work: Path, at: datetime, as_of: str) -> int:
    """Copy ``rel`` (keeping their paths, so their URLs) into a folder of their own and replay it."""
    folder = Path(tempfile.mkdtemp(dir=work, prefix="pages-"))
    for name in rel:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(tree / name, folder / name)
    code, _ = _cli(db, "replay", str(folder), "--fetched-at", at.isoformat(), "--as-of", as_of)
    shutil.rmtree(folder)
    return code


def feeds(db: str, out: Path, as_of: str) -> dict[str, dict[str, Any]]:
    """Each item the feeds hold by id: its fields (fetch times out) and the feeds holding it."""
    _cli(db, "feeds", "--out", str(out), "--as-of", as_of)
    items: dict[str, dict[str, Any]] = {}
    for path in sorted(out.rglob("*.json")):
        if path.name.startswith("."):
            continue
        for item in json.loads(path.read_text(encoding="utf-8"))["items"]:
            got = items.setdefault(item["id"], {
                "title": item.get("title"),
                "body": FETCH_TIME_RE.sub("<fetched>", item.get("content_html", "")),
                "published": item.get("date_published"),
                "modified": item.get("date_modified"),
                "tags": tuple(item.get("tags", ())),
                "feeds": set(),
            })
            got["feeds"].add(path.relative_to(out).as_posix())
    shutil.rmtree(out)
    return items


def status(db: str, as_of: str) -> tuple[int, dict[str, Any]]:
    code, out = _cli(db, "status", "--json", "--as-of", as_of)
    got = json.loads(out)
    return code, _untimed({k: v for k, v in got.items() if k not in PUBLISH_LOG})


def _untimed(value: Any) -> Any:
    """``status --json`` without the times pages were fetched or problems seen (each step has its own)."""
    if isinstance(value, dict):
        return {k: ("<time>" if k in SEEN_KEYS else _untimed(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [_untimed(v) for v in value]
    return value


def stepwise(db: str, tree: Path, order: Sequence[Path], work: Path, as_of: str) -> dict[str, Any]:
    """One page a replay, feeds after each; the items that left a feed with no correction of them there."""
    seen: dict[str, set[str]] = {}
    vanished: list[tuple[str, str, list[str]]] = []
    held: dict[str, dict[str, Any]] = {}
    for n, name in enumerate(order):
        replay(db, tree, [name], work, FETCHED + timedelta(minutes=n + 1), as_of)
        held = feeds(db, work / f"feeds-{n}", as_of)
        for item, where in seen.items():
            fixes = set().union(*(v["feeds"] for i, v in held.items() if i.startswith(f"{item}{CORRECTION}")))
            gone = where - held.get(item, {}).get("feeds", set()) - fixes
            if gone:
                vanished.append((str(name), item, sorted(gone)))
        for item, value in held.items():
            seen.setdefault(item, set()).update(value["feeds"])
    return {"items": held, "vanished": vanished, "ever": sorted(seen)}


def compare(base: dict[str, dict[str, Any]], other: dict[str, dict[str, Any]]) -> list[str]:
    """What differs between two orders' lasting items (an item's date_modified is listed apart: a correction moves it)."""
    out = []
    lasting_a = {i for i in base if CORRECTION not in i}
    lasting_b = {i for i in other if CORRECTION not in i}
    for i in sorted(lasting_a - lasting_b):
        out.append(f"only in the first: {i} ({base[i]['title']})")
    for i in sorted(lasting_b - lasting_a):
        out.append(f"only in this order: {i} ({other[i]['title']})")
    for i in sorted(lasting_a & lasting_b):
        for field in ("title", "body", "published", "tags", "feeds"):
            if field == "published" and HEALTH in i:
                continue
            if base[i][field] != other[i][field]:
                out.append(f"{field} differs: {i}\n    first: {_short(base[i][field])}\n    this:  {_short(other[i][field])}")
    return out


def _short(value: Any) -> str:
    text = str(sorted(value) if isinstance(value, set) else value)
    return text if len(text) < 600 else text[:300] + " … " + text[-300:]


def _diff_text(a: str, b: str) -> str:
    """The first stretch where two bodies differ, with a little context."""
    n = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return f"at {n}: …{a[max(0, n - 120):n + 200]}…\n    vs …{b[max(0, n - 120):n + 200]}…"


def run_tree(tree: Path, work: Path, seeds: Sequence[int], as_of: str, steps: bool) -> int:
    rel = pages(tree)
    print(f"== {tree} ({len(rel)} pages)")
    failures = 0
    base_db = f"sqlite:///{work / 'folder.sqlite'}"
    replay(base_db, tree, rel, work, FETCHED, as_of)
    base = feeds(base_db, work / "feeds-folder", as_of)
    base_code, base_status = status(base_db, as_of)
    print(f"   folder: {len(base)} items ({sum(CORRECTION in i for i in base)} corrections), status exit {base_code}")
    orders: list[tuple[str, Any]] = [("again", None)] + ([("halves", None)] if len(rel) > 1 else [])  # one page: no halves
    if steps:
        orders.append(("reversed", list(reversed(rel))))
        for seed in seeds:
            shuffled = list(rel)
            random.Random(seed).shuffle(shuffled)
            orders.append((f"seed-{seed}", shuffled))
    for name, order in orders:
        db = f"sqlite:///{work / (name + '.sqlite')}"
        extra: list[str] = []
        if name == "again":
            shutil.copyfile(work / "folder.sqlite", work / "again.sqlite")
            replay(db, tree, rel, work, FETCHED + timedelta(hours=1), as_of)
            got = feeds(db, work / "feeds-again", as_of)
            if set(got) != set(base):
                extra.append(f"items added or gone by a second replay: {sorted(set(got) ^ set(base))}")
        elif name == "halves":
            half = len(rel) // 2
            replay(db, tree, rel[half:], work, FETCHED, as_of)
            replay(db, tree, rel[:half], work, FETCHED + timedelta(minutes=5), as_of)
            got = feeds(db, work / "feeds-halves", as_of)
        else:
            result = stepwise(db, tree, order, work, as_of)
            got = result["items"]
            extra += [f"vanished without a correction after {p}: {i} from {f}" for p, i, f in result["vanished"]]
        code, state = status(db, as_of)
        problems = compare(base, got) + extra
        for field in ("modified",):
            moved = [i for i in set(base) & set(got) if CORRECTION not in i and base[i][field] != got[i][field]]
            if moved:
                print(f"   {name}: date_modified moved on {len(moved)} item(s): {sorted(moved)[:5]}")
        if state != base_status or code != base_code:
            keys = sorted(k for k in set(state) | set(base_status) if state.get(k) != base_status.get(k))
            problems.append(f"status --json differs (exit {base_code} vs {code}) in: {keys}")
        corrections = sorted(i for i in got if CORRECTION in i)
        failures += said(f"{name}: {len(got)} items, {len(corrections)} corrections, status exit {code}",
                         problems, [f"correction {c}: {got[c]['title']}" for c in corrections])
    return failures


def said(summary: str, problems: list[str], lines: Sequence[str] = ()) -> bool:
    """One order's line, ``lines`` under it, then each difference; whether there was one (this bench's and
    ``backends_same``'s)."""
    print(f"   {summary}, {len(problems)} difference(s)")
    for line in lines:
        print(f"      {line}")
    for p in problems:
        print(f"      DIFF {p}")
    return bool(problems)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("trees", nargs="*", type=Path)
    parser.add_argument("--seeds", default="1,2,3")
    parser.add_argument("--as-of", default="2026-11-30", help="the day for fixtures/ (and any tree not a story)")
    parser.add_argument("--story-as-of", default="2028-01-31", help="the day for tests/data/stories*/ (set to 2027)")
    parser.add_argument("--no-steps", action="store_true")
    parser.add_argument("--keep", type=Path, help="keep each tree's stores and feeds under this folder")
    args = parser.parse_args(argv)
    trees = args.trees or [ROOT / "fixtures", *sorted(p for p in (ROOT / "tests" / "data").glob("stories*/*")
                                                      if p.is_dir())]
    seeds = [int(s) for s in args.seeds.split(",") if s]
    failures = 0
    for n, tree in enumerate(trees):
        as_of = args.story_as_of if tree.resolve().parent.name.startswith("stories") else args.as_of
        with _today(as_of):
            if args.keep:
                work = args.keep / f"{n:02d}-{tree.parent.name}-{tree.name}"
                work.mkdir(parents=True, exist_ok=True)
                failures += run_tree(tree.resolve(), work, seeds, as_of, not args.no_steps)
            else:
                with tempfile.TemporaryDirectory(prefix="replay-orders-") as tmp:
                    failures += run_tree(tree.resolve(), Path(tmp), seeds, as_of, not args.no_steps)
    print(f"{failures} order(s) differ")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
