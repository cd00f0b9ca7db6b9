"""A process's first cycle holds the garbage collector off while it prepares its first request (imports of the
HTTP client and the database dialect, the store's first statements: objects that live as long as the process)
and turns it on again once that request is out; a later cycle holds nothing. A fresh process per test (the hold is
once per process), real cycles against the fixture site over local HTTP."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT
from tests.site_server import SiteServer

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
HOSTS = ["www.mofcom.gov.cn", "aqygzj.mofcom.gov.cn"]

# Notes whether the collector is on at the first fetch of each source's crawl (before its first request is sent)
# and after each cycle.
PROBE = """
import gc, json, sys
from datetime import date
from pathlib import Path
import mofcom_watch.cycle as cycle
from mofcom_watch.config import Settings
from scraper.fetch import FetchPolicy
from scraper.fetch.client import Fetcher

seen = {"fetch": [], "after": []}
fetch = Fetcher.fetch
def first_fetch(self, request, **kwargs):
    if kwargs.get("sent") is not None:
        seen["fetch"].append(gc.isenabled())
    return fetch(self, request, **kwargs)
Fetcher.fetch = first_fetch
tmp, bases = Path(sys.argv[1]), json.loads(sys.argv[2])
for _ in range(2):
    result = cycle.run_cycle(Settings(data_dir=tmp), as_of=date(2026, 11, 29), base_urls=bases, progress=False,
                             policy=FetchPolicy(delay=0.0, attempts=2, timeout=5.0, total=4), out_dir=tmp / "feeds")
    assert result.ok, result
    seen["after"].append(gc.isenabled())
print(json.dumps(seen))
"""


def test_the_first_cycle_holds_the_collector_until_its_first_request_is_out(tmp_path):
    with SiteServer(FIXTURES) as site:
        done = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path), json.dumps(site.base_urls(HOSTS))],
                              cwd=REPO_ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout)
    first_sources = len(seen["fetch"]) // 2
    assert first_sources >= 1 and len(seen["fetch"]) == 2 * first_sources
    assert seen["fetch"][0] is False  # the first cycle's first request: prepared with the collector held
    assert all(seen["fetch"][1:])  # on again once it was out: the next sources, the second cycle
    assert seen["after"] == [True, True]


# A first cycle that has to wait for another writer's run lock notes whether the collector is on while it waits.
WAITING_PROBE = """
import gc, json, sys
from datetime import date
from pathlib import Path
import mofcom_watch.cycle as cycle
from mofcom_watch.config import Settings
from storage.runlock import RunLockTimeout

seen = []
try:
    cycle.run_cycle(Settings(data_dir=Path(sys.argv[1])), as_of=date(2026, 11, 29), base_urls={}, sources=[],
                    progress=False, out_dir=Path(sys.argv[1]) / "feeds", lock_wait=0.3,
                    on_lock_wait=lambda held: seen.append(gc.isenabled()))
except RunLockTimeout:
    seen.append("timed out")
print(json.dumps({"waiting": seen, "after": gc.isenabled()}))
"""


def test_a_first_cycle_waiting_for_the_lock_collects(tmp_path):
    """The collector is held only while the first request is prepared: a first cycle that waits for another
    writer's run lock (for as long as it is told to) waits with it on."""
    import os
    import socket

    from mofcom_watch.config import Settings
    from storage.db import open_store
    from storage.runlock import acquire

    engine = open_store(Settings(data_dir=tmp_path).database_url)
    acquire(engine, holder=f"{socket.gethostname()}:{os.getpid()}:other-writer")  # this process: alive
    engine.dispose()
    done = subprocess.run([sys.executable, "-c", WAITING_PROBE, str(tmp_path)], cwd=REPO_ROOT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads(done.stdout) == {"waiting": [True, "timed out"], "after": True}
