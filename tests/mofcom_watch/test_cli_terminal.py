"""The command line as its users meet it (session 15's CLI audit, /work/audit-cli/REPORT.md): real processes on a
replayed store, real pipes and pseudo-terminals, odd encodings, bad input. Each test names the defect it holds."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import termios
import time
import urllib.request
from pathlib import Path

import pytest
from rich.cells import cell_len

from tests import zygote
from tests.conftest import REPO_ROOT, copy_of

AS_OF = "2026-11-30"


@pytest.fixture(scope="module")
def store(replayed: Path, tmp_path_factory) -> str:
    """A copy of the replayed fixtures the tests of this module only read."""
    return copy_of(replayed, tmp_path_factory.mktemp("cli-terminal") / "store.sqlite")


def cli(*args: str, env: dict[str, str] | None = None, stdin: bytes | None = None
        ) -> subprocess.CompletedProcess[bytes]:
    """``mofcom-watch ARGS`` on pipes (``stdin``: what its standard input holds, else none): a real process forked by
    the test zygote (``tests/zygote.py``: the imports paid once per worker), which becomes the real program whenever
    ``env`` makes a different start (a locale, ``PYTHON*`` variables). Terminals, signals and closed pipes below keep
    plain ``subprocess``."""
    full = {k: v for k, v in os.environ.items() if not k.startswith(("MOFCOM_WATCH_", "PYTHONIOENCODING", "LC_"))}
    full.update(env or {})
    return subprocess.run(zygote.command(*args), capture_output=True, cwd=REPO_ROOT, env=full, timeout=120,
                          **({"stdin": subprocess.DEVNULL} if stdin is None else {"input": stdin}))


def test_chinese_names_on_an_ascii_stream_are_utf8_in_line_not_a_crash(store):
    """Was: exit 4 ``internal error: UnicodeEncodeError`` and nothing printed, at the first Chinese name; then (session
    15 to 35) ``\\u65af…`` escapes that rich measured as the names, the columns out of line (cli35). An ASCII stream
    is written in UTF-8, as click (under typer) does (``mofcom_watch.term.tolerant_streams``)."""
    env = {"PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0", "LC_ALL": "C"}
    table = cli("--db", store, "status", "--as-of", AS_OF, env=env)
    assert table.returncode == 1, table.stderr.decode("utf-8", "replace")  # the fixtures' count gaps
    boxed = [line for line in table.stdout.decode("utf-8").splitlines() if line[:1] in "┏┃┡│└"]
    assert any("│ 外交部令第4号 " in line for line in boxed), boxed
    assert len({cell_len(line) for line in boxed}) == 1, boxed  # every line of the table as wide as its box
    as_json = cli("--db", store, "status", "--json", "--as-of", AS_OF, env={"PYTHONIOENCODING": "ascii"})
    assert as_json.returncode == 1, as_json.stderr.decode("utf-8", "replace")  # the fixtures' count gaps
    numbers = {row["number"] for row in json.loads(as_json.stdout.decode("utf-8"))["listings"]}
    assert "外交部令第4号" in numbers  # valid JSON, the same strings once read


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_mistyped_watchlist_flag_is_a_usage_error_that_leaves_the_store_alone(replayed, tmp_path):
    """Was: exit 2, but a failed publication recorded, and ``status`` said LAST PUBLISH FAILED (exit 1) after."""
    db = tmp_path / "store.sqlite"
    url = copy_of(replayed, db)
    before = sha256(db)
    typo = cli("--db", url, "feeds", "--out", str(tmp_path / "feeds"), "--watchlist", str(tmp_path / "wachlist.csv"),
               "--as-of", AS_OF)
    assert typo.returncode == 2
    assert typo.stderr.decode().splitlines() == [
        f"mofcom-watch feeds: cannot read watchlist {tmp_path / 'wachlist.csv'}: No such file or directory"]
    assert sha256(db) == before
    assert not (tmp_path / "feeds").exists()


ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def on_terminal(*args: str, columns: int, cwd: Path = REPO_ROOT) -> str:
    """What ``mofcom-watch ARGS`` shows on a pseudo-terminal ``columns`` wide (stdout and stderr), colours removed,
    started in ``cwd``."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOFCOM_WATCH_")}
    env.update(COLUMNS=str(columns), TERM="xterm-256color")
    proc = subprocess.Popen([sys.executable, "-m", "mofcom_watch", *args], stdin=subprocess.DEVNULL, stdout=slave,
                            stderr=slave, cwd=cwd, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    proc.wait(timeout=120)
    return ANSI.sub("", b"".join(chunks).decode("utf-8").replace("\r\n", "\n"))


@pytest.fixture(scope="module")
def keys(listings: list[dict]) -> list[str]:
    """The notice keys of the status table, in its order."""
    return [row["notice_key"] for row in listings]


@pytest.fixture(scope="module")
def listings(store: str) -> list[dict]:
    return json.loads(cli("--db", store, "status", "--json", "--as-of", AS_OF).stdout)["listings"]


@pytest.mark.parametrize("columns", [60, 80, 100, 160, 200])
def test_status_on_a_terminal_fits_it_and_cuts_no_cell(store, keys, listings, columns):
    """Was, at 80 columns: keys shown as ``MFA-…``, dates as ``2022…``, the state as ``laps…`` (77 of 134 lines cut);
    at 200, notice numbers cut (``不可靠实体清单工作机制公告〔2025 …``). Then (user38, user39): at 60 and 80 columns
    the list and the deciding notice ("by") hidden, at 100 "countermea|sure list" folded mid-word, at 160 the
    deciding notice folded ("QA-2025-11-05-68a8|1f8d"). What an officer needs stays whole at every width: a table
    where it fits, else its cells joined in four columns (user40), else one listing a block."""
    shown = on_terminal("--db", store, "status", "--as-of", AS_OF, columns=columns)
    lines = shown.splitlines()
    assert "…" not in shown
    assert max(cell_len(line) for line in lines) <= columns
    blocks = "(one row a block to fit" in shown
    assert blocks == (columns < 80)
    assert ("(cells joined to fit" in shown) == (80 <= columns < 100)
    if blocks:
        table = lines[1:next(i for i, line in enumerate(lines) if line.startswith("(one row a block"))]
        rows = [line.removeprefix("notice ").strip() for line in table if not line.startswith(" ")]
    else:
        rows = [line.split("│")[1].strip() for line in lines if line.startswith("│") and line.split("│")[1].strip()]
    assert rows == keys  # every notice, its key whole on one line
    words = {word for line in lines for word in re.split(r"[\s│┃]+", line) if word}
    for row in listings:  # the deciding notice and every word of the list's name, whole
        assert row["by"] in words, (row["notice_key"], row["by"])
    assert "countermeasure" in words and not any(w.startswith("countermeasur") and w != "countermeasure"
                                                   for w in words)
    if blocks:  # every listing's block names its list, state, since and deciding notice
        labels = [line.split()[0] for line in lines if line.startswith("  ") and line.split()]
        for label in ("list", "state", "since", "by"):
            assert labels.count(label) == len(keys), label
    else:
        heads = [h.strip() for h in next(line for line in lines if line.startswith("┃ notice")).split("┃") if h.strip()]
        assert {"notice", "list", "state", "since", "by"} <= set(heads) or heads[:3] == ["notice", "list", "state, by"], heads


@pytest.mark.parametrize("columns", [80, 100])
def test_status_with_end_dates_is_a_table_at_80_columns(store, columns):
    """user39: where listings have an end date (as of 2026-06-01, the one-year suspensions), ``status`` needed 104
    columns for its table; narrower, one listing a block (about ten lines each). Now four columns: the deciding
    notice after the state, the end under the start, every listing on its own rows, nothing cut or folded."""
    day = "2026-06-01"
    rows = json.loads(cli("--db", store, "status", "--json", "--as-of", day).stdout)["listings"]
    shown = on_terminal("--db", store, "status", "--as-of", day, columns=columns)
    lines = shown.splitlines()
    assert "(one row a block" not in shown and "…" not in shown
    assert max(cell_len(line) for line in lines) <= columns
    keys = [line.split("│")[1].strip() for line in lines if line.startswith("│") and line.split("│")[1].strip()]
    assert keys == [r["notice_key"] for r in rows]
    words = {word for line in lines for word in re.split(r"[\s│┃]+", line) if word}
    for row in rows:
        assert row["by"] in words
    ended = [r for r in rows if r["until"]]
    assert len(ended) >= 5
    for row in ended:  # each end date whole, on the listing's rows, after "until"
        key = row["notice_key"]
        start = next(i for i, line in enumerate(lines) if line.startswith(f"│ {key} "))
        block = [start] + list(range(start + 1, len(lines)))
        own = []
        for i in block:
            if i != start and not lines[i].startswith("│ " + " " * len(key)):
                break
            own.append(lines[i].split("│")[4].strip())
        assert f"until {row['until']}" in " ".join(own) and row["until"] in " ".join(own).split(), (key, own)


@pytest.mark.parametrize("columns", [60, 200])
def test_timeline_s_list_headings_wrap_at_the_terminal_not_at_their_table(store, columns):
    """user38: each list's heading was its table's title, wrapped at the table's width: on a 200-column terminal
    "countermeasure list (MFA): MFA-ORDER-2024-13" then "外交部令第13号 - in force since 2024-10-10" on the next line,
    the state cut off its notice. One line where the terminal holds it; within the terminal where it does not."""
    shown = on_terminal("--db", store, "timeline", "skydio", "--as-of", AS_OF, columns=columns)
    lines = shown.splitlines()
    assert max(cell_len(line) for line in lines) <= columns
    heading = "countermeasure list (MFA): MFA-ORDER-2024-13 外交部令第13号 - in force since 2024-10-10"
    assert (heading in lines) == (columns == 200), lines[:6]
    assert heading in " ".join(" ".join(lines).split())  # said whole either way
    assert lines[0].startswith("Skydio Inc. / 斯凯迪奥公司 (key skydio")


@pytest.mark.parametrize("columns", [60, 80, 100, 120, 160])
def test_timeline_s_list_heading_keeps_its_state_words_whole(store, columns):
    """user40's open B: at 120 columns the UEL heading wrapped inside its state, "… presumed back in force, " then
    "needs review since 2026-11-11". Where the heading does not fit, the notice is its line and the state the next,
    each part of it ("lapsed: …", "since …") whole on one line."""
    shown = on_terminal("--db", store, "timeline", "skydio", "--as-of", AS_OF, columns=columns)
    lines = [line.rstrip() for line in shown.splitlines()]
    assert max(cell_len(line) for line in lines) <= columns
    state = "lapsed: presumed back in force, needs review"
    assert any(state in line for line in lines), lines[:14]
    assert any(line.endswith("since 2026-11-11") and (state in line or line.lstrip() == "since 2026-11-11")
               for line in lines)
    heading = "unreliable entity list (MOFCOM): UEL-2025-7 不可靠实体清单工作机制公告〔2025〕7号"
    assert f"{heading} - {state} since 2026-11-11" in " ".join(" ".join(lines).split())
    assert (f"{heading} - {state} since 2026-11-11" in lines) == (columns == 160)


@pytest.mark.parametrize("columns", [60, 100])
def test_timeline_keeps_each_event_s_until_and_deciding_notice_whole(store, columns):
    """user39: at 60 columns the deciding notice was folded mid-key ("QA-2025-05-14-" / "cf01eaa4"), and a narrower
    table hid "by" and "until" first. Every event's date, until and deciding notice stay whole: a table where it
    fits, else one event a block."""
    shown = on_terminal("--db", store, "timeline", "skydio", "--as-of", AS_OF, columns=columns)
    lines = shown.splitlines()
    assert max(cell_len(line) for line in lines) <= columns and "…" not in shown and "hidden to fit" not in shown
    words = {word for line in lines for word in re.split(r"[\s│┃]+", line) if word}
    timeline = json.loads(cli("--db", store, "timeline", "skydio", "--json", "--as-of", AS_OF).stdout)
    events = [e for listing in timeline["listings"] for e in listing["events"]]
    assert len(events) > 10
    for e in events:
        assert e["source_key"] in words and e["effective"] in words, e["id"]
        assert e["until"] is None or e["until"] in words, e["id"]
    assert ("(one row a block to fit" in shown) == (columns == 60)


@pytest.mark.parametrize("columns", [60, 100])
def test_screen_on_a_narrow_terminal_says_which_list_each_hit_is_on(store, tmp_path, columns):
    """user39: at 60 columns Skydio's three hits read "in force", "lifted", "lapsed" with list, instrument and until
    hidden (which list is lifted?); at 100 "countermeas|ure". List, state and instrument stay whole: a table where
    they fit, else one hit a block."""
    rows = tmp_path / "rows.csv"
    rows.write_text("name,country\nSkydio,US\n", encoding="utf-8")
    shown = on_terminal("--db", store, "screen", str(rows), "--as-of", AS_OF, columns=columns)
    lines = shown.splitlines()
    assert max(cell_len(line) for line in lines) <= columns and "…" not in shown
    words = {word for line in lines for word in re.split(r"[\s│┃]+", line) if word}
    assert {"countermeasure", "ecl", "uel", "外交部令第13号"} <= words or columns > 60
    assert "countermeasure" in words and not any(w.startswith("countermeas") and w != "countermeasure" for w in words)
    if columns == 60:
        labels = [line.split()[0] for line in lines if line.startswith("  ") and line.split()]
        assert labels.count("list") == labels.count("instrument") == labels.count("state") == 3, labels
    else:
        heads = [h.strip() for h in next(line for line in lines if line.startswith("┃ line")).split("┃") if h.strip()]
        assert {"list", "state", "instrument", "since"} <= set(heads), heads


def test_screen_s_lines_under_the_table_fit_the_terminal(store, tmp_path):
    """cli30: a possible match's line, under the table, ran 148 columns wide on an 80-column terminal (the table and
    its title fit); it wraps at words there now, and stays one line into a pipe."""
    rows = tmp_path / "rows.csv"
    rows.write_text("name,country\nAnduril,US\n", encoding="utf-8")
    shown = on_terminal("--db", store, "screen", str(rows), "--as-of", AS_OF, columns=80)
    assert max(cell_len(line) for line in shown.splitlines()) <= 80
    said = " ".join(shown.split())
    assert 'line 2 Anduril: possible match: Anduril Industries (MOFCOM ecl, 商务部公告2025年第1号), score' in said
    assert said.endswith('review: the listed name shortened: without "industries"; state: in force')


def test_replay_on_a_narrow_terminal_squeezes_no_column_to_nothing(replayed, tmp_path):
    """Was, at 80 columns: ``published``, ``number / title``, ``entities``, ``warnings`` 0 cells wide (``┳┳┳``)."""
    url = copy_of(replayed, tmp_path / "store.sqlite")
    shown = on_terminal("--db", url, "replay", str(REPO_ROOT / "fixtures"), "--as-of", AS_OF, columns=80)
    assert "…" not in shown and "┳┳" not in shown and "││" not in shown
    header = next(line for line in shown.splitlines() if line.startswith("┃ notice"))
    assert [cell.strip() for cell in header.strip("┃").split("┃")] == ["notice", "effective", "title", "entities",
                                                                      "state"]  # "number /" is on the line above
    assert "(hidden to fit 80 columns: warnings, list, published; widen" in " ".join(shown.split())


def test_a_mistyped_command_gets_a_suggestion():
    """Was: ``No such command 'stauts'.`` and nothing more (a mistyped option already got ``Possible options``)."""
    typo = cli("stauts")
    assert typo.returncode == 2
    assert typo.stderr.decode().splitlines()[-1] == "Error: No such command 'stauts'. Did you mean 'status'?"


def test_a_global_option_after_the_command_says_where_it_goes(store):
    """Was: ``No such option: --db`` (and the internal-error line's "run with --verbose", appended at the end as
    users do, was that usage error)."""
    late = cli("timeline", "skydio", "--db", store)
    assert late.returncode == 2
    assert late.stderr.decode().splitlines()[-1] == (
        "Error: No such option: --db (--db is an option of mofcom-watch itself: put it before the command, as in "
        "'mofcom-watch --db URL timeline ...')")


def _wait_until_blocked_in_pipe_read(pid: int) -> None:
    """Until the kernel says ``pid`` sleeps reading a pipe (``/proc/PID/wchan``: pipe_read, anon_pipe_read), for at
    most 5 s (a kernel that names no wait channel: the race stays, rare)."""
    end = time.monotonic() + 5
    while time.monotonic() < end:
        try:
            if "pipe" in Path(f"/proc/{pid}/wchan").read_text():
                return
        except OSError:
            return
        time.sleep(0.01)


def test_ctrl_c_says_interrupted(store, tmp_path):
    """Was: exit 130 and not a word on stderr (typer turns KeyboardInterrupt into a silent exit), so a log showed
    nothing at all. ``screen`` reading a FIFO waits there for its input: the moment to press Ctrl-C."""
    fifo = tmp_path / "names.csv"
    os.mkfifo(fifo)
    proc = subprocess.Popen([sys.executable, "-m", "mofcom_watch", "--db", store, "screen", str(fifo)],
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO_ROOT,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # noqa: PLW1509
    deadline = time.monotonic() + 60
    while True:  # opening the write end succeeds once the command has opened the read end, and waits in read()
        try:
            writer = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            break
        except OSError:
            assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
            time.sleep(0.05)
    # Ctrl-C once the command waits in read(): a SIGINT that lands after open() returns but before read() starts
    # is taken by CPython's C handler with no Python code left to run until read() returns (2 hangs in 25 runs).
    _wait_until_blocked_in_pipe_read(proc.pid)
    try:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        os.close(writer)
    assert proc.returncode == 130
    assert err.decode().splitlines() == ["mofcom-watch screen: interrupted"]
    assert out == b""


def test_an_unknown_name_is_json_with_suggestions_under_json_and_suggested_by_evidence(store, tmp_path):
    """Was: ``timeline skydo --json`` printed nothing on stdout (a JSON reader failed on it), and ``evidence skydo``
    gave no suggestion where ``timeline`` gives one."""
    timeline = cli("--db", store, "timeline", "skydo", "--json", "--as-of", AS_OF)
    assert timeline.returncode == 2  # input naming nothing, not "problems reported"
    assert json.loads(timeline.stdout) == {"query": "skydo", "as_of": AS_OF, "match": None,
                                           "suggestions": ["Skydio Inc."],  # one spelling per name
                                           "unread_pages": ["file:texts/mofcom-2026-11.txt",  # (user43)
                                                            "file:texts/mofcom-2026-12.txt",
                                                            "file:texts/mofcom-order-2025-6.txt"]}
    pack = tmp_path / "skydo.zip"
    evidence = cli("--db", store, "evidence", "skydo", "--out", str(pack), "--as-of", AS_OF)
    assert evidence.returncode == 2 and not pack.exists()
    assert evidence.stderr.decode().splitlines()[0] == (  # then the warning of the pages not read whole (user43)
        "mofcom-watch evidence: no listed entity matches 'skydo'; did you mean: Skydio Inc.?")


def test_a_listed_person_asked_for_in_pinyin_is_suggested_by_timeline_evidence_and_the_search(store, tmp_path):
    """Was (user42): ``timeline "Yu Maochun"`` said "no listed entity matches 'Yu Maochun'" with no suggestion (exit
    2), an officer's "not listed" for 余茂春 on MFA Order No. 4, while ``screen`` offers him as a possible match; the
    site's search found no one either. The Chinese name is suggested now, never taken as the match."""
    for asked, person in (("Yu Maochun", "余茂春"), ("Miles Maochun Yu", "余茂春"), ("SHI Ping", "石平")):
        timeline = cli("--db", store, "timeline", asked, "--json", "--as-of", AS_OF)
        assert timeline.returncode == 2
        assert json.loads(timeline.stdout)["match"] is None
        assert json.loads(timeline.stdout)["suggestions"][0] == person
    evidence = cli("--db", store, "evidence", "Yu Maochun", "--out", str(tmp_path / "yu.zip"), "--as-of", AS_OF)
    assert evidence.returncode == 2 and not (tmp_path / "yu.zip").exists()
    assert evidence.stderr.decode().splitlines()[0] == (  # then the warning of the pages not read whole (user43)
        "mofcom-watch evidence: no listed entity matches 'Yu Maochun'; did you mean: 余茂春?")
    from sqlalchemy.orm import Session

    from storage.db import make_engine
    from storage.status import find_entities

    engine = make_engine(store)
    with Session(engine) as session:
        assert [h.key for h in find_entities(session, "Yu Maochun")] == ["余茂春"]
        assert find_entities(session, "Hanwha") == []  # no pinyin of a company, nor of anything for a name unlike one
    engine.dispose()


SERVED_PAGES = ("www.mofcom.gov.cn/zcfb/blgg/gg/2025/index.html",
                "www.mofcom.gov.cn/zcfb/blgg/gg/2025/art/2025/art_bc4513421bb24faaa84e44c2e4f36dc5.html")


@pytest.fixture(scope="module")
def small_store(tmp_path_factory) -> str:
    """Two saved pages replayed: a store ``serve`` publishes in a moment."""
    tmp_path = tmp_path_factory.mktemp("small-store")
    pages = tmp_path / "pages"
    for page in SERVED_PAGES:
        (pages / page).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO_ROOT / "fixtures" / page, pages / page)
    url = f"sqlite:///{tmp_path / 'small.sqlite'}"
    assert cli("--db", url, "replay", str(pages), "--as-of", AS_OF).returncode in (0, 1)
    return url


def serve_env(tmp_path: Path) -> dict[str, str]:
    return {"MOFCOM_WATCH_DATA_DIR": str(tmp_path / "data"), "MOFCOM_WATCH_PUBLIC_URL": ""}


def test_serve_on_a_port_in_use_says_so_before_publishing_or_claiming_to_serve(small_store, tmp_path):
    """Was: the store's feeds published into the feeds folder and ``msg=serving url=…`` logged, then the bind
    failed (exit 2). Then: exit 2, the code of a typo, for a port another process holds: a resource, exit 3, as
    a locked store is (cli30's B, the lead's decision in session 31)."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        busy = cli("--db", small_store, "serve", "--host", "127.0.0.1", "--port", str(port), "--as-of", AS_OF,
                   env=serve_env(tmp_path))
    assert busy.returncode == 3
    assert busy.stderr.decode().splitlines() == [
        f"mofcom-watch serve: cannot serve on 127.0.0.1:{port}: the port is in use by another process (another serve?): "
        "stop it, or choose another --port (--port 0 takes any free one)"]
    assert not (tmp_path / "data").exists()


@pytest.mark.parametrize("given", ["flag", "file"])
def test_serve_on_port_0_names_the_port_it_got_in_every_link(small_store, tmp_path, given):
    """Was: ``http_port (from flag): 0 is outside 1..65535`` (exit 2); then, with the flag fixed, ``http_port (from
    file …): 0 is outside 1..65535`` for ``[http] port = 0`` in the configuration file."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOFCOM_WATCH_")} | serve_env(tmp_path)
    config = tmp_path / "mofcom-watch.toml"
    config.write_text("[http]\nport = 0\n" if given == "file" else "")
    port = ["--port", "0"] if given == "flag" else []
    proc = subprocess.Popen([sys.executable, "-m", "mofcom_watch", "--config", str(config), "--db", small_store,
                             "serve", "--host", "127.0.0.1", *port, "--as-of", AS_OF], stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=tmp_path, env=env)
    try:
        assert proc.stderr is not None
        serving = ""
        for line in proc.stderr:  # the log line naming where it serves
            if "msg=serving" in line:
                serving = line
                break
        match = re.search(r" url=http://127\.0\.0\.1:(\d+)/ ", serving)
        assert match, serving
        base = f"http://127.0.0.1:{match.group(1)}/"
        assert f"feeds_url={base}feeds/ " in serving
        with urllib.request.urlopen(base + "feeds.opml", timeout=30) as response:  # served there, linking there
            links = re.findall(r'xmlUrl="([^"]+)"', response.read().decode("utf-8"))
        assert links and all(link.startswith(base + "feeds/") for link in links), links[:3]
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=60)
    assert proc.returncode == 0


