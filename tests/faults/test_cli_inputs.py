"""Inputs a user types wrong, through the real program (cli37): a setting in seconds that no run can use, an empty
string or a URL given where a file or folder goes, an in-memory SQLite database."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from tests import zygote
from tests.faults.harness import FIXTURES, cli, cli_env, run_args, store_copy, store_rows
from tests.site_server import SiteServer


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Path:
    """The fixtures' texts replayed once by a real process, for this module's tests to start from copies of
    (:func:`store_copy`): ten tests replayed them each (session 54), the replay no subject of theirs."""
    store = tmp_path_factory.mktemp("seeded") / "store.sqlite"
    done = cli(f"sqlite:///{store}", "replay", str(FIXTURES / "texts"), "--as-of", "2026-11-29")
    assert done.code == 1, done.err  # (the fixtures' three count mismatches)
    return store


@pytest.mark.parametrize(("name", "value", "setting"), [
    ("MOFCOM_WATCH_TIMEOUT", "inf", "fetch.timeout"),  # was: exit 4, "timestamp out of range for platform time_t"
    ("MOFCOM_WATCH_TIMEOUT", "nan", "fetch.timeout"),  # was: exit 4, "Invalid value NaN (not a number)"
    ("MOFCOM_WATCH_REQUEST_DELAY", "1e9", "fetch.request_delay"),  # was: a run asleep between two requests for years
    ("MOFCOM_WATCH_SINCE", str(date.today().year + 2), "fetch.since"),  # was: taken as this year, the earlier never read
])
def test_a_setting_no_run_can_use_is_exit_2_before_any_fetch(tmp_path: Path, name: str, value: str,
                                                                       setting: str) -> None:
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    with SiteServer(FIXTURES) as site:
        done = cli(db, *run_args(site.url, tmp_path / "feeds"), env=cli_env(**{name: value}), timeout=120)
        assert site.hits == []
    assert done.code == 2, done.err
    assert done.err.startswith(f"mofcom-watch: configuration: {setting} (from env {name}): "), done.err
    assert "internal error" not in done.err
    assert not (tmp_path / "store.sqlite").exists()
    said = cli(db, "config", env=cli_env(**{name: value}))  # config says so too, where it exited 0
    assert said.code == 2 and setting in said.err, said


def in_folder(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real program started in ``folder`` (what an empty string would have named)."""
    return subprocess.run(zygote.command(*args), cwd=folder, env=cli_env(), text=True, capture_output=True,
                          timeout=120)


@pytest.mark.parametrize(("args", "shown"), [
    (("replay", ""), "'DIR': '' is empty: name a DIR"),  # was: every file of the folder stored as a page, the store too
    (("feeds", "--out", ""), "'--out': '' is empty: name a DIR"),  # was: 35 feed files written into the folder
    (("run", "--out", ""), "'--out': '' is empty: name a DIR"),
    (("evidence", "Huntington Ingalls Industries, Inc.", "--out", ""), "'--out': '' is empty: name a FILE"),
    (("feeds", "--out", "feeds", "--watchlist", ""), "'--watchlist': '' is empty: name a FILE"),  # was: "cannot read
    (("screen", ""), "'FILE': '' is empty: name a FILE"),                                           # watchlist .: …"
])
def test_an_empty_path_is_a_usage_error_not_the_working_folder(seeded: Path, tmp_path: Path, args: tuple[str, ...],
                                                               shown: str) -> None:
    work = tmp_path / "work"
    shutil.copytree(FIXTURES / "texts", work)  # pages a replay of the folder would store
    store = work / "store.sqlite"
    store_copy(seeded, store)  # the texts replayed (exit 1: the fixtures' three count mismatches)
    before = sorted(p.name for p in work.iterdir())
    rows = store_rows(f"sqlite:///{store}")
    done = in_folder(work, "--db", f"sqlite:///{store}", *args)
    assert done.returncode == 2, done
    assert done.stderr.splitlines()[-1] == f"Error: Invalid value for {shown} (a variable left unset?)", done.stderr
    assert done.stdout == ""
    assert sorted(p.name for p in work.iterdir()) == before  # no feed, pack or file written there
    assert store_rows(f"sqlite:///{store}") == rows  # nothing stored


