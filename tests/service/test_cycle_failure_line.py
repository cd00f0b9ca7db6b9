"""A failing ``schedule`` cycle is logged in one plain line, as ``run`` says the same failure: the cause, the path and
the cure, not the exception's repr. A real ``schedule`` process against a local jpaas column (``tests/site_server.py``,
the column of ``test_deep_walk``), its feeds folder holding a file where a sub-folder goes."""

from __future__ import annotations

import errno
from pathlib import Path

from mofcom_watch.exits import failure_line
from tests.faults.harness import spawn_logged, until
from tests.faults.test_deep_walk import SOURCE, column_store
from tests.faults.test_site_changes import W, env
from tests.site_server import SiteServer


def test_a_file_where_a_feeds_folder_should_be_is_said_as_run_says_it_and_the_loop_goes_on(tmp_path: Path) -> None:
    """cli31: a file lying where a folder of the feeds should be failed every cycle with
    ``error="NotADirectoryError: [Errno 20] Not a directory: '…/feeds/notice/MFA-ORDER-2022-4.svg'"``, where ``run``
    names the folder, what is wrong and what to do (exit 3). The loop goes on: the process waits for its next slot
    until SIGTERM, and stops with 0."""
    db, out, extra, pages = column_store(tmp_path)
    out.mkdir()
    (out / "notice").write_text("not a folder")  # the publish's first sub-folder: the OS refuses it
    with SiteServer(None, pages=pages, columns={W: "zwgk/zcfb/"}) as site:
        logged = spawn_logged(db, "schedule", "--cron", "0 0 1 1 *", "--run-at-start", log=tmp_path / "schedule.log",
                              env=env(MOFCOM_WATCH_FEEDS_DIR=str(out), MOFCOM_WATCH_SOURCES=SOURCE,
                                      MOFCOM_WATCH_BASE_URLS=f"{W}={site.base_url(W)}", **extra))
        with logged.reaped():
            assert until(lambda: logged.said('msg="cycle failed"'), 120), logged.log.read_text()
            assert logged.proc.poll() is None, logged.log.read_text()  # the loop goes on
            stopped = logged.stop(timeout=60)
    failed = [line for line in stopped.err.splitlines() if 'msg="cycle failed"' in line]
    assert len(failed) == 1, stopped.err
    assert f"cannot write the feeds in {out}: it (or a folder on its path) is a file, not a folder: move the file" \
        in failed[0], failed[0]
    assert "NotADirectoryError" not in failed[0] and "Errno" not in failed[0], failed[0]
    assert stopped.code == 0, stopped.err


def test_failure_line_says_other_file_errors_by_cause_and_path_and_leaves_bugs_to_their_type(tmp_path: Path) -> None:
    watchlist = tmp_path / "watch" / "list.toml"
    line = failure_line(NotADirectoryError(errno.ENOTDIR, "Not a directory", str(watchlist)), feeds_dir=tmp_path / "f")
    assert line == f"cannot use {watchlist}: Not a directory"
    assert failure_line(ValueError("a bug")) is None  # said with its type, as before


