"""Benchmark: full extraction vs. the floor, a Lexbor parse plus ``.text()`` of the container.

    .venv/bin/python bench/parse.py [--rounds N] [--runs K] [--dir fixtures] [--before DIR] [--fresh] [--instructions]
                                    [--split] [--interleaved]

Both run side by side in one process, alternating, K times; the figures are the
medians of CPU time (``time.process_time``: the machine is shared, and time spent
waiting for a core is neither side's work). The floor parses the decoded text with Lexbor and takes ``.text()`` of the
page's article container (the selector is found before timing; ``<body>`` when the
page has none). Full extraction starts from the raw bytes (decoding is part of it).
Unusable pages (JS shells) are timed too: rejecting them is part of the work.
Target (issue 11): full / floor <= 4.

The floor's time moves with the state of the process it runs in (memory left by the other side),
so two steadier readings of the same ratio are offered: ``--fresh`` times each side in a process
of its own (a fresh one for every run, alternating), and ``--instructions`` counts the instructions
each side executes under valgrind (callgrind, only inside the timed loop; ``PYTHONHASHSEED=0``; under
``setarch -R`` where it is found, so addresses are not randomised): a count does not move with the load of a shared
machine, and hardly from run to run (address randomisation moved it by 3,000-5,500 a page, perf49: as much as one trim; under
``setarch -R`` two runs differ by ~600).

``--split`` says where full extraction's time goes, each part against the floor (alternating, in one
process): the document level alone (everything but the text rules: ``document.read_notice`` answered from a
memo of its own answers), the text rules (full minus that), and merely building the records the
rules return (every NoticeRecord, EntityRecord, ActionRecord and NoticeRef made again through its
constructor): what any reading in Python that gives the same records must spend at least.

``--interleaved`` times the two sides page by page, one page's full extraction and then its floor (CPU time
around each call), so the floor runs with the caches and branch predictors as a parse leaves them, as Lexbor does
inside the service; and the floor again page by page alone, which reads as the plain floor when the per-call timing
costs nothing of note. It says how much of the plain ratio is the floor's tight loop (one C library hot in every
cache, 47 times over) rather than the parser's own work; the target's figure stays the plain run's.

``--before DIR`` (a checkout of an older commit, ``git worktree add DIR REV``) compares two
parsers on the same pages: each of the K runs starts this script once with one run in each
tree, one after the other, and the medians of their ratios are printed side by side.
"""

from __future__ import annotations

import argparse
import functools
import gc
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from selectolax.lexbor import LexborHTMLParser  # noqa: E402

# The floor side's own process under valgrind (``--floor-pages``, see instructions()) reads its pages from a file and
# never imports the parser: that import was most of its time. Every other process imports as it always did.
FLOOR_PROCESS = "--floor-pages" in sys.argv
if not FLOOR_PROCESS:
    from scraper.charset import decode
    from scraper.parse import parse_document
    from scraper.parse.article import find_container
    from storage.records import UnusablePage

SUFFIXES = {".html", ".htm", ".txt", ".json", ".shtml"}
TARGET = 4.0
RATIO_RE = re.compile(r"^ratio full / floor\s*:\s*([\d.]+)x", re.MULTILINE)
SIDE_RE = re.compile(r"^cpu ([\d.]+)$", re.MULTILINE)
COLLECTED_RE = re.compile(r"Collected : (\d+)")


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
    # The rounds run inside functools.reduce (a C function met nowhere else in a parse), which is
    # where ``--instructions`` switches valgrind's counting on and off.
    functools.reduce(lambda acc, _: (fn(), acc)[1], range(rounds), None)
    return time.process_time() - start


def floor_pages(pages: list[tuple[str | None, bytes, str, str | None]], into: Path) -> Path:
    """What the floor side needs of ``pages`` (decoded text, container selector), for its own process."""
    import json  # here, as tempfile below: the timed processes import what they always did

    into.write_text(json.dumps([[text, selector] for _, _, text, selector in pages], ensure_ascii=False), "utf-8")
    return into


