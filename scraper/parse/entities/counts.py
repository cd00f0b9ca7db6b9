"""The count a notice states ("将16家美国实体列入") and the country it gives them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..lazyre import lazy_compile
from ..textnorm import NUM, to_int
from .names import (
    COUNT_NUMERALS,
    COUNT_RE,
    COUNTRIES,
    COUNTRY_ALT,
    COUNTRY_IN_RE,
    ENTITY_NOUN,
    GE,
    GE_NOUNS,
    GE_WINDOW,
    TRADITIONAL_NOUNS,
    WORDLESS_NUMERALS,
)

NUM_MAX = 6  # the longest NUM: a match starts at most this many characters before its 家 or 名 (spaces aside)


def _count_lines(text: str) -> list[tuple[int, int, int]]:
    """(start, end, search from) of each line of ``text`` where COUNT_RE can match: a numeral, spaces
    aside, right before 家 or 名 (what COUNT_GATE_RE finds) or before 个 with an entity noun after it
    (``_ge_counts``), found from the 家, 名 and 个 by ``str.find`` ("名单" is on most lines of a notice). Every match ends its NUM at such a numeral, so no match of
    the line starts more than NUM_MAX - 1 characters before the line's first one."""
    if "家" not in text and "名" not in text and "个" not in text and "個" not in text:
        return []
    hits = []
    find = text.find
    for word in "家名个個":
        pos = find(word)
        while pos >= 0:
            j = pos - 1
            while j >= 0 and text[j].isspace() and text[j] != "\n":
                j -= 1
            if j >= 0 and (text[j] in COUNT_NUMERALS or text[j].isdecimal()) and (word not in GE or _ge_counts(text, pos)):
                hits.append((pos, j))
            pos = find(word, pos + 1)
    if not hits:
        return []
    if len(hits) > 1:
        hits.sort()
    out: list[tuple[int, int, int]] = []
    line_end = -1
    for pos, j in hits:
        if pos < line_end:
            continue  # a line already taken, from its first numeral
        start = text.rfind("\n", 0, pos) + 1
        line_end = find("\n", pos)
        if line_end < 0:
            line_end = len(text)
        out.append((start, line_end, max(start, j - NUM_MAX + 1)))
    return out


def _ge_counts(text: str, pos: int) -> bool:
    """Whether the 个 at ``pos`` may count (COUNTED_BY_GE): an entity noun within the next GE_WINDOW characters of its
    line ("3个美国实体"), which "个月" and "一个中国原则" have not; COUNT_RE decides."""
    near = text[pos + 1 : pos + GE_WINDOW + 1].split("\n", 1)[0]
    return any(noun in near for noun in GE_NOUNS)


def stated_count(texts: list[str]) -> tuple[int | None, str | None]:
    """(count, country) from the first text (folded) saying "N家(美国)实体": the plain reading
    (every line, every match), which ``count_and_country`` gives faster."""
    for text in texts:
        for s, e in _lines(text):
            m = next(filter(counted, COUNT_RE.finditer(text, s, e)), None)
            if m and (parts := _parts_at(text, s, m)):
                return sum(parts), _count_country(m)
    return None, None


def count_parts(texts: Iterable[str]) -> tuple[int, int] | None:
    """The stated count of ``stated_count``'s match as (organizations, persons): what 家 (or 个) counts and what 名 counts
    ("2名个人和3家实体": (3, 2); "甲公司及其2名高级管理人员": the company, (1, 2)); None with no count."""
    for text in texts:
        for s, e, begin in _count_lines(text):  # (the lines count_and_country reads, and its first match of a line)
            m = next(filter(counted, COUNT_RE.finditer(text, begin, e)), None)
            if m and (parts := _parts_at(text, s, m)):
                return parts
    return None


def _parts_at(text: str, line_start: int, m: re.Match[str]) -> tuple[int, int] | None:
    """The count a COUNT_RE match states, with what stands beside it (the counts before it, the persons joined after
    it, the parent of counted branches), as (organizations, persons); None for a numeral that counts nothing (0)."""
    n = to_int(m.group("n"))
    if not n:
        return None
    own = n + _counts_before(text, line_start, m.start())
    joined, parent = _persons_after(text, m), _its_parent(text, line_start, m)
    if text[m.end("n") : m.end("n") + 2].lstrip()[:1] == "名":
        return joined + parent, own
    return own + parent, joined


def country_of(texts: list[str]) -> str | None:
    """Country from "N家美国实体" in any text (every line, every match)."""
    for text in texts:
        for s, e in _lines(text):
            for m in filter(counted, COUNT_RE.finditer(text, s, e)):
                code = _count_country(m)
                if code:
                    return code
    return None


