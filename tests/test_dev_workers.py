"""`python3 dev.py test` runs the suite on one pytest-xdist worker per core, unless told otherwise."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("dev", REPO / "dev.py")
assert _spec is not None and _spec.loader is not None
dev = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(dev)


def test_the_suite_runs_on_every_core_by_default() -> None:
    assert dev.workers([]) == ["-n", "auto", "--dist", "worksteal"]
    assert dev.workers(["-q", "tests/storage", "-k", "lapse"]) == ["-n", "auto", "--dist", "worksteal"]


@pytest.mark.parametrize("given", [["-n", "0"], ["-n0"], ["-n", "3"], ["--numprocesses=2"], ["-q", "--dist", "load"]])
def test_a_worker_count_given_by_the_caller_wins(given: list[str]) -> None:
    assert dev.workers(given) == []
