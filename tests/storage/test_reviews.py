"""storage.reviews: the copies held back for review and the record of an acceptance, on SQLite and PostgreSQL.

The CLI's path (review, accept, run) is tested with real processes in tests/faults/test_review_accept.py; here the
queries and the records themselves, on every backend the storage tests run on."""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import timedelta

from sqlalchemy.orm import Session

from storage.health import health_events, open_health_issues
from storage.ingest import load_notice, record_issue, store_notice, store_parse
from storage.keys import unusable_key
from storage.reviews import (
    BY_LEN,
    acceptances,
    held_copies,
    needs_review,
    read_by_person,
    read_page_key,
    read_pages,
    record_acceptance,
    record_reading,
    refused_pages,
    refused_why,
)
from storage.snapshots import record_snapshot
from storage.vocabulary import HealthKind, as_utc
from tests.storage.test_ingest_notice import ENTITIES, T0, URL_A, uel7

WHOLE, LESS = b"whole page", b"republished page"


def snap(s: Session, raw: bytes, at, outcome: str, key: str = "UEL-2025-7"):
    return record_snapshot(s, url=URL_A, raw=raw, fetched_at=at, outcome=outcome, notice_key=key,
                           parser_version="test")[0]


def test_a_held_copy_is_listed_and_an_acceptance_is_recorded_closed_and_said(engine) -> None:
    less = dataclasses.replace(uel7(ENTITIES[:2], stated=None), stated_count=None)
    with Session(engine) as s, s.begin():
        snap(s, LESS, T0 - timedelta(days=1), "unusable")  # first stored before the whole copy: a page back and forth
        store_notice(s, uel7(stated=None), snap(s, WHOLE, T0, "notice"), URL_A, T0)
    with Session(engine) as s, s.begin():  # the held copy fetched again, as the pipeline leaves it
        snap(s, LESS, T0 + timedelta(hours=1), "unusable")
        record_issue(s, key=unusable_key(URL_A), source="mofcom-policy-list", kind=HealthKind.UNUSABLE_PAGE,
                     detail=f"{URL_A}: incomplete: … (review)", seen_at=T0 + timedelta(hours=1), url=URL_A,
                     notice_key="UEL-2025-7")
    with Session(engine) as s, s.begin():
        (copy,) = held_copies(s)
        assert (copy.notice_key, copy.url, copy.sha256, copy.stored_sha256, copy.stored_url) == (
            "UEL-2025-7", URL_A, hashlib.sha256(LESS).hexdigest(), hashlib.sha256(WHOLE).hexdigest(), URL_A)
        assert copy.last_seen == T0 + timedelta(hours=1)
        # not taken without the acceptance: the copy's bytes are older than the stored ones
        held = s.get(type(load_notice(s, "UEL-2025-7").snapshot), copy.snapshot_id)
        assert not store_parse(s, load_notice(s, "UEL-2025-7"), less, held, URL_A, T0).changed
        change = store_parse(s, load_notice(s, "UEL-2025-7"), less, held, URL_A, T0, accepted=True)
        assert change.changed and load_notice(s, "UEL-2025-7").snapshot_id == copy.snapshot_id
        record_acceptance(s, copy, by="x" * 80, at=T0 + timedelta(hours=2), lost=("海岸线公司",), note="read it")
    with Session(engine) as s:
        assert open_health_issues(s) == [] and held_copies(s) == []
        (accepted,) = acceptances(s, current_only=True)
        assert accepted.sha256 == copy.sha256 and accepted.current and len(accepted.accepted_by) == BY_LEN
        assert accepted.accepted_at == T0 + timedelta(hours=2)
        assert "海岸线公司" in accepted.detail and "read it" in accepted.detail and copy.stored_sha256 in accepted.detail
        events = {e.title: e for e in health_events(s)}
    # the notice named by its number first, as an officer knows it (wording29)
    said = events[f"Reviewed: 不可靠实体清单工作机制公告〔2025〕7号 (UEL-2025-7): a newer copy that reads less, accepted by "
                  f"{accepted.accepted_by}"]
    assert said.summary.startswith("UEL-2025-7: the copy of") and said.extra[-1] == ("state", "accepted")
    (resolved,) = [e for title, e in events.items() if title.startswith("Resolved: ")]
    assert resolved.summary.startswith("A person reviewed this copy and accepted it: ")
    assert len(events) == 3  # the page's issue opened and resolved, and the acceptance: never an open problem


