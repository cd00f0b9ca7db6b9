"""The user's own counterparties, and how a listed entity matches one of them.

A watchlist is a CSV (``name[,note[,aliases]]``, aliases separated by ``;``) or a
TOML file (``[[counterparty]] name = "…", aliases = ["…"], note = "…"``), with
names in either language. Matching tries, in order: the display name as written
(exact), the matching key of :func:`storage.names.name_key` (normalised: case,
width, punctuation, legal suffixes), then a fuzzy score from rapidfuzz
(:func:`fuzzy_score`: typos, word order), reported with its score so a reader can judge it.
An entity's branches and subsidiaries (``EntityRecord.branches``) are tried the same way after its
own names: a counterparty that is one of them is hit by the entity's listing.

The fuzzy rule is strict on purpose, so near-misses do not hit: both keys at least
FUZZY_MIN_KEY_LENGTH characters; the same number of distinctive words (words not in
GENERIC_WORDS, such as "Technologies" or "Systems": "Lockheed Martin UK" is not "Lockheed
Martin"); and a score of at least FUZZY_THRESHOLD both on the whole names and on their
distinctive words alone ("Sarona Technologies" is not "Saronic Technologies").
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from storage.names import clean_display, name_key, name_words
from storage.records import EntityRecord

FUZZY_THRESHOLD = 90.0  # rapidfuzz ratio, whole names and distinctive words; below this a name is not a match
FUZZY_MIN_KEY_LENGTH = 4  # shorter keys ("ab", "中航") only match exactly or normalised
# Words many company names share: they neither make two names alike nor count as a difference.
GENERIC_WORDS = frozenset({
    "and", "of", "the", "technologies", "technology", "tech", "systems", "system", "group", "holdings",
    "holding", "international", "industries", "industry", "aerospace", "defense", "defence", "solutions",
    "services", "engineering", "electronics", "enterprises", "management", "labs", "laboratories",
    "laboratory", "logistics", "materials", "robotics", "drones", "global", "partners", "research",
})
# One spelling for the generic words' variants, so "Technology" and "Technologies, Inc." stay alike.
GENERIC_FORMS = {"technologies": "technology", "tech": "technology", "systems": "system", "holdings": "holding",
                 "industries": "industry", "laboratories": "laboratory", "labs": "laboratory", "defence": "defense",
                 "services": "service", "solutions": "solution", "drones": "drone", "partners": "partner"}
# A branch written "中文名（English Name）", as MFA decisions list subsidiaries.
BRANCH_BILINGUAL_RE = re.compile(r"(?P<zh>[^（(]*[\u4e00-\u9fff][^（(]*?)\s*[（(](?P<en>[^（）()]*[A-Za-z][^（）()]*)[）)]")
CSV_ALIAS_SEPARATOR = ";"
CSV_SUFFIXES = (".csv", ".txt")
TOML_SUFFIXES = (".toml",)
TEXT_ENCODINGS = ("utf-8-sig", "gb18030")  # Excel in a Chinese locale saves CSV as GBK

EXACT = "exact"
NORMALISED = "normalised"
FUZZY = "fuzzy"


class WatchlistError(ValueError):
    """The watchlist file cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Counterparty:
    """One of the user's counterparties: a name plus other spellings of it."""

    name: str
    aliases: tuple[str, ...] = ()
    note: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Match:
    """How a listed entity matched a counterparty.

    ``matched_name`` is the watchlist spelling that matched, ``entity_name`` the
    entity's name as the notice wrote it, ``method`` one of exact / normalised /
    fuzzy, ``score`` 100 for exact and normalised matches.
    """

    counterparty: str
    matched_name: str
    entity_name: str
    method: str
    score: float
    note: str | None = None

    def as_extra(self) -> tuple[tuple[str, str], ...]:
        """The small key/value fields an :class:`EventRecord` carries in ``extra``."""
        fields = [
            ("watchlist_counterparty", self.counterparty),
            ("watchlist_matched_name", self.matched_name),
            ("watchlist_entity_name", self.entity_name),
            ("watchlist_method", self.method),
            ("watchlist_score", f"{self.score:.1f}"),
        ]
        if self.note:
            fields.append(("watchlist_note", self.note))
        return tuple(fields)


@dataclass(frozen=True)
class _Name:
    counterparty: Counterparty
    name: str
    display: str
    key: str


