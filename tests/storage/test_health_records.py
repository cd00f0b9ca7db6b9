"""Source-health records: runs, issues opened and resolved, feed items with stable ids."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import update
from sqlalchemy.orm import Session

from feeds.render import entry_link, item_html
from scraper.sources.defaults import SOURCE_DESCRIPTIONS
from storage.health import (
    has_run,
    health_events,
    open_health_issues,
    pending_urls,
    record_source_run,
)
from storage.models import Page, SourceRun
from storage.outcomes import SourceReport
from storage.records import EventKind
from storage.vocabulary import TAG_PREFIX, Failure, RunCounters

T0 = datetime(2026, 11, 29, 8, 0, tzinfo=UTC)
IDX = "https://www.mofcom.gov.cn/xwfb/xwfyrth/index.html"
ART = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_0123456789abcdef0123456789abcdef.html"


def report(n: int, *failures: Failure, good=(), linked=()) -> SourceReport:
    t = T0 + timedelta(hours=n)
    return SourceReport(source="mofcom-qa", started_at=t, finished_at=t,
                        counts=RunCounters(fetched=3, failures=tuple(failures)),
                        good_urls=frozenset(good), linked_indexes=frozenset(linked))


def test_zero_links_opens_and_a_clean_run_resolves(engine):
    with Session(engine) as s, s.begin():
        assert not has_run(s, "mofcom-qa")
        change = record_source_run(s, "r1", report(0, Failure(IDX, "zero-links")))
        assert change.opened == (f"mofcom-qa/zero-links/{IDX}",)
    with Session(engine) as s, s.begin():
        assert has_run(s, "mofcom-qa")
        assert [i.kind for i in open_health_issues(s)] == ["zero-links"]
        run = s.query(SourceRun).one()
        assert run.ok is False and run.failed == 1 and run.failures[0]["reason"] == "zero-links"
        first = health_events(s)
        assert len(first) == 1 and first[0].kind is EventKind.SOURCE_HEALTH and first[0].scope == "health"
    with Session(engine) as s, s.begin():
        change = record_source_run(s, "r2", report(1, linked=[IDX]))
        assert change.resolved == (f"mofcom-qa/zero-links/{IDX}",)
        assert open_health_issues(s) == []
        events = health_events(s)
    assert len(events) == 2 and events[0].title.startswith("Resolved:")
    assert first[0].id in {e.id for e in events}  # the opening item keeps its id
    # its facts name its days as what they are: "Effective 2026-11-29", the day a problem was seen, read as a
    # listing's day (wording29)
    resolved, opened = (item_html(e) for e in events)
    assert '<th align="left">First seen</th><td>2026-11-29 08:00 UTC</td>' in opened and "Effective" not in opened
    assert '<th align="left">Resolved</th><td>2026-11-29 09:00 UTC</td>' in resolved and "Effective" not in resolved
    # the tag URI's date is the day the name was minted (2025), never the 2026 event's year
    assert all(e.id.startswith(f"{TAG_PREFIX}health/mofcom-qa/zero-links/") for e in events)


def test_failing_three_runs_in_a_row_and_pending_retries(engine):
    with Session(engine) as s, s.begin():
        for n in range(2):
            record_source_run(s, f"r{n}", report(n, Failure(ART, "timeout", "ReadTimeout")))
        assert open_health_issues(s) == []  # a timeout alone is no issue, two runs are not three
        assert pending_urls(s, "mofcom-qa") == [ART]
        change = record_source_run(s, "r2", report(2, Failure(ART, "http-500")))
        assert change.opened == ("mofcom-qa/failing",)
        assert "timeout" in open_health_issues(s)[0].detail
        record_source_run(s, "r3", report(3, good=[ART]))
        assert open_health_issues(s) == [] and pending_urls(s, "mofcom-qa") == []


def test_pages_refused_or_read_short_are_no_failed_fetch_nor_a_failing_source(engine):
    """story33 S5: a rename refused for a person to read (``unusable-content``, its own unusable-page issue, open until a
    person reads it) made ``status`` say "its last run … could not fetch 1 page(s) (unusable-content)" of a source whose
    every page answered, and on the third run "failed 3 runs in a row", which never closed while the page waited; a
    copy cut short (``incomplete``: its count-mismatch issue) did the same. A fetch failure beside them still counts."""
    from storage.health import last_run_failures

    with Session(engine) as s, s.begin():
        for n in range(4):
            record_source_run(s, f"r{n}", report(n, Failure(ART, "unusable-content", "needs-review: a name change"),
                                                 Failure(IDX, "incomplete", "KEY: 3 of the 5 entities it states")))
        assert open_health_issues(s) == [] and last_run_failures(s) == ()
        said = []
        for n in range(4, 7):
            record_source_run(s, f"r{n}", report(n, Failure(ART, "unusable-content", "needs-review"),
                                                 Failure(IDX, "http-500")))
            said.append([(f.failed, f.reasons) for f in last_run_failures(s)])
        assert said == [[(1, ("http-500",))], [(1, ("http-500",))], []]  # the third: the failing issue says it
        assert [i.kind for i in open_health_issues(s)] == ["failing"]
        record_source_run(s, "r7", report(7, Failure(ART, "unusable-content", "needs-review"), linked=[IDX]))
        assert open_health_issues(s) == []  # the source answers again: failing closes, the page's own issue is apart


def test_bot_check_is_an_unusable_page_until_the_url_answers(engine):
    with Session(engine) as s, s.begin():
        record_source_run(s, "r1", report(0, Failure(ART, "bot-check", "HTTP 412")))
        assert [(i.kind, i.url) for i in open_health_issues(s)] == [("unusable-page", ART)]
        ids = [e.id for e in health_events(s)]
        # "not a change to any listing" alone read as "no change": the item says a change may be missing (wording29)
        (item,) = health_events(s)
        assert "HTTP 412. First seen" in item.summary, item.summary
        assert "a change published there may be missing from the feeds: no new item is no sign of no change" \
            in item.summary
        # it names the source by what it holds, not by its configured name alone (wording29)
        (said,) = health_events(s, SOURCE_DESCRIPTIONS)
        assert said.title == f"Source health: MOFCOM spokesperson's answers (mofcom-qa): unusable page {ART}"
        assert '<th align="left">Source</th><td>MOFCOM spokesperson&#x27;s answers (mofcom-qa)</td>' in item_html(said)
        assert said.id == item.id
        record_source_run(s, "r2", report(1, Failure(ART, "bot-check", "HTTP 412")))
        assert [e.id for e in health_events(s)] == ids  # same problem, same item
        record_source_run(s, "r3", report(2, good=[ART]))
        assert open_health_issues(s) == []


def test_a_page_failing_for_two_sources_is_two_issues_each_naming_the_other(engine):
    """health35 L6/L11: a page a column's html index and its jpaas list both list, failing for both, was two issues
    and two items with the same text, neither saying so. The keys (and ids) stay per source; the later one names the
    first, and the first names the later from its next run on; a source alone names nobody."""
    def run(source: str, n: int, *failures: Failure, good=()) -> None:
        t = T0 + timedelta(hours=n)
        record_source_run(s, f"r{n}{source}", SourceReport(source=source, started_at=t, finished_at=t,
                                                         counts=RunCounters(fetched=1, failures=failures),
                                                         good_urls=frozenset(good)))

    def details() -> dict[str, str]:
        return {i.source: i.detail for i in open_health_issues(s)}

    with Session(engine) as s, s.begin():
        run("mofcom-policy", 0, Failure(ART, "bot-check", "HTTP 412"))
        assert details() == {"mofcom-policy": f"{ART}: bot-check: HTTP 412"}
        run("mofcom-policy-list", 0, Failure(ART, "bot-check", "HTTP 412"))
        assert details()["mofcom-policy-list"] == f"{ART}: bot-check: HTTP 412 (one page: its problem is open for " \
                                                  "mofcom-policy too)"
        run("mofcom-policy", 1, Failure(ART, "bot-check", "HTTP 412"))
        assert details()["mofcom-policy"].endswith("(one page: its problem is open for mofcom-policy-list too)")
        run("mofcom-policy-list", 1, good=[ART])  # it answers that source: the other's issue stays, naming nobody from its next run
        run("mofcom-policy", 2, Failure(ART, "bot-check", "HTTP 412"))
        assert details() == {"mofcom-policy": f"{ART}: bot-check: HTTP 412"}


def test_a_problem_back_the_day_it_was_resolved_is_a_new_item_not_the_first_one_updated(engine):
    """health36 M13: a page broken, fixed, then broken again the same day took the first opening's item id again (only
    its time moved), so a feed reader's last new item was "Resolved" while the page stayed broken (for days, if it
    did). Each opening of a day after the first, and its resolution, now has ids of its own; an opening on a day of
    its own keeps the plain ids (those of every store before). Each earlier opening's items stay (order43's B3)."""
    fault = Failure(ART, "bot-check", "HTTP 412")
    first = {"open/2026-11-29", "resolved/2026-11-29"}
    second = {"open/2026-11-29/2", "resolved/2026-11-30/2"}
    third = {"open/2026-11-30/3", "resolved/2026-11-30/3"}

    def ids() -> set[str]:
        return {e.id.rsplit(f"/unusable-page/{ART}/", 1)[1] for e in health_events(s)}

    with Session(engine) as s, s.begin():
        record_source_run(s, "r0", report(0, fault))
        assert ids() == {"open/2026-11-29"}
        record_source_run(s, "r1", report(1, good=[ART]))
        assert ids() == {"open/2026-11-29", "resolved/2026-11-29"}
        record_source_run(s, "r2", report(2, fault))  # broken again that day: a new item
        assert ids() == first | {"open/2026-11-29/2"}
        record_source_run(s, "r3", report(3, fault))  # still broken: the same item
        assert ids() == first | {"open/2026-11-29/2"}
        record_source_run(s, "r4", report(25, good=[ART]))  # fixed the next day
        assert ids() == first | second
        record_source_run(s, "r5", report(26, fault))  # broken again the day it was fixed: new again
        assert ids() == first | second | {"open/2026-11-30/3"}
        record_source_run(s, "r6", report(27, good=[ART]))
        record_source_run(s, "r7", report(49, fault))  # a day of its own: the plain id
        assert ids() == first | second | third | {"open/2026-12-01"}
        item = next(e for e in health_events(s) if e.id.endswith("/open/2026-12-01"))
        assert "First seen 2026-12-01 09:00 UTC" in item.summary, item.summary


def test_a_health_item_links_the_page_it_is_about(engine):
    """reader34: a page refused or read short named its URL in the item's text alone: no link in a reader (a source-
    health item rests on no notice, and the link came from a notice's Sources only). A replayed file's is no link."""
    with Session(engine) as s, s.begin():
        record_source_run(s, "r1", report(0, Failure(ART, "bot-check", "HTTP 412"), Failure(IDX, "zero-links"),
                                          Failure("file:texts/x.txt", "unusable")))
        record_source_run(s, "r2", report(1, Failure(IDX, "zero-links"), Failure("file:texts/x.txt", "unusable"),
                                          good=[ART]))
        items = health_events(s)
    links = {(e.title.startswith("Resolved: "), e.title.rsplit(" ", 1)[-1]): entry_link(e) for e in items}
    assert links == {(False, ART): ART, (True, ART): ART, (False, f"({IDX})"): IDX, (False, "file:texts/x.txt"): None}
    assert f'<th align="left">Page</th><td>{ART}</td>' in item_html(items[0])


def test_backfill_continues_until_a_clean_run(engine):
    from storage.health import has_clean_run

    with Session(engine) as s, s.begin():
        record_source_run(s, "r1", report(0, Failure(IDX, "timeout")))
        assert has_run(s, "mofcom-qa") and not has_clean_run(s, "mofcom-qa")
        record_source_run(s, "r2", report(1))
        assert has_clean_run(s, "mofcom-qa")
    # story33 S6: a run that walked whole, its only failure a page refused for a person to read, ends the backfill too
    with Session(engine) as s, s.begin():
        record_source_run(s, "r3", SourceReport(source="mofcom-policy", started_at=T0, finished_at=T0,
                                                counts=RunCounters(fetched=3, failures=(Failure(IDX, "timeout"),))))
        assert not has_clean_run(s, "mofcom-policy")
        record_source_run(s, "r4", SourceReport(source="mofcom-policy", started_at=T0, finished_at=T0, counts=RunCounters(
            fetched=3, failures=(Failure(ART, "unusable-content", "needs-review: a name change"),))))
        assert has_clean_run(s, "mofcom-policy")


def test_source_names_are_every_source_with_a_run_once_each(engine):
    """The index walk (one lookup per name) gives what SELECT DISTINCT would, sorted."""
    from storage.health import held_sources, source_names

    with Session(engine) as s, s.begin():
        assert source_names(s) == []
        for n, name in enumerate(["mofcom-qa", "aqygzj", "mfa", "mofcom-qa", "aqygzj", "mofcom-qa"]):
            failures = (Failure(ART, "timeout"),) if name == "mfa" else ()
            record_source_run(s, f"r{n}", SourceReport(source=name, started_at=T0, finished_at=T0,
                                                       counts=RunCounters(fetched=1, failures=failures)))
    with Session(engine) as s:
        assert source_names(s) == ["aqygzj", "mfa", "mofcom-qa"]
        assert held_sources(s) == ("mfa",) and held_sources(s, frozenset({"mfa"})) == ()


def test_a_warning_is_shown_apart_fails_nothing_and_ends_with_the_run_that_does_not_see_it(engine):
    """ops20: a source's oddity (an index out of its column) is a warning: kept open while runs see it, never among
    the open issues (status exit 1, a run not clean) nor a feed item; kept by a run that could not fetch its URL,
    cleared by the first run that fetched it without the oddity, or by a clean run."""
    from storage.health import open_warnings
    from storage.vocabulary import Oddity

    odd = Oddity(IDX, "out-of-column", f"{IDX}: redirected to elsewhere, outside its column")

    def warned(n: int, *failures: Failure, good=(), oddities=(odd,)) -> SourceReport:
        return SourceReport(source="mofcom-qa", started_at=T0 + timedelta(hours=n), finished_at=T0 + timedelta(hours=n),
                            counts=RunCounters(fetched=3, failures=tuple(failures)), good_urls=frozenset(good),
                            warnings=tuple(oddities))

    with Session(engine) as s, s.begin():
        record_source_run(s, "r1", warned(0, good=[IDX]))
        record_source_run(s, "r2", warned(1, good=[IDX]))  # seen again: the same warning, refreshed
        assert open_health_issues(s) == [] and health_events(s) == []
        [warning] = open_warnings(s)
        assert warning.kind == "warning" and warning.detail == odd.detail and warning.url == IDX
        assert warning.key == f"mofcom-qa/warning/out-of-column/{IDX}"
        assert warning.last_seen > warning.first_seen
    with Session(engine) as s, s.begin():  # its index timed out: not seen, not fetched either: kept
        record_source_run(s, "r3", warned(2, Failure(IDX, "timeout"), oddities=()))
        assert [w.url for w in open_warnings(s)] == [IDX]
    with Session(engine) as s, s.begin():  # answered without the oddity (another page failed): cleared
        record_source_run(s, "r4", warned(3, Failure(ART, "timeout"), good=[IDX], oddities=()))
        assert open_warnings(s) == [] and health_events(s) == []
    with Session(engine) as s, s.begin():  # back, then a clean run that does not see it
        record_source_run(s, "r5", warned(4, good=[IDX]))
        assert len(open_warnings(s)) == 1
        record_source_run(s, "r6", warned(5, oddities=()))
        assert open_warnings(s) == []


def test_a_gone_page_that_held_a_stored_notice_names_it_and_says_nothing_of_it_changed(engine):
    """story32 S5: 商务部公告2026年第47号's page, read on 12-01, answers 404 on 12-03 and the index no longer lists it. No
    state changes (a page gone lifts nothing), loudly an unusable-page issue; but its item named the URL alone and said
    "not a change to any listing", leaving the officer to find which notice of theirs the ministry may have withdrawn."""
    from tests.storage.test_ingest_notice import URL_A, store, uel7

    store(engine, uel7(), URL_A, b"page-a")
    with Session(engine) as s, s.begin():
        record_source_run(s, "r1", report(0, Failure(URL_A, "not-found", "HTTP 404"), Failure(ART, "not-found",
                                                                                           "HTTP 404")))
        gone = {i.url: i.detail for i in open_health_issues(s)}
        said = {e.title.rsplit(" ", 1)[-1]: e.summary for e in health_events(s)}
    assert ("This page held 不可靠实体清单工作机制公告〔2025〕7号 (UEL-2025-7), stored since 2025-04-04: the ministry may "
            "have withdrawn or moved it. Its listings stay as read (nothing is lifted or removed for a page gone) until a "
            "notice says otherwise") in gone[URL_A], gone[URL_A]
    assert "UEL-2025-7" in said[URL_A] and "First seen" in said[URL_A]
    assert gone[ART] == f"{ART}: not-found: HTTP 404"  # a page that held no stored notice: as before


def test_the_command_a_gone_page_names_is_quoted_for_a_shell(engine):
    """cli34: the line said ``mofcom-watch accept https://…?id=7&lang=zh gone``; pasted into a shell, ``&`` put
    ``mofcom-watch accept https://…?id=7`` in the background (exit 2: no such URL) and nothing was recorded."""
    from tests.storage.test_ingest_notice import store, uel7

    url = "https://www.mofcom.gov.cn/article?id=7&lang=zh"
    store(engine, uel7(), url, b"page-a")
    with Session(engine) as s, s.begin():
        record_source_run(s, "r1", report(0, Failure(url, "not-found", "HTTP 404")))
        (detail,) = [issue.detail for issue in open_health_issues(s)]
    assert detail.endswith(f"then record it: mofcom-watch accept '{url}' gone"), detail


