"""A page that serves again bytes older than its stored copy (a stale cache; or the ministry taking back a
correction): the newer copy is kept, as before, and source health now says so until the page serves the stored
copy again. Before, the older copy was passed over in silence: a site rolling back a correction was invisible.

Real SQLite file, the real parser, real fixture bytes (商务部公告2025年第13号) through ``ingest_page``: copy A as
published, copy B correcting its effective date (a new revision), then A again, twice, then B again.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from mofcom_watch.pipeline import PageParser, ingest_page, load_parser, saved_page
from storage.db import open_store, session_factory
from storage.health import health_events
from storage.ingest import load_notice
from storage.models import HealthIssue
from storage.vocabulary import HealthKind

ROOT = Path(__file__).resolve().parents[2]
URL = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_e1ea9512b1f84dc6b1a17f703fa4cf56.html"
T0 = datetime(2025, 3, 4, 12, 0, tzinfo=UTC)
A = (ROOT / "fixtures" / URL.removeprefix("https://")).read_bytes()
B = A.replace("本公告自公布之日起正式实施。".encode(), "本公告自2025年3月10日起正式实施。".encode())


def test_an_older_copy_served_again_is_kept_out_and_said(tmp_path):
    assert A != B
    engine = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    factory, parser = session_factory(engine), PageParser(load_parser(), "v1")

    def serve(raw: bytes, hours: int):
        return ingest_page(factory, saved_page(URL, raw, T0 + timedelta(hours=hours), content_type="text/html"), parser)

    def state() -> tuple[int, str, list[HealthIssue]]:
        with Session(engine) as session:
            notice = load_notice(session, "MOFCOM-2025-13")
            assert notice is not None
            issues = list(session.scalars(select(HealthIssue).where(HealthIssue.kind == HealthKind.OLDER_COPY)))
            session.expunge_all()
            return notice.revision, notice.snapshot.sha256, issues

    assert serve(A, 0).new
    assert serve(B, 24).changed  # the correction: revision 2
    revision, kept, issues = state()
    assert revision == 2 and not issues

    result = serve(A, 48)  # the site serves the first copy again
    revision, still, issues = state()
    assert (revision, still) == (2, kept) and not result.changed  # the newer copy is kept
    assert len(issues) == 1 and issues[0].resolved_at is None and issues[0].url == URL
    detail = issues[0].detail
    assert "MOFCOM-2025-13" in detail and "2025-03-04 12:00" in detail and "2025-03-05 12:00" in detail
    assert "older than the stored copy" in detail and "taking back its correction" in detail
    with Session(engine) as session:
        titles = [e.title for e in health_events(session)]
    assert any("served an older copy again" in t for t in titles)

    serve(A, 72)  # again: still open, the stored copy unchanged
    revision, still, issues = state()
    assert (revision, still) == (2, kept) and len(issues) == 1 and issues[0].resolved_at is None

    serve(B, 96)  # the stored copy again: the issue is resolved, nothing else changes
    revision, still, issues = state()
    assert (revision, still) == (2, kept) and len(issues) == 1 and issues[0].resolved_at is not None
    assert issues[0].resolved_at.date() == date(2025, 3, 8)
    engine.dispose()
