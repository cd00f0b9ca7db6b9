"""Every command that reads the store fails loudly, the same way, on a store it cannot trust: one line naming the
file and what to do, exit 3 (as ``run``), never exit 0 or 1 with an empty or partial answer. Real processes on
real files: a copy of the replayed store damaged in four ways (ops18).

Was: pages damaged where ``timeline`` and ``screen`` did not look: they answered from the rest (exit 0 and 1, a
hit possibly missed); an empty (0-byte) file: ``status`` printed no listings and exited 0, having made a new store
in the file; a file that is not SQLite: exit 2 ("usage"); a plain ``serve`` served any of them."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest

from storage.db import SCHEMA_HEAD
from tests.conftest import copy_of
from tests.faults.harness import AS_OF, cli, cli_env

SCREEN_ROWS = Path(__file__).resolve().parents[1] / "data" / "screening-counterparties.csv"


def scribbled(replayed: Path, path: Path) -> str:
    """The replayed store with its last two thirds overwritten: SQLite reads the first third without a word."""
    url = copy_of(replayed, path)
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.seek(size // 3)
        fh.write(b"\x5a" * (size - size // 3))
    return url


def emptied(_replayed: Path, path: Path) -> str:
    path.write_bytes(b"")  # a copy or restore cut short at nothing
    return f"sqlite:///{path}"


def not_sqlite(_replayed: Path, path: Path) -> str:
    path.write_bytes(b"<html>a download saved over the store</html>\n")
    return f"sqlite:///{path}"


def foreign(_replayed: Path, path: Path) -> str:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.close()
    return f"sqlite:///{path}"


DAMAGED = "is damaged (PRAGMA quick_check: "
NO_STORE = "holds no mofcom-watch store ("
CASES = {  # each command, each kind of damage at least once
    "status": (scribbled, ("status", "--as-of", AS_OF), DAMAGED),
    "status --json": (emptied, ("status", "--json", "--as-of", AS_OF), NO_STORE + "an empty file"),
    "timeline": (scribbled, ("timeline", "Skydio", "--as-of", AS_OF), DAMAGED),
    "screen": (scribbled, ("screen", str(SCREEN_ROWS), "--as-of", AS_OF), DAMAGED),
    "feeds": (not_sqlite, ("feeds", "--out", "{tmp}/feeds", "--as-of", AS_OF), NO_STORE + "file is not a database"),
    "evidence": (foreign, ("evidence", "Skydio", "--out", "{tmp}/pack.zip", "--as-of", AS_OF),
                 NO_STORE + "its tables are contacts: another program's database?"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_command_on_a_store_it_cannot_trust_says_so_and_exits_3(replayed, tmp_path, case):
    damage, args, said = CASES[case]
    store = tmp_path / "store.sqlite"
    url = damage(replayed, store)
    before = store.read_bytes()
    done = cli(url, *(a.replace("{tmp}", str(tmp_path)) for a in args),
               env=cli_env(MOFCOM_WATCH_FEEDS_DIR=str(tmp_path / "served")), timeout=60)
    assert done.code == 3, (done.code, done.out[:300], done.err)
    assert done.first_line.startswith(f"mofcom-watch {args[0]}: the SQLite file {store} {said}"), done.err
    assert "internal error" not in done.err and done.out == ""
    assert store.read_bytes() == before  # nothing written into it: no store made in an empty or foreign file
    assert not (tmp_path / "feeds").exists() and not (tmp_path / "pack.zip").exists()
    assert not any(p.is_file() for p in (tmp_path / "served").rglob("*"))  # serve published nothing


def newer(replayed: Path, path: Path) -> str:
    url = copy_of(replayed, path)
    with sqlite3.connect(path) as conn:  # a store a newer version wrote (an image rolled back)
        conn.execute("UPDATE alembic_version SET version_num = '0042'")
    conn.close()
    return url


NEWER_SAID = (f"the database is at schema revision 0042, which this version of mofcom-watch does not know (newest known: "
              f"{SCHEMA_HEAD}); it was written by a newer mofcom-watch: upgrade the program, or use another database")


def test_schedule_refuses_a_store_of_a_newer_version_as_every_command_does(replayed, tmp_path):
    """Was: ``status``, ``run`` and the rest said "written by a newer mofcom-watch: upgrade the program" (exit 2), but
    ``schedule`` started and logged "cycle failed" every cycle, for ever. Now it says the same line and exits 2, the
    feeds folder untouched (``serve``: the test below)."""
    store = tmp_path / "store.sqlite"
    url = newer(replayed, store)
    args = ("schedule", "--cron", "0 0 1 1 *")
    done = cli(url, *args, "--as-of", AS_OF,
               env=cli_env(MOFCOM_WATCH_FEEDS_DIR=str(tmp_path / "served"), MOFCOM_WATCH_RUN_AT_START="false",
                           MOFCOM_WATCH_TODAY=AS_OF),  # cycles of a past day are refused (ops19)
               timeout=60)
    assert done.code == 2, done.err
    assert done.first_line == f"mofcom-watch {args[0]}: {NEWER_SAID}", done.err
    assert not any(p.is_file() for p in (tmp_path / "served").rglob("*"))


def beside_old_wal(_replayed: Path, path: Path) -> str:
    restored_beside_old_wal(path.parent)  # (the file the restore wrote is store.sqlite, with the old -wal)
    return f"sqlite:///{path}"


# serve tries a refused store again every half second here, not every REOPEN_SECONDS (10): the tests below wait for
# tries (MOFCOM_WATCH_REOPEN_SECONDS, read by mofcom_watch.server.app.reopen_seconds); polled every POLL seconds
REOPEN = "0.5"
FAST_REOPEN = {"MOFCOM_WATCH_REOPEN_SECONDS": REOPEN}
TRIED_AGAIN = 4 * float(REOPEN)  # seconds in which several tries are due, with room for a loaded machine
POLL = 0.05
WITHIN = f"serve opens the store again within {REOPEN} s of its cure"  # /healthz says the interval in effect


def test_the_interval_of_serves_tries_is_ten_seconds_unless_set_and_a_value_it_cannot_use_is_exit_2(monkeypatch):
    """The knob the tests below use (session 54: they waited 10 s and more for each try): unset or unusable in serve's
    environment, REOPEN_SECONDS; set, the number; a value it cannot use is a configuration error (exit 2) at start,
    as for the run lock's seconds, never the default without a word."""
    from mofcom_watch.config import ConfigError, load_settings
    from mofcom_watch.server.app import REOPEN_SECONDS, reopen_seconds

    monkeypatch.delenv("MOFCOM_WATCH_REOPEN_SECONDS", raising=False)
    assert REOPEN_SECONDS == 10 and reopen_seconds() == 10, "the default interval, unset"
    monkeypatch.setenv("MOFCOM_WATCH_REOPEN_SECONDS", REOPEN)
    assert reopen_seconds() == 0.5, "the interval set"
    for bad in ("5m", "0", "86400"):
        with pytest.raises(ConfigError, match=f"MOFCOM_WATCH_REOPEN_SECONDS: expected a number of seconds above 0 "
                                              f"and below 86400, got '{bad}'"):
            load_settings(environ={"MOFCOM_WATCH_REOPEN_SECONDS": bad})


