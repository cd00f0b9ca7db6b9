"""Entities named in prose: the decision sentence's list ("决定将A公司（A）、B公司（B）列入…"), its cuts and fragments, counts per
group, a location or listing notice before a name, the object of 对."""

from __future__ import annotations

import re
from operator import itemgetter

from storage.names import entity_key, other_names
from storage.records import EntityRecord

from ..lazyre import lazy_compile
from ..textnorm import NUM, fold
from .names import (
    AGAIN,
    ALIAS_WORDS,
    COUNT_PHRASE_RE,
    COUNTRIES,
    COUNTRY,
    COUNTRY_ALT,
    COUNTRY_NAMES,
    ENGLISH,
    ENTITY_NOUN,
    FROM_LIST_OUT,
    KEY,
    LATIN_RE,
    LISTED_IN,
    MOVED_FROM,
    NAME_SUFFIXES,
    NUM_SCANNED,
    OBJECT_OF_DUI_RE,
    SUMMARY_RE,
    TRAILING_PUNCT,
    aliases_out,
    clean_display,
    english_display,
    make_entity,
    place_tail,
    split_name,
)

PROSE_SPLIT_RE = lazy_compile(r"[()、,和及与]|以及")  # what split_prose_items stops at
Item = tuple[str, str]  # a name as written and its folded copy (``fold`` keeps every character's place)


def split_prose_items(seg: str) -> list[str]:
    """Split "A（a）、B（b）和C（c）" at depth-0 "、" (and ",", 和, 及, 与, 以及 right after a bracket; "、以及", ",以及")."""
    return [item for item, _ in prose_items(seg, fold(seg))]


# Brackets that open and close in turn, none inside another, none left open or closed alone: then
# the depth count is 1 inside a pair and 0 outside, and a cut is one match of PROSE_CUT_RE (a "、"
# followed by no ")" before the next "(", or 和/及/以及/"," right after a ")").
# (Atomic, not "(?:…)*+": CPython 3.11.2 fullmatched "a(" with the possessive repeat: tests/scraper/test_parse_patterns_engines.py.)
SIMPLE_PAIRS_RE = lazy_compile(r"(?>(?:[^()]++|\([^()]*+\))*)")
# (Every branch opens with its literal and looks back after it, so the scan skips to the next such character.)
# "、以及" and ",以及" are one cut, 与 right after a bracket one too (session 50, blind50/06: "A（a）、以及B（b）" read the name
# "以及B", "A（a）与B（b）" one name "A（a）与B" and B's English: a name wrong and one lost, silently); "与那国" opens a name.
PROSE_CUT_RE = lazy_compile(r"(?:、(?:\s*以及)?|以及(?<=\)以及)|,(?<=\),)(?:\s*以及)?|和(?<=\)和)|及(?<=\)及)|与(?<=\)与)(?!那国))"
                            r"(?=[^()]*+(?:\(|$))")
AND_AFTER_CUT_RE = lazy_compile(r"\s*以及")  # after a "、" or "," cut: part of it (PROSE_CUT_RE)


def prose_items(seg: str, folded: str) -> list[Item]:
    """``split_prose_items`` with each item's folded copy, sliced from ``folded`` (``fold(seg)``)."""
    spans, start = [], 0
    for cut, end in _prose_cuts(folded):
        spans.append((start, cut))
        start = end
    spans.append((start, len(seg)))
    # strip() cuts both copies alike: fold maps no visible character to a space or back
    items = ((seg[s:e].strip(), folded[s:e].strip()) for s, e in spans)
    return [item for item in items if item[0]]


def _prose_cuts(folded: str) -> list[tuple[int, int]]:
    """Spans of the separators ``prose_items`` cuts at: depth-0 "、" (and ",", 和, 及, 以及 right after a bracket)."""
    if SIMPLE_PAIRS_RE.fullmatch(folded):  # only the cuts need a visit
        return [m.span() for m in PROSE_CUT_RE.finditer(folded)]
    cuts, depth = [], 0
    for m in PROSE_SPLIT_RE.finditer(folded):
        ch, i = m.group(), m.start()
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and (ch == "、" or (i > 0 and folded[i - 1] == ")")):
            if ch == "与" and folded.startswith("那国", i + 1):
                continue
            end = i + len(ch)
            if ch in "、," and (more := AND_AFTER_CUT_RE.match(folded, end)) is not None:
                end = more.end()
            cuts.append((i, end))
    return cuts


def _complete_name(folded: str) -> bool:
    return folded.endswith(")") or bool(LATIN_RE.search(folded)) or folded.endswith(NAME_SUFFIXES)


def _merge_fragments(items: list[Item]) -> list[Item]:
    """"波音防务、空间与安全集团（Boeing Defense, Space & Security）" is one name: an item
    that neither has a bracket nor ends like an organisation joins the next one."""
    out: list[Item] = []
    pending, fpending = "", ""
    for i, (item, fitem) in enumerate(items):
        item, fitem = pending + item, fpending + fitem
        if not _complete_name(fitem) and i < len(items) - 1:
            pending, fpending = item + "、", fitem + "、"
            continue
        pending, fpending = "", ""
        out.append((item, fitem))
    return out


