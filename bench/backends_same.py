"""The same pages into SQLite and into PostgreSQL give the same feeds, byte for byte, after every step.

    MOFCOM_WATCH_TEST_PG=postgresql+psycopg://postgres@127.0.0.1:PORT/postgres \\
        .venv/bin/python bench/backends_same.py [TREE ...] [--seeds 1] [--keep DIR]

By hand (minutes: not in CI; CI keeps ``tests/mofcom_watch/test_backends_same_feeds.py``, stories18 in three replays).
For each tree (default: ``fixtures/``, ``tests/data/stories21/main``, ``tests/data/stories24/after_lapse``) and each
order (``folder``: one replay; ``seed-N``: one page a replay, shuffled with a fixed seed, ``feeds --out`` after each
page, what a reader polling between pages gets), the pages go into a fresh SQLite file and a fresh PostgreSQL
database with the same fetch times (``bench/replay_orders.py``'s real CLI in this process, ``MOFCOM_WATCH_TODAY`` the
as-of day). Compared after every step: the feed files written (names and bytes; the folder's store mark aside, each
store's own random id) and ``status --json`` (its publish log aside: the folders differ). Exit 1 when anything differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import sys
import tempfile
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.replay_orders import FETCHED, PUBLISH_LOG, _cli, _today, pages, replay, said  # noqa: E402

TREES = ("fixtures", "tests/data/stories21/main", "tests/data/stories24/after_lapse")
STORY_AS_OF = "2028-01-31"
AS_OF = "2026-11-30"


def feed_files(db: str, out: Path, as_of: str) -> dict[str, str]:
    """``feeds --out`` of the store: each file's SHA-256 by name (the store's mark aside)."""
    from mofcom_watch.publish import STORE_MARK

    _cli(db, "feeds", "--out", str(out), "--as-of", as_of)
    got = {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
           for p in sorted(out.rglob("*")) if p.is_file() and p.name != STORE_MARK}
    shutil.rmtree(out)
    return got


def status(db: str, as_of: str) -> tuple[int, str]:
    code, out = _cli(db, "status", "--json", "--as-of", as_of)
    return code, json.dumps({k: v for k, v in json.loads(out).items() if k not in PUBLISH_LOG}, sort_keys=True)


def run_order(db: str, tree: Path, order: list[Path] | None, work: Path, as_of: str) -> dict[str, Any]:
    """Replay ``tree`` (one replay when ``order`` is None, else one page a replay in that order) into ``db``."""
    steps: list[dict[str, str]] = []
    if order is None:
        replay(db, tree, pages(tree), work, FETCHED, as_of)
        steps.append(feed_files(db, work / "feeds", as_of))
    else:
        for n, name in enumerate(order):
            replay(db, tree, [name], work, FETCHED + timedelta(minutes=n + 1), as_of)
            steps.append(feed_files(db, work / f"feeds-{n:03d}", as_of))
    return {"steps": steps, "status": status(db, as_of)}


def fresh_pg(admin: str, name: str) -> str:
    """A new empty database ``name`` on the server of ``admin``; its URL."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as con:
        con.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        con.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(admin).set(database=name).render_as_string(hide_password=False)


def drop_pg(admin: str, name: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as con:
        con.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


def compare(lite: dict[str, Any], pg: dict[str, Any], order: Sequence[Path] | None) -> list[str]:
    out = []
    for n, (a, b) in enumerate(zip(lite["steps"], pg["steps"], strict=True)):
        step = f"after {order[n]}" if order is not None else "after the replay"
        if set(a) != set(b):
            out.append(f"{step}: files only in SQLite {sorted(set(a) - set(b))[:5]}, only in PostgreSQL "
                       f"{sorted(set(b) - set(a))[:5]}")
        differ = sorted(name for name in set(a) & set(b) if a[name] != b[name])
        if differ:
            out.append(f"{step}: {len(differ)} file(s) differ: {differ[:8]}")
    if lite["status"] != pg["status"]:
        out.append(f"status --json differs: exit {lite['status'][0]} vs {pg['status'][0]}")
    return out


def run_tree(tree: Path, work: Path, seeds: Sequence[int], as_of: str, admin: str) -> int:
    rel = pages(tree)
    orders: list[tuple[str, list[Path] | None]] = [("folder", None)]
    for seed in seeds:
        shuffled = list(rel)
        random.Random(seed).shuffle(shuffled)
        orders.append((f"seed-{seed}", shuffled))
    failures = 0
    print(f"== {tree} ({len(rel)} pages, as of {as_of})")
    for name, order in orders:
        got = {}
        for backend in ("sqlite", "postgresql"):
            folder = work / f"{name}-{backend}"
            folder.mkdir(parents=True, exist_ok=True)
            if backend == "sqlite":
                got[backend] = run_order(f"sqlite:///{folder / 'store.sqlite'}", tree, order, folder, as_of)
            else:
                db_name = f"backends_same_{os.getpid()}_{name.replace('-', '_')}"
                try:
                    got[backend] = run_order(fresh_pg(admin, db_name), tree, order, folder, as_of)
                finally:
                    drop_pg(admin, db_name)
        problems = compare(got["sqlite"], got["postgresql"], order)
        last = got["sqlite"]["steps"][-1]
        failures += said(f"{name}: {len(got['sqlite']['steps'])} step(s), {len(last)} files at the end, "
                         f"status exit {got['sqlite']['status'][0]}/{got['postgresql']['status'][0]}", problems)
    return failures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("trees", nargs="*", type=Path)
    parser.add_argument("--seeds", default="1")
    parser.add_argument("--postgres", default=os.environ.get("MOFCOM_WATCH_TEST_PG"),
                        help="an admin URL of a PostgreSQL server (default: MOFCOM_WATCH_TEST_PG)")
    parser.add_argument("--keep", type=Path, help="keep the stores and feeds under this folder")
    args = parser.parse_args(argv)
    if not args.postgres:
        parser.error("no PostgreSQL server: --postgres URL or MOFCOM_WATCH_TEST_PG")
    trees = args.trees or [ROOT / t for t in TREES]
    seeds = [int(s) for s in args.seeds.split(",") if s]
    failures = 0
    for n, tree in enumerate(trees):
        as_of = STORY_AS_OF if tree.resolve().parent.name.startswith("stories") else AS_OF
        with _today(as_of):
            if args.keep:
                work = args.keep / f"{n:02d}-{tree.parent.name}-{tree.name}"
                failures += run_tree(tree.resolve(), work, seeds, as_of, args.postgres)
            else:
                with tempfile.TemporaryDirectory(prefix="backends-same-") as tmp:
                    failures += run_tree(tree.resolve(), Path(tmp), seeds, as_of, args.postgres)
    print(f"{failures} order(s) differ")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