class Watchlist:
    """A loaded watchlist; :meth:`match` is cached per entity."""

    def __init__(self, counterparties: tuple[Counterparty, ...], *, threshold: float = FUZZY_THRESHOLD) -> None:
        self.counterparties = counterparties
        self.threshold = threshold
        names: list[_Name] = []
        for cp in counterparties:
            for name in cp.names:
                display = clean_display(name)
                if display:
                    names.append(_Name(cp, name, display, name_key(display)))
        self._names = tuple(names)
        self._by_display = {n.display: n for n in reversed(self._names)}
        self._by_key = {n.key: n for n in reversed(self._names) if n.key}
        self._fuzzy = tuple(n for n in self._names if len(n.key) >= FUZZY_MIN_KEY_LENGTH)
        self._cache: dict[tuple[str | None, str | None, str, tuple[str, ...]], Match | None] = {}

    def __len__(self) -> int:
        return len(self.counterparties)

    def match(self, entity: EntityRecord) -> Match | None:
        """The best match of ``entity`` (either of its names), or None."""
        cache_key = (entity.zh, entity.en, entity.key, entity.branches)
        if cache_key not in self._cache:
            self._cache[cache_key] = self._match(entity)
        return self._cache[cache_key]

    def _match(self, entity: EntityRecord) -> Match | None:
        written = [n for n in (entity.en, entity.zh) if n]
        hit = self._exact(written)
        if hit is None and entity.key and entity.key in self._by_key:
            return _make(self._by_key[entity.key], written[0] if written else entity.key, NORMALISED, 100.0)
        hit = hit or self._fuzzy_best(written)
        if hit is None and entity.branches:
            # A counterparty that is a listed entity's branch or subsidiary ("TechInsights Japan KK" under
            # TechInsights) is hit by that listing; the match names the branch. The entity's own names come first.
            branches = [n for b in entity.branches for n in branch_names(b)]
            hit = self._exact(branches) or self._fuzzy_best(branches)
        return hit

    def _exact(self, written: list[str]) -> Match | None:
        """The first of ``written`` found as written, else the first found by its normalised key."""
        displays = [(w, clean_display(w)) for w in written]
        for name, display in displays:
            hit = self._by_display.get(display or "")
            if hit:
                return _make(hit, name, EXACT, 100.0)
        for name, display in displays:
            hit = self._by_key.get(name_key(display))
            if hit:
                return _make(hit, name, NORMALISED, 100.0)
        return None

    def _fuzzy_best(self, written: list[str]) -> Match | None:
        best: Match | None = None
        for name in written:
            display = clean_display(name)
            for candidate in self._fuzzy:
                score = fuzzy_score(display or "", candidate.display)
                if score >= self.threshold and (best is None or score > best.score):
                    best = _make(candidate, name, FUZZY, score)
        return best


def branch_names(branch: str) -> tuple[str, ...]:
    """The names a branch line gives: "安杜里尔澳大利亚公司（Anduril Australia Pty Ltd）" is two names, each
    matched on its own as an entity's Chinese and English names are; a line in one language is one name."""
    m = BRANCH_BILINGUAL_RE.fullmatch(branch.strip())
    return (m.group("zh"), m.group("en")) if m else (branch.strip().lstrip("-").strip(),)


def distinctive_words(name: str) -> tuple[str, ...]:
    """The words of ``name`` (as :func:`name_key` splits it) that are not GENERIC_WORDS, sorted;
    all of them when every word is generic."""
    words = [name_key(w) or w for w in name_words(name)]  # name_key drops 公司, 有限公司 from a word
    return tuple(sorted(w for w in words if w not in GENERIC_WORDS) or sorted(words))


def fuzzy_score(a: str, b: str) -> float:
    """How alike two names are, 0-100, by the strict rule of this module's docstring (0: must not match)."""
    ka, kb = name_key(a), name_key(b)
    if min(len(ka), len(kb)) < FUZZY_MIN_KEY_LENGTH:
        return 0.0
    da, db = distinctive_words(a), distinctive_words(b)
    if len(da) != len(db):
        return 0.0
    wa, wb = ([GENERIC_FORMS.get(w, w) for w in name_words(x)] for x in (a, b))
    from rapidfuzz import fuzz  # here: run and feeds import this module for WatchlistError, most never match

    whole = max(fuzz.ratio(ka, kb), fuzz.ratio("".join(wa), "".join(wb)), fuzz.ratio("".join(sorted(wa)), "".join(sorted(wb))))
    core = fuzz.ratio("".join(da), "".join(db))
    return round(min(whole, core), 1)


