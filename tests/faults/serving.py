"""`mofcom-watch serve` as a real process on a free loopback port, for the fault tests."""

from __future__ import annotations

import contextlib
import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Served:
    port: int
    proc: subprocess.Popen
    stderr: str = field(default="")

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def get(self, target: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        """One raw GET (``target`` sent as is, unlike urllib, which would quote it)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.putrequest("GET", target, skip_accept_encoding=True)
            for k, v in (headers or {}).items():
                conn.putheader(k, v)
            conn.endheaders()
            resp = conn.getresponse()
            return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
        finally:
            conn.close()


@contextlib.contextmanager
def serving(db_url: str, workdir: Path, *args: str, env: dict[str, str] | None = None,
            options: tuple[str, ...] = ()) -> Iterator[Served]:
    """Start ``serve`` on ``db_url`` (data under ``workdir``), wait until it answers, stop it with SIGTERM."""
    port = free_port()
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("MOFCOM_WATCH_")}
    full_env.update({"MOFCOM_WATCH_DATA_DIR": str(workdir / "data"),
                     "MOFCOM_WATCH_PUBLIC_URL": f"http://127.0.0.1:{port}/feeds/", **(env or {})})
    proc = subprocess.Popen([sys.executable, "-m", "mofcom_watch", "--db", db_url, *options, "serve", "--host", "127.0.0.1",
                             "--port", str(port), *args], env=full_env, cwd=workdir,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    served = Served(port, proc)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                served.get("/healthz")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"serve did not start: {proc.communicate(timeout=10)[1][-3000:]}") from None
                time.sleep(0.05)
        yield served
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                served.stderr = proc.communicate(timeout=30)[1]
            except subprocess.TimeoutExpired:
                proc.kill()
                served.stderr = proc.communicate()[1]
        else:
            served.stderr = proc.communicate()[1]