def _strip_qualifier(seg: str, folded: str) -> Item:
    """"参与对台湾地区军售、…的海岸间电子公司（…）、…" -> "海岸间电子公司（…）、…": the
    qualifier ends at the last "的" before the first bracket (or the first "、"), or after the words that
    name the notice listing the entity ("商务部公告2026年第66号所列中国台湾地区实体长风船舶…（…）", LISTED_BY_RE)."""
    ends = [i for i in (folded.find("("), folded.find("、")) if i >= 0]
    limit = folded.find("(") if folded.find("(") >= 0 else (min(ends) if ends else len(folded))
    cut = folded.rfind("的", 0, limit)
    while cut > 0 and _de_of_a_name(folded, cut):  # "…军售的波罗的海防务公司（…）": 的 of a place name, not the qualifier's
        cut = folded.rfind("的", 0, cut)
    kind = KIND_PREFIX_RE.match(folded, cut + 1, limit) if cut >= 0 else None  # "…的台湾地区企业雷霆防务…（…）"
    cut = kind.end() - 1 if kind is not None else cut
    if "所列" in folded:
        for m in LISTED_BY_RE.finditer(folded, 0, limit):
            cut = max(cut, m.end() - 1)
        for m in NOTICE_LISTED_RE.finditer(folded, 0, limit):
            cut = max(cut, m.end() - 1)
    return (seg[cut + 1 :], folded[cut + 1 :]) if cut >= 0 else (seg, folded)


# Place names holding 的 (session 49, blind49: "参与对台湾地区军售的波罗的海防务公司（…）" was read as "海防务公司", the
# qualifier cut at the name's own 的): a 的 inside one of them ends no qualifier.
NAME_WORDS_DE = ("波罗的海", "的黎波里", "的里雅斯特", "的的喀喀")


def _de_of_a_name(folded: str, at: int) -> bool:
    """Whether the 的 at ``at`` is inside one of NAME_WORDS_DE."""
    return any(at >= i and folded.startswith(word, at - i) for word, i in _NAME_DE_AT)


_NAME_DE_AT = tuple((word, i) for word in NAME_WORDS_DE for i, ch in enumerate(word) if ch == "的")


# "…第66号所列中国台湾地区实体", "…所列的美国企业": the words before a name that say which notice listed it (session 21,
# parse21: a removal's name was read with them, and without the region they give).
# "…第21号所列16家美国实体" (all of them, a removal of the whole notice's): the words hold a count, and no name follows
# (session 23, parse23: the words were read as an entity removed).
LISTED_BY_RE = lazy_compile(rf"所列(?:的)?\s*(?:(?:全部|部分)\s*)?(?:{NUM_SCANNED}\s*[家名]\s*)?(?P<c>{COUNTRY_ALT})?\s*(?:实体|企业|公司|机构)\s*")


# "…第21号所列高点航空技术公司（…）": the words name the listing notice and no noun follows them (session 23, parse23: the
# name kept "商务部公告2025年第21号所列"); "…附件第2项所列X（…）", "…《反制清单》所列X": a line of its annex, its list (session 29).
# "将该公告所列斯凯迪奥公司（…）移出…" (session 60, text59/41: the name kept "该公告所列").
NOTICE_LISTED_RE = lazy_compile(r"(?:号|项|》|附件|名单|清单|该\s*公告)\s*所列(?:的)?\s*")


# "决定将…的台湾地区企业雷霆防务科技股份有限公司（…）、…": the country or region and a noun before the first name (session
# 24, parse24: the name kept "台湾地区企业", and no name had a country).
# Only after a qualifier's 的 ("美国企业研究所" is a name).
KIND_PREFIX_RE = lazy_compile(rf"\s*(?:中国)?(?P<c>{COUNTRY_ALT})\s*(?:企业|实体)\s*(?=[^\s(、,])")
KIND_TAIL_RE = lazy_compile(rf"的\s*(?:中国)?(?P<c>{COUNTRY_ALT})\s*(?:企业|实体)\s*$")  # the same ending a qualifier
KIND_NOUNS = frozenset(("企业", "实体"))


def listed_by_country(folded: str) -> str | None:
    """The country or region the words naming the listing notice give ("…所列中国台湾地区实体" -> TW), or the words before
    the first name ("…的台湾地区企业", KIND_TAIL_RE: where the qualifier ends with them), else None."""
    m = LISTED_BY_RE.search(folded) if "所列" in folded else None
    if m is None and folded[-2:] in KIND_NOUNS:
        m = KIND_TAIL_RE.search(folded)
    return COUNTRIES[m.group("c")] if m and m.group("c") else None


def distinct(entities: list[EntityRecord]) -> list[EntityRecord]:
    """The entities, each key once (the first): an annex that names one entity twice lists it once, so that the
    stated count is checked against the entities there are (session 18: a doubled line hid a missing one)."""
    keys = list(map(KEY, entities))
    if len(set(keys)) == len(keys):
        return entities
    seen: set[str] = set()
    out = []
    for e, k in zip(entities, keys):
        if k not in seen:
            seen.add(k)
            out.append(e)
    return out


def completed(entities: list[EntityRecord], folded: str, clean: str, country: str | None) -> list[EntityRecord]:
    """The entities, in one pass: one named without English ("对因美纳公司采取…") takes the English the text
    gives elsewhere for the same Chinese name ("因美纳公司（Illumina, Inc.）"); each takes the stated
    ``country``, or without one, the country its name opens with ("美国PVH集团")."""
    if country is not None and all(map(ENGLISH, entities)) and None not in map(COUNTRY, entities):
        return entities  # each has its English and a country (an annex read with the stated one): nothing to do
    out = []
    for e in entities:
        zh, en, own = e.zh, e.en, e.country
        m = None
        if zh and not en:
            m = _english_after(folded, fold(zh))
            if m:
                en = clean_display(clean[m.start(1) : m.end(1)])
                e = EntityRecord(zh=zh, en=en, country=own, key=entity_key(zh, en), n=e.n, branches=e.branches,
                                 type=e.type, note=e.note, aliases=other_names(en, e.note))
        c = own or country
        if c is None and m is not None and country is None:
            # "…被美国铁拳国防控股公司（Iron Fist…）收购" before "将铁拳国防控股公司列入…": the country written before the name
            # where its English is (session 31, audit31/19, /17: the country lost)
            c = _country_before(folded, m.start() - len(fold(zh or "")))
        if c is None and m is not None and folded.startswith("(", m.end()):
            # "国际反假冒联盟（International AntiCounterfeiting Coalition）（美国）以所谓…" named earlier with its country
            # (session 27, audit27/10: the country was lost)
            cm = COUNTRY_BRACKET_RE.match(folded, m.end())
            c = COUNTRIES[cm.group("c")] if cm else None
        if c is None and country is None and zh and zh.startswith(COUNTRY_NAMES):
            for name, code in COUNTRIES.items():  # "美国PVH集团": a country, then a Latin brand
                if zh.startswith(name) and len(zh) > len(name) + 1 and zh[len(name)].isascii():
                    c = code
                    break
        out.append(e if c == own else make_entity(zh, en, c, e.n, e.branches, e.note, e.type))
    return out