def test_port_0_from_the_environment_is_valid_as_it_is_from_the_flag(tmp_path):
    """Was: ``MOFCOM_WATCH_PORT=0``: ``http_port (from MOFCOM_WATCH_PORT): 0 is outside 1..65535`` (exit 2) for every
    command, though ``serve --port 0`` binds a free port."""
    shown = cli("config", env={"MOFCOM_WATCH_PORT": "0", "MOFCOM_WATCH_DATA_DIR": str(tmp_path)})
    assert shown.returncode == 0, shown.stderr.decode()
    assert re.search(r"^port = 0 .*\[env MOFCOM_WATCH_PORT\]", shown.stdout.decode(), re.M), shown.stdout.decode()


def test_feeds_published_with_port_0_and_no_public_url_are_refused_not_linked_to_port_0(replayed, tmp_path):
    """With port 0 valid in the configuration, ``run``, ``schedule`` and ``feeds`` would have written self links to
    ``http://127.0.0.1:0/feeds/`` (only ``serve`` learns the port it gets)."""
    url = copy_of(replayed, tmp_path / "store.sqlite")
    env = {"MOFCOM_WATCH_PORT": "0", "MOFCOM_WATCH_DATA_DIR": str(tmp_path / "data")}
    site = ["--source", "mofcom-qa", "--base-url", "www.mofcom.gov.cn=http://127.0.0.1:9/www.mofcom.gov.cn"]  # closed
    for args in (["feeds", "--out", str(tmp_path / "feeds")], ["run", *site]):
        refused = cli("--db", url, *args, "--as-of", AS_OF, env=env)
        assert refused.returncode == 2
        assert refused.stderr.decode().startswith(f"mofcom-watch {args[0]}: the feeds' URL http://127.0.0.1:0/feeds/ "
                                                  "names port 0 (http.port = 0 means any free port")
    assert not (tmp_path / "feeds").exists() and not (tmp_path / "data").exists()
    public = cli("--db", url, "feeds", "--out", str(tmp_path / "feeds"), "--as-of", AS_OF,
                 env=env | {"MOFCOM_WATCH_PUBLIC_URL": "https://feeds.example.org/feeds/"})
    assert public.returncode == 1, public.stderr  # the fixtures' count gaps
    assert "https://feeds.example.org/feeds/all.atom" in (tmp_path / "feeds" / "all.atom").read_text()


