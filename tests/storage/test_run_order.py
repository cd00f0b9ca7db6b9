"""Which run a stored index page or a publish came after, and whether a stop note is the last word: read from the
order the rows were written in (ids), never from the run and fetch times, which are whole seconds (ops35: a cycle
started in the second the previous run finished read as that run's). Rows of a run before revision 0015 carry no
marks: the times are compared for them, as before."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import update
from sqlalchemy.orm import Session

from storage.health import crawl_cut_short, record_source_run
from storage.models import SourceRun, StoreIdentity
from storage.outcomes import SourceReport
from storage.publications import (
    STOPPED_ROW,
    record_publication,
    record_stopped_run,
    stopped_early,
    unpublished_run,
    unpublished_said,
)
from storage.snapshots import record_snapshot

T = datetime(2026, 12, 4, 13, 44, 13, tzinfo=UTC)  # every time below is this whole second (or 27 ms into it)
SOURCE = "mofcom-policy"
INDEX = "https://www.mofcom.gov.cn/zwgk/zcfb/index.html"
FEEDS = Path("/srv/feeds")


def ran(s: Session, run_id: str) -> None:
    record_source_run(s, run_id, SourceReport(source=SOURCE, started_at=T, finished_at=T))


def index_stored(s: Session, raw: bytes) -> None:
    record_snapshot(s, url=INDEX, raw=raw, fetched_at=T, source=SOURCE, outcome="index", parser_version="t")


def published(s: Session, run_id: str | None) -> None:
    record_publication(s, target=str(FEEDS), started_at=T, finished_at=T + timedelta(milliseconds=27), ok=True,
                       run_id=run_id)


def test_an_index_stored_after_the_last_run_row_in_the_same_second_is_a_crawl_cut_short(engine):
    with Session(engine) as s, s.begin():
        index_stored(s, b"<html>1</html>")
        ran(s, "a")
        assert not crawl_cut_short(s, SOURCE)  # (its own index)
        index_stored(s, b"<html>2</html>")  # the next cycle's, killed before its run row: the same second
        assert crawl_cut_short(s, SOURCE)
        s.execute(update(SourceRun).values(snapshot_mark=None))  # a row of a version before 0015: the times
        assert not crawl_cut_short(s, SOURCE)


def test_a_publish_before_the_last_run_row_in_the_same_second_is_not_its_publish(engine):
    with Session(engine) as s, s.begin():
        ran(s, "a")
        published(s, "a")  # run a's publish, 13:44:13.027
        ran(s, "b")  # run b began in that second (stored 13:44:13) and was stopped before it published
        assert unpublished_run(s, FEEDS) == ("b", T)
        published(s, None)  # serve's publish into the folder, after b's row
        assert unpublished_run(s, FEEDS) is None
        s.execute(update(SourceRun).values(publication_mark=None))  # rows before 0015: the times, as before
        assert unpublished_run(s, FEEDS) is None


def test_a_run_stopped_before_its_first_source_is_said_until_a_run_or_a_publish_comes_after_it(engine):
    with Session(engine) as s, s.begin():
        ran(s, "a")
        published(s, "a")
        record_stopped_run(s, "b", T)  # no run row of b's
        assert stopped_early(s, FEEDS) == ("b", T)
        problem, note = unpublished_said(s, FEEDS, running=False)
        assert problem is None and (note or "").startswith("stopped by request: the last run (b) was stopped"), note
        published(s, "a")  # (any publish into the folder after the stop: serve's)
        assert stopped_early(s, FEEDS) is None
        record_stopped_run(s, "c", T)
        assert stopped_early(s, FEEDS) == ("c", T)
        ran(s, "d")  # a later run wrote its row: the note is no longer the last word
        assert stopped_early(s, FEEDS) is None and unpublished_said(s, FEEDS, running=False)[1] is None
        s.get(StoreIdentity, STOPPED_ROW).value = "e"  # a note of a version before session 35 (no marks)
        assert stopped_early(s, FEEDS) is None