def test_a_page_checked_gone_is_one_item_its_issue_resolved_by_the_check_and_asked_for_again_once_it_answers(engine):
    """story32 C1 (``accept URL gone``): the check is one source-health item naming the notice; the 404 issue's
    resolution says a person checked it, not "a later run found this fixed"; runs stop retrying the URL until the page
    answers again (then it is an ordinary page: no longer "checked gone")."""
    from storage.reviews import gone_checks, record_gone
    from storage.snapshots import touch_pages
    from tests.storage.test_ingest_notice import URL_A, store, uel7

    store(engine, uel7(), URL_A, b"page-a")
    with Session(engine) as s, s.begin():
        record_source_run(s, "r1", report(0, Failure(URL_A, "not-found", "HTTP 404")))
        assert pending_urls(s, "mofcom-qa") == [URL_A]
        (issue,) = open_health_issues(s)
        record_gone(s, issue, by="officer@example", at=T0 + timedelta(hours=1), note="withdrawn")
        assert open_health_issues(s) == [] and pending_urls(s, "mofcom-qa") == []
        said = {e.title: e.summary for e in health_events(s)}
        (check,) = gone_checks(s, current_only=True)
    title = "Checked gone: 不可靠实体清单工作机制公告〔2025〕7号 (UEL-2025-7): a page withdrawn or moved, checked by officer@example"
    assert title in said and "its listings stay as read" in said[title] and "note: withdrawn" in said[title], said
    (resolved,) = [v for k, v in said.items() if k.startswith("Resolved:")]
    assert resolved.startswith("A person checked that this page is gone"), resolved
    assert check.url == URL_A and check.notice_key == "UEL-2025-7"
    with Session(engine) as s, s.begin():  # the page answers again (a 304 to a link an index listed)
        touch_pages(s, [URL_A], fetched_at=T0 + timedelta(hours=2), status=None, source="mofcom-qa")
        assert gone_checks(s, current_only=True) == []
        assert pending_urls(s, "mofcom-qa") == [URL_A]  # (the last run's failure, no longer checked gone)


