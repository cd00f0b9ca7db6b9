"""Possible matches: a second screening tier, shown for a person to review, never counted as a hit.

A hit (exact, normalised, strict fuzzy: :mod:`storage.watchlist`) says "this is the listed entity". A possible match
says "this may be it: look". Screening tools keep the two apart so that a shortened name is not missed and a
look-alike is not called listed. Rules, each pure (names in, :class:`Possible` or None out):

- :func:`latin_possible`, English names, word by word after normalising (legal suffixes, case, punctuation,
  generic words in one spelling): one name is the other's first words. The counterparty may leave words out
  ("Anduril" for Anduril Industries, "Edge Autonomy" for Edge Autonomy Operations LLC, "General Atomics" for
  General Atomics Aeronautical Systems, Inc.) when what is left keeps every distinctive word of the listed name or
  at least two of them ("Edge" alone is no possible match for Edge Autonomy, nor "Boeing" for Boeing Defense,
  Space & Security); it may add words only when they are generic ("Leidos Holdings, Inc." for Leidos; not
  "Skydio Japan KK"). The words they share must hold a distinctive part of at least MIN_DISTINCTIVE_LETTERS
  letters: sharing "Technologies" or "Group" is nothing ("Global Technologies Inc"). A name's tail is no
  possible match ("Mission Systems Inc" for General Dynamics Mission Systems), nor one distinctive word of it
  written as a whole legal name ("Summit Inc" for Summit Technologies Inc.: another company; "Summit", a short
  name, is), a rule in place of a list of common words.
- :func:`han_possible`, Chinese names, character by character: one name begins the other. The counterparty
  may leave characters out when what is left holds at least MIN_DISTINCTIVE_HAN characters besides generic words
  such as 系统, 航空, 技术 ("通用原子" for 通用原子航空系统公司; "航空系统" is nothing); it may add only generic words
  ("安杜里尔集团"), to a listed name whose own distinctive part has that many characters. A name whose words a
  middle dot marks ("洛克希德·马丁公司") is shortened by a distinctive word only when two of its words are kept, as
  an English one is ("洛克希德", as "Lockheed", is no possible match for Lockheed Martin).
- :func:`pinyin_possible`, a person the notices name only in Chinese, written in pinyin ("Yu Maochun", "Maochun
  Yu" for 余茂春; run together, "YUMAOCHUN") or in Wade-Giles, as Taiwan's passports write it ("SHIH PING" for 石平,
  "Yü Mao-ch'un"), given name and surname in either order, every reading of each character tried (曾: ceng, zeng),
  tone marks and hyphens aside. Possible only: other people's names share the pinyin (于茂春).
- :func:`inside_possible` and :func:`han_inside_possible`, a company's whole listed name inside a longer one
  ("Skydio Government Solutions LLC", "Former Skydio Inc. assets trust", "斯凯迪奥（北京）科技有限公司" for Skydio Inc.,
  斯凯迪奥公司): another company by a distinctive word more, or a unit, a subsidiary, the same one written long; a person
  should look (decided, session 36: it was nothing). Every word of the listed name (legal form aside), in order and
  together, among the counterparty's words, or its letters run together otherwise ("L3Harris … (Canada)" for L3 Harris
  Technologies); the listed name's distinctive part at least MIN_DISTINCTIVE_LETTERS
  letters (not "Group W", "MP Materials": "W", "MP" are too little; not a name of generic words alone), in Chinese
  at least MIN_INSIDE_HAN characters besides generic words (斯凯迪奥, 洛克希德马丁; not 立方 of 立方公司, a common word).
  Not a person's name inside a company's ("Tom Moss Landscaping").

- :func:`number_possible`, English names the same but for a number in digits in one and in words in the other ("Red 6
  Solutions" for Red Six Solutions, "ACT One Federal" for ACT1 Federal): got nothing (screen41-42). Possible only.
- :func:`slip_possible`, English company names alike but for one typing slip in a distinctive word of at least
  MIN_SLIP_LETTERS letters (a letter more, less or changed, two swapped: "Skydoi Inc" for Skydio Inc., "Echodine" for
  Echodyne), which the hit rule's ratio misses on a short name (83 and 88 against 90): got nothing (screen37). Possible
  only: another company's name is often one letter off a listed one ("Novatech" and Novotech).
- :func:`cut_possible`, an English name cut short mid-word, as bank and ERP fields cut names (35 characters in a
  payment message: "GENERAL DYNAMICS INFORMATION TECHNO" for General Dynamics Information Technology, offered only
  General Dynamics before, screen37): at least MIN_CUT_CHARACTERS characters, every one the listed name's start.
- :func:`person_variant_possible`, a listed person written with a short form of a given name ("Thomas Moss" for Tom
  Moss, "Joshua Brungardt" for Josh Brungardt: GIVEN_NAME_FORMS, a list of common English ones) or with initials for the
  given names ("A. Bry" for Adam Bry): got nothing (screen37; initials were an owner question of screen36, decided as a
  possible match, never a hit). The surname as the listed one writes it, one slip at most.

- :func:`domain_possible`, an e-mail address alone whose domain is a listed English name run together, its legal form
  and generic words aside ("ap@lockheedmartin.com" for Lockheed Martin Corporation, "sales@huntingtoningalls.com"
  for Huntington Ingalls Industries: nothing before, while "accounts@skydio.com" was offered Skydio as "a listed name
  inside this one"; screen36's owner question, decided as a possible match): the address may be the company's, or a
  person's there. Not a domain holding more ("cubicfoods.com"), nor a mail provider's.

The score is rapidfuzz's ratio of the two normalised names (0-100): how much of the names is the same, so a
shortened name scores below the hit threshold; a pinyin equal to the name written scores 100 (the doubt is in
the reading, which the reason says).
Not tried: a former name (the notices give none: give it as an alias in a watchlist), the pinyin of a company's
Chinese name, a person's name inside another name.
"""

