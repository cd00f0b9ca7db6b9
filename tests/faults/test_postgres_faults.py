"""PostgreSQL stopped in the middle of a `run` (an immediate shutdown, as a crash or a failover does):
one line naming the database and what to do, exit 3, no traceback; once the server is back, the next
run ends with the store and feeds of one clean run. A throwaway cluster of the test's own."""

from __future__ import annotations

import pytest

from tests.faults.harness import FIXTURES
from tests.faults.postgres import postgres_stopped_mid_cycle, why_not
from tests.faults.resources import one_line
from tests.site_server import SiteServer

REASON = why_not()


@pytest.mark.skipif(REASON is not None, reason=REASON or "")
def test_postgres_stopped_mid_cycle(tmp_path):
    with SiteServer(FIXTURES, latency=0.05) as site:
        outcome, faulted = postgres_stopped_mid_cycle(site, tmp_path)
    assert faulted.code == 3 and one_line(faulted), faulted.out + faulted.err
    assert faulted.first_line.startswith("mofcom-watch run: the database postgresql+psycopg://postgres@127.0.0.1:")
    assert "is unreachable or went away" in faulted.first_line and "then run again" in faulted.first_line
    assert outcome.lost == 0 and outcome.false == 0 and outcome.recovered, outcome
