"""Real processes against real files: run the CLI, fault it, and compare what is left with a clean run.

Used by the fault suite (``tests/faults``) and by ``bench/faults.py``. A store is compared table by
table, row by row, leaving out what differs between two equally good runs (row ids, run ids,
wall-clock times of runs); feeds are compared file by file, byte for byte.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests import zygote

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
FETCHED = "2026-11-29T00:00:00+00:00"
AS_OF = "2026-11-29"
HOSTS = tuple(sorted(d.name for d in FIXTURES.iterdir() if d.is_dir() and "." in d.name))  # the saved sites
# Columns that differ between two equally good runs: surrogate keys, run ids, wall-clock times of runs.
VOLATILE_COLUMNS = frozenset({"id", "run_id", "started_at", "finished_at", "first_derived"})  # (engine_seen: when)
# A killed run leaves its own history (its run lock, taken over by the next run; its publish attempts).
RUN_HISTORY_TABLES = frozenset({"source_run", "alembic_version", "run_lock", "publication",  # publication: the publish log
                                "store_identity"})  # a random id each store makes at its first publish
APPEND_ONLY = ("snapshot",)  # rows never updated or deleted: each one stored before a fault must survive it
ATOM = "{http://www.w3.org/2005/Atom}"


@dataclass(frozen=True)
class Done:
    """A finished process: exit code and output."""

    code: int
    out: str
    err: str

    @property
    def first_line(self) -> str:
        lines = [line for line in self.err.splitlines() if line.strip()]
        return lines[0] if lines else ""


def cli_env(**extra: str) -> dict[str, str]:
    """The environment for a CLI process: no user configuration, no politeness delays, no retries."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOFCOM_WATCH_")}
    env.update(MOFCOM_WATCH_REQUEST_DELAY="0", MOFCOM_WATCH_RETRIES="0", MOFCOM_WATCH_TIMEOUT="10",
               MOFCOM_WATCH_DATA_DIR=str(Path(env.get("TMPDIR", "/tmp")) / "mofcom-watch-faults-unused"))
    env.update(extra)
    return env


def command(db_url: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "mofcom_watch", "--db", db_url, *args]