ENGLISH_IN_BRACKETS_RE = lazy_compile(r"\s*\(([^()]*[A-Za-z][^()]*)\)")
COUNTRY_BRACKET_RE = lazy_compile(rf"\(\s*(?P<c>{COUNTRY_ALT})\s*\)")


def _country_before(folded: str, at: int) -> str | None:
    """The country whose name ends right before ``at`` in ``folded`` ("美国铁拳…" at 铁), else None."""
    for name in COUNTRY_NAMES:
        if folded.endswith(name, 0, at):
            return COUNTRIES[name]
    return None


def _english_after(folded: str, name: str) -> re.Match[str] | None:
    """The English in brackets right after the first ``name`` that has one: what
    ``re.search(re.escape(name) + ENGLISH_IN_BRACKETS_RE.pattern)`` finds, without
    compiling a pattern for every name."""
    pos = folded.find(name) if name else -1
    while pos >= 0:
        m = ENGLISH_IN_BRACKETS_RE.match(folded, pos + len(name))
        if m:
            return m
        pos = folded.find(name, pos + 1)
    return None


# The usual prose list as written, "A公司（A Inc.）、B公司（B Corp.）和C公司（C LLC）": each item a name (no bracket,
# no "、", no count "5家…" opening it) and its English (a Latin letter, no bracket) in one bracket pair; the items
# joined by "、" (spaces around it), "、以及", ",以及", or by 以及/和/及/与/"," right after the bracket. Read on the text as written (fold
# turns only "（），" into "()," here), it gives what the general reading gives: the cuts ``prose_items`` makes,
# items that each end with their bracket (``_merge_fragments`` joins none), none skipped as a count, and for each
# what ``split_name`` reads (the name before the bracket, the English in it; both through ``clean_display``).
# Possessive: no item is read twice. Each findall match is an item, (name, English, ""), or the rest of the
# text from where no item starts, ("", "", rest): a list of the usual shape gives only items.
# What follows the count of a count phrase ("3家美国实体", "20家日本实体", "2家实体", "等3家"): a country, a noun, 的, a
# blank, a bracket or the end. A numeral and 家 before anything else open a name ("三家湾防务公司（Three Bays Defense
# Corp.）": session 28, audit28/10, the entity was dropped from its prose list, the count warning alone told of it).
COUNT_FOLLOWS = "".join(sorted({name[0] for name in COUNTRY_NAMES} | set("实企公机单组个人的在外及等和、")))
COUNTED = rf"\s*{NUM}\s*[家名](?:\s*[{COUNT_FOLLOWS}]|[\s(（)）]|\Z)"
COUNTED_RE = lazy_compile(COUNTED)
PROSE_LIST_RE = lazy_compile(
    rf"\s*+(?!{COUNTED})([^\s()（）、][^()（）、]*+)[(（]([^()（）A-Za-z]*+[A-Za-z][^()（）]*+)[)）]"
    r"(?:\s*+[、,，]\s*+以及|\s*+、|以及|和|及|与(?!那国)|[,，]|\s*+\Z)|([\s\S]+)"
)
# "（见附件）" closing a segment: a pointer to the annex, no name (session 23, parse23: read as an entity "（见附件）").
# "（名单见附件）" (the UEL form) too (session 24, parse24: "…台湾地区企业（名单见附件）" with no count was read as an entity).
ANNEX_NOTE_RE = lazy_compile(r"\s*\(\s*(?:名单)?\s*(?:详?见)?\s*附件\s*\d*\s*\)\s*$")
# What such a segment ends with when it names a kind, not an entity ("…参与美国对台军售的台湾地区企业（名单见附件）", "下列美国
# 实体（见附件）"): the names are the annex's, none is read here.
ANNEX_KIND_RE = lazy_compile(r"(?:地区|国|的|下列|以下|相关|有关)\s*(?:实体|企业|机构|单位|组织)\s*$")
# A segment left as a kind noun alone once its qualifier is cut ("将附件所列参与对台湾地区军售的外国实体列入…", no bracket, no
# count: session 40, audit40/22: read as one entity "外国实体", a false listing that also kept the page from being held as a
# listing of nobody, its annex behind a link): no name. Tried only on a short segment with no bracket (KIND_ONLY_MAX).
KIND_ONLY_RE = lazy_compile(rf"\s*(?:中国)?(?:{COUNTRY_ALT}|外国|境外|国外|海外|相关|有关|下列|以下|上述)?\s*(?:实体|企业|公司|机构|单位|组织)\s*")
KIND_ONLY_MAX = 12
PROSE_OTHER = itemgetter(2)  # the rest of the text from where no item starts
# "峡谷材料科学公司等美国实体", "A（a）、B（b）等企业" closing a segment with no count: a summary of names written elsewhere (an annex,
# perhaps behind a link or in an image), never a name (session 46, blind46: read as one entity "峡谷材料科学公司等美国实体", no
# warning, where the annex was a linked page: a false name and the others missed, silently). No name is read from it: with no
# annex read, the listing of nobody with no count is refused (loud).
UNCOUNTED_SUMMARY_RE = lazy_compile(
    rf"等\s*(?:(?:{COUNTRY_ALT}|外国|境外|有关|相关)\s*)?(?:实体|企业|公司|机构|单位|组织)\s*$")


