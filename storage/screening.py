"""Batch screening: each counterparty against every listed entity, with the lists' states as of a day.

Matching is :mod:`storage.watchlist`'s (exact, normalised, strict fuzzy with a score), the
same as the watchlist feed's; a counterparty's optional country (ISO 3166 alpha-2) rules out a
fuzzy hit on an entity the notices place in another country. A counterparty that hits no stored entity is offered
its possible matches (:mod:`storage.possible`: a shortened name, generic words more, pinyin), apart from the
hits (``Screened.possible``), for a person to review: never a hit, never silent; so is, beside a hit, another entity the
notices give the hit's Chinese name under another English name (a company relisted under a new one). Exact and normalised hits always count, whatever the country
(the notice's spelling is the listing; the country is reported beside it). A country may be written as ERPs
write it ("USA", "United Kingdom", "美国": :mod:`storage.countries`). A notice published after the as-of day is no
hit on that day; it is reported apart (:class:`Later`), so nothing the store holds is hidden.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.aliaslinks import notice_links
from storage.lifecycle import corrects_names, known_from
from storage.lifecycle.model import OWN_ACTIONS
from storage.names import TOO_SHORT, clean_display, entity_key, too_short
from storage.namesakes import same_chinese_name
from storage.possible import POSSIBLE
from storage.records import OMIT_DEFAULT, EntityRecord, EventScope, ListingState, ListKind, NoticeRecord, _jsonable
from storage.status import derive_stored
from storage.vocabulary import ministry_of
from storage.watchlist import (
    COUNTRY_HEADERS,
    CSV_ALIAS_SEPARATOR,
    MAX_CELL_CHARS,
    MAX_CELL_PARTS,
    UNREAD_COUNTRY,
    Counterparty,
    Match,
    Watchlist,
    WatchlistError,
    alias_reason,
    cell_cut,
    cell_long,
    cell_parts,
    csv_rows,
    is_name_header,
    possible_lookups,
    read_country,
    trimmed_cells,
    with_reason,
)

MAX_COUNTERPARTIES = 10_000
LONG_NAME = ("{where}: a name over {limit} characters (no ERP cell is so long: the longest of screen17's corpus is 83): "
             "not screened; `mofcom-watch screen FILE.csv` screens it by its first names")
IN_EFFECT = (ListingState.IN_FORCE, ListingState.LAPSED)  # measures that apply on the day (a lapse: presumably)
ENDED = (ListingState.LIFTED, ListingState.REMOVED)  # listed before, no longer
CUT_NOTE = "screened by its first {kept} of {n} names: the others not screened"  # Query.cut_note
LONG_NOTE = "screened by its first {kept} of {n} characters: the rest not screened"  # Query.cut_note, a longer cell
UNREAD_PAGES = ("{n} page(s) not read whole are open problems ({first}{more}): an entity such a page names, or a new "
                "name it gives one, is in no screening until the page is read whole or a person has read it "
                "(`mofcom-watch review`, `status`); no hit is no sign that a counterparty is clear of them")
"""Said beside a screening while pages are not read whole (story33 S4b, S5: a notice's copy cut mid-annex, a rename
refused for a person to read): ``status`` exited 1 and the feeds said so, but ``screen`` of a counterparty those pages
name answered "0 of 1 counterparties listed", exit 0, with no word of them. Such a screening is incomplete: ``screen``
exits 1 (not clear: look) though no row matched, its title says why, and the JSON's ``complete`` is false (session 34,
decided: a script taking 0 as "clear" proceeded on an incomplete answer)."""


# A header's second cell that heads a company column beside a person's name ("Name,Company", "姓名,单位", as a list of
# people is kept): that column was read as a country, a warning on every row and the company never screened (screen39,
# open; decided screen40: each row's company is screened as a counterparty of its own, on the same line).
COMPANY_HEADERS = frozenset({"company", "company name", "employer", "employer name", "organization", "organisation",
                             "organization name", "organisation name", "affiliation", "单位", "工作单位", "所在单位",
                             "任职单位", "公司", "公司名称", "机构", "所属机构"})


class ScreenInputError(ValueError):
    """The counterparty list cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Query:
    """One counterparty to screen: a name in either language, optionally its country."""

    line: int  # row in the input (1-based), to find it again
    name: str
    country: str | None = None  # ISO 3166 alpha-2, upper case
    # the country as written when it could not be read ("Kosovo"): kept, and said (country_warnings); the name is
    # screened without a country then (no fuzzy hit ruled out by it). Omitted from JSON while None.
    country_note: str | None = field(default=None, metadata=OMIT_DEFAULT)
    # a cell of more names than watchlist.MAX_CELL_PARTS (a junk cell of 700 "d/b/a"): screened by its first ones, and
    # said (cell_warnings, the CSV's note): "screened by its first 20 of 700 names"; a cell over watchlist.MAX_CELL_CHARS
    # characters, its first ones: "screened by its first 500 of 10001 characters". Omitted from JSON while None.
    cut_note: str | None = field(default=None, metadata=OMIT_DEFAULT)
    # other names of the counterparty, from a CSV's aliases column (its header row naming it): screened with its name,
    # as the watchlist feed screens a counterparty's aliases. Omitted from JSON while none.
    aliases: tuple[str, ...] = field(default=(), metadata=OMIT_DEFAULT)


