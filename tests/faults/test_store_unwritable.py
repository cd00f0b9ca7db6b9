"""The store file read-only, its folder writable (health41 N39): `run` exits 3 naming it, and `status` and
`/healthz` say it at once. Was: both read the store as the last run left it and stayed green until the stale
check (3 hours) while every run failed. Real processes in a mount namespace of their own (root ignores file
modes: the file is bind-mounted read-only over itself)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests import zygote
from tests.conftest import REPO_ROOT, copy_of, read_whole
from tests.faults.harness import FIXTURES, read_only_mount_works

DRIVER = r'''
import json, os, subprocess, sys
from pathlib import Path
sys.path.insert(0, os.getcwd())
from tests.faults.serving import serving

db, work = Path(sys.argv[1]), Path(sys.argv[2])
url = f"sqlite:///{db}"
env = {k: v for k, v in os.environ.items() if not k.startswith("MOFCOM_WATCH_")}
env["MOFCOM_WATCH_DATA_DIR"] = str(work / "data")


def cli(*args):
    done = subprocess.run([sys.executable, "-m", "mofcom_watch", "--db", url, *args], env=env, capture_output=True,
                          text=True, timeout=120)
    return {"code": done.returncode, "out": done.stdout, "err": done.stderr}


out = {"before": cli("status", "--json")}
subprocess.run(["mount", "--bind", str(db), str(db)], check=True)
subprocess.run(["mount", "-o", "remount,bind,ro", str(db)], check=True)
out["run"] = cli("run", "--out", str(work / "feeds"), "--no-progress", "--source", "mofcom-policy",
                 "--base-url", "www.mofcom.gov.cn=http://127.0.0.1:9")
out["status"] = cli("status", "--json")
with serving(url, work) as served:
    code, _, body = served.get("/healthz")
    out["healthz"] = {"code": code, "body": json.loads(body)}
subprocess.run(["umount", str(db)], check=True)
out["after"] = cli("status", "--json")
print(json.dumps(out))
'''


def _run(url: str, site_url: str, tmp_path, **kw) -> subprocess.CompletedProcess[str]:  # noqa: ANN001, ANN003
    """A real `run` of the store ``url`` against the local site at ``site_url``, its feeds in ``tmp_path``."""
    from tests.faults.harness import cli_env, run_args

    # (a run under a limit, ``preexec_fn``, is the real program; the others are forked by the test zygote, which
    # would exec it for a limit all the same: ~1 s of CPU a process saved, ci54b)
    argv = [sys.executable, "-m", "mofcom_watch"] if kw else zygote.command()
    return subprocess.run([*argv, "--db", url, *run_args(site_url, tmp_path / "feeds")],
                          cwd=REPO_ROOT, env=cli_env(), capture_output=True, text=True, timeout=300, **kw)


def _status(url: str) -> tuple[int, dict]:
    """`status --json` of the store ``url``: its exit code and report."""
    from tests.faults.harness import cli_env

    done = subprocess.run(zygote.command("--db", url, "status", "--json"), cwd=REPO_ROOT, env=cli_env(),
                          capture_output=True, text=True, timeout=120)  # (a real process the test zygote forks)
    return done.returncode, json.loads(done.stdout)


@pytest.mark.skipif(not read_only_mount_works(), reason="needs unshare -m and mount (root)")
def test_a_store_file_made_read_only_is_said_by_status_and_healthz_at_once(tmp_path, replayed):
    db = tmp_path / "store" / "store.sqlite"
    read_whole(copy_of(replayed, db))
    done = subprocess.run(["unshare", "-m", sys.executable, "-c", DRIVER, str(db), str(tmp_path)], cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr[-3000:]
    out = json.loads(done.stdout)
    said = f"the store's file {db} cannot be written by this user"
    before = json.loads(out["before"]["out"])
    assert before["store_unwritable"] is None and not any(said in p for p in before["problems"]), before["problems"]
    assert out["run"]["code"] == 3 and str(db) in out["run"]["err"], out["run"]
    status = json.loads(out["status"]["out"])
    assert out["status"]["code"] == 1 and status["ok"] is False, out["status"]
    assert said in status["store_unwritable"] and "read-only file system" in status["store_unwritable"], status
    assert any(p.startswith("STORE NOT WRITABLE: " + said) for p in status["problems"]), status["problems"]
    healthz = out["healthz"]
    assert healthz["code"] == 503 and any(said in p for p in healthz["body"]["problems"]), healthz
    after = json.loads(out["after"]["out"])  # writable again: no longer said, without a run
    assert after["store_unwritable"] is None and not any(said in p for p in after["problems"]), after["problems"]


def test_a_run_stopped_by_a_fault_of_the_store_is_said_until_a_run_finishes(tmp_path, replayed):
    """A run under a file size limit (``ulimit -f``: as a quota, the store cannot grow; the file's mode and mount
    allow writing) stops at its first write, exit 3, and can record nothing, not even that it ran: `status` and
    `/healthz` said nothing was wrong (health42). Its line is left beside the store file and said by both until a
    run finishes."""
    import resource

    from tests.faults.serving import serving
    from tests.site_server import SiteServer

    db = tmp_path / "data" / "store.sqlite"
    url = copy_of(replayed, db)
    read_whole(url)
    limit = 8192  # the -wal holds one page at most: the run's first transaction of two pages fails

    def capped() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    def run(site: SiteServer, **kw) -> subprocess.CompletedProcess[str]:  # noqa: ANN003
        return _run(url, site.url, tmp_path, **kw)

    def status() -> tuple[int, dict]:
        return _status(url)

    said = "the last run, at "
    with SiteServer(FIXTURES) as site:
        failed = run(site, preexec_fn=capped)
        assert failed.returncode == 3 and str(db) in failed.stderr, failed.stderr[-2000:]
        code, report = status()
        assert code == 1 and report["run_store_fault"].startswith(said), report
        assert "could not write the store" in report["run_store_fault"] and str(db) in report["run_store_fault"]
        assert any(p.startswith("LAST RUN COULD NOT WRITE THE STORE: " + said) for p in report["problems"])
        with serving(url, tmp_path) as served:
            hcode, _, body = served.get("/healthz")
        health = json.loads(body)
        assert hcode == 503 and health["run_store_fault"].startswith(said), health
        assert any(p.startswith(said) for p in health["problems"]), health["problems"]
        clean = run(site)
    assert clean.returncode in (0, 1), clean.stderr[-2000:]
    code, report = status()
    assert report["run_store_fault"] is None and not any(said in p for p in report["problems"]), report["problems"]
    assert not (db.parent / "store.sqlite-run-failed").exists()


def test_a_run_whose_checkpoint_fails_says_so_and_status_fails_while_the_wal_stands(tmp_path, replayed):
    """A file size limit just above the store (a quota likewise): the run's writes fit in the -wal, every checkpoint
    into the file fails, and SQLite ignores that. The run exited 0 and the -wal stayed, the file alone malformed
    (a copy of it, deploy.md's backup, a broken store), with nothing said (health42 FS+20000). Now the run's closing
    checkpoint says it (a warning, the exit as the run's), `status` and `/healthz` fail (exit 1, 503) while the -wal
    stands, and a
    run without the limit checkpoints and clears it."""
    import resource
    import sqlite3

    from tests.faults.serving import serving
    from tests.site_server import SiteServer

    db = tmp_path / "data" / "store.sqlite"
    url = copy_of(replayed, db)
    read_whole(url)
    limit = db.stat().st_size + 4096  # the -wal (far smaller) can grow, the file not by the run's 12 KB

    def capped() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    def run(site: SiteServer, **kw) -> subprocess.CompletedProcess[str]:  # noqa: ANN003
        return _run(url, site.url, tmp_path, **kw)

    def status() -> tuple[int, dict]:
        return _status(url)

    said = "the store's write-ahead log could not be written into"
    assert status()[1]["store_not_checkpointed"] is None
    with SiteServer(FIXTURES) as site:
        capped_run = run(site, preexec_fn=capped)
        wal = db.with_name(db.name + "-wal")
        assert capped_run.returncode in (0, 1) and wal.stat().st_size > 0, capped_run.stderr[-2000:]
        assert f"mofcom-watch run: warning: {said} {db}" in capped_run.stderr, capped_run.stderr[-2000:]
        alone = tmp_path / "alone.sqlite"  # (what the warning is about: the file copied without its -wal)
        alone.write_bytes(db.read_bytes())
        with pytest.raises(sqlite3.DatabaseError):
            sqlite3.connect(alone).execute("PRAGMA integrity_check").fetchall()
        code, report = status()
        # a problem (health44; a warning before, exit as was: a monitor reading exit codes heard nothing until the
        # limit stopped the runs, while a backup of the file alone was a broken store)
        assert code == 1 and report["ok"] is False, report
        assert report["store_not_checkpointed"].startswith(said), report
        assert f"STORE NOT CHECKPOINTED: {report['store_not_checkpointed']}" in report["problems"], report["problems"]
        assert f"{db.name}-wal" in report["store_not_checkpointed"]
        with serving(url, tmp_path) as served:
            healthz, _, body = served.get("/healthz")
        assert json.loads(body)["store_not_checkpointed"].startswith(said)
        assert healthz == 503, body
        clean = run(site)
    assert clean.returncode in (0, 1) and said not in clean.stderr, clean.stderr[-2000:]
    code, report = status()
    assert report["store_not_checkpointed"] is None, report
    assert not wal.exists() or wal.stat().st_size == 0  # the clean run's checkpoint wrote it into the file
    assert not (db.parent / "store.sqlite-not-checkpointed").exists()


CAPPED_CYCLE = r'''
import resource, sys
limit = int(sys.argv[1])
if limit:
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from mofcom_watch.config import load_settings
from mofcom_watch.scheduler import real_cycle
result = real_cycle(load_settings())("cycle-1")
print("ok" if result is not None else "none")
'''


def test_a_cycle_whose_checkpoint_fails_logs_it_and_status_warns(tmp_path, replayed):
    """The same limit under ``schedule`` / ``serve --schedule``, whose process keeps the store open between cycles
    (no close at exit to try a checkpoint): each cycle's end checkpoints (PASSIVE, waiting for no reader), a failure
    logged and left for `status`; a cycle without the limit clears it."""
    from tests.faults.harness import HOSTS, cli_env
    from tests.site_server import SiteServer

    db = tmp_path / "data" / "store.sqlite"
    url = copy_of(replayed, db)
    read_whole(url)
    limit = db.stat().st_size + 4096
    said = "the store's write-ahead log could not be written into"
    with SiteServer(FIXTURES) as site:
        env = cli_env(MOFCOM_WATCH_DB=url, MOFCOM_WATCH_DATA_DIR=str(tmp_path / "data"),
                      MOFCOM_WATCH_BASE_URLS=",".join(f"{h}={site.url}/{h}" for h in HOSTS))

        def cycle(cap: int) -> subprocess.CompletedProcess[str]:
            return subprocess.run([sys.executable, "-c", CAPPED_CYCLE, str(cap)], cwd=REPO_ROOT, env=env,
                                  capture_output=True, text=True, timeout=300)

        capped = cycle(limit)
        assert capped.stdout.strip() == "ok", capped.stdout + capped.stderr[-2000:]
        assert "store not checkpointed" in capped.stderr, capped.stderr[-2000:]  # (its log line; the detail below)
        assert (db.parent / "store.sqlite-not-checkpointed").read_text().startswith(said)
        status = subprocess.run(zygote.command("--db", url, "status", "--json"), cwd=REPO_ROOT, env=env,
                                capture_output=True, text=True, timeout=120)  # (forked by the test zygote)
        assert json.loads(status.stdout)["store_not_checkpointed"].startswith(said), status.stdout[-2000:]
        assert status.returncode == 1, status.stdout[-2000:]  # a problem (health44)
        free = cycle(0)
    assert free.stdout.strip() == "ok" and "store not checkpointed" not in free.stderr, free.stderr[-2000:]
    assert not (db.parent / "store.sqlite-not-checkpointed").exists()
