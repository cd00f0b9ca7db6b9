"""read_again: a snapshot's stored bytes read again by a parser, as both the pipeline (held_back: the stored copy
as this parser reads it) and ``review`` (a held copy as today's parser reads it) need them. One helper for both:
the bytes decompressed, parsed under the content type and charset they were fetched with, cleaned as a stored
parse is, and taken only when they read as the notice asked for.

Real SQLite file, real parser, a real fixture page stored by ``ingest_page`` as GB18030 under
``<meta charset="gb2312">`` and a ``text/html`` header with no charset.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from mofcom_watch.pipeline import PageParser, ingest_page, load_parser, read_again, saved_page
from storage.db import open_store, session_factory
from storage.models import Snapshot

ROOT = Path(__file__).resolve().parents[2]
URL = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_e1ea9512b1f84dc6b1a17f703fa4cf56.html"  # 2025 No. 13
T0 = datetime(2025, 3, 4, 12, 0, tzinfo=UTC)


def stored_snapshot(tmp_path: Path, raw: bytes) -> tuple[Snapshot, PageParser, Session]:
    engine = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    parser = PageParser(load_parser(), "v1")
    ingest_page(session_factory(engine), saved_page(URL, raw, T0, content_type="text/html"), parser)
    session = Session(engine)
    return session.scalars(select(Snapshot)).one(), parser, session


def gb_page() -> bytes:
    text = (ROOT / "fixtures" / URL.removeprefix("https://")).read_text("utf-8")
    return text.replace('charset="utf-8"', 'charset="gb2312"').replace("charset=utf-8", "charset=gb2312").encode("gb18030")


def test_stored_bytes_read_again_as_their_notice_with_their_codec(tmp_path):
    snap, parser, session = stored_snapshot(tmp_path, gb_page())
    with session:
        again = read_again(snap, parser, URL, "MOFCOM-2025-13")
        assert again is not None and again.encoding == "gb18030"
        assert (again.notice.key, len(again.notice.entities)) == ("MOFCOM-2025-13", 15)
        assert again.notice.entities[4].zh == "斯凯迪奥公司"  # cleaned, decoded right: no mojibake
        assert read_again(snap, parser, URL, "MOFCOM-2025-21") is None  # another notice's key: not this one


def test_bytes_that_read_as_no_notice_now_or_fail_give_nothing(tmp_path):
    snap, parser, session = stored_snapshot(tmp_path, gb_page())

    def crash(raw: bytes, url: str | None = None, content_type: str | None = None):
        raise RuntimeError("parser bug")

    with session:
        assert read_again(snap, PageParser(crash, "v2"), URL, "MOFCOM-2025-13") is None
        cut = PageParser(lambda raw, url=None, content_type=None: load_parser()(raw[:400], url=url,
                                                                                    content_type=content_type), "v3")
        assert read_again(snap, cut, URL, "MOFCOM-2025-13") is None  # unusable now