REFUSED = {  # serve's two forms, each kind of refusal at start once
    "serve, an empty file": (emptied, (), NO_STORE + "an empty file"),
    "serve --schedule, a newer version": (newer, ("--schedule",), NEWER_SAID),
    "serve --schedule, a backup beside the old -wal": (beside_old_wal, ("--schedule",), "the SQLite file "),
}


@pytest.mark.parametrize("case", REFUSED)
def test_serve_on_a_store_refused_at_start_serves_the_folder_and_says_why(replayed, tmp_path, case):
    """The lead's decision (session 34; image33's C3): a store refused at start (a killed writer's ``-wal`` beside a
    restored backup, a newer version's schema, an empty or damaged file) made ``serve`` say one line and exit 3 (2 for
    a newer version); under ``restart: unless-stopped`` or ``--restart=on-failure`` the container started again to the
    same line, for ever, and readers got no feeds at all (the container was down). Now ``serve`` (plain, or with
    ``--schedule``) stays up: the feed files already in the folder are served as they are, nothing is published into
    it, no cycle runs, the store is not written, and ``/healthz`` answers 503 with the refusal's line; entity pages
    say they cannot answer (never "no such company"). A stop exits 0. Real processes on real files."""
    from tests.faults.serving import serving

    damage, args, said = REFUSED[case]
    store, folder = tmp_path / "store.sqlite", tmp_path / "served"
    url = damage(replayed, store)
    wal = store.with_name("store.sqlite-wal")
    before = (store.read_bytes(), wal.read_bytes() if wal.exists() else None)
    folder.mkdir()
    (folder / "all.atom").write_bytes(b"<feed>the feeds last published</feed>\n")
    with serving(url, tmp_path, *args, env={"MOFCOM_WATCH_FEEDS_DIR": str(folder), "MOFCOM_WATCH_TODAY": AS_OF,
                                            "MOFCOM_WATCH_CRON": "*/1 * * * * *"}) as served:
        code, _, body = served.get("/healthz")
        feed = served.get("/feeds/all.atom")
        page = served.get("/entity/skydio")
        if "--schedule" in args:
            time.sleep(1.2)  # a cycle's cron time passes (every second): none runs
        assert served.proc.poll() is None, served.proc.communicate()[1]
    assert served.proc.returncode == 0, served.stderr[-2000:]  # a requested stop
    report = json.loads(body)
    assert code == 503 and report["database"] == "refused", report
    assert report["problems"][0].startswith("the store was refused at start: ") and said in report["problems"][0], \
        report["problems"]
    assert feed[0] == 200 and feed[2] == b"<feed>the feeds last published</feed>\n"
    assert page[0] == 503 and b"No such company" not in page[2], page
    assert "mofcom-watch serve: " in served.stderr and said in served.stderr, served.stderr[-2000:]  # at start
    said_of_cycles = served.stderr.replace(str(tmp_path), "<tmp>").replace("no cycle", "")  # (a path may say "cycle")
    assert "cycle" not in said_of_cycles, served.stderr[-2000:]  # no cycle ran, none failed
    assert sorted(p.name for p in folder.iterdir()) == ["all.atom"]  # nothing published (no .store-state either)
    assert (store.read_bytes(), wal.read_bytes() if wal.exists() else None) == before  # the store as it was