def test_dash_reads_standard_input_as_unix_tools_do(store):
    """Was: ``parse -`` and ``screen -`` answered ``-: no such file`` (exit 2)."""
    page = (REPO_ROOT / "fixtures" / "texts" / "mofcom-2025-51.txt").read_bytes()
    parsed = cli("parse", "-", stdin=page)
    assert parsed.returncode == 0, parsed.stderr
    assert json.loads(parsed.stdout)["key"] == "MOFCOM-2025-51"
    empty = cli("parse", "-", stdin=b"")
    assert empty.returncode == 2
    assert empty.stderr.decode().startswith("mofcom-watch parse: (standard input) is not a usable page (empty)")
    screened = cli("--db", store, "screen", "-", "--json", "--as-of", AS_OF, stdin="name\nSkydio\n".encode())
    assert screened.returncode == 1, screened.stderr  # a hit
    assert "skydio" in {hit["entity_key"] for row in json.loads(screened.stdout)["results"] for hit in row["hits"]}


def test_a_folder_given_as_the_store_is_a_usage_error(tmp_path):
    """Was: ``replay`` said ``the SQLite file DIR is read-only … make the file and its folder writable`` and exited 3
    (a resource fault, which monitors treat as passing); ``status`` said ``no database at DIR``."""
    folder = tmp_path / "data"
    folder.mkdir()
    line = (f"{folder} is a folder, not a SQLite file: name a file in it, e.g. "
            f"--db sqlite:///{folder / 'mofcom-watch.sqlite'}")
    replay = cli("--db", f"sqlite:///{folder}", "replay", str(REPO_ROOT / "fixtures" / "texts"))
    assert (replay.returncode, replay.stderr.decode().splitlines()) == (2, [f"mofcom-watch replay: {line}"])
    status = cli("--db", f"sqlite:///{folder}", "status")
    assert (status.returncode, status.stderr.decode().splitlines()) == (2, [f"mofcom-watch status: {line}"])
    assert list(folder.iterdir()) == []