from __future__ import annotations

import itertools
import os
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from storage.names import has_legal_suffix, name_key, name_words
from storage.watchlist import GENERIC_FORMS, GENERIC_WORDS, HAN_RE, LATIN_RE

POSSIBLE = "possible"
MIN_DISTINCTIVE_LETTERS = 4  # the shared distinctive words, letters in all: "MP" (MP Materials) is too little
MIN_DISTINCTIVE_HAN = 4  # Chinese characters of the shared part besides generic words: "洛克希德", "通用原子"
MIN_INSIDE_HAN = 4  # a listed Chinese name found inside a longer one: its characters besides generic words ("斯凯迪奥")
INSIDE = "a listed name inside this one"  # the reason's words (docs/evidence-and-screening.md: "review: a listed name …")
# Chinese words many company names share (GENERIC_WORDS in Chinese), longest first so 航空航天 goes before 航空.
ZH_GENERIC_WORDS = tuple(sorted({
    "集团", "控股", "国际", "工业", "技术", "科技", "系统", "航空航天", "航空", "航天", "防务", "国防", "解决方案", "方案",
    "服务", "工程", "电子", "企业", "管理", "实验室", "物流", "材料", "机器人", "无人机", "全球", "环球", "合伙", "研究",
    "信息", "股份", "有限", "责任",
}, key=len, reverse=True))
HAN_ONLY_RE = re.compile(r"[\u4e00-\u9fff]+")
HAN_WORD_CUT_RE = re.compile(r"[·•・‧･\u00b7\u2027\u30fb]")  # the middle dot between a transliterated name's words
PERSON_HAN_LENGTHS = range(2, 5)  # a Chinese person's name: 2-4 characters
# How a Chinese name is written in Latin letters: pinyin (the mainland), Wade-Giles (Taiwan's passports: "SHIH PING" for
# 石平 got nothing, while "Shi Ping" was a possible match: screen36); each reading's reason names its system
MIN_SLIP_LETTERS = 5  # a distinctive word with one slip (slip_possible): "Skydio"; "Teal", "Neros" one letter off is noise
MIN_CUT_CHARACTERS = 20  # a name cut short (cut_possible): bank fields cut at 35, ERP ones at 30-40
SLIP = "one typing slip from the listed name"  # the reason's words
NUMBER = "the listed name with a number written otherwise (digits for words or words for digits)"
NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}  # number_possible
CUT = "the listed name cut short"
# Short forms of English given names, each read as its full one (person_variant_possible): a possible match only
GIVEN_NAME_FORMS = {
    short: full for full, shorts in {
        "thomas": "tom tommy", "joshua": "josh", "william": "bill billy will willy", "robert": "bob bobby rob robby",
        "james": "jim jimmy jamie", "michael": "mike mikey", "david": "dave davy", "steven": "steve stephen stevie",
        "christopher": "chris", "patrick": "pat", "daniel": "dan danny", "joseph": "joe joey", "anthony": "tony",
        "andrew": "andy drew", "alexander": "alex", "edward": "ed eddie ted", "matthew": "matt", "nicholas": "nick",
        "samuel": "sam", "benjamin": "ben", "john": "johnny jack", "richard": "rick rich dick ricky",
        "timothy": "tim", "gregory": "greg", "kenneth": "ken kenny", "ronald": "ron ronnie", "donald": "don",
        "lawrence": "larry", "jeffrey": "jeff geoff geoffrey", "gerald": "jerry", "jonathan": "jon",
        "charles": "charlie chuck", "douglas": "doug", "philip": "phil phillip", "frederick": "fred",
        "henry": "hank harry", "katherine": "kate katie kathy catherine", "elizabeth": "liz beth betty",
        "susan": "sue", "jennifer": "jen jenny", "margaret": "maggie peggy", "raymond": "ray", "walter": "walt",
        "vincent": "vince", "zachary": "zach", "nathan": "nate", "gabriel": "gabe",
    }.items() for short in shorts.split()
}
EMAIL_ALONE_RE = re.compile(r"\s*(?:mailto:)?[\w.%+'-]+@(?P<domain>(?:[\w-]+\.)+[a-z]{2,})\s*", re.IGNORECASE)
PINYIN, WADE_GILES = "pinyin", "Wade-Giles"
ROMANISATIONS = (PINYIN, WADE_GILES)
ENGLISH_GIVEN_SCORE = 90.0  # the pinyin beside an English given name ("Miles Maochun Yu"): below the pinyin alone
# Read each character alone, every reading (heteronyms): a name is no phrase, and the phrase dictionary
# (pypinyin's default) costs ~40 MB and 0.3 s to load for nothing here.
PYPINYIN_ENV = {"PYPINYIN_NO_PHRASES": "true", "PYPINYIN_NO_DICT_COPY": "true"}


