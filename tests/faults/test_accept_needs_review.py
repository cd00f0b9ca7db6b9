"""A page the parser refuses for a person to read (``needs-review``: here a removal whose annex is only a PDF, a
removal of no one) opened an ``unusable-page`` issue that stayed open every run until the code changed: ``status``
and ``/healthz`` red for good, and nothing an operator could do. ``review`` now lists such a page and ``accept URL
SHA256`` records that a person read that copy. Real processes and files: the CLI on a SQLite store, pages replayed
from a folder; the later-parser path through the real pipeline in process."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import select

from mofcom_watch.pipeline import PageParser, ingest_page, load_parser, saved_page
from storage.db import open_store, session_factory
from storage.health import health_events
from storage.models import HealthIssue, Notice
from storage.outcomes import PageOutcome
from storage.reviews import acceptances, read_pages
from tests.faults.harness import ROOT, Done, cli, store_rows
from tests.faults.test_cut_pages import UEL_2023_1, UEL_2023_1_DECISION

AS_OF = "2026-12-02"
REFUSED = (ROOT / "tests/data/corpus/loud23/11-ecl-removal-annex-pdf-only.txt").read_text(encoding="utf-8")
CHANGED = REFUSED.replace("正式实施", "实施")  # other bytes, refused all the same
OTHER = "商务部新闻办公室\n\n" + "今天，商务部在北京举行例行新闻发布会，介绍了近期对外贸易的有关情况，并回答了记者提问。" * 4
URL, BROKEN = "file:texts/ecl-2026-93.txt", "file:texts/other.txt"


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def replay(db: str, root: Path, run: str, day: str, **pages: str) -> Done:
    tree = root / run / "texts"
    tree.mkdir(parents=True)
    for name, text in pages.items():
        (tree / f"{name.replace('_', '-')}.txt").write_text(text, encoding="utf-8")
    return cli(db, "replay", str(tree.parent), "--fetched-at", f"{day}T00:00:00+00:00", "--as-of", AS_OF)


def review(db: str) -> tuple[int, list[dict]]:
    done = cli(db, "review", "--json")
    return done.code, json.loads(done.out)["needs_review"]


def status(db: str) -> tuple[int, dict]:
    done = cli(db, "status", "--json", "--as-of", AS_OF)
    return done.code, json.loads(done.out)


def test_a_page_refused_for_review_is_read_by_a_person_once_per_copy(tmp_path: Path) -> None:
    """Listed by ``review`` (exit 1) with the exact command; bad input to ``accept`` is one line, exit 2, nothing
    written; accepted, its issue closes, ``status`` exits 0 and shows who read which copy, and nothing of it is a
    notice; the same bytes again stay green; other bytes at the URL are a new issue, and the copy read back again is
    quiet again; a later parser that reads the page stores it as any notice. SQLite only (CI time): the queries and
    records are run on PostgreSQL too by tests/storage/test_reviews.py."""
    db_url = f"sqlite:///{tmp_path / 'store.db'}"
    whole = UEL_2023_1 + UEL_2023_1_DECISION
    first = replay(db_url, tmp_path, "r1", "2026-12-01", uel_2023_1=whole, ecl_2026_93=REFUSED, other="")
    assert first.code == 1 and f"{URL} (unusable: needs-review: no entities found for a removal" in first.err, first
    code, pending = review(db_url)
    assert code == 1 and [(p["url"], p["sha256"]) for p in pending] == [(URL, sha(REFUSED))], pending  # not other.txt
    assert "no entities found for a removal" in pending[0]["why"] and pending[0]["first_seen"].startswith("2026-12-01")
    assert pending[0]["command"] == f"mofcom-watch accept {URL} {sha(REFUSED)[:16]}"

    before = store_rows(db_url)
    for args, said in (((URL, sha(whole)[:12]), f"the copy refused for review is SHA-256 {sha(REFUSED)[:16]}"),
                       ((BROKEN, sha("")[:12]), "is not refused for a person to read"),  # empty: the site's problem
                       (("file:texts/nowhere.txt", sha(REFUSED)), "no page refused for a person to read")):
        bad = cli(db_url, "accept", *args, "--as-of", AS_OF)
        lines = [line for line in bad.err.splitlines() if line.strip()]
        assert bad.code == 2 and len(lines) == 1 and said in lines[0], bad
    assert store_rows(db_url) == before  # nothing written

    done = cli(db_url, "accept", URL, sha(REFUSED)[:10], "--by", "ops@example.org", "--note", "annex PDF read",
               "--as-of", AS_OF)
    assert done.code == 0 and "nothing of it is in the notices or the feeds" in done.out, done
    twice = cli(db_url, "accept", URL, sha(REFUSED)[:10], "--as-of", AS_OF)  # a script run again: said, exit 2 (cli35)
    assert twice.code == 2 and twice.err.startswith(
        f"mofcom-watch accept: {URL}: the copy SHA-256 {sha(REFUSED)[:16]}… was already recorded as read by "
        "ops@example.org at "), twice

    again = replay(db_url, tmp_path, "r2", "2026-12-02", uel_2023_1=whole, ecl_2026_93=REFUSED, other=OTHER)
    assert again.code == 0 and "2 unchanged" in again.out, again  # other.txt fixed; the page read by a person quiet
    code, state = status(db_url)
    assert code == 0 and state["health_issues"] == [], state
    (read,) = state["read_by_person"]
    assert (read["url"], read["sha256"], read["read_by"], read["current"]) == (URL, sha(REFUSED), "ops@example.org",
                                                                                True), read
    assert "not by this parser" in read["detail"] and "annex PDF read" in read["detail"]
    assert state["accepted_reviews"] == [] and {r["notice_key"] for r in state["listings"]} == {"UEL-2023-1"}

    changed = replay(db_url, tmp_path, "r3", "2026-12-03", ecl_2026_93=CHANGED)
    assert changed.code == 1, changed  # judged afresh: a new issue
    code, pending = review(db_url)
    assert code == 1 and [(p["url"], p["sha256"]) for p in pending] == [(URL, sha(CHANGED))], pending
    back = replay(db_url, tmp_path, "r4", "2026-12-04", ecl_2026_93=REFUSED)  # the copy read by a person, parsed again
    assert back.code == 0 and "0 unusable" in back.out, back

    # A later parser reads the page the person read (here: as the notice it is given to read): stored as any notice,
    # its issue closed, the reading moot (no longer shown as what the feeds lack).
    engine = open_store(db_url)
    try:
        later = PageParser(lambda raw, **kw: load_parser()(whole.encode("utf-8"), **kw), "later", "later-digest")
        page = saved_page(URL, REFUSED.encode("utf-8"), datetime(2026, 12, 5, tzinfo=timezone.utc),
                          content_type="text/plain")
        result = ingest_page(session_factory(engine), page, later)
        assert result.outcome is PageOutcome.NOTICE and result.notice_key == "UEL-2023-1", result
        with session_factory(engine)() as session:
            assert session.scalar(select(Notice.key).where(Notice.key == "UEL-2023-1")) is not None
            assert session.scalars(select(HealthIssue.key).where(HealthIssue.resolved_at.is_(None))).all() == []
            (reading,) = read_pages(session)
            assert reading.sha256 == sha(REFUSED) and not reading.current
            assert acceptances(session) == []  # a reading is no accepted copy of a notice
            said = {e.title: e.summary for e in health_events(session)}  # the source-health feed's items
            title = f"Read by a person: {URL}: a page the parser refused for review, read by ops@example.org"
            assert "read by a person, not by this parser" in said[title], said
            opened = sorted(e.id.rsplit("/", 1)[-1] for e in health_events(session)
                            if e.id.endswith(tuple(f"/open/2026-12-0{d}" for d in range(1, 6))) and URL in e.id)
            # the other bytes: a new item (a new id), not the first one again; the first opening's item stays (it
            # vanished from the feed: order43's B3)
            assert opened == ["2026-12-01", "2026-12-03"], opened
    finally:
        engine.dispose()