def test_verbose_and_quiet_together_is_a_usage_error():
    """Was: accepted, --verbose silently winning (as --json with --csv, or a pack NAME with --verify, are refused)."""
    both = cli("-q", "-v", "config")
    assert (both.returncode, both.stdout, both.stderr.decode()) == (
        2, b"", "mofcom-watch: choose one of --verbose and --quiet\n")


PAUSE_AT_TYPER = '''
import os, sys, time
class PauseAtTyper:  # the first import of typer (cli.py's) says it has begun, then takes its time
    def find_spec(self, name, path=None, target=None):
        if name == "typer":
            sys.meta_path.remove(self)
            open(os.environ["CLI15_READY"], "w").close()
            time.sleep(30)
        return None
sys.meta_path.insert(0, PauseAtTyper())
'''


def test_ctrl_c_while_the_program_imports_is_one_line_not_a_traceback(tmp_path):
    """Was: a KeyboardInterrupt traceback from the imports (typer, rich) when Ctrl-C came in the first quarter
    second. A sitecustomize on PYTHONPATH holds the import of typer until the signal has been sent."""
    (tmp_path / "sitecustomize.py").write_text(PAUSE_AT_TYPER)
    ready = tmp_path / "ready"
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOFCOM_WATCH_")}
    env.update(PYTHONPATH=str(tmp_path), CLI15_READY=str(ready))
    proc = subprocess.Popen([sys.executable, "-m", "mofcom_watch", "--help"], stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO_ROOT, env=env,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # noqa: PLW1509
    deadline = time.monotonic() + 60
    while not ready.exists():
        assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert (proc.returncode, out, err.decode()) == (130, b"", "mofcom-watch: interrupted\n")



@pytest.fixture(scope="module")
def clean_store(replayed: Path, tmp_path_factory) -> str:
    """The replayed fixtures with their three deliberate count gaps closed by hand: ``status`` exits 0 on it."""
    import sqlite3

    db = tmp_path_factory.mktemp("clean-store") / "store.sqlite"
    url = copy_of(replayed, db)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE health_issue SET resolved_at = '2026-11-30 00:00:00' WHERE resolved_at IS NULL")
    conn.close()
    return url


def closed_early(*args: str, lines: int, both: bool = False) -> tuple[int, bytes, bytes]:
    """``mofcom-watch ARGS | head -1`` (``lines=1``: the first line read from a pipe of the smallest size, one page,
    so the command is still writing, then the pipe closed) or ``| true`` (``lines=0``: closed before the command
    writes). ``both``: stderr into the same pipe (``2>&1 | head -1``). Returns the exit code, what was read, stderr."""
    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, 4096)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MOFCOM_WATCH_", "PYTHONIOENCODING", "LC_"))}
    proc = subprocess.Popen([sys.executable, "-m", "mofcom_watch", *args], stdin=subprocess.DEVNULL, stdout=write_end,
                            stderr=write_end if both else subprocess.PIPE, cwd=REPO_ROOT, env=env)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as reader:
        read = b"".join(reader.readline() for _ in range(lines))
    _, err = proc.communicate(timeout=120)
    return proc.returncode, read, err or b""