def test_a_plain_serve_opens_a_refused_store_once_it_is_cured(replayed, tmp_path):
    """Session 46 (ops45's B): a plain ``serve`` refused at start (a newer version's store) stayed 503 after the cause was
    cured (an accepted run by the scheduler, the newer image's derive) until it was restarted: ``/healthz`` said "then
    restart serve" while the scheduler's cycles were clean. Now it tries the store again every REOPEN_SECONDS: once the
    store opens, it is served (``/healthz`` no longer "refused", entity pages answered) and its feeds published, with no
    restart. Real processes on a real file: the store's schema revision set to a newer one, then back."""
    from mofcom_watch.server.app import REOPEN_SECONDS
    from tests.faults.serving import serving

    store, folder = tmp_path / "store.sqlite", tmp_path / "served"
    url = newer(replayed, store)
    folder.mkdir()
    (folder / "all.atom").write_bytes(b"<feed>the feeds last published</feed>\n")
    with serving(url, tmp_path, env={"MOFCOM_WATCH_FEEDS_DIR": str(folder), "MOFCOM_WATCH_TODAY": AS_OF,
                                     **FAST_REOPEN}) as served:
        code, _, body = served.get("/healthz")
        refused = json.loads(body)
        assert code == 503 and refused["database"] == "refused", refused
        assert "no restart needed" in refused["problems"][0] and NEWER_SAID in refused["problems"][0], refused
        assert WITHIN in refused["problems"][0], refused  # the interval set, in effect
        time.sleep(TRIED_AGAIN)  # still refused: tried again, refused again, nothing published
        assert json.loads(served.get("/healthz")[2])["database"] == "refused"
        assert (folder / "all.atom").read_bytes() == b"<feed>the feeds last published</feed>\n"
        with sqlite3.connect(store) as conn:  # the cure: the store back at this version's schema (a rollback accepted)
            conn.execute("UPDATE alembic_version SET version_num = ?", (SCHEMA_HEAD,))
        conn.close()
        deadline = time.monotonic() + 3 * REOPEN_SECONDS + 30  # (as long as before the interval was set)
        while time.monotonic() < deadline:
            report = json.loads(served.get("/healthz")[2])
            if report.get("database") != "refused" and (folder / "all.atom").read_bytes().startswith(b"<?xml"):
                break
            time.sleep(POLL)
        assert report.get("database") != "refused", report
        page = served.get("/entity/skydio")
        assert served.proc.poll() is None, served.proc.communicate()[1]
    assert served.proc.returncode == 0, served.stderr[-2000:]
    assert not any("refused" in p for p in report.get("problems", ())), report
    assert page[0] == 200 and b"Skydio" in page[2], page[:2]
    assert (folder / "all.atom").read_bytes().startswith(b"<?xml")  # the store's feeds published
    assert "the store refused at start opens now" in served.stderr, served.stderr[-2000:]


