"""Benchmark: full extraction vs. the floor, a Lexbor parse plus ``.text()`` of the container.

    .venv/bin/python bench/parse.py [--rounds N] [--runs K] [--dir fixtures] [--before DIR]

Both run side by side in one process, alternating, K times; the figures are the
medians of CPU time (``time.process_time``: the machine is shared, and time spent
waiting for a core is neither side's work). The floor parses the decoded text with Lexbor and takes ``.text()`` of the
page's article container (the selector is found before timing; ``<body>`` when the
page has none). Full extraction starts from the raw bytes (decoding is part of it).
Unusable pages (JS shells) are timed too: rejecting them is part of the work.
Target (issue 11): full / floor <= 4.

``--before DIR`` (a checkout of an older commit, ``git worktree add DIR REV``) compares two
parsers on the same pages: each of the K runs starts this script once with one run in each
tree, one after the other, and the medians of their ratios are printed side by side.
"""

from __future__ import annotations

import argparse
import gc
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from selectolax.lexbor import LexborHTMLParser  # noqa: E402

from scraper.charset import decode  # noqa: E402
from scraper.parse import parse_document  # noqa: E402
from scraper.parse.article import find_container  # noqa: E402
from storage.records import UnusablePage  # noqa: E402

SUFFIXES = {".html", ".htm", ".txt", ".json", ".shtml"}
TARGET = 4.0
RATIO_RE = re.compile(r"^ratio full / floor\s*:\s*([\d.]+)x", re.MULTILINE)


def load(root: Path) -> list[tuple[str | None, bytes, str, str | None]]:
    """(url, raw bytes, decoded text, container selector or None) per page."""
    pages = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in SUFFIXES:
            rel = path.relative_to(root)
            url = "https://" + rel.as_posix() if "." in rel.parts[0] else None
            raw = path.read_bytes()
            text = decode(raw)[0]
            pages.append((url, raw, text, find_container(LexborHTMLParser(text))[0]))
    return pages


def timed(fn: Callable[[], None], rounds: int) -> float:
    gc.collect()  # each side starts with no garbage left by the other
    start = time.process_time()
    for _ in range(rounds):
        fn()
    return time.process_time() - start


def one_run_ratio(tree: Path, pages_dir: Path, rounds: int) -> float:
    """The ratio printed by one run of ``tree``'s own bench/parse.py (its own parser) on ``pages_dir``."""
    argv = [sys.executable, str(tree / "bench" / "parse.py"), "--runs", "1", "--rounds", str(rounds), "--dir", str(pages_dir)]
    out = subprocess.run(argv, cwd=tree, capture_output=True, text=True, check=True).stdout
    found = RATIO_RE.search(out)
    if found is None:
        raise SystemExit(f"no ratio in the output of {' '.join(argv)}:\n{out}")
    return float(found.group(1))


def compare(before: Path, pages_dir: Path, rounds: int, runs: int) -> int:
    """Median ratios of the older tree and this one, measured alternately."""
    here = Path(__file__).resolve().parents[1]
    ratios: dict[str, list[float]] = {"before": [], "after": []}
    for _ in range(runs):
        ratios["before"].append(one_run_ratio(before.resolve(), pages_dir.resolve(), rounds))
        ratios["after"].append(one_run_ratio(here, pages_dir.resolve(), rounds))
    b, a = statistics.median(ratios["before"]), statistics.median(ratios["after"])
    print(f"{runs} runs each, alternating, {rounds} rounds per run (medians of full / floor)")
    print(f"before ({before}): {b:6.2f}x   runs: {' '.join(f'{r:.2f}' for r in ratios['before'])}")
    print(f"after  ({here}): {a:6.2f}x   runs: {' '.join(f'{r:.2f}' for r in ratios['after'])}")
    print(f"after / before          : {a / b:8.2f}  (target: ratio <= {TARGET:g}x)")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--rounds", type=int, default=20, help="passes over the pages per timed run")
    ap.add_argument("--runs", type=int, default=7, help="timed runs of each (medians are printed)")
    ap.add_argument("--dir", type=Path, default=Path(__file__).resolve().parents[1] / "fixtures")
    ap.add_argument("--before", type=Path, help="a checkout of an older commit to compare with, run alternately")
    args = ap.parse_args()
    if args.before is not None:
        return compare(args.before, args.dir, args.rounds, args.runs)
    pages = load(args.dir)
    if not pages:
        print(f"no pages under {args.dir}", file=sys.stderr)
        return 2

    def full() -> None:
        for url, raw, _, _ in pages:
            try:
                parse_document(raw, url=url)
            except UnusablePage:
                pass

    def floor() -> None:
        for _, _, text, selector in pages:
            tree = LexborHTMLParser(text)
            node = tree.css_first(selector) if selector else tree.body
            if node is not None:
                node.text()

    full(), floor()  # warm-up: imports, caches of compiled regexes
    fulls, floors = [], []
    for _ in range(args.runs):
        fulls.append(timed(full, args.rounds))
        floors.append(timed(floor, args.rounds))
    n = len(pages) * args.rounds
    t_full, t_floor = statistics.median(fulls), statistics.median(floors)
    ratio = statistics.median(f / g for f, g in zip(fulls, floors, strict=True))
    print(f"pages: {len(pages)} x {args.rounds} rounds, {args.runs} runs each, alternating (medians)")
    print(f"full extraction         : {n / t_full:8.0f} pages/s  ({t_full / n * 1e6:7.1f} us/page)")
    print(f"Lexbor parse + .text()  : {n / t_floor:8.0f} pages/s  ({t_floor / n * 1e6:7.1f} us/page)")
    print(f"ratio full / floor      : {ratio:8.2f}x  (target <= {TARGET:g}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
