"""A publish stopped by SIGTERM (``docker stop``, a CronJob's deadline) or Ctrl-C leaves the feeds folder whole: the
last publish's when the stop came while the files were written, this publish's when it came while they were put in
place (ops39).

Was: a stop while the staged files were renamed into place (``feeds.write.Staged.commit``: 0.18 s of a 12 s publish
at 10 times the fixtures) removed the rest, leaving the folder part this publish's, part the last one's, recorded as
"may be part new, part the last publish's". Now the rest are put in place too (renames: no space, a fraction of a
second), then the stop; and the record says which of the two the folder holds.

Real ``feeds`` processes and a real SIGTERM. Where the stop lands is made certain by a ``sitecustomize`` on the
process's PYTHONPATH: it stops the process (SIGSTOP) at its Nth rename into place, or at its Nth file written beside
its own; the test then sends SIGTERM and SIGCONT."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

from tests.conftest import copy_of
from tests.faults.harness import AS_OF, ROOT, cli, cli_env, command, feed_files

LATER = "2026-12-03"  # another day: every state picture changes (its as-of line), some feeds too
PAUSE_AT = """
import os, signal, sys, tempfile

_where, _at, _ready = os.environ["STOP_IN"], int(os.environ["STOP_AT"]), os.environ["STOP_READY"]
_seen = [0]


def _count(frame_name):
    frame = sys._getframe(2)
    if frame.f_code.co_name != frame_name or not frame.f_code.co_filename.replace(os.sep, "/").endswith("feeds/write.py"):
        return
    _seen[0] += 1
    if _seen[0] == _at:
        open(_ready, "w").close()
        os.kill(os.getpid(), signal.SIGSTOP)


_replace, _open = os.replace, os.open


def replace(*args, **kwargs):
    done = _replace(*args, **kwargs)
    if _where == "placing":
        _count("commit")  # the Nth file put in place, then stopped
    return done


def open_(*args, **kwargs):
    made = _open(*args, **kwargs)
    if _where == "writing":
        _count("_create")  # the Nth file begun beside its own (FileSink._create), then stopped
    return made


os.replace, os.open = replace, open_
"""


def _stopped_publish(url: str, out: Path, tmp_path: Path, where: str, at: int) -> subprocess.CompletedProcess[str]:
    site = tmp_path / f"site-{where}"
    site.mkdir()
    (site / "sitecustomize.py").write_text(PAUSE_AT)
    ready = tmp_path / f"ready-{where}"
    env = cli_env(PYTHONPATH=str(site), STOP_IN=where, STOP_AT=str(at), STOP_READY=str(ready))
    proc = subprocess.Popen(command(url, "feeds", "--out", str(out), "--as-of", LATER), cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 240
        while not ready.exists():
            assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
            time.sleep(0.02)
        until = time.monotonic() + 30  # stopped by itself (SIGSTOP) at that point
        while _state(proc.pid) != "T" and time.monotonic() < until:
            time.sleep(0.01)
        assert _state(proc.pid) == "T"
        proc.send_signal(signal.SIGTERM)  # pending while it is stopped: delivered where it stopped
        proc.send_signal(signal.SIGCONT)
        out_, err = proc.communicate(timeout=240)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    return subprocess.CompletedProcess(proc.args, proc.returncode, out_, err)


def _state(pid: int) -> str:
    with open(f"/proc/{pid}/stat") as fh:
        return fh.read().rsplit(")", 1)[1].split()[0]


def _recorded(store: Path, out: Path) -> tuple[int, str]:
    with sqlite3.connect(store) as conn:
        ok, error = conn.execute("SELECT ok, error FROM publication WHERE target = ? ORDER BY id DESC LIMIT 1",
                                 (str(out),)).fetchone()
    return ok, error


def test_a_stop_while_the_files_are_put_in_place_puts_them_all_in_place(replayed, tmp_path):
    store = tmp_path / "store.sqlite"
    url = copy_of(replayed, store)
    out = tmp_path / "feeds"
    assert cli(url, "feeds", "--out", str(out), "--as-of", AS_OF).code in (0, 1)
    before = feed_files(out)
    assert cli(url, "feeds", "--out", str(tmp_path / "reference"), "--as-of", LATER).code in (0, 1)
    after = feed_files(tmp_path / "reference")
    changed = [name for name in after if before.get(name) != after[name]]
    assert len(changed) > 40, changed  # the stop comes at the 20th: files on both sides of it

    stopped = _stopped_publish(url, out, tmp_path, "placing", 20)
    assert stopped.returncode == 143, stopped.stdout + stopped.stderr
    assert stopped.stderr.strip().splitlines()[-1] == "mofcom-watch feeds: stopped by SIGTERM", stopped.stderr
    got = feed_files(out)
    mixed = sorted(name for name in changed if got.get(name) != after[name])
    assert not mixed, f"{len(mixed)} of {len(changed)} changed files left as the last publish's"  # was: all but 20
    assert got == after
    assert not [p.name for p in out.rglob(".*.tmp")]
    ok, error = _recorded(store, out)
    assert not ok and error.startswith("stopped by SIGTERM while it put the feeds in place: it put every file of "
                                       f"this publish in place first (the files in {out} are this publish's, whole)"), error


def test_a_stop_while_the_files_are_written_leaves_the_last_publish(replayed, tmp_path):
    store = tmp_path / "store.sqlite"
    url = copy_of(replayed, store)
    out = tmp_path / "feeds"
    assert cli(url, "feeds", "--out", str(out), "--as-of", AS_OF).code in (0, 1)
    before = feed_files(out)

    stopped = _stopped_publish(url, out, tmp_path, "writing", 20)
    assert stopped.returncode == 143, stopped.stdout + stopped.stderr
    assert feed_files(out) == before  # not one file of the stopped publish
    ok, error = _recorded(store, out)
    assert not ok and error == (f"stopped by SIGTERM while it wrote the feeds: no file of this publish was put in "
                                f"place (every file in {out} is the last publish's); the next publish writes them"), error
    assert cli(url, "feeds", "--out", str(out), "--as-of", LATER).code in (0, 1)
    assert not [p.name for p in out.rglob(".*.tmp")]  # the stopped publish's file in flight: removed by the next
    assert os.path.isfile(out / "all.atom")


def test_serve_stopped_during_its_publish_at_start_exits_0_as_any_stop_of_it(replayed, tmp_path):
    """``serve`` ends 0 on SIGTERM by design (README, docs/deploy.md); stopped during the publish it makes before it
    serves, it died 143 (ops39 B3), which a supervisor reads as a crash."""
    store = tmp_path / "store.sqlite"
    url = copy_of(replayed, store)
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(PAUSE_AT)
    ready = tmp_path / "ready"
    env = cli_env(PYTHONPATH=str(site), STOP_IN="writing", STOP_AT="20", STOP_READY=str(ready),
                  MOFCOM_WATCH_FEEDS_DIR=str(tmp_path / "feeds"))
    proc = subprocess.Popen(command(url, "serve", "--port", "0"), cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 240
        while not ready.exists():
            assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
            time.sleep(0.02)
        until = time.monotonic() + 30
        while _state(proc.pid) != "T" and time.monotonic() < until:
            time.sleep(0.01)
        assert _state(proc.pid) == "T"
        proc.send_signal(signal.SIGTERM)
        proc.send_signal(signal.SIGCONT)
        _out, err = proc.communicate(timeout=240)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert "stopped before serving, during the publish at start" in err, err
    assert "serving" not in err.replace("stopped before serving", ""), err  # it never said it served
