"""``/healthz`` over a live feeds folder emptied or removed after serve published it (ops47's open B).

Was: ``/healthz`` answered 200, ``status ok``, while every feed answered 404, until serve's own check (every 30 s)
wrote the folder again; only ``status`` said FEEDS FOLDER GONE (ops47). Now ``/healthz`` asks the folder it serves
at each request (two stats, no scan), where the last successful publish wrote it: 503, ``feeds folder gone: …``,
``feeds_gone`` in the body, until a publish writes it again. A real ``serve`` process on a real SQLite store."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

from tests.conftest import copy_of
from tests.faults.harness import cli, cli_env
from tests.faults.serving import serving

GONE = "feeds folder gone: the feeds folder "


def health(served) -> tuple[int, dict]:  # noqa: ANN001 - a Served
    status, _headers, body = served.get("/healthz")
    return status, json.loads(body)


def gone_problems(report: dict) -> list[str]:
    return [p for p in report.get("problems", []) if p.startswith(GONE)]


def empty(folder: Path) -> None:
    """A cleanup job removed its files, the folder kept."""
    for path in folder.iterdir():
        if path.is_file():
            path.unlink()


def asked_after(served, live: Path, fault) -> tuple[int, dict]:  # noqa: ANN001 - a Served, a callable
    """``/healthz`` right after ``fault`` on the live folder; again, should serve's own check (every 30 s) have
    published the folder again in between (a request's time in 30 s: rare, but no test of timing may flake)."""
    for _ in range(3):
        fault(live)
        answer = health(served)
        if not (live / "all.atom").exists():
            return answer
    raise AssertionError("serve published the folder again each time before /healthz was asked")


def test_healthz_says_the_live_feeds_folder_emptied_or_removed_at_once(replayed, tmp_path: Path) -> None:
    url = copy_of(replayed, tmp_path / "store.sqlite")
    live = tmp_path / "data" / "feeds"
    with serving(url, tmp_path) as served:
        deadline = time.monotonic() + 120
        while not (live / "all.atom").is_file() or health(served)[1].get("last_successful_publish") is None:
            assert time.monotonic() < deadline, "serve did not publish its feeds"
            time.sleep(0.2)
        before_status, before = health(served)
        emptied_status, emptied = asked_after(served, live, empty)
        removed_status, removed = asked_after(served, live, shutil.rmtree)
        published = cli(url, "feeds", env=cli_env(MOFCOM_WATCH_DATA_DIR=str(tmp_path / "data")))
        again_status, again = health(served)
    assert not gone_problems(before) and "feeds_gone" not in before, before
    assert emptied_status == 503 and emptied["status"] == "fail", emptied
    said = gone_problems(emptied)
    assert len(said) == 1 and f"{GONE}{live}, where the last successful publish (" in said[0], emptied
    assert "holds no all.atom (emptied)" in said[0] and emptied["feeds_gone"] in said[0], emptied
    assert removed_status == 503 and "is gone (removed, or not mounted)" in gone_problems(removed)[0], removed
    assert published.code in (0, 1) and (live / "all.atom").is_file(), published.out + published.err
    assert not gone_problems(again) and "feeds_gone" not in again, again
    assert again_status == before_status, (before, again)  # nothing else judged otherwise
