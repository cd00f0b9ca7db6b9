"""An N-times corpus built from ``fixtures/``: copy k is the fixtures with every year moved and every
entity renamed, so its notices, Q&As and entities get keys of their own.

Used by ``bench/scale.py`` (1x / 10x / 100x) and by the tests (``tests/test_corpus.py``,
``tests/test_incremental_equivalence.py``). It lives under ``tests/`` because the tests import it
and the benches already import shared code from there (``bench/faults.py`` uses ``tests.faults``).

Copy 0 is the fixtures byte for byte. Copy k >= 1:

- **years** ``2025`` -> ``2025 + 8k`` wherever they are written: notice numbers (商务部公告2025年第21号,
  〔2025〕7号), dates (2025年4月4日, 2025-04-04), URL paths (``art/2025/``, ``202509/t20250908_…``,
  ``texts/mofcom-2025-70.txt``), and so in every reference between notices: a Q&A naming
  公告2025年第21号 points at the same copy's notice, and every timeline keeps its shape. 8 years per
  copy: the fixtures span five years (2022-2026), so copies never share a year; a multiple of 4 keeps
  leap years where they were (no century year lands on a February the fixtures use), and 4-digit
  years last to about 990 copies.
- **entity names** get a per-copy prefix: Chinese names ``甲乙`` (heavenly stems: not numerals, so no
  count or date rule reads them), English names ``Qab `` (letters, no digits), found by parsing the
  fixtures with the project's parser and prefixed wherever they occur in a page (lists, prose,
  titles, a person's role), so entity keys differ per copy and stay consistent across its pages.
- **paths** without a year (the index pages) get ``_k`` before the suffix (``index_3.html``, as
  paginated jpaas indexes are named), so copies never overwrite each other.

Each page is decoded with the charset the project reads it with and written back in the same
encoding (GB labels as GB18030), so pages stay byte-valid in their declared encoding.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from mofcom_watch.pipeline import read_replay_file, replay_files
from scraper.charset import detect_encoding
from scraper.parse import parse_document
from storage.names import clean_display
from storage.records import DocumentKind, UnusablePage

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
YEARS_PER_COPY = 8  # > the fixtures' span of years (2022-2026), and a multiple of 4 (leap years)
STEMS = "甲乙丙丁戊己庚辛壬癸"  # Chinese prefix digits: not numerals
LETTERS = "abcdefghijklmnopqrstuvwxyz"
MAX_COPY = (9999 - 2026) // YEARS_PER_COPY
MAX_BYTES = 50 * 1024 * 1024
# A year as written: not inside a hex id (art_<32 hex>) or a longer number, optionally followed by a
# month and day run together (202509/, t20250908_). The fixtures' years are 2022-2026; any 19xx-20xx counts.
YEAR_RE = re.compile(r"(?<![0-9a-f])(?P<y>(?:19|20)\d\d)(?=(?:\d\d){0,2}(?!\d))")
INVISIBLE = "[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]*"
SPACE = r"(?:[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]|&nbsp;|&#160;)+"


@dataclass(frozen=True)
class Copy:
    """Copy ``k`` of the fixtures: how far its years move and how its names are prefixed."""

    k: int

    def __post_init__(self) -> None:
        if not 0 <= self.k <= MAX_COPY:
            raise ValueError(f"copy {self.k}: copies are numbered 0..{MAX_COPY} (years stay 4-digit)")

    @property
    def years(self) -> int:
        return YEARS_PER_COPY * self.k

    @property
    def zh_prefix(self) -> str:
        return "" if self.k == 0 else STEMS[self.k // 100 % 10] + STEMS[self.k // 10 % 10] + STEMS[self.k % 10]

    @property
    def en_prefix(self) -> str:
        return "" if self.k == 0 else "Q" + "".join(LETTERS[self.k // 26**i % 26] for i in (2, 1, 0)) + " "

    def day(self, day: date) -> date:
        """``day`` moved into this copy's years (an as-of date, a fetch date)."""
        return day.replace(year=day.year + self.years)

    def shift_years(self, text: str) -> str:
        if self.years == 0:
            return text
        return YEAR_RE.sub(lambda m: str(int(m.group("y")) + self.years), text)

    def path(self, rel: str) -> str:
        """The copy's relative path of a fixture file: years moved, or ``_k`` added when it has none."""
        moved = self.shift_years(rel)
        if moved == rel and self.k:
            stem, dot, suffix = rel.rpartition(".")
            moved = f"{stem}_{self.k}.{suffix}" if dot and "/" not in suffix else f"{rel}_{self.k}"
        return moved


