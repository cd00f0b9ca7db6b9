"""ingest_page: one transaction per page, unusable pages as health issues, unchanged bytes skipped.

Uses a tiny stand-in parser so these tests do not depend on the real one:
pages are JSON NoticeRecords, or "INDEX ...", "BOT", "CRASH", or anything else.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

import storage.ingest
from mofcom_watch.pipeline import PageParser, ingest_page, saved_page
from storage.db import open_store, session_factory
from storage.models import HealthIssue, Notice, Page, Snapshot
from storage.records import (
    ActionKind,
    ActionRecord,
    EntityRecord,
    IndexLink,
    ListKind,
    NoticeKind,
    NoticeRecord,
    ParsedDocument,
    UnusablePage,
)

T0 = datetime(2025, 4, 4, 12, 0, tzinfo=UTC)
URL = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_7.html"
CALLS: list[str] = []


def stand_in_parse(raw: bytes, url: str | None = None, content_type: str | None = None) -> ParsedDocument:
    CALLS.append(url or "")
    text = raw.decode("utf-8")
    if text.startswith("BOT"):
        raise UnusablePage("bot-check", "a slider captcha")
    if text.startswith("REVIEW"):
        raise UnusablePage("needs-review", "publishes a whole list again: a person must read it",
                           notice="商务部公告2027年第70号 关于公布出口管制管控名单的公告 (MOFCOM-2027-70)")
    if text.startswith("CRASH"):
        raise RuntimeError("parser bug")
    if text.startswith("INDEX"):
        return ParsedDocument(kind="index", encoding="utf-8",
                              links=(IndexLink(url="https://www.mofcom.gov.cn/a.html", title="a"),))
    if text.startswith("{"):
        return ParsedDocument(kind="notice", encoding="utf-8", notice=NoticeRecord.from_json(json.loads(text)))
    return ParsedDocument(kind="other", encoding="utf-8")


def notice_bytes(n_entities: int = 2, stated: int = 2) -> bytes:
    rec = NoticeRecord(
        key="UEL-2025-7", kind=NoticeKind.UEL_ANNOUNCEMENT, number="不可靠实体清单工作机制公告〔2025〕7号",
        issuer=None, title="t", published=date(2025, 4, 4), list=ListKind.UEL,
        actions=(ActionRecord(ActionKind.IMPOSE, ListKind.UEL),),
        entities=tuple(EntityRecord(zh=None, en=f"Company {i}", key=f"company{i}") for i in range(n_entities)),
        stated_count=stated,
    )
    return json.dumps(rec.to_json(), ensure_ascii=False).encode("utf-8")


def ingest(engine, raw, url=URL, at=T0, version="v1"):
    return ingest_page(session_factory(engine), saved_page(url, raw, at), PageParser(stand_in_parse, version))


def count(engine, model):
    with Session(engine) as s:
        return s.scalar(select(func.count()).select_from(model))


def test_notice_page_is_snapshotted_and_stored(engine):
    result = ingest(engine, notice_bytes())
    assert (result.outcome, result.notice_key, result.new, result.changed) == ("notice", "UEL-2025-7", True, False)
    with Session(engine) as s:
        snap = s.scalars(select(Snapshot)).one()
        assert (snap.outcome, snap.notice_key, snap.parser_version, snap.encoding) == ("notice", "UEL-2025-7", "v1", "utf-8")
        assert s.scalars(select(Notice)).one().snapshot_id == snap.id


def test_unchanged_bytes_skip_parsing(engine):
    CALLS.clear()
    ingest(engine, notice_bytes())
    again = ingest(engine, notice_bytes(), at=T0 + timedelta(days=1))
    assert again.skipped and again.outcome == "notice" and not again.new and not again.changed
    assert len(CALLS) == 1
    assert count(engine, Snapshot) == 1
    with Session(engine) as s:
        assert s.scalars(select(Page)).one().last_fetched_at == T0 + timedelta(days=1)
    # a new parser version parses the stored bytes again (and adds no snapshot)
    ingest(engine, notice_bytes(), version="v2")
    assert len(CALLS) == 2 and count(engine, Snapshot) == 1


def test_unusable_page_is_a_snapshot_and_a_health_issue_never_a_notice(engine):
    result = ingest(engine, b"BOT check", url="https://www.mofcom.gov.cn/x.html")
    assert result.outcome == "unusable" and "bot-check" in result.detail
    with Session(engine) as s:
        assert s.scalars(select(Snapshot.outcome)).one() == "unusable"
        issue = s.scalars(select(HealthIssue)).one()
        assert issue.kind == "unusable-page" and issue.url == "https://www.mofcom.gov.cn/x.html"
        assert s.scalar(select(func.count()).select_from(Notice)) == 0


def test_a_refused_page_s_issue_names_the_notice_it_holds(engine):
    """reader35 B (story35 S5): "unusable page URL" alone told an officer nothing of which notice waits for a person."""
    result = ingest(engine, b"REVIEW", url="https://www.mofcom.gov.cn/x.html")
    assert result.outcome == "unusable"
    with Session(engine) as s:
        detail = s.scalars(select(HealthIssue.detail)).one()
    assert detail.startswith("https://www.mofcom.gov.cn/x.html is not a usable page (needs-review: publishes a whole "
                             "list again: a person must read it. The page holds 商务部公告2027年第70号 关于公布出口管制管控名单的"
                             "公告 (MOFCOM-2027-70); page SHA-256 "), detail


def test_count_mismatch_is_a_health_issue(engine):
    result = ingest(engine, notice_bytes(n_entities=1, stated=2))
    assert result.outcome == "notice" and (result.parsed_count, result.stated_count) == (1, 2)
    with Session(engine) as s:
        issue = s.scalars(select(HealthIssue)).one()
        assert issue.kind == "count-mismatch" and issue.notice_key == "UEL-2025-7" and issue.resolved_at is None
    # the corrected page resolves it
    ingest(engine, notice_bytes(n_entities=2, stated=2), at=T0 + timedelta(days=1))
    with Session(engine) as s:
        assert s.scalars(select(HealthIssue)).one().resolved_at is not None


def test_index_and_other_pages(engine):
    index = ingest(engine, b"INDEX", url="https://www.mofcom.gov.cn/zcfb/index.html")
    other = ingest(engine, b"hello", url="https://www.mofcom.gov.cn/about.html")
    assert index.outcome == "index" and index.links[0].url == "https://www.mofcom.gov.cn/a.html"
    assert other.outcome == "other" and other.links == ()
    assert count(engine, Snapshot) == 2 and count(engine, Notice) == 0


def test_parser_crash_keeps_the_bytes_as_an_error_snapshot(engine):
    result = ingest(engine, b"CRASH")
    assert result.outcome == "error" and "parser bug" in result.detail
    with Session(engine) as s:
        assert s.scalars(select(Snapshot.outcome)).one() == "error"


def _dump(path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def test_failing_store_writes_nothing_of_the_page(engine, db_url, monkeypatch):
    if not db_url.startswith("sqlite"):
        pytest.skip("compares the SQLite file's content")
    path = db_url.removeprefix("sqlite:///")
    ingest(engine, b"INDEX", url="https://www.mofcom.gov.cn/zcfb/index.html")
    before = _dump(path)

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("mofcom_watch.pipeline.store_parse", broken)
    result = ingest(engine, notice_bytes())
    assert result.outcome == "error" and "disk on fire" in result.detail
    assert _dump(path) == before
    monkeypatch.undo()
    assert ingest(engine, notice_bytes()).new  # nothing half-written blocks a retry


def test_failing_store_writes_nothing_on_any_backend(engine, monkeypatch):
    monkeypatch.setattr(storage.ingest, "upsert_entities", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("x")))
    assert ingest(engine, notice_bytes()).outcome == "error"
    assert count(engine, Snapshot) == 0 and count(engine, Page) == 0 and count(engine, Notice) == 0


def test_concurrent_writers_queue_instead_of_failing(engine, db_url):
    """Two writers on one database (say serve --schedule and a manual run) both get their pages in."""
    from concurrent.futures import ThreadPoolExecutor

    def work(worker: int) -> list[str]:
        own = open_store(db_url)
        try:
            return [ingest(own, f"INDEX {worker} {i}".encode(),
                           url=f"https://www.mofcom.gov.cn/{worker}/{i}.html").outcome for i in range(15)]
        finally:
            own.dispose()

    with ThreadPoolExecutor(max_workers=3) as pool:
        outcomes = [o for batch in pool.map(work, range(3)) for o in batch]
    assert outcomes == ["index"] * 45
    assert count(engine, Snapshot) == 45


def test_news_report_never_becomes_a_notice(engine):
    from storage.models import NewsReport
    from storage.records import NoticeRef

    rec = NoticeRecord(
        key="NEWS-x", kind=NoticeKind.NEWS, number=None, issuer=None, title="China suspends measures",
        published=date(2025, 5, 14), list=ListKind.UEL,
        actions=(ActionRecord(ActionKind.IMPOSE, ListKind.UEL),), stated_count=17,
        references=(NoticeRef(text="7号", key="UEL-2025-7"),),
    )
    raw = json.dumps(rec.to_json()).encode()
    result = ingest(engine, raw, url="https://news.example.com/a")
    assert result.outcome == "news" and result.notice_key is None
    with Session(engine) as s:
        report = s.scalars(select(NewsReport)).one()
        assert (report.notice_key, report.reported_action, report.reported_list, report.reported_count) == (
            "UEL-2025-7", "impose", "uel", 17)
        assert s.scalar(select(func.count()).select_from(Notice)) == 0


@pytest.mark.parametrize("raw", [b"BOT check", notice_bytes(n_entities=1, stated=2)], ids=["unusable", "short"])
def test_a_page_we_could_not_use_keeps_no_validators(engine, raw):
    """The next fetch must be unconditional: a 304 would otherwise pin the bad copy for good."""
    ingest_page(session_factory(engine), saved_page(URL, raw, T0, etag='"bad"',
                                                    last_modified="Wed, 14 May 2025 14:00:00 GMT"),
                PageParser(stand_in_parse, "v1"))
    with Session(engine) as s:
        page = s.scalars(select(Page)).one()
        assert (page.etag, page.last_modified) == (None, None)
    ingest_page(session_factory(engine), saved_page(URL, notice_bytes(), T0, etag='"good"'),
                PageParser(stand_in_parse, "v1"))
    with Session(engine) as s:
        assert s.scalars(select(Page)).one().etag == '"good"'
