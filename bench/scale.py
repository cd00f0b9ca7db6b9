"""Benchmark: the CLI on a 1x / 10x / 100x corpus built from ``fixtures/`` (tests/corpus.py).

    .venv/bin/python bench/scale.py [--sizes 1,10,100] [--runs 3] [--big-runs N] [--before REV]

Per size, each run replays the corpus into a fresh SQLite file and times, as real CLI processes
(``python -m mofcom_watch``, pinned ``--fetched-at`` and ``--as-of``): the first ``replay``, a
no-change ``replay`` of the same folder, ``status --json``, ``feeds --out DIR`` and a no-change
``feeds --out DIR``. Figures are medians over the runs of wall time, of each child's CPU time (user +
system: steadier than wall time on a shared machine) and of its peak RSS (``os.wait4``), with the
database and feeds folder sizes. With ``--before REV`` the same sequence
runs, alternating with the current code run by run, on the code of REV (a temporary
``git worktree add --detach``, run with this interpreter and that tree first on the path; removed
afterwards). Ratios (issue 11): no-change replay / first replay at the largest size (target <= 0.05),
peak RSS of ``feeds --out`` largest / 1x (target <= 2), first replay at the largest size after /
before (target <= 0.6). Everything happens in one temporary folder, deleted at the end; each run's
store and feeds are deleted as soon as they are measured. ``replay`` exits 1 on the fixtures on
purpose (their count mismatches); 2, 3 and 4 stop the bench.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.corpus import build_corpus, corpus_as_of  # noqa: E402
from tests.faults.harness import cli_env  # noqa: E402

FETCHED_AT = "2026-11-29T02:00:00+00:00"
AS_OF = date(2026, 11, 29)  # the fixtures' as-of; each corpus moves it to its newest copy
STEPS = ("replay", "replay again", "status --json", "feeds --out", "feeds again")
TARGETS = {"no-change": 0.05, "rss": 2.0, "after/before": 0.6}
TIMEOUT = 3600.0  # seconds per command: a hung command stops the bench instead of the machine
MB = 1024 * 1024
BIG = 50  # sizes from here on take --big-runs and --before-steps


class BenchError(Exception):
    """A command failed (exit 2-4), timed out, or the code under test is not the code asked for."""


@dataclass(frozen=True)
class Code:
    """Which code runs: a name for the table and the tree put first on the path."""

    name: str
    tree: Path


MEASURES = ("wall s", "CPU s", "peak RSS MB")  # CPU: user + system of the child, steadier on a shared machine


@dataclass
class Sample:
    """Per measure and step, one figure per run; the store's and the feeds folder's sizes per run."""

    runs: dict[str, dict[str, list[float]]] = field(
        default_factory=lambda: {m: {s: [] for s in STEPS} for m in MEASURES})
    db_mb: list[float] = field(default_factory=list)
    feeds_mb: list[float] = field(default_factory=list)

    def median(self, step: str, measure: str = "wall s") -> float:
        """The median; NaN for a step not run (``--before-steps``)."""
        figures = self.runs[measure][step]
        return statistics.median(figures) if figures else math.nan


def child(code: Code, argv: list[str], log: Path) -> tuple[float, float, float, int]:
    """Run one CLI process of ``code``: (wall seconds, CPU seconds, peak RSS in MB, exit code); stderr to ``log``."""
    env = cli_env(PYTHONPATH=str(code.tree))
    if "--as-of" in argv:  # a corpus set in years to come (each copy 8 years on): that day is its today
        env["MOFCOM_WATCH_TODAY"] = argv[argv.index("--as-of") + 1]
    with log.open("wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "mofcom_watch", *argv], cwd=code.tree, env=env,
                                stdout=subprocess.DEVNULL, stderr=out)
        deadline = start + TIMEOUT
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                proc.returncode = os.waitstatus_to_exitcode(status)
                raise BenchError(f"{code.name}: {' '.join(argv[2:4])} ran past {TIMEOUT:.0f} s: killed")
            time.sleep(0.005)
        elapsed = time.perf_counter() - start
    proc.returncode = code_ = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, code_  # ru_maxrss: KiB on Linux


def size_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / MB
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / MB


def one_run(code: Code, corpus: Path, as_of: date, work: Path, sample: Sample, steps: int = len(STEPS)) -> None:
    """The first ``steps`` of the five commands in order on a fresh store; figures appended to ``sample``;
    store and feeds deleted."""
    work.mkdir()
    db, out, log = work / "store.sqlite", work / "feeds", work / "stderr.log"
    url = f"sqlite:///{db}"
    day = as_of.isoformat()
    argvs = {
        "replay": ["replay", str(corpus), "--fetched-at", FETCHED_AT, "--as-of", day],
        "replay again": ["replay", str(corpus), "--fetched-at", FETCHED_AT, "--as-of", day],
        "status --json": ["status", "--json", "--as-of", day],
        "feeds --out": ["feeds", "--out", str(out), "--as-of", day],
        "feeds again": ["feeds", "--out", str(out), "--as-of", day],
    }
    try:
        for step, argv in list(argvs.items())[:steps]:
            *figures, exit_code = child(code, ["--db", url, *argv], log)
            if exit_code not in (0, 1):  # 1: problems reported (the fixtures' count mismatches)
                lines = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
                raise BenchError(f"{code.name}: {step} exited {exit_code}: {lines[-1] if lines else '(no output)'}")
            for measure, figure in zip(MEASURES, figures, strict=True):
                sample.runs[measure][step].append(figure)
        sample.db_mb.append(sum(size_mb(p) for p in work.glob("store.sqlite*")))
        if out.exists():
            sample.feeds_mb.append(size_mb(out))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def check_code(code: Code) -> None:
    """The interpreter, run as the bench runs the CLI, imports the packages from ``code.tree``."""
    probe = ("import mofcom_watch, storage, scraper, feeds; "
             "print('\\n'.join(m.__file__ for m in (mofcom_watch, storage, scraper, feeds)))")
    done = subprocess.run([sys.executable, "-c", probe], cwd=code.tree, env=cli_env(PYTHONPATH=str(code.tree)),
                          capture_output=True, text=True, check=True)
    outside = [f for f in done.stdout.split() if not Path(f).resolve().is_relative_to(code.tree.resolve())]
    if outside:
        raise BenchError(f"{code.name}: imports {outside[0]}, not from {code.tree}")


def warm(code: Code) -> None:
    """Compile the tree's modules and start the CLI once, so no timed run pays for writing .pyc files."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", "mofcom_watch", "storage", "scraper", "feeds"],
                   cwd=code.tree, capture_output=True)
    subprocess.run([sys.executable, "-m", "mofcom_watch", "--help"], cwd=code.tree,
                   env=cli_env(PYTHONPATH=str(code.tree)), capture_output=True)