def test_a_page_answering_in_the_second_it_was_checked_gone_has_answered_since(engine):
    """flaky40 (session 39's start CI): fetch times and the check's time are whole seconds. A run right after
    ``accept URL gone``, its answer in the check's own second, was read as before the check: the check stayed
    current, the page's next 404 was a note, exit 0, health green. An answer in that second counts as since; one
    in the second before does not."""
    from storage.reviews import checked_gone, gone_checks, record_gone
    from storage.snapshots import touch_pages
    from tests.storage.test_ingest_notice import URL_A, store, uel7

    checked = T0 + timedelta(hours=1)
    store(engine, uel7(), URL_A, b"page-a")
    with Session(engine) as s, s.begin():
        record_source_run(s, "r1", report(0, Failure(URL_A, "not-found", "HTTP 404")))
        (issue,) = open_health_issues(s)
        record_gone(s, issue, by="officer@example", at=checked)
        touch_pages(s, [URL_A], fetched_at=checked - timedelta(seconds=1), status=None, source="mofcom-qa")
        assert [c.url for c in gone_checks(s, current_only=True)] == [URL_A]  # answered before the check
        assert list(s.scalars(checked_gone())) == [URL_A]
    with Session(engine) as s, s.begin():
        touch_pages(s, [URL_A], fetched_at=checked, status=None, source="mofcom-qa")  # in the check's second
        assert gone_checks(s, current_only=True) == [] and list(s.scalars(checked_gone())) == []
        assert pending_urls(s, "mofcom-qa") == [URL_A]  # asked for again: a 404 now is a failure again


