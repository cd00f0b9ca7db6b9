"""`python3 dev.py test` runs the suite on one pytest-xdist worker per core and one more, unless told otherwise."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("dev", REPO / "dev.py")
assert _spec is not None and _spec.loader is not None
dev = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(dev)


def test_the_suite_runs_on_every_core_and_one_more_by_default() -> None:
    """The extra worker fills the cores the others leave idle while their real processes wait."""
    expected = ["-n", str(len(os.sched_getaffinity(0)) + 1), "--dist", "worksteal"]
    assert dev.workers([]) == expected
    assert dev.workers(["-q", "tests/storage", "-k", "lapse"]) == expected


@pytest.mark.parametrize("given", [["-n", "0"], ["-n0"], ["-n", "3"], ["--numprocesses=2"], ["-q", "--dist", "load"]])
def test_a_worker_count_given_by_the_caller_wins(given: list[str]) -> None:
    assert dev.workers(given) == []


def test_the_suite_keeps_compiled_bytecode_in_the_virtualenv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where PYTHONDONTWRITEBYTECODE is set, every process of the suite compiled the project again: the suite's
    processes write and read their bytecode under the virtualenv (or a prefix the caller gave)."""
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    monkeypatch.delenv("PYTHONPYCACHEPREFIX", raising=False)
    env = dev.test_env()
    assert "PYTHONDONTWRITEBYTECODE" not in env and env["PYTHONPYCACHEPREFIX"] == str(dev.VENV / "pycache")
    monkeypatch.setenv("PYTHONPYCACHEPREFIX", str(tmp_path / "given"))
    env = dev.test_env()
    assert env["PYTHONPYCACHEPREFIX"] == str(tmp_path / "given")
    subprocess.run([sys.executable, "-c", "import storage.names"], cwd=REPO, env=env, check=True, timeout=60)
    assert list((tmp_path / "given").rglob("names.cpython-*.pyc"))