@dataclass(frozen=True)
class Hit:
    """One listing of one entity that a counterparty matched."""

    entity_key: str
    entity_zh: str | None
    entity_en: str | None
    entity_country: str | None
    match: str  # exact | normalised | fuzzy; possible in Screened.possible
    score: float  # 100 for exact and normalised
    matched_name: str  # the entity's name as the notice wrote it
    notice_key: str
    instrument: str | None  # the notice's number, "商务部公告2025年第13号"
    list: ListKind
    issuer: str | None
    ministry: str | None
    state: ListingState | None  # None: named by a notice public on the day that sets no state (Later: after it)
    since: date | None
    until: date | None
    presumed: bool = False
    # a change published on or before the day, in effect after it (StatusRow.next_*); in JSON always, null when there is
    # none, as `status --json` gives every key (a script reading hit["next_from"] got a KeyError: decided, session 36)
    next_state: ListingState | None = None
    next_from: date | None = None
    # a possible match's: why it may be the entity; a hit on an alias a notice gives: 'alias given by notice …'
    reason: str | None = field(default=None, metadata=OMIT_DEFAULT)
    # the end of a suspension announced with next_state (StatusRow.next_until); null as the other next_* keys
    next_until: date | None = None
    measure_only: bool = field(default=False, metadata=OMIT_DEFAULT)  # StatusRow.measure_only: a measure, not a listing


@dataclass(frozen=True)
class Later:
    """A matched entity named by a stored notice published after the as-of day: on that day it was on no list
    by that notice, so no hit; shown beside the hits so nothing the store holds is hidden."""

    entity_key: str
    match: str
    score: float
    matched_name: str
    notice_key: str
    instrument: str | None
    list: ListKind
    published: date
    note: str  # "listed later on 2026-06-22 by MOFCOM-2026-23"
    reason: str | None = field(default=None, metadata=OMIT_DEFAULT)  # a possible match's


@dataclass(frozen=True)
class Screened:
    query: Query
    hits: tuple[Hit, ...]
    # possible matches (match "possible", with a reason) of a counterparty without a hit, or of one whose hit's
    # Chinese name another entity bears under another English name (``same_chinese_name``): to review, not hits;
    # always in JSON, so a reader that looks for it finds [] rather than nothing
    possible: tuple[Hit, ...] = ()
    # listings published after the day (omitted from JSON while there is none): not hits on that day
    listed_later: tuple[Later, ...] = field(default=(), metadata=OMIT_DEFAULT)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = _jsonable(self)
        return data


# A header row's other cells, by what they head (the first heads the names: :func:`storage.watchlist.is_name_header`):
# a file with its header row is read by these, in any order; one without, by position (name[,country]). The
# watchlist's own format, ``name,note,aliases`` (docs/feeds.md), read by position, took each note for a country ("drone
# supplier": a warning a row, screened by the name alone) and screened no alias (user46; session 47).
NOTE_HEADERS = frozenset({"note", "notes", "comment", "comments", "remark", "remarks", "备注", "说明"})
ALIAS_HEADERS = frozenset({"aliases", "alias", "other names", "also known as", "aka", "a.k.a.", "别名", "又称", "其他名称"})
HEADER_ROLES = (("country", COUNTRY_HEADERS), ("company", COMPANY_HEADERS), ("note", NOTE_HEADERS),
                ("aliases", ALIAS_HEADERS))
