"""Entity names: a display form that stays as written, and a key for matching.

The same company is spelled differently across notices ("Skydio, Inc." /
"Skydio Inc.", "TCOM, Limited Partnership" / "TCOM,Limited Partnership",
an invisible U+200C before "High Point", U+2002 inside "Cyberlux Corporation").
Display names only lose what no reader can see; keys lose everything that
does not identify the company.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Zero-width and bidi characters that carry no visible text.
INVISIBLE_RE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")
# Every kind of space (U+2002 EN SPACE, U+3000 IDEOGRAPHIC SPACE, NBSP, ...).
SPACES_RE = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")

# Legal suffixes dropped from keys, longest first. Matched at the end of the
# normalised (lower-case, NFKC) name, after punctuation became spaces.
LEGAL_SUFFIXES_EN = (
    "limited partnership",
    "incorporated",
    "corporation",
    "company",
    "limited",
    "corp",
    "inc",
    "llc",
    "l l c",
    "ltd",
    "co",
    "lp",
    "l p",  # "TCOM, L.P." (the company's own style; MOFCOM writes "TCOM, Limited Partnership")
    "plc",
    "gmbh",
    "kk",
    "ag",
    "sa",
)
LEGAL_SUFFIXES_ZH = ("有限责任公司", "股份有限公司", "有限公司", "公司", "集团")

_PUNCT_RE = re.compile(r"[^\w]+", re.UNICODE)


def clean_display(name: str | None) -> str | None:
    """Remove invisible characters and fold odd spaces; keep everything else."""
    if name is None:
        return None
    text = INVISIBLE_RE.sub("", name)
    text = SPACES_RE.sub(" ", text).strip()
    return text or None


def _strip_suffixes(words: list[str], suffixes: tuple[str, ...]) -> list[str]:
    changed = True
    while changed and len(words) > 1:
        changed = False
        for suffix in suffixes:
            parts = suffix.split()
            if len(words) > len(parts) and words[-len(parts) :] == parts:
                words = words[: -len(parts)]
                changed = True
                break
    return words


@lru_cache(maxsize=65536)  # pure, and called for every name on every match and every ingest
def name_key(name: str | None) -> str:
    """Matching key for one name in either language.

    NFKC, casefold, no invisible characters, punctuation and spaces removed,
    legal suffixes (Inc., LLC, 公司, ...) dropped. Empty string for no name.
    """
    key = "".join(name_words(name))
    for suffix in LEGAL_SUFFIXES_ZH:
        if key.endswith(suffix) and len(key) > len(suffix):
            key = key[: -len(suffix)]
            break
    return key


@lru_cache(maxsize=65536)
def name_words(name: str | None) -> tuple[str, ...]:
    """The words of :func:`name_key` before they are joined: fuzzy matching compares word by word."""
    if not name:
        return ()
    text = unicodedata.normalize("NFKC", INVISIBLE_RE.sub("", name)).casefold()
    text = text.replace("&", " and ")
    words = [w for w in _PUNCT_RE.sub(" ", text).split() if w and w != "_"]
    words = _strip_suffixes(words, LEGAL_SUFFIXES_EN)
    return tuple(x for x in (w.replace("_", "") for w in words) if x)


def entity_key(zh: str | None, en: str | None) -> str:
    """Stable key of an entity: its English key when it has one, else its Chinese key.

    English names are what MOFCOM repeats most consistently across notices
    (Chinese renderings of the same company vary more), so they win.
    """
    return name_key(en) or name_key(zh)
