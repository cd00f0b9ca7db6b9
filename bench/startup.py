"""Benchmark: what cron pays to start a command, against a bare ``python -c pass``.

    .venv/bin/python bench/startup.py [--runs K] [--installed [--before DIR_OR_REV] [--venvs DIR]]

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

``--installed`` measures the Docker image's setting instead: a throwaway virtualenv per side with the tree
installed as the image installs it (``pip install`` of its ``pyproject.toml``, ``README.md`` and packages, not
editable: the project's bytecode compiled by pip, no finder in ``site``), the console script ``mofcom-watch`` as the
image's entry point runs it, ``PYTHONDONTWRITEBYTECODE=1`` as the image sets it, and that virtualenv's own
``python -c pass`` as the divisor. ``--before DIR_OR_REV`` installs a second side (a checkout or export such as
``/work/base26``, or a git revision) and alternates the two sides' commands round by round. Building a side takes
about a minute (its dependencies come from the package index); ``--venvs DIR`` keeps the virtualenvs for the next
run (a side's is rebuilt when its ``pyproject.toml`` changed, and the project itself is installed again each run).
Beside the wall-time medians it prints the commands' CPU (user + system of the child), which moves less with the
machine's load. Aim in that setting (issue 11's targets with margin): ``--help`` <= 7, ``parse FILE`` <= 10.

    .venv/bin/python bench/startup.py --installed --before /work/base26 --runs 15
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dev import test_env  # noqa: E402

ENV = test_env()
NOTICE = ROOT / "fixtures" / "texts" / "mofcom-2025-51.txt"
TARGETS = {"--help": 8.0, "parse FILE": 12.0}
INSTALLED_AIMS = {"--help": 7.0, "parse FILE": 10.0}  # the same targets with margin for a slow day
# what the Dockerfile copies into the image before its `pip install .`
INSTALLED_FILES = ("pyproject.toml", "README.md", "scraper", "storage", "feeds", "mofcom_watch")


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


def timed(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} exited {proc.returncode}")
    return elapsed, usage.ru_utime + usage.ru_stime


def export(side: str, into: Path) -> Path:
    """The files the image installs, from a checkout or export (a folder) or a git revision, copied into ``into``."""
    into.mkdir(parents=True)
    folder = Path(side)
    if folder.is_dir():
        for name in INSTALLED_FILES:
            src = folder / name
            if src.is_dir():
                shutil.copytree(src, into / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            else:
                shutil.copy2(src, into / name)
    else:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", side, *INSTALLED_FILES], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def installed(side: str, venvs: Path, name: str) -> Path:
    """A virtualenv with ``side`` installed as the image installs it; returns its ``bin`` folder."""
    source = export(side, Path(tempfile.mkdtemp(prefix="startup-src-")) / "tree")
    try:
        env_dir = venvs / name
        stamp = env_dir / ".pyproject-sha256"
        wanted = hashlib.sha256((source / "pyproject.toml").read_bytes()).hexdigest()
        if env_dir.exists() and (not stamp.exists() or stamp.read_text() != wanted):
            shutil.rmtree(env_dir)  # other dependencies (a package left behind may change what typer imports)
        pip = [str(env_dir / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
        if not env_dir.exists():
            print(f"building {env_dir} from {side} (dependencies from the index: about a minute)", file=sys.stderr)
            venv.EnvBuilder(with_pip=True).create(env_dir)
            subprocess.run([*pip, str(source)], check=True)
            stamp.write_text(wanted)
        else:
            subprocess.run([*pip, "--no-deps", "--force-reinstall", str(source)], check=True)
    finally:
        shutil.rmtree(source.parent)
    return env_dir / "bin"


def installed_commands(bin_dir: Path) -> dict[str, list[str]]:
    python, cli = str(bin_dir / "python"), str(bin_dir / "mofcom-watch")
    return {
        "python -c pass": [python, "-c", "pass"],
        "python -S -c pass": [python, "-S", "-c", "pass"],
        "--help": [cli, "--help"],
        "parse FILE": [cli, "parse", str(NOTICE)],
    }


def main_installed(runs: int, sides: dict[str, str], venvs: Path | None) -> int:
    keep = venvs is not None
    venvs = venvs or Path(tempfile.mkdtemp(prefix="startup-venvs-"))
    venvs.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPYCACHEPREFIX"}
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # as the Dockerfile sets it: pip compiled what it installed
    cwd = Path(tempfile.mkdtemp(prefix="startup-cwd-"))  # no source tree on the path
    try:
        cmds = {label: installed_commands(installed(side, venvs, f"venv-{label}")) for label, side in sides.items()}
        for per_side in cmds.values():  # warm the page cache once
            for argv in per_side.values():
                timed(argv, env, cwd)
        samples = {label: {name: [] for name in per_side} for label, per_side in cmds.items()}
        for _ in range(runs):
            for label, per_side in cmds.items():  # the sides alternate command by command, round by round
                for name, argv in per_side.items():
                    samples[label][name].append(timed(argv, env, cwd))
    finally:
        shutil.rmtree(cwd)
        if not keep:
            shutil.rmtree(venvs)
    ok = True
    for label, side in sides.items():
        got = samples[label]
        floor = statistics.median(w for w, _ in got["python -c pass"])
        floor_cpu = statistics.median(c for _, c in got["python -c pass"])
        print(f"{label}: {side} installed (pip install, not editable), console script, {runs} rounds")
        print(f"{'command':<17} {'median':>9} {'ratio':>7} {'aim':>6} {'CPU':>8} {'ratio':>7}")
        for name, pairs in got.items():
            median = statistics.median(w for w, _ in pairs)
            cpu = statistics.median(c for _, c in pairs)
            aim = INSTALLED_AIMS.get(name)
            if label == "this":
                ok &= aim is None or median / floor <= aim
            print(f"{name:<17} {median * 1000:>7.0f}ms {median / floor:>6.1f}x {'' if aim is None else f'<= {aim:g}':>6}"
                  f" {cpu * 1000:>6.0f}ms {cpu / floor_cpu if floor_cpu else float('nan'):>6.1f}x")
    print(f"(ratios of medians against each side's own `python -c pass`; {'aims met' if ok else 'AIM MISSED'} "
          f"by this tree; CPU in 1 ms ticks or coarser)")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="rounds (medians are taken over them)")
    parser.add_argument("--installed", action="store_true",
                        help="measure in throwaway virtualenvs with the tree pip-installed (the Docker image's setting)")
    parser.add_argument("--before", metavar="DIR_OR_REV",
                        help="with --installed: also a checkout or export (e.g. /work/base26) or a git revision, "
                             "alternated with this tree")
    parser.add_argument("--venvs", type=Path, metavar="DIR",
                        help="with --installed: keep the virtualenvs here and reuse them next time")
    args = parser.parse_args()
    if args.installed:
        sides = {"this": str(ROOT)}
        if args.before:
            sides["before"] = args.before
        return main_installed(args.runs, sides, args.venvs)
    if args.before or args.venvs:
        parser.error("--before and --venvs go with --installed")
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
