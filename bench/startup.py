"""Benchmark: what cron pays to start a command, against a bare ``python -c pass``.

    .venv/bin/python bench/startup.py [--runs K]

Each round starts, one after the other, ``python -c pass``, ``mofcom-watch --help`` and
``mofcom-watch parse FILE`` (a real notice from ``fixtures/texts``) as fresh processes with the
virtualenv's interpreter; the figures are medians over K rounds of wall time (a cold start is
wall time: imports are disk and CPU alike), and the ratios divide medians measured in the same
run. Targets (issue 11): ``--help`` / pass <= 8, ``parse FILE`` / pass <= 12.

The commands start with their compiled bytecode kept, as an installed mofcom-watch starts (pip compiles
what it installs, the Docker image's copy too): in the test suite's environment (``dev.test_env``: the
bytecode in the virtualenv's ``pycache``, also where ``PYTHONDONTWRITEBYTECODE`` is set). A shell with
``PYTHONDONTWRITEBYTECODE=1`` had every ``mofcom-watch`` of this bench compile the project's sources
again (~150 ms of CPU, a quarter of ``parse FILE``), and the warm-up could not keep them; the last line
says what the environment had.

The divisor is the development virtualenv's ``python -c pass``, which imports the editable install's finder
(pathlib, re, enum: ~50 ms of ``site``); an installed package's interpreter does not, so the same ratio is
larger there. In the Docker image (session 25, image25): ``parse FILE`` 218 ms, ``python -c pass`` 16 ms, 13.6x at
load 2.6, while this bench said 6.0x on the host a minute later (281 ms / 47 ms); 13.1-13.6x against 5.6x at load 11.
So the bench also times ``python -S -c pass`` (no ``site``: no virtualenv, no editable finder; close to an installed
package's bare start) and prints every ratio against it too, in the column ``vs -S``. The targets are judged by the
issue's divisor, ``python -c pass`` in this virtualenv; the other column says what the same figure reads against a
bare interpreter.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dev import test_env  # noqa: E402

ENV = test_env()
NOTICE = ROOT / "fixtures" / "texts" / "mofcom-2025-51.txt"
TARGETS = {"--help": 8.0, "parse FILE": 12.0}


def commands() -> dict[str, list[str]]:
    python = sys.executable
    cli = [python, "-m", "mofcom_watch"]
    return {
        "python -c pass": [python, "-c", "pass"],
        "python -S -c pass": [python, "-S", "-c", "pass"],
        "--help": [*cli, "--help"],
        "parse FILE": [*cli, "parse", str(NOTICE)],
    }


def wall(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="rounds (medians are taken over them)")
    args = parser.parse_args()
    cmds = commands()
    for argv in cmds.values():  # warm the page cache and the .pyc files once
        wall(argv)
    samples: dict[str, list[float]] = {name: [] for name in cmds}
    for _ in range(args.runs):
        for name, argv in cmds.items():
            samples[name].append(wall(argv))
    floor = statistics.median(samples["python -c pass"])
    bare = statistics.median(samples["python -S -c pass"])
    print(f"{'command':<17} {'median':>9} {'ratio':>7} {'target':>7} {'vs -S':>7}")
    ok = True
    for name, times in samples.items():
        median = statistics.median(times)
        ratio = median / floor
        target = TARGETS.get(name)
        ok &= target is None or ratio <= target
        print(f"{name:<17} {median * 1000:>7.0f}ms {ratio:>6.1f}x {'' if target is None else f'<= {target:g}':>7} "
              f"{median / bare:>6.1f}x")
    print(f"({args.runs} rounds; ratios of medians in this run; {'targets met' if ok else 'TARGET MISSED'})")
    kept = "PYTHONDONTWRITEBYTECODE set in this shell: not applied" if os.environ.get("PYTHONDONTWRITEBYTECODE") else "as run"
    print(f"(bytecode kept in {ENV['PYTHONPYCACHEPREFIX']}, {kept})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
