"""`python3 dev.py mofcom-watch serve`, stopped with SIGTERM sent to the pid that was started (a supervisor,
`kill`), stops the server: the wrapper used to die alone and leave `serve` answering behind it."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from storage.db import open_store

REPO = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _answers(port: int) -> bool:
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).close()
    except urllib.error.HTTPError:
        return True  # 503 before a cycle: it answers
    except OSError:
        return False
    return True


def _venv_of_this_interpreter(at: Path) -> Path:
    """A virtualenv folder as dev.py expects one (its stamp up to date), whose programs are this test run's."""
    (at / "bin").mkdir(parents=True)
    for name in ("python", "mofcom-watch"):
        (at / "bin" / name).symlink_to(Path(sys.executable).parent / name)
    (at / ".installed-from").write_bytes((REPO / "pyproject.toml").read_bytes())
    return at


def test_sigterm_to_dev_py_stops_the_server_it_started(tmp_path):
    venv = _venv_of_this_interpreter(tmp_path / "venv")
    port = _free_port()
    data = tmp_path / "data"
    data.mkdir()
    open_store(f"sqlite:///{data / 'mofcom-watch.sqlite'}").dispose()  # serve never creates one
    env = {**os.environ, "MOFCOM_WATCH_VENV": str(venv), "MOFCOM_WATCH_DATA_DIR": str(data),
           "MOFCOM_WATCH_PORT": str(port)}
    env.pop("MOFCOM_WATCH_DB", None)
    log = tmp_path / "serve.log"
    with log.open("wb") as out:  # a file, not a pipe: a server left behind would hold a pipe open
        # its own session: whatever it leaves behind is killed with its process group at the end
        proc = subprocess.Popen([sys.executable, str(REPO / "dev.py"), "mofcom-watch", "serve"], env=env,
                                cwd=tmp_path, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while not _answers(port):
            assert proc.poll() is None and time.monotonic() < deadline, log.read_text()[-2000:]
            time.sleep(0.1)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0, log.read_text()[-2000:]
        deadline = time.monotonic() + 10
        while _answers(port) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _answers(port), "serve still answers after the pid dev.py started was sent SIGTERM"
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()