@dataclass(frozen=True)
class Possible:
    """Why a name may be a listed one: the score (0-100) and the reason in words."""

    score: float
    reason: str


def generic(word: str) -> bool:
    """A word many company names share ("technology", "group", "and"): it tells no company apart."""
    return word in GENERIC_WORDS or word in GENERIC_FORMS.values()


@lru_cache(maxsize=65536)
def latin_words(name: str) -> tuple[str, ...]:
    """The words of ``name`` as :func:`storage.names.name_words` gives them (legal suffixes dropped), each generic
    word in one spelling ("Technologies" -> "technology")."""
    return tuple(GENERIC_FORMS.get(w, w) for w in name_words(name))


def latin_possible(counterparty: str, listed: str) -> Possible | None:
    """A possible match of two English names (plain forms: no designator, "The", acronym in brackets), or None."""
    mine, theirs = latin_words(counterparty), latin_words(listed)
    cut = aligned(mine, theirs)
    if cut is None or cut == (len(mine), len(theirs)):
        return None  # no common start; or the same letters: equal names are hits
    shortened = cut[0] == len(mine)
    shorter, longer, kept = (mine, theirs, cut[1]) if shortened else (theirs, mine, cut[0])
    # the shared start's distinctive words, counted as the listed name writes them ("L3Harris" for "L3 Harris": two;
    # "Iron Mountain Incorporated" for "IronMountain Solutions": one, so a whole legal name of another company)
    shared = [w for w in (longer[:kept] if shortened else shorter) if not generic(w)]
    if len("".join(shared)) < MIN_DISTINCTIVE_LETTERS:
        return None
    extra = longer[kept:]
    distinctive_extra = [w for w in extra if not generic(w)]
    written = " ".join(name_words(listed if shortened else counterparty)[kept:])  # as written, less case
    if shortened:
        if distinctive_extra and len(shared) < 2:
            return None
        if len(shared) < 2 and has_legal_suffix(counterparty):
            return None  # "Summit Inc": a whole legal name, one word of the listed one's; not a short name ("Anduril")
        reason = f'the listed name shortened: without "{written}"'
    else:
        if distinctive_extra:
            return None
        reason = f'the listed name with generic words more: "{written}"'
    return Possible(_ratio("".join(mine), "".join(theirs)), reason)


