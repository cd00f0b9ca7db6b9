"""`.ci/run`'s PostgreSQL start (`.ci/pg.sh`), run for real: initdb, pg_ctl, a port held by another listener.

Session 38: two CI runs on one machine both probed port 54329 free, the second's server could not bind it, and that
run tested SQLite only, exit 0, behind a WARNING. A port free when probed and taken when bound is now skipped."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PG_BINS = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
needs_pg = pytest.mark.skipif(
    not PG_BINS or (os.geteuid() == 0 and shutil.which("runuser") is None),
    reason="no PostgreSQL binaries here (or root without runuser)")


@pytest.fixture
def held_port() -> Iterator[int]:
    """A loopback port held by a listener that is no PostgreSQL: `pg_isready` calls it free ("no response"), as it
    calls a port another run is binding this very moment."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    done = threading.Event()

    def refuse() -> None:
        while not done.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                return
            conn.close()

    thread = threading.Thread(target=refuse, daemon=True)
    thread.start()
    yield sock.getsockname()[1]
    done.set()
    sock.close()


def _start(port: int) -> subprocess.CompletedProcess[str]:
    """`.ci/pg.sh` in its own folder under the system's temp folder (the postgres user must reach it: pytest's
    folders are the owner's alone)."""
    script = 'set -euo pipefail; . .ci/pg.sh; trap stop_pg EXIT; echo "WORK=$WORK"; start_pg; echo "PORT=$PG_PORT"'
    env = {key: value for key, value in os.environ.items() if key != "TMPDIR"} | {"MOFCOM_CI_PG_PORT": str(port)}
    return subprocess.run(["bash", "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180,
                          check=False)


@needs_pg
def test_a_port_free_when_probed_and_taken_when_bound_is_skipped(held_port: int) -> None:
    done = _start(held_port)
    assert done.returncode == 0, done.stderr
    ports = [int(line.split("=", 1)[1]) for line in done.stdout.splitlines() if line.startswith("PORT=")]
    assert ports and ports[0] != held_port, done.stdout
    assert f"port {held_port} could not be bound" in done.stderr
    assert "PostgreSQL stopped" in done.stdout
    work = [line.split("=", 1)[1] for line in done.stdout.splitlines() if line.startswith("WORK=")]
    assert work and not Path(work[0]).exists(), "stop_pg removes its folder"