@pytest.mark.parametrize("args, lines", [(("status",), 1), (("status", "--json"), 0), (("timeline", "skydio"), 0)])
def test_a_reader_that_stops_early_is_not_an_error(clean_store, args, lines):
    """Was: ``status | head -1`` and ``status --json | true`` exited 1 ("problems reported": click's answer to a
    BrokenPipeError) on a clean store. Now a closed pipe changes nothing but what is read: the exit code is the one
    the command gives with its output read to the end, and nothing is said about the pipe."""
    whole = cli("--db", clean_store, *args, "--as-of", AS_OF)
    assert whole.returncode == 0, whole.stderr.decode()
    # more than the reader takes (one read: at most the pipe's 4096 bytes) and the pipe then holds: the command
    # writes again after the reader left
    assert len(whole.stdout) > 2 * 4096 or not lines
    code, read, err = closed_early("--db", clean_store, *args, "--as-of", AS_OF, lines=lines)
    assert read == b"".join(whole.stdout.splitlines(keepends=True)[:lines])
    assert (code, err) == (0, b"")


def test_stderr_into_the_closed_pipe_too_is_quiet(clean_store):
    """``status 2>&1 | head -1``: exit 0 and no 'Exception ignored … BrokenPipeError' (nowhere to say it)."""
    code, read, _ = closed_early("--db", clean_store, "status", "--as-of", AS_OF, lines=1, both=True)
    assert (code, read) == (0, b"Listings (MOFCOM, MFA) as of 2026-11-30\n")