def aligned(mine: tuple[str, ...], theirs: tuple[str, ...]) -> tuple[int, int] | None:
    """How many words of each name spell one same start, all the words of one at least: ("anduril",) and ("anduril",
    "industry") -> (1, 1); ("l3harris",) and ("l3", "harris", "technology") -> (1, 2), a name's words run together
    or cut apart ("L3Harris", "L3 Harris Technologies"); None when they part before either ends."""
    i = j = 0
    a = b = ""
    while True:
        if a and a == b and (i == len(mine) or j == len(theirs)):
            return i, j
        if len(a) <= len(b) and i < len(mine):
            a, i = a + mine[i], i + 1
        elif j < len(theirs):
            b, j = b + theirs[j], j + 1
        else:
            return None
        if not (a.startswith(b) or b.startswith(a)):
            return None


def inside_possible(counterparty: str, listed: str) -> Possible | None:
    """A listed English name (its plain form) whose every word, in order and together, is among a longer
    counterparty name's words ("Skydio Government Solutions LLC", "Former Skydio Inc. assets trust" for Skydio Inc.),
    or None. The listed name must have distinctive words of MIN_DISTINCTIVE_LETTERS letters at least."""
    mine, theirs = latin_words(counterparty), latin_words(listed)
    if not theirs or len(mine) < 2:
        return None
    if len("".join(w for w in theirs if not generic(w))) < MIN_DISTINCTIVE_LETTERS:
        return None  # "Group W" ("w"), "MP Materials" ("mp"), generic words alone
    span = _inside_span(mine, theirs)
    if span is None or span == (0, len(mine)):
        return None
    at, end = span
    written = name_words(counterparty)
    rest = " ".join(w for i, w in enumerate(written) if not at <= i < end) if len(written) == len(mine) else ""
    more = f" with “{rest}”" if rest else ""
    return Possible(_ratio("".join(mine), "".join(theirs)), f"{INSIDE}: “{' '.join(theirs)}”{more}")


def _inside_span(mine: tuple[str, ...], theirs: tuple[str, ...]) -> tuple[int, int] | None:
    """Where ``mine``'s words, one after the other, spell ``theirs``'s letters, cut at the same words or run together
    otherwise ("L3Harris Technologies (Canada) Inc." for L3 Harris Technologies got nothing, while "Leidos (UK)
    Limited" was possible: screen42); None when nowhere."""
    whole = "".join(theirs)
    for at in range(len(mine)):
        spelt = ""
        for end in range(at, len(mine)):
            spelt += mine[end]
            if spelt == whole:
                return at, end + 1
            if not whole.startswith(spelt):
                break
    return None