def read_floor_pages(path: Path) -> list[tuple[str | None, bytes, str, str | None]]:
    """:func:`floor_pages`' file back as pages (no URL, no bytes: the floor uses neither)."""
    import json

    return [(None, b"", text, selector) for text, selector in json.loads(path.read_text("utf-8"))]


def sides(pages: list[tuple[str | None, bytes, str, str | None]]) -> dict[str, Callable[[], None]]:
    """The two timed sides over ``pages``: full extraction from the raw bytes, and the floor."""

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

    return {"full": full, "floor": floor}


def split(pages: list[tuple[str | None, bytes, str, str | None]], rounds: int, runs: int) -> int:
    """Medians of the document level, the records' construction and the floor, alternating (see the module's
    docstring); each against the floor, and the text rules as full minus the document level."""
    import dataclasses

    import scraper.parse.document as document  # where parse_document finds read_notice (parse_text and its clean text)
    from storage.records import ActionRecord, EntityRecord, NoticeRecord, NoticeRef

    run = sides(pages)
    real = document.read_notice
    answers: dict[str, tuple[NoticeRecord | None, str]] = {}

    def recording(text: str, hints: object) -> tuple[NoticeRecord | None, str]:
        answers[text] = found = real(text, hints)  # type: ignore[arg-type]
        return found

    def document_level() -> None:
        document.read_notice = lambda text, hints: answers[text]  # type: ignore[assignment]
        try:
            run["full"]()
        finally:
            document.read_notice = real

    made = (NoticeRecord, EntityRecord, ActionRecord, NoticeRef)

    def again(value: object) -> object:
        if isinstance(value, made):
            return type(value)(*[again(getattr(value, f.name)) for f in dataclasses.fields(value)])
        return tuple([again(v) for v in value]) if isinstance(value, tuple) else value

    document.read_notice = recording  # type: ignore[assignment]
    try:
        run["full"]()
    finally:
        document.read_notice = real
    records = [r for r, _ in answers.values() if r is not None]

    def building() -> None:
        for record in records:
            again(record)

    # The floor right after full, as in the plain run: its time moves with what ran just before it in the process
    # (after "records built" it read 35-37 us a page against 27 after full, on the same machine in the same hour).
    parts = {"full": run["full"], "floor": run["floor"], "document level": document_level, "records built": building}
    for part in parts.values():
        part()  # warm-up
    times: dict[str, list[float]] = {name: [] for name in parts}
    for _ in range(runs):
        for name, part in parts.items():
            times[name].append(timed(part, rounds))
    n = len(pages) * rounds
    med = {name: statistics.median(t) for name, t in times.items()}
    med["text rules"] = med["full"] - med["document level"]
    print(f"pages: {len(pages)} x {rounds} rounds, {runs} runs each, alternating (medians); {len(records)} records")
    for name in ("full", "document level", "text rules", "records built", "floor"):
        print(f"{name:24}: {med[name] / n * 1e6:7.1f} us/page  {med[name] / med['floor']:5.2f}x the floor")
    return 0


