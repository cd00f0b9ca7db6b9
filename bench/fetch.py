"""Fetch benchmark: N synthetic notices from a local server with added latency (loopback only).

    .venv/bin/python bench/fetch.py [--n 1000] [--latency 0.05] [--per-host 8] [--runs 3] [--before REV]

The site server runs in this process; every run of the code under test is a child process
(``--before REV``: the same runs, interleaved, for the tree of git revision REV, exported with
``git archive`` into a temporary folder). Per tree it prints:

(a) the first full crawl: requests, bodies, notices stored, time next to the sum of latencies;
(b) the no-change run (every request answered 304): requests, bodies received, pages parsed
    (target: zero bodies, zero parses);
(c) the no-change run's **time outside HTTP / total** (issue 11's target: <= 0.2), medians of
    ``--runs`` runs, three ways: ``run_cycle`` in a process that has run a cycle before (``schedule``,
    ``serve --schedule``; how the issue measured it: the second of two cycles in one process), the
    first ``run_cycle`` of a fresh process (imports done, but every first-use cost paid), and the
    whole CLI ``mofcom-watch run`` (start-up and imports included) timed from outside, as cron runs it.

How "time in HTTP" is measured: the server records, per request, when it started answering and
when the answer was written (``time.monotonic()``, one clock for every process on the machine).
Time in HTTP is the union of those intervals inside the run's window: wall time during which at
least one request was being answered, so parallel requests are not counted twice and the
latency's own time on the critical path is all that is taken off. Whatever the client does
around a request (connecting, sending, reading the answer) counts as *outside* HTTP: the ratio
errs against the code under test. Bounded: N <= 5000, nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.site_server import SiteServer  # noqa: E402

HOST = "www.mofcom.gov.cn"
SOURCE = "mofcom-policy-list"
AS_OF = "2030-12-31"
PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<meta name="SiteName" content="中华人民共和国商务部"><meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="{day} 10:00"><title>{title}</title></head><body>
<div class="art-con art-con-bottonmLine">
<p>【发布单位】安全与管制局</p><p>【发布文号】商务部公告2030年第{n}号</p><p>【发文日期】{cn_day}</p>
<p>根据《中华人民共和国出口管制法》等法律法规有关规定，为维护国家安全和利益，决定将测试{n}甲公司等2家美国实体列入出口管制管控名单（见附件），并采取以下措施：</p>
<p>一、禁止向上述2家美国实体出口两用物项；正在开展的相关出口活动应当立即停止。</p>
<p>本公告自公布之日起正式实施。</p><p>商务部</p><p>{cn_day}</p>
<p>附件：出口管制管控名单（{cn_day}）</p>
<p>1. 测试{n}甲公司（Bench {n} Alpha Inc.）</p><p>2. 测试{n}乙公司（Bench {n} Beta LLC）</p>
</div></body></html>"""

# Runs run_cycle COUNT times in a child process (the tree under test first on sys.path) and prints
# what each did as one JSON line; the monotonic clock brackets run_cycle alone (imports excluded).
DRIVER = """
import json, resource, sys, time
tree, data_dir, base, as_of, count = sys.argv[1:6]
sys.path.insert(0, tree)
from datetime import date
from pathlib import Path
from mofcom_watch.config import load_settings
from mofcom_watch.cycle import run_cycle
from scraper.sources import load_sources

settings = load_settings()
sources = [s for s in load_sources() if s.name == "%s"]
for _ in range(int(count)):
    start = time.monotonic()
    r = run_cycle(settings, as_of=date.fromisoformat(as_of), base_urls={"%s": base}, sources=sources,
                  out_dir=Path(data_dir) / "feeds", progress=False)
    end = time.monotonic()
    print(json.dumps({"start": start, "end": end, "requests": r.requests, "not_modified": r.not_modified,
                      "bodies": r.bodies, "body_bytes": r.body_bytes, "parsed": r.parsed, "ok": r.ok,
                      "new": sum(s.counts.new for s in r.sources), "events": r.new_events,
                      "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}), flush=True)
""" % (SOURCE, HOST)


def synthetic_site(n: int) -> dict[str, bytes]:
    pages = {}
    for i in range(1, n + 1):
        month, day = 1 + (i * 7) % 12, 1 + i % 28
        iso = f"2030-{month:02d}-{day:02d}"
        hexid = hashlib.md5(f"bench-{i}".encode()).hexdigest()
        title = f"商务部公告2030年第{i}号 关于将测试{i}甲公司等2家美国实体列入出口管制管控名单的公告"
        body = PAGE.format(title=title, day=iso, n=i, cn_day=f"2030年{month}月{day}日")
        pages[f"{HOST}/zwgk/zcfb/art/2030/art_{hexid}.html"] = body.encode("utf-8")
    return pages


def busy_seconds(spans: list[tuple[float, float]], start: float, end: float) -> float:
    """Wall time in [start, end] during which at least one request was being answered."""
    total, reach = 0.0, start
    for a, b in sorted(spans):
        a, b = max(a, reach), min(b, end)
        if b > a:
            total += b - a
            reach = b
    return total


@dataclass
class Tree:
    label: str
    path: Path
    data: Path
    fresh: list[tuple[float, float]] = field(default_factory=list)  # (total, in HTTP) per run
    warm: list[tuple[float, float]] = field(default_factory=list)
    cli: list[tuple[float, float]] = field(default_factory=list)
    first: dict[str, float] = field(default_factory=dict)
    first_s: float = 0.0
    nochange: dict[str, float] = field(default_factory=dict)

    def env(self, per_host: int) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("MOFCOM_WATCH_")}
        env.update(PYTHONPATH=str(self.path), MOFCOM_WATCH_DATA_DIR=str(self.data), MOFCOM_WATCH_REQUEST_DELAY="0",
                   MOFCOM_WATCH_PER_HOST=str(per_host), MOFCOM_WATCH_CONCURRENCY=str(per_host),
                   MOFCOM_WATCH_RETRIES="1", MOFCOM_WATCH_TIMEOUT="30",
                   MOFCOM_WATCH_TODAY=AS_OF)  # the corpus's notices reach 2030: that day is its today (run refuses a later one)
        return env


