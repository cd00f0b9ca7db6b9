"""`run` against a local copy of the sites (real HTTP), faulted: kill -9 at seeded moments of the cycle.
The clean re-run ends with the store and feeds of one clean run."""

from __future__ import annotations

import pytest

from tests.faults.harness import FIXTURES, SEED, clean_run, kill_points, kill_run, trials
from tests.site_server import SiteServer


@pytest.fixture(scope="module")
def site():
    with SiteServer(FIXTURES, latency=0.01) as server:
        yield server


@pytest.fixture(scope="module")
def run_baseline(site, tmp_path_factory):
    return clean_run(tmp_path_factory.mktemp("clean-run"), site.url)


@pytest.mark.parametrize("trial", range(trials(2)))
def test_kill9_run_then_clean_run_equals_one_clean_run(site, run_baseline, tmp_path, trial):
    after = kill_points(trials(2), run_baseline.busy, SEED + 1)[trial]
    outcome = kill_run(run_baseline, tmp_path, site.url, after)
    assert outcome.lost == 0 and outcome.false == 0 and outcome.recovered, outcome
