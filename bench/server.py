"""Benchmark: the front page against a feed file, under 50 concurrent clients.

    .venv/bin/python bench/server.py [--rounds K] [--requests N] [--clients C]

Replays ``fixtures/`` into a fresh SQLite store, starts ``mofcom-watch serve`` on a free loopback
port (it publishes the store's feeds on start), then, in each of K rounds, sends N requests for
``/`` and N for ``/feeds/all.atom``, one path after the other (their order alternates by round),
from C concurrent httpx clients (plain GETs, gzip accepted, no validators: every request gets the
whole body). Prints requests/s and p99 latency per path and round, and the median over rounds of
the ratio front page requests/s / feed requests/s. Loopback only; every round is bounded in count
and in time. Target (issue 11): ratio >= 0.5.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2026-11-29"
PATHS = ("/", "/feeds/all.atom")
TARGET = 0.5
ROUND_TIMEOUT = 120.0  # seconds: a round that takes longer is cut, and says so
START_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "mofcom_watch", *args]


async def load(base: str, path: str, requests: int, clients: int) -> tuple[float, float, int]:
    """(requests/s, p99 seconds, failures) for ``requests`` GETs of ``path`` from ``clients`` workers."""
    latencies: list[float] = []
    failures = 0
    left = iter(range(requests))
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal failures
        for _ in left:
            start = time.perf_counter()
            try:
                r = await client.get(path)
                ok = r.status_code == 200 and len(r.content) > 0
            except httpx.HTTPError:
                ok = False
            latencies.append(time.perf_counter() - start)
            failures += not ok

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30.0) as client:
        start = time.perf_counter()
        try:
            await asyncio.wait_for(asyncio.gather(*(worker(client) for _ in range(clients))), ROUND_TIMEOUT)
        except TimeoutError:
            print(f"  {path}: cut after {ROUND_TIMEOUT:.0f} s ({len(latencies)} of {requests} done)")
        elapsed = time.perf_counter() - start
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] if latencies else float("nan")
    return len(latencies) / elapsed, p99, failures


def wait_ready(base: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"serve exited with {proc.returncode} before answering")
        try:
            if httpx.get(base + "/feeds/all.atom", timeout=2.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"serve did not answer within {START_TIMEOUT:.0f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--requests", type=int, default=2000, help="requests per path and round")
    ap.add_argument("--clients", type=int, default=50)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-server-") as tmp:
        db = f"sqlite:///{Path(tmp) / 'store.sqlite'}"
        subprocess.run(cli("--db", db, "replay", str(ROOT / "fixtures"), "--as-of", AS_OF), cwd=ROOT,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = {**os.environ, "MOFCOM_WATCH_FEEDS_DIR": str(Path(tmp) / "feeds"),
               "MOFCOM_WATCH_PUBLIC_URL": base + "/"}
        proc = subprocess.Popen(cli("--db", db, "serve", "--host", "127.0.0.1", "--port", str(port),
                                    "--as-of", AS_OF), cwd=ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_ready(base, proc)
            ratios = []
            print(f"{args.clients} clients, {args.requests} requests per path and round, {args.rounds} rounds")
            for n in range(args.rounds):
                figures = {}
                for path in (PATHS if n % 2 == 0 else PATHS[::-1]):
                    figures[path] = asyncio.run(load(base, path, args.requests, args.clients))
                line = []
                for path in PATHS:
                    rps, p99, failed = figures[path]
                    line.append(f"{path} {rps:7.0f} req/s p99 {p99 * 1000:6.0f} ms" + (f" ({failed} failed)" if failed else ""))
                ratio = figures["/"][0] / figures["/feeds/all.atom"][0]
                ratios.append(ratio)
                print(f"round {n + 1}: " + " | ".join(line) + f" | ratio {ratio:.3f}")
            median = statistics.median(ratios)
            verdict = "met" if median >= TARGET else "NOT met"
            print(f"front page / feed file requests/s, median of {len(ratios)}: {median:.3f} "
                  f"(target >= {TARGET}: {verdict})")
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()


if __name__ == "__main__":
    main()
