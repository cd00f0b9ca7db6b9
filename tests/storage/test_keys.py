"""Health-issue keys come from one function, for the side that opens an issue and the side that resolves it.

``HealthIssue.key`` holds 512 characters. The opener once shortened a longer key (a hash of the whole at its
end) while the resolver looked it up whole, so an unusable page at a URL longer than about 500 characters
stayed an open issue for ever, though its page parsed whole again: a health problem that never clears.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import xml.etree.ElementTree as ET
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from storage.health import record_source_run
from storage.keys import ISSUE_KEY_LEN, issue_key, mismatch_key, unfitted_key, unusable_key
from storage.models import HealthIssue
from storage.outcomes import SourceReport
from storage.vocabulary import TAG_PREFIX, Failure, HealthKind, RunCounters
from tests import zygote
from tests.conftest import REPO_ROOT
from tests.faults import harness as h
from tests.site_server import SiteServer

NOTICE = REPO_ROOT / "fixtures/www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_1ee79b1b7f21444ebf4797c0ff8500fd.html"
LONG_PATH = "/".join(["a-path-as-long-as-a-cms-makes-" + "x" * 70] * 5) + "/art_long.html"
LONG_URL = "https://www.mofcom.gov.cn/" + LONG_PATH


def replay(db: str, site: Path, at: str) -> subprocess.CompletedProcess[str]:
    """A real replay process, forked by the test zygote (``tests/zygote.py``: the imports paid once per worker)."""
    return subprocess.run(zygote.command("--db", db, "replay", str(site), "--fetched-at", at, "--as-of", "2026-11-29"),
                          capture_output=True, text=True, cwd=REPO_ROOT, env=dict(os.environ, COLUMNS="200"),
                          timeout=300, stdin=subprocess.DEVNULL)


def issues(db: str) -> dict[str, datetime | None]:
    engine = create_engine(db)
    with Session(engine) as session:
        found = {key: at for key, at in session.execute(select(HealthIssue.key, HealthIssue.resolved_at))}
    engine.dispose()
    return found


def test_an_unusable_page_at_a_long_url_is_resolved_when_it_parses_again(tmp_path: Path) -> None:
    """Two real replays of a real folder into a real SQLite file: a bot-check page at a 536-character URL, then
    the official notice at the same place. Its unusable-page issue is opened, then resolved."""
    page = tmp_path / "site" / "www.mofcom.gov.cn" / LONG_PATH
    page.parent.mkdir(parents=True)
    page.write_bytes(b"<html><body>Please enable JavaScript</body></html>")
    db = f"sqlite:///{tmp_path / 'db.sqlite'}"
    first = replay(db, tmp_path / "site", "2026-11-28T06:00:00+00:00")
    assert first.returncode == 1 and f"unusable page: {LONG_URL}" in first.stderr, first.stderr
    key = unusable_key(LONG_URL)
    assert len(LONG_URL) > ISSUE_KEY_LEN and len(key) == ISSUE_KEY_LEN
    assert issues(db) == {key: None}

    page.write_bytes(NOTICE.read_bytes())
    second = replay(db, tmp_path / "site", "2026-11-29T06:00:00+00:00")
    assert second.returncode == 0, second.stdout + second.stderr
    assert issues(db)[key] == datetime(2026, 11, 29, 6, 0, tzinfo=UTC)
    status = subprocess.run(zygote.command("--db", db, "status", "--json", "--as-of", "2026-11-29"),
                            capture_output=True, text=True, cwd=REPO_ROOT, timeout=300, stdin=subprocess.DEVNULL)
    assert status.returncode == 0, status.stdout + status.stderr
    assert LONG_URL not in status.stdout


def test_a_run_failure_at_a_long_url_gets_a_key_that_fits_and_resolves(engine) -> None:
    """A source run's unusable page at a long URL (PostgreSQL refuses a key past the column) is opened once
    under its fitted key, refreshed under the same key, and resolved when the page answers whole."""
    at = datetime(2026, 11, 29, 6, 0, tzinfo=UTC)
    failures = RunCounters(failures=(Failure(url=LONG_URL, reason="bot-check", detail="a slider captcha"),))

    def run(n: int, **report: object) -> tuple[str, ...]:
        with Session(engine) as session, session.begin():
            change = record_source_run(session, f"run-{n}", SourceReport(
                source="mofcom-policy", started_at=at + timedelta(hours=n), finished_at=at + timedelta(hours=n),
                **report))  # type: ignore[arg-type]
            return change.opened + change.resolved

    key = issue_key("mofcom-policy", HealthKind.UNUSABLE_PAGE, LONG_URL)
    assert len(key) == ISSUE_KEY_LEN
    assert run(0, counts=failures) == (key,)
    assert run(1, counts=failures) == ()  # still open: the same issue, not a second one
    assert run(2, good_urls=frozenset({LONG_URL})) == (key,)
    with Session(engine) as session:
        assert session.execute(select(HealthIssue.key, HealthIssue.resolved_at.is_not(None))).all() == [(key, True)]


def test_a_source_run_issue_stored_under_its_whole_key_is_refreshed_not_opened_twice(tmp_path: Path) -> None:
    """Code before 220e962 stored a source run's issue under its whole key: SQLite does not hold a VARCHAR to its
    512 characters (a run of that code against the site below stored a 596-character key). Code after it looked the
    issue up by its fitted key only, so its next run opened a second issue for the same page: a second open item in
    the source-health feed, the first one never refreshed. A real SQLite file as that code left it (a real run, the
    issue's key set back to the whole key), then a real run again, against a real server."""
    www = "www.mofcom.gov.cn"
    index = f"{www}/xwfb/xwfyrth/index.html"
    link = "/xwfb/xwfyrth/art/2025/art_" + "ab" * 16 + ".html?q=" + "x" * 480  # answers 404: a source-run issue
    url = f"https://{www}{link}"
    parts = ("mofcom-qa", HealthKind.UNUSABLE_PAGE, url)
    whole, fitted = unfitted_key(*parts), issue_key(*parts)
    assert whole is not None and len(whole) > ISSUE_KEY_LEN == len(fitted)
    db = tmp_path / "store.sqlite"

    def run() -> list[tuple[str, str, str | None]]:
        args = ["run", "--as-of", h.AS_OF, "--out", str(tmp_path / "feeds"), "--no-progress", "--source", "mofcom-qa",
                "--base-url", f"{www}={site.base_url(www)}"]
        done = h.cli(f"sqlite:///{db}", *args)
        assert done.code == 1 and "not-found" in done.out, done.out + done.err
        with closing(sqlite3.connect(db)) as con:
            return con.execute("SELECT key, last_seen, resolved_at FROM health_issue WHERE source = 'mofcom-qa' AND "
                               "kind = 'unusable-page' ORDER BY id").fetchall()

    with SiteServer(h.FIXTURES) as site:
        page = (h.FIXTURES / index).read_text(encoding="utf-8")
        site.set_page(index, page.replace("<li>", f'<li><a href="{link}" title="t">t</a></li><li>', 1).encode())
        [(key, first_seen, _)] = run()
        assert key == fitted
        con = sqlite3.connect(db)
        with con:
            assert con.execute("UPDATE health_issue SET key = ? WHERE key = ?", (whole, fitted)).rowcount == 1
        con.close()
        [(key, last_seen, resolved)] = run()  # one issue, still under the key it has, refreshed
    assert key == whole and last_seen >= first_seen and resolved is None
    feed = ET.parse(tmp_path / "feeds" / "source-health.atom").getroot()
    ids = [e.findtext(f"{h.ATOM}id") or "" for e in feed.iter(f"{h.ATOM}entry")]
    assert [i for i in ids if "art_" + "ab" * 16 in i] == [f"{TAG_PREFIX}health/{whole}/open/"
                                                           f"{first_seen[:10]}"]


def test_keys_fit_their_column_and_stay_apart() -> None:
    assert issue_key("mofcom-policy", HealthKind.FAILING) == "mofcom-policy/failing"
    assert unusable_key("https://www.mofcom.gov.cn/a.html") == "unusable-page/https://www.mofcom.gov.cn/a.html"
    assert mismatch_key("UEL-2025-7") == "count-mismatch/UEL-2025-7"
    long = [unusable_key(LONG_URL), unusable_key(LONG_URL + "?page=2"), mismatch_key("K" * 600)]
    assert all(len(k) == ISSUE_KEY_LEN for k in long) and len(set(long)) == 3
    assert issue_key(long[0]) == long[0]  # a key made once is made again the same
    assert json.dumps(long[0]).isascii()