# "商务部公告2026年第23号附件所列第3项实体", "…附件第3项、第5项所列实体", "…附件第3项“甲公司（A Inc.）”": annex lines of an earlier
# notice named by number, with or without their names quoted: no name but the quoted ones (session 45: read as the entities
# "第3项实体", "商务部公告2026年第23号附件第3项“甲公司（A Inc.）”", a removal of names no listing has; ``rules.record`` reads the
# lines' numbers).
_LINES = r"第\s*\d{1,3}(?:\s*项?\s*[、,和及至-]\s*第?\s*\d{1,3})*\s*项\s*(?:“[^“”]{1,200}”\s*)?"
ANNEX_LINES_ONLY_RE = lazy_compile(
    rf"[^“”。]{{0,60}}?附件\s*(?:中\s*)?(?:所列(?:的)?\s*)?{_LINES}(?:(?:[、,和及与]|以及)\s*{_LINES})*"
    rf"(?:所列(?:的)?\s*)?(?:{NUM_SCANNED}\s*[家名]\s*)?(?:{COUNTRY_ALT})?\s*(?:实体|企业|公司|机构)?\s*")
QUOTED_NAME_RE = lazy_compile(r"“([^“”]{1,200})”")


def prose_entities(seg: str, country: str | None = None, folded: str | None = None) -> list[EntityRecord]:
    """Entities written inline in a decision sentence ("A（a）、B（b）等2家…" too); [] for a summary of an annex ("高点航空技术公司
    等16家", "…的台湾地区企业（名单见附件）"). ``folded`` is ``fold(seg)`` when the caller has it (a slice of the folded text).
    The usual list is read by one pattern (PROSE_LIST_RE), any other by cutting it into items and reading each."""
    folded = fold(seg) if folded is None else folded
    if "项" in folded and "附件" in folded and ANNEX_LINES_ONLY_RE.fullmatch(folded) is not None:
        return [e for name in QUOTED_NAME_RE.findall(seg) for e in prose_entities(name, country)]
    if folded.endswith(")") and "附件" in folded[-8:] and (pointer := ANNEX_NOTE_RE.search(folded)) is not None:
        seg, folded = seg[: pointer.start()], folded[: pointer.start()]  # "…所列2家美国实体（见附件）": the names are the annex's
        if ")" not in folded and ANNEX_KIND_RE.search(folded) is not None:
            return []
    groups = _count_groups(seg, folded) if "家" in folded or "个" in folded or "個" in folded else None
    if groups:
        return [e for g, fg, c in groups for e in prose_entities(g, c or country, fg)]
    summary = SUMMARY_RE.search(folded)
    if summary:
        seg, folded = seg[: summary.start()], folded[: summary.start()]
    elif "等" in folded and UNCOUNTED_SUMMARY_RE.search(folded) is not None:
        return []  # "X等美国实体": the names are elsewhere (UNCOUNTED_SUMMARY_RE)
    stripped, fstripped = _strip_qualifier(seg, folded)
    qualifier = folded[: len(folded) - len(fstripped)]
    located = "位于" in folded  # (one look for every name of the list: LOCATED_RE); the first name's qualifier:
    country = country or listed_by_country(qualifier) or (located_country(qualifier) if located else None)
    seg, folded = stripped, fstripped
    if len(folded) <= KIND_ONLY_MAX and ")" not in folded and KIND_ONLY_RE.fullmatch(folded) is not None:
        return []  # a kind, no name (KIND_ONLY_RE)
    country = country or _list_country(folded)
    if ")" not in folded and "(" not in folded and LATIN_RE.search(folded) is not None:
        seg, folded = _latin_list(seg, folded)
    if "、" not in folded and ")" not in folded and COUNT_PHRASE_RE.match(folded):
        return []  # one item, "20家日本实体": a count, no name (no "、" or ")" to cut at)
    names = PROSE_LIST_RE.findall(seg)
    if names and not any(map(PROSE_OTHER, names)):
        if summary and len(names) == 1:
            return []
        return _names_listed(names, country, located)
    items = _merge_fragments(prose_items(seg, folded))
    if not items or (summary and len(items) == 1):
        return []
    return _items_read(seg, items, country, located)


def _names_listed(names: list[tuple[str, str, str]], country: str | None, located: bool) -> list[EntityRecord]:
    """The entities of the usual list (PROSE_LIST_RE's matches, "A（a）、B（b）"): each name with its English, a parent
    named before "及其…" or "…子公司" its own entity or its parent, and the country its qualifier says."""
    listed: list[EntityRecord] = []
    for zh, en, _ in names:
        cut = _branch_cut(zh) if "及其" in zh else 0
        if cut:
            parent, own = listed_by_own(clean_display(zh[:cut].strip(TRAILING_PUNCT)), country)
            if parent:
                listed.append(_person_of(prose_entity(parent, None, own, None)))
            zh = zh[cut:]
        name, own = listed_by_own(clean_display(zh if not zh.startswith(BRANCH_PREFIX_FIRST)
                                                 else _without_branch_prefix(zh)), country)
        if name and ("实体" in name or "籍" in name):
            name, own = kind_opened(name, own)
        if located:
            name, own = _located(name, own)
        parent = None
        if name and "子公司" in name and (sub := SUBSIDIARY_OF_RE.match(name)) is not None:
            name, parent = name[sub.end() :], sub.group(0)  # "内华达山脉公司子公司内华达山脉空间系统公司"
        listed.append(_person_of(prose_entity(name, english_display(en), own, parent)))
    return listed