@pytest.mark.parametrize("args", [("parse", "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/x.html"),
                                  ("screen", "https://example.com/counterparties.csv")])
def test_a_url_given_for_a_file_is_said_to_be_one(tmp_path: Path, args: tuple[str, ...]) -> None:
    """Was: "mofcom-watch parse: https:/www.mofcom.gov.cn/…: no such file", the URL shown with a slash lost."""
    done = in_folder(tmp_path, "--db", f"sqlite:///{tmp_path / 'none.sqlite'}", *args)
    assert done.returncode == 2, done
    assert done.stderr.splitlines()[-1] == (f"Error: Invalid value for 'FILE': {args[1]!r} is a URL: FILE is a path "
                                            "on this machine (download it first)")


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:", "sqlite:///file:store?mode=memory&uri=true"])
def test_a_sqlite_database_in_memory_is_refused_before_anything_is_read(tmp_path: Path, url: str) -> None:
    """Was: ``replay`` stored every page into a database gone at its end (exit 0 when clean, 1 here for the fixtures'
    count mismatches) and printed the notices as stored; ``status`` then said "the database failed: cannot start a
    transaction within a transaction", exit 3."""
    for args in (("replay", str(FIXTURES / "texts")), ("status",), ("run", "--source", "mofcom-qa")):
        done = in_folder(tmp_path, "--db", url, *args)
        assert (done.returncode, done.stdout) == (2, ""), (args, done)
        assert done.stderr == (f"mofcom-watch: configuration: database_url (from flag --db): {url!r} is a SQLite "
                               "database in memory, gone when the command ends: nothing stored would be kept; name a "
                               "file (e.g. sqlite:///data/mofcom-watch.sqlite)\n"), done.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_replay_of_the_folder_the_store_lies_in_reads_no_file_of_the_store(tmp_path: Path) -> None:
    """Was: the second ``--db sqlite:///pages/store.sqlite replay pages`` read the store (and SQLite's files beside it)
    as pages: "unusable page: file:store.sqlite (binary …)", a source-health problem open on every replay after, exit
    1, ``status`` exit 1 for it."""
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(FIXTURES / "texts" / "mofcom-2025-51.txt", pages)
    for db in (f"sqlite:///{pages / 'store.sqlite'}", "sqlite:///pages/store.sqlite",  # absolute, relative,
               f"sqlite:///{tmp_path / 'link' / 'store.sqlite'}"):  # through a link to the folder
        (tmp_path / "link").unlink(missing_ok=True)
        (tmp_path / "link").symlink_to(pages)
        for _ in range(2):
            done = in_folder(tmp_path, "--db", db, "replay", "pages", "--as-of", "2026-11-30")
            assert (done.returncode, done.stderr) == (0, ""), (db, done)
            # a publish leaves its mark beside the store (storage.publishwait), read as a page by the next replay
            # (order37: "unusable page: file:store.sqlite-publishing", exit 1)
            published = in_folder(tmp_path, "--db", db, "feeds", "--out", "out", "--as-of", "2026-11-30")
            assert published.returncode == 0, published.stderr
    status = in_folder(tmp_path, "--db", f"sqlite:///{pages / 'store.sqlite'}", "status", "--json",
                       "--as-of", "2026-11-30")
    assert status.returncode == 0, status.stdout
    assert {"store.sqlite", "store.sqlite-wal", "store.sqlite-shm"} & {p.name for p in pages.iterdir()}
    assert (pages / "store.sqlite-publishing").exists()


def test_an_empty_db_flag_is_a_usage_error_not_the_default_store(tmp_path: Path) -> None:
    """Was: ``mofcom-watch --db "$DB" replay pages`` with $DB unset replayed into data/mofcom-watch.sqlite under the
    working folder, a store nobody asked for (the variable empty in the environment is unset, as before)."""
    shutil.copy(FIXTURES / "texts" / "mofcom-2025-51.txt", tmp_path)
    done = in_folder(tmp_path, "--db", "", "replay", ".", "--as-of", "2026-11-30")
    assert (done.returncode, done.stdout) == (2, ""), done
    assert done.stderr == ("mofcom-watch: --db '' is empty: name a database URL, e.g. sqlite:///data/mofcom-watch.sqlite "
                           "(a variable left unset?), or leave --db out for the configured one\n")
    assert [p.name for p in tmp_path.iterdir()] == ["mofcom-2025-51.txt"]  # no data/ folder, no store


