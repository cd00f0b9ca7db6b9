"""storage.pages.PageStore: a page that did not parse whole is never "known" and is fetched again on
every run until it does, even when no run recorded it as a failure (a store from before this rule)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from mofcom_watch.pipeline import PageParser, ingest_page, saved_page
from storage.db import session_factory
from storage.pages import PageStore, unusable_pages
from storage.records import (
    ActionKind,
    ActionRecord,
    EntityRecord,
    ListKind,
    NoticeKind,
    NoticeRecord,
    ParsedDocument,
    UnusablePage,
)

T0 = datetime(2026, 11, 29, 6, 0, tzinfo=UTC)
SHORT = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_short.html"
BOT = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_bot.html"
GOOD = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_good.html"
SOURCE = "mofcom-policy"


def _parse(raw: bytes, url: str | None = None, content_type: str | None = None) -> ParsedDocument:
    if raw == b"BOT":
        raise UnusablePage("bot-check", "a slider")
    return ParsedDocument(kind="notice", encoding="utf-8", notice=NoticeRecord.from_json(json.loads(raw)))


def _notice(key: str, n: int, stated: int) -> bytes:
    rec = NoticeRecord(
        key=key, kind=NoticeKind.UEL_ANNOUNCEMENT, number=key, issuer=None, title="t", published=date(2025, 4, 4),
        list=ListKind.UEL, actions=(ActionRecord(ActionKind.IMPOSE, ListKind.UEL),),
        entities=tuple(EntityRecord(zh=None, en=f"Firm {i}", key=f"firm{i}") for i in range(n)), stated_count=stated)
    return json.dumps(rec.to_json()).encode()


def _ingest(engine, url: str, raw: bytes) -> None:
    ingest_page(session_factory(engine), saved_page(url, raw, T0, source=SOURCE), PageParser(_parse, "t1"))


def test_pages_that_did_not_parse_whole_are_retried_until_they_do(engine):
    store = PageStore(session_factory(engine))
    _ingest(engine, SHORT, _notice("UEL-2025-7", 6, 11))  # stored, short of its stated 11
    _ingest(engine, BOT, b"BOT")
    _ingest(engine, GOOD, _notice("UEL-2025-8", 2, 2))
    assert store.known([SHORT, BOT, GOOD]) == {GOOD}
    assert store.retry_urls(SOURCE) == sorted([SHORT, BOT])  # no SourceRun row says so: the store does
    assert store.retry_urls("mofcom-qa") == []

    _ingest(engine, SHORT, _notice("UEL-2025-7", 11, 11))
    _ingest(engine, BOT, _notice("UEL-2025-9", 1, 1))
    assert store.known([SHORT, BOT, GOOD]) == {SHORT, BOT, GOOD}
    assert store.retry_urls(SOURCE) == []


def test_the_retry_list_reads_the_unusable_snapshots_through_their_index_not_every_page(engine):
    """SQLite's own query plan for the retry list: a search of ``ix_snapshot_outcome``, no scan of the pages."""
    store = PageStore(session_factory(engine))
    for i in range(30):
        _ingest(engine, GOOD.replace("good", f"good{i}"), _notice(f"UEL-2025-{100 + i}", 1, 1))
    _ingest(engine, BOT, b"BOT")
    assert store.retry_urls(SOURCE) == [BOT]
    if engine.dialect.name != "sqlite":
        return  # PostgreSQL plans by its statistics: a small table is read whole
    sql = str(unusable_pages(SOURCE).compile(engine, compile_kwargs={"literal_binds": True}))
    with engine.connect() as conn:
        plan = [row[3] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql)]
    assert any("USING INDEX ix_snapshot_outcome" in step for step in plan), plan
    assert not any(step.startswith("SCAN page") for step in plan), plan
