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


# A name shorter than this (a Chinese, Japanese or Korean character counting 2, any other letter or digit 1: "a", "GE",
# "石") is matched as written only (exactly or normalised), never closely: `timeline a` suggested five names and the
# site's search for "a" listed five "similar name, score 90" (ACT1联邦公司, Adam Bry, Axient, Exovera, HavocAI), a
# partial score of one letter (user46). `screen`'s close matches need keys of 4 characters (storage.watchlist);
# 石平 (2 characters) and "3M"-like names written exactly are still found. `timeline`, `screen` and the site's
# search say it in the words of :data:`TOO_SHORT`.
MIN_CLOSE_WEIGHT = 3
TOO_SHORT = ("{name} is too short to be matched closely (fewer than 3 letters or 2 Chinese characters): only a listed "
             "name written so is found; give more of the name")


def too_short(name: str | None) -> bool:
    """Whether ``name``'s key weighs less than :data:`MIN_CLOSE_WEIGHT` (a wide character counting 2): matched as written
    only, no close name suggested or offered."""
    key = name_key(name)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in key) < MIN_CLOSE_WEIGHT


def zh_core(key: str) -> str:
    """A Chinese name key without its generic suffixes, however many ("某某集团有限公司" -> "某某"): :func:`name_key`
    drops one, which keys must keep; a Chinese short name is matched on what is left after all."""
    stripped = True
    while stripped:
        stripped = False
        for suffix in LEGAL_SUFFIXES_ZH:
            if key.endswith(suffix) and len(key) > len(suffix):
                key, stripped = key[: -len(suffix)], True
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


@lru_cache(maxsize=65536)
def has_legal_suffix(name: str | None) -> bool:
    """Whether an English name ends in a legal suffix ("Summit Inc", "Oshkosh Corporation"): a company's whole legal
    name, not a short name ("Summit")."""
    if not name:
        return False
    text = unicodedata.normalize("NFKC", INVISIBLE_RE.sub("", name)).casefold().replace("&", " and ")
    words = [w for w in _PUNCT_RE.sub(" ", text).split() if w and w != "_"]
    return len(_strip_suffixes(words, LEGAL_SUFFIXES_EN)) < len(words)


# Latin letters with a stroke or a ligature, which NFD leaves whole: "Łukasz Wiśniewski", "Søren Ødegård", "Đuro Đurić"
# (session 40, mfa40: "Lukasz Wisniewski" got nothing against the listed Łukasz Wiśniewski in screening).
STROKED = {"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "Ħ": "H", "ħ": "h", "ı": "i", "Þ": "Th", "þ": "th",
           "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "Ŧ": "T", "ŧ": "t"}


@lru_cache(maxsize=4096)
def latin_folded(key: str) -> str:
    """``key`` (a :func:`name_key`) with its Latin letters' accents and strokes dropped ("agnėvisuckaitė" -> "agnevisuckaite",
    "łukaszwiśniewski" -> "lukaszwisniewski"); other scripts kept as they are. A key is never so folded: a step that
    names an entity without its diacritics finds the listed one by it (``storage.lifecycle.targets``)."""
    if key.isascii():
        return key
    out = []
    for char in key:
        if char.isascii():
            out.append(char)
        elif char in STROKED:
            out.append(STROKED[char].lower())
        else:
            base = unicodedata.normalize("NFD", char)
            if base[0].isascii() and base[0].isalpha():
                out.append(base[0])
            elif unicodedata.category(char) != "Mn":
                out.append(char)
    return "".join(out)


def entity_key(zh: str | None, en: str | None) -> str:
    """Stable key of an entity: its English key when it has one, else its Chinese key.

    English names are what MOFCOM repeats most consistently across notices
    (Chinese renderings of the same company vary more), so they win.
    """
    return name_key(en) or name_key(zh)


# The words by which a notice gives another name of an entity, after its name ("，又称Sequoia Dynamic Systems",
# "（…, also known as Hermes Aero）", "，曾用名：…", "（别名：…）"): an alias or a former name. One vocabulary for the
# parser, which moves the phrase out of the name into the entity's note, and for :func:`other_names`, which keeps
# the name it gives as a spelling of the entity (``EntityRecord.aliases``). Not 简称: "（以下简称…）" is the notice's
# own short form. A name's former or present other name written "原英文名称：…", "现名：…", "现英文名称：…" is one too
# (session 33, audit33/11: both stayed in the names and their keys).
ALIAS_WORDS_ZH = ("又称", "亦称", "也称", "又名", "别名", "曾用名", "原名", "原英文名称", "原中文名称", "现名", "现英文名称",
                  "现中文名称", "又译作", "又译为", "也译作", "又译")  # 又译: another transliteration (session 41, mfa41/03)
ALIAS_WORDS_EN = ("also known as", "formerly known as", "a.k.a.", "a.k.a", "f/k/a", "formerly", "d/b/a")
ALIAS_PHRASE_RE = re.compile(  # where the note begins or after a comma, semicolon or bracket
    r"(?:^|(?<=[，,;；（(]))\s*(?:" + "|".join(map(re.escape, ALIAS_WORDS_ZH)) + "|(?<![A-Za-z])(?:" + "|".join(map(re.escape, ALIAS_WORDS_EN))
    + r")(?![A-Za-z]))\s*[:：]?\s*", re.IGNORECASE)
# What ends the name a phrase gives: a Chinese comma or semicolon, a full stop, "、" between two names, a bracket.
ALIAS_END_RE = re.compile(r"[，；;。、（）()]|\s+or\s+|\s*/\s*(?![kK]/)")
DBA_RE = re.compile(r"\s+d/b/a\s+", re.IGNORECASE)  # "Alpha Tactical Solutions, L.L.C. d/b/a AlphaTac"
ALIAS_QUOTES = "\"'“”‘’「」《》 ,，:："


@lru_cache(maxsize=4096)
def other_names(en: str | None, note: str | None) -> tuple[str, ...]:
    """The other names a notice gives an entity: each name after an alias word in its ``note`` ("又称KHI",
    "曾用名：石川岛播磨重工业株式会社", "also known as Hermes Aero, Inc."), and both names of an English name that
    holds "d/b/a" (the trade name, and the legal name before it; the English name itself stays whole). A note
    saying something else ("地址：…", "男，…首席执行官") gives none."""
    out: list[str] = []
    if en and DBA_RE.search(en):
        out += [p for p in DBA_RE.split(en, maxsplit=1)]
    phrases = list(ALIAS_PHRASE_RE.finditer(note or ""))
    for i, m in enumerate(phrases):
        if m.group(0).strip().casefold().startswith("d/b/a"):
            continue  # only inside an English name
        end = phrases[i + 1].start() if i + 1 < len(phrases) else len(note or "")
        parts = ALIAS_END_RE.split((note or "")[m.end() : end])
        if "译" in m.group(0):  # "又译卡塔琪娜·诺瓦科夫斯卡，波兰籍，…所长": one transliteration, the rest of the note is not a name
            parts = parts[:1]
        for part in parts:
            name = clean_display(part.strip(ALIAS_QUOTES))
            if name and name_key(name):
                out.append(name)
    return tuple(dict.fromkeys(n for n in (clean_display(x.strip(ALIAS_QUOTES)) for x in out) if n))
