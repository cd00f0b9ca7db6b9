"""One clean replay of the fixtures, shared by every fault test: what each faulted store must end up as."""

from __future__ import annotations

import pytest

from tests.faults.harness import Baseline, clean_replay


@pytest.fixture(scope="session")
def clean(tmp_path_factory) -> Baseline:
    return clean_replay(tmp_path_factory.mktemp("clean"))
