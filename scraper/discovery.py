"""Discovery and backfill: walk each source's indexes, fetch what is new, ingest every page.

First run (or ``--since``): every index page, back to the year. Later runs: the
first pages only, stopping at a page whose last link is known (a pinned old row on top stops nothing; a
burst of new rows longer than ``update_pages`` is walked on, said in a note; one longer than ``update_reach``
is a ``discovery-incomplete`` warning, and later walks read on from its last row read), except the first
cycle of each UTC day (``deep_walk_due``), which reads ``DEEP_WALK_PAGES`` pages of each index whatever it
reaches, so a notice listed below stored rows (published with an older date) is read within a day; plus a conditional re-check of the
source's most recent notices (304 when unchanged: no body, no parse) and a retry of
every page that has not yet parsed whole (failed, unusable, cut short, short of its
stated count: ``PageIndex.retry_urls``), so nothing a fault hid is lost. Index pages
that answer 304 are not parsed at all.

The crawler fetches in parallel (the :class:`Fetcher` enforces per-host limits) in the process's
kept worker threads (:mod:`scraper.fetch.kept`) and ingests in the calling thread, one transaction
per page. What the store says must be fetched again is read while the index pages answer.
"""

from __future__ import annotations

import dataclasses
import re
import threading
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Executor, Future, as_completed, wait
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from hashlib import sha256
from typing import TYPE_CHECKING, Protocol
from urllib.parse import urlsplit

from scraper.answers import CrawledPage, FetchResult
from scraper.fetch import Fetcher, FetchRequest
from scraper.fetch.kept import worker_pool
from scraper.fetch.urls import canonical_link, host_of
from scraper.sources.base import IndexPlan, Mode, Source
from scraper.stop import StopRequest
from storage.outcomes import PageOutcome, PageResult, SourceReport
from storage.records import IndexLink
from storage.vocabulary import GAP_ANCHORS, GAP_BEFORE_RE, Failure, FailureReason, Oddity, OddityReason, RunCounters

if TYPE_CHECKING:
    from scraper.joined import Part

ProgressFn = Callable[[str, str], None]  # (source name, url) after each answer
NOT_FOUND = "not-found"  # the fetcher's reason for a 404 or 410
# A later page of an index that lists only links of the pages before it, none past them: the site stopped paging
# (a redesign that ignores the page number), so older notices are out of reach, not gone
REPEATED_PAGE = ("page {n} lists only links of the pages before it: the index no longer pages (its page parameter "
                 "is ignored), so the notices past them cannot be reached")
# An index answered from another column's page (a redirect): read as the index, and said, every run it lasts: a
# warning (status, /healthz, the front page), not a health issue: a column moved for good answers a permanent 301
# (routine, read right), and an issue would fail health for as long as the source is not given its new path
OUT_OF_COLUMN = ("{url}: redirected to {final}, outside its column ({column}): read as this index; if the column "
                 "moved, give the source its new path, else notices of {column} may go unread")
# An index's page 1 short of its last whole copy (scraper.continuity's shrunk verdict): a warning, kept while it lasts
SHRUNK = ("{detail} (its answer SHA-256 {answer}; held to its whole copy, SHA-256 {sha}, until it is whole again or a "
          "person accepts it as it is: mofcom-watch accept {url} {answer:.12})")
WHOLE_RE = re.compile(r"held to its whole copy, SHA-256 ([0-9a-f]{64})")
# An update walk that read its usual pages without reaching a link it had: more new rows than those pages hold (a
# burst, a long outage), so it reads on (to ``update_reach``) rather than leave the rest unread for good (pages29)
WALKED_ON = "{url}: {n} pages read to reach links already stored (more new rows than the {usual} pages an update reads)"
# ... and one that read ``update_reach`` pages without reaching one: a source-health warning (OddityReason.
# DISCOVERY_INCOMPLETE), naming the last row read; later walks read on past it until they reach stored links
NOT_REACHED = ("discovery may be incomplete: column {column}: {n} pages of {url} read and no link already stored "
               "reached, so rows past page {n} may be unread (the last row read: {last}); later runs read on from that "
               "row to links already stored, or run mofcom-watch run --since YEAR")
LAST_READ_RE = re.compile(r"\(the last row (?:read|left): (\S+)\)")
# An update follows at most ``new_pages`` new links of a source (health40 M45, health41): an index flooded with 2,000 rows
# (a CMS dump, a sitemap at the column's URL) had every one fetched in one run, 40 minutes at a 1 s delay, the run lock
# held. The rest are said in a discovery-incomplete warning naming the last row left: the next walks read the index on
# to it (its unchanged pages from their stored copies) and follow the links still unstored, until none is left over
LEFT_OVER = ("{url}: {n} new links listed that this run did not follow (a run follows at most {most} new links of a "
             "source): left for the next run, which reads the index on to them (the last row left: {last})")
LEFT_OVER_TOO = "; and {n} new links listed that this run did not follow (a run follows at most {most}): left for the next run"
CAUGHT_UP = "{url}: read on past {last}, the last row an earlier walk read, to links already stored (page {n}): discovery is complete again"
# Once a day an update walks deeper (pages30; pages29's story st1b): a notice published with an older date than rows
# already stored is listed below them, past the page where an update stops (its last row stored), and only a backfill
# read it. The first cycle of each UTC day (deep_walk_due) reads this many pages of each index whatever they reach,
# unchanged ones (304) from their stored copies: a notice listed up to 200 rows down (20 a page on the jpaas columns)
# is read within a day, for up to 9 more requests a day per paged index (conditional: 304 when a page is unchanged).
DEEP_WALK_PAGES = 10
# A list whose pages hold fewer rows than asked (an endpoint capping pageSize at 10 when 20 are asked): its page 1 was
# read as the list's last, silently (pages30 S1). The first short page of a walk is followed by one more request; if
# that lists new rows, the walk reads on, taking the short page's size as a full page, and says so
PAGED_SHORT = "{url}: the list answers {k} rows a page, not the {size} asked: read on page by page"
# A TRS index page's pager states how many pages the index has ("createPageHTML(2, 0, \"index\", \"shtml\")": 2 pages,
# this the first): a 404 past the last page is the end of the channel, but one for a page it states is a page gone,
# and the rows listed there went unread, silently (health35 L12: the MFA channel's page 2 answering 404 on a backfill
# left two decisions unread, run and status exit 0)
TRS_PAGES = re.compile(rb"createPageHTML\(\s*(\d+)\s*,")
TRS_PAGER = b"createPageHTML"  # every TRS_PAGES match holds it: the pattern runs only where it is
INDEX_GONE = ("this index was read before (its copy is stored), so it is gone, not a year not published yet: moved or "
              "withdrawn; notices listed only where it went are unread")
PAGE_GONE = "{detail}; page {n} is gone, though the page before it says the index has {pages} pages: its rows are unread"
# An index of one page (no page 2 to read: the Q&A column's, the policy column's html index) whose answer lists none of
# the links its last copy listed: every row read before was pushed off it by new ones (a long outage, cron stopped, a
# burst), so the rows published between the last copy's newest and the answer's oldest may be unread, and no walk can
# read on to them. Read as the index (its new rows are followed and its copy kept), but a failure of the run: the items
# a missed Q&A could falsify are held back (a lapse an unread extension would have put off) and the run exits 1
# (cycles58 P: a suspension's extension pushed off the Q&A index over a three-week gap, then "Suspension lapsed:
# presumed back in force" published and every run exit 0). A person looks at the column in a browser for those rows.
GAP = ("{url} lists none of the {n} link(s) its copy before the gap listed ({lost}) and has no page 2 to read on: "
       "rows published between that copy's newest row and the oldest row it lists now ({oldest}) may have been pushed "
       "off it unread. What they could falsify (lapses, countdowns) is held back, every run, until they are read: read "
       "the rows the column published between {since} and {until} on the site (`mofcom-watch replay` a saved page "
       "that acts on a listed notice), then accept the gap: mofcom-watch accept {url} {sha}{anchors}")