def spawn(db_url: str, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(command(db_url, *args), cwd=ROOT, env=env or cli_env(), text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finish(proc: subprocess.Popen[str], timeout: float = 300) -> Done:
    out, err = proc.communicate(timeout=timeout)
    return Done(proc.returncode, out, err)


def into_one_second(db_url: str) -> None:
    """Move the earlier runs' times into the second of the newest cycle, as a cycle started in the second its previous
    run finished stores them (schedule's short interval, ``serve --schedule`` after a manual ``run``, two containers):
    every run row finished in the second the newest index page was stored, every publish finished 27 ms into the
    second the newest run row began. Fetch and run times are whole seconds; which run a page or a publish came after
    must not be read from them (``storage.health.crawl_cut_short``: "update", not "deep";
    ``storage.publications.unpublished_run``: the previous publish counted as after the start; ops35). Was:
    ``into_next_second``, a wait that kept the tests clear of it (they failed 1 run in 3 on a quiet machine)."""
    from sqlalchemy import func, select, update

    from storage.models import Page, Publication, Snapshot, SourceRun
    from storage.outcomes import PageOutcome

    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:
            stored = conn.scalar(select(func.max(Snapshot.fetched_at)).join(Page, Page.id == Snapshot.page_id)
                                 .where(Snapshot.outcome == PageOutcome.INDEX))
            conn.execute(update(SourceRun).where(SourceRun.finished_at < stored).values(finished_at=stored))
            began = conn.scalar(select(SourceRun.started_at).order_by(SourceRun.id.desc()).limit(1))
            at = began + timedelta(milliseconds=27)
            conn.execute(update(Publication).where(Publication.finished_at < at).values(finished_at=at))
    finally:
        engine.dispose()


@dataclass
class Logged:
    """A running CLI process whose stderr goes to a file, readable while it runs."""

    proc: subprocess.Popen[str]
    log: Path

    def said(self, text: str) -> bool:
        return text in self.log.read_text(encoding="utf-8", errors="replace")

    def finish(self, timeout: float = 300) -> Done:
        self.proc.wait(timeout=timeout)
        return Done(self.proc.returncode, "", self.log.read_text(encoding="utf-8", errors="replace"))

    def stop(self, timeout: float = 120) -> Done:
        """SIGTERM (docker stop's signal), then its end."""
        self.proc.send_signal(signal.SIGTERM)
        return self.finish(timeout)

    @contextmanager
    def reaped(self) -> Iterator[None]:
        """Kill the process if the block leaves it running (a failed assertion must not leave a schedule loop)."""
        try:
            yield
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()


def spawn_logged(db_url: str, *args: str, log: Path, env: dict[str, str] | None = None) -> Logged:
    with log.open("w", encoding="utf-8") as handle:
        proc = subprocess.Popen(command(db_url, *args), cwd=ROOT, env=env or cli_env(), text=True,
                                stdout=subprocess.DEVNULL, stderr=handle)
    return Logged(proc, log)


def cli(db_url: str, *args: str, env: dict[str, str] | None = None, timeout: float = 300) -> Done:
    """Run the command to its end: a real process forked by the test zygote (``tests/zygote.py``: the imports paid
    once per worker). Tests that signal, time or kill a process use :func:`spawn` (the real program's start)."""
    proc = subprocess.Popen(zygote.command("--db", db_url, *args), cwd=ROOT, env=env or cli_env(), text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return finish(proc, timeout)


def replay_args(tree: Path = FIXTURES) -> tuple[str, ...]:
    return ("replay", str(tree), "--fetched-at", FETCHED, "--as-of", AS_OF)


def run_args(site_url: str, out: Path) -> tuple[str, ...]:
    """``run`` against a local copy of the sites (tests/site_server.py), fetch time pinned."""
    args = ["run", "--as-of", AS_OF, "--fetched-at", FETCHED, "--out", str(out), "--no-progress"]
    for host in HOSTS:
        args += ["--base-url", f"{host}={site_url}/{host}"]
    return tuple(args)


def feeds_args(out: Path) -> tuple[str, ...]:
    return ("feeds", "--out", str(out), "--as-of", AS_OF)


def kill_after(proc: subprocess.Popen[str], seconds: float) -> Done:
    """kill -9 the process after ``seconds`` (if still running); reap it."""
    try:
        proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
    return finish(proc)


def lock_holder(db_url: str) -> str | None:
    """Who holds the run lock now (None: nobody, or no store yet); a plain read, never waits."""
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite" and not Path(url.database or "").exists():
        return None
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT holder FROM run_lock")).scalar()
    except Exception:  # noqa: BLE001 - the table is not created yet
        return None
    finally:
        engine.dispose()


def write_locked(path: Path, wait: float = 0.0) -> bool:
    """Some connection holds the SQLite file's write lock now (asked waiting at most ``wait`` seconds, writing
    nothing): a process stopped mid-transaction, or publishing."""
    import sqlite3

    conn = sqlite3.connect(path, timeout=wait, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        conn.close()


def until(condition: Callable[[], bool], seconds: float = 90) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def next_second() -> None:
    """Wait until the wall clock's whole second is a later one than now's: every time a process stored before the call
    (fetch, check and run times: whole seconds, floored) is then earlier than any it stores after it. Where a test needs
    each cycle's check a later one; ``time.sleep(1.01)`` waited twice as long on average (session 54)."""
    start = int(time.time())
    while int(time.time()) <= start:
        time.sleep(min(0.05, max(0.001, start + 1 - time.time())))


def locked_then_done(db_url: str, proc: subprocess.Popen[str]) -> float:
    """Seconds from the moment ``proc`` holds the run lock until it exits: its busy window."""
    until(lambda: lock_holder(db_url) is not None or proc.poll() is not None)
    t0 = time.monotonic()
    proc.wait()
    return time.monotonic() - t0


def timed(db_url: str, *args: str, env: dict[str, str] | None = None) -> tuple[Done, float]:
    t0 = time.monotonic()
    done = cli(db_url, *args, env=env)
    return done, time.monotonic() - t0


# --- the store -------------------------------------------------------------------------------


def store_rows(db_url: str, skip_tables: Iterable[str] = RUN_HISTORY_TABLES) -> dict[str, Counter[str]]:
    """Every row of every table as text (volatile columns left out), counted; read with a plain engine."""
    skip = set(skip_tables)
    engine = create_engine(make_url(db_url))
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                tables = [r[0] for r in conn.execute(text(
                    "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"))]
            else:
                tables = [r[0] for r in conn.execute(text(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"))]
            rows: dict[str, Counter[str]] = {}
            for table in sorted(set(tables) - skip):
                result = conn.execute(text(f'SELECT * FROM "{table}"'))
                keep = [i for i, c in enumerate(result.keys()) if c not in VOLATILE_COLUMNS and not c.endswith("_id")]
                rows[table] = Counter(_row_text(row, keep) for row in result)
            return rows
    finally:
        engine.dispose()


def _row_text(row: Sequence[object], keep: list[int]) -> str:
    out = []
    for i in keep:
        value = row[i]
        if isinstance(value, (bytes, memoryview)):
            value = hashlib.sha256(bytes(value)).hexdigest()
        elif hasattr(value, "isoformat"):  # SQLite returns naive UTC, PostgreSQL aware: compare the same
            value = value.replace(tzinfo=None).isoformat() if hasattr(value, "tzinfo") else value.isoformat()
        out.append(repr(value))
    return "|".join(out)


def rows_lost(expected: dict[str, Counter[str]], got: dict[str, Counter[str]]) -> int:
    """Rows of the clean store missing from ``got``."""
    return sum(sum((rows - got.get(table, Counter())).values()) for table, rows in expected.items())


def rows_extra(expected: dict[str, Counter[str]], got: dict[str, Counter[str]]) -> int:
    """Rows in ``got`` that the clean store does not have."""
    return rows_lost(got, expected)


def sqlite_integrity(path: Path) -> str:
    import sqlite3

    with sqlite3.connect(path) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


# --- the feeds -------------------------------------------------------------------------------


def feed_files(folder: Path) -> dict[str, str]:
    """Relative path -> SHA-256 of every feed file (temporary dotfiles left out)."""
    if not folder.is_dir():
        return {}
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.startswith(".")}


def item_ids(folder: Path) -> Counter[str]:
    """Every item id of every Atom feed (entity feeds included), counted."""
    ids: Counter[str] = Counter()
    for path in sorted(folder.rglob("*.atom")):
        for entry in ET.parse(path).getroot().iter(f"{ATOM}entry"):
            ids[f"{path.relative_to(folder)}#{entry.findtext(f'{ATOM}id')}"] += 1
    return ids


def false_items(expected: Path, got: Path) -> int:
    """Items published in ``got`` that the clean run does not publish (by feed and id)."""
    return sum((item_ids(got) - item_ids(expected)).values())


# Verdicts on feed bytes already checked in this process, by SHA-256: judge() checks a recovered folder only once its
# files equal the clean run's byte for byte, so the fault tests of one worker asked feedparser (~5 s a folder) the
# same question about the same bytes a dozen times. The checks read nothing but the bytes: a verdict holds for them.
_FEED_VERDICTS: dict[str, str | None] = {}  # sha256 -> None (well-formed, feedparser content) or what is wrong
_XMLLINT_PASSED: set[str] = set()  # sha256 of bytes xmllint accepted


def invalid_feeds(folder: Path) -> list[str]:
    """Feed files that are not well-formed XML or that feedparser flags (empty list: all valid)."""
    import feedparser

    bad = []
    digests: dict[Path, str] = {}
    for path in sorted(folder.rglob("*")):
        if path.suffix not in (".atom", ".rss") or path.name.startswith("."):
            continue
        data = path.read_bytes()
        digest = digests[path] = hashlib.sha256(data).hexdigest()
        if digest not in _FEED_VERDICTS:
            try:
                ET.fromstring(data)
            except ET.ParseError as exc:
                _FEED_VERDICTS[digest] = str(exc)
            else:
                parsed = feedparser.parse(data)
                _FEED_VERDICTS[digest] = str(parsed.bozo_exception) if parsed.bozo else None
        if (verdict := _FEED_VERDICTS[digest]) is not None:
            bad.append(f"{path.name}: {verdict}")
    if shutil.which("xmllint"):
        files = [str(p) for p, digest in digests.items() if digest not in _XMLLINT_PASSED]
        for start in range(0, len(files), 200):
            chunk = files[start:start + 200]
            done = subprocess.run(["xmllint", "--noout", *chunk], capture_output=True, text=True)
            if done.returncode != 0:
                bad.append(f"xmllint: {done.stderr.strip().splitlines()[0]}")
            else:
                _XMLLINT_PASSED.update(digests[Path(f)] for f in chunk)
    return bad


# --- a clean baseline --------------------------------------------------------------------------


@dataclass(frozen=True)
class Baseline:
    """One clean replay of the fixtures (or one clean run) on a fresh store, and its feeds."""

    db_url: str
    feeds: Path
    rows: dict[str, Counter[str]]
    files: dict[str, str]
    seconds: float  # from start to exit
    busy: float  # from taking the run lock to exit: where kill -9 is interesting
    code: int = 0  # the clean run's exit code: 1 when the fixtures' deliberate count gaps are reported
    err: str = ""  # and what it reported


def clean_replay(workdir: Path, tree: Path = FIXTURES) -> Baseline:
    db = f"sqlite:///{workdir / 'clean.sqlite'}"
    t0 = time.monotonic()
    proc = spawn(db, *replay_args(tree))
    busy = locked_then_done(db, proc)
    seconds = time.monotonic() - t0
    done = finish(proc)
    assert done.code in (0, 1) and "Traceback" not in done.err, done.err
    feeds = workdir / "clean-feeds"
    published = cli(db, *feeds_args(feeds))
    assert published.code in (0, 1), published.err
    return Baseline(db, feeds, store_rows(db), feed_files(feeds), seconds, busy, done.code, done.err)


def fixtures_replayed(workdir: Path) -> Path:
    """A SQLite file holding the fixtures replayed once by a real ``replay`` process (``replay_args()``), for a
    module's tests to start from copies of (:func:`store_copy`) instead of each replaying the whole tree again."""
    path = workdir / "replayed.sqlite"
    done = cli(f"sqlite:///{path}", *replay_args())
    assert done.code in (0, 1), done.out + done.err  # the fixtures hold known problems: exit 1 says so
    return path


def store_copy(replayed: Path, target: Path) -> str:
    """The URL of a private copy of the SQLite file ``replayed`` (its -wal / -shm files too, if any) at ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{replayed}{suffix}").exists():
            shutil.copyfile(f"{replayed}{suffix}", f"{target}{suffix}")
    return f"sqlite:///{target}"


def clean_run(workdir: Path, site_url: str, db_url: str | None = None) -> Baseline:
    """One clean ``run`` against the local copy of the sites on a fresh store, feeds written by the run."""
    db = db_url or f"sqlite:///{workdir / 'clean-run.sqlite'}"
    feeds = workdir / "clean-run-feeds"
    t0 = time.monotonic()
    proc = spawn(db, *run_args(site_url, feeds))
    busy = locked_then_done(db, proc)
    seconds = time.monotonic() - t0
    done = finish(proc)
    assert done.code in (0, 1) and "Traceback" not in done.err, done.out + done.err
    return Baseline(db, feeds, store_rows(db), feed_files(feeds), seconds, busy, done.code, done.err)


@dataclass(frozen=True)
class Outcome:
    """One fault, as ``bench/faults.py`` prints it."""

    fault: str
    code: int
    message: str
    lost: int
    false: int
    recovered: bool


def judge(fault: str, faulted: Done, baseline: Baseline, db_url: str, feeds: Path,
          at_fault: dict[str, Counter[str]] | None = None) -> Outcome:
    """After the clean re-run: rows lost (rows stored when the fault struck, or by a clean run, that are
    missing now), items the clean run does not publish, and whether store and feeds equal the clean run's."""
    rows = store_rows(db_url)
    lost = rows_lost(baseline.rows, rows)
    if at_fault is not None:  # pages stored before the fault: later pages may update notices, never drop a snapshot
        lost += rows_lost({t: at_fault[t] for t in APPEND_ONLY if t in at_fault}, rows)
    recovered = (lost == 0 and rows_extra(baseline.rows, rows) == 0
                 and feed_files(feeds) == baseline.files and not invalid_feeds(feeds))
    return Outcome(fault, faulted.code, faulted.first_line, lost, false_items(baseline.feeds, feeds), recovered)


# --- faults ------------------------------------------------------------------------------------

TRIALS_ENV = "MOFCOM_WATCH_FAULT_TRIALS"  # more kill points than CI's few: MOFCOM_WATCH_FAULT_TRIALS=20
SEED = 9


def trials(default: int) -> int:
    return int(os.environ.get(TRIALS_ENV, default))


def kill_points(count: int, longest: float, seed: int = SEED) -> list[float]:
    """``count`` seeded moments in [0, ``longest``): seconds after the run lock is taken, where kill -9 strikes."""
    import random

    rng = random.Random(seed)
    return [round(rng.uniform(0.0, longest), 2) for _ in range(count)]


def kill_when_busy(db_url: str, proc: subprocess.Popen[str], after: float) -> Done:
    """kill -9 ``proc`` ``after`` seconds after it took the run lock (if it still runs)."""
    until(lambda: lock_holder(db_url) is not None or proc.poll() is not None)
    return kill_after(proc, after)


def kill_replay(baseline: Baseline, workdir: Path, after: float) -> Outcome:
    """kill -9 a replay on a fresh store ``after`` seconds into its work, then replay cleanly and compare."""
    path = workdir / "store.sqlite"
    db = f"sqlite:///{path}"
    killed = kill_when_busy(db, spawn(db, *replay_args()), after)
    at_fault = store_rows(db) if path.exists() else None
    assert not path.exists() or sqlite_integrity(path) == "ok"
    again = cli(db, *replay_args())
    assert again.code == baseline.code, again.err
    feeds = workdir / "feeds"
    cli(db, *feeds_args(feeds))
    return judge(f"kill -9 replay {after:.1f} s into its work", killed, baseline, db, feeds, at_fault)


def kill_run(baseline: Baseline, workdir: Path, site_url: str, after: float) -> Outcome:
    """kill -9 a ``run`` on a fresh store ``after`` seconds into its work, then run cleanly and compare."""
    path = workdir / "store.sqlite"
    db = f"sqlite:///{path}"
    feeds = workdir / "feeds"
    killed = kill_when_busy(db, spawn(db, *run_args(site_url, feeds)), after)
    at_fault = store_rows(db) if path.exists() else None
    assert not path.exists() or sqlite_integrity(path) == "ok"
    again = cli(db, *run_args(site_url, feeds))
    assert again.code == baseline.code, again.out + again.err
    return judge(f"kill -9 run {after:.1f} s into its work", killed, baseline, db, feeds, at_fault)


# --- resources: a small or read-only file system ------------------------------------------------


def can_mount() -> str | None:
    """None when this process may mount a tmpfs; otherwise the reason the disk tests are skipped."""
    if os.geteuid() != 0:
        return "a full disk needs a small tmpfs, and mounting one needs root"
    probe = Path(os.environ.get("TMPDIR", "/tmp")) / f"mofcom-watch-mount-probe-{os.getpid()}"
    probe.mkdir(exist_ok=True)
    try:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(probe)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            return f"cannot mount a tmpfs here: {done.stderr.strip() or done.returncode}"
        subprocess.run(["umount", str(probe)], check=True)
        return None
    except FileNotFoundError:
        return "no mount command"
    finally:
        probe.rmdir()


class Tmpfs:
    """A tmpfs mounted at ``path`` for the ``with`` block: resized or made read-only while mounted."""

    def __init__(self, path: Path, size: int) -> None:
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], check=True)

    def remount(self, *options: str) -> None:
        subprocess.run(["mount", "-o", ",".join(("remount", *options)), str(self.path)], check=True)

    def __enter__(self) -> Tmpfs:
        return self

    def __exit__(self, *exc: object) -> None:
        subprocess.run(["umount", "-l", str(self.path)], check=False)


def read_only_mount_works() -> bool:
    """Whether this process may make a read-only tmpfs in a mount namespace of its own (root, ``unshare -m``)."""
    if shutil.which("unshare") is None:
        return False
    try:
        return subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs none /mnt && mount -o remount,ro /mnt"],
                              capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


WAITING = "for the run lock: another run holds the 'cycle' lock: pid "


def concurrent_replays(baseline: Baseline, workdir: Path, writers: int) -> tuple[Outcome, list[Done], int]:
    """``writers`` replays of the fixtures on one fresh SQLite file at once. The first is paused (SIGSTOP)
    once it holds the run lock until the others say they wait for it: the overlap is certain, not a
    matter of timing. Returns the outcome, every writer's result, and the first writer's pid."""
    db = f"sqlite:///{workdir / 'store.sqlite'}"
    first = spawn_logged(db, *replay_args(), log=workdir / "w0.log")
    until(lambda: lock_holder(db) is not None or first.proc.poll() is not None)
    os.kill(first.proc.pid, signal.SIGSTOP)
    try:
        holder = lock_holder(db)
        assert holder is not None and f":{first.proc.pid}:" in holder
        others = [spawn_logged(db, *replay_args(), log=workdir / f"w{n}.log") for n in range(1, writers)]
        assert until(lambda: all(o.said(WAITING) or o.proc.poll() is not None for o in others))
    finally:
        os.kill(first.proc.pid, signal.SIGCONT)
    results = [p.finish() for p in [first, *others]]
    worst = next((d for d in results if d.code != baseline.code), results[-1])
    feeds = workdir / "feeds"
    cli(db, *feeds_args(feeds))
    return judge(f"{writers} concurrent replays, one SQLite file", worst, baseline, db, feeds), results, first.proc.pid