def worktree(rev: str, where: Path) -> Code:
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(where), rev], check=True,
                   capture_output=True, text=True)
    short = subprocess.run(["git", "-C", str(where), "rev-parse", "--short", "HEAD"], check=True,
                           capture_output=True, text=True).stdout.strip()
    return Code(f"before {short}", where)


def current_name() -> str:
    done = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    return f"after {done.stdout.strip() or '?'}{'+changes' if dirty else ''}"


def print_table(results: dict[tuple[int, str], Sample], runs: dict[int, int]) -> None:
    """One table per measure (medians over the runs), the sizes with the wall times."""
    for measure in MEASURES:
        sizes = measure == MEASURES[0]
        print(f"{measure} (median) per command" + ("; store and feeds folder in MB" if sizes else ""))
        print(f"{'size':>5} {'code':<22} " + " ".join(f"{s:>13}" for s in STEPS)
              + (f" {'db MB':>7} {'feeds MB':>8}" if sizes else ""))
        for (n, name), sample in results.items():
            cells = " ".join(f"{sample.median(s, measure):>13.{0 if 'MB' in measure else 2}f}" for s in STEPS)
            tail = (f" {_median(sample.db_mb):>7.1f} {_median(sample.feeds_mb):>8.1f}" if sizes else "")
            print(f"{f'{n}x':>5} {name:<22} {cells}{tail}")
        print()
    print("runs per size and code: " + ", ".join(f"{n}x: {k}" for n, k in runs.items()))


def _median(figures: list[float]) -> float:
    return statistics.median(figures) if figures else math.nan