def _items_read(seg: str, items: list[Item], country: str | None, located: bool) -> list[EntityRecord]:
    """The entities of a list cut into items (``prose_items``: any list the usual pattern does not read): counts
    passed over, a parent before "及其…" its own entity, "…及其子公司" alone a note on the entity before it."""
    out: list[EntityRecord] = []
    end = 0  # where the last item ends in ``seg``
    for item, fitem in items:
        at = seg.find(item, end)
        joint, end = (seg[end:at].strip(), at + len(item)) if at >= 0 else ("", end)
        if COUNT_PHRASE_RE.match(fitem) and (")" not in fitem or COUNTED_RE.match(fitem)):
            continue  # a count; "三家湾防务公司（Three Bays Defense Corp.）" (its English after it) is a name
        cut = _branch_cut(fitem) if "及其" in fitem else 0
        if cut:
            zh, own = listed_by_own(clean_display(item[:cut].strip(TRAILING_PUNCT)), country)
            if zh:
                out.append(_person_of(prose_entity(zh, None, own, None)))
            item, fitem = item[cut:], fitem[cut:]
        if fitem.startswith(BRANCH_PREFIX_FIRST):
            bare = _without_branch_prefix(item)
            if not bare.strip(TRAILING_PUNCT) and out:  # "甲公司（Alpha）及其子公司": about the one before, no name
                last = out[-1]
                note = clean_display((joint if joint in BRANCH_JOINTS else "") + item.strip(TRAILING_PUNCT))
                out[-1] = make_entity(last.zh, last.en, last.country, last.n, last.branches, note)
                continue
            item, fitem = bare, fitem[len(fitem) - len(bare) :]
        item, fitem, place, note = place_tail(item, fitem) if ")" in fitem else (item, fitem, None, None)
        zh, en = split_name(item, fitem)
        if zh or en:
            zh, own = listed_by_own(zh, place or country)
            if zh and ("实体" in zh or "籍" in zh):
                zh, own = kind_opened(zh, own)
            if located:
                zh, own = _located(zh, own)
            out.append(_person_of(prose_entity(zh, en, own, note)))
    return out


# English names alone, no bracket: "将Anvil Robotics, Inc.、Kestrel Dynamics, LLC和Vantor Space Systems, Inc.三家美国实体列入…"
# (session 37, audit37/16: "Kestrel Dynamics, LLC和Vantor Space Systems, Inc.三家美国实体" read as one Chinese name, a count
# warning): 和/及/与 between two Latin names joins them as "、" does, and the count after the last is no part of it.
LATIN_JOINT_RE = lazy_compile(r"(?<=[A-Za-z.])\s*[和及与]\s*(?=[A-Za-z])")
LATIN_COUNT_TAIL_RE = lazy_compile(rf"(?<=[A-Za-z.])\s*{NUM}\s*[家个](?:{COUNTRY_ALT})?\s*(?:实体|企业|公司|机构)\s*$")


def _latin_list(seg: str, folded: str) -> Item:
    """``seg`` (and ``folded``) with its joints between Latin names written "、" and its closing count cut off."""
    tail = LATIN_COUNT_TAIL_RE.search(folded)
    if tail is not None:
        seg, folded = seg[: tail.start()], folded[: tail.start()]
    for m in reversed(list(LATIN_JOINT_RE.finditer(folded))):
        seg = seg[: m.start()] + "、" + seg[m.end() :]
        folded = folded[: m.start()] + "、" + folded[m.end() :]
    return seg, folded


def summarised_names(seg: str, country: str | None = None, folded: str | None = None) -> list[EntityRecord]:
    """The names a summary of an annex writes before its count ("北岬防务公司（North Cape Defense Corp.）等6家美国企业"): for
    a notice whose annex gave none (only a PDF, an image or a link; session 31, audit31/05 and session 30, audit30/01: the
    one name written was lost too, the count warning alone told of the others)."""
    folded = fold(seg) if folded is None else folded
    summary = SUMMARY_RE.search(folded) if "等" in folded else None
    if summary is None or summary.start() == 0:
        return []
    return prose_entities(seg[: summary.start()], country, folded[: summary.start()])


def _list_country(folded: str) -> str | None:
    """The country a list's opening word gives every name of it: "决定将美国PVH集团、因美纳公司（Illumina, Inc.）列入…" (the
    country, then a Latin letter: a word before the name, as ``completed`` reads it for the first name; session 29, names29:
    Illumina had no country), when no later name opens with a country of its own; else None."""
    if "、" not in folded or not folded.startswith(COUNTRY_NAMES):
        return None
    code = next((c for name, c in COUNTRIES.items()
                 if folded.startswith(name) and len(folded) > len(name) + 1 and folded[len(name)].isascii()), None)
    if code is None or any("、" + name in folded or "、 " + name in folded for name in COUNTRY_NAMES):
        return None
    return code


# "位于美国弗吉尼亚州的切萨皮克系统公司（…）": where the entity is, before its name (session 23, parse23: a later name
# kept the words, and no name had the country they give).
LOCATED_RE = lazy_compile(rf"位于\s*(?P<c>{COUNTRY_ALT})[^,，。;；、()（）]{{0,30}}?的\s*")


def located_country(folded: str) -> str | None:
    """The country of "位于<country>…的" in a name's qualifier, else None."""
    m = LOCATED_RE.search(folded)
    return COUNTRIES[m.group("c")] if m else None


# "决定将内华达山脉公司子公司内华达山脉空间系统公司（Sierra Space Systems, Inc.）…列入": the parent named before its subsidiary is
# no part of the subsidiary's name (session 28, audit28/21); it goes to the note.
SUBSIDIARY_OF_RE = lazy_compile(r"[^()、,]{2,30}?(?:公司|集团|株式会社)的?(?:全资|控股)?子公司(?=[^()、,]{2,}$)")