def interleaved(pages: list[tuple[str | None, bytes, str, str | None]], rounds: int, runs: int) -> int:
    """Medians of each side timed page by page: full then floor for each page, and the floor alone (see the
    module's docstring)."""
    clock = time.process_time

    def full_page(url: str | None, raw: bytes) -> None:
        try:
            parse_document(raw, url=url)
        except UnusablePage:
            pass

    def floor_page(text: str, selector: str | None) -> None:
        tree = LexborHTMLParser(text)
        node = tree.css_first(selector) if selector else tree.body
        if node is not None:
            node.text()

    def both() -> tuple[float, float]:
        full = floor = 0.0
        for _ in range(rounds):
            for url, raw, text, selector in pages:
                start = clock()
                full_page(url, raw)
                middle = clock()
                floor_page(text, selector)
                floor += clock() - middle
                full += middle - start
        return full, floor

    def floor_alone() -> float:
        floor = 0.0
        for _ in range(rounds):
            for _, _, text, selector in pages:
                start = clock()
                floor_page(text, selector)
                floor += clock() - start
        return floor

    both(), floor_alone()  # warm-up
    fulls: list[float] = []
    floors: list[float] = []
    alone: list[float] = []
    for _ in range(runs):
        gc.collect()
        full, floor = both()
        fulls.append(full)
        floors.append(floor)
        gc.collect()
        alone.append(floor_alone())
    n = len(pages) * rounds
    t_full, t_floor, t_alone = statistics.median(fulls), statistics.median(floors), statistics.median(alone)
    ratio = statistics.median(f / g for f, g in zip(fulls, floors, strict=True))
    print(f"pages: {len(pages)} x {rounds} rounds, {runs} runs, page by page: each page's full extraction, then its floor"
          " (medians)")
    print(f"full extraction         : {t_full / n * 1e6:7.1f} us/page")
    print(f"Lexbor parse + .text()  : {t_floor / n * 1e6:7.1f} us/page  right after the page's full extraction")
    print(f"Lexbor parse + .text()  : {t_alone / n * 1e6:7.1f} us/page  page by page alone (the timing's own cost)")
    print(f"ratio full / floor, page by page: {ratio:5.2f}x  (full / the floor alone: {t_full / t_alone:.2f}x; the"
          " target's figure is the plain run's)")
    return 0


def one_side(side: str, pages_dir: Path, rounds: int, valgrind: str | None = None, floor_file: Path | None = None
             ) -> float:
    """CPU seconds (or, with ``valgrind``, instructions) of ``rounds`` passes of one side, timed in
    a fresh process of its own (the floor's pages read from ``floor_file`` if given: :func:`floor_pages`)."""
    pages = ["--floor-pages", str(floor_file)] if side == "floor" and floor_file is not None else ["--dir", str(pages_dir)]
    argv = [sys.executable, str(Path(__file__).resolve()), "--side", side, "--rounds", str(rounds), *pages]
    if valgrind is None:
        return measured(argv, SIDE_RE)
    argv = [valgrind, "--tool=callgrind", "--toggle-collect=functools_reduce", "--callgrind-out-file=/dev/null", *argv]
    setarch = shutil.which("setarch")  # (util-linux: no address randomisation, the same count every run)
    if setarch is not None:
        argv = [setarch, "-R", *argv]
    return measured(argv, COLLECTED_RE, env={**os.environ, "PYTHONHASHSEED": "0"}, stderr=True)


def measured(argv: list[str], pattern: re.Pattern[str], cwd: Path | None = None, env: dict[str, str] | None = None,
             stderr: bool = False) -> float:
    """The number ``pattern`` finds in what ``argv`` prints (on stderr for valgrind's count)."""
    done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, check=True)
    out = done.stderr if stderr else done.stdout
    found = pattern.search(out)
    if found is None:
        raise SystemExit(f"no figure in the output of {' '.join(argv)}:\n{out}")
    return float(found.group(1))


def fresh(pages_dir: Path, rounds: int, runs: int, count: int) -> int:
    """Each side in fresh processes, alternating: medians of CPU time and of the ratio."""
    fulls, floors = [], []
    for _ in range(runs):
        fulls.append(one_side("full", pages_dir, rounds))
        floors.append(one_side("floor", pages_dir, rounds))
    return report(fulls, floors, count, rounds, "every side in a fresh process, alternating")


