"""``personread.read_stale``: asked after every cycle's crawl, almost always of no page, it built its query anew each
time (its expressions were most of its cost in a no-change cycle: perf45, session 44's later-cycle rise 0.08 -> 0.11).
Now one statement built once: the same pages due (a stale copy; none read by this parser; none a person checked gone),
on a real store; the real cycles are ``test_run_cycle``'s."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import event, insert
from sqlalchemy.engine import Connection

from mofcom_watch.personread import read_stale
from scraper.parser_identity import parser_digest
from storage.keys import issue_key
from storage.models import HealthIssue, Page, Snapshot
from storage.reviews import GONE_PAGE
from storage.vocabulary import HealthKind

FETCHED = datetime(2026, 11, 29, 2, 0, tzinfo=UTC)
CHECKED = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)


class _NoParse:
    """A router no page may reach: nothing is due."""

    def parser(self, url: str) -> None:
        raise AssertionError(f"{url} read again")


def _page(conn: Connection, n: int, digest: str, outcome: str = "notice") -> str:
    url, sha = f"https://www.mofcom.gov.cn/art/{n}.html", f"{n:064x}"
    page_id = conn.execute(insert(Page).values(url=url, host="www.mofcom.gov.cn", source="mofcom-policy",
                                               last_fetched_at=FETCHED, last_sha256=sha)).inserted_primary_key[0]
    conn.execute(insert(Snapshot).values(page_id=page_id, fetched_at=FETCHED, status=200, sha256=sha, size=1,
                                         body=b"x", parser_version="p", outcome=outcome, parser_digest=digest))
    return url


def test_nothing_due_is_one_statement_built_once(engine) -> None:
    from sqlalchemy.orm import sessionmaker

    with engine.begin() as conn:
        _page(conn, 1, parser_digest())  # read by this parser
        _page(conn, 2, "0" * 64, outcome="unusable")  # not a notice
        gone = _page(conn, 3, "0" * 64)  # another parser's, but a person checked the page gone since its last answer
        conn.execute(insert(HealthIssue).values(
            key=issue_key(HealthKind.REVIEW_ACCEPTED, GONE_PAGE, gone), source="person",
            kind=HealthKind.REVIEW_ACCEPTED.value, detail="checked gone", url=gone, first_seen=CHECKED,
            last_seen=CHECKED, resolved_at=CHECKED))
    statements: list[object] = []
    event.listen(engine, "before_execute", lambda _conn, clause, *_: statements.append(clause))
    sf = sessionmaker(engine)
    assert read_stale(sf, _NoParse(), parser_digest()) == 0  # type: ignore[arg-type]
    assert read_stale(sf, _NoParse(), parser_digest()) == 0  # type: ignore[arg-type]
    assert len(statements) == 2 and statements[0] is statements[1]  # was: a new select built every cycle