# (the copies it names, storage.health.GAP_ANCHORS: the answer that showed it, which ``accept URL SHA`` takes, and the
# copy before it, whose rows an answer must list again to close it: ``Crawler._gap_kept``)
# an index whose open index-gap issue a later answer settles: it lists a row its copy before the gap listed again, so
# every row between is listed (rows come in at the top) and followed
GAP_READ = ("{url} lists again a row its copy before the gap listed ({link}): the rows between are listed and read; its "
            "index-gap problem closes")


def stated_pages(body: bytes) -> int | None:
    """How many pages an index page's TRS pager says the index has (:data:`TRS_PAGES`), or None."""
    if TRS_PAGER not in body:
        return None
    found = TRS_PAGES.search(body)
    return int(found.group(1)) if found else None


# How to crawl a source, asked of the store (a run backfills a source until it has had a clean run). The crawler
# asks it while the source's first index request waits on the network, when that request is the same either way.
ModeQuestion = Callable[[], Mode]


IngestFn = Callable[[CrawledPage], PageResult]  # the CLI wires in its Pipeline


class PageIndex(Protocol):
    """What the crawler asks the store (``storage.pages.PageStore``)."""

    def known(self, urls: Iterable[str]) -> set[str]: ...
    def validators(self, urls: Iterable[str], *, of: Mapping[str, str] | None = None,
                   ) -> dict[str, tuple[str | None, str | None]]: ...
    def recent_notice_pages(self, source: str, limit: int, since: datetime | None = None) -> list[str]: ...
    def joined_copies(self, urls: Iterable[str]) -> dict[str, bytes]: ...
    def stored_body(self, url: str) -> tuple[bytes, str | None] | None: ...
    def stored_index(self, url: str, sha256: str | None = None) -> tuple[bytes, str | None] | None: ...
    def gone_checked(self, url: str) -> bool: ...
    def open_warning(self, source: str, url: str, reason: str) -> str | None: ...
    def open_warnings(self, source: str, reason: str) -> dict[str, str]: ...
    def open_gaps(self, source: str) -> dict[str, str]: ...
    def retry_urls(self, source: str) -> list[str]: ...
    def moved(self, url: str) -> str | None: ...


@dataclass(frozen=True)
class CrawlSettings:
    as_of: date
    since: int | None = None
    revalidate: int = 20  # most recent notice pages of a source re-checked (conditionally) on updates
    update_pages: int = 3  # updates read this many pages of one index; past them only to reach a link they had
    update_reach: int = 25  # ... and at most this many (a burst of 500 rows; a column whose rows never store stops)
    new_pages: int = 200  # updates follow at most this many new links of a source a run (LEFT_OVER)
    deep_pages: int = DEEP_WALK_PAGES  # the daily deep walk (Mode.DEEP) reads this many whatever they reach
    max_pages: int = 500  # backfill bound per index
    workers: int = 4
    fetched_at: datetime | None = None  # pin every page's fetch time (tests comparing with replay)
    only_hosts: frozenset[str] | None = None  # with --base-url overrides: never fetch any other host


def _failure_reason(outcome: PageResult) -> FailureReason:
    if outcome.outcome is PageOutcome.UNUSABLE:
        return FailureReason.UNUSABLE_CONTENT
    return FailureReason.STORE_ERROR


def _read_links(body: bytes, url: str, content_type: str | None, *, plain: bool = False) -> tuple[IndexLink, ...]:
    """The links on an index page (``plain``: every link, for news sources). The link readers and the
    parsers behind them load here, on the first index with a body: a no-change run never loads them."""
    from scraper.links import extract_links, plain_links

    if plain:
        from scraper.charset import decode

        return plain_links(decode(body, content_type)[0], url)
    return extract_links(body, url, content_type)


def _canonical(links: tuple[IndexLink, ...]) -> tuple[IndexLink, ...]:
    """``links`` with their URLs as the store keeps URLs (:func:`scraper.fetch.urls.canonical_link`)."""
    return tuple(link if (url := canonical_link(link.url)) == link.url else dataclasses.replace(link, url=url)
                 for link in links)


def reached_known(wanted: list[str], fresh: list[str], known: set[str]) -> bool:
    """Whether an update walk has reached what it had: the page's last link (its oldest row) is stored or was
    listed before in this walk. A known link above new ones (a pinned old row on top of the list) is no end:
    stopping there left every new row past page 1 unread, for good (pages29)."""
    last = wanted[-1]
    return last in known or last not in fresh


# A 304 to an index's conditional request can be false: a server or CDN keeping an ETag (or a Last-Modified it compares
# If-Modified-Since against) while the list changed. Taken as "unchanged", a new notice went unread while every run
# exited 0, for as long as the validators lied: days over a restore with older file dates (health40 M19/M20). The
# daily deep walk (Mode.DEEP) asks each index page that answered 304 once more without validators, and the newest
# notice pages it re-checks (``revalidate``) without validators at all: a notice corrected in place (an entity
# replaced) under its old ETag stayed as first read, every run exit 0 (health40 M38). Such a miss lasts until the
# next UTC day's first cycle at most; its cost is one body a page a day.
FALSE_304 = "asked again without validators"
# A page read as no notice (a spokesperson's answer on another topic, or one published before its decision was written
# in: "中方将适时作出安排，有关情况将另行发布") is asked again, conditionally, by every update for this long after its bytes
# were first fetched, with the source's recent notice pages: edited in place to carry the decision, it was never asked
# again, the step missed for good while every run exited 0 (cycles58 M9). A few conditional requests a run.
OTHER_RECHECK = timedelta(days=2)


def pushed_off(url: str, before: list[str], after: list[str], *, days: tuple[date | None, date | None] = (None, None),
               sha: str | None = None, anchor: str | None = None) -> str | None:
    """:data:`GAP`'s text when ``after`` (an index's answer, newest row first) lists none of ``before`` (its last
    copy's links, ``MIN_HELD`` or more) and lists some, else None. Rows come in at the top: one row of the last copy
    still listed means every row newer than it is listed too. A last copy of one or two rows says too little, as to
    :func:`scraper.continuity.judge`: its rows withdrawn while new ones came in reads the same. ``days``: the dates of
    ``before``'s newest row and ``after``'s oldest, as the index gives them; ``sha``: the answer's SHA-256, ``anchor``
    the copy's before the gap (:data:`GAP_ANCHORS`)."""
    from scraper.continuity import MIN_HELD

    then = {_bare(link) for link in before}
    if len(then) < MIN_HELD or not after or any(_bare(link) in then for link in after):
        return None
    more = f" and {len(before) - 1} more" if len(before) > 1 else ""
    since = f"{days[0]:%Y-%m-%d}" if days[0] is not None else "the newest row of its copy before the gap"
    until = f"{days[1]:%Y-%m-%d}" if days[1] is not None else "the oldest row it lists now"
    anchors = GAP_ANCHORS.format(sha=sha, before=anchor) if sha is not None and anchor is not None else ""
    return GAP.format(url=url, n=len(before), lost=before[0] + more, oldest=after[-1], since=since, until=until,
                      sha=sha or "SHA-256", anchors=anchors)


def _bare(link: str) -> str:
    """A link without its query and fragment: the same notice listed with a tracking query is one row."""
    return link.split("#", 1)[0].split("?", 1)[0]


