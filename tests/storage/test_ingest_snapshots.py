"""Snapshots: compressed raw bytes, SHA-256 of the raw bytes, append-only, one row per (page, bytes)."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import Page, Snapshot
from storage.snapshots import record_snapshot, snapshot_bytes

T0 = datetime(2025, 5, 14, 8, 0, tzinfo=timezone.utc)
URL = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_1.html"


def _snap(session, raw, at=T0, **kw):
    args = dict(url=URL, raw=raw, fetched_at=at, outcome="notice", parser_version="p1")
    args.update(kw)
    return record_snapshot(session, **args)


def test_snapshot_stores_compressed_bytes_and_raw_sha(engine):
    raw = "商务部公告2025年第21号".encode("gb18030") * 50
    with Session(engine) as s, s.begin():
        snap, new = _snap(s, raw, content_type="text/html; charset=gb2312", encoding="gb18030",
                          etag='"abc"', last_modified="Wed, 14 May 2025 08:00:00 GMT", status=200)
    assert new
    with Session(engine) as s:
        snap = s.scalars(select(Snapshot)).one()
        assert snap.sha256 == hashlib.sha256(raw).hexdigest()
        assert snap.size == len(raw) and len(snap.body) < len(raw)
        assert snapshot_bytes(snap) == raw
        assert snap.fetched_at == T0 and snap.encoding == "gb18030"
        page = s.scalars(select(Page)).one()
        assert (page.host, page.etag, page.last_status, page.last_sha256) == (
            "www.mofcom.gov.cn", '"abc"', 200, snap.sha256)


def test_same_bytes_again_add_no_row_but_move_the_page(engine):
    later = T0 + timedelta(days=1)
    with Session(engine) as s, s.begin():
        first, new1 = _snap(s, b"<html>a</html>")
        again, new2 = _snap(s, b"<html>a</html>", at=later, etag='"v2"', status=200)
        same = first.id == again.id
    assert new1 and not new2 and same
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(Snapshot)) == 1
        assert s.scalars(select(Snapshot)).one().fetched_at == T0  # the stored snapshot is kept
        page = s.scalars(select(Page)).one()
        assert page.last_fetched_at == later and page.etag == '"v2"'


def test_new_bytes_append_a_snapshot(engine):
    with Session(engine) as s, s.begin():
        _snap(s, b"one")
        _, new = _snap(s, b"two", at=T0 + timedelta(hours=1))
    assert new
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(Snapshot)) == 2
        assert s.scalar(select(func.count()).select_from(Page)) == 1
        assert s.scalars(select(Page)).one().last_sha256 == hashlib.sha256(b"two").hexdigest()


def test_file_urls_get_a_host(engine):
    with Session(engine) as s, s.begin():
        snap, _ = _snap(s, b"x", url="file:texts/a.txt")
        assert snap.page.host == "file"


def test_unknown_outcome_is_refused(engine):
    with Session(engine) as s, pytest.raises(ValueError):
        _snap(s, b"x", outcome="weird")