def test_serve_schedule_opens_a_refused_store_once_it_is_cured_and_starts_its_cycles(replayed, tmp_path):
    """quiet46's open B (session 47): ``serve --schedule`` (the image's default command) refused at start (a newer
    version's store, an image rolled back) had to be restarted once the cure was done (an accepted run, the newer
    image's derive): ``/healthz`` said "then restart serve" and no cycle ran, for good, as its scheduler was built only
    at start. Now it tries the store again every REOPEN_SECONDS as a plain ``serve`` does: once the store opens it is
    served, its feeds published, and its cycles start (the cycle at start runs then, against the local site). Real
    processes on a real file: the store's schema revision set to a newer one, then back."""
    from mofcom_watch.server.app import REOPEN_SECONDS
    from tests.faults.harness import FIXTURES, HOSTS
    from tests.faults.serving import serving
    from tests.site_server import SiteServer

    store, folder = tmp_path / "store.sqlite", tmp_path / "served"
    url = newer(replayed, store)
    folder.mkdir()
    (folder / "all.atom").write_bytes(b"<feed>the feeds last published</feed>\n")
    with SiteServer(FIXTURES) as site:
        env = {"MOFCOM_WATCH_FEEDS_DIR": str(folder), "MOFCOM_WATCH_TODAY": AS_OF, "MOFCOM_WATCH_CRON": "0 0 1 1 *",
               "MOFCOM_WATCH_BASE_URLS": ",".join(f"{host}={site.url}/{host}" for host in HOSTS), **FAST_REOPEN}
        with serving(url, tmp_path, "--schedule", env=env) as served:
            refused = json.loads(served.get("/healthz")[2])
            assert refused["database"] == "refused" and NEWER_SAID in refused["problems"][0], refused
            assert "no restart needed; its cycles start then" in refused["problems"][0], refused
            assert "no cycle runs" in refused["problems"][0], refused
            assert WITHIN in refused["problems"][0], refused  # the interval set, in effect
            with sqlite3.connect(store) as conn:  # the cure: the store back at this version's schema
                conn.execute("UPDATE alembic_version SET version_num = ?", (SCHEMA_HEAD,))
            conn.close()
            deadline = time.monotonic() + 3 * REOPEN_SECONDS + 120  # (as long as before the interval was set)

            def cycle_published() -> bool:  # the cycle's own publish logged (a run's, not serve's)
                with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as conn:
                    return bool(conn.execute("SELECT count(*) FROM publication WHERE run_id IS NOT NULL").fetchone()[0])

            while time.monotonic() < deadline:
                report = json.loads(served.get("/healthz")[2])
                if report.get("database") != "refused" and cycle_published():
                    break
                time.sleep(POLL)
            report = json.loads(served.get("/healthz")[2])
            page = served.get("/entity/skydio")
            hits = len(site.hits)
            assert served.proc.poll() is None, served.proc.communicate()[1]
    assert served.proc.returncode == 0, served.stderr[-2000:]
    assert report.get("database") != "refused" and report.get("last_cycle"), report
    assert not any("refused" in p for p in report.get("problems", ())), report
    assert page[0] == 200 and b"Skydio" in page[2], page[:2]
    assert (folder / "all.atom").read_bytes().startswith(b"<?xml")  # the store's feeds published
    assert "the store refused at start opens now: serving it; its cycles start" in served.stderr, served.stderr[-2000:]
    assert 'msg="cycle done' in served.stderr and hits, served.stderr[-3000:]  # the cycle at start ran, fetched


