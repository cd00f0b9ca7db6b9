"""Stops and bad inputs an unattended service meets (session 17's ops audit, /work/audit17-ops17): real processes,
a real SQLite file, the sites over real HTTP.

- SIGTERM to ``run`` mid-crawl (``docker stop``, a CronJob's deadline): it used to die without a word (exit -15)
  and leave its run lock, which a run in another container waits for until the heartbeat is stale (5 minutes).
"""

from __future__ import annotations

import signal
import subprocess

from tests.faults.harness import FIXTURES, command, lock_holder, run_args, until
from tests.faults.test_unattended_ops import base_urls_env
from tests.site_server import SiteServer


def test_sigterm_stops_a_run_in_one_line_and_releases_its_lock(tmp_path):
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    with SiteServer(FIXTURES, latency=0.1) as site:
        args = run_args(site.url, tmp_path / "feeds")
        proc = subprocess.Popen(command(db, *args), env=base_urls_env(site.url), text=True,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            assert until(lambda: lock_holder(db) is not None and len(site.hits) >= 3, 60)
            proc.send_signal(signal.SIGTERM)
            _, err = proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        assert proc.returncode == 143, err
        assert err.strip() == "mofcom-watch run: stopped by SIGTERM", err
    assert lock_holder(db) is None  # released: the next run, wherever it runs, need not wait for it
