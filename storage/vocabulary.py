"""The project's words, in one place: what the CLI, the web page, the feeds and the README call things.

Everything that names a list, a state, an item id or a time zone is defined here once and imported
everywhere else, so the same thing never reads two ways. It sits beside ``ListKind``
(``storage/records.py``) and imports nothing from ``scraper``, ``feeds`` or ``mofcom_watch``.

A new list is a ``ListKind`` member plus its :data:`LISTS` entry here; its feed, its name in the
CLI, the web page and the feeds follow from these two.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta, timezone
from enum import StrEnum
from functools import lru_cache
from urllib.parse import urlsplit

from storage.records import EventKind, ListingState, ListKind, StatusRow

TAG_PREFIX = "tag:mofcom-watch,2025:"
"""Every feed item and feed id starts with this (an RFC 4151 tag URI: 2025 is the date the name
was minted, never the item's own year)."""

BEIJING = timezone(timedelta(hours=8))
"""MOFCOM publishes in Beijing time (UTC+8, no daylight saving); "today" is a Beijing day."""


def naive_as_utc(moment: datetime) -> datetime:
    """The one rule for naive times: a naive value is UTC (SQLite hands them back so); an aware one is
    returned as given, offset and all (a feed shows an item's time in the offset it was made with)."""
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment


def as_utc(moment: datetime) -> datetime:
    """The same instant in UTC (what the database stores)."""
    return naive_as_utc(moment).astimezone(timezone.utc)


def in_beijing(moment: datetime) -> datetime:
    """The same instant in Beijing time: how stored items are dated, so they compare alike in any database."""
    return naive_as_utc(moment).astimezone(BEIJING)


@dataclass(frozen=True)
class ListWords:
    """How one list is called: ``en`` in sentences ("on the export control list"), ``zh`` as MOFCOM
    writes it, ``about`` as its feed's subtitle."""

    en: str
    zh: str
    about: str

    @property
    def label(self) -> str:
        """``en`` with a capital, for a table cell or a heading."""
        return self.en[:1].upper() + self.en[1:]

    @property
    def bilingual(self) -> str:
        """``export control list (出口管制管控名单)``."""
        return f"{self.en} ({self.zh})"


LISTS: dict[ListKind, ListWords] = {
    ListKind.ECL: ListWords("export control list", "出口管制管控名单",
                            "Events on the export control list (出口管制管控名单)."),
    ListKind.UEL: ListWords("unreliable entity list", "不可靠实体清单",
                            "Events on the unreliable entity list (不可靠实体清单)."),
    ListKind.WATCH: ListWords("watch list", "关注名单", "Events on the export-control watch list (关注名单)."),
    ListKind.COUNTERMEASURE: ListWords("countermeasure list", "反制清单",
                                       "Events on countermeasure lists (反外国制裁法 / 反制清单)."),
    ListKind.ITEMS: ListWords("dual-use item controls", "两用物项出口管制",
                              "Suspensions and restorations of item controls that name no entity (两用物项出口管制)."),
}
"""Every ``ListKind``'s words (a test checks none is missing)."""
SHARED_LISTS = frozenset({ListKind.COUNTERMEASURE})
"""Lists more than one ministry keeps (the MFA's decisions and MOFCOM's orders both name countermeasure targets): an
item, a table cell says whose list it is ("MFA countermeasure list"), never through the notice key's prefix alone."""


def whose_list(lst: ListKind | None, ministry: str | None) -> str:
    """A list as a table cell names it: "Export control list"; a list both ministries keep with the one whose it is,
    "MFA countermeasure list" (a column of "Countermeasure list" for both read as one list)."""
    if lst is None:
        return ""
    return f"{ministry} {LISTS[lst].en}" if ministry and lst in SHARED_LISTS else LISTS[lst].label


def source_label(name: str, descriptions: Mapping[str, str] | None = None) -> str:
    """A source as a reader knows it: what it holds, then the name an operator configures ("MOFCOM spokesperson's
    answers (mofcom-qa)"); the name alone where ``descriptions`` (``scraper.sources.defaults.SOURCE_DESCRIPTIONS``,
    handed in: this module imports no scraper) has none."""
    said = (descriptions or {}).get(name)
    return f"{said} ({name})" if said else name


def list_name(lst: ListKind | None) -> str:
    """The list's English name for a sentence; plain "list" when a notice names none."""
    return LISTS[lst].en if lst else "list"


UNMATCHED_CAUSE = "which cannot be matched to stored notices"
"""An unresolved-reference item's title saying the notice it names is not stored (others: "which cannot be applied as
read"); its "Resolved" correction says "the notice it names is stored now" only then (order35 B1)."""

REVIEW_WORDS = "needs review"
"""What a presumption says of itself (a lapsed suspension: presumed back in force), in a state's words and in a lapse
item's title, which is all a feed reader's list of items shows of it (wording28, wording30)."""

STATE_LABELS: dict[ListingState, str] = {
    ListingState.IN_FORCE: "in force",
    ListingState.SUSPENDED: "suspended",
    ListingState.LIFTED: "lifted",
    ListingState.REMOVED: "removed",
    ListingState.LAPSED: f"lapsed: presumed back in force, {REVIEW_WORDS}",
    ListingState.INVESTIGATION: "investigation (not a listing)",
    ListingState.ANNOUNCED: "announced",
}
"""One wording per state, the same in the CLI, on the web page, in the feeds and the README."""

EVENT_LABELS: dict[EventKind, str] = {
    EventKind.IMPOSED: "imposed",
    EventKind.SUSPENDED: "suspended",
    EventKind.SUSPENSION_EXTENDED: "suspension extended",
    EventKind.LIFTED: "lifted",
    EventKind.REMOVED: "removed from the list",
    EventKind.RESTORED: "restored",
    EventKind.SUSPENSION_LAPSED: "suspension lapsed",
    EventKind.SUSPENSION_ENDS_SOON: "suspension ends soon",
    EventKind.TERM_ENDS_SOON: "term ends soon",
    EventKind.INVESTIGATION: "investigation opened (not a listing)",
    EventKind.MEASURE: "measure added",
    EventKind.MEASURE_LIFTED: "measure lifted (still listed)",
    EventKind.NOTICE: "notice published",
    EventKind.CORRECTION: "correction",
    EventKind.UNRESOLVED_REFERENCE: "reference not resolved",
    EventKind.NAME_CORRECTED: "name corrected",
    EventKind.RENAMED: "renamed",
    EventKind.SOURCE_HEALTH: "source health",
    EventKind.NEWS: "news report",
}
"""What an event is, in words, where a table names it (a feed item's facts, the entity pages, ``timeline``); its
``value`` ("suspension_lapsed") stays the key of ids and feed categories, a reader's filter, never a sentence."""


ENDED_NOT_UNTIL = frozenset({EventKind.SUSPENSION_LAPSED})
"""Events whose end date is the day a suspension ended and the measures are presumed back, never a day anything
applies until: an "Until" column beside them read as in force until then (session 29, wording29)."""


def until_shown(kind: EventKind, until: date | None) -> date | None:
    """The end date an "Until" column shows for an event of ``kind``: none for :data:`ENDED_NOT_UNTIL` (its date
    column tells the day), else ``until``."""
    return None if kind in ENDED_NOT_UNTIL else until


EVENT_WORDS_KEY = "event"
"""An ``EventRecord.extra`` key: the event's words where its kind's (:data:`EVENT_LABELS`) would say another thing than its
title (:data:`MEASURE_ONLY_LIFTED`); a table names the event by it, and shows it in no row of its own."""
PAGE_KEY = "page"
"""An ``EventRecord.extra`` key: the web page a source-health item is about (a page refused or read short, an index
yielding no links), its link in a reader; such an item rests on no notice, so it has no Sources to take one from."""
WEB_SCHEMES = ("https://", "http://")  # a URL a reader can open (a replayed file's "file:texts/…" is none)
MEASURE_ONLY_STATE = "measure {state} (not a listing)"
"""A status row's state where the row is a measure its notice added alone (``StatusRow.measure_only``: UEL〔2025〕6号's
on Illumina, lifted, while Illumina's listing by 〔2025〕4号 stays in force): "lifted" alone read as Illumina delisted."""
MEASURE_ONLY_LIFTED = MEASURE_ONLY_STATE.format(state="lifted")
"""A ``lifted`` event stopping only the measure a notice added on entities another notice lists (UEL〔2025〕6号's on
Illumina): its title says "Measure lifted: … not a listing", and a table beside it saying "Lifted" named another event
(wording29); its kind, the key of its id, stays ``lifted``."""

INVESTIGATION_CLOSED = "investigation closed (not a listing)"
"""A ``lifted`` event ending a notice that only opened an investigation (UEL〔2024〕3号 on PVH, repealed): its title says
"Investigation closed (not a listing)", since "Lifted" read as PVH delisted while 〔2025〕4号 lists it (session 39)."""


def event_words(kind: EventKind, extra: Iterable[tuple[str, str]] = ()) -> str:
    """What an event is, for a table: its :data:`EVENT_WORDS_KEY` words when the engine gave it some, else its kind's."""
    return next((v for k, v in extra if k == EVENT_WORDS_KEY), None) or EVENT_LABELS[kind]


def event_label(kind: EventKind, extra: Iterable[tuple[str, str]] = ()) -> str:
    """:func:`event_words` with a capital, for a table cell: "Suspension lapsed", "Measure lifted (not a listing)"."""
    word = event_words(kind, extra)
    return word[:1].upper() + word[1:]


PRESUMED = "presumed - needs review"
"""What marks an item or a row whose state is a presumption (a lapsed suspension), not a notice's word."""


def state_label(state: ListingState) -> str:
    return STATE_LABELS[state]


INCLUSIVE = "inclusive"
"""Said after a suspension's end date, the period's last day, in every place that shows it (items, ``status``,
``timeline``, the entity pages): "until 2027-12-31 inclusive" for "暂停期限至2027年12月31日", and "until 2026-11-10
inclusive" for "1年" from 2025-11-10 alike (``storage.periods.lapse_day``, the lead's decision of session 42: every end,
counted or written, is the last day); the measures are presumed back the day after."""
LAPSES_ON_KEY = "lapses_on"
"""An ``EventRecord.extra`` key: the day a suspension lapses, the day after the item's ``until`` (its last day, counted
or written: ``storage.periods.lapse_day``); a table shows it as a row of its own ("Lapses on")."""


def until_words(until: date, lapses_on: date | None = None) -> str:
    """An end date as shown: "2027-12-31 inclusive" where the suspension lapses after it (``lapses_on`` later), else
    "2026-11-10"."""
    return f"{until.isoformat()} {INCLUSIVE}" if lapses_on is not None and lapses_on > until else until.isoformat()


NEXT_STEP_KEY = "next_step"
"""An ``EventRecord.extra`` key of a lapse item: the step told by its day that changes the listing from a later day
("restored from 2027-04-15 (UEL-2027-5)"; ``storage.lifecycle.simulate._told_next``); a table shows it as a row of its own,
and the item's "presumed" line says the measures are presumed back in force until then (``feeds.render``)."""


def event_lapses_on(extra: tuple[tuple[str, str], ...]) -> date | None:
    """The :data:`LAPSES_ON_KEY` day of an item's ``extra``, None where it has none."""
    return next((date.fromisoformat(v) for k, v in extra if k == LAPSES_ON_KEY), None)


def until_cell(kind: EventKind, until: date | None, extra: tuple[tuple[str, str], ...]) -> str:
    """An item's end date in an "Until" column (:func:`until_shown`, :func:`until_words`), "" for none."""
    shown = until_shown(kind, until)
    return until_words(shown, event_lapses_on(extra)) if shown else ""


def next_label(state: ListingState, start: date, until: date | None = None, lapses_on: date | None = None) -> str:
    """A change published but not yet in effect: "in force from 2025-04-10", "lifted from 2025-11-10",
    "suspended from 2025-11-10 until 2026-11-10" ("until 2027-12-31 inclusive": :func:`until_words`)."""
    text = f"{STATE_LABELS[state]} from {start.isoformat()}"
    if state is ListingState.SUSPENDED:
        text += f" until {until_words(until, lapses_on)}" if until else ", no end date"
    return text


def announced_label(row: StatusRow) -> str | None:
    """The change a row has announced and not yet in effect ("announced: lifted from 2025-11-10"), else None."""
    if row.next_state is None or row.next_from is None:
        return None
    return (f"{STATE_LABELS[ListingState.ANNOUNCED]}: "
            f"{next_label(row.next_state, row.next_from, row.next_until, row.next_lapses_on)}")


def day_count(days: int) -> str:
    """"1 day", "12 days": a countdown's days in words (``timeline``, the entity pages), never "1 days"."""
    return f"{days} day{'' if days == 1 else 's'}"


def row_label(row: StatusRow) -> str:
    """A status row's state as the CLI and the pages show it: the state, the clauses it is limited to, and a
    change already announced: "suspended (clause 2 only)", "announced: in force from 2025-04-10",
    "in force; announced: lifted from 2025-11-10"."""
    scope = f" ({row.scope} only)" if row.scope else ""
    coming = announced_label(row)
    if row.state is ListingState.ANNOUNCED:
        return (coming or STATE_LABELS[row.state]) + scope
    return row_state(row) + scope + (f"; {coming}" if coming else "")


def by_words(row: StatusRow, own_key: str) -> str | None:
    """The deciding notice beside a row's state, None where it is the row's own notice: "by MOFCOM-2025-72", and for a
    lapse "suspension set by MOFCOM-2025-72": "lapsed … by No. 72" read as if No. 72 made it lapse (user40)."""
    if not row.by or row.by == own_key:
        return None
    return f"suspension set by {row.by}" if row.state is ListingState.LAPSED else f"by {row.by}"


def row_state(row: StatusRow) -> str:
    """A status row's state alone, in words: a measure added alone says so (:data:`MEASURE_ONLY_STATE`), and so does an
    investigation ended (:data:`INVESTIGATION_CLOSED`, as its items say; was "lifted": audit39/25)."""
    if row.investigation_closed:
        return INVESTIGATION_CLOSED
    return MEASURE_ONLY_STATE.format(state=STATE_LABELS[row.state]) if row.measure_only else STATE_LABELS[row.state]


# A listing's state in JSON (`status --json`'s rows, `timeline --json`'s and the evidence pack's `timeline.json`'s
# `state`): every key on every row, in the same order, so a script reads `row["next_from"]` without a lookup that may
# fail: the keys ``StatusRow.to_json`` leaves out when they do not apply (`scope`, `next_*`, `lapses_on`,
# `measure_only`, `investigation_closed`) given as their default, null (false for the flags); `next_label` likewise
# (lead's decision, session 35). `timeline --json` gave the sparse form until session 47 (user46: one shape now).
STATE_KEYS = tuple((f.name, f.default) for f in fields(StatusRow)) + (("next_label", None),)


def state_json(row: StatusRow) -> dict[str, object]:
    """One listing's state as JSON: every key of :data:`STATE_KEYS` (null where it does not apply, in the same order
    on every row), then ``state_label`` and ``ministry``; ``next_label`` ("lifted from 2025-11-10") for a row with a
    change announced. The one shape of ``status --json`` and ``timeline --json`` (a shared function, not a copy)."""
    data = row.to_json()
    if row.next_state is not None and row.next_from is not None:
        data["next_label"] = next_label(row.next_state, row.next_from, row.next_until, row.next_lapses_on)
    return {**{key: data.get(key, default) for key, default in STATE_KEYS}, "state_label": row_state(row),
            "ministry": ministry_of(row.issuer)}


class FailureReason(StrEnum):
    """Failure reasons the crawler itself gives (the fetcher adds its own: timeout, http-500, ...)."""

    ZERO_LINKS = "zero-links"  # an index yielded no usable link: a broken source, not an empty list
    UNUSABLE_CONTENT = "unusable-content"  # fetched, but the parser could not use it
    STORE_ERROR = "store-error"  # fetched, but storing it failed (rolled back)
    INCOMPLETE = "incomplete"  # a notice read with fewer entities than it states (cut short)
    WRONG_PAGE = "wrong-page"  # an index answered with another page's content (scraper.continuity): not stored
    # an index of one page whose answer lists none of its last copy's links: rows between may be unread (discovery.GAP)
    INDEX_GAP = "index-gap"


# the copies an index-gap problem names (scraper.discovery.GAP): the answer that showed the gap, which ``accept URL SHA``
# takes, and the copy before it, whose rows an answer must list again to close it (the rows between listed, so read);
# and the days between which a person reads the column's rows (``review``, ``status``)
GAP_ANCHORS = " (the answer that showed the gap: SHA-256 {sha}; its copy before the gap: SHA-256 {before})"
GAP_ANSWER_RE = re.compile(r"the answer that showed the gap: SHA-256 ([0-9a-f]{64})")
GAP_BEFORE_RE = re.compile(r"its copy before the gap: SHA-256 ([0-9a-f]{64})")
GAP_BETWEEN_RE = re.compile(r"read the rows the column published between (.+?) and (.+?) on the site")


class HealthKind(StrEnum):
    """What a source-health issue is about (``HealthIssue.kind``; the first part of its key)."""

    ZERO_LINKS = FailureReason.ZERO_LINKS.value  # an index yielded no usable link
    UNUSABLE_PAGE = "unusable-page"  # bot check, 404, redirect off-site, JS shell, unparseable body
    FAILING = "failing"  # a source unclean three runs in a row
    COUNT_MISMATCH = "count-mismatch"  # a notice's parsed entity count differs from the count it states
    ALIAS_CONFLICT = "alias-conflict"  # two notices claim one URL or number
    FEED_FAILED = "feed-failed"  # a feed that could not be built (the others are published)
    HELD_BACK = "held-back"  # items not published while a broken source could falsify them
    REVIEW_ACCEPTED = "review-accepted"  # a person accepted a held-back copy that reads less (a record, never open)
    OLDER_COPY = "older-copy"  # a page served again bytes older than its stored copy: the newer is kept, and said
    WARNING = "warning"  # a routine oddity of a source (an index out of its column): said, never failing health
    # a step a stored notice's page read but held for a person (NoticeRecord.held: a press conference's undecided topic
    # beside decided ones): in no item until a person accepts it or says it is no step (storage/heldsteps.py)
    HELD_STEP = "held-step"
    # an MFA decree known from a report of it (its English version on www.mfa.gov.cn/eng) while the Chinese decree is not
    # stored: its targets are in no item until it is read (storage/news.py, session 43); resolved when it is stored
    DECREE_NOT_STORED = "decree-not-stored"
    # a step (suspend, extend, lift, remove, restore) that a report on a government site tells (a Xinhua report MOFCOM's
    # news section reposts, "来源：新华社", "类型：转载") while no stored notice takes it: the answer or notice that made it
    # is unread, so the step is in no item (storage/news.py, session 58, blind55/62); resolved when one is stored
    STEP_NOT_STORED = "step-not-stored"
    # a page read as a notice with no number of its own (keyed DOC-…, MFA-ORDER-…-unnumbered-…) that makes items (it lists
    # entities or takes steps): its items are published, and said, as a later notice naming its number does not find it
    # (storage.ingest.unkeyed, session 46); resolved when the page reads with a number (or as no such notice)
    NO_NUMBER = "no-number"
    # an earlier opening of an issue that opened again (HealthIssue.reopen): kept under ``<key>#<n>``, its own kind in
    # ``run_id``, so its items stay in the source-health feed with their ids (order43's B3: they vanished); open nowhere
    HISTORY = "history"


# The parser's tag for a page it refuses for a person to read (``scraper/parse/page.py``: ``UnusablePage(NEEDS_REVIEW,
# ...)``, stored as the snapshot's detail "needs-review: why"): the one refusal a person may acknowledge (``mofcom-watch
# accept URL SHA256``); the others (bot check, an index in an article's place, another notice) are the site's.
NEEDS_REVIEW = "needs-review"


class OddityReason(StrEnum):
    """What a source's warning (``HealthKind.WARNING``) is about: an oddity the crawler read right and says, which an
    operator should look at but which fails no health check (``status`` exits 0, ``/healthz`` 200 for it)."""

    OUT_OF_COLUMN = "out-of-column"  # an index answered from a page outside its column (a redirect): read as the index
    # an index's page 1 calls itself by another name, its links continuing (scraper.continuity: a lesser verdict).
    # Seen on the answer that changed: the next run, which holds it to that copy, clears it
    INDEX_CHANGED = "index-changed"
    # an index's page 1 lost more of its last whole copy's links than new ones came in (it pages differently, or
    # dropped notices). Kept while the index answers short of that copy (the same answer, 304, or new notices on a
    # page still short), until it is whole again or a person accepts the index as it is (``mofcom-watch accept URL``)
    INDEX_SHRUNK = "index-shrunk"
    # an update read as many pages as it may (scraper.discovery: update_reach) and reached no link already stored: more
    # new rows than that came (a burst, a long outage), so rows past them may be unread. Kept until a walk reads on
    # from the last row read to links already stored (or the list's end); a backfill (run --since) ends it too
    DISCOVERY_INCOMPLETE = "discovery-incomplete"
    # an index row titled with a notice's number whose link the source does not follow (another host, another MOFCOM
    # address form: scraper.unfollowed): the notice unread. Kept while the index lists the row (its same answer too)
    UNFOLLOWED_ROW = "unfollowed-row"


@dataclass(frozen=True)
class Oddity:
    """One oddity of one URL in a run: a warning, not a failure (:class:`OddityReason`)."""

    url: str
    reason: str  # an OddityReason
    detail: str = ""

    def to_json(self) -> dict[str, str]:
        return {"url": self.url, "reason": str(self.reason), "detail": self.detail}


@dataclass(frozen=True)
class Failure:
    """One URL that did not give usable content in a run."""

    url: str
    reason: str  # a FailureReason, or the fetcher's tag: timeout, http-500, bot-check, truncated, ...
    detail: str = ""

    def to_json(self) -> dict[str, str]:
        return {"url": self.url, "reason": str(self.reason), "detail": self.detail}


@dataclass(frozen=True)
class RunCounters:
    """What one source did in one run: the crawler counts, the store records, the CLI prints.

    Counters add up (``a + b``), so the crawler tallies with ``counts += RunCounters(fetched=1)``.
    """

    fetched: int = 0  # answers with content or 304
    new: int = 0  # notices (or news reports) not stored before
    changed: int = 0  # stored notices whose substance changed
    unchanged: int = 0  # 304s and same-bytes answers
    links: int = 0  # usable links found on index pages
    failures: tuple[Failure, ...] = ()

    def __add__(self, other: RunCounters) -> RunCounters:
        return RunCounters(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def ok(self) -> bool:
        return not self.failures


MINISTRIES = {
    "MFA": "Ministry of Foreign Affairs (外交部)",
    "MOFCOM": "Ministry of Commerce (商务部)",
}
"""The ministries whose lists mofcom-watch reads, by the short name items and tables use."""


NUMBER_COLUMNS = (
    ("MOFCOM-ORDER-", ("www.mofcom.gov.cn/zwgk/zcfb/", "aqygzj.mofcom.gov.cn/")),
    ("MOFCOM-", ("www.mofcom.gov.cn/zwgk/zcfb/", "www.mofcom.gov.cn/zcfb/blgg/gg/{year}/")),
    ("UEL-", ("www.mofcom.gov.cn/zwgk/zcfb/", "aqygzj.mofcom.gov.cn/")),
    ("MFA-ORDER-", ("www.mfa.gov.cn/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/",)),
    ("QA-", ("www.mofcom.gov.cn/xwfb/xwfyrth/",)),
)
"""The index columns of the default sources (``scraper/sources/defaults.py``; a test keeps them so) that list each
numbering, by its notice keys' prefix, first match: where an operator looks when a notice cited by number is not
stored (health34 K7: an index frozen for ever shows only so, and the line named the citing Q&A, not the index)."""


def number_columns(key: str) -> str:
    """", the number's column, X, lists no such row" for a notice key, or "" for a key of no known numbering."""
    for prefix, columns in NUMBER_COLUMNS:
        if key.startswith(prefix):
            year = key[len(prefix):len(prefix) + 4]
            named = [c.format(year=year) for c in columns if year.isdigit() or "{year}" not in c]
            if len(named) == 1:
                return f": the number's column, {named[0]}, lists no such row"
            return f": the number's columns, {', '.join(named[:-1])} and {named[-1]}, list no such row"
    return ""


OFFICIAL_DOMAINS = ("mofcom.gov.cn", "mfa.gov.cn", "fmprc.gov.cn")
"""The ministries' own sites (any host under them). A web page elsewhere carrying a notice (a paper's, a portal's) is
a reprint: an item links to the ministry's page where one is stored, and names a reprint as one."""


@lru_cache(maxsize=4096)  # asked for each item's link in each format: an entity's items share their notice's URLs
def reprint_url(url: str) -> bool:
    """Whether ``url`` is a web page off the ministries' own sites (:data:`OFFICIAL_DOMAINS`): a reprint. A saved file
    (``file:texts/…``, a notice known from its text alone) is neither."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    return parts.scheme in ("http", "https") and not any(host == d or host.endswith("." + d) for d in OFFICIAL_DOMAINS)


def official_first(urls: Iterable[str]) -> tuple[str, ...]:
    """A notice's URLs sorted, reprints (:func:`reprint_url`) after the ministry's own pages: the same order whichever
    page came first."""
    return tuple(sorted(urls, key=lambda u: (reprint_url(u), u)))


def ministry_of(issuer: str | None) -> str | None:
    """"外交部" -> "MFA"; "商务部", "商务部 海关总署", "不可靠实体清单工作机制（商务部代章）" and the
    spokesperson's office -> "MOFCOM" (the UEL working mechanism sits in MOFCOM); None when unknown."""
    if not issuer:
        return None
    if "外交部" in issuer:
        return "MFA"
    if "商务部" in issuer or "不可靠实体清单工作机制" in issuer:
        return "MOFCOM"
    return None


# A notice's pages joined in one stored copy (``scraper.joined``): what it opens with and the content type it is stored
# with. The header names each page (its role, SHA-256, length, content type, URL), then come the pages' bytes.
JOINED_MAGIC = b"mofcom-watch joined pages v1\n"
JOINED_TYPE = "application/x-mofcom-watch-joined"
JOINED_HEAD_MAX = 64 * 1024  # read of a joined copy to find its header (MAX_PAGES + annexes, one line each)
