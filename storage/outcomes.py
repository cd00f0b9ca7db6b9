"""What fetching and ingesting one page came to: plain typed records, no ORM.

The crawler (``scraper``) reads these and the pipeline (``mofcom_watch``) writes them, so
they live in ``storage``, the one package both may import, beside the records they carry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from storage.records import IndexLink
from storage.vocabulary import Failure, Oddity, RunCounters


class PageOutcome(StrEnum):
    """What a page's bytes were taken for (also the ``Snapshot.outcome`` column)."""

    NOTICE = "notice"
    INDEX = "index"
    OTHER = "other"  # a real page that is neither: kept as a snapshot only
    NEWS = "news"  # a news report: a NewsReport row, never a state change
    UNUSABLE = "unusable"  # bot check, error page, shell, cut short: a health issue
    ERROR = "error"  # the parser or the store failed: nothing of the page was used
    # refused by the parser for a person to read (needs-review), and a person read these bytes (``mofcom-watch
    # accept URL SHA256``, :mod:`storage.reviews`): no problem any more, yet nothing of it is a notice or a feed item
    READ_BY_PERSON = "read-by-person"
    # a later page or a linked annex page of a notice (session 47, ``scraper.joined``): its own bytes under its own URL,
    # read joined to the notice's first page, whose stored copy (the joined one) holds it whole; cited by its SHA-256
    PART = "part"

    @property
    def usable(self) -> bool:
        return self not in (PageOutcome.UNUSABLE, PageOutcome.ERROR)


USABLE_OUTCOMES = frozenset(o.value for o in PageOutcome if o.usable)
UNUSABLE_OUTCOMES = tuple(sorted(o.value for o in PageOutcome if not o.usable))  # few rows: looked up by index
# the pages re-checked as recent notices (``storage.pages.PageStore.recent_notice_pages``): a page a person read in
# place of the parser too, so that a new copy of it is judged afresh
NOTICE_OUTCOMES = frozenset({PageOutcome.NOTICE.value, PageOutcome.NEWS.value, PageOutcome.READ_BY_PERSON.value})


@dataclass(frozen=True)
class PageResult:
    """What ingesting one page did."""

    url: str
    outcome: PageOutcome
    sha256: str
    notice_key: str | None = None
    new: bool = False  # a notice key not stored before
    changed: bool = False  # a stored notice's substance changed
    detail: str | None = None
    links: tuple[IndexLink, ...] = ()
    warnings: tuple[str, ...] = ()
    skipped: bool = False  # not parsed again: the same bytes as the page's last snapshot, read by the same parser
    # (whole; or short of its stated count, then reported again as stored, still ``incomplete``)
    same_bytes: bool = False  # the page's last snapshot already had these bytes (skipped, or parsed again)
    revision: int | None = None
    stated_count: int | None = None
    parsed_count: int | None = None
    incomplete: bool = False  # a notice read with fewer entities than it states: fetched again next run
    url_added: bool = False  # a stored notice's page it did not have (an alias, a reprint): a URL added to it

    @property
    def usable(self) -> bool:
        return self.outcome.usable


@dataclass(frozen=True)
class SourceReport:
    """What crawling one source did in one run (built by the crawler, stored by ``record_source_run``)."""

    source: str
    started_at: datetime
    finished_at: datetime
    counts: RunCounters = field(default_factory=RunCounters)
    good_urls: frozenset[str] = frozenset()  # URLs that answered with usable content (or 304) this run
    linked_indexes: frozenset[str] = frozenset()  # index URLs that yielded links this run
    not_modified: tuple[tuple[str, datetime], ...] = ()  # (URL, fetch time) of each 304: checked, unchanged
    notes: tuple[str, ...] = ()  # informational, not problems (e.g. "2026 index not published")
    warnings: tuple[Oddity, ...] = ()  # oddities an operator should see, never failing health (storage.health)
    backfill: bool = False  # every index page was walked back to the year (a first run, --since), not the first few
    deep: bool = False  # the daily deeper walk (scraper.discovery.DEEP_WALK_PAGES pages of each index), not an update
    # a backfill or the daily deep walk whose index pages all answered: the source's last deep walk (SourceRun.deep)
    read_deep: bool = False

    @property
    def failures(self) -> tuple[Failure, ...]:
        return self.counts.failures

    @property
    def ok(self) -> bool:
        return self.counts.ok
