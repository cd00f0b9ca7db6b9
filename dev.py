#!/usr/bin/env python3
"""Bootstrap and run mofcom-watch with nothing but Python 3.11+.

    python3 dev.py demo    # replay the bundled fixtures into a new database, print the status as of 2026-11-30
    python3 dev.py test    # lint (ruff), type-check (mypy), then the test suite, a worker per core and one more (-n 0: one)
    python3 dev.py lint    # only ruff and mypy
    python3 dev.py mofcom-watch ARGS...   # any command, inside the project's virtualenv
    python3 dev.py recache # after editing a parser's module-level pattern or a record's fields: their code made ahead of time;
                           # after editing storage/: its engine listed in storage/engine_history.txt

Creates ``.venv`` beside this file on first use and installs the project into it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("MOFCOM_WATCH_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".installed-from"
# The demo's date: every suspension of the fixtures has run out by then (the last on 2026-11-28).
DEMO_AS_OF = "2026-11-30"


def ensure_env() -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"mofcom-watch needs Python 3.11 or newer, this is {sys.version.split()[0]}")
    if not (BIN / "python").exists():
        print(f"creating virtualenv in {VENV}", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(VENV)
    pyproject = (ROOT / "pyproject.toml").read_bytes()
    if not STAMP.exists() or STAMP.read_bytes() != pyproject:
        print("installing mofcom-watch and its dependencies", file=sys.stderr)
        pip = [str(BIN / "python"), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
        subprocess.run(pip + ["-U", "pip"], check=True)
        subprocess.run(pip + ["-e", f"{ROOT}[test]"], check=True)
        STAMP.write_bytes(pyproject)


def run(args: list[str], env: dict[str, str] | None = None) -> int:
    return subprocess.run(args, cwd=ROOT, env=env).returncode


def test_env() -> dict[str, str]:
    """The suite's environment: compiled bytecode kept in the virtualenv (``PYTHONPYCACHEPREFIX``), also where
    ``PYTHONDONTWRITEBYTECODE`` is set. The suite starts a mofcom-watch process for most of its checks, and each
    compiled the project's 1.5 MB of source again (~0.3 s of CPU), as every pytest worker rewrote every test
    module's asserts (~10 s). The source tree still gets no ``__pycache__`` folders."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("PYTHONPYCACHEPREFIX", str(VENV / "pycache"))
    return env


def become(args: list[str]) -> int:
    """Run ``args`` in this process's place (POSIX): a ``kill`` of this pid, or a supervisor's SIGTERM, then
    reaches mofcom-watch itself, which shuts down cleanly, instead of killing a wrapper that would leave a
    ``serve`` or ``schedule`` running behind it."""
    if os.name != "posix":
        return run(args)
    sys.stdout.flush()
    sys.stderr.flush()
    os.chdir(ROOT)
    os.execv(args[0], args)


def lint() -> int:
    """``ruff check .`` on the whole tree and ``mypy`` on the files pyproject.toml names; both always run."""
    ruff = run([str(BIN / "ruff"), "check", "."])
    mypy = run([str(BIN / "mypy")])
    if ruff or mypy:
        print(f"lint failed: ruff exit {ruff}, mypy exit {mypy}", file=sys.stderr)
        return 1
    return 0


def cores() -> int:
    """The cores this process may run on (a container's CPU set, not the host's count)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # (not Linux)
        return os.cpu_count() or 1


def workers(rest: list[str]) -> list[str]:
    """pytest-xdist, one worker per core and one more: a fifth of the suite's time is real processes waiting on
    servers, locks, sleeps and signals, which leaves a core idle on two workers (session 56, on 2 cores: the same
    CPU, pytest 990 -> 876 s with a third worker); ``-n 0`` (or any ``-n``/``--numprocesses`` given) wins."""
    if any(arg.startswith(("-n", "--numprocesses", "--dist")) for arg in rest):
        return []
    return ["-n", str(cores() + 1), "--dist", "worksteal"]


def main(argv: list[str]) -> int:
    if not argv or argv[0] in {"-h", "--help"}:
        print(__doc__)
        return 0
    ensure_env()
    command, rest = argv[0], argv[1:]
    if command == "demo":
        out = ROOT / "out"
        out.mkdir(exist_ok=True)
        db = out / "demo.sqlite"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        cli = [str(BIN / "mofcom-watch"), "--db", f"sqlite:///{db}"]
        as_of = ["--as-of", DEMO_AS_OF] if "--as-of" not in rest else []
        code = run(cli + ["replay", str(ROOT / "fixtures"), *as_of, *rest])
        if code not in (0, 1):
            return code
        return run(cli + ["status", "--as-of", DEMO_AS_OF])
    if command == "lint":
        return lint()
    if command == "test":
        linted = lint()
        return run([str(BIN / "python"), "-m", "pytest", *workers(rest), *rest], env=test_env()) or linted
    if command == "recache":  # scraper/parse/recache.py, storage/codecache.py
        return run([str(BIN / "python"), "-c", "from scraper.parse import recache; from storage import codecache, engines; "
                    "raise SystemExit(recache.main() or codecache.main() or engines.main())"])
    if command == "mofcom-watch":
        return become([str(BIN / "mofcom-watch"), *rest])
    print(f"unknown command {command!r}\n{__doc__}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
