"""A page an earlier version read as a notice, refused by this version's parser for the same bytes (order38's open
A): the page's source-health issue names that notice and says its reading is withdrawn from the feeds and kept for a
person (session 39: nothing derives from it any more, ``storage.notices.withdrawn``; the retractions themselves are
``test_withdrawn_reading.py``'s). Was (session 38): the reading stayed in the feeds, which the issue said; before
that, the refusal alone, which read as "nothing of this page is in the feeds" while the earlier version's items
stayed. Real SQLite copy of the replayed fixtures (read by the real parser: the "earlier version"), one of its Q&A
pages ingested again by a parser that refuses it, then a real ``status --json``."""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from mofcom_watch.pipeline import PageParser, ingest_page, saved_page
from storage.db import open_store, session_factory
from storage.records import ParsedDocument, UnusablePage
from tests import zygote
from tests.conftest import copy_of, read_whole

ROOT = Path(__file__).resolve().parents[2]
KEY = "QA-2025-11-05-3d525cbd"
PAGE = "www.mofcom.gov.cn/xwfb/xwfyrth/art/2025/art_3cd57285290044edb3036563bc4c7352.html"  # KEY's own page
T1 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _refuses(raw: bytes, url: str | None = None, content_type: str | None = None) -> ParsedDocument:
    raise UnusablePage("needs-review", "a spokesperson's answer reads a step whose clause says more than who takes it")


def test_a_refused_page_an_earlier_version_read_names_the_notice_withdrawn_from_the_feeds(replayed, tmp_path: Path):
    db_url = read_whole(copy_of(replayed, tmp_path / "db.sqlite"))
    engine = open_store(db_url)
    try:  # the very bytes the store's reading of KEY came from
        ingest_page(session_factory(engine), saved_page(f"https://{PAGE}", (ROOT / "fixtures" / PAGE).read_bytes(), T1,
                                                        source="mofcom-qa"),
                    PageParser(_refuses, "2", "d-new"))
    finally:
        engine.dispose()
    done = subprocess.run(zygote.command("--db", db_url, "status", "--json", "--as-of", "2026-12-01"),
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 1, done.stderr  # the refusal is an open problem
    status = json.loads(done.stdout)
    issue = next(i for i in status["health_issues"] if i["url"] == f"https://{PAGE}")
    assert (f"an earlier version of this program read these same bytes as {KEY}: that reading is withdrawn from the "
            "feeds (its items retracted, saying so) and kept in the store for a person to read (`mofcom-watch review`)"
            in issue["detail"]), issue
    assert KEY not in json.dumps(status["listings"])  # the earlier reading decides no listing now
    review = subprocess.run(zygote.command("--db", db_url, "review", "--json"), capture_output=True, text=True,
                            timeout=180)
    (page,) = [p for p in json.loads(review.stdout)["needs_review"] if p["url"] == f"https://{PAGE}"]
    assert page["earlier_reading"] == KEY  # review names the reading withdrawn, kept in the store
    shown = subprocess.run(zygote.command("--db", db_url, "review"), capture_output=True, text=True, timeout=180)
    assert f"An earlier version of this program read https://{PAGE} as {KEY}: that reading is withdrawn" in " ".join(
        shown.stdout.split())
