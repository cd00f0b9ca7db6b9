"""A news report an earlier parser read from bytes this version reads otherwise is retracted in the news feed, saying
why (order39). Was: qa38's corpus upgraded from 56761f0 kept two news items a fresh store never has, e.g. "replay
restore ... (the report names MOFCOM-2025-21)" for a spokesperson's statement that only says China will assess and
decide at an appropriate time (qa38/14), now read as no notice; the notices' withdrawn readings were retracted, the
news reports' were not.

The earlier version is the real parser reading qa38/30 (a statement lifting MOFCOM 2025 No. 51) in place of the
statement's bytes, its record taken for a news report, as 56761f0 took qa38/30 (its misreading, stored against the
statement's real bytes under another parser version); everything after is real processes on a real SQLite file:
``replay`` and ``feeds --out``."""

from __future__ import annotations

import dataclasses
import json
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

from mofcom_watch.pipeline import PageParser, ingest_page, saved_page
from storage.db import open_store, session_factory
from storage.records import NoticeKind, ParsedDocument
from tests.faults.harness import cli, cli_env

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
AS_OF = "2026-12-10"
ENV = cli_env(MOFCOM_WATCH_TODAY=AS_OF)
PAGE = "14-statement-pinggu-shidang-shihou-zuochu-jueding.txt"  # "将评估…适当时候作出决定": no step, no news report
OTHER = "30-statement-xuanbu-lift-51-extend-21.txt"  # what the earlier version read: a lift of No. 51, as news
BASE = "b-mofcom-2025-21-real.txt"
T0, T1 = "2026-11-29T00:00:00+00:00", "2026-11-29T02:00:00+00:00"
WHY = "the page no longer reads as a news report (read otherwise now)"  # read as no notice: nothing is held


def _earlier(raw: bytes, **kwargs: Any) -> ParsedDocument:
    """The earlier version's misreading: the statement taken for a news report of a lift (another statement's)."""
    from scraper.parse import parse_document

    doc = parse_document((DATA / "corpus" / "qa38" / OTHER).read_bytes(), **kwargs)
    assert doc.notice is not None
    return dataclasses.replace(doc, notice=dataclasses.replace(doc.notice, kind=NoticeKind.NEWS))


EARLIER = PageParser(_earlier, "0.37", "d-earlier")


def _run(db: str, *args: str) -> None:
    done = cli(db, *args, env=ENV)
    assert done.code in (0, 1), done.err


def _news(db: str, out: Path) -> dict[str, dict[str, Any]]:
    _run(db, "feeds", "--out", str(out), "--as-of", AS_OF)
    return {item["id"]: item for item in json.loads((out / "news.json").read_text())["items"]}


def _tree(folder: Path, *, page: bool = True) -> Path:
    """MOFCOM 2025 No. 21 (stories39/lapse: a store holding a notice), and the statement (``page``)."""
    folder.mkdir(parents=True)
    shutil.copyfile(DATA / "stories39" / "lapse" / BASE, folder / BASE)
    if page:
        shutil.copyfile(DATA / "corpus" / "qa38" / PAGE, folder / PAGE)
    return folder


def test_a_news_report_this_version_reads_otherwise_is_retracted_saying_why(tmp_path: Path) -> None:
    raw = (DATA / "corpus" / "qa38" / PAGE).read_bytes()
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    tree = _tree(tmp_path / "tree")
    _run(db, "replay", str(_tree(tmp_path / "base", page=False)), "--fetched-at", T0, "--as-of", AS_OF)
    engine = open_store(db)
    try:
        ingest_page(session_factory(engine), saved_page(f"file:{PAGE}", raw, datetime.fromisoformat(T0)), EARLIER)
    finally:
        engine.dispose()
    before = _news(db, tmp_path / "out")
    (stale,) = before  # the statement, read as a news report by the earlier version (No. 21 makes no news item)
    assert "(reported, not yet confirmed)" in before[stale]["title"], before[stale]["title"]

    _run(db, "replay", str(tree), "--fetched-at", T1, "--as-of", AS_OF)  # this version reads the same bytes
    after = _news(db, tmp_path / "out")

    fresh_db = f"sqlite:///{tmp_path / 'fresh.sqlite'}"
    _run(fresh_db, "replay", str(tree), "--fetched-at", T0, "--as-of", AS_OF)
    fresh = _news(fresh_db, tmp_path / "fresh-out")
    assert fresh == {}  # the statement is no news report

    assert stale not in after  # gone, and said so
    fix = after[f"{stale}/correction/1"]
    assert fix["title"] == f"Retracted: {before[stale]['title']}: {WHY}", fix["title"]
    body = fix["content_html"]
    assert f"An earlier version of mofcom-watch read file:{PAGE} (SHA-256 " in body
    assert "this version reads the same bytes as no news report (other" in body
    assert "disregard it" in body
    assert set(after) == {f"{stale}/correction/1"}
