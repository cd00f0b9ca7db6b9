"""What a cycle asks the store before its first request (the run lock, has the source had a clean run, the
index's validators) is plain SQL on the tables: in a fresh process it leaves the ORM's mappers unset, so their
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
from storage.runlock import current_holder, heartbeat, run_lock

engine = open_store(sys.argv[1])
with run_lock(engine, holder="probe") as holder:
    beat = heartbeat(engine, holder=holder)
    held = current_holder(engine)
    with sessionmaker(engine)() as session:
        clean = has_clean_run(session, "replay"), has_clean_run(session, "no-such-source")
    found = PageStore(sessionmaker(engine)).validators([sys.argv[2], "http://nowhere.invalid/"])
print(beat, held, clean, sorted(found), Page.__mapper__.configured, current_holder(engine))
"""


def test_the_reads_before_the_first_request_leave_the_orm_unset(replayed, tmp_path):
    url = copy_of(replayed, tmp_path / "db.sqlite")
    from sqlalchemy import create_engine, text

    with create_engine(url).connect() as conn:  # a page the replay stored, with an ETag or Last-Modified or not
        page = conn.execute(text("SELECT url FROM page ORDER BY id LIMIT 1")).scalar_one()
    done = subprocess.run([sys.executable, "-c", PROBE, url, page], cwd=REPO_ROOT, capture_output=True, text=True)
    assert done.stdout.strip() == f"True probe (False, False) [{page!r}] False None", done.stderr
