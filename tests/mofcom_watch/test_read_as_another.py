"""``pipeline.read_as_another``: which alias-conflict issues a URL read as its own notice closes, and what it costs.

Asked of every notice page stored (4,000 at 100x the fixtures), almost always of a URL no issue names: it ran an
ORM query per page, 1.6 s of a profiled 100x first replay (session 44's end). Now one plain statement asks first and
the ORM query runs only where an open issue names the URL (perf45): the same issues closed, the same left open, on a
real store (health44's real runs: ``tests/faults/test_alias_read_as_another.py``)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import event, select
from sqlalchemy.orm import ORMExecuteState, Session

from mofcom_watch.pipeline import read_as_another
from storage.keys import issue_key
from storage.models import HealthIssue
from storage.vocabulary import HealthKind

AT = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
SEEN = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)
URL, ELSEWHERE = "https://www.mfa.gov.cn/new.shtml", "https://www.mfa.gov.cn/other.shtml"
KIND = HealthKind.ALIAS_CONFLICT.value


def _issue(key: str, notice_key: str | None, url: str, resolved: bool = False) -> HealthIssue:
    return HealthIssue(key=key, source="mfa-countermeasures", kind=KIND, detail="pages disagree", url=url,
                       notice_key=notice_key, first_seen=SEEN, last_seen=SEEN, resolved_at=SEEN if resolved else None)


def _states(session: Session) -> dict[str, tuple[bool, str | None]]:
    return {key: (at is not None, by) for key, at, by in session.execute(
        select(HealthIssue.key, HealthIssue.resolved_at, HealthIssue.resolved_url))}


def test_closes_only_another_notices_plain_issue_naming_the_url(engine) -> None:
    other, own = issue_key(KIND, "MFA-ORDER-2022-4"), issue_key(KIND, "MFA-ORDER-2024-13")
    pair = issue_key(KIND, "same-qa", "QA-A", "QA-B")  # a Q&A pair's issue: reprints' to judge
    with Session(engine) as session, session.begin():
        session.add_all([
            _issue(other, "MFA-ORDER-2022-4", URL),
            _issue(own, "MFA-ORDER-2024-13", URL),  # the notice the URL reads as: not another's
            _issue(pair, "QA-A", URL),
            _issue(issue_key(KIND, "MFA-ORDER-2025-17"), "MFA-ORDER-2025-17", ELSEWHERE),  # another URL
            _issue(issue_key(KIND, "MFA-ORDER-2023-1"), "MFA-ORDER-2023-1", URL, resolved=True),
        ])
        read_as_another(session, URL, "MFA-ORDER-2024-13", AT, "ab" * 32)
        states = _states(session)
    assert states[other] == (True, URL)
    assert not states[own][0] and not states[pair][0] and not states[issue_key(KIND, "MFA-ORDER-2025-17")][0]
    assert states[issue_key(KIND, "MFA-ORDER-2023-1")] == (True, None)  # resolved before: untouched


def test_an_issue_not_flushed_yet_is_seen(engine) -> None:
    """As the ORM query's autoflush saw it: the plain statement asks after the same flush."""
    pending = issue_key(KIND, "MFA-ORDER-2021-9")
    with Session(engine) as session, session.begin():
        session.add(_issue(pending, "MFA-ORDER-2021-9", URL))
        read_as_another(session, URL, "MFA-ORDER-2024-13", AT, "ab" * 32)
        assert _states(session)[pending] == (True, URL)


def test_a_url_no_issue_names_costs_one_plain_statement(engine) -> None:
    with Session(engine) as session, session.begin():
        session.add(_issue(issue_key(KIND, "MFA-ORDER-2022-4"), "MFA-ORDER-2022-4", ELSEWHERE))
        session.flush()
        mapped: list[list[str]] = []

        @event.listens_for(session, "do_orm_execute")
        def _seen(state: ORMExecuteState) -> None:
            mapped.append([m.class_.__name__ for m in state.all_mappers])

        read_as_another(session, URL, "MFA-ORDER-2024-13", AT, "ab" * 32)
        read_as_another(session, ELSEWHERE, "MFA-ORDER-2022-4", AT, "ab" * 32)  # its own notice's issue
    assert mapped == [[], []], mapped  # was [['HealthIssue'], ['HealthIssue']]: an ORM query per page