def test_a_refusal_for_a_person_is_told_by_its_tag_and_a_reading_keeps_its_sha256_whole_in_its_key() -> None:
    """Only the parser's ``needs-review`` refusal is one a person may acknowledge (a bot check is the site's); the
    record of a reading keys the copy's SHA-256 before the URL, so a URL too long for the column cuts the URL only."""
    assert needs_review("needs-review: no entities found for a removal: left out: a person must read it")
    assert needs_review("needs-review") and not needs_review(None) and not needs_review("needs-reviewer: x")
    assert not needs_review("bot-check: a challenge page") and not needs_review("list-at-article: an index")
    assert refused_why("needs-review: a step: left out") == "a step: left out"
    key = read_page_key("https://www.mofcom.gov.cn/" + "a" * 600, "f" * 64)
    assert len(key) <= 512 and key.split("/")[:3] == ["review-accepted", "read-page", "f" * 64]


NEEDS = "needs-review: no entities found for a removal: left out: a person must read it"
URL_BOT = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_8.html"


def refuse(s: Session, url: str, raw: bytes, at, detail: str = NEEDS) -> None:
    """What the pipeline leaves for a page the parser refused: an unusable snapshot and the page's issue."""
    record_snapshot(s, url=url, raw=raw, fetched_at=at, outcome="unusable", detail=detail, parser_version="test")
    record_issue(s, key=unusable_key(url), source="mofcom-policy-list", kind=HealthKind.UNUSABLE_PAGE,
                 detail=f"{url} is not a usable page ({detail})", seen_at=at, url=url)


def test_a_page_refused_for_review_is_listed_read_by_a_person_and_judged_afresh_on_other_bytes(engine) -> None:
    """The queries and records of ``accept URL SHA256`` on every backend (the CLI's path, SQLite:
    tests/faults/test_accept_needs_review.py): listed while its issue is open (a bot check is not); a reading closes
    it, marks the copy read by a person, is no acceptance of a notice; other bytes are refused afresh, a new issue
    (first seen when they came: a new source-health item) and the reading is no longer current."""
    sha = hashlib.sha256(WHOLE).hexdigest()
    with Session(engine) as s, s.begin():
        refuse(s, URL_A, WHOLE, T0)
        refuse(s, URL_BOT, b"challenge", T0, detail="bot-check: a challenge page")
    with Session(engine) as s, s.begin():
        (page,) = refused_pages(s)
        assert (page.url, page.sha256, page.detail, page.first_seen) == (URL_A, sha, NEEDS, T0)
        assert not read_by_person(s, URL_A, sha)
        record_reading(s, page, why=page.why, by="ops@example.org", at=T0 + timedelta(hours=1), note="annex read")
    with Session(engine) as s, s.begin():
        assert refused_pages(s) == [] and acceptances(s) == [] and read_by_person(s, URL_A, sha)
        assert [i.url for i in open_health_issues(s)] == [URL_BOT]
        (reading,) = read_pages(s, current_only=True)
        assert (reading.url, reading.sha256, reading.read_by, reading.current) == (URL_A, sha, "ops@example.org", True)
        assert "not by this parser" in reading.detail and "annex read" in reading.detail
        refuse(s, URL_A, LESS, T0 + timedelta(days=1))  # other bytes at the URL
    with Session(engine) as s:
        (page,) = refused_pages(s)
        assert page.sha256 == hashlib.sha256(LESS).hexdigest() and read_pages(s, current_only=True) == []
        (issue,) = [i for i in open_health_issues(s) if i.url == URL_A]
        assert as_utc(issue.first_seen) == T0 + timedelta(days=1)  # reopened: a new item, not the first one again