def _located(zh: str | None, country: str | None) -> tuple[str | None, str | None]:
    """A later name of a prose list with the words saying where it is before it (LOCATED_RE): the name without them,
    and their country (else ``country``)."""
    m = LOCATED_RE.match(zh) if zh else None
    if m is None or not zh or m.end() >= len(zh):
        return zh, country
    return zh[m.end() :], COUNTRIES[m.group("c")]


# "决定将美国实体天穹防务公司（…）、中国台湾地区实体龙腾航电股份有限公司（…）和中国台湾地区实体宝岛…（…）等3家实体列入…": each name
# opened by its country and 实体 (session 51, blind51/35: read as the names "美国实体天穹防务公司", "中国台湾地区实体龙腾…", no
# country, silently: a search for the name found nothing); so too "美国籍人员罗伯特·J·凯恩（Robert J. Kane）、加拿大籍人员…" (blind51/37).
# "<country>实体" opens no name; "<country>企业" may ("美国企业研究所"), so only 实体 (KIND_PREFIX_RE reads either after a
# qualifier's 的). Looked for only in a name holding "实体" or "籍". A general word may open them: "决定将有关美国实体霜岭导航公司（…）
# 列入…" (cycles58/03: the name kept "有关美国实体"; keyed by its English name).
KIND_OPENING_RE = lazy_compile(rf"\s*(?:有关|相关)?\s*(?:中国)?\s*(?P<c>{COUNTRY_ALT})\s*(?:实体|籍\s*(?:人员|人士|公民|个人)?)\s*(?=[^\s(（、,，])")


def kind_opened(zh: str | None, country: str | None) -> tuple[str | None, str | None]:
    """A name of a prose list opened by its country and 实体 (KIND_OPENING_RE): the name without them, and their
    country; else ``zh`` and ``country``."""
    if not zh or "实体" not in zh and "籍" not in zh:
        return zh, country
    m = KIND_OPENING_RE.match(zh)
    if m is None or m.end() >= len(zh):
        return zh, country
    return zh[m.end() :], COUNTRIES[m.group("c")]


def listed_by_own(zh: str | None, country: str | None) -> tuple[str | None, str | None]:
    """A later name of a prose list with the words naming its own listing notice before it ("…、商务部公告2026年第20号所列
    德国实体莱茵光学系统有限公司（…）"): the name without them, and the country they give (else ``country``) (session 22,
    parse22: the name kept the words and took the first name's country)."""
    if not zh or "所列" not in zh:
        return zh, country
    last = None
    for last in LISTED_BY_RE.finditer(zh):
        pass
    bare = None
    for bare in NOTICE_LISTED_RE.finditer(zh):
        pass
    if bare is not None and (last is None or bare.end() > last.end()) and bare.end() < len(zh):
        return zh[bare.end() :], country
    if last is None or last.end() >= len(zh):
        return zh, country
    return zh[last.end() :], COUNTRIES[last.group("c")] if last.group("c") else country


# "A（a）、B（b）2家日本实体和C（c）1家中国台湾地区实体": each group of names closed by its own count and country.
# "…（Cascade Electronics Corp.）共3家美国实体" (session 30, names30: "共3家美国实体" was read into the last name, keyed by it).
# "…（Gamma Avionics Inc.），共3家美国实体" (session 36, audit36/16: a comma before 共, "共3家美国实体" read as a fourth entity).
# "…以及银河卫星通信公司（Galaxy Satcom Corp.）4个实体" (session 42, audit42/17: 个 as the counter, "4个实体" read into the last
# name, its English lost): 个 counts as 家 does, an entity noun after it.
GROUP_COUNT_RE = lazy_compile(rf"\)\s*(?:,?\s*(?:共计|合计|共|计))?\s*{NUM}\s*[家个個]\s*(?P<c>{COUNTRY_ALT})?\s*{ENTITY_NOUN}\s*")
GROUP_JOINT_RE = lazy_compile(r"\s*(?:以及|和|及|与|、|,|;)?\s*")


def _count_groups(seg: str, folded: str) -> list[tuple[str, str, str | None]] | None:
    """The groups of a list written as groups each closed by its count (GROUP_COUNT_RE), as (names, folded, country),
    when the last closes the list; else None (session 21, parse21: the second group and the count between were read
    as one name; session 22, parse22: one group, "A（a）、B（b）2家美国实体", read the count into B's name and lost B's
    English)."""
    found = list(GROUP_COUNT_RE.finditer(folded))
    if not found or folded[found[-1].end() :].strip():
        return None
    out, start = [], 0
    for m in found:
        stop = m.start() + 1  # the group keeps its closing bracket
        out.append((seg[start:stop], folded[start:stop], COUNTRIES[m.group("c")] if m.group("c") else None))
        joint = GROUP_JOINT_RE.match(folded, m.end())  # it matches the empty string too
        start = joint.end() if joint else m.end()
    return out


def prose_entity(zh: str | None, en: str | None, country: str | None, note: str | None = None) -> EntityRecord:
    """An entity of a prose list; an alias in its English bracket ("（Sequoia Dynamics Inc.，又称…）") or in a bracket after
    its Chinese name ("银鲑海事技术公司（又名银鲑海洋技术公司）（Silver Salmon…）": session 26, parse26, it stayed in the name)
    goes to the note (and so to its aliases), as on an annex line."""
    if en and any(w in en for w in ALIAS_WORDS) or zh and ("（" in zh or "(" in zh) and any(w in zh for w in ALIAS_WORDS):
        zh, en, alias = aliases_out(zh, en)
        note = "，".join(filter(None, (note, alias))) or None
    return make_entity(zh, en, country, note=note)


# A company's person named after it with a role: "甲公司（Alpha）及其首席执行官X·Y（…）、首席财务官Z·W（…）" (session 17,
# mfa17: the names read "其首席执行官X·Y" and "首席财务官Z·W"). The role is a note, the name the rest.
ITS_ROLE_RE = lazy_compile(
    r"^(?P<its>其)?(?P<role>[\u4e00-\u9fff]{0,6}?(?:首席[\u4e00-\u9fff]{1,4}官|总裁|董事长|总经理|创始人|负责人|董事会主席))"
    r"(?P<name>[^\s、，,()（）]{2,})$")