def deep_walk_due(last: datetime | None, now: datetime) -> bool:
    """Whether a source's update is the daily deep walk (:data:`DEEP_WALK_PAGES`): the first cycle of each UTC day,
    that is, none is stored or the last one (``last``, its start) was on an earlier UTC day than ``now``, which covers
    "more than 24 h ago". Read from the store, so it holds for cron and ``schedule`` alike and across restarts."""
    return last is None or last.astimezone(UTC).date() < now.astimezone(UTC).date()


def walk_ends(mode: Mode, n: int, *, reached: bool, deep_pages: int, behind: bool = False) -> bool:
    """Whether a walk ends at its page ``n``, where ``reached``: the page shows nothing new past it (it answered 304
    or the same bytes, or its last row is stored: :func:`reached_known`). A backfill reads on to the year; an update
    ends there; the daily deep walk not before page ``deep_pages`` (a row below stored ones is no news to a page
    above it: page 1 answers 304 while page 3 lists a notice dated back, pages29's st1b); nor any walk ``behind``: one
    that has not yet listed the last row an earlier walk read without reaching stored links (its
    ``discovery-incomplete`` warning)."""
    if mode is Mode.BACKFILL or behind or not reached:
        return False
    return mode is Mode.UPDATE or n >= deep_pages


@dataclass
class _Frontier:
    """An index's open ``discovery-incomplete`` warning in a walk: the last row an earlier walk read without reaching
    stored links, and the first page of this walk whose last row lies past it (the rows read by that walk are stored:
    only a row past them is one stored before the burst)."""

    detail: str | None = None
    last: str | None = None
    past: int | None = None

    def read(self, detail: str | None) -> None:
        """Take the warning's ``detail`` (None: no warning open)."""
        found = LAST_READ_RE.search(detail) if detail is not None else None
        self.detail, self.last = detail, found.group(1) if found else None

    def behind(self, n: int) -> bool:
        """Whether page ``n`` of this walk is not yet past the row."""
        return self.last is not None and (self.past is None or n < self.past)

    def listed(self, n: int, wanted: list[str]) -> None:
        """Page ``n`` lists ``wanted``: where the row is among them, the first page past it is this one or the next."""
        if self.last is not None and self.past is None and self.last in wanted:
            self.past = n + 1 if wanted[-1] == self.last else n


def column_of(url: str) -> str:
    """An index page's column: the folder of its path (``/zcfb/blgg/gg/2025/`` for ``…/2025/index.html``)."""
    path = urlsplit(url).path or "/"
    return path if path.endswith("/") else path.rsplit("/", 1)[0] + "/"


def leaves_column(url: str, final_url: str) -> bool:
    """Whether an index at ``url`` answered from a page outside its column (another folder, or another host than
    the same one with or without ``www.``)."""
    host, final_host = (urlsplit(u).hostname or "" for u in (url, final_url))
    if host.removeprefix("www.") != final_host.removeprefix("www."):
        return True
    return not (urlsplit(final_url).path or "/").startswith(column_of(url))


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


@dataclass
class _Tally:
    counts: RunCounters = field(default_factory=RunCounters)
    good: set[str] = field(default_factory=set)
    linked: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)
    warnings: list[Oddity] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)  # optional index pages that answered 404
    not_modified: dict[str, datetime] = field(default_factory=dict)  # URL -> when it answered 304
    walked: set[str] = field(default_factory=set)  # index pages fetched
    titles: dict[str, str] = field(default_factory=dict)  # article URL -> the title an index lists it under
    listed_by: dict[str, str] = field(default_factory=dict)  # new article URL -> page 1 of the first index listing it
    gaps: dict[str, str] = field(default_factory=dict)  # a one-page index -> why rows may be missing from it (GAP)
    # an index page's open index-gap problem (read with the mode's answer, GAP's text), kept until the rows are read
    open_gap: Callable[[str], str | None] = field(default=lambda _url: None)
    plan_links: dict[str, set[str]] = field(default_factory=dict)  # an index's page 1 -> the links its walk listed
    # an index page's open unfollowed-row warning (read with the mode's answer), kept while it answers as before
    unfollowed: Callable[[str], str | None] = field(default=lambda _url: None)
    joined: set[str] = field(default_factory=set)  # later pages and annex pages read joined to a notice's first page

    def read_joined(self, urls: Iterable[str]) -> None:
        """``urls`` read as pages of a notice (:mod:`scraper.joined`): no failure of theirs read alone stands (an index
        listing an annex page: read alone first, refused as cut short), nor are they read alone again this run."""
        self.joined.update(urls)
        self.good.update(urls)
        if any(f.url in self.joined for f in self.counts.failures):
            self.counts = dataclasses.replace(
                self.counts, failures=tuple(f for f in self.counts.failures if f.url not in self.joined))

    def count(self, *, fetched: int = 0, new: int = 0, changed: int = 0, unchanged: int = 0, links: int = 0) -> None:
        self.counts += RunCounters(fetched=fetched, new=new, changed=changed, unchanged=unchanged, links=links)

    def fail(self, url: str, reason: str, detail: str = "") -> None:
        self.counts += RunCounters(failures=(Failure(url, reason, detail),))

    def warn(self, url: str, reason: OddityReason, detail: str) -> None:
        """An oddity an operator should see (``status``, ``/healthz``), read right and failing nothing."""
        self.warnings.append(Oddity(url, reason, detail))


@dataclass(frozen=True)
class _Revisits:
    """What the store says a crawl fetches again whatever the indexes say (:meth:`Crawler._revisits`)."""

    mode: Mode  # how the source is crawled (its question answered)
    retry: list[str]  # not yet parsed whole
    recent: list[str]  # the newest notices, re-checked on updates
    asked: frozenset[str]  # the URLs whose validators were read
    validators: dict[str, tuple[str | None, str | None]]
    incomplete: dict[str, str] = field(default_factory=dict)  # index page 1 -> its open discovery-incomplete warning
    unfollowed: dict[str, str] = field(default_factory=dict)  # index page -> its open unfollowed-row warning
    joined: dict[str, bytes] = field(default_factory=dict)  # a notice's first page -> its stored joined copy
    gaps: dict[str, str] = field(default_factory=dict)  # index page 1 -> its open index-gap problem (GAP's text)