UNKNOWN_HEADER = ("{where}: column {n} {written!r} of the header row is not one screen reads (name, country, company, "
                  "note, aliases): its cells are not screened")
# the second column under a header naming no country and none of the others there ("Name 1|Cty", SAP's): the country,
# by its place, as a file without a header is read (screen38's SAP list: its countries were read so), and said
PLACED_HEADER = ("{where}: column 2 {written!r} of the header row is not one screen reads by its name (country, company, "
                 "note, aliases): read as the country, by its place (name,country)")


def header_columns(cells: list[str], *, where: str, warnings: list[str] | None = None) -> dict[str, int]:
    """The column of each role a header row names (``name`` the first), the first of each; a cell naming none (or a
    role again) is said in ``warnings`` (:data:`UNKNOWN_HEADER`), its column not read, but the second column where no
    other is the country (:data:`PLACED_HEADER`)."""
    columns = {"name": 0}
    unknown: list[int] = []
    for i, cell in enumerate(cells[1:], start=1):
        said = " ".join(cell.split()).casefold()
        if not said:
            continue
        role = next((r for r, heads in HEADER_ROLES if said in heads), None)
        if role is None or role in columns:
            unknown.append(i)
            continue
        columns[role] = i
    for i in unknown:
        placed = i == 1 and "country" not in columns
        if placed:
            columns["country"] = 1
        if warnings is not None:
            warnings.append((PLACED_HEADER if placed else UNKNOWN_HEADER).format(where=where, n=i + 1,
                                                                                  written=cells[i]))
    return columns


def parse_queries(text: str, *, source: str = "<csv>", warnings: list[str] | None = None) -> tuple[Query, ...]:
    """CSV rows ``name[,country]``; an optional header row starting with ``name``, whose cells then say what each
    column holds (:func:`header_columns`: country, company, note, aliases, in any order; a header it does not know is
    said in ``warnings``); ``#`` comments. A file of more than MAX_COUNTERPARTIES rows is refused before any is read as
    a name (50,000 rows took 3 s of CPU to be refused)."""
    rows: list[tuple[int, list[str]]] = []
    columns: dict[str, int] | None = None  # the header row's, else by position
    header_seen = False
    width = 2
    try:
        read = csv_rows(text, source=source)
    except WatchlistError as exc:
        raise ScreenInputError(str(exc)) from exc
    for line_no, row in enumerate(read, start=1):
        cells = trimmed_cells(row, width)
        if not any(cells) or cells[0].startswith("#"):
            continue
        if not rows and not header_seen and is_name_header(cells[0]):
            # a header of the name alone says nothing of a second cell: read by position, as a file with no header
            columns = header_columns(cells, where=f"{source}:{line_no}", warnings=warnings) if len(cells) > 1 else None
            width = max(2, len(cells))
            header_seen = True
            continue
        if len(cells) > width:
            expected = "name[,country]" if width == 2 else f"at most {width} columns, as its header row names"
            raise ScreenInputError(f"{source}:{line_no}: expected {expected}, got {len(cells)} columns"
                                   + (_wide_header_hint(cells) if not rows and columns is None else ""))
        rows.append((line_no, cells))
    if not rows:
        raise ScreenInputError(f"{source}: no counterparty to screen")
    if len(rows) > MAX_COUNTERPARTIES:
        raise ScreenInputError(f"{source}: {len(rows)} counterparties; at most {MAX_COUNTERPARTIES} per run: split the file "
                               f"into files of {MAX_COUNTERPARTIES} rows at most and screen each")
    columns = columns if columns is not None else {"name": 0, "country": 1}

    def cell(cells: list[str], role: str) -> str | None:
        i = columns.get(role)
        return cells[i] if i is not None and i < len(cells) and cells[i] else None

    out: list[Query] = []
    for line_no, cells in rows:
        where = f"{source}:{line_no}"
        aliases = tuple(dict.fromkeys(a.strip() for a in (cell(cells, "aliases") or "").split(CSV_ALIAS_SEPARATOR)
                                      if a.strip()))
        if "company" in columns:  # a list of people with their company ("Name,Company", "姓名,单位"): the company is no
            # country, and a counterparty of its own on the row's line
            out.extend(make_query(line_no, name, cell(cells, "country"), where=where)
                       for name in dict.fromkeys((cells[0], cell(cells, "company"))) if name)
        else:
            out.append(make_query(line_no, cells[0], cell(cells, "country"), where=where, aliases=aliases))
    return tuple(out)