def test_a_check_made_in_the_second_the_page_last_answered_is_recorded_after_that_answer(engine):
    """The other side of the test above: ``accept URL gone`` in the very second the page last answered (a script
    checking it at once) waits into the next second, so that the page's answer before the check is not read as one
    since; a page that answered earlier, never, or at a time to come is not waited for."""
    from mofcom_watch.review import gone_check_moment
    from storage.reviews import checked_gone, gone_checks, record_gone
    from storage.snapshots import touch_pages
    from tests.storage.test_ingest_notice import URL_A, store, uel7

    store(engine, uel7(), URL_A, b"page-a")
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        time.sleep(seconds)

    with Session(engine) as s, s.begin():
        record_source_run(s, "r1", report(0, Failure(URL_A, "not-found", "HTTP 404")))
        assert gone_check_moment(s, URL_A, sleep=sleep) > T0 and slept == []  # answered at T0
        assert gone_check_moment(s, "https://www.mofcom.gov.cn/never.html", sleep=sleep) and slept == []
        later = datetime.now(UTC).replace(microsecond=0) + timedelta(hours=2)
        touch_pages(s, [URL_A], fetched_at=later, status=None, source="mofcom-qa")  # (a --fetched-at to come)
        assert gone_check_moment(s, URL_A, sleep=sleep) < later and slept == []
    with Session(engine) as s, s.begin():
        s.execute(update(Page).where(Page.url == URL_A).values(last_fetched_at=None))
        now = datetime.now(UTC).replace(microsecond=0)
        touch_pages(s, [URL_A], fetched_at=now, status=None, source="mofcom-qa")  # answered this second
        at = gone_check_moment(s, URL_A, sleep=sleep)
        assert at > now, (at, now)
        (issue,) = open_health_issues(s)
        record_gone(s, issue, by="officer@example", at=at)
        assert [c.url for c in gone_checks(s, current_only=True)] == [URL_A] and list(s.scalars(checked_gone())) == [URL_A]


