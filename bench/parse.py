"""Benchmark: full extraction vs. the bare Lexbor parse of the same decoded text.

    .venv/bin/python bench/parse.py [--rounds N] [--dir fixtures]

Prints pages per second for both and the ratio (target: full <= 1.5x the floor).
Unusable pages (JS shells) are timed too: rejecting them is part of the work.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from selectolax.lexbor import LexborHTMLParser  # noqa: E402

from scraper.charset import decode  # noqa: E402
from scraper.parse import parse_document  # noqa: E402
from storage.records import UnusablePage  # noqa: E402

SUFFIXES = {".html", ".htm", ".txt", ".json", ".shtml"}


def load(root: Path) -> list[tuple[str | None, bytes, str]]:
    pages = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in SUFFIXES:
            rel = path.relative_to(root)
            url = "https://" + rel.as_posix() if "." in rel.parts[0] else None
            raw = path.read_bytes()
            pages.append((url, raw, decode(raw)[0]))
    return pages


def timed(fn, rounds: int) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(rounds):
            fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=50)
    ap.add_argument("--dir", type=Path, default=Path(__file__).resolve().parents[1] / "fixtures")
    args = ap.parse_args()
    pages = load(args.dir)
    if not pages:
        print(f"no pages under {args.dir}", file=sys.stderr)
        return 2

    def full() -> None:
        for url, raw, _ in pages:
            try:
                parse_document(raw, url=url)
            except UnusablePage:
                pass

    def floor() -> None:
        for _, _, text in pages:
            LexborHTMLParser(text)

    n = len(pages) * args.rounds
    t_full, t_floor = timed(full, args.rounds), timed(floor, args.rounds)
    print(f"pages: {len(pages)} x {args.rounds} rounds")
    print(f"full extraction : {n / t_full:10.0f} pages/s  ({t_full / n * 1e6:7.1f} us/page)")
    print(f"bare Lexbor     : {n / t_floor:10.0f} pages/s  ({t_floor / n * 1e6:7.1f} us/page)")
    print(f"ratio           : {t_full / t_floor:10.2f}x  (target <= 1.5x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