ROLE_FIRST = frozenset("其首总董创负联副高执亚前")  # the first character of every ITS_ROLE_RE match worth trying


def _person_of(e: EntityRecord) -> EntityRecord:
    """``e`` with a role written before its name (ITS_ROLE_RE: after 其, or before a transliterated name, a middle
    dot in it) moved to the note; else ``e``."""
    zh = e.zh
    if not zh or zh[0] not in ROLE_FIRST:
        return e
    m = ITS_ROLE_RE.match(zh)
    if m is None or not (m.group("its") or "·" in m.group("name") or "•" in m.group("name")):
        return e
    note = "，".join(filter(None, (m.group("role"), e.note)))
    return make_entity(m.group("name"), e.en, e.country, e.n, e.branches, note)


# "及其分支机构科技洞察日本公司（TechInsights Japan KK）": the words before a branch's name (or, alone, a
# clause about the entity before: "甲公司（Alpha）及其子公司"). Every match opens with 其, 及 or 以. With their count:
# "及其2家子公司北极星光学公司（…）、…" (session 31, names31; names30/23: the name read "其2家子公司北极星光学公司").
# "及其在华分支机构" (session 36, audit36/15: no qualifier of place was known, "其在华分支机构" read as an entity) and
# "及其子公司，包括乙公司（…）" (audit36/16: the name read "，包括乙公司"). "及其在日本的分支机构X（…）" (session 53, blind54/43: the
# name read "其在日本的分支机构X", a third entity beside a count of 2).
BRANCH_PREFIX_RE = lazy_compile(
    rf"^(?:及|以及)?其(?:全部|所有|下属|境外|海外|在华|驻华|在中国(?:境内)?|中国境内|在[\u4e00-\u9fff]{{1,10}}?的)?(?:\s*{NUM}\s*家\s*)?"
    r"(?:分支机构|子公司|分公司|关联公司|关联企业|附属公司|附属机构|下属企业|下属公司|(?<=下属)(?!企业|公司|机构|单位))"
    r"(?:\s*以下\s*(?:实体|企业|公司|单位|机构))?"
    r"\s*(?:[:：]|[,，]?\s*(?:包括(?:但不限于)?|包含|含|即)\s*[:：]?)?\s*"
)  # "及其下属哨兵海事公司（…）": 下属 alone before a name (session 38, audit38/04: the name kept "其下属"); "及其下属以下实体：
# 甲（…）、乙（…）" (session 43, audit43/02: the first subsidiary's name kept "以下实体：")
BRANCH_PREFIX_FIRST = ("其", "及其", "以及其")
BRANCH_JOINTS = ("及", "以及", "和")


def _branch_cut(name: str) -> int:
    """Where "及其子公司乙公司" begins in a name run "甲公司及其子公司乙公司" (no bracket before it, a name after it), else 0: the
    parent before it is an entity of its own, its English written elsewhere or not (session 31, audit31/17: one entity
    "甲公司及其子公司乙公司" with the subsidiary's English, the parent lost)."""
    cut = name.find("及其", 2)
    if cut < 2 or "(" in name[:cut] or "（" in name[:cut] or BRANCH_PREFIX_RE.match(name[cut:]) is None:
        return 0
    return cut if _without_branch_prefix(name[cut:]).strip(TRAILING_PUNCT) else 0


def _without_branch_prefix(name: str) -> str:
    """``name`` without a leading "其分支机构" (folding keeps every place, so the cut fits the folded copy too)."""
    m = BRANCH_PREFIX_RE.match(name)
    return name[m.end() :] if m else name


# What ends PROSE_DECISION_RE's segment: after "决定将", a listing verb; after "决定对", 采取 and the countermeasure words.
SEGMENT_ENDS = {"将": re.compile(f"{LISTED_IN}|纳入|{FROM_LIST_OUT}|移[出除]|调出|{MOVED_FROM}"), "对": re.compile("采取(?:以下|相应|有关)?反制措施")}
PROSE_MAX = 3000  # a longer segment is no list
# "工作机制决定，自2026年12月10日起，将系统研究与模拟公司移出…": a start between 决定 and its 将 (session 28, audit28/04: the
# acting sentence was not found from its 决定, and the history sentence before it, "…决定将甲（…）、乙（…）等7家美国实体列入…",
# gave the removal's entities: both removed, the one recounted falsely).
DATED_DECISION_OPENS = (",", "自")
NOT_AGAIN = "不再将"
DATED_DECISION_RE = lazy_compile(r",?\s*自[^,。;\n]{1,24}?起\s*,?\s*")
# "商务部决定：\n一、将甲公司（…）、乙公司（…）列入…", "决定对出口管制管控名单作如下调整：\n一、将…": the acting sentence
# ``decision_prose`` starts from an item under a lead-in that decides, its segment the item's own (session 38, audit38/06-07:
# the next 决定, item 二's "决定将其移出", gave the listing its entities: the 2 listed missed, the one removed read as listed).
ITEM_OPENING_RE = lazy_compile(r"\s*(?:[一二三四五六七八九十]{1,3}\s*、|\(\s*[一二三四五六七八九十]{1,3}\s*\))\s*(?=[将对]|自[^,。;\n]{1,24}?起\s*,?\s*将)")
# The lead-in itself after a 决定 ("决定：", "决定对…作如下调整："), its first item the segment, when the search starts above it.
DECIDED_ITEMS_OPENS = (":", "对")
# With no item number: "商务部决定：\n\n将A（a）列入…" (session 47, words47: no name read).
DECIDED_ITEMS_RE = lazy_compile(r"(?:对[^\n。:;]{0,40}?作如下[\u4e00-\u9fff]{0,4})?\s*:\s*\n\s*"
                                r"(?:[一二三四五六七八九十]{1,3}\s*、|\(\s*[一二三四五六七八九十]{1,3}\s*\)|(?=将))\s*")