def test_an_issue_opened_again_keeps_the_items_of_each_earlier_opening(engine):
    """order43's B3: an issue opened and resolved, then opened again (the same day, or days later), kept one row: the
    earlier opening's "open" and "Resolved" items vanished from the source-health feed with no correction. Each opening
    is kept now (``HealthIssue.keep_opening``), its items under the ids they were published with."""
    key = f"mofcom-qa/zero-links/{IDX}"
    seen: list[set[str]] = []
    with Session(engine) as s, s.begin():
        for n, failing in ((0, True), (1, False), (2, True), (3, False), (30, True)):
            record_source_run(s, f"r{n}", report(n, Failure(IDX, "zero-links")) if failing else report(n, linked=[IDX]))
            seen.append({e.id for e in health_events(s)})
        final = health_events(s)
        assert [i.key for i in open_health_issues(s)] == [key]
    for earlier, later in zip(seen, seen[1:]):
        assert earlier <= later, earlier - later  # nothing published vanishes
    base = f"{TAG_PREFIX}health/{key}"
    assert sorted(e.id for e in final) == sorted([
        f"{base}/open/2026-11-29", f"{base}/resolved/2026-11-29",  # 08:00, 09:00
        f"{base}/open/2026-11-29/2", f"{base}/resolved/2026-11-29/2",  # 10:00, 11:00: opened again that day
        f"{base}/open/2026-11-30"])  # 14:00 the next day: open
    assert [e.title.startswith("Resolved:") for e in final] == [False, True, False, True, False]
    with Session(engine) as s:  # the same ids read again, from the file
        assert [e.id for e in health_events(s)] == [e.id for e in final]