def test_review_names_the_lapses_status_says_need_review(store):
    """user41: status said "10 suspension(s) lapsed with no newer notice: presumed back in force, needs review", and
    `review`, the command an officer runs for it, said "Nothing held back for review." alone (exit 0). It names them
    now, pointing to status; its exit code and --json are as before (no `accept` settles a lapse)."""
    keys = sorted(r["notice_key"] for r in json.loads(cli("--db", store, "status", "--json", "--as-of", AS_OF).stdout)
                  ["listings"] if r["state"] == "lapsed")
    assert len(keys) == 10 and "UEL-2025-7" in keys
    after = cli("--db", store, "review", env={"MOFCOM_WATCH_TODAY": AS_OF})
    assert after.returncode == 0, after.stderr
    text = " ".join(after.stdout.decode().split())
    assert "Nothing held back for review." in text
    assert "10 suspension(s) lapsed with no newer notice, presumed back in force" in text
    assert all(key in text for key in keys) and "mofcom-watch status" in text
    before = cli("--db", store, "review", env={"MOFCOM_WATCH_TODAY": "2026-06-01"})  # every suspension still running
    assert before.returncode == 0 and "lapsed" not in before.stdout.decode()
    as_json = cli("--db", store, "review", "--json", env={"MOFCOM_WATCH_TODAY": AS_OF})
    assert as_json.returncode == 0 and "lapsed" not in as_json.stdout.decode()