def test_a_library_warning_is_one_line_of_the_program(seeded: Path, tmp_path: Path) -> None:
    """Was: SQLAlchemy's warning on a SQLite URL option it ignores came as Python prints warnings, two lines, the
    second a line of SQLAlchemy's source ("  engine = create_engine(parsed, **options)")."""
    store = tmp_path / "store.sqlite"
    store_copy(seeded, store)  # the texts replayed (exit 1: the fixtures' three count mismatches)
    done = in_folder(tmp_path, "--db", f"sqlite:///{store}?mode=ro", "timeline", "Huntington Ingalls Industries, Inc.",
                   "--as-of", "2026-11-29")
    assert done.returncode == 0, done
    assert done.stderr == ("mofcom-watch: warning: Query string argument(s) 'mode' are not accepted by the pysqlite "
                           "driver and are being ignored; SQLite URI arguments require that 'uri=true' also be present "
                           "in the URL. (Background on this warning at: https://sqlalche.me/e/21/squa)\n")


@pytest.mark.parametrize("option", ["mode=ro", "immutable=1", "immutable=True"])
def test_a_url_opening_the_store_read_only_is_refused_by_a_command_that_writes(seeded: Path, tmp_path: Path,
                                                                               option: str) -> None:
    """Was (health43's R1/R2): ``run --db 'sqlite:///file:…?mode=ro&uri=true'`` (or ``immutable=1``) fetched, then
    failed at its first write, exit 3, "…is read-only (attempt to write a readonly database): make the file and its
    folder writable": the file was writable, the URL opened it read-only. Now exit 2 before any fetch, naming the
    option; the read-only commands keep taking such a URL, and ``config`` lists it among its problems."""
    store = tmp_path / "store.sqlite"
    store_copy(seeded, store)  # the texts replayed (exit 1: the fixtures' three count mismatches)
    before = store.read_bytes()
    url = f"sqlite:///file:{store}?{option}&uri=true"
    with SiteServer(FIXTURES) as site:
        done = cli(url, *run_args(site.url, tmp_path / "feeds"), timeout=120)
        assert site.hits == []
    assert done.code == 2, done
    said = option
    assert done.err.splitlines()[-1] == (
        f"mofcom-watch run: the database URL (database_url from flag --db) opens the SQLite file {store} read-only "
        f"({said}): this command writes to the store; give a URL without {said}, e.g. sqlite:///{store} (the read-only "
        "commands may keep it)"), done.err
    assert store.read_bytes() == before and not (tmp_path / "feeds").exists()
    assert cli(url, "replay", str(FIXTURES / "texts"), "--as-of", "2026-11-29").code == 2
    assert cli(url, "config").code == 2
    read = cli(url, "timeline", "Huntington Ingalls Industries, Inc.", "--as-of", "2026-11-29")
    assert read.code == 0, read


def test_one_host_given_two_base_urls_is_a_usage_error_before_any_fetch(tmp_path: Path) -> None:
    """Was: ``--base-url H=A --base-url H=B`` fetched H from B, A dropped without a word."""
    with SiteServer(FIXTURES) as site:
        first, second = site.base_url("www.mofcom.gov.cn"), f"{site.url}/mirror/www.mofcom.gov.cn"
        done = cli(f"sqlite:///{tmp_path / 'store.sqlite'}", "run", "--source", "mofcom-qa", "--out",
                   str(tmp_path / "feeds"), "--base-url", f"www.mofcom.gov.cn={first}",
                   "--base-url", f"WWW.MOFCOM.gov.cn={second}")
        assert site.hits == []
    assert done.code == 2, done
    assert done.err.splitlines()[-1] == (f"Error: Invalid value for --base-url: www.mofcom.gov.cn is given twice, "
                                         f"{first} and {second}: give one URL for a host")
    assert not (tmp_path / "store.sqlite").exists()


