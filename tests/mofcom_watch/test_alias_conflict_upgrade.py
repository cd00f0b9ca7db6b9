"""An alias conflict an upgrade opens while it re-reads a notice's copies one by one is over once they agree (order40's
open B5, session 41). Was: mfa40's 外交部令第142号 (the ministry's page 03 and gov.cn's copy 13, kept: the smaller
SHA-256), stored by an earlier version, then this version's ``replay``: 03 was read first and compared with 13's
*earlier* reading; they disagreed and ``alias-conflict/MFA-ORDER-2031-142`` opened. 13 was read next (its same
bytes, read as 03 reads now), and nothing closed the issue: only the losing copy's own parse did, and 03 was not read
again. A false "pages disagree" stayed open (``status`` exit 1) where a store made by this version has none.

The earlier version is the real parser reading both pages with another name (its misreading, stored against the real
bytes, under another parser version); everything after is real processes on real SQLite files: ``replay``,
``status --json``."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from mofcom_watch.pipeline import PageParser, ingest_page, saved_page
from storage.db import open_store, session_factory
from storage.models import HealthIssue, Notice, Page, Snapshot
from storage.records import ParsedDocument
from tests.faults.harness import cli, cli_env

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "corpus" / "mfa40"
AS_OF = "2028-01-31"
ENV = cli_env(MOFCOM_WATCH_TODAY=AS_OF)
KEY = "MFA-ORDER-2031-142"
LOSER, KEPT = "03-japanese-body-and-its-chair-romaji-surname-first.txt", "13-govcn-news-republish-own-frame.html"
T0, T1, T2 = "2026-11-29T00:00:00+00:00", "2026-11-29T02:00:00+00:00", "2026-11-29T04:00:00+00:00"


def _earlier(raw: bytes, **kwargs: Any) -> ParsedDocument:
    """The earlier version's misreading of the chair's name, on every copy alike."""
    from scraper.parse import parse_document

    return parse_document(raw.replace("北泽雄一郎".encode(), "北泽雄一".encode()), **kwargs)


EARLIER = PageParser(_earlier, "0.40", "d-earlier")


def _tree(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for name in (LOSER, KEPT):
        shutil.copyfile(CORPUS / name, folder / name)
    return folder


def _replay(db: str, tree: Path, at: str) -> None:
    done = cli(db, "replay", str(tree), "--fetched-at", at, "--as-of", AS_OF, env=ENV)
    assert done.code in (0, 1), done.err


def _status(db: str) -> tuple[int, dict[str, Any]]:
    done = cli(db, "status", "--json", "--as-of", AS_OF, env=ENV)
    assert done.code in (0, 1), done.err
    return done.code, json.loads(done.out)


def _stored(db: str) -> tuple[str, str, list[tuple[str, str | None]]]:
    """KEY's reading, the URL it is read from, and its alias-conflict issues (key, resolved at)."""
    engine = open_store(db)
    try:
        with engine.connect() as conn:
            record, url = conn.execute(select(Notice.record_json, Page.url).join(Snapshot, Notice.snapshot_id == Snapshot.id)
                                       .join(Page, Page.id == Snapshot.page_id).where(Notice.key == KEY)).one()
            issues = [(k, None if r is None else str(r)) for k, r in conn.execute(
                select(HealthIssue.key, HealthIssue.resolved_at).where(HealthIssue.kind == "alias-conflict"))]
            return record, url, issues
    finally:
        engine.dispose()


def _earlier_store(tmp_path: Path) -> str:
    """The two copies as the earlier version stored them, fetched at one time (as a replay fetches)."""
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    engine = open_store(db)
    try:
        for name in (LOSER, KEPT):
            ingest_page(session_factory(engine), saved_page(f"file:{name}", (CORPUS / name).read_bytes(),
                                                            datetime.fromisoformat(T0)), EARLIER)
    finally:
        engine.dispose()
    return db


def test_an_alias_conflict_an_upgrade_opened_is_over_once_the_kept_copy_reads_as_the_other(tmp_path: Path) -> None:
    db = _earlier_store(tmp_path)
    record, url, issues = _stored(db)
    assert url == f"file:{KEPT}" and "北泽雄一郎" not in record and issues == []  # the earlier misreading, alike

    _replay(db, _tree(tmp_path / "tree"), T1)  # this version: 03 first (sorted), then 13's same bytes

    record, url, issues = _stored(db)
    fresh = f"sqlite:///{tmp_path / 'fresh.sqlite'}"
    _replay(fresh, _tree(tmp_path / "fresh-tree"), T1)
    fresh_record, fresh_url, fresh_issues = _stored(fresh)
    assert fresh_issues == []  # the pages agree
    assert (record, url) == (fresh_record, fresh_url)
    assert "北泽雄一郎" in record
    assert [key for key, resolved in issues if resolved is None] == []  # no false "pages disagree" left open
    assert issues == [(f"alias-conflict/{KEY}", issues[0][1])]  # opened by 03 against 13's earlier reading, resolved
    code, status = _status(db)
    fresh_code, fresh_status = _status(fresh)
    assert code == fresh_code == 0
    assert [i for i in status["health_issues"] if i["kind"] == "alias-conflict"] == []
    assert status["listings"] == fresh_status["listings"]

    _replay(db, _tree(tmp_path / "again"), T2)  # nothing opens again
    assert [k for k, resolved in _stored(db)[2] if resolved is None] == []