def number_possible(counterparty: str, listed: str) -> Possible | None:
    """Two English names the same but for a number written in digits in one and in words in the other ("Red 6
    Solutions" for Red Six Solutions, "ACT One Federal" for ACT1 Federal: nothing, screen41-42), or None. Possible
    only: the company's own spelling is the listed one, and "Red Sox" stays apart (no fuzzy reading here)."""
    mine, theirs = latin_words(counterparty), latin_words(listed)
    if not any(w in NUMBER_WORDS for w in mine + theirs):
        return None  # cheap: nearly no name writes a number in words
    a, b = "".join(number_digits(mine)), "".join(number_digits(theirs))
    if a != b or "".join(mine) == "".join(theirs):
        return None
    return Possible(_ratio("".join(mine), "".join(theirs)), NUMBER)


def number_digits(words: tuple[str, ...]) -> tuple[str, ...]:
    """``words`` with each number word as its digits ("six" -> "6")."""
    return tuple(NUMBER_WORDS.get(w, w) for w in words)


def han_inside_possible(counterparty_key: str, listed_key: str) -> Possible | None:
    """A listed Chinese name's key inside a longer counterparty key ("斯凯迪奥北京科技" of "斯凯迪奥（北京）科技有限公司" for
    斯凯迪奥公司), or None; the listed key must hold MIN_INSIDE_HAN characters besides generic words."""
    mine, theirs = counterparty_key, listed_key
    if mine == theirs or theirs not in mine or not (HAN_ONLY_RE.fullmatch(mine) and HAN_ONLY_RE.fullmatch(theirs)):
        return None
    if len(han_core(theirs)) < MIN_INSIDE_HAN:
        return None  # 立方 (立方公司, Cubic), 莱多斯: a common word, or too few characters to tell a company by
    at = mine.index(theirs)
    rest = mine[:at] + mine[at + len(theirs) :]
    return Possible(_ratio(mine, theirs), f"{INSIDE}: “{theirs}” with “{rest}”")


def han_core(text: str) -> str:
    """``text`` without the generic words of ZH_GENERIC_WORDS: what tells a Chinese company name apart."""
    for word in ZH_GENERIC_WORDS:
        text = text.replace(word, "")
    return text


def han_words(listed: str) -> tuple[str, ...]:
    """The words a transliterated Chinese name marks with a middle dot ("洛克希德·马丁公司" -> ("洛克希德", "马丁")), as
    keys; () for a name without one, whose words cannot be told."""
    parts = [name_key(p) for p in HAN_WORD_CUT_RE.split(listed)]
    return tuple(p for p in parts if p) if len(parts) > 1 else ()


def han_possible(counterparty_key: str, listed_key: str, listed_words: tuple[str, ...] = ()) -> Possible | None:
    """A possible match of two Chinese name keys (:func:`storage.names.name_key` of the plain forms), or None.
    ``listed_words``: :func:`han_words` of the listed name; a name shortened by a distinctive word must keep two
    of them, as an English one must ("洛克希德" is not offered every 洛克希德·马丁 company, as "Lockheed" is not)."""
    mine, theirs = counterparty_key, listed_key
    if mine == theirs or not (HAN_ONLY_RE.fullmatch(mine) and HAN_ONLY_RE.fullmatch(theirs)):
        return None
    if theirs.startswith(mine):
        if len(han_core(mine)) < MIN_DISTINCTIVE_HAN:
            return None
        if len(listed_words) > 1 and han_core(theirs[len(mine):]) and _words_reached(len(mine), listed_words) < 2:
            return None
        reason = f"the listed name shortened: without “{theirs[len(mine):]}”"
    elif mine.startswith(theirs):
        extra = mine[len(theirs):]
        if han_core(extra) or len(han_core(theirs)) < MIN_DISTINCTIVE_HAN:
            return None
        reason = f"the listed name with generic words more: “{extra}”"
    else:
        return None
    return Possible(_ratio(mine, theirs), reason)