def decision_prose(folded: str, clean: str, start: int = 0) -> tuple[str, int] | None:
    """The "决定将…列入" (or "决定对…采取反制措施") segment as written, and its offset
    (the first one from ``start``, the acting sentence: an earlier one may be history)."""
    span = _prose_decision(folded, start)
    if span is None or span[1] - span[0] > PROSE_MAX:
        return None
    return clean[span[0] : span[1]], span[0]


def _prose_decision(folded: str, start: int) -> tuple[int, int] | None:
    """The span of the segment PROSE_DECISION_RE.search(folded, start) finds, found from each 决定 (the lazy
    regex tries its endings at every character): the shortest run without "。" from the 将 or 对 that one of
    its endings (SEGMENT_ENDS) follows, whose search stops at the "。" (no ending holds one)."""
    find, size = folded.find, len(folded)
    pos = find("决定", start)
    if start and (item := ITEM_OPENING_RE.match(folded, start)) is not None:
        pos = item.end() - 2  # the acting sentence an item under a deciding lead-in ("…决定…如下调整：\n一、将…列入…")
    while pos >= 0:
        at = pos + 2
        while at < size and folded[at].isspace():
            at += 1
        if folded[at : at + 1] in DATED_DECISION_OPENS:  # "决定，自2026年12月10日起，将甲公司移出…"
            dated = DATED_DECISION_RE.match(folded, at)
            at = dated.end() if dated else at
            if dated is None and folded[at] == ",":  # "工作机制决定，将甲公司（…）、乙公司（…）列入…" (audit35/05, /14)
                at += 1
                while at < size and folded[at].isspace():
                    at += 1
        if folded[at : at + 1] in DECIDED_ITEMS_OPENS and (items := DECIDED_ITEMS_RE.match(folded, at)) is not None:
            at = items.end()
        if folded.startswith(NOT_AGAIN, at):
            at += 2  # "决定，不再将X（x）列入出口管制关注名单": a removal's object (session 47, words47)
        ending = SEGMENT_ENDS.get(folded[at : at + 1])
        if ending is not None:
            stop = find("。", at + 1)
            end = ending.search(folded, at + 2, size if stop < 0 else stop)
            # not inside a quoted title: "对甲公司（…）继续暂停实施《关于对…采取反制措施的决定》…" (session 35: with "决定，对" now read)
            while end is not None and folded.rfind("《", at, end.start()) > folded.rfind("》", at, end.start()):
                end = ending.search(folded, end.end(), size if stop < 0 else stop)
            if end is not None:
                cut = end.start()
                if folded.startswith(AGAIN, cut - 2, cut) and cut - 2 > at + 1 and end[0] == "列入":  # "重新列入"
                    cut -= 2
                return at + 1, cut
        pos = find("决定", pos + 1)
    return None


def object_of_dui(folded: str, clean: str) -> str | None:
    """"决定对美国PVH集团…启动调查" -> "美国PVH集团"."""
    m = _object_of_dui_match(folded)
    if not m:
        return None
    seg = clean[m.start("seg") : m.end("seg")]
    close = folded.find(")", m.start("seg"), m.end("seg")) - m.start("seg")
    if close > 0:
        seg = seg[: close + 1]
    return seg.strip()


POINTERS = ("该", "其", "上述", "前述", "以上", "此")
CLAUSE_OPENERS = ";；,，"


def objects_of_dui(clean: str) -> list[EntityRecord]:
    """The several entities an investigation or a measure names as the object of 对 in its own sentence ``clean``
    ("决定对美国天际防务公司（Skyline Defense Inc.）、北方之星航空公司（Northstar Aviation LLC）涉嫌…的行为立案调查"):
    a prose list of two or more, read as a listing's prose is; [] for one name (``object_of_dui`` reads it)."""
    folded = fold(clean)
    m = _object_of_dui_match(folded) if len(folded) == len(clean) else None
    if not m:
        return []
    if "、" in m["seg"] or m["seg"].count(")") >= 2:
        found = prose_entities(clean[m.start("seg") : m.end("seg")].strip(), None, None)
        return found if len(found) > 1 else []
    # one each in clauses of their own: "决定对甲公司处以罚款，…；对乙公司处以罚款，…"
    names = []
    while m is not None:
        if not m["seg"].lstrip().startswith(POINTERS):  # "对该企业再次处以罚款": the one named before
            names.append(split_name(clean[m.start("seg") : m.end("seg")].strip()))
        m = _object_of_dui_match(folded, m.end())
        # a later one opens a clause of its own ("；对乙公司处以罚款"), not a phrase in the first's ("、对中国企业…采取…")
        while m is not None and folded[: m.start()].rstrip()[-1:] not in CLAUSE_OPENERS:
            m = _object_of_dui_match(folded, m.end())
    return [make_entity(zh, en) for zh, en in dict.fromkeys(names) if zh or en] if len(set(names)) > 1 else []


def _object_of_dui_match(folded: str, start: int = 0) -> re.Match[str] | None:
    """``OBJECT_OF_DUI_RE.search(folded)``, tried only where a match can start: at each 对, or at the
    决定 right before it (the regex has no literal to skip the rest of the text by)."""
    pos = folded.find("对", start)
    while pos >= 0:
        m = OBJECT_OF_DUI_RE.match(folded, pos - 2) if pos - 2 >= start and folded.startswith("决定", pos - 2) else None
        m = m or OBJECT_OF_DUI_RE.match(folded, pos)
        if m:
            return m
        pos = folded.find("对", pos + 1)
    return None
