"""`serve --schedule` end to end: real uvicorn + scheduler in a subprocess, a local copy of the site.

Cycles run every two seconds against the fixture tree served locally; a reader polls the
served feed (200 with an ETag, then 304; newsboat too, when installed), a Q&A page is added to the site between cycles,
and the new item appears in the served feed. SIGTERM stops the server cleanly, and a cycle waiting for a page the
site holds ends at its next page within seconds (session 32; it was waited out to its end, minutes on the real sites).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import feedparser
import pytest

site_server = pytest.importorskip("tests.site_server")
pytest.importorskip("mofcom_watch.cycle")

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "fixtures"
WWW = "www.mofcom.gov.cn"
QA_INDEX = f"{WWW}/xwfb/xwfyrth/index.html"
QA_UEL_0514 = f"{WWW}/xwfb/xwfyrth/art/2025/art_53ec1f591dba49a39b65fd89b6d73e6f.html"
NEW_QA = f"{WWW}/xwfb/xwfyrth/art/2026/art_0000000000000000000000000000abcd.html"
FEED = "notices.atom"
WAIT = 90.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()


class Newsboat:
    """Headless newsboat (tooling.md section 3) subscribed to one URL, with its own HOME and cache."""

    def __init__(self, workdir: Path, url: str) -> None:
        self.dir = workdir
        (workdir / "home").mkdir(parents=True)
        (workdir / "urls").write_text(url + "\n")
        (workdir / "config").write_text("")

    def reload(self) -> tuple[int, int]:
        """Reload; (items, distinct guids) in the cache."""
        env = dict(os.environ, HOME=str(self.dir / "home"))
        subprocess.run(["newsboat", "-u", "urls", "-c", "cache.db", "-C", "config", "-x", "reload"],
                       cwd=self.dir, env=env, check=True, capture_output=True, timeout=60)
        with sqlite3.connect(self.dir / "cache.db") as db:
            return db.execute("select count(*), count(distinct guid) from rss_item").fetchone()


def poll(predicate, proc: subprocess.Popen, what: str, timeout: float = WAIT):  # noqa: ANN001, ANN201
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"server exited while waiting for {what}: {proc.communicate()[1][-3000:]}")
        try:
            value = predicate()
        except (urllib.error.URLError, ConnectionError, OSError):
            value = None
        if value:
            return value
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}")


class HoldingSite(site_server.SiteServer):
    """The fixtures; once ``hold`` is set, every request waits in the server (a minute at most) and is counted."""

    def __init__(self, *args, **options) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **options)
        self.hold, self.go, self.held = threading.Event(), threading.Event(), 0

    def _take_fault(self, path: str):  # noqa: ANN202
        if self.hold.is_set() and not self.go.is_set():
            self.held += 1
            self.go.wait(60)
        return super()._take_fault(path)

    def stop(self) -> None:
        self.go.set()
        super().stop()


STOP_SECONDS = 10  # docker stop's default before its SIGKILL


def test_serve_schedule_picks_up_a_page_added_between_cycles(tmp_path: Path) -> None:
    port = free_port()
    stopping: float | None = None  # when SIGTERM was sent to a cycle waiting for a held page
    with HoldingSite(FIXTURES) as site:
        env = dict(os.environ)
        for name in [n for n in env if n.startswith("MOFCOM_WATCH_") and n != "MOFCOM_WATCH_TEST_PG"]:
            del env[name]
        env.update({
            "MOFCOM_WATCH_DATA_DIR": str(tmp_path / "data"),
            "MOFCOM_WATCH_BASE_URLS": f"{WWW}={site.base_url(WWW)}",
            "MOFCOM_WATCH_SOURCES": "mofcom-qa",
            "MOFCOM_WATCH_REQUEST_DELAY": "0",
            "MOFCOM_WATCH_RETRIES": "0",
            "MOFCOM_WATCH_TIMEOUT": "30",  # (a held page: a stop waiting for its read would take 30 s)
            "PYTHONPATH": str(REPO),
            "MOFCOM_WATCH_TODAY": "2026-11-29",  # the fixtures' day is today: cycles of a past day are refused
        })
        proc = subprocess.Popen(
            [sys.executable, "-m", "mofcom_watch", "serve", "--schedule", "--port", str(port),
             "--cron", "*/2 * * * * *", "--as-of", "2026-11-29"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            # the first cycle runs at start and publishes the feeds
            poll(lambda: get(f"{base}/feeds/{FEED}")[0] == 200, proc, "the first feeds")
            status, headers, body = get(f"{base}/feeds/{FEED}")
            first = feedparser.parse(body)
            assert status == 200 and first.bozo == 0 and first.entries
            ids = {e.id for e in first.entries}
            reader = Newsboat(tmp_path / "newsboat", f"{base}/feeds/{FEED}") if shutil.which("newsboat") else None
            if reader:
                assert reader.reload() == (len(ids), len(ids))
            # a reader polling again gets 304 (cycles keep running: the unchanged feed keeps its ETag) after a later
            # cycle has finished (waited for, not guessed with a sleep)
            def last_cycle():  # noqa: ANN202
                return json.loads(get(f"{base}/healthz")[2])["last_cycle"]

            first_cycle = poll(last_cycle, proc, "the first cycle's end")
            poll(lambda: last_cycle() not in (None, first_cycle), proc, "a later cycle's end")
            again = get(f"{base}/feeds/{FEED}", {"If-None-Match": headers["etag"]})
            assert again[0] == 304 and again[2] == b""
            if reader:
                assert reader.reload() == (len(ids), len(ids))  # the next cycle adds nothing twice
            health = json.loads(get(f"{base}/healthz")[2])
            assert health["status"] == "ok" and health["last_cycle"]

            # a new Q&A appears on the site, linked from the index
            # moved a year on, its answer too ("自2026年5月14日起"): since 2bc8060 a Q&A whose change is dated a year
            # before it was published reads as history, and its title's change as unread (a cut page)
            page = (FIXTURES / QA_UEL_0514).read_bytes().replace(b"2025-05-14", b"2026-05-14").replace(
                "2025年5月14日".encode(), "2026年5月14日".encode())
            site.set_page(NEW_QA, page)
            index = (FIXTURES / QA_INDEX).read_text(encoding="utf-8")
            link = f'<li><a href="/{NEW_QA.split("/", 1)[1]}" title="new">new</a></li><li>'
            site.set_page(QA_INDEX, index.replace("<li>", link, 1).encode("utf-8"))

            def new_entries():  # noqa: ANN202
                code, hdrs, data = get(f"{base}/feeds/{FEED}", {"If-None-Match": headers["etag"]})
                if code != 200:
                    return None
                parsed = feedparser.parse(data)
                return [e for e in parsed.entries if e.id not in ids] or None

            added = poll(new_entries, proc, "the new page's item in the served feed")
            assert len(added) == 1
            if reader:  # each item exactly once across cycles, the new one included
                assert reader.reload() == (len(ids) + 1, len(ids) + 1)
                assert reader.reload() == (len(ids) + 1, len(ids) + 1)
            assert any(h.path == NEW_QA and h.status == 200 for h in site.hits)
            front = get(f"{base}/")[2].decode("utf-8")
            assert f"{FEED}" in front and "mofcom-qa" in front
            site.hold.set()  # the next cycle's first request waits in the site: SIGTERM comes mid-cycle
            poll(lambda: site.held, proc, "a cycle waiting for a held page")
            stopping = time.monotonic()
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                _out, err = proc.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                _out, err = proc.communicate()
            seconds = time.monotonic() - stopping if stopping is not None else None
    assert proc.returncode == 0, err[-3000:]  # a graceful stop, not death by the re-raised signal
    assert 'msg="scheduler stopped"' in err and "Traceback" not in err
    assert 'msg="cycle done' in err and "run=" in err
    assert seconds is not None and seconds < STOP_SECONDS, (seconds, err[-3000:])
    assert 'msg="cycle stopped at its next page' in err and "cycle failed" not in err, err[-3000:]