def _wide_header_hint(cells: list[str]) -> str:
    """What a wide export's header row tells (an ERP's vendor master of 20 columns, the name in the fourth, screen34):
    which column holds the names and which the countries, to keep; "" for a row naming neither."""
    name = next((i for i, c in enumerate(cells) if is_name_header(c)), None)
    if name is None:
        return ""
    country = next((i for i, c in enumerate(cells) if " ".join(c.split()).casefold() in COUNTRY_HEADERS), None)
    keep = f"the names in column {name + 1} ({cells[name]!r})" + (
        f" and the countries in column {country + 1} ({cells[country]!r})" if country is not None else "")
    return f"; its header puts {keep}: save {'those two columns' if country is not None else 'that column'} alone, as " \
           f"name,country, and screen that file"


def json_queries(data: object, *, max_name: int | None = None, refused: list[int] | None = None) -> tuple[Query, ...]:
    """``{"counterparties": [{"name": "…", "country": "US"}, …]}`` (``POST /api/screen``) -> queries. A name longer
    than ``max_name`` characters is left out, its number added to ``refused`` (:func:`long_name_warnings` says so);
    none left: :class:`ScreenInputError`."""
    items = data.get("counterparties") if isinstance(data, dict) else None
    if not isinstance(items, list) or not items:
        raise ScreenInputError('expected {"counterparties": [{"name": "...", "country": "US"}, ...]}')
    if len(items) > MAX_COUNTERPARTIES:
        raise ScreenInputError(f"{len(items)} counterparties; at most {MAX_COUNTERPARTIES} per request")
    out = []
    for i, item in enumerate(items, start=1):
        if not isinstance(item, dict) or set(item) - {"name", "country"}:
            raise ScreenInputError(f"counterparty #{i}: expected an object with name and optional country")
        name = item.get("name")
        if max_name is not None and refused is not None and isinstance(name, str) and len(name.strip()) > max_name:
            refused.append(i)  # a junk cell, not a name: the row refused, the rest screened
            continue
        out.append(make_query(i, name, item.get("country"), where=f"counterparty #{i}"))
    if not out:
        raise ScreenInputError(f"no counterparty to screen: every name is over {max_name} characters")
    return tuple(out)


def long_name_warnings(refused: list[int], max_name: int) -> list[str]:
    """A line for each counterparty :func:`json_queries` left out for a name over ``max_name`` characters."""
    return [LONG_NAME.format(where=f"counterparty #{i}", limit=max_name) for i in refused]


def report(results: tuple[Screened, ...], as_of: date, warnings: list[str] | None = None,
           not_screened: list[int] | None = None, *, complete: bool) -> dict[str, Any]:
    """What ``screen --json`` prints and ``POST /api/screen`` answers: ``matched`` counts the counterparties with a
    hit, ``possible`` those with a possible match to review (and no hit), ``under_measures`` those with a hit in force
    or presumed back in force, ``no_longer_listed`` those whose every hit is lifted or removed; ``complete`` false
    while pages are not read whole (:func:`unread_pages`: their entities are in no screening, so no hit is no
    "clear"; ``warnings`` says which); ``not_screened`` the API's counterparties refused for a name too long (their
    numbers)."""
    out = {"as_of": as_of.isoformat(), "screened": len(results), "matched": sum(1 for r in results if r.hits),
           "possible": sum(1 for r in results if r.possible and not r.hits),
           "under_measures": sum(1 for r in results if under_measures(r)),
           "no_longer_listed": sum(1 for r in results if no_longer_listed(r)), "complete": complete,
           "results": [r.to_json() for r in results]}
    if warnings:  # a country not read (country_warnings); omitted while there is none
        out["warnings"] = list(warnings)
    if not_screened:  # the API's names over its length limit (long_name_warnings); omitted while there is none
        out["not_screened"] = list(not_screened)
    return out