def test_another_day_into_a_folder_of_the_live_feeds_is_refused(tmp_path: Path) -> None:
    """Was: the guard against a past (or later) day's feeds was the configured folder's alone; a store whose live feeds
    go elsewhere (``run --out /srv/feeds`` from cron) had ``feeds --as-of <past day> --out /srv/feeds`` take back from
    its readers every item published since (80 items -> 78 in the demo's all.atom), exit 1. A folder ``feeds --out``
    wrote is the user's own, written again as asked (the README's demo)."""
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    live, other = tmp_path / "srv-feeds", tmp_path / "preview"
    with SiteServer(FIXTURES) as site:
        assert cli(db, *run_args(site.url, live)).code == 0  # as of 2026-11-29: the live feeds, there
    before = {p.name: p.read_bytes() for p in live.iterdir() if p.is_file()}
    for day in ("2026-11-20", "2999-01-01"):
        done = cli(db, "feeds", "--out", f"{live}/", "--as-of", day)
        assert done.code == 2, done
        assert done.err.splitlines()[-1].startswith(f"mofcom-watch feeds: --as-of {day}: {live} holds this store's "
                                                    "live feeds, published there by a run (run --out), which readers "
                                                    "may follow"), done.err
    assert {p.name: p.read_bytes() for p in live.iterdir() if p.is_file()} == before
    assert cli(db, "feeds", "--out", str(other), "--as-of", "2026-11-29").code == 0  # a folder of feeds' own:
    assert cli(db, "feeds", "--out", str(other), "--as-of", "2026-11-20").code == 0  # written as asked, any day
    assert cli(db, "feeds", "--out", str(live), "--as-of", "2026-11-29").code == 0  # the live day, as before


def test_a_run_of_a_past_day_into_a_folder_of_the_live_feeds_writes_nothing_there(tmp_path: Path) -> None:
    """Was: ``run --as-of <past day> --out /srv/feeds``, the folder cron's ``run --out`` publishes the live feeds into,
    wrote that day's view there (a preview), taking back every item published since from its readers."""
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    live = tmp_path / "srv-feeds"
    with SiteServer(FIXTURES) as site:
        first = cli(db, *run_args(site.url, live))  # as of 2026-11-29: the live feeds
        assert first.code == 0, first.err
        before = {p.name: p.read_bytes() for p in live.iterdir() if p.is_file()}
        args = list(run_args(site.url, live))
        args[args.index("--as-of") + 1] = "2026-11-20"
        done = cli(db, *args)
    assert done.code == 2, done
    assert done.err.splitlines()[-1].startswith(f"mofcom-watch run: --as-of 2026-11-20: {live} holds this store's "
                                                "live feeds, published there by a run"), done.err
    assert {p.name: p.read_bytes() for p in live.iterdir() if p.is_file()} == before
    status = json.loads(cli(db, "status", "--json", "--as-of", "2026-11-29").out)
    assert status["unpublished_run"] is None  # the refused view logged as a failed preview, not as no publish


def test_config_json_with_a_file_it_cannot_load_says_so_as_json_naming_every_unknown_key(tmp_path: Path) -> None:
    """user38: ``config --json`` with a typo in the file printed nothing on stdout (exit 2), where README promises its
    JSON with ``ok`` false and ``problems`` (a script checking a configuration read no JSON); and of two misspelt keys
    only the first was said, the second on the next try. Every other command: one line, exit 2, nothing written."""
    conf = tmp_path / "mofcom-watch.toml"
    conf.write_text('publc_base_url = "https://feeds.example.org/feeds/"\n[http]\nprot = 9000\n',
                    encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    said = cli(db, "--config", str(conf), "config", "--json")
    assert said.code == 2, said
    out = json.loads(said.out)
    assert out["ok"] is False and len(out["problems"]) == 1, out
    assert "'publc_base_url' (did you mean public_base_url?)" in out["problems"][0]
    assert "'http.prot' (did you mean http.port?)" in out["problems"][0]
    for args in (("config",), ("status",), ("replay", str(FIXTURES))):
        done = cli(db, "--config", str(conf), *args)
        assert done.code == 2 and done.out == "", done
        assert done.err.count("mofcom-watch: configuration: ") == 1 and "http.prot" in done.err, done.err
    assert not (tmp_path / "store.sqlite").exists()
