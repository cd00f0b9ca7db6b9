"""Benchmark: the instructions each row of the rule tables costs a page (issue 11's parser row, where it goes).

    .venv/bin/python bench/parse_rules.py [--dir fixtures] [--only NAME,...] [--top N]

``bench/parse.py --instructions`` gives one figure for the whole parse; this splits the part the tables run
(``scraper.parse.rules``: RULES, REJECTS, CHECKS) row by row, in instructions (callgrind: repeatable on a shared
machine, where CPU time is not). Each page is parsed once as the service parses it, and every row's call is seen with
the views of ``Source`` that were computed before it (``draft.view``: a view a row computes first is that row's cost,
as in a real parse). Then each row is called again on every text that reached it, on a fresh ``Source`` with those
same views computed and the finished ``Draft``, counted alone under valgrind: one dump per row
(``--dump-after=functools_reduce``), the instructions divided by the pages (the figure ``bench/parse.py`` divides
by). A check sees exactly what it saw in the parse. A rule sees the finished draft: the rows filling ``drafts`` after
the first read its final value (a small error for those rows alone); a rule's own memo (``lru_cache``) is warm.

The sum of the checks is what the checks cost (perf53, session 52: 425,000 a page of 2,440,000, against 413,000 by
removing them all); the smallest rows (~550 a page) are the price of calling a row at all.
"""

from __future__ import annotations

import argparse
import functools
import gc
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _bench_parse() -> Any:
    """``bench/parse.py`` as a module (its ``load``: the same pages, read the same way), whatever the path."""
    spec = importlib.util.spec_from_file_location("bench_parse", Path(__file__).with_name("parse.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


load = _bench_parse().load

CHILD = "--child"
TOTALS_RE = re.compile(r"^(?:totals|summary):\s*(\d+)", re.MULTILINE)
BASE_FIELDS = ("text", "folded", "title_hint", "filing_no", "hints", "lead")
WARM_ROUNDS = 2  # calls of each row before its count: lazy patterns compiled, memos as a parse leaves them


def _rows() -> list[tuple[str, Callable[..., Any]]]:
    """(label, function) of every table row, in the order the tables run them."""
    from scraper.parse import rules

    return ([(f"rule {field}: {rule.__name__}", rule) for field, rule in rules.RULES]
            + [(f"reject {reject.__name__}", reject) for _, reject in rules.REJECTS]
            + [(f"check {check.__name__}", check) for check in rules.CHECKS])


def _seen(pages: list[tuple[str | None, bytes, str, str | None]]) -> dict[int, list[tuple[Any, Any, frozenset[str]]]]:
    """For each row (by index in ``_rows``), every (source, draft, views computed before it) of the pages' parse."""
    from scraper.parse import notice, parse_document, rules
    from storage.records import UnusablePage

    seen: dict[int, list[tuple[Any, Any, frozenset[str]]]] = {}

    def noting(i: int, fn: Callable[..., Any]) -> Callable[..., Any]:
        def row(src: Any, d: Any) -> Any:
            seen.setdefault(i, []).append((src, d, frozenset(src.__dict__)))
            return fn(src, d)
        row.__name__ = fn.__name__
        return row

    n_rules, n_rejects = len(rules.RULES), len(rules.REJECTS)
    run = notice.RUN_TABLES
    notice.RUN_TABLES = notice.compile_tables(
        [(field, noting(i, rule)) for i, (field, rule) in enumerate(rules.RULES)],
        [(field, noting(n_rules + i, reject)) for i, (field, reject) in enumerate(rules.REJECTS)],
        [noting(n_rules + n_rejects + i, check) for i, check in enumerate(rules.CHECKS)])
    try:
        for url, raw, _, _ in pages:
            try:
                parse_document(raw, url=url)
            except UnusablePage:
                pass
    finally:
        notice.RUN_TABLES = run
    return seen


def _fresh(src: Any, views: frozenset[str]) -> Any:
    """A new Source of ``src``'s text with ``views`` (and no other) computed."""
    from scraper.parse.draft import Source

    s = Source(**{name: getattr(src, name) for name in BASE_FIELDS})
    for name in views.difference(BASE_FIELDS):
        getattr(s, name)
    return s


def child(pages_dir: Path, names_file: Path, only: set[str]) -> None:
    """Under valgrind: each row's replay inside one ``functools.reduce`` (counted and dumped there alone)."""
    pages = load(pages_dir)
    seen = _seen(pages)
    names = []
    for i, (label, fn) in enumerate(_rows()):
        if (only and fn.__name__ not in only) or i not in seen:
            continue
        for _ in range(WARM_ROUNDS):
            for src, d, views in seen[i]:
                fn(_fresh(src, views), d)
        batch = [(_fresh(src, views), d) for src, d, views in seen[i]]
        gc.collect()

        def replay(batch: list[tuple[Any, Any]] = batch, fn: Callable[..., Any] = fn) -> None:
            for s, d in batch:
                fn(s, d)

        def once(acc: None, _: int, replay: Callable[[], None] = replay) -> None:
            replay()  # (inside functools.reduce: the one C function valgrind counts in)

        functools.reduce(once, range(1), None)
        names.append(label)
    names_file.write_text("\n".join(names) + "\n", "utf-8")
    print(len(pages))


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--dir", type=Path, default=Path(__file__).resolve().parents[1] / "fixtures")
    ap.add_argument("--only", default="", help="the rows (function names, comma-separated) to count; all by default")
    ap.add_argument("--top", type=int, default=0, help="print only the N costliest rows")
    ap.add_argument(CHILD, type=Path, help=argparse.SUPPRESS)  # (the process valgrind runs: its names file)
    args = ap.parse_args()
    only = {name for name in args.only.split(",") if name}
    if args.child is not None:
        child(args.dir, args.child, only)
        return 0
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        print("needs valgrind on PATH", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        out, names_file = Path(tmp) / "cg.out", Path(tmp) / "names.txt"
        argv = [valgrind, "--tool=callgrind", "--collect-atstart=no", "--toggle-collect=functools_reduce",
                "--dump-after=functools_reduce", f"--callgrind-out-file={out}", sys.executable, str(Path(__file__).resolve()),
                "--dir", str(args.dir), "--only", args.only, CHILD, str(names_file)]
        setarch = shutil.which("setarch")
        if setarch is not None:
            argv = [setarch, "-R", *argv]
        done = subprocess.run(argv, env={**os.environ, "PYTHONHASHSEED": "0"}, capture_output=True, text=True, check=True)
        count = int(done.stdout.split()[-1])
        names = names_file.read_text("utf-8").splitlines()
        costs = []
        for i, label in enumerate(names, start=1):
            found = TOTALS_RE.search(Path(f"{out}.{i}").read_text("utf-8"))
            costs.append((int(found.group(1)) / count if found else 0.0, label))
    print(f"pages: {count}; each row replayed alone under valgrind on the texts that reached it (instructions a page)")
    for kind in ("rule", "reject", "check"):
        total = sum(cost for cost, label in costs if label.startswith(kind))
        print(f"{kind + 's':8}: {total:10.0f}")
    for cost, label in sorted(costs, reverse=True)[: args.top or None]:
        print(f"{cost:10.0f}  {label}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