def export(rev: str, into: Path) -> Path:
    """The files of git revision ``rev`` (no checkout, no worktree: the repository is not touched)."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def run_driver(tree: Tree, site: SiteServer, per_host: int, count: int = 1) -> list[tuple[dict[str, float], float, float]]:
    """``count`` run_cycle calls in one child process: per call its report, its time, and the
    time in HTTP within it."""
    site.reset_hits()
    out = subprocess.run([sys.executable, "-c", DRIVER, str(tree.path), str(tree.data), site.base_url(HOST), AS_OF,
                          str(count)], env=tree.env(per_host), cwd=tree.path, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"{tree.label}: run_cycle failed:\n{out.stderr[-3000:]}")
    spans = list(site.spans)
    reports = [json.loads(line) for line in out.stdout.strip().splitlines() if line.startswith("{")]
    return [(r, r["end"] - r["start"], busy_seconds(spans, r["start"], r["end"])) for r in reports]


def run_cli(tree: Tree, site: SiteServer, per_host: int) -> tuple[float, float]:
    """One ``mofcom-watch run`` (python -m mofcom_watch) as a user or cron starts it."""
    site.reset_hits()
    cmd = [sys.executable, "-m", "mofcom_watch", "run", "--base-url", f"{HOST}={site.base_url(HOST)}",
           "--as-of", AS_OF, "--source", SOURCE, "--out", str(tree.data / "feeds"), "--no-progress"]
    start = time.monotonic()
    out = subprocess.run(cmd, env=tree.env(per_host), cwd=tree.path, capture_output=True, text=True)
    end = time.monotonic()
    if out.returncode not in (0, 1):
        raise SystemExit(f"{tree.label}: mofcom-watch run exited {out.returncode}:\n{out.stderr[-3000:]}")
    return end - start, busy_seconds(list(site.spans), start, end)


def outside(runs: list[tuple[float, float]]) -> tuple[float, float, float]:
    """Medians: total, time in HTTP, (total - HTTP) / total."""
    return (statistics.median(t for t, _ in runs), statistics.median(h for _, h in runs),
            statistics.median((t - h) / t for t, h in runs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--per-host", type=int, default=8)
    parser.add_argument("--runs", type=int, default=3, help="no-change runs per tree and way (medians)")
    parser.add_argument("--before", metavar="REV", help="also measure git revision REV, side by side")
    args = parser.parse_args()
    n = max(1, min(args.n, 5000))
    runs = max(1, args.runs)
    with tempfile.TemporaryDirectory() as tmp, SiteServer(None, latency=args.latency, pages=synthetic_site(n)) as site:
        trees = [Tree("after", ROOT, Path(tmp) / "after")]
        if args.before:
            trees.insert(0, Tree(f"before ({args.before})", export(args.before, Path(tmp) / "src-before"),
                                 Path(tmp) / "before"))
        for tree in trees:
            t0 = time.monotonic()
            tree.first = run_driver(tree, site, args.per_host)[0][0]
            tree.first_s = time.monotonic() - t0
            tree.nochange = run_driver(tree, site, args.per_host)[0][0]  # the first no-change run: not timed
        for _ in range(runs):  # interleaved, so both trees see the same machine load
            for tree in trees:
                (_, *fresh), (_, *warm) = run_driver(tree, site, args.per_host, count=2)
                tree.fresh.append((fresh[0], fresh[1]))
                tree.warm.append((warm[0], warm[1]))
                tree.cli.append(run_cli(tree, site, args.per_host))
    print(f"notices served: {n}, latency per request: {args.latency * 1000:.0f} ms, "
          f"per-host concurrency: {args.per_host}, no-change runs per tree: {runs}")
    ok = True
    for tree in trees:
        f, c = tree.first, tree.nochange
        print(f"{tree.label}:")
        print(f"  (a) first crawl: {f['requests']:.0f} requests in {tree.first_s:.1f} s (child process, sum of "
              f"latencies {f['requests'] * args.latency:.1f} s); {f['bodies']:.0f} bodies, {f['parsed']:.0f} parsed, "
              f"{f['new']:.0f} new notices, {f['events']:.0f} events, peak RSS {f['rss_mb']:.0f} MB")
        print(f"  (b) no-change run: {c['requests']:.0f} requests ({c['not_modified']:.0f} answered 304), "
              f"{c['bodies']:.0f} bodies, {c['body_bytes']:.0f} body bytes, {c['parsed']:.0f} pages parsed")
        ok = ok and c["bodies"] == 0 and c["parsed"] == 0 and f["new"] == n
    print("(c) no-change run, medians                        total s   in HTTP s   outside HTTP / total (target <= 0.2)")
    ways = {"warm": "run_cycle, later cycle", "fresh": "run_cycle, fresh process", "cli": "CLI run (cron)"}
    for way, name in ways.items():
        for tree in trees:
            total, http, ratio = outside(getattr(tree, way))
            print(f"    {name:<25} {tree.label:<20} {total:7.2f}   {http:9.2f}   {ratio:20.2f}")
    print("zero bodies and zero parses on the no-change run: " + ("yes" if ok else "NO"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
