"""What one feed item says: its title and its HTML body.

Pure functions of an :class:`EventRecord`: the same event always renders to the
same text, which keeps feed files byte-identical between runs.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from html import escape
from typing import NamedTuple

from storage.possible import POSSIBLE
from storage.records import EntityRecord, EventKind, EventRecord, ListKind, PageCopy, Provenance
from storage.vocabulary import (
    EVENT_WORDS_KEY,
    LISTS,
    MINISTRIES,
    NEXT_STEP_KEY,
    PAGE_KEY,
    PRESUMED,
    TAG_PREFIX,
    event_label,
    event_lapses_on,
    ministry_of,
    official_first,
    reprint_url,
    until_shown,
    until_words,
)

PRESUMED_TEXT = (
    f"{PRESUMED.capitalize()}: the suspension period ended and no later notice was found "
    "that extends, lifts or restores it, so the measures are presumed back in force."
)
PRESUMED_HTML = f"<p><strong>{escape(PRESUMED_TEXT)}</strong></p>"
# a lapse whose item names a step told by its day from a later day (``storage.vocabulary.NEXT_STEP_KEY``): that notice is
# known, and the presumption holds until its day (story45: "no later notice was found that … restores it" of one that did)
PRESUMED_UNTIL_TEXT = (
    f"{PRESUMED.capitalize()}: the suspension period ended and no notice extending it was found; a notice already told "
    "changes the measures from a later day (Next step), so until then they are presumed back in force."
)
PRESUMED_UNTIL_HTML = f"<p><strong>{escape(PRESUMED_UNTIL_TEXT)}</strong></p>"
WATCHLIST_PREFIX = "watchlist_"
# The label of the facts table's end date where "Until" would be false (storage.vocabulary.ENDED_NOT_UNTIL: a lapse's
# end date is the day the suspension ended and the measures are presumed back, not a day they apply until).
ENDED_LABEL = "Suspension ended"
# ... and of a lapse: its suspension ended after its last day ("至2027年12月31日", or a counted "1年"), which the row gives as
# "2027-12-31 inclusive" (its "Lapses on" row the day after)
SUSPENDED_UNTIL = "Suspended until"
# The facts table's label of an item's day where it is no day a measure takes effect (wording29: a source-health item's
# "Effective 2026-12-03" was the day a problem was seen; those items give "First seen" and "Resolved" rows instead).
DAY_LABELS = {EventKind.NEWS: "Reported"}
# Entries per cache of body parts: enough for the notices whose items are rendered near each other
# (a notice's items in a row, an entity's few notices), not for every notice of a store: the caches
# stay the same size however large the store (at 100x the fixtures, larger caches held 25 MB).
NOTICE_PARTS = 256
CORRECTED_ITEMS = " (of the item corrected)"  # what a correction's facts table says its notice keys are
EVENT_KINDS = frozenset(k.value for k in EventKind)


def item_title(event: EventRecord) -> str:
    """The English title the lifecycle engine wrote (one line, never empty)."""
    title = " ".join(event.title.split())
    return title or f"{event_label(event.kind)} ({event.notice_key or event.id})"


def entry_link(event: EventRecord) -> str | None:
    """The first notice's page on the ministry's own site, or its first URL when none is (a Q&A read from a paper's
    reprint alone). One link only: feedgen 1.0 drops ``rel`` on entry links, so a second one would be a second
    "alternate" (invalid Atom). Every URL is listed in the body."""
    for p in event.provenance:
        if p.urls:
            return next((u for u in p.urls if not reprint_url(u)), p.urls[0])
    # a source-health item: the page it is about (reader34: a count mismatch named its page in its text alone, no link)
    return next((v for k, v in event.extra if k == PAGE_KEY), None)


def entry_categories(event: EventRecord) -> tuple[str, ...]:
    """Event kind, list, and the issuing ministry ("MFA", "MOFCOM") so a reader can filter by it."""
    base = (event.kind.value, event.list.value) if event.list else (event.kind.value,)
    return base + issued_by(event.provenance)


def item_html(event: EventRecord, picture: str | None = None) -> str:
    """The item body: Chinese title, summary, dates, entity table, provenance, link to the state picture."""
    return "\n".join(item_html_parts(event, picture))


def item_html_parts(event: EventRecord, picture: str | None = None) -> list[str]:
    """The body's paragraphs and tables, to be joined with newlines.

    Parts that repeat across events (Chinese title, summary, facts, entity table,
    sources) come from caches, so the same text is the same object and whatever is
    derived from it (its XML form, see :func:`feeds.fastxml.text_bytes`) is computed once.
    """
    parts: list[str] = []
    if event.title_zh:
        parts.append(_zh_title_html(event.title_zh))
    if event.summary:
        parts.append(_summary_html(event.summary))
    if event.presumed:
        parts.append(PRESUMED_UNTIL_HTML if any(k == NEXT_STEP_KEY for k, _ in event.extra) else PRESUMED_HTML)
    if event.corrects:
        parts.append(
            "<p><strong>Correction:</strong> this item corrects the earlier item "
            f"<code>{escape(event.corrects)}</code>, for the reason given above"
            + ("; its Sources are the pages that made the correction, as stored then.</p>" if event.corrected
               else ".</p>")
        )
    if event.extra:
        watch = _watchlist_html(event.extra)
        if watch:
            parts.append(watch)
    parts.append(_facts_html(Facts.of(event)))
    if event.entities:
        parts.append(_entities_html(event.entities))
    if event.provenance:
        # the offsets are part of the cache key: equal instants with other offsets compare equal
        offsets = tuple([p.fetched_at.utcoffset() if p.fetched_at else None for p in event.provenance])
        parts.append(_provenance_html(event.provenance, offsets))
    if event.corrected:
        parts.append(_corrected_html(event.corrected, event.provenance == event.corrected))
    if picture:
        parts.append(_picture_html(picture))
    parts.append(f"<p><small>Item id: <code>{escape(event.id)}</code></small></p>")
    return parts


@lru_cache(maxsize=NOTICE_PARTS)
def _picture_html(url: str) -> str:
    return f'<p><a href="{escape(url, quote=True)}">State of this notice over time (picture)</a></p>'



@lru_cache(maxsize=NOTICE_PARTS)
def _zh_title_html(title_zh: str) -> str:
    return f'<p lang="zh-CN"><strong>{escape(title_zh)}</strong></p>'


def _summary_html(summary: str) -> str:
    return f"<p>{escape(summary)}</p>"


class Facts(NamedTuple):
    """What the facts table shows: the entity items of one notice share it, so it is cached."""

    kind: EventKind
    list: ListKind | None
    provenance: tuple[Provenance, ...]
    notice_key: str | None
    source_key: str | None
    effective: date | None
    until: date | None
    days_left: int | None
    presumed: bool
    extra: tuple[tuple[str, str], ...]
    # a correction's: the kind of the item it corrects, whose dates its table shows under that item's words
    corrected: EventKind | None = None

    @classmethod
    def of(cls, e: EventRecord) -> Facts:
        corrected = corrected_kind(e.corrects) if e.kind is EventKind.CORRECTION and e.corrects else None
        return cls(e.kind, e.list, e.provenance, e.notice_key, e.source_key, e.effective, e.until, e.days_left,
                   e.presumed, e.extra, corrected)


def corrected_kind(item_id: str) -> EventKind | None:
    """The kind of the item ``item_id`` (``tag:…:UEL-2025-7/suspension_lapsed/uel/2026-11-10``), None for another id."""
    parts = item_id.removeprefix(TAG_PREFIX).split("/")
    return EventKind(parts[1]) if len(parts) > 1 and parts[1] in EVENT_KINDS else None


@lru_cache(maxsize=NOTICE_PARTS)
def _facts_html(facts: Facts) -> str:
    rows: list[tuple[str, str]] = [("Event", event_label(facts.kind, facts.extra))]
    if facts.list:
        rows.append(("List", LISTS[facts.list].bilingual))
    issued = issued_by(facts.provenance)
    if issued:
        rows.append(("Issued by", "; ".join(MINISTRIES[m] for m in issued)))
    numbers = [p.number for p in facts.provenance if p.number]
    notice = facts.notice_key or ""
    if numbers:
        rows.append(("Notice number(s)", "; ".join(dict.fromkeys(numbers))))
    # a correction's keys are those of the item it corrects; its Sources are the pages that made it (order31: "By
    # notice" named the corrected item's answer, which its Sources need not list)
    whose = CORRECTED_ITEMS if facts.kind is EventKind.CORRECTION else ""
    if notice:
        rows.append((f"Notice key{whose}", notice))
    if facts.source_key and facts.source_key != facts.notice_key:
        rows.append((f"By notice{whose}", facts.source_key))
    if facts.kind is not EventKind.SOURCE_HEALTH:  # (its day is the day a problem was seen: said by its own rows)
        rows.append((DAY_LABELS.get(facts.kind, "Effective"), facts.effective.isoformat() if facts.effective else "not stated"))
    if facts.until:
        # a correction shows the end date of the item it corrects, in that item's words and said to be its: a retracted
        # lapse's end read "Until 2025-08-12" beside "the suspension goes on … until 2025-11-10" (reader34)
        told = facts.corrected or facts.kind
        lapses_on = event_lapses_on(facts.extra)  # the day after its last day: "2027-12-31 inclusive"
        label = "Until" if until_shown(told, facts.until) else ENDED_LABEL if lapses_on is None else SUSPENDED_UNTIL
        rows.append((f"{label}{whose}", until_words(facts.until, lapses_on)))
    if facts.days_left is not None:
        rows.append(("Days left", str(facts.days_left)))
    if facts.presumed:
        rows.append(("Status", PRESUMED))
    for key, value in facts.extra:
        if not key.startswith(WATCHLIST_PREFIX) and key != EVENT_WORDS_KEY:  # (the Event row says those)
            rows.append((key.replace("_", " ").capitalize(), value))
    body = "".join(_fact_row(k, v) for k, v in rows)
    return f"<table>{body}</table>"


def issued_by(provenance: tuple[Provenance, ...]) -> tuple[str, ...]:
    """The ministries ("MFA", "MOFCOM") whose notices an item rests on, in provenance order."""
    found = (ministry_of(p.issuer) for p in provenance)
    return tuple(dict.fromkeys(m for m in found if m))


@lru_cache(maxsize=4 * NOTICE_PARTS)
def _fact_row(label: str, value: str) -> str:
    """One table row; cached because labels, lists, notice keys and dates repeat across events."""
    return f"<tr><th align=\"left\">{escape(label)}</th><td>{escape(value)}</td></tr>"


@lru_cache(maxsize=NOTICE_PARTS // 2)
def _entities_html(entities: tuple[EntityRecord, ...]) -> str:
    rows = [_entity_row(e, e.n if e.n is not None else i) for i, e in enumerate(entities, start=1)]
    return (
        f"<p><strong>Entities ({len(entities)})</strong></p><table>"
        "<tr><th>#</th><th>Chinese name</th><th>English name</th><th>Country</th></tr>"
        + "".join(rows)
        + "</table>"
    )


@lru_cache(maxsize=2 * NOTICE_PARTS)
def _entity_row(e: EntityRecord, n: int) -> str:
    branches = "".join(f"<br/>{escape(b)}" for b in e.branches)
    note = f"<br/><small>{escape(e.note)}</small>" if e.note else ""
    return (
        f"<tr><td>{n}</td><td lang=\"zh-CN\">{escape(e.zh or '')}{note}</td>"
        f"<td>{escape(e.en or '')}{branches}</td><td>{escape(e.country or '')}</td></tr>"
    )


@lru_cache(maxsize=NOTICE_PARTS // 2)
def _provenance_html(provenance: tuple[Provenance, ...], _offsets: tuple[timedelta | None, ...]) -> str:
    return f"<p><strong>Sources</strong></p><ul>{_source_items(provenance)}</ul>"


def _corrected_html(corrected: tuple[Provenance, ...], same: bool) -> str:
    """A correction's second list: the sources of the item it corrects, as that item cited them (its Sources above
    are the pages that made the correction)."""
    if same:
        return "<p><strong>The item corrected rested on the same sources.</strong></p>"
    return ("<p><strong>The item corrected rested on</strong> (its sources as it cited them)</p>"
            f"<ul>{_source_items(corrected)}</ul>")


def _source_items(provenance: tuple[Provenance, ...]) -> str:
    items = []
    for p in provenance:
        title = p.title or ""
        named = title if p.number and title.startswith(p.number) else " ".join(x for x in (p.number, title) if x)
        head = escape(named or p.notice_key or (p.urls[0] if p.urls else ""))
        key = f" [{escape(p.notice_key)}]" if p.notice_key else ""  # a news report naming no notice has no key: was "[]"
        urls = official_first(p.urls)
        copies = {c.url: c for c in p.copies}
        links = "<br/>".join(_page(u, copies) for u in urls if not reprint_url(u))
        reprints = "<br/>".join(_page(u, copies) for u in urls if reprint_url(u))
        if reprints:
            links = f"{links or 'none recorded'}<br/>Reprinted at (not the ministry's own page):<br/>{reprints}"
        fetched = p.fetched_at.isoformat() if p.fetched_at else "unknown"
        sha = f"<code>{escape(p.sha256)}</code>" if p.sha256 else "unknown"
        # several pages, each with its own copy: say which one the item was read from (pages of the same bytes, all)
        same = [c.url for c in p.copies if c.sha256 is not None and (c.fetched_at, c.sha256) == (p.fetched_at, p.sha256)]
        read = f" (the copy read: that of {escape(' and '.join(same))})" if same else ""
        if p.joined:  # (its first page's own bytes are cited above, as each page's)
            read = (" (the copy read: the pages above joined in page order, a header naming each page and its SHA-256, "
                    "then each page's bytes as fetched)")
        items.append(
            f"<li lang=\"zh-CN\">{head}{key}<br/>"
            f"Official URL(s){', each as fetched' if p.copies else ''}:<br/>{links or 'none recorded'}<br/>"
            f"Fetched: {escape(fetched)}; page SHA-256: {sha}{read}</li>"
        )
    return "".join(items)


def _link(url: str) -> str:
    return f'<a href="{escape(url, quote=True)}">{escape(url)}</a>'


def _page(url: str, copies: dict[str, PageCopy]) -> str:
    """A URL's link, and the copy of that page the item cites when the notice has several (``Provenance.copies``)."""
    copy = copies.get(url)
    if copy is None:
        return _link(url)
    if copy.sha256 is None:
        return f"{_link(url)} (no copy of this page stored)"
    fetched = copy.fetched_at.isoformat() if copy.fetched_at else "unknown"
    return f"{_link(url)} (fetched {escape(fetched)}; SHA-256 <code>{escape(copy.sha256)}</code>)"


def _watchlist_html(extra: tuple[tuple[str, str], ...]) -> str:
    fields = {k[len(WATCHLIST_PREFIX):]: v for k, v in extra if k.startswith(WATCHLIST_PREFIX)}
    if not fields:
        return ""
    possible = fields.get("method") == POSSIBLE  # for review, not a hit
    text = (
        f"{'Possible watchlist match, review' if possible else 'Watchlist match'}: "
        f"<strong>{escape(fields.get('counterparty', ''))}</strong> "
        f"(matched name “{escape(fields.get('matched_name', ''))}”) "
        f"~ listed as “{escape(fields.get('entity_name', ''))}”; "
        f"method: {escape(fields.get('method', ''))}, score {escape(fields.get('score', ''))}"
    )
    if fields.get("reason"):
        text += f"; {'why it may be' if possible else 'how'}: {escape(fields['reason'])}"  # how: an alias a notice gives
    if fields.get("note"):
        text += f"; note: {escape(fields['note'])}"
    return f"<p>{text}</p>"