def _words_reached(length: int, words: tuple[str, ...]) -> int:
    """How many of ``words`` (one after the other) the first ``length`` characters reach, two of a word at least
    (all of a word of one)."""
    reached, start = 0, 0
    for word in words:
        if length - start >= min(2, len(word)):
            reached += 1
        start += len(word)
    return reached


def pinyin_possible(counterparty: str, listed_zh: str) -> Possible | None:
    """A person written in Latin letters who may be the one a notice names only in Chinese (``listed_zh``: the
    name's key, Chinese characters only), by pinyin; None otherwise."""
    if not HAN_ONLY_RE.fullmatch(listed_zh) or len(listed_zh) not in PERSON_HAN_LENGTHS or HAN_RE.search(counterparty):
        return None
    words = _ascii_words(counterparty)
    if not words or not all(LATIN_RE.fullmatch(c) for w in words for c in w):
        return None
    for system in ROMANISATIONS:
        for readings in itertools.product(*(_readings(ch, system) for ch in listed_zh)):
            for cut in (1, 2) if len(readings) > 2 else (1,):
                surname, given = "".join(readings[:cut]), "".join(readings[cut:])
                if (words[0] == surname and "".join(words[1:]) == given) or (
                        words[-1] == surname and "".join(words[:-1]) == given) or (
                        len(words) == 1 and words[0] in (surname + given, given + surname)):  # "YUMAOCHUN", as passports
                    return Possible(100.0, f"{system}: one reading of {listed_zh} is “{surname} {given}”; other names "
                                           "read so too")
    return None


def english_given_pinyin(counterparty: str, listed_zh: str) -> Possible | None:
    """A person written with an English given name beside the pinyin of a Chinese name ("Miles Maochun Yu", "Yu, Miles
    Maochun" for 余茂春: nothing before, screen38, screen39), by :func:`pinyin_possible` of the name without it; None
    otherwise (a company's words: "Yu Maochun Trading Co")."""
    words = _ascii_words(counterparty)
    for i in english_given_at(counterparty):
        found = pinyin_possible(" ".join(words[:i] + words[i + 1 :]), listed_zh)
        if found is not None:
            return Possible(ENGLISH_GIVEN_SCORE, f"{found.reason}; “{words[i].title()}” read as an English given name")
    return None


def english_given_at(name: str) -> tuple[int, ...]:
    """Where an English given name may stand in a person's name of 3-4 words in Latin letters: first (before the
    pinyin, surname last: "Miles Maochun Yu") or second (after the surname: "Yu, Miles Maochun"); () for a company's
    name (a legal form, a generic word) or one of other length."""
    words = _ascii_words(name)
    if not 3 <= len(words) <= 4 or has_legal_suffix(name) or any(generic(w) for w in words):
        return ()
    return tuple(i for i in (0, 1) if len(words[i]) >= 3)


def english_given_keys(name: str) -> tuple[str, ...]:
    """The :func:`pinyin_key` of ``name`` without an English given name (:func:`english_given_at`): what
    :func:`english_given_pinyin` may find."""
    words = _ascii_words(name)
    return tuple("".join(words[:i] + words[i + 1 :]) for i in english_given_at(name))


def pinyin_key(name: str) -> str:
    """The letters of a name in Latin letters, tone marks aside ("Yú Mào-chūn" -> "yumaochun"): what
    :func:`pinyin_keys` of the Chinese name must hold for :func:`pinyin_possible` to be worth trying."""
    return "".join(_ascii_words(name))


@lru_cache(maxsize=4096)
def pinyin_keys(listed_zh: str) -> frozenset[str]:
    """Every way the pinyin of a person's Chinese name may be written, surname first or last, in letters alone."""
    if not HAN_ONLY_RE.fullmatch(listed_zh) or len(listed_zh) not in PERSON_HAN_LENGTHS:
        return frozenset()
    out: set[str] = set()
    for system in ROMANISATIONS:
        for readings in itertools.product(*(_readings(ch, system) for ch in listed_zh)):
            for cut in (1, 2) if len(readings) > 2 else (1,):
                surname, given = "".join(readings[:cut]), "".join(readings[cut:])
                out |= {surname + given, given + surname}
    return frozenset(out)