def report(fulls: list[float], floors: list[float], count: int, rounds: int, how: str) -> int:
    """Print the medians of both sides' CPU times and of their ratio."""
    n = count * rounds
    t_full, t_floor = statistics.median(fulls), statistics.median(floors)
    ratio = statistics.median(f / g for f, g in zip(fulls, floors, strict=True))
    print(f"pages: {count} x {rounds} rounds, {len(fulls)} runs each, {how} (medians)")
    print(f"full extraction         : {n / t_full:8.0f} pages/s  ({t_full / n * 1e6:7.1f} us/page)")
    print(f"Lexbor parse + .text()  : {n / t_floor:8.0f} pages/s  ({t_floor / n * 1e6:7.1f} us/page)")
    print(f"ratio full / floor      : {ratio:8.2f}x  (target <= {TARGET:g}x)")
    return 0


def instructions(pages_dir: Path, rounds: int, pages: list[tuple[str | None, bytes, str, str | None]]) -> int:
    """Instructions of each side under valgrind, and their ratio (one run each: counts are steady). The floor's
    process reads the decoded pages and their selectors from a file (it imports no parser)."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        print("--instructions needs valgrind on PATH", file=sys.stderr)
        return 2
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        floor_file = floor_pages(pages, Path(tmp) / "floor.json")
        full = one_side("full", pages_dir, rounds, valgrind)
        floor = one_side("floor", pages_dir, rounds, valgrind, floor_file)
    count = len(pages)
    n = count * rounds
    print(f"pages: {count} x {rounds} rounds, each side under valgrind in a process of its own (PYTHONHASHSEED=0)")
    print(f"full extraction         : {full / n:10.0f} instructions/page")
    print(f"Lexbor parse + .text()  : {floor / n:10.0f} instructions/page")
    print(f"instructions full / floor: {full / floor:7.2f}x  (target for the time ratio: <= {TARGET:g}x)")
    return 0


def one_run_ratio(tree: Path, pages_dir: Path, rounds: int) -> float:
    """The ratio printed by one run of ``tree``'s own bench/parse.py (its own parser) on ``pages_dir``."""
    argv = [sys.executable, str(tree / "bench" / "parse.py"), "--runs", "1", "--rounds", str(rounds), "--dir", str(pages_dir)]
    return measured(argv, RATIO_RE, cwd=tree)


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
    ap.add_argument("--fresh", action="store_true", help="time each side in fresh processes of its own")
    ap.add_argument("--instructions", action="store_true", help="count each side's instructions under valgrind")
    ap.add_argument("--split", action="store_true",
                    help="the document level, the text rules and building their records, each against the floor")
    ap.add_argument("--interleaved", action="store_true",
                    help="time the sides page by page, each page's floor right after its full extraction")
    ap.add_argument("--side", choices=("full", "floor"), help=argparse.SUPPRESS)  # one side, for --fresh
    ap.add_argument("--floor-pages", type=Path, help=argparse.SUPPRESS)  # the floor side's pages (floor_pages)
    args = ap.parse_args()
    if args.before is not None:
        return compare(args.before, args.dir, args.rounds, args.runs)
    pages = read_floor_pages(args.floor_pages) if FLOOR_PROCESS else load(args.dir)
    if not pages:
        print(f"no pages under {args.dir}", file=sys.stderr)
        return 2
    if args.fresh:
        return fresh(args.dir, args.rounds, args.runs, len(pages))
    if args.instructions:
        return instructions(args.dir, args.rounds, pages)
    if args.split:
        return split(pages, args.rounds, args.runs)
    if args.interleaved:
        return interleaved(pages, args.rounds, args.runs)
    run = sides(pages)
    if args.side is not None:
        run[args.side]()  # warm-up: imports, caches of compiled regexes
        print(f"cpu {timed(run[args.side], args.rounds):.6f}")
        return 0
    full, floor = run["full"], run["floor"]
    full(), floor()  # warm-up: imports, caches of compiled regexes
    fulls, floors = [], []
    for _ in range(args.runs):
        fulls.append(timed(full, args.rounds))
        floors.append(timed(floor, args.rounds))
    return report(fulls, floors, len(pages), args.rounds, "alternating")


if __name__ == "__main__":
    raise SystemExit(main())
