"""The test zygote (``tests/zygote.py``) answers as the real program would: the same bytes on stdout and stderr and
the same exit code as ``python -m mofcom_watch``, with the caller's working folder, environment and standard input;
a start it cannot reproduce goes to the real program; a launcher killed takes its process with it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests import zygote

FIXTURE_PAGE = Path(__file__).resolve().parents[1] / "fixtures" / "www.mofcom.gov.cn" / "zcfb" / "blgg" / "gg" / "2025" / "index.html"


def both(args: list[str], cwd: Path, env: dict[str, str], stdin: bytes = b"") -> tuple[tuple, tuple]:
    def one(argv: list[str]) -> tuple:
        done = subprocess.run(argv, cwd=cwd, env=env, input=stdin, capture_output=True, timeout=120)
        return done.returncode, done.stdout, done.stderr

    return one(zygote.command(*args)), one([sys.executable, "-m", "mofcom_watch", *args])


def base_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOFCOM_WATCH_")}
    env.update(extra)
    return env


def test_a_command_through_the_zygote_answers_as_the_real_program(tmp_path):
    (tmp_path / "here.toml").write_text('[fetch]\ntimeout = 7\n', encoding="utf-8")
    env = base_env(MOFCOM_WATCH_REQUEST_DELAY="3", MOFCOM_WATCH_FEED_DIR="x",  # a setting and a typo (warned)
                   COLUMNS="61")  # read when the output is made (rich, click), not at import
    cases = [
        (["--config", "here.toml", "config"], b""),  # a path relative to the caller's folder, the caller's variables
        (["parse", "-"], FIXTURE_PAGE.read_bytes()),  # the caller's standard input
        (["nosuch"], b""),  # a usage error: exit 2, the message on stderr
        (["--db", f"sqlite:///{tmp_path / 'none' / 'x.sqlite'}", "status"], b""),
    ]
    served_before = len(zygote.logged("served.log"))
    for args, stdin in cases:
        through, real = both(args, tmp_path, env, stdin)
        assert through == real, (args, through, real)
    served = zygote.logged("served.log")[served_before:]
    assert [line.split(" ", 1)[1] for line in served] == [repr(args) for args, _ in cases], served
    config = both(cases[0][0], tmp_path, env)[0]
    assert b"timeout = 7.0   # [file " in config[1] and b"request_delay = 3.0   # [env" in config[1], config
    assert b"MOFCOM_WATCH_FEED_DIR is not a setting" in config[2], config


def test_a_start_the_zygote_cannot_reproduce_runs_the_real_program(tmp_path):
    env = base_env(PYTHONIOENCODING="ascii")  # stdout in another encoding: chosen at the interpreter's start
    refused_before = len(zygote.logged("refused.log"))
    through, real = both(["parse", "-"], tmp_path, env, FIXTURE_PAGE.read_bytes())
    assert through == real and "商务部".encode() in through[1], through[1][:300]  # UTF-8 (mofcom_watch.term)
    refused = zygote.logged("refused.log")[refused_before:]
    assert len(refused) == 1 and "PYTHONIOENCODING" in refused[0], refused


def test_the_process_of_a_killed_launcher_is_killed(tmp_path):
    served_before = len(zygote.logged("served.log"))
    launcher = subprocess.Popen(zygote.command("parse", "-"), cwd=tmp_path, env=base_env(), stdin=subprocess.PIPE,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # waits for its input
    deadline = time.monotonic() + 60
    while len(zygote.logged("served.log")) == served_before and time.monotonic() < deadline:
        time.sleep(0.05)
    child = int(zygote.logged("served.log")[served_before].split()[0])
    assert Path(f"/proc/{child}").exists()
    launcher.send_signal(signal.SIGKILL)
    launcher.wait(timeout=30)
    while Path(f"/proc/{child}").exists() and time.monotonic() < deadline:  # its input still open: it would wait
        time.sleep(0.05)
    gone = not Path(f"/proc/{child}").exists()
    launcher.stdin.close()  # type: ignore[union-attr]
    assert gone, f"pid {child} outlived its launcher"


def test_a_replay_through_the_zygote_writes_what_the_real_program_writes(tmp_path):
    """What the zygote imports and makes ahead (every module, alembic, cn2an, the parser's first-use patterns, the
    mappers: session 55) leaves a command's work as the real program's: a new store migrated, the fixtures read, their
    feeds written: the same output, exit codes and feed bytes."""
    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    commands = (["--db", "sqlite:///store.sqlite", "replay", str(fixtures), "--as-of", "2026-11-30",
                 "--fetched-at", "2026-11-30T08:00:00+00:00"],
                ["--db", "sqlite:///store.sqlite", "feeds", "--out", "feeds", "--as-of", "2026-11-30"])
    env = base_env()
    outcomes, folders = [], []
    served_before = len(zygote.logged("served.log"))
    for side in ("zygote", "real"):
        here = tmp_path / side
        here.mkdir()
        for args in commands:
            argv = zygote.command(*args) if side == "zygote" else [sys.executable, "-m", "mofcom_watch", *args]
            done = subprocess.run(argv, cwd=here, env=env, capture_output=True, timeout=300)
            outcomes.append((side, done.returncode, done.stdout, done.stderr))
        folders.append({p.relative_to(here / "feeds").as_posix(): p.read_bytes()
                        for p in sorted((here / "feeds").rglob("*"))
                        if p.is_file() and not p.name.startswith(".")})  # (.mofcom-watch-store: each store's own id)
    assert len(zygote.logged("served.log")) == served_before + 2  # the first two did go through the zygote
    assert [o[1:] for o in outcomes[:2]] == [o[1:] for o in outcomes[2:]]
    # the fixtures' three notices read short of their stated counts on purpose: exit 1, and open health issues
    assert [o[1] for o in outcomes] == [1, 1, 1, 1] and b"count mismatch" in outcomes[0][2] + outcomes[0][3]
    assert folders[0] == folders[1] and len(folders[0]) > 300


def _preloaded(*first: str) -> list:
    """What a new zygote's preload says, in a process of its own: its refusal (None: it serves), the statements its
    warm-up left compiled, and what the warm-up must leave as a fresh process has it."""
    code = "\n".join([
        "import json", "from tests import zygote", *first, "said = zygote.preload()",
        "from storage import derived, engines, heldfile", "from storage.sqlcache import COMPILED",
        "print(json.dumps([said, len(COMPILED), derived._engine_version, engines._superseded is None, len(heldfile._kept)]))"])
    done = subprocess.run([sys.executable, "-c", code], cwd=zygote.ROOT, capture_output=True, text=True, timeout=120,
                          env=base_env())
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.splitlines()[-1])


def test_the_warm_up_leaves_the_sql_of_the_commands_compiled_and_the_program_as_a_fresh_process_has_it():
    """Session 56: the zygote runs a replay, status, a timeline and a publish on a throwaway store before it serves,
    so each forked command finds their SQL compiled (``storage.sqlcache``). What the commands keep once per process
    (the engine's digest, the release list, descriptors of files read) is put back as it was."""
    said, compiled, engine_version, superseded_unread, kept = _preloaded()
    assert said is None
    assert compiled > 50  # (~150 statements)
    assert (engine_version, superseded_unread, kept) == (None, True, 0)


def test_a_warm_up_that_leaves_the_program_changed_keeps_the_zygote_from_serving():
    """The check is live: with nothing put back, the globals the commands set are found changed, and the zygote
    would refuse every command (each then runs the real program), which the tests above would show."""
    said, *_ = _preloaded("zygote.restore_modules = lambda state: None")
    assert said is not None and "changed" in said and "storage.derived._engine_version" in said, said


LINGERING = r'''
import gc, io, sqlite3, sys, tempfile
from tests.zygote import lingering

def gen():
    yield 1

gc.collect(); gc.freeze()  # as the zygote before it forks: what exists now is not the command's
said = [lingering(True)]
handle = open(tempfile.mktemp(), "w"); said.append(lingering(True)); handle.close()
con = sqlite3.connect(":memory:"); said.append(lingering(True)); con.close(); del con
started = gen(); next(started); said.append(lingering(True)); started.close()
wrapper = io.TextIOWrapper(io.FileIO(1, "w", closefd=False)); wrapper.write(""); said.append(lingering(True))
print(said)
'''


def test_a_child_exits_without_freeing_only_when_nothing_it_made_would_act_when_freed():
    """A child ends by ``os._exit`` after the interpreter's own exit steps (threads, ``atexit``, flushes), skipping
    the freeing of the zygote's objects that cost ~0.1 s of CPU a command here (session 61); an object of its own
    whose freeing does something (a file to close, a SQLite connection, a suspended generator) sends it through the
    interpreter's exit instead. Each case in a process of its own."""
    done = subprocess.run([sys.executable, "-c", LINGERING], cwd=Path(__file__).resolve().parents[1],
                          capture_output=True, text=True, timeout=60)
    said = eval(done.stdout)  # noqa: S307 - our own repr of a list of strings and False
    assert said[0] is False, said
    assert said[1] and "_io." in said[1], said  # an open file (its layers): freeing it closes and flushes it
    assert "sqlite3.Connection" in said[2], said
    assert "generator" in said[3], said
    assert said[4] is False, said  # a stream on a standard descriptor is flushed, not closed: nothing lingers


def test_a_served_command_exits_fast_and_answers_as_the_real_program(tmp_path):
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    env = base_env()
    fixtures = str(Path(__file__).resolve().parents[1] / "fixtures" / "www.mfa.gov.cn")
    zygoted = subprocess.run(zygote.command("--db", db, "replay", fixtures), cwd=tmp_path, env=env,
                             capture_output=True, timeout=120)
    served = zygote.logged("served.log")[-1].split()[0]
    assert not [line for line in zygote.logged("exits.log") if line.split()[0] == served]  # nothing lingered
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store.sqlite"]  # no -wal or -shm left: closed as it ends
    real_db = f"sqlite:///{tmp_path / 'real' / 'store.sqlite'}"
    (tmp_path / "real").mkdir()
    real = subprocess.run([sys.executable, "-m", "mofcom_watch", "--db", real_db, "replay", fixtures], cwd=tmp_path,
                          env=env, capture_output=True, timeout=120)
    assert (zygoted.returncode, zygoted.stdout) == (real.returncode, real.stdout)