def _lines(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for line in text.split("\n"):
        yield start, start + len(line)
        start += len(line) + 1


def count_and_country(texts: Iterable[str]) -> tuple[int | None, str | None]:
    """``stated_count`` and ``country_of`` in one pass over the matches: the stated count, and the
    first country any "N家美国实体" names (the stated count's own is one of them); reading stops when
    both are found (``split_and_country``, summed)."""
    split, country = split_and_country(texts)
    return (sum(split) if split else None), country


def split_and_country(texts: Iterable[str], split: tuple[int, int] | None = None,
                      country: str | None = None) -> tuple[tuple[int, int] | None, str | None]:
    """``count_and_country`` with the stated count as ``count_parts`` gives it, (organizations, persons): found where the
    count is, so typing by it (``rules.named``) reads no count again (session 32). ``split`` and ``country``: what
    earlier texts gave, to go on reading after them."""
    for text in texts:
        if split is not None and country is not None:
            break
        for s, e, begin in _count_lines(text):
            for i, m in enumerate(filter(counted, COUNT_RE.finditer(text, begin, e))):
                if split is None and i == 0:  # (stated_count reads the first match of a line)
                    split = _parts_at(text, s, m)
                country = country or _count_country(m)
                if split is not None and country is not None:
                    return split, country
    if country is None:
        country = _uncounted_country(texts)
    return split, country


# "北辰导航公司等十余家美国实体", "等多家美国实体": no count (none is read), yet the country of the entities it names, as
# "等16家美国实体" gives it (session 44, audit44/03 and /21: every country lost). Asked only of a text holding 余家, 多家,
# 数家 or 若干家 ("等20余家美国实体" too: session 51, count51/11, every country lost): one walk over its 家 (four finds of those words over every text with no country cost ~14,700
# instructions a page; perf45).
UNCOUNTED_WORDS = ("余家", "多家", "数家", "若干家")
UNCOUNTED_RE = lazy_compile(rf"等\s*(?:[十百]余|[0-9０-９]{{1,3}}\s*余|多|数|若干)\s*家\s*(?P<c>{COUNTRY_ALT})\s*(?:{ENTITY_NOUN})")


# "决定将附件所列美国实体列入出口管制管控名单": no count, yet the country of the entities the annex lists, as "将16家美国实体"
# gives it (session 45, audit45/12-13: every country lost). Asked only of a text holding 所列.
ANNEXED_COUNTRY_RE = lazy_compile(rf"(?:附件|名单|清单)\s*(?:中|内)?\s*所列\s*(?:的\s*)?(?P<c>{COUNTRY_ALT})\s*(?:{ENTITY_NOUN})")


def _uncounted_country(texts: Iterable[str]) -> str | None:
    for text in texts:
        if _uncounted_word(text) and (m := UNCOUNTED_RE.search(text)) is not None:
            return COUNTRIES[m.group("c")]
        if "所列" in text and (m := ANNEXED_COUNTRY_RE.search(text)) is not None:
            return COUNTRIES[m.group("c")]
    return None


def _uncounted_word(text: str) -> bool:
    """Whether ``text`` holds a word of UNCOUNTED_WORDS: a 家 right after 余, 多 or 数, or after 若干."""
    at = text.find("家", 1)
    while at >= 0:
        if text[at - 1] in "余多数" or at > 1 and text[at - 2 : at] == "若干":
            return True
        at = text.find("家", at + 1)
    return False


def counted(m: re.Match[str]) -> bool:
    """Whether a COUNT_RE match is a count: not one in the numerals of amounts (or 廿) with words before its noun ("陆家嘴金融
    公司": a name)."""
    return not m.group("q") or not any(ch in WORDLESS_NUMERALS for ch in m.group("n"))


def _count_country(m: re.Match[str]) -> str | None:
    """"16家美国实体" -> US; "5家韩华海洋株式会社美国子公司" -> US (the country inside the qualifier)."""
    if m.group("c"):
        return COUNTRIES[m.group("c")]
    inner = COUNTRY_IN_RE.search(m.group("q") or "")
    return COUNTRIES[inner.group(0)] if inner else None


JOINS = "和、及与"
# What may stand between the join and the joined count: up to 60 characters of one clause, a bracket (an English name,
# "Hemlock Compliance Services, Inc." with its comma) counted as one ("对X（x）、Y（y）2名个人和A（a）、B（b）、C（c）3家实体"
# states 5: session 31, names31; names30/09: the 3家 stood past 40 characters, and a comma inside a bracket ended the
# clause, so 2 was stated for 5 read). JOINED_NEAR: how far after the count the join's count is looked for at all.
JOINED = r"(?:[^，,。；;\n()]|\([^()\n]{0,120}\)){0,60}?"
JOINED_NEAR = 400
COUNT_BEFORE_RE = lazy_compile(rf"(?P<n>{NUM})\s*[家名]\s*[{JOINS}]\s*$")
# "对甲公司等2家美国企业及约翰·斯密特等2名个人采取反制措施" states 4: the persons joined to the companies' count
# (session 18: 2 was stated, so the whole annex warned).
# "…3家实体和2人" (session 30, names30: 3 was stated for 5 read).
PERSONS_AFTER_RE = re.compile(
    rf"\s*(?:及|和|以及){JOINED}(?P<n>{NUM})\s*(?:名\s*[\u4e00-\u9fff]{{0,8}}?(?:[个個]人|人[员員])|人(?![员員士民]))")


# "对2名个人和3家实体采取反制措施" states 5: the companies joined to the persons' count (session 30, names30; audit29/16:
# 2 was stated, and read as the whole order's).
ENTITIES_AFTER_RE = lazy_compile(
    rf"\s*(?:及|和|以及|与){JOINED}(?P<n>{NUM})\s*家\s*[\u4e00-\u9fff]{{0,8}}?(?:实体|企业|公司|机构|组织|单位|{'|'.join(TRADITIONAL_NOUNS[:-1])})")
PERSON_NOUNS = ("个人", "人员", "個人", "人員")


def _persons_after(text: str, m: re.Match[str]) -> int:
    """The count of persons joined after a count of companies ("2家美国企业及…等2名个人"), or of companies joined after a
    count of persons ("2名个人和3家实体"), else 0."""
    unit = text[m.end("n") : m.end("n") + 2].lstrip()[:1]  # 家, 名 or 个 (spaces aside)
    if unit == "家" or unit in GE:  # "等1个机构和X等1名人员" (an MFA decision's wording) states 2
        near = text[m.end() : m.end() + JOINED_NEAR]
        if "名" not in near and "人" not in near:
            return 0
        after = PERSONS_AFTER_RE.match(text, m.end())
    elif unit == "名" and m.group(0).endswith(PERSON_NOUNS) and "家" in text[m.end() : m.end() + JOINED_NEAR]:
        after = ENTITIES_AFTER_RE.match(text, m.end())
    else:
        return 0
    return (to_int(after.group("n")) or 0) if after else 0


# "甲公司（Alpha）及其2家子公司乙（…）、丙（…）" states 3: the parent named before "及其" and the branches its count counts (session
# 31, names31; names30/23: 2 was stated for the 3 listed, a count warning on a text read right); so does "甲公司及其2名高级管理
# 人员" (names30/10-11's titles: no count was read, the persons unchecked).
ITS_LEADS = ("及其", "和其")
ITS_NOUNS = ("子公司", "分公司", "分支机构", "关联公司", "关联企业", "附属公司", "附属机构", "下属企业", "下属公司", "人员", "人員")


def _its_parent(text: str, line_start: int, m: re.Match[str]) -> int:
    """1 for the parent a count of its branches or its staff follows ("及其2家子公司", "及其2名高级管理人员"), else 0."""
    head = text[max(line_start, m.start() - 4) : m.start()].rstrip()
    if not head.endswith(ITS_LEADS):
        # "甲公司（Alpha）及其X（x）、Y（y）两名高级管理人员": the staff named after 及其, counted after their names (session 37,
        # audit37/02: "parsed 3 entities, notice states 2" on a text read right)
        if not head.endswith((")", "）")) or not m.group(0).endswith(ITS_NOUNS):
            return 0
        its = text.rfind("及其", line_start, m.start())
        return 1 if its > line_start and text[its - 1] in ")）" and not any(
            c in text[its : m.start()] for c in "，,。；;") else 0
    return 1 if m.group(0).endswith(ITS_NOUNS) else 0


def _counts_before(text: str, line_start: int, pos: int) -> int:
    """"16家和12家美国实体" states 28: the counts joined to the matched one."""
    total = 0
    while pos > line_start:
        before = text[pos - 1]  # every match ends in 和、及与 and spaces
        if before not in JOINS and not before.isspace():
            return total
        m = COUNT_BEFORE_RE.search(text, max(line_start, pos - 20), pos)
        if not m:
            return total
        total += to_int(m.group("n")) or 0
        pos = m.start()
    return total