def under_measures(r: Screened) -> bool:
    """Whether a counterparty hits a listing whose measures apply on the day: in force, or presumed back in force
    after a lapse."""
    return any(h.state in IN_EFFECT for h in r.hits)


def no_longer_listed(r: Screened) -> bool:
    """Whether a counterparty was listed before and is no longer: every hit is on a listing lifted or removed by the
    day (not "listed", which an officer reads as "listed now": screen33)."""
    return bool(r.hits) and all(h.state in ENDED and not h.measure_only for h in r.hits)


def make_query(line: int, name: object, country: object, *, where: str, aliases: tuple[str, ...] = ()) -> Query:
    """One checked :class:`Query` (from a CSV row or a JSON object); ``aliases``: other names a CSV's aliases column
    gives it, screened with it."""
    if not isinstance(name, str) or not clean_display(name):
        raise ScreenInputError(f"{where}: empty name")
    if country is not None and not isinstance(country, str):
        raise ScreenInputError(f"{where}: country must be a string such as US")
    code, unread = read_country(country, where=where)
    parts = len(cell_parts(name.strip()))
    long_ = cell_long(name)
    cut = (LONG_NOTE.format(kept=MAX_CELL_CHARS, n=long_) if long_ else
           CUT_NOTE.format(kept=MAX_CELL_PARTS, n=parts) if parts > MAX_CELL_PARTS else None)
    return Query(line, name.strip(), code, country.strip() if unread is not None and country else None, cut,
                 aliases=aliases)


def country_warnings(queries: tuple[Query, ...], *, source: str | None = None) -> list[str]:
    """A line for each counterparty whose country could not be read (``source``: the CSV file, whose line numbers
    the queries carry; else the API's "counterparty #N")."""
    return [UNREAD_COUNTRY.format(where=f"{source}:{q.line}" if source else f"counterparty #{q.line}",
                                  written=q.country_note) for q in queries if q.country_note]


def cell_warnings(queries: tuple[Query, ...], *, source: str | None = None) -> list[str]:
    """A line for each counterparty whose cell splits into more names than are screened (``watchlist.CELL_CUT``), and
    for each whose name is too short to match closely ("a", "GE", "石": :func:`storage.names.too_short`, as ``timeline``
    and the site's search say it), ``source`` as for :func:`country_warnings`."""
    def where(q: Query) -> str:
        return f"{source}:{q.line}" if source else f"counterparty #{q.line}"

    return [line for q in queries if q.cut_note and (line := cell_cut(q.name, where=where(q))) is not None] + [
        f"{where(q)}: " + TOO_SHORT.format(name=repr(q.name)) for q in queries if too_short(q.name)]


def unread_pages(session: Session) -> list[str]:
    """The URLs of the pages open issues say were not read whole (``storage.pages.UNFINISHED_ISSUES``: a notice read
    short of its stated count, a page refused or unusable), in order."""
    from storage.models import HealthIssue
    from storage.pages import UNFINISHED_ISSUES

    return list(session.scalars(select(HealthIssue.url).where(
        HealthIssue.kind.in_([k.value for k in UNFINISHED_ISSUES]), HealthIssue.resolved_at.is_(None),
        HealthIssue.url.is_not(None)).distinct().order_by(HealthIssue.url)))


def unread_lines(urls: list[str]) -> list[str]:
    """One line when pages are not read whole (:func:`unread_pages`), naming the first of them; none otherwise."""
    if not urls:
        return []
    return [UNREAD_PAGES.format(n=len(urls), first=urls[0], more=f" and {len(urls) - 1} more" if len(urls) > 1 else "")]


def unread_warnings(session: Session) -> list[str]:
    """:func:`unread_lines` of the store's :func:`unread_pages`."""
    return unread_lines(unread_pages(session))


