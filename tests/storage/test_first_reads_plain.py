"""What a cycle asks the store before its first request (the run lock, has the source had a clean run, the
index's validators, the pages a person read: mofcom_watch.personread) is plain SQL on the tables: in a fresh process it leaves the ORM's mappers unset, so their
set-up (0.02 s) happens in the crawl's store reads while that request waits on the network. Same answers."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO_ROOT, copy_of

PROBE = """
import sys
from sqlalchemy.orm import sessionmaker
from storage.db import open_store
from storage.health import has_clean_run
from storage.models import Page
from storage.pages import PageStore
from storage.reviews import person_read_pages
from storage.runlock import current_holder, heartbeat, run_lock

engine = open_store(sys.argv[1])
with run_lock(engine, holder="probe") as holder:
    beat = heartbeat(engine, holder=holder)
    held = current_holder(engine)
    with sessionmaker(engine)() as session:
        clean = has_clean_run(session, "replay"), has_clean_run(session, "no-such-source")
        read = person_read_pages(session)
    found = PageStore(sessionmaker(engine)).validators([sys.argv[2], "http://nowhere.invalid/"])
print(beat, held, clean, read, sorted(found), Page.__mapper__.configured, current_holder(engine))
"""


def test_the_reads_before_the_first_request_leave_the_orm_unset(replayed, tmp_path):
    url = copy_of(replayed, tmp_path / "db.sqlite")
    from sqlalchemy import create_engine, text

    with create_engine(url).connect() as conn:  # a page the replay stored, with an ETag or Last-Modified or not
        page = conn.execute(text("SELECT url FROM page ORDER BY id LIMIT 1")).scalar_one()
    done = subprocess.run([sys.executable, "-c", PROBE, url, page], cwd=REPO_ROOT, capture_output=True, text=True)
    assert done.stdout.strip() == f"True probe (False, False) [] [{page!r}] False None", done.stderr


CRAWL_PROBE = """
import json, sys
from sqlalchemy.orm import sessionmaker
from storage.db import open_store
from storage.models import Page
from storage.pages import PageStore

store = PageStore(sessionmaker(open_store(sys.argv[1])))
sources = json.loads(sys.argv[2])
answers = {s: [store.retry_urls(s), store.recent_notice_pages(s, 20)] for s in sources}
print(json.dumps([answers, Page.__mapper__.configured]))
"""


def test_the_crawl_s_store_reads_leave_the_orm_unset_with_the_orm_s_answers(replayed, tmp_path):
    """The reads a crawl makes while its first index request waits (what it fetches again whatever the indexes
    say) are plain SQL too: in a fresh process they leave the mappers unset (their set-up, 0.02 s of CPU, came
    to compete with the crawl's requests for the interpreter). Their answers are the ORM queries' own."""
    import json
    from datetime import datetime

    from sqlalchemy import and_, create_engine, select
    from sqlalchemy.orm import Session

    from storage.models import HealthIssue, Page, Snapshot, SourceRun
    from storage.outcomes import NOTICE_OUTCOMES, UNUSABLE_OUTCOMES
    from storage.pages import UNFINISHED_ISSUES

    url = copy_of(replayed, tmp_path / "db.sqlite")
    latest = and_(Snapshot.page_id == Page.id, Snapshot.sha256 == Page.last_sha256)
    with Session(create_engine(url)) as session, session.begin():
        sources = sorted({s for s in session.scalars(select(Page.source)) if s})
        pages = list(session.scalars(select(Page.url).where(Page.source == sources[0]).order_by(Page.id)))
        session.add(SourceRun(run_id="r1", source=sources[0], started_at=datetime(2026, 11, 1), ok=False,
                              finished_at=datetime(2026, 11, 1), failures=[{"url": pages[0], "reason": "timeout"}]))
        session.add(SourceRun(run_id="r2", source=sources[0], started_at=datetime(2026, 11, 2), ok=False,
                              finished_at=datetime(2026, 11, 2), failures=[{"url": pages[1], "reason": "http-500"},
                                                                           {"url": pages[2], "reason": "zero-links"}]))
        session.flush()
        expected = {}
        for source in sources:
            last = session.scalars(select(SourceRun).where(SourceRun.source == source)
                                   .order_by(SourceRun.id.desc()).limit(1)).first()
            retry = {f["url"] for f in (last.failures if last else []) if f["reason"] != "zero-links"}
            retry.update(session.scalars(select(Page.url).join(Snapshot, latest).where(
                Snapshot.outcome.in_(UNUSABLE_OUTCOMES), Page.source == source)))
            retry.update(u for u in session.scalars(select(HealthIssue.url).where(
                HealthIssue.source == source, HealthIssue.kind.in_(UNFINISHED_ISSUES),
                HealthIssue.resolved_at.is_(None), HealthIssue.url.is_not(None))) if u)
            recent = list(session.scalars(select(Page.url).join(Snapshot, latest).where(
                Page.source == source, Snapshot.outcome.in_(NOTICE_OUTCOMES)).order_by(Page.id.desc()).limit(20)))
            expected[source] = [sorted(retry), recent]
    assert expected[sources[0]][0] and any(recent for _, recent in expected.values())
    done = subprocess.run([sys.executable, "-c", CRAWL_PROBE, url, json.dumps(sources)], cwd=REPO_ROOT,
                          capture_output=True, text=True)
    assert json.loads(done.stdout) == [expected, False], done.stderr
