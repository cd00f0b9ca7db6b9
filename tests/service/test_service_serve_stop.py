"""`serve` stopped by SIGTERM (docker stop, systemd) or Ctrl-C shuts down gracefully and exits 0,
not by dying of the signal uvicorn raises again after its shutdown."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from storage.db import open_store


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_serve_stops_on_signal_with_exit_code_zero(tmp_path, sig):
    port = _free_port()
    env = {**os.environ, "MOFCOM_WATCH_DATA_DIR": str(tmp_path / "data"), "MOFCOM_WATCH_PORT": str(port)}
    env.pop("MOFCOM_WATCH_DB", None)
    (tmp_path / "data").mkdir()
    open_store(f"sqlite:///{tmp_path / 'data' / 'mofcom-watch.sqlite'}").dispose()  # serve never creates one
    proc = subprocess.Popen([sys.executable, "-m", "mofcom_watch", "serve"], env=env, cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:  # wait until it answers (healthz may be 200 or 503: no cycle yet)
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).close()
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()[1][-2000:]
                time.sleep(0.1)
        proc.send_signal(sig)
        _out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err[-2000:]
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