def ratio_line(label: str, value: float, target: float | None, cpu: float | None = None) -> str:
    if math.isnan(value):
        return f"{label:<62} (not measured)"
    shown = f"{value:>7.3f}" + (f" ({cpu:.3f})" if cpu is not None else " " * 8)
    if target is None:
        return f"{label:<62} {shown}  (no target)"
    return f"{label:<62} {shown}  target <= {target:g}: {'met' if value <= target else 'NOT met'}"


def print_ratios(results: dict[tuple[int, str], Sample], codes: list[Code], sizes: list[int]) -> None:
    big, small = max(sizes), min(sizes)
    print("ratios (of medians measured in this run; wall time, and CPU time in brackets)")
    for code in codes:
        s = results[(big, code.name)]
        print(ratio_line(f"[{code.name}] no-change replay / first replay, {big}x",
                         s.median("replay again") / s.median("replay"), TARGETS["no-change"],
                         s.median("replay again", "CPU s") / s.median("replay", "CPU s")))
        print(ratio_line(f"[{code.name}] no-change feeds --out / first, {big}x",
                         s.median("feeds again") / s.median("feeds --out"), None,
                         s.median("feeds again", "CPU s") / s.median("feeds --out", "CPU s")))
        if big != small:
            rss = "peak RSS MB"
            print(ratio_line(f"[{code.name}] peak RSS of feeds --out, {big}x / {small}x",
                             s.median("feeds --out", rss) / results[(small, code.name)].median("feeds --out", rss),
                             TARGETS["rss"]))
    if len(codes) == 2:
        after, before = results[(big, codes[0].name)], results[(big, codes[1].name)]
        print(ratio_line(f"first replay at {big}x, {codes[0].name} / {codes[1].name}",
                         after.median("replay") / before.median("replay"), TARGETS["after/before"],
                         after.median("replay", "CPU s") / before.median("replay", "CPU s")))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,100", help="corpus sizes, comma-separated (default 1,10,100)")
    parser.add_argument("--runs", type=int, default=3, help="runs per size and code (medians are taken over them)")
    parser.add_argument("--big-runs", type=int, default=None, help="runs at sizes of 50x and more (default: --runs)")
    parser.add_argument("--before", metavar="REV", help="also measure the code of this git revision, alternating")
    parser.add_argument("--before-steps", type=int, default=len(STEPS), choices=range(1, len(STEPS) + 1),
                        help="at sizes of 50x and more, run only the first N commands with the --before code "
                             "(1: the first replay, all the after/before ratio needs)")
    args = parser.parse_args()
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    if not sizes or min(sizes) < 1 or args.runs < 1:
        parser.error("--sizes takes positive integers, --runs at least 1")
    runs = {n: (args.big_runs or args.runs) if n >= BIG else args.runs for n in sizes}
    results: dict[tuple[int, str], Sample] = {}
    with tempfile.TemporaryDirectory(prefix="mofcom-scale-") as tmp:
        work = Path(tmp)
        codes = [Code(current_name(), ROOT)]
        try:
            if args.before:
                codes.append(worktree(args.before, work / "before"))
            for code in codes:
                check_code(code)
                warm(code)
            for n in sizes:
                corpus = build_corpus(n, work / f"corpus-{n}x")
                as_of = corpus_as_of(n, AS_OF)
                for code in codes:
                    results[(n, code.name)] = Sample()
                for i in range(runs[n]):
                    order = codes if i % 2 == 0 else codes[::-1]  # alternate who runs first
                    for code in order:
                        print(f"{n}x run {i + 1}/{runs[n]}: {code.name}", file=sys.stderr, flush=True)
                        steps = args.before_steps if code is not codes[0] and n >= BIG else len(STEPS)
                        one_run(code, corpus, as_of, work / "run", results[(n, code.name)], steps)
                shutil.rmtree(corpus)
        except BenchError as exc:
            print(f"bench/scale.py: {exc}", file=sys.stderr)
            return 2
        finally:
            if args.before:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(work / "before")],
                               capture_output=True)
                subprocess.run(["git", "-C", str(ROOT), "worktree", "prune"], capture_output=True)
    print_table(results, runs)
    print_ratios(results, codes, sizes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