@dataclass(frozen=True)
class Names:
    """Every entity name the parser reads from the fixtures, as display forms, by language."""

    zh: frozenset[str]
    en: frozenset[str]

    def pattern(self) -> re.Pattern[str]:
        """One alternation, longest name first, matching a name as written in a page (invisible
        characters, odd or repeated spaces, ``&amp;``)."""
        names = sorted(self.zh | self.en, key=lambda n: (-len(n), n))
        return re.compile("|".join(_written(n) for n in names))

    def is_zh(self, written: str) -> bool:
        """Whether a name as matched in a page is one of the Chinese names."""
        display = clean_display(html.unescape(written))
        if display in self.zh:
            return True
        if display in self.en:
            return False
        raise ValueError(f"{written!r} matched no fixture name")


def _written(name: str) -> str:
    out = []
    for ch in name:
        if ch == " ":
            out.append(SPACE)
        elif ch == "&":
            out.append("(?:&amp;|&)")
        else:
            out.append(re.escape(ch))
    return INVISIBLE + INVISIBLE.join(out)


@lru_cache(maxsize=4)
def fixture_names(source: Path = FIXTURES) -> Names:
    """The entity names (and branch names) of every notice in ``source``, read by the parser."""
    zh: set[str] = set()
    en: set[str] = set()
    for path, url in replay_files(source):
        try:
            doc = parse_document(read_replay_file(path, source, MAX_BYTES), url=url)
        except UnusablePage:
            continue
        if doc.kind != DocumentKind.NOTICE or doc.notice is None:
            continue
        for entity in doc.notice.entities:
            zh.update(n for n in (entity.zh,) if n)
            en.update(n for n in (entity.en,) if n)
            for branch in entity.branches:
                (zh if re.search(r"[\u4e00-\u9fff]", branch) else en).add(branch.lstrip("-–— "))
    if zh & en:
        raise ValueError(f"names read both as Chinese and English: {sorted(zh & en)}")
    return Names(frozenset(zh), frozenset(en))


@lru_cache(maxsize=4)
def _names_re(source: Path) -> re.Pattern[str]:
    return fixture_names(source).pattern()


def rename(text: str, copy: Copy, source: Path = FIXTURES) -> str:
    """Every entity name in ``text`` with the copy's prefix (Chinese or English by the name's language)."""
    if copy.k == 0:
        return text

    names = fixture_names(source)

    def prefixed(m: re.Match[str]) -> str:
        return (copy.zh_prefix if names.is_zh(m.group(0)) else copy.en_prefix) + m.group(0)

    return _names_re(source).sub(prefixed, text)


def copy_page(raw: bytes, copy: Copy, source: Path = FIXTURES, content_type: str | None = None) -> bytes:
    """One page of copy ``k``: decoded as the project reads it, years moved, names prefixed, encoded back."""
    if copy.k == 0:
        return raw
    encoding = detect_encoding(raw, content_type)
    bom = b"\xef\xbb\xbf" if encoding == "utf-8" and raw.startswith(b"\xef\xbb\xbf") else b""
    text = raw[len(bom):].decode(encoding)  # strict: a fixture that does not decode is a broken fixture
    return bom + rename(copy.shift_years(text), copy, source).encode(encoding)


def build_copy(k: int, out: Path, source: Path = FIXTURES) -> list[Path]:
    """Write copy ``k`` of ``source`` into ``out`` (created); the files written."""
    copy = Copy(k)
    written = []
    for path, _url in replay_files(source):
        rel = path.relative_to(source).as_posix()
        target = out / copy.path(rel)
        if target.exists():
            raise FileExistsError(f"{target}: two fixture files map to one path in copy {k}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(copy_page(path.read_bytes(), copy, source))
        written.append(target)
    return written


def build_corpus(n: int, out: Path, source: Path = FIXTURES) -> Path:
    """Copies 0..n-1 of ``source`` in one replay folder ``out``: an n-times corpus."""
    for k in range(n):
        build_copy(k, out, source)
    return out


def corpus_as_of(n: int, day: date) -> date:
    """An as-of date that is ``day`` for the newest copy of an n-times corpus (every copy in its past)."""
    return Copy(n - 1).day(day)