def _ascii_words(name: str) -> tuple[str, ...]:
    """``name``'s words without tone marks ("Yú Màochūn" -> ("yu", "maochun"))."""
    bare = "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))
    return name_words(bare)


@lru_cache(maxsize=8192)
def _readings(char: str, system: str = PINYIN) -> tuple[str, ...]:
    """Every reading of one character in ``system`` (ROMANISATIONS), without tones, apostrophes or the umlaut (曾 ->
    ("ceng", "zeng"); in Wade-Giles 春 -> ("chun",) for "ch'un", 余 -> ("yu", ...) for "yü")."""
    for key, value in PYPINYIN_ENV.items():
        os.environ.setdefault(key, value)  # read by pypinyin when it is first imported
    from pypinyin import Style, pinyin

    style = Style.WADEGILES if system == WADE_GILES else Style.NORMAL
    readings = pinyin(char, style=style, heteronym=True)[0]
    if system == WADE_GILES:  # as passports write it: "SHIH PING" for Shih P'ing, "YU" for Yü (pypinyin's "yv")
        readings = [r.replace("'", "").replace("’", "").replace("v", "u").replace("ü", "u") for r in readings]
    return tuple(dict.fromkeys(readings))


def _ratio(a: str, b: str) -> float:
    from rapidfuzz import fuzz  # as storage.watchlist: imported only when a name is compared

    return round(fuzz.ratio(a, b), 1)


def slip_possible(counterparty: str, listed: str) -> Possible | None:
    """Two English company names word for word alike but one distinctive word, one typing slip off (OSA distance 1:
    a letter more, less or changed, or two side by side swapped) and at least MIN_SLIP_LETTERS letters long
    ("Skydoi Inc" for Skydio Inc.), or None."""
    mine, theirs = latin_words(counterparty), latin_words(listed)
    if len(mine) != len(theirs) or mine == theirs:
        return None
    differ = [(a, b) for a, b in zip(mine, theirs) if a != b]
    if len(differ) != 1:
        return None
    a, b = differ[0]
    if generic(a) or generic(b) or min(len(a), len(b)) < MIN_SLIP_LETTERS or not (a.isalpha() and b.isalpha()):
        return None
    from rapidfuzz.distance import OSA

    if OSA.distance(a, b) != 1:
        return None
    return Possible(_ratio("".join(mine), "".join(theirs)), f"{SLIP}: “{a}” for “{b}”")


def slip_keys(word: str) -> tuple[str, ...]:
    """``word`` and the words one letter shorter (symmetric deletion): two words one slip apart share one of them."""
    if len(word) < MIN_SLIP_LETTERS or not word.isalpha():
        return ()
    return tuple(dict.fromkeys((word, *(word[:i] + word[i + 1 :] for i in range(len(word))))))


def cut_possible(counterparty: str, listed: str) -> Possible | None:
    """A counterparty name that is the start of a listed English name as written (case, spaces and punctuation aside),
    cut mid-word, at least MIN_CUT_CHARACTERS characters long ("GENERAL DYNAMICS INFORMATION TECHNO"), or None."""
    mine, theirs = _cut_form(counterparty), _cut_form(listed)
    if len(mine) < MIN_CUT_CHARACTERS or len(mine) >= len(theirs) or not theirs.startswith(mine):
        return None
    if not (mine[-1].isalnum() and theirs[len(mine)].isalnum()):
        return None  # cut between words: the listed name shortened (latin_possible's), not a field's cut
    return Possible(_ratio(mine, theirs), f"{CUT}, as a bank or ERP field cuts a name at {len(counterparty.strip())} "
                                          f"characters: “{counterparty.strip()}” begins “{listed}”")