def test_review_names_the_pages_not_read_whole_the_warnings_send_an_officer_to(store):
    """user44: ``timeline``, ``screen`` and ``evidence`` warn that an entity a page not read whole names is in no match
    "until the page is read whole or a person has read it (`mofcom-watch review`, `status`)"; `review` said "Nothing
    held back for review." and the lapses, no word of the three fixture pages read short of their stated count. It
    names them now, pointing to status; its exit code and --json are as before (no `accept` settles them)."""
    after = cli("--db", store, "review", env={"MOFCOM_WATCH_TODAY": AS_OF})
    assert after.returncode == 0, after.stderr
    text = " ".join(after.stdout.decode().split())
    assert "3 page(s) stored but not read whole" in text, text
    assert all(f"file:texts/{name}.txt" in text for name in ("mofcom-2026-11", "mofcom-2026-12", "mofcom-order-2025-6"))
    as_json = cli("--db", store, "review", "--json", env={"MOFCOM_WATCH_TODAY": AS_OF})
    assert as_json.returncode == 0 and "not read whole" not in as_json.stdout.decode()

def test_no_match_while_pages_are_not_read_whole_is_no_sign_of_not_listed(store, tmp_path):
    """Was (user43): ``timeline "Hanwha Ocean USA International"`` and ``evidence`` said "no listed entity matches" and
    nothing more, the store holding 商务部令2025年第6号 (Hanwha Ocean's 5 US subsidiaries) read short of its stated
    count (its names unread: an open count-mismatch), where ``screen`` of the same name warns that no hit is no sign
    of clear. An officer read "not listed". Now a warning line names the pages; ``--json`` lists them."""
    asked = "Hanwha Ocean USA International"
    timeline = cli("--db", store, "timeline", asked, "--as-of", AS_OF)
    lines = timeline.stderr.decode().splitlines()
    assert timeline.returncode == 2 and lines[0].startswith(f"mofcom-watch timeline: no listed entity matches '{asked}'")
    assert lines[1].startswith("mofcom-watch timeline: warning: 3 page(s) not read whole are open problems ("), lines
    assert lines[1].endswith("no match is no sign that the name is not listed"), lines
    as_json = cli("--db", store, "timeline", asked, "--json", "--as-of", AS_OF)
    assert as_json.returncode == 2
    assert "file:texts/mofcom-order-2025-6.txt" in json.loads(as_json.stdout)["unread_pages"]
    evidence = cli("--db", store, "evidence", asked, "--out", str(tmp_path / "h.zip"), "--as-of", AS_OF)
    assert evidence.returncode == 2 and not (tmp_path / "h.zip").exists()
    assert evidence.stderr.decode().splitlines()[1].startswith("mofcom-watch evidence: warning: 3 page(s) not read whole")