def test_a_cycle_that_reaches_no_site_says_which_sources_failed_and_why(tmp_path: Path) -> None:
    """ops41: with the sites down for the whole cycle (every connection refused), `podman logs` showed
    ``msg="cycle done with problems" ok=false … sources=7 … problems=0``: counts, and no word that any fetch failed
    (``run`` prints each failure; ``status`` too). The line now names the failing sources and the first failure."""
    import socket

    with socket.socket() as s:  # a port nothing listens on: every connection refused
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    logged = spawn_logged(db, "schedule", "--cron", "0 0 1 1 *", "--run-at-start", log=tmp_path / "schedule.log",
                          env=env(MOFCOM_WATCH_FEEDS_DIR=str(out), MOFCOM_WATCH_SOURCES="mofcom-qa",
                                  MOFCOM_WATCH_RETRIES="0", MOFCOM_WATCH_REQUEST_DELAY="0",
                                  MOFCOM_WATCH_PUBLIC_URL="http://127.0.0.1:8080/feeds/",
                                  MOFCOM_WATCH_BASE_URLS=f"{W}=http://127.0.0.1:{port}/{W}"))
    with logged.reaped():
        assert until(lambda: logged.said("msg=\"cycle done with problems\""), 120), logged.log.read_text()
        stopped = logged.stop(timeout=60)
    line = next(x for x in stopped.err.splitlines() if 'msg="cycle done with problems"' in x)
    assert 'failed_sources=mofcom-qa' in line, line
    assert "failed_fetches=1" in line and "first_failure=\"" in line and "xwfb/xwfyrth/index.html" in line, line
    assert "Connection refused" in line or "connect" in line, line
    # user44's B (session 45): "problems=0" beside "ok=false", the failed fetch counted nowhere; now the line counts
    # what made the cycle not ok and says it, as `status` does ("LAST RUN FAILED: …")
    assert " problems=1 " in line and ' why="mofcom-qa: 1 failed fetch" ' in line, line
    assert " problems=0" not in line, line
    # ops46: the connection refused was the mirror's (base_urls), but the line named https://www.mofcom.gov.cn/…: it
    # names the URL tried, and the official page it stands for beside it
    tried = f"http://127.0.0.1:{port}/{W}/xwfb/xwfyrth/index.html"
    assert f'first_failure="connect {tried}' in line, line
    assert f'first_failure_for=https://{W}/xwfb/xwfyrth/index.html' in line, line


def test_a_cycle_not_ok_for_open_issues_and_problems_counts_and_says_them() -> None:
    """user44's B: a cycle whose fetches all succeeded but that left health issues open (or met a problem: an
    unresolved reference) logged ``ok=false … problems=0``: each reason is counted in ``problems`` and said in ``why``;
    a clean cycle's line is as before (``what_went_wrong`` is asked only when it is not ok)."""
    from datetime import date

    from mofcom_watch.cycle import CycleResult
    from mofcom_watch.scheduler import not_ok_because, summarize, what_went_wrong

    result = CycleResult(ok=False, run_id="r", as_of=date(2026, 11, 30), open_issues=("a", "b"),
                         problems=("MFA-ORDER-2026-21: reference to …",))
    assert summarize(result)["problems"] == 1
    said = what_went_wrong(result)
    assert said["problems"] == 3 and said["why"] == "2 open source-health issues; 1 problem of the cycle", said
    assert not_ok_because(CycleResult(ok=True, run_id="r", as_of=date(2026, 11, 30))) == []


def test_a_cron_time_met_by_a_running_cycle_is_said_in_the_project_s_words(tmp_path: Path) -> None:
    """ops46: at the start of ``serve --schedule`` (and ``schedule``), the cycle at start running past the first cron
    time logged APScheduler's own ``WARNING … Execution of job "fetch-parse-diff-publish cycle (trigger: cron[…])"
    skipped: maximum number of running instances reached (1)``, in no words of the project or docs/deploy.md (a
    monitor alerting on WARNING heard a fault; it is none: the running cycle covers that time). Now one INFO line of
    the project's says it. A real ``schedule`` process, every second, against a site answering each page in 0.4 s."""
    db, out, extra, pages = column_store(tmp_path)
    with SiteServer(None, pages=pages, columns={W: "zwgk/zcfb/"}) as site:
        site.latency = 0.4  # a cycle of several pages: past the next second's time
        logged = spawn_logged(db, "schedule", "--cron", "* * * * * *", "--run-at-start", log=tmp_path / "schedule.log",
                              env=env(MOFCOM_WATCH_FEEDS_DIR=str(out), MOFCOM_WATCH_SOURCES=SOURCE,
                                      MOFCOM_WATCH_PUBLIC_URL="http://127.0.0.1:8080/feeds/",
                                      MOFCOM_WATCH_BASE_URLS=f"{W}={site.base_url(W)}", **extra))
        with logged.reaped():
            assert until(lambda: logged.said('msg="cycle done'), 120), logged.log.read_text()
            assert until(lambda: logged.said("cycle time skipped"), 60), logged.log.read_text()
            stopped = logged.stop(timeout=60)
    assert "maximum number of running instances" not in stopped.err, stopped.err
    skipped = [x for x in stopped.err.splitlines() if "cycle time skipped" in x]
    assert skipped and all("level=info" in x and "scheduled=" in x for x in skipped), skipped
    assert stopped.code == 0, stopped.err