def _cut_form(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def person_variant_possible(counterparty: str, listed: str) -> Possible | None:
    """A listed person written with a short form of a given name ("Thomas Moss" for Tom Moss: GIVEN_NAME_FORMS) or
    with initials for the given names ("A. Bry" for Adam Bry), the surname as listed (one slip at most); or None."""
    from storage.watchlist import FUZZY_THRESHOLD, person_score

    mine, theirs = name_words(counterparty), name_words(listed)
    if len(mine) < 2 or len(theirs) < 2 or any(not w.isalpha() for w in (*mine, *theirs)):
        return None
    full_mine, full_theirs = _full_given(mine), _full_given(theirs)
    if (full_mine != mine or full_theirs != theirs) and \
            person_score(" ".join(full_mine), " ".join(full_theirs)) >= FUZZY_THRESHOLD:
        said = next(((a, b) for a, b in zip(mine, full_mine) if a != b), None) or \
            next(((b, a) for a, b in zip(theirs, full_theirs) if a != b), None)
        assert said is not None
        return Possible(_ratio("".join(mine), "".join(theirs)),
                        f"a short form of a given name: “{said[0]}” for “{said[1]}”; another person may be so named")
    return _initials_possible(mine, theirs)


def _full_given(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(GIVEN_NAME_FORMS.get(w, w) for w in words)


def _initials_possible(mine: tuple[str, ...], theirs: tuple[str, ...]) -> Possible | None:
    """Initials for the listed given names, the surname written whole, first or last ("A. Bry", "Bry, A."), or None. A
    generation is no surname ("J. W. Ickes II" got nothing for James William Ickes II: screen41); another than the
    listed one is another person, one left out may be the same (as a hit's rule: Watchlist._fuzzy_best)."""
    from storage.watchlist import GENERATIONS

    born, listed_born = [w for w in mine if w in GENERATIONS], [w for w in theirs if w in GENERATIONS]
    if born and listed_born and born != listed_born:
        return None
    mine, theirs = tuple(w for w in mine if w not in GENERATIONS), tuple(w for w in theirs if w not in GENERATIONS)
    if len(mine) < 2 or len(theirs) < 2:
        return None
    for surname, initials in ((mine[-1], mine[:-1]), (mine[0], mine[1:])):
        if not initials or any(len(w) != 1 for w in initials) or surname != theirs[-1] or len(surname) < 3:
            continue
        given = theirs[:-1]
        if len(initials) <= len(given) and all(i == g[0] for i, g in zip(initials, given)):
            names = " ".join(given[: len(initials)])
            return Possible(_ratio("".join(mine), "".join(theirs)),
                            f"initials for the given names: “{' '.join(initials)}” for “{names}”; other people share "
                            "them")
    return None


def domain_label(cell: str) -> str | None:
    """The label of an e-mail address's domain before its last one ("ap@mail.lockheedmartin.com" ->
    "lockheedmartin"), hyphens aside, for a cell that is an address alone; None for any other cell."""
    if "@" not in cell:
        return None
    m = EMAIL_ALONE_RE.fullmatch(cell)
    if m is None:
        return None
    labels = m.group("domain").casefold().split(".")
    return labels[-2].replace("-", "") if len(labels) >= 2 else None


def domain_possible(counterparty: str, listed: str) -> Possible | None:
    """An e-mail address alone whose domain's label (:func:`domain_label`) is the listed English name run together, or
    its distinctive words run together ("huntingtoningalls"), at least MIN_DISTINCTIVE_LETTERS letters; or None."""
    label = domain_label(counterparty)
    if label is None or len(label) < MIN_DISTINCTIVE_LETTERS:
        return None
    words = latin_words(listed)
    forms = {"".join(words), "".join(w for w in words if not generic(w))}
    if label not in forms:
        return None
    return Possible(_ratio(label, "".join(words)), f"the e-mail address's domain is the listed name: “{label}” for "
                                                   f"“{listed}”; the address may be the company's")