class Crawler:
    def __init__(
        self,
        fetcher: Fetcher,
        pages: PageIndex,
        ingest: IngestFn,
        settings: CrawlSettings,
        progress: ProgressFn | None = None,
        aside: Callable[[], None] | None = None,
        on_wire: Callable[[], None] | None = None,
        stop: StopRequest | None = None,
    ) -> None:
        """``aside``: work for the calling thread while the first article fetches wait on the network, started once
        the first article request is on its way (run once, by the first crawl that fetches articles). ``on_wire``: work to start (in a thread of its
        own: it must return at once) as soon as the first index request is on its way, not before
        (run once, by the first crawl). ``stop``: once it is asked, the crawl ends at its next page, raising
        :class:`~scraper.stop.CrawlStopped` (no report: what it stored is kept, the rest is the next run's)."""
        self.stop = stop
        self.aside = aside
        self.on_wire = on_wire
        self.fetcher = fetcher
        self.store = pages
        self.ingest = ingest
        self.settings = settings
        self.progress = progress or (lambda _source, _url: None)
        self.parsed = 0  # pages handed to the parser (ingest calls that were not skipped)
        self.parsed_indexes = 0  # of them, index pages: a list that shows a page's title changes with that title

    # -- one source ---------------------------------------------------------------------

    def crawl(self, source: Source, mode: Mode | ModeQuestion) -> SourceReport:
        """Crawl ``source`` in ``mode``, or in the mode a :data:`ModeQuestion` answers: asked while the first index
        request waits on the network when that request is the same in either mode, else first."""
        self._check_stop()
        started = _now()
        tally = _Tally()
        queue: dict[str, str | None] = {}  # article URL -> referer
        seen: set[str] = set()
        first_plan = self._first_plan(source, mode)
        if first_plan is None:
            if not isinstance(mode, Mode):
                mode = mode()  # the first request depends on the answer: asked before anything is sent
            plans = source.plans(mode, self.settings.as_of, self.settings.since)
            first_plan = plans[0] if plans else None
        question = mode
        pool = worker_pool(self.settings.workers)
        # The store reads below (the mode's question first) are read in another thread while the first index
        # request waits for its answer. They are CPU work (a process's first cycle sets up the ORM there), and so
        # is the work given as ``on_wire``: started only once that request is on its way, none of it delays sending it.
        first = self._first_request(first_plan) if first_plan is not None else None
        asked: list[Future[_Revisits]] = []

        def ask() -> None:
            if not asked:
                asked.append(pool.submit(self._revisits, source, question))
                if self.on_wire is not None:
                    on_wire, self.on_wire = self.on_wire, None
                    on_wire()

        def answered() -> Mode:  # (once the first index request is out: ``ask`` has run)
            return asked[0].result().mode

        def incomplete(url: str) -> str | None:  # (likewise)
            return asked[0].result().incomplete.get(url) if asked else None

        tally.unfollowed = lambda url: asked[0].result().unfollowed.get(url) if asked else None
        tally.open_gap = lambda url: asked[0].result().gaps.get(url) if asked else None

        try:
            if first_plan is not None:
                self._walk(source, first_plan, question if isinstance(question, Mode) else answered, tally, queue,
                           seen, first, sent=ask, incomplete=incomplete)
            ask()  # (no index request was sent)
            mode = answered()
            plans = source.plans(mode, self.settings.as_of, self.settings.since)
            for plan in plans[1:]:  # (the first is ``first_plan``, whatever the mode)
                self._walk(source, plan, mode, tally, queue, seen, incomplete=incomplete)
        finally:
            wait(asked)  # no store read outlives the crawl
        if plans and len(tally.absent) == len(plans):  # every index 404: the site moved, not "no news"
            tally.fail(plans[0].url, FailureReason.ZERO_LINKS, "none of the source's index pages exists (404)")
        plan_urls = {p.url for p in plans}
        revisits = asked[0].result()
        if mode is not Mode.BACKFILL and len(queue) > self.settings.new_pages:
            self._leave_over(queue, tally)
        for url in source.direct_pages():
            queue.setdefault(url, None)
        for url in revisits.retry:
            if url not in plan_urls and (source.wants(url) or url in source.direct_pages()):
                queue.setdefault(url, None)
        for url in revisits.recent:
            queue.setdefault(url, None)
        self._fetch_articles(source, queue, tally, revisits, pool)
        return SourceReport(
            source=source.name, started_at=started, finished_at=_now(), counts=tally.counts,
            # an optional index that answered 404 gave its normal answer ("not published yet"): an issue it
            # had (a challenge page while the site was blocked) is over, not open for good
            good_urls=frozenset(tally.good).union(tally.absent), linked_indexes=frozenset(tally.linked), notes=tuple(tally.notes),
            warnings=tuple(tally.warnings),
            not_modified=tuple(tally.not_modified.items()), backfill=revisits.mode is Mode.BACKFILL,
            deep=revisits.mode is Mode.DEEP,
            read_deep=revisits.mode is not Mode.UPDATE and not any(f.url in tally.walked for f in tally.counts.failures),
        )

    def _leave_over(self, queue: dict[str, str | None], tally: _Tally) -> None:
        """Leave the new links past the first ``new_pages`` for the next run (:data:`LEFT_OVER`), said for each index
        listing them; an index already warned of as incomplete in this walk (read on to a row further down) is told
        them in the same warning."""
        most = self.settings.new_pages
        left: dict[str, list[str]] = {}
        for url in list(queue)[most:]:
            del queue[url]
            left.setdefault(tally.listed_by.get(url, ""), []).append(url)
        for index, urls in left.items():
            at = next((i for i, w in enumerate(tally.warnings)
                       if w.url == index and w.reason == OddityReason.DISCOVERY_INCOMPLETE), None)
            if at is None:
                tally.warn(index, OddityReason.DISCOVERY_INCOMPLETE,
                           LEFT_OVER.format(url=index, n=len(urls), most=most, last=urls[-1]))
            else:
                old = tally.warnings[at]
                tally.warnings[at] = dataclasses.replace(
                    old, detail=old.detail + LEFT_OVER_TOO.format(n=len(urls), most=most))

    def _first_plan(self, source: Source, mode: Mode | ModeQuestion) -> IndexPlan | None:
        """For a mode still to be asked: the source's first index when it is the same in either mode (its first
        request can go out before the answer), else None. None for a mode given."""
        if isinstance(mode, Mode) or min(self.settings.max_pages, self.settings.update_pages) < 1:
            return None
        firsts = {plans[0] if plans else None
                  for plans in (source.plans(m, self.settings.as_of, self.settings.since) for m in Mode)}
        return firsts.pop() if len(firsts) == 1 else None

    def _revisits(self, source: Source, mode: Mode | ModeQuestion) -> _Revisits:
        """How the source is crawled (its question asked here), the pages fetched again whatever the indexes
        say, and their validators. Reading the indexes writes only index pages' rows, which neither list holds
        (they are notices, or the pages retried until they parse whole, minus the indexes), nor any run row,
        so the store is asked before the indexes answer."""
        mode = mode if isinstance(mode, Mode) else mode()
        retry = self.store.retry_urls(source.name)
        updating = mode is not Mode.BACKFILL
        now = self.settings.fetched_at if self.settings.fetched_at is not None else _now()
        recent = self.store.recent_notice_pages(source.name, self.settings.revalidate,
                                                since=now - OTHER_RECHECK) if updating else []
        asked = frozenset((*source.direct_pages(), *retry, *recent))
        incomplete = self.store.open_warnings(source.name, OddityReason.DISCOVERY_INCOMPLETE)
        unfollowed = {} if source.news else self.store.open_warnings(source.name, OddityReason.UNFOLLOWED_ROW)
        joined = {} if source.news else self.store.joined_copies(asked)
        gaps = {} if source.news else self.store.open_gaps(source.name)
        return _Revisits(mode, retry, recent, asked, self.store.validators(asked), incomplete, unfollowed, joined,
                         gaps)

    def _check_stop(self) -> None:
        """End the crawl here if the process was asked to stop (a page boundary: no page is half stored)."""
        if self.stop is not None:
            self.stop.check()

    def _request(self, url: str, referer: str | None = None) -> FetchRequest:
        etag, last_modified = self.store.validators([url]).get(url, (None, None))
        return FetchRequest(url=url, etag=etag, last_modified=last_modified, referer=referer)

    def _first_request(self, plan: IndexPlan) -> FetchRequest | None:
        url = plan.page_url(1)
        return None if url is None else self._request(url, plan.referer)

    def _walk(self, source: Source, plan: IndexPlan, mode: Mode | ModeQuestion, tally: _Tally,
              queue: dict[str, str | None], seen: set[str], first: FetchRequest | None = None,
              sent: Callable[[], None] | None = None, incomplete: Callable[[str], str | None] | None = None) -> None:
        """``first``: the request for the plan's first page, if already made (:meth:`_first_request`); ``sent``:
        called once that page's request is on its way (:meth:`Fetcher.fetch`). ``mode``: a question is asked once
        the first page has answered (it then decides what to make of it; :meth:`_first_plan`). ``incomplete``: the
        open ``discovery-incomplete`` warning of an index's page 1 (read with the mode's answer): a walk that ends in
        a failure before it has read on past its last row keeps it open."""
        frontier = _Frontier()
        failed = len(tally.counts.failures)
        self._walk_pages(source, plan, mode, tally, queue, seen, frontier, first, sent,
                         incomplete or (lambda _url: None))
        if frontier.detail is not None and len(tally.counts.failures) > failed:
            tally.warn(plan.url, OddityReason.DISCOVERY_INCOMPLETE, frontier.detail)  # not read on: still open
        if (gap := tally.open_gap(plan.url)) is not None:
            self._gap_kept(source, plan.url, gap, tally)

    def _gap_kept(self, source: Source, url: str, gap: str, tally: _Tally) -> None:
        """An index with an open ``index-gap`` problem (:data:`GAP`), walked: closed when its walk listed a row its
        copy before the gap listed (every row between is listed, so followed: :data:`GAP_READ`, a note), else a
        failure of this run again, the same text, whatever the answer (a 304, the same rows, new rows on top): the rows
        pushed off are still unread, and what they could falsify stays held back (``storage.health.held_sources``)
        until they are read or a person accepts the gap (``mofcom-watch accept URL SHA``, cycles58's B4: the next
        run, held to the copy read, saw no gap, and the held lapse was published, exit 0). A walk that failed on the
        page otherwise keeps it open (not among the good URLs) and adds nothing; one that found a new gap on top has
        failed with the wider one (:meth:`_not_this_index`)."""
        if url in tally.gaps or any(f.url == url for f in tally.counts.failures):
            return
        listed = {_bare(link) for link in tally.plan_links.get(url, ())}
        anchor = GAP_BEFORE_RE.search(gap)
        copy = self.store.stored_index(url, anchor.group(1)) if anchor else None
        if copy is not None and listed:
            before = [link.url for link in _canonical(_read_links(copy[0], url, copy[1])) if source.wants(link.url)]
            if again := next((link for link in before if _bare(link) in listed), None):
                tally.notes.append(GAP_READ.format(url=url, link=again))
                return
        tally.good.discard(url)
        tally.fail(url, FailureReason.INDEX_GAP, gap)

    def _walk_pages(self, source: Source, plan: IndexPlan, mode: Mode | ModeQuestion, tally: _Tally,
                    queue: dict[str, str | None], seen: set[str], frontier: _Frontier, first: FetchRequest | None,
                    sent: Callable[[], None] | None, incomplete: Callable[[str], str | None]) -> None:
        """:meth:`_walk`'s pages, one after the other; ``frontier`` read once page 1 has answered."""
        n = 1
        before = 0  # links on the page before
        size = plan.page_size  # rows of a full page: asked, or as the list answers them (PAGED_SHORT)
        probe: int | None = None  # rows of a short page whose next page is asked (once a walk), to see it is the end
        probed = False
        pages: int | None = None  # how many pages the page before says the index has (a TRS pager), if it says
        while not isinstance(mode, Mode) or n <= self._page_limit(mode, frontier):
            url = plan.page_url(n)
            if url is None:
                return
            self._check_stop()
            result = self.fetcher.fetch(first if n == 1 and first is not None else self._request(url, plan.referer),
                                        sent=sent if n == 1 else None)
            self._check_stop()  # (a fetch the stop cut short answers "stopped": not this index's failure)
            if not isinstance(mode, Mode):
                mode = mode()
            if result.not_modified and mode is Mode.DEEP:  # (FALSE_304)
                self._check_stop()
                result = self.fetcher.fetch(FetchRequest(url=url, referer=plan.referer))
                self._check_stop()
            if n == 1:  # (read with the mode's answer, once page 1's request is out)
                frontier.read(incomplete(plan.url))
            tally.walked.add(url)
            self.progress(source.name, url)
            if not result.ok:
                if result.error == "not-found" and n > 1 and pages is not None and n <= pages:
                    tally.fail(url, result.error, PAGE_GONE.format(detail=result.detail, n=n, pages=pages))
                    return
                if (result.error == "not-found" and n == 1 and plan.optional and self.store.stored_index(url) is not None
                        and not self.store.gone_checked(url)):
                    # an index read before (a copy is stored) is no year "not published yet": it is gone (its column
                    # moved, as 2025's to "2025nswbgg"), and notices listed only where it went would go unread while
                    # health stayed green (health38 K73); unless a person checked it gone (accept URL gone)
                    tally.fail(url, result.error, f"{result.detail}: {INDEX_GONE}")
                    return
                if result.error == "not-found" and (n > 1 or plan.optional):
                    if n == 1:
                        tally.notes.append(f"{url}: not published (404)")
                        tally.absent.append(url)
                    return
                tally.fail(url, result.error or "error", result.detail)
                return
            tally.count(fetched=1)
            tally.good.add(url)
            if result.final_url != url and leaves_column(url, result.final_url):
                tally.warn(url, OddityReason.OUT_OF_COLUMN,
                           OUT_OF_COLUMN.format(url=url, final=result.final_url, column=column_of(url)))
            links: tuple[IndexLink, ...]
            if result.not_modified:
                tally.count(unchanged=1)
                tally.not_modified[url] = self._fetched_at(result)
                self._keep_unfollowed(url, tally)
                if n == 1 and plan.one_list and not source.news:
                    self._keep_shrunk(source, url, tally)  # the same answer: still short of its whole copy
                if walk_ends(mode, n, reached=True, deep_pages=self.settings.deep_pages, behind=frontier.behind(n)):
                    return  # unchanged since last run: nothing new here, nothing to parse
                stored = self.store.stored_body(url)
                links = _read_links(stored[0], url, stored[1]) if stored else ()
                pages = stated_pages(stored[0] if stored else b"")
            else:
                if n == 1 and plan.one_list and (
                        wrong := self._not_this_index(source, url, result, tally, plan.year,
                                                      one_page=plan.page_url(2) is None and mode is not Mode.BACKFILL)):
                    tally.good.discard(url)  # not stored: the index's last copy stays what the next answer is held to
                    tally.fail(url, FailureReason.WRONG_PAGE, wrong)
                    return
                outcome = self._ingest(source, result, index=True)
                if not outcome.usable:
                    tally.good.discard(url)
                    tally.fail(url, _failure_reason(outcome), outcome.detail or "")
                    return
                if outcome.links and outcome.warnings:  # rows listed that cannot be followed (no URL): said
                    tally.notes.extend(f"{url}: {warning}" for warning in outcome.warnings)
                if outcome.skipped:  # the same bytes: the same rows
                    self._keep_unfollowed(url, tally)
                elif outcome.same_bytes and n == 1:  # other bytes read as the last kept copy: not stored (index47)
                    self._name_kept(url, result.body or b"", tally)
                if outcome.skipped and mode is not Mode.BACKFILL:
                    tally.count(unchanged=1)
                    if walk_ends(mode, n, reached=True, deep_pages=self.settings.deep_pages, behind=frontier.behind(n)):
                        return  # the same bytes as last time (a server without validators): nothing new
                if source.news:  # news sites and feeds: any link on the page, the source's pattern decides
                    links = _read_links(result.body or b"", url, result.content_type, plain=True)
                else:
                    links = outcome.links or _read_links(result.body or b"", url, result.content_type)
                pages = stated_pages(result.body or b"")
            if not source.news:  # (a news source's links may name other sites, as they are written)
                links = _canonical(links)
            wanted = list(dict.fromkeys(link.url for link in links if source.wants(link.url)))
            tally.plan_links.setdefault(plan.url, set()).update(wanted)  # (an open gap closes on a row of before it)
            if not source.news and not result.not_modified and not outcome.skipped:
                self._warn_unfollowed(source, url, result, tally)
            elsewhere: list[str] = []
            if self.settings.only_hosts is not None:
                elsewhere = [u for u in wanted if host_of(u) not in self.settings.only_hosts]
                if elsewhere:
                    tally.notes.append(f"{len(elsewhere)} link(s) to hosts without a --base-url not followed")
                    wanted = [u for u in wanted if u not in elsewhere]
            if not wanted:
                if elsewhere:  # the index works; its links are only out of this run's reach
                    tally.linked.add(url)
                    return
                if n == 1:
                    tally.good.discard(url)
                    tally.fail(url, FailureReason.ZERO_LINKS, f"{len(links)} links on the page, none usable")
                return
            tally.linked.add(url)
            tally.count(links=len(wanted))
            fresh = [u for u in wanted if u not in seen]
            if not fresh:
                if n > 1 and size is not None and before <= size and probe is None:
                    # a full page, then the same links: the list no longer pages, what lies past it is out of
                    # reach, not absent. (An index of unknown page size, e.g. a TRS site that sends a page past
                    # its last back to its first, ends here as before.)
                    tally.good.discard(url)
                    tally.linked.discard(url)
                    tally.fail(url, FailureReason.ZERO_LINKS, REPEATED_PAGE.format(n=n))
                return  # the same links again: the endpoint ignores the page number (or a short page was the last)
            if probe is not None:  # a short page, and more rows past it: the list pages by fewer rows than asked
                tally.notes.append(PAGED_SHORT.format(url=plan.url, k=probe, size=size))
                size, probe = probe, None
            before = len(wanted)  # (more than page_size: the endpoint answered its whole list at once, a repeat is no loss)
            seen.update(fresh)
            for link in links:  # (the first index to list a page names it)
                if link.title:
                    tally.titles.setdefault(link.url, link.title)
            known = self.store.known(fresh)
            for u in fresh:
                if u not in known:
                    queue.setdefault(u, plan.referer)
                    tally.listed_by.setdefault(u, plan.url)
            frontier.listed(n, wanted)  # the row an earlier walk read last: past it, read to links already stored
            if (gap := tally.gaps.get(url)) is not None:  # (its rows followed, its copy kept: still a failure, GAP)
                tally.good.discard(url)
                tally.fail(url, FailureReason.INDEX_GAP, gap)
            if mode is not Mode.BACKFILL and walk_ends(mode, n, reached=reached_known(wanted, fresh, known), deep_pages=self.settings.deep_pages, behind=frontier.behind(n)):
                usual = self.settings.update_pages if mode is Mode.UPDATE else self.settings.deep_pages
                if frontier.past is not None:
                    tally.notes.append(CAUGHT_UP.format(url=plan.url, last=frontier.last, n=n))
                elif n > usual:
                    tally.notes.append(WALKED_ON.format(url=plan.url, n=n, usual=usual))
                return  # reached links we already have
            if size is not None and len(wanted) < size:
                if probed:
                    return  # a short page is the last one
                probe, probed = len(wanted), True  # ... once its next page lists nothing new: a list capped at fewer rows a page
                n += 1  # than asked answered short pages from page 1 on, and a walk read only page 1 (pages30)
                continue
            if mode is not Mode.BACKFILL and n == self._page_limit(mode, frontier):
                # as far as an update may read, and no link already stored reached: said until a walk reads on
                # from here (still behind an earlier walk's last row: that one is kept, the rows past it unread)
                detail = frontier.detail if frontier.behind(n) and frontier.detail else NOT_REACHED.format(
                    column=column_of(plan.referer or plan.url), n=n, url=plan.url, last=wanted[-1])
                frontier.detail = None  # (said here, not again by _walk)
                tally.warn(plan.url, OddityReason.DISCOVERY_INCOMPLETE, detail)
            n += 1

    def _not_this_index(self, source: Source, url: str, result: FetchResult, tally: _Tally,
                        year: int | None = None, *, one_page: bool = False) -> str | None:
        """Why the answer to an index's page 1 is another page (:mod:`scraper.continuity`), or None; a lesser
        oddity is a warning (``OddityReason.INDEX_CHANGED``, ``INDEX_SHRUNK``: kept while the index answers short of
        its whole copy). Judged on an answer whose bytes differ from the index's last copy; ``year``: an annual
        index's, whose answer must not be named for other years only, history or none; ``one_page``: an index with
        no page 2, read by an update: an answer read as the index that lists none of its last copy's links is a gap
        (``tally.gaps``, :data:`GAP`)."""
        last = self.store.stored_index(url)
        body = result.body or b""
        if last is not None and last[0] == body:
            self._keep_shrunk(source, url, tally)  # the same answer: still short of its whole copy
            return None
        from scraper.charset import decode
        from scraper.continuity import judge, other_year, page_name, runs_newest_first

        if year is not None and (another := other_year(url, page_name(decode(body, result.content_type)[0]), year)):
            return f"{another.detail} (answer SHA-256 {sha256(body).hexdigest()}, not stored)"
        if last is None:
            return None

        def listed(raw: bytes, content_type: str | None) -> list[IndexLink]:
            return [link for link in _canonical(_read_links(raw, url, content_type)) if source.wants(link.url)]

        def followed(raw: bytes, content_type: str | None) -> list[str]:
            return [link.url for link in listed(raw, content_type)]

        answer = listed(body, result.content_type)
        after, after_name = [link.url for link in answer], page_name(decode(body, result.content_type)[0])
        verdict = judge(url, followed(*last), after, page_name(decode(last[0], last[1])[0]), after_name,
                        self.store.known, newest_first=runs_newest_first([link.date for link in answer]))
        if verdict is not None and verdict.wrong:
            return f"{verdict.detail} (answer SHA-256 {sha256(body).hexdigest()}, not stored)"
        if one_page and pushed_off(url, followed(*last), after) is not None:
            # held to the copy before an open gap (a new one on top widens it: the rows between are all unread)
            held = GAP_BEFORE_RE.search(tally.open_gap(url) or "")
            before = (self.store.stored_index(url, held.group(1)) if held else None) or last
            rows = listed(*before)
            tally.gaps[url] = pushed_off(url, [link.url for link in rows], after,
                                         days=(rows[0].date if rows else None, answer[-1].date),
                                         sha=sha256(body).hexdigest(), anchor=sha256(before[0]).hexdigest()
                                         ) or pushed_off(url, followed(*last), after)  # (before lists a row: never)
        shrunk = self.store.open_warning(source.name, url, OddityReason.INDEX_SHRUNK)
        whole = found.group(1) if shrunk is not None and (found := WHOLE_RE.search(shrunk)) else None
        if verdict is not None and verdict.shrunk:
            whole = whole or sha256(last[0]).hexdigest()
            tally.warn(url, OddityReason.INDEX_SHRUNK, SHRUNK.format(detail=verdict.detail, sha=whole, url=url,
                                                                     answer=sha256(body).hexdigest()))
            return None
        if verdict is not None:
            tally.warn(url, OddityReason.INDEX_CHANGED, verdict.detail)
        if whole is not None and (copy := self.store.stored_index(url, whole)) is not None:
            # an index short of its whole copy stays so until it lists what that copy listed, or new notices pushed
            # as many off (held to that copy, not to the short one it answered since)
            again = judge(url, followed(*copy), after, page_name(decode(copy[0], copy[1])[0]), after_name,
                          self.store.known, held_to="its whole copy")
            if again is not None and again.shrunk:
                tally.warn(url, OddityReason.INDEX_SHRUNK, SHRUNK.format(detail=again.detail, sha=whole, url=url,
                                                                         answer=sha256(body).hexdigest()))
        return None

    def _warn_unfollowed(self, source: Source, url: str, result: FetchResult, tally: _Tally) -> None:
        """An index page's rows titled with a notice's number whose link the source does not follow: a warning."""
        from scraper.charset import decode
        from scraper.unfollowed import unfollowed_detail, unfollowed_rows

        if rows := unfollowed_rows(decode(result.body or b"", result.content_type)[0], url, source.wants):
            tally.warn(url, OddityReason.UNFOLLOWED_ROW, unfollowed_detail(rows))

    def _keep_unfollowed(self, url: str, tally: _Tally) -> None:
        """An index page that answers as before (304, the same bytes): its rows are as they were, its warning too."""
        if (detail := tally.unfollowed(url)) is not None:
            tally.warn(url, OddityReason.UNFOLLOWED_ROW, detail)

    def _name_kept(self, url: str, body: bytes, tally: _Tally) -> None:
        """An index answer whose rows read as its last kept copy's, so not stored (``pipeline._index_as_kept``): its
        ``index-shrunk`` warning names that copy's SHA-256, which ``accept URL SHA`` takes (the last answer read as
        the index), not the answer's own. Named by the answer, which changes at every fetch (a visit counter), the
        command refused, and the warning's text, a source-health item, changed every cycle."""
        answer = sha256(body).hexdigest()
        for i, warning in enumerate(tally.warnings):
            if warning.url == url and warning.reason == OddityReason.INDEX_SHRUNK and answer in warning.detail:
                if (kept := self.store.stored_index(url)) is None:
                    return
                sha = sha256(kept[0]).hexdigest()
                detail = warning.detail.replace(answer, sha).replace(f"{url} {answer[:12]}", f"{url} {sha[:12]}")
                tally.warnings[i] = dataclasses.replace(warning, detail=detail)

    def _keep_shrunk(self, source: Source, url: str, tally: _Tally) -> None:
        """An index that answers as it did, short of its whole copy: its ``index-shrunk`` warning stays."""
        if (detail := self.store.open_warning(source.name, url, OddityReason.INDEX_SHRUNK)) is not None:
            tally.warn(url, OddityReason.INDEX_SHRUNK, detail)

    def _page_limit(self, mode: Mode, frontier: _Frontier | None = None) -> int:
        """Pages read of one index: every one back to the year on a backfill; on an update, until a page reaches
        links it had (:func:`reached_known`), at most ``update_reach`` (the deep walk: at least ``deep_pages``),
        counted from the page listing an earlier walk's last row where one is open (``frontier``: up to the
        backfill's bound while it is not found)."""
        s = self.settings
        if mode is Mode.BACKFILL or (frontier is not None and frontier.last is not None and frontier.past is None):
            return s.max_pages
        reach = max(s.update_pages, s.update_reach, s.deep_pages if mode is Mode.DEEP else 0)
        return reach + (frontier.past - 1 if frontier is not None and frontier.past is not None else 0)

    def _fetched_at(self, result: FetchResult) -> datetime:
        return self.settings.fetched_at if self.settings.fetched_at is not None else result.fetched_at

    def _ingest(self, source: Source, result: FetchResult, *, index: bool = False,
                listed_as: str | None = None, parts: tuple[FetchResult, ...] = ()) -> PageResult:
        if self.settings.fetched_at is not None:
            result = dataclasses.replace(result, fetched_at=self.settings.fetched_at)
            parts = tuple(dataclasses.replace(part, fetched_at=self.settings.fetched_at) for part in parts)
        outcome = self.ingest(CrawledPage(source.name, result, listed_as, parts))
        if not outcome.skipped:
            self.parsed += 1
            self.parsed_indexes += index
        return outcome

    def _fetch_articles(self, source: Source, queue: dict[str, str | None], tally: _Tally, revisits: _Revisits,
                        pool: Executor) -> None:
        """Every queued page, fetched in ``pool``, conditionally where the store holds validators."""
        if self.settings.only_hosts is not None:
            queue = {u: r for u, r in queue.items() if host_of(u) in self.settings.only_hosts}
        if not queue:
            return
        stored = dict(revisits.validators)
        rest = [u for u in queue if u not in revisits.asked or u in tally.walked]  # an index read may have rewritten it
        if rest:
            stored.update(self.store.validators(rest))
        for url in revisits.recent if revisits.mode is Mode.DEEP else ():  # asked whole once a day (FALSE_304)
            stored.pop(url, None)
        requests = [
            FetchRequest(url=url, etag=stored.get(url, (None, None))[0], last_modified=stored.get(url, (None, None))[1],
                         referer=referer)
            for url, referer in queue.items()
        ]
        sent = threading.Event()  # the first request is on its way (or its fetch is over)
        futures = [pool.submit(self.fetcher.fetch, requests[0], sent=sent.set),
                   *(pool.submit(self.fetcher.fetch, request) for request in requests[1:])]
        futures[0].add_done_callback(lambda _done: sent.set())
        stopped: Future[None] = Future()  # done when the stop is asked: the wait for the next answer ends then
        forget = self.stop.on_set(lambda: stopped.set_result(None)) if self.stop is not None else None
        try:
            if self.aside is not None:
                aside, self.aside = self.aside, None
                sent.wait()  # CPU work: started before the first request is out, it would delay sending it
                aside()
            left = len(futures)  # (``stopped`` comes only with the stop: the loop ends after the last answer)
            for future in as_completed([*futures, stopped] if forget is not None else futures):
                self._check_stop()  # (an answer that came meanwhile is left: the next run fetches it again)
                result = future.result()
                self.progress(source.name, result.url)
                self._article_done(source, result, tally, revisits)
                left -= 1
                if not left:
                    break
        finally:  # a failed ingest stops the crawl: no fetch of it may outlive it in the kept pool
            if forget is not None:
                forget()
            for future in futures:
                future.cancel()
            wait(futures)  # (after a stop: at once, the fetches in flight cut short)

    def _joined(self, source: Source, result: FetchResult, tally: _Tally, read: list[str],
                had: dict[str, tuple[FetchResult, Part | None]] | None = None,
                ) -> tuple[FetchResult, tuple[FetchResult, ...]] | None:
        """Page 1 of a notice with its next pages and linked annex pages (:mod:`scraper.joined`) as one joined copy,
        each fetched now (same host, as the page is; their URLs added to ``read``); None: the page is read alone (it
        links none it needs, or one is not had: loud as before, said in a note). ``had``: pages asked already this
        run (:meth:`_parts_again`), each answer with the stored page it is (a 304: those bytes again)."""
        from scraper.joined import fetched, joined_copy, may_continue
        from storage.vocabulary import JOINED_TYPE

        body = result.body or b""
        if source.news or not may_continue(body, result.url):  # (a news site's pages are read by the news parser, one by one)
            return None
        missed: list[str] = []
        answers: list[FetchResult] = []

        def fetch(url: str) -> tuple[str, object] | None:
            if host_of(url) != host_of(result.url):
                missed.append(f"{url} (another host)")
                return None
            answer, stored = (had or {}).get(url) or (self.fetcher.fetch(FetchRequest(url=url, referer=result.url)), None)
            answers.append(answer)
            if answer.ok and answer.not_modified and stored is not None:  # unchanged since it was read
                return fetched(answer.url, stored.body, stored.content_type)
            if not answer.ok or answer.not_modified or not answer.body:
                missed.append(f"{url} ({answer.error or answer.status}{f': {answer.detail}' if answer.detail else ''})")
                return None
            return fetched(answer.url, answer.body, answer.content_type)

        found = joined_copy(body, result.url, result.content_type, fetch)  # type: ignore[arg-type]
        if found is None or isinstance(found, str):
            if found is not None:  # (page 1 alone is loud: cut short, or short of its count)
                tally.notes.append(f"{result.url}: {missed[0] + ' was not had' if missed else found}: the notice is "
                                   "read from this page alone")
            return None
        joined, parts = found
        tally.count(fetched=len([p for p in parts if p.url not in (had or {})]))  # (those had: counted when asked)
        read.extend(part.url for part in parts)
        return dataclasses.replace(result, body=joined, content_type=JOINED_TYPE), tuple(answers)

    def _parts_again(self, source: Source, result: FetchResult, stored: bytes, tally: _Tally, *, whole: bool
                     ) -> tuple[FetchResult | None, tuple[FetchResult, ...], list[str]] | None:
        """A notice's first page read joined (``stored``: its joined copy) that answered unchanged (304, or the same
        bytes from a server sending no validators): its other pages are asked again too, each conditionally on its
        own validators (``whole``: none, the daily deep walk's FALSE_304), as it is; a page 2 changing behind page 1
        went unseen until page 1 was asked whole (crawl47's open B), and a server sending no validators had every page
        fetched and read again each run (each page's bytes are compared now: none parsed while all are as stored).
        None: page 1 changed (read afresh, its pages with it). Else what to store (None: nothing, every page answered
        304), the pages' answers and the URLs read as its pages: the joined copy as stored (every page the same), or
        the notice read afresh from its pages (one changed or failed: the answers had reused; a page failing leaves
        page 1 read alone, loud, as when page 1 changes)."""
        from scraper.joined import split
        from storage.vocabulary import JOINED_TYPE

        try:
            first, *parts = split(stored)
        except ValueError:
            return None
        if not parts or not (result.not_modified or result.body == first.body):
            return None
        # each page's validators only where its latest stored copy is the bytes this joined copy holds: a 304 stands
        # for those (an annex page two notices link, corrected and read with the one: its validators answer for the
        # new bytes, and a 304 to the other stood for its old copy, its correction never read, silently; review53)
        validators = {} if whole else self.store.validators(
            [part.url for part in parts], of={part.url: sha256(part.body).hexdigest() for part in parts})
        had: dict[str, tuple[FetchResult, Part | None]] = {}
        for part in parts:
            etag, modified = validators.get(part.url, (None, None))
            self._check_stop()
            answer = self.fetcher.fetch(FetchRequest(url=part.url, etag=etag, last_modified=modified, referer=result.url))
            had[part.url] = (answer, part)
            tally.count(fetched=answer.ok)
        answers = tuple(answer for answer, _part in had.values())
        page1 = result if not result.not_modified else dataclasses.replace(
            result, status=200, body=first.body, content_type=first.content_type)
        if all(answer.ok and (answer.not_modified or (answer.body == part.body and answer.final_url == answer.url
                                                      and answer.content_type == part.content_type))
               for answer, part in had.values() if part is not None):
            if result.not_modified and all(answer.not_modified for answer in answers):
                for answer in answers:
                    tally.not_modified[answer.url] = self._fetched_at(answer)
                tally.good.update(had)
                return None, answers, [part.url for part in parts]
            return dataclasses.replace(page1, body=stored, content_type=JOINED_TYPE), answers, [p.url for p in parts]
        if any(answer.ok and not answer.not_modified for answer in answers):
            # a page changed: those that answered 304 are asked again, whole. A 304 stands for the bytes the stored
            # joined copy holds, while a page's validators may answer for other bytes that read the same (a check,
            # churn47; its other pages', crawl49): an entity moved from page 2 to page 1 (both pages changed, the
            # notice reading the same), then page 2 corrected, joined page 1's old bytes with page 2's new ones, a copy
            # the site never served: the entity lost (held as cut short for a run, exit 1) or named twice, the items
            # citing page 1's old bytes (review56's B4). Only when a page changed: a few requests, rarely.
            had = {url: found for url, found in had.items() if not found[0].not_modified}
            if result.not_modified:
                self._check_stop()
                whole_page1 = self.fetcher.fetch(FetchRequest(url=result.url))
                tally.count(fetched=whole_page1.ok)
                if not whole_page1.ok:  # page 1 not had as served: read alone, loud, as when another page fails (its
                    # stored bytes joined with the others' new ones were the copy never served, silently; review58)
                    tally.notes.append(f"{result.url}: asked again whole: {whole_page1.error or whole_page1.status}"
                                       f"{f': {whole_page1.detail}' if whole_page1.detail else ''}: the notice is read "
                                       "from this page alone")
                    return page1, answers, []
                if not whole_page1.not_modified and whole_page1.body:
                    page1 = whole_page1
        read: list[str] = []
        joined = self._joined(source, page1, tally, read, had)
        return (page1, answers, []) if joined is None else (joined[0], joined[1], read)

    def _article_done(self, source: Source, result: FetchResult, tally: _Tally, revisits: _Revisits | None = None) -> None:
        if result.ok and result.final_url != result.url and source.wants(result.url) and not source.wants(result.final_url):
            # an article redirected to the home page, a column or a login page: the article is gone (a soft 404),
            # and what answered is not it (stored under the article's URL it would read as an index, silently)
            result = dataclasses.replace(result, error=NOT_FOUND, body=None,
                                         detail=f"redirected to {result.final_url}, which is not an article page")
        if not result.ok:
            elsewhere = self.store.moved(result.url) if result.error == NOT_FOUND else None
            if elsewhere is not None:  # the site moved the page: its notice is at its new URL too (read from there, or
                # still from this page's last copy, where the two read alike: "is read at" was not so then, probe48)
                tally.notes.append(f"{result.url}: gone ({result.detail}); its notice is also at {elsewhere}, which "
                                   "answers")
                tally.good.add(result.url)
                return
            tally.fail(result.url, result.error or "error", result.detail)
            return
        tally.count(fetched=1)
        parts: list[str] = []
        answers: tuple[FetchResult, ...] = ()
        stored = revisits.joined.get(result.url) if revisits is not None and not source.news else None
        again = None if stored is None else self._parts_again(
            source, result, stored, tally, whole=revisits is not None and revisits.mode is Mode.DEEP
            and result.url in revisits.recent)
        if again is not None:  # a notice read joined, its first page unchanged: its other pages asked again
            store, answers, parts = again
            if store is None:  # every page answered 304
                tally.count(unchanged=1)
                tally.good.add(result.url)
                tally.not_modified[result.url] = self._fetched_at(result)
                return
            result = store
        elif result.not_modified:
            tally.count(unchanged=1)
            tally.good.add(result.url)
            tally.not_modified[result.url] = self._fetched_at(result)
            return
        elif result.url in tally.joined:  # read this run as a page of a notice, joined to its first page
            return
        elif result.body and (joined := self._joined(source, result, tally, parts)) is not None:
            result, answers = joined
        outcome = self._ingest(source, result, listed_as=tally.titles.get(result.url), parts=answers)
        if parts and outcome.usable:
            tally.read_joined(parts)
        if not outcome.usable:
            tally.fail(result.url, _failure_reason(outcome), outcome.detail or "")
            return
        if outcome.incomplete:  # stored as read, but fetched again until it parses whole
            tally.fail(result.url, FailureReason.INCOMPLETE,
                       f"{outcome.notice_key}: {outcome.parsed_count} of the {outcome.stated_count} entities it states")
            return
        tally.good.add(result.url)
        if outcome.new or (outcome.outcome is PageOutcome.NEWS and not (outcome.skipped or outcome.same_bytes)):
            tally.count(new=1)
        elif outcome.changed:
            tally.count(changed=1)
        else:
            tally.count(unchanged=1)