def _make(hit: _Name, entity_name: str, method: str, score: float) -> Match:
    return Match(
        counterparty=hit.counterparty.name,
        matched_name=hit.name,
        entity_name=entity_name,
        method=method,
        score=score,
        note=hit.counterparty.note,
    )


# --- loading ----------------------------------------------------------------------


def load_watchlist(path: Path) -> Watchlist:
    """Read a CSV or TOML watchlist; raise :class:`WatchlistError` with a clear message."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise WatchlistError(f"cannot read watchlist {path}: {exc.strerror or exc}") from exc
    text = decode_text(raw)
    if text is None:
        raise WatchlistError(f"watchlist {path} is neither UTF-8 nor GB18030 text")
    suffix = path.suffix.lower()
    if suffix in TOML_SUFFIXES:
        counterparties = parse_toml(text, source=str(path))
    elif suffix in CSV_SUFFIXES:
        counterparties = parse_csv(text, source=str(path))
    else:
        raise WatchlistError(f"watchlist {path}: unknown file type {suffix or '(none)'!r}; use .csv or .toml")
    if not counterparties:
        raise WatchlistError(f"watchlist {path} names no counterparty")
    return Watchlist(counterparties)


def decode_text(raw: bytes) -> str | None:
    """A counterparty file as text (UTF-8, else GB18030 as Excel saves it in a Chinese locale); None if neither.

    Shared by watchlists and `screen`, the two places a user hands us a spreadsheet."""
    for encoding in TEXT_ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def parse_csv(text: str, *, source: str = "<csv>") -> tuple[Counterparty, ...]:
    """Rows ``name[,note[,aliases]]``; an optional header row starting with ``name``."""
    rows = list(csv.reader(io.StringIO(text)))
    out: list[Counterparty] = []
    for line_no, row in enumerate(rows, start=1):
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if line_no == 1 and cells[0].casefold() == "name":
            continue
        if len(cells) > 3:
            raise WatchlistError(f"{source}:{line_no}: expected name[,note[,aliases]], got {len(cells)} columns")
        name = cells[0]
        if not clean_display(name):
            raise WatchlistError(f"{source}:{line_no}: empty name")
        note = cells[1] if len(cells) > 1 and cells[1] else None
        aliases: tuple[str, ...] = ()
        if len(cells) > 2:
            aliases = tuple(a.strip() for a in cells[2].split(CSV_ALIAS_SEPARATOR) if a.strip())
        out.append(Counterparty(name=name, aliases=aliases, note=note))
    return tuple(out)


def parse_toml(text: str, *, source: str = "<toml>") -> tuple[Counterparty, ...]:
    """``[[counterparty]]`` tables with ``name``, optional ``aliases`` (list) and ``note``."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise WatchlistError(f"{source}: not valid TOML: {exc}") from exc
    unknown = sorted(set(data) - {"counterparty"})
    if unknown:
        raise WatchlistError(f"{source}: unknown key(s) {', '.join(unknown)}; expected [[counterparty]] tables")
    tables = data.get("counterparty", [])
    if not isinstance(tables, list):
        raise WatchlistError(f"{source}: 'counterparty' must be an array of tables ([[counterparty]])")
    out: list[Counterparty] = []
    for i, table in enumerate(tables, start=1):
        where = f"{source}: counterparty #{i}"
        if not isinstance(table, dict):
            raise WatchlistError(f"{where}: expected a table")
        extra = sorted(set(table) - {"name", "aliases", "note"})
        if extra:
            raise WatchlistError(f"{where}: unknown key(s) {', '.join(extra)}")
        name = table.get("name")
        if not isinstance(name, str) or not clean_display(name):
            raise WatchlistError(f"{where}: 'name' must be a non-empty string")
        aliases = table.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise WatchlistError(f"{where}: 'aliases' must be a list of strings")
        note = table.get("note")
        if note is not None and not isinstance(note, str):
            raise WatchlistError(f"{where}: 'note' must be a string")
        out.append(Counterparty(name=name.strip(), aliases=tuple(a.strip() for a in aliases if a.strip()), note=note))
    return tuple(out)
