"""A throwaway PostgreSQL cluster of our own (initdb, pg_ctl), so a test may stop it mid-cycle.

As root the tools run as the ``postgres`` user (initdb refuses root), like ``.ci/run`` does. The
cluster lives in a folder of its own under TMPDIR (readable by that user) and is removed afterwards.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

from sqlalchemy import create_engine, text

from tests.faults.harness import (
    Done,
    Outcome,
    clean_run,
    finish,
    judge,
    lock_holder,
    run_args,
    spawn,
    until,
)


def pg_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: [
        int(x) if x.isdigit() else 0 for x in p.parts[-3].split(".")])
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def why_not() -> str | None:
    """None when a cluster can be started here; otherwise why the PostgreSQL fault test is skipped."""
    if pg_bin() is None:
        return "no PostgreSQL binaries (initdb, pg_ctl) on this machine"
    if os.geteuid() == 0:
        try:
            import pwd

            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no postgres user to run initdb as"
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Cluster:
    """``with Cluster() as pg:`` a running server on 127.0.0.1:``pg.port``; ``stop()`` / ``start()`` at will."""

    def __init__(self) -> None:
        bin_dir = pg_bin()
        assert bin_dir is not None
        self.bin = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="mofcom-watch-pg-"))
        self.root.chmod(0o755)
        self.data, self.sock, self.log = self.root / "data", self.root / "sock", self.root / "server.log"
        self.sock.mkdir()
        self.port = _free_port()
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
            shutil.chown(self.sock, "postgres", "postgres")
        self._tool("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "--encoding=UTF8",
                   "--locale=C.UTF-8")
        self.start()

    def _tool(self, name: str, *args: str) -> None:
        cmd = [str(self.bin / name), *args]
        if os.geteuid() == 0:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"{name} failed: {done.stderr.strip() or done.stdout.strip()}")

    def start(self) -> None:
        self._tool("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "-o",
                   f"-c listen_addresses=127.0.0.1 -p {self.port} -c unix_socket_directories={self.sock} "
                   "-c fsync=off", "start")

    def stop(self, mode: str = "fast") -> None:
        self._tool("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create(self, database: str) -> str:
        admin = create_engine(self.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{database}"'))
        admin.dispose()
        return self.url(database)

    def __enter__(self) -> Cluster:
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.stop("immediate")
        except RuntimeError:
            pass  # already stopped
        shutil.rmtree(self.root, ignore_errors=True)


def postgres_stopped_mid_cycle(site, workdir: Path) -> tuple[Outcome, Done]:  # noqa: ANN001 - tests.site_server
    """``run`` on PostgreSQL; the server stops (immediate shutdown) once the crawl is under way, then
    comes back; the next ``run`` must end with the store and feeds of one clean run on that server."""
    with Cluster() as pg:
        (workdir / "clean").mkdir(parents=True)
        baseline = clean_run(workdir / "clean", site.url, pg.create("clean"))
        db = pg.create("faulted")
        feeds = workdir / "feeds"
        site.reset_hits()
        proc = spawn(db, *run_args(site.url, feeds))
        until(lambda: lock_holder(db) is not None or proc.poll() is not None)
        until(lambda: len(site.hits) >= 6 or proc.poll() is not None)
        pg.stop("immediate")
        faulted = finish(proc)
        pg.start()
        again = finish(spawn(db, *run_args(site.url, feeds)))
        assert again.code == baseline.code, again.out + again.err
        return judge("PostgreSQL stopped mid-cycle (run)", faulted, baseline, db, feeds), faulted
