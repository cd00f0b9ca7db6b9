"""kill -9 at seeded random moments of `replay`: the store stays consistent, the clean re-run
ends with the same store and feeds as one clean run (no lost rows, no false items), and the dead
writer's run lock does not block it."""

from __future__ import annotations

import pytest

from tests.faults.harness import SEED, kill_points, kill_replay, trials


@pytest.fixture(scope="module")
def points(clean) -> list[float]:
    return kill_points(trials(2), clean.busy, SEED)


@pytest.mark.parametrize("trial", range(trials(2)))
def test_kill9_replay_then_clean_replay_equals_one_clean_run(clean, points, tmp_path, trial):
    outcome = kill_replay(clean, tmp_path, points[trial])
    assert outcome.lost == 0 and outcome.false == 0 and outcome.recovered, outcome
    assert "Traceback" not in outcome.message
