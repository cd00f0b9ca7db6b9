"""Fault table: each fault struck on real processes and files, then a clean re-run, compared with one clean run.

    .venv/bin/python bench/faults.py [--kills 3] [--markdown]

Prints one table: fault, exit code of the faulted process, the first line of its message, rows lost
(rows of the clean store, or snapshots stored before the fault, missing after the re-run), false
items (published items the clean run does not publish), and recovered (store and feeds after the
re-run equal the clean run's, every feed valid). The same scenarios as ``tests/faults``; the disk
faults need root (a tmpfs), the PostgreSQL one the server binaries: rows that cannot run say why.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.faults import harness as h  # noqa: E402
from tests.faults.hostile import forbidden_in, hostile_tree  # noqa: E402
from tests.faults.postgres import postgres_stopped_mid_cycle, why_not  # noqa: E402
from tests.faults.resources import disk_full_store, feeds_fault, read_only_store  # noqa: E402
from tests.site_server import SiteServer  # noqa: E402

MESSAGE_WIDTH = 150


def hostile_names(baseline: h.Baseline, work: Path) -> h.Outcome:
    """Replay a page with hostile names, then publish: the feeds command's exit and message; rows lost =
    entities the page lists that were not stored; recovered = every feed written and valid."""
    tree = hostile_tree(work / "tree")
    db = f"sqlite:///{work / 'store.sqlite'}"
    replayed = h.cli(db, *h.replay_args(tree))
    published = h.cli(db, *h.feeds_args(work / "feeds"))
    short = sum(1 for line in replayed.err.splitlines() if line.startswith("count mismatch"))
    raw = forbidden_in(h.cli(db, "timeline", "Shield", "--as-of", h.AS_OF).out)
    ok = published.code in (0, 1) and not h.invalid_feeds(work / "feeds") and not raw
    return h.Outcome("hostile names: C0/C1, bidi, escapes, 10,000 chars (replay, feeds)", published.code,
                     published.first_line or replayed.first_line, short, 0, ok)


def lock_timeout(baseline: h.Baseline, work: Path) -> h.Outcome:
    """A writer told not to wait, while another (live) process holds the lock."""
    import subprocess

    db = f"sqlite:///{work / 'store.sqlite'}"
    shutil.copyfile(baseline.db_url.removeprefix("sqlite:///"), work / "store.sqlite")
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from storage.db import open_store; from storage.runlock import acquire, make_holder;"
        f"acquire(open_store({db!r}), holder=make_holder()); print('held', flush=True); time.sleep(60)")],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        faulted = h.cli(db, *h.replay_args(), env=h.cli_env(MOFCOM_WATCH_LOCK_WAIT="2"))
    finally:
        holder.kill()
        holder.wait()
    again = h.cli(db, *h.replay_args())
    assert again.code == baseline.code, again.err
    h.cli(db, *h.feeds_args(work / "feeds"))
    return h.judge("second writer, lock wait 2 s (replay)", faulted, baseline, db, work / "feeds")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=3, help="kill -9 points per command (seeded)")
    parser.add_argument("--markdown", action="store_true", help="a Markdown table (for the README)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="mofcom-watch-faults-"))
    rows: list[h.Outcome | tuple[str, str]] = []
    try:
        (work / "clean").mkdir()
        baseline = h.clean_replay(work / "clean")

        def scenario(name: str, fn: Callable[[Path], h.Outcome | tuple[h.Outcome, object]],
                     skip: str | None = None) -> None:
            if skip:
                rows.append((name, f"not run: {skip}"))
                return
            folder = Path(tempfile.mkdtemp(dir=work))
            result = fn(folder)
            rows.append(result[0] if isinstance(result, tuple) else result)
            print(f"done: {name}", file=sys.stderr)

        for writers in (2, 3):
            scenario(f"{writers} writers", lambda w, n=writers: h.concurrent_replays(baseline, w, n)[0])
        scenario("lock timeout", lambda w: lock_timeout(baseline, w))
        for after in h.kill_points(args.kills, baseline.busy, h.SEED):
            scenario("kill replay", lambda w, a=after: h.kill_replay(baseline, w, a))
        with SiteServer(h.FIXTURES, latency=0.01) as site:
            run_base = h.clean_run(Path(tempfile.mkdtemp(dir=work)), site.url)
            for after in h.kill_points(args.kills, run_base.busy, h.SEED + 1):
                scenario("kill run", lambda w, a=after: h.kill_run(run_base, w, site.url, a))
        mount = h.can_mount()
        scenario("disk full store", lambda w: disk_full_store(baseline, w), mount)
        scenario("read-only store", lambda w: read_only_store(baseline, w), mount)
        scenario("disk full feeds", lambda w: feeds_fault(baseline, w, full=True), mount)
        scenario("read-only feeds", lambda w: feeds_fault(baseline, w, full=False), mount)
        with SiteServer(h.FIXTURES, latency=0.05) as site:
            scenario("PostgreSQL stopped", lambda w: postgres_stopped_mid_cycle(site, w), why_not())
        scenario("hostile names", lambda w: hostile_names(baseline, w))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print_table([shorten(row, str(work)) for row in rows], markdown=args.markdown)
    return 0


def shorten(row: h.Outcome | tuple[str, str], work: str) -> h.Outcome | tuple[str, str]:
    """The bench's temporary folder as $TMP in messages: what the line says, not where it ran."""
    if isinstance(row, tuple):
        return row
    return h.Outcome(row.fault, row.code, row.message.replace(work, "$TMP"), row.lost, row.false, row.recovered)


def print_table(rows: list[h.Outcome | tuple[str, str]], *, markdown: bool) -> None:
    header = ("fault", "exit", "first line of the message", "rows lost", "false items", "recovered")
    lines = []
    for row in rows:
        if isinstance(row, tuple):
            lines.append((row[0], "", row[1], "", "", ""))
            continue
        message = row.message if len(row.message) <= MESSAGE_WIDTH else row.message[:MESSAGE_WIDTH - 1] + "…"
        lines.append((row.fault, str(row.code), message or "(none)", str(row.lost), str(row.false),
                      "yes" if row.recovered else "no"))
    if markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for line in lines:
            print("| " + " | ".join(cell.replace("|", "\\|") for cell in line) + " |")
        return
    widths = [max(len(r[i]) for r in [header, *lines]) for i in range(len(header))]
    for line in [header, *lines]:
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths)).rstrip())


if __name__ == "__main__":
    raise SystemExit(main())