def _lists(rec: NoticeRecord) -> bool:
    """Whether a notice lists (or adds a measure, or opens an investigation) itself: one that only removes, lifts or
    suspends lists nobody, later or not ("listed later on 2027-02-09 by MOFCOM-2027-5" said of a removal, story35 S2)."""
    return any(a.action in OWN_ACTIONS and not a.targets for a in rec.actions)


def _named_anew(d: Any, spellings: dict[str, list[EntityRecord]], mentions: dict[str, set[str]]) -> set[str]:
    """The keys no state row has that a notice's step wrote for an entity the engine found under another key by the
    names a correction gave it (No. 5 removing "北极星光电公司（Polaris Optoelectronics, Inc.）", key polarisoptoelectronics,
    the listing's entity polarisoptronics since No. 4 corrected its English name): one company, shown under the key
    that has its states; shown apart, it was a second hit "not in effect" on the removal notice (story35 S2)."""
    in_rows = {k for r in d.states for k in r.entity_keys}
    reached: dict[str, set[str]] = {}
    for e in d.events:
        if e.scope is EventScope.ENTITY and e.source_key and e.entity_key:
            reached.setdefault(e.source_key, set()).add(e.entity_key)
    return {key for key in spellings if key not in in_rows and any(
        other != key and other in in_rows and key in {entity_key(e.zh, e.en) for e in spellings.get(other, ())}
        for n in mentions.get(key, ()) for other in reached.get(n, ()))}


def screen(session: Session, queries: tuple[Query, ...], as_of: date) -> tuple[Screened, ...]:
    """Every list hit of every counterparty, the lists' states as of ``as_of``."""
    notices, d = derive_stored(session, as_of)
    spellings: dict[str, list[EntityRecord]] = {}
    mentions: dict[str, set[str]] = {}
    given: dict[tuple[str, str], list[str]] = {}  # (entity, alias): the notices that give it, by number
    for n in notices:
        for e in n.record.entities:
            if e.key:
                spellings.setdefault(e.key, []).append(e)
                if not corrects_names(n.record):  # a correction's names are another notice's entities: no listing
                    mentions.setdefault(e.key, set()).add(n.record.key)
                for alias in e.aliases:
                    given.setdefault((e.key, alias), []).append(n.record.number or n.record.key)
    spellings = with_known_countries(spellings)
    reach: dict[tuple[str, str], set[str]] = {}  # what a counterparty must give to possibly be an entity
    for key, records in spellings.items():
        for e in records:
            for k in possible_lookups(e):
                reach.setdefault(k, set()).add(key)
    by_notice = {n.record.key: n.record for n in notices}
    public_from = {n.record.key: known_from(n) for n in notices}
    same_as = _named_anew(d, spellings, mentions)
    # one company under two keys, tied by another name a notice public on the day gives it (storage.aliaslinks)
    links = notice_links(notices, as_of)
    out = []
    for q in queries:
        # the watchlist feed's matching, country and aliases (a CSV's aliases column) all
        wl = Watchlist((Counterparty(q.name, q.aliases, country=q.country),))
        hits: list[Hit] = []
        possible: list[Hit] = []
        later: list[Later] = []
        firm = {key: _best(wl, records) for key, records in spellings.items()}
        for key, match in sorted((k, m) for k, m in firm.items() if m is not None):
            for link in links.of(key):  # the other key of a linked pair is hit too, saying why
                other = link.other(key)
                if other in firm and firm[other] is None and match.alias is None:
                    firm[other] = with_reason(match, link.reason(other), alias=None, entity_name=link.named_name
                                              if other == link.named else link.giver_name)
        # a counterparty that hits an entity is that entity: it is offered no other as possible (not every listed
        # Lockheed Martin company for "Lockheed Martin Corp"), as the watchlist feed does (feeds.catalog), but an
        # entity of the hit's own Chinese name under another English name (``same_chinese_name``)
        unsure = not any(firm.values())
        # a cell naming a company and a person ("Skydio Inc. and Thomas Moss"): the company's hit offered the person no
        # possible match (screen40); people are offered one while no person is hit
        person_hit = any(m is not None and _individual(spellings[k]) for k, m in firm.items())
        maybe = {k for r in wl.possible_keys() for k in reach.get(r, ())
                 if unsure or (not person_hit and _individual(spellings[k]))} if not too_short(q.name) else set()
        namesakes = {} if unsure else same_chinese_name(firm, spellings)
        for key in sorted(spellings):
            if key in same_as:  # a step's own key for an entity the engine found under another: that one is shown
                continue
            records = spellings[key]
            country = next((e.country for e in records if e.country), None)
            best = firm[key] or namesakes.get(key) or (_best_possible(wl, records) if key in maybe else None)
            if best is None:
                continue
            if best.alias is not None:  # a hit on another name a notice gives it: which notice says so
                best = with_reason(best, alias_reason(best.alias, tuple(dict.fromkeys(given[key, best.alias]))))
            zh = next((clean_display(e.zh) for e in records if e.zh), None)
            en = next((clean_display(e.en) for e in records if e.en), None)
            rows = [r for r in d.states if key in r.entity_keys]
            # a notice published after the day lists nobody on that day: shown apart, never a hit
            after = sorted(k for k in mentions.get(key, ()) if (public_from[k] or as_of) > as_of)
            for notice_key in after:
                rec = by_notice[notice_key]
                day = public_from[notice_key]
                if rec.list is not None and day is not None and _lists(rec):
                    later.append(Later(key, best.method, best.score, best.entity_name, notice_key, rec.number,
                                       rec.list, day, f"listed later on {day.isoformat()} by {notice_key}",
                                       best.reason))
            # the listings in force, suspended, ... on the day; else the notices naming it that the day knows
            listed = sorted({r.notice_key for r in rows}) or sorted(mentions.get(key, set()) - set(after))
            for notice_key in listed:
                rec = by_notice[notice_key]
                notice_rows = [r for r in rows if r.notice_key == notice_key]
                for r in notice_rows or [None]:
                    lst = r.list if r else rec.list
                    if lst is None:
                        continue
                    (possible if best.method == POSSIBLE else hits).append(Hit(
                        key, zh, en, country, best.method, best.score, best.entity_name, notice_key, rec.number, lst,
                        rec.issuer, ministry_of(rec.issuer), r.state if r else None, r.since if r else None,
                        r.until if r else None, r.presumed if r else False, r.next_state if r else None,
                        r.next_from if r else None, best.reason, next_until=r.next_until if r else None,
                        measure_only=r.measure_only if r else False))
        later.sort(key=lambda x: (x.published, x.notice_key, x.entity_key))  # by date, as a reader reads them
        out.append(Screened(q, tuple(hits), tuple(possible), tuple(later)))
    return tuple(out)