def test_a_plain_serve_refused_says_why_it_is_still_refused_once_the_first_cause_is_gone(replayed, tmp_path):
    """ops46 (podman, the image of main on a SQLite volume): a plain ``serve`` refused at start tries the store again
    every REOPEN_SECONDS, but ``/healthz`` said the refusal at start for good: with its cure done and another cause
    standing (here the file replaced by one holding no store, as a backup put back wrongly would be; in the container, a
    text file, then a folder), it still said "derived by a newer mofcom-watch", and the operator read the cure as
    undone. Now it says the line the last try met ("tried again at …: still refused, now: …"), logged once; once the
    store opens it is served as before. Real processes on a real file; a try that raises is one more refusal, never the
    end of the tries."""
    from mofcom_watch.server.app import REOPEN_SECONDS
    from tests.faults.serving import serving

    store, folder = tmp_path / "store.sqlite", tmp_path / "served"
    url = newer(replayed, store)
    folder.mkdir()
    (folder / "all.atom").write_bytes(b"<feed>the feeds last published</feed>\n")

    def healthz(served) -> dict:
        return json.loads(served.get("/healthz")[2])

    with serving(url, tmp_path, env={"MOFCOM_WATCH_FEEDS_DIR": str(folder), "MOFCOM_WATCH_TODAY": AS_OF,
                                     **FAST_REOPEN}) as served:
        first = healthz(served)
        assert first["database"] == "refused" and NEWER_SAID in first["problems"][0], first
        assert WITHIN in first["problems"][0], first  # the interval set, in effect
        assert "still refused" not in first["problems"][0], first
        store.write_bytes(b"this is no SQLite file, put back in the store's place\n" * 64)  # the cause now
        deadline = time.monotonic() + 3 * REOPEN_SECONDS + 30  # (as long as before the interval was set)
        while time.monotonic() < deadline and "still refused, now:" not in (report := healthz(served))["problems"][0]:
            time.sleep(POLL)
        said = report["problems"][0]
        assert report["database"] == "refused" and "still refused, now:" in said, report
        now = said.split("still refused, now:", 1)[1]
        assert NEWER_SAID not in now and "store.sqlite" in now, said  # the file's own fault, not the start's line
        assert "no restart needed" in said, said
        store.unlink()
        copy_of(replayed, store)  # the store put back right: served with no restart
        while time.monotonic() < deadline and (report := healthz(served))["database"] == "refused":
            time.sleep(POLL)
        assert served.proc.poll() is None, served.proc.communicate()[1]
    assert served.proc.returncode == 0, served.stderr[-2000:]
    assert report["database"] != "refused", report
    assert served.stderr.count("still refused, for another reason now") == 1, served.stderr[-3000:]
    assert "the store refused at start opens now" in served.stderr, served.stderr[-2000:]


def test_status_of_a_store_that_holds_no_notice_is_no_all_clear(_sqlite_template, tmp_path):
    """Was: ``status`` of a store with no notice (nothing fetched yet: every fetch of a first run failed; or --db at
    another, empty store) printed an empty table and exited 0, ``--json`` ``"ok": true``: a monitor's all-clear.
    Now a line says the store holds no notice, exit 1, ``"ok": false`` with the line in ``problems``."""
    import json
    import shutil

    store = tmp_path / "store.sqlite"
    shutil.copyfile(_sqlite_template, store)
    table = cli(f"sqlite:///{store}", "status", "--as-of", AS_OF, timeout=60)
    assert table.code == 1, table.out + table.err
    assert "NO NOTICES: the store holds no notice: nothing was fetched or replayed into it yet" in table.out
    as_json = cli(f"sqlite:///{store}", "status", "--json", "--as-of", AS_OF, timeout=60)
    answer = json.loads(as_json.out)
    assert as_json.code == 1 and answer["ok"] is False and answer["notices"] == 0
    assert answer["problems"][-1].startswith("NO NOTICES: the store holds no notice")


def test_status_json_is_not_ok_beside_a_failed_publish(replayed, tmp_path):
    """Was: after a failed publish, ``status`` said LAST PUBLISH FAILED and exited 1, but ``status --json`` said
    ``"ok": true`` (only ``last_publish.ok`` said otherwise): a monitor reading ``ok`` saw green. Now ``ok`` is
    false and the line is in ``problems``, as the table says it."""
    import json
    from datetime import UTC, datetime

    from storage.db import open_store, session_factory
    from storage.publications import record_publication

    url = copy_of(replayed, tmp_path / "store.sqlite")
    engine = open_store(url)
    with session_factory(engine)() as session, session.begin():
        at = datetime(2026, 11, 29, 6, 0, tzinfo=UTC)
        record_publication(session, target="/srv/feeds", started_at=at, finished_at=at, ok=False,
                           error="OSError: [Errno 30] Read-only file system")
    engine.dispose()
    done = cli(url, "status", "--json", "--as-of", AS_OF, timeout=60)
    answer = json.loads(done.out)
    assert done.code == 1 and answer["ok"] is False, done.out
    assert answer["problems"][-1] == ("LAST PUBLISH FAILED at 2026-11-29 06:00 UTC (/srv/feeds): OSError: [Errno 30] "
                                      "Read-only file system")


def restored_beside_old_wal(tmp_path: Path) -> tuple[Path, Path, bytes]:
    """A backup copied over a store (plain SQLite, WAL mode) while the killed writer's ``-wal`` stayed beside it: the
    file, the backup, and that ``-wal``'s bytes. Read together they are damaged (the old store's pages over the
    backup's)."""
    live, backup = tmp_path / "store.sqlite", tmp_path / "backup.sqlite"
    conn = sqlite3.connect(live, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")  # no fsync a row: milliseconds, not seconds
    conn.execute("CREATE TABLE alembic_version (version_num TEXT)")
    for table in ("t", "u"):
        conn.execute(f"CREATE TABLE {table} (x TEXT)")
        conn.execute("BEGIN")
        conn.executemany(f"INSERT INTO {table} VALUES (?)", [(str(i) * 100,) for i in range(400)])  # noqa: S608
        conn.execute("COMMIT")
    conn.execute("DELETE FROM t WHERE rowid % 2 = 0")
    conn.execute(f"VACUUM INTO '{backup}'")  # a backup: the same rows in another layout (compacted)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA wal_autocheckpoint=0")  # the writes below stay in the -wal, as a killed writer's
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO t VALUES (?)", [("b" * 500,)] * 300)
    conn.execute("DELETE FROM u WHERE rowid % 3 = 0")
    conn.execute("COMMIT")
    wal = live.with_name("store.sqlite-wal")
    old_wal = wal.read_bytes()  # what a writer killed now leaves beside the file
    conn.close()
    live.write_bytes(backup.read_bytes())  # the restore: the backup copied over the file...
    wal.write_bytes(old_wal)  # ...the old -wal left beside it
    return live, backup, old_wal


STALE_WAL_SAID = (r"is damaged .*store\.sqlite-wal lies beside it \(\d+ bytes\).* delete store\.sqlite-wal and "
                  r"store\.sqlite-shm")


def test_a_backup_copied_over_a_store_beside_the_old_wal_is_said_and_left_as_it_was(tmp_path):
    """cli31: a backup copied over the store while the killed writer's ``-wal`` stayed beside it reads as damaged (the
    old store's pages over the backup's). The check of the commands that only read opened the file writable, and its
    close checkpointed that ``-wal`` into the file: the restored copy damaged for good by ``status``, where deleting
    the ``-wal`` had saved it. Now the check reads with ``mode=ro``, says the ``-wal`` and the cure, writes nothing.
    Plain SQLite files, no process: the check itself."""
    from storage.faults import StoreUnavailable, check_sqlite_store

    live, backup, _old_wal = restored_beside_old_wal(tmp_path)
    with pytest.raises(StoreUnavailable, match=STALE_WAL_SAID):
        check_sqlite_store(live, f"sqlite:///{live}")
    assert live.read_bytes() == backup.read_bytes()  # nothing checkpointed into it
    live.with_name("store.sqlite-wal").unlink()
    live.with_name("store.sqlite-shm").unlink(missing_ok=True)
    check_sqlite_store(live, f"sqlite:///{live}")  # the restored backup, whole


def test_a_writer_refuses_a_restored_store_beside_the_old_wal_before_writing(tmp_path):
    """cli31's B, decided by the lead (session 32): ``replay`` opened such a store as it was (exit 1, its pages
    "unchanged", no word of the damage) and wrote its frames after the old ``-wal``'s, which a writer's checkpoint
    then writes into the restored file for good. Every writing command opens the store through ``open_store``: it
    now refuses (:class:`StoreUnavailable`: exit 3) with the cause and the cure, the file and the ``-wal`` left byte
    for byte; a ``-wal`` that reads whole with its file (a killed writer's own, a running serve's) is used as before.
    Plain SQLite files, no process."""
    from storage.db import open_store
    from storage.faults import StoreUnavailable, refuse_stale_wal

    live, backup, old_wal = restored_beside_old_wal(tmp_path)
    wal = live.with_name("store.sqlite-wal")
    with pytest.raises(StoreUnavailable, match=STALE_WAL_SAID):
        open_store(f"sqlite:///{live}")
    assert live.read_bytes() == backup.read_bytes() and wal.read_bytes() == old_wal  # nothing written
    wal.unlink()  # the cure the line gives: the restored backup, whole, opens
    live.with_name("store.sqlite-shm").unlink(missing_ok=True)
    refuse_stale_wal(live, f"sqlite:///{live}")
    own = sqlite3.connect(live, isolation_level=None)  # the store's own -wal, as a writer killed now leaves it
    own.execute("PRAGMA journal_mode=WAL")  # (VACUUM INTO wrote the backup in the rollback journal's mode)
    own.execute("PRAGMA wal_autocheckpoint=0")
    own.execute("INSERT INTO t VALUES ('c')")
    assert wal.stat().st_size
    refuse_stale_wal(live, f"sqlite:///{live}")  # read whole with its file: no refusal
    own.close()


def test_a_store_file_moved_in_beside_the_old_files_wal_is_told_apart_from_one_written_since(tmp_path):
    """cli31: a backup moved into place (``mv``) while ``serve`` ran, its ``-wal`` of the file before beside it:
    serve read the new file with that ``-wal`` and its stop wrote it in (the restored store damaged for good, 503
    'malformed' meanwhile, saying nothing of why). A ``-wal`` older than the rename is the old file's; one written
    since is the new file's; none, or an empty one, is nothing to say."""
    import os

    from storage.faults import stale_wal

    store, wal = tmp_path / "store.sqlite", tmp_path / "store.sqlite-wal"
    store.write_bytes(b"x" * 4096)
    assert stale_wal(store) is None  # no -wal
    wal.write_bytes(b"")
    assert stale_wal(store) is None  # an empty one
    wal.write_bytes(b"w" * 8272)
    ctime = store.stat().st_ctime_ns
    os.utime(wal, ns=(ctime - 10**9, ctime - 10**9))  # written a second before the file came
    said = stale_wal(store)
    assert said is not None and "store.sqlite-wal of the file before it lies beside it (8272 bytes)" in str(said)
    assert ".restore BACKUP" in str(said)
    os.utime(wal, ns=(ctime + 10**9, ctime + 10**9))  # written since: the new file's own
    assert stale_wal(store) is None


def killed_writer(folder: Path, backup: Path | None = None) -> Path:
    """The files a writer killed now leaves in ``folder`` (the store, its ``-wal`` of uncheckpointed frames, its
    ``-shm``), copied from a live connection with their mtimes; ``backup``: first save the store as it was before
    its last checkpoint (an older backup). The last transaction updates rows in place, so a backup that lacks the
    table made in between still reads whole with that ``-wal`` (a no-change cycle's: its page records, image33)."""
    import shutil

    live = folder / "live.sqlite"
    conn = sqlite3.connect(live, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("CREATE TABLE alembic_version (version_num TEXT)")
    conn.execute("CREATE TABLE page (url TEXT, etag TEXT)")
    conn.executemany("INSERT INTO page VALUES (?, 'old')", [(f"u{i}",) for i in range(20)])
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if backup is not None:
        shutil.copyfile(live, backup)  # the backup: the store before the notice below
    conn.execute("CREATE TABLE notice (key TEXT)")
    conn.execute("INSERT INTO notice VALUES ('MOFCOM-2026-23')")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("UPDATE page SET etag = 'new'")  # stays in the -wal: the writer is killed now
    store = folder / "store.sqlite"
    for suffix in ("", "-wal", "-shm"):
        shutil.copy2(f"{live}{suffix}", f"{store}{suffix}")
    conn.close()
    return store


def test_a_backup_copied_over_a_killed_writers_store_is_refused_even_when_it_reads_whole(tmp_path):
    """image33 (the container): a backup copied over the store after ``podman kill``, its ``-wal`` and ``-shm`` left,
    read whole with that ``-wal`` (``quick_check`` ok): every command opened it, the later store's page, run and
    publication records over the backup's notices, written in for good at the stop; its publish mark let a ``run``
    drop an item the backup lacked from the feeds, exit 0. Now the files tell it before any connection opens (the file
    written after the ``-wal``'s last frame, which no checkpoint began to write in): exit 3 for the writers and for the
    commands that only read, the files left as they were, the cure said. Plain files, no process."""
    import os

    from storage.db import open_store
    from storage.faults import StoreUnavailable, check_sqlite_store, copied_over_wal

    backup = tmp_path / "backup.sqlite"
    store = killed_writer(tmp_path, backup)
    wal, shm = tmp_path / "store.sqlite-wal", tmp_path / "store.sqlite-shm"
    store.write_bytes(backup.read_bytes())  # the restore, the -wal and -shm left beside...
    later = wal.stat().st_mtime_ns + 10**9  # ...a while after the kill (file times are kept to the kernel's tick)
    os.utime(store, ns=(later, later))
    before = {p: p.read_bytes() for p in (store, wal, shm)}
    for suffix in ("", "-wal"):  # the mix, read apart
        (tmp_path / f"mixed.sqlite{suffix}").write_bytes(before[Path(f"{store}{suffix}")])
    mixed = sqlite3.connect(f"file:{tmp_path / 'mixed.sqlite'}?mode=ro", uri=True)
    assert mixed.execute("PRAGMA quick_check").fetchall() == [("ok",)]  # what the check before this one read
    assert mixed.execute("SELECT DISTINCT etag FROM page").fetchall() == [("new",)]  # the later store's records
    assert mixed.execute("SELECT name FROM sqlite_master WHERE name = 'notice'").fetchall() == []  # the backup's
    mixed.close()
    said = r"store\.sqlite was written after store\.sqlite-wal beside it .* delete store\.sqlite-wal and store\.sqlite-shm"
    with pytest.raises(StoreUnavailable, match=said):
        open_store(f"sqlite:///{store}")  # run, replay, schedule, serve --schedule, feeds, accept
    with pytest.raises(StoreUnavailable, match=said):
        check_sqlite_store(store, f"sqlite:///{store}")  # status, timeline, screen, serve...
    assert {p: p.read_bytes() for p in (store, wal, shm)} == before  # nothing read into the -shm, nothing written
    now = store.stat().st_mtime_ns + 10**9
    os.utime(wal, ns=(now, now))  # the message's other way on ("nothing but SQLite wrote the file"): touch the -wal
    assert copied_over_wal(store) is None


def test_a_killed_writers_own_wal_is_not_taken_for_a_copied_file(tmp_path):
    """The same check never refuses a store's own ``-wal``: a killed writer's (the file older than its frames), one
    killed after a checkpoint wrote the file (the ``-shm`` says it was), the same once a command recovered the ``-shm``
    (it notes the attempt), and a live writer's (a cron ``run`` beside ``serve``)."""
    import os
    import shutil

    from storage.faults import copied_over_wal

    store = killed_writer(tmp_path)
    assert copied_over_wal(store) is None  # killed with uncheckpointed frames: the file is older than them
    live = sqlite3.connect(tmp_path / "live.sqlite", isolation_level=None)
    live.execute("PRAGMA wal_autocheckpoint=0")
    live.execute("UPDATE page SET etag = 'live'")
    assert copied_over_wal(tmp_path / "live.sqlite") is None  # a live writer's
    live.execute("PRAGMA wal_checkpoint(PASSIVE)")  # the file written after the -wal's last frame, as the copy is
    for suffix in ("", "-wal", "-shm"):
        shutil.copy2(tmp_path / f"live.sqlite{suffix}", tmp_path / f"after.sqlite{suffix}")  # killed now
    live.close()
    after = tmp_path / "after.sqlite"
    later = (tmp_path / "after.sqlite-wal").stat().st_mtime_ns + 10**9  # (the checkpoint may share the update's tick)
    os.utime(after, ns=(later, later))
    assert copied_over_wal(after) is None  # the -shm says a checkpoint wrote it
    reader = sqlite3.connect(f"file:{after}?mode=ro", uri=True)  # a command that only reads, first: it recovers the
    assert reader.execute("SELECT count(*) FROM page").fetchone() == (20,)  # -shm (nothing backfilled, attempted)
    reader.close()
    assert copied_over_wal(after) is None


def test_a_store_named_through_a_symbolic_link_is_checked_beside_the_file_it_names(tmp_path):
    """ops38's soak (the store on a second path): SQLite follows a link to the file it names and keeps the ``-wal`` and
    ``-shm`` beside that file, but every file of ours was looked for beside the link. ``--db sqlite:///link.sqlite``
    to a backup restored beside the killed writer's ``-wal`` was opened and written (its frames after the old
    ``-wal``'s, which a checkpoint writes into the restored file for good), where the file's own path is refused; and
    a publish's mark (``storage.publishwait``) beside the link was not the one a writer by the file's path waited on.
    Now the link is followed as SQLite follows it: the same refusal, nothing written."""
    from storage.db import open_store, sqlite_file
    from storage.faults import StoreUnavailable
    from storage.publishwait import mark_path

    (tmp_path / "real").mkdir()
    live, backup, old_wal = restored_beside_old_wal(tmp_path / "real")
    link = tmp_path / "link.sqlite"
    link.symlink_to(live)
    with pytest.raises(StoreUnavailable, match=STALE_WAL_SAID):
        open_store(f"sqlite:///{link}")
    assert live.read_bytes() == backup.read_bytes() and live.with_name("store.sqlite-wal").read_bytes() == old_wal
    store = sqlite_file(f"sqlite:///{link}")
    assert store == live and store is not None and mark_path(store) == tmp_path / "real" / "store.sqlite-publishing"