def _individual(records: list[EntityRecord]) -> bool:
    """Whether the notices name the entity as a person."""
    return any(e.type == "individual" for e in records)


def with_known_countries(spellings: dict[str, list[EntityRecord]]) -> dict[str, list[EntityRecord]]:
    """Each entity's spellings, one a notice gives without a country (UEL 〔2025〕6号's Illumina) with the country the
    others give it, when they give one only (as lifecycle's ``known_countries``): a counterparty's other country rules
    out a possible match on every spelling alike ("Illumina Cambridge Ltd", GB, was offered Illumina by the one
    without: screen36)."""
    out = dict(spellings)
    for key, records in spellings.items():
        known = {e.country for e in records if e.country}
        if len(known) == 1 and any(e.country is None for e in records):
            out[key] = [e if e.country else replace(e, country=next(iter(known))) for e in records]
    return out


def _best_possible(wl: Watchlist, records: list[EntityRecord]) -> Match | None:
    """The best possible match of the one counterparty of ``wl`` with any spelling of an entity, or None."""
    found = [p.match for e in records for p in wl.possible(e)]
    return min(found, key=lambda m: (-m.score, m.entity_name)) if found else None


def _best(wl: Watchlist, records: list[EntityRecord]) -> Match | None:
    order = {"exact": 0, "normalised": 1, "fuzzy": 2}
    found = [m for m in (wl.match(e) for e in records) if m is not None]
    return min(found, key=lambda m: (order[m.method], -m.score, m.entity_name)) if found else None
